//! Language detection, used only when nothing else says the language.
//!
//! whatlang's trigram detector runs on the turns (the interview itself, not the site
//! chrome around it) and its ISO 639-3 code is mapped to the BCP 47 primary tag (ISO
//! 639-1 where one exists). The result is marked `Inferred` with the detector's confidence.

use crate::model::{Diagnostic, Interview, Provenance, Sourced};

/// Sets `meta.language` from the text when it is not set.
pub fn infer(interview: &mut Interview, text: &str) {
    if interview.meta.language.is_some() {
        return;
    }
    let mut sample = String::new();
    for t in interview.turns.iter().chain(interview.closing.iter()) {
        for p in &t.paragraphs {
            sample.push_str(&p.text);
            sample.push('\n');
        }
        if sample.len() > 20_000 {
            break;
        }
    }
    let mut from_turns = sample.trim().len() >= 40;
    if !from_turns {
        sample = text.to_string();
    }
    let (mut detected, mut read) = if from_turns {
        detect_turns(&sample)
    } else {
        (whatlang::detect(&sample), sample.chars().count())
    };
    // A few short turns (a greeting and its reply) say too little: the text around them
    // (the lead, then the page) is in the same language far more often than not.
    if from_turns && !detected.as_ref().is_some_and(|i| i.is_reliable()) {
        let whole = whatlang::detect(text);
        if whole.as_ref().is_some_and(|i| i.is_reliable()) {
            sample = text.to_string();
            from_turns = false;
            detected = whole;
            read = sample.chars().count();
        }
    }
    let Some(info) = detected else {
        interview.diagnostics.push(Diagnostic::warning(
            "no-language",
            "could not tell the language; pass --lang",
            None,
        ));
        return;
    };
    if !info.is_reliable() {
        if let Some((tag, share)) = by_function_words(&sample) {
            interview.meta.language = Some(Sourced::new(
                tag.clone(),
                Provenance::Inferred {
                    how: format!(
                        "{:.0}% of the words are function words of '{tag}' (whatlang, which does not know it, guessed {} unreliably)",
                        share * 100.0,
                        info.lang().eng_name()
                    ),
                    confidence: share as f32,
                },
            ));
            return;
        }
    }
    let code3 = info.lang().code();
    let tag = bcp47(code3).unwrap_or(code3).to_string();
    let of = sample.chars().count();
    let how = format!(
        "whatlang trigrams on {} ({}): {} ({}), {}",
        if from_turns {
            "the turns"
        } else {
            "the whole text"
        },
        if read < of {
            format!("the first {read} of {of} characters")
        } else {
            format!("{of} characters")
        },
        info.lang().eng_name(),
        code3,
        if info.is_reliable() {
            "reliable"
        } else {
            "not reliable"
        }
    );
    if !info.is_reliable() {
        interview.diagnostics.push(Diagnostic::warning(
            "language-uncertain",
            format!("language guessed as '{tag}' with low confidence; pass --lang to be sure"),
            None,
        ));
    }
    interview.meta.language = Some(Sourced::new(
        tag,
        Provenance::Inferred {
            how,
            confidence: info.confidence() as f32,
        },
    ));
}

/// How many characters of the turns whatlang reads first. Its trigram and alphabet counts
/// cost 450 (English) to 800 (the corpus's mix of languages) instructions a character,
/// and a clear answer does not need many: on the corpus (62 samples of turns), every
/// 1 000-character window, taken every 250 characters, gave the language of the whole
/// sample, and all 498 were reliable. The rest is read only when the first look leaves the
/// detector unsure. (The whole text of a page is always read whole: its first characters
/// are often the site's menus, not the interview.)
const FIRST_LOOK: usize = 1_000;

/// whatlang's answer on the turns' `sample`, and how many characters it read for it: the
/// first [`FIRST_LOOK`] when they give a reliable answer, else all of them.
fn detect_turns(sample: &str) -> (Option<whatlang::Info>, usize) {
    if let Some((cut, _)) = sample.char_indices().nth(FIRST_LOOK) {
        // End at a space near the cut, so no word is cut into trigrams the language does
        // not have (scripts written without spaces are cut where they are).
        let head = match sample[..cut].rfind(char::is_whitespace) {
            Some(space) if cut - space < 64 => &sample[..space],
            _ => &sample[..cut],
        };
        if let Some(info) = whatlang::detect(head).filter(whatlang::Info::is_reliable) {
            return (Some(info), head.chars().count());
        }
    }
    (whatlang::detect(sample), sample.chars().count())
}

/// The language of the lexicon's function-word lists that covers a quarter or more of the
/// words of `sample`, with its share.
fn by_function_words(sample: &str) -> Option<(String, f64)> {
    let words = crate::lexicon::words(sample);
    if words.len() < 20 {
        return None;
    }
    crate::lexicon::lexicon()
        .function_words
        .iter()
        .map(|(tag, list)| {
            let hits = words.iter().filter(|w| list.contains(w)).count();
            (tag.clone(), hits as f64 / words.len() as f64)
        })
        .filter(|(_, share)| *share >= 0.25)
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// ISO 639-3 (as whatlang names languages) → the shortest BCP 47 tag.
pub fn bcp47(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The archive keeps every interview it is given, and the people who \
        work there read each one before it is filed, because a record that names the wrong \
        speaker is worse than no record at all. ";

    #[test]
    fn clear_turns_are_judged_on_their_first_characters() {
        let sample = PROSE.repeat(20);
        let (info, read) = detect_turns(&sample);
        assert_eq!(info.unwrap().lang(), whatlang::Lang::Eng);
        assert!(read <= FIRST_LOOK && read > FIRST_LOOK - 64, "{read}");
        // The first look ends between words.
        let head: String = sample.chars().take(read).collect();
        assert!(sample[head.len()..].starts_with(char::is_whitespace));
    }

    #[test]
    fn turns_the_first_look_cannot_judge_are_read_whole() {
        // Timecodes first (no language in them), the words later.
        let sample = format!("{}{}", "00:01:02 ".repeat(150), PROSE.repeat(8));
        let (info, read) = detect_turns(&sample);
        assert_eq!(info.unwrap().lang(), whatlang::Lang::Eng);
        assert_eq!(read, sample.chars().count());
        // Short turns are read whole at once.
        assert_eq!(detect_turns(PROSE).1, PROSE.chars().count());
    }

    #[test]
    fn every_whatlang_language_has_a_short_tag() {
        for l in whatlang::Lang::all() {
            assert!(bcp47(l.code()).is_some(), "{}", l.code());
        }
    }
}
