//! The structure recognizer: turn segmentation shared by every reader.
//!
//! Decides which paragraphs are questions, answers, remarks, captions, metadata or
//! chrome, and records on each turn which rule decided it and on what evidence. The
//! rules live here (split into submodules by concern); the language data they use lives in
//! `lexicon/lexicon.toml`.
//!
//! Order of work: classify lines (chrome, photo rows, sources) → figures → speaker labels
//! → paragraphs → where the interview starts (the head before it gives headline, dateline,
//! date and lead) and ends (tail chrome) → turns → closing → people and roles.

pub mod dashes;
pub mod figures;
pub mod head;
pub mod labels;
pub mod lines;
pub mod marks;
pub mod name_lines;
pub mod people;
pub mod times;

use crate::lexicon::{self, lexicon};
use crate::model::{Decision, Diagnostic, Interview, Paragraph, Role, Sourced, Turn, TurnKind};
use dashes::{dash_questions, dash_turns, doubled_bar};
use labels::LabelHit;
use lines::{Line, LineKind};
use std::ops::Range;

/// A paragraph before it becomes part of a turn.
#[derive(Debug, Clone)]
pub struct Para {
    pub text: String,
    pub span: Range<usize>,
    /// The speaker label that opens it, when it is a speaker's.
    pub label: Option<LabelHit>,
    /// Index of its first line.
    pub line: usize,
    /// It opens with a dash (`— Depuis quand… ?`): in dialogue style each dash is a turn.
    pub dash: bool,
    /// The dash is a doubled bar (`――`), the Japanese interviewer's mark.
    pub doubled: bool,
    /// The whole paragraph is set in bold.
    pub bold: bool,
    /// `question_rule(text, None)`, worked out on first use: the rules ask it of a
    /// paragraph up to six times (where the interview starts, the rhythm of the questions,
    /// bold and dashed questions, the turns). `text_mut` forgets it.
    asks: std::cell::OnceCell<Option<Decision>>,
}

impl Para {
    /// The text to change in place; what was worked out from it is forgotten.
    pub fn text_mut(&mut self) -> &mut String {
        self.asks.take();
        &mut self.text
    }

    /// `question_rule(&self.text, prev)`.
    fn question_rule(&self, prev: Option<&str>) -> Option<Decision> {
        let alone = self.asks.get_or_init(|| question_alone(&self.text));
        debug_assert_eq!(
            *alone,
            question_alone(&self.text),
            "changed without text_mut"
        );
        after_prev(alone.clone(), prev)
    }

    /// Whether `question_rule(&self.text, None)` finds a question, by which rule.
    fn asks(&self) -> Option<&'static str> {
        let alone = self.asks.get_or_init(|| question_alone(&self.text));
        debug_assert_eq!(
            *alone,
            question_alone(&self.text),
            "changed without text_mut"
        );
        alone.as_ref().map(|d| d.rule)
    }

    fn paragraph(&self) -> Paragraph {
        Paragraph {
            text: self.text.clone(),
            span: self.span.clone(),
        }
    }
}

/// Recognizes the interview structure of plain text.
pub fn recognize(src: &str) -> Interview {
    recognize_with(src, &Options::default())
}

/// How a reader wants its text segmented.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Consecutive lines without a label are one paragraph (subtitle cues, hard wraps).
    pub join_lines: bool,
    /// Byte ranges the source sets in bold (`**…**`, `<strong>`), blanked out in the text
    /// the recognizer sees: questions are often set apart this way.
    pub emphasis: Vec<Range<usize>>,
    /// Byte ranges the source's markup marks as the title (a Markdown `# ` heading, a
    /// front-matter `title` left visible): evidence for the headline.
    pub titles: Vec<Range<usize>>,
}

/// Recognizes the structure of `src`, a text whose bytes line up with the decoded source
/// (readers of marked-up formats blank their markup out byte for byte, so spans stay true).
pub fn recognize_with(src: &str, opts: &Options) -> Interview {
    let mut iv = recognize_turns(src, opts);
    warn_dropped_inside(&mut iv);
    times::read(src, &mut iv);
    iv
}

/// Text dropped as chrome between the first turn and the end of the last is text a
/// reader of the interview would miss: a warning, not a note.
fn warn_dropped_inside(iv: &mut Interview) {
    let (Some(first), Some(last)) = (iv.turns.first(), iv.turns.last()) else {
        return;
    };
    let inside = first.span.start..last.span.end;
    for d in &mut iv.diagnostics {
        if d.code == "chrome-dropped"
            && d.span
                .as_ref()
                .is_some_and(|s| s.start >= inside.start && s.start < inside.end)
        {
            d.severity = crate::model::Severity::Warning;
        }
    }
}

fn recognize_turns(src: &str, opts: &Options) -> Interview {
    let mut iv = Interview::default();
    // Caption and ASR turn marks become dialogue dashes, clock lines spaces, byte for byte.
    let rewritten = marks::rewrite(src);
    if let Some((_, m)) = &rewritten {
        iv.diagnostics.push(Diagnostic::info(
            "transcript-marks",
            format!(
                "read as a caption/ASR transcript: {} time stamp(s) or clock line(s) dropped, {} turn mark(s) ('>>', ' - ') read as turns",
                m.clocks, m.turns
            ),
            None,
        ));
    }
    if let Some((_, m)) = &rewritten {
        for (at, name) in &m.name_breaks {
            iv.diagnostics.push(Diagnostic::info(
                "name-line",
                format!("'{name}' alone on its line after the bar-marked question names who answers; read as the turn break"),
                Some(*at..*at + name.len()),
            ));
        }
    }
    let name_breaks: Vec<(usize, String)> = rewritten
        .as_ref()
        .map(|(_, m)| m.name_breaks.clone())
        .unwrap_or_default();
    let unmarked_first = rewritten.as_ref().and_then(|(_, m)| m.unmarked_first);
    let replies: Vec<usize> = rewritten
        .as_ref()
        .map(|(_, m)| m.replies.clone())
        .unwrap_or_default();
    let src = rewritten.as_ref().map_or(src, |(t, _)| t.as_str());
    let ls = lines::lines(src);
    let mut used = vec![false; ls.len()];
    for (i, l) in ls.iter().enumerate() {
        match &l.kind {
            LineKind::Chrome(why) => {
                used[i] = true;
                iv.diagnostics.push(Diagnostic::info(
                    "chrome-dropped",
                    format!("dropped site chrome ({why}): '{}'", short(l.text(src))),
                    Some(l.span.clone()),
                ));
            }
            LineKind::Source { url, url_span } => {
                used[i] = true;
                if iv.meta.source_url.is_none() {
                    iv.meta.source_url = Some(Sourced::from_text(url.clone(), url_span.clone()));
                }
            }
            LineKind::Blank => used[i] = true,
            _ => {}
        }
    }
    // `Baca Juga:` alone on its line: the related article's title is on the next line.
    for i in 0..ls.len() {
        if ls[i].kind != LineKind::Chrome("link or button text")
            || !ls[i]
                .text(src)
                .trim()
                .trim_end_matches(['*', '_'])
                .ends_with(':')
        {
            continue;
        }
        let Some(j) = (i + 1..ls.len()).find(|&j| ls[j].kind != LineKind::Blank) else {
            continue;
        };
        let t = ls[j].text(src).trim();
        if ls[j].kind == LineKind::Text && !used[j] && t.chars().count() <= 150 && !ends_sentence(t)
        {
            used[j] = true;
            iv.diagnostics.push(Diagnostic::info(
                "chrome-dropped",
                format!(
                    "dropped site chrome (related-article title after '{}'): '{}'",
                    short(ls[i].text(src).trim()),
                    short(t)
                ),
                Some(ls[j].span.clone()),
            ));
        }
    }
    let mut readers = people::askers::dash_lines(src, &ls, &mut used, &mut iv);
    iv.figures = figures::extract(src, &ls, &mut used);
    // A photographer read from a credit is text, at the photo's caption.
    for (i, f) in iv.figures.iter().enumerate() {
        if f.photographer.is_some() {
            iv.meta.field_provenance.insert(
                format!("figures[{i}].photographer"),
                crate::model::Provenance::Text {
                    span: f.span.clone(),
                },
            );
        }
    }

    // Speaker labels, none inside an archive's title block.
    let mut hits = find_labels(src, &ls, &used);
    for i in title_block(src, &ls) {
        if let Some(h) = hits[i].take() {
            iv.diagnostics.push(Diagnostic::info(
                "title-block",
                format!(
                    "'{}:' is a key of a title block (lines of 'Key: value'), not a speaker",
                    short(&h.label)
                ),
                Some(ls[i].span.clone()),
            ));
        }
    }
    let all: Vec<(LabelHit, (bool, usize))> = hits
        .iter()
        .flatten()
        .map(|h| {
            let end = lines::line_at(&ls, h.span.start).map_or(h.content_start, |i| ls[i].span.end);
            let content = src[h.content_start.min(end)..end].trim();
            (h.clone(), (ends_sentence(content), content.chars().count()))
        })
        .collect();
    let mut keys = labels::speaker_keys(&all);
    // `The Glacier Keeper: "We measure what we are losing"` — a label said once whose whole
    // text is a quotation is a headline that quotes someone, not a turn.
    keys.retain(|k| {
        let mine: Vec<&LabelHit> = all.iter().map(|(h, _)| h).filter(|h| &h.key == k).collect();
        let known = lexicon::contains(&lexicon().question_labels, k)
            || lexicon::contains(&lexicon().answer_labels, k);
        // `专访：台湾茶农…`, `Wawancara Khusus: …`, `Exclusive interview: …` said once: the kind of article, a headline's
        // kicker, not a speaker.
        let kicker = mine.len() == 1
            && (lexicon::contains(&lexicon().interview_words, k)
                || (k.split_whitespace().count() <= 3
                    && k
                        .split_whitespace()
                        .any(|w| lexicon::contains(&lexicon().interview_words, w))));
        let headline =
            mine.len() == 1 && !known && (kicker || quoted_headline(src, &ls, mine[0]));
        if headline {
            iv.diagnostics.push(Diagnostic::info(
                "label-is-headline",
                format!(
                    "'{}:' is said once, as a kind of article or before a quotation: a headline, not a speaker",
                    short(&mine[0].label)
                ),
                Some(mine[0].span.clone()),
            ));
        }
        !headline
    });
    // A reply parted from a reader's signed question keeps its label in any mode.
    let reply_hits: Vec<Option<LabelHit>> = hits
        .iter()
        .map(|h| h.clone().filter(|h| replies.contains(&h.span.start)))
        .collect();
    let speaker_hits: Vec<Option<LabelHit>> = hits
        .into_iter()
        .map(|h| h.filter(|h| keys.contains(&h.key)))
        .collect();
    // `Nhà văn X: "…"` as the text's first label, later X's own label: the first is the
    // headline quoting the speaker, not their first turn.
    let mut speaker_hits = speaker_hits;
    if let Some(first) = speaker_hits.iter_mut().find(|h| h.is_some()) {
        let h = first.as_ref().expect("found a hit");
        let known = lexicon::contains(&lexicon().question_labels, &h.key)
            || lexicon::contains(&lexicon().answer_labels, &h.key);
        let at = lines::line_at(&ls, h.span.start);
        if !known
            && (quoted_headline(src, &ls, h)
                || at.is_some_and(|i| head::label_is_title(src, &ls, &used, i)))
        {
            iv.diagnostics.push(Diagnostic::info(
                "label-is-headline",
                format!(
                    "'{}:' opens the text before a quotation or a date line: a headline, not a turn",
                    short(&h.label)
                ),
                Some(h.span.clone()),
            ));
            *first = None;
        }
    }
    let labelled = labelled_mode(src, &speaker_hits, &ls, &used, &keys);
    let speaker_hits: Vec<Option<LabelHit>> = if labelled {
        speaker_hits
    } else {
        // Too few labels to be the structure (`STEVE INSKEEP:` on the first two turns,
        // bare paragraphs after): a name in capitals still says who speaks where it
        // stands, and is no part of what was said.
        speaker_hits
            .into_iter()
            .zip(reply_hits)
            .map(|(h, r)| h.filter(capitals_label).or(r))
            .collect()
    };

    let mut paras = paragraphs(
        src,
        &ls,
        &used,
        &speaker_hits,
        opts.join_lines,
        &opts.emphasis,
    );
    readers.extend(people::askers::brackets(src, &mut paras, &mut iv));
    readers.extend(people::askers::leading(src, &mut paras, &mut iv));
    // The words before a transcript's first `>>` are the turn it hands over from.
    if let Some(at) = unmarked_first {
        if let Some(p) = paras.iter_mut().find(|p| p.span.contains(&at)) {
            p.dash = true;
        }
    }

    // Where the interview starts.
    let start = if labelled {
        paras.iter().position(|p| p.label.is_some())
    } else {
        let marked = dash_questions(&paras).is_some();
        let first_question = paras.iter().position(|p| {
            p.asks().is_some() || split_inline_answer(p).is_some() || (marked && p.dash)
        });
        // In dialogue style the first dash turn opens the exchange, asking or not (`thank
        // you for joining us` gets its reply).
        let first_dash = dash_turns(&paras)
            .and_then(|m| m.keys().next().copied())
            .filter(|&d| unmarked_first.is_some() || first_question.is_some_and(|q| d < q));
        first_dash.or(first_question)
    };
    // A teaser question in the lead ("Can a café keep an island alive?") is not the first
    // question when what follows it introduces the interview.
    let start = match start {
        Some(s) if !labelled => Some(skip_teasers(&paras, s, &mut iv)),
        other => other,
    };
    let Some(start) = start else {
        head::read_head(src, &ls, &used, &paras, usize::MAX, &opts.titles, &mut iv);
        return iv;
    };
    let head_end_line = paras[start].line;
    head::read_head(
        src,
        &ls,
        &used,
        &paras,
        head_end_line,
        &opts.titles,
        &mut iv,
    );

    // Where it ends: a tail marker (comments, related list) after the last speaker line.
    let last_label_line = paras
        .iter()
        .rev()
        .find(|p| p.label.is_some())
        .map(|p| p.line);
    let body_lines = ls.len() - head_end_line;
    let tail = ls.iter().enumerate().skip(head_end_line).find(|(i, l)| {
        let marker = matches!(
            l.kind,
            LineKind::Chrome("comments or related list") | LineKind::Source { .. }
        );
        let late = match last_label_line {
            Some(ll) if labelled => *i > ll,
            _ => (*i - head_end_line) * 2 >= body_lines,
        };
        marker && late
    });
    let tail_line = tail.map_or(usize::MAX, |(i, _)| i);
    let mut body: Vec<Para> = paras[start..]
        .iter()
        .filter(|p| p.line < tail_line)
        .cloned()
        .collect();
    if let Some((_, l)) = tail {
        let dropped = paras[start..]
            .iter()
            .filter(|p| p.line >= tail_line)
            .count();
        if dropped > 0 {
            iv.diagnostics.push(Diagnostic::info(
                "tail-dropped",
                format!(
                    "dropped {dropped} paragraph(s) after the end marker '{}'",
                    short(l.text(src))
                ),
                Some(l.span.clone()),
            ));
        }
    }
    drop_pull_quotes(&mut body, &paras, &mut iv);

    iv.turns = if labelled {
        labelled_turns(&body, &mut iv, opts.join_lines)
    } else {
        unlabelled_turns(&body)
    };
    finish_turns(src, &mut iv);
    people::assign(src, &mut iv, labelled);
    people::askers::add(&mut iv, &readers);
    people::title_names::name_initials(src, &mut iv);
    people::name_breaks(src, &mut iv, &name_breaks);
    colleagues(&mut iv);
    programme_intro(&mut iv);
    backchannels(&mut iv);
    cohost_questions(&mut iv);
    iv
}

/// `KYRA PHILLIPS, CNN ANCHOR:` beside the interviewer `MILES O'BRIEN, CNN ANCHOR:`: a
/// speaker whose label gives the interviewer's own role is the programme's staff (another
/// anchor reading the news), not someone interviewed. Their role is left open.
fn colleagues(iv: &mut Interview) {
    let role_part = |l: &str| {
        l.split_once(", ")
            .map(|(_, r)| r.trim().to_lowercase())
            .filter(|r| !r.is_empty())
    };
    let asker_roles: Vec<String> = iv
        .people
        .iter()
        .filter(|p| p.role == Role::Interviewer)
        .flat_map(|p| p.labels.iter().filter_map(|l| role_part(l)))
        .collect();
    if asker_roles.is_empty() {
        return;
    }
    for p in iv.people.iter_mut() {
        if p.role == Role::Interviewee
            && p.labels
                .iter()
                .any(|l| role_part(l).is_some_and(|r| asker_roles.contains(&r)))
        {
            iv.diagnostics.push(Diagnostic::warning(
                "colleague-of-interviewer",
                format!(
                    "'{}' is labelled with the interviewer's own role: staff of the programme, not an interviewee; no role is stated",
                    p.name.value
                ),
                None,
            ));
            p.role = Role::Other;
            for t in iv.turns.iter_mut() {
                if t.label.as_ref().is_some_and(|l| p.labels.contains(l)) {
                    t.role = Role::Other;
                    t.kind = TurnKind::Remark;
                    t.decision = Decision::new(
                        "colleague-of-interviewer",
                        format!(
                            "'{}' is labelled with the interviewer's own role: programme staff",
                            p.name.value
                        ),
                    );
                }
            }
        }
    }
}

/// `MILES O'BRIEN, CNN ANCHOR: Many general aviation pilots … John and Martha King,
/// joining me from San Diego …` / `Good to have you with us, kings.`: paragraphs that open
/// the interviewer's first turn, ask nothing and name an interviewee in full introduce
/// the guests to the audience; the turn's last paragraph is what they reply to.
fn programme_intro(iv: &mut Interview) {
    let Some(i) = iv
        .turns
        .windows(2)
        .position(|w| w[0].kind == TurnKind::Question && w[1].kind == TurnKind::Answer)
    else {
        return;
    };
    let full_names: Vec<String> = iv
        .people
        .iter()
        .filter(|p| p.role == Role::Interviewee)
        .map(|p| p.name.value.to_lowercase())
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect();
    let t = &iv.turns[i];
    let n = t.paragraphs.len();
    if n < 2 || full_names.is_empty() {
        return;
    }
    let intro = t.paragraphs[..n - 1]
        .iter()
        .all(|p| !p.text.contains(['?', '？', '¿']))
        && t.paragraphs[..n - 1].iter().any(|p| {
            let l = p.text.to_lowercase();
            full_names.iter().any(|f| l.contains(f.as_str()))
        });
    if !intro {
        return;
    }
    let t = &mut iv.turns[i];
    let moved: Vec<Paragraph> = t.paragraphs.drain(..n - 1).collect();
    if let Some(first) = t.paragraphs.first() {
        t.span.start = first.span.start;
    }
    iv.diagnostics.push(Diagnostic::info(
        "programme-intro",
        format!(
            "the first {} paragraph(s) of the interviewer's first turn introduce the guests by name and ask nothing: the lead, not the question",
            moved.len()
        ),
        moved.first().map(|p| p.span.clone()),
    ));
    iv.lead.extend(moved);
}

/// `İçerik ve biçim uyumunu biraz açmak ister misin, Deniz?` followed by Deniz, another
/// interviewer, who replies and then asks the guest: a question put to a co-interviewer
/// is talk between the hosts, not an exchange of the interview.
fn cohost_questions(iv: &mut Interview) {
    for i in 0..iv.turns.len().saturating_sub(1) {
        let (t, next) = (&iv.turns[i], &iv.turns[i + 1]);
        let other_asker = t.kind == TurnKind::Question
            && next.kind == TurnKind::Question
            && t.role == Role::Interviewer
            && next.role == Role::Interviewer
            && t.label.is_some()
            && next.label.is_some()
            && t.label != next.label;
        if other_asker {
            let who = next.label.clone().unwrap_or_default();
            let t = &mut iv.turns[i];
            t.kind = TurnKind::Remark;
            t.decision = Decision::new(
                "cohost-question",
                format!("the next turn is '{who}', another interviewer: asked between the hosts, not of the interviewee"),
            );
        }
    }
}

/// `… all the questions together --` / `Sure.` / `-- but I have a chart`: a word or two
/// from the interviewer inside an answer that breaks off and picks up again is a
/// backchannel, not a question the answer replies to.
fn backchannels(iv: &mut Interview) {
    let cut =
        |t: &str| t.trim_end().ends_with(['-', '—', '–', '…']) || t.trim_end().ends_with("...");
    let resumed = |t: &str| {
        t.trim_start().starts_with(['-', '—', '–', '…']) || t.trim_start().starts_with("...")
    };
    for i in 1..iv.turns.len().saturating_sub(1) {
        let t = &iv.turns[i];
        let text = t.text();
        let brief = text.split_whitespace().count() <= 3 && !text.contains(['?', '？', '¿']);
        let (before, after) = (&iv.turns[i - 1], &iv.turns[i + 1]);
        if t.kind == TurnKind::Question
            && brief
            && before.kind == TurnKind::Answer
            && after.kind == TurnKind::Answer
            && cut(&before.text())
            && resumed(&after.text())
        {
            let t = &mut iv.turns[i];
            t.kind = TurnKind::Remark;
            t.decision = Decision::new(
                "backchannel",
                format!(
                    "'{}' falls inside an answer that breaks off and resumes: a backchannel, not a question",
                    short(&text)
                ),
            );
        }
    }
}

/// `STEVE INSKEEP:`, `PRESIDENT OBAMA:`: a label of two words or more in capitals, which
/// no sentence opens with.
fn capitals_label(h: &LabelHit) -> bool {
    let letters: Vec<char> = h.label.chars().filter(|c| c.is_alphabetic()).collect();
    h.label.split_whitespace().count() >= 2
        && letters.len() >= 4
        && letters.iter().all(|c| c.is_uppercase())
}

/// The text after the label's colon is one quotation and nothing else (`"…"`, `« … »`).
fn quoted_headline(src: &str, ls: &[Line], h: &LabelHit) -> bool {
    let Some(l) = lines::line_at(ls, h.span.start).map(|i| &ls[i]) else {
        return false;
    };
    let line = &src[h.span.start..l.span.end];
    let Some(colon) = line.find([':', '：']) else {
        return false;
    };
    let rest = line[colon..]
        .trim_start_matches([':', '：', '*', '_'])
        .trim()
        .trim_end_matches(['*', '_']);
    let opens = rest.starts_with(['"', '“', '„', '«', '‘', '\'', '「']);
    let closes = rest.ends_with(['"', '”', '“', '»', '’', '\'', '」']);
    // One quotation: no closing quote inside followed by more prose.
    let inner = rest.chars().count() >= 3
        && !rest
            .chars()
            .skip(1)
            .take(rest.chars().count().saturating_sub(2))
            .any(|c| matches!(c, '"' | '”' | '»' | '」'));
    opens && closes && inner
}

/// At most 60 characters of `t`, for messages.
pub fn short(t: &str) -> String {
    let mut s: String = t.chars().take(60).collect();
    if t.chars().count() > 60 {
        s.push('…');
    }
    s
}

fn find_labels(src: &str, ls: &[Line], used: &[bool]) -> Vec<Option<LabelHit>> {
    // Name lines: `- Name` lines of a definition list, or a name in capitals alone on its
    // line (`OKAFOR`), that recur, each followed by the speaker's lines.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    // Or a recorder's speaker header (`Speaker 1  0:03`).
    for (i, l) in ls.iter().enumerate() {
        if !used[i] && l.kind == LineKind::Text {
            if let Some((n, _)) = name_of(l.text(src)) {
                *counts.entry(n).or_default() += 1;
            }
        }
    }
    let speakers: Vec<&str> = counts
        .iter()
        .filter(|(_, c)| **c >= 2)
        .map(|(k, _)| *k)
        .collect();
    let name_layout = speakers.len() >= 2;
    let mut hits: Vec<Option<LabelHit>> = ls
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if used[i] || l.kind != LineKind::Text {
                return None;
            }
            let t = l.text(src);
            if name_layout {
                if let Some((n, stamped)) = name_of(t).filter(|(n, _)| speakers.contains(n)) {
                    let s = l.span.start + t.find(n).unwrap_or(0);
                    return Some(LabelHit {
                        label: n.to_string(),
                        key: labels::key_of(n),
                        span: l.span.clone(),
                        // A header's time is no text of the turn.
                        content_start: if stamped { l.span.end } else { s + n.len() },
                        dash: true,
                        weak: false,
                    });
                }
            }
            labels::colon_label(t, l.span.start)
                .or_else(|| labels::dot_label(t, l.span.start))
                .or_else(|| labels::wrapped_label(t, l.span.start))
                .or_else(|| labels::dash_label(t, l.span.start))
                .filter(|h| !credit_line(t, &src[h.content_start.min(l.span.end)..l.span.end]))
        })
        .collect();
    // Name lines without a colon (`Keith Cline, VentureFizz`), where no colon label speaks.
    if !name_layout {
        if let Some(named) = name_lines::find(src, ls, used)
            .filter(|n| n.iter().flatten().count() >= hits.iter().flatten().count())
        {
            // The name lines are the transcript's structure; a colon elsewhere is prose or
            // a headline's (`The X Podcast: …`).
            hits = named;
        }
    }
    titled_labels(&mut hits);
    glued_labels(src, ls, used, &mut hits);
    hits
}

/// A name line (`OKAFOR`, `- Ludo`), or a recorder's speaker header, a name and a time
/// (`Speaker 1  0:03`; the flag says so).
fn name_of(t: &str) -> Option<(&str, bool)> {
    labels::name_line(t)
        .map(|n| (n, false))
        .or_else(|| times::header(t).map(|(n, _)| (n, true)))
}

/// `问题很高兴您接受采访。` where later turns print `问题:`: in a script without spaces a
/// label word whose colon was lost runs into the turn. Only a known label word the text
/// also prints with its colon counts.
fn glued_labels(src: &str, ls: &[Line], used: &[bool], hits: &mut [Option<LabelHit>]) {
    let lex = lexicon();
    let known: Vec<String> = hits
        .iter()
        .flatten()
        .map(|h| h.key.clone())
        .filter(|k| {
            k.chars().count() >= 2
                && k.chars().all(lexicon::is_unspaced)
                && (lexicon::contains(&lex.question_labels, k)
                    || lexicon::contains(&lex.answer_labels, k))
        })
        .collect();
    for (i, l) in ls.iter().enumerate() {
        if hits[i].is_some() || used[i] || l.kind != LineKind::Text {
            continue;
        }
        let t = l.text(src);
        let Some(k) = known.iter().find(|k| t.starts_with(k.as_str())) else {
            continue;
        };
        let rest = &t[k.len()..];
        if rest.chars().next().is_some_and(lexicon::is_unspaced) {
            hits[i] = Some(LabelHit {
                label: k.clone(),
                key: k.clone(),
                span: l.span.start..l.span.start + k.len(),
                content_start: l.span.start + k.len(),
                dash: false,
                weak: false,
            });
        }
    }
}

/// `Name（下简称 “安”）` / `Name (hereafter JS)` / `Name (JS)` → (`Name`, `安`).
fn alias_label(label: &str) -> Option<(String, String)> {
    let open = label.find(['(', '（'])?;
    let close = label[open..]
        .find([')', '）'])
        .map_or(label.len(), |c| open + c);
    let inner = label[open..close]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim();
    let alias = lexicon()
        .alias_words
        .iter()
        .find_map(|p| inner.strip_prefix(p.as_str()))
        .unwrap_or(inner)
        .trim()
        .trim_matches(['"', '“', '”', '「', '」', '\'', '‘', '’'])
        .trim();
    let name = label[..open].trim();
    (!alias.is_empty() && !name.is_empty() && alias.chars().count() <= 12)
        .then(|| (name.to_string(), alias.to_string()))
}

/// `Silvio Berlusconi- Prime Minister:` once, `Silvio Berlusconi:` after: a label that
/// adds a title after a dash to a name the text uses as a label elsewhere is that speaker.
fn titled_labels(hits: &mut [Option<LabelHit>]) {
    let keys: Vec<String> = hits.iter().flatten().map(|h| h.key.clone()).collect();
    for h in hits.iter_mut().flatten() {
        // `Andrew Westphal（下简称 “安”）：` once, `安：` after: the label defines the short
        // label the speaker goes by.
        if let Some((name, alias)) = alias_label(&h.label) {
            let key = labels::key_of(&alias);
            // Turns are grouped by their label's key, so the label becomes the alias; the
            // full name stays in the text for the people rules.
            if key != h.key && keys.contains(&key) && !name.is_empty() {
                h.label = alias;
                h.key = key;
                continue;
            }
        }
        let Some(cut) = ["- ", " – ", " — ", "– ", "— "]
            .iter()
            .filter_map(|d| h.label.find(d))
            .min()
        else {
            continue;
        };
        let name = h.label[..cut].trim();
        let key = labels::key_of(name);
        if !key.is_empty() && key != h.key && keys.contains(&key) {
            h.label = name.to_string();
            h.key = key;
        }
    }
}

/// The lines of a title block: three or more `Key: value` lines in a row, with no blank
/// line between, short values that are no sentences, and two keys or more from the
/// lexicon's `title_block_keys` (`Interviewee:`, `Interviewer:`, `Date:`, `Place:`).
/// Oral-history archives print one above the transcript; its `Interviewee:` is no turn.
pub(super) fn title_block(src: &str, ls: &[Line]) -> Vec<usize> {
    let lex = lexicon();
    // (key, value) of a `Key: value` line with a short value that is no sentence.
    let keyed = |i: usize| -> Option<String> {
        if ls[i].kind != LineKind::Text {
            return None;
        }
        let t = ls[i].text(src).trim().trim_start_matches(['*', '_']);
        let c = t.find([':', '：'])?;
        let key = t[..c].trim().trim_end_matches(['*', '_']).to_lowercase();
        let value = t[c..].trim_start_matches([':', '：', '*', '_']).trim();
        (!key.is_empty()
            && key.split_whitespace().count() <= 4
            && !value.is_empty()
            && value.chars().count() <= 80
            && !value.ends_with(['.', '?', '!', '？', '。']))
        .then_some(key)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        let mut j = i;
        let mut known = 0;
        while j < ls.len() {
            let Some(k) = keyed(j) else { break };
            known += usize::from(lexicon::contains(&lex.title_block_keys, &k));
            j += 1;
        }
        if j - i >= 3 && known >= 2 {
            out.extend(i..j);
        }
        i = j.max(i + 1);
    }
    out
}

/// `聞き手：山田太郎`, `Interviewer: Jane Roe`: a phrase that says who asked, then only
/// a name — the interview's credit, not the interviewer's first turn.
fn credit_line(line: &str, content: &str) -> bool {
    let lex = lexicon();
    let c = content.trim();
    let words: Vec<&str> = c.split_whitespace().collect();
    let unspaced = c.chars().any(lexicon::is_unspaced);
    let short = if unspaced {
        (2..=8).contains(&c.chars().count()) && words.len() == 1
    } else {
        (2..=4).contains(&words.len()) && c.chars().count() <= 40
    };
    let name_like = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|ch| ch.is_alphabetic() && !ch.is_lowercase())
    });
    lexicon::starts_with_phrase(&lex.interviewer_phrases, line.trim()).is_some()
        && short
        && name_like
        && !ends_sentence(c)
        && !c.ends_with(['?', '？'])
}

fn labelled_mode(
    src: &str,
    hits: &[Option<LabelHit>],
    ls: &[Line],
    used: &[bool],
    keys: &[String],
) -> bool {
    let lex = lexicon();
    let n = hits.iter().flatten().count();
    let Some(first) = hits.iter().position(|h| h.is_some()) else {
        return false;
    };
    let text_lines = (first..ls.len())
        .filter(|&i| !used[i] && ls[i].kind == LineKind::Text)
        .count();
    let known_q = keys
        .iter()
        .any(|k| lexicon::contains(&lex.question_labels, k));
    let distinct = keys
        .iter()
        .filter(|k| hits.iter().flatten().any(|h| &&h.key == k))
        .count();
    // One label only (`VOA:` before each question, answers unlabelled): it must ask.
    let asking = hits
        .iter()
        .flatten()
        .filter(|h| {
            let line = lines::line_at(ls, h.span.start).map(|i| &ls[i]);
            line.is_some_and(|l| {
                let c = &src[h.content_start.min(l.span.end)..l.span.end];
                c.trim_end().ends_with(['?', '？']) || c.trim_start().starts_with('¿')
            })
        })
        .count();
    let single_asker = distinct == 1 && asking * 10 >= n * 6;
    // Enough labels to be the structure: most lines in a short text, or a few turns each
    // in a longer one (answers may run over many unlabelled paragraphs).
    let enough = n * 10 >= text_lines * 3 || (n >= 4 && n * 10 >= text_lines);
    n >= 2 && (distinct >= 2 || known_q || single_asker) && enough
}

fn is_question_para(p: &Para) -> bool {
    p.asks().is_some() || split_inline_answer(p).is_some()
}

/// The first real question from `s` on: a question paragraph is a teaser when a later
/// question exists and the paragraphs between introduce the interview (they name it or
/// its people: `We spoke with her…`, `im Gespräch`, `phỏng vấn`) or, for the text's first
/// paragraph, are a title block (byline, date line) — and the teaser does not address the
/// interviewee while they speak for themselves (then it is the first exchange).
fn skip_teasers(paras: &[Para], mut s: usize, iv: &mut Interview) -> usize {
    let lex = lexicon();
    loop {
        let Some(next) = (s + 1..paras.len()).find(|&j| is_question_para(&paras[j])) else {
            return s;
        };
        let between = &paras[s + 1..next];
        if between.is_empty() {
            return s;
        }
        let text: String = between
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let cue = lexicon::mentions(&lex.interview_words, &text)
            || [&lex.interviewer_phrases, &lex.interviewee_phrases]
                .iter()
                .any(|l| lexicon::mentions(l, &text));
        // A headline question heads a block: a byline or deck under it, then the lead. One
        // short paragraph alone before the next question is its answer (`Hanoi`, `Paris >
        // London > Berlin`), not a title block.
        let title_block = s == 0
            && between.len() >= 2
            && !ends_sentence(&between[0].text)
            && between[0].text.split_whitespace().count() <= 10;
        let addresses = lexicon::mentions(&lex.second_person, &paras[s].text)
            && lexicon::mentions(&lex.first_person, &text);
        if !(cue || title_block) || addresses {
            return s;
        }
        iv.diagnostics.push(Diagnostic::info(
            "teaser-question",
            format!(
                "a question in the lead, not the first exchange: what follows it {}: '{}'",
                if cue {
                    "introduces the interview"
                } else {
                    "is a title block"
                },
                short(&paras[s].text)
            ),
            Some(paras[s].span.clone()),
        ));
        s = next;
    }
}

/// Builds paragraphs from text lines: a blank line, a label, or a finished sentence ends
/// one; hard-wrapped text (a sentence running over lines) is joined.
fn paragraphs(
    src: &str,
    ls: &[Line],
    used: &[bool],
    hits: &[Option<LabelHit>],
    join_lines: bool,
    emphasis: &[Range<usize>],
) -> Vec<Para> {
    let text_lines: Vec<usize> = (0..ls.len())
        .filter(|&i| !used[i] && ls[i].kind == LineKind::Text)
        .collect();
    let hard_wrapped = join_lines || {
        let lens: Vec<usize> = text_lines
            .iter()
            .map(|&i| ls[i].text(src).chars().count())
            .filter(|&n| n > 20)
            .collect();
        let unfinished = text_lines
            .windows(2)
            .filter(|w| {
                ls[w[0]].block == ls[w[1]].block
                    && w[1] == w[0] + 1
                    && !ends_sentence(ls[w[0]].text(src))
            })
            .count();
        lens.len() >= 6
            && lens.iter().filter(|&&n| n <= 100).count() * 10 >= lens.len() * 8
            && unfinished * 10 >= text_lines.len() * 3
    };
    let mut out: Vec<Para> = Vec::new();
    let mut prev: Option<usize> = None;
    for &i in &text_lines {
        let l = &ls[i];
        let mut start = l.span.start;
        if let Some(h) = &hits[i] {
            start = h.content_start.min(l.span.end);
        } else {
            start += labels::bullet_len(l.text(src));
            start += question_number_len(&src[start..l.span.end]);
        }
        let text = src[start..l.span.end].trim();
        let joins = match (prev, out.last()) {
            (Some(p), Some(_))
                if hits[i].is_none()
                    && ls[p].block == l.block
                    // A page's running header between two lines of a turn is no break.
                    && (p + 1..i).all(|k| ls[k].kind == LineKind::Chrome(lines::PAGE_FURNITURE))
                    && !out.last().is_some_and(|o| o.text.is_empty()) =>
            {
                let pt = ls[p].text(src);
                hard_wrapped && !is_bullet_layout(src, l)
                    || (!ends_sentence(pt) && text.chars().next().is_some_and(|c| c.is_lowercase()))
            }
            _ => false,
        };
        prev = Some(i);
        if joins {
            let last = out.last_mut().expect("checked");
            let (s0, e0) = (l.span.start, l.span.end);
            last.bold &= emphasis.iter().any(|r| {
                r.start <= s0 + (src[s0..e0].len() - src[s0..e0].trim_start().len())
                    && r.end >= s0 + src[s0..e0].trim_end().len()
            });
            if !text.is_empty() {
                // Hard-wrapped Chinese and Japanese join without a space: they have none.
                let cjk = |c: char| {
                    lexicon::is_unspaced(c) && !matches!(c as u32, 0x0E00..=0x0E7F)
                        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
                };
                let unspaced = last.text.chars().next_back().is_some_and(cjk)
                    && text.chars().next().is_some_and(cjk);
                if !last.text.is_empty() && !unspaced {
                    last.text_mut().push(' ');
                }
                last.text_mut().push_str(&collapse_spaces(text));
                last.span.end = l.span.end;
            }
            continue;
        }
        let lt = l.text(src);
        let lead = src[start..l.span.end].len() - src[start..l.span.end].trim_start().len();
        let (s0, e0) = (start + lead, start + lead + text.len());
        // Strong emphasis only: a paragraph in italics (`*…*`) is a note or a caption,
        // not set like the questions.
        let strong = ["**", "__"]
            .iter()
            .any(|m| text.starts_with(m) && text.ends_with(m));
        let bold = (strong && unwrap_emphasis(text).len() < text.len())
            || emphasis
                .iter()
                .any(|r| r.start <= s0 && r.end >= e0 && s0 < e0);
        out.push(Para {
            bold,
            text: collapse_spaces(unwrap_emphasis(text)),
            span: start..l.span.end,
            label: hits[i].clone(),
            line: i,
            dash: hits[i].is_none()
                && ["— ", "– ", "- ", "―", "──", "——"]
                    .iter()
                    .any(|d| lt.starts_with(d)),
            doubled: hits[i].is_none() && doubled_bar(lt),
            asks: Default::default(),
        });
    }
    out
}

/// Runs of spaces (left by blanked-out markup) as one, zero-width fillers removed.
pub fn collapse_spaces(t: &str) -> String {
    // Zero-width and soft hyphens are rare: most texts are not rebuilt char by char.
    let cleaned: String;
    let t = if t.contains(['\u{200b}', '\u{ad}']) {
        cleaned = t
            .chars()
            .filter(|c| *c != '\u{200b}' && *c != '\u{ad}')
            .collect();
        cleaned.as_str()
    } else {
        t
    };
    if !t.contains("  ") && !t.contains('\t') {
        return t.trim().to_string();
    }
    t.split([' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `**Why now?**` → `Why now?`: emphasis around a whole paragraph is formatting.
fn unwrap_emphasis(t: &str) -> &str {
    for m in ["**", "__", "*", "_"] {
        if t.len() > 2 * m.len()
            && t.starts_with(m)
            && t.ends_with(m)
            && !t[m.len()..t.len() - m.len()].contains(m)
        {
            return t[m.len()..t.len() - m.len()].trim();
        }
    }
    t
}

fn is_bullet_layout(src: &str, l: &Line) -> bool {
    labels::bullet_len(l.text(src)) > 0
}

/// True when a line ends a sentence (or a caption, or a quotation).
pub fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with([
        '.', '!', '?', '…', '"', '”', '»', ')', ']', ':', '？', '。', '！', '|',
        // The full stops of Devanagari and Bengali (danda), Khmer (khan), Myanmar, Ethiopic.
        '।', '॥', '។', '။', '።',
    ])
}

/// `1. Cum ați început…?`, `3) What next?`: the number before a question is the layout's,
/// not the question's words. Only a line that asks loses it (a numbered list inside an
/// answer keeps its numbers). The byte length of the number and the space after it.
fn question_number_len(line: &str) -> usize {
    let t = line.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return 0;
    }
    let rest = &t[digits..];
    // `1.`, `1)`, `1-)`
    let rest = rest
        .strip_prefix('-')
        .filter(|r| r.starts_with(')'))
        .unwrap_or(rest);
    let Some(after) = rest.strip_prefix(['.', ')']) else {
        return 0;
    };
    if !after.starts_with([' ', '\t']) {
        return 0;
    }
    let body = after.trim_start();
    if question_rule(body, None).is_none_or(|d| d.rule != "question-mark") {
        return 0;
    }
    line.len() - body.len()
}

/// Japanese asks with the particle `か` before the full stop (`何かありますか。`), after
/// kana (so a noun ending in the kanji `か` is no question).
pub fn japanese_asks(t: &str) -> bool {
    let t = t.trim_end();
    let Some(r) = t.strip_suffix('。') else {
        return false;
    };
    let mut cs = r.chars().rev();
    cs.next() == Some('か')
        && cs
            .next()
            .is_some_and(|c| matches!(c as u32, 0x3041..=0x30FF))
}

/// Greek asks with `;` (or its own mark U+037E): after a Greek word it is a question mark.
pub fn greek_asks(t: &str) -> bool {
    let t = t.trim_end();
    if t.ends_with('\u{37e}') {
        return true;
    }
    t.strip_suffix(';').is_some_and(|r| {
        r.trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF))
    })
}

/// Why an unlabelled paragraph is a question, if it is one. `prev` is the paragraph before.
pub fn question_rule(text: &str, prev: Option<&str>) -> Option<Decision> {
    after_prev(question_alone(text), prev)
}

/// What the paragraph before changes of `question_rule` without it: a question mark after
/// a colon is a question quoted inside an answer.
fn after_prev(alone: Option<Decision>, prev: Option<&str>) -> Option<Decision> {
    alone
        .filter(|d| d.rule != "question-mark" || !prev.is_some_and(|p| p.trim_end().ends_with(':')))
}

/// `question_rule` of a paragraph read alone.
fn question_alone(text: &str) -> Option<Decision> {
    let lex = lexicon();
    let t = text
        .trim()
        .trim_end_matches(['"', '”', '»', ')', ']', '*', '_', ' ']);
    let opens = text
        .trim_start()
        .trim_start_matches(['*', '_'])
        .starts_with('¿');
    let asks = t.ends_with(['?', '？', '؟']) || greek_asks(t) || japanese_asks(t) || opens;
    if asks {
        let sentences = t
            .split_inclusive(['.', '!', '?'])
            .filter(|s| s.trim().len() > 2)
            .count();
        // Who is spoken to matters only for a paragraph of two sentences or more.
        let you = || lexicon::mentions(&lex.second_person, text);
        if sentences >= 2 && !you() {
            if lexicon::mentions(&lex.first_person, text) {
                return None; // a rhetorical question closing an answer that speaks for itself
            }
            if sentences >= 4 && t.chars().count() > 400 {
                return None;
            }
        }
        let ev = if opens {
            "opens with '¿'"
        } else {
            "ends with '?'"
        };
        return Some(Decision::new("question-mark", ev));
    }
    // `How did you come to be involved with this discovery`: a short paragraph that opens
    // like a question and addresses the interviewee, printed without its '?' (and without
    // any stop, which a statement would have).
    if !t.ends_with(['.', '!', '…', ':', ';', '。', '！', '»', '"', '”'])
        && t.chars().count() <= 200
        && t.split_whitespace().count() >= 4
        && lexicon::mentions(&lex.second_person, text)
    {
        if let Some(p) = lexicon::starts_with_phrase(&lex.question_openers, without_lead_in(text)) {
            return Some(Decision::new(
                "unpunctuated-question",
                format!("opens with '{p}' and addresses the interviewee, with no stop at the end ('?' missing)"),
            ));
        }
    }
    if let Some(p) = lexicon::starts_with_phrase(&lex.request_openers, without_lead_in(text)) {
        if text.chars().count() < 400 {
            return Some(Decision::new(
                "request",
                format!("a request opening with '{p}'"),
            ));
        }
    }
    None
}

/// `Finally, tell us …` → `tell us …`, `And describe …` → `describe …`: a request may
/// open with a linking word.
fn without_lead_in(text: &str) -> &str {
    let t = text
        .trim_start()
        .trim_start_matches(['*', '_', '¡', '"', '“', '«', '„']);
    if let Some(c) = t.find(',') {
        if t[..c].split_whitespace().count() <= 2 {
            return t[c + 1..].trim_start();
        }
    }
    match lexicon::starts_with_phrase(&lexicon().lead_ins, t) {
        Some(p) => {
            let n = p.chars().count();
            let at = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
            t[at..].trim_start_matches([',', ' '])
        }
        None => t,
    }
}

/// A question put as a statement (`Your menu changes every week.`), in a text that asks
/// in short paragraphs: a short paragraph that addresses the interviewee (second person,
/// no first person, fillers such as `you know` aside), after an answer, and followed by a
/// longer paragraph that is no question. `next` is the paragraph after it.
fn statement_question(text: &str, next: Option<&Para>) -> Option<Decision> {
    let lex = lexicon();
    let t = text.trim();
    let n = t.chars().count();
    if n > 160 || t.ends_with('!') || t.starts_with(['"', '“', '«', '„', '(']) {
        return None;
    }
    let sentences = t
        .split_inclusive(['.', '!', '?', '…'])
        .filter(|s| s.trim().chars().count() > 2)
        .count();
    let next = next?;
    let m = next.text.chars().count();
    if sentences > 2 || m < 80 || m * 2 < n * 3 || next.asks().is_some() {
        return None;
    }
    let mut lower = t.to_lowercase();
    for f in &lex.generic_you {
        lower = lower.replace(f.as_str(), " ");
    }
    let you = lexicon::first_mentioned(&lex.second_person, &lower)?;
    if lexicon::mentions(&lex.first_person, &lower) {
        return None;
    }
    Some(Decision::new(
        "statement-question",
        format!(
            "a short paragraph ({n} characters) that addresses the interviewee ('{you}'), after an answer and before a longer paragraph ({m} characters); the other questions are short paragraphs too"
        ),
    ))
}

fn drop_pull_quotes(body: &mut Vec<Para>, all: &[Para], iv: &mut Interview) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    body.retain(|p| {
        if p.label.is_some() {
            return true;
        }
        let t = p.text.trim();
        let quoted = (t.starts_with(['"', '“', '«', '„']) && t.ends_with(['"', '”', '»', '“']))
            && t.chars().count() > 20;
        if !quoted {
            return true;
        }
        let inner = norm(t.trim_matches(['"', '“', '”', '«', '»', '„', ' ']));
        let repeated = all
            .iter()
            .any(|o| o.span != p.span && norm(&o.text).contains(&inner));
        if repeated {
            iv.diagnostics.push(Diagnostic::info(
                "pull-quote",
                format!("dropped a pull quote that repeats the text: '{}'", short(t)),
                Some(p.span.clone()),
            ));
        }
        !repeated
    });
}

fn new_turn(
    label: Option<&LabelHit>,
    kind: TurnKind,
    role: Role,
    first: Option<&Para>,
    span: Range<usize>,
    decision: Decision,
) -> Turn {
    Turn {
        speaker: None,
        label: label.map(|h| h.label.clone()),
        role,
        kind,
        paragraphs: first
            .filter(|p| !p.text.is_empty())
            .map(|p| vec![p.paragraph()])
            .unwrap_or_default(),
        span,
        decision,
    }
}

/// Turns of a labelled text: a label starts a turn, unlabelled paragraphs continue it.
/// Kinds and roles are settled later by `people::assign`, once roles are known.
fn labelled_turns(body: &[Para], iv: &mut Interview, join_lines: bool) -> Vec<Turn> {
    let lex = lexicon();
    // Only questions are labelled (`Q:` alone, or one label that asks): the unlabelled
    // paragraphs after a question are its answer.
    let mut keys: Vec<&str> = body
        .iter()
        .filter_map(|p| p.label.as_ref().map(|h| h.key.as_str()))
        .collect();
    keys.sort();
    keys.dedup();
    let q_only = keys.len() == 1
        || keys
            .iter()
            .all(|k| lexicon::contains(&lex.question_labels, k));
    let mut turns: Vec<Turn> = Vec::new();
    for (i, p) in body.iter().enumerate() {
        if !q_only
            && p.label.is_none()
            && body.get(i + 1).is_some_and(|n| n.label.is_some())
            && turns.last().is_some_and(|t| !t.paragraphs.is_empty())
            && section_heading(&p.text)
        {
            iv.diagnostics.push(Diagnostic::warning(
                "section-heading",
                format!(
                    "left out a section heading between two turns (short, no sentence, a speaker label right after): '{}'",
                    short(&p.text)
                ),
                Some(p.span.clone()),
            ));
            continue;
        }
        match &p.label {
            // The same speaker again right away (a new subtitle cue): one turn.
            Some(h)
                if turns.last().is_some_and(|t| {
                    t.label
                        .as_deref()
                        .is_some_and(|l| labels::key_of(l) == h.key)
                }) =>
            {
                let t = turns.last_mut().expect("checked");
                match t.paragraphs.last_mut() {
                    // Subtitle cues of one speaker run on as one paragraph.
                    Some(last) if join_lines && !p.text.is_empty() => {
                        last.text.push(' ');
                        last.text.push_str(&p.text);
                        last.span.end = p.span.end;
                    }
                    _ if !p.text.is_empty() => t.paragraphs.push(p.paragraph()),
                    _ => {}
                }
                t.span.end = p.span.end;
            }
            Some(h) => {
                let ev = format!("label '{}'", h.label);
                turns.push(new_turn(
                    Some(h),
                    TurnKind::Remark,
                    Role::Other,
                    Some(p),
                    h.span.start..p.span.end,
                    Decision::new("label", ev),
                ));
            }
            None => {
                let q_only_answer = q_only
                    && turns
                        .last()
                        .is_some_and(|t| t.label.is_some() && !t.paragraphs.is_empty());
                match turns.last_mut() {
                    // `Q:` only: the unlabelled paragraphs after a question are its answer.
                    Some(_) if q_only_answer => turns.push(new_turn(
                        None,
                        TurnKind::Answer,
                        Role::Interviewee,
                        Some(p),
                        p.span.clone(),
                        Decision::new(
                            "answer-after-labelled-question",
                            "unlabelled paragraph after a 'Q:' turn",
                        ),
                    )),
                    Some(t) => {
                        t.paragraphs.push(p.paragraph());
                        t.span.end = p.span.end;
                    }
                    None => iv.lead.push(p.paragraph()),
                }
            }
        }
    }
    turns
}

/// A topic heading set between the turns of a labelled transcript (`Italy and the
/// cartoons`): a few words, no sentence, no clause.
fn section_heading(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=10).contains(&words)
        && t.chars().count() <= 80
        && !ends_sentence(t)
        && !t
            .trim_end()
            .ends_with([':', '：', ',', '،', ';', '-', '—', '…'])
        && !t.contains([',', '،', '，', '、'])
        && t.chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && !c.is_ascii_digit())
}

/// Turns of an unlabelled text: question paragraphs (by `?`, `¿`, requests) start a
/// question; the paragraphs up to the next question are its answer.
fn unlabelled_turns(body: &[Para]) -> Vec<Turn> {
    // The rhythm of the text: does it ask in short paragraphs? Then a short statement
    // between answers can be a question too.
    let mut asked: Vec<usize> = body
        .iter()
        .filter(|p| p.asks().is_some())
        .map(|p| p.text.chars().count())
        .collect();
    asked.sort_unstable();
    let short_questions = asked.len() >= 2 && asked[asked.len() / 2] <= 200;
    let bold_questions = bold_asks(body);
    let dashes = dash_turns(body);
    let marked = if dashes.is_none() {
        dash_questions(body)
    } else {
        None
    };
    let mut turns: Vec<Turn> = Vec::new();
    let mut prev: Option<&str> = None;
    for (i, p) in body.iter().enumerate() {
        // Only the interviewer's lines carry the dash (`――…` in Japanese): each dash asks,
        // the paragraphs after it up to the next dash answer.
        if let Some((n, asks)) = marked {
            let (kind, role, d) = if body[i].dash {
                (
                    TurnKind::Question,
                    Role::Interviewer,
                    Decision::new(
                        "dash-question",
                        format!("opens with a dash like the {n} interviewer lines ({asks} ask with '?'); answers carry none"),
                    ),
                )
            } else {
                (
                    TurnKind::Answer,
                    Role::Interviewee,
                    Decision::new(
                        "after-question",
                        "paragraphs without a dash up to the next dash",
                    ),
                )
            };
            match turns.last_mut() {
                Some(t) if kind == TurnKind::Answer && t.kind == TurnKind::Answer => {
                    t.paragraphs.push(p.paragraph());
                    t.span.end = p.span.end;
                }
                _ => turns.push(new_turn(None, kind, role, Some(p), p.span.clone(), d)),
            }
            continue;
        }
        // Dialogue style: every dash opens a turn, and the turns alternate.
        if let Some((asks, d)) = dashes.as_ref().and_then(|m| m.get(&i)) {
            let (kind, role) = if *asks {
                (TurnKind::Question, Role::Interviewer)
            } else {
                (TurnKind::Answer, Role::Interviewee)
            };
            turns.push(new_turn(
                None,
                kind,
                role,
                Some(p),
                p.span.clone(),
                d.clone(),
            ));
            prev = Some(&p.text);
            continue;
        }
        if dashes.is_some() {
            // A line without a dash continues the turn before it.
            if let Some(t) = turns.last_mut() {
                t.paragraphs.push(p.paragraph());
                t.span.end = p.span.end;
                continue;
            }
        }
        // `Question? - Answer` on one line.
        if let Some((q, a)) = split_inline_answer(p) {
            turns.push(new_turn(
                None,
                TurnKind::Question,
                Role::Interviewer,
                Some(&q),
                q.span.clone(),
                Decision::new(
                    "question-mark",
                    "question and answer on one line, split at '? -'",
                ),
            ));
            turns.push(new_turn(
                None,
                TurnKind::Answer,
                Role::Interviewee,
                Some(&a),
                a.span.clone(),
                Decision::new("inline-answer", "text after '? -' on the question's line"),
            ));
            prev = Some(&p.text);
            continue;
        }
        let in_answer = turns.last().is_some_and(|t| t.kind == TurnKind::Answer);
        let after_question = turns.last().is_some_and(|t| t.kind == TurnKind::Question);
        let mut rule = p.question_rule(prev.filter(|_| in_answer));
        // Right after a question, a paragraph that opens with statements and only ends
        // with a question is the answer (its last question is rhetorical).
        if after_question
            && rule.as_ref().is_some_and(|d| d.rule == "question-mark")
            && opens_with_statement(&p.text)
        {
            rule = None;
        }
        if rule.is_none() && p.bold && p.text.chars().count() <= 300 {
            if let Some((b, n)) = bold_questions {
                rule = Some(Decision::new(
                    "bold-question",
                    format!("set in bold like {b} of the {n} paragraphs that ask with '?', while the answers are not"),
                ));
            }
        }
        if rule.is_none() && short_questions && in_answer {
            rule = statement_question(&p.text, body.get(i + 1));
        }
        prev = Some(&p.text);
        match rule {
            Some(d) => turns.push(new_turn(
                p.label.as_ref(),
                TurnKind::Question,
                Role::Interviewer,
                Some(p),
                p.span.clone(),
                d,
            )),
            None => match turns.last_mut() {
                Some(t) if t.kind == TurnKind::Answer => {
                    t.paragraphs.push(p.paragraph());
                    t.span.end = p.span.end;
                }
                _ => turns.push(new_turn(
                    p.label.as_ref(),
                    TurnKind::Answer,
                    Role::Interviewee,
                    Some(p),
                    p.span.clone(),
                    Decision::new("after-question", "paragraphs up to the next question"),
                )),
            },
        }
    }
    turns
}

/// When the text sets its questions in bold: (bold, all) of the paragraphs that ask with
/// '?', if at least two and most are bold and almost no other paragraph is.
fn bold_asks(body: &[Para]) -> Option<(usize, usize)> {
    let asks: Vec<&Para> = body
        .iter()
        .filter(|p| p.asks() == Some("question-mark"))
        .collect();
    let bold = asks.iter().filter(|p| p.bold).count();
    let others = body.len() - asks.len();
    let other_bold = body
        .iter()
        .filter(|p| p.bold && !asks.iter().any(|a| a.span == p.span))
        .count();
    (bold >= 2 && bold * 10 >= asks.len() * 8 && other_bold * 3 <= others.max(1))
        .then_some((bold, asks.len()))
}

/// True when the first sentence of `text` is a statement (ends with '.' or '!').
fn opens_with_statement(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with('¿') {
        return false;
    }
    match t.find(['.', '!', '?']) {
        Some(i) => t[i..].starts_with(['.', '!']) && t[i + 1..].trim().chars().count() > 1,
        None => false,
    }
}

fn split_inline_answer(p: &Para) -> Option<(Para, Para)> {
    for sep in ["? - ", "? – ", "? — "] {
        if let Some(i) = p.text.find(sep) {
            let q = &p.text[..i + 1];
            let a = p.text[i + sep.len()..].trim();
            if a.is_empty() || q.chars().count() < 8 {
                return None;
            }
            // Offsets in the paragraph text equal offsets in the source when it was one line.
            let one_line = p.span.len() == p.text.len();
            let qs = p.span.start..p.span.start + if one_line { q.len() } else { 0 };
            let a_start = if one_line {
                p.span.start + i + sep.len()
            } else {
                p.span.start
            };
            return Some((
                Para {
                    text: q.to_string(),
                    span: qs,
                    label: None,
                    line: p.line,
                    dash: false,
                    doubled: false,
                    bold: false,
                    asks: Default::default(),
                },
                Para {
                    text: a.to_string(),
                    span: a_start..p.span.end,
                    label: None,
                    line: p.line,
                    dash: false,
                    doubled: false,
                    bold: false,
                    asks: Default::default(),
                },
            ));
        }
    }
    None
}

/// Clean-up shared by both modes: empty turns go, trailing non-sentences after the last
/// answer go (related headlines), the final thanks becomes the closing.
fn finish_turns(src: &str, iv: &mut Interview) {
    let before = iv.turns.len();
    let empties: Vec<Range<usize>> = iv
        .turns
        .iter()
        .filter(|t| t.paragraphs.is_empty())
        .map(|t| t.span.clone())
        .collect();
    iv.turns.retain(|t| !t.paragraphs.is_empty());
    for s in empties {
        iv.diagnostics.push(Diagnostic::info(
            "empty-turn",
            "dropped a turn with a label and no text",
            Some(s),
        ));
    }
    let _ = before;
    // Chrome lines after an editing note (`More from Opinion`) hide the note: drop them
    // first, then the notes, then what the notes hid.
    drop_trailing_lines(iv);
    after_rule(src, iv);
    tail_notes(iv);
    drop_trailing_lines(iv);
}

/// A horizontal rule (`---`, `***`, `* * *`) inside the last answer, with at most two
/// short paragraphs after it: the interview ended at the rule, what follows is the
/// article's (a book note, a credit) and goes to the notes.
fn after_rule(src: &str, iv: &mut Interview) {
    let Some(last) = iv.turns.last_mut() else {
        return;
    };
    let rule = |gap: &str| {
        gap.lines().any(|l| {
            let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            t.len() >= 3 && ['-', '*', '_'].iter().any(|m| t.chars().all(|c| c == *m))
        })
    };
    let k = last.paragraphs.len();
    let Some(cut) = (1..k).find(|&i| {
        let (a, b) = (
            last.paragraphs[i - 1].span.end,
            last.paragraphs[i].span.start,
        );
        a <= b && rule(&src[a..b])
    }) else {
        return;
    };
    if k - cut > 2
        || last.paragraphs[cut..]
            .iter()
            .any(|p| p.text.chars().count() > 300)
    {
        return;
    }
    let moved: Vec<Paragraph> = last.paragraphs.drain(cut..).collect();
    last.span.end = last.paragraphs.last().map_or(last.span.end, |p| p.span.end);
    for p in &moved {
        iv.diagnostics.push(Diagnostic::info(
            "note-after-interview",
            format!(
                "moved out of the last answer (after a horizontal rule): '{}'",
                short(&p.text)
            ),
            Some(p.span.clone()),
        ));
    }
    iv.notes.extend(moved);
}

/// Drops the last answer's trailing lines that are not sentences (link titles, menus).
fn drop_trailing_lines(iv: &mut Interview) {
    if let Some(last) = iv.turns.last_mut() {
        while last.paragraphs.len() > 1 {
            let p = last.paragraphs.last().expect("len > 1");
            let promo = p.text.chars().count() <= 250
                && lexicon::starts_with_phrase(&lexicon().promo_openers, &p.text).is_some();
            if !promo
                && (ends_sentence(&p.text)
                    || p.text.chars().count() > 100
                    || note_kind(&p.text).is_some())
            {
                break;
            }
            let p = last.paragraphs.pop().expect("len > 1");
            iv.diagnostics.push(Diagnostic::info(
                "trailing-dropped",
                format!(
                    "dropped a trailing line that is not part of the answer (not a sentence, or a site promotion): '{}'",
                    short(&p.text)
                ),
                Some(p.span),
            ));
            last.span.end = last.paragraphs.last().map_or(last.span.end, |p| p.span.end);
        }
    }
}

/// What a paragraph after the last answer is when it belongs to the article rather than
/// the interview: an interview credit, an editing note, or the author's bio.
pub fn note_kind(text: &str) -> Option<&'static str> {
    let lex = lexicon();
    let t = text
        .trim()
        .trim_start_matches(['(', '[', '*', '_', '—', '–', '-', ' ']);
    if t.chars().count() > 300 {
        return None;
    }
    if lexicon::starts_with_phrase(&lex.interviewer_phrases, t).is_some() {
        return Some("interview credit");
    }
    if lexicon::starts_with_phrase(&lex.edit_notes, t).is_some() {
        return Some("editing note");
    }
    // `Jane Roe is a staff reporter …`: a name, a linking verb, a newsroom word.
    let name = people::names::name_after(t, 0)?;
    if name.span.start != 0 || name.name.split_whitespace().count() < 2 {
        return None;
    }
    let after = lexicon::words(&t[name.span.end..]);
    let links = after
        .first()
        .is_some_and(|w| lexicon::contains(&lex.bio_verbs, w));
    let person = |l: &[String]| lexicon::mentions(l, t);
    (links
        && lexicon::mentions(&lex.author_words, t)
        && !person(&lex.first_person)
        && !person(&lex.second_person))
    .then_some("author's bio")
}

/// Moves notes that trail the last answer (`This interview has been edited…`, `Interview
/// by X`, the author's bio) out of it into `iv.notes`, where the people finder still reads
/// them as evidence.
fn tail_notes(iv: &mut Interview) {
    let Some(last) = iv.turns.last_mut() else {
        return;
    };
    let mut moved: Vec<Paragraph> = Vec::new();
    while last.paragraphs.len() > 1 {
        let p = last.paragraphs.last().expect("len > 1");
        let Some(kind) = note_kind(&p.text) else {
            break;
        };
        let p = last.paragraphs.pop().expect("len > 1");
        iv.diagnostics.push(Diagnostic::info(
            "note-after-interview",
            format!(
                "moved out of the last answer ({kind}): '{}'",
                short(&p.text)
            ),
            Some(p.span.clone()),
        ));
        moved.push(p);
    }
    last.span.end = last.paragraphs.last().map_or(last.span.end, |p| p.span.end);
    moved.reverse();
    iv.notes.extend(moved);
}

/// The closing phrase a text starts with, when it is a short thanks.
pub fn closing_thanks(text: &str) -> Option<&'static str> {
    let t = text.trim_start_matches(['¡', '"', '“', '«', '„', '*', '_', ' ']);
    // `Daniel Osei, thank you.`: the name addressed first.
    let lex = lexicon();
    let p = lexicon::starts_with_phrase(&lex.closing_phrases, t).or_else(|| {
        let v = people::names::leading_vocative(t)?;
        lexicon::starts_with_phrase(
            &lex.closing_phrases,
            t[v.len()..].trim_start_matches([',', ' ']),
        )
    })?;
    (text.chars().count() <= 160).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `question_rule` as it was written before the paragraph kept its answer: `prev` read
    /// inside, both persons looked up before any test.
    fn question_rule_before(text: &str, prev: Option<&str>) -> Option<Decision> {
        let lex = lexicon();
        let t = text
            .trim()
            .trim_end_matches(['"', '”', '»', ')', ']', '*', '_', ' ']);
        let opens = text
            .trim_start()
            .trim_start_matches(['*', '_'])
            .starts_with('¿');
        let asks = t.ends_with(['?', '？', '؟']) || greek_asks(t) || japanese_asks(t) || opens;
        if asks {
            let sentences = t
                .split_inclusive(['.', '!', '?'])
                .filter(|s| s.trim().len() > 2)
                .count();
            let you = lexicon::mentions(&lex.second_person, text);
            let me = lexicon::mentions(&lex.first_person, text);
            if !you && me && sentences >= 2 {
                return None;
            }
            if !you && sentences >= 4 && t.chars().count() > 400 {
                return None;
            }
            if prev.is_some_and(|p| p.trim_end().ends_with(':')) {
                return None;
            }
            let ev = if opens {
                "opens with '¿'"
            } else {
                "ends with '?'"
            };
            return Some(Decision::new("question-mark", ev));
        }
        if !t.ends_with(['.', '!', '…', ':', ';', '。', '！', '»', '"', '”'])
            && t.chars().count() <= 200
            && t.split_whitespace().count() >= 4
            && lexicon::mentions(&lex.second_person, text)
        {
            if let Some(p) =
                lexicon::starts_with_phrase(&lex.question_openers, without_lead_in(text))
            {
                return Some(Decision::new(
                    "unpunctuated-question",
                    format!("opens with '{p}' and addresses the interviewee, with no stop at the end ('?' missing)"),
                ));
            }
        }
        if let Some(p) = lexicon::starts_with_phrase(&lex.request_openers, without_lead_in(text)) {
            if text.chars().count() < 400 {
                return Some(Decision::new(
                    "request",
                    format!("a request opening with '{p}'"),
                ));
            }
        }
        None
    }

    #[test]
    fn question_rule_decides_as_before() {
        // Generated paragraphs: sentences of every kind (asking, first and second person,
        // requests, long ones), closed in every way the rule looks at.
        let sentences = [
            "How did you start?",
            "I was born here.",
            "Tell us about the farm",
            "We grew it ourselves!",
            "You said that",
            "¿Cómo empezó usted",
            "Ποιο είναι το σχέδιο;",
            "何かありますか。",
            "Finally, describe your day",
            &"A long stretch of words. ".repeat(20),
        ];
        let ends = ["", "?", "\"", ")", "*", " ", ":", "."];
        let mut texts = vec![String::new()];
        for a in sentences {
            for b in sentences {
                for e in ends {
                    texts.push(format!("{a} {b}{e}"));
                    texts.push(format!("**{a}{e}**"));
                }
            }
        }
        for text in crate::test_corpus::files() {
            texts.extend(text.split("\n\n").map(str::to_string));
            texts.extend(text.lines().map(str::to_string));
        }
        for t in &texts {
            for prev in [
                None,
                Some("They said:"),
                Some("An answer. "),
                Some("Intro: "),
            ] {
                assert_eq!(
                    question_rule(t, prev),
                    question_rule_before(t, prev),
                    "{t:?} after {prev:?}"
                );
            }
            let p = Para {
                text: t.clone(),
                span: 0..t.len(),
                label: None,
                line: 0,
                dash: false,
                doubled: false,
                bold: false,
                asks: Default::default(),
            };
            assert_eq!(
                p.question_rule(Some("Q:")),
                question_rule_before(t, Some("Q:"))
            );
            assert_eq!(p.asks(), question_rule_before(t, None).map(|d| d.rule));
        }
    }
}
