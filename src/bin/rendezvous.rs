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
        text_only: cmd == "text",
        ..Default::default()
    };
    let run = rendezvous::analyze_html(&html, &opts);
    let out = match cmd {
        "text" => run.article.plain(),
        _ => {
            let v = if eval {
                rendezvous::eval::to_eval(&run.analysis)
            } else {
                serde_json::to_value(&run.analysis).expect("serialisable")
            };
            serde_json::to_string_pretty(&v).expect("serialisable")
        }
    };
    // A closed pipe (`| head`) is not worth a panic.
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{out}");
    ExitCode::SUCCESS
}

/// Decode a page: a byte-order mark, else valid UTF-8, else the `<meta charset>` (or
/// `http-equiv` content type) in the first 1024 bytes, else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
        encoding_rs::Encoding::for_label(rest[..end].as_bytes())
    });
    // Valid UTF-8 is read as UTF-8 whatever the page declares: pages saved to disk are often
    // re-encoded without their <meta charset> being updated, and text in a legacy encoding
    // almost never happens to be valid UTF-8. Otherwise the declaration, else Windows-1252.
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    match declared {
        // A page that says UTF-16 in ASCII is not UTF-16; browsers read it as UTF-8.
        Some(enc) if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE => {
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}
