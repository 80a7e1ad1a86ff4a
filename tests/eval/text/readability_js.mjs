// node readability_js.mjs LIST OUTDIR — @mozilla/readability + jsdom on each page of LIST
// (`id<TAB>path` lines); writes OUTDIR/<id>.html (the article's content HTML) and prints
// {"times": [ms per page, jsdom parse included]}.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

const [list, out] = process.argv.slice(2);
const times = [];
const vc = new VirtualConsole();
for (const line of readFileSync(list, "utf8").split("\n")) {
  if (!line.includes("\t")) continue;
  const [id, path] = line.split("\t");
  const buf = readFileSync(path);
  let html = new TextDecoder("utf-8", { fatal: false }).decode(buf);
  if (html.includes("\uFFFD")) html = new TextDecoder("windows-1252").decode(buf);
  const t = performance.now();
  let content = "";
  try {
    const dom = new JSDOM(html, { url: "https://example.com/", virtualConsole: vc });
    const r = new Readability(dom.window.document).parse();
    content = (r && r.content) || "";
    dom.window.close();
  } catch (e) {
    content = "";
  }
  times.push(performance.now() - t);
  writeFileSync(join(out, id + ".html"), content);
}
console.log(JSON.stringify({ times }));
