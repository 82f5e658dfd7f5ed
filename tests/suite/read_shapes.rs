//! The reader on short interviews we wrote, one per shape (tests/fixtures/read), in
//! several languages — including the traps: rhetorical questions inside answers, an
//! unanswered last question, and an interviewer labelled with a title.

use colloquy::model::{Interview, Role, TurnKind};
use colloquy::read::{decode, read, ReadError};

use crate::reading::{self, date, headline, names, qa};

fn load(name: &str) -> (Interview, String) {
    reading::fixture(name)
}

fn has_warning(iv: &Interview, code: &str) -> bool {
    iv.diagnostics.iter().any(|d| d.code == code)
}

#[test]
fn q_a_labels_with_rhetorical_answer_and_unanswered_last_question() {
    let (iv, _) = load("qa_labels_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].0, "How did you start working on flood defences?");
    // The answer runs over two paragraphs and keeps its rhetorical question.
    assert!(ex[0]
        .1
        .contains("What do you do when the water is at your door? You start building."));
    assert_eq!(ex[0].1.split("\n\n").count(), 2);
    // The last question has no answer, and none is invented from the chrome after it.
    assert_eq!(ex[2].0, "And what comes next for the harbour?");
    assert_eq!(ex[2].1, "");
    assert_eq!(headline(&iv), Some("Building Bridges in a Flooded City"));
    assert_eq!(date(&iv), Some("2022-03-12"));
    assert_eq!(iv.meta.dateline.as_ref().unwrap().value, "Rotterdam");
    assert_eq!(names(&iv, Role::Interviewer), ["Jane Roe"]);
    // Addressed as 'Pieter,' in a question; the full name is in the lead.
    assert_eq!(names(&iv, Role::Interviewee), ["Pieter Maas"]);
    assert_eq!(iv.lead.len(), 1);
    let all: String = iv.turns.iter().map(|t| t.text()).collect();
    assert!(
        !all.contains("ADVERTISEMENT")
            && !all.contains("Comments")
            && !all.contains("Why dikes fail")
    );
    assert!(
        iv.turns
            .iter()
            .all(|t| !t.text().starts_with("Q:") && !t.text().starts_with("A:")),
        "labels are not part of the text"
    );
}

#[test]
fn indonesian_t_j_labels_with_closing_source_and_month_name_date() {
    let (iv, text) = load("tj_labels_id.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[1].1, "Air pasang yang makin tinggi setiap tahun. Bibit yang baru ditanam sering hanyut.\n\nKami lalu membuat pagar bambu untuk menahan ombak.");
    let closing = iv.closing.as_ref().expect("closing thanks");
    assert_eq!(closing.text(), "Terima kasih, Bu Siti!");
    assert_eq!(closing.kind, TurnKind::Remark);
    assert!(ex
        .iter()
        .all(|(q, a)| !q.contains("Terima kasih") && !a.contains("Terima kasih")));
    let src = iv.meta.source_url.as_ref().unwrap();
    assert_eq!(src.value, "https://contoh.example/wawancara/mangrove-demak");
    match &src.provenance {
        colloquy::model::Provenance::Text { span } => assert_eq!(&text[span.clone()], src.value),
        p => panic!("{p:?}"),
    }
    assert_eq!(date(&iv), Some("2024-05-01"));
    assert_eq!(iv.language(), Some("id"));
    assert_eq!(names(&iv, Role::Interviewee), ["Siti Rahmawati"]);
    // The editor's note is lead, not a turn.
    assert!(iv.lead[0].text.starts_with("Catatan Redaksi:"));
}

#[test]
fn pertanyaan_jawaban_labels_and_request_question() {
    let (iv, _) = load("pertanyaan_labels_id.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[1].0, "Ceritakan sedikit tentang koperasi Anda.");
    assert_eq!(
        iv.exchanges()[0].question.label.as_deref(),
        Some("Pertanyaan (P)")
    );
    assert!(
        has_warning(&iv, "no-interviewee-name"),
        "no name in the text, no name invented"
    );
    assert!(iv.people.is_empty());
}

#[test]
fn bold_labels_german_caption_over_two_lines_and_byline() {
    let (iv, _) = load("frage_bold_de.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].0, "Frau Okonkwo, warum ist Lärm für Sie ein Thema?");
    assert!(ex[1]
        .1
        .ends_with("Wer braucht schon 50 in einer Wohnstraße? Niemand."));
    assert_eq!(iv.figures.len(), 1);
    let f = &iv.figures[0];
    assert_eq!(
        f.caption.as_deref(),
        Some("Die Verkehrsplanerin auf dem Tempelhofer Feld, wo sie jeden Morgen joggt.")
    );
    assert_eq!(f.credit.as_deref(), Some("dpa/Lena Kurz"));
    // An agency beside a person's name: the person took the photo.
    assert_eq!(f.photographer.as_deref(), Some("Lena Kurz"));
    assert_eq!(
        f.image_url.as_deref(),
        Some("https://bilder.example/planerin.jpg")
    );
    assert_eq!(headline(&iv), Some("„Die Stadt muss leiser werden“"));
    assert_eq!(date(&iv), Some("2021-03-03"));
    assert_eq!(names(&iv, Role::Interviewer), ["Markus Brandt"]);
    assert_eq!(iv.language(), Some("de"));
}

#[test]
fn pregunta_respuesta_with_thanks_answered_by_thanks() {
    let (iv, _) = load("pregunta_es.txt");
    let ex = qa(&iv);
    assert_eq!(
        ex.len(),
        2,
        "the closing thanks and its reply are not an exchange"
    );
    assert_eq!(ex[1].0, "Háblenos de la exposición de este año.");
    assert!(
        ex[1].1.contains("¿Por qué cuatro? Porque"),
        "rhetorical question stays in the answer"
    );
    assert_eq!(
        iv.closing.as_ref().unwrap().text(),
        "Muchas gracias por su tiempo."
    );
    assert_eq!(
        headline(&iv),
        Some("Entrevista a la directora del Museo del Oro")
    );
    assert_eq!(date(&iv), Some("2010-11-30"));
    assert_eq!(
        iv.meta.source_url.as_ref().unwrap().value,
        "https://ejemplo.example/museo-del-oro"
    );
}

#[test]
fn vietnamese_pv_and_person_label_with_caption_credit() {
    let (iv, _) = load("pv_labels_vi.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[1].0, "Xin ông cho biết về kế hoạch sắp tới.");
    assert_eq!(names(&iv, Role::Interviewee), ["Nguyễn Văn Minh"]);
    assert_eq!(iv.figures[0].credit.as_deref(), Some("Thu Hà"));
    assert_eq!(
        iv.figures[0].caption.as_deref(),
        Some("Ông Nguyễn Văn Minh tại xưởng gốm ở Bát Tràng.")
    );
    assert_eq!(date(&iv), Some("2024-05-01"));
    assert_eq!(iv.meta.dateline.as_ref().unwrap().value, "Hà Nội");
    assert_eq!(iv.language(), Some("vi"));
}

#[test]
fn labels_alone_on_their_line_hard_wrapped_with_timestamps() {
    let (iv, _) = load("label_alone_hardwrap_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(
        ex[0].0,
        "Could you tell me where you grew up and what your family did for a living back then?"
    );
    assert_eq!(ex[1].1, "The work went away. The big trawlers came and the small boats could not compete with them.");
    assert!(ex
        .iter()
        .all(|(q, a)| !q.contains("00:") && !a.contains("00:")));
    assert!(headline(&iv).is_none(), "a title block is no headline");
}

#[test]
fn label_that_changes_mid_interview_is_the_same_interviewer() {
    let (iv, _) = load("label_change_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[2].0, "What will happen when you retire?");
    assert_eq!(iv.exchanges()[2].question.role, Role::Interviewer);
    assert_eq!(names(&iv, Role::Interviewee), ["Ada Lind"]);
}

#[test]
fn interviewer_labelled_with_a_title_asks() {
    let (iv, _) = load("title_interviewer_en.txt");
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].question.label.as_deref(), Some("SECRETARY CLINTON"));
    assert_eq!(ex[0].question.role, Role::Interviewer);
    assert_eq!(ex[0].answers[0].label.as_deref(), Some("MS. OKAFOR"));
    // `Town Hall with Students` names nobody.
    assert!(iv.people.is_empty(), "{:?}", iv.people);
}

#[test]
fn definition_list_layout_with_byline_names() {
    let (iv, _) = load("deflist_fr.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].0, "Comment êtes-vous devenue apicultrice ?");
    assert_eq!(ex[1].1, "Une quarantaine, réparties sur deux communes.\n\nLes hivers doux nous compliquent la tâche.");
    assert_eq!(names(&iv, Role::Interviewer), ["Julien Morel"]);
    assert_eq!(names(&iv, Role::Interviewee), ["Camille Dupuis"]);
    assert_eq!(headline(&iv), Some("Entretien avec Camille Dupuis"));
    assert_eq!(iv.language(), Some("fr"));
}

#[test]
fn unlabelled_spanish_with_request_rhetoric_pull_quote_and_open_last_question() {
    let (iv, _) = load("unlabelled_es.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 4, "{ex:#?}");
    assert_eq!(ex[0].0, "¿Cómo empezó el vivero?");
    assert_eq!(ex[0].1.split("\n\n").count(), 2);
    assert_eq!(ex[1].0, "Cuéntenos qué especies plantan.");
    assert!(
        ex[1].1.ends_with("¿Y quién no quiere un almendro en flor?"),
        "an answer may end with '?'"
    );
    assert_eq!(
        ex[3].0,
        "¿Volverá a presentarse a la convocatoria del ayuntamiento?"
    );
    assert_eq!(ex[3].1, "", "never invent an answer");
    assert!(
        ex.iter().all(|(_, a)| !a.contains("\"Los vecinos")),
        "pull quote dropped"
    );
    assert_eq!(headline(&iv), Some("\"Cada árbol cuenta\": Lucía Ferrer"));
    assert_eq!(names(&iv, Role::Interviewee), ["Lucía Ferrer"]);
    assert!(iv
        .lead
        .iter()
        .any(|p| p.text.starts_with("Nota del editor")));
    assert!(date(&iv).is_none() && has_warning(&iv, "no-date"));
}

#[test]
fn question_and_answer_on_one_line() {
    let (iv, text) = load("inline_qa_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(
        ex[1],
        (
            "Do you ever get seasick?".to_string(),
            "Never, not once in thirty years.".to_string()
        )
    );
    let a = &iv.exchanges()[1].answers[0].paragraphs[0];
    assert_eq!(&text[a.span.clone()], "Never, not once in thirty years.");
}

#[test]
fn one_line_podcast_transcript_with_inline_names() {
    let (iv, _) = load("podcast_oneline_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[1].0, "How did you get into restoring boats?");
    assert_eq!(
        ex[2].1,
        "A fishing boat from 1932, built right here in the harbour."
    );
    assert_eq!(iv.exchanges()[0].question.label.as_deref(), Some("Maya"));
}

#[test]
fn several_interviewees_answer_one_question_and_courtesy_exchange() {
    let (iv, _) = load("panel_en.txt");
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[1].answers.len(), 2);
    assert_eq!(
        ex[0].question.text(),
        "Nora, Tomas, thank you for joining us."
    );
    assert_eq!(iv.closing.as_ref().unwrap().text(), "Thank you both.");
    let mut ivees = names(&iv, Role::Interviewee);
    ivees.sort();
    assert_eq!(ivees, ["Nora Vance", "Tomas Ek"]);
    assert_eq!(names(&iv, Role::Interviewer), ["Lea Hart"]);
    let ek = &ex[1].answers[1];
    assert_eq!(iv.people[ek.speaker.unwrap()].name.value, "Tomas Ek");
}

#[test]
fn chrome_in_other_scripts_and_credit_patterns() {
    let (iv, _) = load("wrapped_chrome_en.txt");
    assert_eq!(qa(&iv).len(), 2);
    let credits: Vec<_> = iv.figures.iter().map(|f| f.credit.as_deref()).collect();
    assert_eq!(
        credits,
        [
            Some("UPI/Mike Theiler"),
            Some("imago/MiS"),
            Some("Ana Ruiz")
        ]
    );
    // UPI is a known agency, so Mike Theiler took the photo; imago/MiS names no person, and
    // a bare name may be an owner or a source: neither is read as a photographer.
    let photographers: Vec<_> = iv
        .figures
        .iter()
        .map(|f| f.photographer.as_deref())
        .collect();
    assert_eq!(photographers, [Some("Mike Theiler"), None, None]);
    let captions: Vec<_> = iv.figures.iter().map(|f| f.caption.as_deref()).collect();
    assert_eq!(
        captions,
        [
            Some("The minister speaks to reporters in Washington."),
            Some("The coach at the training ground"),
            Some("Harbour at dawn.")
        ]
    );
    assert_eq!(
        iv.figures[0].alt.as_deref(),
        Some("The minister at the summit")
    );
    assert!(headline(&iv).is_none(), "chrome is no headline");
    let last = &iv.exchanges()[1].answers[0];
    assert!(!last.text().contains("版权"));
    assert_eq!(iv.language(), Some("en"));
}

#[test]
fn chevron_labels_in_lower_case() {
    let (iv, _) = load("chevrons_en.txt");
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].question.label.as_deref(), Some("rose"));
    assert_eq!(ex[1].answers[0].label.as_deref(), Some("morrison"));
}

#[test]
fn every_turn_records_its_rule_and_evidence() {
    for e in std::fs::read_dir("tests/fixtures/read").unwrap().flatten() {
        if e.path().extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let (iv, _) = load(&e.file_name().to_string_lossy());
        for t in iv.turns.iter().chain(iv.closing.iter()) {
            assert!(
                !t.decision.rule.is_empty() && !t.decision.evidence.is_empty(),
                "{t:?}"
            );
        }
    }
}

#[test]
fn no_questions_empty_and_not_utf8_name_the_file() {
    let e = read("plain.txt", "Just a note.\nNothing asked here.\n").unwrap_err();
    assert!(matches!(e, ReadError::NoQuestions { .. }));
    assert!(e.to_string().starts_with("plain.txt: "));
    let e = decode("empty.txt", b"  \n").unwrap_err();
    assert!(matches!(e, ReadError::Empty { .. }) && e.to_string().contains("empty.txt"));
    let e = decode("latin1.txt", b"caf\xe9").unwrap_err();
    assert!(matches!(e, ReadError::NotUtf8 { offset: 3, .. }) && e.to_string().contains("byte 3"));
}

#[test]
fn dump() {
    if let Ok(s) = std::env::var("SHOW") {
        // `SHOW=/path/to/file.txt` shows how any text is read.
        if s.starts_with('/') {
            let text = std::fs::read_to_string(&s).unwrap();
            match read(&s, &text) {
                Ok(iv) => println!("{}", colloquy::inspect::render_human(&iv, &text)),
                Err(e) => println!("{e}"),
            }
            return;
        }
        for e in std::fs::read_dir("tests/fixtures/read").unwrap().flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            if e.path().is_file() && (s == "all" || s == n) {
                let path = e.path().display().to_string();
                let text = std::fs::read_to_string(&path).unwrap();
                match read(&path, &text) {
                    Ok(iv) => println!("{}", colloquy::inspect::render_human(&iv, &text)),
                    Err(e) => println!("{n}: {e}"),
                }
            }
        }
    }
}

#[test]
fn dot_labels_p_r_in_spanish() {
    let (iv, _) = load("dot_labels_es.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].0, "¿Cuándo empezó el proyecto?");
    assert_eq!(ex[1].1, "Los periódicos de la guerra. El papel se deshacía entre los dedos.\n\nTuvimos que fotografiarlos página por página.");
    assert_eq!(names(&iv, Role::Interviewer), ["Andrés Solís"]);
    assert_eq!(names(&iv, Role::Interviewee), ["Marta Ibáñez"]);
}

#[test]
fn names_in_capitals_alone_on_their_line() {
    let (iv, _) = load("caps_names_en.txt");
    let ex = iv.exchanges();
    assert_eq!(
        ex.len(),
        3,
        "the greeting is answered, so it is an exchange too"
    );
    assert_eq!(
        ex[0].question.text(),
        "Good evening. With me is the captain of the night ferry, Ruth Alder."
    );
    assert_eq!(ex[1].question.text(), "How many crossings have you made?");
    assert_eq!(
        ex[2].answers[0].text(),
        "A crossing in fog so thick we navigated by the sound of the bell buoys."
    );
    assert_eq!(ex[0].question.label.as_deref(), Some("HOST"));
    // ALDER is named in full in the host's first turn.
    assert_eq!(names(&iv, Role::Interviewee), ["Ruth Alder"]);
}

#[test]
fn one_label_that_asks_with_unlabelled_answers() {
    let (iv, _) = load("single_asker_label_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].0, "What brought you to the festival this year?");
    assert_eq!(
        ex[1].1,
        "At first they were shy. After a week they were giving the director advice."
    );
    assert_eq!(ex[2].1, "", "the last question stays unanswered");
    assert_eq!(iv.exchanges()[1].answers[0].role, Role::Interviewee);
}

#[test]
fn interviewee_named_by_the_title_the_questions_use() {
    let (iv, _) = load("title_in_question_en.txt");
    assert_eq!(qa(&iv).len(), 2);
    assert_eq!(names(&iv, Role::Interviewee), ["Maria Lopes Serrano"]);
    let p = &iv.people[0];
    assert_eq!(
        p.job_title.as_ref().map(|j| j.value.as_str()),
        Some("Ambassador")
    );
    assert_eq!(
        iv.closing.as_ref().unwrap().text(),
        "Thank you very much, Ambassador!"
    );
    assert_eq!(iv.figures[0].credit.as_deref(), Some("NVCC"));
    assert_eq!(iv.figures[0].photographer, None);
    assert_eq!(
        iv.meta.source_url.as_ref().unwrap().value,
        "https://news.example/forum-interview"
    );
}

#[test]
fn state_department_transcript_names_from_headline_and_labels() {
    let (iv, _) = load("statedept_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2, "the empty last QUESTION: is dropped");
    assert_eq!(ex[1].0, "Let's start with the talks. Where do they stand?");
    assert_eq!(names(&iv, Role::Interviewee), ["Michael R. Pompeo"]);
    assert_eq!(names(&iv, Role::Interviewer), ["Dana Whitfield"]);
    assert_eq!(date(&iv), Some("2019-03-05"));
    assert_eq!(
        headline(&iv),
        Some("Secretary Pompeo's Interview With Dana Whitfield of Harbor Radio")
    );
}

#[test]
fn vietnamese_photo_rows_title_in_questions_and_closing() {
    let (iv, _) = load("title_question_vi.txt");
    assert_eq!(qa(&iv).len(), 2);
    assert_eq!(names(&iv, Role::Interviewee), ["Nguyễn Văn Hùng"]);
    assert_eq!(iv.figures[0].credit.as_deref(), Some("TGCC"));
    assert_eq!(iv.closing.as_ref().unwrap().text(), "Xin cảm ơn Đại sứ!");
    assert_eq!(
        iv.meta.source_url.as_ref().unwrap().value,
        "https://baoquocte.vn/example-123.html"
    );
    assert!(iv
        .exchanges()
        .iter()
        .all(|e| e.answers.iter().all(|a| !a.text().contains("Bình luận"))));
}

#[test]
fn chinese_full_width_punctuation() {
    let (iv, _) = load("photo_rows_zh.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].0, "大使如何评价本次论坛的成果？");
    assert_eq!(ex[1].1, "我们需要继续积极参与。这一点非常重要。");
    assert_eq!(iv.closing.as_ref().unwrap().text(), "非常感谢大使！");
    assert_eq!(iv.figures[0].credit.as_deref(), Some("NVCC"));
    assert_eq!(
        iv.figures[0].caption.as_deref(),
        Some("王毅大使（左二）出席论坛。")
    );
    assert_eq!(
        iv.meta.source_url.as_ref().unwrap().value,
        "https://baoquocte.vn/example-zh.html"
    );
    assert_eq!(iv.language(), Some("zh"));
}

#[test]
fn news_page_chrome_byline_and_date_words() {
    let (iv, _) = load("news_chrome_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].1, "Through a mix of fees and state loans. People say it can't be done. Why not? Norway did it.");
    assert_eq!(date(&iv), Some("2023-06-04"));
    assert!(iv.meta.dateline.is_none(), "'Published' is no place");
    assert_eq!(
        headline(&iv),
        Some("'We need more trains, not more roads': a conversation with the transport minister")
    );
    let last = &iv.exchanges()[1].answers[0];
    assert_eq!(last.text(), "They stay. Every single one.");
    // The teaser question in the lead ("Is that realistic?") does not start the interview.
    assert!(iv.lead[0].text.contains("Is that realistic? We asked him."));
}

#[test]
fn french_photo_rows_spaced_colons_and_title_addressed() {
    let (iv, _) = load("photo_rows_fr.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert!(
        ex[1]
            .1
            .contains("Faut-il vraiment choisir ? Je ne le crois pas."),
        "rhetorical question stays in the answer"
    );
    assert_eq!(iv.figures[0].credit.as_deref(), Some("NVCC"));
    assert_eq!(
        iv.figures[0].caption.as_deref(),
        Some("L'ambassadeur Jean-Luc Moreau lors de la cérémonie à Hanoï.")
    );
    assert_eq!(
        iv.closing.as_ref().unwrap().text(),
        "Merci beaucoup, Monsieur l'Ambassadeur !"
    );
    assert_eq!(names(&iv, Role::Interviewee), ["Jean-Luc Moreau"]);
    assert_eq!(
        iv.meta.source_url.as_ref().unwrap().value,
        "https://exemple.example/entretien-ambassadeur"
    );
}

#[test]
fn labelled_answers_over_many_lines_and_a_phrase_with_a_colon_inside() {
    let (iv, _) = load("long_answers_labelled_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[1].1.split("\n\n").count(), 5);
    assert!(
        ex[1].1.ends_with("Bottom line: space changes everything."),
        "'Bottom line:' is no speaker"
    );
    assert_eq!(ex[2].1.split("\n\n").count(), 3);
}

#[test]
fn an_answer_without_a_printed_question_is_no_exchange() {
    let text = "The interview was conducted by Ines Vidal in Lisbon.\n\nMORAIS: Before you ask anything, let me say the museum stays open.\nVIDAL: Then what changes?\nMORAIS: The opening hours, and the ticket price for students.\nVIDAL: When?\nMORAIS: From September.\n";
    let iv = read("inline.txt", text).unwrap();
    assert_eq!(iv.turns[0].kind, TurnKind::Answer, "{:#?}", iv.turns[0]);
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 2, "the unprompted statement is not an exchange");
    assert_eq!(ex[0].question.text(), "Then what changes?");
    assert_eq!(
        ex[0].answers[0].text(),
        "The opening hours, and the ticket price for students."
    );
    assert_eq!(names(&iv, Role::Interviewer), ["Ines Vidal"]);
}

/// The rule that decided the question whose text starts with `start`.
fn rule_of(iv: &Interview, start: &str) -> &'static str {
    iv.turns
        .iter()
        .find(|t| t.kind == TurnKind::Question && t.text().starts_with(start))
        .unwrap_or_else(|| panic!("no question starting {start:?}"))
        .decision
        .rule
}

#[test]
fn statements_and_requests_between_answers_are_questions_en() {
    let (iv, _) = load("statement_questions_en.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 4);
    assert_eq!(ex[0].0, "How did you end up on the island?");
    assert_eq!(rule_of(&iv, "Tell us about"), "request");
    assert_eq!(rule_of(&iv, "Your menu"), "statement-question");
    // A request after a linking word.
    assert_eq!(ex[3].0, "Finally, describe a perfect day at the café.");
    // The answer over three paragraphs keeps its filler and its rhetorical question.
    assert_eq!(ex[1].1.split("\n\n").count(), 3);
    assert!(ex[1].1.contains("You know, it was chaos."));
    assert!(ex[1].1.ends_with("Who opens a café in a storm?"));
    assert!(ex.iter().all(|(_, a)| !a.is_empty()));
}

#[test]
fn statements_and_requests_between_answers_are_questions_de_id() {
    for (file, statement, request) in [
        (
            "statement_questions_de.txt",
            "Ihre Speisekarte wechselt jede Woche.",
            "Erzählen Sie uns",
        ),
        (
            "statement_questions_id.txt",
            "Kebun Anda kini menjadi tujuan wisata.",
            "Ceritakan tentang",
        ),
    ] {
        let (iv, _) = load(file);
        let ex = qa(&iv);
        assert_eq!(ex.len(), 4, "{file}");
        assert_eq!(ex[2].0, statement, "{file}");
        assert_eq!(rule_of(&iv, statement), "statement-question", "{file}");
        assert_eq!(rule_of(&iv, request), "request", "{file}");
        assert!(ex.iter().all(|(_, a)| !a.is_empty()), "{file}");
        // The lead is no question.
        assert_eq!(iv.lead.len(), 1, "{file}");
    }
}

#[test]
fn a_teaser_question_in_the_lead_does_not_start_the_interview_en_es() {
    for (file, first, interviewer) in [
        (
            "teaser_lead_en.txt",
            "How did you end up on the island?",
            "Jane Roe",
        ),
        (
            "teaser_lead_es.txt",
            "¿Cómo llegó a la biblioteca?",
            "Marta Vidal",
        ),
    ] {
        let (iv, _) = load(file);
        let ex = qa(&iv);
        assert_eq!(ex.len(), 2, "{file}");
        assert_eq!(ex[0].0, first, "{file}");
        assert!(has_warning(&iv, "teaser-question"), "{file}");
        // The lead paragraph that introduces the interview is no answer.
        assert!(ex
            .iter()
            .all(|(_, a)| !a.contains("Mara Lindqvist thinks")
                && !a.contains("Conversamos con ella")));
        // What trails the last answer is article chrome, kept as notes: the credit or the
        // bio names the interviewer.
        let last = &ex[1].1;
        assert!(
            !last.contains("edited") && !last.contains("Entrevista realizada"),
            "{file}"
        );
        assert!(!iv.notes.is_empty(), "{file}");
        assert_eq!(names(&iv, Role::Interviewer), [interviewer], "{file}");
    }
}

#[test]
fn an_interview_credit_after_the_last_answer_names_the_interviewer_de_id() {
    for (file, interviewer, last_end) in [
        ("edited_note_de.txt", "Petra Lindner", "was man nicht weiß."),
        (
            "edited_note_id.txt",
            "Dimas Pratama",
            "menjual biji mentah.",
        ),
    ] {
        let (iv, _) = load(file);
        let ex = qa(&iv);
        assert_eq!(ex.len(), 2, "{file}");
        assert!(ex[1].1.ends_with(last_end), "{file}: {}", ex[1].1);
        assert_eq!(names(&iv, Role::Interviewer), [interviewer], "{file}");
        assert_eq!(iv.notes.len(), 1, "{file}");
    }
}

#[test]
fn label_word_pairs_in_several_languages() {
    // (file, exchanges, first question, last answer or "" when unanswered)
    for (file, n, first, last) in [
        (
            "tanya_jawab_id.txt",
            2,
            "Bagaimana awal mula Anda menanam kopi?",
            "Cuaca yang tidak menentu. Hujan datang saat bunga mekar.\n\nApakah itu bisa diatasi? Sebagian saja, dengan pohon pelindung.",
        ),
        (
            "hoi_dap_vi.txt",
            3,
            "Bà bắt đầu làm gốm từ khi nào?",
            "Tôi mong có một con đường cho khách vào tận lò.",
        ),
        ("p_r_es.txt", 3, "¿Cuántos libros presta la biblioteca cada mes?", ""),
        (
            "question_space_fr.txt",
            3,
            "Depuis quand tenez-vous ce stand ?",
            "Demain, je passe la main à mon neveu.",
        ),
    ] {
        let (iv, _) = load(file);
        let ex = qa(&iv);
        assert_eq!(ex.len(), n, "{file}");
        assert_eq!(ex[0].0, first, "{file}");
        assert_eq!(ex[n - 1].1, last, "{file}");
        for t in &iv.turns {
            assert!(!t.text().contains(':'), "{file}: label left in {:?}", t.text());
        }
    }
    // Thanks answered with a courtesy (`Sama-sama.`): the closing, not a fourth exchange.
    let (iv, _) = load("tanya_jawab_id.txt");
    assert_eq!(
        iv.closing.as_ref().map(|c| c.text()).as_deref(),
        Some("Terima kasih atas waktunya.")
    );
}

#[test]
fn dash_led_dialogue_alternates_even_without_question_marks() {
    let (iv, _) = load("dash_turns_fr.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 4);
    assert_eq!(ex[0].0, "Depuis quand tenez-vous ce stand ?");
    // A reply that ends with a rhetorical '?' stays the reply, with its undashed line.
    assert!(ex[1].1.contains("Qui aurait cru ça ?"));
    assert!(ex[1].1.contains("Ils veulent savoir"));
    // The interviewer's dash without '?' is still a question.
    assert_eq!(ex[2].0, "Vous pensez à la retraite.");
    // The last question has no answer, and none is invented.
    assert_eq!(ex[3].1, "");
    assert_eq!(iv.lead.len(), 1);

    let (iv, _) = load("dash_turns_es.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[1].0, "Cuéntenos qué es lo que más se llevan.");
    assert!(ex[1].1.contains("¿Y sabe qué más?"));
    assert_eq!(iv.closing.as_ref().unwrap().text(), "Muchas gracias.");
    assert!(ex.iter().all(|(_, a)| !a.contains("A usted")));

    let (iv, _) = load("dash_turns_ru.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].0, "Как давно вы работаете на маяке?");
    assert_eq!(iv.closing.as_ref().unwrap().text(), "Спасибо за беседу.");
}

#[test]
fn markdown_bold_names_are_speakers() {
    let (iv, _) = load("bold_names_en.md");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].0, "How did you end up on the island?");
    assert_eq!(names(&iv, Role::Interviewer), ["Jane Roe"]);
    assert_eq!(names(&iv, Role::Interviewee), ["Mara Lindqvist"]);
    assert_eq!(iv.closing.as_ref().unwrap().text(), "Thank you, Mara.");
    assert_eq!(headline(&iv), Some("The Ferry Café at the End of the Line"));
}

#[test]
fn a_byline_names_the_interviewer_and_an_interview_headline_the_interviewee() {
    for (file, interviewer, interviewee, n) in [
        ("byline_q_dot_en.txt", "Jane Roe", "Aileen Ferris", 2),
        ("byline_es.txt", "Marta Vidal", "Rosa Quintana", 2),
    ] {
        let (iv, _) = load(file);
        assert_eq!(qa(&iv).len(), n, "{file}");
        assert_eq!(names(&iv, Role::Interviewer), [interviewer], "{file}");
        assert_eq!(names(&iv, Role::Interviewee), [interviewee], "{file}");
        // The byline is neither headline nor dateline.
        assert!(!headline(&iv).unwrap().contains(interviewer), "{file}");
        assert!(iv.meta.dateline.is_none(), "{file}");
    }
    let (iv, _) = load("byline_es.txt");
    assert_eq!(date(&iv), Some("2024-11-30"));
}

#[test]
fn unlabelled_thanks_with_a_courtesy_reply_is_the_closing_de() {
    let (iv, _) = load("courtesy_reply_de.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 2);
    assert_eq!(
        ex[1].1,
        "Ja. Im vergangenen Sommer habe ich jede vierte Tour abgesagt."
    );
    assert_eq!(
        iv.closing.as_ref().unwrap().text(),
        "Vielen Dank, Frau Obermoser."
    );
    // `Frau Obermoser` and no full name anywhere: no name is made up.
    assert!(names(&iv, Role::Interviewee).is_empty());
    assert!(has_warning(&iv, "no-interviewee-name"));
}

#[test]
fn a_bold_paragraph_is_a_question_when_the_questions_are_bold_md_html() {
    for (file, topic, last) in [
        (
            "bold_questions_en.md",
            "The winters.",
            "A second oven, if the bank agrees. Nothing is certain here.",
        ),
        (
            "bold_questions_es.html",
            "Los sábados por la tarde.",
            "Espacio. Tenemos más libros que estantes.",
        ),
    ] {
        let (iv, _) = load(file);
        let ex = qa(&iv);
        assert_eq!(ex.len(), 3, "{file}");
        assert_eq!(ex[1].0, topic, "{file}");
        assert_eq!(rule_of(&iv, topic), "bold-question", "{file}");
        assert_eq!(ex[2].1, last, "{file}");
        // The lead is not bold and stays the lead.
        assert_eq!(iv.lead.len(), 1, "{file}");
    }
}

#[test]
fn a_podcast_title_line_with_show_and_episode_is_the_headline() {
    for (file, title) in [
        (
            "podcast_title_en.txt",
            "Harbour Voices — Episode 42: Rebuilding the Sea Wall",
        ),
        (
            "podcast_title_pipe_en.txt",
            "The Long Table Podcast | Ep. 7 – Bread, Salt and Memory",
        ),
    ] {
        let (iv, _) = load(file);
        assert_eq!(headline(&iv), Some(title), "{file}");
        // The episode title is no turn and names no one; the speakers come from the labels.
        assert!(!qa(&iv).iter().any(|e| e.0.contains(title)), "{file}");
        let people: Vec<&str> = iv.people.iter().map(|p| p.name.value.as_str()).collect();
        assert!(
            people.iter().all(|n| !title.contains(n)),
            "{file}: {people:?}"
        );
    }
}

#[test]
fn an_agency_and_a_name_in_a_credit_give_the_photographer_and_keep_the_credit() {
    let text =
        "![](https://x.example/1.jpg) |\nThe harbour at dawn. (Foto: Reuters/Jane Roe) |\n\n\
![](https://x.example/2.jpg) |\nThe minister. Photo: Lars Berg/AFP |\n\n\
![](https://x.example/3.jpg) |\nThe ambassador in Vienna. (Foto: NVCC) |\n\n\
![](https://x.example/4.jpg) |\nThe square. Photo: Lena Berg |\n\n\
Why the harbour?\n\nBecause the sea is where the city began.\n\n\
And now?\n\nNow it is where it ends.\n";
    let iv = read("photos.md", text).unwrap();
    let got: Vec<(Option<&str>, Option<&str>)> = iv
        .figures
        .iter()
        .map(|f| (f.credit.as_deref(), f.photographer.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Reuters/Jane Roe"), Some("Jane Roe")),
            (Some("Lars Berg/AFP"), Some("Lars Berg")),
            (Some("NVCC"), None),
            (Some("Lena Berg"), None),
        ]
    );
    // Read from the text: the provenance is the photo's place in it.
    for i in [0, 1] {
        assert_eq!(
            iv.meta.field_provenance[&format!("figures[{i}].photographer")],
            colloquy::model::Provenance::Text {
                span: iv.figures[i].span.clone()
            }
        );
    }
    assert!(!iv
        .meta
        .field_provenance
        .contains_key("figures[2].photographer"));
}
