//! The wasm entry points. `main` does nothing on purpose: the page's `boot.js` calls [`start`], an
//! intranet page's `embed.js` calls [`mount`]; each decides where the app goes.

use csp_marketplace::ctx::Routing;
use csp_marketplace::i18n::Locale;
use csp_marketplace::route::Route;
use csp_marketplace::AppOptions;
use wasm_bindgen::prelude::*;

fn main() {}

/// Mount the app as the whole page (`index.html`).
#[wasm_bindgen]
pub fn start() {
    csp_marketplace::start();
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
/// `routing`: "memory" (default) or "hash"). Unknown values are refused with a message, never guessed.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<Mounted, JsError> {
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
    };
    Ok(Mounted { handle: Some(csp_marketplace::mount_into(element, options)) })
}
