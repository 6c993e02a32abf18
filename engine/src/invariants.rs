//! Every way a state is impossible, as data: [`check`] returns the [`Inconsistency`] list of a state
//! (empty for every state the engine can reach). The app refuses to restore a backup file whose state
//! has any (an edited file: "an invoice whose lines do not sum", "a refund above what was paid"); the
//! property test (`engine/tests/properties.rs`) asserts the list stays empty under random commands.
//!
//! It never panics, whatever the state (it runs on states read from user-supplied files): sums are taken
//! in `i128`, dates moved with checked arithmetic, maps read with `get`.

use crate::ids::{
    CartId, CustomerId, DownloadLinkId, LedgerEntryId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId,
    SupportRequestId, UserId,
};
use crate::ledger::{ChargeType, LedgerRef};
use crate::money::{Currency, Money};
use crate::records::{PurchaseStatus, ReservationScope, ReservationStatus, SubscriptionStatus};
use crate::roles::Role;
use crate::State;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// A record of the state, by its ID.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordRef {
    User(UserId),
    Customer(CustomerId),
    Cart(CartId),
    Order(OrderId),
    Subscription(SubscriptionId),
    Software(SoftwarePurchaseId),
    Reservation(ReservationId),
    LedgerEntry(LedgerEntryId),
    SupportRequest(SupportRequestId),
    DownloadLink(DownloadLinkId),
}

impl From<&LedgerRef> for RecordRef {
    fn from(r: &LedgerRef) -> RecordRef {
        match r {
            LedgerRef::Subscription(id) => RecordRef::Subscription(id.clone()),
            LedgerRef::Order(id) => RecordRef::Order(id.clone()),
            LedgerRef::Software(id) => RecordRef::Software(id.clone()),
            LedgerRef::Reservation(id) => RecordRef::Reservation(id.clone()),
        }
    }
}

/// The ID counters of [`crate::ids::Counters`] (and the download links, numbered by their count).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CounterKind {
    User,
    Customer,
    Cart,
    Order,
    Subscription,
    Software,
    Reservation,
    ReservationOrder,
    Ledger,
    SupportRequest,
    DownloadLink,
}

/// One way a state is impossible. The app words each one; the values are what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inconsistency {
    /// An invoice's total (one month, one currency: [`crate::ledger::invoices`]) is not the exact sum of
    /// its entries (the sum overflowed: an amount was edited beyond any real one).
    InvoiceTotalMismatch {
        year: i32,
        month: u32,
        currency: Currency,
        total: Money,
        entries_sum_minor: i128,
    },
    /// An order line's total is neither its unit price × quantity nor zero (usage-billed).
    OrderLineTotalMismatch {
        order: OrderId,
        line: usize,
        unit_price: Money,
        quantity: u32,
        line_total: Money,
    },
    /// A ledger entry whose unit price is in another currency than its amount.
    LedgerCurrencyMismatch {
        entry: LedgerEntryId,
        amount: Money,
        unit_price: Money,
    },
    /// A charge (purchase, cycle, renewal, fee) that is negative, or a credit or refund that is positive.
    LedgerSignWrong {
        entry: LedgerEntryId,
        charge_type: ChargeType,
        amount: Money,
    },
    /// More was credited or refunded for a record (a subscription, a software purchase, a reservation, an
    /// order) than was charged for it, in one currency. `credited` is positive; fees are not payments.
    CreditExceedsPaid {
        record: RecordRef,
        paid: Money,
        credited: Money,
    },
    /// A customer's reservation refunds (with cancelled future payments) counted on `on` exceed the cap
    /// of the policy's rolling window (RULES §6.3). Reported once per customer, for the first such day.
    RefundCapExceeded {
        customer: CustomerId,
        on: NaiveDate,
        counted_usd_minor: i128,
        cap_usd_minor: i64,
    },
    /// `from` names `to`, which does not exist.
    Dangling {
        from: RecordRef,
        to: RecordRef,
    },
    /// `from` belongs to `customer`, but `related` (which it names or is filed under) belongs to `expected`.
    WrongCustomer {
        from: RecordRef,
        related: RecordRef,
        customer: CustomerId,
        expected: CustomerId,
    },
    /// A record stored under another key than its own ID.
    KeyMismatch {
        key: RecordRef,
        id: RecordRef,
    },
    /// Two records with one ID.
    DuplicateId {
        id: RecordRef,
    },
    /// The next ID the counter hands out (`counter + 1`) is already taken: `highest` is in use.
    CounterBehind {
        kind: CounterKind,
        counter: u64,
        highest: u64,
    },
    /// No user holds the Global admin role (nobody could edit the partner's settings).
    NoGlobalAdmin,
    /// Two customers with one primary domain (unique across customers, RULES §1.3).
    DuplicateDomain {
        domain: String,
        first: CustomerId,
        second: CustomerId,
    },
    /// A record created after the simulated clock (the clock only moves forward).
    FromTheFuture {
        record: RecordRef,
        at: DateTime<Utc>,
        clock: DateTime<Utc>,
    },
    /// A status without the date that goes with it: Suspended or Deleted without `suspended_at`, a
    /// cancelled or exchanged reservation without `ended_at`, a cancelled software purchase without
    /// `cancelled_at`.
    StatusDateMissing {
        record: RecordRef,
    },
    /// An add-on whose base is itself an add-on (RULES §4.4: add-ons attach to a base).
    AddOnOfAddOn {
        add_on: SubscriptionId,
        base: SubscriptionId,
    },
    /// An open cart already checked out, or a cart line numbered past the cart's last line or twice.
    CartLineIdInvalid {
        cart: CartId,
        line: u32,
        last_line: u32,
    },
    CartAlreadyCheckedOut {
        cart: CartId,
    },
}

/// Every inconsistency of `state`, in a fixed order (by kind of check, then by ID). Empty when the state
/// is one the engine can reach.
pub fn check(state: &State) -> Vec<Inconsistency> {
    let mut out = Vec::new();
    invoices(state, &mut out);
    orders(state, &mut out);
    ledger(state, &mut out);
    credits(state, &mut out);
    refund_cap(state, &mut out);
    references(state, &mut out);
    counters(state, &mut out);
    users_and_customers(state, &mut out);
    dates(state, &mut out);
    out
}

fn invoices(state: &State, out: &mut Vec<Inconsistency>) {
    let mut sums: BTreeMap<(i32, u32, Currency), i128> = BTreeMap::new();
    for e in &state.ledger {
        *sums.entry((e.posted_at.year(), e.posted_at.month(), e.amount.currency)).or_default() +=
            i128::from(e.amount.minor);
    }
    for inv in crate::ledger::invoices(state) {
        let sum = sums.get(&(inv.year, inv.month, inv.currency)).copied().unwrap_or(0);
        if i128::from(inv.total.minor) != sum {
            out.push(Inconsistency::InvoiceTotalMismatch {
                year: inv.year,
                month: inv.month,
                currency: inv.currency,
                total: inv.total,
                entries_sum_minor: sum,
            });
        }
    }
}

fn orders(state: &State, out: &mut Vec<Inconsistency>) {
    for o in state.orders.values() {
        for (i, l) in o.lines.iter().enumerate() {
            let product = i128::from(l.unit_price.minor) * i128::from(l.quantity);
            let ok = l.line_total.currency == l.unit_price.currency
                && (l.line_total.minor == 0 || i128::from(l.line_total.minor) == product);
            if !ok {
                out.push(Inconsistency::OrderLineTotalMismatch {
                    order: o.id.clone(),
                    line: i,
                    unit_price: l.unit_price,
                    quantity: l.quantity,
                    line_total: l.line_total,
                });
            }
        }
    }
}

fn ledger(state: &State, out: &mut Vec<Inconsistency>) {
    let mut seen = BTreeSet::new();
    for e in &state.ledger {
        if !seen.insert(&e.id) {
            out.push(Inconsistency::DuplicateId { id: RecordRef::LedgerEntry(e.id.clone()) });
        }
        if e.unit_price.currency != e.amount.currency {
            out.push(Inconsistency::LedgerCurrencyMismatch {
                entry: e.id.clone(),
                amount: e.amount,
                unit_price: e.unit_price,
            });
        }
        let wrong = match e.charge_type {
            ChargeType::Purchase | ChargeType::CycleCharge | ChargeType::Renewal | ChargeType::Fee => {
                e.amount.minor < 0
            }
            ChargeType::Credit | ChargeType::Refund => e.amount.minor > 0,
            ChargeType::Proration => false,
        };
        if wrong {
            out.push(Inconsistency::LedgerSignWrong {
                entry: e.id.clone(),
                charge_type: e.charge_type,
                amount: e.amount,
            });
        }
    }
}

fn credits(state: &State, out: &mut Vec<Inconsistency>) {
    // (record, currency) → (paid, credited), both positive.
    let mut by_record: BTreeMap<(&LedgerRef, Currency), (i128, i128)> = BTreeMap::new();
    for e in &state.ledger {
        let s = by_record.entry((&e.reference, e.amount.currency)).or_default();
        let minor = i128::from(e.amount.minor);
        if minor < 0 {
            s.1 -= minor;
        } else if e.charge_type != ChargeType::Fee {
            s.0 += minor;
        }
    }
    for ((record, currency), (paid, credited)) in by_record {
        if credited > paid {
            out.push(Inconsistency::CreditExceedsPaid {
                record: record.into(),
                paid: Money::new(clamp(paid), currency),
                credited: Money::new(clamp(credited), currency),
            });
        }
    }
}

fn clamp(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

fn refund_cap(state: &State, out: &mut Vec<Inconsistency>) {
    refund_cap_under(&state.policy, &state.reservation_refunds, out)
}

/// The refund-cap check under any policy (the policy editor refuses a policy the refunds made break).
pub(crate) fn refund_cap_under(
    policy: &crate::policy::Policy,
    refunds: &std::collections::BTreeMap<CustomerId, Vec<crate::reservations::RefundRecord>>,
    out: &mut Vec<Inconsistency>,
) {
    for (customer, records) in refunds {
        // (date made, date it frees up, amount), oldest first.
        let mut items: Vec<(NaiveDate, NaiveDate, i128)> =
            records.iter().map(|r| (r.at.date_naive(), r.frees_up_on(policy), i128::from(r.usd_minor))).collect();
        crate::sort::sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        // Both dates grow together, so the refunds counted on a day are a run of `items`: those made by
        // then, less those already freed up. Prefix sums keep a long (edited) history linear.
        let mut prefix = Vec::with_capacity(items.len() + 1);
        prefix.push(0i128);
        for (_, _, amount) in &items {
            prefix.push(prefix.last().copied().unwrap_or(0) + amount);
        }
        // The count only grows on a day a refund is made: check each such day.
        for (on, _, _) in &items {
            let made = items.partition_point(|(at, _, _)| at <= on);
            let freed = items[..made].partition_point(|(_, frees, _)| frees <= on);
            let counted = prefix.get(made).copied().unwrap_or(0) - prefix.get(freed).copied().unwrap_or(0);
            if counted > i128::from(policy.refund_cap_usd_minor) {
                out.push(Inconsistency::RefundCapExceeded {
                    customer: customer.clone(),
                    on: *on,
                    counted_usd_minor: counted,
                    cap_usd_minor: policy.refund_cap_usd_minor,
                });
                break;
            }
        }
    }
}

/// Missing records, records of another customer, and map keys that are not their record's ID.
fn references(state: &State, out: &mut Vec<Inconsistency>) {
    let customer_of = |r: &RecordRef| -> Option<&CustomerId> {
        match r {
            RecordRef::Customer(id) => state.customers.get(id).map(|c| &c.id),
            RecordRef::Cart(_) | RecordRef::User(_) | RecordRef::LedgerEntry(_) | RecordRef::DownloadLink(_) => None,
            RecordRef::Order(id) => state.orders.get(id).map(|o| &o.customer),
            RecordRef::Subscription(id) => state.subscriptions.get(id).map(|s| &s.customer),
            RecordRef::Software(id) => state.software.get(id).map(|p| &p.customer),
            RecordRef::Reservation(id) => state.reservations.get(id).map(|r| &r.customer),
            RecordRef::SupportRequest(id) => state.support_requests.get(id).map(|r| &r.customer),
        }
    };
    let exists = |r: &RecordRef| -> bool {
        match r {
            RecordRef::User(id) => state.user(id).is_some(),
            RecordRef::Cart(id) => state.carts.values().any(|c| &c.id == id) || state.checked_out.contains_key(id),
            RecordRef::LedgerEntry(id) => state.ledger.iter().any(|e| &e.id == id),
            RecordRef::DownloadLink(id) => state.download_links.contains_key(id),
            RecordRef::Customer(id) => state.customers.contains_key(id),
            other => customer_of(other).is_some(),
        }
    };
    // `from` (of `customer`) names `to`: it must exist, and (when `same_customer`) be the customer's.
    let link =
        |out: &mut Vec<Inconsistency>, from: RecordRef, customer: &CustomerId, to: RecordRef, same_customer: bool| {
            if !exists(&to) {
                out.push(Inconsistency::Dangling { from, to });
            } else if same_customer {
                if let Some(expected) = customer_of(&to).filter(|c| *c != customer) {
                    out.push(Inconsistency::WrongCustomer {
                        from,
                        related: to,
                        customer: customer.clone(),
                        expected: expected.clone(),
                    });
                }
            }
        };
    let customer = |id: &CustomerId| RecordRef::Customer(id.clone());
    for (key, c) in &state.customers {
        if key != &c.id {
            keys(out, RecordRef::Customer(key.clone()), RecordRef::Customer(c.id.clone()));
        }
    }
    for (key, o) in &state.orders {
        if key != &o.id {
            keys(out, RecordRef::Order(key.clone()), RecordRef::Order(o.id.clone()));
        }
        link(out, RecordRef::Order(o.id.clone()), &o.customer, customer(&o.customer), false);
    }
    for (key, s) in &state.subscriptions {
        let me = RecordRef::Subscription(key.clone());
        if key != &s.id {
            keys(out, me.clone(), RecordRef::Subscription(s.id.clone()));
        }
        link(out, me.clone(), &s.customer, customer(&s.customer), false);
        // (A subscription's order is not checked: generated partners build subscriptions without orders.)
        if let Some(base) = &s.base {
            link(out, me.clone(), &s.customer, RecordRef::Subscription(base.clone()), true);
            if state.subscriptions.get(base).is_some_and(|b| b.base.is_some()) {
                out.push(Inconsistency::AddOnOfAddOn { add_on: key.clone(), base: base.clone() });
            }
        }
    }
    for (key, p) in &state.software {
        let me = RecordRef::Software(key.clone());
        if key != &p.id {
            keys(out, me.clone(), RecordRef::Software(p.id.clone()));
        }
        link(out, me.clone(), &p.customer, customer(&p.customer), false);
        link(out, me, &p.customer, RecordRef::Order(p.order.clone()), true);
    }
    for (key, r) in &state.reservations {
        let me = RecordRef::Reservation(key.clone());
        if key != &r.id {
            keys(out, me.clone(), RecordRef::Reservation(r.id.clone()));
        }
        link(out, me.clone(), &r.customer, customer(&r.customer), false);
        link(out, me.clone(), &r.customer, RecordRef::Order(r.order.clone()), true);
        if let ReservationScope::Single(sub) = &r.scope {
            link(out, me, &r.customer, RecordRef::Subscription(sub.clone()), true);
        }
    }
    for e in &state.ledger {
        let me = RecordRef::LedgerEntry(e.id.clone());
        link(out, me.clone(), &e.customer, customer(&e.customer), false);
        link(out, me, &e.customer, RecordRef::from(&e.reference), true);
    }
    for (key, cart) in &state.carts {
        let me = RecordRef::Cart(cart.id.clone());
        if key != &cart.customer {
            out.push(Inconsistency::WrongCustomer {
                from: me.clone(),
                related: RecordRef::Customer(key.clone()),
                customer: cart.customer.clone(),
                expected: key.clone(),
            });
        }
        link(out, me, &cart.customer, customer(&cart.customer), false);
        if state.checked_out.contains_key(&cart.id) {
            out.push(Inconsistency::CartAlreadyCheckedOut { cart: cart.id.clone() });
        }
        let mut lines = BTreeSet::new();
        for l in &cart.lines {
            if l.id == 0 || l.id > cart.last_line || !lines.insert(l.id) {
                out.push(Inconsistency::CartLineIdInvalid {
                    cart: cart.id.clone(),
                    line: l.id,
                    last_line: cart.last_line,
                });
            }
        }
    }
    for (cart, orders) in &state.checked_out {
        for o in orders {
            if !state.orders.contains_key(o) {
                out.push(Inconsistency::Dangling {
                    from: RecordRef::Cart(cart.clone()),
                    to: RecordRef::Order(o.clone()),
                });
            }
        }
    }
    for (key, l) in &state.download_links {
        let me = RecordRef::DownloadLink(key.clone());
        if key != &l.id {
            keys(out, me.clone(), RecordRef::DownloadLink(l.id.clone()));
        }
        if !state.software.contains_key(&l.purchase) {
            out.push(Inconsistency::Dangling { from: me, to: RecordRef::Software(l.purchase.clone()) });
        }
    }
    for (key, r) in &state.support_requests {
        let me = RecordRef::SupportRequest(key.clone());
        if key != &r.id {
            keys(out, me.clone(), RecordRef::SupportRequest(r.id.clone()));
        }
        link(out, me, &r.customer, customer(&r.customer), false);
    }
    for (key, refunds) in &state.reservation_refunds {
        for r in refunds {
            link(out, RecordRef::Customer(key.clone()), key, RecordRef::Reservation(r.reservation.clone()), true);
        }
    }
}

fn keys(out: &mut Vec<Inconsistency>, key: RecordRef, id: RecordRef) {
    out.push(Inconsistency::KeyMismatch { key, id });
}

/// The sequence number of `id` when it has the form `{prefix}-{digits}`.
fn seq_of(id: &str, prefix: &str) -> Option<u64> {
    let (p, n) = id.rsplit_once('-')?;
    (p == prefix).then(|| n.parse::<u64>().ok()).flatten()
}

fn counters(state: &State, out: &mut Vec<Inconsistency>) {
    let c = &state.counters;
    let mut behind = |kind: CounterKind, counter: u64, prefix: &str, ids: &mut dyn Iterator<Item = &str>| {
        if let Some(highest) = ids.filter_map(|id| seq_of(id, prefix)).max().filter(|h| *h > counter) {
            out.push(Inconsistency::CounterBehind { kind, counter, highest });
        }
    };
    use crate::reservations::{RESERVATION_ID_PREFIX, RESERVATION_ORDER_ID_PREFIX, SUPPORT_REQUEST_ID_PREFIX};
    behind(CounterKind::User, c.user, "U", &mut state.users.iter().map(|u| u.id.as_str()));
    behind(CounterKind::Customer, c.customer, "C", &mut state.customers.keys().map(|k| k.as_str()));
    behind(
        CounterKind::Cart,
        c.cart,
        "CART",
        &mut state.carts.values().map(|c| c.id.as_str()).chain(state.checked_out.keys().map(|k| k.as_str())),
    );
    behind(CounterKind::Order, c.order, "O", &mut state.orders.keys().map(|k| k.as_str()));
    behind(CounterKind::Subscription, c.subscription, "S", &mut state.subscriptions.keys().map(|k| k.as_str()));
    behind(CounterKind::Software, c.software, "SW", &mut state.software.keys().map(|k| k.as_str()));
    behind(
        CounterKind::Reservation,
        c.reservation,
        RESERVATION_ID_PREFIX,
        &mut state.reservations.keys().map(|k| k.as_str()),
    );
    behind(
        CounterKind::ReservationOrder,
        c.reservation_order,
        RESERVATION_ORDER_ID_PREFIX,
        &mut state.reservations.values().map(|r| r.reservation_order.as_str()),
    );
    behind(CounterKind::Ledger, c.ledger, "L", &mut state.ledger.iter().map(|e| e.id.as_str()));
    behind(
        CounterKind::SupportRequest,
        c.support_request,
        SUPPORT_REQUEST_ID_PREFIX,
        &mut state.support_requests.keys().map(|k| k.as_str()),
    );
    // Links are numbered by how many there are (`DL-{len + 1}`), never removed.
    let links = state.download_links.len() as u64;
    behind(CounterKind::DownloadLink, links, "DL", &mut state.download_links.keys().map(|k| k.as_str()));
}

fn users_and_customers(state: &State, out: &mut Vec<Inconsistency>) {
    let mut seen = BTreeSet::new();
    for u in &state.users {
        if !seen.insert(&u.id) {
            out.push(Inconsistency::DuplicateId { id: RecordRef::User(u.id.clone()) });
        }
    }
    if !state.users.iter().any(|u| u.roles.contains(&Role::GlobalAdmin)) {
        out.push(Inconsistency::NoGlobalAdmin);
    }
    let mut domains: BTreeMap<&str, &CustomerId> = BTreeMap::new();
    for c in state.customers.values() {
        if let Some(first) = domains.insert(c.domain.as_str(), &c.id) {
            out.push(Inconsistency::DuplicateDomain {
                domain: c.domain.clone(),
                first: first.clone(),
                second: c.id.clone(),
            });
        }
    }
}

fn dates(state: &State, out: &mut Vec<Inconsistency>) {
    let clock = state.clock;
    let mut future = |record: RecordRef, at: DateTime<Utc>| {
        if at > clock {
            out.push(Inconsistency::FromTheFuture { record, at, clock });
        }
    };
    for o in state.orders.values() {
        future(RecordRef::Order(o.id.clone()), o.created_at);
    }
    for s in state.subscriptions.values() {
        future(RecordRef::Subscription(s.id.clone()), s.created_at);
    }
    for p in state.software.values() {
        future(RecordRef::Software(p.id.clone()), p.purchased_at);
    }
    for r in state.reservations.values() {
        future(RecordRef::Reservation(r.id.clone()), r.purchased_at);
    }
    for e in &state.ledger {
        future(RecordRef::LedgerEntry(e.id.clone()), e.posted_at);
    }
    for s in state.subscriptions.values() {
        let suspended = matches!(s.status, SubscriptionStatus::Suspended | SubscriptionStatus::Deleted);
        if suspended && s.suspended_at.is_none() {
            out.push(Inconsistency::StatusDateMissing { record: RecordRef::Subscription(s.id.clone()) });
        }
    }
    for r in state.reservations.values() {
        let ended = matches!(r.status, ReservationStatus::Cancelled | ReservationStatus::Exchanged);
        if ended && r.ended_at.is_none() {
            out.push(Inconsistency::StatusDateMissing { record: RecordRef::Reservation(r.id.clone()) });
        }
    }
    for p in state.software.values() {
        if p.status == PurchaseStatus::Cancelled && p.cancelled_at.is_none() {
            out.push(Inconsistency::StatusDateMissing { record: RecordRef::Software(p.id.clone()) });
        }
    }
}

#[cfg(test)]
mod tests;
