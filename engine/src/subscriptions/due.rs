//! What the clock makes happen to subscriptions (RULES §4, §8): retention deletions, trial expiry and
//! ISV trial conversion, scheduled ISV cancellations, end of term or renewal, monthly cycle charges.
//!
//! Each rule is derived from the record alone (`billed_through`, `term_end`, `trial_ends`, `cancel_at`,
//! the suspension date), so running a day twice finds nothing left to do; one pass over the
//! subscriptions, a bounded amount of work each.

use super::lifecycle::{charge_opening, charge_opening_patch};
use super::{is_billed, Draft, SubscriptionChange, SubscriptionPatch};
use crate::billing::{full_period, term_end, Period};
use crate::ids::SubscriptionId;
use crate::ledger::{ChargeType, LedgerIds};
use crate::records::{PublisherKind, Subscription, SubscriptionStatus};
use crate::{Event, State};
use chrono::{DateTime, NaiveDate, Utc};

/// Every subscription event due at `at`, in subscription order.
pub fn due_at(state: &State, at: DateTime<Utc>) -> Vec<Event> {
    let today = at.date_naive();
    let mut draft = Draft::new(state, at);
    for sub in state.subscriptions.values() {
        due_for(state, &mut draft, sub, today);
    }
    draft.events
}

/// The subscription events due at `at` for the listed subscriptions only (given in subscription order), and
/// for each listed subscription the day it may next have something due ([`next_due`] of the record as
/// those events leave it; `None` for an unknown ID). The clock's agenda calls this with the subscriptions
/// [`next_due`] said may need it, which yields the same events as [`due_at`] without visiting every
/// subscription every day, and looks each record up once.
pub(crate) fn due_at_for<'a>(
    state: &State,
    at: DateTime<Utc>,
    ids: impl IntoIterator<Item = &'a SubscriptionId>,
) -> (Vec<Event>, Vec<Option<NaiveDate>>) {
    let today = at.date_naive();
    let mut draft = Draft::new(state, at);
    let mut next = Vec::new();
    for id in ids {
        next.push(state.subscriptions.get(id).and_then(|sub| {
            let moved = due_for(state, &mut draft, sub, today);
            next_due(state, sub, &moved, today)
        }));
    }
    (draft.events, next)
}

/// The first day on which [`due_at`] may find something for `sub` with the clock's fields at `fields`
/// (`today` when it is already due), or `None` when nothing can fall due for it until a command changes
/// it. A lower bound taken over every rule of `due_for`: a subscription checked on that day with nothing
/// to do is simply checked again the next day.
///
/// It reads only the record (the fields the clock moves from `fields`, which may be ahead of the stored
/// record by the events of the day), its customer's account dates and the policy, none of which the
/// clock's other events change: so it may be asked before the day's events are applied.
pub(crate) fn next_due(
    state: &State,
    sub: &Subscription,
    fields: &SubscriptionPatch,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let after_term = fields.term_end.succ_opt();
    let candidates = match fields.status {
        SubscriptionStatus::Suspended => {
            let retention = sub.suspended_at.map(|at| {
                super::retention_deadline_for(
                    at.date_naive(),
                    super::account_dates(state, &sub.customer),
                    &state.policy,
                )
            });
            [retention, after_term.filter(|_| sub.auto_renew), None, None]
        }
        SubscriptionStatus::Active => {
            let billing = match fields.billed_through {
                _ if !fields.is_billed(sub) => None,
                None => Some(today),
                Some(b) => b.succ_opt(),
            };
            [fields.trial_ends, sub.cancel_at, after_term, billing]
        }
        SubscriptionStatus::Cancelled | SubscriptionStatus::Expired | SubscriptionStatus::Deleted => [None; 4],
    };
    candidates.into_iter().flatten().min()
}

/// The first charge of a subscription that starts billing on `at` (checkout calls this when it creates a
/// paid subscription): the ledger entry, and the record with `billed_through` set. A subscription the
/// clock finds unbilled gets the same charge at its next run.
pub fn opening_charge(state: &State, sub: Subscription, at: DateTime<Utc>) -> (Subscription, Vec<Event>) {
    opening_charge_with(&mut LedgerIds::new(state), sub, at)
}

/// [`opening_charge`] numbering its entry from `ids` (checkout charges several records in one decision).
pub(crate) fn opening_charge_with(
    ids: &mut LedgerIds,
    sub: Subscription,
    at: DateTime<Utc>,
) -> (Subscription, Vec<Event>) {
    let mut draft = Draft::with_ids(at, ids.clone());
    let sub = charge_opening(&mut draft, sub, at.date_naive(), ChargeType::Purchase);
    let (events, left) = draft.finish();
    *ids = left;
    (sub, events)
}

/// The rules for one subscription, into `draft`; returns its clock fields as the day leaves them.
fn due_for(state: &State, draft: &mut Draft, sub: &Subscription, today: NaiveDate) -> SubscriptionPatch {
    let mut next = SubscriptionPatch::of(sub);
    match sub.status {
        SubscriptionStatus::Suspended => {
            if super::retention_deadline(state, sub).is_some_and(|d| today >= d) {
                next.status = SubscriptionStatus::Deleted;
                draft.patch(sub, next, SubscriptionChange::Deleted);
            } else if sub.auto_renew && today > sub.term_end {
                // The term rolls over uncharged; reactivation re-bills what is left of the current period.
                let term = roll_term(&mut next, state, today);
                draft.patch(sub, next, SubscriptionChange::Renewed { term });
            }
            next
        }
        SubscriptionStatus::Active => due_active(state, draft, sub, next, today),
        SubscriptionStatus::Cancelled | SubscriptionStatus::Expired | SubscriptionStatus::Deleted => next,
    }
}

/// Move the term forward past `today` (one or more whole terms); returns the new term.
fn roll_term(next: &mut SubscriptionPatch, state: &State, today: NaiveDate) -> Period {
    let months = state.policy.term_months.max(1);
    while today > next.term_end {
        let start = next.term_end.succ_opt().unwrap_or(next.term_end);
        let end = term_end(start, months);
        if end <= next.term_end {
            break; // the calendar's end: nothing further to roll into
        }
        next.term_start = start;
        next.term_end = end;
    }
    next.term()
}

/// The rules of an Active subscription; `next` starts as the record's current values.
fn due_active(
    state: &State,
    draft: &mut Draft,
    sub: &Subscription,
    mut next: SubscriptionPatch,
    today: NaiveDate,
) -> SubscriptionPatch {
    if let Some(ends) = sub.trial_ends.filter(|e| today >= *e) {
        match sub.publisher {
            PublisherKind::Microsoft => {
                next.status = SubscriptionStatus::Expired;
                draft.patch(sub, next, SubscriptionChange::TrialExpired);
            }
            PublisherKind::Isv => {
                // The paid term starts the day the trial ends; later days are caught up below.
                next.trial_ends = None;
                next.term_start = ends;
                next.term_end = term_end(ends, state.policy.term_months);
                next.billed_through = None;
                charge_opening_patch(draft, sub, &mut next, ends, ChargeType::Purchase);
                bill_cycles(draft, sub, &mut next, today);
                draft.patch(sub, next, SubscriptionChange::TrialEndedPaid);
            }
        }
        return next;
    }
    if sub.cancel_at.is_some_and(|on| today >= on) {
        next.status = SubscriptionStatus::Cancelled;
        draft.patch(sub, next, SubscriptionChange::Cancelled { credited: false });
        return next;
    }
    if today > sub.term_end {
        if !sub.auto_renew {
            next.status = SubscriptionStatus::Expired;
            draft.patch(sub, next, SubscriptionChange::TermEnded);
            return next;
        }
        let term = roll_term(&mut next, state, today);
        next.billed_through = None;
        if let Some(price) = crate::pricelist::renewal_price(state, sub, term.start) {
            next.unit_price = price;
        }
        if let Some(period) = next.period_of(sub, today) {
            // A renewal is charged from the new term's first period; a missed day catches up below.
            let first = next.period_of(sub, term.start).unwrap_or(period);
            let line = full_period(ChargeType::Renewal, next.unit_price, sub.quantity, first);
            draft.post_priced(sub, next.unit_price, &line, Some(first.start));
            next.charged(first, sub.quantity);
        }
        bill_cycles(draft, sub, &mut next, today);
        draft.patch(sub, next, SubscriptionChange::Renewed { term });
        return next;
    }
    if is_billed(sub) && sub.billed_through.is_none_or(|b| b < today) {
        bill_cycles(draft, sub, &mut next, today);
        if next.billed_through != sub.billed_through {
            let period = next.period_of(sub, today).unwrap_or(next.term());
            draft.patch(sub, next, SubscriptionChange::CycleBilled { period });
        }
    }
    next
}

/// Charge every period from the one after `billed_through` up to the one containing `today`, recording
/// each in `next` (the record's moving fields).
fn bill_cycles(draft: &mut Draft, sub: &Subscription, next: &mut SubscriptionPatch, today: NaiveDate) {
    if next.billed_through.is_none() {
        let charge = if next.term_start == today { ChargeType::Purchase } else { ChargeType::CycleCharge };
        let first = next.period_of(sub, next.term_start.max(today.min(next.term_end)));
        if let Some(p) = first {
            draft.post_priced(
                sub,
                next.unit_price,
                &full_period(charge, next.unit_price, sub.quantity, p),
                Some(p.start),
            );
            next.charged(p, sub.quantity);
        }
    }
    while let Some(next_day) = next.billed_through.filter(|b| *b < today).and_then(|b| b.succ_opt()) {
        let Some(period) = next.period_of(sub, next_day) else { break };
        draft.post_priced(
            sub,
            next.unit_price,
            &full_period(ChargeType::CycleCharge, next.unit_price, sub.quantity, period),
            Some(period.start),
        );
        next.charged(period, sub.quantity);
    }
}

/// What a clock move did, for the summary shown after it ("3 renewals, 1 trial expired"), reservations
/// included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueSummary {
    pub cycles_billed: usize,
    pub renewals: usize,
    pub terms_ended: usize,
    pub trials_expired: usize,
    pub trials_converted: usize,
    pub cancellations: usize,
    pub deletions: usize,
    /// Reservation payments charged: one per reservation and day a payment fell due (the clock runs day by
    /// day, so in practice one per payment).
    pub reservations_billed: usize,
    pub reservations_expired: usize,
}

impl DueSummary {
    pub fn of(events: &[Event]) -> DueSummary {
        let mut s = DueSummary::default();
        for e in events {
            match e {
                Event::ReservationBilled { .. } => s.reservations_billed += 1,
                Event::ReservationExpired { .. } => s.reservations_expired += 1,
                _ => {}
            }
            if let Event::SubscriptionUpdated { change, .. } | Event::SubscriptionPatched { change, .. } = e {
                match change {
                    SubscriptionChange::CycleBilled { .. } => s.cycles_billed += 1,
                    SubscriptionChange::Renewed { .. } => s.renewals += 1,
                    SubscriptionChange::TermEnded => s.terms_ended += 1,
                    SubscriptionChange::TrialExpired => s.trials_expired += 1,
                    SubscriptionChange::TrialEndedPaid => s.trials_converted += 1,
                    SubscriptionChange::Cancelled { .. } => s.cancellations += 1,
                    SubscriptionChange::Deleted => s.deletions += 1,
                    _ => {}
                }
            }
        }
        s
    }
}
