//! `insight`: the serialisable answer of one analysis. Every fact carries evidence: the element
//! (document-order index) whose text holds the sentence, and the sentence itself.

use serde::{Deserialize, Serialize};

/// Where a fact was read: the block element (by document-order index) and the sentence.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Evidence {
    /// Document-order index of the block element (`getElementsByTagName('*')[element]`).
    pub element: u32,
    /// The sentence as it reads in the page (whitespace collapsed).
    pub sentence: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub canonical: Option<String>,
    /// The article's language (ISO 639-1): the declared one unless its text says otherwise
    /// (`crate::language`).
    pub lang: Option<String>,
    /// The language the page declares (`<html lang>`, meta tags, JSON-LD), as written there.
    pub declared_lang: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`.
    pub published: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    /// Where the publication date was read (json-ld, meta, time, url, dateline).
    pub published_source: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Hidden {
    /// Document-order element index.
    pub index: u32,
    /// Local name of the element, checked by the host before touching it.
    pub tag: String,
    pub kind: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    pub org: Option<String>,
    pub country: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Organization {
    pub name: String,
    pub acronym: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    /// ISO 3166 alpha-2 code of the country it is or lies in, when known.
    pub country: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct DateSpan {
    pub start: String,
    pub end: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DateMention {
    #[serde(flatten)]
    pub span: DateSpan,
    pub evidence: Evidence,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Meeting {
    /// Full names of people, or organisation/country when no person is named.
    pub participants: Vec<String>,
    pub place: Option<String>,
    pub date: Option<DateSpan>,
    pub topics: Vec<String>,
    /// "held" or "planned".
    pub status: String,
    /// The word or phrase that says a meeting took place.
    pub trigger: String,
    /// What kind of contact the sentence reports (`data/<lang>/meeting_kinds.txt`).
    pub kind: MeetingKind,
    pub evidence: Evidence,
}

/// The kind of a meeting, as its sentence words it; the first kind of this order whose words the
/// sentence has wins (a call to sign an agreement is a call), and "meeting" when none does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingKind {
    Call,
    Signing,
    Summit,
    Visit,
    Talks,
    #[default]
    Meeting,
}

impl MeetingKind {
    /// The kinds a table can name, in the order a sentence is tested for them.
    pub const WORDED: [MeetingKind; 5] = [
        MeetingKind::Call,
        MeetingKind::Signing,
        MeetingKind::Summit,
        MeetingKind::Visit,
        MeetingKind::Talks,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MeetingKind::Call => "call",
            MeetingKind::Signing => "signing",
            MeetingKind::Summit => "summit",
            MeetingKind::Visit => "visit",
            MeetingKind::Talks => "talks",
            MeetingKind::Meeting => "meeting",
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Topic {
    pub text: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Insight {
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub dates: Vec<DateMention>,
    pub meetings: Vec<Meeting>,
    pub topics: Vec<Topic>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Timings {
    pub parse_ms: f64,
    pub page_ms: f64,
    pub clean_ms: f64,
    pub text_ms: f64,
    pub extract_ms: f64,
    pub total_ms: f64,
}

/// The whole answer for one page.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub meta: Meta,
    /// False when the page does not look like an article (the sidebar says so).
    pub is_article: bool,
    /// Element indices of the main-content root(s).
    pub main: Vec<u32>,
    /// Blocks to hide, in document order.
    pub hidden: Vec<Hidden>,
    pub insight: Insight,
    /// Elements the reader found (the host compares with its own count).
    pub element_count: u32,
    /// Limits reached and other things the reader should know, as message keys with details.
    pub notices: Vec<String>,
    pub timings: Timings,
}
