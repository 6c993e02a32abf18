//! ISO 8601 dates as users type them and logs show them, written out by hand: chrono's `strftime`
//! machinery costs tens of kilobytes of wasm for these two fixed formats.

use chrono::{DateTime, NaiveDate, Timelike, Utc};

/// `YYYY-MM-DD` (surrounding spaces allowed) → a calendar date; anything else → `None`.
pub fn parse_iso_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim().as_bytes();
    if s.len() != 10 || s[4] != b'-' || s[7] != b'-' {
        return None;
    }
    let num = |part: &[u8]| -> Option<u32> {
        part.iter().try_fold(0u32, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
    };
    let (year, month, day) = (num(&s[0..4])?, num(&s[5..7])?, num(&s[8..10])?);
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// `YYYY-MM-DD HH:MM` (UTC).
pub fn iso_minute(t: DateTime<Utc>) -> String {
    format!("{} {:02}:{:02}", t.date_naive(), t.hour(), t.minute())
}

/// `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, UTC), for exports.
pub fn iso_second(t: DateTime<Utc>) -> String {
    format!("{}T{:02}:{:02}:{:02}Z", t.date_naive(), t.hour(), t.minute(), t.second())
}

/// Whether `t`'s date lies in `from..=to` (either bound optional): the date filter of the logs.
pub(crate) fn within(t: DateTime<Utc>, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let d = t.date_naive();
    from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)
}

/// `HH:MM`.
pub fn hour_minute(t: DateTime<Utc>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn parses_only_real_iso_dates() {
        let cases = [
            ("2026-11-21", NaiveDate::from_ymd_opt(2026, 11, 21)),
            (" 2024-02-29 ", NaiveDate::from_ymd_opt(2024, 2, 29)),
            ("2025-02-29", None),
            ("2026-13-01", None),
            ("2026-1-01", None),
            ("26-11-21", None),
            ("2026/11/21", None),
            ("2026-11-2x", None),
            ("", None),
            ("+026-11-21", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_iso_date(input), want, "{input:?}");
        }
    }

    #[test]
    fn formats_match_chrono() {
        let t = Utc.with_ymd_and_hms(2026, 3, 4, 5, 6, 7).unwrap();
        assert_eq!(iso_minute(t), t.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(iso_second(t), t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        assert_eq!(hour_minute(t), "05:06");
    }
}

/// A date a notice or refusal names, with the whole days left until it (issue 15 §4: pages say "N days
/// left" from the engine, never from date arithmetic of their own).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub on: NaiveDate,
    /// Whole calendar days from `today` to `on`; 0 on the day itself or after it.
    pub days_left: i64,
}

impl Deadline {
    pub fn new(on: NaiveDate, today: NaiveDate) -> Deadline {
        Deadline { on, days_left: (on - today).num_days().max(0) }
    }
}

#[cfg(test)]
mod deadline_tests {
    use super::Deadline;
    use chrono::NaiveDate;

    #[test]
    fn days_left_count_whole_calendar_days_and_never_go_negative() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // (deadline, today, days left)
        let cases = [
            (d(2026, 12, 6), d(2026, 12, 3), 3),
            (d(2026, 12, 6), d(2026, 12, 5), 1),
            (d(2026, 12, 6), d(2026, 12, 6), 0),
            (d(2026, 12, 6), d(2026, 12, 9), 0),
            (d(2027, 3, 1), d(2026, 12, 1), 90),
            (d(2028, 3, 1), d(2028, 2, 28), 2),
        ];
        for (on, today, left) in cases {
            assert_eq!(Deadline::new(on, today), Deadline { on, days_left: left }, "{on} from {today}");
        }
    }
}
