//! Commands (what a user asks) and events (what happened). Events are the audit trail's source;
//! applying them with [`crate::evolve`] is the only way state changes.

use crate::audit::AuditEntry;
use crate::ids::UserId;
use crate::partner::{CspModel, PartnerUser};
use crate::roles::Role;
use chrono::{DateTime, Utc};
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    ClockAdvanced { to: DateTime<Utc> },
    PartnerProfileUpdated { name: String, country: String, model: CspModel },
    UserAdded(PartnerUser),
    UserUpdated(PartnerUser),
    UserRemoved { user: UserId },
    DemoDataReset,
    Audited(AuditEntry),
}
