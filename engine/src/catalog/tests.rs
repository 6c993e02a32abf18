use super::*;
use crate::policy::Policy;
use std::collections::BTreeSet;

fn cat() -> Arc<Catalog> {
    builtin()
}

#[test]
fn builtin_catalog_parses_and_covers_every_family() {
    let c = cat();
    assert_eq!(Catalog::from_json(CATALOG_JSON).unwrap().len(), c.len(), "the file parses, no duplicate IDs");
    assert!(c.len() >= 60, "{} offers", c.len());
    for family in Family::ALL {
        assert!(c.offers().iter().any(|o| o.family == family), "{family:?}");
    }
    for segment in Segment::ALL {
        assert!(c.offers().iter().any(|o| o.segment == segment && o.is_listed()), "{segment:?}");
    }
}

#[test]
fn offers_are_consistent() {
    let c = cat();
    let p = Policy::default();
    for o in c.offers() {
        let id = &o.id;
        assert!(o.min_quantity >= 1 && o.min_quantity <= o.max_quantity, "{id}: quantity bounds");
        assert!(!o.billing.is_empty(), "{id}: billing frequencies");
        if o.category == Category::SmallBusiness {
            assert!(o.max_quantity < p.small_business_max_licenses, "{id}: small business max below 300");
        }
        // Links point at existing offers, both ways.
        for a in &o.add_ons {
            let add_on = c.get(a).unwrap_or_else(|| panic!("{id}: add-on {a}"));
            assert_eq!(add_on.family, Family::AddOn, "{id} → {a}");
            assert!(add_on.requires_base.contains(id), "{a} names its base {id}");
        }
        for b in &o.requires_base {
            assert!(c.get(b).is_some_and(|base| base.add_ons.contains(id)), "{id} needs {b}, which accepts it");
        }
        if o.family == Family::AddOn {
            assert!(!o.requires_base.is_empty(), "{id}: an add-on needs a base");
        }
        if let Some(t) = &o.trial_offer {
            assert_eq!(c.get(t).and_then(|t| t.trial_of.as_ref()), Some(id), "{id} ↔ trial {t}");
        }
        if o.is_trial() {
            assert_eq!(o.category, Category::Trial, "{id}");
            assert_eq!(o.purchase_limit, PurchaseLimit::Lifetime(1), "{id}: trials are Lifetime 1");
            assert_eq!((o.min_quantity, o.max_quantity), (p.trial_licenses, p.trial_licenses), "{id}");
            assert_eq!(o.billing, vec![BillingFrequency::None], "{id}: free");
            let paid = o.trial_of.as_ref().and_then(|t| c.get(t)).unwrap_or_else(|| panic!("{id}: paid offer"));
            assert_eq!(paid.trial_offer.as_ref(), Some(id));
        }
        // Every billing frequency × term has a price in every currency.
        let terms: Vec<Option<Term>> =
            if o.terms.is_empty() { vec![None] } else { o.terms.iter().copied().map(Some).collect() };
        for b in &o.billing {
            for t in &terms {
                for cur in Currency::ALL {
                    let price = o.price(cur, *b, *t).unwrap_or_else(|| panic!("{id}: {b:?} {t:?} {cur}"));
                    assert_eq!(price.currency, cur);
                    assert!(price.minor > 0 || *b == BillingFrequency::None, "{id}: {b:?} {t:?} {cur} positive");
                }
            }
        }
        let partner = matches!(o.family, Family::IsvSaasLicense | Family::IsvSaasMetered | Family::SoftwarePlan);
        assert_eq!(o.isv.is_some(), partner, "{id}: ISV terms exactly for ISV offers");
        assert_eq!(o.publisher_kind == PublisherKind::Partner, partner, "{id}: publisher kind");
        if matches!(o.family, Family::IsvSaasLicense | Family::IsvSaasMetered) {
            assert!(o.setup_url.as_deref().is_some_and(|u| u.starts_with("https://")), "{id}: set-up URL");
        }
        if matches!(o.family, Family::IsvSaasMetered | Family::AzurePlan) {
            assert_eq!(o.billing_type, BillingType::Usage, "{id}: billed by usage");
        }
        if o.family == Family::AzureReservation {
            assert!(o.reservation.is_some(), "{id}: VM size and region");
            for t in &o.terms {
                for cur in Currency::ALL {
                    let total = o.price(cur, BillingFrequency::OneTime, Some(*t)).unwrap();
                    let monthly = o.price(cur, BillingFrequency::Monthly, Some(*t)).unwrap();
                    assert_eq!(monthly.times(t.months() as i64), total, "{id} {t:?} {cur}: same total");
                }
            }
        }
    }
}

#[test]
fn catalog_has_every_restriction_the_rules_need() {
    let c = cat();
    let has = |what: &str, pred: &dyn Fn(&Offer) -> bool| assert!(c.offers().iter().any(pred), "{what}");
    let isv = |o: &Offer, f: &dyn Fn(&IsvTerms) -> bool| o.isv.as_ref().is_some_and(f);
    has("ISV with unsupported countries", &|o| isv(o, &|i| i.supported_countries != Countries::All));
    has("ISV not offered through CSP", &|o| isv(o, &|i| !i.through_csp));
    has("ISV exclusive to another partner", &|o| {
        isv(o, &|i| !i.exclusive_to.is_empty() && !i.exclusive_to.contains(&"P-1000".to_string()))
    });
    has("ISV exclusive to P-1000", &|o| isv(o, &|i| i.exclusive_to == vec!["P-1000".to_string()]));
    has("ISV not transactable", &|o| isv(o, &|i| !i.transactable));
    has("ISV SaaS with a free trial", &|o| o.free_trial_days.is_some());
    has("one subscription per customer", &|o| o.purchase_limit == PurchaseLimit::Concurrent(1));
    has("small business Concurrent 2", &|o| {
        o.category == Category::SmallBusiness && o.purchase_limit == PurchaseLimit::Concurrent(2)
    });
    has("offer not sold in the US (partner country)", &|o| !o.countries.includes("US"));
    has("offer not sold in Japan", &|o| o.is_listed() && !o.countries.includes("JP") && o.countries.includes("US"));
    has("3-year software subscription", &|o| {
        o.family == Family::SoftwareSubscription && o.terms.contains(&Term::ThreeYears)
    });
    has("3-year reservation", &|o| o.family == Family::AzureReservation && o.terms.contains(&Term::ThreeYears));
    let names: BTreeSet<&str> = c.offers().iter().map(|o| o.name.as_str()).collect();
    for needle in [
        "Microsoft 365 Business Basic",
        "Office 365 E5",
        "Exchange Online (Plan 1)",
        "Audio Conferencing",
        "Windows Server 2022 Datacenter",
        "SQL Server 2019 Enterprise",
        "SUSE",
        "Red Hat",
        "Azure plan",
    ] {
        assert!(names.iter().any(|n| n.contains(needle)), "{needle}");
    }
    let regions: BTreeSet<&str> =
        c.offers().iter().filter_map(|o| o.reservation.as_ref()).map(|r| r.region.as_str()).collect();
    assert!(regions.len() >= 3, "reservations in several regions: {regions:?}");
}

#[test]
fn jpy_prices_are_whole_yen() {
    let c = cat();
    let o = c.get(&OfferId("m365-business-basic".into())).unwrap();
    assert_eq!(
        o.price(Currency::JPY, BillingFrequency::Monthly, Some(Term::OneYear)),
        Some(Money::new(900, Currency::JPY))
    );
    assert_eq!(
        o.price(Currency::USD, BillingFrequency::Monthly, Some(Term::OneYear)),
        Some(Money::new(600, Currency::USD))
    );
    assert_eq!(o.price(Currency::USD, BillingFrequency::OneTime, Some(Term::OneYear)), None, "no such billing");
    assert_eq!(o.price(Currency::USD, BillingFrequency::None, None), Some(Money::zero(Currency::USD)), "free is zero");
}

#[test]
fn filters_combine() {
    let c = cat();
    let f = |tab, publisher, billing_type, category, segment, text: &str| OfferFilter {
        tab,
        publisher,
        billing_type,
        category,
        segment,
        text: text.into(),
    };
    type Check = fn(&Offer) -> bool;
    let cases: Vec<(&str, OfferFilter, Check)> = vec![
        ("any", OfferFilter::default(), |o| o.is_listed()),
        ("online services tab", f(Some(Tab::OnlineServices), None, None, None, None, ""), |o| {
            o.family.tab() == Some(Tab::OnlineServices)
        }),
        ("software tab", f(Some(Tab::Software), None, None, None, None, ""), |o| o.family.is_software()),
        ("azure tab", f(Some(Tab::Azure), None, None, None, None, ""), |o| {
            matches!(o.family, Family::AzurePlan | Family::AzureReservation)
        }),
        ("partner publisher", f(None, Some(PublisherKind::Partner), None, None, None, ""), |o| {
            o.publisher_kind == PublisherKind::Partner
        }),
        ("usage", f(None, None, Some(BillingType::Usage), None, None, ""), |o| o.billing_type == BillingType::Usage),
        ("trials", f(None, None, None, Some(Category::Trial), None, ""), |o| o.is_trial()),
        (
            "small business commercial",
            f(
                Some(Tab::OnlineServices),
                Some(PublisherKind::Microsoft),
                Some(BillingType::License),
                Some(Category::SmallBusiness),
                Some(Segment::Commercial),
                "",
            ),
            |o| o.category == Category::SmallBusiness && o.segment == Segment::Commercial,
        ),
        ("text on name, any case", f(None, None, None, None, None, "  office 365 E"), |o| {
            o.name.to_lowercase().contains("office 365 e")
        }),
        ("text on publisher", f(None, None, None, None, None, "red hat"), |o| o.publisher == "Red Hat"),
        ("government", f(None, None, None, None, Some(Segment::Government), ""), |o| o.segment == Segment::Government),
    ];
    for (name, filter, expect) in cases {
        let got: Vec<&OfferId> = search(&c, &filter).iter().map(|o| &o.id).collect();
        let want: Vec<&OfferId> = c.offers().iter().filter(|o| o.is_listed() && expect(o)).map(|o| &o.id).collect();
        assert!(!want.is_empty(), "{name}: the case selects something");
        assert_eq!(got, want, "{name}");
        assert!(search(&c, &filter).iter().all(|o| o.family != Family::AddOn), "{name}: add-ons never listed");
    }
    assert!(search(&c, &f(None, None, None, None, None, "Audio Conferencing")).is_empty(), "add-ons are never listed");
}

#[test]
fn text_search_matches_the_kept_offer_of_a_duplicate_id() {
    let named =
        |id: &str, name: &str| Offer { id: OfferId(id.into()), name: name.into(), ..builtin().offers()[0].clone() };
    let c = Catalog::new(vec![named("A", "Alpha"), named("A", "Beta"), named("B", "Gamma")]);
    let cases = [("alpha", vec!["A"]), ("BETA", vec![]), ("gamma", vec!["B"]), ("", vec!["A", "B"])];
    for (text, want) in cases {
        let filter = OfferFilter { text: text.into(), ..OfferFilter::default() };
        let got: Vec<&str> = search(&c, &filter).iter().map(|o| o.id.as_str()).collect();
        assert_eq!(got, want, "{text:?}");
        let positions: Vec<&str> = search_positions(&c, &filter).iter().map(|&i| c.offers()[i].id.as_str()).collect();
        assert_eq!(positions, want, "{text:?}: positions");
    }
}

#[test]
fn generated_catalog_is_deterministic_and_varied() {
    let a = Catalog::generated(10_000, 42);
    assert_eq!(a.len(), 10_000);
    assert_eq!(a, Catalog::generated(10_000, 42));
    assert_ne!(a, Catalog::generated(10_000, 43));
    for family in Family::ALL {
        assert!(a.offers().iter().any(|o| o.family == family), "{family:?}");
    }
    assert!(a.get(&OfferId("gen-09999".into())).is_some());
}
