//! What a cancellation would credit (RULES §6.3), as a pure read for any moment.
//!
//! Payment schedule: up front pays the total at purchase; monthly pays `total / months` on the purchase
//! date and each monthly anniversary (the first `total % months` payments carry one extra minor unit, so
//! the payments sum exactly to the total).
//!
//! Proration counts calendar days: the period paid for is the whole term (up front) or the current
//! month (monthly), both inclusive of their first and last day; the day of cancellation has begun and
//! counts as used (**Decision**), so the unused days are the days after it up to the period's end.

use super::cap::{self, CapStatus};
use super::{active, add_months, sum_minor, usage};
use crate::billing::{days_used, monthly_cycle, whole_days, Period};
use crate::ids::{CustomerId, ReservationId, ReservationOrderId};
use crate::money::Money;
use crate::records::{Reservation, ReservationBilling};
use crate::rejection::{Rejection, Violation};
use crate::State;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The row of the cancellation table that applies.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum RefundRule {
    /// Within the no-fee window and no usage: 100 % of what was paid.
    Full100,
    /// Within the no-fee window with usage: prorated, no fee.
    Prorated,
    /// After the window: prorated minus the early termination fee.
    ProratedMinusFee,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundQuote {
    pub reservation: ReservationId,
    pub reservation_order: ReservationOrderId,
    pub customer: CustomerId,
    /// The moment quoted.
    pub at: DateTime<Utc>,
    /// Whole days from the purchase timestamp.
    pub days_since_purchase: i64,
    pub had_usage: bool,
    pub rule: RefundRule,
    pub billing: ReservationBilling,
    /// What was paid so far: the total (up front) or the monthly payments made.
    pub paid: Money,
    pub payments_made: u32,
    /// The period the prorated amount is taken from (inclusive): the term, or the current month.
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub days_paid_for: i64,
    pub unused_days: i64,
    /// Paid for the period × unused days / days paid for.
    pub prorated: Money,
    pub fee: Money,
    /// Monthly billing: the payments not yet made, cancelled (they count toward the cap).
    pub cancelled_future: Money,
    /// The net credit to the next invoice.
    pub credit: Money,
    /// `credit + cancelled_future` in USD minor units, as counted by the cap (`None`: no rate).
    pub counts_usd_minor: Option<i64>,
    /// The customer's cap before this refund.
    pub cap: CapStatus,
    /// Why filing this now would be refused by the cap (or the missing rate), if it would.
    pub cap_violation: Option<Violation>,
}

/// The day (whole days since purchase) on which the early termination fee starts.
pub fn fee_starts_on_day(policy: &crate::policy::Policy) -> u32 {
    policy.reservation_full_refund_days.saturating_add(1)
}

/// Payment `k` (0-based) of a monthly schedule of `months` payments totalling `total`.
pub fn monthly_payment(total: Money, months: u32, k: u32) -> Money {
    let m = i64::from(months.max(1));
    let extra = i64::from((i64::from(k)) < total.minor.rem_euclid(m));
    Money::new(total.minor.div_euclid(m) + extra, total.currency)
}

/// How many of `months` monthly payments (due on `start` and each anniversary) are due by `today`.
pub fn payments_made(start: NaiveDate, months: u32, today: NaiveDate) -> u32 {
    (0..months).filter(|k| add_months(start, *k) <= today).count() as u32
}

/// The money side of ending a reservation on `today`, before any fee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Settlement {
    pub paid: Money,
    pub payments_made: u32,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub days_paid_for: i64,
    pub unused_days: i64,
    pub prorated: Money,
    pub cancelled_future: Money,
}

/// Ending `r` at `at`: what was paid, and the unused part of the period the last payment covers, counted
/// by [`days_used`] from the timestamp that period began (the purchase, or its monthly anniversary).
pub(crate) fn settle(r: &Reservation, at: DateTime<Utc>) -> Settlement {
    let start = r.purchased_at.date_naive();
    let today = at.date_naive().max(start);
    let zero = Money::zero(r.total.currency);
    let (paid, made, current, period_start, period_end, future) = match r.billing {
        ReservationBilling::Upfront => (r.total, 1, r.total, start, r.expires, zero),
        ReservationBilling::Monthly => {
            let months = r.term.months().max(1);
            let n = payments_made(start, months, today).max(1);
            let paid_minor = sum_minor((0..n).map(|k| monthly_payment(r.total, months, k).minor));
            let paid = Money::new(paid_minor, r.total.currency);
            let cycle = monthly_cycle(start, n - 1);
            let future = Money::new(r.total.minor.saturating_sub(paid_minor), r.total.currency);
            (paid, n, monthly_payment(r.total, months, n - 1), cycle.start, cycle.end.min(r.expires), future)
        }
    };
    let period_end = period_end.max(period_start);
    let days_paid_for = i64::from(Period { start: period_start, end: period_end }.days());
    // The paid period began at the purchase's time of day on its first date.
    let began = r.purchased_at + (period_start - start);
    let unused_days = (days_paid_for - days_used(began, at)).clamp(0, days_paid_for);
    Settlement {
        paid,
        payments_made: made,
        period_start,
        period_end,
        days_paid_for,
        unused_days,
        prorated: current.scale(unused_days, days_paid_for),
        cancelled_future: future,
    }
}

/// The refund quote for cancelling `reservation` at `at` (RULES §6.3). Refused only when the reservation
/// does not exist or is no longer Active; a cap problem is reported in the quote (`cap_violation`).
pub fn refund_quote(state: &State, reservation: &ReservationId, at: DateTime<Utc>) -> Result<RefundQuote, Rejection> {
    let r = active(state, reservation).map_err(Rejection::one)?;
    Ok(quote_for(state, r, at))
}

/// The quote on day `day` after purchase (whole days from the purchase timestamp), e.g. day 5 and day 6
/// to show where the fee starts. Usage recorded after that day does not count.
pub fn quote_on_day(state: &State, reservation: &ReservationId, day: u32) -> Result<RefundQuote, Rejection> {
    let r = active(state, reservation).map_err(Rejection::one)?;
    let at = r.purchased_at.checked_add_signed(Duration::days(i64::from(day))).unwrap_or(DateTime::<Utc>::MAX_UTC);
    Ok(quote_for(state, r, at))
}

/// Quote `r` at `at` against the customer's refund history.
pub(crate) fn quote_for(state: &State, r: &Reservation, at: DateTime<Utc>) -> RefundQuote {
    let policy = &state.policy;
    let today = at.date_naive();
    let days_since_purchase = whole_days(r.purchased_at, at).max(0);
    let had_usage = usage::had_usage(r, today);
    let within = days_since_purchase <= i64::from(policy.reservation_full_refund_days);
    let rule = match (within, had_usage) {
        (true, false) => RefundRule::Full100,
        (true, true) => RefundRule::Prorated,
        (false, _) => RefundRule::ProratedMinusFee,
    };
    let s = settle(r, at);
    let zero = Money::zero(r.total.currency);
    let (credit, fee) = match rule {
        RefundRule::Full100 => (s.paid, zero),
        RefundRule::Prorated => (s.prorated, zero),
        RefundRule::ProratedMinusFee => {
            let fee = s.prorated.scale(i64::from(policy.early_termination_fee_bp), 10_000);
            (Money::new(s.prorated.minor.saturating_sub(fee.minor), r.total.currency), fee)
        }
    };
    let counted = Money::new(credit.minor.saturating_add(s.cancelled_future.minor), r.total.currency);
    let counts_usd_minor = policy.to_usd_minor(counted);
    let records = cap::records_of(state, &r.customer);
    let cap_violation = match counts_usd_minor {
        None => Some(Violation::NoExchangeRate { currency: r.total.currency }),
        Some(usd) => cap::check(policy, records, today, usd),
    };
    RefundQuote {
        reservation: r.id.clone(),
        reservation_order: r.reservation_order.clone(),
        customer: r.customer.clone(),
        at,
        days_since_purchase,
        had_usage,
        rule,
        billing: r.billing,
        paid: s.paid,
        payments_made: s.payments_made,
        period_start: s.period_start,
        period_end: s.period_end,
        days_paid_for: s.days_paid_for,
        unused_days: s.unused_days,
        prorated: s.prorated,
        fee,
        cancelled_future: s.cancelled_future,
        credit,
        counts_usd_minor,
        cap: cap::status(policy, records, today),
        cap_violation,
    }
}
