//! `doc`: the document model. One HTML reader (html5ever, parsing as a browser with scripting on)
//! builds it in every host, so the native CLI and the extension see the same elements in the same
//! order. Nodes are stored in document (pre-)order; every element carries its index among the
//! document's elements, which is the index of `document.getElementsByTagName('*')` in a browser.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

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
    pub tag: LocalName,
    pub ns: Ns,
    /// Attributes as the parser produced them (moved, not copied: no allocation per name).
    pub attrs: Vec<(LocalName, StrTendril)>,
    /// Position among the document's elements (`getElementsByTagName('*')`).
    pub index: u32,
}

#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(StrTendril),
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
    /// Nodes (elements and text) kept in the model; the page after them is not read.
    pub max_nodes: usize,
    /// Nesting kept in the model; deeper nodes are flattened onto their ancestor at this depth
    /// (document order, and so every element's index, is unchanged; the text stays).
    pub max_depth: u32,
    /// Wall-clock budget for parsing, in milliseconds; the page after it is not read.
    pub max_parse_ms: f64,
    /// Nesting at which reading stops (the parser's own work per tag grows with the nesting,
    /// so a page nested tens of thousands deep would take seconds): the page after it is not
    /// read. Browsers themselves flatten past 512 levels.
    pub max_parse_depth: u32,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_nodes: 400_000,
            max_depth: 512,
            max_parse_ms: 1000.0,
            max_parse_depth: 2048,
        }
    }
}

/// Why the model holds less than the whole page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// More nodes than [`ParseLimits::max_nodes`].
    Nodes,
    /// Parsing took longer than [`ParseLimits::max_parse_ms`].
    Time,
    /// The page nested deeper than [`ParseLimits::max_parse_depth`].
    Depth,
}

#[derive(Debug, Default)]
pub struct Document {
    pub nodes: Vec<Node>,
    /// Node id of every element, by element index.
    pub elements: Vec<NodeId>,
    /// Number of elements parsed (may exceed `elements.len()` when truncated).
    pub element_total: usize,
    /// Set when a limit cut the model short (see `cut`).
    pub truncated: bool,
    /// Which limit cut it.
    pub cut: Option<Cut>,
    /// Set when nodes nested deeper than [`ParseLimits::max_depth`] were flattened.
    pub flattened: bool,
    /// Bytes of the HTML that were read (all of it unless `cut`).
    pub read_bytes: usize,
}

/// Input is fed to the parser in pieces of this size, checking the limits between pieces;
/// in small pieces once the page nests deeply (each tag then costs the parser more).
const CHUNK: usize = 8 * 1024;
const CHUNK_DEEP: usize = 512;

impl Document {
    /// Parse an HTML document the way a browser with scripting enabled does.
    pub fn parse(html: &str) -> Document {
        Self::parse_with(html, ParseLimits::default())
    }

    /// Parse within limits: the parser reads the page piece by piece and stops reading (as if
    /// the page ended there) once it holds more than `max_nodes` nodes or has used up
    /// `max_parse_ms`; what was read is a prefix of the page, so element indices stay right.
    pub fn parse_with(html: &str, limits: ParseLimits) -> Document {
        let start = crate::clock::now_ms();
        let mut parser = html5ever::parse_document(Sink::default(), Default::default());
        let mut pos = 0;
        let mut cut = None;
        while pos < html.len() {
            let deep = parser.tokenizer.sink.sink.deepest.get() > limits.max_parse_depth / 8;
            let mut end = (pos + if deep { CHUNK_DEEP } else { CHUNK }).min(html.len());
            while !html.is_char_boundary(end) {
                end += 1;
            }
            parser.process(StrTendril::from_slice(&html[pos..end]));
            pos = end;
            if pos < html.len() {
                let sink = &parser.tokenizer.sink.sink;
                if sink.len() > limits.max_nodes {
                    cut = Some(Cut::Nodes);
                    break;
                }
                if sink.deepest.get() > limits.max_parse_depth {
                    cut = Some(Cut::Depth);
                    break;
                }
                if crate::clock::now_ms() - start > limits.max_parse_ms {
                    cut = Some(Cut::Time);
                    break;
                }
            }
        }
        let sink = parser.finish();
        let mut doc = sink.into_document(limits);
        if cut.is_some() {
            doc.truncated = true;
            doc.cut = cut;
        }
        doc.read_bytes = pos;
        doc
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
// Children are kept as doubly linked sibling lists (no vector per node, O(1) insertion before a
// sibling and O(1) detaching), which the parser's foster parenting and adoption agency need.

const NONE: usize = usize::MAX;

#[derive(Debug)]
enum SinkKind {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Option<usize>,
        /// A MathML `annotation-xml` whose encoding makes it hold HTML (the parser asks).
        annotation_xml: bool,
    },
    Text(StrTendril),
    Other,
}

#[derive(Debug)]
struct SinkNode {
    /// Depth when last inserted (not updated when an ancestor moves: a bound for the limits).
    depth: u32,
    parent: usize,
    first: usize,
    last: usize,
    prev: usize,
    next: usize,
    kind: SinkKind,
}

impl SinkNode {
    fn new(kind: SinkKind) -> Self {
        SinkNode {
            depth: 0,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            kind,
        }
    }
}

#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<SinkNode>>,
    /// Greatest depth at which a node was inserted.
    deepest: std::cell::Cell<u32>,
}

impl Sink {
    fn len(&self) -> usize {
        self.nodes.borrow().len()
    }

    fn new_node(&self, kind: SinkKind) -> usize {
        self.ensure_document();
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(SinkNode::new(kind));
        nodes.len() - 1
    }

    fn ensure_document(&self) {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.is_empty() {
            nodes.push(SinkNode::new(SinkKind::Document));
        }
    }

    fn detach(nodes: &mut [SinkNode], child: usize) {
        let (parent, prev, next) = {
            let c = &nodes[child];
            (c.parent, c.prev, c.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev].next = next;
        } else {
            nodes[parent].first = next;
        }
        if next != NONE {
            nodes[next].prev = prev;
        } else {
            nodes[parent].last = prev;
        }
        let c = &mut nodes[child];
        c.parent = NONE;
        c.prev = NONE;
        c.next = NONE;
    }

    /// Link a detached `child` into `parent`'s children before `before` (or last when NONE).
    fn link(nodes: &mut [SinkNode], parent: usize, before: usize, child: usize) {
        let prev = if before == NONE {
            nodes[parent].last
        } else {
            nodes[before].prev
        };
        let depth = nodes[parent].depth.saturating_add(1);
        {
            let c = &mut nodes[child];
            c.depth = depth;
            c.parent = parent;
            c.prev = prev;
            c.next = before;
        }
        if prev != NONE {
            nodes[prev].next = child;
        } else {
            nodes[parent].first = child;
        }
        if before != NONE {
            nodes[before].prev = child;
        } else {
            nodes[parent].last = child;
        }
    }

    /// Insert into `parent` before `before` (NONE: at the end).
    fn insert(&self, parent: usize, before: usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendText(text) => {
                // Merge with the text node just before the insertion point.
                let prev = if before == NONE {
                    nodes[parent].last
                } else {
                    nodes[before].prev
                };
                if prev != NONE {
                    if let SinkKind::Text(t) = &mut nodes[prev].kind {
                        t.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(SinkNode::new(SinkKind::Text(text)));
                let id = nodes.len() - 1;
                Self::link(&mut nodes, parent, before, id);
            }
            NodeOrText::AppendNode(id) => {
                if id == before || id == parent {
                    return;
                }
                Self::detach(&mut nodes, id);
                Self::link(&mut nodes, parent, before, id);
                let depth = nodes[id].depth;
                if depth > self.deepest.get() {
                    self.deepest.set(depth);
                }
            }
        }
    }

    fn into_document(self, limits: ParseLimits) -> Document {
        self.ensure_document();
        let mut sink = self.nodes.into_inner();
        let mut doc = Document {
            nodes: Vec::with_capacity(sink.len().min(limits.max_nodes)),
            ..Default::default()
        };
        let max_depth = limits.max_depth.max(1);
        // Iterative pre-order walk (pages nest deeper than a native stack would like).
        // Entries: (sink node, parent in the model, depth in the model). Nodes below
        // `max_depth` are flattened onto the ancestor at `max_depth - 1`: document order, and
        // so every element's index, stays that of the page; only the deepest ancestry is lost.
        let mut stack: Vec<(usize, Option<NodeId>, u32)> = vec![(0, None, 0)];
        let mut open: Vec<NodeId> = Vec::new(); // nodes whose `end` is pending, by depth
        let mut element_total = 0usize;
        while let Some((sid, parent, depth)) = stack.pop() {
            let is_element = matches!(sink[sid].kind, SinkKind::Element { .. });
            if is_element {
                element_total += 1;
            }
            let full = doc.nodes.len() >= limits.max_nodes;
            if full || matches!(sink[sid].kind, SinkKind::Other) {
                if full {
                    doc.truncated = true;
                    doc.cut.get_or_insert(Cut::Nodes);
                }
                // Still count the elements below, so the host can tell the models apart.
                let mut c = sink[sid].last;
                while c != NONE {
                    stack.push((c, None, depth + 1));
                    c = sink[c].prev;
                }
                continue;
            }
            let kind = std::mem::replace(&mut sink[sid].kind, SinkKind::Other);
            let data = match kind {
                SinkKind::Document => NodeData::Document,
                SinkKind::Text(t) => NodeData::Text(t),
                SinkKind::Other => unreachable!("skipped above"),
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
                        tag: name.local,
                        ns,
                        attrs: attrs.into_iter().map(|a| (a.name.local, a.value)).collect(),
                        index: doc.elements.len() as u32,
                    })
                }
            };
            // Close every open node that is not an ancestor of this one.
            while open.len() > depth as usize {
                let done = open.pop().unwrap_or_default();
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
            // Children go one level down, or stay at this level's parent when too deep.
            let (child_parent, child_depth) = if depth + 1 > max_depth {
                if sink[sid].first != NONE {
                    doc.flattened = true;
                }
                (parent, depth)
            } else {
                (Some(id), depth + 1)
            };
            let mut c = sink[sid].last;
            while c != NONE {
                stack.push((c, child_parent, child_depth));
                c = sink[c].prev;
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
        // The parser only asks for the names of elements it created; answer an inert name
        // rather than panic if that ever changes.
        static NOT_AN_ELEMENT: std::sync::OnceLock<QualName> = std::sync::OnceLock::new();
        Ref::map(self.nodes.borrow(), |n| {
            match n.get(*target).map(|n| &n.kind) {
                Some(SinkKind::Element { name, .. }) => name,
                _ => NOT_AN_ELEMENT.get_or_init(|| {
                    QualName::new(None, ns!(), html5ever::LocalName::from("#none"))
                }),
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let is_template = name.ns == ns!(html) && name.local == local_name!("template");
        let id = self.new_node(SinkKind::Element {
            name,
            attrs,
            template: None,
            annotation_xml: flags.mathml_annotation_xml_integration_point,
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
        self.insert(*parent, NONE, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent != NONE;
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

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        matches!(
            self.nodes.borrow().get(*handle).map(|n| &n.kind),
            Some(SinkKind::Element {
                annotation_xml: true,
                ..
            })
        )
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let parent = self.nodes.borrow()[*sibling].parent;
        if parent == NONE {
            return;
        }
        self.insert(parent, *sibling, new_node);
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
        let (node, new_parent) = (*node, *new_parent);
        if node == new_parent {
            return;
        }
        let mut c = nodes[node].first;
        while c != NONE {
            let next = nodes[c].next;
            Self::detach(&mut nodes, c);
            Self::link(&mut nodes, new_parent, NONE, c);
            c = next;
        }
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
    fn html_inside_mathml_annotation_xml_stays_inside_it_like_a_browser() {
        // An HTML-encoded annotation-xml is an HTML integration point: a browser keeps the
        // <div> inside it (a parser that asks the sink and gets "no" breaks out to <body>).
        let d = Document::parse("<!DOCTYPE html><div><math><annotation-xml encoding=\"text/html\"><div>x</div></annotation-xml></math> y</div>");
        let tags: Vec<&str> = d.elements.iter().map(|&n| d.tag(n)).collect();
        assert_eq!(
            tags,
            [
                "html",
                "head",
                "body",
                "div",
                "math",
                "annotation-xml",
                "div"
            ]
        );
        let inner = d.by_index(6).unwrap();
        assert_eq!(d.parent(inner).map(|p| d.tag(p)), Some("annotation-xml"));
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
    fn deep_nesting_is_flattened_keeping_order_and_text() {
        let html = "<div>".repeat(1_500) + "deep<p>after</p>";
        let limits = ParseLimits {
            max_parse_ms: f64::INFINITY, // a slow debug build must not cut it
            ..Default::default()
        };
        let d = Document::parse_with(&html, limits);
        assert!(d.flattened);
        assert!(!d.truncated);
        // Every element is kept, in document order, with its page index.
        assert_eq!(d.elements.len(), d.element_total);
        assert_eq!(d.element_total, 3 + 1_500 + 1);
        for (i, &n) in d.elements.iter().enumerate() {
            assert_eq!(d.index_of(n), Some(i as u32));
        }
        assert!(d
            .nodes
            .iter()
            .all(|n| n.depth <= ParseLimits::default().max_depth));
        assert_eq!(d.text_content(0), "deepafter");
        // Subtree ranges stay consistent with parents.
        for (id, n) in d.nodes.iter().enumerate() {
            if let Some(p) = n.parent {
                assert!(d.contains(p, id));
                assert!(n.end <= d.nodes[p].end);
            }
        }
    }

    #[test]
    fn extreme_nesting_stops_reading_quickly() {
        let html = "<div>".repeat(50_000) + "deep";
        let t = crate::clock::now_ms();
        let d = Document::parse(&html);
        assert_eq!(d.cut, Some(Cut::Depth));
        assert!(d.truncated && d.flattened);
        let limit = ParseLimits::default().max_parse_depth as usize;
        assert!(d.element_total > limit && d.element_total < limit + 8 * 1024 / 5);
        // Quadratic in the nesting inside the parser: bounded by the limit, not the page.
        assert!(crate::clock::now_ms() - t < 5_000.0);
    }

    #[test]
    fn node_limit_reads_a_prefix_of_the_page() {
        let html = "<p>x</p>".repeat(100_000);
        let limits = ParseLimits {
            max_nodes: 5_000,
            ..Default::default()
        };
        let d = Document::parse_with(&html, limits);
        assert!(d.truncated);
        assert_eq!(d.cut, Some(Cut::Nodes));
        assert!(d.nodes.len() <= 5_000);
        assert!(d.read_bytes < html.len());
        // The prefix keeps the page's indices: html, head, body, then the paragraphs.
        assert_eq!(d.tag(d.by_index(3).unwrap()), "p");
    }

    #[test]
    fn chunked_reading_matches_whole_reading() {
        // Pieces of 64 KB split tags, entities, CR LF pairs and multi-byte characters.
        let unit =
            "<p class=\"a\">é&amp;ü\r\n<b>x</b>&#xD800;</p><!-- c --><script>if(a<b){}</script>";
        let html = unit.repeat(5_000);
        let limits = ParseLimits {
            max_parse_ms: f64::INFINITY, // a slow debug build must not cut it
            ..Default::default()
        };
        let d = Document::parse_with(&html, limits);
        assert_eq!(d.read_bytes, html.len());
        assert_eq!(d.elements.len(), 3 + 5_000 * 3);
        let p = d.by_index(3).unwrap();
        assert_eq!(d.text_content(p), "é&ü\nx\u{FFFD}");
    }
}
