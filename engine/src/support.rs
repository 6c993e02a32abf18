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
    crate::sort::sort_by(&mut out, |a, b| b.filed_at.cmp(&a.filed_at).then_with(|| b.id.cmp(&a.id)));
    out
}

/// Apply [`crate::Event::SupportRequestFiled`]: record the request once, raise the counter.
pub(crate) fn apply(state: &mut State, request: &SupportRequest) {
    Counters::observe(&mut state.counters.support_request, request.id.as_str());
    state.support_requests.entry(request.id.clone()).or_insert_with(|| request.clone());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::SoftwareKind;
    use crate::rejection::{Field, Problem};
    use crate::reservations::fixtures::{at, contact, customer, id, refund, state_with, upfront};
    use crate::reservations::ContactForm;
    use crate::software::test_support::{admin_agent, purchase};
    use crate::software::SupportRequestForm;
    use crate::{execute, Command};

    fn software_form(name: &str, email: &str, phone: &str) -> Command {
        Command::FileSupportRequest(SupportRequestForm {
            customer: customer(),
            tenant_or_domain: "contosoltd.onmicrosoft.com".into(),
            // Any record of the customer may be named, a reservation included.
            order_or_subscription: "RSV-0001".into(),
            refund_reason: "Bought for the wrong tenant".into(),
            amount_requested: "10.00".into(),
            contact_name: name.into(),
            email: email.into(),
            phone: phone.into(),
            attachment: None,
        })
    }

    fn reservation_form(name: &str, email: &str, phone: &str) -> Command {
        let contact = ContactForm { name: name.into(), email: email.into(), phone: phone.into(), ..contact() };
        let Command::FileReservationRequest { reservations, kind, .. } = refund(&[1]) else { unreachable!() };
        Command::FileReservationRequest { reservations, kind, contact }
    }

    fn state() -> State {
        let mut state = state_with(vec![upfront(365_000)]);
        let sw = purchase("SW-0001", "SQL Server 2019 Enterprise", SoftwareKind::Perpetual);
        state.software.insert(sw.id.clone(), sw);
        state
    }

    #[test]
    fn both_forms_validate_the_contact_block_alike() {
        let bad = |field, problem| Violation::Invalid { field, problem };
        // (case, name, e-mail, phone, software form refusals, reservation wizard refusals (e-mail preferred))
        type Row = (&'static str, &'static str, &'static str, &'static str, Vec<Violation>, Vec<Violation>);
        let cases: Vec<Row> = vec![
            ("valid", "Ana", "ana@fabrikam.com", "+1 425 555 0100", vec![], vec![]),
            (
                "no phone: required on the software form only",
                "Ana",
                "ana@fabrikam.com",
                " ",
                vec![bad(Field::ContactPhone, Problem::Required)],
                vec![],
            ),
            (
                "malformed e-mail",
                "Ana",
                "ana@fabrikam",
                "+1 425 555 0100",
                vec![bad(Field::ContactEmail, Problem::InvalidEmail)],
                vec![bad(Field::ContactEmail, Problem::InvalidEmail)],
            ),
            ("six digits is a phone number", "Ana", "ana@fabrikam.com", "123456", vec![], vec![]),
            (
                "five digits is not",
                "Ana",
                "ana@fabrikam.com",
                "12345",
                vec![bad(Field::ContactPhone, Problem::InvalidPhone)],
                vec![bad(Field::ContactPhone, Problem::InvalidPhone)],
            ),
            (
                "blank name",
                " ",
                "ana@fabrikam.com",
                "+1 425 555 0100",
                vec![bad(Field::ContactName, Problem::Required)],
                vec![bad(Field::ContactName, Problem::Required)],
            ),
        ];
        for (case, name, email, phone, software, reservation) in cases {
            for (form, cmd, want) in [
                ("software", software_form(name, email, phone), software),
                ("reservation", reservation_form(name, email, phone), reservation),
            ] {
                let mut state = state();
                let before = state.clone();
                let agent = admin_agent(&state);
                match execute(&mut state, &agent, cmd, at(2026, 1, 2)) {
                    Ok(_) => assert!(want.is_empty(), "{case} ({form}): accepted"),
                    Err(e) => {
                        assert_eq!(e.violations, want, "{case} ({form})");
                        assert_eq!(state, before, "{case} ({form}): a refusal changes nothing");
                    }
                }
            }
        }
    }

    #[test]
    fn both_forms_file_one_kind_of_record_numbered_from_one_counter() {
        let mut state = state();
        let agent = admin_agent(&state);
        let ana = ("Ana Souza", "ana@fabrikam.com", "+1 425 555 0100");
        execute(&mut state, &agent, software_form(ana.0, ana.1, ana.2), at(2026, 1, 2)).unwrap();
        execute(&mut state, &agent, reservation_form(ana.0, ana.1, ana.2), at(2026, 1, 3)).unwrap();
        let list = support_requests_of(&state, &customer());
        // (id, status, kind is software, preferred contact method)
        let got: Vec<(&str, SupportRequestStatus, bool, Option<ContactMethod>)> = list
            .iter()
            .map(|r| (r.id.as_str(), r.status, r.csp_purchase_refund().is_some(), r.contact.preferred))
            .collect();
        assert_eq!(
            got,
            vec![
                ("SR-0002", SupportRequestStatus::Fulfilled, false, Some(ContactMethod::Email)),
                ("SR-0001", SupportRequestStatus::Submitted, true, None),
            ],
            "newest first, one counter for both kinds"
        );
        assert_eq!(state.counters.support_request, 2);
        assert_eq!(list[0].reservation().map(|r| r.reservations.clone()), Some(vec![id(1)]));
        assert!(list.iter().all(|r| r.filed_by == agent && r.contact.name == "Ana Souza"));
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state, "round-trips through JSON");
        // Re-applying a filed event changes nothing.
        let again = state.clone();
        apply(&mut state, filed(&again, "SR-0001"));
        assert_eq!(state, again);
    }

    fn filed<'a>(state: &'a State, id: &str) -> &'a SupportRequest {
        &state.support_requests[&SupportRequestId(id.into())]
    }
}
