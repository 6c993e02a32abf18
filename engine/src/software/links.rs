//! Keys and download links (RULES §5): **Get keys and downloads** issues a fresh link each time, valid for
//! `download_link_valid_days` after issue or `download_link_max_downloads` downloads, whichever comes first.
//!
//! Decisions:
//! * Each link lives on its own: issuing a new one does not shorten an older one the customer may hold.
//!   Cancelling the purchase revokes all of its links at once.
//! * A link issued at `t` is valid while `now < t + valid_days`; the `max`-th download is allowed and
//!   uses the link up (the expiry instant is then that download's time).
//! * Expiry is computed from the link and the policy when asked; no clock event is needed for it.
//! * Getting a key does not need a link: the key follows from the purchase and the selection alone.

use super::activity::{access, AccessKind};
use super::keys::{product_key, token};
use super::selection::{check_selection, ProductFamily, ProductSelection};
use super::{purchase, Decided, DownloadLinkId};
use crate::audit::AuditAction;
use crate::ids::{Counters, SoftwarePurchaseId, UserId};
use crate::policy::Policy;
use crate::records::{PurchaseStatus, SoftwarePurchase};
use crate::rejection::{Rejection, Violation};
use crate::{AuditNote, Event, State};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Where download URLs point. The download host is fictitious: the app serves a small text file.
pub const DOWNLOAD_HOST: &str = "https://download.csp-marketplace.example";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadLink {
    pub id: DownloadLinkId,
    pub purchase: SoftwarePurchaseId,
    pub selection: ProductSelection,
    pub url: String,
    pub issued_at: DateTime<Utc>,
    pub issued_by: UserId,
    pub downloads: u32,
    pub last_download_at: Option<DateTime<Utc>>,
    /// Set when the purchase is cancelled.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Why a link no longer works.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum LinkExpiry {
    /// `download_link_valid_days` passed since it was issued.
    Time,
    /// `download_link_max_downloads` downloads were made.
    Downloads,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    Active,
    Expired { reason: LinkExpiry, at: DateTime<Utc> },
    Revoked { at: DateTime<Utc> },
}

/// What the page shows under a link.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LinkStatus {
    /// When the link stops working by time (it may be used up earlier).
    pub expires_at: DateTime<Utc>,
    pub downloads: u32,
    pub downloads_left: u32,
    pub state: LinkState,
}

impl LinkStatus {
    pub fn is_active(&self) -> bool {
        self.state == LinkState::Active
    }
}

pub fn link_status(policy: &Policy, link: &DownloadLink, now: DateTime<Utc>) -> LinkStatus {
    let expires_at = link.issued_at + Duration::days(policy.download_link_valid_days as i64);
    let max = policy.download_link_max_downloads;
    let used_up_at = if link.downloads >= max { Some(link.last_download_at.unwrap_or(link.issued_at)) } else { None };
    let state = match (link.revoked_at, used_up_at) {
        (Some(at), _) => LinkState::Revoked { at },
        (None, Some(at)) if at < expires_at => LinkState::Expired { reason: LinkExpiry::Downloads, at },
        _ if now >= expires_at => LinkState::Expired { reason: LinkExpiry::Time, at: expires_at },
        (None, Some(at)) => LinkState::Expired { reason: LinkExpiry::Downloads, at },
        (None, None) => LinkState::Active,
    };
    LinkStatus { expires_at, downloads: link.downloads, downloads_left: max.saturating_sub(link.downloads), state }
}

/// The violation a link in this state raises, if any.
fn link_violation(link: &DownloadLink, status: &LinkStatus) -> Option<Violation> {
    match status.state {
        LinkState::Active => None,
        LinkState::Expired { reason, at } => {
            Some(Violation::DownloadLinkExpired { link: link.id.clone(), reason, expired_at: at })
        }
        LinkState::Revoked { at } => Some(Violation::DownloadLinkRevoked { link: link.id.clone(), revoked_at: at }),
    }
}

/// Every link of a purchase, newest first.
pub fn links_of<'a>(state: &'a State, purchase: &SoftwarePurchaseId) -> Vec<&'a DownloadLink> {
    let mut out: Vec<&DownloadLink> = state.download_links.values().filter(|l| &l.purchase == purchase).collect();
    crate::sort::sort_by(&mut out, |a, b| b.issued_at.cmp(&a.issued_at).then_with(|| b.id.cmp(&a.id)));
    out
}

/// The newest link of a purchase: the one the page shows.
pub fn current_link<'a>(state: &'a State, purchase: &SoftwarePurchaseId) -> Option<&'a DownloadLink> {
    links_of(state, purchase).into_iter().next()
}

/// The checks keys and links share: the purchase exists, is not cancelled, has media, and the selection is offered.
fn check_usable<'a>(
    state: &'a State,
    id: &SoftwarePurchaseId,
    selection: &ProductSelection,
) -> Result<&'a SoftwarePurchase, Rejection> {
    let p = purchase(state, id)?;
    let mut v = Vec::new();
    if p.status == PurchaseStatus::Cancelled {
        v.push(Violation::SoftwarePurchaseCancelled { purchase: p.id.clone(), cancelled_at: p.cancelled_at });
    }
    if ProductFamily::of(p).is_none() {
        v.push(Violation::NoKeysForProduct { purchase: p.id.clone() });
    } else {
        v.extend(check_selection(p, selection));
    }
    Rejection::check(v)?;
    Ok(p)
}

pub(crate) fn decide_issue(
    state: &State,
    actor: &UserId,
    id: &SoftwarePurchaseId,
    selection: &ProductSelection,
    now: DateTime<Utc>,
) -> Decided {
    let p = check_usable(state, id, selection)?;
    let link_id = DownloadLinkId(Counters::format("DL", state.download_links.len() as u64 + 1));
    let seed = format!("link|{}|{}|{}|{}", link_id, p.id, selection.describe(), now.timestamp_millis());
    let url = format!("{DOWNLOAD_HOST}/{}/{}/{}", p.id, link_id, token(&seed, 24));
    let link = DownloadLink {
        id: link_id.clone(),
        purchase: p.id.clone(),
        selection: *selection,
        url,
        issued_at: now,
        issued_by: actor.clone(),
        downloads: 0,
        last_download_at: None,
        revoked_at: None,
    };
    let entry = access(state, actor, now, p, *selection, AccessKind::LinkIssued, Some(link_id.clone()));
    let note =
        AuditNote::new(AuditAction::SoftwareLinkIssued, format!("{} {} {}", p.name, selection.describe(), link_id))
            .for_customer(p.customer.clone());
    Ok((vec![Event::DownloadLinkIssued { link: Box::new(link), access: entry }], note))
}

pub(crate) fn decide_get_key(
    state: &State,
    actor: &UserId,
    id: &SoftwarePurchaseId,
    selection: &ProductSelection,
    now: DateTime<Utc>,
) -> Decided {
    let p = check_usable(state, id, selection)?;
    let entry = access(state, actor, now, p, *selection, AccessKind::KeyAccessed, None);
    // The key itself stays out of the logs: anyone who may read the log could otherwise copy it.
    let note = AuditNote::new(AuditAction::SoftwareKeyAccessed, format!("{} {}", p.name, selection.describe()))
        .for_customer(p.customer.clone());
    Ok((vec![Event::SoftwareKeyAccessed { access: entry }], note))
}

/// The key to show after an accepted `GetKey`: the same checks, as a read.
pub fn key_for(
    state: &State,
    actor: &UserId,
    id: &SoftwarePurchaseId,
    selection: &ProductSelection,
) -> Result<String, Rejection> {
    crate::authorize(state, actor, crate::roles::Permission::SoftwareKeysAndCancel)?;
    let p = check_usable(state, id, selection)?;
    Ok(product_key(p, selection))
}

/// Find a link that still works, or say why not.
fn usable_link<'a>(
    state: &'a State,
    id: &DownloadLinkId,
    now: DateTime<Utc>,
) -> Result<(&'a DownloadLink, &'a SoftwarePurchase), Rejection> {
    let link = state
        .download_links
        .get(id)
        .ok_or_else(|| Rejection::one(Violation::NoSuchDownloadLink { link: id.clone() }))?;
    let p = purchase(state, &link.purchase)?;
    let status = link_status(&state.policy, link, now);
    if let Some(v) = link_violation(link, &status) {
        return Err(Rejection::one(v));
    }
    Ok((link, p))
}

pub(crate) fn decide_download(state: &State, actor: &UserId, id: &DownloadLinkId, now: DateTime<Utc>) -> Decided {
    let (link, p) = usable_link(state, id, now)?;
    let entry = access(state, actor, now, p, link.selection, AccessKind::Downloaded, Some(id.clone()));
    let note = AuditNote::new(
        AuditAction::SoftwareDownloaded,
        format!("{} {} {} #{}", p.name, link.selection.describe(), id, link.downloads.saturating_add(1)),
    )
    .for_customer(p.customer.clone());
    Ok((vec![Event::SoftwareDownloaded { link: id.clone(), access: entry }], note))
}

pub(crate) fn decide_copy(state: &State, actor: &UserId, id: &DownloadLinkId, now: DateTime<Utc>) -> Decided {
    let (link, p) = usable_link(state, id, now)?;
    let entry = access(state, actor, now, p, link.selection, AccessKind::LinkCopied, Some(id.clone()));
    let note =
        AuditNote::new(AuditAction::SoftwareLinkCopied, format!("{} {} {}", p.name, link.selection.describe(), id))
            .for_customer(p.customer.clone());
    Ok((vec![Event::DownloadLinkCopied { access: entry }], note))
}

/// The small text file a download saves: `(file name, contents)`. Language-neutral.
pub fn download_file(purchase: &SoftwarePurchase, link: &DownloadLink) -> (String, String) {
    let s = link.selection;
    let name = format!("{}_{}_{}.txt", s.version.code(), s.language.code(), s.bit.code());
    let body = format!(
        "Product: {}\nVersion: {}\nLanguage: {}\nBit: {}\nPurchase: {}\nLink: {}\n",
        purchase.name,
        s.version.name(),
        s.language.code(),
        s.bit.code(),
        purchase.id,
        link.url
    );
    (name, body)
}
