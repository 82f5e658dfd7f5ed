//! Dublin Core records (`oai_dc:dc`, ours or an archive's): the bundled XSD
//! (`schemas/dublin-core/`, via libxml2) decides what is allowed — only the fifteen DC
//! elements, text only — and two warnings cover what simple Dublin Core leaves free but
//! archives rely on: an element with no text (`dc/empty`) and a `dc:date` that is not
//! a W3CDTF / ISO 8601 date (`dc/date-format`).
//!
//! Schema findings are reported under `dc/…` rather than `xsd/…` so a report says
//! which kind of document broke which schema; `xml/malformed` and `xml/doctype` stay
//! as they are.

use super::xsd::XsdCheck;
use super::{sort_findings, Finding, Location};
use crate::model::Severity;
use quick_xml::events::Event;

/// The OAI-PMH `oai_dc` namespace (the container of the record).
pub const OAI_DC_NS: &str = crate::write::dublin_core::OAI_DC_NS;
/// The Dublin Core elements 1.1 namespace.
pub const DC_NS: &str = crate::write::dublin_core::DC_NS;

/// Whether `date` has a W3CDTF form: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date with
/// `Thh:mm[:ss[.s]]` and a zone (`Z` or `±hh:mm`).
pub fn is_w3cdtf(date: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?)?)?$",
        )
        .expect("a valid regex")
    })
    .is_match(date)
}

/// Checks one record: the schema first; the warnings only when it is well-formed.
pub fn check(text: &str, schema: &XsdCheck) -> Vec<Finding> {
    let mut findings: Vec<Finding> = schema
        .check(text)
        .into_iter()
        .map(|mut f| {
            if let Some(rest) = f.rule.strip_prefix("xsd/") {
                f.rule = format!("dc/{rest}");
            }
            f
        })
        .collect();
    if findings
        .iter()
        .any(|f| f.rule == "xml/malformed" || f.rule == "xml/doctype")
    {
        return findings;
    }
    findings.extend(warnings(text));
    sort_findings(&mut findings);
    findings
}

/// `dc/empty` and `dc/date-format`, from a quick-xml pass over the record's children.
fn warnings(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut reader = quick_xml::NsReader::from_str(text);
    // (local name, byte offset of the start tag, text so far) of the open DC element.
    let mut open: Option<(String, usize, String)> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_resolved_event() {
            Ok(e) => e,
            Err(_) => break,
        };
        match event {
            (ns, Event::Start(e)) => {
                let in_dc = matches!(ns, quick_xml::name::ResolveResult::Bound(n) if n.into_inner() == DC_NS);
                if in_dc {
                    let local = e.local_name().into_inner().to_string();
                    open = Some((local, before, String::new()));
                }
            }
            (ns, Event::Empty(e)) => {
                let in_dc = matches!(ns, quick_xml::name::ResolveResult::Bound(n) if n.into_inner() == DC_NS);
                if in_dc {
                    let local = e.local_name().into_inner().to_string();
                    out.push(empty(text, &local, before));
                }
            }
            (_, Event::Text(t)) => {
                if let Some((_, _, acc)) = open.as_mut() {
                    acc.push_str(&t.xml10_content());
                }
            }
            (_, Event::GeneralRef(r)) => {
                if let Some((_, _, acc)) = open.as_mut() {
                    // Any reference stands for some character: the element is not empty.
                    acc.push_str(&r);
                }
            }
            (_, Event::CData(c)) => {
                if let Some((_, _, acc)) = open.as_mut() {
                    acc.push_str(&c);
                }
            }
            (_, Event::End(_)) => {
                if let Some((local, at, value)) = open.take() {
                    let value = value.trim();
                    if value.is_empty() {
                        out.push(empty(text, &local, at));
                    } else if local == "date" && !is_w3cdtf(value) {
                        let (line, column) = crate::model::line_col(text, at);
                        out.push(Finding {
                            severity: Severity::Warning,
                            rule: "dc/date-format".into(),
                            message: format!("dc:date '{value}' is not a W3CDTF (ISO 8601) date; harvesters may not sort or filter by it"),
                            location: Location { line: Some(line), column: Some(column), pointer: None },
                            hint: Some("write YYYY, YYYY-MM, YYYY-MM-DD or a date-time with offset, e.g. 2026-05-12T09:30:00+07:00".into()),
                        });
                    }
                }
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    out
}

fn empty(text: &str, local: &str, at: usize) -> Finding {
    let (line, column) = crate::model::line_col(text, at);
    Finding {
        severity: Severity::Warning,
        rule: "dc/empty".into(),
        message: format!("dc:{local} has no text"),
        location: Location {
            line: Some(line),
            column: Some(column),
            pointer: None,
        },
        hint: Some("give the element a value or leave it out".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3cdtf_forms() {
        for ok in [
            "2026",
            "2026-05",
            "2026-05-12",
            "2026-05-12T09:30+07:00",
            "2026-05-12T09:30:00Z",
            "2026-05-12T09:30:00.5-03:00",
        ] {
            assert!(is_w3cdtf(ok), "{ok}");
        }
        for bad in ["12 Mei 2026", "2026-13", "2026-05-12T09:30", "26-05-12"] {
            assert!(!is_w3cdtf(bad), "{bad}");
        }
    }
}
