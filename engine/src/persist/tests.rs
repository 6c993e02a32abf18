use super::*;
use crate::billing::{Period, QuantitySegment};
use crate::catalog::Catalog;
use crate::ids::{LedgerEntryId, SubscriptionId};
use crate::ledger::{ChargeType, LedgerEntry, LedgerRef};
use crate::money::{Currency, Money};
use crate::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus};
use crate::subscriptions::{SubscriptionChange, SubscriptionLogEntry};
use crate::testkit::scale::{self, SEED};
use crate::testkit::{self, date, now};
use crate::{demo, execute, Command};
use chrono::{Duration, TimeZone};
use std::sync::Arc;

/// The state as it reads back: the catalog is built-in data, never saved.
fn as_saved(mut state: State) -> State {
    state.catalog = crate::catalog::builtin();
    state
}

fn assert_round_trip(case: &str, state: &State) {
    let text = encode(state);
    let back = decode(&text).unwrap_or_else(|e| panic!("{case}: {e}"));
    let want = as_saved(state.clone());
    // Field by field first, for a readable failure on large states.
    assert_eq!(back.ledger, want.ledger, "{case}: ledger");
    assert_eq!(back.subscription_log, want.subscription_log, "{case}: subscription log");
    assert_eq!(back.subscriptions, want.subscriptions, "{case}: subscriptions");
    assert_eq!(back, want, "{case}: whole state");
    assert_eq!(encode(&back), text, "{case}: encoding is deterministic");
}

fn a_year_of(mut state: State) -> State {
    scale::advance_year(&mut state);
    state
}

#[test]
fn the_demo_state_round_trips_before_and_after_a_year() {
    let start = demo::demo_state(now());
    assert!(!start.ledger.is_empty() && !start.reservations.is_empty(), "the demo has purchases");
    let later = a_year_of(start.clone());
    assert_round_trip("demo", &start);
    assert_round_trip("demo after a year", &later);
    assert_round_trip("demo partner only", &demo::partner_state(now()));
}

#[test]
fn generated_partners_round_trip() {
    // (customers, subscriptions each, seed, a year of history)
    let cases = [(1, 1, SEED, false), (3, 10, SEED, true), (20, 5, 7, true), (60, 10, 99, true)];
    for (customers, each, seed, year) in cases {
        let state = scale::partner(customers, each, Arc::new(Catalog::generated(500, seed)), seed);
        let state = if year { a_year_of(state) } else { state };
        assert_round_trip(&format!("{customers}×{each} seed {seed}"), &state);
    }
}

fn entry(id: &str, sub: &Subscription) -> LedgerEntry {
    LedgerEntry {
        id: LedgerEntryId(id.into()),
        posted_at: now(),
        customer: sub.customer.clone(),
        reference: LedgerRef::Subscription(sub.id.clone()),
        order: Some(sub.order.clone()),
        description: sub.name.clone(),
        charge_type: ChargeType::CycleCharge,
        quantity: sub.quantity,
        unit_price: sub.unit_price,
        amount: sub.unit_price.times(i64::from(sub.quantity)),
        service: Some(Period { start: date(2026, 11, 21), end: date(2026, 12, 20) }),
        period_start: Some(date(2026, 11, 21)),
    }
}

/// A state where every prediction of the encoding misses at least once.
pub(crate) fn unusual_state() -> State {
    let mut state = testkit::empty_state();
    let customer = testkit::add_customer(&mut state, "US", crate::customers::Segment::Commercial);
    let id = |n: u32| SubscriptionId(format!("S-{n:04}"));
    let mut plain = testkit::subscription(id(1), customer.clone(), "O-1", SubscriptionStatus::Active);
    plain.quantity = 7;
    let mut odd = testkit::subscription(id(2), customer.clone(), "O-1", SubscriptionStatus::Suspended);
    odd.name = "Renamed".into();
    odd.billing = BillingFrequency::Annual;
    odd.created_at = Utc.timestamp_opt(-1_000_000_001, 123_456_789).unwrap(); // before 1970
    odd.trial_ends = Some(date(2027, 1, 1));
    odd.base = Some(id(1));
    odd.suspended_at = Some(Utc.timestamp_opt(1_700_100_000, 5).unwrap());
    odd.cancel_at = Some(date(2027, 11, 20));
    odd.publisher = PublisherKind::Isv;
    odd.metered = true;
    odd.commercial_marketplace = true;
    odd.min_quantity = 0;
    odd.max_quantity = Some(u32::MAX);
    odd.billed_through = Some(date(2025, 2, 28));
    odd.segments = vec![
        QuantitySegment { from: date(2026, 11, 1), quantity: 0 },
        QuantitySegment { from: date(2026, 11, 9), quantity: 300 },
    ];
    odd.is_azure_plan = true;
    odd.unit_price = Money::new(-5, Currency::JPY);
    state.subscriptions.insert(plain.id.clone(), plain.clone());
    state.subscriptions.insert(odd.id.clone(), odd.clone());
    // A map key that is not the record's own ID.
    state.subscriptions.insert(id(9), plain.clone());

    let mut foreign = entry("X-1", &odd);
    foreign.customer = CustomerId("C-elsewhere".into());
    foreign.order = None;
    foreign.description = "Other text".into();
    foreign.charge_type = ChargeType::Credit;
    foreign.quantity = 0;
    foreign.unit_price = Money::new(i64::MAX, Currency::CHF);
    foreign.amount = Money::new(i64::MIN, Currency::EUR);
    foreign.service = None;
    foreign.period_start = Some(date(1999, 12, 31));
    foreign.posted_at = Utc.timestamp_opt(0, 999_999_999).unwrap();
    let mut other_order = entry("L-0001", &plain);
    other_order.order = Some(OrderId("O-other".into()));
    other_order.period_start = None;
    other_order.service = Some(Period { start: date(2026, 2, 28), end: date(2026, 2, 1) });
    let mut not_a_subscription = entry("L-0003", &plain);
    not_a_subscription.reference = LedgerRef::Reservation(crate::ids::ReservationId("R-0001".into()));
    not_a_subscription.charge_type = ChargeType::Fee;
    let mut unknown_subscription = entry("L-0004", &plain);
    unknown_subscription.reference = LedgerRef::Subscription(id(77));
    unknown_subscription.order = Some(OrderId("O-1".into()));
    state.ledger = vec![other_order, foreign, not_a_subscription, unknown_subscription, entry("L-0002", &plain)];

    let p = Period { start: date(2026, 1, 31), end: date(2026, 2, 27) };
    let changes = [
        SubscriptionChange::Purchased,
        SubscriptionChange::Suspended,
        SubscriptionChange::SuspendedWithBase { base: id(1) },
        SubscriptionChange::Reactivated,
        SubscriptionChange::QuantityChanged { from: 3, to: u32::MAX },
        SubscriptionChange::AutoRenewSet { auto_renew: false },
        SubscriptionChange::Cancelled { credited: true },
        SubscriptionChange::CancellationScheduled { on: date(2030, 5, 5) },
        SubscriptionChange::TrialConverted,
        SubscriptionChange::AddOnAdded { base: id(2) },
        SubscriptionChange::CycleBilled { period: p },
        SubscriptionChange::Renewed { term: Period { start: date(2026, 3, 1), end: date(2029, 2, 28) } },
        SubscriptionChange::TermEnded,
        SubscriptionChange::TrialExpired,
        SubscriptionChange::TrialEndedPaid,
        SubscriptionChange::Deleted,
    ];
    for (i, change) in changes.into_iter().enumerate() {
        let (subscription, customer) = match i % 3 {
            0 => (id(1), customer.clone()),
            1 => (id(2), CustomerId("C-moved".into())),
            _ => (id(55), CustomerId("C-gone".into())),
        };
        let at = now() - Duration::days(i as i64) + Duration::nanoseconds(i as i64);
        state.subscription_log.push(SubscriptionLogEntry { at, subscription, customer, change });
    }
    state
}

#[test]
fn unusual_values_and_explicit_ids_round_trip() {
    let unusual = unusual_state();
    assert!(!ledger::is_implicit(&unusual.ledger), "the IDs are not L-1, L-2…");
    assert_round_trip("every prediction missed", &unusual);

    let mut sequential = unusual_state();
    for (i, e) in sequential.ledger.iter_mut().enumerate() {
        e.id = LedgerEntryId(crate::ids::Counters::format("L", i as u64 + 1));
    }
    assert!(ledger::is_implicit(&sequential.ledger));
    assert_round_trip("implicit IDs", &sequential);

    let mut empty = testkit::empty_state();
    empty.users.clear();
    assert_round_trip("empty collections", &empty);

    // A state changed through commands after a year: suspensions, quantity changes, credits.
    let mut state = scale::partner(5, 4, Arc::new(Catalog::generated(300, SEED)), SEED);
    let admin = demo::global_admin();
    let first = state.subscriptions.keys().next().cloned().unwrap();
    let at = state.clock;
    let cmd = Command::SuspendSubscription { subscription: first.clone(), reason: None };
    execute(&mut state, &admin, cmd, at).unwrap();
    assert_round_trip("after a suspension", &a_year_of(state));
}

/// Deflate and base64 `raw` as `encode` does.
fn pack_raw(raw: &[u8]) -> String {
    BASE64.encode(miniz_oxide::deflate::compress_to_vec(raw, LEVEL))
}

/// `raw` (a layout with its checksum) changed by `change` before its checksum, which is then recomputed: damage
/// that the checksum does not hide, for the layout's own checks.
fn resummed(raw: &[u8], change: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut content = raw[..raw.len() - 4].to_vec();
    change(&mut content);
    with_checksum(content)
}

#[test]
fn damaged_text_is_an_error_never_a_panic() {
    let good = encode(&demo::demo_state(now()));
    let (raw, _) = pack(&demo::demo_state(now()));
    let mut wrong_version = bytes::Writer::default();
    wrong_version.uint(FORMAT + 1);
    let truncated_raw = pack_raw(&raw[..raw.len() / 2]);
    let truncated_resummed = pack_raw(&resummed(&raw, |c| c.truncate(c.len() / 2)));
    let trailing = resummed(&raw, |c| c.push(0));
    let cut_base64 = &good[..good.len() / 2 / 4 * 4];
    let cases: Vec<(&str, String, PersistError)> = vec![
        ("empty", String::new(), PersistError::NotDeflate),
        ("not base64", "{\"version\":1}".into(), PersistError::NotBase64),
        ("bad padding", format!("{good}="), PersistError::NotBase64),
        ("cut mid-quad", good[..good.len() - 1].to_string(), PersistError::NotBase64),
        ("a line break", format!("{good}\n"), PersistError::NotBase64),
        ("the URL-safe alphabet", "Zm-_".into(), PersistError::NotBase64),
        ("cut deflate stream", cut_base64.to_string(), PersistError::NotDeflate),
        ("base64 of text, not deflate", BASE64.encode(b"hello world, not deflate"), PersistError::NotDeflate),
        ("a newer layout", pack_raw(&wrong_version.buf), PersistError::UnknownFormat(FORMAT + 1)),
        ("layout cut in half", truncated_raw, PersistError::Invalid("the checksum does not match")),
        ("cut in half, its checksum redone", truncated_resummed, PersistError::Truncated),
        ("only a format number", pack_raw(&[2]), PersistError::Truncated),
        ("bytes after the end", pack_raw(&trailing), PersistError::Invalid("bytes after the last section")),
        ("no bytes at all", pack_raw(&[]), PersistError::Truncated),
    ];
    for (case, text, want) in cases {
        assert_eq!(decode(&text).err(), Some(want), "{case}");
    }
    // A value that inflates past the limit is refused before it is all in memory.
    let zeros = miniz_oxide::deflate::compress_to_vec(&[0; 4096], LEVEL);
    assert_eq!(inflate(&zeros, 4096).map(|v| v.len()), Ok(4096));
    assert_eq!(inflate(&zeros, 1000), Err(PersistError::Invalid("too large once inflated")));
    // Every single-byte change of the layout is refused or reads as some state: never a panic.
    for at in (0..raw.len()).step_by(raw.len() / 200 + 1) {
        let mut damaged = raw.clone();
        damaged[at] ^= 0x5a;
        let _ = decode(&pack_raw(&damaged));
    }
}

#[test]
fn a_glance_reads_the_partner_users_clock_and_customers_and_nothing_else() {
    for (case, state) in [("demo", demo::demo_state(now())), ("a year on", a_year_of(demo::demo_state(now())))] {
        let text = encode(&state);
        let glance = glance(&text).unwrap_or_else(|e| panic!("{case}: {e}"));
        // The same from the layout inflated elsewhere (the browser, in the app).
        let layout = layout_of(&text).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(glance_of_layout(&layout).as_ref(), Ok(&glance), "{case}");
        assert_eq!(glance.partner, state.partner, "{case}");
        assert_eq!(glance.users, state.users, "{case}");
        assert_eq!(glance.clock, state.clock, "{case}");
        assert_eq!(glance.customers, state.customers, "{case}");
        assert!(!glance.customers.is_empty(), "{case}: the demo has customers");
        let shown = glance.into_state();
        assert_eq!((shown.partner, shown.users, shown.customers), (state.partner, state.users, state.customers));
        assert!(shown.subscriptions.is_empty() && shown.orders.is_empty() && shown.ledger.is_empty(), "{case}");
        assert!(shown.audit.is_empty() && shown.catalog.is_empty(), "{case}: nothing but the glance");
    }
}

#[test]
fn a_glance_refuses_what_decode_refuses_up_to_the_json_part() {
    let good = encode(&demo::demo_state(now()));
    let mut wrong_version = bytes::Writer::default();
    wrong_version.uint(FORMAT + 1);
    let mut not_json = bytes::Writer::default();
    not_json.uint(FORMAT);
    not_json.str("{\"partner\":");
    let cases: Vec<(&str, String, PersistError)> = vec![
        ("not base64", "{\"version\":1}".into(), PersistError::NotBase64),
        ("cut deflate stream", good[..good.len() / 2 / 4 * 4].to_string(), PersistError::NotDeflate),
        ("a newer layout", pack_raw(&wrong_version.buf), PersistError::UnknownFormat(FORMAT + 1)),
        ("no bytes at all", pack_raw(&[]), PersistError::Truncated),
    ];
    for (case, text, want) in cases {
        assert_eq!(glance(&text).err(), Some(want.clone()), "{case}");
        assert_eq!(decode(&text).err(), Some(want), "{case}");
    }
    assert!(matches!(glance(&pack_raw(&not_json.buf)), Err(PersistError::Json(_))), "JSON cut short");
    // Damage after the JSON part is the whole read's to find: a glance is never relied on alone.
    let (raw, _) = pack(&demo::demo_state(now()));
    let raw = resummed(&raw, |c| c.push(0));
    assert!(glance(&pack_raw(&raw)).is_ok());
    assert_eq!(decode(&pack_raw(&raw)).err(), Some(PersistError::Invalid("bytes after the last section")));
}

#[test]
fn errors_read_as_sentences() {
    let cases = [
        (PersistError::NotBase64, "not base64"),
        (PersistError::UnknownFormat(7), "unknown compact format 7"),
        (PersistError::Invalid("date out of range"), "invalid data: date out of range"),
    ];
    for (error, text) in cases {
        assert_eq!(error.to_string(), text);
    }
}

#[test]
fn every_flipped_bit_of_a_saved_book_is_refused_or_reads_the_same_book() {
    // DEFLATE has no checksum: before format 2, some flips read back as another book (another amount, another
    // date). Now the layout's checksum refuses them.
    let state = a_year_of(demo::demo_state(now()));
    let deflated = BASE64.decode(encode(&state)).unwrap();
    let (mut refused, mut same) = (0, 0);
    for at in (0..deflated.len()).step_by(deflated.len() / 300 + 1) {
        for bit in [0, 3, 7] {
            let mut damaged = deflated.clone();
            damaged[at] ^= 1 << bit;
            match decode(&BASE64.encode(&damaged)) {
                Ok(read) => {
                    assert!(read == state, "byte {at} bit {bit}: read as another book");
                    same += 1;
                }
                Err(_) => refused += 1,
            }
        }
    }
    assert!(refused > same, "{refused} refused, {same} unchanged");
}

#[test]
fn a_book_saved_before_the_checksum_still_reads() {
    let state = a_year_of(demo::demo_state(now()));
    let (raw, _) = pack(&state);
    assert_eq!(raw[0] as u64, FORMAT, "format 2 is written");
    // Format 1: the same layout, format number 1, no checksum.
    let mut old = raw[..raw.len() - 4].to_vec();
    old[0] = FORMAT_UNCHECKED as u8;
    let text = pack_raw(&old);
    assert!(decode(&text).as_ref() == Ok(&state));
    assert_eq!(glance(&text).map(|g| g.customers), Ok(state.customers.clone()));
    // Format 1 with a byte after the end is still refused by the layout's own check.
    old.push(0);
    assert_eq!(decode(&pack_raw(&old)).err(), Some(PersistError::Invalid("bytes after the last section")));
}
