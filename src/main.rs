//! The wasm entry points. `main` does nothing on purpose: the page's `boot.js` calls [`start`], an
//! intranet page's `embed.js` calls [`mount`]; each decides where the app goes.

use csp_marketplace::ctx::Routing;
use csp_marketplace::i18n::Locale;
use csp_marketplace::route::Route;
use csp_marketplace::storage::format::InflatedBook;
use csp_marketplace::AppOptions;
use wasm_bindgen::prelude::*;

fn main() {}

/// Mount the app as the whole page (`index.html`). `book`: `{ state, layout }`, the saved state's text and its
/// layout as boot.js inflated it, or `undefined`.
#[wasm_bindgen]
pub fn start(book: JsValue) {
    csp_marketplace::start(inflated_book(&book));
}

/// The storage key of an instance mounted with `options` (its `namespace`): embed.js inflates that key's book.
#[wasm_bindgen(js_name = storageKey)]
pub fn storage_key(options: JsValue) -> String {
    AppOptions { namespace: text_option(&options, "namespace"), ..AppOptions::default() }.storage_key()
}

/// `{ state: string, layout: Uint8Array }` as boot.js and embed.js make it; anything else is no book (the app
/// then opens the saved book the full way).
fn inflated_book(book: &JsValue) -> Option<InflatedBook> {
    let field = |name: &str| js_sys::Reflect::get(book, &JsValue::from_str(name)).ok();
    let text = field("state")?.as_string()?;
    let layout = field("layout")?.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
    Some(InflatedBook { text, layout })
}

/// One embedded instance; `unmount()` removes everything it added.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        self.handle.take();
    }
}

fn text_option(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
}

/// Mount an instance into `element` with `options` (`locale`, `namespace`, `start`, `partnerName`,
/// `routing`: "memory" (default) or "hash"). Unknown values are refused with a message, never guessed. `book`:
/// as for [`start`], from embed.js.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue, book: JsValue) -> Result<Mounted, JsError> {
    let locale = match text_option(&options, "locale") {
        None => None,
        Some(tag) => Some(Locale::from_tag(&tag).ok_or_else(|| JsError::new(&format!("unknown locale {tag:?}")))?),
    };
    let routing = match text_option(&options, "routing").as_deref() {
        None | Some("memory") => Routing::Memory,
        Some("hash") => Routing::Hash,
        Some(other) => return Err(JsError::new(&format!("unknown routing {other:?}: use \"memory\" or \"hash\""))),
    };
    let start = match text_option(&options, "start") {
        None => None,
        Some(page) => match Route::parse(&page) {
            Route::NotFound(_) => return Err(JsError::new(&format!("unknown start page {page:?}"))),
            route => Some(route),
        },
    };
    let options = AppOptions {
        namespace: text_option(&options, "namespace"),
        memory_only: false,
        routing,
        start,
        locale,
        partner_label: text_option(&options, "partnerName"),
        book: inflated_book(&book).map(std::sync::Arc::new),
    };
    Ok(Mounted { handle: Some(csp_marketplace::mount_into(element, options)) })
}
