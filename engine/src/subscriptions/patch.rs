//! What the clock changes in a subscription, as a small `Copy` value: the fields its rules move (status,
//! term, trial end, what is billed, the quantity runs). A clock event carries the subscription's ID and
//! this patch instead of a cloned record, so a simulated year allocates per event only what the log and
//! the ledger keep (see `Event::SubscriptionPatched`).

use super::billed_by;
use crate::billing::{period_containing, Period, QuantitySegment};
use crate::records::{Subscription, SubscriptionStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The new values of the fields the clock moves; every other field of the record stays as it is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionPatch {
    pub status: SubscriptionStatus,
    pub term_start: NaiveDate,
    pub term_end: NaiveDate,
    pub trial_ends: Option<NaiveDate>,
    pub billed_through: Option<NaiveDate>,
    /// `Some(run)`: a period was charged in full, so the quantity runs restart as this one run.
    /// `None`: the runs are kept.
    pub restart_runs: Option<QuantitySegment>,
}

impl SubscriptionPatch {
    /// The record's current values: applying it changes nothing.
    pub fn of(sub: &Subscription) -> SubscriptionPatch {
        SubscriptionPatch {
            status: sub.status,
            term_start: sub.term_start,
            term_end: sub.term_end,
            trial_ends: sub.trial_ends,
            billed_through: sub.billed_through,
            restart_runs: None,
        }
    }

    /// Write the patch into the record (no allocation: the runs reuse their vector).
    pub fn apply_to(&self, sub: &mut Subscription) {
        sub.status = self.status;
        sub.term_start = self.term_start;
        sub.term_end = self.term_end;
        sub.trial_ends = self.trial_ends;
        sub.billed_through = self.billed_through;
        if let Some(run) = self.restart_runs {
            sub.segments.clear();
            sub.segments.push(run);
        }
    }

    /// `super::is_billed` of the record with this patch applied.
    pub fn is_billed(&self, sub: &Subscription) -> bool {
        billed_by(sub.billing, self.trial_ends, sub.metered)
    }

    /// `super::period_of` of the record with this patch applied: the billing period containing `date`.
    pub fn period_of(&self, sub: &Subscription, date: NaiveDate) -> Option<Period> {
        if !self.is_billed(sub) {
            return None;
        }
        period_containing(sub.billing, Period { start: self.term_start, end: self.term_end }, date)
    }

    /// Record `period` as charged in full: billed through its end, one run from its start at `quantity`.
    pub fn charged(&mut self, period: Period, quantity: u32) {
        self.billed_through = Some(period.end);
        self.restart_runs = Some(QuantitySegment { from: period.start, quantity });
    }
}
