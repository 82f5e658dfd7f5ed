//! A blind round on the non-text readers: pages the way common CMSs serve them (WordPress,
//! Drupal, Arc-style, an old table-less CMS with `<br>` paragraphs), Markdown exported from
//! Notion, Obsidian and Ghost, and WebVTT/SRT subtitles. Every fixture is our own invention;
//! the expectations were written from the inputs before colloquy read them.
//!
//! Each case checks what a user relies on: the exchanges (count, first question, start of the
//! last answer), the language, the people where the text gives evidence, the photos with
//! caption and credit, headline and date where the page states them, and that no chrome,
//! pull quote, related link or markup ends up inside a turn.

use crate::reading::{date, fixture, headline, names, qa};
use colloquy::model::{Interview, Provenance, Role};

#[derive(Default)]
struct Case {
    file: &'static str,
    /// `None` only where the structure recognizer (not a format reader) is known to differ;
    /// see the case.
    exchanges: Option<usize>,
    /// The first question ends with this (a host's greeting before it may share the turn).
    first_question: Option<&'static str>,
    last_answer_starts: &'static str,
    language: &'static str,
    headline: Option<&'static str>,
    /// As the page states it: a machine-readable timestamp with its offset is kept whole.
    date: Option<&'static str>,
    interviewees: &'static [&'static str],
    interviewers: &'static [&'static str],
    /// Names that must not be interviewees (bylines, role words).
    not_interviewees: &'static [&'static str],
    /// (caption, credit, image URL ends with)
    figures: &'static [(&'static str, &'static str, &'static str)],
    /// Text some answer must contain (entities decoded, tags gone, cues joined).
    answer_contains: &'static [&'static str],
    /// Text no turn may contain: chrome, pull quotes, related links, comments, markup.
    nowhere: &'static [&'static str],
}

/// Every way the interview as read differs from the case; empty when all is right.
fn misses(c: &Case) -> (Vec<String>, usize) {
    let (iv, text) = fixture(c.file);
    let mut miss = Vec::new();
    let mut fields = 0;
    let mut want = |ok: bool, what: String| {
        fields += 1;
        if !ok {
            miss.push(what);
        }
    };
    let p = qa(&iv);
    if let Some(n) = c.exchanges {
        want(
            p.len() == n,
            format!("{n} exchanges, got {}: {:#?}", p.len(), p),
        );
    }
    let q1 = p.first().map(|x| x.0.as_str()).unwrap_or("");
    if let Some(first) = c.first_question {
        want(
            q1.ends_with(first) && !q1.is_empty(),
            format!("first question {first:?}, got {q1:?}"),
        );
    }
    let last = p.last().map(|x| x.1.as_str()).unwrap_or("");
    want(
        last.starts_with(c.last_answer_starts),
        format!(
            "last answer starts {:?}, got {last:?}",
            c.last_answer_starts
        ),
    );
    want(
        p.iter().all(|(_, a)| !a.trim().is_empty()),
        "an empty answer".into(),
    );
    let lang = iv.language().unwrap_or("");
    want(
        lang == c.language || lang.starts_with(&format!("{}-", c.language)),
        format!("language {}, got {lang:?}", c.language),
    );
    want(
        headline(&iv) == c.headline,
        format!("headline {:?}, got {:?}", c.headline, headline(&iv)),
    );
    want(
        date(&iv) == c.date,
        format!("date {:?}, got {:?}", c.date, date(&iv)),
    );
    // A date read from the page points at where the page states it.
    if let Some(d) = &iv.meta.date_published {
        if let Provenance::Text { span } = &d.provenance {
            let at = text.get(span.clone()).unwrap_or("");
            let year = d.value.as_str().get(..4).unwrap_or(d.value.as_str());
            want(
                at.contains(year),
                format!("date span {span:?} shows {at:?}, not {year}"),
            );
        }
    }
    let ees = names(&iv, Role::Interviewee);
    let ers = names(&iv, Role::Interviewer);
    for n in c.interviewees {
        want(
            ees.iter().any(|e| e.contains(n)),
            format!("interviewee {n}, got {ees:?}"),
        );
    }
    for n in c.interviewers {
        want(
            ers.iter().any(|e| e.contains(n)),
            format!("interviewer {n}, got {ers:?}"),
        );
    }
    for n in c.not_interviewees {
        want(
            !ees.iter().any(|e| e.contains(n)),
            format!("{n} is no interviewee, got {ees:?}"),
        );
    }
    want(
        iv.figures.len() == c.figures.len(),
        format!("{} figures, got {:#?}", c.figures.len(), iv.figures),
    );
    for (i, (caption, credit, url)) in c.figures.iter().enumerate() {
        let f = iv.figures.get(i);
        let got = f.and_then(|f| f.caption.as_deref()).unwrap_or("");
        want(
            got == *caption,
            format!("figure {i} caption {caption:?}, got {got:?}"),
        );
        let got = f.and_then(|f| f.credit.as_deref()).unwrap_or("");
        want(
            got == *credit,
            format!("figure {i} credit {credit:?}, got {got:?}"),
        );
        let got = f.and_then(|f| f.image_url.as_deref()).unwrap_or("");
        want(
            got.ends_with(url),
            format!("figure {i} image ends {url:?}, got {got:?}"),
        );
    }
    let answers: Vec<&str> = p.iter().map(|x| x.1.as_str()).collect();
    for s in c.answer_contains {
        want(
            answers.iter().any(|a| a.contains(s)),
            format!("an answer with {s:?}: {answers:#?}"),
        );
    }
    let turns: Vec<String> = all_turn_text(&iv);
    for s in c.nowhere.iter().chain(MARKUP) {
        let hit = turns.iter().find(|t| t.contains(s));
        want(hit.is_none(), format!("{s:?} inside a turn: {hit:?}"));
    }
    (miss, fields)
}

/// Markup no reader may leave in a turn, whatever the format.
const MARKUP: &[&str] = &["<", "&amp;", "&nbsp;", "&#", "-->", "**", "](", "{\\", "[["];

fn all_turn_text(iv: &Interview) -> Vec<String> {
    iv.turns
        .iter()
        .chain(iv.closing.iter())
        .map(|t| t.text())
        .collect()
}

fn check(c: &Case) {
    let (miss, fields) = misses(c);
    assert!(
        miss.is_empty(),
        "{}: {} of {fields} checks wrong:\n- {}",
        c.file,
        miss.len(),
        miss.join("\n- ")
    );
}

fn wp_de() -> Case {
    Case {
        file: "blind_fmt_wp_de.html",
        exchanges: Some(4),
        first_question: Some("Herr Brenner, wie geht es dem Stadtwald?"),
        last_answer_starts: "Dass sie auf den Wegen bleiben und ihre Hunde anleinen.",
        language: "de",
        headline: Some("„Ein Wald braucht Geduld“"),
        date: Some("2025-05-14T08:30:00+02:00"),
        // The lead says "Im Gespräch mit Lena Krause erzählt der Förster …": another
        // subject tells, so Lena Krause (also the byline) asks and Jonas Brenner answers.
        interviewees: &["Jonas Brenner"],
        interviewers: &["Lena Krause"],
        figures: &[(
            "Jonas Brenner zwischen jungen Buchen am Hang über Ahrental.",
            "Petra Maas",
            "https://tal-bote.example/wp-content/uploads/2025/05/brenner-1024x683.jpg",
        )],
        answer_contains: &[
            "Fichten gekostet – auf manchen Flächen",
            "Waldbericht der Stadt & in unserer Broschüre.",
            "Trotzdem macht mir das keine Sorgen.",
        ],
        nowhere: &[
            "„Ein Wald braucht Geduld, nicht mich.“",
            "Seit dreißig Jahren",
            "Kommentare",
            "Borkenkäfer",
            "Impressum",
            "Schlagworte",
            "Zum Inhalt",
            "Lokales",
            "Horst",
            "gepflanzt?",
        ],
        ..Case::default()
    }
}

fn drupal_pt() -> Case {
    Case {
        file: "blind_fmt_drupal_pt.html",
        exchanges: Some(4),
        first_question: Some("Como começou a biblioteca?"),
        last_answer_starts: "Quero que alguém do bairro assuma meu lugar.",
        language: "pt",
        headline: Some("Maria Lúcia Teixeira: “A biblioteca é a praça que sobrou”"),
        date: Some("2024-09-03T07:00:00-03:00"),
        interviewees: &["Maria Lúcia Teixeira"],
        not_interviewees: &["Carlos Nunes"],
        figures: &[(
            "Maria Lúcia Teixeira entre as estantes da biblioteca.",
            "Renata Dias",
            "/2024-09/teixeira.jpg",
        )],
        answer_contains: &[
            "Crianças, principalmente, depois da escola.\n\nMas também aposentados",
            "“pode levar, mas devolva”.",
        ],
        nowhere: &[
            "Leia também",
            "Prefeitura anuncia",
            "Comentários",
            "Que orgulho",
            "Pular para",
            "direitos reservados",
            "Há vinte anos",
            "Cidade",
        ],
        ..Case::default()
    }
}

fn arc_ja() -> Case {
    Case {
        file: "blind_fmt_arc_ja.html",
        exchanges: Some(3),
        first_question: Some("窯に再び火を入れたのはいつですか。"),
        last_answer_starts: "輪島の土で、毎日使える器を作り続けることです。",
        language: "ja",
        headline: Some("陶芸家・佐藤健一さんに聞く\u{3000}輪島の窯、もう一度"),
        date: Some("2025-01-20T06:00:00+09:00"),
        figures: &[(
            "再建した窯の前に立つ佐藤健一さん＝石川県輪島市",
            "田中誠",
            "/980x0/sato.jpg",
        )],
        answer_contains: &["道具よりも、弟子たちが町を離れたことです。"],
        nowhere: &[
            "広告",
            "関連記事",
            "輪島塗の工房",
            "Copyright",
            "ニュース",
            "聞き手",
            "地震で崩れた",
            "――",
        ],
        ..Case::default()
    }
}

fn oldcms_en() -> Case {
    Case {
        file: "blind_fmt_oldcms_en.html",
        exchanges: Some(4),
        first_question: Some("Do you remember your first crossing?"),
        last_answer_starts: "Sleep in.",
        language: "en",
        headline: Some("Ferry captain Ruth Okafor on 30 years of crossings"),
        date: Some("2023-11-02"),
        interviewees: &["Ruth Okafor"],
        interviewers: &["Sam Petrie"],
        figures: &[(
            "Ruth Okafor at the ferry landing in Millbrook.",
            "Dan Mills/Valley Echo",
            "/photos/2023/okafor_ferry.jpg",
        )],
        answer_contains: &[
            "Fog so thick I couldn’t see the bow",
            "“if I survive this, I can survive anything.”",
            "Nobody talks anymore — they look at their phones.",
            "Some of them I still do.",
            "to be honest & I told him so.",
        ],
        nowhere: &[
            "Valley Echo:",
            "Okafor:",
            "ADVERTISEMENT",
            "Share this",
            "Related stories",
            "Ferry fares",
            "Comments",
            "riverfan52",
            "Privacy",
            "Subscribe",
            "We caught up",
        ],
        ..Case::default()
    }
}

fn cms_es() -> Case {
    Case {
        file: "blind_fmt_cms_es.html",
        exchanges: Some(4),
        first_question: Some("¿Cuánto ha subido el mar en esta costa?"),
        last_answer_starts: "Que lea los mapas de inundación antes de firmar.",
        language: "es",
        headline: Some("Lucía Ferrer: «El mar no se detiene por nosotros»"),
        date: Some("2024-06-08T09:15:00+02:00"),
        interviewees: &["Lucía Ferrer"],
        not_interviewees: &["Pablo Iturbe"],
        figures: &[(
            "Lucía Ferrer, con muestras de arena en su laboratorio de la Universidad del Cabo.",
            "Ana Ruiz",
            "/img/2024/06/ferrer-lab.jpg",
        )],
        // The rhetorical question stays inside its answer.
        answer_contains: &["¿De verdad queremos pagar eso cada dos años?"],
        nowhere: &[
            "«Las dunas eran",
            "Publicidad",
            "Lee también",
            "El temporal de enero",
            "Lo más leído",
            "Comentarios",
            "Compartir",
            "Suscríbete",
            "Temas:",
            "Inicia sesión",
            "Dirige el grupo",
            "por qué las playas del sur",
        ],
        ..Case::default()
    }
}

fn notion_en() -> Case {
    Case {
        file: "blind_fmt_notion_en.md",
        exchanges: Some(4),
        first_question: Some("What does a quiet night look like?"),
        last_answer_starts: "Come and work a week of nights first.",
        language: "en",
        headline: Some("The Night Shift: A Conversation with Dr. Amara Quist"),
        date: Some("2024-02-11"),
        interviewees: &["Amara Quist"],
        interviewers: &["Theo Lindqvist"],
        figures: &[(
            "Amara Quist in the ward corridor.",
            "Jonah Fell",
            "https://cdn.example.org/img/quist-corridor.jpg",
        )],
        answer_contains: &[
            "credit for.",
            "I still learn something from them every week.",
            "half of it is about sleep.",
        ],
        nowhere: &[
            "\"Saying the other word",
            "Read more",
            "Inside the ward",
            "[guide]",
            "stbrendans.example",
            "Q:",
            "has run the emergency ward",
        ],
        ..Case::default()
    }
}

fn obsidian_de() -> Case {
    Case {
        file: "blind_fmt_obsidian_de.md",
        exchanges: Some(4),
        first_question: Some("Frau Sommer, wie lange dauert eine Geige?"),
        last_answer_starts: "Schlecht, aber gern.",
        language: "de",
        headline: Some("Werkstattgespräch mit Ida Sommer"),
        date: Some("2025-03-08"),
        // Ida Sommer answers (the headline "Werkstattgespräch mit Ida Sommer": a compound
        // interview word) and Mats Falk (the front matter's author, who "hat sie besucht")
        // asks.
        interviewees: &["Ida Sommer"],
        interviewers: &["Mats Falk"],
        figures: &[(
            "Ida Sommer an der Hobelbank.",
            "Mats Falk",
            "attachments/sommer-werkstatt.jpg",
        )],
        answer_contains: &["siehe Reisen 2024.", "geduldige Menschen."],
        nowhere: &[
            "[!quote]",
            "und ich arbeite mit",
            "###",
            "aliases",
            "handwerk",
            "baut seit 1998",
        ],
        ..Case::default()
    }
}

fn ghost_fr() -> Case {
    Case {
        file: "blind_fmt_ghost_fr.md",
        exchanges: Some(4),
        first_question: Some("Pourquoi le vélo cargo ?"),
        last_answer_starts: "Essayer d'abord.",
        language: "fr",
        headline: Some("Noé Garnier : « Le vélo cargo a changé mon quartier »"),
        date: Some("2023-10-17T18:00:00+02:00"),
        interviewees: &["Noé Garnier"],
        interviewers: &["Claire Dumas"],
        figures: &[(
            "Noé Garnier dans son atelier, rue Francis-de-Pressensé.",
            "Hugo Lenoir",
            "/2023/10/garnier.jpg",
        )],
        answer_contains: &[
            "c'est presque une identité.",
            "voir le rapport de la métropole.",
        ],
        nowhere: &[
            "more",
            "[rapport]",
            "metropole.example",
            "Propos recueillis",
            "a ouvert le premier atelier",
        ],
        ..Case::default()
    }
}

fn voices_en() -> Case {
    Case {
        file: "blind_fmt_voices_en.vtt",
        exchanges: Some(3),
        first_question: Some("Omar, how did you end up with forty hives?"),
        last_answer_starts: "Flowers that bloom after July. Lime trees, clover, ivy in the autumn.",
        language: "en",
        interviewees: &["Omar Haddad"],
        interviewers: &["Nadia Brooks"],
        answer_contains: &[
            "A swarm landed in my neighbour's apple tree and nobody else wanted it.",
            "no more hives. Every spring I lie.",
        ],
        nowhere: &[
            "NOTE",
            "Recorded at",
            "re-timed",
            "::cue",
            "align:",
            "intro",
            "q1",
            "00:00",
            "Omar Haddad, thank you.\n",
            "ivy in the autumn. Thank you",
            "ivy in the autumn.\n\nThank you",
        ],
        ..Case::default()
    }
}

fn names_es() -> Case {
    Case {
        file: "blind_fmt_names_es.srt",
        exchanges: Some(3),
        first_question: Some("¿Por qué decidió construir con tierra cruda?"),
        last_answer_starts: "Una escuela en Jujuy. Empezamos en marzo.",
        language: "es",
        interviewees: &["Teresa Villalba"],
        not_interviewees: &["ENTREVISTADORA", "Entrevistadora"],
        answer_contains: &[
            "Porque es el material que teníamos bajo los pies. Nadie tenía que traerlo en camión, y además regula la humedad mejor que cualquier máquina.",
            "Al principio se rieron. \"Una casa de barro\", decían. Ahora vienen a pedirme consejo para sus propias casas.",
        ],
        nowhere: &["ENTREVISTADORA", "TERESA VILLALBA", "00:00", "an8"],
        ..Case::default()
    }
}

fn continued_pt() -> Case {
    Case {
        file: "blind_fmt_continued_pt.vtt",
        // A courtesy opening that gets a reply is an exchange of the interview (as the
        // interviewer's thanks that opens the State Department transcript in the dev corpus).
        exchanges: Some(3),
        first_question: Some("Inês Carvalho, obrigado por ter vindo."),
        last_answer_starts: "Só para turistas.",
        language: "pt",
        interviewees: &["Inês Carvalho"],
        interviewers: &["Rui Matos"],
        answer_contains: &[
            "Aos dezasseis anos, com a máquina do meu avô. Ele era rabelo, levava vinho até à Ribeira.",
            "são os netos dos antigos. Isso, para mim, é o que interessa fotografar.",
        ],
        nowhere: &["Podcast Vozes", "Legendas revistas", "00:00", "c.yellow"],
        ..Case::default()
    }
}

fn all() -> Vec<Case> {
    vec![
        wp_de(),
        drupal_pt(),
        arc_ja(),
        oldcms_en(),
        cms_es(),
        notion_en(),
        obsidian_de(),
        ghost_fr(),
        voices_en(),
        names_es(),
        continued_pt(),
    ]
}

/// One line per case and a total: `cargo test --test suite read_blind_formats -- --nocapture`.
#[test]
fn blind_formats_score() {
    let (mut right, mut total, mut cases_right) = (0, 0, 0);
    let cases = all();
    for c in &cases {
        let (miss, fields) = misses(c);
        right += fields - miss.len();
        total += fields;
        cases_right += usize::from(miss.is_empty());
        println!("{:32} {:>3}/{fields}", c.file, fields - miss.len());
        for m in &miss {
            println!("    - {m}");
        }
    }
    println!(
        "blind formats: {right}/{total} checks, {cases_right}/{} cases fully right",
        cases.len()
    );
    assert_eq!(right, total);
}

#[test]
fn wordpress_page_de() {
    check(&wp_de());
}
#[test]
fn drupal_page_with_json_ld_pt() {
    check(&drupal_pt());
}
#[test]
fn arc_page_ja() {
    check(&arc_ja());
}
#[test]
fn old_cms_page_with_br_paragraphs_en() {
    check(&oldcms_en());
}
#[test]
fn cms_page_with_pull_quote_figure_and_ad_between_exchanges_es() {
    check(&cms_es());
}
#[test]
fn notion_markdown_en() {
    check(&notion_en());
}
#[test]
fn obsidian_markdown_de() {
    check(&obsidian_de());
}
#[test]
fn ghost_markdown_with_html_figure_fr() {
    check(&ghost_fr());
}
#[test]
fn webvtt_voices_notes_and_cue_settings_en() {
    check(&voices_en());
}
#[test]
fn srt_names_and_continued_cues_es() {
    check(&names_es());
}
#[test]
fn webvtt_voice_only_at_turn_start_pt() {
    check(&continued_pt());
}
