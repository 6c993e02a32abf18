//! The customer support request a partner files when a purchase cannot be cancelled here (RULES §5):
//! type "CSP Purchase/Refund on behalf of customers". Every field is validated and every problem
//! returned. Filing records the request on the customer and changes no money (support decides later).
//! The request is a [`crate::support::SupportRequest`] of kind [`SupportRequestKind::CspPurchaseRefund`];
//! its contact block is validated as the reservation wizard's is (phone required here).
//!
//! Decisions: filing needs the cancel permission (Admin agent): the form is the cancel dialog's fallback.
//! The order or subscription ID must name one of the customer's orders (ID or number), subscriptions,
//! software purchases or reservations. The tenant ID or domain must be a GUID or a domain name, and the
//! customer's own: its tenant ID or its primary domain (either case). For an unknown customer only
//! [`Violation::NoSuchCustomer`] and the shape of each field are reported (nothing to match against).

use super::Decided;
use crate::audit::AuditAction;
use crate::ids::{CustomerId, UserId};
use crate::money::Money;
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::support::{check_contact_fields, next_id, Contact, SupportRequest, SupportRequestKind};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::money::parse_amount;
pub use crate::support::{support_requests_of, SupportRequestStatus};

pub const MAX_REASON_LEN: u32 = 2000;
pub const MAX_FILE_NAME_LEN: u32 = 255;

/// The form as typed (raw strings: the engine parses and reports).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRequestForm {
    pub customer: CustomerId,
    pub tenant_or_domain: String,
    pub order_or_subscription: String,
    pub refund_reason: String,
    /// In the partner's billing currency, e.g. `1234.50` or `1234,50`.
    pub amount_requested: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    /// Name of an attached file, if any.
    pub attachment: Option<String>,
}

/// What only the "CSP Purchase/Refund on behalf of customers" form asks (the contact and the amount
/// are in the request's header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CspPurchaseRefund {
    pub tenant_or_domain: String,
    pub order_or_subscription: String,
    pub refund_reason: String,
    pub attachment: Option<String>,
}

fn is_guid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    s.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

fn check_file_name(name: &str) -> Option<Problem> {
    let bad_char = |c: char| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
    if name.chars().count() > MAX_FILE_NAME_LEN as usize {
        Some(Problem::TooLong { max: MAX_FILE_NAME_LEN })
    } else if name.chars().any(bad_char) || name.starts_with('.') || name.ends_with(['.', ' ']) {
        Some(Problem::InvalidFileName)
    } else {
        None
    }
}

/// Does `reference` name one of the customer's orders, subscriptions, software purchases or reservations?
fn is_customer_reference(state: &State, customer: &CustomerId, reference: &str) -> bool {
    let r = reference.trim();
    let eq = |s: &str| s.eq_ignore_ascii_case(r);
    state.orders.values().any(|o| &o.customer == customer && (eq(o.id.as_str()) || eq(&o.number)))
        || state.subscriptions.values().any(|s| &s.customer == customer && eq(s.id.as_str()))
        || state.software.values().any(|p| &p.customer == customer && (eq(p.id.as_str()) || eq(p.order.as_str())))
        || state.reservations.values().any(|x| {
            &x.customer == customer && (eq(x.id.as_str()) || eq(x.reservation_order.as_str()) || eq(x.order.as_str()))
        })
}

/// Every problem of the form, in field order; `Ok` carries the parsed amount.
pub fn validate_form(state: &State, form: &SupportRequestForm) -> Result<Money, Rejection> {
    let mut v = Vec::new();
    let customer = state.customers.get(&form.customer);
    if customer.is_none() {
        v.push(Violation::NoSuchCustomer { customer: form.customer.clone() });
    }
    let mut bad = |field, problem| v.push(Violation::Invalid { field, problem });
    let tenant = form.tenant_or_domain.trim();
    if tenant.is_empty() {
        bad(Field::SupportTenantOrDomain, Problem::Required);
    } else if !is_guid(tenant) && !is_domain(tenant) {
        bad(Field::SupportTenantOrDomain, Problem::InvalidTenantOrDomain);
    } else if customer
        .is_some_and(|c| !tenant.eq_ignore_ascii_case(&c.tenant_id) && !tenant.eq_ignore_ascii_case(&c.domain))
    {
        bad(Field::SupportTenantOrDomain, Problem::NotThisCustomer);
    }
    if form.order_or_subscription.trim().is_empty() {
        bad(Field::SupportOrderOrSubscription, Problem::Required);
    } else if customer.is_some() && !is_customer_reference(state, &form.customer, &form.order_or_subscription) {
        bad(Field::SupportOrderOrSubscription, Problem::UnknownReference);
    }
    let reason = form.refund_reason.trim();
    if reason.is_empty() {
        bad(Field::SupportRefundReason, Problem::Required);
    } else if reason.chars().count() > MAX_REASON_LEN as usize {
        bad(Field::SupportRefundReason, Problem::TooLong { max: MAX_REASON_LEN });
    }
    let amount = parse_amount(&form.amount_requested, state.partner.currency());
    if let Err(p) = &amount {
        bad(Field::SupportAmount, p.clone());
    }
    v.extend(check_contact_fields(&form.contact_name, &form.email, &form.phone, true));
    if let Some(p) = form.attachment.as_deref().map(str::trim).filter(|a| !a.is_empty()).and_then(check_file_name) {
        v.push(Violation::Invalid { field: Field::SupportAttachment, problem: p });
    }
    Rejection::check(v)?;
    amount.map_err(|p| Rejection::one(Violation::Invalid { field: Field::SupportAmount, problem: p }))
}

pub(crate) fn decide_file(state: &State, actor: &UserId, form: &SupportRequestForm, now: DateTime<Utc>) -> Decided {
    let amount = validate_form(state, form)?;
    let details = CspPurchaseRefund {
        tenant_or_domain: form.tenant_or_domain.trim().to_string(),
        order_or_subscription: form.order_or_subscription.trim().to_string(),
        refund_reason: form.refund_reason.trim().to_string(),
        attachment: form.attachment.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_string),
    };
    let id = next_id(state);
    let note =
        AuditNote::new(AuditAction::SupportRequestFiled, format!("{id} {} {amount}", details.order_or_subscription))
            .for_customer(form.customer.clone());
    let request = SupportRequest {
        id,
        customer: form.customer.clone(),
        filed_at: now,
        filed_by: actor.clone(),
        status: SupportRequestStatus::Submitted,
        contact: Contact::trimmed(&form.contact_name, &form.email, &form.phone, None),
        amount,
        kind: SupportRequestKind::CspPurchaseRefund(details),
    };
    Ok((vec![Event::SupportRequestFiled(Box::new(request))], note))
}
