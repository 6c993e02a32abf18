//! The whole state the engine decides over. The app persists it; the engine never does.

use crate::audit::AuditEntry;
use crate::cart::Cart;
use crate::catalog::{self, Catalog};
use crate::customers::Customer;
use crate::ids::{
    CartId, Counters, CustomerId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId, SupportRequestId, UserId,
};
use crate::ledger::LedgerEntry;
use crate::partner::{Partner, PartnerUser};
use crate::policy::Policy;
use crate::records::{Order, Reservation, SoftwarePurchase, Subscription};
use crate::reservations::RefundRecord;
use crate::roles::Role;
use crate::software::{DownloadLink, DownloadLinkId, SoftwareAccess};
use crate::subscriptions::SubscriptionLogEntry;
use crate::support::SupportRequest;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub partner: Partner,
    pub users: Vec<PartnerUser>,
    /// The simulated "now". Moves forward only, through `Command::AdvanceClock`.
    pub clock: DateTime<Utc>,
    /// The policy values every rule reads (RULES.md's numbers); a Global admin changes them (`SetPolicy`).
    #[serde(default)]
    pub policy: Policy,
    pub counters: Counters,
    /// The activity log, oldest first (append-only).
    pub audit: Vec<AuditEntry>,
    #[serde(default)]
    pub orders: BTreeMap<OrderId, Order>,
    #[serde(default)]
    pub subscriptions: BTreeMap<SubscriptionId, Subscription>,
    #[serde(default)]
    pub software: BTreeMap<SoftwarePurchaseId, SoftwarePurchase>,
    #[serde(default)]
    pub reservations: BTreeMap<ReservationId, Reservation>,
    /// Every financial effect, oldest first (append-only, RULES §7).
    #[serde(default)]
    pub ledger: Vec<LedgerEntry>,
    /// What happened to each subscription, oldest first (the subscription page's history).
    #[serde(default)]
    pub subscription_log: Vec<SubscriptionLogEntry>,
    /// Software download links, every one ever issued (revoked ones kept).
    #[serde(default)]
    pub download_links: BTreeMap<DownloadLinkId, DownloadLink>,
    /// The software key-access and download log, oldest first (append-only).
    #[serde(default)]
    pub software_access: Vec<SoftwareAccess>,
    /// Customer support requests ("CSP Purchase/Refund on behalf of customers").
    /// Each customer's reservation refunds, oldest first: the rolling refund cap counts them (RULES §6.3).
    #[serde(default)]
    pub reservation_refunds: BTreeMap<CustomerId, Vec<RefundRecord>>,
    /// Every support request filed, of any kind (software refunds §5, reservation refunds and exchanges
    /// §6.5); IDs `SR-nnnn` from `counters.support_request`.
    #[serde(default)]
    pub support_requests: BTreeMap<SupportRequestId, SupportRequest>,
    #[serde(default)]
    pub customers: BTreeMap<CustomerId, Customer>,
    /// One open cart per customer (RULES §3).
    #[serde(default)]
    pub carts: BTreeMap<CustomerId, Cart>,
    /// Carts already bought, and the orders each became (a second Buy creates nothing).
    #[serde(default)]
    pub checked_out: BTreeMap<CartId, Vec<OrderId>>,
    /// Imported price lists, in import order (RULES §2.5); absent from saves made before them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub price_lists: Vec<crate::pricelist::PriceList>,
    /// The catalog is built-in data: shared, never persisted.
    #[serde(skip, default = "catalog::builtin")]
    pub catalog: Arc<Catalog>,
}

impl State {
    pub fn user(&self, id: &UserId) -> Option<&PartnerUser> {
        self.users.iter().find(|u| &u.id == id)
    }

    pub fn roles_of(&self, id: &UserId) -> &[Role] {
        self.user(id).map(|u| u.roles.as_slice()).unwrap_or(&[])
    }

    pub fn subscriptions_of<'a>(&'a self, customer: &'a CustomerId) -> impl Iterator<Item = &'a Subscription> + 'a {
        self.subscriptions.values().filter(move |s| &s.customer == customer)
    }

    pub fn global_admin_count(&self) -> usize {
        self.users.iter().filter(|u| u.roles.contains(&Role::GlobalAdmin)).count()
    }
}
