//! One common shape for every metadata layer: each value already checked and carrying its
//! [`Provenance`], so [`super::merge`] merges flags, sidecars and manifest rows alike.

use super::flags::FlagMeta;
use super::manifest::{parse_identifier, split_list, ManifestRow};
use super::sidecar::Sidecar;
use super::values::{parse_date, parse_language, parse_url};
use super::MetaError;
use crate::model::{Identifier, Provenance, PubDate, Sourced};

type G<T> = Option<Sourced<T>>;

/// A person as given by one layer.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonIn {
    pub name: Sourced<String>,
    pub job_title: G<String>,
    pub affiliation: G<String>,
}

/// Overrides for the photo at one position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImageIn {
    pub image_url: G<String>,
    pub credit: G<String>,
    pub photographer: G<String>,
    pub caption: G<String>,
    pub alt: G<String>,
}

/// Everything one layer says.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub headline: G<String>,
    pub alternative_headline: G<String>,
    pub description: G<String>,
    pub language: G<String>,
    pub date_published: G<PubDate>,
    pub date_modified: G<PubDate>,
    pub source_url: G<String>,
    pub url: G<String>,
    pub section: G<String>,
    pub keywords: Vec<Sourced<String>>,
    pub publisher_name: G<String>,
    pub publisher_url: G<String>,
    pub publisher_logo: G<String>,
    pub copyright_holder: G<String>,
    pub copyright_notice: G<String>,
    pub license: G<String>,
    pub original_url: G<String>,
    pub original_language: G<String>,
    pub original_headline: G<String>,
    pub translator: G<String>,
    pub identifiers: Vec<Sourced<Identifier>>,
    pub interviewers: Vec<PersonIn>,
    pub interviewees: Vec<PersonIn>,
    pub images: Vec<ImageIn>,
}

/// A non-empty trimmed string, or nothing: an empty value in any layer means "not given".
fn text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn sourced(s: Option<&str>, prov: impl FnOnce() -> Provenance) -> G<String> {
    s.and_then(text).map(|v| Sourced::new(v, prov()))
}

/// Strips the prefix a credit is printed with; the model keeps credits without it.
pub fn clean_credit(credit: &str) -> String {
    let t = credit.trim();
    for prefix in ["Foto:", "Photo:", "Credit:", "Ảnh:", "©"] {
        if let Some(rest) = t.get(..prefix.len()) {
            if rest.eq_ignore_ascii_case(prefix) {
                return t[prefix.len()..].trim().to_string();
            }
        }
    }
    t.to_string()
}

impl Input {
    /// The flags, checked; an error names the flag.
    pub fn from_flags(f: &FlagMeta) -> Result<Input, MetaError> {
        let flag = |name: &str| Provenance::Flag { name: name.into() };
        let fail = |name: &str, reason: String| MetaError::Flag {
            flag: name.into(),
            reason,
        };
        let s = |v: &Option<String>, name: &str| sourced(v.as_deref(), || flag(name));
        let url = |v: &Option<String>, name: &str| -> Result<G<String>, MetaError> {
            match v.as_deref().and_then(text) {
                None => Ok(None),
                Some(u) => parse_url(&u)
                    .map(|u| Some(Sourced::new(u, flag(name))))
                    .map_err(|e| fail(name, e)),
            }
        };
        let date = |v: &Option<String>, name: &str| -> Result<G<PubDate>, MetaError> {
            match v.as_deref().and_then(text) {
                None => Ok(None),
                Some(d) => parse_date(&d)
                    .map(|d| Some(Sourced::new(d, flag(name))))
                    .map_err(|e| fail(name, e)),
            }
        };
        let lang = |v: &Option<String>, name: &str| -> Result<G<String>, MetaError> {
            match v.as_deref().and_then(text) {
                None => Ok(None),
                Some(l) => parse_language(&l)
                    .map(|l| Some(Sourced::new(l, flag(name))))
                    .map_err(|e| fail(name, e)),
            }
        };
        let people =
            |names: &[String], titles: &[String], affs: &[String], n: &str, t: &str, a: &str| {
                if titles.len() > names.len() {
                    return Err(fail(
                        t,
                        format!(
                            "{} given for {} {n}; give one per {n}, in the same order",
                            titles.len(),
                            names.len()
                        ),
                    ));
                }
                if affs.len() > names.len() {
                    return Err(fail(
                        a,
                        format!(
                            "{} given for {} {n}; give one per {n}, in the same order",
                            affs.len(),
                            names.len()
                        ),
                    ));
                }
                Ok(names
                    .iter()
                    .enumerate()
                    .filter_map(|(i, name)| {
                        Some(PersonIn {
                            name: Sourced::new(text(name)?, flag(n)),
                            job_title: sourced(titles.get(i).map(String::as_str), || flag(t)),
                            affiliation: sourced(affs.get(i).map(String::as_str), || flag(a)),
                        })
                    })
                    .collect::<Vec<_>>())
            };
        let mut identifiers = Vec::new();
        for item in &f.identifiers {
            let (scheme, value) = parse_identifier(item).map_err(|e| fail("--identifier", e))?;
            identifiers.push(Sourced::new(
                Identifier { scheme, value },
                flag("--identifier"),
            ));
        }
        let mut images: Vec<ImageIn> = Vec::new();
        for (i, u) in f.image_urls.iter().enumerate() {
            grow(&mut images, i).image_url = match text(u) {
                None => None,
                Some(u) => Some(Sourced::new(
                    parse_url(&u).map_err(|e| fail("--image-url", e))?,
                    flag("--image-url"),
                )),
            };
        }
        for (i, c) in f.image_credits.iter().enumerate() {
            grow(&mut images, i).credit =
                text(c).map(|c| Sourced::new(clean_credit(&c), flag("--image-credit")));
        }
        for (i, p) in f.image_photographers.iter().enumerate() {
            grow(&mut images, i).photographer =
                text(p).map(|p| Sourced::new(p, flag("--image-photographer")));
        }
        Ok(Input {
            headline: s(&f.headline, "--headline"),
            alternative_headline: s(&f.alternative_headline, "--alternative-headline"),
            description: s(&f.description, "--description"),
            language: lang(&f.lang, "--lang")?,
            date_published: date(&f.published, "--published")?,
            date_modified: date(&f.modified, "--modified")?,
            source_url: url(&f.source_url, "--source-url")?,
            url: url(&f.url, "--url")?,
            section: s(&f.section, "--section"),
            keywords: f
                .keywords
                .iter()
                .filter_map(|k| text(k).map(|k| Sourced::new(k, flag("--keyword"))))
                .collect(),
            publisher_name: s(&f.publisher, "--publisher"),
            publisher_url: url(&f.publisher_url, "--publisher-url")?,
            publisher_logo: url(&f.publisher_logo, "--publisher-logo")?,
            copyright_holder: s(&f.copyright_holder, "--copyright-holder"),
            copyright_notice: s(&f.copyright_notice, "--copyright-notice"),
            license: url(&f.license, "--license")?,
            original_url: url(&f.original_url, "--original-url")?,
            original_language: lang(&f.original_language, "--original-language")?,
            original_headline: s(&f.original_headline, "--original-headline"),
            translator: s(&f.translator, "--translator"),
            identifiers,
            interviewers: people(
                &f.interviewers,
                &f.interviewer_job_titles,
                &f.interviewer_affiliations,
                "--interviewer",
                "--interviewer-job-title",
                "--interviewer-affiliation",
            )?,
            interviewees: people(
                &f.interviewees,
                &f.interviewee_job_titles,
                &f.interviewee_affiliations,
                "--interviewee",
                "--interviewee-job-title",
                "--interviewee-affiliation",
            )?,
            images,
        })
    }

    /// A loaded sidecar (already checked by its parser).
    pub fn from_sidecar(sc: &Sidecar) -> Input {
        let path = sc.path.display().to_string();
        let key = |k: &str| Provenance::Sidecar {
            path: path.clone(),
            key: k.to_string(),
        };
        let s = |v: Option<&str>, k: &str| sourced(v, || key(k));
        let people = |list: &Option<Vec<super::sidecar::PersonSpec>>, field: &str| {
            list.iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, spec)| {
                    let p = &spec.fields;
                    let name_key = if spec.name_only {
                        format!("{field}[{i}]")
                    } else {
                        format!("{field}[{i}].name")
                    };
                    Some(PersonIn {
                        name: Sourced::new(text(&p.name)?, key(&name_key)),
                        job_title: s(p.job_title.as_deref(), &format!("{field}[{i}].job_title")),
                        affiliation: s(
                            p.affiliation.as_deref(),
                            &format!("{field}[{i}].affiliation"),
                        ),
                    })
                })
                .collect()
        };
        let publisher = sc.publisher.as_ref().map(|p| &p.fields);
        let publisher_key = match &sc.publisher {
            Some(p) if p.name_only => "publisher",
            _ => "publisher.name",
        };
        let rights = sc.rights.as_ref();
        let tr = sc.translation.as_ref();
        Input {
            headline: s(sc.headline.as_deref(), "headline"),
            alternative_headline: s(sc.alternative_headline.as_deref(), "alternative_headline"),
            description: s(sc.description.as_deref(), "description"),
            language: sc
                .language
                .as_ref()
                .map(|l| Sourced::new(l.0.clone(), key("language"))),
            date_published: sc
                .date_published
                .as_ref()
                .map(|d| Sourced::new(d.0.clone(), key("date_published"))),
            date_modified: sc
                .date_modified
                .as_ref()
                .map(|d| Sourced::new(d.0.clone(), key("date_modified"))),
            source_url: s(sc.source_url.as_ref().map(|u| u.0.as_str()), "source_url"),
            url: s(sc.url.as_ref().map(|u| u.0.as_str()), "url"),
            section: s(sc.section.as_deref(), "section"),
            keywords: sc
                .keywords
                .iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, k)| {
                    text(k).map(|k| Sourced::new(k, key(&format!("keywords[{i}]"))))
                })
                .collect(),
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
            original_url: s(
                tr.and_then(|t| t.original_url.as_ref())
                    .map(|u| u.0.as_str()),
                "translation.original_url",
            ),
            original_language: s(
                tr.and_then(|t| t.original_language.as_ref())
                    .map(|l| l.0.as_str()),
                "translation.original_language",
            ),
            original_headline: s(
                tr.and_then(|t| t.original_headline.as_deref()),
                "translation.original_headline",
            ),
            translator: s(
                tr.and_then(|t| t.translator.as_deref()),
                "translation.translator",
            ),
            identifiers: sc
                .identifiers
                .iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, id)| {
                    Some(Sourced::new(
                        Identifier {
                            scheme: text(&id.scheme)?,
                            value: text(&id.value)?,
                        },
                        key(&format!("identifiers[{i}]")),
                    ))
                })
                .collect(),
            interviewers: people(&sc.interviewers, "interviewers"),
            interviewees: people(&sc.interviewees, "interviewees"),
            images: sc
                .images
                .iter()
                .flatten()
                .enumerate()
                .map(|(i, im)| ImageIn {
                    image_url: s(
                        im.url.as_ref().map(|u| u.0.as_str()),
                        &format!("images[{i}].url"),
                    ),
                    credit: s(im.credit.as_deref(), &format!("images[{i}].credit"))
                        .map(|c| Sourced::new(clean_credit(&c.value), c.provenance)),
                    photographer: s(
                        im.photographer.as_deref(),
                        &format!("images[{i}].photographer"),
                    ),
                    caption: s(im.caption.as_deref(), &format!("images[{i}].caption")),
                    alt: s(im.alt.as_deref(), &format!("images[{i}].alt")),
                })
                .collect(),
        }
    }

    /// A manifest row (already checked when the manifest was loaded).
    pub fn from_manifest_row(row: &ManifestRow) -> Input {
        let col = |c: &str| Provenance::Manifest {
            path: row.path.clone(),
            row: row.row,
            column: c.to_string(),
        };
        let s = |v: Option<&str>, c: &str| sourced(v, || col(c));
        let r = &row.record;
        let list = |v: &Option<String>| v.as_deref().map(split_list).unwrap_or_default();
        let people = |names: &Option<String>,
                      titles: &Option<String>,
                      affs: &Option<String>,
                      n: &str,
                      t: &str,
                      a: &str| {
            let (titles, affs) = (list(titles), list(affs));
            list(names)
                .iter()
                .enumerate()
                .filter_map(|(i, name)| {
                    Some(PersonIn {
                        name: Sourced::new(text(name)?, col(n)),
                        job_title: s(titles.get(i).map(String::as_str), t),
                        affiliation: s(affs.get(i).map(String::as_str), a),
                    })
                })
                .collect()
        };
        let mut images: Vec<ImageIn> = Vec::new();
        for (i, u) in list(&r.image_urls).iter().enumerate() {
            grow(&mut images, i).image_url = s(Some(u), "image_urls");
        }
        for (i, c) in list(&r.image_credits).iter().enumerate() {
            grow(&mut images, i).credit = s(Some(c), "image_credits")
                .map(|c| Sourced::new(clean_credit(&c.value), c.provenance));
        }
        for (i, p) in list(&r.image_photographers).iter().enumerate() {
            grow(&mut images, i).photographer = s(Some(p), "image_photographers");
        }
        Input {
            headline: s(r.headline.as_deref(), "headline"),
            alternative_headline: s(r.alternative_headline.as_deref(), "alternative_headline"),
            description: s(r.description.as_deref(), "description"),
            language: r
                .language
                .as_ref()
                .map(|l| Sourced::new(l.0.clone(), col("language"))),
            date_published: r
                .date_published
                .as_ref()
                .map(|d| Sourced::new(d.0.clone(), col("date_published"))),
            date_modified: r
                .date_modified
                .as_ref()
                .map(|d| Sourced::new(d.0.clone(), col("date_modified"))),
            source_url: s(r.source_url.as_ref().map(|u| u.0.as_str()), "source_url"),
            url: s(r.url.as_ref().map(|u| u.0.as_str()), "url"),
            section: s(r.section.as_deref(), "section"),
            keywords: list(&r.keywords)
                .iter()
                .filter_map(|k| text(k).map(|k| Sourced::new(k, col("keywords"))))
                .collect(),
            publisher_name: s(r.publisher_name.as_deref(), "publisher_name"),
            publisher_url: s(
                r.publisher_url.as_ref().map(|u| u.0.as_str()),
                "publisher_url",
            ),
            publisher_logo: s(
                r.publisher_logo.as_ref().map(|u| u.0.as_str()),
                "publisher_logo",
            ),
            copyright_holder: s(r.copyright_holder.as_deref(), "copyright_holder"),
            copyright_notice: s(r.copyright_notice.as_deref(), "copyright_notice"),
            license: s(r.license.as_ref().map(|u| u.0.as_str()), "license"),
            original_url: s(
                r.original_url.as_ref().map(|u| u.0.as_str()),
                "original_url",
            ),
            original_language: s(
                r.original_language.as_ref().map(|l| l.0.as_str()),
                "original_language",
            ),
            original_headline: s(r.original_headline.as_deref(), "original_headline"),
            translator: s(r.translator.as_deref(), "translator"),
            identifiers: list(&r.identifiers)
                .iter()
                .filter(|i| !i.is_empty())
                .filter_map(|i| parse_identifier(i).ok())
                .map(|(scheme, value)| {
                    Sourced::new(Identifier { scheme, value }, col("identifiers"))
                })
                .collect(),
            interviewers: people(
                &r.interviewers,
                &r.interviewer_job_titles,
                &r.interviewer_affiliations,
                "interviewers",
                "interviewer_job_titles",
                "interviewer_affiliations",
            ),
            interviewees: people(
                &r.interviewees,
                &r.interviewee_job_titles,
                &r.interviewee_affiliations,
                "interviewees",
                "interviewee_job_titles",
                "interviewee_affiliations",
            ),
            images,
        }
    }
}

fn grow(images: &mut Vec<ImageIn>, i: usize) -> &mut ImageIn {
    if images.len() <= i {
        images.resize_with(i + 1, ImageIn::default);
    }
    &mut images[i]
}
