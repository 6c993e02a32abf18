//! Product keys and link tokens: deterministic, so a replay or a reload shows the same key.
//!
//! A small stable hash of our own (FNV-1a 64 seeded stream, then SplitMix64 to draw symbols): the std
//! `HashMap` hasher is randomised per process and the engine takes no crates for this.

use super::selection::ProductSelection;
use crate::records::SoftwarePurchase;

/// The 24 symbols real product keys use (no vowels, no look-alikes such as 0/O, 1/I, 5/S).
pub const KEY_ALPHABET: &[u8; 24] = b"BCDFGHJKMPQRTVWXY2346789";
pub const KEY_GROUPS: usize = 5;
pub const KEY_GROUP_LEN: usize = 5;

/// FNV-1a, 64-bit.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One SplitMix64 step: advances `state` and returns a well-mixed value.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`: 25 symbols of [`KEY_ALPHABET`], fixed for a purchase and selection.
pub fn product_key(purchase: &SoftwarePurchase, selection: &ProductSelection) -> String {
    let seed = format!(
        "key|{}|{}|{}|{}|{}|{}",
        purchase.id,
        purchase.customer,
        purchase.offer,
        selection.version.code(),
        selection.language.code(),
        selection.bit.code()
    );
    let mut state = fnv1a(seed.as_bytes());
    let mut out = String::with_capacity(KEY_GROUPS * (KEY_GROUP_LEN + 1));
    for group in 0..KEY_GROUPS {
        if group > 0 {
            out.push('-');
        }
        for _ in 0..KEY_GROUP_LEN {
            // 24 divides 2^64 unevenly by a negligible 1e-18 bias; fine for display keys.
            let i = (splitmix64(&mut state) % KEY_ALPHABET.len() as u64) as usize;
            out.push(KEY_ALPHABET.get(i).copied().unwrap_or(b'B') as char);
        }
    }
    out
}

/// A lowercase hex token of `len` characters derived from `seed` (download URLs).
pub fn token(seed: &str, len: usize) -> String {
    let mut state = fnv1a(seed.as_bytes());
    let mut out = String::with_capacity(len + 16);
    while out.len() < len {
        out.push_str(&format!("{:016x}", splitmix64(&mut state)));
    }
    out.truncate(len);
    out
}

/// Is `key` shaped like a product key (five dash-separated groups of five symbols of the alphabet)?
pub fn is_well_formed_key(key: &str) -> bool {
    let groups: Vec<&str> = key.split('-').collect();
    groups.len() == KEY_GROUPS
        && groups.iter().all(|g| g.len() == KEY_GROUP_LEN && g.bytes().all(|b| KEY_ALPHABET.contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::SoftwareKind;
    use crate::software::selection::{Bitness, Language, SoftwareVersion};
    use crate::software::test_support::purchase;
    use proptest::prelude::*;

    fn sel(version: SoftwareVersion, language: Language) -> ProductSelection {
        ProductSelection { version, language, bit: Bitness::X64 }
    }

    #[test]
    fn fnv1a_matches_reference_vectors() {
        // Published FNV-1a 64 test vectors.
        let cases: &[(&[u8], u64)] =
            &[(b"", 0xcbf29ce484222325), (b"a", 0xaf63dc4c8601ec8c), (b"foobar", 0x85944171f73967e8)];
        for (input, want) in cases {
            assert_eq!(fnv1a(input), *want, "{:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn keys_have_the_product_key_format() {
        let alphabet_len = KEY_ALPHABET.len();
        assert_eq!(alphabet_len, 24);
        let p = purchase("SW-0001", "Windows Server 2022 Standard", SoftwareKind::Perpetual);
        let cases = [
            sel(SoftwareVersion::WindowsServer2022, Language::English),
            sel(SoftwareVersion::WindowsServer2019, Language::Japanese),
            sel(SoftwareVersion::WindowsServer2022, Language::PortugueseBrazil),
        ];
        for s in cases {
            let key = product_key(&p, &s);
            assert_eq!(key.len(), 29, "{s:?}: 25 symbols and 4 dashes");
            assert_eq!(key.chars().filter(|c| *c != '-').count(), 25, "{s:?}");
            assert!(is_well_formed_key(&key), "{s:?}: {key}");
        }
    }

    #[test]
    fn keys_are_deterministic_and_differ_by_purchase_and_selection() {
        let p1 = purchase("SW-0001", "Windows Server 2022 Standard", SoftwareKind::Perpetual);
        let p2 = purchase("SW-0002", "Windows Server 2022 Standard", SoftwareKind::Perpetual);
        let base = sel(SoftwareVersion::WindowsServer2022, Language::English);
        assert_eq!(product_key(&p1, &base), product_key(&p1.clone(), &base), "same inputs, same key");
        let variants: &[(&str, &SoftwarePurchase, ProductSelection)] = &[
            ("other purchase", &p2, base),
            ("other version", &p1, sel(SoftwareVersion::WindowsServer2019, Language::English)),
            ("other language", &p1, sel(SoftwareVersion::WindowsServer2022, Language::French)),
            ("other bit", &p1, ProductSelection { bit: Bitness::X86, ..base }),
        ];
        for (case, p, s) in variants {
            assert_ne!(product_key(p, s), product_key(&p1, &base), "{case}");
        }
    }

    #[test]
    fn a_key_is_pinned_across_releases() {
        // Keys are shown to customers: changing the derivation would change every key they hold.
        let p = purchase("SW-0001", "Windows Server 2022 Standard", SoftwareKind::Perpetual);
        let key = product_key(&p, &sel(SoftwareVersion::WindowsServer2022, Language::English));
        assert_eq!(key, PINNED_KEY);
    }

    const PINNED_KEY: &str = "2QDDP-2Q7XG-VPD7J-8DWWR-F9C7V";

    #[test]
    fn tokens_have_the_asked_length() {
        for len in [0, 1, 16, 20, 33] {
            let t = token("seed", len);
            assert_eq!(t.len(), len);
            assert!(t.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        }
        assert_ne!(token("a", 20), token("b", 20));
    }

    proptest! {
        #[test]
        fn every_key_is_well_formed(id in "[A-Z]{2}-[0-9]{4}", name in ".{0,40}") {
            let p = purchase(&id, &name, SoftwareKind::Perpetual);
            let key = product_key(&p, &sel(SoftwareVersion::SqlServer2019, Language::German));
            prop_assert!(is_well_formed_key(&key), "{}", key);
        }
    }
}
