//! Native benchmark: Rendezvous (`analyze`, `text`, and each stage) beside dom_smoothie and
//! rs-trafilatura, on the same corpus pages, in the same run, parse included for every tool.
//!
//! usage: rendezvous-bench [--reps N] [--csv FILE] [--only SUBSTRING] [--ours-only] CORPUS_DIR...
//!   A corpus dir holds `*.html`/`*.html.gz` files (ScrapingHub: `html/`), or one directory per
//!   page with `source.html` (Readability's `test-pages/`).
//!
//! Each page is run once to warm up, then N times per tool (tools interleaved, so a busy
//! neighbour on the machine slows all of them alike); a page's time is the median of its N runs.
//! The table gives the median, p95 and mean of those per-page times over the pages of each corpus.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Page {
    corpus: String,
    name: String,
    html: String,
}

fn decode(bytes: &[u8]) -> String {
    // Same rule as the CLI: UTF-8, else byte-for-char (Latin-1).
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn read_page(p: &Path) -> Option<String> {
    let raw = std::fs::read(p).ok()?;
    let bytes = if p.extension().and_then(|e| e.to_str()) == Some("gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .ok()?;
        out
    } else {
        raw
    };
    Some(decode(&bytes))
}

fn load(dir: &Path) -> Vec<Page> {
    let corpus = corpus_name(dir);
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let fname = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            let s = p.join("source.html");
            if s.exists() {
                files.push((fname, s));
            }
        } else if fname.ends_with(".html") || fname.ends_with(".html.gz") {
            let name = fname.trim_end_matches(".gz").trim_end_matches(".html");
            files.push((name.to_string(), p));
        }
    }
    files
        .into_iter()
        .filter_map(|(name, p)| {
            Some(Page {
                corpus: corpus.clone(),
                name,
                html: read_page(&p)?,
            })
        })
        .collect()
}

fn corpus_name(dir: &Path) -> String {
    // …/scrapinghub/html → scrapinghub; …/readability/test-pages → readability
    let comps: Vec<String> = dir
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .filter(|c| !c.is_empty() && c != "/")
        .collect();
    match comps.as_slice() {
        [.., parent, last] if last == "html" || last == "test-pages" => parent.clone(),
        [.., last] => last.clone(),
        [] => "corpus".into(),
    }
}

const METRICS: &[&str] = &[
    "rendezvous analyze (total)",
    "  parse",
    "  page",
    "  clean",
    "  text",
    "  extract",
    "rendezvous text (parse+page+clean+text)",
    "dom_smoothie 0.19 parse()",
    "rs-trafilatura 0.2.2 extract()",
];

fn median(v: &mut [f64]) -> f64 {
    percentile(v, 50.0)
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    // Nearest-rank percentile.
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    v[rank.min(v.len()) - 1]
}

/// One run of every tool on a page: times in ms, in METRICS order.
fn run_once(
    html: &str,
    opts: &rendezvous::Options,
    errors: &mut [usize; 2],
    ours_only: bool,
) -> [f64; 9] {
    let t = Instant::now();
    let run = rendezvous::analyze_html(html, opts);
    let total = t.elapsed().as_secs_f64() * 1000.0;
    std::hint::black_box(&run.article);
    let tm = run.analysis.timings.clone();
    let text = tm.parse_ms + tm.page_ms + tm.clean_ms + tm.text_ms;
    drop(run);
    if ours_only {
        return [
            total,
            tm.parse_ms,
            tm.page_ms,
            tm.clean_ms,
            tm.text_ms,
            tm.extract_ms,
            text,
            f64::NAN,
            f64::NAN,
        ];
    }

    let t = Instant::now();
    let ok = match dom_smoothie::Readability::new(html, None, None) {
        Ok(mut r) => r
            .parse()
            .map(|a| std::hint::black_box(a.text_content.len()))
            .is_ok(),
        Err(_) => false,
    };
    let ds = t.elapsed().as_secs_f64() * 1000.0;
    if !ok {
        errors[0] += 1;
    }

    let t = Instant::now();
    let ok = rs_trafilatura::extract(html)
        .map(|r| std::hint::black_box(r.content_text.len()))
        .is_ok();
    let rt = t.elapsed().as_secs_f64() * 1000.0;
    if !ok {
        errors[1] += 1;
    }
    [
        total,
        tm.parse_ms,
        tm.page_ms,
        tm.clean_ms,
        tm.text_ms,
        tm.extract_ms,
        text,
        ds,
        rt,
    ]
}

fn main() {
    let mut reps = 3usize;
    let mut csv: Option<PathBuf> = None;
    let mut only: Option<String> = None;
    let mut ours_only = false;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reps" => reps = args.next().and_then(|s| s.parse().ok()).unwrap_or(3).max(1),
            "--csv" => csv = args.next().map(PathBuf::from),
            "--only" => only = args.next(),
            // For profiling Rendezvous alone.
            "--ours-only" => ours_only = true,
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: rendezvous-bench [--reps N] [--csv FILE] [--only SUBSTR] [--ours-only] CORPUS_DIR...");
        std::process::exit(2);
    }
    let mut pages: Vec<Page> = dirs.iter().flat_map(|d| load(d)).collect();
    if let Some(o) = &only {
        pages.retain(|p| p.name.contains(o.as_str()));
    }
    let opts = rendezvous::Options::default();
    let mut corpora: Vec<String> = pages.iter().map(|p| p.corpus.clone()).collect();
    corpora.dedup();
    // per corpus, per metric: per-page medians
    let mut results: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); METRICS.len()]; corpora.len()];
    let mut errors = vec![[0usize; 2]; corpora.len()];
    let mut rows = Vec::new();
    let wall = Instant::now();
    for p in &pages {
        let ci = corpora.iter().position(|c| *c == p.corpus).unwrap();
        let mut scratch = [0usize; 2];
        run_once(&p.html, &opts, &mut scratch, ours_only); // warm-up
        let mut samples: Vec<[f64; 9]> = Vec::new();
        let mut errs = [0usize; 2];
        for _ in 0..reps {
            samples.push(run_once(&p.html, &opts, &mut errs, ours_only));
        }
        if errs[0] > 0 {
            errors[ci][0] += 1;
        }
        if errs[1] > 0 {
            errors[ci][1] += 1;
        }
        let mut row = [0f64; 9];
        for (m, slot) in row.iter_mut().enumerate() {
            let mut v: Vec<f64> = samples.iter().map(|s| s[m]).collect();
            *slot = median(&mut v);
            results[ci][m].push(*slot);
        }
        rows.push((p.corpus.clone(), p.name.clone(), p.html.len(), row));
    }
    let wall = wall.elapsed().as_secs_f64();

    println!(
        "Native benchmark, ms per page (parse included), median of {reps} runs per page after a warm-up;"
    );
    println!("then median / p95 / mean over the pages of each corpus. {wall:.1} s in all.\n");
    for (ci, c) in corpora.iter().enumerate() {
        let n = results[ci][0].len();
        println!("{c} ({n} pages)");
        println!(
            "| {:<42} | {:>8} | {:>8} | {:>8} |",
            "tool / stage", "median", "p95", "mean"
        );
        println!("|{:-<44}|{:->10}|{:->10}|{:->10}|", "", "", "", "");
        for (m, name) in METRICS.iter().enumerate() {
            let mut v = results[ci][m].clone();
            let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
            let med = median(&mut v);
            let p95 = percentile(&mut v, 95.0);
            println!("| {name:<42} | {med:>8.3} | {p95:>8.3} | {mean:>8.3} |");
        }
        println!(
            "(pages where the tool returned an error, timed anyway: dom_smoothie {}, rs-trafilatura {})\n",
            errors[ci][0], errors[ci][1]
        );
    }
    // Ratios on all pages together, the figures the budgets are stated in.
    let all = |m: usize| -> Vec<f64> { results.iter().flat_map(|r| r[m].clone()).collect() };
    let (mut an, mut tx, mut ds, mut rt) = (all(0), all(6), all(7), all(8));
    let (an, tx, ds, rt) = (
        median(&mut an),
        median(&mut tx),
        median(&mut ds),
        median(&mut rt),
    );
    println!("All {} pages, medians: analyze {an:.3} ms, text {tx:.3} ms, dom_smoothie {ds:.3} ms, rs-trafilatura {rt:.3} ms", pages.len());
    println!(
        "Budgets: text < dom_smoothie median: {} ({:.1}x); analyze <= 5 ms median: {}",
        if tx < ds { "MET" } else { "NOT MET" },
        ds / tx,
        if an <= 5.0 { "MET" } else { "NOT MET" }
    );
    if let Some(path) = csv {
        let mut s = String::from("corpus,page,html_bytes");
        for m in METRICS {
            s.push(',');
            s.push_str(m.trim());
        }
        s.push('\n');
        for (c, n, len, row) in rows {
            s.push_str(&format!("{c},{n},{len}"));
            for v in row {
                s.push_str(&format!(",{v:.4}"));
            }
            s.push('\n');
        }
        std::fs::write(&path, s).expect("write csv");
        println!("per-page times written to {}", path.display());
    }
}
