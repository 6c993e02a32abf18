//! The app's single state holder, provided as context. Pages read signals and send commands through
//! [`AppCtx::dispatch`], the only path to a state change: it first takes in what other tabs did, asks
//! the engine, applies the events, and journals the accepted command at once (durable before the
//! handler returns, see [`crate::sync`]); it hands back the rejection for the page to show.
//!
//! The snapshot (the whole state, ≈ 0.3 s to encode for 2,000 customers) is written only when the
//! journal is folded: [`FOLD_DELAY`] after this tab's last change, never on the typing path, and when
//! the page is hidden or closed or the instance unmounts ([`AppCtx::flush`]).

use crate::i18n::{I18n, Locale};
use crate::route::Route;
use crate::session::Session;
use crate::storage::backups::{self, Backup, BackupOf};
use crate::storage::format::InflatedBook;
use crate::storage::{Keys, Storage, StorageError, Unreadable};
use crate::sync::{Replica, Trouble};
use chrono::{DateTime, Utc};
use csp_engine::cart::LineId;
use csp_engine::ids::{CartId, UserId};
use csp_engine::roles::Permission;
use csp_engine::{Command, Event, Rejection, State};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

/// How long after this tab's last change the journal is folded into the snapshot.
pub const FOLD_DELAY: Duration = Duration::from_millis(1500);

/// The text of each cart line whose quantity is not a whole number, by cart and line (line IDs restart in
/// a new cart, so the cart is part of the key).
pub type CartDrafts = BTreeMap<(CartId, LineId), String>;

/// A problem that stays on screen until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    /// A stored value could not be read; kept under the backup key `key` (`None`: not even that).
    StorageUnreadable {
        of: BackupOf,
        key: Option<String>,
        why: Unreadable,
    },
    SaveFailed {
        why: StorageError,
    },
    /// A change made in this tab was decided again after another tab's, and refused.
    ChangeUndone {
        rejection: Rejection,
    },
    /// Another tab restored a backup.
    RestoredElsewhere,
    /// The texts of this language could not be downloaded (split build): the app shows English meanwhile.
    LanguageNotLoaded(Locale),
}

impl Notice {
    fn from_trouble(trouble: Trouble) -> Notice {
        match trouble {
            Trouble::Unreadable { of, why, backup } => Notice::StorageUnreadable { of, key: backup, why },
            Trouble::WriteFailed(why) => Notice::SaveFailed { why },
            Trouble::Undone(rejection) => Notice::ChangeUndone { rejection },
            Trouble::RestoredElsewhere => Notice::RestoredElsewhere,
        }
    }
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
#[derive(Clone)]
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
    /// Bumped when the backups change, so the Data page lists them again.
    pub backups_changed: RwSignal<u64>,
    /// This tab's replica of the stored data; `None` when running in memory only.
    replica: StoredValue<Option<Replica>, LocalStorage>,
    /// The timer of a fold not yet made (see [`AppCtx::fold_later`]).
    pending_fold: StoredValue<Option<TimeoutHandle>>,
    /// True while `state` holds only a glance of the saved book (the partner, users, clock and customers:
    /// what the Customers page and the header show), from the usual start until [`AppCtx::read_whole`].
    /// Nothing is decided, saved or shown from a glance but those: every other page waits for the whole.
    pub glance_only: RwSignal<bool>,
    /// The saved state's text, while only its glance is in `state`.
    unread: StoredValue<Option<String>, LocalStorage>,
    /// The language last chosen, which the session saves: it may differ from `i18n.locale` while its texts
    /// download, or when they could not be.
    chosen_locale: StoredValue<Locale>,
}

/// What a running instance starts with.
#[derive(Clone)]
pub struct BootOptions {
    pub persistence: Persistence,
    pub storage_blocked: bool,
    /// Real time (the simulated date of a new demo partner starts here; journal order).
    pub now: DateTime<Utc>,
    /// This tab's name in the journals (random, unique per page load).
    pub tab: String,
    pub route: Route,
    pub routing: Routing,
    /// Forces the language at start (an embedding page's choice); `None` keeps the saved one.
    pub locale: Option<Locale>,
    pub partner_label: Option<String>,
}

/// A book as the full open found it.
struct Book {
    state: State,
    /// The saved session, when there is one that could be read.
    session: Option<Session>,
    replica: Option<Replica>,
    notices: Vec<Notice>,
}

/// Load saved data (replaying every tab's journal, backing up what cannot be read) or start the demo at `now`.
fn open_book(storage: Rc<dyn Storage>, keys: Keys, tab: String, storage_blocked: bool, now: DateTime<Utc>) -> Book {
    let mut notices = Vec::new();
    if storage_blocked {
        notices.push(Notice::StorageUnavailable);
    }
    let fresh = || csp_engine::demo::demo_state(now);
    match Replica::open(storage, keys, tab, fresh, now) {
        Ok(opened) => {
            notices.extend(opened.troubles.into_iter().map(Notice::from_trouble));
            let session = opened.session.map(|s| s.reconciled(&opened.state));
            let replica = (!storage_blocked).then_some(opened.replica);
            Book { state: opened.state, session, replica, notices }
        }
        Err(troubles) => {
            // Without a backup copy, writing would destroy the only copy: stay in memory.
            notices.extend(troubles.into_iter().map(Notice::from_trouble));
            Book { state: fresh(), session: None, replica: None, notices }
        }
    }
}

/// A book opened without a session: the demo's Global admin, in the browser's language.
fn default_session(state: &State) -> Session {
    Session { user: csp_engine::demo::global_admin(), locale: browser_locale() }.reconciled(state)
}

impl AppCtx {
    /// Open the saved book without the engine, when it can be: a readable snapshot, already inflated by the
    /// page (`book`), and no tab's changes to replay (the usual start). In the split build this is what the
    /// first page waits for; anything else (a first start, changes left in a journal, damaged data, storage
    /// blocked, no book) is [`AppCtx::boot`]'s, in the engine's chunk (`None`).
    pub fn boot_quick(options: &BootOptions, book: Option<&InflatedBook>) -> Option<AppCtx> {
        if options.storage_blocked {
            return None;
        }
        let keys = Keys::new(options.persistence.key.clone());
        let opened = Replica::open_quick(options.persistence.storage.clone(), keys, options.tab.clone(), book)?;
        let state = opened.glance.into_state();
        let session = match opened.session {
            Some(s) => s.reconciled(&state),
            None => default_session(&state),
        };
        let ctx = Self::provide(options.clone(), state, session, Some(opened.replica), Vec::new());
        ctx.glance_only.set(true);
        ctx.unread.set_value(Some(opened.text));
        Some(ctx)
    }

    /// Replace the glance of the usual start with the whole saved state (reached only through the engine's
    /// chunk: the first page needs none of the code that reads records). A state that cannot be read whole
    /// is handled as at any other start: backed up, with a notice ([`AppCtx::reopen`]).
    pub fn read_whole(&self) {
        let Some(text) = self.unread.try_update_value(Option::take).flatten() else { return };
        match csp_engine::persist::decode(&text) {
            // The same users as the glance: the session stays as it is.
            Ok(state) => self.state.set(state),
            Err(_) => self.reopen(),
        }
        self.glance_only.set(false);
    }

    /// Open the saved book again the full way (its damage backed up, as [`AppCtx::boot`] does) and show it.
    fn reopen(&self) {
        let Some((storage, keys, tab)) = self
            .replica
            .with_value(|r| r.as_ref().map(|r| (r.storage().clone(), r.keys().clone(), r.tab().to_string())))
        else {
            return;
        };
        let book = open_book(storage, keys, tab, false, crate::browser::real_now());
        let user = self.user.get_untracked();
        let session = Session { user: user.clone(), locale: Locale::En }.reconciled(&book.state);
        self.replica.set_value(book.replica);
        self.state.set(book.state);
        if session.user != user {
            self.user.set(session.user);
        }
        for notice in book.notices {
            self.report(notice);
        }
    }

    /// Load saved data (replaying every tab's journal, backing up what cannot be read) or start the demo at
    /// `now`, and provide the context.
    pub fn boot(options: BootOptions) -> AppCtx {
        let keys = Keys::new(options.persistence.key.clone());
        let storage = options.persistence.storage.clone();
        let book = open_book(storage, keys, options.tab.clone(), options.storage_blocked, options.now);
        let session = book.session.unwrap_or_else(|| default_session(&book.state));
        let fold_now = book.replica.as_ref().is_some_and(|r| r.unfolded() > 0);
        let ctx = Self::provide(options, book.state, session, book.replica, book.notices);
        if fold_now {
            // Entries left by tabs that closed before folding: fold them in once the page is up.
            let _ = set_timeout_with_handle(move || ctx.fold(true), FOLD_DELAY);
        }
        ctx
    }

    /// The context of an opened book, provided to the components below.
    fn provide(
        options: BootOptions,
        state: State,
        session: Session,
        replica: Option<Replica>,
        notices: Vec<Notice>,
    ) -> AppCtx {
        let BootOptions { route, routing, locale, partner_label, .. } = options;
        let locale = locale.unwrap_or(session.locale);
        let ctx = AppCtx {
            state: RwSignal::new(state),
            user: RwSignal::new(session.user),
            i18n: I18n { locale: RwSignal::new(locale) },
            chosen_locale: StoredValue::new(locale),
            route: RwSignal::new(route),
            notices: RwSignal::new(notices),
            cart_drafts: RwSignal::new(CartDrafts::new()),
            routing,
            partner_label: StoredValue::new(partner_label),
            backups_changed: RwSignal::new(0),
            replica: StoredValue::new_local(replica),
            pending_fold: StoredValue::new(None),
            glance_only: RwSignal::new(false),
            unread: StoredValue::new_local(None),
        };
        provide_context(ctx);
        provide_context(ctx.i18n);
        ctx
    }

    /// Whether a fold is waiting (only after a change this tab made, so the engine is loaded).
    pub fn fold_pending(&self) -> bool {
        self.pending_fold.with_value(Option::is_some)
    }

    /// Send a command to the engine as the signed-in user at the simulated "now": first take in what
    /// other tabs did, then decide, then journal an accepted command before returning.
    pub fn dispatch(&self, cmd: Command) -> Result<Vec<Event>, Rejection> {
        self.catch_up();
        let user = self.user.get_untracked();
        let journaled = self.is_persistent().then(|| cmd.clone());
        let result = self
            .state
            .try_update_untracked(|s| {
                let now = s.clock;
                csp_engine::execute(s, &user, cmd, now)
            })
            .unwrap_or_else(|| Err(Rejection::one(csp_engine::Violation::UnknownUser)));
        if result.is_ok() {
            self.state.notify();
            if let Some(cmd) = journaled {
                let now = crate::browser::real_now();
                let recorded =
                    self.replica.try_update_value(|r| r.as_mut().map(|r| r.record(&user, cmd, now))).flatten();
                match recorded {
                    Some(Err(why)) => self.report(Notice::SaveFailed { why }),
                    _ => self.clear_save_failed(),
                }
                self.fold_later();
            }
        }
        result
    }

    fn is_persistent(&self) -> bool {
        self.replica.with_value(|r| r.is_some())
    }

    /// Take in what other tabs did (the browser's `storage` event, and before each command and fold).
    pub fn catch_up(&self) {
        self.read_whole();
        let now = crate::browser::real_now();
        let caught = self
            .replica
            .try_update_value(|r| {
                let r = r.as_mut()?;
                self.state.try_update_untracked(|s| r.catch_up(s, now))
            })
            .flatten();
        let Some(caught) = caught else { return };
        if caught.changed {
            self.state.notify();
            // The signed-in user may have been removed in another tab.
            let user = self.user.get_untracked();
            let kept =
                self.state.with_untracked(|s| Session { user: user.clone(), locale: Locale::En }.reconciled(s).user);
            if kept != user {
                self.user.set(kept);
            }
        }
        for trouble in caught.troubles {
            self.report(Notice::from_trouble(trouble));
        }
    }

    fn report(&self, notice: Notice) {
        self.notices.update(|n| {
            if matches!(notice, Notice::SaveFailed { .. }) {
                n.retain(|x| !matches!(x, Notice::SaveFailed { .. }));
            }
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
        self.backups_changed.update(|v| *v += 1);
    }

    fn clear_save_failed(&self) {
        if self.notices.with_untracked(|n| n.iter().any(|x| matches!(x, Notice::SaveFailed { .. }))) {
            self.notices.update(|n| n.retain(|x| !matches!(x, Notice::SaveFailed { .. })));
        }
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
        self.save_session();
    }

    /// Remember `locale` at once (a reload before its texts arrive starts in it), and show the app in it once
    /// its texts are here (French is fetched on first use in the split build). If they cannot be downloaded,
    /// the page stays as it is, with a notice saying so, and the next start tries again. Of two quick
    /// choices, the last one wins, whichever texts arrive first.
    pub fn set_locale(&self, locale: Locale) {
        self.chosen_locale.set_value(locale);
        self.save_session();
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let loaded = crate::i18n::load(locale).await.is_ok();
            if ctx.chosen_locale.try_get_value() != Some(locale) {
                return;
            }
            if loaded {
                ctx.notices.update(|n| n.retain(|x| !matches!(x, Notice::LanguageNotLoaded(_))));
                ctx.i18n.locale.set(locale);
            } else {
                ctx.report(Notice::LanguageNotLoaded(locale));
                // The language menu shows the language in force again.
                ctx.i18n.locale.notify();
            }
        });
    }

    /// Load the texts of the language the app starts in, when they are not in the first-load module (French, in
    /// the split build). If they cannot be downloaded, show English (the saved session keeps French for the
    /// next start) and say why.
    pub async fn load_language(self) {
        let locale = self.i18n.locale.get_untracked();
        if !crate::i18n::first_page_ready(locale) && crate::i18n::load(locale).await.is_err() {
            self.i18n.locale.set(Locale::En);
            self.report(Notice::LanguageNotLoaded(locale));
        }
    }

    /// The session is small: written at once.
    fn save_session(&self) {
        let session = Session { user: self.user.get_untracked(), locale: self.chosen_locale.get_value() };
        if let Some(Err(why)) = self.replica.with_value(|r| r.as_ref().map(|r| r.save_session(&session))) {
            self.report(Notice::SaveFailed { why });
        }
    }

    /// Fold [`FOLD_DELAY`] after the last call (a later call restarts the wait). If the browser refuses
    /// the timer, fold at once.
    pub fn fold_later(&self) {
        if let Some(previous) = self.pending_fold.get_value() {
            previous.clear();
        }
        let ctx = *self;
        match set_timeout_with_handle(move || ctx.flush(), FOLD_DELAY) {
            Ok(handle) => self.pending_fold.set_value(Some(handle)),
            Err(_) => {
                self.pending_fold.set_value(None);
                self.fold(true);
            }
        }
    }

    /// Make the waiting fold now, if there is one: the page is being hidden, closed or unmounted, or the
    /// timer fired. Does nothing once the instance is gone. Nothing is lost without it: the journal
    /// already holds every change.
    pub fn flush(&self) {
        if let Some(handle) = self.pending_fold.try_update_value(Option::take).flatten() {
            handle.clear();
            self.fold(false);
        }
    }

    fn fold(&self, force: bool) {
        self.catch_up();
        let now = crate::browser::real_now();
        let outcome = self.replica.try_update_value(|r| {
            let r = r.as_mut()?;
            Some(self.state.with_untracked(|s| r.fold(s, now, force)))
        });
        if let Some(Some(Err(why))) = outcome {
            self.report(Notice::SaveFailed { why });
        }
    }

    // ── Backups and restore (Settings → Data) ──

    /// The instance's backups, newest first; empty in memory.
    pub fn backups(&self) -> Vec<Backup> {
        self.replica
            .with_value(|r| r.as_ref().map(|r| backups::list(r.storage().as_ref(), r.keys())))
            .unwrap_or_default()
    }

    pub fn delete_backup(&self, key: &str) -> Result<(), StorageError> {
        let result = self
            .replica
            .with_value(|r| r.as_ref().map(|r| backups::delete(r.storage().as_ref(), r.keys(), key)))
            .unwrap_or(Ok(()));
        self.backups_changed.update(|v| *v += 1);
        result
    }

    /// Whether data is kept in the browser (not only in memory).
    pub fn persistent(&self) -> bool {
        self.is_persistent()
    }

    /// Replace the whole state with `state` (a restore), keeping the current one as a backup first.
    /// The signed-in user must be allowed to reset the partner's data (the engine decides).
    pub fn restore(&self, state: State) -> Result<(), RestoreError> {
        let user = self.user.get_untracked();
        self.state
            .with_untracked(|s| csp_engine::authorize(s, &user, Permission::EditPartnerSettings))
            .map_err(RestoreError::Refused)?;
        self.catch_up();
        let now = crate::browser::real_now();
        let written = self.replica.try_update_value(|r| {
            let r = r.as_mut()?;
            let current = self.state.with_untracked(|s| r.snapshot_text(s));
            let backed_up =
                backups::back_up(r.storage().as_ref(), r.keys(), BackupOf::BeforeRestore, None, &current, now);
            Some(backed_up.and_then(|_| r.replace(&state)))
        });
        if let Some(Some(Err(why))) = written {
            return Err(RestoreError::Storage(why));
        }
        if let Some(handle) = self.pending_fold.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let session = Session { user, locale: Locale::En }.reconciled(&state);
        self.state.set(state);
        if session.user != self.user.get_untracked() {
            self.user.set(session.user);
            self.save_session();
        }
        self.notices.update(|n| n.retain(|x| !matches!(x, Notice::ChangeUndone { .. } | Notice::RestoredElsewhere)));
        self.backups_changed.update(|v| *v += 1);
        Ok(())
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

/// Why a restore did not happen (nothing changed).
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreError {
    Refused(Rejection),
    Storage(StorageError),
}

pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

/// The browser's preferred language when it is one we ship, else English.
pub fn browser_locale() -> Locale {
    if !cfg!(target_arch = "wasm32") {
        return Locale::default();
    }
    web_sys::window().and_then(|w| w.navigator().language()).and_then(|tag| Locale::from_tag(&tag)).unwrap_or_default()
}
