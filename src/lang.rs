//! Language knowledge, as data. Every file `data/<lang>/<table>.txt` is embedded at build time
//! (see `build.rs`); a table is one entry per line, `#` starts a comment, blank lines are skipped.
//! `data/common/` holds tables that belong to no one language. Adding a language is adding a
//! folder of files with the same table names.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
}

/// The entries of one table of one language (empty if the language has no such table).
/// The files are split into entries at build time (`build.rs`): nothing is parsed at run time.
pub fn table(lang: &str, name: &str) -> &'static [&'static str] {
    generated::TABLES
        .iter()
        .find(|t| t.0 == lang && t.1 == name)
        .map(|t| t.2)
        .unwrap_or(&[])
}

/// Language codes that have data (excluding `common`).
pub fn languages() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = generated::TABLES
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
    generated::TABLES
        .iter()
        .filter(move |f| f.1 == name)
        .flat_map(|&(lang, _, entries)| entries.iter().map(move |&e| (lang, e)))
}
