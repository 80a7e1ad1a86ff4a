//! The hostile-page suite, natively: every page written by `tests/hostile/generate.py` is
//! analysed without panicking, within a time budget, with a notice when a limit was reached,
//! and with an answer whose element indices all point at real elements of the right tag.
//!
//! The pages are generated at test time into Cargo's per-test temporary directory (python3 is
//! needed); `python3 tests/hostile/generate.py` writes the same pages to tests/artifacts/hostile/
//! for the browser tests.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use rendezvous::{analyze_html, Options};

/// Wall-clock budget per page. Parsing stops reading after `ParseLimits::max_parse_ms`
/// (1 s) and facts are only read within `Limits::time_budget_ms` (1.5 s), so a release build
/// must finish well within 3 s; an unoptimised debug build is 10–30× slower in the stages.
const BUDGET_MS: f64 = if cfg!(debug_assertions) {
    20_000.0
} else {
    3_000.0
};

fn generate() -> PathBuf {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/generate.py");
    let status = Command::new("python3")
        .arg(&script)
        .arg(&out)
        .status()
        .expect("python3 is needed to generate the hostile pages");
    assert!(status.success(), "{} failed", script.display());
    out
}

fn pages(dir: &PathBuf) -> Vec<String> {
    let index = std::fs::read_to_string(dir.join("index.json")).expect("index.json");
    let v: serde_json::Value = serde_json::from_str(&index).expect("index.json parses");
    v.as_array()
        .expect("a list")
        .iter()
        .map(|e| e["file"].as_str().expect("file").to_string())
        .collect()
}

/// Every `{"element": N, "sentence": …}` in the answer.
fn evidence_indices(v: &serde_json::Value, out: &mut Vec<u64>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(e), Some(_)) = (m.get("element"), m.get("sentence")) {
                if let Some(n) = e.as_u64() {
                    out.push(n);
                }
            }
            m.values().for_each(|x| evidence_indices(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| evidence_indices(x, out)),
        _ => {}
    }
}

struct Outcome {
    ms: f64,
    elements: u32,
    text_bytes: usize,
    notices: Vec<String>,
    problems: Vec<String>,
}

fn check(name: &str, html: &str) -> Outcome {
    let t = Instant::now();
    let run = analyze_html(html, &Options::default());
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let a = &run.analysis;
    let doc = &run.doc;
    let mut problems = Vec::new();
    let mut fail = |cond: bool, what: String| {
        if !cond {
            problems.push(what);
        }
    };
    fail(
        ms < BUDGET_MS,
        format!("took {ms:.0} ms (budget {BUDGET_MS} ms)"),
    );
    fail(
        !doc.truncated || !a.notices.is_empty(),
        "the model was cut without a notice".into(),
    );

    // The answer serialises, and every index it gives names a real element of the right tag.
    let json = serde_json::to_value(a).expect("the analysis serialises");
    let n = doc.elements.len() as u64;
    for &i in &a.main {
        fail((i as u64) < n, format!("main index {i} out of range {n}"));
    }
    for h in &a.hidden {
        let tag = doc.by_index(h.index).map(|id| doc.tag(id)).unwrap_or("");
        fail(
            tag == h.tag,
            format!("hidden {} is <{tag}>, said <{}>", h.index, h.tag),
        );
    }
    let mut ev = Vec::new();
    evidence_indices(&json, &mut ev);
    for i in ev {
        fail(i < n, format!("evidence index {i} out of range {n}"));
    }
    for (i, &id) in doc.elements.iter().enumerate() {
        if doc.index_of(id) != Some(i as u32) {
            fail(
                false,
                format!("element {i} carries index {:?}", doc.index_of(id)),
            );
            break;
        }
    }
    let plain = run.article.plain();
    let all_text = doc.text_content(doc.root());

    match name {
        "big-text.html" => {
            fail(
                a.notices.iter().any(|m| {
                    // Cut by size, or (a slow debug build on a loaded machine) by time:
                    // either way the reader is told the page was not read whole.
                    m.starts_with("long-text")
                        || m.starts_with("parse-time")
                        || m.starts_with("time")
                }),
                "no notice that the text was cut".into(),
            );
        }
        "many-nodes.html" => {
            // All 100,000 elements fit the node limit; only a slow build may run out of time.
            let timed_out = a.notices.iter().any(|m| m.starts_with("parse-time"));
            fail(
                doc.element_total >= 100_000 || timed_out,
                format!("only {} elements and no notice", doc.element_total),
            );
        }
        "deep-nesting.html" => {
            fail(
                a.notices.iter().any(|m| m.starts_with("too-deep")),
                "no too-deep notice".into(),
            );
            // Reading stops at ParseLimits::max_parse_depth: what was read is kept in order.
            fail(doc.element_total >= 2_048, "deep elements lost".into());
        }
        "markup-names.html" => {
            // Markup written as text stays text: no element was made from it …
            let onerror = doc
                .elements
                .iter()
                .any(|&e| doc.attr(e, "onerror").is_some());
            fail(
                !onerror,
                "an element with onerror was created from text".into(),
            );
            // … and it reaches the answer as the same literal characters.
            fail(
                a.meta
                    .title
                    .as_deref()
                    .is_some_and(|t| t.contains("<img src=x onerror=alert(1)>")),
                format!("title lost its literal markup: {:?}", a.meta.title),
            );
            fail(
                plain.contains("<img src=x onerror=alert(1)>"),
                "article text lost its literal markup".into(),
            );
        }
        "surrogates.html" => {
            fail(
                all_text.contains('\u{FFFD}'),
                "lone surrogates not replaced".into(),
            );
            fail(
                all_text.contains(&"A".repeat(200_000)),
                "the long word was cut".into(),
            );
            // … but a word of 200,000 capitals is no organisation's acronym.
            for o in &a.insight.organizations {
                fail(
                    o.name.chars().count() <= 200,
                    format!(
                        "an organisation named by {} letters",
                        o.name.chars().count()
                    ),
                );
            }
        }
        "no-text.html" | "empty.html" => {
            fail(
                plain.trim().is_empty(),
                format!("text from nowhere: {plain:?}"),
            );
            fail(
                a.insight.meetings.is_empty(),
                "meetings from nowhere".into(),
            );
        }
        "rtl.html" => {
            fail(all_text.contains("التقى"), "Arabic text lost".into());
        }
        "svg-mathml.html" => {
            let svg = doc.elements.iter().any(|&e| doc.tag(e) == "svg");
            let math = doc.elements.iter().any(|&e| doc.tag(e) == "math");
            fail(svg && math, "svg or math element missing".into());
        }
        _ => {}
    }
    Outcome {
        ms,
        elements: a.element_count,
        text_bytes: plain.len(),
        notices: a.notices.clone(),
        problems,
    }
}

#[test]
fn hostile_pages_are_analysed_within_budget() {
    let dir = generate();
    let names = pages(&dir);
    assert!(names.len() >= 15, "the suite has {} pages", names.len());
    let mut failures = Vec::new();
    println!(
        "{:<22} {:>10} {:>9} {:>9} {:>10}  notices",
        "page", "bytes", "ms", "elements", "text"
    );
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).expect("page");
        let html = String::from_utf8_lossy(&bytes).into_owned();
        match catch_unwind(AssertUnwindSafe(|| check(name, &html))) {
            Ok(o) => {
                println!(
                    "{:<22} {:>10} {:>9.1} {:>9} {:>10}  {}",
                    name,
                    bytes.len(),
                    o.ms,
                    o.elements,
                    o.text_bytes,
                    o.notices.join(" | ")
                );
                for p in o.problems {
                    failures.push(format!("{name}: {p}"));
                }
            }
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{name}: PANIC {msg}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "hostile pages failed:\n{}",
        failures.join("\n")
    );
}
