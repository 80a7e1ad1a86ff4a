// The WASM module (the extension's core, as built by build.sh) and the native CLI give the same
// analysis for the founding example.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./lib-node.mjs";
import { cliAnalysis, stripRunFields } from "./expect.mjs";

const fixture = path.join(ROOT, "tests/fixtures/seed-maroc-france/source.html");

test("WASM analyze() in Node equals the CLI's analysis of the fixture", async () => {
  const glue = await import(path.join(ROOT, "pkg/rendezvous.js"));
  await glue.default({ module_or_path: fs.readFileSync(path.join(ROOT, "pkg/rendezvous_bg.wasm")) });
  const url = "http://127.0.0.1/fixture/seed-maroc-france/";
  const wasm = glue.analyze(fs.readFileSync(fixture, "utf8"), url);
  const cli = cliAnalysis(fixture, url);
  assert.deepEqual(stripRunFields(wasm), stripRunFields(cli));
  assert.match(glue.version(), /^\d+\.\d+\.\d+/);
});

test("WASM prepare() may run before the first page and again: the answer is unchanged", async () => {
  // A module instance of its own, so that prepare() really is the first call.
  const glue = await import(pathToFileURL(path.join(ROOT, "pkg/rendezvous.js")).href + "?prepare");
  await glue.default({ module_or_path: fs.readFileSync(path.join(ROOT, "pkg/rendezvous_bg.wasm")) });
  const html = fs.readFileSync(fixture, "utf8");
  const url = "http://127.0.0.1/fixture/seed-maroc-france/";
  glue.prepare();
  const first = glue.analyze(html, url);
  glue.prepare();
  assert.deepEqual(stripRunFields(first), stripRunFields(glue.analyze(html, url)));
  assert.deepEqual(stripRunFields(first), stripRunFields(cliAnalysis(fixture, url)));
});
