//! Exchanges (RULES §6.4): returned reservations give back their prorated remaining value, with no fee
//! and not counted toward the refund cap, and that value is applied to a new reservation of the same
//! type (VM ↔ VM only) whose total commitment must be at least the value returned.
//!
//! **Decision** on the value returned: the remaining commitment the customer is released from, i.e.
//! the prorated unused part of what was paid (up front: total × unused days / term days; monthly: the
//! unused part of the current month) plus, for monthly billing, the future payments cancelled. This makes
//! the value the same for up-front and monthly reservations of the same total on the same day, to within
//! rounding. The new price is an input (`NewReservation::total`, from the catalog), so the engine does not
//! depend on the catalog.

use super::quote::settle;
use super::{check_scope, expiry_for, select, sum_minor, RESERVATION_ID_PREFIX, RESERVATION_ORDER_ID_PREFIX};
use crate::catalog::{Family, Offer};
use crate::ids::{Counters, CustomerId, OfferId, ReservationId, ReservationOrderId, SupportRequestId, UserId};
use crate::money::Money;
use crate::partner::check_name;
use crate::records::BillingFrequency;
use crate::records::{
    Reservation, ReservationBilling, ReservationChange, ReservationChangeKind, ReservationKind, ReservationOptimize,
    ReservationScope, ReservationStatus, Term,
};
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest quantity of one reservation.
pub const MAX_QUANTITY: u32 = 10_000;

/// The configuration of the reservation an exchange buys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReservation {
    pub offer: OfferId,
    pub name: String,
    pub kind: ReservationKind,
    pub vm_size: String,
    pub region: String,
    pub quantity: u32,
    pub term: Term,
    pub billing: ReservationBilling,
    pub scope: ReservationScope,
    pub optimize: ReservationOptimize,
    /// Total commitment over the whole term (catalog price × quantity); the same for both billings.
    pub total: Money,
}

/// What the partner picks for the reservation an exchange buys: a reservation offer of the catalog (its
/// VM size and region), term, billing, scope, optimisation and quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReservationChoice {
    pub offer: OfferId,
    pub term: Term,
    pub billing: ReservationBilling,
    pub scope: ReservationScope,
    pub optimize: ReservationOptimize,
    pub quantity: u32,
}

/// The catalog's reservation offers an exchange may buy (reserved VM instances), in catalog order.
pub fn exchange_offers(state: &State) -> Vec<&Offer> {
    state.catalog.offers().iter().filter(|o| o.family == Family::AzureReservation).collect()
}

/// The new reservation of an exchange, priced from the catalog in the partner's currency as checkout
/// prices a purchase: the one-time price of the term × quantity, the same total commitment for up-front
/// and monthly billing. Refused for an unknown or non-reservation offer, a quantity outside the offer's
/// bounds, or a term without a price. Scope rules are checked when the exchange is filed.
pub fn new_reservation_from_catalog(state: &State, choice: &NewReservationChoice) -> Result<NewReservation, Rejection> {
    let offer = state
        .catalog
        .get(&choice.offer)
        .filter(|o| o.family == Family::AzureReservation)
        .ok_or_else(|| Rejection::one(Violation::NoSuchOffer { offer: choice.offer.clone() }))?;
    let mut v = Vec::new();
    let (min, max) = (offer.min_quantity.max(1), offer.max_quantity.min(MAX_QUANTITY));
    if choice.quantity < min || choice.quantity > max {
        let problem = Problem::OutOfRange { min: i64::from(min), max: i64::from(max) };
        v.push(Violation::Invalid { field: Field::ReservationQuantity, problem });
    }
    if !offer.terms.contains(&choice.term) {
        v.push(Violation::Invalid { field: Field::ReservationTerm, problem: Problem::NotOffered });
    }
    let price = offer.price(state.partner.currency(), BillingFrequency::OneTime, Some(choice.term));
    if price.is_none() && v.is_empty() {
        v.push(Violation::NoPriceForBilling { offer: offer.id.clone(), billing: BillingFrequency::OneTime });
    }
    Rejection::check(v)?;
    let Some(unit) = price else {
        return Err(Rejection::one(Violation::NoPriceForBilling {
            offer: offer.id.clone(),
            billing: BillingFrequency::OneTime,
        }));
    };
    let spec = offer.reservation.clone();
    Ok(NewReservation {
        offer: offer.id.clone(),
        name: offer.name.clone(),
        kind: ReservationKind::VirtualMachine,
        vm_size: spec.as_ref().map(|s| s.vm_size.clone()).unwrap_or_default(),
        region: spec.map(|s| s.region).unwrap_or_default(),
        quantity: choice.quantity,
        term: choice.term,
        billing: choice.billing,
        scope: choice.scope.clone(),
        optimize: choice.optimize,
        total: unit.times(i64::from(choice.quantity)),
    })
}

/// What one returned reservation gives back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnedValue {
    pub reservation: ReservationId,
    pub reservation_order: ReservationOrderId,
    /// The prorated unused part of what was paid (credited; no fee).
    pub credit: Money,
    /// Monthly billing: payments not yet made, cancelled.
    pub cancelled_future: Money,
    /// `credit + cancelled_future`: applied to the new reservation.
    pub value: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExchangeQuote {
    pub customer: CustomerId,
    pub returned: Vec<ReturnedValue>,
    pub returned_total: Money,
    pub new_total: Money,
    /// How much the new commitment falls short of the value returned (`None`: it does not).
    pub short_by: Option<Money>,
}

/// The value returned by exchanging `reservations` at `at` for a new commitment of `new_total`.
/// Refused when a reservation is unknown or not Active, or they belong to several customers or
/// currencies; a shortfall is reported in the quote.
pub fn exchange_quote(
    state: &State,
    reservations: &[ReservationId],
    new_total: Money,
    at: DateTime<Utc>,
) -> Result<ExchangeQuote, Rejection> {
    let mut v = Vec::new();
    let found = select(state, reservations, &mut v);
    Rejection::check(v)?;
    let Some(first) = found.first() else {
        let problem = Problem::Required;
        return Err(Rejection::one(Violation::Invalid { field: Field::RequestReservations, problem }));
    };
    let returned: Vec<ReturnedValue> = found.iter().map(|r| returned_value(r, at)).collect();
    let returned_total = Money::new(sum_minor(returned.iter().map(|r| r.value.minor)), first.total.currency);
    let short = returned_total.minor.saturating_sub(new_total.minor);
    Ok(ExchangeQuote {
        customer: first.customer.clone(),
        returned,
        returned_total,
        new_total,
        short_by: (short > 0).then(|| Money::new(short, returned_total.currency)),
    })
}

pub(crate) fn returned_value(r: &Reservation, at: DateTime<Utc>) -> ReturnedValue {
    let s = settle(r, at);
    ReturnedValue {
        reservation: r.id.clone(),
        reservation_order: r.reservation_order.clone(),
        credit: s.prorated,
        cancelled_future: s.cancelled_future,
        value: Money::new(s.prorated.minor.saturating_add(s.cancelled_future.minor), r.total.currency),
    }
}

/// Every rule an exchange of `found` for `new` breaks; on success the values returned and the new
/// reservation record (IDs from the counters; the term starts at `now`).
pub(crate) fn plan(
    state: &State,
    actor: &UserId,
    found: &[&Reservation],
    new: &NewReservation,
    request: &SupportRequestId,
    now: DateTime<Utc>,
    v: &mut Vec<Violation>,
) -> Option<(Vec<ReturnedValue>, Reservation)> {
    for r in found {
        if r.kind != ReservationKind::VirtualMachine {
            v.push(Violation::ExchangeOnlyVmToVm { reservation: Some(r.id.clone()), kind: r.kind });
        }
    }
    if new.kind != ReservationKind::VirtualMachine {
        v.push(Violation::ExchangeOnlyVmToVm { reservation: None, kind: new.kind });
    }
    check_config(new, v);
    let first = found.first()?;
    check_scope(state, &first.customer, &new.scope, new.optimize, v);
    let returned: Vec<ReturnedValue> = found.iter().map(|r| returned_value(r, now)).collect();
    let value = Money::new(sum_minor(returned.iter().map(|r| r.value.minor)), first.total.currency);
    if new.total.currency != value.currency {
        v.push(Violation::MixedCurrencies { expected: value.currency, found: new.total.currency });
    } else if new.total.minor < value.minor {
        let short_by = Money::new(value.minor.saturating_sub(new.total.minor), value.currency);
        v.push(Violation::ExchangeShortfall { returned: value, new_total: new.total, short_by });
    }
    let reservation = Reservation {
        id: ReservationId(Counters::format(RESERVATION_ID_PREFIX, state.counters.reservation + 1)),
        reservation_order: ReservationOrderId(Counters::format(
            RESERVATION_ORDER_ID_PREFIX,
            state.counters.reservation_order + 1,
        )),
        customer: first.customer.clone(),
        offer: new.offer.clone(),
        name: new.name.trim().to_string(),
        // An exchange goes through no cart: the new reservation keeps the order of the first one returned.
        order: first.order.clone(),
        vm_size: new.vm_size.trim().to_string(),
        region: new.region.trim().to_string(),
        quantity: new.quantity,
        term: new.term,
        billing: new.billing,
        scope: new.scope.clone(),
        optimize: new.optimize,
        purchased_at: now,
        total: new.total,
        status: ReservationStatus::Active,
        expires: expiry_for(now.date_naive(), new.term),
        kind: new.kind,
        utilisation: BTreeMap::new(),
        history: vec![ReservationChange {
            at: now,
            by: actor.clone(),
            kind: ReservationChangeKind::CreatedByExchange {
                request: request.clone(),
                from: found.iter().map(|r| r.id.clone()).collect(),
            },
        }],
        ended_at: None,
        payments_billed: 0,
    };
    Some((returned, reservation))
}

fn check_config(new: &NewReservation, v: &mut Vec<Violation>) {
    check_name(Field::ReservationVmSize, &new.vm_size, v);
    check_name(Field::ReservationRegion, &new.region, v);
    if new.quantity == 0 || new.quantity > MAX_QUANTITY {
        let problem = Problem::OutOfRange { min: 1, max: i64::from(MAX_QUANTITY) };
        v.push(Violation::Invalid { field: Field::ReservationQuantity, problem });
    }
    if !matches!(new.term, Term::OneYear | Term::ThreeYears) {
        v.push(Violation::Invalid { field: Field::ReservationTerm, problem: Problem::NotOffered });
    }
    if new.total.minor <= 0 {
        v.push(Violation::Invalid { field: Field::ReservationTotal, problem: Problem::NotPositive });
    }
}
