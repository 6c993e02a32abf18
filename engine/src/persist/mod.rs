//! The compact saved form of a [`State`]: what the app stores, and reads back exactly
//! (`decode(&encode(s)) == s`, the built-in catalog aside, which is never saved).
//!
//! A large partner's JSON is ~100 MB (a year of ledger and subscription history); localStorage holds
//! 5 MB. The encoding keeps the three big collections as integer columns (see [`bytes`]) and the rest as
//! JSON, then deflates and base64-encodes the whole:
//!
//! * **subscriptions**: one column per field; IDs, names and offers interned in one string table.
//! * **ledger**: IDs implicit when entry *i* is `L-(i+1)`; times as deltas; customer, order,
//!   description and unit price predicted from the subscription the entry is about, quantity from the
//!   previous entry of the same reference, amount from quantity × unit price, service dates from the
//!   posting date and billing period — each stored as its difference from the prediction, mostly 0.
//! * **subscription log**: times and subscriptions as deltas, the customer predicted from the
//!   subscription, each change as a kind and its data.
//!
//! Layout before deflate: `FORMAT`, the rest as JSON, the string table, then the subscription, ledger and
//! log columns, then (format 2) the Adler-32 of all of it, checked before anything is read. Raw DEFLATE (no
//! zlib header), so a browser can read it with `DecompressionStream('deflate-raw')`; standard base64 (`atob`).

mod bytes;
mod codes;
mod glance;
mod ledger;
mod log;
#[cfg(test)]
mod serde_fixtures;
mod subscriptions;
#[cfg(test)]
mod tests;

pub use glance::{glance, glance_of_layout, Glance};

use crate::audit::AuditEntry;
use crate::cart::Cart;
use crate::customers::Customer;
use crate::ids::{CartId, Counters, CustomerId, OrderId, ReservationId, SoftwarePurchaseId, SupportRequestId};
use crate::partner::{Partner, PartnerUser};
use crate::policy::Policy;
use crate::records::{Order, Reservation, SoftwarePurchase, Subscription};
use crate::reservations::RefundRecord;
use crate::software::{DownloadLink, DownloadLinkId, SoftwareAccess};
use crate::state::State;
use crate::support::SupportRequest;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use bytes::{ColsIn, Interner, Reader, Table, Writer};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// Version of the layout inside the deflated bytes. Bump it when the layout changes, and keep reading
/// the older ones. Format 2 is format 1 followed by the Adler-32 (little-endian) of every byte before it:
/// DEFLATE has no checksum of its own, so a flipped bit in a stored literal would otherwise read back as other
/// data (another amount, another date) instead of being refused.
pub const FORMAT: u64 = 2;

/// Format 1: the same layout without the checksum (saved before it); still read.
const FORMAT_UNCHECKED: u64 = 1;

/// Deflate level. On the benchmark partner 9 is 1 % smaller than 6 for 3× the time.
const LEVEL: u8 = 6;

/// The most the layout may inflate to (the benchmark's 2,000-customer partner takes 5.5 MB): a damaged
/// or hostile value cannot make the decoder exhaust memory.
const MAX_INFLATED: usize = 256 << 20;

/// Why saved text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersistError {
    NotBase64,
    NotDeflate,
    /// The data ends before what its layout announces.
    Truncated,
    /// A layout version this build does not know (saved by a newer one).
    UnknownFormat(u64),
    /// The part kept as JSON is unreadable.
    Json(String),
    /// A value is impossible (a date out of range, an unknown code…).
    Invalid(&'static str),
}

impl fmt::Display for PersistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PersistError::NotBase64 => f.write_str("not base64"),
            PersistError::NotDeflate => f.write_str("not deflate data"),
            PersistError::Truncated => f.write_str("truncated"),
            PersistError::UnknownFormat(v) => write!(f, "unknown compact format {v}"),
            PersistError::Json(e) => write!(f, "unreadable JSON part: {e}"),
            PersistError::Invalid(what) => write!(f, "invalid data: {what}"),
        }
    }
}

/// Everything but the three big collections, kept as JSON under `State`'s own field names, so that
/// `State`'s `Deserialize` reads it back (the three default to empty and are filled from the columns): no
/// second JSON reader in the wasm.
#[derive(Serialize)]
struct Rest<'a> {
    partner: &'a Partner,
    users: &'a [PartnerUser],
    clock: &'a DateTime<Utc>,
    policy: &'a Policy,
    counters: &'a Counters,
    audit: &'a [AuditEntry],
    orders: &'a BTreeMap<OrderId, Order>,
    software: &'a BTreeMap<SoftwarePurchaseId, SoftwarePurchase>,
    reservations: &'a BTreeMap<ReservationId, Reservation>,
    download_links: &'a BTreeMap<DownloadLinkId, DownloadLink>,
    software_access: &'a [SoftwareAccess],
    reservation_refunds: &'a BTreeMap<CustomerId, Vec<RefundRecord>>,
    support_requests: &'a BTreeMap<SupportRequestId, SupportRequest>,
    customers: &'a BTreeMap<CustomerId, Customer>,
    carts: &'a BTreeMap<CustomerId, Cart>,
    checked_out: &'a BTreeMap<CartId, Vec<OrderId>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    price_lists: &'a [crate::pricelist::PriceList],
}

/// The subscriptions by the string index of their map key. Ledger and log rows name a subscription by
/// that index, so finding the one that predicts a row is an array access, not a map search.
pub(crate) struct ByIndex<'s>(Vec<Option<&'s Subscription>>);

impl<'s> ByIndex<'s> {
    fn new(keys: impl IntoIterator<Item = (u64, &'s Subscription)>) -> ByIndex<'s> {
        let mut slots = Vec::new();
        for (i, sub) in keys {
            let i = i as usize;
            if slots.len() <= i {
                slots.resize(i + 1, None);
            }
            slots[i] = Some(sub);
        }
        ByIndex(slots)
    }

    pub fn get(&self, index: i64) -> Option<&'s Subscription> {
        usize::try_from(index).ok().and_then(|i| self.0.get(i).copied().flatten())
    }
}

/// The uncompressed bytes, and the length of each section (for the benchmarks).
pub(crate) fn pack(state: &State) -> (Vec<u8>, Sections) {
    // Destructured so that a new field of `State` is a compile error here until it is saved.
    let State {
        partner,
        users,
        clock,
        policy,
        counters,
        audit,
        orders,
        subscriptions,
        software,
        reservations,
        ledger,
        subscription_log,
        download_links,
        software_access,
        reservation_refunds,
        support_requests,
        customers,
        carts,
        checked_out,
        price_lists,
        catalog: _,
    } = state;
    let rest = Rest {
        partner,
        users,
        clock,
        policy,
        counters,
        audit,
        orders,
        software,
        reservations,
        download_links,
        software_access,
        reservation_refunds,
        support_requests,
        customers,
        carts,
        checked_out,
        price_lists,
    };
    let mut strings = Interner::default();
    let (subs, keys) = subscriptions::encode(subscriptions, &mut strings);
    let by_index = ByIndex::new(keys);
    let ledger = ledger::encode(ledger, &by_index, &mut strings);
    let log = log::encode(subscription_log, &by_index, &mut strings);

    let mut w = Writer::default();
    w.uint(FORMAT);
    // Serializing plain data to a string cannot fail (every map key is a string, no I/O).
    w.str(&serde_json::to_string(&rest).unwrap_or_default());
    let mut ends = [w.buf.len(); 5];
    strings.write(&mut w);
    ends[1] = w.buf.len();
    subs.write(&mut w);
    ends[2] = w.buf.len();
    ledger.write(&mut w);
    ends[3] = w.buf.len();
    log.write(&mut w);
    ends[4] = w.buf.len();
    let sections = Sections {
        rest: ends[0],
        strings: ends[1] - ends[0],
        subscriptions: ends[2] - ends[1],
        ledger: ends[3] - ends[2],
        log: ends[4] - ends[3],
    };
    (with_checksum(w.buf), sections)
}

/// The byte length of each section before deflate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sections {
    pub rest: usize,
    pub strings: usize,
    pub subscriptions: usize,
    pub ledger: usize,
    pub log: usize,
}

/// The saved form of `state`: base64 of raw DEFLATE of the compact layout.
pub fn encode(state: &State) -> String {
    let (raw, _) = pack(state);
    BASE64.encode(miniz_oxide::deflate::compress_to_vec(&raw, LEVEL))
}

/// Each section's size before and after deflate, as `(name, raw bytes, deflated bytes)` (what the
/// benchmarks report; deflated alone, so the sum is a little more than the whole).
pub fn sections(state: &State) -> Vec<(&'static str, usize, usize)> {
    let (raw, s) = pack(state);
    let mut at = 0;
    let parts = [
        ("rest", s.rest),
        ("strings", s.strings),
        ("subscriptions", s.subscriptions),
        ("ledger", s.ledger),
        ("log", s.log),
    ];
    parts
        .into_iter()
        .map(|(name, len)| {
            let part = raw.get(at..at + len).unwrap_or_default();
            at += len;
            (name, len, miniz_oxide::deflate::compress_to_vec(part, LEVEL).len())
        })
        .collect()
}

/// Raw DEFLATE, refusing output beyond `limit` bytes.
fn inflate(deflated: &[u8], limit: usize) -> Result<Vec<u8>, PersistError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, limit).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => PersistError::Invalid("too large once inflated"),
        _ => PersistError::NotDeflate,
    })
}

/// The layout inside saved text (base64, then raw DEFLATE), inflated and unchecked: what [`decode`] verifies
/// and reads, and what [`glance_of_layout`] reads.
pub fn layout_of(text: &str) -> Result<Vec<u8>, PersistError> {
    let deflated = BASE64.decode(text).map_err(|_| PersistError::NotBase64)?;
    inflate(&deflated, MAX_INFLATED)
}

/// The layout's format, checked, then its JSON part (everything but the three big collections).
fn json_part<'a>(r: &mut Reader<'a>) -> Result<&'a str, PersistError> {
    match r.uint()? {
        FORMAT | FORMAT_UNCHECKED => r.str(),
        other => Err(PersistError::UnknownFormat(other)),
    }
}

/// Adler-32 (miniz_oxide's, the zlib checksum) of the layout's bytes.
fn checksum(bytes: &[u8]) -> u32 {
    miniz_oxide::mz_adler32_oxide(1, bytes)
}

/// `layout` followed by its checksum (format 2's trailer).
fn with_checksum(mut layout: Vec<u8>) -> Vec<u8> {
    let sum = checksum(&layout);
    layout.extend_from_slice(&sum.to_le_bytes());
    layout
}

/// The layout without its trailing checksum, once the checksum matches (format 2); format 1 has none, and an
/// unknown format is [`json_part`]'s to report.
fn verified(raw: &[u8]) -> Result<&[u8], PersistError> {
    if Reader::new(raw).uint()? != FORMAT {
        return Ok(raw);
    }
    let (content, sum) = raw.split_at(raw.len().checked_sub(4).ok_or(PersistError::Truncated)?);
    let stored = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
    if checksum(content) != stored {
        return Err(PersistError::Invalid("the checksum does not match"));
    }
    Ok(content)
}

/// Read back what [`encode`] wrote. Damaged or foreign text is an error, never a panic.
pub fn decode(text: &str) -> Result<State, PersistError> {
    let raw = layout_of(text)?;
    let mut r = Reader::new(verified(&raw)?);
    let mut state: State = serde_json::from_str(json_part(&mut r)?).map_err(|e| PersistError::Json(e.to_string()))?;
    let table = Table::read(&mut r)?;
    let (subscriptions, keys) = subscriptions::decode(&mut ColsIn::read(&mut r, subscriptions::COLUMNS)?, &table)?;
    let by_index = ByIndex::new(keys.into_iter().filter_map(|(i, key)| subscriptions.get(&key).map(|s| (i, s))));
    let ledger = ledger::decode(&mut ColsIn::read(&mut r, ledger::COLUMNS)?, &table, &by_index)?;
    let subscription_log = log::decode(&mut ColsIn::read(&mut r, log::COLUMNS)?, &table, &by_index)?;
    if !r.at_end() {
        return Err(PersistError::Invalid("bytes after the last section"));
    }
    state.subscriptions = subscriptions;
    state.ledger = ledger;
    state.subscription_log = subscription_log;
    Ok(state)
}
