// Browser benchmark: click → sidebar painted, in headless Chromium and Firefox ESR with the
// built extension (dist/chrome, dist/firefox), over corpus pages served from localhost; and
// @mozilla/readability's parse() on the same live pages in the same browsers, same run.
//
// usage: node benches/browser/bench.mjs [--pages N] [--browsers chromium,firefox]
// needs: ./build.sh (dist/ and tests/e2e/node_modules), npm install in benches/browser.
//
// Per page: load it; run Readability (on a clone of the document, clone included, as its README
// says to do) before the extension touches the page; then trigger the toolbar action the way a
// click does and time, with the page's own clock, from just before the trigger to the first
// animation frame after the sidebar says "ready". The sidebar's footer gives the content
// script's own time (serialise + message round trip + WASM analysis, without injection and
// painting). The first click after the browser starts wakes the background and compiles the
// WASM (cold); the later ones are warm.
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
const BROWSERS = opt("--browsers", "chromium,firefox").split(",");
const READABILITY = fs.readFileSync(path.join(HERE, "node_modules/@mozilla/readability/Readability.js"), "utf8");

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
function arm() {
  window.__rdvReady = 0;
  const mo = new MutationObserver(() => {
    const h = document.querySelector("rendezvous-sidebar");
    const st = h && h.getAttribute("data-state");
    if ((st === "ready" || st === "error") && window.__rdvReady === 0) {
      window.__rdvReady = -1;
      window.__rdvState = st;
      requestAnimationFrame(() => {
        window.__rdvReady = performance.now();
        mo.disconnect();
      });
    }
  });
  mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  window.__rdvT0 = performance.now();
  return true;
}
function readyAt() {
  return window.__rdvReady > 0 ? { ms: window.__rdvReady - window.__rdvT0, state: window.__rdvState } : null;
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
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};

async function bench(name, list, origin) {
  const ext = path.join(ROOT, "dist", name === "chromium" ? "chrome" : "firefox");
  const b = name === "chromium" ? await launchChromium(ext) : await launchFirefox(ext);
  const rows = [];
  try {
    for (const p of list) {
      const row = { id: p.id };
      try {
        await b.open(`${origin}/p/${p.id}/`);
        row.elements = await b.evalPage(() => document.getElementsByTagName("*").length);
        const r = await b.evalPage(runReadability, READABILITY);
        row.readability = r.ms;
        await b.evalPage(arm);
        await b.trigger();
        const end = Date.now() + 15000;
        let got = null;
        while (!got && Date.now() < end) {
          got = await b.evalPage(readyAt);
          if (!got) await sleep(5);
        }
        if (!got) throw new Error("no sidebar within 15 s");
        row.click = got.ms;
        row.state = got.state;
        const foot = await b.evalShadow((sr) => [...sr.querySelectorAll(".foot")].map((f) => f.textContent).join(" | "));
        const m = /(\d+)\s*ms/.exec(foot || "");
        row.content = m ? Number(m[1]) : null;
      } catch (e) {
        row.error = String(e && e.message).slice(0, 200);
      }
      rows.push(row);
      process.stderr.write(`${name} ${p.id} ${row.click?.toFixed?.(1) ?? row.error}\n`);
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

console.log(`\nBrowser benchmark: ${list.length} corpus pages from localhost; ms, page clock.`);
console.log("| browser | measure | n | p50 | p95 |");
console.log("|---|---|---|---|---|");
for (const [name, rows] of Object.entries(all)) {
  const ok = rows.filter((r) => r.click != null);
  const warm = ok.slice(1);
  const line = (what, v) => console.log(`| ${name} | ${what} | ${v.length} | ${pct(v, 50).toFixed(1)} | ${pct(v, 95).toFixed(1)} |`);
  if (ok[0]) console.log(`| ${name} | cold: first click after start (${ok[0].id}) | 1 | ${ok[0].click.toFixed(1)} | — |`);
  line("warm: click → sidebar painted", warm.map((r) => r.click));
  line("warm: content script's own time (footer)", warm.filter((r) => r.content != null).map((r) => r.content));
  line("Readability.js parse() (clone included)", rows.filter((r) => r.readability != null).map((r) => r.readability));
  const both = warm.filter((r) => r.readability != null);
  const ratio = pct(both.map((r) => r.readability), 50) / pct(both.map((r) => r.click), 50);
  console.log(`| ${name} | Readability p50 / Rendezvous warm p50 | ${both.length} | ${ratio.toFixed(2)}× | |`);
  const errs = rows.filter((r) => r.error || r.state === "error");
  if (errs.length) console.log(`| ${name} | pages with an error | ${errs.length} | ${errs.map((r) => r.id).join(" ")} | |`);
}
const out = path.join(ROOT, "tests/artifacts/bench-browser.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(all, null, 1));
console.log(`per-page rows: ${path.relative(ROOT, out)}`);
