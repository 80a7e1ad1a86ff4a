//! The boilerplate vocabularies, read from `data/<lang>/comment_headings.txt` and
//! `data/<lang>/boilerplate_*.txt` of every language at once (a page's language label is often
//! wrong, and a French site runs an English comment plugin), normalised once.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang;

/// One table, normalised, as a set (a label is looked up, not compared with every entry).
pub type Entries = HashSet<String>;

pub struct Lexicon {
    pub comments: Entries,
    pub related: Entries,
    pub share: Entries,
    pub newsletter: Entries,
    pub cookie: Entries,
    pub mobile: Entries,
    pub reply: Entries,
    pub ads: Entries,
}

fn load(name: &str) -> Entries {
    lang::table_all(name)
        .map(|(_, e)| norm(e))
        .filter(|e| !e.is_empty())
        .collect()
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
/// `extra` words ("Leave a Reply to Jane Doe", "Comments (12)"). At most `extra + 1` lookups.
pub fn label_matches(label: &str, entries: &Entries, extra: usize) -> bool {
    if label.is_empty() || label.len() > 160 {
        return false;
    }
    let mut cut = label;
    for _ in 0..=extra {
        if entries.contains(cut) {
            return true;
        }
        match cut.rfind(' ') {
            Some(i) => cut = &cut[..i],
            None => return false,
        }
    }
    false
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
