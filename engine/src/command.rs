//! Commands (what a user asks) and events (what happened). Events are the audit trail's source;
//! applying them with [`crate::evolve`] is the only way state changes.

use crate::audit::AuditEntry;
use crate::ids::{CustomerId, OrderId, SoftwarePurchaseId, UserId};
use crate::money::Money;
use crate::partner::{CspModel, PartnerUser};
use crate::roles::Role;
use crate::software::{
    DownloadLink, DownloadLinkId, ProductSelection, SoftwareAccess, SupportRequest, SupportRequestForm,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Move the simulated clock forward to `to`, running every due event on the way.
    AdvanceClock {
        to: DateTime<Utc>,
    },
    UpdatePartnerProfile {
        name: String,
        country: String,
        model: CspModel,
    },
    AddUser {
        name: String,
        email: String,
        roles: Vec<Role>,
    },
    UpdateUser {
        user: UserId,
        name: String,
        email: String,
        roles: Vec<Role>,
    },
    RemoveUser {
        user: UserId,
    },
    /// Replace everything with the demo data (the simulated clock is kept: it never goes back).
    ResetDemoData,
    /// "Get keys and downloads": issue a fresh download link for the selection (as often as needed).
    IssueDownloadLink {
        purchase: SoftwarePurchaseId,
        selection: ProductSelection,
    },
    /// "Get key": record the key access; the app then shows `software::key_for`.
    GetKey {
        purchase: SoftwarePurchaseId,
        selection: ProductSelection,
    },
    /// Count one download of a link.
    Download {
        link: DownloadLinkId,
    },
    /// "Copy link": record that the link's URL was copied.
    CopyLink {
        link: DownloadLinkId,
    },
    /// Cancel one order's software purchase within the window.
    CancelSoftwarePurchase {
        purchase: SoftwarePurchaseId,
        order: OrderId,
        acknowledged: bool,
    },
    /// File a "CSP Purchase/Refund on behalf of customers" support request.
    FileSupportRequest(SupportRequestForm),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    ClockAdvanced {
        to: DateTime<Utc>,
    },
    PartnerProfileUpdated {
        name: String,
        country: String,
        model: CspModel,
    },
    UserAdded(PartnerUser),
    UserUpdated(PartnerUser),
    UserRemoved {
        user: UserId,
    },
    DemoDataReset,
    Audited(AuditEntry),
    DownloadLinkIssued {
        link: DownloadLink,
        access: SoftwareAccess,
    },
    SoftwareKeyAccessed {
        access: SoftwareAccess,
    },
    SoftwareDownloaded {
        link: DownloadLinkId,
        access: SoftwareAccess,
    },
    DownloadLinkCopied {
        access: SoftwareAccess,
    },
    /// A software purchase was cancelled; `credit` (positive) goes on the next invoice.
    SoftwareCancelled {
        purchase: SoftwarePurchaseId,
        customer: CustomerId,
        order: OrderId,
        at: DateTime<Utc>,
        credit: Money,
    },
    SupportRequestFiled(SupportRequest),
}
