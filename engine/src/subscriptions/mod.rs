//! Subscription lifecycle (RULES §4): the commands that change a subscription after it is bought, the
//! events the clock makes due, and the read-side questions the subscription and renewals pages ask.
//!
//! * [`lifecycle`]: suspend, reactivate, change quantity, auto-renew, ISV cancel, trial conversion, add-ons.
//! * [`due`]: billing cycles, renewals, end of term, trials, scheduled cancellations, retention deletions.
//! * [`queries`]: retention deadline, cancel quote, quantity, add-on and conversion previews, the add-ons a
//!   base can take, upcoming renewals, history.
//!
//! Every change a command makes is one [`crate::Event::SubscriptionUpdated`] carrying the new record and a
//! [`SubscriptionChange`]; every change the clock makes is one [`crate::Event::SubscriptionPatched`]
//! carrying the ID, the change and a [`SubscriptionPatch`] (the fields it moved); every financial effect is
//! a [`crate::Event::LedgerPosted`].
//!
//! **Decision** (end of term with auto-renew off): the subscription becomes **Expired** — it ran out, as a
//! trial that was not converted does; **Cancelled** is kept for a cancellation someone asked for (§4.6).

pub mod due;
pub mod lifecycle;
pub mod patch;
pub mod queries;
#[cfg(test)]
mod tests;

pub use due::{due_at, opening_charge, DueSummary};
pub use lifecycle::decide;
pub use patch::SubscriptionPatch;
pub use queries::{
    account_dates, add_on_preview, available_add_ons, cancel_quote, cancel_quote_days, conversion_offer,
    conversion_preview, deletion_deadline, deletion_if_suspended, history, next_milestone, quantity_preview,
    renewals_within, renews_within, retention_deadline, retention_deadline_for, trial_deadline, AddOnChoice,
    CancelQuote, HistoryItem, Upcoming, UpcomingKind,
};

use crate::billing::{BillLine, Period, QuantitySegment};
use crate::ids::{CustomerId, SubscriptionId};
use crate::ledger::{LedgerEntry, LedgerIds, LedgerRef};
use crate::money::Money;
use crate::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus};
use crate::{Event, State};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A customer's account dates (RULES §1.3) that set the retention period after suspension (§4.3).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct AccountDates {
    pub opened: NaiveDate,
    pub first_billing: NaiveDate,
}

/// What happened to a subscription: the history line and the clock summary are made of these.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionChange {
    /// Created by a purchase (checkout uses this when it records a new subscription).
    Purchased,
    Suspended,
    /// Suspended because its base was.
    SuspendedWithBase {
        base: SubscriptionId,
    },
    Reactivated,
    QuantityChanged {
        from: u32,
        to: u32,
    },
    AutoRenewSet {
        auto_renew: bool,
    },
    /// ISV cancellation took effect; `credited` when inside the full-credit window.
    Cancelled {
        credited: bool,
    },
    CancellationScheduled {
        on: NaiveDate,
    },
    TrialConverted,
    AddOnAdded {
        base: SubscriptionId,
    },
    /// A monthly cycle was charged in advance (or a first charge the clock made up).
    CycleBilled {
        period: Period,
    },
    /// A new term started (charged when Active).
    Renewed {
        term: Period,
    },
    /// The term ended with auto-renew off: Expired.
    TermEnded,
    /// A Microsoft trial ended without conversion: Expired.
    TrialExpired,
    /// An ISV free trial ended and the subscription became paid by itself.
    TrialEndedPaid,
    /// Retention ended while suspended: data deleted.
    Deleted,
}

/// One line of the subscription log (see [`crate::State::subscription_log`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionLogEntry {
    pub at: DateTime<Utc>,
    pub subscription: SubscriptionId,
    pub customer: CustomerId,
    pub change: SubscriptionChange,
}

/// Apply a [`crate::Event::SubscriptionUpdated`]: store the record, log the change.
pub(crate) fn apply(state: &mut State, at: DateTime<Utc>, change: &SubscriptionChange, sub: &Subscription) {
    crate::ids::Counters::observe(&mut state.counters.subscription, sub.id.as_str());
    state.subscription_log.push(SubscriptionLogEntry {
        at,
        subscription: sub.id.clone(),
        customer: sub.customer.clone(),
        change: change.clone(),
    });
    state.subscriptions.insert(sub.id.clone(), sub.clone());
}

/// Apply a [`crate::Event::SubscriptionPatched`]: patch the stored record in place, log the change. The
/// result is the record [`apply`] would store for the same change. An unknown ID changes nothing.
pub(crate) fn apply_patch(
    state: &mut State,
    at: DateTime<Utc>,
    id: &SubscriptionId,
    change: &SubscriptionChange,
    patch: &SubscriptionPatch,
) {
    let Some(sub) = state.subscriptions.get_mut(id) else { return };
    patch.apply_to(sub);
    crate::ids::Counters::observe(&mut state.counters.subscription, id.as_str());
    state.subscription_log.push(SubscriptionLogEntry {
        at,
        subscription: id.clone(),
        customer: sub.customer.clone(),
        change: change.clone(),
    });
}

/// The subscription's current term, both ends inclusive.
pub fn term_of(sub: &Subscription) -> Period {
    Period { start: sub.term_start, end: sub.term_end }
}

/// Is the subscription charged per billing period right now (paid, not in a trial, not usage-billed)?
/// Metered ISV SaaS is billed in arrears from usage, never in advance by the period.
pub fn is_billed(sub: &Subscription) -> bool {
    billed_by(sub.billing, sub.trial_ends, sub.metered)
}

/// [`is_billed`] from the fields it reads (the clock asks it of a patched record).
fn billed_by(billing: BillingFrequency, trial_ends: Option<NaiveDate>, metered: bool) -> bool {
    matches!(billing, BillingFrequency::Monthly | BillingFrequency::Annual) && trial_ends.is_none() && !metered
}

/// The billing period containing `date`, when the subscription is billed and `date` is in its term.
pub fn period_of(sub: &Subscription, date: NaiveDate) -> Option<Period> {
    SubscriptionPatch::of(sub).period_of(sub, date)
}

pub fn is_microsoft_trial(sub: &Subscription) -> bool {
    sub.publisher == PublisherKind::Microsoft && sub.trial_ends.is_some()
}

/// The quantity runs of `period`: the recorded ones if they belong to it, else one run from its start
/// at the current quantity (0 while suspended).
pub(crate) fn runs_of(sub: &Subscription, period: Period) -> Vec<QuantitySegment> {
    let current = sub.segments.first().is_some_and(|s| s.from >= period.start);
    if current {
        sub.segments.clone()
    } else {
        let quantity = if sub.status == SubscriptionStatus::Active { sub.quantity } else { 0 };
        vec![QuantitySegment { from: period.start, quantity }]
    }
}

/// `runs` with a new run from `on` (replacing runs that start on or after it).
pub(crate) fn with_run(mut runs: Vec<QuantitySegment>, on: NaiveDate, quantity: u32) -> Vec<QuantitySegment> {
    runs.retain(|r| r.from < on);
    runs.push(QuantitySegment { from: on, quantity });
    runs
}

/// Net amount the ledger holds for `sub` over entries whose billing period starts in `from..`.
pub(crate) fn charged_since(state: &State, sub: &Subscription, from: NaiveDate, only: Option<NaiveDate>) -> Money {
    let minor: i64 = crate::ledger::entries_of(state, &sub.id)
        .filter(|e| match (e.period_start, only) {
            (Some(p), Some(exact)) => p == exact,
            (Some(p), None) => p >= from,
            (None, _) => false,
        })
        .map(|e| e.amount.minor)
        .sum();
    Money::new(minor, sub.unit_price.currency)
}

/// Collects the events of one decision, numbering ledger entries as it goes.
pub(crate) struct Draft {
    at: DateTime<Utc>,
    ids: LedgerIds,
    pub events: Vec<Event>,
}

impl Draft {
    pub fn new(state: &State, at: DateTime<Utc>) -> Draft {
        Draft::with_ids(at, LedgerIds::new(state))
    }

    /// A draft numbering its entries from `ids` (a decision spanning several records, e.g. checkout).
    pub fn with_ids(at: DateTime<Utc>, ids: LedgerIds) -> Draft {
        Draft { at, ids, events: Vec::new() }
    }

    /// The events drafted and the ledger IDs left to hand out.
    pub fn finish(self) -> (Vec<Event>, LedgerIds) {
        (self.events, self.ids)
    }

    /// Post a computed line for `sub` (nothing for a zero amount).
    pub fn post(&mut self, sub: &Subscription, line: &BillLine, period_start: Option<NaiveDate>) {
        self.post_priced(sub, sub.unit_price, line, period_start)
    }

    /// [`Draft::post`] at `unit_price` rather than the record's (a renewal's new price, RULES §2.5).
    pub fn post_priced(
        &mut self,
        sub: &Subscription,
        unit_price: Money,
        line: &BillLine,
        period_start: Option<NaiveDate>,
    ) {
        if line.amount.is_zero() {
            return;
        }
        self.events.push(Event::LedgerPosted(LedgerEntry {
            id: self.ids.next_id(),
            posted_at: self.at,
            customer: sub.customer.clone(),
            reference: LedgerRef::Subscription(sub.id.clone()),
            order: Some(sub.order.clone()),
            description: sub.name.clone(),
            charge_type: line.charge_type,
            quantity: line.quantity,
            unit_price,
            amount: line.amount,
            service: Some(line.service),
            period_start,
        }));
    }

    pub fn update(&mut self, sub: Subscription, change: SubscriptionChange) {
        self.events.push(Event::SubscriptionUpdated { at: self.at, change, subscription: Box::new(sub) });
    }

    /// A change of the clock's: the fields it moved in `sub`, not a new record.
    pub fn patch(&mut self, sub: &Subscription, patch: SubscriptionPatch, change: SubscriptionChange) {
        let subscription = sub.id.clone();
        self.events.push(Event::SubscriptionPatched { at: self.at, subscription, change, patch });
    }
}
