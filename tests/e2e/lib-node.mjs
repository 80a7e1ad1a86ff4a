// Shared helpers for Node-side code: the sidebar's pure functions (Markdown export) loaded from
// the extension's own sidebar.js, and the UI messages from _locales.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function sidebarModule() {
  const ctx = { console, Intl, Date, Math, JSON, RegExp, String, Object, Array, Map, Set, Number };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(ROOT, "extension/sidebar.js"), "utf8"), ctx);
  return ctx.RendezvousSidebar;
}

/** getMessage over extension/_locales/<lang>/messages.json, with $NAME$ placeholders. */
export function messages(lang = "en") {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, `extension/_locales/${lang}/messages.json`), "utf8"));
  return (key, subs) => {
    const e = m[key];
    if (!e) return "";
    const list = subs == null ? [] : Array.isArray(subs) ? subs : [subs];
    let s = e.message;
    for (const [name, ph] of Object.entries(e.placeholders || {})) {
      const val = ph.content.replace(/\$(\d)/g, (_, d) => list[d - 1] ?? "");
      s = s.replace(new RegExp(`\\$${name}\\$`, "gi"), val);
    }
    return s;
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn (every `every` ms) until it returns something truthy; throws after `timeout` ms with
 * the last value or error it saw. */
export async function waitFor(what, fn, timeout = 15000, every = 25) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last && (last.stack || JSON.stringify(last))})`);
    await sleep(every);
  }
}
