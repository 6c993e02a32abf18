//! ISO 3166-1 alpha-2 country codes. Names are the UI's job (`i18n::country_name` in the app), so the engine
//! carries only codes: countries are matched by code, never by name (RULES §6.1).

use crate::money::Currency;

/// Every officially assigned ISO 3166-1 alpha-2 code, plus XK (Kosovo, user-assigned but used by Microsoft).
pub const COUNTRY_CODES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "XK", "YE", "YT",
    "ZA", "ZM", "ZW",
];

/// Normalise user input to an upper-case code and check it is a known country.
pub fn parse_country(input: &str) -> Option<&'static str> {
    let code = input.trim().to_ascii_uppercase();
    COUNTRY_CODES.iter().copied().find(|c| *c == code)
}

const EURO_AREA: &[&str] = &[
    "AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT", "SK", "SI",
    "ES", "AD", "MC", "SM", "VA", "ME", "XK", "GF", "GP", "MQ", "RE", "YT", "BL", "MF", "PM", "AX",
];

/// The billing currency of a partner located in `country` (RULES §1.1); USD where the partner
/// programme bills in dollars.
pub fn billing_currency(country: &str) -> Currency {
    match country {
        "GB" | "GG" | "JE" | "IM" => Currency::GBP,
        "AU" => Currency::AUD,
        "BR" => Currency::BRL,
        "JP" => Currency::JPY,
        "CA" => Currency::CAD,
        "CH" | "LI" => Currency::CHF,
        c if EURO_AREA.contains(&c) => Currency::EUR,
        _ => Currency::USD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_two_letters() {
        assert!(COUNTRY_CODES.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        assert!(COUNTRY_CODES.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert_eq!(COUNTRY_CODES.len(), 250);
    }

    #[test]
    fn every_policy_market_is_a_known_code() {
        for code in crate::policy::Policy::default().reservation_unavailable_markets {
            assert!(parse_country(&code).is_some(), "{code}");
        }
    }

    #[test]
    fn parse_and_currency() {
        let cases = [
            (" fr ", Some("FR"), Currency::EUR),
            ("us", Some("US"), Currency::USD),
            ("GB", Some("GB"), Currency::GBP),
            ("jp", Some("JP"), Currency::JPY),
            ("BR", Some("BR"), Currency::BRL),
            ("AU", Some("AU"), Currency::AUD),
            ("ZZ", None, Currency::USD),
            ("", None, Currency::USD),
        ];
        for (input, code, currency) in cases {
            assert_eq!(parse_country(input), code, "{input:?}");
            if let Some(c) = code {
                assert_eq!(billing_currency(c), currency, "{c}");
            }
        }
    }
}
