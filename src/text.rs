//! `text`: the article as the reader still sees it after hiding — blocks (paragraphs, headings,
//! list items, captions) with the element each came from.
//!
//! One walk over the main-content roots in document order: text runs are gathered into the
//! innermost block element that holds them (so a `<div>` holding text and `<br>`s directly is a
//! block too), hidden blocks and invisible elements are skipped by jumping over their subtree.
//! Linear in the size of the main content.

use crate::clean::stats::{is_block_tag, is_hidden_by_markup, is_invisible_tag};
use crate::clean::Layout;
use crate::doc::{Document, NodeData, NodeId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Caption,
    Other,
}

#[derive(Clone, Debug)]
pub struct TextBlock {
    /// The block element (evidence points at it).
    pub node: NodeId,
    pub kind: BlockType,
    /// Text with whitespace collapsed.
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub struct Article {
    pub blocks: Vec<TextBlock>,
}

impl Article {
    /// Paragraphs separated by blank lines (what `rendezvous text` prints).
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }

    /// The text of the first blocks, `max` bytes of it or a little more (whole blocks).
    pub fn sample_text(&self, max: usize) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if out.len() >= max {
                break;
            }
            out.push_str(&b.text);
            out.push('\n');
        }
        out
    }
}

fn block_type(tag: &str) -> BlockType {
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockType::Heading,
        "p" => BlockType::Paragraph,
        "li" | "dt" | "dd" => BlockType::ListItem,
        "blockquote" => BlockType::Quote,
        "figcaption" | "caption" => BlockType::Caption,
        _ => BlockType::Other,
    }
}

struct Builder {
    blocks: Vec<TextBlock>,
    buf: String,
    /// Block element the buffered text belongs to.
    owner: Option<NodeId>,
    space: bool,
}

impl Builder {
    fn push_text(&mut self, t: &str, owner: NodeId) {
        if self.owner.is_none() {
            self.owner = Some(owner);
        }
        for ch in t.chars() {
            if ch.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.buf.is_empty() {
                    self.buf.push(' ');
                }
                self.space = false;
                self.buf.push(ch);
            }
        }
    }

    fn flush(&mut self, doc: &Document) {
        if !self.buf.is_empty() {
            let node = self.owner.unwrap_or(0);
            self.blocks.push(TextBlock {
                node,
                kind: block_type(doc.tag(node)),
                text: std::mem::take(&mut self.buf),
            });
        }
        self.owner = None;
        self.space = false;
    }
}

pub fn article(doc: &Document, layout: &Layout) -> Article {
    let mut b = Builder {
        blocks: Vec::new(),
        buf: String::new(),
        owner: None,
        space: false,
    };
    let hidden = &layout.hidden;
    for &root in &layout.main {
        let root_end = doc.nodes[root].end;
        // Open block elements (innermost last), with their subtree ends.
        let mut open: Vec<(NodeId, NodeId)> = Vec::new();
        // First hidden block at or after the walk position.
        let mut h = hidden.partition_point(|x| x.node < root);
        let mut n = root;
        while n < root_end {
            while let Some(&(_, end)) = open.last() {
                if n >= end {
                    open.pop();
                    b.flush(doc);
                } else {
                    break;
                }
            }
            while h < hidden.len() && hidden[h].node < n {
                h += 1;
            }
            if h < hidden.len() && hidden[h].node == n {
                b.flush(doc);
                n = doc.nodes[n].end;
                continue;
            }
            match &doc.nodes[n].data {
                NodeData::Text(t) => {
                    let owner = open.last().map(|o| o.0).unwrap_or(root);
                    b.push_text(t, owner);
                }
                NodeData::Element(e) => {
                    if is_invisible_tag(&e.tag) || is_hidden_by_markup(doc, n) {
                        n = doc.nodes[n].end;
                        continue;
                    }
                    if is_block_tag(&e.tag) {
                        b.flush(doc);
                        open.push((n, doc.nodes[n].end));
                    } else if &*e.tag == "img" {
                        // Pictures separate words as a space would.
                        b.space = true;
                    }
                }
                NodeData::Document => {}
            }
            n += 1;
        }
        b.flush(doc);
    }
    let mut blocks = b.blocks;
    // The headline repeated at the top of the article body is not body text.
    if let Some(h) = layout.headline {
        let ht = collapse(&doc.text_content(h));
        if let Some(first) = blocks.first() {
            if first.kind == BlockType::Heading && (first.node == h || first.text == ht) {
                blocks.remove(0);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("RENDEZVOUS_DEBUG").is_some() {
        for b in &blocks {
            let path: Vec<String> = std::iter::once(b.node)
                .chain(doc.ancestors(b.node))
                .take(5)
                .map(|a| format!("{}.{}", doc.tag(a), doc.class_attr(a).replace(' ', ".")))
                .collect();
            let t: String = b.text.chars().take(50).collect();
            eprintln!("block {} [{}] {t}", b.node, path.join(" < "));
        }
    }
    Article { blocks }
}

/// Everything the reader still sees on the page after hiding (the body's visible text, one block
/// per line): what tests compare with the expected visible and hidden strings.
pub fn visible_page_text(doc: &Document, layout: &Layout) -> String {
    let Some(body) = doc.find_tag("body") else {
        return String::new();
    };
    let everything = Layout {
        main: vec![body],
        hidden: layout.hidden.clone(),
        is_article: layout.is_article,
        headline: None,
    };
    article(doc, &everything)
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
