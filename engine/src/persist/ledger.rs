//! The ledger as columns. Most entries are a subscription's charge, so the subscription predicts the
//! entry's customer, order, description and unit price, the previous entry of the same reference its
//! quantity, quantity × unit price its amount, and the posting date and billing frequency its service
//! dates: each column holds the difference from the prediction, which is 0 for nearly every entry.

use super::bytes::{date_of, day, time_of, time_parts, Cols, ColsIn, Interner, Table};
use super::codes::{self, pick, CHARGES};
use super::{ByIndex, PersistError};
use crate::billing::{term_end, Period};
use crate::ids::{Counters, CustomerId, LedgerEntryId, OrderId, ReservationId, SoftwarePurchaseId, SubscriptionId};
use crate::ledger::{ChargeType, LedgerEntry, LedgerRef};
use crate::money::{Currency, Money};
use crate::records::{BillingFrequency, Subscription};
use std::collections::HashMap;

const IDS: usize = 0; // one value: 0 when entry i is L-(i+1) for every i, else 1 and the ID column
const ID: usize = 1; // string index (explicit IDs only)
const TIME: usize = 2; // seconds after the previous entry
const TIME_NS: usize = 3;
const REF_KIND: usize = 4; // subscription, order, software, reservation
const REF: usize = 5; // delta of the string index from the previous entry's
const CUSTOMER: usize = 6; // 0: the subscription's; else index + 1
const ORDER: usize = 7; // 0: the subscription's (None without one); 1: None; else index + 2
const DESCRIPTION: usize = 8; // 0: the subscription's name; else index + 1
const CHARGE: usize = 9;
const QUANTITY: usize = 10; // over the previous quantity of the same reference (else the subscription's)
const CURRENCY: usize = 11; // 0: the subscription's (else USD); else code + 1
const PRICE: usize = 12; // minor units over the subscription's unit price (else 0)
const AMOUNT_CURRENCY: usize = 13; // 0: the unit price's; else code + 1
const AMOUNT: usize = 14; // minor units over ± quantity × unit price
const SERVICE: usize = 15; // optional, days of its start after the posting date
const SERVICE_END: usize = 16; // days after the end of a period of the subscription's billing
const PERIOD_START: usize = 17; // 0: None; 1: the service start; else 2 + days after the posting date
pub(crate) const COLUMNS: usize = 18;

fn reference(r: &LedgerRef) -> (u64, &str) {
    match r {
        LedgerRef::Subscription(id) => (0, id.as_str()),
        LedgerRef::Order(id) => (1, id.as_str()),
        LedgerRef::Software(id) => (2, id.as_str()),
        LedgerRef::Reservation(id) => (3, id.as_str()),
    }
}

fn reference_of(kind: u64, id: String) -> Result<LedgerRef, PersistError> {
    Ok(match kind {
        0 => LedgerRef::Subscription(SubscriptionId(id)),
        1 => LedgerRef::Order(OrderId(id)),
        2 => LedgerRef::Software(SoftwarePurchaseId(id)),
        3 => LedgerRef::Reservation(ReservationId(id)),
        _ => return Err(PersistError::Invalid("unknown ledger reference")),
    })
}

/// The subscription an entry is about, when there is one (`reference` is its string index).
fn subscription_of<'s>(subs: &ByIndex<'s>, kind: u64, reference: i64) -> Option<&'s Subscription> {
    (kind == 0).then(|| subs.get(reference)).flatten()
}

/// What the entry's amount would be if it were a whole period at its quantity.
fn predicted_amount(charge: ChargeType, quantity: u32, unit: i64) -> i64 {
    let full = i64::from(quantity).wrapping_mul(unit);
    match charge {
        ChargeType::Credit | ChargeType::Refund => full.wrapping_neg(),
        _ => full,
    }
}

fn period_months(sub: Option<&Subscription>) -> u32 {
    match sub.map(|s| s.billing) {
        Some(BillingFrequency::Annual) => 12,
        _ => 1,
    }
}

/// Is entry i `L-(i+1)` for every i (so the IDs need not be stored)?
pub(super) fn is_implicit(ledger: &[LedgerEntry]) -> bool {
    ledger.iter().enumerate().all(|(i, e)| e.id.as_str() == Counters::format("L", i as u64 + 1))
}

pub(crate) fn encode<'a>(ledger: &'a [LedgerEntry], subs: &ByIndex, strings: &mut Interner<'a>) -> Cols {
    let mut c = Cols::new(COLUMNS);
    let implicit = is_implicit(ledger);
    c.flag(IDS, !implicit);
    let (mut time, mut prev_ref) = (0i64, 0i64);
    let mut last_quantity: HashMap<(u64, i64), u32> = HashMap::new();
    for e in ledger {
        if !implicit {
            c.put(ID, strings.id(e.id.as_str()));
        }
        let (secs, ns) = time_parts(e.posted_at);
        c.int(TIME, secs.wrapping_sub(time));
        c.put(TIME_NS, ns);
        time = secs;
        let (kind, id) = reference(&e.reference);
        let r = strings.id(id) as i64;
        c.put(REF_KIND, kind);
        c.int(REF, r.wrapping_sub(prev_ref));
        prev_ref = r;
        let sub = subscription_of(subs, kind, r);
        let same_customer = sub.is_some_and(|s| s.customer == e.customer);
        c.put(CUSTOMER, if same_customer { 0 } else { strings.id(e.customer.as_str()) + 1 });
        let order = match &e.order {
            o if o.as_ref() == sub.map(|s| &s.order) => 0,
            None => 1,
            Some(o) => strings.id(o.as_str()) + 2,
        };
        c.put(ORDER, order);
        let same_name = sub.is_some_and(|s| s.name == e.description);
        c.put(DESCRIPTION, if same_name { 0 } else { strings.id(&e.description) + 1 });
        c.put(CHARGE, codes::charge(e.charge_type));
        let predicted = last_quantity.get(&(kind, r)).copied().or(sub.map(|s| s.quantity)).unwrap_or(0);
        c.int(QUANTITY, i64::from(e.quantity) - i64::from(predicted));
        last_quantity.insert((kind, r), e.quantity);
        let unit = sub.map_or(Money::zero(Currency::USD), |s| s.unit_price);
        let currency = e.unit_price.currency;
        c.put(CURRENCY, if currency == unit.currency { 0 } else { codes::currency(currency) + 1 });
        c.int(PRICE, e.unit_price.minor.wrapping_sub(unit.minor));
        let amount_currency = e.amount.currency;
        c.put(AMOUNT_CURRENCY, if amount_currency == currency { 0 } else { codes::currency(amount_currency) + 1 });
        let amount = predicted_amount(e.charge_type, e.quantity, e.unit_price.minor);
        c.int(AMOUNT, e.amount.minor.wrapping_sub(amount));
        let posted = day(e.posted_at.date_naive());
        c.opt_int(SERVICE, e.service.map(|p| day(p.start) - posted));
        if let Some(p) = e.service {
            c.int(SERVICE_END, day(p.end) - day(term_end(p.start, period_months(sub))));
        }
        let period_start = match e.period_start {
            None => 0,
            Some(d) if Some(d) == e.service.map(|p| p.start) => 1,
            Some(d) => super::bytes::zigzag(day(d) - posted).wrapping_add(2),
        };
        c.put(PERIOD_START, period_start);
    }
    c
}

pub(crate) fn decode(c: &mut ColsIn, strings: &Table, subs: &ByIndex) -> Result<Vec<LedgerEntry>, PersistError> {
    let explicit = c.flag(IDS)?;
    let rows = c.len(REF);
    let mut ledger = Vec::with_capacity(rows);
    let (mut time, mut prev_ref) = (0i64, 0i64);
    let mut last_quantity: HashMap<(u64, i64), u32> = HashMap::new();
    for i in 0..rows {
        let id = match explicit {
            true => strings.get(c.get(ID)?)?,
            false => Counters::format("L", i as u64 + 1),
        };
        time = time.wrapping_add(c.int(TIME)?);
        let posted_at = time_of(time, c.get(TIME_NS)?)?;
        let kind = c.get(REF_KIND)?;
        let r = prev_ref.wrapping_add(c.int(REF)?);
        prev_ref = r;
        let reference = reference_of(kind, strings.get(r as u64)?)?;
        let sub = subscription_of(subs, kind, r);
        let predicted = |v: Option<&String>| v.cloned().ok_or(PersistError::Invalid("nothing to predict from"));
        let customer = match c.get(CUSTOMER)? {
            0 => CustomerId(predicted(sub.map(|s| &s.customer.0))?),
            n => CustomerId(strings.get(n - 1)?),
        };
        let order = match c.get(ORDER)? {
            0 => sub.map(|s| s.order.clone()),
            1 => None,
            n => Some(OrderId(strings.get(n - 2)?)),
        };
        let description = match c.get(DESCRIPTION)? {
            0 => predicted(sub.map(|s| &s.name))?,
            n => strings.get(n - 1)?,
        };
        let charge_type = pick(&CHARGES, c.get(CHARGE)?)?;
        let q = last_quantity.get(&(kind, r)).copied().or(sub.map(|s| s.quantity)).unwrap_or(0);
        let quantity =
            u32::try_from(i64::from(q) + c.int(QUANTITY)?).map_err(|_| PersistError::Invalid("number out of range"))?;
        last_quantity.insert((kind, r), quantity);
        let unit = sub.map_or(Money::zero(Currency::USD), |s| s.unit_price);
        let currency = match c.get(CURRENCY)? {
            0 => unit.currency,
            n => pick(&Currency::ALL, n - 1)?,
        };
        let unit_price = Money::new(unit.minor.wrapping_add(c.int(PRICE)?), currency);
        let amount_currency = match c.get(AMOUNT_CURRENCY)? {
            0 => currency,
            n => pick(&Currency::ALL, n - 1)?,
        };
        let full = predicted_amount(charge_type, quantity, unit_price.minor);
        let amount = Money::new(full.wrapping_add(c.int(AMOUNT)?), amount_currency);
        let posted = day(posted_at.date_naive());
        let service = match c.opt_int(SERVICE)? {
            None => None,
            Some(d) => {
                let start = date_of(posted + d)?;
                let end = date_of(day(term_end(start, period_months(sub))) + c.int(SERVICE_END)?)?;
                Some(Period { start, end })
            }
        };
        let period_start = match c.get(PERIOD_START)? {
            0 => None,
            1 => Some(service.ok_or(PersistError::Invalid("period start without a service"))?.start),
            n => Some(date_of(posted + super::bytes::unzigzag(n - 2))?),
        };
        ledger.push(LedgerEntry {
            id: LedgerEntryId(id),
            posted_at,
            customer,
            reference,
            order,
            description,
            charge_type,
            quantity,
            unit_price,
            amount,
            service,
            period_start,
        });
    }
    c.finish()?;
    Ok(ledger)
}
