//! Exchanges (RULES §6.4): the value returned, the shortfall, VM ↔ VM only, the new term, no cap.

use super::super::fixtures::*;
use super::super::{exchange_quote, ReturnedValue};
use crate::ids::{ReservationId, ReservationOrderId};
use crate::money::{Currency, Money};
use crate::records::{
    ReservationBilling, ReservationChangeKind, ReservationKind, ReservationOptimize, ReservationScope,
    ReservationStatus, Term,
};
use crate::rejection::{Field, Problem};
use crate::{execute, Event, State, Violation};
use chrono::NaiveDate;

/// RSV-0001: up front 3 650.00 USD; RSV-0002: monthly 1 000.00 USD; both 1 year from 2026-01-01.
/// On 2026-07-01 RSV-0001 returns 183 unused days = 1 830.00; RSV-0002 has paid 7 months (583.35), the
/// July payment 83.33 has 30 unused days of 31 = 80.64, and 416.65 is cancelled: value 497.29.
fn two() -> State {
    state_with(vec![
        upfront(365_000),
        reservation(2, at(2026, 1, 1), Term::OneYear, ReservationBilling::Monthly, usd(100_000)),
    ])
}

#[test]
fn value_returned_is_prorated_without_fee() {
    let state = two();
    let q = exchange_quote(&state, &[id(1), id(2)], usd(300_000), at(2026, 7, 1)).unwrap();
    let rv = |seq: u64, credit, future, value| ReturnedValue {
        reservation: id(seq),
        reservation_order: ReservationOrderId(format!("RSO-{seq:04}")),
        credit: usd(credit),
        cancelled_future: usd(future),
        value: usd(value),
    };
    assert_eq!(q.returned, vec![rv(1, 184_000, 0, 184_000), rv(2, 8_333, 41_665, 49_998)]);
    assert_eq!(q.returned_total, usd(233_998));
    assert_eq!(q.short_by, None);
}

#[test]
fn new_commitment_must_cover_the_value_returned() {
    // (case, returned, new total, shortfall)
    let cases: &[(&str, &[u64], i64, Option<i64>)] = &[
        ("one below", &[1], 183_999, Some(1)),
        ("equal", &[1], 184_000, None),
        ("larger", &[1], 500_000, None),
        ("two returned, one below", &[1, 2], 233_997, Some(1)),
        ("two returned, equal", &[1, 2], 233_998, None),
        ("much smaller", &[1, 2], 100_000, Some(133_998)),
    ];
    for (case, ids, total, short) in cases {
        let mut state = two();
        let before = state.clone();
        let q = exchange_quote(&state, &ids.iter().map(|s| id(*s)).collect::<Vec<_>>(), usd(*total), at(2026, 7, 1))
            .unwrap();
        assert_eq!(q.short_by.map(|m| m.minor), *short, "{case}: quote");
        let result = execute(&mut state, &admin(), exchange(ids, new_vm(usd(*total))), at(2026, 7, 1));
        match short {
            None => assert!(result.is_ok(), "{case}: {result:?}"),
            Some(s) => {
                let returned = q.returned_total;
                let want = Violation::ExchangeShortfall { returned, new_total: usd(*total), short_by: usd(*s) };
                assert_eq!(result.unwrap_err().violations, vec![want], "{case}");
                assert_eq!(state, before, "{case}: a refusal changes nothing");
            }
        }
    }
}

#[test]
fn exchange_returns_the_old_and_creates_the_new_from_the_exchange_date() {
    let mut state = two();
    let when = at(2026, 7, 1);
    let events = execute(&mut state, &admin(), exchange(&[1, 2], new_vm(usd(1_000_000))), when).unwrap();
    for seq in [1, 2] {
        let r = &state.reservations[&id(seq)];
        assert_eq!(r.status, ReservationStatus::Exchanged, "RSV-{seq}");
        assert_eq!(r.ended_at, Some(when));
        assert!(matches!(
            r.history.last().map(|h| &h.kind),
            Some(ReservationChangeKind::Exchanged { into, .. }) if into.as_str() == "RSV-0003"
        ));
    }
    let new = &state.reservations[&ReservationId("RSV-0003".into())];
    assert_eq!(new.reservation_order.as_str(), "RSO-0003");
    assert_eq!((new.purchased_at, new.expires), (when, NaiveDate::from_ymd_opt(2029, 6, 30).unwrap()));
    assert_eq!(
        (new.term, new.billing, new.quantity, new.total),
        (Term::ThreeYears, ReservationBilling::Monthly, 2, usd(1_000_000))
    );
    assert_eq!(new.scope, ReservationScope::Single(crate::ids::SubscriptionId("AZ-1".into())));
    assert_eq!(new.status, ReservationStatus::Active);
    assert_eq!((state.counters.reservation, state.counters.reservation_order), (3, 3));
    // Not counted toward the cap, and recorded as a request with the value returned.
    assert!(state.reservation_refunds.is_empty());
    let req = state.support_requests.values().next().unwrap();
    assert_eq!((req.amount, req.reservation().unwrap().new_reservation.clone()), (usd(233_998), Some(new.id.clone())));
    assert!(matches!(events.first(), Some(Event::SupportRequestFiled(_))));
    assert!(events.iter().any(|e| matches!(e, Event::ReservationExchanged { returned, .. } if returned.len() == 2)));
    assert!(matches!(events.last(), Some(Event::Audited(_))));
}

#[test]
fn exchanges_are_allowed_with_the_cap_used_up() {
    let mut big = reservation(3, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(5_000_000));
    big.name = "uses the whole cap".into();
    let mut state = state_with(vec![upfront(365_000), big]);
    execute(&mut state, &admin(), refund(&[3]), at(2026, 1, 2)).unwrap();
    assert!(execute(&mut state, &admin(), exchange(&[1], new_vm(usd(400_000))), at(2026, 3, 1)).is_ok());
}

#[test]
fn vm_to_vm_only() {
    let sql = |seq| {
        let mut r = reservation(seq, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(100_000));
        r.kind = ReservationKind::SqlDatabase;
        r
    };
    let mut new_sql = new_vm(usd(1_000_000));
    new_sql.kind = ReservationKind::CosmosDb;
    // (case, returned, new, violations)
    let cases = vec![
        ("vm → vm", vec![1], new_vm(usd(1_000_000)), vec![]),
        (
            "sql → vm",
            vec![2],
            new_vm(usd(1_000_000)),
            vec![Violation::ExchangeOnlyVmToVm { reservation: Some(id(2)), kind: ReservationKind::SqlDatabase }],
        ),
        (
            "vm → cosmos",
            vec![1],
            new_sql.clone(),
            vec![Violation::ExchangeOnlyVmToVm { reservation: None, kind: ReservationKind::CosmosDb }],
        ),
        (
            "vm + sql → cosmos",
            vec![1, 2],
            new_sql,
            vec![
                Violation::ExchangeOnlyVmToVm { reservation: Some(id(2)), kind: ReservationKind::SqlDatabase },
                Violation::ExchangeOnlyVmToVm { reservation: None, kind: ReservationKind::CosmosDb },
            ],
        ),
    ];
    for (case, ids, new, want) in cases {
        let mut state = state_with(vec![upfront(365_000), sql(2)]);
        let before = state.clone();
        let result = execute(&mut state, &admin(), exchange(&ids, new), at(2026, 2, 1));
        if want.is_empty() {
            assert!(result.is_ok(), "{case}: {result:?}");
        } else {
            assert_eq!(result.unwrap_err().violations, want, "{case}");
            assert_eq!(state, before, "{case}");
        }
    }
}

#[test]
fn the_new_configuration_is_validated_all_at_once() {
    let mut state = two();
    let before = state.clone();
    let mut bad = new_vm(Money::new(1_000_000, Currency::EUR));
    bad.vm_size = " ".into();
    bad.region = String::new();
    bad.quantity = 0;
    bad.term = Term::OneMonth;
    bad.scope = ReservationScope::Shared;
    bad.optimize = ReservationOptimize::CapacityPriority;
    let err = execute(&mut state, &admin(), exchange(&[1], bad), at(2026, 7, 1)).unwrap_err();
    let invalid = |field, problem| Violation::Invalid { field, problem };
    assert_eq!(
        err.violations,
        vec![
            invalid(Field::ReservationVmSize, Problem::Required),
            invalid(Field::ReservationRegion, Problem::Required),
            invalid(Field::ReservationQuantity, Problem::OutOfRange { min: 1, max: 10_000 }),
            invalid(Field::ReservationTerm, Problem::NotOffered),
            Violation::CapacityPriorityNeedsSingleScope,
            Violation::MixedCurrencies { expected: Currency::USD, found: Currency::EUR },
        ]
    );
    let mut zero = new_vm(usd(0));
    zero.scope = ReservationScope::Single(crate::ids::SubscriptionId("AZ-3".into()));
    let err = execute(&mut state, &admin(), exchange(&[1], zero), at(2026, 7, 1)).unwrap_err();
    assert!(err.has(|v| *v == invalid(Field::ReservationTotal, Problem::NotPositive)));
    assert!(err.has(|v| matches!(v, Violation::NotACustomerAzureSubscription { .. })));
    assert!(err.has(|v| matches!(v, Violation::ExchangeShortfall { .. })));
    assert_eq!(state, before);
}

#[test]
fn extreme_inputs_are_refused_without_panicking() {
    let cases = [i64::MIN, -1, i64::MAX];
    for total in cases {
        let mut state = two();
        let result = execute(&mut state, &admin(), exchange(&[1, 2], new_vm(usd(total))), at(2026, 7, 1));
        assert_eq!(result.is_ok(), total == i64::MAX, "{total}");
        let q = exchange_quote(&state, &[id(1)], usd(total), at(2026, 7, 1));
        assert!(q.is_ok() || total == i64::MAX, "{total}");
    }
    let state = two();
    let q = super::super::quote_on_day(&state, &id(1), u32::MAX).unwrap();
    assert_eq!(q.credit, usd(0), "far past the term nothing is left");
}

#[test]
fn new_reservation_is_priced_from_the_catalog_in_the_partners_currency() {
    use super::super::{exchange_offers, new_reservation_from_catalog, NewReservationChoice};
    use crate::ids::{OfferId, SubscriptionId};
    use crate::records::BillingFrequency;
    let state = two();
    assert_eq!(state.partner.currency(), Currency::USD);
    assert!(exchange_offers(&state).iter().all(|o| o.family == crate::catalog::Family::AzureReservation));
    assert!(exchange_offers(&state).iter().any(|o| o.id.as_str() == "ri-d4sv3-westeurope"));
    let choice = |offer: &str, term, billing, quantity| NewReservationChoice {
        offer: OfferId(offer.into()),
        term,
        billing,
        scope: ReservationScope::Single(SubscriptionId("AZ-1".into())),
        optimize: ReservationOptimize::CapacityPriority,
        quantity,
    };
    let qty = |min, max| {
        vec![Violation::Invalid { field: Field::ReservationQuantity, problem: Problem::OutOfRange { min, max } }]
    };
    let no_such = |o: &str| vec![Violation::NoSuchOffer { offer: OfferId(o.into()) }];
    // (case, choice, Ok(total in USD minor units) or Err(violations))
    type Case<'a> = (&'a str, NewReservationChoice, Result<i64, Vec<Violation>>);
    let cases: Vec<Case> = vec![
        ("1 year up front", choice("ri-d4sv3-westeurope", Term::OneYear, ReservationBilling::Upfront, 1), Ok(116_232)),
        (
            "monthly totals the same",
            choice("ri-d4sv3-westeurope", Term::OneYear, ReservationBilling::Monthly, 1),
            Ok(116_232),
        ),
        ("3 years × 2", choice("ri-d4sv3-westeurope", Term::ThreeYears, ReservationBilling::Upfront, 2), Ok(472_392)),
        ("quantity 0", choice("ri-d4sv3-westeurope", Term::OneYear, ReservationBilling::Upfront, 0), Err(qty(1, 1000))),
        (
            "above the offer's maximum",
            choice("ri-b2s-australiaeast", Term::OneYear, ReservationBilling::Upfront, 1001),
            Err(qty(1, 1000)),
        ),
        (
            "term not offered",
            choice("ri-b2s-australiaeast", Term::OneMonth, ReservationBilling::Upfront, 1),
            Err(vec![Violation::Invalid { field: Field::ReservationTerm, problem: Problem::NotOffered }]),
        ),
        (
            "not a reservation offer",
            choice("azure-plan", Term::OneYear, ReservationBilling::Upfront, 1),
            Err(no_such("azure-plan")),
        ),
        ("unknown offer", choice("nope", Term::OneYear, ReservationBilling::Upfront, 1), Err(no_such("nope"))),
    ];
    for (case, c, want) in cases {
        let got = new_reservation_from_catalog(&state, &c);
        match (got, want) {
            (Ok(n), Ok(total)) => {
                assert_eq!(n.total, usd(total), "{case}");
                assert_eq!(
                    (n.offer.clone(), n.term, n.billing, n.quantity),
                    (c.offer.clone(), c.term, c.billing, c.quantity),
                    "{case}"
                );
                assert_eq!(
                    (n.scope, n.optimize, n.kind),
                    (c.scope.clone(), c.optimize, ReservationKind::VirtualMachine),
                    "{case}"
                );
                let offer = state.catalog.get(&c.offer).unwrap();
                let spec = offer.reservation.clone().unwrap();
                assert_eq!((n.name, n.vm_size, n.region), (offer.name.clone(), spec.vm_size, spec.region), "{case}");
                let unit = offer.price(Currency::USD, BillingFrequency::OneTime, Some(c.term)).unwrap();
                assert_eq!(n.total, unit.times(i64::from(c.quantity)), "{case}: as checkout prices it");
            }
            (Err(r), Err(v)) => assert_eq!(r.violations, v, "{case}"),
            (got, want) => panic!("{case}: got {got:?}, want {want:?}"),
        }
    }
}
