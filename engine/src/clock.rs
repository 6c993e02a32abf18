//! The simulated clock (RULES §8). Moving it forward runs every due event in time order, one day at a
//! time, so that what happens on one day is seen by the next. Due events are derived from the state
//! (a renewal is due when its date has come and it has not run), so running a day twice changes nothing.

use crate::audit::AuditAction;
use crate::ids::{ReservationId, SubscriptionId};
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
/// Each day looks only at the subscriptions and reservations an [`Agenda`] says may have something due,
/// so a year over many of them costs their events, not days × records; the events are the same as a
/// full scan's (see [`due_at`] and the equivalence test).
pub fn run_until(state: &mut State, to: DateTime<Utc>) -> Vec<Event> {
    let mut out = Vec::new();
    let today = state.clock.date_naive();
    let mut subscriptions = Agenda::new(
        state.subscriptions.iter().map(|(id, sub)| (id, due::next_due(state, sub, &SubscriptionPatch::of(sub), today))),
        today,
    );
    let mut reservations =
        Agenda::new(state.reservations.iter().map(|(id, r)| (id, crate::reservations::charges::next_due(r))), today);
    let mut day = today.and_time(NaiveTime::MIN).and_utc() + Duration::days(1);
    while day <= to {
        step(state, day, &mut subscriptions, &mut reservations, &mut out);
        day += Duration::days(1);
    }
    step(state, to, &mut subscriptions, &mut reservations, &mut out);
    out.push(Event::ClockAdvanced { to: state.clock });
    out
}

/// Which record (subscription or reservation) the clock must look at on which day.
///
/// Records are numbered by their place in `ids` (the state's keys when the run starts, in order: the
/// clock never adds or removes one), and each day holds the numbers due on it, so scheduling and
/// taking cost the same at 1,000 and 10,000 records: no ID is cloned or compared after the start.
struct Agenda<K> {
    ids: Vec<K>,
    days: BTreeMap<NaiveDate, Vec<usize>>,
}

impl<K: Clone> Agenda<K> {
    /// Every record with the first day it may have something due (`None`: not until a command).
    fn new<'a>(records: impl Iterator<Item = (&'a K, Option<NaiveDate>)>, today: NaiveDate) -> Agenda<K>
    where
        K: 'a,
    {
        let mut agenda = Agenda { ids: Vec::new(), days: BTreeMap::new() };
        for (n, (id, on)) in records.enumerate() {
            agenda.ids.push(id.clone());
            agenda.schedule(n, on, today);
        }
        agenda
    }

    /// Remove and return every record scheduled on or before `today`, in key order.
    fn take_due(&mut self, today: NaiveDate) -> Vec<usize> {
        let mut due = Vec::new();
        while let Some(entry) = self.days.first_entry().filter(|e| *e.key() <= today) {
            due.append(&mut entry.remove());
        }
        due.sort_unstable();
        due
    }

    /// Look at record `n` again on `on` (never before `today`); `None`: not until a command.
    fn schedule(&mut self, n: usize, on: Option<NaiveDate>, today: NaiveDate) {
        if let Some(on) = on {
            self.days.entry(on.max(today)).or_default().push(n);
        }
    }
}

fn step(
    state: &mut State,
    at: DateTime<Utc>,
    subscriptions: &mut Agenda<SubscriptionId>,
    reservations: &mut Agenda<ReservationId>,
    out: &mut Vec<Event>,
) {
    evolve(state, &Event::ClockAdvanced { to: at });
    let today = at.date_naive();
    let subs_looked_at = subscriptions.take_due(today);
    // Each subscription looked at comes back with the day it may next have something due.
    let (mut events, next) = due::due_at_for(state, at, subs_looked_at.iter().map(|&n| &subscriptions.ids[n]));
    let mut ids = crate::ledger::LedgerIds::after(state, &events);
    let rsv_looked_at = reservations.take_due(today);
    let rsv_ids = rsv_looked_at.iter().map(|&n| &reservations.ids[n]);
    events.extend(crate::reservations::charges::due_at_for(state, at, &mut ids, rsv_ids));
    out.reserve(events.len());
    for e in events {
        evolve(state, &e);
        out.push(e);
    }
    for (n, on) in subs_looked_at.into_iter().zip(next) {
        subscriptions.schedule(n, on, today);
    }
    for n in rsv_looked_at {
        let on = state.reservations.get(&reservations.ids[n]).and_then(crate::reservations::charges::next_due);
        reservations.schedule(n, on, today);
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

    /// The varied partner with 60 reservations: up front and monthly, one and three years, bought from
    /// three years ago to yesterday (some already past their last day), some never billed, some
    /// partly billed, some no longer Active.
    fn partner_with_reservations() -> crate::State {
        use crate::records::{ReservationBilling, ReservationStatus, Term};
        use crate::reservations::fixtures::{reservation, usd};
        let mut state = varied_partner();
        for i in 0..60u64 {
            let purchased = state.clock - Duration::days(1 + (i as i64 * 19) % 1_100) - Duration::minutes(i as i64);
            let term = if i % 3 == 0 { Term::ThreeYears } else { Term::OneYear };
            let billing = if i % 2 == 0 { ReservationBilling::Monthly } else { ReservationBilling::Upfront };
            let mut r = reservation(i + 1, purchased, term, billing, usd(120_000 + i as i64 * 1_001));
            r.payments_billed = match i % 4 {
                0 => 0,
                1 => 1,
                _ => crate::reservations::charges::payments_due(&r, state.clock.date_naive()),
            };
            if i % 7 == 0 {
                r.status = ReservationStatus::Cancelled;
            }
            state.reservations.insert(r.id.clone(), r);
        }
        state
    }

    #[test]
    fn the_agenda_runs_exactly_what_a_full_daily_scan_runs() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap();
        // (case, start, how far, at least this many events: the clock had work to do)
        let rows: [(&str, crate::State, chrono::Duration, usize); 8] = [
            ("demo, one hour", demo::demo_state(now), Duration::hours(1), 1),
            ("demo, to the next midnight", demo::demo_state(now), Duration::minutes(870), 1),
            ("demo, 400 days", demo::demo_state(now), Duration::days(400), 50),
            ("generated partner, a year", generated_partner(), Duration::days(365), 2_000),
            ("varied partner, 13 months", varied_partner(), Duration::days(396) + Duration::hours(5), 500),
            ("varied partner, two years", varied_partner(), Duration::days(731), 500),
            ("with reservations, 13 months", partner_with_reservations(), Duration::days(396), 900),
            ("with reservations, four years", partner_with_reservations(), Duration::days(1_461), 900),
        ];
        for (case, start, span, min_events) in rows {
            let to = start.clock + span;
            let (mut agenda, mut reference) = (start.clone(), start);
            let got = super::run_until(&mut agenda, to);
            let want = full_scan_until(&mut reference, to);
            assert!(want.len() >= min_events, "{case}: the clock had work to do ({} events)", want.len());
            let reservation_events = want
                .iter()
                .filter(|e| {
                    matches!(e, crate::Event::ReservationBilled { .. } | crate::Event::ReservationExpired { .. })
                })
                .count();
            if case.starts_with("with reservations") {
                assert!(reservation_events >= 60, "{case}: reservations had work to do ({reservation_events})");
            }
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
