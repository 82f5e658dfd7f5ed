#!/usr/bin/env python3
"""Generate schemas/schemaorg-terms.json, the offline schema.org term table that
`colloquy validate` checks JSON-LD against.

Reads the schema.org release vocabulary (default ../shared/schemaorg/schemaorg-current-https.jsonld,
relative to the crate root) and keeps only the facts the checker needs:
  types      : local name -> direct superclasses, datatype flag, status, supersededBy
  properties : local name -> domainIncludes, rangeIncludes, status, supersededBy
  members    : enumeration member local name -> the enumeration types it belongs to
Status is "core", "pending", or "extension:<name>" (from schema:isPartOf).

The output is deterministic (sorted, one term per line) so regenerating an unchanged
vocabulary gives identical bytes.

Usage: python3 scripts/gen-schemaorg-terms.py [VOCAB.jsonld] [OUT.json]
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
crate = os.path.dirname(here)
vocab_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    crate, "..", "shared", "schemaorg", "schemaorg-current-https.jsonld")
out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(crate, "schemas", "schemaorg-terms.json")

PREFIX = "schema:"


def ids(value):
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    return [v["@id"] if isinstance(v, dict) else v for v in value]


def local(iri):
    return iri[len(PREFIX):] if iri.startswith(PREFIX) else None


def status(node):
    parts = ids(node.get("schema:isPartOf"))
    if not parts:
        return "core"
    if any("pending" in p for p in parts):
        return "pending"
    # "https://bib.schema.org" -> "extension:bib"
    return "extension:" + ",".join(sorted(p.split("//")[1].split(".")[0] for p in parts))


with open(vocab_path, encoding="utf-8") as f:
    graph = json.load(f)["@graph"]

types, properties, members = {}, {}, {}
for node in graph:
    name = local(node["@id"])
    if name is None:
        continue  # mappings to other vocabularies (unece:, fibo-…) are not schema.org terms
    node_types = ids(node.get("@type"))
    entry_status = status(node)
    superseded = [local(s) for s in ids(node.get("schema:supersededBy")) if local(s)]
    if "rdfs:Class" in node_types:
        entry = {"super": sorted(l for l in (local(s) for s in ids(node.get("rdfs:subClassOf"))) if l)}
        if "schema:DataType" in node_types:
            entry["datatype"] = True
        if entry_status != "core":
            entry["status"] = entry_status
        if superseded:
            entry["supersededBy"] = superseded
        types[name] = entry
    elif "rdf:Property" in node_types:
        entry = {
            "domain": sorted(l for l in (local(d) for d in ids(node.get("schema:domainIncludes"))) if l),
            "range": sorted(l for l in (local(r) for r in ids(node.get("schema:rangeIncludes"))) if l),
        }
        if entry_status != "core":
            entry["status"] = entry_status
        if superseded:
            entry["supersededBy"] = superseded
        properties[name] = entry
    else:
        enum_types = sorted(l for l in (local(t) for t in node_types) if l)
        if enum_types:
            members[name] = enum_types

header = {
    "what": "schema.org term table for colloquy's offline vocabulary check "
            "(types with superclasses, properties with domains/ranges/status, enumeration members)",
    "source": "https://github.com/schemaorg/schemaorg data/releases/30.0/schemaorg-current-https.jsonld",
    "release": "30.0",
    "license": "Derived from the schema.org vocabulary, (c) schema.org sponsors, "
               "licensed under Creative Commons Attribution-ShareAlike 3.0 (CC BY-SA 3.0); "
               "this table is shared under the same licence",
    "generator": "scripts/gen-schemaorg-terms.py",
}


def section(name, table, last=False):
    lines = [f'  "{name}": {{']
    keys = sorted(table)
    for i, k in enumerate(keys):
        comma = "," if i + 1 < len(keys) else ""
        lines.append(f"    {json.dumps(k)}: {json.dumps(table[k], sort_keys=True, ensure_ascii=False)}{comma}")
    lines.append("  }" + ("" if last else ","))
    return lines


out = ["{", f'  "header": {json.dumps(header, sort_keys=True, ensure_ascii=False)},']
out += section("types", types)
out += section("properties", properties)
out += section("members", members, last=True)
out.append("}")
with open(out_path, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(f"{out_path}: {len(types)} types, {len(properties)} properties, {len(members)} enumeration members")
