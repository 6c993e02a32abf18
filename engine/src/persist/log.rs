//! The subscription log as columns: times and subscriptions as deltas from the previous entry, the
//! customer predicted from the subscription, each change as a kind code plus its data.

use super::bytes::{date_of, day, time_of, time_parts, Cols, ColsIn, Interner, Table};
use super::{ByIndex, PersistError};
use crate::billing::{term_end, Period};
use crate::ids::{CustomerId, SubscriptionId};
use crate::records::{BillingFrequency, Subscription};
use crate::subscriptions::{SubscriptionChange as Change, SubscriptionLogEntry};

const TIME: usize = 0; // seconds after the previous entry
const TIME_NS: usize = 1;
const SUB: usize = 2; // delta of the string index from the previous entry's
const CUSTOMER: usize = 3; // 0: the subscription's; else index + 1
const KIND: usize = 4; // the change's variant
const DATE: usize = 5; // a date of the change: days after the entry's date
const END: usize = 6; // a period's end: days after the end of a period of the subscription's billing
const NUMBER: usize = 7; // quantities and flags
const BASE: usize = 8; // a base subscription's string index
pub(crate) const COLUMNS: usize = 9;

fn months(sub: Option<&Subscription>) -> u32 {
    match sub.map(|s| s.billing) {
        Some(BillingFrequency::Annual) => 12,
        _ => 1,
    }
}

pub(crate) fn encode<'a>(log: &'a [SubscriptionLogEntry], subs: &ByIndex, strings: &mut Interner<'a>) -> Cols {
    let mut c = Cols::new(COLUMNS);
    let (mut time, mut prev_sub) = (0i64, 0i64);
    for e in log {
        let (secs, ns) = time_parts(e.at);
        c.int(TIME, secs.wrapping_sub(time));
        c.put(TIME_NS, ns);
        time = secs;
        let s = strings.id(e.subscription.as_str()) as i64;
        c.int(SUB, s.wrapping_sub(prev_sub));
        prev_sub = s;
        let sub = subs.get(s);
        let same_customer = sub.is_some_and(|x| x.customer == e.customer);
        c.put(CUSTOMER, if same_customer { 0 } else { strings.id(e.customer.as_str()) + 1 });
        let on = day(e.at.date_naive());
        let period = |c: &mut Cols, p: &Period| {
            c.int(DATE, day(p.start) - on);
            c.int(END, day(p.end) - day(term_end(p.start, months(sub))));
        };
        let kind = match &e.change {
            Change::Purchased => 0,
            Change::Suspended => 1,
            Change::SuspendedWithBase { base } => {
                c.put(BASE, strings.id(base.as_str()));
                2
            }
            Change::Reactivated => 3,
            Change::QuantityChanged { from, to } => {
                c.put(NUMBER, u64::from(*from));
                c.put(NUMBER, u64::from(*to));
                4
            }
            Change::AutoRenewSet { auto_renew } => {
                c.flag(NUMBER, *auto_renew);
                5
            }
            Change::Cancelled { credited } => {
                c.flag(NUMBER, *credited);
                6
            }
            Change::CancellationScheduled { on: date } => {
                c.int(DATE, day(*date) - on);
                7
            }
            Change::TrialConverted => 8,
            Change::AddOnAdded { base } => {
                c.put(BASE, strings.id(base.as_str()));
                9
            }
            Change::CycleBilled { period: p } => {
                period(&mut c, p);
                10
            }
            Change::Renewed { term } => {
                period(&mut c, term);
                11
            }
            Change::TermEnded => 12,
            Change::TrialExpired => 13,
            Change::TrialEndedPaid => 14,
            Change::Deleted => 15,
        };
        c.put(KIND, kind);
    }
    c
}

pub(crate) fn decode(
    c: &mut ColsIn,
    strings: &Table,
    subs: &ByIndex,
) -> Result<Vec<SubscriptionLogEntry>, PersistError> {
    let rows = c.len(KIND);
    let mut log = Vec::with_capacity(rows);
    let (mut time, mut prev_sub) = (0i64, 0i64);
    let number =
        |c: &mut ColsIn| u32::try_from(c.get(NUMBER)?).map_err(|_| PersistError::Invalid("number out of range"));
    for _ in 0..rows {
        time = time.wrapping_add(c.int(TIME)?);
        let at = time_of(time, c.get(TIME_NS)?)?;
        prev_sub = prev_sub.wrapping_add(c.int(SUB)?);
        let subscription = SubscriptionId(strings.get(prev_sub as u64)?);
        let sub = subs.get(prev_sub);
        let customer = match c.get(CUSTOMER)? {
            0 => sub.map(|s| s.customer.clone()).ok_or(PersistError::Invalid("nothing to predict from"))?,
            n => CustomerId(strings.get(n - 1)?),
        };
        let on = day(at.date_naive());
        let period = |c: &mut ColsIn| -> Result<Period, PersistError> {
            let start = date_of(on + c.int(DATE)?)?;
            let end = date_of(day(term_end(start, months(sub))) + c.int(END)?)?;
            Ok(Period { start, end })
        };
        let base = |c: &mut ColsIn| c.get(BASE).and_then(|b| strings.get(b)).map(SubscriptionId);
        let change = match c.get(KIND)? {
            0 => Change::Purchased,
            1 => Change::Suspended,
            2 => Change::SuspendedWithBase { base: base(c)? },
            3 => Change::Reactivated,
            4 => Change::QuantityChanged { from: number(c)?, to: number(c)? },
            5 => Change::AutoRenewSet { auto_renew: c.flag(NUMBER)? },
            6 => Change::Cancelled { credited: c.flag(NUMBER)? },
            7 => Change::CancellationScheduled { on: date_of(on + c.int(DATE)?)? },
            8 => Change::TrialConverted,
            9 => Change::AddOnAdded { base: base(c)? },
            10 => Change::CycleBilled { period: period(c)? },
            11 => Change::Renewed { term: period(c)? },
            12 => Change::TermEnded,
            13 => Change::TrialExpired,
            14 => Change::TrialEndedPaid,
            15 => Change::Deleted,
            _ => return Err(PersistError::Invalid("unknown subscription change")),
        };
        log.push(SubscriptionLogEntry { at, subscription, customer, change });
    }
    c.finish()?;
    Ok(log)
}
