//! `meta::apply`: every field from every layer lands in the model with its provenance;
//! precedence flag > sidecar > manifest > text > inference; conflicts are warnings that
//! name both values and both places; people and figures are merged by the documented rules.

use colloquy::meta::{
    apply, find_sidecar, load_sidecar, parse_sidecar, FlagMeta, Layers, Manifest, MetaError,
    SidecarFormat,
};
use colloquy::model::*;
use std::path::Path;

fn para(text: &str, at: usize) -> Paragraph {
    Paragraph {
        text: text.into(),
        span: at..at + text.len(),
    }
}

fn turn(kind: TurnKind, role: Role, speaker: Option<usize>, text: &str, at: usize) -> Turn {
    Turn {
        speaker,
        label: None,
        role,
        kind,
        paragraphs: vec![para(text, at)],
        span: at..at + text.len(),
        decision: Decision::new("test", "built by hand"),
    }
}

/// An unlabelled interview: questions by the interviewer, answers by an unnamed
/// interviewee, one photo with a credit from the text.
fn unlabelled() -> Interview {
    let mut iv = Interview::default();
    iv.meta.source_name = "wawancara.txt".into();
    iv.turns = vec![
        turn(
            TurnKind::Question,
            Role::Interviewer,
            None,
            "Apa ancaman terbesar?",
            0,
        ),
        turn(
            TurnKind::Answer,
            Role::Interviewee,
            None,
            "Hilangnya sedimen.",
            30,
        ),
        turn(
            TurnKind::Question,
            Role::Interviewer,
            None,
            "Apa pesan Anda?",
            60,
        ),
        turn(
            TurnKind::Answer,
            Role::Other,
            None,
            "Petani harus ikut.",
            90,
        ),
    ];
    iv.figures = vec![Figure {
        caption: Some("Trần Thị Mai di tepi sungai.".into()),
        credit: Some("Phạm Văn Hùng".into()),
        photographer: None,
        image_url: None,
        alt: None,
        span: 120..170,
    }];
    iv
}

fn sidecar(text: &str) -> colloquy::meta::Sidecar {
    let mut s = parse_sidecar("x.meta.toml", SidecarFormat::Toml, text).unwrap();
    s.path = "x.meta.toml".into();
    s
}

fn sc(key: &str) -> Provenance {
    Provenance::Sidecar {
        path: "x.meta.toml".into(),
        key: key.into(),
    }
}
fn flag(name: &str) -> Provenance {
    Provenance::Flag { name: name.into() }
}
fn col(column: &str) -> Provenance {
    Provenance::Manifest {
        path: "m.csv".into(),
        row: 2,
        column: column.into(),
    }
}

fn s(v: &str, p: Provenance) -> Option<Sourced<String>> {
    Some(Sourced::new(v.to_string(), p))
}

const FULL: &str = r#"
headline = "Judul"
alternative_headline = "Sub"
description = "Ringkasan"
language = "id"
date_published = "2026-05-12T09:30:00+07:00"
date_modified = "2026-05-13"
source_url = "https://bao.example.vn/a"
url = "https://news.example.id/a"
section = "Wawancara"
keywords = ["Mekong", "konservasi"]
identifiers = [{ scheme = "cms-id", value = "42" }]
interviewers = [{ name = "Lê Minh Quân", job_title = "Phóng viên", affiliation = "Báo Ví Dụ" }]
interviewees = [{ name = "Trần Thị Mai", job_title = "Direktur", affiliation = "Quỹ" }]
images = [{ url = "https://news.example.id/1.jpg", credit = "Foto: Phạm Văn Hùng", photographer = "Phạm Văn Hùng", caption = "Trần Thị Mai di tepi sungai.", alt = "Seorang perempuan" }]

[publisher]
name = "Berita Contoh"
url = "https://news.example.id/"
logo = "https://news.example.id/logo.png"

[rights]
copyright_holder = "Báo Ví Dụ"
copyright_notice = "© 2026 Báo Ví Dụ"
license = "https://bao.example.vn/terms"

[translation]
original_url = "https://bao.example.vn/o"
original_language = "vi"
original_headline = "Tiêu đề"
translator = "Siti"
"#;

#[test]
fn every_sidecar_field_lands_in_the_model_with_its_key() {
    let mut iv = unlabelled();
    let side = sidecar(FULL);
    let diags = apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            ..Default::default()
        },
    )
    .unwrap();
    let m = &iv.meta;
    assert_eq!(m.headline, s("Judul", sc("headline")));
    assert_eq!(m.alternative_headline, s("Sub", sc("alternative_headline")));
    assert_eq!(m.description, s("Ringkasan", sc("description")));
    assert_eq!(m.language, s("id", sc("language")));
    assert_eq!(
        m.date_published,
        Some(Sourced::new(
            PubDate::DateTime("2026-05-12T09:30:00+07:00".into()),
            sc("date_published")
        ))
    );
    assert_eq!(
        m.date_modified,
        Some(Sourced::new(
            PubDate::Date("2026-05-13".into()),
            sc("date_modified")
        ))
    );
    assert_eq!(
        m.source_url,
        s("https://bao.example.vn/a", sc("source_url"))
    );
    assert_eq!(m.url, s("https://news.example.id/a", sc("url")));
    assert_eq!(m.section, s("Wawancara", sc("section")));
    assert_eq!(
        m.keywords,
        vec![
            Sourced::new("Mekong".to_string(), sc("keywords[0]")),
            Sourced::new("konservasi".to_string(), sc("keywords[1]"))
        ]
    );
    assert_eq!(
        m.identifiers,
        vec![Sourced::new(
            Identifier {
                scheme: "cms-id".into(),
                value: "42".into()
            },
            sc("identifiers[0]")
        )]
    );
    let p = m.publisher.as_ref().unwrap();
    assert_eq!(
        p.value,
        Organization {
            name: "Berita Contoh".into(),
            url: Some("https://news.example.id/".into()),
            logo: Some("https://news.example.id/logo.png".into())
        }
    );
    assert_eq!(p.provenance, sc("publisher.name"));
    let r = m.rights.as_ref().unwrap();
    assert_eq!(r.value.copyright_holder.as_deref(), Some("Báo Ví Dụ"));
    assert_eq!(
        r.value.copyright_notice.as_deref(),
        Some("© 2026 Báo Ví Dụ")
    );
    assert_eq!(
        r.value.license.as_deref(),
        Some("https://bao.example.vn/terms")
    );
    let t = m.translation.as_ref().unwrap();
    assert_eq!(
        t.value,
        Translation {
            original_url: Some("https://bao.example.vn/o".into()),
            original_language: Some("vi".into()),
            original_headline: Some("Tiêu đề".into()),
            translator: Some("Siti".into())
        }
    );
    for (path, key) in [
        ("publisher.url", "publisher.url"),
        ("publisher.logo", "publisher.logo"),
        ("rights.license", "rights.license"),
        ("rights.copyright_holder", "rights.copyright_holder"),
        ("rights.copyright_notice", "rights.copyright_notice"),
        ("translation.original_url", "translation.original_url"),
        (
            "translation.original_language",
            "translation.original_language",
        ),
        (
            "translation.original_headline",
            "translation.original_headline",
        ),
        ("translation.translator", "translation.translator"),
        ("figures[0].image_url", "images[0].url"),
        ("figures[0].alt", "images[0].alt"),
        ("figures[0].photographer", "images[0].photographer"),
    ] {
        assert_eq!(m.field_provenance.get(path), Some(&sc(key)), "{path}");
    }
    // People: added from the sidecar, and the unnamed turns are attributed to them.
    assert_eq!(iv.people.len(), 2);
    let quan = &iv.people[0];
    assert_eq!(
        (quan.name.value.as_str(), quan.role),
        ("Lê Minh Quân", Role::Interviewer)
    );
    assert_eq!(quan.name.provenance, sc("interviewers[0].name"));
    assert_eq!(
        quan.job_title,
        s("Phóng viên", sc("interviewers[0].job_title"))
    );
    assert_eq!(
        quan.affiliation,
        s("Báo Ví Dụ", sc("interviewers[0].affiliation"))
    );
    let mai = &iv.people[1];
    assert_eq!(
        (mai.name.value.as_str(), mai.role),
        ("Trần Thị Mai", Role::Interviewee)
    );
    assert_eq!(
        mai.job_title,
        s("Direktur", sc("interviewees[0].job_title"))
    );
    let speakers: Vec<_> = iv.turns.iter().map(|t| (t.speaker, t.role)).collect();
    assert_eq!(
        speakers,
        vec![
            (Some(0), Role::Interviewer),
            (Some(1), Role::Interviewee),
            (Some(0), Role::Interviewer),
            (Some(1), Role::Interviewee)
        ]
    );
    // The figure: the URL and alt are added; the credit agrees with the text once its
    // "Foto:" prefix is dropped, so it is no conflict.
    let f = &iv.figures[0];
    assert_eq!(
        f.image_url.as_deref(),
        Some("https://news.example.id/1.jpg")
    );
    assert_eq!(f.credit.as_deref(), Some("Phạm Văn Hùng"));
    assert_eq!(f.alt.as_deref(), Some("Seorang perempuan"));
    assert_eq!(f.photographer.as_deref(), Some("Phạm Văn Hùng"));
    assert!(
        diags.iter().all(|d| d.severity != Severity::Warning),
        "{diags:#?}"
    );
    assert!(diags.iter().any(|d| d.code == "meta-speaker-attributed"
        && d.message == "2 interviewee turn(s) without a named speaker are attributed to \"Trần Thị Mai\" (from sidecar x.meta.toml (key interviewees[0].name))"));
}

fn full_flags() -> FlagMeta {
    let v = |s: &str| Some(s.to_string());
    FlagMeta {
        headline: v("Judul"),
        alternative_headline: v("Sub"),
        description: v("Ringkasan"),
        lang: v("ID"),
        published: v("2026-05-12T09:30:00+07:00"),
        modified: v("2026-05-13"),
        source_url: v("https://bao.example.vn/a"),
        url: v("https://news.example.id/a"),
        section: v("Wawancara"),
        keywords: vec!["Mekong".into(), "konservasi".into()],
        publisher: v("Berita Contoh"),
        publisher_url: v("https://news.example.id/"),
        publisher_logo: v("https://news.example.id/logo.png"),
        interviewers: vec!["Lê Minh Quân".into()],
        interviewer_job_titles: vec!["Phóng viên".into()],
        interviewer_affiliations: vec!["Báo Ví Dụ".into()],
        interviewees: vec!["Trần Thị Mai".into()],
        interviewee_job_titles: vec!["Direktur".into()],
        interviewee_affiliations: vec!["Quỹ".into()],
        copyright_holder: v("Báo Ví Dụ"),
        copyright_notice: v("© 2026 Báo Ví Dụ"),
        license: v("https://bao.example.vn/terms"),
        original_url: v("https://bao.example.vn/o"),
        original_language: v("vi"),
        original_headline: v("Tiêu đề"),
        translator: v("Siti"),
        identifiers: vec!["cms-id=42".into()],
        image_urls: vec!["https://news.example.id/1.jpg".into()],
        image_credits: vec!["Photo: Phạm Văn Hùng".into()],
        image_photographers: vec!["Lena Hoff".into()],
    }
}

#[test]
fn every_flag_lands_in_the_model_under_its_flag_name() {
    let mut iv = unlabelled();
    let flags = full_flags();
    apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            ..Default::default()
        },
    )
    .unwrap();
    let m = &iv.meta;
    assert_eq!(m.headline, s("Judul", flag("--headline")));
    assert_eq!(
        m.alternative_headline,
        s("Sub", flag("--alternative-headline"))
    );
    assert_eq!(m.description, s("Ringkasan", flag("--description")));
    assert_eq!(m.language, s("id", flag("--lang")));
    assert_eq!(
        m.date_published.as_ref().unwrap().provenance,
        flag("--published")
    );
    assert_eq!(
        m.date_modified.as_ref().unwrap().value,
        PubDate::Date("2026-05-13".into())
    );
    assert_eq!(
        m.date_modified.as_ref().unwrap().provenance,
        flag("--modified")
    );
    assert_eq!(
        m.source_url,
        s("https://bao.example.vn/a", flag("--source-url"))
    );
    assert_eq!(m.url, s("https://news.example.id/a", flag("--url")));
    assert_eq!(m.section, s("Wawancara", flag("--section")));
    assert_eq!(m.keywords.len(), 2);
    assert!(m.keywords.iter().all(|k| k.provenance == flag("--keyword")));
    assert_eq!(
        m.identifiers[0].value,
        Identifier {
            scheme: "cms-id".into(),
            value: "42".into()
        }
    );
    assert_eq!(m.identifiers[0].provenance, flag("--identifier"));
    assert_eq!(
        m.publisher.as_ref().unwrap().provenance,
        flag("--publisher")
    );
    assert_eq!(
        m.publisher.as_ref().unwrap().value.logo.as_deref(),
        Some("https://news.example.id/logo.png")
    );
    assert_eq!(
        m.rights.as_ref().unwrap().value.license.as_deref(),
        Some("https://bao.example.vn/terms")
    );
    assert_eq!(
        m.translation
            .as_ref()
            .unwrap()
            .value
            .original_language
            .as_deref(),
        Some("vi")
    );
    for (path, name) in [
        ("publisher.name", "--publisher"),
        ("publisher.url", "--publisher-url"),
        ("publisher.logo", "--publisher-logo"),
        ("rights.copyright_holder", "--copyright-holder"),
        ("rights.copyright_notice", "--copyright-notice"),
        ("rights.license", "--license"),
        ("translation.original_url", "--original-url"),
        ("translation.original_language", "--original-language"),
        ("translation.original_headline", "--original-headline"),
        ("translation.translator", "--translator"),
        ("figures[0].image_url", "--image-url"),
        ("figures[0].credit", "--image-credit"),
        ("figures[0].photographer", "--image-photographer"),
    ] {
        assert_eq!(m.field_provenance.get(path), Some(&flag(name)), "{path}");
    }
    assert_eq!(
        iv.people[0].job_title,
        s("Phóng viên", flag("--interviewer-job-title"))
    );
    assert_eq!(
        iv.people[0].affiliation,
        s("Báo Ví Dụ", flag("--interviewer-affiliation"))
    );
    assert_eq!(iv.people[1].name.provenance, flag("--interviewee"));
    assert_eq!(
        iv.people[1].job_title,
        s("Direktur", flag("--interviewee-job-title"))
    );
    assert_eq!(
        iv.people[1].affiliation,
        s("Quỹ", flag("--interviewee-affiliation"))
    );
    assert_eq!(iv.figures[0].credit.as_deref(), Some("Phạm Văn Hùng"));
    assert_eq!(iv.figures[0].photographer.as_deref(), Some("Lena Hoff"));
    assert_eq!(iv.turns[3].speaker, Some(1));
}

const MANIFEST: &str = "file,headline,alternative_headline,description,language,date_published,date_modified,source_url,url,section,keywords,publisher_name,publisher_url,publisher_logo,interviewers,interviewer_job_titles,interviewer_affiliations,interviewees,interviewee_job_titles,interviewee_affiliations,copyright_holder,copyright_notice,license,original_url,original_language,original_headline,translator,identifiers,image_urls,image_credits,image_photographers
wawancara.txt,Judul,Sub,Ringkasan,id,2026-05-12T09:30:00+07:00,2026-05-13,https://bao.example.vn/a,https://news.example.id/a,Wawancara,Mekong; konservasi,Berita Contoh,https://news.example.id/,https://news.example.id/logo.png,Lê Minh Quân,Phóng viên,Báo Ví Dụ,Trần Thị Mai,Direktur,Quỹ,Báo Ví Dụ,© 2026 Báo Ví Dụ,https://bao.example.vn/terms,https://bao.example.vn/o,vi,Tiêu đề,Siti,cms-id=42; doi=10.1/x,;https://news.example.id/2.jpg,;Ảnh: B,;Budi Hartono
";

#[test]
fn every_manifest_column_lands_in_the_model_with_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wawancara.txt");
    std::fs::write(&input, "x").unwrap();
    let manifest = Manifest::parse("m.csv", dir.path(), MANIFEST.as_bytes()).unwrap();
    let row = manifest.row_for(&input).expect("row found by its file");
    let mut iv = unlabelled();
    apply(
        &mut iv,
        &Layers {
            manifest: Some(row),
            ..Default::default()
        },
    )
    .unwrap();
    let m = &iv.meta;
    assert_eq!(m.headline, s("Judul", col("headline")));
    assert_eq!(
        m.alternative_headline,
        s("Sub", col("alternative_headline"))
    );
    assert_eq!(m.description, s("Ringkasan", col("description")));
    assert_eq!(m.language, s("id", col("language")));
    assert_eq!(
        m.date_published.as_ref().unwrap().provenance,
        col("date_published")
    );
    assert_eq!(
        m.date_modified.as_ref().unwrap().provenance,
        col("date_modified")
    );
    assert_eq!(
        m.source_url,
        s("https://bao.example.vn/a", col("source_url"))
    );
    assert_eq!(m.url, s("https://news.example.id/a", col("url")));
    assert_eq!(m.section, s("Wawancara", col("section")));
    let kws: Vec<&str> = m.keywords.iter().map(|k| k.value.as_str()).collect();
    assert_eq!(kws, ["Mekong", "konservasi"]);
    assert_eq!(m.keywords[0].provenance, col("keywords"));
    let ids: Vec<String> = m
        .identifiers
        .iter()
        .map(|i| format!("{}={}", i.value.scheme, i.value.value))
        .collect();
    assert_eq!(ids, ["cms-id=42", "doi=10.1/x"]);
    assert_eq!(
        m.publisher.as_ref().unwrap().provenance,
        col("publisher_name")
    );
    for (path, column) in [
        ("publisher.url", "publisher_url"),
        ("publisher.logo", "publisher_logo"),
        ("rights.copyright_holder", "copyright_holder"),
        ("rights.copyright_notice", "copyright_notice"),
        ("rights.license", "license"),
        ("translation.original_url", "original_url"),
        ("translation.original_language", "original_language"),
        ("translation.original_headline", "original_headline"),
        ("translation.translator", "translator"),
        ("figures[1].image_url", "image_urls"),
        ("figures[1].credit", "image_credits"),
        ("figures[1].photographer", "image_photographers"),
    ] {
        assert_eq!(m.field_provenance.get(path), Some(&col(column)), "{path}");
    }
    assert_eq!(
        iv.people[0].job_title,
        s("Phóng viên", col("interviewer_job_titles"))
    );
    assert_eq!(
        iv.people[0].affiliation,
        s("Báo Ví Dụ", col("interviewer_affiliations"))
    );
    assert_eq!(
        iv.people[1].name,
        Sourced::new("Trần Thị Mai".to_string(), col("interviewees"))
    );
    assert_eq!(
        iv.people[1].job_title,
        s("Direktur", col("interviewee_job_titles"))
    );
    assert_eq!(
        iv.people[1].affiliation,
        s("Quỹ", col("interviewee_affiliations"))
    );
    // The empty first item leaves photo 1 alone; the second adds a photo.
    assert_eq!(iv.figures.len(), 2);
    assert_eq!(iv.figures[0].image_url, None);
    assert_eq!(iv.figures[0].credit.as_deref(), Some("Phạm Văn Hùng"));
    assert_eq!(
        iv.figures[1].image_url.as_deref(),
        Some("https://news.example.id/2.jpg")
    );
    assert_eq!(iv.figures[1].credit.as_deref(), Some("B"));
    assert_eq!(iv.figures[0].photographer, None);
    assert_eq!(iv.figures[1].photographer.as_deref(), Some("Budi Hartono"));
}

#[test]
fn precedence_is_flag_then_sidecar_then_manifest_then_text_then_inference() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wawancara.txt");
    std::fs::write(&input, "x").unwrap();
    let manifest = Manifest::parse(
        "m.csv",
        dir.path(),
        b"file,headline,description,section,language\nwawancara.txt,M,M,M,ms\n",
    )
    .unwrap();
    let row = manifest.row_for(&input).unwrap();
    let side = sidecar("headline = \"S\"\ndescription = \"S\"\n");
    let flags = FlagMeta {
        headline: Some("F".into()),
        ..Default::default()
    };

    let mut iv = unlabelled();
    iv.meta.headline = Some(Sourced::from_text("T".into(), 0..1));
    iv.meta.description = Some(Sourced::from_text("T".into(), 0..1));
    iv.meta.section = Some(Sourced::from_text("T".into(), 0..1));
    iv.meta.alternative_headline = Some(Sourced::from_text("T".into(), 0..1));
    iv.meta.language = Some(Sourced::new(
        "en".into(),
        Provenance::Inferred {
            how: "whatlang".into(),
            confidence: 0.6,
        },
    ));
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            sidecar: Some(&side),
            manifest: Some(row),
            config: None,
        },
    )
    .unwrap();
    let m = &iv.meta;
    assert_eq!(m.headline, s("F", flag("--headline")));
    assert_eq!(m.description, s("S", sc("description")));
    assert_eq!(m.section, s("M", col("section")));
    assert_eq!(
        m.alternative_headline,
        Some(Sourced::from_text("T".into(), 0..1))
    );
    assert_eq!(m.language, s("ms", col("language")));

    let conflicts: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == "meta-conflict")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        conflicts,
        vec![
            "headline: \"F\" from flag --headline conflicts with \"S\" from sidecar x.meta.toml (key headline); using \"F\"",
            "headline: \"F\" from flag --headline conflicts with \"M\" from manifest m.csv row 2, column headline; using \"F\"",
            "headline: \"F\" from flag --headline conflicts with \"T\" from the text (bytes 0..1); using \"F\"",
            "description: \"S\" from sidecar x.meta.toml (key description) conflicts with \"M\" from manifest m.csv row 2, column description; using \"S\"",
            "description: \"S\" from sidecar x.meta.toml (key description) conflicts with \"T\" from the text (bytes 0..1); using \"S\"",
            "section: \"M\" from manifest m.csv row 2, column section conflicts with \"T\" from the text (bytes 0..1); using \"M\"",
        ]
    );
    assert!(diags
        .iter()
        .filter(|d| d.code == "meta-conflict")
        .all(|d| d.severity == Severity::Warning));
    // A conflict with the text points at the text.
    assert_eq!(
        diags
            .iter()
            .find(|d| d.message.contains("\"T\" from the text"))
            .unwrap()
            .span,
        Some(0..1)
    );
    // Replacing an inferred value is no conflict.
    assert!(
        !diags.iter().any(|d| d.message.contains("language")),
        "{diags:#?}"
    );
}

#[test]
fn agreeing_values_and_a_date_refined_by_a_time_are_no_conflict() {
    let mut iv = unlabelled();
    iv.meta.headline = Some(Sourced::from_text("Judul".into(), 0..5));
    iv.meta.date_published = Some(Sourced::from_text(
        PubDate::Date("2026-05-12".into()),
        10..20,
    ));
    let side = sidecar("headline = \"Judul\"\ndate_published = \"2026-05-12T09:30:00+07:00\"\n");
    let flags = FlagMeta {
        headline: Some("Judul".into()),
        ..Default::default()
    };
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            sidecar: Some(&side),
            manifest: None,
            config: None,
        },
    )
    .unwrap();
    assert!(
        !diags.iter().any(|d| d.code == "meta-conflict"),
        "{diags:#?}"
    );
    // The highest layer is credited when layers agree.
    assert_eq!(iv.meta.headline, s("Judul", flag("--headline")));
    assert_eq!(
        iv.meta.date_published.unwrap().value,
        PubDate::DateTime("2026-05-12T09:30:00+07:00".into())
    );

    let mut iv = unlabelled();
    iv.meta.date_published = Some(Sourced::from_text(
        PubDate::Date("2026-05-11".into()),
        10..20,
    ));
    let diags = apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        diags.iter().any(|d| d.code == "meta-conflict"
            && d.message
                .starts_with("date published: 2026-05-12T09:30:00+07:00 from sidecar")),
        "{diags:#?}"
    );
}

#[test]
fn composite_values_merge_part_by_part_across_layers() {
    let side = sidecar("[rights]\ncopyright_holder = \"Báo Ví Dụ\"\nlicense = \"https://a.example/l\"\n[publisher]\nname = \"P\"\nurl = \"https://p.example/\"\n");
    let flags = FlagMeta {
        license: Some("https://b.example/l".into()),
        publisher_logo: Some("https://p.example/logo.png".into()),
        ..Default::default()
    };
    let mut iv = unlabelled();
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            sidecar: Some(&side),
            manifest: None,
            config: None,
        },
    )
    .unwrap();
    let r = iv.meta.rights.as_ref().unwrap();
    assert_eq!(r.value.copyright_holder.as_deref(), Some("Báo Ví Dụ"));
    assert_eq!(r.value.license.as_deref(), Some("https://b.example/l"));
    // The composite is credited to its highest part; each part keeps its own.
    assert_eq!(r.provenance, flag("--license"));
    assert_eq!(
        iv.meta.field_provenance["rights.copyright_holder"],
        sc("rights.copyright_holder")
    );
    assert_eq!(
        iv.meta.field_provenance["rights.license"],
        flag("--license")
    );
    assert!(diags.iter().any(|d| d.message == "rights license: \"https://b.example/l\" from flag --license conflicts with \"https://a.example/l\" from sidecar x.meta.toml (key rights.license); using \"https://b.example/l\""), "{diags:#?}");
    let p = &iv.meta.publisher.as_ref().unwrap().value;
    assert_eq!(
        (p.name.as_str(), p.url.as_deref(), p.logo.as_deref()),
        (
            "P",
            Some("https://p.example/"),
            Some("https://p.example/logo.png")
        )
    );
}

#[test]
fn a_publisher_without_a_name_is_left_out_with_a_warning() {
    let flags = FlagMeta {
        publisher_url: Some("https://p.example/".into()),
        ..Default::default()
    };
    let mut iv = unlabelled();
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(iv.meta.publisher.is_none());
    assert!(iv.meta.field_provenance.is_empty());
    let d = diags
        .iter()
        .find(|d| d.code == "meta-publisher-without-name")
        .unwrap();
    assert!(d.message.contains("flag --publisher-url"), "{}", d.message);
}

fn labelled(name: &str, role: Role, label: &str) -> Person {
    Person {
        name: Sourced::from_text(name.into(), 0..name.len()),
        role,
        job_title: None,
        affiliation: None,
        labels: vec![label.into()],
    }
}

#[test]
fn a_given_name_completes_the_texts_person_and_keeps_its_turns() {
    let mut iv = unlabelled();
    iv.people = vec![labelled("Knapper", Role::Interviewee, "Đại sứ Knapper")];
    iv.people[0].job_title = Some(Sourced::from_text("Đại sứ".into(), 0..6));
    for t in iv.turns.iter_mut().filter(|t| t.kind == TurnKind::Answer) {
        t.speaker = Some(0);
    }
    let flags = FlagMeta {
        interviewees: vec!["Marc Knapper".into()],
        interviewee_job_titles: vec!["Duta Besar AS".into()],
        ..Default::default()
    };
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(iv.people.len(), 1);
    let p = &iv.people[0];
    assert_eq!(
        p.name,
        Sourced::new("Marc Knapper".to_string(), flag("--interviewee"))
    );
    assert_eq!(p.labels, vec!["Đại sứ Knapper".to_string()]);
    assert_eq!(
        p.job_title,
        s("Duta Besar AS", flag("--interviewee-job-title"))
    );
    assert!(diags.iter().any(|d| d.code == "meta-name-completed"
        && d.message == "interviewee \"Knapper\" from the text (bytes 0..7) is taken as \"Marc Knapper\" from flag --interviewee"), "{diags:#?}");
    assert!(diags.iter().any(|d| d.code == "meta-conflict"
        && d.message.starts_with("Marc Knapper's job title: \"Duta Besar AS\" from flag --interviewee-job-title conflicts with \"Đại sứ\" from the text")), "{diags:#?}");
}

#[test]
fn a_different_single_name_replaces_the_texts_person_with_a_conflict_warning() {
    let mut iv = unlabelled();
    iv.people = vec![labelled("Nguyễn Văn B", Role::Interviewee, "B")];
    iv.turns[1].speaker = Some(0);
    let side = sidecar("interviewees = [\"Trần Thị Mai\"]\n");
    let diags = apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(iv.people.len(), 1);
    assert_eq!(iv.people[0].name.value, "Trần Thị Mai");
    assert_eq!(iv.people[0].labels, vec!["B".to_string()]);
    assert_eq!(iv.turns[1].speaker, Some(0));
    // The unlabelled answer (role Other) is attributed too.
    assert_eq!(
        (iv.turns[3].speaker, iv.turns[3].role),
        (Some(0), Role::Interviewee)
    );
    assert!(diags.iter().any(|d| d.message
        == "interviewee name: \"Trần Thị Mai\" from sidecar x.meta.toml (key interviewees[0]) conflicts with \"Nguyễn Văn B\" from the text (bytes 0..15); using \"Trần Thị Mai\""), "{diags:#?}");
}

#[test]
fn two_interviewees_do_not_get_unlabelled_turns_by_guessing() {
    let mut iv = unlabelled();
    let flags = FlagMeta {
        interviewees: vec!["A".into(), "B".into()],
        ..Default::default()
    };
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(iv.people.len(), 2);
    assert!(iv
        .turns
        .iter()
        .filter(|t| t.kind == TurnKind::Answer)
        .all(|t| t.speaker.is_none()));
    let d = diags
        .iter()
        .find(|d| d.code == "meta-speaker-unknown")
        .unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.starts_with(
            "2 interviewee turn(s) have no speaker and there are 2 interviewees (\"A\", \"B\")"
        ),
        "{}",
        d.message
    );
}

#[test]
fn a_lower_layer_may_add_a_job_title_but_not_other_people() {
    let side =
        sidecar("interviewees = [{ name = \"Trần Thị Mai\", affiliation = \"Quỹ\" }, \"X\"]\n");
    let flags = FlagMeta {
        interviewees: vec!["Trần Thị Mai".into()],
        ..Default::default()
    };
    let mut iv = unlabelled();
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            sidecar: Some(&side),
            manifest: None,
            config: None,
        },
    )
    .unwrap();
    assert_eq!(iv.people.len(), 1);
    assert_eq!(
        iv.people[0].affiliation,
        s("Quỹ", sc("interviewees[0].affiliation"))
    );
    assert!(diags.iter().any(|d| d.message
        == "interviewees: [\"Trần Thị Mai\"] from flag --interviewee conflicts with [\"Trần Thị Mai\", \"X\"] from sidecar x.meta.toml (key interviewees[0].name); using [\"Trần Thị Mai\"]"), "{diags:#?}");
}

#[test]
fn image_credits_override_the_text_by_position_with_a_warning() {
    let mut iv = unlabelled();
    let side = sidecar(
        "[[images]]\ncredit = \"AFP\"\n[[images]]\n[[images]]\nurl = \"https://x.example/3.jpg\"\n",
    );
    let diags = apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(iv.figures[0].credit.as_deref(), Some("AFP"));
    assert_eq!(
        iv.meta.field_provenance["figures[0].credit"],
        sc("images[0].credit")
    );
    assert!(diags.iter().any(|d| d.message
        == "image 1 credit: \"AFP\" from sidecar x.meta.toml (key images[0].credit) conflicts with \"Phạm Văn Hùng\" from the text (bytes 120..170); using \"AFP\""
        && d.span == Some(120..170)), "{diags:#?}");
    // Image 3 is added; so is the empty image 2 between (with a warning about the gap).
    assert_eq!(iv.figures.len(), 3);
    assert_eq!(
        iv.figures[2].image_url.as_deref(),
        Some("https://x.example/3.jpg")
    );
    assert!(diags.iter().any(|d| d.code == "meta-image-gap"));
}

#[test]
fn photographers_follow_precedence_and_conflicts_name_both_values_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wawancara.txt");
    std::fs::write(&input, "x").unwrap();
    let csv = "file,image_photographers\nwawancara.txt,Manifest Person; Second Person\n";
    let manifest = Manifest::parse("m.csv", dir.path(), csv.as_bytes()).unwrap();
    let row = manifest.row_for(&input).unwrap();
    let side = sidecar("[[images]]\nphotographer = \"Sidecar Person\"\n");
    let flags = FlagMeta {
        image_photographers: vec!["Flag Person".into()],
        ..Default::default()
    };
    // The text's photo carries a photographer of its own (as the reader sets it).
    let with_text = || {
        let mut iv = unlabelled();
        iv.figures[0].photographer = Some("Text Person".into());
        iv
    };
    let name = |iv: &Interview, i: usize| iv.figures[i].photographer.clone();

    // All four: the flag wins, and each loser is named beside the winner.
    let mut iv = with_text();
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            sidecar: Some(&side),
            manifest: Some(row),
            config: None,
        },
    )
    .unwrap();
    assert_eq!(name(&iv, 0).as_deref(), Some("Flag Person"));
    assert_eq!(
        iv.meta.field_provenance["figures[0].photographer"],
        flag("--image-photographer")
    );
    for loser in [
        "\"Sidecar Person\" from sidecar x.meta.toml (key images[0].photographer)",
        "\"Manifest Person\" from manifest m.csv row 2, column image_photographers",
        "\"Text Person\" from the text (bytes 120..170)",
    ] {
        let want = format!(
            "image 1 photographer: \"Flag Person\" from flag --image-photographer conflicts with {loser}; using \"Flag Person\""
        );
        assert!(
            diags
                .iter()
                .any(|d| d.severity == Severity::Warning && d.message == want),
            "{want}\n{diags:#?}"
        );
    }
    // The manifest's second name goes to photo 2, which it adds.
    assert_eq!(name(&iv, 1).as_deref(), Some("Second Person"));

    // Without the flag the sidecar wins; without both, the manifest beats the text.
    let mut iv = with_text();
    apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            manifest: Some(row),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(name(&iv, 0).as_deref(), Some("Sidecar Person"));
    let mut iv = with_text();
    apply(
        &mut iv,
        &Layers {
            manifest: Some(row),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(name(&iv, 0).as_deref(), Some("Manifest Person"));

    // The same name from the text and a sidecar is no conflict; the credit is untouched.
    let mut iv = with_text();
    let same = sidecar("[[images]]\nphotographer = \" Text Person \"\n");
    let diags = apply(
        &mut iv,
        &Layers {
            sidecar: Some(&same),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(name(&iv, 0).as_deref(), Some("Text Person"));
    assert_eq!(iv.figures[0].credit.as_deref(), Some("Phạm Văn Hùng"));
    assert!(
        diags.iter().all(|d| d.severity != Severity::Warning),
        "{diags:#?}"
    );
}

#[test]
fn bad_flag_values_are_errors_naming_the_flag() {
    let cases: Vec<(FlagMeta, &str)> = vec![
        (
            FlagMeta {
                published: Some("2026-05-12T09:30".into()),
                ..Default::default()
            },
            "flag --published: '2026-05-12T09:30' has a time but no UTC offset",
        ),
        (
            FlagMeta {
                lang: Some("Indonesian".into()),
                ..Default::default()
            },
            "flag --lang: 'Indonesian' is not a BCP 47 language tag",
        ),
        (
            FlagMeta {
                original_language: Some("vi_VN".into()),
                ..Default::default()
            },
            "flag --original-language: 'vi_VN' is not a BCP 47 language tag",
        ),
        (
            FlagMeta {
                license: Some("CC-BY".into()),
                ..Default::default()
            },
            "flag --license: 'CC-BY' is not an absolute http(s) URL",
        ),
        (
            FlagMeta {
                identifiers: vec!["42".into()],
                ..Default::default()
            },
            "flag --identifier: '42' is not an identifier",
        ),
        (
            FlagMeta {
                interviewee_job_titles: vec!["Direktur".into()],
                ..Default::default()
            },
            "flag --interviewee-job-title: 1 given for 0 --interviewee",
        ),
    ];
    for (flags, want) in cases {
        let mut iv = unlabelled();
        let e = apply(
            &mut iv,
            &Layers {
                flags: Some(&flags),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(matches!(e, MetaError::Flag { .. }));
        assert!(e.to_string().starts_with(want), "{e}");
    }
}

/// The seed-like case: an Indonesian translation of a Vietnamese interview, with a sidecar
/// that supplies the headline, date, publisher and the Vietnamese original.
#[test]
fn the_seed_sidecar_supplies_headline_date_publisher_and_the_vietnamese_original() {
    let input = Path::new("tests/fixtures/meta/seed/wawancara-mekong.txt");
    let text = std::fs::read_to_string(input).unwrap();
    // Built by hand from the text: lead, two exchanges, no names in the text.
    let mut iv = Interview::default();
    iv.meta.source_name = input.display().to_string();
    let at = |s: &str| text.find(s).unwrap();
    let lead = "Trần Thị Mai memimpin Quỹ Bảo tồn Sông Mekong sejak 2019.";
    iv.lead = vec![para(lead, at(lead))];
    for (kind, role, s) in [
        (
            TurnKind::Question,
            Role::Interviewer,
            "Apa ancaman terbesar bagi Delta Mekong saat ini?",
        ),
        (
            TurnKind::Answer,
            Role::Interviewee,
            "Hilangnya sedimen. Bendungan di hulu menahan lumpur yang dulu menyuburkan sawah kami.",
        ),
        (
            TurnKind::Question,
            Role::Interviewer,
            "Apa yang akan Anda sampaikan di Forum Konservasi Mekong 2026?",
        ),
        (
            TurnKind::Answer,
            Role::Interviewee,
            "Bahwa petani harus ikut duduk di meja perundingan.",
        ),
    ] {
        iv.turns.push(turn(kind, role, None, s, at(s)));
    }
    iv.meta.language = Some(Sourced::new(
        "id".into(),
        Provenance::Inferred {
            how: "whatlang trigrams".into(),
            confidence: 0.9,
        },
    ));

    let path = find_sidecar(input).unwrap().unwrap();
    let side = load_sidecar(&path).unwrap();
    let diags = apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            ..Default::default()
        },
    )
    .unwrap();
    let key = |k: &str| Provenance::Sidecar {
        path: path.display().to_string(),
        key: k.into(),
    };

    let m = &iv.meta;
    assert_eq!(
        m.headline.as_ref().unwrap().value,
        "“Mekong adalah nadi kami”: wawancara dengan Trần Thị Mai"
    );
    assert_eq!(m.headline.as_ref().unwrap().provenance, key("headline"));
    assert_eq!(
        m.language,
        Some(Sourced::new("id".to_string(), key("language")))
    );
    assert_eq!(
        m.date_published.as_ref().unwrap().value,
        PubDate::DateTime("2026-05-12T09:30:00+07:00".into())
    );
    let p = m.publisher.as_ref().unwrap();
    assert_eq!(p.value.name, "Berita Contoh");
    assert_eq!(p.provenance, key("publisher.name"));
    let t = &m.translation.as_ref().unwrap().value;
    assert_eq!(t.original_language.as_deref(), Some("vi"));
    assert_eq!(
        t.original_url.as_deref(),
        Some("https://bao.example.vn/phong-van/tran-thi-mai-song-mekong")
    );
    assert_eq!(
        t.original_headline.as_deref(),
        Some("“Mekong là mạch sống của chúng tôi”")
    );
    assert_eq!(t.translator.as_deref(), Some("Siti Rahmawati"));
    assert_eq!(
        m.field_provenance["translation.original_language"],
        key("translation.original_language")
    );
    // The answers are Trần Thị Mai's, the questions Lê Minh Quân's.
    let mai = iv
        .people
        .iter()
        .position(|p| p.name.value == "Trần Thị Mai")
        .unwrap();
    let quan = iv
        .people
        .iter()
        .position(|p| p.name.value == "Lê Minh Quân")
        .unwrap();
    for t in &iv.turns {
        let want = if t.kind == TurnKind::Answer {
            mai
        } else {
            quan
        };
        assert_eq!(t.speaker, Some(want));
    }
    assert_eq!(
        iv.people[mai].affiliation.as_ref().unwrap().value,
        "Quỹ Bảo tồn Sông Mekong"
    );
    assert!(
        !diags.iter().any(|d| d.severity == Severity::Warning),
        "{diags:#?}"
    );
}

#[test]
fn people_of_the_text_that_metadata_does_not_name_are_kept_with_a_warning() {
    let mut iv = unlabelled();
    iv.people = vec![
        labelled("Nguyễn Văn B", Role::Interviewee, "B"),
        labelled("Phạm Thị C", Role::Interviewee, "C"),
    ];
    let flags = FlagMeta {
        interviewees: vec!["Trần Thị Mai".into()],
        ..Default::default()
    };
    let diags = apply(
        &mut iv,
        &Layers {
            flags: Some(&flags),
            ..Default::default()
        },
    )
    .unwrap();
    let names: Vec<&str> = iv.people.iter().map(|p| p.name.value.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn B", "Phạm Thị C", "Trần Thị Mai"]);
    let kept: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == "meta-person-kept")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(kept.len(), 2);
    assert!(kept[0].starts_with("interviewee \"Nguyễn Văn B\" from the text (bytes 0..15) is not among the interviewees given as metadata (\"Trần Thị Mai\"); kept"), "{}", kept[0]);
    // Three interviewees now: no guessing who answered.
    assert!(diags.iter().any(|d| d.code == "meta-speaker-unknown"));
}

#[test]
fn a_name_given_alone_is_credited_to_its_entry() {
    let side = sidecar("publisher = \"Berita Contoh\"\ninterviewees = [\"Trần Thị Mai\"]\n");
    let mut iv = unlabelled();
    apply(
        &mut iv,
        &Layers {
            sidecar: Some(&side),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        iv.meta.publisher.as_ref().unwrap().provenance,
        sc("publisher")
    );
    assert_eq!(iv.meta.field_provenance["publisher.name"], sc("publisher"));
    assert_eq!(iv.people[0].name.provenance, sc("interviewees[0]"));
}

/// A language given by a flag or a sidecar is taken as given: the text's language is not
/// guessed, so no warning asks for the `--lang` the user passed, and the value is theirs.
#[test]
fn a_given_language_is_not_guessed_or_doubted() {
    use colloquy::pipeline::{read_with_meta, MetaSources, SidecarFrom};
    // Two short turns: too little text for a reliable guess.
    let text = "Q: How are you doing today my friend?\nA: I am fine, thanks for asking, it is a lovely day here.\n";
    let codes = |iv: &Interview| -> Vec<String> {
        iv.diagnostics.iter().map(|d| d.code.to_string()).collect()
    };
    let (_, guessed) =
        read_with_meta("t.txt", None, text.as_bytes(), &MetaSources::default()).unwrap();
    assert!(
        codes(&guessed).contains(&"language-uncertain".to_string()),
        "the text alone leaves the detector unsure: {:?}",
        codes(&guessed)
    );
    assert!(matches!(
        guessed.meta.language.as_ref().unwrap().provenance,
        Provenance::Inferred { .. }
    ));

    let flags = FlagMeta {
        lang: Some("en".into()),
        ..FlagMeta::default()
    };
    let (_, by_flag) = read_with_meta(
        "t.txt",
        None,
        text.as_bytes(),
        &MetaSources {
            flags: Some(&flags),
            ..MetaSources::default()
        },
    )
    .unwrap();
    assert_eq!(by_flag.meta.language, s("en", flag("--lang")));
    assert!(!codes(&by_flag).iter().any(|c| c.starts_with("language")));

    let dir = tempfile::tempdir().unwrap();
    let side = dir.path().join("t.meta.toml");
    std::fs::write(&side, "language = \"en\"\n").unwrap();
    let (_, by_sidecar) = read_with_meta(
        "t.txt",
        None,
        text.as_bytes(),
        &MetaSources {
            sidecar: SidecarFrom::File(&side),
            ..MetaSources::default()
        },
    )
    .unwrap();
    assert_eq!(by_sidecar.meta.language.as_ref().unwrap().value, "en");
    assert!(matches!(
        by_sidecar.meta.language.as_ref().unwrap().provenance,
        Provenance::Sidecar { .. }
    ));
    assert!(!codes(&by_sidecar).iter().any(|c| c.starts_with("language")));
}
