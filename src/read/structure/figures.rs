//! Photo rows and their captions: `![alt](url) |` followed by a caption that ends with
//! `|` (possibly over several lines), or by a line that carries a credit. The caption is
//! split into caption text and credit (without its `Foto:` / `Photo:` / `©` prefix).

use super::lines::{Line, LineKind};
use crate::model::Figure;
use crate::read::lexicon::lexicon;
use regex::Regex;
use std::sync::OnceLock;

/// Finds the figures; marks photo rows and caption lines as used.
pub fn extract(src: &str, lines: &[Line], used: &mut [bool]) -> Vec<Figure> {
    let mut out = Vec::new();
    for i in 0..lines.len() {
        let LineKind::Photo { alt, url } = &lines[i].kind else {
            continue;
        };
        used[i] = true;
        let mut span = lines[i].span.clone();
        // The caption: up to 4 following text lines, the last of which ends with `|`.
        let next: Vec<usize> = (i + 1..lines.len())
            .filter(|&j| lines[j].kind != LineKind::Blank)
            .take(4)
            .take_while(|&j| lines[j].kind == LineKind::Text)
            .collect();
        let mut caption_lines: Vec<usize> = Vec::new();
        if let Some(k) = next.iter().position(|&j| lines[j].text(src).ends_with('|')) {
            caption_lines.extend(&next[..=k]);
        } else {
            for &j in &next {
                let t = lines[j].text(src).trim();
                if alt.as_deref() == Some(t) {
                    caption_lines.push(j); // alt text repeated as a line
                    continue;
                }
                if split_credit(t).1.is_some() {
                    caption_lines.push(j);
                }
                break;
            }
        }
        let mut parts: Vec<String> = Vec::new();
        for &j in &caption_lines {
            used[j] = true;
            span.end = lines[j].span.end;
            let t = lines[j].text(src).trim().trim_end_matches('|').trim();
            if !t.is_empty() && alt.as_deref() != Some(t) || caption_lines.len() == 1 {
                parts.push(t.to_string());
            }
        }
        let joined = super::collapse_spaces(&parts.join(" "));
        let (caption, credit) = split_credit(joined.trim());
        let caption = Some(caption)
            .filter(|c| !c.is_empty())
            .or_else(|| alt.clone());
        out.push(Figure {
            caption,
            credit,
            image_url: url.clone(),
            alt: alt.clone(),
            span,
        });
    }
    out
}

fn agency_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // `… in Washington. UPI/Mike Theiler` — an agency and photographer after the caption.
    R.get_or_init(|| {
        Regex::new(r"(?:^|[.!?)]\s+)(\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*)?/\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*){0,3})\s*$").unwrap()
    })
}

/// Splits a caption into (caption, credit).
pub fn split_credit(caption: &str) -> (String, Option<String>) {
    let lex = lexicon();
    let c = caption.trim();
    // `(Foto: NVCC)`, `(imago/MiS)` at the end.
    if c.ends_with([')', '）']) {
        if let Some(open) = c.rfind(['(', '（']) {
            let open_len = c[open..].chars().next().map_or(1, char::len_utf8);
            let close_len = c.chars().last().map_or(1, char::len_utf8);
            let inner = c[open + open_len..c.len() - close_len].trim();
            if let Some(credit) = strip_prefix(inner, &lex.credit_prefixes) {
                return (c[..open].trim().to_string(), Some(credit));
            }
            if inner.contains('/') && !inner.contains(' ') && inner.len() <= 40 {
                return (c[..open].trim().to_string(), Some(inner.to_string()));
            }
        }
    }
    // `… Photo: X`, `… Ảnh: X`, `… © X` after the caption text.
    let lower = c.to_lowercase();
    let same_len = lower.len() == c.len();
    let mut best: Option<usize> = None;
    for p in &lex.credit_prefixes {
        let hits = c
            .match_indices(p.as_str())
            .chain(lower.match_indices(p.as_str()).filter(|_| same_len));
        for (i, _) in hits {
            let before_ok = i == 0 || c[..i].ends_with([' ', '.', '|', '-', '–', '(', '（', '。']);
            let after_ok = p == "©" || c[i + p.len()..].trim_start().starts_with([':', '：']);
            if before_ok && after_ok && best.is_none_or(|b| i < b) {
                best = Some(i);
            }
        }
    }
    if let Some(i) = best {
        if let Some(credit) = strip_prefix(&c[i..], &lex.credit_prefixes) {
            let cap = c[..i].trim().trim_end_matches(['-', '–', '|']).trim();
            return (cap.to_string(), Some(credit));
        }
    }
    if let Some(m) = agency_re().captures(c).and_then(|m| m.get(1)) {
        return (
            c[..m.start()].trim().to_string(),
            Some(m.as_str().to_string()),
        );
    }
    (c.to_string(), None)
}

fn strip_prefix(text: &str, prefixes: &[String]) -> Option<String> {
    let lower = text.to_lowercase();
    let mut ps: Vec<&String> = prefixes.iter().collect();
    ps.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in ps {
        if (lower.len() == text.len() && lower.starts_with(p.as_str()))
            || text.starts_with(p.as_str())
        {
            let rest = text[p.len()..].trim_start();
            let rest = if p == "©" {
                rest
            } else {
                rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?
            };
            let credit = rest.trim().trim_end_matches(['.', ')', '）', '|']).trim();
            if !credit.is_empty() {
                return Some(credit.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_split_from_captions() {
        let cases = [
            (
                "Duta Besar X di Wina. (Foto: NVCC)",
                "Duta Besar X di Wina.",
                "NVCC",
            ),
            (
                "The mayor in the port. Photo: Lena Berg",
                "The mayor in the port.",
                "Lena Berg",
            ),
            (
                "Đại sứ tại Hà Nội. Ảnh: TTXVN",
                "Đại sứ tại Hà Nội.",
                "TTXVN",
            ),
            (
                "Die Ministerin in Berlin. Bild: dpa",
                "Die Ministerin in Berlin.",
                "dpa",
            ),
            ("Au festival. © AFP", "Au festival.", "AFP"),
            (
                "Der Trainer am Spielfeldrand (imago/MiS)",
                "Der Trainer am Spielfeldrand",
                "imago/MiS",
            ),
            (
                "The secretary speaks in Washington. UPI/Mike Theiler",
                "The secretary speaks in Washington.",
                "UPI/Mike Theiler",
            ),
            (
                "王毅大使（左二）出席论坛。（照片：NVCC）",
                "王毅大使（左二）出席论坛。",
                "NVCC",
            ),
        ];
        for (input, cap, credit) in cases {
            let (c, cr) = split_credit(input);
            assert_eq!(c, cap, "{input}");
            assert_eq!(cr.as_deref(), Some(credit), "{input}");
        }
        assert_eq!(split_credit("A quiet street in Hanoi.").1, None);
    }
}
