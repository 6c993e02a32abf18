//! Why a command was refused. A [`Rejection`] lists every violated rule, not only the first; each
//! [`Violation`] carries the data a message needs and, where it applies, the date it stops applying.
//! The app maps each variant to one i18n message in one place.

use crate::cart::{LineId, LineIssue};
use crate::eligibility::Ineligible;
use crate::ids::{CartId, CustomerId, OfferId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId};
use crate::money::{Currency, Money};
use crate::partner::CspModel;
use crate::records::{BillingFrequency, ReservationKind, ReservationStatus, SubscriptionStatus};
use crate::roles::{Permission, Role};
use crate::software::{DownloadLinkId, LinkExpiry};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    PartnerName,
    PartnerCountry,
    PartnerCreditLimit,
    UserName,
    UserEmail,
    UserRoles,
    ClockTarget,
    SoftwareVersion,
    SoftwareLanguage,
    SoftwareBit,
    SupportTenantOrDomain,
    SupportOrderOrSubscription,
    SupportRefundReason,
    SupportAmount,
    SupportAttachment,
    /// The contact block of a support request, either form (software refund form, reservation wizard's
    /// Contact information step).
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
    CustomerName,
    CustomerDomain,
    CustomerCountry,
    CustomerSegment,
    CustomerAccountOpened,
    CustomerFirstBilling,
    /// A value of the policy editor.
    Policy(crate::policy::PolicyKey),
}

/// What is wrong with a field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: u32,
    },
    InvalidEmail,
    UnknownCountry,
    /// Another record already uses this value.
    Taken,
    /// The choice is not offered here (e.g. a language the product has no media in, a one-month
    /// reservation term).
    NotOffered,
    /// Neither a tenant ID (GUID) nor a domain name.
    InvalidTenantOrDomain,
    /// Names no record of this customer.
    UnknownReference,
    /// Not a number in the expected form.
    InvalidAmount,
    /// More decimals than the currency's minor unit has.
    TooManyDecimals {
        max: u32,
    },
    /// Zero or negative where a positive amount is needed.
    NotPositive,
    /// Contains path separators or characters file systems refuse.
    InvalidFileName,
    /// Not a phone number (digits with optional `+`, spaces, dashes, dots, parentheses).
    InvalidPhone,
    /// A number outside `min..=max`.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// Not a `name.onmicrosoft.com` domain (label of a-z, 0-9 and inner hyphens).
    InvalidDomain,
    /// Not a `YYYY-MM-DD` date.
    InvalidDate,
    /// The date must not be before `min`.
    DateBefore {
        min: NaiveDate,
    },
    /// The date must not be after `max` (e.g. in the future).
    DateAfter {
        max: NaiveDate,
    },
    /// A valid value, but not the customer's own (e.g. another tenant ID or domain).
    NotThisCustomer,
    /// A policy value under which refunds already made would exceed the refund cap (RULES §6.3).
    BelowRefundsMade,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// The signed-in user lacks the permission; `allowed` names the roles that have it.
    NotPermitted {
        permission: Permission,
        allowed: Vec<Role>,
    },
    /// The acting user does not exist (removed in another tab, for instance).
    UnknownUser,
    /// A field of a form is invalid.
    Invalid {
        field: Field,
        problem: Problem,
    },
    /// The simulated clock only moves forward.
    ClockWouldGoBack {
        current: DateTime<Utc>,
    },
    /// Removing this user, or taking this role away, would leave the partner without a Global admin.
    LastGlobalAdmin,
    /// The user to edit or remove does not exist.
    NoSuchUser,
    /// The subscription named by the command does not exist.
    NoSuchSubscription,
    /// RULES §4.1: the subscription cannot go from `current` to `requested`.
    TransitionNotAllowed {
        current: SubscriptionStatus,
        requested: SubscriptionStatus,
    },
    /// Quantity changes need an Active subscription (not Suspended, Cancelled, Expired or Deleted).
    QuantityChangeNotAllowed {
        status: SubscriptionStatus,
    },
    /// The quantity is outside the offer's bounds (`max: None` = no maximum).
    QuantityOutOfRange {
        requested: u32,
        min: u32,
        max: Option<u32>,
    },
    /// The requested quantity is the current one.
    QuantityUnchanged {
        quantity: u32,
    },
    /// Microsoft trials carry a fixed number of licenses.
    TrialQuantityFixed {
        licenses: u32,
    },
    /// Reactivation is too late: the retention period ended and the data is deleted on `deleted_on`.
    RetentionOver {
        deleted_on: NaiveDate,
    },
    /// An add-on needs its base Active (to be bought or reactivated).
    BaseNotActive {
        base: SubscriptionId,
        status: SubscriptionStatus,
    },
    /// Add-ons attach to a base subscription, not to another add-on.
    BaseIsAddOn {
        base: SubscriptionId,
    },
    /// Only direct-bill partners and indirect providers may buy add-ons (RULES §1.1).
    AddOnsNotAllowedForModel {
        model: CspModel,
    },
    /// Auto-renew can only be changed on commercial-marketplace subscriptions.
    AutoRenewNotChangeable,
    /// Nothing changes on a Cancelled, Expired or Deleted subscription.
    SubscriptionClosed {
        status: SubscriptionStatus,
    },
    /// RULES §4.3: only Microsoft subscriptions may be suspended for any reason; any other only for
    /// non-payment or fraud, which must be given.
    SuspensionNeedsReason,
    /// The ISV cancellation is already scheduled for `on`; Cancel is no longer offered.
    CancellationAlreadyScheduled {
        on: NaiveDate,
    },
    /// Only an active Microsoft trial can be converted (ISV trials convert by themselves).
    NotAConvertibleTrial,
    /// The trial ended on `ended` (it is expired, or expires at the next clock run).
    TrialEnded {
        ended: NaiveDate,
    },
    /// Paid subscriptions bill monthly or annually.
    BillingFrequencyNotAllowed {
        billing: BillingFrequency,
    },
    NoSuchSoftwarePurchase {
        purchase: SoftwarePurchaseId,
    },
    /// The purchase was cancelled: its keys and links are revoked.
    SoftwarePurchaseCancelled {
        purchase: SoftwarePurchaseId,
        cancelled_at: Option<DateTime<Utc>>,
    },
    /// SUSE / Red Hat plans (and products without media) have no keys or downloads.
    NoKeysForProduct {
        purchase: SoftwarePurchaseId,
    },
    NoSuchDownloadLink {
        link: DownloadLinkId,
    },
    /// The link is used up or too old; "Get keys and downloads" issues a fresh one.
    DownloadLinkExpired {
        link: DownloadLinkId,
        reason: LinkExpiry,
        expired_at: DateTime<Utc>,
    },
    /// The purchase was cancelled, which revoked the link.
    DownloadLinkRevoked {
        link: DownloadLinkId,
        revoked_at: DateTime<Utc>,
    },
    /// SUSE / Red Hat plans can never be cancelled or exchanged.
    SoftwareNeverCancellable {
        purchase: SoftwarePurchaseId,
    },
    /// The cancellation window closed at `closed_at` (on `closed_on`).
    SoftwareCancelWindowClosed {
        closed_at: DateTime<Utc>,
        closed_on: NaiveDate,
    },
    /// The chosen order does not hold this purchase (it is held by `held_by`).
    OrderDoesNotHoldPurchase {
        order: OrderId,
        purchase: SoftwarePurchaseId,
        held_by: OrderId,
    },
    /// The Important note was not acknowledged.
    CancellationNotAcknowledged,
    /// RULES §6: the reservation does not exist.
    NoSuchReservation {
        reservation: ReservationId,
    },
    /// RULES §6: only an Active reservation can be configured, used, refunded or exchanged.
    ReservationNotActive {
        reservation: ReservationId,
        status: ReservationStatus,
    },
    /// A request names reservations of more than one customer.
    ReservationsOfDifferentCustomers,
    /// Utilisation cannot be recorded for a day that has not come yet.
    UtilisationInFuture {
        date: NaiveDate,
    },
    /// Utilisation can only be recorded for a day of the reservation's term.
    UtilisationOutsideTerm {
        date: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Single scope must name an Active Azure plan subscription of the reservation's customer.
    NotACustomerAzureSubscription {
        subscription: SubscriptionId,
    },
    /// RULES §6.1: capacity priority only with single scope.
    CapacityPriorityNeedsSingleScope,
    /// The configuration asked for is the current one.
    ReservationUnchanged,
    /// RULES §6.3: the refund (plus cancelled future payments) would exceed the rolling cap. Amounts in USD
    /// minor units. `frees_up_on`: when more cap becomes available, and `frees_usd_minor` how much then;
    /// `fits_on`: when enough has freed up for this amount (`None` if it never fits, i.e. it exceeds the
    /// whole cap).
    RefundCapExceeded {
        requested_usd_minor: i64,
        left_usd_minor: i64,
        cap_usd_minor: i64,
        frees_up_on: Option<NaiveDate>,
        frees_usd_minor: i64,
        fits_on: Option<NaiveDate>,
    },
    /// The policy has no fixed exchange rate for this currency, so the cap cannot be checked.
    NoExchangeRate {
        currency: Currency,
    },
    /// Amounts of one request must share a currency.
    MixedCurrencies {
        expected: Currency,
        found: Currency,
    },
    /// RULES §6.4: exchanges are VM ↔ VM only; `reservation` is `None` for the new reservation.
    ExchangeOnlyVmToVm {
        reservation: Option<ReservationId>,
        kind: ReservationKind,
    },
    /// RULES §6.4: the new total commitment is below the returned value.
    ExchangeShortfall {
        returned: Money,
        new_total: Money,
        short_by: Money,
    },
    /// RULES §6.1: reservations are not sold to customers in this market (ISO 3166-1 alpha-2).
    ReservationsUnavailableInMarket {
        country: String,
    },
    /// RULES §6.1: the customer has no Active Azure subscription to attach a reservation to.
    NoActiveAzureSubscription,
    NoSuchCustomer {
        customer: CustomerId,
    },
    NoSuchOffer {
        offer: OfferId,
    },
    /// The offer cannot be bought by this customer, for every one of these reasons (RULES §2.4).
    OfferNotEligible {
        offer: OfferId,
        reasons: Vec<Ineligible>,
    },
    NoSuchCartLine {
        line: LineId,
    },
    /// Not the customer's open cart (and not a cart already bought).
    NoSuchCart {
        cart: CartId,
    },
    CartEmpty,
    /// Add to cart: the quantity is not one the offer allows (below its minimum, above its maximum, or not
    /// a trial's fixed number), for every one of these reasons; nothing is added (issue 16: `-5` was).
    CartQuantityInvalid {
        requested: i64,
        issues: Vec<LineIssue>,
    },
    /// A cart line blocks Buy, for every one of these reasons.
    CartLineInvalid {
        line: LineId,
        issues: Vec<LineIssue>,
    },
    /// Unpaid + unbilled + this order would exceed the partner's credit limit (RULES §1.1).
    InsufficientCreditLimit {
        limit: Money,
        outstanding: Money,
        order: Money,
    },
    /// RULES §4.4: the offer is not an add-on (add-ons are the only offers bought from a base's page).
    NotAnAddOn {
        offer: OfferId,
    },
    /// RULES §4.4: the add-on does not attach to this base's offer (the catalog's `requires_base`).
    AddOnNotForBase {
        add_on: OfferId,
        base_offer: OfferId,
    },
    /// The offer has no price for this billing frequency in the partner's currency.
    NoPriceForBilling {
        offer: OfferId,
        billing: BillingFrequency,
    },
    /// RULES §2.5: the price-list file cannot be imported at all (a required column missing, not CSV).
    PriceListRefused(crate::pricelist::FileProblem),
    /// RULES §2.5: no row of the price-list file can be imported (`rejected` rows were rejected).
    PriceListNoRows {
        rejected: usize,
    },
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
            | Violation::NoSuchSubscription
            | Violation::TransitionNotAllowed { .. }
            | Violation::QuantityChangeNotAllowed { .. }
            | Violation::QuantityOutOfRange { .. }
            | Violation::QuantityUnchanged { .. }
            | Violation::TrialQuantityFixed { .. }
            | Violation::RetentionOver { .. }
            | Violation::BaseNotActive { .. }
            | Violation::BaseIsAddOn { .. }
            | Violation::AddOnsNotAllowedForModel { .. }
            | Violation::AutoRenewNotChangeable
            | Violation::SuspensionNeedsReason
            | Violation::SubscriptionClosed { .. }
            | Violation::NotAConvertibleTrial
            | Violation::TrialEnded { .. }
            | Violation::BillingFrequencyNotAllowed { .. }
            // After `on` the subscription is Cancelled: Cancel stays unavailable, for another reason.
            | Violation::CancellationAlreadyScheduled { .. }
            | Violation::NoSuchSoftwarePurchase { .. }
            | Violation::SoftwarePurchaseCancelled { .. }
            | Violation::NoKeysForProduct { .. }
            | Violation::NoSuchDownloadLink { .. }
            | Violation::DownloadLinkExpired { .. }
            | Violation::DownloadLinkRevoked { .. }
            | Violation::SoftwareNeverCancellable { .. }
            | Violation::SoftwareCancelWindowClosed { .. }
            | Violation::OrderDoesNotHoldPurchase { .. }
            | Violation::CancellationNotAcknowledged
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
            Violation::NoSuchCustomer { .. }
            | Violation::NoSuchOffer { .. }
            | Violation::OfferNotEligible { .. }
            | Violation::NoSuchCartLine { .. }
            | Violation::NoSuchCart { .. }
            | Violation::CartEmpty
            | Violation::CartQuantityInvalid { .. }
            | Violation::CartLineInvalid { .. }
            | Violation::InsufficientCreditLimit { .. }
            | Violation::NotAnAddOn { .. }
            | Violation::AddOnNotForBase { .. }
            | Violation::NoPriceForBilling { .. }
            | Violation::PriceListRefused(_)
            | Violation::PriceListNoRows { .. } => None,
        }
    }
}
