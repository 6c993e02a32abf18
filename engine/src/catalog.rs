//! The product catalog (RULES §2): offers and their attributes, parsed once from `data/catalog.json`
//! (data, not code) and shared as an `Arc<Catalog>`, plus the catalog page's filters and a deterministic
//! generator of large catalogs for tests.

use crate::customers::Segment;
use crate::ids::OfferId;
use crate::money::{Currency, Money};
use crate::records::{BillingFrequency, SoftwareKind, Term};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PublisherKind {
    Microsoft,
    Partner,
}

/// The product families of RULES §2.1, plus the Azure plan that reservations attach to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Family {
    OnlineServices,
    /// Never listed: bought from the base subscription's page.
    AddOn,
    MicrosoftTrial,
    IsvSaasLicense,
    IsvSaasMetered,
    SoftwareSubscription,
    PerpetualSoftware,
    /// SUSE / Red Hat plans in Azure: never cancellable or exchangeable.
    SoftwarePlan,
    AzureReservation,
    /// The pay-as-you-go Azure subscription reservations attach to.
    AzurePlan,
}

impl Family {
    pub const ALL: [Family; 10] = [
        Family::OnlineServices,
        Family::AddOn,
        Family::MicrosoftTrial,
        Family::IsvSaasLicense,
        Family::IsvSaasMetered,
        Family::SoftwareSubscription,
        Family::PerpetualSoftware,
        Family::SoftwarePlan,
        Family::AzureReservation,
        Family::AzurePlan,
    ];

    /// The catalog tab the family is listed under; `None` for add-ons (never listed).
    pub fn tab(self) -> Option<Tab> {
        match self {
            Family::AddOn => None,
            Family::OnlineServices | Family::MicrosoftTrial | Family::IsvSaasLicense | Family::IsvSaasMetered => {
                Some(Tab::OnlineServices)
            }
            Family::SoftwareSubscription | Family::PerpetualSoftware | Family::SoftwarePlan => Some(Tab::Software),
            Family::AzureReservation | Family::AzurePlan => Some(Tab::Azure),
        }
    }

    /// Does a purchase of this family create a software purchase (rather than a subscription)?
    pub fn is_software(self) -> bool {
        matches!(self, Family::SoftwareSubscription | Family::PerpetualSoftware | Family::SoftwarePlan)
    }
}

/// The tabs of the Add products page (RULES §2.3).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tab {
    OnlineServices,
    Software,
    Azure,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BillingType {
    License,
    Usage,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    Enterprise,
    SmallBusiness,
    Trial,
}

/// Where something is sold or supported. JSON: `"all"` or `{"only": ["US", "GB"]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Countries {
    All,
    Only(Vec<String>),
}

impl Countries {
    pub fn includes(&self, country: &str) -> bool {
        match self {
            Countries::All => true,
            Countries::Only(list) => list.iter().any(|c| c == country),
        }
    }
}

/// RULES §2.2 purchase limits (per customer and offer).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PurchaseLimit {
    None,
    /// At most N at once: active, suspended and cancelled-but-not-deleted count.
    Concurrent(u32),
    /// At most N ever.
    Lifetime(u32),
}

/// Price of one unit for one billing period (monthly: a month; annual: a year; one-time: the whole
/// term), per currency, in minor units. Usage offers list their per-unit usage rate (billed in arrears).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    pub billing: BillingFrequency,
    /// `None` for offers without a term (perpetual software).
    #[serde(default)]
    pub term: Option<Term>,
    pub amounts: BTreeMap<Currency, i64>,
}

/// ISV (commercial marketplace) terms of an offer (RULES §2.2, §2.4 item 5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsvTerms {
    /// Customer billing countries the ISV supports.
    pub supported_countries: Countries,
    pub through_csp: bool,
    /// Partner IDs the offer is exclusive to; empty when not exclusive.
    #[serde(default)]
    pub exclusive_to: Vec<String>,
    /// `false` for containers, VM-based and other usage-based Azure offers: bought in the Azure portal.
    pub transactable: bool,
}

/// What a reserved VM instance reserves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationSpec {
    pub vm_size: String,
    pub region: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: OfferId,
    pub name: String,
    pub publisher: String,
    pub publisher_kind: PublisherKind,
    pub family: Family,
    pub billing_type: BillingType,
    pub category: Category,
    pub segment: Segment,
    /// Where it is sold: both the customer's and the partner's country must be included.
    pub countries: Countries,
    pub billing: Vec<BillingFrequency>,
    /// Empty for perpetual software (no term).
    pub terms: Vec<Term>,
    pub min_quantity: u32,
    pub max_quantity: u32,
    pub purchase_limit: PurchaseLimit,
    /// For a base offer: the add-ons it accepts.
    #[serde(default)]
    pub add_ons: Vec<OfferId>,
    /// For an add-on: the base offers it needs (one of them).
    #[serde(default)]
    pub requires_base: Vec<OfferId>,
    /// For a Microsoft trial: the paid offer it converts to.
    #[serde(default)]
    pub trial_of: Option<OfferId>,
    /// For a paid offer: its Microsoft trial.
    #[serde(default)]
    pub trial_offer: Option<OfferId>,
    #[serde(default)]
    pub prices: Vec<Price>,
    #[serde(default)]
    pub isv: Option<IsvTerms>,
    /// ISV SaaS: the publisher's page where set-up is finished after purchase.
    #[serde(default)]
    pub setup_url: Option<String>,
    #[serde(default)]
    pub reservation: Option<ReservationSpec>,
    /// ISV SaaS with a free trial: its length in days (applied automatically).
    #[serde(default)]
    pub free_trial_days: Option<u32>,
}

impl Offer {
    /// Unit price for a billing frequency and term in `currency`. Free (`BillingFrequency::None`)
    /// offers cost zero; `None` when the offer has no such price.
    pub fn price(&self, currency: Currency, billing: BillingFrequency, term: Option<Term>) -> Option<Money> {
        if billing == BillingFrequency::None {
            return Some(Money::zero(currency));
        }
        let term = if self.terms.is_empty() { None } else { term };
        self.prices
            .iter()
            .find(|p| p.billing == billing && p.term == term)
            .and_then(|p| p.amounts.get(&currency))
            .map(|minor| Money::new(*minor, currency))
    }

    pub fn is_trial(&self) -> bool {
        self.family == Family::MicrosoftTrial
    }

    pub fn is_listed(&self) -> bool {
        self.family.tab().is_some()
    }

    /// The software-purchase kind a line of this offer with `term` creates.
    pub fn software_kind(&self, term: Term) -> Option<SoftwareKind> {
        match self.family {
            Family::SoftwareSubscription => Some(SoftwareKind::Subscription { years: term.months() / 12 }),
            Family::PerpetualSoftware => Some(SoftwareKind::Perpetual),
            Family::SoftwarePlan => Some(SoftwareKind::LinuxPlan),
            _ => None,
        }
    }
}

/// Every offer, in catalog order, with an index by ID and each offer's lower-case search text.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    offers: Vec<Offer>,
    index: BTreeMap<OfferId, usize>,
    /// `(name, publisher)` lower-cased once, so a search keystroke never lower-cases the whole catalog again.
    search_keys: Vec<(String, String)>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        self.offers == other.offers
    }
}

#[derive(Deserialize)]
struct CatalogFile {
    offers: Vec<Offer>,
}

impl Catalog {
    /// Build a catalog; a later duplicate ID is ignored (the first wins).
    pub fn new(offers: Vec<Offer>) -> Catalog {
        let mut index = BTreeMap::new();
        let mut kept = Vec::with_capacity(offers.len());
        for o in offers {
            if !index.contains_key(&o.id) {
                index.insert(o.id.clone(), kept.len());
                kept.push(o);
            }
        }
        let search_keys = kept.iter().map(|o| (o.name.to_lowercase(), o.publisher.to_lowercase())).collect();
        Catalog { offers: kept, index, search_keys }
    }

    pub fn from_json(json: &str) -> Result<Catalog, serde_json::Error> {
        let file: CatalogFile = serde_json::from_str(json)?;
        Ok(Catalog::new(file.offers))
    }

    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    pub fn get(&self, id: &OfferId) -> Option<&Offer> {
        self.index.get(id).and_then(|i| self.offers.get(*i))
    }

    pub fn len(&self) -> usize {
        self.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    /// A deterministic catalog of `n` offers spread over every family, segment, limit and ISV
    /// restriction, for tests and benchmarks (same `n` and `seed` → same catalog).
    pub fn generated(n: usize, seed: u64) -> Catalog {
        let mut rng = SplitMix(seed);
        let countries = ["US", "FR", "DE", "GB", "AU", "BR", "JP", "XK", "CN", "CA"];
        let offers = (0..n)
            .map(|i| {
                let family = Family::ALL[i % Family::ALL.len()];
                let pick_countries = |rng: &mut SplitMix| {
                    if rng.below(3) == 0 {
                        Countries::Only(countries.iter().filter(|_| rng.below(2) == 0).map(|c| c.to_string()).collect())
                    } else {
                        Countries::All
                    }
                };
                let segment = Segment::ALL[rng.below(4) as usize];
                let sold = pick_countries(&mut rng);
                let partner = matches!(family, Family::IsvSaasLicense | Family::IsvSaasMetered | Family::SoftwarePlan);
                let isv = partner.then(|| IsvTerms {
                    supported_countries: pick_countries(&mut rng),
                    through_csp: rng.below(5) != 0,
                    exclusive_to: match rng.below(6) {
                        0 => vec!["P-2000".into()],
                        1 => vec!["P-1000".into()],
                        _ => vec![],
                    },
                    transactable: rng.below(5) != 0,
                });
                let purchase_limit = if family == Family::MicrosoftTrial {
                    PurchaseLimit::Lifetime(1)
                } else {
                    match rng.below(4) {
                        0 => PurchaseLimit::Concurrent(1 + rng.below(2) as u32),
                        1 => PurchaseLimit::Lifetime(1 + rng.below(2) as u32),
                        _ => PurchaseLimit::None,
                    }
                };
                let (billing, terms) = match family {
                    Family::MicrosoftTrial | Family::AzurePlan => (vec![BillingFrequency::None], vec![Term::OneMonth]),
                    Family::SoftwareSubscription | Family::SoftwarePlan => {
                        (vec![BillingFrequency::OneTime], vec![Term::OneYear, Term::ThreeYears])
                    }
                    Family::PerpetualSoftware => (vec![BillingFrequency::OneTime], vec![]),
                    Family::AzureReservation => (
                        vec![BillingFrequency::OneTime, BillingFrequency::Monthly],
                        vec![Term::OneYear, Term::ThreeYears],
                    ),
                    _ => (vec![BillingFrequency::Monthly, BillingFrequency::Annual], vec![Term::OneYear]),
                };
                let unit = 100 + rng.below(5000) as i64;
                let prices = billing
                    .iter()
                    .filter(|b| **b != BillingFrequency::None)
                    .flat_map(|b| {
                        let ts: Vec<Option<Term>> =
                            if terms.is_empty() { vec![None] } else { terms.iter().copied().map(Some).collect() };
                        ts.into_iter().map(move |t| Price {
                            billing: *b,
                            term: t,
                            amounts: Currency::ALL.iter().map(|c| (*c, unit)).collect(),
                        })
                    })
                    .collect();
                Offer {
                    id: OfferId(format!("gen-{i:05}")),
                    name: format!("Generated {family:?} {i}"),
                    publisher: if partner { format!("ISV {}", i % 97) } else { "Microsoft".into() },
                    publisher_kind: if partner { PublisherKind::Partner } else { PublisherKind::Microsoft },
                    family,
                    billing_type: if family == Family::IsvSaasMetered {
                        BillingType::Usage
                    } else {
                        BillingType::License
                    },
                    category: if family == Family::MicrosoftTrial {
                        Category::Trial
                    } else if rng.below(2) == 0 {
                        Category::SmallBusiness
                    } else {
                        Category::Enterprise
                    },
                    segment,
                    countries: sold,
                    billing,
                    terms,
                    min_quantity: 1,
                    max_quantity: if family == Family::MicrosoftTrial { 25 } else { 299 },
                    purchase_limit,
                    add_ons: vec![],
                    requires_base: vec![],
                    // Trials convert to the online-services offer generated two places before them.
                    trial_of: (family == Family::MicrosoftTrial && i >= 2)
                        .then(|| OfferId(format!("gen-{:05}", i - 2))),
                    trial_offer: None,
                    prices,
                    isv,
                    setup_url: None,
                    reservation: (family == Family::AzureReservation)
                        .then(|| ReservationSpec { vm_size: "Standard_D2s_v3".into(), region: "eastus".into() }),
                    free_trial_days: None,
                }
            })
            .collect();
        Catalog::new(offers)
    }
}

/// A tiny deterministic generator (SplitMix64): tests need variety, never randomness.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const CATALOG_JSON: &str = include_str!("../data/catalog.json");

/// The built-in catalog, parsed once and shared. A catalog file that fails to parse yields an empty
/// catalog (a test guards the file), never a panic.
pub fn builtin() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| Arc::new(Catalog::from_json(CATALOG_JSON).unwrap_or_default())).clone()
}

/// The filters of the Add products page; `None` / empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfferFilter {
    pub tab: Option<Tab>,
    pub publisher: Option<PublisherKind>,
    pub billing_type: Option<BillingType>,
    pub category: Option<Category>,
    pub segment: Option<Segment>,
    /// Case-insensitive, over name and publisher.
    pub text: String,
}

/// The listed offers matching every filter, in catalog order. Add-ons are never listed.
pub fn search<'a>(catalog: &'a Catalog, filter: &OfferFilter) -> Vec<&'a Offer> {
    search_positions(catalog, filter).into_iter().map(|i| &catalog.offers[i]).collect()
}

/// [`search`] as positions in [`Catalog::offers`]: a page can keep every match of a large catalog and copy
/// only the offers it shows.
pub fn search_positions(catalog: &Catalog, filter: &OfferFilter) -> Vec<usize> {
    let needle = filter.text.trim().to_lowercase();
    catalog
        .offers
        .iter()
        .zip(&catalog.search_keys)
        .enumerate()
        .filter(|(_, (o, _))| match o.family.tab() {
            None => false,
            Some(tab) => filter.tab.is_none_or(|t| t == tab),
        })
        .filter(|(_, (o, _))| filter.publisher.is_none_or(|p| p == o.publisher_kind))
        .filter(|(_, (o, _))| filter.billing_type.is_none_or(|b| b == o.billing_type))
        .filter(|(_, (o, _))| filter.category.is_none_or(|c| c == o.category))
        .filter(|(_, (o, _))| filter.segment.is_none_or(|s| s == o.segment))
        .filter(|(_, (_, (name, publisher)))| {
            needle.is_empty() || name.contains(&needle) || publisher.contains(&needle)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests;
