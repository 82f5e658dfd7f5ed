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
    let mut detected = whatlang::detect(&sample);
    // A few short turns (a greeting and its reply) say too little: the text around them
    // (the lead, then the page) is in the same language far more often than not.
    if from_turns && !detected.as_ref().is_some_and(|i| i.is_reliable()) {
        let whole = whatlang::detect(text);
        if whole.as_ref().is_some_and(|i| i.is_reliable()) {
            sample = text.to_string();
            from_turns = false;
            detected = whole;
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
    let how = format!(
        "whatlang trigrams on {} ({} characters): {} ({}), {}",
        if from_turns {
            "the turns"
        } else {
            "the whole text"
        },
        sample.chars().count(),
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

    #[test]
    fn every_whatlang_language_has_a_short_tag() {
        for l in whatlang::Lang::all() {
            assert!(bcp47(l.code()).is_some(), "{}", l.code());
        }
    }
}
