use super::*;
use crate::catalog::{Countries, IsvTerms, PublisherKind};
use crate::records::SubscriptionStatus as St;
use crate::testkit::{add_customer, add_sub, empty_state, offer, set_catalog};

const X: &str = "x";

fn reasons(state: &State, customer: &CustomerId, offer: &str) -> Vec<Ineligible> {
    eligibility(state, customer).unwrap().reasons(&OfferId(offer.into())).to_vec()
}

/// A state with one customer and a catalog of `offers`.
fn setup(country: &str, segment: Segment, offers: Vec<Offer>) -> (State, CustomerId) {
    let mut s = empty_state();
    set_catalog(&mut s, offers);
    let c = add_customer(&mut s, country, segment);
    (s, c)
}

#[test]
fn segment_matrix_and_government_lock() {
    use Segment::*;
    let seg = |customer, offer| Ineligible::SegmentNotAllowed { customer, offer };
    // (customer segment, offer segment, holds a Government subscription, expected reasons)
    let cases: Vec<(Segment, Segment, bool, Vec<Ineligible>)> = vec![
        (Commercial, Commercial, false, vec![]),
        (Commercial, Education, false, vec![seg(Commercial, Education)]),
        (Commercial, Government, false, vec![seg(Commercial, Government)]),
        (Commercial, NonProfit, false, vec![seg(Commercial, NonProfit)]),
        (Education, Commercial, false, vec![]),
        (Education, Education, false, vec![]),
        (Education, Government, false, vec![seg(Education, Government)]),
        (Education, NonProfit, false, vec![seg(Education, NonProfit)]),
        (NonProfit, Commercial, false, vec![]),
        (NonProfit, NonProfit, false, vec![]),
        (NonProfit, Education, false, vec![seg(NonProfit, Education)]),
        (NonProfit, Government, false, vec![seg(NonProfit, Government)]),
        (Government, Government, false, vec![]),
        (Government, Commercial, false, vec![seg(Government, Commercial)]),
        (Government, Education, false, vec![seg(Government, Education)]),
        (Government, Government, true, vec![]),
        (
            Government,
            Commercial,
            true,
            vec![Ineligible::GovernmentCustomerLocked { subscription: SubscriptionId("TS-0001".into()) }],
        ),
        (
            Government,
            NonProfit,
            true,
            vec![Ineligible::GovernmentCustomerLocked { subscription: SubscriptionId("TS-0001".into()) }],
        ),
    ];
    for (customer, offer_segment, holds_gov, want) in cases {
        let mut o = offer(X, Family::OnlineServices);
        o.segment = offer_segment;
        let mut g = offer("gov", Family::OnlineServices);
        g.segment = Government;
        let (mut s, c) = setup("US", customer, vec![o, g]);
        if holds_gov {
            add_sub(&mut s, &c, "gov", St::Active);
        }
        assert_eq!(reasons(&s, &c, X), want, "{customer:?} customer, {offer_segment:?} offer, gov sub {holds_gov}");
    }
}

#[test]
fn purchase_limits() {
    let limit = |l, held| vec![Ineligible::PurchaseLimitReached { limit: l, held }];
    use PurchaseLimit::{Concurrent, Lifetime};
    // (limit, statuses of the customer's existing subscriptions to the offer, expected)
    let cases: Vec<(&str, PurchaseLimit, Vec<St>, Vec<Ineligible>)> = vec![
        ("none, many held", PurchaseLimit::None, vec![St::Active, St::Active, St::Active], vec![]),
        ("concurrent 1, none held", Concurrent(1), vec![], vec![]),
        ("concurrent 1, active", Concurrent(1), vec![St::Active], limit(Concurrent(1), 1)),
        ("concurrent 1, cancelled not deleted", Concurrent(1), vec![St::Cancelled], limit(Concurrent(1), 1)),
        ("concurrent 1, deleted", Concurrent(1), vec![St::Deleted], vec![]),
        ("concurrent 1, expired", Concurrent(1), vec![St::Expired], vec![]),
        ("concurrent 2, one active", Concurrent(2), vec![St::Active], vec![]),
        ("concurrent 2, active + cancelled", Concurrent(2), vec![St::Active, St::Cancelled], limit(Concurrent(2), 2)),
        ("concurrent 2, active + deleted", Concurrent(2), vec![St::Active, St::Deleted], vec![]),
        (
            "concurrent 2, active + suspended",
            Concurrent(2),
            vec![St::Active, St::Suspended],
            vec![
                Ineligible::PurchaseLimitReached { limit: Concurrent(2), held: 2 },
                Ineligible::SuspendedSubscription { subscription: SubscriptionId("TS-0002".into()) },
            ],
        ),
        ("lifetime 1, none", Lifetime(1), vec![], vec![]),
        ("lifetime 1, deleted still counts", Lifetime(1), vec![St::Deleted], limit(Lifetime(1), 1)),
        ("lifetime 2, one expired", Lifetime(2), vec![St::Expired], vec![]),
        ("lifetime 2, expired + deleted", Lifetime(2), vec![St::Expired, St::Deleted], limit(Lifetime(2), 2)),
    ];
    for (name, purchase_limit, held, want) in cases {
        let mut o = offer(X, Family::OnlineServices);
        o.purchase_limit = purchase_limit;
        let (mut s, c) = setup("US", Segment::Commercial, vec![o]);
        for st in held {
            add_sub(&mut s, &c, X, st);
        }
        // Another customer's subscriptions never count.
        let other = add_customer(&mut s, "US", Segment::Commercial);
        add_sub(&mut s, &other, X, St::Active);
        assert_eq!(reasons(&s, &c, X), want, "{name}");
    }
}

#[test]
fn suspended_subscription_says_reactivate() {
    let (mut s, c) = setup("US", Segment::Commercial, vec![offer(X, Family::OnlineServices)]);
    let sub = add_sub(&mut s, &c, X, St::Suspended);
    assert_eq!(reasons(&s, &c, X), vec![Ineligible::SuspendedSubscription { subscription: sub }]);
}

#[test]
fn countries_of_customer_and_partner() {
    let only = |l: &[&str]| Countries::Only(l.iter().map(|c| c.to_string()).collect());
    // (offer sold in, customer country, partner country, expected)
    let cases: Vec<(Countries, &str, &str, Vec<Ineligible>)> = vec![
        (Countries::All, "JP", "US", vec![]),
        (only(&["US", "FR"]), "FR", "US", vec![]),
        (only(&["US", "FR"]), "JP", "US", vec![Ineligible::NotSoldInCustomerCountry { country: "JP".into() }]),
        (only(&["FR"]), "FR", "US", vec![Ineligible::NotSoldInPartnerCountry { country: "US".into() }]),
        (
            only(&["CN"]),
            "JP",
            "US",
            vec![
                Ineligible::NotSoldInCustomerCountry { country: "JP".into() },
                Ineligible::NotSoldInPartnerCountry { country: "US".into() },
            ],
        ),
        (
            only(&[]),
            "US",
            "US",
            vec![
                Ineligible::NotSoldInCustomerCountry { country: "US".into() },
                Ineligible::NotSoldInPartnerCountry { country: "US".into() },
            ],
        ),
    ];
    for (sold, customer, partner, want) in cases {
        let mut o = offer(X, Family::OnlineServices);
        o.countries = sold.clone();
        let (mut s, c) = setup(customer, Segment::Commercial, vec![o]);
        s.partner.country = partner.into();
        assert_eq!(reasons(&s, &c, X), want, "sold in {sold:?}, customer {customer}, partner {partner}");
    }
}

#[test]
fn isv_restrictions() {
    let terms = |supported: Countries, through_csp, exclusive: &[&str], transactable| IsvTerms {
        supported_countries: supported,
        through_csp,
        exclusive_to: exclusive.iter().map(|p| p.to_string()).collect(),
        transactable,
    };
    let only = |l: &[&str]| Countries::Only(l.iter().map(|c| c.to_string()).collect());
    let cases: Vec<(&str, IsvTerms, Vec<Ineligible>)> = vec![
        ("no restriction", terms(Countries::All, true, &[], true), vec![]),
        ("supports the country", terms(only(&["DE", "FR"]), true, &[], true), vec![]),
        (
            "country unsupported",
            terms(only(&["US"]), true, &[], true),
            vec![Ineligible::IsvCountryUnsupported { country: "FR".into() }],
        ),
        ("not through CSP", terms(Countries::All, false, &[], true), vec![Ineligible::IsvNotThroughCsp]),
        ("exclusive to this partner", terms(Countries::All, true, &["P-1000"], true), vec![]),
        ("exclusive to this and another", terms(Countries::All, true, &["P-2000", "P-1000"], true), vec![]),
        (
            "exclusive to another",
            terms(Countries::All, true, &["P-2000"], true),
            vec![Ineligible::ExclusiveToOtherPartners],
        ),
        ("not transactable", terms(Countries::All, true, &[], false), vec![Ineligible::NotTransactable]),
        (
            "everything at once",
            terms(only(&["US"]), false, &["P-2000"], false),
            vec![
                Ineligible::IsvCountryUnsupported { country: "FR".into() },
                Ineligible::IsvNotThroughCsp,
                Ineligible::ExclusiveToOtherPartners,
                Ineligible::NotTransactable,
            ],
        ),
    ];
    for (name, isv, want) in cases {
        let mut o = offer(X, Family::IsvSaasLicense);
        o.publisher_kind = PublisherKind::Partner;
        o.isv = Some(isv);
        let (s, c) = setup("FR", Segment::Commercial, vec![o]);
        assert_eq!(reasons(&s, &c, X), want, "{name}");
    }
}

#[test]
fn trials() {
    let trial_offer = || {
        let mut t = offer("trial", Family::MicrosoftTrial);
        t.trial_of = Some(OfferId("paid".into()));
        t.purchase_limit = PurchaseLimit::Lifetime(1);
        t
    };
    let sub = |n: u32| SubscriptionId(format!("TS-{n:04}"));
    // (case, customer segment, existing subscriptions (offer, status, started as trial), expected)
    type Held = &'static [(&'static str, St, bool)];
    let cases: Vec<(&str, Segment, Held, Vec<Ineligible>)> = vec![
        ("fresh commercial", Segment::Commercial, &[], vec![]),
        ("non-profit may", Segment::NonProfit, &[], vec![]),
        (
            "owns the paid offer",
            Segment::Commercial,
            &[("paid", St::Active, false)],
            vec![Ineligible::TrialPaidOfferOwned { subscription: sub(1) }],
        ),
        (
            "paid offer suspended still owned",
            Segment::Commercial,
            &[("paid", St::Suspended, false)],
            vec![Ineligible::TrialPaidOfferOwned { subscription: sub(1) }],
        ),
        ("paid offer deleted", Segment::Commercial, &[("paid", St::Deleted, false)], vec![]),
        (
            "trial expired",
            Segment::Commercial,
            &[("trial", St::Expired, true)],
            vec![Ineligible::TrialAlreadyUsed { subscription: sub(1) }],
        ),
        (
            "trial active",
            Segment::Commercial,
            &[("trial", St::Active, true)],
            vec![Ineligible::TrialAlreadyUsed { subscription: sub(1) }],
        ),
        (
            "trial converted (kept its ID under the paid offer)",
            Segment::Commercial,
            &[("paid", St::Active, true)],
            vec![
                Ineligible::TrialPaidOfferOwned { subscription: sub(1) },
                Ineligible::TrialAlreadyUsed { subscription: sub(1) },
            ],
        ),
        (
            "government",
            Segment::Government,
            &[],
            vec![
                Ineligible::SegmentNotAllowed { customer: Segment::Government, offer: Segment::Commercial },
                Ineligible::TrialNotForSegment { segment: Segment::Government },
            ],
        ),
        ("education", Segment::Education, &[], vec![Ineligible::TrialNotForSegment { segment: Segment::Education }]),
    ];
    for (name, segment, held, want) in cases {
        let (mut s, c) = setup("US", segment, vec![offer("paid", Family::OnlineServices), trial_offer()]);
        for (o, st, was_trial) in held.iter() {
            let id = add_sub(&mut s, &c, o, *st);
            if *was_trial {
                s.subscriptions.get_mut(&id).unwrap().trial_ends = Some(crate::testkit::date(2026, 2, 1));
            }
        }
        assert_eq!(reasons(&s, &c, "trial"), want, "{name}");
    }
}

#[test]
fn reservation_markets_by_iso_code_and_azure_subscription() {
    let azure = || {
        let mut a = offer("azure", Family::AzurePlan);
        a.billing = vec![crate::records::BillingFrequency::None];
        a
    };
    // (customer country, Azure plan status or none, expected)
    let cases: Vec<(&str, Option<St>, Vec<Ineligible>)> = vec![
        ("US", Some(St::Active), vec![]),
        ("FR", Some(St::Active), vec![]),
        ("XK", Some(St::Active), vec![Ineligible::ReservationMarketUnavailable { country: "XK".into() }]),
        ("CN", Some(St::Active), vec![Ineligible::ReservationMarketUnavailable { country: "CN".into() }]),
        ("RE", Some(St::Active), vec![Ineligible::ReservationMarketUnavailable { country: "RE".into() }]),
        ("BQ", Some(St::Active), vec![Ineligible::ReservationMarketUnavailable { country: "BQ".into() }]),
        ("NL", Some(St::Active), vec![]),
        ("US", None, vec![Ineligible::NoActiveAzureSubscription]),
        ("US", Some(St::Suspended), vec![Ineligible::NoActiveAzureSubscription]),
        (
            "XK",
            None,
            vec![
                Ineligible::ReservationMarketUnavailable { country: "XK".into() },
                Ineligible::NoActiveAzureSubscription,
            ],
        ),
    ];
    for (country, plan, want) in cases {
        let (mut s, c) = setup(country, Segment::Commercial, vec![offer("ri", Family::AzureReservation), azure()]);
        if let Some(st) = plan {
            add_sub(&mut s, &c, "azure", st);
        }
        assert_eq!(reasons(&s, &c, "ri"), want, "{country} {plan:?}");
    }
    // An Azure plan of another customer does not count.
    let (mut s, c) = setup("US", Segment::Commercial, vec![offer("ri", Family::AzureReservation), azure()]);
    let other = add_customer(&mut s, "US", Segment::Commercial);
    add_sub(&mut s, &other, "azure", St::Active);
    assert_eq!(reasons(&s, &c, "ri"), vec![Ineligible::NoActiveAzureSubscription]);
}

#[test]
fn add_ons_are_never_listed_and_unknown_customers_have_no_answer() {
    let (s, c) =
        setup("US", Segment::Commercial, vec![offer("addon", Family::AddOn), offer(X, Family::OnlineServices)]);
    assert_eq!(reasons(&s, &c, "addon"), vec![Ineligible::AddOnNotListed]);
    assert!(eligibility(&s, &c).unwrap().is_eligible(&OfferId(X.into())));
    assert!(eligibility(&s, &CustomerId("nobody".into())).is_none());
}

#[test]
fn demo_customers_show_the_rules() {
    let s = crate::demo::demo_state(crate::testkit::now());
    let by_country = |country: &str, segment: Segment| {
        s.customers.values().find(|c| c.country == country && c.segment == segment).unwrap().id.clone()
    };
    let contoso = by_country("US", Segment::Commercial);
    let r = |c: &CustomerId, o: &str| reasons(&s, c, o);
    assert!(r(&contoso, "o365-e3").iter().any(|i| matches!(i, Ineligible::SuspendedSubscription { .. })));
    assert!(r(&contoso, "teams-essentials").iter().any(|i| matches!(i, Ineligible::PurchaseLimitReached { .. })));
    assert!(r(&contoso, "m365-business-basic-trial").iter().any(|i| matches!(i, Ineligible::TrialAlreadyUsed { .. })));
    assert!(r(&contoso, "ri-d2sv3-eastus").is_empty(), "Contoso has an Azure plan");
    assert!(r(&contoso, "tailspin-analytics").contains(&Ineligible::ExclusiveToOtherPartners));
    assert!(r(&contoso, "adatum-backup-m365").is_empty(), "exclusive to P-1000");
    assert!(r(&contoso, "o365-e3-21vianet").contains(&Ineligible::NotSoldInPartnerCountry { country: "US".into() }));
    let kosovo = by_country("XK", Segment::Commercial);
    assert_eq!(r(&kosovo, "ri-d2sv3-eastus"), vec![Ineligible::ReservationMarketUnavailable { country: "XK".into() }]);
    let japan = by_country("JP", Segment::Commercial);
    assert!(
        r(&japan, "dynamics365-bc-essentials").contains(&Ineligible::NotSoldInCustomerCountry { country: "JP".into() })
    );
    assert!(
        r(&japan, "northwind-project-tracker").contains(&Ineligible::IsvCountryUnsupported { country: "JP".into() })
    );
    let gov = by_country("US", Segment::Government);
    assert!(r(&gov, "o365-e1").iter().any(|i| matches!(i, Ineligible::GovernmentCustomerLocked { .. })));
    assert!(r(&gov, "o365-g5-gcc").is_empty());
}

/// An independent oracle: RULES §2.4 checked by rescanning the customer's subscriptions for each offer
/// (quadratic, obviously right), to compare with the indexed one-call computation.
fn naive(s: &State, c: &Customer, subs: &[&crate::records::Subscription], o: &Offer) -> Vec<Ineligible> {
    let of = |id: &OfferId| subs.iter().filter(move |x| &x.offer == id).copied().collect::<Vec<_>>();
    let live = |st: St| matches!(st, St::Active | St::Suspended);
    let mut out = Vec::new();
    if o.family == Family::AddOn {
        out.push(Ineligible::AddOnNotListed);
    }
    let gov = subs
        .iter()
        .find(|x| live(x.status) && s.catalog.get(&x.offer).is_some_and(|g| g.segment == Segment::Government));
    if let (Some(g), true) = (gov, c.segment == Segment::Government && o.segment != Segment::Government) {
        out.push(Ineligible::GovernmentCustomerLocked { subscription: g.id.clone() });
    } else if !c.segment.may_buy(o.segment) {
        out.push(Ineligible::SegmentNotAllowed { customer: c.segment, offer: o.segment });
    }
    if !o.countries.includes(&c.country) {
        out.push(Ineligible::NotSoldInCustomerCountry { country: c.country.clone() });
    }
    if !o.countries.includes(&s.partner.country) {
        out.push(Ineligible::NotSoldInPartnerCountry { country: s.partner.country.clone() });
    }
    let mine = of(&o.id);
    let trial_used = o.is_trial() && !mine.is_empty();
    if !trial_used {
        let (limit, count) = match o.purchase_limit {
            PurchaseLimit::None => (u32::MAX, 0),
            PurchaseLimit::Concurrent(n) => {
                (n, mine.iter().filter(|x| live(x.status) || x.status == St::Cancelled).count() as u32)
            }
            PurchaseLimit::Lifetime(n) => (n, mine.len() as u32),
        };
        if count >= limit {
            out.push(Ineligible::PurchaseLimitReached { limit: o.purchase_limit, held: count });
        }
    }
    if let Some(x) = mine.iter().find(|x| x.status == St::Suspended) {
        out.push(Ineligible::SuspendedSubscription { subscription: x.id.clone() });
    }
    if let Some(isv) = &o.isv {
        if !isv.supported_countries.includes(&c.country) {
            out.push(Ineligible::IsvCountryUnsupported { country: c.country.clone() });
        }
        if !isv.through_csp {
            out.push(Ineligible::IsvNotThroughCsp);
        }
        if !isv.exclusive_to.is_empty() && !isv.exclusive_to.contains(&s.partner.id) {
            out.push(Ineligible::ExclusiveToOtherPartners);
        }
        if !isv.transactable {
            out.push(Ineligible::NotTransactable);
        }
    }
    if o.is_trial() {
        let paid = o.trial_of.as_ref().map(of).unwrap_or_default();
        if let Some(x) = paid.iter().find(|x| live(x.status)) {
            out.push(Ineligible::TrialPaidOfferOwned { subscription: x.id.clone() });
        }
        if let Some(x) = mine.first().or(paid.iter().find(|x| x.trial_ends.is_some())) {
            out.push(Ineligible::TrialAlreadyUsed { subscription: x.id.clone() });
        }
        if matches!(c.segment, Segment::Government | Segment::Education) {
            out.push(Ineligible::TrialNotForSegment { segment: c.segment });
        }
    }
    if o.family == Family::AzureReservation {
        if s.policy.reservation_unavailable_markets.contains(&c.country) {
            out.push(Ineligible::ReservationMarketUnavailable { country: c.country.clone() });
        }
        let azure = subs
            .iter()
            .any(|x| x.status == St::Active && s.catalog.get(&x.offer).is_some_and(|a| a.family == Family::AzurePlan));
        if !azure {
            out.push(Ineligible::NoActiveAzureSubscription);
        }
    }
    out
}

/// The one-call computation over a 10,000-offer catalog agrees, offer by offer, with the naive oracle.
#[test]
fn ten_thousand_offers_match_a_naive_check() {
    let mut s = empty_state();
    s.catalog = std::sync::Arc::new(Catalog::generated(10_000, 7));
    let statuses = [St::Active, St::Suspended, St::Cancelled, St::Deleted, St::Expired, St::Active];
    let customers: Vec<CustomerId> = [
        ("US", Segment::Commercial),
        ("XK", Segment::Education),
        ("JP", Segment::Government),
        ("FR", Segment::NonProfit),
    ]
    .iter()
    .map(|(country, seg)| add_customer(&mut s, country, *seg))
    .collect();
    let ids: Vec<OfferId> = s.catalog.offers().iter().map(|o| o.id.clone()).collect();
    for (k, c) in customers.iter().enumerate() {
        for (i, id) in ids.iter().enumerate().skip(k).step_by(13) {
            let sub = add_sub(&mut s, c, id.as_str(), statuses[i % statuses.len()]);
            if i % 3 == 0 {
                s.subscriptions.get_mut(&sub).unwrap().trial_ends = Some(crate::testkit::date(2026, 1, 1));
            }
        }
    }
    let mut seen: std::collections::HashMap<std::mem::Discriminant<Ineligible>, usize> = Default::default();
    for c in &customers {
        let e = eligibility(&s, c).unwrap();
        let customer = &s.customers[c];
        let subs: Vec<&crate::records::Subscription> = s.subscriptions.values().filter(|x| &x.customer == c).collect();
        let mut eligible = 0;
        for o in s.catalog.offers() {
            let want = naive(&s, customer, &subs, o);
            assert_eq!(e.reasons(&o.id), want.as_slice(), "{} for {c}", o.id);
            eligible += want.is_empty() as usize;
            for r in want {
                *seen.entry(std::mem::discriminant(&r)).or_default() += 1;
            }
        }
        assert!(eligible > 0, "{c}: something is buyable");
        assert!(eligible < 10_000, "{c}: something is not");
    }
    // Every kind of reason occurs somewhere in the generated data (so the comparison means something).
    assert!(seen.len() >= 15, "{} kinds of reason seen", seen.len());
}
