//! The ledger and invoices (RULES §7). Every financial effect is one immutable [`LedgerEntry`],
//! appended through [`crate::Event::LedgerPosted`]; invoices are a read-side grouping of the ledger by
//! calendar month and currency, so their totals are the sums of their entries by construction.

use crate::billing::Period;
use crate::ids::{CustomerId, LedgerEntryId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId};
use crate::money::{Currency, Money};
use crate::state::State;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of financial effect an entry records.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ChargeType {
    /// First charge of a purchase (including an add-on's prorated first charge).
    Purchase,
    /// A monthly cycle charged in advance on its anniversary day.
    CycleCharge,
    /// A prorated charge (quantity change, reactivation re-bill, trial conversion part-period).
    Proration,
    /// The first charge of a renewed term.
    Renewal,
    /// A credit (negative): suspension, quantity change, cancellation inside the window (ISV SaaS,
    /// software), the value of reservations returned in an exchange.
    Credit,
    /// Money returned for a cancelled purchase: a reservation refund (before its early termination fee).
    Refund,
    /// An early termination or other fee.
    Fee,
}

/// What an entry is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LedgerRef {
    Subscription(SubscriptionId),
    Order(OrderId),
    Software(SoftwarePurchaseId),
    Reservation(ReservationId),
}

/// One immutable financial effect. Amounts are positive for charges and negative for credits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub id: LedgerEntryId,
    pub posted_at: DateTime<Utc>,
    pub customer: CustomerId,
    pub reference: LedgerRef,
    /// The order the referenced record came from, when there is one.
    pub order: Option<OrderId>,
    /// The product's name (language-neutral data; the UI adds the localised wording of `charge_type`).
    pub description: String,
    pub charge_type: ChargeType,
    pub quantity: u32,
    /// Price of one unit for one billing period.
    pub unit_price: Money,
    pub amount: Money,
    /// The days of service the entry covers, when it is a period charge or credit.
    pub service: Option<Period>,
    /// Start of the billing period the entry belongs to: lets a later change of the same period find what
    /// the period has been charged.
    pub period_start: Option<NaiveDate>,
}

/// One month's invoice in one currency, as listed on the Billing page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceSummary {
    pub year: i32,
    pub month: u32,
    pub currency: Currency,
    pub entries: usize,
    pub total: Money,
}

/// A calendar month's invoice: its entries (oldest first) and one total per currency, each equal to
/// the sum of that currency's entries to the minor unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invoice {
    pub year: i32,
    pub month: u32,
    pub entries: Vec<LedgerEntry>,
    pub totals: Vec<Money>,
}

/// Apply a posting. Entries are immutable: a second posting with the same ID changes nothing.
///
/// Every entry of the ledger went through here, so the counter is at least its number: an entry numbered
/// past the counter is new and needs no search. Only a replay pays the scan, which keeps a simulated year
/// (hundreds of thousands of postings) linear instead of quadratic in the ledger's length.
pub(crate) fn post(state: &mut State, entry: &LedgerEntry) {
    let before = state.counters.ledger;
    crate::ids::Counters::observe(&mut state.counters.ledger, entry.id.as_str());
    let fresh = state.counters.ledger > before;
    if fresh || !state.ledger.iter().any(|e| e.id == entry.id) {
        state.ledger.push(entry.clone());
    }
}

/// Hands out ledger IDs `L-nnnn` after the state's counter, for one decision.
#[derive(Clone, Debug)]
pub struct LedgerIds {
    next: u64,
}

impl LedgerIds {
    pub fn new(state: &State) -> LedgerIds {
        LedgerIds { next: state.counters.ledger }
    }

    /// IDs after both the state's counter and every entry already among `events` (a decision that adds
    /// to another area's events, e.g. the clock's due events of several areas).
    pub fn after(state: &State, events: &[crate::Event]) -> LedgerIds {
        let mut next = state.counters.ledger;
        for e in events {
            if let crate::Event::LedgerPosted(entry) = e {
                crate::ids::Counters::observe(&mut next, entry.id.as_str());
            }
        }
        LedgerIds { next }
    }

    pub fn next_id(&mut self) -> LedgerEntryId {
        self.next += 1;
        LedgerEntryId(crate::ids::Counters::format("L", self.next))
    }
}

/// Every month (newest first) and currency that has entries, with its total.
pub fn invoices(state: &State) -> Vec<InvoiceSummary> {
    let mut groups: BTreeMap<(i32, u32, Currency), (usize, i64)> = BTreeMap::new();
    for e in &state.ledger {
        let key = (e.posted_at.year(), e.posted_at.month(), e.amount.currency);
        let g = groups.entry(key).or_default();
        g.0 += 1;
        g.1 = g.1.saturating_add(e.amount.minor);
    }
    type Group = ((i32, u32, Currency), (usize, i64));
    let mut list: Vec<Group> = groups.into_iter().collect();
    // Newest month first; within a month, currencies in their fixed order.
    crate::sort::sort_by(&mut list, |(a, _), (b, _)| (b.0, b.1).cmp(&(a.0, a.1)).then(a.2.cmp(&b.2)));
    list.into_iter()
        .map(|((year, month, currency), (entries, total))| InvoiceSummary {
            year,
            month,
            currency,
            entries,
            total: Money::new(total, currency),
        })
        .collect()
}

/// The invoice of one calendar month: every entry posted in it (credits included), and the totals.
pub fn invoice(state: &State, year: i32, month: u32) -> Invoice {
    let entries: Vec<LedgerEntry> =
        state.ledger.iter().filter(|e| e.posted_at.year() == year && e.posted_at.month() == month).cloned().collect();
    let totals = totals_by_currency(entries.iter());
    Invoice { year, month, entries, totals }
}

/// What a customer has been billed, net of credits, per currency (the customer page's spend).
pub fn customer_spend(state: &State, customer: &CustomerId) -> Vec<Money> {
    totals_by_currency(state.ledger.iter().filter(|e| &e.customer == customer))
}

/// One currency's months, oldest first: ((year, month), net amount).
pub type MonthlySeries = Vec<((i32, u32), Money)>;

/// What was billed (net of credits) in each of the `months` calendar months ending with `end` (year, month),
/// oldest first, for one customer or the whole partner: one series per currency that has entries then.
/// Months with no entry are 0 (the charts draw every month).
pub fn monthly_totals(
    state: &State,
    customer: Option<&CustomerId>,
    end: (i32, u32),
    months: u32,
) -> Vec<(Currency, MonthlySeries)> {
    let index = |y: i32, m: u32| y as i64 * 12 + m as i64 - 1;
    let last = index(end.0, end.1);
    let first = last - months as i64 + 1;
    let mut sums: BTreeMap<Currency, Vec<i64>> = BTreeMap::new();
    for e in state.ledger.iter().filter(|e| customer.is_none_or(|c| &e.customer == c)) {
        let i = index(e.posted_at.year(), e.posted_at.month());
        if (first..=last).contains(&i) {
            let row = sums.entry(e.amount.currency).or_insert_with(|| vec![0; months as usize]);
            row[(i - first) as usize] = row[(i - first) as usize].saturating_add(e.amount.minor);
        }
    }
    sums.into_iter()
        .map(|(currency, row)| {
            let series = row
                .into_iter()
                .enumerate()
                .map(|(k, minor)| {
                    let i = first + k as i64;
                    (((i.div_euclid(12)) as i32, (i.rem_euclid(12) + 1) as u32), Money::new(minor, currency))
                })
                .collect();
            (currency, series)
        })
        .collect()
}

/// Every entry of one subscription, oldest first.
pub fn entries_of<'a>(
    state: &'a State,
    subscription: &'a SubscriptionId,
) -> impl Iterator<Item = &'a LedgerEntry> + 'a {
    state.ledger.iter().filter(move |e| matches!(&e.reference, LedgerRef::Subscription(s) if s == subscription))
}

fn totals_by_currency<'a>(entries: impl Iterator<Item = &'a LedgerEntry>) -> Vec<Money> {
    let mut sums: BTreeMap<Currency, i64> = BTreeMap::new();
    for e in entries {
        let s = sums.entry(e.amount.currency).or_default();
        *s = s.saturating_add(e.amount.minor);
    }
    sums.into_iter().map(|(c, m)| Money::new(m, c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_totals_cover_every_month_of_the_window_per_currency() {
        let mut state = demo_state(Utc.with_ymd_and_hms(2018, 1, 1, 0, 0, 0).unwrap());
        let usd = |m| Money::new(m, Currency::USD);
        state.ledger = vec![
            entry(1, 2025, 12, 5, "C-1", usd(10_000)), // the first month of the window
            entry(2, 2026, 3, 1, "C-1", usd(5_000)),
            entry(3, 2026, 3, 20, "C-1", usd(-1_000)),
            entry(4, 2026, 3, 20, "C-2", usd(7_000)),
            entry(5, 2025, 11, 30, "C-1", usd(99_999)), // before the window
            entry(6, 2026, 11, 2, "C-2", Money::new(300, Currency::EUR)),
        ];
        let all = monthly_totals(&state, None, (2026, 11), 12);
        assert_eq!(all.len(), 2, "one series per currency");
        let (currency, series) = &all[0];
        assert_eq!(*currency, Currency::USD);
        assert_eq!(series.len(), 12);
        assert_eq!(series[0], ((2025, 12), usd(10_000)));
        assert_eq!(series[3], ((2026, 3), usd(11_000)));
        assert_eq!(series[11], ((2026, 11), usd(0)));
        let c1 = monthly_totals(&state, Some(&CustomerId("C-1".into())), (2026, 11), 12);
        assert_eq!(c1.len(), 1);
        assert_eq!(c1[0].1[3].1, usd(4_000), "net of credits");
    }
    use crate::demo::partner_state as demo_state;
    use chrono::TimeZone;

    fn entry(seq: u64, y: i32, m: u32, d: u32, customer: &str, amount: Money) -> LedgerEntry {
        LedgerEntry {
            id: LedgerEntryId(crate::ids::Counters::format("L", seq)),
            posted_at: Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap(),
            customer: CustomerId(customer.into()),
            reference: LedgerRef::Subscription(SubscriptionId("S-0001".into())),
            order: None,
            description: "Office 365 E3".into(),
            charge_type: if amount.minor < 0 { ChargeType::Credit } else { ChargeType::CycleCharge },
            quantity: 1,
            unit_price: amount.abs(),
            amount,
            service: None,
            period_start: None,
        }
    }

    #[test]
    fn posting_is_idempotent_by_id_and_keeps_the_counter() {
        let usd = Money::new(100, Currency::USD);
        // (case, counter before, IDs posted in order, IDs kept in order, counter after)
        type Row<'a> = (&'a str, u64, &'a [u64], &'a [u64], u64);
        let rows: [Row; 5] = [
            ("new entries in order", 0, &[1, 2, 3], &[1, 2, 3], 3),
            ("a replay of the last entry", 0, &[1, 2, 2], &[1, 2], 2),
            ("a replay of an older entry", 0, &[1, 2, 3, 1], &[1, 2, 3], 3),
            ("below a counter raised elsewhere, not yet posted", 5, &[6, 3], &[6, 3], 6),
            ("below the counter and already posted", 0, &[4, 2, 4, 2], &[4, 2], 4),
        ];
        for (case, counter, posted, kept, after) in rows {
            let mut state = demo_state(Utc.with_ymd_and_hms(2018, 1, 1, 0, 0, 0).unwrap());
            state.counters.ledger = counter;
            for seq in posted {
                post(&mut state, &entry(*seq, 2018, 1, 2, "C-1", usd));
            }
            let ids: Vec<String> = state.ledger.iter().map(|e| e.id.as_str().to_string()).collect();
            let want: Vec<String> = kept.iter().map(|s| crate::ids::Counters::format("L", *s)).collect();
            assert_eq!(ids, want, "{case}: entries kept");
            assert_eq!(state.counters.ledger, after, "{case}: counter");
        }
    }

    #[test]
    fn invoices_group_by_month_and_currency_and_total_their_entries() {
        let mut state = demo_state(Utc.with_ymd_and_hms(2018, 1, 1, 0, 0, 0).unwrap());
        let usd = |m| Money::new(m, Currency::USD);
        let entries = [
            entry(1, 2018, 1, 13, "C-1", usd(4800)),
            entry(2, 2018, 2, 1, "C-1", usd(-4800)),
            entry(3, 2018, 2, 1, "C-1", usd(247)),
            entry(4, 2018, 2, 1, "C-1", usd(8996)),
            entry(5, 2018, 2, 28, "C-2", Money::new(1200, Currency::JPY)),
            entry(6, 2018, 3, 1, "C-1", usd(-4134)),
        ];
        for e in &entries {
            post(&mut state, e);
        }
        post(&mut state, &entries[0]);
        assert_eq!(state.ledger.len(), 6, "a re-posted entry is not duplicated");
        assert_eq!(state.counters.ledger, 6);
        let list = invoices(&state);
        let got: Vec<(i32, u32, Currency, usize, i64)> =
            list.iter().map(|i| (i.year, i.month, i.currency, i.entries, i.total.minor)).collect();
        assert_eq!(
            got,
            vec![
                (2018, 3, Currency::USD, 1, -4134),
                (2018, 2, Currency::USD, 3, 4443),
                (2018, 2, Currency::JPY, 1, 1200),
                (2018, 1, Currency::USD, 1, 4800),
            ]
        );
        // (case, year, month, entries, totals)
        let rows: &[(&str, i32, u32, usize, &[Money])] = &[
            ("credit on the month it is posted", 2018, 2, 4, &[usd(4443), Money::new(1200, Currency::JPY)]),
            ("a credit-only month", 2018, 3, 1, &[usd(-4134)]),
            ("empty month", 2018, 4, 0, &[]),
        ];
        for (case, y, m, n, totals) in rows {
            let inv = invoice(&state, *y, *m);
            assert_eq!(inv.entries.len(), *n, "{case}");
            assert_eq!(inv.totals, totals.to_vec(), "{case}");
            for t in &inv.totals {
                let sum: i64 =
                    inv.entries.iter().filter(|e| e.amount.currency == t.currency).map(|e| e.amount.minor).sum();
                assert_eq!(sum, t.minor, "{case}: total is the sum of entries");
            }
        }
        assert_eq!(customer_spend(&state, &CustomerId("C-1".into())), vec![usd(5109)]);
        assert_eq!(customer_spend(&state, &CustomerId("C-9".into())), vec![]);
        let mut ids = LedgerIds::new(&state);
        assert_eq!(ids.next_id().as_str(), "L-0007");
        assert_eq!(ids.next_id().as_str(), "L-0008");
    }
}
