//! Refund and exchange requests (RULES §6.5): filed through the support request wizard — Basics (issue
//! type Billing), Problem (Reservation management / Exchanges and refunds, with the reservation and
//! reservation order IDs), Contact information, Create — and fulfilled when created: the reservations
//! end, the credit goes to the next invoice (the events carry the money for the ledger).
//!
//! The request is a [`crate::support::SupportRequest`] of kind [`SupportRequestKind::Reservation`]; its
//! contact block is validated as the software refund form's is (phone required only when preferred).

use super::exchange::{self, NewReservation, ReturnedValue};
use super::{cap, charges, quote, sum_minor};
use crate::audit::AuditAction;
use crate::ids::{ReservationId, ReservationOrderId, SupportRequestId, UserId};
use crate::ledger::LedgerIds;
use crate::money::{Currency, Money};
use crate::records::Reservation;
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::support::{check_contact_fields, next_id, Contact, SupportRequest, SupportRequestKind};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Basics step: the only issue type these requests use.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IssueType {
    #[default]
    Billing,
}

/// Problem step: problem type.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProblemType {
    #[default]
    ReservationManagement,
}

/// Problem step: category.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProblemCategory {
    #[default]
    ExchangesAndRefunds,
}

pub use crate::support::{ContactMethod, SupportRequestStatus};

/// Contact information step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    /// Required when the preferred method is Phone; validated whenever given.
    pub phone: String,
    pub preferred: ContactMethod,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReservationRequestKind {
    Refund,
    Exchange(NewReservation),
}

/// What only a reservation request records (contact, amount and status are in the request's header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationRequest {
    pub issue_type: IssueType,
    pub problem_type: ProblemType,
    pub category: ProblemCategory,
    pub reservations: Vec<ReservationId>,
    pub reservation_orders: Vec<ReservationOrderId>,
    /// Refund, or exchange for the reservation described.
    pub action: ReservationRequestKind,
    /// Exchange: the reservation bought.
    pub new_reservation: Option<ReservationId>,
}

/// Every problem of the Contact information step.
pub fn check_contact(form: &ContactForm) -> Vec<Violation> {
    check_contact_fields(&form.name, &form.email, &form.phone, form.preferred == ContactMethod::Phone)
}

/// What a request does once accepted.
struct Plan {
    amount: Money,
    events: Vec<Event>,
    new_reservation: Option<ReservationId>,
    details: String,
}

pub(crate) fn decide_file(
    state: &State,
    actor: &UserId,
    reservations: &[ReservationId],
    kind: &ReservationRequestKind,
    contact: &ContactForm,
    now: DateTime<Utc>,
) -> Result<(Vec<Event>, AuditNote), Rejection> {
    let mut v = Vec::new();
    if reservations.is_empty() {
        v.push(Violation::Invalid { field: Field::RequestReservations, problem: Problem::Required });
    }
    let found = super::select(state, reservations, &mut v);
    v.extend(check_contact(contact));
    let id = next_id(state);
    let plan = match kind {
        ReservationRequestKind::Refund => plan_refund(state, actor, &found, &id, now, &mut v),
        ReservationRequestKind::Exchange(new) => plan_exchange(state, actor, &found, new, &id, now, &mut v),
    };
    Rejection::check(v)?;
    let (Some(plan), Some(first)) = (plan, found.first()) else {
        // Unreachable in practice: no reservation found always comes with a violation.
        return Err(Rejection::one(Violation::Invalid {
            field: Field::RequestReservations,
            problem: Problem::Required,
        }));
    };
    let request = SupportRequest {
        id: id.clone(),
        customer: first.customer.clone(),
        filed_at: now,
        filed_by: actor.clone(),
        status: SupportRequestStatus::Fulfilled,
        contact: Contact::trimmed(&contact.name, &contact.email, &contact.phone, Some(contact.preferred)),
        amount: plan.amount,
        kind: SupportRequestKind::Reservation(ReservationRequest {
            issue_type: IssueType::Billing,
            problem_type: ProblemType::ReservationManagement,
            category: ProblemCategory::ExchangesAndRefunds,
            reservations: found.iter().map(|r| r.id.clone()).collect(),
            reservation_orders: found.iter().map(|r| r.reservation_order.clone()).collect(),
            action: kind.clone(),
            new_reservation: plan.new_reservation,
        }),
    };
    let action = match kind {
        ReservationRequestKind::Refund => AuditAction::ReservationRefunded,
        ReservationRequestKind::Exchange(_) => AuditAction::ReservationExchanged,
    };
    let note = AuditNote::new(action, format!("{id} {}", plan.details)).for_customer(first.customer.clone());
    let mut events = vec![Event::SupportRequestFiled(Box::new(request))];
    events.extend(plan.events);
    Ok((events, note))
}

/// Refund every reservation at once; the cap applies to the sum.
fn plan_refund(
    state: &State,
    actor: &UserId,
    found: &[&Reservation],
    request: &SupportRequestId,
    now: DateTime<Utc>,
    v: &mut Vec<Violation>,
) -> Option<Plan> {
    let first = found.first()?;
    let currency = first.total.currency;
    let quotes: Vec<quote::RefundQuote> = found.iter().map(|r| quote::quote_for(state, r, now)).collect();
    let mut missing_rate: Vec<Currency> = Vec::new();
    let mut counted_usd = 0i64;
    for q in &quotes {
        match q.counts_usd_minor {
            Some(usd) => counted_usd = counted_usd.saturating_add(usd),
            None if !missing_rate.contains(&q.credit.currency) => missing_rate.push(q.credit.currency),
            None => {}
        }
    }
    v.extend(missing_rate.into_iter().map(|currency| Violation::NoExchangeRate { currency }));
    let records = cap::records_of(state, &first.customer);
    v.extend(cap::check(&state.policy, records, now.date_naive(), counted_usd));
    let amount = Money::new(sum_minor(quotes.iter().map(|q| q.credit.minor)), currency);
    let details: Vec<String> = quotes
        .iter()
        .map(|q| {
            format!("{} {:?} credit {} fee {} cancelled {}", q.reservation, q.rule, q.credit, q.fee, q.cancelled_future)
        })
        .collect();
    let mut ids = LedgerIds::new(state);
    let mut events = Vec::new();
    for (r, q) in found.iter().zip(quotes) {
        let refund = cap::RefundRecord {
            reservation: q.reservation,
            request: request.clone(),
            at: now,
            credit: q.credit,
            fee: q.fee,
            cancelled_future: q.cancelled_future,
            usd_minor: q.counts_usd_minor.unwrap_or(0),
        };
        let entries = charges::refund_entries(&mut ids, r, &refund, now);
        events.push(Event::ReservationRefunded { customer: q.customer, by: actor.clone(), refund });
        events.extend(entries);
    }
    Some(Plan { amount, events, new_reservation: None, details: format!("refund {}", details.join("; ")) })
}

fn plan_exchange(
    state: &State,
    actor: &UserId,
    found: &[&Reservation],
    new: &NewReservation,
    request: &SupportRequestId,
    now: DateTime<Utc>,
    v: &mut Vec<Violation>,
) -> Option<Plan> {
    let (returned, reservation) = exchange::plan(state, actor, found, new, request, now, v)?;
    let amount = Money::new(sum_minor(returned.iter().map(|r| r.value.minor)), reservation.total.currency);
    let from: Vec<&str> = returned.iter().map(|r: &ReturnedValue| r.reservation.as_str()).collect();
    let details =
        format!("exchange {} → {}: returned {amount}, new {}", from.join("+"), reservation.id, reservation.total);
    let new_id = reservation.id.clone();
    // The ledger: each returned reservation's credit, then the new reservation's first payment.
    let mut ids = LedgerIds::new(state);
    let mut entries: Vec<Event> =
        found.iter().zip(&returned).filter_map(|(r, value)| charges::returned_entry(&mut ids, r, value, now)).collect();
    let (reservation, opening) = charges::opening_charge_with(&mut ids, reservation, now);
    entries.extend(opening);
    let mut events = vec![Event::ReservationExchanged {
        request: request.clone(),
        customer: reservation.customer.clone(),
        by: actor.clone(),
        at: now,
        returned,
        new: Box::new(reservation),
    }];
    events.extend(entries);
    Some(Plan { amount, events, new_reservation: Some(new_id), details })
}
