//! The general activity log (RULES §9): every state-changing command, filtered by date, exportable.

use crate::browser;
use crate::components::errors::RequirePermission;
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::messages;
use chrono::{Months, NaiveDate};
use csp_engine::audit::{csv_line, entries_between};
use csp_engine::roles::Permission;
use leptos::prelude::*;

fn parse_date(s: &str) -> Option<NaiveDate> {
    csp_engine::dates::parse_iso_date(s)
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    // Default range: the last month up to the simulated date.
    let today = app.state.with_untracked(|s| s.clock.date_naive());
    let (from, set_from) = signal(today.checked_sub_months(Months::new(1)).unwrap_or(today).to_string());
    let (to, set_to) = signal(today.to_string());

    let rows = Memo::new(move |_| {
        let locale = i18n.locale.get();
        let (f, t) = (parse_date(&from.get()), parse_date(&to.get()));
        app.state.with(|s| {
            entries_between(&s.audit, f, t)
                .into_iter()
                .map(|e| {
                    [
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
        let mut lines = vec![csv_line(&headers.map(|k| k.text(locale)))];
        lines.extend(rows.get_untracked().iter().map(|r| csv_line(r)));
        let _ = browser::download_text("activity-log.csv", "text/csv;charset=utf-8", &(lines.join("\r\n") + "\r\n"));
    };

    view! {
        <section>
            <h1>{move || i18n.t(Key::ActivityTitle)}</h1>
            // Some roles may read the software log but not this one: the link stays outside the check.
            <p><a href=crate::route::Route::SoftwareActivity.href()>{move || i18n.t(Key::SwActivityTitle)}</a></p>
            <RequirePermission permission=Permission::ViewActivityLog>
                <form class="filters" on:submit=|ev| ev.prevent_default()>
                    <label>
                        {move || i18n.t(Key::From)}
                        <input type="date" prop:value=from on:input=move |ev| set_from.set(event_target_value(&ev))/>
                    </label>
                    <label>
                        {move || i18n.t(Key::To)}
                        <input type="date" prop:value=to on:input=move |ev| set_to.set(event_target_value(&ev))/>
                    </label>
                    <button type="button" on:click=export>{move || i18n.t(Key::ExportCsv)}</button>
                </form>
                <p role="status">
                    {move || i18n.tf(Key::EntriesCount, &[("count", &rows.with(|r| r.len()).to_string())])}
                </p>
                {move || {
                    let rows = rows.get();
                    if rows.is_empty() {
                        view! { <p>{i18n.t(Key::NoActivity)}</p> }.into_any()
                    } else {
                        view! {
                            <table class="grid" data-testid="activity-table">
                                <thead>
                                    <tr>{headers.map(|k| view! { <th scope="col">{i18n.t(k)}</th> }).collect_view()}</tr>
                                </thead>
                                <tbody>
                                    {rows
                                        .into_iter()
                                        .map(|r| view! { <tr>{r.map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                }}
            </RequirePermission>
        </section>
    }
}
