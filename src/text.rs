//! `text`: the article as the reader still sees it after hiding — blocks (paragraphs, headings,
//! list items, captions) with the element each came from.

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
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "pre",
    "td",
    "dd",
    "dt",
];

pub fn article(doc: &Document, layout: &Layout) -> Article {
    let mut blocks = Vec::new();
    for &root in &layout.main {
        let mut n = root;
        while n < doc.nodes[root].end {
            let tag = doc.tag(n);
            if BLOCKS.contains(&tag) && !layout.is_hidden(doc, n) {
                let text = collapse(&doc.text_content(n));
                if !text.is_empty() {
                    let kind = match tag {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockType::Heading,
                        "p" => BlockType::Paragraph,
                        "li" => BlockType::ListItem,
                        "blockquote" => BlockType::Quote,
                        "figcaption" => BlockType::Caption,
                        _ => BlockType::Other,
                    };
                    blocks.push(TextBlock {
                        node: n,
                        kind,
                        text,
                    });
                }
                n = doc.nodes[n].end;
                continue;
            }
            if matches!(doc.nodes[n].data, NodeData::Element(_))
                && matches!(tag, "script" | "style" | "noscript" | "template")
            {
                n = doc.nodes[n].end;
                continue;
            }
            n += 1;
        }
    }
    Article { blocks }
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
