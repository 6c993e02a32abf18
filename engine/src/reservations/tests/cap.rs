//! The rolling refund cap (RULES §6.3): accumulation, release exactly 365 days after each refund,
//! refusal with what is left and when more frees up, and currency conversion.

use super::super::fixtures::*;
use super::super::{cap_releases, cap_status, refund_quote, Release};
use crate::money::{Currency, Money};
use crate::records::{ReservationBilling, ReservationStatus, Term};
use crate::{execute, State, Violation};
use chrono::{DateTime, NaiveDate, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// 20 000.00 USD up-front reservations, each refunded 2 days after purchase (100 %).
fn twenty_k(seq: u64, bought: DateTime<Utc>) -> crate::records::Reservation {
    reservation(seq, bought, Term::OneYear, ReservationBilling::Upfront, usd(2_000_000))
}

fn cap_state() -> State {
    state_with(vec![
        twenty_k(1, at(2026, 1, 1)),
        twenty_k(2, at(2026, 2, 27)),
        twenty_k(3, at(2026, 5, 30)),
        twenty_k(4, at(2026, 12, 31)),
        twenty_k(5, at(2027, 2, 27)),
    ])
}

/// The refusal of a 20 000 refund with 10 000 of the 50 000 cap left, which frees up (and fits) on `on`.
fn over_cap(on: NaiveDate) -> Option<Violation> {
    Some(Violation::RefundCapExceeded {
        requested_usd_minor: 2_000_000,
        left_usd_minor: 1_000_000,
        cap_usd_minor: 5_000_000,
        frees_up_on: Some(on),
        frees_usd_minor: 2_000_000,
        fits_on: Some(on),
    })
}

#[test]
fn cap_accumulates_refuses_and_frees_up_exactly_365_days_after_each_refund() {
    let mut state = cap_state();
    let admin = admin();
    // (case, reservation, when, accepted, violation if refused)
    let steps: Vec<(&str, u64, DateTime<Utc>, Option<Violation>)> = vec![
        ("first refund", 1, at(2026, 1, 3), None),
        ("second refund", 2, at(2026, 3, 1), None),
        ("third would reach 60 000", 3, at(2026, 6, 1), over_cap(d(2027, 1, 3))),
        ("one day before the first frees up", 4, at(2027, 1, 2), over_cap(d(2027, 1, 3))),
        ("the day the first frees up", 4, at(2027, 1, 3), None),
        ("the second still counts", 5, at(2027, 2, 28), over_cap(d(2027, 3, 1))),
        ("365 days after the second", 5, at(2027, 3, 1), None),
    ];
    for (case, seq, when, refused) in steps {
        let before = state.clone();
        let result = execute(&mut state, &admin, refund(&[seq]), when);
        match refused {
            None => {
                assert!(result.is_ok(), "{case}: {result:?}");
                assert_eq!(state.reservations[&id(seq)].status, ReservationStatus::Cancelled, "{case}");
            }
            Some(v) => {
                let err = result.unwrap_err();
                assert_eq!(err.violations, vec![v.clone()], "{case}");
                assert_eq!(v.changes_on(), v_frees(&v), "{case}: changes_on is when more frees up");
                assert_eq!(state, before, "{case}: a refusal changes nothing");
            }
        }
    }
    // The cap over time after refunds on 2026-03-01, 2027-01-03 and 2027-03-01 (20 000 each).
    let cases = [
        (at(2027, 3, 1), 4_000_000, Some(d(2028, 1, 3))),
        (at(2028, 1, 2), 4_000_000, Some(d(2028, 1, 3))),
        (at(2028, 1, 3), 2_000_000, Some(d(2028, 2, 29))),
        (at(2028, 2, 28), 2_000_000, Some(d(2028, 2, 29))),
        (at(2028, 2, 29), 0, None),
    ];
    for (when, used, next) in cases {
        let st = cap_status(&state, &customer(), when);
        assert_eq!(
            (st.used_usd_minor, st.left_usd_minor, st.more_available_on),
            (used, 5_000_000 - used, next),
            "{when}"
        );
    }
    assert_eq!(state.reservation_refunds[&customer()].len(), 4);
}

fn v_frees(v: &Violation) -> Option<NaiveDate> {
    match v {
        Violation::RefundCapExceeded { frees_up_on, .. } => *frees_up_on,
        _ => None,
    }
}

#[test]
fn quote_shows_the_cap_and_whether_it_would_be_refused() {
    let mut state = cap_state();
    execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 3)).unwrap();
    execute(&mut state, &admin(), refund(&[2]), at(2026, 3, 1)).unwrap();
    let q = refund_quote(&state, &id(3), at(2026, 6, 1)).unwrap();
    assert_eq!((q.cap.used_usd_minor, q.cap.left_usd_minor), (4_000_000, 1_000_000));
    assert_eq!(q.cap.more_available_on, Some(d(2027, 1, 3)));
    assert!(matches!(q.cap_violation, Some(Violation::RefundCapExceeded { left_usd_minor: 1_000_000, .. })));
}

#[test]
fn a_refund_larger_than_the_whole_cap_never_fits() {
    let big = reservation(1, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(6_000_000));
    let mut state = state_with(vec![big]);
    let before = state.clone();
    let err = execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 2)).unwrap_err();
    assert_eq!(
        err.violations,
        vec![Violation::RefundCapExceeded {
            requested_usd_minor: 6_000_000,
            left_usd_minor: 5_000_000,
            cap_usd_minor: 5_000_000,
            frees_up_on: None,
            frees_usd_minor: 0,
            fits_on: None,
        }]
    );
    assert_eq!(state, before);
}

#[test]
fn cancelled_future_payments_count_toward_the_cap() {
    // Monthly 1-year 48 000.00 USD: day 2 refunds the first payment (4 000.00) but 44 000.00 is cancelled,
    // so 48 000.00 counts; a second 3 000.00 refund then exceeds the cap.
    let monthly = reservation(1, at(2026, 1, 1), Term::OneYear, ReservationBilling::Monthly, usd(4_800_000));
    let small = reservation(2, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(300_000));
    let mut state = state_with(vec![monthly, small]);
    execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 3)).unwrap();
    let rec = &state.reservation_refunds[&customer()][0];
    assert_eq!((rec.credit.minor, rec.cancelled_future.minor, rec.usd_minor), (400_000, 4_400_000, 4_800_000));
    let err = execute(&mut state, &admin(), refund(&[2]), at(2026, 1, 3)).unwrap_err();
    assert!(err.has(|v| matches!(v, Violation::RefundCapExceeded { left_usd_minor: 200_000, .. })));
}

#[test]
fn other_currencies_convert_with_the_policy_rates() {
    // (case, total, USD minor counted for a 100 % refund)
    let cases = [
        ("EUR 10 000.00", Money::new(1_000_000, Currency::EUR), 1_080_000),
        ("JPY 1 000 000", Money::new(1_000_000, Currency::JPY), 670_000),
        ("GBP 100.01", Money::new(10_001, Currency::GBP), 12_701),
        ("EUR 46 296.30 fits exactly", Money::new(4_629_630, Currency::EUR), 5_000_000),
    ];
    for (case, total, want_usd) in cases {
        let r = reservation(1, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, total);
        let mut state = state_with(vec![r]);
        let q = refund_quote(&state, &id(1), at(2026, 1, 2)).unwrap();
        assert_eq!(q.credit, total, "{case}: credit stays in the reservation's currency");
        assert_eq!(q.counts_usd_minor, Some(want_usd), "{case}");
        execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 2)).unwrap();
        assert_eq!(state.reservation_refunds[&customer()][0].usd_minor, want_usd, "{case}: stored in USD");
    }
    // One more EUR cent than the cap allows is refused.
    let over = reservation(
        1,
        at(2026, 1, 1),
        Term::OneYear,
        ReservationBilling::Upfront,
        Money::new(4_629_631, Currency::EUR),
    );
    let mut state = state_with(vec![over]);
    let err = execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 2)).unwrap_err();
    assert!(err.has(|v| matches!(v, Violation::RefundCapExceeded { requested_usd_minor: 5_000_001, .. })));
}

#[test]
fn a_currency_without_a_rate_is_refused() {
    let r =
        reservation(1, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, Money::new(1_000, Currency::CHF));
    let mut state = state_with(vec![r]);
    state.policy.usd_micros_per_unit.retain(|(c, _)| *c != Currency::CHF);
    let before = state.clone();
    let err = execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 2)).unwrap_err();
    assert_eq!(err.violations, vec![Violation::NoExchangeRate { currency: Currency::CHF }]);
    assert_eq!(state, before);
}

#[test]
fn caps_are_per_customer() {
    let mut mine = twenty_k(1, at(2026, 1, 1));
    mine.total = usd(4_000_000);
    let mut theirs = twenty_k(2, at(2026, 1, 1));
    theirs.customer = other_customer();
    theirs.total = usd(4_000_000);
    let mut state = state_with(vec![mine, theirs]);
    execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 2)).unwrap();
    execute(&mut state, &admin(), refund(&[2]), at(2026, 1, 2)).unwrap();
    let cases = [(customer(), 4_000_000), (other_customer(), 4_000_000)];
    for (c, used) in cases {
        assert_eq!(cap_status(&state, &c, at(2026, 1, 2)).used_usd_minor, used, "{c}");
    }
}

/// Refunds of USD 12 000 and EUR 10 000 (USD 10 800 at the policy rate) on 2026-01-03, USD 5 000 on
/// 2026-03-02 and USD 20 000 on 2026-06-02: USD 47 800 counted, USD 2 200 left.
fn releases_state() -> State {
    let eur = Money::new(1_000_000, Currency::EUR);
    let mut state = state_with(vec![
        reservation(1, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(1_200_000)),
        reservation(2, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, eur),
        reservation(3, at(2026, 3, 1), Term::OneYear, ReservationBilling::Upfront, usd(500_000)),
        reservation(4, at(2026, 6, 1), Term::OneYear, ReservationBilling::Upfront, usd(2_000_000)),
        reservation(5, at(2026, 6, 5), Term::OneYear, ReservationBilling::Upfront, usd(1_000_000)),
        reservation(6, at(2026, 6, 5), Term::OneYear, ReservationBilling::Upfront, usd(2_800_000)),
    ]);
    for (seq, when) in [(1, at(2026, 1, 3)), (2, at(2026, 1, 3)), (3, at(2026, 3, 2)), (4, at(2026, 6, 2))] {
        execute(&mut state, &admin(), refund(&[seq]), when).unwrap();
    }
    state
}

#[test]
fn releases_list_what_ages_out_of_the_window_on_each_date() {
    let state = releases_state();
    let rel = |y, m, dd, usd_minor| Release { on: d(y, m, dd), usd_minor };
    // (today, the releases still to come, soonest first; refunds of one day free together)
    let cases = [
        (at(2026, 6, 2), vec![rel(2027, 1, 3, 2_280_000), rel(2027, 3, 2, 500_000), rel(2027, 6, 2, 2_000_000)]),
        (at(2027, 1, 2), vec![rel(2027, 1, 3, 2_280_000), rel(2027, 3, 2, 500_000), rel(2027, 6, 2, 2_000_000)]),
        (at(2027, 1, 3), vec![rel(2027, 3, 2, 500_000), rel(2027, 6, 2, 2_000_000)]),
        (at(2027, 3, 2), vec![rel(2027, 6, 2, 2_000_000)]),
        (at(2027, 6, 2), vec![]),
    ];
    for (when, want) in cases {
        assert_eq!(cap_releases(&state, &customer(), when), want, "{when}");
        let st = cap_status(&state, &customer(), when);
        let first = want.first();
        assert_eq!(st.more_available_on, first.map(|r| r.on), "{when}");
        assert_eq!(st.frees_usd_minor, first.map_or(0, |r| r.usd_minor), "{when}");
        assert_eq!(st.used_usd_minor, want.iter().map(|r| r.usd_minor).sum::<i64>(), "{when}");
    }
}

#[test]
fn a_refusal_says_what_frees_next_and_when_the_whole_refund_fits() {
    // (case, reservation, USD requested, fits on): the next release frees USD 22 800 on 2027-01-03.
    let cases = [
        ("fits when the next release frees", 5, 1_000_000, Some(d(2027, 1, 3))),
        ("needs a second release", 6, 2_800_000, Some(d(2027, 3, 2))),
    ];
    for (case, seq, requested, fits_on) in cases {
        let mut state = releases_state();
        let err = execute(&mut state, &admin(), refund(&[seq]), at(2026, 6, 6)).unwrap_err();
        let want = Violation::RefundCapExceeded {
            requested_usd_minor: requested,
            left_usd_minor: 220_000,
            cap_usd_minor: 5_000_000,
            frees_up_on: Some(d(2027, 1, 3)),
            frees_usd_minor: 2_280_000,
            fits_on,
        };
        assert_eq!(err.violations, vec![want.clone()], "{case}");
        assert_eq!(want.changes_on(), Some(d(2027, 1, 3)), "{case}");
    }
}
