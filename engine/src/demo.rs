//! The demo partner: one user per role of RULES §1.2, so that every permission can be seen.

use crate::cart::LineInput;
use crate::customers::{tenant_id, Customer, Segment, DOMAIN_SUFFIX};
use crate::ids::{Counters, CustomerId, OfferId, UserId};
use crate::partner::{CspModel, Partner, PartnerUser};
use crate::policy::Policy;
use crate::records::{BillingFrequency, SubscriptionStatus, Term};
use crate::roles::Role;
use crate::{execute, Command, State};
use chrono::{DateTime, Duration, Utc};

const DEMO_USERS: &[(&str, &str, Role)] = &[
    ("Alex Martin", "alex.martin@contoso-partners.com", Role::AdminAgent),
    ("Sam Rivera", "sam.rivera@contoso-partners.com", Role::SalesAgent),
    ("Jordan Lee", "jordan.lee@contoso-partners.com", Role::HelpdeskAgent),
    ("Taylor Brooks", "taylor.brooks@contoso-partners.com", Role::BillingAdmin),
    ("Morgan Blake", "morgan.blake@contoso-partners.com", Role::GlobalAdmin),
    ("Camille Dubois", "camille.dubois@contoso-partners.com", Role::UserManagementAdmin),
    ("Riley Chen", "riley.chen@contoso-partners.com", Role::AccountAdmin),
    ("Jamie Novak", "jamie.novak@contoso-partners.com", Role::ReferralAdmin),
    ("Quinn Patel", "quinn.patel@contoso-partners.com", Role::MarketingContentAdmin),
];

/// The demo Global admin (the user signed in on first start).
pub fn global_admin() -> UserId {
    UserId(Counters::format("U", 5))
}

/// The demo partner and its users, with no customers and nothing bought: the base of [`demo_state`],
/// and of tests that build their own customers and purchases.
pub fn partner_state(now: DateTime<Utc>) -> State {
    let users: Vec<PartnerUser> = DEMO_USERS
        .iter()
        .enumerate()
        .map(|(i, (name, email, role))| PartnerUser {
            id: UserId(Counters::format("U", i as u64 + 1)),
            name: name.to_string(),
            email: email.to_string(),
            roles: vec![*role],
        })
        .collect();
    let counters = Counters { user: users.len() as u64, ..Counters::default() };
    State {
        partner: Partner {
            id: "P-1000".into(),
            name: "Contoso Cloud Partners".into(),
            country: "US".into(),
            model: CspModel::DirectBill,
            credit_limit_minor: None,
        },
        users,
        clock: now,
        policy: Policy::default(),
        counters,
        audit: Vec::new(),
        orders: Default::default(),
        subscriptions: Default::default(),
        software: Default::default(),
        reservations: Default::default(),
        ledger: Vec::new(),
        subscription_log: Vec::new(),
        download_links: Default::default(),
        software_access: Default::default(),
        reservation_refunds: Default::default(),
        support_requests: Default::default(),
        customers: Default::default(),
        carts: Default::default(),
        checked_out: Default::default(),
        catalog: crate::catalog::builtin(),
    }
}

/// The demo partner with the demo customers, nothing bought yet.
pub fn customers_state(now: DateTime<Utc>) -> State {
    let mut state = partner_state(now);
    add_customers(&mut state, now);
    state
}

/// The demo partner, customers and purchases (what the app starts with and "Reset demo data" restores).
pub fn demo_state(now: DateTime<Utc>) -> State {
    let mut state = customers_state(now);
    seed_purchases(&mut state, now);
    state
}

/// (company, domain label, country, segment, days since account opened, days from opening to first billing)
const DEMO_CUSTOMERS: &[(&str, &str, &str, Segment, i64, i64)] = &[
    ("Contoso Ltd", "contosoltd", "US", Segment::Commercial, 400, 10),
    ("Fabrikam France SARL", "fabrikamfr", "FR", Segment::Commercial, 300, 45),
    ("Northwind Gymnasium Berlin", "northwindschule", "DE", Segment::Education, 200, 0),
    ("Tailspin Trust UK", "tailspintrust", "GB", Segment::NonProfit, 500, 20),
    ("Wingtip Toys Australia", "wingtipau", "AU", Segment::Commercial, 250, 30),
    ("Woodgrove Brasil Ltda", "woodgrovebr", "BR", Segment::Commercial, 180, 5),
    ("Litware Japan KK", "litwarejp", "JP", Segment::Commercial, 365, 14),
    ("Prishtina Digital LLC", "prishtinadigital", "XK", Segment::Commercial, 150, 0),
    ("Shanghai Adatum Trading", "adatumcn", "CN", Segment::Commercial, 120, 7),
    ("City of Redmond", "cityofredmond", "US", Segment::Government, 600, 60),
];

/// Demo customers in every segment and in markets that show each rule (tax-inclusive AU/BR, the
/// zero-decimal JPY market, reservation-unavailable XK and CN).
fn add_customers(state: &mut State, now: DateTime<Utc>) {
    let today = now.date_naive();
    for (i, (name, label, country, segment, opened, gap)) in DEMO_CUSTOMERS.iter().enumerate() {
        let id = CustomerId(Counters::format("C", i as u64 + 1));
        let account_opened = today - Duration::days(*opened);
        state.customers.insert(
            id.clone(),
            Customer {
                tenant_id: tenant_id(&id),
                id,
                company_name: name.to_string(),
                domain: format!("{label}{DOMAIN_SUFFIX}"),
                country: country.to_string(),
                segment: *segment,
                account_opened,
                first_billing: account_opened + Duration::days(*gap),
                created_at: now - Duration::days(*opened),
            },
        );
    }
    state.counters.customer = DEMO_CUSTOMERS.len() as u64;
}

/// Purchases bought through the engine 60 days ago so that limits, suspension, the Azure plan and the
/// Government lock can be seen.
fn seed_purchases(state: &mut State, now: DateTime<Utc>) {
    let bought = now - Duration::days(60);
    type Lines = &'static [(&'static str, i64, BillingFrequency)];
    let purchases: &[(u64, Lines)] = &[
        (
            1,
            &[
                ("m365-business-standard", 20, BillingFrequency::Monthly),
                ("o365-e3", 10, BillingFrequency::Annual),
                ("teams-essentials", 5, BillingFrequency::Monthly),
                ("azure-plan", 1, BillingFrequency::None),
                ("m365-business-basic-trial", 25, BillingFrequency::None),
            ],
        ),
        (2, &[("o365-e1", 50, BillingFrequency::Monthly), ("azure-plan", 1, BillingFrequency::None)]),
        (3, &[("o365-a3-faculty", 120, BillingFrequency::Annual)]),
        (5, &[("azure-plan", 1, BillingFrequency::None), ("m365-business-premium", 12, BillingFrequency::Monthly)]),
        (7, &[("azure-plan", 1, BillingFrequency::None)]),
        (8, &[("azure-plan", 1, BillingFrequency::None)]),
        (10, &[("o365-g3-gcc", 300, BillingFrequency::Annual)]),
    ];
    let admin = global_admin();
    for (n, lines) in purchases {
        let customer = CustomerId(Counters::format("C", *n));
        for (offer, quantity, billing) in lines.iter() {
            let line = LineInput {
                offer: OfferId(offer.to_string()),
                quantity: *quantity,
                billing: *billing,
                term: if *billing == BillingFrequency::None { Term::OneMonth } else { Term::OneYear },
                reservation: None,
            };
            let _ = execute(state, &admin, Command::AddToCart { customer: customer.clone(), line }, bought);
        }
        if let Some(cart) = state.carts.get(&customer).map(|c| c.id.clone()) {
            let _ = execute(state, &admin, Command::Checkout { customer, cart }, bought);
        }
    }
    // Contoso's Office 365 E3 was suspended ten days ago: buying it again is refused ("reactivate it").
    if let Some(s) = state.subscriptions.values_mut().find(|s| s.offer.as_str() == "o365-e3") {
        s.status = SubscriptionStatus::Suspended;
        s.suspended_at = Some(now - Duration::days(10));
    }
    // Demo data starts with an empty activity log.
    state.audit.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn demo_covers_every_role_and_signs_in_a_global_admin() {
        let state = demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap());
        for role in Role::ALL {
            assert!(state.users.iter().any(|u| u.roles.contains(&role)), "{role:?}");
        }
        assert_eq!(state.roles_of(&global_admin()), &[Role::GlobalAdmin]);
    }

    #[test]
    fn demo_customers_cover_markets_segments_and_records() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap();
        let state = demo_state(now);
        for country in ["US", "FR", "DE", "GB", "AU", "BR", "JP", "XK", "CN"] {
            assert!(state.customers.values().any(|c| c.country == country), "{country}");
        }
        for segment in Segment::ALL {
            assert!(state.customers.values().any(|c| c.segment == segment), "{segment:?}");
        }
        let retention: std::collections::BTreeSet<i64> =
            state.customers.values().map(|c| state.policy.retention_days(c.days_opened_to_first_billing())).collect();
        assert!(retention.len() >= 3, "different retention periods: {retention:?}");
        let status = |offer: &str| state.subscriptions.values().find(|s| s.offer.as_str() == offer).map(|s| s.status);
        assert_eq!(status("o365-e3"), Some(SubscriptionStatus::Suspended));
        assert_eq!(status("o365-g3-gcc"), Some(SubscriptionStatus::Active));
        let plans = state.subscriptions.values().filter(|s| s.offer.as_str() == "azure-plan").count();
        assert_eq!(plans, 5, "Azure plans for the reservation rule");
        assert_eq!(state.orders.len(), 11, "every demo purchase went through");
        assert!(state.carts.is_empty() && state.audit.is_empty());
        assert!(state.customers.values().all(|c| c.account_opened <= now.date_naive()));
    }

    #[test]
    fn demo_state_round_trips_through_json() {
        let state = demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap());
        let json = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
    }
}
