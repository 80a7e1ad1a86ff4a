//! Which language the article is written in: what the page declares, checked against its text.
//!
//! The text is identified by `whatlang` (trigram profiles of 69 languages). The declared language
//! is kept unless the text reliably says otherwise; a page that declares none gets the text's.
//! Codes are ISO 639-1, as pages declare them and as `data/<lang>/` is named
//! (`data/common/language_codes.txt` maps whatlang's ISO 639-3 codes).

use crate::lang;

/// How much of the article's text is identified: enough for a reliable answer, bounded in time.
pub const SAMPLE_BYTES: usize = 1500;

/// A kind of fact the sidebar gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    People,
    Organizations,
    Places,
    Dates,
    Meetings,
    Topics,
}

impl Fact {
    /// Its name in notices (the sidebar translates it).
    pub fn name(self) -> &'static str {
        match self {
            Fact::People => "people",
            Fact::Organizations => "organizations",
            Fact::Places => "places",
            Fact::Dates => "dates",
            Fact::Meetings => "meetings",
            Fact::Topics => "topics",
        }
    }

    /// The tables of `data/<lang>/` it cannot be read without: a language that lacks one of them
    /// gets no such facts (rather than guesses).
    fn tables(self) -> &'static [&'static str] {
        match self {
            Fact::People => &["stopwords", "titles"],
            Fact::Organizations => &["stopwords", "org_heads"],
            Fact::Places => &["stopwords", "countries"],
            Fact::Dates => &["months"],
            Fact::Meetings => &["stopwords", "titles", "meeting_triggers"],
            Fact::Topics => &["stopwords", "topic_stop"],
        }
    }
}

/// Every fact, in sidebar order.
const FACTS: [Fact; 6] = [
    Fact::People,
    Fact::Organizations,
    Fact::Places,
    Fact::Dates,
    Fact::Meetings,
    Fact::Topics,
];

/// What the text says of its own language.
#[derive(Clone, Debug, PartialEq)]
pub struct Identified {
    pub code: String,
    /// whatlang's own verdict: the best language is well ahead of the second.
    pub reliable: bool,
}

/// The language of `text`, if it has letters enough to tell.
pub fn identify(text: &str) -> Option<Identified> {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let info = whatlang::detect(&text[..cut])?;
    let code3 = info.lang().code();
    let code = lang::table("common", "language_codes")
        .iter()
        .filter_map(|row| row.split_once('|'))
        .find(|(three, _)| *three == code3)
        .map_or(code3, |(_, two)| two);
    Some(Identified {
        code: code.to_string(),
        reliable: info.is_reliable(),
    })
}

/// The article's language: the declared one unless the text reliably contradicts it, the text's
/// when nothing is declared.
pub fn decide(declared: Option<&str>, text: &str) -> Option<String> {
    let found = identify(text);
    match (declared, found) {
        (Some(d), Some(f)) if f.reliable && f.code != d => Some(f.code),
        (Some(d), _) => Some(d.to_string()),
        (None, found) => found.map(|f| f.code),
    }
}

/// The facts that cannot be read in `code` because its tables are missing, in sidebar order.
pub fn missing_facts(code: &str) -> Vec<Fact> {
    FACTS
        .into_iter()
        .filter(|f| f.tables().iter().any(|t| lang::table(code, t).is_empty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Le directeur général de la police a rencontré mercredi ses homologues français \
        à Paris pour discuter de la coopération entre les deux pays dans la lutte contre le terrorisme.";
    const DE: &str = "Die Bundesministerin hat am Mittwoch ihren französischen Amtskollegen in Berlin \
        getroffen, um über die Zusammenarbeit der beiden Länder im Kampf gegen den Terrorismus zu sprechen.";

    #[test]
    fn the_text_decides_when_the_page_declares_nothing() {
        assert_eq!(decide(None, FR).as_deref(), Some("fr"));
        assert_eq!(decide(None, DE).as_deref(), Some("de"));
    }

    #[test]
    fn a_declaration_the_text_contradicts_is_overruled() {
        assert_eq!(decide(Some("en"), DE).as_deref(), Some("de"));
        assert_eq!(decide(Some("fr"), FR).as_deref(), Some("fr"));
    }

    #[test]
    fn a_declaration_stands_when_the_text_is_too_short_to_tell() {
        assert_eq!(decide(Some("es"), "OK").as_deref(), Some("es"));
        assert_eq!(decide(None, "").as_deref(), None);
    }

    #[test]
    fn a_language_without_tables_lacks_every_fact() {
        assert_eq!(
            missing_facts("it")
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>(),
            vec![
                "people",
                "organizations",
                "places",
                "dates",
                "meetings",
                "topics"
            ]
        );
        assert!(missing_facts("fr").is_empty() && missing_facts("en").is_empty());
    }
}
