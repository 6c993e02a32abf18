//! The policy editor: validation per field, Global admin only, logged, and a changed value changes a
//! decision from then on.

// Case tables are slices of tuples, one row per case, by design.
#![allow(clippy::type_complexity)]

use super::*;
use crate::audit::AuditAction;
use crate::demo;
use crate::ids::UserId;
use crate::roles::{Permission, Role};
use crate::testkit;
use crate::{execute, Command};
use chrono::{DateTime, Duration, TimeZone, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
}

fn set(values: &[(PolicyKey, &str)]) -> Command {
    Command::SetPolicy { values: values.iter().map(|(k, v)| (*k, v.to_string())).collect() }
}

fn invalid(key: PolicyKey, problem: Problem) -> Violation {
    Violation::Invalid { field: Field::Policy(key), problem }
}

#[test]
fn each_bad_value_is_refused_with_its_field_and_nothing_changes() {
    use PolicyKey::*;
    let range = |k: PolicyKey| {
        let (min, max) = k.range();
        Problem::OutOfRange { min, max }
    };
    let cases: &[(&str, &[(PolicyKey, &str)], Vec<Violation>)] = &[
        (
            "negative window",
            &[(IsvAnnualCancelDays, "-1")],
            vec![invalid(IsvAnnualCancelDays, range(IsvAnnualCancelDays))],
        ),
        ("not a number", &[(SoftwareCancelDays, "sixty")], vec![invalid(SoftwareCancelDays, Problem::InvalidAmount)]),
        ("empty", &[(TrialDays, " ")], vec![invalid(TrialDays, Problem::Required)]),
        ("decimal days", &[(TrialDays, "2.5")], vec![invalid(TrialDays, Problem::InvalidAmount)]),
        (
            "fee above 100 %",
            &[(EarlyTerminationFeePercent, "100.01")],
            vec![invalid(EarlyTerminationFeePercent, range(EarlyTerminationFeePercent))],
        ),
        (
            "fee below 0 %",
            &[(EarlyTerminationFeePercent, "-3")],
            vec![invalid(EarlyTerminationFeePercent, range(EarlyTerminationFeePercent))],
        ),
        (
            "fee with 3 decimals",
            &[(EarlyTerminationFeePercent, "12.125")],
            vec![invalid(EarlyTerminationFeePercent, Problem::TooManyDecimals { max: 2 })],
        ),
        ("cap negative", &[(RefundCapUsd, "-50000")], vec![invalid(RefundCapUsd, range(RefundCapUsd))]),
        ("rate zero", &[(UsdRate(Currency::EUR), "0")], vec![invalid(UsdRate(Currency::EUR), Problem::NotPositive)]),
        (
            "unknown market",
            &[(ReservationUnavailableMarkets, "CN, ZZ")],
            vec![invalid(ReservationUnavailableMarkets, Problem::UnknownCountry)],
        ),
        (
            "unknown segment",
            &[(TrialExcludedSegments, "Government, Army")],
            vec![invalid(TrialExcludedSegments, Problem::NotOffered)],
        ),
        (
            "retention cap below base",
            &[(RetentionBaseDays, "100"), (RetentionCapDays, "95")],
            vec![invalid(RetentionCapDays, Problem::OutOfRange { min: 100, max: 3650 })],
        ),
        (
            "zero downloads",
            &[(DownloadLinkMaxDownloads, "0")],
            vec![invalid(DownloadLinkMaxDownloads, range(DownloadLinkMaxDownloads))],
        ),
        ("huge number", &[(TermMonths, "99999999999999999999")], vec![invalid(TermMonths, range(TermMonths))]),
        (
            "every reason at once",
            &[(IsvMonthlyCancelHours, "-24"), (SoftwareCancelDays, "x"), (EarlyTerminationFeePercent, "150")],
            vec![
                invalid(IsvMonthlyCancelHours, range(IsvMonthlyCancelHours)),
                invalid(SoftwareCancelDays, Problem::InvalidAmount),
                invalid(EarlyTerminationFeePercent, range(EarlyTerminationFeePercent)),
            ],
        ),
    ];
    let admin = demo::global_admin();
    for (case, values, want) in cases {
        let mut state = demo::partner_state(now());
        let before = state.clone();
        let err = execute(&mut state, &admin, set(values), now()).expect_err(case);
        assert_eq!(&err.violations, want, "{case}");
        assert_eq!(state, before, "{case}: nothing changes");
    }
}

#[test]
fn good_values_are_read_in_their_units() {
    use PolicyKey::*;
    let cases: &[(PolicyKey, &str, &dyn Fn(&Policy) -> bool)] = &[
        (IsvAnnualCancelDays, "7", &|p| p.isv_annual_cancel_days == 7),
        (EarlyTerminationFeePercent, "12,5", &|p| p.early_termination_fee_bp == 1250),
        (EarlyTerminationFeePercent, "0", &|p| p.early_termination_fee_bp == 0),
        (PerpetualSoftwareCreditPercent, "100", &|p| p.perpetual_software_credit_bp == 10_000),
        (RefundCapUsd, "12 000.50", &|p| p.refund_cap_usd_minor == 1_200_050),
        (UsdRate(Currency::EUR), "1.1", &|p| p.to_usd_minor(crate::money::Money::new(100, Currency::EUR)) == Some(110)),
        (ReservationUnavailableMarkets, "cn; fr FR", &|p| p.reservation_unavailable_markets == ["CN", "FR"]),
        (TaxInclusiveCountries, "", &|p| p.tax_inclusive_countries.is_empty()),
        (TrialExcludedSegments, "government", &|p| p.trial_excluded_segments == [Segment::Government]),
        (IsvMonthlyCancelHours, "0", &|p| p.isv_monthly_cancel_hours == 0),
    ];
    for (key, raw, check) in cases {
        let p =
            apply(&Policy::default(), &[(*key, raw.to_string())]).unwrap_or_else(|e| panic!("{key:?} {raw}: {e:?}"));
        assert!(check(&p), "{key:?} {raw}");
    }
}

#[test]
fn every_value_reads_back_its_own_text() {
    let p = Policy::default();
    let values: Vec<(PolicyKey, String)> = PolicyKey::all().into_iter().map(|k| (k, k.text(&p))).collect();
    assert_eq!(apply(&p, &values).unwrap(), p);
    assert_eq!(PolicyKey::EarlyTerminationFeePercent.text(&p), "12");
    assert_eq!(PolicyKey::RefundCapUsd.text(&p), "50000");
    assert_eq!(PolicyKey::UsdRate(Currency::JPY).text(&p), "0.0067");
    assert_eq!(PolicyKey::TrialExcludedSegments.text(&p), "Government, Education");
}

#[test]
fn only_a_global_admin_may_change_or_reset_the_policy() {
    let state = demo::partner_state(now());
    for role in Role::ALL {
        for cmd in [set(&[(PolicyKey::TrialDays, "14")]), Command::ResetPolicy] {
            let mut s = state.clone();
            let user: UserId = testkit::user_with(&s, role);
            let result = execute(&mut s, &user, cmd.clone(), now());
            if role == Role::GlobalAdmin {
                assert!(result.is_ok(), "{role:?} {cmd:?}");
            } else {
                let err = result.expect_err(&format!("{role:?}"));
                assert_eq!(
                    err.violations,
                    vec![Violation::NotPermitted {
                        permission: Permission::EditPartnerSettings,
                        allowed: vec![Role::GlobalAdmin]
                    }],
                    "{role:?}"
                );
                assert_eq!(s, state, "{role:?}: nothing changes");
            }
        }
    }
}

#[test]
fn a_change_is_logged_and_reset_restores_the_defaults() {
    let mut state = demo::partner_state(now());
    let admin = demo::global_admin();
    execute(&mut state, &admin, set(&[(PolicyKey::IsvAnnualCancelDays, "7"), (PolicyKey::TrialDays, "30")]), now())
        .unwrap();
    assert_eq!(state.policy.isv_annual_cancel_days, 7);
    let entry = state.audit.last().unwrap();
    assert_eq!(entry.action, AuditAction::PolicyChanged);
    assert_eq!(entry.details, "IsvAnnualCancelDays: 14 → 7", "only what changed");
    execute(&mut state, &admin, Command::ResetPolicy, now()).unwrap();
    assert_eq!(state.policy, Policy::default());
    assert_eq!(state.audit.last().unwrap().action, AuditAction::PolicyReset);
}

/// A shorter software cancellation window refuses on day 8 what the default (60 days) allows; back to
/// the default, the same cancellation is allowed again.
#[test]
fn a_changed_window_changes_a_decision() {
    use crate::software::test_support as sw;
    let mut state = sw::state();
    let admin = demo::global_admin();
    let agent = sw::admin_agent(&state);
    let day8 = sw::t0() + Duration::days(8);
    let order = state.software[&sw::sql_perpetual()].order.clone();
    let cancel = Command::CancelSoftwarePurchase { purchase: sw::sql_perpetual(), order, acknowledged: true };

    let mut shortened = state.clone();
    execute(&mut shortened, &admin, set(&[(PolicyKey::SoftwareCancelDays, "7")]), day8).unwrap();
    let before = shortened.clone();
    let err = execute(&mut shortened, &agent, cancel.clone(), day8).expect_err("7-day window, day 8");
    let closed = sw::t0() + Duration::days(7);
    assert_eq!(
        err.violations,
        vec![Violation::SoftwareCancelWindowClosed { closed_at: closed, closed_on: closed.date_naive() }]
    );
    assert_eq!(shortened, before);

    execute(&mut shortened, &admin, Command::ResetPolicy, day8).unwrap();
    execute(&mut shortened, &agent, cancel.clone(), day8).expect("default 60-day window, day 8");
    execute(&mut state, &agent, cancel, day8).expect("never changed: allowed");
}

#[test]
fn the_small_business_ceiling_caps_cart_quantities() {
    let mut state = demo::partner_state(now());
    let offer = state
        .catalog
        .offers()
        .iter()
        .find(|o| o.category == crate::catalog::Category::SmallBusiness && o.max_quantity > 100)
        .cloned()
        .expect("a small-business offer above 100 licenses");
    assert_eq!(crate::cart::max_quantity(&state, &offer), offer.max_quantity, "default: the offer's own maximum");
    execute(&mut state, &demo::global_admin(), set(&[(PolicyKey::SmallBusinessMaxLicenses, "100")]), now()).unwrap();
    assert_eq!(crate::cart::max_quantity(&state, &offer), 99);
}

#[test]
fn every_key_is_listed_once_in_rule_book_order() {
    let all = PolicyKey::all();
    let distinct: std::collections::BTreeSet<_> = all.iter().copied().collect();
    assert_eq!(distinct.len(), all.len(), "a key is listed twice");
    assert_eq!(all.len(), PolicyKey::SCALARS.len() + Currency::ALL.len() - 1);
    assert_eq!(all.first(), Some(&PolicyKey::SmallBusinessMaxLicenses));
    assert_eq!(all[PolicyKey::SCALARS.len() - 1], PolicyKey::RefundWindowDays);
    assert!(!all.contains(&PolicyKey::UsdRate(Currency::USD)), "USD is the cap's own currency");
}
