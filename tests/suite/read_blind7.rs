//! Blind round 7: interviews we wrote in the shapes of the real sources colloquy is scored
//! on, other outlets of the same families, as scraped text arrives with its chrome: press-
//! office transcripts (en, fr) with header blocks, `Q`/`MR. X:` and `QUESTION -`/`MME X -`
//! labels and `###`; Wikinews in German and Portuguese (`Wikinews:` then `WN:`, `Quellen`,
//! `Fontes`, category lines); two oral histories (a title block, `Q:`/`A:` or initials,
//! `[pause]`, `[End of interview]`, PDF page headers in the middle of a turn); VOA-style
//! service interviews in Chinese and Persian (the interviewer only in the byline, credits
//! after `图片来源`/`عکس`); Indonesian `Tanya:`/`Jawab:` and bold questions with `Baca juga:`
//! inside an answer and an `Editor:`/`Penulis:` footer; a Spanish ministry transcript
//! (`PERIODISTA:`/`MINISTRA:`); a podcast with `[00:12:04] Name:` stamps; a Vietnamese
//! `PV:`/`Ông …:` interview with `Ảnh:` credits. The expectations were written from the
//! texts before colloquy read them. Conventions as in the dev corpus: a courtesy opening or
//! thanks that gets a reply is an exchange; a last thanks without a reply is the closing;
//! an oral history's interview date is its date; a project name over a title block is no
//! headline.

use crate::blind::{self, Case, KnownMiss};
use crate::reading::{self, qa};

const CASES: &[Case] = &[
    Case {
        file: "blind7_press_en.txt",
        pairs: 4,
        first_q: "Minister, thanks for making time for us this morning.",
        last_a: "The tenders came in above budget",
        lang: "en",
        interviewees: Some(&["Alan Whitcombe"]),
        // Named only in the headline (and addressed once: 'Happy to be here, Rosa.').
        interviewer: Some(&["Rosa Delgado"]),
        headline: Some("Minister Alan Whitcombe with Rosa Delgado of Coastline Radio"),
        date: Some("2024-04-09"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "###",
            "Print this page",
            "Back to top",
            "FOR IMMEDIATE RELEASE",
            "Share this page",
        ],
    },
    Case {
        file: "blind7_press_fr.txt",
        // The last thanks answered with thanks is the closing (the project's rule since
        // round 5; the dev corpus has no case of its own).
        pairs: 3,
        first_q: "Madame la Ministre, bonjour.",
        last_a: "C'est le dossier le plus difficile.",
        lang: "fr",
        interviewees: Some(&["Claire Duvernoy"]),
        interviewer: Some(&["Julien Marchetti"]),
        headline: Some(
            "Entretien de Mme Claire Duvernoy, ministre de l'Agriculture, avec Julien Marchetti de Radio Vallée",
        ),
        date: Some("2024-03-14"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "Contact presse",
            "Seul le prononcé fait foi",
            "Haut de page",
            "Partager",
        ],
    },
    Case {
        file: "blind7_wikinews_de.txt",
        pairs: 3,
        first_q: "Herr Hollweg, wie viele Völker haben Sie im Moment?",
        last_a: "Als Nebenerwerb ja.",
        lang: "de",
        interviewees: Some(&["Bernd Hollweg"]),
        interviewer: Some(&[]),
        headline: Some(
            "Interview mit dem Imker Bernd Hollweg: „Die Bienen merken den Klimawandel zuerst“",
        ),
        date: Some("2023-05-22"),
        images: 0,
        credits: &[],
        not_in_turns: &["Quellen", "Kategorien", "teilen", "zuletzt", "geführt am"],
    },
    Case {
        file: "blind7_wikinews_pt.txt",
        pairs: 3,
        first_q: "Como começou o seu trabalho como guia?",
        last_a: "Que venha na seca",
        lang: "pt",
        interviewees: Some(&["Marta Quintela"]),
        interviewer: Some(&[]),
        headline: Some("Entrevista com Marta Quintela, guia de observação de aves no Pantanal"),
        date: Some("2023-09-12"),
        images: 0,
        credits: &[],
        not_in_turns: &["Fontes", "Categorias", "Compartilhe", "editada", "exclusiva"],
    },
    Case {
        file: "blind7_oralhistory_en.txt",
        pairs: 4,
        first_q: "Could you start by telling me where you were born?",
        last_a: "Only that people should write things down.",
        lang: "en",
        interviewees: Some(&["Harold Pennington"]),
        interviewer: Some(&["Margaret Osei"]),
        // 'Millbrook Valley Oral History Project' names the collection, not this interview.
        headline: None,
        date: Some("2019-06-17"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "Page 2",
            "6-17-2019",
            "End of interview",
            "Transcriber",
            "Copyright",
        ],
    },
    Case {
        file: "blind7_oral_initials_en.txt",
        pairs: 4,
        first_q: "This is Thomas Reyes. I'm here with Evelyn Marsh at her home in Calder. Evelyn, thank you for agreeing to talk with me.",
        last_a: "Everything and nothing.",
        lang: "en",
        interviewees: Some(&["Evelyn Marsh"]),
        interviewer: Some(&["Thomas Reyes"]),
        headline: Some("ORAL HISTORY INTERVIEW WITH EVELYN MARSH"),
        date: Some("2018-10-03"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "Oral History Interview with Evelyn Marsh",
            "END OF INTERVIEW",
            "Transcript edited",
            "Center for Labor History",
        ],
    },
    Case {
        file: "blind7_voa_zh.txt",
        pairs: 3,
        first_q: "您是什么时候开始接手茶园的？",
        last_a: "比以前多一些。",
        lang: "zh",
        interviewees: Some(&["林淑芬"]),
        // Only the byline under the date names him.
        interviewer: Some(&["周立文"]),
        headline: Some("专访：台湾茶农林淑芬谈气候变化与年轻人返乡"),
        date: Some("2024-04-18"),
        images: 1,
        credits: &["美国之音/周立文"],
        not_in_turns: &["相关新闻", "分享到", "图片来源", "记者：", "首页"],
    },
    Case {
        file: "blind7_voa_fa.txt",
        pairs: 3,
        first_q: "خانم احمدی، این نمایشگاه درباره چیست؟",
        last_a: "یک کتاب برای کودکان.",
        lang: "fa",
        interviewees: Some(&["سارا احمدی"]),
        interviewer: Some(&["امید رضایی"]),
        headline: Some("گفت‌وگو با سارا احمدی، نقاش: «رنگ‌ها حافظه دارند»"),
        // Only a Solar Hijri date is printed: nothing to convert it from safely.
        date: None,
        images: 1,
        credits: &["آرشیو شخصی"],
        not_in_turns: &["مطالب مرتبط", "هم‌رسانی", "صدای آمریکا:", "عکس:"],
    },
    Case {
        file: "blind7_tanya_id.txt",
        pairs: 3,
        first_q: "Berapa banyak nelayan yang terdampak cuaca buruk bulan ini?",
        last_a: "Ini yang terus kami dorong.",
        lang: "id",
        interviewees: Some(&["Rini Hapsari"]),
        // 'Penulis' is the writer; the text does not say she asked.
        interviewer: None,
        headline: Some(
            "Wawancara Khusus: Kepala Dinas Perikanan Rini Hapsari soal Nelayan dan Cuaca Ekstrem",
        ),
        // `Senin, 5 Februari 2024 | 09:15 WIB`: the clock with its zone.
        date: Some("2024-02-05T09:15:00+07:00"),
        images: 1,
        credits: &["Kompas Pesisir/Agus Salim"],
        not_in_turns: &["Baca juga", "Penulis", "Editor:", "Komentar", "Bagikan"],
    },
    Case {
        file: "blind7_bold_id.md",
        pairs: 3,
        first_q: "Mengapa memilih Yogyakarta untuk restoran kedua?",
        last_a: "Belajarlah di pasar",
        lang: "id",
        interviewees: Some(&["Yohanes Pratama"]),
        interviewer: None,
        headline: Some("Chef Yohanes Pratama: \"Masakan Nusantara Tidak Perlu Dibuat Mewah\""),
        // `Rabu, 10 Juli 2024 14:20 WIB`: the clock with its zone.
        date: Some("2024-07-10T14:20:00+07:00"),
        images: 1,
        credits: &["Dok. Pribadi"],
        not_in_turns: &["Baca juga", "Penulis", "Editor:", "Tag:", "Beranda"],
    },
    Case {
        file: "blind7_ministerio_es.txt",
        pairs: 3,
        first_q: "Buenos días, ministra.",
        last_a: "Y las tendrán.",
        lang: "es",
        interviewees: Some(&["Lucía Ferrándiz"]),
        interviewer: Some(&[]),
        headline: Some(
            "Entrevista de la ministra de Transición Ecológica, Lucía Ferrándiz, en Radio Meseta",
        ),
        date: Some("2023-10-07"),
        images: 0,
        credits: &[],
        not_in_turns: &["Transcripción realizada", "Compartir", "Aviso legal", "Ir al contenido"],
    },
    Case {
        file: "blind7_podcast_en.txt",
        pairs: 4,
        first_q: "Welcome back to The Tidewater Podcast. I'm Sam Okafor, and I'm sitting on a cold quay with Ruth Calloway. Ruth, thanks for having me.",
        last_a: "Buy a good needle",
        lang: "en",
        interviewees: Some(&["Ruth Calloway"]),
        interviewer: Some(&["Sam Okafor"]),
        headline: Some("Episode 112: Mending nets with Ruth Calloway"),
        date: Some("2023-11-02"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "[00:",
            "Transcripts are generated",
            "Episode 111",
            "Subscribe",
            "Apple Podcasts",
        ],
    },
    Case {
        file: "blind7_pv_vi.txt",
        pairs: 3,
        first_q: "Ông bắt đầu làm gốm từ khi nào?",
        last_a: "Mong người trẻ quay về.",
        lang: "vi",
        interviewees: Some(&["Trần Quốc Minh"]),
        // 'Hoàng Lan (thực hiện)': the one who conducted it.
        interviewer: Some(&["Hoàng Lan"]),
        headline: Some("Ông Trần Quốc Minh: \"Làng gốm cần người trẻ quay về\""),
        date: Some("2024-03-16"),
        images: 1,
        credits: &["Hoàng Lan"],
        not_in_turns: &["Bình luận", "Tin liên quan", "thực hiện", "PV:", "Trang chủ"],
    },
    Case {
        file: "blind7_press_de.txt",
        pairs: 3,
        first_q: "Frau Ministerin, die Baugenehmigungen sind im letzten Jahr um ein Viertel gesunken. Wie wollen Sie gegensteuern?",
        last_a: "Ja, in einer Dreizimmerwohnung in Rostock.",
        lang: "de",
        interviewees: Some(&["Sabine Kröger"]),
        interviewer: Some(&["Jan Köhler"]),
        headline: Some("Bundesministerin Sabine Kröger im Interview mit dem Nordkurier"),
        date: Some("2024-02-06"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "Das Interview führte",
            "Seite drucken",
            "Impressum",
            "Pressemitteilung",
            "Artikel teilen",
        ],
    },
    Case {
        file: "blind7_agencia_pt.txt",
        pairs: 3,
        first_q: "Quantos alunos a escola tem hoje?",
        last_a: "Que não feche a escola.",
        lang: "pt",
        interviewees: Some(&["Joana Batista"]),
        interviewer: Some(&["Pedro Lins"]),
        headline: Some("\"A escola rural não pode fechar\": leia entrevista com a professora Joana Batista"),
        date: Some("2024-06-18"),
        images: 0,
        credits: &[],
        not_in_turns: &["Edição:", "Tags:", "Compartilhe", "Repórter"],
    },
];

/// Fields a careful reader gets and colloquy does not yet, each with why it is left out of
/// the assertion rather than made right with a rule that only fits this text. They are
/// still judged and printed, so a fix shows.
const KNOWN_MISSES: &[KnownMiss] = &[
    (
        "blind7_voa_fa.txt",
        "interviewer",
        "the byline 'امید رضایی' sits above a Solar Hijri date, which is not read (no calendar conversion), so nothing anchors it as a byline; an Arabic-script line alone looks the same as an outlet's name",
    ),
];

#[test]
fn blind_round_seven_every_field_a_careful_reader_gets() {
    blind::score("blind7", CASES, KNOWN_MISSES);
}

#[test]
fn a_read_also_line_inside_an_answer_leaves_the_answer_whole_id() {
    let (iv, _) = reading::fixture("blind7_tanya_id.txt");
    let ex = qa(&iv);
    assert!(ex[0]
        .1
        .ends_with("Mereka yang paling berat, karena tidak punya tabungan."));
    assert!(!ex[0].1.contains("Baca juga"));
}

#[test]
fn a_closing_thanks_keeps_the_notes_after_it_out_es_vi() {
    for (file, closing) in [
        ("blind7_ministerio_es.txt", "Muchas gracias, ministra."),
        ("blind7_pv_vi.txt", "Xin cảm ơn ông!"),
        ("blind7_podcast_en.txt", "Ruth Calloway, thank you."),
    ] {
        let (iv, _) = reading::fixture(file);
        assert_eq!(
            iv.closing.as_ref().map(|c| c.text()).as_deref(),
            Some(closing),
            "{file}"
        );
    }
}

#[test]
fn press_office_labels_without_a_colon_en_fr() {
    let (iv, _) = reading::fixture("blind7_press_en.txt");
    assert_eq!(qa(&iv)[2], ("And if the talks fail?".to_string(), "Then we look at every option. But I do not expect them to fail. Nobody wants another summer without ferries.".to_string()));
    let (iv, _) = reading::fixture("blind7_press_fr.txt");
    assert_eq!(qa(&iv)[2].0, "Et sur les prix du lait ?");
}

#[test]
fn a_page_header_inside_a_turn_is_dropped_and_the_turn_runs_on() {
    let (iv, _) = reading::fixture("blind7_oralhistory_en.txt");
    let ex = qa(&iv);
    assert!(
        ex[1].1.contains("you drank a lot of milk that day."),
        "{}",
        ex[1].1
    );
    let (iv, _) = reading::fixture("blind7_oral_initials_en.txt");
    let ex = qa(&iv);
    assert!(
        ex[1].1.contains("stood behind you until you caught up."),
        "{}",
        ex[1].1
    );
}
