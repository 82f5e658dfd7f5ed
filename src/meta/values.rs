//! Validated scalar values shared by sidecars, manifests and flags: dates, BCP 47
//! language tags and URLs.
//!
//! Each is a newtype whose `Deserialize` checks the text, so a bad value in a sidecar is
//! reported by the format parser at its own line:column, and whose `JsonSchema` says what
//! is accepted, so the published schemas match what the parser does.

use crate::model::PubDate;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;

/// Parses a metadata date: RFC 3339 with an offset, a plain date (`2024-03-15`, `2024-03`,
/// `2024`), or whatever else [`crate::infer::dates::parse`] reads (month-name forms).
///
/// Wraps `infer::dates::parse` because metadata needs two things it does not do: a
/// date-time without an offset must be refused with a message that says how to write it
/// (a local time means nothing in an archive), and year or year-month dates are valid.
pub fn parse_date(text: &str) -> Result<PubDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(
            "the date is empty; write it as 2024-03-15 or 2024-03-15T09:30:00+07:00".into(),
        );
    }
    if looks_like_local_date_time(t) {
        return Err(format!(
            "'{t}' has a time but no UTC offset; write it with one, e.g. {}+07:00 (or Z for UTC), or give the date alone",
            t.replace(' ', "T")
        ));
    }
    if let Some(d) = year_or_year_month(t) {
        return Ok(PubDate::Date(d));
    }
    crate::infer::dates::parse(t).map_err(|e| e.to_string())
}

/// `2024-03-15T09:30`, `2024-03-15 09:30:00`, `2024-03-15T09:30:00.5` — a date and a clock
/// time with nothing after it that could be an offset.
fn looks_like_local_date_time(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() < 16 || !is_iso_date(&t[..10]) || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ')
    {
        return false;
    }
    let time = &t[11..];
    let end = time
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(time.len());
    // Anything after the clock time (Z, +07:00, -05:00, [zone]) is left for the parser.
    end == time.len() && time.contains(':')
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn year_or_year_month(t: &str) -> Option<String> {
    let b = t.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match b.len() {
        4 if digits(b) => Some(t.to_string()),
        7 if digits(&b[..4]) && b[4] == b'-' && digits(&b[5..]) => {
            let m: u32 = t[5..].parse().ok()?;
            (1..=12).contains(&m).then(|| t.to_string())
        }
        _ => None,
    }
}

/// Checks that `tag` is a well-formed BCP 47 language tag (RFC 5646 syntax, with the
/// primary language limited to 2–3 letters as in every real tag) and returns it in
/// canonical case (`pt-BR`, `zh-Hant-TW`).
pub fn parse_language(tag: &str) -> Result<String, String> {
    let t = tag.trim();
    let hint = "write a BCP 47 tag such as 'id', 'vi', 'en', 'pt-BR' or 'zh-Hant-TW'";
    if t.is_empty() {
        return Err(format!("the language is empty; {hint}"));
    }
    if t.contains('_') {
        return Err(format!(
            "'{t}' is not a BCP 47 language tag (subtags are joined by '-', not '_': '{}')",
            t.replace('_', "-")
        ));
    }
    let parts: Vec<&str> = t.split('-').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Err(format!("'{t}' is not a BCP 47 language tag; {hint}"));
    }
    let lower: Vec<String> = parts.iter().map(|p| p.to_ascii_lowercase()).collect();
    // A tag made only of private-use subtags (`x-klingon`).
    if lower[0] == "x" {
        if lower.len() > 1 && lower[1..].iter().all(|p| (1..=8).contains(&p.len())) {
            return Ok(lower.join("-"));
        }
        return Err(format!("'{t}' is not a BCP 47 language tag; {hint}"));
    }
    let alpha = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
    let digit = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !(2..=3).contains(&lower[0].len()) || !alpha(&lower[0]) {
        return Err(format!("'{t}' is not a BCP 47 language tag; {hint}"));
    }
    let mut out = vec![lower[0].clone()];
    let mut i = 1;
    // extlang: up to three 3-letter subtags
    let mut ext = 0;
    while i < lower.len() && ext < 3 && lower[i].len() == 3 && alpha(&lower[i]) {
        out.push(lower[i].clone());
        i += 1;
        ext += 1;
    }
    if i < lower.len() && lower[i].len() == 4 && alpha(&lower[i]) {
        let mut s = lower[i].clone();
        s[..1].make_ascii_uppercase();
        out.push(s);
        i += 1;
    }
    if i < lower.len()
        && ((lower[i].len() == 2 && alpha(&lower[i])) || (lower[i].len() == 3 && digit(&lower[i])))
    {
        out.push(lower[i].to_ascii_uppercase());
        i += 1;
    }
    while i < lower.len() {
        let p = &lower[i];
        let is_variant =
            (5..=8).contains(&p.len()) || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit());
        if !is_variant {
            break;
        }
        out.push(p.clone());
        i += 1;
    }
    while i < lower.len() {
        let p = &lower[i];
        if p.len() != 1 {
            return Err(format!(
                "'{t}' is not a BCP 47 language tag (subtag '{}' is out of place); {hint}",
                parts[i]
            ));
        }
        let limits = if p == "x" { 1..=8 } else { 2..=8 };
        let start = i;
        out.push(p.clone());
        i += 1;
        while i < lower.len() && (p == "x" || lower[i].len() > 1) {
            if !limits.contains(&lower[i].len()) {
                return Err(format!("'{t}' is not a BCP 47 language tag; {hint}"));
            }
            out.push(lower[i].clone());
            i += 1;
        }
        if i == start + 1 {
            return Err(format!("'{t}' is not a BCP 47 language tag (singleton '{p}' needs a subtag after it); {hint}"));
        }
    }
    Ok(out.join("-"))
}

/// Checks that `url` is an absolute http(s) URL without spaces, control or format
/// characters (a bidi override would show readers another address than the one
/// followed) and without the ASCII characters RFC 3986 excludes (`"`, `<`, `>`, `\`,
/// `^`, `` ` ``, `{`, `|`, `}`), which the output schemas' URI checks refuse. Readers
/// (`Source:` lines, front matter, HTML) and sidecars, manifests and flags all use it.
pub fn parse_url(url: &str) -> Result<String, String> {
    let u = url.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .or_else(|| u.strip_prefix("HTTPS://"))
        .or_else(|| u.strip_prefix("HTTP://"));
    let shown = || u.escape_debug().to_string();
    if let Some(c) = u.chars().find(|&c| {
        c.is_whitespace()
            || c.is_control()
            || is_format_char(c)
            || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    }) {
        return Err(format!(
            "'{}' holds {} ({}), which no URL may hold; percent-encode it or remove it",
            shown(),
            c.escape_unicode(),
            if c.is_whitespace() {
                "a space"
            } else if c.is_control() || is_format_char(c) {
                "a control or formatting character"
            } else {
                "a character URLs exclude"
            }
        ));
    }
    // `%` opens a percent-encoded byte: two hex digits must follow.
    if let Some(i) = u.match_indices('%').map(|(i, _)| i).find(|&i| {
        !u.as_bytes()
            .get(i + 1..i + 3)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    }) {
        return Err(format!(
            "'{}' has a '%' at character {} that two hex digits do not follow; write a literal % as %25",
            shown(),
            u[..i].chars().count() + 1
        ));
    }
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') => Ok(u.to_string()),
        _ => Err(format!(
            "'{}' is not an absolute http(s) URL; write it as https://example.org/path",
            shown()
        )),
    }
}

/// Unicode format characters (category Cf) that text may carry invisibly: bidi marks,
/// embeddings, overrides and isolates, zero-width characters, the byte-order mark, the
/// soft hyphen.
pub fn is_format_char(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A reference without a scheme (`/media/a.jpg`, `a.jpg`, `//cdn.example/a.jpg`).
pub fn is_relative_reference(u: &str) -> bool {
    let scheme_end = u.find(':');
    let first_delim = u.find(['/', '?', '#']);
    !u.is_empty()
        && match (scheme_end, first_delim) {
            (Some(c), Some(d)) => d < c,
            (Some(_), None) => false,
            (None, _) => true,
        }
}

/// RFC 3986 §5.2 reference resolution for the relative forms pages use: network-path
/// (`//host/p`), absolute-path (`/p`) and relative-path (`p`, `../p`) references, with
/// dot segments removed. `base` is an absolute http(s) URL.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    if let Some(net) = reference.strip_prefix("//") {
        return Some(format!("{scheme}://{net}"));
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (ref_path, tail) = match reference.find(['?', '#']) {
        Some(i) => (&reference[..i], &reference[i..]),
        None => (reference, ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else if ref_path.is_empty() {
        path.to_string()
    } else {
        format!(
            "{}{ref_path}",
            &path[..path.rfind('/').map_or(0, |i| i + 1)]
        )
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = merged.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    Some(format!("{scheme}://{authority}/{}{tail}", out.join("/")))
}

macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:path, $ok:ty, $schema:tt) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name(pub $ok);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $check(&s).map($name).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

checked_string!(
    /// A date: RFC 3339 with offset, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    DateText,
    parse_date,
    PubDate,
    {
        "type": "string",
        "description": "RFC 3339 date-time with a UTC offset (2024-03-15T09:30:00+07:00 or …Z), or a plain date 2024-03-15, 2024-03 or 2024. A date-time without an offset is refused.",
        "examples": ["2026-05-12T09:30:00+07:00", "2026-05-12"]
    }
);

checked_string!(
    /// A BCP 47 language tag, canonical case.
    LanguageTag,
    parse_language,
    String,
    {
        "type": "string",
        "description": "BCP 47 language tag (RFC 5646), e.g. id, vi, en, pt-BR, zh-Hant-TW.",
        "pattern": "^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|[xX](?:-[A-Za-z0-9]{1,8})+)$",
        "examples": ["id", "vi", "pt-BR"]
    }
);

checked_string!(
    /// An absolute http(s) URL.
    UrlText,
    parse_url,
    String,
    {
        "type": "string",
        "description": "Absolute http(s) URL.",
        "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/][^\\s]*$",
        "examples": ["https://news.example.id/wawancara/1"]
    }
);

/// The known name closest to `unknown`, when it is close enough to be a likely typo.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let u = unknown.to_lowercase();
    let known: Vec<&'a str> = known.into_iter().collect();
    // An abbreviation (`lang`, `pub`) is most likely meant as the key it begins.
    if u.chars().count() >= 3 {
        if let Some(k) = known.iter().find(|k| k.to_lowercase().starts_with(&u)) {
            return Some(k);
        }
    }
    // A word of a compound key (`published` → `date_published`, `title` → `job_title`)
    // names that key more surely than a one-letter neighbour (`publisher`).
    if let Some(k) = known
        .iter()
        .find(|k| k.to_lowercase().split('_').skip(1).any(|part| part == u))
    {
        return Some(k);
    }
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let d = edit_distance(&u, &k.to_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    let limit = (u.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_need_an_offset_when_they_have_a_time() {
        assert_eq!(
            parse_date("2026-05-12T09:30:00+07:00"),
            Ok(PubDate::DateTime("2026-05-12T09:30:00+07:00".into()))
        );
        assert_eq!(
            parse_date("2026-05-12T02:30:00Z"),
            Ok(PubDate::DateTime("2026-05-12T02:30:00Z".into()))
        );
        assert_eq!(
            parse_date("2026-05-12"),
            Ok(PubDate::Date("2026-05-12".into()))
        );
        assert_eq!(parse_date("2026-05"), Ok(PubDate::Date("2026-05".into())));
        assert_eq!(parse_date("2026"), Ok(PubDate::Date("2026".into())));
        let e = parse_date("2026-05-12T09:30:00").unwrap_err();
        assert!(e.contains("no UTC offset"), "{e}");
        assert!(e.contains("2026-05-12T09:30:00+07:00"), "{e}");
        let e = parse_date("2026-05-12 09:30").unwrap_err();
        assert!(e.contains("2026-05-12T09:30+07:00"), "{e}");
        assert!(parse_date("2026-13").is_err());
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("yesterday").is_err());
    }

    #[test]
    fn language_tags_are_checked_and_canonicalised() {
        for (given, canon) in [
            ("id", "id"),
            ("VI", "vi"),
            ("pt-br", "pt-BR"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("en-US-x-twain", "en-US-x-twain"),
            ("x-klingon", "x-klingon"),
            ("de-CH-1901", "de-CH-1901"),
        ] {
            assert_eq!(parse_language(given).as_deref(), Ok(canon), "{given}");
        }
        for bad in [
            "",
            "english",
            "Indonesian",
            "e",
            "en-",
            "en--US",
            "en US",
            "en-a",
            "en-US-toolongsubtag",
        ] {
            assert!(parse_language(bad).is_err(), "{bad} accepted");
        }
        assert!(parse_language("en_US").unwrap_err().contains("'en-US'"));
    }

    #[test]
    fn urls_must_be_absolute_http() {
        assert!(parse_url("https://example.org/a?b=c").is_ok());
        assert!(parse_url("example.org").is_err());
        assert!(parse_url("https://exa mple.org").is_err());
        assert!(parse_url("ftp://example.org").is_err());
        assert!(parse_url("https:///path").is_err());
        assert!(parse_url("https://example.org/\u{202e}gpj.exe").is_err());
        assert!(parse_url("https://example.org/a\"onmouseover=x").is_err());
        assert!(parse_url("javascript:alert(3)").is_err());
        assert!(parse_url("https://example.org/ảnh/1").is_ok());
        // Found by fuzzing: the JSON Schema `uri` format refuses a bad escape.
        assert!(parse_url("https://img.exampl%e/amb.jpg").is_err());
        assert!(parse_url("https://img.example/a%20b.jpg").is_ok());
    }

    #[test]
    fn typos_get_the_closest_known_name() {
        let known = [
            "headline",
            "alternative_headline",
            "date_published",
            "language",
        ];
        assert_eq!(closest("headlin", known), Some("headline"));
        assert_eq!(closest("datePublished", known), Some("date_published"));
        assert_eq!(closest("lang", known), Some("language"));
        assert_eq!(closest("zzzzzz", known), None);
        // The word of a compound key beats a one-letter neighbour.
        let known = ["publisher", "date_published", "job_title", "name"];
        assert_eq!(closest("published", known), Some("date_published"));
        assert_eq!(closest("title", known), Some("job_title"));
        assert_eq!(
            closest("publisher", ["publishers", "publisher_url"]),
            Some("publishers")
        );
    }

    #[test]
    fn relative_references_resolve_as_rfc_3986_says() {
        let b = "https://news.example.org/2024/talk/index.html?x=1";
        assert_eq!(
            resolve(b, "/media/a.jpg").unwrap(),
            "https://news.example.org/media/a.jpg"
        );
        assert_eq!(
            resolve(b, "a.jpg").unwrap(),
            "https://news.example.org/2024/talk/a.jpg"
        );
        assert_eq!(
            resolve(b, "../b.jpg?w=2").unwrap(),
            "https://news.example.org/2024/b.jpg?w=2"
        );
        assert_eq!(
            resolve(b, "//cdn.example/c.jpg").unwrap(),
            "https://cdn.example/c.jpg"
        );
        assert_eq!(
            resolve("https://x.example", "a.jpg").unwrap(),
            "https://x.example/a.jpg"
        );
        assert!(is_relative_reference("/media/a.jpg"));
        assert!(!is_relative_reference("javascript:alert(3)"));
        assert!(!is_relative_reference("data:image/gif;base64,R0l"));
    }
}
