//! Large generated partners for benchmarks and scale tests: deterministic from a seed (same arguments →
//! the same state), built directly (not through commands) so that building 20,000 subscriptions is cheap.

use super::{date, empty_state, now};
use crate::billing::{term_end, QuantitySegment};
use crate::cart::LineInput;
use crate::catalog::{BillingType, Catalog, Offer, SplitMix};
use crate::customers::{tenant_id, Customer, Segment};
use crate::ids::{CartId, Counters, CustomerId, OfferId, OrderId, SubscriptionId};
use crate::money::Currency;
use crate::records::{BillingFrequency, PublisherKind, Subscription, SubscriptionStatus, Term};
use crate::{demo, eligibility, execute, Command, Event, State};
use chrono::{DateTime, Days, Duration, Utc};
use std::sync::Arc;

/// The seed every benchmark uses.
pub const SEED: u64 = 20_261_121;

/// Offers a generated subscription may be of: listed, license-billed, monthly or annual on a one-year
/// term, priced in `currency`, not trials.
pub fn plain_offers(catalog: &Catalog, currency: Currency) -> Vec<&Offer> {
    catalog
        .offers()
        .iter()
        .filter(|o| {
            o.family.tab().is_some()
                && !o.is_trial()
                && o.billing_type == BillingType::License
                && o.terms == [Term::OneYear]
                && o.billing.contains(&BillingFrequency::Monthly)
                && o.billing.contains(&BillingFrequency::Annual)
                && o.price(currency, BillingFrequency::Monthly, Some(Term::OneYear)).is_some()
        })
        .collect()
}

/// The demo partner (US, USD) with `customers` Commercial customers of `subs_each` paid subscriptions
/// each, over `catalog`. Terms started during the past year (so renewals fall due over the next one);
/// 3/4 bill monthly, 1/4 annually; 1 in 10 does not auto-renew; 1 in 25 is suspended. Every record is
/// billed up to the end of its current period, as the clock would have left it.
pub fn partner(customers: usize, subs_each: usize, catalog: Arc<Catalog>, seed: u64) -> State {
    let mut state = empty_state();
    let today = now().date_naive();
    let currency = state.partner.currency();
    let offers: Vec<Offer> = plain_offers(&catalog, currency).into_iter().cloned().collect();
    state.catalog = catalog;
    let mut rng = SplitMix(seed);
    let mut sub_seq = 0u64;
    for c in 1..=customers as u64 {
        let id = CustomerId(Counters::format("C", c));
        state.customers.insert(
            id.clone(),
            Customer {
                tenant_id: tenant_id(&id),
                id: id.clone(),
                company_name: format!("Customer {c} Ltd"),
                domain: format!("customer{c}.onmicrosoft.com"),
                country: "US".into(),
                segment: Segment::Commercial,
                account_opened: date(2024, 1, 1),
                first_billing: date(2024, 1, 11),
                created_at: now() - Duration::days(700),
            },
        );
        let order = OrderId(Counters::format("O", c));
        for _ in 0..subs_each {
            let Some(offer) = offers.get(rng.below(offers.len() as u64) as usize) else { break };
            sub_seq += 1;
            let billing = if rng.below(4) == 0 { BillingFrequency::Annual } else { BillingFrequency::Monthly };
            let start = today.checked_sub_days(Days::new(rng.below(365))).unwrap_or(today);
            let quantity = 1 + rng.below(50) as u32;
            let suspended = rng.below(25) == 0;
            let isv = offer.publisher_kind == crate::catalog::PublisherKind::Partner;
            let mut sub = Subscription {
                id: SubscriptionId(Counters::format("S", sub_seq)),
                customer: id.clone(),
                offer: offer.id.clone(),
                name: offer.name.clone(),
                order: order.clone(),
                quantity,
                billing,
                status: if suspended { SubscriptionStatus::Suspended } else { SubscriptionStatus::Active },
                created_at: start.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc(),
                term_start: start,
                term_end: term_end(start, state.policy.term_months),
                auto_renew: rng.below(10) != 0,
                unit_price: offer
                    .price(currency, billing, Some(Term::OneYear))
                    .unwrap_or(crate::money::Money::zero(currency)),
                trial_ends: None,
                base: None,
                suspended_at: suspended.then(|| now() - Duration::days(rng.below(60) as i64)),
                cancel_at: None,
                publisher: if isv { PublisherKind::Isv } else { PublisherKind::Microsoft },
                metered: false,
                commercial_marketplace: isv,
                min_quantity: 1,
                max_quantity: None,
                billed_through: None,
                segments: Vec::new(),
                is_azure_plan: false,
            };
            if let Some(p) = crate::subscriptions::period_of(&sub, today) {
                sub.billed_through = Some(p.end);
                sub.segments = vec![QuantitySegment { from: p.start, quantity }];
            }
            state.subscriptions.insert(sub.id.clone(), sub);
        }
    }
    state.counters.customer = customers as u64;
    state.counters.order = customers as u64;
    state.counters.subscription = sub_seq;
    state
}

/// The storage benchmark's partner (issue 7): 2,000 customers × 10 subscriptions over a 10,000-offer
/// catalog, after one simulated year. The app's storage budget test and the benchmarks both use it.
pub fn storage_partner() -> State {
    let mut state = partner(2_000, 10, Arc::new(Catalog::generated(10_000, SEED)), SEED);
    advance_year(&mut state);
    state
}

/// The first customer's ID (`C-0001`).
pub fn first_customer() -> CustomerId {
    CustomerId(Counters::format("C", 1))
}

/// Put `lines` lines of offers the customer may buy (one line each, quantity 1, monthly, one year) in
/// its cart through `AddToCart`, and return the cart. Fewer lines when fewer offers are eligible.
pub fn fill_cart(state: &mut State, customer: &CustomerId, lines: usize) -> Option<CartId> {
    let currency = state.partner.currency();
    let eligible = eligibility::eligibility(state, customer)?;
    let picks: Vec<OfferId> = plain_offers(&state.catalog, currency)
        .into_iter()
        .filter(|o| eligible.is_eligible(&o.id) && o.family != crate::catalog::Family::AzurePlan)
        .map(|o| o.id.clone())
        .take(lines)
        .collect();
    let admin = demo::global_admin();
    for offer in picks {
        let line = LineInput {
            offer,
            quantity: 1,
            billing: BillingFrequency::Monthly,
            term: Term::OneYear,
            reservation: None,
        };
        execute(state, &admin, Command::AddToCart { customer: customer.clone(), line }, state.clock).ok()?;
    }
    state.carts.get(customer).map(|c| c.id.clone())
}

/// One simulated year after the state's clock.
pub fn a_year_later(state: &State) -> DateTime<Utc> {
    state.clock + Duration::days(365)
}

/// Advance the clock one simulated year as the Global admin would; the events applied.
pub fn advance_year(state: &mut State) -> Vec<Event> {
    let to = a_year_later(state);
    let at = state.clock;
    execute(state, &demo::global_admin(), Command::AdvanceClock { to }, at).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_partners_are_deterministic_and_sized() {
        let cases = [(1, 1), (3, 10), (20, 5)];
        for (customers, each) in cases {
            let catalog = Arc::new(Catalog::generated(500, SEED));
            let a = partner(customers, each, catalog.clone(), SEED);
            let b = partner(customers, each, catalog, SEED);
            assert_eq!(a, b, "{customers}×{each}: same seed, same state");
            assert_eq!(a.customers.len(), customers, "{customers}×{each}: customers");
            assert_eq!(a.subscriptions.len(), customers * each, "{customers}×{each}: subscriptions");
            assert_eq!(a.counters.subscription, (customers * each) as u64, "{customers}×{each}: counter");
        }
    }

    #[test]
    fn a_generated_year_bills_renews_and_fills_a_cart() {
        let mut state = partner(10, 10, Arc::new(Catalog::generated(500, SEED)), SEED);
        let cart = fill_cart(&mut state, &first_customer(), 20);
        assert!(cart.is_some(), "a cart was filled");
        assert_eq!(state.carts[&first_customer()].lines.len(), 20, "twenty eligible lines");
        let events = advance_year(&mut state);
        let summary = crate::subscriptions::DueSummary::of(&events);
        assert!(summary.cycles_billed > 500, "monthly cycles over a year: {summary:?}");
        assert!(summary.renewals > 50, "renewals over a year: {summary:?}");
        assert!(summary.terms_ended > 0, "auto-renew off ends terms: {summary:?}");
        assert_eq!(state.clock, now() + Duration::days(365));
    }
}
