//! Partner profile and partner users (Settings page).

use crate::audit::AuditAction;
use crate::country::{billing_currency, parse_country};
use crate::ids::{Counters, UserId};
use crate::money::parse_amount;
use crate::partner::{check_country, check_name, check_user_fields, normalise_roles, CspModel, PartnerUser};
use crate::rejection::{Field, Rejection, Violation};
use crate::roles::Role;
use crate::{AuditNote, Event, State};

type Decided = Result<(Vec<Event>, AuditNote), Rejection>;

pub(crate) fn decide_profile(name: &str, country: &str, model: CspModel, credit_limit: &str) -> Decided {
    let mut v = Vec::new();
    check_name(Field::PartnerName, name, &mut v);
    let code = check_country(Field::PartnerCountry, country, &mut v);
    // The limit is in the billing currency of the (new) country; empty means no limit (RULES §1.1).
    let limit = match (credit_limit.trim().is_empty(), code) {
        (true, _) => None,
        (false, Some(code)) => match parse_amount(credit_limit, billing_currency(code)) {
            Ok(m) => Some(m.minor),
            Err(problem) => {
                v.push(Violation::Invalid { field: Field::PartnerCreditLimit, problem });
                None
            }
        },
        (false, None) => None,
    };
    Rejection::check(v)?;
    let country = parse_country(country).unwrap_or_default().to_string();
    let details = format!("{} ({country}, {model:?}, credit limit {})", name.trim(), credit_limit.trim());
    Ok((
        vec![Event::PartnerProfileUpdated { name: name.trim().to_string(), country, model, credit_limit_minor: limit }],
        AuditNote::new(AuditAction::PartnerProfileUpdated, details),
    ))
}

pub(crate) fn decide_add(state: &State, name: &str, email: &str, roles: &[Role]) -> Decided {
    Rejection::check(check_user_fields(&state.users, None, name, email, roles))?;
    let user = PartnerUser {
        id: UserId(Counters::format("U", state.counters.user + 1)),
        name: name.trim().to_string(),
        email: email.trim().to_string(),
        roles: normalise_roles(roles),
    };
    let note = AuditNote::new(AuditAction::UserAdded, describe(&user));
    Ok((vec![Event::UserAdded(user)], note))
}

pub(crate) fn decide_update(state: &State, id: &UserId, name: &str, email: &str, roles: &[Role]) -> Decided {
    let Some(existing) = state.user(id) else {
        return Err(Rejection::one(Violation::NoSuchUser));
    };
    let mut v = check_user_fields(&state.users, Some(id), name, email, roles);
    let loses_global = existing.roles.contains(&Role::GlobalAdmin) && !roles.contains(&Role::GlobalAdmin);
    if loses_global && state.global_admin_count() <= 1 {
        v.push(Violation::LastGlobalAdmin);
    }
    Rejection::check(v)?;
    let user = PartnerUser {
        id: id.clone(),
        name: name.trim().to_string(),
        email: email.trim().to_string(),
        roles: normalise_roles(roles),
    };
    let note = AuditNote::new(AuditAction::UserUpdated, describe(&user));
    Ok((vec![Event::UserUpdated(user)], note))
}

pub(crate) fn decide_remove(state: &State, id: &UserId) -> Decided {
    let Some(existing) = state.user(id) else {
        return Err(Rejection::one(Violation::NoSuchUser));
    };
    if existing.roles.contains(&Role::GlobalAdmin) && state.global_admin_count() <= 1 {
        return Err(Rejection::one(Violation::LastGlobalAdmin));
    }
    let note = AuditNote::new(AuditAction::UserRemoved, describe(existing));
    Ok((vec![Event::UserRemoved { user: id.clone() }], note))
}

fn describe(user: &PartnerUser) -> String {
    let roles: Vec<String> = user.roles.iter().map(|r| format!("{r:?}")).collect();
    format!("{} <{}> [{}]", user.name, user.email, roles.join(", "))
}

#[cfg(test)]
mod tests {
    use crate::partner::CspModel;
    use crate::rejection::{Field, Problem, Violation};
    use crate::roles::{Permission, Role};
    use crate::{demo, execute, Command, State};
    use chrono::{TimeZone, Utc};

    fn setup() -> (State, chrono::DateTime<Utc>) {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        (demo::demo_state(now), now)
    }

    fn user_with(state: &State, role: Role) -> crate::ids::UserId {
        state.users.iter().find(|u| u.roles == vec![role]).expect("demo covers every role").id.clone()
    }

    #[test]
    fn add_user_validates_every_field_at_once() {
        let (mut state, now) = setup();
        let admin = demo::global_admin();
        let before = state.clone();
        let taken = state.users[0].email.clone();
        let cases: Vec<(&str, String, Vec<Role>, Vec<Violation>)> = vec![
            (
                "",
                "not-an-email".into(),
                vec![],
                vec![
                    Violation::Invalid { field: Field::UserName, problem: Problem::Required },
                    Violation::Invalid { field: Field::UserEmail, problem: Problem::InvalidEmail },
                    Violation::Invalid { field: Field::UserRoles, problem: Problem::Required },
                ],
            ),
            (
                "Ana",
                taken,
                vec![Role::SalesAgent],
                vec![Violation::Invalid { field: Field::UserEmail, problem: Problem::Taken }],
            ),
            (
                "Ana",
                "".into(),
                vec![Role::SalesAgent],
                vec![Violation::Invalid { field: Field::UserEmail, problem: Problem::Required }],
            ),
        ];
        for (name, email, roles, want) in cases {
            let err =
                execute(&mut state, &admin, Command::AddUser { name: name.into(), email, roles }, now).unwrap_err();
            assert_eq!(err.violations, want, "{name}");
            assert_eq!(state, before);
        }
        let events = execute(
            &mut state,
            &admin,
            Command::AddUser {
                name: " Ana ".into(),
                email: "ana@contoso.com".into(),
                roles: vec![Role::SalesAgent, Role::AdminAgent, Role::SalesAgent],
            },
            now,
        )
        .unwrap();
        let added = state.users.last().unwrap();
        assert_eq!(added.name, "Ana");
        assert_eq!(added.roles, vec![Role::AdminAgent, Role::SalesAgent]);
        assert_eq!(added.id.as_str(), "U-0010", "deterministic from the counter");
        assert!(matches!(events.last(), Some(crate::Event::Audited(_))));
    }

    #[test]
    fn managing_users_is_gated_by_role() {
        let (state, now) = setup();
        for role in Role::ALL {
            let mut s = state.clone();
            let actor = user_with(&s, role);
            let cmd =
                Command::AddUser { name: "Ana".into(), email: "ana@contoso.com".into(), roles: vec![Role::SalesAgent] };
            let result = execute(&mut s, &actor, cmd, now);
            let allowed = Permission::ManageUsers.granted_to(&[role]);
            assert_eq!(result.is_ok(), allowed, "{role:?}");
            if !allowed {
                assert_eq!(
                    result.unwrap_err().violations,
                    vec![Violation::NotPermitted {
                        permission: Permission::ManageUsers,
                        allowed: Permission::ManageUsers.allowed_roles().to_vec()
                    }]
                );
                assert_eq!(s, state);
            }
        }
    }

    #[test]
    fn the_last_global_admin_stays() {
        let (mut state, now) = setup();
        let admin = demo::global_admin();
        let remove = execute(&mut state, &admin, Command::RemoveUser { user: admin.clone() }, now);
        assert_eq!(remove.unwrap_err().violations, vec![Violation::LastGlobalAdmin]);
        let demote = Command::UpdateUser {
            user: admin.clone(),
            name: "M".into(),
            email: "m@contoso.com".into(),
            roles: vec![Role::SalesAgent],
        };
        assert!(execute(&mut state, &admin, demote, now).unwrap_err().violations.contains(&Violation::LastGlobalAdmin));
        let other = user_with(&state, Role::SalesAgent);
        execute(&mut state, &admin, Command::RemoveUser { user: other.clone() }, now).unwrap();
        assert!(state.user(&other).is_none());
    }

    #[test]
    fn partner_profile_needs_a_known_country() {
        let (mut state, now) = setup();
        let admin = demo::global_admin();
        let bad = Command::UpdatePartnerProfile {
            name: " ".into(),
            country: "Atlantis".into(),
            model: CspModel::IndirectReseller,
            credit_limit: String::new(),
        };
        assert_eq!(
            execute(&mut state, &admin, bad, now).unwrap_err().violations,
            vec![
                Violation::Invalid { field: Field::PartnerName, problem: Problem::Required },
                Violation::Invalid { field: Field::PartnerCountry, problem: Problem::UnknownCountry },
            ]
        );
        let good = Command::UpdatePartnerProfile {
            name: "Fabrikam".into(),
            country: "fr".into(),
            model: CspModel::IndirectReseller,
            credit_limit: String::new(),
        };
        execute(&mut state, &admin, good, now).unwrap();
        assert_eq!((state.partner.country.as_str(), state.partner.currency()), ("FR", crate::money::Currency::EUR));
        assert_eq!(state.partner.credit_limit_minor, None);
    }

    /// The credit limit is typed in the billing currency of the chosen country; empty means none.
    #[test]
    fn credit_limit_in_the_partner_currency() {
        type Row = (&'static str, &'static str, Result<Option<i64>, Problem>);
        let cases: &[Row] = &[
            ("US", "", Ok(None)),
            ("US", "  ", Ok(None)),
            ("US", "5000", Ok(Some(500_000))),
            ("US", "1250.50", Ok(Some(125_050))),
            ("JP", "80000", Ok(Some(80_000))),
            ("JP", "800.5", Err(Problem::TooManyDecimals { max: 0 })),
            ("US", "-10", Err(Problem::NotPositive)),
            ("US", "ten", Err(Problem::InvalidAmount)),
        ];
        for (country, raw, want) in cases {
            let (mut state, now) = setup();
            let before = state.clone();
            let cmd = Command::UpdatePartnerProfile {
                name: "Contoso".into(),
                country: (*country).into(),
                model: CspModel::DirectBill,
                credit_limit: (*raw).into(),
            };
            let result = execute(&mut state, &demo::global_admin(), cmd, now);
            match want {
                Ok(limit) => {
                    assert!(result.is_ok(), "{country} {raw:?}: {result:?}");
                    assert_eq!(state.partner.credit_limit_minor, *limit, "{country} {raw:?}");
                }
                Err(problem) => {
                    assert_eq!(
                        result.unwrap_err().violations,
                        vec![Violation::Invalid { field: Field::PartnerCreditLimit, problem: problem.clone() }],
                        "{country} {raw:?}"
                    );
                    assert_eq!(state, before, "refused: nothing changes");
                }
            }
        }
    }
}
