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
/// background does not call it: measured in Chromium, a warm-up after init did not shorten a cold
/// click (the page's message is dispatched only after it), and in Firefox the message arrives
/// before init has finished.
#[wasm_bindgen]
pub fn prepare() {
    crate::prepare();
}

/// The crate version, for the sidebar's footer and the tests.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
