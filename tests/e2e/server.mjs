// The test's own HTTP server on 127.0.0.1 (random port): fixture pages, the same pages under a
// strict Content-Security-Policy, the www/ demo, and (when given a directory) third-party corpus
// pages as /corpus/NAME.html under a policy that keeps them from reaching the network. Every
// request it receives is recorded.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib-node.mjs";

export const STRICT_CSP = "default-src 'self'; script-src 'self'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css", ".png": "image/png" };

// Corpus pages keep their inline scripts and styles, but nothing they name on other hosts is
// fetched: the tests never touch the network, and the load event does not wait for it.
export const CORPUS_CSP = "default-src 'self' 'unsafe-inline' data: blob:";

export async function startServer({ corpusDir = null } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, at: Date.now() });
    const url = new URL(req.url, "http://x");
    let file = null;
    const headers = {};
    let m;
    if ((m = /^\/(csp\/)?fixture\/([\w-]+)\/$/.exec(url.pathname))) {
      file = path.join(ROOT, "tests/fixtures", m[2], "source.html");
      if (m[1]) headers["Content-Security-Policy"] = STRICT_CSP;
    } else if ((m = /^\/page\/([\w-]+\.(?:html|js))$/.exec(url.pathname))) {
      file = path.join(ROOT, "tests/e2e/pages", m[1]);
    } else if (corpusDir && (m = /^\/corpus\/([\w-]+\.html)$/.exec(url.pathname))) {
      file = path.join(corpusDir, m[1]);
      headers["Content-Security-Policy"] = CORPUS_CSP;
    } else if (url.pathname.startsWith("/www/")) {
      const rel = decodeURIComponent(url.pathname.slice(5)) || "index.html";
      file = path.join(ROOT, "www", rel.endsWith("/") ? rel + "index.html" : rel);
      if (!file.startsWith(path.join(ROOT, "www"))) file = null;
    }
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    headers["Content-Type"] = TYPES[path.extname(file)] || "application/octet-stream";
    headers["Cache-Control"] = "no-store";
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((r) => server.close(r)) };
}
