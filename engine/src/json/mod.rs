//! A small JSON codec for the state, the session and the catalog, in place of `serde` + `serde_json`.
//!
//! Why not serde: its derived visitors, instantiated for every type and every deserializer, were
//! ≈ 260 KB of the app's wasm before wasm-opt (BENCHMARKS.md, "Download"). Here a document is parsed
//! once into a [`Value`] tree (strings borrowed from the input where they have no escapes), and each
//! type reads itself from that tree through a few small generic helpers ([`Obj::field`], [`Arr::item`]);
//! writing appends to one `String` ([`Writer`]).
//!
//! The shapes are serde's defaults (see `csp-json-derive`), so saves written by `serde_json` read the
//! same; `tests.rs` checks both directions against serde's output.

mod impls;
mod parse;
#[cfg(test)]
mod tests;
mod write;

pub use csp_json_derive::{FromJson, ToJson};
pub use parse::parse;
pub use write::Writer;

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

/// A parsed JSON document. Numbers keep their text: each integer type parses its own range.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Keys in document order (a later duplicate wins when read into a map, as with serde).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl Value<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Why a document could not be read: what was wrong, and where (`customers.C-0001.name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: String,
    path: Vec<String>,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error { message: message.into(), path: Vec::new() }
    }

    pub fn expected(what: &str, found: &Value) -> Error {
        Error::new(format!("expected {what}, found {}", found.kind()))
    }

    pub fn unknown_variant(tag: &str, type_name: &str) -> Error {
        Error::new(format!("unknown {type_name} \"{tag}\""))
    }

    /// The same error, one level further out (`at` is the field, key or index it happened under).
    pub fn at(mut self, at: impl Into<String>) -> Error {
        self.path.push(at.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if !self.path.is_empty() {
            f.write_str(" at ")?;
            for (i, p) in self.path.iter().rev().enumerate() {
                if i > 0 {
                    f.write_str(".")?;
                }
                f.write_str(p)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub trait ToJson {
    fn to_json(&self, w: &mut Writer);
}

pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Error>;

    /// The value of a missing field, if the type has one (`Option`: `None`, as serde does).
    fn missing() -> Option<Self> {
        None
    }
}

/// A map key: written and read as a JSON object key (a string), as serde_json writes keys.
pub trait JsonKey: Sized {
    /// Write the key, quoted.
    fn write_key(&self, w: &mut Writer);
    fn from_key(key: &str) -> Result<Self, Error>;
}

/// `value` as JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::new();
    value.to_json(&mut w);
    w.finish()
}

/// Parse `text` and read a `T` from it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    T::from_json(&parse(text)?)
}

/// An object being read into a struct. Fields are usually in declaration order, so each lookup tries
/// the entry after the previous match first.
pub struct Obj<'v, 'a> {
    entries: &'v [(Cow<'a, str>, Value<'a>)],
    next: Cell<usize>,
}

impl<'v, 'a> Obj<'v, 'a> {
    pub fn of(value: &'v Value<'a>) -> Result<Obj<'v, 'a>, Error> {
        match value {
            Value::Object(entries) => Ok(Obj { entries, next: Cell::new(0) }),
            other => Err(Error::expected("an object", other)),
        }
    }

    /// The value under `name`. (A repeated field, which serde refuses, reads as its first.)
    pub fn get(&self, name: &str) -> Option<&'v Value<'a>> {
        let hint = self.next.get();
        let i = match self.entries.get(hint) {
            Some((k, _)) if k == name => hint,
            _ => self.entries.iter().position(|(k, _)| k == name)?,
        };
        self.next.set(i + 1);
        Some(&self.entries[i].1)
    }

    /// A field that must be present (unless its type has a missing value: `Option`).
    pub fn field<T: FromJson>(&self, name: &str) -> Result<T, Error> {
        match self.get(name) {
            Some(v) => T::from_json(v).map_err(|e| e.at(name)),
            None => T::missing().ok_or_else(|| Error::new(format!("missing field \"{name}\""))),
        }
    }

    /// A field that takes `default` when missing.
    pub fn field_or<T: FromJson>(&self, name: &str, default: T) -> Result<T, Error> {
        match self.get(name) {
            Some(v) => T::from_json(v).map_err(|e| e.at(name)),
            None => Ok(default),
        }
    }

    /// A field that takes `default()` when missing.
    pub fn field_or_else<T: FromJson>(&self, name: &str, default: impl FnOnce() -> T) -> Result<T, Error> {
        match self.get(name) {
            Some(v) => T::from_json(v).map_err(|e| e.at(name)),
            None => Ok(default()),
        }
    }
}

/// An array being read into a tuple or tuple struct of a fixed length.
pub struct Arr<'v, 'a> {
    items: &'v [Value<'a>],
}

impl<'v, 'a> Arr<'v, 'a> {
    pub fn of(value: &'v Value<'a>, len: usize) -> Result<Arr<'v, 'a>, Error> {
        match value {
            Value::Array(items) if items.len() == len => Ok(Arr { items }),
            Value::Array(items) => Err(Error::new(format!("expected {len} items, found {}", items.len()))),
            other => Err(Error::expected("an array", other)),
        }
    }

    pub fn item<T: FromJson>(&self, i: usize) -> Result<T, Error> {
        T::from_json(&self.items[i]).map_err(|e| e.at(i.to_string()))
    }
}

/// An externally tagged enum value: `"Unit"` → (`Unit`, no content); `{"Variant": content}` →
/// (`Variant`, its content).
pub fn variant<'v, 'a>(value: &'v Value<'a>) -> Result<(&'v str, Option<&'v Value<'a>>), Error> {
    match value {
        Value::String(tag) => Ok((tag, None)),
        Value::Object(entries) if entries.len() == 1 => Ok((&entries[0].0, Some(&entries[0].1))),
        other => Err(Error::expected("a variant name or an object with one key", other)),
    }
}

/// A unit struct (or unit content) is `null`.
pub fn expect_null(value: &Value) -> Result<(), Error> {
    match value {
        Value::Null => Ok(()),
        other => Err(Error::expected("null", other)),
    }
}
