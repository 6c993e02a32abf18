//! The saved formats of the snapshot (`K`) and of the session (`K.session`), every one ever written.
//!
//! * **3** (written): `{"version":3,"epoch":"…","folded":{"<tab>":n,…},"state":"<csp_engine::persist text>"}`.
//!   `epoch` names the line of history the journals continue (a restore starts a new one); `folded`
//!   says, for each tab, up to which of its journal entries the state already holds. The session is
//!   in its own key.
//! * **2** (read): `{"version":2,"session":{…},"state":"<csp_engine::persist text>"}`.
//! * **1** (read): `{"version":1,"state":{…},"session":{…}}`, the state as plain JSON.
//!
//! The parts of an envelope are read independently: a session that cannot be read never discards the
//! state, and the reverse. One serde_json deserializer (from a `&str`) reads everything, the parts
//! through `RawValue`, so the download carries one copy of the derived visitors.

use super::Unreadable;
use crate::session::Session;
use csp_engine::persist::Glance;
use csp_engine::State;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The snapshot format this build writes. Bump it, and keep reading the older ones in
/// [`decode_snapshot`], whenever a change would not read back with `#[serde(default)]` alone.
pub const CURRENT_VERSION: u64 = 3;

/// A snapshot as read, whatever its format.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub state: State,
    /// Formats 1 and 2 have no epoch and no journal: the reader starts one.
    pub epoch: Option<String>,
    pub folded: BTreeMap<String, u64>,
    /// Formats 1 and 2 carry the session inside; read on its own, so its damage is its own.
    pub session: Option<Result<Session, Unreadable>>,
}

#[derive(Serialize)]
struct SnapshotOut<'a> {
    version: u64,
    epoch: &'a str,
    folded: &'a BTreeMap<String, u64>,
    state: &'a str,
}

#[derive(Deserialize)]
struct Head {
    version: Option<u64>,
}

#[derive(Deserialize)]
struct Parts<'a> {
    #[serde(borrow)]
    state: Option<&'a RawValue>,
    #[serde(borrow)]
    session: Option<&'a RawValue>,
    #[serde(default)]
    epoch: Option<String>,
    #[serde(default)]
    folded: BTreeMap<String, u64>,
}

/// Just what a tab needs to know whether a snapshot moved on (read without decoding the state).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SnapshotHead {
    pub version: u64,
    #[serde(default)]
    pub epoch: Option<String>,
    #[serde(default)]
    pub folded: BTreeMap<String, u64>,
}

pub fn encode_snapshot(state: &State, epoch: &str, folded: &BTreeMap<String, u64>) -> String {
    let state = csp_engine::persist::encode(state);
    serde_json::to_string(&SnapshotOut { version: CURRENT_VERSION, epoch, folded, state: &state }).unwrap_or_default()
}

fn damaged(detail: impl Into<String>) -> Unreadable {
    Unreadable::Damaged(detail.into())
}

/// The format version of a stored value, or why it has none.
fn version_of(raw: &str) -> Result<u64, Unreadable> {
    let head: Head =
        serde_json::from_str(raw).map_err(|e| match serde_json::from_str::<serde::de::IgnoredAny>(raw) {
            Err(not_json) => damaged(format!("not JSON: {not_json}")),
            Ok(_) => damaged(format!("not a saved state: {e}")),
        })?;
    match head.version {
        None => Err(damaged("no version number")),
        Some(0) => Err(damaged("format 0 is not supported")),
        Some(v) if v > CURRENT_VERSION => Err(Unreadable::Newer(v)),
        Some(v) => Ok(v),
    }
}

pub fn decode_head(raw: &str) -> Result<SnapshotHead, Unreadable> {
    version_of(raw)?;
    serde_json::from_str(raw).map_err(|e| damaged(e.to_string()))
}

pub fn decode_snapshot(raw: &str) -> Result<Snapshot, Unreadable> {
    let version = version_of(raw)?;
    let parts: Parts = serde_json::from_str(raw).map_err(|e| damaged(format!("format {version}: {e}")))?;
    let state_part = parts.state.ok_or_else(|| damaged(format!("format {version}: missing field \"state\"")))?;
    let state = match version {
        1 => serde_json::from_str::<State>(state_part.get()).map_err(|e| damaged(format!("format 1: {e}")))?,
        _ => {
            let text: String = serde_json::from_str(state_part.get())
                .map_err(|e| damaged(format!("format {version}: the state is not text: {e}")))?;
            csp_engine::persist::decode(&text).map_err(|e| damaged(format!("format {version}: {e}")))?
        }
    };
    let session = match version {
        3 => None,
        _ => Some(match parts.session {
            Some(raw) => decode_session(raw.get()),
            None => Err(damaged(format!("format {version}: missing field \"session\""))),
        }),
    };
    if version == 3 && parts.epoch.is_none() {
        return Err(damaged("format 3: missing field \"epoch\""));
    }
    Ok(Snapshot { state, epoch: parts.epoch, folded: parts.folded, session })
}

/// A format 3 snapshot read for the first page: its head, the glance of its state
/// (`csp_engine::persist::glance`: the partner, users, clock and customers) and the state's text, to be read
/// whole once the first page shows. `None` for any other format or anything unreadable (the full open's).
pub struct Glanced {
    pub glance: Glance,
    pub epoch: String,
    pub folded: BTreeMap<String, u64>,
    pub text: String,
}

pub fn glance_snapshot(raw: &str, book: Option<&InflatedBook>) -> Option<Glanced> {
    if version_of(raw).ok()? != CURRENT_VERSION {
        return None;
    }
    let parts: Parts = serde_json::from_str(raw).ok()?;
    let text: String = serde_json::from_str(parts.state?.get()).ok()?;
    // Only the layout of this very text: another tab may have saved since the page read it.
    let book = book.filter(|b| b.text == text)?;
    let glance = csp_engine::persist::glance_of_layout(&book.layout).ok()?;
    Some(Glanced { glance, epoch: parts.epoch?, folded: parts.folded, text })
}

/// A snapshot's state as the page found it before the app started: its text and its layout, which the browser
/// inflated (`DecompressionStream`, boot.js and embed.js) while the app's code downloaded. The first page reads
/// its glance from the layout, so the first-load module carries no inflater; the whole state is read later by
/// the engine's own. Trusted for nothing but that glance ([`glance_snapshot`] checks that the text is the
/// stored one).
pub struct InflatedBook {
    pub text: String,
    pub layout: Vec<u8>,
}

pub fn encode_session(session: &Session) -> String {
    serde_json::to_string(session).unwrap_or_default()
}

pub fn decode_session(raw: &str) -> Result<Session, Unreadable> {
    serde_json::from_str(raw).map_err(|e| damaged(format!("session: {e}")))
}

/// The session inside a format 1 or 2 envelope whose state cannot be read, if it can be.
pub fn session_of_damaged(raw: &str) -> Option<Result<Session, Unreadable>> {
    #[derive(Deserialize)]
    struct OnlySession<'a> {
        #[serde(borrow)]
        session: Option<&'a RawValue>,
    }
    let parts: OnlySession = serde_json::from_str(raw).ok()?;
    parts.session.map(|s| decode_session(s.get()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use chrono::{TimeZone, Utc};
    use csp_engine::demo;

    pub fn sample() -> (State, Session) {
        let state = demo::demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap());
        (state, Session { user: demo::global_admin(), locale: Locale::Fr })
    }

    #[test]
    fn format_3_round_trip() {
        let (state, _) = sample();
        let folded = BTreeMap::from([("t1".to_string(), 4)]);
        let raw = encode_snapshot(&state, "e1", &folded);
        assert!(
            raw.starts_with("{\"version\":3,\"epoch\":\"e1\",\"folded\":{\"t1\":4},\"state\":\""),
            "{}",
            &raw[..60]
        );
        let read = decode_snapshot(&raw).unwrap();
        assert_eq!(read, Snapshot { state, epoch: Some("e1".into()), folded: folded.clone(), session: None });
        assert_eq!(decode_head(&raw).unwrap(), SnapshotHead { version: 3, epoch: Some("e1".into()), folded });
    }

    /// A value saved by an earlier build (format 1: the state as plain JSON) reads back exactly. The
    /// fixture is the demo partner of [`sample`] as that build saved it.
    #[test]
    fn format_1_is_read_exactly() {
        const V1: &str = include_str!("../../tests/fixtures/storage-v1.json");
        assert!(V1.starts_with("{\"version\":1,\"state\":{"), "the fixture is format 1");
        let (state, session) = sample();
        let read = decode_snapshot(V1).unwrap();
        assert_eq!(read.state, state);
        assert_eq!(read.session, Some(Ok(session)));
        assert_eq!(read.epoch, None);
    }

    #[test]
    fn format_2_is_read_exactly() {
        let (state, session) = sample();
        let raw = format!(
            "{{\"version\":2,\"session\":{},\"state\":\"{}\"}}",
            encode_session(&session),
            csp_engine::persist::encode(&state)
        );
        let read = decode_snapshot(&raw).unwrap();
        assert_eq!((read.state, read.session), (state, Some(Ok(session))));
    }

    /// The parts of an envelope are independent: a bad session keeps the state, a bad state is its own
    /// error (the caller still reads the session through [`session_of_damaged`]).
    #[test]
    fn a_bad_session_keeps_the_state() {
        let (state, _) = sample();
        let raw = format!(
            "{{\"version\":2,\"session\":{{\"user\":\"U-0001\",\"locale\":\"De\"}},\"state\":\"{}\"}}",
            csp_engine::persist::encode(&state)
        );
        let read = decode_snapshot(&raw).unwrap();
        assert_eq!(read.state, state);
        assert!(matches!(read.session, Some(Err(Unreadable::Damaged(d))) if d.contains("unknown variant")));
    }

    #[test]
    fn a_bad_state_keeps_the_session() {
        let raw = "{\"version\":2,\"session\":{\"user\":\"U-0002\",\"locale\":\"Fr\"},\"state\":\"AAAA\"}";
        assert!(decode_snapshot(raw).is_err());
        assert_eq!(
            session_of_damaged(raw),
            Some(Ok(Session { user: csp_engine::ids::UserId("U-0002".into()), locale: Locale::Fr }))
        );
    }

    #[test]
    fn unreadable_values_say_why() {
        let cases = [
            ("{not json", "not JSON"),
            ("{\"version\":1,\"state\":{\"partner\":3", "not JSON"),
            ("[1,2]", "not a saved state"),
            ("{\"state\":{}}", "no version"),
            ("{\"version\":1,\"state\":{\"partner\":3}}", "format 1"),
            ("{\"version\":0}", "format 0"),
            ("{\"version\":2,\"session\":{}}", "format 2: missing field \"state\""),
            ("{\"version\":2,\"state\":42}", "format 2: the state is not text"),
            ("{\"version\":2,\"state\":\"%%\"}", "format 2: not base64"),
            ("{\"version\":2,\"state\":\"AAAA\"}", "format 2: not deflate"),
            ("{\"version\":3,\"folded\":{},\"state\":\"AAAA\"}", "format 3: not deflate"),
        ];
        for (raw, part) in cases {
            match decode_snapshot(raw) {
                Err(Unreadable::Damaged(detail)) => {
                    assert!(detail.contains(part), "{raw}: {detail}")
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
        for (raw, want) in [("{\"version\":4,\"state\":\"x\"}", 4), ("{\"version\":99}", 99)] {
            assert_eq!(decode_snapshot(raw), Err(Unreadable::Newer(want)), "{raw}");
        }
    }

    /// THE storage budget (issue 7): the benchmark's partner — 2,000 customers × 10 subscriptions after
    /// a simulated year, ~100 MB as JSON — saved as this build saves it.
    #[test]
    fn a_large_partner_fits_the_storage_budget() {
        let state = csp_engine::testkit::scale::storage_partner();
        let raw = encode_snapshot(&state, "epoch", &BTreeMap::new());
        assert!(raw.len() <= super::super::BUDGET_CHARS, "stored value {} chars", raw.len());
    }
}
