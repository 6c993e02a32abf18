//! "Export CSV": the button every exporting page shows, and the table cells whose CSV value differs from the
//! words shown (a localised date or amount): `<time datetime>` and `<data value>` carry the exported value,
//! so the file holds exactly what the table shows, machine-readable.

use crate::browser;
use crate::ctx::use_app;
use crate::i18n::{format, Key, Locale};
use chrono::{DateTime, NaiveDate, Utc};
use csp_engine::export::Cell;
use csp_engine::money::Money;
use leptos::prelude::*;

/// A CSV file to download: its name, header and rows. The text is written when the button is clicked, by
/// `csp_engine::export::write` in its own chunk (split build): no page needs the writer to show.
pub struct CsvFile {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl CsvFile {
    pub fn new<H: AsRef<str>>(name: impl Into<String>, header: &[H], rows: Vec<Vec<Cell>>) -> CsvFile {
        CsvFile { name: name.into(), header: header.iter().map(|h| h.as_ref().to_string()).collect(), rows }
    }
}

on_demand! { export;
    fn write_csv(file: CsvFile) -> (String, String) {
        (file.name, csp_engine::export::write(&file.header, &file.rows))
    }
}

/// A button that builds the [`CsvFile`] when clicked and downloads it. `make` reads the state and the page's
/// filters untracked, so the file is what the page shows at that moment. If the writer's code cannot be
/// downloaded, the button says so beside it and nothing else happens.
pub fn export_button(testid: &'static str, make: impl Fn(Locale, NaiveDate) -> CsvFile + 'static) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let failed = RwSignal::new(false);
    let click = move |_| {
        let today = app.state.with_untracked(|s| s.clock.date_naive());
        let file = make(i18n.locale.get_untracked(), today);
        leptos::task::spawn_local(async move {
            match write_csv(file).await {
                Ok((name, csv)) => {
                    failed.set(false);
                    let _ = browser::download_text(&name, "text/csv;charset=utf-8", &csv);
                }
                Err(_) => failed.set(true),
            }
        });
    };
    view! {
        <button type="button" class="export" data-testid=testid on:click=click>
            {move || i18n.t(Key::ExportCsv)}
        </button>
        {move || failed.get().then(|| view! { <span class="field-error" role="alert">{i18n.t(Key::UiExportNotLoaded)}</span> })}
    }
}

/// A date as the reader's words, with its ISO form for the export.
pub fn date(d: NaiveDate, locale: Locale) -> impl IntoView {
    view! { <time datetime=d.to_string()>{format::date(d, locale)}</time> }
}

/// A moment as the reader's words, with its ISO 8601 UTC form for the export.
pub fn datetime(t: DateTime<Utc>, locale: Locale) -> impl IntoView {
    view! { <time datetime=csp_engine::dates::iso_second(t)>{format::datetime(t, locale)}</time> }
}

/// An amount as the reader's words, with its plain decimal (and currency, exported as the next column) for
/// the export.
pub fn money(m: Money, locale: Locale) -> impl IntoView {
    view! {
        <data value=csp_engine::export::decimal(m) data-currency=m.currency.code()>{format::money(m, locale)}</data>
    }
}

/// The same amount where the currency already has its own column.
pub fn amount(m: Money, locale: Locale) -> impl IntoView {
    view! { <data value=csp_engine::export::decimal(m)>{format::money(m, locale)}</data> }
}
