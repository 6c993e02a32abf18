//! [`ToJson`] / [`FromJson`] for the standard types the state is made of, in serde's shapes: integers
//! as numbers, `Option` as the value or `null`, sequences as arrays, maps as objects keyed by strings,
//! dates as chrono's serde strings (`2026-11-21`, `2026-11-21T09:30:00Z`).

use super::{Error, FromJson, JsonKey, ToJson, Value, Writer};
use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use std::collections::BTreeMap;

impl ToJson for bool {
    fn to_json(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<bool, Error> {
        match value {
            Value::Bool(b) => Ok(*b),
            other => Err(Error::expected("a boolean", other)),
        }
    }
}

/// An integer's text → `T`; fractions and exponents are refused, as serde refuses them for integers.
fn integer<T: TryFrom<i128>>(value: &Value) -> Result<T, Error> {
    match value {
        Value::Number(text) => text
            .parse::<i128>()
            .ok()
            .and_then(|n| T::try_from(n).ok())
            .ok_or_else(|| Error::new(format!("{text} is not an integer in range"))),
        other => Err(Error::expected("an integer", other)),
    }
}

/// Integers: written through the writer's widest method of their sign, read through [`integer`].
macro_rules! integers {
    ($($t:ty => $write:ident as $wide:ty),* $(,)?) => {$(
        impl ToJson for $t {
            fn to_json(&self, w: &mut Writer) {
                w.$write(*self as $wide);
            }
        }
        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<$t, Error> {
                integer(value)
            }
        }
    )*};
}

integers!(u8 => uint as u64, u16 => uint as u64, u32 => uint as u64, u64 => uint as u64, usize => uint as u64,
    i32 => int as i64, i64 => int as i64);

impl ToJson for str {
    fn to_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for String {
    fn to_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<String, Error> {
        match value {
            Value::String(s) => Ok(s.to_string()),
            other => Err(Error::expected("a string", other)),
        }
    }
}

impl JsonKey for String {
    fn write_key(&self, w: &mut Writer) {
        w.string(self);
    }

    fn from_key(key: &str) -> Result<String, Error> {
        Ok(key.to_string())
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, w: &mut Writer) {
        (**self).to_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, w: &mut Writer) {
        match self {
            Some(v) => v.to_json(w),
            None => w.raw("null"),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Option<T>, Error> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }

    fn missing() -> Option<Option<T>> {
        Some(None)
    }
}

/// `[a,b,…]` from any sequence of writable items.
fn write_seq<'i, T: ToJson + 'i>(items: impl IntoIterator<Item = &'i T>, w: &mut Writer) {
    w.raw("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            w.raw(",");
        }
        item.to_json(w);
    }
    w.raw("]");
}

/// Each item of an array, its index added to any error.
fn read_seq<T: FromJson, C: FromIterator<T>>(value: &Value) -> Result<C, Error> {
    match value {
        Value::Array(items) => {
            items.iter().enumerate().map(|(i, v)| T::from_json(v).map_err(|e| e.at(i.to_string()))).collect()
        }
        other => Err(Error::expected("an array", other)),
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, w: &mut Writer) {
        write_seq(self, w);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, w: &mut Writer) {
        write_seq(self, w);
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Vec<T>, Error> {
        read_seq(value)
    }
}

impl<K: JsonKey, V: ToJson> ToJson for BTreeMap<K, V> {
    fn to_json(&self, w: &mut Writer) {
        w.raw("{");
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                w.raw(",");
            }
            k.write_key(w);
            w.raw(":");
            v.to_json(w);
        }
        w.raw("}");
    }
}

impl<K: JsonKey + Ord, V: FromJson> FromJson for BTreeMap<K, V> {
    fn from_json(value: &Value) -> Result<BTreeMap<K, V>, Error> {
        let Value::Object(entries) = value else { return Err(Error::expected("an object", value)) };
        // Inserted one by one (`collect` would compile a sort per map type); a repeated key: the later
        // value wins, as serde reads a map.
        let mut map = BTreeMap::new();
        for (k, v) in entries {
            map.insert(K::from_key(k)?, V::from_json(v).map_err(|e| e.at(k.to_string()))?);
        }
        Ok(map)
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self, w: &mut Writer) {
        w.raw("[");
        self.0.to_json(w);
        w.raw(",");
        self.1.to_json(w);
        w.raw("]");
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Value) -> Result<(A, B), Error> {
        let a = super::Arr::of(value, 2)?;
        Ok((a.item(0)?, a.item(1)?))
    }
}

/// `2026-11-21`.
impl ToJson for NaiveDate {
    fn to_json(&self, w: &mut Writer) {
        w.raw("\"");
        w.raw(&self.to_string());
        w.raw("\"");
    }
}

impl JsonKey for NaiveDate {
    fn write_key(&self, w: &mut Writer) {
        self.to_json(w);
    }

    fn from_key(key: &str) -> Result<NaiveDate, Error> {
        crate::dates::parse_iso_date(key).ok_or_else(|| Error::new(format!("\"{key}\" is not a date")))
    }
}

impl FromJson for NaiveDate {
    fn from_json(value: &Value) -> Result<NaiveDate, Error> {
        match value {
            Value::String(s) => {
                crate::dates::parse_iso_date(s).ok_or_else(|| Error::new(format!("\"{s}\" is not a date")))
            }
            other => Err(Error::expected("a date", other)),
        }
    }
}

/// `2026-11-21T09:30:00Z`, with `.123`, `.123456` or `.123456789` when the time has a fraction of a
/// second: what chrono's serde writes (RFC 3339, `SecondsFormat::AutoSi`).
impl ToJson for DateTime<Utc> {
    fn to_json(&self, w: &mut Writer) {
        let (mut second, mut nanos) = (self.second(), self.nanosecond());
        if nanos >= 1_000_000_000 {
            // chrono's leap second: written as second 60.
            second += 1;
            nanos -= 1_000_000_000;
        }
        let fraction = match nanos {
            0 => String::new(),
            n if n % 1_000_000 == 0 => format!(".{:03}", n / 1_000_000),
            n if n % 1_000 == 0 => format!(".{:06}", n / 1_000),
            n => format!(".{n:09}"),
        };
        let text =
            format!("\"{}T{:02}:{:02}:{:02}{fraction}Z\"", self.date_naive(), self.hour(), self.minute(), second);
        w.raw(&text);
    }
}

impl FromJson for DateTime<Utc> {
    fn from_json(value: &Value) -> Result<DateTime<Utc>, Error> {
        match value {
            Value::String(s) => parse_rfc3339(s).ok_or_else(|| Error::new(format!("\"{s}\" is not a date and time"))),
            other => Err(Error::expected("a date and time", other)),
        }
    }
}

/// `YYYY-MM-DD` `T` (or `t`, or a space) `HH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`: the
/// RFC 3339 forms chrono reads.
fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let date = crate::dates::parse_iso_date(s.get(..10)?)?;
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.len() < 19 || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let two = |i: usize| -> Option<u32> {
        let (x, y) = (b.get(i)?, b.get(i + 1)?);
        (x.is_ascii_digit() && y.is_ascii_digit()).then(|| u32::from(x - b'0') * 10 + u32::from(y - b'0'))
    };
    let (hour, minute, mut second) = (two(11)?, two(14)?, two(17)?);
    let mut i = 19;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            // Digits past the ninth (below a nanosecond) are read and dropped.
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        let digits = i - start;
        if digits == 0 {
            return None;
        }
        nanos *= 10u32.pow(9u32.saturating_sub(digits as u32));
    }
    let offset_minutes: i64 = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let minutes = i64::from(two(i + 1)?) * 60 + i64::from(two(i + 4)?);
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    if second == 60 {
        // A leap second, as chrono keeps it.
        second = 59;
        nanos = nanos.checked_add(1_000_000_000)?;
    }
    let local = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    Some(local.checked_sub_signed(Duration::minutes(offset_minutes))?.and_utc())
}
