//! The bundled XSDs as libxml2 is given them: without comments, `xs:annotation`
//! elements and the whitespace between elements. build.rs runs [`compact`] on every
//! `.xsd` under `schemas/` (this file is its module too) and `check::xsd` serves the
//! results, so no run pays for it.
//!
//! Why: none of what goes changes what a schema accepts (annotations are documentation
//! and `appinfo` for people and tools; XSD elements hold no text), yet it is two thirds
//! of the official NewsML-G2 file (330 KB → 109 KB), which libxml2 would otherwise
//! build into a tree and walk on every compile — most of a one-file run's instructions.
//! The files in `schemas/` stay unmodified (IPTC's licence asks for that, and
//! `colloquy schema export` gives them whole); `tests/suite/xsd_compact.rs` holds the
//! compact and the whole schemas to the same findings.

/// An XSD's text without its comments, `xs:annotation` elements and the whitespace
/// between elements, the rest byte for byte as it was; `None` when the text is not
/// well-formed (build.rs then stops, naming the file).
pub fn compact(text: &str) -> Option<String> {
    use quick_xml::events::Event;
    use quick_xml::name::{QName, ResolveResult};
    const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema";
    let mut reader = quick_xml::NsReader::from_str(text);
    let mut out = String::with_capacity(text.len() / 2);
    let mut kept_from = 0;
    loop {
        let start = reader.buffer_position() as usize;
        // Only an element named `annotation` needs its namespace looked up.
        let is_annotation = |reader: &quick_xml::NsReader<&[u8]>, name: QName| {
            name.local_name().as_ref() == "annotation"
                && matches!(reader.resolver().resolve_element(name).0,
                    ResolveResult::Bound(n) if n.into_inner() == XSD_NS)
        };
        let drop = match reader.read_event().ok()? {
            Event::Eof => break,
            Event::Comment(_) => true,
            Event::Text(t) => t
                .as_ref()
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')),
            Event::Empty(e) => is_annotation(&reader, e.name()),
            Event::Start(e) if is_annotation(&reader, e.name()) => {
                let name = e.name().as_ref().to_string();
                reader.read_to_end(QName(&name)).ok()?;
                true
            }
            _ => false,
        };
        if drop {
            out.push_str(&text[kept_from..start]);
            kept_from = reader.buffer_position() as usize;
        }
    }
    out.push_str(&text[kept_from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_drops_annotations_comments_and_indentation_only() {
        let xsd = "<?xml version=\"1.0\"?>\n<!-- c -->\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:annotation><xs:documentation>d <b>x</b></xs:documentation></xs:annotation>\n  <xs:element name=\"a\" type=\"xs:string\"><xs:annotation/></xs:element>\n  <a:annotation xmlns:a=\"urn:other\">kept</a:annotation>\n</xs:schema>\n";
        assert_eq!(
            compact(xsd).unwrap(),
            "<?xml version=\"1.0\"?><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"xs:string\"></xs:element><a:annotation xmlns:a=\"urn:other\">kept</a:annotation></xs:schema>"
        );
        assert_eq!(compact("<a><b></a>"), None);
    }

    #[test]
    fn every_bundled_xsd_compacts_and_the_official_one_to_a_third() {
        for b in crate::schemas::BUNDLED
            .iter()
            .filter(|b| b.file.ends_with(".xsd"))
        {
            let compacted = compact(b.text).unwrap_or_else(|| panic!("{} compacts", b.file));
            assert!(!compacted.contains("annotation>"), "{}", b.file);
            assert!(compacted.len() < b.text.len(), "{}", b.file);
            if b.file == crate::check::xsd::OFFICIAL_FILE {
                assert!(
                    compacted.len() * 3 < b.text.len() + b.text.len() / 10,
                    "{}",
                    compacted.len()
                );
            }
        }
    }
}
