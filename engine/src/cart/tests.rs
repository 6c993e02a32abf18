use super::*;
use crate::catalog::Catalog;
use crate::customers::Segment;
use crate::money::Currency;
use crate::records::SubscriptionStatus as St;
use crate::roles::{Permission, Role};
use crate::testkit::{add_customer, add_sub, empty_state, now, offer, set_catalog, user_with};
use crate::{demo, execute, Command};

fn input(offer: &str, quantity: i64) -> LineInput {
    LineInput {
        offer: OfferId(offer.into()),
        quantity,
        billing: BillingFrequency::Monthly,
        term: Term::OneYear,
        reservation: None,
    }
}

fn trial() -> Offer {
    let mut t = offer("trial", Family::MicrosoftTrial);
    t.billing = vec![BillingFrequency::None];
    t.terms = vec![Term::OneMonth];
    t.min_quantity = 25;
    t.max_quantity = 25;
    t.purchase_limit = PurchaseLimit::Lifetime(1);
    t.trial_of = Some(OfferId("std".into()));
    t
}

fn reservation_offer() -> Offer {
    let mut r = offer("ri", Family::AzureReservation);
    r.billing = vec![BillingFrequency::OneTime, BillingFrequency::Monthly];
    r.terms = vec![Term::OneYear, Term::ThreeYears];
    r.prices = [Term::OneYear, Term::ThreeYears]
        .iter()
        .flat_map(|t| {
            let months = t.months() as i64;
            [
                crate::catalog::Price {
                    billing: BillingFrequency::OneTime,
                    term: Some(*t),
                    amounts: Currency::ALL.iter().map(|c| (*c, 1200 * months)).collect(),
                },
                crate::catalog::Price {
                    billing: BillingFrequency::Monthly,
                    term: Some(*t),
                    amounts: Currency::ALL.iter().map(|c| (*c, 1200)).collect(),
                },
            ]
        })
        .collect();
    r
}

fn azure_plan() -> Offer {
    let mut a = offer("azure", Family::AzurePlan);
    a.billing = vec![BillingFrequency::None];
    a.terms = vec![];
    a.purchase_limit = PurchaseLimit::Concurrent(1);
    a.max_quantity = 1;
    a
}

fn catalog() -> Vec<Offer> {
    let mut std = offer("std", Family::OnlineServices);
    std.min_quantity = 5;
    std.max_quantity = 299;
    let mut one = offer("one", Family::OnlineServices);
    one.purchase_limit = PurchaseLimit::Concurrent(1);
    let mut two = offer("two", Family::OnlineServices);
    two.purchase_limit = PurchaseLimit::Concurrent(2);
    let mut gov = offer("gov", Family::OnlineServices);
    gov.segment = Segment::Government;
    vec![std, one, two, gov, trial(), reservation_offer(), azure_plan()]
}

fn setup(country: &str) -> (State, CustomerId) {
    let mut s = empty_state();
    set_catalog(&mut s, catalog());
    let c = add_customer(&mut s, country, Segment::Commercial);
    (s, c)
}

fn add(s: &mut State, c: &CustomerId, line: LineInput) -> Result<Vec<Event>, Rejection> {
    execute(s, &demo::global_admin(), Command::AddToCart { customer: c.clone(), line }, now())
}

fn issues(s: &State, c: &CustomerId) -> Vec<Vec<LineIssue>> {
    validate_cart(s, c).into_iter().map(|(_, i)| i).collect()
}

#[test]
fn quantity_bounds() {
    let cases: &[(&str, i64, Vec<LineIssue>)] = &[
        ("std", 5, vec![]),
        ("std", 4, vec![LineIssue::QuantityBelowMin { min: 5 }]),
        ("std", 0, vec![LineIssue::QuantityBelowMin { min: 5 }]),
        ("std", -3, vec![LineIssue::QuantityBelowMin { min: 5 }]),
        ("std", 299, vec![]),
        ("std", 300, vec![LineIssue::QuantityAboveMax { max: 299 }]),
        ("std", i64::MAX, vec![LineIssue::QuantityAboveMax { max: 299 }]),
        ("trial", 25, vec![]),
        ("trial", 24, vec![LineIssue::TrialQuantityFixed { required: 25 }]),
        ("trial", 26, vec![LineIssue::TrialQuantityFixed { required: 25 }]),
    ];
    for (o, q, want) in cases {
        let (mut s, c) = setup("US");
        let mut line = input(o, if *o == "trial" { 25 } else { 5 });
        if *o == "trial" {
            (line.billing, line.term) = (BillingFrequency::None, Term::OneMonth);
        }
        add(&mut s, &c, line.clone()).unwrap();
        // A line already in the cart takes any whole number: the cart says what is wrong and blocks Buy.
        line.quantity = *q;
        let cmd = Command::UpdateCartLine { customer: c.clone(), line: 1, input: line };
        execute(&mut s, &demo::global_admin(), cmd, now())
            .unwrap_or_else(|e| panic!("{o} × {q}: an invalid quantity is still kept in the cart: {e:?}"));
        assert_eq!(issues(&s, &c), vec![want.clone()], "{o} × {q}");
        assert_eq!(state_line(&s, &c).quantity, *q, "kept as entered");
    }
}

/// Issue 16: Add to cart refuses a quantity the offer does not allow (`-5` was added), saying why; nothing
/// is added.
#[test]
fn add_to_cart_refuses_a_quantity_outside_the_offers_bounds() {
    let cases: &[(&str, i64, Option<LineIssue>)] = &[
        ("std", -5, Some(LineIssue::QuantityBelowMin { min: 5 })),
        ("std", 0, Some(LineIssue::QuantityBelowMin { min: 5 })),
        ("std", 4, Some(LineIssue::QuantityBelowMin { min: 5 })),
        ("std", 5, None),
        ("std", 299, None),
        ("std", 300, Some(LineIssue::QuantityAboveMax { max: 299 })),
        ("trial", 24, Some(LineIssue::TrialQuantityFixed { required: 25 })),
        ("trial", 25, None),
    ];
    for (o, q, want) in cases {
        let (mut s, c) = setup("US");
        let mut line = input(o, *q);
        if *o == "trial" {
            (line.billing, line.term) = (BillingFrequency::None, Term::OneMonth);
        }
        let got = add(&mut s, &c, line);
        match want {
            None => assert!(got.is_ok(), "{o} × {q}: {got:?}"),
            Some(issue) => {
                assert_eq!(
                    got.unwrap_err().violations,
                    vec![Violation::CartQuantityInvalid { requested: *q, issues: vec![issue.clone()] }],
                    "{o} × {q}"
                );
                assert!(s.carts.get(&c).is_none_or(|cart| cart.lines.is_empty()), "{o} × {q}: nothing added");
            }
        }
    }
}

fn state_line(s: &State, c: &CustomerId) -> CartLine {
    s.carts[c].lines[0].clone()
}

#[test]
fn purchase_limit_counts_holdings_and_other_lines() {
    let exceeded = |limit, held, in_cart| LineIssue::PurchaseLimitExceeded { limit, held, in_cart };
    use PurchaseLimit::Concurrent;
    // (offer, subscriptions held, lines added, expected issues per line)
    let cases: Vec<(&str, u32, usize, Vec<Vec<LineIssue>>)> = vec![
        ("one", 0, 1, vec![vec![]]),
        ("one", 0, 2, vec![vec![], vec![exceeded(Concurrent(1), 0, 2)]]),
        ("two", 0, 2, vec![vec![], vec![]]),
        ("two", 1, 1, vec![vec![]]),
        ("two", 1, 2, vec![vec![], vec![exceeded(Concurrent(2), 1, 2)]]),
        ("two", 0, 3, vec![vec![], vec![], vec![exceeded(Concurrent(2), 0, 3)]]),
        ("std", 5, 3, vec![vec![], vec![], vec![]]),
    ];
    for (o, held, lines, want) in cases {
        let (mut s, c) = setup("US");
        for _ in 0..held {
            add_sub(&mut s, &c, o, St::Active);
        }
        for _ in 0..lines {
            add(&mut s, &c, input(o, 5)).unwrap();
        }
        assert_eq!(issues(&s, &c), want, "{o}: held {held}, {lines} lines");
    }
    // At the limit already: adding is refused, and the refusal changes nothing.
    let (mut s, c) = setup("US");
    add_sub(&mut s, &c, "one", St::Suspended);
    let before = s.clone();
    let err = add(&mut s, &c, input("one", 5)).unwrap_err();
    assert!(
        matches!(&err.violations[..], [Violation::OfferNotEligible { reasons, .. }] if reasons.len() == 2),
        "{err:?}"
    );
    assert_eq!(s, before);
}

#[test]
fn ineligible_and_unknown_offers_are_refused() {
    let (mut s, c) = setup("US");
    let before = s.clone();
    let cases: Vec<(LineInput, Violation)> = vec![
        (
            input("gov", 5),
            Violation::OfferNotEligible {
                offer: OfferId("gov".into()),
                reasons: vec![crate::eligibility::Ineligible::SegmentNotAllowed {
                    customer: Segment::Commercial,
                    offer: Segment::Government,
                }],
            },
        ),
        (input("nope", 5), Violation::NoSuchOffer { offer: OfferId("nope".into()) }),
    ];
    for (line, want) in cases {
        assert_eq!(add(&mut s, &c, line.clone()).unwrap_err().violations, vec![want], "{line:?}");
        assert_eq!(s, before);
    }
    let nobody = CustomerId("nobody".into());
    assert_eq!(
        add(&mut s, &nobody, input("std", 5)).unwrap_err().violations,
        vec![Violation::NoSuchCustomer { customer: nobody }]
    );
}

#[test]
fn eligibility_is_rechecked_on_every_read() {
    let (mut s, c) = setup("US");
    add(&mut s, &c, input("std", 10)).unwrap();
    assert_eq!(issues(&s, &c), vec![vec![]]);
    // The customer's segment changes after the line was added.
    s.customers.get_mut(&c).unwrap().segment = Segment::Government;
    assert_eq!(
        issues(&s, &c),
        vec![vec![LineIssue::NotEligible(crate::eligibility::Ineligible::SegmentNotAllowed {
            customer: Segment::Government,
            offer: Segment::Commercial
        })]]
    );
}

#[test]
fn billing_and_term_must_be_offered() {
    let cases: &[(BillingFrequency, Term, Vec<LineIssue>)] = &[
        (BillingFrequency::Monthly, Term::OneYear, vec![]),
        (BillingFrequency::Annual, Term::OneYear, vec![]),
        (
            BillingFrequency::OneTime,
            Term::OneYear,
            vec![LineIssue::BillingNotOffered {
                billing: BillingFrequency::OneTime,
                allowed: vec![BillingFrequency::Monthly, BillingFrequency::Annual],
            }],
        ),
        (
            BillingFrequency::Monthly,
            Term::ThreeYears,
            vec![LineIssue::TermNotOffered { term: Term::ThreeYears, allowed: vec![Term::OneYear] }],
        ),
    ];
    for (billing, term, want) in cases {
        let (mut s, c) = setup("US");
        add(&mut s, &c, LineInput { billing: *billing, term: *term, ..input("std", 10) }).unwrap();
        assert_eq!(issues(&s, &c), vec![want.clone()], "{billing:?} {term:?}");
    }
}

#[test]
fn reservation_options() {
    let opts = |scope, optimize, sub: Option<&str>| ReservationOptions {
        azure_subscription: sub.map(|s| SubscriptionId(s.into())),
        scope,
        optimize,
        billing: ReservationBilling::Monthly,
    };
    use ReservationOptimize::{CapacityPriority as Cap, InstanceSizeFlexibility as Flex};
    use ScopeChoice::{Shared, Single};
    // TS-0001: this customer's active Azure plan; TS-0002: its suspended second plan; TS-0003: another
    // customer's; TS-0004: this customer's non-Azure subscription.
    let cases: Vec<(&str, Option<ReservationOptions>, Vec<LineIssue>)> = vec![
        ("shared, flexible", Some(opts(Shared, Flex, None)), vec![]),
        ("single on its plan, capacity", Some(opts(Single, Cap, Some("TS-0001"))), vec![]),
        (
            "shared with capacity priority",
            Some(opts(Shared, Cap, None)),
            vec![LineIssue::CapacityPriorityNeedsSingleScope],
        ),
        ("single without subscription", Some(opts(Single, Flex, None)), vec![LineIssue::SingleScopeNeedsSubscription]),
        (
            "single on a suspended plan",
            Some(opts(Single, Flex, Some("TS-0002"))),
            vec![LineIssue::NotAnActiveAzureSubscription { subscription: SubscriptionId("TS-0002".into()) }],
        ),
        (
            "single on another customer's plan",
            Some(opts(Single, Flex, Some("TS-0003"))),
            vec![LineIssue::NotAnActiveAzureSubscription { subscription: SubscriptionId("TS-0003".into()) }],
        ),
        (
            "single on a license subscription",
            Some(opts(Single, Flex, Some("TS-0004"))),
            vec![LineIssue::NotAnActiveAzureSubscription { subscription: SubscriptionId("TS-0004".into()) }],
        ),
        ("no options", None, vec![LineIssue::ReservationOptionsMissing]),
    ];
    for (name, reservation, want) in cases {
        let (mut s, c) = setup("US");
        add_sub(&mut s, &c, "azure", St::Active);
        add_sub(&mut s, &c, "azure", St::Suspended);
        let other = add_customer(&mut s, "US", Segment::Commercial);
        add_sub(&mut s, &other, "azure", St::Active);
        add_sub(&mut s, &c, "std", St::Active);
        let line = LineInput { reservation, billing: BillingFrequency::Monthly, ..input("ri", 2) };
        add(&mut s, &c, line).unwrap();
        assert_eq!(issues(&s, &c), vec![want], "{name}");
    }
    // Options on a non-reservation line are flagged.
    let (mut s, c) = setup("US");
    add(&mut s, &c, LineInput { reservation: Some(opts(Shared, Flex, None)), ..input("std", 10) }).unwrap();
    assert_eq!(issues(&s, &c), vec![vec![LineIssue::ReservationOptionsNotApplicable]]);
    assert_eq!(s.carts[&c].lines[0].billing, BillingFrequency::Monthly, "billing follows the reservation options");
}

#[test]
fn update_and_remove_lines_keep_the_others() {
    let (mut s, c) = setup("US");
    add(&mut s, &c, input("std", 5)).unwrap();
    add(&mut s, &c, input("two", 7)).unwrap();
    let cart = s.carts[&c].id.clone();
    let admin = demo::global_admin();
    let below = Command::UpdateCartLine { customer: c.clone(), line: 1, input: input("std", 3) };
    execute(&mut s, &admin, below, now()).unwrap();
    assert_eq!(issues(&s, &c), vec![vec![LineIssue::QuantityBelowMin { min: 5 }], vec![]]);
    // Fix the invalid line; the offer of a line cannot be swapped by an update.
    let update = Command::UpdateCartLine { customer: c.clone(), line: 1, input: input("two", 8) };
    execute(&mut s, &admin, update, now()).unwrap();
    let lines = &s.carts[&c].lines;
    assert_eq!((lines[0].offer.as_str(), lines[0].quantity, lines[1].quantity), ("std", 8, 7));
    assert_eq!(issues(&s, &c), vec![vec![], vec![]]);
    execute(&mut s, &admin, Command::RemoveCartLine { customer: c.clone(), line: 1 }, now()).unwrap();
    assert_eq!(s.carts[&c].lines.iter().map(|l| l.id).collect::<Vec<_>>(), vec![2]);
    add(&mut s, &c, input("std", 9)).unwrap();
    assert_eq!(s.carts[&c].lines.last().unwrap().id, 3, "line IDs are not reused");
    assert_eq!((s.carts[&c].id.clone(), line_count(&s, &c)), (cart, 2), "same cart");
    let before = s.clone();
    for cmd in [
        Command::RemoveCartLine { customer: c.clone(), line: 1 },
        Command::UpdateCartLine { customer: c.clone(), line: 99, input: input("std", 5) },
    ] {
        let err = execute(&mut s, &admin, cmd.clone(), now()).unwrap_err();
        assert!(err.has(|v| matches!(v, Violation::NoSuchCartLine { .. })), "{cmd:?}");
        assert_eq!(s, before);
    }
    let actions: Vec<_> = s.audit.iter().map(|e| e.action).collect();
    assert!(actions.contains(&AuditAction::CartLineUpdated) && actions.contains(&AuditAction::CartLineRemoved));
}

#[test]
fn review_prices_totals_and_tax() {
    // (customer country, partner country, prices include tax, currency)
    let cases = [
        ("US", "US", false, Currency::USD),
        ("AU", "US", true, Currency::USD),
        ("BR", "US", true, Currency::USD),
        ("FR", "FR", false, Currency::EUR),
        ("JP", "JP", false, Currency::JPY),
        ("GB", "AU", false, Currency::AUD),
    ];
    for (country, partner, tax, currency) in cases {
        let (mut s, c) = setup(country);
        s.partner.country = partner.into();
        add(&mut s, &c, input("std", 10)).unwrap();
        add(&mut s, &c, LineInput { billing: BillingFrequency::Annual, ..input("two", 2) }).unwrap();
        add(&mut s, &c, input("std", 5)).unwrap();
        let r = review(&s, &c).unwrap();
        assert_eq!(r.prices_include_tax, tax, "{country}");
        let m = |minor| Money::new(minor, currency);
        assert_eq!(r.lines[0].unit_price, Some(m(1000)), "{country}");
        assert_eq!(r.lines[0].line_total, Some(m(10_000)), "{country}");
        assert_eq!(r.totals, vec![(BillingFrequency::Monthly, m(15_000)), (BillingFrequency::Annual, m(24_000))]);
        assert_eq!(r.credit.order_total, m(39_000));
        assert!(r.can_buy, "{country}");
    }
    let (s, c) = setup("US");
    let empty = review(&s, &c).unwrap();
    assert!(empty.lines.is_empty() && !empty.can_buy, "an empty cart cannot be bought");
}

#[test]
fn usage_lines_charge_nothing_up_front() {
    let (mut s, c) = setup("US");
    let mut metered = offer("metered", Family::IsvSaasMetered);
    metered.billing_type = crate::catalog::BillingType::Usage;
    let mut offers = catalog();
    offers.push(metered);
    s.catalog = std::sync::Arc::new(Catalog::new(offers));
    add(&mut s, &c, input("metered", 1)).unwrap();
    let r = review(&s, &c).unwrap();
    assert_eq!(
        (r.lines[0].unit_price, r.lines[0].line_total),
        (Some(Money::new(1000, Currency::USD)), Some(Money::zero(Currency::USD)))
    );
}

/// RULES §1.2 for the cart commands: subscription lines need ManageSubscriptions, reservation lines
/// ManageReservations (so a User management admin may put reservations in a cart, not licenses).
#[test]
fn cart_commands_by_role() {
    for role in Role::ALL {
        for (offer, reservation, permission) in [
            ("std", None, Permission::ManageSubscriptions),
            (
                "ri",
                Some(ReservationOptions {
                    azure_subscription: None,
                    scope: ScopeChoice::Shared,
                    optimize: ReservationOptimize::InstanceSizeFlexibility,
                    billing: ReservationBilling::Upfront,
                }),
                Permission::ManageReservations,
            ),
        ] {
            let (mut s, c) = setup("US");
            add_sub(&mut s, &c, "azure", St::Active);
            let admin = demo::global_admin();
            let line = LineInput { reservation, ..input(offer, 5) };
            execute(&mut s, &admin, Command::AddToCart { customer: c.clone(), line: line.clone() }, now()).unwrap();
            let before = s.clone();
            let actor = user_with(&s, role);
            let allowed = permission.granted_to(&[role]);
            let cmds = [
                Command::AddToCart { customer: c.clone(), line: line.clone() },
                Command::UpdateCartLine { customer: c.clone(), line: 1, input: line.clone() },
                Command::RemoveCartLine { customer: c.clone(), line: 1 },
            ];
            for cmd in cmds {
                let mut t = before.clone();
                let result = execute(&mut t, &actor, cmd.clone(), now());
                assert_eq!(result.is_ok(), allowed, "{role:?} {offer} {cmd:?}");
                if let Err(e) = result {
                    assert_eq!(
                        e.violations,
                        vec![Violation::NotPermitted { permission, allowed: permission.allowed_roles().to_vec() }]
                    );
                    assert_eq!(t, before, "{role:?}: refusal changes nothing");
                }
            }
        }
    }
}

proptest::proptest! {
    /// Any quantity for any built-in offer: adding never panics, the quantity is kept as entered, and
    /// a bounds issue is reported exactly when the quantity is outside min–max (or not 25 for a trial).
    #[test]
    fn any_quantity_is_kept_and_flagged_exactly_when_out_of_bounds(index in 0usize..200, quantity in proptest::num::i64::ANY) {
        let mut s = empty_state();
        let c = add_customer(&mut s, "US", Segment::Commercial);
        let offers = s.catalog.offers().to_vec();
        let o = &offers[index % offers.len()];
        let line = LineInput {
            offer: o.id.clone(),
            quantity,
            billing: o.billing[0],
            term: o.terms.first().copied().unwrap_or(Term::OneYear),
            reservation: None,
        };
        if add(&mut s, &c, line).is_ok() {
            proptest::prop_assert_eq!(s.carts[&c].lines[0].quantity, quantity);
            let found = issues(&s, &c).concat().into_iter().any(|i| matches!(i,
                LineIssue::QuantityBelowMin { .. } | LineIssue::QuantityAboveMax { .. } | LineIssue::TrialQuantityFixed { .. }));
            let out = if o.is_trial() {
                quantity != s.policy.trial_licenses as i64
            } else {
                quantity < o.min_quantity as i64 || quantity > o.max_quantity as i64
            };
            proptest::prop_assert_eq!(found, out);
        } else {
            proptest::prop_assert!(s.carts.is_empty(), "a refusal adds nothing");
        }
    }
}
