//! `doc`: the document model. One HTML reader (html5ever, parsing as a browser with scripting on)
//! builds it in every host, so the native CLI and the extension see the same elements in the same
//! order. Nodes are stored in document (pre-)order; every element carries its index among the
//! document's elements, which is the index of `document.getElementsByTagName('*')` in a browser.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, QualName};

/// Index of a node in [`Document::nodes`] (document order).
pub type NodeId = usize;

/// Namespace of an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    Html,
    Svg,
    MathMl,
    Other,
}

#[derive(Clone, Debug)]
pub struct Element {
    /// Local name as the DOM's `localName` gives it (lower case for HTML).
    pub tag: Box<str>,
    pub ns: Ns,
    pub attrs: Vec<(Box<str>, Box<str>)>,
    /// Position among the document's elements (`getElementsByTagName('*')`).
    pub index: u32,
}

#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(Box<str>),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// One past the last descendant: the subtree of `n` is `n..nodes[n].end`.
    pub end: NodeId,
    pub depth: u32,
    pub data: NodeData,
}

/// Limits applied while building the model (the rest of the page is ignored, and said so).
#[derive(Clone, Copy, Debug)]
pub struct ParseLimits {
    pub max_nodes: usize,
    pub max_depth: u32,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_nodes: 400_000,
            max_depth: 512,
        }
    }
}

#[derive(Debug, Default)]
pub struct Document {
    pub nodes: Vec<Node>,
    /// Node id of every element, by element index.
    pub elements: Vec<NodeId>,
    /// Number of elements in the parsed page (may exceed `elements.len()` when truncated).
    pub element_total: usize,
    /// Set when a limit cut the model short.
    pub truncated: bool,
}

impl Document {
    /// Parse an HTML document the way a browser with scripting enabled does.
    pub fn parse(html: &str) -> Document {
        Self::parse_with(html, ParseLimits::default())
    }

    pub fn parse_with(html: &str, limits: ParseLimits) -> Document {
        let sink = Sink::default();
        let sink = html5ever::parse_document(sink, Default::default()).one(html);
        sink.into_document(limits)
    }

    pub fn root(&self) -> NodeId {
        0
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id)?.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag (local name) of an element, "" for other nodes.
    pub fn tag(&self, id: NodeId) -> &str {
        self.element(id).map(|e| &*e.tag).unwrap_or("")
    }

    pub fn is_html(&self, id: NodeId, tag: &str) -> bool {
        matches!(self.element(id), Some(e) if e.ns == Ns::Html && &*e.tag == tag)
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes.get(id)?.data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id)?
            .attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }

    pub fn id_attr(&self, id: NodeId) -> &str {
        self.attr(id, "id").unwrap_or("")
    }

    pub fn class_attr(&self, id: NodeId) -> &str {
        self.attr(id, "class").unwrap_or("")
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id)?.parent
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id].children
    }

    /// Element children only.
    pub fn child_elements(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(move |&c| self.element(c).is_some())
    }

    /// All nodes strictly inside `id`, in document order.
    pub fn descendants(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id + 1..self.nodes[id].end
    }

    /// Is `a` an ancestor of (or equal to) `b`?
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        a <= b && b < self.nodes[a].end
    }

    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// Element index (`getElementsByTagName('*')` position) of an element node.
    pub fn index_of(&self, id: NodeId) -> Option<u32> {
        self.element(id).map(|e| e.index)
    }

    /// Node of the element with that document-order index.
    pub fn by_index(&self, index: u32) -> Option<NodeId> {
        self.elements.get(index as usize).copied()
    }

    /// The first element with that tag, in document order.
    pub fn find_tag(&self, tag: &str) -> Option<NodeId> {
        self.elements
            .iter()
            .copied()
            .find(|&n| self.is_html(n, tag))
    }

    /// Concatenated text of a subtree, as `textContent` gives it.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in id..self.nodes[id].end {
            if let NodeData::Text(t) = &self.nodes[n].data {
                out.push_str(t);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// The tree sink: an arena the parser writes into, then flattened into document order.

#[derive(Debug)]
enum SinkKind {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Option<usize>,
    },
    Text(StrTendril),
    Other,
}

#[derive(Debug)]
struct SinkNode {
    parent: Option<usize>,
    children: Vec<usize>,
    kind: SinkKind,
}

#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<SinkNode>>,
}

impl Sink {
    fn new_node(&self, kind: SinkKind) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.is_empty() {
            nodes.push(SinkNode {
                parent: None,
                children: vec![],
                kind: SinkKind::Document,
            });
        }
        nodes.push(SinkNode {
            parent: None,
            children: vec![],
            kind,
        });
        nodes.len() - 1
    }

    fn ensure_document(&self) {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.is_empty() {
            nodes.push(SinkNode {
                parent: None,
                children: vec![],
                kind: SinkKind::Document,
            });
        }
    }

    fn detach(nodes: &mut [SinkNode], child: usize) {
        if let Some(p) = nodes[child].parent.take() {
            nodes[p].children.retain(|&c| c != child);
        }
    }

    fn insert(&self, parent: usize, at: Option<usize>, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let pos = at.unwrap_or(nodes[parent].children.len());
        match child {
            NodeOrText::AppendText(text) => {
                // Merge with the text node just before the insertion point.
                if pos > 0 {
                    let prev = nodes[parent].children[pos - 1];
                    if let SinkKind::Text(t) = &mut nodes[prev].kind {
                        t.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(SinkNode {
                    parent: Some(parent),
                    children: vec![],
                    kind: SinkKind::Text(text),
                });
                let id = nodes.len() - 1;
                nodes[parent].children.insert(pos, id);
            }
            NodeOrText::AppendNode(id) => {
                Self::detach(&mut nodes, id);
                let pos = pos.min(nodes[parent].children.len());
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(pos, id);
            }
        }
    }

    fn into_document(self, limits: ParseLimits) -> Document {
        self.ensure_document();
        let sink = self.nodes.into_inner();
        let mut doc = Document {
            nodes: Vec::with_capacity(sink.len().min(limits.max_nodes)),
            ..Default::default()
        };
        // Iterative pre-order walk (pages nest deeper than a native stack would like).
        let mut stack: Vec<(usize, Option<NodeId>, u32)> = vec![(0, None, 0)];
        let mut open: Vec<NodeId> = Vec::new(); // nodes whose `end` is pending, by depth
        let mut element_total = 0usize;
        while let Some((sid, parent, depth)) = stack.pop() {
            let s = &sink[sid];
            if let SinkKind::Element { .. } = s.kind {
                element_total += 1;
            }
            let within = doc.nodes.len() < limits.max_nodes && depth <= limits.max_depth;
            if !within {
                doc.truncated = true;
                // Still count the elements below, so the host can tell the models apart.
                for &c in s.children.iter().rev() {
                    stack.push((c, None, depth + 1));
                }
                continue;
            }
            let data = match &s.kind {
                SinkKind::Document => NodeData::Document,
                SinkKind::Text(t) => NodeData::Text(t.to_string().into_boxed_str()),
                SinkKind::Other => continue,
                SinkKind::Element { name, attrs, .. } => {
                    let ns = if name.ns == ns!(html) {
                        Ns::Html
                    } else if name.ns == ns!(svg) {
                        Ns::Svg
                    } else if name.ns == ns!(mathml) {
                        Ns::MathMl
                    } else {
                        Ns::Other
                    };
                    NodeData::Element(Element {
                        tag: name.local.to_string().into_boxed_str(),
                        ns,
                        attrs: attrs
                            .iter()
                            .map(|a| {
                                (
                                    a.name.local.to_string().into_boxed_str(),
                                    a.value.to_string().into_boxed_str(),
                                )
                            })
                            .collect(),
                        index: doc.elements.len() as u32,
                    })
                }
            };
            // Close every open node that is not an ancestor of this one.
            while open.len() > depth as usize {
                let done = open.pop().unwrap();
                doc.nodes[done].end = doc.nodes.len();
            }
            let id = doc.nodes.len();
            if matches!(data, NodeData::Element(_)) {
                doc.elements.push(id);
            }
            doc.nodes.push(Node {
                parent,
                children: vec![],
                end: id + 1,
                depth,
                data,
            });
            if let Some(p) = parent {
                doc.nodes[p].children.push(id);
            }
            open.push(id);
            for &c in s.children.iter().rev() {
                stack.push((c, Some(id), depth + 1));
            }
        }
        let len = doc.nodes.len();
        for done in open {
            doc.nodes[done].end = len;
        }
        doc.element_total = element_total;
        doc
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        self.ensure_document();
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| match &n[*target].kind {
            SinkKind::Element { name, .. } => name,
            _ => panic!("not an element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let is_template = name.ns == ns!(html) && name.local == local_name!("template");
        let id = self.new_node(SinkKind::Element {
            name,
            attrs,
            template: None,
        });
        if is_template || flags.template {
            let frag = self.new_node(SinkKind::Other);
            if let SinkKind::Element { template, .. } = &mut self.nodes.borrow_mut()[id].kind {
                *template = Some(frag);
            }
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.new_node(SinkKind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.new_node(SinkKind::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &usize) -> usize {
        match &self.nodes.borrow()[*target].kind {
            SinkKind::Element {
                template: Some(t), ..
            } => *t,
            _ => *target,
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let (parent, pos) = {
            let nodes = self.nodes.borrow();
            let Some(parent) = nodes[*sibling].parent else {
                return;
            };
            let pos = nodes[parent]
                .children
                .iter()
                .position(|&c| c == *sibling)
                .unwrap_or(0);
            (parent, pos)
        };
        if let NodeOrText::AppendNode(id) = &new_node {
            // Detaching first may shift the sibling's position.
            let mut nodes = self.nodes.borrow_mut();
            Self::detach(&mut nodes, *id);
            let pos = nodes[parent]
                .children
                .iter()
                .position(|&c| c == *sibling)
                .unwrap_or(0);
            nodes[*id].parent = Some(parent);
            nodes[parent].children.insert(pos, *id);
            return;
        }
        self.insert(parent, Some(pos), new_node);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let SinkKind::Element {
            attrs: existing, ..
        } = &mut self.nodes.borrow_mut()[*target].kind
        {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_in_document_order_with_indices() {
        let d = Document::parse("<!DOCTYPE html><html><head><title>T</title></head><body><div id=a><p>x<b>y</b></p></div><template><p>no</p></template><svg><circle/></svg></body></html>");
        let tags: Vec<&str> = d.elements.iter().map(|&n| d.tag(n)).collect();
        assert_eq!(
            tags,
            ["html", "head", "title", "body", "div", "p", "b", "template", "svg", "circle"]
        );
        let div = d.by_index(4).unwrap();
        assert_eq!(d.id_attr(div), "a");
        assert_eq!(d.text_content(div), "xy");
        let b = d.by_index(6).unwrap();
        assert!(d.contains(div, b));
        assert!(!d.contains(b, div));
        assert_eq!(
            d.ancestors(b).filter(|&a| d.element(a).is_some()).count(),
            4
        );
    }

    #[test]
    fn misnested_markup_is_fixed_like_a_browser() {
        let d = Document::parse("<!DOCTYPE html><p>a<div>b</div><table><tr><td>c</table>");
        let tags: Vec<&str> = d.elements.iter().map(|&n| d.tag(n)).collect();
        assert_eq!(
            tags,
            ["html", "head", "body", "p", "div", "table", "tbody", "tr", "td"]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "deep";
        let d = Document::parse(&html);
        assert!(d.truncated);
        assert!(d.element_total > 3_000);
    }
}
