//! The archive profile, `colloquy.toml`: what an institution says once for all its
//! records — publisher, provider, rights and licence, collection, default language —
//! instead of in every sidecar or flag.
//!
//! It is found in the working directory or the nearest parent (or named with
//! `--config FILE`) and is the lowest metadata layer: flag > sidecar > manifest >
//! config > text. The one exception is the language, which the profile gives as a
//! *default*: it fills in only when no language is known or the detector's guess is
//! unreliable — never over a stated `lang` or a reliable detection. Like sidecars, unknown keys are errors, not silently ignored.

use super::input::Input;
use super::sidecar::{PublisherSpec, RightsSpec};
use super::values::{LanguageTag, UrlText};
use super::MetaError;
use crate::model::{Collection, Provenance, Sourced};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name looked for in the working directory and its parents.
pub const CONFIG_FILE: &str = "colloquy.toml";

/// An archive profile.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where it was read from, for provenance.
    #[serde(skip)]
    pub path: PathBuf,
    /// The publisher: a name, or a table with name, url and logo.
    pub publisher: Option<PublisherSpec>,
    /// NewsML-G2 provider: a URI (https://…) or a name.
    pub provider: Option<String>,
    /// Copyright holder, notice and licence URL.
    pub rights: Option<RightsSpec>,
    /// The collection every record belongs to.
    pub collection: Option<CollectionSpec>,
    /// The language of texts that state none (BCP 47).
    pub default_language: Option<LanguageTag>,
}

/// A collection: its name and, optionally, the URL of its page.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionSpec {
    pub name: String,
    pub url: Option<UrlText>,
}

/// The commented profile `colloquy init` writes: every key, all commented out, so the
/// file states nothing until the archivist fills it in.
pub const TEMPLATE: &str = r#"# colloquy.toml — the archive profile: what your institution says once for every
# record colloquy writes from this directory and the directories below it.
#
# Precedence, highest first: command-line flag > sidecar (NAME.meta.toml) > manifest
# row > this file > the text. `colloquy inspect FILE` shows which one each value came
# from. Uncomment and fill in what is true for your archive; leave the rest out.

# The publisher of the records (JSON-LD publisher, Dublin Core publisher). A name, or a
# table with name, url and logo.
# [publisher]
# name = "Example Oral History Center"
# url = "https://oralhistory.example.org/"
# logo = "https://oralhistory.example.org/logo.png"

# Who supplies the records (NewsML-G2 provider): a URI or a name. Without it the
# publisher is the provider; without either, NewsML-G2 output carries the placeholder
# `provider-not-stated` and a warning.
# provider = "https://oralhistory.example.org/"

# Rights of every record.
# [rights]
# copyright_holder = "Example Oral History Center"
# copyright_notice = "© Example Oral History Center"
# license = "https://creativecommons.org/licenses/by-nc/4.0/"

# The collection the records belong to (JSON-LD isPartOf, NewsML-G2 memberOf,
# Dublin Core relation).
# [collection]
# name = "Harbour Workers Oral History Project"
# url = "https://oralhistory.example.org/collections/harbour"

# The language of texts whose language is unknown (BCP 47): it fills in only where the
# text states none and detection is unreliable; it never overrides either.
# default_language = "en"
"#;

/// The profile in `dir` or its nearest parent that has one.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// Reads and checks a profile; errors name the file, line and column.
pub fn load_config(path: &Path) -> Result<Config, MetaError> {
    let shown = path.display().to_string();
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
    let mut config = parse_config(&shown, text)?;
    config.path = path.to_path_buf();
    Ok(config)
}

/// Parses profile text; `name` is used in errors.
pub fn parse_config(name: &str, text: &str) -> Result<Config, MetaError> {
    toml::from_str::<Config>(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|s| crate::model::line_col(text, s.start))
            .unwrap_or((1, 1));
        MetaError::Sidecar {
            path: name.to_string(),
            line,
            column,
            reason: super::explain_serde_message(e.message()),
        }
    })
}

impl Config {
    fn provenance(&self, key: &str) -> Provenance {
        Provenance::Config {
            path: self.path.display().to_string(),
            key: key.to_string(),
        }
    }

    /// The layer the merge applies: publisher and rights (language, provider and
    /// collection are applied by [`Config::fill`]).
    pub fn input(&self) -> Input {
        let s = |v: Option<&str>, key: &str| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| Sourced::new(v.to_string(), self.provenance(key)))
        };
        let publisher = self.publisher.as_ref().map(|p| &p.fields);
        let publisher_key = match &self.publisher {
            Some(p) if p.name_only => "publisher",
            _ => "publisher.name",
        };
        let rights = self.rights.as_ref();
        Input {
            publisher_name: publisher.and_then(|p| s(Some(&p.name), publisher_key)),
            publisher_url: s(
                publisher.and_then(|p| p.url.as_ref()).map(|u| u.0.as_str()),
                "publisher.url",
            ),
            publisher_logo: s(
                publisher
                    .and_then(|p| p.logo.as_ref())
                    .map(|u| u.0.as_str()),
                "publisher.logo",
            ),
            copyright_holder: s(
                rights.and_then(|r| r.copyright_holder.as_deref()),
                "rights.copyright_holder",
            ),
            copyright_notice: s(
                rights.and_then(|r| r.copyright_notice.as_deref()),
                "rights.copyright_notice",
            ),
            license: s(
                rights
                    .and_then(|r| r.license.as_ref())
                    .map(|u| u.0.as_str()),
                "rights.license",
            ),
            ..Input::default()
        }
    }

    /// The profile's own values, which no other layer gives: the provider and the
    /// collection fill in what the source does not state (a source's own collection,
    /// e.g. an OHMS record's, wins); the default language fills in only where no
    /// language is known or the detector's guess was unreliable (`language-uncertain`).
    pub fn fill(&self, iv: &mut crate::model::Interview) {
        let uncertain = iv
            .diagnostics
            .iter()
            .any(|d| d.code == "language-uncertain");
        let meta = &mut iv.meta;
        if let Some(p) = self.provider.as_deref().map(str::trim) {
            if !p.is_empty() && meta.provider.is_none() {
                meta.provider = Some(Sourced::new(p.to_string(), self.provenance("provider")));
            }
        }
        if let Some(c) = &self.collection {
            if !c.name.trim().is_empty() && meta.collection.is_none() {
                let key = if c.url.is_some() {
                    "collection.name"
                } else {
                    "collection"
                };
                meta.collection = Some(Sourced::new(
                    Collection {
                        name: c.name.trim().to_string(),
                        url: c.url.as_ref().map(|u| u.0.clone()),
                    },
                    self.provenance(key),
                ));
            }
        }
        if let Some(lang) = &self.default_language {
            let known = meta.language.as_ref().is_some_and(|l| {
                !matches!(l.provenance, Provenance::Inferred { .. }) || !uncertain
            });
            if !known {
                meta.language = Some(Sourced::new(
                    lang.0.clone(),
                    self.provenance("default_language"),
                ));
                iv.diagnostics.retain(|d| d.code != "language-uncertain");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_and_states_nothing() {
        let c = parse_config("colloquy.toml", TEMPLATE).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn an_unknown_key_is_an_error_with_its_place() {
        let e = parse_config("c.toml", "publisher = \"X\"\nlicence = \"y\"\n").unwrap_err();
        let m = e.to_string();
        assert!(m.starts_with("c.toml:2:1: unknown key 'licence'"), "{m}");
    }

    #[test]
    fn the_default_language_fills_only_an_unknown_or_unreliable_one() {
        use crate::model::{Diagnostic, Interview};
        let c = parse_config("c.toml", "default_language = \"es\"\n").unwrap();
        let guess = |reliable: bool| {
            let mut iv = Interview::default();
            iv.meta.language = Some(Sourced::new(
                "pt".to_string(),
                Provenance::Inferred {
                    how: "test".into(),
                    confidence: 0.3,
                },
            ));
            if !reliable {
                iv.diagnostics
                    .push(Diagnostic::warning("language-uncertain", "", None));
            }
            iv
        };
        let lang = |iv: &Interview| iv.meta.language.as_ref().map(|l| l.value.clone());
        let mut iv = Interview::default();
        c.fill(&mut iv);
        assert_eq!(lang(&iv).as_deref(), Some("es"));
        let mut iv = guess(false);
        c.fill(&mut iv);
        assert_eq!(lang(&iv).as_deref(), Some("es"));
        assert!(iv.diagnostics.is_empty());
        let mut iv = guess(true);
        c.fill(&mut iv);
        assert_eq!(lang(&iv).as_deref(), Some("pt"));
        let mut iv = Interview::default();
        iv.meta.language = Some(Sourced::from_text("fr".to_string(), 0..2));
        c.fill(&mut iv);
        assert_eq!(lang(&iv).as_deref(), Some("fr"));
    }

    #[test]
    fn the_nearest_profile_wins() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "").unwrap();
        assert_eq!(find_config(&inner), Some(dir.path().join(CONFIG_FILE)));
        std::fs::write(dir.path().join("a").join(CONFIG_FILE), "").unwrap();
        assert_eq!(
            find_config(&inner),
            Some(dir.path().join("a").join(CONFIG_FILE))
        );
    }
}
