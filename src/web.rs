//! The one module that knows JavaScript: HTML in, analysis out.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn perf_now() -> f64;
}

pub fn performance_now() -> f64 {
    perf_now()
}

thread_local! {
    /// (when `analyze` was entered, how long converting its answer to a JS object and freeing
    /// the document model took), in `performance.now()` milliseconds; read by the background
    /// for the timing split.
    static LAST_CALL: Cell<(f64, f64, f64)> = const { Cell::new((0.0, 0.0, 0.0)) };
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyse a serialised page. `html` is the page's `outerHTML` (with a doctype prefix);
/// `url` its address. Returns the [`crate::insight::Analysis`] as a plain JS object.
#[wasm_bindgen]
pub fn analyze(html: &str, url: &str) -> Result<JsValue, JsValue> {
    let entered = perf_now();
    let opts = crate::Options {
        url: (!url.is_empty()).then(|| url.to_string()),
        ..Default::default()
    };
    let run = crate::analyze_html(html, &opts);
    let t = perf_now();
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let out = serde::Serialize::serialize(&run.analysis, &ser)
        .map_err(|e| JsValue::from_str(&e.to_string()));
    let t2 = perf_now();
    drop(run);
    LAST_CALL.with(|c| c.set((entered, t2 - t, perf_now() - t2)));
    out
}

/// `[entered, convert_ms, drop_ms]` of the last `analyze` call: the `performance.now()` at which
/// the Rust function started (the glue has copied the html string in by then), the time spent
/// turning the answer into a JS object, and the time spent freeing the document model.
#[wasm_bindgen]
pub fn call_stats() -> Vec<f64> {
    let (entered, convert, dropped) = LAST_CALL.with(|c| c.get());
    vec![entered, convert, dropped]
}

/// Builds the language tables ahead of the first page (see [`crate::prepare`]). The extension's
/// background does the same work in interruptible steps ([`prewarm_step`]).
#[wasm_bindgen]
pub fn prepare() {
    crate::prepare();
}

/// Small made-up pages (no facts of any real article) that run every stage once: a page with no
/// language-specific content, then one per language the core ships.
const PREWARM_BARE: &str =
    "<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href=\"/\">1</a></nav>\
     <article><h1>2</h1><p>3 4 5.</p></article><footer>6</footer></body></html>";
const PREWARM_PAGES: [(&str, &str); 2] = [
    ("en", "<!DOCTYPE html><html lang=en><head><title>Ministers meet</title>\
     <meta property=\"article:published_time\" content=\"2024-05-06T08:00:00Z\"></head><body>\
     <nav><a href=\"/\">Home</a></nav><article><h1>Ministers meet</h1>\
     <p>The foreign minister met her counterpart in the capital on Monday to discuss trade, energy \
     and security, officials said. The two ministers agreed to meet again in June.</p>\
     <p>The talks followed a summit of the regional organisation last year.</p></article>\
     <section class=comments><h2>Comments</h2><p>Reply</p></section><footer>Contact</footer></body></html>"),
    ("fr", "<!DOCTYPE html><html lang=fr><head><title>Rencontre</title></head><body><article><h1>Rencontre</h1>\
     <p>Le ministre des affaires étrangères a rencontré son homologue lundi dans la capitale pour \
     évoquer le commerce, l'énergie et la sécurité, selon un communiqué. Les deux ministres se \
     reverront en juin.</p><p>La réunion a suivi un sommet de l'organisation régionale.</p></article>\
     <div class=partage>Partager</div><footer>Mentions légales</footer></body></html>"),
];

/// One step of warming the core up before the first real page: step 0 runs every stage on a bare
/// page (the engine compiles that code: Chromium compiles WASM functions lazily, on first call);
/// each later step builds one language's tables and runs a small page in it. Returns false when
/// there is no such step. The extension's background runs the steps one task at a time right
/// after instantiating the module, while the page is being read, and stops when the page's
/// message arrives (so a step never delays it by more than its own length).
#[wasm_bindgen]
pub fn prewarm_step(step: u32) -> bool {
    // The same work as `crate::prepare`, cut in steps; plus the code paths a meeting takes.
    let opts = crate::Options::default();
    if step == 0 {
        crate::clean::lexicon::lexicon();
        let _ = crate::analyze_html(PREWARM_BARE, &opts);
        return true;
    }
    let langs = crate::lang::languages();
    let Some(code) = langs.get(step as usize - 1) else {
        return false;
    };
    crate::extract::lex::get(code).is_first_name("");
    let generic;
    let html = match PREWARM_PAGES.iter().find(|(c, _)| c == code) {
        Some((_, html)) => *html,
        None => {
            generic = format!(
                "<!DOCTYPE html><html lang=\"{code}\"><head><title>.</title></head><body><article><h1>.</h1><p>1 2024.</p></article></body></html>"
            );
            &generic
        }
    };
    let _ = crate::analyze_html(html, &opts);
    true
}

/// The crate version, for the sidebar's footer and the tests.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
