//! The byte layer of the compact encoding: LEB128 varints, zigzag integers, length-prefixed strings,
//! integer columns and the interned string table. Every read is checked: damaged input is an error,
//! never a panic.

use super::PersistError;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::HashMap;

/// Appends varints and strings to a buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Reads what a [`Writer`] wrote.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }

    pub fn uint(&mut self) -> Result<u64, PersistError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.buf.get(self.pos).ok_or(PersistError::Truncated)?;
            self.pos += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(v);
            }
        }
        Err(PersistError::Invalid("varint longer than 64 bits"))
    }

    /// A count of items each taking at least one byte: never more than the bytes left, so a damaged
    /// count cannot make the decoder reserve gigabytes.
    pub fn count(&mut self) -> Result<usize, PersistError> {
        let n = self.uint()?;
        if n > (self.buf.len() - self.pos) as u64 {
            return Err(PersistError::Truncated);
        }
        Ok(n as usize)
    }

    pub fn str(&mut self) -> Result<&'a str, PersistError> {
        let len = self.count()?;
        let bytes = &self.buf[self.pos..self.pos + len];
        self.pos += len;
        std::str::from_utf8(bytes).map_err(|_| PersistError::Invalid("text is not UTF-8"))
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
}

pub(crate) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(crate) fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Integer columns being written: each value goes to its column, and the columns are stored one after
/// the other, so similar values sit together (long runs of zeros deflate to almost nothing).
pub(crate) struct Cols(Vec<Vec<u64>>);

impl Cols {
    pub fn new(n: usize) -> Cols {
        Cols(vec![Vec::new(); n])
    }

    pub fn put(&mut self, col: usize, v: u64) {
        self.0[col].push(v);
    }

    pub fn int(&mut self, col: usize, v: i64) {
        self.put(col, zigzag(v));
    }

    pub fn flag(&mut self, col: usize, v: bool) {
        self.put(col, u64::from(v));
    }

    /// 0 for `None`, else the zigzagged value + 1.
    pub fn opt_int(&mut self, col: usize, v: Option<i64>) {
        self.put(col, v.map_or(0, |v| zigzag(v).wrapping_add(1)));
    }

    pub fn write(&self, w: &mut Writer) {
        w.uint(self.0.len() as u64);
        for col in &self.0 {
            w.uint(col.len() as u64);
            col.iter().for_each(|v| w.uint(*v));
        }
    }
}

/// Integer columns being read back, each with its cursor.
pub(crate) struct ColsIn(Vec<(Vec<u64>, usize)>);

impl ColsIn {
    pub fn read(r: &mut Reader, n: usize) -> Result<ColsIn, PersistError> {
        if r.uint()? != n as u64 {
            return Err(PersistError::Invalid("wrong number of columns"));
        }
        let mut cols = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.count()?;
            let col = (0..len).map(|_| r.uint()).collect::<Result<Vec<u64>, _>>()?;
            cols.push((col, 0));
        }
        Ok(ColsIn(cols))
    }

    pub fn get(&mut self, col: usize) -> Result<u64, PersistError> {
        let (values, at) = self.0.get_mut(col).ok_or(PersistError::Invalid("no such column"))?;
        let v = *values.get(*at).ok_or(PersistError::Truncated)?;
        *at += 1;
        Ok(v)
    }

    pub fn int(&mut self, col: usize) -> Result<i64, PersistError> {
        self.get(col).map(unzigzag)
    }

    pub fn flag(&mut self, col: usize) -> Result<bool, PersistError> {
        match self.get(col)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(PersistError::Invalid("flag is neither 0 nor 1")),
        }
    }

    pub fn opt_int(&mut self, col: usize) -> Result<Option<i64>, PersistError> {
        Ok(self.get(col)?.checked_sub(1).map(unzigzag))
    }

    pub fn u32(&mut self, col: usize) -> Result<u32, PersistError> {
        u32::try_from(self.get(col)?).map_err(|_| PersistError::Invalid("number out of range"))
    }

    /// Every value was read: a column with values left over means the data does not match its shape.
    /// How many values a column holds (a column with one value per row gives the row count).
    pub fn len(&self, col: usize) -> usize {
        self.0.get(col).map_or(0, |(values, _)| values.len())
    }

    pub fn finish(&self) -> Result<(), PersistError> {
        match self.0.iter().all(|(values, at)| *at == values.len()) {
            true => Ok(()),
            false => Err(PersistError::Invalid("values left over in a column")),
        }
    }
}

/// Strings interned while encoding: each distinct string once, referred to by its index.
#[derive(Default)]
pub(crate) struct Interner<'a> {
    index: HashMap<&'a str, u64>,
    list: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    pub fn id(&mut self, s: &'a str) -> u64 {
        let next = self.list.len() as u64;
        *self.index.entry(s).or_insert_with(|| {
            self.list.push(s);
            next
        })
    }

    pub fn write(&self, w: &mut Writer) {
        w.uint(self.list.len() as u64);
        self.list.iter().for_each(|s| w.str(s));
    }
}

/// The string table read back.
pub(crate) struct Table(Vec<String>);

impl Table {
    pub fn read(r: &mut Reader) -> Result<Table, PersistError> {
        let n = r.count()?;
        (0..n).map(|_| r.str().map(str::to_string)).collect::<Result<_, _>>().map(Table)
    }

    pub fn get(&self, id: u64) -> Result<String, PersistError> {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.0.get(i))
            .cloned()
            .ok_or(PersistError::Invalid("string index out of range"))
    }
}

/// Days since 0001-01-01 (chrono's day count, exact for every date chrono holds).
pub(crate) fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

pub(crate) fn date_of(days: i64) -> Result<NaiveDate, PersistError> {
    i32::try_from(days)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(PersistError::Invalid("date out of range"))
}

/// Whole seconds and the sub-second nanoseconds (kept: the round trip is exact).
pub(crate) fn time_parts(t: DateTime<Utc>) -> (i64, u64) {
    (t.timestamp(), u64::from(t.timestamp_subsec_nanos()))
}

pub(crate) fn time_of(secs: i64, nanos: u64) -> Result<DateTime<Utc>, PersistError> {
    u32::try_from(nanos)
        .ok()
        .and_then(|n| DateTime::from_timestamp(secs, n))
        .ok_or(PersistError::Invalid("time out of range"))
}
