//! Hash routing: every page has a URL of the form `#/path?query`. The part after `#` never reaches the
//! server, so a deep link reloads on any static host (an object-store bucket, a CDN, a bare file server)
//! with no rewrite rule, under any path prefix; and links are plain anchors the browser handles itself,
//! so nothing intercepts clicks on a host page that embeds the app.

use std::fmt::Write;

use csp_engine::catalog::{BillingType, Category, PublisherKind, Tab};
use csp_engine::customers::Segment;
use csp_engine::ids::{CartId, CustomerId, ReservationId, SoftwarePurchaseId, SubscriptionId};
use csp_engine::records::SubscriptionStatus;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Customers(CustomerListQuery),
    NewCustomer,
    Customer {
        id: CustomerId,
        tab: CustomerTab,
    },
    EditCustomer {
        id: CustomerId,
    },
    AddProducts {
        customer: CustomerId,
        query: CatalogQuery,
    },
    Cart {
        customer: CustomerId,
    },
    Review {
        customer: CustomerId,
    },
    Confirmation {
        customer: CustomerId,
        cart: CartId,
    },
    /// A subscription's page (status, quantity, add-ons, auto-renew, cancel, history).
    Subscription {
        customer: CustomerId,
        id: SubscriptionId,
    },
    /// A reservation's Manage page (Overview, Configuration, Properties).
    Reservation {
        customer: CustomerId,
        id: ReservationId,
    },
    /// The refund or exchange support-request wizard for one or more reservations.
    ReservationRequest {
        customer: CustomerId,
        kind: RequestKind,
        reservations: Vec<ReservationId>,
    },
    /// The "CSP Purchase/Refund on behalf of customers" support request form.
    SupportRequest {
        customer: CustomerId,
        purchase: Option<SoftwarePurchaseId>,
    },
    Billing,
    /// One invoice: the ledger entries of a calendar month.
    Invoice {
        year: i32,
        month: u32,
    },
    /// Subscriptions renewing, trials ending and suspensions expiring soon.
    Renewals,
    /// Every customer's subscriptions, filtered (status, customer, publisher, renews within N days).
    Subscriptions(SubscriptionListQuery),
    /// Who accessed software keys and downloads.
    SoftwareActivity,
    ActivityLog,
    Settings,
    /// Settings → Data: backups, the backup file, restore.
    Data,
    /// Settings → Price lists: import (preview, apply) and the lists imported (RULES §2.5).
    PriceLists,
    /// Settings → Policy: every policy value, its default and the rule it drives (the in-app rule book).
    Policy,
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Customers(CustomerListQuery::default())
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RequestKind {
    Refund,
    Exchange,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum CustomerTab {
    #[default]
    Subscriptions,
    Software,
    Reservations,
    Orders,
    Account,
}

impl CustomerTab {
    pub const ALL: [CustomerTab; 5] = [
        CustomerTab::Subscriptions,
        CustomerTab::Software,
        CustomerTab::Reservations,
        CustomerTab::Orders,
        CustomerTab::Account,
    ];

    fn slug(self) -> &'static str {
        match self {
            CustomerTab::Subscriptions => "subscriptions",
            CustomerTab::Software => "software",
            CustomerTab::Reservations => "reservations",
            CustomerTab::Orders => "orders",
            CustomerTab::Account => "account",
        }
    }

    fn from_slug(s: &str) -> Option<CustomerTab> {
        CustomerTab::ALL.into_iter().find(|t| t.slug() == s)
    }
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum CustomerSort {
    #[default]
    Name,
    Domain,
    Country,
    Segment,
}

impl CustomerSort {
    pub const ALL: [CustomerSort; 4] =
        [CustomerSort::Name, CustomerSort::Domain, CustomerSort::Country, CustomerSort::Segment];

    fn slug(self) -> &'static str {
        match self {
            CustomerSort::Name => "name",
            CustomerSort::Domain => "domain",
            CustomerSort::Country => "country",
            CustomerSort::Segment => "segment",
        }
    }
}

/// Search and sort of the Customers list, kept in the URL so a link shares the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerListQuery {
    pub text: String,
    pub sort: CustomerSort,
    pub descending: bool,
}

/// The filters of the partner-wide Subscriptions list, kept in the URL. `within` is the text typed for
/// "renews within N days", kept as typed so that a bad value can be shown with its message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubscriptionListQuery {
    pub status: Option<SubscriptionStatus>,
    pub customer: Option<CustomerId>,
    pub publisher: Option<PublisherKind>,
    pub within: String,
}

pub const STATUSES: [(&str, SubscriptionStatus); 5] = [
    ("active", SubscriptionStatus::Active),
    ("suspended", SubscriptionStatus::Suspended),
    ("cancelled", SubscriptionStatus::Cancelled),
    ("expired", SubscriptionStatus::Expired),
    ("deleted", SubscriptionStatus::Deleted),
];

/// The longest "renews within" accepted: ten years of days.
pub const MAX_WITHIN_DAYS: u32 = 3650;

impl SubscriptionListQuery {
    fn parse(pairs: &[(String, String)]) -> SubscriptionListQuery {
        SubscriptionListQuery {
            status: get(pairs, "status").and_then(|s| lookup(&STATUSES, s)),
            customer: get(pairs, "customer").filter(|c| !c.is_empty()).map(|c| CustomerId(c.to_string())),
            publisher: get(pairs, "publisher").and_then(|s| lookup(&PUBLISHERS, s)),
            within: get(pairs, "within").unwrap_or_default().to_string(),
        }
    }

    fn to_query(&self) -> String {
        query_string(&[
            ("status", self.status.map(|v| slug_of(&STATUSES, v)).unwrap_or_default().to_string()),
            ("customer", self.customer.as_ref().map(|c| c.0.clone()).unwrap_or_default()),
            ("publisher", self.publisher.map(|v| slug_of(&PUBLISHERS, v)).unwrap_or_default().to_string()),
            ("within", self.within.clone()),
        ])
    }

    /// "Renews within N days": `Ok(None)` when empty, [`BadDays`] unless a whole number from 0 to
    /// [`MAX_WITHIN_DAYS`].
    pub fn within_days(&self) -> Result<Option<u32>, BadDays> {
        let text = self.within.trim();
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<u32>() {
            Ok(n) if n <= MAX_WITHIN_DAYS && text.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
            _ => Err(BadDays),
        }
    }
}

/// "Renews within" is not a whole number of days from 0 to [`MAX_WITHIN_DAYS`] (the page words it).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct BadDays;

/// The Add products filters, kept in the URL (RULES §2.3). `None` is "any".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogQuery {
    pub tab: Tab,
    pub publisher: Option<PublisherKind>,
    pub billing_type: Option<BillingType>,
    pub category: Option<Category>,
    pub segment: Option<Segment>,
    pub text: String,
}

impl Default for CatalogQuery {
    fn default() -> Self {
        CatalogQuery {
            tab: Tab::OnlineServices,
            publisher: None,
            billing_type: None,
            category: None,
            segment: None,
            text: String::new(),
        }
    }
}

/// `(slug, value)` tables for the enums carried in query strings.
const TABS: [(&str, Tab); 3] = [("online", Tab::OnlineServices), ("software", Tab::Software), ("azure", Tab::Azure)];
pub const PUBLISHERS: [(&str, PublisherKind); 2] =
    [("microsoft", PublisherKind::Microsoft), ("partner", PublisherKind::Partner)];
const BILLING_TYPES: [(&str, BillingType); 2] = [("license", BillingType::License), ("usage", BillingType::Usage)];
const CATEGORIES: [(&str, Category); 3] =
    [("enterprise", Category::Enterprise), ("smallbusiness", Category::SmallBusiness), ("trial", Category::Trial)];
const SEGMENTS: [(&str, Segment); 4] = [
    ("commercial", Segment::Commercial),
    ("education", Segment::Education),
    ("government", Segment::Government),
    ("nonprofit", Segment::NonProfit),
];

fn lookup<T: Copy>(table: &[(&str, T)], slug: &str) -> Option<T> {
    table.iter().find(|(s, _)| *s == slug).map(|(_, v)| *v)
}

fn slug_of<T: Copy + PartialEq>(table: &[(&'static str, T)], value: T) -> &'static str {
    table.iter().find(|(_, v)| *v == value).map(|(s, _)| *s).unwrap_or("")
}

fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// `2026-11` → (2026, 11).
fn parse_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    let (year, month) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    ((1..=12).contains(&month) && (1900..=9999).contains(&year)).then_some((year, month))
}

/// Build `?a=b&c=d` from the pairs with a value (empty when none).
fn query_string(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> =
        pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}", encode(v))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

impl CatalogQuery {
    fn parse(pairs: &[(String, String)]) -> CatalogQuery {
        CatalogQuery {
            tab: get(pairs, "tab").and_then(|s| lookup(&TABS, s)).unwrap_or(Tab::OnlineServices),
            publisher: get(pairs, "publisher").and_then(|s| lookup(&PUBLISHERS, s)),
            billing_type: get(pairs, "billing").and_then(|s| lookup(&BILLING_TYPES, s)),
            category: get(pairs, "category").and_then(|s| lookup(&CATEGORIES, s)),
            segment: get(pairs, "segment").and_then(|s| lookup(&SEGMENTS, s)),
            text: get(pairs, "q").unwrap_or_default().to_string(),
        }
    }

    fn to_query(&self) -> String {
        query_string(&[
            ("tab", slug_of(&TABS, self.tab).to_string()),
            ("publisher", self.publisher.map(|v| slug_of(&PUBLISHERS, v)).unwrap_or_default().to_string()),
            ("billing", self.billing_type.map(|v| slug_of(&BILLING_TYPES, v)).unwrap_or_default().to_string()),
            ("category", self.category.map(|v| slug_of(&CATEGORIES, v)).unwrap_or_default().to_string()),
            ("segment", self.segment.map(|v| slug_of(&SEGMENTS, v)).unwrap_or_default().to_string()),
            ("q", self.text.clone()),
        ])
    }

    /// Same tab, every filter back to "any".
    pub fn cleared(&self) -> CatalogQuery {
        CatalogQuery { tab: self.tab, ..CatalogQuery::default() }
    }

    pub fn is_filtered(&self) -> bool {
        *self != self.cleared()
    }
}

impl CustomerListQuery {
    fn parse(pairs: &[(String, String)]) -> CustomerListQuery {
        CustomerListQuery {
            text: get(pairs, "q").unwrap_or_default().to_string(),
            sort: get(pairs, "sort")
                .and_then(|s| CustomerSort::ALL.into_iter().find(|c| c.slug() == s))
                .unwrap_or_default(),
            descending: get(pairs, "dir") == Some("desc"),
        }
    }

    fn to_query(&self) -> String {
        let sort = if self.sort == CustomerSort::Name { String::new() } else { self.sort.slug().to_string() };
        let dir = if self.descending { "desc".to_string() } else { String::new() };
        query_string(&[("q", self.text.clone()), ("sort", sort), ("dir", dir)])
    }
}

impl Route {
    /// Parse the fragment of a URL (with or without the leading `#`). Anything unknown is `NotFound`,
    /// never a panic: pasted links can hold anything.
    pub fn parse(hash: &str) -> Route {
        let raw = hash.trim_start_matches('#');
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        let pairs = query_pairs(query);
        let id = |s: &str| CustomerId(s.to_string());
        match segs.as_slice() {
            [] | ["customers"] => Route::Customers(CustomerListQuery::parse(&pairs)),
            ["customers", "new"] => Route::NewCustomer,
            ["customers", c] => Route::Customer { id: id(c), tab: CustomerTab::default() },
            ["customers", c, "edit"] => Route::EditCustomer { id: id(c) },
            ["customers", c, "add"] => Route::AddProducts { customer: id(c), query: CatalogQuery::parse(&pairs) },
            ["customers", c, "cart"] => Route::Cart { customer: id(c) },
            ["customers", c, "review"] => Route::Review { customer: id(c) },
            ["customers", c, "orders", cart] => Route::Confirmation { customer: id(c), cart: CartId(cart.to_string()) },
            ["customers", c, "subscriptions", s] => {
                Route::Subscription { customer: id(c), id: SubscriptionId(s.to_string()) }
            }
            ["customers", c, "reservations", "refund" | "exchange"] => Route::ReservationRequest {
                customer: id(c),
                kind: if segs[3] == "refund" { RequestKind::Refund } else { RequestKind::Exchange },
                reservations: get(&pairs, "ids")
                    .unwrap_or_default()
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| ReservationId(s.to_string()))
                    .collect(),
            },
            ["customers", c, "reservations", r] => {
                Route::Reservation { customer: id(c), id: ReservationId(r.to_string()) }
            }
            ["customers", c, "support"] => Route::SupportRequest {
                customer: id(c),
                purchase: get(&pairs, "purchase").filter(|p| !p.is_empty()).map(|p| SoftwarePurchaseId(p.to_string())),
            },
            ["customers", c, tab] if CustomerTab::from_slug(tab).is_some() => {
                Route::Customer { id: id(c), tab: CustomerTab::from_slug(tab).unwrap_or_default() }
            }
            ["billing"] => Route::Billing,
            ["billing", month] => match parse_month(month) {
                Some((year, month)) => Route::Invoice { year, month },
                None => Route::NotFound(raw.to_string()),
            },
            ["renewals"] => Route::Renewals,
            ["subscriptions"] => Route::Subscriptions(SubscriptionListQuery::parse(&pairs)),
            ["activity", "software"] => Route::SoftwareActivity,
            ["activity"] => Route::ActivityLog,
            ["settings"] => Route::Settings,
            ["settings", "data"] => Route::Data,
            ["settings", "price-lists"] => Route::PriceLists,
            ["settings", "policy"] => Route::Policy,
            _ => Route::NotFound(raw.to_string()),
        }
    }

    /// The fragment for this route, starting with `#/`.
    pub fn href(&self) -> String {
        let c = |id: &CustomerId| format!("#/customers/{}", encode(id.as_str()));
        match self {
            Route::Customers(q) => format!("#/customers{}", q.to_query()),
            Route::NewCustomer => "#/customers/new".into(),
            Route::Customer { id, tab: CustomerTab::Subscriptions } => c(id),
            Route::Customer { id, tab } => format!("{}/{}", c(id), tab.slug()),
            Route::EditCustomer { id } => format!("{}/edit", c(id)),
            Route::AddProducts { customer, query } => format!("{}/add{}", c(customer), query.to_query()),
            Route::Cart { customer } => format!("{}/cart", c(customer)),
            Route::Review { customer } => format!("{}/review", c(customer)),
            Route::Confirmation { customer, cart } => format!("{}/orders/{}", c(customer), encode(cart.as_str())),
            Route::Subscription { customer, id } => format!("{}/subscriptions/{}", c(customer), encode(id.as_str())),
            Route::Reservation { customer, id } => format!("{}/reservations/{}", c(customer), encode(id.as_str())),
            Route::ReservationRequest { customer, kind, reservations } => {
                let kind = match kind {
                    RequestKind::Refund => "refund",
                    RequestKind::Exchange => "exchange",
                };
                let ids = reservations.iter().map(|r| r.0.clone()).collect::<Vec<_>>().join(",");
                format!("{}/reservations/{kind}{}", c(customer), query_string(&[("ids", ids)]))
            }
            Route::SupportRequest { customer, purchase } => format!(
                "{}/support{}",
                c(customer),
                query_string(&[("purchase", purchase.as_ref().map(|p| p.0.clone()).unwrap_or_default())])
            ),
            Route::Billing => "#/billing".into(),
            Route::Invoice { year, month } => format!("#/billing/{year:04}-{month:02}"),
            Route::Renewals => "#/renewals".into(),
            Route::Subscriptions(q) => format!("#/subscriptions{}", q.to_query()),
            Route::SoftwareActivity => "#/activity/software".into(),
            Route::ActivityLog => "#/activity".into(),
            Route::Settings => "#/settings".into(),
            Route::Data => "#/settings/data".into(),
            Route::PriceLists => "#/settings/price-lists".into(),
            Route::Policy => "#/settings/policy".into(),
            Route::NotFound(raw) => {
                let mut out = String::from("#/");
                let _ = write!(out, "{}", raw.trim_start_matches('/'));
                out
            }
        }
    }

    /// The page instance a route shows: two routes with the same `page()` are one page, which the shell keeps
    /// instead of rebuilding. The Add products page follows its tab, filters and search from the route by
    /// itself; rebuilding it on each keystroke would recompute the customer's eligibility for the whole catalog.
    pub fn page(&self) -> Route {
        match self {
            Route::AddProducts { customer, .. } => {
                Route::AddProducts { customer: customer.clone(), query: CatalogQuery::default() }
            }
            // Rebuilt on each keystroke, the Customers page lost the focus of its search box.
            Route::Customers(_) => Route::default(),
            // The Subscriptions list follows its filters itself: typing N must not rebuild it (and lose focus).
            Route::Subscriptions(_) => Route::Subscriptions(SubscriptionListQuery::default()),
            other => other.clone(),
        }
    }

    /// The customer a route is about, if any (the header shows that customer's cart).
    pub fn customer(&self) -> Option<&CustomerId> {
        match self {
            Route::Customer { id, .. } | Route::EditCustomer { id } => Some(id),
            Route::Subscription { customer, .. }
            | Route::Reservation { customer, .. }
            | Route::ReservationRequest { customer, .. }
            | Route::SupportRequest { customer, .. }
            | Route::AddProducts { customer, .. }
            | Route::Cart { customer }
            | Route::Review { customer }
            | Route::Confirmation { customer, .. } => Some(customer),
            _ => None,
        }
    }

    /// The top-level section a route belongs to, for highlighting the navigation.
    pub fn section(&self) -> Section {
        match self {
            Route::Billing | Route::Invoice { .. } | Route::Renewals => Section::Billing,
            Route::ActivityLog | Route::SoftwareActivity => Section::ActivityLog,
            Route::Settings | Route::Data | Route::PriceLists | Route::Policy => Section::Settings,
            Route::Subscriptions(_) => Section::Subscriptions,
            _ => Section::Customers,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Section {
    Customers,
    Subscriptions,
    Billing,
    ActivityLog,
    Settings,
}

/// Percent-encode a path segment or query value (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decode percent-encoding; malformed escapes are kept literally (a pasted URL must not crash the app).
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_href_round_trip() {
        let c = |s: &str| CustomerId(s.into());
        let all_filters = CatalogQuery {
            tab: Tab::Azure,
            publisher: Some(PublisherKind::Partner),
            billing_type: Some(BillingType::Usage),
            category: Some(Category::SmallBusiness),
            segment: Some(Segment::NonProfit),
            text: "SQL Server & co".into(),
        };
        let cases = [
            ("", Route::default()),
            ("#", Route::default()),
            ("#/", Route::default()),
            ("#/customers", Route::default()),
            (
                "#/customers?q=contoso&sort=country&dir=desc",
                Route::Customers(CustomerListQuery {
                    text: "contoso".into(),
                    sort: CustomerSort::Country,
                    descending: true,
                }),
            ),
            ("#/customers/new", Route::NewCustomer),
            ("#/customers/C-0001", Route::Customer { id: c("C-0001"), tab: CustomerTab::Subscriptions }),
            ("#/customers/C-0001/orders", Route::Customer { id: c("C-0001"), tab: CustomerTab::Orders }),
            ("#/customers/C-0001/account", Route::Customer { id: c("C-0001"), tab: CustomerTab::Account }),
            ("#/customers/C-0001/edit", Route::EditCustomer { id: c("C-0001") }),
            ("#/customers/C-0001/add", Route::AddProducts { customer: c("C-0001"), query: CatalogQuery::default() }),
            (
                "#/customers/C-0001/add?tab=azure&publisher=partner&billing=usage&category=smallbusiness&segment=nonprofit&q=SQL%20Server%20%26%20co",
                Route::AddProducts { customer: c("C-0001"), query: all_filters.clone() },
            ),
            ("#/customers/C-0001/add?tab=bogus&publisher=nobody", Route::AddProducts { customer: c("C-0001"), query: CatalogQuery::default() }),
            ("#/customers/C-0001/cart", Route::Cart { customer: c("C-0001") }),
            ("#/customers/C-0001/review", Route::Review { customer: c("C-0001") }),
            ("#/customers/C-0001/orders/CART-0003", Route::Confirmation { customer: c("C-0001"), cart: CartId("CART-0003".into()) }),
            ("#/billing", Route::Billing),
            ("#/billing/2026-11", Route::Invoice { year: 2026, month: 11 }),
            ("#/billing/2026-13", Route::NotFound("/billing/2026-13".into())),
            ("#/renewals", Route::Renewals),
            ("#/subscriptions", Route::Subscriptions(SubscriptionListQuery::default())),
            (
                "#/subscriptions?status=suspended&customer=C-0005&publisher=partner&within=30",
                Route::Subscriptions(SubscriptionListQuery {
                    status: Some(SubscriptionStatus::Suspended),
                    customer: Some(c("C-0005")),
                    publisher: Some(PublisherKind::Partner),
                    within: "30".into(),
                }),
            ),
            (
                "#/subscriptions?status=bogus&publisher=nobody&within=abc",
                Route::Subscriptions(SubscriptionListQuery { within: "abc".into(), ..SubscriptionListQuery::default() }),
            ),
            ("#/activity/software", Route::SoftwareActivity),
            (
                "#/customers/C-0001/subscriptions/S-0003",
                Route::Subscription { customer: c("C-0001"), id: SubscriptionId("S-0003".into()) },
            ),
            (
                "#/customers/C-0001/reservations/RSV-0001",
                Route::Reservation { customer: c("C-0001"), id: ReservationId("RSV-0001".into()) },
            ),
            (
                "#/customers/C-0001/reservations/exchange?ids=RSV-0001,RSV-0002",
                Route::ReservationRequest {
                    customer: c("C-0001"),
                    kind: RequestKind::Exchange,
                    reservations: vec![ReservationId("RSV-0001".into()), ReservationId("RSV-0002".into())],
                },
            ),
            (
                "#/customers/C-0001/reservations/refund?ids=RSV-0001",
                Route::ReservationRequest {
                    customer: c("C-0001"),
                    kind: RequestKind::Refund,
                    reservations: vec![ReservationId("RSV-0001".into())],
                },
            ),
            ("#/customers/C-0001/support", Route::SupportRequest { customer: c("C-0001"), purchase: None }),
            (
                "#/customers/C-0001/support?purchase=SW-0002",
                Route::SupportRequest { customer: c("C-0001"), purchase: Some(SoftwarePurchaseId("SW-0002".into())) },
            ),
            ("#/activity", Route::ActivityLog),
            ("#/settings?x=1", Route::Settings),
            ("#/settings/data", Route::Data),
            ("#/settings/price-lists", Route::PriceLists),
            ("#/settings/price-lists/", Route::PriceLists),
            ("#/settings/policy", Route::Policy),
            ("#/settings/policy/extra", Route::NotFound("/settings/policy/extra".into())),
            ("#/customers/C-0001/nonsense", Route::NotFound("/customers/C-0001/nonsense".into())),
            ("#/nowhere/at/all", Route::NotFound("/nowhere/at/all".into())),
        ];
        for (hash, want) in cases {
            let got = Route::parse(hash);
            assert_eq!(got, want, "{hash:?}");
            assert_eq!(Route::parse(&got.href()), got, "round trip of {hash:?}");
        }
        assert!(all_filters.is_filtered());
        assert_eq!(all_filters.cleared(), CatalogQuery { tab: Tab::Azure, ..CatalogQuery::default() });
    }

    #[test]
    fn a_page_is_kept_while_only_what_it_follows_by_itself_changes() {
        let cases = [
            ("#/customers/C-0001/add", "#/customers/C-0001/add?q=office", true),
            ("#/customers/C-0001/add?tab=azure", "#/customers/C-0001/add?publisher=microsoft&segment=education", true),
            ("#/customers/C-0001/add", "#/customers/C-0002/add", false),
            ("#/customers/C-0001/add", "#/customers/C-0001/cart", false),
            ("#/customers/C-0001", "#/customers/C-0001/add", false),
            // The Customers page follows its search and sort from the route: typing keeps the page (and focus).
            ("#/customers?q=a", "#/customers?q=b", true),
            ("#/billing", "#/billing", true),
            ("#/subscriptions", "#/subscriptions?within=3", true),
            ("#/subscriptions?status=active", "#/billing", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(Route::parse(a).page() == Route::parse(b).page(), same, "{a} / {b}");
        }
    }

    #[test]
    fn renews_within_accepts_whole_days_up_to_ten_years() {
        let q = |w: &str| SubscriptionListQuery { within: w.into(), ..SubscriptionListQuery::default() };
        let cases: &[(&str, Result<Option<u32>, BadDays>)] = &[
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("0", Ok(Some(0))),
            ("30", Ok(Some(30))),
            (" 7 ", Ok(Some(7))),
            ("3650", Ok(Some(3650))),
            ("3651", Err(BadDays)),
            ("-1", Err(BadDays)),
            ("+5", Err(BadDays)),
            ("1.5", Err(BadDays)),
            ("abc", Err(BadDays)),
            ("99999999999", Err(BadDays)),
        ];
        for (text, want) in cases {
            assert_eq!(q(text).within_days(), *want, "{text:?}");
        }
    }

    #[test]
    fn percent_encoding() {
        let cases = ["plain", "a b", "Société Générale", "50%", "a/b?c=d&e#f", "+"];
        for value in cases {
            assert_eq!(decode(&encode(value)), value, "{value:?}");
        }
        assert_eq!(decode("bad%zz%"), "bad%zz%");
        assert_eq!(decode("%E9"), "\u{FFFD}", "invalid UTF-8 is replaced, not a crash");
    }
}
