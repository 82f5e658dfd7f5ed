//! IPTC NewsML-G2 2.35: a text `newsItem`, one `ninat:picture` item per figure, a
//! `packageItem` tying them together, and a `newsMessage` for batches.
//!
//! Written with quick-xml's event `Writer` (never templates), in the element order the
//! XSD's sequences demand (research/newsml-g2.md §3.2). Every text and attribute value
//! passes through [`super::clean_xml_text`] first, because quick-xml escapes markup but passes
//! characters XML 1.0 forbids straight through.

use super::WriteContext;
use crate::model::{Figure, Interview, Person, Role, Turn, TurnKind};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// The NewsML-G2 (NAR) namespace.
pub const NAR_NS: &str = "http://iptc.org/std/nar/2006-10-01/";
/// The XHTML namespace of the inline body.
pub const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
/// IPTC catalog 41, which defines every alias colloquy uses.
pub const IPTC_CATALOG: &str = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml";
/// The genre QCode (kept in one place: its case could not be confirmed online).
pub const GENRE_INTERVIEW: &str = "genre:Interview";
/// Media type of a NewsML-G2 item, used on `itemRef`.
pub const ITEM_MEDIA_TYPE: &str = "application/vnd.iptc.g2.newsitem+xml";
/// MARC relator "translator": the IPTC role codes have no translator.
pub const TRANSLATOR_ROLE_URI: &str = "http://id.loc.gov/vocabulary/relators/trl";
/// The XHTML vocabulary's `license` relation, for the licence link in `rightsInfo`.
pub const LICENSE_REL_URI: &str = "http://www.w3.org/1999/xhtml/vocab#license";

pub use super::clean_xml_text;

/// The guid of the picture item for figure `index` (0-based): UUID v5 over the text
/// item's guid and the figure's position, so it is stable and unique per interview.
pub fn picture_guid(ctx: &WriteContext, index: usize) -> String {
    derived_guid(ctx, &format!("picture-{}", index + 1))
}

/// The guid of the interview's package item.
pub fn package_guid(ctx: &WriteContext) -> String {
    derived_guid(ctx, "package")
}

fn derived_guid(ctx: &WriteContext, what: &str) -> String {
    let key = format!("{}#{what}", ctx.guid);
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, key.as_bytes())
    )
}

/// An `xs:ID` derived from a guid: unique across a message because guids are.
fn xml_id(prefix: &str, guid: &str) -> String {
    let tail: String = guid
        .rsplit(':')
        .next()
        .unwrap_or(guid)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}-{tail}")
}

/// Thin wrapper over quick-xml's writer: cleans every value, and hides `io::Result`
/// (writing into a `Vec` cannot fail).
struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn new() -> Self {
        Xml {
            w: Writer::new_with_indent(Vec::new(), b' ', 2),
        }
    }

    fn event(&mut self, e: Event<'_>) {
        self.w
            .write_event(e)
            .expect("writing into a Vec cannot fail");
    }

    fn decl(&mut self) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    }

    fn tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (k, v) in attrs {
            start.push_attribute((*k, clean_xml_text(v).as_ref()));
        }
        start
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(Self::tag(name, attrs)));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(Self::tag(name, attrs)));
    }

    fn text(&mut self, text: &str) {
        let text = clean_xml_text(text);
        // What quick-xml's escape replaces (`< > & ' "` and CR): most paragraphs hold
        // none, and a block scan says so faster than its byte-by-byte search.
        let special = |b: u8| {
            (b == b'<') | (b == b'>') | (b == b'&') | (b == b'\'') | (b == b'"') | (b == b'\r')
        };
        let event = if crate::model::first_byte(text.as_bytes(), special).is_some() {
            BytesText::new(&text)
        } else {
            BytesText::from_escaped(text.as_ref())
        };
        self.event(Event::Text(event));
    }

    /// `<name attrs>text</name>`.
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.text(text);
        self.end(name);
    }

    fn finish(self) -> String {
        let mut s = String::from_utf8(self.w.into_inner()).expect("all input was str");
        s.push('\n');
        s
    }
}

/// A value worth writing: non-empty once trimmed and cleaned.
fn known(s: Option<&str>) -> Option<&str> {
    s.map(str::trim)
        .filter(|s| !clean_xml_text(s).trim().is_empty())
}

/// The root attributes every item carries.
fn item_attrs<'a>(guid: &'a str, lang: Option<&'a str>, xmlns: bool) -> Vec<(&'a str, &'a str)> {
    let mut attrs = Vec::new();
    if xmlns {
        attrs.push(("xmlns", NAR_NS));
    }
    attrs.extend([
        ("guid", guid),
        ("version", "1"),
        ("standard", "NewsML-G2"),
        ("standardversion", "2.35"),
        ("conformance", "power"),
    ]);
    if let Some(lang) = lang {
        attrs.push(("xml:lang", lang));
    }
    attrs
}

/// The `provider literal` written when no provider and no publisher is known: the XSD
/// requires a provider, and the converter is not one. It is a code, not a name, so no
/// reader can take it for an organisation; [`provider_unknown`] says when it applies.
pub const PROVIDER_NOT_STATED: &str = "provider-not-stated";

/// True when an item of this interview gets the [`PROVIDER_NOT_STATED`] placeholder.
pub fn provider_unknown(iv: &Interview) -> bool {
    known(iv.meta.provider.as_ref().map(|p| p.value.as_str())).is_none()
        && known(iv.meta.publisher.as_ref().map(|p| p.value.name.as_str())).is_none()
}

/// `provider`: the stated provider (a URI or a name), else the publisher, else the
/// [`PROVIDER_NOT_STATED`] placeholder (the pipeline warns about it).
fn write_provider(x: &mut Xml, iv: &Interview) {
    let is_uri = |s: &str| s.starts_with("http://") || s.starts_with("https://");
    if let Some(p) = known(iv.meta.provider.as_ref().map(|p| p.value.as_str())) {
        if is_uri(p) {
            x.empty("provider", &[("uri", p)]);
        } else {
            x.start("provider", &[]);
            x.leaf("name", &[], p);
            x.end("provider");
        }
        return;
    }
    if let Some(org) = iv.meta.publisher.as_ref().map(|p| &p.value) {
        if let Some(name) = known(Some(&org.name)) {
            match known(org.url.as_deref()) {
                Some(url) => x.start("provider", &[("uri", url)]),
                None => x.start("provider", &[]),
            }
            x.leaf("name", &[], name);
            x.end("provider");
            return;
        }
    }
    x.empty("provider", &[("literal", PROVIDER_NOT_STATED)]);
}

fn write_rights_info(x: &mut Xml, iv: &Interview) {
    let r = iv.meta.rights.as_ref().map(|r| &r.value);
    let holder = known(r.and_then(|r| r.copyright_holder.as_deref()));
    let notice = known(r.and_then(|r| r.copyright_notice.as_deref()));
    let license = known(r.and_then(|r| r.license.as_deref()));
    let usage = known(iv.meta.usage.as_ref().map(|u| u.value.as_str()));
    if holder.is_none() && notice.is_none() && license.is_none() && usage.is_none() {
        return;
    }
    x.start("rightsInfo", &[]);
    if let Some(h) = holder {
        x.start("copyrightHolder", &[]);
        x.leaf("name", &[], h);
        x.end("copyrightHolder");
    }
    if let Some(n) = notice {
        x.leaf("copyrightNotice", &[], n);
    }
    if let Some(u) = usage {
        x.leaf("usageTerms", &[], u);
    }
    if let Some(l) = license {
        x.empty("link", &[("reluri", LICENSE_REL_URI), ("href", l)]);
    }
    x.end("rightsInfo");
}

/// `itemMeta` in schema order: itemClass, provider, versionCreated, firstCreated?,
/// pubStatus, then origRep*, then link*.
fn write_item_meta(
    x: &mut Xml,
    iv: &Interview,
    ctx: &WriteContext,
    item_class: &str,
    with_source: bool,
) {
    x.start("itemMeta", &[]);
    x.empty("itemClass", &[("qcode", item_class)]);
    write_provider(x, iv);
    x.leaf("versionCreated", &[], &ctx.version_created);
    // firstCreated is an xs:dateTime: only a full published timestamp qualifies.
    if let Some(crate::model::PubDate::DateTime(dt)) =
        iv.meta.date_published.as_ref().map(|d| &d.value)
    {
        x.leaf("firstCreated", &[], dt);
    }
    x.empty("pubStatus", &[("qcode", "stat:usable")]);
    if with_source {
        let member_of = [&iv.meta.collection, &iv.meta.series];
        for c in member_of.into_iter().flatten().map(|c| &c.value) {
            if let Some(name) = known(Some(&c.name)) {
                match known(c.url.as_deref()) {
                    Some(url) => x.start("memberOf", &[("uri", url)]),
                    None => x.start("memberOf", &[("literal", name)]),
                }
                x.leaf("name", &[], name);
                x.end("memberOf");
            }
        }
        if let Some(src) = known(iv.meta.source_url.as_ref().map(|s| s.value.as_str())) {
            x.leaf("origRep", &[], src);
        }
        if let Some(url) = known(iv.meta.url.as_ref().map(|s| s.value.as_str())) {
            x.empty(
                "link",
                &[
                    ("rel", "irel:seeAlso"),
                    ("href", url),
                    ("contenttype", "text/html"),
                ],
            );
        }
        if let Some(t) = iv.meta.translation.as_ref().map(|t| &t.value) {
            if let Some(orig) = known(t.original_url.as_deref()) {
                let mut attrs = vec![
                    ("rel", "irel:seeAlso"),
                    ("href", orig),
                    ("contenttype", "text/html"),
                ];
                if let Some(h) = known(t.original_headline.as_deref()) {
                    attrs.push(("title", h));
                }
                if let Some(l) = known(t.original_language.as_deref()) {
                    attrs.push(("xml:lang", l));
                }
                x.empty("link", &attrs);
            }
        }
    }
    x.end("itemMeta");
}

fn write_party(x: &mut Xml, element: &str, attrs: &[(&str, &str)], p: &Person) {
    x.start(element, attrs);
    x.leaf("name", &[], &p.name.value);
    if let Some(job) = known(p.job_title.as_ref().map(|j| j.value.as_str())) {
        x.leaf("note", &[], job);
    }
    if let Some(aff) = known(p.affiliation.as_ref().map(|a| a.value.as_str())) {
        x.start("personDetails", &[]);
        x.start("affiliation", &[]);
        x.leaf("name", &[], aff);
        x.end("affiliation");
        x.end("personDetails");
    }
    x.end(element);
}

/// `contentMeta` of the text item: contentCreated/Modified, the administrative block
/// (infoSource, creator, contributor, altId), then the descriptive block.
fn write_text_content_meta(x: &mut Xml, iv: &Interview) {
    let meta = &iv.meta;
    x.start("contentMeta", &[]);
    // An oral history's content was created when it was recorded; a news text's when
    // it was published.
    if let Some(d) = meta.date_created.as_ref().or(meta.date_published.as_ref()) {
        x.leaf("contentCreated", &[], d.value.as_str());
    }
    if let Some(d) = &meta.date_modified {
        x.leaf("contentModified", &[], d.value.as_str());
    }
    for p in iv.people_with_role(Role::Interviewee) {
        write_party(x, "infoSource", &[("role", "cpprole:interviewee")], p);
    }
    for p in iv.people_with_role(Role::Interviewer) {
        write_party(x, "creator", &[("role", "cpprole:author")], p);
    }
    if let Some(t) = known(
        meta.translation
            .as_ref()
            .and_then(|t| t.value.translator.as_deref()),
    ) {
        x.start("contributor", &[("roleuri", TRANSLATOR_ROLE_URI)]);
        x.leaf("name", &[], t);
        x.end("contributor");
    }
    for id in &meta.identifiers {
        let (scheme, value) = (id.value.scheme.trim(), id.value.value.trim());
        if value.is_empty() {
            continue;
        }
        // `type` must be a QCode and `typeuri` an IRI; a free-text scheme name fits
        // neither, so it is left off rather than forced into a made-up code.
        if is_qcode(scheme) && !scheme.starts_with("http") && !scheme.starts_with("urn:") {
            x.leaf("altId", &[("type", scheme)], value);
        } else if is_iri(scheme) {
            x.leaf("altId", &[("typeuri", scheme)], value);
        } else {
            x.leaf("altId", &[], value);
        }
    }
    if let Some(lang) = iv.language() {
        x.empty("language", &[("tag", lang)]);
    }
    x.start("genre", &[("qcode", GENRE_INTERVIEW)]);
    x.leaf("name", &[("xml:lang", "en")], "Interview");
    x.end("genre");
    for k in &meta.keywords {
        if let Some(k) = known(Some(&k.value)) {
            x.leaf("keyword", &[], k);
        }
    }
    if let Some(h) = known(meta.headline.as_ref().map(|h| h.value.as_str())) {
        x.leaf("headline", &[], h);
    }
    if let Some(h) = known(meta.alternative_headline.as_ref().map(|h| h.value.as_str())) {
        // catalog 41 has no headline-role scheme: the second headline is the
        // alternative one, by position.
        x.leaf("headline", &[], h);
    }
    if let Some(d) = known(meta.dateline.as_ref().map(|d| d.value.as_str())) {
        x.leaf("dateline", &[], d);
    }
    if let Some(d) = known(meta.description.as_ref().map(|d| d.value.as_str())) {
        x.leaf("description", &[("role", "drol:summary")], d);
    }
    x.end("contentMeta");
}

fn is_qcode(s: &str) -> bool {
    match s.split_once(':') {
        Some((alias, code)) => {
            !alias.is_empty()
                && !code.is_empty()
                && !s.chars().any(char::is_whitespace)
                && alias
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                && alias
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        }
        None => false,
    }
}

fn is_iri(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("urn:"))
        && !s.chars().any(char::is_whitespace)
}

/// The XHTML body: lead, each turn marked `question` / `answer` / `remark`, figures
/// where they stood in the source, the closing.
fn write_xhtml(x: &mut Xml, iv: &Interview) {
    let lang = iv.language();
    let mut html_attrs = vec![("xmlns", XHTML_NS)];
    if let Some(l) = lang {
        html_attrs.push(("xml:lang", l));
        html_attrs.push(("lang", l));
    }
    x.start("html", &html_attrs);
    x.start("head", &[]);
    let title = known(iv.meta.headline.as_ref().map(|h| h.value.as_str())).unwrap_or("");
    x.leaf("title", &[], title);
    x.end("head");
    x.start("body", &[]);
    if !iv.lead.is_empty() {
        x.start("div", &[("class", "lead")]);
        for p in &iv.lead {
            x.leaf("p", &[], &p.text);
        }
        x.end("div");
    }
    let mut figures = iv.figures.iter().peekable();
    for turn in &iv.turns {
        while let Some(f) = figures.next_if(|f| f.span.start < turn.span.start) {
            write_figure(x, f);
        }
        let class = match turn.kind {
            TurnKind::Question => "question",
            TurnKind::Answer => "answer",
            TurnKind::Remark => "remark",
        };
        write_turn(x, class, turn);
    }
    for f in figures {
        write_figure(x, f);
    }
    if let Some(closing) = &iv.closing {
        write_turn(x, "closing", closing);
    }
    x.end("body");
    x.end("html");
}

fn write_turn(x: &mut Xml, class: &str, turn: &Turn) {
    x.start("div", &[("class", class)]);
    for (i, p) in turn.paragraphs.iter().enumerate() {
        x.start("p", &[]);
        match known(turn.label.as_deref()).filter(|_| i == 0) {
            Some(label) => {
                // An empty text event keeps the indenting writer from breaking the
                // line inside the paragraph's mixed content.
                x.text("");
                x.leaf("strong", &[("class", "speaker")], &format!("{label}:"));
                x.text(&format!(" {}", p.text));
            }
            None => x.text(&p.text),
        }
        x.end("p");
    }
    x.end("div");
}

fn write_figure(x: &mut Xml, f: &Figure) {
    x.start("div", &[("class", "figure")]);
    if let Some(src) = known(f.image_url.as_deref()) {
        x.empty(
            "img",
            &[("src", src), ("alt", known(f.alt.as_deref()).unwrap_or(""))],
        );
    }
    if let Some(c) = known(f.caption.as_deref()) {
        x.leaf("p", &[("class", "caption")], c);
    }
    if let Some(c) = known(f.credit.as_deref()) {
        x.leaf("p", &[("class", "credit")], c);
    }
    x.end("div");
}

fn write_news_item(x: &mut Xml, iv: &Interview, ctx: &WriteContext, xmlns: bool) {
    x.start("newsItem", &item_attrs(&ctx.guid, iv.language(), xmlns));
    x.empty("catalogRef", &[("href", IPTC_CATALOG)]);
    write_rights_info(x, iv);
    write_item_meta(x, iv, ctx, "ninat:text", true);
    write_text_content_meta(x, iv);
    x.start("contentSet", &[]);
    x.start("inlineXML", &[("contenttype", "application/xhtml+xml")]);
    write_xhtml(x, iv);
    x.end("inlineXML");
    x.end("contentSet");
    x.end("newsItem");
}

fn write_picture_item(
    x: &mut Xml,
    iv: &Interview,
    ctx: &WriteContext,
    index: usize,
    f: &Figure,
    xmlns: bool,
) {
    let guid = picture_guid(ctx, index);
    x.start("newsItem", &item_attrs(&guid, iv.language(), xmlns));
    x.empty("catalogRef", &[("href", IPTC_CATALOG)]);
    write_item_meta(x, iv, ctx, "ninat:picture", false);
    let caption = known(f.caption.as_deref());
    let credit = known(f.credit.as_deref());
    let photographer = known(f.photographer.as_deref());
    if caption.is_some() || credit.is_some() || photographer.is_some() || iv.language().is_some() {
        x.start("contentMeta", &[]);
        // The photographer is the picture's creator (administrative block, before
        // language); cpprole has no photographer code, so no role is claimed.
        if let Some(p) = photographer {
            x.start("creator", &[]);
            x.leaf("name", &[], p);
            x.end("creator");
        }
        if let Some(lang) = iv.language() {
            x.empty("language", &[("tag", lang)]);
        }
        if let Some(c) = credit {
            x.leaf("creditline", &[], c);
        }
        if let Some(c) = caption {
            x.leaf("description", &[("role", "drol:caption")], c);
        }
        x.end("contentMeta");
    }
    if let Some(src) = known(f.image_url.as_deref()) {
        x.start("contentSet", &[]);
        x.empty("remoteContent", &[("href", src)]);
        x.end("contentSet");
    }
    x.end("newsItem");
}

fn write_package_item(x: &mut Xml, iv: &Interview, ctx: &WriteContext, xmlns: bool) {
    let guid = package_guid(ctx);
    x.start("packageItem", &item_attrs(&guid, iv.language(), xmlns));
    x.empty("catalogRef", &[("href", IPTC_CATALOG)]);
    write_item_meta(x, iv, ctx, "ninat:composite", false);
    x.start("contentMeta", &[]);
    if let Some(lang) = iv.language() {
        x.empty("language", &[("tag", lang)]);
    }
    x.empty("genre", &[("qcode", GENRE_INTERVIEW)]);
    let headline = known(iv.meta.headline.as_ref().map(|h| h.value.as_str()));
    if let Some(h) = headline {
        x.leaf("headline", &[], h);
    }
    x.end("contentMeta");
    let root = xml_id("g", &guid);
    x.start("groupSet", &[("root", &root)]);
    x.start("group", &[("id", &root), ("mode", "pgrmod:seq")]);
    let item_ref =
        |x: &mut Xml, residref: &str, class: &str, title: Option<&str>, caption: Option<&str>| {
            x.start(
                "itemRef",
                &[
                    ("residref", residref),
                    ("version", "1"),
                    ("contenttype", ITEM_MEDIA_TYPE),
                ],
            );
            x.empty("itemClass", &[("qcode", class)]);
            if let Some(t) = title {
                x.leaf("title", &[], t);
            }
            if let Some(c) = caption {
                x.leaf("description", &[("role", "drol:caption")], c);
            }
            x.end("itemRef");
        };
    item_ref(x, &ctx.guid, "ninat:text", headline, None);
    for (i, f) in iv.figures.iter().enumerate() {
        item_ref(
            x,
            &picture_guid(ctx, i),
            "ninat:picture",
            None,
            known(f.caption.as_deref()),
        );
    }
    x.end("group");
    x.end("groupSet");
    x.end("packageItem");
}

/// Renders the text `newsItem` of one interview.
pub fn news_item(interview: &Interview, ctx: &WriteContext) -> String {
    let mut x = Xml::new();
    x.decl();
    write_news_item(&mut x, interview, ctx, true);
    x.finish()
}

/// One standalone `ninat:picture` newsItem per figure, in figure order.
pub fn picture_items(interview: &Interview, ctx: &WriteContext) -> Vec<String> {
    interview
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut x = Xml::new();
            x.decl();
            write_picture_item(&mut x, interview, ctx, i, f, true);
            x.finish()
        })
        .collect()
}

/// The standalone `packageItem` tying the text item and its picture items together.
pub fn package_item(interview: &Interview, ctx: &WriteContext) -> String {
    let mut x = Xml::new();
    x.decl();
    write_package_item(&mut x, interview, ctx, true);
    x.finish()
}

/// One `newsMessage` for a batch: per interview the packageItem, the text item and
/// one picture item per figure. `sent` is the header's xs:dateTime (with offset).
/// Group ids derive from package guids, so they are unique across the message as long
/// as the interviews' guids are.
pub fn news_message(entries: &[(&Interview, &WriteContext)], sent: &str) -> String {
    let mut x = Xml::new();
    x.decl();
    x.start("newsMessage", &[("xmlns", NAR_NS)]);
    x.start("header", &[]);
    x.leaf("sent", &[], sent);
    x.empty("catalogRef", &[("href", IPTC_CATALOG)]);
    x.end("header");
    x.start("itemSet", &[]);
    for (iv, ctx) in entries {
        write_package_item(&mut x, iv, ctx, false);
        write_news_item(&mut x, iv, ctx, false);
        for (i, f) in iv.figures.iter().enumerate() {
            write_picture_item(&mut x, iv, ctx, i, f, false);
        }
    }
    x.end("itemSet");
    x.end("newsMessage");
    x.finish()
}
