//! Every input the fuzzer (fuzz/fuzz_targets/analyze.rs) ever found a crash or timeout with is
//! kept in tests/fixtures/fuzz/ and run here the way the target runs it: with the default
//! limits and with tiny ones, checking that the answer serialises and names real elements.

use std::time::Instant;

use rendezvous::doc::ParseLimits;
use rendezvous::{analyze_html, Limits, Options};

fn run(bytes: &[u8], tiny: bool) -> f64 {
    let html = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    };
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
    let t = Instant::now();
    let r = analyze_html(&html, &opts);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    serde_json::to_string(&r.analysis).expect("serialisable");
    let n = r.doc.elements.len() as u32;
    assert!(r.analysis.main.iter().all(|&i| i < n));
    for h in &r.analysis.hidden {
        assert_eq!(
            r.doc.by_index(h.index).map(|id| r.doc.tag(id)),
            Some(h.tag.as_str())
        );
    }
    ms
}

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) != Some("md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    for f in files {
        let bytes = std::fs::read(&f).expect("fixture");
        for tiny in [false, true] {
            let ms = run(&bytes, tiny);
            // Timeouts count as findings too (libFuzzer's -timeout); a debug build is slower.
            let budget = if cfg!(debug_assertions) {
                10_000.0
            } else {
                1_000.0
            };
            assert!(
                ms < budget,
                "{}: {ms:.0} ms (tiny limits: {tiny})",
                f.display()
            );
        }
    }
}
