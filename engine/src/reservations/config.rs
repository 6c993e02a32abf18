//! Configuration (RULES §6.2): change the scope, the Azure subscription it is attached to and the
//! optimisation. Not a financial transaction: no money moves; the change is kept in the reservation's
//! own history and in the activity log.

use super::{active, check_scope, scope_label};
use crate::audit::AuditAction;
use crate::ids::{ReservationId, UserId};
use crate::records::{ReservationChange, ReservationChangeKind, ReservationOptimize, ReservationScope};
use crate::rejection::{Rejection, Violation};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Utc};

pub(crate) fn decide_change_scope(
    state: &State,
    actor: &UserId,
    reservation: &ReservationId,
    scope: &ReservationScope,
    optimize: ReservationOptimize,
    now: DateTime<Utc>,
) -> Result<(Vec<Event>, AuditNote), Rejection> {
    let r = active(state, reservation).map_err(Rejection::one)?;
    let mut v = Vec::new();
    if &r.scope == scope && r.optimize == optimize {
        v.push(Violation::ReservationUnchanged);
    }
    check_scope(state, &r.customer, scope, optimize, &mut v);
    Rejection::check(v)?;
    let change = ReservationChange {
        at: now,
        by: actor.clone(),
        kind: ReservationChangeKind::Configured {
            from_scope: r.scope.clone(),
            to_scope: scope.clone(),
            from_optimize: r.optimize,
            to_optimize: optimize,
        },
    };
    let details =
        format!("{}: {} {:?} → {} {:?}", r.id, scope_label(&r.scope), r.optimize, scope_label(scope), optimize);
    let note = AuditNote::new(AuditAction::ReservationConfigured, details).for_customer(r.customer.clone());
    Ok((vec![Event::ReservationConfigured { reservation: r.id.clone(), change }], note))
}
