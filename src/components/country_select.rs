//! The country `<select>` of the forms: every ISO code, named and sorted alphabetically in the current language.

use crate::i18n::{countries_by_name, use_i18n, Key};
use leptos::prelude::*;

/// `value` is the selected ISO code, `on_change` receives the new one; `placeholder` adds a first empty
/// "Choose a country" option.
#[component]
pub fn CountrySelect(
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] placeholder: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select prop:value=move || value.get() on:change=move |ev| on_change.run(event_target_value(&ev))>
            {placeholder.then(|| view! { <option value="">{move || i18n.t(Key::ChooseCountry)}</option> })}
            {move || {
                countries_by_name(i18n.locale.get())
                    .into_iter()
                    .map(|(code, label)| view! { <option value=code selected=move || value.get() == code>{label}</option> })
                    .collect_view()
            }}
        </select>
    }
}
