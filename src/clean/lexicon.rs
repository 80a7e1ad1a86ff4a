//! The boilerplate vocabularies, read from `data/<lang>/comment_headings.txt` and
//! `data/<lang>/boilerplate_*.txt` of every language at once (a page's language label is often
//! wrong, and a French site runs an English comment plugin), normalised once.

use std::sync::OnceLock;

use crate::lang;

pub struct Lexicon {
    pub comments: Vec<String>,
    pub related: Vec<String>,
    pub share: Vec<String>,
    pub newsletter: Vec<String>,
    pub cookie: Vec<String>,
    pub mobile: Vec<String>,
    pub reply: Vec<String>,
    pub ads: Vec<String>,
}

fn load(name: &str) -> Vec<String> {
    let mut v: Vec<String> = lang::table_all(name)
        .map(|(_, e)| norm(e))
        .filter(|e| !e.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon {
        comments: load("comment_headings"),
        related: load("boilerplate_related"),
        share: load("boilerplate_share"),
        newsletter: load("boilerplate_newsletter"),
        cookie: load("boilerplate_cookie"),
        mobile: load("boilerplate_mobile"),
        reply: load("boilerplate_reply"),
        ads: load("boilerplate_ads"),
    })
}

/// Lower case, letters kept (any script), apostrophes unified, digits and punctuation dropped,
/// spaces collapsed: "3 Commentaires :" → "commentaires", "Abonnez-vous" → "abonnez vous".
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        let c = if ch == '’' || ch == '\'' || ch == 'ʼ' {
            '\''
        } else if ch.is_alphabetic() {
            ch
        } else {
            ' '
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
    out
}

/// Does a (normalised) label match an entry: equal to it, or starting with it and adding at most
/// `extra` words ("Leave a Reply to Jane Doe", "Comments (12)").
pub fn label_matches(label: &str, entries: &[String], extra: usize) -> bool {
    entries.iter().any(|e| {
        label == e
            || (label.len() > e.len()
                && label.starts_with(e.as_str())
                && label.as_bytes()[e.len()] == b' '
                && label[e.len()..]
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .count()
                    <= extra)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_matches() {
        assert_eq!(norm("  3 Commentaires :"), "commentaires");
        assert_eq!(norm("Abonnez-vous à l’info"), "abonnez vous à l'info");
        let l = lexicon();
        assert!(label_matches(&norm("LEAVE A REPLY"), &l.comments, 2));
        assert!(label_matches(&norm("Aucun commentaire"), &l.comments, 2));
        assert!(label_matches(
            &norm("Laisser un commentaire"),
            &l.comments,
            2
        ));
        assert!(label_matches(&norm("Réagissez"), &l.comments, 2));
        assert!(label_matches(&norm("12 Kommentare"), &l.comments, 2));
        assert!(!label_matches(
            &norm("Comments from the minister on the budget"),
            &l.comments,
            2
        ));
        assert!(label_matches(
            &norm("Quitter la version mobile"),
            &l.mobile,
            0
        ));
    }
}
