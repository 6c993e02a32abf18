//! Commands (what a user asks) and events (what happened). Events are the audit trail's source;
//! applying them with [`crate::evolve`] is the only way state changes.

use crate::audit::AuditEntry;
use crate::cart::{CartLine, LineId, LineInput};
use crate::checkout::Purchase;
use crate::customers::{Customer, CustomerForm};
use crate::ids::{
    CartId, CustomerId, OfferId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId, SupportRequestId, UserId,
};
use crate::ledger::LedgerEntry;
use crate::money::Money;
use crate::partner::{CspModel, PartnerUser};
use crate::records::{
    BillingFrequency, Reservation, ReservationChange, ReservationOptimize, ReservationScope, Subscription,
};
use crate::reservations::{ContactForm, RefundRecord, ReservationRequestKind, ReturnedValue};
use crate::roles::Role;
use crate::software::{DownloadLink, DownloadLinkId, ProductSelection, SoftwareAccess, SupportRequestForm};
use crate::subscriptions::{SubscriptionChange, SubscriptionPatch};
use crate::support::SupportRequest;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Serializable in serde's default (externally tagged) shape, for a journal of accepted commands:
/// `{"AdvanceClock":{"to":"2026-11-21T09:30:00Z"}}`, `"ResetDemoData"`, `{"AddCustomer":{…}}`.
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
        /// As typed, in the billing currency of `country`; empty for no limit.
        credit_limit: String,
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
    /// Change policy values (as typed; RULES §1.2: Global admin only). They apply from now on.
    SetPolicy {
        values: Vec<(crate::policy::PolicyKey, String)>,
    },
    /// Every policy value back to its default.
    ResetPolicy,
    /// Replace everything with the demo data (the simulated clock is kept: it never goes back).
    ResetDemoData,
    /// RULES §4.3: Active → Suspended (with its add-ons), crediting per the suspension rule.
    SuspendSubscription {
        subscription: SubscriptionId,
        /// Required for a subscription that is not Microsoft's (ISV SaaS): RULES §4.3 allows suspending it
        /// only for non-payment or fraud. Optional for Microsoft subscriptions.
        reason: Option<SuspensionReason>,
    },
    /// RULES §4.3: Suspended → Active before the retention deadline, re-billing the rest of the period.
    ReactivateSubscription {
        subscription: SubscriptionId,
    },
    /// RULES §4.2: prorated quantity change of an Active subscription.
    ChangeSubscriptionQuantity {
        subscription: SubscriptionId,
        quantity: u32,
    },
    /// RULES §4.2: commercial-marketplace subscriptions only (applies to the base's add-ons too).
    SetAutoRenew {
        subscription: SubscriptionId,
        auto_renew: bool,
    },
    /// RULES §4.6: the ISV SaaS **Yes, cancel** of the cancel flow.
    CancelIsvSubscription {
        subscription: SubscriptionId,
        /// The optional details the user gave in the cancel dialog; kept in the activity log.
        details: String,
    },
    /// RULES §4.5: convert a Microsoft trial to the paid offer it links to (the catalog's `trial_of`),
    /// keeping its ID; name, price and quantity bounds come from that offer.
    ConvertTrial {
        subscription: SubscriptionId,
        quantity: u32,
        billing: BillingFrequency,
    },
    /// RULES §4.4: buy an add-on from its base's page. The catalog decides whether the add-on fits the
    /// base (`requires_base`) and the customer (countries, segment, limits), and sets its price.
    AddAddOn {
        base: SubscriptionId,
        offer: OfferId,
        quantity: u32,
    },
    /// "Get keys and downloads": issue a fresh download link for the selection (as often as needed).
    IssueDownloadLink {
        purchase: SoftwarePurchaseId,
        selection: ProductSelection,
    },
    /// "Get key": record the key access; the app then shows `software::key_for`.
    GetKey {
        purchase: SoftwarePurchaseId,
        selection: ProductSelection,
    },
    /// Count one download of a link.
    Download {
        link: DownloadLinkId,
    },
    /// "Copy link": record that the link's URL was copied.
    CopyLink {
        link: DownloadLinkId,
    },
    /// Cancel one order's software purchase within the window.
    CancelSoftwarePurchase {
        purchase: SoftwarePurchaseId,
        order: OrderId,
        acknowledged: bool,
    },
    /// File a "CSP Purchase/Refund on behalf of customers" support request.
    FileSupportRequest(SupportRequestForm),
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
    AddCustomer(CustomerForm),
    EditCustomer {
        customer: CustomerId,
        form: CustomerForm,
    },
    /// Add a line to the customer's cart (creating the cart). Refused only for an unknown or
    /// ineligible offer; an invalid quantity is kept and flagged.
    AddToCart {
        customer: CustomerId,
        line: LineInput,
    },
    /// Change a line's quantity, billing, term or reservation options (its offer stays).
    UpdateCartLine {
        customer: CustomerId,
        line: LineId,
        input: LineInput,
    },
    RemoveCartLine {
        customer: CustomerId,
        line: LineId,
    },
    /// Buy: one order per billing group. Idempotent per cart.
    Checkout {
        customer: CustomerId,
        cart: CartId,
    },
    /// RULES §2.5: import a price list (the CSV text as read from the file; the engine parses it, so a
    /// replay reaches the same list). Rejected rows are left out; an unreadable file is refused.
    ImportPriceList {
        file: String,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    ClockAdvanced {
        to: DateTime<Utc>,
    },
    PartnerProfileUpdated {
        credit_limit_minor: Option<i64>,
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
    /// The whole policy, from now on.
    PolicySet(Box<crate::policy::Policy>),
    Audited(AuditEntry),
    /// A subscription's new record (created or changed) and what happened to it.
    SubscriptionUpdated {
        at: DateTime<Utc>,
        change: SubscriptionChange,
        subscription: Box<Subscription>,
    },
    /// What the clock did to a subscription (RULES §8): the change, and the new values of the fields it
    /// moves; the rest of the record is unchanged. Lighter than a whole record for the clock's
    /// thousands of events (a simulated year over 10,000 subscriptions has ≈ 85,000).
    SubscriptionPatched {
        at: DateTime<Utc>,
        subscription: SubscriptionId,
        change: SubscriptionChange,
        patch: SubscriptionPatch,
    },
    /// One immutable ledger entry (RULES §7).
    LedgerPosted(LedgerEntry),
    /// The link is boxed: it is the largest event, and every event is as large as the largest (the clock
    /// returns tens of thousands).
    DownloadLinkIssued {
        link: Box<DownloadLink>,
        access: SoftwareAccess,
    },
    SoftwareKeyAccessed {
        access: SoftwareAccess,
    },
    SoftwareDownloaded {
        link: DownloadLinkId,
        access: SoftwareAccess,
    },
    DownloadLinkCopied {
        access: SoftwareAccess,
    },
    /// A software purchase was cancelled; `credit` (positive) goes on the next invoice as the negative
    /// `LedgerPosted` entry that follows.
    SoftwareCancelled {
        purchase: SoftwarePurchaseId,
        customer: CustomerId,
        order: OrderId,
        at: DateTime<Utc>,
        credit: Money,
    },
    ReservationUtilisationRecorded {
        reservation: ReservationId,
        date: NaiveDate,
        percent: u8,
    },
    ReservationConfigured {
        reservation: ReservationId,
        change: ReservationChange,
    },
    /// A support request was filed (RULES §5 "CSP Purchase/Refund on behalf of customers", or a §6.5
    /// reservation refund/exchange, which the `ReservationRefunded`/`ReservationExchanged` events that
    /// follow fulfil).
    SupportRequestFiled(Box<SupportRequest>),
    /// The reservation is cancelled; `refund.credit` goes to the next invoice, `refund.fee` was withheld,
    /// `refund.cancelled_future` monthly payments will not be billed. The `LedgerPosted` entries that follow
    /// post the prorated amount (Refund) and the fee (Fee).
    ReservationRefunded {
        customer: CustomerId,
        by: UserId,
        refund: RefundRecord,
    },
    /// `returned` reservations are exchanged (each `credit` to the next invoice, `cancelled_future` not
    /// billed) and `new` is bought, its term starting at `at`. The `LedgerPosted` entries that follow post
    /// each credit and the new reservation's first payment.
    ReservationExchanged {
        request: SupportRequestId,
        customer: CustomerId,
        by: UserId,
        at: DateTime<Utc>,
        returned: Vec<ReturnedValue>,
        new: Box<Reservation>,
    },
    /// The clock charged a reservation's payments up to `payments_billed` (their `LedgerPosted` entries
    /// come just before).
    ReservationBilled {
        reservation: ReservationId,
        payments_billed: u32,
    },
    /// The reservation's term ended (the clock, the day after its last covered day).
    ReservationExpired {
        reservation: ReservationId,
        at: DateTime<Utc>,
    },
    CustomerAdded(Customer),
    CustomerUpdated(Customer),
    CartLineAdded {
        customer: CustomerId,
        cart: CartId,
        line: CartLine,
    },
    CartLineUpdated {
        customer: CustomerId,
        line: CartLine,
    },
    CartLineRemoved {
        customer: CustomerId,
        line: LineId,
    },
    CheckedOut(Box<Purchase>),
    PriceListImported(Box<crate::pricelist::PriceList>),
}

/// Why a subscription is suspended (RULES §4.3): any subscription may be suspended for non-payment or
/// fraud; only Microsoft subscriptions for another reason (then none is given).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SuspensionReason {
    NonPayment,
    Fraud,
}

impl SuspensionReason {
    pub const ALL: [SuspensionReason; 2] = [SuspensionReason::NonPayment, SuspensionReason::Fraud];

    /// The reason as the activity log records it (data, not a sentence).
    pub fn code(self) -> &'static str {
        match self {
            SuspensionReason::NonPayment => "non-payment",
            SuspensionReason::Fraud => "fraud",
        }
    }
}

#[cfg(test)]
mod tests;
