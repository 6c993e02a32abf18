//! The one CSV writer of the app (every "Export CSV"): RFC 4180 through the `csv` crate, UTF-8 with a
//! byte-order mark (so Excel reads the accents), money as plain decimals beside a currency column, ISO dates,
//! and text cells that a spreadsheet would run as a formula defused the OWASP way (a leading apostrophe).

use crate::money::Money;
use chrono::NaiveDate;
use csv_core::{Terminator, WriteResult, WriterBuilder};
use std::borrow::Cow;

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: char = '\u{FEFF}';

/// One cell. Only [`Cell::Text`] can come from a user, so only it is defused; numbers and dates are ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A plain number we formatted (`1234.50`, `-4`): written as is, so a spreadsheet sums it.
    Number(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Money as a plain decimal in its currency's minor digits (`1234.50`, JPY `1234`): no symbol, no grouping.
    pub fn money(m: Money) -> Cell {
        Cell::Number(decimal(m))
    }

    pub fn integer(n: i64) -> Cell {
        Cell::Number(n.to_string())
    }

    /// `YYYY-MM-DD`.
    pub fn date(d: NaiveDate) -> Cell {
        Cell::Number(d.to_string())
    }

    fn as_str(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => defuse(s),
            Cell::Number(s) => Cow::Borrowed(s),
        }
    }
}

/// `1234.50`, `-4.00`, JPY `1234`.
pub fn decimal(m: Money) -> String {
    let digits = m.currency.minor_digits() as usize;
    let per = m.currency.minor_per_major().unsigned_abs();
    let abs = m.minor.unsigned_abs();
    let sign = if m.minor < 0 { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{abs}")
    } else {
        format!("{sign}{}.{:0digits$}", abs / per, abs % per)
    }
}

/// A text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe,
/// so a spreadsheet shows it instead of running it (OWASP, "CSV injection").
pub fn defuse(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A whole file: BOM, the header row, then the rows; CRLF line ends, fields quoted only when needed.
pub fn write<H: AsRef<str>>(header: &[H], rows: &[Vec<Cell>]) -> String {
    let mut out = Out { w: WriterBuilder::new().terminator(Terminator::CRLF).build(), bytes: Vec::new() };
    out.bytes.extend_from_slice(BOM.to_string().as_bytes());
    out.record(header.iter().map(|h| defuse(h.as_ref())));
    for row in rows {
        out.record(row.iter().map(Cell::as_str));
    }
    out.pump(|w, buf| w.finish(buf));
    // Only UTF-8 went in, and the writer only adds ASCII quotes, commas and line ends.
    String::from_utf8(out.bytes).unwrap_or_default()
}

/// `csv-core`'s writer (RFC 4180 quoting, no I/O machinery: the `csv` crate's `io::Write` layer cost 17 KB
/// of the download), draining its output into a growing buffer.
struct Out {
    w: csv_core::Writer,
    bytes: Vec<u8>,
}

impl Out {
    fn record<'a>(&mut self, cells: impl Iterator<Item = Cow<'a, str>>) {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                self.pump(|w, buf| w.delimiter(buf));
            }
            let mut input = cell.as_bytes();
            loop {
                let mut buf = [0u8; 256];
                let (result, read, written) = self.w.field(input, &mut buf);
                self.bytes.extend_from_slice(&buf[..written]);
                input = &input[read..];
                if result == WriteResult::InputEmpty {
                    break;
                }
            }
        }
        self.pump(|w, buf| w.terminator(buf));
    }

    /// Run a step that only needs room, giving it more until it is done.
    fn pump(&mut self, mut step: impl FnMut(&mut csv_core::Writer, &mut [u8]) -> (WriteResult, usize)) {
        loop {
            let mut buf = [0u8; 16];
            let (result, written) = step(&mut self.w, &mut buf);
            self.bytes.extend_from_slice(&buf[..written]);
            if result == WriteResult::InputEmpty {
                break;
            }
        }
    }
}

/// Rows of text only (the activity logs).
pub fn write_text<H: AsRef<str>, S: AsRef<str>>(header: &[H], rows: &[Vec<S>]) -> String {
    let rows: Vec<Vec<Cell>> = rows.iter().map(|r| r.iter().map(|c| Cell::text(c.as_ref())).collect()).collect();
    write(header, &rows)
}

/// A file name such as `customers-2026-12-04.csv`.
pub fn file_name(stem: &str, date: NaiveDate) -> String {
    format!("{stem}-{date}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    /// What a real CSV reader gets back from our file (BOM stripped).
    fn read(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(BOM).expect("starts with a BOM");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn defuses_what_a_spreadsheet_would_run() {
        let cases = [
            ("plain", "plain"),
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+33 1 23", "'+33 1 23"),
            ("-cmd", "'-cmd"),
            ("-4.00", "'-4.00"), // text, even when it looks like a number: only our numbers are numbers
            ("@import", "'@import"),
            ("\tTab", "'\tTab"),
            ("\rCR", "'\rCR"),
            ("a=b", "a=b"),
            ("", ""),
            ("'quoted", "'quoted"),
        ];
        for (input, want) in cases {
            assert_eq!(defuse(input), want, "{input:?}");
        }
    }

    #[test]
    fn money_is_a_plain_decimal() {
        let cases = [
            (Money::new(123_450, Currency::USD), "1234.50"),
            (Money::new(5, Currency::EUR), "0.05"),
            (Money::new(-400, Currency::USD), "-4.00"),
            (Money::new(0, Currency::GBP), "0.00"),
            (Money::new(123_456_789, Currency::EUR), "1234567.89"),
            (Money::new(1234, Currency::JPY), "1234"),
            (Money::new(-7, Currency::JPY), "-7"),
        ];
        for (m, want) in cases {
            assert_eq!(decimal(m), want, "{m:?}");
            assert_eq!(Cell::money(m), Cell::Number(want.into()), "numbers are never defused");
        }
    }

    #[test]
    fn writes_rfc_4180_with_a_bom_and_reads_back() {
        let header = ["Nom", "Montant", "Devise", "Date"];
        let d = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let rows = vec![
            vec![
                Cell::text("Contoso, Ltd"),
                Cell::money(Money::new(123_450, Currency::USD)),
                Cell::text("USD"),
                Cell::date(d),
            ],
            vec![
                Cell::text("Say \"hi\"\nnext line"),
                Cell::money(Money::new(-400, Currency::EUR)),
                Cell::text("EUR"),
                Cell::date(d),
            ],
            vec![Cell::text("=HYPERLINK(\"x\")"), Cell::integer(-3), Cell::text("Société Générale"), Cell::text("")],
        ];
        let text = write(&header, &rows);
        assert!(text.starts_with('\u{FEFF}'));
        assert!(text.ends_with("\r\n"));
        assert_eq!(
            text.strip_prefix(BOM).unwrap(),
            "Nom,Montant,Devise,Date\r\n\
             \"Contoso, Ltd\",1234.50,USD,2026-12-04\r\n\
             \"Say \"\"hi\"\"\nnext line\",-4.00,EUR,2026-12-04\r\n\
             \"'=HYPERLINK(\"\"x\"\")\",-3,Société Générale,\r\n"
        );
        let back = read(&text);
        let want: Vec<Vec<&str>> = vec![
            vec!["Nom", "Montant", "Devise", "Date"],
            vec!["Contoso, Ltd", "1234.50", "USD", "2026-12-04"],
            vec!["Say \"hi\"\nnext line", "-4.00", "EUR", "2026-12-04"],
            vec!["'=HYPERLINK(\"x\")", "-3", "Société Générale", ""],
        ];
        assert_eq!(back, want);
    }

    #[test]
    fn long_cells_cross_the_writer_buffer_whole() {
        let long = "a\"b,".repeat(300);
        let text = write(&["x"], &[vec![Cell::text(long.clone())], vec![Cell::integer(1)]]);
        assert_eq!(read(&text), vec![vec!["x".to_string()], vec![long], vec!["1".to_string()]]);
    }

    #[test]
    fn an_empty_table_is_its_header() {
        let text = write::<&str>(&["A", "B"], &[]);
        assert_eq!(text, "\u{FEFF}A,B\r\n");
        assert_eq!(write_text(&["x"], &[vec!["-1"]]), "\u{FEFF}x\r\n'-1\r\n");
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(file_name("customers", NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()), "customers-2026-12-04.csv");
    }
}
