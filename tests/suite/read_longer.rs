//! The reader on longer interviews we wrote (tests/fixtures/read/long_*), each with site
//! chrome before and after: labels only on a turn's first paragraph, headlines that quote
//! the interviewee after a colon, outlet labels, "read also" lines inside answers, photo
//! rows of scraped pages, and a podcast transcript with time stamps and name lines.

use colloquy::model::{Interview, Role};

use crate::reading::{self, date, headline, names, qa};

fn load(name: &str) -> Interview {
    reading::fixture(name).0
}

fn all_text(iv: &Interview) -> String {
    iv.turns.iter().map(|t| t.text() + "\n").collect()
}

#[test]
fn quoted_headline_after_a_colon_is_not_a_turn_and_answers_run_on_unlabelled() {
    let iv = load("long_first_label_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].0, "When did you first go up on the glacier?");
    // `A:` only on the first paragraph: the next two paragraphs are the same answer.
    assert_eq!(ex[0].1.split("\n\n").count(), 3);
    assert!(ex[2].1.starts_with("Of course. Who wouldn't?"));
    assert!(ex[2].1.ends_with("I hand things over."));
    assert_eq!(
        headline(&iv),
        Some("The Glacier Keeper: \"We measure what we are losing\"")
    );
    assert_eq!(date(&iv), Some("2023-06-14"));
    // The headline's `The Glacier Keeper:` names no one.
    assert!(names(&iv, Role::Interviewee).is_empty());
    assert_eq!(iv.lead.len(), 1);
    assert!(iv.diagnostics.iter().any(|d| d.code == "label-is-headline"));
    assert!(!all_text(&iv).contains("Share this") && !all_text(&iv).contains("Facebook"));
}

#[test]
fn outlet_label_asks_surname_label_answers_and_the_edit_note_leaves_the_last_answer() {
    let iv = load("long_surname_labels_en.md");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 4);
    assert_eq!(
        ex[0].0,
        "You left the bench for a job most judges would consider a step down. Why?"
    );
    // A statement put to the interviewee is still the outlet's question.
    assert_eq!(ex[2].0, "Critics say legal aid is a bottomless pit.");
    assert!(ex[3].1.starts_with("A grandmother who lost her house"));
    assert!(!ex[3].1.contains("edited"), "{}", ex[3].1);
    assert_eq!(iv.notes.len(), 1);
    // `JANE DOE:` then `DOE:`: one person; the outlet is not a person.
    assert_eq!(names(&iv, Role::Interviewee), ["Margaret Okafor"]);
    assert!(names(&iv, Role::Interviewer).is_empty());
    let okafor = iv.people_with_role(Role::Interviewee).next().unwrap();
    assert_eq!(okafor.labels, ["MARGARET OKAFOR", "OKAFOR"]);
    // The Markdown heading is the headline, not the breadcrumb links above it.
    assert_eq!(
        headline(&iv),
        Some("\"Courts are not a luxury\": a conversation with Margaret Okafor")
    );
    assert_eq!(date(&iv), Some("2021-03-03"));
}

#[test]
fn intro_that_quotes_a_question_is_lead_and_the_questions_follow_unlabelled() {
    let iv = load("long_intro_quote_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 4);
    assert_eq!(ex[0].0, "How did the bakery start?");
    assert!(ex[1].1.contains("What would be left? Only the name."));
    assert_eq!(
        ex[3].1,
        "Start small and stay honest. And learn to sleep in the afternoon."
    );
    assert_eq!(iv.lead.len(), 3);
    assert!(iv.lead[1]
        .text
        .contains("\"They asked me, 'What is your price?'\""));
    assert_eq!(names(&iv, Role::Interviewer), ["Laura Finch"]);
    assert_eq!(date(&iv), Some("2022-09-21"));
    assert!(!all_text(&iv).contains("Bakeries face"));
}

#[test]
fn read_also_lines_inside_answers_are_dropped_in_five_languages() {
    // (file, exchanges, a related-article title that must not be in any turn)
    for (file, n, related) in [
        ("long_baca_juga_id.txt", 3, "Nelayan Demak Tolak"),
        ("long_baca_juga_id.txt", 3, "Harga Ikan di Pasar"),
        ("long_sz_lesen_de.txt", 3, "Mietpreisbremse"),
        ("long_pv_xemthem_vi.txt", 2, "Những cây bút nữ"),
        ("long_dialogue_es.txt", 3, "festivales de verano"),
        ("long_lire_aussi_fr.txt", 3, "crise des subventions"),
    ] {
        let iv = load(file);
        assert_eq!(qa(&iv).len(), n, "{file}");
        assert!(!all_text(&iv).contains(related), "{file}: {related}");
    }
}

#[test]
fn indonesian_tanya_jawab_with_closing_thanks_and_promo_line_after_it() {
    let iv = load("long_baca_juga_id.txt");
    let ex = qa(&iv);
    assert_eq!(
        ex[1].0,
        "Banyak nelayan kecil khawatir kalah bersaing dengan kapal besar. Bagaimana jaminannya?"
    );
    // The answer keeps its rhetorical question, loses the related title under `Baca Juga:`.
    assert!(ex[1]
        .1
        .ends_with("Apakah itu cukup? Belum, tetapi ini awal yang baik."));
    assert_eq!(
        iv.closing.as_ref().unwrap().text(),
        "Terima kasih, Pak Menteri."
    );
    assert!(!all_text(&iv).contains("Simak breaking news"));
    assert_eq!(
        headline(&iv),
        Some("Wawancara Menteri Kelautan: \"Nelayan Kecil Harus Didahulukan\"")
    );
    // `Senin, 12 Februari 2024 10:30 WIB`: the clock with its zone (WIB is UTC+7).
    assert_eq!(date(&iv), Some("2024-02-12T10:30:00+07:00"));
    // `Senin, … 10:30 WIB`: a weekday and a clock, no place.
    assert!(iv.meta.dateline.is_none());
    assert_eq!(names(&iv, Role::Interviewer), ["Rina Kusuma"]);
}

#[test]
fn german_outlet_label_and_surname_label_with_clock_time_date_line() {
    let iv = load("long_sz_lesen_de.txt");
    let ex = qa(&iv);
    assert_eq!(ex[1].0, "Woher kommt das Geld?");
    assert!(ex[0].1.ends_with("dass jemand anderes das Problem löst."));
    assert_eq!(names(&iv, Role::Interviewee), ["Anna Berger"]);
    assert_eq!(date(&iv), Some("2023-03-17"));
    // `17. März 2023, 18:04 Uhr`: `Uhr` is no dateline.
    assert!(iv.meta.dateline.is_none());
}

#[test]
fn vietnamese_headline_quoting_the_labelled_writer_is_not_her_first_turn() {
    let iv = load("long_pv_xemthem_vi.txt");
    let ex = qa(&iv);
    assert_eq!(
        ex[0].0,
        "Chào chị, tập truyện mới của chị lấy cảm hứng từ đâu?"
    );
    assert!(ex[0].1.starts_with("Từ những chuyến về quê."));
    assert!(ex[1].1.contains("Ai mà không có một quê nhà để nhớ?"));
    assert_eq!(names(&iv, Role::Interviewee), ["Nguyễn Ngọc Tư"]);
    assert!(headline(&iv)
        .unwrap()
        .starts_with("Nhà văn Nguyễn Ngọc Tư: \""));
    assert_eq!(iv.lead.len(), 1);
    assert!(iv.closing.is_some());
}

#[test]
fn spanish_dialogue_dashes_with_the_interviewee_named_before_the_headline_quote() {
    let iv = load("long_dialogue_es.txt");
    let ex = qa(&iv);
    assert_eq!(ex[0].1.split("\n\n").count(), 2);
    assert!(ex[1].1.contains("¿Y por qué habría de temerla?"));
    assert_eq!(names(&iv, Role::Interviewee), ["Lucía Méndez"]);
    assert_eq!(names(&iv, Role::Interviewer), ["Carlos Ruiz"]);
    assert_eq!(iv.meta.dateline.as_ref().unwrap().value, "Madrid");
}

#[test]
fn photo_rows_of_a_scraped_page_bare_urls_credit_first_and_caption_rows() {
    let iv = load("long_captions_de.txt");
    let f = &iv.figures;
    assert_eq!(f.len(), 4, "{f:?}");
    assert_eq!(
        f[0].caption.as_deref(),
        Some("Mira Kessler bei den Dreharbeiten in der Uckermark.")
    );
    assert_eq!(f[0].credit.as_deref(), Some("Lena Hoff/dpa"));
    assert_eq!(
        f[0].image_url.as_deref(),
        Some("https://cdn.example.de/bilder/kessler-portrait.jpg")
    );
    // Two photos in a row: the credit and caption under them go with the second.
    assert!(f[1].caption.is_none() && f[1].credit.is_none());
    assert_eq!(f[2].credit.as_deref(), Some("Privat"));
    // `Image: … (© …)` alone: a caption row without its image.
    assert_eq!(f[3].caption.as_deref(), Some("Szene aus dem Film"));
    assert_eq!(f[3].credit.as_deref(), Some("Kessler Film"));
    let photographers: Vec<_> = f.iter().map(|f| f.photographer.as_deref()).collect();
    assert_eq!(photographers, [Some("Lena Hoff"), None, None, None]);
    assert!(f[3].image_url.is_none());
    let text = all_text(&iv);
    assert!(!text.contains("https://") && !text.contains("Bild:") && !text.contains("Image:"));
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].1.split("\n\n").count(), 2);
    assert_eq!(ex[2].1, "Im März, zuerst in Brandenburg.");
    // `Die Regisseurin Mira Kessler`: the article and the job are not the name.
    assert_eq!(names(&iv, Role::Interviewee), ["Mira Kessler"]);
}

#[test]
fn podcast_with_time_stamps_name_lines_and_two_questions_in_a_row() {
    let iv = load("long_podcast_caps_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3, "{ex:?}");
    assert!(ex[1]
        .0
        .starts_with("How many families do you feed in a week?"));
    // Two cues of the interviewer in a row: one question, then the answer.
    assert_eq!(
        ex[2].0,
        "Where does the food come from?\n\nI mean, is it donated, or do you buy it?"
    );
    assert!(ex[2].1.starts_with("Mostly donated by farmers."));
    assert!(!all_text(&iv).contains("[00:"));
    assert_eq!(
        iv.closing.as_ref().unwrap().text(),
        "Daniel Osei, thank you."
    );
    assert!(!all_text(&iv).contains("Subscribe"));
    assert_eq!(names(&iv, Role::Interviewer), ["Maya Chen"]);
    assert_eq!(names(&iv, Role::Interviewee), ["Daniel Osei"]);
    assert!(headline(&iv).is_none_or(|h| !h.contains("Spotify")));
}
