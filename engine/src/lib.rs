//! # csp-engine
//!
//! The rules engine of CSP Marketplace: every decision of RULES.md as pure functions.
//!
//! * [`decide`]: state + acting user + command + now → the events to apply, or a [`Rejection`] listing
//!   every violated rule.
//! * [`evolve`]: apply one event to the state. Nothing else changes state.
//! * [`execute`]: decide, then evolve each event; for [`Command::AdvanceClock`] it also runs every due
//!   event day by day (see [`clock`]).
//!
//! The engine reads no clock (every call takes `now`), does no I/O, draws no random numbers and never
//! panics on user input. Money is integer minor units ([`money::Money`]); every window, fee and cap
//! lives in [`policy::Policy`].
//!
//! ```
//! use csp_engine::{demo, execute, Command};
//! use chrono::{TimeZone, Utc};
//! let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
//! let mut state = demo::demo_state(now);
//! let admin = demo::global_admin();
//! let later = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
//! execute(&mut state, &admin, Command::AdvanceClock { to: later }, now).unwrap();
//! assert_eq!(state.clock, later);
//! ```

pub mod audit;
pub mod billing;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod clock;
pub mod command;
pub mod country;
pub mod customers;
pub mod dates;
pub mod demo;
pub mod eligibility;
pub mod export;
pub mod ids;
pub mod invariants;
pub mod journal;
pub mod ledger;
pub mod money;
pub mod partner;
pub mod persist;
pub mod policy;
pub mod pricelist;
pub mod records;
pub mod rejection;
pub mod reservations;
pub mod roles;
pub mod software;
pub mod sort;
pub mod state;
pub mod subscriptions;
pub mod support;

mod users;

/// Builders of states for tests and benchmarks (the `testkit` feature exposes them to the bench crate).
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;

pub use command::{Command, Event, SuspensionReason};
pub use rejection::{Rejection, Violation};
pub use state::State;

use audit::{AuditAction, AuditEntry};
use chrono::{DateTime, Utc};
use ids::{CustomerId, UserId};
use roles::Permission;

/// The permission a command needs (RULES §1.2); `None` for simulation controls open to every user.
pub fn required_permission(cmd: &Command) -> Option<Permission> {
    match cmd {
        Command::AdvanceClock { .. } => None,
        Command::UpdatePartnerProfile { .. }
        | Command::ResetDemoData
        | Command::SetPolicy { .. }
        | Command::ResetPolicy
        | Command::ImportPriceList { .. } => Some(Permission::EditPartnerSettings),
        Command::AddUser { .. } | Command::UpdateUser { .. } | Command::RemoveUser { .. } => {
            Some(Permission::ManageUsers)
        }
        Command::SuspendSubscription { .. }
        | Command::ReactivateSubscription { .. }
        | Command::ChangeSubscriptionQuantity { .. }
        | Command::SetAutoRenew { .. }
        | Command::CancelIsvSubscription { .. }
        | Command::AddAddOn { .. } => Some(Permission::ManageSubscriptions),
        Command::ConvertTrial { .. } => Some(Permission::ConvertTrials),
        Command::IssueDownloadLink { .. }
        | Command::GetKey { .. }
        | Command::Download { .. }
        | Command::CopyLink { .. }
        | Command::CancelSoftwarePurchase { .. }
        | Command::FileSupportRequest(_) => Some(Permission::SoftwareKeysAndCancel),
        Command::RecordUtilisation { .. }
        | Command::ChangeReservationScope { .. }
        | Command::FileReservationRequest { .. } => Some(Permission::ManageReservations),
        Command::AddCustomer(_) | Command::EditCustomer { .. } => Some(Permission::EditCustomers),
        Command::AddToCart { line: cart::LineInput { reservation: Some(_), .. }, .. }
        | Command::UpdateCartLine { input: cart::LineInput { reservation: Some(_), .. }, .. } => {
            Some(Permission::ManageReservations)
        }
        // The usual need; `permissions_needed` refines it by the cart's lines (reservations).
        Command::AddToCart { .. }
        | Command::UpdateCartLine { .. }
        | Command::RemoveCartLine { .. }
        | Command::Checkout { .. } => Some(Permission::ManageSubscriptions),
    }
}

/// Every permission a command needs given the state. Cart commands depend on the lines they touch:
/// reservation lines need `ManageReservations`, other lines `ManageSubscriptions`; a checkout of a cart
/// holding both needs both.
pub fn permissions_needed(state: &State, cmd: &Command) -> Vec<Permission> {
    let kinds = |lines: &mut dyn Iterator<Item = &cart::CartLine>| {
        let mut out: Vec<Permission> = lines
            .map(|l| {
                if cart::is_reservation_line(state, l) {
                    Permission::ManageReservations
                } else {
                    Permission::ManageSubscriptions
                }
            })
            .collect();
        crate::sort::sort(&mut out);
        out.dedup();
        out
    };
    let found = match cmd {
        Command::AddToCart { line, .. } => {
            let probe = cart::CartLine {
                id: 0,
                offer: line.offer.clone(),
                quantity: 0,
                billing: line.billing,
                term: line.term,
                reservation: line.reservation.clone(),
            };
            kinds(&mut std::iter::once(&probe))
        }
        Command::UpdateCartLine { customer, line, .. } | Command::RemoveCartLine { customer, line } => {
            kinds(&mut state.carts.get(customer).into_iter().flat_map(|c| c.lines.iter()).filter(|l| l.id == *line))
        }
        Command::Checkout { customer, cart } => {
            kinds(&mut state.carts.get(customer).filter(|c| &c.id == cart).into_iter().flat_map(|c| c.lines.iter()))
        }
        _ => Vec::new(),
    };
    if found.is_empty() {
        required_permission(cmd).into_iter().collect()
    } else {
        found
    }
}

/// Check that `actor` exists and holds `permission`.
pub fn authorize(state: &State, actor: &UserId, permission: Permission) -> Result<(), Rejection> {
    if state.user(actor).is_none() {
        return Err(Rejection::one(Violation::UnknownUser));
    }
    if permission.granted_to(state.roles_of(actor)) {
        Ok(())
    } else {
        Err(Rejection::one(Violation::NotPermitted { permission, allowed: permission.allowed_roles().to_vec() }))
    }
}

/// Decide what a command does. Pure: the state is untouched; on refusal nothing is returned but the
/// reasons. The last event of an accepted command is always its activity-log entry.
pub fn decide(state: &State, actor: &UserId, cmd: &Command, now: DateTime<Utc>) -> Result<Vec<Event>, Rejection> {
    let needed = permissions_needed(state, cmd);
    if state.user(actor).is_none() {
        return Err(Rejection::one(Violation::UnknownUser));
    }
    // A replayed Buy of a cart already bought creates nothing (and logs nothing: nothing changed). It is
    // answered before the permission check because its cart, which decides the permission, is gone.
    if let Command::Checkout { cart, .. } = cmd {
        if state.checked_out.contains_key(cart) {
            return Ok(Vec::new());
        }
    }
    let mut refused = Vec::new();
    for p in needed {
        if let Err(r) = authorize(state, actor, p) {
            refused.extend(r.violations);
        }
    }
    Rejection::check(refused)?;
    let (mut events, audit) = match cmd {
        Command::AdvanceClock { to } => clock::decide_advance(state, *to)?,
        Command::UpdatePartnerProfile { name, country, model, credit_limit } => {
            users::decide_profile(name, country, *model, credit_limit)?
        }
        Command::AddUser { name, email, roles } => users::decide_add(state, name, email, roles)?,
        Command::UpdateUser { user, name, email, roles } => users::decide_update(state, user, name, email, roles)?,
        Command::RemoveUser { user } => users::decide_remove(state, user)?,
        Command::ResetDemoData => (vec![Event::DemoDataReset], AuditNote::new(AuditAction::DemoDataReset, "")),
        Command::SetPolicy { values } => policy::edit::decide_set(state, values)?,
        Command::ResetPolicy => policy::edit::decide_reset(state)?,
        Command::SuspendSubscription { .. }
        | Command::ReactivateSubscription { .. }
        | Command::ChangeSubscriptionQuantity { .. }
        | Command::SetAutoRenew { .. }
        | Command::CancelIsvSubscription { .. }
        | Command::ConvertTrial { .. }
        | Command::AddAddOn { .. } => subscriptions::decide(state, cmd, now)?,
        Command::IssueDownloadLink { purchase, selection } => {
            software::links::decide_issue(state, actor, purchase, selection, now)?
        }
        Command::GetKey { purchase, selection } => {
            software::links::decide_get_key(state, actor, purchase, selection, now)?
        }
        Command::Download { link } => software::links::decide_download(state, actor, link, now)?,
        Command::CopyLink { link } => software::links::decide_copy(state, actor, link, now)?,
        Command::CancelSoftwarePurchase { purchase, order, acknowledged } => {
            software::cancel::decide_cancel(state, purchase, order, *acknowledged, now)?
        }
        Command::FileSupportRequest(form) => software::support::decide_file(state, actor, form, now)?,
        Command::RecordUtilisation { reservation, date, percent } => {
            reservations::usage::decide_record(state, reservation, *date, *percent, now)?
        }
        Command::ChangeReservationScope { reservation, scope, optimize } => {
            reservations::config::decide_change_scope(state, actor, reservation, scope, *optimize, now)?
        }
        Command::FileReservationRequest { reservations: ids, kind, contact } => {
            reservations::requests::decide_file(state, actor, ids, kind, contact, now)?
        }
        Command::AddCustomer(form) => customers::decide_add(state, form, now)?,
        Command::EditCustomer { customer, form } => customers::decide_edit(state, customer, form, now)?,
        Command::AddToCart { customer, line } => cart::decide_add(state, customer, line)?,
        Command::UpdateCartLine { customer, line, input } => cart::decide_update(state, customer, *line, input)?,
        Command::RemoveCartLine { customer, line } => cart::decide_remove(state, customer, *line)?,
        Command::Checkout { customer, cart } => checkout::decide(state, actor, customer, cart, now)?,
        Command::ImportPriceList { file, text } => pricelist::decide_import(state, actor, file, text, now)?,
    };
    events.push(Event::Audited(audit.entry(state, actor, now)));
    Ok(events)
}

/// What an accepted command writes to the activity log.
pub struct AuditNote {
    pub action: AuditAction,
    pub customer: Option<CustomerId>,
    pub details: String,
}

impl AuditNote {
    pub fn new(action: AuditAction, details: impl Into<String>) -> AuditNote {
        AuditNote { action, customer: None, details: details.into() }
    }

    pub fn for_customer(mut self, customer: CustomerId) -> AuditNote {
        self.customer = Some(customer);
        self
    }

    fn entry(self, state: &State, actor: &UserId, now: DateTime<Utc>) -> AuditEntry {
        AuditEntry {
            at: now,
            user: actor.clone(),
            user_name: state.user(actor).map(|u| u.name.clone()).unwrap_or_default(),
            customer: self.customer,
            action: self.action,
            details: self.details,
        }
    }
}

/// Apply one event. Total: an event that no longer fits the state (e.g. a removed user) changes nothing.
pub fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::ClockAdvanced { to } => {
            if *to > state.clock {
                state.clock = *to;
            }
        }
        Event::PartnerProfileUpdated { name, country, model, credit_limit_minor } => {
            state.partner.credit_limit_minor = *credit_limit_minor;
            state.partner.name = name.clone();
            state.partner.country = country.clone();
            state.partner.model = *model;
        }
        Event::UserAdded(user) => {
            ids::Counters::observe(&mut state.counters.user, user.id.as_str());
            if state.user(&user.id).is_none() {
                state.users.push(user.clone());
            }
        }
        Event::UserUpdated(user) => {
            if let Some(u) = state.users.iter_mut().find(|u| u.id == user.id) {
                *u = user.clone();
            }
        }
        Event::UserRemoved { user } => state.users.retain(|u| &u.id != user),
        Event::DemoDataReset => {
            let audit = std::mem::take(&mut state.audit);
            *state = demo::demo_state(state.clock);
            // The activity log survives a reset: it records that the reset happened.
            state.audit = audit;
        }
        Event::PolicySet(policy) => state.policy = (**policy).clone(),
        Event::Audited(entry) => state.audit.push(entry.clone()),
        Event::SubscriptionUpdated { at, change, subscription } => {
            subscriptions::apply(state, *at, change, subscription)
        }
        Event::SubscriptionPatched { at, subscription, change, patch } => {
            subscriptions::apply_patch(state, *at, subscription, change, patch)
        }
        Event::LedgerPosted(entry) => ledger::post(state, entry),
        Event::DownloadLinkIssued { .. }
        | Event::SoftwareKeyAccessed { .. }
        | Event::SoftwareDownloaded { .. }
        | Event::DownloadLinkCopied { .. }
        | Event::SoftwareCancelled { .. } => software::evolve(state, event),
        Event::ReservationUtilisationRecorded { reservation, date, percent } => {
            reservations::apply::utilisation(state, reservation, *date, *percent)
        }
        Event::ReservationConfigured { reservation, change } => {
            reservations::apply::configured(state, reservation, change)
        }
        Event::SupportRequestFiled(request) => support::apply(state, request),
        Event::ReservationRefunded { customer, by, refund } => {
            reservations::apply::refunded(state, customer, by, refund)
        }
        Event::ReservationExchanged { request, by, at, returned, new, .. } => {
            reservations::apply::exchanged(state, request, by, *at, returned, new)
        }
        Event::ReservationBilled { reservation, payments_billed } => {
            reservations::charges::billed(state, reservation, *payments_billed)
        }
        Event::ReservationExpired { reservation, .. } => reservations::charges::expired(state, reservation),
        Event::CustomerAdded(c) => customers::evolve_added(state, c),
        Event::CustomerUpdated(c) => customers::evolve_updated(state, c),
        Event::CartLineAdded { customer, cart, line } => cart::evolve_added(state, customer, cart, line),
        Event::CartLineUpdated { customer, line } => cart::evolve_updated(state, customer, line),
        Event::CartLineRemoved { customer, line } => cart::evolve_removed(state, customer, *line),
        Event::CheckedOut(purchase) => checkout::evolve(state, purchase),
        Event::PriceListImported(list) => pricelist::evolve_imported(state, list),
    }
}

/// Decide and apply a command. For [`Command::AdvanceClock`], also runs every event that falls due
/// between the old and the new date, day by day in time order. Returns every event applied.
pub fn execute(state: &mut State, actor: &UserId, cmd: Command, now: DateTime<Utc>) -> Result<Vec<Event>, Rejection> {
    let mut events = decide(state, actor, &cmd, now)?;
    if let Command::AdvanceClock { to } = cmd {
        // The log entry of the move comes after what the move caused.
        let audit = events.pop();
        let mut due = clock::run_until(state, to);
        // Whatever the decision yielded before the audit entry goes first (moving the few events decided
        // rather than the year's tens of thousands run).
        due.splice(0..0, events);
        due.extend(audit.iter().cloned());
        if let Some(a) = audit {
            evolve(state, &a);
        }
        return Ok(due);
    }
    for e in &events {
        evolve(state, e);
    }
    Ok(events)
}
