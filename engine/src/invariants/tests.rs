use super::*;
use crate::catalog::Catalog;
use crate::ledger::LedgerEntry;
use crate::reservations::RefundRecord;
use crate::testkit::{self, scale};
use crate::{demo, State};
use chrono::Duration;
use std::sync::Arc;

fn demo_state() -> State {
    demo::demo_state(testkit::now())
}

fn customer(n: u64) -> CustomerId {
    CustomerId(crate::ids::Counters::format("C", n))
}

/// The first entry of the ledger matching `f` (the demo has one of each kind used below).
fn entry_where(state: &State, f: impl Fn(&LedgerEntry) -> bool) -> usize {
    state.ledger.iter().position(f).unwrap()
}

#[test]
fn reachable_states_have_no_inconsistency() {
    let catalog = Arc::new(Catalog::generated(500, scale::SEED));
    let mut after_a_year = scale::partner(8, 4, catalog.clone(), 7);
    scale::advance_year(&mut after_a_year);
    let mut demo_later = demo_state();
    scale::advance_year(&mut demo_later);
    let rows: Vec<(&str, State)> = vec![
        ("the demo state", demo_state()),
        ("the demo state a year later", demo_later),
        ("a generated partner", scale::partner(20, 5, catalog.clone(), scale::SEED)),
        ("a generated partner a year later", after_a_year),
        ("the demo partner without customers", testkit::empty_state()),
    ];
    for (case, state) in rows {
        assert_eq!(check(&state), vec![], "{case}");
    }
}

#[test]
fn each_broken_state_yields_exactly_its_inconsistency() {
    type Break = Box<dyn Fn(&mut State) -> Vec<Inconsistency>>;
    let rows: Vec<(&str, Break)> = vec![
        (
            "an invoice whose entries do not sum (an amount edited beyond any real one)",
            Box::new(|s| {
                let first = entry_where(s, |e| e.charge_type == ChargeType::Purchase);
                let (y, m, c) = {
                    let e = &s.ledger[first];
                    (e.posted_at.year(), e.posted_at.month(), e.amount.currency)
                };
                let others: Vec<usize> = (0..s.ledger.len())
                    .filter(|i| {
                        let e = &s.ledger[*i];
                        (e.posted_at.year(), e.posted_at.month(), e.amount.currency) == (y, m, c)
                            && matches!(e.charge_type, ChargeType::Purchase | ChargeType::CycleCharge)
                    })
                    .take(2)
                    .collect();
                for i in &others {
                    s.ledger[*i].amount.minor = i64::MAX;
                }
                let inv = crate::ledger::invoices(s).into_iter().find(|i| (i.year, i.month, i.currency) == (y, m, c));
                let sum: i128 = s
                    .ledger
                    .iter()
                    .filter(|e| (e.posted_at.year(), e.posted_at.month(), e.amount.currency) == (y, m, c))
                    .map(|e| i128::from(e.amount.minor))
                    .sum();
                assert_eq!(others.len(), 2, "two charges in one month");
                vec![Inconsistency::InvoiceTotalMismatch {
                    year: y,
                    month: m,
                    currency: c,
                    total: inv.unwrap().total,
                    entries_sum_minor: sum,
                }]
            }),
        ),
        (
            "an order line whose total is not unit price × quantity",
            Box::new(|s| {
                let o = s.orders.values_mut().find(|o| o.lines.iter().any(|l| l.line_total.minor > 0)).unwrap();
                let i = o.lines.iter().position(|l| l.line_total.minor > 0).unwrap();
                o.lines[i].line_total.minor += 1;
                let l = &o.lines[i];
                vec![Inconsistency::OrderLineTotalMismatch {
                    order: o.id.clone(),
                    line: i,
                    unit_price: l.unit_price,
                    quantity: l.quantity,
                    line_total: l.line_total,
                }]
            }),
        ),
        (
            "a credit greater than what was paid for a software purchase",
            Box::new(|s| {
                let i = entry_where(s, |e| matches!(e.reference, LedgerRef::Software(_)));
                let mut credit = s.ledger[i].clone();
                let paid = credit.amount;
                s.counters.ledger += 1;
                credit.id = LedgerEntryId(crate::ids::Counters::format("L", s.counters.ledger));
                credit.charge_type = ChargeType::Credit;
                credit.amount = Money::new(-paid.minor - 1, paid.currency);
                credit.posted_at = s.clock;
                let record = RecordRef::from(&credit.reference);
                s.ledger.push(credit);
                vec![Inconsistency::CreditExceedsPaid {
                    record,
                    paid,
                    credited: Money::new(paid.minor + 1, paid.currency),
                }]
            }),
        ),
        (
            "a credit entry with a positive amount",
            Box::new(|s| {
                let i = entry_where(s, |e| e.charge_type == ChargeType::Credit);
                s.ledger[i].amount = s.ledger[i].amount.abs();
                let e = &s.ledger[i];
                vec![Inconsistency::LedgerSignWrong {
                    entry: e.id.clone(),
                    charge_type: e.charge_type,
                    amount: e.amount,
                }]
            }),
        ),
        (
            "reservation refunds above the cap within 365 days",
            Box::new(|s| {
                let r = s.reservations.values().find(|r| r.customer == customer(1)).unwrap().clone();
                let half = s.policy.refund_cap_usd_minor / 2 + 1;
                let record = |at: DateTime<Utc>| RefundRecord {
                    reservation: r.id.clone(),
                    request: SupportRequestId("SR-0001".into()),
                    at,
                    credit: Money::new(half, Currency::USD),
                    fee: Money::zero(Currency::USD),
                    cancelled_future: Money::zero(Currency::USD),
                    usd_minor: half,
                };
                let (first, second) = (s.clock - Duration::days(500), s.clock - Duration::days(100));
                // 500 and 100 days ago do not share a window; 100 days ago and today do.
                s.reservation_refunds.insert(customer(1), vec![record(first), record(second), record(s.clock)]);
                vec![Inconsistency::RefundCapExceeded {
                    customer: customer(1),
                    on: s.clock.date_naive(),
                    counted_usd_minor: 2 * i128::from(half),
                    cap_usd_minor: s.policy.refund_cap_usd_minor,
                }]
            }),
        ),
        (
            "a subscription whose customer does not exist",
            Box::new(|s| {
                // Litware Japan's Azure plan: nothing on the ledger, no reservation attached.
                let sub = s.subscriptions.values_mut().find(|x| x.customer == customer(7)).unwrap();
                sub.customer = CustomerId("C-0999".into());
                vec![Inconsistency::Dangling {
                    from: RecordRef::Subscription(sub.id.clone()),
                    to: RecordRef::Customer(CustomerId("C-0999".into())),
                }]
            }),
        ),
        (
            "an add-on whose base is missing",
            Box::new(|s| {
                let sub = s.subscriptions.values_mut().find(|x| x.customer == customer(7)).unwrap();
                sub.base = Some(SubscriptionId("S-0999".into()));
                vec![Inconsistency::Dangling {
                    from: RecordRef::Subscription(sub.id.clone()),
                    to: RecordRef::Subscription(SubscriptionId("S-0999".into())),
                }]
            }),
        ),
        (
            "a reservation attached to another customer's Azure plan",
            Box::new(|s| {
                let plan = s.subscriptions.values().find(|x| x.customer == customer(7)).unwrap().id.clone();
                let r = s.reservations.values_mut().next().unwrap();
                r.scope = ReservationScope::Single(plan.clone());
                vec![Inconsistency::WrongCustomer {
                    from: RecordRef::Reservation(r.id.clone()),
                    related: RecordRef::Subscription(plan),
                    customer: r.customer.clone(),
                    expected: customer(7),
                }]
            }),
        ),
        (
            "a software purchase whose order is missing",
            Box::new(|s| {
                let p = s.software.values_mut().next().unwrap();
                p.order = OrderId("O-0999".into());
                vec![Inconsistency::Dangling {
                    from: RecordRef::Software(p.id.clone()),
                    to: RecordRef::Order(OrderId("O-0999".into())),
                }]
            }),
        ),
        (
            "a customer stored under another ID",
            Box::new(|s| {
                s.customers.get_mut(&customer(9)).unwrap().id = customer(99);
                vec![Inconsistency::KeyMismatch {
                    key: RecordRef::Customer(customer(9)),
                    id: RecordRef::Customer(customer(99)),
                }]
            }),
        ),
        (
            "a subscription counter behind the IDs in use",
            Box::new(|s| {
                s.counters.subscription -= 1;
                vec![Inconsistency::CounterBehind {
                    kind: CounterKind::Subscription,
                    counter: s.counters.subscription,
                    highest: s.counters.subscription + 1,
                }]
            }),
        ),
        (
            "two users with one ID",
            Box::new(|s| {
                let twin = s.users[0].clone();
                s.users.push(twin);
                vec![Inconsistency::DuplicateId { id: RecordRef::User(s.users[0].id.clone()) }]
            }),
        ),
        (
            "no Global admin",
            Box::new(|s| {
                for u in &mut s.users {
                    u.roles.retain(|r| *r != Role::GlobalAdmin);
                    if u.roles.is_empty() {
                        u.roles.push(Role::AdminAgent);
                    }
                }
                vec![Inconsistency::NoGlobalAdmin]
            }),
        ),
        (
            "two customers with one domain",
            Box::new(|s| {
                let domain = s.customers[&customer(1)].domain.clone();
                s.customers.get_mut(&customer(2)).unwrap().domain = domain.clone();
                vec![Inconsistency::DuplicateDomain { domain, first: customer(1), second: customer(2) }]
            }),
        ),
        (
            "a subscription created after the clock",
            Box::new(|s| {
                let at = s.clock + Duration::days(1);
                let clock = s.clock;
                let sub = s.subscriptions.values_mut().find(|x| x.customer == customer(7)).unwrap();
                sub.created_at = at;
                vec![Inconsistency::FromTheFuture { record: RecordRef::Subscription(sub.id.clone()), at, clock }]
            }),
        ),
        (
            "a suspended subscription without its suspension date",
            Box::new(|s| {
                let sub = s.subscriptions.values_mut().find(|x| x.status == SubscriptionStatus::Suspended).unwrap();
                sub.suspended_at = None;
                vec![Inconsistency::StatusDateMissing { record: RecordRef::Subscription(sub.id.clone()) }]
            }),
        ),
    ];
    for (case, broken) in rows {
        let mut state = demo_state();
        let want = broken(&mut state);
        assert_eq!(check(&state), want, "{case}");
    }
}

#[test]
fn never_panics_on_extreme_values() {
    let mut state = demo_state();
    for e in &mut state.ledger {
        e.amount.minor = if e.amount.minor < 0 { i64::MIN } else { i64::MAX };
    }
    for o in state.orders.values_mut() {
        for l in &mut o.lines {
            l.unit_price.minor = i64::MIN;
            l.quantity = u32::MAX;
        }
    }
    state.policy.refund_window_days = u32::MAX;
    state.policy.refund_cap_usd_minor = i64::MIN;
    let r = state.reservations.values().next().unwrap().clone();
    let refund = RefundRecord {
        reservation: r.id.clone(),
        request: SupportRequestId("SR-x".into()),
        at: DateTime::<Utc>::MAX_UTC,
        credit: Money::new(i64::MAX, Currency::USD),
        fee: Money::new(i64::MIN, Currency::USD),
        cancelled_future: Money::zero(Currency::USD),
        usd_minor: i64::MAX,
    };
    state.reservation_refunds.insert(r.customer.clone(), vec![refund.clone(), refund]);
    state.counters = Default::default();
    state.users.clear();
    assert!(!check(&state).is_empty());
}
