//! What reservations post to the ledger (RULES §6, §7) and what the clock makes due for them (§8).
//!
//! Payment schedule (as in [`super::quote`]): up front pays the total at purchase; monthly pays
//! [`monthly_payment`] on the purchase date and each monthly anniversary. `Reservation::payments_billed`
//! counts the payments the ledger holds; the clock charges every payment whose date has come beyond it
//! (one [`ChargeType::CycleCharge`] entry each) and marks an Active reservation Expired the day after its
//! last covered day. Both are derived from the record, so running a day twice changes nothing.
//!
//! **Decision**: the charge at purchase (the up-front total, or the first monthly payment) is checkout's:
//! it calls [`opening_charge`] when it creates the record. A reservation recorded without it
//! (`payments_billed` 0) is caught up by the next clock run, so nothing is ever left unbilled or billed
//! twice. An exchange charges its new reservation's first payment when the request is created.
//!
//! Refunds post the prorated amount as a [`ChargeType::Refund`] and the early termination fee as a
//! [`ChargeType::Fee`] (two financial effects, two entries; their sum is the net credit). Exchanges post
//! each returned reservation's credit as a [`ChargeType::Credit`]; cancelled future payments were never
//! charged, so they post nothing.

use super::add_months;
use super::cap::RefundRecord;
use super::exchange::ReturnedValue;
use super::quote::{monthly_payment, payments_made};
use crate::billing::{monthly_cycle, Period};
use crate::ids::ReservationId;
use crate::ledger::{ChargeType, LedgerEntry, LedgerIds, LedgerRef};
use crate::money::Money;
use crate::records::{Reservation, ReservationBilling, ReservationStatus};
use crate::{Event, State};
use chrono::{DateTime, NaiveDate, Utc};

/// Number of payments in the reservation's schedule.
pub fn payment_count(r: &Reservation) -> u32 {
    match r.billing {
        ReservationBilling::Upfront => 1,
        ReservationBilling::Monthly => r.term.months().max(1),
    }
}

/// Payments of the schedule due by `today` (the purchase date's included).
pub fn payments_due(r: &Reservation, today: NaiveDate) -> u32 {
    payments_made(r.purchased_at.date_naive(), payment_count(r), today)
}

/// Payment `k` (0-based) and the days it pays for.
pub fn payment(r: &Reservation, k: u32) -> (Money, Period) {
    let start = r.purchased_at.date_naive();
    match r.billing {
        ReservationBilling::Upfront => (r.total, Period { start, end: r.expires }),
        ReservationBilling::Monthly => {
            let cycle = monthly_cycle(start, k);
            let end = cycle.end.min(r.expires).max(cycle.start);
            (monthly_payment(r.total, payment_count(r), k), Period { start: cycle.start, end })
        }
    }
}

/// One entry about `r`: `amount` signed (charges positive, credits negative).
fn entry(
    ids: &mut LedgerIds,
    r: &Reservation,
    at: DateTime<Utc>,
    charge_type: ChargeType,
    amount: Money,
    service: Option<Period>,
) -> LedgerEntry {
    let quantity = r.quantity.max(1);
    LedgerEntry {
        id: ids.next_id(),
        posted_at: at,
        customer: r.customer.clone(),
        reference: LedgerRef::Reservation(r.id.clone()),
        order: Some(r.order.clone()),
        description: r.name.clone(),
        charge_type,
        quantity: r.quantity,
        // One reservation's share of the amount (the amount itself is exact).
        unit_price: amount.abs().scale(1, i64::from(quantity)),
        amount,
        service,
        period_start: service.map(|p| p.start),
    }
}

/// Charge payment `k` of `r` at `at`.
fn charge(ids: &mut LedgerIds, r: &Reservation, k: u32, at: DateTime<Utc>) -> Option<Event> {
    let (amount, period) = payment(r, k);
    let charge_type = if k == 0 { ChargeType::Purchase } else { ChargeType::CycleCharge };
    (!amount.is_zero()).then(|| Event::LedgerPosted(entry(ids, r, at, charge_type, amount, Some(period))))
}

/// The charge at purchase for a reservation that starts billing at `at` (checkout and exchanges): the
/// ledger events, and the record with the payment counted.
pub fn opening_charge(state: &State, r: Reservation, at: DateTime<Utc>) -> (Reservation, Vec<Event>) {
    let mut ids = LedgerIds::new(state);
    opening_charge_with(&mut ids, r, at)
}

pub(crate) fn opening_charge_with(
    ids: &mut LedgerIds,
    mut r: Reservation,
    at: DateTime<Utc>,
) -> (Reservation, Vec<Event>) {
    let events = if r.payments_billed == 0 { charge(ids, &r, 0, at).into_iter().collect() } else { Vec::new() };
    r.payments_billed = r.payments_billed.max(1);
    (r, events)
}

/// The ledger entries of a refund: the prorated amount returned and the fee withheld.
pub(crate) fn refund_entries(
    ids: &mut LedgerIds,
    r: &Reservation,
    refund: &RefundRecord,
    at: DateTime<Utc>,
) -> Vec<Event> {
    let returned = Money::new(refund.credit.minor.saturating_add(refund.fee.minor), refund.credit.currency);
    let mut out = Vec::new();
    if !returned.is_zero() {
        out.push(Event::LedgerPosted(entry(ids, r, at, ChargeType::Refund, returned.negate(), None)));
    }
    if !refund.fee.is_zero() {
        out.push(Event::LedgerPosted(entry(ids, r, at, ChargeType::Fee, refund.fee, None)));
    }
    out
}

/// The ledger entry of one reservation returned in an exchange: its credit.
pub(crate) fn returned_entry(
    ids: &mut LedgerIds,
    r: &Reservation,
    returned: &ReturnedValue,
    at: DateTime<Utc>,
) -> Option<Event> {
    (!returned.credit.is_zero())
        .then(|| Event::LedgerPosted(entry(ids, r, at, ChargeType::Credit, returned.credit.negate(), None)))
}

/// Every reservation event due at `at`: payments whose date has come, then expiry after the last day.
pub(crate) fn due_at(state: &State, at: DateTime<Utc>, ids: &mut LedgerIds) -> Vec<Event> {
    due_at_for(state, at, ids, state.reservations.keys())
}

/// [`due_at`] for the reservations `looked_at` only (in the order given: the clock passes them in key
/// order, as [`due_at`] visits them).
pub(crate) fn due_at_for<'a>(
    state: &State,
    at: DateTime<Utc>,
    ids: &mut LedgerIds,
    looked_at: impl IntoIterator<Item = &'a ReservationId>,
) -> Vec<Event> {
    let today = at.date_naive();
    let mut out = Vec::new();
    let active = looked_at.into_iter().filter_map(|id| state.reservations.get(id));
    for r in active.filter(|r| r.status == ReservationStatus::Active) {
        let due = payments_due(r, today);
        if due > r.payments_billed {
            out.extend((r.payments_billed..due).filter_map(|k| charge(ids, r, k, at)));
            out.push(Event::ReservationBilled { reservation: r.id.clone(), payments_billed: due });
        }
        if today > r.expires {
            out.push(Event::ReservationExpired { reservation: r.id.clone(), at });
        }
    }
    out
}

/// The first day on which [`due_at`] may have something for `r`: its next unbilled payment, or the day
/// after its last covered day; `None` once it is no longer Active (only a command changes it then).
pub(crate) fn next_due(r: &Reservation) -> Option<NaiveDate> {
    if r.status != ReservationStatus::Active {
        return None;
    }
    let after_last_day = r.expires.succ_opt().unwrap_or(r.expires);
    let next_payment =
        (r.payments_billed < payment_count(r)).then(|| add_months(r.purchased_at.date_naive(), r.payments_billed));
    Some(next_payment.map_or(after_last_day, |d| d.min(after_last_day)))
}

/// Apply [`Event::ReservationBilled`]: the count only grows.
pub(crate) fn billed(state: &mut State, reservation: &ReservationId, payments_billed: u32) {
    if let Some(r) = state.reservations.get_mut(reservation) {
        r.payments_billed = r.payments_billed.max(payments_billed);
    }
}

/// Apply [`Event::ReservationExpired`]: only an Active reservation expires.
pub(crate) fn expired(state: &mut State, reservation: &ReservationId) {
    if let Some(r) = state.reservations.get_mut(reservation) {
        if r.status == ReservationStatus::Active {
            r.status = ReservationStatus::Expired;
        }
    }
}

/// The next payment date of an Active reservation after `today`, if any is left (the renewals view).
pub fn next_payment_on(r: &Reservation, today: NaiveDate) -> Option<NaiveDate> {
    if r.status != ReservationStatus::Active {
        return None;
    }
    let start = r.purchased_at.date_naive();
    (0..payment_count(r)).map(|k| add_months(start, k)).find(|d| *d > today)
}
