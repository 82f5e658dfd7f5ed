//! Blind round 8: breadth. Interviews we wrote, as scraped text arrives with its chrome, in
//! languages and scripts no round had (Hindi `प्रश्न:`/`उत्तर:`, Thai `ถาม:`/`ตอบ:` without
//! spaces between words and a Buddhist-era year, Greek bold questions ending in `;`, Swahili
//! `Swali:`/`Jibu:`, Ukrainian bold questions with a `Розмовляла` sign-off, Hebrew `ש:`/`ת:`,
//! Tamil `கேள்வி:`/`பதில்:`, Filipino `TANONG:`/`SAGOT:`, Romanian numbered questions) and
//! in genres no round had (a post-match interview with a coach and a player, a press
//! conference with `Journalist (Outlet):` labels and a moderator, a readers' Q&A with many
//! short questions signed by readers, a radio transcript with `HOST:`/`GUEST:` only and no
//! names anywhere, a two-part interview with ads between the parts, italic questions with
//! no labels). The expectations were written from the texts before colloquy read them, by
//! the conventions of the dev corpus and round 7. Two more (Bengali with Bengali digits,
//! Czech bold questions) were written after the rule work to see how the rules carry.

use crate::blind::{self, Case, KnownMiss};
use crate::reading::{self, qa};

const CASES: &[Case] = &[
    Case {
        file: "blind8_prashn_hi.txt",
        pairs: 3,
        first_q: "इस साल फसल की क्या स्थिति है?",
        last_a: "कम पानी वाली फसलें अपनाएं।",
        lang: "hi",
        interviewees: Some(&["रमेश यादव"]),
        interviewer: Some(&[]),
        headline: Some("साक्षात्कार: किसान नेता रमेश यादव बोले- \"पानी बचाना अब सबसे बड़ी चुनौती\""),
        date: Some("2024-03-15"),
        images: 1,
        credits: &["सुनील वर्मा"],
        not_in_turns: &["यह भी पढ़ें", "टिप्पणियां", "संबंधित खबरें", "IST"],
    },
    Case {
        file: "blind8_tham_th.txt",
        // Thai dates carry the Buddhist-era year: 2567 is 2024.
        pairs: 3,
        first_q: "คุณออกเรือหาปลามากี่ปีแล้วครับ",
        last_a: "อยากให้ช่วยกันดูแลป่าชายเลนครับ",
        lang: "th",
        interviewees: Some(&["สมชาย วงศ์ใหญ่"]),
        interviewer: Some(&[]),
        headline: Some("สัมภาษณ์พิเศษ สมชาย วงศ์ใหญ่ ชาวประมงพื้นบ้าน \"ทะเลเปลี่ยนไปมากในสิบปี\""),
        date: Some("2024-01-12"),
        images: 1,
        credits: &["วิไลวรรณ ทองดี"],
        not_in_turns: &["แชร์", "ข่าวที่เกี่ยวข้อง", "เผยแพร่"],
    },
    Case {
        file: "blind8_bold_el.md",
        // Greek asks with ';' (the Greek question mark), not '?'; 'Συνέντευξη στη X' under the headline names who asked.
        pairs: 3,
        first_q: "Πότε ξεκινήσατε να δουλεύετε τον πηλό;",
        last_a: "Ναι.",
        lang: "el",
        interviewees: Some(&["Ελένη Παπαδάκη"]),
        interviewer: Some(&["Μαρία Κωνσταντίνου"]),
        headline: Some("Η κεραμίστρια Ελένη Παπαδάκη: «Ο πηλός θυμάται τα χέρια μας»"),
        date: Some("2024-04-03"),
        images: 1,
        credits: &["Νίκος Αλεξίου"],
        not_in_turns: &["Κοινοποίηση", "Σχετικά άρθρα", "Συνέντευξη στη"],
    },
    Case {
        file: "blind8_swali_sw.txt",
        // The last thanks gets no reply: the closing.
        pairs: 3,
        first_q: "Ulianzaje kilimo cha kahawa?",
        last_a: "Wasiogope udongo.",
        lang: "sw",
        interviewees: Some(&["Amina Mwakilema"]),
        interviewer: Some(&[]),
        headline: Some("MAHOJIANO: Mkulima Amina Mwakilema asema kahawa bado ina faida"),
        date: Some("2024-03-04"),
        images: 1,
        credits: &["Juma Kiprono"],
        not_in_turns: &["Shiriki", "Maoni", "Habari zinazohusiana"],
    },
    Case {
        file: "blind8_uk.md",
        // 'Розмовляла X' (she talked) at the end names who asked.
        pairs: 3,
        first_q: "Скільки читачів приходить до вас зараз?",
        last_a: "Спускаємося в укриття",
        lang: "uk",
        interviewees: Some(&["Оксана Левченко"]),
        interviewer: Some(&["Ірина Мельник"]),
        headline: Some("Бібліотекарка Оксана Левченко: «Люди приходять до нас не лише по книжки»"),
        date: Some("2024-02-12"),
        images: 1,
        credits: &["Андрій Гнатюк"],
        not_in_turns: &["Розмовляла", "Поділитися", "Читайте також"],
    },
    Case {
        file: "blind8_shin_he.txt",
        // Hebrew months take the prefix ב ('בינואר', in January).
        pairs: 3,
        first_q: "איך עבר עליכם הבציר השנה?",
        last_a: "לשתול זן חדש",
        lang: "he",
        interviewees: Some(&["נועה ברק"]),
        interviewer: Some(&[]),
        headline: Some("ראיון: הכורמת נועה ברק על בציר בצל המלחמה"),
        date: Some("2024-01-10"),
        images: 1,
        credits: &["דני אזולאי"],
        not_in_turns: &["שתפו", "תגובות", "כתבות נוספות"],
    },
    Case {
        file: "blind8_kelvi_ta.txt",
        pairs: 3,
        first_q: "நீங்கள் எப்போது நெசவு கற்றுக்கொண்டீர்கள்?",
        last_a: "சிலர் வருகிறார்கள்.",
        lang: "ta",
        interviewees: Some(&["முருகன் செல்வம்"]),
        interviewer: Some(&[]),
        headline: Some("நேர்காணல்: நெசவாளர் முருகன் செல்வம் - \"கைத்தறி நம் அடையாளம்\""),
        date: Some("2024-04-20"),
        images: 1,
        credits: &["கார்த்திக் ராஜா"],
        not_in_turns: &["பகிர்", "தொடர்புடைய செய்திகள்"],
    },
    Case {
        file: "blind8_tanong_tl.txt",
        pairs: 3,
        first_q: "Gaano na po kayo katagal nagtuturo dito?",
        last_a: "Sana po magkaroon",
        lang: "tl",
        interviewees: Some(&["Liza Manalo"]),
        interviewer: Some(&[]),
        headline: Some("PANAYAM: Guro sa bundok na si Liza Manalo, \"Ang bawat bata ay may karapatang matuto\""),
        date: Some("2024-03-08"),
        images: 1,
        credits: &["Paolo Reyes"],
        not_in_turns: &["I-share", "Mga kaugnay na balita", "Maraming salamat"],
    },
    Case {
        file: "blind8_numbered_ro.txt",
        // The question's number ('1.', '3)') is the layout's, not the question's words.
        pairs: 3,
        first_q: "Cum ați început să creșteți albine?",
        last_a: "Să aibă răbdare.",
        lang: "ro",
        interviewees: Some(&["Mihai Popescu"]),
        interviewer: Some(&[]),
        headline: Some("Interviu cu apicultorul Mihai Popescu: „Albinele ne spun cum e vremea”"),
        date: Some("2024-03-12"),
        images: 1,
        credits: &["Ana Dumitrescu"],
        not_in_turns: &["Distribuie", "Articole similare"],
    },
    Case {
        file: "blind8_postmatch_en.txt",
        // Two people answer, each in turn: both are interviewees, in the order they speak.
        pairs: 5,
        first_q: "Dana, what did you say to them at half-time?",
        last_a: "We'll know on Monday.",
        lang: "en",
        interviewees: Some(&["Dana Whitlock", "Marcus Bell"]),
        interviewer: Some(&[]),
        headline: Some("\"We found a way\": Whitlock and Bell after the derby win"),
        date: Some("2024-03-16"),
        images: 0,
        credits: &[],
        not_in_turns: &["ADVERTISEMENT", "Share this article", "More from", "Match report"],
    },
    Case {
        file: "blind8_presser_en.txt",
        // The moderator's opening gets the statement as its reply (an exchange); the journalists are named by outlet only; the moderator's last thanks is the closing.
        pairs: 4,
        first_q: "Good morning, everyone. The minister will make a short statement and then take your questions. Please state your name and outlet.",
        last_a: "The price will not change this season.",
        lang: "en",
        interviewees: Some(&["Grace Adeyemi"]),
        interviewer: Some(&[]),
        headline: Some("Press conference: Minister Grace Adeyemi on the dry-season water plan"),
        date: Some("2024-02-07"),
        images: 0,
        credits: &[],
        not_in_turns: &["END", "Back to top", "Media Room", "Transcripts"],
    },
    Case {
        file: "blind8_ama_en.md",
        // Readers ask; the line signing each question is who asked, not the question's words nor the answer's.
        pairs: 8,
        first_q: "Can I still plant garlic in November?",
        last_a: "Clean your tools.",
        lang: "en",
        interviewees: Some(&["Hannah Greaves"]),
        interviewer: None,
        headline: Some("You asked, our gardener answered: 8 questions about winter gardens"),
        date: Some("2023-11-21"),
        images: 0,
        credits: &[],
        not_in_turns: &["Got a question", "ADVERTISEMENT", "Related:", "Priya, Bristol", "Joe, Hull"],
    },
    Case {
        file: "blind8_radio_en.txt",
        // No name anywhere: roles only, never an invented name. The last thanks answered with a courtesy is the closing.
        pairs: 4,
        first_q: "It's six minutes past six, and my guest this morning has been awake since before midnight. Welcome to the studio.",
        last_a: "Never completely.",
        lang: "en",
        interviewees: Some(&[]),
        interviewer: Some(&[]),
        headline: Some("Morning Line: the night shift at a city bakery"),
        date: Some("2024-06-05"),
        images: 0,
        credits: &[],
        not_in_turns: &["LISTEN LIVE", "This transcript was produced", "Listen again"],
    },
    Case {
        file: "blind8_twopart_en.md",
        // The parts' headings and the ads between them belong to no turn.
        pairs: 4,
        first_q: "Where did the idea for the ferry come from?",
        last_a: "A book about a lighthouse keeper's daughter.",
        lang: "en",
        interviewees: Some(&["Odile Marsh"]),
        interviewer: Some(&["Kwame Asante"]),
        headline: Some("\"I write with the radio on\": a conversation with novelist Odile Marsh"),
        date: Some("2024-08-30"),
        images: 0,
        credits: &[],
        not_in_turns: &["Part 1", "Part 2", "ADVERTISEMENT", "Advertisement", "Sponsored", "edited for length", "Share on"],
    },
    Case {
        file: "blind8_italic_en.md",
        // Italic paragraphs are the questions; the byline author asked ('We asked him'); the last thanks has no reply.
        pairs: 3,
        first_q: "How many crossings do you make in a day?",
        last_a: "The mornings.",
        lang: "en",
        interviewees: Some(&["Angus Reid"]),
        interviewer: Some(&["Isla Munro"]),
        headline: Some("The last ferryman of Loch Varra"),
        date: Some("2024-05-02"),
        images: 1,
        credits: &["Isla Munro"],
        not_in_turns: &["Share this story", "Words by"],
    },
    // Written after the rule work, expectations again from the text before reading: how
    // the rules carry to texts they were not made on.
    Case {
        file: "blind8_after_bn.txt",
        // Bengali digits in the date line (০৫ মার্চ ২০২৪).
        pairs: 3,
        first_q: "এ বছর ভাঙন কেমন দেখছেন?",
        last_a: "বাঁধের চেয়ে বেশি",
        lang: "bn",
        interviewees: Some(&["ফারহানা আক্তার"]),
        interviewer: Some(&[]),
        headline: Some("সাক্ষাৎকার: নদী গবেষক ফারহানা আক্তার বললেন, \"নদী বাঁচলে গ্রাম বাঁচবে\""),
        date: Some("2024-03-05"),
        images: 1,
        credits: &["রাশেদ করিম"],
        not_in_turns: &["শেয়ার", "মন্তব্য", "প্রকাশ"],
    },
    Case {
        file: "blind8_after_cs.md",
        // 'Ptala se X' (she asked) at the end names who asked.
        pairs: 3,
        first_q: "Kolik houslí za rok postavíte?",
        last_a: "Housle si musí člověk zahrát.",
        lang: "cs",
        interviewees: Some(&["Martin Dvořák"]),
        interviewer: Some(&["Petra Svobodová"]),
        headline: Some("Houslař Martin Dvořák: „Dobré dřevo musí ležet dvacet let“"),
        date: Some("2024-03-05"),
        images: 1,
        credits: &["Jana Malá"],
        not_in_turns: &["Ptala se", "Sdílet", "Související články"],
    },
];

/// Fields a careful reader gets and colloquy does not yet, each with why it is left out of
/// the assertion rather than made right with a rule that only fits this text. They are
/// still judged and printed, so a fix shows.
const KNOWN_MISSES: &[KnownMiss] = &[];

#[test]
fn blind_round_eight_every_field_a_careful_reader_gets() {
    blind::score("blind8", CASES, KNOWN_MISSES);
}

#[test]
fn greek_asks_with_a_semicolon_el() {
    let (iv, _) = reading::fixture("blind8_bold_el.md");
    let ex = qa(&iv);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[1].0, "Τι έχει αλλάξει από τότε στο νησί;");
    assert!(ex.iter().all(|(_, a)| !a.is_empty()));
}

#[test]
fn a_numbered_question_loses_its_number_not_its_words_ro() {
    let (iv, _) = reading::fixture("blind8_numbered_ro.txt");
    let qs: Vec<String> = qa(&iv).into_iter().map(|e| e.0).collect();
    assert_eq!(
        qs,
        [
            "Cum ați început să creșteți albine?",
            "Cât de greu a fost anul trecut?",
            "Ce le spuneți tinerilor care vor să devină apicultori?",
        ]
    );
}

#[test]
fn a_readers_signature_is_neither_question_nor_answer_en() {
    let (iv, _) = reading::fixture("blind8_ama_en.md");
    for (q, a) in qa(&iv) {
        assert!(q.ends_with('?'), "{q}");
        assert!(
            !a.starts_with(['—', '–']) && !a.contains(", Bristol"),
            "{a}"
        );
    }
}

#[test]
fn a_moderator_handing_over_is_no_exchange_but_the_opening_statement_is() {
    let (iv, _) = reading::fixture("blind8_presser_en.txt");
    let ex = qa(&iv);
    assert!(ex[0]
        .1
        .starts_with("Thank you. This year we start rationing"));
    assert_eq!(ex[1].0, "Minister, how long will the rationing last?");
    assert!(!ex.iter().any(|e| e.0.contains("First question")));
    assert_eq!(
        iv.closing.as_ref().map(|c| c.text()).as_deref(),
        Some("Thank you, that is all for today.")
    );
}

#[test]
fn roles_without_names_stay_without_names_en() {
    let (iv, _) = reading::fixture("blind8_radio_en.txt");
    assert!(iv.people.is_empty(), "{:?}", iv.people);
    assert_eq!(
        iv.closing.as_ref().map(|c| c.text()).as_deref(),
        Some("Thank you for coming in straight from work.")
    );
}

#[test]
fn two_people_answer_in_turn_en() {
    let (iv, _) = reading::fixture("blind8_postmatch_en.txt");
    let speakers: Vec<String> = iv
        .exchanges()
        .iter()
        .map(|e| {
            e.answers[0]
                .speaker
                .map(|i| iv.people[i].name.value.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        speakers,
        [
            "Dana Whitlock",
            "Dana Whitlock",
            "Marcus Bell",
            "Marcus Bell",
            "Dana Whitlock"
        ]
    );
}
