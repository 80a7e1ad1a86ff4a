// web-ext lint of a built extension directory: prints the report, fails on any error.
// (Warnings are printed: Firefox ignores background.service_worker, which Chromium needs.)
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2];
const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), "node_modules/.bin/web-ext");
const r = spawnSync(bin, ["lint", "--source-dir", dir, "--output", "json", "--no-input"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const show = (kind, list) => {
  for (const m of list) console.log(`${kind}: ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ""}`);
};
show("error", report.errors);
show("warning", report.warnings);
show("notice", report.notices);
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);
