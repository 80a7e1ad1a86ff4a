//! The main content: paragraphs scored outside the boilerplate candidates, their scores carried
//! to their ancestors, the best container chosen and completed with its sibling roots.

use super::classify::Cand;
use super::lexicon::norm;
use super::stats::Stats;
use super::BlockKind;
use crate::doc::{Document, NodeId};
use crate::insight::Meta;

pub struct Found {
    pub roots: Vec<NodeId>,
    pub is_article: bool,
    pub headline: Option<NodeId>,
}

const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story", "prose", "richtext",
];
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "contact",
    "foot",
    "footer",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "player",
    "slideshow",
    "carousel",
    "shopping",
    "tags",
    "tool",
    "widget",
    "teaser",
    "nav",
    "menu",
    "byline",
    "caption",
    "credit",
    "disclaimer",
    "newsletter",
    "subscribe",
    "social",
];

/// Class and id cues as a factor on the paragraph score (Readability adds ±25, which swamps
/// pages whose paragraphs have few commas; a factor keeps the cue a tie-breaker).
fn class_factor(doc: &Document, n: NodeId) -> f32 {
    let mut f: f32 = 1.0;
    for s in [doc.class_attr(n), doc.id_attr(n)] {
        if s.is_empty() {
            continue;
        }
        // The cues are ASCII letters and digits, so one found in the whole value lies inside
        // one of its class/id words: no need to split it.
        let s = s.to_ascii_lowercase();
        if NEGATIVE.iter().any(|p| s.contains(p)) {
            f -= 0.3;
        }
        if POSITIVE.iter().any(|p| s.contains(p)) {
            f += 0.2;
        }
    }
    if doc.attr(n, "itemprop") == Some("articleBody") {
        f += 0.5;
    }
    f.clamp(0.3, 1.6)
}

/// Candidate kinds whose subtree never holds the article's paragraphs.
fn excludes(c: &Cand) -> bool {
    !matches!(c.kind, BlockKind::CommentCount | BlockKind::MobileLink)
}

pub fn find(doc: &Document, st: &Stats, cands: &[Cand], meta: &Meta) -> Found {
    let n = doc.nodes.len();
    let body = doc.find_tag("body").unwrap_or(0);
    let h1s: Vec<NodeId> = doc
        .elements
        .iter()
        .copied()
        .filter(|&e| doc.tag(e) == "h1" && !st.s[e].invisible && st.text(e) > 0)
        .collect();
    // Elements that declare the article: a candidate holding one is a wrapper, not boilerplate.
    let declared: Vec<NodeId> = doc
        .elements
        .iter()
        .copied()
        .filter(|&e| {
            !st.s[e].invisible
                && (doc.attr(e, "itemprop") == Some("articleBody")
                    || doc.tag(e) == "main"
                    || doc.attr(e, "role") == Some("main"))
                && st.text(e) >= 200
        })
        .collect();
    let mut excl_end = vec![0usize; n + 1];
    for c in cands.iter().filter(|c| excludes(c)) {
        let end = doc.nodes[c.node].end;
        let wraps = declared.iter().any(|&d| doc.contains(c.node, d))
            || h1s.iter().any(|&h| doc.contains(c.node, h))
            || matches!(doc.tag(c.node), "body" | "html");
        if !wraps {
            excl_end[c.node] = excl_end[c.node].max(end);
        }
    }
    // Paragraph scores, carried to five levels of ancestors.
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let mut until = 0usize;
    for id in body..n {
        if excl_end[id] > until {
            until = excl_end[id];
        }
        if id < until || st.s[id].invisible {
            continue;
        }
        let Some(e) = doc.element(id) else { continue };
        let (len, commas) = match &*e.tag {
            "p" | "pre" => (st.text(id), st.s[id].commas),
            "div" | "section" | "td" | "li" | "blockquote" | "dd" | "article" | "span" | "font"
            | "center" => (st.own[id], st.own_commas[id]),
            _ => continue,
        };
        if len < 25 {
            continue;
        }
        let s = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        let mut level = 0;
        let mut cur = if matches!(&*e.tag, "p" | "pre") {
            doc.parent(id)
        } else {
            // Text held directly: the element is itself its container.
            Some(id)
        };
        while let Some(a) = cur {
            if level >= 5 || doc.element(a).is_none() {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / div;
            scored[a] = true;
            level += 1;
            cur = doc.parent(a);
        }
    }
    let fin = |a: NodeId| -> f32 { score[a] * (1.0 - st.link_density(a)) * class_factor(doc, a) };
    let mut ranked: Vec<(f32, NodeId)> = (body..n)
        .filter(|&a| scored[a])
        .map(|a| (fin(a), a))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let headline = pick_headline(doc, st, &h1s, meta);
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("RENDEZVOUS_DEBUG").is_some() {
        for c in cands.iter().filter(|c| st.text(c.node) > 1000) {
            eprintln!(
                "bigcand {} <{}> {:?} {} text={}",
                c.node,
                doc.tag(c.node),
                c.kind,
                c.reason,
                st.text(c.node)
            );
        }
        for &(s, a) in ranked.iter().take(8) {
            eprintln!(
                "cand {a} <{}> id={:?} class={:?} score={s:.1} raw={:.1} text={} ld={:.2}",
                doc.tag(a),
                doc.id_attr(a),
                doc.class_attr(a),
                score[a],
                st.text(a),
                st.link_density(a)
            );
        }
    }
    let Some(&(top_score, mut top)) = ranked.first() else {
        let root = doc.find_tag("article").unwrap_or(body);
        return Found {
            roots: vec![root],
            is_article: false,
            headline,
        };
    };
    // Several near-best candidates sharing an ancestor: the ancestor.
    let alts: Vec<NodeId> = ranked[1..]
        .iter()
        .take(5)
        .filter(|(s, _)| *s >= 0.75 * top_score)
        .map(|&(_, a)| a)
        .collect();
    if alts.len() >= 3 {
        for a in doc.ancestors(top) {
            if a <= body {
                break;
            }
            if alts.iter().filter(|&&x| doc.contains(a, x)).count() >= 3 {
                top = a;
                break;
            }
        }
    }
    // A parent scoring better than its child is the better container.
    let mut last = fin(top);
    let threshold = last / 3.0;
    let mut p = doc.parent(top);
    while let Some(a) = p {
        if a <= body {
            break;
        }
        if !scored[a] {
            p = doc.parent(a);
            continue;
        }
        let s = fin(a);
        if s < threshold {
            break;
        }
        if s > last {
            top = a;
            break;
        }
        last = s;
        p = doc.parent(a);
    }
    // An only child is its parent.
    while let Some(a) = doc.parent(top) {
        if a <= body || doc.child_elements(a).count() != 1 || excl_end[a] > 0 {
            break;
        }
        top = a;
    }
    // An article cut into several blocks (by ads, pictures, section wrappers): climb while the
    // parent adds paragraphs that read like more of it — several, and few of them links.
    let mut cur = top;
    let mut idle = 0;
    while let Some(a) = doc.parent(cur) {
        if a <= body || excl_end[a] > 0 || idle >= 3 {
            break;
        }
        let (mut paras, mut text, mut link) = (0u32, 0u32, 0u32);
        for c in doc.child_elements(a) {
            if doc.contains(c, cur) || excl_end[c] > 0 || st.s[c].invisible {
                continue;
            }
            paras += st.s[c].paras;
            text += st.text(c);
            link += st.s[c].link;
        }
        let ld = link as f32 / text.max(1) as f32;
        if paras >= 2 && ld < 0.25 && text >= 200 && class_factor(doc, a) >= 1.0 {
            top = a;
            idle = 0;
        } else if paras == 0 && text < 300 {
            // A wrapper that adds nothing but an ad rail or a picture: look one level higher.
            idle += 1;
        } else {
            break;
        }
        cur = a;
    }
    // The declared article body, when it holds or is most of the top candidate.
    for &d in &declared {
        if doc.attr(d, "itemprop") != Some("articleBody") {
            continue;
        }
        if doc.contains(d, top) || (doc.contains(top, d) && st.text(d) * 10 >= st.text(top) * 6) {
            top = d;
            break;
        }
    }
    // A short post (a line, a picture) scores little: its declared body wins over stray text.
    if fin(top) < 12.0 {
        let body_like = doc
            .elements
            .iter()
            .copied()
            .filter(|&e| {
                e > body
                    && !st.s[e].invisible
                    && st.text(e) >= 25
                    && is_body_name(doc, e)
                    && !in_excluded(&excl_end, e)
            })
            .max_by_key(|&e| st.text(e));
        if let Some(d) = body_like {
            let switch = if doc.contains(d, top) {
                true
            } else if doc.contains(top, d) {
                st.text(d) * 10 >= st.text(top) * 6
            } else {
                st.text(top) < 300 || st.text(d) >= st.text(top)
            };
            if switch {
                top = d;
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("RENDEZVOUS_DEBUG").is_some() {
        eprintln!(
            "top {top} <{}> class={:?}",
            doc.tag(top),
            doc.class_attr(top)
        );
    }
    // Sibling roots: blocks beside the top candidate that read like more of the article.
    let top_fin = fin(top);
    let sib_threshold = (top_fin * 0.2).max(10.0);
    let mut roots = Vec::new();
    let top_class = doc.class_attr(top);
    match doc.parent(top) {
        Some(parent) if parent > body || parent == body => {
            for s in doc.child_elements(parent) {
                if s == top {
                    roots.push(s);
                    continue;
                }
                if excl_end[s] > 0 || st.s[s].invisible || st.text(s) == 0 {
                    continue;
                }
                // A gallery or a related block beside the article is not more of it.
                let toks = super::classify::tokens(doc, s);
                if toks
                    .iter()
                    .any(|k| NOT_TEXT_STRONG.iter().any(|w| k.contains(w)))
                {
                    continue;
                }
                let mut sc = if scored[s] { fin(s) } else { 0.0 };
                if !top_class.is_empty() && doc.class_attr(s) == top_class {
                    sc += top_fin * 0.2;
                }
                let ld = st.link_density(s);
                let len = st.text(s);
                let ok = sc >= sib_threshold
                    || (doc.tag(s) == "p"
                        && ((len > 80 && ld < 0.25)
                            || (len > 0 && ld == 0.0 && sentence_like(doc, s))));
                if ok {
                    roots.push(s);
                }
            }
        }
        _ => roots.push(top),
    }
    let mut refined = Vec::new();
    for &r in &roots {
        refine(doc, st, &excl_end, r, 0, &mut refined);
    }
    let refined_text = refined.iter().map(|&r| st.text(r)).sum::<u32>();
    if refined_text * 2 >= roots.iter().map(|&r| st.text(r)).sum::<u32>()
        || (refined_text >= 500 && refined.len() >= 3)
    {
        roots = refined;
    }
    let main_text: u32 = roots.iter().map(|&r| st.text(r)).sum();
    let main_paras: u32 = roots.iter().map(|&r| st.s[r].paras).sum();
    let link_text: u32 = roots.iter().map(|&r| st.s[r].link).sum();
    let ld = link_text as f32 / main_text.max(1) as f32;
    let declared_article = is_declared_article(doc);
    let teaser_heads = roots
        .iter()
        .flat_map(|&r| r..doc.nodes[r].end)
        .filter(|&d| {
            matches!(doc.tag(d), "h2" | "h3" | "h4") && st.text(d) > 0 && st.link_density(d) > 0.8
        })
        .count();
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("RENDEZVOUS_DEBUG").is_some() {
        eprintln!("article? text={main_text} paras={main_paras} ld={ld:.2} teasers={teaser_heads} declared={declared_article}");
    }
    let is_article = ld < 0.5
        && teaser_heads < 6
        && (main_text >= 800
            || (main_text >= 300 && (main_paras >= 2 || declared_article || headline.is_some())));
    Found {
        roots,
        is_article,
        headline,
    }
}

/// Class/id words of blocks that sit in an article's container without being its text. Strong
/// words name a non-text block of any size short of a whole article; weak ones only short blocks.
const NOT_TEXT_STRONG: &[&str] = &[
    "caption",
    "credit",
    "byline",
    "posted",
    "dateline",
    "timestamp",
    "gallery",
    "share",
    "social",
    "related",
    "tags",
    "promo",
    "toolbar",
    "print",
    "login",
    "paywall",
    "signup",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "advert",
    "sponsor",
    "player",
    "slideshow",
    "carousel",
];
const NOT_TEXT_WEAK: &[&str] = &[
    "author", "date", "time", "meta", "photo", "image", "img", "video", "media", "embed", "figure",
    "title", "header", "headline", "info", "label", "kicker", "eyebrow", "topic",
];

fn not_text(doc: &Document, st: &Stats, n: NodeId) -> bool {
    let tag = doc.tag(n);
    if matches!(
        tag,
        "figure"
            | "figcaption"
            | "picture"
            | "nav"
            | "form"
            | "aside"
            | "h1"
            | "header"
            | "footer"
            | "button"
            | "address"
    ) {
        return true;
    }
    let t = st.text(n);
    let toks = super::classify::tokens(doc, n);
    if toks
        .iter()
        .any(|k| NOT_TEXT_STRONG.iter().any(|w| k.contains(w)))
        && (t < 1000
            || !toks.iter().any(|k| {
                [
                    "body", "content", "article", "text", "story", "entry", "post",
                ]
                .iter()
                .any(|w| k.contains(w))
            }))
    {
        return true;
    }
    if super::classify::teaser_list(doc, st, n) {
        return true;
    }
    if t >= 1000 {
        return false;
    }
    t < 200
        && !super::stats::is_heading(tag)
        && toks
            .iter()
            .any(|k| NOT_TEXT_WEAK.iter().any(|w| k.contains(w)))
}

/// The main container split into the blocks that carry its text: pictures, captions, credits,
/// datelines and link lists inside it are left out of the main content (not hidden: the reader
/// still sees them; they are not the article's text).
fn refine(
    doc: &Document,
    st: &Stats,
    excl_end: &[usize],
    n: NodeId,
    depth: u32,
    out: &mut Vec<NodeId>,
) {
    if not_text(doc, st, n) {
        return;
    }
    let tag = doc.tag(n);
    let text = st.text(n);
    if matches!(
        tag,
        "p" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "blockquote"
            | "pre"
            | "table"
    ) {
        let ld = st.link_density(n);
        let limit = if matches!(tag, "ul" | "ol" | "dl") {
            0.6
        } else {
            0.8
        };
        if matches!(tag, "ul" | "ol") {
            // A list whose items are mostly links is a link list ("more stories").
            let items: Vec<NodeId> = doc.child_elements(n).filter(|&c| st.text(c) > 0).collect();
            let linky = items.iter().filter(|&&c| st.link_density(c) > 0.5).count();
            if items.len() >= 2 && linky * 10 >= items.len() * 6 {
                return;
            }
        }
        if ld <= limit || text >= 300 {
            out.push(n);
        }
        return;
    }
    if depth >= 6 || st.own[n] * 4 >= text.max(1) || tag == "li" || tag == "td" {
        out.push(n);
        return;
    }
    for c in doc.child_elements(n) {
        let ct = doc.tag(c);
        if st.s[c].invisible || st.text(c) == 0 || excl_end[c] > 0 {
            continue;
        }
        let t = st.text(c);
        if st.s[c].paras == 0
            && t < 60
            && !matches!(
                ct,
                "p" | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "ul"
                    | "ol"
                    | "blockquote"
                    | "pre"
                    | "table"
            )
            && !sentence_like(doc, c)
        {
            continue;
        }
        refine(doc, st, excl_end, c, depth + 1, out);
    }
}

/// Class or id that names an article body ("post-body", "entry-content", "articleBody" …),
/// or `itemprop=articleBody`.
fn is_body_name(doc: &Document, n: NodeId) -> bool {
    if doc.attr(n, "itemprop") == Some("articleBody") {
        return true;
    }
    let s: String = format!("{} {}", doc.class_attr(n), doc.id_attr(n))
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect();
    s.split(' ').any(|t| {
        [
            "postbody",
            "entrycontent",
            "articlebody",
            "storybody",
            "postcontent",
            "articlecontent",
            "entrybody",
            "storycontent",
            "articletext",
            "posttext",
            "entrytext",
            "storytext",
        ]
        .iter()
        .any(|w| t.starts_with(w))
    })
}

/// Inside an excluded (boilerplate) subtree? Walks the ancestors: used on a few nodes only.
fn in_excluded(excl_end: &[usize], n: NodeId) -> bool {
    // `excl_end[a] > n` for an excluded ancestor a <= n.
    excl_end[..=n].iter().rev().take(4000).any(|&e| e > n)
}

fn sentence_like(doc: &Document, n: NodeId) -> bool {
    let t = doc.text_content(n);
    let t = t.trim_end();
    t.ends_with('.') || t.contains(". ")
}

fn is_declared_article(doc: &Document) -> bool {
    for &e in &doc.elements {
        match doc.tag(e) {
            "meta" => {
                if doc.attr(e, "property") == Some("og:type") {
                    let v = doc.attr(e, "content").unwrap_or("").to_ascii_lowercase();
                    if v.contains("article") {
                        return true;
                    }
                }
            }
            "body" => break,
            _ => {}
        }
    }
    false
}

/// The headline: the visible `<h1>` closest to the page's title, else the first one.
fn pick_headline(doc: &Document, st: &Stats, h1s: &[NodeId], meta: &Meta) -> Option<NodeId> {
    let title = meta.title.as_deref().map(norm).unwrap_or_default();
    let mut first = None;
    for &h in h1s {
        if st.text(h) < 5 {
            continue;
        }
        first.get_or_insert(h);
        let t = norm(&doc.text_content(h));
        if !title.is_empty() && !t.is_empty() && (title.contains(&t) || t.contains(&title)) {
            return Some(h);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    /// `class_factor` looks for the cues in the whole class/id value, which equals looking in
    /// each of its words only while every cue is made of ASCII letters and digits.
    #[test]
    fn class_cues_are_ascii_words() {
        for p in super::POSITIVE.iter().chain(super::NEGATIVE) {
            assert!(
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{p}"
            );
        }
    }
}
