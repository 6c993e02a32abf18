//! Text written by earlier builds (tests/fixtures/) still reads, and writes back byte for byte: the JSON
//! shapes of the state and the catalog are serde's defaults, unchanged since the first serde build (the
//! own codec that came between wrote the same shapes).

use crate::catalog::Catalog;
use crate::testkit::scale;
use crate::{demo, execute, Command, State};
use chrono::{Duration, TimeZone, Utc};
use std::sync::Arc;

/// Written by `serde_json` from the states below, before the app first dropped serde.
const SERDE_DEMO: &str = include_str!("../../tests/fixtures/serde-demo-400-days.json");
const SERDE_GENERATED: &str = include_str!("../../tests/fixtures/serde-generated-partner.json");
const SERDE_UNUSUAL: &str = include_str!("../../tests/fixtures/serde-unusual.json");
const SERDE_OFFERS: &str = include_str!("../../tests/fixtures/serde-catalog-offers.json");
/// `persist::encode` of the demo state below, when its JSON part was written by serde.
const PERSIST_DEMO: &str = include_str!("../../tests/fixtures/persist-v2-demo-400-days.txt");

/// The demo 400 days on, its clock with nanoseconds (reservations, software, ledger, log).
fn demo_400_days() -> State {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap() + Duration::nanoseconds(123_456_789);
    let mut state = demo::demo_state(now);
    execute(&mut state, &demo::global_admin(), Command::AdvanceClock { to: now + Duration::days(400) }, now).unwrap();
    state
}

/// A small generated partner 200 days on.
fn generated_partner() -> State {
    let mut state = scale::partner(6, 4, Arc::new(Catalog::generated(60, scale::SEED)), 5);
    let (from, to) = (state.clock, state.clock + Duration::days(200));
    execute(&mut state, &demo::global_admin(), Command::AdvanceClock { to }, from).unwrap();
    state
}

#[test]
fn states_write_byte_for_byte_as_before_and_read_back_equal() {
    let rows: [(&str, State, &str); 3] = [
        ("demo, 400 days", demo_400_days(), SERDE_DEMO),
        ("generated partner", generated_partner(), SERDE_GENERATED),
        ("every unusual value", super::tests::unusual_state(), SERDE_UNUSUAL),
    ];
    for (case, state, saved) in rows {
        assert_eq!(serde_json::to_string(&state).unwrap(), saved, "{case}: the same text as before");
        let mut read = serde_json::from_str::<State>(saved).unwrap();
        // The catalog is not saved: a state reads back with the built-in one.
        read.catalog = state.catalog.clone();
        assert!(read == state, "{case}: the saved text reads back");
    }
}

#[test]
fn the_catalog_reads_and_writes_as_before() {
    assert_eq!(serde_json::to_string(crate::catalog::builtin().offers()).unwrap(), SERDE_OFFERS);
    let offers: Vec<crate::catalog::Offer> = serde_json::from_str(SERDE_OFFERS).unwrap();
    assert_eq!(offers.as_slice(), crate::catalog::builtin().offers());
}

#[test]
fn format_2_saved_before_loads_and_saves_with_its_checksum() {
    // Saved before the layout's checksum (its format 1): it reads as it did, and saves again with one.
    let state = demo_400_days();
    assert_eq!(super::decode(PERSIST_DEMO).as_ref(), Ok(&state));
    let again = super::encode(&state);
    assert_ne!(again, PERSIST_DEMO);
    assert_eq!(super::decode(&again).as_ref(), Ok(&state));
}

#[test]
fn damaged_saves_are_errors_never_panics() {
    // Every prefix of a real document (each one cut short, so an error), and characters that break JSON
    // put in place of every seventh one.
    let text = &SERDE_UNUSUAL[..2_000];
    for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        assert!(serde_json::from_str::<State>(&text[..end]).is_err(), "a document cut at {end} is an error");
    }
    let mut damaged = 0;
    for (i, c) in SERDE_UNUSUAL.char_indices().step_by(7) {
        for bad in ["\"", "}", "x", "9", "\\"] {
            let mut t = SERDE_UNUSUAL.to_string();
            t.replace_range(i..i + c.len_utf8(), bad);
            if serde_json::from_str::<State>(&t).is_err() {
                damaged += 1;
            }
        }
    }
    assert!(damaged > 1_000, "most replacements break the state ({damaged})");
}

#[test]
fn impossible_values_are_refused() {
    let error = |text: &str| serde_json::from_str::<State>(text).err().map(|e| e.to_string()).unwrap_or_default();
    let bad_time = error(&SERDE_DEMO.replacen("\"clock\":\"2027-12", "\"clock\":\"2027-13", 1));
    assert!(bad_time.contains("input is out of range"), "a 13th month: {bad_time}");
    let bad_currency = error(&SERDE_DEMO.replacen("\"currency\":\"USD\"", "\"currency\":\"XXX\"", 1));
    assert!(bad_currency.starts_with("unknown variant `XXX`, expected one of `USD`"), "{bad_currency}");
    let bad_key = serde_json::from_str::<Vec<crate::catalog::Offer>>(&SERDE_OFFERS.replacen("\"USD\":", "\"XXX\":", 1));
    let bad_key = bad_key.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(bad_key.starts_with("unknown variant `XXX`"), "a currency map key is checked: {bad_key}");
}
