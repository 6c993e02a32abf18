//! The country `<select>` of the forms: every ISO code, named and sorted in the current language.

use crate::i18n::country_name;
use crate::i18n::{use_i18n, Key};
use csp_engine::country::COUNTRY_CODES;
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
                let locale = i18n.locale.get();
                let mut list: Vec<(String, &str)> = COUNTRY_CODES.iter().map(|c| (country_name(c, locale), *c)).collect();
                csp_engine::sort::sort(&mut list);
                list.into_iter()
                    .map(|(label, code)| view! { <option value=code selected=move || value.get() == code>{label}</option> })
                    .collect_view()
            }}
        </select>
    }
}
