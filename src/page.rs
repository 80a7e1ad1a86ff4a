//! `page`: what the page says about itself — title, canonical URL, language, dates, authors,
//! site name — from JSON-LD, Open Graph / `article:*` meta, `<time>`, the URL and visible
//! datelines, in that order of trust.

use crate::doc::Document;
use crate::insight::Meta;

pub fn read(doc: &Document, url: Option<&str>) -> Meta {
    let mut meta = Meta {
        url: url.map(str::to_string),
        ..Default::default()
    };
    if let Some(t) = doc.find_tag("title") {
        let t = doc
            .text_content(t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !t.is_empty() {
            meta.title = Some(t);
        }
    }
    if let Some(h) = doc.find_tag("html") {
        meta.lang = doc
            .attr(h, "lang")
            .map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase());
    }
    meta
}
