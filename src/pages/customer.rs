//! A customer's page: header facts, actions, and the tabs Subscriptions, Software, Azure reservations,
//! Order history and Account.

use crate::components::badge;
use crate::components::chart::MonthlyChart;
use crate::components::empty::empty_state;
use crate::components::errors::RequirePermission;
use crate::components::export::{self as cell, export_button, CsvFile};
use crate::ctx::use_app;
use crate::i18n::country_name;
use crate::i18n::{format, Key};
use crate::messages;
use crate::route::{CatalogQuery, CustomerTab, Route};
use csp_engine::catalog::Tab;
use csp_engine::checkout::{order_history, order_total};
use csp_engine::export::{self, Cell};
use csp_engine::ids::CustomerId;
use csp_engine::records::Order;
use csp_engine::roles::Permission;
use leptos::prelude::*;

fn tab_key(t: CustomerTab) -> Key {
    match t {
        CustomerTab::Subscriptions => Key::TabSubscriptions,
        CustomerTab::Software => Key::TabSoftware,
        CustomerTab::Reservations => Key::TabReservations,
        CustomerTab::Orders => Key::TabOrders,
        CustomerTab::Account => Key::TabAccount,
    }
}

#[component]
pub fn CustomerPage(id: CustomerId, tab: CustomerTab) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let exists = {
        let id = id.clone();
        Memo::new(move |_| app.state.with(|s| s.customers.contains_key(&id)))
    };
    let name = {
        let id = id.clone();
        Memo::new(move |_| app.state.with(|s| s.customers.get(&id).map(|c| c.company_name.clone()).unwrap_or_default()))
    };
    let add = |tab: Tab, id: &CustomerId| {
        Route::AddProducts { customer: id.clone(), query: CatalogQuery { tab, ..CatalogQuery::default() } }.href()
    };
    let id = StoredValue::new(id);
    view! {
        <section>
            <RequirePermission permission=Permission::ViewCustomers>
                <Show
                    when=move || exists.get()
                    fallback=move || view! { <p class="alert error" role="alert">{move || i18n.t(Key::NoSuchCustomer)}</p> }
                >
                    <h1>{move || name.get()}</h1>
                    <div class="toolbar">
                        <a class="button primary" href=add(Tab::OnlineServices, &id.get_value())>{move || i18n.t(Key::AddSubscription)}</a>
                        <a class="button" href=add(Tab::Software, &id.get_value())>{move || i18n.t(Key::AddProducts)}</a>
                    </div>
                    <nav class="tabs" aria-label=move || i18n.t(Key::CustomerTabs)>
                        {CustomerTab::ALL
                            .into_iter()
                            .map(|t| {
                                let href = Route::Customer { id: id.get_value(), tab: t }.href();
                                view! {
                                    <a href=href aria-current=(t == tab).then_some("page")>{move || i18n.t(tab_key(t))}</a>
                                }
                            })
                            .collect_view()}
                    </nav>
                    {
                        let id = id.get_value();
                        match tab {
                            CustomerTab::Subscriptions => view! { <super::subscription::SubscriptionsTab id/> }.into_any(),
                            CustomerTab::Software => view! {
                                <RequirePermission permission=Permission::OpenSoftware action=Permission::SoftwareKeysAndCancel>
                                    <super::software::SoftwareTab id=id.clone()/>
                                </RequirePermission>
                            }.into_any(),
                            CustomerTab::Reservations => view! { <super::reservation::ReservationsTab id/> }.into_any(),
                            CustomerTab::Orders => view! { <OrdersTab id/> }.into_any(),
                            CustomerTab::Account => view! { <AccountTab id/> }.into_any(),
                        }
                    }
                </Show>
            </RequirePermission>
        </section>
    }
}

pub(crate) fn order_number(state: &csp_engine::State, order: &csp_engine::ids::OrderId) -> String {
    state.orders.get(order).map(|o| o.number.clone()).unwrap_or_else(|| order.0.clone())
}

#[component]
fn OrdersTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let headers = [Key::ColOrderNumber, Key::ColDate, Key::ColLines, Key::ColBilling, Key::ColStatus, Key::ColTotal];
    let orders = {
        let id = id.clone();
        Memo::new(move |_| app.state.with(|s| order_history(s, &id).into_iter().cloned().collect::<Vec<_>>()))
    };
    let lines = |o: &Order, locale| {
        o.lines
            .iter()
            .map(|l| format!("{} × {}", format::integer(l.quantity as i64, locale), l.offer_name))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let export = export_button("export-orders", {
        let id = id.clone();
        move |locale, today| {
            let rows: Vec<Vec<Cell>> = orders.with_untracked(|list| {
                list.iter()
                    .map(|o| {
                        let mut row = vec![
                            Cell::text(o.number.clone()),
                            Cell::Number(csp_engine::dates::iso_second(o.created_at)),
                            Cell::text(lines(o, locale)),
                            Cell::text(messages::frequency(o.billing).text(locale)),
                            Cell::text(messages::order_status(o.status).text(locale)),
                        ];
                        match order_total(o) {
                            Some(m) => row.extend([Cell::money(m), Cell::text(m.currency.code())]),
                            None => row.extend([Cell::text(""), Cell::text("")]),
                        }
                        row
                    })
                    .collect()
            });
            let mut header: Vec<&str> = headers.iter().map(|k| k.text(locale)).collect();
            header.push(Key::ColInvoiceCurrency.text(locale));
            CsvFile::new(export::file_name(&format!("orders-{}", id.as_str()), today), &header, rows)
        }
    });
    let table = move || {
        let locale = app.locale();
        let list = orders.get();
        if list.is_empty() {
            let add = Route::AddProducts { customer: id.clone(), query: CatalogQuery::default() }.href();
            return empty_state(Key::NoOrders, Key::AddProducts, add, locale).into_any();
        }
        view! {
            <div class="table-scroll">
            <table class="grid" data-testid="orders-table" tabindex="0">
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .map(|k| view! { <th scope="col" class:num=k == Key::ColTotal>{i18n.t(k)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {list
                        .iter()
                        .map(|o| {
                            view! {
                                <tr>
                                    <td>{o.number.clone()}</td>
                                    <td>{cell::datetime(o.created_at, locale)}</td>
                                    <td>{lines(o, locale)}</td>
                                    <td>{messages::frequency(o.billing).text(locale)}</td>
                                    <td>{badge::order(o.status, locale)}</td>
                                    <td class="num">{order_total(o).map(|m| cell::money(m, locale))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="toolbar">{export}</div>
        {table}
    }
}

#[component]
fn AccountTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let i18n = app.i18n;
    let edit = Route::EditCustomer { id: id.clone() }.href();
    move || {
        let edit = edit.clone();
        let locale = i18n.locale.get();
        let c = app.state.with(|s| s.customers.get(&id).cloned())?;
        let facts = [
            (Key::FieldCompanyName, c.company_name.clone()),
            (Key::FieldDomain, c.domain.clone()),
            (Key::TenantId, c.tenant_id.clone()),
            (Key::FieldBillingCountry, country_name(&c.country, locale)),
            (Key::FieldSegment, messages::segment(c.segment).text(locale).to_string()),
            (Key::FieldAccountOpened, format::date(c.account_opened, locale)),
            (Key::FieldFirstBilling, format::date(c.first_billing, locale)),
        ];
        let spend = app.can(Permission::ViewBilling).then(|| super::subscription::spend(&id, locale));
        let (spend_chart, chart_id) = (spend.is_some(), id.clone());
        Some(view! {
            <dl class="facts" data-testid="account-facts">
                {facts.into_iter().map(|(k, v)| view! { <dt>{i18n.t(k)}</dt><dd>{v}</dd> }).collect_view()}
                {spend.map(|v| view! { <dt>{i18n.t(Key::FactSpend)}</dt><dd data-testid="customer-spend">{v}</dd> })}
            </dl>
            <Show when=move || app.can(Permission::EditCustomers)>
                <a class="button" href=edit.clone()>{move || i18n.t(Key::EditCustomer)}</a>
            </Show>
            {spend_chart.then(|| view! {
                <h2>{i18n.t(Key::ExportSpendChart)}</h2>
                <MonthlyChart customer=Some(chart_id.clone())/>
            })}
        })
    }
}
