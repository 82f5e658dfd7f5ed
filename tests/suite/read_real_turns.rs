//! Turn shapes of real transcripts (`../shared/corpus`): caption turn marks, clock lines,
//! time-stamped dash turns. Each test reads its real case and asserts what a reader relies
//! on: the exchanges, where they start, and that no stamp is left in what was said.

use crate::shared::shared;
use colloquy::model::Interview;

fn read(rel: &str) -> Option<Interview> {
    let path = shared(rel)?;
    let name = path.display().to_string();
    let text = colloquy::read::decode(&name, &std::fs::read(&path).unwrap()).unwrap();
    Some(colloquy::read::read(&name, &text).expect("the case reads"))
}

#[test]
fn closed_captions_with_caret_turns_and_clock_lines() {
    let Some(iv) = read("corpus/pages/203-en-archive-msnbc-earthquake-captions.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 6);
    // The words before the first `>>` are the host's opening, answered by `hello.`.
    assert_eq!(
        ex[0].question.text(),
        "thank you for joining us here on the phone."
    );
    assert_eq!(ex[0].answers[0].text(), "hello.");
    // A clock line in mid-sentence is no part of the answer and does not split it.
    let a = ex[4].answers[0].text();
    assert!(a.contains("an immature fault like."), "{a}");
    assert!(!a.contains("pm"), "{a}");
}

#[test]
fn time_stamped_transcript_with_inline_dash_turns() {
    let Some(iv) = read("corpus/pages/213-fr-dailymotion-dheliat-timestamped.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 7);
    assert_eq!(
        ex[0].question.text(),
        "Est-ce que vous avez un prompteur ou pas ?"
    );
    assert_eq!(ex[0].answers[0].text(), "Non.");
    for e in &ex {
        for t in std::iter::once(e.question).chain(e.answers.iter().copied()) {
            assert!(
                !t.text().contains("00:"),
                "a time stamp left in a turn: {}",
                t.text()
            );
        }
    }
}

#[test]
fn a_label_with_a_title_after_a_dash_is_the_speaker_of_the_plain_label() {
    let Some(iv) = read("corpus/pages/234-ar-aljazeera-berlusconi-liqa.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 2);
    // `سيلفيو بيرلسكوني- رئيس الحكومة الإيطالية:` opens the first answer, not a line of
    // the question.
    assert_eq!(ex[0].answers[0].text(), "شكراً وأهلاً بك.");
    assert_eq!(ex[0].answers[0].label, ex[1].answers[0].label);
}

#[test]
fn podcast_name_lines_without_colons_are_speakers() {
    let Some(iv) = read("corpus/pages/206-en-venturefizz-podcast-sam-liang.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0].question.text(), "Sam thanks so much for joining us.");
    assert_eq!(ex[0].question.label.as_deref(), Some("Keith Cline"));
    assert_eq!(
        ex[0].answers[0].text(),
        "Thank you Keith for having me here."
    );
    assert_eq!(ex[0].answers[0].label.as_deref(), Some("Sam Liang"));
    // Two short turns say too little for the trigram detector; the page around them is
    // plainly English.
    assert_eq!(iv.language(), Some("en"));
}

#[test]
fn a_readers_signed_question_with_the_reply_on_its_line() {
    let Some(iv) = read("corpus/pages/226-vi-vnexpress-tu-van-truc-tuyen-doc-gia.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 1);
    // The asker's signature `(Mai Thương, 30 tuổi)` is no part of the question.
    assert!(ex[0].question.text().ends_with("như vậy?"));
    assert_eq!(ex[0].answers[0].label.as_deref(), Some("Ca sĩ Hồ Ngọc Hà"));
    assert!(ex[0].answers[0]
        .text()
        .starts_with("Chào độc giả VnExpress!"));
}

#[test]
fn a_label_that_lost_its_colon_and_labels_that_define_initials() {
    if let Some(iv) = read("corpus/pages/228-zh-usembassy-china-pompeo-pete-mundo.txt") {
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2);
        assert!(ex[0].question.text().starts_with("很高兴您接受采访。"));
    }
    if let Some(iv) = read("corpus/pages/211-es-gobmx-pena-nieto-jose-cardenas.txt") {
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 3);
        // `José Cárdenas (JC), conductor:` opens the first question; `JC:` asks after.
        assert_eq!(
            ex[0].question.text(),
            "Deja la liquidez del peso mexicano y opta por el dólar sólido."
        );
    }
}

#[test]
fn a_backchannel_inside_an_interrupted_answer_is_no_exchange() {
    let Some(iv) = read("corpus/wikinews/107-en-wikinews-dungeon-owners.txt") else {
        return;
    };
    assert_eq!(iv.exchanges().len(), 13);
    assert!(iv
        .exchanges()
        .iter()
        .all(|e| e.question.text().trim() != "Sure."));
}

#[test]
fn a_japanese_bar_line_asks_and_a_bare_name_line_answers() {
    let Some(iv) = read("corpus/pages/231-ja-hobonichi-matsuie-interview.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 1);
    // Hard-wrapped Japanese joins without spaces; the name line `松家` is no part of
    // either turn.
    assert_eq!(
        ex[0].question.text(),
        "松家さんご自身のお仕事で、いまも印象に残るインタビューって、他に、何かありますか。"
    );
    assert!(ex[0].answers[0]
        .text()
        .starts_with("そうですね、『考える人』創刊号の"));
}

#[test]
fn initials_whose_colon_slipped_to_the_next_line_are_labels() {
    let Some(iv) = read("corpus/pages/212-fr-lingq-podcast-steve-matthieu.txt") else {
        return;
    };
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 7);
    assert_eq!(ex[0].question.text(), "Ici c'est Steve.");
    assert_eq!(ex[0].question.label.as_deref(), Some("S."));
    assert_eq!(ex[0].answers[0].text(), "Comment vas-tu?");
}

#[test]
fn two_hosts_and_a_guest_who_never_asks() {
    let Some(iv) = read("corpus/pages/236-tr-blogspot-umit-unal-sohbet.txt") else {
        return;
    };
    let ex = iv.exchanges();
    // Deniz's opening statements get the guest's replies; Gizem's question to her co-host
    // Deniz is no exchange.
    assert_eq!(ex.len(), 3);
    assert!(ex[0].question.text().starts_with("Bugün 9 üzerine"));
    assert_eq!(ex[0].answers[0].text(), "Buyrun.");
    assert!(ex
        .iter()
        .all(|e| e.question.label.as_deref() == Some("Deniz")));
}
