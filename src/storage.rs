//! Persistence adapter. The app state is saved as a versioned JSON envelope
//! (`{"version": N, "state": …, "session": …}`) through a small [`Storage`] trait, implemented by the
//! browser's localStorage and by memory (tests, and browsers that block storage).
//!
//! Data that cannot be read is never overwritten: it is copied to a backup key first, and if even that
//! fails, the app keeps working in memory without touching the stored value.

use crate::session::Session;
use csp_engine::State;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Version of the envelope written by this build. Bump it, and add a step to [`migrate`], whenever a
/// change to the state would not read back with `serde(default)` alone.
pub const CURRENT_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError(pub String);

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
        let window = web_sys::window().ok_or_else(|| StorageError("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StorageError(js_message(&e)))?
            .ok_or_else(|| StorageError("localStorage is not available".into()))?;
        const PROBE: &str = "cspm.probe";
        storage.set_item(PROBE, "1").map_err(|e| StorageError(js_message(&e)))?;
        storage.remove_item(PROBE).map_err(|e| StorageError(js_message(&e)))?;
        Ok(BrowserStorage(storage))
    }
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(|e| StorageError(js_message(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|e| StorageError(js_message(&e)))
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

fn js_message(value: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "storage error".into())
}

/// What is saved: the engine state and the browser session (signed-in user, language).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub state: State,
    pub session: Session,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u64,
    state: &'a State,
    session: &'a Session,
}

#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Fresh,
    Restored(Box<Saved>),
    /// The stored value could not be read. It was copied to `backup_key`; when the copy failed
    /// (`backup_key` is `None`), the caller must not write to the main key at all.
    Unreadable {
        reason: String,
        backup_key: Option<String>,
    },
}

pub fn load(storage: &dyn Storage, key: &str) -> Loaded {
    let raw = match storage.get(key) {
        Ok(None) => return Loaded::Fresh,
        Ok(Some(raw)) => raw,
        Err(e) => return Loaded::Unreadable { reason: e.0, backup_key: None },
    };
    match decode(&raw) {
        Ok(saved) => Loaded::Restored(Box::new(saved)),
        Err(reason) => {
            let backup_key = backup(storage, key, &raw);
            Loaded::Unreadable { reason, backup_key }
        }
    }
}

pub fn save(storage: &dyn Storage, key: &str, state: &State, session: &Session) -> Result<(), StorageError> {
    let json = encode(state, session).map_err(|e| StorageError(e.to_string()))?;
    storage.set(key, &json)
}

pub fn encode(state: &State, session: &Session) -> serde_json::Result<String> {
    serde_json::to_string(&EnvelopeOut { version: CURRENT_VERSION, state, session })
}

/// Only the envelope's version, read first (other fields are skipped without being built).
#[derive(Deserialize)]
struct Version {
    version: Option<u64>,
}

pub fn decode(raw: &str) -> Result<Saved, String> {
    let Version { version } = serde_json::from_str(raw).map_err(|e| format!("not JSON: {e}"))?;
    let version = version.ok_or("no version number")?;
    if version > CURRENT_VERSION {
        return Err(format!("saved by a newer version of the app (format {version})"));
    }
    let raw = migrate(raw, version)?;
    serde_json::from_str(&raw).map_err(|e| format!("format {version}: {e}"))
}

/// Bring an envelope of an older format up to [`CURRENT_VERSION`], one step at a time (a step may parse
/// the text into `serde_json::Value`, reshape it and print it again).
pub fn migrate(raw: &str, from: u64) -> Result<String, String> {
    match from {
        CURRENT_VERSION => Ok(raw.to_string()),
        0 => Err("format 0 is not supported".into()),
        other => Err(format!("no migration from format {other}")),
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
        assert!(raw.starts_with("{\"version\":1,"), "versioned envelope: {}", &raw[..30]);
        assert_eq!(load(&storage, "k"), Loaded::Restored(Box::new(Saved { state, session })));
    }

    #[test]
    fn unreadable_data_is_backed_up_never_overwritten() {
        let cases = [
            ("{not json", "not JSON"),
            ("{\"state\":{}}", "no version"),
            ("{\"version\":99,\"state\":{}}", "newer version"),
            ("{\"version\":1,\"state\":{\"partner\":3}}", "format 1"),
        ];
        for (raw, reason_part) in cases {
            let storage = MemoryStorage::default();
            storage.set("k", raw).unwrap();
            storage.set("k.backup-1", "older backup").unwrap();
            match load(&storage, "k") {
                Loaded::Unreadable { reason, backup_key } => {
                    assert!(reason.contains(reason_part), "{raw}: {reason}");
                    assert_eq!(backup_key.as_deref(), Some("k.backup-2"), "{raw}");
                    assert_eq!(storage.get("k.backup-2").unwrap().as_deref(), Some(raw));
                    assert_eq!(storage.get("k.backup-1").unwrap().as_deref(), Some("older backup"));
                    assert_eq!(storage.get("k").unwrap().as_deref(), Some(raw), "original left in place");
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    /// Storage whose writes fail, like a full or read-only localStorage.
    struct ReadOnly(MemoryStorage);
    impl Storage for ReadOnly {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError("QuotaExceededError".into()))
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
        assert_eq!(save(&storage, "k", &state, &session), Err(StorageError("QuotaExceededError".into())));
    }
}
