//! The one filter `<select>` of the list pages (Add products, Subscriptions): "Any" first, then each option;
//! choosing one hands the page its value (`None` for Any), which the page writes into its URL.

use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;

/// One choice: the `value` written in the `<option>` (what a test or a URL names), the item, its words.
pub type FilterOption<T> = (String, T, String);

/// The options of an enum filter, worded in `locale`; the `value` of each is its position.
pub fn enum_options<T: Copy>(options: &[T], name: fn(T) -> Key, locale: Locale) -> Vec<FilterOption<T>> {
    options.iter().enumerate().map(|(i, o)| (i.to_string(), *o, name(*o).text(locale).to_string())).collect()
}

/// A labelled filter select. `options` is read reactively (the words follow the language, a list of
/// customers follows the state); `current` says which is chosen; `choose` receives the user's choice.
pub fn filter_select<T>(
    label: Key,
    testid: Option<&'static str>,
    options: impl Fn() -> Vec<FilterOption<T>> + Copy + Send + Sync + 'static,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    choose: impl Fn(Option<T>) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <label>
            {move || i18n.t(label)}
            <select
                data-testid=testid
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let item = untrack(options).into_iter().find(|(value, _, _)| *value == v).map(|(_, item, _)| item);
                    choose(item);
                }
            >
                <option value="" selected=move || current().is_none()>{move || i18n.t(Key::FilterAny)}</option>
                {move || {
                    options()
                        .into_iter()
                        .map(|(value, item, words)| {
                            view! {
                                <option value=value selected=move || current().as_ref() == Some(&item)>
                                    {words}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
