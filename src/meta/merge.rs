//! Merging metadata layers into an interview: precedence flag > sidecar > manifest >
//! config (`colloquy.toml`) > text > inference, the provenance of every value set, and a warning for every conflict.
//!
//! Rules (documented for users in docs/metadata.md):
//! - A value given by a higher layer wins. When a lower layer or the text gives a
//!   different value, that is a `meta-conflict` warning naming both values and both
//!   places. Differences with an *inferred* value are not conflicts (inference is a guess
//!   that metadata exists to correct); it is replaced silently.
//! - A date and a date-time on the same day do not conflict (one refines the other).
//! - Lists (keywords, identifiers, interviewers, interviewees) are taken whole from the
//!   highest layer that gives any; lower layers giving another list is a conflict. A
//!   lower layer may still add a job title or affiliation to a person of the same name.
//! - Composite values (publisher, rights, translation) merge part by part; the parts'
//!   provenance is recorded in `Meta::field_provenance` and the composite's own
//!   provenance is that of its highest-precedence part.
//! - People: see `Merger::merge_people`. Figures: entry N applies to photo N.

use super::input::{ImageIn, Input, PersonIn};
use super::{Config, FlagMeta, ManifestRow, MetaError, Sidecar};
use crate::model::{
    Diagnostic, Figure, Identifier, Interview, Organization, Person, Provenance, PubDate, Rights,
    Role, Sourced, Span, Translation, TurnKind,
};

/// The metadata layers for one input. Any may be absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layers<'a> {
    pub flags: Option<&'a FlagMeta>,
    pub sidecar: Option<&'a Sidecar>,
    pub manifest: Option<&'a ManifestRow>,
    /// The archive profile (`colloquy.toml`), the lowest layer.
    pub config: Option<&'a Config>,
}

impl Layers<'_> {
    /// True when a flag, the sidecar or the manifest row gives the language. The text's
    /// language is then not detected: the guess would be replaced anyway, and its
    /// `language-uncertain` warning would ask for a `--lang` already given. (The
    /// profile's `default_language` does not count: it fills in only where detection is
    /// unsure, so detection must run.)
    pub fn give_language(&self) -> bool {
        self.flags
            .is_some_and(|f| Input::from_flags(f).is_ok_and(|i| i.language.is_some()))
            || self
                .sidecar
                .is_some_and(|s| Input::from_sidecar(s).language.is_some())
            || self
                .manifest
                .is_some_and(|r| Input::from_manifest_row(r).language.is_some())
    }
}

/// Applies the layers to `interview`. Returns the diagnostics (conflicts, attributions);
/// the caller adds them to the interview's diagnostics or reports them. Fails only when a
/// flag value is invalid (sidecars and manifests are checked when loaded).
pub fn apply(interview: &mut Interview, layers: &Layers) -> Result<Vec<Diagnostic>, MetaError> {
    let mut inputs = Vec::new();
    if let Some(f) = layers.flags {
        inputs.push(Input::from_flags(f)?);
    }
    if let Some(s) = layers.sidecar {
        inputs.push(Input::from_sidecar(s));
    }
    if let Some(r) = layers.manifest {
        inputs.push(Input::from_manifest_row(r));
    }
    if let Some(c) = layers.config {
        inputs.push(c.input());
    }
    let mut m = Merger { diags: Vec::new() };
    m.apply(interview, &inputs);
    if let Some(c) = layers.config {
        c.fill(interview);
    }
    m.diags
        .extend(super::clean::clean_one_line_values(interview));
    m.diags
        .extend(super::clean::resolve_relative_images(interview));
    Ok(m.diags)
}

/// How a provenance ranks: higher wins.
fn rank(p: &Provenance) -> u8 {
    match p {
        Provenance::Flag { .. } => 6,
        Provenance::Sidecar { .. } => 5,
        Provenance::Manifest { .. } => 4,
        Provenance::Config { .. } => 3,
        Provenance::Text { .. } => 2,
        Provenance::Inferred { .. } => 1,
    }
}

/// Where a value came from, in words for messages.
pub fn describe(p: &Provenance) -> String {
    match p {
        Provenance::Flag { name } => format!("flag {name}"),
        Provenance::Sidecar { path, key } => format!("sidecar {path} (key {key})"),
        Provenance::Config { path, key } => format!("archive profile {path} (key {key})"),
        Provenance::Manifest { path, row, column } => {
            format!("manifest {path} row {row}, column {column}")
        }
        Provenance::Text { span } => format!("the text (bytes {}..{})", span.start, span.end),
        Provenance::Inferred { how, .. } => format!("inference ({how})"),
    }
}

fn text_span(p: &Provenance) -> Option<Span> {
    match p {
        Provenance::Text { span } => Some(span.clone()),
        _ => None,
    }
}

/// Values compared for conflicts.
trait Value: Clone {
    fn same(&self, other: &Self) -> bool;
    fn show(&self) -> String;
}

impl Value for String {
    fn same(&self, other: &Self) -> bool {
        self.trim() == other.trim()
    }
    fn show(&self) -> String {
        format!("\"{self}\"")
    }
}

impl Value for PubDate {
    fn same(&self, other: &Self) -> bool {
        let (a, b) = (self.as_str(), other.as_str());
        match (self, other) {
            (PubDate::Date(d), PubDate::DateTime(t)) | (PubDate::DateTime(t), PubDate::Date(d)) => {
                t.starts_with(d.as_str())
            }
            _ => a == b,
        }
    }
    fn show(&self) -> String {
        self.as_str().to_string()
    }
}

impl Value for Identifier {
    fn same(&self, other: &Self) -> bool {
        self.scheme.trim().eq_ignore_ascii_case(other.scheme.trim())
            && self.value.trim() == other.value.trim()
    }
    fn show(&self) -> String {
        format!("{}={}", self.scheme, self.value)
    }
}

/// The merged parts of a composite, in declared order.
struct Parts(Vec<(String, Sourced<String>)>);

impl Parts {
    fn remove(&mut self, name: &str) -> Option<Sourced<String>> {
        let i = self.0.iter().position(|(n, _)| n == name)?;
        Some(self.0.remove(i).1)
    }
}

/// One part of a composite: its name, its current value, and the layers' values.
type Part<'a> = (&'a str, Option<String>, Vec<&'a Sourced<String>>);

struct Merger {
    diags: Vec<Diagnostic>,
}

impl Merger {
    fn conflict(
        &mut self,
        what: &str,
        winner: String,
        wp: &Provenance,
        loser: String,
        lp: &Provenance,
    ) {
        self.diags.push(Diagnostic::warning(
            "meta-conflict",
            format!(
                "{what}: {winner} from {} conflicts with {loser} from {}; using {winner}",
                describe(wp),
                describe(lp)
            ),
            text_span(lp).or_else(|| text_span(wp)),
        ));
    }

    /// Picks the value for one field among `current` (from the text or inference) and the
    /// layers' values (highest precedence first), warning on conflicts.
    fn merge<T: Value>(
        &mut self,
        what: &str,
        current: &mut Option<Sourced<T>>,
        given: Vec<&Sourced<T>>,
    ) {
        let Some(winner) = given.first().copied() else {
            return;
        };
        for other in &given[1..] {
            if !other.value.same(&winner.value) {
                self.conflict(
                    what,
                    winner.value.show(),
                    &winner.provenance,
                    other.value.show(),
                    &other.provenance,
                );
            }
        }
        if let Some(cur) = current {
            if !matches!(cur.provenance, Provenance::Inferred { .. })
                && !cur.value.same(&winner.value)
            {
                self.conflict(
                    what,
                    winner.value.show(),
                    &winner.provenance,
                    cur.value.show(),
                    &cur.provenance,
                );
            }
        }
        *current = Some(winner.clone());
    }

    /// Merges a whole list: the highest layer with a non-empty list wins.
    fn merge_list<T: Value>(
        &mut self,
        what: &str,
        current: &mut Vec<Sourced<T>>,
        given: Vec<&Vec<Sourced<T>>>,
    ) {
        let lists: Vec<&Vec<Sourced<T>>> = given.into_iter().filter(|l| !l.is_empty()).collect();
        let Some(winner) = lists.first() else {
            return;
        };
        let show = |l: &[Sourced<T>]| {
            format!(
                "[{}]",
                l.iter()
                    .map(|v| v.value.show())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let same = |a: &[Sourced<T>], b: &[Sourced<T>]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.value.same(&y.value))
        };
        for other in &lists[1..] {
            if !same(winner, other) {
                self.conflict(
                    what,
                    show(winner),
                    &winner[0].provenance,
                    show(other),
                    &other[0].provenance,
                );
            }
        }
        let from_text: Vec<Sourced<T>> = current
            .iter()
            .filter(|v| !matches!(v.provenance, Provenance::Inferred { .. }))
            .cloned()
            .collect();
        if !from_text.is_empty() && !same(winner, &from_text) {
            self.conflict(
                what,
                show(winner),
                &winner[0].provenance,
                show(&from_text),
                &from_text[0].provenance,
            );
        }
        *current = winner.to_vec();
    }

    fn apply(&mut self, iv: &mut Interview, inputs: &[Input]) {
        macro_rules! field {
            ($what:literal, $meta:ident, $inp:ident) => {{
                let given: Vec<_> = inputs.iter().filter_map(|i| i.$inp.as_ref()).collect();
                self.merge($what, &mut iv.meta.$meta, given);
            }};
        }
        field!("headline", headline, headline);
        field!(
            "alternative headline",
            alternative_headline,
            alternative_headline
        );
        field!("description", description, description);
        field!("language", language, language);
        field!("date published", date_published, date_published);
        field!("date modified", date_modified, date_modified);
        field!("source URL", source_url, source_url);
        field!("URL", url, url);
        field!("section", section, section);
        let kw: Vec<_> = inputs.iter().map(|i| &i.keywords).collect();
        self.merge_list("keywords", &mut iv.meta.keywords, kw);
        let ids: Vec<_> = inputs.iter().map(|i| &i.identifiers).collect();
        self.merge_list("identifiers", &mut iv.meta.identifiers, ids);
        self.merge_publisher(iv, inputs);
        self.merge_rights(iv, inputs);
        self.merge_translation(iv, inputs);
        for role in [Role::Interviewer, Role::Interviewee] {
            let lists: Vec<&Vec<PersonIn>> = inputs
                .iter()
                .map(|i| {
                    if role == Role::Interviewer {
                        &i.interviewers
                    } else {
                        &i.interviewees
                    }
                })
                .collect();
            self.merge_people(iv, role, lists);
        }
        let images: Vec<&Vec<ImageIn>> = inputs.iter().map(|i| &i.images).collect();
        self.merge_figures(iv, images);
    }

    /// Merges the parts of a composite. `parts` pairs each part's path (`publisher.url`)
    /// with its current value and the layers' values; returns the merged parts.
    fn merge_parts(
        &mut self,
        iv: &mut Interview,
        prefix: &str,
        current_prov: Option<&Provenance>,
        parts: Vec<Part<'_>>,
    ) -> Option<(Parts, Provenance)> {
        if parts.iter().all(|(_, _, g)| g.is_empty()) {
            return None;
        }
        let mut out = Parts(Vec::new());
        for (name, cur, given) in parts {
            let path = format!("{prefix}.{name}");
            let mut cur = cur.map(|v| {
                let p = iv
                    .meta
                    .field_provenance
                    .get(&path)
                    .or(current_prov)
                    .cloned()
                    .unwrap_or(Provenance::Inferred {
                        how: "unknown".into(),
                        confidence: 0.0,
                    });
                Sourced::new(v, p)
            });
            self.merge(
                &format!("{prefix} {}", name.replace('_', " ")),
                &mut cur,
                given,
            );
            if let Some(v) = cur {
                iv.meta.field_provenance.insert(path, v.provenance.clone());
                out.0.push((name.to_string(), v));
            }
        }
        // Ties go to the first part in declared order (the publisher's name before its url);
        // max_by_key keeps the last maximum, hence the reversal.
        let top = out
            .0
            .iter()
            .rev()
            .map(|(_, v)| &v.provenance)
            .max_by_key(|p| rank(p))?
            .clone();
        Some((out, top))
    }

    fn merge_publisher(&mut self, iv: &mut Interview, inputs: &[Input]) {
        let cur = iv.meta.publisher.clone();
        let org = cur.as_ref().map(|c| &c.value);
        let parts = vec![
            (
                "name",
                org.map(|o| o.name.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.publisher_name.as_ref())
                    .collect(),
            ),
            (
                "url",
                org.and_then(|o| o.url.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.publisher_url.as_ref())
                    .collect(),
            ),
            (
                "logo",
                org.and_then(|o| o.logo.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.publisher_logo.as_ref())
                    .collect(),
            ),
        ];
        let Some((mut p, top)) =
            self.merge_parts(iv, "publisher", cur.as_ref().map(|c| &c.provenance), parts)
        else {
            return;
        };
        let Some(name) = p.remove("name") else {
            self.diags.push(Diagnostic::warning(
                "meta-publisher-without-name",
                format!(
                    "a publisher URL or logo was given ({}) but no publisher name; the publisher is left out — give its name too",
                    p.0.iter().map(|(_, v)| describe(&v.provenance)).collect::<Vec<_>>().join(", ")
                ),
                None,
            ));
            for k in ["publisher.url", "publisher.logo"] {
                iv.meta.field_provenance.remove(k);
            }
            return;
        };
        iv.meta.publisher = Some(Sourced::new(
            Organization {
                name: name.value,
                url: p.remove("url").map(|v| v.value),
                logo: p.remove("logo").map(|v| v.value),
            },
            top,
        ));
    }

    fn merge_rights(&mut self, iv: &mut Interview, inputs: &[Input]) {
        let cur = iv.meta.rights.clone();
        let r = cur.as_ref().map(|c| &c.value);
        let parts = vec![
            (
                "copyright_holder",
                r.and_then(|r| r.copyright_holder.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.copyright_holder.as_ref())
                    .collect(),
            ),
            (
                "copyright_notice",
                r.and_then(|r| r.copyright_notice.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.copyright_notice.as_ref())
                    .collect(),
            ),
            (
                "license",
                r.and_then(|r| r.license.clone()),
                inputs.iter().filter_map(|i| i.license.as_ref()).collect(),
            ),
        ];
        if let Some((mut p, top)) =
            self.merge_parts(iv, "rights", cur.as_ref().map(|c| &c.provenance), parts)
        {
            iv.meta.rights = Some(Sourced::new(
                Rights {
                    copyright_holder: p.remove("copyright_holder").map(|v| v.value),
                    copyright_notice: p.remove("copyright_notice").map(|v| v.value),
                    license: p.remove("license").map(|v| v.value),
                },
                top,
            ));
        }
    }

    fn merge_translation(&mut self, iv: &mut Interview, inputs: &[Input]) {
        let cur = iv.meta.translation.clone();
        let t = cur.as_ref().map(|c| &c.value);
        let parts = vec![
            (
                "original_url",
                t.and_then(|t| t.original_url.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.original_url.as_ref())
                    .collect(),
            ),
            (
                "original_language",
                t.and_then(|t| t.original_language.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.original_language.as_ref())
                    .collect(),
            ),
            (
                "original_headline",
                t.and_then(|t| t.original_headline.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.original_headline.as_ref())
                    .collect(),
            ),
            (
                "translator",
                t.and_then(|t| t.translator.clone()),
                inputs
                    .iter()
                    .filter_map(|i| i.translator.as_ref())
                    .collect(),
            ),
        ];
        if let Some((mut p, top)) = self.merge_parts(
            iv,
            "translation",
            cur.as_ref().map(|c| &c.provenance),
            parts,
        ) {
            iv.meta.translation = Some(Sourced::new(
                Translation {
                    original_url: p.remove("original_url").map(|v| v.value),
                    original_language: p.remove("original_language").map(|v| v.value),
                    original_headline: p.remove("original_headline").map(|v| v.value),
                    translator: p.remove("translator").map(|v| v.value),
                },
                top,
            ));
        }
    }

    /// People of one role given by metadata:
    /// 1. The highest layer that names people of this role decides who they are; a lower
    ///    layer naming others is a conflict, but may add a job title / affiliation to a
    ///    person of the same name.
    /// 2. Each given person is matched with a person of the same role from the text whose
    ///    name is the same or a part of it ("Knapper" ⊂ "Marc Knapper") or whose label
    ///    shares a word with it; the match keeps its labels and takes the given name, job
    ///    title and affiliation (conflicting ones from the text are warned about).
    /// 3. If exactly one given person and exactly one text person of the role remain
    ///    unmatched, the text's person is replaced (a conflict warning names both).
    /// 4. Other given people are added. Text people are never removed, so speaker indexes
    ///    stay valid.
    /// 5. When the role then has exactly one person, every turn of that role without a
    ///    speaker (and every `Other` turn of the matching kind: answers for interviewees,
    ///    questions for interviewers) gets that person as its speaker.
    fn merge_people(&mut self, iv: &mut Interview, role: Role, lists: Vec<&Vec<PersonIn>>) {
        let lists: Vec<&Vec<PersonIn>> = lists.into_iter().filter(|l| !l.is_empty()).collect();
        let Some(winner) = lists.first() else {
            return;
        };
        let what = format!("{}s", role.as_str());
        let names = |l: &[PersonIn]| {
            format!(
                "[{}]",
                l.iter()
                    .map(|p| format!("\"{}\"", p.name.value))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut given: Vec<PersonIn> = winner.to_vec();
        for other in &lists[1..] {
            let same = other.len() == given.len()
                && other
                    .iter()
                    .zip(&given)
                    .all(|(a, b)| a.name.value.same(&b.name.value));
            if !same {
                self.conflict(
                    &what,
                    names(&given),
                    &given[0].name.provenance,
                    names(other),
                    &other[0].name.provenance,
                );
            }
            for lower in other.iter() {
                if let Some(g) = given
                    .iter_mut()
                    .find(|g| g.name.value.same(&lower.name.value))
                {
                    let who = g.name.value.clone();
                    for (part, mine, theirs) in [
                        ("job title", &mut g.job_title, &lower.job_title),
                        ("affiliation", &mut g.affiliation, &lower.affiliation),
                    ] {
                        // The higher layer's value (if any) first, then the lower's.
                        let higher = mine.take();
                        let candidates: Vec<&Sourced<String>> =
                            higher.iter().chain(theirs.iter()).collect();
                        self.merge(&format!("{who}'s {part}"), mine, candidates);
                    }
                }
            }
        }

        let given_names: Vec<String> = given
            .iter()
            .map(|g| format!("\"{}\"", g.name.value))
            .collect();
        let text_people: Vec<usize> = (0..iv.people.len())
            .filter(|&i| iv.people[i].role == role)
            .collect();
        let mut matched_text = Vec::new();
        let mut unmatched_given = Vec::new();
        for g in given {
            let found = text_people.iter().copied().find(|i| {
                !matched_text.contains(i) && person_matches(&iv.people[*i], &g.name.value)
            });
            match found {
                Some(i) => {
                    matched_text.push(i);
                    self.enrich(&mut iv.people[i], g, false);
                }
                None => unmatched_given.push(g),
            }
        }
        let unmatched_text: Vec<usize> = text_people
            .iter()
            .copied()
            .filter(|i| !matched_text.contains(i))
            .collect();
        if unmatched_given.len() == 1 && unmatched_text.len() == 1 {
            let g = unmatched_given.pop().expect("one left");
            self.enrich(&mut iv.people[unmatched_text[0]], g, true);
        } else {
            for g in unmatched_given {
                iv.people.push(Person {
                    name: g.name,
                    role,
                    job_title: g.job_title,
                    affiliation: g.affiliation,
                    labels: Vec::new(),
                });
            }
            // The text names someone the metadata does not: kept (their turns stay
            // theirs), but the user should know the lists disagree.
            for &i in &unmatched_text {
                let p = &iv.people[i];
                self.diags.push(Diagnostic::warning(
                    "meta-person-kept",
                    format!(
                        "{} \"{}\" from {} is not among the {}s given as metadata ({}); kept",
                        role.as_str(),
                        p.name.value,
                        describe(&p.name.provenance),
                        role.as_str(),
                        given_names.join(", ")
                    ),
                    text_span(&p.name.provenance),
                ));
            }
        }
        self.attribute_turns(iv, role);
    }

    /// Gives a text person the metadata's name, job title and affiliation.
    fn enrich(&mut self, p: &mut Person, g: PersonIn, replacing: bool) {
        if !p.name.value.same(&g.name.value) {
            if replacing && !matches!(p.name.provenance, Provenance::Inferred { .. }) {
                self.conflict(
                    &format!("{} name", p.role.as_str()),
                    g.name.value.show(),
                    &g.name.provenance,
                    p.name.value.show(),
                    &p.name.provenance,
                );
            } else {
                self.diags.push(Diagnostic::info(
                    "meta-name-completed",
                    format!(
                        "{} \"{}\" from {} is taken as \"{}\" from {}",
                        p.role.as_str(),
                        p.name.value,
                        describe(&p.name.provenance),
                        g.name.value,
                        describe(&g.name.provenance)
                    ),
                    text_span(&p.name.provenance),
                ));
            }
        }
        let who = g.name.value.clone();
        p.name = g.name;
        let job: Vec<&Sourced<String>> = g.job_title.iter().collect();
        self.merge(&format!("{who}'s job title"), &mut p.job_title, job);
        let aff: Vec<&Sourced<String>> = g.affiliation.iter().collect();
        self.merge(&format!("{who}'s affiliation"), &mut p.affiliation, aff);
    }

    fn attribute_turns(&mut self, iv: &mut Interview, role: Role) {
        let of_role: Vec<usize> = (0..iv.people.len())
            .filter(|&i| iv.people[i].role == role)
            .collect();
        let kind = if role == Role::Interviewer {
            TurnKind::Question
        } else {
            TurnKind::Answer
        };
        let fits = |t: &crate::model::Turn| {
            t.speaker.is_none() && (t.role == role || (t.role == Role::Other && t.kind == kind))
        };
        let open = iv
            .turns
            .iter()
            .chain(iv.closing.iter())
            .filter(|t| fits(t))
            .count();
        if open == 0 {
            return;
        }
        if of_role.len() != 1 {
            let names: Vec<String> = of_role
                .iter()
                .map(|&i| format!("\"{}\"", iv.people[i].name.value))
                .collect();
            self.diags.push(Diagnostic::warning(
                "meta-speaker-unknown",
                format!(
                    "{open} {} turn(s) have no speaker and there are {} {}s ({}); label the turns in the text to say who speaks",
                    role.as_str(),
                    of_role.len(),
                    role.as_str(),
                    names.join(", ")
                ),
                None,
            ));
            return;
        }
        let who = of_role[0];
        for t in iv.turns.iter_mut().chain(iv.closing.iter_mut()) {
            if fits(t) {
                t.speaker = Some(who);
                t.role = role;
            }
        }
        let p = &iv.people[who];
        self.diags.push(Diagnostic::info(
            "meta-speaker-attributed",
            format!(
                "{open} {} turn(s) without a named speaker are attributed to \"{}\" (from {})",
                role.as_str(),
                p.name.value,
                describe(&p.name.provenance)
            ),
            None,
        ));
    }

    /// Image entry N applies to figure N; entries past the text's figures add figures.
    fn merge_figures(&mut self, iv: &mut Interview, layers: Vec<&Vec<ImageIn>>) {
        let n = layers.iter().map(|l| l.len()).max().unwrap_or(0);
        for i in 0..n {
            let at: Vec<&ImageIn> = layers.iter().filter_map(|l| l.get(i)).collect();
            let any = at.iter().any(|im| {
                im.image_url.is_some()
                    || im.credit.is_some()
                    || im.photographer.is_some()
                    || im.caption.is_some()
                    || im.alt.is_some()
            });
            if !any {
                continue;
            }
            if iv.figures.len() <= i {
                if iv.figures.len() < i {
                    self.diags.push(Diagnostic::warning(
                        "meta-image-gap",
                        format!(
                            "image {} is given but image {} is not; images apply by position",
                            i + 1,
                            iv.figures.len() + 1
                        ),
                        None,
                    ));
                }
                while iv.figures.len() <= i {
                    iv.figures.push(Figure {
                        caption: None,
                        credit: None,
                        photographer: None,
                        image_url: None,
                        alt: None,
                        span: 0..0,
                    });
                }
                self.diags.push(Diagnostic::info(
                    "meta-image-added",
                    format!(
                        "image {} is not in the text; it is added from metadata",
                        i + 1
                    ),
                    None,
                ));
            }
            let span = iv.figures[i].span.clone();
            macro_rules! part {
                ($f:ident, $name:literal) => {{
                    let path = format!("figures[{i}].{}", $name);
                    let prov = iv
                        .meta
                        .field_provenance
                        .get(&path)
                        .cloned()
                        .unwrap_or(Provenance::Text { span: span.clone() });
                    let mut cur = iv.figures[i].$f.take().map(|v| Sourced::new(v, prov));
                    let given: Vec<&Sourced<String>> =
                        at.iter().filter_map(|im| im.$f.as_ref()).collect();
                    let touched = !given.is_empty();
                    self.merge(
                        &format!("image {} {}", i + 1, $name.replace('_', " ")),
                        &mut cur,
                        given,
                    );
                    if let Some(v) = cur {
                        if touched {
                            iv.meta.field_provenance.insert(path, v.provenance.clone());
                        }
                        iv.figures[i].$f = Some(v.value);
                    }
                }};
            }
            part!(image_url, "image_url");
            part!(credit, "credit");
            part!(photographer, "photographer");
            part!(caption, "caption");
            part!(alt, "alt");
        }
    }
}

/// Whether a given name denotes this person from the text.
fn person_matches(p: &Person, name: &str) -> bool {
    let given = words(name);
    let have = words(&p.name.value);
    if !given.is_empty()
        && !have.is_empty()
        && (given.iter().all(|w| have.contains(w)) || have.iter().all(|w| given.contains(w)))
    {
        return true;
    }
    p.labels.iter().any(|l| {
        words(l)
            .iter()
            .any(|w| w.chars().count() >= 3 && given.contains(w))
    })
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
