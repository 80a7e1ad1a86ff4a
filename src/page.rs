//! `page`: what the page says about itself — title, canonical URL, language, dates, authors,
//! site name — from JSON-LD, Open Graph / `article:*` meta, `<time>`, visible datelines and the
//! URL, in that order of trust.
//!
//! Dates are never read from scripts other than JSON-LD (the extension empties the others, and
//! a theme's runtime is full of dates), nor from reader comments.

use serde_json::Value;

use crate::doc::{Document, NodeId};
use crate::insight::Meta;
use crate::lang;

/// Article types of schema.org whose fields describe the page's story.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting" | "Review"
        )
}

#[derive(Default)]
struct Found {
    title: Option<String>,
    published: Option<(String, &'static str)>,
    modified: Option<String>,
    created: Option<String>,
    authors: Vec<String>,
    site: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
}

pub fn read(doc: &Document, url: Option<&str>) -> Meta {
    let mut meta = Meta {
        url: url.map(str::to_string),
        ..Default::default()
    };
    let mut ld = Found::default();
    let mut ld_page = Found::default();
    let mut m = Found::default();
    let mut title_tag = None;
    let mut time_pub: Option<String> = None;
    let mut time_any: Option<String> = None;
    let mut html_lang = None;
    for &e in &doc.elements {
        match doc.tag(e) {
            "html" => {
                html_lang = doc.attr(e, "lang").or_else(|| doc.attr(e, "xml:lang"));
            }
            "title" if title_tag.is_none() => {
                let t = collapse(&doc.text_content(e));
                if !t.is_empty() {
                    title_tag = Some(t);
                }
            }
            "script" => {
                let ty = doc.attr(e, "type").unwrap_or("").to_ascii_lowercase();
                if ty.contains("ld+json") {
                    let text = doc.text_content(e);
                    let t = text.trim();
                    let t = t.trim_start_matches("/*").trim_start();
                    let t = t.strip_prefix("<![CDATA[").unwrap_or(t);
                    let t = t.trim_start_matches("*/").trim();
                    let t = t.trim_end_matches("*/").trim_end();
                    let t = t.strip_suffix("]]>").unwrap_or(t);
                    let t = t.trim_end_matches("/*").trim_end().trim_end_matches(';');
                    if let Ok(v) = serde_json::from_str::<Value>(t.trim()) {
                        json_ld(&v, &mut ld, &mut ld_page, 0);
                    }
                }
            }
            "meta" => read_meta(doc, e, &mut m),
            "link" => {
                let rel = doc.attr(e, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && m.canonical.is_none() {
                    m.canonical = doc.attr(e, "href").map(str::to_string);
                }
            }
            "time" if !in_comments(doc, e) => {
                let dt = doc
                    .attr(e, "datetime")
                    .map(str::to_string)
                    .or_else(|| Some(collapse(&doc.text_content(e))));
                if let Some(d) = dt.as_deref().and_then(iso_date) {
                    let cue = format!(
                        "{} {} {}",
                        doc.attr(e, "itemprop").unwrap_or(""),
                        doc.class_attr(e),
                        doc.attr(e, "pubdate").map(|_| "pubdate").unwrap_or("")
                    )
                    .to_ascii_lowercase();
                    if time_pub.is_none()
                        && (cue.contains("datepublished")
                            || cue.contains("publish")
                            || cue.contains("pubdate")
                            || cue.contains("entry-date")
                            || cue.contains("posted"))
                    {
                        time_pub = Some(d.clone());
                    }
                    if time_any.is_none() {
                        time_any = Some(d);
                    }
                }
            }
            _ => {}
        }
        if let Some(ip) = doc.attr(e, "itemprop") {
            if ip == "datePublished" && m.published.is_none() && !in_comments(doc, e) {
                let v = doc
                    .attr(e, "content")
                    .or_else(|| doc.attr(e, "datetime"))
                    .map(str::to_string)
                    .unwrap_or_else(|| collapse(&doc.text_content(e)));
                if let Some(d) = iso_date(&v) {
                    m.published = Some((d, "microdata"));
                }
            }
        }
    }
    // Order of trust: JSON-LD of the article, meta, JSON-LD of the page, <time>, dateline, URL.
    meta.title = ld
        .title
        .clone()
        .or(m.title.clone())
        .or(title_tag)
        .map(|t| collapse(&t));
    meta.published = None;
    for (d, src) in [
        ld.published.clone(),
        m.published.clone(),
        ld_page.published.clone(),
        ld.created.clone().map(|d| (d, "json-ld")),
        time_pub.map(|d| (d, "time")),
        time_any.map(|d| (d, "time")),
    ]
    .into_iter()
    .flatten()
    {
        meta.published = Some(d);
        meta.published_source = Some(src.to_string());
        break;
    }
    if meta.published.is_none() {
        if let Some(d) = dateline(doc) {
            meta.published = Some(d);
            meta.published_source = Some("dateline".into());
        }
    }
    if meta.published.is_none() {
        if let Some(d) = url.and_then(url_date).or_else(|| {
            m.canonical
                .as_deref()
                .or(ld.canonical.as_deref())
                .and_then(url_date)
        }) {
            meta.published = Some(d);
            meta.published_source = Some("url".into());
        }
    }
    meta.modified = ld.modified.or(m.modified).or(ld_page.modified);
    meta.authors = if !ld.authors.is_empty() {
        ld.authors
    } else {
        m.authors
    };
    meta.authors.dedup();
    meta.site_name = m.site.or(ld.site).or(ld_page.site);
    meta.title = meta.title.map(|t| strip_site(t, meta.site_name.as_deref()));
    meta.canonical = m.canonical.or(ld.canonical);
    let lang = html_lang
        .map(str::to_string)
        .or(m.lang)
        .or(ld.lang)
        .or(ld_page.lang);
    meta.declared_lang = lang
        .map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
        })
        .filter(|l| !l.is_empty());
    meta
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inside a reader-comment container (by class or id)?
fn in_comments(doc: &Document, n: NodeId) -> bool {
    doc.ancestors(n).any(|a| {
        let s = format!("{} {}", doc.class_attr(a), doc.id_attr(a)).to_ascii_lowercase();
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| t.starts_with("comment") && !t.starts_with("commentary") || t == "disqus")
    })
}

fn read_meta(doc: &Document, e: NodeId, m: &mut Found) {
    let key = doc
        .attr(e, "property")
        .or_else(|| doc.attr(e, "name"))
        .or_else(|| doc.attr(e, "itemprop"))
        .or_else(|| doc.attr(e, "http-equiv"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(v) = doc.attr(e, "content").map(str::trim) else {
        return;
    };
    if v.is_empty() {
        return;
    }
    match key.as_str() {
        "article:published_time"
        | "og:published_time"
        | "article:published"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "dcterms.date"
        | "dcterms.issued"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "og:article:published_time"
        | "cxenseparse:recs:publishtime"
        | "originalpublicationdate"
        | "article_date_original"
        | "date.release" => {
            if m.published.is_none() {
                m.published = iso_date(v).map(|d| (d, "meta"));
            }
        }
        "parsely-metadata" => {
            if m.published.is_none() {
                if let Ok(j) = serde_json::from_str::<Value>(v) {
                    if let Some(d) = j.get("pub_date").and_then(|x| x.as_str()) {
                        m.published = iso_date(d).map(|d| (d, "meta"));
                    }
                }
            }
        }
        "article:modified_time" | "og:updated_time" | "datemodified" | "dcterms.modified" => {
            if m.modified.is_none() {
                m.modified = iso_date(v);
            }
        }
        "og:title" | "twitter:title" | "dc.title" => {
            if m.title.is_none() {
                m.title = Some(v.to_string());
            }
        }
        "og:site_name" | "application-name" => {
            if m.site.is_none() {
                m.site = Some(v.to_string());
            }
        }
        "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author" => {
            if !v.starts_with("http") && !m.authors.iter().any(|a| a == v) {
                m.authors.push(v.to_string());
            }
        }
        "og:url" => {
            if m.canonical.is_none() {
                m.canonical = Some(v.to_string());
            }
        }
        "content-language" | "og:locale" | "language" | "dc.language" => {
            if m.lang.is_none() {
                m.lang = Some(v.to_string());
            }
        }
        _ => {}
    }
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(names).collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(|n| n.as_str())
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        _ => vec![],
    }
}

fn json_ld(v: &Value, art: &mut Found, page: &mut Found, depth: u32) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => {
            for x in a {
                json_ld(x, art, page, depth + 1);
            }
        }
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                json_ld(g, art, page, depth + 1);
            }
            let types: Vec<&str> = match o.get("@type") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
                _ => vec![],
            };
            let is_art = types.iter().any(|t| is_article_type(t));
            let is_page = types.iter().any(|t| t.ends_with("Page"));
            let target = if is_art {
                &mut *art
            } else if is_page {
                &mut *page
            } else {
                if types
                    .iter()
                    .any(|t| matches!(*t, "Organization" | "NewsMediaOrganization" | "WebSite"))
                {
                    if page.site.is_none() {
                        page.site = o.get("name").and_then(|n| n.as_str()).map(str::to_string);
                    }
                }
                // Nested article (e.g. mainEntity of a WebPage).
                for k in ["mainEntity", "mainEntityOfPage", "itemListElement"] {
                    if let Some(x) = o.get(k) {
                        if x.is_object() || x.is_array() {
                            json_ld(x, art, page, depth + 1);
                        }
                    }
                }
                return;
            };
            let s = |k: &str| o.get(k).and_then(|x| x.as_str());
            if target.published.is_none() {
                if let Some(d) = s("datePublished").and_then(iso_date) {
                    target.published = Some((d, "json-ld"));
                }
            }
            if target.created.is_none() {
                target.created = s("dateCreated").and_then(iso_date);
            }
            if target.modified.is_none() {
                target.modified = s("dateModified").and_then(iso_date);
            }
            if target.title.is_none() {
                target.title = s("headline").or(s("name")).map(str::to_string);
            }
            if target.authors.is_empty() {
                if let Some(a) = o.get("author").or(o.get("creator")) {
                    target.authors = names(a);
                }
            }
            if target.site.is_none() {
                if let Some(p) = o.get("publisher") {
                    target.site = names(p).into_iter().next();
                }
            }
            if target.canonical.is_none() {
                target.canonical = s("url").map(str::to_string).or_else(|| {
                    o.get("mainEntityOfPage")
                        .and_then(|m| m.get("@id").or(m.get("url")))
                        .and_then(|x| x.as_str())
                        .map(str::to_string)
                });
            }
            if target.lang.is_none() {
                target.lang = s("inLanguage").map(str::to_string);
            }
            if let Some(x) = o.get("mainEntity") {
                if x.is_object() {
                    json_ld(x, art, page, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// The calendar date of a machine-readable date: ISO 8601 (`2024-06-29T10:12:45+00:00`,
/// `2017-11-03 03:01:00`), `2024/06/29`, `20240629`, RFC 2822 (`Thu, 15 Dec 2016 …`) and
/// "Month D, YYYY" / "D Month YYYY" with the month names of every language's table. The date
/// is the one written (no time-zone shift).
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let t = s.get(r)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    if b.len() >= 10 && (b[4] == b'-' || b[4] == b'/' || b[4] == b'.') && b[7] == b[4] {
        if let (Some(y), Some(mo), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return ymd(y, mo, d);
        }
    }
    if b.len() >= 8 && b[..8].iter().all(|c| c.is_ascii_digit()) && (b.len() == 8 || b[8] == b'T') {
        return ymd(num(0..4)?, num(4..6)?, num(6..8)?);
    }
    text_date(s)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    if (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
        Some(format!("{y:04}-{m:02}-{d:02}"))
    } else {
        None
    }
}

fn months() -> &'static Vec<(String, u32)> {
    use std::sync::OnceLock;
    static M: OnceLock<Vec<(String, u32)>> = OnceLock::new();
    M.get_or_init(|| {
        let mut v: Vec<(String, u32)> = lang::table_all("months")
            .filter_map(|(_, e)| {
                let (n, name) = e.split_once('|')?;
                Some((name.trim().to_lowercase(), n.trim().parse().ok()?))
            })
            .collect();
        // Every language's names (English ones are the web's lingua franca for machine dates,
        // whatever the page's language), full and abbreviated ("sept", "dec"): data/<lang>/months.txt.
        v.sort();
        v.dedup();
        v
    })
}

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    months().iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// "June 29, 2024", "29 juin 2024", "29. Juni 2024", "Thu, 15 Dec 2016", "29.06.2024".
fn text_date(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        let w = words[i];
        // D.M.YYYY
        let parts: Vec<&str> = w.split(['.', '/']).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
            && parts[2].len() == 4
        {
            if let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
                if let Some(r) = ymd(y, m, d) {
                    return Some(r);
                }
            }
        }
        let Some(m) = month_of(w) else { continue };
        let day = |x: &str| -> Option<u32> {
            let x = crate::calendar::strip_ordinal(x.trim_end_matches(['.', 'º', '°']));
            let d: u32 = x.parse().ok()?;
            (1..=31).contains(&d).then_some(d)
        };
        let year = |x: &str| -> Option<u32> {
            let x = x.trim_end_matches(['.', ')']);
            (x.len() == 4).then(|| x.parse().ok()).flatten()
        };
        // Month D YYYY
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|x| day(x)),
            words.get(i + 2).and_then(|x| year(x)),
        ) {
            return ymd(y, m, d);
        }
        // D Month YYYY (also "29 de junio de 2024": data/<lang>/date_links.txt)
        if i > 0 {
            let link = |x: &str| lang::table_all("date_links").any(|(_, l)| l == x);
            let dw = if i >= 2 && link(words[i - 1]) {
                words[i - 2]
            } else {
                words[i - 1]
            };
            let yw = if words.get(i + 1).is_some_and(|x| link(x)) {
                words.get(i + 2)
            } else {
                words.get(i + 1)
            };
            if let (Some(d), Some(y)) = (day(dw), yw.and_then(|x| year(x))) {
                return ymd(y, m, d);
            }
        }
    }
    None
}

/// A date in the page's address: `/2024/06/29/`, `/2024-06-29`, `/20240629/`.
pub fn url_date(u: &str) -> Option<String> {
    let path = u.split(['?', '#']).next().unwrap_or(u);
    let segs: Vec<&str> = path.split('/').collect();
    for i in 0..segs.len() {
        let s = segs[i];
        if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
            let y: u32 = s.parse().ok()?;
            let m = segs.get(i + 1).and_then(|x| x.parse::<u32>().ok());
            let d = segs.get(i + 2).and_then(|x| {
                let x: String = x.chars().take_while(|c| c.is_ascii_digit()).collect();
                (x.len() <= 2 && !x.is_empty())
                    .then(|| x.parse::<u32>().ok())
                    .flatten()
            });
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(r) = ymd(y, m, d) {
                    return Some(r);
                }
            }
        }
        if let Some(r) = iso_date(s) {
            if s.len() >= 8 {
                return Some(r);
            }
        }
        // a date at the start of a slug: 2024-06-29-title
        if s.len() > 10 && s.as_bytes()[4] == b'-' {
            if let Some(r) = iso_date(&s[..10]) {
                return Some(r);
            }
        }
    }
    None
}

/// A visible dateline near the top of the body: the first short text block that reads as a date,
/// outside comments, links and scripts.
fn dateline(doc: &Document) -> Option<String> {
    let body = doc.find_tag("body")?;
    let mut seen = 0usize;
    let mut n = body;
    let end = doc.nodes[body].end;
    while n < end && seen < 4000 {
        if let Some(e) = doc.element(n) {
            if matches!(
                &*e.tag,
                "script" | "style" | "noscript" | "template" | "a" | "nav" | "footer" | "aside"
            ) || in_comment_cls(doc, n)
            {
                n = doc.nodes[n].end;
                continue;
            }
        } else if let Some(t) = doc.text(n) {
            seen += t.len();
            let t = t.trim();
            if t.len() >= 8 && t.len() <= 120 {
                if let Some(d) = text_date(t) {
                    return Some(d);
                }
            }
        }
        n += 1;
    }
    None
}

fn in_comment_cls(doc: &Document, n: NodeId) -> bool {
    let s = format!("{} {}", doc.class_attr(n), doc.id_attr(n)).to_ascii_lowercase();
    s.contains("comment") || s.contains("disqus")
}

/// "Story - Site", "Story | Site", "Site: Story" → "Story", when the site's name is known.
fn strip_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" - ", " | ", " – ", " — ", " · ", " :: "] {
        if let Some(story) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
            if !story.trim().is_empty() {
                return story.trim().to_string();
            }
        }
        if let Some(story) = title.strip_prefix(site).and_then(|t| t.strip_prefix(sep)) {
            if !story.trim().is_empty() {
                return story.trim().to_string();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_shapes() {
        assert_eq!(
            iso_date("2024-06-29T10:12:45+00:00").as_deref(),
            Some("2024-06-29")
        );
        assert_eq!(
            iso_date("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(iso_date("20240629").as_deref(), Some("2024-06-29"));
        assert_eq!(
            iso_date("Thu, 15 Dec 2016 10:00:00 GMT").as_deref(),
            Some("2016-12-15")
        );
        assert_eq!(iso_date("June 29, 2024").as_deref(), Some("2024-06-29"));
        assert_eq!(iso_date("29.06.2024").as_deref(), Some("2024-06-29"));
        // month names of every language with a months table, and its date links
        assert_eq!(iso_date("29 juin 2024").as_deref(), Some("2024-06-29"));
        assert_eq!(iso_date("29. Juni 2024").as_deref(), Some("2024-06-29"));
        assert_eq!(
            iso_date("Samstag, 2. März 2024").as_deref(),
            Some("2024-03-02")
        );
        assert_eq!(
            iso_date("29 de junio de 2024").as_deref(),
            Some("2024-06-29")
        );
        assert_eq!(iso_date("3 de dic. de 2023").as_deref(), Some("2023-12-03"));
        assert_eq!(iso_date("2019-01-01 must not"), Some("2019-01-01".into()));
        assert_eq!(iso_date("no date"), None);
        assert_eq!(
            url_date("https://x.com/2019/11/20/story.html").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(url_date("https://x.com/news/story-123").as_deref(), None);
    }

    #[test]
    fn site_name_is_not_part_of_the_title() {
        let html = r#"<html><head><title>Story of the day | The Daily</title>
        <meta property="og:site_name" content="The Daily"></head><body></body></html>"#;
        assert_eq!(
            read(&Document::parse(html), None).title.as_deref(),
            Some("Story of the day")
        );
        let html = r#"<html><head><title>The Daily</title>
        <meta property="og:site_name" content="The Daily"></head><body></body></html>"#;
        assert_eq!(
            read(&Document::parse(html), None).title.as_deref(),
            Some("The Daily")
        );
    }

    #[test]
    fn trust_order_and_no_script_dates() {
        let html = r#"<html lang="fr-FR"><head><title>T - Site</title>
        <meta property="article:published_time" content="2024-06-29T10:12:45+00:00">
        <script>var d = "2019-01-01";</script>
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-28T08:00:00Z","headline":"H","author":{"name":"A B"}}</script>
        </head><body><div class="comments"><time datetime="2025-01-01">x</time></div></body></html>"#;
        let d = Document::parse(html);
        let m = read(&d, None);
        assert_eq!(m.published.as_deref(), Some("2024-06-28"));
        assert_eq!(m.published_source.as_deref(), Some("json-ld"));
        assert_eq!(m.declared_lang.as_deref(), Some("fr"));
        assert_eq!(m.authors, vec!["A B".to_string()]);
        let html2 = r#"<html><body><p>Hello</p><div id="comments"><time datetime="2025-01-01">x</time></div></body></html>"#;
        assert_eq!(read(&Document::parse(html2), None).published, None);
        let m3 = read(&Document::parse(html2), Some("https://x.com/2020/10/23/a"));
        assert_eq!(m3.published.as_deref(), Some("2020-10-23"));
    }
}
