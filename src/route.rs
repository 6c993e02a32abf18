//! Hash routing: every page has a URL of the form `#/path?query`. The part after `#` never reaches the
//! server, so a deep link reloads on any static host (an object-store bucket, a CDN, a bare file server)
//! with no rewrite rule, under any path prefix; and links are plain anchors the browser handles itself,
//! so nothing intercepts clicks on a host page that embeds the app.

use std::fmt::Write;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Customers,
    Billing,
    ActivityLog,
    Settings,
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Customers
    }
}

impl Route {
    /// Parse the fragment of a URL (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let raw = hash.trim_start_matches('#');
        let (path, _query) = raw.split_once('?').unwrap_or((raw, ""));
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segs.as_slice() {
            [] | ["customers"] => Route::Customers,
            ["billing"] => Route::Billing,
            ["activity"] => Route::ActivityLog,
            ["settings"] => Route::Settings,
            _ => Route::NotFound(raw.to_string()),
        }
    }

    /// The fragment for this route, starting with `#/`.
    pub fn href(&self) -> String {
        let mut out = String::from("#/");
        match self {
            Route::Customers => out.push_str("customers"),
            Route::Billing => out.push_str("billing"),
            Route::ActivityLog => out.push_str("activity"),
            Route::Settings => out.push_str("settings"),
            Route::NotFound(raw) => {
                let _ = write!(out, "{}", raw.trim_start_matches('/'));
            }
        }
        out
    }

    /// The top-level section a route belongs to, for highlighting the navigation.
    pub fn section(&self) -> Section {
        match self {
            Route::Customers | Route::NotFound(_) => Section::Customers,
            Route::Billing => Section::Billing,
            Route::ActivityLog => Section::ActivityLog,
            Route::Settings => Section::Settings,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Section {
    Customers,
    Billing,
    ActivityLog,
    Settings,
}

/// Percent-encode a path segment or query value (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decode percent-encoding; malformed escapes are kept literally (a pasted URL must not crash the app).
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_href_round_trip() {
        let cases = [
            ("", Route::Customers),
            ("#", Route::Customers),
            ("#/", Route::Customers),
            ("#/customers", Route::Customers),
            ("#/billing", Route::Billing),
            ("#/activity", Route::ActivityLog),
            ("#/settings?x=1", Route::Settings),
            ("#/nowhere/at/all", Route::NotFound("/nowhere/at/all".into())),
        ];
        for (hash, want) in cases {
            let got = Route::parse(hash);
            assert_eq!(got, want, "{hash:?}");
            assert_eq!(Route::parse(&got.href()), got, "round trip of {hash:?}");
        }
    }

    #[test]
    fn percent_encoding() {
        let cases = ["plain", "a b", "Société Générale", "50%", "a/b?c=d&e#f", "+"];
        for value in cases {
            assert_eq!(decode(&encode(value)), value, "{value:?}");
        }
        assert_eq!(decode("bad%zz%"), "bad%zz%");
        assert_eq!(decode("%E9"), "\u{FFFD}", "invalid UTF-8 is replaced, not a crash");
    }
}
