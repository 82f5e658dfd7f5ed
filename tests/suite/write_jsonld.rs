//! The JSON-LD writer: the output contract of DESIGN.md, checked on hand-built
//! interviews, against the schema.org vocabulary file and the bundled JSON Schema.

use crate::common;

use colloquy::check::json_schema::JsonSchemaCheck;
use colloquy::write::jsonld;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

fn doc(iv: &colloquy::model::Interview) -> Value {
    serde_json::from_str(&jsonld::render(iv, &common::ctx(iv))).unwrap()
}

/// schema.org 30.0 as read from ../shared: term → (is class, superclasses or domains).
struct Vocabulary {
    classes: HashMap<String, Vec<String>>,
    /// property → (domains, ranges)
    properties: HashMap<String, (Vec<String>, Vec<String>)>,
}

fn ids(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().flat_map(|x| ids(Some(x))).collect(),
        Some(Value::Object(o)) => o
            .get("@id")
            .and_then(Value::as_str)
            .map(|s| vec![s.trim_start_matches("schema:").to_string()])
            .unwrap_or_default(),
        _ => vec![],
    }
}

fn vocabulary() -> Option<Vocabulary> {
    let path = crate::shared::shared("schemaorg/schemaorg-current-https.jsonld")?;
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut classes = HashMap::new();
    let mut properties = HashMap::new();
    for node in v["@graph"].as_array().unwrap() {
        let id = node["@id"].as_str().unwrap_or("");
        let Some(name) = id.strip_prefix("schema:") else {
            continue;
        };
        let types: Vec<&str> = match &node["@type"] {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if types.contains(&"rdfs:Class") {
            classes.insert(name.to_string(), ids(node.get("rdfs:subClassOf")));
        }
        if types.contains(&"rdf:Property") {
            properties.insert(
                name.to_string(),
                (
                    ids(node.get("schema:domainIncludes")),
                    ids(node.get("schema:rangeIncludes")),
                ),
            );
        }
    }
    Some(Vocabulary {
        classes,
        properties,
    })
}

impl Vocabulary {
    fn ancestors(&self, class: &str) -> HashSet<String> {
        let mut out = HashSet::new();
        let mut todo = vec![class.to_string()];
        while let Some(c) = todo.pop() {
            if out.insert(c.clone()) {
                todo.extend(self.classes.get(&c).cloned().unwrap_or_default());
            }
        }
        out
    }

    /// Every type exists, every property exists and its domain admits the node's type
    /// (schema.org's Role pattern: a Role may carry the property that points at it).
    fn problems(&self, node: &Value, via: Option<&str>, out: &mut Vec<String>) {
        let mut types_by_id = HashMap::new();
        collect_ids(node, &mut types_by_id);
        self.walk(node, via, &types_by_id, out);
    }

    /// Does `value` fit the range of `property`? Typed nodes by class closure (a Role
    /// may stand in for any value), `{"@id"}` references by the type of the node they
    /// name, literals by form.
    fn fits(&self, value: &Value, range: &[String], ids: &HashMap<String, String>) -> bool {
        let has = |c: &str| range.iter().any(|r| r == c);
        let typed = |t: &str| t == "Role" || self.ancestors(t).iter().any(|a| has(a));
        match value {
            Value::Array(a) => a.iter().all(|v| self.fits(v, range, ids)),
            Value::Object(o) => match o.get("@type").and_then(Value::as_str) {
                Some(t) => typed(t),
                None => o
                    .get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| ids.get(id))
                    .is_some_and(|t| typed(t)),
            },
            Value::String(s) => {
                let url = s.starts_with("https://") || s.starts_with("http://");
                let date = s.len() >= 4 && s.bytes().take(4).all(|b| b.is_ascii_digit());
                has("Text") || (has("URL") && url) || ((has("Date") || has("DateTime")) && date)
            }
            Value::Number(n) => has("Number") || (has("Integer") && n.is_u64()),
            Value::Bool(_) => has("Boolean"),
            Value::Null => false,
        }
    }

    fn walk(
        &self,
        node: &Value,
        via: Option<&str>,
        ids: &HashMap<String, String>,
        out: &mut Vec<String>,
    ) {
        match node {
            Value::Array(a) => a.iter().for_each(|x| self.walk(x, via, ids, out)),
            Value::Object(o) => {
                let ty = o.get("@type").and_then(Value::as_str);
                if let Some(t) = ty {
                    if !self.classes.contains_key(t) {
                        out.push(format!("unknown type {t}"));
                    }
                }
                for (k, v) in o {
                    if k.starts_with('@') {
                        continue;
                    }
                    match self.properties.get(k) {
                        None => out.push(format!("unknown property {k}")),
                        Some((domains, range)) => {
                            if !self.fits(v, range, ids) {
                                out.push(format!("{k} has a value outside its range {range:?}"));
                            }
                            if let Some(t) = ty {
                                let anc = self.ancestors(t);
                                let role_pattern = t == "Role" && via == Some(k.as_str());
                                if !role_pattern && !domains.iter().any(|d| anc.contains(d)) {
                                    out.push(format!("{k} is not a property of {t}"));
                                }
                            }
                        }
                    }
                    self.walk(v, Some(k), ids, out);
                }
            }
            _ => {}
        }
    }
}

fn collect_ids(node: &Value, out: &mut HashMap<String, String>) {
    match node {
        Value::Array(a) => a.iter().for_each(|x| collect_ids(x, out)),
        Value::Object(o) => {
            if let (Some(id), Some(t)) = (
                o.get("@id").and_then(Value::as_str),
                o.get("@type").and_then(Value::as_str),
            ) {
                out.insert(id.to_string(), t.to_string());
            }
            o.values().for_each(|v| collect_ids(v, out));
        }
        _ => {}
    }
}

#[test]
fn every_type_and_property_exists_in_schema_org_with_fitting_domain_and_range() {
    let Some(vocab) = vocabulary() else {
        return;
    };
    for iv in [common::small(), common::full(), common::bare()] {
        let d = doc(&iv);
        let mut problems = Vec::new();
        vocab.problems(&d, None, &mut problems);
        assert!(problems.is_empty(), "{problems:#?}\n{d:#}");
    }
}

#[test]
fn the_vocabulary_check_is_not_vacuous() {
    let Some(vocab) = vocabulary() else {
        return;
    };
    let bad = serde_json::json!({
        "@type": "Interview",
        "interviewee": "x",
        "hasPart": [{"@type": "Question", "creditText": "ok", "logo": "https://x.example/l.png"}],
        "about": {"@id": "urn:x#nowhere"},
        "author": "by Jane Doe",
        "datePublished": "yesterday"
    });
    let mut problems = Vec::new();
    vocab.problems(&bad, None, &mut problems);
    problems.sort();
    assert_eq!(
        problems,
        [
            "about has a value outside its range [\"Thing\"]",
            "about is not a property of Interview",
            "author has a value outside its range [\"Organization\", \"Person\"]",
            "author is not a property of Interview",
            "datePublished has a value outside its range [\"Date\", \"DateTime\"]",
            "datePublished is not a property of Interview",
            "hasPart is not a property of Interview",
            "logo is not a property of Question",
            "unknown property interviewee",
            "unknown type Interview",
        ]
    );
}

#[test]
fn outputs_pass_the_bundled_json_schema() {
    let check = JsonSchemaCheck::bundled();
    for iv in [common::small(), common::full(), common::bare()] {
        let text = jsonld::render(&iv, &common::ctx(&iv));
        let findings = check.check(&text);
        assert!(findings.is_empty(), "{findings:#?}\n{text}");
    }
}

#[test]
fn a_misspelled_required_field_is_rejected_with_rule_pointer_and_line() {
    let iv = common::small();
    let text = jsonld::render(&iv, &common::ctx(&iv)).replace("\"hasPart\"", "\"hasParts\"");
    let findings = JsonSchemaCheck::bundled().check(&text);
    let required = findings
        .iter()
        .find(|f| f.rule == "json-schema/required")
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert!(required.message.contains("hasPart"), "{required:?}");
    assert_eq!(required.location.pointer.as_deref(), Some(""));
    assert_eq!(
        (required.location.line, required.location.column),
        (Some(1), Some(1))
    );
    let extra = findings
        .iter()
        .find(|f| f.rule == "json-schema/additionalProperties")
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert!(extra.message.contains("hasParts"), "{extra:?}");
}

#[test]
fn a_bad_nested_value_is_located_by_pointer_and_line() {
    let iv = common::full();
    let text = jsonld::render(&iv, &common::ctx(&iv)).replace("\"position\": 2", "\"position\": 0");
    let findings = JsonSchemaCheck::bundled().check(&text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.rule, "json-schema/minimum");
    assert_eq!(f.location.pointer.as_deref(), Some("/hasPart/1/position"));
    let line = text
        .lines()
        .position(|l| l.contains("\"position\": 0"))
        .unwrap()
        + 1;
    assert_eq!(f.location.line, Some(line));
    assert_eq!(f.location.column, Some(19));
}

#[test]
fn format_checks_are_on() {
    let iv = common::full();
    let text = jsonld::render(&iv, &common::ctx(&iv)).replace(
        "\"license\": \"https://creativecommons.org/licenses/by/4.0/\"",
        "\"license\": \"not a uri\"",
    );
    let findings = JsonSchemaCheck::bundled().check(&text);
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "json-schema/format"
                && f.location.pointer.as_deref() == Some("/license")),
        "{findings:#?}"
    );
}

#[test]
fn invalid_json_is_a_syntax_finding_with_line() {
    let findings = JsonSchemaCheck::bundled().check("{\n  \"a\": 1,\n}\n");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "json/syntax");
    assert_eq!(findings[0].location.line, Some(3));
}

#[test]
fn small_interview_follows_the_contract() {
    let iv = common::small();
    let ctx = common::ctx(&iv);
    let d = doc(&iv);
    assert_eq!(d["@context"], "https://schema.org");
    assert_eq!(d["@type"], "NewsArticle");
    assert_eq!(d["@id"], ctx.guid.as_str());
    assert!(d.get("@graph").is_none());
    assert_eq!(d["genre"]["@type"], "DefinedTerm");
    assert_eq!(
        d["genre"]["url"],
        "http://cv.iptc.org/newscodes/genre/Interview"
    );
    assert_eq!(d["inLanguage"], "id");
    assert_eq!(
        d["isBasedOn"], "https://example.org/wawancara/duta-besar",
        "one source: a plain string"
    );
    assert!(
        d.get("url").is_none(),
        "url only when the record says where it was published"
    );
    assert!(
        d.get("datePublished").is_none(),
        "no date in the model, none in the output"
    );
    let parts = d["hasPart"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0]["@type"], "Question");
    assert_eq!(parts[0]["position"], 1);
    assert_eq!(parts[0]["text"], "Apa prioritas Anda tahun ini?");
    assert_eq!(parts[0]["acceptedAnswer"]["@type"], "Answer");
    assert_eq!(
        parts[0]["acceptedAnswer"]["text"],
        "Perdagangan.\n\nDan pendidikan."
    );
    // interviewer asks, interviewee answers, both by @id of their described Person
    let interviewer = &d["contributor"][0];
    let interviewee = &d["contributor"][1];
    assert_eq!(interviewer["@type"], "Role");
    assert_eq!(interviewer["roleName"], "interviewer");
    assert_eq!(interviewee["roleName"], "interviewee");
    assert_eq!(interviewee["contributor"]["name"], "Budi Santoso");
    assert_eq!(interviewee["contributor"]["jobTitle"], "Duta Besar");
    assert_eq!(parts[0]["author"]["@id"], interviewer["contributor"]["@id"]);
    assert_eq!(
        parts[0]["acceptedAnswer"]["author"]["@id"],
        interviewee["contributor"]["@id"]
    );
    assert_eq!(d["about"][0]["@id"], interviewee["contributor"]["@id"]);
    assert_eq!(
        d["image"][0]["caption"],
        "Duta Besar Budi Santoso di Jakarta."
    );
    assert_eq!(d["image"][0]["creditText"], "NVCC");
    assert!(d["image"][0].get("contentUrl").is_none());
    assert_eq!(
        d["articleBody"],
        "Apa prioritas Anda tahun ini?\n\nPerdagangan.\n\nDan pendidikan.\n\nKapan Anda kembali?\n\nBulan depan."
    );
}

#[test]
fn every_meta_field_reaches_the_json_ld() {
    let d = doc(&common::full());
    assert_eq!(
        d["alternativeHeadline"],
        "Perdagangan & pendidikan <lebih dulu>"
    );
    assert_eq!(d["description"], "Sebuah wawancara tentang diplomasi.");
    assert_eq!(d["datePublished"], "2026-05-12T09:30:00+07:00");
    assert_eq!(d["dateModified"], "2026-05-13");
    assert_eq!(
        d["url"],
        "https://news.example.id/wawancara/2026/05/duta-besar"
    );
    assert_eq!(d["publisher"]["@type"], "NewsMediaOrganization");
    assert_eq!(d["publisher"]["name"], "Kabar Contoh");
    assert_eq!(d["publisher"]["url"], "https://news.example.id/");
    assert_eq!(d["publisher"]["logo"], "https://news.example.id/logo.png");
    assert_eq!(d["copyrightHolder"]["@id"], d["publisher"]["@id"]);
    assert_eq!(d["copyrightNotice"], "© 2026 Kabar Contoh");
    assert_eq!(d["license"], "https://creativecommons.org/licenses/by/4.0/");
    assert_eq!(d["translator"]["name"], "Dewi Lestari");
    assert_eq!(
        d["translationOfWork"]["url"],
        "https://bao.example.vn/phong-van/dai-su"
    );
    assert_eq!(d["translationOfWork"]["inLanguage"], "vi");
    assert_eq!(d["translationOfWork"]["headline"], "Phỏng vấn Đại sứ");
    assert_eq!(d["isBasedOn"][1], "https://bao.example.vn/phong-van/dai-su");
    assert_eq!(
        d["keywords"],
        serde_json::json!(["diplomasi", "pendidikan"])
    );
    assert_eq!(d["articleSection"], "Wawancara");
    assert_eq!(d["identifier"][0]["propertyID"], "kabar-contoh-id");
    assert_eq!(d["identifier"][0]["value"], "KC-2026-017");
    assert_eq!(
        d["contributor"][1]["contributor"]["affiliation"]["name"],
        "Kementerian Luar Negeri"
    );
    assert_eq!(
        d["image"][1]["contentUrl"],
        "https://news.example.id/img/2.jpg"
    );
}

#[test]
fn the_photographer_is_the_image_objects_creator_and_the_credit_stays() {
    let d = doc(&common::full());
    assert_eq!(
        d["image"][1]["creator"],
        serde_json::json!({"@type": "Person", "name": "Dewi Lestari"})
    );
    assert_eq!(d["image"][1]["creditText"], "Kabar Contoh/Dewi");
    // Photo 1 names no photographer: its credit is not turned into a creator.
    assert_eq!(d["image"][0]["creditText"], "NVCC");
    assert!(
        d["image"][0].get("creator").is_none(),
        "{:#}",
        d["image"][0]
    );
    // A photo known only by its photographer is still written.
    let mut iv = common::bare();
    iv.figures.push(colloquy::model::Figure {
        caption: None,
        credit: None,
        photographer: Some("Jane Roe".into()),
        image_url: None,
        alt: None,
        span: 0..0,
    });
    let d = doc(&iv);
    assert_eq!(d["image"][0]["creator"]["name"], "Jane Roe");
    let mut problems = Vec::new();
    let Some(vocab) = vocabulary() else {
        return;
    };
    vocab.problems(&d, None, &mut problems);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn several_answers_are_an_array_and_an_unanswered_question_has_none() {
    let d = doc(&common::full());
    let parts = d["hasPart"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "a remark is not a question");
    let answers = parts[0]["acceptedAnswer"]
        .as_array()
        .expect("two answers → array");
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[1]["text"], "Pendidikan, tentu.");
    assert_ne!(answers[0]["author"], answers[1]["author"]);
    assert!(parts[1].get("acceptedAnswer").is_none());
    assert!(parts[1].get("suggestedAnswer").is_none());
    // labels are not question text; the closing thanks is in no answer
    assert!(!parts[0]["text"].as_str().unwrap().contains("Wartawan"));
    let text = serde_json::to_string(&parts).unwrap();
    assert!(!text.contains("Terima kasih"));
}

#[test]
fn c1_controls_are_escaped_and_plain_text_is_left_alone() {
    // Mojibake in a real record: U+0085 and U+0096 (cp1252 bytes read as Latin-1).
    let mut iv = common::full();
    iv.meta.description = Some(common::sourced("caf\u{85} \u{96} ok \u{7f}".into()));
    let text = jsonld::render(&iv, &common::ctx(&iv));
    assert!(text.contains("caf\\u0085 \\u0096 ok \\u007f"), "{text}");
    assert!(!text.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c)));
    // Nothing to escape: the serialized document comes through untouched.
    let mut plain = common::small();
    plain.meta.description = Some(common::sourced("Sebuah wawancara.".into()));
    let text = jsonld::render(&plain, &common::ctx(&plain));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n");
}

#[test]
fn never_faq_or_qa_page_and_markup_is_escaped_for_embedding() {
    let iv = common::full();
    let text = jsonld::render(&iv, &common::ctx(&iv));
    assert!(!text.contains("FAQPage") && !text.contains("QAPage"));
    assert!(!text.contains('<') && !text.contains('>'));
    assert!(text.contains("\\u003cscript\\u003e"));
    assert!(text.ends_with("}\n"));
    assert!(
        text.starts_with("{\n  \"@context\""),
        "2-space indent, @context first"
    );
}

#[test]
fn characters_xml_forbids_are_removed_from_the_json_ld_too() {
    let iv = common::full();
    let text = jsonld::render(&iv, &common::ctx(&iv));
    assert!(
        !text.contains("\\u0001") && !text.contains("\\u000b"),
        "{text}"
    );
    assert!(text.contains("Perdagangan."));
}

#[test]
fn nothing_is_invented_for_a_bare_interview() {
    let d = doc(&common::bare());
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "@context",
            "@type",
            "@id",
            "genre",
            "hasPart",
            "articleBody"
        ]
    );
    assert!(d["hasPart"][0].get("author").is_none());
    assert!(d["hasPart"][0]["acceptedAnswer"].get("author").is_none());
}

#[test]
fn rendering_is_deterministic() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    assert_eq!(
        jsonld::render(&iv, &ctx),
        jsonld::render(&iv.clone(), &ctx.clone())
    );
}
