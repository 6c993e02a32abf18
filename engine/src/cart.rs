//! The cart (RULES §3): one per customer, lines kept exactly as entered. Every line is validated on
//! every read ([`validate_cart`]); an invalid line says why and blocks Buy while the others keep their
//! values. Only an unknown or ineligible offer is refused at add time.

use crate::audit::AuditAction;
use crate::catalog::{Family, Offer, PurchaseLimit};
use crate::customers::Customer;
use crate::eligibility::{reasons_for, Holdings, Ineligible};
use crate::ids::{CartId, Counters, CustomerId, OfferId, SubscriptionId};
use crate::money::Money;
use crate::records::{BillingFrequency, ReservationBilling, ReservationOptimize, SubscriptionStatus, Term};
use crate::rejection::{Rejection, Violation};
use crate::{AuditNote, Event, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub type LineId = u32;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScopeChoice {
    Single,
    Shared,
}

/// The reservation part of a cart line (RULES §6.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationOptions {
    /// The customer's Azure subscription (required for single scope).
    pub azure_subscription: Option<SubscriptionId>,
    pub scope: ScopeChoice,
    pub optimize: ReservationOptimize,
    pub billing: ReservationBilling,
}

/// What the user entered for a line. `quantity` is kept even when invalid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineInput {
    pub offer: OfferId,
    pub quantity: i64,
    /// Ignored for reservation lines: their billing comes from the reservation options.
    pub billing: BillingFrequency,
    pub term: Term,
    #[serde(default)]
    pub reservation: Option<ReservationOptions>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub id: LineId,
    pub offer: OfferId,
    pub quantity: i64,
    pub billing: BillingFrequency,
    pub term: Term,
    pub reservation: Option<ReservationOptions>,
}

impl CartLine {
    fn from_input(id: LineId, input: &LineInput) -> CartLine {
        let billing = match &input.reservation {
            Some(r) => reservation_frequency(r.billing),
            None => input.billing,
        };
        CartLine {
            id,
            offer: input.offer.clone(),
            quantity: input.quantity,
            billing,
            term: input.term,
            reservation: input.reservation.clone(),
        }
    }
}

/// Up-front reservations bill once; monthly ones every month.
pub fn reservation_frequency(b: ReservationBilling) -> BillingFrequency {
    match b {
        ReservationBilling::Upfront => BillingFrequency::OneTime,
        ReservationBilling::Monthly => BillingFrequency::Monthly,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub id: CartId,
    pub customer: CustomerId,
    pub lines: Vec<CartLine>,
    /// The last line ID handed out (line IDs are never reused within a cart).
    pub last_line: LineId,
}

/// What is wrong with one cart line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineIssue {
    /// The offer is no longer in the catalog.
    UnknownOffer,
    QuantityBelowMin {
        min: u32,
    },
    QuantityAboveMax {
        max: u32,
    },
    /// Trials carry exactly this many licenses.
    TrialQuantityFixed {
        required: u32,
    },
    /// What the customer holds plus this and earlier lines of the same offer exceed the limit.
    PurchaseLimitExceeded {
        limit: PurchaseLimit,
        held: u32,
        in_cart: u32,
    },
    /// The offer is no longer buyable for this customer.
    NotEligible(Ineligible),
    BillingNotOffered {
        billing: BillingFrequency,
        allowed: Vec<BillingFrequency>,
    },
    TermNotOffered {
        term: Term,
        allowed: Vec<Term>,
    },
    /// No price in the partner's currency for this billing frequency and term.
    NoPrice,
    /// A reservation line needs its options; other lines must not carry them.
    ReservationOptionsMissing,
    ReservationOptionsNotApplicable,
    /// Capacity priority is only available with single scope.
    CapacityPriorityNeedsSingleScope,
    SingleScopeNeedsSubscription,
    /// The single-scope subscription is not an active Azure plan of this customer.
    NotAnActiveAzureSubscription {
        subscription: SubscriptionId,
    },
}

pub(crate) type Decided = Result<(Vec<Event>, AuditNote), Rejection>;

fn customer_of<'a>(state: &'a State, id: &CustomerId) -> Result<&'a Customer, Rejection> {
    state.customers.get(id).ok_or_else(|| Rejection::one(Violation::NoSuchCustomer { customer: id.clone() }))
}

pub(crate) fn decide_add(state: &State, customer: &CustomerId, input: &LineInput) -> Decided {
    let c = customer_of(state, customer)?;
    let Some(offer) = state.catalog.get(&input.offer) else {
        return Err(Rejection::one(Violation::NoSuchOffer { offer: input.offer.clone() }));
    };
    let holdings = Holdings::of(state, &state.catalog, customer);
    let reasons = reasons_for(state, c, &holdings, offer, true);
    let mut violations = Vec::new();
    if !reasons.is_empty() {
        violations.push(Violation::OfferNotEligible { offer: offer.id.clone(), reasons });
    }
    // A line already in the cart may hold any whole number (it says why it blocks Buy); a new one starts
    // with a quantity the offer allows.
    let mut issues = Vec::new();
    quantity_issues(state, offer, input.quantity, &mut issues);
    if !issues.is_empty() {
        violations.push(Violation::CartQuantityInvalid { requested: input.quantity, issues });
    }
    Rejection::check(violations)?;
    let (cart, line_id) = match state.carts.get(customer) {
        Some(cart) => (cart.id.clone(), cart.last_line + 1),
        None => (CartId(Counters::format("CART", state.counters.cart + 1)), 1),
    };
    let line = CartLine::from_input(line_id, input);
    let details = format!("{} × {} ({:?})", line.quantity, offer.name, line.billing);
    let note = AuditNote::new(AuditAction::CartLineAdded, details).for_customer(customer.clone());
    Ok((vec![Event::CartLineAdded { customer: customer.clone(), cart, line }], note))
}

pub(crate) fn decide_update(state: &State, customer: &CustomerId, line: LineId, input: &LineInput) -> Decided {
    customer_of(state, customer)?;
    let existing = line_of(state, customer, line)?;
    // The offer of a line does not change: remove it and add another instead.
    let updated = CartLine::from_input(line, &LineInput { offer: existing.offer.clone(), ..input.clone() });
    let details = format!("line {line}: {} × {} ({:?})", updated.quantity, updated.offer, updated.billing);
    let note = AuditNote::new(AuditAction::CartLineUpdated, details).for_customer(customer.clone());
    Ok((vec![Event::CartLineUpdated { customer: customer.clone(), line: updated }], note))
}

pub(crate) fn decide_remove(state: &State, customer: &CustomerId, line: LineId) -> Decided {
    customer_of(state, customer)?;
    let existing = line_of(state, customer, line)?;
    let note = AuditNote::new(AuditAction::CartLineRemoved, format!("line {line}: {}", existing.offer))
        .for_customer(customer.clone());
    Ok((vec![Event::CartLineRemoved { customer: customer.clone(), line }], note))
}

/// The line of the customer's cart, or the refusal.
pub(crate) fn line_of<'a>(state: &'a State, customer: &CustomerId, line: LineId) -> Result<&'a CartLine, Rejection> {
    state
        .carts
        .get(customer)
        .and_then(|c| c.lines.iter().find(|l| l.id == line))
        .ok_or(Rejection::one(Violation::NoSuchCartLine { line }))
}

pub(crate) fn evolve_added(state: &mut State, customer: &CustomerId, cart: &CartId, line: &CartLine) {
    Counters::observe(&mut state.counters.cart, cart.as_str());
    let c = state.carts.entry(customer.clone()).or_insert_with(|| Cart {
        id: cart.clone(),
        customer: customer.clone(),
        lines: Vec::new(),
        last_line: 0,
    });
    if !c.lines.iter().any(|l| l.id == line.id) {
        c.lines.push(line.clone());
    }
    c.last_line = c.last_line.max(line.id);
}

pub(crate) fn evolve_updated(state: &mut State, customer: &CustomerId, line: &CartLine) {
    if let Some(l) = state.carts.get_mut(customer).and_then(|c| c.lines.iter_mut().find(|l| l.id == line.id)) {
        *l = line.clone();
    }
}

pub(crate) fn evolve_removed(state: &mut State, customer: &CustomerId, line: LineId) {
    if let Some(c) = state.carts.get_mut(customer) {
        c.lines.retain(|l| l.id != line);
    }
}

/// Is this line for an Azure reservation? (Decides the permission it needs.)
pub fn is_reservation_line(state: &State, line: &CartLine) -> bool {
    line.reservation.is_some() || state.catalog.get(&line.offer).is_some_and(|o| o.family == Family::AzureReservation)
}

/// Every line of the customer's cart with its issues (empty: the line is fine), in cart order.
pub fn validate_cart(state: &State, customer: &CustomerId) -> Vec<(LineId, Vec<LineIssue>)> {
    let (Some(c), Some(cart)) = (state.customers.get(customer), state.carts.get(customer)) else {
        return Vec::new();
    };
    let holdings = Holdings::of(state, &state.catalog, customer);
    let mut seen: BTreeMap<&OfferId, u32> = BTreeMap::new();
    cart.lines
        .iter()
        .map(|line| {
            let nth = seen.entry(&line.offer).or_insert(0);
            *nth += 1;
            (line.id, line_issues(state, c, &holdings, line, *nth))
        })
        .collect()
}

/// Issues of one line; `nth` counts the lines of the same offer up to and including this one.
fn line_issues(state: &State, customer: &Customer, holdings: &Holdings, line: &CartLine, nth: u32) -> Vec<LineIssue> {
    let Some(offer) = state.catalog.get(&line.offer) else {
        return vec![LineIssue::UnknownOffer];
    };
    let mut out = Vec::new();
    quantity_issues(state, offer, line.quantity, &mut out);
    let held = holdings.held(&offer.id).cloned().unwrap_or_default();
    if let Some((limit, count)) = held.count_for(offer.purchase_limit) {
        if count + nth > limit {
            out.push(LineIssue::PurchaseLimitExceeded { limit: offer.purchase_limit, held: count, in_cart: nth });
        }
    }
    let reasons = reasons_for(state, customer, holdings, offer, false);
    out.extend(reasons.into_iter().map(LineIssue::NotEligible));
    if !offer.billing.contains(&line.billing) {
        out.push(LineIssue::BillingNotOffered { billing: line.billing, allowed: offer.billing.clone() });
    } else if !offer.terms.is_empty() && !offer.terms.contains(&line.term) {
        out.push(LineIssue::TermNotOffered { term: line.term, allowed: offer.terms.clone() });
    } else if offer.price(state.partner.currency(), line.billing, Some(line.term)).is_none() {
        out.push(LineIssue::NoPrice);
    }
    reservation_issues(state, customer, offer, line, &mut out);
    out
}

/// What is wrong with `quantity` of `offer` on its own (RULES §3): a trial's fixed number, or the offer's
/// minimum and maximum.
fn quantity_issues(state: &State, offer: &Offer, quantity: i64, out: &mut Vec<LineIssue>) {
    if offer.is_trial() {
        if quantity != state.policy.trial_licenses as i64 {
            out.push(LineIssue::TrialQuantityFixed { required: state.policy.trial_licenses });
        }
    } else if quantity < offer.min_quantity as i64 {
        out.push(LineIssue::QuantityBelowMin { min: offer.min_quantity });
    } else if quantity > max_quantity(state, offer) as i64 {
        out.push(LineIssue::QuantityAboveMax { max: max_quantity(state, offer) });
    }
}

/// The most licenses one line may buy: the offer's maximum, and for small-business offers strictly
/// below the policy's small-business ceiling (RULES §2.2).
pub fn max_quantity(state: &State, offer: &Offer) -> u32 {
    if offer.category == crate::catalog::Category::SmallBusiness {
        offer.max_quantity.min(state.policy.small_business_max_licenses.saturating_sub(1))
    } else {
        offer.max_quantity
    }
}

fn reservation_issues(state: &State, customer: &Customer, offer: &Offer, line: &CartLine, out: &mut Vec<LineIssue>) {
    let is_reservation = offer.family == Family::AzureReservation;
    let opts = match (&line.reservation, is_reservation) {
        (None, true) => return out.push(LineIssue::ReservationOptionsMissing),
        (Some(_), false) => return out.push(LineIssue::ReservationOptionsNotApplicable),
        (None, false) => return,
        (Some(o), true) => o,
    };
    if opts.optimize == ReservationOptimize::CapacityPriority && opts.scope != ScopeChoice::Single {
        out.push(LineIssue::CapacityPriorityNeedsSingleScope);
    }
    if opts.scope == ScopeChoice::Single {
        match &opts.azure_subscription {
            None => out.push(LineIssue::SingleScopeNeedsSubscription),
            Some(sub) => {
                let ok = state.subscriptions.get(sub).is_some_and(|s| {
                    s.customer == customer.id
                        && s.status == SubscriptionStatus::Active
                        && state.catalog.get(&s.offer).is_some_and(|o| o.family == Family::AzurePlan)
                });
                if !ok {
                    out.push(LineIssue::NotAnActiveAzureSubscription { subscription: sub.clone() });
                }
            }
        }
    }
}

/// One line of the Review page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewLine {
    pub line: LineId,
    pub offer: OfferId,
    pub name: String,
    pub quantity: i64,
    pub billing: BillingFrequency,
    pub term: Term,
    /// Per unit and billing period, in the partner's currency; `None` when there is no price.
    pub unit_price: Option<Money>,
    /// What the line charges at purchase (usage-billed offers: nothing now, billed in arrears).
    pub line_total: Option<Money>,
    pub issues: Vec<LineIssue>,
}

/// The credit limit check (RULES §1.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditStatus {
    pub limit: Option<Money>,
    /// Unpaid + unbilled before this order (see [`crate::checkout::outstanding`]).
    pub outstanding: Money,
    pub order_total: Money,
    pub exceeded: bool,
}

/// The Review page: lines, totals per billing frequency, tax sentence, credit check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub customer: CustomerId,
    pub cart: Option<CartId>,
    pub lines: Vec<ReviewLine>,
    /// Sum of the line totals per billing frequency (Monthly, Annual, OneTime, None order).
    pub totals: Vec<(BillingFrequency, Money)>,
    /// Australia and Brazil: the listed prices include tax.
    pub prices_include_tax: bool,
    pub credit: CreditStatus,
    /// No line has an issue, there is at least one line and the credit limit holds.
    pub can_buy: bool,
}

/// Unit price and what a line charges at purchase, in the partner's currency.
pub fn line_price(state: &State, offer: &Offer, line: &CartLine) -> Option<(Money, Money)> {
    let unit = crate::pricelist::price_on(
        state,
        offer,
        state.partner.currency(),
        line.billing,
        Some(line.term),
        state.clock.date_naive(),
    )?;
    let charged = if offer.billing_type == crate::catalog::BillingType::Usage {
        Money::zero(unit.currency)
    } else {
        unit.times(line.quantity.max(0))
    };
    Some((unit, charged))
}

/// The review of a customer's cart; `None` for an unknown customer. An absent cart reviews as empty.
pub fn review(state: &State, customer: &CustomerId) -> Option<Review> {
    let c = state.customers.get(customer)?;
    let currency = state.partner.currency();
    // Inserted one by one: `collect` into a map compiles one more sort into the wasm.
    let mut issues: BTreeMap<LineId, Vec<LineIssue>> = BTreeMap::new();
    for (line, found) in validate_cart(state, customer) {
        issues.insert(line, found);
    }
    let cart = state.carts.get(customer);
    let lines: Vec<ReviewLine> = cart
        .map(|cart| cart.lines.as_slice())
        .unwrap_or(&[])
        .iter()
        .map(|l| {
            let offer = state.catalog.get(&l.offer);
            let price = offer.and_then(|o| line_price(state, o, l));
            ReviewLine {
                line: l.id,
                offer: l.offer.clone(),
                name: offer.map(|o| o.name.clone()).unwrap_or_else(|| l.offer.to_string()),
                quantity: l.quantity,
                billing: l.billing,
                term: l.term,
                unit_price: price.map(|p| p.0),
                line_total: price.map(|p| p.1),
                issues: issues.get(&l.id).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let mut totals: BTreeMap<BillingFrequency, Money> = BTreeMap::new();
    for l in &lines {
        let t = totals.entry(l.billing).or_insert(Money::zero(currency));
        *t = t.checked_add(l.line_total.unwrap_or(Money::zero(currency))).unwrap_or(*t);
    }
    let order_total =
        Money::sum(totals.values().copied()).filter(|m| m.currency == currency).unwrap_or(Money::zero(currency));
    let credit = crate::checkout::credit_status(state, order_total);
    let clean = lines.iter().all(|l| l.issues.is_empty());
    Some(Review {
        customer: customer.clone(),
        cart: cart.map(|c| c.id.clone()),
        can_buy: clean && !lines.is_empty() && !credit.exceeded,
        lines,
        totals: totals.into_iter().collect(),
        prices_include_tax: state.policy.prices_include_tax(&c.country),
        credit,
    })
}

/// Number of lines in the customer's cart (the header badge).
pub fn line_count(state: &State, customer: &CustomerId) -> usize {
    state.carts.get(customer).map_or(0, |c| c.lines.len())
}

#[cfg(test)]
mod tests;
