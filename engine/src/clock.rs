//! The simulated clock (RULES §8). Moving it forward runs every due event in time order, one day at a
//! time, so that what happens on one day is seen by the next. Due events are derived from the state
//! (a renewal is due when its date has come and it has not run), so running a day twice changes nothing.

use crate::audit::AuditAction;
use crate::rejection::{Rejection, Violation};
use crate::{evolve, AuditNote, Event, State};
use chrono::{DateTime, Duration, NaiveTime, Utc};

pub(crate) fn decide_advance(state: &State, to: DateTime<Utc>) -> Result<(Vec<Event>, AuditNote), Rejection> {
    if to < state.clock {
        return Err(Rejection::one(Violation::ClockWouldGoBack { current: state.clock }));
    }
    let details = format!("{} → {}", crate::dates::iso_minute(state.clock), crate::dates::iso_minute(to));
    Ok((Vec::new(), AuditNote::new(AuditAction::ClockAdvanced, details)))
}

/// Every event due at `at` given the state. Each area of the engine contributes its own; all are
/// idempotent with respect to the state they produce: subscriptions (renewals, billing cycles, trials,
/// scheduled cancellations, retention deletions), then reservations (monthly payments, end of term).
/// Software download links need no event: they expire by date, checked when used.
pub fn due_at(state: &State, at: DateTime<Utc>) -> Vec<Event> {
    let mut events = crate::subscriptions::due_at(state, at);
    // Ledger IDs continue after the entries the subscriptions just drafted.
    let mut ids = crate::ledger::LedgerIds::after(state, &events);
    events.extend(crate::reservations::charges::due_at(state, at, &mut ids));
    events
}

/// Run every due event from the current clock up to `to`: at each midnight in between, then at `to`.
/// Returns the events applied, ending with one `ClockAdvanced`.
pub fn run_until(state: &mut State, to: DateTime<Utc>) -> Vec<Event> {
    let mut out = Vec::new();
    let mut day = state.clock.date_naive().and_time(NaiveTime::MIN).and_utc() + Duration::days(1);
    while day <= to {
        step(state, day, &mut out);
        day += Duration::days(1);
    }
    step(state, to, &mut out);
    out.push(Event::ClockAdvanced { to: state.clock });
    out
}

fn step(state: &mut State, at: DateTime<Utc>, out: &mut Vec<Event>) {
    evolve(state, &Event::ClockAdvanced { to: at });
    for e in due_at(state, at) {
        evolve(state, &e);
        out.push(e);
    }
}

#[cfg(test)]
mod tests {
    use crate::{demo, execute, Command, Violation};
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn moves_forward_only() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap();
        let admin = demo::global_admin();
        let cases = [
            (now + Duration::days(1), true),
            (now + Duration::days(400), true),
            (now, true),
            (now - Duration::minutes(1), false),
        ];
        for (to, ok) in cases {
            let mut state = demo::demo_state(now);
            let before = state.clone();
            let result = execute(&mut state, &admin, Command::AdvanceClock { to }, now);
            assert_eq!(result.is_ok(), ok, "{to}");
            if ok {
                assert_eq!(state.clock, to);
                assert_eq!(state.audit.len(), before.audit.len() + 1, "the move is logged");
            } else {
                assert_eq!(state, before, "a refusal changes nothing");
                assert_eq!(result.unwrap_err().violations, vec![Violation::ClockWouldGoBack { current: now }]);
            }
        }
    }
}
