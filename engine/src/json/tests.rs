use super::*;
use crate::catalog::Catalog;
use crate::testkit::scale;
use crate::{demo, execute, Command, State};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Written by `serde_json` from the states below, before the app dropped serde (tests/fixtures/).
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
fn states_write_byte_for_byte_as_serde_wrote_them_and_read_back_equal() {
    let rows: [(&str, State, &str); 3] = [
        ("demo, 400 days", demo_400_days(), SERDE_DEMO),
        ("generated partner", generated_partner(), SERDE_GENERATED),
        ("every unusual value", crate::persist::tests::unusual_state(), SERDE_UNUSUAL),
    ];
    for (case, state, serde_text) in rows {
        assert_eq!(to_string(&state), serde_text, "{case}: the same text as serde_json");
        let mut read = from_str::<State>(serde_text).unwrap();
        // The catalog is not saved: a state reads back with the built-in one.
        read.catalog = state.catalog.clone();
        assert!(read == state, "{case}: serde's text reads back");
    }
}

#[test]
fn the_catalog_reads_as_serde_read_it() {
    assert_eq!(to_string(crate::catalog::builtin().offers()), SERDE_OFFERS);
    let offers: Vec<crate::catalog::Offer> = from_str(SERDE_OFFERS).unwrap();
    assert_eq!(offers.as_slice(), crate::catalog::builtin().offers());
}

#[test]
fn format_2_saved_with_serde_loads_and_saves_the_same() {
    let state = demo_400_days();
    assert_eq!(crate::persist::decode(PERSIST_DEMO).as_ref(), Ok(&state));
    assert_eq!(crate::persist::encode(&state), PERSIST_DEMO);
}

#[test]
fn documents_parse_to_values() {
    use Value::*;
    let s = |t: &str| String(t.to_string().into());
    let rows: Vec<(&str, Value)> = vec![
        ("null", Null),
        (" true ", Bool(true)),
        ("false", Bool(false)),
        ("0", Number("0")),
        ("-12.5e+3", Number("-12.5e+3")),
        ("1E2", Number("1E2")),
        (r#""plain""#, s("plain")),
        (r#""a\"b\\c\/d\n\t\r\b\f""#, s("a\"b\\c/d\n\t\r\u{8}\u{c}")),
        (r#""\u00e9\u20ac\ud83d\ude00""#, s("é€😀")),
        ("\"é😀 raw\"", s("é😀 raw")),
        (r#""x\u0041y""#, s("xAy")),
        ("[]", Array(vec![])),
        ("[1, [2], {}]", Array(vec![Number("1"), Array(vec![Number("2")]), Object(vec![])])),
        ("{\"a\" : 1,\n \"b\":[null]}", Object(vec![("a".into(), Number("1")), ("b".into(), Array(vec![Null]))])),
    ];
    for (text, want) in rows {
        assert_eq!(parse(text), Ok(want), "{text}");
    }
}

#[test]
fn malformed_documents_are_errors_with_a_place() {
    let rows = [
        ("", "unexpected end at byte 0"),
        ("nul", "unexpected character at byte 0"),
        ("01", "invalid number"),
        ("-", "invalid number"),
        ("1.", "invalid number"),
        ("1e", "invalid number"),
        ("[1,]", "unexpected character at byte 3"),
        ("[1 2]", "expected ',' or ']' at byte 3"),
        ("{\"a\" 1}", "expected ':'"),
        ("{a:1}", "expected a key"),
        ("{\"a\":1,}", "expected a key"),
        ("\"open", "unterminated string"),
        ("\"tab\there\"", "control character"),
        (r#""\x""#, "invalid escape"),
        (r#""\u12""#, "invalid \\u escape"),
        (r#""\ud83d""#, "lone surrogate"),
        (r#""\ude00""#, "lone surrogate"),
        (r#""\ud83d\u0041""#, "lone surrogate"),
        ("1 2", "trailing characters at byte 2"),
    ];
    for (text, want) in rows {
        let got = parse(text).map(|_| ()).unwrap_err().to_string();
        assert!(got.contains(want), "{text:?}: {got}");
    }
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(parse(&deep).unwrap_err().to_string().contains("nested too deeply"));
    let fine = "[".repeat(100) + &"]".repeat(100);
    assert!(parse(&fine).is_ok());
}

#[test]
fn damaged_saves_are_errors_never_panics() {
    // Every prefix of a real document (each one cut short, so an error), and characters that break JSON
    // put in place of every seventh one.
    let text = &SERDE_UNUSUAL[..2_000];
    for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        assert!(from_str::<State>(&text[..end]).is_err(), "a document cut at {end} is an error");
    }
    let mut damaged = 0;
    for (i, c) in SERDE_UNUSUAL.char_indices().step_by(7) {
        for bad in ["\"", "}", "x", "9", "\\"] {
            let mut t = SERDE_UNUSUAL.to_string();
            t.replace_range(i..i + c.len_utf8(), bad);
            if from_str::<State>(&t).is_err() {
                damaged += 1;
            }
        }
    }
    assert!(damaged > 1_000, "most replacements break the state ({damaged})");
}

#[test]
fn values_of_the_wrong_type_say_where() {
    let rows = [
        (r#"{"version":"2"}"#, "expected an integer, found a string at version"),
        (r#"{"version":1.5}"#, "1.5 is not an integer in range at version"),
        (r#"{"version":-1}"#, "-1 is not an integer in range at version"),
        (r#"{"version":4294967296}"#, "4294967296 is not an integer in range at version"),
        (r#"{}"#, "missing field \"version\""),
        (r#"[]"#, "expected an object, found an array"),
    ];
    #[derive(Debug, FromJson)]
    struct Envelope {
        #[allow(dead_code)]
        version: u32,
    }
    for (text, want) in rows {
        assert_eq!(from_str::<Envelope>(text).unwrap_err().to_string(), want, "{text}");
    }
    let bad_date = from_str::<State>(&SERDE_DEMO.replacen("\"clock\":\"2027", "\"clock\":\"27", 1));
    assert_eq!(bad_date.unwrap_err().to_string(), "\"27-12-26T09:30:00.123456789Z\" is not a date and time at clock");
    let bad_key = SERDE_DEMO.replacen("\"currency\":\"USD\"", "\"currency\":\"XXX\"", 1);
    assert!(from_str::<State>(&bad_key).unwrap_err().to_string().starts_with("unknown Currency \"XXX\" at "));
}

#[test]
fn strings_escape_as_serde_json_escapes_them() {
    let rows = [
        ("plain", r#""plain""#),
        ("quote \" and \\", r#""quote \" and \\""#),
        ("lines\n\r\t", r#""lines\n\r\t""#),
        ("\u{8}\u{c}\u{1}\u{1f}", r#""\b\f\u0001\u001f""#),
        ("é/€ 😀 \u{7f}", "\"é/€ 😀 \u{7f}\""),
    ];
    for (s, want) in rows {
        assert_eq!(to_string(s), want, "{s:?}");
        assert_eq!(from_str::<std::string::String>(want).as_deref(), Ok(s), "{s:?} reads back");
    }
}

#[test]
fn dates_and_times_in_chrono_serde_forms() {
    let t = |s: &str| from_str::<DateTime<Utc>>(&format!("\"{s}\"")).ok();
    let at = |h, m, s, nanos| Utc.with_ymd_and_hms(2026, 11, 21, h, m, s).unwrap() + Duration::nanoseconds(nanos);
    let rows = [
        ("2026-11-21T09:30:00Z", Some(at(9, 30, 0, 0))),
        ("2026-11-21t09:30:00z", Some(at(9, 30, 0, 0))),
        ("2026-11-21 09:30:00Z", Some(at(9, 30, 0, 0))),
        ("2026-11-21T09:30:00.5Z", Some(at(9, 30, 0, 500_000_000))),
        ("2026-11-21T09:30:00.123456789Z", Some(at(9, 30, 0, 123_456_789))),
        ("2026-11-21T09:30:00.1234567891Z", Some(at(9, 30, 0, 123_456_789))),
        ("2026-11-21T10:30:00+01:00", Some(at(9, 30, 0, 0))),
        ("2026-11-21T08:00:00-01:30", Some(at(9, 30, 0, 0))),
        ("2026-11-21T09:30:00", None),
        ("2026-11-21T09:30Z", None),
        ("2026-11-21T25:30:00Z", None),
        ("2026-11-21T09:30:00.Z", None),
        ("2026-11-21T09:30:00+0100", None),
        ("2026-11-21T09:30:00Zjunk", None),
        ("2026-02-30T09:30:00Z", None),
        ("", None),
    ];
    for (text, want) in rows {
        assert_eq!(t(text), want, "{text}");
    }
    let writes = [
        (at(9, 30, 0, 0), "\"2026-11-21T09:30:00Z\""),
        (at(9, 30, 0, 120_000_000), "\"2026-11-21T09:30:00.120Z\""),
        (at(9, 30, 0, 123_456_000), "\"2026-11-21T09:30:00.123456Z\""),
        (at(9, 30, 0, 5), "\"2026-11-21T09:30:00.000000005Z\""),
        (Utc.timestamp_opt(-1_000_000_001, 0).unwrap(), "\"1938-04-24T22:13:19Z\""),
    ];
    for (time, want) in writes {
        assert_eq!(to_string(&time), want);
        assert_eq!(t(want.trim_matches('"')), Some(time), "{want} reads back");
    }
    let d = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap();
    assert_eq!(to_string(&d), "\"2026-02-28\"");
    assert_eq!(from_str::<NaiveDate>("\"2026-02-28\""), Ok(d));
    assert!(from_str::<NaiveDate>("\"2026-02-29\"").is_err());
}

#[test]
fn maps_take_the_last_of_a_repeated_key_and_options_default_to_none() {
    let map: BTreeMap<std::string::String, u8> = from_str(r#"{"a":1,"b":2,"a":3}"#).unwrap();
    assert_eq!(map.into_iter().collect::<Vec<_>>(), vec![("a".into(), 3), ("b".into(), 2)]);
    #[derive(Debug, PartialEq, FromJson, ToJson)]
    struct Shapes {
        maybe: Option<u8>,
        pair: (u8, std::string::String),
        #[json(default)]
        list: Vec<u8>,
    }
    let read: Shapes = from_str(r#"{"pair":[1,"x"]}"#).unwrap();
    assert_eq!(read, Shapes { maybe: None, pair: (1, "x".into()), list: vec![] });
    assert_eq!(to_string(&read), r#"{"maybe":null,"pair":[1,"x"],"list":[]}"#);
    assert!(from_str::<Shapes>(r#"{"pair":[1]}"#).unwrap_err().to_string().contains("expected 2 items"));
}

/// Every shape the derives produce, on types of this test: serde's default JSON for each.
#[test]
fn derived_shapes_are_serdes() {
    fn seven() -> u32 {
        7
    }
    #[derive(Debug, PartialEq, ToJson, FromJson)]
    enum Shape {
        Unit,
        Newtype(u32),
        Pair(u32, std::string::String),
        Named { x: i64, maybe: Option<u8> },
    }
    #[derive(Debug, PartialEq, ToJson, FromJson)]
    #[json(rename_all = "lowercase")]
    enum Lower {
        First,
        Second(bool),
    }
    #[derive(Debug, PartialEq, ToJson, FromJson)]
    struct Wrapper(std::string::String);
    #[derive(Debug, PartialEq, ToJson, FromJson)]
    struct Unit;
    #[derive(Debug, PartialEq, ToJson, FromJson)]
    struct Fields {
        shapes: Vec<Shape>,
        lower: Vec<Lower>,
        wrapper: Wrapper,
        unit: Unit,
        #[json(default = "seven")]
        counted: u32,
        #[json(skip, default = "seven")]
        derived: u32,
    }
    #[derive(Debug, PartialEq, ToJson, FromJson)]
    #[json(default)]
    struct Defaults {
        a: u32,
        b: std::string::String,
    }
    impl Default for Defaults {
        fn default() -> Defaults {
            Defaults { a: 42, b: "b".into() }
        }
    }
    let value = Fields {
        shapes: vec![Shape::Unit, Shape::Newtype(3), Shape::Pair(4, "p".into()), Shape::Named { x: -5, maybe: None }],
        lower: vec![Lower::First, Lower::Second(true)],
        wrapper: Wrapper("w".into()),
        unit: Unit,
        counted: 9,
        derived: 7,
    };
    let text = concat!(
        r#"{"shapes":["Unit",{"Newtype":3},{"Pair":[4,"p"]},{"Named":{"x":-5,"maybe":null}}],"#,
        r#""lower":["first",{"second":true}],"wrapper":"w","unit":null,"counted":9}"#
    );
    assert_eq!(to_string(&value), text, "written as serde writes it; a skipped field is not written");
    assert_eq!(from_str::<Fields>(text), Ok(value));
    let missing = from_str::<Fields>(r#"{"shapes":[],"lower":[],"wrapper":"w","unit":null}"#).unwrap();
    assert_eq!((missing.counted, missing.derived), (7, 7), "missing and skipped fields take their default");
    assert_eq!(from_str::<Defaults>(r#"{"b":"x"}"#), Ok(Defaults { a: 42, b: "x".into() }));
    let refused = [
        (r#""Newtype""#, "unknown Shape \"Newtype\""),
        (r#"{"Unit":1,"Newtype":2}"#, "expected a variant name or an object with one key, found an object"),
        (r#""Other""#, "unknown Shape \"Other\""),
        (r#"{"Pair":[4]}"#, "expected 2 items, found 1"),
        (r#"{"Named":{"maybe":1}}"#, "missing field \"x\""),
    ];
    for (text, want) in refused {
        assert_eq!(from_str::<Shape>(text).unwrap_err().to_string(), want, "{text}");
    }
    assert!(from_str::<Unit>("0").is_err(), "a unit struct is null");
}
