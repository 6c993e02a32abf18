//! Cancelling a software purchase (RULES §5): within `software_cancel_days` of the order timestamp, no
//! early termination fee, keys and links revoked, a credit for the next invoice.
//!
//! Decisions:
//! * "Within 60 days" counts whole days from the order timestamp (RULES preamble): day 0 is the first
//!   24 hours. Days 0‥59 are inside; the window closes at `purchased_at + 60 days` exactly, so **day 60 is
//!   outside**. The dialog's "days left" is `60 − day` (1 on day 59), never 0 while cancellable.
//! * Credit: perpetual software `perpetual_software_credit_bp` (100 %) of what was paid; a software
//!   subscription is prorated by `unused days / term days`, where the term runs from the purchase date to
//!   the same calendar date `years` later (365 or 366 days a year: exact calendar days, so a term spanning
//!   29 February is one day longer) and used days are [`days_used`] (day N: N days used, the day of the
//!   cancellation credited; `docs/day-count.md`). Rounded half up to the
//!   minor unit. The credit is positive; the ledger posts it as a negative entry.
//! * The order record is left as it is (an order can hold other lines); the purchase carries the status.

use super::{purchase, Decided};
use crate::audit::AuditAction;
use crate::billing::{term_end, Period};
use crate::ids::{OrderId, SoftwarePurchaseId};
use crate::ledger::{ChargeType, LedgerEntry, LedgerIds, LedgerRef};
use crate::money::Money;
use crate::policy::Policy;
use crate::records::{PurchaseStatus, SoftwareKind, SoftwarePurchase};
use crate::rejection::{Rejection, Violation};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

/// What the cancel dialog shows below the Order number drop-down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CancellationQuote {
    pub purchase: SoftwarePurchaseId,
    pub order: OrderId,
    /// Whole days since the order timestamp ("day N").
    pub day: i64,
    /// When the window closes (exclusive).
    pub window_closes_at: DateTime<Utc>,
    /// Days left to cancel; 0 once the window has passed.
    pub days_left: u32,
    pub window_passed: bool,
    /// The credit a cancellation now would post (positive).
    pub credit: Money,
    /// Nothing but the acknowledgement stands in the way.
    pub cancellable: bool,
    /// Every reason it cannot be cancelled (the acknowledgement aside).
    pub blockers: Vec<Violation>,
    /// Show the link to the customer support request form (window passed, or a Linux plan).
    pub offer_support_request: bool,
}

use crate::billing::days_used;
pub use crate::billing::whole_days;

pub fn window_closes_at(policy: &Policy, p: &SoftwarePurchase) -> DateTime<Utc> {
    p.purchased_at + Duration::days(policy.software_cancel_days as i64)
}

/// The days "If cancelled on …" offers for a software purchase: from the purchase to a tenth of the
/// window (at least 3 days) past its close, so the chart shows the credit dropping to nothing.
pub fn quote_days(policy: &Policy, p: &SoftwarePurchase) -> (NaiveDate, NaiveDate) {
    let closes = window_closes_at(policy, p).date_naive();
    let tail = Days::new(u64::from(policy.software_cancel_days / 10).max(3));
    (p.purchased_at.date_naive(), closes.checked_add_days(tail).unwrap_or(closes))
}

/// Term length in calendar days for a subscription bought on `start` (at least one year): the days of
/// the billing term `start ..= term_end(start, 12 × years)`.
pub fn term_days(start: NaiveDate, years: u32) -> i64 {
    let months = years.max(1).saturating_mul(12);
    i64::from(Period { start, end: term_end(start, months) }.days())
}

/// The credit for cancelling `p` at `now` (positive, in the purchase's currency).
pub fn credit(policy: &Policy, p: &SoftwarePurchase, now: DateTime<Utc>) -> Money {
    match p.kind {
        SoftwareKind::Perpetual => p.paid.scale(policy.perpetual_software_credit_bp as i64, 10_000),
        SoftwareKind::Subscription { years } => {
            let term = term_days(p.purchased_at.date_naive(), years);
            let used = days_used(p.purchased_at, now).min(term);
            p.paid.scale(term - used, term)
        }
        SoftwareKind::LinuxPlan => Money::zero(p.paid.currency),
    }
}

/// Everything the dialog needs for one purchase and chosen order at `now`.
pub fn cancellation_quote(
    state: &State,
    id: &SoftwarePurchaseId,
    order: &OrderId,
    now: DateTime<Utc>,
) -> Result<CancellationQuote, Rejection> {
    let p = purchase(state, id)?;
    let closes = window_closes_at(&state.policy, p);
    let day = whole_days(p.purchased_at, now);
    let window_passed = now >= closes;
    let mut blockers = Vec::new();
    if &p.order != order {
        blockers.push(Violation::OrderDoesNotHoldPurchase {
            order: order.clone(),
            purchase: p.id.clone(),
            held_by: p.order.clone(),
        });
    }
    if p.status == PurchaseStatus::Cancelled {
        blockers.push(Violation::SoftwarePurchaseCancelled { purchase: p.id.clone(), cancelled_at: p.cancelled_at });
    }
    let linux = p.kind == SoftwareKind::LinuxPlan;
    if linux {
        blockers.push(Violation::SoftwareNeverCancellable { purchase: p.id.clone() });
    } else if window_passed {
        blockers.push(Violation::SoftwareCancelWindowClosed { closed_at: closes, closed_on: closes.date_naive() });
    }
    let days_left = if window_passed { 0 } else { (state.policy.software_cancel_days as i64 - day.max(0)).max(0) };
    Ok(CancellationQuote {
        purchase: p.id.clone(),
        order: order.clone(),
        day,
        window_closes_at: closes,
        days_left: u32::try_from(days_left).unwrap_or(0),
        window_passed,
        credit: credit(&state.policy, p, now),
        cancellable: blockers.is_empty(),
        offer_support_request: p.status == PurchaseStatus::Active && (linux || window_passed),
        blockers,
    })
}

pub(crate) fn decide_cancel(
    state: &State,
    id: &SoftwarePurchaseId,
    order: &OrderId,
    acknowledged: bool,
    now: DateTime<Utc>,
) -> Decided {
    let quote = cancellation_quote(state, id, order, now)?;
    let mut v = quote.blockers.clone();
    if !acknowledged {
        v.push(Violation::CancellationNotAcknowledged);
    }
    Rejection::check(v)?;
    let p = purchase(state, id)?;
    let note = AuditNote::new(
        AuditAction::SoftwarePurchaseCancelled,
        format!("{} {} credit {}", p.name, p.order, quote.credit),
    )
    .for_customer(p.customer.clone());
    let mut events = vec![Event::SoftwareCancelled {
        purchase: p.id.clone(),
        customer: p.customer.clone(),
        order: p.order.clone(),
        at: now,
        credit: quote.credit,
    }];
    events.extend(credit_entry(state, p, quote.credit, now).map(Event::LedgerPosted));
    Ok((events, note))
}

/// The ledger entry of a cancellation's credit (RULES §5, §7): one negative [`ChargeType::Credit`] for
/// the customer, on the invoice of the month it is posted. A software subscription's entry covers the
/// unused days of its term; a perpetual licence's covers no period. Nothing for a zero credit.
pub fn credit_entry(state: &State, p: &SoftwarePurchase, credit: Money, now: DateTime<Utc>) -> Option<LedgerEntry> {
    if credit.is_zero() {
        return None;
    }
    let service = match p.kind {
        SoftwareKind::Subscription { years } => {
            let start = p.purchased_at.date_naive();
            let end = term_end(start, years.max(1).saturating_mul(12));
            let used = days_used(p.purchased_at, now).min(term_days(start, years));
            start.checked_add_signed(Duration::days(used)).map(|from| Period { start: from.min(end), end })
        }
        SoftwareKind::Perpetual | SoftwareKind::LinuxPlan => None,
    };
    let quantity = p.quantity.max(1);
    Some(LedgerEntry {
        id: LedgerIds::new(state).next_id(),
        posted_at: now,
        customer: p.customer.clone(),
        reference: LedgerRef::Software(p.id.clone()),
        order: Some(p.order.clone()),
        description: p.name.clone(),
        charge_type: ChargeType::Credit,
        quantity: p.quantity,
        // One licence's share of the credit (the amount itself is exact).
        unit_price: credit.abs().scale(1, i64::from(quantity)),
        amount: credit.abs().negate(),
        service,
        period_start: service.map(|s| s.start),
    })
}

/// The credit a cancellation of `id` posted, if any: the Software page shows its amount and the invoice
/// month it lands on (RULES §5, §7).
pub fn credit_posted<'a>(state: &'a State, id: &SoftwarePurchaseId) -> Option<&'a LedgerEntry> {
    state
        .ledger
        .iter()
        .find(|e| e.charge_type == ChargeType::Credit && matches!(&e.reference, LedgerRef::Software(p) if p == id))
}

/// One entry of the Order number drop-down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderChoice {
    pub order: OrderId,
    /// The order's friendly number when the order record is known, else its ID.
    pub number: String,
    pub purchase: SoftwarePurchaseId,
    pub purchased_at: DateTime<Utc>,
    pub status: PurchaseStatus,
}

/// The orders holding the same product for the same customer as `id`, oldest first (one purchase each).
pub fn order_choices(state: &State, id: &SoftwarePurchaseId) -> Vec<OrderChoice> {
    let Some(p) = state.software.get(id) else {
        return Vec::new();
    };
    let mut out: Vec<OrderChoice> = state
        .software
        .values()
        .filter(|o| o.customer == p.customer && o.offer == p.offer)
        .map(|o| OrderChoice {
            order: o.order.clone(),
            number: state.orders.get(&o.order).map(|r| r.number.clone()).unwrap_or_else(|| o.order.to_string()),
            purchase: o.id.clone(),
            purchased_at: o.purchased_at,
            status: o.status,
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.purchased_at.cmp(&b.purchased_at).then_with(|| a.order.cmp(&b.order)));
    out
}
