//! The schemas bundled into the binary, in one table: what `colloquy schema` lists,
//! shows and exports, and what the checks compile. The files live in `schemas/`; the
//! JSON Schemas there are generated from the Rust types that write or parse the
//! documents (tests fail when a committed file is stale).

/// One bundled schema file.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// Short name for `colloquy schema show NAME`.
    pub name: &'static str,
    /// Path under `schemas/` (and under the `export` directory).
    pub file: &'static str,
    /// What it describes.
    pub describes: &'static str,
    pub text: &'static str,
}

pub const INTERVIEW_JSON_SCHEMA: &str = include_str!("../schemas/colloquy-interview.schema.json");
pub const NEWSML_PROFILE: &str =
    include_str!("../schemas/newsml-g2/colloquy-interview-profile.xsd");
pub const NEWSML_XHTML_BODY: &str = include_str!("../schemas/newsml-g2/xhtml-body.xsd");
pub const NEWSML_XML_LANG: &str = include_str!("../schemas/newsml-g2/xml-lang.xsd");
/// The official NewsML-G2 2.35 schema, IPTC's file unmodified (CC BY 4.0, see
/// `schemas/newsml-g2/iptc/NOTICE.md`): every NewsML-G2 document is checked against it.
pub const NEWSML_OFFICIAL: &str =
    include_str!("../schemas/newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd");
/// The W3C schema of the `xml:` namespace, which the official schema imports.
pub const NEWSML_OFFICIAL_XML: &str = include_str!("../schemas/newsml-g2/iptc/xml.xsd");
/// Where the official schema came from and under which licence.
pub const NEWSML_OFFICIAL_NOTICE: &str = include_str!("../schemas/newsml-g2/iptc/NOTICE.md");
pub const DC_OAI_DC: &str = include_str!("../schemas/dublin-core/oai-dc.xsd");
pub const DC_ELEMENTS: &str = include_str!("../schemas/dublin-core/dc-elements.xsd");
pub const OHMS_6_0: &str = include_str!("../schemas/ohms/ohms-6.0.xsd");
pub const OHMS_5_4: &str = include_str!("../schemas/ohms/ohms-5.4.xsd");
pub const SCHEMAORG_TERMS: &str = include_str!("../schemas/schemaorg-terms.json");
pub const SIDECAR_JSON_SCHEMA: &str = include_str!("../schemas/sidecar.schema.json");
pub const MANIFEST_JSON_SCHEMA: &str = include_str!("../schemas/manifest.schema.json");

pub const BUNDLED: &[Bundled] = &[
    Bundled {
        name: "jsonld",
        file: "colloquy-interview.schema.json",
        describes: "JSON Schema (2020-12) of colloquy's schema.org JSON-LD output",
        text: INTERVIEW_JSON_SCHEMA,
    },
    Bundled {
        name: "newsml",
        file: "newsml-g2/colloquy-interview-profile.xsd",
        describes: "colloquy's interview profile XSD: the NewsML-G2 2.35 items, packages and messages convert writes (validate --profile interview)",
        text: NEWSML_PROFILE,
    },
    Bundled {
        name: "newsml-xhtml",
        file: "newsml-g2/xhtml-body.xsd",
        describes: "XHTML 1.x subset allowed in the NewsML-G2 inlineXML body (imported by the profile)",
        text: NEWSML_XHTML_BODY,
    },
    Bundled {
        name: "newsml-xml-lang",
        file: "newsml-g2/xml-lang.xsd",
        describes: "the xml:lang attribute (imported by the profile)",
        text: NEWSML_XML_LANG,
    },
    Bundled {
        name: "newsml-g2",
        file: "newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd",
        describes: "the official NewsML-G2 2.35 XML Schema (IPTC, CC BY 4.0, unmodified): every NewsML-G2 document is checked against it",
        text: NEWSML_OFFICIAL,
    },
    Bundled {
        name: "newsml-g2-xml",
        file: "newsml-g2/iptc/xml.xsd",
        describes: "the W3C schema of the xml: namespace (imported by the official NewsML-G2 schema)",
        text: NEWSML_OFFICIAL_XML,
    },
    Bundled {
        name: "newsml-g2-notice",
        file: "newsml-g2/iptc/NOTICE.md",
        describes: "attribution and licence (CC BY 4.0) of the official NewsML-G2 schema",
        text: NEWSML_OFFICIAL_NOTICE,
    },
    Bundled {
        name: "dc",
        file: "dublin-core/oai-dc.xsd",
        describes: "XSD of OAI-PMH oai_dc:dc Dublin Core records (colloquy's own, any order of the 15 elements)",
        text: DC_OAI_DC,
    },
    Bundled {
        name: "dc-elements",
        file: "dublin-core/dc-elements.xsd",
        describes: "the 15 Dublin Core 1.1 elements, text with xml:lang (imported by the oai_dc schema)",
        text: DC_ELEMENTS,
    },
    Bundled {
        name: "sidecar",
        file: "sidecar.schema.json",
        describes: "JSON Schema of metadata sidecars (NAME.meta.toml / .yaml / .json)",
        text: SIDECAR_JSON_SCHEMA,
    },
    Bundled {
        name: "manifest",
        file: "manifest.schema.json",
        describes: "JSON Schema of one CSV manifest row",
        text: MANIFEST_JSON_SCHEMA,
    },
    Bundled {
        name: "schemaorg-terms",
        file: "schemaorg-terms.json",
        describes: "schema.org 30.0 term table (types, properties, domains, ranges) for the vocabulary check",
        text: SCHEMAORG_TERMS,
    },
    Bundled {
        name: "ohms",
        file: "ohms/ohms-6.0.xsd",
        describes: "OHMS 6.0 XSD (Nunn Center/AVP, Apache-2.0, unmodified): checks OHMS 5.3-6.0 input and every OHMS output",
        text: OHMS_6_0,
    },
    Bundled {
        name: "ohms-5.4",
        file: "ohms/ohms-5.4.xsd",
        describes: "OHMS 5.4 XSD (Nunn Center/AVP, Apache-2.0, unmodified), for archives that exchange 5.4 files",
        text: OHMS_5_4,
    },
];

/// Looks a bundled schema up by name or file name.
pub fn find(name: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.name == name || b.file == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_bundled_file_is_the_committed_one() {
        for b in super::BUNDLED {
            let on_disk = std::fs::read_to_string(format!("schemas/{}", b.file)).unwrap();
            assert_eq!(on_disk, b.text, "{}", b.file);
        }
    }
}
