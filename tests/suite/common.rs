//! Hand-built interviews for the writer tests (independent of the reader).

use colloquy::model::*;
use colloquy::write::WriteContext;

fn para(text: &str, at: usize) -> Paragraph {
    Paragraph {
        text: text.to_string(),
        span: at..at + text.len(),
    }
}

fn turn(
    kind: TurnKind,
    role: Role,
    speaker: Option<usize>,
    label: Option<&str>,
    texts: &[&str],
    at: usize,
) -> Turn {
    Turn {
        speaker,
        label: label.map(str::to_string),
        role,
        kind,
        paragraphs: texts
            .iter()
            .enumerate()
            .map(|(i, t)| para(t, at + i * 200))
            .collect(),
        span: at..at + texts.len() * 200,
        decision: Decision::new("test", "fixture"),
    }
}

pub fn sourced<T>(value: T) -> Sourced<T> {
    Sourced::new(
        value,
        Provenance::Flag {
            name: "test".into(),
        },
    )
}

fn person(name: &str, role: Role) -> Person {
    Person {
        name: sourced(name.to_string()),
        role,
        job_title: None,
        affiliation: None,
        labels: vec![],
    }
}

pub fn ctx(iv: &Interview) -> WriteContext {
    WriteContext::new(
        colloquy::write::guid(iv, "fixture text"),
        "2026-11-29T10:00:00+00:00",
    )
}

/// A small interview: one interviewer, one interviewee, two exchanges, one photo.
pub fn small() -> Interview {
    let mut iv = Interview::default();
    iv.meta.source_name = "small.txt".into();
    iv.meta.language = Some(sourced("id".into()));
    iv.meta.source_url = Some(sourced("https://example.org/wawancara/duta-besar".into()));
    iv.meta.headline = Some(sourced("Wawancara dengan Duta Besar".into()));
    iv.people = vec![person("Siti Rahma", Role::Interviewer), {
        let mut p = person("Budi Santoso", Role::Interviewee);
        p.job_title = Some(sourced("Duta Besar".into()));
        p
    }];
    iv.turns = vec![
        turn(
            TurnKind::Question,
            Role::Interviewer,
            Some(0),
            None,
            &["Apa prioritas Anda tahun ini?"],
            100,
        ),
        turn(
            TurnKind::Answer,
            Role::Interviewee,
            Some(1),
            None,
            &["Perdagangan.", "Dan pendidikan."],
            400,
        ),
        turn(
            TurnKind::Question,
            Role::Interviewer,
            Some(0),
            None,
            &["Kapan Anda kembali?"],
            1000,
        ),
        turn(
            TurnKind::Answer,
            Role::Interviewee,
            Some(1),
            None,
            &["Bulan depan."],
            1200,
        ),
    ];
    iv.figures = vec![Figure {
        caption: Some("Duta Besar Budi Santoso di Jakarta.".into()),
        credit: Some("NVCC".into()),
        photographer: None,
        image_url: None,
        alt: None,
        span: 10..90,
    }];
    iv
}

/// Every metadata field, plus the awkward cases: two interviewees answering one
/// question, an unanswered last question, labels, a closing remark, markup-like text
/// and characters XML 1.0 forbids.
pub fn full() -> Interview {
    let mut iv = small();
    let m = &mut iv.meta;
    m.source_url = Some(sourced(
        "https://example.org/wawancara/duta-besar-lengkap".into(),
    ));
    m.alternative_headline = Some(sourced("Perdagangan & pendidikan <lebih dulu>".into()));
    m.description = Some(sourced("Sebuah wawancara tentang diplomasi.".into()));
    m.date_published = Some(sourced(PubDate::DateTime(
        "2026-05-12T09:30:00+07:00".into(),
    )));
    m.date_modified = Some(sourced(PubDate::Date("2026-05-13".into())));
    m.url = Some(sourced(
        "https://news.example.id/wawancara/2026/05/duta-besar".into(),
    ));
    m.dateline = Some(sourced("JAKARTA, 12 Mei".into()));
    m.publisher = Some(sourced(Organization {
        name: "Kabar Contoh".into(),
        url: Some("https://news.example.id/".into()),
        logo: Some("https://news.example.id/logo.png".into()),
    }));
    m.rights = Some(sourced(Rights {
        copyright_holder: Some("Kabar Contoh".into()),
        copyright_notice: Some("© 2026 Kabar Contoh".into()),
        license: Some("https://creativecommons.org/licenses/by/4.0/".into()),
    }));
    m.translation = Some(sourced(Translation {
        original_url: Some("https://bao.example.vn/phong-van/dai-su".into()),
        original_language: Some("vi".into()),
        original_headline: Some("Phỏng vấn Đại sứ".into()),
        translator: Some("Dewi Lestari".into()),
    }));
    m.keywords = vec![sourced("diplomasi".into()), sourced("pendidikan".into())];
    m.section = Some(sourced("Wawancara".into()));
    m.identifiers = vec![
        sourced(Identifier {
            scheme: "kabar-contoh-id".into(),
            value: "KC-2026-017".into(),
        }),
        sourced(Identifier {
            scheme: "https://example.org/ids".into(),
            value: "42".into(),
        }),
    ];
    iv.people[1].affiliation = Some(sourced("Kementerian Luar Negeri".into()));
    iv.people.push({
        let mut p = person("Ana Wijaya", Role::Interviewee);
        p.job_title = Some(sourced("Atase".into()));
        p
    });
    iv.lead = vec![para("Budi Santoso menjabat sejak 2024.\u{000B}", 0)];
    iv.turns = vec![
        turn(
            TurnKind::Question,
            Role::Interviewer,
            Some(0),
            Some("Wartawan"),
            &["Apa prioritas Anda? <script>alert(1)</script>"],
            100,
        ),
        turn(
            TurnKind::Answer,
            Role::Interviewee,
            Some(1),
            Some("Budi"),
            &["Perdagangan\u{0001}."],
            400,
        ),
        turn(
            TurnKind::Answer,
            Role::Interviewee,
            Some(2),
            Some("Ana"),
            &["Pendidikan, tentu."],
            700,
        ),
        turn(
            TurnKind::Remark,
            Role::Other,
            None,
            None,
            &["(tertawa)"],
            900,
        ),
        turn(
            TurnKind::Question,
            Role::Interviewer,
            Some(0),
            Some("Wartawan"),
            &["Dan terakhir?"],
            1000,
        ),
    ];
    iv.closing = Some(turn(
        TurnKind::Remark,
        Role::Interviewer,
        Some(0),
        None,
        &["Terima kasih banyak, Duta Besar!"],
        1500,
    ));
    iv.figures.push(Figure {
        caption: Some("Ana Wijaya & Budi Santoso.".into()),
        credit: Some("Kabar Contoh/Dewi".into()),
        photographer: Some("Dewi Lestari".into()),
        image_url: Some("https://news.example.id/img/2.jpg".into()),
        alt: Some("Dua diplomat".into()),
        span: 950..990,
    });
    iv
}

/// Nothing but one exchange: no metadata, no people, no figures.
pub fn bare() -> Interview {
    Interview {
        turns: vec![
            turn(
                TurnKind::Question,
                Role::Interviewer,
                None,
                None,
                &["Why?"],
                0,
            ),
            turn(
                TurnKind::Answer,
                Role::Interviewee,
                None,
                None,
                &["Because."],
                10,
            ),
        ],
        ..Default::default()
    }
}
