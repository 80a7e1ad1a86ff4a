// Where a cold first analysis goes in Chromium: the WASM module as built (pkg/), loaded fresh in
// a plain localhost page N times, each time analysing one corpus page once under a V8 trace.
// Prints medians of the first call's wall time, and of the trace's WebAssembly compilation:
// wasm.CompileLazy (functions compiled on their first call, with the time the page's thread
// waited for them), wasm.CompileBaseline (Liftoff compilation itself) and
// wasm.TopTierCompilation (TurboFan, on background threads). The extension's background runs
// the same module the same way after the browser stopped it, which is the usual case for a click
// (benches/README.md); this isolates the module from the extension's messaging.
//
// usage: node benches/browser/coldtrace.mjs [--pkg DIR] [--runs N]
// needs: ./build.sh (pkg/ and tests/e2e/node_modules).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const CORPUS = fs.existsSync(path.join(ROOT, "../shared/corpus")) ? path.join(ROOT, "../shared/corpus") : "/work/shared/corpus";
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const PKG = path.resolve(opt("--pkg", path.join(ROOT, "pkg")));
const RUNS = Number(opt("--runs", "9"));
const { chromium } = await import(path.join(ROOT, "tests/e2e/node_modules/playwright-core/index.mjs"));

const dir = path.join(CORPUS, "scrapinghub/html");
const pages = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .slice(0, RUNS)
  .map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString());

const server = http.createServer((req, res) => {
  const u = new URL(req.url, "http://x");
  if (u.pathname === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end("<!doctype html><title>cold</title>");
  }
  const m = /^\/page\/(\d+)$/.exec(u.pathname);
  if (m) {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    return res.end(pages[Number(m[1])]);
  }
  const f = path.join(PKG, path.basename(u.pathname));
  if (u.pathname.startsWith("/pkg/") && fs.existsSync(f)) {
    // no-store: each run compiles the module afresh (no code cache)
    res.writeHead(200, { "content-type": f.endsWith(".wasm") ? "application/wasm" : "text/javascript", "cache-control": "no-store" });
    return res.end(fs.readFileSync(f));
  }
  res.writeHead(404);
  res.end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });

const KEYS = ["wasm.CompileLazy", "wasm.CompileBaseline", "wasm.TopTierCompilation"];
const rows = [];
try {
  for (let k = 0; k < pages.length; k++) {
    const page = await browser.newPage();
    await page.goto(origin + "/");
    await page.evaluate(async (k) => {
      window.glue = await import(`/pkg/rendezvous.js?${k}`);
      await window.glue.default({ module_or_path: `/pkg/rendezvous_bg.wasm?${k}` });
      window.html = await (await fetch(`/page/${k}`)).text();
    }, k);
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
    const complete = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", {
      traceConfig: { includedCategories: ["v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan", "v8"] },
      transferMode: "ReportEvents",
    });
    const first = await page.evaluate(() => {
      const t = performance.now();
      window.glue.analyze(window.html, "http://127.0.0.1/article/");
      return performance.now() - t;
    });
    await cdp.send("Tracing.end");
    await complete;
    // dur: wall time; tdur: the thread's CPU time
    const row = { first, functions: 0 };
    for (const key of KEYS) row[key] = row[key + " cpu"] = 0;
    for (const e of events) {
      if (e.ph !== "X" || !KEYS.includes(e.name)) continue;
      row[e.name] += (e.dur || 0) / 1000;
      row[e.name + " cpu"] += (e.tdur || 0) / 1000;
      if (e.name === "wasm.CompileLazy") row.functions++;
    }
    rows.push(row);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
const med = (k) => {
  const v = rows.map((r) => r[k]).sort((a, b) => a - b);
  return v[v.length >> 1];
};
const raw = fs.statSync(path.join(PKG, "rendezvous_bg.wasm")).size;
console.log(`Cold first analysis in headless Chromium: ${rows.length} fresh module instances, one ScrapingHub page each; medians.`);
console.log(`module: ${path.relative(ROOT, PKG) || "."}/rendezvous_bg.wasm, ${raw} bytes\n`);
const ms = (k) => `${med(k).toFixed(1)} ms (cpu ${med(k + " cpu").toFixed(1)})`;
console.log("wall time, and in brackets the compiling thread's CPU time\n");
console.log("| first analyze() call | functions compiled lazily | wasm.CompileLazy | wasm.CompileBaseline (Liftoff) | wasm.TopTierCompilation (TurboFan, background) |");
console.log("|---|---|---|---|---|");
console.log(`| ${med("first").toFixed(1)} ms | ${med("functions")} | ${ms("wasm.CompileLazy")} | ${ms("wasm.CompileBaseline")} | ${ms("wasm.TopTierCompilation")} |`);
