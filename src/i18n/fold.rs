//! Text as lists compare it: case and accents set aside, so that "ecole" finds "École" and "École" sorts
//! among the E's, in French as in English (a code-point order puts every accented capital after "Z").
//!
//! In the browser the fold is the platform's own (`toLowerCase`, then canonical decomposition with the
//! combining marks removed): the same Unicode data the browser already has, where Rust's `to_lowercase`
//! would carry its case tables (≈ 5 KB brotli) in the module the first page waits for.

/// `text` lower-cased, with its accents and other combining marks removed.
#[cfg(target_arch = "wasm32")]
pub fn fold(text: &str) -> String {
    use js_sys::{JsString, RegExp};
    thread_local! {
        static MARKS: RegExp = RegExp::new("\\p{M}", "gu");
    }
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let decomposed = JsString::from(text).to_lower_case().normalize("NFD");
    MARKS.with(|marks| decomposed.replace_by_pattern(marks, "")).into()
}

/// Natively (unit tests) the case is folded by Rust and accents are kept: the browser's fold is tested in
/// the browser (tests/web.rs, the customers end-to-end test).
#[cfg(not(target_arch = "wasm32"))]
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}
