//! The demo partner: one user per role of RULES §1.2, so that every permission can be seen.

use crate::ids::{Counters, UserId};
use crate::partner::{CspModel, Partner, PartnerUser};
use crate::policy::Policy;
use crate::roles::Role;
use crate::State;
use chrono::{DateTime, Utc};

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

pub fn demo_state(now: DateTime<Utc>) -> State {
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
        account_dates: Default::default(),
        download_links: Default::default(),
        software_access: Default::default(),
        reservation_refunds: Default::default(),
        support_requests: Default::default(),
    }
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
    fn demo_state_round_trips_through_json() {
        let state = demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap());
        let json = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
    }
}
