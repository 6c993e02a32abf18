//! The software key-access and download log (RULES §5, §1.2): who got a key, issued, copied or used a
//! download link, when, for which customer, product and selection. Kept apart from the general activity
//! log because other roles may read it (Global, Account, Referral and Marketing content admins).

use super::selection::ProductSelection;
use super::DownloadLinkId;
use crate::export::Cell;
use crate::ids::{CustomerId, SoftwarePurchaseId, UserId};
use crate::records::SoftwarePurchase;
use crate::rejection::Rejection;
use crate::roles::Permission;
use crate::State;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccessKind {
    KeyAccessed,
    LinkIssued,
    Downloaded,
    LinkCopied,
}

impl AccessKind {
    /// Stable code for CSV (the UI shows a localised label).
    pub const fn code(self) -> &'static str {
        match self {
            AccessKind::KeyAccessed => "key-accessed",
            AccessKind::LinkIssued => "link-issued",
            AccessKind::Downloaded => "downloaded",
            AccessKind::LinkCopied => "link-copied",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoftwareAccess {
    /// The simulated "now" of the command.
    pub at: DateTime<Utc>,
    pub user: UserId,
    /// The user's name at the time (users can be renamed or removed later).
    pub user_name: String,
    pub customer: CustomerId,
    pub purchase: SoftwarePurchaseId,
    /// The product name as bought.
    pub product: String,
    pub selection: ProductSelection,
    pub kind: AccessKind,
    pub link: Option<DownloadLinkId>,
}

pub(crate) fn access(
    state: &State,
    actor: &UserId,
    now: DateTime<Utc>,
    p: &SoftwarePurchase,
    selection: ProductSelection,
    kind: AccessKind,
    link: Option<DownloadLinkId>,
) -> SoftwareAccess {
    SoftwareAccess {
        at: now,
        user: actor.clone(),
        user_name: state.user(actor).map(|u| u.name.clone()).unwrap_or_default(),
        customer: p.customer.clone(),
        purchase: p.id.clone(),
        product: p.name.clone(),
        selection,
        kind,
        link,
    }
}

/// May `actor` read this log? The app calls it before showing the page, to explain a refusal.
pub fn authorize_view_activity(state: &State, actor: &UserId) -> Result<(), Rejection> {
    crate::authorize(state, actor, Permission::ViewSoftwareActivity)
}

/// The page's default range: the last month up to today (`to` = today, `from` = same day a month earlier).
pub fn default_range(now: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
    let to = now.date_naive();
    let from = to.checked_sub_months(Months::new(1)).unwrap_or(to);
    (from, to)
}

/// Entries whose date lies in `from..=to` (either bound optional), newest first.
pub fn access_log(state: &State, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Vec<&SoftwareAccess> {
    let mut out: Vec<&SoftwareAccess> =
        state.software_access.iter().filter(|e| crate::dates::within(e.at, from, to)).collect();
    // Stable sort keeps the append order for entries of the same instant, reversed below.
    out.reverse();
    crate::sort::sort_by_key(&mut out, |e| std::cmp::Reverse(e.at));
    out
}

/// Language-neutral column keys of the CSV export; the app may pass translated headers to [`access_csv`].
pub const CSV_COLUMNS: [&str; 10] =
    ["time", "user", "user_id", "customer", "purchase", "product", "version", "language", "bit", "action"];

/// One CSV row for an entry (time in RFC 3339 UTC).
pub fn access_csv_row(e: &SoftwareAccess) -> Vec<Cell> {
    vec![
        Cell::Number(crate::dates::iso_second(e.at)),
        Cell::text(e.user_name.clone()),
        Cell::text(e.user.to_string()),
        Cell::text(e.customer.to_string()),
        Cell::text(e.purchase.to_string()),
        Cell::text(e.product.clone()),
        Cell::text(e.selection.version.code()),
        Cell::text(e.selection.language.code()),
        Cell::text(e.selection.bit.code()),
        Cell::text(e.kind.code()),
    ]
}

/// The whole export (the app's one CSV writer: BOM, header, CRLF rows).
pub fn access_csv<S: AsRef<str>>(header: &[S], entries: &[&SoftwareAccess]) -> String {
    let rows: Vec<Vec<Cell>> = entries.iter().map(|e| access_csv_row(e)).collect();
    crate::export::write(header, &rows)
}
