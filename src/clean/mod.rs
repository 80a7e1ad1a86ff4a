//! `clean`: finds the main content and classifies every other block (comments, reply form,
//! share bar, navigation …) with a kind and a reason. Never hides the main content or an
//! ancestor of it.
//!
//! Three passes over the document model, each linear in its size:
//! 1. [`stats`]: text, link text, paragraphs and commas per subtree.
//! 2. [`classify`]: boilerplate candidates from markup (tags, roles, forms), class/id cues,
//!    headings read against the language tables (`data/<lang>/comment_headings.txt`,
//!    `boilerplate_*.txt`, every language at once) and structure (repeated comment units).
//! 3. [`main`](mod@main): paragraphs scored outside the candidates (text, commas, link density,
//!    class cues, `itemprop=articleBody`), the best container and its sibling roots; then the
//!    candidates that neither contain the main content nor hold its paragraphs are hidden,
//!    outermost only.

pub mod classify;
pub mod lexicon;
pub mod main;
pub mod stats;

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

    /// Comment kinds: hidden wherever they are, even inside the main content.
    pub fn is_comment(self) -> bool {
        matches!(
            self,
            BlockKind::Comments | BlockKind::CommentForm | BlockKind::CommentCount
        )
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
    /// The article's headline element, when one was found (outside or inside the main content).
    pub headline: Option<NodeId>,
}

impl Layout {
    /// Is the node inside a hidden block? (binary search: `hidden` is sorted and disjoint)
    pub fn is_hidden(&self, doc: &Document, n: NodeId) -> bool {
        let i = self.hidden.partition_point(|b| b.node <= n);
        i > 0 && doc.contains(self.hidden[i - 1].node, n)
    }
}

pub fn clean(doc: &Document, meta: &Meta) -> Layout {
    let st = stats::Stats::compute(doc);
    let cands = classify::candidates(doc, &st);
    let found = main::find(doc, &st, &cands, meta);
    let hidden = classify::finalize(doc, &st, cands, &found.roots);
    Layout {
        main: found.roots,
        hidden,
        is_article: found.is_article,
        headline: found.headline,
    }
}
