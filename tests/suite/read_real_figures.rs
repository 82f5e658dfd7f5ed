//! Pictures of real interviews whose scrape kept only the caption line (issue #8): each
//! caption with its credit becomes one figure, and a caption between two paragraphs of an
//! answer neither splits the answer nor becomes a turn. Cases come from `../shared/corpus`.

use crate::shared::shared;
use colloquy::model::Interview;

fn case(rel: &str) -> Option<Interview> {
    let path = shared(&format!("corpus/{rel}"))?;
    let name = path.to_string_lossy().to_string();
    let text = colloquy::read::decode(&name, &std::fs::read(&path).unwrap()).unwrap();
    Some(colloquy::read::read(&name, &text).unwrap_or_else(|e| panic!("{e}")))
}

/// (caption, credit) of every figure, in order.
fn figures(iv: &Interview) -> Vec<(Option<String>, Option<String>)> {
    iv.figures
        .iter()
        .map(|f| (f.caption.clone(), f.credit.clone()))
        .collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn a_caption_sentence_ending_image_and_a_name_is_a_figure_inside_an_answer() {
    let Some(iv) = case("wikinews/101-en-wikinews-nick-bos-ants.txt") else {
        return;
    };
    assert_eq!(
        figures(&iv),
        vec![
            (some("Formica fusca, from file."), some("Mathias Krumbholz")),
            (
                some("Beauveria bassiana on a cicada in Bolivia."),
                some("Danny Newman")
            ),
            (
                some("Example of aerated concrete, which provided a home for the subjects."),
                some("Marco Bernardini")
            ),
        ]
    );
    // The third caption stands between two paragraphs of answer 2: no turn holds it, and
    // the paragraphs on both sides stay one answer.
    for t in &iv.turns {
        assert!(
            !t.text().contains("provided a home for the subjects"),
            "{}",
            t.text()
        );
    }
    let answer = iv
        .turns
        .iter()
        .find(|t| t.text().contains("we took pictures of each foraging arena"))
        .expect("the answer around the caption");
    assert!(
        answer.paragraphs.len() >= 3
            && answer
                .text()
                .contains("This gave us the data that ants choose more medicine"),
        "{}",
        answer.text()
    );
}

#[test]
fn credit_prefixes_in_lower_case_or_with_a_semicolon_keep_an_abbreviation() {
    let Some(iv) = case("wikinews/106-en-wikinews-daly-sea-anemone.txt") else {
        return;
    };
    let f = figures(&iv);
    assert_eq!(f.len(), 2);
    // `… relative to McMurdo Station image: Daily et al.`: the credit keeps `al.`.
    assert!(f.iter().all(|(_, c)| c.as_deref() == Some("Daily et al.")));
    let Some(iv) = case("wikinews/104-en-wikinews-santorum-cocktail.txt") else {
        return;
    };
    let credits: Vec<Option<String>> = figures(&iv).into_iter().map(|(_, c)| c).collect();
    assert_eq!(
        credits,
        vec![
            some("Zach Weiner"),
            some("Pacific Standard, provided by the owners")
        ]
    );
}

#[test]
fn a_credit_glued_to_the_caption_and_a_credit_without_full_stop() {
    let Some(iv) = case("wikinews/109-en-wikinews-wikihow-herrick.txt") else {
        return;
    };
    assert_eq!(
        figures(&iv),
        vec![(
            some("Herrick at RecentChangesCamp 2008"),
            some("ShakataGaNai")
        )]
    );
    let Some(iv) = case("wikinews/118-en-wikinews-stardust-westphal.txt") else {
        return;
    };
    let f = figures(&iv);
    assert_eq!(f.len(), 2);
    assert_eq!(
        f[0].0.as_deref(),
        Some("Artist's rendering of Spacecraft Stardust")
    );
    assert!(f.iter().all(|(_, c)| c.as_deref() == Some("NASA")));
}

#[test]
fn captions_after_the_last_answer_are_not_part_of_it() {
    let Some(iv) = case("wikinews/111-en-wikinews-sarvis.txt") else {
        return;
    };
    assert_eq!(
        figures(&iv),
        vec![
            (some("Robert Sarvis."), some("Sarvis for Governor")),
            (some("Virginia, highlighted in red."), some("Huebi")),
        ]
    );
    let last = iv.exchanges().last().map(|e| {
        e.answers
            .iter()
            .map(|a| a.text())
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert!(!last.unwrap_or_default().contains("Image:"));
}

#[test]
fn a_vietnamese_caption_credits_after_anh() {
    let Some(iv) = case("pages/225-vi-vietnamnet-mai-ai-truc-truc-tuyen.txt") else {
        return;
    };
    assert_eq!(
        figures(&iv),
        vec![(
            some("Bộ trưởng Mai Ái Trực trong cuộc trực tuyến tối 26/7."),
            some("Phạm Hải")
        )]
    );
}

#[test]
fn a_lone_image_line_is_a_picture_without_caption() {
    let Some(iv) = case("pages/212-fr-lingq-podcast-steve-matthieu.txt") else {
        return;
    };
    assert_eq!(figures(&iv), vec![(None, None)]);
}

#[test]
fn captions_without_credit_known_by_a_position_or_a_scene() {
    let Some(iv) = case("wikinews/110-en-wikinews-christopher-hill.txt") else {
        return;
    };
    assert_eq!(
        figures(&iv),
        vec![
            (
                some("Hill at the Lesser-known candidates forum in 2011"),
                None
            ),
            (
                some("Hill (right) with fellow 2012 presidential candidate Buddy Roemer."),
                None
            ),
        ]
    );
    // Neither caption is read as part of Hill's answers.
    for t in &iv.turns {
        assert!(!t.text().contains("Buddy Roemer"), "{}", t.text());
    }
    let Some(iv) = case("pages/217-de-bundespraesident-gauck-mauerfall.txt") else {
        return;
    };
    let f = figures(&iv);
    assert_eq!(f.len(), 1);
    assert!(f[0]
        .0
        .as_deref()
        .is_some_and(|c| c.starts_with("Bundespräsident Joachim Gauck während")));
    assert_eq!(f[0].1, None);
}
