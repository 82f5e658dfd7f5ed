//! Metadata given on the command line, as a plain struct the CLI fills one flag to one
//! field. Values are checked (dates, language, URLs) when applied, and errors name the
//! flag. [`FlagMeta::FLAGS`] is the flag name each field is reported under in provenance.

/// Command-line metadata. Lists are repeated flags; the job-title / affiliation lists pair
/// with the names by position (the first `--interviewee-job-title` belongs to the first
/// `--interviewee`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlagMeta {
    /// `--headline`
    pub headline: Option<String>,
    /// `--alternative-headline`
    pub alternative_headline: Option<String>,
    /// `--description`
    pub description: Option<String>,
    /// `--lang`
    pub lang: Option<String>,
    /// `--published`
    pub published: Option<String>,
    /// `--modified`
    pub modified: Option<String>,
    /// `--source-url`
    pub source_url: Option<String>,
    /// `--url`
    pub url: Option<String>,
    /// `--section`
    pub section: Option<String>,
    /// `--keyword` (repeatable)
    pub keywords: Vec<String>,
    /// `--publisher` (the name)
    pub publisher: Option<String>,
    /// `--publisher-url`
    pub publisher_url: Option<String>,
    /// `--publisher-logo`
    pub publisher_logo: Option<String>,
    /// `--interviewer` (repeatable)
    pub interviewers: Vec<String>,
    /// `--interviewer-job-title` (repeatable, by position)
    pub interviewer_job_titles: Vec<String>,
    /// `--interviewer-affiliation` (repeatable, by position)
    pub interviewer_affiliations: Vec<String>,
    /// `--interviewee` (repeatable)
    pub interviewees: Vec<String>,
    /// `--interviewee-job-title` (repeatable, by position)
    pub interviewee_job_titles: Vec<String>,
    /// `--interviewee-affiliation` (repeatable, by position)
    pub interviewee_affiliations: Vec<String>,
    /// `--copyright-holder`
    pub copyright_holder: Option<String>,
    /// `--copyright-notice`
    pub copyright_notice: Option<String>,
    /// `--license`
    pub license: Option<String>,
    /// `--original-url`
    pub original_url: Option<String>,
    /// `--original-language`
    pub original_language: Option<String>,
    /// `--original-headline`
    pub original_headline: Option<String>,
    /// `--translator`
    pub translator: Option<String>,
    /// `--identifier scheme=value` (repeatable)
    pub identifiers: Vec<String>,
    /// `--image-url` (repeatable, by photo position)
    pub image_urls: Vec<String>,
    /// `--image-credit` (repeatable, by photo position)
    pub image_credits: Vec<String>,
    /// `--image-photographer` (repeatable, by photo position)
    pub image_photographers: Vec<String>,
}

impl FlagMeta {
    /// The flag each field is reported under (`Provenance::Flag { name }`), field → flag.
    pub const FLAGS: [(&'static str, &'static str); 30] = [
        ("headline", "--headline"),
        ("alternative_headline", "--alternative-headline"),
        ("description", "--description"),
        ("lang", "--lang"),
        ("published", "--published"),
        ("modified", "--modified"),
        ("source_url", "--source-url"),
        ("url", "--url"),
        ("section", "--section"),
        ("keywords", "--keyword"),
        ("publisher", "--publisher"),
        ("publisher_url", "--publisher-url"),
        ("publisher_logo", "--publisher-logo"),
        ("interviewers", "--interviewer"),
        ("interviewer_job_titles", "--interviewer-job-title"),
        ("interviewer_affiliations", "--interviewer-affiliation"),
        ("interviewees", "--interviewee"),
        ("interviewee_job_titles", "--interviewee-job-title"),
        ("interviewee_affiliations", "--interviewee-affiliation"),
        ("copyright_holder", "--copyright-holder"),
        ("copyright_notice", "--copyright-notice"),
        ("license", "--license"),
        ("original_url", "--original-url"),
        ("original_language", "--original-language"),
        ("original_headline", "--original-headline"),
        ("translator", "--translator"),
        ("identifiers", "--identifier"),
        ("image_urls", "--image-url"),
        ("image_credits", "--image-credit"),
        ("image_photographers", "--image-photographer"),
    ];

    /// True when no metadata flag was given.
    pub fn is_empty(&self) -> bool {
        *self == FlagMeta::default()
    }
}
