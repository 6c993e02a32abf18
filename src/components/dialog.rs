//! The modal dialog the pages share.

use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// What can take the focus inside a dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// A modal dialog headed `title` (WAI-ARIA dialog pattern): it takes the focus when it opens, keeps it inside
/// (Tab and Shift+Tab cycle through its controls), Escape closes it, and on closing the focus returns to the
/// control that opened it.
#[component]
pub fn Dialog(title: Key, on_close: impl Fn() + Copy + Send + Sync + 'static, children: Children) -> impl IntoView {
    let i18n = use_app().i18n;
    let dialog = NodeRef::<leptos::html::Div>::new();
    // The opener is whatever had the focus when the dialog was created (the button that opened it).
    let opener = SendWrapper::new(document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
    on_cleanup(move || {
        if let Some(el) = opener.take() {
            // Not if the page re-rendered the opener away (e.g. the row it was in is gone).
            if el.is_connected() {
                let _ = el.focus();
            }
        }
    });
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            let _ = el.focus();
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.stop_propagation();
            on_close();
        }
        "Tab" => {
            let Some(el) = dialog.get_untracked() else { return };
            let Some(next) = wrap_target(&el, ev.shift_key()) else { return };
            ev.prevent_default();
            let _ = next.focus();
        }
        _ => {}
    };
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-label=move || i18n.t(title)
                tabindex="-1"
                node_ref=dialog
                on:keydown=on_keydown
            >
                <h3>{move || i18n.t(title)}</h3>
                {children()}
            </div>
        </div>
    }
}

/// Where Tab must go instead of leaving the dialog: the first control after the last (or from the dialog
/// itself backwards, the last), the last before the first; `None` when the browser's own move stays inside.
fn wrap_target(dialog: &web_sys::HtmlElement, backwards: bool) -> Option<web_sys::HtmlElement> {
    let list = dialog.query_selector_all(FOCUSABLE).ok()?;
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        // Rendered (not inside `display: none`).
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let (first, last) = (items.first()?, items.last()?);
    let active = document().active_element();
    let at = |e: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>());
    let on_dialog = active.as_ref().is_some_and(|a| a == dialog.unchecked_ref::<web_sys::Element>());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    if backwards && (at(first) || on_dialog || !inside) {
        Some(last.clone())
    } else if !backwards && (at(last) || !inside) {
        Some(first.clone())
    } else {
        None
    }
}
