//! Read-side questions of the subscription, renewals and billing pages. Plain functions over `&State`.

use super::{AccountDates, SubscriptionChange, SubscriptionLogEntry};
use crate::catalog::{Family, Offer};
use crate::dates::Deadline;
use crate::ids::{CustomerId, OfferId, SubscriptionId};
use crate::ledger::{entries_of, ChargeType, LedgerEntry};
use crate::money::Money;
use crate::policy::Policy;
use crate::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus};
use crate::rejection::{Rejection, Violation};
use crate::{Command, Event, State};
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

/// The customer's account dates (RULES §1.3) from its record, if the customer is known. The one place
/// the retention rule reads them.
pub fn account_dates(state: &State, customer: &CustomerId) -> Option<AccountDates> {
    state.customers.get(customer).map(|c| AccountDates { opened: c.account_opened, first_billing: c.first_billing })
}

/// RULES §4.3: the date a subscription suspended on `suspended_on` is deleted if not reactivated,
/// `suspended_on + min(cap, base + days from account opening to first billing period)`. Unknown dates
/// count as a zero-day gap (the base period).
pub fn retention_deadline_for(suspended_on: NaiveDate, dates: Option<AccountDates>, policy: &Policy) -> NaiveDate {
    let gap = dates.map(|d| (d.first_billing - d.opened).num_days()).unwrap_or(0);
    suspended_on.checked_add_signed(Duration::days(policy.retention_days(gap))).unwrap_or(NaiveDate::MAX)
}

/// The deletion date of a suspended subscription (`None` when it is not suspended).
pub fn retention_deadline(state: &State, sub: &Subscription) -> Option<NaiveDate> {
    if sub.status != SubscriptionStatus::Suspended {
        return None;
    }
    let on = sub.suspended_at?.date_naive();
    Some(retention_deadline_for(on, account_dates(state, &sub.customer), &state.policy))
}

/// RULES §4.3, the notice of a suspended subscription: "Data deleted on … unless reactivated", with the
/// days left from `today` (`None` when it is not suspended).
pub fn deletion_deadline(state: &State, sub: &Subscription, today: NaiveDate) -> Option<Deadline> {
    retention_deadline(state, sub).map(|on| Deadline::new(on, today))
}

/// The deletion date suspending `sub` on `today` would give (the preview beside Suspended).
pub fn deletion_if_suspended(state: &State, sub: &Subscription, today: NaiveDate) -> Deadline {
    Deadline::new(retention_deadline_for(today, account_dates(state, &sub.customer), &state.policy), today)
}

/// An Active trial's end (RULES §4.5), with the days left from `today`.
pub fn trial_deadline(sub: &Subscription, today: NaiveDate) -> Option<Deadline> {
    sub.trial_ends.filter(|_| sub.status == SubscriptionStatus::Active).map(|on| Deadline::new(on, today))
}

/// The Subscriptions list's "renews within N days": Active, auto-renewing, and its term ends between
/// `today` and `days` days later.
pub fn renews_within(sub: &Subscription, today: NaiveDate, days: u32) -> bool {
    let left = (sub.term_end - today).num_days();
    sub.status == SubscriptionStatus::Active && sub.auto_renew && (0..=i64::from(days)).contains(&left)
}

/// Days past the end of a full-credit window that "If cancelled on …" still offers, so the chart shows
/// the credit dropping to nothing.
const QUOTE_TAIL_DAYS: u64 = 3;

/// The days "If cancelled on …" offers for a paid ISV SaaS subscription: from its order to a few days
/// past the full-credit window, and at least to `today` (`None` when cancelling it never credits).
pub fn cancel_quote_days(state: &State, sub: &Subscription, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    match cancel_quote(state, sub, sub.created_at).ok()? {
        CancelQuote::FullCredit { until, .. } => {
            let until = until.date_naive();
            let end = until.checked_add_days(Days::new(QUOTE_TAIL_DAYS)).unwrap_or(until);
            Some((sub.created_at.date_naive(), end.max(today)))
        }
        _ => None,
    }
}

/// What cancelling an ISV SaaS subscription now would do (RULES §4.6), shown before the user acts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CancelQuote {
    /// Cancelled now with everything charged credited; holds while `now < until`, for `days_left` more
    /// calendar days ("for 3 more days (until Dec 6, 2026)").
    FullCredit { amount: Money, until: DateTime<Utc>, days_left: i64 },
    /// Cancellation scheduled for the renewal date `on`; nothing credited.
    Scheduled { on: NaiveDate },
    /// Free trial: cancelled now, nothing was charged.
    Free,
    /// Metered offer: de-provisioned now, never refunded.
    Deprovision,
}

/// The cancel quote for `sub` at `now`, or why Cancel is not offered.
pub fn cancel_quote(state: &State, sub: &Subscription, now: DateTime<Utc>) -> Result<CancelQuote, Rejection> {
    if sub.publisher != PublisherKind::Isv || sub.status != SubscriptionStatus::Active {
        return Err(Rejection::one(Violation::TransitionNotAllowed {
            current: sub.status,
            requested: SubscriptionStatus::Cancelled,
        }));
    }
    if let Some(on) = sub.cancel_at {
        return Err(Rejection::one(Violation::CancellationAlreadyScheduled { on }));
    }
    if sub.metered {
        return Ok(CancelQuote::Deprovision);
    }
    if sub.trial_ends.is_some() {
        return Ok(CancelQuote::Free);
    }
    let window = match sub.billing {
        BillingFrequency::Annual => Duration::days(state.policy.isv_annual_cancel_days as i64),
        _ => Duration::hours(state.policy.isv_monthly_cancel_hours as i64),
    };
    let until = sub.created_at + window;
    if now < until {
        let minor = entries_of(state, &sub.id).map(|e| e.amount.minor).sum();
        let days_left = Deadline::new(until.date_naive(), now.date_naive()).days_left;
        Ok(CancelQuote::FullCredit { amount: Money::new(minor, sub.unit_price.currency), until, days_left })
    } else {
        Ok(CancelQuote::Scheduled { on: sub.term_end.succ_opt().unwrap_or(sub.term_end) })
    }
}

/// The ledger entries a quantity change would post now (the preview before **Submit**), or why it
/// would be refused.
pub fn quantity_preview(
    state: &State,
    subscription: &SubscriptionId,
    quantity: u32,
    now: DateTime<Utc>,
) -> Result<Vec<LedgerEntry>, Rejection> {
    let sub = state.subscriptions.get(subscription).ok_or_else(|| Rejection::one(Violation::NoSuchSubscription))?;
    let (events, _) = super::lifecycle::quantity_events(state, sub, quantity, now)?;
    Ok(ledger_entries(events))
}

/// The ledger entries a subscription command would post now, without changing anything, or why it
/// would be refused (the permission is not checked: the command's own dispatch does that).
fn ledger_preview(state: &State, cmd: &Command, now: DateTime<Utc>) -> Result<Vec<LedgerEntry>, Rejection> {
    let (events, _) = super::lifecycle::decide(state, cmd, now)?;
    Ok(ledger_entries(events))
}

/// The ledger entries among `events`, in order.
fn ledger_entries(events: Vec<Event>) -> Vec<LedgerEntry> {
    events
        .into_iter()
        .filter_map(|e| match e {
            Event::LedgerPosted(entry) => Some(entry),
            _ => None,
        })
        .collect()
}

/// An add-on the base subscription's page offers (RULES §4.4), priced for the base's billing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddOnChoice {
    pub offer: OfferId,
    pub name: String,
    /// Price of one license for one billing period of the base.
    pub unit_price: Money,
    pub billing: BillingFrequency,
    pub min_quantity: u32,
    pub max_quantity: u32,
}

/// The add-ons `base` can take now, in catalog order: the catalog's add-ons for the base's offer that
/// buying at their minimum quantity would be accepted for (active base, partner model, eligibility for
/// the customer's country and segment, a price for the base's billing). Empty when there are none.
pub fn available_add_ons(state: &State, base: &SubscriptionId, now: DateTime<Utc>) -> Vec<AddOnChoice> {
    let Some(sub) = state.subscriptions.get(base) else { return Vec::new() };
    state
        .catalog
        .offers()
        .iter()
        .filter(|o| o.family == Family::AddOn && o.requires_base.contains(&sub.offer))
        .filter_map(|o| {
            let cmd = Command::AddAddOn { base: base.clone(), offer: o.id.clone(), quantity: o.min_quantity.max(1) };
            let (events, _) = super::lifecycle::decide(state, &cmd, now).ok()?;
            let bought = events.iter().find_map(|e| match e {
                Event::SubscriptionUpdated { subscription, .. } => Some(subscription),
                _ => None,
            })?;
            Some(AddOnChoice {
                offer: o.id.clone(),
                name: o.name.clone(),
                unit_price: bought.unit_price,
                billing: bought.billing,
                min_quantity: o.min_quantity.max(1),
                max_quantity: o.max_quantity,
            })
        })
        .collect()
}

/// What buying `quantity` of the add-on `offer` for `base` now would post (its prorated first charge,
/// RULES §4.4), shown before **Submit**; or why it would be refused.
pub fn add_on_preview(
    state: &State,
    base: &SubscriptionId,
    offer: &OfferId,
    quantity: u32,
    now: DateTime<Utc>,
) -> Result<Vec<LedgerEntry>, Rejection> {
    ledger_preview(state, &Command::AddAddOn { base: base.clone(), offer: offer.clone(), quantity }, now)
}

/// The paid offer a Microsoft trial converts to (the catalog's `trial_of`), for the conversion form.
pub fn conversion_offer<'a>(state: &'a State, trial: &Subscription) -> Option<&'a Offer> {
    if !super::is_microsoft_trial(trial) {
        return None;
    }
    let paid = state.catalog.get(&trial.offer)?.trial_of.as_ref()?;
    state.catalog.get(paid)
}

/// What converting the trial now would post (the first period of the paid subscription, RULES §4.5),
/// shown before **Submit**; or why it would be refused.
pub fn conversion_preview(
    state: &State,
    trial: &SubscriptionId,
    quantity: u32,
    billing: BillingFrequency,
    now: DateTime<Utc>,
) -> Result<Vec<LedgerEntry>, Rejection> {
    ledger_preview(state, &Command::ConvertTrial { subscription: trial.clone(), quantity, billing }, now)
}

/// Why a subscription appears on the Renewals view.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UpcomingKind {
    /// Renews (auto-renew on) on the date.
    Renewal,
    /// The term ends without renewal (auto-renew off): Expired on the date.
    TermEnds,
    /// A trial ends: a Microsoft trial expires, an ISV trial turns paid.
    TrialEnds,
    /// A scheduled ISV cancellation takes effect.
    ScheduledCancellation,
    /// A suspended subscription is deleted.
    SuspensionExpires,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upcoming {
    pub on: NaiveDate,
    pub kind: UpcomingKind,
    pub subscription: SubscriptionId,
    pub customer: CustomerId,
    pub name: String,
}

/// What happens to subscriptions from today to `days` days ahead (the 30 / 60 / 90-day Renewals view),
/// soonest first.
pub fn renewals_within(state: &State, now: DateTime<Utc>, days: u32) -> Vec<Upcoming> {
    let today = now.date_naive();
    let last = today.checked_add_signed(Duration::days(days as i64)).unwrap_or(NaiveDate::MAX);
    let mut out: Vec<Upcoming> = state
        .subscriptions
        .values()
        .filter_map(|s| next_milestone(state, s).map(|(on, kind)| (s, on, kind)))
        .filter(|(_, on, _)| today <= *on && *on <= last)
        .map(|(s, on, kind)| Upcoming {
            on,
            kind,
            subscription: s.id.clone(),
            customer: s.customer.clone(),
            name: s.name.clone(),
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| (a.on, a.kind, &a.subscription).cmp(&(b.on, b.kind, &b.subscription)));
    out
}

/// What happens next to `s` and when (the subscription page's "next renewal" fact, and each row of the
/// Renewals view): `None` for closed subscriptions.
pub fn next_milestone(state: &State, s: &Subscription) -> Option<(NaiveDate, UpcomingKind)> {
    match s.status {
        SubscriptionStatus::Suspended => retention_deadline(state, s).map(|d| (d, UpcomingKind::SuspensionExpires)),
        SubscriptionStatus::Active => {
            if let Some(end) = s.trial_ends {
                return Some((end, UpcomingKind::TrialEnds));
            }
            if let Some(on) = s.cancel_at {
                return Some((on, UpcomingKind::ScheduledCancellation));
            }
            let renewal = s.term_end.succ_opt()?;
            Some((renewal, if s.auto_renew { UpcomingKind::Renewal } else { UpcomingKind::TermEnds }))
        }
        _ => None,
    }
}

/// One line of a subscription's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryItem {
    Change(SubscriptionLogEntry),
    Ledger(LedgerEntry),
}

impl HistoryItem {
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            HistoryItem::Change(c) => c.at,
            HistoryItem::Ledger(l) => l.posted_at,
        }
    }
}

/// Everything that happened to a subscription (changes and its ledger entries), newest first.
///
/// A billing cycle is listed once: by its charge when it posted one; the clock's "cycle billed" change
/// only when the cycle charged nothing (a suspended subscription's), so it is not lost either.
pub fn history(state: &State, subscription: &SubscriptionId) -> Vec<HistoryItem> {
    let entries: Vec<&LedgerEntry> = entries_of(state, subscription).collect();
    let charged = |period: &crate::billing::Period| {
        entries.iter().any(|e| e.charge_type == ChargeType::CycleCharge && e.service.as_ref() == Some(period))
    };
    let mut items: Vec<HistoryItem> = entries
        .iter()
        .map(|e| HistoryItem::Ledger((*e).clone()))
        .chain(
            state
                .subscription_log
                .iter()
                .filter(|c| &c.subscription == subscription)
                .filter(|c| !matches!(&c.change, SubscriptionChange::CycleBilled { period } if charged(period)))
                .cloned()
                .map(HistoryItem::Change),
        )
        .collect();
    // Stable sort, then reverse: within one instant the change is listed above the entries it posted.
    crate::sort::sort_by_key(&mut items, |i| i.at());
    items.reverse();
    items
}
