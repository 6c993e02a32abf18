//! Persistence: what the app keeps in the browser's local storage, under one base key per instance
//! (`csp-marketplace`, or `csp-marketplace:<namespace>` for an embedded instance).
//!
//! | key | what | written |
//! | --- | --- | --- |
//! | `K` | the **snapshot**: the state at some point, in the engine's compact form (`format`) | when the journal is folded |
//! | `K.journal.<tab>` | one tab's **journal**: the commands it had accepted since that snapshot (`crate::sync`) | at once, on every accepted command |
//! | `K.session` | the last signed-in user and language | on sign-in or a change of language |
//! | `K.backup.<hash>` | a **backup**: a value that could not be read, or the state before a restore (`backups`) | once per distinct value |
//!
//! Every saved format stays readable (`format`). Nothing unreadable is ever overwritten before it is
//! backed up; where even the backup cannot be written, the app runs in memory and says so.
//!
//! The browser's storage is reached through [`gloo_storage`], behind the small [`Storage`] trait (memory
//! for tests and for browsers that block storage), and only after a probe: merely touching
//! `window.localStorage` throws in storage-blocked iframes, where gloo-storage would panic.

pub mod backups;
pub mod format;

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// The stored snapshot must fit localStorage's 5 MB with 2× headroom (issue 7): at most this many
/// characters for the benchmark partner (2,000 customers × 10 subscriptions after a year).
pub const BUDGET_CHARS: usize = 2_500_000;

/// FNV-1a, 64 bits: a stable name for a stored value, to tell whether it changed or is already backed up
/// (not a security measure).
pub fn fingerprint(value: &str) -> u64 {
    value.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Why the browser's storage refused a read or a write.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StorageError {
    /// The site's storage quota is used up (`QuotaExceededError`): the one refusal a user can act on,
    /// so it gets words of its own.
    Full,
    /// Any other refusal, with the browser's own message (a technical detail, shown as it is).
    Refused(String),
}

/// Why a stored value could not be read back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key stored, in no particular order.
    fn keys(&self) -> Vec<String>;
    /// Whether data survives a reload (false for the in-memory fallback).
    fn is_persistent(&self) -> bool;
}

/// Storage in memory. Shared through an `Rc`, it also stands for one browser's storage seen by several
/// tabs in the native tests of the tab protocol.
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

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

/// `window.localStorage` through gloo-storage, opened only after a probe write succeeds.
///
/// Values are read and written as the raw strings they are (`LocalStorage::raw`), not through gloo's
/// typed `get`/`set`: an unreadable value must be seen as it is to be backed up, and a refused write
/// must keep the browser's exception (its name tells a full quota).
pub struct BrowserStorage(());

impl BrowserStorage {
    pub fn open() -> Result<BrowserStorage, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Refused("no window".into()))?;
        // The probe: gloo-storage's `LocalStorage::raw()` unwraps `window.localStorage`, which throws here
        // in a storage-blocked frame.
        let storage = window
            .local_storage()
            .map_err(|e| refusal(&e))?
            .ok_or_else(|| StorageError::Refused("localStorage is not available".into()))?;
        const PROBE: &str = "cspm.probe";
        storage.set_item(PROBE, "1").map_err(|e| refusal(&e))?;
        storage.remove_item(PROBE).map_err(|e| refusal(&e))?;
        Ok(BrowserStorage(()))
    }
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        use gloo_storage::Storage as _;
        gloo_storage::LocalStorage::raw().get_item(key).map_err(|e| refusal(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        use gloo_storage::Storage as _;
        gloo_storage::LocalStorage::raw().set_item(key, value).map_err(|e| refusal(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        use gloo_storage::Storage as _;
        gloo_storage::LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        use gloo_storage::Storage as _;
        let raw = gloo_storage::LocalStorage::raw();
        (0..gloo_storage::LocalStorage::length()).filter_map(|i| raw.key(i).ok().flatten()).collect()
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

/// The keys of one instance's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    base: String,
}

impl Keys {
    pub fn new(base: impl Into<String>) -> Keys {
        Keys { base: base.into() }
    }

    pub fn snapshot(&self) -> &str {
        &self.base
    }

    pub fn session(&self) -> String {
        format!("{}.session", self.base)
    }

    pub fn journal(&self, tab: &str) -> String {
        format!("{}{tab}", self.journal_prefix())
    }

    pub fn journal_prefix(&self) -> String {
        format!("{}.journal.", self.base)
    }

    pub fn backup_prefix(&self) -> String {
        format!("{}.backup.", self.base)
    }

    /// Backups written by earlier builds: `K.backup-1`, `K.backup-2`, … (the raw value, nothing else).
    pub fn legacy_backup_prefix(&self) -> String {
        format!("{}.backup-", self.base)
    }

    /// Whether `key` belongs to this instance (for the browser's `storage` events).
    pub fn owns(&self, key: &str) -> bool {
        key == self.base || key.strip_prefix(&self.base).is_some_and(|rest| rest.starts_with('.'))
    }
}
