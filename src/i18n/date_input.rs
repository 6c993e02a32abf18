//! Dates typed by hand, in the format of the language shown (not the browser's): English YYYY-MM-DD
//! (ISO 8601), French jj/mm/aaaa. The pattern shown to the user is the catalog's `DatePattern`.

use super::Locale;
use chrono::{Datelike, NaiveDate};

/// The date `text` names in `locale`'s format; `None` for anything else (another format, a day that does
/// not exist such as 31/02). Spaces around the text are ignored; one-digit days and months are accepted.
pub fn parse(text: &str, locale: Locale) -> Option<NaiveDate> {
    let text = text.trim();
    let (sep, order) = match locale {
        Locale::En => ('-', [0, 1, 2]),
        Locale::Fr => ('/', [2, 1, 0]),
    };
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    let fields = [a, b, c];
    let (year, month, day) = (fields[order[0]], fields[order[1]], fields[order[2]]);
    let digits =
        |s: &str, min: usize, max: usize| (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4, 4) || !digits(month, 1, 2) || !digits(day, 1, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// `d` as the field shows it in `locale` (what [`parse`] reads back).
pub fn write(d: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::En => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        Locale::Fr => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Key;

    #[test]
    fn each_language_reads_its_own_format_only() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            (Locale::Fr, "15/12/2026", day(2026, 12, 15)),
            (Locale::Fr, " 5/1/2027 ", day(2027, 1, 5)),
            (Locale::Fr, "29/02/2028", day(2028, 2, 29)),
            (Locale::Fr, "31/02/2026", None),
            (Locale::Fr, "29/02/2027", None),
            (Locale::Fr, "2026-12-15", None),
            (Locale::Fr, "12/15/2026", None),
            (Locale::Fr, "15/12/26", None),
            (Locale::Fr, "15/12/2026/1", None),
            (Locale::Fr, "", None),
            (Locale::En, "2026-12-15", day(2026, 12, 15)),
            (Locale::En, "2027-1-5", day(2027, 1, 5)),
            (Locale::En, "2026-02-31", None),
            (Locale::En, "15/12/2026", None),
            (Locale::En, "12/15/2026", None),
            (Locale::En, "2026-13-01", None),
            (Locale::En, "+2026-12-15", None),
            (Locale::En, "abc", None),
        ];
        for (locale, text, want) in cases {
            assert_eq!(parse(text, locale), want, "{locale:?} {text:?}");
        }
    }

    #[test]
    fn what_is_written_reads_back_and_messages_name_the_pattern_shown() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(write(d, Locale::En), "2026-03-07");
        assert_eq!(write(d, Locale::Fr), "07/03/2026");
        for locale in Locale::ALL {
            assert_eq!(parse(&write(d, locale), locale), Some(d));
            let pattern = Key::DatePattern.text(locale);
            for key in [Key::InvalidDateInput, Key::FieldInvalidDate] {
                assert!(key.text(locale).contains(pattern), "{key:?} {locale:?} must name {pattern}");
            }
        }
        assert_eq!(Key::DatePattern.text(Locale::Fr), "jj/mm/aaaa");
    }
}
