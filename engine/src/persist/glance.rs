//! The part of a saved state the first page shows, read without the rest.
//!
//! The usual start renders the Customers page from the saved book. Reading the whole [`State`] takes
//! serde's readers of every record type (subscriptions, orders, the ledger, the logs…): most of what the
//! app's first-load module would otherwise carry. [`Glance`] names only the partner, its users, the clock
//! and the customers; serde skips every other field of the same JSON without a reader of its type, so the
//! first page needs none of them. The whole state is read right after the first page has rendered (the app's
//! `engine_chunk::complete`); nothing is decided or saved from a glance.

use super::bytes::Reader;
use super::{json_part, layout_of, PersistError};
use crate::customers::Customer;
use crate::ids::CustomerId;
use crate::partner::{Partner, PartnerUser};
use crate::state::State;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The partner, its users, the simulated date and the customers of a saved state.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Glance {
    pub partner: Partner,
    pub users: Vec<PartnerUser>,
    pub clock: DateTime<Utc>,
    #[serde(default)]
    pub customers: BTreeMap<CustomerId, Customer>,
}

impl Glance {
    /// A state holding the glance and nothing else: no records, no history, an empty catalog, the default
    /// policy and counters. Only for showing what the glance holds until the whole state is read.
    pub fn into_state(self) -> State {
        let Glance { partner, users, clock, customers } = self;
        State {
            partner,
            users,
            clock,
            policy: Default::default(),
            counters: Default::default(),
            audit: Vec::new(),
            orders: BTreeMap::new(),
            subscriptions: BTreeMap::new(),
            software: BTreeMap::new(),
            reservations: BTreeMap::new(),
            ledger: Vec::new(),
            subscription_log: Vec::new(),
            download_links: BTreeMap::new(),
            software_access: Vec::new(),
            reservation_refunds: BTreeMap::new(),
            support_requests: BTreeMap::new(),
            customers,
            carts: BTreeMap::new(),
            checked_out: BTreeMap::new(),
            price_lists: Vec::new(),
            catalog: Arc::default(),
        }
    }
}

/// Read the glance of what [`super::encode`] wrote. Text [`super::decode`] refuses may still give a glance
/// (a damaged column), so the whole state is always read before anything relies on it.
pub fn glance(text: &str) -> Result<Glance, PersistError> {
    glance_of_layout(&layout_of(text)?)
}

/// [`glance`] of the layout once inflated ([`super::layout_of`], or the browser's
/// `DecompressionStream('deflate-raw')`): the app's first page reads the glance without an inflater of its own.
pub fn glance_of_layout(raw: &[u8]) -> Result<Glance, PersistError> {
    serde_json::from_str(json_part(&mut Reader::new(raw))?).map_err(|e| PersistError::Json(e.to_string()))
}
