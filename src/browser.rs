//! Thin wrappers over browser APIs the pages need. Each degrades to a harmless default outside a
//! browser (native unit tests) instead of panicking.

use wasm_bindgen::{JsCast, JsValue};

/// Save `content` as a file through the browser's download mechanism.
pub fn download_text(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)?;
    Ok(())
}

/// Copy text to the clipboard (asynchronously; the browser may refuse without a user gesture).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// The current URL fragment (`#/…`), or empty.
pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Navigate to a fragment; the `hashchange` listener updates the route.
pub fn set_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Replace the fragment without adding a history entry (and without a `hashchange` event).
pub fn replace_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(hash));
        }
    }
}

/// The real current time, read once at first start to seed the simulated clock.
/// A random name, unique in practice (a tab's name in the journals): not a domain ID, which the state's
/// counters make deterministic.
pub fn random_id() -> String {
    if !cfg!(target_arch = "wasm32") {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        return format!("t{}", NEXT.fetch_add(1, Ordering::Relaxed));
    }
    let part = || format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u64);
    format!("{}{}", part(), part())
}

pub fn real_now() -> chrono::DateTime<chrono::Utc> {
    let ms = js_sys::Date::now();
    chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

/// The app's own link (`#/…`) an event happened in, if any (a click to follow, a hover to fetch ahead).
pub fn app_link(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
}
