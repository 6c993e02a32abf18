//! Property test: random sequences of commands, issued by random users (permitted or not, with good or
//! bad input) over the demo partner and small generated partners, keep the state consistent
//! (`invariants::check`), move every status only as RULES §4.1, §5 and §6 allow, and reach the same state
//! when a snapshot (through the saved form) replays the journal of the commands accepted after it.
//!
//! 10,000 sequences by default; `PROPTEST_SEQUENCES=100000` for more; `PROPTEST_SEED=n` runs sequence
//! `n` alone (the seed a failure prints), `PROPTEST_VERBOSE=1` prints each command's outcome.
//!
//! A seeded generator of its own (not proptest's strategies): commands are drawn from the state as it
//! is, so that most name existing records and are accepted.

use chrono::Duration;
use csp_engine::cart::{LineInput, ReservationOptions, ScopeChoice};
use csp_engine::catalog::{Catalog, Family};
use csp_engine::command::SuspensionReason;
use csp_engine::customers::{CustomerForm, Segment};
use csp_engine::ids::{CustomerId, SubscriptionId, UserId};
use csp_engine::invariants::{self, Inconsistency};
use csp_engine::journal::{self, JournalEntry};
use csp_engine::records::{
    BillingFrequency, OrderStatus, PurchaseStatus, ReservationBilling, ReservationOptimize, ReservationScope,
    ReservationStatus, SubscriptionStatus, Term,
};
use csp_engine::reservations::{ContactForm, ContactMethod, NewReservationChoice, ReservationRequestKind};
use csp_engine::roles::Role;
use csp_engine::testkit::{self, scale};
use csp_engine::{demo, execute, permissions_needed, persist, Command, State};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

const DEFAULT_SEQUENCES: u64 = 10_000;
/// Sequences run by each of the test functions below (the harness runs them on separate threads).
const SHARDS: u64 = 2;

// ---------------------------------------------------------------------------------------------------
// Random numbers

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }
}

// ---------------------------------------------------------------------------------------------------
// Base states, built once

fn bases() -> &'static [(&'static str, State)] {
    static BASES: OnceLock<Vec<(&'static str, State)>> = OnceLock::new();
    BASES.get_or_init(|| {
        let builtin = csp_engine::catalog::builtin();
        let generated = Arc::new(Catalog::generated(200, scale::SEED));
        vec![
            ("demo", demo::demo_state(testkit::now())),
            ("partner 4×3 builtin seed 1", scale::partner(4, 3, builtin.clone(), 1)),
            ("partner 3×4 builtin seed 2", scale::partner(3, 4, builtin.clone(), 2)),
            ("partner 5×2 builtin seed 3", scale::partner(5, 2, builtin, 3)),
            ("partner 4×3 generated seed 4", scale::partner(4, 3, generated.clone(), 4)),
            ("partner 3×3 generated seed 5", scale::partner(3, 3, generated, 5)),
        ]
    })
}

// ---------------------------------------------------------------------------------------------------
// Commands drawn from the state

fn customers(s: &State) -> Vec<CustomerId> {
    s.customers.keys().cloned().collect()
}

fn subs_where(s: &State, f: impl Fn(&csp_engine::records::Subscription) -> bool) -> Vec<SubscriptionId> {
    s.subscriptions.values().filter(|x| f(x)).map(|x| x.id.clone()).collect()
}

fn any_sub(s: &State, rng: &mut Rng, status: Option<SubscriptionStatus>) -> SubscriptionId {
    let ids = subs_where(s, |x| status.is_none_or(|st| x.status == st));
    let all = subs_where(s, |_| true);
    rng.pick(&ids).or(rng.pick(&all)).cloned().unwrap_or(SubscriptionId("S-9999".into()))
}

fn roles(rng: &mut Rng) -> Vec<Role> {
    let mut out: Vec<Role> = Role::ALL.iter().copied().filter(|_| rng.chance(20)).collect();
    if out.is_empty() {
        out.push(*rng.pick(&Role::ALL).unwrap_or(&Role::AdminAgent));
    }
    out
}

fn customer_form(rng: &mut Rng, bad: bool) -> CustomerForm {
    let n = rng.next() % 1_000_000;
    let countries = ["US", "FR", "DE", "GB", "AU", "BR", "JP", "XK", "CN"];
    let segment = *rng.pick(&Segment::ALL).unwrap_or(&Segment::Commercial);
    CustomerForm {
        company_name: if bad { String::new() } else { format!("Prop {n} Ltd") },
        domain: if bad && rng.chance(50) { "-bad-".into() } else { format!("prop{n}") },
        country: rng.pick(&countries).unwrap_or(&"US").to_string(),
        segment: Some(segment),
        account_opened: format!("2025-{:02}-01", rng.range(1, 12)),
        first_billing: if bad { "2025-13-45".into() } else { "2026-01-15".into() },
    }
}

fn contact(bad: bool) -> ContactForm {
    ContactForm {
        name: if bad { String::new() } else { "Pat Doe".into() },
        email: "pat@example.com".into(),
        phone: String::new(),
        preferred: ContactMethod::Email,
    }
}

/// A cart line for `customer`: mostly an offer it may buy, with a valid quantity, billing and term.
fn line_input(s: &State, rng: &mut Rng, customer: &CustomerId, bad: bool) -> LineInput {
    let offers = s.catalog.offers();
    let eligible = csp_engine::eligibility::eligibility(s, customer);
    let good: Vec<&csp_engine::catalog::Offer> = offers
        .iter()
        .filter(|o| eligible.as_ref().is_some_and(|e| e.is_eligible(&o.id)) && o.family != Family::AddOn)
        .collect();
    let offer = match (rng.chance(85), rng.pick(&good)) {
        (true, Some(o)) => *o,
        _ => match rng.pick(offers) {
            Some(o) => o,
            None => {
                return LineInput {
                    offer: csp_engine::ids::OfferId("none".into()),
                    quantity: 1,
                    billing: BillingFrequency::Monthly,
                    term: Term::OneYear,
                    reservation: None,
                }
            }
        },
    };
    let quantity = if bad {
        rng.range(-5, 0)
    } else if offer.is_trial() {
        i64::from(s.policy.trial_licenses)
    } else {
        rng.range(
            i64::from(offer.min_quantity.max(1)),
            i64::from(offer.min_quantity.max(1)).saturating_add(5).min(i64::from(offer.max_quantity.max(1))),
        )
    };
    let billing = *rng.pick(&offer.billing).unwrap_or(&BillingFrequency::Monthly);
    let term = *rng.pick(&offer.terms).unwrap_or(&Term::OneYear);
    let reservation = (offer.family == Family::AzureReservation).then(|| {
        let plans = csp_engine::reservations::azure_subscriptions_of(s, customer);
        let plan = rng.pick(&plans).map(|p| p.id.clone());
        ReservationOptions {
            scope: if plan.is_some() && rng.chance(70) { ScopeChoice::Single } else { ScopeChoice::Shared },
            azure_subscription: plan,
            optimize: ReservationOptimize::InstanceSizeFlexibility,
            billing: if rng.chance(50) { ReservationBilling::Monthly } else { ReservationBilling::Upfront },
        }
    });
    LineInput { offer: offer.id.clone(), quantity, billing, term, reservation }
}

fn command(s: &State, rng: &mut Rng) -> Command {
    let bad = rng.chance(8);
    let customer = rng.pick(&customers(s)).cloned().unwrap_or(CustomerId("C-9999".into()));
    let user = rng.pick(&s.users).map(|u| u.id.clone()).unwrap_or(UserId("U-9999".into()));
    match rng.below(100) {
        0..=2 => Command::AddUser {
            name: if bad { " ".into() } else { format!("Prop User {}", rng.next() % 10_000) },
            email: format!("p{}@example.com", rng.next() % 1_000_000),
            roles: roles(rng),
        },
        3..=4 => {
            let u = s.user(&user).cloned();
            Command::UpdateUser {
                user,
                name: u.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
                email: u.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
                roles: roles(rng),
            }
        }
        5..=6 => Command::RemoveUser { user },
        7..=8 => Command::AddCustomer(customer_form(rng, bad)),
        9 => {
            let mut form = customer_form(rng, bad);
            if let Some(c) = s.customers.get(&customer) {
                form.domain = c.domain.clone();
                form.account_opened = c.account_opened.to_string();
                form.first_billing = c.first_billing.to_string();
            }
            Command::EditCustomer { customer, form }
        }
        10..=21 => Command::AddToCart { line: line_input(s, rng, &customer, bad), customer },
        22..=25 => {
            let carts: Vec<_> = s.carts.values().collect();
            match rng.pick(&carts) {
                Some(cart) => {
                    let line = rng.pick(&cart.lines).map(|l| l.id).unwrap_or(1);
                    let mut input = line_input(s, rng, &cart.customer, bad);
                    if let Some(l) = cart.lines.iter().find(|l| l.id == line) {
                        input.offer = l.offer.clone();
                        input.reservation = l.reservation.clone().or(input.reservation);
                    }
                    Command::UpdateCartLine { customer: cart.customer.clone(), line, input }
                }
                None => Command::RemoveCartLine { customer, line: 1 },
            }
        }
        26..=28 => {
            let carts: Vec<_> = s.carts.values().collect();
            match rng.pick(&carts) {
                Some(cart) => Command::RemoveCartLine {
                    customer: cart.customer.clone(),
                    line: rng.pick(&cart.lines).map(|l| l.id).unwrap_or(99),
                },
                None => Command::RemoveCartLine { customer, line: 1 },
            }
        }
        29..=40 => {
            let carts: Vec<_> = s.carts.values().collect();
            match rng.pick(&carts) {
                Some(cart) => Command::Checkout { customer: cart.customer.clone(), cart: cart.id.clone() },
                None => {
                    let done: Vec<_> = s.checked_out.keys().cloned().collect();
                    let cart = rng.pick(&done).cloned().unwrap_or(csp_engine::ids::CartId("CART-9999".into()));
                    Command::Checkout { customer, cart }
                }
            }
        }
        41..=45 => Command::SuspendSubscription {
            subscription: any_sub(s, rng, Some(SubscriptionStatus::Active)),
            reason: [None, Some(SuspensionReason::NonPayment), Some(SuspensionReason::Fraud)]
                [(rng.next() % 3) as usize],
        },
        46..=49 => {
            Command::ReactivateSubscription { subscription: any_sub(s, rng, Some(SubscriptionStatus::Suspended)) }
        }
        50..=54 => {
            let subscription = any_sub(s, rng, Some(SubscriptionStatus::Active));
            let q = s.subscriptions.get(&subscription).map_or(1, |x| x.quantity);
            let quantity = if bad { 0 } else { (i64::from(q) + rng.range(-3, 5)).max(1) as u32 };
            Command::ChangeSubscriptionQuantity { subscription, quantity }
        }
        55..=57 => {
            let market = subs_where(s, |x| x.commercial_marketplace);
            let subscription = rng.pick(&market).cloned().unwrap_or_else(|| any_sub(s, rng, None));
            Command::SetAutoRenew { subscription, auto_renew: rng.chance(50) }
        }
        58..=61 => {
            let isv = subs_where(s, |x| x.publisher == csp_engine::records::PublisherKind::Isv);
            let subscription = rng.pick(&isv).cloned().unwrap_or_else(|| any_sub(s, rng, None));
            Command::CancelIsvSubscription { subscription, details: "too expensive".into() }
        }
        62..=65 => {
            let trials = subs_where(s, |x| x.trial_ends.is_some());
            let subscription = rng.pick(&trials).cloned().unwrap_or_else(|| any_sub(s, rng, None));
            let billing = if bad {
                BillingFrequency::OneTime
            } else if rng.chance(50) {
                BillingFrequency::Monthly
            } else {
                BillingFrequency::Annual
            };
            Command::ConvertTrial { subscription, quantity: rng.range(1, 30) as u32, billing }
        }
        66..=68 => {
            let base = any_sub(s, rng, Some(SubscriptionStatus::Active));
            let base_offer = s.subscriptions.get(&base).map(|b| b.offer.clone());
            let fits: Vec<_> = s
                .catalog
                .offers()
                .iter()
                .filter(|o| {
                    o.family == Family::AddOn && base_offer.as_ref().is_some_and(|b| o.requires_base.contains(b))
                })
                .collect();
            let all_add_ons: Vec<_> = s.catalog.offers().iter().filter(|o| o.family == Family::AddOn).collect();
            let offer = rng.pick(&fits).or(rng.pick(&all_add_ons)).map(|o| o.id.clone());
            Command::AddAddOn {
                base,
                offer: offer.unwrap_or(csp_engine::ids::OfferId("none".into())),
                quantity: if bad { 0 } else { rng.range(1, 10) as u32 },
            }
        }
        69..=73 => {
            let purchases: Vec<_> = s.software.values().collect();
            match rng.pick(&purchases) {
                Some(p) => Command::CancelSoftwarePurchase {
                    purchase: p.id.clone(),
                    order: if bad { csp_engine::ids::OrderId("O-9999".into()) } else { p.order.clone() },
                    acknowledged: !bad,
                },
                None => Command::CancelSoftwarePurchase {
                    purchase: csp_engine::ids::SoftwarePurchaseId("SW-9999".into()),
                    order: csp_engine::ids::OrderId("O-0001".into()),
                    acknowledged: true,
                },
            }
        }
        74..=81 => {
            let all: Vec<_> = s.reservations.values().collect();
            let active: Vec<_> = all.iter().filter(|r| r.status == ReservationStatus::Active).copied().collect();
            let Some(r) = rng.pick(&active).or(rng.pick(&all)).copied() else {
                return Command::AdvanceClock { to: s.clock + Duration::days(rng.range(1, 40)) };
            };
            let mut ids = vec![r.id.clone()];
            if rng.chance(20) {
                if let Some(other) = active.iter().find(|o| o.customer == r.customer && o.id != r.id) {
                    ids.push(other.id.clone());
                }
            }
            let kind = if rng.chance(50) {
                ReservationRequestKind::Refund
            } else {
                let offers = csp_engine::reservations::exchange_offers(s);
                let offer = rng.pick(&offers).map(|o| o.id.clone()).unwrap_or(r.offer.clone());
                let choice = NewReservationChoice {
                    offer,
                    term: if rng.chance(50) { Term::ThreeYears } else { Term::OneYear },
                    billing: if rng.chance(50) { ReservationBilling::Monthly } else { ReservationBilling::Upfront },
                    scope: r.scope.clone(),
                    optimize: ReservationOptimize::InstanceSizeFlexibility,
                    quantity: r.quantity.max(1) * rng.range(1, 4) as u32,
                };
                match csp_engine::reservations::new_reservation_from_catalog(s, &choice) {
                    Ok(new) => ReservationRequestKind::Exchange(new),
                    Err(_) => ReservationRequestKind::Refund,
                }
            };
            Command::FileReservationRequest { reservations: ids, kind, contact: contact(bad) }
        }
        82..=83 => {
            let all: Vec<_> = s.reservations.values().collect();
            match rng.pick(&all) {
                Some(r) => Command::RecordUtilisation {
                    reservation: r.id.clone(),
                    date: s.clock.date_naive() - Duration::days(rng.range(0, 3)),
                    percent: if bad { 101 } else { rng.range(0, 100) as u8 },
                },
                None => Command::AdvanceClock { to: s.clock + Duration::days(rng.range(1, 40)) },
            }
        }
        84..=85 => {
            let all: Vec<_> = s.reservations.values().collect();
            match rng.pick(&all) {
                Some(r) => Command::ChangeReservationScope {
                    reservation: r.id.clone(),
                    scope: if rng.chance(50) { ReservationScope::Shared } else { r.scope.clone() },
                    optimize: ReservationOptimize::InstanceSizeFlexibility,
                },
                None => Command::AdvanceClock { to: s.clock + Duration::days(rng.range(1, 40)) },
            }
        }
        86 if rng.chance(30) => Command::ResetDemoData,
        // RULES §2.5: a price list from a date near the simulated one (a bad one: a row of every kind of
        // problem), so renewals and purchases reprice along the way.
        87 if rng.chance(30) => {
            let from = (s.clock + Duration::days(rng.range(-10, 60))).date_naive();
            let pct = rng.range(80, 130);
            let mut text = String::from("Change indicator,Offer ID,Valid from,List price,ERP price,Currency\n");
            for id in
                ["power-bi-pro", "o365-e3", "m365-business-basic", "exchange-online-plan1", "exchange-online-kiosk"]
            {
                let change = if id == "exchange-online-kiosk" && rng.chance(50) { "DEL" } else { "CHG" };
                let list = 1000 * pct / 100;
                text.push_str(&format!("{change},{id},{from},{}.{:02},{}.00,USD\n", list / 100, list % 100, list / 80));
            }
            if bad {
                text.push_str("CHG,o365-e3,2026-13-01,-1,x,XYZ\n");
            }
            Command::ImportPriceList { file: "p.csv".into(), text }
        }
        _ => {
            let days = if bad { -rng.range(1, 5) } else { rng.range(1, 40) };
            Command::AdvanceClock { to: s.clock + Duration::days(days) }
        }
    }
}

/// Mostly a user who holds every permission the command needs; sometimes anyone, or nobody known.
fn actor(s: &State, rng: &mut Rng, cmd: &Command) -> UserId {
    let needed = permissions_needed(s, cmd);
    let permitted: Vec<&UserId> =
        s.users.iter().filter(|u| needed.iter().all(|p| p.granted_to(&u.roles))).map(|u| &u.id).collect();
    match rng.below(100) {
        0..=79 => rng.pick(&permitted).map(|u| (*u).clone()),
        80..=97 => rng.pick(&s.users).map(|u| u.id.clone()),
        _ => None,
    }
    .unwrap_or(UserId("U-9999".into()))
}

// ---------------------------------------------------------------------------------------------------
// Allowed status transitions (RULES §4.1, §5, §6)

fn subscription_move_allowed(from: SubscriptionStatus, to: SubscriptionStatus) -> bool {
    use SubscriptionStatus::*;
    from == to
        || matches!(
            (from, to),
            // §4.1 suspend / reactivate / retention over
            (Active, Suspended) | (Suspended, Active) | (Suspended, Deleted)
            // §4.1, §4.6 ISV cancellation (inside the window, or at renewal when scheduled)
            | (Active, Cancelled)
            // §4.1 trial not converted; §4.2 term ended with auto-renew off
            | (Active, Expired)
        )
}

fn reservation_move_allowed(from: ReservationStatus, to: ReservationStatus) -> bool {
    use ReservationStatus::*;
    // §6.3 refund, §6.4 exchange, end of term.
    from == to || matches!((from, to), (Active, Cancelled) | (Active, Exchanged) | (Active, Expired))
}

fn software_move_allowed(from: PurchaseStatus, to: PurchaseStatus) -> bool {
    // §5: cancel within the window.
    from == to || (from, to) == (PurchaseStatus::Active, PurchaseStatus::Cancelled)
}

type Statuses = (
    BTreeMap<String, SubscriptionStatus>,
    BTreeMap<String, ReservationStatus>,
    BTreeMap<String, PurchaseStatus>,
    BTreeMap<String, OrderStatus>,
);

fn statuses(s: &State) -> Statuses {
    (
        s.subscriptions.iter().map(|(k, v)| (k.0.clone(), v.status)).collect(),
        s.reservations.iter().map(|(k, v)| (k.0.clone(), v.status)).collect(),
        s.software.iter().map(|(k, v)| (k.0.clone(), v.status)).collect(),
        s.orders.iter().map(|(k, v)| (k.0.clone(), v.status)).collect(),
    )
}

/// Every status change from `before` to `after` that the rules do not allow (records never disappear;
/// new ones start Active, orders Completed).
fn bad_moves(before: &Statuses, after: &Statuses) -> Vec<String> {
    fn compare<S: Copy + std::fmt::Debug + PartialEq>(
        kind: &str,
        b: &BTreeMap<String, S>,
        a: &BTreeMap<String, S>,
        allowed: impl Fn(S, S) -> bool,
        initial: S,
        out: &mut Vec<String>,
    ) {
        for (id, from) in b {
            match a.get(id) {
                None => out.push(format!("{kind} {id} disappeared (was {from:?})")),
                Some(to) if !allowed(*from, *to) => out.push(format!("{kind} {id}: {from:?} → {to:?}")),
                _ => {}
            }
        }
        for (id, to) in a.iter().filter(|(id, _)| !b.contains_key(*id)) {
            if *to != initial {
                out.push(format!("{kind} {id} created {to:?}"));
            }
        }
    }
    let mut out = Vec::new();
    compare("subscription", &before.0, &after.0, subscription_move_allowed, SubscriptionStatus::Active, &mut out);
    compare("reservation", &before.1, &after.1, reservation_move_allowed, ReservationStatus::Active, &mut out);
    compare("software", &before.2, &after.2, software_move_allowed, PurchaseStatus::Active, &mut out);
    compare("order", &before.3, &after.3, |a, b| a == b, OrderStatus::Completed, &mut out);
    out
}

// ---------------------------------------------------------------------------------------------------
// One sequence

enum Outcome {
    Accepted,
    Refused(csp_engine::Rejection),
    Panicked,
}

struct Step {
    i: usize,
    user: UserId,
    command: Command,
    outcome: Outcome,
}

impl Step {
    fn render(&self) -> String {
        let Step { i, user, command, outcome } = self;
        match outcome {
            Outcome::Accepted => format!("{i}: ✓ {user} {command:?}"),
            Outcome::Refused(r) => format!("{i}: ✗ {user} {command:?} → {:?}", r.violations),
            Outcome::Panicked => format!("{i}: PANIC {user} {command:?}"),
        }
    }
}

#[derive(Default)]
struct Stats {
    commands: u64,
    accepted: u64,
    /// Time by phase (`PROPTEST_VERBOSE` prints it).
    time: BTreeMap<&'static str, std::time::Duration>,
    /// (issued, accepted) by command.
    by_kind: BTreeMap<&'static str, (u64, u64)>,
}

impl Stats {
    fn timed<T>(&mut self, phase: &'static str, f: impl FnOnce() -> T) -> T {
        let t = std::time::Instant::now();
        let out = f();
        *self.time.entry(phase).or_default() += t.elapsed();
        out
    }
}

/// The snapshot as the app would read it back: through the saved form. The catalog is never saved (the
/// app has the built-in one); a generated partner's catalog is put back.
fn through_saved_form(s: &State) -> Result<State, String> {
    let mut back = persist::decode(&persist::encode(s)).map_err(|e| format!("decode: {e:?}"))?;
    back.catalog = s.catalog.clone();
    Ok(back)
}

fn run(seed: u64, verbose: bool) -> Result<Stats, String> {
    let mut rng = Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let all = bases();
    let (base_name, base) = if rng.chance(40) { &all[0] } else { &all[1 + rng.below(all.len() as u64 - 1) as usize] };
    let mut state = base.clone();
    let len = rng.range(5, 25) as usize;
    let snapshot_at = rng.below(len as u64 + 1) as usize;
    let mut snapshot = None;
    let mut journal_after: Vec<JournalEntry> = Vec::new();
    // Rendered only when a property fails.
    let mut log: Vec<Step> = Vec::new();
    let mut stats = Stats::default();
    let fail = |log: &[Step], why: String| {
        let steps: Vec<String> = log.iter().map(Step::render).collect();
        Err(format!("seed {seed} over {base_name}: {why}\ncommands (accepted ✓, refused ✗):\n{}", steps.join("\n")))
    };
    for i in 0..len {
        if i == snapshot_at {
            snapshot = Some(stats.timed("snapshot", || through_saved_form(&state))?);
        }
        let cmd = stats.timed("generate", || command(&state, &mut rng));
        let user = actor(&state, &mut rng, &cmd);
        let before = stats.timed("statuses", || statuses(&state));
        let kind = kind_of(&cmd);
        let started = std::time::Instant::now();
        let now = state.clock;
        // Refused commands leave the state untouched by construction (`execute` applies nothing unless
        // `decide` accepts), so the state is not copied to check it.
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| execute(&mut state, &user, cmd.clone(), now)));
        *stats.time.entry(kind).or_default() += started.elapsed();
        stats.commands += 1;
        let counts = stats.by_kind.entry(kind).or_default();
        counts.0 += 1;
        counts.1 += u64::from(matches!(outcome, Ok(Ok(_))));
        let result = match outcome {
            Ok(x) => x,
            Err(_) => {
                log.push(Step { i, user, command: cmd, outcome: Outcome::Panicked });
                return fail(&log, "the engine panicked".into());
            }
        };
        match result {
            Ok(_) => {
                stats.accepted += 1;
                log.push(Step { i, user: user.clone(), command: cmd.clone(), outcome: Outcome::Accepted });
                if cmd != Command::ResetDemoData {
                    let bad = bad_moves(&before, &statuses(&state));
                    if !bad.is_empty() {
                        return fail(&log, format!("status transitions not allowed: {bad:?}"));
                    }
                }
                if snapshot.is_some() {
                    journal_after.push(JournalEntry { user, command: cmd });
                }
            }
            Err(rejection) => {
                log.push(Step { i, user, command: cmd, outcome: Outcome::Refused(rejection) });
            }
        }
        if verbose {
            println!("{}", log.last().map(Step::render).unwrap_or_default());
        }
    }
    let found: Vec<Inconsistency> = stats.timed("invariants", || invariants::check(&state));
    if !found.is_empty() {
        return fail(&log, format!("inconsistent state: {found:?}"));
    }
    let mut replayed = match snapshot {
        Some(s) => s,
        None => stats.timed("snapshot", || through_saved_form(&state))?,
    };
    let refused = stats.timed("replay", || journal::replay(&mut replayed, &journal_after));
    if !refused.is_empty() {
        return fail(&log, format!("replay from step {snapshot_at} refused: {refused:?}"));
    }
    if !stats.timed("compare", || replayed == state) {
        return fail(&log, format!("replay from step {snapshot_at} reached another state"));
    }
    Ok(stats)
}

/// The command's name, for the time by phase.
fn kind_of(cmd: &Command) -> &'static str {
    let name = format!("{cmd:?}");
    let name = name.split([' ', '(', '{']).next().unwrap_or("");
    // Leaked once per name: a handful of strings.
    static NAMES: OnceLock<std::sync::Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.iter().find(|n| **n == name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(leaked);
    leaked
}

fn sequences() -> u64 {
    std::env::var("PROPTEST_SEQUENCES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_SEQUENCES)
}

fn shard(k: u64) {
    let verbose = std::env::var("PROPTEST_VERBOSE").is_ok();
    let seeds: Vec<u64> = match std::env::var("PROPTEST_SEED").ok().and_then(|v| v.parse().ok()) {
        Some(seed) if seed % SHARDS == k => vec![seed],
        Some(_) => vec![],
        None => (0..sequences()).filter(|s| s % SHARDS == k).collect(),
    };
    let started = std::time::Instant::now();
    let mut total = Stats::default();
    for seed in seeds.iter().copied() {
        match run(seed, verbose) {
            Ok(s) => {
                total.commands += s.commands;
                total.accepted += s.accepted;
                for (kind, (n, ok)) in s.by_kind {
                    let c = total.by_kind.entry(kind).or_default();
                    c.0 += n;
                    c.1 += ok;
                }
                for (phase, t) in s.time {
                    *total.time.entry(phase).or_default() += t;
                }
            }
            Err(report) => panic!("property failed (rerun with PROPTEST_SEED={seed}):\n{report}"),
        }
    }
    println!(
        "shard {k}: {} sequences, {} commands, {} accepted ({:.1} %), {:.1} s",
        seeds.len(),
        total.commands,
        total.accepted,
        100.0 * total.accepted as f64 / total.commands.max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    if verbose {
        for (kind, (n, ok)) in &total.by_kind {
            println!("  {kind}: {ok} of {n} accepted");
        }
        for (phase, t) in &total.time {
            println!("  {phase}: {:.2} s", t.as_secs_f64());
        }
    }
}

#[test]
fn random_commands_keep_the_state_consistent_shard_0() {
    shard(0);
}

#[test]
fn random_commands_keep_the_state_consistent_shard_1() {
    shard(1);
}
