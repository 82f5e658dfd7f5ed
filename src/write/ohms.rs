//! OHMS XML 6.0: the record oral-history archives exchange (OHMS viewer, Aviary, Omeka's
//! OHMS module), with the transcript as `vtt_transcript`.
//!
//! Elements follow the 6.0 XSD's sequence (order matters for validity); only what the
//! model holds is written, empty optional elements are left out (as 6.0 exports do).
//! Each turn is one WebVTT cue with the speaker as a voice (`<v LABEL>`: the label as
//! printed, else the person's name, else `Q`/`A` by kind) and paragraphs joined by
//! `<br><br>`. Cue times are the source's where it had them (a time-coded transcript,
//! or the OHMS `sync` minute); a turn without a known time gets a zero-length cue at
//! 00:00:00.000 — WebVTT needs a time, and zero-length cues are what OHMS itself writes
//! for untimed text. Footnotes (notes numbered `[N] …`) become the VTT annotations.
//! The interviewer's closing remark is a cue whose voice has the class `closing`
//! (`<v.closing Q>`, WebVTT's voice class), so that reading the record back keeps it a
//! closing rather than an unanswered question.
//!
//! Two required attributes have no source: `record/@id` (an `xs:int`) is the source's
//! OHMS record id when there is one, else a number derived from the record GUID (stable
//! across runs); `record/@dt`, the export date, is the date of `versionCreated`.

use super::{clean_xml_text, WriteContext};
use crate::model::{Interview, PubDate, Role, TurnKind};
use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// The OHMS namespace.
pub const OHMS_NS: &str = "https://www.weareavp.com/nunncenter/ohms";

struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn event(&mut self, e: Event<'_>) {
        self.w
            .write_event(e)
            .expect("writing into a Vec cannot fail");
    }
    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            s.push_attribute((*k, clean_xml_text(v).as_ref()));
        }
        self.event(Event::Start(s));
    }
    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }
    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            s.push_attribute((*k, clean_xml_text(v).as_ref()));
        }
        self.event(Event::Empty(s));
    }
    /// `<name>text</name>`, left out when the text is empty.
    fn leaf(&mut self, name: &str, text: Option<&str>) {
        let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return;
        };
        self.start(name, &[]);
        self.event(Event::Text(BytesText::new(&clean_xml_text(t))));
        self.end(name);
    }
}

fn hms(seconds: u64) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        (seconds / 60) % 60,
        seconds % 60
    )
}

fn vtt_time(ms: u64) -> String {
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        (ms / 60_000) % 60,
        (ms / 1000) % 60,
        ms % 1000
    )
}

/// Text safe inside a cue: no blank line (it would end the cue), no `-->`, and `<`/`&`
/// escaped as WebVTT requires.
fn cue_text(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A voice name: no `>` and no line break.
fn voice(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['>', '<', '&'], "")
}

/// The WebVTT transcript: every turn a cue.
pub fn vtt(iv: &Interview) -> String {
    let mut out = String::from("WEBVTT\n\nNOTE\nTRANSCRIPTION BEGIN\n\n");
    let timing = |i: usize| iv.timings.iter().find(|t| t.turn == i);
    let cue = |out: &mut String,
               start: u64,
               end: u64,
               voice_name: Option<String>,
               closing: bool,
               paras: Vec<String>| {
        if paras.is_empty() {
            return;
        }
        out.push_str(&format!("{} --> {}\n", vtt_time(start), vtt_time(end)));
        if let Some(v) = voice_name {
            let class = if closing { ".closing" } else { "" };
            out.push_str(&format!("<v{class} {v}>"));
        }
        out.push_str(&paras.join("<br><br>"));
        out.push_str("\n\n");
    };
    let lead: Vec<String> = iv
        .lead
        .iter()
        .map(|p| cue_text(&p.text))
        .filter(|p| !p.is_empty())
        .collect();
    cue(&mut out, 0, 0, None, false, lead);
    let turns = iv.turns.iter().enumerate().map(|(i, t)| (Some(i), t));
    for (index, turn) in turns.chain(iv.closing.iter().map(|t| (None, t))) {
        // The closing's timing, when the source had one, is filed under turns.len().
        let t = timing(index.unwrap_or(iv.turns.len()));
        let start = t.map_or(0, |t| t.start_ms);
        // No end: up to the next timed turn, else a zero-length cue.
        let end = t.and_then(|t| t.end_ms).unwrap_or_else(|| {
            index
                .and_then(|i| iv.timings.iter().find(|x| x.turn > i))
                .map_or(start, |n| n.start_ms.max(start))
        });
        let speaker = turn.speaker.and_then(|i| iv.people.get(i));
        let name = turn
            .label
            .clone()
            .or_else(|| speaker.map(|p| p.name.value.clone()))
            .unwrap_or_else(|| {
                match turn.kind {
                    TurnKind::Question => "Q",
                    TurnKind::Answer => "A",
                    TurnKind::Remark => match turn.role {
                        Role::Interviewer => "Q",
                        _ => "A",
                    },
                }
                .to_string()
            });
        let paras = turn
            .paragraphs
            .iter()
            .map(|p| cue_text(&p.text))
            .filter(|p| !p.is_empty())
            .collect();
        let name = Some(voice(&name)).filter(|v| !v.is_empty());
        cue(&mut out, start, end, name, index.is_none(), paras);
    }
    out.push_str("NOTE\nTRANSCRIPTION END\n");
    // Footnotes ("[N] text") as the annotation block the OHMS viewer reads.
    let footnotes: Vec<(&str, &str)> = iv
        .notes
        .iter()
        .filter_map(|n| {
            let rest = n.text.strip_prefix('[')?;
            let (num, text) = rest.split_once("] ")?;
            num.chars()
                .all(|c| c.is_ascii_digit())
                .then_some((num, text))
        })
        .collect();
    if !footnotes.is_empty() {
        out.push_str("\nNOTE\nANNOTATIONS BEGIN\n\nNOTE\n");
        for (num, text) in footnotes {
            out.push_str(&format!(
                "<annotation ref=\"{num}\">{}</annotation>\n",
                cue_text(text)
            ));
        }
        out.push_str("\nNOTE\nANNOTATIONS END\n");
    }
    out
}

/// `record/@id`: the source's OHMS record id, else a positive `xs:int` from the GUID.
fn record_id(iv: &Interview, ctx: &WriteContext) -> String {
    let stated = iv.meta.identifiers.iter().find_map(|i| {
        (i.value.scheme == "ohms-record-id")
            .then(|| i.value.value.trim().to_string())
            .filter(|v| v.parse::<i32>().is_ok())
    });
    stated.unwrap_or_else(|| {
        let hex: String = ctx
            .guid
            .trim_start_matches("urn:uuid:")
            .chars()
            .filter(char::is_ascii_hexdigit)
            .take(8)
            .collect();
        (u32::from_str_radix(&hex, 16).unwrap_or(0) & 0x7fff_ffff).to_string()
    })
}

fn identifier<'a>(iv: &'a Interview, scheme: &str) -> Option<&'a str> {
    iv.meta
        .identifiers
        .iter()
        .find(|i| i.value.scheme == scheme)
        .map(|i| i.value.value.as_str())
}

/// The OHMS 6.0 record of the interview.
pub fn record(iv: &Interview, ctx: &WriteContext) -> String {
    let m = &iv.meta;
    let mut x = Xml {
        w: Writer::new_with_indent(Vec::new(), b' ', 2),
    };
    x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    x.start(
        "ROOT",
        &[
            ("xmlns", OHMS_NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "https://www.weareavp.com/nunncenter/ohms/ohms.xsd",
            ),
        ],
    );
    let id = record_id(iv, ctx);
    // The pipeline always has a time for OHMS; anything else is left for the XSD check
    // to refuse rather than filled with a made-up date.
    let dt = ctx
        .version_created
        .get(..10)
        .unwrap_or(&ctx.version_created);
    x.start("record", &[("id", &id), ("dt", dt)]);
    x.leaf("version", Some("6.0"));
    let created = m.date_created.as_ref().map(|d| &d.value);
    match created {
        Some(PubDate::Date(d)) | Some(PubDate::DateTime(d)) if d.len() >= 10 => {
            x.empty("date", &[("value", &d[..10]), ("format", "yyyy-mm-dd")])
        }
        _ => x.empty("date", &[("value", ""), ("format", "yyyy-mm-dd")]),
    }
    // A year or year-month is kept as the free-text date.
    if let Some(PubDate::Date(d)) = created.filter(|d| d.as_str().len() < 10) {
        x.leaf("date_nonpreferred_format", Some(d));
    }
    x.leaf("cms_record_id", identifier(iv, "cms-record-id"));
    let title = m
        .headline
        .as_ref()
        .map(|h| h.value.clone())
        .unwrap_or_else(|| super::fallback_title(iv));
    x.leaf("title", Some(&title));
    x.leaf("accession", identifier(iv, "accession"));
    let media = m.media.as_ref().map(|md| &md.value);
    x.leaf(
        "duration",
        media.and_then(|md| md.duration_seconds).map(hms).as_deref(),
    );
    let collection = m.collection.as_ref().map(|c| &c.value);
    let series = m.series.as_ref().map(|c| &c.value);
    x.leaf("collection_name", collection.map(|c| c.name.as_str()));
    x.leaf("series_name", series.map(|c| c.name.as_str()));
    let publisher = m.publisher.as_ref().map(|p| &p.value);
    x.leaf("repository", publisher.map(|p| p.name.as_str()));
    x.leaf("repository_url", publisher.and_then(|p| p.url.as_deref()));
    for k in &m.keywords {
        x.leaf("keyword", Some(&k.value));
    }
    // A person known only by a transcript label is no name the archive gave.
    let named = |role: Role| {
        iv.people
            .iter()
            .filter(move |p| p.role == role && !p.labels.contains(&p.name.value))
    };
    for p in named(Role::Interviewee) {
        x.leaf("interviewee", Some(&p.name.value));
    }
    for p in named(Role::Interviewer) {
        x.leaf("interviewer", Some(&p.name.value));
    }
    x.leaf("media_url", media.and_then(|md| md.url.as_deref()));
    x.leaf(
        "language",
        iv.language()
            .and_then(crate::read::ohms::language_name)
            .as_deref(),
    );
    if !iv.segments.is_empty() {
        x.start("index", &[]);
        for s in &iv.segments {
            x.start("point", &[]);
            x.leaf("time", Some(&s.start_seconds.to_string()));
            x.leaf("title", Some(&s.title));
            x.leaf("partial_transcript", s.partial_transcript.as_deref());
            x.leaf("synopsis", s.synopsis.as_deref());
            x.leaf("keywords", Some(&s.keywords.join(";")));
            x.leaf("subjects", Some(&s.subjects.join(";")));
            x.end("point");
        }
        x.end("index");
    }
    x.leaf(
        "description",
        m.description.as_ref().map(|d| d.value.as_str()),
    );
    // CDATA cannot hold "]]>": split it across two sections.
    let vtt = vtt(iv).replace("]]>", "]]]]><![CDATA[>");
    x.start("vtt_transcript", &[]);
    x.event(Event::CData(BytesCData::new(clean_xml_text(&vtt).as_ref())));
    x.end("vtt_transcript");
    let rights = m.rights.as_ref().map(|r| &r.value);
    let rights_text = rights.and_then(|r| {
        r.copyright_notice
            .clone()
            .or_else(|| r.copyright_holder.as_ref().map(|h| format!("© {h}")))
            .map(|t| match &r.license {
                Some(l) if !t.contains(l.as_str()) => format!("{t} {l}"),
                _ => t,
            })
            .or_else(|| r.license.clone())
    });
    x.leaf("rights", rights_text.as_deref());
    x.leaf("fmt", media.and_then(|md| md.kind.as_deref()));
    x.leaf("usage", m.usage.as_ref().map(|u| u.value.as_str()));
    x.leaf(
        "xmllocation",
        m.source_url.as_ref().map(|u| u.value.as_str()),
    );
    x.leaf("collection_link", collection.and_then(|c| c.url.as_deref()));
    x.leaf("series_link", series.and_then(|c| c.url.as_deref()));
    x.end("record");
    x.end("ROOT");
    let mut s = String::from_utf8(x.w.into_inner()).expect("all input was str");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_ohms_and_webvtt_write_them() {
        assert_eq!(hms(1686), "0:28:06");
        assert_eq!(vtt_time(91_250), "00:01:31.250");
        assert_eq!(cue_text("a\n\nb <i> & -->"), "a b &lt;i&gt; &amp; --&gt;");
    }
}
