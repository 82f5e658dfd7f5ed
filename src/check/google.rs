//! The Google Article profile: what Google Search documents for Article / NewsArticle /
//! BlogPosting markup, as warnings (Google has no required Article properties, so
//! nothing here is an error). Missing recommended properties are info; values in a form
//! Google cannot use are warnings: a headline over 110 characters, dates without time
//! zone, authors that are not typed objects with a bare name, unusable images.
//! Only top-level items are judged (those Google reads as the page's article), not
//! articles nested as `isBasedOn` or `translationOfWork`.

use super::jsontree::{Json, JsonValue};
use super::vocabulary::{has_zone, is_date, is_datetime, NodeRecord, VocabularyCheck};
use super::Sink;
use crate::model::Severity;

/// Headlines longer than this may be truncated (the figure Google long documented).
pub const HEADLINE_MAX: usize = 110;
/// Google asks for images of at least this many pixels (width × height).
pub const IMAGE_MIN_PIXELS: f64 = 50_000.0;

fn is_top_level(pointer: &str) -> bool {
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    let num = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [] => true,
        [a] => num(a),
        ["@graph", b] => num(b),
        [a, "@graph", b] => num(a) && num(b),
        _ => false,
    }
}

fn member_pointer(node: &NodeRecord, key: &str) -> String {
    format!("{}/{key}", node.pointer)
}

/// Runs the profile over the article nodes the vocabulary check visited.
pub fn check(vocab: &VocabularyCheck, sink: &mut Sink) {
    for node in &vocab.nodes {
        if !node.closure.contains("Article") || !is_top_level(&node.pointer) {
            continue;
        }
        let obj = node.json;
        let t = node.types.join("/");
        for key in ["headline", "author", "datePublished", "image"] {
            if obj.get(key).is_none() {
                sink.push(
                    Severity::Info,
                    "google/recommended",
                    format!("{t} has no `{key}`, which Google recommends for article rich results"),
                    obj.offset,
                    &node.pointer,
                    Some(format!("add `{key}` when the source gives it")),
                );
            }
        }
        if let Some(h) = obj.get("headline") {
            for h in h.items() {
                if let Some(s) = h.as_str() {
                    let n = s.chars().count();
                    if n > HEADLINE_MAX {
                        sink.push(
                            Severity::Warning,
                            "google/headline-length",
                            format!("headline has {n} characters; Google may truncate headlines over {HEADLINE_MAX}"),
                            h.offset,
                            &member_pointer(node, "headline"),
                            Some("use a concise headline; keep the long form in alternativeHeadline".into()),
                        );
                    }
                }
            }
        }
        for key in ["datePublished", "dateModified"] {
            let Some(d) = obj.get(key) else { continue };
            for d in d.items() {
                let s = match (d.as_str(), d.get("@value").and_then(Json::as_str)) {
                    (Some(s), _) | (None, Some(s)) => s,
                    _ => continue,
                };
                let problem = if is_datetime(s) && !has_zone(s) {
                    Some("has no time zone")
                } else if is_date(s) && !is_datetime(s) {
                    Some("has no time (and so no time zone)")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    sink.push(
                        Severity::Warning,
                        "google/date-timezone",
                        format!("{key} \"{s}\" {problem}; Google then assumes its own time zone"),
                        d.offset,
                        &member_pointer(node, key),
                        Some("write an ISO 8601 date-time with offset, e.g. 2026-05-12T09:30:00+07:00, when the source gives the time".into()),
                    );
                }
            }
        }
        if let Some(a) = obj.get("author") {
            let many = matches!(a.value, JsonValue::Array(_));
            for (i, a) in a.items().iter().enumerate() {
                let p = if many {
                    format!("{}/author/{i}", node.pointer)
                } else {
                    member_pointer(node, "author")
                };
                author(vocab, a, &p, sink);
            }
        }
        if let Some(img) = obj.get("image") {
            let many = matches!(img.value, JsonValue::Array(_));
            for (i, im) in img.items().iter().enumerate() {
                let p = if many {
                    format!("{}/image/{i}", node.pointer)
                } else {
                    member_pointer(node, "image")
                };
                image(vocab, im, &p, sink);
            }
        }
    }
}

/// The properties of a node, following an `@id` reference to its definition.
fn resolve<'a, 'd>(vocab: &'a VocabularyCheck<'d>, v: &'a Json<'d>) -> (&'a Json<'d>, Vec<String>) {
    let id = v.get("@id").and_then(Json::as_str);
    let own_props = v
        .as_object()
        .is_some_and(|m| m.iter().any(|m| !m.key.starts_with('@')));
    let target = match (own_props, id) {
        (false, Some(id)) => vocab.node_by_id(id).map_or(v, |n| n.json),
        _ => v,
    };
    let mut types: Vec<String> = target
        .get("@type")
        .map(|t| {
            t.items()
                .iter()
                .filter_map(|t| {
                    t.as_str()
                        .map(|s| s.rsplit(['/', ':']).next().unwrap_or(s).to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    if let Some(id) = id {
        types.extend(vocab.types_of_id(id));
    }
    (target, types)
}

fn author(vocab: &VocabularyCheck, a: &Json, pointer: &str, sink: &mut Sink) {
    if let Some(s) = a.as_str() {
        sink.push(
            Severity::Warning,
            "google/author-type",
            format!("author is the text \"{s}\"; Google wants a Person or Organization object"),
            a.offset,
            pointer,
            Some(format!(
                "write {{\"@type\": \"Person\", \"name\": \"{}\"}}",
                s.trim()
            )),
        );
        return;
    }
    if a.as_object().is_none() {
        return;
    }
    let (target, types) = resolve(vocab, a);
    let terms = super::vocabulary::Terms::bundled();
    let fits = types.iter().any(|t| {
        terms
            .closure(t)
            .is_some_and(|c| c.contains("Person") || c.contains("Organization"))
    });
    if !fits {
        sink.push(
            Severity::Warning,
            "google/author-type",
            format!(
                "author is {}; Google wants a Person or Organization",
                if types.is_empty() {
                    "an untyped object".to_string()
                } else {
                    types.join("/")
                }
            ),
            a.offset,
            pointer,
            Some("add \"@type\": \"Person\" (or \"Organization\")".into()),
        );
    }
    match target.get("name") {
        None => {
            // A reference to a node outside the document cannot be judged.
            if target
                .as_object()
                .is_some_and(|m| m.iter().any(|m| !m.key.starts_with('@')))
            {
                sink.push(
                    Severity::Warning,
                    "google/author-name",
                    "author has no name".into(),
                    a.offset,
                    pointer,
                    Some("add the author's name".into()),
                );
            }
        }
        Some(n) => {
            if let Some(s) = n.as_str() {
                if let Some(why) = not_a_bare_name(s) {
                    sink.push(
                        Severity::Warning,
                        "google/author-name",
                        format!("author name \"{s}\" {why}"),
                        n.offset,
                        &format!("{pointer}/name"),
                        Some("put only the person's name in name; one author entry per person; job titles go in jobTitle".into()),
                    );
                }
            }
        }
    }
}

/// Why a name is more than a name (a byline prefix, several people), if it is.
fn not_a_bare_name(s: &str) -> Option<&'static str> {
    let lower = s.trim().to_lowercase();
    const PREFIXES: [&str; 8] = [
        "by ",
        "oleh ",
        "von ",
        "par ",
        "por ",
        "di ",
        "bởi ",
        "posted by",
    ];
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Some("starts with a byline word");
    }
    if lower.contains(" and ")
        || lower.contains(" & ")
        || lower.contains(" dan ")
        || s.contains(['|', ';'])
    {
        return Some("names several people");
    }
    if s.contains(',') {
        return Some("contains a comma (several people, or a job title)");
    }
    None
}

fn number(v: &Json) -> Option<f64> {
    match &v.value {
        JsonValue::Number { text, .. } => text.parse().ok(),
        JsonValue::String(s) => s.trim().trim_end_matches("px").trim().parse().ok(),
        JsonValue::Object(_) => v.get("value").and_then(number),
        _ => None,
    }
}

fn image(vocab: &VocabularyCheck, im: &Json, pointer: &str, sink: &mut Sink) {
    let absolute = |s: &str| s.starts_with("https://") || s.starts_with("http://");
    if let Some(s) = im.as_str() {
        if !absolute(s) {
            sink.push(
                Severity::Warning,
                "google/image",
                format!("image \"{s}\" is not an absolute URL"),
                im.offset,
                pointer,
                Some("give the full https:// URL so Google can crawl it".into()),
            );
        }
        return;
    }
    if im.as_object().is_none() {
        return;
    }
    let (target, _) = resolve(vocab, im);
    let url = target
        .get("contentUrl")
        .or_else(|| target.get("url"))
        .and_then(|u| {
            u.items()
                .first()
                .and_then(|u| u.as_str().map(str::to_string))
        });
    match url {
        None => {
            let has_props = target
                .as_object()
                .is_some_and(|m| m.iter().any(|m| !m.key.starts_with('@')));
            let id_url = target
                .get("@id")
                .and_then(Json::as_str)
                .is_some_and(absolute);
            if has_props && !id_url {
                sink.push(
                    Severity::Warning,
                    "google/image",
                    "image has no contentUrl or url, so Google cannot show it".into(),
                    im.offset,
                    pointer,
                    Some("add contentUrl with the image file's absolute URL".into()),
                );
            }
        }
        Some(u) if !absolute(&u) => sink.push(
            Severity::Warning,
            "google/image",
            format!("image URL \"{u}\" is not absolute"),
            im.offset,
            pointer,
            Some("give the full https:// URL so Google can crawl it".into()),
        ),
        Some(_) => {}
    }
    if let (Some(w), Some(h)) = (
        target.get("width").and_then(number),
        target.get("height").and_then(number),
    ) {
        if w * h < IMAGE_MIN_PIXELS {
            sink.push(
                Severity::Warning,
                "google/image",
                format!(
                    "image is {w}×{h} = {} pixels; Google asks for at least 50 000",
                    w * h
                ),
                im.offset,
                pointer,
                Some("use a larger rendition (ideally 16:9, 4:3 and 1:1 versions)".into()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_pointers() {
        assert!(is_top_level(""));
        assert!(is_top_level("/3"));
        assert!(is_top_level("/@graph/0"));
        assert!(is_top_level("/1/@graph/2"));
        assert!(!is_top_level("/isBasedOn"));
        assert!(!is_top_level("/@graph/0/translationOfWork"));
    }

    #[test]
    fn bare_names() {
        assert!(not_a_bare_name("Lê Minh Quân").is_none());
        assert!(not_a_bare_name("By Jane Doe").is_some());
        assert!(not_a_bare_name("Jane Doe, Editor").is_some());
        assert!(not_a_bare_name("A and B").is_some());
    }
}
