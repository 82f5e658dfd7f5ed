//! Headline and publication date on real interviews (issue #8): the headline is only a
//! line the page's shape marks as the title, never page chrome; a date is read only where
//! the text states it as the publication date. Cases come from `../shared/corpus`.

use crate::shared::shared;
use colloquy::model::Interview;

fn read_case(rel: &str) -> Option<(Interview, String)> {
    let path = shared(&format!("corpus/{rel}"))?;
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let bytes = std::fs::read(&path).unwrap();
    let text = colloquy::read::decode(&name, &bytes).unwrap();
    let iv = colloquy::read::read(&name, &text).unwrap();
    Some((iv, text))
}

fn headline(iv: &Interview) -> Option<&str> {
    iv.meta.headline.as_ref().map(|h| h.value.as_str())
}

fn date(iv: &Interview) -> Option<&str> {
    iv.meta.date_published.as_ref().map(|d| d.value.as_str())
}

fn warned(iv: &Interview, code: &str) -> bool {
    iv.diagnostics.iter().any(|d| d.code == code)
}

#[test]
fn navigation_link_over_a_programme_name_is_not_the_headline_the_line_over_the_date_is() {
    let Some((iv, _)) = read_case("pages/202-en-cnn-live-from-king-pilots.txt") else {
        return;
    };
    assert_eq!(headline(&iv), Some("White House Briefing; The Plane Truth"));
    // inspect shows why: the date line under it.
    assert!(iv
        .diagnostics
        .iter()
        .any(|d| d.code == "headline" && d.message.contains("date line")));
}

#[test]
fn a_blog_menu_line_is_not_the_headline_the_title_over_the_lead_is() {
    let Some((iv, _)) = read_case("pages/240-sv-ww2facts-putin-ap-machine-translated.txt") else {
        return;
    };
    assert_eq!(
        headline(&iv),
        Some("Intervju med Putin på Channel One och Associated Press")
    );
    // `Redaktionen - 2024` is a site credit, not a date.
    assert_eq!(date(&iv), None);
}

#[test]
fn chrome_and_an_ad_above_a_russian_transcript_give_no_false_headline() {
    let Some((iv, _)) = read_case("pages/233-ru-blog-iua-putin-larry-king.txt") else {
        return;
    };
    assert_eq!(
        headline(&iv),
        Some("Интервью Владимира Путина телеканалу CNN на русском языке")
    );
}

#[test]
fn a_bulleted_relative_date_is_never_the_headline() {
    let Some((iv, _)) = read_case("pages/213-fr-dailymotion-dheliat-timestamped.txt") else {
        return;
    };
    assert_ne!(headline(&iv), Some("• il y a 6 mois"));
    assert!(headline(&iv).is_none_or(|h| !h.contains("il y a")));
    if headline(&iv).is_none() {
        assert!(warned(&iv, "no-headline"));
    }
}

#[test]
fn a_headline_shaped_like_a_label_over_a_date_line_is_the_headline_not_a_turn() {
    for (case, want, day) in [
        (
            "wikinews/115-en-wikinews-messina-mets-poet.txt",
            "Frank Messina: An Interview with the 'Mets Poet'",
            "2007-10-03",
        ),
        (
            "wikinews/116-en-wikinews-the-onion.txt",
            "The Onion: An interview with 'America's Finest News Source'",
            "2007-11-25",
        ),
    ] {
        let Some((iv, _)) = read_case(case) else {
            return;
        };
        assert_eq!(headline(&iv), Some(want), "{case}");
        assert_eq!(date(&iv), Some(day), "{case}");
        // The headline is no answer.
        assert!(
            iv.turns
                .iter()
                .all(|t| !t.text().contains("An Interview with")
                    && !t.text().contains("An interview with")),
            "{case}"
        );
    }
}

#[test]
fn a_page_title_printed_twice_over_the_lead_is_the_headline() {
    let Some((iv, _)) = read_case("pages/225-vi-vietnamnet-mai-ai-truc-truc-tuyen.txt") else {
        return;
    };
    assert_eq!(
        headline(&iv),
        Some("Ông Mai Ái Trực nói về 'nghề' Bộ trưởng")
    );
}

#[test]
fn a_han_headline_over_a_date_line() {
    let text = "城市里的养蜂人\n2024年5月20日\n\n问：你是怎么开始养蜂的？\n答：十年前，朋友送了我一箱蜜蜂。\n\n问：城市里养蜂难吗？\n答：比想象的容易。屋顶上花很多。\n";
    let iv = colloquy::read::read("a.txt", text).unwrap();
    // Seven Han characters are as wide as fourteen Latin letters.
    assert_eq!(headline(&iv), Some("城市里的养蜂人"));
    assert_eq!(date(&iv), Some("2024-05-20"));
}

#[test]
fn skip_links_taglines_and_captions_are_never_headlines() {
    for top in [
        "Skip to main content",
        "Accessibility links",
        "Return to Transcripts main page",
        "Since 1887",
        "The harbour at dawn. Photo: Jane Roe",
        "• il y a 6 mois",
    ] {
        let text = format!(
            "{top}\nThe long walk home by the sea and back\n\nQ: Why do you walk?\nA: It clears my head.\n"
        );
        let iv = colloquy::read::read("a.txt", &text).unwrap();
        assert!(
            headline(&iv).is_none_or(|h| h != top),
            "{top}: {:?}",
            headline(&iv)
        );
        let text = format!(
            "{top}\n\nShe has walked the coast path every morning for twenty years, whatever the weather.\n\nQ: Why do you walk?\nA: It clears my head.\n"
        );
        let iv = colloquy::read::read("a.txt", &text).unwrap();
        assert_eq!(headline(&iv), None, "{top}");
        assert!(warned(&iv, "no-headline"), "{top}");
    }
}

#[test]
fn a_date_that_opens_the_lead_dates_the_article() {
    let Some((iv, text)) = read_case("wikinews/104-en-wikinews-santorum-cocktail.txt") else {
        return;
    };
    assert_eq!(date(&iv), Some("2012-03-15"));
    // The evidence is the date itself at the start of the lead.
    let Some(colloquy::model::Provenance::Text { span }) = iv
        .meta
        .date_published
        .as_ref()
        .map(|d| d.provenance.clone())
    else {
        panic!("the date comes from the text");
    };
    assert_eq!(&text[span], "March 15, 2012");
}

#[test]
fn a_hijri_and_gregorian_date_line_with_local_and_greenwich_clocks() {
    let Some((iv, _)) = read_case("pages/234-ar-aljazeera-berlusconi-liqa.txt") else {
        return;
    };
    // The Hijri date is not read as a Gregorian one; the offset is the difference of
    // the Mecca and Greenwich clocks.
    assert_eq!(date(&iv), Some("2006-02-27T16:57:00+03:00"));
}

#[test]
fn a_date_inside_an_answer_is_no_publication_date() {
    let Some((iv, _)) = read_case("pages/207-en-npr-obama-inskeep-lpm.txt") else {
        return;
    };
    assert_eq!(date(&iv), None);
    assert!(warned(&iv, "no-date"));
}

#[test]
fn a_chat_date_line_with_its_clock_and_the_zone_the_lead_gives_the_same_time() {
    let Some((iv, _)) = read_case("pages/204-en-washingtonpost-politics-hour-chat.txt") else {
        return;
    };
    // `Friday, January 12, 2007; 11:00 AM` and, in the lead, `at 11 a.m. ET`: Eastern
    // time in January is standard time.
    assert_eq!(date(&iv), Some("2007-01-12T11:00:00-05:00"));
}

#[test]
fn a_broadcast_listing_dates_the_programme_without_a_headline() {
    // `tv Deadline White House MSNBC July 4, 2019 1:00pm-2:01pm PDT`: the air date; the
    // listing is no headline, and the range of hours is no time-zone offset.
    if let Some(path) =
        crate::shared::shared("corpus/pages/203-en-archive-msnbc-earthquake-captions.txt")
    {
        let name = path.display().to_string();
        let text = colloquy::read::decode(&name, &std::fs::read(&path).unwrap()).unwrap();
        let iv = colloquy::read::read(&name, &text).unwrap();
        assert_eq!(
            iv.meta
                .date_published
                .map(|d| d.value.as_str().to_string())
                .as_deref(),
            Some("2019-07-04")
        );
        assert!(iv.meta.headline.is_none());
    }
}
