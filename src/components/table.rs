//! Plain tables of text and the dated logs built on them: the From / To filter with its CSV export,
//! the count of entries and the table (the activity log and the software activity log).

use crate::components::date_field::{DateField, DateInput};
use crate::ctx::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

/// A table with a heading row, or the empty message.
pub fn table(testid: &'static str, headers: Vec<Key>, rows: Vec<Vec<String>>, empty: Key) -> AnyView {
    table_with_numbers(testid, headers, rows, empty, &[])
}

/// [`table`] whose columns at the positions `numbers` hold amounts or counts: right-aligned, tabular figures.
pub fn table_with_numbers(
    testid: &'static str,
    headers: Vec<Key>,
    rows: Vec<Vec<String>>,
    empty: Key,
    numbers: &'static [usize],
) -> AnyView {
    let i18n = use_app().i18n;
    if rows.is_empty() {
        return view! { <p>{move || i18n.t(empty)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="grid" data-testid=testid tabindex="0">
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .enumerate()
                            .map(|(i, k)| view! { <th scope="col" class:num=numbers.contains(&i)>{move || i18n.t(k)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    {r
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, c)| view! { <td class:num=numbers.contains(&i)>{c}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A log's From / To date filter (dates typed in the language's format) and its "Export CSV" button.
pub fn date_range_filter(
    from: DateInput,
    to: DateInput,
    export: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <DateField input=from label=Key::From/>
            <DateField input=to label=Key::To/>
            <button type="button" on:click=export>{move || i18n.t(Key::ExportCsv)}</button>
        </form>
    }
}

/// A log's entries: how many (announced), then their table, or "No activity".
pub fn log_entries(testid: &'static str, headers: Vec<Key>, rows: Memo<Vec<Vec<String>>>) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        <p role="status">{move || {
            let n = rows.with(|r| r.len()) as i64;
            i18n.tn(Key::EntriesCount, n, &[("count", &crate::i18n::format::integer(n, i18n.locale.get()))])
        }}</p>
        {move || table(testid, headers.clone(), rows.get(), Key::NoActivity)}
    }
}

/// Under a date-filtered log with no row: the next step, a button that widens the range to every date.
pub fn show_all_dates(from: DateInput, to: DateInput, rows: Memo<Vec<Vec<String>>>) -> impl IntoView {
    let i18n = use_app().i18n;
    view! {
        <Show when=move || rows.with(|r| r.is_empty()) && !(from.is_empty() && to.is_empty())>
            <button type="button" class="primary" on:click=move |_| {
                from.clear();
                to.clear();
            }>
                {move || i18n.t(Key::PagesShowAllDates)}
            </button>
        </Show>
    }
}
