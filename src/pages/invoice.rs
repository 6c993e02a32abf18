//! One invoice: the ledger entries of a calendar month and their total (RULES §7).

use super::billing::{charge_type, period};
use super::customer::order_number;
use crate::components::errors::RequirePermission;
use crate::components::export::{self as cell, export_button, CsvFile};
use crate::ctx::use_app;
use crate::i18n::{format, Key, Locale};
use crate::route::Route;
use csp_engine::export::Cell;
use csp_engine::ledger::{invoice, LedgerEntry, LedgerRef};
use csp_engine::roles::Permission;
use csp_engine::State;
use leptos::prelude::*;

/// The "subscription or order" cell: its words (also exported) and, for a subscription or reservation, its link.
fn reference(state: &State, e: &LedgerEntry) -> (String, Option<String>) {
    match &e.reference {
        LedgerRef::Subscription(id) => {
            (id.0.clone(), Some(Route::Subscription { customer: e.customer.clone(), id: id.clone() }.href()))
        }
        LedgerRef::Reservation(id) => {
            (id.0.clone(), Some(Route::Reservation { customer: e.customer.clone(), id: id.clone() }.href()))
        }
        LedgerRef::Order(order) => (order_number(state, order), None),
        LedgerRef::Software(id) => {
            let order = e.order.as_ref().map(|o| format!(" ({})", order_number(state, o))).unwrap_or_default();
            (format!("{}{order}", id.0), None)
        }
    }
}

fn customer_name(state: &State, e: &LedgerEntry) -> String {
    state.customers.get(&e.customer).map(|c| c.company_name.clone()).unwrap_or_else(|| e.customer.0.clone())
}

fn description(e: &LedgerEntry, locale: Locale) -> String {
    match e.service {
        Some(p) => format!("{} ({})", e.description, period(p, locale)),
        None => e.description.clone(),
    }
}

const HEADERS: [Key; 8] = [
    Key::ColDate,
    Key::ColCustomer,
    Key::ColSubscriptionOrOrder,
    Key::ColLedgerDescription,
    Key::ColChargeType,
    Key::ColQuantity,
    Key::ColUnitPrice,
    Key::ColLedgerAmount,
];

/// The invoice's lines as the table shows them, the amount followed by its currency.
fn csv(state: &State, year: i32, month: u32, locale: Locale) -> CsvFile {
    let rows: Vec<Vec<Cell>> = invoice(state, year, month)
        .entries
        .iter()
        .map(|e| {
            vec![
                Cell::date(e.posted_at.date_naive()),
                Cell::text(customer_name(state, e)),
                Cell::text(reference(state, e).0),
                Cell::text(description(e, locale)),
                Cell::text(charge_type(e.charge_type).text(locale)),
                Cell::integer(e.quantity.into()),
                Cell::money(e.unit_price),
                Cell::money(e.amount),
                Cell::text(e.amount.currency.code()),
            ]
        })
        .collect();
    let mut header: Vec<&str> = HEADERS.iter().map(|k| k.text(locale)).collect();
    header.push(Key::ColInvoiceCurrency.text(locale));
    CsvFile::new(format!("invoice-{year:04}-{month:02}.csv"), &header, rows)
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
                <div class="toolbar">
                    {export_button("export-invoice", move |locale, _| {
                        app.state.with_untracked(|s| csv(s, year, month, locale))
                    })}
                </div>
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
                                    let (text, href) = reference(s, e);
                                    let reference = match href {
                                        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
                                        None => text.into_any(),
                                    };
                                    view! {
                                        <tr>
                                            <td>{cell::date(e.posted_at.date_naive(), locale)}</td>
                                            <td>{customer_name(s, e)}</td>
                                            <td>{reference}</td>
                                            <td>{description(e, locale)}</td>
                                            <td>{i18n.t(charge_type(e.charge_type))}</td>
                                            <td class="num">{format::integer(e.quantity as i64, locale)}</td>
                                            <td class="num">{cell::amount(e.unit_price, locale)}</td>
                                            <td class="num">{cell::money(e.amount, locale)}</td>
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
                                <div class="table-scroll">
                                <table class="grid" data-testid="invoice-table" tabindex="0">
                                    <thead>
                                        <tr>
                                            {HEADERS
                                                .iter()
                                                .enumerate()
                                                .map(|(i, k)| view! { <th scope="col" class=(i >= 5).then_some("num")>{i18n.t(*k)}</th> })
                                                .collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                    <tfoot>{totals}</tfoot>
                                </table>
                                </div>
                            }
                            .into_any()
                        })
                }}
            </RequirePermission>
        </section>
    }
}
