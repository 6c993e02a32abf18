//! The records a purchase creates and later commands manage: orders, subscriptions, software purchases
//! and Azure reservations. Shared by every area of the engine; each area owns the rules over them.

use crate::billing::QuantitySegment;
use crate::ids::{
    CustomerId, OfferId, OrderId, ReservationId, ReservationOrderId, SoftwarePurchaseId, SubscriptionId,
    SupportRequestId, UserId,
};
use crate::money::Money;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How an offer bills (RULES §2.2). `None` is free (trials).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BillingFrequency {
    Monthly,
    Annual,
    OneTime,
    None,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Term {
    OneMonth,
    OneYear,
    ThreeYears,
}

impl Term {
    pub const fn months(self) -> u32 {
        match self {
            Term::OneMonth => 1,
            Term::OneYear => 12,
            Term::ThreeYears => 36,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    Completed,
    Pending,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub offer: OfferId,
    /// The offer's name when ordered (the catalog can change later).
    pub offer_name: String,
    pub quantity: u32,
    pub billing: BillingFrequency,
    pub term: Term,
    pub unit_price: Money,
    pub line_total: Money,
}

/// One order per group of cart lines that bill alike (RULES §3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    /// Short friendly number shown to users.
    pub number: String,
    pub customer: CustomerId,
    pub billing: BillingFrequency,
    pub lines: Vec<OrderLine>,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub status: OrderStatus,
}

/// RULES §4.1.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SubscriptionStatus {
    Active,
    Suspended,
    Cancelled,
    Expired,
    Deleted,
}

/// An online-services, ISV SaaS, trial, add-on or Azure plan subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub customer: CustomerId,
    pub offer: OfferId,
    /// The offer's name when bought.
    pub name: String,
    pub order: OrderId,
    pub quantity: u32,
    pub billing: BillingFrequency,
    pub status: SubscriptionStatus,
    pub created_at: DateTime<Utc>,
    pub term_start: NaiveDate,
    /// Last day of the current term (inclusive).
    pub term_end: NaiveDate,
    pub auto_renew: bool,
    /// Price of one license for one billing period, fixed at purchase.
    pub unit_price: Money,
    /// Microsoft trial or ISV free trial: when the trial ends (exclusive).
    pub trial_ends: Option<NaiveDate>,
    /// For an add-on: its base subscription.
    pub base: Option<SubscriptionId>,
    pub suspended_at: Option<DateTime<Utc>>,
    /// ISV SaaS cancellation scheduled for the renewal date.
    pub cancel_at: Option<NaiveDate>,
    // The fields below drive the lifecycle and billing rules (RULES §4). They default so that records
    // written before them still load; checkout fills them from the offer when it creates a subscription.
    /// Microsoft or ISV (commercial-marketplace) product: decides which transitions exist (§4.1, §4.6).
    #[serde(default)]
    pub publisher: PublisherKind,
    /// Usage-billed ISV SaaS: never refunded, only de-provisioned (§4.6).
    #[serde(default)]
    pub metered: bool,
    /// Bought from the commercial marketplace: auto-renew may be turned off (§4.2).
    #[serde(default)]
    pub commercial_marketplace: bool,
    /// The offer's quantity bounds (§2.2), kept for quantity changes. `max_quantity: None` = no maximum.
    #[serde(default = "one")]
    pub min_quantity: u32,
    #[serde(default)]
    pub max_quantity: Option<u32>,
    /// Last day (inclusive) already charged in advance. `None` = nothing billed yet (the clock charges
    /// the current period of an active paid subscription the next time it runs).
    #[serde(default)]
    pub billed_through: Option<NaiveDate>,
    /// Quantity runs of the current billing period (quantity 0 = suspended), used to re-rate the period
    /// on a quantity change (`billing::requantity`). Empty = one run at `quantity` from the period start.
    #[serde(default)]
    pub segments: Vec<QuantitySegment>,
    /// An "Azure plan" subscription: the Azure subscription reservations attach to (RULES §6.1). Only
    /// Active subscriptions with this flag count as the customer's Azure subscriptions
    /// (see `reservations::azure_subscriptions_of`); checkout sets it when it sells an Azure plan offer.
    #[serde(default)]
    pub is_azure_plan: bool,
}

fn one() -> u32 {
    1
}

/// Who publishes what a subscription is for.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PublisherKind {
    #[default]
    Microsoft,
    /// Third-party SaaS from the commercial marketplace.
    Isv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SoftwareKind {
    /// Windows Server / SQL Server subscription of 1 or 3 years.
    Subscription {
        years: u32,
    },
    Perpetual,
    /// SUSE / Red Hat plan: never cancellable or exchangeable.
    LinuxPlan,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PurchaseStatus {
    Active,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoftwarePurchase {
    pub id: SoftwarePurchaseId,
    pub customer: CustomerId,
    pub offer: OfferId,
    pub name: String,
    pub order: OrderId,
    pub kind: SoftwareKind,
    pub quantity: u32,
    pub purchased_at: DateTime<Utc>,
    /// Everything paid for this purchase (unit price × quantity).
    pub paid: Money,
    pub status: PurchaseStatus,
    pub cancelled_at: Option<DateTime<Utc>>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReservationBilling {
    Upfront,
    Monthly,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReservationScope {
    /// Applies to one Azure subscription of the customer.
    Single(SubscriptionId),
    Shared,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReservationOptimize {
    InstanceSizeFlexibility,
    /// Only with single scope (RULES §6.1).
    CapacityPriority,
}

/// What a reservation reserves. Exchanges are VM ↔ VM only (RULES §6.4); the catalog sells VMs today.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReservationKind {
    #[default]
    VirtualMachine,
    SqlDatabase,
    CosmosDb,
}

/// One entry of a reservation's own history (RULES §6.2: configuration changes are recorded there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationChange {
    pub at: DateTime<Utc>,
    pub by: UserId,
    pub kind: ReservationChangeKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReservationChangeKind {
    /// Scope or optimisation changed (not a financial transaction).
    Configured {
        from_scope: ReservationScope,
        to_scope: ReservationScope,
        from_optimize: ReservationOptimize,
        to_optimize: ReservationOptimize,
    },
    /// Cancelled through a refund request; `credit` is the net credit.
    Refunded { request: SupportRequestId, credit: Money },
    /// Returned in an exchange for `into`.
    Exchanged { request: SupportRequestId, into: ReservationId },
    /// Created by an exchange that returned `from`.
    CreatedByExchange { request: SupportRequestId, from: Vec<ReservationId> },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReservationStatus {
    Active,
    Cancelled,
    Exchanged,
    Expired,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub id: ReservationId,
    pub reservation_order: ReservationOrderId,
    pub customer: CustomerId,
    pub offer: OfferId,
    pub name: String,
    pub order: OrderId,
    pub vm_size: String,
    pub region: String,
    pub quantity: u32,
    pub term: Term,
    pub billing: ReservationBilling,
    pub scope: ReservationScope,
    pub optimize: ReservationOptimize,
    pub purchased_at: DateTime<Utc>,
    /// Total commitment over the whole term (up front and monthly total the same).
    pub total: Money,
    pub status: ReservationStatus,
    /// Last day covered (inclusive).
    pub expires: NaiveDate,
    #[serde(default)]
    pub kind: ReservationKind,
    /// Recorded utilisation per day, in percent (0..=100); days without an entry have no data.
    #[serde(default)]
    pub utilisation: BTreeMap<NaiveDate, u8>,
    /// Configuration changes and how it ended, oldest first.
    #[serde(default)]
    pub history: Vec<ReservationChange>,
    /// When it was cancelled or exchanged.
    #[serde(default)]
    pub ended_at: Option<DateTime<Utc>>,
    /// How many payments of its schedule the ledger holds (up front: 0 or 1; monthly: up to the term's
    /// months). The clock charges every payment whose date has come beyond this (`reservations::charges`).
    #[serde(default)]
    pub payments_billed: u32,
}
