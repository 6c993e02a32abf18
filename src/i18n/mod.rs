//! Internationalisation: one catalog of every user-visible string in English and French, and locale
//! formatting of dates, numbers and money.
//!
//! The catalog is a macro table: each key must give both languages or the crate does not compile, and
//! a test checks that both languages use the same `{placeholders}`. Hand-rolled on purpose: it costs a
//! few kilobytes of wasm, where ICU-based crates pull data tables far over the download budget.

mod catalog;
pub mod format;

pub use catalog::Key;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fr];

    /// BCP 47 tag, for `lang` attributes and the browser's Intl APIs.
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's own name, shown in the switch whatever the current locale.
    pub const fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
        }
    }
}

/// Fill `{name}` placeholders of a catalog template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The reactive handle pages use: reads the current locale, so text re-renders when it changes.
#[derive(Copy, Clone)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.locale.get())
    }

    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(key.text(self.locale.get()), args)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> =
            s.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string())).collect();
        out.sort();
        out
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        assert!(Key::ALL.len() > 50);
        for key in Key::ALL {
            let (en, fr) = (key.text(Locale::En), key.text(Locale::Fr));
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?} has an empty text");
            assert_eq!(placeholders(en), placeholders(fr), "{key:?} placeholders differ");
        }
    }

    #[test]
    fn locale_tags() {
        let cases = [("fr-FR", Some(Locale::Fr)), ("en_GB", Some(Locale::En)), ("EN", Some(Locale::En)), ("de", None)];
        for (tag, want) in cases {
            assert_eq!(Locale::from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a} and {b} and {a}", &[("a", "1"), ("b", "2")]), "1 and 2 and 1");
    }
}
