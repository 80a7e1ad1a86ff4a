//! Mentions in one sentence: places (gazetteer + demonyms), organisations (acronyms defined in the
//! text, known names, head-noun patterns), people (capitalised runs made people by an honorific,
//! a title or role before or after, or a known first name) with their roles.

use super::lex::{Lex, PlaceKind};
use super::tokens::{is_clitic, Kind};
use super::Sent;

#[derive(Clone, Debug)]
pub struct PlaceM {
    pub a: usize,
    pub b: usize,
    pub display: String,
    pub cc: String,
    pub kind: PlaceKind,
    pub demonym: bool,
    pub locative: bool,
}

#[derive(Clone, Debug)]
pub struct OrgM {
    pub a: usize,
    pub b: usize,
    pub name: String,
    pub acronym: Option<String>,
}

#[derive(Clone, Debug)]
pub struct PersonM {
    pub a: usize,
    pub b: usize,
    pub name: String,
    pub roles: Vec<String>,
    /// Token span of the role phrases (before and after), to keep their words out of the rest.
    pub role_spans: Vec<(usize, usize)>,
    pub honor: bool,
    /// A capitalised run taken only as a possible surname mention (no first name, title or
    /// honorific): resolution decides whether it is a person of the article.
    pub weak: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub places: Vec<PlaceM>,
    pub orgs: Vec<OrgM>,
    pub people: Vec<PersonM>,
    /// Role phrases with no name (for "le président tchèque" → a person with that role).
    pub bare_roles: Vec<(usize, usize, String)>,
}

pub fn surface(s: &Sent, a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    s.text[s.toks[a].start..s.toks[b - 1].end].to_string()
}

fn p(s: &Sent, i: usize) -> &str {
    s.toks.get(i).map(|t| &s.text[t.start..t.end]).unwrap_or("")
}

/// A dateline's place in capitals opening a sentence: "BUFFALO, N.Y. —", "KABUL (AP) —",
/// "GENEVA —" (capitalised words and punctuation, then a dash, within five tokens), or a short
/// sentence of its own when an abbreviation's period ended it ("MARLBOROUGH, Mass.").
fn dateline_at(s: &Sent, i: usize) -> bool {
    let plain = |k: usize| s.toks[k].kind == Kind::Punct || s.toks[k].cap;
    i == 0
        && ((1..=5).any(|j| matches!(p(s, j), "—" | "–" | "-") && (1..j).all(plain))
            || s.toks.len() <= 5 && p(s, 1) == "," && (1..s.toks.len()).all(plain))
}

fn is_word(s: &Sent, i: usize) -> bool {
    s.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
}

/// The longest word in capitals taken as an acronym ("DGSN-DGST" has 9 letters); a longer
/// one is a shouted word or a hostile page, not an organisation's name.
const MAX_ACRONYM: usize = 16;

pub fn find(lex: &Lex, s: &Sent, lowercase: &super::tokens::HashSet<String>) -> Mentions {
    let n = s.toks.len();
    let lw = &s.lw;
    let mut m = Mentions::default();
    let mut used = vec![false; n];

    // --- places: longest gazetteer match, capitalised
    let mut i = 0;
    while i < n {
        let mut hit = None;
        if s.toks[i].cap {
            for len in (1..=lex.place_len(&lw[i]).min(n - i)).rev() {
                if !s.toks[i + len - 1].cap && len > 1 && !s.toks[i + len - 1].upper {
                    // last word of a multiword place is capitalised or a particle-free name
                    let l = &lw[i + len - 1];
                    if lex.stop.contains(l) {
                        continue;
                    }
                }
                let key = lw[i..i + len].join(" ");
                if let Some(e) = lex.places.get(&key) {
                    // the whole token text must be the name: not "Paris-2024"
                    hit = Some((len, e.clone()));
                    break;
                }
            }
        }
        // "Deutschlands", "Gazastreifens": a known place in the genitive (settings genitive_s)
        if hit.is_none() && lex.genitive_s && s.toks[i].cap && !s.toks[i].upper {
            if let Some(base) = lw[i].strip_suffix('s').filter(|b| b.chars().count() >= 3) {
                if let Some(e) = lex.places.get(base) {
                    hit = Some((1, e.clone()));
                }
            }
        }
        // "Flavio Arce San Martín": a place right after a first name and a surname ends the name
        if hit.is_some()
            && i > 1
            && s.toks[i - 1].cap
            && s.toks[i - 1].kind == Kind::Word
            && s.toks[i - 2].cap
            && s.toks[i - 2].kind == Kind::Word
            && !s.toks[i - 1].upper
            && lex.is_first_name(p(s, i - 2))
            && !lex.is_first_name(p(s, i - 1))
            && !lex.stop.contains(&lw[i - 1])
            && !lex.places.contains_key(&lw[i - 1])
            && !lex.places.contains_key(&lw[i - 2])
            && lex.is_title_at(lw, i - 1).is_none()
            && !lex.org_heads.contains(&lw[i - 1])
            && !lex.facility_heads.contains(&lw[i - 1])
            && !lex.is_demonym(&lw[i - 1])
        {
            hit = None;
        }
        // "Enrique Santiago": a place that is also a first name, after a first name
        if let Some((1, _)) = hit {
            if i > 0
                && s.toks[i - 1].cap
                && s.toks[i - 1].kind == Kind::Word
                && lex.is_first_name(p(s, i - 1))
                && lex.is_first_name(p(s, i))
                && !lex.places.contains_key(&lw[i - 1])
            {
                hit = None;
            }
        }
        // "Chad Wolf", "Jordan Peterson": a first name that is also a place, before a name
        if let Some((1, _)) = hit {
            let next_is_name = s
                .toks
                .get(i + 1)
                .is_some_and(|t| t.cap && t.kind == Kind::Word && !t.upper)
                && !lex.stop.contains(&lw[i + 1])
                && !lex.places.contains_key(&lw[i + 1])
                && !lex.org_heads.contains(&lw[i + 1]);
            if next_is_name && lex.is_first_name(p(s, i)) {
                hit = None;
            }
        }
        if let Some((len, e)) = hit {
            // a capitalised place that is a stopword at the start of a sentence is not taken
            let loc = i > 0 && lex.locatives.contains(&lw[i - 1])
                || i > 1
                    && lex.fw.articles.contains(&lw[i - 1])
                    && lex.locatives.contains(&lw[i - 2]);
            // an attributive abbreviation ("U.S. military aid", "US troops") works as an adjective
            let attributive = len == 1
                && s.toks[i].upper
                && s.toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap);
            m.places.push(PlaceM {
                a: i,
                b: i + len,
                display: e.display.clone(),
                cc: e.cc.clone(),
                kind: e.kind,
                demonym: attributive,
                locative: loc,
            });
            for u in used.iter_mut().skip(i).take(len) {
                *u = true;
            }
            i += len;
            continue;
        }
        i += 1;
    }

    // --- organisations: "Expansion (ACR)"
    let mut prev_head: Option<Vec<usize>> = None;
    for i in 0..n {
        if p(s, i) == "("
            && i + 2 < n
            && p(s, i + 2) == ")"
            && s.toks[i + 1].upper
            && s.toks[i + 1].kind == Kind::Word
            && p(s, i + 1).chars().count() <= MAX_ACRONYM
        {
            let acr = p(s, i + 1).to_string();
            if let Some((a, name, head)) = expansion(lex, s, i, &acr, prev_head.as_deref()) {
                prev_head = Some(head);
                m.orgs.push(OrgM {
                    a,
                    b: i,
                    name,
                    acronym: Some(acr),
                });
            } else if !lex.not_orgs.contains(&acr)
                && !(s.first_in_block && i < 6 || i + 4 >= n && s.last_in_block)
            {
                let name = lex
                    .acronyms
                    .get(&acr)
                    .cloned()
                    .unwrap_or_else(|| acr.clone());
                let ac = if name != acr { Some(acr.clone()) } else { None };
                m.orgs.push(OrgM {
                    a: i + 1,
                    b: i + 2,
                    name,
                    acronym: ac.or(Some(acr)),
                });
            }
        }
    }
    // known organisations (multiword names)
    let mut i = 0;
    while i < n {
        let mut adv = 1;
        for (ws, name, acr) in lex
            .org_index
            .get(&lw[i])
            .into_iter()
            .flatten()
            .map(|&k| &lex.orgs[k])
        {
            if ws.len() > 1
                && i + ws.len() <= n
                && ws.iter().zip(&lw[i..]).all(|(a, b)| a == b)
                && s.toks[i].cap
            {
                if !m.orgs.iter().any(|o| o.a <= i && i < o.b) {
                    m.orgs.push(OrgM {
                        a: i,
                        b: i + ws.len(),
                        name: name.clone(),
                        acronym: acr.clone(),
                    });
                }
                adv = ws.len();
                break;
            }
        }
        i += adv;
    }
    // head-noun patterns
    let mut i = 0;
    while i < n {
        if m.orgs.iter().any(|o| o.a <= i && i < o.b) || !is_word(s, i) {
            i += 1;
            continue;
        }
        let head = lex.org_heads.contains(&lw[i]);
        if head {
            if let Some(b) = org_extent(lex, s, i) {
                let name = surface(s, i, b);
                m.orgs.push(OrgM {
                    a: i,
                    b,
                    name,
                    acronym: None,
                });
                i = b;
                continue;
            }
        }
        // English-style: capitalised run whose last word is an organisation head
        if s.toks[i].cap && !lex.stop.contains(&lw[i]) {
            let mut j = i;
            while j < n
                && (s.toks[j].cap && is_word(s, j)
                    || (j > i
                        && lex.fw.org_name_links.contains(&lw[j])
                        && j + 1 < n
                        && s.toks[j + 1].cap))
            {
                j += 1;
            }
            // where every noun is capitalised the run goes on past the name ("die Junge Union
            // Druck gemacht"): it ends at its last head
            if lex.compounds {
                while j > i + 2 && !lex.org_heads.contains(&lw[j - 1]) {
                    j -= 1;
                }
            }
            if j > i + 1
                && lex.org_heads.contains(&lw[j - 1])
                && !lex.is_title_at(lw, i).is_some_and(|l| l >= j - i)
            {
                // "Former National Security Council": the person's word stays out
                let mut a = i;
                while a + 2 < j && lex.fw.not_org_starts.contains(&lw[a]) {
                    a += 1;
                }
                let name = uninflected(lex, &surface(s, a, j));
                m.orgs.push(OrgM {
                    a,
                    b: j,
                    name,
                    acronym: None,
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    // acronyms standing alone
    for i in 0..n {
        let t = &s.toks[i];
        if t.upper
            && t.kind == Kind::Word
            && !m.orgs.iter().any(|o| o.a <= i && i < o.b)
            && !used[i]
        {
            let w = p(s, i);
            let core = w.trim_end_matches('.');
            let shouted = (i > 0 && s.toks[i - 1].upper && s.toks[i - 1].kind == Kind::Word)
                || s.toks
                    .get(i + 1)
                    .is_some_and(|t| t.upper && t.kind == Kind::Word);
            if shouted
                || dateline_at(s, i)
                || core.contains('.')
                || lex.not_orgs.contains(core)
                || core.chars().count() < 2
                || core.chars().count() > MAX_ACRONYM
            {
                continue;
            }
            // parts of a hyphenated acronym pair (DGSN-DGST) are kept whole
            if let Some(name) = lex.acronyms.get(core) {
                m.orgs.push(OrgM {
                    a: i,
                    b: i + 1,
                    name: name.clone(),
                    acronym: Some(core.into()),
                });
            } else if core.chars().count() >= 3
                && (core.chars().all(|c| c.is_alphabetic() || c == '&')
                    || core.chars().count() <= 3
                        && core.chars().skip(1).all(|c| c.is_ascii_digit()))
                && !(i > 0 && p(s, i - 1) == "(" && i < 6)
            {
                m.orgs.push(OrgM {
                    a: i,
                    b: i + 1,
                    name: core.into(),
                    acronym: Some(core.into()),
                });
            }
        }
    }
    // a name with an all-capital part: "Zanu-PF"
    for i in 0..n {
        let w = p(s, i);
        if s.toks[i].cap
            && !s.toks[i].upper
            && w.contains('-')
            && !used[i]
            && !m.orgs.iter().any(|o| o.a <= i && i < o.b)
        {
            let title = lex.is_title_at(lw, i).is_some();
            let caps_part = w
                .split('-')
                .any(|x| x.chars().count() >= 2 && x.chars().all(|c| c.is_uppercase()));
            let lower_part = w
                .split('-')
                .any(|x| x.chars().skip(1).any(|c| c.is_lowercase()));
            // in a language of compounds, "EU-Kommission" is a body, "EU-Exporte" a common noun
            let head_ok = !lex.compounds || lex.ends_with_head(&lw[i], &lex.org_heads);
            if title && !lex.compounds {
                // "WFP-Chef" is a role, no body
            } else if caps_part && lower_part && head_ok && !title {
                m.orgs.push(OrgM {
                    a: i,
                    b: i + 1,
                    name: uninflected(lex, w),
                    acronym: None,
                });
            } else if caps_part && lower_part {
                // a common noun ("EU-Exporte") or a role ("CIA-Direktor"): no part of a name
                used[i] = !title;
                // its acronym is still a body's name ("CIA-Direktor" → CIA), unless a place ("US-")
                let acr = w.split('-').next().unwrap_or_default();
                let letters = acr.chars().count();
                if letters >= 2
                    && letters <= MAX_ACRONYM
                    && acr.chars().all(|c| c.is_uppercase())
                    && !lex.not_orgs.contains(acr)
                    && !lex.places.contains_key(&acr.to_lowercase())
                    && (lex.acronyms.contains_key(acr) || letters >= 3)
                {
                    let name = lex
                        .acronyms
                        .get(acr)
                        .cloned()
                        .unwrap_or_else(|| acr.to_string());
                    m.orgs.push(OrgM {
                        a: i,
                        b: i + 1,
                        name,
                        acronym: Some(acr.to_string()),
                    });
                }
            }
        }
    }
    // single-word known organisations (Reuters, Hamas)
    for i in 0..n {
        if s.toks[i].cap && !s.toks[i].upper && !m.orgs.iter().any(|o| o.a <= i && i < o.b) {
            if let Some((_, name, acr)) = lex
                .orgs
                .iter()
                .find(|(ws, _, _)| ws.len() == 1 && ws[0] == lw[i])
            {
                m.orgs.push(OrgM {
                    a: i,
                    b: i + 1,
                    name: name.clone(),
                    acronym: acr.clone(),
                });
            }
        }
    }
    m.orgs.sort_by_key(|o| o.a);
    for o in &m.orgs {
        for u in used.iter_mut().take(o.b).skip(o.a) {
            *u = true;
        }
    }

    // --- demonyms (lowercase in French, capitalised in English; compound "maroco-française")
    for i in 0..n {
        if used[i] || !is_word(s, i) {
            continue;
        }
        let cs = lex.demonym(&lw[i]);
        for c in cs {
            let display = lex.country_display(&c);
            m.places.push(PlaceM {
                a: i,
                b: i + 1,
                display,
                cc: c.trim_start_matches('@').to_string(),
                kind: PlaceKind::Country,
                demonym: true,
                locative: false,
            });
        }
    }

    // --- facilities: "Palais des Archevêques", "Château de Lány", "KeyBank Center"
    for i in 0..n {
        if used[i] || !s.toks[i].cap || !lex.facility_heads.contains(&lw[i]) {
            continue;
        }
        let mut j = i + 1;
        let mut k = j;
        while k < n && lex.fw.complement_links.contains(&lw[k]) {
            k += 1;
        }
        // a known place is the facility's complement ("Palacio de la Zarzuela"), not a person
        // or an organisation
        let free =
            |x: usize| !used[x] || m.places.iter().any(|p| !p.demonym && p.a <= x && x < p.b);
        if k > j && k < n && s.toks[k].cap && free(k) {
            j = k;
            while j < n && s.toks[j].cap && s.toks[j].kind == Kind::Word && free(j) {
                j += 1;
            }
        } else if k == j
            && lex.head_then_name
            && s.toks[i].cap
            && j < n
            && s.toks[j].cap
            && s.toks[j].kind == Kind::Word
            && !used[j]
            && !lex.stop.contains(&lw[j])
            && lex.is_title_at(lw, j).is_none()
            && s.toks.get(j + 1).is_none_or(|t| !t.cap)
        {
            // "Schloss Bellevue", "Hotel Formentor": the head and one name, no link
            j += 1;
        }
        if j > i + 1 {
            for u in used.iter_mut().take(j).skip(i) {
                *u = true;
            }
            m.places.retain(|p| p.b <= i || p.a >= j);
            // "en el Palacio de …", "au Palais …": a locative, perhaps through an article
            let loc = i > 0 && lex.locatives.contains(&lw[i - 1])
                || i > 1
                    && lex.fw.articles.contains(&lw[i - 1])
                    && lex.locatives.contains(&lw[i - 2]);
            m.places.push(PlaceM {
                a: i,
                b: j,
                display: surface(s, i, j),
                cc: String::new(),
                kind: PlaceKind::Region,
                demonym: false,
                locative: loc,
            });
        }
    }
    for i in 1..n {
        // "KeyBank Center": capitalised words ending with a facility head (English order; in a
        // language that puts the head first, "Ignacio Torre" is a name)
        if !used[i]
            && !lex.adjectives_after_noun
            && s.toks[i].cap
            && lex.facility_heads.contains(&lw[i])
            && s.toks[i - 1].cap
            && !used[i - 1]
            && !lex.stop.contains(&lw[i - 1])
            && lex.is_title_at(lw, i - 1).is_none()
        {
            let mut a = i - 1;
            while a > 0 && s.toks[a - 1].cap && !used[a - 1] && !lex.stop.contains(&lw[a - 1]) {
                a -= 1;
            }
            for u in used.iter_mut().take(i + 1).skip(a) {
                *u = true;
            }
            m.places.push(PlaceM {
                a,
                b: i + 1,
                display: surface(s, a, i + 1),
                cc: String::new(),
                kind: PlaceKind::Region,
                demonym: false,
                locative: a > 0 && lex.locatives.contains(&lw[a - 1]),
            });
        }
    }

    // --- "mosquée de Beaucaire (Gard)", "mayor of Franklin": a place complement, and a
    // parenthesised place after a place
    for i in 2..n {
        if !(lex.place_heads.contains(&lw[i - 2]) && lex.fw.of_words.contains(&lw[i - 1])) {
            continue;
        }
        if used[i]
            || !s.toks[i].cap
            || s.toks[i].upper
            || !is_word(s, i)
            || lex.stop.contains(&lw[i])
            || lex.is_first_name(p(s, i))
            || lex.is_title_at(lw, i).is_some()
            || lex.org_heads.contains(&lw[i])
            || lex.months.contains_key(&lw[i])
            || lex.is_honor_at(lw, i).is_some()
        {
            continue;
        }
        let mut j = i + 1;
        while j < n
            && j < i + 3
            && s.toks[j].cap
            && is_word(s, j)
            && !used[j]
            && !lex.stop.contains(&lw[j])
        {
            j += 1;
        }
        if s.toks.get(j).is_some_and(|t| t.cap && t.kind == Kind::Word)
            && !used.get(j).copied().unwrap_or(true)
        {
            continue; // a longer name: not sure
        }
        for u in used.iter_mut().take(j).skip(i) {
            *u = true;
        }
        m.places.push(PlaceM {
            a: i,
            b: j,
            display: surface(s, i, j),
            cc: String::new(),
            kind: PlaceKind::City,
            demonym: false,
            locative: false,
        });
        // "Beaucaire (Gard)"
        if j + 2 < n
            && p(s, j) == "("
            && p(s, j + 2) == ")"
            && s.toks[j + 1].cap
            && !s.toks[j + 1].upper
            && !used[j + 1]
        {
            used[j + 1] = true;
            m.places.push(PlaceM {
                a: j + 1,
                b: j + 2,
                display: p(s, j + 1).to_string(),
                cc: String::new(),
                kind: PlaceKind::Region,
                demonym: false,
                locative: false,
            });
        }
    }

    // --- "Nîmes (Gard)": a capitalised word in brackets right after a place or a named body
    for i in 2..n.saturating_sub(1) {
        if p(s, i - 1) == "("
            && p(s, i + 1) == ")"
            && s.toks[i].cap
            && !s.toks[i].upper
            && is_word(s, i)
            && !used[i]
            && s.toks[i - 2].cap
            && used[i - 2]
            && !lex.is_first_name(p(s, i))
            && !lex.not_names.contains(&lw[i])
            && !lex.stop.contains(&lw[i])
            && !lex.orgs.iter().any(|o| o.0.len() == 1 && o.0[0] == lw[i])
            && lex.is_title_at(lw, i).is_none()
        {
            used[i] = true;
            m.places.push(PlaceM {
                a: i,
                b: i + 1,
                display: p(s, i).to_string(),
                cc: String::new(),
                kind: PlaceKind::Region,
                demonym: false,
                locative: false,
            });
        }
    }

    // --- places named after a locative preposition ("à Nîmes", "in Kyiv") that no table knows
    for i in 1..n {
        if !lex.fw.place_prepositions.contains(&lw[i - 1])
            || lowercase.contains(&lw[i])
            || lw.get(i + 1).is_some_and(|w| is_clitic(w))
            || !s.toks[i].cap
            || used[i]
            || !is_word(s, i)
            || s.toks[i].upper
        {
            continue;
        }
        let w = p(s, i);
        if lex.stop.contains(&lw[i])
            || lex.is_first_name(w)
            || lex.months.contains_key(&lw[i])
            || lex.weekdays.contains_key(&lw[i])
            || lex.is_title_at(lw, i).is_some()
            || lex.org_heads.contains(&lw[i])
            || lex.not_names.contains(&lw[i])
            || lex.is_demonym(&lw[i])
            || s.toks.get(i + 1).is_some_and(|t| t.cap)
            || lex.is_honor_at(lw, i).is_some()
            || lex.noun_endings.iter().any(|e| lw[i].ends_with(e.as_str()))
        {
            continue;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        used[i] = true;
        m.places.push(PlaceM {
            a: i,
            b: i + 1,
            display: w.to_string(),
            cc: String::new(),
            kind: PlaceKind::City,
            demonym: false,
            locative: true,
        });
    }

    // --- people
    let name_tok = |i: usize, used: &[bool]| -> bool {
        let t = &s.toks[i];
        t.kind == Kind::Word
            && t.cap
            && !t.upper
            && !used[i]
            && !lex.stop.contains(&lw[i])
            && !lex.not_names.contains(&lw[i])
            && !lex.months.contains_key(&lw[i])
            && !lex.weekdays.contains_key(&lw[i])
            && lex.is_title_at(lw, i).is_none()
            && lex.is_honor_at(lw, i).is_none()
            && !lex.org_heads.contains(&lw[i])
            && !(lex.compounds && lw[i].contains('-') && lex.ends_with_head(&lw[i], &lex.org_heads))
            && !lex.is_demonym(&lw[i])
            && !lw[i].starts_with('’')
            && lw[i].chars().any(|c| c.is_alphabetic())
    };
    let mut i = 0;
    while i < n {
        let initial = |k: usize| p(s, k).len() <= 3 && p(s, k).ends_with('.') && s.toks[k].cap;
        if !(name_tok(i, &used) && !initial(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            // a short capitalised function word right after a name word, mid-sentence: "Liu He"
            let cap_stop = s.toks[j].cap
                && s.toks[j].kind == Kind::Word
                && lex.stop.contains(&lw[j])
                && j == i + 1
                && i > 0
                && !s.toks[j].upper
                && lw[j].chars().count() <= 3
                && s.toks.get(j + 1).is_none_or(|t| !t.cap);
            if cap_stop {
                j += 1;
                continue;
            }
            if name_tok(j, &used) || initial(j) && j + 1 < n && name_tok(j + 1, &used) {
                j += 1;
            } else if initial(j) && s.toks.get(j + 1).is_none_or(|t| !t.cap) && j == i + 1 {
                // "Yassin E.": a surname reduced to its initial
                j += 1;
                break;
            } else if lex.particles.contains(&lw[j])
                && !s.toks[j].cap
                && j + 1 < n
                && (name_tok(j + 1, &used)
                    // two particles: "von der Leyen", "de la Vega"
                    || lex.particles.contains(&lw[j + 1])
                        && !s.toks[j + 1].cap
                        && j + 2 < n
                        && name_tok(j + 2, &used))
                && j > i
                // an article of the page's language links a name only after another particle
                // ("von der Leyen", not "sagte Scholz der Zeitung")
                && !(lex.fw.articles.contains(&lw[j]) && lex.stop.contains(&lw[j]))
            {
                j += 1;
            } else if lex.particles.contains(&lw[j])
                && !s.toks[j].cap
                && j > i
                && j + 2 < n
                && lex.particles.contains(&lw[j + 1])
                && !s.toks[j + 1].cap
                && name_tok(j + 2, &used)
            {
                // two particles: "Ursula von der Leyen", "Alexander Van der Bellen"
                j += 2;
            } else {
                break;
            }
        }
        // a capitalised word right after "de la", "des", "of" is a complement ("ministre de la
        // Défense Karen Brutyan"), not the start of a name, unless it is a known first name
        let mut a = i;
        let b = j;
        let glue_before = |k: usize| k > 0 && lex.fw.complement_openers.contains(&lw[k - 1]);
        while a < b && glue_before(a) && !lex.is_first_name(p(s, a)) {
            if b - a == 1 {
                break;
            }
            a += 1;
            if !lex.is_first_name(p(s, a)) {
                continue;
            }
            break;
        }
        if b - a == 1
            && glue_before(a)
            && !lex.is_first_name(p(s, a))
            && !(a >= 1 && lex.is_honor_at(lw, a - 1).is_some())
        {
            i = b;
            continue;
        }
        let first_known = lex.is_first_name(p(s, a)) && p(s, a).chars().count() > 2;
        // "Cynthia Woods Mitchell Pavilion", "Peter Koros Design": a building or a company, in
        // a language that puts the head last ("Pedro Castillo", "Ignacio Torre" are names)
        if b - a >= 2
            && !lex.adjectives_after_noun
            && (lex.org_heads.contains(&lw[b - 1]) || lex.facility_heads.contains(&lw[b - 1]))
        {
            i = b;
            continue;
        }
        // honorific right before
        let mut k = a;
        let mut honor = false;
        for back in 1..=3 {
            if a >= back {
                if let Some(l) = lex.is_honor_at(lw, a - back) {
                    if a - back + l == a {
                        honor = true;
                        k = a - back;
                        break;
                    }
                }
            }
        }
        let (role_before, rb_span) = role_before(lex, s, k, &m);
        let (role_after, ra_span) = role_after(lex, s, b);
        let words = b - a;
        let strong =
            honor || role_before.is_some() || role_after.is_some() || first_known && words >= 2;
        if strong && !(words == 1 && !honor && role_before.is_none()) {
            let mut roles = Vec::new();
            let mut spans = Vec::new();
            if let Some(r) = role_before {
                roles.push(r);
                spans.push(rb_span);
            }
            if let Some(r) = role_after {
                roles.push(r);
                spans.push(ra_span);
            }
            m.people.push(PersonM {
                a,
                b,
                name: surface(s, a, b),
                roles,
                role_spans: spans,
                honor,
                weak: false,
            });
            i = b;
            continue;
        }
        if words >= 2 || words == 1 {
            // weak candidate: kept as a possible surname mention for resolution
            m.people.push(PersonM {
                a,
                b,
                name: surface(s, a, b),
                roles: vec![],
                role_spans: vec![],
                honor: false,
                weak: true,
            });
        }
        i = b.max(i + 1);
    }
    // role phrases without a name ("le président tchèque", "the ambassador")
    for i in 0..n {
        if let Some(l) = lex.is_title_at(lw, i) {
            if i > 0
                && (lex.fw.articles.contains(&lw[i - 1]) || lex.fw.possessives.contains(&lw[i - 1]))
            {
                let in_role = m
                    .people
                    .iter()
                    .any(|pm| pm.role_spans.iter().any(|&(x, y)| x <= i && i < y));
                if !in_role {
                    let mut e = i + l;
                    // "le président tchèque": adjectives after the noun, where the language
                    // puts them, and never the verb that follows ("the President visited")
                    while lex.adjectives_after_noun
                        && e < n
                        && is_word(s, e)
                        && !s.toks[e].cap
                        && !lex.stop.contains(&lw[e])
                        && lex.triggers_at(&lw[e]).next().is_none()
                        && e < i + l + 2
                    {
                        e += 1;
                    }
                    m.bare_roles.push((i, e, surface(s, i, e)));
                }
            }
        }
    }
    m
}

pub fn weak(p: &PersonM) -> bool {
    p.weak
}

/// The role phrase ending right before a name (position `k`, honorific excluded).
fn role_before(lex: &Lex, s: &Sent, k: usize, m: &Mentions) -> (Option<String>, (usize, usize)) {
    let lw = &s.lw;
    if k > 0 && p(s, k - 1) == "(" {
        return (None, (0, 0)); // "(Gard)": a word in brackets has no role before it
    }
    let mut e = k;
    // skip a comma and determiners right before the name
    while e > 0 && (p(s, e - 1) == "," || lex.fw.articles.contains(&lw[e - 1])) {
        e -= 1;
    }
    if e > 0 && lex.fw.role_breakers.contains(&lw[e - 1]) {
        return (None, (0, 0));
    }
    let mut earliest = None;
    let mut i = e;
    let mut steps = 0;
    while i > 0 && steps < 30 {
        let j = i - 1;
        let w = lw[j].as_str();
        let t = &s.toks[j];
        if m.people.iter().any(|pm| pm.a <= j && j < pm.b && !pm.weak) {
            break;
        }
        if t.kind == Kind::Punct && !matches!(p(s, j), "(" | ")" | "-") && !is_clitic(p(s, j)) {
            break;
        }
        if let Some(start) = (0..=j).rev().take(3).find(|&st| {
            lex.is_title_at(lw, st).is_some_and(|l| st + l == j + 1)
                // "PPL Center", "Credit Union": a capitalised title word inside a name is no title
                && !(s.toks[st].cap && st > 0 && s.toks[st - 1].cap && s.toks[st - 1].kind == Kind::Word
                    && lex.is_title_at(lw, st - 1).is_none() && !lex.stop.contains(&lw[st - 1]) && !lex.role_modifiers.contains(&lw[st - 1])
                    && !lex.places.contains_key(&lw[st - 1]) && !lex.is_demonym(&lw[st - 1]))
        }) {
            earliest = Some(start);
            i = start;
            steps += 1;
            continue;
        }
        if lex.stop.contains(w) && !lex.fw.role_glue.contains(w) && w != "-" {
            break;
        }
        // in English a role ends on its title or an adjective of nationality ("Senator
        // representing Yobe North" is no role of "Yobe North")
        if j + 1 == e
            && earliest.is_none()
            && !lex.adjectives_after_noun
            && t.kind == Kind::Word
            && !t.cap
            && !lex.is_demonym(w)
            && !lex.role_modifiers.contains(w)
        {
            break;
        }
        i = j;
        steps += 1;
    }
    match earliest {
        Some(mut st) => {
            // modifiers before the title: "former security chief", "Zimbabwe President", "ancien"
            let mut back = 0;
            while st > 0 && back < 3 {
                let k = st - 1;
                let w = lw[k].as_str();
                let t = &s.toks[k];
                let cap_ok = t.cap
                    && t.kind == Kind::Word
                    && !lex.stop.contains(w)
                    && !(k == 0 && !lex.places.contains_key(w))
                    && !m.people.iter().any(|pm| pm.a <= k && k < pm.b);
                if lex.role_modifiers.contains(w) || lex.is_demonym(w) || cap_ok {
                    st = k;
                    back += 1;
                } else {
                    break;
                }
            }
            let mut end = e;
            while end > st && matches!(p(s, end - 1), "," | "(") {
                end -= 1;
            }
            (Some(surface(s, st, end)), (st, end))
        }
        None => (None, (0, 0)),
    }
}

/// The apposition after a name: ", Directrice Générale de la Sécurité intérieure (DGSI)".
fn role_after(lex: &Lex, s: &Sent, b: usize) -> (Option<String>, (usize, usize)) {
    let lw = &s.lw;
    let n = s.toks.len();
    let mut i = b;
    if i < n && p(s, i) == "," {
        i += 1;
    }
    let mut k = i;
    let mut skipped = 0;
    while k < n && skipped < 3 && lex.is_title_at(lw, k).is_none() {
        let w = lw[k].as_str();
        if lex.fw.articles.contains(w)
            || lex.fw.indefinite.contains(w)
            || lex.is_demonym(w)
            || s.toks[k].upper
        {
            k += 1;
            skipped += 1;
        } else {
            break;
        }
    }
    if k >= n || lex.is_title_at(lw, k).is_none() {
        return (None, (0, 0));
    }
    if i == b
        && !lw
            .get(b)
            .is_some_and(|x| lex.fw.apposition_articles.contains(x))
    {
        return (None, (0, 0));
    }
    let st = k;
    let mut j = k;
    let mut depth = 0i32;
    while j < n {
        let w = lw[j].as_str();
        let tx = p(s, j);
        if tx == "(" {
            depth += 1;
        } else if tx == ")" {
            depth -= 1;
            if depth < 0 {
                break;
            }
        } else if depth == 0 {
            if s.toks[j].kind == Kind::Punct && tx != "-" && !is_clitic(tx) {
                break;
            }
            if lex.fw.conjunctions.contains(w) {
                let nx = lw.get(j + 1).map(|x| x.as_str()).unwrap_or("");
                if lex.is_honor_at(lw, j + 1).is_some()
                    || lex.fw.articles.contains(nx)
                    || s.toks.get(j + 1).is_some_and(|t| t.cap) && !lex.fw.of_words.contains(nx)
                {
                    break;
                }
            } else if lex.stop.contains(w) && !lex.fw.role_glue.contains(w) && w != "-" {
                break;
            }
            if lex.is_honor_at(lw, j).is_some() {
                break;
            }
            // "X, le Premier ministre arménien échangeait avec Y": a role phrase running into a
            // meeting verb is the next clause's subject, not an apposition to X
            if i > b && lex.triggers_at(w).next().is_some() {
                return (None, (0, 0));
            }
        }
        j += 1;
    }
    if j <= st {
        return (None, (0, 0));
    }
    // a name inside the phrase: "…, le vice-ministre X" is the next item of a list (no role for
    // this name); "… bras droit du Premier ministre X" keeps X inside the role (genitive)
    let glue = |k: usize| k > 0 && lex.fw.genitive_links.contains(&lw[k - 1]);
    for k in st + 1..j {
        let t = &s.toks[k];
        if t.cap
            && t.kind == Kind::Word
            && !t.upper
            && !lex.stop.contains(&lw[k])
            && lex.is_title_at(lw, k).is_none()
            && !glue(k)
            && !(k > st && s.toks[k - 1].cap && !lex.is_title_at(lw, k - 1).is_some())
        {
            let title_start = (st..k).rev().find(|&q| {
                lex.is_title_at(lw, q).is_some()
                    && (q == st || lex.is_title_at(lw, q - 1).is_none())
            });
            let genitive = title_start.is_some_and(|q| {
                q > st && lex.fw.of_words.contains(&lw[q - 1])
                    || q > st + 1
                        && lex.fw.articles.contains(&lw[q - 1])
                        && lex.fw.of_words.contains(&lw[q - 2])
            });
            if !genitive {
                return (None, (0, 0));
            }
            break;
        }
    }
    (Some(surface(s, st, j)), (st, j))
}

/// The expansion of an acronym defined as "Expansion (ACR)": words before the parenthesis whose
/// initials spell the acronym; a coordinated "et de la Surveillance du territoire (DGST)" borrows
/// the head of the previous expansion ("Directeur Général" → D, G).
fn expansion(
    lex: &Lex,
    s: &Sent,
    paren: usize,
    acr: &str,
    prev_head: Option<&[usize]>,
) -> Option<(usize, String, Vec<usize>)> {
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    let lw = &s.lw;
    let mut need = letters.len();
    let mut j = paren;
    let mut content: Vec<usize> = Vec::new();
    while j > 0 && need > 0 {
        let k = j - 1;
        let w = lw[k].as_str();
        if s.toks[k].kind != Kind::Word {
            break;
        }
        if lex.fw.acronym_glue.contains(w) {
            // the conjunction ends the expansion after another one ("(DGSN) et de la
            // Surveillance du territoire (DGST)"), not inside a name ("Comisión Nacional de los
            // Mercados y la Competencia (CNMC)")
            if lex.fw.conjunctions.contains(w) && (k == 0 || s.toks[k - 1].kind != Kind::Word) {
                break;
            }
            j = k;
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first == letters[need - 1] {
            need -= 1;
            content.push(k);
            j = k;
        } else {
            break;
        }
    }
    content.reverse();
    let head_len = |c: &[usize]| c.len();
    let _ = head_len;
    if need == 0 {
        let a = content[0];
        let name = org_name_from_title(lex, s, a, paren);
        return Some((a, name, content[..content.len().min(2)].to_vec()));
    }
    // borrow the previous head
    if let Some(h) = prev_head {
        if h.len() == need
            && h.iter()
                .enumerate()
                .all(|(q, &k)| lw[k].starts_with(letters[q]))
            && !content.is_empty()
        {
            let head = org_name_from_title(lex, s, h[0], h[h.len() - 1] + 1);
            let a = j;
            let mut st = a;
            while st < paren
                && (lex.fw.complement_links.contains(&lw[st]) || lex.fw.articles.contains(&lw[st]))
            {
                st += 1;
            }
            let rest = surface(s, st, paren);
            // the language's link ("of", "de la"), elided before a vowel ("de l’")
            let glue = if !lex.name_link_elided.is_empty()
                && lw
                    .get(st)
                    .is_some_and(|w| w.starts_with(|c: char| lex.elision_initials.contains(c)))
            {
                &lex.name_link_elided
            } else {
                &lex.name_link
            };
            let name = if glue.is_empty() {
                format!("{head} {rest}")
            } else {
                format!("{head} {glue} {rest}")
            };
            return Some((content[0], name, h.to_vec()));
        }
    }
    None
}

/// The word with its first letter uppercase.
/// An organisation's name without the genitive ending of its head, in a language whose names
/// take one (settings genitive_s): "US-Aussenministeriums" → "US-Aussenministerium".
fn uninflected(lex: &Lex, name: &str) -> String {
    if !lex.genitive_s {
        return name.to_string();
    }
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    for end in ["es", "s"] {
        if let Some(base) = last.strip_suffix(end) {
            if base.chars().count() >= 3 && lex.ends_with_head(base, &lex.org_heads) {
                return name[..name.len() - end.len()].to_string();
            }
        }
    }
    name.to_string()
}

fn capital(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "Directeur Général de la Sûreté nationale" names the office ("Direction Générale de …").
fn org_name_from_title(lex: &Lex, s: &Sent, a: usize, b: usize) -> String {
    let text = surface(s, a, b);
    if lex.is_title_at(&s.lw, a).is_some() {
        // the office a title's holder heads (data: title_offices.txt), written with the title's
        // capital, and the adjective after it agreeing with it (office_agreements.txt)
        for (t, o) in &lex.title_offices {
            for (t, o) in [(capital(t), capital(o)), (t.clone(), o.clone())] {
                if let Some(rest) = text.strip_prefix(t.as_str()) {
                    let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
                    if let Some(w) = words.get_mut(1) {
                        let lower = w.to_lowercase();
                        if let Some(f) = lex.office_agreements.get(&lower) {
                            if *w == lower {
                                *w = f.clone();
                            } else if *w == capital(&lower) {
                                *w = capital(f);
                            }
                        }
                    }
                    return format!("{o}{}", words.join(" "));
                }
            }
        }
    }
    text
}

/// Extent of an organisation that starts with a head noun ("ministère de la Défense de la
/// République d’Arménie", "Police nationale", "Pôle DGSN-DGST"), or None.
fn org_extent(lex: &Lex, s: &Sent, i: usize) -> Option<usize> {
    let lw = &s.lw;
    let n = s.toks.len();
    let mut j = i + 1;
    let mut has_cap = s.toks[i].cap && i > 0;
    let adj = |w: &str| {
        lex.fw
            .adjective_endings
            .iter()
            .any(|s| w.ends_with(s.as_str()))
            || lex.is_demonym(w)
    };
    // adjectives after the head, in languages that put them there (data: settings.txt)
    let mut steps = if lex.adjectives_after_noun { 0 } else { 2 };
    while j < n
        && steps < 2
        && s.toks[j].kind == Kind::Word
        && (!s.toks[j].cap || s.toks[i].cap)
        && !lex.stop.contains(&lw[j])
        && adj(&lw[j])
    {
        j += 1;
        steps += 1;
    }
    // a capitalised or all-caps name right after the head ("Pôle DGSN-DGST")
    if j < n && s.toks[j].upper && j == i + 1 {
        return Some(j + 1);
    }
    // complements "de la Défense", "d’Ostrava"
    let mut comps = 0;
    loop {
        let mut k = j;
        while k < n && lex.fw.complement_links.contains(&lw[k]) {
            k += 1;
        }
        if k == j || k >= n || !s.toks[k].cap || lex.stop.contains(&lw[k]) || comps >= 3 {
            break;
        }
        // a person's name is no complement: "Gobierno de Pedro Sánchez"
        if lex.is_first_name(p(s, k))
            && s.toks
                .get(k + 1)
                .is_some_and(|t| t.cap && t.kind == Kind::Word)
            && !lex.stop.contains(&lw[k + 1])
            && !lex.places.contains_key(&lw[k])
        {
            break;
        }
        let mut e = k;
        while e < n && s.toks[e].cap && s.toks[e].kind == Kind::Word {
            e += 1;
        }
        while e < n
            && s.toks[e].kind == Kind::Word
            && !s.toks[e].cap
            && !lex.stop.contains(&lw[e])
            && adj(&lw[e])
        {
            e += 1;
        }
        has_cap = true;
        j = e;
        comps += 1;
    }
    if j > i + 1 && (has_cap || s.toks[i].cap) {
        Some(j)
    } else {
        None
    }
}
