//! Meetings: a trigger from `data/<lang>/meeting_triggers.txt`, the parties on each side (a
//! visitor meeting several hosts is one meeting per host), the place, the time, planned or held,
//! and the sentence that says so.

use super::dates::{days_from_civil, DateHit, Ymd};
use super::lex::{Lex, Pat, PlaceKind};
use super::mentions::Mentions;
use super::Sent;

#[derive(Clone, Debug)]
pub struct Found {
    pub sent: usize,
    pub parties: Vec<Party>,
    pub place: Option<String>,
    pub date: Option<(Ymd, Ymd, String)>,
    pub planned: bool,
    pub trigger: String,
    /// Token where the counterparts end (topics are read after it).
    pub after: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Party {
    Person(usize),
    Name(String),
}

/// Who a counterpart of a trigger is: a person of the article, or a party named by a description
/// or an organisation ("the survivors of the shooting", "the Taliban"), by its index among the
/// sentence's described parties.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Person(usize),
    Described(usize),
}

/// A counterpart of a trigger and the tokens that name it.
#[derive(Clone, Copy, Debug)]
struct Side {
    a: usize,
    b: usize,
    who: Who,
}

impl From<PRef> for Side {
    fn from(r: PRef) -> Side {
        Side {
            a: r.a,
            b: r.b,
            who: Who::Person(r.pid),
        }
    }
}

impl Side {
    /// The person mention this counterpart is, when it is a person.
    fn person(&self) -> Option<PRef> {
        match self.who {
            Who::Person(pid) => Some(PRef {
                a: self.a,
                b: self.b,
                pid,
            }),
            Who::Described(_) => None,
        }
    }
}

/// A person mention resolved to a person of the article.
#[derive(Clone, Copy, Debug)]
pub struct PRef {
    pub a: usize,
    pub b: usize,
    pub pid: usize,
}

pub struct Ctx<'a> {
    pub lex: &'a Lex,
    pub sents: &'a [Sent],
    pub ments: &'a [Mentions],
    pub prefs: &'a [Vec<PRef>],
    pub dates: &'a [Vec<DateHit>],
    pub person_country: &'a [Option<String>],
    pub focus: Option<usize>,
    pub published: Option<Ymd>,
}

pub(super) fn match_trigger(pats: &[Pat], lw: &[String], i: usize) -> Option<usize> {
    fn go(pats: &[Pat], lw: &[String], k: usize) -> Option<usize> {
        let Some(p) = pats.first() else {
            return Some(k);
        };
        if let Pat::Gap = p {
            for skip in 0..=5 {
                // the gap skips words, never punctuation: "the talks, meeting … with" is two phrases
                if skip > 0
                    && lw
                        .get(k + skip - 1)
                        .is_none_or(|w| !w.chars().any(|c| c.is_alphanumeric()))
                {
                    break;
                }
                if let Some(e) = go(&pats[1..], lw, k + skip) {
                    return Some(e);
                }
            }
            return None;
        }
        if k < lw.len() && p.matches(&lw[k]) {
            go(&pats[1..], lw, k + 1)
        } else {
            None
        }
    }
    go(pats, lw, i)
}

pub fn find(cx: &Ctx) -> Vec<Found> {
    let lex = cx.lex;
    let mut out = Vec::new();
    let mut ctx_place: Option<(String, usize, bool)> = None;
    let mut ctx_date: Option<((Ymd, Ymd, String), usize)> = None;
    let mut ctx_visit = false;
    let mut last_subject = cx.focus;
    for (si, s) in cx.sents.iter().enumerate() {
        if s.byline {
            continue;
        }
        let lw = &s.lw;
        let n = lw.len();
        let m = &cx.ments[si];
        let people = &cx.prefs[si];
        let in_role = |k: usize| {
            m.people
                .iter()
                .any(|p| p.role_spans.iter().any(|&(x, y)| x <= k && k < y))
        };
        // triggers
        let mut trig: Vec<(usize, usize, &str)> = Vec::new();
        let mut i = 0;
        while i < n {
            let mut hit = None;
            for t in lex.triggers_at(&lw[i]) {
                if let Some(e) = match_trigger(&t.pats, lw, i) {
                    hit = Some((i, e, t.kind.as_str()));
                    break;
                }
            }
            if let Some(h) = hit {
                // kind "not": a phrase that holds a trigger but is none ("eine Entscheidung
                // getroffen"): its words are passed over
                if h.2 != "not" {
                    trig.push(h);
                }
                i = h.1;
            } else {
                i += 1;
            }
        }
        // the sentence's place and date, whatever happens
        let loc_place = m
            .places
            .iter()
            .filter(|p| p.locative && !p.demonym && !in_role(p.a))
            .min_by_key(|p| p.a)
            .map(|p| p.display.clone())
            .or_else(|| {
                // "at the White House", "au Kremlin": an institution named as where it happened
                m.orgs
                    .iter()
                    .find(|o| {
                        let k = if o.a >= 1 && lex.fw.articles.contains(&lw[o.a - 1]) {
                            o.a - 1
                        } else {
                            o.a
                        };
                        k >= 1
                            && lex.locatives.contains(&lw[k - 1])
                            && !in_role(o.a)
                            && o.acronym.is_none()
                    })
                    .map(|o| o.name.clone())
            });
        let sent_dates = &cx.dates[si];
        // "… meets church leaders … in 2006": a meeting years before the article is background
        let old_year = (1..n).any(|k| {
            lex.fw.year_prepositions.contains(&lw[k - 1])
                && s.toks[k].kind == super::tokens::Kind::Num
                && lw[k].len() == 4
                && lw[k]
                    .parse::<i32>()
                    .is_ok_and(|y| cx.published.is_some_and(|p| y >= 1900 && y < p.0 - 1))
        });
        if old_year {
            continue;
        }
        // counterparts of an earlier trigger of the sentence, and its subject: "Obama met Merkel,
        // then held talks with Hollande" — Merkel is not the one who held talks
        let mut taken: Vec<usize> = Vec::new();
        let mut sent_subject: Option<Party> = None;
        for (ti, &(ta, tb, kind)) in trig.iter().enumerate() {
            let next = trig.get(ti + 1).map(|t| t.0).unwrap_or(n);
            let mut wend = next;
            for k in tb..next {
                if lex.fw.clause_boundaries.contains(&lw[k])
                    || s.text[s.toks[k].start..s.toks[k].end] == *";"
                {
                    wend = k;
                    break;
                }
            }
            let before: Vec<PRef> = people.iter().filter(|p| p.b <= ta).copied().collect();
            // people named inside another person's role ("bras droit du Premier ministre X")
            // are not counterparts; nor is anyone after "réunion de" / "meeting of"
            let inside_other = |r: &PRef| {
                m.people.iter().any(|pm| {
                    pm.a != r.a
                        && pm
                            .role_spans
                            .iter()
                            .any(|&(x, y)| x <= r.a && r.a < y && !(pm.a <= x && y <= pm.b))
                        && !m
                            .people
                            .iter()
                            .any(|q| q.a == r.a && q.role_spans.iter().any(|&(x2, _)| x2 <= pm.a))
                })
            };
            let of_noun = lw.get(tb).is_some_and(|w| lex.fw.of_words.contains(w));
            let after: Vec<PRef> = people
                .iter()
                .filter(|p| p.a >= tb && p.a < wend && !inside_other(p) && !of_noun)
                .copied()
                .collect();
            let mut groups: Vec<(Party, Vec<Side>, bool)> = Vec::new(); // (subject, counterparts, subject hosts)
                                                                        // counterparts named by a description or an organisation: Who::Described(index)
            let mut named: Vec<String> = Vec::new();
            match kind {
                "between" | "mediate" => {
                    // "between Sondland and a top aide to Zelenskiy", "between Mr Mugabe and the
                    // generals": named people, and a described party after "and"
                    let mut parties: Vec<Party> = Vec::new();
                    let mut q = tb;
                    let det = |w: &str| lex.determiners.contains(w);
                    let prep = |w: &str| lex.fw.party_prepositions.contains(w);
                    while q < wend {
                        let sep = |x: usize, y: usize| {
                            lw[x..y]
                                .iter()
                                .any(|w| lex.fw.conjunctions.contains(w) || w == "," || w == ";")
                        };
                        let person = after
                            .iter()
                            .find(|r| r.a >= q && r.a < q + 6 && !sep(q, r.a))
                            .copied();
                        if (lex.fw.conjunctions.contains(&lw[q]) || lw[q] == ",")
                            && !parties.is_empty()
                        {
                            q += 1;
                            continue;
                        }
                        if det(&lw[q]) {
                            if let Some((np, e)) = noun_party(lex, s, q, wend) {
                                match person {
                                    Some(r) if r.a < e && !lw[q..r.a].iter().any(|w| prep(w)) => {
                                        parties.push(Party::Person(r.pid));
                                        q = r.b;
                                    }
                                    _ => {
                                        // "his Chinese counterpart, Xi Jinping": the name
                                        match after
                                            .iter()
                                            .find(|r| e < n && p_is(s, e, ",") && r.a == e + 1)
                                        {
                                            Some(r) => {
                                                parties.push(Party::Person(r.pid));
                                                q = r.b;
                                            }
                                            None => {
                                                parties.push(Party::Name(np));
                                                q = e;
                                            }
                                        }
                                    }
                                }
                                continue;
                            }
                        }
                        match person {
                            Some(r) => {
                                parties.push(Party::Person(r.pid));
                                q = r.b;
                            }
                            None => break,
                        }
                    }
                    if kind == "mediate" || parties.len() == 1 {
                        if let Some(sj) = before.last() {
                            parties.insert(0, Party::Person(sj.pid));
                        }
                    }
                    parties.dedup();
                    if parties.len() >= 2 {
                        let cstart = (0..ta)
                            .rev()
                            .find(|&k| lex.fw.clause_boundaries.contains(&lw[k]) || lw[k] == ";")
                            .map(|k| k + 1)
                            .unwrap_or(0);
                        let date = sent_dates
                            .iter()
                            .find(|d| d.first >= cstart && d.first < wend)
                            .map(|d| (d.start, d.end, span_text(s, d)));
                        out.push(Found {
                            sent: si,
                            parties,
                            place: loc_place.clone(),
                            date,
                            planned: is_planned(lex, s, ta, tb),
                            trigger: s.text[s.toks[ta].start..s.toks[tb - 1].end].to_string(),
                            after: tb,
                        });
                    }
                }
                "phone" => {
                    let all: Vec<PRef> = people.iter().filter(|p| p.a < wend).copied().collect();
                    if all.len() >= 2 {
                        groups.push((
                            Party::Person(all[0].pid),
                            all[1..].iter().map(|&r| Side::from(r)).collect(),
                            false,
                        ));
                    }
                }
                _ => {
                    // counterparts follow the trigger closely, or follow each other in a list:
                    // "received a one-game suspension for shoving X" names no counterpart
                    let spans: Vec<(usize, usize)> = m
                        .orgs
                        .iter()
                        .map(|o| (o.a, o.b))
                        .chain(m.places.iter().map(|p| (p.a, p.b)))
                        .chain(sent_dates.iter().map(|d| (d.first, d.last)))
                        .collect();
                    let mut objs: Vec<Side> = Vec::new();
                    let mut prev_end = tb;
                    for r in &after {
                        let start = role_start(m, r).max(prev_end);
                        let gap = (prev_end..start)
                            .filter(|&k| {
                                let t = &s.toks[k];
                                t.kind == super::tokens::Kind::Word
                                    && !t.cap
                                    && !lex.stop.contains(&lw[k])
                                    && lex.is_title_at(lw, k).is_none()
                                    && !lex.role_modifiers.contains(&lw[k])
                                    && !lex.is_demonym(&lw[k])
                                    && !spans.iter().any(|&(x, y)| x <= k && k < y)
                                    && !lex.triggers_at(&lw[k]).any(|_| true)
                            })
                            .count();
                        if gap > 2 {
                            break;
                        }
                        objs.push(Side::from(*r));
                        prev_end = r.b;
                    }
                    // "the call with Zelensky": a meeting already known, whose parties this
                    // sentence does not give, unless a subject follows ("l’entretien qu’il a eu avec")
                    // "a meeting with X", "une rencontre avec X" report a new meeting; "his
                    // talks with X" one of the person before or in focus
                    let poss_before = ta > 0 && lex.fw.possessives.contains(&lw[ta - 1]);
                    let det_before = ta > 0
                        && lex.determiners.contains(&lw[ta - 1])
                        && !lex.fw.indefinite.contains(&lw[ta - 1])
                        && !poss_before;
                    let pron_inside = objs
                        .first()
                        .is_some_and(|o| lw[tb..o.a].iter().any(|w| lex.pronouns.contains(w)));
                    if det_before && !pron_inside {
                        objs.clear();
                    }
                    if objs.is_empty() && !of_noun {
                        // "le président tchèque" → the person with that role
                        for (a, _, _) in m.bare_roles.iter().filter(|r| r.0 >= tb && r.0 < wend) {
                            if let Some(p) = people.iter().find(|p| p.a == *a) {
                                objs.push(Side::from(*p));
                            }
                        }
                    }
                    // "traf er sich mit X": a pronoun right after the verb is its subject (the
                    // sentence's first person, or the person in focus), not the last name before
                    let inverted = lw
                        .get(tb)
                        .is_some_and(|w| lex.pronouns.contains(w.as_str()));
                    let subject = if inverted {
                        before
                            .first()
                            .map(|p| p.pid)
                            .or(last_subject)
                            .map(Party::Person)
                    } else {
                        match before.last() {
                            Some(p) if taken.contains(&p.a) => sent_subject.clone(),
                            Some(p) => Some(Party::Person(p.pid)),
                            None => None,
                        }
                    };
                    // "After meeting with Mr. Morsi, Mr. Kandil said": with nobody before the
                    // trigger, the person right after the comma closing the counterparts is the subject
                    let mut fronted: Option<PRef> = None;
                    if before.is_empty() && !objs.is_empty() {
                        if let Some(c) = (objs[0].b..n).find(|&k| p_is(s, k, ",")) {
                            let cut = objs.iter().position(|o| o.a > c).unwrap_or(objs.len());
                            let cand = people.iter().find(|p| p.a > c && p.a <= c + 4).copied();
                            if let Some(sj) = cand {
                                if !lw[c + 1..sj.a]
                                    .iter()
                                    .any(|w| lex.fw.conjunctions.contains(w))
                                    && !lw[tb..objs[0].a].iter().any(|w| lex.pronouns.contains(w))
                                    && cut >= 1
                                    && !(sj.b < n
                                        && (lex.fw.conjunctions.contains(&lw[sj.b])
                                            || p_is(s, sj.b, ","))
                                        && cut == objs.len())
                                {
                                    objs.truncate(cut);
                                    objs.retain(|o| o.who != Who::Person(sj.pid));
                                    fronted = Some(sj);
                                }
                            }
                        }
                    }
                    // "X et Y ont été accueillis par Z", "X and Y met with Z": every coordinated subject
                    let mut co_subjects: Vec<PRef> = Vec::new();
                    if let Some(last) = before.last() {
                        if last.b + 4 >= ta && !det_before {
                            let mut k = before.len() - 1;
                            let mut joined = false;
                            while k >= 1 {
                                let (x, y) = (before[k - 1], before[k]);
                                let ys = role_start(m, &y).max(x.b);
                                let gap = &lw[x.b..ys];
                                let ok = !gap.is_empty()
                                    && gap.len() <= 2
                                    && gap
                                        .iter()
                                        .all(|w| lex.fw.conjunctions.contains(w) || w == ",");
                                if !ok {
                                    break;
                                }
                                if gap.iter().any(|w| lex.fw.conjunctions.contains(w)) {
                                    joined = true;
                                }
                                co_subjects.push(x);
                                k -= 1;
                            }
                            if !joined {
                                co_subjects.clear();
                            }
                        }
                    }
                    // "met with the survivors of the shooting", "a rencontré des réfugiés du
                    // Karabagh", "talks with the Taliban": a described group or an organisation
                    // when no person is named after the trigger
                    if objs.is_empty()
                        && !of_noun
                        && !det_before
                        && kind != "hosted"
                        && kind != "visit"
                    {
                        let subj_known = subject.is_some()
                            || poss_before
                            || lw[..ta].iter().any(|w| lex.pronouns.contains(w));
                        if subj_known {
                            for (name, a, b) in counterpart_phrases(lex, s, m, tb, wend) {
                                named.push(name);
                                objs.push(Side {
                                    a,
                                    b,
                                    who: Who::Described(named.len() - 1),
                                });
                            }
                        }
                    }
                    if objs.is_empty() {
                        // "X et Y se sont rencontrés"
                        if before.len() >= 2
                            && kind == "meet"
                            && !det_before
                            && before[before.len() - 1].b + 4 >= ta
                        {
                            let (x, y) = (before[before.len() - 2], before[before.len() - 1]);
                            if lw
                                .get(x.b..y.a)
                                .is_some_and(|s| s.iter().any(|w| lex.fw.conjunctions.contains(w)))
                            {
                                groups.push((Party::Person(x.pid), vec![Side::from(y)], false));
                            }
                        }
                        // countries or organisations on both sides ("Washington and the Taliban held talks")
                        if groups.is_empty() && people.is_empty() {
                            let mut ents: Vec<(usize, String)> = Vec::new();
                            for p in m
                                .places
                                .iter()
                                .filter(|p| p.b <= ta && !p.demonym && p.kind != PlaceKind::Region)
                            {
                                let name = if p.kind == PlaceKind::City && !p.cc.is_empty() {
                                    lex.country_display(&p.cc)
                                } else {
                                    p.display.clone()
                                };
                                ents.push((p.a, name));
                            }
                            for o in m.orgs.iter().filter(|o| o.b <= ta) {
                                ents.push((o.a, o.name.clone()));
                            }
                            ents.sort();
                            let joined = ents.len() == 2
                                && lw.get(ents[0].0..ents[1].0).is_some_and(|g| {
                                    g.iter().any(|w| lex.fw.conjunctions.contains(w))
                                });
                            if ents.len() == 2 && ents[0].0 < 3 && joined {
                                groups.push((Party::Name(ents[0].1.clone()), vec![], false));
                                groups.last_mut().unwrap().0 = Party::Name(ents[0].1.clone());
                                let second = ents[1].1.clone();
                                out.push(Found {
                                    sent: si,
                                    parties: vec![
                                        Party::Name(ents[0].1.clone()),
                                        Party::Name(second),
                                    ],
                                    place: loc_place.clone(),
                                    date: date_for(sent_dates, n, s)
                                        .or(ctx_date.as_ref().map(|x| x.0.clone())),
                                    planned: false,
                                    trigger: s.text[s.toks[ta].start..s.toks[tb - 1].end]
                                        .to_string(),
                                    after: tb,
                                });
                                groups.clear();
                            }
                        }
                    } else {
                        // "Lors de leur rencontre, X et Y ont évoqué …", "After their talks, X and
                        // Y said": the coordinated people after the comma met each other
                        if subject.is_none()
                            && fronted.is_none()
                            && objs.len() >= 2
                            && lw[tb..objs[0].a].iter().any(|w| w == ",")
                            && lw[objs[0].b..objs[1].a]
                                .iter()
                                .any(|w| lex.fw.conjunctions.contains(w))
                        {
                            if let Some(first) = objs[0].person() {
                                objs.remove(0);
                                fronted = Some(first);
                            }
                        }
                        let subj = match subject {
                            Some(p) => Some(p),
                            None if fronted.is_some() => fronted.map(|f| Party::Person(f.pid)),
                            // "il a rencontré …", "his talks with …": the person in focus, only for
                            // a pronoun subject
                            None if lw[..objs[0].a].iter().any(|w| lex.pronouns.contains(w))
                                || poss_before =>
                            {
                                last_subject.map(Party::Person)
                            }
                            // a language that drops the pronoun ("…, se reunió con X"): the clause
                            // before the verb names no one and describes no one
                            None if lex.null_subject && null_subject(lex, s, ta) => {
                                last_subject.map(Party::Person)
                            }
                            // "Am Mittwoch empfing X Y": in a verb-second language the subject
                            // may follow the verb when no name precedes it
                            None if lex.verb_second && objs.len() >= 2 => {
                                objs[0].person().map(|first| {
                                    objs.remove(0);
                                    Party::Person(first.pid)
                                })
                            }
                            None => None,
                        };
                        for c in co_subjects.iter().rev() {
                            if !objs.is_empty() {
                                groups.push((Party::Person(c.pid), objs.clone(), kind == "host"));
                            }
                        }
                        // "discussions avec X, …": X is a counterpart even when the subject is unknown
                        if subj.is_some() || lex.fw.comitatives.contains(&lw[tb - 1]) {
                            taken.extend(objs.iter().map(|o| o.a));
                        }
                        if let Some(sj) = subj {
                            sent_subject = Some(sj.clone());
                            if !objs.is_empty() {
                                groups.push((sj, objs, kind == "host"));
                            }
                        }
                    }
                }
            }
            for (subj, objs, host) in groups {
                let Party::Person(sp) = subj.clone() else {
                    continue;
                };
                last_subject = Some(sp);
                for o in &objs {
                    if o.who == Who::Person(sp) {
                        continue;
                    }
                    let other = match o.who {
                        Who::Described(i) => Party::Name(named[i].clone()),
                        Who::Person(pid) => Party::Person(pid),
                    };
                    let place = loc_place.clone().or_else(|| {
                        let h = match o.who {
                            Who::Described(_) => None,
                            Who::Person(pid) if kind == "hosted" => Some(pid),
                            Who::Person(_) if host => Some(sp),
                            Who::Person(_) => None,
                        };
                        h.and_then(|h| cx.person_country[h].clone())
                            .map(|c| lex.country_display(&c))
                    });
                    // the place of a visit frame, or of an earlier meeting of the same paragraph
                    let place = place.or_else(|| match &ctx_place {
                        Some((p, blk, visit)) if *visit || *blk == s.block => Some(p.clone()),
                        _ => None,
                    });
                    // a date of the trigger's clause: not one of another clause ("the testimony
                    // Tuesday of officials who described Trump's call with Zelenskiy")
                    let cstart = (0..ta)
                        .rev()
                        .find(|&k| lex.fw.clause_boundaries.contains(&lw[k]) || lw[k] == ";")
                        .map(|k| k + 1)
                        .unwrap_or(0);
                    let in_clause: Vec<&DateHit> = sent_dates
                        .iter()
                        .filter(|d| d.first >= cstart && d.first < wend)
                        .collect();
                    let date = in_clause
                        .iter()
                        .filter(|d| d.first < o.a)
                        .last()
                        .or(in_clause.first())
                        .map(|d| (d.start, d.end, span_text(s, d)))
                        .or_else(|| match &ctx_date {
                            Some((d, blk)) if *blk == s.block || ctx_visit => Some(d.clone()),
                            _ => None,
                        });
                    let planned = is_planned(lex, s, ta, tb)
                        || match (&date, cx.published) {
                            (Some(d), Some(p)) => {
                                days_from_civil(d.0 .0, d.0 .1, d.0 .2)
                                    > days_from_civil(p.0, p.1, p.2)
                            }
                            _ => false,
                        };
                    out.push(Found {
                        sent: si,
                        parties: vec![Party::Person(sp), other],
                        place,
                        date,
                        planned,
                        trigger: s.text[s.toks[ta].start..s.toks[tb - 1].end].to_string(),
                        after: o.b.max(tb),
                    });
                }
            }
        }
        // the place and dates of a visit frame ("En visite de travail en France, du 26 au 28
        // juin") carry to the meetings reported after it
        let frame = !trig.is_empty()
            || lw
                .iter()
                .any(|w| lex.visit_words.iter().any(|p| p.matches(w)));
        if frame && !s.heading {
            if let Some(p) = loc_place.clone() {
                let visit = lw
                    .iter()
                    .any(|w| lex.visit_words.iter().any(|p| p.matches(w)));
                ctx_place = Some((p, s.block, visit));
            }
            if let Some(d) = sent_dates.last() {
                // a visit frame carries its dates through the article; a meeting sentence only
                // within its paragraph
                ctx_visit = lw
                    .iter()
                    .any(|w| lex.visit_words.iter().any(|p| p.matches(w)));
                ctx_date = Some(((d.start, d.end, span_text(s, d)), s.block));
            }
        }
    }
    out
}

/// Where a person mention starts when the role phrase right before its name is counted in
/// ("le ministre de la Défense Karen Brutyan" starts at "ministre").
fn role_start(m: &Mentions, r: &PRef) -> usize {
    m.people
        .iter()
        .find(|pm| pm.a == r.a)
        .and_then(|pm| {
            pm.role_spans
                .iter()
                .filter(|&&(_, y)| y <= r.a && y + 2 >= r.a)
                .map(|&(x, _)| x)
                .min()
        })
        .unwrap_or(r.a)
}

/// The counterparts after a trigger when no person is named there: organisations and countries
/// ("talks with the Taliban"), and groups described by a noun of `party_nouns` ("the survivors of
/// the shooting", "executives from News Corporation and Fairfax", "des réfugiés du Karabagh"),
/// in a list separated by commas and conjunctions.
fn counterpart_phrases(
    lex: &Lex,
    s: &Sent,
    m: &Mentions,
    tb: usize,
    wend: usize,
) -> Vec<(String, usize, usize)> {
    let lw = &s.lw;
    let mut out = Vec::new();
    let mut q = tb;
    // "met on Tuesday with officials": start after a comitative close to the trigger
    if let Some(k) = (tb..wend.min(tb + 4)).find(|&k| lex.fw.comitatives.contains(&lw[k])) {
        q = k + 1;
    }
    let stopper = |k: usize| {
        let t = &s.toks[k];
        t.kind == super::tokens::Kind::Punct
            || lex.fw.clause_boundaries.contains(&lw[k])
            || lex.fw.comitatives.contains(&lw[k])
            || lex.locatives.contains(&lw[k])
            || lex.fw.infinitive_markers.contains(&lw[k])
    };
    while q < wend && out.len() < 8 {
        // skip the list's separators ("members of Congress but also with business executives")
        if lex.fw.conjunctions.contains(&lw[q])
            || p_is(s, q, ",")
            || !out.is_empty() && lex.fw.comitatives.contains(&lw[q])
        {
            q += 1;
            continue;
        }
        let lead = if lex.determiners.contains(&lw[q]) || lex.fw.of_words.contains(&lw[q]) {
            q + 1
        } else {
            q
        };
        if lead >= wend {
            break;
        }
        // a group: up to three words, then a noun of party_nouns ("Taliban officials")
        let head = (lead..wend.min(lead + 4))
            .take_while(|&k| !stopper(k) && !lex.fw.conjunctions.contains(&lw[k]))
            .find(|&k| lex.party_nouns.contains(&lw[k]));
        // else an organisation, or a country as written
        if let (None, Some(o)) = (head, m.orgs.iter().find(|o| o.a == lead && o.b <= wend)) {
            out.push((o.name.clone(), o.a, o.b));
            q = o.b;
            continue;
        }
        if let (None, Some(p)) = (
            head,
            m.places
                .iter()
                .find(|p| p.a == lead && p.b <= wend && !p.demonym && p.kind == PlaceKind::Country),
        ) {
            out.push((p.display.clone(), p.a, p.b));
            q = p.b;
            continue;
        }
        let Some(h) = head else {
            break;
        };
        // its complement: "of the TV networks", "from News Corporation and Fairfax"
        let mut e = h + 1;
        if e < wend && lex.party_noun_links.contains(&lw[e]) {
            let mut k = e + 1;
            while k < wend && k < e + 8 && !stopper(k) {
                if lex.fw.conjunctions.contains(&lw[k]) && !s.toks.get(k + 1).is_some_and(|t| t.cap)
                {
                    break;
                }
                k += 1;
            }
            if k > e + 1 {
                e = k;
            }
        }
        out.push((
            s.text[s.toks[lead].start..s.toks[e - 1].end].to_string(),
            lead,
            e,
        ));
        q = e;
    }
    out
}

fn date_for(dates: &[DateHit], _n: usize, s: &Sent) -> Option<(Ymd, Ymd, String)> {
    dates.first().map(|d| (d.start, d.end, span_text(s, d)))
}

fn span_text(s: &Sent, d: &DateHit) -> String {
    s.text[s.toks[d.first].start..s.toks[d.last - 1].end].to_string()
}

fn is_planned(lex: &Lex, s: &Sent, ta: usize, _tb: usize) -> bool {
    let w = &s.lw[ta];
    if w.chars().count() >= 7 && lex.future_endings.iter().any(|e| w.ends_with(e.as_str())) {
        return true;
    }
    // a future verb earlier in the clause ("se rendra à Tbilissi, où il rencontrera")
    let lo = ta.saturating_sub(4);
    (lo..ta).any(|k| {
        lex.planned.iter().any(|p| p.matches(&s.lw[k]))
            || lex.fw.infinitive_markers.contains(&s.lw[k]) && k + 1 == ta
    })
}

/// A party described rather than named: "the generals", "a top aide to Zelenskiy".
fn noun_party(lex: &Lex, s: &Sent, k: usize, end: usize) -> Option<(String, usize)> {
    let lw = &s.lw;
    if !lex.determiners.contains(lw.get(k)?.as_str()) {
        return None;
    }
    let mut j = k + 1;
    while j < end && j < k + 7 {
        let t = &s.toks[j];
        if t.kind == super::tokens::Kind::Punct || lex.fw.clause_boundaries.contains(&lw[j]) {
            break;
        }
        j += 1;
    }
    (j >= k + 2).then(|| (s.text[s.toks[k].start..s.toks[j - 1].end].to_string(), j))
}

/// No subject written before the trigger at `ta` in its clause (from the last comma or clause
/// boundary): no capitalised word (but a function word, weekday or relative date opening the
/// sentence), no determiner, article or pronoun.
fn null_subject(lex: &Lex, s: &Sent, ta: usize) -> bool {
    let lw = &s.lw;
    let start = (0..ta)
        .rev()
        .find(|&k| p_is(s, k, ",") || p_is(s, k, ";") || lex.fw.clause_boundaries.contains(&lw[k]))
        .map(|k| k + 1)
        .unwrap_or(0);
    (start..ta).all(|k| {
        let t = &s.toks[k];
        let opener = k == 0
            && (lex.stop.contains(&lw[k])
                || lex.weekdays.contains_key(&lw[k])
                || lex
                    .relative
                    .iter()
                    .any(|(ws, _)| ws.first() == Some(&lw[k])));
        !(t.cap && !opener)
            && !lex.determiners.contains(&lw[k])
            && !lex.fw.articles.contains(&lw[k])
            && !lex.pronouns.contains(&lw[k])
    })
}

fn p_is(s: &Sent, k: usize, what: &str) -> bool {
    s.toks
        .get(k)
        .is_some_and(|t| &s.text[t.start..t.end] == what)
}
