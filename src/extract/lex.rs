//! The language knowledge the extractor uses, read once per language from `data/<lang>/` and
//! `data/common/` (see `crate::lang`). Nothing here names a language: adding one is adding files.

use std::sync::{Mutex, OnceLock};

use super::tokens::{tokenize, HashMap, HashSet};
use crate::insight::MeetingKind;
use crate::lang;

/// One token of a data pattern: exact lowercase word, a prefix ("rencontr*"), or a gap ("…").
#[derive(Clone, Debug)]
pub enum Pat {
    Exact(String),
    Prefix(String),
    Gap,
}

impl Pat {
    pub fn matches(&self, w: &str) -> bool {
        match self {
            Pat::Exact(s) => s == w,
            Pat::Prefix(p) => w.starts_with(p.as_str()),
            Pat::Gap => true,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
    Region,
}

#[derive(Clone, Debug)]
pub struct PlaceEntry {
    pub display: String,
    /// ISO code, or empty for regions without one.
    pub cc: String,
    pub kind: PlaceKind,
}

#[derive(Clone, Debug)]
pub struct Trigger {
    pub kind: String,
    pub pats: Vec<Pat>,
}

/// Function words by the role the reader gives them, each read from `data/<lang>/<name>.txt` as
/// the union over every language: pages quote names and phrases of other languages ("Charles de
/// Gaulle" on an English page, "the" in a French one), and the reader accepts them all.
/// A set of lowercase words, looked up by `&str` through one out-of-line function (the sets are
/// consulted at many places of the readers; inlining the hash probe at each one grew the binary).
#[derive(Default)]
pub struct Words(HashSet<String>);

impl Words {
    /// Every language's table `name`, lowercase, apostrophes as ’.
    #[inline(never)]
    fn read(name: &str) -> Words {
        Words(lang::table_all(name).map(|(_, w)| norm_word(w)).collect())
    }

    #[inline(never)]
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }

    /// The page language's own words of table `name` (`data/<lang>/<name>_own.txt`): words that
    /// are another language's words with another use ("der", "die"), read on that language's pages only.
    fn add_own(&mut self, code: &str, name: &str) {
        self.0.extend(
            lang::table(code, &format!("{name}_own"))
                .iter()
                .map(|w| norm_word(w)),
        );
    }
}

#[derive(Default)]
pub struct FnWords {
    /// articles.txt: "le", "the".
    pub articles: Words,
    /// apposition_articles.txt: "X le président" (no comma).
    pub apposition_articles: Words,
    /// possessives.txt: "son", "his".
    pub possessives: Words,
    /// indefinite_articles.txt: "un", "a".
    pub indefinite: Words,
    /// conjunctions.txt: "et", "and".
    pub conjunctions: Words,
    /// of_words.txt: "de", "du", "of".
    pub of_words: Words,
    /// complement_links.txt: "de la", "of the" (head noun → capitalised complement).
    pub complement_links: Words,
    /// complement_openers.txt: "ministre de la Défense Karen Brutyan".
    pub complement_openers: Words,
    /// genitive_links.txt: a capitalised word after them inside a role is its complement.
    pub genitive_links: Words,
    /// role_glue.txt: function words that do not end a role phrase.
    pub role_glue: Words,
    /// role_breakers.txt: right before a name, no role precedes it ("avec", "by").
    pub role_breakers: Words,
    /// org_name_links.txt: "Bank of America".
    pub org_name_links: Words,
    /// not_org_starts.txt: capitalised words that open a run but not an organisation's name
    /// ("Former National Security Council official …").
    pub not_org_starts: Words,
    /// acronym_glue.txt: skipped when initials are matched to an acronym.
    pub acronym_glue: Words,
    /// clause_boundaries.txt: "qui", "who".
    pub clause_boundaries: Words,
    /// year_prepositions.txt: "en 2006", "in 2006".
    pub year_prepositions: Words,
    /// party_prepositions.txt: "a top aide to X".
    pub party_prepositions: Words,
    /// comitatives.txt: "avec", "with".
    pub comitatives: Words,
    /// place_prepositions.txt: "à Nîmes", "in Kyiv" for places no table knows.
    pub place_prepositions: Words,
    /// infinitive_markers.txt: "is to meet".
    pub infinitive_markers: Words,
    /// topic_splits.txt: a topic phrase is cut at them.
    pub topic_splits: Words,
    /// topic_long_splits.txt: a long topic phrase is cut in two at them.
    pub topic_long_splits: Words,
    /// demonym_endings.txt, in table order: "marocaine" → "marocain".
    pub demonym_endings: Vec<String>,
    /// adjective_endings.txt: "Police nationale".
    pub adjective_endings: Vec<String>,
}

fn norm_word(s: &str) -> String {
    s.to_lowercase().replace('\'', "’")
}

impl FnWords {
    fn build() -> FnWords {
        let set = Words::read;
        let mut demonym_endings: Vec<String> = Vec::new();
        for (_, w) in lang::table_all("demonym_endings") {
            let w = norm_word(w);
            if !demonym_endings.contains(&w) {
                demonym_endings.push(w);
            }
        }
        FnWords {
            articles: set("articles"),
            apposition_articles: set("apposition_articles"),
            possessives: set("possessives"),
            indefinite: set("indefinite_articles"),
            conjunctions: set("conjunctions"),
            of_words: set("of_words"),
            complement_links: set("complement_links"),
            genitive_links: set("genitive_links"),
            complement_openers: set("complement_openers"),
            role_glue: set("role_glue"),
            role_breakers: set("role_breakers"),
            org_name_links: set("org_name_links"),
            not_org_starts: set("not_org_starts"),
            acronym_glue: set("acronym_glue"),
            clause_boundaries: set("clause_boundaries"),
            year_prepositions: set("year_prepositions"),
            party_prepositions: set("party_prepositions"),
            comitatives: set("comitatives"),
            place_prepositions: set("place_prepositions"),
            infinitive_markers: set("infinitive_markers"),
            topic_splits: set("topic_splits"),
            topic_long_splits: set("topic_long_splits"),
            demonym_endings,
            adjective_endings: lang::table_all("adjective_endings")
                .map(|(_, w)| norm_word(w))
                .collect(),
        }
    }
}

#[derive(Default)]
pub struct Lex {
    /// Function words by role (the union over every language).
    pub fw: FnWords,
    pub stop: HashSet<String>,
    pub abbrev: HashSet<String>,
    pub honor: Vec<Vec<String>>,
    pub titles: Vec<Vec<String>>,
    pub title_index: HashMap<String, Vec<usize>>,
    pub honor_index: HashMap<String, Vec<usize>>,
    pub trigger_index: HashMap<String, Vec<usize>>,
    pub trigger_prefix: Vec<usize>,
    pub org_index: HashMap<String, Vec<usize>>,
    pub org_heads: HashSet<String>,
    pub facility_heads: HashSet<String>,
    pub role_modifiers: HashSet<String>,
    pub adjectives_after_noun: bool,
    /// settings.txt null_subject|yes: the language drops subject pronouns ("se reunió con X").
    pub null_subject: bool,
    /// settings.txt compounds|yes: the language writes a noun with its complement as one word, so
    /// a word that ends with a title is a title ("Entwicklungsministerin", "Siemens-Chef"), and
    /// "EU-Kommission" is an organisation for its head where "EU-Exporte" is none.
    pub compounds: bool,
    /// settings.txt verb_second|yes: the subject may follow the verb ("Am Mittwoch empfing X Y").
    pub verb_second: bool,
    /// settings.txt genitive_s|yes: a known place with a final "s" is that place ("Deutschlands").
    pub genitive_s: bool,
    /// settings.txt head_then_name|yes: a building is named by its head and a name with no link
    /// ("Schloss Bellevue", "Hotel Adlon").
    pub head_then_name: bool,
    /// noun_endings.txt: endings of common nouns ("-ung", "-keit"): an unknown capitalised word
    /// with one of them is not read as a place after a preposition.
    pub noun_endings: Vec<String>,
    /// settings.txt name_link / name_link_elided / elision_initials ("de la", "de l’", "aeiou…").
    pub name_link: String,
    pub name_link_elided: String,
    pub elision_initials: String,
    /// title_offices.txt: "directeur" → "direction".
    pub title_offices: Vec<(String, String)>,
    /// office_agreements.txt: "général" → "générale".
    pub office_agreements: HashMap<String, String>,
    pub determiners: HashSet<String>,
    pub place_heads: HashSet<String>,
    pub topic_stop: HashSet<String>,
    pub byline_phrases: Vec<Vec<String>>,
    /// Known organisations: token sequence (lowercase) → (name, acronym).
    pub orgs: Vec<(Vec<String>, String, Option<String>)>,
    pub acronyms: HashMap<String, String>,
    pub not_orgs: HashSet<String>,
    pub demonyms: HashMap<String, String>,
    /// Every form `demonym_base` accepts (a demonym, or one with an inflection ending), built
    /// once so that a lookup is one probe (it runs for most words of an article).
    demonym_forms: HashMap<String, String>,
    pub demonym_prefix: HashMap<String, String>,
    pub places: HashMap<String, PlaceEntry>,
    /// First word of a place name → the most words a place starting with it has.
    place_first: HashMap<String, usize>,
    pub country_name: HashMap<String, String>,
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub triggers: Vec<Trigger>,
    pub planned: Vec<Pat>,
    pub future_endings: Vec<String>,
    pub topic_cues: Vec<Vec<Pat>>,
    pub topic_verbs: Vec<Pat>,
    pub fillers: Vec<Vec<String>>,
    pub locatives: HashSet<String>,
    pub relative: Vec<(Vec<String>, String)>,
    pub date_words: Vec<(String, Vec<String>)>,
    pub byline_cues: Vec<Vec<String>>,
    pub not_names: HashSet<String>,
    pub visit_words: Vec<Pat>,
    /// meeting_kinds.txt: the words that make a meeting a call, a signing, a summit, a visit or
    /// talks (kind, pattern).
    pub meeting_kinds: Vec<(MeetingKind, Vec<Pat>)>,
    pub pronouns: HashSet<String>,
    /// party_nouns.txt: nouns naming a group that can be a party to a meeting ("executives").
    pub party_nouns: HashSet<String>,
    /// party_noun_links.txt: what joins a group noun to its complement ("executives from …").
    pub party_noun_links: HashSet<String>,
    pub particles: HashSet<String>,
}

fn words(s: &str) -> Vec<String> {
    // fast path: plain words separated by spaces (most names)
    if s.chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        && !s.contains("--")
        && !s.starts_with('-')
        && !s.ends_with('-')
    {
        return s.split_whitespace().map(|w| w.to_lowercase()).collect();
    }
    let ab = HashSet::default();
    let t = tokenize(s, &ab);
    t.into_iter().map(|t| t.lower).collect()
}

fn pats(s: &str) -> Vec<Pat> {
    s.split_whitespace()
        .flat_map(|w| {
            if w == "…" {
                vec![Pat::Gap]
            } else if let Some(p) = w.strip_suffix('*') {
                vec![Pat::Prefix(p.to_lowercase().replace('\'', "’"))]
            } else {
                words(w).into_iter().map(Pat::Exact).collect()
            }
        })
        .collect()
}

fn split2(l: &str) -> (&str, &str) {
    match l.split_once('|') {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (l.trim(), ""),
    }
}

impl Lex {
    fn build(code: &str) -> Lex {
        let t = |name: &str| lang::table(code, name);
        let set = |name: &str| -> HashSet<String> {
            t(name)
                .iter()
                .map(|s| s.to_lowercase().replace('\'', "’"))
                .collect()
        };
        let mut x = Lex {
            stop: set("stopwords"),
            abbrev: set("abbreviations"),
            not_names: set("not_names"),
            locatives: set("locatives"),
            pronouns: set("pronouns"),
            party_nouns: set("party_nouns"),
            party_noun_links: set("party_noun_links"),
            particles: set("name_particles"),
            fw: FnWords::build(),
            ..Default::default()
        };
        x.fw.articles.add_own(code, "articles");
        x.fw.complement_openers.add_own(code, "complement_openers");
        x.fw.genitive_links.add_own(code, "genitive_links");
        x.fw.role_glue.add_own(code, "role_glue");
        x.fw.of_words.add_own(code, "of_words");
        // settings.txt: "name|yes" switches a syntax fact of the language on
        let flag = |name: &str| t("settings").iter().any(|l| split2(l) == (name, "yes"));
        x.compounds = flag("compounds");
        x.verb_second = flag("verb_second");
        x.genitive_s = flag("genitive_s");
        x.head_then_name = flag("head_then_name");
        x.adjectives_after_noun = flag("adjectives_after_noun");
        x.null_subject = flag("null_subject");
        x.noun_endings = t("noun_endings").iter().map(|w| norm_word(w)).collect();
        x.honor = t("honorifics").iter().map(|s| words(s)).collect();
        x.titles = t("titles").iter().map(|s| words(s)).collect();
        x.titles.sort_by_key(|v| std::cmp::Reverse(v.len()));
        x.org_heads = set("org_heads");
        x.facility_heads = set("facility_heads");
        x.role_modifiers = set("role_modifiers");
        x.determiners = set("determiners");
        x.place_heads = set("place_heads");
        x.topic_stop = set("topic_stop");
        let setting = |key: &str| {
            t("settings")
                .iter()
                .map(|l| split2(l))
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.replace('\'', "’"))
                .unwrap_or_default()
        };
        x.name_link = setting("name_link");
        x.name_link_elided = setting("name_link_elided");
        x.elision_initials = setting("elision_initials");
        for l in t("title_offices") {
            let (a, b) = split2(l);
            x.title_offices.push((a.to_lowercase(), b.to_lowercase()));
        }
        for l in t("office_agreements") {
            let (a, b) = split2(l);
            x.office_agreements
                .insert(a.to_lowercase(), b.to_lowercase());
        }
        x.byline_phrases = t("byline_phrases").iter().map(|s| words(s)).collect();
        for l in t("orgs") {
            let (a, b) = split2(l);
            if b.is_empty() {
                x.orgs.push((words(a), a.to_string(), None));
            } else {
                x.orgs.push((words(b), b.to_string(), Some(a.to_string())));
                x.acronyms.insert(a.to_string(), b.to_string());
            }
        }
        x.not_orgs = lang::table("common", "not_orgs")
            .iter()
            .map(|s| s.to_string())
            .collect();
        for l in t("demonyms") {
            let (a, b) = split2(l);
            x.demonyms.insert(a.to_lowercase(), b.to_string());
        }
        // Exact forms first, then each ending in order: the first ending that yields a known
        // base wins, as a word-by-word strip would.
        x.demonym_forms = x.demonyms.clone();
        for suf in &x.fw.demonym_endings {
            for (b, c) in &x.demonyms {
                if b.len() >= 4 {
                    x.demonym_forms
                        .entry(format!("{b}{suf}"))
                        .or_insert_with(|| c.clone());
                }
            }
        }
        for l in t("demonym_prefixes") {
            let (a, b) = split2(l);
            x.demonym_prefix.insert(a.to_lowercase(), b.to_string());
        }
        let add_place = |x: &mut Lex, name: &str, e: PlaceEntry| {
            let plain = name
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
                && !name.contains("  ");
            let k = if plain {
                name.trim().to_lowercase()
            } else {
                words(name).join(" ")
            };
            if k.is_empty() {
                return;
            }
            let words = k.split(' ').count();
            let first = k.split(' ').next().unwrap_or_default().to_string();
            let m = x.place_first.entry(first).or_insert(0);
            *m = (*m).max(words);
            x.places.entry(k).or_insert(e);
        };
        for l in t("countries") {
            let (cc, name) = split2(l);
            x.country_name.insert(cc.to_string(), name.to_string());
        }
        for l in t("country_aliases") {
            let (name, cc) = split2(l);
            if let Some(cc) = cc.strip_suffix('*') {
                x.country_name.insert(cc.to_string(), name.to_string());
            }
        }
        for l in t("country_aliases") {
            let (name, cc) = split2(l);
            let cc = cc.trim_end_matches('*');
            let e = PlaceEntry {
                display: name.to_string(),
                cc: cc.into(),
                kind: PlaceKind::Country,
            };
            add_place(&mut x, name, e);
        }
        for l in t("countries") {
            let (cc, name) = split2(l);
            let e = PlaceEntry {
                display: name.to_string(),
                cc: cc.into(),
                kind: PlaceKind::Country,
            };
            add_place(&mut x, name, e);
        }
        for l in t("places") {
            let (name, cc) = split2(l);
            let cc = if cc == "-" { "" } else { cc };
            let kind = if cc.is_empty() {
                PlaceKind::Region
            } else {
                PlaceKind::City
            };
            add_place(
                &mut x,
                name,
                PlaceEntry {
                    display: name.to_string(),
                    cc: cc.into(),
                    kind,
                },
            );
        }
        for l in lang::table("common", "cities") {
            let (name, cc) = split2(l);
            // a city name that is a common word of the language is not taken
            if !name.contains(' ') && x.stop.contains(&name.to_lowercase()) {
                continue;
            }
            add_place(
                &mut x,
                name,
                PlaceEntry {
                    display: name.to_string(),
                    cc: cc.into(),
                    kind: PlaceKind::City,
                },
            );
        }
        for l in t("months") {
            let (n, w) = split2(l);
            if let Ok(n) = n.parse() {
                x.months.insert(w.to_string(), n);
            }
        }
        for l in t("weekdays") {
            let (n, w) = split2(l);
            if let Ok(n) = n.parse() {
                x.weekdays.insert(w.to_string(), n);
            }
        }
        for l in t("meeting_triggers") {
            let (k, p) = split2(l);
            x.triggers.push(Trigger {
                kind: k.to_string(),
                pats: pats(p),
            });
        }
        // longest patterns first, so "accueilli par" wins over "accueill*"
        x.triggers.sort_by_key(|t| std::cmp::Reverse(t.pats.len()));
        x.planned = t("planned_cues").iter().flat_map(|s| pats(s)).collect();
        x.future_endings = t("future_endings").iter().map(|s| s.to_string()).collect();
        x.topic_cues = t("topic_cues").iter().map(|s| pats(s)).collect();
        x.topic_cues.sort_by_key(|v| std::cmp::Reverse(v.len()));
        x.topic_verbs = t("topic_verbs").iter().flat_map(|s| pats(s)).collect();
        x.visit_words = t("visit_words").iter().flat_map(|s| pats(s)).collect();
        for l in t("meeting_kinds") {
            let (kind, pattern) = split2(l);
            if let Some(k) = MeetingKind::WORDED.into_iter().find(|k| k.name() == kind) {
                x.meeting_kinds.push((k, pats(pattern)));
            }
        }
        x.fillers = t("topic_fillers").iter().map(|s| words(s)).collect();
        x.fillers.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for l in t("relative_dates") {
            let (a, b) = split2(l);
            x.relative.push((words(a), b.to_string()));
        }
        x.relative.sort_by_key(|v| std::cmp::Reverse(v.0.len()));
        for l in t("date_words") {
            let (a, b) = split2(l);
            x.date_words.push((a.to_string(), words(b)));
        }
        x.byline_cues = t("byline_cues").iter().map(|s| words(s)).collect();
        for (k, t) in x.titles.iter().enumerate() {
            if let Some(f) = t.first() {
                x.title_index.entry(f.clone()).or_default().push(k);
            }
        }
        for (k, t) in x.honor.iter().enumerate() {
            if let Some(f) = t.first() {
                x.honor_index.entry(f.clone()).or_default().push(k);
            }
        }
        for (k, t) in x.triggers.iter().enumerate() {
            match t.pats.first() {
                Some(Pat::Exact(w)) => x.trigger_index.entry(w.clone()).or_default().push(k),
                Some(_) => x.trigger_prefix.push(k),
                None => {}
            }
        }
        for (k, o) in x.orgs.iter().enumerate() {
            if let Some(f) = o.0.first() {
                x.org_index.entry(f.clone()).or_default().push(k);
            }
        }
        x
    }

    pub fn is_title_at(&self, toks: &[String], i: usize) -> Option<usize> {
        let w = toks.get(i)?;
        let exact = self.title_index.get(w).and_then(|cands| {
            cands
                .iter()
                .map(|&k| &self.titles[k])
                .find(|t| {
                    i + t.len() <= toks.len() && t.iter().zip(&toks[i..]).all(|(a, b)| a == b)
                })
                .map(|t| t.len())
        });
        if exact.is_some() || !self.compounds {
            return exact;
        }
        // a compound whose last part is a one-word title: any after a hyphen ("Siemens-Chef"),
        // six letters or more when closed ("Entwicklungsministerin"; not "pri-vater")
        let title1 = |r: &str| {
            self.title_index
                .get(r)
                .is_some_and(|c| c.iter().any(|&k| self.titles[k].len() == 1))
        };
        w.char_indices()
            .skip(1)
            .map(|(p, _)| &w[p..])
            .any(|rest| match rest.strip_prefix('-') {
                Some(r) => title1(r),
                None => rest.chars().count() >= 6 && title1(rest),
            })
            .then_some(1)
    }

    /// A compound word whose last part (four letters or more, or after a hyphen) is one of `heads`.
    pub fn ends_with_head(&self, w: &str, heads: &HashSet<String>) -> bool {
        heads.contains(w)
            || w.char_indices().skip(1).map(|(p, _)| &w[p..]).any(|rest| {
                let part = rest.strip_prefix('-');
                (part.is_some() || rest.chars().count() >= 4)
                    && heads.contains(part.unwrap_or(rest))
            })
    }

    pub fn is_honor_at(&self, toks: &[String], i: usize) -> Option<usize> {
        let cands = self.honor_index.get(toks.get(i)?)?;
        cands
            .iter()
            .map(|&k| &self.honor[k])
            .filter(|t| i + t.len() <= toks.len() && t.iter().zip(&toks[i..]).all(|(a, b)| a == b))
            .map(|t| t.len())
            .max()
    }

    /// Triggers that may start at a word: those whose first word is this word, and the prefix ones.
    pub fn triggers_at<'a>(&'a self, w: &str) -> impl Iterator<Item = &'a Trigger> + 'a {
        let exact: &[usize] = self
            .trigger_index
            .get(w)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let mut all: Vec<usize> = exact
            .iter()
            .copied()
            .chain(
                self.trigger_prefix
                    .iter()
                    .copied()
                    .filter(|&k| self.triggers[k].pats[0].matches(w)),
            )
            .collect();
        all.sort_unstable(); // keep the longest-first order of `triggers`
        all.into_iter().map(move |k| &self.triggers[k])
    }

    /// Country (or region) for an adjective/demonym form, e.g. "maroco-française" → [MA, FR].
    pub fn demonym(&self, w: &str) -> Vec<String> {
        if let Some(c) = self.demonym_base(w) {
            return vec![c];
        }
        if w.contains('-') {
            let parts: Vec<&str> = w.split('-').collect();
            let mut out = Vec::new();
            for (k, p) in parts.iter().enumerate() {
                let c = if k + 1 < parts.len() {
                    self.demonym_prefix
                        .get(*p)
                        .cloned()
                        .or_else(|| self.demonym_base(p))
                } else {
                    self.demonym_base(p)
                };
                match c {
                    Some(c) => out.push(c),
                    None => return vec![],
                }
            }
            return out;
        }
        vec![]
    }

    fn demonym_base(&self, w: &str) -> Option<String> {
        self.demonym_forms.get(w).cloned()
    }

    /// A known first name (one table for every language, built once and shared).
    pub fn is_first_name(&self, w: &str) -> bool {
        static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
        S.get_or_init(|| {
            lang::table("common", "first_names")
                .iter()
                .copied()
                .collect()
        })
        .contains(w)
    }

    /// The most words a place name starting with `first` has (0: none starts with it).
    pub fn place_len(&self, first: &str) -> usize {
        self.place_first.get(first).copied().unwrap_or(0)
    }

    /// Whether `demonym(w)` is non-empty, without building its answer.
    pub fn is_demonym(&self, w: &str) -> bool {
        if self.demonym_forms.contains_key(w) {
            return true;
        }
        if !w.contains('-') {
            return false;
        }
        let n = w.split('-').count();
        w.split('-').enumerate().all(|(k, p)| {
            (k + 1 < n && self.demonym_prefix.contains_key(p)) || self.demonym_forms.contains_key(p)
        })
    }

    /// The kind of meeting a sentence (its lowercase tokens) reports.
    pub fn meeting_kind(&self, lw: &[String]) -> MeetingKind {
        let said = |pats: &[Pat]| {
            (0..lw.len()).any(|i| super::meetings::match_trigger(pats, lw, i).is_some())
        };
        MeetingKind::WORDED
            .into_iter()
            .find(|&k| {
                self.meeting_kinds
                    .iter()
                    .any(|(kind, p)| *kind == k && said(p))
            })
            .unwrap_or_default()
    }

    /// How a country code (or "@Region") is written in this language.
    pub fn country_display(&self, c: &str) -> String {
        if let Some(r) = c.strip_prefix('@') {
            return r.to_string();
        }
        self.country_name
            .get(c)
            .cloned()
            .unwrap_or_else(|| c.to_string())
    }
}

/// The lexicon of a language (built on first use, then shared).
pub fn get(code: &str) -> &'static Lex {
    static ALL: OnceLock<Mutex<Vec<(String, &'static Lex)>>> = OnceLock::new();
    let m = ALL.get_or_init(|| Mutex::new(Vec::new()));
    let mut v = match m.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if let Some((_, l)) = v.iter().find(|(c, _)| c == code) {
        return l;
    }
    let l: &'static Lex = Box::leak(Box::new(Lex::build(code)));
    v.push((code.to_string(), l));
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_read_from_every_language() {
        let fw = &get("en").fw;
        for w in ["et", "and", "le", "the", "l’", "de", "of", "d’"] {
            assert!(
                fw.conjunctions.contains(w) || fw.articles.contains(w) || fw.of_words.contains(w),
                "{w}"
            );
        }
        assert!(!fw.articles.contains("les") && !fw.complement_openers.contains("the"));
        assert_eq!(get("fr").demonym("marocaines"), vec!["MA".to_string()]);
    }
}
