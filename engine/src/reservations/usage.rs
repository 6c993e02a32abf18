//! Utilisation (RULES §6.2 Overview): the partner records a percentage per day so the "usage so far"
//! column of the cancellation table can be exercised; the Overview shows it as a chart.

use super::active;
use crate::audit::AuditAction;
use crate::ids::ReservationId;
use crate::records::Reservation;
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, NaiveDate, Utc};

/// Highest utilisation percentage.
pub const MAX_PERCENT: u8 = 100;

/// "Usage so far": any recorded day up to `today` with a percentage above zero.
pub fn had_usage(r: &Reservation, today: NaiveDate) -> bool {
    r.utilisation.range(..=today).any(|(_, p)| *p > 0)
}

/// One day of the utilisation chart; `percent` is `None` where nothing was recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UtilisationPoint {
    pub date: NaiveDate,
    pub percent: Option<u8>,
}

/// Every day from the purchase date to `today` (or the end of the term, or the day it ended, whichever
/// comes first), for the chart. Empty for an unknown reservation.
pub fn utilisation_series(state: &State, reservation: &ReservationId, today: NaiveDate) -> Vec<UtilisationPoint> {
    let Some(r) = state.reservations.get(reservation) else {
        return Vec::new();
    };
    let mut last = today.min(r.expires);
    if let Some(ended) = r.ended_at {
        last = last.min(ended.date_naive());
    }
    r.purchased_at
        .date_naive()
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| UtilisationPoint { date, percent: r.utilisation.get(&date).copied() })
        .collect()
}

pub(crate) fn decide_record(
    state: &State,
    reservation: &ReservationId,
    date: NaiveDate,
    percent: u8,
    now: DateTime<Utc>,
) -> Result<(Vec<Event>, AuditNote), Rejection> {
    let r = active(state, reservation).map_err(Rejection::one)?;
    let mut v = Vec::new();
    if percent > MAX_PERCENT {
        let problem = Problem::OutOfRange { min: 0, max: i64::from(MAX_PERCENT) };
        v.push(Violation::Invalid { field: Field::UtilisationPercent, problem });
    }
    let (from, to) = (r.purchased_at.date_naive(), r.expires);
    if date < from || date > to {
        v.push(Violation::UtilisationOutsideTerm { date, from, to });
    } else if date > now.date_naive() {
        v.push(Violation::UtilisationInFuture { date });
    }
    Rejection::check(v)?;
    let note = AuditNote::new(AuditAction::ReservationUtilisationRecorded, format!("{} {date} {percent}%", r.id))
        .for_customer(r.customer.clone());
    Ok((vec![Event::ReservationUtilisationRecorded { reservation: r.id.clone(), date, percent }], note))
}
