//! Backups: values that could not be read, and the state as it was before a restore. Each is kept
//! under a key named by a hash of its value (`K.backup.<hash>`), so a value is backed up once however
//! often it is met. Only the user deletes a backup (Settings → Data); the page says how much space
//! they take.

use super::{Keys, Storage, StorageError, Unreadable};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a backup holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackupOf {
    /// The saved state (a snapshot) that could not be read.
    State,
    /// The saved session (signed-in user, language) that could not be read.
    Session,
    /// A tab's journal of changes not yet folded into the snapshot.
    Journal,
    /// The state as it was just before a restore replaced it (readable).
    BeforeRestore,
}

/// A backup as stored (version 1 of this record).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupRecord {
    pub version: u32,
    /// Real (not simulated) time it was made.
    pub created: DateTime<Utc>,
    pub of: BackupOf,
    /// What was wrong with the value; `None` for a backup made before a restore.
    pub why: Option<Unreadable>,
    /// The value exactly as it was stored.
    pub value: String,
}

/// A backup as listed on the Data page.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    /// `None` for the record-less backups of earlier builds (`K.backup-N`).
    pub record: Option<BackupRecord>,
    /// The stored value (the record's, or the legacy key's whole content).
    pub value: String,
    /// Characters the key takes in storage (record and all).
    pub stored_chars: usize,
}

impl Backup {
    pub fn created(&self) -> Option<DateTime<Utc>> {
        self.record.as_ref().map(|r| r.created)
    }
}

/// Back up `value` unless an identical value is already backed up; returns the backup's key.
pub fn back_up(
    storage: &dyn Storage,
    keys: &Keys,
    of: BackupOf,
    why: Option<Unreadable>,
    value: &str,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    let key = format!("{}{:016x}", keys.backup_prefix(), super::fingerprint(value));
    if let Some(existing) = storage.get(&key)? {
        if serde_json::from_str::<BackupRecord>(&existing).is_ok_and(|r| r.value == value) {
            return Ok(key);
        }
    }
    // Identical to a backup of an earlier build: already kept.
    if list(storage, keys).iter().any(|b| b.record.is_none() && b.value == value) {
        return Ok(key_of_legacy(storage, keys, value).unwrap_or(key));
    }
    let record = BackupRecord { version: 1, created: now, of, why, value: value.to_string() };
    let text = serde_json::to_string(&record).map_err(|e| StorageError::Refused(e.to_string()))?;
    storage.set(&key, &text)?;
    Ok(key)
}

fn key_of_legacy(storage: &dyn Storage, keys: &Keys, value: &str) -> Option<String> {
    list(storage, keys).into_iter().find(|b| b.record.is_none() && b.value == value).map(|b| b.key)
}

/// Every backup of the instance, newest first (legacy ones last, by key).
pub fn list(storage: &dyn Storage, keys: &Keys) -> Vec<Backup> {
    let (prefix, legacy) = (keys.backup_prefix(), keys.legacy_backup_prefix());
    let mut found: Vec<Backup> = storage
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(&prefix) || k.strip_prefix(&legacy).is_some_and(|n| n.parse::<u32>().is_ok()))
        .filter_map(|key| {
            let raw = storage.get(&key).ok().flatten()?;
            let stored_chars = key.chars().count() + raw.chars().count();
            let record = if key.starts_with(&prefix) { serde_json::from_str::<BackupRecord>(&raw).ok() } else { None };
            let value = record.as_ref().map(|r| r.value.clone()).unwrap_or(raw);
            Some(Backup { key, record, value, stored_chars })
        })
        .collect();
    found.sort_by(|a, b| b.created().cmp(&a.created()).then_with(|| a.key.cmp(&b.key)));
    found
}

pub fn delete(storage: &dyn Storage, keys: &Keys, key: &str) -> Result<(), StorageError> {
    // Only a backup key of this instance: the page never deletes anything else.
    if key.starts_with(&keys.backup_prefix()) || key.starts_with(&keys.legacy_backup_prefix()) {
        storage.remove(key)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStorage;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap()
    }

    #[test]
    fn a_value_is_backed_up_once() {
        let storage = MemoryStorage::default();
        let keys = Keys::new("k");
        let why = Some(Unreadable::Damaged("x".into()));
        let first = back_up(&storage, &keys, BackupOf::State, why.clone(), "garbage", now()).unwrap();
        let again = back_up(&storage, &keys, BackupOf::State, why.clone(), "garbage", now()).unwrap();
        assert_eq!(first, again);
        let other = back_up(&storage, &keys, BackupOf::Session, why, "other", now()).unwrap();
        assert_ne!(first, other);
        let listed = list(&storage, &keys);
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().any(|b| b.value == "garbage" && b.record.as_ref().unwrap().of == BackupOf::State));
    }

    #[test]
    fn backups_of_earlier_builds_are_listed_and_not_duplicated() {
        let storage = MemoryStorage::default();
        let keys = Keys::new("k");
        storage.set("k.backup-1", "old damaged").unwrap();
        storage.set("k.backup-x", "not a backup key").unwrap();
        storage.set("k:team.backup-1", "another instance").unwrap();
        let key = back_up(&storage, &keys, BackupOf::State, None, "old damaged", now()).unwrap();
        assert_eq!(key, "k.backup-1");
        let listed = list(&storage, &keys);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].value, "old damaged");
        assert_eq!(listed[0].stored_chars, "k.backup-1".len() + "old damaged".len());
    }

    #[test]
    fn delete_touches_only_backups() {
        let storage = MemoryStorage::default();
        let keys = Keys::new("k");
        storage.set("k", "state").unwrap();
        let key = back_up(&storage, &keys, BackupOf::State, None, "v", now()).unwrap();
        delete(&storage, &keys, "k").unwrap();
        delete(&storage, &keys, &key).unwrap();
        assert_eq!(storage.get("k").unwrap().as_deref(), Some("state"));
        assert!(list(&storage, &keys).is_empty());
    }
}
