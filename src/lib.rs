//! CSP Marketplace, the app: mounting, the shell, routes and pages. Business rules live in the
//! `csp-engine` crate; this crate renders state and turns gestures into engine commands.

pub mod browser;
pub mod components;
pub mod ctx;
pub mod i18n;
pub mod messages;
pub mod pages;
pub mod route;
pub mod session;
pub mod storage;

use components::shell::Shell;
use ctx::{AppCtx, Persistence};
use leptos::prelude::*;
use route::Route;
use std::rc::Rc;
use storage::{BrowserStorage, MemoryStorage, Storage};

/// The localStorage key of the app's data.
pub const STORAGE_KEY: &str = "csp-marketplace";

/// Options of one running instance of the app.
#[derive(Clone)]
pub struct AppOptions {
    pub storage_key: String,
    /// Force the in-memory store (tests).
    pub memory_only: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions { storage_key: STORAGE_KEY.into(), memory_only: false }
    }
}

/// The whole app: boots the state from storage, follows the URL fragment, renders the shell.
#[component]
pub fn App(#[prop(optional)] options: Option<AppOptions>) -> impl IntoView {
    let options = options.unwrap_or_default();
    let (storage, blocked): (Rc<dyn Storage>, bool) = if options.memory_only {
        (Rc::new(MemoryStorage::default()), false)
    } else {
        match BrowserStorage::open() {
            Ok(s) => (Rc::new(s), false),
            Err(_) => (Rc::new(MemoryStorage::default()), true),
        }
    };
    let route = Route::parse(&browser::current_hash());
    let ctx = AppCtx::boot(Persistence { storage, key: options.storage_key }, blocked, browser::real_now(), route);
    // Follow back/forward and pasted links.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        ctx.route.set(Route::parse(&browser::current_hash()));
    });
    on_cleanup(move || listener.remove());
    view! { <Shell/> }
}

/// Mount the app on the page's `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(|| view! { <App/> });
}
