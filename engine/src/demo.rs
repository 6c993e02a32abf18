//! The demo partner: one user per role of RULES §1.2, so that every permission can be seen.

use crate::cart::{LineInput, ReservationOptions, ScopeChoice};
use crate::customers::{tenant_id, Customer, Segment, DOMAIN_SUFFIX};
use crate::ids::{Counters, CustomerId, OfferId, UserId};
use crate::partner::{CspModel, Partner, PartnerUser};
use crate::policy::Policy;
use crate::records::{BillingFrequency, ReservationBilling, ReservationOptimize, Term};
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
        price_lists: Vec::new(),
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

/// What one demo customer buys in one cart: (offer, quantity, billing, term, reservation billing).
/// A reservation line attaches to the customer's first Azure plan, single scope.
type DemoLine = (&'static str, i64, BillingFrequency, Term, Option<ReservationBilling>);

const fn line(offer: &'static str, quantity: i64, billing: BillingFrequency) -> DemoLine {
    let term = if matches!(billing, BillingFrequency::None) { Term::OneMonth } else { Term::OneYear };
    (offer, quantity, billing, term, None)
}

/// Licenses, trials and Azure plans bought 60 days ago.
const FIRST_PURCHASES: &[(u64, &[DemoLine])] = &[
    (
        1,
        &[
            line("m365-business-standard", 20, BillingFrequency::Monthly),
            line("o365-e3", 10, BillingFrequency::Annual),
            line("teams-essentials", 5, BillingFrequency::Monthly),
            line("azure-plan", 1, BillingFrequency::None),
        ],
    ),
    (2, &[line("o365-e1", 50, BillingFrequency::Monthly), line("azure-plan", 1, BillingFrequency::None)]),
    (3, &[line("o365-a3-faculty", 120, BillingFrequency::Annual)]),
    (5, &[line("azure-plan", 1, BillingFrequency::None), line("m365-business-premium", 12, BillingFrequency::Monthly)]),
    (7, &[line("azure-plan", 1, BillingFrequency::None)]),
    (8, &[line("azure-plan", 1, BillingFrequency::None)]),
    (10, &[line("o365-g3-gcc", 300, BillingFrequency::Annual)]),
];

/// Software, reservations and a trial bought three days ago (inside their cancellation and refund
/// windows; the trial still convertible).
const RECENT_PURCHASES: &[(u64, &[DemoLine])] = &[
    (
        1,
        &[
            ("ws2022-std-perpetual", 2, BillingFrequency::OneTime, Term::OneYear, None),
            ("sql2019-std-sub", 4, BillingFrequency::OneTime, Term::OneYear, None),
            ("suse-sles-standard", 3, BillingFrequency::OneTime, Term::OneYear, None),
            ("ri-d2sv3-eastus", 2, BillingFrequency::Monthly, Term::OneYear, Some(ReservationBilling::Monthly)),
            line("m365-business-basic-trial", 25, BillingFrequency::None),
        ],
    ),
    (5, &[("ri-b2s-australiaeast", 4, BillingFrequency::OneTime, Term::ThreeYears, Some(ReservationBilling::Upfront))]),
];

/// Purchases bought through the engine (checkout, so the ledger holds their charges) with the clock run
/// in between, so that limits, suspension, the Azure plan, the Government lock, software keys and
/// reservations can all be seen: licenses 60 days ago, Contoso's Office 365 E3 suspended 10 days ago,
/// software and reservations 3 days ago. The clock ends at `now`, every cycle due by then billed.
fn seed_purchases(state: &mut State, now: DateTime<Utc>) {
    let admin = global_admin();
    state.clock = now - Duration::days(60);
    buy_all(state, FIRST_PURCHASES);
    advance(state, now - Duration::days(10));
    // Buying Contoso's Office 365 E3 again is refused ("reactivate it").
    if let Some(id) = state.subscriptions.values().find(|s| s.offer.as_str() == "o365-e3").map(|s| s.id.clone()) {
        let at = state.clock;
        let _ = execute(state, &admin, Command::SuspendSubscription { subscription: id, reason: None }, at);
    }
    advance(state, now - Duration::days(3));
    buy_all(state, RECENT_PURCHASES);
    advance(state, now);
    // Demo data starts with an empty activity log.
    state.audit.clear();
}

fn advance(state: &mut State, to: DateTime<Utc>) {
    let at = state.clock;
    let _ = execute(state, &global_admin(), Command::AdvanceClock { to }, at);
}

/// Fill each customer's cart with its lines and buy it, at the state's clock.
fn buy_all(state: &mut State, purchases: &[(u64, &[DemoLine])]) {
    let admin = global_admin();
    let at = state.clock;
    for (n, lines) in purchases {
        let customer = CustomerId(Counters::format("C", *n));
        for (offer, quantity, billing, term, reservation) in lines.iter() {
            let reservation = reservation.map(|billing| {
                let plan = crate::reservations::azure_subscriptions_of(state, &customer).first().map(|s| s.id.clone());
                ReservationOptions {
                    scope: if plan.is_some() { ScopeChoice::Single } else { ScopeChoice::Shared },
                    azure_subscription: plan,
                    optimize: ReservationOptimize::InstanceSizeFlexibility,
                    billing,
                }
            });
            let line = LineInput {
                offer: OfferId(offer.to_string()),
                quantity: *quantity,
                billing: *billing,
                term: *term,
                reservation,
            };
            let _ = execute(state, &admin, Command::AddToCart { customer: customer.clone(), line }, at);
        }
        if let Some(cart) = state.carts.get(&customer).map(|c| c.id.clone()) {
            let _ = execute(state, &admin, Command::Checkout { customer, cart }, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::SubscriptionStatus;
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
        assert_eq!(state.orders.len(), 15, "every demo purchase went through");
        assert!(state.carts.is_empty() && state.audit.is_empty());
        assert!(state.customers.values().all(|c| c.account_opened <= now.date_naive()));
    }

    #[test]
    fn demo_purchases_are_on_the_ledger_and_billed_up_to_now() {
        use crate::ledger::LedgerRef;
        use crate::records::SoftwareKind;
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let state = demo_state(now);
        assert_eq!(state.clock, now);
        let contoso = CustomerId(Counters::format("C", 1));
        // (offer, kind) of the software every page shows
        let software: Vec<(&str, SoftwareKind)> = state.software.values().map(|p| (p.offer.as_str(), p.kind)).collect();
        assert_eq!(
            software,
            vec![
                ("ws2022-std-perpetual", SoftwareKind::Perpetual),
                ("sql2019-std-sub", SoftwareKind::Subscription { years: 1 }),
                ("suse-sles-standard", SoftwareKind::LinuxPlan),
            ]
        );
        assert!(state.software.values().all(|p| p.customer == contoso));
        let reserved: Vec<(&str, u32)> =
            state.reservations.values().map(|r| (r.customer.as_str(), r.payments_billed)).collect();
        assert_eq!(
            reserved,
            vec![("C-0001", 1), ("C-0005", 1)],
            "each on an Azure plan customer, first payment billed"
        );
        // Every software purchase and reservation has its opening entry; so does every paid subscription.
        for p in state.software.values() {
            assert!(state.ledger.iter().any(|e| e.reference == LedgerRef::Software(p.id.clone())), "{}", p.id);
        }
        for r in state.reservations.values() {
            assert!(state.ledger.iter().any(|e| e.reference == LedgerRef::Reservation(r.id.clone())), "{}", r.id);
        }
        for s in state.subscriptions.values().filter(|s| crate::subscriptions::is_billed(s)) {
            assert!(state.ledger.iter().any(|e| e.reference == LedgerRef::Subscription(s.id.clone())), "{}", s.id);
            if s.status == SubscriptionStatus::Active {
                assert!(s.billed_through.is_some_and(|b| b >= now.date_naive()), "{} billed up to now", s.id);
            }
        }
        let trial = state.subscriptions.values().find(|s| s.offer.as_str() == "m365-business-basic-trial").unwrap();
        assert_eq!(trial.status, SubscriptionStatus::Active, "a trial to convert");
        let suspended = state.subscriptions.values().find(|s| s.offer.as_str() == "o365-e3").unwrap();
        assert_eq!(suspended.suspended_at, Some(now - Duration::days(10)));
        // Nothing is left for the clock to catch up: running it to now again posts nothing.
        let mut again = state.clone();
        advance(&mut again, now);
        assert_eq!(again.ledger, state.ledger);
        let balance: i64 = state.ledger.iter().map(|e| e.amount.minor).sum();
        assert_eq!(crate::checkout::outstanding(&state).minor, balance, "nothing due is unbilled");
    }

    #[test]
    fn demo_state_round_trips_through_json() {
        let state = demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap());
        let json = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
    }
}
