//! The partner organisation, its users and their roles (RULES §1.1–1.2).

use crate::country::{billing_currency, parse_country};
use crate::ids::UserId;
use crate::money::Currency;
use crate::rejection::{Field, Problem, Violation};
use crate::roles::Role;
use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CspModel {
    DirectBill,
    IndirectProvider,
    IndirectReseller,
}

impl CspModel {
    pub const ALL: [CspModel; 3] = [CspModel::DirectBill, CspModel::IndirectProvider, CspModel::IndirectReseller];

    /// Only direct-bill partners and indirect providers may buy add-ons (RULES §1.1).
    pub fn may_buy_add_ons(self) -> bool {
        matches!(self, CspModel::DirectBill | CspModel::IndirectProvider)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    /// The partner's ID in the marketplace (exclusive ISV offers name partner IDs).
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub model: CspModel,
    /// Optional credit limit in the billing currency's minor units.
    pub credit_limit_minor: Option<i64>,
}

impl Partner {
    pub fn currency(&self) -> Currency {
        billing_currency(&self.country)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUser {
    pub id: UserId,
    pub name: String,
    pub email: String,
    /// Sorted, without duplicates.
    pub roles: Vec<Role>,
}

pub const MAX_NAME_LEN: u32 = 100;

/// Validate a required, bounded free-text field.
pub fn check_name(field: Field, value: &str, out: &mut Vec<Violation>) {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        out.push(Violation::Invalid { field, problem: Problem::Required });
    } else if trimmed.chars().count() > MAX_NAME_LEN as usize {
        out.push(Violation::Invalid { field, problem: Problem::TooLong { max: MAX_NAME_LEN } });
    }
}

/// A pragmatic e-mail check: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_valid_email(value: &str) -> bool {
    let v = value.trim();
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !v.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

/// Validate a required e-mail field: `Required` when blank, else `InvalidEmail` when malformed.
pub fn check_email(field: Field, value: &str, out: &mut Vec<Violation>) {
    if value.trim().is_empty() {
        out.push(Violation::Invalid { field, problem: Problem::Required });
    } else if !is_valid_email(value) {
        out.push(Violation::Invalid { field, problem: Problem::InvalidEmail });
    }
}

/// How many digits a phone number may have: E.164 allows at most 15; fewer than 6 reaches no subscriber
/// line anywhere.
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 6..=15;

/// A pragmatic phone check: digits with an optional leading `+`, and spaces, dashes, dots or parentheses
/// between them; [`PHONE_DIGITS`] digits in all.
pub fn is_valid_phone(value: &str) -> bool {
    let v = value.trim();
    let body = v.strip_prefix('+').unwrap_or(v);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
        && PHONE_DIGITS.contains(&digits)
}

/// Validate a phone field: blank is `Required` when `required`, else fine; anything given must be valid.
pub fn check_phone(field: Field, value: &str, required: bool, out: &mut Vec<Violation>) {
    if value.trim().is_empty() {
        if required {
            out.push(Violation::Invalid { field, problem: Problem::Required });
        }
    } else if !is_valid_phone(value) {
        out.push(Violation::Invalid { field, problem: Problem::InvalidPhone });
    }
}

pub fn check_country(field: Field, value: &str, out: &mut Vec<Violation>) -> Option<&'static str> {
    let code = parse_country(value);
    if code.is_none() {
        out.push(Violation::Invalid { field, problem: Problem::UnknownCountry });
    }
    code
}

/// Validate a user's fields; `except` is the user being edited (its own e-mail is not "taken").
pub fn check_user_fields(
    users: &[PartnerUser],
    except: Option<&UserId>,
    name: &str,
    email: &str,
    roles: &[Role],
) -> Vec<Violation> {
    let mut out = Vec::new();
    check_name(Field::UserName, name, &mut out);
    check_email(Field::UserEmail, email, &mut out);
    if is_valid_email(email)
        && users.iter().any(|u| Some(&u.id) != except && u.email.eq_ignore_ascii_case(email.trim()))
    {
        out.push(Violation::Invalid { field: Field::UserEmail, problem: Problem::Taken });
    }
    if roles.is_empty() {
        out.push(Violation::Invalid { field: Field::UserRoles, problem: Problem::Required });
    }
    out
}

pub fn normalise_roles(roles: &[Role]) -> Vec<Role> {
    let mut r = roles.to_vec();
    crate::sort::sort(&mut r);
    r.dedup();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_validation() {
        let cases = [
            ("ana@contoso.com", true),
            (" ana@contoso.com ", true),
            ("ana@contoso", false),
            ("@contoso.com", false),
            ("ana@@contoso.com", false),
            ("an a@contoso.com", false),
            ("ana@contoso..com", false),
            ("", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_valid_email(input), want, "{input:?}");
        }
    }

    #[test]
    fn phone_validation() {
        let cases = [
            ("+44 (20) 7946-0958", true),
            ("123456", true),
            ("12345", false),
            ("+123456789012345", true),
            ("1234567890123456", false),
            ("12+3456789", false),
            ("++123456789", false),
            ("+1 425 CALL NOW", false),
            ("425.555.0100", true),
            ("", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_valid_phone(input), want, "{input:?}");
        }
        let mut out = Vec::new();
        check_phone(Field::ContactPhone, " ", false, &mut out);
        assert!(out.is_empty(), "an optional blank phone is fine");
        check_phone(Field::ContactPhone, " ", true, &mut out);
        assert_eq!(out, vec![Violation::Invalid { field: Field::ContactPhone, problem: Problem::Required }]);
    }

    #[test]
    fn add_ons_by_model() {
        let cases =
            [(CspModel::DirectBill, true), (CspModel::IndirectProvider, true), (CspModel::IndirectReseller, false)];
        for (model, want) in cases {
            assert_eq!(model.may_buy_add_ons(), want, "{model:?}");
        }
    }
}
