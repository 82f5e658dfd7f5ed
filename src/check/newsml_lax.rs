//! NewsML-G2 checks the official XSD cannot make, because `itemSet`, `inlineXML` and
//! other extension points are `processContents="lax"` wildcards (see
//! research/newsml-g2.md §2 "blind spots"):
//! - the root is a NewsML-G2 item or `newsMessage` in the NAR namespace (a fragment
//!   such as `contentSet` is not a document);
//! - every child of `itemSet` is an item (a misspelled `newsitem` validates against the
//!   XSD, it is an error here);
//! - an XHTML `inlineXML` holds exactly one `<html>` in the XHTML namespace, and no
//!   HTML5-only elements (XHTML 1.x has no `figure`);
//! - `id`s unique across the whole document, item guids unique within a message;
//! - in a newsMessage, a packageItem's `itemRef` without `href` names an item of the
//!   message (else a receiver has nothing to resolve it with: a warning, as a package may
//!   legitimately point at items sent before);
//! - `versionCreated`, `firstCreated` and `sent` carry a time zone (the guidelines want
//!   one, the XSD does not).

use super::vocabulary::has_zone;
use super::{Finding, Sink, NAR_NS, NEWSML_ROOTS, XHTML_NS};
use crate::model::Severity;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::collections::HashMap;

/// Elements that exist in HTML5 but not in XHTML 1.x.
pub const HTML5_ONLY: &[&str] = &[
    "article",
    "aside",
    "audio",
    "bdi",
    "canvas",
    "data",
    "datalist",
    "details",
    "dialog",
    "embed",
    "figcaption",
    "figure",
    "footer",
    "header",
    "main",
    "mark",
    "meter",
    "nav",
    "output",
    "picture",
    "progress",
    "rp",
    "rt",
    "search",
    "section",
    "source",
    "summary",
    "template",
    "time",
    "track",
    "video",
    "wbr",
];

/// The result of the lax pass.
#[derive(Debug, Default)]
pub struct LaxResult {
    pub findings: Vec<Finding>,
    /// The XML parsed; schema validation is pointless otherwise.
    pub well_formed: bool,
    /// The local name of the root element, when there is one (`colloquy message` tells
    /// newsMessages from the items beside them by it).
    pub root: Option<String>,
}

/// An `itemRef` of a packageItem in a newsMessage, resolved once the whole message is
/// read (a package comes before the items it names).
struct ItemRef {
    residref: String,
    package: String,
    offset: usize,
    pointer: String,
}

/// An open element: where its `/local` step starts in the path buffer (the walk keeps
/// one buffer instead of a string per element: issue #11, the per-element paths were a
/// third of this pass).
struct Elem {
    start: usize,
    nar: bool,
}

struct InlineXhtml {
    depth: usize,
    offset: usize,
    children: usize,
}

/// Runs the lax checks over one NewsML-G2 text.
/// The deepest element nesting checked: libxml2's own limit without XML_PARSE_HUGE.
pub const MAX_XML_DEPTH: usize = 256;

///
/// Past `limits.max_depth` levels or `limits.max_items` items in the `itemSet`, one error
/// finding ends the walk and the document counts as not well-formed (the schemas do not
/// run either).
pub fn check(text: &str, limits: &super::Limits) -> LaxResult {
    let max_depth = limits.max_depth.min(MAX_XML_DEPTH);
    let mut items = 0usize;
    let mut sink = Sink::new(text);
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Elem> = Vec::new();
    // `/a/b/c` of the open elements; a finding's pointer is a slice of it.
    let mut path = String::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut guids: HashMap<String, usize> = HashMap::new();
    let mut inline: Option<InlineXhtml> = None;
    let mut date_text: Option<(String, usize, String)> = None;
    let mut root: Option<(String, bool)> = None;
    let mut well_formed = true;
    // The guid of the packageItem being read (None inside other items), and the
    // references of packages not resolved by an item read before them.
    let mut package: Option<String> = None;
    let mut item_refs: Vec<ItemRef> = Vec::new();

    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader.read_resolved_event();
        let (ns, event) = match event {
            Ok(x) => x,
            Err(e) => {
                let at = (reader.error_position() as usize).min(text.len());
                sink.push(
                    Severity::Error,
                    "xml/malformed",
                    format!("not well-formed XML: {e}"),
                    at,
                    &path,
                    Some("fix the markup here; the schema checks need well-formed XML".into()),
                );
                well_formed = false;
                break;
            }
        };
        let ns: Option<&str> = match ns {
            ResolveResult::Bound(n) => Some(n.into_inner()),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(p) => {
                sink.push(
                    Severity::Error,
                    "xml/malformed",
                    format!("namespace prefix `{p}` is not declared"),
                    offset,
                    &path,
                    Some(format!("declare xmlns:{p}=\"…\" or remove the prefix")),
                );
                well_formed = false;
                None
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let nar = ns == Some(NAR_NS);
                let xhtml = ns == Some(XHTML_NS);
                // The three attributes a rule reads (the last of a name wins, as before).
                let (mut guid, mut id, mut content_type) = (None, None, None);
                let (mut residref, mut href) = (None, None);
                for a in e.attributes().flatten() {
                    let slot = match a.key.as_ref() {
                        "guid" => &mut guid,
                        "id" => &mut id,
                        "contenttype" => &mut content_type,
                        "residref" => &mut residref,
                        "href" => &mut href,
                        _ => continue,
                    };
                    *slot = Some(
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_default(),
                    );
                }
                let depth = stack.len();
                // libxml2 stops at the same depth; deeper, this walk's paths would cost
                // depth² (31 s for 20 000 levels) to say no more than it says here.
                if depth >= max_depth {
                    sink.push(
                        Severity::Error,
                        "xml/too-deep",
                        format!("elements nest deeper than {max_depth} levels here (--max-depth); the document is not checked further"),
                        offset,
                        "",
                        Some("no NewsML-G2 document needs this depth; flatten the nesting".into()),
                    );
                    well_formed = false;
                    break;
                }
                let start = path.len();
                path.push('/');
                path.push_str(e.local_name().as_ref());
                let here = path.as_str();
                let local = &here[start + 1..];

                if depth == 0 {
                    root = Some((local.to_string(), nar));
                    if !NEWSML_ROOTS.contains(&local) {
                        sink.push(
                            Severity::Error,
                            "newsml/root",
                            format!("`{local}` is not a NewsML-G2 document root (a fragment, or a misspelled item name)"),
                            offset,
                            here,
                            Some(format!("a document's root is one of {}", NEWSML_ROOTS.join(", "))),
                        );
                    } else if !nar {
                        sink.push(
                            Severity::Error,
                            "newsml/namespace",
                            format!("`{local}` is not in the NewsML-G2 namespace"),
                            offset,
                            here,
                            Some(format!("declare xmlns=\"{NAR_NS}\" on the root")),
                        );
                    }
                }

                // Children of itemSet must be items.
                if let Some(parent) = stack.last() {
                    if parent.nar && &here[parent.start..start] == "/itemSet" {
                        items += 1;
                        if items > limits.max_items {
                            sink.push(
                                Severity::Error,
                                "newsml/too-many-items",
                                format!("the itemSet holds more than --max-items {} items; the document is not checked from here on", limits.max_items),
                                offset,
                                here,
                                Some("split the message into several, or raise --max-items".into()),
                            );
                            well_formed = false;
                            break;
                        }
                        let is_item =
                            nar && NEWSML_ROOTS.contains(&local) && local != "newsMessage";
                        if !is_item {
                            let hint = NEWSML_ROOTS
                                .iter()
                                .find(|r| r.eq_ignore_ascii_case(local))
                                .map_or("itemSet holds newsItem, packageItem, conceptItem, knowledgeItem, planningItem or catalogItem".to_string(), |r| format!("did you mean `{r}`? element names are case-sensitive"));
                            sink.push(
                                Severity::Error,
                                "newsml/item-name",
                                format!("`{local}` inside itemSet is not a NewsML-G2 item"),
                                offset,
                                here,
                                Some(hint),
                            );
                        }
                        let guid = guid.unwrap_or_default();
                        package = (nar && local == "packageItem").then(|| guid.clone());
                        if !guid.is_empty() {
                            if let Some(first) = guids.get(&guid) {
                                let (l, _) = sink.position(*first);
                                sink.push(
                                    Severity::Error,
                                    "newsml/duplicate-guid",
                                    format!(
                                        "guid `{guid}` is already used by the item on line {l}"
                                    ),
                                    offset,
                                    here,
                                    Some("give every item in a newsMessage its own guid".into()),
                                );
                            } else {
                                guids.insert(guid, offset);
                            }
                        }
                    }
                }

                if nar {
                    if let Some(id) = id {
                        if let Some(first) = ids.get(&id) {
                            let (l, _) = sink.position(*first);
                            sink.push(
                                Severity::Error,
                                "newsml/duplicate-id",
                                format!("id `{id}` is already used on line {l}; ids must be unique in the whole document"),
                                offset,
                                here,
                                Some("derive ids from the item guid so they stay unique across a newsMessage".into()),
                            );
                        } else {
                            ids.insert(id, offset);
                        }
                    }
                }

                // XHTML inside inlineXML.
                if let Some(inl) = inline.as_mut() {
                    if depth == inl.depth + 1 {
                        inl.children += 1;
                        if inl.children == 1 && !(xhtml && local == "html") {
                            sink.push(
                                Severity::Error,
                                "newsml/xhtml-root",
                                format!(
                                    "XHTML inlineXML must hold one <html> in the XHTML namespace, found <{local}>{}",
                                    if local == "html" { " outside the XHTML namespace" } else { "" }
                                ),
                                offset,
                                here,
                                Some(format!("write <html xmlns=\"{XHTML_NS}\"> as the only child of inlineXML")),
                            );
                        } else if inl.children == 2 {
                            sink.push(
                                Severity::Error,
                                "newsml/xhtml-root",
                                "XHTML inlineXML holds more than one element".into(),
                                offset,
                                here,
                                Some("wrap everything in one <html> element".into()),
                            );
                        }
                    } else if xhtml && HTML5_ONLY.contains(&local) {
                        sink.push(
                            Severity::Warning,
                            "newsml/xhtml-html5",
                            format!(
                                "<{local}> is HTML5-only; XHTML 1.x inlineXML has no such element"
                            ),
                            offset,
                            here,
                            Some("use <div class=\"…\"> (and <p>, <img>) instead".into()),
                        );
                    }
                }
                if nar && local == "inlineXML" && inline.is_none() {
                    let ct = content_type
                        .map(|s| s.to_ascii_lowercase())
                        .unwrap_or_default();
                    if ct.contains("xhtml") {
                        inline = Some(InlineXhtml {
                            depth,
                            offset,
                            children: 0,
                        });
                    }
                }
                if nar && local == "itemRef" && href.is_none() {
                    if let (Some(package), Some(residref)) = (&package, residref) {
                        if !residref.is_empty() && !guids.contains_key(&residref) {
                            item_refs.push(ItemRef {
                                residref,
                                package: package.clone(),
                                offset,
                                pointer: here.to_string(),
                            });
                        }
                    }
                }
                if nar && matches!(local, "versionCreated" | "firstCreated" | "sent") {
                    date_text = Some((local.to_string(), offset, String::new()));
                }

                if empty {
                    close(&mut inline, &mut date_text, depth, local, here, &mut sink);
                    path.truncate(start);
                } else {
                    stack.push(Elem { start, nar });
                }
            }
            Event::End(_) => {
                if let Some(elem) = stack.pop() {
                    close(
                        &mut inline,
                        &mut date_text,
                        stack.len(),
                        &path[elem.start + 1..],
                        &path,
                        &mut sink,
                    );
                    path.truncate(elem.start);
                }
            }
            Event::Text(t) => {
                let s: &str = &t;
                if let Some((_, _, buf)) = date_text.as_mut() {
                    buf.push_str(s);
                }
                if let Some(inl) = &inline {
                    if stack.len() == inl.depth + 1 && !s.trim().is_empty() {
                        sink.push(
                            Severity::Error,
                            "newsml/xhtml-root",
                            "text directly inside XHTML inlineXML (it is element-only)".into(),
                            offset,
                            &path,
                            Some("put the text inside <html><body>…</body></html>".into()),
                        );
                    }
                }
            }
            Event::Eof => {
                if root.is_none() {
                    sink.push(
                        Severity::Error,
                        "xml/malformed",
                        "no root element".into(),
                        text.len(),
                        "",
                        None,
                    );
                    well_formed = false;
                } else if !stack.is_empty() {
                    sink.push(
                        Severity::Error,
                        "xml/malformed",
                        format!(
                            "<{}> is never closed",
                            stack.last().map_or("", |e| &path[e.start + 1..])
                        ),
                        text.len(),
                        &path,
                        None,
                    );
                    well_formed = false;
                }
                break;
            }
            _ => {}
        }
    }

    if well_formed
        && root
            .as_ref()
            .is_some_and(|(r, nar)| *nar && r == "newsMessage")
    {
        for r in item_refs
            .iter()
            .filter(|r| !guids.contains_key(&r.residref))
        {
            sink.push(
                Severity::Warning,
                "newsml/itemref-unresolved",
                format!(
                    "itemRef residref `{}` of packageItem `{}` names no item of this newsMessage, and has no href",
                    r.residref, r.package
                ),
                r.offset,
                &r.pointer,
                Some("send the item in the same newsMessage, or give the itemRef an href a receiver can fetch it from".into()),
            );
        }
    }
    LaxResult {
        findings: sink.findings,
        well_formed,
        root: root.map(|(local, _)| local),
    }
}

fn close(
    inline: &mut Option<InlineXhtml>,
    date_text: &mut Option<(String, usize, String)>,
    depth: usize,
    local: &str,
    here: &str,
    sink: &mut Sink,
) {
    if inline.as_ref().is_some_and(|i| i.depth == depth) {
        let inl = inline.take().expect("checked");
        if inl.children == 0 {
            sink.push(
                Severity::Error,
                "newsml/xhtml-root",
                "XHTML inlineXML holds no <html> element".into(),
                inl.offset,
                here,
                Some(format!(
                    "write <html xmlns=\"{XHTML_NS}\"> inside inlineXML"
                )),
            );
        }
    }
    if date_text.as_ref().is_some_and(|(name, _, _)| name == local) {
        let (name, offset, value) = date_text.take().expect("checked");
        let value = value.trim();
        if value.contains('T') && !has_zone(value) {
            sink.push(
                Severity::Warning,
                "newsml/datetime-timezone",
                format!("{name} \"{value}\" has no time zone"),
                offset,
                here,
                Some("write an offset or Z, e.g. 2026-05-12T09:30:00+07:00".into()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns=\"http://iptc.org/std/nar/2006-10-01/\"";

    fn rules(text: &str) -> Vec<String> {
        check(text, &Default::default())
            .findings
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn misspelled_item_in_item_set() {
        let doc = format!("<newsMessage {NS}><header><sent>2026-01-01T00:00:00Z</sent></header><itemSet><newsitem guid=\"a\"/><newsItem guid=\"b\"/></itemSet></newsMessage>");
        let r = check(&doc, &Default::default());
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].rule, "newsml/item-name");
        assert!(r.findings[0].hint.as_deref().unwrap().contains("newsItem"));
    }

    #[test]
    fn xhtml_rules() {
        let ok = format!("<newsItem {NS} guid=\"x\"><contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html></inlineXML></contentSet></newsItem>");
        assert!(rules(&ok).is_empty());
        let no_ns = ok.replace("<html xmlns=\"http://www.w3.org/1999/xhtml\">", "<html>");
        assert_eq!(rules(&no_ns), ["newsml/xhtml-root"]);
        let fig = ok.replace("<p>x</p>", "<figure><img src=\"a\"/></figure>");
        assert_eq!(rules(&fig), ["newsml/xhtml-html5"]);
        let two = ok.replace(
            "</html>",
            "</html><p xmlns=\"http://www.w3.org/1999/xhtml\"/>",
        );
        assert_eq!(rules(&two), ["newsml/xhtml-root"]);
    }

    #[test]
    fn ids_guids_and_dates() {
        let doc = format!("<newsMessage {NS}><header><sent>2026-01-01T00:00:00</sent></header><itemSet><packageItem guid=\"a\"><groupSet root=\"G1\"><group id=\"G1\"/></groupSet></packageItem><packageItem guid=\"a\"><groupSet root=\"G1\"><group id=\"G1\"/></groupSet></packageItem></itemSet></newsMessage>");
        let mut r = rules(&doc);
        r.sort();
        assert_eq!(
            r,
            [
                "newsml/datetime-timezone",
                "newsml/duplicate-guid",
                "newsml/duplicate-id"
            ]
        );
    }

    #[test]
    fn a_package_names_items_of_its_message() {
        let refs = |r: &str| {
            format!("<packageItem guid=\"p\"><groupSet root=\"g\"><group id=\"g\">{r}</group></groupSet></packageItem>")
        };
        let message = |items: &str| {
            format!("<newsMessage {NS}><header><sent>2026-01-01T00:00:00Z</sent></header><itemSet>{items}</itemSet></newsMessage>")
        };
        let text = "<newsItem guid=\"t\"/>";
        let to_t = refs("<itemRef residref=\"t\"/>");
        // Before or after the package, the item resolves the reference.
        assert!(rules(&message(&format!("{to_t}{text}"))).is_empty());
        assert!(rules(&message(&format!("{text}{to_t}"))).is_empty());
        let r = check(&message(&to_t), &Default::default());
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        let f = &r.findings[0];
        assert_eq!(
            (f.rule.as_str(), f.severity),
            ("newsml/itemref-unresolved", Severity::Warning)
        );
        assert!(
            f.message.contains("`t` of packageItem `p`"),
            "{}",
            f.message
        );
        assert_eq!(r.root.as_deref(), Some("newsMessage"));
        // An href says where to fetch it; a package on its own names items elsewhere.
        assert!(rules(&message(&refs("<itemRef residref=\"t\" href=\"t.xml\"/>"))).is_empty());
        assert!(rules(&to_t.replacen("<packageItem", &format!("<packageItem {NS}"), 1)).is_empty());
    }

    #[test]
    fn fragments_and_malformed() {
        assert_eq!(rules(&format!("<contentSet {NS}/>")), ["newsml/root"]);
        let r = check(
            &format!("<newsItem {NS}><itemMeta></newsItem>"),
            &Default::default(),
        );
        assert!(!r.well_formed);
        assert_eq!(r.findings[0].rule, "xml/malformed");
    }
}
