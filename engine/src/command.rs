//! Commands (what a user asks) and events (what happened). Events are the audit trail's source;
//! applying them with [`crate::evolve`] is the only way state changes.

use crate::audit::AuditEntry;
use crate::ids::{CustomerId, ReservationId, SupportRequestId, UserId};
use crate::partner::{CspModel, PartnerUser};
use crate::records::{Reservation, ReservationChange, ReservationOptimize, ReservationScope};
use crate::reservations::{ContactForm, RefundRecord, ReservationRequestKind, ReturnedValue, SupportRequest};
use crate::roles::Role;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Move the simulated clock forward to `to`, running every due event on the way.
    AdvanceClock {
        to: DateTime<Utc>,
    },
    UpdatePartnerProfile {
        name: String,
        country: String,
        model: CspModel,
    },
    AddUser {
        name: String,
        email: String,
        roles: Vec<Role>,
    },
    UpdateUser {
        user: UserId,
        name: String,
        email: String,
        roles: Vec<Role>,
    },
    RemoveUser {
        user: UserId,
    },
    /// Replace everything with the demo data (the simulated clock is kept: it never goes back).
    ResetDemoData,
    /// Record a reservation's utilisation on one day, in percent (0..=100); replaces that day's value.
    RecordUtilisation {
        reservation: ReservationId,
        date: NaiveDate,
        percent: u8,
    },
    /// Change a reservation's scope (and attached Azure subscription) and optimisation (RULES §6.2).
    ChangeReservationScope {
        reservation: ReservationId,
        scope: ReservationScope,
        optimize: ReservationOptimize,
    },
    /// The support request wizard's Create: refund or exchange reservations (RULES §6.3–6.5).
    FileReservationRequest {
        reservations: Vec<ReservationId>,
        kind: ReservationRequestKind,
        contact: ContactForm,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    ClockAdvanced {
        to: DateTime<Utc>,
    },
    PartnerProfileUpdated {
        name: String,
        country: String,
        model: CspModel,
    },
    UserAdded(PartnerUser),
    UserUpdated(PartnerUser),
    UserRemoved {
        user: UserId,
    },
    DemoDataReset,
    Audited(AuditEntry),
    ReservationUtilisationRecorded {
        reservation: ReservationId,
        date: NaiveDate,
        percent: u8,
    },
    ReservationConfigured {
        reservation: ReservationId,
        change: ReservationChange,
    },
    /// A refund or exchange request, recorded with its amount (fulfilled by the events that follow).
    SupportRequestFiled(Box<SupportRequest>),
    /// The reservation is cancelled; `refund.credit` goes to the next invoice, `refund.fee` was withheld,
    /// `refund.cancelled_future` monthly payments will not be billed.
    ReservationRefunded {
        customer: CustomerId,
        by: UserId,
        refund: RefundRecord,
    },
    /// `returned` reservations are exchanged (each `credit` to the next invoice, `cancelled_future` not
    /// billed) and `new` is bought, its term starting at `at`.
    ReservationExchanged {
        request: SupportRequestId,
        customer: CustomerId,
        by: UserId,
        at: DateTime<Utc>,
        returned: Vec<ReturnedValue>,
        new: Box<Reservation>,
    },
}
