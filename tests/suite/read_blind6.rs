//! A blind round: interviews we wrote in shapes and languages the reader had not seen
//! (Portuguese, Italian, Dutch, Polish, Turkish, Russian dialogue dashes, Japanese `――`
//! lines, Korean, Arabic, an English magazine Q&A, an edited radio transcript, a German
//! dateline with `Bild:` credits, two interviewees answering one question). The
//! expectations were written from the texts before colloquy read them; each row is what a
//! careful human reader gets, field by field, like the accuracy harness scores real cases.

use crate::blind::{self, Case, KnownMiss};
use crate::reading::{self, names, qa};
use colloquy::model::Role;

const CASES: &[Case] = &[
    Case {
        file: "blind6_pergunta_pt.txt",
        pairs: 3,
        first_q: "O que as últimas enchentes mostraram sobre a cidade?",
        last_a: "O centro pode ser o primeiro a mudar.",
        lang: "pt",
        interviewees: Some(&["Helena Vasconcelos"]),
        interviewer: Some(&["Ricardo Amaral"]),
        headline: Some("\"A cidade precisa voltar a olhar para o rio\""),
        date: Some("2024-03-14"),
        images: 1,
        credits: &["Paula Teixeira/Folha Exemplo"],
        not_in_turns: &["Leia também", "Comentários", "WhatsApp"],
    },
    Case {
        file: "blind6_negrito_pt.md",
        pairs: 3,
        first_q: "Por que um romance agora, depois de tantos livros de poesia?",
        last_a: "Sempre. O computador me apressa",
        lang: "pt",
        interviewees: Some(&["Dulce Mendonça"]),
        interviewer: Some(&[]),
        headline: Some("\"Eu escrevo para não esquecer\""),
        date: None,
        images: 0,
        credits: &[],
        not_in_turns: &["Aos 82 anos"],
    },
    Case {
        file: "blind6_dr_it.txt",
        pairs: 3,
        first_q: "Come sta andando questa stagione?",
        last_a: "Sì, ma gli direi di non farlo da solo.",
        lang: "it",
        interviewees: Some(&["Giulia Ferri"]),
        interviewer: Some(&[]),
        headline: Some("«Le api sono il nostro termometro»"),
        date: Some("2023-05-05"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "«Non servono premi, servono regole chiare»",
            "Leggi anche",
            "Cronaca",
        ],
    },
    Case {
        file: "blind6_nl.txt",
        pairs: 3,
        first_q: "Wat is er in dertig jaar het meest veranderd?",
        last_a: "Elke dag, ook als het regent. Wie wil er nou in de auto zitten als het kan?",
        lang: "nl",
        interviewees: Some(&["Joris van Dijk"]),
        interviewer: Some(&["Sanne de Vries"]),
        headline: Some("'Op de fiets zie je de stad pas echt'"),
        date: Some("2024-02-14"),
        images: 0,
        credits: &[],
        not_in_turns: &["Deel dit artikel", "Binnenland"],
    },
    Case {
        file: "blind6_pl.txt",
        pairs: 3,
        first_q: "Ile osób ma pani pod opieką?",
        last_a: "Myślałam, oczywiście. Ale kto by tu został?",
        lang: "pl",
        // The lead names her only in the instrumental case ('z dr Anną Kowalczyk').
        interviewees: None,
        interviewer: Some(&["Tomasz Wójcik"]),
        headline: Some("Lekarka z Bieszczad: \"Tu nikt nie liczy godzin\""),
        date: Some("2023-10-03"),
        images: 0,
        credits: &[],
        not_in_turns: &["Czytaj także", "Strona główna"],
    },
    Case {
        file: "blind6_soru_tr.txt",
        pairs: 3,
        first_q: "Okulu açma fikri nereden çıktı?",
        last_a: "Enstrüman bulmak.",
        lang: "tr",
        interviewees: Some(&["Mehmet Aydın"]),
        interviewer: Some(&["Elif Yıldız"]),
        headline: Some("\"Müzik bir dildir, herkes öğrenebilir\""),
        date: Some("2024-06-21"),
        images: 0,
        credits: &[],
        not_in_turns: &["Paylaş", "Yorumlar", "Soru:", "Cevap:"],
    },
    Case {
        file: "blind6_dash_ru.md",
        pairs: 3,
        first_q: "Почему именно хлеб?",
        last_a: "Устаю, конечно.",
        lang: "ru",
        interviewees: Some(&["Ольга Смирнова"]),
        interviewer: Some(&[]),
        headline: Some("«Хороший хлеб не терпит спешки»"),
        date: Some("2024-04-12"),
        images: 0,
        credits: &[],
        not_in_turns: &["— Почему", "— Потому"],
    },
    Case {
        file: "blind6_ja.txt",
        pairs: 3,
        first_q: "お店を始めたきっかけは何ですか。",
        last_a: "子どもたちが気軽に来られる店にしたいです。",
        lang: "ja",
        // Only a surname with an honorific ('中村さん').
        interviewees: None,
        interviewer: Some(&["佐藤花子"]),
        headline: Some("「町の本屋は、町の記憶です」"),
        date: Some("2024-05-20"),
        images: 0,
        credits: &[],
        not_in_turns: &["――", "この記事をシェアする", "聞き手"],
    },
    Case {
        file: "blind6_ko.txt",
        pairs: 3,
        first_q: "처음 물질을 시작한 게 언제인가요?",
        last_a: "몸을 아끼라고 하고 싶어요.",
        lang: "ko",
        interviewees: None,
        interviewer: None,
        headline: Some("\"제주 바다는 매년 달라집니다\""),
        date: Some("2024-03-15"),
        images: 1,
        credits: &["이민호 기자"],
        not_in_turns: &["댓글", "사진=", "―"],
    },
    Case {
        file: "blind6_ar.txt",
        pairs: 3,
        first_q: "متى بدأت تعلم الخط؟",
        last_a: "الصبر أولاً.",
        lang: "ar",
        interviewees: None,
        interviewer: Some(&["يوسف الحسيني"]),
        headline: Some("\"الخط العربي فن يحتاج إلى صبر\""),
        date: None,
        images: 0,
        credits: &[],
        not_in_turns: &["شارك", "س:", "ج:"],
    },
    Case {
        file: "blind6_magazine_en.md",
        pairs: 4,
        first_q: "What do you remember first about growing up here?",
        last_a: "He'd check the lamp first.",
        lang: "en",
        interviewees: Some(&["Bridget Mallory"]),
        interviewer: Some(&["Owen Hartley"]),
        headline: Some("The Lighthouse Keeper's Daughter"),
        date: Some("2024-06-03"),
        images: 1,
        credits: &["Sinead Brennan"],
        not_in_turns: &["The light was automated", "We met her"],
    },
    Case {
        file: "blind6_transcript_en.txt",
        pairs: 3,
        first_q: "Priya, what made you try solar panels over your fields?",
        last_a: "The lettuce did better.",
        lang: "en",
        interviewees: Some(&["Priya Natarajan"]),
        interviewer: Some(&["Daniel Reyes"]),
        headline: Some("Why small farms are betting on solar"),
        date: Some("2024-03-08"),
        images: 0,
        credits: &[],
        not_in_turns: &["This transcript has been edited", "Host Daniel Reyes"],
    },
    Case {
        file: "blind6_dateline_de.txt",
        pairs: 3,
        first_q: "Frau Albers, wie schlimm ist es um den Rhein bestellt?",
        last_a: "Kurzfristig wenig.",
        lang: "de",
        interviewees: Some(&["Katrin Albers"]),
        interviewer: Some(&["Felix Brandt"]),
        headline: Some("„Der Rhein ist müde“"),
        date: Some("2024-03-12"),
        images: 2,
        credits: &["Thomas Frey", "dpa/Anna Lenz"],
        not_in_turns: &["Mehr zum Thema", "Bild:", "Ein Frachtschiff bei Kaub."],
    },
    Case {
        file: "blind6_two_answer_en.txt",
        pairs: 3,
        first_q: "Who picked up the fiddle first?",
        last_a: "Listening.",
        lang: "en",
        // The labels say 'AOIFE' and 'NIAMH'; the lead 'Aoife and Niamh Brennan'.
        interviewees: Some(&["Aoife Brennan", "Niamh Brennan"]),
        interviewer: Some(&["Laura Finch"]),
        headline: Some("Two sisters, one fiddle school"),
        date: Some("2023-09-18"),
        images: 0,
        credits: &[],
        not_in_turns: &["Related stories", "AOIFE:"],
    },
    Case {
        file: "blind6_furniture_it.html",
        pairs: 3,
        first_q: "Quanto tempo serve per un violino?",
        last_a: "Mai. Che altro farei?",
        lang: "it",
        interviewees: Some(&["Marco Bellini"]),
        interviewer: Some(&[]),
        headline: Some("«Un violino impara a suonare con chi lo suona»"),
        date: Some("2024-09-18"),
        images: 0,
        credits: &[],
        not_in_turns: &[
            "Potrebbe interessarti",
            "Stradivari",
            "complimenti",
            "Pubblicità",
            "Copia link",
        ],
    },
    Case {
        file: "blind6_names_ja.txt",
        pairs: 3,
        first_q: "海外に出ようと思ったきっかけは何ですか。",
        last_a: "失敗を恐れないこと。",
        lang: "ja",
        interviewees: Some(&["鈴木一郎"]),
        interviewer: Some(&["山田太郎"]),
        headline: Some("「小さな町工場こそ世界に出るべきだ」"),
        date: Some("2023-11-02"),
        images: 0,
        credits: &[],
        not_in_turns: &["関連記事", "山田：", "鈴木："],
    },
    Case {
        file: "blind6_callout_en.md",
        pairs: 3,
        first_q: "When did you decide to feed people for free?",
        last_a: "Start small. One pot of soup on a Friday. See who comes.",
        lang: "en",
        interviewees: Some(&["Tomasz Lewandowski"]),
        interviewer: Some(&[]),
        headline: Some("\"We never had a plan B\""),
        date: Some("2023-06-12"),
        images: 0,
        credits: &[],
        not_in_turns: &["cookbook", "---"],
    },
    Case {
        file: "blind6_initials_pl.txt",
        pairs: 3,
        first_q: "Od czego zaczyna pani pracę nad filmem?",
        last_a: "Nad serialem o latarnikach.",
        lang: "pl",
        interviewees: Some(&["Ewa Zielińska"]),
        interviewer: Some(&["Paweł Nowicki"]),
        headline: Some("Kompozytorka Ewa Zielińska: \"Cisza też jest muzyką\""),
        date: Some("2024-01-12"),
        images: 0,
        credits: &[],
        not_in_turns: &["Rozmawiał", "PN:", "EZ:"],
    },
    Case {
        file: "blind6_statement_it.txt",
        pairs: 4,
        first_q: "Partiamo dall'inizio. Come è diventato guida?",
        last_a: "Camminare tanto, leggere le previsioni e non avere fretta.",
        lang: "it",
        interviewees: Some(&["Luca Moretti"]),
        interviewer: Some(&["Chiara Russo"]),
        headline: Some("«La montagna non perdona la fretta»"),
        date: Some("2024-02-02"),
        images: 0,
        credits: &[],
        not_in_turns: &[],
    },
    Case {
        file: "blind6_h3_en.html",
        pairs: 3,
        first_q: "What does a normal night look like?",
        last_a: "No. You just buy better socks.",
        lang: "en",
        interviewees: Some(&["Felipe Arroyo"]),
        interviewer: Some(&["Hannah Okoro"]),
        headline: Some("Night shift at the observatory"),
        date: Some("2023-10-04"),
        images: 1,
        credits: &["Mei Tanaka"],
        not_in_turns: &["All rights reserved", "Science"],
    },
];

/// Fields a careful reader gets and colloquy does not yet, each with why it is left out of
/// the assertion rather than made right with a rule that only fits this text. They are
/// still judged and printed, so a fix shows.
const KNOWN_MISSES: &[KnownMiss] = &[
    (
        "blind6_nl.txt",
        "interviewees",
        "'Fietsambassadeur Joris van Dijk' opens the lead: a capitalised description run into the name; nothing tells the noun from a first name",
    ),
    (
        "blind6_dash_ru.md",
        "interviewees",
        "'Пекарь Ольга Смирнова' opens the lead: the same capitalised description before the name",
    ),
];

#[test]
fn blind_round_six_every_field_a_careful_reader_gets() {
    blind::score("blind6", CASES, KNOWN_MISSES);
}

#[test]
fn two_interviewees_answer_the_same_question() {
    let (iv, _) = reading::fixture("blind6_two_answer_en.txt");
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].answers.len(), 2);
    assert_eq!(ex[1].answers.len(), 2);
    assert_eq!(ex[2].answers.len(), 1);
    assert_eq!(
        ex[0].answers[1].text(),
        "I was not jealous. I was four and wanted whatever she had."
    );
    // `NIAMH:` is `Niamh Brennan` of the lead; `AOIFE:` shares the surname printed once
    // for both ('Aoife and Niamh Brennan'), both being speakers.
    let ivees = names(&iv, Role::Interviewee);
    assert_eq!(ivees, ["Aoife Brennan", "Niamh Brennan"]);
}

#[test]
fn an_unanswered_last_question_gets_no_answer_pl() {
    let (iv, _) = reading::fixture("blind6_pl.txt");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(
        ex[2].0,
        "Co by pani zmieniła, gdyby mogła pani zdecydować o wszystkim?"
    );
    assert_eq!(ex[2].1, "");
}

#[test]
fn a_pull_quote_and_a_courtesy_exchange_stay_out_of_the_answers_it() {
    let (iv, _) = reading::fixture("blind6_dr_it.txt");
    let ex = qa(&iv);
    assert_eq!(
        ex[1].1,
        "Di ascoltare chi lavora in campagna. Non servono premi, servono regole chiare sui pesticidi."
    );
    assert_eq!(
        ex[2].1,
        "Sì, ma gli direi di non farlo da solo. Da soli non si resiste."
    );
    assert_eq!(
        iv.closing.as_ref().map(|c| c.text()).as_deref(),
        Some("Grazie, Giulia.")
    );
}

#[test]
fn a_pull_quote_repeating_an_answer_is_no_turn_md() {
    let (iv, _) = reading::fixture("blind6_callout_en.md");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(
        ex[0].1,
        "The second week of the lockdown. We had a walk-in fridge full of food and nobody to cook for. It felt wrong to throw it away."
    );
    assert_eq!(ex[1].0, "How do you pay for it?");
}

#[test]
fn requests_without_a_question_mark_are_questions_pt_nl_ru() {
    for (file, i, q) in [
        (
            "blind6_negrito_pt.md",
            1,
            "Fale um pouco sobre a personagem principal.",
        ),
        ("blind6_nl.txt", 1, "Vertel eens over het grootste project."),
        (
            "blind6_dash_ru.md",
            1,
            "Расскажите, как начинается ваш день.",
        ),
        ("blind6_ja.txt", 2, "これからの目標を教えてください。"),
        (
            "blind6_statement_it.txt",
            1,
            "Ci racconti la salita più difficile.",
        ),
        ("blind6_statement_it.txt", 2, "Parliamo di sicurezza."),
    ] {
        let (iv, _) = reading::fixture(file);
        let ex = qa(&iv);
        assert_eq!(ex.get(i).map(|e| e.0.as_str()), Some(q), "{file}");
    }
}
