//! The partner's own price lists (RULES §2.5): imported from Partner Center's license-based CSV
//! ([`parse`]), previewed against the prices in force ([`preview`]), then applied
//! (`Command::ImportPriceList`), each effective from its rows' Valid-from dates.
//!
//! **How a row prices an offer.** A row gives one list price per offer and currency: the price of the
//! offer's *reference* plan, its first price in the catalog (e.g. monthly on a one-year term). Every
//! other plan of the offer moves by the same ratio (rounded half away from zero), so annual and monthly
//! keep their relation. The ERP price is scaled the same way.
//!
//! **Which row is in force on a date**: among the rows for the offer and currency whose Valid-from is on
//! or before the date and whose Valid-to (if any) is on or after it, the one with the latest Valid-from
//! (a later import wins a tie). None: the catalog's own price. A DEL row in force withdraws the offer:
//! it cannot be bought from that date (existing subscriptions renew at their last price).

pub mod parse;

#[cfg(test)]
mod tests;

use crate::audit::AuditAction;
use crate::catalog::Offer;
use crate::ids::{OfferId, UserId};
use crate::money::{div_round_half_up, Currency, Money};
use crate::records::{BillingFrequency, Term};
use crate::rejection::{Rejection, Violation};
use crate::state::State;
use crate::{AuditNote, Event};
use chrono::{DateTime, NaiveDate, Utc};
pub use parse::{parse, Column, FileProblem, Parsed, RejectedRow, RowProblem};
use serde::{Deserialize, Serialize};

/// The change indicator of a row.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Change {
    Add,
    Chg,
    Del,
    Unc,
}

impl Change {
    pub fn from_code(raw: &str) -> Option<Change> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "ADD" => Some(Change::Add),
            "CHG" => Some(Change::Chg),
            "DEL" => Some(Change::Del),
            "UNC" => Some(Change::Unc),
            _ => None,
        }
    }
}

/// License agreement type: Partner Center's name for the segment (RULES §2.5).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Agreement {
    Corporate,
    Government,
    Academic,
    Charity,
}

impl Agreement {
    pub fn from_name(raw: &str) -> Option<Agreement> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "corporate" | "commercial" => Some(Agreement::Corporate),
            "government" => Some(Agreement::Government),
            "academic" | "education" => Some(Agreement::Academic),
            "charity" | "nonprofit" | "non-profit" => Some(Agreement::Charity),
            _ => None,
        }
    }
}

/// Secondary license type.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Secondary {
    NonSpecific,
    AddOn,
    Trial,
}

impl Secondary {
    pub fn from_name(raw: &str) -> Option<Secondary> {
        match raw.trim().to_ascii_lowercase().replace([' ', '_'], "-").as_str() {
            "non-specific" | "nonspecific" => Some(Secondary::NonSpecific),
            "add-on" | "addon" => Some(Secondary::AddOn),
            "trial" => Some(Secondary::Trial),
            _ => None,
        }
    }
}

/// One imported row: the price of the offer's reference plan from `valid_from`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceEntry {
    pub offer: OfferId,
    pub currency: Currency,
    pub change: Change,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    /// What the partner pays, in minor units of `currency`.
    pub list: i64,
    /// Estimated retail price, in minor units.
    pub erp: i64,
    /// The offer display name as the file gave it.
    pub name: String,
    #[serde(default)]
    pub agreement: Option<Agreement>,
    #[serde(default)]
    pub secondary: Option<Secondary>,
    #[serde(default)]
    pub purchase_unit: String,
    #[serde(default)]
    pub end_customer: String,
}

impl PriceEntry {
    fn covers(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// One applied import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceList {
    /// 1, 2, … in import order.
    pub number: u32,
    /// The file's name, as the user picked it.
    pub file: String,
    pub imported_at: DateTime<Utc>,
    pub by: UserId,
    /// The earliest Valid-from of its rows.
    pub valid_from: NaiveDate,
    /// Rows not imported (rejected), for the record.
    #[serde(default)]
    pub rejected: usize,
    /// Sorted by (offer, currency), one per pair: found by binary search.
    pub entries: Vec<PriceEntry>,
}

impl PriceList {
    fn find(&self, offer: &OfferId, currency: Currency) -> Option<&PriceEntry> {
        self.entries
            .binary_search_by(|e| (&e.offer, e.currency).cmp(&(offer, currency)))
            .ok()
            .and_then(|i| self.entries.get(i))
    }
}

/// The row in force for `offer` in `currency` on `date`, across every imported list.
pub fn in_force<'a>(
    lists: &'a [PriceList],
    offer: &OfferId,
    currency: Currency,
    date: NaiveDate,
) -> Option<&'a PriceEntry> {
    let mut best: Option<&PriceEntry> = None;
    for list in lists {
        if let Some(e) = list.find(offer, currency).filter(|e| e.covers(date)) {
            if best.is_none_or(|b| e.valid_from >= b.valid_from) {
                best = Some(e);
            }
        }
    }
    best
}

/// The offer's reference plan price in the catalog (what a row's list price replaces).
pub fn reference_price(offer: &Offer, currency: Currency) -> Option<Money> {
    offer.prices.iter().find_map(|p| p.amounts.get(&currency)).map(|m| Money::new(*m, currency))
}

/// `catalog_amount` moved by the ratio `to / reference`.
fn rescale(catalog_amount: i64, reference: i64, to: i64) -> i64 {
    if reference == 0 {
        return to;
    }
    div_round_half_up(catalog_amount as i128 * to as i128, reference as i128) as i64
}

/// The list and ERP price of one plan of an offer on `date`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// What the partner pays.
    pub list: Money,
    /// Estimated retail, known only from an imported list.
    pub erp: Option<Money>,
    /// The offer is withdrawn (DEL) on the date, since this day.
    pub withdrawn: Option<NaiveDate>,
}

impl Quote {
    /// ERP minus list price, when the ERP is known.
    pub fn margin(&self) -> Option<Money> {
        self.erp.map(|e| Money::new(e.minor - self.list.minor, e.currency))
    }
}

/// The price of a plan in force on `date` (RULES §2.5); `None` when the offer has no such plan or no
/// price in `currency`. Free plans cost zero.
pub fn quote(
    lists: &[PriceList],
    offer: &Offer,
    currency: Currency,
    billing: BillingFrequency,
    term: Option<Term>,
    date: NaiveDate,
) -> Option<Quote> {
    let base = offer.price(currency, billing, term);
    let entry = if lists.is_empty() { None } else { in_force(lists, &offer.id, currency, date) };
    let Some(entry) = entry else {
        return base.map(|list| Quote { list, erp: None, withdrawn: None });
    };
    if entry.change == Change::Del {
        return base.map(|list| Quote { list, erp: None, withdrawn: Some(entry.valid_from) });
    }
    if billing == BillingFrequency::None {
        return base.map(|list| Quote { list, erp: None, withdrawn: None });
    }
    let reference = reference_price(offer, currency).map(|m| m.minor).unwrap_or(0);
    // A plan the catalog lacks in this currency takes the row's price when it is the reference plan.
    let amount = base.map(|b| b.minor).or_else(|| (reference == 0).then_some(0))?;
    Some(Quote {
        list: Money::new(rescale(amount, reference, entry.list), currency),
        erp: Some(Money::new(rescale(amount, reference, entry.erp), currency)),
        withdrawn: None,
    })
}

/// The unit price a purchase made on `date` pays (the catalog's when no list is in force).
pub fn price_on(
    state: &State,
    offer: &Offer,
    currency: Currency,
    billing: BillingFrequency,
    term: Option<Term>,
    date: NaiveDate,
) -> Option<Money> {
    quote(&state.price_lists, offer, currency, billing, term, date).map(|q| q.list)
}

/// The unit price a subscription renewing on `date` pays from then on (RULES §2.5): the price in force
/// for its offer and plan; `None` (keep its price) when no list was imported, the offer is withdrawn
/// (it renews at its last price) or has no such plan.
pub fn renewal_price(state: &State, sub: &crate::records::Subscription, date: NaiveDate) -> Option<Money> {
    if state.price_lists.is_empty() || sub.unit_price.is_zero() {
        return None;
    }
    let offer = state.catalog.get(&sub.offer)?;
    let term =
        offer.terms.iter().copied().find(|t| t.months() == state.policy.term_months).or(offer.terms.first().copied());
    let q = quote(&state.price_lists, offer, sub.unit_price.currency, sub.billing, term, date)?;
    q.withdrawn.is_none().then_some(q.list)
}

/// The ERP price and margin of one plan of an offer on the simulated date, in the partner's currency,
/// when an imported list gives them (what the catalog and Review show beside the price).
pub fn erp_now(
    state: &State,
    offer: &OfferId,
    billing: BillingFrequency,
    term: Option<Term>,
) -> Option<(Money, Money)> {
    if state.price_lists.is_empty() {
        return None;
    }
    let offer = state.catalog.get(offer)?;
    let q = quote(&state.price_lists, offer, state.partner.currency(), billing, term, state.clock.date_naive())?;
    Some((q.erp?, q.margin()?))
}

/// The day from which `offer` is withdrawn, if a DEL row is in force on `date`.
pub fn withdrawn_on(state: &State, offer: &OfferId, currency: Currency, date: NaiveDate) -> Option<NaiveDate> {
    in_force(&state.price_lists, offer, currency, date).filter(|e| e.change == Change::Del).map(|e| e.valid_from)
}

/// One offer in a preview: its reference price before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewLine {
    pub offer: OfferId,
    pub name: String,
    pub valid_from: NaiveDate,
    /// The reference price in force on `valid_from` before this list (`None`: none in this currency).
    pub old: Option<Money>,
    pub new: Money,
    pub erp: Money,
}

/// What applying a file would do, before anything changes.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Preview {
    pub added: Vec<PreviewLine>,
    pub changed: Vec<PreviewLine>,
    pub removed: Vec<PreviewLine>,
    pub unchanged: usize,
    pub rejected: Vec<RejectedRow>,
    /// The earliest Valid-from of the rows that would be imported.
    pub valid_from: Option<NaiveDate>,
}

impl Preview {
    /// Rows that would be imported.
    pub fn importable(&self) -> usize {
        self.added.len() + self.changed.len() + self.removed.len() + self.unchanged
    }
}

/// Compare a parsed file with the prices in force (pure; the state is untouched).
pub fn preview(state: &State, parsed: &Parsed) -> Preview {
    let mut p = Preview { rejected: parsed.rejected.clone(), ..Preview::default() };
    for row in &parsed.rows {
        p.valid_from = Some(p.valid_from.map_or(row.valid_from, |d| d.min(row.valid_from)));
        let Some(offer) = state.catalog.get(&row.offer) else { continue };
        let before = in_force(&state.price_lists, &row.offer, row.currency, row.valid_from);
        let old = match before {
            Some(e) if e.change == Change::Del => None,
            Some(e) => Some(Money::new(e.list, row.currency)),
            None => reference_price(offer, row.currency),
        };
        let line = PreviewLine {
            offer: row.offer.clone(),
            name: row.name.clone(),
            valid_from: row.valid_from,
            old,
            new: Money::new(row.list, row.currency),
            erp: Money::new(row.erp, row.currency),
        };
        match (row.change, old) {
            (Change::Del, _) => p.removed.push(line),
            (Change::Add, _) | (_, None) => p.added.push(line),
            (_, Some(o)) if o.minor != row.list => p.changed.push(line),
            _ => p.unchanged += 1,
        }
    }
    p
}

/// `Command::ImportPriceList`: parse the file again (the engine decides from the file itself, so a
/// replayed journal entry reaches the same list), refuse an unreadable file or one without an
/// importable row, and store the rest.
pub fn decide_import(
    state: &State,
    actor: &UserId,
    file: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(Vec<Event>, AuditNote), Rejection> {
    let parsed = parse(text, &state.catalog).map_err(|p| Rejection::one(Violation::PriceListRefused(p)))?;
    let rejected = parsed.rejected.len();
    let mut entries = parsed.rows;
    let Some(valid_from) = entries.iter().map(|e| e.valid_from).min() else {
        return Err(Rejection::one(Violation::PriceListNoRows { rejected }));
    };
    crate::sort::sort_by(&mut entries, |a, b| (&a.offer, a.currency).cmp(&(&b.offer, b.currency)));
    let number = state.price_lists.last().map_or(1, |l| l.number + 1);
    let details = format!("{file}: {} rows, {rejected} rejected, valid from {valid_from}", entries.len());
    let list = PriceList {
        number,
        file: file.to_string(),
        imported_at: now,
        by: actor.clone(),
        valid_from,
        rejected,
        entries,
    };
    Ok((vec![Event::PriceListImported(Box::new(list))], AuditNote::new(AuditAction::PriceListImported, details)))
}

pub(crate) fn evolve_imported(state: &mut State, list: &PriceList) {
    if state.price_lists.iter().all(|l| l.number != list.number) {
        state.price_lists.push(list.clone());
    }
}
