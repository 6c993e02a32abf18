//! The subscription commands (RULES §4.1–4.6). Each returns its events and its activity-log note, or
//! every violated rule; the state is never touched here.

use super::{
    charged_since, is_microsoft_trial, period_of, runs_of, with_run, Draft, SubscriptionChange, SubscriptionPatch,
};
use crate::audit::AuditAction;
use crate::billing::{self, full_period, term_end, Period, QuantitySegment};
use crate::catalog::{Family, Offer};
use crate::eligibility::{reasons_for, Holdings, Ineligible};
use crate::ids::{Counters, OfferId, SubscriptionId};
use crate::ledger::ChargeType;
use crate::money::Money;
use crate::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus};
use crate::rejection::{Rejection, Violation};
use crate::{AuditNote, Command, Event, State, SuspensionReason};
use chrono::{DateTime, Utc};

type Decision = Result<(Vec<Event>, AuditNote), Rejection>;

/// Decide one of the subscription commands. Other commands are not this module's: they yield no events.
pub fn decide(state: &State, cmd: &Command, now: DateTime<Utc>) -> Decision {
    match cmd {
        Command::SuspendSubscription { subscription, reason } => {
            suspend(state, find(state, subscription)?, *reason, now)
        }
        Command::ReactivateSubscription { subscription } => reactivate(state, find(state, subscription)?, now),
        Command::ChangeSubscriptionQuantity { subscription, quantity } => {
            change_quantity(state, find(state, subscription)?, *quantity, now)
        }
        Command::SetAutoRenew { subscription, auto_renew } => {
            set_auto_renew(state, find(state, subscription)?, *auto_renew, now)
        }
        Command::CancelIsvSubscription { subscription, details } => {
            cancel_isv(state, find(state, subscription)?, details, now)
        }
        Command::ConvertTrial { subscription, quantity, billing } => {
            convert_trial(state, find(state, subscription)?, *quantity, *billing, now)
        }
        Command::AddAddOn { base, offer, quantity } => add_add_on(state, find(state, base)?, offer, *quantity, now),
        // Unreachable: `crate::decide` routes only the commands above here.
        _ => Err(Rejection { violations: Vec::new() }),
    }
}

fn find<'a>(state: &'a State, id: &SubscriptionId) -> Result<&'a Subscription, Rejection> {
    state.subscriptions.get(id).ok_or_else(|| Rejection::one(Violation::NoSuchSubscription))
}

fn note(action: AuditAction, sub: &Subscription, details: String) -> AuditNote {
    AuditNote::new(action, format!("{} {} {details}", sub.id, sub.name).trim_end().to_string())
        .for_customer(sub.customer.clone())
}

fn transition(sub: &Subscription, requested: SubscriptionStatus) -> Violation {
    Violation::TransitionNotAllowed { current: sub.status, requested }
}

/// Active → Suspended for `sub`, with the credit of RULES §4.3, into `draft`.
fn suspend_one(state: &State, draft: &mut Draft, sub: &Subscription, now: DateTime<Utc>, change: SubscriptionChange) {
    let today = now.date_naive();
    let mut next = sub.clone();
    if let Some(period) = period_of(sub, today) {
        let charged = billing::Charged {
            term: charged_since(state, sub, sub.term_start, None),
            period: charged_since(state, sub, period.start, Some(period.start)),
        };
        // An add-on's full-credit window counts from its own start, not its base's term start.
        let start = sub.term_start.max(sub.created_at.date_naive());
        let line = billing::suspension_credit(
            sub.unit_price,
            sub.quantity,
            start,
            period,
            charged,
            today,
            state.policy.suspension_full_credit_days,
        );
        draft.post(sub, &line, Some(period.start));
        next.segments = with_run(runs_of(sub, period), today, 0);
    }
    next.status = SubscriptionStatus::Suspended;
    next.suspended_at = Some(now);
    draft.update(next, change);
}

fn suspend(state: &State, sub: &Subscription, reason: Option<SuspensionReason>, now: DateTime<Utc>) -> Decision {
    if sub.status != SubscriptionStatus::Active {
        return Err(Rejection::one(transition(sub, SubscriptionStatus::Suspended)));
    }
    // RULES §4.3: Microsoft subscriptions, and any subscription for non-payment or fraud.
    if sub.publisher != PublisherKind::Microsoft && reason.is_none() {
        return Err(Rejection::one(Violation::SuspensionNeedsReason));
    }
    let mut draft = Draft::new(state, now);
    suspend_one(state, &mut draft, sub, now, SubscriptionChange::Suspended);
    let add_ons = state
        .subscriptions
        .values()
        .filter(|s| s.base.as_ref() == Some(&sub.id) && s.status == SubscriptionStatus::Active);
    for add_on in add_ons {
        suspend_one(state, &mut draft, add_on, now, SubscriptionChange::SuspendedWithBase { base: sub.id.clone() });
    }
    let details = reason.map(|r| format!("({})", r.code())).unwrap_or_default();
    Ok((draft.events, note(AuditAction::SubscriptionSuspended, sub, details)))
}

fn reactivate(state: &State, sub: &Subscription, now: DateTime<Utc>) -> Decision {
    let today = now.date_naive();
    let mut violations = Vec::new();
    if sub.status != SubscriptionStatus::Suspended {
        violations.push(transition(sub, SubscriptionStatus::Active));
    }
    if let Some(deadline) = super::retention_deadline(state, sub) {
        if today >= deadline {
            violations.push(Violation::RetentionOver { deleted_on: deadline });
        }
    }
    if let Some(base_id) = &sub.base {
        let status = state.subscriptions.get(base_id).map(|b| b.status).unwrap_or(SubscriptionStatus::Deleted);
        if status != SubscriptionStatus::Active {
            violations.push(Violation::BaseNotActive { base: base_id.clone(), status });
        }
    }
    Rejection::check(violations)?;
    let mut draft = Draft::new(state, now);
    let mut next = sub.clone();
    next.status = SubscriptionStatus::Active;
    next.suspended_at = None;
    if let Some(period) = period_of(sub, today) {
        let line = billing::reactivation_charge(sub.unit_price, sub.quantity, period, today);
        draft.post(sub, &line, Some(period.start));
        next.segments = with_run(runs_of(sub, period), today, sub.quantity);
        next.billed_through = Some(period.end);
    }
    draft.update(next, SubscriptionChange::Reactivated);
    Ok((draft.events, note(AuditAction::SubscriptionReactivated, sub, String::new())))
}

/// The violations of a quantity change, all of them.
fn quantity_violations(sub: &Subscription, quantity: u32) -> Vec<Violation> {
    let mut v = Vec::new();
    if sub.status != SubscriptionStatus::Active {
        v.push(Violation::QuantityChangeNotAllowed { status: sub.status });
    }
    if is_microsoft_trial(sub) {
        v.push(Violation::TrialQuantityFixed { licenses: sub.quantity });
        return v;
    }
    if quantity < sub.min_quantity.max(1) || sub.max_quantity.is_some_and(|max| quantity > max) {
        v.push(Violation::QuantityOutOfRange {
            requested: quantity,
            min: sub.min_quantity.max(1),
            max: sub.max_quantity,
        });
    } else if quantity == sub.quantity {
        v.push(Violation::QuantityUnchanged { quantity });
    }
    v
}

fn change_quantity(state: &State, sub: &Subscription, quantity: u32, now: DateTime<Utc>) -> Decision {
    Rejection::check(quantity_violations(sub, quantity))?;
    let today = now.date_naive();
    let mut draft = Draft::new(state, now);
    let mut next = sub.clone();
    next.quantity = quantity;
    if let Some(period) = period_of(sub, today) {
        let runs = runs_of(sub, period);
        let charged = charged_since(state, sub, period.start, Some(period.start));
        for line in billing::requantity(sub.unit_price, period, &runs, charged, today, quantity) {
            draft.post(sub, &line, Some(period.start));
        }
        next.segments = with_run(runs, today, quantity);
    }
    let from = sub.quantity;
    draft.update(next, SubscriptionChange::QuantityChanged { from, to: quantity });
    Ok((draft.events, note(AuditAction::SubscriptionQuantityChanged, sub, format!("{from} → {quantity}"))))
}

fn is_closed(status: SubscriptionStatus) -> bool {
    matches!(status, SubscriptionStatus::Cancelled | SubscriptionStatus::Expired | SubscriptionStatus::Deleted)
}

fn set_auto_renew(state: &State, sub: &Subscription, auto_renew: bool, now: DateTime<Utc>) -> Decision {
    let mut violations = Vec::new();
    if !sub.commercial_marketplace {
        violations.push(Violation::AutoRenewNotChangeable);
    }
    if is_closed(sub.status) {
        violations.push(Violation::SubscriptionClosed { status: sub.status });
    }
    // A scheduled cancellation ends the subscription at renewal: it cannot auto-renew.
    if let Some(on) = sub.cancel_at.filter(|_| auto_renew) {
        violations.push(Violation::CancellationAlreadyScheduled { on });
    }
    Rejection::check(violations)?;
    let mut draft = Draft::new(state, now);
    let targets = std::iter::once(sub)
        .chain(state.subscriptions.values().filter(|s| s.base.as_ref() == Some(&sub.id) && !is_closed(s.status)));
    for s in targets {
        draft.update(Subscription { auto_renew, ..s.clone() }, SubscriptionChange::AutoRenewSet { auto_renew });
    }
    let details = if auto_renew { "on" } else { "off" };
    Ok((draft.events, note(AuditAction::AutoRenewChanged, sub, details.to_string())))
}

fn cancel_isv(state: &State, sub: &Subscription, details: &str, now: DateTime<Utc>) -> Decision {
    let quote = super::cancel_quote(state, sub, now)?;
    let mut draft = Draft::new(state, now);
    let mut next = sub.clone();
    // Cancelled now, or at renewal: either way it does not renew (the page said Auto-renew On).
    next.auto_renew = false;
    let action = match quote {
        super::CancelQuote::FullCredit { amount, .. } => {
            let period = period_of(sub, now.date_naive());
            let line = billing::BillLine {
                charge_type: ChargeType::Credit,
                service: period.unwrap_or(super::term_of(sub)),
                quantity: sub.quantity,
                amount: amount.negate(),
            };
            draft.post(sub, &line, period.map(|p| p.start));
            next.status = SubscriptionStatus::Cancelled;
            draft.update(next, SubscriptionChange::Cancelled { credited: true });
            AuditAction::SubscriptionCancelled
        }
        super::CancelQuote::Free | super::CancelQuote::Deprovision => {
            next.status = SubscriptionStatus::Cancelled;
            draft.update(next, SubscriptionChange::Cancelled { credited: false });
            AuditAction::SubscriptionCancelled
        }
        super::CancelQuote::Scheduled { on } => {
            next.cancel_at = Some(on);
            draft.update(next, SubscriptionChange::CancellationScheduled { on });
            AuditAction::SubscriptionCancellationScheduled
        }
    };
    Ok((draft.events, note(action, sub, details.trim().chars().take(500).collect())))
}

/// The offer's unit price for `billing` in the partner's currency, for the policy's term (or the offer's
/// first), or why there is none.
fn catalog_price(state: &State, offer: &Offer, billing: BillingFrequency) -> Result<Money, Violation> {
    let term =
        offer.terms.iter().copied().find(|t| t.months() == state.policy.term_months).or(offer.terms.first().copied());
    crate::pricelist::price_on(state, offer, state.partner.currency(), billing, term, state.clock.date_naive())
        .ok_or_else(|| Violation::NoPriceForBilling { offer: offer.id.clone(), billing })
}

/// The offer's quantity bounds (RULES §2.2).
fn quantity_bounds(offer: &Offer, quantity: u32, out: &mut Vec<Violation>) {
    let min = offer.min_quantity.max(1);
    if quantity < min || quantity > offer.max_quantity {
        out.push(Violation::QuantityOutOfRange { requested: quantity, min, max: Some(offer.max_quantity) });
    }
}

/// The catalog offer a Microsoft trial converts to (its `trial_of`), or why there is none.
fn paid_offer_of<'a>(state: &'a State, trial: &Subscription) -> Result<&'a Offer, Violation> {
    let paid =
        state.catalog.get(&trial.offer).and_then(|o| o.trial_of.as_ref()).ok_or(Violation::NotAConvertibleTrial)?;
    state.catalog.get(paid).ok_or_else(|| Violation::NoSuchOffer { offer: paid.clone() })
}

fn convert_trial(
    state: &State,
    trial: &Subscription,
    quantity: u32,
    billing: BillingFrequency,
    now: DateTime<Utc>,
) -> Decision {
    let today = now.date_naive();
    let mut violations = Vec::new();
    if !is_microsoft_trial(trial) {
        violations.push(Violation::NotAConvertibleTrial);
    } else if trial.status != SubscriptionStatus::Active {
        violations.push(transition(trial, SubscriptionStatus::Active));
    } else if let Some(ended) = trial.trial_ends.filter(|end| today >= *end) {
        violations.push(Violation::TrialEnded { ended });
    }
    let paid_offer =
        if is_microsoft_trial(trial) { paid_offer_of(state, trial).map_err(|v| violations.push(v)).ok() } else { None };
    let allowed = matches!(billing, BillingFrequency::Monthly | BillingFrequency::Annual);
    if !allowed {
        violations.push(Violation::BillingFrequencyNotAllowed { billing });
    }
    let mut unit_price = None;
    if let Some(offer) = paid_offer {
        quantity_bounds(offer, quantity, &mut violations);
        if allowed {
            unit_price = catalog_price(state, offer, billing).map_err(|v| violations.push(v)).ok();
        }
    }
    Rejection::check(violations)?;
    let (Some(offer), Some(unit_price)) = (paid_offer, unit_price) else {
        // Unreachable: either is missing only with a violation reported above.
        return Err(Rejection::one(Violation::NotAConvertibleTrial));
    };
    let term = Period { start: today, end: term_end(today, state.policy.term_months) };
    let paid = Subscription {
        offer: offer.id.clone(),
        name: offer.name.clone(),
        quantity,
        billing,
        unit_price,
        trial_ends: None,
        term_start: term.start,
        term_end: term.end,
        auto_renew: true,
        min_quantity: offer.min_quantity,
        max_quantity: Some(offer.max_quantity),
        segments: vec![QuantitySegment { from: today, quantity }],
        billed_through: None,
        ..trial.clone()
    };
    let mut draft = Draft::new(state, now);
    let paid = charge_opening(&mut draft, paid, today, ChargeType::Purchase);
    draft.update(paid, SubscriptionChange::TrialConverted);
    Ok((draft.events, note(AuditAction::TrialConverted, trial, format!("{quantity} × {}", offer.name))))
}

/// Charge the full first period of a subscription starting billing on `today` and record it billed.
pub(crate) fn charge_opening(
    draft: &mut Draft,
    mut sub: Subscription,
    today: chrono::NaiveDate,
    charge_type: ChargeType,
) -> Subscription {
    let mut patch = SubscriptionPatch::of(&sub);
    charge_opening_patch(draft, &sub, &mut patch, today, charge_type);
    patch.apply_to(&mut sub);
    sub
}

/// [`charge_opening`] of `sub` as `patch` makes it, recorded in `patch` (the clock's form).
pub(crate) fn charge_opening_patch(
    draft: &mut Draft,
    sub: &Subscription,
    patch: &mut SubscriptionPatch,
    today: chrono::NaiveDate,
    charge_type: ChargeType,
) {
    if let Some(period) = patch.period_of(sub, today) {
        draft.post(sub, &full_period(charge_type, sub.unit_price, sub.quantity, period), Some(period.start));
        patch.charged(period, sub.quantity);
    }
}

/// Every reason the catalog gives against `offer` as an add-on of `base` (RULES §2.4, §4.4).
fn add_on_violations(state: &State, base: &Subscription, offer: &Offer, out: &mut Vec<Violation>) {
    if offer.family != Family::AddOn {
        out.push(Violation::NotAnAddOn { offer: offer.id.clone() });
    } else if !offer.requires_base.contains(&base.offer) {
        out.push(Violation::AddOnNotForBase { add_on: offer.id.clone(), base_offer: base.offer.clone() });
    }
    let Some(customer) = state.customers.get(&base.customer) else {
        out.push(Violation::NoSuchCustomer { customer: base.customer.clone() });
        return;
    };
    let holdings = Holdings::of(state, &state.catalog, &customer.id);
    // Add-ons are never listed: that is why they are bought here, not a reason against them.
    let reasons: Vec<Ineligible> = reasons_for(state, customer, &holdings, offer, true)
        .into_iter()
        .filter(|r| *r != Ineligible::AddOnNotListed)
        .collect();
    if !reasons.is_empty() {
        out.push(Violation::OfferNotEligible { offer: offer.id.clone(), reasons });
    }
}

fn add_add_on(state: &State, base: &Subscription, offer_id: &OfferId, quantity: u32, now: DateTime<Utc>) -> Decision {
    let today = now.date_naive();
    let mut violations = Vec::new();
    if base.status != SubscriptionStatus::Active {
        violations.push(Violation::BaseNotActive { base: base.id.clone(), status: base.status });
    }
    if base.base.is_some() {
        violations.push(Violation::BaseIsAddOn { base: base.id.clone() });
    }
    if !state.partner.model.may_buy_add_ons() {
        violations.push(Violation::AddOnsNotAllowedForModel { model: state.partner.model });
    }
    let offer = state.catalog.get(offer_id);
    let mut unit_price = None;
    match offer {
        None => violations.push(Violation::NoSuchOffer { offer: offer_id.clone() }),
        Some(offer) => {
            add_on_violations(state, base, offer, &mut violations);
            quantity_bounds(offer, quantity, &mut violations);
            // The add-on bills with its base (same frequency, same anniversary).
            unit_price = catalog_price(state, offer, base.billing).map_err(|v| violations.push(v)).ok();
        }
    }
    Rejection::check(violations)?;
    let (Some(offer), Some(unit_price)) = (offer, unit_price) else {
        // Unreachable: either is missing only with a violation reported above.
        return Err(Rejection::one(Violation::NoSuchOffer { offer: offer_id.clone() }));
    };
    let name = offer.name.as_str();
    let id = SubscriptionId(Counters::format("S", state.counters.subscription + 1));
    let mut add_on = Subscription {
        id,
        offer: offer.id.clone(),
        name: name.to_string(),
        quantity,
        unit_price,
        created_at: now,
        base: Some(base.id.clone()),
        suspended_at: None,
        cancel_at: None,
        publisher: PublisherKind::Microsoft,
        metered: false,
        min_quantity: offer.min_quantity,
        max_quantity: Some(offer.max_quantity),
        billed_through: None,
        segments: vec![QuantitySegment { from: today, quantity }],
        // Reservations attach to Azure plans, never to an add-on.
        is_azure_plan: false,
        ..base.clone()
    };
    let mut draft = Draft::new(state, now);
    if let Some(period) = period_of(&add_on, today) {
        draft.post(&add_on, &billing::add_on_first_charge(unit_price, quantity, period, today), Some(period.start));
        add_on.billed_through = Some(period.end);
    }
    let details = format!("{} × {name}", quantity);
    draft.update(add_on, SubscriptionChange::AddOnAdded { base: base.id.clone() });
    Ok((draft.events, note(AuditAction::AddOnAdded, base, details)))
}

/// The preview of a quantity change: the ledger lines it would post, or why it cannot be done.
pub(crate) fn quantity_events(state: &State, sub: &Subscription, quantity: u32, now: DateTime<Utc>) -> Decision {
    change_quantity(state, sub, quantity, now)
}
