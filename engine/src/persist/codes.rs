//! Small integer codes of the field-less enums the columns hold. Encoding is an exhaustive `match` (a
//! new variant is a compile error here); decoding looks the code up in the matching list.

use super::PersistError;
use crate::ledger::ChargeType;
use crate::money::Currency;
use crate::records::{BillingFrequency, PublisherKind, SubscriptionStatus};

pub(crate) fn pick<T: Copy>(all: &[T], code: u64) -> Result<T, PersistError> {
    usize::try_from(code).ok().and_then(|i| all.get(i)).copied().ok_or(PersistError::Invalid("unknown code"))
}

pub(crate) const BILLINGS: [BillingFrequency; 4] =
    [BillingFrequency::Monthly, BillingFrequency::Annual, BillingFrequency::OneTime, BillingFrequency::None];

pub(crate) fn billing(b: BillingFrequency) -> u64 {
    match b {
        BillingFrequency::Monthly => 0,
        BillingFrequency::Annual => 1,
        BillingFrequency::OneTime => 2,
        BillingFrequency::None => 3,
    }
}

pub(crate) const STATUSES: [SubscriptionStatus; 5] = [
    SubscriptionStatus::Active,
    SubscriptionStatus::Suspended,
    SubscriptionStatus::Cancelled,
    SubscriptionStatus::Expired,
    SubscriptionStatus::Deleted,
];

pub(crate) fn status(s: SubscriptionStatus) -> u64 {
    match s {
        SubscriptionStatus::Active => 0,
        SubscriptionStatus::Suspended => 1,
        SubscriptionStatus::Cancelled => 2,
        SubscriptionStatus::Expired => 3,
        SubscriptionStatus::Deleted => 4,
    }
}

pub(crate) const PUBLISHERS: [PublisherKind; 2] = [PublisherKind::Microsoft, PublisherKind::Isv];

pub(crate) fn publisher(p: PublisherKind) -> u64 {
    match p {
        PublisherKind::Microsoft => 0,
        PublisherKind::Isv => 1,
    }
}

pub(crate) const CHARGES: [ChargeType; 7] = [
    ChargeType::Purchase,
    ChargeType::CycleCharge,
    ChargeType::Proration,
    ChargeType::Renewal,
    ChargeType::Credit,
    ChargeType::Refund,
    ChargeType::Fee,
];

pub(crate) fn charge(c: ChargeType) -> u64 {
    match c {
        ChargeType::Purchase => 0,
        ChargeType::CycleCharge => 1,
        ChargeType::Proration => 2,
        ChargeType::Renewal => 3,
        ChargeType::Credit => 4,
        ChargeType::Refund => 5,
        ChargeType::Fee => 6,
    }
}

/// A currency's position in [`Currency::ALL`], the engine's own list.
pub(crate) fn currency(c: Currency) -> u64 {
    Currency::ALL.iter().position(|x| *x == c).unwrap_or(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Copy + PartialEq + std::fmt::Debug>(all: &[T], code: fn(T) -> u64) {
        for (i, v) in all.iter().enumerate() {
            assert_eq!(code(*v), i as u64, "{v:?}: code is its position");
            assert_eq!(pick(all, code(*v)), Ok(*v), "{v:?}");
        }
        assert_eq!(pick(all, all.len() as u64), Err(PersistError::Invalid("unknown code")));
    }

    #[test]
    fn every_code_reads_back_and_unknown_codes_are_refused() {
        round_trips(&BILLINGS, billing);
        round_trips(&STATUSES, status);
        round_trips(&PUBLISHERS, publisher);
        round_trips(&CHARGES, charge);
        round_trips(&Currency::ALL, currency);
    }
}
