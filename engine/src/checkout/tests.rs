use super::*;
use crate::cart::{LineInput, ReservationOptions};
use crate::catalog::{Catalog, PurchaseLimit};
use crate::customers::Segment;
use crate::ids::OfferId;
use crate::money::Currency;
use crate::records::{ReservationBilling, ReservationOptimize, Term};
use crate::roles::{Permission, Role};
use crate::testkit::{add_customer, add_sub, date, empty_state, now, offer, user_with};
use crate::{demo, execute, Command};
use std::sync::Arc;

fn builtin_setup(country: &str) -> (State, CustomerId) {
    let mut s = empty_state();
    let c = add_customer(&mut s, country, Segment::Commercial);
    (s, c)
}

/// A US customer with an active Azure plan (reservation lines need one), and the plan's ID.
fn with_plan() -> (State, CustomerId, SubscriptionId) {
    let (mut s, c) = builtin_setup("US");
    let plan = add_sub(&mut s, &c, "azure-plan", SubscriptionStatus::Active);
    (s, c, plan)
}

fn line(offer: &str, quantity: i64, billing: BillingFrequency, term: Term) -> LineInput {
    LineInput { offer: OfferId(offer.into()), quantity, billing, term, reservation: None }
}

fn ri(billing: ReservationBilling, term: Term, scope: ScopeChoice, sub: Option<&SubscriptionId>) -> LineInput {
    LineInput {
        offer: OfferId("ri-d2sv3-eastus".into()),
        quantity: 2,
        billing: BillingFrequency::OneTime,
        term,
        reservation: Some(ReservationOptions {
            azure_subscription: sub.cloned(),
            scope,
            optimize: ReservationOptimize::InstanceSizeFlexibility,
            billing,
        }),
    }
}

/// Add each line; a quantity Add to cart refuses is added at an allowed one, then changed in the cart
/// (where any whole number is kept, and blocks Buy).
fn fill(s: &mut State, c: &CustomerId, lines: &[LineInput]) -> CartId {
    let admin = demo::global_admin();
    for l in lines {
        let add = |s: &mut State, l: LineInput| {
            execute(s, &admin, Command::AddToCart { customer: c.clone(), line: l }, now())
        };
        match add(s, l.clone()) {
            Ok(_) => {}
            Err(r) => {
                let allowed = match &r.violations[..] {
                    [Violation::CartQuantityInvalid { issues, .. }] => match issues[..] {
                        [crate::cart::LineIssue::QuantityBelowMin { min }] => min,
                        [crate::cart::LineIssue::QuantityAboveMax { max }] => max,
                        [crate::cart::LineIssue::TrialQuantityFixed { required }] => required,
                        _ => panic!("{r:?}"),
                    },
                    _ => panic!("{r:?}"),
                };
                add(s, LineInput { quantity: allowed as i64, ..l.clone() }).unwrap();
                let line = s.carts[c].last_line;
                execute(s, &admin, Command::UpdateCartLine { customer: c.clone(), line, input: l.clone() }, now())
                    .unwrap();
            }
        }
    }
    s.carts[c].id.clone()
}

fn buy(s: &mut State, c: &CustomerId, cart: &CartId) -> Result<Vec<Event>, Rejection> {
    execute(s, &demo::global_admin(), Command::Checkout { customer: c.clone(), cart: cart.clone() }, now())
}

#[test]
fn one_order_per_billing_group() {
    use BillingFrequency::{Annual, Monthly, None as Free, OneTime};
    let m = |o, q| line(o, q, Monthly, Term::OneYear);
    let a = |o, q| line(o, q, Annual, Term::OneYear);
    let sw = |o, t| line(o, 2, OneTime, t);
    let free = |o, q| line(o, q, Free, Term::OneMonth);
    // (case, lines, billing of each order in order)
    type Case = (&'static str, Vec<LineInput>, Vec<(BillingFrequency, usize)>);
    let cases: Vec<Case> = vec![
        ("one monthly", vec![m("o365-e3", 10)], vec![(Monthly, 1)]),
        ("two monthly in one order", vec![m("o365-e3", 10), m("o365-e1", 3)], vec![(Monthly, 2)]),
        ("monthly and annual", vec![m("o365-e3", 10), a("o365-e5", 4)], vec![(Monthly, 1), (Annual, 1)]),
        (
            "every group",
            vec![
                free("o365-e1-trial", 25),
                sw("ws2022-std-sub", Term::ThreeYears),
                a("o365-e5", 4),
                m("o365-e3", 10),
                sw("ws2022-std-perpetual", Term::OneYear),
            ],
            vec![(Monthly, 1), (Annual, 1), (OneTime, 2), (Free, 1)],
        ),
        (
            "reservations follow their billing",
            vec![
                ri(ReservationBilling::Monthly, Term::OneYear, ScopeChoice::Shared, None),
                ri(ReservationBilling::Upfront, Term::ThreeYears, ScopeChoice::Shared, None),
            ],
            vec![(Monthly, 1), (OneTime, 1)],
        ),
    ];
    for (name, lines, want) in cases {
        let (mut s, c, _) = with_plan();
        let cart = fill(&mut s, &c, &lines);
        buy(&mut s, &c, &cart).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let orders = orders_of_cart(&s, &cart);
        let got: Vec<(BillingFrequency, usize)> = orders.iter().map(|o| (o.billing, o.lines.len())).collect();
        assert_eq!(got, want, "{name}");
        assert!(orders.iter().all(|o| o.status == OrderStatus::Completed && o.customer == c), "{name}");
        assert!(!s.carts.contains_key(&c), "{name}: the cart is emptied");
        let numbers: Vec<&str> = orders.iter().map(|o| o.number.as_str()).collect();
        let mut unique = numbers.clone();
        unique.dedup();
        assert_eq!(unique.len(), numbers.len(), "{name}: distinct order numbers");
        let created = s.subscriptions.len() - 1 + s.software.len() + s.reservations.len();
        assert_eq!(created, lines.len(), "{name}: one record per line");
    }
}

#[test]
fn records_carry_their_dates_and_terms() {
    let (mut s, c, plan) = with_plan();
    let cart = fill(
        &mut s,
        &c,
        &[
            line("o365-e3", 10, BillingFrequency::Annual, Term::OneYear),
            line("o365-e5-trial", 25, BillingFrequency::None, Term::OneMonth),
            line("contoso-helpdesk-pro", 3, BillingFrequency::Monthly, Term::OneYear),
            line("sql2019-std-sub", 2, BillingFrequency::OneTime, Term::ThreeYears),
            line("ws2022-dc-perpetual", 1, BillingFrequency::OneTime, Term::OneYear),
            line("suse-sles-standard", 4, BillingFrequency::OneTime, Term::OneYear),
            ri(ReservationBilling::Monthly, Term::ThreeYears, ScopeChoice::Single, Some(&plan)),
        ],
    );
    let events = buy(&mut s, &c, &cart).unwrap();
    assert!(matches!(events.first(), Some(Event::CheckedOut(_))), "the purchase first");
    assert!(
        matches!(events.last(), Some(Event::Audited(a)) if a.action == crate::audit::AuditAction::OrderPlaced && a.customer == Some(c.clone()))
    );
    assert!(events[1..events.len() - 1].iter().all(|e| matches!(e, Event::LedgerPosted(_))), "then its charges");
    let today = now().date_naive();
    let sub = |offer: &str| s.subscriptions.values().find(|x| x.offer.as_str() == offer).unwrap();
    // (offer, quantity, term end, trial end, auto-renew, unit price)
    let cases = [
        ("o365-e3", 10, date(2027, 11, 20), None, true, Money::new(27_600, Currency::USD)),
        ("o365-e5-trial", 25, date(2026, 12, 20), Some(date(2026, 12, 21)), false, Money::zero(Currency::USD)),
        ("contoso-helpdesk-pro", 3, date(2027, 11, 20), Some(date(2026, 12, 21)), true, Money::new(900, Currency::USD)),
    ];
    for (offer, quantity, end, trial, renew, unit) in cases {
        let x = sub(offer);
        assert_eq!((x.quantity, x.term_start, x.term_end, x.trial_ends), (quantity, today, end, trial), "{offer}");
        assert_eq!((x.auto_renew, x.unit_price, x.status), (renew, unit, SubscriptionStatus::Active), "{offer}");
    }
    let sw = |offer: &str| s.software.values().find(|x| x.offer.as_str() == offer).unwrap();
    assert_eq!(sw("sql2019-std-sub").kind, crate::records::SoftwareKind::Subscription { years: 3 });
    assert_eq!(sw("ws2022-dc-perpetual").kind, crate::records::SoftwareKind::Perpetual);
    assert_eq!(sw("suse-sles-standard").kind, crate::records::SoftwareKind::LinuxPlan);
    assert_eq!(sw("sql2019-std-sub").paid, Money::new(2 * 370_500, Currency::USD));
    let r = s.reservations.values().next().unwrap();
    assert_eq!((r.id.as_str(), r.reservation_order.as_str()), ("RSV-0001", "RSO-0001"));
    assert_eq!(
        (r.scope.clone(), r.term, r.billing, r.quantity),
        (ReservationScope::Single(plan), Term::ThreeYears, ReservationBilling::Monthly, 2)
    );
    assert_eq!(r.expires, date(2029, 11, 20), "three years, last day inclusive");
    let offer = s.catalog.get(&r.offer).unwrap();
    let one_time = offer.price(Currency::USD, BillingFrequency::OneTime, Some(Term::ThreeYears)).unwrap();
    assert_eq!(r.total, one_time.times(2), "monthly billing totals the same commitment");
    assert_eq!((r.vm_size.as_str(), r.region.as_str()), ("Standard_D2s_v3", "eastus"));
}

#[test]
fn a_second_buy_creates_nothing() {
    let (mut s, c) = builtin_setup("US");
    let cart = fill(&mut s, &c, &[line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear)]);
    buy(&mut s, &c, &cart).unwrap();
    let after_first = s.clone();
    let again = buy(&mut s, &c, &cart).unwrap();
    assert!(again.is_empty(), "no events: {again:?}");
    assert_eq!(s, after_first, "nothing new");
    assert_eq!(orders_of_cart(&s, &cart).len(), 1, "the confirmation still finds its order");
    // Replaying the purchase event itself is ignored too.
    let replay = Event::CheckedOut(Box::new(Purchase {
        customer: c.clone(),
        cart: cart.clone(),
        orders: vec![],
        subscriptions: vec![],
        software: vec![],
        reservations: vec![],
    }));
    crate::evolve(&mut s, &replay);
    assert_eq!(s, after_first);
    // A new cart gets a new ID and buys normally.
    let cart2 = fill(&mut s, &c, &[line("o365-e1", 1, BillingFrequency::Monthly, Term::OneYear)]);
    assert_ne!(cart2, cart);
    buy(&mut s, &c, &cart2).unwrap();
    let history = order_history(&s, &c);
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].lines[0].offer.as_str(), "o365-e1", "newest first");
}

#[test]
fn credit_limit() {
    // Outstanding before this order: 10 × 23.00 = 230.00; this order: 5 × 10.00 = 50.00 → 280.00.
    let cases: &[(Option<i64>, bool)] =
        &[(None, true), (Some(1_000_000), true), (Some(28_000), true), (Some(27_999), false), (Some(0), false)];
    for (limit, ok) in cases {
        let (mut s, c) = builtin_setup("US");
        let first = fill(&mut s, &c, &[line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear)]);
        buy(&mut s, &c, &first).unwrap();
        s.partner.credit_limit_minor = *limit;
        let cart = fill(&mut s, &c, &[line("o365-e1", 5, BillingFrequency::Monthly, Term::OneYear)]);
        let before = s.clone();
        let r = crate::cart::review(&s, &c).unwrap();
        assert_eq!(r.credit.exceeded, !ok, "{limit:?}");
        assert_eq!(r.credit.outstanding, Money::new(23_000, Currency::USD));
        let result = buy(&mut s, &c, &cart);
        assert_eq!(result.is_ok(), *ok, "{limit:?}");
        if !ok {
            assert_eq!(
                result.unwrap_err().violations,
                vec![Violation::InsufficientCreditLimit {
                    limit: Money::new(limit.unwrap(), Currency::USD),
                    outstanding: Money::new(23_000, Currency::USD),
                    order: Money::new(5_000, Currency::USD),
                }]
            );
            assert_eq!(s, before, "refusal changes nothing");
        }
    }
}

#[test]
fn invalid_carts_are_refused_with_every_issue() {
    let (mut s, c) = builtin_setup("US");
    let cart = fill(
        &mut s,
        &c,
        &[
            line("teams-essentials", 400, BillingFrequency::Monthly, Term::OneYear),
            line("teams-essentials", 1, BillingFrequency::Monthly, Term::OneYear),
            line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear),
        ],
    );
    let before = s.clone();
    let err = buy(&mut s, &c, &cart).unwrap_err();
    assert_eq!(
        err.violations,
        vec![
            Violation::CartLineInvalid { line: 1, issues: vec![crate::cart::LineIssue::QuantityAboveMax { max: 299 }] },
            Violation::CartLineInvalid {
                line: 2,
                issues: vec![crate::cart::LineIssue::PurchaseLimitExceeded {
                    limit: PurchaseLimit::Concurrent(1),
                    held: 0,
                    in_cart: 2
                }]
            },
        ]
    );
    assert_eq!(s, before);
    let wrong = CartId("CART-9999".into());
    assert_eq!(buy(&mut s, &c, &wrong).unwrap_err().violations, vec![Violation::NoSuchCart { cart: wrong }]);
    // Emptied by removing every line.
    for l in [1, 2, 3] {
        execute(&mut s, &demo::global_admin(), Command::RemoveCartLine { customer: c.clone(), line: l }, now())
            .unwrap();
    }
    assert_eq!(buy(&mut s, &c, &cart).unwrap_err().violations, vec![Violation::CartEmpty]);
}

#[test]
fn checkout_by_role() {
    // (cart content, permissions needed)
    let cases: Vec<(&str, Vec<LineInput>, Vec<Permission>)> = vec![
        (
            "licenses",
            vec![line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear)],
            vec![Permission::ManageSubscriptions],
        ),
        (
            "reservation",
            vec![ri(ReservationBilling::Upfront, Term::OneYear, ScopeChoice::Shared, None)],
            vec![Permission::ManageReservations],
        ),
        (
            "both",
            vec![
                line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear),
                ri(ReservationBilling::Upfront, Term::OneYear, ScopeChoice::Shared, None),
            ],
            vec![Permission::ManageSubscriptions, Permission::ManageReservations],
        ),
    ];
    for (name, lines, needed) in cases {
        let (mut base, c, _) = with_plan();
        let cart = fill(&mut base, &c, &lines);
        for role in Role::ALL {
            let mut s = base.clone();
            let actor = user_with(&s, role);
            let allowed = needed.iter().all(|p| p.granted_to(&[role]));
            let result = execute(&mut s, &actor, Command::Checkout { customer: c.clone(), cart: cart.clone() }, now());
            assert_eq!(result.is_ok(), allowed, "{name}: {role:?}");
            if let Err(e) = result {
                let missing: Vec<Violation> = needed
                    .iter()
                    .filter(|p| !p.granted_to(&[role]))
                    .map(|p| Violation::NotPermitted { permission: *p, allowed: p.allowed_roles().to_vec() })
                    .collect();
                assert_eq!(e.violations, missing, "{name}: {role:?}");
                assert_eq!(s, base, "{name}: {role:?} refusal changes nothing");
            }
        }
    }
}

#[test]
fn jpy_partner_buys_in_whole_yen() {
    let (mut s, c) = builtin_setup("JP");
    s.partner.country = "JP".into();
    let cart = fill(&mut s, &c, &[line("m365-business-basic", 3, BillingFrequency::Monthly, Term::OneYear)]);
    buy(&mut s, &c, &cart).unwrap();
    let order = orders_of_cart(&s, &cart)[0];
    assert_eq!(order_total(order), Some(Money::new(2_700, Currency::JPY)));
}

#[test]
fn generated_catalog_checkout_does_not_panic() {
    // Defensive: a catalog offer with no price in the partner's currency is flagged, not bought.
    let (mut s, c) = builtin_setup("US");
    let mut o = offer("unpriced", crate::catalog::Family::OnlineServices);
    o.prices.clear();
    s.catalog = Arc::new(Catalog::new(vec![o]));
    let cart = fill(&mut s, &c, &[line("unpriced", 1, BillingFrequency::Monthly, Term::OneYear)]);
    let err = buy(&mut s, &c, &cart).unwrap_err();
    assert_eq!(
        err.violations,
        vec![Violation::CartLineInvalid { line: 1, issues: vec![crate::cart::LineIssue::NoPrice] }]
    );
}

#[test]
fn term_end_is_inclusive() {
    let cases = [
        (date(2026, 11, 21), 12, date(2027, 11, 20)),
        (date(2024, 2, 29), 12, date(2025, 2, 27)),
        (date(2026, 1, 31), 1, date(2026, 2, 27)),
        (date(2026, 1, 1), 36, date(2028, 12, 31)),
    ];
    for (start, months, want) in cases {
        assert_eq!(crate::billing::term_end(start, months), want, "{start} + {months}");
    }
}

#[test]
fn records_carry_the_offer_terms() {
    use crate::records::PublisherKind as P;
    let (mut s, c) = builtin_setup("US");
    let cart = fill(
        &mut s,
        &c,
        &[
            line("o365-e3", 10, BillingFrequency::Annual, Term::OneYear),
            line("o365-e5-trial", 25, BillingFrequency::None, Term::OneMonth),
            line("contoso-helpdesk-pro", 3, BillingFrequency::Monthly, Term::OneYear),
            line("woodgrove-api-gateway", 1, BillingFrequency::Monthly, Term::OneYear),
            line("azure-plan", 1, BillingFrequency::None, Term::OneMonth),
        ],
    );
    buy(&mut s, &c, &cart).unwrap();
    let today = now().date_naive();
    // (offer, publisher, metered, marketplace, min, max, Azure plan, billed through)
    type Row = (&'static str, P, bool, bool, u32, Option<u32>, bool, Option<NaiveDate>);
    let rows: &[Row] = &[
        ("o365-e3", P::Microsoft, false, false, 1, Some(10_000), false, Some(date(2027, 11, 20))),
        ("o365-e5-trial", P::Microsoft, false, false, 25, Some(25), false, None),
        ("contoso-helpdesk-pro", P::Isv, false, true, 1, Some(5_000), false, None),
        ("woodgrove-api-gateway", P::Isv, true, true, 1, Some(1), false, None),
        ("azure-plan", P::Microsoft, false, false, 1, Some(1), true, None),
    ];
    for (offer, publisher, metered, marketplace, min, max, azure, billed) in rows {
        let x = s.subscriptions.values().find(|x| x.offer.as_str() == *offer).unwrap();
        let catalog = s.catalog.get(&x.offer).unwrap();
        assert_eq!((catalog.min_quantity, Some(catalog.max_quantity)), (*min, *max), "{offer}: catalog bounds");
        assert_eq!(
            (x.publisher, x.metered, x.commercial_marketplace, x.min_quantity, x.max_quantity, x.is_azure_plan),
            (*publisher, *metered, *marketplace, *min, *max, *azure),
            "{offer}"
        );
        assert_eq!(x.billed_through, *billed, "{offer}: billed through");
        let log = s.subscription_log.iter().find(|l| l.subscription == x.id).unwrap();
        assert_eq!(
            (log.at.date_naive(), &log.change),
            (today, &crate::subscriptions::SubscriptionChange::Purchased),
            "{offer}: history starts with the purchase"
        );
    }
    // The Azure plan bought here is one reservations can attach to.
    assert_eq!(crate::reservations::azure_subscriptions_of(&s, &c).len(), 1);
}

/// One cart of every kind: what the ledger holds after Buy, and that the clock does not charge it again.
#[test]
fn opening_charges_are_posted_once() {
    use crate::ledger::{ChargeType, LedgerRef};
    let (mut s, c, plan) = with_plan();
    let cart = fill(
        &mut s,
        &c,
        &[
            line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear),
            line("o365-e1", 4, BillingFrequency::Annual, Term::OneYear),
            line("o365-e5-trial", 25, BillingFrequency::None, Term::OneMonth),
            line("contoso-helpdesk-pro", 3, BillingFrequency::Monthly, Term::OneYear),
            line("woodgrove-api-gateway", 1, BillingFrequency::Monthly, Term::OneYear),
            line("sql2019-std-sub", 2, BillingFrequency::OneTime, Term::ThreeYears),
            line("ws2022-std-perpetual", 1, BillingFrequency::OneTime, Term::OneYear),
            line("suse-sles-standard", 4, BillingFrequency::OneTime, Term::OneYear),
            ri(ReservationBilling::Monthly, Term::OneYear, ScopeChoice::Single, Some(&plan)),
            ri(ReservationBilling::Upfront, Term::OneYear, ScopeChoice::Shared, None),
        ],
    );
    buy(&mut s, &c, &cart).unwrap();
    let name = |r: &LedgerRef| match r {
        LedgerRef::Subscription(id) => s.subscriptions[id].offer.to_string(),
        LedgerRef::Software(id) => s.software[id].offer.to_string(),
        LedgerRef::Reservation(id) => format!("{:?}", s.reservations[id].billing),
        LedgerRef::Order(id) => id.to_string(),
    };
    let got: Vec<(String, ChargeType, i64)> =
        s.ledger.iter().map(|e| (name(&e.reference), e.charge_type, e.amount.minor)).collect();
    // (what, charge, amount): no entry for the trial, the ISV free trial or the metered offer.
    let want: &[(&str, ChargeType, i64)] = &[
        ("o365-e3", ChargeType::Purchase, 10 * 2_300),
        ("o365-e1", ChargeType::Purchase, 4 * 12_000),
        ("sql2019-std-sub", ChargeType::Purchase, 2 * 370_500),
        ("ws2022-std-perpetual", ChargeType::Purchase, 22_000),
        ("suse-sles-standard", ChargeType::Purchase, 4 * 9_900),
        ("Monthly", ChargeType::Purchase, 2 * 52_140 / 12),
        ("Upfront", ChargeType::Purchase, 2 * 52_140),
    ];
    let want: Vec<(String, ChargeType, i64)> = want.iter().map(|(n, t, a)| (n.to_string(), *t, *a)).collect();
    let mut sorted = got.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut want_sorted = want.clone();
    want_sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(sorted, want_sorted, "one opening entry per charged record");
    let ids: Vec<&str> = s.ledger.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["L-0001", "L-0002", "L-0003", "L-0004", "L-0005", "L-0006", "L-0007"], "numbered in order");
    assert!(s.ledger.iter().all(|e| e.posted_at == now() && e.customer == c), "posted at purchase");
    assert!(s.reservations.values().all(|r| r.payments_billed == 1), "first payment counted");
    // (case, clock moves to, entries on the ledger)
    let rows: &[(&str, i64, usize)] = &[
        ("a day later nothing more is charged", 1, 7),
        ("a week later still nothing", 7, 7),
        // 2026-12-21: the monthly licenses' next cycle, the monthly reservation's second payment, and the
        // ISV SaaS's first month as its 30-day free trial ends.
        ("the next monthly anniversary", 30, 10),
    ];
    let admin = demo::global_admin();
    let mut state = s.clone();
    for (case, days, entries) in rows {
        let to = now() + chrono::Duration::days(*days);
        let from = state.clock;
        execute(&mut state, &admin, Command::AdvanceClock { to }, from).unwrap();
        assert_eq!(state.ledger.len(), *entries, "{case}");
        assert_eq!(state.ledger[..7], s.ledger[..], "{case}: the opening entries are unchanged");
    }
}

#[test]
fn credit_limit_counts_the_ledger_and_what_is_due() {
    use crate::ledger::LedgerIds;
    // One purchase of 10 × 23.00 = 230.00 on the ledger; then what changes the outstanding amount.
    type Change = fn(&mut State);
    let rows: &[(&str, Change, i64)] = &[
        ("the opening charge", |_| {}, 23_000),
        (
            "a credit lowers it",
            |s| {
                let mut e = s.ledger[0].clone();
                e.id = LedgerIds::new(s).next_id();
                e.amount = Money::new(-5_000, Currency::USD);
                crate::ledger::post(s, &e);
            },
            18_000,
        ),
        (
            "another currency is left out",
            |s| {
                let mut e = s.ledger[0].clone();
                e.id = LedgerIds::new(s).next_id();
                e.amount = Money::new(9_999, Currency::EUR);
                crate::ledger::post(s, &e);
            },
            23_000,
        ),
        (
            "a period due but not yet billed counts",
            |s| {
                for x in s.subscriptions.values_mut() {
                    x.billed_through = x.billed_through.and_then(|d| d.checked_sub_days(chrono::Days::new(40)));
                }
            },
            46_000,
        ),
        (
            "a reservation payment due but not yet billed counts",
            |s| {
                let r = crate::reservations::fixtures::reservation(
                    1,
                    now() - chrono::Duration::days(40),
                    Term::OneYear,
                    ReservationBilling::Monthly,
                    Money::new(120_000, Currency::USD),
                );
                s.reservations.insert(r.id.clone(), r);
            },
            23_000 + 10_000 + 10_000,
        ),
    ];
    for (case, change, want) in rows {
        let (mut s, c) = builtin_setup("US");
        let cart = fill(&mut s, &c, &[line("o365-e3", 10, BillingFrequency::Monthly, Term::OneYear)]);
        buy(&mut s, &c, &cart).unwrap();
        change(&mut s);
        assert_eq!(outstanding(&s), Money::new(*want, Currency::USD), "{case}");
    }
}
