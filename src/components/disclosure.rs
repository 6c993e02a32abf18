//! The one disclosure: a button that shows and hides the panel under it. The button says whether the panel is
//! open (`aria-expanded`) and which it is (`aria-controls`, an id unique per instance, so two embedded
//! instances never share one); Escape inside closes it and returns the focus to the button. Used by the
//! header's phone Menu and simulated-date panel.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn Disclosure(
    /// Open or closed. The owner keeps it, so it can close the panel itself (the Menu on a page change).
    open: RwSignal<bool>,
    /// Classes of the wrapper, the button and the panel (`open` is added to the panel's when shown).
    class: &'static str,
    button_class: &'static str,
    panel_class: &'static str,
    /// Prefix of the panel's id.
    id_prefix: &'static str,
    /// When set, the panel is a group with this name (for a panel the button's words do not name).
    #[prop(optional)]
    group_label: Option<Key>,
    /// What the button shows.
    #[prop(into)]
    button: ViewFn,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let panel_id = unique_id(id_prefix);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = toggle.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <div class=class on:keydown=on_keydown>
            <button
                type="button"
                class=button_class
                node_ref=toggle
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {button.run()}
            </button>
            <div
                class=panel_class
                id=panel_id
                role=group_label.map(|_| "group")
                aria-label=move || group_label.map(|k| i18n.t(k))
                class:open=move || open.get()
            >
                {children()}
            </div>
        </div>
    }
}

/// An id unique in the document, so that two embedded instances never share one (`aria-controls`).
fn unique_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
