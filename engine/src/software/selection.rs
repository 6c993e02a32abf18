//! What a partner may choose before **Get keys and downloads** (RULES §5): Version, Language and Bit,
//! per product family, as data.
//!
//! Decisions (documented in one place so the UI never guesses):
//! * A purchase of version *Y* may fetch *Y* and every older version of its family we carry (down-level
//!   rights); a product name without a version year offers every version of its family.
//! * Languages are the media languages Microsoft ships for each version (Windows Server: 18, SQL Server: 11).
//! * Bit: Windows Server 2016 and later and SQL Server 2016 and later ship 64-bit media only, so every version
//!   here offers `X64` alone. `X86` exists so a version that had 32-bit media needs only a row in [`VERSIONS`].
//! * SUSE / Red Hat plans run on Azure VMs: they have no keys or downloads, hence no choices.

use crate::records::{SoftwareKind, SoftwarePurchase};
use crate::rejection::{Field, Problem, Violation};
use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProductFamily {
    WindowsServer,
    SqlServer,
}

impl ProductFamily {
    /// The family of a purchase, from its product name; `None` for Linux plans and unknown products.
    pub fn of(purchase: &SoftwarePurchase) -> Option<ProductFamily> {
        if purchase.kind == SoftwareKind::LinuxPlan {
            return None;
        }
        let name = purchase.name.to_ascii_lowercase();
        if name.contains("windows server") {
            Some(ProductFamily::WindowsServer)
        } else if name.contains("sql server") {
            Some(ProductFamily::SqlServer)
        } else {
            None
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SoftwareVersion {
    WindowsServer2019,
    WindowsServer2022,
    SqlServer2019,
    SqlServer2022,
}

impl SoftwareVersion {
    /// Stable code used in keys, URLs, file names and CSV (never change an existing one).
    pub const fn code(self) -> &'static str {
        match self {
            SoftwareVersion::WindowsServer2019 => "WS2019",
            SoftwareVersion::WindowsServer2022 => "WS2022",
            SoftwareVersion::SqlServer2019 => "SQL2019",
            SoftwareVersion::SqlServer2022 => "SQL2022",
        }
    }

    /// The product name as Microsoft writes it (a proper noun: not translated).
    pub const fn name(self) -> &'static str {
        match self {
            SoftwareVersion::WindowsServer2019 => "Windows Server 2019",
            SoftwareVersion::WindowsServer2022 => "Windows Server 2022",
            SoftwareVersion::SqlServer2019 => "SQL Server 2019",
            SoftwareVersion::SqlServer2022 => "SQL Server 2022",
        }
    }
}

/// Media languages, by BCP 47 tag. The UI names them in the user's language.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Language {
    English,
    French,
    German,
    Japanese,
    Spanish,
    Italian,
    PortugueseBrazil,
    PortuguesePortugal,
    ChineseSimplified,
    ChineseTraditional,
    Korean,
    Russian,
    Dutch,
    Polish,
    Swedish,
    Turkish,
    Czech,
    Hungarian,
}

impl Language {
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en-US",
            Language::French => "fr-FR",
            Language::German => "de-DE",
            Language::Japanese => "ja-JP",
            Language::Spanish => "es-ES",
            Language::Italian => "it-IT",
            Language::PortugueseBrazil => "pt-BR",
            Language::PortuguesePortugal => "pt-PT",
            Language::ChineseSimplified => "zh-CN",
            Language::ChineseTraditional => "zh-TW",
            Language::Korean => "ko-KR",
            Language::Russian => "ru-RU",
            Language::Dutch => "nl-NL",
            Language::Polish => "pl-PL",
            Language::Swedish => "sv-SE",
            Language::Turkish => "tr-TR",
            Language::Czech => "cs-CZ",
            Language::Hungarian => "hu-HU",
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Bitness {
    X64,
    X86,
}

impl Bitness {
    pub const fn code(self) -> &'static str {
        match self {
            Bitness::X64 => "64-bit",
            Bitness::X86 => "32-bit",
        }
    }
}

/// One Version + Language + Bit choice.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ProductSelection {
    pub version: SoftwareVersion,
    pub language: Language,
    pub bit: Bitness,
}

impl ProductSelection {
    /// `WS2022 en-US 64-bit`: language-neutral, for logs and CSV.
    pub fn describe(&self) -> String {
        format!("{} {} {}", self.version.code(), self.language.code(), self.bit.code())
    }
}

/// One row of the media table.
pub struct VersionMedia {
    pub version: SoftwareVersion,
    pub family: ProductFamily,
    /// The year in the product name, used for down-level rights.
    pub year: u32,
    pub languages: &'static [Language],
    pub bits: &'static [Bitness],
}

use Language as L;

const WINDOWS_SERVER_LANGUAGES: &[Language] = &[
    L::English,
    L::ChineseSimplified,
    L::ChineseTraditional,
    L::Czech,
    L::Dutch,
    L::French,
    L::German,
    L::Hungarian,
    L::Italian,
    L::Japanese,
    L::Korean,
    L::Polish,
    L::PortugueseBrazil,
    L::PortuguesePortugal,
    L::Russian,
    L::Spanish,
    L::Swedish,
    L::Turkish,
];

const SQL_SERVER_LANGUAGES: &[Language] = &[
    L::English,
    L::ChineseSimplified,
    L::ChineseTraditional,
    L::French,
    L::German,
    L::Italian,
    L::Japanese,
    L::Korean,
    L::PortugueseBrazil,
    L::Russian,
    L::Spanish,
];

/// Every version we carry, newest first within a family.
pub const VERSIONS: &[VersionMedia] = &[
    VersionMedia {
        version: SoftwareVersion::WindowsServer2022,
        family: ProductFamily::WindowsServer,
        year: 2022,
        languages: WINDOWS_SERVER_LANGUAGES,
        bits: &[Bitness::X64],
    },
    VersionMedia {
        version: SoftwareVersion::WindowsServer2019,
        family: ProductFamily::WindowsServer,
        year: 2019,
        languages: WINDOWS_SERVER_LANGUAGES,
        bits: &[Bitness::X64],
    },
    VersionMedia {
        version: SoftwareVersion::SqlServer2022,
        family: ProductFamily::SqlServer,
        year: 2022,
        languages: SQL_SERVER_LANGUAGES,
        bits: &[Bitness::X64],
    },
    VersionMedia {
        version: SoftwareVersion::SqlServer2019,
        family: ProductFamily::SqlServer,
        year: 2019,
        languages: SQL_SERVER_LANGUAGES,
        bits: &[Bitness::X64],
    },
];

pub fn media(version: SoftwareVersion) -> Option<&'static VersionMedia> {
    VERSIONS.iter().find(|m| m.version == version)
}

/// The versions a purchase may fetch: its family's versions up to the year in its name (down-level rights).
pub fn versions_for(purchase: &SoftwarePurchase) -> Vec<&'static VersionMedia> {
    let Some(family) = ProductFamily::of(purchase) else {
        return Vec::new();
    };
    let of_family = || VERSIONS.iter().filter(move |m| m.family == family);
    let named_year = of_family().map(|m| m.year).filter(|y| purchase.name.contains(&y.to_string())).max();
    of_family().filter(|m| named_year.is_none_or(|y| m.year <= y)).collect()
}

/// Everything the three drop-downs may offer for a purchase, in display order. Empty for Linux plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectionChoices {
    pub versions: Vec<SoftwareVersion>,
    /// Per version (same order as `versions`), its languages and bits.
    pub languages: Vec<(SoftwareVersion, Vec<Language>)>,
    pub bits: Vec<(SoftwareVersion, Vec<Bitness>)>,
}

impl SelectionChoices {
    /// The pre-selected choice: newest version, English, 64-bit (when offered).
    pub fn default_selection(&self) -> Option<ProductSelection> {
        let version = *self.versions.first()?;
        let media = media(version)?;
        let language =
            if media.languages.contains(&Language::English) { Language::English } else { *media.languages.first()? };
        let bit = *media.bits.first()?;
        Some(ProductSelection { version, language, bit })
    }
}

pub fn choices_for(purchase: &SoftwarePurchase) -> SelectionChoices {
    let rows = versions_for(purchase);
    SelectionChoices {
        versions: rows.iter().map(|m| m.version).collect(),
        languages: rows.iter().map(|m| (m.version, m.languages.to_vec())).collect(),
        bits: rows.iter().map(|m| (m.version, m.bits.to_vec())).collect(),
    }
}

/// Every field of `selection` that the purchase does not offer (an unavailable version makes language and
/// bit unanswerable, so only the version is reported then).
pub fn check_selection(purchase: &SoftwarePurchase, selection: &ProductSelection) -> Vec<Violation> {
    let not_offered = |field| Violation::Invalid { field, problem: Problem::NotOffered };
    let rows = versions_for(purchase);
    let Some(media) = rows.iter().find(|m| m.version == selection.version) else {
        return vec![not_offered(Field::SoftwareVersion)];
    };
    let mut out = Vec::new();
    if !media.languages.contains(&selection.language) {
        out.push(not_offered(Field::SoftwareLanguage));
    }
    if !media.bits.contains(&selection.bit) {
        out.push(not_offered(Field::SoftwareBit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::software::test_support::purchase;

    #[test]
    fn versions_follow_the_family_and_down_level_rights() {
        let cases: &[(&str, SoftwareKind, &[SoftwareVersion])] = &[
            (
                "Windows Server 2022 Standard",
                SoftwareKind::Perpetual,
                &[SoftwareVersion::WindowsServer2022, SoftwareVersion::WindowsServer2019],
            ),
            ("Windows Server 2019 Datacenter", SoftwareKind::Perpetual, &[SoftwareVersion::WindowsServer2019]),
            (
                "Windows Server Datacenter",
                SoftwareKind::Subscription { years: 1 },
                &[SoftwareVersion::WindowsServer2022, SoftwareVersion::WindowsServer2019],
            ),
            ("SQL Server 2019 Enterprise", SoftwareKind::Subscription { years: 3 }, &[SoftwareVersion::SqlServer2019]),
            (
                "sql server 2022 standard",
                SoftwareKind::Perpetual,
                &[SoftwareVersion::SqlServer2022, SoftwareVersion::SqlServer2019],
            ),
            ("Red Hat Enterprise Linux", SoftwareKind::LinuxPlan, &[]),
            ("SUSE Linux Enterprise Server", SoftwareKind::LinuxPlan, &[]),
            ("Windows Server 2022 plan", SoftwareKind::LinuxPlan, &[]),
            ("Visio Standard", SoftwareKind::Perpetual, &[]),
        ];
        for (name, kind, want) in cases {
            let p = purchase("SW-0001", name, *kind);
            assert_eq!(choices_for(&p).versions, want.to_vec(), "{name}");
        }
    }

    #[test]
    fn languages_and_bits_per_version() {
        let ws = choices_for(&purchase("SW-0001", "Windows Server 2022 Standard", SoftwareKind::Perpetual));
        let sql = choices_for(&purchase("SW-0002", "SQL Server 2022 Standard", SoftwareKind::Perpetual));
        let cases: &[(&SelectionChoices, usize, usize)] = &[(&ws, 18, 1), (&sql, 11, 1)];
        for (choices, langs, bits) in cases {
            for (version, l) in &choices.languages {
                assert_eq!(l.len(), *langs, "{version:?} languages");
                for wanted in [L::English, L::French, L::German, L::Japanese, L::Spanish, L::Italian] {
                    assert!(l.contains(&wanted), "{version:?} offers {wanted:?}");
                }
                assert!(l.contains(&L::PortugueseBrazil) && l.contains(&L::ChineseSimplified), "{version:?}");
            }
            for (version, b) in &choices.bits {
                assert_eq!(b.len(), *bits, "{version:?} bits");
                assert_eq!(b, &vec![Bitness::X64], "{version:?}: 64-bit media only");
            }
        }
        let d = ws.default_selection().unwrap();
        assert_eq!(
            d,
            ProductSelection {
                version: SoftwareVersion::WindowsServer2022,
                language: Language::English,
                bit: Bitness::X64
            }
        );
        let linux = choices_for(&purchase("SW-0003", "Red Hat Enterprise Linux", SoftwareKind::LinuxPlan));
        assert_eq!(linux.default_selection(), None);
    }

    #[test]
    fn codes_are_unique() {
        let langs = WINDOWS_SERVER_LANGUAGES.iter().map(|l| l.code()).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(langs.len(), WINDOWS_SERVER_LANGUAGES.len());
        let versions = VERSIONS.iter().map(|m| m.version.code()).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(versions.len(), VERSIONS.len());
    }

    #[test]
    fn validates_each_part_of_a_selection() {
        let ws2019 = purchase("SW-0001", "Windows Server 2019 Standard", SoftwareKind::Perpetual);
        let sel = |version, language, bit| ProductSelection { version, language, bit };
        let bad = |field| Violation::Invalid { field, problem: Problem::NotOffered };
        use SoftwareVersion as V;
        let cases: &[(&str, ProductSelection, Vec<Violation>)] = &[
            ("valid", sel(V::WindowsServer2019, L::Japanese, Bitness::X64), vec![]),
            (
                "newer than bought",
                sel(V::WindowsServer2022, L::English, Bitness::X64),
                vec![bad(Field::SoftwareVersion)],
            ),
            ("other family", sel(V::SqlServer2019, L::English, Bitness::X64), vec![bad(Field::SoftwareVersion)]),
            ("no 32-bit media", sel(V::WindowsServer2019, L::English, Bitness::X86), vec![bad(Field::SoftwareBit)]),
        ];
        for (case, selection, want) in cases {
            assert_eq!(&check_selection(&ws2019, selection), want, "{case}");
        }
        let sql = purchase("SW-0002", "SQL Server 2019 Standard", SoftwareKind::Perpetual);
        assert_eq!(
            check_selection(&sql, &sel(V::SqlServer2019, L::Czech, Bitness::X86)),
            vec![bad(Field::SoftwareLanguage), bad(Field::SoftwareBit)],
            "SQL Server has no Czech media and no 32-bit: both reported"
        );
    }
}
