//! The subscription commands (RULES §4.1–4.6). Each returns its events and its activity-log note, or
//! every violated rule; the state is never touched here.

use super::{charged_since, is_microsoft_trial, period_of, runs_of, with_run, Draft, SubscriptionChange};
use crate::audit::AuditAction;
use crate::billing::{self, full_period, term_end, Period, QuantitySegment};
use crate::ids::{Counters, OfferId, SubscriptionId};
use crate::ledger::ChargeType;
use crate::money::Money;
use crate::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus};
use crate::rejection::{Rejection, Violation};
use crate::{AuditNote, Command, Event, State};
use chrono::{DateTime, Utc};

type Decision = Result<(Vec<Event>, AuditNote), Rejection>;

/// Decide one of the subscription commands. Other commands are not this module's: they yield no events.
pub fn decide(state: &State, cmd: &Command, now: DateTime<Utc>) -> Decision {
    match cmd {
        Command::SuspendSubscription { subscription } => suspend(state, find(state, subscription)?, now),
        Command::ReactivateSubscription { subscription } => reactivate(state, find(state, subscription)?, now),
        Command::ChangeSubscriptionQuantity { subscription, quantity } => {
            change_quantity(state, find(state, subscription)?, *quantity, now)
        }
        Command::SetAutoRenew { subscription, auto_renew } => {
            set_auto_renew(state, find(state, subscription)?, *auto_renew, now)
        }
        Command::CancelIsvSubscription { subscription } => cancel_isv(state, find(state, subscription)?, now),
        Command::ConvertTrial { subscription, offer, name, quantity, billing, unit_price } => {
            let trial = find(state, subscription)?;
            convert_trial(
                state,
                trial,
                Conversion { offer, name, quantity: *quantity, billing: *billing },
                *unit_price,
                now,
            )
        }
        Command::AddAddOn { base, offer, name, quantity, unit_price } => {
            add_add_on(state, find(state, base)?, offer, name, *quantity, *unit_price, now)
        }
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

fn suspend(state: &State, sub: &Subscription, now: DateTime<Utc>) -> Decision {
    if sub.status != SubscriptionStatus::Active {
        return Err(Rejection::one(transition(sub, SubscriptionStatus::Suspended)));
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
    Ok((draft.events, note(AuditAction::SubscriptionSuspended, sub, String::new())))
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

fn cancel_isv(state: &State, sub: &Subscription, now: DateTime<Utc>) -> Decision {
    let quote = super::cancel_quote(state, sub, now)?;
    let mut draft = Draft::new(state, now);
    let mut next = sub.clone();
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
    Ok((draft.events, note(action, sub, String::new())))
}

struct Conversion<'a> {
    offer: &'a OfferId,
    name: &'a str,
    quantity: u32,
    billing: BillingFrequency,
}

fn price_violations(state: &State, unit_price: Money, out: &mut Vec<Violation>) {
    let expected = state.partner.currency();
    if unit_price.currency != expected {
        out.push(Violation::WrongCurrency { expected, got: unit_price.currency });
    }
    if unit_price.minor < 0 {
        out.push(Violation::NegativePrice);
    }
}

fn convert_trial(
    state: &State,
    trial: &Subscription,
    c: Conversion,
    unit_price: Money,
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
    if !matches!(c.billing, BillingFrequency::Monthly | BillingFrequency::Annual) {
        violations.push(Violation::BillingFrequencyNotAllowed { billing: c.billing });
    }
    if c.quantity == 0 {
        violations.push(Violation::QuantityOutOfRange { requested: 0, min: 1, max: None });
    }
    price_violations(state, unit_price, &mut violations);
    Rejection::check(violations)?;
    let term = Period { start: today, end: term_end(today, state.policy.term_months) };
    let paid = Subscription {
        offer: c.offer.clone(),
        name: c.name.to_string(),
        quantity: c.quantity,
        billing: c.billing,
        unit_price,
        trial_ends: None,
        term_start: term.start,
        term_end: term.end,
        auto_renew: true,
        min_quantity: 1,
        max_quantity: None,
        segments: vec![QuantitySegment { from: today, quantity: c.quantity }],
        billed_through: None,
        ..trial.clone()
    };
    let mut draft = Draft::new(state, now);
    let paid = charge_opening(&mut draft, paid, today, ChargeType::Purchase);
    draft.update(paid, SubscriptionChange::TrialConverted);
    Ok((draft.events, note(AuditAction::TrialConverted, trial, format!("{} × {}", c.quantity, c.name))))
}

/// Charge the full first period of a subscription starting billing on `today` and record it billed.
pub(crate) fn charge_opening(
    draft: &mut Draft,
    mut sub: Subscription,
    today: chrono::NaiveDate,
    charge_type: ChargeType,
) -> Subscription {
    if let Some(period) = period_of(&sub, today) {
        draft.post(&sub, &full_period(charge_type, sub.unit_price, sub.quantity, period), Some(period.start));
        sub.billed_through = Some(period.end);
        sub.segments = vec![QuantitySegment { from: period.start, quantity: sub.quantity }];
    }
    sub
}

fn add_add_on(
    state: &State,
    base: &Subscription,
    offer: &OfferId,
    name: &str,
    quantity: u32,
    unit_price: Money,
    now: DateTime<Utc>,
) -> Decision {
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
    if quantity == 0 {
        violations.push(Violation::QuantityOutOfRange { requested: 0, min: 1, max: None });
    }
    price_violations(state, unit_price, &mut violations);
    Rejection::check(violations)?;
    let id = SubscriptionId(Counters::format("S", state.counters.subscription + 1));
    let mut add_on = Subscription {
        id,
        offer: offer.clone(),
        name: name.to_string(),
        quantity,
        unit_price,
        created_at: now,
        base: Some(base.id.clone()),
        suspended_at: None,
        cancel_at: None,
        publisher: PublisherKind::Microsoft,
        metered: false,
        min_quantity: 1,
        max_quantity: None,
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
