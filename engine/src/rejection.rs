//! Why a command was refused. A [`Rejection`] lists every violated rule, not only the first; each
//! [`Violation`] carries the data a message needs and, where it applies, the date it stops applying.
//! The app maps each variant to one i18n message in one place.

use crate::ids::{ReservationId, SubscriptionId};
use crate::money::{Currency, Money};
use crate::records::{ReservationKind, ReservationStatus};
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
    /// Support request wizard, Contact information step.
    ContactName,
    ContactEmail,
    ContactPhone,
    /// The reservations a refund or exchange request is about.
    RequestReservations,
    UtilisationPercent,
    /// The new reservation of an exchange.
    ReservationVmSize,
    ReservationRegion,
    ReservationQuantity,
    ReservationTerm,
    ReservationTotal,
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
    /// Not a phone number (digits with optional `+`, spaces, dashes, dots, parentheses).
    InvalidPhone,
    /// A number outside `min..=max`.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// A choice this product does not offer (e.g. a one-month reservation term).
    Unsupported,
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
    /// RULES §6: the reservation does not exist.
    NoSuchReservation { reservation: ReservationId },
    /// RULES §6: only an Active reservation can be configured, used, refunded or exchanged.
    ReservationNotActive { reservation: ReservationId, status: ReservationStatus },
    /// A request names reservations of more than one customer.
    ReservationsOfDifferentCustomers,
    /// Utilisation cannot be recorded for a day that has not come yet.
    UtilisationInFuture { date: NaiveDate },
    /// Utilisation can only be recorded for a day of the reservation's term.
    UtilisationOutsideTerm { date: NaiveDate, from: NaiveDate, to: NaiveDate },
    /// Single scope must name an Active Azure plan subscription of the reservation's customer.
    NotACustomerAzureSubscription { subscription: SubscriptionId },
    /// RULES §6.1: capacity priority only with single scope.
    CapacityPriorityNeedsSingleScope,
    /// The configuration asked for is the current one.
    ReservationUnchanged,
    /// RULES §6.3: the refund (plus cancelled future payments) would exceed the rolling cap. Amounts in USD
    /// minor units. `frees_up_on`: when more cap becomes available; `fits_on`: when enough has freed up for
    /// this amount (`None` if it never fits, i.e. it exceeds the whole cap).
    RefundCapExceeded {
        requested_usd_minor: i64,
        left_usd_minor: i64,
        cap_usd_minor: i64,
        frees_up_on: Option<NaiveDate>,
        fits_on: Option<NaiveDate>,
    },
    /// The policy has no fixed exchange rate for this currency, so the cap cannot be checked.
    NoExchangeRate { currency: Currency },
    /// Amounts of one request must share a currency.
    MixedCurrencies { expected: Currency, found: Currency },
    /// RULES §6.4: exchanges are VM ↔ VM only; `reservation` is `None` for the new reservation.
    ExchangeOnlyVmToVm { reservation: Option<ReservationId>, kind: ReservationKind },
    /// RULES §6.4: the new total commitment is below the returned value.
    ExchangeShortfall { returned: Money, new_total: Money, short_by: Money },
    /// RULES §6.1: reservations are not sold to customers in this market (ISO 3166-1 alpha-2).
    ReservationsUnavailableInMarket { country: String },
    /// RULES §6.1: the customer has no Active Azure subscription to attach a reservation to.
    NoActiveAzureSubscription,
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
            | Violation::NoSuchReservation { .. }
            | Violation::ReservationNotActive { .. }
            | Violation::ReservationsOfDifferentCustomers
            | Violation::UtilisationOutsideTerm { .. }
            | Violation::NotACustomerAzureSubscription { .. }
            | Violation::CapacityPriorityNeedsSingleScope
            | Violation::ReservationUnchanged
            | Violation::NoExchangeRate { .. }
            | Violation::MixedCurrencies { .. }
            | Violation::ExchangeOnlyVmToVm { .. }
            | Violation::ExchangeShortfall { .. }
            | Violation::ReservationsUnavailableInMarket { .. }
            | Violation::NoActiveAzureSubscription => None,
            Violation::UtilisationInFuture { date } => Some(*date),
            Violation::RefundCapExceeded { frees_up_on, .. } => *frees_up_on,
        }
    }
}
