//! The support request wizard (RULES §6.5), role checks (§1.2) and the market rule (§6.1).

use super::super::fixtures::*;
use super::super::{
    check_contact, purchase_checks, reservation_market_check, ContactForm, ContactMethod, IssueType, ProblemCategory,
    ProblemType, ReservationRequestKind, SupportRequestStatus,
};
use crate::audit::AuditAction;
use crate::ids::SubscriptionId;
use crate::money::{Currency, Money};
use crate::records::{
    ReservationBilling, ReservationChangeKind, ReservationOptimize, ReservationScope, ReservationStatus, Term,
};
use crate::rejection::{Field, Problem};
use crate::roles::{Permission, Role};
use crate::{execute, Command, Event, Violation};
use chrono::NaiveDate;

#[test]
fn contact_information_is_validated_returning_every_problem() {
    let invalid = |field, problem| Violation::Invalid { field, problem };
    let form = |name: &str, email: &str, phone: &str, preferred| ContactForm {
        name: name.into(),
        email: email.into(),
        phone: phone.into(),
        preferred,
    };
    use ContactMethod::{Email, Phone};
    let cases: Vec<(&str, ContactForm, Vec<Violation>)> = vec![
        ("valid, e-mail preferred", form("Ana", "ana@fabrikam.com", "", Email), vec![]),
        ("valid, phone preferred", form("Ana", "ana@fabrikam.com", "+44 (20) 7946-0958", Phone), vec![]),
        (
            "everything missing, phone preferred",
            form(" ", "", "", Phone),
            vec![
                invalid(Field::ContactName, Problem::Required),
                invalid(Field::ContactEmail, Problem::Required),
                invalid(Field::ContactPhone, Problem::Required),
            ],
        ),
        (
            "malformed e-mail and phone",
            form("Ana", "ana@fabrikam", "call me", Email),
            vec![
                invalid(Field::ContactEmail, Problem::InvalidEmail),
                invalid(Field::ContactPhone, Problem::InvalidPhone),
            ],
        ),
        (
            "phone too short",
            form("Ana", "ana@fabrikam.com", "12345", Email),
            vec![invalid(Field::ContactPhone, Problem::InvalidPhone)],
        ),
        ("phone of 6 digits", form("Ana", "ana@fabrikam.com", "123456", Phone), vec![]),
        ("phone of 15 digits", form("Ana", "ana@fabrikam.com", "+123456789012345", Phone), vec![]),
        (
            "phone of 16 digits",
            form("Ana", "ana@fabrikam.com", "1234567890123456", Phone),
            vec![invalid(Field::ContactPhone, Problem::InvalidPhone)],
        ),
        (
            "plus inside",
            form("Ana", "ana@fabrikam.com", "12+3456789", Phone),
            vec![invalid(Field::ContactPhone, Problem::InvalidPhone)],
        ),
        (
            "name too long",
            form(&"x".repeat(101), "ana@fabrikam.com", "", Email),
            vec![invalid(Field::ContactName, Problem::TooLong { max: 100 })],
        ),
    ];
    for (case, form, want) in cases {
        assert_eq!(check_contact(&form), want, "{case}");
        // The command reports the same problems and changes nothing.
        let mut state = state_with(vec![upfront(365_000)]);
        let before = state.clone();
        let cmd = Command::FileReservationRequest {
            reservations: vec![id(1)],
            kind: ReservationRequestKind::Refund,
            contact: form,
        };
        let result = execute(&mut state, &admin(), cmd, at(2026, 1, 2));
        if want.is_empty() {
            assert!(result.is_ok(), "{case}");
        } else {
            assert_eq!(result.unwrap_err().violations, want, "{case}: command");
            assert_eq!(state, before, "{case}");
        }
    }
}

#[test]
fn a_refund_request_is_recorded_and_fulfilled_at_once() {
    let mut state = state_with(vec![upfront(365_000)]);
    let when = at(2026, 1, 31);
    let events = execute(&mut state, &admin(), refund(&[1]), when).unwrap();
    // Day 30 without usage: 3 650.00 × 335 / 365 = 3 350.00, minus 12 % (402.00) = 2 948.00.
    let req = &state.support_requests[&crate::ids::SupportRequestId("SR-0001".into())];
    let rsv = req.reservation().expect("a reservation request");
    assert_eq!(
        (rsv.issue_type, rsv.problem_type, rsv.category),
        (IssueType::Billing, ProblemType::ReservationManagement, ProblemCategory::ExchangesAndRefunds)
    );
    assert_eq!((rsv.reservations.clone(), rsv.reservation_orders[0].as_str()), (vec![id(1)], "RSO-0001"));
    assert_eq!((&rsv.action, &rsv.new_reservation), (&ReservationRequestKind::Refund, &None));
    assert_eq!((req.amount, req.status, req.filed_at), (usd(294_800), SupportRequestStatus::Fulfilled, when));
    assert_eq!((req.customer.clone(), req.filed_by.clone()), (customer(), admin()));
    assert_eq!((req.contact.name.as_str(), req.contact.preferred), ("Ana Souza", Some(ContactMethod::Email)));
    assert_eq!(state.counters.support_request, 1);
    let r = &state.reservations[&id(1)];
    assert_eq!((r.status, r.ended_at), (ReservationStatus::Cancelled, Some(when)));
    assert!(
        matches!(r.history.last().map(|h| &h.kind), Some(ReservationChangeKind::Refunded { credit, .. }) if *credit == usd(294_800))
    );
    let refunded: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::ReservationRefunded { refund, .. } => Some((refund.credit, refund.fee, refund.cancelled_future)),
            _ => None,
        })
        .collect();
    assert_eq!(refunded, vec![(usd(294_800), usd(40_200), usd(0))], "the event carries the money for the ledger");
    let Some(Event::Audited(entry)) = events.last() else { panic!("audited last") };
    assert_eq!((entry.action, entry.customer.clone()), (AuditAction::ReservationRefunded, Some(customer())));
    // Filing again for the same reservation is refused: it is no longer Active.
    let err = execute(&mut state, &admin(), refund(&[1]), when).unwrap_err();
    assert_eq!(
        err.violations,
        vec![Violation::ReservationNotActive { reservation: id(1), status: ReservationStatus::Cancelled }]
    );
}

#[test]
fn one_request_may_refund_several_reservations_under_one_cap_check() {
    let r2 = reservation(2, at(2026, 1, 1), Term::ThreeYears, ReservationBilling::Monthly, usd(3_600_000));
    let mut state = state_with(vec![upfront(365_000), r2]);
    execute(&mut state, &admin(), refund(&[1, 2, 1]), at(2026, 1, 3)).unwrap();
    let req = state.support_requests.values().next().unwrap();
    assert_eq!(req.reservation().unwrap().reservations, vec![id(1), id(2)], "duplicates are dropped");
    assert_eq!(req.amount, usd(365_000 + 100_000));
    assert_eq!(state.reservation_refunds[&customer()].iter().map(|r| r.usd_minor).sum::<i64>(), 365_000 + 3_600_000);
    // Together they exceed the cap even though each alone fits.
    let big = |seq| reservation(seq, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(3_000_000));
    let mut state = state_with(vec![big(1), big(2)]);
    let err = execute(&mut state, &admin(), refund(&[1, 2]), at(2026, 1, 3)).unwrap_err();
    assert!(err.has(|v| matches!(
        v,
        Violation::RefundCapExceeded { requested_usd_minor: 6_000_000, left_usd_minor: 5_000_000, .. }
    )));
}

#[test]
fn the_selection_is_validated() {
    let mut other = reservation(2, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(100));
    other.customer = other_customer();
    let eur =
        reservation(3, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, Money::new(100, Currency::EUR));
    let mut gone = reservation(4, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(100));
    gone.status = ReservationStatus::Expired;
    let cases: Vec<(&str, Vec<u64>, Vec<Violation>)> = vec![
        ("none", vec![], vec![Violation::Invalid { field: Field::RequestReservations, problem: Problem::Required }]),
        ("unknown", vec![9], vec![Violation::NoSuchReservation { reservation: id(9) }]),
        (
            "expired",
            vec![4],
            vec![Violation::ReservationNotActive { reservation: id(4), status: ReservationStatus::Expired }],
        ),
        ("two customers", vec![1, 2], vec![Violation::ReservationsOfDifferentCustomers]),
        (
            "two currencies",
            vec![1, 3],
            vec![Violation::MixedCurrencies { expected: Currency::USD, found: Currency::EUR }],
        ),
    ];
    for (case, ids, want) in cases {
        let mut state = state_with(vec![upfront(365_000), other.clone(), eur.clone(), gone.clone()]);
        let before = state.clone();
        let err = execute(&mut state, &admin(), refund(&ids), at(2026, 1, 2)).unwrap_err();
        assert_eq!(err.violations, want, "{case}");
        assert_eq!(state, before, "{case}");
    }
}

#[test]
fn every_reservation_command_needs_manage_reservations() {
    let commands = [
        (
            "utilisation",
            Command::RecordUtilisation {
                reservation: id(1),
                date: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
                percent: 50,
            },
        ),
        (
            "scope",
            Command::ChangeReservationScope {
                reservation: id(1),
                scope: ReservationScope::Single(SubscriptionId("AZ-1".into())),
                optimize: ReservationOptimize::CapacityPriority,
            },
        ),
        ("refund", refund(&[1])),
        ("exchange", exchange(&[1], new_vm(usd(1_000_000)))),
    ];
    for (name, cmd) in commands {
        assert_eq!(crate::required_permission(&cmd), Some(Permission::ManageReservations), "{name}");
        for role in Role::ALL {
            let mut state = state_with(vec![upfront(365_000)]);
            let actor = state.users.iter().find(|u| u.roles == vec![role]).unwrap().id.clone();
            let before = state.clone();
            let result = execute(&mut state, &actor, cmd.clone(), at(2026, 1, 3));
            let allowed = Permission::ManageReservations.granted_to(&[role]);
            assert_eq!(result.is_ok(), allowed, "{name} by {role:?}: {result:?}");
            if !allowed {
                assert_eq!(
                    result.unwrap_err().violations,
                    vec![Violation::NotPermitted {
                        permission: Permission::ManageReservations,
                        allowed: Permission::ManageReservations.allowed_roles().to_vec(),
                    }],
                    "{name} by {role:?}"
                );
                assert_eq!(state, before, "{name} by {role:?}");
            }
        }
    }
}

#[test]
fn unavailable_markets_by_iso_code() {
    let policy = crate::policy::Policy::default();
    let cases = [
        ("US", true),
        ("FR", true),
        ("JP", true),
        ("CN", false),
        ("cn", false),
        (" xk ", false),
        ("BQ", false),
        ("SJ", false),
        ("RE", false),
        ("AX", false),
        ("GB", true),
    ];
    for (code, sold) in cases {
        let got = reservation_market_check(&policy, code);
        assert_eq!(got.is_ok(), sold, "{code}");
        if let Err(v) = got {
            assert_eq!(v, Violation::ReservationsUnavailableInMarket { country: code.trim().to_ascii_uppercase() });
        }
    }
}

#[test]
fn buying_needs_an_available_market_and_an_active_azure_subscription() {
    let state = state_with(vec![]);
    let nobody = crate::ids::CustomerId("C-0099".into());
    let unavailable = |c: &str| Violation::ReservationsUnavailableInMarket { country: c.into() };
    let cases = [
        ("has AZ-1, US", customer(), "US", vec![]),
        ("has AZ-1, China", customer(), "CN", vec![unavailable("CN")]),
        ("no Azure plan, US", nobody.clone(), "US", vec![Violation::NoActiveAzureSubscription]),
        ("no Azure plan, Kosovo", nobody, "XK", vec![unavailable("XK"), Violation::NoActiveAzureSubscription]),
    ];
    for (case, c, country, want) in cases {
        assert_eq!(purchase_checks(&state, &c, country), want, "{case}");
    }
}
