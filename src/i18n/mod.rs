//! Internationalisation: one catalog of every user-visible string in English and French, and locale
//! formatting of dates, numbers and money.
//!
//! The catalog is a macro table: each key must give both languages or the crate does not compile, and
//! a test checks that both languages use the same `{placeholders}`. Hand-rolled on purpose: it costs a
//! few kilobytes of wasm, where ICU-based crates pull data tables far over the download budget.

mod catalog;
mod countries;
pub mod date_input;
mod first_page;
mod fold;
pub mod format;
mod plural;

pub use catalog::{countries_by_name, country_name, first_page_ready, load, Key};
pub use fold::fold;
pub use plural::{plural, Plural};

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

/// A message shown after an action, kept as its key and arguments rather than as text: it is worded when
/// shown, so it follows a later change of language like the rest of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    key: Key,
    args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value; dates, numbers and catalog words are formatted in the language shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Integer(i64),
    Date(chrono::NaiveDate),
    /// A catalog word in lower case, inside a sentence ("Auto-renew was turned {state}").
    LowerKey(Key),
}

impl Message {
    pub fn new(key: Key) -> Message {
        Message { key, args: Vec::new() }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Message {
        self.args.push((name, value));
        self
    }

    pub fn text(&self, locale: Locale) -> String {
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(_, arg)| match arg {
                Arg::Text(text) => text.clone(),
                Arg::Integer(n) => format::integer(*n, locale),
                Arg::Date(d) => format::date(*d, locale),
                Arg::LowerKey(key) => key.text(locale).to_lowercase(),
            })
            .collect();
        let pairs: Vec<(&str, &str)> =
            self.args.iter().zip(&values).map(|((name, _), v)| (*name, v.as_str())).collect();
        fill(self.key.text(locale), &pairs)
    }
}

impl From<Key> for Message {
    fn from(key: Key) -> Message {
        Message::new(key)
    }
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

    /// A counted entry for `n` (its "one" or "other" form), filled. `n` chooses the form; the caller
    /// passes it formatted among `args` too, under the entry's own placeholder name.
    pub fn tn(&self, key: Key, n: i64, args: &[(&str, &str)]) -> String {
        fill(key.counted(self.locale.get(), n), args)
    }

    /// A kept [`Message`] in the current language (reactive).
    pub fn msg(&self, message: &Message) -> String {
        message.text(self.locale.get())
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
    fn countries_are_named_in_both_languages_and_unknown_codes_shown_as_they_are() {
        let cases = [
            ("DE", Locale::En, "Germany"),
            ("DE", Locale::Fr, "Allemagne"),
            ("CI", Locale::Fr, "Côte d’Ivoire"),
            ("US", Locale::Fr, "États-Unis"),
            ("XK", Locale::En, "Kosovo"),
            ("ZZ", Locale::En, "ZZ"),
            ("de", Locale::En, "de"),
            ("", Locale::Fr, ""),
        ];
        for (code, locale, name) in cases {
            assert_eq!(country_name(code, locale), name, "{code} {locale:?}");
        }
        for code in csp_engine::country::COUNTRY_CODES {
            for locale in Locale::ALL {
                let name = country_name(code, locale);
                assert!(name != *code && !name.trim().is_empty(), "{code} {locale:?} has no name");
                assert!(!name.contains('\''), "{code} {locale:?}: typographic apostrophe expected in {name}");
            }
        }
    }

    #[test]
    fn the_country_select_lists_every_country_alphabetically_in_the_ui_language() {
        let names = |locale| countries_by_name(locale).into_iter().map(|(_, name)| name).collect::<Vec<_>>();
        let (en, fr) = (names(Locale::En), names(Locale::Fr));
        assert_eq!(en[..3], ["Afghanistan", "Åland Islands", "Albania"]);
        let at = |name: &str| fr.iter().position(|n| *n == name).unwrap_or_else(|| panic!("{name} missing"));
        // Accented initials sort with their letter, not after Z.
        assert!(at("Espagne") < at("États-Unis") && at("États-Unis") < at("Éthiopie") && at("Éthiopie") < at("Fidji"));
        assert!(at("Égypte") < at("Eswatini"));
        for locale in Locale::ALL {
            let mut codes: Vec<&str> = countries_by_name(locale).into_iter().map(|(code, _)| code).collect();
            assert_eq!(codes.len(), csp_engine::country::COUNTRY_CODES.len(), "{locale:?}");
            codes.sort();
            assert_eq!(codes, csp_engine::country::COUNTRY_CODES, "{locale:?}: every code once");
            let pairs = countries_by_name(locale);
            assert!(pairs.iter().all(|(code, name)| country_name(code, locale) == *name), "{locale:?}");
        }
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        assert!(Key::ALL.len() > 50);
        for key in Key::ALL {
            let (en, fr) = (key.text(Locale::En), key.text(Locale::Fr));
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?} has an empty text");
            assert_eq!(placeholders(en), placeholders(fr), "{key:?} placeholders differ");
            // A counted entry's "one" form uses no placeholder its "other" form lacks; in French it keeps
            // them all, since 0 is "one" too ("0 abonnement"): only English may say "once" for 1.
            for locale in Locale::ALL {
                let (one, other) = (key.one(locale), key.text(locale));
                let Some(one) = one else { continue };
                let (one_names, other_names) = (placeholders(one), placeholders(other));
                assert!(one_names.iter().all(|n| other_names.contains(n)), "{key:?} {locale:?}: {one}");
                if locale == Locale::Fr {
                    assert_eq!(one_names, other_names, "{key:?}: French one-form must keep every placeholder");
                }
            }
        }
    }

    /// Counted phrases for 0, 1 and 2 in both languages (CLDR: English "one" is 1, French "one" is 0 and 1).
    #[test]
    fn counted_entries_agree_with_their_number() {
        let cases = [
            (Key::SumDeletions, Locale::En, 0, "0 subscriptions deleted"),
            (Key::SumDeletions, Locale::En, 1, "1 subscription deleted"),
            (Key::SumDeletions, Locale::En, 2, "2 subscriptions deleted"),
            (Key::SumDeletions, Locale::Fr, 0, "0 abonnement supprimé"),
            (Key::SumDeletions, Locale::Fr, 1, "1 abonnement supprimé"),
            (Key::SumDeletions, Locale::Fr, 2, "2 abonnements supprimés"),
            (Key::EntriesCount, Locale::En, 0, "0 entries"),
            (Key::EntriesCount, Locale::En, 1, "1 entry"),
            (Key::EntriesCount, Locale::En, 2, "2 entries"),
            (Key::EntriesCount, Locale::Fr, 0, "0 entrée"),
            (Key::EntriesCount, Locale::Fr, 1, "1 entrée"),
            (Key::EntriesCount, Locale::Fr, 2, "2 entrées"),
            (Key::CustomersCount, Locale::En, 1, "1 customer"),
            (Key::CustomersCount, Locale::Fr, 0, "0 client"),
            (Key::CustomersCount, Locale::Fr, 2, "2 clients"),
        ];
        for (key, locale, n, want) in cases {
            assert_eq!(fill(key.counted(locale, n), &[("count", &n.to_string())]), want, "{key:?} {locale:?} {n}");
        }
        let paid = |locale, n: i64| {
            fill(Key::RsvPaidMonthly.counted(locale, n), &[("amount", "$5.00"), ("count", &n.to_string())])
        };
        assert_eq!(paid(Locale::En, 1), "$5.00 (1 monthly payment)");
        assert_eq!(paid(Locale::En, 2), "$5.00 (2 monthly payments)");
        assert_eq!(paid(Locale::Fr, 0), "$5.00 (0 paiement mensuel)");
        assert_eq!(paid(Locale::Fr, 2), "$5.00 (2 paiements mensuels)");
        // An entry with no forms reads the same for any number.
        assert_eq!(Key::CartLink.counted(Locale::En, 1), Key::CartLink.text(Locale::En));
        assert_eq!(Key::CartLink.one(Locale::Fr), None);
    }

    /// What breaks French typography in `text`: a plain space or no space before `:` `;` `?` `!` or `%`
    /// (the rule is a no-break space, U+00A0), « » without no-break spaces inside, straight quotes `"`, `'`.
    fn french_typography_problems(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let (before, after) = (i.checked_sub(1).map(|j| chars[j]), chars.get(i + 1).copied());
            match c {
                '"' | '\'' | '“' | '”' => out.push(format!("straight or English quote {c:?} at {i}")),
                ':' if after == Some('/') || after.is_some_and(|a| a.is_ascii_digit()) => {} // a URL, a time
                // A percent sign after a number ("50\u{a0}%"), not a unit on its own ("(%)").
                '%' if before.is_some_and(|b| b != '\u{a0}' && (b.is_ascii_digit() || b == '}' || b == ' ')) => {
                    out.push(format!("'%' at {i} needs a no-break space before it, not {before:?}"))
                }
                ':' | ';' | '?' | '!' if before != Some('\u{a0}') => {
                    out.push(format!("{c:?} at {i} needs a no-break space before it, not {before:?}"))
                }
                '«' if after != Some('\u{a0}') => out.push(format!("« at {i} needs a no-break space after it")),
                '»' if before != Some('\u{a0}') => out.push(format!("» at {i} needs a no-break space before it")),
                _ => {}
            }
        }
        out
    }

    /// Every French entry, both forms of counted ones, including keys added later (it walks `Key::ALL`).
    #[test]
    fn french_entries_follow_french_typography() {
        let mut bad = Vec::new();
        for key in Key::ALL {
            for text in [Some(key.text(Locale::Fr)), key.one(Locale::Fr)].into_iter().flatten() {
                for problem in french_typography_problems(text) {
                    bad.push(format!("{key:?}: {problem}: {text}"));
                }
            }
        }
        assert!(bad.is_empty(), "{} French typography problems:\n{}", bad.len(), bad.join("\n"));
    }

    #[test]
    fn the_typography_check_catches_what_it_must() {
        let cases = [
            ("Date simulée\u{a0}: 15 déc.", true),
            ("Annuler {name}\u{a0}?", true),
            ("sous la clé «\u{a0}{key}\u{a0}»\u{a0};", true),
            ("{percent}\u{a0}%, https://example.com, 10:30", true),
            ("Date simulée : 15 déc.", false),
            ("Date simulée: 15 déc.", false),
            ("Annuler\u{202f}?", false),
            ("la clé « {key} »", false),
            ("la clé \"{key}\"", false),
            ("l'abonnement", false),
            ("50 %", false),
            ("{fee}%", false),
            ("Utilisation (%)", true),
        ];
        for (text, ok) in cases {
            assert_eq!(french_typography_problems(text).is_empty(), ok, "{text:?}");
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
    fn a_kept_message_is_worded_in_the_language_it_is_shown_in() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let recorded =
            Message::new(Key::RsvUtilisationRecorded).arg("percent", Arg::Integer(1500)).arg("date", Arg::Date(day));
        let renew = Message::new(Key::AutoRenewSubmitted).arg("state", Arg::LowerKey(Key::AutoRenewOn));
        let (date_en, date_fr) = (format::date(day, Locale::En), format::date(day, Locale::Fr));
        let (on_en, on_fr) =
            (Key::AutoRenewOn.text(Locale::En).to_lowercase(), Key::AutoRenewOn.text(Locale::Fr).to_lowercase());
        let cases: [(&Message, Locale, Vec<&str>); 4] = [
            (&recorded, Locale::En, vec!["1,500", &date_en]),
            (&recorded, Locale::Fr, vec!["1\u{202f}500", &date_fr]),
            (&renew, Locale::En, vec![&on_en]),
            (&renew, Locale::Fr, vec![&on_fr]),
        ];
        for (message, locale, parts) in cases {
            let text = message.text(locale);
            assert!(!text.contains('{'), "{message:?} {locale:?}: placeholder left in {text}");
            for part in parts {
                assert!(text.contains(part), "{message:?} {locale:?}: {text} lacks {part}");
            }
        }
        assert_ne!(recorded.text(Locale::En), recorded.text(Locale::Fr));
        assert_eq!(Message::from(Key::Saved).text(Locale::Fr), Key::Saved.text(Locale::Fr));
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a} and {b} and {a}", &[("a", "1"), ("b", "2")]), "1 and 2 and 1");
    }
}
