//! The offline schema.org vocabulary check: every type and property a JSON-LD document
//! uses must exist in the bundled term table (`schemas/schemaorg-terms.json`, generated
//! by `scripts/gen-schemaorg-terms.py` from the schema.org release), properties must fit
//! their node's type (domain, with superclasses) and values must fit the property's range
//! (nodes by type, literals by form). JSON-LD expansion alone never catches a misspelled
//! key — the schema.org context's `@vocab` turns any key into an IRI — so this check is
//! what finds them.
//!
//! The check works on the document as written (compact JSON-LD with the schema.org
//! context), without full expansion: keys resolve by local name (`name`,
//! `schema:name`, `https://schema.org/name`), `@id` references are followed within the
//! document, and keys from other vocabularies (prefixed names, IRIs, terms the
//! document's own context defines) are left alone.
//!
//! Rules that keep valid documents quiet, each from the schema.org data model:
//! - the Role pattern: a `Role` node may carry the property that points at it
//!   (`contributor` → Role {`contributor` → Person});
//! - text where a thing is expected is allowed by schema.org's conformance rules
//!   (reported as info), quantities (`Duration`, `Distance`…) may be given as text, and
//!   enumeration members may be given by name or IRI;
//! - a bare number where a `QuantitativeValue`/`Distance` is expected is a warning
//!   (Google accepts it; strict range checks do not).

use super::jsontree::{Json, JsonValue};
use super::Sink;
use crate::model::Severity;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

// `build.rs` turns `schemas/schemaorg-terms.json` into sorted static tables: nothing is
// parsed or allocated at start-up (parsing the 236 KB table cost 8 M instructions, a
// sixth of a one-file run).
mod generated {
    use super::{PropDef, TypeDef};
    include!(concat!(env!("OUT_DIR"), "/schemaorg_terms.rs"));
}

/// A schema.org type from the term table.
#[derive(Debug)]
pub struct TypeDef {
    pub superclasses: &'static [&'static str],
    pub datatype: bool,
    pub status: Option<&'static str>,
    pub superseded_by: &'static [&'static str],
}

/// A schema.org property from the term table.
#[derive(Debug)]
pub struct PropDef {
    pub domain: &'static [&'static str],
    pub range: &'static [&'static str],
    pub status: Option<&'static str>,
    pub superseded_by: &'static [&'static str],
}

/// A table of the term file, sorted by name (generated that way), looked up by binary
/// search.
pub struct Table<V: 'static> {
    entries: &'static [(&'static str, V)],
}

impl<V> Table<V> {
    fn position(&self, name: &str) -> Option<usize> {
        self.entries.binary_search_by(|(n, _)| (*n).cmp(name)).ok()
    }

    /// The entry named `name`.
    pub fn get(&self, name: &str) -> Option<&'static V> {
        self.position(name).map(|i| &self.entries[i].1)
    }

    /// Whether the table names `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// How many entries the table holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every name, in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &'static &'static str> {
        self.entries.iter().map(|(n, _)| n)
    }
}

impl<V> std::ops::Index<&str> for Table<V> {
    type Output = V;
    fn index(&self, name: &str) -> &V {
        self.get(name).expect("a name the table holds")
    }
}

/// The bundled schema.org term table with superclass closures computed once.
pub struct Terms {
    pub types: Table<TypeDef>,
    pub properties: Table<PropDef>,
    /// Enumeration member → the enumerations it belongs to.
    pub members: Table<&'static [&'static str]>,
    /// Superclass closures (by position in `types`), each computed on first use: a
    /// document names a handful of types, and computing all ~900 up front cost more
    /// than the rest of a check.
    closures: Vec<OnceLock<BTreeSet<&'static str>>>,
    /// What each property's range allows (by position in `properties`), each worked
    /// out on first use: the literal checks ask it of every value, and every answer
    /// walked the range's closures.
    ranges: Vec<OnceLock<RangeFacts>>,
}

/// A known type: its name as the table spells it and its position there (where its
/// closure is kept, found without another search). Ordered by name, as the table is.
type TypeRef = (&'static str, usize);

/// Which datatypes a property's range includes (a range type or one of its superclasses),
/// and whether it includes things.
#[derive(Debug, Clone, Copy)]
struct RangeFacts {
    text: bool,
    date: bool,
    datetime: bool,
    time: bool,
    number: bool,
    boolean: bool,
    float: bool,
    integer: bool,
    quantity: bool,
    /// A range type that is no datatype.
    things: bool,
}

impl Terms {
    /// The table compiled into the binary (shared by all threads).
    pub fn bundled() -> &'static Terms {
        static TERMS: OnceLock<Terms> = OnceLock::new();
        TERMS.get_or_init(|| Terms {
            types: Table {
                entries: generated::TYPES,
            },
            properties: Table {
                entries: generated::PROPERTIES,
            },
            members: Table {
                entries: generated::MEMBERS,
            },
            closures: generated::TYPES.iter().map(|_| OnceLock::new()).collect(),
            ranges: generated::PROPERTIES
                .iter()
                .map(|_| OnceLock::new())
                .collect(),
        })
    }

    /// The type and all its superclasses (empty for unknown types).
    /// The names are the table's own (`'static`): a node's closure is a set of
    /// pointers, not of copied strings.
    pub fn closure(&self, t: &str) -> Option<&BTreeSet<&'static str>> {
        Some(self.closure_at(self.types.position(t)?))
    }

    /// The closure of the type at `position` in `types`.
    fn closure_at(&self, position: usize) -> &BTreeSet<&'static str> {
        self.closures[position].get_or_init(|| {
            let mut seen = BTreeSet::new();
            let mut stack = vec![self.types.entries[position].0];
            while let Some(t) = stack.pop() {
                if seen.insert(t) {
                    if let Some(def) = self.types.get(t) {
                        stack.extend(def.superclasses.iter().copied());
                    }
                }
            }
            seen
        })
    }

    /// The union of the closures of `types`: the cached closure itself for one type
    /// (nearly every node has one), a new set only for several.
    fn closure_of(&'static self, types: &[TypeRef]) -> Cow<'static, BTreeSet<&'static str>> {
        match types {
            [(_, t)] => Cow::Borrowed(self.closure_at(*t)),
            _ => {
                let mut out = BTreeSet::new();
                for (_, t) in types {
                    out.extend(self.closure_at(*t).iter().copied());
                }
                Cow::Owned(out)
            }
        }
    }

    /// The type at `position` in `types`.
    fn type_ref(&self, position: usize) -> TypeRef {
        (self.types.entries[position].0, position)
    }

    fn is_subtype(&self, t: &str, of: &str) -> bool {
        self.closure(t).is_some_and(|c| c.contains(of))
    }

    /// The [`RangeFacts`] of the property at `position` in `properties`.
    fn range_facts(&self, position: usize) -> RangeFacts {
        *self.ranges[position].get_or_init(|| {
            let range = self.properties.entries[position].1.range;
            let has = |datatype| range.iter().any(|r| self.is_subtype(r, datatype));
            RangeFacts {
                text: has("Text"),
                date: has("Date"),
                datetime: has("DateTime"),
                time: has("Time"),
                number: has("Number"),
                boolean: has("Boolean"),
                float: has("Float"),
                integer: has("Integer"),
                quantity: has("Quantity"),
                things: range.iter().any(|r| {
                    !self.is_subtype(r, "DataType")
                        && !self.types.get(r).is_some_and(|d| d.datatype)
                        && *r != "DataType"
                }),
            }
        })
    }

    /// Closest known property names to a misspelled one (for hints).
    fn suggest_property(&self, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        if let Some(p) = self
            .properties
            .keys()
            .filter(|p| p.to_lowercase() == lower)
            .min()
        {
            return Some(p.to_string());
        }
        let limit = (name.chars().count() / 4).clamp(1, 3);
        self.properties
            .keys()
            .map(|p| (edit_distance(&lower, &p.to_lowercase()), p))
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, p)| p.to_string())
    }

    fn suggest_type(&self, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        let limit = (name.chars().count() / 4).clamp(1, 3);
        self.types
            .keys()
            .map(|t| {
                let tl = t.to_lowercase();
                let d = if tl == lower {
                    0
                } else {
                    edit_distance(&lower, &tl)
                };
                (d, t)
            })
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, t)| t.to_string())
    }
}

/// Edit distance over characters, counting a swap of neighbours as one edit (optimal
/// string alignment), since `nmae` for `name` is the typical typo.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// What the JSON-LD context in force says about keys.
#[derive(Debug, Clone, Default)]
struct Context {
    /// `@vocab` (or the `https://schema.org` context) makes bare keys schema.org terms.
    schema_vocab: bool,
    /// Terms the document's own context defines: not checked against schema.org.
    own_terms: HashSet<String>,
    /// Prefixes mapped to schema.org (`schema:`), besides the default `schema`.
    schema_prefixes: HashSet<String>,
    /// The document named a context we cannot resolve offline.
    unknown_remote: bool,
}

const SCHEMA_IRIS: [&str; 4] = [
    "https://schema.org/",
    "http://schema.org/",
    "https://schema.org",
    "http://schema.org",
];

fn schema_local(iri: &str) -> Option<&str> {
    ["https://schema.org/", "http://schema.org/"]
        .iter()
        .find_map(|p| iri.strip_prefix(p))
        .filter(|l| !l.is_empty() && !l.contains(['/', '#']))
}

impl Context {
    fn apply(&mut self, ctx: &Json) {
        match &ctx.value {
            JsonValue::Null => *self = Context::default(),
            JsonValue::String(s) => {
                let s = s.trim_end_matches('/');
                if SCHEMA_IRIS.contains(&s)
                    || s.ends_with("schema.org/docs/jsonldcontext.jsonld")
                    || s.ends_with("schema.org/docs/jsonldcontext.json")
                {
                    self.schema_vocab = true;
                } else {
                    self.unknown_remote = true;
                }
            }
            JsonValue::Array(items) => {
                for item in items {
                    self.apply(item);
                }
            }
            JsonValue::Object(members) => {
                for m in members {
                    match (&*m.key, m.value.as_str()) {
                        ("@vocab", Some(v)) => {
                            self.schema_vocab = SCHEMA_IRIS.contains(&v);
                        }
                        (k, _) if k.starts_with('@') => {}
                        (_, Some(v)) if v.starts_with('@') => {}
                        (k, Some(v)) if SCHEMA_IRIS.contains(&v) => {
                            self.schema_prefixes.insert(k.to_string());
                        }
                        (k, _) => {
                            self.own_terms.insert(k.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The schema.org local name a key or type stands for; `None` for keys of
    /// other vocabularies.
    fn resolve<'a>(&self, key: &'a str) -> Option<&'a str> {
        if self.own_terms.contains(key) {
            return None;
        }
        if let Some(l) = schema_local(key) {
            return Some(l);
        }
        // Keys are short: a byte loop finds the colon sooner than a memchr is set up.
        if let Some(i) = key.bytes().position(|b| b == b':') {
            let (prefix, rest) = (&key[..i], &key[i + 1..]);
            if prefix == "schema" || self.schema_prefixes.contains(prefix) {
                return Some(rest);
            }
            return None;
        }
        self.schema_vocab.then_some(key)
    }
}

/// Rewrites keyword aliases to the keywords they stand for, in place: the schema.org
/// context defines `type` → `@type` and `id` → `@id`, and a document's own context may
/// define more (`"kind": "@type"`). Offsets are kept, so findings still point at the
/// text as written.
pub fn expand_aliases(doc: &mut Json) {
    // Alias → keyword, the later definition of a name replacing the earlier: a handful
    // of entries (`type`, `id`), searched in place rather than hashed for every key.
    type Aliases = Vec<(String, String)>;
    fn define(aliases: &mut Aliases, alias: &str, keyword: &str) {
        match aliases.iter_mut().find(|(a, _)| a == alias) {
            Some(entry) => entry.1 = keyword.to_string(),
            None => aliases.push((alias.to_string(), keyword.to_string())),
        }
    }
    fn walk(v: &mut Json, aliases: &Aliases) {
        match &mut v.value {
            JsonValue::Array(items) => items.iter_mut().for_each(|i| walk(i, aliases)),
            JsonValue::Object(members) => {
                // Most objects have no @context of their own: they share the parent's
                // aliases, uncopied.
                let own;
                let aliases = match members.iter().find(|m| m.key == "@context") {
                    Some(c) => {
                        let mut more = aliases.clone();
                        collect(&c.value, &mut more);
                        own = more;
                        &own
                    }
                    None => aliases,
                };
                for m in members.iter_mut() {
                    if let Some((_, k)) = aliases.iter().find(|(a, _)| *a == m.key) {
                        m.key = std::borrow::Cow::Owned(k.clone());
                    }
                    if m.key != "@context" {
                        walk(&mut m.value, aliases);
                    }
                }
            }
            _ => {}
        }
    }
    fn collect(ctx: &Json, aliases: &mut Aliases) {
        match &ctx.value {
            JsonValue::Null => aliases.clear(),
            JsonValue::String(s) => {
                let s = s.trim_end_matches('/');
                if SCHEMA_IRIS.contains(&s) || s.contains("schema.org/docs/jsonldcontext") {
                    define(aliases, "type", "@type");
                    define(aliases, "id", "@id");
                }
            }
            JsonValue::Array(items) => items.iter().for_each(|i| collect(i, aliases)),
            JsonValue::Object(members) => {
                for m in members {
                    if let Some(k) = m.value.as_str().filter(|v| v.starts_with('@')) {
                        define(aliases, &m.key, k);
                    }
                }
            }
            _ => {}
        }
    }
    walk(doc, &Vec::new());
}

/// One node the check visited; the Google profile reads these.
#[derive(Debug, Clone)]
pub struct NodeRecord<'d> {
    pub json: &'d Json<'d>,
    pub pointer: String,
    /// Known schema.org types (own `@type` plus those given elsewhere for the same `@id`),
    /// as the term table spells them.
    pub types: Vec<&'static str>,
    pub closure: Cow<'static, BTreeSet<&'static str>>,
}

/// Facts gathered about `@id`s before checking, so references can be followed. Ids and
/// property names borrow from the document, type names from the term table: nothing is
/// copied per node.
#[derive(Debug, Default)]
struct IdIndex<'d> {
    /// id → schema.org types given to it anywhere in the document.
    types: BTreeMap<&'d str, BTreeSet<TypeRef>>,
    /// id → property local names it carries anywhere.
    props: BTreeMap<&'d str, BTreeSet<&'d str>>,
    /// id → properties that point at it.
    referers: BTreeMap<&'d str, BTreeSet<&'d str>>,
}

/// The result of checking one JSON-LD document: findings go to the sink; the visited
/// nodes are returned for profile checks.
pub struct VocabularyCheck<'d> {
    pub nodes: Vec<NodeRecord<'d>>,
    ids: IdIndex<'d>,
}

impl<'d> VocabularyCheck<'d> {
    /// Types known for a node id anywhere in the document.
    pub fn types_of_id(&self, id: &str) -> Vec<String> {
        self.ids
            .types
            .get(id)
            .map(|t| t.iter().map(|(t, _)| t.to_string()).collect())
            .unwrap_or_default()
    }

    /// The node record with this `@id`, if the document defines it (first with properties).
    pub fn node_by_id(&self, id: &str) -> Option<&NodeRecord<'d>> {
        self.nodes.iter().find(|n| {
            n.json.get("@id").and_then(Json::as_str) == Some(id)
                && n.json
                    .as_object()
                    .is_some_and(|m| m.iter().any(|m| !m.key.starts_with('@')))
        })
    }
}

/// Runs the vocabulary check over a parsed document (an object, an array of documents,
/// or an object with `@graph`).
pub fn check<'d>(doc: &'d Json<'d>, sink: &mut Sink) -> VocabularyCheck<'d> {
    let terms = Terms::bundled();
    let mut walker = Walker {
        terms,
        sink,
        ids: IdIndex::default(),
        nodes: Vec::new(),
        reported_status: HashSet::new(),
        property_names: Memo::default(),
        type_names: Memo::default(),
    };
    let top: Vec<(&Json, String)> = match &doc.value {
        JsonValue::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, d)| (d, format!("/{i}")))
            .collect(),
        _ => vec![(doc, String::new())],
    };
    // Pass 1: index ids so references can be followed in any order.
    for (d, _) in &top {
        if d.as_object().is_some() {
            let mut ctx = Context::default();
            if let Some(c) = d.get("@context") {
                ctx.apply(c);
            }
            walker.index(d, &ctx, None);
        }
    }
    for (d, pointer) in &top {
        let Some(members) = d.as_object() else {
            walker.sink.push(
                Severity::Error,
                "jsonld/not-an-object",
                "a JSON-LD document must be an object (or an array of objects)".into(),
                d.offset,
                pointer,
                Some("wrap the data in an object with \"@context\": \"https://schema.org\"".into()),
            );
            continue;
        };
        let mut ctx = Context::default();
        match d.get("@context") {
            Some(c) => ctx.apply(c),
            None => {
                walker.sink.push(
                    Severity::Error,
                    "jsonld/no-context",
                    "no @context: this JSON is not JSON-LD, so its keys mean nothing to schema.org"
                        .into(),
                    d.offset,
                    pointer,
                    Some("add \"@context\": \"https://schema.org\"".into()),
                );
                continue;
            }
        }
        if ctx.unknown_remote && !ctx.schema_vocab {
            let at = members
                .iter()
                .find(|m| m.key == "@context")
                .map_or(d.offset, |m| m.value.offset);
            // A warning, not a note: part of the check did not run, and the human
            // report must say so.
            walker.sink.push(
                Severity::Warning,
                "jsonld/unsupported-context",
                "the @context is not schema.org's; only schema.org terms written as IRIs or with a schema: prefix are checked".into(),
                at,
                &format!("{pointer}/@context"),
                Some("use \"@context\": \"https://schema.org\" for a full vocabulary check".into()),
            );
        }
        walker.node(d, &ctx, None, &mut pointer.clone());
    }
    VocabularyCheck {
        nodes: walker.nodes,
        ids: walker.ids,
    }
}

struct Walker<'d, 's, 'x> {
    terms: &'static Terms,
    sink: &'s mut Sink<'x>,
    ids: IdIndex<'d>,
    nodes: Vec<NodeRecord<'d>>,
    reported_status: HashSet<&'d str>,
    property_names: Memo<'d>,
    type_names: Memo<'d>,
}

/// Positions in a term table by name, remembered for the first names a document uses:
/// a document repeats a few names in every node, and each lookup was a binary search
/// of ~1500 (or ~900) names. Only the first [`Memo::MAX`] are kept, so a document of
/// many distinct names pays at most a short scan more per lookup.
#[derive(Default)]
struct Memo<'d> {
    names: Vec<(&'d str, Option<usize>)>,
}

impl<'d> Memo<'d> {
    const MAX: usize = 32;

    fn position<V>(&mut self, table: &Table<V>, name: &'d str) -> Option<usize> {
        if let Some((_, position)) = self.names.iter().find(|(n, _)| *n == name) {
            return *position;
        }
        let position = table.position(name);
        if self.names.len() < Self::MAX {
            self.names.push((name, position));
        }
        position
    }
}

/// Appends `/key` to a JSON Pointer, escaped (RFC 6901: `~` as `~0`, `/` as `~1`).
fn push_escaped(pointer: &mut String, key: &str) {
    pointer.push('/');
    // Keys rarely hold either: copied whole, not a character at a time.
    if !key.contains(['~', '/']) {
        pointer.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Adds `t` to a sorted list of distinct types (a set of the one or two types a node
/// has, kept in a vector: no tree node allocated per node).
fn insert_sorted(types: &mut Vec<TypeRef>, t: TypeRef) {
    if let Err(i) = types.binary_search(&t) {
        types.insert(i, t);
    }
}

fn is_value_object(obj: &Json) -> bool {
    obj.get("@value").is_some()
}

/// The string values of a node's `@type`, with their offsets (iterated, not collected).
fn type_strings<'a>(node: &'a Json) -> impl Iterator<Item = (&'a str, usize)> {
    node.get("@type")
        .map_or(&[][..], Json::items)
        .iter()
        .filter_map(|t| t.as_str().map(|s| (s, t.offset)))
}

impl<'d> Walker<'d, '_, '_> {
    /// Pass 1: record types, properties and referers per `@id`.
    fn index(&mut self, node: &'d Json<'d>, ctx: &Context, via: Option<&'d str>) {
        let Some(members) = node.as_object() else {
            if let JsonValue::Array(items) = &node.value {
                for item in items {
                    self.index(item, ctx, via);
                }
            }
            return;
        };
        if is_value_object(node) {
            return;
        }
        // Most nodes have no @context of their own: they share the parent's, uncopied.
        let ctx: std::borrow::Cow<Context> = match node.get("@context") {
            Some(c) => {
                let mut own = ctx.clone();
                own.apply(c);
                std::borrow::Cow::Owned(own)
            }
            None => std::borrow::Cow::Borrowed(ctx),
        };
        let id = node.get("@id").and_then(Json::as_str);
        if let Some(id) = id {
            let known = self.ids.types.entry(id).or_default();
            for (t, _) in type_strings(node) {
                if let Some(p) = ctx
                    .resolve(t)
                    .and_then(|t| self.type_names.position(&self.terms.types, t))
                {
                    known.insert(self.terms.type_ref(p));
                }
            }
            if let Some(p) = via {
                self.ids.referers.entry(id).or_default().insert(p);
            }
        }
        for m in members {
            match &*m.key {
                "@graph" | "@list" | "@set" | "@included" => self.index(&m.value, &ctx, None),
                k if k.starts_with('@') => {}
                k => {
                    let local = ctx.resolve(k);
                    if let (Some(id), Some(l)) = (id, local) {
                        self.ids.props.entry(id).or_default().insert(l);
                    }
                    for item in m.value.items() {
                        if let JsonValue::Object(_) | JsonValue::Array(_) = item.value {
                            self.index(item, &ctx, local);
                        }
                    }
                }
            }
        }
    }

    fn report_status(
        &mut self,
        term: &'d str,
        kind: &str,
        status: Option<&str>,
        superseded: &[&str],
        offset: usize,
        pointer: &str,
    ) {
        // Once per term; most terms have no status to report, and a lookup allocates nothing.
        if (superseded.is_empty() && status.is_none()) || self.reported_status.contains(term) {
            return;
        }
        self.reported_status.insert(term);
        if !superseded.is_empty() {
            self.sink.push(
                Severity::Warning,
                "schemaorg/superseded",
                format!(
                    "{kind} `{term}` is superseded by `{}`",
                    superseded.join("`, `")
                ),
                offset,
                pointer,
                Some(format!("use `{}` instead", superseded[0])),
            );
        }
        match status {
            Some("pending") => self.sink.push(
                Severity::Info,
                "schemaorg/pending",
                format!("{kind} `{term}` is in schema.org's pending area (may still change)"),
                offset,
                pointer,
                None,
            ),
            Some(ext) => self.sink.push(
                Severity::Info,
                "schemaorg/extension",
                format!(
                    "{kind} `{term}` comes from the schema.org {} extension",
                    ext.trim_start_matches("extension:")
                ),
                offset,
                pointer,
                None,
            ),
            None => {}
        }
    }

    /// Pass 2: check one node; `via` is the property whose value it is.
    /// `pointer` is the node's JSON Pointer: one buffer the walk extends and cuts back
    /// (a formatted string per member was a third of this check, issue #11).
    fn node(&mut self, node: &'d Json<'d>, ctx: &Context, via: Option<&str>, pointer: &mut String) {
        use std::fmt::Write as _;
        let len = pointer.len();
        let Some(members) = node.as_object() else {
            return;
        };
        // Most nodes have no @context of their own: they share the parent's, uncopied.
        let ctx: std::borrow::Cow<Context> = match node.get("@context") {
            Some(c) => {
                let mut own = ctx.clone();
                own.apply(c);
                std::borrow::Cow::Owned(own)
            }
            None => std::borrow::Cow::Borrowed(ctx),
        };
        let id = node.get("@id").and_then(Json::as_str);
        // Types written here, checked for existence.
        let mut types: Vec<TypeRef> = Vec::new();
        if let Some(t) = node.get("@type") {
            for item in t.items() {
                let Some(s) = item.as_str() else {
                    self.sink.push(
                        Severity::Error,
                        "jsonld/keyword",
                        "@type must be a string or an array of strings".into(),
                        item.offset,
                        &format!("{pointer}/@type"),
                        None,
                    );
                    continue;
                };
                let Some(local) = ctx.resolve(s) else {
                    continue;
                };
                match self.type_names.position(&self.terms.types, local) {
                    Some(p) => {
                        let t = self.terms.type_ref(p);
                        insert_sorted(&mut types, t);
                        let def = &self.terms.types.entries[t.1].1;
                        pointer.push_str("/@type");
                        self.report_status(
                            local,
                            "type",
                            def.status,
                            def.superseded_by,
                            item.offset,
                            pointer,
                        );
                        pointer.truncate(len);
                    }
                    None if self.terms.members.contains_key(local) => {
                        self.sink.push(
                            Severity::Error,
                            "schemaorg/unknown-type",
                            format!("`{local}` is an enumeration value, not a type"),
                            item.offset,
                            &format!("{pointer}/@type"),
                            Some(format!(
                                "it belongs to {}",
                                self.terms.members[local].join(", ")
                            )),
                        );
                    }
                    None => {
                        let hint = match self.terms.suggest_type(local) {
                            Some(t) => format!("did you mean `{t}`? schema.org has no type `{local}`"),
                            None => "use a type from https://schema.org/docs/full.html (e.g. NewsArticle, Person)".into(),
                        };
                        self.sink.push(
                            if ctx.unknown_remote {
                                Severity::Warning
                            } else {
                                Severity::Error
                            },
                            "schemaorg/unknown-type",
                            format!(
                                "unknown schema.org type `{local}`{}",
                                if ctx.unknown_remote {
                                    " (unless the document's other @context defines it)"
                                } else {
                                    ""
                                }
                            ),
                            item.offset,
                            &format!("{pointer}/@type"),
                            Some(hint),
                        );
                    }
                }
            }
        }
        if let Some(id) = id {
            if let Some(more) = self.ids.types.get(id) {
                for t in more {
                    insert_sorted(&mut types, *t);
                }
            }
        }
        let closure = self.terms.closure_of(&types);
        let types: Vec<&'static str> = types.into_iter().map(|(name, _)| name).collect();
        // The record keeps its place before the nodes inside this one; its types and
        // closure are moved in when the members are done with them (not cloned).
        let record = self.nodes.len();
        self.nodes.push(NodeRecord {
            json: node,
            pointer: pointer.to_string(),
            types: Vec::new(),
            closure: Cow::Owned(BTreeSet::new()),
        });

        for m in members {
            pointer.truncate(len);
            push_escaped(pointer, &m.key);
            let child = pointer.len();
            match &*m.key {
                "@graph" | "@included" => {
                    for (i, item) in m.value.items().iter().enumerate() {
                        let _ = write!(pointer, "/{i}");
                        self.node(item, &ctx, None, pointer);
                        pointer.truncate(child);
                    }
                    continue;
                }
                "@id" => {
                    if m.value.as_str().is_none() {
                        self.sink.push(
                            Severity::Error,
                            "jsonld/keyword",
                            "@id must be a string (an IRI or blank node id)".into(),
                            m.value.offset,
                            pointer,
                            None,
                        );
                    }
                    continue;
                }
                k if k.starts_with('@') => continue,
                _ => {}
            }
            let Some(local) = ctx.resolve(&m.key) else {
                continue;
            };
            // Potential-action annotations (`query-input`, `target-output`): schema.org's
            // Actions convention on any property; the value is a PropertyValueSpecification
            // or its text shorthand.
            if let Some(base) = local
                .strip_suffix("-input")
                .or_else(|| local.strip_suffix("-output"))
            {
                if self.terms.properties.contains_key(base) {
                    continue;
                }
            }
            let Some(position) = self.property_names.position(&self.terms.properties, local) else {
                let hint = match self.terms.suggest_property(local) {
                    Some(p) => format!("did you mean `{p}`? schema.org has no property `{local}`"),
                    None => "check the spelling against https://schema.org/docs/full.html".into(),
                };
                // With another, unresolvable context in force the key may be defined there.
                let (severity, why) = if ctx.unknown_remote {
                    (
                        Severity::Warning,
                        " (unless the document's other @context defines it)",
                    )
                } else {
                    (Severity::Error, "")
                };
                self.sink.push(
                    severity,
                    "schemaorg/unknown-property",
                    format!(
                        "unknown schema.org property `{local}`{}{why}",
                        if types.is_empty() {
                            String::new()
                        } else {
                            format!(" on {}", types.join("/"))
                        }
                    ),
                    m.key_offset,
                    pointer,
                    Some(hint),
                );
                // Still look inside: nested nodes have their own terms.
                for (i, item) in m.value.items().iter().enumerate() {
                    if matches!(m.value.value, JsonValue::Array(_)) {
                        let _ = write!(pointer, "/{i}");
                    }
                    if item.as_object().is_some() && !is_value_object(item) {
                        self.node(item, &ctx, None, pointer);
                    }
                    pointer.truncate(child);
                }
                continue;
            };
            let def = &self.terms.properties.entries[position].1;
            let range = self.terms.range_facts(position);
            self.report_status(
                local,
                "property",
                def.status,
                def.superseded_by,
                m.key_offset,
                pointer,
            );
            if !closure.is_empty() && !def.domain.iter().any(|d| closure.contains(*d)) {
                // Properties that point at this node, looked up (not copied per node).
                let role_props = id.and_then(|id| self.ids.referers.get(id));
                let role_ok = closure.contains("Role")
                    && (via == Some(local) || role_props.is_some_and(|p| p.contains(local)));
                if !role_ok {
                    self.sink.push(
                        Severity::Error,
                        "schemaorg/domain",
                        format!("property `{local}` is not expected on {}", types.join("/")),
                        m.key_offset,
                        pointer,
                        Some(format!(
                            "schema.org defines `{local}` on {}",
                            short_list(def.domain)
                        )),
                    );
                }
            }
            let many = matches!(m.value.value, JsonValue::Array(_));
            for (i, item) in m.value.items().iter().enumerate() {
                if many {
                    let _ = write!(pointer, "/{i}");
                }
                self.value(local, def, range, item, &ctx, pointer);
                pointer.truncate(child);
            }
        }
        pointer.truncate(len);
        let record = &mut self.nodes[record];
        record.types = types;
        record.closure = closure;
    }

    fn value(
        &mut self,
        prop: &str,
        def: &PropDef,
        range: RangeFacts,
        v: &'d Json<'d>,
        ctx: &Context,
        pointer: &mut String,
    ) {
        use std::fmt::Write as _;
        let len = pointer.len();
        match &v.value {
            JsonValue::Null => {}
            JsonValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(pointer, "/{i}");
                    self.value(prop, def, range, item, ctx, pointer);
                    pointer.truncate(len);
                }
            }
            JsonValue::Object(_) => {
                if let Some(val) = v.get("@value") {
                    self.literal(prop, def, range, val, &format!("{pointer}/@value"));
                    return;
                }
                for key in ["@list", "@set"] {
                    if let Some(list) = v.get(key) {
                        pointer.push('/');
                        pointer.push_str(key);
                        self.value(prop, def, range, list, ctx, pointer);
                        pointer.truncate(len);
                        return;
                    }
                }
                self.node(v, ctx, Some(prop), pointer);
                self.node_range(prop, def, v, ctx, pointer);
            }
            _ => self.literal(prop, def, range, v, pointer),
        }
    }

    /// Does a node value fit the property's range?
    fn node_range(
        &mut self,
        prop: &str,
        def: &PropDef,
        v: &'d Json<'d>,
        ctx: &Context,
        pointer: &str,
    ) {
        let mut types: Vec<TypeRef> = Vec::new();
        for (t, _) in type_strings(v) {
            if let Some(p) = ctx
                .resolve(t)
                .and_then(|t| self.type_names.position(&self.terms.types, t))
            {
                insert_sorted(&mut types, self.terms.type_ref(p));
            }
        }
        let id = v.get("@id").and_then(Json::as_str);
        if let Some(id) = id {
            if let Some(more) = self.ids.types.get(id) {
                for t in more {
                    insert_sorted(&mut types, *t);
                }
            }
        }
        if types.is_empty() {
            // An untyped node or a reference to something outside the document: an
            // enumeration member IRI can still be checked; anything else is fine
            // (an IRI is a valid URL value and a valid reference to a thing).
            if let Some(member) =
                id.and_then(|id| schema_local(id).or_else(|| id.strip_prefix("schema:")))
            {
                if let Some(enums) = self.terms.members.get(member) {
                    if !self.fits_enum(enums, def) {
                        self.sink.push(
                            Severity::Error,
                            "schemaorg/range",
                            format!(
                                "`{prop}` expects {}, but `{member}` is a value of {}",
                                short_list(def.range),
                                enums.join("/")
                            ),
                            v.offset,
                            pointer,
                            None,
                        );
                    }
                }
            }
            return;
        }
        let closure = self.terms.closure_of(&types);
        if def.range.iter().any(|r| closure.contains(*r)) {
            return;
        }
        // Role pattern: the Role node carries the property itself.
        let carries = v
            .as_object()
            .is_some_and(|m| m.iter().any(|m| ctx.resolve(&m.key) == Some(prop)))
            || id.is_some_and(|id| self.ids.props.get(id).is_some_and(|p| p.contains(prop)));
        if closure.contains("Role") && carries {
            return;
        }
        self.sink.push(
            Severity::Error,
            "schemaorg/range",
            format!(
                "`{prop}` expects {}, not {}",
                short_list(def.range),
                types.iter().map(|(t, _)| *t).collect::<Vec<_>>().join("/")
            ),
            v.offset,
            pointer,
            Some(if closure.contains("Role") {
                format!("a Role as value of `{prop}` must itself carry `{prop}` (the Role pattern)")
            } else {
                format!("give `{prop}` a {} value", short_list(def.range))
            }),
        );
    }

    fn fits_enum(&self, enums: &[&str], def: &PropDef) -> bool {
        enums
            .iter()
            .any(|e| def.range.iter().any(|r| self.terms.is_subtype(e, r)))
    }

    fn literal(&mut self, prop: &str, def: &PropDef, range: RangeFacts, v: &Json, pointer: &str) {
        let text_like = range.text;
        match &v.value {
            JsonValue::String(s) => {
                if text_like && !def.range.iter().all(|r| *r == "URL") {
                    return;
                }
                if def.range.contains(&"URL") && looks_like_url(s) {
                    return;
                }
                if (range.date && is_date(s))
                    || (range.datetime && (is_datetime(s) || is_date(s)))
                    || (range.time && is_time(s))
                    || (range.number && is_number(s))
                    || (range.boolean && is_boolean(s))
                    || range.quantity
                {
                    return;
                }
                let member = schema_local(s)
                    .or_else(|| s.strip_prefix("schema:"))
                    .unwrap_or(s);
                if let Some(enums) = self.terms.members.get(member) {
                    if self.fits_enum(enums, def) {
                        return;
                    }
                }
                if range.things {
                    // An absolute IRI names the thing (the schema.org context coerces
                    // many such terms to @id); only other text is worth a note.
                    if s.starts_with("https://") || s.starts_with("http://") {
                        return;
                    }
                    self.sink.push(
                        Severity::Info,
                        "schemaorg/text-for-thing",
                        format!("`{prop}` is text where schema.org expects {}", short_list(def.range)),
                        v.offset,
                        pointer,
                        Some(format!("schema.org accepts text here, but consumers understand a typed object better (e.g. {{\"@type\": \"{}\", \"name\": …}})", def.range[0])),
                    );
                    return;
                }
                self.sink.push(
                    Severity::Error,
                    "schemaorg/literal",
                    format!(
                        "`{prop}` expects {}; {} does not have that form",
                        short_list(def.range),
                        quote(s)
                    ),
                    v.offset,
                    pointer,
                    Some(literal_hint(def)),
                );
            }
            JsonValue::Number { text, is_integer } => {
                let ok = text_like && !def.range.iter().all(|r| *r == "URL")
                    || range.float
                    || def.range.contains(&"Number")
                    || (*is_integer && range.integer);
                if ok {
                    return;
                }
                if range.things || range.quantity {
                    self.sink.push(
                        Severity::Warning,
                        "schemaorg/literal",
                        format!(
                            "`{prop}` is a bare number ({text}) where schema.org expects {}",
                            short_list(def.range)
                        ),
                        v.offset,
                        pointer,
                        Some(format!(
                            "many consumers accept it; strictly it should be a {} object",
                            def.range[0]
                        )),
                    );
                } else {
                    self.sink.push(
                        Severity::Error,
                        "schemaorg/literal",
                        format!(
                            "`{prop}` expects {}; the number {text} does not fit",
                            short_list(def.range)
                        ),
                        v.offset,
                        pointer,
                        Some(literal_hint(def)),
                    );
                }
            }
            JsonValue::Bool(b) => {
                if range.boolean {
                    return;
                }
                let sev = if text_like || range.things {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                self.sink.push(
                    sev,
                    "schemaorg/literal",
                    format!(
                        "`{prop}` expects {}, not the boolean {b}",
                        short_list(def.range)
                    ),
                    v.offset,
                    pointer,
                    Some(literal_hint(def)),
                );
            }
            JsonValue::Null | JsonValue::Array(_) | JsonValue::Object(_) => {}
        }
    }
}

fn quote(s: &str) -> String {
    let mut q: String = s.chars().take(60).collect();
    if q.len() < s.len() {
        q.push('…');
    }
    format!("\"{q}\"")
}

fn short_list(items: &[&str]) -> String {
    match items.len() {
        0 => "nothing".into(),
        1..=8 => items.join(" or "),
        n => format!("{} … ({} more)", items[..6].join(", "), n - 6),
    }
}

fn literal_hint(def: &PropDef) -> String {
    let r = &def.range;
    if r.contains(&"DateTime") {
        "write an ISO 8601 date-time, e.g. 2026-05-12T09:30:00+07:00".into()
    } else if r.contains(&"Date") {
        "write an ISO 8601 date, e.g. 2026-05-12".into()
    } else if r.contains(&"URL") {
        "write an absolute URL, e.g. https://example.com/page".into()
    } else if r.contains(&"Boolean") {
        "write true or false".into()
    } else if r.iter().any(|t| *t == "Integer" || *t == "Number") {
        "write a number".into()
    } else {
        format!("give a {} value", short_list(r))
    }
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && !s.chars().any(char::is_whitespace)
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// ISO 8601 calendar date, also reduced precision (`2026`, `2026-05`), optionally with
/// a zone designator.
pub(crate) fn is_date(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let core = strip_zone(s);
    let parts: Vec<&str> = core.split('-').collect();
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2) && valid_md(m, d),
        _ => false,
    }
}

fn valid_md(m: &str, d: &str) -> bool {
    let m: u32 = m.parse().unwrap_or(0);
    let d: u32 = d.parse().unwrap_or(0);
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The part before a zone designator (`Z`, `+07:00`, `-0500`).
fn strip_zone(s: &str) -> &str {
    if let Some(x) = s.strip_suffix('Z') {
        return x;
    }
    // A zone starts with + or - after the time part; dates contain '-' so only look
    // past a 'T' or in a bare time.
    let start = s.find('T').map_or(0, |i| i + 1);
    match s[start..].rfind(['+', '-']) {
        Some(i) if start > 0 || s.contains(':') => &s[..start + i],
        _ => s,
    }
}

/// `true` when the zone designator is present.
pub(crate) fn has_zone(s: &str) -> bool {
    strip_zone(s).len() != s.len()
}

pub(crate) fn is_time(s: &str) -> bool {
    let core = strip_zone(s);
    let (hms, frac) = match core.split_once('.') {
        Some((a, f)) => (a, Some(f)),
        None => (core, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let parts: Vec<&str> = hms.split(':').collect();
    matches!(parts.as_slice(), [h, m] | [h, m, _] if digits(h, 2) && digits(m, 2))
        && parts.iter().all(|p| digits(p, 2))
}

pub(crate) fn is_datetime(s: &str) -> bool {
    match s.split_once('T') {
        Some((d, t)) => is_date(d) && d.len() >= 10 && is_time(t),
        None => false,
    }
}

fn is_number(s: &str) -> bool {
    s.trim().parse::<f64>().is_ok()
}

fn is_boolean(s: &str) -> bool {
    matches!(s, "true" | "false" | "True" | "False")
        || matches!(schema_local(s), Some("True" | "False"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tables_are_the_term_file() {
        // build.rs writes the tables; reading the bundled JSON must give the same terms.
        let file: serde_json::Value =
            serde_json::from_str(crate::schemas::SCHEMAORG_TERMS).unwrap();
        let list = |v: Option<&serde_json::Value>| -> Vec<String> {
            v.and_then(|v| v.as_array())
                .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
                .unwrap_or_default()
        };
        fn status(v: &serde_json::Value) -> Option<&str> {
            v.get("status").and_then(|s| s.as_str())
        }
        let t = Terms::bundled();
        let types = file["types"].as_object().unwrap();
        assert_eq!(t.types.len(), types.len());
        for (name, def) in types {
            let got = t.types.get(name).unwrap();
            assert_eq!(got.superclasses, list(def.get("super")), "{name}");
            assert_eq!(got.superseded_by, list(def.get("supersededBy")), "{name}");
            assert_eq!(got.status, status(def), "{name}");
            assert_eq!(got.datatype, def.get("datatype").is_some(), "{name}");
        }
        let props = file["properties"].as_object().unwrap();
        assert_eq!(t.properties.len(), props.len());
        for (name, def) in props {
            let got = t.properties.get(name).unwrap();
            assert_eq!(got.domain, list(def.get("domain")), "{name}");
            assert_eq!(got.range, list(def.get("range")), "{name}");
            assert_eq!(got.superseded_by, list(def.get("supersededBy")), "{name}");
            assert_eq!(got.status, status(def), "{name}");
        }
        let members = file["members"].as_object().unwrap();
        assert_eq!(t.members.len(), members.len());
        for (name, enums) in members {
            assert_eq!(t.members[name.as_str()], list(Some(enums)), "{name}");
        }
        assert!(!t.types.contains_key("NoSuchType") && t.types.contains_key("NewsArticle"));
    }

    #[test]
    fn date_forms() {
        assert!(is_date("2026-05-12"));
        assert!(is_date("2026-05"));
        assert!(is_date("2026"));
        assert!(!is_date("12/05/2026"));
        assert!(!is_date("2026-13-01"));
        assert!(is_datetime("2026-05-12T09:30:00+07:00"));
        assert!(is_datetime("2026-05-12T09:30"));
        assert!(is_datetime("2026-05-12T09:30:00.5Z"));
        assert!(!is_datetime("2026-05-12 09:30"));
        assert!(has_zone("2026-05-12T09:30:00+07:00"));
        assert!(has_zone("2026-05-12T09:30:00Z"));
        assert!(!has_zone("2026-05-12T09:30:00"));
        assert!(!has_zone("2026-05-12"));
        assert!(is_time("19:30:00-05:00"));
    }

    #[test]
    fn remembered_positions_are_the_table_positions() {
        // Names past the memo's size and unknown names included, each asked twice.
        let t = Terms::bundled();
        let names: Vec<&str> = t
            .properties
            .keys()
            .copied()
            .step_by(7)
            .take(Memo::MAX * 2)
            .chain(["noSuchProperty", "name"])
            .collect();
        let mut memo = Memo::default();
        for _ in 0..2 {
            for name in &names {
                assert_eq!(
                    memo.position(&t.properties, name),
                    t.properties.position(name),
                    "{name}"
                );
            }
        }
        assert_eq!(memo.names.len(), Memo::MAX);
    }

    #[test]
    fn closure_and_suggestions() {
        let t = Terms::bundled();
        assert!(t.closure("NewsArticle").unwrap().contains("CreativeWork"));
        assert_eq!(t.suggest_property("headlin").as_deref(), Some("headline"));
        assert_eq!(
            t.suggest_type("Newsarticle").as_deref(),
            Some("NewsArticle")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("nmae", "name"), 1);
        assert_eq!(t.suggest_property("nmae").as_deref(), Some("name"));
    }
}
