//! Resolution within the article: one person per name (a surname or a title alone → the full
//! person), bylines and credits out; organisations merged through their acronyms; places merged
//! by country.

use std::collections::HashSet;

use super::fold;
use super::lex::{Lex, PlaceKind};
use super::meetings::PRef;
use super::mentions::{self, Mentions};
use super::tokens::{tokenize, Kind};
use super::Sent;
use crate::insight::{Evidence, Person};

pub struct People {
    pub list: Vec<Person>,
    /// Per sentence: person mentions resolved to `list` indices.
    pub refs: Vec<Vec<PRef>>,
    /// Country code per person (from roles).
    pub country: Vec<Option<String>>,
    /// The person most mentioned (the subject of "il a rencontré …").
    pub focus: Option<usize>,
}

struct Ent {
    name: String,
    toks: Vec<String>,
    roles: Vec<String>,
    role_orgs: Vec<String>,
    evidence: Vec<Evidence>,
    mentions: usize,
}

fn last_tok(t: &[String]) -> &str {
    t.last().map(|s| s.as_str()).unwrap_or("")
}

fn name_toks(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn people(lex: &Lex, sents: &[Sent], ments: &[Mentions], byline: &[String]) -> People {
    let mut ents: Vec<Ent> = Vec::new();
    let mut refs: Vec<Vec<PRef>> = vec![Vec::new(); sents.len()];
    let find_full = |ents: &Vec<Ent>, t: &[String]| -> Option<usize> {
        ents.iter().position(|e| e.toks == t).or_else(|| {
            ents.iter().position(|e| {
                e.toks.len() >= 2
                    && t.len() >= 2
                    && last_tok(&e.toks) == last_tok(t)
                    && e.toks[0].chars().next() == t[0].chars().next()
            })
        })
    };
    // pass 1: named people (two words or more) with strong cues
    for pass in 0..3 {
        for (si, m) in ments.iter().enumerate() {
            for pm in &m.people {
                let weak = mentions::weak(pm);
                let t = name_toks(&pm.name);
                if t.is_empty() {
                    continue;
                }
                let take = match pass {
                    0 => !weak && t.len() >= 2,
                    1 => !weak && t.len() == 1,
                    _ => weak,
                };
                if !take {
                    continue;
                }
                let idx = if t.len() >= 2 {
                    find_full(&ents, &t)
                } else {
                    let cands: Vec<usize> = (0..ents.len())
                        .filter(|&i| {
                            last_tok(&ents[i].toks) == t[0]
                                || spelling_variant(last_tok(&ents[i].toks), &t[0])
                        })
                        .collect();
                    (cands.len() == 1).then(|| cands[0])
                };
                let idx = match idx {
                    Some(i) => Some(i),
                    // a new person: a strong mention, or a name right after a meeting verb or
                    // "with" ("will meet Xi Jinping")
                    None if !weak
                        || ((2..=3).contains(&t.len()) && pm.a > 0 && {
                            let prev = &sents[si].lw[pm.a - 1];
                            lex.fw.comitatives.contains(prev)
                                || lex.triggers_at(prev).any(|tr| {
                                    tr.pats.len() == 1 && (tr.kind == "meet" || tr.kind == "host")
                                })
                        }) =>
                    {
                        ents.push(Ent {
                            name: pm.name.clone(),
                            toks: t.clone(),
                            roles: vec![],
                            role_orgs: vec![],
                            evidence: vec![],
                            mentions: 0,
                        });
                        Some(ents.len() - 1)
                    }
                    None => {
                        // a weak multiword mention that ends with a known surname ("Nikol Pashinyan")
                        if t.len() >= 2 {
                            let c: Vec<usize> = (0..ents.len())
                                .filter(|&i| {
                                    ents[i].toks.len() >= 2 && ents[i].toks[0] == t[0] && pass == 2
                                })
                                .collect();
                            (c.len() == 1).then(|| c[0])
                        } else {
                            None
                        }
                    }
                };
                let Some(i) = idx else { continue };
                let e = &mut ents[i];
                if t.len() > e.toks.len() && !weak {
                    e.name = pm.name.clone();
                    e.toks = t.clone();
                }
                for r in &pm.roles {
                    if !e.roles.iter().any(|x| fold(x) == fold(r)) {
                        e.roles.push(r.clone());
                    }
                }
                for &(ra, rb) in &pm.role_spans {
                    for o in m.orgs.iter().filter(|o| o.a >= ra && o.b <= rb) {
                        e.role_orgs
                            .push(o.acronym.clone().unwrap_or_else(|| o.name.clone()));
                    }
                }
                e.mentions += 1;
                if e.evidence.len() < 3 && !e.evidence.iter().any(|x| x.sentence == sents[si].text)
                {
                    e.evidence.push(sents[si].evidence());
                }
                refs[si].push(PRef {
                    a: pm.a,
                    b: pm.b,
                    pid: i,
                });
            }
        }
    }
    // bare roles → the person who holds that role
    for (si, m) in ments.iter().enumerate() {
        for (a, b, text) in &m.bare_roles {
            if refs[si].iter().any(|r| r.a <= *a && *a < r.b) {
                continue;
            }
            let words: Vec<String> = name_toks(text)
                .into_iter()
                .filter(|w| !lex.stop.contains(w) && w.len() > 2)
                .collect();
            if words.is_empty() {
                continue;
            }
            // the person whose role starts with these words ("Premier ministre" → the Premier ministre)
            let ft = name_toks(text).join(" ");
            let heads: Vec<usize> = (0..ents.len())
                .filter(|&i| {
                    ents[i]
                        .roles
                        .iter()
                        .any(|r| name_toks(r).join(" ").starts_with(&ft))
                })
                .collect();
            // several holders: the one whose role is exactly these words ("the president" →
            // President Trump, not the president of the Federal Reserve Bank), else one named
            // at least twice as often as any other
            let heads = if heads.len() > 1 {
                let exact: Vec<usize> = heads
                    .iter()
                    .copied()
                    .filter(|&i| ents[i].roles.iter().any(|r| name_toks(r).join(" ") == ft))
                    .collect();
                let pool = if exact.is_empty() { heads } else { exact };
                let mut by: Vec<usize> = pool.clone();
                by.sort_by_key(|&i| std::cmp::Reverse(ents[i].mentions));
                if by.len() == 1 || ents[by[0]].mentions >= 2 * ents[by[1]].mentions {
                    vec![by[0]]
                } else {
                    pool
                }
            } else {
                heads
            };
            if heads.len() == 1 {
                refs[si].push(PRef {
                    a: *a,
                    b: *b,
                    pid: heads[0],
                });
                continue;
            }
            let cands: Vec<usize> = (0..ents.len())
                .filter(|&i| {
                    let rw: HashSet<String> =
                        ents[i].roles.iter().flat_map(|r| name_toks(r)).collect();
                    words.iter().all(|w| rw.contains(w))
                })
                .collect();
            if cands.len() == 1 {
                refs[si].push(PRef {
                    a: *a,
                    b: *b,
                    pid: cands[0],
                });
            }
        }
        refs[si].sort_by_key(|r| r.a);
    }
    // bylines and credits are not people of the story; nor is a known name run on into the next
    // capitalised word of a Title Case headline ("Why Can’t Taylor Swift Perform Her Own Songs?")
    // when the longer name is never seen outside such headlines
    let only_title_case = |i: usize| {
        refs.iter()
            .enumerate()
            .all(|(si, r)| !r.iter().any(|x| x.pid == i) || title_case(&sents[si]))
    };
    let drop: Vec<bool> = ents
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let f = e.toks.join(" ");
            byline.iter().any(|b| {
                let bt = name_toks(b).join(" ");
                !bt.is_empty() && (bt == f || bt.contains(&f) && e.toks.len() >= 2)
            }) || ents.iter().any(|o| {
                o.toks.len() >= 2 && o.toks.len() < e.toks.len() && e.toks.starts_with(&o.toks)
            }) && only_title_case(i)
        })
        .collect();
    // entity index -> index in the kept list (None: dropped)
    let mut map: Vec<Option<usize>> = vec![None; ents.len()];
    let mut list = Vec::new();
    let mut country = Vec::new();
    let mut counts = Vec::new();
    for (i, e) in ents.into_iter().enumerate() {
        if drop[i] {
            continue;
        }
        map[i] = Some(list.len());
        let c = role_country(lex, &e.roles);
        counts.push(e.mentions);
        let org = e.role_orgs.first().cloned();
        list.push(Person {
            name: e.name,
            roles: e.roles,
            org,
            country: c.as_ref().map(|c| lex.country_display(c)),
            evidence: e.evidence,
        });
        country.push(c);
    }
    for r in refs.iter_mut() {
        r.retain_mut(|x| match map[x.pid] {
            Some(kept) => {
                x.pid = kept;
                true
            }
            None => false,
        });
    }
    // the most mentioned person, the first named on a tie
    let focus = (0..counts.len()).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
    People {
        list,
        refs,
        country,
        focus,
    }
}

/// A Title Case sentence (a headline): four words or more, nearly all capitalised.
fn title_case(s: &Sent) -> bool {
    let words: Vec<bool> = s
        .toks
        .iter()
        .filter(|t| t.kind == Kind::Word && t.lower.chars().any(char::is_alphabetic))
        .map(|t| t.cap)
        .collect();
    words.len() >= 4 && words.iter().filter(|&&c| c).count() * 5 >= words.len() * 4
}

fn role_country(lex: &Lex, roles: &[String]) -> Option<String> {
    for r in roles {
        let toks = tokenize(r, &lex.abbrev);
        let lw: Vec<String> = toks.iter().map(|t| t.lower.clone()).collect();
        for i in 0..lw.len() {
            if let Some(c) = lex
                .demonym(&lw[i])
                .into_iter()
                .find(|c| !c.starts_with('@'))
            {
                return Some(c);
            }
            if toks[i].cap {
                for len in (1..=lex.place_len(&lw[i]).min(lw.len() - i)).rev() {
                    if let Some(e) = lex.places.get(&lw[i..i + len].join(" ")) {
                        if e.kind == PlaceKind::Country {
                            return Some(e.cc.clone());
                        }
                    }
                }
            }
        }
    }
    None
}

pub fn orgs(sents: &[Sent], ments: &[Mentions]) -> Vec<(String, Option<String>, Evidence)> {
    let mut out: Vec<(String, Option<String>, Evidence)> = Vec::new();
    for (si, m) in ments.iter().enumerate() {
        for o in &m.orgs {
            let pos = out.iter().position(|x| {
                (o.acronym.is_some() && x.1 == o.acronym)
                    || fold(&x.0) == fold(&o.name)
                    || o.acronym.as_deref().is_some_and(|a| a == x.0)
                    || x.1.as_deref().is_some_and(|a| a == o.name)
            });
            match pos {
                Some(i) => {
                    let x = &mut out[i];
                    if x.1.is_none() && o.acronym.is_some() {
                        x.1 = o.acronym.clone();
                    }
                    if Some(&x.0) == x.1.as_ref() && o.acronym.as_ref() != Some(&o.name) {
                        x.0 = o.name.clone();
                    }
                }
                None => out.push((o.name.clone(), o.acronym.clone(), sents[si].evidence())),
            }
        }
    }
    out
}

pub fn places(
    lex: &Lex,
    sents: &[Sent],
    ments: &[Mentions],
) -> Vec<(String, Option<String>, Evidence)> {
    let mut out: Vec<(String, Option<String>, Evidence, bool, bool)> = Vec::new();
    for (si, m) in ments.iter().enumerate() {
        let people: Vec<(usize, usize)> = m
            .people
            .iter()
            .filter(|p| !mentions::weak(p))
            .map(|p| (p.a, p.b))
            .collect();
        for p in &m.places {
            // a country read only from an adjective ("chancelier allemand") is not a place of the story
            if p.demonym {
                continue;
            }
            if people.iter().any(|&(a, b)| a <= p.a && p.a < b) {
                continue;
            }
            let cc = (!p.cc.is_empty()).then(|| p.cc.clone());
            let pos = out.iter().position(|x| {
                if p.kind == PlaceKind::Country {
                    x.1 == cc && x.3
                } else {
                    fold(&x.0) == fold(&p.display)
                }
            });
            match pos {
                Some(i) => {
                    if out[i].3 && !p.demonym && !out[i].4 {
                        out[i].0 = p.display.clone();
                        out[i].4 = true;
                    }
                }
                None => out.push((
                    p.display.clone(),
                    cc,
                    sents[si].evidence(),
                    p.kind == PlaceKind::Country,
                    !p.demonym,
                )),
            }
        }
    }
    let _ = lex;
    out.into_iter().map(|x| (x.0, x.1, x.2)).collect()
}

/// Two spellings of one surname ("Zelenskiy" / "Zelensky"): a long common start, a short tail.
fn spelling_variant(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let common = ca.iter().zip(&cb).take_while(|(x, y)| x == y).count();
    common >= 6 && ca.len().max(cb.len()) - common <= 2
}
