//! Money: an integer amount of minor units plus an ISO 4217 currency. Never a float.
//! Formatting is the app's job (it depends on the locale); this module only does arithmetic.

use crate::rejection::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The currencies the partner can bill in. JPY has no minor unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Currency {
    USD,
    EUR,
    GBP,
    AUD,
    BRL,
    JPY,
    CAD,
    CHF,
}

impl Currency {
    pub const ALL: [Currency; 8] = [
        Currency::USD,
        Currency::EUR,
        Currency::GBP,
        Currency::AUD,
        Currency::BRL,
        Currency::JPY,
        Currency::CAD,
        Currency::CHF,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Currency::USD => "USD",
            Currency::EUR => "EUR",
            Currency::GBP => "GBP",
            Currency::AUD => "AUD",
            Currency::BRL => "BRL",
            Currency::JPY => "JPY",
            Currency::CAD => "CAD",
            Currency::CHF => "CHF",
        }
    }

    /// Digits after the decimal point of the currency's minor unit (ISO 4217).
    pub const fn minor_digits(self) -> u32 {
        match self {
            Currency::JPY => 0,
            _ => 2,
        }
    }

    /// How many minor units make one major unit.
    pub const fn minor_per_major(self) -> i64 {
        10i64.pow(self.minor_digits())
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: integer minor units of one currency.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// Two amounts in different currencies were combined.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CurrencyMismatch {
    pub left: Currency,
    pub right: Currency,
}

impl Money {
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// From a whole number of major units (e.g. `Money::major(48, USD)` is $48.00).
    pub const fn major(major: i64, currency: Currency) -> Money {
        Money { minor: major * currency.minor_per_major(), currency }
    }

    pub fn is_zero(self) -> bool {
        self.minor == 0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, CurrencyMismatch> {
        self.same_currency(other)?;
        Ok(Money::new(self.minor.saturating_add(other.minor), self.currency))
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, CurrencyMismatch> {
        self.checked_add(other.negate())
    }

    pub fn negate(self) -> Money {
        Money::new(-self.minor, self.currency)
    }

    pub fn abs(self) -> Money {
        Money::new(self.minor.abs(), self.currency)
    }

    /// Multiply by a whole quantity (licenses, units).
    pub fn times(self, quantity: i64) -> Money {
        Money::new(self.minor.saturating_mul(quantity), self.currency)
    }

    /// `self × numerator / denominator`, rounded half away from zero to the minor unit.
    pub fn scale(self, numerator: i64, denominator: i64) -> Money {
        let minor = div_round_half_up(self.minor as i128 * numerator as i128, denominator as i128);
        Money::new(clamp_i64(minor), self.currency)
    }

    /// Sum amounts of one currency; `None` for an empty iterator or mixed currencies.
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
        let mut iter = items.into_iter();
        let first = iter.next()?;
        iter.try_fold(first, |acc, m| acc.checked_add(m).ok())
    }

    fn same_currency(self, other: Money) -> Result<(), CurrencyMismatch> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(CurrencyMismatch { left: self.currency, right: other.currency })
        }
    }
}

impl fmt::Display for Money {
    /// A locale-neutral rendering for logs, CSV and tests (`-41.34 USD`); the UI formats per locale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.currency.minor_digits();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if digits == 0 {
            write!(f, "{sign}{abs} {}", self.currency)
        } else {
            let per = 10u64.pow(digits);
            write!(f, "{sign}{}.{:0width$} {}", abs / per, abs % per, self.currency, width = digits as usize)
        }
    }
}

/// Integer division rounding half away from zero ("round half up" on magnitudes), as billing requires.
/// A zero denominator yields zero rather than panicking: callers validate their inputs, and the engine
/// must never panic on user input.
pub fn div_round_half_up(numerator: i128, denominator: i128) -> i128 {
    if denominator == 0 {
        return 0;
    }
    let negative = (numerator < 0) != (denominator < 0);
    let (n, d) = (numerator.unsigned_abs(), denominator.unsigned_abs());
    let q = ((2 * n + d) / (2 * d)) as i128;
    if negative {
        -q
    } else {
        q
    }
}

fn clamp_i64(v: i128) -> i64 {
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// Parse a positive amount typed in a form, in `currency`: digits, optionally one `.` or `,` then at most
/// the currency's minor digits. No sign, no grouping separators, no currency symbol. Shared by every form
/// that takes an amount (the software refund request today).
pub fn parse_amount(raw: &str, currency: Currency) -> Result<Money, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.starts_with('-') {
        return Err(Problem::NotPositive);
    }
    let (whole, frac) = match s.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    let digits = currency.minor_digits() as usize;
    let only_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let has_separator = s.len() != whole.len();
    if whole.is_empty() || !only_digits(whole) || !only_digits(frac) || (has_separator && frac.is_empty()) {
        return Err(Problem::InvalidAmount);
    }
    if frac.len() > digits {
        return Err(Problem::TooManyDecimals { max: digits as u32 });
    }
    let major: i64 = whole.parse().map_err(|_| Problem::InvalidAmount)?;
    let minor_part: i64 = if frac.is_empty() {
        0
    } else {
        let padded = format!("{frac:0<digits$}");
        padded.parse().map_err(|_| Problem::InvalidAmount)?
    };
    let minor = major
        .checked_mul(currency.minor_per_major())
        .and_then(|m| m.checked_add(minor_part))
        .ok_or(Problem::InvalidAmount)?;
    if minor <= 0 {
        return Err(Problem::NotPositive);
    }
    Ok(Money::new(minor, currency))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        let cases: &[(i128, i128, i128)] =
            &[(5, 2, 3), (-5, 2, -3), (4, 2, 2), (7, 3, 2), (8, 3, 3), (1, 3, 0), (-8, 3, -3), (10, 0, 0), (2, -4, -1)];
        for &(n, d, want) in cases {
            assert_eq!(div_round_half_up(n, d), want, "{n}/{d}");
        }
    }

    #[test]
    fn mixed_currencies_are_refused() {
        let usd = Money::major(1, Currency::USD);
        let eur = Money::major(1, Currency::EUR);
        assert_eq!(usd.checked_add(eur), Err(CurrencyMismatch { left: Currency::USD, right: Currency::EUR }));
        assert_eq!(Money::sum([usd, eur]), None);
        assert_eq!(Money::sum([usd, usd]), Some(Money::major(2, Currency::USD)));
    }

    #[test]
    fn display_respects_minor_digits() {
        assert_eq!(Money::new(-4134, Currency::USD).to_string(), "-41.34 USD");
        assert_eq!(Money::new(5, Currency::EUR).to_string(), "0.05 EUR");
        assert_eq!(Money::new(1200, Currency::JPY).to_string(), "1200 JPY");
        assert_eq!(Money::major(3, Currency::JPY).minor, 3);
    }

    #[test]
    fn scale_rounds_to_the_minor_unit() {
        // 48.00 × 17 / 365 = 2.2356… → 2.24
        assert_eq!(Money::major(48, Currency::USD).scale(17, 365).minor, 224);
        assert_eq!(Money::new(-4800, Currency::USD).scale(17, 365).minor, -224);
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        assert_eq!(Currency::from_code("usd"), Some(Currency::USD));
        assert_eq!(Currency::from_code("XXX"), None);
    }
}
