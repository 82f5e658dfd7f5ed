//! schema.org JSON-LD: one top-level `NewsArticle` per interview.
//!
//! The types here serialize the document *and* generate its JSON Schema
//! (`schemas/colloquy-interview.schema.json`, see [`json_schema`]), so the two cannot
//! drift. Struct field order is the key order of the output.
//!
//! Choices a consumer relies on:
//! - Several answers to one question (a panel interview) are all `acceptedAnswer`: they
//!   are the answers actually given, not competing suggestions, so `suggestedAnswer`
//!   would be wrong. One answer is a single object (the shape search engines document),
//!   several are an array (JSON-LD's way of giving a property several values).
//! - A question nobody answered has no answer property at all; nothing is invented.
//! - People get stable `@id`s `<guid>#person-N` (N = 1-based index in the model), are
//!   described once inside their `contributor` Role, and referenced elsewhere by `@id`.
//! - `<` and `>` are written as `\u003c` / `\u003e` so the text can be pasted into an
//!   HTML `<script type="application/ld+json">` block unchanged; JSON parsers read the
//!   same strings.

use super::WriteContext;
use crate::model::{Interview, Person as ModelPerson, Role as ModelRole, Turn};
use schemars::JsonSchema;
use serde::Serialize;

/// Unit enums that serialize to one fixed string: `@context` and each node's `@type`.
/// They make the JSON Schema say `"const"` for these keys.
macro_rules! fixed_string {
    ($(#[$doc:meta])* $name:ident = $value:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
        pub enum $name {
            #[serde(rename = $value)]
            Value,
        }
    };
}

fixed_string!(
    /// `"https://schema.org"`.
    SchemaOrgContext = "https://schema.org"
);
fixed_string!(NewsArticleType = "NewsArticle");
fixed_string!(DefinedTermType = "DefinedTerm");
fixed_string!(QuestionType = "Question");
fixed_string!(AnswerType = "Answer");
fixed_string!(RoleType = "Role");
fixed_string!(PersonType = "Person");
fixed_string!(OrganizationType = "Organization");
fixed_string!(NewsMediaOrganizationType = "NewsMediaOrganization");
fixed_string!(ImageObjectType = "ImageObject");
fixed_string!(PropertyValueType = "PropertyValue");
fixed_string!(CreativeWorkType = "CreativeWork");
fixed_string!(CollectionType = "Collection");
fixed_string!(ClipType = "Clip");

/// The kind of recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum MediaObjectType {
    AudioObject,
    VideoObject,
    MediaObject,
}

/// IPTC genre `Interview` (NewsCodes `genre:Interview`).
pub const IPTC_GENRE_INTERVIEW_URL: &str = "http://cv.iptc.org/newscodes/genre/Interview";
/// The IPTC genre scheme.
pub const IPTC_GENRE_SCHEME: &str = "http://cv.iptc.org/newscodes/genre/";

/// The interview as a schema.org `NewsArticle` (the document's only top-level node).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewsArticle {
    #[serde(rename = "@context")]
    pub context: SchemaOrgContext,
    #[serde(rename = "@type")]
    pub type_: NewsArticleType,
    /// The record GUID, the same as the NewsML-G2 `guid`.
    #[serde(rename = "@id")]
    #[schemars(regex(
        pattern = r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    ))]
    pub id: String,
    pub genre: DefinedTerm,
    /// BCP 47 language tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub in_language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub alternative_headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub description: Option<String>,
    /// RFC 3339 with offset, or a plain date (`2024-03-15`, `2024-03`, `2024`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(
        pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"
    ))]
    pub date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(
        pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"
    ))]
    pub date_modified: Option<String>,
    /// When the interview was recorded (an oral history's interview date), as precise
    /// as the source gives it; never the publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(
        pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"
    ))]
    pub date_created: Option<String>,
    /// Where the record says this text was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub url: Option<String>,
    /// The source URL, then the original of a translation when it differs.
    /// One URL as a string, several as an array (as `acceptedAnswer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_based_on: Option<OneOrMany<Url>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_of_work: Option<OriginalWork>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translator: Option<NamedPerson>,
    /// The interviewer(s): the byline.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<IdRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copyright_holder: Option<CopyrightHolder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub copyright_notice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub license: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub article_section: Option<String>,
    /// The archive collection (and series) the interview belongs to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub is_part_of: Vec<CollectionRef>,
    /// The archive's terms of use, as stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_info: Option<UsageStatement>,
    /// The recording, with its index segments as clips.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_media: Option<MediaObject>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<PropertyValue>,
    /// Everyone taking part, each qualified by a Role.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contributor: Vec<Role>,
    /// The interviewee(s).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<IdRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub image: Vec<ImageObject>,
    /// One Question per exchange, in order.
    #[schemars(length(min = 1))]
    pub has_part: Vec<Question>,
    /// Lead, turns and closing as plain text, paragraphs separated by a blank line.
    #[schemars(length(min = 1))]
    pub article_body: String,
}

/// A URL value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Url(#[schemars(url)] pub String);

/// `{"@id": …}`: a reference to a node described elsewhere in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdRef {
    #[serde(rename = "@id")]
    #[schemars(length(min = 1))]
    pub id: String,
}

/// The IPTC genre as a `DefinedTerm`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DefinedTerm {
    #[serde(rename = "@type")]
    pub type_: DefinedTermType,
    pub name: String,
    pub term_code: String,
    #[schemars(url)]
    pub url: String,
    #[schemars(url)]
    pub in_defined_term_set: String,
}

/// One exchange: the question and the answer(s) given to it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    #[serde(rename = "@type")]
    pub type_: QuestionType,
    #[schemars(range(min = 1))]
    pub position: u32,
    #[schemars(length(min = 1))]
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<IdRef>,
    /// Absent when the question went unanswered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted_answer: Option<OneOrMany<Answer>>,
}

/// A single value, or several as an array.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(#[schemars(length(min = 2))] Vec<T>),
}

/// An answer turn.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    #[serde(rename = "@type")]
    pub type_: AnswerType,
    /// The turn's paragraphs joined by a blank line.
    #[schemars(length(min = 1))]
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<IdRef>,
}

/// A `Role` qualifying a contributor (schema.org's Role pattern).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Role {
    #[serde(rename = "@type")]
    pub type_: RoleType,
    pub role_name: RoleName,
    pub contributor: Person,
}

/// The part a person plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RoleName {
    Interviewer,
    Interviewee,
    Other,
}

/// A person taking part, described once.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    #[serde(rename = "@type")]
    pub type_: PersonType,
    #[serde(rename = "@id")]
    pub id: String,
    #[schemars(length(min = 1))]
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub job_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<NamedOrganization>,
}

/// A person known only by name (the translator, a photographer).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NamedPerson {
    #[serde(rename = "@type")]
    pub type_: PersonType,
    #[schemars(length(min = 1))]
    pub name: String,
}

/// An organisation known only by name.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NamedOrganization {
    #[serde(rename = "@type")]
    pub type_: OrganizationType,
    #[schemars(length(min = 1))]
    pub name: String,
}

/// The publisher.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Publisher {
    #[serde(rename = "@type")]
    pub type_: NewsMediaOrganizationType,
    #[serde(rename = "@id")]
    pub id: String,
    #[schemars(length(min = 1))]
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub url: Option<String>,
    /// The logo's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub logo: Option<String>,
}

/// The copyright holder: the publisher by reference when the names match, else an
/// organisation by name.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CopyrightHolder {
    Publisher(IdRef),
    Named(NamedOrganization),
}

/// A statement of the terms of use.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UsageStatement {
    #[serde(rename = "@type")]
    pub type_: CreativeWorkType,
    #[schemars(length(min = 1))]
    pub text: String,
}

/// The recording the transcript belongs to.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MediaObject {
    #[serde(rename = "@type")]
    pub type_: MediaObjectType,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub content_url: Option<String>,
    /// ISO 8601 duration, e.g. `PT28M6S`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^PT([0-9]+H)?([0-9]+M)?([0-9]+S)?$"))]
    pub duration: Option<String>,
    /// The index: one clip per segment, in time order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub has_part: Vec<Clip>,
}

/// One segment of the recording's index.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Clip {
    #[serde(rename = "@type")]
    pub type_: ClipType,
    #[schemars(length(min = 1))]
    pub name: String,
    /// Seconds from the start of the recording.
    pub start_offset: u64,
    /// The next segment's start (the source gives no end of the last one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_offset: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

/// ISO 8601 duration of whole seconds: 1686 → `PT28M6S`.
pub fn iso_duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// The recording and its index, when the source says anything of either.
fn associated_media(interview: &Interview) -> Option<MediaObject> {
    let media = interview.meta.media.as_ref().map(|m| &m.value);
    if media.is_none() && interview.segments.is_empty() {
        return None;
    }
    let segments = &interview.segments;
    Some(MediaObject {
        type_: match media.and_then(|m| m.kind.as_deref()) {
            Some("audio") => MediaObjectType::AudioObject,
            Some("video") => MediaObjectType::VideoObject,
            _ => MediaObjectType::MediaObject,
        },
        content_url: media.and_then(|m| m.url.as_deref()).and_then(non_empty),
        duration: media.and_then(|m| m.duration_seconds).map(iso_duration),
        has_part: segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                Some(Clip {
                    type_: ClipType::Value,
                    name: non_empty(&s.title)?,
                    start_offset: s.start_seconds,
                    end_offset: segments.get(i + 1).map(|n| n.start_seconds),
                    description: s.synopsis.as_deref().and_then(non_empty),
                    keywords: s
                        .keywords
                        .iter()
                        .chain(&s.subjects)
                        .filter_map(|k| non_empty(k))
                        .collect(),
                })
            })
            .collect(),
    })
}

/// A collection by name (and page URL when known).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CollectionRef {
    #[serde(rename = "@type")]
    pub type_: CollectionType,
    #[schemars(length(min = 1))]
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub url: Option<String>,
}

/// The work a translation was made from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OriginalWork {
    #[serde(rename = "@type")]
    pub type_: CreativeWorkType,
    #[serde(rename = "@id", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub in_language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub headline: Option<String>,
}

/// An identifier in some scheme.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyValue {
    #[serde(rename = "@type")]
    pub type_: PropertyValueType,
    #[serde(rename = "propertyID")]
    #[schemars(length(min = 1))]
    pub property_id: String,
    #[schemars(length(min = 1))]
    pub value: String,
}

/// A photo of the article.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImageObject {
    #[serde(rename = "@type")]
    pub type_: ImageObjectType,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    pub content_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub credit_text: Option<String>,
    /// Who took the photo; the credit line may name only an agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<NamedPerson>,
    /// The image's alt text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub description: Option<String>,
}

/// The `@id` of the person at `index` in [`Interview::people`].
pub fn person_id(ctx: &WriteContext, index: usize) -> String {
    format!("{}#person-{}", ctx.guid, index + 1)
}

/// The `@id` of the publisher node.
pub fn publisher_id(ctx: &WriteContext) -> String {
    format!("{}#publisher", ctx.guid)
}

/// Who spoke a turn: the recognised speaker, or — when the text names exactly one
/// person in the turn's role — that person. Otherwise unknown.
pub(crate) fn turn_speaker(interview: &Interview, turn: &Turn) -> Option<usize> {
    if let Some(i) = turn.speaker.filter(|&i| i < interview.people.len()) {
        return Some(i);
    }
    if turn.role == ModelRole::Other {
        return None;
    }
    let mut with_role = interview
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == turn.role);
    match (with_role.next(), with_role.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Cleaned (see [`super::clean_xml_text`]) and trimmed; `None` when nothing is left.
fn non_empty(s: &str) -> Option<String> {
    let cleaned = super::clean_xml_text(s);
    let t = cleaned.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn clean(s: String) -> String {
    match super::clean_xml_text(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(c) => c,
    }
}

fn person(ctx: &WriteContext, index: usize, p: &ModelPerson) -> Person {
    Person {
        type_: PersonType::Value,
        id: person_id(ctx, index),
        name: clean(p.name.value.trim().to_string()),
        job_title: p.job_title.as_ref().and_then(|j| non_empty(&j.value)),
        affiliation: p
            .affiliation
            .as_ref()
            .and_then(|a| non_empty(&a.value))
            .map(|name| NamedOrganization {
                type_: OrganizationType::Value,
                name,
            }),
    }
}

/// The article body as plain text: lead, each turn, the closing; a blank line between
/// paragraphs. Speaker labels are not paragraph text and are left out.
pub fn article_body(interview: &Interview) -> String {
    let mut paragraphs: Vec<&str> = interview.lead.iter().map(|p| p.text.as_str()).collect();
    for turn in interview.turns.iter().chain(interview.closing.iter()) {
        paragraphs.extend(turn.paragraphs.iter().map(|p| p.text.as_str()));
    }
    paragraphs
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Builds the document from the model. Only values present in the model appear.
pub fn build(interview: &Interview, ctx: &WriteContext) -> NewsArticle {
    let meta = &interview.meta;
    let text =
        |s: &Option<crate::model::Sourced<String>>| s.as_ref().and_then(|v| non_empty(&v.value));
    let speaker_ref = |turn: &Turn| {
        turn_speaker(interview, turn).map(|i| IdRef {
            id: person_id(ctx, i),
        })
    };

    let has_part = interview
        .exchanges()
        .iter()
        .enumerate()
        .map(|(n, ex)| {
            let mut answers: Vec<Answer> = ex
                .answers
                .iter()
                .filter(|a| !a.text().trim().is_empty())
                .map(|a| Answer {
                    type_: AnswerType::Value,
                    text: clean(a.text()),
                    author: speaker_ref(a),
                })
                .collect();
            let accepted_answer = match answers.len() {
                0 => None,
                1 => answers.pop().map(OneOrMany::One),
                _ => Some(OneOrMany::Many(answers)),
            };
            Question {
                type_: QuestionType::Value,
                position: n as u32 + 1,
                text: clean(ex.question.text()),
                author: speaker_ref(ex.question),
                accepted_answer,
            }
        })
        .collect();

    let contributor = interview
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| Role {
            type_: RoleType::Value,
            role_name: match p.role {
                ModelRole::Interviewer => RoleName::Interviewer,
                ModelRole::Interviewee => RoleName::Interviewee,
                ModelRole::Other => RoleName::Other,
            },
            contributor: person(ctx, i, p),
        })
        .collect();
    let refs_with_role = |role: ModelRole| -> Vec<IdRef> {
        interview
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == role)
            .map(|(i, _)| IdRef {
                id: person_id(ctx, i),
            })
            .collect()
    };

    let publisher = meta.publisher.as_ref().and_then(|p| {
        let org = &p.value;
        non_empty(&org.name).map(|name| Publisher {
            type_: NewsMediaOrganizationType::Value,
            id: publisher_id(ctx),
            name,
            url: org.url.as_deref().and_then(non_empty),
            logo: org.logo.as_deref().and_then(non_empty),
        })
    });
    let rights = meta.rights.as_ref().map(|r| &r.value);
    let copyright_holder = rights
        .and_then(|r| r.copyright_holder.as_deref())
        .and_then(non_empty)
        .map(|name| match &publisher {
            Some(p) if p.name == name => CopyrightHolder::Publisher(IdRef { id: p.id.clone() }),
            _ => CopyrightHolder::Named(NamedOrganization {
                type_: OrganizationType::Value,
                name,
            }),
        });

    let translation = meta.translation.as_ref().map(|t| &t.value);
    let original_url = translation
        .and_then(|t| t.original_url.as_deref())
        .and_then(non_empty);
    let translation_of_work = translation.and_then(|t| {
        let work = OriginalWork {
            type_: CreativeWorkType::Value,
            id: original_url.clone(),
            url: original_url.clone(),
            in_language: t.original_language.as_deref().and_then(non_empty),
            headline: t.original_headline.as_deref().and_then(non_empty),
        };
        (work.url.is_some() || work.in_language.is_some() || work.headline.is_some())
            .then_some(work)
    });
    let mut is_based_on: Vec<Url> = Vec::new();
    for u in [text(&meta.source_url), original_url].into_iter().flatten() {
        if !is_based_on.iter().any(|x| x.0 == u) {
            is_based_on.push(Url(u));
        }
    }

    NewsArticle {
        context: SchemaOrgContext::Value,
        type_: NewsArticleType::Value,
        id: ctx.guid.clone(),
        genre: DefinedTerm {
            type_: DefinedTermType::Value,
            name: "Interview".into(),
            term_code: "Interview".into(),
            url: IPTC_GENRE_INTERVIEW_URL.into(),
            in_defined_term_set: IPTC_GENRE_SCHEME.into(),
        },
        in_language: text(&meta.language),
        headline: text(&meta.headline),
        alternative_headline: text(&meta.alternative_headline),
        description: text(&meta.description),
        date_published: meta
            .date_published
            .as_ref()
            .and_then(|d| non_empty(d.value.as_str())),
        date_modified: meta
            .date_modified
            .as_ref()
            .and_then(|d| non_empty(d.value.as_str())),
        date_created: meta
            .date_created
            .as_ref()
            .and_then(|d| non_empty(d.value.as_str())),
        url: text(&meta.url),
        is_based_on: match is_based_on.len() {
            0 => None,
            1 => is_based_on.pop().map(OneOrMany::One),
            _ => Some(OneOrMany::Many(is_based_on)),
        },
        translation_of_work,
        translator: translation
            .and_then(|t| t.translator.as_deref())
            .and_then(non_empty)
            .map(|name| NamedPerson {
                type_: PersonType::Value,
                name,
            }),
        author: refs_with_role(ModelRole::Interviewer),
        publisher,
        copyright_holder,
        copyright_notice: rights
            .and_then(|r| r.copyright_notice.as_deref())
            .and_then(non_empty),
        license: rights
            .and_then(|r| r.license.as_deref())
            .and_then(non_empty),
        keywords: meta
            .keywords
            .iter()
            .filter_map(|k| non_empty(&k.value))
            .collect(),
        article_section: text(&meta.section),
        is_part_of: [&meta.collection, &meta.series]
            .into_iter()
            .flatten()
            .filter_map(|c| {
                non_empty(&c.value.name).map(|name| CollectionRef {
                    type_: CollectionType::Value,
                    name,
                    url: c.value.url.as_deref().and_then(non_empty),
                })
            })
            .collect(),
        usage_info: text(&meta.usage).map(|text| UsageStatement {
            type_: CreativeWorkType::Value,
            text,
        }),
        associated_media: associated_media(interview),
        identifier: meta
            .identifiers
            .iter()
            .filter(|i| !i.value.scheme.trim().is_empty() && !i.value.value.trim().is_empty())
            .map(|i| PropertyValue {
                type_: PropertyValueType::Value,
                property_id: clean(i.value.scheme.trim().to_string()),
                value: clean(i.value.value.trim().to_string()),
            })
            .collect(),
        contributor,
        about: refs_with_role(ModelRole::Interviewee),
        image: interview
            .figures
            .iter()
            .map(|f| ImageObject {
                type_: ImageObjectType::Value,
                content_url: f.image_url.as_deref().and_then(non_empty),
                caption: f.caption.as_deref().and_then(non_empty),
                credit_text: f.credit.as_deref().and_then(non_empty),
                creator: f
                    .photographer
                    .as_deref()
                    .and_then(non_empty)
                    .map(|name| NamedPerson {
                        type_: PersonType::Value,
                        name,
                    }),
                description: f.alt.as_deref().and_then(non_empty),
            })
            .filter(|i| {
                i.content_url.is_some()
                    || i.caption.is_some()
                    || i.credit_text.is_some()
                    || i.creator.is_some()
            })
            .collect(),
        has_part,
        article_body: clean(article_body(interview)),
    }
}

/// Renders the JSON-LD document (2-space indent, fixed key order, `<`/`>` escaped,
/// trailing newline). Deterministic: same model and context → same bytes.
pub fn render(interview: &Interview, ctx: &WriteContext) -> String {
    to_text(&build(interview, ctx))
}

/// Serializes a built document the way [`render`] does.
pub fn to_text(article: &NewsArticle) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let mut json = serde_json::to_string_pretty(article).expect("JSON-LD types always serialize");
    // Outside strings JSON never contains `<` or `>`, so this only touches string
    // contents, where `\u003c` is an equivalent escape. C1 controls (mojibake in real
    // archive records) are forbidden code points in HTML: escaped, the page embedding
    // this document stays conforming, byte for byte.
    let escape = |c: char| matches!(c, '<' | '>' | '\u{7f}'..='\u{9f}');
    // `<`, `>`, U+007F, and C1 controls (0xC2 0x80–0x9F): a byte scan rules them out.
    let suspect = |b: u8| (b == b'<') | (b == b'>') | (b == 0x7F) | (b == 0xC2);
    if crate::model::first_byte(json.as_bytes(), suspect).is_some() && json.contains(escape) {
        let mut escaped = String::with_capacity(json.len() + 64);
        for c in json.chars() {
            if escape(c) {
                escaped.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                escaped.push(c);
            }
        }
        json = escaped;
    }
    json.push('\n');
    json
}

/// The JSON Schema (2020-12) of [`NewsArticle`], generated by schemars from the very
/// types that serialize the document. `null` is removed from optional fields: colloquy
/// omits unknown values instead of writing `null`.
pub fn json_schema() -> serde_json::Value {
    let mut settings = schemars::generate::SchemaSettings::default();
    settings.contract = schemars::generate::Contract::Serialize;
    let schema = settings
        .into_generator()
        .into_root_schema_for::<NewsArticle>();
    let mut value = schema.to_value();
    strip_null(&mut value);
    value
}

/// [`json_schema`] as the text committed in `schemas/colloquy-interview.schema.json`
/// (pretty JSON, trailing newline); `colloquy schema` and the freshness test use it.
pub fn json_schema_text() -> String {
    let mut text =
        serde_json::to_string_pretty(&json_schema()).expect("a JSON value always serializes");
    text.push('\n');
    text
}

fn strip_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types[0].clone();
                    map.insert("type".into(), only);
                }
            }
            let mut replace_with = None;
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| s.get("type").and_then(Value::as_str) != Some("null"));
                if any.len() == 1 {
                    replace_with = Some(any[0].clone());
                }
            }
            if let Some(Value::Object(only)) = replace_with {
                map.remove("anyOf");
                for (k, v) in only {
                    map.entry(k).or_insert(v);
                }
            }
            for v in map.values_mut() {
                strip_null(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}
