//! Subscriptions as columns: one row per record, in ID order; strings interned; each value stored as
//! its difference from what the row (or the previous row) predicts.

use super::bytes::{date_of, day, time_of, time_parts, Cols, ColsIn, Interner, Table};
use super::codes::{self, pick, BILLINGS, PUBLISHERS, STATUSES};
use super::PersistError;
use crate::billing::{term_end, QuantitySegment};
use crate::ids::{CustomerId, OfferId, OrderId, SubscriptionId};
use crate::money::{Currency, Money};
use crate::records::Subscription;
use std::collections::{BTreeMap, HashMap};

const ID: usize = 0; // delta of the string index from the previous row's
const KEY: usize = 1; // 0: the map key is the record's ID; else its string index + 1
const CUSTOMER: usize = 2; // delta from the previous row's
const OFFER: usize = 3;
const NAME: usize = 4; // 0: the name of the previous row of the same offer; else index + 1
const ORDER: usize = 5; // delta from the previous row's
const QUANTITY: usize = 6;
const BILLING: usize = 7;
const STATUS: usize = 8;
const CREATED: usize = 9; // creation day (since 1970), after the previous row's
const CREATED_NS: usize = 10;
const TERM_START: usize = 11; // days after the creation date
const TERM_END: usize = 12; // days after a one-year term's end
const AUTO_RENEW: usize = 13;
const PRICE: usize = 14; // minor units over the previous price of the same offer and billing
const CURRENCY: usize = 15;
const TRIAL_ENDS: usize = 16; // optional, days after the term start
const BASE: usize = 17; // 0 or index + 1
const SUSPENDED_AT: usize = 18; // optional, seconds after creation
const SUSPENDED_NS: usize = 19; // only for a suspension time
const CANCEL_AT: usize = 20; // optional, days after the term end
const PUBLISHER: usize = 21;
const METERED: usize = 22;
const MARKETPLACE: usize = 23;
const MIN_QUANTITY: usize = 24;
const MAX_QUANTITY: usize = 25; // 0 or value + 1
const BILLED_THROUGH: usize = 26; // optional, days after the term start
const SEGMENTS: usize = 27; // how many
const SEGMENT_FROM: usize = 28; // days after the term start
const SEGMENT_QUANTITY: usize = 29; // over the subscription's quantity
const AZURE_PLAN: usize = 30;
const CREATED_SECOND: usize = 31; // second of the creation day, after the previous row's
pub(crate) const COLUMNS: usize = 32;

const DAY: i64 = 86_400;

/// What the previous rows predict for the next one.
#[derive(Default)]
struct Previous {
    id: i64,
    customer: i64,
    order: i64,
    created_day: i64,
    created_second: i64,
    name_of_offer: HashMap<u64, u64>,
    price_of: HashMap<(u64, u64), i64>,
}

/// The columns, and each record with the string index of its map key.
pub(crate) fn encode<'a>(
    subs: &'a BTreeMap<SubscriptionId, Subscription>,
    strings: &mut Interner<'a>,
) -> (Cols, Vec<(u64, &'a Subscription)>) {
    let mut c = Cols::new(COLUMNS);
    let mut keys = Vec::with_capacity(subs.len());
    let mut p = Previous::default();
    for (key, s) in subs {
        let id = strings.id(s.id.as_str()) as i64;
        c.int(ID, id.wrapping_sub(p.id));
        p.id = id;
        let key_index = if key == &s.id { id as u64 } else { strings.id(key.as_str()) };
        c.put(KEY, if key == &s.id { 0 } else { key_index + 1 });
        keys.push((key_index, s));
        let customer = strings.id(s.customer.as_str()) as i64;
        c.int(CUSTOMER, customer.wrapping_sub(p.customer));
        p.customer = customer;
        let offer = strings.id(s.offer.as_str());
        c.put(OFFER, offer);
        let name = strings.id(&s.name);
        c.put(NAME, if p.name_of_offer.insert(offer, name) == Some(name) { 0 } else { name + 1 });
        let order = strings.id(s.order.as_str()) as i64;
        c.int(ORDER, order.wrapping_sub(p.order));
        p.order = order;
        c.put(QUANTITY, u64::from(s.quantity));
        let billing = codes::billing(s.billing);
        c.put(BILLING, billing);
        c.put(STATUS, codes::status(s.status));
        // Day and second apart: rows are in ID order, not time order, so their days differ widely while
        // the time of day usually repeats (a delta of 0).
        let (created, ns) = time_parts(s.created_at);
        let (day_, second) = (created.div_euclid(DAY), created.rem_euclid(DAY));
        c.int(CREATED, day_ - p.created_day);
        c.int(CREATED_SECOND, second - p.created_second);
        c.put(CREATED_NS, ns);
        (p.created_day, p.created_second) = (day_, second);
        let start = day(s.term_start);
        c.int(TERM_START, start - day(s.created_at.date_naive()));
        c.int(TERM_END, day(s.term_end) - day(term_end(s.term_start, 12)));
        c.flag(AUTO_RENEW, s.auto_renew);
        let price = s.unit_price.minor;
        let predicted = p.price_of.insert((offer, billing), price).unwrap_or(0);
        c.int(PRICE, price.wrapping_sub(predicted));
        c.put(CURRENCY, codes::currency(s.unit_price.currency));
        c.opt_int(TRIAL_ENDS, s.trial_ends.map(|d| day(d) - start));
        c.put(BASE, s.base.as_ref().map_or(0, |b| strings.id(b.as_str()) + 1));
        c.opt_int(SUSPENDED_AT, s.suspended_at.map(|t| time_parts(t).0.wrapping_sub(created)));
        if let Some(t) = s.suspended_at {
            c.put(SUSPENDED_NS, time_parts(t).1);
        }
        c.opt_int(CANCEL_AT, s.cancel_at.map(|d| day(d) - day(s.term_end)));
        c.put(PUBLISHER, codes::publisher(s.publisher));
        c.flag(METERED, s.metered);
        c.flag(MARKETPLACE, s.commercial_marketplace);
        c.put(MIN_QUANTITY, u64::from(s.min_quantity));
        c.put(MAX_QUANTITY, s.max_quantity.map_or(0, |m| u64::from(m) + 1));
        c.opt_int(BILLED_THROUGH, s.billed_through.map(|d| day(d) - start));
        c.put(SEGMENTS, s.segments.len() as u64);
        for seg in &s.segments {
            c.int(SEGMENT_FROM, day(seg.from) - start);
            c.int(SEGMENT_QUANTITY, i64::from(seg.quantity) - i64::from(s.quantity));
        }
        c.flag(AZURE_PLAN, s.is_azure_plan);
    }
    (c, keys)
}

/// The records, and the string index of each one's map key.
pub(crate) fn decode(c: &mut ColsIn, strings: &Table) -> Result<Decoded, PersistError> {
    let mut subs = BTreeMap::new();
    let mut keys = Vec::new();
    let mut p = Previous::default();
    let string = |id: i64| strings.get(id as u64);
    for _ in 0..c.len(ID) {
        p.id = p.id.wrapping_add(c.int(ID)?);
        let id = SubscriptionId(string(p.id)?);
        let (key_index, key) = match c.get(KEY)? {
            0 => (p.id as u64, id.clone()),
            k => (k - 1, SubscriptionId(strings.get(k - 1)?)),
        };
        p.customer = p.customer.wrapping_add(c.int(CUSTOMER)?);
        let offer = c.get(OFFER)?;
        let name = match c.get(NAME)? {
            0 => *p.name_of_offer.get(&offer).ok_or(PersistError::Invalid("no earlier name for the offer"))?,
            n => n - 1,
        };
        p.name_of_offer.insert(offer, name);
        p.order = p.order.wrapping_add(c.int(ORDER)?);
        let quantity = c.u32(QUANTITY)?;
        let billing_code = c.get(BILLING)?;
        let billing = pick(&BILLINGS, billing_code)?;
        let status = pick(&STATUSES, c.get(STATUS)?)?;
        p.created_day = p.created_day.wrapping_add(c.int(CREATED)?);
        p.created_second = p.created_second.wrapping_add(c.int(CREATED_SECOND)?);
        let created = p.created_day.wrapping_mul(DAY).wrapping_add(p.created_second);
        let created_at = time_of(created, c.get(CREATED_NS)?)?;
        let term_start = date_of(day(created_at.date_naive()) + c.int(TERM_START)?)?;
        let start = day(term_start);
        let term_end_ = date_of(day(term_end(term_start, 12)) + c.int(TERM_END)?)?;
        let auto_renew = c.flag(AUTO_RENEW)?;
        let predicted = p.price_of.get(&(offer, billing_code)).copied().unwrap_or(0);
        let price = predicted.wrapping_add(c.int(PRICE)?);
        p.price_of.insert((offer, billing_code), price);
        let currency = pick(&Currency::ALL, c.get(CURRENCY)?)?;
        let trial_ends = c.opt_int(TRIAL_ENDS)?.map(|d| date_of(start + d)).transpose()?;
        let base = match c.get(BASE)? {
            0 => None,
            b => Some(SubscriptionId(strings.get(b - 1)?)),
        };
        let suspended_at = match c.opt_int(SUSPENDED_AT)? {
            None => None,
            Some(d) => Some(time_of(created.wrapping_add(d), c.get(SUSPENDED_NS)?)?),
        };
        let cancel_at = c.opt_int(CANCEL_AT)?.map(|d| date_of(day(term_end_) + d)).transpose()?;
        let publisher = pick(&PUBLISHERS, c.get(PUBLISHER)?)?;
        let metered = c.flag(METERED)?;
        let commercial_marketplace = c.flag(MARKETPLACE)?;
        let min_quantity = c.u32(MIN_QUANTITY)?;
        let max_quantity = match c.get(MAX_QUANTITY)? {
            0 => None,
            m => Some(u32::try_from(m - 1).map_err(|_| PersistError::Invalid("number out of range"))?),
        };
        let billed_through = c.opt_int(BILLED_THROUGH)?.map(|d| date_of(start + d)).transpose()?;
        let mut segments = Vec::new();
        for _ in 0..c.get(SEGMENTS)? {
            let from = date_of(start + c.int(SEGMENT_FROM)?)?;
            let q = i64::from(quantity) + c.int(SEGMENT_QUANTITY)?;
            let quantity = u32::try_from(q).map_err(|_| PersistError::Invalid("number out of range"))?;
            segments.push(QuantitySegment { from, quantity });
        }
        let sub = Subscription {
            id,
            customer: CustomerId(string(p.customer)?),
            offer: OfferId(strings.get(offer)?),
            name: strings.get(name)?,
            order: OrderId(string(p.order)?),
            quantity,
            billing,
            status,
            created_at,
            term_start,
            term_end: term_end_,
            auto_renew,
            unit_price: Money::new(price, currency),
            trial_ends,
            base,
            suspended_at,
            cancel_at,
            publisher,
            metered,
            commercial_marketplace,
            min_quantity,
            max_quantity,
            billed_through,
            segments,
            is_azure_plan: c.flag(AZURE_PLAN)?,
        };
        keys.push((key_index, key.clone()));
        subs.insert(key, sub);
    }
    c.finish()?;
    Ok((subs, keys))
}

type Decoded = (BTreeMap<SubscriptionId, Subscription>, Vec<(u64, SubscriptionId)>);
