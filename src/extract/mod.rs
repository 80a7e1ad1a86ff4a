//! `extract`: mentions (people, organisations, places, dates), resolution within the article,
//! meetings (trigger + parties + place + time + topics + evidence) and document topics.

use crate::doc::Document;
use crate::insight::{Insight, Meta};
use crate::text::Article;

pub fn extract(_doc: &Document, _article: &Article, _meta: &Meta, _lang: &str) -> Insight {
    Insight::default()
}
