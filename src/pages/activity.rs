//! The general activity log (RULES §9): every state-changing command, filtered by date, exportable.

use crate::browser;
use crate::components::date_field::DateInput;
use crate::components::errors::RequirePermission;
use crate::components::table::{date_range_filter, log_entries, show_all_dates};
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::messages;
use chrono::Months;
use csp_engine::audit::entries_between;
use csp_engine::export;
use csp_engine::roles::Permission;
use leptos::prelude::*;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    // Default range: the last month up to the simulated date.
    let today = app.state.with_untracked(|s| s.clock.date_naive());
    let from = DateInput::new(Some(today.checked_sub_months(Months::new(1)).unwrap_or(today)));
    let to = DateInput::new(Some(today));

    let rows = Memo::new(move |_| {
        let locale = i18n.locale.get();
        let (f, t) = (from.date.get(), to.date.get());
        app.state.with(|s| {
            entries_between(&s.audit, f, t)
                .into_iter()
                .map(|e| {
                    vec![
                        format::datetime(e.at, locale),
                        e.user_name.clone(),
                        e.customer
                            .as_ref()
                            .map(|c| s.customers.get(c).map(|x| x.company_name.clone()).unwrap_or_else(|| c.0.clone()))
                            .unwrap_or_default(),
                        messages::audit_action(e.action).text(locale).to_string(),
                        e.details.clone(),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });
    let headers = [Key::ColDate, Key::ColUser, Key::ColCustomer, Key::ColAction, Key::ColDetails];
    let export = move |_| {
        let locale = i18n.locale.get_untracked();
        // The table's rows, with the time as ISO 8601 UTC instead of the localised one.
        let (f, t) = (from.date.get_untracked(), to.date.get_untracked());
        let times: Vec<String> = app.state.with_untracked(|s| {
            entries_between(&s.audit, f, t).into_iter().map(|e| csp_engine::dates::iso_second(e.at)).collect()
        });
        let mut rows = rows.get_untracked();
        for (row, time) in rows.iter_mut().zip(times) {
            row[0] = time;
        }
        let csv = export::write_text(&headers.map(|k| k.text(locale)), &rows);
        let name = export::file_name("activity-log", app.state.with_untracked(|s| s.clock.date_naive()));
        let _ = browser::download_text(&name, "text/csv;charset=utf-8", &csv);
    };

    view! {
        <section>
            <h1>{move || i18n.t(Key::ActivityTitle)}</h1>
            // Some roles may read the software log but not this one: the link stays outside the check.
            <p><a href=crate::route::Route::SoftwareActivity.href()>{move || i18n.t(Key::SwActivityTitle)}</a></p>
            <RequirePermission permission=Permission::ViewActivityLog>
                {date_range_filter(from, to, export)}
                {log_entries("activity-table", headers.to_vec(), rows)}
                // "No activity in this date range": the next step is to widen it.
                {show_all_dates(from, to, rows)}
            </RequirePermission>
        </section>
    }
}
