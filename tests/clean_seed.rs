//! The founding example: what stays visible and what is hidden, read from `expected.json`.

use std::collections::BTreeSet;

fn load() -> (rendezvous::Run, serde_json::Value) {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-maroc-france"
    );
    let html = std::fs::read_to_string(format!("{dir}/source.html")).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap())
            .unwrap();
    (
        rendezvous::analyze_html(&html, &rendezvous::Options::default()),
        expected,
    )
}

fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("expected.json has no {key}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn seed_visible_and_hidden_text() {
    let (run, expected) = load();
    assert!(run.layout.is_article);
    let visible = rendezvous::text::visible_page_text(&run.doc, &run.layout);
    for s in strings(&expected, "visible_text") {
        assert!(
            visible.contains(&s),
            "should stay visible: {s:?}\n---\n{visible}"
        );
    }
    for s in strings(&expected, "hidden_text") {
        assert!(
            !visible.to_lowercase().contains(&s.to_lowercase()),
            "should be hidden: {s:?}\n---\n{visible}"
        );
    }
    let kinds: BTreeSet<&str> = run
        .analysis
        .hidden
        .iter()
        .map(|h| h.kind.as_str())
        .collect();
    for k in strings(&expected, "hidden_kinds") {
        assert!(
            kinds.contains(k.as_str()),
            "no hidden block of kind {k}: {kinds:?}"
        );
    }
    // Site navigation and footer go too; the reason names the cue.
    assert!(kinds.contains("navigation") && kinds.contains("footer") && kinds.contains("related"));
    assert!(run.analysis.hidden.iter().all(|h| !h.reason.is_empty()));
}

#[test]
fn seed_article_text_is_what_stays_visible() {
    let (run, expected) = load();
    let text = run.article.plain();
    let visible = rendezvous::text::visible_page_text(&run.doc, &run.layout);
    // Every paragraph of the article text is visible, and no hidden string is in it.
    for b in &run.article.blocks {
        assert!(
            visible.contains(&b.text),
            "article block not visible: {:?}",
            b.text
        );
        assert_eq!(
            run.doc.tag(b.node),
            "p",
            "evidence points at the paragraph element"
        );
    }
    for s in strings(&expected, "hidden_text") {
        assert!(!text.to_lowercase().contains(&s.to_lowercase()));
    }
    // The body paragraphs of the article (visible_text minus title and author line) are there.
    for s in strings(&expected, "visible_text").iter().skip(1).take(6) {
        assert!(text.contains(s.as_str()), "article text lacks {s:?}");
    }
    assert_eq!(run.article.blocks.len(), 6);
}

#[test]
fn hidden_blocks_are_outermost_and_spare_the_main_content() {
    let (run, _) = load();
    let (doc, layout) = (&run.doc, &run.layout);
    for w in layout.hidden.windows(2) {
        assert!(w[0].node < w[1].node && !doc.contains(w[0].node, w[1].node));
    }
    for b in &layout.hidden {
        for &m in &layout.main {
            assert!(
                !doc.contains(b.node, m),
                "hidden block holds the main content"
            );
        }
    }
}
