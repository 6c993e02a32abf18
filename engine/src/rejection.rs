//! Why a command was refused. A [`Rejection`] lists every violated rule, not only the first; each
//! [`Violation`] carries the data a message needs and, where it applies, the date it stops applying.
//! The app maps each variant to one i18n message in one place.

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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Violation {
    /// The signed-in user lacks the permission; `allowed` names the roles that have it.
    NotPermitted { permission: Permission, allowed: Vec<Role> },
    /// The acting user does not exist (removed in another tab, for instance).
    UnknownUser,
    /// A field of a form is invalid.
    Invalid { field: Field, problem: Problem },
    /// The simulated clock only moves forward.
    ClockWouldGoBack { current: DateTime<Utc> },
    /// Removing this user, or taking this role away, would leave the partner without a Global admin.
    LastGlobalAdmin,
    /// The user to edit or remove does not exist.
    NoSuchUser,
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
            | Violation::NoSuchUser => None,
        }
    }
}
