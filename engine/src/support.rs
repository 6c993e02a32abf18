//! Support requests the partner files with Microsoft on behalf of a customer. Two forms file them: the
//! software "CSP Purchase/Refund on behalf of customers" form (RULES §5, where a purchase cannot be
//! cancelled here) and the reservation refund/exchange wizard (RULES §6.5). Both become one
//! [`SupportRequest`]: a common header (ID `SR-nnnn` from `counters.support_request`, customer, who filed it
//! and when, status, contact, amount) and a [`SupportRequestKind`] with what only that form asks. One event,
//! [`crate::Event::SupportRequestFiled`], records either; a reservation request is fulfilled by the
//! `ReservationRefunded` / `ReservationExchanged` events that follow it in the same decision.

use crate::ids::{Counters, CustomerId, SupportRequestId, UserId};
use crate::money::Money;
use crate::partner::{check_email, check_name, check_phone};
use crate::rejection::{Field, Violation};
use crate::reservations::ReservationRequest;
use crate::software::CspPurchaseRefund;
use crate::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// ID prefix of support requests (`SR-0001`).
pub const SUPPORT_REQUEST_ID_PREFIX: &str = "SR";

/// The ID the next request filed from `state` gets.
pub fn next_id(state: &State) -> SupportRequestId {
    SupportRequestId(Counters::format(SUPPORT_REQUEST_ID_PREFIX, state.counters.support_request + 1))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SupportRequestStatus {
    /// Filed; Microsoft support decides later (a software refund request changes no money here).
    Submitted,
    /// Fulfilled when created (reservation refunds and exchanges, RULES §6.5).
    Fulfilled,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactMethod {
    Email,
    Phone,
}

/// Who support contacts about the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    /// Empty when not given (optional in the reservation wizard unless Phone is preferred).
    pub phone: String,
    /// The reservation wizard asks for a preferred method; the software form does not.
    pub preferred: Option<ContactMethod>,
}

impl Contact {
    /// The contact as stored: every field trimmed.
    pub fn trimmed(name: &str, email: &str, phone: &str, preferred: Option<ContactMethod>) -> Contact {
        Contact { name: name.trim().into(), email: email.trim().into(), phone: phone.trim().into(), preferred }
    }
}

/// Every problem of a contact block (both forms): a bounded name, an e-mail, and a phone that is
/// required when `phone_required` and validated whenever given.
pub fn check_contact_fields(name: &str, email: &str, phone: &str, phone_required: bool) -> Vec<Violation> {
    let mut v = Vec::new();
    check_name(Field::ContactName, name, &mut v);
    check_email(Field::ContactEmail, email, &mut v);
    check_phone(Field::ContactPhone, phone, phone_required, &mut v);
    v
}

/// What the request is about: the part of the form only one kind has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportRequestKind {
    /// "CSP Purchase/Refund on behalf of customers" (RULES §5).
    CspPurchaseRefund(CspPurchaseRefund),
    /// Reservation refund or exchange (RULES §6.3–6.5).
    Reservation(ReservationRequest),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRequest {
    pub id: SupportRequestId,
    pub customer: CustomerId,
    pub filed_at: DateTime<Utc>,
    pub filed_by: UserId,
    pub status: SupportRequestStatus,
    pub contact: Contact,
    /// Software: the amount requested (partner's currency). Reservations: the computed amount (refund: the
    /// net credit; exchange: the value returned and applied to the new reservation).
    pub amount: Money,
    pub kind: SupportRequestKind,
}

impl SupportRequest {
    /// The reservation part, when this is a reservation request.
    pub fn reservation(&self) -> Option<&ReservationRequest> {
        match &self.kind {
            SupportRequestKind::Reservation(r) => Some(r),
            SupportRequestKind::CspPurchaseRefund(_) => None,
        }
    }

    /// The software form's part, when this is a "CSP Purchase/Refund" request.
    pub fn csp_purchase_refund(&self) -> Option<&CspPurchaseRefund> {
        match &self.kind {
            SupportRequestKind::CspPurchaseRefund(r) => Some(r),
            SupportRequestKind::Reservation(_) => None,
        }
    }
}

/// A customer's requests of every kind, newest first (the customer page lists them).
pub fn support_requests_of<'a>(state: &'a State, customer: &CustomerId) -> Vec<&'a SupportRequest> {
    let mut out: Vec<&SupportRequest> = state.support_requests.values().filter(|r| &r.customer == customer).collect();
    out.sort_by(|a, b| b.filed_at.cmp(&a.filed_at).then_with(|| b.id.cmp(&a.id)));
    out
}

/// Apply [`crate::Event::SupportRequestFiled`]: record the request once, raise the counter.
pub(crate) fn apply(state: &mut State, request: &SupportRequest) {
    Counters::observe(&mut state.counters.support_request, request.id.as_str());
    state.support_requests.entry(request.id.clone()).or_insert_with(|| request.clone());
}
