//! The app's single state holder, provided as context. Pages read signals and send commands through
//! [`AppCtx::dispatch`], the only path to a state change: it asks the engine, applies the events,
//! schedules a save, and hands back the rejection for the page to show.
//!
//! Saving is debounced: encoding a large partner takes about a third of a second (0.3 s for 2,000 customers), so it runs once
//! [`SAVE_DELAY`] after the last change instead of on every command (typing stays smooth), and at once
//! when the page is hidden or closed and when an embedded instance unmounts ([`AppCtx::flush`]), so no
//! change is lost.

use crate::i18n::{I18n, Locale};
use crate::route::Route;
use crate::session::Session;
use crate::storage::{self, Loaded, Storage};
use chrono::{DateTime, Utc};
use csp_engine::cart::LineId;
use csp_engine::ids::{CartId, UserId};
use csp_engine::roles::Permission;
use csp_engine::{Command, Event, Rejection, State};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

/// The text of each cart line whose quantity is not a whole number, by cart and line (line IDs restart in
/// a new cart, so the cart is part of the key).
pub type CartDrafts = BTreeMap<(CartId, LineId), String>;

/// How long after the last change the state is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// A problem that stays on screen until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageUnavailable,
    StorageUnreadable { key: String, why: storage::Unreadable },
    SaveFailed { why: storage::StorageError },
}

/// How the app follows its pages. A page of its own uses the URL fragment (shareable, survives reload);
/// embedded in a host page it keeps the route in memory, so the host's URL and history stay the host's.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    #[default]
    Hash,
    Memory,
}

/// Where the app keeps its data and under which key.
pub struct Persistence {
    pub storage: Rc<dyn Storage>,
    pub key: String,
}

#[derive(Copy, Clone)]
pub struct AppCtx {
    pub state: RwSignal<State>,
    pub user: RwSignal<UserId>,
    pub i18n: I18n,
    pub route: RwSignal<Route>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Cart quantities typed that are not whole numbers (`1.5`, `abc`, empty), by cart line. The engine's
    /// line holds a whole number, so such a text cannot reach it; it is kept here, shown again on the Cart,
    /// and blocks Buy on Review until it is corrected or the line removed (issue 16).
    pub cart_drafts: RwSignal<CartDrafts>,
    pub routing: Routing,
    /// The partner's display name given by an embedding page, shown beside the product name.
    pub partner_label: StoredValue<Option<String>>,
    persistence: StoredValue<Option<Persistence>, LocalStorage>,
    /// The timer of a save not yet made (see [`AppCtx::schedule_save`]).
    pending_save: StoredValue<Option<TimeoutHandle>>,
}

/// What a running instance starts with.
pub struct BootOptions {
    pub persistence: Persistence,
    pub storage_blocked: bool,
    pub now: DateTime<Utc>,
    pub route: Route,
    pub routing: Routing,
    /// Forces the language at start (an embedding page's choice); `None` keeps the saved one.
    pub locale: Option<Locale>,
    pub partner_label: Option<String>,
}

impl AppCtx {
    /// Load saved data (or start the demo at `now`) and provide the context.
    pub fn boot(options: BootOptions) -> AppCtx {
        let BootOptions { persistence, storage_blocked, now, route, routing, locale, partner_label } = options;
        let mut notices = Vec::new();
        if storage_blocked {
            notices.push(Notice::StorageUnavailable);
        }
        let fresh = || {
            let state = csp_engine::demo::demo_state(now);
            let session = Session { user: csp_engine::demo::global_admin(), locale: browser_locale() };
            (state, session)
        };
        let mut writable = true;
        let (state, session) = match storage::load(persistence.storage.as_ref(), &persistence.key) {
            Loaded::Fresh => fresh(),
            Loaded::Restored(saved) => (saved.state, saved.session),
            Loaded::Unreadable { why, backup_key } => {
                // Without a backup copy, writing would destroy the only copy: stay in memory.
                writable = backup_key.is_some();
                let key = backup_key.unwrap_or_else(|| persistence.key.clone());
                notices.push(Notice::StorageUnreadable { key, why });
                fresh()
            }
        };
        let session = session.reconciled(&state);
        let ctx = AppCtx {
            state: RwSignal::new(state),
            user: RwSignal::new(session.user),
            i18n: I18n { locale: RwSignal::new(locale.unwrap_or(session.locale)) },
            route: RwSignal::new(route),
            notices: RwSignal::new(notices),
            cart_drafts: RwSignal::new(CartDrafts::new()),
            routing,
            partner_label: StoredValue::new(partner_label),
            persistence: StoredValue::new_local(writable.then_some(persistence)),
            pending_save: StoredValue::new(None),
        };
        provide_context(ctx);
        provide_context(ctx.i18n);
        ctx
    }

    /// Send a command to the engine as the signed-in user at the simulated "now".
    pub fn dispatch(&self, cmd: Command) -> Result<Vec<Event>, Rejection> {
        let user = self.user.get_untracked();
        let result = self
            .state
            .try_update_untracked(|s| {
                let now = s.clock;
                csp_engine::execute(s, &user, cmd, now)
            })
            .unwrap_or_else(|| Err(Rejection::one(csp_engine::Violation::UnknownUser)));
        if result.is_ok() {
            self.state.notify();
            self.schedule_save();
        }
        result
    }

    /// Does the signed-in user hold the permission? For showing and explaining only: the engine
    /// re-checks every command.
    pub fn can(&self, permission: Permission) -> bool {
        self.state.with(|s| permission.granted_to(s.roles_of(&self.user.get())))
    }

    pub fn locale(&self) -> Locale {
        self.i18n.locale.get()
    }

    pub fn sign_in(&self, user: UserId) {
        self.user.set(user);
        self.schedule_save();
    }

    pub fn set_locale(&self, locale: Locale) {
        self.i18n.locale.set(locale);
        self.schedule_save();
    }

    /// Save [`SAVE_DELAY`] after the last call (a later call restarts the wait). If the browser refuses
    /// the timer, save at once.
    pub fn schedule_save(&self) {
        if let Some(previous) = self.pending_save.get_value() {
            previous.clear();
        }
        let ctx = *self;
        match set_timeout_with_handle(move || ctx.flush(), SAVE_DELAY) {
            Ok(handle) => self.pending_save.set_value(Some(handle)),
            Err(_) => {
                self.pending_save.set_value(None);
                self.save();
            }
        }
    }

    /// Make the waiting save now, if there is one: the page is being hidden, closed or unmounted, or the
    /// timer fired. Does nothing once the instance is gone.
    pub fn flush(&self) {
        if let Some(handle) = self.pending_save.try_update_value(Option::take).flatten() {
            handle.clear();
            self.save();
        }
    }

    /// Save now: the state and the session under the instance's key.
    fn save(&self) {
        let outcome = self.persistence.with_value(|p| {
            let p = p.as_ref()?;
            let session = Session { user: self.user.get_untracked(), locale: self.i18n.locale.get_untracked() };
            Some(self.state.with_untracked(|s| storage::save(p.storage.as_ref(), &p.key, s, &session)))
        });
        if let Some(Err(e)) = outcome {
            self.notices.update(|n| {
                n.retain(|x| !matches!(x, Notice::SaveFailed { .. }));
                n.push(Notice::SaveFailed { why: e });
            });
        }
    }

    /// Show `route` without a new history entry (filters and search as the user types).
    pub fn replace_route(&self, route: Route) {
        if self.routing == Routing::Hash {
            crate::browser::replace_hash(&route.href());
        }
        self.route.set(route);
    }

    pub fn navigate(&self, route: Route) {
        if self.routing == Routing::Hash {
            crate::browser::set_hash(&route.href());
        }
        self.route.set(route);
    }
}

pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

/// The browser's preferred language when it is one we ship, else English.
fn browser_locale() -> Locale {
    if !cfg!(target_arch = "wasm32") {
        return Locale::default();
    }
    web_sys::window().and_then(|w| w.navigator().language()).and_then(|tag| Locale::from_tag(&tag)).unwrap_or_default()
}
