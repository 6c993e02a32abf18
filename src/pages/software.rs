//! Software: the customer's Software tab, the software activity log and the support request form.

use super::customer::{order_number, table};
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::messages;
use csp_engine::ids::CustomerId;
use leptos::prelude::*;

use csp_engine::ids::SoftwarePurchaseId;

#[component]
pub fn SoftwareTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    move || {
        let locale = app.locale();
        let rows = app.state.with(|s| {
            s.software
                .values()
                .filter(|p| p.customer == id)
                .map(|p| {
                    vec![
                        p.name.clone(),
                        messages::software_kind(p.kind, locale),
                        order_number(s, &p.order),
                        format::date(p.purchased_at.date_naive(), locale),
                        format::integer(p.quantity as i64, locale),
                        messages::purchase_status(p.status).text(locale).to_string(),
                    ]
                })
                .collect::<Vec<_>>()
        });
        table(
            "software-table",
            vec![
                Key::ColName,
                Key::ColType,
                Key::ColOrderNumber,
                Key::ColPurchaseDate,
                Key::ColQuantity,
                Key::ColStatus,
            ],
            rows,
            Key::NoSoftware,
        )
    }
}

/// Who accessed software keys and downloads.
#[component]
pub fn SoftwareActivityPage() -> impl IntoView {
    let i18n = use_app().i18n;
    view! { <section><h1>{move || i18n.t(Key::ActivityTitle)}</h1></section> }
}

/// "CSP Purchase/Refund on behalf of customers".
#[component]
pub fn SupportRequestPage(customer: CustomerId, purchase: Option<SoftwarePurchaseId>) -> impl IntoView {
    let i18n = use_app().i18n;
    let _ = (customer, purchase);
    view! { <section><h1>{move || i18n.t(Key::TabSoftware)}</h1></section> }
}
