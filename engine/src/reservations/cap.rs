//! The rolling refund cap (RULES §6.3): per customer, refunds plus cancelled future payments, in USD at
//! the policy's fixed rates when each refund was made, may not exceed `refund_cap_usd_minor` within
//! `refund_window_days`. A refund made on date D counts on every date before D + window and returns to
//! the pool on D + window exactly. Exchanges do not count.

use crate::ids::{CustomerId, ReservationId, SupportRequestId};
use crate::money::Money;
use crate::policy::Policy;
use crate::rejection::Violation;
use crate::State;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One refund in a customer's refund history (`State.reservation_refunds`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRecord {
    pub reservation: ReservationId,
    pub request: SupportRequestId,
    pub at: DateTime<Utc>,
    /// Net credit posted to the next invoice.
    pub credit: Money,
    /// Early termination fee withheld.
    pub fee: Money,
    /// Monthly payments cancelled.
    pub cancelled_future: Money,
    /// `credit + cancelled_future` in USD minor units at the time: what the cap counts.
    pub usd_minor: i64,
}

impl RefundRecord {
    /// The date this refund returns to the pool.
    pub fn frees_up_on(&self, policy: &Policy) -> NaiveDate {
        self.at.date_naive().checked_add_days(Days::new(u64::from(policy.refund_window_days))).unwrap_or(NaiveDate::MAX)
    }
}

/// A customer's cap on a date, in USD minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapStatus {
    pub cap_usd_minor: i64,
    pub used_usd_minor: i64,
    pub left_usd_minor: i64,
    /// When the oldest counted refund returns to the pool (`None`: nothing counted).
    pub more_available_on: Option<NaiveDate>,
    /// What returns to the pool on `more_available_on` (every refund made that day; 0 when nothing counted).
    pub frees_usd_minor: i64,
}

/// A date on which counted refunds return to the pool, and the USD minor units they free together.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub on: NaiveDate,
    pub usd_minor: i64,
}

pub(crate) fn records_of<'a>(state: &'a State, customer: &CustomerId) -> &'a [RefundRecord] {
    state.reservation_refunds.get(customer).map(Vec::as_slice).unwrap_or(&[])
}

/// The refunds that still count on `today`, the soonest to free up first.
fn counted<'a>(policy: &Policy, records: &'a [RefundRecord], today: NaiveDate) -> Vec<&'a RefundRecord> {
    let mut out: Vec<&RefundRecord> = records.iter().filter(|r| r.frees_up_on(policy) > today).collect();
    crate::sort::sort_by_key(&mut out, |r| r.at);
    out
}

/// The dates after `today` on which the refunds counted on `today` age out of the rolling window,
/// soonest first, each with the sum they free (refunds made on the same day free together). Amounts are
/// the USD each refund counted when it was made, at the policy's rates of that time.
pub(crate) fn releases(policy: &Policy, records: &[RefundRecord], today: NaiveDate) -> Vec<Release> {
    let mut out: Vec<Release> = Vec::new();
    for r in counted(policy, records, today) {
        let on = r.frees_up_on(policy);
        match out.last_mut() {
            Some(last) if last.on == on => last.usd_minor = last.usd_minor.saturating_add(r.usd_minor),
            _ => out.push(Release { on, usd_minor: r.usd_minor }),
        }
    }
    out
}

pub(crate) fn status(policy: &Policy, records: &[RefundRecord], today: NaiveDate) -> CapStatus {
    let releases = releases(policy, records, today);
    let used: i64 = super::sum_minor(releases.iter().map(|r| r.usd_minor));
    let next = releases.first();
    CapStatus {
        cap_usd_minor: policy.refund_cap_usd_minor,
        used_usd_minor: used,
        left_usd_minor: policy.refund_cap_usd_minor.saturating_sub(used).max(0),
        more_available_on: next.map(|r| r.on),
        frees_usd_minor: next.map_or(0, |r| r.usd_minor),
    }
}

/// The customer's coming releases at `at` (see [`releases`]): "the refund limit frees USD 12,000 on …".
pub fn cap_releases(state: &State, customer: &CustomerId, at: DateTime<Utc>) -> Vec<Release> {
    releases(&state.policy, records_of(state, customer), at.date_naive())
}

/// The customer's cap at `at`.
pub fn cap_status(state: &State, customer: &CustomerId, at: DateTime<Utc>) -> CapStatus {
    status(&state.policy, records_of(state, customer), at.date_naive())
}

/// `Some(RefundCapExceeded)` when counting `amount_usd` more on `today` would exceed the cap.
pub(crate) fn check(policy: &Policy, records: &[RefundRecord], today: NaiveDate, amount_usd: i64) -> Option<Violation> {
    let st = status(policy, records, today);
    if st.used_usd_minor.saturating_add(amount_usd) <= policy.refund_cap_usd_minor {
        return None;
    }
    let mut still_used = st.used_usd_minor;
    let fits_on = if amount_usd > policy.refund_cap_usd_minor {
        None
    } else {
        releases(policy, records, today).into_iter().find_map(|r| {
            still_used = still_used.saturating_sub(r.usd_minor);
            (still_used.saturating_add(amount_usd) <= policy.refund_cap_usd_minor).then_some(r.on)
        })
    };
    Some(Violation::RefundCapExceeded {
        requested_usd_minor: amount_usd,
        left_usd_minor: st.left_usd_minor,
        cap_usd_minor: policy.refund_cap_usd_minor,
        frees_up_on: st.more_available_on,
        frees_usd_minor: st.frees_usd_minor,
        fits_on,
    })
}
