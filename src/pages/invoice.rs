//! One invoice: the ledger entries of a calendar month and their total (RULES §7).

use super::billing::{charge_type, period};
use super::customer::order_number;
use crate::components::errors::RequirePermission;
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::route::Route;
use csp_engine::ledger::{invoice, LedgerEntry, LedgerRef};
use csp_engine::roles::Permission;
use csp_engine::State;
use leptos::prelude::*;

/// The "subscription or order" cell: a link to the subscription, or the order number / record ID.
fn reference(state: &State, e: &LedgerEntry) -> AnyView {
    match &e.reference {
        LedgerRef::Subscription(id) => {
            let href = Route::Subscription { customer: e.customer.clone(), id: id.clone() }.href();
            view! { <a href=href>{id.0.clone()}</a> }.into_any()
        }
        LedgerRef::Reservation(id) => {
            let href = Route::Reservation { customer: e.customer.clone(), id: id.clone() }.href();
            view! { <a href=href>{id.0.clone()}</a> }.into_any()
        }
        LedgerRef::Order(order) => order_number(state, order).into_any(),
        LedgerRef::Software(id) => {
            let order = e.order.as_ref().map(|o| format!(" ({})", order_number(state, o))).unwrap_or_default();
            format!("{}{order}", id.0).into_any()
        }
    }
}

#[component]
pub fn InvoicePage(year: i32, month: u32) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    view! {
        <section>
            <h1>
                {move || {
                    i18n.tf(Key::InvoiceTitle, &[("month", &format::month_year(year, month, i18n.locale.get()))])
                }}
            </h1>
            <p>
                <a href=Route::Billing.href()>{move || i18n.t(Key::BackToBilling)}</a>
            </p>
            <RequirePermission permission=Permission::ViewBilling>
                {move || {
                    let locale = i18n.locale.get();
                    app.state
                        .with(|s| {
                            let inv = invoice(s, year, month);
                            if inv.entries.is_empty() {
                                return view! { <p>{i18n.t(Key::NoEntriesThisMonth)}</p> }.into_any();
                            }
                            let rows = inv
                                .entries
                                .iter()
                                .map(|e| {
                                    let customer = s
                                        .customers
                                        .get(&e.customer)
                                        .map(|c| c.company_name.clone())
                                        .unwrap_or_else(|| e.customer.0.clone());
                                    let description = match e.service {
                                        Some(p) => format!("{} ({})", e.description, period(p, locale)),
                                        None => e.description.clone(),
                                    };
                                    view! {
                                        <tr>
                                            <td>{format::date(e.posted_at.date_naive(), locale)}</td>
                                            <td>{customer}</td>
                                            <td>{reference(s, e)}</td>
                                            <td>{description}</td>
                                            <td>{i18n.t(charge_type(e.charge_type))}</td>
                                            <td class="num">{format::integer(e.quantity as i64, locale)}</td>
                                            <td class="num">{format::money(e.unit_price, locale)}</td>
                                            <td class="num">{format::money(e.amount, locale)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            let totals = inv
                                .totals
                                .iter()
                                .map(|t| {
                                    let label = i18n.tf(Key::InvoiceTotal, &[("currency", t.currency.code())]);
                                    view! {
                                        <tr>
                                            <th scope="row" colspan="7">{label}</th>
                                            <td class="num" data-testid="invoice-total">{format::money(*t, locale)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            view! {
                                <table class="grid" data-testid="invoice-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t(Key::ColDate)}</th>
                                            <th scope="col">{i18n.t(Key::ColCustomer)}</th>
                                            <th scope="col">{i18n.t(Key::ColSubscriptionOrOrder)}</th>
                                            <th scope="col">{i18n.t(Key::ColLedgerDescription)}</th>
                                            <th scope="col">{i18n.t(Key::ColChargeType)}</th>
                                            <th scope="col" class="num">{i18n.t(Key::ColQuantity)}</th>
                                            <th scope="col" class="num">{i18n.t(Key::ColUnitPrice)}</th>
                                            <th scope="col" class="num">{i18n.t(Key::ColLedgerAmount)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                    <tfoot>{totals}</tfoot>
                                </table>
                            }
                            .into_any()
                        })
                }}
            </RequirePermission>
        </section>
    }
}
