//! `colloquy inspect`: the model with where each value came from.
//!
//! Shows the turns with their spans (line:column), speakers, roles, kinds and the rule and
//! evidence that decided each; figures; lead; closing; people; every metadata value with
//! its provenance; and the diagnostics — so a user can see why a paragraph became a question.

use crate::model::{Interview, LineIndex, Provenance, Span, Timing, Turn};
use serde_json::{json, Value};
use std::fmt::Write;

/// The input text with an index of its line starts: each span's line:column is a search,
/// not a count from byte 0 (a long transcript has tens of thousands of spans, and counting
/// made `inspect` quadratic: 4 minutes for 50 000 exchanges).
struct Src<'t> {
    text: &'t str,
    lines: LineIndex,
}

impl<'t> Src<'t> {
    fn new(text: &'t str) -> Self {
        Src {
            text,
            lines: LineIndex::new(text),
        }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(self.text, offset)
    }
}

fn lc(src: &Src, span: &Span) -> String {
    let (l1, c1) = src.line_col(span.start);
    let (l2, c2) = src.line_col(span.end);
    format!("{l1}:{c1}-{l2}:{c2}")
}

fn prov_human(text: &Src, p: &Provenance) -> String {
    match p {
        Provenance::Text { span } => format!("text {}", lc(text, span)),
        Provenance::Sidecar { path, key } => format!("sidecar {path} [{key}]"),
        Provenance::Config { path, key } => format!("archive profile {path} [{key}]"),
        Provenance::Manifest { path, row, column } => {
            format!("manifest {path} row {row} column {column}")
        }
        Provenance::Flag { name } => format!("flag {name}"),
        Provenance::Inferred { how, confidence } => {
            format!("inferred: {how} (confidence {confidence:.2})")
        }
    }
}

fn prov_json(text: &Src, p: &Provenance) -> Value {
    match p {
        Provenance::Text { span } => {
            json!({"from": "text", "span": [span.start, span.end], "at": lc(text, span)})
        }
        other => serde_json::to_value(other).unwrap_or(Value::Null),
    }
}

fn clip(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > n {
        format!("{}…", one.chars().take(n).collect::<String>())
    } else {
        one
    }
}

fn speaker_name(iv: &Interview, t: &Turn) -> String {
    t.speaker
        .and_then(|i| iv.people.get(i))
        .map_or("-".to_string(), |p| p.name.value.clone())
}

/// The model as text for people.
pub fn render_human(iv: &Interview, text: &str) -> String {
    let src = Src::new(text);
    let timings = timings_by_turn(iv);
    let mut o = String::new();
    let m = &iv.meta;
    let _ = writeln!(
        o,
        "{}",
        if m.source_name.is_empty() {
            "(input)"
        } else {
            &m.source_name
        }
    );
    let _ = writeln!(o, "\nmeta");
    let mut meta_line = |name: &str, v: Option<(String, &Provenance)>| {
        let _ = match v {
            Some((v, p)) => writeln!(
                o,
                "  {name:<15} {}  ← {}",
                clip(&v, 80),
                prov_human(&src, p)
            ),
            None => writeln!(o, "  {name:<15} (absent)"),
        };
    };
    meta_line(
        "headline",
        m.headline
            .as_ref()
            .map(|s| (s.value.clone(), &s.provenance)),
    );
    meta_line(
        "language",
        m.language
            .as_ref()
            .map(|s| (s.value.clone(), &s.provenance)),
    );
    meta_line(
        "published",
        m.date_published
            .as_ref()
            .map(|s| (s.value.as_str().to_string(), &s.provenance)),
    );
    meta_line(
        "dateline",
        m.dateline
            .as_ref()
            .map(|s| (s.value.clone(), &s.provenance)),
    );
    meta_line(
        "source_url",
        m.source_url
            .as_ref()
            .map(|s| (s.value.clone(), &s.provenance)),
    );
    meta_line(
        "url",
        m.url.as_ref().map(|s| (s.value.clone(), &s.provenance)),
    );
    meta_line(
        "description",
        m.description
            .as_ref()
            .map(|s| (s.value.clone(), &s.provenance)),
    );
    // Values the metadata layer may add; shown only when present.
    fn s(v: String, p: &Provenance) -> Option<(String, &Provenance)> {
        Some((v, p))
    }
    let extra = [
        (
            "alt_headline",
            m.alternative_headline
                .as_ref()
                .and_then(|x| s(x.value.clone(), &x.provenance)),
        ),
        (
            "modified",
            m.date_modified
                .as_ref()
                .and_then(|x| s(x.value.as_str().to_string(), &x.provenance)),
        ),
        (
            "publisher",
            m.publisher
                .as_ref()
                .and_then(|x| s(x.value.name.clone(), &x.provenance)),
        ),
        (
            "rights",
            m.rights.as_ref().and_then(|x| {
                let r = &x.value;
                s(
                    present(&[&r.copyright_holder, &r.copyright_notice, &r.license]),
                    &x.provenance,
                )
            }),
        ),
        (
            "translation",
            m.translation.as_ref().and_then(|x| {
                let t = &x.value;
                s(
                    present(&[
                        &t.original_url,
                        &t.original_language,
                        &t.original_headline,
                        &t.translator,
                    ]),
                    &x.provenance,
                )
            }),
        ),
        (
            "created",
            m.date_created
                .as_ref()
                .and_then(|x| s(x.value.as_str().to_string(), &x.provenance)),
        ),
        (
            "series",
            m.series
                .as_ref()
                .and_then(|x| s(x.value.name.clone(), &x.provenance)),
        ),
        (
            "usage",
            m.usage
                .as_ref()
                .and_then(|x| s(x.value.clone(), &x.provenance)),
        ),
        (
            "media",
            m.media.as_ref().and_then(|x| {
                let md = &x.value;
                let parts: Vec<String> = [
                    md.kind.clone(),
                    md.url.clone(),
                    md.duration_seconds.map(|d| format!("{d} s")),
                ]
                .into_iter()
                .flatten()
                .collect();
                s(parts.join(", "), &x.provenance)
            }),
        ),
        (
            "provider",
            m.provider
                .as_ref()
                .and_then(|x| s(x.value.clone(), &x.provenance)),
        ),
        (
            "collection",
            m.collection
                .as_ref()
                .and_then(|x| s(x.value.name.clone(), &x.provenance)),
        ),
        (
            "section",
            m.section
                .as_ref()
                .and_then(|x| s(x.value.clone(), &x.provenance)),
        ),
    ];
    for (name, v) in extra {
        if v.is_some() {
            meta_line(name, v);
        }
    }
    for k in &m.keywords {
        meta_line("keyword", Some((k.value.clone(), &k.provenance)));
    }
    for id in &m.identifiers {
        meta_line(
            "identifier",
            Some((
                format!("{} {}", id.value.scheme, id.value.value),
                &id.provenance,
            )),
        );
    }
    // Parts of publisher, rights, translation and photos can each come from another
    // layer (a licence from a flag, a holder from the sidecar): one line per part.
    for (field, provenance) in &m.field_provenance {
        let value = part_value(iv, field).unwrap_or_else(|| "(absent)".into());
        let _ = writeln!(
            o,
            "  {field:<15} {value}  ← {}",
            prov_human(&src, provenance)
        );
    }
    let _ = writeln!(o, "\npeople");
    for (i, p) in iv.people.iter().enumerate() {
        let _ = writeln!(
            o,
            "  [{i}] {} — {}  ← {}",
            p.name.value,
            p.role.as_str(),
            prov_human(&src, &p.name.provenance)
        );
        if let Some(j) = &p.job_title {
            let _ = writeln!(
                o,
                "      title {}  ← {}",
                j.value,
                prov_human(&src, &j.provenance)
            );
        }
        if !p.labels.is_empty() {
            let _ = writeln!(o, "      labels {}", p.labels.join(", "));
        }
    }
    let _ = writeln!(o, "\nlead");
    for p in &iv.lead {
        let _ = writeln!(o, "  {}  {}", lc(&src, &p.span), clip(&p.text, 90));
    }
    if !iv.notes.is_empty() {
        let _ = writeln!(o, "\nnotes after the interview");
        for p in &iv.notes {
            let _ = writeln!(o, "  {}  {}", lc(&src, &p.span), clip(&p.text, 90));
        }
    }
    let _ = writeln!(o, "\nturns");
    for (i, t) in iv.turns.iter().enumerate() {
        let _ = writeln!(
            o,
            "  #{:<3} {:<8} {:<11} {:<18} {}  speaker {}",
            i + 1,
            format!("{:?}", t.kind).to_lowercase(),
            t.role.as_str(),
            t.label
                .as_deref()
                .map_or("(no label)".to_string(), |l| format!("'{l}'")),
            lc(&src, &t.span),
            speaker_name(iv, t)
        );
        let _ = writeln!(
            o,
            "        rule {}: {}",
            t.decision.rule, t.decision.evidence
        );
        if let Some(line) = time_line(&timings, &src, i) {
            let _ = writeln!(o, "        {line}");
        }
        for p in &t.paragraphs {
            let _ = writeln!(o, "        | {}", clip(&p.text, 100));
        }
    }
    let _ = writeln!(o, "\nclosing");
    if let Some(c) = &iv.closing {
        let _ = writeln!(
            o,
            "  {}  {}  rule {}: {}",
            lc(&src, &c.span),
            clip(&c.text(), 80),
            c.decision.rule,
            c.decision.evidence
        );
    }
    if let Some(line) = time_line(&timings, &src, iv.turns.len()) {
        let _ = writeln!(o, "  {line}");
    }
    let _ = writeln!(o, "\nexchanges {}", iv.exchanges().len());
    let _ = writeln!(o, "\nfigures");
    for f in &iv.figures {
        let _ = writeln!(
            o,
            "  {}  caption: {}",
            lc(&src, &f.span),
            f.caption.as_deref().map_or("-".into(), |c| clip(c, 80))
        );
        let _ = writeln!(
            o,
            "      credit: {}  image: {}",
            f.credit.as_deref().unwrap_or("-"),
            f.image_url.as_deref().unwrap_or("-")
        );
        if let Some(p) = &f.photographer {
            let _ = writeln!(o, "      photographer: {p}");
        }
    }
    let _ = writeln!(o, "\ndiagnostics");
    for d in &iv.diagnostics {
        let at = d
            .span
            .as_ref()
            .map(|s| format!(" at {}", lc(&src, s)))
            .unwrap_or_default();
        let _ = writeln!(o, "  {:?} {}{}: {}", d.severity, d.code, at, d.message);
    }
    o
}

/// Each turn's first timing (a lookup per turn, not a scan of every timing).
fn timings_by_turn(iv: &Interview) -> std::collections::HashMap<usize, &Timing> {
    let mut by_turn = std::collections::HashMap::new();
    for t in &iv.timings {
        by_turn.entry(t.turn).or_insert(t);
    }
    by_turn
}

/// `time 0:01:23.000 – … ← where` for turn `i` (`turns.len()`: the closing), when timed.
fn time_line(
    timings: &std::collections::HashMap<usize, &Timing>,
    src: &Src,
    i: usize,
) -> Option<String> {
    let t = timings.get(&i)?;
    let end = t
        .end_ms
        .map_or(String::new(), |e| format!(" – {}", clock(e)));
    let from = match &t.span {
        Some(span) => format!("text {}", lc(src, span)),
        None => "the format's timing".into(),
    };
    Some(format!("time {}{end}  ← {from}", clock(t.start_ms)))
}

/// Milliseconds as `h:mm:ss.mmm`.
fn clock(ms: u64) -> String {
    let s = ms / 1000;
    format!(
        "{}:{:02}:{:02}.{:03}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}

/// The model as JSON, for tools.
pub fn render_json(iv: &Interview, text: &str) -> Value {
    let src = Src::new(text);
    let sourced = |v: Value, p: &Provenance| json!({"value": v, "provenance": prov_json(&src, p)});
    let m = &iv.meta;
    let turn = |t: &Turn| {
        json!({
            "kind": t.kind, "role": t.role, "label": t.label, "speaker": t.speaker,
            "speaker_name": t.speaker.and_then(|i| iv.people.get(i)).map(|p| p.name.value.clone()),
            "span": [t.span.start, t.span.end], "at": lc(&src, &t.span),
            "rule": t.decision.rule, "evidence": t.decision.evidence,
            "paragraphs": t.paragraphs.iter().map(|p| json!({"text": p.text, "at": lc(&src, &p.span)})).collect::<Vec<_>>(),
        })
    };
    json!({
        "source": m.source_name,
        "meta": {
            "headline": m.headline.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "language": m.language.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "date_published": m.date_published.as_ref().map(|s| sourced(json!(s.value.as_str()), &s.provenance)),
            "dateline": m.dateline.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "source_url": m.source_url.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "url": m.url.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "description": m.description.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "alternative_headline": m.alternative_headline.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "date_modified": m.date_modified.as_ref().map(|s| sourced(json!(s.value.as_str()), &s.provenance)),
            "publisher": m.publisher.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "rights": m.rights.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "translation": m.translation.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "section": m.section.as_ref().map(|s| sourced(json!(s.value), &s.provenance)),
            "keywords": m.keywords.iter().map(|s| sourced(json!(s.value), &s.provenance)).collect::<Vec<_>>(),
            "identifiers": m.identifiers.iter().map(|s| sourced(json!(s.value), &s.provenance)).collect::<Vec<_>>(),
            "parts": m.field_provenance.iter().map(|(k, p)| (k.clone(), prov_json(&src, p))).collect::<serde_json::Map<_, _>>(),
        },
        "people": iv.people.iter().map(|p| json!({
            "name": sourced(json!(p.name.value), &p.name.provenance),
            "role": p.role,
            "job_title": p.job_title.as_ref().map(|j| sourced(json!(j.value), &j.provenance)),
            "labels": p.labels,
        })).collect::<Vec<_>>(),
        "lead": iv.lead.iter().map(|p| json!({"text": p.text, "at": lc(&src, &p.span)})).collect::<Vec<_>>(),
        "turns": iv.turns.iter().map(turn).collect::<Vec<_>>(),
        "notes": iv.notes.iter().map(|p| json!({"text": p.text, "at": lc(&src, &p.span)})).collect::<Vec<_>>(),
        "closing": iv.closing.as_ref().map(turn),
        "timings": iv.timings.iter().map(|t| json!({
            "turn": t.turn, "start_ms": t.start_ms, "end_ms": t.end_ms,
            "at": t.span.as_ref().map(|s| lc(&src, s)),
        })).collect::<Vec<_>>(),
        "exchanges": iv.exchanges().len(),
        "figures": iv.figures.iter().map(|f| json!({
            "caption": f.caption, "credit": f.credit, "photographer": f.photographer, "image_url": f.image_url, "alt": f.alt,
            "span": [f.span.start, f.span.end], "at": lc(&src, &f.span),
        })).collect::<Vec<_>>(),
        "diagnostics": iv.diagnostics.iter().map(|d| json!({
            "severity": d.severity, "code": d.code, "message": d.message,
            "at": d.span.as_ref().map(|s| lc(&src, s)),
        })).collect::<Vec<_>>(),
    })
}

/// The given parts, `; `-separated (for one-line summaries of composite values).
fn present(parts: &[&Option<String>]) -> String {
    parts
        .iter()
        .filter_map(|p| p.as_deref())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The value at a `field_provenance` path (`publisher.logo`, `figures[0].credit`), found
/// in the serialized model so every part the merge records can be shown without a
/// table of field names to keep in step.
fn part_value(iv: &Interview, path: &str) -> Option<String> {
    let (root, rest) = match path.strip_prefix("figures") {
        Some(rest) => (serde_json::to_value(&iv.figures).ok()?, rest),
        None => (serde_json::to_value(&iv.meta).ok()?, path),
    };
    let mut v = &root;
    for step in rest.split('.').filter(|s| !s.is_empty()) {
        let (key, index) = match step.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (step, None),
        };
        if !key.is_empty() {
            // A Sourced<T> wraps its value: look inside it.
            if v.get(key).is_none() {
                v = v.get("value")?;
            }
            v = v.get(key)?;
        }
        if let Some(i) = index {
            v = v.get(i)?;
        }
    }
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}
