// What the fixture's expected.json says, and the CLI's answer for comparison.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT } from "./lib-node.mjs";

export const FIXTURE = "seed-maroc-france";
export const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures", FIXTURE, "expected.json"), "utf8"));

/** The native CLI's analysis of a file (the binary build.sh builds). */
export function cliAnalysis(file, url) {
  const bin = path.join(ROOT, "target/debug/rendezvous");
  const args = ["analyze", file];
  if (url) args.push("--url", url);
  return JSON.parse(execFileSync(bin, args, { encoding: "utf8", maxBuffer: 64 << 20 }));
}

/** Fields that describe one run rather than the page (timings): left out of comparisons. */
export function stripRunFields(a) {
  const { timings, ...rest } = JSON.parse(JSON.stringify(a));
  return rest;
}

/** Names compare without accents, case or honorifics (expected.json's rule). */
export function nameKey(s) {
  return String(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\b(M|Mme|Mr|Mrs|Ms|Dr)\b\.?/gi, "")
    .replace(/[^a-z]+/gi, " ")
    .trim()
    .toLowerCase();
}
