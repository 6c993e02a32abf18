//! Why a customer cannot buy an offer (RULES §2.4, items 1–8, and the §6.1 market rule). One call
//! computes every reason for every offer: the customer's holdings are indexed once, then each offer is
//! checked against the index, so the cost is O(offers + holdings) (× log for the maps).

use crate::catalog::{Catalog, Family, Offer, PurchaseLimit};
use crate::customers::{Customer, Segment};
use crate::ids::{CustomerId, OfferId, SubscriptionId};
use crate::records::{PurchaseStatus, ReservationStatus, SubscriptionStatus};
use crate::State;
use std::collections::BTreeMap;

/// One reason an offer cannot be bought. The UI maps each to one message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ineligible {
    /// Table 1.3.
    SegmentNotAllowed {
        customer: Segment,
        offer: Segment,
    },
    /// A Government customer holding a Government subscription can buy nothing else (reported instead
    /// of `SegmentNotAllowed` for non-Government offers).
    GovernmentCustomerLocked {
        subscription: SubscriptionId,
    },
    NotSoldInCustomerCountry {
        country: String,
    },
    NotSoldInPartnerCountry {
        country: String,
    },
    PurchaseLimitReached {
        limit: PurchaseLimit,
        held: u32,
    },
    /// Reactivate this subscription instead of buying a new one.
    SuspendedSubscription {
        subscription: SubscriptionId,
    },
    IsvCountryUnsupported {
        country: String,
    },
    IsvNotThroughCsp,
    /// Stays visible with "Contact the publisher".
    ExclusiveToOtherPartners,
    /// Containers, VM-based and other usage-based Azure offers: buy it in the Azure portal.
    NotTransactable,
    /// The customer already owns the paid offer this trial converts to.
    TrialPaidOfferOwned {
        subscription: SubscriptionId,
    },
    /// The customer already had this trial (reported instead of `PurchaseLimitReached`).
    TrialAlreadyUsed {
        subscription: SubscriptionId,
    },
    TrialNotForSegment {
        segment: Segment,
    },
    ReservationMarketUnavailable {
        country: String,
    },
    NoActiveAzureSubscription,
    /// RULES §2.5: a price list withdrew the offer (DEL) from this day.
    Withdrawn {
        since: chrono::NaiveDate,
    },
    /// Add-ons are bought from the base subscription's page.
    AddOnNotListed,
}

/// What a customer holds of one offer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    /// Counts toward a Concurrent limit: active, suspended, cancelled-not-deleted.
    pub concurrent: u32,
    /// Counts toward a Lifetime limit: everything ever bought.
    pub lifetime: u32,
    /// An active or suspended subscription (owning the offer).
    pub owned: Option<SubscriptionId>,
    pub suspended: Option<SubscriptionId>,
    /// A subscription that started as a trial of this offer (kept when converted).
    pub had_trial: Option<SubscriptionId>,
    /// Any subscription ever of this offer.
    pub any: Option<SubscriptionId>,
}

impl Held {
    pub fn count_for(&self, limit: PurchaseLimit) -> Option<(u32, u32)> {
        match limit {
            PurchaseLimit::None => None,
            PurchaseLimit::Concurrent(n) => Some((n, self.concurrent)),
            PurchaseLimit::Lifetime(n) => Some((n, self.lifetime)),
        }
    }
}

/// A customer's holdings, indexed once by offer.
#[derive(Clone, Debug, Default)]
pub struct Holdings {
    pub by_offer: BTreeMap<OfferId, Held>,
    /// An active subscription of an offer of the Azure plan family.
    pub active_azure: Option<SubscriptionId>,
    /// An active or suspended subscription to a Government offer.
    pub government: Option<SubscriptionId>,
}

impl Holdings {
    pub fn of(state: &State, catalog: &Catalog, customer: &CustomerId) -> Holdings {
        let mut h = Holdings::default();
        for s in state.subscriptions_of(customer) {
            let held = h.by_offer.entry(s.offer.clone()).or_default();
            held.lifetime += 1;
            held.any.get_or_insert_with(|| s.id.clone());
            let live = matches!(s.status, SubscriptionStatus::Active | SubscriptionStatus::Suspended);
            if live || s.status == SubscriptionStatus::Cancelled {
                held.concurrent += 1;
            }
            if live {
                held.owned.get_or_insert_with(|| s.id.clone());
            }
            if s.status == SubscriptionStatus::Suspended {
                held.suspended.get_or_insert_with(|| s.id.clone());
            }
            if s.trial_ends.is_some() {
                held.had_trial.get_or_insert_with(|| s.id.clone());
            }
            let offer = catalog.get(&s.offer);
            if s.status == SubscriptionStatus::Active && offer.is_some_and(|o| o.family == Family::AzurePlan) {
                h.active_azure.get_or_insert_with(|| s.id.clone());
            }
            if live && offer.is_some_and(|o| o.segment == Segment::Government) {
                h.government.get_or_insert_with(|| s.id.clone());
            }
        }
        for p in state.software.values().filter(|p| &p.customer == customer) {
            let held = h.by_offer.entry(p.offer.clone()).or_default();
            held.lifetime += 1;
            if p.status == PurchaseStatus::Active {
                held.concurrent += 1;
            }
        }
        for r in state.reservations.values().filter(|r| &r.customer == customer) {
            let held = h.by_offer.entry(r.offer.clone()).or_default();
            held.lifetime += 1;
            if r.status == ReservationStatus::Active {
                held.concurrent += 1;
            }
        }
        h
    }

    pub fn held(&self, offer: &OfferId) -> Option<&Held> {
        self.by_offer.get(offer)
    }
}

/// Every reason for one offer. `include_limit` is off when the caller checks the purchase limit itself
/// (the cart counts its other lines too).
pub fn reasons_for(
    state: &State,
    customer: &Customer,
    holdings: &Holdings,
    offer: &Offer,
    include_limit: bool,
) -> Vec<Ineligible> {
    let mut out = Vec::new();
    let none = Held::default();
    let held = holdings.held(&offer.id).unwrap_or(&none);
    if offer.family == Family::AddOn {
        out.push(Ineligible::AddOnNotListed);
    }
    // 1. Segment, and the Government lock.
    let locked = customer.segment == Segment::Government && offer.segment != Segment::Government;
    match (&holdings.government, locked) {
        (Some(sub), true) => out.push(Ineligible::GovernmentCustomerLocked { subscription: sub.clone() }),
        _ if !customer.segment.may_buy(offer.segment) => {
            out.push(Ineligible::SegmentNotAllowed { customer: customer.segment, offer: offer.segment })
        }
        _ => {}
    }
    // 2. Countries.
    if !offer.countries.includes(&customer.country) {
        out.push(Ineligible::NotSoldInCustomerCountry { country: customer.country.clone() });
    }
    if !offer.countries.includes(&state.partner.country) {
        out.push(Ineligible::NotSoldInPartnerCountry { country: state.partner.country.clone() });
    }
    // 3. Purchase limit (6. for trials: "already had this trial" replaces it).
    let trial_used = if offer.is_trial() { held.any.clone() } else { None };
    if include_limit && trial_used.is_none() {
        if let Some((limit, count)) = held.count_for(offer.purchase_limit) {
            if count >= limit {
                out.push(Ineligible::PurchaseLimitReached { limit: offer.purchase_limit, held: count });
            }
        }
    }
    // 4. Suspended subscription to it.
    if let Some(sub) = &held.suspended {
        out.push(Ineligible::SuspendedSubscription { subscription: sub.clone() });
    }
    // 5. ISV restrictions.
    if let Some(isv) = &offer.isv {
        if !isv.supported_countries.includes(&customer.country) {
            out.push(Ineligible::IsvCountryUnsupported { country: customer.country.clone() });
        }
        if !isv.through_csp {
            out.push(Ineligible::IsvNotThroughCsp);
        }
        if !isv.exclusive_to.is_empty() && !isv.exclusive_to.contains(&state.partner.id) {
            out.push(Ineligible::ExclusiveToOtherPartners);
        }
        if !isv.transactable {
            out.push(Ineligible::NotTransactable);
        }
    }
    // 6. Trials.
    if offer.is_trial() {
        let paid = offer.trial_of.as_ref().and_then(|p| holdings.held(p));
        if let Some(sub) = paid.and_then(|h| h.owned.clone()) {
            out.push(Ineligible::TrialPaidOfferOwned { subscription: sub });
        }
        // A converted trial keeps its ID and its `trial_ends` under the paid offer.
        let converted = paid.and_then(|h| h.had_trial.clone());
        if let Some(sub) = trial_used.or(converted) {
            out.push(Ineligible::TrialAlreadyUsed { subscription: sub });
        }
        if state.policy.trial_excluded_segments.contains(&customer.segment) {
            out.push(Ineligible::TrialNotForSegment { segment: customer.segment });
        }
    }
    // RULES §2.5: withdrawn by a price list on the simulated date.
    if let Some(since) =
        crate::pricelist::withdrawn_on(state, &offer.id, state.partner.currency(), state.clock.date_naive())
    {
        out.push(Ineligible::Withdrawn { since });
    }
    // 7. Reservations.
    if offer.family == Family::AzureReservation {
        if state.policy.reservations_unavailable_in(&customer.country) {
            out.push(Ineligible::ReservationMarketUnavailable { country: customer.country.clone() });
        }
        if holdings.active_azure.is_none() {
            out.push(Ineligible::NoActiveAzureSubscription);
        }
    }
    out
}

/// The reasons for every offer of the catalog, for one customer. Offers without a reason are buyable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    pub customer: CustomerId,
    reasons: BTreeMap<OfferId, Vec<Ineligible>>,
}

impl Eligibility {
    /// Every reason the offer cannot be bought (empty: it can).
    pub fn reasons(&self, offer: &OfferId) -> &[Ineligible] {
        self.reasons.get(offer).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_eligible(&self, offer: &OfferId) -> bool {
        self.reasons(offer).is_empty()
    }

    /// The offers that cannot be bought, with their reasons.
    pub fn ineligible(&self) -> impl Iterator<Item = (&OfferId, &[Ineligible])> {
        self.reasons.iter().map(|(o, r)| (o, r.as_slice()))
    }
}

/// RULES §2.4 for every offer of the state's catalog; `None` for an unknown customer.
pub fn eligibility(state: &State, customer: &CustomerId) -> Option<Eligibility> {
    let c = state.customers.get(customer)?;
    let holdings = Holdings::of(state, &state.catalog, customer);
    let reasons = state
        .catalog
        .offers()
        .iter()
        .filter_map(|o| {
            let r = reasons_for(state, c, &holdings, o, true);
            (!r.is_empty()).then(|| (o.id.clone(), r))
        })
        .collect();
    Some(Eligibility { customer: customer.clone(), reasons })
}

/// The reasons for one offer (for a single check, e.g. adding it to the cart).
pub fn offer_reasons(state: &State, customer: &Customer, offer: &Offer) -> Vec<Ineligible> {
    let holdings = Holdings::of(state, &state.catalog, &customer.id);
    reasons_for(state, customer, &holdings, offer, true)
}

#[cfg(test)]
mod tests;
