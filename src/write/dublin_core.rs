//! A Dublin Core record for archives: one OAI-PMH `oai_dc:dc` element (simple Dublin
//! Core, the 15 elements of DCMI's element set 1.1), the record repositories harvest
//! and exchange.
//!
//! Mapping (README "Dublin Core" repeats it; only known values are written, never a
//! placeholder):
//!
//! | element | from | why |
//! | --- | --- | --- |
//! | `dc:title` | headline | the article's own title; the alternative headline is left out because harvesters take the first `dc:title` |
//! | `dc:creator` | interviewee(s), then interviewer(s) | both make an interview, as oral-history archives record it; the narrator first, as they cite it |
//! | `dc:contributor` | translator, then people of another role | they shaped the text without authoring the conversation |
//! | `dc:publisher` | publisher name | |
//! | `dc:date` | datePublished exactly as written | the date the resource became available; dateModified is not a second `dc:date` because simple DC cannot say which is which |
//! | `dc:type` | `Text`, `Interview` | DCMI Type Vocabulary term, then the genre (IPTC genre `Interview`) |
//! | `dc:format` | `text/html`, only when a page URL is known | the manifestation the page URL identifies; without one the media type is unknown |
//! | `dc:identifier` | record GUID, page URL, article identifiers | identifiers not already URIs are written `scheme:value` so the scheme is not lost |
//! | `dc:source` | the source URL (`isBasedOn`) | the resource this text was derived from |
//! | `dc:language` | BCP 47 tag | |
//! | `dc:description` | description | the lead is article text, not a description of it |
//! | `dc:subject` | each keyword | one element per term, as harvesters expect |
//! | `dc:relation` | the original of a translation (URL) | |
//! | `dc:rights` | licence URL, copyright notice (else `Copyright holder: NAME`) | |
//!
//! `dc:coverage` is never written: a dateline names where the text was filed, not
//! what it is about.
//!
//! `xml:lang` (the article language) goes on the elements that carry article-language
//! prose: title, description, subject. Names, dates, URLs and codes have no language.
//! Every value passes through [`super::clean_xml_text`].

use super::{clean_xml_text, WriteContext};
use crate::model::{Interview, Role};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// The OAI-PMH `oai_dc` container namespace.
pub const OAI_DC_NS: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
/// The Dublin Core element set 1.1 namespace.
pub const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
/// Where OAI-PMH publishes the oai_dc schema: the `xsi:schemaLocation` hint harvesters
/// expect on the record. A hint only: colloquy validates against its own bundled
/// schema and never loads this URL.
pub const OAI_DC_SCHEMA_LOCATION: &str = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

fn known(s: Option<&str>) -> Option<String> {
    let s = s?;
    let cleaned = clean_xml_text(s);
    let t = cleaned.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// One `dc:*` element: local name, optional `xml:lang`, value.
type Element = (&'static str, Option<String>, String);

/// The elements of the record, in the order written (the schema allows any order;
/// this one is fixed so output is deterministic and reads like a catalogue entry).
pub fn elements(interview: &Interview, ctx: &WriteContext) -> Vec<Element> {
    let meta = &interview.meta;
    let lang = known(interview.language());
    let mut out: Vec<Element> = Vec::new();
    let mut push = |name: &'static str, with_lang: bool, value: Option<String>| {
        if let Some(v) = value {
            let l = if with_lang { lang.clone() } else { None };
            if !out.iter().any(|(n, _, x)| *n == name && *x == v) {
                out.push((name, l, v));
            }
        }
    };
    let sourced =
        |s: &Option<crate::model::Sourced<String>>| known(s.as_ref().map(|v| v.value.as_str()));

    push("title", true, sourced(&meta.headline));
    for role in [Role::Interviewee, Role::Interviewer] {
        for p in interview.people_with_role(role) {
            push("creator", false, known(Some(&p.name.value)));
        }
    }
    let translation = meta.translation.as_ref().map(|t| &t.value);
    push(
        "contributor",
        false,
        translation.and_then(|t| known(t.translator.as_deref())),
    );
    for p in interview.people_with_role(Role::Other) {
        push("contributor", false, known(Some(&p.name.value)));
    }
    push(
        "publisher",
        false,
        meta.publisher
            .as_ref()
            .and_then(|p| known(Some(&p.value.name))),
    );
    push(
        "date",
        false,
        meta.date_published
            .as_ref()
            .and_then(|d| known(Some(d.value.as_str()))),
    );
    // An oral history's interview date: the date of its creation event.
    push(
        "date",
        false,
        meta.date_created
            .as_ref()
            .and_then(|d| known(Some(d.value.as_str()))),
    );
    push("type", false, Some("Text".into()));
    push("type", false, Some("Interview".into()));
    let page_url = sourced(&meta.url);
    if page_url.is_some() {
        push("format", false, Some("text/html".into()));
    }
    push("identifier", false, Some(ctx.guid.clone()));
    push("identifier", false, page_url);
    for id in &meta.identifiers {
        let (Some(scheme), Some(value)) =
            (known(Some(&id.value.scheme)), known(Some(&id.value.value)))
        else {
            continue;
        };
        push("identifier", false, Some(identifier_text(&scheme, &value)));
    }
    push("source", false, sourced(&meta.source_url));
    push("language", false, lang.clone());
    push("description", true, sourced(&meta.description));
    for k in &meta.keywords {
        push("subject", true, known(Some(&k.value)));
    }
    push(
        "relation",
        false,
        translation.and_then(|t| known(t.original_url.as_deref())),
    );
    // The collection: its page when known (a resolvable relation), else its name.
    let collection = meta.collection.as_ref().map(|c| &c.value);
    push(
        "relation",
        false,
        collection.and_then(|c| known(c.url.as_deref()).or_else(|| known(Some(&c.name)))),
    );
    let rights = meta.rights.as_ref().map(|r| &r.value);
    push(
        "rights",
        false,
        rights.and_then(|r| known(r.license.as_deref())),
    );
    let notice = rights.and_then(|r| known(r.copyright_notice.as_deref()));
    let holder = rights.and_then(|r| known(r.copyright_holder.as_deref()));
    match (notice, holder) {
        (Some(n), _) => push("rights", false, Some(n)),
        (None, Some(h)) => push("rights", false, Some(format!("Copyright holder: {h}"))),
        (None, None) => {}
    }
    out
}

/// An identifier as one string: a value that is already a URI (`https://…`, `urn:…`,
/// `doi:…`) as is, anything else prefixed by its scheme so it stays unambiguous.
fn identifier_text(scheme: &str, value: &str) -> String {
    let is_uri = value.contains("://")
        || ["urn:", "doi:", "info:", "isbn:", "issn:"]
            .iter()
            .any(|p| value.to_ascii_lowercase().starts_with(p));
    if is_uri {
        value.to_string()
    } else {
        format!("{scheme}:{value}")
    }
}

/// Renders the record (2-space indent, trailing newline). Deterministic.
pub fn record(interview: &Interview, ctx: &WriteContext) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let mut event = |e: Event<'_>| {
        w.write_event(e).expect("writing into a Vec cannot fail");
    };
    event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let mut root = BytesStart::new("oai_dc:dc");
    root.push_attribute(("xmlns:oai_dc", OAI_DC_NS));
    root.push_attribute(("xmlns:dc", DC_NS));
    root.push_attribute(("xmlns:xsi", XSI_NS));
    root.push_attribute((
        "xsi:schemaLocation",
        format!("{OAI_DC_NS} {OAI_DC_SCHEMA_LOCATION}").as_str(),
    ));
    event(Event::Start(root));
    for (name, lang, value) in elements(interview, ctx) {
        let qname = format!("dc:{name}");
        let mut start = BytesStart::new(qname.as_str());
        if let Some(l) = &lang {
            start.push_attribute(("xml:lang", l.as_str()));
        }
        event(Event::Start(start));
        event(Event::Text(BytesText::new(&value)));
        event(Event::End(BytesEnd::new(qname.as_str())));
    }
    event(Event::End(BytesEnd::new("oai_dc:dc")));
    let mut out = String::from_utf8(w.into_inner()).expect("quick-xml writes UTF-8");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_keep_their_scheme() {
        assert_eq!(identifier_text("kc", "KC-1"), "kc:KC-1");
        assert_eq!(identifier_text("doi", "doi:10.1/x"), "doi:10.1/x");
        assert_eq!(
            identifier_text("web", "https://example.org/a"),
            "https://example.org/a"
        );
    }
}
