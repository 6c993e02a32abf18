//! Tabs agree: the journal of accepted commands and the protocol by which every tab of one origin and
//! storage namespace works on one state.
//!
//! * **Durable at once.** A tab appends each command the engine accepted to its own journal key
//!   (`K.journal.<tab>`), synchronously, before the gesture's handler returns: a crash or a closed tab
//!   loses nothing. Only the owner writes a journal key, so tabs never overwrite each other.
//! * **One order.** Entries are ordered by `(at, tab, n)`: `at` the wall-clock millisecond, made to
//!   sort after every entry the tab had applied when it decided. Every tab applies the same entries in
//!   the same order on the same snapshot, each decided again by the engine (`execute` at the state's
//!   own simulated date), so they reach the same state. An entry that sorts before one already applied
//!   (two tabs acting at once) makes the tab rebuild from the snapshot; a command that the engine now
//!   refuses changed nothing, and the tab that made it says so with the engine's reason.
//! * **Catching up.** On the browser's `storage` event, and before deciding each command, a tab reads
//!   the journals that changed and applies the new entries.
//! * **Folding.** From time to time (after a quiet moment, off the typing path) the tab that acted last
//!   writes the snapshot `K` with its state and, per tab, the last entry it holds (`folded`). A tab
//!   drops its own folded entries a little later (`PRUNE_GRACE_MS`), so a snapshot written at the same
//!   moment by another tab can never lose them.
//! * **Epochs.** A restore starts a new epoch: the snapshot is replaced, and entries of other epochs
//!   are no longer applied.
//!
//! The journal is versioned (`JOURNAL_VERSION`) and replayable from any snapshot of its epoch, which is
//! also the seam for sharing a partner's state beyond one browser.

use crate::storage::backups::{self, BackupOf};
use crate::storage::format::{self, Snapshot};
use crate::storage::{fingerprint, Keys, Storage, StorageError, Unreadable};
use chrono::{DateTime, Utc};
use csp_engine::ids::UserId;
use csp_engine::journal::{self, JournalEntry};
use csp_engine::{Command, Rejection, State};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

pub const JOURNAL_VERSION: u32 = 1;
/// How long a tab keeps its own entries after a snapshot holds them.
pub const PRUNE_GRACE_MS: u64 = 10_000;
/// A journal whose entries are all folded and older than this belongs to a closed tab: removed.
pub const STALE_JOURNAL_MS: u64 = 3_600_000;

/// One accepted command, as journaled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The tab's own sequence number, from 1.
    pub n: u64,
    /// Wall-clock milliseconds (the order between tabs, not the simulated date).
    pub at: u64,
    pub epoch: String,
    pub user: UserId,
    pub command: Command,
}

#[derive(Serialize, Deserialize)]
struct JournalDoc {
    version: u32,
    tab: String,
    entries: Vec<Entry>,
}

/// An entry's place in the one order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Stamp {
    at: u64,
    tab: String,
    n: u64,
}

/// Something the user must be told.
#[derive(Clone, Debug, PartialEq)]
pub enum Trouble {
    /// A stored value could not be read; it was backed up under `backup` (`None`: the backup failed too).
    Unreadable { of: BackupOf, why: Unreadable, backup: Option<String> },
    /// A write was refused: the change lives in this tab only.
    WriteFailed(StorageError),
    /// A change this tab had made was decided again after another tab's and refused.
    Undone(Rejection),
    /// Another tab restored a backup: this tab now shows it.
    RestoredElsewhere,
}

/// What a catch-up did.
#[derive(Debug, Default)]
pub struct Caught {
    pub changed: bool,
    pub troubles: Vec<Trouble>,
}

/// One tab's view of the shared storage.
pub struct Replica {
    storage: Rc<dyn Storage>,
    keys: Keys,
    tab: String,
    epoch: String,
    /// What the snapshot this tab's state is built on holds, per tab.
    folded: BTreeMap<String, u64>,
    /// Entries applied on top of that snapshot, in order; with those the engine refused.
    applied: Vec<Stamp>,
    refused: BTreeSet<Stamp>,
    /// This tab's entries still in its journal key.
    own: Vec<Entry>,
    next_n: u64,
    /// Each journal key's last value seen, to skip unchanged ones.
    seen: BTreeMap<String, String>,
    /// Hash of the snapshot value last seen.
    snapshot_seen: u64,
    epochs_made: u64,
}

/// What opening found.
/// What [`Replica::open_quick`] read: the replica of the saved snapshot, a glance of its state for the first
/// page, and the state's text (`csp_engine::persist`), which [`csp_engine::persist::decode`] reads whole (the
/// same state [`Replica::open`] would have given).
pub struct QuickOpened {
    pub replica: Replica,
    pub glance: csp_engine::persist::Glance,
    pub text: String,
    pub session: Option<crate::session::Session>,
}

pub struct Opened {
    pub replica: Replica,
    pub state: State,
    /// The saved session: from its own key, else from a format 1 or 2 envelope; `None` when there is none
    /// or it could not be read (a trouble then says so).
    pub session: Option<crate::session::Session>,
    pub troubles: Vec<Trouble>,
}

fn stamp(tab: &str, e: &Entry) -> Stamp {
    Stamp { at: e.at, tab: tab.to_string(), n: e.n }
}

fn parse_journal(raw: &str) -> Result<JournalDoc, Unreadable> {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    let v: Version = serde_json::from_str(raw).map_err(|e| Unreadable::Damaged(format!("journal: {e}")))?;
    if v.version > JOURNAL_VERSION {
        return Err(Unreadable::Newer(u64::from(v.version)));
    }
    serde_json::from_str(raw).map_err(|e| Unreadable::Damaged(format!("journal: {e}")))
}

impl Replica {
    /// Open the stored data: the snapshot (or `fresh()` when there is none or it cannot be read), the
    /// journals' entries replayed on it, and the session. `Err` when what is stored cannot be read and
    /// cannot be backed up either: the caller must then not write at all (memory only).
    pub fn open(
        storage: Rc<dyn Storage>,
        keys: Keys,
        tab: String,
        fresh: impl FnOnce() -> State,
        now: DateTime<Utc>,
    ) -> Result<Opened, Vec<Trouble>> {
        let mut troubles = Vec::new();
        let now_ms = now.timestamp_millis().max(0) as u64;
        let back_up = |of, why: Unreadable, raw: &str, troubles: &mut Vec<Trouble>| {
            let backup = backups::back_up(storage.as_ref(), &keys, of, Some(why.clone()), raw, now).ok();
            let ok = backup.is_some();
            troubles.push(Trouble::Unreadable { of, why, backup });
            ok
        };
        // The session, in its own key (format 3) — read on its own.
        let mut session = None;
        match storage.get(&keys.session()) {
            Ok(Some(raw)) => match format::decode_session(&raw) {
                Ok(s) => session = Some(s),
                Err(why) => {
                    if back_up(BackupOf::Session, why, &raw, &mut troubles) {
                        let _ = storage.remove(&keys.session());
                    }
                }
            },
            Ok(None) => {}
            Err(e) => {
                troubles.push(Trouble::Unreadable { of: BackupOf::Session, why: Unreadable::Refused(e), backup: None })
            }
        }
        // The snapshot.
        let mut needs_write = false;
        let mut snapshot_lost = false;
        let snapshot = match storage.get(keys.snapshot()) {
            Err(e) => {
                troubles.push(Trouble::Unreadable { of: BackupOf::State, why: Unreadable::Refused(e), backup: None });
                return Err(troubles);
            }
            Ok(None) => None,
            Ok(Some(raw)) => match format::decode_snapshot(&raw) {
                Ok(snapshot) => Some(snapshot),
                Err(why) => {
                    // The session of a format 1 or 2 envelope survives a damaged state.
                    if session.is_none() {
                        if let Some(Ok(s)) = format::session_of_damaged(&raw) {
                            session = Some(s);
                        }
                    }
                    if !back_up(BackupOf::State, why, &raw, &mut troubles) {
                        return Err(troubles);
                    }
                    snapshot_lost = true;
                    None
                }
            },
        };
        let mut replica = Replica::blank(storage.clone(), keys.clone(), tab);
        let mut state = match snapshot {
            Some(Snapshot { state, epoch: Some(epoch), folded, .. }) => {
                replica.epoch = epoch;
                replica.folded = folded;
                state
            }
            Some(Snapshot { state, epoch: None, session: inner, .. }) => {
                // Format 1 or 2: its session moves to its own key, the state starts an epoch.
                match inner {
                    Some(Ok(s)) if session.is_none() => {
                        let _ = storage.set(&keys.session(), &format::encode_session(&s));
                        session = Some(s);
                    }
                    Some(Err(why)) if session.is_none() => {
                        let raw = storage.get(keys.snapshot()).ok().flatten().unwrap_or_default();
                        back_up(BackupOf::Session, why, &raw, &mut troubles);
                    }
                    _ => {}
                }
                replica.epoch = replica.new_epoch();
                needs_write = true;
                state
            }
            None => {
                replica.epoch = replica.new_epoch();
                needs_write = true;
                fresh()
            }
        };
        // The journals: every tab's entries of this epoch not yet in the snapshot, in the one order.
        let mut pending: Vec<(Stamp, Entry)> = Vec::new();
        for key in storage.keys() {
            let Some(tab) = key.strip_prefix(&keys.journal_prefix()) else { continue };
            let Ok(Some(raw)) = storage.get(&key) else { continue };
            match parse_journal(&raw) {
                Err(why) => {
                    if back_up(BackupOf::Journal, why, &raw, &mut troubles) {
                        let _ = storage.remove(&key);
                    }
                }
                Ok(doc) => {
                    let live: Vec<&Entry> = doc
                        .entries
                        .iter()
                        .filter(|e| e.epoch == replica.epoch && e.n > replica.folded.get(tab).copied().unwrap_or(0))
                        .collect();
                    if snapshot_lost && !doc.entries.is_empty() {
                        // Changes made on the state that could not be read: kept with it.
                        let why = Unreadable::Damaged("changes to the saved data that could not be read".into());
                        if back_up(BackupOf::Journal, why, &raw, &mut troubles) {
                            let _ = storage.remove(&key);
                        }
                        continue;
                    }
                    let newest = doc.entries.iter().map(|e| e.at).max().unwrap_or(0);
                    if live.is_empty() && newest + STALE_JOURNAL_MS < now_ms {
                        let _ = storage.remove(&key);
                        continue;
                    }
                    pending.extend(live.into_iter().map(|e| (stamp(tab, e), e.clone())));
                    replica.seen.insert(key.clone(), raw);
                }
            }
        }
        pending.sort_by(|a, b| a.0.cmp(&b.0));
        for (stamp, entry) in pending {
            replica.apply(&mut state, stamp, &entry);
        }
        if needs_write {
            if let Err(e) = replica.write_snapshot(&state, replica.epoch.clone(), replica.folded_with_applied()) {
                troubles.push(Trouble::WriteFailed(e));
            } else {
                replica.applied.clear();
                replica.refused.clear();
            }
        }
        replica.remember_snapshot();
        Ok(Opened { replica, state, session, troubles })
    }

    /// Open without the engine, when nothing needs it: the session (if any) and a format 3 snapshot both read
    /// cleanly, no journal key exists (no tab's changes to replay), and `book` is the snapshot's state already
    /// inflated. The snapshot's state is only glanced at ([`format::glance_snapshot`]); its text is kept to be
    /// read whole. `None` leaves every other case to [`Replica::open`].
    pub fn open_quick(
        storage: Rc<dyn Storage>,
        keys: Keys,
        tab: String,
        book: Option<&format::InflatedBook>,
    ) -> Option<QuickOpened> {
        let journal_prefix = keys.journal_prefix();
        if storage.keys().iter().any(|k| k.starts_with(&journal_prefix)) {
            return None;
        }
        let session = match storage.get(&keys.session()) {
            Ok(Some(raw)) => Some(format::decode_session(&raw).ok()?),
            Ok(None) => None,
            Err(_) => return None,
        };
        let raw = storage.get(keys.snapshot()).ok()??;
        let format::Glanced { glance, epoch, folded, text } = format::glance_snapshot(&raw, book)?;
        // The snapshot as just read: a large book is not read from storage a second time before the first page.
        let snapshot_seen = fingerprint(&raw);
        Some(QuickOpened {
            replica: Replica { epoch, folded, snapshot_seen, ..Replica::blank(storage, keys, tab) },
            glance,
            text,
            session,
        })
    }

    /// A replica that has applied nothing yet, of no epoch.
    fn blank(storage: Rc<dyn Storage>, keys: Keys, tab: String) -> Replica {
        Replica {
            storage,
            keys,
            tab,
            epoch: String::new(),
            folded: BTreeMap::new(),
            applied: Vec::new(),
            refused: BTreeSet::new(),
            own: Vec::new(),
            next_n: 1,
            seen: BTreeMap::new(),
            snapshot_seen: 0,
            epochs_made: 0,
        }
    }

    fn new_epoch(&mut self) -> String {
        self.epochs_made += 1;
        format!("{}-{}", self.tab, self.epochs_made)
    }

    pub fn tab(&self) -> &str {
        &self.tab
    }

    /// Entries applied since the snapshot (the fold has work to do).
    pub fn unfolded(&self) -> usize {
        self.applied.len()
    }

    /// Whether this tab made the last change it knows of (the one that folds).
    pub fn acted_last(&self) -> bool {
        self.applied.last().is_some_and(|s| s.tab == self.tab)
    }

    /// Decide `entry` again on `state` (the engine's journal replay: a refusal changes nothing) and
    /// note it as applied.
    fn apply(&mut self, state: &mut State, stamp: Stamp, entry: &Entry) -> Option<Rejection> {
        let entry = JournalEntry { user: entry.user.clone(), command: entry.command.clone() };
        let refused = journal::replay(state, std::slice::from_ref(&entry)).pop().map(|(_, r)| r);
        if refused.is_some() {
            self.refused.insert(stamp.clone());
        }
        self.applied.push(stamp);
        refused
    }

    fn folded_with_applied(&self) -> BTreeMap<String, u64> {
        let mut folded = self.folded.clone();
        for s in &self.applied {
            let n = folded.entry(s.tab.clone()).or_insert(0);
            *n = (*n).max(s.n);
        }
        folded
    }

    fn write_snapshot(
        &mut self,
        state: &State,
        epoch: String,
        folded: BTreeMap<String, u64>,
    ) -> Result<(), StorageError> {
        let raw = format::encode_snapshot(state, &epoch, &folded);
        self.storage.set(self.keys.snapshot(), &raw)?;
        self.snapshot_seen = fingerprint(&raw);
        self.epoch = epoch;
        self.folded = folded;
        Ok(())
    }

    fn remember_snapshot(&mut self) {
        if let Ok(Some(raw)) = self.storage.get(self.keys.snapshot()) {
            self.snapshot_seen = fingerprint(&raw);
        }
    }

    /// Journal a command the engine has just accepted on `state` (already applied). Synchronous: when
    /// this returns `Ok`, the change survives a crash.
    pub fn record(&mut self, user: &UserId, command: Command, now: DateTime<Utc>) -> Result<(), StorageError> {
        let now_ms = now.timestamp_millis().max(0) as u64;
        let after = self.applied.last().map(|s| s.at + 1).unwrap_or(0);
        let entry =
            Entry { n: self.next_n, at: now_ms.max(after), epoch: self.epoch.clone(), user: user.clone(), command };
        self.next_n += 1;
        self.applied.push(stamp(&self.tab, &entry));
        self.own.push(entry);
        self.prune_own(now_ms);
        self.write_own()
    }

    fn write_own(&mut self) -> Result<(), StorageError> {
        let key = self.keys.journal(&self.tab);
        if self.own.is_empty() {
            self.seen.remove(&key);
            return self.storage.remove(&key);
        }
        let doc = JournalDoc { version: JOURNAL_VERSION, tab: self.tab.clone(), entries: self.own.clone() };
        let raw = serde_json::to_string(&doc).map_err(|e| StorageError::Refused(e.to_string()))?;
        self.storage.set(&key, &raw)?;
        self.seen.insert(key, raw);
        Ok(())
    }

    /// Drop own entries the snapshot holds, once they are old enough (see the module's doc).
    fn prune_own(&mut self, now_ms: u64) -> bool {
        let folded = self.folded.get(&self.tab).copied().unwrap_or(0);
        let before = self.own.len();
        let epoch = self.epoch.clone();
        self.own.retain(|e| e.epoch == epoch && !(e.n <= folded && e.at + PRUNE_GRACE_MS < now_ms));
        self.own.len() != before
    }

    /// Apply what other tabs did since the last look. `state` is this tab's live state.
    pub fn catch_up(&mut self, state: &mut State, now: DateTime<Utc>) -> Caught {
        let now_ms = now.timestamp_millis().max(0) as u64;
        let mut caught = Caught::default();
        // 1. Did the snapshot move on?
        let mut rebuild = false;
        match self.storage.get(self.keys.snapshot()) {
            Ok(Some(raw)) if fingerprint(&raw) != self.snapshot_seen => match format::decode_head(&raw) {
                Ok(head) if head.epoch.as_deref() != Some(self.epoch.as_str()) => {
                    rebuild = true;
                    caught.troubles.push(Trouble::RestoredElsewhere);
                }
                Ok(head) => {
                    self.snapshot_seen = fingerprint(&raw);
                    if head.folded != self.folded && !self.adopt_fold(&head.folded) {
                        rebuild = true;
                    }
                }
                Err(why) => {
                    // Damaged under our feet: keep it as a backup and write our own state back.
                    let backup = backups::back_up(
                        self.storage.as_ref(),
                        &self.keys,
                        BackupOf::State,
                        Some(why.clone()),
                        &raw,
                        now,
                    )
                    .ok();
                    let saved = backup.is_some();
                    caught.troubles.push(Trouble::Unreadable { of: BackupOf::State, why, backup });
                    if saved {
                        let folded = self.folded_with_applied();
                        match self.write_snapshot(state, self.epoch.clone(), folded) {
                            Ok(()) => {
                                self.applied.clear();
                                self.refused.clear();
                            }
                            Err(e) => caught.troubles.push(Trouble::WriteFailed(e)),
                        }
                    }
                }
            },
            _ => {}
        }
        // 2. New entries in other tabs' journals.
        let mut fresh: Vec<(Stamp, Entry)> = Vec::new();
        let known: BTreeSet<&Stamp> = self.applied.iter().collect();
        let own_key = self.keys.journal(&self.tab);
        for key in self.storage.keys() {
            let Some(tab) = key.strip_prefix(&self.keys.journal_prefix()) else { continue };
            if key == own_key {
                continue;
            }
            let Ok(Some(raw)) = self.storage.get(&key) else { continue };
            if self.seen.get(&key) == Some(&raw) {
                continue;
            }
            let Ok(doc) = parse_journal(&raw) else { continue };
            let folded = self.folded.get(tab).copied().unwrap_or(0);
            for e in doc.entries.iter().filter(|e| e.epoch == self.epoch && e.n > folded) {
                let s = stamp(tab, e);
                if !known.contains(&s) {
                    fresh.push((s, e.clone()));
                }
            }
            self.seen.insert(key, raw);
        }
        fresh.sort_by(|a, b| a.0.cmp(&b.0));
        let in_order = match (self.applied.last(), fresh.first()) {
            (Some(last), Some((first, _))) => first > last,
            _ => true,
        };
        if rebuild || !in_order {
            self.rebuild(state, &mut caught);
            caught.changed = true;
        } else if !fresh.is_empty() {
            for (s, e) in fresh {
                self.apply(state, s, &e);
            }
            caught.changed = true;
        }
        if self.prune_own(now_ms) {
            if let Err(e) = self.write_own() {
                caught.troubles.push(Trouble::WriteFailed(e));
            }
        }
        caught
    }

    /// Another tab folded: when its snapshot holds exactly a prefix of what this tab applied, in the
    /// same order, this tab's state is that snapshot plus the rest, so nothing needs decoding.
    fn adopt_fold(&mut self, folded: &BTreeMap<String, u64>) -> bool {
        let prefix = self.applied.iter().take_while(|s| folded.get(&s.tab).is_some_and(|n| s.n <= *n)).count();
        let mut expected = self.folded.clone();
        for s in &self.applied[..prefix] {
            let n = expected.entry(s.tab.clone()).or_insert(0);
            *n = (*n).max(s.n);
        }
        if &expected != folded {
            return false;
        }
        for s in self.applied.drain(..prefix) {
            self.refused.remove(&s);
        }
        self.folded = folded.clone();
        true
    }

    /// Start again from the stored snapshot and every journal entry of its epoch.
    fn rebuild(&mut self, state: &mut State, caught: &mut Caught) {
        let raw = match self.storage.get(self.keys.snapshot()) {
            Ok(Some(raw)) => raw,
            _ => return,
        };
        let Ok(Snapshot { state: base, epoch: Some(epoch), folded, .. }) = format::decode_snapshot(&raw) else {
            return;
        };
        let was_refused = std::mem::take(&mut self.refused);
        let had_own: BTreeSet<Stamp> = self.own.iter().map(|e| stamp(&self.tab, e)).collect();
        if epoch != self.epoch {
            // A restore elsewhere: this tab's unfolded changes belonged to the replaced state.
            self.own.clear();
            let _ = self.write_own();
        }
        self.epoch = epoch;
        self.folded = folded;
        self.snapshot_seen = fingerprint(&raw);
        self.applied.clear();
        *state = base;
        let mut pending: Vec<(Stamp, Entry)> = Vec::new();
        for key in self.storage.keys() {
            let Some(tab) = key.strip_prefix(&self.keys.journal_prefix()) else { continue };
            let entries = if tab == self.tab {
                self.own.clone()
            } else {
                let Ok(Some(raw)) = self.storage.get(&key) else { continue };
                let Ok(doc) = parse_journal(&raw) else { continue };
                self.seen.insert(key.clone(), raw);
                doc.entries
            };
            let folded = self.folded.get(tab).copied().unwrap_or(0);
            pending.extend(
                entries.iter().filter(|e| e.epoch == self.epoch && e.n > folded).map(|e| (stamp(tab, e), e.clone())),
            );
        }
        pending.sort_by(|a, b| a.0.cmp(&b.0));
        for (s, e) in pending {
            let mine = s.tab == self.tab && had_own.contains(&s) && !was_refused.contains(&s);
            if let Some(rejection) = self.apply(state, s, &e) {
                if mine {
                    caught.troubles.push(Trouble::Undone(rejection));
                }
            }
        }
    }

    /// Write the snapshot with everything applied, if this tab acted last (or `force`). Returns whether
    /// it wrote. Call [`Replica::catch_up`] first.
    pub fn fold(&mut self, state: &State, now: DateTime<Utc>, force: bool) -> Result<bool, StorageError> {
        if self.applied.is_empty() || !(force || self.acted_last()) {
            return Ok(false);
        }
        let folded = self.folded_with_applied();
        self.write_snapshot(state, self.epoch.clone(), folded)?;
        self.applied.clear();
        self.refused.clear();
        let now_ms = now.timestamp_millis().max(0) as u64;
        if self.prune_own(now_ms) {
            self.write_own()?;
        }
        Ok(true)
    }

    /// Replace everything with `state` (a restore): a new epoch, an empty journal.
    pub fn replace(&mut self, state: &State) -> Result<(), StorageError> {
        let epoch = self.new_epoch();
        self.write_snapshot(state, epoch, BTreeMap::new())?;
        self.applied.clear();
        self.refused.clear();
        self.own.clear();
        self.write_own()
    }

    /// The stored value of the snapshot as this tab would write it now (for a backup before a restore).
    pub fn snapshot_text(&self, state: &State) -> String {
        format::encode_snapshot(state, &self.epoch, &self.folded_with_applied())
    }

    pub fn save_session(&self, session: &crate::session::Session) -> Result<(), StorageError> {
        self.storage.set(&self.keys.session(), &format::encode_session(session))
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    pub fn storage(&self) -> &Rc<dyn Storage> {
        &self.storage
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::session::Session;
    use crate::storage::MemoryStorage;
    use chrono::{Duration, TimeZone};
    use csp_engine::demo;
    use csp_engine::roles::Role;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap()
    }

    fn fresh() -> State {
        demo::demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap())
    }

    /// One tab: its replica and its live state, over a storage shared with the other tabs.
    struct Tab {
        replica: Replica,
        state: State,
        troubles: Vec<Trouble>,
    }

    impl Tab {
        fn open(storage: &Rc<MemoryStorage>, name: &str, now: DateTime<Utc>) -> Tab {
            let opened = Replica::open(storage.clone(), Keys::new("k"), name.into(), fresh, now).ok().unwrap();
            Tab { replica: opened.replica, state: opened.state, troubles: opened.troubles }
        }

        /// What the app's dispatch does: catch up, decide, journal.
        fn run(&mut self, command: Command, now: DateTime<Utc>) -> Result<(), Rejection> {
            let caught = self.replica.catch_up(&mut self.state, now);
            self.troubles.extend(caught.troubles);
            let user = demo::global_admin();
            let clock = self.state.clock;
            csp_engine::execute(&mut self.state, &user, command.clone(), clock)?;
            self.replica.record(&user, command, now).unwrap();
            Ok(())
        }

        fn catch_up(&mut self, now: DateTime<Utc>) {
            let caught = self.replica.catch_up(&mut self.state, now);
            self.troubles.extend(caught.troubles);
        }
    }

    fn add_user(name: &str) -> Command {
        Command::AddUser {
            name: name.into(),
            email: format!("{}@contoso-partners.com", name.to_lowercase().replace(' ', ".")),
            roles: vec![Role::SalesAgent],
        }
    }

    fn user_names(state: &State) -> Vec<String> {
        state.users.iter().map(|u| u.name.clone()).collect()
    }

    /// The snapshot's state of `storage` as boot.js hands it over: its text, inflated.
    fn inflated(storage: &MemoryStorage, keys: &Keys) -> format::InflatedBook {
        #[derive(Deserialize)]
        struct StateOnly {
            state: String,
        }
        let raw = storage.get(keys.snapshot()).unwrap().expect("a snapshot");
        let text = serde_json::from_str::<StateOnly>(&raw).unwrap().state;
        let layout = csp_engine::persist::layout_of(&text).unwrap();
        format::InflatedBook { text, layout }
    }

    #[test]
    fn the_quick_open_reads_a_saved_book_only_when_nothing_needs_the_engine() {
        let storage = Rc::new(MemoryStorage::default());
        let keys = Keys::new("k");
        let quick =
            |book: Option<&format::InflatedBook>| Replica::open_quick(storage.clone(), keys.clone(), "q".into(), book);
        assert!(quick(None).is_none(), "a first start builds the demo: the engine's");
        let mut a = Tab::open(&storage, "a", t0());
        let book = inflated(&storage, &keys);
        assert!(quick(None).is_none(), "nothing inflated (no boot.js): the full open's");
        let opened = quick(Some(&book)).expect("a saved snapshot, inflated, and no journal");
        assert_eq!(opened.glance.users, a.state.users);
        assert_eq!(opened.glance.customers, a.state.customers);
        assert_eq!(opened.glance.clock, a.state.clock);
        let whole = csp_engine::persist::decode(&opened.text).expect("the text read whole");
        assert_eq!(whole, a.state);
        assert!(opened.session.is_none());
        // What the quick replica journals, another tab replays.
        let mut q = Tab { replica: opened.replica, state: whole, troubles: Vec::new() };
        q.run(add_user("Quick Tab"), t0() + Duration::seconds(1)).unwrap();
        assert!(quick(Some(&book)).is_none(), "a journal to replay: the full open's");
        a.catch_up(t0() + Duration::seconds(2));
        assert!(user_names(&a.state).contains(&"Quick Tab".to_string()));
        let reloaded = Tab::open(&storage, "c", t0() + Duration::seconds(3));
        assert_eq!(reloaded.state, a.state);
    }

    #[test]
    fn the_quick_open_glances_only_at_the_layout_of_the_stored_text() {
        // Another tab may save between the page inflating the snapshot and the app reading it: a layout of
        // any other text is not this snapshot's, and the full open reads what is stored.
        let keys = Keys::new("k");
        let (here, elsewhere) = (Rc::new(MemoryStorage::default()), Rc::new(MemoryStorage::default()));
        let mut a = Tab::open(&here, "a", t0());
        let mut b = Tab::open(&elsewhere, "b", t0());
        b.run(add_user("Elsewhere"), t0() + Duration::seconds(1)).unwrap();
        b.replica.fold(&b.state, t0() + Duration::seconds(2), true).unwrap();
        let book = inflated(&here, &keys);
        let other = inflated(&elsewhere, &keys);
        assert_ne!(book.text, other.text);
        let quick = |book| Replica::open_quick(here.clone(), keys.clone(), "q".into(), book);
        assert!(quick(Some(&other)).is_none(), "another text's layout");
        let opened = quick(Some(&book)).expect("this text's layout");
        assert_eq!(opened.glance.clock, a.state.clock);
        a.run(add_user("Later"), t0() + Duration::seconds(1)).unwrap();
        assert!(quick(Some(&book)).is_none(), "a journal to replay");
    }

    #[test]
    fn the_quick_open_leaves_damaged_data_to_the_full_open() {
        let storage = Rc::new(MemoryStorage::default());
        let _a = Tab::open(&storage, "a", t0());
        let keys = Keys::new("k");
        let book = inflated(&storage, &keys);
        let quick = |book| Replica::open_quick(storage.clone(), keys.clone(), "q".into(), book);
        storage.set(&keys.session(), "{not a session").unwrap();
        assert!(quick(Some(&book)).is_none(), "an unreadable session is backed up by the full open");
        storage.remove(&keys.session()).unwrap();
        assert!(quick(Some(&book)).is_some());
        let damaged =
            format::InflatedBook { text: book.text.clone(), layout: book.layout[..book.layout.len() / 2].to_vec() };
        assert!(quick(Some(&damaged)).is_none(), "a layout cut short: the full open says what is wrong");
        storage.set(keys.snapshot(), "{not a snapshot").unwrap();
        assert!(quick(Some(&book)).is_none(), "an unreadable snapshot is backed up by the full open");
    }

    #[test]
    fn tabs_taking_turns_keep_every_change_and_a_reload_sees_them_all() {
        let storage = Rc::new(MemoryStorage::default());
        let mut a = Tab::open(&storage, "a", t0());
        let mut b = Tab::open(&storage, "b", t0());
        assert_eq!(a.state, b.state, "the second tab opens the first one's snapshot");
        let mut now = t0();
        for i in 0..30 {
            now += Duration::milliseconds(50);
            let tab = if i % 2 == 0 { &mut a } else { &mut b };
            if i % 7 == 3 {
                let to = tab.state.clock + Duration::days(3);
                tab.run(Command::AdvanceClock { to }, now).unwrap();
            } else {
                tab.run(add_user(&format!("User {i}")), now).unwrap();
            }
            if i % 10 == 9 {
                // Now and then the tab that acted last folds.
                tab.catch_up(now);
                let state = tab.state.clone();
                tab.replica.fold(&state, now, false).unwrap();
            }
        }
        a.catch_up(now);
        b.catch_up(now);
        assert_eq!(a.state, b.state);
        for i in (0..30).filter(|i| i % 7 != 3) {
            assert!(user_names(&a.state).contains(&format!("User {i}")), "User {i}");
        }
        let reloaded = Tab::open(&storage, "c", now);
        assert_eq!(reloaded.state, a.state, "snapshot + journals = the live state");
        assert!(a.troubles.is_empty() && b.troubles.is_empty(), "{:?} {:?}", a.troubles, b.troubles);
    }

    #[test]
    fn a_command_decided_at_the_same_time_in_two_tabs_is_refused_in_the_later_one() {
        let storage = Rc::new(MemoryStorage::default());
        let mut a = Tab::open(&storage, "a", t0());
        let mut b = Tab::open(&storage, "b", t0());
        // Both add the same e-mail before seeing each other's change: B's is later.
        a.replica.catch_up(&mut a.state, t0());
        let user = demo::global_admin();
        let (ca, cb) = (a.state.clock, b.state.clock);
        csp_engine::execute(&mut a.state, &user, add_user("Same Person"), ca).unwrap();
        csp_engine::execute(&mut b.state, &user, add_user("Same Person"), cb).unwrap();
        b.replica.record(&user, add_user("Same Person"), t0() + Duration::milliseconds(2)).unwrap();
        a.replica.record(&user, add_user("Same Person"), t0() + Duration::milliseconds(1)).unwrap();
        let later = t0() + Duration::seconds(1);
        a.catch_up(later);
        b.catch_up(later);
        assert_eq!(a.state, b.state);
        assert_eq!(user_names(&a.state).iter().filter(|n| *n == "Same Person").count(), 1);
        assert!(a.troubles.is_empty(), "{:?}", a.troubles);
        assert!(matches!(b.troubles.as_slice(), [Trouble::Undone(_)]), "{:?}", b.troubles);
        assert_eq!(Tab::open(&storage, "c", later).state, a.state);
    }

    #[test]
    fn a_change_survives_a_tab_that_closes_before_folding() {
        let storage = Rc::new(MemoryStorage::default());
        let mut a = Tab::open(&storage, "a", t0());
        a.run(add_user("Crash Test"), t0()).unwrap();
        drop(a);
        let b = Tab::open(&storage, "b", t0() + Duration::seconds(1));
        assert!(user_names(&b.state).contains(&"Crash Test".to_string()));
    }

    #[test]
    fn a_fold_by_one_tab_is_adopted_by_the_other_and_journals_are_pruned() {
        let storage = Rc::new(MemoryStorage::default());
        let mut a = Tab::open(&storage, "a", t0());
        let mut b = Tab::open(&storage, "b", t0());
        b.run(add_user("First"), t0()).unwrap();
        a.run(add_user("Second"), t0() + Duration::milliseconds(10)).unwrap();
        let state = a.state.clone();
        assert!(a.replica.fold(&state, t0(), false).unwrap());
        b.catch_up(t0() + Duration::seconds(1));
        assert_eq!(b.replica.unfolded(), 0, "adopted without a rebuild");
        assert_eq!(a.state, b.state);
        // Past the grace period, each tab drops its folded entries.
        let later = t0() + Duration::minutes(1);
        a.catch_up(later);
        b.catch_up(later);
        assert!(storage.keys().iter().all(|k| !k.starts_with("k.journal.")), "{:?}", storage.keys());
        assert_eq!(Tab::open(&storage, "c", later).state, a.state);
    }

    #[test]
    fn a_restore_in_one_tab_is_shown_in_the_other() {
        let storage = Rc::new(MemoryStorage::default());
        let mut a = Tab::open(&storage, "a", t0());
        let mut b = Tab::open(&storage, "b", t0());
        b.run(add_user("Before Restore"), t0()).unwrap();
        let mut restored = fresh();
        restored.partner.name = "Restored Partner".into();
        a.catch_up(t0());
        a.replica.replace(&restored).unwrap();
        b.catch_up(t0() + Duration::seconds(1));
        assert_eq!(b.state, restored);
        assert!(b.troubles.contains(&Trouble::RestoredElsewhere));
        assert_eq!(Tab::open(&storage, "c", t0() + Duration::seconds(2)).state, restored);
    }

    /// A case: its name, the snapshot and the session stored, whether the state and the session are kept,
    /// and how many backups it makes.
    type Damage = (&'static str, Option<String>, Option<String>, bool, bool, usize);

    /// The corruption corpus: whatever is stored, the app opens, keeps what can be read, backs up each
    /// distinct bad value once, and a restore works afterwards.
    #[test]
    fn corruption_corpus() {
        let good_state = {
            let mut s = fresh();
            s.partner.name = "Kept Partner".into();
            s
        };
        let good_snapshot = format::encode_snapshot(&good_state, "e", &BTreeMap::new());
        let good_session = format::encode_session(&Session { user: demo::global_admin(), locale: Locale::Fr });
        let mut flipped = good_snapshot.clone().into_bytes();
        let i = flipped.len() - 40;
        flipped[i] ^= 0x01;
        let flipped = String::from_utf8(flipped).unwrap();
        let v2 = |session: &str| {
            format!(
                "{{\"version\":2,\"session\":{session},\"state\":\"{}\"}}",
                csp_engine::persist::encode(&good_state)
            )
        };
        // (name, snapshot, session key, state kept?, session kept?, backups expected)
        let cases: Vec<Damage> = vec![
            ("garbage", Some("\u{1}garbage".into()), Some(good_session.clone()), false, true, 1),
            (
                "truncated",
                Some(good_snapshot[..good_snapshot.len() / 2].into()),
                Some(good_session.clone()),
                false,
                true,
                1,
            ),
            ("flipped bit", Some(flipped), Some(good_session.clone()), false, true, 1),
            (
                "wrong shape",
                Some("{\"version\":3,\"epoch\":\"e\",\"state\":42}".into()),
                Some(good_session.clone()),
                false,
                true,
                1,
            ),
            (
                "unknown language",
                Some(good_snapshot.clone()),
                Some("{\"user\":\"U-0001\",\"locale\":\"Tlh\"}".into()),
                true,
                false,
                1,
            ),
            (
                "newer format",
                Some("{\"version\":9,\"state\":\"later\"}".into()),
                Some(good_session.clone()),
                false,
                true,
                1,
            ),
            ("good state, bad session (format 2)", Some(v2("{\"user\":7}")), None, true, false, 1),
            (
                "bad state, good session (format 2)",
                Some("{\"version\":2,\"session\":{\"user\":\"U-0001\",\"locale\":\"Fr\"},\"state\":\"AAAA\"}".into()),
                None,
                false,
                true,
                1,
            ),
            ("bad journal", Some(good_snapshot.clone()), Some(good_session.clone()), true, true, 1),
        ];
        for (name, snapshot, session, state_kept, session_kept, backups_expected) in cases {
            let storage = Rc::new(MemoryStorage::default());
            if let Some(s) = &snapshot {
                storage.set("k", s).unwrap();
            }
            if let Some(s) = &session {
                storage.set("k.session", s).unwrap();
            }
            if name == "bad journal" {
                storage.set("k.journal.zz", "{\"version\":1,\"tab\":\"zz\",\"entries\":[{\"n\":1").unwrap();
            }
            let opened = Replica::open(storage.clone(), Keys::new("k"), "a".into(), fresh, t0())
                .unwrap_or_else(|t| panic!("{name}: {t:?}"));
            assert_eq!(opened.state.partner.name == "Kept Partner", state_kept, "{name}: state");
            assert_eq!(opened.session.as_ref().map(|s| s.locale) == Some(Locale::Fr), session_kept, "{name}: session");
            assert!(!opened.troubles.is_empty(), "{name}: the user is told");
            let backups = || crate::storage::backups::list(storage.as_ref(), &Keys::new("k"));
            assert_eq!(backups().len(), backups_expected, "{name}: {:?}", storage.keys());
            // Reopening does not back the same value up again.
            drop(opened);
            let again = Replica::open(storage.clone(), Keys::new("k"), "b".into(), fresh, t0()).ok().unwrap();
            assert_eq!(backups().len(), backups_expected, "{name}: backed up once");
            // A restore works afterwards and survives a reload.
            let mut replica = again.replica;
            replica.replace(&good_state).unwrap();
            let reopened = Replica::open(storage.clone(), Keys::new("k"), "c".into(), fresh, t0()).ok().unwrap();
            assert_eq!(reopened.state, good_state, "{name}: restored");
            assert!(reopened.troubles.is_empty(), "{name}: {:?}", reopened.troubles);
        }
    }
}
