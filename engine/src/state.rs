//! The whole state the engine decides over. The app persists it; the engine never does.

use crate::audit::AuditEntry;
use crate::ids::{Counters, UserId};
use crate::partner::{Partner, PartnerUser};
use crate::policy::Policy;
use crate::roles::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub partner: Partner,
    pub users: Vec<PartnerUser>,
    /// The simulated "now". Moves forward only, through `Command::AdvanceClock`.
    pub clock: DateTime<Utc>,
    pub policy: Policy,
    pub counters: Counters,
    /// The activity log, oldest first (append-only).
    pub audit: Vec<AuditEntry>,
}

impl State {
    pub fn user(&self, id: &UserId) -> Option<&PartnerUser> {
        self.users.iter().find(|u| &u.id == id)
    }

    pub fn roles_of(&self, id: &UserId) -> &[Role] {
        self.user(id).map(|u| u.roles.as_slice()).unwrap_or(&[])
    }

    pub fn global_admin_count(&self) -> usize {
        self.users.iter().filter(|u| u.roles.contains(&Role::GlobalAdmin)).count()
    }
}
