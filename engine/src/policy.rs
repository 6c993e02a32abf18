//! Every number of the rule book in one table. Nothing else in the engine holds a window, fee, cap or
//! market list as a literal: rules read them from the [`Policy`] in the state.

use crate::customers::Segment;
use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};

pub mod edit;
pub use edit::{PolicyKey, PolicyUnit};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    // §2.2 / §3 quantities
    /// Small-business offers cap their maximum quantity strictly below this.
    pub small_business_max_licenses: u32,
    /// Microsoft trials carry this many licenses, fixed.
    pub trial_licenses: u32,
    /// Length of a Microsoft trial, in days.
    pub trial_days: u32,
    /// Length of a paid license term, in months.
    pub term_months: u32,
    /// Customer segments that may not take Microsoft trials (RULES §2.4 item 6).
    pub trial_excluded_segments: Vec<Segment>,

    // §3 tax
    /// Customer billing countries (ISO 3166-1 alpha-2) whose listed prices include tax.
    pub tax_inclusive_countries: Vec<String>,

    // §4.3 suspension
    /// Retention after suspension: `min(retention_cap_days, retention_base_days + days from account opened
    /// to first billing period)`.
    pub retention_base_days: u32,
    pub retention_cap_days: u32,
    /// Suspending within this many days of the term start credits the whole first cycle.
    pub suspension_full_credit_days: u32,

    // §4.6 ISV SaaS cancellation windows
    pub isv_monthly_cancel_hours: u32,
    pub isv_annual_cancel_days: u32,

    // §5 software
    /// A software purchase may be cancelled while fewer than this many whole days have passed.
    pub software_cancel_days: u32,
    /// A download link works for this many days after it is issued …
    pub download_link_valid_days: u32,
    /// … or for this many downloads, whichever comes first.
    pub download_link_max_downloads: u32,
    /// Credit for cancelling perpetual software, in basis points of what was paid (10000 = 100 %).
    pub perpetual_software_credit_bp: u32,

    // §6 reservations
    /// Cancelling within this many whole days of purchase carries no early termination fee, and without
    /// usage refunds 100 % of what was paid (RULES §6.3: "5 or fewer").
    pub reservation_full_refund_days: u32,
    /// Early termination fee on the prorated amount, in basis points (1200 = 12 %).
    pub early_termination_fee_bp: u32,
    /// Rolling per-customer refund cap, in USD minor units (refunds plus cancelled future payments).
    pub refund_cap_usd_minor: i64,
    /// Length of the rolling cap window; each refund returns to the pool this many days after it was made.
    pub refund_window_days: u32,
    /// ISO 3166-1 alpha-2 codes of markets where reservations are not sold (RULES §6.1, 2021 list).
    pub reservation_unavailable_markets: Vec<String>,

    /// Fixed exchange rates used for the refund cap: micro-USD per one major unit of each currency.
    pub usd_micros_per_unit: Vec<(Currency, i64)>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            small_business_max_licenses: 300,
            trial_licenses: 25,
            trial_days: 30,
            term_months: 12,
            trial_excluded_segments: vec![Segment::Government, Segment::Education],
            tax_inclusive_countries: codes(&["AU", "BR"]),
            retention_base_days: 90,
            retention_cap_days: 120,
            suspension_full_credit_days: 30,
            isv_monthly_cancel_hours: 24,
            isv_annual_cancel_days: 14,
            software_cancel_days: 60,
            download_link_valid_days: 14,
            download_link_max_downloads: 50,
            perpetual_software_credit_bp: 10_000,
            reservation_full_refund_days: 5,
            early_termination_fee_bp: 1200,
            refund_cap_usd_minor: 5_000_000, // USD 50,000.00
            refund_window_days: 365,
            reservation_unavailable_markets: codes(RESERVATION_UNAVAILABLE_MARKETS),
            usd_micros_per_unit: vec![
                (Currency::USD, 1_000_000),
                (Currency::EUR, 1_080_000),
                (Currency::GBP, 1_270_000),
                (Currency::AUD, 650_000),
                (Currency::BRL, 200_000),
                (Currency::JPY, 6_700),
                (Currency::CAD, 740_000),
                (Currency::CHF, 1_130_000),
            ],
        }
    }
}

/// RULES §6.1 by ISO code. Bonaire, Saba and Sint Eustatius share BQ; Svalbard and Jan Mayen share SJ;
/// Kosovo uses the user-assigned XK.
const RESERVATION_UNAVAILABLE_MARKETS: &[&str] = &[
    "AX", "AS", "AD", "AI", "AQ", "AG", "AW", "AZ", "BJ", "BT", "BQ", "BV", "IO", "VG", "BF", "BI", "KH", "CF", "TD",
    "CN", "CX", "CC", "KM", "CG", "CD", "CK", "DJ", "DM", "GQ", "ER", "FK", "GF", "PF", "TF", "GA", "GM", "GI", "GL",
    "GD", "GP", "GU", "GG", "GN", "GW", "GY", "HT", "HM", "IM", "SJ", "JE", "KI", "XK", "LA", "LS", "LR", "MG", "MW",
    "MV", "ML", "MH", "MQ", "MR", "YT", "FM", "MS", "MZ", "MM", "NR", "NC", "NE", "NU", "NF", "MP", "PW", "PG", "PN",
    "RE", "BL", "LC", "MF", "PM", "VC", "WS", "SM", "ST", "SC", "SL", "SX", "SB", "SO", "GS", "SS", "SH", "SR", "SZ",
    "TL", "TG", "TK", "TO", "TC", "TV", "UM", "VU", "VA", "WF", "YE",
];

fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|c| c.to_string()).collect()
}

impl Policy {
    pub fn prices_include_tax(&self, country: &str) -> bool {
        self.tax_inclusive_countries.iter().any(|c| c == country)
    }

    pub fn reservations_unavailable_in(&self, country: &str) -> bool {
        self.reservation_unavailable_markets.iter().any(|c| c == country)
    }

    /// Convert an amount to USD minor units with the policy's fixed rates, rounding half up.
    /// `None` when the policy has no rate for the currency.
    pub fn to_usd_minor(&self, amount: Money) -> Option<i64> {
        let rate = self.usd_micros_per_unit.iter().find(|(c, _)| *c == amount.currency)?.1;
        // minor → major (÷ minor_per_major) → micro-USD (× rate) → USD cents (÷ 10_000)
        let num = amount.minor as i128 * rate as i128;
        let den = amount.currency.minor_per_major() as i128 * 10_000;
        Some(crate::money::div_round_half_up(num, den) as i64)
    }

    /// Retention period after suspension, in days (RULES §4.3).
    pub fn retention_days(&self, days_opened_to_first_billing: i64) -> i64 {
        let base = self.retention_base_days as i64 + days_opened_to_first_billing.max(0);
        base.min(self.retention_cap_days as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_rule_book() {
        let p = Policy::default();
        assert_eq!(p.trial_licenses, 25);
        assert_eq!(p.trial_days, 30);
        assert_eq!(p.software_cancel_days, 60);
        assert_eq!((p.download_link_valid_days, p.download_link_max_downloads), (14, 50));
        assert_eq!(p.perpetual_software_credit_bp, 10_000);
        assert_eq!((p.isv_monthly_cancel_hours, p.isv_annual_cancel_days), (24, 14));
        assert_eq!(p.early_termination_fee_bp, 1200);
        assert_eq!(p.refund_cap_usd_minor, 5_000_000);
        assert_eq!(p.refund_window_days, 365);
        // 109 names in RULES §6.1; BQ (×3) and SJ (×2) collapse to 106 distinct codes.
        let mut markets = p.reservation_unavailable_markets.clone();
        markets.sort();
        markets.dedup();
        assert_eq!(markets.len(), p.reservation_unavailable_markets.len(), "no duplicate codes");
        assert_eq!(markets.len(), 106);
    }

    #[test]
    fn tax_and_markets_by_iso_code() {
        let p = Policy::default();
        let cases = [
            ("AU", true, false),
            ("BR", true, false),
            ("US", false, false),
            ("XK", false, true),
            ("CN", false, true),
            ("FR", false, false),
            ("RE", false, true),
        ];
        for (code, tax, unavailable) in cases {
            assert_eq!(p.prices_include_tax(code), tax, "{code} tax");
            assert_eq!(p.reservations_unavailable_in(code), unavailable, "{code} market");
        }
    }

    #[test]
    fn converts_to_usd_with_fixed_rates() {
        let p = Policy::default();
        let cases = [
            (Money::new(10_000, Currency::USD), 10_000),
            (Money::new(10_000, Currency::EUR), 10_800),
            (Money::new(1_000_000, Currency::JPY), 670_000),
            (Money::new(-500, Currency::GBP), -635),
        ];
        for (amount, want) in cases {
            assert_eq!(p.to_usd_minor(amount), Some(want), "{amount}");
        }
    }

    #[test]
    fn retention_formula() {
        let p = Policy::default();
        for (gap, want) in [(0, 90), (10, 100), (30, 120), (45, 120), (-5, 90)] {
            assert_eq!(p.retention_days(gap), want, "gap {gap}");
        }
    }
}
