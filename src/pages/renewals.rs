//! Renewals: subscriptions renewing, trials ending and suspensions expiring within 30 / 60 / 90 days.

use crate::components::choices::radio_group;
use crate::components::errors::RequirePermission;
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::route::Route;
use csp_engine::roles::Permission;
use csp_engine::subscriptions::{renewals_within, UpcomingKind};
use leptos::prelude::*;

const HORIZONS: [u32; 3] = [30, 60, 90];

pub fn upcoming_kind(k: UpcomingKind) -> Key {
    match k {
        UpcomingKind::Renewal => Key::UpRenewal,
        UpcomingKind::TermEnds => Key::UpTermEnds,
        UpcomingKind::TrialEnds => Key::UpTrialEnds,
        UpcomingKind::ScheduledCancellation => Key::UpScheduledCancellation,
        UpcomingKind::SuspensionExpires => Key::UpSuspensionExpires,
    }
}

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let days = RwSignal::new(30u32);
    view! {
        <section>
            <h1>{move || i18n.t(Key::RenewalsTitle)}</h1>
            <p>
                <a href=Route::Billing.href()>{move || i18n.t(Key::BackToBilling)}</a>
            </p>
            <RequirePermission permission=Permission::ViewCustomers>
                {radio_group(Key::RenewalsWithin, "renewals-within", HORIZONS, days, move |n| {
                    i18n.tn(Key::WithinDays, n as i64, &[("days", &n.to_string())])
                })}
                {move || {
                    let locale = i18n.locale.get();
                    let n = days.get();
                    let rows = app.state.with(|s| {
                        renewals_within(s, s.clock, n)
                            .into_iter()
                            .map(|u| {
                                let customer = s
                                    .customers
                                    .get(&u.customer)
                                    .map(|c| c.company_name.clone())
                                    .unwrap_or_else(|| u.customer.0.clone());
                                (u, customer)
                            })
                            .collect::<Vec<_>>()
                    });
                    let count = i18n
                        .tn(
                            Key::UpcomingCount,
                            n as i64,
                            &[("count", &format::integer(rows.len() as i64, locale)), ("days", &n.to_string())],
                        );
                    if rows.is_empty() {
                        return view! { <p role="status">{i18n.t(Key::NoUpcoming)}</p> }.into_any();
                    }
                    view! {
                        <p role="status">{count}</p>
                        <div class="table-scroll">
                            <table class="grid" data-testid="renewals-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t(Key::ColDate)}</th>
                                        <th scope="col">{i18n.t(Key::ColType)}</th>
                                        <th scope="col">{i18n.t(Key::ColUpcomingSubscription)}</th>
                                        <th scope="col">{i18n.t(Key::ColCustomer)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows
                                        .into_iter()
                                        .map(|(u, customer)| {
                                            let href = Route::Subscription {
                                                customer: u.customer.clone(),
                                                id: u.subscription.clone(),
                                            }
                                                .href();
                                            view! {
                                                <tr>
                                                    <td>{format::date(u.on, locale)}</td>
                                                    <td>{i18n.t(upcoming_kind(u.kind))}</td>
                                                    <td>
                                                        <a href=href>{u.name.clone()}</a>
                                                    </td>
                                                    <td>{customer}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
            </RequirePermission>
        </section>
    }
}
