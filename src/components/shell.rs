//! The app shell: header (navigation, signed-in user, simulated date, language), notices, and the
//! page of the current route.

use crate::components::date_field::{DateField, DateInput};
use crate::components::disclosure::Disclosure;
use crate::components::load_failed::LoadFailed;
use crate::ctx::{use_app, Notice, Routing};
use crate::engine_chunk;
use crate::i18n::{format, Arg, Key, Locale, Message};
use crate::messages;
use crate::pages;
use crate::prefetch;
use crate::route::{Route, Section};
use crate::storage::backups::BackupOf;
use crate::storage::StorageError;
use chrono::{Duration, Months};
use csp_engine::ids::UserId;
use csp_engine::subscriptions::DueSummary;
use csp_engine::Command;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::tachys::reactive_graph::OwnedView;
use wasm_bindgen::JsCast;

#[component]
pub fn Shell() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    // Memory routing (embedded): our own `#/…` links become in-app navigation instead of changing the
    // host page's URL. Only clicks inside this root reach this handler; the host's are never touched.
    let follow_link = move |ev: leptos::ev::MouseEvent| {
        if app.routing != Routing::Memory
            || ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = crate::browser::app_link(&ev).filter(|a| !a.has_attribute("target"));
        if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
            ev.prevent_default();
            app.navigate(Route::parse(&href));
        }
    };
    let partner_label = app.partner_label.get_value();
    // A new page only when the route names another one (see `Route::page`), not on each search keystroke.
    let shown_page = Memo::new(move |_| app.route.with(Route::page));
    let root = NodeRef::<leptos::html::Div>::new();
    let menu_open = RwSignal::new(false);
    // On every route change (not on a search or sort within a page) the menu closes and focus moves to the
    // new page's heading, so a keyboard or screen-reader user starts at the top of what changed, not at <body>.
    Effect::new(move |prev: Option<Route>| {
        let page = shown_page.get();
        if prev.is_some_and(|p| p != page) {
            menu_open.set(false);
            focus_heading_soon(root);
        }
        page
    });
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_heading(root);
    };
    // `lang` on our own root, not on <html>: embedded, the host page's document is not ours to change.
    view! {
        <div class="cspm" lang=move || i18n.locale.get().tag() on:click=follow_link
            on:mouseover=move |ev| prefetch::link_target(&ev) on:focusin=move |ev| prefetch::link_target(&ev) node_ref=root>
            // The first tab stop. Hash routing owns the fragment, so the link moves focus itself.
            <a class="skip-link" href=move || app.route.get().href() on:click=skip>
                {move || i18n.t(Key::UiSkipToMain)}
            </a>
            <header class="cspm-header">
                <a class="brand" href=Route::default().href()>{move || i18n.t(Key::AppName)}</a>
                {partner_label.map(|p| view! { <span class="partner-label">{p}</span> })}
                // On a phone the navigation, user and language fold into a disclosure; wide, the button is hidden
                // and the panel is part of the bar.
                <Disclosure
                    open=menu_open
                    class="header-menu"
                    button_class="menu-button"
                    panel_class="menu-panel"
                    id_prefix="cspm-menu"
                    button=move || {
                        view! {
                            <span class="menu-icon" aria-hidden="true"></span>
                            <span class="menu-label">{move || i18n.t(Key::UiMenu)}</span>
                        }
                    }
                >
                    <Nav/>
                    <div class="header-controls">
                        <UserSwitcher/>
                        <LanguageSwitch/>
                    </div>
                </Disclosure>
                <CartLink/>
                <ClockControl/>
            </header>
            <Notices/>
            <main class="cspm-main" tabindex="-1">
                <PageView page=shown_page root/>
            </main>
        </div>
    }
}

/// The page of the route. In the split build its code may still be downloading: the previous page stays until
/// it has arrived (a `Transition`), and a download that fails says so with Retry instead of taking the app down.
///
/// Each page has its own reactive scope, a child of this component's, which ends when the page's view is dropped
/// (`OwnedView`), not when the route changes: while the Transition keeps the previous page on screen, a state
/// change (the whole book replacing the glance, another tab's write) re-runs that page's effects, and its memos
/// must still be there (owned by the closure's run, they were disposed under it: a panic).
#[component]
fn PageView(page: Memo<Route>, root: NodeRef<leptos::html::Div>) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let attempt = RwSignal::new(0u32);
    let scope = Owner::current().expect("PageView renders under the app's owner");
    let render = move || {
        attempt.track();
        let route = page.get();
        let owner = scope.child();
        // Built under the page's own scope; read as before (what the page reads while it loads is tracked).
        let load = owner.with(|| ScopedFuture::new(pages::page(app, route)));
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            match load.await {
                Ok(view) => {
                    // Links on the new page, and the engine: their code is fetched now, so the first click does
                    // not wait; the usual start's glance is replaced by the whole saved state.
                    request_animation_frame(move || {
                        prefetch::linked_pages(root);
                        leptos::task::spawn_local(async move {
                            let _ = engine_chunk::read_whole(app).await;
                        });
                        if let Some(locale) = app.i18n.locale.try_get_untracked() {
                            leptos::task::spawn_local(async move {
                                let _ = crate::i18n::load(locale).await;
                            });
                        }
                    });
                    OwnedView::new_with_owner(view, owner).into_any()
                }
                Err(_) => view! { <LoadFailed attempt locale=i18n.locale/> }.into_any(),
            }
        }))
    };
    view! { <Transition fallback=|| ()>{render}</Transition> }
}

/// Focus the page's `<h1>` (made focusable by script only, `tabindex="-1"`), or `<main>` when it has none.
fn focus_heading(root: NodeRef<leptos::html::Div>) {
    let Some(root) = root.get_untracked() else { return };
    let target = root.query_selector("main h1").ok().flatten().or_else(|| root.query_selector("main").ok().flatten());
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

/// After the new page has rendered (the next frame).
fn focus_heading_soon(root: NodeRef<leptos::html::Div>) {
    request_animation_frame(move || focus_heading(root));
}

#[component]
fn Nav() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let items = [
        (Section::Customers, Route::default(), Key::NavCustomers),
        (Section::Subscriptions, Route::Subscriptions(Default::default()), Key::ExportNavSubscriptions),
        (Section::Billing, Route::Billing, Key::NavBilling),
        (Section::ActivityLog, Route::ActivityLog, Key::NavActivityLog),
        (Section::Settings, Route::Settings, Key::NavSettings),
    ];
    view! {
        <nav class="cspm-nav" aria-label=move || i18n.t(Key::MainNavigation)>
            {items
                .into_iter()
                .map(|(section, route, key)| {
                    let current = move || (app.route.get().section() == section).then_some("page");
                    view! {
                        <a href=route.href() aria-current=current>
                            {move || i18n.t(key)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The cart of the customer the page is about, with its line count.
#[component]
fn CartLink() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    move || {
        let customer = app.route.with(|r| r.customer().cloned())?;
        // A glance of the book holds no carts (their pages wait for the whole state).
        if app.glance_only.get() {
            return None;
        }
        let count = app.state.with(|s| csp_engine::cart::line_count(s, &customer));
        let href = Route::Cart { customer }.href();
        // On a phone the words give way to an icon and the count (so the brand reads whole); the words stay,
        // visually hidden, as the link's accessible name, and the bare count is hidden from assistive technology.
        Some(view! {
            <a class="cart-link" href=href data-testid="cart-link">
                <svg class="cart-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <polyline points="1,3 5,3 7.5,15 19,15 21.5,6 6,6"></polyline>
                    <polygon points="8,18.5 11,18.5 11,21.5 8,21.5"></polygon>
                    <polygon points="16,18.5 19,18.5 19,21.5 16,21.5"></polygon>
                </svg>
                <span class="cart-words">{i18n.tf(Key::CartLink, &[("count", &count.to_string())])}</span>
                // The count drawn by CSS (`attr()`), so the link's text stays its words alone.
                <span class="cart-count" aria-hidden="true" data-count=count.to_string()></span>
            </a>
        })
    }
}

#[component]
fn UserSwitcher() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let options = move || {
        let locale = i18n.locale.get();
        app.state.with(|s| {
            s.users
                .iter()
                .map(|u| {
                    let label = format!("{} — {}", u.name, messages::roles_list(&u.roles, locale));
                    (u.id.clone(), label)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label class="control user">
            <span>{move || i18n.t(Key::SignedInAs)}</span>
            <select
                data-testid="user-switcher"
                prop:value=move || app.user.get().0
                on:change=move |ev| app.sign_in(UserId(event_target_value(&ev)))
            >
                {move || {
                    let current = app.user.get();
                    options()
                        .into_iter()
                        .map(|(id, label)| {
                            let selected = id == current;
                            view! { <option value=id.0 selected=selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The simulated date, always shown, and the controls that move it, in a panel under it (a disclosure, so the
/// header keeps to one row). The panel's code (the date field, the clock's command and its summary) loads the
/// first time it opens (split build).
#[component]
fn ClockControl() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let clock = move || app.state.with(|s| s.clock);
    let open = RwSignal::new(false);
    // Kept once opened, so a closed and reopened panel keeps its typed date and its last message.
    let opened = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    let attempt = RwSignal::new(0u32);
    let panel = move || {
        opened.get().then(|| {
            attempt.track();
            Suspend::new(send_wrapper::SendWrapper::new(async move {
                match clock_panel().await {
                    Ok(panel) => panel,
                    Err(_) => view! {
                        <p class="flash error" role="alert">{move || i18n.t(Key::UiChunkFailedText)}</p>
                        <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                            {move || i18n.t(Key::UiRetry)}
                        </button>
                    }
                    .into_any(),
                }
            }))
        })
    };
    view! {
        <Disclosure
            open=open
            class="control clock"
            button_class="clock-button"
            panel_class="clock-panel"
            id_prefix="cspm-clock"
            group_label=Key::UiChangeDate
            button=move || {
                view! {
                    <span class="clock-label">{move || i18n.t(Key::SimulatedDate)} {move || i18n.t(Key::Colon)}</span>
                    <strong data-testid="simulated-date">
                        {move || format::date(clock().date_naive(), i18n.locale.get())}
                    </strong>
                    <span class="chevron" aria-hidden="true"></span>
                }
            }
        >
            <Suspense fallback=|| ()>{panel}</Suspense>
        </Disclosure>
    }
}

on_demand! { clock;
    fn clock_panel() -> AnyView {
        view! { <ClockPanel/> }.into_any()
    }
}

/// The panel's controls: +1 day, week, month, and a date to move to; the outcome of the last move.
#[component]
fn ClockPanel() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let (message, set_message) = signal(None::<ClockOutcome>);
    let target = DateInput::new(None);
    // The clock's due events are the engine's: its chunk loads the first time the date moves.
    let advance = move |to: chrono::DateTime<chrono::Utc>| {
        leptos::task::spawn_local(async move {
            set_message.set(Some(match engine_chunk::dispatch(app, Command::AdvanceClock { to }).await {
                Ok(Ok(events)) => ClockOutcome::Moved { to: to.date_naive(), summary: DueSummary::of(&events) },
                Ok(Err(r)) => ClockOutcome::Refused(r),
                Err(_) => ClockOutcome::NotLoaded,
            }));
        });
    };
    let clock = move || app.state.with(|s| s.clock);
    let by = move |step: Step| {
        let now = clock();
        let to = match step {
            Step::Day => now + Duration::days(1),
            Step::Week => now + Duration::days(7),
            Step::Month => now.checked_add_months(Months::new(1)).unwrap_or(now),
        };
        advance(to);
    };
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Text that is not a date in the language's format shows its message in the field; nothing moves.
        if let Some(d) = target.required() {
            advance(d.and_time(clock().time()).and_utc());
        }
    };
    view! {
        <div class="clock-steps">
            <button type="button" on:click=move |_| by(Step::Day)>{move || i18n.t(Key::PlusDay)}</button>
            <button type="button" on:click=move |_| by(Step::Week)>{move || i18n.t(Key::PlusWeek)}</button>
            <button type="button" on:click=move |_| by(Step::Month)>{move || i18n.t(Key::PlusMonth)}</button>
        </div>
        <form class="inline" on:submit=go novalidate>
            <DateField input=target label=Key::MoveDateTo compact=true testid="move-date"/>
            <button type="submit">{move || i18n.t(Key::MoveDate)}</button>
        </form>
        {move || {
            let locale = i18n.locale.get();
            message
                .get()
                .map(|outcome| {
                    let (ok, text) = outcome.text(locale);
                    let class = if ok { "flash ok" } else { "flash error" };
                    view! { <p class=class role="status">{text}</p> }
                })
        }}
    }
}

/// What the last clock move did, kept as data so its message is worded in the language shown.
#[derive(Clone)]
enum ClockOutcome {
    Moved {
        to: chrono::NaiveDate,
        summary: DueSummary,
    },
    Refused(csp_engine::Rejection),
    /// The engine's code did not download (split build): nothing moved.
    NotLoaded,
}

impl ClockOutcome {
    /// Whether the move happened, and the message.
    fn text(&self, locale: Locale) -> (bool, String) {
        match self {
            ClockOutcome::Moved { to, summary } => {
                let moved = Message::new(Key::DateMoved).arg("date", Arg::Date(*to)).text(locale);
                (true, format!("{moved} {}", pages::billing::clock_summary(summary, locale)))
            }
            ClockOutcome::Refused(r) => (false, engine_chunk::rejection_text(r, locale)),
            ClockOutcome::NotLoaded => (false, Key::UiClockNotLoaded.text(locale).to_string()),
        }
    }
}

#[derive(Copy, Clone)]
enum Step {
    Day,
    Week,
    Month,
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    view! {
        <label class="control language">
            <span>{move || i18n.t(Key::Language)}</span>
            <select
                data-testid="language-switch"
                prop:value=move || i18n.locale.get().tag()
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        app.set_locale(l);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() selected=move || i18n.locale.get() == l lang=l.tag()>
                                {l.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let text = move |n: &Notice, locale: Locale| match n {
        Notice::StorageUnavailable => i18n.t(Key::StorageUnavailable).to_string(),
        Notice::StorageUnreadable { of, key, why } => {
            let reason = messages::unreadable_reason(why, locale);
            let template = match (of, key) {
                (_, None) => Key::StorageNotBackedUp,
                (BackupOf::Session, _) => Key::StorageUnreadableSession,
                (BackupOf::Journal, _) => Key::StorageUnreadableJournal,
                _ => Key::StorageUnreadable,
            };
            i18n.tf(template, &[("key", key.as_deref().unwrap_or_default()), ("reason", reason.as_str())])
        }
        Notice::SaveFailed { why } => {
            i18n.tf(Key::SaveFailed, &[("reason", messages::storage_refusal(why, locale).as_str())])
        }
        Notice::ChangeUndone { rejection } => {
            // Only the engine refuses: its chunk (with the words of every refusal) is loaded by then.
            let reasons = engine_chunk::rejection_text(rejection, locale);
            i18n.tf(Key::ChangeUndone, &[("reasons", reasons.as_str())])
        }
        Notice::RestoredElsewhere => i18n.t(Key::RestoredElsewhere).to_string(),
        Notice::LanguageNotLoaded(language) => i18n.tf(Key::UiLanguageNotLoaded, &[("language", language.endonym())]),
    };
    let download = move |_| {
        leptos::task::spawn_local(async move {
            let _ = engine_chunk::download_backup(app).await;
        });
    };
    move || {
        let locale = i18n.locale.get();
        app.notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                // The data notices lead to Settings → Data; a full quota also offers the backup file.
                let to_data = matches!(n, Notice::StorageUnreadable { .. } | Notice::SaveFailed { .. });
                let full = matches!(n, Notice::SaveFailed { why: StorageError::Full });
                view! {
                    <div class="notice" role="alert" data-testid="notice">
                        <span>{text(&n, locale)}</span>
                        {to_data
                            .then(|| view! { <a href=Route::Data.href()>{i18n.t(Key::OpenDataSettings)}</a> })}
                        {full.then(|| view! { <button type="button" on:click=download>{i18n.t(Key::DownloadBackup)}</button> })}
                        <button
                            type="button"
                            on:click=move |_| {
                                app.notices
                                    .update(|list| {
                                        if i < list.len() {
                                            list.remove(i);
                                        }
                                    })
                            }
                        >
                            {move || i18n.t(Key::Dismiss)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    }
}
