//! Persistence adapter. The app state is saved as a versioned JSON envelope through a small [`Storage`]
//! trait, implemented by the browser's localStorage and by memory (tests, and browsers that block
//! storage). Formats:
//!
//! * **2** (written): `{"version":2,"session":{…},"state":"<csp_engine::persist text>"}` — the state in
//!   the engine's compact encoding (deflated columns, base64), ~150× smaller than JSON for a large
//!   partner, so it fits localStorage's 5 MB.
//! * **1** (read only): `{"version":1,"state":{…},"session":{…}}`, the state as plain JSON. Read as is;
//!   the next save writes format 2.
//!
//! Data that cannot be read is never overwritten: it is copied to a backup key first, and if even that
//! fails, the app keeps working in memory without touching the stored value.

use crate::session::Session;
use csp_engine::State;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Version of the envelope written by this build. Bump it, and keep reading the older ones in
/// [`decode`], whenever a change to the state would not read back with `#[serde(default)]` alone.
pub const CURRENT_VERSION: u64 = 2;

/// The stored value must fit localStorage's 5 MB with 2× headroom (issue 7): at most this many
/// characters for the benchmark partner (2,000 customers × 10 subscriptions after a year).
pub const BUDGET_CHARS: usize = 2_500_000;

/// Why the browser's storage refused a read or a write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The site's storage quota is used up (`QuotaExceededError`): the one refusal a user can act on,
    /// so it gets words of its own.
    Full,
    /// Any other refusal, with the browser's own message (a technical detail, shown as it is).
    Refused(String),
}

/// Why a stored value could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The browser refused to read it.
    Refused(StorageError),
    /// Written by a newer version of the app, in a format this one does not know.
    Newer(u64),
    /// Not a value this app wrote, or damaged; the detail (where and what) is technical, for support.
    Damaged(String),
}

pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Whether data survives a reload (false for the in-memory fallback).
    fn is_persistent(&self) -> bool;
}

#[derive(Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

/// `window.localStorage`, opened only after a probe write succeeds: merely touching
/// `window.localStorage` throws in some private modes and in storage-blocked iframes.
pub struct BrowserStorage(web_sys::Storage);

impl BrowserStorage {
    pub fn open() -> Result<BrowserStorage, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Refused("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| refusal(&e))?
            .ok_or_else(|| StorageError::Refused("localStorage is not available".into()))?;
        const PROBE: &str = "cspm.probe";
        storage.set_item(PROBE, "1").map_err(|e| refusal(&e))?;
        storage.remove_item(PROBE).map_err(|e| refusal(&e))?;
        Ok(BrowserStorage(storage))
    }
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(|e| refusal(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|e| refusal(&e))
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

/// The browser's exception as a [`StorageError`]: a full quota by its name (its message differs from
/// browser to browser), anything else by its message.
fn refusal(value: &wasm_bindgen::JsValue) -> StorageError {
    let text = |name: &str| js_sys::Reflect::get(value, &name.into()).ok().and_then(|m| m.as_string());
    if text("name").as_deref() == Some("QuotaExceededError") {
        return StorageError::Full;
    }
    StorageError::Refused(text("message").or_else(|| value.as_string()).unwrap_or_else(|| "storage error".into()))
}

/// What is saved: the engine state and the browser session (signed-in user, language).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Saved {
    pub state: State,
    pub session: Session,
}

/// Format 2 as written; the state is the engine's compact text.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u64,
    session: &'a Session,
    state: &'a str,
}

/// Format 2 as read.
#[derive(Deserialize)]
struct EnvelopeV2 {
    session: Session,
    state: String,
}

#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Fresh,
    Restored(Box<Saved>),
    /// The stored value could not be read. It was copied to `backup_key`; when the copy failed
    /// (`backup_key` is `None`), the caller must not write to the main key at all.
    Unreadable {
        why: Unreadable,
        backup_key: Option<String>,
    },
}

pub fn load(storage: &dyn Storage, key: &str) -> Loaded {
    let raw = match storage.get(key) {
        Ok(None) => return Loaded::Fresh,
        Ok(Some(raw)) => raw,
        Err(e) => return Loaded::Unreadable { why: Unreadable::Refused(e), backup_key: None },
    };
    match decode(&raw) {
        Ok(saved) => Loaded::Restored(Box::new(saved)),
        Err(why) => {
            let backup_key = backup(storage, key, &raw);
            Loaded::Unreadable { why, backup_key }
        }
    }
}

pub fn save(storage: &dyn Storage, key: &str, state: &State, session: &Session) -> Result<(), StorageError> {
    storage.set(key, &encode(state, session))
}

pub fn encode(state: &State, session: &Session) -> String {
    let state = csp_engine::persist::encode(state);
    // Serializing plain data to a string cannot fail (string keys only, no I/O).
    serde_json::to_string(&EnvelopeOut { version: CURRENT_VERSION, session, state: &state }).unwrap_or_default()
}

/// Only the envelope's version, read first (the other fields are skipped without being built).
#[derive(Deserialize)]
struct Version {
    version: Option<u64>,
}

pub fn decode(raw: &str) -> Result<Saved, Unreadable> {
    let damaged = Unreadable::Damaged;
    let Version { version } = serde_json::from_str(raw).map_err(|e| {
        // Text that is not JSON at all, or JSON of another shape (an array, a version that is no number).
        let what = if e.is_data() { "not a saved state" } else { "not JSON" };
        damaged(format!("{what}: {e}"))
    })?;
    match version.ok_or_else(|| damaged("no version number".into()))? {
        // Format 1: the state as plain JSON, read straight from the text.
        1 => serde_json::from_str(raw).map_err(|e| damaged(format!("format 1: {e}"))),
        2 => {
            let EnvelopeV2 { session, state } =
                serde_json::from_str(raw).map_err(|e| damaged(format!("format 2: {e}")))?;
            let state = csp_engine::persist::decode(&state).map_err(|e| damaged(format!("format 2: {e}")))?;
            Ok(Saved { state, session })
        }
        0 => Err(damaged("format 0 is not supported".into())),
        newer => Err(Unreadable::Newer(newer)),
    }
}

/// Copy `raw` to the first free `key.backup-N` and return that key.
fn backup(storage: &dyn Storage, key: &str, raw: &str) -> Option<String> {
    (1..100).map(|n| format!("{key}.backup-{n}")).find_map(|candidate| match storage.get(&candidate) {
        Ok(None) => storage.set(&candidate, raw).ok().map(|_| candidate),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use chrono::{TimeZone, Utc};
    use csp_engine::demo;

    fn sample() -> (State, Session) {
        let state = demo::demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap());
        (state, Session { user: demo::global_admin(), locale: Locale::Fr })
    }

    #[test]
    fn round_trip() {
        let storage = MemoryStorage::default();
        assert_eq!(load(&storage, "k"), Loaded::Fresh);
        let (state, session) = sample();
        save(&storage, "k", &state, &session).unwrap();
        let raw = storage.get("k").unwrap().unwrap();
        assert!(raw.starts_with("{\"version\":2,\"session\":{"), "versioned envelope: {}", &raw[..30]);
        assert_eq!(load(&storage, "k"), Loaded::Restored(Box::new(Saved { state, session })));
    }

    #[test]
    fn unreadable_data_is_backed_up_never_overwritten() {
        let cases = [
            ("{not json", "not JSON"),
            ("{\"state\":{}}", "no version"),
            ("{\"version\":1,\"state\":{\"partner\":3}}", "format 1"),
            ("{\"version\":0}", "format 0"),
            ("{\"version\":2,\"state\":\"AAAA\"}", "format 2: missing field `session`"),
            ("\"a string\"", "not a saved state"),
            ("{\"version\":\"2\"}", "not a saved state"),
            (
                "{\"version\":2,\"session\":{\"user\":\"U-0001\",\"locale\":\"En\"},\"state\":\"%%\"}",
                "format 2: not base64",
            ),
            (
                "{\"version\":2,\"session\":{\"user\":\"U-0001\",\"locale\":\"En\"},\"state\":\"AAAA\"}",
                "format 2: not deflate",
            ),
        ];
        for (raw, reason_part) in cases {
            let storage = MemoryStorage::default();
            storage.set("k", raw).unwrap();
            storage.set("k.backup-1", "older backup").unwrap();
            match load(&storage, "k") {
                Loaded::Unreadable { why: Unreadable::Damaged(detail), backup_key } => {
                    assert!(detail.contains(reason_part), "{raw}: {detail}");
                    assert_eq!(backup_key.as_deref(), Some("k.backup-2"), "{raw}");
                    assert_eq!(storage.get("k.backup-2").unwrap().as_deref(), Some(raw));
                    assert_eq!(storage.get("k.backup-1").unwrap().as_deref(), Some("older backup"));
                    assert_eq!(storage.get("k").unwrap().as_deref(), Some(raw), "original left in place");
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    /// A newer build's format is not damage: it is named as such (the notice says so in the user's
    /// language) and backed up like any unreadable value.
    #[test]
    fn a_newer_format_is_named_and_backed_up() {
        for (raw, want) in [("{\"version\":3,\"state\":\"x\"}", 3), ("{\"version\":99}", 99)] {
            let storage = MemoryStorage::default();
            storage.set("k", raw).unwrap();
            assert_eq!(
                load(&storage, "k"),
                Loaded::Unreadable { why: Unreadable::Newer(want), backup_key: Some("k.backup-1".into()) },
                "{raw}"
            );
            assert_eq!(storage.get("k.backup-1").unwrap().as_deref(), Some(raw), "{raw}");
        }
    }

    /// A value saved by the previous build (format 1: the state as plain JSON) must read back exactly,
    /// and the next save writes format 2. The fixture is the demo partner of [`sample`] as that build
    /// saved it.
    #[test]
    fn format_1_is_read_exactly_and_saved_again_as_format_2() {
        const V1: &str = include_str!("../tests/fixtures/storage-v1.json");
        assert!(V1.starts_with("{\"version\":1,\"state\":{"), "the fixture is format 1");
        let (state, session) = sample();
        let want = || Loaded::Restored(Box::new(Saved { state: state.clone(), session: session.clone() }));
        let storage = MemoryStorage::default();
        storage.set("k", V1).unwrap();
        assert_eq!(load(&storage, "k"), want(), "format 1 read");
        save(&storage, "k", &state, &session).unwrap();
        let raw = storage.get("k").unwrap().unwrap();
        assert!(raw.starts_with("{\"version\":2,"), "saved again as format 2");
        assert!(raw.len() * 3 < V1.len(), "format 2 is smaller: {} vs {} chars", raw.len(), V1.len());
        assert_eq!(load(&storage, "k"), want(), "format 2 read");
    }

    /// THE storage budget (issue 7): the benchmark's partner — 2,000 customers × 10 subscriptions after
    /// a simulated year, ~100 MB as JSON — saved as this build saves it.
    #[test]
    fn a_large_partner_fits_the_storage_budget() {
        let state = csp_engine::testkit::scale::storage_partner();
        let session = Session { user: demo::global_admin(), locale: Locale::Fr };
        let raw = encode(&state, &session);
        assert!(raw.len() <= BUDGET_CHARS, "stored value {} chars, budget {BUDGET_CHARS}", raw.len());
    }

    /// Storage whose writes fail, like a full or read-only localStorage.
    struct ReadOnly(MemoryStorage);
    impl Storage for ReadOnly {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Full)
        }
        fn is_persistent(&self) -> bool {
            true
        }
    }

    #[test]
    fn failed_backup_is_reported() {
        let inner = MemoryStorage::default();
        inner.set("k", "garbage").unwrap();
        let storage = ReadOnly(inner);
        assert!(matches!(load(&storage, "k"), Loaded::Unreadable { backup_key: None, .. }));
        let (state, session) = sample();
        assert_eq!(save(&storage, "k", &state, &session), Err(StorageError::Full));
    }
}
