//! Commands through serde_json: every variant writes in serde's externally tagged shape and reads back
//! equal (the groundwork of a saved journal of accepted commands).

use super::*;
use crate::cart::{ReservationOptions, ScopeChoice};
use crate::customers::Segment;
use crate::money::Currency;
use crate::records::{ReservationBilling, ReservationKind, Term};
use crate::reservations::{ContactMethod, NewReservation};
use crate::software::{Bitness, Language, SoftwareVersion};
use chrono::{Duration, TimeZone};

/// The number of [`Command`] variants: [`index`] numbers them `0..VARIANTS`.
const VARIANTS: usize = 31;

/// The variant's number and name. No wildcard arm: a new variant does not compile until it is numbered
/// here, and the test then fails until [`one_of_each`] builds one.
fn index(command: &Command) -> (usize, &'static str) {
    match command {
        Command::AdvanceClock { .. } => (0, "AdvanceClock"),
        Command::UpdatePartnerProfile { .. } => (1, "UpdatePartnerProfile"),
        Command::AddUser { .. } => (2, "AddUser"),
        Command::UpdateUser { .. } => (3, "UpdateUser"),
        Command::RemoveUser { .. } => (4, "RemoveUser"),
        Command::ResetDemoData => (5, "ResetDemoData"),
        Command::SuspendSubscription { .. } => (6, "SuspendSubscription"),
        Command::ReactivateSubscription { .. } => (7, "ReactivateSubscription"),
        Command::ChangeSubscriptionQuantity { .. } => (8, "ChangeSubscriptionQuantity"),
        Command::SetAutoRenew { .. } => (9, "SetAutoRenew"),
        Command::CancelIsvSubscription { .. } => (10, "CancelIsvSubscription"),
        Command::ConvertTrial { .. } => (11, "ConvertTrial"),
        Command::AddAddOn { .. } => (12, "AddAddOn"),
        Command::IssueDownloadLink { .. } => (13, "IssueDownloadLink"),
        Command::GetKey { .. } => (14, "GetKey"),
        Command::Download { .. } => (15, "Download"),
        Command::CopyLink { .. } => (16, "CopyLink"),
        Command::CancelSoftwarePurchase { .. } => (17, "CancelSoftwarePurchase"),
        Command::FileSupportRequest(_) => (18, "FileSupportRequest"),
        Command::RecordUtilisation { .. } => (19, "RecordUtilisation"),
        Command::ChangeReservationScope { .. } => (20, "ChangeReservationScope"),
        Command::FileReservationRequest { .. } => (21, "FileReservationRequest"),
        Command::AddCustomer(_) => (22, "AddCustomer"),
        Command::EditCustomer { .. } => (23, "EditCustomer"),
        Command::AddToCart { .. } => (24, "AddToCart"),
        Command::UpdateCartLine { .. } => (25, "UpdateCartLine"),
        Command::RemoveCartLine { .. } => (26, "RemoveCartLine"),
        Command::Checkout { .. } => (27, "Checkout"),
        Command::ImportPriceList { .. } => (28, "ImportPriceList"),
        Command::SetPolicy { .. } => (29, "SetPolicy"),
        Command::ResetPolicy => (30, "ResetPolicy"),
    }
}

/// One command of each variant, with unusual values where a type allows them (nanoseconds, the largest
/// integers, text that JSON must escape, `None` and `Some`).
fn one_of_each() -> Vec<Command> {
    let at = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap() + Duration::nanoseconds(123_456_789);
    let sub = || SubscriptionId("S-0001".into());
    let purchase = || SoftwarePurchaseId("SP-0001".into());
    let link = || DownloadLinkId("DL-0001".into());
    let customer = || CustomerId("C-0001".into());
    let selection =
        ProductSelection { version: SoftwareVersion::SqlServer2022, language: Language::French, bit: Bitness::X86 };
    let form = CustomerForm {
        company_name: "Contoso \"Ltd\"\n\u{e9}\u{1f600}".into(),
        domain: "contoso".into(),
        country: "fr".into(),
        segment: Some(Segment::Education),
        account_opened: "2026-01-31".into(),
        first_billing: String::new(),
    };
    let plain_line = LineInput {
        offer: OfferId("O-1".into()),
        quantity: i64::MIN,
        billing: BillingFrequency::Annual,
        term: Term::ThreeYears,
        reservation: None,
    };
    let reserved_line = LineInput {
        offer: OfferId("O-RI".into()),
        quantity: 3,
        billing: BillingFrequency::None,
        term: Term::OneYear,
        reservation: Some(ReservationOptions {
            azure_subscription: Some(sub()),
            scope: ScopeChoice::Single,
            optimize: ReservationOptimize::CapacityPriority,
            billing: ReservationBilling::Monthly,
        }),
    };
    vec![
        Command::AdvanceClock { to: at },
        Command::UpdatePartnerProfile {
            name: "Fabrikam".into(),
            country: "GB".into(),
            model: CspModel::IndirectProvider,
            credit_limit: "1 000,50".into(),
        },
        Command::AddUser { name: "Ana".into(), email: "ana@example.com".into(), roles: vec![] },
        Command::UpdateUser {
            user: UserId("U-0002".into()),
            name: "Ana B".into(),
            email: "ana.b@example.com".into(),
            roles: vec![Role::AdminAgent, Role::BillingAdmin, Role::MarketingContentAdmin],
        },
        Command::RemoveUser { user: UserId("U-0002".into()) },
        Command::ResetDemoData,
        Command::SuspendSubscription { subscription: sub(), reason: Some(SuspensionReason::Fraud) },
        Command::ReactivateSubscription { subscription: sub() },
        Command::ChangeSubscriptionQuantity { subscription: sub(), quantity: u32::MAX },
        Command::SetAutoRenew { subscription: sub(), auto_renew: false },
        Command::CancelIsvSubscription { subscription: sub(), details: "too \\ expensive\t".into() },
        Command::ConvertTrial { subscription: sub(), quantity: 0, billing: BillingFrequency::Monthly },
        Command::AddAddOn { base: sub(), offer: OfferId("O-ADD".into()), quantity: 5 },
        Command::IssueDownloadLink { purchase: purchase(), selection },
        Command::GetKey { purchase: purchase(), selection },
        Command::Download { link: link() },
        Command::CopyLink { link: link() },
        Command::CancelSoftwarePurchase { purchase: purchase(), order: OrderId("O-0001".into()), acknowledged: true },
        Command::FileSupportRequest(SupportRequestForm {
            customer: customer(),
            tenant_or_domain: "contoso.onmicrosoft.com".into(),
            order_or_subscription: "O-0001".into(),
            refund_reason: "Bought twice".into(),
            amount_requested: "1234,50".into(),
            contact_name: "Ana".into(),
            email: "ana@example.com".into(),
            phone: String::new(),
            attachment: Some("invoice.pdf".into()),
        }),
        Command::RecordUtilisation {
            reservation: ReservationId("R-0001".into()),
            date: NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
            percent: u8::MAX,
        },
        Command::ChangeReservationScope {
            reservation: ReservationId("R-0001".into()),
            scope: ReservationScope::Single(sub()),
            optimize: ReservationOptimize::InstanceSizeFlexibility,
        },
        Command::FileReservationRequest {
            reservations: vec![ReservationId("R-0001".into()), ReservationId("R-0002".into())],
            kind: ReservationRequestKind::Exchange(NewReservation {
                offer: OfferId("O-RI".into()),
                name: "D2s v5".into(),
                kind: ReservationKind::VirtualMachine,
                vm_size: "Standard_D2s_v5".into(),
                region: "westeurope".into(),
                quantity: 2,
                term: Term::ThreeYears,
                billing: ReservationBilling::Upfront,
                scope: ReservationScope::Shared,
                optimize: ReservationOptimize::InstanceSizeFlexibility,
                total: Money::new(-1, Currency::JPY),
            }),
            contact: ContactForm {
                name: "Ana".into(),
                email: "ana@example.com".into(),
                phone: "+33 1 23 45 67 89".into(),
                preferred: ContactMethod::Phone,
            },
        },
        Command::AddCustomer(form.clone()),
        Command::EditCustomer { customer: customer(), form: CustomerForm { segment: None, ..form } },
        Command::AddToCart { customer: customer(), line: plain_line },
        Command::UpdateCartLine { customer: customer(), line: LineId::MAX, input: reserved_line },
        Command::RemoveCartLine { customer: customer(), line: 0 },
        Command::Checkout { customer: customer(), cart: CartId("CART-0001".into()) },
        Command::ImportPriceList {
            file: "prix \"déc\".csv".into(),
            text: "\u{feff}Offer ID;List price\r\nx;1,5\n".into(),
        },
        Command::SetPolicy {
            values: vec![
                (crate::policy::PolicyKey::IsvAnnualCancelDays, "7".into()),
                (crate::policy::PolicyKey::UsdRate(Currency::EUR), "1,1 \"€\"".into()),
            ],
        },
        Command::ResetPolicy,
    ]
}

#[test]
fn every_command_round_trips_through_serde_json() {
    let commands = one_of_each();
    let mut seen: Vec<usize> = commands.iter().map(|c| index(c).0).collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>(), "one command of each variant, each once");
    for command in commands {
        let (_, name) = index(&command);
        let text = serde_json::to_string(&command).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tagged = if name == "ResetDemoData" || name == "ResetPolicy" {
            text == format!("\"{name}\"")
        } else {
            text.starts_with(&format!("{{\"{name}\":"))
        };
        assert!(tagged, "{name}: externally tagged, {text}");
        let back: Command = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e} in {text}"));
        assert_eq!(back, command, "{name} reads back equal");
    }
}

/// The shape a journal will hold, spelled out for two commands.
#[test]
fn commands_are_externally_tagged() {
    let clock = Command::AdvanceClock { to: Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap() };
    assert_eq!(serde_json::to_string(&clock).unwrap(), r#"{"AdvanceClock":{"to":"2026-11-21T09:30:00Z"}}"#);
    let scope = Command::ChangeReservationScope {
        reservation: ReservationId("R-0001".into()),
        scope: ReservationScope::Single(SubscriptionId("S-0001".into())),
        optimize: ReservationOptimize::CapacityPriority,
    };
    assert_eq!(
        serde_json::to_string(&scope).unwrap(),
        r#"{"ChangeReservationScope":{"reservation":"R-0001","scope":{"Single":"S-0001"},"optimize":"CapacityPriority"}}"#
    );
    for text in [r#"{"NoSuchCommand":{}}"#, r#"{"Download":{}}"#, r#""Download""#, "[]", "{"] {
        assert!(serde_json::from_str::<Command>(text).is_err(), "{text} is refused");
    }
}
