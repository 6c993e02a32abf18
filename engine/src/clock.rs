//! The simulated clock (RULES §8). Moving it forward runs every due event in time order, one day at a
//! time, so that what happens on one day is seen by the next. Due events are derived from the state
//! (a renewal is due when its date has come and it has not run), so running a day twice changes nothing.

use crate::audit::AuditAction;
use crate::ids::SubscriptionId;
use crate::rejection::{Rejection, Violation};
use crate::subscriptions::{due, SubscriptionPatch};
use crate::{evolve, AuditNote, Event, State};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use std::collections::BTreeMap;

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
///
/// Each day looks only at the subscriptions an [`Agenda`] says may have something due, so a year over
/// many subscriptions costs their events, not days × subscriptions; the events are the same as a full
/// scan's (see [`due_at`] and the equivalence test).
pub fn run_until(state: &mut State, to: DateTime<Utc>) -> Vec<Event> {
    let mut out = Vec::new();
    let mut agenda = Agenda::new(state);
    let mut day = state.clock.date_naive().and_time(NaiveTime::MIN).and_utc() + Duration::days(1);
    while day <= to {
        step(state, day, &mut agenda, &mut out);
        day += Duration::days(1);
    }
    step(state, to, &mut agenda, &mut out);
    out.push(Event::ClockAdvanced { to: state.clock });
    out
}

/// Which subscription the clock must look at on which day (from `subscriptions::due::next_due`).
///
/// Subscriptions are numbered by their place in `ids` (the state's keys when the run starts, in order:
/// the clock never adds or removes one), and each day holds the numbers due on it, so scheduling and
/// taking cost the same at 1,000 and 10,000 subscriptions: no ID is cloned or compared after the start.
struct Agenda {
    ids: Vec<SubscriptionId>,
    days: BTreeMap<NaiveDate, Vec<usize>>,
}

impl Agenda {
    fn new(state: &State) -> Agenda {
        let today = state.clock.date_naive();
        let mut agenda = Agenda { ids: state.subscriptions.keys().cloned().collect(), days: BTreeMap::new() };
        for (n, sub) in state.subscriptions.values().enumerate() {
            agenda.schedule(n, due::next_due(state, sub, &SubscriptionPatch::of(sub), today), today);
        }
        agenda
    }

    /// Remove and return every subscription scheduled on or before `today`, in subscription order.
    fn take_due(&mut self, today: NaiveDate) -> Vec<usize> {
        let mut due = Vec::new();
        while let Some(entry) = self.days.first_entry().filter(|e| *e.key() <= today) {
            due.append(&mut entry.remove());
        }
        due.sort_unstable();
        due
    }

    /// Look at subscription `n` again on `on` (never before `today`); `None`: not until a command.
    fn schedule(&mut self, n: usize, on: Option<NaiveDate>, today: NaiveDate) {
        if let Some(on) = on {
            self.days.entry(on.max(today)).or_default().push(n);
        }
    }
}

fn step(state: &mut State, at: DateTime<Utc>, agenda: &mut Agenda, out: &mut Vec<Event>) {
    evolve(state, &Event::ClockAdvanced { to: at });
    let today = at.date_naive();
    let looked_at = agenda.take_due(today);
    // Each subscription looked at comes back with the day it may next have something due.
    let (mut events, next) = due::due_at_for(state, at, looked_at.iter().map(|&n| &agenda.ids[n]));
    let mut ids = crate::ledger::LedgerIds::after(state, &events);
    events.extend(crate::reservations::charges::due_at(state, at, &mut ids));
    out.reserve(events.len());
    for e in events {
        evolve(state, &e);
        out.push(e);
    }
    for (n, on) in looked_at.into_iter().zip(next) {
        agenda.schedule(n, on, today);
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::{demo, execute, Command, Violation};
    use chrono::{Duration, TimeZone, Utc};

    /// The clock before its agenda: every subscription looked at every day (the reference).
    fn full_scan_until(state: &mut crate::State, to: chrono::DateTime<Utc>) -> Vec<crate::Event> {
        let mut out = Vec::new();
        let mut day = state.clock.date_naive().and_time(chrono::NaiveTime::MIN).and_utc() + Duration::days(1);
        let mut at = |state: &mut crate::State, at| {
            crate::evolve(state, &crate::Event::ClockAdvanced { to: at });
            for e in super::due_at(state, at) {
                crate::evolve(state, &e);
                out.push(e);
            }
        };
        while day <= to {
            at(state, day);
            day += Duration::days(1);
        }
        at(state, to);
        out.push(crate::Event::ClockAdvanced { to: state.clock });
        out
    }

    fn generated_partner() -> crate::State {
        use crate::testkit::scale;
        scale::partner(30, 10, std::sync::Arc::new(Catalog::generated(300, scale::SEED)), 9)
    }

    /// A generated partner with every kind of record the clock acts on: trials (Microsoft and ISV),
    /// scheduled cancellations, unbilled and suspended subscriptions, auto-renew off.
    fn varied_partner() -> crate::State {
        use crate::records::{PublisherKind, SubscriptionStatus};
        use crate::testkit::scale;
        let mut state = scale::partner(15, 8, std::sync::Arc::new(Catalog::generated(300, scale::SEED)), 3);
        let today = state.clock.date_naive();
        for (i, sub) in state.subscriptions.values_mut().enumerate() {
            match i % 9 {
                0 => sub.trial_ends = Some(today + Duration::days(i as i64 % 40)),
                1 => {
                    sub.trial_ends = Some(today + Duration::days(5 + i as i64 % 30));
                    sub.publisher = PublisherKind::Isv;
                }
                2 => sub.cancel_at = Some(today + Duration::days(i as i64 % 200)),
                3 => sub.billed_through = None,
                4 => {
                    sub.status = SubscriptionStatus::Suspended;
                    sub.suspended_at = Some(state.clock - Duration::days(i as i64 % 90));
                }
                5 => sub.auto_renew = false,
                6 => sub.status = SubscriptionStatus::Cancelled,
                _ => {}
            }
        }
        state
    }

    #[test]
    fn the_agenda_runs_exactly_what_a_full_daily_scan_runs() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap();
        // (case, start, how far, at least this many events: the clock had work to do)
        let rows: [(&str, crate::State, chrono::Duration, usize); 6] = [
            ("demo, one hour", demo::demo_state(now), Duration::hours(1), 1),
            ("demo, to the next midnight", demo::demo_state(now), Duration::minutes(870), 1),
            ("demo, 400 days", demo::demo_state(now), Duration::days(400), 50),
            ("generated partner, a year", generated_partner(), Duration::days(365), 2_000),
            ("varied partner, 13 months", varied_partner(), Duration::days(396) + Duration::hours(5), 500),
            ("varied partner, two years", varied_partner(), Duration::days(731), 500),
        ];
        for (case, start, span, min_events) in rows {
            let to = start.clock + span;
            let (mut agenda, mut reference) = (start.clone(), start);
            let got = super::run_until(&mut agenda, to);
            let want = full_scan_until(&mut reference, to);
            assert!(want.len() >= min_events, "{case}: the clock had work to do ({} events)", want.len());
            assert_eq!(got.len(), want.len(), "{case}: as many events");
            assert_eq!(got, want, "{case}: the same events in the same order");
            assert_eq!(agenda, reference, "{case}: the same state");
        }
    }

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
