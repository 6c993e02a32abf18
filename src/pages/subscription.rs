//! Subscriptions: the customer's Subscriptions tab and a subscription's page.

use super::customer::{order_number, table};
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::messages;
use csp_engine::ids::CustomerId;
use leptos::prelude::*;

use crate::route::Route;
use csp_engine::ids::SubscriptionId;

#[component]
pub fn SubscriptionsTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    move || {
        let locale = app.locale();
        let rows = app.state.with(|s| {
            s.subscriptions_of(&id)
                .map(|sub| {
                    vec![
                        sub.name.clone(),
                        format::integer(sub.quantity as i64, locale),
                        messages::frequency(sub.billing).text(locale).to_string(),
                        messages::subscription_status(sub.status).text(locale).to_string(),
                        format::date(sub.term_end, locale),
                        order_number(s, &sub.order),
                    ]
                })
                .collect::<Vec<_>>()
        });
        table(
            "subscriptions-table",
            vec![Key::ColName, Key::ColQuantity, Key::ColBilling, Key::ColStatus, Key::ColTermEnd, Key::ColOrderNumber],
            rows,
            Key::NoSubscriptions,
        )
    }
}

/// A subscription's page.
#[component]
pub fn SubscriptionPage(customer: CustomerId, id: SubscriptionId) -> impl IntoView {
    let i18n = use_app().i18n;
    let _ = (customer, id, Route::Renewals);
    view! { <section><h1>{move || i18n.t(Key::TabSubscriptions)}</h1></section> }
}
