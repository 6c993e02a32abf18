//! The activity log (RULES §9): one entry per state-changing command (its CSV goes through `export`).

use crate::ids::{CustomerId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What was done. The app turns each into a localised label.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    ClockAdvanced,
    PartnerProfileUpdated,
    UserAdded,
    UserUpdated,
    UserRemoved,
    DemoDataReset,
    SubscriptionSuspended,
    SubscriptionReactivated,
    SubscriptionQuantityChanged,
    AutoRenewChanged,
    SubscriptionCancelled,
    SubscriptionCancellationScheduled,
    TrialConverted,
    AddOnAdded,
    SoftwareLinkIssued,
    SoftwareKeyAccessed,
    SoftwareDownloaded,
    SoftwareLinkCopied,
    SoftwarePurchaseCancelled,
    SupportRequestFiled,
    ReservationUtilisationRecorded,
    ReservationConfigured,
    ReservationRefunded,
    ReservationExchanged,
    CustomerAdded,
    CustomerUpdated,
    CartLineAdded,
    CartLineUpdated,
    CartLineRemoved,
    OrderPlaced,
    PriceListImported,
    PolicyChanged,
    PolicyReset,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub user: UserId,
    /// The user's name when the entry was written (users can be renamed or removed later).
    pub user_name: String,
    pub customer: Option<CustomerId>,
    pub action: AuditAction,
    /// Data of the action (names, quantities, amounts); language-neutral.
    pub details: String,
}

/// Entries whose date lies in `from..=to` (either bound optional), newest first.
pub fn entries_between(log: &[AuditEntry], from: Option<NaiveDate>, to: Option<NaiveDate>) -> Vec<&AuditEntry> {
    let mut out: Vec<&AuditEntry> = log.iter().filter(|e| crate::dates::within(e.at, from, to)).collect();
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(day: u32) -> AuditEntry {
        AuditEntry {
            at: Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap(),
            user: UserId("u1".into()),
            user_name: "A".into(),
            customer: None,
            action: AuditAction::UserAdded,
            details: String::new(),
        }
    }

    #[test]
    fn filters_by_inclusive_date_range_newest_first() {
        let log: Vec<AuditEntry> = [1, 5, 10, 20].into_iter().map(entry).collect();
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
        let cases: &[(Option<NaiveDate>, Option<NaiveDate>, &[u32])] = &[
            (None, None, &[20, 10, 5, 1]),
            (d(5), d(10), &[10, 5]),
            (d(6), None, &[20, 10]),
            (None, d(1), &[1]),
            (d(11), d(19), &[]),
        ];
        for (from, to, want) in cases {
            let got: Vec<u32> =
                entries_between(&log, *from, *to).iter().map(|e| chrono::Datelike::day(&e.at)).collect();
            assert_eq!(&got, want, "{from:?}..{to:?}");
        }
    }
}
