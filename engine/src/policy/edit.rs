//! Changing the policy (RULES §1.2 "policy settings", Global admin only): every value of [`Policy`] by a
//! [`PolicyKey`], its text as a form shows it, and the validation of new values. `SetPolicy` carries the
//! values as typed, so bad input is refused here with one violation per field, like every other form.

use super::Policy;
use crate::audit::AuditAction;
use crate::customers::Segment;
use crate::money::Currency;
use crate::rejection::{Field, Problem, Rejection, Violation};
use crate::{AuditNote, Event, State};
use serde::{Deserialize, Serialize};

/// Declares [`PolicyKey`] and the list of its one-value keys from a single list of variants, so a key added to
/// the enum is in [`PolicyKey::all`] too (the page and the validation walk that list).
macro_rules! policy_keys {
    ($(#[$meta:meta])* pub enum PolicyKey { $($key:ident,)* $(#[$rate_meta:meta])* UsdRate(Currency), }) => {
        $(#[$meta])*
        pub enum PolicyKey {
            $($key,)*
            $(#[$rate_meta])*
            UsdRate(Currency),
        }

        impl PolicyKey {
            /// Every key but the exchange rates, in the order declared (the rule book's).
            pub const SCALARS: &'static [PolicyKey] = &[$(PolicyKey::$key),*];
        }
    };
}

policy_keys! {
    /// One editable value of the policy. The order of [`PolicyKey::all`] is the order of the rule book.
    #[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    pub enum PolicyKey {
        SmallBusinessMaxLicenses,
        TaxInclusiveCountries,
        TermMonths,
        RetentionBaseDays,
        RetentionCapDays,
        SuspensionFullCreditDays,
        TrialDays,
        TrialLicenses,
        TrialExcludedSegments,
        IsvMonthlyCancelHours,
        IsvAnnualCancelDays,
        SoftwareCancelDays,
        PerpetualSoftwareCreditPercent,
        DownloadLinkValidDays,
        DownloadLinkMaxDownloads,
        ReservationUnavailableMarkets,
        ReservationFullRefundDays,
        EarlyTerminationFeePercent,
        RefundCapUsd,
        RefundWindowDays,
        /// USD for one unit of the currency (the refund cap's fixed exchange rates).
        UsdRate(Currency),
    }
}

/// What a value counts, so a page can name its unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PolicyUnit {
    Hours,
    Days,
    Months,
    Licenses,
    Downloads,
    Percent,
    Usd,
    UsdPerUnit,
    Countries,
    Segments,
}

impl PolicyKey {
    /// Every key, in the order of the rule book (exchange rates in the order of [`Currency::ALL`]).
    pub fn all() -> Vec<PolicyKey> {
        let rates = Currency::ALL.iter().filter(|c| **c != Currency::USD).map(|c| PolicyKey::UsdRate(*c));
        PolicyKey::SCALARS.iter().copied().chain(rates).collect()
    }

    /// The section of RULES.md whose rule the value drives.
    pub fn rule(self) -> &'static str {
        use PolicyKey::*;
        match self {
            SmallBusinessMaxLicenses => "§2.2",
            TaxInclusiveCountries => "§3",
            TermMonths => "§4.2",
            RetentionBaseDays | RetentionCapDays | SuspensionFullCreditDays => "§4.3",
            TrialDays | TrialLicenses | TrialExcludedSegments => "§4.5",
            IsvMonthlyCancelHours | IsvAnnualCancelDays => "§4.6",
            SoftwareCancelDays | PerpetualSoftwareCreditPercent | DownloadLinkValidDays | DownloadLinkMaxDownloads => {
                "§5"
            }
            ReservationUnavailableMarkets => "§6.1",
            ReservationFullRefundDays | EarlyTerminationFeePercent | RefundCapUsd | RefundWindowDays | UsdRate(_) => {
                "§6.3"
            }
        }
    }

    pub fn unit(self) -> PolicyUnit {
        use PolicyKey::*;
        match self {
            IsvMonthlyCancelHours => PolicyUnit::Hours,
            TermMonths => PolicyUnit::Months,
            SmallBusinessMaxLicenses | TrialLicenses => PolicyUnit::Licenses,
            DownloadLinkMaxDownloads => PolicyUnit::Downloads,
            PerpetualSoftwareCreditPercent | EarlyTerminationFeePercent => PolicyUnit::Percent,
            RefundCapUsd => PolicyUnit::Usd,
            UsdRate(_) => PolicyUnit::UsdPerUnit,
            TaxInclusiveCountries | ReservationUnavailableMarkets => PolicyUnit::Countries,
            TrialExcludedSegments => PolicyUnit::Segments,
            RetentionBaseDays
            | RetentionCapDays
            | SuspensionFullCreditDays
            | TrialDays
            | IsvAnnualCancelDays
            | SoftwareCancelDays
            | DownloadLinkValidDays
            | ReservationFullRefundDays
            | RefundWindowDays => PolicyUnit::Days,
        }
    }

    /// The bounds of a whole-number value (percent and money bounds are in the typed unit).
    fn range(self) -> (i64, i64) {
        use PolicyKey::*;
        match self {
            SmallBusinessMaxLicenses => (2, 100_000),
            TermMonths => (1, 60),
            RetentionBaseDays | RetentionCapDays => (0, 3650),
            SuspensionFullCreditDays => (0, 366),
            TrialDays => (1, 365),
            TrialLicenses => (1, 10_000),
            IsvMonthlyCancelHours => (0, 744),
            IsvAnnualCancelDays => (0, 366),
            SoftwareCancelDays => (0, 3650),
            DownloadLinkValidDays => (1, 365),
            DownloadLinkMaxDownloads => (1, 100_000),
            ReservationFullRefundDays => (0, 1095),
            RefundWindowDays => (1, 3650),
            PerpetualSoftwareCreditPercent | EarlyTerminationFeePercent => (0, 100),
            RefundCapUsd => (0, 1_000_000_000),
            UsdRate(_) => (0, 1_000_000),
            TaxInclusiveCountries | ReservationUnavailableMarkets | TrialExcludedSegments => (0, 0),
        }
    }

    /// The value's text as a form shows it (and `SetPolicy` reads back): whole numbers, decimals with a
    /// point, lists of ISO codes or segment names separated by ", ".
    pub fn text(self, p: &Policy) -> String {
        use PolicyKey::*;
        match self {
            SmallBusinessMaxLicenses => p.small_business_max_licenses.to_string(),
            TaxInclusiveCountries => p.tax_inclusive_countries.join(", "),
            TermMonths => p.term_months.to_string(),
            RetentionBaseDays => p.retention_base_days.to_string(),
            RetentionCapDays => p.retention_cap_days.to_string(),
            SuspensionFullCreditDays => p.suspension_full_credit_days.to_string(),
            TrialDays => p.trial_days.to_string(),
            TrialLicenses => p.trial_licenses.to_string(),
            TrialExcludedSegments => {
                p.trial_excluded_segments.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")
            }
            IsvMonthlyCancelHours => p.isv_monthly_cancel_hours.to_string(),
            IsvAnnualCancelDays => p.isv_annual_cancel_days.to_string(),
            SoftwareCancelDays => p.software_cancel_days.to_string(),
            PerpetualSoftwareCreditPercent => decimal(i64::from(p.perpetual_software_credit_bp), 2),
            DownloadLinkValidDays => p.download_link_valid_days.to_string(),
            DownloadLinkMaxDownloads => p.download_link_max_downloads.to_string(),
            ReservationUnavailableMarkets => p.reservation_unavailable_markets.join(", "),
            ReservationFullRefundDays => p.reservation_full_refund_days.to_string(),
            EarlyTerminationFeePercent => decimal(i64::from(p.early_termination_fee_bp), 2),
            RefundCapUsd => decimal(p.refund_cap_usd_minor, 2),
            RefundWindowDays => p.refund_window_days.to_string(),
            UsdRate(c) => {
                p.usd_micros_per_unit.iter().find(|(x, _)| *x == c).map(|(_, r)| decimal(*r, 6)).unwrap_or_default()
            }
        }
    }

    /// Read `raw` into `p`, or say what is wrong with it.
    fn write(self, p: &mut Policy, raw: &str) -> Result<(), Problem> {
        use PolicyKey::*;
        let (min, max) = self.range();
        let whole = || -> Result<u32, Problem> { parse_whole(raw, min, max).map(|v| v as u32) };
        match self {
            SmallBusinessMaxLicenses => p.small_business_max_licenses = whole()?,
            TermMonths => p.term_months = whole()?,
            RetentionBaseDays => p.retention_base_days = whole()?,
            RetentionCapDays => p.retention_cap_days = whole()?,
            SuspensionFullCreditDays => p.suspension_full_credit_days = whole()?,
            TrialDays => p.trial_days = whole()?,
            TrialLicenses => p.trial_licenses = whole()?,
            IsvMonthlyCancelHours => p.isv_monthly_cancel_hours = whole()?,
            IsvAnnualCancelDays => p.isv_annual_cancel_days = whole()?,
            SoftwareCancelDays => p.software_cancel_days = whole()?,
            DownloadLinkValidDays => p.download_link_valid_days = whole()?,
            DownloadLinkMaxDownloads => p.download_link_max_downloads = whole()?,
            ReservationFullRefundDays => p.reservation_full_refund_days = whole()?,
            RefundWindowDays => p.refund_window_days = whole()?,
            PerpetualSoftwareCreditPercent => p.perpetual_software_credit_bp = parse_decimal(raw, 2, min, max)? as u32,
            EarlyTerminationFeePercent => p.early_termination_fee_bp = parse_decimal(raw, 2, min, max)? as u32,
            RefundCapUsd => p.refund_cap_usd_minor = parse_decimal(raw, 2, min, max)?,
            UsdRate(c) => {
                let micros = parse_decimal(raw, 6, min, max)?;
                if micros == 0 {
                    return Err(Problem::NotPositive);
                }
                match p.usd_micros_per_unit.iter_mut().find(|(x, _)| *x == c) {
                    Some(slot) => slot.1 = micros,
                    None => p.usd_micros_per_unit.push((c, micros)),
                }
            }
            TaxInclusiveCountries => p.tax_inclusive_countries = parse_countries(raw)?,
            ReservationUnavailableMarkets => p.reservation_unavailable_markets = parse_countries(raw)?,
            TrialExcludedSegments => p.trial_excluded_segments = parse_segments(raw)?,
        }
        Ok(())
    }
}

/// `value / 10^digits` with a point, without trailing zeros ("12", "12.5", "1.08").
fn decimal(value: i64, digits: u32) -> String {
    let scale = 10i64.pow(digits);
    let (whole, frac) = (value / scale, (value % scale).abs());
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:0width$}", width = digits as usize);
    let sign = if value < 0 && whole == 0 { "-" } else { "" };
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// Normalised number text: no surrounding or grouping spaces (plain, no-break, narrow no-break).
fn clean(raw: &str) -> String {
    raw.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect()
}

fn parse_whole(raw: &str, min: i64, max: i64) -> Result<i64, Problem> {
    parse_decimal(raw, 0, min, max)
}

/// A number with at most `digits` decimals (`.` or `,`), scaled by `10^digits`, within `min..=max`
/// (in the typed unit). A minus sign is read, so that a negative value is reported as out of range.
fn parse_decimal(raw: &str, digits: u32, min: i64, max: i64) -> Result<i64, Problem> {
    let s = clean(raw);
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (whole, frac) = body.split_once(['.', ',']).unwrap_or((body, ""));
    let only_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let has_point = body.len() != whole.len();
    if whole.is_empty() || !only_digits(whole) || !only_digits(frac) || (has_point && frac.is_empty()) {
        return Err(Problem::InvalidAmount);
    }
    if frac.len() > digits as usize {
        return Err(if digits == 0 { Problem::InvalidAmount } else { Problem::TooManyDecimals { max: digits } });
    }
    let out_of_range = Problem::OutOfRange { min, max };
    // More digits than any bound: out of range rather than an overflow.
    if whole.trim_start_matches('0').len() > 12 {
        return Err(out_of_range);
    }
    let scale = 10i64.pow(digits);
    let whole: i64 = whole.parse().map_err(|_| Problem::InvalidAmount)?;
    let frac: i64 =
        if frac.is_empty() { 0 } else { format!("{frac:0<width$}", width = digits as usize).parse().unwrap_or(0) };
    let value = whole * scale + frac;
    let value = if negative { -value } else { value };
    if value < min * scale || value > max * scale {
        return Err(out_of_range);
    }
    Ok(value)
}

/// ISO codes separated by commas, semicolons or spaces; each must be a known code. Empty is an empty list.
fn parse_countries(raw: &str) -> Result<Vec<String>, Problem> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split([',', ';', ' ', '\n', '\u{a0}']).filter(|p| !p.trim().is_empty()) {
        let code = crate::country::parse_country(part).ok_or(Problem::UnknownCountry)?;
        if !out.iter().any(|c| c == code) {
            out.push(code.to_string());
        }
    }
    Ok(out)
}

/// Segment names as [`PolicyKey::text`] writes them (`Government, Education`).
fn parse_segments(raw: &str) -> Result<Vec<Segment>, Problem> {
    let mut out = Vec::new();
    for part in raw.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let seg = Segment::ALL
            .into_iter()
            .find(|s| format!("{s:?}").eq_ignore_ascii_case(part))
            .ok_or(Problem::NotOffered)?;
        if !out.contains(&seg) {
            out.push(seg);
        }
    }
    Ok(out)
}

/// The policy with `values` applied to `base`, or one violation per bad field (and the cross-field
/// rules: the retention cap is not below its base).
pub fn apply(base: &Policy, values: &[(PolicyKey, String)]) -> Result<Policy, Rejection> {
    let mut next = base.clone();
    let mut v = Vec::new();
    for (key, raw) in values {
        if let Err(problem) = key.write(&mut next, raw) {
            v.push(Violation::Invalid { field: Field::Policy(*key), problem });
        }
    }
    let bad =
        |k: PolicyKey| v.iter().any(|x| matches!(x, Violation::Invalid { field: Field::Policy(f), .. } if *f == k));
    if !bad(PolicyKey::RetentionBaseDays)
        && !bad(PolicyKey::RetentionCapDays)
        && next.retention_cap_days < next.retention_base_days
    {
        let (_, max) = PolicyKey::RetentionCapDays.range();
        v.push(Violation::Invalid {
            field: Field::Policy(PolicyKey::RetentionCapDays),
            problem: Problem::OutOfRange { min: i64::from(next.retention_base_days), max },
        });
    }
    Rejection::check(v)?;
    Ok(next)
}

/// The refunds already made must still fit the cap under the new window, cap and rates (a backup of the
/// state must pass `invariants::check`).
fn check_refund_history(state: &State, next: &Policy) -> Result<(), Rejection> {
    let mut found = Vec::new();
    crate::invariants::refund_cap_under(next, &state.reservation_refunds, &mut found);
    if found.is_empty() {
        return Ok(());
    }
    let field = if next.refund_window_days != state.policy.refund_window_days
        && next.refund_cap_usd_minor >= state.policy.refund_cap_usd_minor
    {
        PolicyKey::RefundWindowDays
    } else {
        PolicyKey::RefundCapUsd
    };
    Err(Rejection::one(Violation::Invalid { field: Field::Policy(field), problem: Problem::BelowRefundsMade }))
}

type Decided = Result<(Vec<Event>, AuditNote), Rejection>;

/// `SetPolicy`: the changed values, from now on. The log lists each change as `key: old → new`.
pub(crate) fn decide_set(state: &State, values: &[(PolicyKey, String)]) -> Decided {
    let next = apply(&state.policy, values)?;
    check_refund_history(state, &next)?;
    let details = PolicyKey::all()
        .into_iter()
        .filter_map(|k| {
            let (old, new) = (k.text(&state.policy), k.text(&next));
            (old != new).then(|| format!("{k:?}: {old} → {new}"))
        })
        .collect::<Vec<_>>()
        .join("; ");
    Ok((vec![Event::PolicySet(Box::new(next))], AuditNote::new(AuditAction::PolicyChanged, details)))
}

/// `ResetPolicy`: every value back to its default.
pub(crate) fn decide_reset(state: &State) -> Decided {
    let next = Policy::default();
    check_refund_history(state, &next)?;
    Ok((vec![Event::PolicySet(Box::new(next))], AuditNote::new(AuditAction::PolicyReset, "")))
}

#[cfg(test)]
mod tests;
