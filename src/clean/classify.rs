//! Boilerplate candidates: what each block is when it is not the article, and why.
//!
//! Cues, from the most to the least language-independent: elements and roles (`nav`, `footer`,
//! `aside`), forms (a textarea with name/email fields is a comment form whatever its labels say),
//! structure (a list of repeated units each carrying a date and a reply link or an avatar is a
//! comment list), class and id conventions (`comment`, `share`, `related` …), then the text of
//! headings, links and labels read against the language tables of every language.

use std::borrow::Cow;

use super::lexicon::{label_matches, lexicon, norm};
use super::stats::{is_heading, Stats};
use super::{Block, BlockKind};
use crate::doc::{Document, NodeId};

#[derive(Clone, Debug)]
pub struct Cand {
    pub node: NodeId,
    pub kind: BlockKind,
    pub reason: String,
    /// Found from markup alone (`footer`, `aside` …): not trusted inside the article.
    pub structural: bool,
}

/// Lower-cased class and id tokens of an element, split on anything not alphanumeric.
pub fn tokens(doc: &Document, n: NodeId) -> Vec<Cow<'_, str>> {
    let mut v = Vec::new();
    for s in [doc.class_attr(n), doc.id_attr(n)] {
        for t in s.split(|c: char| !c.is_ascii_alphanumeric()) {
            if t.bytes().any(|b| b.is_ascii_uppercase()) {
                v.push(Cow::Owned(t.to_ascii_lowercase()));
            } else if !t.is_empty() {
                v.push(Cow::Borrowed(t)); // most class names are lower case already
            }
        }
    }
    v
}

fn any_tok<'a>(toks: &'a [Cow<'_, str>], f: impl Fn(&str) -> bool) -> Option<&'a str> {
    toks.iter().map(|s| s.as_ref()).find(|t| f(t))
}

fn is_comment_tok(t: &str) -> bool {
    (t.starts_with("comment") && !t.starts_with("commentary"))
        || t.starts_with("kommentar")
        || t.starts_with("commentaire")
        || t.starts_with("reaction")
        || matches!(
            t,
            "disqus"
                | "respond"
                | "discussion"
                | "discussions"
                | "replies"
                | "livefyre"
                | "spotim"
                | "openweb"
                | "vuukle"
                | "coral"
                | "hyvor"
                | "commento"
                | "giscus"
                | "utterances"
                | "isso"
                | "remark42"
                | "talkback"
        )
}

/// Kind from class/id tokens.
fn class_kind(toks: &[Cow<'_, str>]) -> Option<(BlockKind, String)> {
    let r = |k: BlockKind, t: &str| Some((k, format!("class/id '{t}'")));
    if let Some(t) = any_tok(toks, is_comment_tok) {
        let count = toks.iter().any(|x| {
            matches!(
                x.as_ref(),
                "count" | "counter" | "number" | "num" | "link" | "links" | "bubble" | "icon"
            ) || x.ends_with("count")
                || x.ends_with("link")
        });
        if count {
            return r(BlockKind::CommentCount, t);
        }
        if t == "respond" || t.contains("form") || toks.iter().any(|x| x == "form" || x == "reply")
        {
            return r(BlockKind::CommentForm, t);
        }
        return r(BlockKind::Comments, t);
    }
    if let Some(t) = any_tok(toks, |t| {
        t.starts_with("share")
            || t.starts_with("sharing")
            || t.starts_with("social")
            || matches!(
                t,
                "sharedaddy" | "addthis" | "shariff" | "sharethis" | "addtoany" | "a2a" | "ssba"
            )
    }) {
        return r(BlockKind::ShareBar, t);
    }
    if let Some(t) = any_tok(toks, |t| {
        t.contains("related")
            || t.starts_with("recommend")
            || t.starts_with("taboola")
            || t.starts_with("outbrain")
            || t == "yarpp"
            || t == "mostread"
            || t == "mostpopular"
            || t == "trending"
            || t == "popular"
            || t == "readmore"
            || t == "morestories"
            || t == "readalso"
    }) {
        return r(BlockKind::Related, t);
    }
    if let Some(t) = any_tok(toks, |t| {
        t.starts_with("newsletter")
            || t.starts_with("subscribe")
            || t.starts_with("subscription")
            || t == "signup"
            || t.starts_with("mailchimp")
            || t == "mc4wp"
            || t == "optin"
    }) {
        return r(BlockKind::Newsletter, t);
    }
    if let Some(t) = any_tok(toks, |t| {
        t.starts_with("cookie")
            || t.starts_with("consent")
            || t == "gdpr"
            || t == "cmp"
            || t == "onetrust"
    }) {
        return r(BlockKind::Cookie, t);
    }
    if let Some(t) = any_tok(toks, |t| {
        matches!(
            t,
            "ad" | "ads"
                | "adv"
                | "advert"
                | "adverts"
                | "advertisement"
                | "advertising"
                | "adsbygoogle"
                | "adslot"
                | "adunit"
                | "adcontainer"
                | "dfp"
                | "sponsored"
                | "sponsor"
                | "promo"
                | "werbung"
                | "anzeige"
                | "publicite"
                | "pub"
        ) || t.starts_with("advert")
            || t.starts_with("adslot")
            || t.starts_with("adsense")
            || t.starts_with("googlead")
    }) {
        return r(BlockKind::Advertising, t);
    }
    if let Some(t) = any_tok(toks, |t| {
        matches!(
            t,
            "authorbox" | "authorbio" | "aboutauthor" | "abouttheauthor" | "authorinfo"
        )
    }) {
        return r(BlockKind::AuthorBox, t);
    }
    let has = |w: &str| toks.iter().any(|x| x == w);
    if has("author") && (has("bio") || has("box") || has("about") || has("biography")) {
        return r(BlockKind::AuthorBox, "author");
    }
    if let Some(t) = any_tok(toks, |t| {
        matches!(
            t,
            "nav"
                | "navbar"
                | "navigation"
                | "menu"
                | "breadcrumb"
                | "breadcrumbs"
                | "crumbs"
                | "pagination"
                | "pager"
                | "tagcloud"
                | "skiplink"
                | "skip"
        ) || t.starts_with("breadcrumb")
            || t.starts_with("navbar")
            || t.starts_with("mainnav")
    }) {
        return r(BlockKind::Navigation, t);
    }
    if has("tags") && !has("content") || has("tag") && (has("list") || has("links")) {
        return r(BlockKind::Navigation, "tags");
    }
    if let Some(t) = any_tok(toks, |t| {
        t == "footer" || t == "colophon" || t.starts_with("sitefooter") || t == "copyright"
    }) {
        return r(BlockKind::Footer, t);
    }
    None
}

/// A form (or form-like block) that takes a reader's comment: a textarea, with name/email
/// fields or a comment-ish action.
fn comment_form(doc: &Document, n: NodeId) -> Option<String> {
    let mut textarea = false;
    let mut name = false;
    let mut email = false;
    let mut password = false;
    for d in doc.descendants(n) {
        let tag = doc.tag(d);
        match tag {
            "textarea" => textarea = true,
            "input" => {
                let key = format!(
                    "{} {} {}",
                    doc.attr(d, "name").unwrap_or(""),
                    doc.id_attr(d),
                    doc.attr(d, "type").unwrap_or("")
                )
                .to_ascii_lowercase();
                if key.contains("mail") {
                    email = true;
                }
                if key.contains("name") || key.contains("author") || key.contains("nick") {
                    name = true;
                }
                if key.contains("password") {
                    password = true;
                }
            }
            _ => {}
        }
    }
    if !textarea || password {
        return None;
    }
    if name || email {
        return Some("form with comment, name and email fields".into());
    }
    let action = doc.attr(n, "action").unwrap_or("").to_ascii_lowercase();
    if action.contains("comment") || action.contains("kommentar") {
        return Some("form posting a comment".into());
    }
    None
}

fn is_search_form(doc: &Document, n: NodeId) -> bool {
    doc.attr(n, "role") == Some("search")
        || doc.descendants(n).any(|d| {
            doc.tag(d) == "input"
                && (doc.attr(d, "type") == Some("search")
                    || matches!(doc.attr(d, "name"), Some("s" | "q" | "query" | "search")))
        })
}

/// Visible text of a node, whitespace collapsed (for short labels only).
fn label(doc: &Document, st: &Stats, n: NodeId) -> String {
    let mut out = String::new();
    for d in n..doc.nodes[n].end {
        if st.s[d].invisible {
            continue;
        }
        if let Some(t) = doc.text(d) {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

/// Climb from `n` while the ancestor's visible text is exactly `n`'s (a wrapper of one link).
fn wrapper_of(doc: &Document, st: &Stats, n: NodeId) -> NodeId {
    let mut cur = n;
    while let Some(p) = doc.parent(cur) {
        if matches!(doc.tag(p), "body" | "html" | "") || st.text(p) != st.text(n) {
            break;
        }
        if matches!(doc.tag(p), "p" | "li" | "td") && doc.child_elements(p).count() > 1 {
            break;
        }
        cur = p;
    }
    cur
}

/// A block whose text starts with `h`: climb while nothing visible precedes `h` in the ancestor.
fn section_of(doc: &Document, st: &Stats, prefix: &[u32], h: NodeId) -> NodeId {
    let mut cur = h;
    while let Some(p) = doc.parent(cur) {
        if matches!(
            doc.tag(p),
            "body" | "html" | "main" | "article" | "aside" | "nav" | "footer" | "header" | ""
        ) {
            break;
        }
        if prefix[h] != prefix[p] {
            break;
        }
        // A heading that starts a whole page region (holding the page's paragraphs) is not a
        // section heading.
        if st.s[p].paras > 12 {
            break;
        }
        cur = p;
    }
    cur
}

fn is_date_like(doc: &Document, st: &Stats, n: NodeId) -> bool {
    for d in n..doc.nodes[n].end {
        if st.s[d].invisible {
            continue;
        }
        if doc.tag(d) == "time" {
            return true;
        }
        if doc.element(d).is_some() {
            if tokens(doc, d)
                .iter()
                .any(|t| t.contains("date") || t.contains("time") || t == "ago" || t == "posted")
            {
                return true;
            }
        } else if let Some(t) = doc.text(d) {
            let b = t.as_bytes();
            for i in 0..b.len().saturating_sub(3) {
                // a year (19xx/20xx) or a clock time (12:34)
                if (b[i] == b'1' && b[i + 1] == b'9' || b[i] == b'2' && b[i + 1] == b'0')
                    && b[i + 2].is_ascii_digit()
                    && b[i + 3].is_ascii_digit()
                    && (i == 0 || !b[i - 1].is_ascii_digit())
                    && (i + 4 >= b.len() || !b[i + 4].is_ascii_digit())
                {
                    return true;
                }
                if b[i].is_ascii_digit() && b[i + 1] == b':' && b[i + 2].is_ascii_digit() {
                    return true;
                }
            }
        }
    }
    false
}

/// One comment: a date, and a reply/report link or an avatar picture.
fn is_comment_unit(doc: &Document, st: &Stats, n: NodeId) -> bool {
    if st.text(n) < 15 || st.text(n) > 20_000 {
        return false;
    }
    let lex = lexicon();
    let mut reply = false;
    let mut avatar = false;
    for d in n + 1..doc.nodes[n].end {
        let Some(e) = doc.element(d) else { continue };
        match &*e.tag {
            "img" => {
                let k = format!(
                    "{} {} {}",
                    doc.class_attr(d),
                    doc.attr(d, "src").unwrap_or(""),
                    doc.attr(d, "alt").unwrap_or("")
                )
                .to_ascii_lowercase();
                if k.contains("avatar") || k.contains("gravatar") || k.contains("profile") {
                    avatar = true;
                }
            }
            "a" | "button" | "span" => {
                let href = doc.attr(d, "href").unwrap_or("");
                if href.contains("replytocom") || href.contains("#respond") {
                    reply = true;
                } else if st.text(d) <= 40 && st.text(d) > 0 {
                    let l = norm(&label(doc, st, d));
                    if !l.is_empty() && label_matches(&l, &lex.reply, 0) {
                        reply = true;
                    }
                }
                if tokens(doc, d).iter().any(|t| t.contains("reply")) {
                    reply = true;
                }
            }
            _ => {}
        }
        if reply && avatar {
            break;
        }
    }
    (reply || avatar) && is_date_like(doc, st, n)
}

/// A list of at least two repeated comment units (same tag and class among the children).
fn comment_list(doc: &Document, st: &Stats, n: NodeId) -> Option<String> {
    let kids: Vec<NodeId> = doc
        .child_elements(n)
        .filter(|&c| !st.s[c].invisible && st.text(c) > 0)
        .collect();
    if kids.len() < 2 {
        return None;
    }
    let first_sig = (doc.tag(kids[0]), doc.class_attr(kids[0]).split(' ').next());
    let same = kids
        .iter()
        .filter(|&&c| (doc.tag(c), doc.class_attr(c).split(' ').next()) == first_sig)
        .count();
    if same * 10 < kids.len() * 6 {
        return None;
    }
    let units = kids
        .iter()
        .take(12)
        .filter(|&&c| is_comment_unit(doc, st, c))
        .count();
    let seen = kids.len().min(12);
    if units >= 2 && units * 10 >= seen * 6 {
        Some(format!(
            "{units} repeated units with author, date and reply link or avatar"
        ))
    } else {
        None
    }
}

/// A list of teasers: three or more child blocks, most of them opening with a linked heading
/// (headline links to other stories, with or without a summary).
pub fn teaser_list(doc: &Document, st: &Stats, n: NodeId) -> bool {
    let mut kids = 0;
    let mut teasers = 0;
    for c in doc.child_elements(n) {
        if st.s[c].invisible || st.text(c) == 0 {
            continue;
        }
        kids += 1;
        if kids > 40 {
            break;
        }
        let head = (c..doc.nodes[c].end.min(c + 60))
            .find(|&d| matches!(doc.tag(d), "h2" | "h3" | "h4" | "h5") && st.text(d) > 0);
        if let Some(h) = head {
            if st.link_density(h) > 0.6 {
                teasers += 1;
            }
        }
    }
    teasers >= 3 && teasers * 10 >= kids * 6
}

/// Text before each node in document order (visible characters), for "starts with" checks.
pub fn text_prefix(doc: &Document, st: &Stats) -> Vec<u32> {
    let mut prefix = Vec::with_capacity(doc.nodes.len() + 1);
    let mut acc = 0u32;
    for id in 0..doc.nodes.len() {
        prefix.push(acc);
        if doc.text(id).is_some() && !st.s[id].invisible {
            acc += st.s[id].text;
        }
    }
    prefix.push(acc);
    prefix
}

fn heading_kind(l: &str) -> Option<BlockKind> {
    let lex = lexicon();
    if label_matches(l, &lex.comments, 2) {
        Some(BlockKind::Comments)
    } else if label_matches(l, &lex.related, 2) {
        Some(BlockKind::Related)
    } else if label_matches(l, &lex.newsletter, 2) {
        Some(BlockKind::Newsletter)
    } else if label_matches(l, &lex.share, 1) {
        Some(BlockKind::ShareBar)
    } else if label_matches(l, &lex.cookie, 2) {
        Some(BlockKind::Cookie)
    } else {
        None
    }
}

/// Every boilerplate candidate of the page, nested ones included, in document order.
pub fn candidates(doc: &Document, st: &Stats) -> Vec<Cand> {
    let lex = lexicon();
    let prefix = text_prefix(doc, st);
    let mut out: Vec<Cand> = Vec::new();
    let body = doc.find_tag("body").unwrap_or(0);
    let mut push = |node: NodeId, kind: BlockKind, reason: String, structural: bool| {
        out.push(Cand {
            node,
            kind,
            reason,
            structural,
        })
    };
    for n in body + 1..doc.nodes.len() {
        let Some(e) = doc.element(n) else { continue };
        if st.s[n].invisible {
            continue;
        }
        let tag = &*e.tag;
        let role = doc.attr(n, "role").unwrap_or("");
        let text = st.text(n);
        // Markup.
        if tag == "nav" || role == "navigation" || role == "menubar" {
            push(
                n,
                BlockKind::Navigation,
                format!("<{tag}> navigation"),
                true,
            );
            continue;
        }
        if tag == "footer" || role == "contentinfo" {
            push(n, BlockKind::Footer, "footer element".into(), true);
        }
        if tag == "aside" || role == "complementary" {
            push(n, BlockKind::Related, "sidebar (aside)".into(), true);
        }
        if tag == "form" {
            if let Some(why) = comment_form(doc, n) {
                push(n, BlockKind::CommentForm, why, false);
                continue;
            }
            if is_search_form(doc, n) {
                push(n, BlockKind::Navigation, "search form".into(), true);
                continue;
            }
        }
        // Class and id conventions.
        let toks = tokens(doc, n);
        if !toks.is_empty() && !matches!(tag, "html" | "body" | "a" | "span" | "i" | "img") {
            if let Some((kind, why)) = class_kind(&toks).filter(|(k, _)| {
                // Boilerplate is short or made of links; a block of several plain paragraphs
                // named "pagination-first" or "ad-free" is text.
                // (Related and share blocks keep their kind: teasers carry summaries.)
                k.is_comment()
                    || matches!(k, BlockKind::Related | BlockKind::ShareBar)
                    || st.s[n].paras < 3
                    || st.link_density(n) >= 0.3
            }) {
                // A short comment-ish label ("0", "12 comments") is a counter.
                let kind = if kind == BlockKind::Comments
                    && text <= 30
                    && !(n..doc.nodes[n].end).any(|d| doc.tag(d) == "form")
                {
                    BlockKind::CommentCount
                } else {
                    kind
                };
                // A counter is a short label; a long block is a comment list.
                let kind = if kind == BlockKind::CommentCount && text > 40 {
                    BlockKind::Comments
                } else {
                    kind
                };
                push(n, kind, why, false);
            }
        }
        // Links: comment counters and mobile-version switches.
        if tag == "a" {
            let href = doc.attr(n, "href").unwrap_or("");
            let frag = href.rsplit_once('#').map(|(_, f)| f.to_ascii_lowercase());
            if text <= 40 {
                let l = norm(&label(doc, st, n));
                let to_comments = frag.as_deref().is_some_and(|f| {
                    f.starts_with("comment")
                        || f == "respond"
                        || f.starts_with("disqus")
                        || f.starts_with("reply")
                        || f.starts_with("kommentar")
                        || f.starts_with("reactions")
                });
                if to_comments || (!l.is_empty() && label_matches(&l, &lex.comments, 1)) {
                    let w = wrapper_of(doc, st, n);
                    push(
                        w,
                        BlockKind::CommentCount,
                        if to_comments {
                            format!("link to #{}", frag.unwrap_or_default())
                        } else {
                            format!("comment label '{l}'")
                        },
                        false,
                    );
                    continue;
                }
                if !l.is_empty() && label_matches(&l, &lex.mobile, 1) {
                    let w = wrapper_of(doc, st, n);
                    push(
                        w,
                        BlockKind::MobileLink,
                        format!("mobile-version link '{l}'"),
                        false,
                    );
                    continue;
                }
            }
            continue;
        }
        // Headings and labels that name a section.
        let heading_like = is_heading(tag)
            || tag == "legend"
            || (text > 0
                && text <= 60
                && toks.iter().any(|t| {
                    t.contains("title") || t.contains("heading") || t.contains("headline")
                })
                && !matches!(tag, "body" | "html"));
        if heading_like && text > 0 && text <= 80 {
            let l = norm(&label(doc, st, n));
            if let Some(kind) = heading_kind(&l) {
                let sec = section_of(doc, st, &prefix, n);
                let kind = if kind == BlockKind::Comments
                    && sec != n
                    && comment_form(doc, sec).is_some()
                    && st.text(sec) < 600
                {
                    BlockKind::CommentForm
                } else {
                    kind
                };
                push(sec, kind, format!("heading '{l}'"), false);
                if sec == n {
                    // The heading stands alone among its siblings: the section is the heading
                    // and what follows it up to the next heading.
                    let Some(p) = doc.parent(n) else { continue };
                    let mut after = false;
                    for c in doc.child_elements(p) {
                        if c == n {
                            after = true;
                            continue;
                        }
                        if !after {
                            continue;
                        }
                        let has_heading = (c..doc.nodes[c].end).any(|d| is_heading(doc.tag(d)));
                        if has_heading {
                            break;
                        }
                        push(c, kind, format!("under heading '{l}'"), false);
                    }
                }
            }
        }
        // Structure: a list of teasers.
        if matches!(tag, "ul" | "ol" | "div" | "section") && text > 0 && teaser_list(doc, st, n) {
            push(
                n,
                BlockKind::Related,
                "list of linked headlines".into(),
                false,
            );
        }
        // Structure: repeated comment units.
        if matches!(tag, "ol" | "ul" | "div" | "section") && text > 0 {
            if let Some(why) = comment_list(doc, st, n) {
                push(n, BlockKind::Comments, why, false);
            }
        }
        // Short labels of advertising slots ("Advertisement", "Anzeige").
        if text > 0 && text <= 40 && matches!(tag, "div" | "p" | "span" | "small" | "aside") {
            let l = norm(&label(doc, st, n));
            if label_matches(&l, &lex.ads, 0) {
                push(
                    wrapper_of(doc, st, n),
                    BlockKind::Advertising,
                    format!("label '{l}'"),
                    false,
                );
            }
        }
    }
    out.sort_by_key(|c| c.node);
    out
}

/// From the candidates, the blocks to hide: never the main content or an ancestor of it, never
/// a large share of the main content, outermost only. A comment section that holds the reply
/// form is hidden part by part, so each keeps its kind.
pub fn finalize(doc: &Document, st: &Stats, cands: Vec<Cand>, main: &[NodeId]) -> Vec<Block> {
    let main_text: u32 = main.iter().map(|&m| st.text(m)).sum();
    let prefix = text_prefix(doc, st);
    let keep = |c: &Cand| -> bool {
        if matches!(doc.tag(c.node), "body" | "html") {
            return false;
        }
        if st.text(c.node) == 0 && c.kind != BlockKind::Advertising {
            return false;
        }
        if main.iter().any(|&m| doc.contains(c.node, m)) {
            return false;
        }
        if c.structural && c.kind != BlockKind::Navigation && in_article(doc, c.node, main) {
            // The article's own <footer> (its author line, its tags) is the article's.
            return false;
        }
        let inside = main.iter().any(|&m| doc.contains(m, c.node));
        if !inside {
            return true;
        }
        if c.structural && c.kind != BlockKind::Navigation {
            // An article's own <footer> (its author line) or <aside> (a fact box) stays.
            return st.link_density(c.node) > 0.5 && st.text(c.node) < 400;
        }
        let t = st.text(c.node);
        if c.kind.is_comment() {
            // Comments go, whatever their size, as long as an article remains or precedes them.
            let before = main
                .iter()
                .find(|&&m| doc.contains(m, c.node))
                .map(|&m| prefix[c.node] - prefix[m])
                .unwrap_or(0);
            return t < 300
                || main_text.saturating_sub(t) >= (main_text / 5).max(300)
                || before >= 250;
        }
        t * 3 <= main_text.max(1)
            && (st.link_density(c.node) >= 0.3 || t <= 160 || teaser_list(doc, st, c.node))
    };
    let cands: Vec<Cand> = cands.into_iter().filter(|c| keep(c)).collect();
    let mut out: Vec<Block> = Vec::new();
    let mut last_end = 0usize;
    let mut i = 0;
    while i < cands.len() {
        let c = &cands[i];
        if c.node < last_end {
            i += 1;
            continue;
        }
        // Several candidates for one node: the first non-structural one wins.
        let mut best = c;
        for o in cands[i..].iter().take_while(|o| o.node == c.node) {
            if best.structural && !o.structural {
                best = o;
            }
        }
        let end = doc.nodes[best.node].end;
        let form = if best.kind == BlockKind::Comments {
            cands[i..]
                .iter()
                .take_while(|o| o.node < end)
                .find(|o| o.node != best.node && o.kind == BlockKind::CommentForm)
        } else {
            None
        };
        match form {
            Some(f) => split(doc, st, best, f, &mut out),
            None => out.push(Block {
                node: best.node,
                kind: best.kind,
                reason: best.reason.clone(),
            }),
        }
        last_end = end;
        i += 1;
    }
    out
}

/// Inside an `<article>` element that holds the main content.
fn in_article(doc: &Document, n: NodeId, main: &[NodeId]) -> bool {
    doc.ancestors(n)
        .any(|a| doc.tag(a) == "article" && main.iter().any(|&m| doc.contains(a, m)))
}

fn split(doc: &Document, st: &Stats, outer: &Cand, form: &Cand, out: &mut Vec<Block>) {
    let mut cur = outer.node;
    loop {
        let mut next = None;
        for c in doc.child_elements(cur) {
            if c == form.node {
                out.push(Block {
                    node: c,
                    kind: form.kind,
                    reason: form.reason.clone(),
                });
            } else if doc.contains(c, form.node) {
                next = Some(c);
            } else if st.text(c) > 0 {
                out.push(Block {
                    node: c,
                    kind: outer.kind,
                    reason: outer.reason.clone(),
                });
            }
        }
        match next {
            Some(n) => cur = n,
            None => break,
        }
    }
    out.sort_by_key(|b| b.node);
}
