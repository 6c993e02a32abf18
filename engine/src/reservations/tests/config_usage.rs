//! Configuration (RULES §6.2: scope, Azure subscription, optimisation) and utilisation.

use super::super::fixtures::*;
use super::super::{azure_subscriptions_of, had_usage, utilisation_series, UtilisationPoint};
use crate::audit::AuditAction;
use crate::ids::SubscriptionId;
use crate::records::{ReservationChangeKind, ReservationOptimize, ReservationScope, ReservationStatus};
use crate::rejection::{Field, Problem};
use crate::{execute, Command, Event, Violation};
use chrono::NaiveDate;

fn single(id: &str) -> ReservationScope {
    ReservationScope::Single(SubscriptionId(id.into()))
}

#[test]
fn azure_subscriptions_are_the_customers_active_azure_plans() {
    let state = state_with(vec![]);
    let ids: Vec<&str> = azure_subscriptions_of(&state, &customer()).iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["AZ-1"]);
}

#[test]
fn scope_changes_follow_the_rules() {
    use ReservationOptimize::{CapacityPriority as Cap, InstanceSizeFlexibility as Flex};
    let not_theirs = |s: &str| Violation::NotACustomerAzureSubscription { subscription: SubscriptionId(s.into()) };
    // (case, scope, optimize, violations); the reservation starts Shared + Flex.
    let cases: Vec<(&str, ReservationScope, ReservationOptimize, Vec<Violation>)> = vec![
        ("single on own active Azure plan", single("AZ-1"), Flex, vec![]),
        ("single with capacity priority", single("AZ-1"), Cap, vec![]),
        ("suspended Azure plan", single("AZ-2"), Flex, vec![not_theirs("AZ-2")]),
        ("another customer's Azure plan", single("AZ-3"), Flex, vec![not_theirs("AZ-3")]),
        ("not an Azure plan", single("M365-1"), Flex, vec![not_theirs("M365-1")]),
        ("unknown subscription", single("AZ-9"), Flex, vec![not_theirs("AZ-9")]),
        (
            "shared with capacity priority",
            ReservationScope::Shared,
            Cap,
            vec![Violation::CapacityPriorityNeedsSingleScope],
        ),
        ("unchanged", ReservationScope::Shared, Flex, vec![Violation::ReservationUnchanged]),
    ];
    for (case, scope, optimize, want) in cases {
        let mut state = state_with(vec![upfront(365_000)]);
        let before = state.clone();
        let cmd = Command::ChangeReservationScope { reservation: id(1), scope: scope.clone(), optimize };
        let result = execute(&mut state, &admin(), cmd, at(2026, 2, 1));
        if want.is_empty() {
            let events = result.unwrap();
            let r = &state.reservations[&id(1)];
            assert_eq!((&r.scope, r.optimize), (&scope, optimize), "{case}");
            let change = r.history.last().unwrap();
            assert_eq!((change.at, &change.by), (at(2026, 2, 1), &admin()), "{case}");
            assert!(matches!(
                &change.kind,
                ReservationChangeKind::Configured { from_scope: ReservationScope::Shared, .. }
            ));
            assert_eq!(r.total, before.reservations[&id(1)].total, "{case}: not financial");
            assert!(matches!(events.last(), Some(Event::Audited(e)) if e.action == AuditAction::ReservationConfigured));
        } else {
            assert_eq!(result.unwrap_err().violations, want, "{case}");
            assert_eq!(state, before, "{case}");
        }
    }
}

#[test]
fn only_active_reservations_can_be_configured() {
    let mut r = upfront(365_000);
    r.status = ReservationStatus::Exchanged;
    let mut state = state_with(vec![r]);
    let cmd = Command::ChangeReservationScope {
        reservation: id(1),
        scope: single("AZ-1"),
        optimize: ReservationOptimize::InstanceSizeFlexibility,
    };
    let err = execute(&mut state, &admin(), cmd, at(2026, 2, 1)).unwrap_err();
    assert_eq!(
        err.violations,
        vec![Violation::ReservationNotActive { reservation: id(1), status: ReservationStatus::Exchanged }]
    );
}

#[test]
fn utilisation_is_validated() {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let (from, to) = (d(1, 1), d(12, 31));
    let out_of_range =
        Violation::Invalid { field: Field::UtilisationPercent, problem: Problem::OutOfRange { min: 0, max: 100 } };
    // now = 2026-02-01 10:00
    let cases: Vec<(&str, NaiveDate, u8, Vec<Violation>)> = vec![
        ("first day", d(1, 1), 0, vec![]),
        ("today", d(2, 1), 100, vec![]),
        ("101 %", d(1, 5), 101, vec![out_of_range.clone()]),
        ("tomorrow", d(2, 2), 50, vec![Violation::UtilisationInFuture { date: d(2, 2) }]),
        (
            "before purchase, 255 %",
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            255,
            vec![
                out_of_range,
                Violation::UtilisationOutsideTerm { date: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(), from, to },
            ],
        ),
        (
            "after the term",
            d(12, 31).succ_opt().unwrap(),
            5,
            vec![Violation::UtilisationOutsideTerm { date: d(12, 31).succ_opt().unwrap(), from, to }],
        ),
    ];
    for (case, date, percent, want) in cases {
        let mut state = state_with(vec![upfront(365_000)]);
        let before = state.clone();
        let result = execute(
            &mut state,
            &admin(),
            Command::RecordUtilisation { reservation: id(1), date, percent },
            at(2026, 2, 1),
        );
        if want.is_empty() {
            assert!(result.is_ok(), "{case}");
            assert_eq!(state.reservations[&id(1)].utilisation.get(&date), Some(&percent), "{case}");
        } else {
            assert_eq!(result.unwrap_err().violations, want, "{case}");
            assert_eq!(state, before, "{case}");
        }
    }
    // Violation::UtilisationInFuture stops applying on that day.
    assert_eq!(Violation::UtilisationInFuture { date: d(2, 2) }.changes_on(), Some(d(2, 2)));
}

#[test]
fn utilisation_series_and_usage_so_far() {
    let d = |day| NaiveDate::from_ymd_opt(2026, 1, day).unwrap();
    let mut state = state_with(vec![upfront(365_000)]);
    for (day, percent) in [(2, 0), (3, 60), (3, 80), (5, 10)] {
        let cmd = Command::RecordUtilisation { reservation: id(1), date: d(day), percent };
        execute(&mut state, &admin(), cmd, at(2026, 1, 6)).unwrap();
    }
    let series = utilisation_series(&state, &id(1), d(5));
    let want = vec![
        UtilisationPoint { date: d(1), percent: None },
        UtilisationPoint { date: d(2), percent: Some(0) },
        UtilisationPoint { date: d(3), percent: Some(80) },
        UtilisationPoint { date: d(4), percent: None },
        UtilisationPoint { date: d(5), percent: Some(10) },
    ];
    assert_eq!(series, want, "one point per day, the last recording wins");
    let r = &state.reservations[&id(1)];
    let cases = [(d(1), false), (d(2), false), (d(3), true), (d(20), true)];
    for (today, want) in cases {
        assert_eq!(had_usage(r, today), want, "{today}");
    }
    assert!(utilisation_series(&state, &id(9), d(5)).is_empty());
    // The series stops when the reservation ends.
    execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 4)).unwrap();
    assert_eq!(utilisation_series(&state, &id(1), d(20)).len(), 4);
}

#[test]
fn state_with_reservation_records_round_trips_through_json() {
    let mut state = state_with(vec![upfront(365_000)]);
    let cmd = Command::RecordUtilisation {
        reservation: id(1),
        date: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
        percent: 40,
    };
    execute(&mut state, &admin(), cmd, at(2026, 1, 3)).unwrap();
    execute(&mut state, &admin(), refund(&[1]), at(2026, 1, 3)).unwrap();
    let json = serde_json::to_string(&state).unwrap();
    let back: crate::State = serde_json::from_str(&json).unwrap();
    assert_eq!(back, state);
}

#[test]
fn replaying_the_events_rebuilds_the_same_state() {
    let mut state = state_with(vec![
        upfront(365_000),
        reservation(
            2,
            at(2026, 1, 1),
            crate::records::Term::OneYear,
            crate::records::ReservationBilling::Monthly,
            usd(100_000),
        ),
    ]);
    let start = state.clone();
    let mut log = Vec::new();
    let cmds = [
        (
            Command::RecordUtilisation {
                reservation: id(1),
                date: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
                percent: 40,
            },
            at(2026, 1, 3),
        ),
        (
            Command::ChangeReservationScope {
                reservation: id(2),
                scope: single("AZ-1"),
                optimize: ReservationOptimize::CapacityPriority,
            },
            at(2026, 1, 4),
        ),
        (refund(&[1]), at(2026, 1, 10)),
        (exchange(&[2], new_vm(usd(1_000_000))), at(2026, 3, 1)),
    ];
    for (cmd, now) in cmds {
        log.extend(execute(&mut state, &admin(), cmd, now).unwrap());
    }
    let mut replayed = start;
    for e in &log {
        crate::evolve(&mut replayed, e);
    }
    assert_eq!(replayed, state);
    // Applying the same events twice changes nothing more, except the activity log.
    let mut twice = state.clone();
    for e in log.iter().filter(|e| !matches!(e, Event::Audited(_))) {
        crate::evolve(&mut twice, e);
    }
    assert_eq!(twice, state);
}
