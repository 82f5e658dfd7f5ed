//! HTML pages: every `<script type="application/ld+json">` block is cut out and checked
//! as JSON-LD, and each finding's line:column is mapped back into the HTML file. Invalid
//! JSON in a block is an error, never skipped (peers silently drop such blocks).
//!
//! The scan is our own rather than an HTML parser's: script content is raw text in
//! HTML, so finding `<script …>` … `</script` (outside comments) is exact, and it keeps
//! the byte offset of each block, which a DOM does not.

use super::{Finding, Sink};
use crate::model::Severity;

/// One JSON-LD block found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// Byte offset of the block's first character (just after `>`).
    pub offset: usize,
    pub text: &'a str,
}

/// What the scan found: blocks, and the offset of a script element left open.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    pub blocks: Vec<Block<'a>>,
    pub unterminated: Option<usize>,
}

fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    crate::matchers::find_ascii_ci(hay.as_bytes(), from, needle.as_bytes())
}

/// The value of attribute `name` in a start tag's attribute text.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = &rest[..end];
        rest = rest[end..].trim_start();
        let mut value = "";
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            if let Some(q) = r.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let close = r[1..].find(q).map_or(r.len(), |i| i + 1);
                value = &r[1..close];
                rest = r.get(close + 1..).unwrap_or("");
            } else {
                let close = r.find(char::is_whitespace).unwrap_or(r.len());
                value = &r[..close];
                rest = &r[close..];
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// Finds the JSON-LD script blocks of a page.
pub fn scan(text: &str) -> Scan<'_> {
    let mut out = Scan::default();
    let mut pos = 0;
    // The next comment opening at or after `pos`, found again only once passed: looking
    // from `pos` for every block scanned the rest of the page each time (10 000 blocks
    // and no comment: quadratic).
    let mut next_comment: Option<Option<usize>> = None;
    while pos < text.len() {
        let script = find_ci(text, pos, "<script");
        let comment = match next_comment {
            Some(Some(c)) if c >= pos => Some(c),
            Some(None) => None,
            _ => {
                let c = text[pos..].find("<!--").map(|i| i + pos);
                next_comment = Some(c);
                c
            }
        };
        match (script, comment) {
            (_, Some(c)) if script.is_none_or(|s| c < s) => {
                pos = text[c + 4..]
                    .find("-->")
                    .map_or(text.len(), |i| c + 4 + i + 3);
            }
            (Some(s), _) => {
                let after = s + "<script".len();
                // `<scripts>` or `<script-x>` are other elements.
                if !text[after..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
                    pos = after;
                    continue;
                }
                let Some(gt) = text[after..].find('>').map(|i| after + i) else {
                    out.unterminated = Some(s);
                    break;
                };
                let attrs = &text[after..gt];
                let is_jsonld = attribute(attrs, "type").is_some_and(|t| {
                    t.split(';')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .eq_ignore_ascii_case("application/ld+json")
                });
                let body_start = gt + 1;
                let Some(close) = find_ci(text, body_start, "</script") else {
                    if is_jsonld {
                        out.unterminated = Some(s);
                    }
                    break;
                };
                if is_jsonld {
                    out.blocks.push(Block {
                        offset: body_start,
                        text: &text[body_start..close],
                    });
                }
                pos = close + "</script".len();
            }
            _ => break,
        }
    }
    out
}

/// Checks every block with `check_block` and maps positions into the page.
/// Past `max_items` blocks, one error finding stands for the rest (`--max-items`).
pub fn check(
    text: &str,
    max_items: usize,
    check_block: impl Fn(&str) -> Vec<Finding>,
) -> Vec<Finding> {
    let mut scan = scan(text);
    let mut sink = Sink::new(text);
    if scan.blocks.len() > max_items {
        sink.push(
            Severity::Error,
            "html/too-many-blocks",
            format!(
                "the page holds {} JSON-LD blocks, more than --max-items {max_items}; the blocks from here on are not checked",
                scan.blocks.len()
            ),
            scan.blocks[max_items].offset,
            "",
            Some("no page needs this many blocks; merge them into one @graph, or raise --max-items".into()),
        );
        scan.blocks.truncate(max_items);
    }
    if let Some(at) = scan.unterminated {
        sink.push(
            Severity::Error,
            "html/unterminated-script",
            "a <script type=\"application/ld+json\"> element is never closed".into(),
            at,
            "",
            Some("add </script> after the JSON".into()),
        );
    }
    if scan.blocks.is_empty() && scan.unterminated.is_none() {
        sink.push(
            Severity::Warning,
            "html/no-jsonld",
            "no <script type=\"application/ld+json\"> block in this page; nothing to check".into(),
            0,
            "",
            None,
        );
    }
    let mut findings = sink.findings;
    // Blocks come in page order: their positions are counted on from the last one, so
    // 10 000 blocks on one long line cost one pass, not one pass each.
    let (mut at, mut line0, mut col0) = (0, 1, 1);
    for (n, block) in scan.blocks.iter().enumerate() {
        for c in text[at..block.offset].chars() {
            if c == '\n' {
                line0 += 1;
                col0 = 1;
            } else {
                col0 += 1;
            }
        }
        at = block.offset;
        for mut f in check_block(block.text) {
            if let Some(line) = f.location.line {
                if line == 1 {
                    f.location.column = f.location.column.map(|c| c + col0 - 1);
                }
                f.location.line = Some(line + line0 - 1);
            } else {
                f.location.line = Some(line0);
                f.location.column = Some(col0);
            }
            let inner = f.location.pointer.take().unwrap_or_default();
            f.location.pointer = Some(format!("script[{}]{inner}", n + 1));
            f.message = format!("JSON-LD block {}: {}", n + 1, f.message);
            findings.push(f);
        }
    }
    super::sort_findings(&mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_outside_comments() {
        let page = "<html><!-- <script type=\"application/ld+json\">{}</script> -->\n<SCRIPT TYPE='application/ld+json; charset=utf-8'>{\"a\":1}</Script>\n<script>var x = \"<script>\";</script><script type=application/ld+json>[]</script>";
        let s = scan(page);
        assert_eq!(s.blocks.len(), 2);
        assert_eq!(s.blocks[0].text, "{\"a\":1}");
        assert_eq!(s.blocks[1].text, "[]");
        assert_eq!(&page[s.blocks[0].offset..s.blocks[0].offset + 1], "{");
    }

    #[test]
    fn unterminated_block() {
        let s = scan("<script type=\"application/ld+json\">{");
        assert!(s.blocks.is_empty());
        assert_eq!(s.unterminated, Some(0));
    }
}
