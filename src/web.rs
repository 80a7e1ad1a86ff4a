//! The one module that knows JavaScript: HTML in, analysis out.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn perf_now() -> f64;
}

pub fn performance_now() -> f64 {
    perf_now()
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyse a serialised page. `html` is the page's `outerHTML` (with a doctype prefix);
/// `url` its address. Returns the [`crate::insight::Analysis`] as a plain JS object.
#[wasm_bindgen]
pub fn analyze(html: &str, url: &str) -> Result<JsValue, JsValue> {
    let opts = crate::Options {
        url: (!url.is_empty()).then(|| url.to_string()),
        ..Default::default()
    };
    let run = crate::analyze_html(html, &opts);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&run.analysis, &ser).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The crate version, for the sidebar's footer and the tests.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
