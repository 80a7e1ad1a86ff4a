// Regenerates docs/screenshot.png (the README's picture): the founding example in headless
// Chromium with the extension's sidebar open, after a real toolbar-action trigger.
// Usage (after ./build.sh): node tests/e2e/screenshot.mjs
import path from "node:path";
import { ROOT } from "./lib-node.mjs";
import { startServer } from "./server.mjs";
import { launchChromium } from "./browsers.mjs";

const server = await startServer();
const b = await launchChromium(path.join(ROOT, "dist/chrome"));
try {
  await b.open(`${server.origin}/fixture/seed-maroc-france/`);
  await b.trigger();
  for (let i = 0; i < 200; i++) {
    if (await b.evalPage(() => document.querySelector("rendezvous-sidebar")?.getAttribute("data-state") === "ready")) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await b.evalPage(() => document.querySelector("h1")?.scrollIntoView({ block: "start" }));
  await b.screenshot(path.join(ROOT, "docs/screenshot.png"));
  console.log("wrote docs/screenshot.png");
} finally {
  await b.close();
  await server.close();
}
