//! Every NewsML-G2 document colloquy emits is valid against the OFFICIAL IPTC
//! NewsML-G2 2.35 XSD (IPTC's file, bundled unmodified in schemas/newsml-g2/iptc/) and
//! against colloquy's own bundled profile.

use crate::common;

use colloquy::check::xsd::XsdCheck;
use colloquy::write::newsml;

fn official() -> XsdCheck {
    XsdCheck::official().expect("the bundled official 2.35 XSD compiles")
}

fn assert_valid(check: &XsdCheck, what: &str, xml: &str) {
    let findings = check.check(xml);
    assert!(
        findings.is_empty(),
        "{what} is invalid against {}:\n{findings:#?}\n--- document ---\n{xml}",
        check.name()
    );
}

#[test]
fn every_emitted_document_validates_against_official_xsd_and_profile() {
    let official = official();
    let profile = XsdCheck::profile().expect("the bundled profile compiles");
    let fixtures = [
        ("small", common::small()),
        ("full", common::full()),
        ("bare", common::bare()),
    ];
    let ctxs: Vec<_> = fixtures.iter().map(|(_, iv)| common::ctx(iv)).collect();
    for ((name, iv), ctx) in fixtures.iter().zip(&ctxs) {
        let mut docs = vec![
            (format!("{name} newsItem"), newsml::news_item(iv, ctx)),
            (format!("{name} packageItem"), newsml::package_item(iv, ctx)),
        ];
        for (i, pic) in newsml::picture_items(iv, ctx).into_iter().enumerate() {
            docs.push((format!("{name} picture {}", i + 1), pic));
        }
        for (what, xml) in &docs {
            assert_valid(&official, what, xml);
            assert_valid(&profile, what, xml);
        }
    }
    let entries: Vec<_> = fixtures.iter().map(|(_, iv)| iv).zip(&ctxs).collect();
    let message = newsml::news_message(&entries, "2026-11-29T10:00:00Z");
    assert_valid(&official, "newsMessage", &message);
    assert_valid(&profile, "newsMessage", &message);
}

#[test]
fn a_message_with_the_same_interview_twice_is_rejected_for_duplicate_ids() {
    // Proves the message's xs:IDs come from the item guids (and that both schemas
    // check them): the same guid twice must collide.
    let iv = common::small();
    let ctx = common::ctx(&iv);
    let message = newsml::news_message(&[(&iv, &ctx), (&iv, &ctx)], "2026-11-29T10:00:00Z");
    assert!(!official().check(&message).is_empty());
    let profile_findings = XsdCheck::profile().unwrap().check(&message);
    assert!(!profile_findings.is_empty());
}

#[test]
fn official_xsd_rejects_a_news_item_without_item_meta_naming_it_with_a_line() {
    let iv = common::small();
    let xml = newsml::news_item(&iv, &common::ctx(&iv));
    let start = xml.find("<itemMeta>").unwrap();
    let end = xml.find("</itemMeta>").unwrap() + "</itemMeta>".len();
    let broken = format!("{}{}", &xml[..start], &xml[end..]);
    for check in [official(), XsdCheck::profile().unwrap()] {
        let findings = check.check(&broken);
        assert!(
            !findings.is_empty(),
            "{} accepted a newsItem without itemMeta",
            check.name()
        );
        let f = &findings[0];
        assert!(f.rule.starts_with("xsd/"), "{f:?}");
        assert!(f.message.contains("itemMeta"), "{f:?}");
        assert!(f.location.line.is_some(), "{f:?}");
    }
}

#[test]
#[ignore = "prints a fixture's documents; run with --ignored --nocapture (FIXTURE=full|small|bare)"]
fn dump_fixture() {
    let iv = match std::env::var("FIXTURE").as_deref() {
        Ok("full") => common::full(),
        Ok("bare") => common::bare(),
        _ => common::small(),
    };
    let ctx = common::ctx(&iv);
    println!("{}", newsml::news_item(&iv, &ctx));
    println!("{}", colloquy::write::jsonld::render(&iv, &ctx));
}

#[test]
fn xsd_check_agrees_with_xmllint_on_the_official_examples() {
    // research/newsml-g2.md §2: with xmllint, the 8 complete IPTC examples pass and the
    // abridged LISTING_24/25/28 fail. The in-process check must agree.
    let check = official();
    let dir = crate::shared_or_skip!("newsml-g2/examples");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let mut failing = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        if !check.check(&text).is_empty() {
            failing.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    let failing: Vec<&str> = failing.iter().map(|n| &n[..10]).collect();
    assert_eq!(failing, ["LISTING_24", "LISTING_25", "LISTING_28"]);
    assert_eq!(names.len(), 11);
}

#[test]
#[ignore = "timing; run with --ignored --nocapture (numbers for the report)"]
fn timings() {
    use std::time::Instant;
    let iv = common::full();
    let ctx = common::ctx(&iv);
    let t = Instant::now();
    let off = official();
    println!("compile official 2.35 XSD: {:?}", t.elapsed());
    let t = Instant::now();
    let prof = XsdCheck::profile().unwrap();
    println!("compile bundled profile: {:?}", t.elapsed());
    let xml = newsml::news_item(&iv, &ctx);
    let n = 2000;
    for (name, check) in [("official", &off), ("profile", &prof)] {
        let t = Instant::now();
        for _ in 0..n {
            assert!(check.check(&xml).is_empty());
        }
        println!(
            "{name}: parse+validate {} B newsItem: {:?}/doc",
            xml.len(),
            t.elapsed() / n
        );
    }
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(newsml::news_item(&iv, &ctx));
    }
    println!("write newsItem: {:?}/doc", t.elapsed() / n);
    let t = Instant::now();
    let js = colloquy::check::json_schema::JsonSchemaCheck::bundled();
    println!("compile JSON Schema: {:?}", t.elapsed());
    let text = colloquy::write::jsonld::render(&iv, &ctx);
    let t = Instant::now();
    for _ in 0..n {
        assert!(js.check(&text).is_empty());
    }
    println!(
        "JSON Schema check {} B JSON-LD: {:?}/doc",
        text.len(),
        t.elapsed() / n
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(colloquy::write::jsonld::render(&iv, &ctx));
    }
    println!("write JSON-LD: {:?}/doc", t.elapsed() / n);
}

#[test]
fn one_validator_per_thread_works_in_parallel() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    let docs = vec![
        newsml::news_item(&iv, &ctx),
        newsml::package_item(&iv, &ctx),
        newsml::news_message(&[(&iv, &ctx)], "2026-11-29T10:00:00Z"),
    ];
    let bad = docs[0].replace("<itemMeta>", "<itemMeta><bogus/>");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (docs, bad) = (docs.clone(), bad.clone());
            std::thread::spawn(move || {
                let checks = [official(), XsdCheck::profile().unwrap()];
                for _ in 0..25 {
                    for check in &checks {
                        for d in &docs {
                            assert!(check.check(d).is_empty());
                        }
                        assert!(!check.check(&bad).is_empty());
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
