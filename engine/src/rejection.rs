//! Why a command was refused. A [`Rejection`] lists every violated rule, not only the first; each
//! [`Violation`] carries the data a message needs and, where it applies, the date it stops applying.
//! The app maps each variant to one i18n message in one place.

use crate::cart::{LineId, LineIssue};
use crate::eligibility::Ineligible;
use crate::ids::{CartId, CustomerId, OfferId};
use crate::money::Money;
use crate::roles::{Permission, Role};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub violations: Vec<Violation>,
}

impl Rejection {
    pub fn one(v: Violation) -> Rejection {
        Rejection { violations: vec![v] }
    }

    /// `Ok(())` when nothing was violated, otherwise the whole list.
    pub fn check(violations: Vec<Violation>) -> Result<(), Rejection> {
        if violations.is_empty() {
            Ok(())
        } else {
            Err(Rejection { violations })
        }
    }

    pub fn has(&self, pred: impl Fn(&Violation) -> bool) -> bool {
        self.violations.iter().any(pred)
    }
}

/// A form field a validation message points at.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    PartnerName,
    PartnerCountry,
    UserName,
    UserEmail,
    UserRoles,
    ClockTarget,
    CustomerName,
    CustomerDomain,
    CustomerCountry,
    CustomerSegment,
    CustomerAccountOpened,
    CustomerFirstBilling,
}

/// What is wrong with a field's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong {
        max: u32,
    },
    InvalidEmail,
    UnknownCountry,
    /// Another record already uses this value.
    Taken,
    /// Not a `name.onmicrosoft.com` domain (label of a-z, 0-9 and inner hyphens).
    InvalidDomain,
    /// Not a `YYYY-MM-DD` date.
    InvalidDate,
    /// The date must not be before `min`.
    DateBefore {
        min: NaiveDate,
    },
    /// The date must not be after `max` (e.g. in the future).
    DateAfter {
        max: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Violation {
    /// The signed-in user lacks the permission; `allowed` names the roles that have it.
    NotPermitted {
        permission: Permission,
        allowed: Vec<Role>,
    },
    /// The acting user does not exist (removed in another tab, for instance).
    UnknownUser,
    /// A field of a form is invalid.
    Invalid {
        field: Field,
        problem: Problem,
    },
    /// The simulated clock only moves forward.
    ClockWouldGoBack {
        current: DateTime<Utc>,
    },
    /// Removing this user, or taking this role away, would leave the partner without a Global admin.
    LastGlobalAdmin,
    /// The user to edit or remove does not exist.
    NoSuchUser,
    NoSuchCustomer {
        customer: CustomerId,
    },
    NoSuchOffer {
        offer: OfferId,
    },
    /// The offer cannot be bought by this customer, for every one of these reasons (RULES §2.4).
    OfferNotEligible {
        offer: OfferId,
        reasons: Vec<Ineligible>,
    },
    NoSuchCartLine {
        line: LineId,
    },
    /// Not the customer's open cart (and not a cart already bought).
    NoSuchCart {
        cart: CartId,
    },
    CartEmpty,
    /// A cart line blocks Buy, for every one of these reasons.
    CartLineInvalid {
        line: LineId,
        issues: Vec<LineIssue>,
    },
    /// Unpaid + unbilled + this order would exceed the partner's credit limit (RULES §1.1).
    InsufficientCreditLimit {
        limit: Money,
        outstanding: Money,
        order: Money,
    },
}

impl Violation {
    /// The date on which this violation stops applying, when the rule has one (e.g. a window that opens
    /// or a cap that frees up). `None` means it does not change with time alone.
    pub fn changes_on(&self) -> Option<NaiveDate> {
        match self {
            Violation::NotPermitted { .. }
            | Violation::UnknownUser
            | Violation::Invalid { .. }
            | Violation::ClockWouldGoBack { .. }
            | Violation::LastGlobalAdmin
            | Violation::NoSuchUser
            | Violation::NoSuchCustomer { .. }
            | Violation::NoSuchOffer { .. }
            | Violation::OfferNotEligible { .. }
            | Violation::NoSuchCartLine { .. }
            | Violation::NoSuchCart { .. }
            | Violation::CartEmpty
            | Violation::CartLineInvalid { .. }
            | Violation::InsufficientCreditLimit { .. } => None,
        }
    }
}
