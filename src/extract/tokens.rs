//! Sentences and tokens. Hand-written scanning (no regex): words keep internal hyphens
//! ("Jean-Pierre", "DGSN-DGST"), French elisions are split after the apostrophe ("l’", "d’"),
//! initials and dotted abbreviations keep their periods ("A.", "U.S.", "M."), and a period after
//! a known abbreviation or honorific does not end a sentence.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the tables are many short words, hashed at start-up and per token; SipHash's
/// protection against hash flooding is not needed for embedded data.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte range in the text the tokens were read from.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lowercase, apostrophes as ’, final period of an abbreviation removed.
    pub lower: String,
    /// First character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase and there are at least two (DGSN, ČTK).
    pub upper: bool,
    /// The token is followed by whitespace in the text.
    pub space_after: bool,
}

/// Lowercase words of every language's table `name` (data/<lang>/<name>.txt), read once.
fn word_set(cell: &'static OnceLock<HashSet<String>>, name: &str) -> &'static HashSet<String> {
    cell.get_or_init(|| {
        crate::lang::table_all(name)
            .map(|(_, w)| w.to_lowercase())
            .collect()
    })
}

/// Elided words split after their apostrophe ("l’", "jusqu’"): data/<lang>/elisions.txt.
fn elisions() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    word_set(&S, "elisions")
}

/// Possessive clitics made tokens of their own ("’s"): data/<lang>/possessive_clitics.txt.
fn possessive_clitics() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut v: Vec<String> = crate::lang::table_all("possessive_clitics")
            .map(|(_, w)| w.to_lowercase())
            .collect();
        v.dedup();
        v
    })
}

/// A possessive clitic token as the tokenizer makes it ("’s"): a typographic apostrophe and an
/// entry of possessive_clitics.txt.
pub fn is_clitic(w: &str) -> bool {
    w.strip_prefix('’')
        .is_some_and(|r| possessive_clitics().iter().any(|c| c == r))
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

/// Split `text` into tokens. `abbrev` holds lowercase words (without period) whose period is part
/// of the word ("m", "mme", "dr", "gen").
pub fn tokenize(text: &str, abbrev: &HashSet<String>) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| if i < n { chars[i].1 } else { ' ' };
    let off = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let (elisions, clitics) = (elisions(), possessive_clitics());
    let mut toks = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let mut j = i;
            loop {
                while j < n && at(j).is_alphanumeric() {
                    j += 1;
                }
                let c2 = at(j);
                // a soft hyphen (U+00AD, "Zusammen\u{ad}arbeit") is inside the word
                if (c2 == '-' || c2 == '‑' || c2 == '\u{ad}') && at(j + 1).is_alphanumeric() {
                    j += 1;
                    continue;
                }
                if is_apos(c2) && at(j + 1).is_alphabetic() {
                    let word: String = chars[start..j]
                        .iter()
                        .map(|x| x.1)
                        .collect::<String>()
                        .to_lowercase();
                    if elisions.contains(&word) {
                        j += 1; // keep the apostrophe with the elided word, then stop
                        break;
                    }
                    let mut e = j + 1;
                    while e < n && at(e).is_alphanumeric() {
                        e += 1;
                    }
                    let after = &chars[j + 1..e];
                    if clitics
                        .iter()
                        .any(|c| c.chars().eq(after.iter().flat_map(|x| x.1.to_lowercase())))
                    {
                        break; // possessive: its own token
                    }
                    j += 1;
                    continue;
                }
                // dotted abbreviations: U.S. / N.Y. / a.m.
                if c2 == '.' && j - start == 1 && at(j + 1).is_alphabetic() && at(j + 2) == '.' {
                    j += 3;
                    while at(j).is_alphabetic() && at(j + 1) == '.' {
                        j += 2;
                    }
                    break;
                }
                break;
            }
            let word_end = j;
            let w = &text[off(start)..off(word_end)];
            let all_digits = w.chars().all(|c| c.is_ascii_digit() || c == '-');
            kind = if all_digits { Kind::Num } else { Kind::Word };
            // a period that belongs to the word: initials (A.) and known abbreviations
            if at(j) == '.' && !w.ends_with('.') && kind == Kind::Word {
                let lw = w.to_lowercase();
                let single_upper = w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
                if single_upper || abbrev.contains(&lw) {
                    j += 1;
                }
            }
            i = j;
        } else if is_apos(c)
            && (at(i + 1) == 's' || at(i + 1) == 'S')
            && !at(i + 2).is_alphanumeric()
        {
            i += 2;
            kind = Kind::Word;
        } else {
            i += 1;
            kind = Kind::Punct;
            // runs of the same punctuation (... or --) are one token
            while i < n && at(i) == c && (c == '.' || c == '-') {
                i += 1;
            }
        }
        let s = off(start);
        let e = off(i);
        let raw = &text[s..e];
        let mut lower = raw.to_lowercase();
        if lower.contains(['\'', 'ʼ']) {
            lower = lower.replace(['\'', 'ʼ'], "’");
        }
        if lower.contains('\u{ad}') {
            lower = lower.replace('\u{ad}', "");
        }
        if kind == Kind::Word && lower.ends_with('.') && !lower[..lower.len() - 1].contains('.') {
            lower.pop();
        }
        // One pass over the token: letters, whether all are capitals, digits, length.
        let (mut letters, mut all_upper, mut digits, mut count) = (0usize, true, false, 0usize);
        for c in raw.chars() {
            count += 1;
            if c.is_alphabetic() {
                letters += 1;
                all_upper &= c.is_uppercase();
            }
            digits |= c.is_ascii_digit();
        }
        let cap = raw.chars().next().is_some_and(|c| c.is_uppercase());
        let upper = (letters >= 2 || letters == 1 && digits && count <= 3) && all_upper;
        toks.push(Tok {
            start: s,
            end: e,
            kind,
            lower,
            cap,
            upper,
            space_after: at(i).is_whitespace(),
        });
    }
    toks
}

/// Sentence boundaries over a block's tokens: token index ranges.
pub fn sentences(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let end_mark =
            t.kind == Kind::Punct && matches!(&text[t.start..t.end], "." | "!" | "?" | "…" | "...");
        if end_mark {
            // closing quotes / brackets stay with the sentence
            let mut j = i + 1;
            while j < toks.len()
                && toks[j].kind == Kind::Punct
                && matches!(
                    &text[toks[j].start..toks[j].end],
                    "»" | "\"" | "”" | ")" | "’"
                )
            {
                j += 1;
            }
            let next_starts = j >= toks.len()
                || toks[j].cap
                || toks[j].kind == Kind::Num
                || matches!(
                    &text[toks[j].start..toks[j].end],
                    "«" | "\"" | "“" | "(" | "—" | "-"
                );
            if next_starts {
                out.push((s, j));
                s = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if s < toks.len() {
        out.push((s, toks.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ab() -> HashSet<String> {
        ["m", "mme", "dr", "gen", "mr"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn honorifics_and_initials_do_not_end_sentences() {
        let t = "Selon M. Dupont, le Dr. Smith et Elizabeth A. Burton sont venus. Les U.S. officials met.";
        let toks = tokenize(t, &ab());
        let s = sentences(t, &toks);
        assert_eq!(s.len(), 2, "{:?}", s);
        assert!(toks.iter().any(|x| &t[x.start..x.end] == "U.S."));
        assert!(toks.iter().any(|x| &t[x.start..x.end] == "A."));
    }

    #[test]
    fn elisions_and_hyphens() {
        let t = "l’Arménie, Jean-Pierre et le Pôle DGSN-DGST d'Ostrava. Mugabe's home";
        let toks = tokenize(t, &ab());
        let w: Vec<&str> = toks.iter().map(|x| &t[x.start..x.end]).collect();
        assert!(w.contains(&"l’") && w.contains(&"Arménie") && w.contains(&"Jean-Pierre"));
        assert!(w.contains(&"DGSN-DGST") && w.contains(&"d'") && w.contains(&"Mugabe"));
        assert!(w.contains(&"'s"));
    }
}
