//! The browser session: who is signed in and in which language. Saved with the state but not part of
//! the engine's state (the engine only ever receives the acting user as a parameter).

use crate::i18n::Locale;
use csp_engine::ids::UserId;
use csp_engine::State;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user: UserId,
    pub locale: Locale,
}

impl Session {
    /// Keep the session valid against the state: a removed user falls back to the first Global admin
    /// (there is always one), else the first user.
    pub fn reconciled(mut self, state: &State) -> Session {
        if state.user(&self.user).is_none() {
            let fallback = state
                .users
                .iter()
                .find(|u| u.roles.contains(&csp_engine::roles::Role::GlobalAdmin))
                .or_else(|| state.users.first());
            if let Some(u) = fallback {
                self.user = u.id.clone();
            }
        }
        self
    }
}
