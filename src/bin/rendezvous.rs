//! The native CLI: `rendezvous analyze FILE.html [--url URL] [--eval]`, `rendezvous text FILE.html`.

use std::process::ExitCode;

const USAGE: &str = "usage:
  rendezvous analyze FILE.html [--url URL] [--eval]   insight as JSON (--eval: the evaluation schema)
  rendezvous text FILE.html [--url URL]                the article text the reader still sees";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let mut url = None;
    let mut eval = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => url = it.next().cloned(),
            "--eval" => eval = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(a.clone()),
        }
    }
    let (cmd, file) = match positional.as_slice() {
        [c, f] if c == "analyze" || c == "text" => (c.as_str(), f.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("rendezvous: cannot read {file}: {e}");
            return ExitCode::from(1);
        }
    };
    let html = decode(&bytes);
    let opts = rendezvous::Options {
        url,
        ..Default::default()
    };
    let run = rendezvous::analyze_html(&html, &opts);
    match cmd {
        "text" => println!("{}", run.article.plain()),
        _ => {
            let v = if eval {
                rendezvous::eval::to_eval(&run.analysis)
            } else {
                serde_json::to_value(&run.analysis).expect("serialisable")
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&v).expect("serialisable")
            );
        }
    }
    ExitCode::SUCCESS
}

/// Pages are UTF-8 almost always; older pages in Latin-1/Windows-1252 are read byte for char.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}
