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
