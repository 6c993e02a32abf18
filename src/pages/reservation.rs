//! Azure reservations: the customer's tab, the Manage page and the refund / exchange request wizard.

use super::customer::table;
use crate::ctx::use_app;
use crate::i18n::{format, Key};
use crate::messages;
use csp_engine::ids::CustomerId;
use leptos::prelude::*;

use crate::route::RequestKind;
use csp_engine::ids::ReservationId;
use csp_engine::records::ReservationScope;

#[component]
pub fn ReservationsTab(id: CustomerId) -> impl IntoView {
    let app = use_app();
    move || {
        let locale = app.locale();
        let rows = app.state.with(|s| {
            s.reservations
                .values()
                .filter(|r| r.customer == id)
                .map(|r| {
                    let scope = match &r.scope {
                        ReservationScope::Shared => Key::ScopeShared.text(locale).to_string(),
                        ReservationScope::Single(sub) => {
                            crate::i18n::fill(Key::ScopeSingleOf.text(locale), &[("subscription", sub.as_str())])
                        }
                    };
                    vec![
                        r.name.clone(),
                        r.vm_size.clone(),
                        r.region.clone(),
                        format::integer(r.quantity as i64, locale),
                        messages::term(r.term).text(locale).to_string(),
                        scope,
                        messages::reservation_status(r.status).text(locale).to_string(),
                        format::date(r.expires, locale),
                    ]
                })
                .collect::<Vec<_>>()
        });
        table(
            "reservations-table",
            vec![
                Key::ColName,
                Key::ColSize,
                Key::ColRegion,
                Key::ColQuantity,
                Key::ColTerm,
                Key::ColScope,
                Key::ColStatus,
                Key::ColExpires,
            ],
            rows,
            Key::NoReservations,
        )
    }
}

/// A reservation's Manage page.
#[component]
pub fn ReservationPage(customer: CustomerId, id: ReservationId) -> impl IntoView {
    let i18n = use_app().i18n;
    let _ = (customer, id);
    view! { <section><h1>{move || i18n.t(Key::TabReservations)}</h1></section> }
}

/// The refund / exchange support request wizard.
#[component]
pub fn ReservationRequestPage(
    customer: CustomerId,
    kind: RequestKind,
    reservations: Vec<ReservationId>,
) -> impl IntoView {
    let i18n = use_app().i18n;
    let _ = (customer, kind, reservations);
    view! { <section><h1>{move || i18n.t(Key::TabReservations)}</h1></section> }
}
