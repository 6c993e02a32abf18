//! Locale formatting of dates, numbers and money, written out for the two locales we ship
//! (English: "Nov 21, 2026", "$1,234.56"; French: "21 nov. 2026", "1er janv. 2027", "1 234,56 $US").

use super::Locale;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use csp_engine::money::{Currency, Money};

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_FR: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_LONG_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_LONG_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// French groups digits with a narrow no-break space.
const FR_GROUP: char = '\u{202F}';

pub fn date(d: NaiveDate, locale: Locale) -> String {
    let m = d.month0() as usize;
    match locale {
        Locale::En => format!("{} {}, {}", MONTHS_EN[m], d.day(), d.year()),
        // French writes the first of the month as an ordinal: "1er janv. 2027", then "2 janv. 2027".
        Locale::Fr if d.day() == 1 => format!("1er {} {}", MONTHS_FR[m], d.year()),
        Locale::Fr => format!("{} {} {}", d.day(), MONTHS_FR[m], d.year()),
    }
}

pub fn datetime(t: DateTime<Utc>, locale: Locale) -> String {
    format!("{} {} UTC", date(t.date_naive(), locale), csp_engine::dates::hour_minute(t))
}

/// "November 2026" / "novembre 2026", for invoice months.
pub fn month_year(year: i32, month: u32, locale: Locale) -> String {
    let m = (month.clamp(1, 12) - 1) as usize;
    match locale {
        Locale::En => format!("{} {year}", MONTHS_LONG_EN[m]),
        Locale::Fr => format!("{} {year}", MONTHS_LONG_FR[m]),
    }
}

/// "Nov" / "nov.", for chart axes.
pub fn month_short(month: u32, locale: Locale) -> &'static str {
    let m = (month.clamp(1, 12) - 1) as usize;
    match locale {
        Locale::En => MONTHS_EN[m],
        Locale::Fr => MONTHS_FR[m],
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

pub fn integer(n: i64, locale: Locale) -> String {
    let sep = match locale {
        Locale::En => ',',
        Locale::Fr => FR_GROUP,
    };
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group(&n.unsigned_abs().to_string(), sep))
}

fn symbol(c: Currency, locale: Locale) -> &'static str {
    match (c, locale) {
        (Currency::USD, Locale::En) => "$",
        (Currency::USD, Locale::Fr) => "$US",
        (Currency::EUR, _) => "€",
        (Currency::GBP, _) => "£",
        (Currency::AUD, Locale::En) => "A$",
        (Currency::AUD, Locale::Fr) => "$AU",
        (Currency::BRL, _) => "R$",
        (Currency::JPY, _) => "¥",
        (Currency::CAD, Locale::En) => "CA$",
        (Currency::CAD, Locale::Fr) => "$CA",
        (Currency::CHF, _) => "CHF",
    }
}

pub fn money(m: Money, locale: Locale) -> String {
    let digits = m.currency.minor_digits();
    let per = m.currency.minor_per_major().unsigned_abs();
    let abs = m.minor.unsigned_abs();
    let (major, minor) = (abs / per, abs % per);
    let sign = if m.minor < 0 { "-" } else { "" };
    let sym = symbol(m.currency, locale);
    match locale {
        Locale::En => {
            let whole = group(&major.to_string(), ',');
            let space = if sym.len() > 2 && sym.chars().all(|c| c.is_ascii_uppercase()) { " " } else { "" };
            if digits == 0 {
                format!("{sign}{sym}{space}{whole}")
            } else {
                format!("{sign}{sym}{space}{whole}.{minor:0w$}", w = digits as usize)
            }
        }
        Locale::Fr => {
            let whole = group(&major.to_string(), FR_GROUP);
            if digits == 0 {
                format!("{sign}{whole}\u{a0}{sym}")
            } else {
                format!("{sign}{whole},{minor:0w$}\u{a0}{sym}", w = digits as usize)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        assert_eq!(date(d, Locale::En), "Feb 3, 2026");
        assert_eq!(date(d, Locale::Fr), "3 févr. 2026");
        assert_eq!(month_year(2026, 11, Locale::Fr), "novembre 2026");
    }

    #[test]
    fn the_first_of_the_month_is_an_ordinal_in_french_only() {
        let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let second = NaiveDate::from_ymd_opt(2027, 1, 2).unwrap();
        assert_eq!(date(first, Locale::Fr), "1er janv. 2027");
        assert_eq!(date(second, Locale::Fr), "2 janv. 2027");
        assert_eq!(date(first, Locale::En), "Jan 1, 2027");
        assert_eq!(date(second, Locale::En), "Jan 2, 2027");
        // Every format that shows a day goes through `date`: the date and time too.
        let t = first.and_hms_opt(9, 5, 0).unwrap().and_utc();
        assert_eq!(datetime(t, Locale::Fr), "1er janv. 2027 09:05 UTC");
        assert_eq!(datetime(t, Locale::En), "Jan 1, 2027 09:05 UTC");
    }

    #[test]
    fn money_per_locale() {
        let cases = [
            (Money::new(123_456, Currency::USD), Locale::En, "$1,234.56"),
            (Money::new(-4_134, Currency::USD), Locale::En, "-$41.34"),
            (Money::new(123_456, Currency::USD), Locale::Fr, "1\u{202F}234,56\u{a0}$US"),
            (Money::new(1_500, Currency::JPY), Locale::En, "¥1,500"),
            (Money::new(1_500, Currency::JPY), Locale::Fr, "1\u{202F}500\u{a0}¥"),
            (Money::new(5, Currency::EUR), Locale::En, "€0.05"),
            (Money::new(100, Currency::CHF), Locale::En, "CHF 1.00"),
        ];
        for (m, locale, want) in cases {
            assert_eq!(money(m, locale), want, "{m} {locale:?}");
        }
    }

    #[test]
    fn integers_group_thousands() {
        assert_eq!(integer(1_234_567, Locale::En), "1,234,567");
        assert_eq!(integer(-999, Locale::En), "-999");
        assert_eq!(integer(10_000, Locale::Fr), "10\u{202F}000");
    }
}
