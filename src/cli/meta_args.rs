//! The metadata flags shared by `convert` and `inspect`, mapped one to one onto
//! [`colloquy::meta::FlagMeta`]. Flags beat sidecars, manifests and the text.

use colloquy::meta::{Config, FlagMeta, Manifest, MetaError};
use colloquy::pipeline::{MetaSources, SidecarFrom};
use std::path::PathBuf;

#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Metadata (flag > sidecar > manifest > config > text)")]
pub struct MetaArgs {
    /// The archive profile to use instead of the colloquy.toml found in the working
    /// directory or its nearest parent (`colloquy init` writes one).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// A sidecar (NAME.meta.toml/.yaml/.json) to use instead of the one beside each input.
    #[arg(long = "meta", value_name = "FILE")]
    pub sidecar: Option<PathBuf>,
    /// A CSV manifest with one row per input (column `file`, see README).
    #[arg(long, value_name = "CSV")]
    pub manifest: Option<PathBuf>,
    /// Headline (JSON-LD headline, NewsML-G2 headline).
    #[arg(long, value_name = "TEXT")]
    pub headline: Option<String>,
    /// Alternative headline or subtitle (JSON-LD alternativeHeadline).
    #[arg(long, value_name = "TEXT")]
    pub alternative_headline: Option<String>,
    /// Short summary (JSON-LD description, NewsML-G2 description role drol:summary).
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Language of the text, a BCP 47 tag (`id`, `vi`, `pt-BR`).
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// Publication date: 2024-03-15, 2024-03-15T09:30:00+07:00, or "15 March 2024".
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Last modification date, same forms as --published.
    #[arg(long, value_name = "DATE")]
    pub modified: Option<String>,
    /// Where the text was taken from (JSON-LD isBasedOn, NewsML-G2 origRep).
    #[arg(long, value_name = "URL")]
    pub source_url: Option<String>,
    /// Where this text is published (JSON-LD url).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Section of the publication (JSON-LD articleSection).
    #[arg(long, value_name = "TEXT")]
    pub section: Option<String>,
    /// A keyword (repeatable; JSON-LD keywords, NewsML-G2 keyword).
    #[arg(long = "keyword", value_name = "TEXT")]
    pub keywords: Vec<String>,
    /// Publisher name (JSON-LD publisher NewsMediaOrganization, NewsML-G2 provider).
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// Publisher's web site.
    #[arg(long, value_name = "URL")]
    pub publisher_url: Option<String>,
    /// URL of the publisher's logo image.
    #[arg(long, value_name = "URL")]
    pub publisher_logo: Option<String>,
    /// Who asked (repeatable).
    #[arg(long = "interviewer", value_name = "NAME")]
    pub interviewers: Vec<String>,
    /// Job title of the Nth --interviewer, by position (repeatable).
    #[arg(long = "interviewer-job-title", value_name = "TEXT")]
    pub interviewer_job_titles: Vec<String>,
    /// Affiliation of the Nth --interviewer, by position (repeatable).
    #[arg(long = "interviewer-affiliation", value_name = "TEXT")]
    pub interviewer_affiliations: Vec<String>,
    /// Who answered (repeatable).
    #[arg(long = "interviewee", value_name = "NAME")]
    pub interviewees: Vec<String>,
    /// Job title of the Nth --interviewee, by position (repeatable).
    #[arg(long = "interviewee-job-title", value_name = "TEXT")]
    pub interviewee_job_titles: Vec<String>,
    /// Affiliation of the Nth --interviewee, by position (repeatable).
    #[arg(long = "interviewee-affiliation", value_name = "TEXT")]
    pub interviewee_affiliations: Vec<String>,
    /// Copyright holder (JSON-LD copyrightHolder, NewsML-G2 rightsInfo).
    #[arg(long, value_name = "NAME")]
    pub copyright_holder: Option<String>,
    /// Copyright notice, e.g. "© 2024 Example News".
    #[arg(long, value_name = "TEXT")]
    pub copyright_notice: Option<String>,
    /// Licence URL (JSON-LD license, NewsML-G2 rightsInfo).
    #[arg(long, value_name = "URL")]
    pub license: Option<String>,
    /// URL of the original this text translates (JSON-LD translationOfWork + isBasedOn).
    #[arg(long, value_name = "URL")]
    pub original_url: Option<String>,
    /// Language of the original, a BCP 47 tag.
    #[arg(long, value_name = "TAG")]
    pub original_language: Option<String>,
    /// Headline of the original.
    #[arg(long, value_name = "TEXT")]
    pub original_headline: Option<String>,
    /// Who translated the text (JSON-LD translator).
    #[arg(long, value_name = "NAME")]
    pub translator: Option<String>,
    /// An identifier as `scheme=value` (repeatable; JSON-LD identifier, NewsML-G2 altId).
    #[arg(long = "identifier", value_name = "SCHEME=VALUE")]
    pub identifiers: Vec<String>,
    /// Photo URL, by position (repeatable: the first applies to photo 1).
    #[arg(long = "image-url", value_name = "URL")]
    pub image_urls: Vec<String>,
    /// Photo credit, by position (repeatable).
    #[arg(long = "image-credit", value_name = "TEXT")]
    pub image_credits: Vec<String>,
    /// Who took the photo, by position (repeatable); the credit line stays as it is.
    #[arg(long = "image-photographer", value_name = "NAME")]
    pub image_photographers: Vec<String>,
}

/// The metadata of a run, loaded once: the flags and the manifest (sidecars are found
/// per input).
pub struct LoadedMeta {
    flags: FlagMeta,
    sidecar: Option<PathBuf>,
    manifest: Option<Manifest>,
    config: Option<Config>,
}

impl LoadedMeta {
    pub fn sources(&self) -> MetaSources<'_> {
        MetaSources {
            flags: Some(&self.flags),
            sidecar: self
                .sidecar
                .as_deref()
                .map_or(SidecarFrom::Beside, SidecarFrom::File),
            manifest: self.manifest.as_ref(),
            config: self.config.as_ref(),
        }
    }
}

impl MetaArgs {
    /// Checks the metadata flags once, before any input is read: a bad `--published`
    /// is a mistake in the command line (exit 2), not a failure of each input in turn.
    pub fn check_flags(&self) -> Result<(), MetaError> {
        colloquy::meta::input::Input::from_flags(&self.flags()).map(|_| ())
    }

    /// Loads the manifest and checks an explicit sidecar (a bad one fails the run before
    /// any input is read).
    pub fn load(&self) -> Result<LoadedMeta, MetaError> {
        // An explicit sidecar applies to every input: a bad one fails the run once,
        // not once per input.
        if let Some(path) = &self.sidecar {
            colloquy::meta::load_sidecar(path)?;
        }
        Ok(LoadedMeta {
            flags: self.flags(),
            sidecar: self.sidecar.clone(),
            manifest: self.manifest.as_deref().map(Manifest::load).transpose()?,
            config: self.load_config()?,
        })
    }

    /// The archive profile: `--config FILE`, else `colloquy.toml` in the working
    /// directory or its nearest parent, else none. A bad one fails the run once.
    fn load_config(&self) -> Result<Option<Config>, MetaError> {
        let path = match &self.config {
            Some(p) => Some(p.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| colloquy::meta::find_config(&d)),
        };
        path.map(|p| colloquy::meta::load_config(&p)).transpose()
    }

    fn flags(&self) -> FlagMeta {
        let a = self.clone();
        FlagMeta {
            headline: a.headline,
            alternative_headline: a.alternative_headline,
            description: a.description,
            lang: a.lang,
            published: a.published,
            modified: a.modified,
            source_url: a.source_url,
            url: a.url,
            section: a.section,
            keywords: a.keywords,
            publisher: a.publisher,
            publisher_url: a.publisher_url,
            publisher_logo: a.publisher_logo,
            interviewers: a.interviewers,
            interviewer_job_titles: a.interviewer_job_titles,
            interviewer_affiliations: a.interviewer_affiliations,
            interviewees: a.interviewees,
            interviewee_job_titles: a.interviewee_job_titles,
            interviewee_affiliations: a.interviewee_affiliations,
            copyright_holder: a.copyright_holder,
            copyright_notice: a.copyright_notice,
            license: a.license,
            original_url: a.original_url,
            original_language: a.original_language,
            original_headline: a.original_headline,
            translator: a.translator,
            identifiers: a.identifiers,
            image_urls: a.image_urls,
            image_credits: a.image_credits,
            image_photographers: a.image_photographers,
        }
    }
}
