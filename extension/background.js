// Rendezvous background (Chromium: service worker; Firefox: event page). It owns the WASM core:
// the content script sends the serialised page, this runs `analyze(html, url)` and answers with
// the Analysis. The module is loaded from the extension's own files and never from the page;
// nothing here touches the network.
import init, { analyze, call_stats, version } from "./pkg/rendezvous.js";

const api = globalThis.browser ?? globalThis.chrome;

// Wall-clock milliseconds (comparable across the page, the content script and this background).
const epoch = () => performance.timeOrigin + performance.now();
// When this background (service worker / event page) started: the benchmark uses it to check
// that a "cold" click really found the background asleep.
const STARTED = epoch();
// When the toolbar click reached this background, per tab (for the timing split).
const clickedAt = new Map();
// Messages answered by this background instance (0: this one woke it).
let served = 0;

// The one stylesheet the page receives (kept in sync with sidebar.js's PAGE_CSS; a test checks).
const PAGE_CSS = `
html:not([data-rendezvous-show]) [data-rendezvous-hidden]:not([data-rendezvous-outline]) { display: none !important; }
[data-rendezvous-outline] { outline: 3px dashed #d97706 !important; outline-offset: 2px !important; }
::highlight(rendezvous-evidence) { background-color: #fde047; color: #111; }
[data-rendezvous-mark] { background-color: #fde047 !important; color: #111 !important; }
`;

let ready = null;
/** Instantiates the WASM once per background lifetime; started by the click itself. */
function start() {
  if (!ready) {
    ready = init({ module_or_path: api.runtime.getURL("pkg/rendezvous_bg.wasm") }).catch((e) => {
      ready = null;
      throw e;
    });
  }
  return ready;
}

/** The page stylesheet, inserted at the click (before the content script asks) and never
 * awaited by the answer: it is inert until the content script marks blocks, and in Firefox its
 * insertion waits for the page's thread, which is busy with the content script then. Any earlier
 * copy is removed first (a click can come again). */
const cssFor = new Map();
function insertPageCss(target) {
  return api.scripting
    .removeCSS({ target, css: PAGE_CSS })
    .catch(() => {})
    .then(() => api.scripting.insertCSS({ target, css: PAGE_CSS }))
    .then(
      () => true,
      () => false,
    );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Injects the content script. Chromium refuses ~10 % of injections made right after the
 * click with "Cannot access contents of the page"; retry on that error only. */
async function inject(tabId) {
  for (let attempt = 0; ; attempt++) {
    try {
      await api.scripting.executeScript({ target: { tabId }, files: ["sidebar.js", "content.js"] });
      return;
    } catch (e) {
      const msg = String((e && e.message) || e);
      if (attempt < 5 && /Cannot access contents of the page/i.test(msg)) {
        await sleep(50);
        continue;
      }
      console.warn("Rendezvous cannot run on this page:", msg);
      return;
    }
  }
}

api.action.onClicked.addListener((tab) => {
  if (tab && tab.id != null) clickedAt.set(tab.id, epoch());
  // No warm-up run after init: measured, it did not shorten a cold click (Chromium dispatches
  // the page's message only after it; see benches/README.md).
  start().catch((e) => console.error("Rendezvous: WASM init failed", e));
  if (tab && tab.id != null) {
    cssFor.set(tab.id, insertPageCss({ tabId: tab.id, frameIds: [0] }));
    inject(tab.id);
  }
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || msg.type !== "rendezvous:analyze" || !sender.tab) return false;
  handle(msg, sender).then(sendResponse, (e) => sendResponse({ error: String((e && e.message) || e) }));
  return true;
});

async function handle(msg, sender) {
  const tr = performance.now();
  const target = { tabId: sender.tab.id, frameIds: [sender.frameId || 0] };
  // The stylesheet went in at the click; again here if that failed (Chromium refuses some calls
  // made right after the click) or if there was no click (a test, a future trigger). Not awaited.
  const early = sender.frameId ? null : cssFor.get(sender.tab.id);
  cssFor.delete(sender.tab.id);
  if (msg.css) (early || Promise.resolve(false)).then((ok) => ok || insertPageCss(target));
  const first = served++ === 0;
  await start();
  const t0 = performance.now();
  const analysis = analyze(String(msg.html || ""), String(msg.url || ""));
  const t1 = performance.now();
  const ms = t1 - t0;
  // [time the Rust function was entered (after the html string was copied in), its conversion
  // of the answer to a JS object, freeing the document model]: see src/web.rs.
  const [entered, convert, dropped] = call_stats();
  // The reader saw another element count than the live page (a script built markup the parser
  // would nest differently): say so; the content script checks every target's tag.
  if (typeof msg.count === "number" && analysis && analysis.element_count !== msg.count) {
    analysis.notices = [
      ...(analysis.notices || []),
      `structure: the page has ${msg.count} elements, the reader found ${analysis.element_count}; each target is checked before it is touched`,
    ];
  }
  const tc = clickedAt.get(sender.tab.id);
  clickedAt.delete(sender.tab.id);
  // The background's own share of the round trip, for the timing split the content script puts
  // on the sidebar host (benches/browser/bench.mjs reads it).
  const bg = {
    started: STARTED,
    clicked: tc ?? null,
    first,
    init: t0 - tr,
    copyIn: entered > 0 ? entered - t0 : null,
    convert,
    drop: dropped,
    analyze: ms,
    own: performance.now() - tr,
  };
  return { analysis, ms, version: version(), bg };
}
