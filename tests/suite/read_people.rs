//! Names from evidence: how the questions or the closing address the interviewee
//! (`Frau Obermoser, …`, `…, Bu Sri!`, `Thưa ông Lực, …`), matched against the fuller
//! name a caption, the lead or the title block prints. No match, no name (and a warning).

use colloquy::model::{Interview, Provenance, Role};
use colloquy::read::{decode, read};

fn load(path: &str) -> (Interview, String) {
    let text = decode(path, &std::fs::read(path).unwrap()).unwrap();
    let iv = read(path, &text).unwrap_or_else(|e| panic!("{e}"));
    (iv, text)
}

fn interviewees(iv: &Interview) -> Vec<String> {
    iv.people_with_role(Role::Interviewee)
        .map(|p| p.name.value.clone())
        .collect()
}

/// The name's provenance points at the name as printed in the text.
fn assert_sourced(iv: &Interview, text: &str) {
    for p in &iv.people {
        match &p.name.provenance {
            Provenance::Text { span } => assert_eq!(&text[span.clone()], p.name.value),
            other => panic!("{} not from the text: {other:?}", p.name.value),
        }
    }
}

#[test]
fn title_and_surname_inside_a_question_find_the_caption_name_de() {
    let (iv, text) = load("tests/fixtures/read/address_title_de.txt");
    // The caption opens with a job noun (`Imkermeister`); German capitalises nouns, so a
    // capital letter does not make it part of the name.
    assert_eq!(interviewees(&iv), ["Jonas Brandauer"]);
    assert_eq!(iv.exchanges().len(), 3);
    assert_sourced(&iv, &text);
}

#[test]
fn leading_title_address_and_a_job_word_printed_lower_case_elsewhere_en() {
    let (iv, text) = load("tests/fixtures/read/address_title_en.txt");
    assert_eq!(interviewees(&iv), ["Nadia Okonkwo"]);
    assert_eq!(
        iv.exchanges()[0].question.text(),
        "Ms Okonkwo, how did the book begin?"
    );
    assert_sourced(&iv, &text);
}

#[test]
fn short_title_and_given_name_in_the_thanks_id() {
    let (iv, text) = load("tests/fixtures/read/address_title_id.txt");
    assert_eq!(interviewees(&iv), ["Sri Wahyuni"]);
    assert_eq!(iv.exchanges().len(), 2);
    assert!(iv.closing.is_some());
    assert_sourced(&iv, &text);
}

#[test]
fn address_after_a_vocative_particle_vi() {
    let (iv, text) = load("tests/fixtures/read/address_title_vi.txt");
    assert_eq!(interviewees(&iv), ["Trần Văn Lực"]);
    assert_sourced(&iv, &text);
}

#[test]
fn an_address_no_caption_matches_gives_no_name_fr() {
    let (iv, _) = load("tests/fixtures/read/address_unknown_fr.txt");
    // `Madame Garnier` is only a surname: no full name is printed, so none is made up.
    assert!(interviewees(&iv).is_empty());
    assert!(iv
        .diagnostics
        .iter()
        .any(|d| d.code == "no-interviewee-name"));
    assert_eq!(iv.exchanges().len(), 2);
}

/// The info diagnostic that says why the person was taken.
fn why(iv: &Interview, name: &str) -> String {
    iv.diagnostics
        .iter()
        .find(|d| d.code == "person" && d.message.contains(name))
        .map(|d| d.message.clone())
        .unwrap_or_else(|| panic!("no person diagnostic for {name}"))
}

#[test]
fn the_lead_names_the_interviewee_beside_an_interview_verb() {
    for (file, name, phrase) in [
        // Subject before the verb, past the title and its portfolio.
        ("lead_verb_id.txt", "Rahmat Hidayat Siregar", "menerima"),
        ("lead_verb_vi.txt", "Trần Quốc Hưng", "trả lời phỏng vấn"),
        // The person after the verb, past an article and a description.
        ("lead_verb_de.txt", "Mira Kessler", "Wir trafen"),
        ("lead_verb_es.txt", "Lucía Méndez", "Hablamos con"),
    ] {
        let (iv, text) = load(&format!("tests/fixtures/read/{file}"));
        assert_eq!(interviewees(&iv), [name], "{file}");
        assert_eq!(iv.exchanges().len(), 2, "{file}");
        assert!(
            why(&iv, name).contains(phrase),
            "{file}: {}",
            why(&iv, name)
        );
        assert_sourced(&iv, &text);
        // Every answer is the named person's.
        for t in iv.turns.iter().filter(|t| t.role == Role::Interviewee) {
            assert_eq!(
                t.speaker.map(|p| iv.people[p].name.value.as_str()),
                Some(name)
            );
        }
    }
}

#[test]
fn the_name_that_opens_the_lead_is_the_interviewee_when_the_questions_say_you() {
    for (file, name) in [
        ("lead_subject_en.txt", "Samir Haddad"),
        ("lead_subject_asked_en.txt", "Ingrid Solberg"),
        // `Notre journaliste Marc Leroy` asks: a newsroom word before a name keeps it out.
        ("lead_subject_fr.txt", "Claire Dumas"),
        // Questions without a pronoun (`¿Cómo llegó…?`), but `Conversamos con ella`.
        ("teaser_lead_es.txt", "Rosa Quintana"),
    ] {
        let (iv, text) = load(&format!("tests/fixtures/read/{file}"));
        assert_eq!(interviewees(&iv), [name], "{file}");
        assert!(why(&iv, name).contains("opens the lead"), "{file}");
        assert_sourced(&iv, &text);
    }
}

#[test]
fn a_newsroom_word_before_a_name_in_a_lead_about_the_interview_names_the_interviewer_fr() {
    let (iv, text) = load("tests/fixtures/read/lead_subject_fr.txt");
    let asks: Vec<&str> = iv
        .people_with_role(Role::Interviewer)
        .map(|p| p.name.value.as_str())
        .collect();
    assert_eq!(asks, ["Marc Leroy"]);
    assert!(why(&iv, "Marc Leroy").contains("journaliste"));
    assert_sourced(&iv, &text);
}

#[test]
fn a_lead_with_several_people_or_a_passing_mention_names_no_interviewee() {
    for file in [
        "lead_several_en.txt",
        "lead_passing_en.txt",
        // `Jane Roe, a reporter for the Gazette, …`: the one who asks.
        "lead_reporter_en.txt",
        // `New York has changed…` is also `in New York`: a place, not a person.
        "lead_place_en.txt",
        // `Tom Price spoke with the council`, `menerima penghargaan`: the verb is not
        // about the press, so its subject was not interviewed.
        "lead_passing_verb_en.txt",
        "lead_passing_id.txt",
    ] {
        let (iv, _) = load(&format!("tests/fixtures/read/{file}"));
        assert!(
            interviewees(&iv).is_empty(),
            "{file}: {:?}",
            interviewees(&iv)
        );
        assert_eq!(iv.exchanges().len(), 2, "{file}");
        assert!(
            iv.diagnostics
                .iter()
                .any(|d| d.code == "no-interviewee-name"),
            "{file}"
        );
    }
}

#[test]
fn an_interview_headline_that_is_a_title_cased_slogan_names_no_one() {
    // `Wawancara: Nelayan Kecil Harus Dilindungi` stands alone and the text never names
    // it again: a title, not a person. The lead's subject is the interviewee.
    let (iv, _) = load("tests/fixtures/read/lead_verb_id.txt");
    assert!(!interviewees(&iv).iter().any(|n| n.contains("Nelayan")));
}

#[test]
fn an_interview_credit_line_apart_from_the_headline_names_the_interviewer_de() {
    // `Interview: Markus Weber` below the headline and teaser, or after the last answer,
    // is the credit; as the headline itself the same form names the interviewee
    // (`byline_q_dot_en.txt` in read_shapes).
    for file in ["credit_top_de.txt", "credit_end_de.txt"] {
        let (iv, text) = load(&format!("tests/fixtures/read/{file}"));
        let asks: Vec<&str> = iv
            .people_with_role(Role::Interviewer)
            .map(|p| p.name.value.as_str())
            .collect();
        assert_eq!(asks, ["Markus Weber"], "{file}");
        assert_eq!(interviewees(&iv), ["Anna Berg"], "{file}");
        assert_eq!(iv.exchanges().len(), 2, "{file}");
        assert!(why(&iv, "Markus Weber").contains("credit line"), "{file}");
        // The credit is no part of the last answer.
        let last = iv
            .exchanges()
            .last()
            .unwrap()
            .answers
            .last()
            .unwrap()
            .text();
        assert!(!last.contains("Markus Weber"), "{file}");
        assert_sourced(&iv, &text);
    }
}
