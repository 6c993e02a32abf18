//! What the clock changes in a subscription, as a small `Copy` value: the fields its rules move (status,
//! term, trial end, what is billed, the quantity runs). A clock event carries the subscription's ID and
//! this patch instead of a cloned record, so a simulated year allocates per event only what the log and
//! the ledger keep (see `Event::SubscriptionPatched`).

use super::billed_by;
use crate::billing::{period_containing, Period, QuantitySegment};
use crate::money::Money;
use crate::records::{Subscription, SubscriptionStatus};
use chrono::NaiveDate;

/// The new values of the fields the clock moves; every other field of the record stays as it is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionPatch {
    pub status: SubscriptionStatus,
    pub term_start: NaiveDate,
    pub term_end: NaiveDate,
    pub trial_ends: Option<NaiveDate>,
    pub billed_through: Option<NaiveDate>,
    /// `Some(run)`: a period was charged in full, so the quantity runs restart as this one run.
    /// `None`: the runs are kept.
    pub restart_runs: Option<QuantitySegment>,
    /// The price of one license per period: a renewal takes the price in force on its date (RULES §2.5).
    pub unit_price: Money,
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
            unit_price: sub.unit_price,
        }
    }

    /// Write the patch into the record (no allocation: the runs reuse their vector).
    pub fn apply_to(&self, sub: &mut Subscription) {
        sub.status = self.status;
        sub.term_start = self.term_start;
        sub.term_end = self.term_end;
        sub.trial_ends = self.trial_ends;
        sub.billed_through = self.billed_through;
        sub.unit_price = self.unit_price;
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
        period_containing(sub.billing, self.term(), date)
    }

    /// `super::term_of` of the record with this patch applied.
    pub fn term(&self) -> Period {
        Period { start: self.term_start, end: self.term_end }
    }

    /// Record `period` as charged in full: billed through its end, one run from its start at `quantity`.
    pub fn charged(&mut self, period: Period, quantity: u32) {
        self.billed_through = Some(period.end);
        self.restart_runs = Some(QuantitySegment { from: period.start, quantity });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CustomerId, SubscriptionId};
    use crate::records::{BillingFrequency, SubscriptionStatus as St};
    use crate::testkit::{date, subscription};

    fn run(from: NaiveDate, quantity: u32) -> QuantitySegment {
        QuantitySegment { from, quantity }
    }

    /// Applying a patch writes exactly its fields (the runs only when it restarts them), and the patch reads
    /// the record as the patched record would read itself (`of`, `is_billed`, `period_of`).
    #[test]
    fn a_patch_writes_its_fields_and_reads_as_the_patched_record() {
        let sub = Subscription {
            quantity: 4,
            billed_through: Some(date(2026, 2, 28)),
            segments: vec![run(date(2026, 2, 1), 2), run(date(2026, 2, 10), 4)],
            ..subscription(SubscriptionId("S-0001".into()), CustomerId("C-0001".into()), "O365E3", St::Active)
        };
        let unchanged = SubscriptionPatch::of(&sub);
        let trial = SubscriptionPatch { trial_ends: Some(date(2026, 3, 10)), billed_through: None, ..unchanged };
        // (case, patch, the record expected after applying it)
        let rows: [(&str, SubscriptionPatch, Subscription); 4] = [
            ("the record's own values change nothing", unchanged, sub.clone()),
            (
                "a charged period restarts the runs",
                SubscriptionPatch {
                    billed_through: Some(date(2026, 3, 31)),
                    restart_runs: Some(run(date(2026, 3, 1), 4)),
                    ..unchanged
                },
                Subscription {
                    billed_through: Some(date(2026, 3, 31)),
                    segments: vec![run(date(2026, 3, 1), 4)],
                    ..sub.clone()
                },
            ),
            (
                "a new term and status keep the runs",
                SubscriptionPatch {
                    status: St::Suspended,
                    term_start: date(2027, 1, 1),
                    term_end: date(2027, 12, 31),
                    ..unchanged
                },
                Subscription {
                    status: St::Suspended,
                    term_start: date(2027, 1, 1),
                    term_end: date(2027, 12, 31),
                    ..sub.clone()
                },
            ),
            (
                "a trial is not billed",
                trial,
                Subscription { trial_ends: Some(date(2026, 3, 10)), billed_through: None, ..sub.clone() },
            ),
        ];
        for (case, patch, want) in rows {
            let mut got = sub.clone();
            patch.apply_to(&mut got);
            assert_eq!(got, want, "{case}");
            assert_eq!(SubscriptionPatch::of(&got), SubscriptionPatch { restart_runs: None, ..patch }, "{case}: of");
            assert_eq!(patch.is_billed(&sub), crate::subscriptions::is_billed(&got), "{case}: is_billed");
            for day in [date(2026, 1, 1), date(2026, 3, 15), date(2027, 6, 30), date(2028, 1, 1)] {
                let period = crate::subscriptions::period_of(&got, day);
                assert_eq!(patch.period_of(&sub, day), period, "{case}: period_of {day}");
            }
        }
        assert_eq!(trial.period_of(&sub, date(2026, 3, 15)), None, "the trial row does test an unbilled record");
        let annual = Subscription { billing: BillingFrequency::Annual, ..sub.clone() };
        assert_eq!(
            SubscriptionPatch::of(&annual).period_of(&annual, date(2026, 3, 15)),
            Some(Period { start: date(2026, 1, 1), end: date(2026, 12, 31) }),
            "annual billing reads its period from the patched term"
        );
    }
}
