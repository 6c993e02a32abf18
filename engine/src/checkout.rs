//! Buy (RULES §3): turn a valid cart into one order per billing group, and create what was bought —
//! subscriptions, software purchases, Azure reservations. Idempotent per cart: the state remembers
//! which orders each checked-out cart became, so a second Buy creates nothing and the confirmation
//! page can still show the order numbers.

use crate::audit::AuditAction;
use crate::cart::{line_price, validate_cart, CartLine, CreditStatus, ScopeChoice};
use crate::catalog::{BillingType, Family, Offer, PublisherKind};
use crate::ids::{
    CartId, Counters, CustomerId, OrderId, ReservationId, ReservationOrderId, SoftwarePurchaseId, SubscriptionId,
    UserId,
};
use crate::ledger::LedgerIds;
use crate::money::Money;
use crate::records::{
    self, BillingFrequency, Order, OrderLine, OrderStatus, PurchaseStatus, Reservation, ReservationKind,
    ReservationScope, ReservationStatus, SoftwareKind, SoftwarePurchase, Subscription, SubscriptionStatus,
};
use crate::rejection::{Rejection, Violation};
use crate::reservations::{expiry_for, RESERVATION_ID_PREFIX, RESERVATION_ORDER_ID_PREFIX};
use crate::reservations::{payment, payments_due};
use crate::subscriptions::{SubscriptionChange, SubscriptionLogEntry};
use crate::{reservations, software, subscriptions};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Days, NaiveDate, Utc};
use std::collections::BTreeMap;

/// Everything one Buy created (carried by [`Event::CheckedOut`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Purchase {
    pub customer: CustomerId,
    pub cart: CartId,
    pub orders: Vec<Order>,
    pub subscriptions: Vec<Subscription>,
    pub software: Vec<SoftwarePurchase>,
    pub reservations: Vec<Reservation>,
}

/// Unpaid + unbilled amount the credit limit is checked against (RULES §1.1), in the partner's currency,
/// at the state's clock.
///
/// **Rule**: no payments are recorded, so everything on the ledger is unpaid: *unpaid* is the ledger's
/// balance (charges minus credits, every customer). *Unbilled* is what is due but not yet on the ledger:
/// the current billing period of an Active, period-billed subscription the ledger does not cover yet
/// (`billed_through` before today), and the payments of Active reservations whose date has come beyond
/// `payments_billed`. The clock posts both on its next run, so they are normally zero; they matter for
/// records recorded without their charge. Amounts in another currency (the partner moved country) are
/// left out rather than converted.
pub fn outstanding(state: &State) -> Money {
    let currency = state.partner.currency();
    let today = state.clock.date_naive();
    let unpaid = state.ledger.iter().filter(|e| e.amount.currency == currency).map(|e| e.amount.minor);
    let subscriptions = state
        .subscriptions
        .values()
        .filter(|s| s.status == SubscriptionStatus::Active && s.unit_price.currency == currency)
        .filter(|s| s.billed_through.is_none_or(|b| b < today))
        .filter_map(|s| subscriptions::period_of(s, today).map(|_| s.unit_price.times(i64::from(s.quantity)).minor));
    let reservations = state
        .reservations
        .values()
        .filter(|r| r.status == ReservationStatus::Active && r.total.currency == currency)
        .flat_map(|r| (r.payments_billed..payments_due(r, today)).map(move |k| payment(r, k).0.minor));
    let minor = unpaid.chain(subscriptions).chain(reservations).fold(0i64, i64::saturating_add);
    Money::new(minor, currency)
}

/// Would an order of `order_total` take the partner above its credit limit? (RULES §1.1)
pub fn credit_status(state: &State, order_total: Money) -> CreditStatus {
    let currency = state.partner.currency();
    let limit = state.partner.credit_limit_minor.map(|m| Money::new(m, currency));
    let outstanding = outstanding(state);
    let exceeded = limit.is_some_and(|l| outstanding.minor.saturating_add(order_total.minor) > l.minor);
    CreditStatus { limit, outstanding, order_total, exceeded }
}

/// The short number users see, derived from the order's sequence.
pub fn friendly_number(seq: u64) -> String {
    format!("{}", 100_000 + seq)
}

fn plus_days(start: NaiveDate, days: u32) -> NaiveDate {
    start.checked_add_days(Days::new(days as u64)).unwrap_or(start)
}

/// Sequence numbers handed out while building one purchase, and the opening charges posted so far.
struct Seq {
    order: u64,
    subscription: u64,
    software: u64,
    reservation: u64,
    reservation_order: u64,
    ledger: LedgerIds,
    charges: Vec<Event>,
}

impl Seq {
    fn next(counter: &mut u64) -> u64 {
        *counter += 1;
        *counter
    }
}

pub(crate) type Decided = Result<(Vec<Event>, AuditNote), Rejection>;

pub(crate) fn decide(
    state: &State,
    actor: &UserId,
    customer: &CustomerId,
    cart_id: &CartId,
    now: DateTime<Utc>,
) -> Decided {
    if !state.customers.contains_key(customer) {
        return Err(Rejection::one(Violation::NoSuchCustomer { customer: customer.clone() }));
    }
    let Some(cart) = state.carts.get(customer).filter(|c| &c.id == cart_id) else {
        return Err(Rejection::one(Violation::NoSuchCart { cart: cart_id.clone() }));
    };
    let mut v = Vec::new();
    if cart.lines.is_empty() {
        v.push(Violation::CartEmpty);
    }
    for (line, issues) in validate_cart(state, customer) {
        if !issues.is_empty() {
            v.push(Violation::CartLineInvalid { line, issues });
        }
    }
    let review = crate::cart::review(state, customer);
    if let Some(credit) = review.as_ref().map(|r| &r.credit).filter(|c| c.exceeded) {
        if let Some(limit) = credit.limit {
            v.push(Violation::InsufficientCreditLimit {
                limit,
                outstanding: credit.outstanding,
                order: credit.order_total,
            });
        }
    }
    Rejection::check(v)?;

    let c = &state.counters;
    let mut seq = Seq {
        order: c.order,
        subscription: c.subscription,
        software: c.software,
        reservation: c.reservation,
        reservation_order: c.reservation_order,
        ledger: LedgerIds::new(state),
        charges: Vec::new(),
    };
    let mut groups: BTreeMap<BillingFrequency, Vec<(&CartLine, &Offer)>> = BTreeMap::new();
    for line in &cart.lines {
        if let Some(offer) = state.catalog.get(&line.offer) {
            groups.entry(line.billing).or_default().push((line, offer));
        }
    }
    let mut p = Purchase {
        customer: customer.clone(),
        cart: cart_id.clone(),
        orders: Vec::new(),
        subscriptions: Vec::new(),
        software: Vec::new(),
        reservations: Vec::new(),
    };
    for (billing, lines) in groups {
        let n = Seq::next(&mut seq.order);
        let order_id = OrderId(Counters::format("O", n));
        let mut order_lines = Vec::new();
        for (line, offer) in lines {
            order_lines.push(create(state, &mut seq, &mut p, &order_id, line, offer, now));
        }
        p.orders.push(Order {
            id: order_id,
            number: friendly_number(n),
            customer: customer.clone(),
            billing,
            lines: order_lines,
            created_by: actor.clone(),
            created_at: now,
            status: OrderStatus::Completed,
        });
    }
    let numbers: Vec<&str> = p.orders.iter().map(|o| o.number.as_str()).collect();
    let note = AuditNote::new(AuditAction::OrderPlaced, format!("{} ({})", numbers.join(", "), cart_id))
        .for_customer(customer.clone());
    let mut events = vec![Event::CheckedOut(Box::new(p))];
    events.append(&mut seq.charges);
    Ok((events, note))
}

/// Create the record a line buys and return its order line.
fn create(
    state: &State,
    seq: &mut Seq,
    p: &mut Purchase,
    order: &OrderId,
    line: &CartLine,
    offer: &Offer,
    now: DateTime<Utc>,
) -> OrderLine {
    let currency = state.partner.currency();
    let (unit, total) = line_price(state, offer, line).unwrap_or((Money::zero(currency), Money::zero(currency)));
    let quantity = u32::try_from(line.quantity).unwrap_or(0);
    let today = now.date_naive();
    if offer.family.is_software() {
        let kind = offer.software_kind(line.term).unwrap_or(SoftwareKind::Perpetual);
        let purchase = SoftwarePurchase {
            id: SoftwarePurchaseId(Counters::format("SW", Seq::next(&mut seq.software))),
            customer: p.customer.clone(),
            offer: offer.id.clone(),
            name: offer.name.clone(),
            order: order.clone(),
            kind,
            quantity,
            purchased_at: now,
            paid: total,
            status: PurchaseStatus::Active,
            cancelled_at: None,
        };
        seq.charges.extend(software::purchase_entry(&mut seq.ledger, &purchase, unit).map(Event::LedgerPosted));
        p.software.push(purchase);
    } else if let (Family::AzureReservation, Some(opts)) = (offer.family, &line.reservation) {
        let spec = offer
            .reservation
            .clone()
            .unwrap_or(crate::catalog::ReservationSpec { vm_size: String::new(), region: String::new() });
        // Up front and monthly total the same commitment: the one-time price of the term.
        let commitment = crate::pricelist::price_on(
            state,
            offer,
            currency,
            BillingFrequency::OneTime,
            Some(line.term),
            state.clock.date_naive(),
        )
        .map(|u| u.times(line.quantity.max(0)))
        .unwrap_or(unit.times(line.quantity.max(0) * line.term.months() as i64));
        let scope = match (opts.scope, &opts.azure_subscription) {
            (ScopeChoice::Single, Some(sub)) => ReservationScope::Single(sub.clone()),
            _ => ReservationScope::Shared,
        };
        let reservation = Reservation {
            id: ReservationId(Counters::format(RESERVATION_ID_PREFIX, Seq::next(&mut seq.reservation))),
            reservation_order: ReservationOrderId(Counters::format(
                RESERVATION_ORDER_ID_PREFIX,
                Seq::next(&mut seq.reservation_order),
            )),
            customer: p.customer.clone(),
            offer: offer.id.clone(),
            name: offer.name.clone(),
            order: order.clone(),
            vm_size: spec.vm_size,
            region: spec.region,
            quantity,
            term: line.term,
            billing: opts.billing,
            scope,
            optimize: opts.optimize,
            purchased_at: now,
            total: commitment,
            status: ReservationStatus::Active,
            expires: expiry_for(today, line.term),
            kind: ReservationKind::VirtualMachine,
            utilisation: BTreeMap::new(),
            history: Vec::new(),
            ended_at: None,
            payments_billed: 0,
        };
        let (reservation, charges) = reservations::charges::opening_charge_with(&mut seq.ledger, reservation, now);
        seq.charges.extend(charges);
        p.reservations.push(reservation);
    } else {
        let policy = &state.policy;
        let trial_days = if offer.is_trial() { Some(policy.trial_days) } else { offer.free_trial_days };
        let trial_ends = trial_days.map(|d| plus_days(today, d));
        let (quantity, term_end) = match (offer.is_trial(), trial_ends) {
            (true, Some(end)) => (policy.trial_licenses, end.pred_opt().unwrap_or(end)),
            _ => (quantity, crate::billing::term_end(today, policy.term_months)),
        };
        let subscription = Subscription {
            id: SubscriptionId(Counters::format("S", Seq::next(&mut seq.subscription))),
            customer: p.customer.clone(),
            offer: offer.id.clone(),
            name: offer.name.clone(),
            order: order.clone(),
            quantity,
            billing: line.billing,
            status: SubscriptionStatus::Active,
            created_at: now,
            term_start: today,
            term_end,
            auto_renew: !offer.is_trial() && offer.family != Family::AzurePlan,
            unit_price: unit,
            trial_ends,
            base: None,
            suspended_at: None,
            cancel_at: None,
            publisher: match offer.publisher_kind {
                PublisherKind::Microsoft => records::PublisherKind::Microsoft,
                PublisherKind::Partner => records::PublisherKind::Isv,
            },
            // Usage-billed ISV SaaS (the Azure plan is usage-billed too, but Microsoft's and never cancelled).
            metered: offer.billing_type == BillingType::Usage && offer.publisher_kind == PublisherKind::Partner,
            commercial_marketplace: offer.isv.is_some(),
            min_quantity: offer.min_quantity,
            max_quantity: Some(offer.max_quantity),
            billed_through: None,
            segments: Vec::new(),
            is_azure_plan: offer.family == Family::AzurePlan,
        };
        // Free trials, the Azure plan and usage-billed offers are not period-billed: nothing is posted.
        let (subscription, charges) = subscriptions::due::opening_charge_with(&mut seq.ledger, subscription, now);
        seq.charges.extend(charges);
        p.subscriptions.push(subscription);
    }
    OrderLine {
        offer: offer.id.clone(),
        offer_name: offer.name.clone(),
        quantity,
        billing: line.billing,
        term: line.term,
        unit_price: unit,
        line_total: total,
    }
}

/// Apply a purchase. A cart already checked out is ignored (replay-safe).
pub(crate) fn evolve(state: &mut State, p: &Purchase) {
    if state.checked_out.contains_key(&p.cart) {
        return;
    }
    let c = &mut state.counters;
    for o in &p.orders {
        Counters::observe(&mut c.order, o.id.as_str());
        state.orders.insert(o.id.clone(), o.clone());
    }
    for s in &p.subscriptions {
        Counters::observe(&mut c.subscription, s.id.as_str());
        state.subscriptions.insert(s.id.clone(), s.clone());
        state.subscription_log.push(SubscriptionLogEntry {
            at: s.created_at,
            subscription: s.id.clone(),
            customer: s.customer.clone(),
            change: SubscriptionChange::Purchased,
        });
    }
    for s in &p.software {
        Counters::observe(&mut c.software, s.id.as_str());
        state.software.insert(s.id.clone(), s.clone());
    }
    for r in &p.reservations {
        Counters::observe(&mut c.reservation, r.id.as_str());
        Counters::observe(&mut c.reservation_order, r.reservation_order.as_str());
        state.reservations.insert(r.id.clone(), r.clone());
    }
    if state.carts.get(&p.customer).is_some_and(|cart| cart.id == p.cart) {
        state.carts.remove(&p.customer);
    }
    state.checked_out.insert(p.cart.clone(), p.orders.iter().map(|o| o.id.clone()).collect());
}

/// The orders a checked-out cart became (the confirmation page).
pub fn orders_of_cart<'a>(state: &'a State, cart: &CartId) -> Vec<&'a Order> {
    state.checked_out.get(cart).map_or(Vec::new(), |ids| ids.iter().filter_map(|id| state.orders.get(id)).collect())
}

/// A customer's order history, newest first.
pub fn order_history<'a>(state: &'a State, customer: &CustomerId) -> Vec<&'a Order> {
    let mut out: Vec<&Order> = state.orders.values().filter(|o| &o.customer == customer).collect();
    crate::sort::sort_by(&mut out, |a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    out
}

/// What an order totals (the sum of its line totals).
pub fn order_total(order: &Order) -> Option<Money> {
    Money::sum(order.lines.iter().map(|l| l.line_total))
}

#[cfg(test)]
mod tests;
