//! The one place that turns engine values (violations, roles, audit actions, fields) into words.

use crate::i18n::{fill, Key, Locale};
use csp_engine::audit::AuditAction;
use csp_engine::partner::CspModel;
use csp_engine::rejection::{Field, Problem};
use csp_engine::roles::Role;
use csp_engine::{Rejection, Violation};

pub fn role(r: Role) -> Key {
    match r {
        Role::AdminAgent => Key::RoleAdminAgent,
        Role::SalesAgent => Key::RoleSalesAgent,
        Role::HelpdeskAgent => Key::RoleHelpdeskAgent,
        Role::BillingAdmin => Key::RoleBillingAdmin,
        Role::GlobalAdmin => Key::RoleGlobalAdmin,
        Role::UserManagementAdmin => Key::RoleUserManagementAdmin,
        Role::AccountAdmin => Key::RoleAccountAdmin,
        Role::ReferralAdmin => Key::RoleReferralAdmin,
        Role::MarketingContentAdmin => Key::RoleMarketingContentAdmin,
    }
}

pub fn roles_list(roles: &[Role], locale: Locale) -> String {
    roles.iter().map(|r| role(*r).text(locale)).collect::<Vec<_>>().join(", ")
}

pub fn csp_model(m: CspModel) -> Key {
    match m {
        CspModel::DirectBill => Key::ModelDirectBill,
        CspModel::IndirectProvider => Key::ModelIndirectProvider,
        CspModel::IndirectReseller => Key::ModelIndirectReseller,
    }
}

pub fn field(f: Field) -> Key {
    match f {
        Field::PartnerName => Key::FieldPartnerName,
        Field::PartnerCountry => Key::FieldCountry,
        Field::UserName => Key::FieldName,
        Field::UserEmail => Key::FieldEmail,
        Field::UserRoles => Key::FieldRoles,
        Field::ClockTarget => Key::FieldDate,
    }
}

pub fn audit_action(a: AuditAction) -> Key {
    match a {
        AuditAction::ClockAdvanced => Key::ActClockAdvanced,
        AuditAction::PartnerProfileUpdated => Key::ActPartnerProfileUpdated,
        AuditAction::UserAdded => Key::ActUserAdded,
        AuditAction::UserUpdated => Key::ActUserUpdated,
        AuditAction::UserRemoved => Key::ActUserRemoved,
        AuditAction::DemoDataReset => Key::ActDemoDataReset,
    }
}

fn problem(field_key: Key, p: &Problem, locale: Locale) -> String {
    let name = field_key.text(locale);
    match p {
        Problem::Required => fill(Key::FieldRequired.text(locale), &[("field", name)]),
        Problem::TooLong { max } => {
            fill(Key::FieldTooLong.text(locale), &[("field", name), ("max", &max.to_string())])
        }
        Problem::InvalidEmail => fill(Key::FieldInvalidEmail.text(locale), &[("field", name)]),
        Problem::UnknownCountry => fill(Key::FieldUnknownCountry.text(locale), &[("field", name)]),
        Problem::Taken => fill(Key::FieldTaken.text(locale), &[("field", name)]),
    }
}

pub fn violation(v: &Violation, locale: Locale) -> String {
    use crate::i18n::format;
    match v {
        Violation::NotPermitted { allowed, .. } => {
            fill(Key::NotPermitted.text(locale), &[("roles", &roles_list(allowed, locale))])
        }
        Violation::UnknownUser => Key::UnknownUser.text(locale).into(),
        Violation::Invalid { field: f, problem: p } => problem(field(*f), p, locale),
        Violation::ClockWouldGoBack { current } => {
            fill(Key::ClockWouldGoBack.text(locale), &[("date", &format::datetime(*current, locale))])
        }
        Violation::LastGlobalAdmin => Key::LastGlobalAdmin.text(locale).into(),
        Violation::NoSuchUser => Key::NoSuchUser.text(locale).into(),
    }
}

/// Every message of a rejection, in order.
pub fn rejection(r: &Rejection, locale: Locale) -> Vec<String> {
    r.violations.iter().map(|v| violation(v, locale)).collect()
}

/// The message for one form field, if the rejection has one (shown beside the field).
pub fn field_error(r: &Rejection, f: Field, locale: Locale) -> Option<String> {
    r.violations.iter().find_map(|v| match v {
        Violation::Invalid { field: vf, problem: p } if *vf == f => Some(problem(field(f), p, locale)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_engine::roles::Permission;

    #[test]
    fn refusal_names_the_roles_that_may() {
        let v = Violation::NotPermitted {
            permission: Permission::SoftwareKeysAndCancel,
            allowed: vec![Role::AdminAgent],
        };
        assert_eq!(violation(&v, Locale::En), "Your roles do not allow this. Roles that may: Admin agent.");
        assert_eq!(violation(&v, Locale::Fr), "Vos rôles ne le permettent pas. Rôles autorisés : Agent administrateur.");
    }

    #[test]
    fn field_errors_name_the_field() {
        let r = Rejection::one(Violation::Invalid { field: Field::UserEmail, problem: Problem::InvalidEmail });
        assert_eq!(
            field_error(&r, Field::UserEmail, Locale::En).as_deref(),
            Some("E-mail: enter an address like name@example.com.")
        );
        assert_eq!(field_error(&r, Field::UserName, Locale::En), None);
    }
}
