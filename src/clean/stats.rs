//! Per-node aggregates computed in one reverse pass over the document (children have larger ids
//! than their parents, so adding each node into its parent visits every node once): visible text
//! length, text inside links, paragraphs, commas. Every later decision reads them in O(1).

use crate::doc::{Document, NodeData, NodeId};

/// Elements whose content the reader never sees as text.
pub fn is_invisible_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "iframe"
            | "object"
            | "embed"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "dialog"
    )
}

/// Hidden by markup alone (`hidden`, `aria-hidden`, inline `display:none`/`visibility:hidden`).
pub fn is_hidden_by_markup(doc: &Document, n: NodeId) -> bool {
    let Some(e) = doc.element(n) else {
        return false;
    };
    for (k, v) in &e.attrs {
        match &**k {
            "hidden" => return true,
            "aria-hidden" if v.eq_ignore_ascii_case("true") => return true,
            "style" => {
                let s: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if s.contains("display:none") || s.contains("visibility:hidden") {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that start a new line of text (a block in the reader's eyes).
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "br"
            | "center"
            | "details"
            | "summary"
            | "body"
            | "html"
    )
}

#[derive(Clone, Copy, Debug, Default)]
pub struct NodeStats {
    /// Visible non-space characters in the subtree.
    pub text: u32,
    /// Of which inside `<a>` elements.
    pub link: u32,
    /// Paragraph-like blocks with at least 60 characters of their own text.
    pub paras: u32,
    /// Commas (any script) in visible text.
    pub commas: u32,
    /// Elements in the subtree (itself included).
    pub elems: u32,
    /// Number of `<a>` in the subtree.
    pub links: u32,
    /// Subtree is invisible (by tag or markup).
    pub invisible: bool,
}

pub struct Stats {
    pub s: Vec<NodeStats>,
    /// Text of the node outside its block-level descendants (its own line of text: a `<div>`
    /// holding text and inline markup directly), non-space chars.
    pub own: Vec<u32>,
    /// Commas in that text.
    pub own_commas: Vec<u32>,
}

impl Stats {
    pub fn compute(doc: &Document) -> Stats {
        let n = doc.nodes.len();
        let mut s = vec![NodeStats::default(); n];
        let mut own = vec![0u32; n];
        let mut own_commas = vec![0u32; n];
        // Invisibility flows downwards: mark it first, in document order.
        for id in 0..n {
            let inv_parent = doc.nodes[id]
                .parent
                .map(|p| s[p].invisible)
                .unwrap_or(false);
            let inv = inv_parent
                || match &doc.nodes[id].data {
                    NodeData::Element(e) => {
                        is_invisible_tag(&e.tag) || is_hidden_by_markup(doc, id)
                    }
                    _ => false,
                };
            s[id].invisible = inv;
        }
        for id in (0..n).rev() {
            let node = &doc.nodes[id];
            match &node.data {
                NodeData::Text(t) => {
                    if !s[id].invisible {
                        let mut c = 0u32;
                        let mut commas = 0u32;
                        for ch in t.chars() {
                            if !ch.is_whitespace() {
                                c += 1;
                                if matches!(ch, ',' | '，' | '、' | '،') {
                                    commas += 1;
                                }
                            }
                        }
                        s[id].text = c;
                        s[id].commas = commas;
                        if let Some(p) = node.parent {
                            own[p] += c;
                            own_commas[p] += commas;
                        }
                    }
                }
                NodeData::Element(e) => {
                    s[id].elems += 1;
                    if &*e.tag == "a" {
                        s[id].links += 1;
                        s[id].link = s[id].text;
                    }
                    if !s[id].invisible
                        && matches!(&*e.tag, "p" | "pre" | "blockquote" | "td" | "dd")
                        && s[id].text >= 60
                    {
                        s[id].paras += 1;
                    } else if !s[id].invisible
                        && matches!(&*e.tag, "div" | "section" | "article" | "li")
                        && own[id] >= 60
                        && s[id].paras == 0
                    {
                        // A block holding its text directly (text separated by <br>).
                        s[id].paras += 1;
                    }
                }
                NodeData::Document => {}
            }
            if let (Some(p), NodeData::Element(e)) = (node.parent, &node.data) {
                if !is_block_tag(&e.tag) && !s[id].invisible {
                    own[p] += own[id];
                    own_commas[p] += own_commas[id];
                }
            }
            if let Some(p) = node.parent {
                let c = s[id];
                let ps = &mut s[p];
                ps.text += c.text;
                ps.link += c.link;
                ps.paras += c.paras;
                ps.commas += c.commas;
                ps.elems += c.elems;
                ps.links += c.links;
            }
        }
        Stats { s, own, own_commas }
    }

    pub fn text(&self, n: NodeId) -> u32 {
        self.s[n].text
    }

    pub fn link_density(&self, n: NodeId) -> f32 {
        let s = &self.s[n];
        if s.text == 0 {
            0.0
        } else {
            (s.link as f32 / s.text as f32).min(1.0)
        }
    }
}
