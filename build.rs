//! Turns bundled data files into Rust code at build time, so that a one-file run does
//! not parse them at start-up (issue #11: together about a quarter of the instructions
//! of `convert FILE --to jsonld --stdout`, and a quarter of a default `convert FILE`):
//! - `schemas/schemaorg-terms.json` (the schema.org term table) → sorted static tables,
//!   looked up by binary search (`$OUT_DIR/schemaorg_terms.rs`);
//! - `src/lexicon/lexicon.toml` (the language data) → one expression that builds the
//!   `Lexicon` struct (`$OUT_DIR/lexicon.rs`);
//! - every `schemas/**/*.xsd` → the same schema without comments, annotations and
//!   indentation, the text libxml2 compiles (`$OUT_DIR/xsd_compact.rs`, a table of
//!   path → text; the rule is `src/check/xsd_compact.rs`).
//!
//! It also hashes the sources into `COLLOQUY_SOURCE_HASH`, part of [`colloquy::BUILD`].
//!
//! The files stay the source of truth (and stay bundled as text for `schema show`); only
//! how the binary loads them changes.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/check/xsd_compact.rs"]
mod xsd_compact;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo::rerun-if-changed=schemas/schemaorg-terms.json");
    println!("cargo::rerun-if-changed=src/lexicon/lexicon.toml");
    std::fs::write(out.join("schemaorg_terms.rs"), terms()).expect("write schemaorg_terms.rs");
    let (lexicon, lists) = lexicon();
    std::fs::write(out.join("lexicon.rs"), lexicon).expect("write lexicon.rs");
    std::fs::write(out.join("lexicon_lists.rs"), lists).expect("write lexicon_lists.rs");
    println!("cargo::rerun-if-changed=schemas");
    println!("cargo::rerun-if-changed=src/check/xsd_compact.rs");
    std::fs::write(out.join("xsd_compact.rs"), xsd_compact()).expect("write xsd_compact.rs");
    for input in ["src", "build.rs", "Cargo.toml", "Cargo.lock"] {
        println!("cargo::rerun-if-changed={input}");
    }
    println!(
        "cargo::rustc-env=COLLOQUY_SOURCE_HASH={:016x}",
        source_hash()
    );
}

/// FNV-1a (64 bits) over the path and bytes of every file the binary is built from
/// (`src/`, `schemas/`, `build.rs`, `Cargo.toml`, `Cargo.lock`), in path order: two builds
/// of one version from different sources get different ids, so a re-run does not trust
/// a record another build wrote (`state.rs`). The version alone cannot tell them apart
/// between releases.
fn source_hash() -> u64 {
    fn walk(path: &Path, found: &mut Vec<std::path::PathBuf>) {
        if path.is_dir() {
            for entry in std::fs::read_dir(path).expect("read a source directory") {
                walk(&entry.expect("read a source directory").path(), found);
            }
        } else if path.is_file() {
            found.push(path.to_path_buf());
        }
    }
    let mut found = Vec::new();
    for input in ["src", "schemas", "build.rs", "Cargo.toml", "Cargo.lock"] {
        walk(Path::new(input), &mut found);
    }
    found.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in found {
        eat(path.to_string_lossy().as_bytes());
        eat(&[0]);
        eat(&std::fs::read(&path).expect("read a source file"));
        eat(&[0]);
    }
    hash
}

/// `&[(path under schemas/, compact text)]` for every `.xsd` under `schemas/`, sorted.
fn xsd_compact() -> String {
    fn walk(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read schemas/") {
            let path = entry.expect("read schemas/").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "xsd") {
                found.push(path);
            }
        }
    }
    let root = Path::new("schemas");
    let mut found = Vec::new();
    walk(root, &mut found);
    found.sort();
    let mut table = String::from("&[\n");
    for path in found {
        let text = std::fs::read_to_string(&path).expect("an XSD is UTF-8");
        let compact = xsd_compact::compact(&text)
            .unwrap_or_else(|| panic!("{} is not well-formed XML", path.display()));
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_str()
            .expect("a UTF-8 path");
        let rel = rel.replace(std::path::MAIN_SEPARATOR, "/");
        writeln!(table, "    ({}, {}),", lit(&rel), lit(&compact)).unwrap();
    }
    table.push(']');
    table
}

/// A Rust string literal (`Debug` of `str` escapes the way Rust source does).
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn strs(v: Option<&serde_json::Value>) -> String {
    let items: Vec<String> = match v {
        None => Vec::new(),
        Some(v) => v
            .as_array()
            .expect("a list of names")
            .iter()
            .map(|s| lit(s.as_str().expect("a name")))
            .collect(),
    };
    format!("&[{}]", items.join(", "))
}

fn opt_str(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => "None".into(),
        Some(v) => format!("Some({})", lit(v.as_str().expect("a status"))),
    }
}

fn sorted(v: &serde_json::Value) -> Vec<(&String, &serde_json::Value)> {
    let mut entries: Vec<_> = v.as_object().expect("a table of terms").iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

fn terms() -> String {
    let text = std::fs::read_to_string("schemas/schemaorg-terms.json")
        .expect("read schemas/schemaorg-terms.json");
    let file: serde_json::Value =
        serde_json::from_str(&text).expect("schemas/schemaorg-terms.json is valid JSON");
    let mut code = String::new();
    code.push_str("// Generated by build.rs from schemas/schemaorg-terms.json; sorted by name.\n");
    code.push_str("pub(super) static TYPES: &[(&str, TypeDef)] = &[\n");
    for (name, def) in sorted(&file["types"]) {
        let _ =
            writeln!(
            code,
            "({}, TypeDef {{ superclasses: {}, datatype: {}, status: {}, superseded_by: {} }}),",
            lit(name),
            strs(def.get("super")),
            def.get("datatype").and_then(|d| d.as_bool()).unwrap_or(false),
            opt_str(def.get("status")),
            strs(def.get("supersededBy")),
        );
    }
    code.push_str("];\npub(super) static PROPERTIES: &[(&str, PropDef)] = &[\n");
    for (name, def) in sorted(&file["properties"]) {
        let _ = writeln!(
            code,
            "({}, PropDef {{ domain: {}, range: {}, status: {}, superseded_by: {} }}),",
            lit(name),
            strs(def.get("domain")),
            strs(def.get("range")),
            opt_str(def.get("status")),
            strs(def.get("supersededBy")),
        );
    }
    code.push_str("];\npub(super) static MEMBERS: &[(&str, &[&str])] = &[\n");
    for (name, enums) in sorted(&file["members"]) {
        let _ = writeln!(code, "({}, {}),", lit(name), strs(Some(enums)));
    }
    code.push_str("];\n");
    code
}

fn string_list(v: &toml::Value, key: &str) -> String {
    let items: Vec<String> = v
        .as_array()
        .unwrap_or_else(|| panic!("lexicon.toml: `{key}` is a list"))
        .iter()
        .map(|s| {
            lit(s
                .as_str()
                .unwrap_or_else(|| panic!("lexicon.toml: `{key}` holds strings")))
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

/// The code that builds the `Lexicon`, and the expression naming every one of its lists
/// (`[&lex.a[..], …]`), by which `lexicon::compiled` knows a list as the lexicon's own.
fn lexicon() -> (String, String) {
    let text =
        std::fs::read_to_string("src/lexicon/lexicon.toml").expect("read src/lexicon/lexicon.toml");
    let table: toml::Table = toml::from_str(&text).expect("src/lexicon/lexicon.toml is valid TOML");
    let mut code = String::new();
    code.push_str("// Generated by build.rs from src/lexicon/lexicon.toml.\nLexicon {\n");
    let mut lists = String::from("// Generated by build.rs from src/lexicon/lexicon.toml.\n[\n");
    for (key, value) in &table {
        match value {
            toml::Value::Array(_) => {
                let _ = writeln!(code, "{key}: strings({}),", string_list(value, key));
                let _ = writeln!(lists, "&lex.{key}[..],");
            }
            toml::Value::Table(t) => {
                let entries: Vec<String> = t
                    .iter()
                    .map(|(k, v)| format!("({}, {})", lit(k), string_list(v, key)))
                    .collect();
                let _ = writeln!(code, "{key}: table(&[{}]),", entries.join(", "));
            }
            _ => panic!("lexicon.toml: `{key}` is a list or a table of lists"),
        }
    }
    code.push_str("}\n");
    lists.push_str("]\n");
    (code, lists)
}
