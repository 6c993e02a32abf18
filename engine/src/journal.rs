//! The journal: every accepted command, in order, with the user who issued it.
//!
//! Two browser tabs may act on the same saved state at once. Each tab's command was decided on the state
//! that tab had; when the journals meet, a command must be decided **again** on the state that includes
//! every earlier command (the other tab may have suspended the subscription, spent the refund cap, or
//! removed the user in the meantime). [`replay`] does exactly that, and it is what another tab runs to
//! catch up from its last snapshot: the same commands by the same users over the same state reach the same
//! state, because the engine is deterministic (IDs from counters, `now` from the state's clock).

use crate::ids::UserId;
use crate::{execute, Command, Rejection, State};

/// One accepted command and the user who issued it.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalEntry {
    pub user: UserId,
    pub command: Command,
}

/// Decide each entry again on `state`, in order, at the state's own clock (as the app does), applying
/// the accepted ones. Returns the position and the rejection of every refused entry; a refused entry
/// changes nothing, and the entries after it are still decided (each on the state as it then is).
pub fn replay(state: &mut State, entries: &[JournalEntry]) -> Vec<(usize, Rejection)> {
    let mut refused = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let now = state.clock;
        if let Err(r) = execute(state, &e.user, e.command.clone(), now) {
            refused.push((i, r));
        }
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::SubscriptionId;
    use crate::records::SubscriptionStatus;
    use crate::rejection::Violation;
    use crate::{demo, testkit};
    use chrono::Duration;

    fn suspend(user: UserId, id: &SubscriptionId) -> JournalEntry {
        JournalEntry { user, command: Command::SuspendSubscription { subscription: id.clone(), reason: None } }
    }

    fn active_paid(state: &State) -> SubscriptionId {
        state
            .subscriptions
            .values()
            .find(|s| s.status == SubscriptionStatus::Active && crate::subscriptions::is_billed(s))
            .map(|s| s.id.clone())
            .unwrap()
    }

    #[test]
    fn replay_reaches_the_live_state_from_an_earlier_snapshot() {
        let mut live = demo::demo_state(testkit::now());
        let snapshot = live.clone();
        let admin = demo::global_admin();
        let sub = active_paid(&live);
        let entries = vec![
            suspend(admin.clone(), &sub),
            JournalEntry { user: admin.clone(), command: Command::AdvanceClock { to: live.clock + Duration::days(9) } },
            JournalEntry { user: admin.clone(), command: Command::ReactivateSubscription { subscription: sub } },
        ];
        for e in &entries {
            let now = live.clock;
            execute(&mut live, &e.user, e.command.clone(), now).unwrap();
        }
        let mut caught_up = snapshot;
        assert_eq!(replay(&mut caught_up, &entries), vec![]);
        assert_eq!(caught_up, live);
    }

    #[test]
    fn a_command_is_decided_again_on_the_state_with_every_earlier_one() {
        // Two tabs suspended the same subscription: the second is refused on replay and changes nothing.
        let state = demo::demo_state(testkit::now());
        let sub = active_paid(&state);
        let admin = demo::global_admin();
        let sales = testkit::user_with(&state, crate::roles::Role::SalesAgent);
        let entries = vec![suspend(admin.clone(), &sub), suspend(sales.clone(), &sub)];
        let mut once = state.clone();
        let now = once.clock;
        execute(&mut once, &admin, entries[0].command.clone(), now).unwrap();
        let mut replayed = state;
        let refused = replay(&mut replayed, &entries);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, 1, "the second entry");
        assert_eq!(
            refused[0].1.violations,
            vec![Violation::TransitionNotAllowed {
                current: SubscriptionStatus::Suspended,
                requested: SubscriptionStatus::Suspended
            }]
        );
        assert_eq!(replayed, once, "the refused entry changed nothing");
    }

    #[test]
    fn refusals_name_their_position_and_later_entries_still_apply() {
        // (case, entries' users, refused positions)
        let state = demo::demo_state(testkit::now());
        let sub = active_paid(&state);
        let admin = demo::global_admin();
        let referral = testkit::user_with(&state, crate::roles::Role::ReferralAdmin);
        let ghost = UserId("U-9999".into());
        let rows: [(&str, Vec<UserId>, Vec<usize>); 3] = [
            ("a user lacking the permission", vec![referral.clone(), admin.clone()], vec![0]),
            ("an unknown user", vec![ghost, admin.clone()], vec![0]),
            ("the second of two", vec![admin.clone(), admin.clone()], vec![1]),
        ];
        for (case, users, want) in rows {
            let entries: Vec<JournalEntry> = users.into_iter().map(|u| suspend(u, &sub)).collect();
            let mut s = state.clone();
            let got: Vec<usize> = replay(&mut s, &entries).into_iter().map(|(i, _)| i).collect();
            assert_eq!(got, want, "{case}");
            assert_eq!(s.subscriptions[&sub].status, SubscriptionStatus::Suspended, "{case}: one suspension applied");
        }
        let mut s = state.clone();
        assert!(replay(&mut s, &[]).is_empty());
        assert_eq!(s, state, "an empty journal changes nothing");
    }
}
