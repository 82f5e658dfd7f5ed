//! The bundled term table (schemas/schemaorg-terms.json, written by
//! scripts/gen-schemaorg-terms.py) agrees with the schema.org release it was generated
//! from (../shared/schemaorg/schemaorg-current-https.jsonld): same types, superclasses,
//! properties, domains, ranges and status. Read independently here, so a stale or
//! wrongly generated table fails.

use colloquy::check::vocabulary::Terms;
use serde_json::Value;
use std::collections::BTreeSet;

fn ids(v: Option<&Value>) -> BTreeSet<String> {
    let items: Vec<&Value> = match v {
        None => vec![],
        Some(Value::Array(a)) => a.iter().collect(),
        Some(x) => vec![x],
    };
    items
        .into_iter()
        .filter_map(|x| x.get("@id").and_then(Value::as_str).or(x.as_str()))
        .filter_map(|s| s.strip_prefix("schema:"))
        .map(str::to_string)
        .collect()
}

fn status(node: &Value) -> Option<String> {
    let part = node.get("schema:isPartOf")?.get("@id")?.as_str()?;
    Some(if part.contains("pending") {
        "pending".to_string()
    } else {
        format!(
            "extension:{}",
            part.trim_start_matches("https://")
                .split('.')
                .next()
                .unwrap()
        )
    })
}

#[test]
fn term_table_matches_the_schema_org_release() {
    let text = std::fs::read_to_string(crate::shared_or_skip!(
        "schemaorg/schemaorg-current-https.jsonld"
    ))
    .unwrap();
    let vocab: Value = serde_json::from_str(&text).unwrap();
    let terms = Terms::bundled();
    let (mut classes, mut props) = (0, 0);
    for node in vocab["@graph"].as_array().unwrap() {
        let Some(name) = node["@id"].as_str().and_then(|s| s.strip_prefix("schema:")) else {
            continue;
        };
        let kinds: BTreeSet<String> = match &node["@type"] {
            Value::Array(a) => a
                .iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect(),
            Value::String(s) => [s.clone()].into(),
            _ => BTreeSet::new(),
        };
        if kinds.contains("rdfs:Class") {
            classes += 1;
            let def = terms
                .types
                .get(name)
                .unwrap_or_else(|| panic!("type {name} missing"));
            let supers: BTreeSet<String> = def.superclasses.iter().map(|s| s.to_string()).collect();
            assert_eq!(supers, ids(node.get("rdfs:subClassOf")), "{name}");
            assert_eq!(def.status, status(node).as_deref(), "{name}");
        } else if kinds.contains("rdf:Property") {
            props += 1;
            let def = terms
                .properties
                .get(name)
                .unwrap_or_else(|| panic!("property {name} missing"));
            let domain: BTreeSet<String> = def.domain.iter().map(|s| s.to_string()).collect();
            let range: BTreeSet<String> = def.range.iter().map(|s| s.to_string()).collect();
            assert_eq!(domain, ids(node.get("schema:domainIncludes")), "{name}");
            assert_eq!(range, ids(node.get("schema:rangeIncludes")), "{name}");
            assert_eq!(def.status, status(node).as_deref(), "{name}");
            let superseded: BTreeSet<String> =
                def.superseded_by.iter().map(|s| s.to_string()).collect();
            assert_eq!(superseded, ids(node.get("schema:supersededBy")), "{name}");
        }
    }
    assert_eq!(
        terms.types.len(),
        classes,
        "types in the table that the release lacks"
    );
    assert_eq!(
        terms.properties.len(),
        props,
        "properties in the table that the release lacks"
    );
    eprintln!("{classes} types and {props} properties agree with the release");
}
