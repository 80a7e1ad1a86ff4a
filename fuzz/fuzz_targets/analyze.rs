//! Bytes → HTML → document model → analysis. Any panic is a finding; so is a run over
//! libFuzzer's -timeout. Limits are lowered so one input can reach them quickly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rendezvous::doc::ParseLimits;
use rendezvous::{analyze_html, Limits, Options};

fuzz_target!(|data: &[u8]| {
    // Pages arrive as text: the CLI reads invalid UTF-8 byte for char, the extension as JS
    // strings; both give the core a &str.
    let html = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => data.iter().map(|&b| b as char).collect(),
    };
    // The first byte picks default limits or tiny ones (so the limit paths are fuzzed too).
    let tiny = data.first().is_some_and(|b| b & 1 == 1);
    let mut limits = Limits::default();
    if tiny {
        limits.max_html_chars = 4096;
        limits.max_text_bytes = 256;
        limits.parse = ParseLimits {
            max_nodes: 200,
            max_depth: 8,
            max_parse_ms: 1000.0,
            max_parse_depth: 64,
        };
    }
    let opts = Options {
        url: Some("https://example.com/2024/03/12/news/story.html".into()),
        limits,
        ..Default::default()
    };
    let run = analyze_html(&html, &opts);
    // The answer must serialise, and name only real elements.
    let a = &run.analysis;
    serde_json::to_string(a).expect("serialisable");
    let n = run.doc.elements.len() as u32;
    assert!(a.main.iter().all(|&i| i < n));
    for h in &a.hidden {
        let tag = run.doc.by_index(h.index).map(|id| run.doc.tag(id));
        assert_eq!(tag, Some(h.tag.as_str()));
    }
    let _ = run.article.plain();
    let _ = rendezvous::eval::to_eval(a);
});
