// The live path agrees with the native one (issue 3, item 5): ScrapingHub corpus pages served from
// localhost in headless Chromium with the real extension, the action triggered as a toolbar click
// triggers it; the text the reader still sees in the article — the innerText of the analysis'
// `main` elements, read from the sidebar's "Copy as JSON", with the hidden blocks display:none —
// must score within 0.01 F1 of `rendezvous text FILE` for the same page, with the shingle metric
// of shared/eval/score_text.py (case-sensitive word 4-gram multisets), reimplemented below.
//
// The corpus is third-party: it is read from ../shared (RENDEZVOUS_SHARED) and gunzipped into a
// temporary directory outside the repository, never committed; without it the suite is skipped.
// RENDEZVOUS_AGREE_PAGES sets how many pages (default 24, spread evenly over the sorted list).
// With all 181 pages (measured 2026-11-27), 168 agree and 13 do not, none because of the live
// path itself: 6 pages' own scripts navigate away when offline (5 checked: Chromium's error page,
// no tab left to click; 1 timed out), 4 are rewritten by their scripts after load (a 69-element
// stub instead of 846 elements; 130 more; the article's block moved), 1 uses CSS text-transform
// (innerText says SUMMARY where the text says Summary: F1 0.975), and 2 run a name into a hover
// card after an <img> (the core reads the picture as a space, innerText does not: F1 0.989, 0.983).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { ROOT, sleep, waitFor } from "./lib-node.mjs";
import { startServer } from "./server.mjs";
import { launchWithExtension } from "./browsers.mjs";
import { cliAnalysis } from "./expect.mjs";

const SHARED = process.env.RENDEZVOUS_SHARED || path.join(ROOT, "../shared");
const CORPUS = path.join(SHARED, "corpus/scrapinghub/html");
const WANT = Math.max(20, Number(process.env.RENDEZVOUS_AGREE_PAGES) || 24);
const MIN_F1 = 0.99;
const BIN = path.join(ROOT, "target/debug/rendezvous");
const HOST = "rendezvous-sidebar";

// ---- score_text.py's shingle4 metric, page level ----

const WORD = /[\p{L}\p{N}_]+/gu; // Python's re \w on str: alphanumerics (L*, N*) and '_'
function grams(text, n = 4) {
  const toks = String(text || "").match(WORD) || [];
  const out = new Map();
  if (!toks.length) return out;
  if (toks.length < n) return out.set(toks.join("\u0001"), 1);
  for (let i = 0; i + n <= toks.length; i++) {
    const k = toks.slice(i, i + n).join("\u0001");
    out.set(k, (out.get(k) || 0) + 1);
  }
  return out;
}
/** Page F1 of `pred` against `gold` as score_text.py computes it (tp/fp/fn over shingles). */
function pageF1(gold, pred) {
  const g = grams(gold);
  const p = grams(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...g.keys(), ...p.keys()])) {
    const a = g.get(k) || 0;
    const b = p.get(k) || 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  if (fp === 0 && fn === 0) return 1; // identical, including both empty
  const prec = tp + fp ? tp / (tp + fp) : 0;
  const rec = tp + fn ? tp / (tp + fn) : 0;
  return prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
}

// ---- the pages ----

function pickPages() {
  if (!fs.existsSync(CORPUS)) return null;
  const all = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".html.gz")).sort();
  const n = Math.min(WANT, all.length);
  const out = [];
  for (let i = 0; i < n; i++) out.push(all[Math.floor((i * all.length) / n)]);
  return out;
}
const PAGES = pickPages();
const BROWSERS = (process.env.RENDEZVOUS_BROWSERS || "chromium,firefox").split(",");
const skip = !BROWSERS.includes("chromium") ? "Chromium is not among RENDEZVOUS_BROWSERS" : PAGES ? (PAGES.length < 20 ? `only ${PAGES.length} pages in ${CORPUS}` : false) : `no corpus at ${CORPUS} (set RENDEZVOUS_SHARED to the shared/ directory)`;

// ---- run in the page ----

/**
 * The page's elements as they are once the analysis is applied (the sidebar's host left out), kept
 * before the test touches the page: a mouse click on the sidebar is an input event the page's own
 * scripts may answer by adding elements (a WordPress security plugin adds a <script> to <head> on
 * the first input), which would move every later index.
 */
function snapshot() {
  window.__rdvAgree = [...document.getElementsByTagName("*")].filter((e) => e.localName !== "rendezvous-sidebar");
  return window.__rdvAgree.length;
}

/** innerText of the main elements (hidden blocks are display:none by then). */
function liveText(main) {
  const all = window.__rdvAgree;
  const els = main.map((i) => all[i]);
  const read = () => els.map((e) => (e ? e.innerText : "")).join("\n\n");
  const text = read();
  // The same with the hidden blocks shown again (the sidebar's toggle): how much hiding inside
  // the article matters on this page, i.e. what the check would see if hiding failed.
  const root = document.documentElement;
  root.setAttribute("data-rendezvous-show", "");
  const shown = read();
  root.removeAttribute("data-rendezvous-show");
  const hiddenIn = [...document.querySelectorAll("[data-rendezvous-hidden]")].filter((h) => els.some((e) => e && e !== h && e.contains(h))).length;
  const applied = [...document.querySelectorAll("[data-rendezvous-hidden]")];
  const hiddenShown = applied.filter((h) => h.checkVisibility({ checkVisibilityCSS: true })).length;
  return { count: all.length, applied: applied.length, hiddenShown, tags: els.map((e) => (e ? e.localName : null)), hiddenIn, text, shown };
}


describe("the live text in Chromium agrees with `rendezvous text` on corpus pages", { concurrency: false, skip }, () => {
  let dir;
  let server;
  let b;
  let lastCopy = "";
  const rows = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-agree-"));
    for (const f of PAGES) fs.writeFileSync(path.join(dir, f.replace(/\.gz$/, "")), zlib.gunzipSync(fs.readFileSync(path.join(CORPUS, f))));
    server = await startServer({ corpusDir: dir });
    b = await launchWithExtension("chromium");
    await b.allowClipboard(server.origin);
  });
  after(async () => {
    if (b) await b.close();
    if (server) await server.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (rows.length) {
      // elements: in the live page / read by the core from the serialised page / read by the CLI
      // from the file (scripts of the page add some); roots and hidden blocks: live / CLI;
      // words: of the CLI's text / of the live text; F1: live against CLI; in main: hidden blocks
      // inside the article's roots, and the F1 the live text would score with them shown.
      const line = (r) => `# ${r.map((c, i) => String(c)[i === 0 ? "padEnd" : "padStart"]([10, 5, 5, 5, 7, 7, 6, 6, 6, 7, 7][i])).join(" ")}`;
      console.log(line(["page", "live", "core", "cli", "roots", "hidden", "words", "live", "F1", "in main", "F1 shown"]));
      for (const r of rows) console.log(line([r.id, r.live, r.live === r.reader ? r.reader : `≠${r.reader}`, r.cli, r.roots, r.hidden, r.cliWords, r.liveWords, r.f1.toFixed(4), r.hiddenIn, r.f1Shown.toFixed(4)]));
      const f1s = rows.map((r) => r.f1).sort((x, y) => x - y);
      console.log(`# ${rows.length} pages: F1 min ${f1s[0].toFixed(4)}, median ${f1s[Math.floor(f1s.length / 2)].toFixed(4)}, mean ${(f1s.reduce((s, x) => s + x, 0) / f1s.length).toFixed(4)}; below ${MIN_F1}: ${f1s.filter((x) => x < MIN_F1).length}`);
    }
  });

  for (const f of PAGES || []) {
    const name = f.replace(/\.gz$/, "");
    const id = name.slice(0, 10);
    test(`${id}: the visible article text scores F1 ≥ ${MIN_F1} against the CLI's`, async () => {
      const file = path.join(dir, name);
      const bytes = fs.readFileSync(file);
      // Served as UTF-8, which is how the CLI reads a page that is valid UTF-8.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      await b.open(`${server.origin}/corpus/${name}`);
      // A reader clicks once the page has settled: its own scripts may still add or remove
      // elements just after the load event (ad and consent scripts), which would make the page
      // the core read differ from the page the test reads after.
      let last = -1;
      let same = 0;
      for (let i = 0; i < 40 && same < 3; i++) {
        const n = await b.evalPage(() => document.getElementsByTagName("*").length);
        same = n === last ? same + 1 : 0;
        last = n;
        await sleep(50);
      }
      await b.trigger();
      await waitFor("the sidebar", () => b.evalPage((h) => document.querySelector(h) && document.querySelector(h).getAttribute("data-state") === "ready", HOST));
      await b.evalPage(snapshot);
      await b.clickShadow(".action"); // "Copy as JSON"
      const copied = await waitFor("the analysis in the clipboard", async () => {
        const t = await b.readClipboard();
        return t && t !== lastCopy && t.startsWith("{") ? t : null;
      });
      lastCopy = copied;
      const analysis = JSON.parse(copied);
      const live = await b.evalPage(liveText, analysis.main);
      const cli = cliAnalysis(file);
      const cliText = execFileSync(BIN, ["text", file], { encoding: "utf8", maxBuffer: 64 << 20 });
      const f1 = pageF1(cliText, live.text);
      const f1Shown = pageF1(cliText, live.shown);
      const words = (s) => (s.match(WORD) || []).length;
      rows.push({
        id,
        live: live.count,
        reader: analysis.element_count,
        cli: cli.element_count,
        roots: `${analysis.main.length}/${cli.main.length}`,
        hidden: `${analysis.hidden.length}/${cli.hidden.length}`,
        cliWords: words(cliText),
        liveWords: words(live.text),
        f1,
        hiddenIn: live.hiddenIn,
        f1Shown,
      });
      assert.equal(live.applied, analysis.hidden.length, "every block the analysis hides is marked in the live page");
      assert.equal(live.hiddenShown, 0, "and none of them is still displayed");
      assert.ok(!live.tags.includes(null), `every main index names a live element (${JSON.stringify(analysis.main)} of ${live.count})`);
      assert.ok(f1 >= MIN_F1, `${name}: live/CLI F1 ${f1.toFixed(4)} (main live ${JSON.stringify(analysis.main)} <${live.tags}>, CLI ${JSON.stringify(cli.main)}; elements live ${live.count}, CLI ${cli.element_count}; words CLI ${words(cliText)}, live ${words(live.text)})`);
    });
  }
});
