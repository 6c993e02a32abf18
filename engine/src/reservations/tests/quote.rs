//! The cancellation table of RULES §6.3 at its edges, for both billings and both terms.

use super::super::fixtures::*;
use super::super::quote::{fee_starts_on_day, monthly_payment, payments_made};
use super::super::{quote_on_day, refund_quote, RefundRule};
use crate::money::{Currency, Money};
use crate::records::{ReservationBilling, Term};
use chrono::{Duration, NaiveDate};

struct Row {
    case: &'static str,
    billing: ReservationBilling,
    term: Term,
    total: i64,
    /// Whole days after the purchase timestamp, plus extra minutes (negative: just before the day).
    day: i64,
    minutes: i64,
    /// Days (after purchase date) with utilisation recorded, and the percentage.
    usage: &'static [(i64, u8)],
    rule: RefundRule,
    paid: i64,
    prorated: i64,
    fee: i64,
    cancelled_future: i64,
    credit: i64,
}

const UP: ReservationBilling = ReservationBilling::Upfront;
const MO: ReservationBilling = ReservationBilling::Monthly;
const Y1: Term = Term::OneYear;
const Y3: Term = Term::ThreeYears;

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Up front, 1 year, 3 650.00 USD (10.00 a day), bought 2026-01-01 10:00; term ends 2026-12-31. On day N, N days
    // are used (`billing::days_used`): the cancellation day is refunded.
    Row { case: "up front day 0 no usage", billing: UP, term: Y1, total: 365_000, day: 0, minutes: 0, usage: &[],
          rule: RefundRule::Full100, paid: 365_000, prorated: 365_000, fee: 0, cancelled_future: 0, credit: 365_000 },
    Row { case: "up front day 5 no usage", billing: UP, term: Y1, total: 365_000, day: 5, minutes: 0, usage: &[],
          rule: RefundRule::Full100, paid: 365_000, prorated: 360_000, fee: 0, cancelled_future: 0, credit: 365_000 },
    Row { case: "up front one minute before day 6", billing: UP, term: Y1, total: 365_000, day: 6, minutes: -1,
          usage: &[], rule: RefundRule::Full100, paid: 365_000, prorated: 360_000, fee: 0, cancelled_future: 0,
          credit: 365_000 },
    Row { case: "up front day 6 no usage", billing: UP, term: Y1, total: 365_000, day: 6, minutes: 0, usage: &[],
          rule: RefundRule::ProratedMinusFee, paid: 365_000, prorated: 359_000, fee: 43_080, cancelled_future: 0,
          credit: 315_920 },
    Row { case: "up front day 5 with usage", billing: UP, term: Y1, total: 365_000, day: 5, minutes: 0,
          usage: &[(1, 40)], rule: RefundRule::Prorated, paid: 365_000, prorated: 360_000, fee: 0,
          cancelled_future: 0, credit: 360_000 },
    Row { case: "up front day 6 with usage", billing: UP, term: Y1, total: 365_000, day: 6, minutes: 0,
          usage: &[(1, 40)], rule: RefundRule::ProratedMinusFee, paid: 365_000, prorated: 359_000, fee: 43_080,
          cancelled_future: 0, credit: 315_920 },
    Row { case: "0 % utilisation is no usage", billing: UP, term: Y1, total: 365_000, day: 5, minutes: 0,
          usage: &[(1, 0), (2, 0)], rule: RefundRule::Full100, paid: 365_000, prorated: 360_000, fee: 0,
          cancelled_future: 0, credit: 365_000 },
    Row { case: "usage after the quoted day does not count", billing: UP, term: Y1, total: 365_000, day: 3,
          minutes: 0, usage: &[(4, 90)], rule: RefundRule::Full100, paid: 365_000, prorated: 362_000, fee: 0,
          cancelled_future: 0, credit: 365_000 },
    Row { case: "usage on the quoted day counts", billing: UP, term: Y1, total: 365_000, day: 3, minutes: 0,
          usage: &[(3, 1)], rule: RefundRule::Prorated, paid: 365_000, prorated: 362_000, fee: 0,
          cancelled_future: 0, credit: 362_000 },
    Row { case: "up front last day of term", billing: UP, term: Y1, total: 365_000, day: 364, minutes: 0,
          usage: &[(1, 50)], rule: RefundRule::ProratedMinusFee, paid: 365_000, prorated: 1_000, fee: 120,
          cancelled_future: 0, credit: 880 },
    // Up front, 3 years, 10 950.00 USD; term 2026-01-01..2028-12-31 = 1 096 days.
    Row { case: "3-year up front day 100", billing: UP, term: Y3, total: 1_095_000, day: 100, minutes: 0,
          usage: &[(10, 70)], rule: RefundRule::ProratedMinusFee, paid: 1_095_000, prorated: 995_091,
          fee: 119_411, cancelled_future: 0, credit: 875_680 },
    Row { case: "3-year up front day 2 no usage", billing: UP, term: Y3, total: 1_095_000, day: 2, minutes: 0,
          usage: &[], rule: RefundRule::Full100, paid: 1_095_000, prorated: 1_093_002, fee: 0, cancelled_future: 0,
          credit: 1_095_000 },
    // Monthly, 1 year, 1 000.00 USD: payments 83.34 ×4 then 83.33 ×8.
    Row { case: "monthly day 3 no usage", billing: MO, term: Y1, total: 100_000, day: 3, minutes: 0, usage: &[],
          rule: RefundRule::Full100, paid: 8_334, prorated: 7_527, fee: 0, cancelled_future: 91_666, credit: 8_334 },
    Row { case: "monthly day 5 with usage", billing: MO, term: Y1, total: 100_000, day: 5, minutes: 0,
          usage: &[(0, 100)], rule: RefundRule::Prorated, paid: 8_334, prorated: 6_990, fee: 0,
          cancelled_future: 91_666, credit: 6_990 },
    Row { case: "monthly day 40 with usage", billing: MO, term: Y1, total: 100_000, day: 40, minutes: 0,
          usage: &[(0, 100)], rule: RefundRule::ProratedMinusFee, paid: 16_668, prorated: 5_655, fee: 679,
          cancelled_future: 83_332, credit: 4_976 },
    // Monthly, 3 years, 36 000.00 USD: 36 payments of 1 000.00.
    Row { case: "3-year monthly day 6 no usage", billing: MO, term: Y3, total: 3_600_000, day: 6, minutes: 0,
          usage: &[], rule: RefundRule::ProratedMinusFee, paid: 100_000, prorated: 80_645, fee: 9_677,
          cancelled_future: 3_500_000, credit: 70_968 },
];

#[test]
fn cancellation_table() {
    for row in ROWS {
        let bought = at(2026, 1, 1);
        let mut r = reservation(1, bought, row.term, row.billing, usd(row.total));
        for (d, p) in row.usage {
            r.utilisation.insert(bought.date_naive() + Duration::days(*d), *p);
        }
        let state = state_with(vec![r]);
        let when = bought + Duration::days(row.day) + Duration::minutes(row.minutes);
        let q = refund_quote(&state, &id(1), when).unwrap();
        let got = (q.rule, q.paid.minor, q.prorated.minor, q.fee.minor, q.cancelled_future.minor, q.credit.minor);
        let want = (row.rule, row.paid, row.prorated, row.fee, row.cancelled_future, row.credit);
        assert_eq!(got, want, "{}", row.case);
        assert_eq!(q.had_usage, row.usage.iter().any(|(d, p)| *p > 0 && *d <= row.day), "{} usage", row.case);
        assert!(q.credit.minor <= q.paid.minor, "{}: never more than paid", row.case);
        assert_eq!(q.counts_usd_minor, Some(row.credit + row.cancelled_future), "{} counted", row.case);
        assert_eq!(q.cap_violation, None, "{}", row.case);
    }
}

#[test]
fn days_since_purchase_are_whole_days_from_the_timestamp() {
    let state = state_with(vec![upfront(365_000)]);
    let bought = at(2026, 1, 1);
    let cases = [
        (Duration::zero(), 0),
        (Duration::hours(23), 0),
        (Duration::days(5) + Duration::hours(23), 5),
        (Duration::days(6) - Duration::seconds(1), 5),
        (Duration::days(6), 6),
    ];
    for (offset, want) in cases {
        let q = refund_quote(&state, &id(1), bought + offset).unwrap();
        assert_eq!(q.days_since_purchase, want, "{offset}");
    }
}

#[test]
fn quote_on_day_shows_where_the_fee_starts() {
    let state = state_with(vec![upfront(365_000)]);
    let fee_day = fee_starts_on_day(&state.policy);
    assert_eq!(fee_day, 6);
    let cases = [(fee_day - 1, RefundRule::Full100, 0), (fee_day, RefundRule::ProratedMinusFee, 43_080)];
    for (day, rule, fee) in cases {
        let q = quote_on_day(&state, &id(1), day).unwrap();
        assert_eq!((q.rule, q.fee.minor, q.days_since_purchase), (rule, fee, i64::from(day)), "day {day}");
    }
}

#[test]
fn the_fee_and_window_come_from_the_policy() {
    let mut state = state_with(vec![upfront(365_000)]);
    state.policy.reservation_full_refund_days = 10;
    state.policy.early_termination_fee_bp = 1000;
    let cases = [(10, RefundRule::Full100, 0), (11, RefundRule::ProratedMinusFee, 35_400)];
    for (day, rule, fee) in cases {
        let q = quote_on_day(&state, &id(1), day).unwrap();
        assert_eq!((q.rule, q.fee.minor), (rule, fee), "day {day}");
    }
}

#[test]
fn monthly_payments_sum_exactly_to_the_total() {
    let cases: &[(i64, u32, &[i64])] = &[
        (100_000, 12, &[8_334, 8_334, 8_334, 8_334, 8_333]),
        (3_600_000, 36, &[100_000, 100_000]),
        (11, 12, &[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]),
        (0, 12, &[0]),
    ];
    for (total, months, prefix) in cases {
        let total = Money::new(*total, Currency::EUR);
        let all: Vec<i64> = (0..*months).map(|k| monthly_payment(total, *months, k).minor).collect();
        assert_eq!(all.iter().sum::<i64>(), total.minor, "{total} over {months}");
        assert_eq!(&all[..prefix.len()], *prefix, "{total} over {months}");
    }
}

#[test]
fn monthly_payments_fall_on_anniversaries() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let cases = [
        (d(2026, 1, 1), d(2026, 1, 1), 1),
        (d(2026, 1, 1), d(2026, 1, 31), 1),
        (d(2026, 1, 1), d(2026, 2, 1), 2),
        (d(2026, 1, 31), d(2026, 2, 27), 1),
        (d(2026, 1, 31), d(2026, 2, 28), 2),
        (d(2026, 1, 1), d(2027, 6, 1), 12),
    ];
    for (start, today, want) in cases {
        assert_eq!(payments_made(start, 12, today), want, "{start} → {today}");
    }
}

#[test]
fn only_active_reservations_are_quoted() {
    let mut r = upfront(365_000);
    r.status = crate::records::ReservationStatus::Cancelled;
    let state = state_with(vec![r]);
    let cases = [
        (
            id(1),
            crate::Violation::ReservationNotActive {
                reservation: id(1),
                status: crate::records::ReservationStatus::Cancelled,
            },
        ),
        (id(9), crate::Violation::NoSuchReservation { reservation: id(9) }),
    ];
    for (rid, want) in cases {
        assert_eq!(refund_quote(&state, &rid, at(2026, 1, 2)).unwrap_err().violations, vec![want], "{rid}");
    }
}

/// Issue 16: "days used" is the engine's one convention (`billing::days_used`, `docs/day-count.md`): on
/// day N after purchase N days are used and the day of the cancellation is refunded, as a software
/// subscription's credit counts it (335/365 on day 30). Day 3 of a 365-day reservation: 362 unused.
#[test]
fn a_refund_on_day_n_counts_n_days_used() {
    let state = state_with(vec![upfront(365_000)]);
    let bought = at(2026, 1, 1);
    let cases = [
        (Duration::zero(), 365),
        (Duration::days(3), 362),
        (Duration::days(3) + Duration::hours(23), 362),
        (Duration::days(6) - Duration::minutes(1), 360),
        (Duration::days(364), 1),
    ];
    for (offset, unused) in cases {
        let q = refund_quote(&state, &id(1), bought + offset).unwrap();
        assert_eq!((q.unused_days, q.days_paid_for), (unused, 365), "{offset}");
        assert_eq!(q.days_paid_for - q.unused_days, q.days_since_purchase, "{offset}: used = day N");
    }
}
