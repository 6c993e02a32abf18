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
        self.str_bytes(s.as_bytes());
    }

    /// Length-prefixed bytes.
    pub fn str_bytes(&mut self, bytes: &[u8]) {
        self.uint(bytes.len() as u64);
        self.buf.extend_from_slice(bytes);
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

    /// Length-prefixed bytes.
    pub fn bytes(&mut self) -> Result<&'a [u8], PersistError> {
        let len = self.count()?;
        let bytes = &self.buf[self.pos..self.pos + len];
        self.pos += len;
        Ok(bytes)
    }

    pub fn str(&mut self) -> Result<&'a str, PersistError> {
        std::str::from_utf8(self.bytes()?).map_err(|_| PersistError::Invalid("text is not UTF-8"))
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

/// Integer columns being written: each value goes to its column as a varint, and the columns are stored
/// one after the other, so similar values sit together (long runs of zeros deflate to almost nothing).
pub(crate) struct Cols(Vec<(usize, Writer)>);

impl Cols {
    pub fn new(n: usize) -> Cols {
        Cols((0..n).map(|_| (0, Writer::default())).collect())
    }

    pub fn put(&mut self, col: usize, v: u64) {
        let (count, bytes) = &mut self.0[col];
        *count += 1;
        bytes.uint(v);
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

    /// Each column as: how many values, how many bytes, the varints.
    pub fn write(&self, w: &mut Writer) {
        w.uint(self.0.len() as u64);
        for (count, bytes) in &self.0 {
            w.uint(*count as u64);
            w.str_bytes(&bytes.buf);
        }
    }
}

/// Integer columns being read back, each a reader over its bytes and the count of values it holds.
pub(crate) struct ColsIn<'a>(Vec<(usize, usize, Reader<'a>)>);

impl<'a> ColsIn<'a> {
    pub fn read(r: &mut Reader<'a>, n: usize) -> Result<ColsIn<'a>, PersistError> {
        if r.uint()? != n as u64 {
            return Err(PersistError::Invalid("wrong number of columns"));
        }
        let mut cols = Vec::with_capacity(n);
        for _ in 0..n {
            let count = usize::try_from(r.uint()?).map_err(|_| PersistError::Truncated)?;
            cols.push((count, 0, Reader::new(r.bytes()?)));
        }
        Ok(ColsIn(cols))
    }

    pub fn get(&mut self, col: usize) -> Result<u64, PersistError> {
        let (count, read, values) = self.0.get_mut(col).ok_or(PersistError::Invalid("no such column"))?;
        if *read == *count {
            return Err(PersistError::Truncated);
        }
        *read += 1;
        values.uint()
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

    /// How many values a column holds (a column with one value per row gives the row count), never
    /// more than its bytes (each value takes at least one).
    pub fn len(&self, col: usize) -> usize {
        self.0.get(col).map_or(0, |(count, _, values)| (*count).min(values.buf.len()))
    }

    /// Every value was read: a column with values or bytes left over does not match its shape.
    pub fn finish(&self) -> Result<(), PersistError> {
        match self.0.iter().all(|(count, read, values)| read == count && values.at_end()) {
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
