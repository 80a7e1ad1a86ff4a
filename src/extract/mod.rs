//! `extract`: mentions (people, organisations, places, dates), resolution within the article,
//! meetings (trigger + parties + place + time + topics + evidence) and document topics.
//!
//! Submodules, in pipeline order: `tokens` (sentences and tokens), `mentions` (people, orgs,
//! places), `dates`, `resolve` (one person per name, surnames and titles → the full person,
//! bylines out), `meetings`, `topics`. Language knowledge comes from `lex` (data/<lang>/).

pub mod dates;
pub mod lex;
pub mod meetings;
pub mod mentions;
pub mod resolve;
pub mod tokens;
pub mod topics;

use crate::doc::Document;
use crate::insight::{
    DateMention, DateSpan, Evidence, Insight, Meeting, Meta, Organization, Place, Topic,
};
use crate::text::{Article, BlockType};

/// One sentence of the article, with its tokens (offsets into `text`).
#[derive(Clone, Debug)]
pub struct Sent {
    pub block: usize,
    pub element: u32,
    pub text: String,
    pub toks: Vec<tokens::Tok>,
    pub lw: Vec<String>,
    pub heading: bool,
    pub first_in_block: bool,
    pub last_in_block: bool,
    /// Part of a byline, credit or signature block: no facts are read from it.
    pub byline: bool,
}

impl Sent {
    pub fn evidence(&self) -> Evidence {
        Evidence {
            element: self.element,
            sentence: self.text.clone(),
        }
    }
}

/// Fold for comparisons: lowercase, accents removed (Latin letters), apostrophes unified.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(|c| c.to_lowercase()) {
        let r = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ě' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' | 'ň' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'ř' => 'r',
            'š' | 'ś' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ď' => 'd',
            'ť' => 't',
            'ł' => 'l',
            '’' | 'ʼ' => '\'',
            _ => c,
        };
        out.push(r);
    }
    out
}

fn is_byline_block(lex: &lex::Lex, text: &str, toks: &[tokens::Tok], authors: &[String]) -> bool {
    if text.contains('©') {
        return true;
    }
    if text.chars().count() <= 300 {
        let lw: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        if lex.byline_phrases.iter().any(|ph| {
            !ph.is_empty()
                && lw
                    .windows(ph.len())
                    .any(|w| w.iter().zip(ph).all(|(a, b)| *a == b))
        }) {
            return true;
        }
    }
    let lw: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    if lex
        .byline_cues
        .iter()
        .any(|c| lw.len() >= c.len() && c.iter().zip(&lw).all(|(a, b)| a == b))
        && text.chars().count() <= 120
    {
        // "par Krikor Amirzayan le …", "By Jane Doe", "Credit: …", "Source : …"
        let second_cap = toks.get(1).is_some_and(|t| t.cap)
            || toks.get(1).is_some_and(|t| t.kind == tokens::Kind::Punct);
        if second_cap || toks.first().is_some_and(|t| t.cap) {
            return true;
        }
    }
    if authors.iter().any(|a| !a.is_empty()) && text.chars().count() <= 120 && {
        let ft = fold(text);
        authors
            .iter()
            .any(|a| !a.is_empty() && ft.contains(&fold(a)))
    } {
        return true;
    }
    // a block that is only names: "Elsa Provenzano et Mickaël Bosredon"
    if (3..=9).contains(&toks.len())
        && toks.iter().all(|t| {
            t.kind == tokens::Kind::Word && t.cap && !lex.stop.contains(&t.lower)
                || lex.fw.conjunctions.contains(&t.lower)
                || t.lower == ","
        })
        && toks
            .iter()
            .any(|t| lex.is_first_name(&text[t.start..t.end]))
    {
        return true;
    }
    // a block that is only a name: two to four capitalised words, no verb, no punctuation
    let words: Vec<&tokens::Tok> = toks.iter().collect();
    if (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|t| t.kind == tokens::Kind::Word && t.cap && !lex.stop.contains(&t.lower))
    {
        let first_is_name = lex.is_first_name(&text[words[0].start..words[0].end]);
        let no_geo = !words
            .iter()
            .any(|t| lex.places.contains_key(&t.lower) || lex.org_heads.contains(&t.lower));
        return first_is_name || no_geo;
    }
    false
}

pub fn extract(doc: &Document, article: &Article, meta: &Meta, lang: &str) -> Insight {
    let lex = lex::get(lang);

    // sentences
    let mut sents: Vec<Sent> = Vec::new();
    for (bi, b) in article.blocks.iter().enumerate() {
        let toks = tokens::tokenize(&b.text, &lex.abbrev);
        let byline = is_byline_block(lex, &b.text, &toks, &meta.authors);
        let element = doc.index_of(b.node).unwrap_or(0);
        let mut bounds = tokens::sentences(&b.text, &toks);
        // "am 9. Juli": a day number's period before a month name ends no sentence
        let mut k = 1;
        while k < bounds.len() {
            let e = bounds[k - 1].1;
            let ordinal = e >= 2
                && &b.text[toks[e - 1].start..toks[e - 1].end] == "."
                && toks[e - 2].kind == tokens::Kind::Num
                && toks[e - 2].end - toks[e - 2].start <= 2
                && lex.months.contains_key(&toks[e].lower);
            if ordinal {
                bounds[k - 1].1 = bounds[k].1;
                bounds.remove(k);
            } else {
                k += 1;
            }
        }
        let nb = bounds.len();
        for (k, (a, e)) in bounds.into_iter().enumerate() {
            if a >= e {
                continue;
            }
            let off = toks[a].start;
            let text = b.text[off..toks[e - 1].end].to_string();
            let mut st: Vec<tokens::Tok> = toks[a..e].to_vec();
            for t in st.iter_mut() {
                t.start -= off;
                t.end -= off;
            }
            // a credit inside a caption ends the sentence ("… Credit: STR/AFP")
            let mut cut = st.len();
            for k in 0..st.len() {
                if k + 1 < st.len()
                    && &text[st[k + 1].start..st[k + 1].end] == ":"
                    && lex
                        .byline_cues
                        .iter()
                        .any(|c| c.len() == 1 && c[0] == st[k].lower)
                    && st[k].cap
                {
                    cut = k;
                    break;
                }
            }
            // "… — Bob Edme/AP": a photo credit at the end of a caption
            if let Some(k) = (0..cut)
                .rev()
                .find(|&k| matches!(&text[st[k].start..st[k].end], "—" | "–"))
            {
                if cut - k <= 7 && (k + 1..cut).any(|q| &text[st[q].start..st[q].end] == "/") {
                    cut = k;
                }
            }
            st.truncate(cut);
            if st.is_empty() {
                continue;
            }
            let text = text[..st[st.len() - 1].end].to_string();
            let lw = st.iter().map(|t| t.lower.clone()).collect();
            sents.push(Sent {
                block: bi,
                element,
                text,
                toks: st,
                lw,
                heading: b.kind == BlockType::Heading,
                first_in_block: k == 0,
                last_in_block: k + 1 == nb,
                byline,
            });
        }
    }

    // publication date: the page's, else a dated byline ("par X le vendredi 12 juillet 2024")
    let mut published = meta.published.as_deref().and_then(dates::parse_iso);
    // a dated byline in the text ("par X le jeudi 9 novembre 2023") is when the text was
    // written: it anchors relative dates when the page has none, or a later one (a repost)
    {
        let mut byline_date = None;
        for s in sents.iter().filter(|s| s.byline || s.toks.len() <= 14) {
            let mut an = dates::Anchor {
                published: None,
                last: None,
                future: false,
            };
            if let Some(d) = dates::find(lex, &s.text, &s.toks, &mut an)
                .into_iter()
                .find(|d| d.explicit_year)
            {
                byline_date = Some(d.start);
                break;
            }
        }
        if let Some(b) = byline_date {
            let days = |d: dates::Ymd| dates::days_from_civil(d.0, d.1, d.2);
            if published.is_none_or(|p| days(b) < days(p) && days(p) - days(b) <= 60) {
                published = Some(b);
            }
        }
    }
    if published.is_none() {
        published = published_in_doc(doc);
    }

    // words the article writes in lowercase somewhere: common nouns, not names ("in Science")
    let lowercase: tokens::HashSet<String> = sents
        .iter()
        .flat_map(|s| {
            s.toks
                .iter()
                .filter(|t| !t.cap && t.kind == tokens::Kind::Word)
                .map(|t| t.lower.clone())
        })
        .collect();
    // mentions and dates per sentence
    let ments: Vec<mentions::Mentions> = sents
        .iter()
        .map(|s| {
            if s.byline {
                Default::default()
            } else {
                mentions::find(lex, s, &lowercase)
            }
        })
        .collect();
    let mut anchor = dates::Anchor {
        published,
        last: None,
        future: false,
    };
    let mut date_hits = Vec::new();
    for s in &sents {
        if s.byline {
            date_hits.push(vec![]);
            continue;
        }
        anchor.future =
            s.lw.iter()
                .any(|w| lex.planned.iter().any(|p| p.matches(w)))
                || s.lw.iter().any(|w| {
                    w.chars().count() >= 7
                        && lex.future_endings.iter().any(|e| w.ends_with(e.as_str()))
                        && lex
                            .triggers
                            .iter()
                            .any(|t| t.pats.first().is_some_and(|p| p.matches(w)))
                });
        date_hits.push(dates::find(lex, &s.text, &s.toks, &mut anchor));
    }

    // resolution: people, organisations, places
    let byline_names: Vec<String> = sents
        .iter()
        .filter(|s| s.byline)
        .flat_map(|s| {
            s.toks
                .windows(2)
                .filter(|w| w[0].cap && w[1].cap)
                .map(|w| fold(&s.text[w[0].start..w[1].end]))
                .collect::<Vec<_>>()
        })
        .chain(meta.authors.iter().map(|a| fold(a)))
        .collect();
    let people = resolve::people(lex, &sents, &ments, &byline_names);
    let orgs = resolve::orgs(&sents, &ments);
    let places = resolve::places(lex, &sents, &ments);

    // meetings
    let cx = meetings::Ctx {
        lex,
        sents: &sents,
        ments: &ments,
        prefs: &people.refs,
        dates: &date_hits,
        person_country: &people.country,
        focus: people.focus,
        published,
    };
    let found = meetings::find(&cx);
    let mut meetings_out: Vec<(Meeting, Vec<String>, usize)> = Vec::new();
    for f in &found {
        let names: Vec<String> = f
            .parties
            .iter()
            .map(|p| match p {
                meetings::Party::Person(i) => people.list[*i].name.clone(),
                meetings::Party::Name(n) => n.clone(),
            })
            .collect();
        let mut key: Vec<String> = names.iter().map(|n| fold(n)).collect();
        key.sort();
        let s = &sents[f.sent];
        // topics: in the sentence after the counterparts, then in the sentences that report the talks
        let mut tps: Vec<String> = Vec::new();
        let own_sentence = |k: usize| -> Vec<String> {
            let mut skip: Vec<(usize, usize)> =
                ments[k].people.iter().map(|p| (p.a, p.b)).collect();
            skip.extend(ments[k].orgs.iter().map(|o| (o.a, o.b)));
            skip.extend(ments[k].places.iter().map(|p| (p.a, p.b)));
            skip.extend(ments[k].bare_roles.iter().map(|r| (r.0, r.1)));
            skip.extend(date_hits[k].iter().map(|d| (d.first, d.last)));
            topics::phrases(lex, &sents[k], 0, sents[k].toks.len(), &skip)
                .into_iter()
                .filter(|p| {
                    let first = p.split(' ').next().unwrap_or("").to_lowercase();
                    lex.titles.iter().all(|t| t.first() != Some(&first))
                        && p.chars().count() > 6
                        && !p.split(' ').any(|w| {
                            lex.triggers.iter().any(|t| {
                                t.pats.iter().any(|x| {
                                    !matches!(x, lex::Pat::Gap) && x.matches(&w.to_lowercase())
                                })
                            })
                        })
                })
                .take(3)
                .collect()
        };
        if let Some(c) = topics::after_cue(lex, s, f.after) {
            let mut skip: Vec<(usize, usize)> =
                ments[f.sent].people.iter().map(|p| (p.a, p.b)).collect();
            skip.extend(ments[f.sent].orgs.iter().map(|o| (o.a, o.b)));
            skip.extend(date_hits[f.sent].iter().map(|d| (d.first, d.last)));
            tps.extend(topics::phrases(lex, s, c, s.toks.len(), &skip));
        }
        if tps.is_empty() {
            tps = own_sentence(f.sent);
        }
        let m = Meeting {
            participants: names,
            place: f.place.clone(),
            date: f.date.as_ref().map(|(a, b, t)| DateSpan {
                start: dates::iso(*a),
                end: Some(dates::iso(*b)),
                text: t.clone(),
            }),
            topics: tps,
            status: if f.planned {
                "planned".into()
            } else {
                "held".into()
            },
            trigger: f.trigger.clone(),
            kind: lex.meeting_kind(&s.lw),
            evidence: s.evidence(),
        };
        if let Some(prev) = meetings_out.iter_mut().find(|(_, k, _)| *k == key) {
            // the same parties again: keep the body sentence over a heading, complete what is missing
            let pm = &mut prev.0;
            if sents[prev.2].heading && !s.heading {
                pm.evidence = m.evidence.clone();
                prev.2 = f.sent;
            }
            if pm.place.is_none() {
                pm.place = m.place.clone();
            }
            if pm.date.is_none() {
                pm.date = m.date.clone();
            }
            for t in m.topics {
                if !pm.topics.contains(&t) {
                    pm.topics.push(t);
                }
            }
            continue;
        }
        meetings_out.push((m, key, f.sent));
    }
    // topics reported in the sentences after a meeting (until the next meeting sentence), and
    // visit-level topics for every meeting
    let meeting_sents: Vec<usize> = found.iter().map(|f| f.sent).collect();
    // the article's main meeting sentence: the first in the body
    let main_sent = meetings_out
        .iter()
        .map(|m| m.2)
        .filter(|&m| !sents[m].heading)
        .min();
    for si in 0..sents.len() {
        let s = &sents[si];
        if s.byline || meeting_sents.contains(&si) {
            continue;
        }
        let Some(v) = topics::topic_verb(lex, s) else {
            continue;
        };
        let mut skip: Vec<(usize, usize)> = ments[si].people.iter().map(|p| (p.a, p.b)).collect();
        skip.extend(ments[si].orgs.iter().map(|o| (o.a, o.b)));
        // the issues precede the verb in a passive sentence ("Les questions liées à … ont été
        // discutées") and follow it otherwise ("ont été axés sur …", "discussed a need for …")
        let mut ph = Vec::new();
        if let Some(c) = topics::after_cue(lex, s, 0).filter(|&c| c + 1 < v) {
            ph.extend(topics::phrases(lex, s, c, v - 1, &skip));
        }
        let after = match topics::after_cue(lex, s, v) {
            Some(c) if c <= v + 5 => c,
            _ => v,
        };
        ph.extend(topics::phrases(lex, s, after, s.toks.len(), &skip));
        if ph.is_empty() {
            continue;
        }
        let visit = topics::mentions_visit(lex, s);
        // meetings reported earlier in the same paragraph, else the article's main meeting
        let same_block: Vec<usize> = meetings_out
            .iter()
            .map(|m| m.2)
            .filter(|&m| m < si && sents[m].block == s.block)
            .collect();
        let last_same = same_block.iter().max().copied();
        for (m, _, msi) in meetings_out.iter_mut() {
            let take = visit
                || match last_same {
                    Some(l) => sents[*msi].text == sents[l].text,
                    None => {
                        main_sent.is_some_and(|ms| sents[*msi].text == sents[ms].text && ms < si)
                    }
                };
            if take {
                for t in &ph {
                    if !m.topics.contains(t) && m.topics.len() < 20 {
                        m.topics.push(t.clone());
                    }
                }
            }
        }
    }
    // sentences that name both parties of a meeting say what it was about
    for f in &found {
        let pids: Vec<usize> = f
            .parties
            .iter()
            .filter_map(|p| match p {
                meetings::Party::Person(i) => Some(*i),
                _ => None,
            })
            .collect();
        if pids.len() < 2 {
            continue;
        }
        let names: Vec<String> = pids.iter().map(|&i| fold(&people.list[i].name)).collect();
        let Some((m, _, _)) = meetings_out.iter_mut().find(|(m, _, _)| {
            let mut a: Vec<String> = m.participants.iter().map(|x| fold(x)).collect();
            let mut b = names.clone();
            a.sort();
            b.sort();
            a == b
        }) else {
            continue;
        };
        for si in 0..sents.len() {
            if si == f.sent || sents[si].byline || sents[si].text == m.evidence.sentence {
                continue;
            }
            let refs = &people.refs[si];
            let both = pids.iter().all(|p| refs.iter().any(|r| r.pid == *p));
            if !both {
                continue;
            }
            let last = refs
                .iter()
                .filter(|r| pids.contains(&r.pid))
                .map(|r| r.b)
                .max()
                .unwrap_or(0);
            let mut skip: Vec<(usize, usize)> =
                ments[si].people.iter().map(|p| (p.a, p.b)).collect();
            skip.extend(ments[si].orgs.iter().map(|o| (o.a, o.b)));
            skip.extend(date_hits[si].iter().map(|d| (d.first, d.last)));
            for t in topics::phrases(lex, &sents[si], last, sents[si].toks.len(), &skip)
                .into_iter()
                .take(4)
            {
                if !m.topics.contains(&t) && m.topics.len() < 20 {
                    m.topics.push(t);
                }
            }
        }
    }

    // dates
    let mut dates_out: Vec<DateMention> = Vec::new();
    for (si, hs) in date_hits.iter().enumerate() {
        for d in hs {
            let span = DateSpan {
                start: dates::iso(d.start),
                end: (d.end != d.start).then(|| dates::iso(d.end)),
                text: sents[si].text[sents[si].toks[d.first].start..sents[si].toks[d.last - 1].end]
                    .to_string(),
            };
            if !dates_out
                .iter()
                .any(|x| x.span.start == span.start && x.span.end == span.end)
            {
                dates_out.push(DateMention {
                    span,
                    evidence: sents[si].evidence(),
                });
            }
        }
    }

    let body: Vec<&Sent> = sents.iter().filter(|s| !s.byline).collect();
    let all_topics: Vec<String> = meetings_out
        .iter()
        .flat_map(|m| m.0.topics.iter().take(3).cloned())
        .collect();
    let topics_out = topics::document(lex, &body, &all_topics)
        .into_iter()
        .map(|t| Topic {
            evidence: t
                .sentence
                .and_then(|si| body.get(si))
                .map(|s| vec![s.evidence()])
                .unwrap_or_default(),
            text: t.text,
        })
        .collect();

    Insight {
        people: people.list,
        organizations: orgs
            .into_iter()
            .map(|o| Organization {
                name: o.0,
                acronym: o.1,
                evidence: vec![o.2],
            })
            .collect(),
        places: places
            .into_iter()
            .map(|p| Place {
                name: p.0,
                country: p.1,
                evidence: vec![p.2],
            })
            .collect(),
        dates: dates_out,
        meetings: meetings_out.into_iter().map(|m| m.0).collect(),
        topics: topics_out,
    }
}

/// The publication date when the page stage gave none: `article:published_time` and similar
/// meta tags, `itemprop=datePublished`, the first `<time datetime>`, or JSON-LD `datePublished`.
fn published_in_doc(doc: &Document) -> Option<dates::Ymd> {
    let mut time_el = None;
    for &n in &doc.elements {
        match doc.tag(n) {
            "meta" => {
                let key = doc
                    .attr(n, "property")
                    .or_else(|| doc.attr(n, "name"))
                    .or_else(|| doc.attr(n, "itemprop"))
                    .unwrap_or("");
                let key = key.to_ascii_lowercase();
                if matches!(
                    key.as_str(),
                    "article:published_time"
                        | "datepublished"
                        | "date"
                        | "pubdate"
                        | "publishdate"
                        | "dc.date"
                        | "dc.date.issued"
                        | "og:published_time"
                        | "sailthru.date"
                        | "parsely-pub-date"
                ) {
                    if let Some(d) = doc.attr(n, "content").and_then(dates::parse_iso) {
                        return Some(d);
                    }
                }
            }
            "time" if time_el.is_none() => {
                time_el = doc.attr(n, "datetime").and_then(dates::parse_iso);
            }
            "script" if doc.attr(n, "type").is_some_and(|t| t.contains("ld+json")) => {
                let t = doc.text_content(n);
                if let Some(p) = t.find("\"datePublished\"") {
                    let rest = &t[p + 15..];
                    if let Some(q) = rest.find('"') {
                        if let Some(d) = rest.get(q + 1..).and_then(dates::parse_iso) {
                            return Some(d);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    time_el
}
