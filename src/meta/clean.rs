//! Values that are one line by nature — names, job titles, credits, keywords — cleaned
//! before any writer sees them: a TAB, newline or other whitespace run inside
//! becomes one space. NewsML-G2 types such values `g2normalizedString` ("without
//! whitespace except spaces"), so a name typed `Aileen<TAB>Ferris` or a label `Jane<TAB>Roe:`
//! would otherwise make the official XSD refuse the whole record. Whatever the source
//! (text, sidecar, manifest, flag), the cleaning is the same and is noted.

use crate::meta::values::{is_relative_reference, parse_url, resolve};
use crate::model::{Diagnostic, Interview, Sourced};

/// A photo's address that is still relative once every metadata layer is applied
/// resolves against the record's `url` (the page's address, from the text, a sidecar,
/// a manifest or `--url`); with none, it is dropped with a warning: the outputs need
/// absolute URIs, and one bad address must not fail the input.
pub fn resolve_relative_images(iv: &mut Interview) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let base = iv
        .meta
        .url
        .as_ref()
        .map(|u| u.value.clone())
        .filter(|u| parse_url(u).is_ok());
    for f in &mut iv.figures {
        let Some(u) = f.image_url.clone() else {
            continue;
        };
        if parse_url(&u).is_ok() {
            continue;
        }
        let resolved = base
            .as_deref()
            .filter(|_| is_relative_reference(&u))
            .and_then(|b| resolve(b, &u))
            .filter(|r| parse_url(r).is_ok());
        match resolved {
            Some(r) => {
                diags.push(Diagnostic::info(
                    "image-url-resolved",
                    format!("the image address '{u}' is relative: resolved against the record's url as '{r}'"),
                    Some(f.span.clone()),
                ));
                f.image_url = Some(r);
            }
            None => {
                let why = if is_relative_reference(&u) {
                    "it is relative, and neither the page (canonical link, og:url, <base href>) nor the metadata (url) states the address to resolve it against".to_string()
                } else {
                    parse_url(&u).err().unwrap_or_default()
                };
                diags.push(Diagnostic::warning(
                    "bad-url",
                    format!("dropped the image address '{}': {why}", u.escape_debug()),
                    Some(f.span.clone()),
                ));
                f.image_url = None;
            }
        }
    }
    diags
}

/// `s` with every whitespace run a single space, and no space at either end.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn needs(s: &str) -> bool {
    s.chars().any(|c| c.is_whitespace() && c != ' ') || s.contains("  ") || s.trim() != s
}

/// Cleans every one-line value of the interview in place; one note per value changed.
pub fn clean_one_line_values(iv: &mut Interview) -> Vec<Diagnostic> {
    let mut notes = Vec::new();
    let mut fix = |what: &str, v: &mut String| {
        if needs(v) {
            let clean = one_line(v);
            notes.push(Diagnostic::info(
                "value-cleaned",
                format!(
                    "{what} '{}' holds tabs, line breaks or repeated spaces: written as '{clean}'",
                    v.escape_debug()
                ),
                None,
            ));
            *v = clean;
        }
    };
    let fix_sourced =
        |what: &str, v: &mut Option<Sourced<String>>, fix: &mut dyn FnMut(&str, &mut String)| {
            if let Some(s) = v {
                fix(what, &mut s.value);
            }
        };
    for p in &mut iv.people {
        fix("name", &mut p.name.value);
        fix_sourced("job title", &mut p.job_title, &mut fix);
        fix_sourced("affiliation", &mut p.affiliation, &mut fix);
    }
    for t in iv.turns.iter_mut().chain(iv.closing.iter_mut()) {
        if let Some(l) = &mut t.label {
            fix("speaker label", l);
        }
    }
    let m = &mut iv.meta;
    // Headlines and the dateline are no g2normalizedString: a line break there is kept.
    fix_sourced("section", &mut m.section, &mut fix);
    for k in &mut m.keywords {
        fix("keyword", &mut k.value);
    }
    if let Some(p) = &mut m.publisher {
        fix("publisher", &mut p.value.name);
    }
    for c in [&mut m.collection, &mut m.series].into_iter().flatten() {
        fix("collection", &mut c.value.name);
    }
    if let Some(r) = &mut m.rights {
        if let Some(h) = &mut r.value.copyright_holder {
            fix("copyright holder", h);
        }
    }
    if let Some(t) = &mut m.translation {
        if let Some(tr) = &mut t.value.translator {
            fix("translator", tr);
        }
    }
    for f in &mut iv.figures {
        for (what, v) in [
            ("credit", &mut f.credit),
            ("photographer", &mut f.photographer),
        ] {
            if let Some(v) = v {
                fix(what, v);
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(one_line("Aileen\tFerris"), "Aileen Ferris");
        assert_eq!(one_line(" Jane \n Roe "), "Jane Roe");
        assert!(!needs("Jane Roe"));
        assert_eq!(one_line("Jane\u{a0}Roe"), "Jane Roe");
    }
}
