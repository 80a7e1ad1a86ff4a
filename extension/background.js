// Rendezvous background (Chromium: service worker; Firefox: event page). It owns the WASM core:
// the content script sends the serialised page, this runs `analyze(html, url)` and answers with
// the Analysis. The module is loaded from the extension's own files and never from the page;
// nothing here touches the network.
import init, { analyze, version } from "./pkg/rendezvous.js";

const api = globalThis.browser ?? globalThis.chrome;

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
  start().catch((e) => console.error("Rendezvous: WASM init failed", e));
  if (tab && tab.id != null) inject(tab.id);
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || msg.type !== "rendezvous:analyze" || !sender.tab) return false;
  handle(msg, sender).then(sendResponse, (e) => sendResponse({ error: String((e && e.message) || e) }));
  return true;
});

async function handle(msg, sender) {
  const target = { tabId: sender.tab.id, frameIds: [sender.frameId || 0] };
  const css = msg.css ? api.scripting.insertCSS({ target, css: PAGE_CSS }).then(() => true, () => false) : Promise.resolve(true);
  await start();
  const t0 = performance.now();
  const analysis = analyze(String(msg.html || ""), String(msg.url || ""));
  const ms = performance.now() - t0;
  // The reader saw another element count than the live page (a script built markup the parser
  // would nest differently): say so; the content script checks every target's tag.
  if (typeof msg.count === "number" && analysis && analysis.element_count !== msg.count) {
    analysis.notices = [
      ...(analysis.notices || []),
      `structure: the page has ${msg.count} elements, the reader found ${analysis.element_count}; each target is checked before it is touched`,
    ];
  }
  const cssOk = await css;
  return { analysis, ms, version: version(), cssOk };
}
