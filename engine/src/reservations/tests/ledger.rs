//! What reservations post to the ledger (RULES §6, §7) and what the clock does to them (§8): refunds and
//! their fees, exchanges, monthly payments, the charge at purchase, end of term.
// Case tables are slices of tuples, one row per case, by design.
#![allow(clippy::type_complexity)]

use super::super::charges::{opening_charge, payments_due};
use super::super::fixtures::*;
use crate::ids::{OfferId, ReservationId, SubscriptionId};
use crate::ledger::{invoice, ChargeType, LedgerEntry, LedgerRef};
use crate::money::Money;
use crate::records::{Reservation, ReservationBilling, ReservationStatus, Term};
use crate::subscriptions::DueSummary;
use crate::{clock, execute, Command, Event, State};
use chrono::{DateTime, Datelike, TimeZone, Utc};

fn entries_of<'a>(state: &'a State, r: &ReservationId) -> Vec<&'a LedgerEntry> {
    state.ledger.iter().filter(|e| e.reference == LedgerRef::Reservation(r.clone())).collect()
}

fn kinds(entries: &[&LedgerEntry]) -> Vec<(ChargeType, i64)> {
    entries.iter().map(|e| (e.charge_type, e.amount.minor)).collect()
}

/// The invoice of `at`'s month: its totals, after checking they are the sums of its entries.
fn invoice_total(state: &State, at: DateTime<Utc>) -> Vec<Money> {
    let inv = invoice(state, at.year(), at.month());
    for t in &inv.totals {
        let sum: i64 = inv.entries.iter().filter(|e| e.amount.currency == t.currency).map(|e| e.amount.minor).sum();
        assert_eq!(sum, t.minor, "an invoice totals its entries");
    }
    inv.totals
}

fn midnight(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

fn advance(state: &mut State, to: DateTime<Utc>) -> Vec<Event> {
    execute(state, &admin(), Command::AdvanceClock { to }, state.clock).unwrap()
}

#[test]
fn a_refund_posts_the_amount_returned_and_the_fee_separately() {
    // (case, filed at, entries (charge type, amount), invoice total = −net credit)
    // RSV-0001: up front 3 650.00 USD for a year from 2026-01-01 10:00 (see the quote table).
    let cases: &[(&str, DateTime<Utc>, &[(ChargeType, i64)], i64)] = &[
        ("day 0 without usage: 100 %, no fee", at(2026, 1, 1), &[(ChargeType::Refund, -365_000)], -365_000),
        (
            "day 6: prorated 3 590.00 less the 12 % fee",
            at(2026, 1, 7),
            &[(ChargeType::Refund, -359_000), (ChargeType::Fee, 43_080)],
            -315_920,
        ),
        (
            "day 30: prorated 3 350.00 less 402.00",
            at(2026, 1, 31),
            &[(ChargeType::Refund, -335_000), (ChargeType::Fee, 40_200)],
            -294_800,
        ),
    ];
    for (case, when, want, net) in cases {
        let mut state = state_with(vec![upfront(365_000)]);
        let events = execute(&mut state, &admin(), refund(&[1]), *when).unwrap();
        let got = entries_of(&state, &id(1));
        assert_eq!(kinds(&got), want.to_vec(), "{case}");
        assert!(
            got.iter().all(|e| e.customer == customer() && e.posted_at == *when && e.order.is_some()),
            "{case}: the customer's entries, posted when filed"
        );
        let credit = events.iter().find_map(|e| match e {
            Event::ReservationRefunded { refund, .. } => Some(refund.credit),
            _ => None,
        });
        assert_eq!(credit, Some(usd(-net)), "{case}: the entries net to the event's credit");
        assert_eq!(invoice_total(&state, *when), vec![usd(*net)], "{case}");
        assert!(matches!(events.last(), Some(Event::Audited(_))), "{case}: log entry last");
    }
}

#[test]
fn a_refund_of_several_reservations_numbers_its_entries_in_turn() {
    let r2 = reservation(2, at(2026, 1, 1), Term::ThreeYears, ReservationBilling::Monthly, usd(3_600_000));
    let mut state = state_with(vec![upfront(365_000), r2]);
    execute(&mut state, &admin(), refund(&[1, 2]), at(2026, 1, 3)).unwrap();
    let ids: Vec<&str> = state.ledger.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, vec!["L-0001", "L-0002"]);
    // Day 2, no usage: 100 % of what was paid (the up-front total; the first monthly payment).
    assert_eq!(invoice_total(&state, at(2026, 1, 3)), vec![usd(-365_000 - 100_000)]);
}

#[test]
fn an_exchange_posts_each_returned_credit_and_the_new_charge() {
    // On 2026-07-01 RSV-0001 returns 1 830.00 and RSV-0002 80.64 (its future 416.65 was never charged);
    // the new 3-year monthly reservation of 3 000.00 pays its first 83.34 (36 payments, 12 with a cent more).
    let mut state = state_with(vec![
        upfront(365_000),
        reservation(2, at(2026, 1, 1), Term::OneYear, ReservationBilling::Monthly, usd(100_000)),
    ]);
    let when = at(2026, 7, 1);
    execute(&mut state, &admin(), exchange(&[1, 2], new_vm(usd(300_000))), when).unwrap();
    let new = ReservationId("RSV-0003".into());
    let rows: &[(&str, &ReservationId, &[(ChargeType, i64)])] = &[
        ("up front returned", &id(1), &[(ChargeType::Credit, -184_000)]),
        ("monthly returned", &id(2), &[(ChargeType::Credit, -8_333)]),
        ("new reservation", &new, &[(ChargeType::Purchase, 8_334)]),
    ];
    for (case, r, want) in rows {
        assert_eq!(kinds(&entries_of(&state, r)), want.to_vec(), "{case}");
    }
    assert_eq!(state.reservations[&new].payments_billed, 1, "the first payment is billed");
    assert_eq!(invoice_total(&state, when), vec![usd(-184_000 - 8_333 + 8_334)]);
    assert_eq!(state.counters.ledger, 3);
}

/// A reservation bought on 2026-01-01 10:00 whose charge at purchase is already posted (`billed` 1), or
/// not (`billed` 0).
fn bought(billing: ReservationBilling, term: Term, total: i64, billed: u32) -> Reservation {
    Reservation { payments_billed: billed, ..reservation(1, at(2026, 1, 1), term, billing, usd(total)) }
}

#[test]
fn the_clock_charges_monthly_payments_and_ends_the_term() {
    use ReservationBilling::{Monthly, Upfront};
    use ReservationStatus::{Active, Expired};
    // (case, reservation, clock moved to, (charge type, amount) posted, payments billed, status)
    type Row = (&'static str, Reservation, DateTime<Utc>, Vec<(ChargeType, i64)>, u32, ReservationStatus);
    let cycle = |n: usize| vec![(ChargeType::CycleCharge, 10_000); n];
    let rows: Vec<Row> = vec![
        (
            "monthly, the day before the anniversary",
            bought(Monthly, Term::OneYear, 120_000, 1),
            at(2026, 1, 31),
            cycle(0),
            1,
            Active,
        ),
        (
            "monthly, on the anniversary",
            bought(Monthly, Term::OneYear, 120_000, 1),
            midnight(2026, 2, 1),
            cycle(1),
            2,
            Active,
        ),
        ("monthly, months later", bought(Monthly, Term::OneYear, 120_000, 1), at(2026, 6, 15), cycle(5), 6, Active),
        (
            "monthly, last covered day",
            bought(Monthly, Term::OneYear, 120_000, 1),
            at(2026, 12, 31),
            cycle(11),
            12,
            Active,
        ),
        (
            "monthly, the day after the term",
            bought(Monthly, Term::OneYear, 120_000, 1),
            midnight(2027, 1, 1),
            cycle(11),
            12,
            Expired,
        ),
        (
            "monthly, charge at purchase missing: caught up",
            bought(Monthly, Term::OneYear, 120_000, 0),
            midnight(2026, 3, 1),
            [vec![(ChargeType::Purchase, 10_000)], cycle(2)].concat(),
            3,
            Active,
        ),
        (
            "up front, charged at purchase",
            bought(Upfront, Term::OneYear, 365_000, 1),
            at(2026, 12, 31),
            vec![],
            1,
            Active,
        ),
        ("up front, expires", bought(Upfront, Term::OneYear, 365_000, 1), midnight(2027, 1, 1), vec![], 1, Expired),
        (
            "up front, charge at purchase missing: caught up",
            bought(Upfront, Term::OneYear, 365_000, 0),
            midnight(2026, 1, 2),
            vec![(ChargeType::Purchase, 365_000)],
            1,
            Active,
        ),
        (
            "cancelled: nothing more billed, not expired",
            Reservation { status: ReservationStatus::Cancelled, ..bought(Monthly, Term::OneYear, 120_000, 1) },
            midnight(2027, 2, 1),
            vec![],
            1,
            ReservationStatus::Cancelled,
        ),
    ];
    for (case, r, to, want, billed, status) in rows {
        let mut state = state_with(vec![r]);
        let before = state.reservations[&id(1)].clone();
        let summary = DueSummary::of(&advance(&mut state, to));
        let ended = state.reservations[&id(1)].status != before.status;
        assert_eq!(
            (summary.reservations_billed, summary.reservations_expired),
            (want.len(), usize::from(ended)),
            "{case}: the clock's summary"
        );
        let got = entries_of(&state, &id(1));
        assert_eq!(kinds(&got), want, "{case}");
        let rec = &state.reservations[&id(1)];
        assert_eq!((rec.payments_billed, rec.status), (billed, status), "{case}");
        assert!(clock::due_at(&state, to).is_empty(), "{case}: nothing left due at the same moment");
        let again = state.clone();
        advance(&mut state, to);
        assert_eq!(state.ledger, again.ledger, "{case}: running the same moment twice changes nothing");
        assert_eq!(state.reservations, again.reservations, "{case}");
    }
}

#[test]
fn monthly_payments_add_up_to_the_commitment() {
    // 1 000.01 over 36 months: 27.78 for the first 29 payments (one cent more each), 27.77 for the last 7.
    let mut state = state_with(vec![bought(ReservationBilling::Monthly, Term::ThreeYears, 100_001, 0)]);
    advance(&mut state, midnight(2029, 1, 2));
    let entries = entries_of(&state, &id(1));
    assert_eq!(entries.len(), 36);
    assert_eq!(entries.iter().map(|e| e.amount.minor).sum::<i64>(), 100_001);
    assert_eq!(state.reservations[&id(1)].status, ReservationStatus::Expired);
    // Each payment is posted in the month it falls due: one per invoice.
    let r = &state.reservations[&id(1)];
    for k in [0u32, 1, 24, 35] {
        let (amount, period) = super::super::payment(r, k);
        let on = period.start.and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert_eq!(invoice_total(&state, on), vec![amount], "payment {k}");
    }
}

#[test]
fn checkout_charges_at_purchase_with_opening_charge() {
    let state = state_with(vec![]);
    let cases: &[(&str, ReservationBilling, i64, i64)] = &[
        ("up front: the whole commitment", ReservationBilling::Upfront, 365_000, 365_000),
        ("monthly: the first payment", ReservationBilling::Monthly, 120_000, 10_000),
    ];
    for (case, billing, total, charged) in cases {
        let r = bought(*billing, Term::OneYear, *total, 0);
        let (r, events) = opening_charge(&state, r, at(2026, 1, 1));
        assert_eq!(r.payments_billed, 1, "{case}");
        let amounts: Vec<(ChargeType, i64)> = events
            .iter()
            .filter_map(|e| match e {
                Event::LedgerPosted(e) => Some((e.charge_type, e.amount.minor)),
                _ => None,
            })
            .collect();
        assert_eq!(amounts, vec![(ChargeType::Purchase, *charged)], "{case}");
        assert_eq!(payments_due(&r, at(2026, 1, 1).date_naive()), 1, "{case}: nothing else due that day");
        let (_, again) = opening_charge(&state, r, at(2026, 1, 1));
        assert!(again.is_empty(), "{case}: charged once");
    }
}

#[test]
fn subscriptions_and_reservations_due_the_same_day_get_distinct_ledger_ids() {
    let mut state = state_with(vec![bought(ReservationBilling::Monthly, Term::OneYear, 120_000, 1)]);
    // A paid monthly subscription of the same customer, billed by the clock from its term start.
    let paid = SubscriptionId("M365-1".into());
    if let Some(s) = state.subscriptions.get_mut(&paid) {
        s.unit_price = usd(1_000);
        s.offer = OfferId("m365-e3".into());
    }
    advance(&mut state, midnight(2026, 2, 1));
    let mut ids: Vec<&str> = state.ledger.iter().map(|e| e.id.as_str()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "no ledger ID used twice");
    assert_eq!(state.counters.ledger, n as u64);
    let on_feb_1: Vec<&LedgerRef> =
        state.ledger.iter().filter(|e| e.posted_at == midnight(2026, 2, 1)).map(|e| &e.reference).collect();
    assert!(on_feb_1.contains(&&LedgerRef::Subscription(paid.clone())), "the subscription's cycle");
    assert!(on_feb_1.contains(&&LedgerRef::Reservation(id(1))), "the reservation's payment");
}
