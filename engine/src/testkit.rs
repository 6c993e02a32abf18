//! Builders shared by the tests of the customer, catalog, eligibility, cart and checkout modules, and
//! (through the `testkit` feature) by the benchmarks: [`scale`] generates large partners.

pub mod scale;

use crate::catalog::{Catalog, Category, Countries, Family, Offer, Price, PublisherKind, PurchaseLimit};
use crate::customers::{tenant_id, Customer, Segment};
use crate::ids::{CustomerId, OfferId, OrderId, SubscriptionId, UserId};
use crate::money::{Currency, Money};
use crate::records::{BillingFrequency, Subscription, SubscriptionStatus, Term};
use crate::roles::Role;
use crate::{demo, State};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::sync::Arc;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The demo partner and users, with no customers or purchases.
pub fn empty_state() -> State {
    demo::partner_state(now())
}

pub fn user_with(state: &State, role: Role) -> UserId {
    state.users.iter().find(|u| u.roles == vec![role]).unwrap().id.clone()
}

/// Add a customer directly (bypassing the form) and return its ID.
pub fn add_customer(state: &mut State, country: &str, segment: Segment) -> CustomerId {
    let id = CustomerId(format!("T-{:04}", state.customers.len() + 1));
    state.customers.insert(
        id.clone(),
        Customer {
            tenant_id: tenant_id(&id),
            id: id.clone(),
            company_name: format!("Test {country} {segment:?}"),
            domain: format!("t{}.onmicrosoft.com", state.customers.len() + 1),
            country: country.into(),
            segment,
            account_opened: date(2025, 1, 1),
            first_billing: date(2025, 1, 11),
            created_at: now(),
        },
    );
    id
}

/// A plain Microsoft license offer: Commercial, sold everywhere, monthly/annual, 1 year, 1–300,
/// no purchase limit, 10.00 (1000 JPY) a month in every currency.
pub fn offer(id: &str, family: Family) -> Offer {
    let amounts = |minor: i64| Currency::ALL.iter().map(|c| (*c, minor)).collect();
    Offer {
        id: OfferId(id.into()),
        name: format!("Offer {id}"),
        publisher: "Microsoft".into(),
        publisher_kind: PublisherKind::Microsoft,
        family,
        billing_type: crate::catalog::BillingType::License,
        category: Category::Enterprise,
        segment: Segment::Commercial,
        countries: Countries::All,
        billing: vec![BillingFrequency::Monthly, BillingFrequency::Annual],
        terms: vec![Term::OneYear],
        min_quantity: 1,
        max_quantity: 300,
        purchase_limit: PurchaseLimit::None,
        add_ons: vec![],
        requires_base: vec![],
        trial_of: None,
        trial_offer: None,
        prices: vec![
            Price { billing: BillingFrequency::Monthly, term: Some(Term::OneYear), amounts: amounts(1000) },
            Price { billing: BillingFrequency::Annual, term: Some(Term::OneYear), amounts: amounts(12000) },
        ],
        isv: None,
        setup_url: None,
        reservation: None,
        free_trial_days: None,
    }
}

pub fn set_catalog(state: &mut State, offers: Vec<Offer>) {
    state.catalog = Arc::new(Catalog::new(offers));
}

/// A free monthly Microsoft subscription record to `offer` (named after it) for 2026, bought at [`now`],
/// quantity 1 (an Azure plan when `offer` is `azure-plan`); tests override the fields they need.
pub fn subscription(id: SubscriptionId, customer: CustomerId, offer: &str, status: SubscriptionStatus) -> Subscription {
    Subscription {
        id,
        customer,
        offer: OfferId(offer.into()),
        name: offer.into(),
        order: OrderId("O-test".into()),
        quantity: 1,
        billing: BillingFrequency::Monthly,
        status,
        created_at: now(),
        term_start: date(2026, 1, 1),
        term_end: date(2026, 12, 31),
        auto_renew: true,
        unit_price: Money::zero(Currency::USD),
        trial_ends: None,
        base: None,
        suspended_at: None,
        cancel_at: None,
        publisher: Default::default(),
        metered: false,
        commercial_marketplace: false,
        min_quantity: 1,
        max_quantity: None,
        billed_through: None,
        segments: Vec::new(),
        is_azure_plan: offer == "azure-plan",
    }
}

/// Insert a subscription directly with the given status.
pub fn add_sub(state: &mut State, customer: &CustomerId, offer: &str, status: SubscriptionStatus) -> SubscriptionId {
    let id = SubscriptionId(format!("TS-{:04}", state.subscriptions.len() + 1));
    state.subscriptions.insert(id.clone(), subscription(id.clone(), customer.clone(), offer, status));
    id
}
