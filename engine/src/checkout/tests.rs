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

fn fill(s: &mut State, c: &CustomerId, lines: &[LineInput]) -> CartId {
    for l in lines {
        execute(s, &demo::global_admin(), Command::AddToCart { customer: c.clone(), line: l.clone() }, now()).unwrap();
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
        let (mut s, c) = builtin_setup("US");
        add_sub(&mut s, &c, "azure-plan", SubscriptionStatus::Active);
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
    let (mut s, c) = builtin_setup("US");
    let plan = add_sub(&mut s, &c, "azure-plan", SubscriptionStatus::Active);
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
    assert!(
        matches!(events.as_slice(), [Event::CheckedOut(_), Event::Audited(a)] if a.action == crate::audit::AuditAction::OrderPlaced && a.customer == Some(c.clone()))
    );
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
        let (mut base, c) = builtin_setup("US");
        add_sub(&mut base, &c, "azure-plan", SubscriptionStatus::Active);
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
        assert_eq!(term_end(start, months), want, "{start} + {months}");
    }
}
