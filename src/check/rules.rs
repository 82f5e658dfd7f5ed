//! The catalogue of rule ids every finding uses. The README's rule table and the SARIF
//! `tool.driver.rules` are generated from [`RULES`], so a rule id is documented exactly
//! once. Ids are stable: change the text, never the id.

use crate::model::Severity;

/// Documentation of one rule (or, with an id ending in `/*`, a family of rules whose
/// ids come from a schema validator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    pub id: &'static str,
    /// The severity findings of this rule usually have.
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// What to do when it fires.
    pub help: &'static str,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    summary: &'static str,
    help: &'static str,
) -> RuleDoc {
    RuleDoc {
        id,
        severity,
        summary,
        help,
    }
}

use Severity::{Error, Info, Warning};

/// Every rule colloquy's checks can report.
pub const RULES: &[RuleDoc] = &[
    rule("input/empty", Error, "The file is empty.", "Give a JSON-LD, NewsML-G2, HTML or Dublin Core document."),
    rule("input/unreadable", Error, "The file could not be read.", "Check the path and its permissions."),
    rule("input/not-found", Error, "A path names no file, a glob matches nothing, or a directory holds no file of the kinds looked for.", "Check the path or pattern; name a file explicitly to read it whatever its name. The other inputs are still processed."),
    rule("input/not-utf8", Error, "The file is not valid UTF-8.", "Re-save the file as UTF-8."),
    rule("input/binary", Error, "The file is an image, a PDF, an office document or other binary data, not text.", "Leave it out of the inputs; export documents as UTF-8 text first."),
    rule("input/unknown-kind", Error, "The content is not JSON-LD, NewsML-G2, HTML or a Dublin Core record.", "validate detects the kind by content: a JSON object/array, XML with a NewsML-G2 root, HTML, or XML rooted at oai_dc:dc."),
    rule("convert/read", Error, "convert could not read the interview (empty, not text, not UTF-8, no questions found).", "The message names the file and the byte; `colloquy inspect FILE` shows how the text was read."),
    rule("convert/metadata", Error, "A sidecar, manifest row or metadata flag is invalid.", "The message names the file, line:column or flag and lists the accepted keys or forms."),
    rule("convert/write", Error, "An output could not be written (it exists with other content, collides with another, or the disk refused).", "Pass --force to replace differing files, or choose another --output directory."),
    rule("read/*", Warning, "A warning from reading the interview or merging its metadata: the code after `read/` says what (no-headline, no-date, no-interviewee-name, no-interviewer-name, meta-conflict, no-provider, ohms-date, ohms-language, …).", "Supply the missing value in a sidecar, manifest or flag, or accept that it stays out; nothing is invented."),
    rule("json/syntax", Error, "The JSON (or a JSON-LD block in HTML) does not parse.", "Fix the syntax at the given line and column (trailing commas, unquoted keys and comments are not JSON)."),
    rule("json/too-deep", Error, "Arrays and objects nest deeper than --max-depth levels (default and ceiling 256); the document is not checked further (no stack overflow, the batch goes on).", "Flatten the nesting: no JSON-LD document needs this depth (link nodes by @id)."),
    rule("json/too-many-items", Error, "A JSON-LD document's top-level array or @graph holds more than --max-items nodes (default 1 000 000); the document is not checked further.", "Split the graph into several documents, or raise --max-items."),
    rule("html/too-many-blocks", Error, "An HTML page holds more than --max-items JSON-LD blocks (default 1 000 000); the blocks past the limit are not checked.", "Merge the blocks into one @graph, or raise --max-items."),
    rule("xml/too-deep", Error, "XML elements nest deeper than --max-depth levels (default and ceiling 256, libxml2's own limit); the document is not checked further.", "Flatten the nesting: no NewsML-G2 document needs this depth."),
    rule("newsml/too-many-items", Error, "A NewsML-G2 itemSet holds more than --max-items items (default 1 000 000); the document is not checked further.", "Split the newsMessage into several, or raise --max-items."),
    rule("json/duplicate-key", Error, "One JSON object has the same key twice; JSON parsers keep only one of the values, so the other is silently lost.", "Merge the values into one key (an array when there are several); the message names the key and both lines."),
    rule("jsonld/relative-id", Error, "An @id is a relative IRI (`#article`, `/a/b`): in a .jsonld file (an error) it means a different node depending on where the file is found; in an HTML page's block (a warning) it resolves against the page's URL.", "Write an absolute IRI (https://…, urn:uuid:…) or a blank node id (_:b0), or set @base in the @context."),
    rule("jsonld/relative-iri", Warning, "url, isBasedOn, contentUrl or sameAs holds a relative IRI, which consumers resolve against wherever they found the document.", "Write the absolute URL (https://…)."),
    rule("jsonld/no-context", Error, "A JSON object has no @context, so it is not JSON-LD.", "Add \"@context\": \"https://schema.org\"."),
    rule("jsonld/not-an-object", Error, "A JSON-LD document (or array item) is not an object.", "Each document must be a JSON object."),
    rule("jsonld/unsupported-context", Warning, "The @context is not schema.org's; bare keys cannot be checked offline.", "Use \"@context\": \"https://schema.org\" for a full check."),
    rule("jsonld/keyword", Error, "A JSON-LD keyword has a value of the wrong shape (@type, @id).", "@type is a string or array of strings; @id is a string."),
    rule("json-schema/*", Error, "A JSON-LD document breaks colloquy's interview profile, the bundled JSON Schema (schemas/colloquy-interview.schema.json): convert's own output, or any file with validate --profile interview.", "Files are held to this schema only on request, never by guessing from their @id or genre; the message names the JSON pointer and the constraint."),
    rule("schemaorg/unknown-type", Error, "A @type is not a schema.org type.", "Check the spelling against https://schema.org/docs/full.html; the hint suggests the closest type."),
    rule("schemaorg/unknown-property", Error, "A key is not a schema.org property.", "Check the spelling; the hint suggests the closest property. Keys of other vocabularies need their own prefix or context term."),
    rule("schemaorg/domain", Error, "A property is used on a type it is not defined for (superclasses included; the Role pattern allowed).", "Move the property to a node of a fitting type, or change the node's @type."),
    rule("schemaorg/range", Error, "A node value's type is not in the property's range (superclasses included; the Role pattern allowed).", "Give the property a value of one of the expected types."),
    rule("schemaorg/literal", Error, "A literal does not have the form the range needs (Date, DateTime, URL, Number, Boolean); a bare number where a thing is expected is a warning.", "Write the value in the expected form, e.g. ISO 8601 dates."),
    rule("schemaorg/text-for-thing", Info, "Text where schema.org expects a thing (allowed by schema.org, understood less well).", "Prefer a typed object, e.g. {\"@type\": \"Person\", \"name\": …}."),
    rule("schemaorg/pending", Info, "A term from schema.org's pending area.", "Pending terms may change; nothing to do unless you need stability."),
    rule("schemaorg/extension", Info, "A term from a schema.org hosted extension (bib, health-lifesci, auto, meta).", "Nothing to do; some consumers ignore extension terms."),
    rule("schemaorg/superseded", Warning, "A term schema.org has superseded.", "Use the term named in the message."),
    rule("google/recommended", Info, "A property Google recommends for Article rich results is missing (headline, author, datePublished, image).", "Add it when the source gives it; never invent it."),
    rule("google/headline-length", Warning, "The headline is longer than 110 characters; Google may truncate it.", "Use a concise headline."),
    rule("google/date-timezone", Warning, "datePublished/dateModified has no time or no time zone.", "Write an ISO 8601 date-time with offset, e.g. 2026-05-12T09:30:00+07:00."),
    rule("google/author-type", Warning, "An author is not a Person or Organization object.", "Use {\"@type\": \"Person\", \"name\": …} (one entry per author)."),
    rule("google/author-name", Warning, "An author has no name, or the name carries more than a name (\"By …\", several people, job title).", "Put only the name in name; use jobTitle, one author entry per person."),
    rule("google/image", Warning, "An article image is not usable by Google (relative URL, no url/contentUrl, under 50 000 pixels).", "Give crawlable absolute image URLs, at least 50 000 pixels (width × height)."),
    rule("xml/malformed", Error, "The XML is not well-formed.", "Fix the markup at the given line and column."),
    rule("xml/doctype", Error, "The XML has a DOCTYPE. Stricter than the XSD (xmllint accepts one): colloquy refuses DTDs so no entity is ever expanded or fetched.", "Remove the DOCTYPE declaration; NewsML-G2 does not use one."),
    rule("xsd/*", Error, "The NewsML-G2 document breaks the official NewsML-G2 2.35 XSD (bundled; --xsd names another), or colloquy's interview profile XSD (convert's own output, or validate --profile interview); an OHMS record breaks the bundled OHMS 6.0 XSD.", "The message names the element and the constraint; xmllint --schema with the same XSD gives the same verdict."),
    rule("newsml/root", Error, "The root element is not a NewsML-G2 item or newsMessage (a fragment, or a misspelled root).", "Use newsItem, packageItem, conceptItem, knowledgeItem, planningItem, catalogItem or newsMessage."),
    rule("newsml/namespace", Error, "A NewsML-G2 element is outside the NewsML-G2 namespace.", "Declare xmlns=\"http://iptc.org/std/nar/2006-10-01/\" on the root."),
    rule("newsml/item-name", Error, "An element inside itemSet is not a NewsML-G2 item. Stricter than the XSD, which accepts any NAR element there.", "itemSet may hold newsItem, packageItem, conceptItem, knowledgeItem, planningItem and catalogItem (mind the case)."),
    rule("newsml/xhtml-root", Error, "An XHTML inlineXML does not hold exactly one <html> element in the XHTML namespace. Stricter than the XSD, which leaves inlineXML content lax.", "Put one <html xmlns=\"http://www.w3.org/1999/xhtml\"> inside inlineXML, nothing else."),
    rule("newsml/xhtml-html5", Warning, "An HTML5-only element (figure, section, …) inside XHTML 1.x inlineXML.", "Use XHTML 1.x elements (div, p, img) with classes instead."),
    rule("newsml/duplicate-id", Error, "Two elements share an id (xs:ID values must be unique in the whole document).", "Derive ids from the item guid so they stay unique across a newsMessage."),
    rule("newsml/duplicate-guid", Error, "Two items in one newsMessage share a guid. Stricter than the XSD, which cannot express it.", "Give every item its own guid."),
    rule("newsml/itemref-unresolved", Warning, "A packageItem's itemRef in a newsMessage names (residref) no item of that message and has no href, so a receiver cannot resolve it from the message. (colloquy message refuses such an input: its packages always name items of their own message.)", "Send the referenced item in the same newsMessage, or give the itemRef an href to it."),
    rule("newsml/datetime-timezone", Warning, "versionCreated/firstCreated/sent has no time zone (the IPTC guidelines require one).", "Write an offset or Z, e.g. 2026-05-12T09:30:00+07:00."),
    rule("dc/*", Error, "An oai_dc:dc Dublin Core record breaks colloquy's oai_dc schema (schemas/dublin-core/oai-dc.xsd): an element outside the 15 DC elements (dc/element), child elements inside a DC element, a stray attribute (dc/attribute), a bad xml:lang (dc/value).", "Use only dc:title … dc:rights from http://purl.org/dc/elements/1.1/, each holding text; the message names the element."),
    rule("dc/empty", Warning, "A Dublin Core element has no text.", "Give it a value or leave the element out."),
    rule("dc/date-format", Warning, "A dc:date is not a W3CDTF (ISO 8601) date, so harvesters cannot sort or filter by it.", "Write YYYY, YYYY-MM, YYYY-MM-DD or a date-time with offset."),
    rule("html/no-jsonld", Warning, "The HTML has no <script type=\"application/ld+json\"> block.", "Nothing was checked; embed the JSON-LD in a script block."),
    rule("ohms/no-schema", Info, "An OHMS file older than 5.3 was not validated: only the 5.4 and 6.0 schemas (Apache-2.0) are bundled.", "Nothing to do; convert checks such files structurally when it reads them."),
    rule("convert/version-created", Error, "NewsML-G2 or OHMS output needs the record's time and none is known (standard input with no stated time and no SOURCE_DATE_EPOCH).", "Pass --version-created TIME or set SOURCE_DATE_EPOCH; JSON-LD, HTML and Dublin Core need no such time."),
    rule("html/unterminated-script", Error, "A <script type=\"application/ld+json\"> block has no closing </script>.", "Close the script element."),
];

/// The documentation of a rule id: exact match, else its family (`xsd/*`).
pub fn rule_doc(id: &str) -> Option<&'static RuleDoc> {
    RULES.iter().find(|r| r.id == id).or_else(|| {
        let family = id.split('/').next()?;
        RULES
            .iter()
            .find(|r| r.id.strip_suffix("/*") == Some(family))
    })
}

/// The rule table as Markdown (for the README).
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| rule | severity | what it checks | what to do |\n| --- | --- | --- | --- |\n",
    );
    for r in RULES {
        let sev = match r.severity {
            Error => "error",
            Warning => "warning",
            Info => "info",
        };
        out.push_str(&format!(
            "| `{}` | {sev} | {} | {} |\n",
            r.id,
            r.summary,
            r.help.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(rule_doc("xsd/element").is_some_and(|r| r.id == "xsd/*"));
        assert!(rule_doc("schemaorg/range").is_some());
        assert!(rule_doc("nope/x").is_none());
    }
}
