//! The one place that turns engine values (violations, roles, audit actions, fields) into words.

use crate::i18n::format;
use crate::i18n::{fill, Key, Locale};
use crate::storage::backups::BackupOf;
use crate::storage::{StorageError, Unreadable};
use csp_engine::audit::AuditAction;
use csp_engine::cart::LineIssue;
use csp_engine::catalog::{BillingType, Category, PublisherKind, PurchaseLimit};
use csp_engine::customers::Segment;
use csp_engine::eligibility::Ineligible;
use csp_engine::invariants::{Inconsistency, RecordRef};
use csp_engine::partner::CspModel;
use csp_engine::policy::PolicyKey;
use csp_engine::records::{
    BillingFrequency, OrderStatus, PurchaseStatus, ReservationKind, ReservationStatus, SoftwareKind,
    SubscriptionStatus, Term,
};
use csp_engine::rejection::{Field, Problem};
use csp_engine::roles::{Permission, Role};
use csp_engine::software::LinkExpiry;
use csp_engine::{Rejection, Violation};

pub fn role(r: Role) -> Key {
    match r {
        Role::AdminAgent => Key::RoleAdminAgent,
        Role::SalesAgent => Key::RoleSalesAgent,
        Role::HelpdeskAgent => Key::RoleHelpdeskAgent,
        Role::BillingAdmin => Key::RoleBillingAdmin,
        Role::GlobalAdmin => Key::RoleGlobalAdmin,
        Role::UserManagementAdmin => Key::RoleUserManagementAdmin,
        Role::AccountAdmin => Key::RoleAccountAdmin,
        Role::ReferralAdmin => Key::RoleReferralAdmin,
        Role::MarketingContentAdmin => Key::RoleMarketingContentAdmin,
    }
}

pub fn roles_list(roles: &[Role], locale: Locale) -> String {
    roles.iter().map(|r| role(*r).text(locale)).collect::<Vec<_>>().join(", ")
}

/// The action a page is for, as a phrase ("manage subscriptions"), for the refusal that names who may
/// do it (RULES §1.2).
pub fn permission_action(p: Permission) -> Key {
    match p {
        Permission::ViewCustomers => Key::ActionViewCustomers,
        Permission::EditCustomers => Key::ActionEditCustomers,
        Permission::ManageSubscriptions => Key::ActionManageSubscriptions,
        Permission::ConvertTrials => Key::ActionConvertTrials,
        Permission::OpenSoftware => Key::ActionOpenSoftware,
        Permission::SoftwareKeysAndCancel => Key::ActionSoftwareKeys,
        Permission::ViewSoftwareActivity => Key::ActionViewSoftwareActivity,
        Permission::ManageReservations => Key::ActionManageReservations,
        Permission::ViewBilling => Key::ActionViewBilling,
        Permission::ViewActivityLog => Key::ActionViewActivityLog,
        Permission::ManageUsers => Key::ActionManageUsers,
        Permission::EditPartnerSettings => Key::ActionEditPartnerSettings,
    }
}

pub fn csp_model(m: CspModel) -> Key {
    match m {
        CspModel::DirectBill => Key::ModelDirectBill,
        CspModel::IndirectProvider => Key::ModelIndirectProvider,
        CspModel::IndirectReseller => Key::ModelIndirectReseller,
    }
}

pub fn field(f: Field) -> Key {
    match f {
        Field::PartnerName => Key::FieldPartnerName,
        Field::PartnerCountry => Key::FieldCountry,
        Field::PartnerCreditLimit => Key::FieldCreditLimit,
        Field::UserName => Key::FieldName,
        Field::UserEmail => Key::FieldEmail,
        Field::UserRoles => Key::FieldRoles,
        Field::ClockTarget => Key::FieldDate,
        Field::CustomerName => Key::FieldCompanyName,
        Field::CustomerDomain => Key::FieldDomain,
        Field::CustomerCountry => Key::FieldBillingCountry,
        Field::CustomerSegment => Key::FieldSegment,
        Field::CustomerAccountOpened => Key::FieldAccountOpened,
        Field::CustomerFirstBilling => Key::FieldFirstBilling,
        Field::SoftwareVersion => Key::FieldSoftwareVersion,
        Field::SoftwareLanguage => Key::FieldSoftwareLanguage,
        Field::SoftwareBit => Key::FieldSoftwareBit,
        Field::SupportTenantOrDomain => Key::FieldTenantOrDomain,
        Field::SupportOrderOrSubscription => Key::FieldOrderOrSubscription,
        Field::SupportRefundReason => Key::FieldRefundReason,
        Field::SupportAmount => Key::FieldAmountRequested,
        Field::SupportAttachment => Key::FieldAttachment,
        Field::ContactName => Key::FieldContactName,
        Field::ContactEmail => Key::FieldContactEmail,
        Field::ContactPhone => Key::FieldContactPhone,
        Field::RequestReservations => Key::FieldRequestReservations,
        Field::UtilisationPercent => Key::FieldUtilisationPercent,
        Field::ReservationVmSize => Key::FieldReservationVmSize,
        Field::ReservationRegion => Key::FieldReservationRegion,
        Field::ReservationQuantity => Key::FieldReservationQuantity,
        Field::ReservationTerm => Key::FieldReservationTerm,
        Field::ReservationTotal => Key::FieldReservationTotal,
        Field::Policy(k) => policy_name(k),
    }
}

pub fn audit_action(a: AuditAction) -> Key {
    match a {
        AuditAction::ClockAdvanced => Key::ActClockAdvanced,
        AuditAction::PartnerProfileUpdated => Key::ActPartnerProfileUpdated,
        AuditAction::UserAdded => Key::ActUserAdded,
        AuditAction::UserUpdated => Key::ActUserUpdated,
        AuditAction::UserRemoved => Key::ActUserRemoved,
        AuditAction::DemoDataReset => Key::ActDemoDataReset,
        AuditAction::CustomerAdded => Key::ActCustomerAdded,
        AuditAction::CustomerUpdated => Key::ActCustomerUpdated,
        AuditAction::CartLineAdded => Key::ActCartLineAdded,
        AuditAction::CartLineUpdated => Key::ActCartLineUpdated,
        AuditAction::CartLineRemoved => Key::ActCartLineRemoved,
        AuditAction::OrderPlaced => Key::ActOrderPlaced,
        AuditAction::PriceListImported => Key::ActPriceListImported,
        AuditAction::SubscriptionSuspended => Key::ActSubscriptionSuspended,
        AuditAction::SubscriptionReactivated => Key::ActSubscriptionReactivated,
        AuditAction::SubscriptionQuantityChanged => Key::ActSubscriptionQuantityChanged,
        AuditAction::AutoRenewChanged => Key::ActAutoRenewChanged,
        AuditAction::SubscriptionCancelled => Key::ActSubscriptionCancelled,
        AuditAction::SubscriptionCancellationScheduled => Key::ActCancellationScheduled,
        AuditAction::TrialConverted => Key::ActTrialConverted,
        AuditAction::AddOnAdded => Key::ActAddOnAdded,
        AuditAction::SoftwareLinkIssued => Key::ActSoftwareLinkIssued,
        AuditAction::SoftwareKeyAccessed => Key::ActSoftwareKeyAccessed,
        AuditAction::SoftwareDownloaded => Key::ActSoftwareDownloaded,
        AuditAction::SoftwareLinkCopied => Key::ActSoftwareLinkCopied,
        AuditAction::SoftwarePurchaseCancelled => Key::ActSoftwarePurchaseCancelled,
        AuditAction::SupportRequestFiled => Key::ActSupportRequestFiled,
        AuditAction::ReservationUtilisationRecorded => Key::ActReservationUtilisationRecorded,
        AuditAction::ReservationConfigured => Key::ActReservationConfigured,
        AuditAction::ReservationRefunded => Key::ActReservationRefunded,
        AuditAction::ReservationExchanged => Key::ActReservationExchanged,
        AuditAction::PolicyChanged => Key::ActPolicyChanged,
        AuditAction::PolicyReset => Key::ActPolicyReset,
    }
}

/// A field's name in a message: its catalog entry, with the currency for an exchange rate.
fn field_name(f: Field, locale: Locale) -> String {
    match f {
        Field::Policy(PolicyKey::UsdRate(c)) => fill(Key::PolicyRate.text(locale), &[("currency", c.code())]),
        f => field(f).text(locale).to_string(),
    }
}

fn problem(f: Field, p: &Problem, locale: Locale) -> String {
    let name = field_name(f, locale);
    let name = name.as_str();
    match p {
        Problem::Required => fill(Key::FieldRequired.text(locale), &[("field", name)]),
        Problem::TooLong { max } => {
            fill(Key::FieldTooLong.counted(locale, *max as i64), &[("field", name), ("max", &max.to_string())])
        }
        Problem::InvalidEmail => fill(Key::FieldInvalidEmail.text(locale), &[("field", name)]),
        Problem::UnknownCountry => fill(Key::FieldUnknownCountry.text(locale), &[("field", name)]),
        Problem::Taken => fill(Key::FieldTaken.text(locale), &[("field", name)]),
        Problem::InvalidDomain => fill(Key::FieldInvalidDomain.text(locale), &[("field", name)]),
        Problem::InvalidDate => fill(Key::FieldInvalidDate.text(locale), &[("field", name)]),
        Problem::DateBefore { min } => {
            fill(Key::FieldDateBefore.text(locale), &[("field", name), ("date", &format::date(*min, locale))])
        }
        Problem::DateAfter { max } => {
            fill(Key::FieldDateAfter.text(locale), &[("field", name), ("date", &format::date(*max, locale))])
        }
        Problem::NotOffered => fill(Key::FieldNotOffered.text(locale), &[("field", name)]),
        Problem::InvalidTenantOrDomain => fill(Key::FieldInvalidTenantOrDomain.text(locale), &[("field", name)]),
        Problem::UnknownReference => fill(Key::FieldUnknownReference.text(locale), &[("field", name)]),
        Problem::InvalidAmount => fill(Key::FieldInvalidAmount.text(locale), &[("field", name)]),
        Problem::TooManyDecimals { max: 0 } => fill(Key::FieldWholeAmount.text(locale), &[("field", name)]),
        Problem::TooManyDecimals { max } => {
            fill(Key::FieldTooManyDecimals.counted(locale, *max as i64), &[("field", name), ("max", &max.to_string())])
        }
        Problem::NotPositive => fill(Key::FieldNotPositive.text(locale), &[("field", name)]),
        Problem::InvalidFileName => fill(Key::FieldInvalidFileName.text(locale), &[("field", name)]),
        Problem::InvalidPhone => fill(Key::FieldInvalidPhone.text(locale), &[("field", name)]),
        Problem::OutOfRange { min, max } => fill(
            Key::FieldOutOfRange.text(locale),
            &[("field", name), ("min", &format::integer(*min, locale)), ("max", &format::integer(*max, locale))],
        ),
        Problem::NotThisCustomer => fill(Key::FieldNotThisCustomer.text(locale), &[("field", name)]),
        Problem::BelowRefundsMade => fill(Key::PolicyBelowRefundsMade.text(locale), &[("field", name)]),
    }
}

pub fn violation(v: &Violation, locale: Locale) -> String {
    let t = |k: Key| k.text(locale).to_string();
    let f = |k: Key, args: &[(&str, &str)]| fill(k.text(locale), args);
    // A counted entry: `n` chooses its singular or plural form.
    let c = |k: Key, n: i64, args: &[(&str, &str)]| fill(k.counted(locale, n), args);
    let day = |d: chrono::NaiveDate| format::date(d, locale);
    let when = |d: chrono::DateTime<chrono::Utc>| format::datetime(d, locale);
    let money = |m: csp_engine::money::Money| format::money(m, locale);
    let usd =
        |minor: i64| format::money(csp_engine::money::Money::new(minor, csp_engine::money::Currency::USD), locale);
    let sub_status = |s: SubscriptionStatus| lower(subscription_status(s), locale);
    match v {
        Violation::NotPermitted { allowed, .. } => {
            fill(Key::NotPermitted.text(locale), &[("roles", &roles_list(allowed, locale))])
        }
        Violation::UnknownUser => Key::UnknownUser.text(locale).into(),
        Violation::Invalid { field: f, problem: p } => problem(*f, p, locale),
        Violation::ClockWouldGoBack { current } => {
            fill(Key::ClockWouldGoBack.text(locale), &[("date", &format::datetime(*current, locale))])
        }
        Violation::LastGlobalAdmin => Key::LastGlobalAdmin.text(locale).into(),
        Violation::NoSuchUser => Key::NoSuchUser.text(locale).into(),
        Violation::NoSuchCustomer { .. } => Key::NoSuchCustomer.text(locale).into(),
        Violation::NoSuchOffer { .. } => Key::NoSuchOffer.text(locale).into(),
        Violation::OfferNotEligible { reasons, .. } => {
            let all: Vec<String> = reasons.iter().map(|r| ineligible(r, locale)).collect();
            format!("{} {}", Key::CannotBuy.text(locale), all.join(" "))
        }
        Violation::NoSuchCartLine { .. } => Key::NoSuchCartLine.text(locale).into(),
        Violation::NoSuchCart { .. } => Key::NoSuchCart.text(locale).into(),
        Violation::CartEmpty => Key::CartIsEmpty.text(locale).into(),
        Violation::CartQuantityInvalid { issues, .. } => {
            issues.iter().map(|i| line_issue(i, locale)).collect::<Vec<_>>().join(" ")
        }
        Violation::CartLineInvalid { issues, .. } => {
            issues.iter().map(|i| line_issue(i, locale)).collect::<Vec<_>>().join(" ")
        }
        Violation::InsufficientCreditLimit { limit, outstanding, order } => fill(
            Key::CreditLimitExceeded.text(locale),
            &[
                ("limit", &format::money(*limit, locale)),
                ("outstanding", &format::money(*outstanding, locale)),
                ("order", &format::money(*order, locale)),
            ],
        ),
        Violation::NoSuchSubscription => t(Key::NoSuchSubscription),
        Violation::TransitionNotAllowed { current, requested } => {
            f(Key::TransitionNotAllowed, &[("current", &sub_status(*current)), ("requested", &sub_status(*requested))])
        }
        Violation::QuantityChangeNotAllowed { status } => {
            f(Key::QuantityChangeNotAllowed, &[("status", &sub_status(*status))])
        }
        Violation::QuantityOutOfRange { min, max: Some(max), .. } => {
            c(Key::QuantityBetween, *max as i64, &[("min", &min.to_string()), ("max", &max.to_string())])
        }
        Violation::QuantityOutOfRange { min, max: None, .. } => {
            c(Key::QuantityAtLeast, *min as i64, &[("min", &min.to_string())])
        }
        Violation::QuantityUnchanged { quantity } => {
            c(Key::QuantityUnchanged, *quantity as i64, &[("quantity", &quantity.to_string())])
        }
        Violation::TrialQuantityFixed { licenses } => {
            c(Key::TrialQuantityFixed, *licenses as i64, &[("licenses", &licenses.to_string())])
        }
        Violation::RetentionOver { deleted_on } => f(Key::RetentionOver, &[("date", &day(*deleted_on))]),
        Violation::BaseNotActive { base, status } => {
            f(Key::BaseNotActive, &[("base", base.as_str()), ("status", &sub_status(*status))])
        }
        Violation::BaseIsAddOn { base } => f(Key::BaseIsAddOn, &[("base", base.as_str())]),
        Violation::AddOnsNotAllowedForModel { model } => {
            f(Key::AddOnsNotForModel, &[("model", &lower(csp_model(*model), locale))])
        }
        Violation::AutoRenewNotChangeable => t(Key::AutoRenewNotChangeable),
        Violation::SuspensionNeedsReason => t(Key::SuspensionNeedsReason),
        Violation::SubscriptionClosed { status } => f(Key::SubscriptionClosed, &[("status", &sub_status(*status))]),
        Violation::CancellationAlreadyScheduled { on } => f(Key::CancellationAlreadyScheduled, &[("date", &day(*on))]),
        Violation::NotAConvertibleTrial => t(Key::NotAConvertibleTrial),
        Violation::TrialEnded { ended } => f(Key::TrialEnded, &[("date", &day(*ended))]),
        Violation::BillingFrequencyNotAllowed { billing } => {
            f(Key::BillingFrequencyNotAllowed, &[("billing", &lower(frequency(*billing), locale))])
        }
        Violation::NoSuchSoftwarePurchase { purchase } => {
            f(Key::NoSuchSoftwarePurchase, &[("purchase", purchase.as_str())])
        }
        Violation::SoftwarePurchaseCancelled { cancelled_at: Some(at), .. } => {
            f(Key::SoftwarePurchaseCancelledOn, &[("date", &when(*at))])
        }
        Violation::SoftwarePurchaseCancelled { cancelled_at: None, .. } => t(Key::SoftwarePurchaseCancelled),
        Violation::NoKeysForProduct { .. } => t(Key::NoKeysForProduct),
        Violation::NoSuchDownloadLink { .. } => t(Key::NoSuchDownloadLink),
        Violation::DownloadLinkExpired { reason: LinkExpiry::Time, expired_at, .. } => {
            f(Key::DownloadLinkExpiredTime, &[("date", &when(*expired_at))])
        }
        Violation::DownloadLinkExpired { reason: LinkExpiry::Downloads, expired_at, .. } => {
            f(Key::DownloadLinkUsedUp, &[("date", &when(*expired_at))])
        }
        Violation::DownloadLinkRevoked { revoked_at, .. } => {
            f(Key::DownloadLinkRevoked, &[("date", &when(*revoked_at))])
        }
        Violation::SoftwareNeverCancellable { .. } => t(Key::SoftwareNeverCancellable),
        Violation::SoftwareCancelWindowClosed { closed_at, .. } => {
            f(Key::SoftwareCancelWindowClosed, &[("date", &when(*closed_at))])
        }
        Violation::OrderDoesNotHoldPurchase { order, held_by, .. } => {
            f(Key::OrderDoesNotHoldPurchase, &[("order", order.as_str()), ("held_by", held_by.as_str())])
        }
        Violation::CancellationNotAcknowledged => t(Key::CancellationNotAcknowledged),
        Violation::NoSuchReservation { reservation } => {
            f(Key::NoSuchReservation, &[("reservation", reservation.as_str())])
        }
        Violation::ReservationNotActive { reservation, status } => f(
            Key::ReservationNotActive,
            &[("reservation", reservation.as_str()), ("status", &lower(reservation_status(*status), locale))],
        ),
        Violation::ReservationsOfDifferentCustomers => t(Key::ReservationsOfDifferentCustomers),
        Violation::UtilisationInFuture { date } => f(Key::UtilisationInFuture, &[("date", &day(*date))]),
        Violation::UtilisationOutsideTerm { date, from, to } => {
            f(Key::UtilisationOutsideTerm, &[("date", &day(*date)), ("from", &day(*from)), ("to", &day(*to))])
        }
        Violation::NotACustomerAzureSubscription { subscription } => {
            f(Key::NotACustomerAzureSubscription, &[("subscription", subscription.as_str())])
        }
        Violation::CapacityPriorityNeedsSingleScope => t(Key::CapacityPriorityNeedsSingleScope),
        Violation::ReservationUnchanged => t(Key::ReservationUnchanged),
        Violation::RefundCapExceeded {
            requested_usd_minor,
            left_usd_minor,
            cap_usd_minor,
            frees_up_on,
            frees_usd_minor,
            fits_on,
        } => {
            let head = f(
                Key::RefundCapExceeded,
                &[
                    ("requested", &usd(*requested_usd_minor)),
                    ("left", &usd(*left_usd_minor)),
                    ("cap", &usd(*cap_usd_minor)),
                ],
            );
            // The next release, then when the whole refund fits if that is later (issue 15 §4).
            let frees =
                frees_up_on.map(|d| f(Key::QuotesCapFrees, &[("amount", &usd(*frees_usd_minor)), ("date", &day(d))]));
            let tail = match fits_on {
                Some(d) if Some(*d) == *frees_up_on => t(Key::QuotesCapFitsThen),
                Some(d) => f(Key::RefundCapFitsOn, &[("date", &day(*d))]),
                None => t(Key::RefundCapNeverFits),
            };
            [Some(head), frees, Some(tail)].into_iter().flatten().collect::<Vec<_>>().join(" ")
        }
        Violation::NoExchangeRate { currency } => f(Key::NoExchangeRate, &[("currency", currency.code())]),
        Violation::MixedCurrencies { expected, found } => {
            f(Key::MixedCurrencies, &[("expected", expected.code()), ("found", found.code())])
        }
        Violation::ExchangeOnlyVmToVm { reservation: Some(r), kind } => f(
            Key::ExchangeOnlyVmReturned,
            &[("reservation", r.as_str()), ("kind", reservation_kind(*kind).text(locale))],
        ),
        Violation::ExchangeOnlyVmToVm { reservation: None, kind } => {
            f(Key::ExchangeOnlyVmNew, &[("kind", reservation_kind(*kind).text(locale))])
        }
        Violation::ExchangeShortfall { returned, new_total, short_by } => f(
            Key::ExchangeShortfall,
            &[("returned", &money(*returned)), ("new_total", &money(*new_total)), ("short_by", &money(*short_by))],
        ),
        Violation::ReservationsUnavailableInMarket { country: c } => {
            f(Key::ReservationsUnavailableInMarket, &[("country", &country(c, locale))])
        }
        Violation::NoActiveAzureSubscription => t(Key::NoActiveAzurePlan),
        Violation::NotAnAddOn { .. } => t(Key::NotAnAddOn),
        Violation::AddOnNotForBase { .. } => t(Key::AddOnNotForBase),
        Violation::NoPriceForBilling { billing, .. } => {
            f(Key::NoPriceForBilling, &[("billing", &lower(frequency(*billing), locale))])
        }
        Violation::PriceListRefused(problem) => price_file_problem(problem, locale),
        Violation::PriceListNoRows { rejected } => {
            c(Key::PriceListNoRows, *rejected as i64, &[("count", &format::integer(*rejected as i64, locale))])
        }
    }
}

/// Why a price-list file was refused whole (RULES §2.5).
pub fn price_file_problem(p: &csp_engine::pricelist::FileProblem, locale: Locale) -> String {
    use csp_engine::pricelist::FileProblem as P;
    match p {
        P::Empty => Key::PriceListFileEmpty.text(locale).into(),
        P::Unreadable { line } => fill(Key::PriceListFileNotCsv.text(locale), &[("line", &line.to_string())]),
        P::MissingColumns(columns) => {
            let key = Key::PriceListMissingColumn;
            fill(key.counted(locale, columns.len() as i64), &[("columns", &column_list(columns, locale))])
        }
    }
}

/// Column headers as the file must spell them (Partner Center writes them in English in every
/// language), quoted the locale's way.
pub fn column_list(columns: &[csp_engine::pricelist::Column], locale: Locale) -> String {
    let quoted: Vec<String> = columns.iter().map(|c| quote(c.header(), locale)).collect();
    quoted.join(", ")
}

fn quote(text: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("“{text}”"),
        Locale::Fr => format!("«\u{a0}{text}\u{a0}»"),
    }
}

/// Why one price-list row was rejected (RULES §2.5).
pub fn price_row_problem(p: &csp_engine::pricelist::RowProblem, locale: Locale) -> String {
    use csp_engine::pricelist::RowProblem as P;
    let value = |k: Key, v: &str| fill(k.text(locale), &[("value", v)]);
    match p {
        P::Empty => Key::PriceRowEmpty.text(locale).into(),
        P::UnknownCurrency(v) => value(Key::PriceRowUnknownCurrency, v),
        P::NegativePrice => Key::PriceRowNegative.text(locale).into(),
        P::EndsBeforeStart { from, to } => fill(
            Key::PriceRowEndsBeforeStart.text(locale),
            &[("from", &format::date(*from, locale)), ("to", &format::date(*to, locale))],
        ),
        P::DuplicateOffer { first_line } => {
            fill(Key::PriceRowDuplicate.text(locale), &[("line", &first_line.to_string())])
        }
        P::BadNumber(v) => value(Key::PriceRowBadNumber, v),
        P::BadDate(v) => value(Key::PriceRowBadDate, v),
        P::BadIndicator(v) => value(Key::PriceRowBadIndicator, v),
        P::BadValue(v) => value(Key::PriceRowBadValue, v),
        P::UnknownOffer(v) => value(Key::PriceRowUnknownOffer, v),
    }
}

/// A status or frequency as a word inside a sentence.
fn lower(key: Key, locale: Locale) -> String {
    key.text(locale).to_lowercase()
}

pub fn reservation_kind(k: ReservationKind) -> Key {
    match k {
        ReservationKind::VirtualMachine => Key::KindVirtualMachine,
        ReservationKind::SqlDatabase => Key::KindSqlDatabase,
        ReservationKind::CosmosDb => Key::KindCosmosDb,
    }
}

pub fn segment(s: Segment) -> Key {
    match s {
        Segment::Commercial => Key::SegmentCommercial,
        Segment::Education => Key::SegmentEducation,
        Segment::Government => Key::SegmentGovernment,
        Segment::NonProfit => Key::SegmentNonProfit,
    }
}

/// "an education customer": a segment inside a sentence, with its article (RULES table 1.3).
pub fn a_segment_customer(s: Segment) -> Key {
    match s {
        Segment::Commercial => Key::SegACommercial,
        Segment::Education => Key::SegAnEducation,
        Segment::Government => Key::SegAGovernment,
        Segment::NonProfit => Key::SegANonProfit,
    }
}

/// "education customers": a segment's customers inside a sentence.
pub fn segment_customers(s: Segment) -> Key {
    match s {
        Segment::Commercial => Key::SegAllCommercial,
        Segment::Education => Key::SegAllEducation,
        Segment::Government => Key::SegAllGovernment,
        Segment::NonProfit => Key::SegAllNonProfit,
    }
}

pub fn publisher_kind(p: PublisherKind) -> Key {
    match p {
        PublisherKind::Microsoft => Key::PublisherMicrosoft,
        PublisherKind::Partner => Key::PublisherPartner,
    }
}

pub fn billing_type(b: BillingType) -> Key {
    match b {
        BillingType::License => Key::BillingLicense,
        BillingType::Usage => Key::BillingUsage,
    }
}

pub fn category(c: Category) -> Key {
    match c {
        Category::Enterprise => Key::CategoryEnterprise,
        Category::SmallBusiness => Key::CategorySmallBusiness,
        Category::Trial => Key::CategoryTrial,
    }
}

pub fn frequency(b: BillingFrequency) -> Key {
    match b {
        BillingFrequency::Monthly => Key::FreqMonthly,
        BillingFrequency::Annual => Key::FreqAnnual,
        BillingFrequency::OneTime => Key::FreqOneTime,
        BillingFrequency::None => Key::FreqNone,
    }
}

pub fn term(t: Term) -> Key {
    match t {
        Term::OneMonth => Key::TermOneMonth,
        Term::OneYear => Key::TermOneYear,
        Term::ThreeYears => Key::TermThreeYears,
    }
}

pub fn subscription_status(s: SubscriptionStatus) -> Key {
    match s {
        SubscriptionStatus::Active => Key::StatusActive,
        SubscriptionStatus::Suspended => Key::StatusSuspended,
        SubscriptionStatus::Cancelled => Key::StatusCancelled,
        SubscriptionStatus::Expired => Key::StatusExpired,
        SubscriptionStatus::Deleted => Key::StatusDeleted,
    }
}

pub fn order_status(s: OrderStatus) -> Key {
    match s {
        OrderStatus::Completed => Key::StatusCompleted,
        OrderStatus::Pending => Key::StatusPending,
        OrderStatus::Cancelled => Key::StatusCancelled,
    }
}

pub fn purchase_status(s: PurchaseStatus) -> Key {
    match s {
        PurchaseStatus::Active => Key::StatusActive,
        PurchaseStatus::Cancelled => Key::StatusCancelled,
    }
}

pub fn reservation_status(s: ReservationStatus) -> Key {
    match s {
        ReservationStatus::Active => Key::StatusActive,
        ReservationStatus::Cancelled => Key::StatusCancelled,
        ReservationStatus::Exchanged => Key::StatusExchanged,
        ReservationStatus::Expired => Key::StatusExpired,
    }
}

pub fn software_kind(k: SoftwareKind, locale: Locale) -> String {
    match k {
        SoftwareKind::Subscription { years } => {
            fill(Key::SoftwareSubscriptionYears.counted(locale, years as i64), &[("years", &years.to_string())])
        }
        SoftwareKind::Perpetual => Key::SoftwarePerpetual.text(locale).into(),
        SoftwareKind::LinuxPlan => Key::SoftwareLinuxPlan.text(locale).into(),
    }
}

fn country(code: &str, locale: Locale) -> String {
    crate::i18n::country_name(code, locale)
}

/// Why an offer cannot be bought, in plain words (RULES §2.4).
pub fn ineligible(r: &Ineligible, locale: Locale) -> String {
    let t = |k: Key| k.text(locale).to_string();
    match r {
        Ineligible::SegmentNotAllowed { customer, offer } => fill(
            Key::WhySegment.text(locale),
            &[
                ("offer", segment_customers(*offer).text(locale)),
                ("customer", a_segment_customer(*customer).text(locale)),
            ],
        ),
        Ineligible::GovernmentCustomerLocked { .. } => t(Key::WhyGovernmentLocked),
        Ineligible::NotSoldInCustomerCountry { country: c } => {
            fill(Key::WhyCustomerCountry.text(locale), &[("country", &country(c, locale))])
        }
        Ineligible::NotSoldInPartnerCountry { country: c } => {
            fill(Key::WhyPartnerCountry.text(locale), &[("country", &country(c, locale))])
        }
        Ineligible::PurchaseLimitReached { limit, .. } => match limit {
            PurchaseLimit::Lifetime(n) => {
                fill(Key::WhyLimitLifetime.counted(locale, *n as i64), &[("limit", &n.to_string())])
            }
            PurchaseLimit::Concurrent(n) => {
                fill(Key::WhyLimitConcurrent.counted(locale, *n as i64), &[("limit", &n.to_string())])
            }
            PurchaseLimit::None => fill(Key::WhyLimitConcurrent.counted(locale, 0), &[("limit", "0")]),
        },
        Ineligible::SuspendedSubscription { .. } => t(Key::WhySuspended),
        Ineligible::IsvCountryUnsupported { country: c } => {
            fill(Key::WhyIsvCountry.text(locale), &[("country", &country(c, locale))])
        }
        Ineligible::IsvNotThroughCsp => t(Key::WhyIsvNotCsp),
        Ineligible::ExclusiveToOtherPartners => t(Key::WhyExclusive),
        Ineligible::NotTransactable => t(Key::WhyNotTransactable),
        Ineligible::TrialPaidOfferOwned { .. } => t(Key::WhyTrialOwned),
        Ineligible::TrialAlreadyUsed { .. } => t(Key::WhyTrialUsed),
        Ineligible::TrialNotForSegment { segment: s } => {
            fill(Key::WhyTrialSegment.text(locale), &[("segment", segment_customers(*s).text(locale))])
        }
        Ineligible::ReservationMarketUnavailable { country: c } => {
            fill(Key::WhyReservationMarket.text(locale), &[("country", &country(c, locale))])
        }
        Ineligible::NoActiveAzureSubscription => t(Key::WhyNoAzureSubscription),
        Ineligible::AddOnNotListed => t(Key::WhyAddOn),
        Ineligible::Withdrawn { since } => {
            fill(Key::WhyWithdrawn.text(locale), &[("date", &crate::i18n::format::date(*since, locale))])
        }
    }
}

fn join_keys<T: Copy>(items: &[T], key: impl Fn(T) -> Key, locale: Locale) -> String {
    items.iter().map(|i| key(*i).text(locale)).collect::<Vec<_>>().join(", ")
}

/// A suspension reason (RULES §4.3).
pub fn suspension_reason(r: csp_engine::SuspensionReason) -> Key {
    match r {
        csp_engine::SuspensionReason::NonPayment => Key::SuspendForNonPayment,
        csp_engine::SuspensionReason::Fraud => Key::SuspendForFraud,
    }
}

/// Why a cart line blocks Buy.
pub fn line_issue(i: &LineIssue, locale: Locale) -> String {
    let t = |k: Key| k.text(locale).to_string();
    match i {
        LineIssue::UnknownOffer => t(Key::LineUnknownOffer),
        LineIssue::QuantityBelowMin { min } => {
            fill(Key::LineQtyMin.counted(locale, *min as i64), &[("min", &min.to_string())])
        }
        LineIssue::QuantityAboveMax { max } => {
            fill(Key::LineQtyMax.counted(locale, *max as i64), &[("max", &max.to_string())])
        }
        LineIssue::TrialQuantityFixed { required } => {
            fill(Key::LineTrialFixed.counted(locale, *required as i64), &[("required", &required.to_string())])
        }
        LineIssue::PurchaseLimitExceeded { limit, held, in_cart } => {
            let n = match limit {
                PurchaseLimit::Concurrent(n) | PurchaseLimit::Lifetime(n) => *n,
                PurchaseLimit::None => 0,
            };
            fill(
                Key::LineLimit.text(locale),
                &[("limit", &n.to_string()), ("held", &held.to_string()), ("in_cart", &in_cart.to_string())],
            )
        }
        LineIssue::NotEligible(r) => ineligible(r, locale),
        LineIssue::BillingNotOffered { allowed, .. } => {
            fill(Key::LineBillingNotOffered.text(locale), &[("allowed", &join_keys(allowed, frequency, locale))])
        }
        LineIssue::TermNotOffered { allowed, .. } => {
            fill(Key::LineTermNotOffered.text(locale), &[("allowed", &join_keys(allowed, term, locale))])
        }
        LineIssue::NoPrice => t(Key::LineNoPrice),
        LineIssue::ReservationOptionsMissing => t(Key::LineReservationMissing),
        LineIssue::ReservationOptionsNotApplicable => t(Key::LineReservationNotApplicable),
        LineIssue::CapacityPriorityNeedsSingleScope => t(Key::LineCapacityNeedsSingle),
        LineIssue::SingleScopeNeedsSubscription => t(Key::LineSingleNeedsSubscription),
        LineIssue::NotAnActiveAzureSubscription { subscription } => {
            fill(Key::LineNotActiveAzure.text(locale), &[("subscription", subscription.as_str())])
        }
    }
}

/// Every message of a rejection, in order.
pub fn rejection(r: &Rejection, locale: Locale) -> Vec<String> {
    r.violations.iter().map(|v| violation(v, locale)).collect()
}

/// The message for one form field, if the rejection has one (shown beside the field).
pub fn field_error(r: &Rejection, f: Field, locale: Locale) -> Option<String> {
    r.violations.iter().find_map(|v| match v {
        Violation::Invalid { field: vf, problem: p } if *vf == f => Some(problem(f, p, locale)),
        _ => None,
    })
}

// ── Storage and backups ──

/// Why a stored value could not be read (a technical detail, for support, is quoted as the browser or
/// the decoder gave it).
pub fn unreadable_reason(why: &Unreadable, locale: Locale) -> String {
    match why {
        Unreadable::Refused(refusal) => storage_refusal(refusal, locale),
        Unreadable::Newer(format) => fill(Key::SavedByNewerVersion.text(locale), &[("format", &format.to_string())]),
        Unreadable::Damaged(detail) => fill(Key::SavedDataDamaged.text(locale), &[("detail", detail)]),
    }
}

pub fn storage_refusal(why: &StorageError, locale: Locale) -> String {
    match why {
        StorageError::Full => Key::StorageFull.text(locale).to_string(),
        StorageError::Refused(detail) => fill(Key::StorageRefused.text(locale), &[("detail", detail)]),
    }
}

/// What a backup holds; `None` for a backup of an earlier build (no record).
pub fn backup_of(of: Option<BackupOf>) -> Key {
    match of {
        Some(BackupOf::State) => Key::BackupOfState,
        Some(BackupOf::Session) => Key::BackupOfSession,
        Some(BackupOf::Journal) => Key::BackupOfJournal,
        Some(BackupOf::BeforeRestore) => Key::BackupOfBeforeRestore,
        None => Key::BackupOfUnknown,
    }
}

/// "1 backup takes 12 KB …" / "3 backups take …": the count chooses the sentence.
pub fn backups_summary(count: usize, size: &str, locale: Locale) -> String {
    fill(
        Key::DataBackups.counted(locale, count as i64),
        &[("count", &format::integer(count as i64, locale)), ("size", size)],
    )
}

/// The ID a record reference names.
fn record(r: &RecordRef) -> String {
    match r {
        RecordRef::User(id) => id.to_string(),
        RecordRef::Customer(id) => id.to_string(),
        RecordRef::Cart(id) => id.to_string(),
        RecordRef::Order(id) => id.to_string(),
        RecordRef::Subscription(id) => id.to_string(),
        RecordRef::Software(id) => id.to_string(),
        RecordRef::Reservation(id) => id.to_string(),
        RecordRef::LedgerEntry(id) => id.to_string(),
        RecordRef::SupportRequest(id) => id.to_string(),
        RecordRef::DownloadLink(id) => id.to_string(),
    }
}

/// One way a state is impossible (an edited backup file), in the user's language.
pub fn inconsistency(i: &Inconsistency, locale: Locale) -> String {
    let f = |key: Key, args: &[(&str, &str)]| fill(key.text(locale), args);
    let money = |m: &csp_engine::money::Money| format::money(*m, locale);
    match i {
        Inconsistency::InvoiceTotalMismatch { year, month, .. } => {
            f(Key::BadInvoiceTotal, &[("month", &format::month_year(*year, *month, locale))])
        }
        Inconsistency::OrderLineTotalMismatch { order, line, .. } => {
            f(Key::BadOrderLine, &[("order", &order.to_string()), ("line", &(line + 1).to_string())])
        }
        Inconsistency::LedgerCurrencyMismatch { entry, .. } => {
            f(Key::BadLedgerCurrency, &[("entry", &entry.to_string())])
        }
        Inconsistency::LedgerSignWrong { entry, .. } => f(Key::BadLedgerSign, &[("entry", &entry.to_string())]),
        Inconsistency::CreditExceedsPaid { record: r, paid, credited } => f(
            Key::BadCreditExceedsPaid,
            &[("record", &record(r)), ("credited", &money(credited)), ("paid", &money(paid))],
        ),
        Inconsistency::RefundCapExceeded { customer, on, .. } => {
            f(Key::BadRefundCap, &[("customer", &customer.to_string()), ("date", &format::date(*on, locale))])
        }
        Inconsistency::Dangling { from, to } => f(Key::BadDangling, &[("from", &record(from)), ("to", &record(to))]),
        Inconsistency::WrongCustomer { from, related, .. } => {
            f(Key::BadWrongCustomer, &[("from", &record(from)), ("related", &record(related))])
        }
        Inconsistency::KeyMismatch { key, id } => f(Key::BadKeyMismatch, &[("key", &record(key)), ("id", &record(id))]),
        Inconsistency::DuplicateId { id } => f(Key::BadDuplicateId, &[("id", &record(id))]),
        Inconsistency::CounterBehind { highest, .. } => f(Key::BadCounterBehind, &[("number", &highest.to_string())]),
        Inconsistency::NoGlobalAdmin => Key::BadNoGlobalAdmin.text(locale).to_string(),
        Inconsistency::DuplicateDomain { domain, .. } => f(Key::BadDuplicateDomain, &[("domain", domain)]),
        Inconsistency::FromTheFuture { record: r, .. } => f(Key::BadFromTheFuture, &[("record", &record(r))]),
        Inconsistency::StatusDateMissing { record: r } => f(Key::BadStatusDate, &[("record", &record(r))]),
        Inconsistency::AddOnOfAddOn { add_on, base } => {
            f(Key::BadAddOnOfAddOn, &[("add_on", &add_on.to_string()), ("base", &base.to_string())])
        }
        Inconsistency::CartLineIdInvalid { cart, line, .. } => {
            f(Key::BadCartLine, &[("cart", &cart.to_string()), ("line", &line.to_string())])
        }
        Inconsistency::CartAlreadyCheckedOut { cart } => f(Key::BadCartCheckedOut, &[("cart", &cart.to_string())]),
    }
}

// ── Policy (Settings → Policy) ──

/// A policy value's name (for an exchange rate, without its currency: see `field_name`).
pub fn policy_name(k: PolicyKey) -> Key {
    use PolicyKey::*;
    match k {
        SmallBusinessMaxLicenses => Key::PolicySmallBusinessMax,
        TaxInclusiveCountries => Key::PolicyTaxCountries,
        TermMonths => Key::PolicyTermMonths,
        RetentionBaseDays => Key::PolicyRetentionBase,
        RetentionCapDays => Key::PolicyRetentionCap,
        SuspensionFullCreditDays => Key::PolicySuspensionCredit,
        TrialDays => Key::PolicyTrialDays,
        TrialLicenses => Key::PolicyTrialLicenses,
        TrialExcludedSegments => Key::PolicyTrialSegments,
        IsvMonthlyCancelHours => Key::PolicyIsvMonthly,
        IsvAnnualCancelDays => Key::PolicyIsvAnnual,
        SoftwareCancelDays => Key::PolicySoftwareCancel,
        PerpetualSoftwareCreditPercent => Key::PolicyPerpetualCredit,
        DownloadLinkValidDays => Key::PolicyLinkDays,
        DownloadLinkMaxDownloads => Key::PolicyLinkDownloads,
        ReservationUnavailableMarkets => Key::PolicyMarkets,
        ReservationFullRefundDays => Key::PolicyRefundDays,
        EarlyTerminationFeePercent => Key::PolicyFee,
        RefundCapUsd => Key::PolicyCap,
        RefundWindowDays => Key::PolicyCapWindow,
        UsdRate(_) => Key::PolicyRate,
    }
}

/// The one-line description of the rule a policy value drives.
pub fn policy_rule(k: PolicyKey) -> Key {
    use PolicyKey::*;
    match k {
        SmallBusinessMaxLicenses => Key::PolicySmallBusinessMaxRule,
        TaxInclusiveCountries => Key::PolicyTaxCountriesRule,
        TermMonths => Key::PolicyTermMonthsRule,
        RetentionBaseDays => Key::PolicyRetentionBaseRule,
        RetentionCapDays => Key::PolicyRetentionCapRule,
        SuspensionFullCreditDays => Key::PolicySuspensionCreditRule,
        TrialDays => Key::PolicyTrialDaysRule,
        TrialLicenses => Key::PolicyTrialLicensesRule,
        TrialExcludedSegments => Key::PolicyTrialSegmentsRule,
        IsvMonthlyCancelHours => Key::PolicyIsvMonthlyRule,
        IsvAnnualCancelDays => Key::PolicyIsvAnnualRule,
        SoftwareCancelDays => Key::PolicySoftwareCancelRule,
        PerpetualSoftwareCreditPercent => Key::PolicyPerpetualCreditRule,
        DownloadLinkValidDays => Key::PolicyLinkDaysRule,
        DownloadLinkMaxDownloads => Key::PolicyLinkDownloadsRule,
        ReservationUnavailableMarkets => Key::PolicyMarketsRule,
        ReservationFullRefundDays => Key::PolicyRefundDaysRule,
        EarlyTerminationFeePercent => Key::PolicyFeeRule,
        RefundCapUsd => Key::PolicyCapRule,
        RefundWindowDays => Key::PolicyCapWindowRule,
        UsdRate(_) => Key::PolicyRateRule,
    }
}

/// The title of the rule-book section (`PolicyKey::rule`) a value belongs to.
pub fn policy_section(rule: &str) -> Key {
    match rule {
        "§2.2" => Key::PolicySecCatalog,
        "§3" => Key::PolicySecTax,
        "§4.2" => Key::PolicySecTerms,
        "§4.3" => Key::PolicySecSuspension,
        "§4.5" => Key::PolicySecTrials,
        "§4.6" => Key::PolicySecIsv,
        "§5" => Key::PolicySecSoftware,
        "§6.1" => Key::PolicySecMarkets,
        _ => Key::PolicySecRefunds,
    }
}

/// A counted unit ("1 day", "2 days"; French: "0 jour").
fn counted(n: i64, key: Key, locale: Locale) -> String {
    fill(key.counted(locale, n), &[("n", &format::integer(n, locale))])
}

/// A policy value in words, with its unit ("14 days", "12 %", "USD 50,000.00", "AU, BR").
pub fn policy_value(k: PolicyKey, p: &csp_engine::policy::Policy, locale: Locale) -> String {
    use csp_engine::policy::PolicyUnit as U;
    let text = k.text(p);
    let whole = || text.parse::<i64>().unwrap_or(0);
    // Decimals as the locale writes them.
    let decimal = || if locale == Locale::Fr { text.replace('.', ",") } else { text.clone() };
    match k.unit() {
        U::Days => counted(whole(), Key::PolicyDay, locale),
        U::Hours => counted(whole(), Key::PolicyHour, locale),
        U::Months => counted(whole(), Key::PolicyMonth, locale),
        U::Licenses => counted(whole(), Key::PolicyLicense, locale),
        U::Downloads => counted(whole(), Key::PolicyDownload, locale),
        U::Percent => fill(Key::PolicyPercentValue.text(locale), &[("n", &decimal())]),
        U::Usd => format::money(
            csp_engine::money::Money::new(p.refund_cap_usd_minor, csp_engine::money::Currency::USD),
            locale,
        ),
        U::UsdPerUnit => {
            let currency = match k {
                PolicyKey::UsdRate(c) => c.code(),
                _ => "",
            };
            fill(Key::PolicyRateValue.text(locale), &[("n", &decimal()), ("currency", currency)])
        }
        U::Countries => {
            let codes: Vec<&str> = text.split(", ").filter(|c| !c.is_empty()).collect();
            match codes.len() {
                0 => Key::PolicyNone.text(locale).to_string(),
                1..=8 => codes.join(", "),
                n => fill(Key::PolicyCodesCount.text(locale), &[("count", &format::integer(n as i64, locale))]),
            }
        }
        U::Segments => {
            let names: Vec<&str> = p.trial_excluded_segments.iter().map(|s| segment(*s).text(locale)).collect();
            if names.is_empty() {
                Key::PolicyNone.text(locale).to_string()
            } else {
                names.join(", ")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_engine::roles::Permission;

    /// Segments inside sentences: lower case, with an article that agrees ("an education customer").
    #[test]
    fn segments_read_as_words_inside_sentences() {
        let why = |customer, offer, locale| ineligible(&Ineligible::SegmentNotAllowed { customer, offer }, locale);
        let cases = [
            (
                Segment::Education,
                Segment::Commercial,
                Locale::En,
                "Offers for commercial customers can’t be sold to an education customer.",
            ),
            (
                Segment::Commercial,
                Segment::Education,
                Locale::En,
                "Offers for education customers can’t be sold to a commercial customer.",
            ),
            (
                Segment::Education,
                Segment::Government,
                Locale::Fr,
                "Les offres destinées aux clients de l’administration ne peuvent pas être vendues à un client du secteur de l’éducation.",
            ),
        ];
        for (customer, offer, locale, want) in cases {
            assert_eq!(why(customer, offer, locale), want);
        }
        let trial = ineligible(&Ineligible::TrialNotForSegment { segment: Segment::NonProfit }, Locale::En);
        assert_eq!(trial, "Trials aren’t available to non-profit customers.");
    }

    /// Counted refusals read right for 1 and for many in both languages.
    #[test]
    fn counted_refusals_agree_with_their_number() {
        let v = |quantity, locale| violation(&Violation::QuantityUnchanged { quantity }, locale);
        assert_eq!(v(1, Locale::En), "The subscription already has 1 license.");
        assert_eq!(v(2, Locale::En), "The subscription already has 2 licenses.");
        assert!(v(1, Locale::Fr).contains("1 licence."), "{}", v(1, Locale::Fr));
        assert!(v(2, Locale::Fr).contains("2 licences."), "{}", v(2, Locale::Fr));
        let once =
            ineligible(&Ineligible::PurchaseLimitReached { limit: PurchaseLimit::Lifetime(1), held: 1 }, Locale::En);
        assert!(once.contains("bought once per customer"), "{once}");
        assert_eq!(
            backups_summary(1, "2 KB", Locale::En),
            "1 backup takes 2 KB of this browser’s storage. Only you delete backups."
        );
        assert!(backups_summary(0, "0 Ko", Locale::Fr).starts_with("0 sauvegarde occupe"));
        assert!(backups_summary(3, "9 Ko", Locale::Fr).starts_with("3 sauvegardes occupent"));
    }

    /// Every subscription, software and reservation refusal reads as words in both languages: no
    /// placeholder is left unfilled and every amount and date is formatted.
    #[test]
    fn lifecycle_refusals_fill_every_placeholder() {
        use chrono::{NaiveDate, TimeZone, Utc};
        use csp_engine::ids::{OfferId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId};
        use csp_engine::money::{Currency, Money};
        use csp_engine::software::DownloadLinkId;
        let day = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 2, 3, 10, 0, 0).unwrap();
        let usd = |m| Money::new(m, Currency::USD);
        let (sub, rsv) = (SubscriptionId("S-0001".into()), ReservationId("RSV-0001".into()));
        let (sw, link) = (SoftwarePurchaseId("SW-0001".into()), DownloadLinkId("DL-0001".into()));
        let offer = OfferId("audio-conferencing".into());
        // (violation, a piece the English text must contain)
        let rows: Vec<(Violation, &str)> = vec![
            (Violation::NoSuchSubscription, "no longer exists"),
            (
                Violation::TransitionNotAllowed {
                    current: SubscriptionStatus::Deleted,
                    requested: SubscriptionStatus::Active,
                },
                "deleted can’t become active",
            ),
            (Violation::QuantityChangeNotAllowed { status: SubscriptionStatus::Suspended }, "suspended"),
            (Violation::QuantityOutOfRange { requested: 0, min: 1, max: Some(300) }, "from 1 to 300"),
            (Violation::QuantityOutOfRange { requested: 0, min: 1, max: None }, "at least 1"),
            (Violation::QuantityUnchanged { quantity: 5 }, "already has 5"),
            (Violation::TrialQuantityFixed { licenses: 25 }, "its 25 licenses"),
            (Violation::RetentionOver { deleted_on: day }, "Feb 3, 2026"),
            (Violation::BaseNotActive { base: sub.clone(), status: SubscriptionStatus::Suspended }, "S-0001"),
            (Violation::BaseIsAddOn { base: sub.clone() }, "S-0001 is an add-on"),
            (Violation::AddOnsNotAllowedForModel { model: CspModel::IndirectReseller }, "indirect reseller"),
            (Violation::AutoRenewNotChangeable, "commercial marketplace"),
            (Violation::SuspensionNeedsReason, "non-payment or fraud"),
            (
                Violation::CartQuantityInvalid {
                    requested: -5,
                    issues: vec![csp_engine::cart::LineIssue::QuantityBelowMin { min: 1 }],
                },
                "at least 1",
            ),
            (Violation::SubscriptionClosed { status: SubscriptionStatus::Expired }, "expired"),
            (Violation::CancellationAlreadyScheduled { on: day }, "Feb 3, 2026"),
            (Violation::NotAConvertibleTrial, "trial"),
            (Violation::TrialEnded { ended: day }, "Feb 3, 2026"),
            (Violation::BillingFrequencyNotAllowed { billing: BillingFrequency::OneTime }, "one-time"),
            (Violation::NoSuchSoftwarePurchase { purchase: sw.clone() }, "SW-0001"),
            (Violation::SoftwarePurchaseCancelled { purchase: sw.clone(), cancelled_at: Some(at) }, "2026"),
            (Violation::SoftwarePurchaseCancelled { purchase: sw.clone(), cancelled_at: None }, "revoked"),
            (Violation::NoKeysForProduct { purchase: sw.clone() }, "SUSE"),
            (Violation::NoSuchDownloadLink { link: link.clone() }, "no longer exists"),
            (
                Violation::DownloadLinkExpired { link: link.clone(), reason: LinkExpiry::Time, expired_at: at },
                "expired on",
            ),
            (
                Violation::DownloadLinkExpired { link: link.clone(), reason: LinkExpiry::Downloads, expired_at: at },
                "maximum number of downloads",
            ),
            (Violation::DownloadLinkRevoked { link, revoked_at: at }, "revoked on"),
            (Violation::SoftwareNeverCancellable { purchase: sw.clone() }, "Red Hat"),
            (Violation::SoftwareCancelWindowClosed { closed_at: at, closed_on: day }, "closed on"),
            (
                Violation::OrderDoesNotHoldPurchase {
                    order: OrderId("O-0001".into()),
                    purchase: sw,
                    held_by: OrderId("O-0002".into()),
                },
                "choose order O-0002",
            ),
            (Violation::CancellationNotAcknowledged, "important note"),
            (Violation::NoSuchReservation { reservation: rsv.clone() }, "RSV-0001"),
            (
                Violation::ReservationNotActive { reservation: rsv.clone(), status: ReservationStatus::Exchanged },
                "exchanged",
            ),
            (Violation::ReservationsOfDifferentCustomers, "one customer"),
            (Violation::UtilisationInFuture { date: day }, "Feb 3, 2026"),
            (Violation::UtilisationOutsideTerm { date: day, from: day, to: day }, "(Feb 3, 2026 to Feb 3, 2026)"),
            (Violation::NotACustomerAzureSubscription { subscription: sub }, "S-0001"),
            (Violation::CapacityPriorityNeedsSingleScope, "single scope"),
            (Violation::ReservationUnchanged, "already"),
            (
                Violation::RefundCapExceeded {
                    requested_usd_minor: 600_000,
                    left_usd_minor: 500_000,
                    cap_usd_minor: 5_000_000,
                    frees_up_on: Some(day),
                    frees_usd_minor: 1_200_000,
                    fits_on: Some(day),
                },
                "($6,000.00) is over the customer’s refund limit: $5,000.00 is left of $50,000.00 per 12 months. \
                 The refund limit frees $12,000.00 on Feb 3, 2026. That is enough for this refund.",
            ),
            (
                Violation::RefundCapExceeded {
                    requested_usd_minor: 6_000_000,
                    left_usd_minor: 0,
                    cap_usd_minor: 5_000_000,
                    frees_up_on: None,
                    frees_usd_minor: 0,
                    fits_on: None,
                },
                "never",
            ),
            (Violation::NoExchangeRate { currency: Currency::CHF }, "CHF"),
            (Violation::MixedCurrencies { expected: Currency::USD, found: Currency::EUR }, "USD and EUR"),
            (
                Violation::ExchangeOnlyVmToVm { reservation: Some(rsv), kind: ReservationKind::SqlDatabase },
                "a SQL Database reservation",
            ),
            (
                Violation::ExchangeOnlyVmToVm { reservation: None, kind: ReservationKind::CosmosDb },
                "for Azure Cosmos DB",
            ),
            (
                Violation::ExchangeShortfall { returned: usd(10_000), new_total: usd(8_000), short_by: usd(2_000) },
                "add $20.00",
            ),
            (Violation::ReservationsUnavailableInMarket { country: "XK".into() }, "aren’t sold in"),
            (Violation::NoActiveAzureSubscription, "Azure plan"),
            (Violation::NotAnAddOn { offer: offer.clone() }, "isn’t an add-on"),
            (Violation::AddOnNotForBase { add_on: offer.clone(), base_offer: offer.clone() }, "can’t be added"),
            (Violation::NoPriceForBilling { offer, billing: BillingFrequency::Annual }, "no annual price"),
            (
                Violation::PriceListRefused(csp_engine::pricelist::FileProblem::MissingColumns(vec![
                    csp_engine::pricelist::Column::ListPrice,
                ])),
                "lacks the required column “List price”: nothing was imported",
            ),
            (
                Violation::PriceListRefused(csp_engine::pricelist::FileProblem::MissingColumns(vec![
                    csp_engine::pricelist::Column::ListPrice,
                    csp_engine::pricelist::Column::Currency,
                ])),
                "required columns “List price”, “Currency”",
            ),
            (Violation::PriceListRefused(csp_engine::pricelist::FileProblem::Unreadable { line: 7 }), "(line 7)"),
            (Violation::PriceListNoRows { rejected: 1 }, "(1 rejected row)"),
            (Violation::PriceListNoRows { rejected: 3 }, "(3 rejected rows)"),
        ];
        for (v, piece) in rows {
            for locale in Locale::ALL {
                let text = violation(&v, locale);
                assert!(!text.contains('{') && !text.contains('}'), "{v:?} {locale:?}: {text}");
                assert!(!text.trim().is_empty(), "{v:?} {locale:?}");
            }
            let en = violation(&v, Locale::En);
            assert!(en.contains(piece), "{v:?}: “{en}” should contain “{piece}”");
        }
    }

    /// The refund-cap refusal says what the next release frees and when, then when the whole refund fits
    /// (issue 15 §4), in both languages.
    #[test]
    fn the_refund_cap_refusal_says_what_frees_up_and_when_it_fits() {
        use chrono::NaiveDate;
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let v = |fits_on| Violation::RefundCapExceeded {
            requested_usd_minor: 2_800_000,
            left_usd_minor: 220_000,
            cap_usd_minor: 5_000_000,
            frees_up_on: Some(d(1, 3)),
            frees_usd_minor: 2_280_000,
            fits_on,
        };
        // (fits on, English tail, French tail)
        let rows = [
            (
                Some(d(1, 3)),
                "The refund limit frees $22,800.00 on Jan 3, 2027. That is enough for this refund.",
                "C’est assez pour ce remboursement.",
            ),
            (
                Some(d(3, 2)),
                "The refund limit frees $22,800.00 on Jan 3, 2027. It fits within the limit from Mar 2, 2027.",
                "Il entrera dans le plafond à partir du 2\u{a0}mars 2027.",
            ),
        ];
        for (fits_on, en, fr) in rows {
            let (got_en, got_fr) = (violation(&v(fits_on), Locale::En), violation(&v(fits_on), Locale::Fr));
            assert!(got_en.ends_with(en), "{got_en}");
            assert!(got_fr.contains("Le plafond de remboursement libère 22\u{202f}800,00"), "{got_fr}");
            assert!(got_fr.ends_with(fr) || got_fr.ends_with(&fr.replace('\u{a0}', " ")), "{got_fr}");
        }
    }

    #[test]
    fn every_price_row_problem_is_worded_in_both_languages() {
        use chrono::NaiveDate;
        use csp_engine::pricelist::RowProblem as P;
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let rows = [
            (P::Empty, "Empty: this column is required."),
            (P::UnknownCurrency("XYZ".into()), "Unknown currency “XYZ”."),
            (P::NegativePrice, "Negative price."),
            (P::EndsBeforeStart { from: d(12, 1), to: d(11, 1) }, "Ends (Nov 1, 2026) before it starts (Dec 1, 2026)."),
            (P::DuplicateOffer { first_line: 2 }, "Duplicate offer ID: already on line 2."),
            (P::BadNumber("ten".into()), "Not a number: “ten”."),
            (P::BadDate("13/1/2026".into()), "Not a date: “13/1/2026”."),
            (P::BadIndicator("NEW".into()), "Unknown change indicator “NEW” (ADD, CHG, DEL or UNC)."),
            (P::BadValue("Military".into()), "Unknown value “Military”."),
            (P::UnknownOffer("x".into()), "No offer with the ID “x” in the catalog."),
        ];
        for (p, en) in rows {
            assert_eq!(price_row_problem(&p, Locale::En), en);
            let fr = price_row_problem(&p, Locale::Fr);
            assert!(!fr.is_empty() && !fr.contains('{') && fr != en, "{p:?}: {fr}");
        }
    }

    #[test]
    fn new_field_problems_name_the_field() {
        // (problem, English message for the amount field)
        let rows = [
            (Problem::TooManyDecimals { max: 2 }, "Amount requested: use at most 2 decimals."),
            (Problem::TooManyDecimals { max: 0 }, "Amount requested: enter a whole amount, without decimals."),
            (Problem::NotPositive, "Amount requested: enter an amount above zero."),
            (Problem::OutOfRange { min: 0, max: 100 }, "Amount requested: enter a number from 0 to 100."),
            (Problem::NotThisCustomer, "Amount requested: this doesn’t match this customer’s record."),
        ];
        for (p, want) in rows {
            let r = Rejection::one(Violation::Invalid { field: Field::SupportAmount, problem: p.clone() });
            assert_eq!(field_error(&r, Field::SupportAmount, Locale::En).as_deref(), Some(want), "{p:?}");
            let fr = field_error(&r, Field::SupportAmount, Locale::Fr).unwrap();
            assert!(fr.starts_with("Montant demandé\u{a0}:") && !fr.contains('{'), "{p:?}: {fr}");
        }
    }

    #[test]
    fn refusal_names_the_roles_that_may() {
        let v =
            Violation::NotPermitted { permission: Permission::SoftwareKeysAndCancel, allowed: vec![Role::AdminAgent] };
        assert_eq!(violation(&v, Locale::En), "Your roles do not allow this. Roles that may: Admin agent.");
        assert_eq!(
            violation(&v, Locale::Fr),
            "Vos rôles ne le permettent pas. Rôles autorisés\u{a0}: Agent administrateur."
        );
    }

    #[test]
    fn field_errors_name_the_field() {
        let r = Rejection::one(Violation::Invalid { field: Field::UserEmail, problem: Problem::InvalidEmail });
        assert_eq!(
            field_error(&r, Field::UserEmail, Locale::En).as_deref(),
            Some("E-mail: enter an address like name@example.com.")
        );
        assert_eq!(field_error(&r, Field::UserName, Locale::En), None);
    }
}
