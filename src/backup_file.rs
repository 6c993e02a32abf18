//! The backup file: the whole state as one JSON document a person and other tools can read, and the
//! checks a file must pass before it may replace anything.
//!
//! ```json
//! {
//!   "format": "csp-marketplace-backup",
//!   "version": 1,
//!   "app_version": "0.1.0",
//!   "saved_at": "2026-12-03T10:00:00Z",
//!   "state": { "partner": {…}, "users": […], "clock": "…", … }
//! }
//! ```
//!
//! `state` is the engine's `State` in its serde shape (the shape format 1 of local storage used), so
//! the file documents itself; `saved_at` is the real time of the download (the simulated date is
//! `state.clock`).

use chrono::{DateTime, Utc};
use csp_engine::invariants::Inconsistency;
use csp_engine::State;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "csp-marketplace-backup";
pub const VERSION: u32 = 1;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    app_version: &'a str,
    saved_at: DateTime<Utc>,
    state: &'a State,
}

#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct FileIn {
    state: State,
}

/// Why a file cannot be restored; each gets its own message.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    Empty,
    /// Not JSON at all (the parser's detail).
    NotJson(String),
    /// JSON that ends too early: a download cut short.
    Truncated,
    /// JSON, but not this app's backup (another app's file).
    NotABackup,
    /// This app's backup, from a newer version.
    Newer(u32),
    /// The state does not have the shape of one (a field missing, a wrong type; the parser's detail).
    BadShape(String),
    /// Well formed, but impossible (edited): every inconsistency found.
    Impossible(Vec<Inconsistency>),
}

pub fn write(state: &State, saved_at: DateTime<Utc>) -> String {
    let file = FileOut { format: FORMAT, version: VERSION, app_version: APP_VERSION, saved_at, state };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The file's name: the partner and the simulated date, so several files sort and tell apart.
pub fn file_name(state: &State) -> String {
    let partner: String = state
        .partner
        .name
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("csp-marketplace-backup-{partner}-{}.json", state.clock.date_naive())
}

pub fn read(text: &str) -> Result<State, FileProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let head: Head = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            FileProblem::Truncated
        } else if e.is_syntax() {
            FileProblem::NotJson(e.to_string())
        } else {
            FileProblem::NotABackup
        }
    })?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(FileProblem::NotABackup);
    }
    match head.version {
        Some(v) if v > VERSION => return Err(FileProblem::Newer(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(FileProblem::NotABackup),
    }
    let file: FileIn = serde_json::from_str(text).map_err(|e| FileProblem::BadShape(e.to_string()))?;
    let problems = csp_engine::invariants::check(&file.state);
    if !problems.is_empty() {
        return Err(FileProblem::Impossible(problems));
    }
    Ok(file.state)
}

/// What a restore would bring back, shown before the user confirms.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub partner: String,
    pub customers: usize,
    pub subscriptions: usize,
    pub invoices: usize,
    pub clock: DateTime<Utc>,
}

pub fn preview(state: &State) -> Preview {
    Preview {
        partner: state.partner.name.clone(),
        customers: state.customers.len(),
        subscriptions: state.subscriptions.len(),
        invoices: csp_engine::ledger::invoices(state).len(),
        clock: state.clock,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn demo() -> State {
        csp_engine::demo::demo_state(Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap())
    }

    #[test]
    fn the_file_round_trips_to_the_identical_state() {
        let state = demo();
        let text = write(&state, Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap());
        assert!(text.contains("\"format\": \"csp-marketplace-backup\""));
        assert!(text.contains("\"saved_at\": \"2026-12-03T10:00:00Z\""));
        assert_eq!(read(&text), Ok(state.clone()));
        assert_eq!(read(&format!("\u{feff}{text}")), Ok(state));
    }

    /// A case's name, the file's text, and the problem expected.
    type BadFile = (&'static str, String, fn(&FileProblem) -> bool);

    #[test]
    fn each_bad_file_says_what_is_wrong() {
        let good = write(&demo(), Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap());
        let newer = good.replacen("\"version\": 1", "\"version\": 7", 1);
        let other_app = "{\"name\": \"budget\", \"rows\": []}";
        let shape = good.replacen("\"clock\":", "\"clock_\":", 1);
        let cases: Vec<BadFile> = vec![
            ("empty", "  ".into(), |p| *p == FileProblem::Empty),
            ("garbage", "PK\u{3}\u{4} not json".into(), |p| matches!(p, FileProblem::NotJson(_))),
            ("truncated", good[..good.len() / 2].to_string(), |p| *p == FileProblem::Truncated),
            ("another app", other_app.into(), |p| *p == FileProblem::NotABackup),
            ("a JSON array", "[1, 2]".into(), |p| *p == FileProblem::NotABackup),
            ("newer", newer, |p| *p == FileProblem::Newer(7)),
            ("wrong shape", shape, |p| matches!(p, FileProblem::BadShape(d) if d.contains("clock"))),
        ];
        for (name, text, want) in cases {
            let got = read(&text).expect_err(name);
            assert!(want(&got), "{name}: {got:?}");
        }
    }

    #[test]
    fn the_file_name_names_the_partner_and_the_simulated_date() {
        let mut state = demo();
        state.partner.name = "Contoso IT, Ltd.".into();
        assert_eq!(file_name(&state), "csp-marketplace-backup-contoso-it-ltd-2026-11-21.json");
    }

    #[test]
    fn the_preview_counts_what_a_restore_brings_back() {
        let state = demo();
        let p = preview(&state);
        assert_eq!(p.customers, state.customers.len());
        assert_eq!(p.subscriptions, state.subscriptions.len());
        assert!(p.invoices > 0);
        assert_eq!(p.clock, state.clock);
    }
}
