//! textbench LIST OUTDIR [--runs N]
//!
//! LIST: one page a line, `id<TAB>path`. For each tool (rendezvous, dom_smoothie, rs_trafilatura)
//! writes OUTDIR/<tool>/<id>.txt and prints one JSON line per tool with the per-page time
//! (parse included, reading the file excluded): median, p95, mean, in milliseconds.
use std::time::Instant;

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn ours(html: &str) -> String {
    // The `text` path: parse, page, clean, text (no fact extraction).
    let doc = rendezvous::doc::Document::parse(html);
    let meta = rendezvous::page::read(&doc, None);
    let layout = rendezvous::clean::clean(&doc, &meta);
    rendezvous::text::article(&doc, &layout).plain()
}

fn parse_only(html: &str) -> String {
    let doc = rendezvous::doc::Document::parse(html);
    doc.nodes.len().to_string()
}

fn upto_page(html: &str) -> String {
    let doc = rendezvous::doc::Document::parse(html);
    let meta = rendezvous::page::read(&doc, None);
    meta.title.unwrap_or_default()
}

fn upto_clean(html: &str) -> String {
    let doc = rendezvous::doc::Document::parse(html);
    let meta = rendezvous::page::read(&doc, None);
    let layout = rendezvous::clean::clean(&doc, &meta);
    layout.main.len().to_string()
}

fn smoothie(html: &str) -> String {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    match dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse()) {
        Ok(a) => a.text_content.to_string(),
        Err(_) => String::new(),
    }
}

fn trafilatura(html: &str) -> String {
    match rs_trafilatura::extract(html) {
        Ok(r) => r.content_text,
        Err(_) => String::new(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = std::fs::read_to_string(&args[0]).expect("list");
    let out = std::path::PathBuf::from(&args[1]);
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let only: Option<String> = args
        .iter()
        .position(|a| a == "--tools")
        .and_then(|i| args.get(i + 1).cloned());
    let pages: Vec<(String, String)> = list
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, p)| (id.to_string(), decode(&std::fs::read(p).expect("page"))))
        .collect();
    let tools: [(&str, fn(&str) -> String); 6] = [
        ("rendezvous", ours),
        ("rendezvous_parse_only", parse_only),
        ("rendezvous_upto_page", upto_page),
        ("rendezvous_upto_clean", upto_clean),
        ("dom_smoothie", smoothie),
        ("rs_trafilatura", trafilatura),
    ];
    for (name, f) in tools {
        if only.as_ref().is_some_and(|o| !o.split(',').any(|t| t == name)) {
            continue;
        }
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let mut times = Vec::new();
        let mut failed = 0;
        for (id, html) in &pages {
            let mut best = Vec::new();
            let mut text = String::new();
            for _ in 0..runs.max(1) {
                let t = Instant::now();
                let r = std::panic::catch_unwind(|| f(html));
                best.push(t.elapsed().as_secs_f64() * 1000.0);
                text = r.unwrap_or_else(|_| {
                    failed += 1;
                    String::new()
                });
            }
            best.sort_by(|a, b| a.total_cmp(b));
            times.push(best[best.len() / 2]);
            std::fs::write(dir.join(format!("{id}.txt")), text).unwrap();
        }
        let mut s = times.clone();
        s.sort_by(|a, b| a.total_cmp(b));
        let pct = |p: f64| s[((s.len() as f64 - 1.0) * p).round() as usize];
        let total: f64 = s.iter().sum();
        println!(
            "{}",
            serde_json::json!({"tool": name, "pages": s.len(), "median_ms": pct(0.5),
                "p95_ms": pct(0.95), "mean_ms": total / s.len() as f64,
                "pages_per_s": s.len() as f64 / (total / 1000.0), "panics": failed})
        );
    }
}
