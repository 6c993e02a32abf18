//! Test data: the demo customers (nothing bought yet) with Azure plan subscriptions and reservations
//! inserted directly, so each rule is tested on exactly the records it needs.

use super::exchange::NewReservation;
use super::expiry_for;
use super::requests::{ContactForm, ContactMethod, ReservationRequestKind};
use crate::ids::{CustomerId, OfferId, OrderId, ReservationId, ReservationOrderId, SubscriptionId, UserId};
use crate::money::{Currency, Money};
use crate::records::{
    PublisherKind, Reservation, ReservationBilling, ReservationKind, ReservationOptimize, ReservationScope,
    ReservationStatus, Subscription, SubscriptionStatus, Term,
};
use crate::{demo, Command, State};
use chrono::{DateTime, TimeZone, Utc};

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

pub fn customer() -> CustomerId {
    CustomerId("C-0001".into())
}

pub fn other_customer() -> CustomerId {
    CustomerId("C-0002".into())
}

pub fn admin() -> UserId {
    demo::global_admin()
}

/// `AZ-1` (Active Azure plan of C-0001), `AZ-2` (Suspended, C-0001), `AZ-3` (Active, C-0002),
/// `M365-1` (Active, C-0001, not an Azure plan).
pub fn subscriptions() -> Vec<Subscription> {
    let sub = |id: &str, customer: CustomerId, status, azure: bool| Subscription {
        name: "Azure plan".into(),
        order: OrderId("O-0001".into()),
        created_at: at(2025, 12, 1),
        term_start: at(2025, 12, 1).date_naive(),
        term_end: at(2026, 11, 30).date_naive(),
        publisher: PublisherKind::Microsoft,
        is_azure_plan: azure,
        ..crate::testkit::subscription(SubscriptionId(id.into()), customer, "azure-plan", status)
    };
    vec![
        sub("AZ-1", customer(), SubscriptionStatus::Active, true),
        sub("AZ-2", customer(), SubscriptionStatus::Suspended, true),
        sub("AZ-3", other_customer(), SubscriptionStatus::Active, true),
        sub("M365-1", customer(), SubscriptionStatus::Active, false),
    ]
}

pub fn reservation(
    seq: u64,
    purchased: DateTime<Utc>,
    term: Term,
    billing: ReservationBilling,
    total: Money,
) -> Reservation {
    Reservation {
        id: ReservationId(format!("RSV-{seq:04}")),
        reservation_order: ReservationOrderId(format!("RSO-{seq:04}")),
        customer: customer(),
        offer: OfferId("vm-d2s-v3".into()),
        name: format!("D2s v3 #{seq}"),
        order: OrderId(format!("O-{seq:04}")),
        vm_size: "Standard_D2s_v3".into(),
        region: "westeurope".into(),
        quantity: 1,
        term,
        billing,
        scope: ReservationScope::Shared,
        optimize: ReservationOptimize::InstanceSizeFlexibility,
        purchased_at: purchased,
        total,
        status: ReservationStatus::Active,
        expires: expiry_for(purchased.date_naive(), term),
        kind: ReservationKind::VirtualMachine,
        utilisation: Default::default(),
        history: Vec::new(),
        ended_at: None,
        payments_billed: 0,
    }
}

pub fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::USD)
}

/// A 1-year up-front USD reservation `RSV-0001` of `total` minor units bought on 2026-01-01 10:00.
pub fn upfront(total: i64) -> Reservation {
    reservation(1, at(2026, 1, 1), Term::OneYear, ReservationBilling::Upfront, usd(total))
}

/// The demo customers with the fixture subscriptions and `reservations`; counters follow the inserted IDs.
pub fn state_with(reservations: Vec<Reservation>) -> State {
    let mut state = demo::customers_state(at(2026, 1, 1));
    for s in subscriptions() {
        state.subscriptions.insert(s.id.clone(), s);
    }
    for r in reservations {
        crate::ids::Counters::observe(&mut state.counters.reservation, r.id.as_str());
        crate::ids::Counters::observe(&mut state.counters.reservation_order, r.reservation_order.as_str());
        state.reservations.insert(r.id.clone(), r);
    }
    state
}

pub fn contact() -> ContactForm {
    ContactForm {
        name: "Ana Souza".into(),
        email: "ana@fabrikam.com".into(),
        phone: "+1 425 555 0100".into(),
        preferred: ContactMethod::Email,
    }
}

pub fn id(seq: u64) -> ReservationId {
    ReservationId(format!("RSV-{seq:04}"))
}

pub fn refund(ids: &[u64]) -> Command {
    Command::FileReservationRequest {
        reservations: ids.iter().map(|s| id(*s)).collect(),
        kind: ReservationRequestKind::Refund,
        contact: contact(),
    }
}

pub fn new_vm(total: Money) -> NewReservation {
    NewReservation {
        offer: OfferId("vm-d4s-v3".into()),
        name: "D4s v3".into(),
        kind: ReservationKind::VirtualMachine,
        vm_size: "Standard_D4s_v3".into(),
        region: "northeurope".into(),
        quantity: 2,
        term: Term::ThreeYears,
        billing: ReservationBilling::Monthly,
        scope: ReservationScope::Single(SubscriptionId("AZ-1".into())),
        optimize: ReservationOptimize::CapacityPriority,
        total,
    }
}

pub fn exchange(ids: &[u64], new: NewReservation) -> Command {
    Command::FileReservationRequest {
        reservations: ids.iter().map(|s| id(*s)).collect(),
        kind: ReservationRequestKind::Exchange(new),
        contact: contact(),
    }
}
