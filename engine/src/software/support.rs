//! The customer support request a partner files when a purchase cannot be cancelled here (RULES §5):
//! type "CSP Purchase/Refund on behalf of customers". Every field is validated and every problem
//! returned. Filing records the request on the customer and changes no money (support decides later).
//!
//! Decisions: filing needs the cancel permission (Admin agent): the form is the cancel dialog's fallback.
//! The order or subscription ID must name one of the customer's orders (ID or number), subscriptions,
//! software purchases or reservations. The tenant ID or domain is checked for shape (a GUID or a domain
//! name); matching it to the customer's record is left to the customers area.

use super::Decided;
use crate::audit::AuditAction;
use crate::ids::{Counters, CustomerId, SupportRequestId, UserId};
use crate::money::{Currency, Money};
use crate::partner::{check_name, is_valid_email};
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const MAX_REASON_LEN: u32 = 2000;
pub const MAX_FILE_NAME_LEN: u32 = 255;
/// E.164 allows at most 15 digits; fewer than 7 is no reachable number.
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 7..=15;

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

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SupportRequestType {
    /// "CSP Purchase/Refund on behalf of customers".
    CspPurchaseRefund,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SupportRequestStatus {
    Submitted,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRequest {
    pub id: SupportRequestId,
    pub kind: SupportRequestType,
    pub customer: CustomerId,
    pub tenant_or_domain: String,
    pub order_or_subscription: String,
    pub refund_reason: String,
    pub amount: Money,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub attachment: Option<String>,
    pub filed_at: DateTime<Utc>,
    pub filed_by: UserId,
    pub status: SupportRequestStatus,
}

/// A customer's requests, newest first (the customer page lists them).
pub fn support_requests_of<'a>(state: &'a State, customer: &CustomerId) -> Vec<&'a SupportRequest> {
    let mut out: Vec<&SupportRequest> = state.support_requests.values().filter(|r| &r.customer == customer).collect();
    out.sort_by(|a, b| b.filed_at.cmp(&a.filed_at).then_with(|| b.id.cmp(&a.id)));
    out
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

/// Parse a positive amount in `currency`: digits, optionally one `.` or `,` then at most the currency's
/// minor digits. No sign, no grouping separators, no currency symbol.
pub fn parse_amount(raw: &str, currency: Currency) -> Result<Money, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.starts_with('-') {
        return Err(Problem::NotPositive);
    }
    let (whole, frac) = match s.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    let digits = currency.minor_digits() as usize;
    let only_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let has_separator = s.len() != whole.len();
    if whole.is_empty() || !only_digits(whole) || !only_digits(frac) || (has_separator && frac.is_empty()) {
        return Err(Problem::InvalidAmount);
    }
    if frac.len() > digits {
        return Err(Problem::TooManyDecimals { max: digits as u32 });
    }
    let major: i64 = whole.parse().map_err(|_| Problem::InvalidAmount)?;
    let minor_part: i64 = if frac.is_empty() {
        0
    } else {
        let padded = format!("{frac:0<digits$}");
        padded.parse().map_err(|_| Problem::InvalidAmount)?
    };
    let minor = major
        .checked_mul(currency.minor_per_major())
        .and_then(|m| m.checked_add(minor_part))
        .ok_or(Problem::InvalidAmount)?;
    if minor <= 0 {
        return Err(Problem::NotPositive);
    }
    Ok(Money::new(minor, currency))
}

fn check_phone(raw: &str) -> Option<Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Some(Problem::Required);
    }
    let allowed = s
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.') || (c == '+' && i == 0));
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    if allowed && PHONE_DIGITS.contains(&digits) {
        None
    } else {
        Some(Problem::InvalidPhone)
    }
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
    let mut bad = |field, problem| v.push(Violation::Invalid { field, problem });
    let tenant = form.tenant_or_domain.trim();
    if tenant.is_empty() {
        bad(Field::SupportTenantOrDomain, Problem::Required);
    } else if !is_guid(tenant) && !is_domain(tenant) {
        bad(Field::SupportTenantOrDomain, Problem::InvalidTenantOrDomain);
    }
    if form.order_or_subscription.trim().is_empty() {
        bad(Field::SupportOrderOrSubscription, Problem::Required);
    } else if !is_customer_reference(state, &form.customer, &form.order_or_subscription) {
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
    let mut name_problems = Vec::new();
    check_name(Field::SupportContactName, &form.contact_name, &mut name_problems);
    v.extend(name_problems);
    let mut bad = |field, problem| v.push(Violation::Invalid { field, problem });
    if form.email.trim().is_empty() {
        bad(Field::SupportEmail, Problem::Required);
    } else if !is_valid_email(&form.email) {
        bad(Field::SupportEmail, Problem::InvalidEmail);
    }
    if let Some(p) = check_phone(&form.phone) {
        bad(Field::SupportPhone, p);
    }
    if let Some(p) = form.attachment.as_deref().map(str::trim).filter(|a| !a.is_empty()).and_then(check_file_name) {
        bad(Field::SupportAttachment, p);
    }
    Rejection::check(v)?;
    amount.map_err(|p| Rejection::one(Violation::Invalid { field: Field::SupportAmount, problem: p }))
}

pub(crate) fn decide_file(state: &State, actor: &UserId, form: &SupportRequestForm, now: DateTime<Utc>) -> Decided {
    let amount = validate_form(state, form)?;
    let request = SupportRequest {
        id: SupportRequestId(Counters::format("SR", state.counters.support_request + 1)),
        kind: SupportRequestType::CspPurchaseRefund,
        customer: form.customer.clone(),
        tenant_or_domain: form.tenant_or_domain.trim().to_string(),
        order_or_subscription: form.order_or_subscription.trim().to_string(),
        refund_reason: form.refund_reason.trim().to_string(),
        amount,
        contact_name: form.contact_name.trim().to_string(),
        email: form.email.trim().to_string(),
        phone: form.phone.trim().to_string(),
        attachment: form.attachment.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_string),
        filed_at: now,
        filed_by: actor.clone(),
        status: SupportRequestStatus::Submitted,
    };
    let note = AuditNote::new(
        AuditAction::SupportRequestFiled,
        format!("{} {} {}", request.id, request.order_or_subscription, request.amount),
    )
    .for_customer(form.customer.clone());
    Ok((vec![Event::SupportRequestFiled(request)], note))
}
