//! `clean`: finds the main content and classifies every other block (comments, reply form,
//! share bar, navigation …) with a kind and a reason. Never hides the main content or an
//! ancestor of it.

use crate::doc::{Document, NodeId};
use crate::insight::Meta;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    Comments,
    CommentForm,
    CommentCount,
    ShareBar,
    Related,
    Newsletter,
    Cookie,
    Navigation,
    Footer,
    Advertising,
    AuthorBox,
    MobileLink,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Comments => "comments",
            BlockKind::CommentForm => "comment-form",
            BlockKind::CommentCount => "comment-count",
            BlockKind::ShareBar => "share",
            BlockKind::Related => "related",
            BlockKind::Newsletter => "newsletter",
            BlockKind::Cookie => "cookie",
            BlockKind::Navigation => "navigation",
            BlockKind::Footer => "footer",
            BlockKind::Advertising => "advertising",
            BlockKind::AuthorBox => "author-box",
            BlockKind::MobileLink => "mobile-link",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub node: NodeId,
    pub kind: BlockKind,
    pub reason: String,
}

#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Main-content root(s), in document order.
    pub main: Vec<NodeId>,
    /// Blocks to hide, outermost only, in document order.
    pub hidden: Vec<Block>,
    pub is_article: bool,
}

impl Layout {
    /// Is the node inside a hidden block?
    pub fn is_hidden(&self, doc: &Document, n: NodeId) -> bool {
        self.hidden.iter().any(|b| doc.contains(b.node, n))
    }
}

pub fn clean(doc: &Document, _meta: &Meta) -> Layout {
    let main = doc
        .find_tag("article")
        .or_else(|| doc.find_tag("body"))
        .into_iter()
        .collect();
    Layout {
        main,
        hidden: vec![],
        is_article: true,
    }
}
