//! Fixtures for the software tests: purchases inserted straight into the state (the catalog/checkout
//! area creates them in the app).

use crate::ids::{CustomerId, OfferId, OrderId, SoftwarePurchaseId, UserId};
use crate::money::{Currency, Money};
use crate::records::{
    BillingFrequency, Order, OrderLine, OrderStatus, PurchaseStatus, SoftwareKind, SoftwarePurchase, Term,
};
use crate::roles::Role;
use crate::{demo, State};
use chrono::{DateTime, TimeZone, Utc};

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

pub fn customer() -> CustomerId {
    CustomerId("C-0001".into())
}

pub fn purchase(id: &str, name: &str, kind: SoftwareKind) -> SoftwarePurchase {
    let seq = id.rsplit('-').next().unwrap_or("0").to_string();
    SoftwarePurchase {
        id: SoftwarePurchaseId(id.into()),
        customer: customer(),
        offer: OfferId(format!("OF-{}", name.to_ascii_lowercase().replace(' ', "-"))),
        name: name.into(),
        order: OrderId(format!("O-{seq}")),
        kind,
        quantity: 2,
        purchased_at: t0(),
        paid: Money::new(100_000, Currency::USD),
        status: PurchaseStatus::Active,
        cancelled_at: None,
    }
}

pub fn ws_sub() -> SoftwarePurchaseId {
    SoftwarePurchaseId("SW-0001".into())
}
pub fn sql_perpetual() -> SoftwarePurchaseId {
    SoftwarePurchaseId("SW-0002".into())
}
pub fn rhel() -> SoftwarePurchaseId {
    SoftwarePurchaseId("SW-0003".into())
}
pub fn suse() -> SoftwarePurchaseId {
    SoftwarePurchaseId("SW-0004".into())
}

/// The demo partner plus five purchases of customer C-0001 made at [`t0`], each in its own order.
pub fn state() -> State {
    let mut s = demo::customers_state(t0());
    let rows = [
        purchase("SW-0001", "Windows Server 2022 Standard", SoftwareKind::Subscription { years: 1 }),
        purchase("SW-0002", "SQL Server 2019 Enterprise", SoftwareKind::Perpetual),
        purchase("SW-0003", "Red Hat Enterprise Linux", SoftwareKind::LinuxPlan),
        purchase("SW-0004", "SUSE Linux Enterprise Server", SoftwareKind::LinuxPlan),
        purchase("SW-0005", "Windows Server 2022 Datacenter", SoftwareKind::Subscription { years: 3 }),
    ];
    for p in rows {
        s.orders.insert(p.order.clone(), order_for(&p));
        s.counters.software += 1;
        s.counters.order += 1;
        s.software.insert(p.id.clone(), p);
    }
    s
}

pub fn order_for(p: &SoftwarePurchase) -> Order {
    let unit = Money::new(p.paid.minor / p.quantity as i64, p.paid.currency);
    Order {
        id: p.order.clone(),
        number: format!("10{}", p.order.as_str().trim_start_matches("O-")),
        customer: p.customer.clone(),
        billing: BillingFrequency::OneTime,
        lines: vec![OrderLine {
            offer: p.offer.clone(),
            offer_name: p.name.clone(),
            quantity: p.quantity,
            billing: BillingFrequency::OneTime,
            term: Term::OneYear,
            unit_price: unit,
            line_total: p.paid,
        }],
        created_by: UserId("U-0001".into()),
        created_at: p.purchased_at,
        status: OrderStatus::Completed,
    }
}

/// The demo user holding exactly `role`.
pub fn user(state: &State, role: Role) -> UserId {
    state.users.iter().find(|u| u.roles == vec![role]).expect("demo covers every role").id.clone()
}

pub fn admin_agent(state: &State) -> UserId {
    user(state, Role::AdminAgent)
}
