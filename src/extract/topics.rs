//! Topics: short phrases naming what a meeting dealt with (read after a topic cue in the meeting
//! sentence and in the sentences that report the talks), and the article's main subjects.

use std::collections::HashMap;

use super::lex::{Lex, Pat};
use super::tokens::Kind;
use super::Sent;

/// Phrases from tokens `a..b` of a sentence.
pub fn phrases(lex: &Lex, s: &Sent, a: usize, b: usize, skip: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    fn flush(lex: &Lex, s: &Sent, cur: &mut Vec<usize>, out: &mut Vec<String>) {
        if cur.len() > 10 {
            // long: split at a preposition that opens a new frame ("dans le domaine de …")
            if let Some(k) =
                (2..cur.len() - 1).find(|&k| lex.fw.topic_long_splits.contains(&s.lw[cur[k]]))
            {
                let mut rest = cur.split_off(k + 1);
                cur.pop();
                flush(lex, s, cur, out);
                flush(lex, s, &mut rest, out);
                cur.clear();
                return;
            }
        }
        let mut st = 0;
        let mut en = cur.len();
        // function words and words that neither head nor end a topic
        let edge = |k: usize| lex.stop.contains(&s.lw[k]) || lex.topic_stop.contains(&s.lw[k]);
        // leading fillers and edge words
        loop {
            let before = st;
            if let Some(f) = lex.fillers.iter().find(|f| {
                st + f.len() <= en && f.iter().zip(&cur[st..]).all(|(x, &k)| *x == s.lw[k])
            }) {
                st += f.len();
            }
            while st < en && edge(cur[st]) {
                st += 1;
            }
            if st == before {
                break;
            }
        }
        while en > st && (edge(cur[en - 1]) || s.lw[cur[en - 1]].ends_with('’')) {
            en -= 1;
        }
        let words = en.saturating_sub(st);
        if (1..=10).contains(&words) {
            let first = cur[st];
            let last = cur[en - 1];
            let text = s.text[s.toks[first].start..s.toks[last].end].to_string();
            let content = cur[st..en]
                .iter()
                .filter(|&&k| !lex.stop.contains(&s.lw[k]) && s.toks[k].kind == Kind::Word)
                .count();
            if content >= 1
                && text.chars().count() >= 4
                && (!s.toks[first].cap
                    || first > 0
                        && words > 1
                        && lex.is_honor_at(&s.lw, first).is_none()
                        && lex.is_title_at(&s.lw, first).is_none())
            {
                out.push(text);
            }
        } else if words > 10 {
            let first = cur[st];
            let last = cur[st + 7];
            out.push(s.text[s.toks[first].start..s.toks[last].end].to_string());
        }
        cur.clear();
    }
    for k in a..b.min(s.toks.len()) {
        if skip.iter().any(|&(x, y)| x <= k && k < y) {
            flush(lex, s, &mut cur, &mut out);
            continue;
        }
        let t = &s.toks[k];
        let tx = &s.text[t.start..t.end];
        if t.kind == Kind::Punct && !matches!(tx, "-" | "’" | "'")
            || lex.fw.topic_splits.contains(&s.lw[k])
        {
            flush(lex, s, &mut cur, &mut out);
            continue;
        }
        cur.push(k);
    }
    flush(lex, s, &mut cur, &mut out);
    out
}

fn matches_at(pats: &[Pat], lw: &[String], i: usize) -> Option<usize> {
    let mut k = i;
    for p in pats {
        match p {
            Pat::Gap => {
                k += 0;
            }
            _ => {
                if k >= lw.len() || !p.matches(&lw[k]) {
                    return None;
                }
                k += 1;
            }
        }
    }
    Some(k)
}

/// Where the topic starts after position `from`: after the first topic cue.
pub fn after_cue(lex: &Lex, s: &Sent, from: usize) -> Option<usize> {
    (from..s.toks.len()).find_map(|i| lex.topic_cues.iter().find_map(|c| matches_at(c, &s.lw, i)))
}

/// Does the sentence report what was discussed? Returns the token after the topic verb.
pub fn topic_verb(lex: &Lex, s: &Sent) -> Option<usize> {
    (0..s.toks.len())
        .find(|&i| lex.topic_verbs.iter().any(|p| p.matches(&s.lw[i])))
        .map(|i| i + 1)
}

pub fn mentions_visit(lex: &Lex, s: &Sent) -> bool {
    s.lw.iter()
        .any(|w| lex.visit_words.iter().any(|p| p.matches(w)))
}

/// The article's main subjects: repeated content-word sequences, best first.
/// None in a language without a function-word table: its content words cannot be told apart.
/// A topic of the whole article, and the sentence (index into the sentences given) it was read
/// in; a topic taken from the meetings has none of its own.
pub struct DocTopic {
    pub text: String,
    pub sentence: Option<usize>,
}

pub fn document(lex: &Lex, sents: &[&Sent], meeting_topics: &[String]) -> Vec<DocTopic> {
    if lex.stop.is_empty() {
        return Vec::new();
    }
    let title_words: std::collections::HashSet<&str> = sents
        .iter()
        .filter(|s| s.heading)
        .take(1)
        .flat_map(|s| s.lw.iter().map(|w| w.as_str()))
        .collect();
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (si, s) in sents.iter().enumerate() {
        let n = s.toks.len();
        for len in [3usize, 2] {
            for i in 0..n.saturating_sub(len - 1) {
                let ok = (0..len).all(|q| {
                    let k = i + q;
                    let t = &s.toks[k];
                    t.kind == Kind::Word
                        && !t.cap
                        && (q == 1 && len == 3 && lex.fw.of_words.contains(&s.lw[k])
                            || !lex.stop.contains(&s.lw[k]) && s.lw[k].chars().count() > 3)
                });
                let edge_ok = || {
                    !lex.topic_stop.contains(&s.lw[i])
                        && !lex.topic_stop.contains(&s.lw[i + len - 1])
                        && (i..i + len).all(|k| {
                            lex.is_title_at(&s.lw, k).is_none() && !lex.is_demonym(&s.lw[k])
                                || k > i && lex.is_demonym(&s.lw[k])
                        })
                };
                if ok && edge_ok() {
                    let key = s.lw[i..i + len].join(" ");
                    let text = s.text[s.toks[i].start..s.toks[i + len - 1].end].to_string();
                    let in_title = (i..i + len).all(|k| title_words.contains(s.lw[k].as_str()));
                    let e = counts.entry(key).or_insert((0, si, text));
                    e.0 += if in_title && !s.heading { 2 } else { 1 };
                }
            }
        }
    }
    let mut v: Vec<(String, usize, usize)> = counts
        .into_values()
        .filter(|c| c.0 >= 2)
        .map(|c| (c.2, c.0, c.1))
        .collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.2.cmp(&b.2))
            .then_with(|| a.0.cmp(&b.0))
    });
    let mut out: Vec<DocTopic> = Vec::new();
    for (t, _, si) in v {
        let tl = t.to_lowercase();
        if out.iter().any(|o| {
            let ol = o.text.to_lowercase();
            ol.contains(&tl) || tl.contains(&ol)
        }) {
            continue;
        }
        out.push(DocTopic {
            text: t,
            sentence: Some(si),
        });
        if out.len() >= 5 {
            break;
        }
    }
    for m in meeting_topics {
        if out.len() >= 6 {
            break;
        }
        // only tidy noun phrases: two to five lowercase words
        let n = m.split_whitespace().count();
        let ws: Vec<String> = m.split_whitespace().map(|w| w.to_lowercase()).collect();
        let edge_stop = ws.first().is_some_and(|w| lex.topic_stop.contains(w))
            || ws.last().is_some_and(|w| lex.topic_stop.contains(w));
        if !(2..=5).contains(&n) || m.chars().any(|c| c.is_uppercase()) || edge_stop {
            continue;
        }
        if !out.iter().any(|o| o.text.eq_ignore_ascii_case(m)) {
            out.push(DocTopic {
                text: m.clone(),
                sentence: None,
            });
        }
    }
    out
}
