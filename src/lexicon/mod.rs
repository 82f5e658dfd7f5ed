//! Language data: label words, closing phrases, credit prefixes, chrome phrases, month
//! names, titles — for the readers (`read/`) and for inference (`infer/`) alike, which is
//! why it sits beside both rather than inside either.
//!
//! The words live in `lexicon.toml` (compiled in), so the rules stay free of language
//! literals and a language is added by editing data, not code.

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// All language data, lower-cased on load.
#[derive(Debug, Deserialize)]
pub struct Lexicon {
    pub question_labels: Vec<String>,
    pub answer_labels: Vec<String>,
    pub not_labels: Vec<String>,
    pub person_markers: Vec<String>,
    pub courtesy_replies: Vec<String>,
    pub host_welcomes: Vec<String>,
    pub guest_thanks: Vec<String>,
    pub sound_notes: Vec<String>,
    pub editor_note_prefixes: Vec<String>,
    pub closing_phrases: Vec<String>,
    pub credit_prefixes: Vec<String>,
    pub photo_agencies: Vec<String>,
    pub picture_words: Vec<String>,
    pub credit_phrases: Vec<String>,
    pub credit_suffixes: Vec<String>,
    pub caption_positions: Vec<String>,
    pub caption_openers: Vec<String>,
    pub caption_prepositions: Vec<String>,
    pub source_prefixes: Vec<String>,
    pub chrome_lines: Vec<String>,
    pub tail_markers: Vec<String>,
    pub share_words: Vec<String>,
    pub language_names: Vec<String>,
    pub second_person: Vec<String>,
    pub first_person: Vec<String>,
    pub request_openers: Vec<String>,
    pub question_openers: Vec<String>,
    pub alias_words: Vec<String>,
    pub lead_ins: Vec<String>,
    pub generic_you: Vec<String>,
    pub interviewer_phrases: Vec<String>,
    pub byline_prefixes: Vec<String>,
    pub edit_notes: Vec<String>,
    pub bio_verbs: Vec<String>,
    pub author_words: Vec<String>,
    pub interviewee_phrases: Vec<String>,
    pub headline_with: Vec<String>,
    /// Lead phrases after which the person met is named (`We spoke with …`).
    pub lead_met_phrases: Vec<String>,
    /// Lead phrases before which the interviewee is named as subject (`… menerima Tempo`).
    pub lead_subject_phrases: Vec<String>,
    /// Third-person personal pronouns (`she`, `ihn`, `beliau`).
    pub person_pronouns: Vec<String>,
    /// Articles that may open a description before a name (`die Architektin`).
    pub articles: Vec<String>,
    /// Prepositions of place (`in`, `di`, `ở`): a name after one is a place.
    pub place_prepositions: Vec<String>,
    pub titles: Vec<String>,
    /// Honorifics and titles written right after a name in CJK scripts (`さん`, `社長`).
    pub name_suffixes: Vec<String>,
    /// Class or id words of HTML page furniture (`related`, `condividi`, `commenti`).
    pub furniture_classes: Vec<String>,
    /// Lower-case words inside surnames (`van`, `de`, `von`).
    pub name_particles: Vec<String>,
    /// Words that join the parts of an organisation's name (`Voice of America`).
    pub org_joiners: Vec<String>,
    pub address_openers: Vec<String>,
    pub interview_words: Vec<String>,
    pub generic_speakers: Vec<String>,
    /// Weekday names and clock words that sit beside a date (`Senin, … 10:30 WIB`), never
    /// a place.
    pub date_words: Vec<String>,
    /// Openers of the site's promotion lines after the interview (`Subscribe to …`,
    /// `Simak breaking news …`): dropped when they trail the last answer.
    pub promo_openers: Vec<String>,
    /// Words of a publication's or station's name (`Báo …`, `Radio …`, `… News`): a name
    /// that holds one is an outlet, never a person.
    pub outlet_words: Vec<String>,
    /// Verbs by which an outlet says whom it interviewed (`Wikinews interviews X`,
    /// `Wikinews spoke with X`): the one named after them answers.
    pub outlet_verbs: Vec<String>,
    /// Verbs before an outlet's label (`X tells Wikinews`): the one named before them is
    /// interviewed.
    pub tells_outlet_verbs: Vec<String>,
    /// Words after a name that say it conducted the interview (`Hoàng Lan (thực hiện)`).
    pub interviewer_suffixes: Vec<String>,
    /// Last words of a collection's or programme's name (`… Oral History Project`): over
    /// an archive's title block such a line names the collection, not the interview.
    pub collection_words: Vec<String>,
    /// Keys of a title block of `Key: value` lines (`Interviewee:`, `Date:`, `Place:`),
    /// the oral-history archive way: the block is the head, never turns.
    pub title_block_keys: Vec<String>,
    /// Openers of navigation and accessibility links (`Return to …`, `Zurück zur
    /// Startseite`): such a line is never a headline.
    pub nav_phrases: Vec<String>,
    /// Words of a cookie or consent notice: that notice is chrome, not the lead.
    pub consent_words: Vec<String>,
    /// Words or marks after a date that say it is not a Gregorian date (`هـ`, `AH`).
    pub other_calendar_marks: Vec<String>,
    /// Words for a programme's episode (`Episode 42`, `Folge 7`): a title names one.
    pub episode_words: Vec<String>,
    /// Names of Greenwich or universal time after a clock (`GMT`, `UTC`, `غرينتش`).
    pub utc_words: Vec<String>,
    /// Language → twelve entries, each `name|abbr|…`.
    pub months: BTreeMap<String, Vec<String>>,
    /// Common function words of languages the trigram detector does not know.
    pub function_words: BTreeMap<String, Vec<String>>,
}

impl Lexicon {
    /// Every spelling of every month with its number (1–12), longest spelling first so
    /// that `tháng 10` wins over `tháng 1`.
    pub fn month_spellings(&self) -> &[(String, u8)] {
        static SPELLINGS: OnceLock<Vec<(String, u8)>> = OnceLock::new();
        SPELLINGS.get_or_init(|| {
            let mut out: Vec<(String, u8)> = Vec::new();
            // The first month a spelling is listed for keeps it (a set, not a scan of
            // `out` per spelling: that was quadratic in the number of spellings).
            let mut seen: std::collections::HashSet<String> = Default::default();
            for months in self.months.values() {
                for (i, entry) in months.iter().enumerate() {
                    for name in entry.split('|') {
                        let name = name.trim().to_lowercase();
                        if !name.is_empty() && seen.insert(name.clone()) {
                            out.push((name, (i + 1) as u8));
                        }
                    }
                }
            }
            out.sort_by(|a, b| {
                b.0.chars()
                    .count()
                    .cmp(&a.0.chars().count())
                    .then(a.0.cmp(&b.0))
            });
            out
        })
    }
}

/// The compiled-in lexicon. `build.rs` turns `lexicon.toml` into the code that builds
/// it, so no TOML is parsed at start-up (4 M instructions, a third of a millisecond).
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        fn strings(items: &[&str]) -> Vec<String> {
            items.iter().map(|s| s.to_string()).collect()
        }
        fn table(entries: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), strings(v)))
                .collect()
        }
        let mut lex: Lexicon = include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
        lower_lists(&mut lex);
        lex
    })
}

/// Lower-cases the lists that are looked up lower-cased.
fn lower_lists(lex: &mut Lexicon) {
    for list in [
        &mut lex.question_labels,
        &mut lex.answer_labels,
        &mut lex.not_labels,
        &mut lex.editor_note_prefixes,
        &mut lex.closing_phrases,
        &mut lex.credit_prefixes,
        &mut lex.picture_words,
        &mut lex.credit_phrases,
        &mut lex.caption_positions,
        &mut lex.caption_openers,
        &mut lex.caption_prepositions,
        &mut lex.source_prefixes,
        &mut lex.chrome_lines,
        &mut lex.tail_markers,
        &mut lex.share_words,
        &mut lex.language_names,
        &mut lex.second_person,
        &mut lex.first_person,
        &mut lex.request_openers,
        &mut lex.question_openers,
        &mut lex.alias_words,
        &mut lex.lead_ins,
        &mut lex.generic_you,
        &mut lex.interviewer_phrases,
        &mut lex.byline_prefixes,
        &mut lex.edit_notes,
        &mut lex.bio_verbs,
        &mut lex.author_words,
        &mut lex.interviewee_phrases,
        &mut lex.headline_with,
        &mut lex.lead_met_phrases,
        &mut lex.lead_subject_phrases,
        &mut lex.person_pronouns,
        &mut lex.articles,
        &mut lex.place_prepositions,
        &mut lex.titles,
        &mut lex.furniture_classes,
        &mut lex.address_openers,
        &mut lex.interview_words,
        &mut lex.generic_speakers,
        &mut lex.title_block_keys,
        &mut lex.collection_words,
        &mut lex.outlet_words,
        &mut lex.outlet_verbs,
        &mut lex.tells_outlet_verbs,
        &mut lex.interviewer_suffixes,
        &mut lex.nav_phrases,
        &mut lex.consent_words,
        &mut lex.other_calendar_marks,
        &mut lex.episode_words,
        &mut lex.utc_words,
    ] {
        for w in list.iter_mut() {
            // Most entries are lower case already: no copy for them.
            if let std::borrow::Cow::Owned(l) = lower(w) {
                *w = l;
            }
        }
    }
}

/// True when `list` holds `word` (already lower-cased by the caller or not).
pub fn contains(list: &[String], word: &str) -> bool {
    let word = word.trim();
    match compiled(list) {
        // A character lower-cases to at least one character of at most four bytes: a
        // word four times longer than the longest entry is none of them, and is not
        // lower-cased (chrome lines are asked about whole).
        Some(c) if word.len() > 4 * c.longest => false,
        // Nor is a word of more characters than the longest entry has bytes (each
        // character lower-cases to one or more): most lines asked about are longer.
        Some(c) if word.len() > c.longest && word.chars().count() > c.longest => false,
        // Nor is a word whose lower case starts with a byte no entry starts with.
        Some(c)
            if word
                .chars()
                .next()
                .and_then(|ch| ch.to_lowercase().next())
                .is_some_and(|ch| {
                    let mut buf = [0; 4];
                    c.by_first_byte(ch.encode_utf8(&mut buf).as_bytes()[0])
                        .is_empty()
                }) =>
        {
            false
        }
        // Lower-cased into the thread's spare buffer: no copy per call.
        Some(c) => Lowered::new(word).with(|w| c.set().contains(w)),
        None => {
            let w = lower(word);
            list.iter().any(|e| *e == *w)
        }
    }
}

/// `text` lower-cased, borrowed when lower-casing would not change it (most words the
/// readers look up are lower case already), so no copy is made then.
pub fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if is_lower(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

/// True when lower-casing would leave `text` as it is.
fn is_lower(text: &str) -> bool {
    // A character whose lower case is itself; the final-sigma rule concerns `Σ`, which
    // changes anyway.
    let same = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    };
    // ASCII bytes are checked as bytes: the character test is slow.
    if text.is_ascii() {
        !text.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        text.chars().all(|c| {
            if c.is_ascii() {
                !c.is_ascii_uppercase()
            } else {
                same(c)
            }
        })
    }
}

/// The entry of `list` that `text` starts with as whole words, longest first.
pub fn starts_with_phrase<'a>(list: &'a [String], text: &str) -> Option<&'a str> {
    let text = text.trim_start();
    let Some(c) = compiled(list) else {
        return starts_with_phrase_in(list.iter(), &lower(head(text, list)));
    };
    // Only the entries that start with the first byte of the line's lower case can match;
    // most lines have none, and then nothing is lower-cased at all.
    let first = text.chars().next().and_then(|ch| ch.to_lowercase().next());
    let candidates = match first {
        Some(ch) => {
            let mut buf = [0; 4];
            c.by_first_byte(ch.encode_utf8(&mut buf).as_bytes()[0])
        }
        // An empty line starts with the empty entry only.
        None => c.empty(),
    };
    if candidates.is_empty() {
        return None;
    }
    // Only the candidates need to fit in the head: a shorter head, cut at whitespace too,
    // lower-cases to a prefix of the longer one with a character after each candidate.
    let longest = candidates.iter().map(|&i| list[i].len()).max().unwrap_or(0);
    HEAD.with(|cell| {
        let mut buf = cell.borrow_mut();
        buf.clear();
        lower_into(head_of(text, longest), &mut buf);
        starts_with_phrase_in(candidates.iter().map(|&i| &list[i]), &buf)
    })
}

thread_local! {
    /// The lower-cased head of the line `starts_with_phrase` looks at, kept to reuse its
    /// buffer.
    static HEAD: RefCell<String> = RefCell::default();
}

/// The longest of `entries` that `lower` starts with as whole words.
fn starts_with_phrase_in<'a>(
    entries: impl Iterator<Item = &'a String>,
    lower: &str,
) -> Option<&'a str> {
    entries
        .filter(|p| {
            // The cheap test first: most entries differ in their first bytes.
            lower.starts_with(p.as_str()) && {
                // Scripts without spaces (CJK) have no word boundary to check, and neither
                // has a phrase that ends with punctuation (`聞き手：`).
                let spaced = p
                    .chars()
                    .last()
                    .is_some_and(|c| is_word_char(c) && !is_unspaced(c));
                !spaced
                    || lower[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_word_char(c))
            }
        })
        .max_by_key(|p| p.len())
        .map(|s| s.as_str())
}

/// Appends `text` lower-cased to `out`, exactly as `str::to_lowercase` would: character by
/// character, except that a text holding `Σ` (whose lower case depends on its neighbours)
/// goes through `to_lowercase` itself.
pub fn lower_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
    } else if text.contains('Σ') {
        out.push_str(&text.to_lowercase());
    } else {
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// Whether `text` lower-cased (as `str::to_lowercase` gives it) starts with `prefix`;
/// only as much of `text` as the prefix needs is lower-cased, and nothing is copied.
/// (The Greek final sigma is the one character whose lower case depends on its
/// neighbours: `Σ` turns into `σ` or `ς`. Unless the prefix holds either, lower-casing
/// character by character decides the same; if it does, the text is lower-cased whole.)
pub fn lower_starts_with(text: &str, prefix: &str) -> bool {
    if prefix.contains(['σ', 'ς']) && text.contains('Σ') {
        return text.to_lowercase().starts_with(prefix);
    }
    let mut want = prefix.chars();
    for c in text.chars() {
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// True when `text` lower-cased (as `str::to_lowercase` gives it) has as many bytes as
/// `text`, so that byte offsets in one are offsets in the other. (`Σ` lower-cases to
/// `σ` or `ς`, both of its length.)
pub fn lower_keeps_length(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    1
                } else {
                    c.to_lowercase().map(char::len_utf8).sum()
                }
            })
            .sum::<usize>()
            == text.len()
}

/// Whether `text` lower-cased (as `str::to_lowercase` gives it) contains `needle`, an
/// ASCII lower-case text, found without lower-casing a copy: of all characters outside
/// ASCII only the Kelvin sign `K` and `İ` lower-case to something with ASCII in it (`k`,
/// `i̇`), so a text without them holds the needle in lower case exactly where its bytes
/// match it ignoring ASCII case.
pub fn lower_contains(text: &str, needle: &str) -> bool {
    debug_assert!(needle.is_ascii() && !needle.bytes().any(|b| b.is_ascii_uppercase()));
    // (Each looked for by `memchr` on its last byte, not by decoding the text.)
    if !text.is_ascii() && (text.contains('\u{212a}') || text.contains('\u{130}')) {
        return text.to_lowercase().contains(needle);
    }
    let (hay, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    if hay.len() < n.len() {
        return false;
    }
    // Only where the needle's rarest letter stands in either case (found by `memchr`,
    // many bytes at a time) is the rest compared: in `rights reserved` that is the `v`,
    // not the `r` that half the words of a line hold.
    let k = rarest_byte(n);
    let b = n[k];
    memchr::memchr2_iter(
        b,
        b.to_ascii_uppercase(),
        &hay[k..hay.len() - (n.len() - k - 1)],
    )
    .any(|i| hay[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The index of the byte of `needle` (ASCII) least frequent in text, by the order of
/// English letter frequency (other bytes, rarer still, first).
fn rarest_byte(needle: &[u8]) -> usize {
    const RANK: [u8; 256] = {
        let common = b" etaoinshrdlcumwfgypbvkjxqz";
        let mut rank = [0; 256];
        let mut i = 0;
        while i < common.len() {
            rank[common[i] as usize] = (common.len() - i) as u8;
            i += 1;
        }
        rank
    };
    (0..needle.len())
        .min_by_key(|&i| RANK[needle[i] as usize])
        .unwrap_or(0)
}

/// A text lower-cased only when first asked for, into a buffer the thread keeps for reuse:
/// rules that need the lower case of a line only now and then neither copy nor lower-case
/// it on the lines they rule out by cheaper tests.
pub struct Lowered<'t> {
    text: &'t str,
    buf: String,
    done: bool,
}

thread_local! {
    /// Buffers of dropped `Lowered`s, kept for the next ones.
    static SPARE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

impl<'t> Lowered<'t> {
    pub fn new(text: &'t str) -> Self {
        let buf = SPARE.with(|s| s.borrow_mut().pop()).unwrap_or_default();
        Lowered {
            text,
            buf,
            done: false,
        }
    }

    /// The text lower-cased, exactly as `str::to_lowercase` gives it.
    pub fn get(&mut self) -> &str {
        if !self.done {
            self.buf.clear();
            lower_into(self.text, &mut self.buf);
            self.done = true;
        }
        &self.buf
    }

    /// Calls `f` with the lower case, borrowing the text itself when lower-casing would
    /// not change it (most words looked up are lower case already).
    pub fn with<R>(mut self, f: impl FnOnce(&str) -> R) -> R {
        let t = self.text;
        if is_lower(t) {
            f(t)
        } else {
            f(self.get())
        }
    }
}

impl Drop for Lowered<'_> {
    fn drop(&mut self) {
        let buf = std::mem::take(&mut self.buf);
        SPARE.with(|s| {
            let mut s = s.borrow_mut();
            // A few nested at once at most; a long line's buffer is worth keeping.
            if s.len() < 4 && buf.capacity() > 0 {
                s.push(buf);
            }
        });
    }
}

/// The start of `text`, long enough that its lower case holds every entry of `list` and
/// the character after it: a line's head, not the whole line, is lower-cased. Lower-casing
/// is per character except for the Greek final sigma, which looks ahead up to the next
/// character that is neither cased nor case-ignorable; the cut is made at whitespace
/// (neither), so the head lower-cases exactly as the same bytes of the whole line do.
fn head<'t>(text: &'t str, list: &[String]) -> &'t str {
    head_of(text, list.iter().map(String::len).max().unwrap_or(0))
}

/// `head` for a list whose longest entry has `longest` bytes.
fn head_of(text: &str, longest: usize) -> &str {
    // An entry has no more characters than bytes.
    let need = longest + 1;
    let cut = text
        .char_indices()
        .skip(need)
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| i);
    &text[..cut]
}

/// A character inside a word: a letter or digit, or a combining mark that writes a vowel
/// or a sign on one (Devanagari, Bengali, Tamil and the other Indic scripts, Thai,
/// Hebrew points, Arabic harakat, combining accents), or the zero-width joiners Persian and
/// Indic spelling need. `char::is_alphanumeric` alone cuts `मार्च` into pieces.
pub fn is_word_char(c: char) -> bool {
    // Most characters asked about are ASCII, where only letters and digits count.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
            | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
            | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
            | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x0EB1 | 0x0EB4..=0x0EBC
            | 0x0EC8..=0x0ECD | 0x102B..=0x103E | 0x17B4..=0x17D3 | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        // The Indic blocks: whatever is no letter or digit there is a vowel sign, virama
        // or nasal mark, except the danda punctuation.
        || (matches!(c as u32, 0x0900..=0x0DFF)
            && !matches!(c as u32, 0x0964 | 0x0965 | 0x0970 | 0x0DF4))
}

/// True for characters of scripts written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x0E00..=0x0E7F)
}

/// Lower-cased words of `text` (letters, digits, apostrophes, hyphens).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(is_word_char(c) || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// True when any entry of `list` (one or more words) occurs in `text` as whole words.
pub fn mentions(list: &[String], text: &str) -> bool {
    mentioned(list, text, false).is_some()
}

/// The first entry of `list` (in list order) that occurs in `text` as whole words.
pub fn first_mentioned<'a>(list: &'a [String], text: &str) -> Option<&'a str> {
    mentioned(list, text, true).map(|i| list[i].as_str())
}

/// The index of an entry of `list` that occurs in `text` as whole words: the lowest when
/// `lowest`, else whichever is found first (the search stops there).
fn mentioned(list: &[String], text: &str, lowest: bool) -> Option<usize> {
    if list.is_empty() {
        return None;
    }
    // The rules ask about one paragraph with list after list (often two paragraphs in
    // turn): the words of the thread's last two texts are kept, lower-cased and joined by
    // single spaces, so an entry (its words joined the same way) occurs as whole words
    // exactly where it matches from a word's start to a word's end.
    WORDS.with(|cell| {
        let mut cache = cell.borrow_mut();
        let joined = cache.get(text, joined_words);
        let bytes = joined.as_bytes();
        let whole = |s: usize, e: usize| {
            (s == 0 || bytes[s - 1] == b' ') && (e == bytes.len() || bytes[e] == b' ')
        };
        if let Some(ac) = compiled(list).and_then(|c| c.words(joined.len())) {
            let mut found = ac
                .find_overlapping_iter(joined)
                .filter(|m| whole(m.start(), m.end()))
                .map(|m| m.pattern().as_usize());
            return if lowest { found.min() } else { found.next() };
        }
        let ws: Vec<&str> = if joined.is_empty() {
            Vec::new()
        } else {
            joined.split(' ').collect()
        };
        list.iter().position(|entry| {
            let mut parts = entry.split_whitespace();
            let Some(first) = parts.next() else {
                return false;
            };
            let n = 1 + parts.count();
            ws.windows(n).any(|win| {
                win[0] == first
                    && win[1..]
                        .iter()
                        .zip(entry.split_whitespace().skip(1))
                        .all(|(a, b)| *a == b)
            })
        })
    })
}

/// The lower-cased words of `text` (as `words` splits them) joined by single spaces.
fn joined_words(text: &str, out: &mut String) {
    out.clear();
    // ASCII text byte by byte: its word characters are letters and digits, and its
    // lower case is per byte.
    if text.is_ascii() {
        let mut in_word = false;
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' {
                if !in_word && !out.is_empty() {
                    out.push(' ');
                }
                in_word = true;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                in_word = false;
            }
        }
        return;
    }
    for w in text
        .split(|c: char| !(is_word_char(c) || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        lower_into(w, out);
    }
}

/// Every occurrence of every entry of `list` in `text` as `(entry index, start, end)`,
/// just as `text.match_indices(entry)` finds them entry by entry: in list order, each
/// entry's occurrences left to right and not overlapping one another.
pub fn occurrences_in(list: &[String], text: &str) -> Vec<(usize, usize, usize)> {
    if let Some(ac) = compiled(list).and_then(|c| c.raw(text.len())) {
        return apart(ac, list.len(), text);
    }
    let mut out = Vec::new();
    for (p, entry) in list.iter().enumerate() {
        for (i, m) in text.match_indices(entry.as_str()) {
            out.push((p, i, i + m.len()));
        }
    }
    out
}

/// [`occurrences_in`] of the interviewer's phrases and of the interviewee's, in that
/// order, each numbered in its own list: the people rules look for both in the same texts,
/// so once the searches pay for building it (as `occurrences_in` decides for one list),
/// one automaton over both lists reads each text once.
pub fn role_phrase_occurrences(text: &str) -> [Vec<(usize, usize, usize)>; 2] {
    let lex = lexicon();
    let (first, second) = (&lex.interviewer_phrases[..], &lex.interviewee_phrases[..]);
    static BOTH: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    static ASKED: AtomicU64 = AtomicU64::new(0);
    let both = match BOTH.get() {
        Some(built) => built.as_ref(),
        None if worth_building(&ASKED, text.len()) => BOTH
            .get_or_init(|| {
                // An entry in both lists is two patterns, each reported.
                (searchable(first) && searchable(second))
                    .then(|| automaton(&[first, second].concat()).expect("phrase lists build"))
            })
            .as_ref(),
        None => None,
    };
    let Some(both) = both else {
        return [occurrences_in(first, text), occurrences_in(second, text)];
    };
    // In pattern order, so each list's part is in its own order too.
    let split = first.len();
    let mut out = [Vec::new(), Vec::new()];
    for (p, start, end) in apart(both, split + second.len(), text) {
        match p.checked_sub(split) {
            None => out[0].push((p, start, end)),
            Some(q) => out[1].push((q, start, end)),
        }
    }
    out
}

/// The matches of `ac` (over `patterns` patterns) in `text` as [`occurrences_in`] reports
/// them: by pattern, then left to right, a pattern's occurrences apart. One pass finds every
/// occurrence, overlapping ones too; an entry's occurrence that starts inside its previous
/// one is one `match_indices` would skip.
fn apart(ac: &AhoCorasick, patterns: usize, text: &str) -> Vec<(usize, usize, usize)> {
    let mut last_end = vec![0; patterns];
    let mut out = Vec::new();
    for m in ac.find_overlapping_iter(text) {
        let p = m.pattern().as_usize();
        if m.start() >= last_end[p] {
            last_end[p] = m.end();
            out.push((p, m.start(), m.end()));
        }
    }
    out.sort_by_key(|&(p, s, _)| (p, s));
    out
}

/// True when an automaton finds the occurrences of `list`'s entries as `match_indices`
/// does: no entry is empty or repeated (either would be reported differently).
fn searchable(list: &[String]) -> bool {
    let mut seen = HashSet::new();
    list.iter().all(|e| !e.is_empty() && seen.insert(e))
}

/// True when every entry of `list` is non-empty and its own lower case (as `lower` gives
/// it); worked out once for a list of the lexicon.
pub fn plain_lower(list: &[String]) -> bool {
    let check = |l: &[String]| l.iter().all(|e| !e.is_empty() && lower(e) == e.as_str());
    match compiled(list) {
        Some(c) => *c.plain_lower.get_or_init(|| check(c.list)),
        None => check(list),
    }
}

/// Calls `f` with `text` lower-cased. The last two texts lower-cased on this thread are
/// kept (compared by content), as the people and lead rules look for phrase after phrase
/// in one text, sometimes in two in turn.
pub fn with_lower<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    LOWER.with(|cell| {
        let mut cache = cell.borrow_mut();
        f(cache.get(text, |t, out| {
            out.clear();
            lower_into(t, out);
        }))
    })
}

thread_local! {
    static WORDS: RefCell<TwoTexts> = RefCell::default();
    static LOWER: RefCell<TwoTexts> = RefCell::default();
}

/// A text → derived text cache of the thread's last two texts, reusing its buffers.
#[derive(Default)]
struct TwoTexts {
    slots: [(String, String); 2],
    /// The slot written last.
    newest: usize,
}

impl TwoTexts {
    fn get(&mut self, text: &str, derive: impl FnOnce(&str, &mut String)) -> &str {
        let i = if self.slots[self.newest].0 == text {
            self.newest
        } else if self.slots[1 - self.newest].0 == text {
            1 - self.newest
        } else {
            let i = 1 - self.newest;
            let (key, value) = &mut self.slots[i];
            key.clear();
            key.push_str(text);
            derive(text, value);
            self.newest = i;
            i
        };
        &self.slots[i].1
    }
}

/// What is built once per list of the lexicon, on first use: the searches over it.
struct Compiled {
    list: &'static [String],
    /// Bytes of the longest entry.
    longest: usize,
    /// Entry indices by the entry's first byte (`starts_with_phrase`).
    first_bytes: OnceLock<Vec<Vec<usize>>>,
    /// The entries as they are (`occurrences_in`); `None` when an entry is empty or
    /// repeated, which the automaton would report differently from `match_indices`.
    raw: OnceLock<Option<AhoCorasick>>,
    /// Work asked of `raw` so far (see `worth_building`).
    raw_asked: AtomicU64,
    /// The entries' words joined by single spaces (`mentions`).
    words: OnceLock<Option<AhoCorasick>>,
    /// Work asked of `words` so far.
    words_asked: AtomicU64,
    /// The entries as a set (`contains`).
    set: OnceLock<HashSet<&'static str>>,
    /// Every entry non-empty and its own lower case (`plain_lower`).
    plain_lower: OnceLock<bool>,
}

impl Compiled {
    /// Entry indices by first byte, and at 256 the empty entries (in every bucket too,
    /// as the empty entry starts every line).
    fn buckets(&self) -> &[Vec<usize>] {
        self.first_bytes.get_or_init(|| {
            let mut by = vec![Vec::new(); 257];
            for (i, e) in self.list.iter().enumerate() {
                by[e.as_bytes().first().map_or(256, |&b| b as usize)].push(i);
            }
            let empty = by[256].clone();
            for bucket in by.iter_mut().take(256) {
                bucket.extend(&empty);
                bucket.sort_unstable();
            }
            by
        })
    }

    fn by_first_byte(&self, b: u8) -> &[usize] {
        &self.buckets()[b as usize]
    }

    fn empty(&self) -> &[usize] {
        &self.buckets()[256]
    }

    /// The automaton for a search of a text of `len` bytes, once it pays.
    fn raw(&self, len: usize) -> Option<&AhoCorasick> {
        if !worth_building(&self.raw_asked, len) {
            return None;
        }
        self.raw
            .get_or_init(|| {
                searchable(self.list).then(|| automaton(self.list).expect("a phrase list builds"))
            })
            .as_ref()
    }

    /// The automaton for a search of a text of `len` bytes, once it pays.
    fn words(&self, len: usize) -> Option<&AhoCorasick> {
        if !worth_building(&self.words_asked, len) {
            return None;
        }
        self.words
            .get_or_init(|| {
                // An entry without words matches nothing: it becomes a pattern no joined
                // text holds (a lone space), keeping pattern numbers equal to entry indices.
                let patterns: Vec<String> = self
                    .list
                    .iter()
                    .map(|e| {
                        let w: Vec<&str> = e.split_whitespace().collect();
                        if w.is_empty() {
                            " ".to_string()
                        } else {
                            w.join(" ")
                        }
                    })
                    .collect();
                automaton(&patterns).ok()
            })
            .as_ref()
    }

    fn set(&self) -> &HashSet<&'static str> {
        self.set
            .get_or_init(|| self.list.iter().map(String::as_str).collect())
    }
}

/// Work done directly on a list before its automaton is built, in bytes searched per
/// entry with `SEARCH_START` for each search: building one costs about as much as some
/// a dozen direct searches of a paragraph, or one of a long text, and a one-file run
/// asks little of most lists (the answers are the same either way).
const BUILD_AFTER: u64 = 16 * SEARCH_START;

/// What starting one direct search costs, in bytes searched.
const SEARCH_START: u64 = 600;

/// Counts one more search of a list, of a text of `len` bytes; true once the searches
/// asked so far, this one included, add up to `BUILD_AFTER`.
fn worth_building(asked: &AtomicU64, len: usize) -> bool {
    let work = SEARCH_START + len as u64;
    asked.load(Ordering::Relaxed) >= BUILD_AFTER
        || asked.fetch_add(work, Ordering::Relaxed) + work >= BUILD_AFTER
}

/// An automaton over `patterns`, reporting every match (overlapping ones too). A
/// contiguous NFA: quick to build (a DFA over a long list costs millions of instructions
/// at start-up) and about as quick to search texts of a few pages.
pub(crate) fn automaton<P: AsRef<[u8]>>(
    patterns: &[P],
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(patterns)
}

/// The searches of `list` when it is one of the lexicon's lists (the very slice, not a
/// copy or a part), built once; `None` for any other list, which is searched directly.
fn compiled(list: &[String]) -> Option<&'static Compiled> {
    static ALL: OnceLock<Vec<(usize, Compiled)>> = OnceLock::new();
    if list.is_empty() {
        return None;
    }
    let all = ALL.get_or_init(|| {
        let lex = lexicon();
        let lists: Vec<&'static [String]> = include!(concat!(env!("OUT_DIR"), "/lexicon_lists.rs"))
            .into_iter()
            .filter(|l: &&[String]| !l.is_empty())
            .collect();
        let mut all: Vec<(usize, Compiled)> = lists
            .into_iter()
            .map(|l| {
                (
                    l.as_ptr() as usize,
                    Compiled {
                        list: l,
                        longest: l.iter().map(String::len).max().unwrap_or(0),
                        first_bytes: OnceLock::new(),
                        raw: OnceLock::new(),
                        raw_asked: AtomicU64::new(0),
                        words: OnceLock::new(),
                        words_asked: AtomicU64::new(0),
                        set: OnceLock::new(),
                        plain_lower: OnceLock::new(),
                    },
                )
            })
            .collect();
        all.sort_by_key(|(p, _)| *p);
        all
    });
    let at = all
        .binary_search_by_key(&(list.as_ptr() as usize), |(p, _)| *p)
        .ok()?;
    let c = &all[at].1;
    (c.list.len() == list.len()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_vowel_signs() {
        assert_eq!(
            words("मार्च 2024, रमेश यादव।"),
            ["मार्च", "2024", "रमेश", "यादव"]
        );
        assert_eq!(words("முருகன் செல்வம்."), ["முருகன்", "செல்வம்"]);
        assert_eq!(words("สมชาย วงศ์ใหญ่"), ["สมชาย", "วงศ์ใหญ่"]);
        assert!(!is_word_char('।') && !is_word_char(' ') && is_word_char('\u{94d}'));
    }

    #[test]
    fn generated_lexicon_is_the_toml_file() {
        // build.rs writes the code that builds the lexicon; parsing the file the way
        // serde reads it must give the same data.
        let mut parsed: Lexicon = toml::from_str(include_str!("lexicon.toml")).unwrap();
        lower_lists(&mut parsed);
        assert_eq!(format!("{parsed:?}"), format!("{:?}", lexicon()));
    }

    #[test]
    fn lexicon_loads_and_has_every_month() {
        let lex = lexicon();
        for (lang, months) in &lex.months {
            assert_eq!(months.len(), 12, "{lang} needs twelve months");
        }
        assert!(contains(&lex.question_labels, "Wartawan"));
        let sp = lex.month_spellings();
        let t10 = sp.iter().position(|(n, _)| n == "tháng 10").unwrap();
        let t1 = sp.iter().position(|(n, _)| n == "tháng 1").unwrap();
        assert!(t10 < t1);
    }

    #[test]
    fn compiled_lists_answer_as_plain_lists() {
        // A copy of a list is not the lexicon's, so it takes the direct path: both paths
        // must agree on texts made of the lists' own entries, cased and cut differently.
        let lex = lexicon();
        let lists: Vec<&'static [String]> =
            include!(concat!(env!("OUT_DIR"), "/lexicon_lists.rs")).into();
        let mut texts = vec![String::new(), "İstanbul ΣΟΦΟΣ ends".to_string()];
        for list in &lists {
            for e in list.iter().take(6) {
                texts.push(e.to_string());
                texts.push(format!("Well, {} and {e}x {e}: more", e.to_uppercase()));
                texts.push(format!("{e}{e} -{e}- {e}"));
            }
            // An entry that overlaps itself ("www" in "wwww"): an automaton finds both
            // occurrences, `match_indices` the first only.
            for e in list.iter() {
                let chars: Vec<char> = e.chars().collect();
                if let Some(k) = (1..chars.len()).find(|&k| chars[..k] == chars[chars.len() - k..])
                {
                    let rest: String = chars[k..].iter().collect();
                    texts.push(format!("{e}{rest} {e}"));
                }
            }
        }
        for list in lists {
            let copy = list.to_vec();
            assert!(compiled(list).is_some() || list.is_empty());
            assert!(compiled(&copy).is_none());
            for t in &texts {
                assert_eq!(first_mentioned(list, t), first_mentioned(&copy, t), "{t}");
                assert_eq!(mentions(list, t), mentions(&copy, t), "{t}");
                assert_eq!(
                    starts_with_phrase(list, t),
                    starts_with_phrase(&copy, t),
                    "{t}"
                );
                assert_eq!(contains(list, t), contains(&copy, t), "{t}");
                let lt = t.to_lowercase();
                assert_eq!(occurrences_in(list, &lt), occurrences_in(&copy, &lt), "{t}");
            }
        }
    }

    #[test]
    fn joined_words_are_the_words() {
        // `joined_words` reads ASCII byte by byte; `words` splits by characters.
        for t in [
            "",
            "  Don't stop-me, NOW!! 42x\tand\x0bthen -- 'q' ",
            "Hello, World. it's A-OK; 3 x 4 = 12",
            "--'x'' a-b",
            "Ο ΣΟΦΟΣ λέει: «ΟΔΟΣ» — İstanbul’un ǅemal ß",
            "Đại sứ KNAPPER nói: “Xin chào”",
        ]
        .into_iter()
        .map(str::to_string)
        .chain(
            lexicon()
                .interviewer_phrases
                .iter()
                .map(|e| format!("{}, {e}! ({e})", e.to_uppercase())),
        ) {
            let t = t.as_str();
            let mut joined = String::new();
            joined_words(t, &mut joined);
            assert_eq!(joined, words(t).join(" "), "{t:?}");
        }
    }

    /// Every Unicode scalar value.
    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    #[test]
    fn lower_case_facts_the_shortcuts_rest_on() {
        // What `lower_contains`, `contains` and the chrome rules assume of
        // `char::to_lowercase`, checked over every character of this Rust's tables.
        for c in all_chars() {
            let l: Vec<char> = c.to_lowercase().collect();
            let ls: String = l.iter().collect();
            // Only ASCII, the Kelvin sign and `İ` lower-case to anything with ASCII.
            if !c.is_ascii() && c != '\u{212a}' && c != '\u{130}' {
                assert!(l.iter().all(|x| !x.is_ascii()), "{c:?}");
            }
            // Lower case is its own lower case, keeps whitespace and numerals as they are
            // (at both ends of the lower case too), and makes `©` only of itself.
            assert_eq!(ls.to_lowercase(), ls, "{c:?}");
            assert_eq!(
                l.iter().any(|x| x.is_whitespace()),
                c.is_whitespace(),
                "{c:?}"
            );
            assert_eq!(l[0].is_whitespace(), c.is_whitespace(), "{c:?}");
            assert_eq!(l.iter().any(|x| x.is_numeric()), c.is_numeric(), "{c:?}");
            assert_eq!(l[0].is_numeric(), c.is_numeric(), "{c:?}");
            assert_eq!(l.contains(&'©'), c == '©', "{c:?}");
        }
    }

    #[test]
    fn lower_case_helpers_answer_as_to_lowercase() {
        let mut texts = crate::test_corpus::lines();
        texts.extend(crate::test_corpus::tricky_lines());
        texts.extend(all_chars().step_by(7).map(|c| format!("A{c}Σ {c}b")));
        let needles = [
            "skip to ",
            "copyright",
            "copyright ©",
            "rights reserved",
            "i",
            "k",
            "ki",
            "©",
            "",
            "read more",
            "foto",
            "ảnh",
            "σοφ",
            "σοφος",
            "σοφοσ",
            "σοφος ",
        ];
        let mut buf = String::new();
        for t in &texts {
            let want = t.to_lowercase();
            buf.clear();
            lower_into(t, &mut buf);
            assert_eq!(buf, want, "{t:?}");
            assert_eq!(Lowered::new(t).get(), want, "{t:?}");
            assert_eq!(Lowered::new(t).with(str::to_string), want, "{t:?}");
            assert_eq!(lower_keeps_length(t), want.len() == t.len(), "{t:?}");
            for n in needles {
                assert_eq!(lower_starts_with(t, n), want.starts_with(n), "{t:?} {n:?}");
                if n.is_ascii() {
                    assert_eq!(lower_contains(t, n), want.contains(n), "{t:?} {n:?}");
                }
            }
        }
    }

    #[test]
    fn phrases_match_whole_words() {
        let lex = lexicon();
        assert_eq!(
            starts_with_phrase(&lex.closing_phrases, "Thank you very much!"),
            Some("thank you very much")
        );
        assert_eq!(
            starts_with_phrase(&lex.closing_phrases, "Thanksgiving is near"),
            None
        );
        assert!(mentions(&lex.second_person, "What do you think?"));
        assert!(!mentions(&lex.second_person, "What do youth think?"));
    }
}
