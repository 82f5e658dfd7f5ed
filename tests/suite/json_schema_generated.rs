//! colloquy checks JSON-LD with a validator generated from
//! `schemas/colloquy-interview.schema.json` when it is compiled (`check::json_schema`).
//! Here that validator is held to the findings of the same file compiled at run time by
//! the jsonschema crate, as a user's own copy of the schema would be: over the JSON-LD of
//! the fixtures and of `samples/`, and over mutants that break one value each (removed,
//! retyped, given a stray key, a bad date or URL), so both acceptance and every message,
//! keyword and pointer are compared.

use crate::common;
use colloquy::check::json_schema::JsonSchemaCheck;
use colloquy::write::jsonld;
use serde_json::{Map, Value};
use std::path::Path;

/// The schema file compiled at run time, format checks on, fetching nothing.
fn runtime() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/colloquy-interview.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .offline()
        .build(&schema)
        .expect("the bundled schema compiles at run time")
}

/// (rule, pointer, message) of every error, sorted, as `check::json_schema` words them.
fn runtime_findings(
    validator: &jsonschema::Validator,
    value: &Value,
) -> Vec<(String, String, String)> {
    let mut found: Vec<_> = validator
        .iter_errors(value)
        .map(|error| {
            let pointer = error.instance_path().as_str().to_string();
            let at = if pointer.is_empty() {
                "/".to_string()
            } else {
                pointer.clone()
            };
            (
                format!("json-schema/{}", error.kind().keyword()),
                pointer,
                format!("{error} (at {at})"),
            )
        })
        .collect();
    found.sort();
    found
}

fn generated_findings(text: &str, value: &Value) -> Vec<(String, String, String)> {
    let mut found: Vec<_> = JsonSchemaCheck::shared()
        .check_value(text, value)
        .into_iter()
        .map(|f| (f.rule, f.location.pointer.unwrap_or_default(), f.message))
        .collect();
    found.sort();
    found
}

/// The JSON pointer of every node of `value`, in document order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// What a mutant does to one node: its new value, or `None` to remove it.
type Change = dyn Fn(&Value) -> Option<Value>;

/// `doc` with the node at `pointer` passed through `change`.
fn mutated(doc: &Value, pointer: &str, change: &Change) -> Value {
    let mut doc = doc.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("not the root");
    let last = last.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent).expect("the parent exists") {
        Value::Object(map) => match change(&map[&last]) {
            Some(new) => {
                map.insert(last, new);
            }
            None => {
                map.shift_remove(&last);
            }
        },
        Value::Array(items) => {
            let i: usize = last.parse().unwrap();
            match change(&items[i]) {
                Some(new) => items[i] = new,
                None => {
                    items.remove(i);
                }
            }
        }
        _ => unreachable!("a parent is a container"),
    }
    doc
}

/// `doc`, and for each of its nodes the documents that break it one way each.
fn with_mutants(doc: &Value) -> Vec<Value> {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let changes: [&Change; 7] = [
        &|_| None,
        &|_| Some(Value::from(7)),
        &|_| Some(Value::from("%% not a value %%")),
        &|_| Some(Value::Null),
        &|_| Some(Value::from("2026-13-45")),
        &|v| match v {
            Value::Object(map) => {
                let mut map: Map<String, Value> = map.clone();
                map.insert("zzUnknown".into(), Value::from(1));
                Some(Value::Object(map))
            }
            Value::Array(_) => Some(Value::Array(Vec::new())),
            Value::String(_) => Some(Value::from("")),
            _ => Some(Value::from(-1.5)),
        },
        &|v| Some(Value::Array(vec![v.clone(), v.clone()])),
    ];
    let mut docs = vec![doc.clone()];
    for pointer in all.iter().skip(1) {
        for change in &changes {
            docs.push(mutated(doc, pointer, change));
        }
    }
    docs
}

#[test]
fn the_generated_validator_gives_the_findings_of_the_schema_compiled_at_run_time() {
    let mut docs: Vec<(String, String)> = [
        ("small", common::small()),
        ("full", common::full()),
        ("bare", common::bare()),
    ]
    .into_iter()
    .map(|(name, iv)| (name.to_string(), jsonld::render(&iv, &common::ctx(&iv))))
    .collect();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<_> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        if let Ok((_, iv)) = colloquy::pipeline::read(&name, &bytes) {
            docs.push((name, jsonld::render(&iv, &common::ctx(&iv))));
        }
    }
    let validator = runtime();
    let (mut compared, mut invalid, mut merged) = (0, 0, 0);
    for (what, text) in &docs {
        let doc: Value = serde_json::from_str(text).unwrap();
        for (i, mutant) in with_mutants(&doc).iter().enumerate() {
            let text = serde_json::to_string_pretty(mutant).unwrap();
            let mut want = runtime_findings(&validator, mutant);
            let got = generated_findings(&text, mutant);
            invalid += usize::from(!want.is_empty());
            // The one difference: a value outside an `enum` of strings is reported once,
            // as not one of them, where the run-time validator also says it is not a
            // string.
            let before = want.len();
            want.retain(|(rule, pointer, _)| {
                rule != "json-schema/type"
                    || !got
                        .iter()
                        .any(|(r, p, _)| r == "json-schema/enum" && p == pointer)
            });
            merged += usize::from(want.len() < before);
            assert_eq!(got, want, "{what} (mutant {i}): {text}");
            compared += 1;
        }
    }
    // The comparison means something only if both verdicts occur often.
    assert!(
        docs.len() > 5 && invalid > 1000 && compared - invalid > 100,
        "{} documents, {compared} compared, {invalid} invalid",
        docs.len()
    );
    println!(
        "{compared} documents compared, {invalid} with findings, {merged} with a type finding \
         left to the enum one"
    );
}
