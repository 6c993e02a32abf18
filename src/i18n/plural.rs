//! Plural categories (CLDR) of the two languages, which choose between a counted catalog entry's forms.
//!
//! English: "one" is exactly 1. French: "one" is 0 and 1 (CLDR: integer part 0 or 1), so "0 abonnement".
//! Counts here are whole numbers; the sign does not matter (CLDR rules read the absolute value).

use super::Locale;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

pub fn plural(locale: Locale, n: i64) -> Plural {
    let n = n.unsigned_abs();
    let one = match locale {
        Locale::En => n == 1,
        Locale::Fr => n < 2,
    };
    if one {
        Plural::One
    } else {
        Plural::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cldr_categories() {
        use Plural::{One, Other};
        let cases = [
            (Locale::En, 0, Other),
            (Locale::En, 1, One),
            (Locale::En, 2, Other),
            (Locale::En, 11, Other),
            (Locale::En, 21, Other),
            (Locale::En, -1, One),
            (Locale::Fr, 0, One),
            (Locale::Fr, 1, One),
            (Locale::Fr, 2, Other),
            (Locale::Fr, 1_000_000, Other),
            (Locale::Fr, -1, One),
        ];
        for (locale, n, want) in cases {
            assert_eq!(plural(locale, n), want, "{locale:?} {n}");
        }
    }
}
