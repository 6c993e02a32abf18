//! CSP Marketplace, the app: mounting, the shell, routes and pages. Business rules live in the
//! `csp-engine` crate; this crate renders state and turns gestures into engine commands.

/// A function loaded on demand in the split build (feature `split`, `make dist`): a fallible `wasm_split` point
/// of the chunk `$split`, so a failed download is an `Err` (a message with Retry) and never a panic under
/// `panic = "abort"`. Without the feature (development, wasm-bindgen tests, benchmarks) it is a plain async fn:
/// a build that holds split points but skips the splitter cannot load. Either way the caller awaits a
/// `Result<_, LoadError>`. `preload $p` also names the function that fetches the chunk ahead.
macro_rules! on_demand {
    ($split:ident $(, preload $preload:ident)?; $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::LoadError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::LoadError> {
            Ok($body)
        }
    };
}

/// Why code loaded on demand did not arrive (split build); the development build cannot fail.
#[cfg(feature = "split")]
pub type LoadError = leptos::wasm_split::SplitLoaderError;
#[cfg(not(feature = "split"))]
pub type LoadError = std::convert::Infallible;

pub mod backup_file;
pub mod browser;
pub mod components;
pub mod ctx;
pub mod engine_chunk;
pub mod i18n;
pub mod messages;
pub mod pages;
pub mod prefetch;
pub mod route;
pub mod session;
pub mod storage;
pub mod sync;

use components::shell::Shell;
use ctx::{AppCtx, BootOptions, Persistence, Routing};
use leptos::prelude::*;
use route::Route;
use std::rc::Rc;
use storage::format::InflatedBook;
use storage::{BrowserStorage, MemoryStorage, Storage};

/// The localStorage key of the app's data; an embed's namespace is appended (`csp-marketplace:team-a`).
pub const STORAGE_KEY: &str = "csp-marketplace";

/// Options of one running instance of the app.
#[derive(Clone, Default)]
pub struct AppOptions {
    /// Separates the data of instances on one origin; `None` is the app's own page.
    pub namespace: Option<String>,
    /// Force the in-memory store (tests).
    pub memory_only: bool,
    pub routing: Routing,
    /// The first page when the URL does not name one (memory routing: always).
    pub start: Option<Route>,
    pub locale: Option<i18n::Locale>,
    pub partner_label: Option<String>,
    /// The saved book's state as the page inflated it while the app downloaded (boot.js, embed.js): the first
    /// page shows without waiting for the engine. Without it the book opens the full way.
    pub book: Option<std::sync::Arc<InflatedBook>>,
}

impl AppOptions {
    pub fn storage_key(&self) -> String {
        match &self.namespace {
            Some(ns) if !ns.trim().is_empty() => format!("{STORAGE_KEY}:{}", ns.trim()),
            _ => STORAGE_KEY.to_string(),
        }
    }
}

/// The whole app: boots the state from storage, follows the route, renders the shell.
#[component]
pub fn App(#[prop(optional)] options: Option<AppOptions>) -> impl IntoView {
    let mut options = options.unwrap_or_default();
    // Read once, here: the layout is not kept once the first page has its glance.
    let book = options.book.take();
    let (storage, blocked): (Rc<dyn Storage>, bool) = if options.memory_only {
        (Rc::new(MemoryStorage::default()), false)
    } else {
        match BrowserStorage::open() {
            Ok(s) => (Rc::new(s), false),
            Err(_) => (Rc::new(MemoryStorage::default()), true),
        }
    };
    let route = match options.routing {
        Routing::Hash => {
            let hash = browser::current_hash();
            match (&options.start, hash.trim_start_matches(['#', '/']).is_empty()) {
                (Some(start), true) => start.clone(),
                _ => Route::parse(&hash),
            }
        }
        Routing::Memory => options.start.clone().unwrap_or_default(),
    };
    let boot = BootOptions {
        persistence: Persistence { storage, key: options.storage_key() },
        storage_blocked: blocked,
        now: browser::real_now(),
        tab: browser::random_id(),
        route,
        routing: options.routing,
        locale: options.locale,
        partner_label: options.partner_label.clone(),
    };
    // The usual start needs no engine; a first start or changes to replay wait for its chunk (split build).
    match AppCtx::boot_quick(&boot, book.as_deref()) {
        Some(ctx) => {
            follow(ctx, &options);
            if i18n::first_page_ready(ctx.i18n.locale.get_untracked()) {
                view! { <Shell/> }.into_any()
            } else {
                // A French session: its texts first (their own chunk in the split build).
                let render = move || {
                    Suspend::new(send_wrapper::SendWrapper::new(async move {
                        ctx.load_language().await;
                        view! { <Shell/> }
                    }))
                };
                view! { <Suspense fallback=boot_shape>{render}</Suspense> }.into_any()
            }
        }
        None => {
            let boot = StoredValue::new_local(boot);
            let attempt = RwSignal::new(0u32);
            let render = move || {
                attempt.track();
                let boot = boot.get_value();
                let options = options.clone();
                Suspend::new(send_wrapper::SendWrapper::new(async move {
                    match engine_chunk::boot(boot).await {
                        Ok(ctx) => {
                            follow(ctx, &options);
                            ctx.load_language().await;
                            view! { <Shell/> }.into_any()
                        }
                        Err(_) => {
                            let locale = options.locale.unwrap_or_else(ctx::browser_locale);
                            view! {
                                <div class="cspm">
                                    <main class="cspm-main">
                                        <components::load_failed::LoadFailed attempt locale starting=true/>
                                    </main>
                                </div>
                            }
                            .into_any()
                        }
                    }
                }))
            };
            view! { <Suspense fallback=boot_shape>{render}</Suspense> }.into_any()
        }
    }
}

/// What shows until the app can: the same page shape index.html shows while the wasm downloads.
fn boot_shape() -> impl IntoView {
    view! {
        <div class="cspm-boot" aria-hidden="true">
            <div class="cspm-boot-header"></div>
            <div class="cspm-boot-main">
                <span></span>
                <span></span>
                <span></span>
                <span></span>
                <span></span>
                <span></span>
            </div>
        </div>
    }
}

/// Follow other tabs' changes, the page being hidden or closed, and the URL.
fn follow(ctx: AppCtx, options: &AppOptions) {
    // Other tabs' changes, as soon as the browser tells (any key of this instance).
    let keys = storage::Keys::new(options.storage_key());
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| keys.owns(&k)) {
            leptos::task::spawn_local(async move {
                let _ = engine_chunk::catch_up(ctx).await;
            });
        }
    });
    on_cleanup(move || on_storage.remove());
    // Fold the journal before the page goes away or into the background (nothing is lost without it:
    // every change is journaled at once), and when this instance is unmounted.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| engine_chunk::flush(ctx));
    let on_hidden =
        window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("visibilitychange"), move |_| {
            if document().hidden() {
                engine_chunk::flush(ctx);
            }
        });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
        engine_chunk::flush(ctx);
    });
    if ctx.routing == Routing::Hash {
        // Follow back/forward and pasted links.
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            ctx.route.set(Route::parse(&browser::current_hash()));
        });
        on_cleanup(move || listener.remove());
        // A fragment changed while the page was still starting may have been missed (seen when a link is
        // followed right after a reload): once the first frame is up, follow the fragment as it is then.
        request_animation_frame(move || {
            let hash = browser::current_hash();
            if !hash.trim_start_matches(['#', '/']).is_empty() {
                let route = Route::parse(&hash);
                // `try_`: an embedding page may have unmounted the app before this frame.
                if ctx.route.try_with_untracked(|r| *r != route) == Some(true) {
                    ctx.route.set(route);
                }
            }
        });
    }
}

/// Mount the app as the page's own content, on `<body>`, following the URL fragment. `book`: the saved
/// book's state as boot.js inflated it, if it did.
pub fn start(book: Option<InflatedBook>) {
    let options = AppOptions { book: book.map(std::sync::Arc::new), ..AppOptions::default() };
    leptos::mount::mount_to_body(move || view! { <App options/> });
}

/// Mount an instance into `element` of a host page. Dropping the returned value unmounts it and
/// removes everything it added.
pub fn mount_into(element: web_sys::HtmlElement, options: AppOptions) -> Box<dyn std::any::Any> {
    Box::new(leptos::mount::mount_to(element, move || view! { <App options=options.clone()/> }))
}
