//! Dates: absolute ("12 juillet 2024", "July 25, 2019"), ranges ("du 26 au 28 juin 2024",
//! "June 26-28", "Du 23 au 25 avril"), weekdays ("mercredi soir", "on Wednesday", "ce vendredi")
//! and relative expressions ("hier", "last weekend", "le même jour") anchored on the publication
//! date, normalised to ISO `YYYY-MM-DD`.

use super::lex::Lex;
use super::tokens::{Kind, Tok};
use crate::lang;

pub use crate::calendar::{
    civil_from_days, days_from_civil, iso, parse_iso, strip_ordinal, valid, weekday, Ymd,
};

#[derive(Clone, Debug)]
pub struct DateHit {
    pub first: usize,
    /// Exclusive token end.
    pub last: usize,
    pub start: Ymd,
    pub end: Ymd,
    /// Full date with a year written in the text.
    pub explicit_year: bool,
}

fn num(t: &Tok, text: &str) -> Option<u32> {
    if t.kind != Kind::Num {
        return None;
    }
    let s = &text[t.start..t.end];
    s.trim_end_matches(['e', 'r']).parse().ok()
}

fn day_of(t: &Tok, text: &str) -> Option<u32> {
    let s = &text[t.start..t.end];
    // Most words are not days: answer before the ending strips.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) || s.len() > 4 {
        return None;
    }
    let s = strip_ordinal(s);
    let n: u32 = s.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// A number token, or a day number with an ordinal suffix ("1er", "1º", "21st").
fn day_tok(t: &Tok, text: &str) -> bool {
    t.kind == Kind::Num || {
        let s = &text[t.start..t.end];
        let n = strip_ordinal(s);
        n.len() < s.len() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    }
}

fn year_of(t: &Tok, text: &str) -> Option<i32> {
    let n = num(t, text)?;
    (1900..2100).contains(&n).then_some(n as i32)
}

/// A "D-D" token (26-28).
fn day_range(t: &Tok, text: &str) -> Option<(u32, u32)> {
    if t.kind != Kind::Num {
        return None;
    }
    let (a, b) = text[t.start..t.end].split_once('-')?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    ((1..=31).contains(&a) && (1..=31).contains(&b) && a < b).then_some((a, b))
}

/// Context for resolving a date without a year or relative to publication.
pub struct Anchor {
    pub published: Option<Ymd>,
    /// The last date mentioned (for "le même jour").
    pub last: Option<(Ymd, Ymd)>,
    /// The sentence speaks of the future (weekday goes forward).
    pub future: bool,
}

fn with_year(m: u32, d: u32, a: &Anchor) -> Option<Ymd> {
    let p = a.published?;
    let mut y = p.0;
    // a date more than ~ten months after publication is last year's; a month well before the
    // publication in an article about the future is next year's
    let cand = valid((y, m, d))?;
    let diff = days_from_civil(cand.0, cand.1, cand.2) - days_from_civil(p.0, p.1, p.2);
    if diff > 300 {
        y -= 1;
    } else if diff < -300 && a.future {
        y += 1;
    }
    valid((y, m, d))
}

fn word_is(lex: &Lex, role: &str, w: &str) -> bool {
    lex.date_words
        .iter()
        .any(|(r, ws)| r == role && ws.len() == 1 && ws[0] == w)
}

fn month_at(lex: &Lex, toks: &[Tok], i: usize) -> Option<u32> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let m = *lex.months.get(&t.lower)?;
    // short month names ("mar", "may", "sept") must be capitalised in English-like use, and
    // "mars"/"mai" are fine lowercase in French: accept when the word has 3+ letters
    (t.lower.chars().count() >= 3).then_some(m)
}

/// Find the dates of one sentence.
pub fn find(lex: &Lex, text: &str, toks: &[Tok], anchor: &mut Anchor) -> Vec<DateHit> {
    // "am 9. Juli", "vom 3. bis 5. Juni": the period of an ordinal day number is read past
    let n = toks.len();
    let ordinal_dot = |k: usize| {
        k > 0
            && k + 1 < n
            && &text[toks[k].start..toks[k].end] == "."
            && toks[k - 1].kind == Kind::Num
            && toks[k - 1].end - toks[k - 1].start <= 2
            && (lex.months.contains_key(&toks[k + 1].lower)
                || word_is(lex, "to", &toks[k + 1].lower))
    };
    if !(0..n).any(ordinal_dot) {
        return find_in(lex, text, toks, anchor);
    }
    let keep: Vec<usize> = (0..n).filter(|&k| !ordinal_dot(k)).collect();
    let sub: Vec<Tok> = keep.iter().map(|&k| toks[k].clone()).collect();
    let mut hits = find_in(lex, text, &sub, anchor);
    for h in hits.iter_mut() {
        h.first = keep[h.first];
        h.last = if h.last == 0 { 0 } else { keep[h.last - 1] + 1 };
    }
    hits
}

fn find_in(lex: &Lex, text: &str, toks: &[Tok], anchor: &mut Anchor) -> Vec<DateHit> {
    let mut out: Vec<DateHit> = Vec::new();
    let mut i = 0;
    let n = toks.len();
    while i < n {
        // relative expressions
        if let Some((len, code)) = lex.relative.iter().find_map(|(ws, code)| {
            (i + ws.len() <= n && ws.iter().zip(&toks[i..]).all(|(a, b)| *a == b.lower))
                .then_some((ws.len(), code))
        }) {
            if let Some(d) = relative(code, anchor) {
                out.push(DateHit {
                    first: i,
                    last: i + len,
                    start: d.0,
                    end: d.1,
                    explicit_year: false,
                });
                anchor.last = Some(d);
                i += len;
                continue;
            }
        }
        // D [-D] Month [Year]  /  du D au D Month [Year]
        let from_word = word_is(lex, "from", &toks[i].lower)
            && i + 1 < n
            && day_of(&toks[i + 1], text).is_some();
        let di = if from_word { i + 1 } else { i };
        if let Some(d1) = day_of(&toks[di], text).filter(|_| day_tok(&toks[di], text)) {
            // range "du 26 au 28 juin"
            if di + 3 < n && word_is(lex, "to", &toks[di + 1].lower) {
                let mut k = di + 2;
                if lex.fw.articles.contains(&toks[k].lower) {
                    k += 1;
                }
                if let (Some(d2), Some((m, mk))) = (
                    toks.get(k).and_then(|t| day_of(t, text)),
                    month_after_day(lex, toks, k + 1),
                ) {
                    let (y, last) = explicit_year(toks, text, mk + 1);
                    if let Some(h) = make(d1, d2, m, m, y, anchor, i, last) {
                        anchor.last = Some((h.start, h.end));
                        out.push(h);
                        i = last;
                        continue;
                    }
                }
            }
            if let Some((m, mk)) = month_after_day(lex, toks, di + 1) {
                let (y, last) = explicit_year(toks, text, mk + 1);
                if let Some(h) = make(d1, d1, m, m, y, anchor, di, last) {
                    anchor.last = Some((h.start, h.end));
                    out.push(h);
                    i = last;
                    continue;
                }
            }
        }
        if let Some((d1, d2)) = day_range(&toks[i], text) {
            if let Some((m, mk)) = month_after_day(lex, toks, i + 1) {
                let (y, last) = explicit_year(toks, text, mk + 1);
                if let Some(h) = make(d1, d2, m, m, y, anchor, i, last) {
                    anchor.last = Some((h.start, h.end));
                    out.push(h);
                    i = last;
                    continue;
                }
            }
        }
        // Month D[-D][, Year]  /  Month D to D
        if let Some(m) = month_at(lex, toks, i).filter(|_| toks[i].cap || lex.months.len() > 0) {
            if let Some(t) = toks.get(i + 1) {
                let (d1, d2, mut k) = if let Some((a, b)) = day_range(t, text) {
                    (Some(a), b, i + 2)
                } else if let Some(a) = day_of(t, text).filter(|_| day_tok(t, text)) {
                    (Some(a), a, i + 2)
                } else {
                    (None, 0, i + 1)
                };
                if let Some(d1) = d1 {
                    let mut d2 = d2;
                    if k + 1 < n && word_is(lex, "to", &toks[k].lower) {
                        if let Some(x) =
                            day_of(&toks[k + 1], text).filter(|_| day_tok(&toks[k + 1], text))
                        {
                            d2 = x;
                            k += 2;
                        }
                    }
                    if toks.get(k).is_some_and(|t| &text[t.start..t.end] == ",")
                        && toks.get(k + 1).is_some_and(|t| year_of(t, text).is_some())
                    {
                        k += 1;
                    }
                    let (y, last) = explicit_year(toks, text, k);
                    let first = if i > 0 && word_is(lex, "from", &toks[i - 1].lower) {
                        i - 1
                    } else {
                        i
                    };
                    if let Some(h) = make(d1, d2, m, m, y, anchor, first, last) {
                        anchor.last = Some((h.start, h.end));
                        out.push(h);
                        i = last;
                        continue;
                    }
                }
            }
        }
        // weekdays
        if let Some(&wd) = lex.weekdays.get(&toks[i].lower) {
            let prev = if i > 0 {
                toks[i - 1].lower.as_str()
            } else {
                ""
            };
            let next = toks.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
            // "mercredi 12 juin" is handled above when followed by a day; here only bare weekdays
            if toks.get(i + 1).is_none_or(|t| day_of(t, text).is_none()) {
                if let Some(p) = anchor.published {
                    let pd = days_from_civil(p.0, p.1, p.2);
                    let pw = weekday(pd) as i64;
                    let wd = wd as i64;
                    let d = if word_is(lex, "this", prev) {
                        pd + (wd - pw)
                    } else if word_is(lex, "next", next)
                        || word_is(lex, "next", prev)
                        || anchor.future && future_near(lex, toks, i)
                    {
                        pd + (wd - pw).rem_euclid(7)
                    } else {
                        let back = (pw - wd).rem_euclid(7);
                        pd - back
                    };
                    let y = civil_from_days(d);
                    let first = if word_is(lex, "this", prev) { i - 1 } else { i };
                    out.push(DateHit {
                        first,
                        last: i + 1,
                        start: y,
                        end: y,
                        explicit_year: false,
                    });
                    anchor.last = Some((y, y));
                }
            }
        }
        i += 1;
    }
    out
}

fn explicit_year(toks: &[Tok], text: &str, k: usize) -> (Option<i32>, usize) {
    match toks.get(k).and_then(|t| year_of(t, text)) {
        Some(y) => (Some(y), k + 1),
        // "de junio de 2024": a date link (data/<lang>/date_links.txt) before the year
        None => match toks.get(k + 1).and_then(|t| year_of(t, text)) {
            Some(y) if is_date_link(toks, k) => (Some(y), k + 2),
            _ => (None, k),
        },
    }
}

/// Whether token `k` links the parts of a date ("12 de junio de 2024"), as the union over every
/// language's date_links.txt.
fn is_date_link(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| lang::table_all("date_links").any(|(_, l)| l == t.lower))
}

/// The month of "D Month" or "D de Month" right after a day at `k - 1`, with the index of the
/// month word.
fn month_after_day(lex: &Lex, toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    if let Some(m) = month_at(lex, toks, k) {
        return Some((m, k));
    }
    if is_date_link(toks, k) {
        return month_at(lex, toks, k + 1).map(|m| (m, k + 1));
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn make(
    d1: u32,
    d2: u32,
    m1: u32,
    m2: u32,
    y: Option<i32>,
    a: &Anchor,
    first: usize,
    last: usize,
) -> Option<DateHit> {
    let (s, e) = match y {
        Some(y) => (valid((y, m1, d1))?, valid((y, m2, d2))?),
        None => {
            let s = with_year(m1, d1, a)?;
            (s, valid((s.0, m2, d2))?)
        }
    };
    Some(DateHit {
        first,
        last,
        start: s,
        end: e,
        explicit_year: y.is_some(),
    })
}

fn relative(code: &str, a: &Anchor) -> Option<(Ymd, Ymd)> {
    if let Some(rest) = code.strip_prefix("same") {
        let (s, e) = a.last?;
        let off: i64 = if rest.is_empty() {
            0
        } else {
            rest.parse().ok()?
        };
        let f = |d: Ymd| civil_from_days(days_from_civil(d.0, d.1, d.2) + off);
        return Some(if off == 0 { (s, e) } else { (f(e), f(e)) });
    }
    let p = a.published?;
    let pd = days_from_civil(p.0, p.1, p.2);
    if code == "week-1" {
        let monday = pd - weekday(pd) as i64 - 7;
        return Some((civil_from_days(monday), civil_from_days(monday + 6)));
    }
    if code == "weekend-1" {
        let w = weekday(pd) as i64;
        let sat = pd - ((w - 5).rem_euclid(7)) - if w >= 5 { 7 } else { 0 };
        return Some((civil_from_days(sat), civil_from_days(sat + 1)));
    }
    let off: i64 = code.trim_start_matches('+').parse().ok()?;
    let d = civil_from_days(pd + off);
    Some((d, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_suffixes_from_data() {
        assert_eq!(strip_ordinal("1er"), "1");
        assert_eq!(strip_ordinal("21st"), "21");
        assert_eq!(strip_ordinal("3rd"), "3");
        assert_eq!(strip_ordinal("12"), "12");
    }

    #[test]
    fn calendar() {
        let d = days_from_civil(2019, 11, 20);
        assert_eq!(weekday(d), 2); // Wednesday
        assert_eq!(civil_from_days(d), (2019, 11, 20));
        let a = Anchor {
            published: Some((2019, 11, 20)),
            last: None,
            future: false,
        };
        assert_eq!(
            relative("weekend-1", &a),
            Some(((2019, 11, 16), (2019, 11, 17)))
        );
    }

    #[test]
    fn date_links_in_the_text() {
        let lex = crate::extract::lex::get("es");
        let mut a = Anchor {
            published: Some((2024, 6, 12)),
            last: None,
            future: false,
        };
        for (text, want) in [
            (
                "el 3 de junio de 2024 en Madrid",
                ((2024, 6, 3), (2024, 6, 3)),
            ),
            ("el 3 de junio", ((2024, 6, 3), (2024, 6, 3))),
            ("del 26 al 28 de junio", ((2024, 6, 26), (2024, 6, 28))),
            ("el 1º de junio", ((2024, 6, 1), (2024, 6, 1))),
        ] {
            let toks = crate::extract::tokens::tokenize(text, &lex.abbrev);
            let hits = find(lex, text, &toks, &mut a);
            assert_eq!(hits.first().map(|h| (h.start, h.end)), Some(want), "{text}");
        }
    }
}

/// A future verb shortly before a weekday ("rencontrera mardi", "will meet on Friday").
fn future_near(lex: &Lex, toks: &[Tok], i: usize) -> bool {
    let lo = i.saturating_sub(6);
    toks[lo..i].iter().any(|t| {
        lex.planned.iter().any(|p| p.matches(&t.lower))
            || t.lower.chars().count() >= 7
                && lex
                    .future_endings
                    .iter()
                    .any(|e| t.lower.ends_with(e.as_str()))
    })
}
