//! A group of radio buttons bound to one signal (Partner profile's CSP model, the renewals horizon).

use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

/// `<fieldset class="radios">` headed by `legend`: one radio a choice, checked while `value` holds it;
/// `label` gives a choice's words (read in a reactive closure, so it follows the locale).
pub fn radio_group<T>(
    legend: Key,
    name: &'static str,
    choices: impl IntoIterator<Item = T>,
    value: RwSignal<T>,
    label: impl Fn(T) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_app().i18n;
    view! {
        <fieldset class="radios">
            <legend>{move || i18n.t(legend)}</legend>
            {choices
                .into_iter()
                .map(|c| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || value.get() == c
                                on:change=move |_| value.set(c)
                            />
                            {move || label(c)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
