// Browser benchmark: click → sidebar painted, split per step, in headless Chromium and Firefox
// ESR with the built extension (dist/chrome, dist/firefox), over corpus pages served from
// localhost; warm (background running, WASM instantiated) and cold (background asleep); and
// @mozilla/readability's parse() on the same live pages in the same browsers, same run.
//
// usage: node benches/browser/bench.mjs [--pages N] [--cold K] [--browsers chromium,firefox] [--dist DIR] [--floor]
// needs: ./build.sh (dist/ and tests/e2e/node_modules), npm install in benches/browser.
//
// Where the numbers come from (all wall-clock milliseconds, `performance.timeOrigin + now()`,
// so the driver's, the page's and the background's clocks compare):
// - the click: Chromium — just before the DevTools `Extensions.triggerAction` call; Firefox — the
//   keydown of the extension's shortcut as the browser window receives it (chrome context).
// - the content script puts its split on the sidebar host as a `data-timings` JSON attribute
//   once the sidebar has painted (the first task after the next animation frame): serialise,
//   mount (the sidebar shell), round trip, hide (bindPage + hide), render (DOM build until
//   painted); with the background's own split of the round trip (`bg`: WASM init wait, html copy
//   into WASM, analyze call, conversion of the answer to a JS object, freeing, insertCSS wait,
//   its start time and when the click reached it) and the core's stage timings (`wasm`).
//   transfer = round trip − the background's own time (both directions' message passing).
// - cold: before the click the background is put to sleep — Chromium: DevTools
//   `ServiceWorker.stopAllWorkers`; Firefox: `extension.terminateBackground()` in the chrome
//   context (what about:debugging's "Terminate background script" does). A click counts as cold
//   when its message was the first its background instance answered (the background reports
//   it, with its start time); a wanted cold click that was not is reported. Firefox sometimes
//   suspends the event page between pages by itself: those clicks count as cold too.
// - Readability: run on a clone of the document (clone included) before the extension touches
//   the page, in the page's own context.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const CORPUS = fs.existsSync(path.join(ROOT, "../shared/corpus")) ? path.join(ROOT, "../shared/corpus") : "/work/shared/corpus";
const { launchChromium, launchFirefox } = await import(path.join(ROOT, "tests/e2e/browsers.mjs"));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt("--pages", "50"));
const COLD = Math.min(N, Number(opt("--cold", String(Math.min(N, 20)))));
const BROWSERS = opt("--browsers", "chromium,firefox").split(",");
const FLOOR = args.includes("--floor");
const DIST = FLOOR ? floorCopy(path.resolve(opt("--dist", path.join(ROOT, "dist")))) : path.resolve(opt("--dist", path.join(ROOT, "dist")));
const READABILITY = fs.readFileSync(path.join(HERE, "node_modules/@mozilla/readability/Readability.js"), "utf8");
const epoch = () => performance.timeOrigin + performance.now();

/** --floor: copies both unpacked extensions to a temporary directory and makes their background
 * answer with an empty analysis instead of calling the WASM. Fails loudly if the call it replaces
 * is not where it expects it. */
function floorCopy(dist) {
  fs.mkdirSync(path.join(ROOT, "tests/artifacts"), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(ROOT, "tests/artifacts/floor-"));
  const CALL = 'const analysis = analyze(String(msg.html || ""), String(msg.url || ""));';
  const EMPTY =
    "const analysis = { is_article: true, meta: {}, insight: {}, hidden: [], notices: [], element_count: msg.count, " +
    "timings: { parse_ms: 0, page_ms: 0, clean_ms: 0, extract_ms: 0, total_ms: 0 } };";
  for (const b of ["chrome", "firefox"]) {
    fs.cpSync(path.join(dist, b), path.join(tmp, b), { recursive: true });
    const bg = path.join(tmp, b, "background.js");
    const src = fs.readFileSync(bg, "utf8");
    if (!src.includes(CALL)) throw new Error(`--floor: ${bg} has no \`${CALL}\``);
    fs.writeFileSync(bg, src.replace(CALL, EMPTY));
  }
  return tmp;
}

// Pages: ScrapingHub (gzipped) and Readability's news pages, alternating, N in all.
function pages() {
  const sh = fs.readdirSync(path.join(CORPUS, "scrapinghub/html")).filter((f) => f.endsWith(".html.gz")).sort();
  const news = Object.keys(JSON.parse(fs.readFileSync(path.join(CORPUS, "readability/news-gold.json"), "utf8"))).sort();
  const out = [];
  for (let i = 0; out.length < N && (i < sh.length || i < news.length); i++) {
    if (i < sh.length) out.push({ id: "sh-" + sh[i].replace(".html.gz", "").slice(0, 16), file: path.join(CORPUS, "scrapinghub/html", sh[i]), gz: true });
    if (out.length < N && i < news.length) out.push({ id: "rd-" + news[i], file: path.join(CORPUS, "readability/test-pages", news[i], "source.html"), gz: false });
  }
  return out;
}

function serve(list) {
  const byId = new Map(list.map((p) => [p.id, p]));
  const server = http.createServer((req, res) => {
    const m = /^\/p\/([\w.-]+)\/$/.exec(new URL(req.url, "http://x").pathname);
    const p = m && byId.get(m[1]);
    if (!p) {
      res.writeHead(404);
      res.end();
      return;
    }
    let body = fs.readFileSync(p.file);
    if (p.gz) body = zlib.gunzipSync(body);
    res.writeHead(200, { "Content-Type": "text/html", "Cache-Control": "no-store" });
    res.end(body);
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

// ---- run in the page ----
/** Resolves with the sidebar's data-timings (or its error state) once it has painted. */
function arm() {
  window.__rdvDone = new Promise((resolve) => {
    let host = null;
    const check = () => {
      host = host || document.querySelector("rendezvous-sidebar");
      if (!host) return false;
      const t = host.getAttribute("data-timings");
      if (t) return resolve({ state: "ready", timings: JSON.parse(t) }), true;
      if (host.getAttribute("data-state") === "error") return resolve({ state: "error", error: host.shadowRoot ? "" : "error" }), true;
      return false;
    };
    const mo = new MutationObserver(() => {
      if (check()) mo.disconnect();
      else if (host && !watchingHost) {
        watchingHost = true;
        mo.observe(host, { attributes: true, attributeFilter: ["data-timings", "data-state"] });
      }
    });
    let watchingHost = false;
    mo.observe(document.documentElement, { childList: true });
    setTimeout(() => resolve({ state: "timeout" }), 15000);
  });
  return true;
}
function done() {
  return window.__rdvDone;
}
function runReadability(src) {
  try {
    const R = new Function(src + "\n;return Readability;")();
    const t = performance.now();
    const art = new R(document.cloneNode(true)).parse();
    return { ms: performance.now() - t, chars: art && art.textContent ? art.textContent.length : 0 };
  } catch (e) {
    return { error: String(e && e.message) };
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (v, p) => {
  const s = v.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};

// ---- per browser: putting the background to sleep, and the click's time ----
async function sleepBackground(b) {
  if (b.name === "chromium") {
    const s = b.cdp.page();
    await s.send("ServiceWorker.enable").catch(() => {});
    await s.send("ServiceWorker.stopAllWorkers");
    await s.send("ServiceWorker.disable").catch(() => {});
  } else {
    const state = await b.chromeScript(
      `const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
       const ext = ExtensionParent.GlobalManager.getExtension(arguments[0]);
       return ext.terminateBackground().then(() => ext.backgroundState);`,
      b.addonId,
    );
    if (state && !/stop/i.test(String(state))) process.stderr.write(`firefox: background state after terminate: ${state}\n`);
  }
  await sleep(300);
}
async function prepareClock(b) {
  if (b.name === "firefox") {
    await b.chromeScript(`
      if (!window.__rdvKeys) {
        window.__rdvKeys = true;
        window.addEventListener("keydown", (e) => {
          if (e.altKey && e.shiftKey && (e.key === "r" || e.key === "R")) window.__rdvKeyAt = performance.timeOrigin + performance.now();
        }, true);
      }
      window.__rdvKeyAt = 0;
      return true;`);
  }
}
async function clickTime(b) {
  if (b.name === "chromium") return b.clickedAt;
  return b.chromeScript("return window.__rdvKeyAt || null;");
}

/** One click on the open page; the split of its time. */
async function click(b, coldWanted, lastStarted) {
  await b.evalPage(arm);
  await prepareClock(b);
  await b.trigger();
  const got = await b.evalPage(done);
  const clickAt = await clickTime(b);
  if (got.state !== "ready") return { state: got.state };
  const T = got.timings;
  const bg = T.bg || {};
  const w = T.wasm || {};
  const s = {
    state: "ready",
    cold: !!bg.first,
    restarted: lastStarted != null && bg.started !== lastStarted,
    started: bg.started,
    chars: T.chars,
    elements: T.elements,
    wake: bg.clicked != null && clickAt ? bg.clicked - clickAt : null,
    injection: clickAt ? T.start - clickAt : null,
    serialise: T.serialise,
    mount: T.mount,
    roundTrip: T.roundTrip,
    transfer: bg.own != null ? T.roundTrip - bg.own : null,
    init: bg.init,
    copyIn: bg.copyIn,
    parse: w.parse_ms,
    analysis: w.total_ms != null ? w.total_ms - w.parse_ms : null,
    page: w.page_ms,
    clean: w.clean_ms,
    extract: w.extract_ms,
    convert: bg.convert,
    drop: bg.drop,
    send: T.send,
    hide: T.hide,
    build: T.build,
    render: T.render,
    own: T.total,
    total: clickAt ? T.start + T.total - clickAt : null,
  };
  if (coldWanted && !s.cold) s.coldFailed = true;
  return s;
}

async function bench(name, list, origin) {
  const ext = path.join(DIST, name === "chromium" ? "chrome" : "firefox");
  const b = name === "chromium" ? await launchChromium(ext) : await launchFirefox(ext, { prefs: { "privacy.reduceTimerPrecision": false } });
  const rows = [];
  const every = COLD ? Math.max(1, Math.floor(list.length / COLD)) : Infinity;
  let started = null;
  let colds = 0;
  try {
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      const row = { id: p.id };
      try {
        const url = `${origin}/p/${p.id}/`;
        await b.open(url);
        const r = await b.evalPage(runReadability, READABILITY);
        row.readability = r.ms;
        row.readabilityError = r.error;
        // The first click after the browser starts is cold by nature; then every `every`-th page
        // gets a cold click (background put to sleep first) before its warm one.
        const wantCold = i === 0 || (colds < COLD && i % every === 0);
        if (wantCold) {
          if (i > 0) await sleepBackground(b);
          row.coldClick = await click(b, true, started);
          started = row.coldClick.started ?? started;
          colds++;
          await b.open(url);
        }
        row.warm = await click(b, false, started);
        started = row.warm.started ?? started;
      } catch (e) {
        row.error = String(e && e.message).slice(0, 200);
      }
      rows.push(row);
      const f = (c) => (c && c.total != null ? c.total.toFixed(1) : c ? c.state : "");
      process.stderr.write(`${name} ${p.id} warm ${f(row.warm)}${row.coldClick ? " cold " + f(row.coldClick) + (row.coldClick.coldFailed ? " (NOT cold)" : "") : ""}${row.error ? " " + row.error : ""}\n`);
    }
  } finally {
    await b.close();
  }
  return rows;
}

const list = pages();
const { server, origin } = await serve(list);
const all = {};
for (const name of BROWSERS) all[name] = await bench(name, list, origin);
server.close();

const STEPS = [
  ["wake", "click → click handler runs in the background"],
  ["injection", "click → content script starts (injection)"],
  ["serialise", "serialise (outerHTML + strip)"],
  ["mount", "sidebar shell mounted (before sending)"],
  ["roundTrip", "message round trip (all of below)"],
  ["transfer", "· transfer (round trip − background's own)"],
  ["init", "· waiting for WASM init"],
  ["copyIn", "· html copied into WASM"],
  ["parse", "· parse (html5ever → Document)"],
  ["analysis", "· analysis (page + clean + text + extract)"],
  ["page", "·· page (metadata, language)"],
  ["clean", "·· clean (article and blocks to hide)"],
  ["extract", "·· extract (people, places, dates, meetings)"],
  ["convert", "· answer → JS object"],
  ["drop", "· freeing the document"],
  ["send", "· sendMessage call (sync part, in the page)"],
  ["hide", "hiding (bindPage + hide)"],
  ["render", "render (sidebar DOM until painted)"],
  ["build", "· sidebar DOM built (sync part of render)"],
  ["own", "content script start → painted"],
  ["total", "**click → sidebar painted**"],
];
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "—");
console.log(`\nBrowser benchmark${FLOOR ? " — FLOOR (empty analysis answered at once)" : ""}: ${list.length} corpus pages from localhost; ms (p50 / p95).`);
for (const [name, rows] of Object.entries(all)) {
  // Cold = the first message a background instance answered (whether the benchmark put it to
  // sleep or the browser did: Firefox sometimes suspends the event page between pages).
  const clicks = rows.flatMap((r) => [r.coldClick, r.warm]).filter((c) => c && c.state === "ready");
  const warm = clicks.filter((c) => !c.cold);
  const cold = clicks.filter((c) => c.cold);
  console.log(`\n### ${name} (warm n=${warm.length}, cold n=${cold.length})\n`);
  console.log("| step | warm p50 | warm p95 | cold p50 | cold p95 |");
  console.log("|---|---|---|---|---|");
  for (const [k, label] of STEPS) {
    const wv = warm.map((c) => c[k]);
    const cv = cold.map((c) => c[k]);
    console.log(`| ${label} | ${f1(pct(wv, 50))} | ${f1(pct(wv, 95))} | ${f1(pct(cv, 50))} | ${f1(pct(cv, 95))} |`);
  }
  const rd = rows.filter((r) => r.readability != null).map((r) => r.readability);
  console.log(`| Readability.js parse() (clone included), same pages | ${f1(pct(rd, 50))} | ${f1(pct(rd, 95))} | | |`);
  const both = rows.filter((r) => r.readability != null && r.warm && r.warm.total != null && !r.warm.cold);
  const ratio = (k) => pct(both.map((r) => r.readability), 50) / pct(both.map((r) => r.warm[k]), 50);
  const perPage = (k) => pct(both.map((r) => r.readability / r.warm[k]), 50);
  console.log(`| Readability p50 / Rendezvous p50, click → painted (median of per-page ratios) | ${ratio("total").toFixed(2)}× | (${perPage("total").toFixed(2)}×) | | |`);
  for (const r of both) r.warm.core = r.warm.serialise + r.warm.roundTrip + r.warm.hide;
  console.log(`| Readability p50 / Rendezvous p50, serialise + round trip + hiding (median of per-page ratios) | ${ratio("core").toFixed(2)}× | (${perPage("core").toFixed(2)}×) | | |`);
  const chars = warm.map((c) => c.chars);
  console.log(`\nserialised html: p50 ${Math.round(pct(chars, 50))} chars, p95 ${Math.round(pct(chars, 95))}; elements p50 ${Math.round(pct(warm.map((c) => c.elements), 50))}`);
  const notCold = rows.filter((r) => r.coldClick && r.coldClick.coldFailed).map((r) => r.id);
  if (notCold.length) console.log(`cold clicks that did not find the background asleep (not counted): ${notCold.join(" ")}`);
  const errs = rows.filter((r) => r.error || (r.warm && r.warm.state !== "ready") || (r.coldClick && r.coldClick.state !== "ready"));
  if (errs.length) console.log(`pages with an error: ${errs.map((r) => `${r.id} (${r.error || r.warm?.state || r.coldClick?.state})`).join(", ")}`);
}
const out = path.resolve(opt("--out", path.join(ROOT, "tests/artifacts/bench-browser.json")));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(all, null, 1));
console.log(`\nper-page rows: ${path.relative(ROOT, out)}`);
