//! Sidecar files: `NAME.meta.toml`, `NAME.meta.yaml` (or `.yml`) and `NAME.meta.json`
//! beside an input, with the same keys in all three formats.
//!
//! The types here are both the parser (serde, `deny_unknown_fields` so a typo is an error,
//! not a silently ignored key) and the source of `schemas/sidecar.schema.json` (schemars),
//! so the published schema cannot drift from what is accepted.

use super::values::{DateText, LanguageTag, UrlText};
use super::MetaError;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// Metadata for one interview, given beside the input file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "colloquy sidecar",
    description = "Metadata for one interview text, in NAME.meta.toml, NAME.meta.yaml or NAME.meta.json beside the input NAME.EXT. Every key is optional; values given here override what colloquy reads from the text, and are overridden by command-line flags."
)]
pub struct Sidecar {
    /// The file this was read from (set by [`load_sidecar`]), for provenance.
    #[serde(skip)]
    pub path: PathBuf,
    /// The article's headline (JSON-LD headline, NewsML headline).
    pub headline: Option<String>,
    /// A secondary headline or subtitle (JSON-LD alternativeHeadline).
    pub alternative_headline: Option<String>,
    /// A short summary (JSON-LD description, NewsML description role="drol:summary").
    pub description: Option<String>,
    /// Language of this text as a BCP 47 tag (inLanguage, xml:lang).
    pub language: Option<LanguageTag>,
    /// When this text was published: RFC 3339 with offset (2026-05-12T09:30:00+07:00) or a date (2026-05-12, 2026-05, 2026).
    pub date_published: Option<DateText>,
    /// When this text was last modified; same forms as date_published.
    pub date_modified: Option<DateText>,
    /// Where the text was taken from (JSON-LD isBasedOn, NewsML origRep).
    pub source_url: Option<UrlText>,
    /// Where this text is published (JSON-LD url); give it only when that is true.
    pub url: Option<UrlText>,
    /// The site's section for the article (JSON-LD articleSection).
    pub section: Option<String>,
    /// Free-text keywords (JSON-LD keywords, NewsML keyword).
    pub keywords: Option<Vec<String>>,
    /// The publisher: a name, or a table with name, url and logo.
    pub publisher: Option<PublisherSpec>,
    /// The interviewer(s): each a name, or a table with name, job_title and affiliation.
    pub interviewers: Option<Vec<PersonSpec>>,
    /// The interviewee(s): each a name, or a table with name, job_title and affiliation.
    pub interviewees: Option<Vec<PersonSpec>>,
    /// Copyright and licence of the article.
    pub rights: Option<RightsSpec>,
    /// The original this text is a translation of.
    pub translation: Option<TranslationSpec>,
    /// Identifiers of the article in some scheme (JSON-LD identifier, NewsML altId).
    pub identifiers: Option<Vec<IdentifierSpec>>,
    /// Image URLs and credits; the first entry applies to the first photo of the text, and
    /// so on. Entries beyond the photos in the text add photos.
    pub images: Option<Vec<ImageSpec>>,
}

/// A person taking part in the interview.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonFields {
    /// The person's name as it should be printed.
    pub name: String,
    /// Their job title or function (JSON-LD jobTitle).
    pub job_title: Option<String>,
    /// The organisation they work for or represent (JSON-LD worksFor / affiliation).
    pub affiliation: Option<String>,
}

/// A person: a plain name, or a table with name, job_title and affiliation.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSpec {
    pub fields: PersonFields,
    /// Given as a plain name (so its provenance key is the entry, not `.name`).
    pub name_only: bool,
}

/// The publisher's fields.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublisherFields {
    /// The publisher's name (JSON-LD publisher NewsMediaOrganization name, NewsML provider).
    pub name: String,
    /// The publisher's home page.
    pub url: Option<UrlText>,
    /// URL of the publisher's logo image.
    pub logo: Option<UrlText>,
}

/// The publisher: a plain name, or a table with name, url and logo.
#[derive(Debug, Clone, PartialEq)]
pub struct PublisherSpec {
    pub fields: PublisherFields,
    /// Given as a plain name.
    pub name_only: bool,
}

/// Rights of the article.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightsSpec {
    /// Who holds the copyright (JSON-LD copyrightHolder, NewsML rightsInfo/copyrightHolder).
    pub copyright_holder: Option<String>,
    /// The copyright notice as printed, e.g. "© 2026 Báo Ví Dụ".
    pub copyright_notice: Option<String>,
    /// URL of the licence (JSON-LD license, NewsML rightsInfo/usageTerms).
    pub license: Option<UrlText>,
}

/// The original work this text translates.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationSpec {
    /// URL of the original article.
    pub original_url: Option<UrlText>,
    /// Language of the original as a BCP 47 tag.
    pub original_language: Option<LanguageTag>,
    /// Headline of the original article.
    pub original_headline: Option<String>,
    /// Who translated it.
    pub translator: Option<String>,
}

/// An identifier of the article.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierSpec {
    /// The scheme (JSON-LD propertyID, NewsML altId type), e.g. "doi", "isbn", "cms-id".
    pub scheme: String,
    /// The identifier in that scheme.
    pub value: String,
}

/// Overrides for one photo, matched by position.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageSpec {
    /// URL of the image file (JSON-LD contentUrl).
    pub url: Option<UrlText>,
    /// The photographer / agency credit, without "Foto:"/"Photo:"/"©" (creditText, creditline).
    pub credit: Option<String>,
    /// Who took the photo, as a person's name (JSON-LD creator, NewsML contentMeta/creator);
    /// the credit stays as printed.
    pub photographer: Option<String>,
    /// The caption, without the credit.
    pub caption: Option<String>,
    /// Alternative text for the image.
    pub alt: Option<String>,
}

/// Accepts a plain string (the name) or a map of the full fields, keeping the map's own
/// errors (unknown key lists the known keys) instead of serde's untagged "did not match".
macro_rules! name_or_table {
    ($spec:ident, $fields:ident, $what:literal) => {
        impl<'de> Deserialize<'de> for $spec {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $spec;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("a name or a table of ", $what, " fields"))
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$spec, E> {
                        Ok($spec {
                            fields: $fields {
                                name: s.to_string(),
                                ..Default::default()
                            },
                            name_only: true,
                        })
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<$spec, A::Error> {
                        let fields = $fields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                        Ok($spec {
                            fields,
                            name_only: false,
                        })
                    }
                }
                d.deserialize_any(V)
            }
        }

        impl JsonSchema for $spec {
            fn schema_name() -> Cow<'static, str> {
                stringify!($spec).into()
            }
            fn json_schema(g: &mut SchemaGenerator) -> Schema {
                let table = g.subschema_for::<$fields>();
                json_schema!({
                    "anyOf": [{ "type": "string", "description": "The name alone." }, table]
                })
            }
        }
    };
}

name_or_table!(PersonSpec, PersonFields, "person");
name_or_table!(PublisherSpec, PublisherFields, "publisher");

/// The sidecar formats, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidecarFormat {
    Toml,
    Yaml,
    Json,
}

impl SidecarFormat {
    /// The format of a sidecar path, from its extension.
    pub fn of(path: &Path) -> Option<SidecarFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(SidecarFormat::Toml),
            "yaml" | "yml" => Some(SidecarFormat::Yaml),
            "json" => Some(SidecarFormat::Json),
            _ => None,
        }
    }
}

/// The sidecar extensions looked for beside an input, in this order.
pub const SIDECAR_SUFFIXES: [&str; 4] = [".meta.toml", ".meta.yaml", ".meta.yml", ".meta.json"];

/// Finds the sidecar of `input`: `NAME.meta.{toml,yaml,yml,json}` in the same directory,
/// where NAME is the input's file name without its (last) extension. `Ok(None)` when there
/// is none (or the input is stdin, `-`); an error when more than one exists, since
/// colloquy cannot know which one is meant.
pub fn find_sidecar(input: &Path) -> Result<Option<PathBuf>, MetaError> {
    if input.as_os_str() == "-" {
        return Ok(None);
    }
    let Some(stem) = input.file_stem().and_then(|s| s.to_str()) else {
        return Ok(None);
    };
    let dir = input.parent().unwrap_or(Path::new(""));
    let found: Vec<PathBuf> = SIDECAR_SUFFIXES
        .iter()
        .map(|suffix| dir.join(format!("{stem}{suffix}")))
        .filter(|p| named_as_sidecar(p))
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(MetaError::TwoSidecars {
            input: input.display().to_string(),
            found: found.iter().map(|p| p.display().to_string()).collect(),
        }),
    }
}

/// True when something other than a directory is at `path`. A FIFO or device named as
/// an input's sidecar is taken as its sidecar, so loading it refuses it with an error
/// naming it (`not a regular file`) instead of the metadata being silently left out.
fn named_as_sidecar(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_dir())
}

/// The names of possible sidecars (`*.meta.*`) in one directory, listed once, so a
/// batch asks the file system once per directory instead of four times per input
/// (a re-run of 10 000 unchanged inputs made 40 000 failed lookups).
#[derive(Debug, Default)]
pub struct SidecarDir {
    dir: PathBuf,
    names: std::collections::HashSet<std::ffi::OsString>,
    listed: bool,
}

impl SidecarDir {
    /// [`find_sidecar`] for `input`, answered from a listing of its directory (made when
    /// the input's directory differs from the last one asked about). A name in the
    /// listing is confirmed to be no directory, as [`find_sidecar`] does; a directory that
    /// cannot be listed is asked name by name.
    pub fn find(&mut self, input: &Path) -> Result<Option<PathBuf>, MetaError> {
        if input.as_os_str() == "-" {
            return Ok(None);
        }
        let dir = input.parent().unwrap_or(Path::new(""));
        if !self.listed || self.dir != dir {
            self.dir = dir.to_path_buf();
            self.names.clear();
            let listing = if dir.as_os_str().is_empty() {
                std::fs::read_dir(".")
            } else {
                std::fs::read_dir(dir)
            };
            self.listed = match listing {
                Ok(entries) => {
                    for entry in entries {
                        let Ok(entry) = entry else {
                            self.listed = false;
                            return find_sidecar(input);
                        };
                        let name = entry.file_name();
                        if name.as_encoded_bytes().windows(6).any(|w| w == b".meta.") {
                            self.names.insert(name);
                        }
                    }
                    true
                }
                Err(_) => false,
            };
        }
        if !self.listed {
            return find_sidecar(input);
        }
        let Some(stem) = input.file_stem().and_then(|s| s.to_str()) else {
            return Ok(None);
        };
        let found: Vec<PathBuf> = SIDECAR_SUFFIXES
            .iter()
            .map(|suffix| format!("{stem}{suffix}"))
            .filter(|name| self.names.contains(std::ffi::OsStr::new(name)))
            .map(|name| dir.join(name))
            .filter(|p| named_as_sidecar(p))
            .collect();
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.into_iter().next()),
            _ => Err(MetaError::TwoSidecars {
                input: input.display().to_string(),
                found: found.iter().map(|p| p.display().to_string()).collect(),
            }),
        }
    }
}

/// The sidecar for `input`: `explicit` when given (e.g. `--meta FILE`), otherwise the one
/// found beside the input by [`find_sidecar`], loaded and checked.
pub fn sidecar_for(input: &Path, explicit: Option<&Path>) -> Result<Option<Sidecar>, MetaError> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find_sidecar(input)?,
    };
    path.map(|p| load_sidecar(&p)).transpose()
}

/// Reads and checks a sidecar. The format comes from the extension.
pub fn load_sidecar(path: &Path) -> Result<Sidecar, MetaError> {
    let shown = path.display().to_string();
    let format = SidecarFormat::of(path).ok_or_else(|| MetaError::SidecarFormat {
        path: shown.clone(),
    })?;
    let bytes = super::read_limited(path, super::SIDECAR_LIMIT)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) =
            crate::model::line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
        MetaError::Sidecar {
            path: shown.clone(),
            line,
            column,
            reason: "not valid UTF-8; save the file as UTF-8".into(),
        }
    })?;
    let mut sidecar = parse_sidecar(&shown, format, text)?;
    sidecar.path = path.to_path_buf();
    Ok(sidecar)
}

/// Parses sidecar text in the given format; `name` is used in errors.
pub fn parse_sidecar(name: &str, format: SidecarFormat, text: &str) -> Result<Sidecar, MetaError> {
    let err = |line: usize, column: usize, message: &str| MetaError::Sidecar {
        path: name.to_string(),
        line,
        column,
        reason: super::explain_serde_message(message),
    };
    match format {
        SidecarFormat::Toml => toml::from_str::<Sidecar>(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| crate::model::line_col(text, s.start))
                .unwrap_or((1, 1));
            err(line, column, e.message())
        }),
        SidecarFormat::Json => serde_json::from_str::<Sidecar>(text).map_err(|e| {
            let message = strip_position_suffix(&e.to_string());
            err(e.line(), e.column(), &message)
        }),
        SidecarFormat::Yaml => serde_saphyr::from_str::<Sidecar>(text).map_err(|e| {
            let (line, column) = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((1, 1));
            let plain = e.render_with_options(serde_saphyr::render_options! {
                snippets: serde_saphyr::SnippetMode::Off,
            });
            err(line, column, &strip_position_suffix(&plain))
        }),
    }
}

/// Drops a trailing " at line L column C" that serde_json and serde-saphyr append; the
/// position is reported separately, in front, as `path:line:column`.
fn strip_position_suffix(message: &str) -> String {
    let m = message.trim_end();
    if let Some(i) = m.rfind(" at line ") {
        let tail = m[i + " at line ".len()..].replace(',', " ");
        let mut words = tail.split_whitespace();
        let number = |w: Option<&str>| w.is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        let ok = number(words.next())
            && words.next() == Some("column")
            && number(words.next())
            && words.next().is_none();
        if ok {
            return m[..i].to_string();
        }
    }
    m.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_listing_finds_what_the_lookups_find() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in [
            "a.txt",
            "a.meta.toml",
            "b.txt",
            "c.txt",
            "c.meta.json",
            "c.meta.yml",
        ] {
            std::fs::write(d.join(name), "x = 1\n").unwrap();
        }
        // A directory named like a sidecar is no sidecar.
        std::fs::write(d.join("e.txt"), "x").unwrap();
        std::fs::create_dir(d.join("e.meta.toml")).unwrap();
        let mut listing = SidecarDir::default();
        for name in ["a.txt", "b.txt", "e.txt"] {
            let input = d.join(name);
            assert_eq!(
                listing.find(&input).unwrap(),
                find_sidecar(&input).unwrap(),
                "{name}"
            );
        }
        assert_eq!(
            listing.find(&d.join("a.txt")).unwrap(),
            Some(d.join("a.meta.toml"))
        );
        assert!(matches!(
            listing.find(&d.join("c.txt")),
            Err(MetaError::TwoSidecars { .. })
        ));
        // Another directory is listed anew, and a sidecar made since the last listing
        // of a directory is seen when that directory is listed again.
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("b.txt"), "x").unwrap();
        assert_eq!(listing.find(&other.path().join("b.txt")).unwrap(), None);
        std::fs::write(d.join("b.meta.yaml"), "headline: B\n").unwrap();
        assert_eq!(
            listing.find(&d.join("b.txt")).unwrap(),
            Some(d.join("b.meta.yaml"))
        );
    }
}
