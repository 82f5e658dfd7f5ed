//! Every bundled sample in `samples/` read as a user would see it: its exchanges, photo
//! credits and interviewee names. Samples without a row below still get the invariants
//! (at least one exchange, no turn word that is not in the source, the closing in no
//! answer, no chrome in the turns), so a new sample is checked from the day it lands.

use colloquy::model::{Interview, Role};
use colloquy::read::{decode, read};

struct Want {
    file: &'static str,
    exchanges: usize,
    first_question: &'static str,
    last_answer_starts: &'static str,
    credits: &'static [&'static str],
    interviewees: &'static [&'static str],
}

const WANT: &[Want] = &[
    Want {
        file: "de-bergfuehrerin.txt",
        exchanges: 3,
        first_question:
            "Frau Obermoser, wie hat sich der Berg in den letzten zwanzig Jahren verändert?",
        last_answer_starts: "Mit einer Führung gehen",
        credits: &["Alpenverein Sektion Talheim", "Lukas Wendl"],
        // Addressed as `Frau Obermoser`; the caption prints `Bergführerin Katrin Obermoser`.
        interviewees: &["Katrin Obermoser"],
    },
    Want {
        file: "en-harbour-master.txt",
        exchanges: 5,
        first_question: "How much of the old harbour wall can be saved?",
        last_answer_starts: "They think it is about the next storm.",
        credits: &["Port Calder Harbour Board", "Tomás Reyes"],
        // Thanked as `Captain Ferris`; the caption prints `Harbour master Aileen Ferris`.
        interviewees: &["Aileen Ferris"],
    },
    Want {
        file: "es-bibliotecaria.txt",
        exchanges: 3,
        first_question: "¿Cuántos libros presta la biblioteca cada mes?",
        last_answer_starts: "Espacio.",
        credits: &["Archivo Municipal"],
        // Thanked as `Rosa Elvira`; the caption's fuller `Rosa Elvira Quintana` wins.
        interviewees: &["Rosa Elvira Quintana"],
    },
    Want {
        file: "en-lighthouse.vtt",
        // The courtesy opening gets a reply, so it is an exchange.
        exchanges: 3,
        first_question: "Maren Holt, thank you for having us at the lighthouse.",
        last_answer_starts: "The trust will look after it.",
        credits: &[],
        interviewees: &["Maren Holt"],
    },
    Want {
        file: "fr-atelier.html",
        exchanges: 3,
        first_question: "Élise Carrel, comment êtes-vous venue au verre ?",
        last_answer_starts: "Oui, si les gens continuent",
        credits: &["Hugo Lenoir"],
        interviewees: &["Élise Carrel"],
    },
    Want {
        file: "pt-oficina.md",
        exchanges: 3,
        first_question: "Como começou a oficina?",
        last_answer_starts: "Ciclovias que liguem os bairros",
        credits: &["Rita Soares"],
        interviewees: &["Joana Ferraz"],
    },
    Want {
        file: "vi-nha-gom.txt",
        exchanges: 3,
        first_question: "Bà bắt đầu làm gốm từ khi nào?",
        last_answer_starts: "Tôi mong có một con đường",
        credits: &["Minh Châu"],
        // The questions say only `bà` (a title without a name) and the caption names
        // `Nghệ nhân Lê Thị Hạnh`: no address matches a printed name, so none is given.
        interviewees: &[],
    },
];

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraph is the source's own words, in order: a subtitle turn runs over cues
/// (numbers and timings between its lines), markup sits between words of a page, but no
/// word may be one the source does not have there.
fn in_order(src: &str, para: &str) -> bool {
    let mut at = 0;
    para.split_whitespace().all(|w| match src[at..].find(w) {
        Some(k) => {
            at += k + w.len();
            true
        }
        None => false,
    })
}

fn invariants(name: &str, iv: &Interview, text: &str) {
    let ex = iv.exchanges();
    assert!(!ex.is_empty(), "{name}: no exchanges");
    let src = norm(text);
    for t in &iv.turns {
        for p in &t.paragraphs {
            assert!(
                in_order(&src, &p.text),
                "{name}: turn text not in the source: {}",
                p.text
            );
            for chrome in ["Kommentare (", "Comments (", "Comentarios (", "Bình luận ("] {
                assert!(!p.text.contains(chrome), "{name}: chrome in a turn");
            }
        }
    }
    if let Some(c) = &iv.closing {
        let closing = c.text();
        for e in &ex {
            for a in &e.answers {
                assert!(!a.text().contains(&closing), "{name}: closing in an answer");
            }
        }
    }
}

#[test]
fn every_sample_reads_right() {
    let mut files: Vec<_> = std::fs::read_dir("samples")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut checked = 0;
    for path in files {
        let name = path.display().to_string();
        let text = decode(&name, &std::fs::read(&path).unwrap()).unwrap();
        let iv = read(&name, &text).unwrap_or_else(|e| panic!("{e}"));
        invariants(&name, &iv, &text);
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(w) = WANT.iter().find(|w| w.file == file) else {
            continue;
        };
        checked += 1;
        let ex = iv.exchanges();
        assert_eq!(ex.len(), w.exchanges, "{name}: exchanges");
        assert_eq!(
            ex[0].question.text(),
            w.first_question,
            "{name}: first question"
        );
        let last = ex.iter().rev().find(|e| !e.answers.is_empty()).unwrap();
        assert!(
            last.answers[0].text().starts_with(w.last_answer_starts),
            "{name}: last answer {:?}",
            last.answers[0].text()
        );
        // Every question is answered in these samples: nothing left over, nothing made up.
        assert!(
            ex.iter().all(|e| e.answers.len() == 1),
            "{name}: one answer each"
        );
        let mut credits: Vec<String> = iv.figures.iter().filter_map(|f| f.credit.clone()).collect();
        credits.sort();
        credits.dedup();
        assert_eq!(credits, w.credits, "{name}: credits");
        let names: Vec<String> = iv
            .people_with_role(Role::Interviewee)
            .map(|p| p.name.value.clone())
            .collect();
        assert_eq!(names, w.interviewees, "{name}: interviewees");
        if w.interviewees.is_empty() {
            assert!(
                iv.diagnostics
                    .iter()
                    .any(|d| d.code == "no-interviewee-name"),
                "{name}: a missing name is warned about"
            );
        }
        assert!(
            iv.closing.is_some(),
            "{name}: the closing thanks is kept apart"
        );
    }
    assert_eq!(checked, WANT.len(), "every sample with a row was found");
}
