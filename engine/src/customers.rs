//! Customers of the partner (RULES §1.3): who they are, where they are billed, which segment they
//! qualify for. The add/edit form arrives as raw strings so that the engine, not the UI, validates
//! every field and reports every problem at once.

use crate::audit::AuditAction;
use crate::ids::{Counters, CustomerId};
use crate::partner::{check_country, check_name};
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Segment qualification of a customer, and the segment an offer is sold to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Segment {
    Commercial,
    Education,
    Government,
    NonProfit,
}

impl Segment {
    pub const ALL: [Segment; 4] = [Segment::Commercial, Segment::Education, Segment::Government, Segment::NonProfit];

    /// Table 1.3: may a customer of this segment buy an offer of segment `offer`?
    /// (The Government lock — nothing else once a Government subscription is held — is in eligibility.)
    pub fn may_buy(self, offer: Segment) -> bool {
        match self {
            Segment::Commercial => offer == Segment::Commercial,
            Segment::Education => matches!(offer, Segment::Commercial | Segment::Education),
            Segment::NonProfit => matches!(offer, Segment::Commercial | Segment::NonProfit),
            Segment::Government => offer == Segment::Government,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub company_name: String,
    /// Lower-case `name.onmicrosoft.com`.
    pub domain: String,
    /// GUID-formatted, derived from the ID (deterministic; see [`tenant_id`]).
    pub tenant_id: String,
    /// ISO 3166-1 alpha-2 billing country.
    pub country: String,
    pub segment: Segment,
    pub account_opened: NaiveDate,
    /// First day of the first billing period (the suspension retention rule uses the gap).
    pub first_billing: NaiveDate,
    pub created_at: DateTime<Utc>,
}

impl Customer {
    /// Days from the account's opening to its first billing period (RULES §4.3).
    pub fn days_opened_to_first_billing(&self) -> i64 {
        (self.first_billing - self.account_opened).num_days()
    }
}

/// The Add / Edit customer form exactly as the user typed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerForm {
    pub company_name: String,
    /// `contoso` or `contoso.onmicrosoft.com`, any case.
    pub domain: String,
    /// ISO code, any case.
    pub country: String,
    pub segment: Option<Segment>,
    /// `YYYY-MM-DD`.
    pub account_opened: String,
    /// `YYYY-MM-DD`.
    pub first_billing: String,
}

/// The suffix every primary domain carries.
pub const DOMAIN_SUFFIX: &str = ".onmicrosoft.com";
/// Longest DNS label.
pub const MAX_DOMAIN_LABEL: u32 = 63;

/// Normalise a primary domain: trim, lower-case, accept it with or without the suffix. The label is
/// 1–63 characters of `a-z`, `0-9` and inner hyphens.
pub fn normalise_domain(input: &str) -> Result<String, Problem> {
    let lower = input.trim().to_ascii_lowercase();
    if lower.is_empty() {
        return Err(Problem::Required);
    }
    let label = lower.strip_suffix(DOMAIN_SUFFIX).unwrap_or(&lower);
    if label.chars().count() > MAX_DOMAIN_LABEL as usize {
        return Err(Problem::TooLong { max: MAX_DOMAIN_LABEL });
    }
    let ok_chars = label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if label.is_empty() || !ok_chars || label.starts_with('-') || label.ends_with('-') {
        return Err(Problem::InvalidDomain);
    }
    Ok(format!("{label}{DOMAIN_SUFFIX}"))
}

/// A deterministic GUID-formatted tenant ID derived from the customer ID (two FNV-1a hashes), so that
/// replaying the same commands yields the same tenant.
pub fn tenant_id(id: &CustomerId) -> String {
    let h = |seed: u64| id.as_str().bytes().fold(seed, |acc, b| (acc ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3));
    let (a, b) = (h(0xcbf2_9ce4_8422_2325), h(0x84222325_cbf29ce4));
    // Version-4 layout (the nibbles a GUID reader expects), but the bits come from the hash.
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    let a = (a & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

/// The validated values of a form.
struct Valid {
    company_name: String,
    domain: String,
    country: String,
    segment: Segment,
    account_opened: NaiveDate,
    first_billing: NaiveDate,
}

impl Valid {
    /// The customer record with these values; the identity and creation time are kept from the caller
    /// (new on add, the existing record's on edit).
    fn into_customer(self, tenant_id: String, id: CustomerId, created_at: DateTime<Utc>) -> Customer {
        Customer {
            id,
            company_name: self.company_name,
            domain: self.domain,
            tenant_id,
            country: self.country,
            segment: self.segment,
            account_opened: self.account_opened,
            first_billing: self.first_billing,
            created_at,
        }
    }
}

fn parse_date(field: Field, value: &str, out: &mut Vec<Violation>) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        out.push(Violation::Invalid { field, problem: Problem::Required });
        return None;
    }
    let parsed = crate::dates::parse_iso_date(v);
    if parsed.is_none() {
        out.push(Violation::Invalid { field, problem: Problem::InvalidDate });
    }
    parsed
}

/// Validate every field; `except` is the customer being edited (its own domain is not "taken").
fn validate(
    state: &State,
    except: Option<&CustomerId>,
    form: &CustomerForm,
    now: DateTime<Utc>,
) -> Result<Valid, Rejection> {
    let mut v = Vec::new();
    check_name(Field::CustomerName, &form.company_name, &mut v);
    let domain = match normalise_domain(&form.domain) {
        Ok(d) => {
            let taken = state.customers.values().any(|c| Some(&c.id) != except && c.domain.eq_ignore_ascii_case(&d));
            if taken {
                v.push(Violation::Invalid { field: Field::CustomerDomain, problem: Problem::Taken });
            }
            Some(d)
        }
        Err(problem) => {
            v.push(Violation::Invalid { field: Field::CustomerDomain, problem });
            None
        }
    };
    let country = check_country(Field::CustomerCountry, &form.country, &mut v);
    if form.segment.is_none() {
        v.push(Violation::Invalid { field: Field::CustomerSegment, problem: Problem::Required });
    }
    let opened = parse_date(Field::CustomerAccountOpened, &form.account_opened, &mut v);
    let first = parse_date(Field::CustomerFirstBilling, &form.first_billing, &mut v);
    let today = now.date_naive();
    if opened.is_some_and(|o| o > today) {
        v.push(Violation::Invalid { field: Field::CustomerAccountOpened, problem: Problem::DateAfter { max: today } });
    }
    if let (Some(o), Some(f)) = (opened, first) {
        if f < o {
            v.push(Violation::Invalid { field: Field::CustomerFirstBilling, problem: Problem::DateBefore { min: o } });
        }
    }
    match (domain, country, form.segment, opened, first) {
        (Some(domain), Some(country), Some(segment), Some(account_opened), Some(first_billing)) if v.is_empty() => {
            Ok(Valid {
                company_name: form.company_name.trim().to_string(),
                domain,
                country: country.to_string(),
                segment,
                account_opened,
                first_billing,
            })
        }
        // Every `None` above pushed a violation, so this is never an empty rejection.
        _ => Err(Rejection { violations: v }),
    }
}

pub(crate) type Decided = Result<(Vec<Event>, AuditNote), Rejection>;

pub(crate) fn decide_add(state: &State, form: &CustomerForm, now: DateTime<Utc>) -> Decided {
    let valid = validate(state, None, form, now)?;
    let id = CustomerId(Counters::format("C", state.counters.customer + 1));
    let customer = valid.into_customer(tenant_id(&id), id.clone(), now);
    let note = AuditNote::new(AuditAction::CustomerAdded, describe(&customer)).for_customer(id);
    Ok((vec![Event::CustomerAdded(customer)], note))
}

pub(crate) fn decide_edit(state: &State, id: &CustomerId, form: &CustomerForm, now: DateTime<Utc>) -> Decided {
    let Some(existing) = state.customers.get(id) else {
        return Err(Rejection::one(Violation::NoSuchCustomer { customer: id.clone() }));
    };
    let valid = validate(state, Some(id), form, now)?;
    let customer = valid.into_customer(existing.tenant_id.clone(), existing.id.clone(), existing.created_at);
    let note = AuditNote::new(AuditAction::CustomerUpdated, describe(&customer)).for_customer(id.clone());
    Ok((vec![Event::CustomerUpdated(customer)], note))
}

pub(crate) fn evolve_added(state: &mut State, customer: &Customer) {
    Counters::observe(&mut state.counters.customer, customer.id.as_str());
    state.customers.entry(customer.id.clone()).or_insert_with(|| customer.clone());
}

pub(crate) fn evolve_updated(state: &mut State, customer: &Customer) {
    if let Some(c) = state.customers.get_mut(&customer.id) {
        *c = customer.clone();
    }
}

fn describe(c: &Customer) -> String {
    format!("{} <{}> {} {:?}", c.company_name, c.domain, c.country, c.segment)
}

/// Customers whose company name or domain contains `text` (case-insensitive), by company name.
pub fn search<'a>(state: &'a State, text: &str) -> Vec<&'a Customer> {
    search_with(state, text, str::to_lowercase)
}

/// [`search`] with the caller's text comparison: `fold` maps the search text and each company name to what
/// is compared (the app's folds accents too, with the browser's Unicode data). Domains are lower-case ASCII:
/// only the search text is folded to meet them.
pub fn search_with<'a>(state: &'a State, text: &str, fold: impl Fn(&str) -> String) -> Vec<&'a Customer> {
    let needle = fold(text.trim());
    let mut out: Vec<(String, &Customer)> = state
        .customers
        .values()
        .map(|c| (fold(&c.company_name), c))
        .filter(|(name, c)| needle.is_empty() || name.contains(&needle) || c.domain.contains(&needle))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    out.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests;
