//! Rendezvous: finds the article in a news page, hides what is not the article, and says who met
//! whom, where, when and on what — with the sentence each fact came from.
//!
//! The core is host-free: it reads a [`doc::Document`] built by one HTML reader and returns plain
//! data ([`insight::Analysis`]). The native CLI (`src/bin/rendezvous.rs`) and the browser
//! extension (through `src/web.rs`, wasm32 only) call the same [`analyze_html`].
#![forbid(unsafe_code)]

pub mod calendar;
pub mod clean;
pub mod clock;
pub mod doc;
pub mod eval;
pub mod extract;
pub mod insight;
pub mod lang;
pub mod language;
pub mod page;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod web;

use clock::{now_ms, Budget};
use doc::{Document, ParseLimits};
use insight::{Analysis, Hidden};

/// Bounds on one analysis: what exceeds them is not analysed, and the answer says so.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Characters of HTML read (the rest of a larger page is ignored).
    pub max_html_chars: usize,
    pub parse: ParseLimits,
    /// Wall-clock budget for the stages after parsing, in milliseconds.
    pub time_budget_ms: f64,
    /// Bytes (UTF-8) of article text read for facts; the article after them is still shown
    /// and hidden as usual, but no facts are read from it.
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_html_chars: 12_000_000,
            parse: ParseLimits::default(),
            time_budget_ms: 1500.0,
            max_text_bytes: 300_000,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's address (for dates in URLs and the canonical link).
    pub url: Option<String>,
    pub limits: Limits,
    /// Stop after the `text` stage: hiding and the article text only, no facts
    /// (`rendezvous text`, the extraction evaluations and benchmarks).
    pub text_only: bool,
}

/// Everything the stages produced, for hosts that want more than the serialised answer
/// (the CLI's `text`, the evaluations).
pub struct Run {
    pub doc: Document,
    pub layout: clean::Layout,
    pub article: text::Article,
    pub analysis: Analysis,
}

/// Parse an HTML page and analyse it.
pub fn analyze_html(html: &str, opts: &Options) -> Run {
    let t0 = now_ms();
    let mut notices = Vec::new();
    let html = if html.len() > opts.limits.max_html_chars {
        notices.push(format!(
            "too-large: only the first {} characters of the page were read",
            opts.limits.max_html_chars
        ));
        let mut cut = opts.limits.max_html_chars;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        &html[..cut]
    } else {
        html
    };
    let doc = Document::parse_with(html, opts.limits.parse);
    match doc.cut {
        Some(doc::Cut::Nodes) => notices.push(format!(
            "too-many-nodes: the page has more than {} nodes; only its first {} elements were analysed",
            opts.limits.parse.max_nodes,
            doc.elements.len()
        )),
        Some(doc::Cut::Time) => notices.push(format!(
            "parse-time: reading the page took more than {} ms; only its first {} characters ({} elements) were analysed",
            opts.limits.parse.max_parse_ms,
            doc.read_bytes,
            doc.elements.len()
        )),
        Some(doc::Cut::Depth) => notices.push(format!(
            "too-deep: the page nests elements more than {} levels deep; only its first {} elements were analysed",
            opts.limits.parse.max_parse_depth,
            doc.elements.len()
        )),
        None => {}
    }
    if doc.flattened {
        notices.push(format!(
            "flattened: elements nested deeper than {} levels were treated as siblings at that level",
            opts.limits.parse.max_depth
        ));
    }
    let t1 = now_ms();
    let mut run = analyze_document(doc, opts);
    run.analysis.timings.parse_ms = t1 - t0;
    run.analysis.timings.total_ms = now_ms() - t0;
    notices.append(&mut run.analysis.notices);
    run.analysis.notices = notices;
    run
}

/// Builds every table the analysis reads (each language's lexicon, the cleaning cues, the
/// language detector) so that the first page analysed does not pay for it; calling it again costs
/// nothing. Exported to the WASM for a host that has idle time before the first page (the
/// extension's background does not: see `web::prepare`).
pub fn prepare() {
    clean::lexicon::lexicon();
    for code in lang::languages() {
        extract::lex::get(code).is_first_name("");
        // The lazily built tables that remain (dates, page metadata, detection) are touched by
        // one small page in the language.
        let html = format!(
            "<!DOCTYPE html><html lang=\"{code}\"><head><title>.</title></head><body><article><h1>.</h1><p>1 2024.</p></article></body></html>"
        );
        let _ = analyze_html(&html, &Options::default());
    }
}

/// Analyse a parsed document.
pub fn analyze_document(doc: Document, opts: &Options) -> Run {
    let budget = Budget::new(opts.limits.time_budget_ms);
    let mut a = Analysis {
        element_count: doc.element_total as u32,
        ..Default::default()
    };
    let t = now_ms();
    a.meta = page::read(&doc, opts.url.as_deref());
    let t_page = now_ms();
    let layout = clean::clean(&doc, &a.meta);
    let t_clean = now_ms();
    let article = text::article(&doc, &layout);
    let t_text = now_ms();
    a.meta.lang = language::decide(
        a.meta.declared_lang.as_deref(),
        &article.sample_text(language::SAMPLE_BYTES),
    );
    if opts.text_only {
        // Nothing to read: the caller wants the article text only.
    } else if budget.exceeded() {
        a.notices.push(
            "time: the time budget ran out before the facts were read; only hiding was done".into(),
        );
    } else {
        let capped = cap_text(&article, opts.limits.max_text_bytes);
        if capped.is_some() {
            a.notices.push(format!(
                "long-text: the article has more than {} bytes of text; facts were read from the first {} only",
                opts.limits.max_text_bytes, opts.limits.max_text_bytes
            ));
        }
        a.insight = read_facts(
            &doc,
            capped.as_ref().unwrap_or(&article),
            &a.meta,
            &mut a.notices,
        );
    }
    let t_extract = now_ms();
    a.is_article = layout.is_article;
    a.main = layout
        .main
        .iter()
        .filter_map(|&n| doc.index_of(n))
        .collect();
    a.hidden = layout
        .hidden
        .iter()
        .filter_map(|b| {
            Some(Hidden {
                index: doc.index_of(b.node)?,
                tag: doc.tag(b.node).to_string(),
                kind: b.kind.as_str().into(),
                reason: b.reason.clone(),
            })
        })
        .collect();
    a.timings.page_ms = t_page - t;
    a.timings.clean_ms = t_clean - t_page;
    a.timings.text_ms = t_text - t_clean;
    a.timings.extract_ms = t_extract - t_text;
    Run {
        doc,
        layout,
        article,
        analysis: a,
    }
}

/// The facts of the article in its language; the facts its language has no tables for are left
/// out, and a notice names them ("language: it people, organizations, …").
fn read_facts(
    doc: &Document,
    article: &text::Article,
    meta: &insight::Meta,
    notices: &mut Vec<String>,
) -> insight::Insight {
    let Some(code) = meta.lang.as_deref() else {
        notices.push(
            "language-unknown: the article's language could not be told; no facts were read".into(),
        );
        return insight::Insight::default();
    };
    let missing = language::missing_facts(code);
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|f| f.name()).collect();
        notices.push(format!("language: {code} {}", names.join(", ")));
    }
    if missing.contains(&language::Fact::People) {
        // No names without the language's tables: whatever else could be read would be guesses.
        return insight::Insight::default();
    }
    let mut facts = extract::extract(doc, article, meta, code);
    for fact in missing {
        match fact {
            language::Fact::People => facts.people.clear(),
            language::Fact::Organizations => facts.organizations.clear(),
            language::Fact::Places => facts.places.clear(),
            language::Fact::Dates => facts.dates.clear(),
            language::Fact::Meetings => facts.meetings.clear(),
            language::Fact::Topics => facts.topics.clear(),
        }
    }
    facts
}

/// The article's first `max` bytes of text (whole blocks, the last one cut at a character
/// boundary), or None when it is no longer than that.
fn cap_text(article: &text::Article, max: usize) -> Option<text::Article> {
    let total: usize = article.blocks.iter().map(|b| b.text.len()).sum();
    if total <= max {
        return None;
    }
    let mut capped = article.clone();
    let mut used = 0;
    let mut keep = 0;
    for b in capped.blocks.iter_mut() {
        if used >= max {
            break;
        }
        let room = max - used;
        if b.text.len() > room {
            let mut cut = room;
            while !b.text.is_char_boundary(cut) {
                cut -= 1;
            }
            b.text.truncate(cut);
        }
        used += b.text.len();
        keep += 1;
    }
    capped.blocks.truncate(keep);
    Some(capped)
}
