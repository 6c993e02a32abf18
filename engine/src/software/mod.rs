//! Software after the purchase (RULES §5): Windows Server and SQL Server subscriptions and perpetual
//! licences, their keys and download links, the key-access log, cancellation within the window, and the
//! support request where cancelling here is not possible.
//!
//! * [`selection`]: the Version / Language / Bit choices per product family, as data.
//! * [`keys`]: deterministic product keys and link tokens (own stable hash).
//! * [`links`]: Get keys and downloads, Get key, Download, Copy link; link expiry.
//! * [`activity`]: the software access log, its date filter and CSV export.
//! * [`cancel`]: the cancellation window, quote, credit and Order number choices.
//! * [`support`]: the "CSP Purchase/Refund on behalf of customers" request.
//!
//! Every command needs `Permission::SoftwareKeysAndCancel` (Admin agent); opening the page needs
//! `Permission::OpenSoftware` ([`authorize_open_software`]), reading the log `ViewSoftwareActivity`.

pub mod activity;
pub mod cancel;
pub mod keys;
pub mod links;
pub mod selection;
pub mod support;

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;

pub use activity::{access_log, authorize_view_activity, AccessKind, SoftwareAccess};
pub use cancel::{cancellation_quote, credit_posted, order_choices, CancellationQuote, OrderChoice};
pub use keys::product_key;
pub use links::{current_link, key_for, link_status, links_of, DownloadLink, LinkExpiry, LinkState, LinkStatus};
pub use selection::{check_selection, choices_for, Bitness, Language, ProductSelection, SoftwareVersion};
pub use support::{support_requests_of, CspPurchaseRefund, SupportRequestForm};

use crate::billing::{term_end, Period};
use crate::ids::{CustomerId, SoftwarePurchaseId, UserId};
use crate::ledger::{ChargeType, LedgerEntry, LedgerIds, LedgerRef};
use crate::money::Money;
use crate::records::{PurchaseStatus, SoftwareKind, SoftwarePurchase};
use crate::rejection::{Rejection, Violation};
use crate::roles::Permission;
use crate::{AuditNote, Event, State};

pub(crate) type Decided = Result<(Vec<Event>, AuditNote), Rejection>;

/// A download link's ID (`DL-0001`), deterministic from the number of links issued.
pub use crate::ids::DownloadLinkId;

pub(crate) fn purchase<'a>(state: &'a State, id: &SoftwarePurchaseId) -> Result<&'a SoftwarePurchase, Rejection> {
    state.software.get(id).ok_or_else(|| Rejection::one(Violation::NoSuchSoftwarePurchase { purchase: id.clone() }))
}

/// May `actor` open a customer's Software page? The app calls it to explain a refusal.
pub fn authorize_open_software(state: &State, actor: &UserId) -> Result<(), Rejection> {
    crate::authorize(state, actor, Permission::OpenSoftware)
}

/// The Software page's list: every purchase of the customer, cancelled ones included, oldest first.
/// `has_key` is false for cancelled purchases and for plans without media.
pub fn purchases_of<'a>(state: &'a State, customer: &CustomerId) -> Vec<(&'a SoftwarePurchase, bool)> {
    let mut out: Vec<(&SoftwarePurchase, bool)> = state
        .software
        .values()
        .filter(|p| &p.customer == customer)
        .map(|p| (p, p.status == PurchaseStatus::Active && selection::ProductFamily::of(p).is_some()))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.0.purchased_at.cmp(&b.0.purchased_at).then_with(|| a.0.id.cmp(&b.0.id)));
    out
}

/// The one ledger entry of a software purchase (RULES §5, §7): a one-time [`ChargeType::Purchase`] of what
/// was paid, posted at purchase. A software subscription's entry covers its term; a perpetual licence or a
/// Linux plan covers no period. Nothing for a zero amount (checkout calls this for every purchase).
pub fn purchase_entry(ids: &mut LedgerIds, p: &SoftwarePurchase, unit_price: Money) -> Option<LedgerEntry> {
    if p.paid.is_zero() {
        return None;
    }
    let service = match p.kind {
        SoftwareKind::Subscription { years } => {
            let start = p.purchased_at.date_naive();
            Some(Period { start, end: term_end(start, years.max(1).saturating_mul(12)) })
        }
        SoftwareKind::Perpetual | SoftwareKind::LinuxPlan => None,
    };
    Some(LedgerEntry {
        id: ids.next_id(),
        posted_at: p.purchased_at,
        customer: p.customer.clone(),
        reference: LedgerRef::Software(p.id.clone()),
        order: Some(p.order.clone()),
        description: p.name.clone(),
        charge_type: ChargeType::Purchase,
        quantity: p.quantity,
        unit_price,
        amount: p.paid,
        service,
        period_start: service.map(|s| s.start),
    })
}

/// Apply a software event (other events are ignored).
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::DownloadLinkIssued { link, access } => {
            state.download_links.entry(link.id.clone()).or_insert_with(|| link.as_ref().clone());
            state.software_access.push(access.clone());
        }
        Event::SoftwareKeyAccessed { access } | Event::DownloadLinkCopied { access } => {
            state.software_access.push(access.clone());
        }
        Event::SoftwareDownloaded { link, access } => {
            if let Some(l) = state.download_links.get_mut(link) {
                l.downloads = l.downloads.saturating_add(1);
                l.last_download_at = Some(access.at);
            }
            state.software_access.push(access.clone());
        }
        Event::SoftwareCancelled { purchase, at, .. } => {
            if let Some(p) = state.software.get_mut(purchase) {
                p.status = PurchaseStatus::Cancelled;
                p.cancelled_at = Some(*at);
            }
            for l in state.download_links.values_mut().filter(|l| &l.purchase == purchase) {
                l.revoked_at.get_or_insert(*at);
            }
        }
        _ => {}
    }
}
