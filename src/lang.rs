//! Language knowledge, as data. Every file `data/<lang>/<table>.txt` is embedded at build time
//! (see `build.rs`); a table is one entry per line, `#` starts a comment, blank lines are skipped.
//! `data/common/` holds tables that belong to no one language. Adding a language is adding a
//! folder of files with the same table names.

use std::sync::OnceLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
}

type Tables = Vec<(&'static str, &'static str, Vec<&'static str>)>;

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut map = Tables::new();
        for &(lang, table, text) in generated::FILES {
            let lines = text
                .lines()
                .map(|l| l.split_once(" #").map(|(a, _)| a).unwrap_or(l).trim())
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            map.push((lang, table, lines));
        }
        map
    })
}

/// The entries of one table of one language (empty if the language has no such table).
pub fn table(lang: &str, name: &str) -> &'static [&'static str] {
    tables()
        .iter()
        .find(|t| t.0 == lang && t.1 == name)
        .map(|t| t.2.as_slice())
        .unwrap_or(&[])
}

/// Language codes that have data (excluding `common`).
pub fn languages() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = generated::FILES
        .iter()
        .map(|f| f.0)
        .filter(|&l| l != "common")
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The entries of one table across every language (for cues that do not depend on the page's
/// language, e.g. comment-section headings on a page whose language is mislabelled).
pub fn table_all(name: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    generated::FILES
        .iter()
        .filter(move |f| f.1 == name)
        .flat_map(|&(lang, _, _)| table(lang, name).iter().map(move |&e| (lang, e)))
}
