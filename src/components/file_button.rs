//! A file picker worded by the app. The browser words its own file button in its own language, not the app's:
//! ours holds the input (still the labelled, focusable control), and the chosen file is read as text.

use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

/// A file the user chose: its name, and its text (`None` when the browser could not read it as text).
pub struct ChosenFile {
    pub name: String,
    pub text: Option<String>,
}

/// `choose`: the button's words; `label`: the input's accessible name; `accept`: the file types offered.
/// `on_file` receives each chosen file once read; choosing the same file again reads it again.
#[component]
pub fn FileButton(
    choose: Key,
    label: Key,
    accept: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    on_file: impl Fn(ChosenFile) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            on_file(ChosenFile { name: file.name(), text });
        });
    };
    view! {
        <label class="file-button" class:disabled=move || disabled.get()>
            <span aria-hidden="true">{move || i18n.t(choose)}</span>
            <input
                type="file"
                class="visually-hidden"
                accept=accept
                aria-label=move || i18n.t(label)
                data-testid=testid
                prop:disabled=move || disabled.get()
                on:change=change
            />
        </label>
    }
}
