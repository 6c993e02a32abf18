//! Property tests of RULES §6.3: in any rolling window a customer's refunds never exceed the cap, and no
//! refund exceeds what was paid.

use super::super::fixtures::*;
use super::super::refund_quote;
use crate::money::{Currency, Money};
use crate::records::{ReservationBilling, Term};
use crate::{execute, Violation};
use chrono::Duration;
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Buy {
    bought_day: i64,
    cancel_after_hours: i64,
    total: i64,
    currency: Currency,
    monthly: bool,
    three_years: bool,
    used: bool,
}

fn buy() -> impl Strategy<Value = Buy> {
    (
        0i64..900,
        // Half around the fee boundary (day 0..7), half anywhere in the first 400 days.
        prop_oneof![0i64..(7 * 24), 0i64..(400 * 24)],
        1i64..3_000_000,
        prop::sample::select(vec![Currency::USD, Currency::EUR, Currency::JPY, Currency::GBP]),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(bought_day, cancel_after_hours, total, currency, monthly, three_years, used)| Buy {
            bought_day,
            cancel_after_hours,
            total,
            currency,
            monthly,
            three_years,
            used,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn refunds_stay_within_the_cap_and_what_was_paid(buys in prop::collection::vec(buy(), 1..12)) {
        let base = at(2026, 1, 1);
        let reservations: Vec<_> = buys.iter().enumerate().map(|(i, b)| {
            let term = if b.three_years { Term::ThreeYears } else { Term::OneYear };
            let billing = if b.monthly { ReservationBilling::Monthly } else { ReservationBilling::Upfront };
            let bought = base + Duration::days(b.bought_day);
            let mut r = reservation(i as u64 + 1, bought, term, billing, Money::new(b.total, b.currency));
            if b.used {
                r.utilisation.insert(bought.date_naive(), 50);
            }
            r
        }).collect();
        let mut state = state_with(reservations);
        // Cancel in time order.
        let mut order: Vec<(chrono::DateTime<chrono::Utc>, u64)> = buys.iter().enumerate()
            .map(|(i, b)| (base + Duration::days(b.bought_day) + Duration::hours(b.cancel_after_hours), i as u64 + 1))
            .collect();
        order.sort();
        for (when, seq) in order {
            let q = refund_quote(&state, &id(seq), when).unwrap();
            prop_assert!(q.credit.minor >= 0 && q.credit.minor <= q.paid.minor, "credit {} paid {}", q.credit, q.paid);
            prop_assert!(q.fee.minor >= 0 && q.credit.minor + q.fee.minor <= q.paid.minor);
            let total = state.reservations[&id(seq)].total.minor;
            prop_assert_eq!(q.paid.minor + q.cancelled_future.minor, total, "paid + cancelled = total");
            match execute(&mut state, &admin(), refund(&[seq]), when) {
                Ok(_) => prop_assert_eq!(q.cap_violation, None),
                Err(e) => {
                    let only_cap = e.violations.iter().all(|v| matches!(v, Violation::RefundCapExceeded { .. }));
                    prop_assert!(only_cap, "refused for another reason: {:?}", e);
                    prop_assert!(q.cap_violation.is_some());
                }
            }
        }
        let records = state.reservation_refunds.get(&customer()).cloned().unwrap_or_default();
        for start in &records {
            let from = start.at.date_naive();
            let to = from + Duration::days(i64::from(state.policy.refund_window_days));
            let in_window: i64 = records.iter()
                .filter(|r| r.at.date_naive() >= from && r.at.date_naive() < to)
                .map(|r| r.usd_minor)
                .sum();
            prop_assert!(in_window <= state.policy.refund_cap_usd_minor, "window from {} holds {}", from, in_window);
        }
    }
}
