//! The modal dialog the pages share.

use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

/// A modal dialog headed `title`: it takes the focus when it opens, and Escape closes it.
#[component]
pub fn Dialog(title: Key, on_close: impl Fn() + Copy + Send + Sync + 'static, children: Children) -> impl IntoView {
    let i18n = use_app().i18n;
    let dialog = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-label=move || i18n.t(title)
                tabindex="-1"
                node_ref=dialog
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_close();
                    }
                }
            >
                <h3>{move || i18n.t(title)}</h3>
                {children()}
            </div>
        </div>
    }
}
