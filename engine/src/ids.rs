//! Identifiers. They are derived from counters in the state, never random, so that a replay or a test
//! produces the same IDs.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub String);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    )*};
}

id_type!(
    UserId,
    CustomerId,
    OfferId,
    CartId,
    OrderId,
    SubscriptionId,
    SoftwarePurchaseId,
    ReservationId,
    ReservationOrderId,
    LedgerEntryId,
    SupportRequestId,
    DownloadLinkId,
);

/// Monotonic counters, one per kind of record, persisted with the state. `decide` (pure) names new
/// records `counter + 1, + 2, …` with [`Counters::format`]; `evolve` raises the counter with [`Counters::observe`]
/// when it applies the creation, so replaying events yields the same IDs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counters {
    pub user: u64,
    pub customer: u64,
    pub cart: u64,
    pub order: u64,
    pub subscription: u64,
    pub software: u64,
    pub reservation: u64,
    pub reservation_order: u64,
    pub ledger: u64,
    pub support_request: u64,
}

impl Counters {
    /// `U-0004` for prefix `U` and sequence 4.
    pub fn format(prefix: &str, seq: u64) -> String {
        format!("{prefix}-{seq:04}")
    }

    /// Raise `counter` to the sequence number embedded in `id` (the digits after the last `-`).
    pub fn observe(counter: &mut u64, id: &str) {
        if let Some(seq) = id.rsplit('-').next().and_then(|n| n.parse::<u64>().ok()) {
            *counter = (*counter).max(seq);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_observe_round_trip() {
        let mut c = 3;
        let id = Counters::format("U", c + 1);
        assert_eq!(id, "U-0004");
        Counters::observe(&mut c, &id);
        assert_eq!(c, 4);
        Counters::observe(&mut c, "U-0002");
        assert_eq!(c, 4, "never goes back");
        Counters::observe(&mut c, "garbage");
        assert_eq!(c, 4);
    }
}
