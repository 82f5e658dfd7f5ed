//! Input variants of the same kind of interview: labels in typographic disguise (quotes,
//! brackets, full-width colon, dashes, tabs, italics, CJK labels), Markdown headings and
//! pull quotes, HTML page furniture and head metadata, subtitle voices and dialogue dashes.
//! Each must give the exchange as spoken, with no label or furniture inside a turn.

use colloquy::model::{Interview, Role};
use colloquy::read::{decode, read};

fn load(name: &str) -> Interview {
    let path = format!("tests/fixtures/read/variants/{name}");
    let text = decode(&path, &std::fs::read(&path).unwrap()).unwrap();
    read(&path, &text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The (question, answer) texts of every exchange.
fn pairs(iv: &Interview) -> Vec<(String, String)> {
    iv.exchanges()
        .iter()
        .map(|e| {
            let a: Vec<String> = e.answers.iter().map(|a| a.text()).collect();
            (e.question.text(), a.join(" / "))
        })
        .collect()
}

fn people(iv: &Interview) -> Vec<(String, Role)> {
    iv.people
        .iter()
        .map(|p| (p.name.value.clone(), p.role))
        .collect()
}

#[test]
fn disguised_labels_are_labels() {
    let want = [
        (
            "What drew you to field recordings?".to_string(),
            "The quiet. A forest at dawn is louder than people think.".to_string(),
        ),
        (
            "Do you still travel for them?".to_string(),
            "Less than before. Most of my work happens within an hour of home now.".to_string(),
        ),
    ];
    let short = |p: Vec<(String, String)>| -> Vec<(String, String)> {
        p.into_iter()
            .map(|(q, a)| {
                let a = if a.starts_with("Less than before.") {
                    want[1].1.clone()
                } else {
                    a
                };
                (q, a)
            })
            .collect()
    };
    for name in [
        "curly_q.txt",
        "bracket_q.txt",
        "paren_q.txt",
        "fullwidth_q.txt",
        "endash_q.txt",
        "tab_q.txt",
        "italic_q.md",
        "italic_names.md",
        "boldq_dash.md",
    ] {
        let iv = load(name);
        assert_eq!(short(pairs(&iv)), want, "{name}: {:#?}", iv.turns);
        assert!(iv.turns.iter().all(|t| t.label.is_some()), "{name}");
        // The title is the headline where the page marks it (a lead under it, a Markdown
        // `# ` heading); a lone first line right above the first turn is marked by nothing:
        // no headline, and a warning.
        let marked = matches!(
            name,
            "curly_q.txt" | "italic_q.md" | "italic_names.md" | "boldq_dash.md"
        );
        if marked {
            assert_eq!(
                iv.meta.headline.as_ref().map(|h| h.value.as_str()),
                Some("Learning to Listen"),
                "{name}"
            );
        } else {
            assert!(iv.meta.headline.is_none(), "{name}");
            assert!(
                iv.diagnostics.iter().any(|d| d.code == "no-headline"),
                "{name}"
            );
        }
    }
    let iv = load("italic_names.md");
    assert!(people(&iv).contains(&("Ada Moreau".into(), Role::Interviewee)));
}

#[test]
fn names_before_an_em_dash_are_speakers() {
    let iv = load("emdash_names_es.txt");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(p[0].0, "¿Qué te llevó a grabar sonidos del bosque?");
    assert!(p[0].1.starts_with("El silencio."), "{}", p[0].1);
    assert_eq!(p[1].1, "Menos que antes. Casi todo lo hago cerca de casa.");
}

#[test]
fn a_dash_in_prose_is_not_a_label() {
    // A dateline and a one-word aside before a dash, said once each, are prose.
    let text = "Harbour Talks\n\nPARIS — The harbour reopened on Monday after a long winter.\n\nQ: Why did it close?\nA: Well — the ice came early and nobody was ready for it.\n\nQ: Will it stay open?\nA: Yes, as long as the boats keep coming back to us.\n";
    let iv = read("x.txt", text).unwrap();
    assert_eq!(iv.exchanges().len(), 2, "{:#?}", iv.turns);
    assert!(iv
        .turns
        .iter()
        .all(|t| t.label.as_deref().is_some_and(|l| l == "Q" || l == "A")));
    assert!(pairs(&iv)[0].1.starts_with("Well — the ice"));
}

#[test]
fn cjk_labels_with_full_width_colons() {
    for name in ["cjk_zh.txt", "cjk_wenda.txt"] {
        let iv = load(name);
        let p = pairs(&iv);
        assert_eq!(p.len(), 2, "{name}: {:#?}", iv.turns);
        assert_eq!(p[0].0, "你是怎么开始养蜂的？", "{name}");
        assert_eq!(p[1].1, "比想象的容易。屋顶上花很多。", "{name}");
        assert_eq!(iv.language(), Some("zh"), "{name}");
    }
    // The lone first line above the first turn is no headline by itself (see
    // read_real_head for a Han headline that a date line marks).
    let iv = load("cjk_wenda.txt");
    assert!(iv.meta.headline.is_none());
    // A Chinese name is written whole: the label `王立` names the interviewee.
    let iv = load("cjk_zh.txt");
    assert_eq!(people(&iv), vec![("王立".to_string(), Role::Interviewee)]);
}

#[test]
fn chinese_role_words_are_no_names() {
    let text = "城市里的养蜂人\n\n主持人：你是怎么开始养蜂的？\n嘉宾：十年前，朋友送了我一箱蜜蜂。\n\n主持人：城市里养蜂难吗？\n嘉宾：比想象的容易。\n";
    let iv = read("x.txt", text).unwrap();
    assert_eq!(iv.exchanges().len(), 2, "{:#?}", iv.turns);
    assert!(iv.people.is_empty(), "{:?}", people(&iv));
}

#[test]
fn markdown_question_headings_section_headings_and_pull_quotes() {
    let iv = load("md_headings.md");
    let p = pairs(&iv);
    assert_eq!(p.len(), 3, "{:#?}", iv.turns);
    assert_eq!(p[0].0, "Why did you start keeping bees?");
    // The pull quote between exchanges is in no turn.
    assert_eq!(
        p[0].1,
        "A friend gave me a hive ten years ago. I had no idea what I was doing."
    );
    assert!(iv.turns.iter().all(|t| !t.text().contains("patience")));
    assert_eq!(
        iv.meta.date_published.as_ref().map(|d| d.value.as_str()),
        Some("2024-05-14")
    );
    // Front matter `author:` is the byline: the one who asks.
    assert!(people(&iv).contains(&("Jonas Weber".into(), Role::Interviewer)));

    let iv = load("md_sections_de.md");
    let p = pairs(&iv);
    assert_eq!(p.len(), 3, "{:#?}", iv.turns);
    assert_eq!(
        p[1].1,
        "Leichter als gedacht. Auf den Dächern blüht sehr viel."
    );
    assert!(iv
        .turns
        .iter()
        .all(|t| !t.text().contains("Über die") && !t.text().contains("Geduld")));
    assert!(people(&iv).contains(&("Lena Vogt".into(), Role::Interviewee)));
}

#[test]
fn markdown_author_that_is_no_person_names_nobody() {
    let text = "---\ntitle: Harbour\nauthor: staff\n---\n\n**Q:** Why stay?\n\n**A:** The boats need me.\n";
    let iv = read("x.md", text).unwrap();
    assert!(iv.people.iter().all(|p| p.role != Role::Interviewer));
}

#[test]
fn html_page_furniture_stays_out_and_head_metadata_is_read() {
    let iv = load("page_strong.html");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(p[0].0, "Wie sind Sie zur Imkerei gekommen?");
    assert_eq!(p[1].0, "Ist Imkern in der Stadt schwer?");
    for t in &iv.turns {
        let s = t.text();
        for leak in [
            "Impressum",
            "Abo",
            "überwintern",
            "console",
            "color",
            "Foto",
            "Start",
        ] {
            assert!(!s.contains(leak), "{leak} leaked into {s}");
        }
    }
    assert_eq!(iv.language(), Some("de"));
    assert_eq!(
        iv.meta.headline.as_ref().unwrap().value,
        "Die Imkerin vom Dach"
    );
    // `article:published_time` is kept whole: the offset is what makes it a point in time.
    assert_eq!(
        iv.meta.date_published.as_ref().map(|d| d.value.as_str()),
        Some("2024-05-14T08:00:00+02:00")
    );
    // The canonical link is where the page says it is published (`url`), not a claim
    // about where the text was taken from.
    assert_eq!(
        iv.meta.url.as_ref().map(|u| u.value.as_str()),
        Some("https://stadtblatt.example/imkerin-vom-dach")
    );
    assert!(iv.meta.source_url.is_none());
    assert!(people(&iv).contains(&("Lena Vogt".into(), Role::Interviewee)));
    assert_eq!(iv.figures.len(), 1, "{:#?}", iv.figures);
}

#[test]
fn html_title_is_the_headline_when_the_body_has_none() {
    let page = "<html><head><title>Harbour &amp; Sea</title><meta property=\"og:title\" content=\"Keeping the harbour\"></head><body><p><b>Q:</b> Why stay?</p><p><b>A:</b> The boats need me.</p></body></html>";
    let iv = read("x.html", page).unwrap();
    assert_eq!(
        iv.meta.headline.as_ref().unwrap().value,
        "Keeping the harbour"
    );
    assert!(iv.meta.date_published.is_none());
    assert!(iv.meta.url.is_none());
}

#[test]
fn html_question_headings_with_paragraph_answers() {
    let iv = load("page_h3.html");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(p[0].0, "What drew you to field recordings?");
    assert!(p[0].1.contains("never stopped"), "{}", p[0].1);
    assert!(people(&iv).contains(&("Ada Moreau".into(), Role::Interviewee)));
}

#[test]
fn subtitle_voices_dashes_and_split_sentences() {
    for name in [
        "voices.vtt",
        "dashes.srt",
        "names.srt",
        "voices_classes.vtt",
        "names_tags.srt",
        "names_brackets.srt",
    ] {
        let iv = load(name);
        let p = pairs(&iv);
        assert_eq!(p.len(), 2, "{name}: {:#?}", iv.turns);
        assert_eq!(p[0].0, "What drew you to field recordings?", "{name}");
        // A sentence split over two cues is one turn.
        assert_eq!(
            p[0].1, "The quiet. A forest at dawn is louder than people think.",
            "{name}"
        );
        assert_eq!(p[1].1, "Less than before.", "{name}");
    }
    let iv = load("voices.vtt");
    assert!(people(&iv).contains(&("Ada Moreau".into(), Role::Interviewee)));
    assert!(people(&iv).contains(&("Sam Reed".into(), Role::Interviewer)));
}

#[test]
fn japanese_interviewer_bars_ask() {
    let iv = load("ja_dash.txt");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(p[0].0, "養蜂を始めたきっかけは何ですか。");
    assert_eq!(p[0].1, "十年前に友人から巣箱をもらったのが始まりです。");
    assert_eq!(iv.turns[0].decision.rule, "dash-question");
}

#[test]
fn chinese_attribution_dashes_are_not_questions() {
    // `——Name` after a quotation attributes it; Chinese text, no kana: no interviewer bars.
    let text = "城市里的养蜂人\n\n问：你是怎么开始养蜂的？\n答：十年前，朋友送了我一箱蜜蜂。\n\n“蜜蜂教会了我耐心。”\n——王立\n\n问：城市里养蜂难吗？\n答：比想象的容易。\n\n“屋顶上花很多。”\n——王立\n";
    let iv = read("x.txt", text).unwrap();
    assert_eq!(iv.exchanges().len(), 2, "{:#?}", iv.turns);
    assert!(iv.turns.iter().all(|t| t.decision.rule != "dash-question"));
}

#[test]
fn who_asks_in_the_turns_outweighs_an_ambiguous_head_phrase() {
    // `X talks to Y` names either side; Sam Reed asks every time, Ada Moreau never.
    let iv = load("page_b_names.html");
    let p = people(&iv);
    assert!(p.contains(&("Sam Reed".into(), Role::Interviewer)), "{p:?}");
    assert!(
        p.contains(&("Ada Moreau".into(), Role::Interviewee)),
        "{p:?}"
    );
    let ex = iv.exchanges();
    assert_eq!(ex.len(), 2, "{:#?}", iv.turns);
    assert_eq!(ex[0].question.text(), "What drew you to field recordings?");
}

#[test]
fn html_site_furniture_after_the_article_or_marked_by_class_stays_out() {
    let iv = load("page_article.html");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(p[1].1, "Less than before.");
    assert!(people(&iv).contains(&("Sam Reed".into(), Role::Interviewer)));

    // No <article>: a related block marked by its class, with nested divs, goes.
    let page = "<html><body><h1>Harbour Talks</h1><p><b>Q:</b> Why stay?</p><p><b>A:</b> The boats need me.</p><p><b>Q:</b> And next year?</p><p><b>A:</b> The same, I hope.</p><div class=\"c-related_links\"><div><h3>More</h3></div><p>Why do we sing?</p></div><p>Thank you.</p></body></html>";
    let iv = read("x.html", page).unwrap();
    assert_eq!(iv.exchanges().len(), 2, "{:#?}", iv.turns);
    assert!(iv.turns.iter().all(|t| !t.text().contains("sing")));
    assert!(iv
        .turns
        .iter()
        .all(|t| !t.text().contains("sing") && !t.text().contains("More")));
}

#[test]
fn an_interview_with_names_the_interviewee_in_the_lead() {
    let iv = load("curly_q.txt");
    assert_eq!(
        people(&iv),
        vec![("Ada Moreau".to_string(), Role::Interviewee)]
    );
    // An outlet after the phrase is no person.
    let text = "Learning to Listen\n\nIn an interview with the BBC last year, the artist spoke of silence.\n\nQ: What drew you to field recordings?\nA: The quiet.\n\nQ: Do you still travel?\nA: Less than before.\n";
    let iv = read("x.txt", text).unwrap();
    assert!(iv.people.is_empty(), "{:?}", people(&iv));
}

#[test]
fn sound_notes_in_brackets_are_no_speakers() {
    let text = "1\n00:00:01,000 --> 00:00:03,000\n[MUSIC] Welcome back to the show.\n\n2\n00:00:03,500 --> 00:00:05,000\nQ: What drew you to field recordings?\n\n3\n00:00:05,500 --> 00:00:08,000\nA: [LAUGHS] The quiet, mostly.\n\n4\n00:00:08,500 --> 00:00:10,000\n[MUSIC] Q: Do you still travel?\n\n5\n00:00:10,500 --> 00:00:12,000\nA: [LAUGHS] Less than before.\n";
    let iv = read("x.srt", text).unwrap();
    assert!(iv
        .turns
        .iter()
        .all(|t| t.label.as_deref() != Some("MUSIC") && t.label.as_deref() != Some("LAUGHS")));
    assert!(iv.people.is_empty(), "{:?}", people(&iv));
}

#[test]
fn br_separated_labels_and_mixed_dash_labels() {
    let iv = load("page_br_fr.html");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(
        p[1],
        (
            "Voyagez-vous encore pour enregistrer ?".into(),
            "Moins qu’avant.".into()
        )
    );
    let iv = load("mixed_dash.txt");
    let p = pairs(&iv);
    assert_eq!(p.len(), 2, "{:#?}", iv.turns);
    assert_eq!(p[1].1, "Less than before.");
}

#[test]
fn section_headings_between_exchanges_are_no_turns() {
    for name in [
        "page_sections_de.html",
        "page_sections_en.html",
        "md_sections_bold_en.md",
    ] {
        let iv = load(name);
        let p = pairs(&iv);
        assert_eq!(p.len(), 2, "{name}: {:#?}", iv.turns);
        assert!(
            iv.turns
                .iter()
                .all(|t| !t.text().contains("Über die") && !t.text().contains("On the road")),
            "{name}: {:#?}",
            iv.turns
        );
    }
    // A heading that asks stays a question.
    let iv = load("page_h3.html");
    assert_eq!(iv.exchanges().len(), 2);
}

#[test]
fn a_name_before_a_dash_in_credits_is_no_speaker() {
    let text = "La voix de la forêt\n\n![Ada](a.jpg)\nAda Moreau — AFP\n\nQ: Qu’est-ce qui vous a amenée là ?\nR: Le silence.\n\n![Ada](b.jpg)\nAda Moreau — AFP\n\nQ: Voyagez-vous encore ?\nR: Moins qu’avant.\n";
    let iv = read("x.txt", text).unwrap();
    assert_eq!(iv.exchanges().len(), 2, "{:#?}", iv.turns);
    assert!(
        iv.turns
            .iter()
            .all(|t| matches!(t.label.as_deref(), Some("Q") | Some("R"))),
        "{:#?}",
        iv.turns
    );
    assert!(iv.turns.iter().all(|t| !t.text().contains("AFP")));
    assert_eq!(iv.figures.len(), 2);
    assert!(iv
        .figures
        .iter()
        .all(|f| f.credit.as_deref() == Some("AFP")));
}
