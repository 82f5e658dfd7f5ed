//! People read from real published interviews (`../shared/corpus`): names are names (no
//! titles, outlets, labels or notes inside them), and roles follow the conventions the text
//! shows. Each test reads one real case; without `../shared` it skips with one line.

use crate::shared::shared;
use colloquy::model::{Interview, Role};

fn read_case(rel: &str) -> Option<Interview> {
    let path = shared(&format!("corpus/{rel}"))?;
    let name = path.display().to_string();
    let bytes = std::fs::read(&path).unwrap();
    let text = colloquy::read::decode(&name, &bytes).unwrap();
    Some(colloquy::read::read(&name, &text).unwrap())
}

fn names(iv: &Interview, role: Role) -> Vec<String> {
    let mut v: Vec<String> = iv
        .people_with_role(role)
        .map(|p| p.name.value.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn a_country_or_organisation_opening_the_description_is_not_the_interviewee() {
    // `Interview with US political activist and philosopher Noam Chomsky`
    if let Some(iv) = read_case("wikinews/103-en-wikinews-chomsky.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Noam Chomsky"]);
    }
    // `Interview with LibriVox founder Hugh McGuire`
    if let Some(iv) = read_case("wikinews/113-en-wikinews-librivox-mcguire.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Hugh McGuire"]);
    }
}

#[test]
fn an_outlet_is_never_a_person() {
    // `… interviewed by Wikinews`: the outlet asks, no person is named.
    for case in [
        "wikinews/109-en-wikinews-wikihow-herrick.txt",
        "wikinews/117-en-wikinews-aner-shalev.txt",
    ] {
        if let Some(iv) = read_case(case) {
            assert!(names(&iv, Role::Interviewer).is_empty(), "{case}");
        }
    }
    // `Interview mit der Berliner Zeitung …`: a newspaper, not the interviewer.
    if let Some(iv) = read_case("pages/217-de-bundespraesident-gauck-mauerfall.txt") {
        assert!(names(&iv, Role::Interviewer).is_empty());
    }
}

#[test]
fn interview_with_x_of_an_outlet_names_the_one_who_asks() {
    // `Interview With Greta Van Susteren of Fox News`, labels `QUESTION:` and `SECRETARY
    // RICE:`, and `Secretary Condoleezza Rice` in the header.
    if let Some(iv) = read_case("pages/201-en-scoop-stategov-rice-van-susteren.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["Greta Van Susteren"]);
        assert_eq!(names(&iv, Role::Interviewee), ["Condoleezza Rice"]);
    }
}

#[test]
fn titles_stay_out_of_names() {
    // `Secrétaire Antony J. Blinken Avec Arieh Smith de Xiaomanyc sur YouTube`
    if let Some(iv) = read_case("pages/215-fr-originvl-blinken-xiaomanyc-machine-translated.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Antony J. Blinken"]);
    }
    // `Herr Bundespräsident` in the questions, `Bundespräsident Joachim Gauck` in a caption.
    if let Some(iv) = read_case("pages/217-de-bundespraesident-gauck-mauerfall.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Joachim Gauck"]);
    }
    // The label `Chet Clem:` and `Editorial Manager Chet Clem` in the text.
    if let Some(iv) = read_case("wikinews/116-en-wikinews-the-onion.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Chet Clem", "Sean Mills"]);
    }
    // `Ümit Bey`: a Turkish honorific after the first name.
    if let Some(iv) = read_case("pages/236-tr-blogspot-umit-unal-sohbet.txt") {
        assert!(iv.people.iter().all(|p| !p.name.value.contains("Bey")));
    }
}

#[test]
fn a_surname_after_a_title_is_not_stated_as_a_full_name() {
    // `interview with President Obama` and `PRESIDENT OBAMA:`: the given name is not printed.
    if let Some(iv) = read_case("pages/207-en-npr-obama-inskeep-lpm.txt") {
        assert!(names(&iv, Role::Interviewee).is_empty());
        assert!(iv
            .diagnostics
            .iter()
            .any(|d| d.code == "no-interviewee-name"));
    }
}

#[test]
fn an_outlet_after_a_particle_ends_the_name() {
    // `Hugh Hewitt da MSNBC`
    if let Some(iv) = read_case("pages/219-pt-stategov-pompeo-hewitt-pt.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["Hugh Hewitt"]);
    }
}

#[test]
fn labels_and_notes_are_not_names() {
    // `Andrew Westphal（下简称 “安”）:` carries an abbreviation note in full-width brackets.
    if let Some(iv) = read_case("wikinews/119-zh-wikinews-stardust-westphal-translation.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Andrew Westphal"]);
    }
    // `人物：` (a header key) and `问题` ("question") are no one's names.
    for case in [
        "wikinews/120-zh-wikinews-keyman-ma.txt",
        "pages/228-zh-usembassy-china-pompeo-pete-mundo.txt",
    ] {
        if let Some(iv) = read_case(case) {
            assert!(
                iv.people
                    .iter()
                    .all(|p| p.name.value != "人物" && p.name.value != "问题"),
                "{case}"
            );
        }
    }
    // `FUCHS:` and `Additional Fuchs Oral History Transcripts` in a link bar.
    if let Some(iv) = read_case("pages/205-en-trumanlibrary-fuchs-oral-history.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["James R. Fuchs"]);
    }
}

#[test]
fn a_lead_opening_with_a_date_or_a_copula_names_no_one() {
    // `October is National Magic Month …`, `On Thursday, with 110 …`
    for case in [
        "wikinews/102-en-wikinews-magicians-evans.txt",
        "wikinews/112-en-wikinews-licen-paralympics.txt",
    ] {
        if let Some(iv) = read_case(case) {
            assert!(
                iv.people
                    .iter()
                    .all(|p| !p.name.value.contains("Month") && !p.name.value.contains("Thursday")),
                "{case}"
            );
        }
    }
}

#[test]
fn an_outlet_interviewing_someone_names_the_interviewee() {
    // `Wikinews spoke with William Evans, president of …`, `Wikinews interviewed the site's
    // founder, Jack Herrick.`, `Wikinews interviews academic Simon Ličen about …`
    for (case, who) in [
        (
            "wikinews/102-en-wikinews-magicians-evans.txt",
            "William Evans",
        ),
        (
            "wikinews/109-en-wikinews-wikihow-herrick.txt",
            "Jack Herrick",
        ),
        (
            "wikinews/112-en-wikinews-licen-paralympics.txt",
            "Simon Ličen",
        ),
    ] {
        if let Some(iv) = read_case(case) {
            assert_eq!(names(&iv, Role::Interviewee), [who], "{case}");
            assert!(names(&iv, Role::Interviewer).is_empty(), "{case}");
        }
    }
}

#[test]
fn a_speaker_who_never_asks_is_not_named_as_the_interviewer() {
    // The questions' label `((Wikinews))` is not read as a label; the two named speakers
    // only answer, so neither is the one who asks.
    if let Some(iv) = read_case("wikinews/108-en-wikinews-heaven-sent-gaming.txt") {
        assert!(names(&iv, Role::Interviewer).is_empty());
        assert_eq!(
            names(&iv, Role::Interviewee),
            ["Isabel Ruiz", "Mario J. Lucero"]
        );
    }
}

#[test]
fn a_one_word_first_name_label_names_its_speaker_when_the_turns_bear_the_role_out() {
    // `Ümit:` answers (`Ümit Bey` is how he is addressed; the honorific is no surname).
    if let Some(iv) = read_case("pages/236-tr-blogspot-umit-unal-sohbet.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Ümit"]);
        // `Deniz:` asks, though the guess of who asks picked `Gizem:`: no name on a doubtful role.
        assert!(iv.people.iter().all(|p| p.name.value != "Deniz"));
    }
    if let Some(iv) = read_case("wikinews/107-en-wikinews-dungeon-owners.txt") {
        assert!(names(&iv, Role::Interviewee).contains(&"Bill".to_string()));
    }
    // `Titley:` is the surname of `David Titley` in a caption: the other one-word labels
    // (`Richman:`, `Snow:`) are surnames too, and no one is named by a surname alone.
    if let Some(iv) = read_case("wikinews/105-en-wikinews-cyclone-phailin-experts.txt") {
        assert!(iv.people.iter().all(|p| p.name.value.contains(' ')));
    }
}

#[test]
fn who_tells_the_outlet_answers_and_whom_the_interviewee_sat_down_with_asks() {
    // `Biologist Nick Bos tells Wikinews about 'self-medicating' ants`
    if let Some(iv) = read_case("wikinews/101-en-wikinews-nick-bos-ants.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Nick Bos"]);
    }
    // `Professor Chomsky sat down with Michael Dranove for an interview`
    if let Some(iv) = read_case("wikinews/103-en-wikinews-chomsky.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["Michael Dranove"]);
    }
    // `Wikinews interviews Christopher Hill, U.S. Republican Party presidential candidate`:
    // the apposition after the comma is no second person.
    if let Some(iv) = read_case("wikinews/110-en-wikinews-christopher-hill.txt") {
        assert!(iv.people.iter().all(|p| !p.name.value.contains("Party")));
    }
}

#[test]
fn a_byline_of_two_names_with_initials_names_both_interviewers() {
    // `by J.T. Curry and P.D. Lagerquist` in an oral history's title block.
    if let Some(iv) = read_case("pages/205-en-trumanlibrary-fuchs-oral-history.txt") {
        assert_eq!(
            names(&iv, Role::Interviewer),
            ["J.T. Curry", "P.D. Lagerquist"]
        );
    }
}

#[test]
fn an_abbreviated_label_defined_after_a_full_name_names_its_speaker() {
    // `José Cárdenas (JC), conductor:` then `JC:`
    if let Some(iv) = read_case("pages/211-es-gobmx-pena-nieto-jose-cardenas.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["José Cárdenas"]);
    }
}

#[test]
fn an_uncased_label_printed_after_a_title_is_a_name() {
    // The interviewer welcomes `السيد سيلفيو بيرلسكوني` (Mr …), who then speaks under that label.
    if let Some(iv) = read_case("pages/234-ar-aljazeera-berlusconi-liqa.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["سيلفيو بيرلسكوني"]);
    }
}

#[test]
fn a_pronoun_after_the_outlet_verb_stands_for_the_name_opening_the_sentence_before() {
    // `Andrew Westphal is the director of Stardust @ home. Wikinews interviewed him …`
    if let Some(iv) = read_case("wikinews/118-en-wikinews-stardust-westphal.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["Andrew Westphal"]);
        assert!(names(&iv, Role::Interviewer).is_empty());
    }
}

#[test]
fn a_title_printed_before_the_name_is_the_job_title() {
    // `Secretary Condoleezza Rice` in the header: the name without the title, the title apart.
    if let Some(iv) = read_case("pages/201-en-scoop-stategov-rice-van-susteren.txt") {
        let rice = iv
            .people
            .iter()
            .find(|p| p.name.value == "Condoleezza Rice")
            .expect("Rice is named");
        assert_eq!(
            rice.job_title.as_ref().map(|t| t.value.as_str()),
            Some("Secretary")
        );
    }
}

#[test]
fn tv_transcript_labels_with_roles_follow_their_speakers_into_surname_labels() {
    // `MILES O'BRIEN, CNN ANCHOR:` then `O'BRIEN:`, `JOHN KING, FLIGHT INSTRUCTOR:` then
    // `J. KING:`; another `CNN ANCHOR` reads the news before the interview.
    if let Some(iv) = read_case("pages/202-en-cnn-live-from-king-pilots.txt") {
        let lower = |v: Vec<String>| v.iter().map(|n| n.to_lowercase()).collect::<Vec<_>>();
        assert_eq!(lower(names(&iv, Role::Interviewer)), ["miles o'brien"]);
        assert_eq!(
            lower(names(&iv, Role::Interviewee)),
            ["john king", "martha king"]
        );
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 2);
        // The anchor's introduction of the guests is the lead, not the question.
        assert_eq!(ex[0].question.text(), "Good to have you with us, kings.");
        assert!(iv
            .lead
            .iter()
            .any(|p| p.text.contains("joining me from San Diego")));
    }
}

#[test]
fn readers_who_sign_their_questions_are_who_asked() {
    // `1-) De onde …?` / `Aryane Reis, Patrocínio (MG) Não tem explicação …`: the name,
    // town and state after a numbered question sign it; the answer starts after them.
    if let Some(iv) = read_case("pages/220-pt-blogspot-thiaguinho-reader-questions.txt") {
        assert_eq!(
            names(&iv, Role::Interviewer),
            [
                "Aryane Reis",
                "Bianca Vedovelli",
                "Flaviana de Oliveira Almeida"
            ]
        );
        let ex = iv.exchanges();
        assert_eq!(
            ex[0].question.text(),
            "De onde sai tanta inspiração para fazer músicas de sucesso?"
        );
        assert!(ex[2].answers[0].text().starts_with("Estou muito animado."));
        assert!(ex[1].answers[0].text().starts_with("No início chocou"));
    }
    // `…? (Mai Thương, 30 tuổi) - Ca sĩ Hồ Ngọc Hà: …`: the name in the brackets.
    if let Some(iv) = read_case("pages/226-vi-vnexpress-tu-van-truc-tuyen-doc-gia.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["Mai Thương"]);
    }
}

#[test]
fn initial_labels_take_the_names_the_title_pairs() {
    // `S.` / `M.` labels, the title `# 24 Steve & Matthieu - Le Podcast High Tech` printed
    // whole in a title bar above its heading.
    if let Some(iv) = read_case("pages/212-fr-lingq-podcast-steve-matthieu.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["Steve"]);
        assert_eq!(names(&iv, Role::Interviewee), ["Matthieu"]);
        assert_eq!(
            iv.meta.headline.map(|h| h.value).as_deref(),
            Some("# 24 Steve & Matthieu - Le Podcast High Tech")
        );
    }
}

#[test]
fn a_host_who_welcomes_the_guest_is_named_though_no_turn_asks_yet() {
    // `Keith Cline, VentureFizz` / `Sam thanks so much for joining us.` / `Sam Liang,
    // Otter` / `Thank you Keith for having me here.`: the only exchange is the welcome.
    if let Some(iv) = read_case("pages/206-en-venturefizz-podcast-sam-liang.txt") {
        assert_eq!(names(&iv, Role::Interviewer), ["Keith Cline"]);
        assert_eq!(names(&iv, Role::Interviewee), ["Sam Liang"]);
    }
}

#[test]
fn a_japanese_name_line_takes_the_full_name_and_the_title_names_the_interview() {
    // `──` asks, `松家` alone on a line answers; `松家仁之さん` is printed in the title.
    if let Some(iv) = read_case("pages/231-ja-hobonichi-matsuie-interview.txt") {
        assert_eq!(names(&iv, Role::Interviewee), ["松家仁之"]);
        assert_eq!(
            iv.meta.headline.map(|h| h.value).as_deref(),
            Some("インタビューとは何か。松家仁之さん篇")
        );
    }
    // A Chinese title that names the interview (`…的采访`), standing alone in the head.
    if let Some(iv) = read_case("pages/228-zh-usembassy-china-pompeo-pete-mundo.txt") {
        assert!(iv.meta.headline.is_some_and(|h| h.value.contains("采访")));
    }
}
