//! How reservation events change the state. Total: an event naming a reservation that is gone, or
//! already applied, changes nothing more (replaying events is safe).

use super::cap::RefundRecord;
use super::exchange::ReturnedValue;
use crate::ids::{Counters, CustomerId, ReservationId, SupportRequestId, UserId};
use crate::records::{Reservation, ReservationChange, ReservationChangeKind, ReservationStatus};
use crate::State;
use chrono::{DateTime, NaiveDate, Utc};

pub(crate) fn utilisation(state: &mut State, reservation: &ReservationId, date: NaiveDate, percent: u8) {
    if let Some(r) = state.reservations.get_mut(reservation) {
        r.utilisation.insert(date, percent);
    }
}

pub(crate) fn configured(state: &mut State, reservation: &ReservationId, change: &ReservationChange) {
    let Some(r) = state.reservations.get_mut(reservation) else {
        return;
    };
    if let ReservationChangeKind::Configured { to_scope, to_optimize, .. } = &change.kind {
        r.scope = to_scope.clone();
        r.optimize = *to_optimize;
    }
    if !r.history.contains(change) {
        r.history.push(change.clone());
    }
}

pub(crate) fn refunded(state: &mut State, customer: &CustomerId, by: &UserId, refund: &RefundRecord) {
    let history = state.reservation_refunds.entry(customer.clone()).or_default();
    if history.iter().any(|h| h.request == refund.request && h.reservation == refund.reservation) {
        return;
    }
    history.push(refund.clone());
    let kind = ReservationChangeKind::Refunded { request: refund.request.clone(), credit: refund.credit };
    end(state, &refund.reservation, ReservationStatus::Cancelled, refund.at, by, kind);
}

pub(crate) fn exchanged(
    state: &mut State,
    request: &SupportRequestId,
    by: &UserId,
    at: DateTime<Utc>,
    returned: &[ReturnedValue],
    new: &Reservation,
) {
    Counters::observe(&mut state.counters.reservation, new.id.as_str());
    Counters::observe(&mut state.counters.reservation_order, new.reservation_order.as_str());
    for r in returned {
        let kind = ReservationChangeKind::Exchanged { request: request.clone(), into: new.id.clone() };
        end(state, &r.reservation, ReservationStatus::Exchanged, at, by, kind);
    }
    state.reservations.entry(new.id.clone()).or_insert_with(|| new.clone());
}

fn end(
    state: &mut State,
    id: &ReservationId,
    status: ReservationStatus,
    at: DateTime<Utc>,
    by: &UserId,
    kind: ReservationChangeKind,
) {
    if let Some(r) = state.reservations.get_mut(id) {
        if r.status == ReservationStatus::Active {
            r.status = status;
            r.ended_at = Some(at);
            r.history.push(ReservationChange { at, by: by.clone(), kind });
        }
    }
}
