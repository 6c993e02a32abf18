//! Azure reservations (RULES §6): recording utilisation, changing scope, refund quotes under the rolling
//! per-customer cap, exchanges, and the support requests that file refunds and exchanges.
//!
//! Buying is checkout's job; it creates [`Reservation`] records (see [`expiry_for`] and the ID prefixes
//! below) after [`purchase_checks`], and posts the charge at purchase with [`opening_charge`]. Everything
//! else here works on `State.reservations` and posts its own ledger entries.
//!
//! * [`config`]: `ChangeReservationScope` (not financial; kept in the reservation's history).
//! * [`usage`]: `RecordUtilisation` and the utilisation series for the Overview chart.
//! * [`quote`]: the payment schedule and the refund quote (pure reads).
//! * [`cap`]: the refund history per customer and the rolling cap over it.
//! * [`charges`]: ledger entries (purchase charge, monthly payments, refunds, fees, exchange credits) and
//!   the clock's due events (monthly payments, end of term).
//! * [`exchange`]: the value returned by an exchange and the new reservation.
//! * [`requests`]: the support request wizard that files refunds and exchanges.

pub(crate) mod apply;
pub mod cap;
pub mod charges;
pub mod config;
pub mod exchange;
pub mod quote;
pub mod requests;
pub mod usage;

pub use cap::{cap_releases, cap_status, CapStatus, RefundRecord, Release};
pub use charges::{next_payment_on, opening_charge, payment, payments_due};
pub use exchange::{
    exchange_offers, exchange_quote, new_reservation_from_catalog, ExchangeQuote, NewReservation, NewReservationChoice,
    ReturnedValue,
};
pub use quote::{
    fee_starts_on_day, monthly_payment, payments_made, quote_on_day, refund_quote, RefundQuote, RefundRule,
};
pub use requests::{
    check_contact, ContactForm, ContactMethod, IssueType, ProblemCategory, ProblemType, ReservationRequest,
    ReservationRequestKind, SupportRequestStatus,
};
pub use usage::{had_usage, utilisation_series, UtilisationPoint};

use crate::ids::{CustomerId, ReservationId, SubscriptionId};
use crate::policy::Policy;
use crate::records::{
    Reservation, ReservationOptimize, ReservationScope, ReservationStatus, Subscription, SubscriptionStatus, Term,
};
use crate::rejection::Violation;
use crate::State;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// ID prefixes of reservation records (`RSV-0001`) and reservation orders (`RSO-0001`); sequence numbers
/// come from `ids::Counters`. Support requests (`SR-0001`) are numbered by [`crate::support`].
pub const RESERVATION_ID_PREFIX: &str = "RSV";
pub const RESERVATION_ORDER_ID_PREFIX: &str = "RSO";
pub use crate::support::SUPPORT_REQUEST_ID_PREFIX;

/// RULES §6.1: `Err` with the reason when reservations are not sold in `country` (ISO 3166-1 alpha-2,
/// matched case-insensitively after trimming).
pub fn reservation_market_check(policy: &Policy, country: &str) -> Result<(), Violation> {
    let code = country.trim().to_ascii_uppercase();
    if policy.reservations_unavailable_in(&code) {
        Err(Violation::ReservationsUnavailableInMarket { country: code })
    } else {
        Ok(())
    }
}

/// The customer's Azure subscriptions a reservation may attach to: Active "Azure plan" subscriptions.
pub fn azure_subscriptions_of<'a>(state: &'a State, customer: &CustomerId) -> Vec<&'a Subscription> {
    state
        .subscriptions
        .values()
        .filter(|s| &s.customer == customer && s.is_azure_plan && s.status == SubscriptionStatus::Active)
        .collect()
}

/// RULES §2.4 item 7 / §6.1: every reason the customer (billing country `country`) cannot buy a
/// reservation now. Empty when it can.
pub fn purchase_checks(state: &State, customer: &CustomerId, country: &str) -> Vec<Violation> {
    let mut out = Vec::new();
    if let Err(v) = reservation_market_check(&state.policy, country) {
        out.push(v);
    }
    if azure_subscriptions_of(state, customer).is_empty() {
        out.push(Violation::NoActiveAzureSubscription);
    }
    out
}

/// Last day covered (inclusive) by a reservation whose term starts on `start` (a billing term's end).
pub fn expiry_for(start: NaiveDate, term: Term) -> NaiveDate {
    crate::billing::term_end(start, term.months())
}

/// The customer's reservations, in ID order.
pub fn reservations_of<'a>(state: &'a State, customer: &CustomerId) -> Vec<&'a Reservation> {
    state.reservations.values().filter(|r| &r.customer == customer).collect()
}

/// `start` plus whole months, clamped to the month's last day: billing's anniversary arithmetic.
pub(crate) use crate::billing::add_months;

/// The reservation, if it exists and is Active.
pub(crate) fn active<'a>(state: &'a State, id: &ReservationId) -> Result<&'a Reservation, Violation> {
    let r = state.reservations.get(id).ok_or_else(|| Violation::NoSuchReservation { reservation: id.clone() })?;
    if r.status == ReservationStatus::Active {
        Ok(r)
    } else {
        Err(Violation::ReservationNotActive { reservation: id.clone(), status: r.status })
    }
}

/// The Active reservations named, deduplicated in order, with every problem of the selection: unknown,
/// not Active, of several customers, or in several currencies.
pub(crate) fn select<'a>(state: &'a State, ids: &[ReservationId], v: &mut Vec<Violation>) -> Vec<&'a Reservation> {
    let mut seen = BTreeSet::new();
    let mut found: Vec<&Reservation> = Vec::new();
    for id in ids {
        if !seen.insert(id) {
            continue;
        }
        match active(state, id) {
            Ok(r) => found.push(r),
            Err(e) => v.push(e),
        }
    }
    if let Some(first) = found.first() {
        if found.iter().any(|r| r.customer != first.customer) {
            v.push(Violation::ReservationsOfDifferentCustomers);
        }
        if let Some(other) = found.iter().find(|r| r.total.currency != first.total.currency) {
            v.push(Violation::MixedCurrencies { expected: first.total.currency, found: other.total.currency });
        }
    }
    found
}

/// Scope rules of RULES §6.1: single scope names one of the customer's Azure subscriptions; capacity
/// priority only with single scope.
pub(crate) fn check_scope(
    state: &State,
    customer: &CustomerId,
    scope: &ReservationScope,
    optimize: ReservationOptimize,
    out: &mut Vec<Violation>,
) {
    match scope {
        ReservationScope::Single(sub) => {
            if !azure_subscriptions_of(state, customer).iter().any(|s| &s.id == sub) {
                out.push(Violation::NotACustomerAzureSubscription { subscription: sub.clone() });
            }
        }
        ReservationScope::Shared => {
            if optimize == ReservationOptimize::CapacityPriority {
                out.push(Violation::CapacityPriorityNeedsSingleScope);
            }
        }
    }
}

/// Sum of minor units that saturates instead of overflowing (amounts come from user input).
pub(crate) fn sum_minor(items: impl IntoIterator<Item = i64>) -> i64 {
    items.into_iter().fold(0i64, i64::saturating_add)
}

/// A short, language-neutral rendering of a scope for the activity log.
pub(crate) fn scope_label(scope: &ReservationScope) -> String {
    match scope {
        ReservationScope::Single(SubscriptionId(s)) => format!("Single({s})"),
        ReservationScope::Shared => "Shared".into(),
    }
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests;
