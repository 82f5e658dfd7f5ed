//! The addresses a reader found in the text — `Source:` lines, front matter `url`, a
//! page's canonical link, image sources — held to the check sidecar URLs get, after the
//! format readers ran. A bad one (a bidi control or `"` in it, `javascript:`) is dropped
//! with a warning at its place in the input: one bad value never fails the input, and
//! never reaches an output. A relative image address is resolved against the page's
//! own address here, or after the metadata layers ([`crate::meta::clean`]).

use crate::meta::values::{is_relative_reference, parse_url, resolve};
use crate::model::{Diagnostic, Interview, Provenance, Sourced};

/// Drops the interview's bad text-borne URLs and resolves relative image addresses
/// against `base`, the address the page says it has (`<base href>`, canonical, `og:url`).
pub fn tidy(iv: &mut Interview, base: Option<&str>) {
    let mut diags = Vec::new();
    for (field, slot) in [
        ("source URL", &mut iv.meta.source_url),
        ("page URL", &mut iv.meta.url),
    ] {
        if let Some(s) = slot.as_ref() {
            if let Err(e) = parse_url(&s.value) {
                diags.push(Diagnostic::warning(
                    "bad-url",
                    format!("dropped the {field}: {e}"),
                    span_of(s),
                ));
                *slot = None;
            }
        }
    }
    // A relative image address resolves against the address the page states; without
    // one it waits for the metadata layers (a sidecar or `--url` may give the page's
    // address) and is dropped with a warning only then (`meta::clean`).
    let base = base.filter(|b| parse_url(b).is_ok());
    for f in &mut iv.figures {
        let Some(u) = f.image_url.clone() else {
            continue;
        };
        if parse_url(&u).is_ok() {
            continue;
        }
        if is_relative_reference(&u) {
            if let Some(r) = base
                .and_then(|b| resolve(b, &u))
                .filter(|r| parse_url(r).is_ok())
            {
                diags.push(Diagnostic::info(
                    "image-url-resolved",
                    format!("the image address '{u}' is relative: resolved against the page's address as '{r}'"),
                    Some(f.span.clone()),
                ));
                f.image_url = Some(r);
            }
            continue;
        }
        diags.push(Diagnostic::warning(
            "bad-url",
            format!(
                "dropped the image address '{}': {}",
                shown(&u),
                parse_url(&u).err().unwrap_or_default()
            ),
            Some(f.span.clone()),
        ));
        f.image_url = None;
    }
    iv.diagnostics.extend(diags);
}

fn span_of<T>(s: &Sourced<T>) -> Option<crate::model::Span> {
    match &s.provenance {
        Provenance::Text { span } => Some(span.clone()),
        _ => None,
    }
}

/// The address as a message may show it: control and format characters escaped.
pub fn shown(u: &str) -> String {
    u.chars()
        .take(120)
        .flat_map(|c| {
            if c.is_control() || crate::meta::values::is_format_char(c) {
                c.escape_unicode().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}
