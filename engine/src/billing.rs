//! Billing arithmetic (RULES §4.2–4.4): billing periods and license-day proration. Pure functions over
//! dates and [`Money`]; no state. The lifecycle commands in [`crate::subscriptions`] turn the lines
//! computed here into ledger entries.
//!
//! Proration follows the rule book's per-line formula
//! `round2( round2(unit_price × qty / days_in_period) × prorated_days / qty ) × qty`, round half up, to
//! the currency's minor unit (JPY: whole yen). Microsoft's worked examples decompose a quantity change as
//! *credit what the current period was charged, then charge each part of the period at the quantity it
//! had*: that is [`requantity`].

use crate::ledger::ChargeType;
use crate::money::{div_round_half_up, Money};
use crate::records::BillingFrequency;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The rule book's proration of one line (RULES §4.2), in integer minor units. Zero when `qty` or
/// `days_in_period` is zero (nothing to charge; never a division by zero).
pub fn prorate(unit_price_per_period: Money, qty: u32, days_in_period: u32, prorated_days: u32) -> Money {
    if qty == 0 || days_in_period == 0 {
        return Money::zero(unit_price_per_period.currency);
    }
    let q = qty as i128;
    // round2(unit × qty / days): the daily rate of all licenses, in minor units.
    let daily = div_round_half_up(unit_price_per_period.minor as i128 * q, days_in_period as i128);
    // round2(daily × days / qty): one license's share over the prorated days.
    let per_license = div_round_half_up(daily * prorated_days as i128, q);
    let total = (per_license * q).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
    Money::new(total, unit_price_per_period.currency)
}

/// `part` of `period` at `qty`: the full price when `part` is the whole period (the formula would
/// otherwise re-round a whole period's price), else [`prorate`].
pub fn prorate_part(unit: Money, qty: u32, period: Period, part: Period) -> Money {
    if part.start <= period.start && part.end >= period.end {
        unit.times(qty as i64)
    } else {
        prorate(unit, qty, period.days(), part.days())
    }
}

/// A billing period or part of one: both ends inclusive.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// Days covered, both ends included (Jan 13–Feb 12 is 31). Zero for an empty period.
    pub fn days(&self) -> u32 {
        ((self.end - self.start).num_days() + 1).max(0) as u32
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Days from `date` to the end of the period, `date` included (0 when past the end): the days not yet
    /// used on `date` ([`days_used_on`]).
    pub fn days_from(&self, date: NaiveDate) -> u32 {
        self.unused_on(date).days()
    }

    /// The part of the period not yet used on `date`: from `date` (which is not used yet, [`days_used_on`])
    /// to the end. Empty once past the end.
    pub fn unused_on(&self, date: NaiveDate) -> Period {
        let used = days_used_on(self.start, date);
        let start = self.start.checked_add_signed(chrono::Duration::days(used)).unwrap_or(NaiveDate::MAX);
        Period { start, end: self.end }
    }
}

/// "Day N after purchase" (RULES preamble): whole days from the timestamp `from` to `to`, negative if `to`
/// is earlier. Day 0 is the first 24 hours. Every window counted from a purchase uses this.
pub fn whole_days(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_days()
}

/// **The** day count of every proration (`docs/day-count.md`): the days of a paid period that began at
/// `start` which are used at `at`. On day N after `start` (RULES: N whole days from the timestamp) N days
/// are used; the day of the change itself (cancellation, refund, suspension, quantity change) is not used,
/// so it is credited, or charged at the new quantity. Never negative.
pub fn days_used(start: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    whole_days(start, at).max(0)
}

/// [`days_used`] for periods of calendar dates (subscription billing periods, which start at midnight):
/// on `on`, the days before it are used — `on − start`.
pub fn days_used_on(start: NaiveDate, on: NaiveDate) -> i64 {
    let midnight = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    days_used(midnight(start), midnight(on))
}

/// `date` plus `months` calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28).
/// Saturates at the latest representable date rather than failing.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// Last day (inclusive) of a term of `months` starting on `start`: start + months − 1 day.
pub fn term_end(start: NaiveDate, months: u32) -> NaiveDate {
    add_months(start, months).pred_opt().unwrap_or(start)
}

/// The `n`-th monthly anniversary cycle of a term starting on `term_start` (cycle 0 begins on it).
/// Each cycle is computed from the term start, so a Jan 31 start gives Feb 28 then Mar 31.
pub fn monthly_cycle(term_start: NaiveDate, n: u32) -> Period {
    let start = add_months(term_start, n);
    let end = add_months(term_start, n.saturating_add(1)).pred_opt().unwrap_or(start);
    Period { start, end }
}

/// The billing period of a term that contains `date`: the monthly anniversary cycle for monthly billing,
/// the whole term for annual billing. `None` when `date` is outside the term or the subscription is not
/// billed by period (trials, one-time).
pub fn period_containing(billing: BillingFrequency, term: Period, date: NaiveDate) -> Option<Period> {
    if !term.contains(date) {
        return None;
    }
    match billing {
        BillingFrequency::Annual => Some(term),
        BillingFrequency::Monthly => {
            let months = months_between(term.start, date);
            // The estimate can be one too high near month ends; step back until the cycle starts on or before.
            (0..=months)
                .rev()
                .map(|n| monthly_cycle(term.start, n))
                .find(|c| c.start <= date)
                .map(|c| Period { start: c.start, end: c.end.min(term.end) })
        }
        BillingFrequency::OneTime | BillingFrequency::None => None,
    }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    let m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    m.max(0) as u32
}

/// A run of days of one billing period at one quantity. A billing period's history is a list of these,
/// each running until the next one starts; quantity 0 marks a suspension.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantitySegment {
    pub from: NaiveDate,
    pub quantity: u32,
}

/// One computed line of a bill: the ledger entry it becomes, without identity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillLine {
    pub charge_type: ChargeType,
    /// The days the line covers.
    pub service: Period,
    pub quantity: u32,
    pub amount: Money,
}

/// Quantity change on `on` within `period` (RULES §4.2, Microsoft's worked examples): credit what the
/// period has been charged so far (`charged`, net), then charge each earlier run of the period at its own
/// quantity up to the day before the change, and the rest of the period at `new_quantity`.
/// `segments` are the period's runs so far (sorted by start); runs of quantity 0 (suspension) cost nothing.
pub fn requantity(
    unit: Money,
    period: Period,
    segments: &[QuantitySegment],
    charged: Money,
    on: NaiveDate,
    new_quantity: u32,
) -> Vec<BillLine> {
    let mut lines = Vec::new();
    if !charged.is_zero() {
        lines.push(BillLine {
            charge_type: ChargeType::Credit,
            service: period,
            quantity: segments.last().map(|s| s.quantity).unwrap_or(0),
            amount: charged.negate(),
        });
    }
    let mut runs: Vec<QuantitySegment> = segments.iter().copied().filter(|s| s.from < on).collect();
    runs.push(QuantitySegment { from: on, quantity: new_quantity });
    for (i, run) in runs.iter().enumerate() {
        let end = runs.get(i + 1).and_then(|next| next.from.pred_opt()).unwrap_or(period.end);
        let service = Period { start: run.from.max(period.start), end: end.min(period.end) };
        if run.quantity == 0 || service.days() == 0 {
            continue;
        }
        lines.push(BillLine {
            charge_type: ChargeType::Proration,
            service,
            quantity: run.quantity,
            amount: prorate_part(unit, run.quantity, period, service),
        });
    }
    lines
}

/// What a subscription has been charged, net, so far in its current term and in its current period.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Charged {
    pub term: Money,
    pub period: Money,
}

/// Credit on suspension on `on` (RULES §4.3): within `full_credit_days` of the term start, everything the
/// term has been charged (the first cycle); later, the unused days of the current period (`on` included)
/// at the current quantity — never more than the period has been charged (for tiny prices the rounded
/// daily rate can exceed the real one). Returned as a negative amount.
pub fn suspension_credit(
    unit: Money,
    quantity: u32,
    term_start: NaiveDate,
    period: Period,
    charged: Charged,
    on: NaiveDate,
    full_credit_days: u32,
) -> BillLine {
    if days_used_on(term_start, on) < full_credit_days as i64 {
        return BillLine { charge_type: ChargeType::Credit, service: period, quantity, amount: charged.term.negate() };
    }
    let unused = period.unused_on(on);
    let credit = prorate_part(unit, quantity, period, unused).minor.min(charged.period.minor.max(0));
    BillLine { charge_type: ChargeType::Credit, service: unused, quantity, amount: Money::new(-credit, unit.currency) }
}

/// Re-bill on reactivation on `on` (RULES §4.3): the remaining days of the current period, `on` included.
pub fn reactivation_charge(unit: Money, quantity: u32, period: Period, on: NaiveDate) -> BillLine {
    let rest = period.unused_on(on);
    BillLine {
        charge_type: ChargeType::Proration,
        service: rest,
        quantity,
        amount: prorate_part(unit, quantity, period, rest),
    }
}

/// An add-on's first charge (RULES §4.4): from its start `on` to the end of the base's current period,
/// prorated over that period's length.
pub fn add_on_first_charge(unit: Money, quantity: u32, base_period: Period, on: NaiveDate) -> BillLine {
    BillLine { charge_type: ChargeType::Purchase, ..reactivation_charge(unit, quantity, base_period, on) }
}

/// A full period in advance at `quantity` (purchase, cycle charge, renewal).
pub fn full_period(charge_type: ChargeType, unit: Money, quantity: u32, period: Period) -> BillLine {
    BillLine { charge_type, service: period, quantity, amount: unit.times(quantity as i64) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency::{JPY, USD};

    /// `docs/day-count.md`: on day N after the start, N days are used; never negative.
    #[test]
    fn days_used_is_day_n() {
        let start = d(2026, 1, 1).and_hms_opt(10, 0, 0).unwrap().and_utc();
        let hours = |h: i64| start + chrono::Duration::hours(h);
        let cases = [(hours(-1), 0), (hours(0), 0), (hours(23), 0), (hours(24), 1), (hours(3 * 24 + 5), 3)];
        for (at, want) in cases {
            assert_eq!(days_used(start, at), want, "{at}");
        }
        assert_eq!(days_used_on(d(2018, 2, 13), d(2018, 3, 1)), 16);
        let period = Period { start: d(2018, 2, 13), end: d(2018, 3, 12) };
        assert_eq!(period.unused_on(d(2018, 3, 1)), Period { start: d(2018, 3, 1), end: d(2018, 3, 12) });
        assert_eq!(period.days_from(d(2018, 3, 1)), 12);
        assert_eq!(period.days_from(d(2018, 2, 1)), 28, "before the period: all of it unused");
        assert_eq!(period.days_from(d(2018, 4, 1)), 0, "after it: nothing");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn usd(minor: i64) -> Money {
        Money::new(minor, USD)
    }

    fn both(m: Money) -> Charged {
        Charged { term: m, period: m }
    }

    fn amounts(lines: &[BillLine]) -> Vec<i64> {
        lines.iter().map(|l| l.amount.minor).collect()
    }

    #[test]
    fn prorate_formula_rows() {
        // (case, unit, qty, days in period, prorated days, expected minor units)
        let rows: &[(&str, Money, u32, u32, u32, i64)] = &[
            ("annual 1 lic 19 days", usd(4800), 1, 365, 19, 247),
            ("annual 2 lic 346 days", usd(4800), 2, 365, 346, 8996),
            ("annual 1 lic 318 days", usd(4800), 1, 365, 318, 4134),
            ("annual 2 lic 318 days", usd(4800), 2, 365, 318, 8268),
            ("monthly 1 lic 19/31", usd(400), 1, 31, 19, 247),
            ("monthly 2 lic 12/31", usd(400), 2, 31, 12, 312),
            ("monthly 1 lic 12/28", usd(400), 1, 28, 12, 168),
            ("whole period is the price", usd(400), 3, 31, 31, 1209),
            ("zero days", usd(400), 3, 31, 0, 0),
            ("zero quantity", usd(400), 0, 31, 10, 0),
            ("zero-day period never divides", usd(400), 2, 0, 10, 0),
            ("JPY rounds to whole yen", Money::new(1000, JPY), 1, 31, 10, 320),
            ("daily rate is rounded before multiplying", usd(125), 1, 100, 100, 100),
            ("daily rate half rounds up: 1.5 → 2", usd(15), 1, 10, 1, 2),
            ("per-license share half rounds up: 25/2 → 13", usd(125), 2, 10, 1, 26),
        ];
        for (case, unit, qty, days, pro, want) in rows {
            assert_eq!(prorate(*unit, *qty, *days, *pro).minor, *want, "{case}");
        }
    }

    #[test]
    fn anniversary_periods() {
        let term = Period { start: d(2018, 1, 13), end: term_end(d(2018, 1, 13), 12) };
        assert_eq!(term.end, d(2019, 1, 12));
        assert_eq!(term.days(), 365);
        let leap = Period { start: d(2019, 3, 1), end: term_end(d(2019, 3, 1), 12) };
        assert_eq!(leap.days(), 366, "a term spanning Feb 29 2020 has 366 days");
        let m = BillingFrequency::Monthly;
        type Row = (&'static str, Period, NaiveDate, Option<(NaiveDate, NaiveDate, u32)>);
        let rows: &[Row] = &[
            ("first cycle", term, d(2018, 2, 1), Some((d(2018, 1, 13), d(2018, 2, 12), 31))),
            ("cycle start day", term, d(2018, 2, 13), Some((d(2018, 2, 13), d(2018, 3, 12), 28))),
            ("day before anniversary", term, d(2018, 3, 12), Some((d(2018, 2, 13), d(2018, 3, 12), 28))),
            ("last cycle", term, d(2019, 1, 12), Some((d(2018, 12, 13), d(2019, 1, 12), 31))),
            ("outside the term", term, d(2019, 1, 13), None),
        ];
        for (case, term, date, want) in rows {
            let got = period_containing(m, *term, *date).map(|p| (p.start, p.end, p.days()));
            assert_eq!(got, *want, "{case}");
        }
        let jan31 = Period { start: d(2021, 1, 31), end: term_end(d(2021, 1, 31), 12) };
        let cycles: Vec<(NaiveDate, u32)> = [d(2021, 2, 27), d(2021, 2, 28), d(2021, 3, 30), d(2021, 3, 31)]
            .iter()
            .filter_map(|x| period_containing(m, jan31, *x))
            .map(|p| (p.start, p.days()))
            .collect();
        assert_eq!(
            cycles,
            vec![(d(2021, 1, 31), 28), (d(2021, 2, 28), 31), (d(2021, 2, 28), 31), (d(2021, 3, 31), 30)],
            "month-end starts clamp and come back"
        );
        assert_eq!(
            period_containing(BillingFrequency::Annual, term, d(2018, 6, 1)),
            Some(term),
            "annual period is the term"
        );
        assert_eq!(period_containing(BillingFrequency::None, term, d(2018, 6, 1)), None);
    }

    /// Microsoft's annual example: $48/license/year, bought Jan 13 2018 with one license.
    #[test]
    fn worked_example_annual() {
        let unit = usd(4800);
        let term = Period { start: d(2018, 1, 13), end: d(2019, 1, 12) };
        let segs = [QuantitySegment { from: term.start, quantity: 1 }];
        let add = requantity(unit, term, &segs, usd(4800), d(2018, 2, 1), 2);
        assert_eq!(amounts(&add), vec![-4800, 247, 8996], "add a license on Feb 1");
        assert_eq!(add[1].service, Period { start: d(2018, 1, 13), end: d(2018, 1, 31) });
        assert_eq!(add[2].service, Period { start: d(2018, 2, 1), end: d(2019, 1, 12) });
        let suspend = suspension_credit(unit, 1, term.start, term, both(usd(4800)), d(2018, 3, 1), 30);
        assert_eq!(suspend.amount.minor, -4134, "suspend on Mar 1");
    }

    /// Microsoft's monthly example: $4/license/month, cycle Jan 13–Feb 12.
    #[test]
    fn worked_example_monthly() {
        let unit = usd(400);
        let term = Period { start: d(2018, 1, 13), end: d(2019, 1, 12) };
        let m = BillingFrequency::Monthly;
        let cycle = period_containing(m, term, d(2018, 2, 1)).unwrap();
        let segs = [QuantitySegment { from: term.start, quantity: 1 }];
        let add = requantity(unit, cycle, &segs, usd(400), d(2018, 2, 1), 2);
        assert_eq!(amounts(&add), vec![-400, 247, 312], "add a license on Feb 1");
        let next = period_containing(m, term, d(2018, 2, 13)).unwrap();
        assert_eq!(full_period(ChargeType::CycleCharge, unit, 2, next).amount.minor, 800, "next cycle, 2 licenses");
        let early = suspension_credit(unit, 1, term.start, cycle, both(usd(400)), d(2018, 2, 1), 30);
        assert_eq!(early.amount.minor, -400, "suspend on Feb 1: first 30 days, full credit");
        let mar = period_containing(m, term, d(2018, 3, 1)).unwrap();
        let late = suspension_credit(
            unit,
            1,
            term.start,
            mar,
            Charged { term: usd(800), period: usd(400) },
            d(2018, 3, 1),
            30,
        );
        assert_eq!(late.amount.minor, -168, "suspend on Mar 1: 12 unused days of 28");
    }

    #[test]
    fn full_credit_window_edges() {
        let unit = usd(400);
        let term = Period { start: d(2018, 1, 13), end: d(2019, 1, 12) };
        let first = monthly_cycle(term.start, 0);
        let second = monthly_cycle(term.start, 1);
        // (case, suspension date, period it falls in, charged in term, expected)
        let rows: &[(&str, NaiveDate, Period, i64, i64)] = &[
            ("day 0", d(2018, 1, 13), first, 400, -400),
            ("day 29 (last full-credit day)", d(2018, 2, 11), first, 400, -400),
            ("day 30: prorated, 1 day left of 31", d(2018, 2, 12), first, 400, -13),
            ("day 31: new cycle, 28 of 28 unused", d(2018, 2, 13), second, 800, -400),
        ];
        for (case, on, period, charged, want) in rows {
            let got = suspension_credit(
                unit,
                1,
                term.start,
                *period,
                Charged { term: usd(*charged), period: usd(400) },
                *on,
                30,
            );
            assert_eq!(got.amount.minor, *want, "{case}");
        }
    }

    #[test]
    fn requantity_with_suspended_run_and_decrease() {
        let unit = usd(400);
        let cycle = Period { start: d(2018, 1, 13), end: d(2018, 2, 12) };
        let segs = [
            QuantitySegment { from: d(2018, 1, 13), quantity: 3 },
            QuantitySegment { from: d(2018, 1, 20), quantity: 0 },
            QuantitySegment { from: d(2018, 1, 25), quantity: 3 },
        ];
        let lines = requantity(unit, cycle, &segs, usd(1000), d(2018, 2, 1), 1);
        let runs: Vec<(NaiveDate, NaiveDate, u32)> =
            lines.iter().skip(1).map(|l| (l.service.start, l.service.end, l.quantity)).collect();
        assert_eq!(
            runs,
            vec![
                (d(2018, 1, 13), d(2018, 1, 19), 3),
                (d(2018, 1, 25), d(2018, 1, 31), 3),
                (d(2018, 2, 1), d(2018, 2, 12), 1)
            ],
            "suspended days are not charged"
        );
        assert_eq!(lines[0].amount.minor, -1000);
    }

    #[test]
    fn suspension_credit_never_exceeds_the_period_charge() {
        // $0.16/month: the rounded daily rate (0.01) makes 30 of 31 days cost 0.30 > 0.16.
        let cycle = Period { start: d(2018, 2, 13), end: d(2018, 3, 15) };
        let rows: &[(&str, i64, i64)] =
            &[("capped at the charge", 16, -16), ("nothing charged, nothing credited", 0, 0)];
        for (case, charged, want) in rows {
            let c = Charged { term: usd(*charged), period: usd(*charged) };
            let line = suspension_credit(usd(16), 1, d(2018, 1, 13), cycle, c, d(2018, 2, 14), 30);
            assert_eq!(line.amount.minor, *want, "{case}");
        }
    }

    #[test]
    fn add_on_first_charge_runs_to_the_base_period_end() {
        let base_cycle = Period { start: d(2018, 1, 13), end: d(2018, 2, 12) };
        let line = add_on_first_charge(usd(400), 2, base_cycle, d(2018, 2, 1));
        assert_eq!(line.service, Period { start: d(2018, 2, 1), end: d(2018, 2, 12) });
        assert_eq!(line.amount.minor, 312);
        assert_eq!(line.charge_type, ChargeType::Purchase);
    }
}
