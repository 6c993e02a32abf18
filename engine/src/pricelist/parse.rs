//! Reading a price-list CSV in Partner Center's license-based layout (RULES §2.5): columns found by
//! header name in any order, comma or semicolon separated (French Excel writes semicolons), with or
//! without a UTF-8 byte-order mark, decimal point or comma in prices. Every row that cannot be read is
//! rejected on its own, with its line, its column and the reason; a missing required column refuses the
//! file. Parsing uses the `csv` crate (quoting, embedded separators and line breaks).

use super::{Agreement, Change, PriceEntry, Secondary};
use crate::catalog::Catalog;
use crate::ids::OfferId;
use crate::money::Currency;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A column of the layout, by its Partner Center header.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Column {
    ChangeIndicator,
    ValidFrom,
    ValidTo,
    OfferDisplayName,
    OfferId,
    LicenseAgreementType,
    PurchaseUnit,
    SecondaryLicenseType,
    EndCustomerType,
    ListPrice,
    ErpPrice,
    Currency,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::ChangeIndicator,
        Column::ValidFrom,
        Column::ValidTo,
        Column::OfferDisplayName,
        Column::OfferId,
        Column::LicenseAgreementType,
        Column::PurchaseUnit,
        Column::SecondaryLicenseType,
        Column::EndCustomerType,
        Column::ListPrice,
        Column::ErpPrice,
        Column::Currency,
    ];

    /// The header as Partner Center writes it (matched ignoring case and surrounding spaces).
    pub const fn header(self) -> &'static str {
        match self {
            Column::ChangeIndicator => "Change indicator",
            Column::ValidFrom => "Valid from",
            Column::ValidTo => "Valid to",
            Column::OfferDisplayName => "Offer display name",
            Column::OfferId => "Offer ID",
            Column::LicenseAgreementType => "License agreement type",
            Column::PurchaseUnit => "Purchase unit",
            Column::SecondaryLicenseType => "Secondary license type",
            Column::EndCustomerType => "End customer type",
            Column::ListPrice => "List price",
            Column::ErpPrice => "ERP price",
            Column::Currency => "Currency",
        }
    }

    /// Without these a row means nothing: the file is refused.
    pub const fn required(self) -> bool {
        matches!(
            self,
            Column::ChangeIndicator
                | Column::ValidFrom
                | Column::OfferId
                | Column::ListPrice
                | Column::ErpPrice
                | Column::Currency
        )
    }
}

/// Why one row was rejected (data; `messages.rs` words it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// A required cell is empty.
    Empty,
    UnknownCurrency(String),
    NegativePrice,
    /// Valid to is before Valid from.
    EndsBeforeStart {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The same offer and currency already appeared on `first_line`.
    DuplicateOffer {
        first_line: u64,
    },
    BadNumber(String),
    BadDate(String),
    BadIndicator(String),
    /// A value not in the column's list (license agreement type, secondary license type).
    BadValue(String),
    /// The offer ID is not in the catalog.
    UnknownOffer(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    /// The line of the file (1 = the header).
    pub line: u64,
    pub column: Column,
    pub problem: RowProblem,
}

/// Why the whole file was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// No header line at all.
    Empty,
    /// Required columns absent from the header, in layout order.
    MissingColumns(Vec<Column>),
    /// The CSV itself could not be read (e.g. an unclosed quote) at this line.
    Unreadable { line: u64 },
}

/// What a file holds: the rows that can be imported (file order) and every rejected row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub separator: u8,
    pub rows: Vec<PriceEntry>,
    pub rejected: Vec<RejectedRow>,
}

/// The separator the header line uses: semicolon when it has more semicolons than commas.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.chars().filter(|&x| x == c).count();
    if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

fn normalize(header: &str) -> String {
    header.trim().trim_matches('\u{feff}').trim().to_lowercase()
}

/// Read `text` against `catalog` (rows naming an offer it lacks are rejected).
pub fn parse(text: &str, catalog: &Catalog) -> Result<Parsed, FileProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let sep = separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| unreadable(&e))?.clone();
    let mut at: BTreeMap<Column, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = normalize(h);
        if let Some(c) = Column::ALL.iter().find(|c| c.header().to_lowercase() == h) {
            at.entry(*c).or_insert(i);
        }
    }
    let missing: Vec<Column> = Column::ALL.into_iter().filter(|c| c.required() && !at.contains_key(c)).collect();
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns(missing));
    }
    let day_first = sep == b';';
    let mut rows = Vec::new();
    let mut rejected = Vec::new();
    let mut seen: BTreeMap<(OfferId, Currency), u64> = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    // The csv crate's own line count skips blank lines; the line a spreadsheet shows counts them.
    let (mut counted_to, mut line_at) = (0usize, 1u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(unreadable(&e)),
        }
        let mut byte = record.position().map_or(counted_to, |p| p.byte() as usize).max(counted_to);
        // The position is where the reader started, before the blank lines it skipped.
        while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        line_at +=
            text.as_bytes().get(counted_to..byte).map_or(0, |b| b.iter().filter(|c| **c == b'\n').count() as u64);
        counted_to = byte;
        let line = line_at;
        // A blank line (Excel adds some at the end) is no row.
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |c: Column| at.get(&c).and_then(|i| record.get(*i)).unwrap_or("");
        match read_row(&cell, catalog, day_first) {
            Ok(entry) => {
                let key = (entry.offer.clone(), entry.currency);
                if let Some(first_line) = seen.get(&key) {
                    rejected.push(RejectedRow {
                        line,
                        column: Column::OfferId,
                        problem: RowProblem::DuplicateOffer { first_line: *first_line },
                    });
                } else {
                    seen.insert(key, line);
                    rows.push(entry);
                }
            }
            Err((column, problem)) => rejected.push(RejectedRow { line, column, problem }),
        }
    }
    Ok(Parsed { separator: sep, rows, rejected })
}

fn unreadable(e: &csv::Error) -> FileProblem {
    FileProblem::Unreadable { line: e.position().map(|p| p.line()).unwrap_or(1) }
}

type RowResult<T> = Result<T, (Column, RowProblem)>;

/// One row, checked column by column in layout order; the first problem rejects it.
fn read_row<'r>(cell: &dyn Fn(Column) -> &'r str, catalog: &Catalog, day_first: bool) -> RowResult<PriceEntry> {
    let required = |c: Column| -> RowResult<&str> {
        let v = cell(c);
        if v.is_empty() {
            Err((c, RowProblem::Empty))
        } else {
            Ok(v)
        }
    };
    let raw = required(Column::ChangeIndicator)?;
    let change = Change::from_code(raw).ok_or((Column::ChangeIndicator, RowProblem::BadIndicator(raw.into())))?;
    let raw = required(Column::ValidFrom)?;
    let valid_from = parse_date(raw, day_first).ok_or((Column::ValidFrom, RowProblem::BadDate(raw.into())))?;
    let valid_to = match cell(Column::ValidTo) {
        "" => None,
        raw => Some(parse_date(raw, day_first).ok_or((Column::ValidTo, RowProblem::BadDate(raw.into())))?),
    };
    if let Some(to) = valid_to.filter(|to| *to < valid_from) {
        return Err((Column::ValidTo, RowProblem::EndsBeforeStart { from: valid_from, to }));
    }
    let raw = required(Column::OfferId)?;
    let offer = OfferId(raw.to_string());
    let Some(known) = catalog.get(&offer) else {
        return Err((Column::OfferId, RowProblem::UnknownOffer(raw.into())));
    };
    let agreement = match cell(Column::LicenseAgreementType) {
        "" => None,
        raw => Some(Agreement::from_name(raw).ok_or((Column::LicenseAgreementType, RowProblem::BadValue(raw.into())))?),
    };
    let secondary = match cell(Column::SecondaryLicenseType) {
        "" => None,
        raw => Some(Secondary::from_name(raw).ok_or((Column::SecondaryLicenseType, RowProblem::BadValue(raw.into())))?),
    };
    let raw = required(Column::Currency)?;
    let currency =
        Currency::from_code(&raw.to_uppercase()).ok_or((Column::Currency, RowProblem::UnknownCurrency(raw.into())))?;
    let list = price(required(Column::ListPrice)?, currency, Column::ListPrice)?;
    let erp = price(required(Column::ErpPrice)?, currency, Column::ErpPrice)?;
    let name = match cell(Column::OfferDisplayName) {
        "" => known.name.clone(),
        n => n.to_string(),
    };
    Ok(PriceEntry {
        offer,
        currency,
        change,
        valid_from,
        valid_to,
        list,
        erp,
        name,
        agreement,
        secondary,
        purchase_unit: cell(Column::PurchaseUnit).to_string(),
        end_customer: cell(Column::EndCustomerType).to_string(),
    })
}

fn price(raw: &str, currency: Currency, column: Column) -> RowResult<i64> {
    match parse_price(raw, currency.minor_digits()) {
        Some(v) if v < 0 => Err((column, RowProblem::NegativePrice)),
        Some(v) => Ok(v),
        None => Err((column, RowProblem::BadNumber(raw.into()))),
    }
}

/// A price in minor units: an optional minus, digits, thousands separators (space, no-break space,
/// apostrophe, or the mark that is not the decimal one), and a decimal point or comma (the last of
/// `.`/`,` when both appear). More decimals than the currency has are rounded half away from zero
/// (Partner Center lists some prices to four decimals).
pub fn parse_price(raw: &str, minor_digits: u32) -> Option<i64> {
    let mut s: String = raw.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    let negative = s.starts_with('-');
    if negative {
        s.remove(0);
    }
    let decimal = match (s.rfind('.'), s.rfind(',')) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) => Some(d),
        // A lone comma is decimal unless it groups thousands exactly ("1,234" stays ambiguous: decimal).
        (None, Some(c)) => Some(c),
        (None, None) => None,
    };
    let (whole, frac) = match decimal {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s.as_str(), ""),
    };
    let whole: String = whole.chars().filter(|c| *c != ',' && *c != '.').collect();
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = minor_digits as usize;
    let major: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let mut minor: i64 = 0;
    for i in 0..digits {
        minor = minor * 10 + frac.as_bytes().get(i).map(|b| (b - b'0') as i64).unwrap_or(0);
    }
    let round_up = frac.as_bytes().get(digits).is_some_and(|b| *b >= b'5');
    let value = major.checked_mul(10_i64.pow(minor_digits))?.checked_add(minor)?.checked_add(round_up as i64)?;
    Some(if negative { -value } else { value })
}

/// ISO `2026-12-01`, or with slashes: `1/12/2026` day first in semicolon files (French Excel),
/// `12/1/2026` month first otherwise (Partner Center's US files). A time after a space is ignored.
pub fn parse_date(raw: &str, day_first: bool) -> Option<NaiveDate> {
    let raw = raw.split_whitespace().next()?;
    if let Some(d) = crate::dates::parse_iso_date(raw) {
        return Some(d);
    }
    let mut parts = raw.split(['/', '.']);
    let a: u32 = parts.next()?.parse().ok()?;
    let b: u32 = parts.next()?.parse().ok()?;
    let y: i32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1000..=9999).contains(&y) {
        return None;
    }
    let (d, m) = if day_first { (a, b) } else { (b, a) };
    NaiveDate::from_ymd_opt(y, m, d)
}
