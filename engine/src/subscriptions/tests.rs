//! Tests of the subscription lifecycle, billing through commands, and the clock.

use super::*;
use crate::billing::term_end;
use crate::demo::{global_admin, partner_state as demo_state};
use crate::ids::{OfferId, OrderId, UserId};
use crate::ledger::ChargeType;
use crate::money::{Currency, Money};
use crate::partner::CspModel;
use crate::records::{BillingFrequency as BF, PublisherKind, Subscription, SubscriptionStatus as St, Term};
use crate::{evolve, execute, Command, Rejection, SuspensionReason, Violation};
use chrono::{Duration, NaiveDate, TimeZone};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(h, mi, 0).unwrap())
}

/// A customer record with the given account dates (the retention rule reads them from here).
fn customer_opened(id: CustomerId, opened: NaiveDate, first_billing: NaiveDate) -> crate::customers::Customer {
    crate::customers::Customer {
        tenant_id: crate::customers::tenant_id(&id),
        id,
        company_name: "Contoso Ltd".into(),
        domain: "contosoltd.onmicrosoft.com".into(),
        country: "US".into(),
        segment: crate::customers::Segment::Commercial,
        account_opened: opened,
        first_billing,
        created_at: at(opened, 9, 0),
    }
}

fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::USD)
}

fn sid(n: u64) -> SubscriptionId {
    SubscriptionId(crate::ids::Counters::format("S", n))
}

/// A paid Microsoft subscription bought on `start` at 10:00, not yet billed.
fn paid(n: u64, billing: BF, quantity: u32, unit: i64, start: NaiveDate) -> Subscription {
    Subscription {
        name: "Office 365 E3".into(),
        order: OrderId(format!("O-{n:04}")),
        quantity,
        billing,
        created_at: at(start, 10, 0),
        term_start: start,
        term_end: term_end(start, 12),
        unit_price: usd(unit),
        publisher: PublisherKind::Microsoft,
        max_quantity: Some(300),
        ..crate::testkit::subscription(sid(n), CustomerId("C-0001".into()), "O365E3", St::Active)
    }
}

fn isv(n: u64, billing: BF, start: NaiveDate) -> Subscription {
    Subscription {
        publisher: PublisherKind::Isv,
        commercial_marketplace: true,
        name: "Contoso SaaS".into(),
        ..paid(n, billing, 1, 1000, start)
    }
}

fn ms_trial(n: u64, start: NaiveDate) -> Subscription {
    Subscription {
        offer: OfferId("O365E3-TRIAL".into()),
        name: "Office 365 E3 Trial".into(),
        quantity: 25,
        billing: BF::None,
        unit_price: usd(0),
        trial_ends: Some(start + Duration::days(30)),
        auto_renew: false,
        ..paid(n, BF::None, 25, 0, start)
    }
}

/// USD prices of one license: monthly and annual, for a one-year term.
fn prices(monthly: i64, annual: i64) -> Vec<crate::catalog::Price> {
    let usd = |minor: i64| [(Currency::USD, minor)].into_iter().collect();
    vec![
        crate::catalog::Price { billing: BF::Monthly, term: Some(Term::OneYear), amounts: usd(monthly) },
        crate::catalog::Price { billing: BF::Annual, term: Some(Term::OneYear), amounts: usd(annual) },
    ]
}

/// The offers these tests buy from: the base `O365E3` (20.00 a month, 240.00 a year), its trial, the
/// add-on `AUDIO` (4.00 / 48.00) and add-ons that each break one catalog rule.
fn test_catalog() -> crate::catalog::Catalog {
    use crate::catalog::{Countries, Family, Offer};
    use crate::testkit::offer;
    let base = Offer { max_quantity: 300, prices: prices(2_000, 24_000), ..offer("O365E3", Family::OnlineServices) };
    let trial = Offer {
        trial_of: Some(OfferId("O365E3".into())),
        min_quantity: 25,
        max_quantity: 25,
        prices: vec![],
        ..offer("O365E3-TRIAL", Family::MicrosoftTrial)
    };
    let add_on = |id: &str, requires: &str| Offer {
        name: "Audio Conferencing".into(),
        max_quantity: 10_000,
        requires_base: vec![OfferId(requires.into())],
        prices: prices(400, 4_800),
        ..offer(id, Family::AddOn)
    };
    let orphan_trial = Offer { trial_of: Some(OfferId("GONE".into())), ..trial.clone() };
    crate::catalog::Catalog::new(vec![
        base,
        trial,
        Offer { id: OfferId("ORPHAN-TRIAL".into()), ..orphan_trial },
        add_on("AUDIO", "O365E3"),
        add_on("OTHER-BASE", "O365E5"),
        Offer { countries: Countries::Only(vec!["FR".into()]), ..add_on("AUDIO-FR", "O365E3") },
        Offer { prices: prices(400, 0)[..1].to_vec(), ..add_on("MONTHLY-ONLY", "O365E3") },
    ])
}

/// A state on `sub.created_at` holding `sub`, opened the way checkout will: the opening charge posted.
/// Customer C-0001 (US) exists with no gap between account opening and first billing.
fn with(subs: Vec<Subscription>) -> State {
    let now = subs.first().map(|s| s.created_at).unwrap_or_else(|| at(d(2018, 1, 13), 10, 0));
    let mut state = demo_state(now);
    state.catalog = std::sync::Arc::new(test_catalog());
    let c = CustomerId("C-0001".into());
    state.customers.insert(c.clone(), customer_opened(c, d(2017, 1, 1), d(2017, 1, 1)));
    for sub in subs {
        install(&mut state, sub);
    }
    state
}

fn install(state: &mut State, sub: Subscription) {
    let created = sub.created_at;
    let (sub, events) = opening_charge(state, sub, created);
    for e in &events {
        evolve(state, e);
    }
    evolve(
        state,
        &Event::SubscriptionUpdated { at: created, change: SubscriptionChange::Purchased, subscription: Box::new(sub) },
    );
}

fn run(state: &mut State, cmd: Command, now: DateTime<Utc>) -> Result<Vec<Event>, Rejection> {
    run_as(state, &global_admin(), cmd, now)
}

fn run_as(state: &mut State, user: &UserId, cmd: Command, now: DateTime<Utc>) -> Result<Vec<Event>, Rejection> {
    let before = state.clone();
    let result = execute(state, user, cmd, now);
    if result.is_err() {
        assert_eq!(*state, before, "a refused command leaves the state untouched");
    }
    result
}

fn advance(state: &mut State, to: DateTime<Utc>) -> Vec<Event> {
    let now = state.clock;
    execute(state, &global_admin(), Command::AdvanceClock { to }, now).unwrap()
}

fn amounts(events: &[Event]) -> Vec<i64> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::LedgerPosted(l) => Some(l.amount.minor),
            _ => None,
        })
        .collect()
}

fn ledger_of(state: &State, n: u64) -> Vec<i64> {
    crate::ledger::entries_of(state, &sid(n)).map(|e| e.amount.minor).collect()
}

fn status(state: &State, n: u64) -> St {
    state.subscriptions[&sid(n)].status
}

fn suspend(n: u64) -> Command {
    Command::SuspendSubscription { subscription: sid(n), reason: None }
}

fn reactivate(n: u64) -> Command {
    Command::ReactivateSubscription { subscription: sid(n) }
}

fn quantity(n: u64, q: u32) -> Command {
    Command::ChangeSubscriptionQuantity { subscription: sid(n), quantity: q }
}

fn cancel(n: u64) -> Command {
    Command::CancelIsvSubscription { subscription: sid(n), details: String::new() }
}

fn convert(n: u64, q: u32, billing: BF) -> Command {
    Command::ConvertTrial { subscription: sid(n), quantity: q, billing }
}

fn add_on(base: u64, q: u32) -> Command {
    add_on_of(base, "AUDIO", q)
}

fn add_on_of(base: u64, offer: &str, q: u32) -> Command {
    Command::AddAddOn { base: sid(base), offer: OfferId(offer.into()), quantity: q }
}

// ---------------------------------------------------------------- worked examples (RULES §4.2, issue 4)

#[test]
fn annual_example_add_a_license_on_feb_1() {
    let mut state = with(vec![paid(1, BF::Annual, 1, 4800, d(2018, 1, 13))]);
    assert_eq!(ledger_of(&state, 1), vec![4800], "the year is charged at purchase");
    let events = run(&mut state, quantity(1, 2), at(d(2018, 2, 1), 9, 0)).unwrap();
    assert_eq!(amounts(&events), vec![-4800, 247, 8996]);
    let lines: Vec<(ChargeType, u32)> =
        crate::ledger::entries_of(&state, &sid(1)).map(|e| (e.charge_type, e.quantity)).collect();
    assert_eq!(
        lines,
        vec![
            (ChargeType::Purchase, 1),
            (ChargeType::Credit, 1),
            (ChargeType::Proration, 1),
            (ChargeType::Proration, 2)
        ]
    );
}

#[test]
fn annual_example_suspend_on_mar_1() {
    let mut state = with(vec![paid(1, BF::Annual, 1, 4800, d(2018, 1, 13))]);
    let events = run(&mut state, suspend(1), at(d(2018, 3, 1), 9, 0)).unwrap();
    assert_eq!(amounts(&events), vec![-4134]);
    assert_eq!(status(&state, 1), St::Suspended);
}

#[test]
fn monthly_example_add_a_license_on_feb_1_then_next_cycle() {
    let mut state = with(vec![paid(1, BF::Monthly, 1, 400, d(2018, 1, 13))]);
    let events = run(&mut state, quantity(1, 2), at(d(2018, 2, 1), 9, 0)).unwrap();
    assert_eq!(amounts(&events), vec![-400, 247, 312]);
    let due = advance(&mut state, at(d(2018, 2, 13), 0, 0));
    assert_eq!(amounts(&due), vec![800], "next cycle, 2 licenses");
    assert_eq!(ledger_of(&state, 1), vec![400, -400, 247, 312, 800]);
}

#[test]
fn monthly_example_suspensions() {
    // (case, suspension day, expected credit)
    let rows: &[(&str, NaiveDate, i64)] =
        &[("Feb 1: first 30 days, full credit", d(2018, 2, 1), -400), ("Mar 1: 12 of 28 days", d(2018, 3, 1), -168)];
    for (case, day, want) in rows {
        let mut state = with(vec![paid(1, BF::Monthly, 1, 400, d(2018, 1, 13))]);
        advance(&mut state, at(*day, 0, 0));
        let events = run(&mut state, suspend(1), at(*day, 9, 0)).unwrap();
        assert_eq!(amounts(&events), vec![*want], "{case}");
    }
}

#[test]
fn reactivation_rebills_the_rest_of_the_period() {
    let mut state = with(vec![paid(1, BF::Monthly, 1, 400, d(2018, 1, 13))]);
    advance(&mut state, at(d(2018, 3, 1), 0, 0));
    run(&mut state, suspend(1), at(d(2018, 3, 1), 9, 0)).unwrap();
    // Still suspended on the Mar 13 anniversary: no cycle charge.
    let due = advance(&mut state, at(d(2018, 3, 20), 0, 0));
    assert_eq!(amounts(&due), Vec::<i64>::new(), "a suspended subscription is not billed");
    let events = run(&mut state, reactivate(1), at(d(2018, 3, 20), 9, 0)).unwrap();
    // Mar 13–Apr 12 has 31 days; Mar 20–Apr 12 is 24: round2(0.13 × 24) = 3.12.
    assert_eq!(amounts(&events), vec![312]);
    let due = advance(&mut state, at(d(2018, 4, 13), 0, 0));
    assert_eq!(amounts(&due), vec![400], "billing resumes on the anniversary");
}

// ---------------------------------------------------------------- transitions (RULES §4.1)

#[derive(Clone, Copy, Debug)]
enum Setup {
    Active,
    Suspended,
    Cancelled,
    Expired,
    Deleted,
}

fn set_up(kind: Setup, sub: Subscription) -> State {
    let mut state = with(vec![sub]);
    let s = state.subscriptions.get_mut(&sid(1)).unwrap();
    match kind {
        Setup::Active => {}
        Setup::Suspended => {
            s.status = St::Suspended;
            s.suspended_at = Some(at(d(2018, 1, 14), 9, 0));
        }
        Setup::Cancelled => s.status = St::Cancelled,
        Setup::Expired => s.status = St::Expired,
        Setup::Deleted => s.status = St::Deleted,
    }
    state
}

#[test]
fn transition_table() {
    use Setup::*;
    let now = at(d(2018, 1, 20), 9, 0);
    let ms = || paid(1, BF::Monthly, 2, 400, d(2018, 1, 13));
    let isv_sub = || isv(1, BF::Monthly, d(2018, 1, 13));
    let tr = || ms_trial(1, d(2018, 1, 13));
    let not = |current, requested| Err(vec![Violation::TransitionNotAllowed { current, requested }]);
    type Row = (&'static str, Setup, fn() -> Subscription, Command, Result<St, Vec<Violation>>);
    let rows: Vec<Row> = vec![
        ("Active → Suspended", Active, ms, suspend(1), Ok(St::Suspended)),
        ("Suspended → Active", Suspended, ms, reactivate(1), Ok(St::Active)),
        ("ISV Active → Cancelled", Active, isv_sub, cancel(1), Ok(St::Active)), // scheduled: stays Active
        ("trial Active → Active(paid)", Active, tr, convert(1, 5, BF::Annual), Ok(St::Active)),
        ("Suspended → Suspended", Suspended, ms, suspend(1), not(St::Suspended, St::Suspended)),
        ("Cancelled → Suspended", Cancelled, isv_sub, suspend(1), not(St::Cancelled, St::Suspended)),
        ("Expired → Suspended", Expired, tr, suspend(1), not(St::Expired, St::Suspended)),
        ("Deleted → Suspended", Deleted, ms, suspend(1), not(St::Deleted, St::Suspended)),
        ("Active → Active (reactivate)", Active, ms, reactivate(1), not(St::Active, St::Active)),
        ("Cancelled → Active", Cancelled, isv_sub, reactivate(1), not(St::Cancelled, St::Active)),
        ("Expired → Active", Expired, ms, reactivate(1), not(St::Expired, St::Active)),
        ("Deleted → Active", Deleted, ms, reactivate(1), not(St::Deleted, St::Active)),
        ("Microsoft Active → Cancelled", Active, ms, cancel(1), not(St::Active, St::Cancelled)),
        ("ISV Suspended → Cancelled", Suspended, isv_sub, cancel(1), not(St::Suspended, St::Cancelled)),
        ("ISV Cancelled → Cancelled", Cancelled, isv_sub, cancel(1), not(St::Cancelled, St::Cancelled)),
        ("Expired trial → Active(paid)", Expired, tr, convert(1, 5, BF::Annual), not(St::Expired, St::Active)),
        ("paid is not a trial", Active, ms, convert(1, 5, BF::Annual), Err(vec![Violation::NotAConvertibleTrial])),
        (
            "quantity while Suspended",
            Suspended,
            ms,
            quantity(1, 3),
            Err(vec![Violation::QuantityChangeNotAllowed { status: St::Suspended }]),
        ),
        (
            "quantity on Deleted",
            Deleted,
            ms,
            quantity(1, 3),
            Err(vec![Violation::QuantityChangeNotAllowed { status: St::Deleted }]),
        ),
        (
            "quantity on Expired",
            Expired,
            ms,
            quantity(1, 3),
            Err(vec![Violation::QuantityChangeNotAllowed { status: St::Expired }]),
        ),
        ("quantity on Active", Active, ms, quantity(1, 3), Ok(St::Active)),
    ];
    for (case, setup, make, cmd, want) in rows {
        let mut state = set_up(setup, make());
        let got = run(&mut state, cmd, now).map(|_| status(&state, 1)).map_err(|r| r.violations);
        assert_eq!(got, want, "{case}");
    }
}

#[test]
fn quantity_bounds_and_trials() {
    let now = at(d(2018, 1, 20), 9, 0);
    let range = |requested| Violation::QuantityOutOfRange { requested, min: 2, max: Some(10) };
    // (case, requested, violations)
    let rows: &[(&str, u32, &[Violation])] = &[
        ("below min", 1, &[range(1)]),
        ("zero", 0, &[range(0)]),
        ("at min", 2, &[]),
        ("at max", 10, &[]),
        ("above max", 11, &[range(11)]),
        ("unchanged", 5, &[Violation::QuantityUnchanged { quantity: 5 }]),
    ];
    for (case, q, want) in rows {
        let mut state = with(vec![Subscription {
            min_quantity: 2,
            max_quantity: Some(10),
            ..paid(1, BF::Monthly, 5, 400, d(2018, 1, 13))
        }]);
        let got = run(&mut state, quantity(1, *q), now).err().map(|r| r.violations).unwrap_or_default();
        assert_eq!(&got, want, "{case}");
    }
    let mut state = with(vec![ms_trial(1, d(2018, 1, 13))]);
    let err = run(&mut state, quantity(1, 30), now).unwrap_err();
    assert_eq!(err.violations, vec![Violation::TrialQuantityFixed { licenses: 25 }], "trial licenses are fixed");
    // Every violation at once: suspended and out of range.
    let mut state = set_up(
        Setup::Suspended,
        Subscription { max_quantity: Some(10), ..paid(1, BF::Monthly, 5, 400, d(2018, 1, 13)) },
    );
    let err = run(&mut state, quantity(1, 11), now).unwrap_err();
    assert_eq!(
        err.violations,
        vec![
            Violation::QuantityChangeNotAllowed { status: St::Suspended },
            Violation::QuantityOutOfRange { requested: 11, min: 1, max: Some(10) }
        ]
    );
}

#[test]
fn permissions_follow_the_role_table() {
    use crate::roles::{Permission, Role};
    let now = at(d(2018, 1, 20), 9, 0);
    let user = |role: Role| {
        let state = demo_state(now);
        state.users.iter().find(|u| u.roles == vec![role]).unwrap().id.clone()
    };
    // (case, role, command, allowed)
    let rows: &[(&str, Role, Command, bool)] = &[
        ("billing admin suspends", Role::BillingAdmin, suspend(1), true),
        ("helpdesk suspends", Role::HelpdeskAgent, suspend(1), true),
        ("account admin cannot suspend", Role::AccountAdmin, suspend(1), false),
        ("user admin cannot change quantity", Role::UserManagementAdmin, quantity(1, 3), false),
        ("sales agent converts a trial", Role::SalesAgent, convert(2, 3, BF::Monthly), true),
        ("helpdesk cannot convert a trial", Role::HelpdeskAgent, convert(2, 3, BF::Monthly), false),
        ("billing admin cannot convert a trial", Role::BillingAdmin, convert(2, 3, BF::Monthly), false),
    ];
    for (case, role, cmd, allowed) in rows {
        let mut state = with(vec![paid(1, BF::Monthly, 2, 400, d(2018, 1, 13)), ms_trial(2, d(2018, 1, 13))]);
        let result = run_as(&mut state, &user(*role), cmd.clone(), now);
        assert_eq!(result.is_ok(), *allowed, "{case}");
        if let Err(r) = result {
            assert!(
                r.has(|v| matches!(v, Violation::NotPermitted { permission, .. }
                if *permission == Permission::ManageSubscriptions || *permission == Permission::ConvertTrials)),
                "{case}"
            );
        } else {
            let last = state.audit.last().unwrap();
            assert_eq!(last.customer, Some(CustomerId("C-0001".into())), "{case}: audited with the customer");
        }
    }
}

#[test]
fn unknown_subscription_is_refused() {
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, d(2018, 1, 13))]);
    let err = run(&mut state, suspend(9), at(d(2018, 1, 20), 9, 0)).unwrap_err();
    assert_eq!(err.violations, vec![Violation::NoSuchSubscription]);
}

// ---------------------------------------------------------------- retention (RULES §4.3)

#[test]
fn retention_formula_rows() {
    let policy = crate::policy::Policy::default();
    let suspended = d(2018, 3, 1);
    // (case, opened, first billing, days of retention)
    type Row = (&'static str, Option<(NaiveDate, NaiveDate)>, i64);
    let rows: &[Row] = &[
        ("unknown dates: base 90", None, 90),
        ("same day: 90", Some((d(2017, 5, 1), d(2017, 5, 1))), 90),
        ("10-day gap: 100", Some((d(2017, 5, 1), d(2017, 5, 11))), 100),
        ("29-day gap: 119", Some((d(2017, 5, 1), d(2017, 5, 30))), 119),
        ("30-day gap: cap 120", Some((d(2017, 5, 1), d(2017, 5, 31))), 120),
        ("90-day gap: cap 120", Some((d(2017, 5, 1), d(2017, 7, 30))), 120),
        ("inverted dates count as 0", Some((d(2017, 5, 11), d(2017, 5, 1))), 90),
    ];
    for (case, dates, days) in rows {
        let dates = dates.map(|(opened, first_billing)| AccountDates { opened, first_billing });
        assert_eq!(retention_deadline_for(suspended, dates, &policy), suspended + Duration::days(*days), "{case}");
    }
}

#[test]
fn reactivation_until_the_deadline_then_deleted_by_the_clock() {
    let start = d(2018, 1, 13);
    let suspended = d(2018, 3, 1);
    let deadline = suspended + Duration::days(100);
    // (case, day of reactivation, allowed)
    let rows: &[(&str, NaiveDate, bool)] =
        &[("day before the deadline", deadline - Duration::days(1), true), ("on the deadline", deadline, false)];
    for (case, day, allowed) in rows {
        let mut state = with(vec![paid(1, BF::Monthly, 1, 400, start)]);
        let customer = CustomerId("C-0001".into());
        state.customers.insert(customer.clone(), customer_opened(customer, d(2017, 5, 1), d(2017, 5, 11)));
        advance(&mut state, at(suspended, 0, 0));
        run(&mut state, suspend(1), at(suspended, 9, 0)).unwrap();
        assert_eq!(retention_deadline(&state, &state.subscriptions[&sid(1)]), Some(deadline), "{case}");
        let result = run(&mut state, reactivate(1), at(*day, 9, 0));
        assert_eq!(result.is_ok(), *allowed, "{case}");
        if !allowed {
            assert_eq!(result.unwrap_err().violations, vec![Violation::RetentionOver { deleted_on: deadline }]);
        }
    }
    let mut state = with(vec![paid(1, BF::Monthly, 1, 400, start)]);
    advance(&mut state, at(suspended, 0, 0));
    run(&mut state, suspend(1), at(suspended, 9, 0)).unwrap();
    let ninety = suspended + Duration::days(90);
    advance(&mut state, at(ninety - Duration::days(1), 23, 0));
    assert_eq!(status(&state, 1), St::Suspended, "still suspended the day before");
    let due = advance(&mut state, at(ninety, 0, 0));
    assert_eq!(status(&state, 1), St::Deleted, "deleted on the deadline");
    assert_eq!(DueSummary::of(&due).deletions, 1);
    let err = run(&mut state, reactivate(1), at(ninety, 9, 0)).unwrap_err();
    assert!(err.has(|v| matches!(v, Violation::TransitionNotAllowed { current: St::Deleted, .. })));
}

#[test]
fn the_deletion_notice_counts_the_days_left_from_today() {
    use crate::dates::Deadline;
    let start = d(2018, 1, 13);
    let suspended = d(2018, 3, 1);
    let mut state = with(vec![paid(1, BF::Monthly, 1, 400, start)]);
    let customer = CustomerId("C-0001".into());
    state.customers.insert(customer.clone(), customer_opened(customer, d(2017, 5, 1), d(2017, 5, 11)));
    advance(&mut state, at(suspended, 0, 0));
    let before = state.subscriptions[&sid(1)].clone();
    assert_eq!(deletion_deadline(&state, &before, suspended), None, "not suspended: no notice");
    // The preview beside Suspended: 100 days (a 10-day gap between opening and first billing).
    assert_eq!(deletion_if_suspended(&state, &before, suspended), Deadline { on: d(2018, 6, 9), days_left: 100 });
    run(&mut state, suspend(1), at(suspended, 9, 0)).unwrap();
    let sub = state.subscriptions[&sid(1)].clone();
    // (today, days left before deletion on 2018-06-09)
    let rows = [(suspended, 100), (d(2018, 4, 1), 69), (d(2018, 6, 8), 1), (d(2018, 6, 9), 0)];
    for (today, left) in rows {
        assert_eq!(
            deletion_deadline(&state, &sub, today),
            Some(Deadline { on: d(2018, 6, 9), days_left: left }),
            "{today}"
        );
    }
}

#[test]
fn trial_end_and_renews_within_come_from_the_engine() {
    use crate::dates::Deadline;
    let start = d(2018, 1, 13);
    let mut trial = paid(1, BF::Monthly, 25, 0, start);
    trial.trial_ends = Some(d(2018, 2, 12));
    assert_eq!(trial_deadline(&trial, d(2018, 2, 1)), Some(Deadline { on: d(2018, 2, 12), days_left: 11 }));
    assert_eq!(trial_deadline(&paid(2, BF::Monthly, 1, 400, start), start), None, "not a trial");
    trial.status = St::Expired;
    assert_eq!(trial_deadline(&trial, d(2018, 2, 1)), None, "an ended trial has no notice");
    // Term ends 2019-01-12. (case, today, within, auto-renew, status, listed)
    let end = term_end(start, 12);
    let rows = [
        ("ends in 30 days, within 30", end - Duration::days(30), 30, true, St::Active, true),
        ("ends in 31 days, within 30", end - Duration::days(31), 30, true, St::Active, false),
        ("ends today", end, 0, true, St::Active, true),
        ("ended yesterday", end + Duration::days(1), 30, true, St::Active, false),
        ("auto-renew off", end - Duration::days(5), 30, false, St::Active, false),
        ("suspended", end - Duration::days(5), 30, true, St::Suspended, false),
    ];
    for (case, today, within, auto_renew, status, listed) in rows {
        let mut s = paid(3, BF::Monthly, 1, 400, start);
        s.auto_renew = auto_renew;
        s.status = status;
        assert_eq!(renews_within(&s, today, within), listed, "{case}");
    }
}

// ---------------------------------------------------------------- ISV cancellation (RULES §4.6)

#[test]
fn isv_cancel_windows_at_their_edges() {
    let start = d(2018, 1, 13);
    let bought = at(start, 10, 0);
    // (case, billing, time after the order, expect full credit, its calendar days left)
    let rows: &[(&str, BF, Duration, bool, i64)] = &[
        ("monthly 0 min", BF::Monthly, Duration::zero(), true, 1),
        ("monthly 23h59m", BF::Monthly, Duration::minutes(23 * 60 + 59), true, 0),
        ("monthly 24h", BF::Monthly, Duration::hours(24), false, 0),
        ("annual day 13 (13d 23h59m)", BF::Annual, Duration::days(14) - Duration::minutes(1), true, 0),
        ("annual day 14", BF::Annual, Duration::days(14), false, 0),
        ("annual 24h is still inside", BF::Annual, Duration::hours(24), true, 13),
        ("annual 0 min", BF::Annual, Duration::zero(), true, 14),
    ];
    for (case, billing, after, full, left) in rows {
        let mut state = with(vec![isv(1, *billing, start)]);
        let now = bought + *after;
        advance(&mut state, now);
        let charged: i64 = ledger_of(&state, 1).iter().sum();
        let quote = cancel_quote(&state, &state.subscriptions[&sid(1)], now).unwrap();
        let events = run(&mut state, cancel(1), now).unwrap();
        if *full {
            assert!(
                matches!(quote, CancelQuote::FullCredit { amount, until, days_left }
                    if amount.minor == charged && until > now && days_left == *left),
                "{case}: {quote:?}"
            );
            assert_eq!(amounts(&events), vec![-charged], "{case}");
            assert_eq!(status(&state, 1), St::Cancelled, "{case}");
            assert!(!state.subscriptions[&sid(1)].auto_renew, "{case}: a cancelled subscription does not auto-renew");
        } else {
            let renewal = term_end(start, 12) + Duration::days(1);
            assert_eq!(quote, CancelQuote::Scheduled { on: renewal }, "{case}");
            assert_eq!(amounts(&events), Vec::<i64>::new(), "{case}: nothing credited");
            assert_eq!(status(&state, 1), St::Active, "{case}");
            assert_eq!(state.subscriptions[&sid(1)].cancel_at, Some(renewal), "{case}");
            let again = run(&mut state, cancel(1), now).unwrap_err();
            assert_eq!(
                again.violations,
                vec![Violation::CancellationAlreadyScheduled { on: renewal }],
                "{case}: Cancel no longer offered"
            );
            advance(&mut state, at(renewal - Duration::days(1), 12, 0));
            assert_eq!(status(&state, 1), St::Active, "{case}: active until the renewal date");
            let due = advance(&mut state, at(renewal, 0, 0));
            assert_eq!(status(&state, 1), St::Cancelled, "{case}: cancelled at renewal");
            assert_eq!(amounts(&due), Vec::<i64>::new(), "{case}: not renewed");
        }
    }
}

/// The optional details of the cancel dialog reach the activity log, trimmed and bounded.
#[test]
fn isv_cancel_details_are_kept_in_the_activity_log() {
    let start = d(2018, 1, 13);
    let long = "x".repeat(600);
    let rows: &[(&str, &str, String)] = &[
        ("none", "", String::new()),
        ("trimmed", "  Moving to another vendor  ", "Moving to another vendor".to_string()),
        ("bounded", long.as_str(), "x".repeat(500)),
    ];
    for (case, details, want) in rows {
        let mut state = with(vec![isv(1, BF::Monthly, start)]);
        let now = at(start, 11, 0);
        advance(&mut state, now);
        let cmd = Command::CancelIsvSubscription { subscription: sid(1), details: details.to_string() };
        run(&mut state, cmd, now).unwrap();
        let entry = state.audit.last().expect("the cancellation is logged");
        let sub = &state.subscriptions[&sid(1)];
        let expected = format!("{} {} {want}", sub.id, sub.name);
        assert_eq!(entry.details, expected.trim_end(), "{case}");
    }
}

#[test]
fn metered_and_trial_isv_cancellations() {
    let start = d(2018, 1, 13);
    let inside = at(start, 11, 0);
    let metered = Subscription { metered: true, ..isv(1, BF::Monthly, start) };
    let mut state = with(vec![metered]);
    assert_eq!(cancel_quote(&state, &state.subscriptions[&sid(1)], inside), Ok(CancelQuote::Deprovision));
    let events = run(&mut state, cancel(1), inside).unwrap();
    assert_eq!(amounts(&events), Vec::<i64>::new(), "metered: never refunded, even inside the window");
    assert_eq!(status(&state, 1), St::Cancelled);

    let trial = Subscription { trial_ends: Some(start + Duration::days(30)), ..isv(1, BF::Monthly, start) };
    let mut state = with(vec![trial]);
    assert_eq!(ledger_of(&state, 1), Vec::<i64>::new(), "a free trial is not charged");
    let late = at(start + Duration::days(20), 9, 0);
    assert_eq!(cancel_quote(&state, &state.subscriptions[&sid(1)], late), Ok(CancelQuote::Free));
    run(&mut state, cancel(1), late).unwrap();
    assert_eq!(status(&state, 1), St::Cancelled);
}

// ---------------------------------------------------------------- trials (RULES §4.5)

#[test]
fn microsoft_trial_expires_on_day_30_unless_converted() {
    let start = d(2018, 1, 13);
    let mut state = with(vec![ms_trial(1, start)]);
    assert_eq!(ledger_of(&state, 1), Vec::<i64>::new(), "trials are not billed");
    advance(&mut state, at(start + Duration::days(29), 23, 59));
    assert_eq!(status(&state, 1), St::Active, "day 29");
    let due = advance(&mut state, at(start + Duration::days(30), 0, 0));
    assert_eq!(status(&state, 1), St::Expired, "day 30");
    assert_eq!(DueSummary::of(&due).trials_expired, 1);
}

#[test]
fn converting_a_trial_keeps_the_id_and_starts_a_new_term() {
    let start = d(2018, 1, 13);
    let day = start + Duration::days(10);
    // (case, billing, expected first charge at the catalog's price of the paid offer)
    let rows: &[(&str, BF, i64)] = &[("monthly", BF::Monthly, 5 * 2_000), ("annual", BF::Annual, 5 * 24_000)];
    for (case, billing, charge) in rows {
        let mut state = with(vec![ms_trial(1, start)]);
        let events = run(&mut state, convert(1, 5, *billing), at(day, 9, 0)).unwrap();
        assert_eq!(amounts(&events), vec![*charge], "{case}");
        let s = &state.subscriptions[&sid(1)];
        assert_eq!((s.id.clone(), s.quantity, s.billing, s.trial_ends), (sid(1), 5, *billing, None), "{case}");
        assert_eq!(
            (s.offer.as_str(), s.name.as_str(), s.min_quantity, s.max_quantity),
            ("O365E3", "Offer O365E3", 1, Some(300)),
            "{case}: the paid offer of the catalog"
        );
        assert_eq!((s.term_start, s.term_end), (day, term_end(day, 12)), "{case}: new 12-month term");
        advance(&mut state, at(start + Duration::days(31), 0, 0));
        assert_eq!(status(&state, 1), St::Active, "{case}: a converted trial does not expire");
        assert_eq!(state.subscriptions.len(), 1, "{case}: no new subscription");
    }
    // (case, trial's offer, quantity, billing, violations)
    type Row = (&'static str, &'static str, u32, BF, Vec<Violation>);
    let refusals: Vec<Row> = vec![
        (
            "every violation at once",
            "O365E3-TRIAL",
            0,
            BF::OneTime,
            vec![
                Violation::BillingFrequencyNotAllowed { billing: BF::OneTime },
                Violation::QuantityOutOfRange { requested: 0, min: 1, max: Some(300) },
            ],
        ),
        (
            "above the paid offer's maximum",
            "O365E3-TRIAL",
            301,
            BF::Monthly,
            vec![Violation::QuantityOutOfRange { requested: 301, min: 1, max: Some(300) }],
        ),
        (
            "the paid offer left the catalog",
            "ORPHAN-TRIAL",
            5,
            BF::Monthly,
            vec![Violation::NoSuchOffer { offer: OfferId("GONE".into()) }],
        ),
        ("a trial the catalog does not know", "UNKNOWN-TRIAL", 5, BF::Monthly, vec![Violation::NotAConvertibleTrial]),
    ];
    for (case, offer, quantity, billing, want) in refusals {
        let mut state = with(vec![Subscription { offer: OfferId(offer.into()), ..ms_trial(1, start) }]);
        let err = run(&mut state, convert(1, quantity, billing), at(day, 9, 0)).unwrap_err();
        assert_eq!(err.violations, want, "{case}");
    }
    let mut state = with(vec![ms_trial(1, start)]);
    let err = run(&mut state, convert(1, 5, BF::Monthly), at(start + Duration::days(30), 9, 0)).unwrap_err();
    assert_eq!(
        err.violations,
        vec![Violation::TrialEnded { ended: start + Duration::days(30) }],
        "day 30 before the clock ran"
    );
}

#[test]
fn isv_trial_turns_paid_by_itself() {
    let start = d(2018, 1, 13);
    let ends = start + Duration::days(30);
    let mut state = with(vec![Subscription { trial_ends: Some(ends), ..isv(1, BF::Monthly, start) }]);
    let due = advance(&mut state, at(ends, 0, 0));
    assert_eq!(amounts(&due), vec![1000], "first paid month charged");
    assert_eq!(DueSummary::of(&due).trials_converted, 1);
    let s = &state.subscriptions[&sid(1)];
    assert_eq!((s.status, s.trial_ends, s.term_start, s.term_end), (St::Active, None, ends, term_end(ends, 12)));
    let due = advance(&mut state, at(ends + Duration::days(31), 0, 0));
    assert_eq!(amounts(&due), vec![1000], "then renews on the same monthly schedule");
}

// ---------------------------------------------------------------- add-ons (RULES §4.4)

#[test]
fn add_on_aligns_to_its_base_and_follows_it() {
    let start = d(2018, 1, 13);
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, start)]);
    let events = run(&mut state, add_on(1, 2), at(d(2018, 2, 1), 9, 0)).unwrap();
    assert_eq!(amounts(&events), vec![312], "Feb 1–Feb 12 of a 31-day cycle, 2 licenses");
    let a = state.subscriptions[&sid(2)].clone();
    assert_eq!(
        (a.offer.as_str(), a.name.as_str(), a.unit_price, a.min_quantity, a.max_quantity),
        ("AUDIO", "Audio Conferencing", usd(400), 1, Some(10_000)),
        "offer, name, price and bounds from the catalog"
    );
    assert_eq!(
        (a.base.clone(), a.term_start, a.term_end, a.billed_through),
        (Some(sid(1)), start, term_end(start, 12), Some(d(2018, 2, 12)))
    );
    let due = advance(&mut state, at(d(2018, 2, 13), 0, 0));
    assert_eq!(amounts(&due), vec![800, 800], "base and add-on billed on the same anniversary");

    run(&mut state, suspend(1), at(d(2018, 3, 1), 9, 0)).unwrap();
    assert_eq!(
        (status(&state, 1), status(&state, 2)),
        (St::Suspended, St::Suspended),
        "suspending the base suspends its add-ons"
    );
    let err = run(&mut state, reactivate(2), at(d(2018, 3, 2), 9, 0)).unwrap_err();
    assert_eq!(err.violations, vec![Violation::BaseNotActive { base: sid(1), status: St::Suspended }]);
    run(&mut state, reactivate(1), at(d(2018, 3, 2), 9, 0)).unwrap();
    assert_eq!(status(&state, 2), St::Suspended, "the add-on is reactivated on its own");
    run(&mut state, reactivate(2), at(d(2018, 3, 2), 9, 0)).unwrap();
    assert_eq!(status(&state, 2), St::Active);
}

#[test]
fn add_on_refusals() {
    let now = at(d(2018, 2, 1), 9, 0);
    // (case, partner model, base setup, violations)
    let rows: &[(&str, CspModel, Setup, &[Violation])] = &[
        ("direct bill, active base", CspModel::DirectBill, Setup::Active, &[]),
        ("indirect provider", CspModel::IndirectProvider, Setup::Active, &[]),
        (
            "indirect reseller",
            CspModel::IndirectReseller,
            Setup::Active,
            &[Violation::AddOnsNotAllowedForModel { model: CspModel::IndirectReseller }],
        ),
        (
            "suspended base",
            CspModel::DirectBill,
            Setup::Suspended,
            &[Violation::BaseNotActive { base: sid(1), status: St::Suspended }],
        ),
    ];
    for (case, model, setup, want) in rows {
        let mut state = set_up(*setup, paid(1, BF::Monthly, 2, 400, d(2018, 1, 13)));
        state.partner.model = *model;
        let got = run(&mut state, add_on(1, 1), now).err().map(|r| r.violations).unwrap_or_default();
        assert_eq!(&got, want, "{case}");
    }
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, d(2018, 1, 13))]);
    run(&mut state, add_on(1, 1), now).unwrap();
    let err = run(&mut state, add_on(2, 1), now).unwrap_err();
    let audio = OfferId("AUDIO".into());
    assert_eq!(
        err.violations,
        vec![
            Violation::BaseIsAddOn { base: sid(2) },
            Violation::AddOnNotForBase { add_on: audio.clone(), base_offer: audio },
        ],
        "an add-on is no base, and the catalog does not list one add-on as another's base"
    );
}

#[test]
fn add_ons_follow_the_catalog() {
    let now = at(d(2018, 2, 1), 9, 0);
    let id = |s: &str| OfferId(s.into());
    // (case, base billing, add-on offer, quantity, violations; empty = bought at `price` a period)
    type Row = (&'static str, BF, &'static str, u32, Vec<Violation>, i64);
    let rows: Vec<Row> = vec![
        ("monthly base: the monthly price", BF::Monthly, "AUDIO", 1, vec![], 400),
        ("annual base: the annual price", BF::Annual, "AUDIO", 1, vec![], 4_800),
        ("unknown offer", BF::Monthly, "NOPE", 1, vec![Violation::NoSuchOffer { offer: id("NOPE") }], 0),
        ("not an add-on", BF::Monthly, "O365E3", 1, vec![Violation::NotAnAddOn { offer: id("O365E3") }], 0),
        (
            "for another base",
            BF::Monthly,
            "OTHER-BASE",
            1,
            vec![Violation::AddOnNotForBase { add_on: id("OTHER-BASE"), base_offer: id("O365E3") }],
            0,
        ),
        (
            "not sold in the customer's country",
            BF::Monthly,
            "AUDIO-FR",
            1,
            vec![Violation::OfferNotEligible {
                offer: id("AUDIO-FR"),
                reasons: vec![
                    crate::eligibility::Ineligible::NotSoldInCustomerCountry { country: "US".into() },
                    crate::eligibility::Ineligible::NotSoldInPartnerCountry { country: "US".into() },
                ],
            }],
            0,
        ),
        (
            "no price for the base's billing",
            BF::Annual,
            "MONTHLY-ONLY",
            1,
            vec![Violation::NoPriceForBilling { offer: id("MONTHLY-ONLY"), billing: BF::Annual }],
            0,
        ),
        (
            "no license",
            BF::Monthly,
            "AUDIO",
            0,
            vec![Violation::QuantityOutOfRange { requested: 0, min: 1, max: Some(10_000) }],
            0,
        ),
        (
            "above the add-on's maximum",
            BF::Monthly,
            "AUDIO",
            10_001,
            vec![Violation::QuantityOutOfRange { requested: 10_001, min: 1, max: Some(10_000) }],
            0,
        ),
    ];
    for (case, billing, offer, quantity, want, price) in rows {
        let mut state = with(vec![paid(1, billing, 2, 400, d(2018, 1, 13))]);
        match run(&mut state, add_on_of(1, offer, quantity), now) {
            Ok(_) => {
                assert!(want.is_empty(), "{case}: refused with {want:?} expected");
                assert_eq!(state.subscriptions[&sid(2)].unit_price, usd(price), "{case}");
            }
            Err(e) => assert_eq!(e.violations, want, "{case}"),
        }
    }
    // The customer must be known: eligibility is the customer's.
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, d(2018, 1, 13))]);
    state.customers.clear();
    let err = run(&mut state, add_on(1, 1), now).unwrap_err();
    assert_eq!(err.violations, vec![Violation::NoSuchCustomer { customer: CustomerId("C-0001".into()) }]);
}

// ---------------------------------------------------------------- auto-renew, renewal, end of term (RULES §4.2)

#[test]
fn renewal_and_end_of_term() {
    let start = d(2018, 1, 13);
    let renewal = d(2019, 1, 13);
    // (case, billing, commercial marketplace, auto-renew wanted, outcome status, charge at renewal)
    type Row = (&'static str, BF, bool, bool, St, &'static [i64]);
    let rows: &[Row] = &[
        ("annual renews, charged a year", BF::Annual, false, true, St::Active, &[4800]),
        ("monthly renews, charged a month", BF::Monthly, false, true, St::Active, &[4800]),
        ("marketplace, auto-renew off → Expired", BF::Annual, true, false, St::Expired, &[]),
    ];
    for (case, billing, market, renew, outcome, charge) in rows {
        let mut state =
            with(vec![Subscription { commercial_marketplace: *market, ..paid(1, *billing, 1, 4800, start) }]);
        if !renew {
            run(&mut state, Command::SetAutoRenew { subscription: sid(1), auto_renew: false }, at(start, 11, 0))
                .unwrap();
        }
        advance(&mut state, at(renewal - Duration::days(1), 12, 0));
        let due = advance(&mut state, at(renewal, 0, 0));
        assert_eq!(status(&state, 1), *outcome, "{case}");
        assert_eq!(amounts(&due), charge.to_vec(), "{case}");
        if *outcome == St::Active {
            let s = &state.subscriptions[&sid(1)];
            assert_eq!((s.term_start, s.term_end), (renewal, d(2020, 1, 12)), "{case}: new term");
            assert_eq!(DueSummary::of(&due).renewals, 1, "{case}");
        } else {
            assert_eq!(DueSummary::of(&due).terms_ended, 1, "{case}");
        }
    }
    let mut state = with(vec![paid(1, BF::Annual, 1, 4800, start)]);
    let err = run(&mut state, Command::SetAutoRenew { subscription: sid(1), auto_renew: false }, at(start, 11, 0))
        .unwrap_err();
    assert_eq!(err.violations, vec![Violation::AutoRenewNotChangeable], "not a commercial-marketplace subscription");
}

// ---------------------------------------------------------------- the clock (RULES §8)

#[test]
fn running_the_same_day_twice_changes_nothing() {
    let start = d(2018, 1, 13);
    let subs = vec![
        paid(1, BF::Monthly, 2, 400, start),
        paid(2, BF::Annual, 1, 4800, start),
        ms_trial(3, start),
        Subscription { trial_ends: Some(start + Duration::days(30)), ..isv(4, BF::Monthly, start) },
        Subscription { cancel_at: Some(d(2018, 2, 13)), ..isv(5, BF::Monthly, start) },
        Subscription {
            status: St::Suspended,
            suspended_at: Some(at(start, 12, 0)),
            ..paid(6, BF::Monthly, 1, 400, start)
        },
    ];
    let mut state = with(subs);
    for day in [d(2018, 2, 13), d(2018, 4, 13), d(2019, 1, 13)] {
        let moment = at(day, 0, 0);
        let first = advance(&mut state, moment);
        assert!(!DueSummary::of(&first).eq(&DueSummary::default()), "{day}: something was due");
        let snapshot = (state.ledger.clone(), state.subscriptions.clone(), state.subscription_log.clone());
        assert!(due_at(&state, moment).is_empty(), "{day}: nothing left due");
        let again = advance(&mut state, moment);
        assert_eq!(again.iter().filter(|e| !matches!(e, Event::ClockAdvanced { .. } | Event::Audited(_))).count(), 0);
        assert_eq!(
            (state.ledger.clone(), state.subscriptions.clone(), state.subscription_log.clone()),
            snapshot,
            "{day}"
        );
    }
    // Replaying every event from the start rebuilds the same records.
    let statuses: Vec<St> = (1..=6).map(|n| status(&state, n)).collect();
    assert_eq!(statuses, vec![St::Active, St::Active, St::Expired, St::Active, St::Cancelled, St::Deleted]);
}

#[test]
fn due_events_are_deterministic_and_linear() {
    let start = d(2018, 1, 13);
    let subs: Vec<Subscription> = (1..=200).map(|n| paid(n, BF::Monthly, 1, 400, start)).collect();
    let state = with(subs);
    let events = due_at(&state, at(d(2018, 2, 13), 0, 0));
    assert_eq!(amounts(&events).len(), 200, "one cycle charge each");
    assert_eq!(events, due_at(&state, at(d(2018, 2, 13), 0, 0)));
    let ids: std::collections::BTreeSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::LedgerPosted(l) => Some(l.id.0.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(ids.len(), 200, "ledger IDs are unique within one run");
}

// ---------------------------------------------------------------- read side

#[test]
fn renewals_view_rows() {
    let now = at(d(2018, 1, 13), 12, 0);
    let subs = vec![
        paid(1, BF::Annual, 1, 4800, d(2017, 3, 1)), // renews 2018-03-01 (47 d)
        Subscription { auto_renew: false, ..paid(2, BF::Annual, 1, 4800, d(2017, 2, 1)) }, // term ends 2018-02-01 (19 d)
        ms_trial(3, d(2018, 1, 1)), // trial ends 2018-01-31 (18 d)
        Subscription {
            status: St::Suspended,
            suspended_at: Some(at(d(2017, 11, 20), 9, 0)),
            ..paid(4, BF::Monthly, 1, 400, d(2017, 6, 1))
        }, // deleted 2018-02-18 (36 d)
        Subscription { cancel_at: Some(d(2018, 4, 10)), ..isv(5, BF::Monthly, d(2017, 4, 10)) }, // 87 d
        paid(6, BF::Annual, 1, 4800, d(2017, 8, 1)), // renews 2018-08-01: beyond 90
    ];
    let mut state = demo_state(now);
    for s in subs {
        state.subscriptions.insert(s.id.clone(), s);
    }
    let rows: &[(u32, &[(u64, UpcomingKind)])] = &[
        (30, &[(3, UpcomingKind::TrialEnds), (2, UpcomingKind::TermEnds)]),
        (
            60,
            &[
                (3, UpcomingKind::TrialEnds),
                (2, UpcomingKind::TermEnds),
                (4, UpcomingKind::SuspensionExpires),
                (1, UpcomingKind::Renewal),
            ],
        ),
        (
            90,
            &[
                (3, UpcomingKind::TrialEnds),
                (2, UpcomingKind::TermEnds),
                (4, UpcomingKind::SuspensionExpires),
                (1, UpcomingKind::Renewal),
                (5, UpcomingKind::ScheduledCancellation),
            ],
        ),
    ];
    for (days, want) in rows {
        let got: Vec<(u64, UpcomingKind)> = renewals_within(&state, now, *days)
            .iter()
            .map(|u| (u.subscription.0[2..].parse().unwrap(), u.kind))
            .collect();
        assert_eq!(&got, want, "within {days} days");
    }
}

#[test]
fn quantity_preview_matches_what_submit_posts() {
    let now = at(d(2018, 2, 1), 9, 0);
    let mut state = with(vec![paid(1, BF::Annual, 1, 4800, d(2018, 1, 13))]);
    let preview = quantity_preview(&state, &sid(1), 2, now).unwrap();
    let before = state.clone();
    assert_eq!(preview.iter().map(|e| e.amount.minor).collect::<Vec<_>>(), vec![-4800, 247, 8996]);
    assert_eq!(state, before, "a preview changes nothing");
    run(&mut state, quantity(1, 2), now).unwrap();
    assert_eq!(&state.ledger[1..], preview.as_slice());
    assert!(quantity_preview(&state, &sid(1), 2, now).is_err(), "unchanged quantity");
}

#[test]
fn available_add_ons_are_those_the_command_would_accept() {
    let now = at(d(2018, 2, 1), 9, 0);
    // (case, partner model, base setup, base billing, offers listed with their price a period)
    type Row = (&'static str, CspModel, Setup, BF, Vec<(&'static str, i64)>);
    let rows: Vec<Row> = vec![
        (
            "monthly base: its own add-ons, eligible, with a monthly price",
            CspModel::DirectBill,
            Setup::Active,
            BF::Monthly,
            vec![("AUDIO", 400), ("MONTHLY-ONLY", 400)],
        ),
        (
            "annual base: only add-ons with an annual price",
            CspModel::DirectBill,
            Setup::Active,
            BF::Annual,
            vec![("AUDIO", 4_800)],
        ),
        (
            "indirect provider",
            CspModel::IndirectProvider,
            Setup::Active,
            BF::Monthly,
            vec![("AUDIO", 400), ("MONTHLY-ONLY", 400)],
        ),
        ("indirect reseller: none", CspModel::IndirectReseller, Setup::Active, BF::Monthly, vec![]),
        ("suspended base: none", CspModel::DirectBill, Setup::Suspended, BF::Monthly, vec![]),
        ("deleted base: none", CspModel::DirectBill, Setup::Deleted, BF::Monthly, vec![]),
    ];
    for (case, model, setup, billing, want) in rows {
        let mut state = set_up(setup, paid(1, billing, 2, 400, d(2018, 1, 13)));
        state.partner.model = model;
        let choices = available_add_ons(&state, &sid(1), now);
        let got: Vec<(&str, i64)> = choices.iter().map(|c| (c.offer.as_str(), c.unit_price.minor)).collect();
        assert_eq!(got, want, "{case}");
    }
    // An add-on is no base: nothing is offered on its page.
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, d(2018, 1, 13))]);
    run(&mut state, add_on(1, 1), now).unwrap();
    assert!(available_add_ons(&state, &sid(2), now).is_empty());
    assert!(available_add_ons(&state, &sid(9), now).is_empty(), "unknown base");
}

#[test]
fn add_on_and_conversion_previews_match_what_submit_posts() {
    let now = at(d(2018, 2, 1), 9, 0);
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, d(2018, 1, 13))]);
    let audio = OfferId("AUDIO".into());
    let before = state.clone();
    let preview = add_on_preview(&state, &sid(1), &audio, 3, now).unwrap();
    assert_eq!(state, before, "a preview changes nothing");
    assert!(add_on_preview(&state, &sid(1), &audio, 0, now).is_err(), "no license");
    run(&mut state, add_on(1, 3), now).unwrap();
    assert_eq!(&state.ledger[1..], preview.as_slice());

    let start = d(2018, 1, 13);
    let mut state = with(vec![ms_trial(1, start)]);
    let trial = state.subscriptions[&sid(1)].clone();
    assert_eq!(conversion_offer(&state, &trial).map(|o| o.id.as_str()), Some("O365E3"));
    let day = at(start + Duration::days(3), 9, 0);
    let preview = conversion_preview(&state, &sid(1), 5, BF::Annual, day).unwrap();
    assert_eq!(preview.iter().map(|e| e.amount.minor).collect::<Vec<_>>(), vec![5 * 24_000]);
    let err = conversion_preview(&state, &sid(1), 301, BF::Annual, day).unwrap_err();
    assert_eq!(err.violations, vec![Violation::QuantityOutOfRange { requested: 301, min: 1, max: Some(300) }]);
    run(&mut state, convert(1, 5, BF::Annual), day).unwrap();
    assert_eq!(state.ledger.as_slice(), preview.as_slice());
    let paid_sub = state.subscriptions[&sid(1)].clone();
    assert_eq!(conversion_offer(&state, &paid_sub), None, "a paid subscription converts to nothing");
}

#[test]
fn history_lists_changes_and_money_newest_first() {
    let mut state = with(vec![paid(1, BF::Monthly, 1, 400, d(2018, 1, 13))]);
    run(&mut state, quantity(1, 2), at(d(2018, 2, 1), 9, 0)).unwrap();
    advance(&mut state, at(d(2018, 3, 1), 0, 0));
    run(&mut state, suspend(1), at(d(2018, 3, 1), 9, 0)).unwrap();
    let h = history(&state, &sid(1));
    let times: Vec<DateTime<Utc>> = h.iter().map(HistoryItem::at).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    assert!(matches!(&h[0], HistoryItem::Change(c) if c.change == SubscriptionChange::Suspended));
    assert!(matches!(&h[1], HistoryItem::Ledger(l) if l.amount.minor == -348), "its credit below it: {:?}", h[1]);
    assert!(matches!(&h[h.len() - 2], HistoryItem::Change(c) if c.change == SubscriptionChange::Purchased));
    assert!(matches!(h.last(), Some(HistoryItem::Ledger(l)) if l.charge_type == ChargeType::Purchase));
    let money: i64 =
        h.iter().filter_map(|i| if let HistoryItem::Ledger(l) = i { Some(l.amount.minor) } else { None }).sum();
    assert_eq!(money, ledger_of(&state, 1).iter().sum::<i64>());
}

#[test]
fn records_written_before_the_billing_fields_still_load() {
    let sub = paid(1, BF::Monthly, 2, 400, d(2018, 1, 13));
    let mut json = serde_json::to_value(&sub).unwrap();
    let later = [
        "publisher",
        "metered",
        "commercial_marketplace",
        "min_quantity",
        "max_quantity",
        "billed_through",
        "segments",
    ];
    let fields = json.as_object_mut().expect("a subscription is an object");
    fields.retain(|k, _| !later.contains(&k.as_str()));
    let back: Subscription = serde_json::from_value(json).unwrap();
    assert_eq!(
        (back.publisher, back.metered, back.commercial_marketplace, back.min_quantity, back.max_quantity),
        (PublisherKind::Microsoft, false, false, 1, None)
    );
    assert_eq!((back.billed_through, back.segments.len()), (None, 0));
}

// ---------------------------------------------------------------- property: never overcharged

mod props {
    use super::*;
    use crate::billing::{period_containing, Period};
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Op {
        Quantity(u32),
        Suspend,
        Reactivate,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![4 => (1u32..8).prop_map(Op::Quantity), 1 => Just(Op::Suspend), 1 => Just(Op::Reactivate)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Over a full term, what the ledger holds for a subscription never exceeds what its licenses cost
        /// for the days they existed (exact license-day cost), plus the rounding the RULES formula itself
        /// allows on each prorated line: at most half a minor unit per day and per license of that line.
        #[test]
        fn ledger_never_exceeds_license_days(
            annual in any::<bool>(),
            unit in 1i64..200_000,
            q0 in 1u32..8,
            ops in prop::collection::vec((0i64..365, op()), 0..12),
        ) {
            let start = d(2018, 1, 13);
            let billing = if annual { BF::Annual } else { BF::Monthly };
            let mut state = with(vec![paid(1, billing, q0, unit, start)]);
            let term = Period { start, end: term_end(start, 12) };
            let mut ops = ops;
            ops.sort_by_key(|(day, _)| *day);
            let mut held: Vec<u32> = Vec::new(); // licenses held at the end of each day of the term
            let mut day = start;
            let mut next = 0;
            while day <= term.end {
                let clock = state.clock;
                advance(&mut state, at(day, 0, 0).max(clock));
                while next < ops.len() && start + Duration::days(ops[next].0) == day {
                    let cmd = match ops[next].1 {
                        Op::Quantity(q) => quantity(1, q),
                        Op::Suspend => suspend(1),
                        Op::Reactivate => reactivate(1),
                    };
                    let _ = run(&mut state, cmd, at(day, 12, 0));
                    next += 1;
                }
                let s = &state.subscriptions[&sid(1)];
                held.push(if s.status == St::Active { s.quantity } else { 0 });
                day += Duration::days(1);
            }
            // Exact cost per billing period: unit × license-days / days in period (rounded up, in minor units).
            let mut exact: i128 = 0;
            let mut p = term.start;
            while p <= term.end {
                let period = period_containing(billing, term, p).unwrap();
                let license_days: i128 = (0..period.days() as i64)
                    .map(|i| held[((period.start - start).num_days() + i) as usize] as i128)
                    .sum();
                exact += (unit as i128 * license_days + period.days() as i128 - 1) / period.days() as i128;
                p = period.end + Duration::days(1);
            }
            let id = sid(1);
            let entries: Vec<&crate::ledger::LedgerEntry> = crate::ledger::entries_of(&state, &id).collect();
            let allowance: i128 = entries
                .iter()
                .filter_map(|e| {
                    let service = e.service?;
                    let period = period_containing(billing, term, service.start)?;
                    (service.days() < period.days()).then(|| (service.days() + e.quantity) as i128 / 2 + 1)
                })
                .sum();
            let net: i128 = entries.iter().map(|e| e.amount.minor as i128).sum();
            prop_assert_eq!(held.len(), term.days() as usize, "every day of the term was run");
            prop_assert!(net <= exact + allowance, "net {net} > exact {exact} + allowance {allowance}");
            prop_assert!(net >= 0, "never a net credit beyond what was paid: {net}");
        }
    }
}

/// Every kind of change the clock makes is a patch: the record it leaves is the one the rule gives
/// (written out here field by field), and applying the patch event changes the state exactly as the
/// whole new record in a `SubscriptionUpdated` would (what the clock emitted before patches).
#[test]
fn each_clock_change_patches_the_record_as_the_whole_record_would() {
    let start = d(2025, 1, 15);
    let trial_end = start + Duration::days(30);
    let suspended = |sub: Subscription, on: NaiveDate| Subscription {
        status: St::Suspended,
        suspended_at: Some(at(on, 12, 0)),
        ..sub
    };
    let isv_trial = Subscription { trial_ends: Some(trial_end), ..isv(1, BF::Monthly, start) };
    // Retention: 90 days after the suspension on 1 March (no gap between the account's opening and first billing).
    let deleted_on = d(2025, 5, 30);
    // (case, the subscription, the day the clock runs, the change, the record the change leaves)
    type Row = (&'static str, Subscription, NaiveDate, SubscriptionChange, fn(Subscription) -> Subscription);
    let rows: Vec<Row> = vec![
        (
            "monthly cycle",
            paid(1, BF::Monthly, 3, 2_000, start),
            d(2025, 2, 15),
            SubscriptionChange::CycleBilled { period: Period { start: d(2025, 2, 15), end: d(2025, 3, 14) } },
            |s| Subscription {
                billed_through: Some(d(2025, 3, 14)),
                segments: vec![crate::billing::QuantitySegment { from: d(2025, 2, 15), quantity: 3 }],
                ..s
            },
        ),
        (
            "annual renewal",
            paid(1, BF::Annual, 2, 24_000, start),
            d(2026, 1, 15),
            SubscriptionChange::Renewed { term: Period { start: d(2026, 1, 15), end: d(2027, 1, 14) } },
            |s| Subscription {
                term_start: d(2026, 1, 15),
                term_end: d(2027, 1, 14),
                billed_through: Some(d(2027, 1, 14)),
                segments: vec![crate::billing::QuantitySegment { from: d(2026, 1, 15), quantity: 2 }],
                ..s
            },
        ),
        (
            "end of term, auto-renew off",
            Subscription { auto_renew: false, ..paid(1, BF::Annual, 2, 24_000, start) },
            d(2026, 1, 15),
            SubscriptionChange::TermEnded,
            |s| Subscription { status: St::Expired, ..s },
        ),
        ("Microsoft trial ends", ms_trial(1, start), trial_end, SubscriptionChange::TrialExpired, |s| Subscription {
            status: St::Expired,
            ..s
        }),
        ("ISV trial ends, paid", isv_trial, trial_end, SubscriptionChange::TrialEndedPaid, |s| Subscription {
            trial_ends: None,
            term_start: d(2025, 2, 14),
            term_end: d(2026, 2, 13),
            billed_through: Some(d(2025, 3, 13)),
            segments: vec![crate::billing::QuantitySegment { from: d(2025, 2, 14), quantity: 1 }],
            ..s
        }),
        (
            "scheduled cancellation",
            Subscription { cancel_at: Some(d(2025, 6, 1)), ..isv(1, BF::Annual, start) },
            d(2025, 6, 1),
            SubscriptionChange::Cancelled { credited: false },
            |s| Subscription { status: St::Cancelled, ..s },
        ),
        (
            "suspended: the term rolls over uncharged",
            suspended(paid(1, BF::Annual, 2, 24_000, d(2024, 6, 1)), d(2025, 5, 1)),
            d(2025, 6, 1),
            SubscriptionChange::Renewed { term: Period { start: d(2025, 6, 1), end: d(2026, 5, 31) } },
            |s| Subscription { term_start: d(2025, 6, 1), term_end: d(2026, 5, 31), ..s },
        ),
        (
            "suspended: retention over, deleted",
            suspended(paid(1, BF::Annual, 2, 24_000, start), d(2025, 3, 1)),
            deleted_on,
            SubscriptionChange::Deleted,
            |s| Subscription { status: St::Deleted, ..s },
        ),
    ];
    for (case, sub, day, want_change, expected) in rows {
        let state = with(vec![sub]);
        let before = state.subscriptions[&sid(1)].clone();
        let now = at(day, 0, 0);
        let events = due_at(&state, now);
        let patched: Vec<(&SubscriptionChange, &SubscriptionPatch)> = events
            .iter()
            .filter_map(|e| match e {
                Event::SubscriptionPatched { subscription, change, patch, .. } if *subscription == sid(1) => {
                    Some((change, patch))
                }
                _ => None,
            })
            .collect();
        assert_eq!(patched.len(), 1, "{case}: one change of the subscription");
        let (change, patch) = patched[0];
        assert_eq!(*change, want_change, "{case}: the change");
        let want = expected(before);

        let mut by_patch = state.clone();
        let mut by_record = state.clone();
        for e in &events {
            evolve(&mut by_patch, e);
            let whole = match e {
                Event::SubscriptionPatched { at, change, .. } => {
                    Event::SubscriptionUpdated { at: *at, change: change.clone(), subscription: Box::new(want.clone()) }
                }
                other => other.clone(),
            };
            evolve(&mut by_record, &whole);
        }
        assert_eq!(by_patch.subscriptions[&sid(1)], want, "{case}: the record left ({patch:?})");
        assert_eq!(by_patch, by_record, "{case}: the same state as the whole record gives (log included)");
    }
}

// ---------------------------------------------------------------- issue 16

/// Issue 16: a scheduled cancellation ends the subscription at renewal, so it no longer auto-renews, and
/// auto-renew cannot be turned back on while the cancellation stands.
#[test]
fn a_scheduled_isv_cancellation_turns_auto_renew_off() {
    let start = d(2018, 1, 13);
    let mut state = with(vec![isv(1, BF::Monthly, start)]);
    assert!(state.subscriptions[&sid(1)].auto_renew);
    let later = at(start + Duration::days(7), 9, 0);
    advance(&mut state, later);
    run(&mut state, cancel(1), later).unwrap();
    let sub = &state.subscriptions[&sid(1)];
    let on = sub.cancel_at.expect("scheduled");
    assert!(!sub.auto_renew, "a subscription that ends at renewal does not auto-renew");
    let err = run(&mut state, Command::SetAutoRenew { subscription: sid(1), auto_renew: true }, later).unwrap_err();
    assert_eq!(err.violations, vec![Violation::CancellationAlreadyScheduled { on }]);
    advance(&mut state, at(on - Duration::days(1), 12, 0));
    let due = advance(&mut state, at(on, 0, 0));
    assert_eq!(status(&state, 1), St::Cancelled, "still cancelled at renewal");
    assert_eq!(amounts(&due), Vec::<i64>::new(), "not renewed");
}

/// Issue 16 / RULES §4.3: Microsoft subscriptions may be suspended for any reason; any other (ISV SaaS)
/// only for non-payment or fraud, and the reason must be given.
#[test]
fn an_isv_subscription_is_suspended_only_for_non_payment_or_fraud() {
    let start = d(2018, 1, 13);
    let now = at(d(2018, 1, 20), 9, 0);
    let suspend_for = |reason| Command::SuspendSubscription { subscription: sid(1), reason };
    let mut state = with(vec![isv(1, BF::Monthly, start)]);
    let err = run(&mut state, suspend_for(None), now).unwrap_err();
    assert_eq!(err.violations, vec![Violation::SuspensionNeedsReason]);
    for reason in [SuspensionReason::NonPayment, SuspensionReason::Fraud] {
        let mut state = with(vec![isv(1, BF::Monthly, start)]);
        run(&mut state, suspend_for(Some(reason)), now).unwrap();
        assert_eq!(status(&state, 1), St::Suspended, "{reason:?}");
        let note = &state.audit.last().unwrap().details;
        assert!(note.contains(reason.code()), "the reason is in the activity log: {note}");
    }
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, start)]);
    run(&mut state, suspend_for(None), now).unwrap();
    assert_eq!(status(&state, 1), St::Suspended, "a Microsoft subscription needs no reason");
}

/// Issue 16: the history lists each billing cycle once — its ledger charge — not also the clock's
/// "cycle billed" change; a cycle that charged nothing (suspended) still appears once, as the change.
#[test]
fn history_lists_each_billing_cycle_once() {
    let start = d(2018, 1, 13);
    let mut state = with(vec![paid(1, BF::Monthly, 2, 400, start)]);
    advance(&mut state, at(d(2018, 4, 20), 9, 0));
    let h = history(&state, &sid(1));
    let cycle_changes = h
        .iter()
        .filter(|i| matches!(i, HistoryItem::Change(c) if matches!(c.change, SubscriptionChange::CycleBilled { .. })))
        .count();
    let cycle_charges =
        h.iter().filter(|i| matches!(i, HistoryItem::Ledger(l) if l.charge_type == ChargeType::CycleCharge)).count();
    assert_eq!(cycle_charges, 3, "Feb, Mar and Apr cycles charged: {h:?}");
    assert_eq!(cycle_changes, 0, "each cycle once, as its charge: {h:?}");
    // Suspended through a cycle: nothing is charged, so the change is the only line of that cycle.
    run(&mut state, suspend(1), at(d(2018, 4, 20), 10, 0)).unwrap();
    advance(&mut state, at(d(2018, 5, 20), 9, 0));
    let h = history(&state, &sid(1));
    let may = h
        .iter()
        .filter(|i| match i {
            HistoryItem::Change(c) => {
                matches!(c.change, SubscriptionChange::CycleBilled { period } if period.start == d(2018, 5, 13))
            }
            HistoryItem::Ledger(l) => l.service.is_some_and(|p| p.start == d(2018, 5, 13)),
        })
        .count();
    assert!(may <= 1, "the May cycle at most once: {h:?}");
}

#[test]
fn cancel_quote_days_run_from_the_order_to_three_days_past_the_full_credit_window() {
    let start = d(2018, 1, 13);
    // (case, billing, today, first day, last day)
    let rows = [
        ("annual: 14 days + 3", BF::Annual, start, start, d(2018, 1, 30)),
        ("monthly: 24 h + 3", BF::Monthly, start, start, d(2018, 1, 17)),
        ("and at least to today", BF::Monthly, d(2018, 3, 1), start, d(2018, 3, 1)),
    ];
    for (case, billing, today, first, last) in rows {
        let state = with(vec![isv(1, billing, start)]);
        let sub = &state.subscriptions[&sid(1)];
        assert_eq!(cancel_quote_days(&state, sub, today), Some((first, last)), "{case}");
    }
}
