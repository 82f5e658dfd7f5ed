//! The NewsML-G2 writer: the output contract of DESIGN.md, read back with libxml2's
//! XPath, plus the XSD check's behaviour on broken documents.

use crate::common;

use colloquy::check::xsd::XsdCheck;
use colloquy::write::{jsonld, newsml};
use libxml::parser::Parser;
use libxml::xpath::Context;

/// XPath over a document with `n:` = NewsML-G2 and `h:` = XHTML.
struct Doc {
    _doc: libxml::tree::Document,
    ctx: Context,
}

impl Doc {
    fn parse(xml: &str) -> Doc {
        let doc = Parser::default().parse_string(xml).expect("well-formed");
        let ctx = Context::new(&doc).unwrap();
        ctx.register_namespace("n", newsml::NAR_NS).unwrap();
        ctx.register_namespace("h", newsml::XHTML_NS).unwrap();
        Doc { _doc: doc, ctx }
    }
    fn values(&mut self, xpath: &str) -> Vec<String> {
        self.ctx.findvalues(xpath, None).unwrap()
    }
    fn one(&mut self, xpath: &str) -> String {
        let v = self.values(xpath);
        assert_eq!(v.len(), 1, "{xpath} → {v:?}");
        v.into_iter().next().unwrap()
    }
    fn count(&mut self, xpath: &str) -> usize {
        self.ctx.findnodes(xpath, None).unwrap().len()
    }
    fn names(&mut self, xpath: &str) -> Vec<String> {
        self.ctx
            .findnodes(xpath, None)
            .unwrap()
            .iter()
            .map(|n| n.get_name())
            .collect()
    }
}

#[test]
fn small_news_item_follows_the_contract() {
    let iv = common::small();
    let ctx = common::ctx(&iv);
    let xml = newsml::news_item(&iv, &ctx);
    let mut d = Doc::parse(&xml);
    let json: serde_json::Value = serde_json::from_str(&jsonld::render(&iv, &ctx)).unwrap();
    assert_eq!(
        d.one("/n:newsItem/@guid"),
        json["@id"].as_str().unwrap(),
        "same GUID in both outputs"
    );
    assert_eq!(d.one("/n:newsItem/@standard"), "NewsML-G2");
    assert_eq!(d.one("/n:newsItem/@standardversion"), "2.35");
    assert_eq!(d.one("/n:newsItem/@conformance"), "power");
    assert_eq!(d.one("/n:newsItem/@version"), "1");
    assert_eq!(d.one("/n:newsItem/@xml:lang"), "id");
    assert_eq!(
        d.one("/n:newsItem/n:catalogRef/@href"),
        newsml::IPTC_CATALOG
    );
    assert_eq!(
        d.names("/n:newsItem/*"),
        ["catalogRef", "itemMeta", "contentMeta", "contentSet"]
    );
    assert_eq!(
        d.names("/n:newsItem/n:itemMeta/*"),
        [
            "itemClass",
            "provider",
            "versionCreated",
            "pubStatus",
            "origRep"
        ]
    );
    assert_eq!(d.one("//n:itemClass/@qcode"), "ninat:text");
    assert_eq!(d.one("//n:versionCreated"), ctx.version_created);
    assert_eq!(d.one("//n:pubStatus/@qcode"), "stat:usable");
    assert_eq!(
        d.one("//n:origRep"),
        "https://example.org/wawancara/duta-besar"
    );
    assert_eq!(
        d.names("/n:newsItem/n:contentMeta/*"),
        ["infoSource", "creator", "language", "genre", "headline"]
    );
    assert_eq!(
        d.one("//n:infoSource[@role='cpprole:interviewee']/n:name"),
        "Budi Santoso"
    );
    assert_eq!(
        d.one("//n:creator[@role='cpprole:author']/n:name"),
        "Siti Rahma"
    );
    assert_eq!(d.one("//n:contentMeta/n:language/@tag"), "id");
    assert_eq!(d.one("//n:genre/@qcode"), "genre:Interview");
    assert_eq!(
        d.one("//n:contentMeta/n:headline"),
        "Wawancara dengan Duta Besar"
    );
    assert!(
        d.values("//n:firstCreated | //n:contentCreated").is_empty(),
        "no date known"
    );
    // the body: exactly one XHTML html element, exchanges marked by class
    assert_eq!(d.one("//n:inlineXML/@contenttype"), "application/xhtml+xml");
    assert_eq!(d.count("//n:inlineXML/*"), 1);
    assert_eq!(d.count("//n:inlineXML/h:html"), 1);
    assert_eq!(
        d.values("//h:div[@class='question']/h:p"),
        ["Apa prioritas Anda tahun ini?", "Kapan Anda kembali?"]
    );
    assert_eq!(
        d.values("//h:div[@class='answer']/h:p"),
        ["Perdagangan.", "Dan pendidikan.", "Bulan depan."]
    );
    assert_eq!(
        d.one("//h:div[@class='figure']/h:p[@class='caption']"),
        "Duta Besar Budi Santoso di Jakarta."
    );
    assert_eq!(
        d.one("//h:div[@class='figure']/h:p[@class='credit']"),
        "NVCC"
    );
    assert!(!xml.contains("<figure"));
}

#[test]
fn every_meta_field_reaches_the_news_item() {
    let iv = common::full();
    let xml = newsml::news_item(&iv, &common::ctx(&iv));
    let mut d = Doc::parse(&xml);
    assert_eq!(
        d.one("//n:rightsInfo/n:copyrightHolder/n:name"),
        "Kabar Contoh"
    );
    assert_eq!(
        d.one("//n:rightsInfo/n:copyrightNotice"),
        "© 2026 Kabar Contoh"
    );
    assert_eq!(
        d.one("//n:rightsInfo/n:link/@href"),
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(
        d.one("//n:itemMeta/n:provider/@uri"),
        "https://news.example.id/"
    );
    assert_eq!(d.one("//n:itemMeta/n:provider/n:name"), "Kabar Contoh");
    assert_eq!(d.one("//n:firstCreated"), "2026-05-12T09:30:00+07:00");
    assert_eq!(d.one("//n:contentCreated"), "2026-05-12T09:30:00+07:00");
    assert_eq!(d.one("//n:contentModified"), "2026-05-13");
    assert_eq!(
        d.values("//n:itemMeta/n:link/@href"),
        [
            "https://news.example.id/wawancara/2026/05/duta-besar",
            "https://bao.example.vn/phong-van/dai-su"
        ]
    );
    assert_eq!(
        d.one("//n:itemMeta/n:link[@xml:lang='vi']/@title"),
        "Phỏng vấn Đại sứ"
    );
    assert_eq!(
        d.values("//n:infoSource/n:name"),
        ["Budi Santoso", "Ana Wijaya"]
    );
    assert_eq!(d.values("//n:infoSource/n:note"), ["Duta Besar", "Atase"]);
    assert_eq!(
        d.one("//n:infoSource/n:personDetails/n:affiliation/n:name"),
        "Kementerian Luar Negeri"
    );
    assert_eq!(
        d.one("//n:contributor[@roleuri='http://id.loc.gov/vocabulary/relators/trl']/n:name"),
        "Dewi Lestari"
    );
    assert_eq!(d.values("//n:altId"), ["KC-2026-017", "42"]);
    assert_eq!(
        d.one("//n:altId[@typeuri]/@typeuri"),
        "https://example.org/ids"
    );
    assert_eq!(d.values("//n:keyword"), ["diplomasi", "pendidikan"]);
    assert_eq!(
        d.values("//n:contentMeta/n:headline"),
        [
            "Wawancara dengan Duta Besar",
            "Perdagangan & pendidikan <lebih dulu>"
        ]
    );
    assert_eq!(d.one("//n:dateline"), "JAKARTA, 12 Mei");
    assert_eq!(
        d.one("//n:description[@role='drol:summary']"),
        "Sebuah wawancara tentang diplomasi."
    );
    // body: labels shown, remark and closing kept apart from answers
    assert_eq!(
        d.values("//h:strong[@class='speaker']"),
        ["Wartawan:", "Budi:", "Ana:", "Wartawan:"]
    );
    assert_eq!(d.one("//h:div[@class='remark']/h:p"), "(tertawa)");
    assert_eq!(
        d.one("//h:div[@class='closing']/h:p"),
        "Terima kasih banyak, Duta Besar!"
    );
    assert_eq!(d.one("//h:img/@src"), "https://news.example.id/img/2.jpg");
    assert_eq!(d.one("//h:img/@alt"), "Dua diplomat");
}

#[test]
fn characters_xml_forbids_are_removed_and_markup_is_escaped() {
    let iv = common::full();
    let xml = newsml::news_item(&iv, &common::ctx(&iv));
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{B}'));
    let mut d = Doc::parse(&xml);
    assert_eq!(
        d.one("//h:div[@class='lead']/h:p"),
        "Budi Santoso menjabat sejak 2024."
    );
    assert!(d
        .one("//h:div[@class='answer'][1]/h:p")
        .ends_with("Perdagangan."));
    assert_eq!(
        d.count("//h:script"),
        0,
        "text that looks like markup stays text"
    );
    assert!(xml.contains("&lt;script&gt;"));
    assert_eq!(
        newsml::clean_xml_text("a\u{0}b\u{FFFE}c\td\u{1F600}"),
        "abc\td\u{1F600}"
    );
}

#[test]
fn picture_items_and_package_tie_together() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    let pictures = newsml::picture_items(&iv, &ctx);
    assert_eq!(pictures.len(), 2);
    let mut pic = Doc::parse(&pictures[1]);
    assert_eq!(pic.one("//n:itemClass/@qcode"), "ninat:picture");
    assert_eq!(
        pic.one("//n:description[@role='drol:caption']"),
        "Ana Wijaya & Budi Santoso."
    );
    assert_eq!(pic.one("//n:creditline"), "Kabar Contoh/Dewi");
    assert_eq!(
        pic.one("//n:remoteContent/@href"),
        "https://news.example.id/img/2.jpg"
    );
    let pic_guid = pic.one("/n:newsItem/@guid");
    let mut pkg = Doc::parse(&newsml::package_item(&iv, &ctx));
    assert_eq!(
        pkg.one("//n:itemMeta/n:itemClass/@qcode"),
        "ninat:composite"
    );
    let refs = pkg.values("//n:itemRef/@residref");
    assert_eq!(
        refs,
        [ctx.guid.clone(), newsml::picture_guid(&ctx, 0), pic_guid]
    );
    assert_eq!(pkg.one("//n:groupSet/@root"), pkg.one("//n:group/@id"));
}

#[test]
fn the_photographer_is_the_picture_items_creator_apart_from_the_credit() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    let pictures = newsml::picture_items(&iv, &ctx);
    let mut pic = Doc::parse(&pictures[1]);
    assert_eq!(pic.one("//n:contentMeta/n:creator/n:name"), "Dewi Lestari");
    // No cpprole code means photographer, so none is claimed.
    assert_eq!(pic.count("//n:creator/@role"), 0);
    assert_eq!(pic.count("//n:creator/@roleuri"), 0);
    assert_eq!(pic.one("//n:creditline"), "Kabar Contoh/Dewi");
    // Administrative before descriptive, as the schema orders contentMeta.
    assert_eq!(
        pic.names("//n:contentMeta/*"),
        ["creator", "language", "creditline", "description"]
    );
    // Photo 1 has a credit and no photographer: no creator is made up from it.
    let mut first = Doc::parse(&pictures[0]);
    assert_eq!(first.count("//n:creator"), 0);
    assert_eq!(first.one("//n:creditline"), "NVCC");
    // Both schemas hold it to that order: a creator after the language is rejected.
    let profile = XsdCheck::profile().unwrap();
    assert!(profile.check(&pictures[1]).is_empty());
    let creator = "<creator>\n      <name>Dewi Lestari</name>\n    </creator>\n";
    assert!(pictures[1].contains(creator), "{}", pictures[1]);
    let misplaced = pictures[1].replace(creator, "").replace(
        "</contentMeta>",
        "<creator><name>Dewi Lestari</name></creator></contentMeta>",
    );
    assert!(!profile.check(&misplaced).is_empty(), "{misplaced}");
}

#[test]
fn news_message_holds_package_text_and_pictures_per_interview() {
    let (a, b) = (common::full(), common::small());
    let (ca, cb) = (common::ctx(&a), common::ctx(&b));
    let xml = newsml::news_message(&[(&a, &ca), (&b, &cb)], "2026-11-29T10:00:00Z");
    let mut d = Doc::parse(&xml);
    assert_eq!(
        d.one("/n:newsMessage/n:header/n:sent"),
        "2026-11-29T10:00:00Z"
    );
    assert_eq!(
        d.names("/n:newsMessage/n:itemSet/*"),
        [
            "packageItem",
            "newsItem",
            "newsItem",
            "newsItem",
            "packageItem",
            "newsItem",
            "newsItem"
        ]
    );
    let guids = d.values("//n:itemSet/*/@guid");
    let unique: std::collections::HashSet<_> = guids.iter().collect();
    assert_eq!(
        unique.len(),
        guids.len(),
        "item guids unique across the message"
    );
    let ids = d.values("//@id");
    assert_eq!(
        ids.iter().collect::<std::collections::HashSet<_>>().len(),
        ids.len()
    );
    // every itemRef points at an item in the message
    for r in d.values("//n:itemRef/@residref") {
        assert!(guids.contains(&r), "{r} not in the message");
    }
}

#[test]
fn output_is_deterministic() {
    let iv = common::full();
    let ctx = common::ctx(&iv);
    assert_eq!(
        newsml::news_item(&iv, &ctx),
        newsml::news_item(&iv.clone(), &ctx.clone())
    );
    let m1 = newsml::news_message(&[(&iv, &ctx)], "2026-11-29T10:00:00Z");
    let m2 = newsml::news_message(&[(&iv, &ctx)], "2026-11-29T10:00:00Z");
    assert_eq!(m1, m2);
}

#[test]
fn xsd_check_rejects_malformed_xml_with_a_line_number() {
    let check = XsdCheck::profile().unwrap();
    let xml = "<?xml version=\"1.0\"?>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n  <itemMeta>\n</newsItem>\n";
    let findings = check.check(xml);
    assert!(!findings.is_empty());
    assert_eq!(findings[0].rule, "xml/malformed");
    assert_eq!(findings[0].location.line, Some(4), "{findings:#?}");
}

#[test]
fn xsd_check_rejects_an_illegal_character_the_lenient_defaults_would_accept() {
    let iv = common::small();
    let xml =
        newsml::news_item(&iv, &common::ctx(&iv)).replace("Bulan depan.", "Bulan\u{B} depan.");
    let findings = XsdCheck::profile().unwrap().check(&xml);
    assert_eq!(
        findings.first().map(|f| f.rule.as_str()),
        Some("xml/malformed"),
        "{findings:#?}"
    );
    assert!(findings[0].location.line.is_some());
}

#[test]
fn a_doctype_is_refused_so_no_entity_can_be_expanded() {
    let iv = common::small();
    let xml = newsml::news_item(&iv, &common::ctx(&iv))
        .replacen(
            "<newsItem",
            "<!DOCTYPE newsItem [<!ENTITY x \"EXPANDED\">]>\n<newsItem",
            1,
        )
        .replace("Wawancara dengan Duta Besar</headline>", "&x;</headline>");
    let findings = XsdCheck::profile().unwrap().check(&xml);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].rule, "xml/doctype");
    assert_eq!(findings[0].location.line, Some(2));
}

#[test]
fn the_profile_is_stricter_than_the_official_schema_where_it_is_lax() {
    // The official XSD validates inlineXML laxly; colloquy's profile checks the XHTML.
    let iv = common::small();
    let xml = newsml::news_item(&iv, &common::ctx(&iv)).replace(
        "<div class=\"answer\">",
        "<figure><figcaption>x</figcaption></figure><div class=\"answer\">",
    );
    let official = XsdCheck::official().unwrap();
    assert!(official.check(&xml).is_empty());
    let findings = XsdCheck::profile().unwrap().check(&xml);
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "xsd/element" && f.message.contains("figure")),
        "{findings:#?}"
    );
}

#[test]
fn element_order_is_checked() {
    let iv = common::small();
    let xml = newsml::news_item(&iv, &common::ctx(&iv));
    let headline = "    <headline>Wawancara dengan Duta Besar</headline>\n";
    let moved = xml
        .replace(headline, "")
        .replace("    <infoSource", &format!("{headline}    <infoSource"));
    let findings = XsdCheck::profile().unwrap().check(&moved);
    assert!(
        findings.iter().any(|f| f.rule == "xsd/element"),
        "{findings:#?}"
    );
}

#[test]
fn a_missing_schema_file_is_a_check_error() {
    assert!(XsdCheck::from_path(std::path::Path::new("/nonexistent/x.xsd")).is_err());
}

#[test]
fn convert_holds_its_output_to_the_profile_validate_only_on_request() {
    // What convert runs on its own NewsML-G2 (check_newsml) includes the profile; what
    // validate runs on any file (check) does not, unless --profile interview.
    let iv = common::small();
    let xml = newsml::news_item(&iv, &common::ctx(&iv)).replace(
        "<div class=\"answer\">",
        "<figure><figcaption>x</figcaption></figure><div class=\"answer\">",
    );
    let checker = colloquy::check::Checker::new(None).unwrap();
    let own = checker.check_newsml(&xml);
    assert!(
        own.iter()
            .any(|f| f.rule == "xsd/element" && f.message.contains("figure")),
        "{own:#?}"
    );
    let foreign = checker.check("x.xml", xml.as_bytes());
    assert!(!foreign.has_errors(), "{:#?}", foreign.findings);
    assert_eq!(
        foreign.checked_against,
        ["NewsML-G2 2.35 XSD (IPTC, bundled)"]
    );
    let profiled = checker
        .with_interview_profile()
        .check("x.xml", xml.as_bytes());
    assert!(profiled.has_errors());
    assert_eq!(
        profiled.checked_against,
        [
            "NewsML-G2 2.35 XSD (IPTC, bundled)",
            "colloquy NewsML-G2 interview profile XSD"
        ]
    );
}
