// The extension end to end, in headless Chromium and headless Firefox ESR: the fixture served from
// localhost, the toolbar action triggered as a click/shortcut triggers it, and what a reader sees
// checked against tests/fixtures/seed-maroc-france/expected.json and the CLI's own analysis.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, sleep, waitFor } from "./lib-node.mjs";
import { startServer } from "./server.mjs";
import { launchChromium, launchFirefox, launchWithExtension, extensionDir } from "./browsers.mjs";
import { FIXTURE, expected, cliAnalysis, stripRunFields, nameKey } from "./expect.mjs";

const ARTIFACTS = path.join(ROOT, "tests/artifacts");
fs.mkdirSync(ARTIFACTS, { recursive: true });
const FIXTURE_FILE = path.join(ROOT, "tests/fixtures", FIXTURE, "source.html");
const BROWSERS = (process.env.RENDEZVOUS_BROWSERS || "chromium,firefox").split(",");
const timings = {};


// ---- functions run in the page (main world) ----

/** For each snippet: where its deepest occurrences are, and whether any/all are visible. */
function visibility(snippets) {
  const norm = (s) => String(s).replace(/\s+/g, " ").trim();
  const els = [...document.getElementsByTagName("*")].filter((e) => e.localName !== "rendezvous-sidebar" && e.localName !== "script" && e.localName !== "style");
  return snippets.map((sn) => {
    const want = norm(sn);
    const hits = els.filter((e) => norm(e.textContent).includes(want) && ![...e.children].some((c) => norm(c.textContent).includes(want)));
    const vis = hits.map((e) => e.checkVisibility({ checkVisibilityCSS: true }) && e.getClientRects().length > 0);
    return { snippet: sn, found: hits.length, anyVisible: vis.some(Boolean), allHidden: vis.every((v) => !v) };
  });
}

function armTimer() {
  window.__rdvReady = 0;
  const mo = new MutationObserver(() => {
    const h = document.querySelector("rendezvous-sidebar");
    if (h && h.getAttribute("data-state") === "ready" && window.__rdvReady === 0) {
      window.__rdvReady = -1;
      requestAnimationFrame(() => {
        window.__rdvReady = performance.timeOrigin + performance.now();
        mo.disconnect();
      });
    }
  });
  mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  return true;
}

function evidenceState() {
  const reg = window.CSS && CSS.highlights;
  const hl = reg && reg.get("rendezvous-evidence");
  let range = hl ? [...hl][0] : null;
  let how = "highlight";
  if (!range) {
    const m = document.querySelector("[data-rendezvous-mark]");
    if (!m) return null;
    range = document.createRange();
    range.selectNodeContents(m);
    how = "wrapper";
  }
  const r = range.getBoundingClientRect();
  return { how, text: range.toString(), top: r.top, bottom: r.bottom, height: innerHeight, scrollY };
}

// ---- functions run with the sidebar's shadow root ----

function readSidebar(sr) {
  const q = (s) => [...sr.querySelectorAll(s)];
  return {
    state: sr.host.getAttribute("data-state"),
    hidden: sr.host.hidden,
    title: sr.querySelector("h2") && sr.querySelector("h2").textContent,
    meta: sr.querySelector(".meta") && sr.querySelector(".meta").textContent,
    meetings: q('[data-section="meetings"] li.card').map((li) => ({
      parties: [...li.querySelectorAll("[data-party] > span:first-child")].map((s) => s.textContent),
      start: li.dataset.start,
      end: li.dataset.end,
      kind: li.dataset.kind,
      kindLabel: li.querySelector(".mkind") && li.querySelector(".mkind").textContent,
      text: li.textContent,
    })),
    counts: Object.fromEntries(q("section[data-section]").map((s) => [s.dataset.section, Number(s.querySelector(".count").textContent)])),
    kinds: q(".kind").map((b) => b.textContent),
    footer: q(".foot").map((f) => f.textContent).join(" | "),
    background: getComputedStyle(sr.querySelector("aside")).backgroundColor,
    position: getComputedStyle(sr.host).position,
  };
}

function focusInfo(sr) {
  const a = sr.activeElement;
  if (!a) return { inside: false, pageActive: document.activeElement && document.activeElement.localName };
  const cs = getComputedStyle(a);
  return { inside: true, tag: a.localName, cls: a.className, text: (a.textContent || "").trim().slice(0, 60), outline: cs.outlineStyle, outlineWidth: cs.outlineWidth };
}

// ---- the suite, once per browser ----

for (const browserName of BROWSERS) {
  describe(`extension in ${browserName}`, { concurrency: false }, () => {
    let server;
    let b;
    let pageUrl;
    let cspUrl;
    let clickAt = 0;

    before(async () => {
      server = await startServer();
      pageUrl = `${server.origin}/fixture/${FIXTURE}/`;
      cspUrl = `${server.origin}/csp/fixture/${FIXTURE}/`;
      b = await launchWithExtension(browserName);
      await b.allowClipboard(server.origin);
    });
    after(async () => {
      if (b) await b.close();
      if (server) await server.close();
    });

    async function clickAndWait(url) {
      await b.open(url);
      await b.evalPage(armTimer);
      clickAt = Date.now();
      await b.trigger();
      const at = await waitFor("the sidebar", () => b.evalPage(() => (window.__rdvReady > 0 ? window.__rdvReady : 0)));
      return at - clickAt;
    }

    /** As clickAndWait, for a page whose own scripts cannot run (no timer in the page). */
    async function clickAndWaitNoScript(url) {
      await b.open(url);
      await b.trigger();
      await waitFor("the sidebar", () => b.evalPage(() => document.querySelector("rendezvous-sidebar") && document.querySelector("rendezvous-sidebar").getAttribute("data-state") === "ready"));
    }

    async function assertFixtureState(where) {
      const side = await b.evalShadow(readSidebar);
      assert.equal(side.state, "ready", `${where}: sidebar state`);
      assert.equal(side.position, "fixed", `${where}: the sidebar overlays the page`);
      // Hidden blocks are not visible; article paragraphs are.
      const hid = await b.evalPage(visibility, expected.hidden_text);
      for (const h of hid) {
        assert.ok(h.found > 0, `${where}: "${h.snippet}" is in the page`);
        assert.ok(h.allHidden, `${where}: "${h.snippet}" should be hidden`);
      }
      const vis = await b.evalPage(visibility, expected.visible_text);
      for (const v of vis) assert.ok(v.anyVisible, `${where}: "${v.snippet}" should stay visible`);
      // The meetings, with their dates.
      assert.ok(side.meetings.length >= expected.meetings.length && side.meetings.length <= expected.max_meetings, `${where}: ${side.meetings.length} meetings listed, expected ${expected.meetings.length}`);
      for (const m of expected.meetings) {
        const want = m.participants.map(nameKey).sort().join("|");
        const card = side.meetings.find((c) => c.parties.map(nameKey).sort().join("|") === want);
        assert.ok(card, `${where}: a card for ${m.participants.join(" / ")}; cards: ${JSON.stringify(side.meetings.map((c) => c.parties))}`);
        assert.equal(card.start, m.date.start, `${where}: start date of ${want}`);
        assert.equal(card.end, m.date.end, `${where}: end date of ${want}`);
      }
      // Each card says what kind of contact it was, in the sidebar's language.
      const KIND_LABELS = { call: "Call", signing: "Signing", summit: "Summit", visit: "Visit", talks: "Talks", meeting: "Meeting" };
      for (const c of side.meetings) assert.equal(c.kindLabel, KIND_LABELS[c.kind], `${where}: kind of ${c.parties.join(" / ")}`);
      return side;
    }

    test("a toolbar click hides the boilerplate, keeps the article and lists the meetings", async () => {
      const ms = await clickAndWait(pageUrl);
      timings[browserName] = { first: ms };
      const side = await assertFixtureState("fixture");
      assert.ok(side.counts.hidden >= expected.hidden_kinds.length, `hidden blocks: ${side.kinds.join(", ")}`);
    });

    test("the sidebar's header shows the article's title, date and language (expected.json)", async () => {
      const side = await b.evalShadow(readSidebar);
      const head = await b.evalShadow((sr) => ({ time: sr.querySelector(".meta time") && sr.querySelector(".meta time").getAttribute("datetime"), meta: sr.querySelector(".meta") && sr.querySelector(".meta").textContent }));
      assert.match(head.meta || "", /French/, "language shown in the UI language");
      assert.equal(head.time, expected.published, "publication date");
      assert.equal(nameKey(side.title), nameKey(expected.title), "title");
    });

    test("the evidence of a meeting scrolls into view and is highlighted", async () => {
      await b.evalPage(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await b.clickShadow('[data-section="meetings"] li.card .src');
      const ev = await waitFor("the highlight", () => b.evalPage(evidenceState), 3000);
      assert.ok(ev.text.length > 20, `highlighted text: ${ev.text}`);
      console.log(`# ${browserName}: evidence highlighted with the ${ev.how === "highlight" ? "CSS Custom Highlight API" : "temporary wrapper"}`);
      assert.ok(ev.top >= 0 && ev.bottom <= ev.height, `sentence in the viewport: ${JSON.stringify(ev)}`);
      const sentence = await b.evalShadow((sr) => sr.querySelector('[data-section="meetings"] li.card .src').textContent);
      const norm = (s) => s.replace(/\s+/g, " ").trim();
      assert.ok(norm(sentence).startsWith(norm(ev.text).slice(0, 40)), `the sidebar shows the highlighted sentence`);
    });

    test("“show hidden blocks” brings them back and hides them again; hovering a kind outlines it", async () => {
      await b.hoverShadow(".kind");
      const outlined = await b.evalPage(() => document.querySelectorAll("[data-rendezvous-outline]").length);
      assert.ok(outlined > 0, "hovering a kind outlines its blocks");
      await b.mouseAway();
      assert.equal(await b.evalPage(() => document.querySelectorAll("[data-rendezvous-outline]").length), 0, "leaving the kind removes the outline");
      // A click pins a kind: its blocks shown, outlined, the first scrolled to; a second click undoes it.
      await b.clickShadow(".kind");
      const pinned = await b.evalPage(() => [...document.querySelectorAll("[data-rendezvous-outline]")].map((e) => e.checkVisibility({ checkVisibilityCSS: true })));
      assert.ok(pinned.length > 0 && pinned.every(Boolean), `pinned kind shown: ${pinned}`);
      assert.equal(await b.evalShadow((sr) => sr.querySelector(".kind").getAttribute("aria-pressed")), "true");
      await b.clickShadow(".kind");
      await b.mouseAway();
      assert.equal(await b.evalPage(() => document.querySelectorAll("[data-rendezvous-outline]").length), 0, "unpinned");
      await b.clickShadow(".toggle");
      const shown = await b.evalPage(visibility, expected.hidden_text.slice(0, 2));
      for (const s of shown) assert.ok(s.anyVisible, `"${s.snippet}" is back`);
      await b.clickShadow(".toggle");
      const again = await b.evalPage(visibility, expected.hidden_text);
      for (const s of again) assert.ok(s.allHidden, `"${s.snippet}" hidden again`);
    });

    test("copied JSON parses and equals the CLI's analysis of the same page", async () => {
      await b.clickShadow(".action"); // "Copy as JSON" comes first
      await waitFor("the copy status", () => b.evalShadow((sr) => [...sr.querySelectorAll(".foot")].some((f) => f.textContent.length > 0 && f.getAttribute("role") === "status")));
      const text = await b.readClipboard();
      const copied = JSON.parse(text);
      const cli = stripRunFields(cliAnalysis(FIXTURE_FILE, pageUrl));
      assert.deepEqual(copied, cli);
    });

    test("copied Markdown lists the meetings", async () => {
      await b.clickShadow(".actions .action:nth-child(2)");
      const md = await waitFor("the Markdown in the clipboard", async () => {
        const text = await b.readClipboard();
        return text && text.startsWith("# ") ? text : null;
      });
      assert.match(md, /^## Meetings \(\d+\)$/m);
      for (const m of expected.meetings) for (const who of m.participants) assert.ok(nameKey(md).includes(nameKey(who).split(" ").pop()), `${who} in the Markdown`);
    });

    test("keyboard: Tab reaches every control with a visible focus, Enter toggles, Esc closes and focus returns; a second click toggles", async () => {
      await b.evalPage(() => window.scrollTo(0, 0));
      // Esc (focus is in the sidebar after the last click) closes it and gives focus back.
      assert.ok((await b.evalShadow(focusInfo)).inside, "focus is in the sidebar");
      await b.press("Escape");
      const closed = await b.evalShadow((sr) => ({ hidden: sr.host.hidden, visible: sr.host.checkVisibility(), active: document.activeElement && document.activeElement.localName }));
      assert.equal(closed.hidden, true, "Esc closes the sidebar");
      assert.equal(closed.visible, false);
      assert.notEqual(closed.active, "rendezvous-sidebar", "focus returned to the page");
      // A second click on the same page toggles the sidebar: it does not run again.
      await b.trigger();
      await waitFor("the sidebar to reopen", () => b.evalShadow((sr) => !sr.host.hidden));
      const hosts = await b.evalPage(() => document.querySelectorAll("rendezvous-sidebar").length);
      assert.equal(hosts, 1, "the second click toggled the sidebar, it did not run again");
      // Opening moves focus to the sidebar's heading.
      const start = await b.evalShadow(focusInfo);
      assert.ok(start.inside && start.tag === "h2", `focus starts on the sidebar's heading: ${JSON.stringify(start)}`);
      const seen = [];
      let toggle = null;
      for (let i = 0; i < 400 && !toggle; i++) {
        await b.press("Tab");
        const f = await b.evalShadow(focusInfo);
        assert.ok(f.inside, `Tab ${i + 1} stays in the sidebar (${JSON.stringify(f)})`);
        assert.notEqual(f.outline, "none", `visible focus on ${f.tag}.${f.cls}`);
        seen.push(f.cls);
        if (String(f.cls).includes("toggle")) toggle = f;
      }
      assert.ok(toggle, `the toggle is reachable by Tab (${seen.join(", ")})`);
      assert.ok(seen.some((c) => String(c).includes("fact") || String(c).includes("src")), "facts are reachable by Tab");
      await b.press("Enter");
      const shown = await b.evalPage(visibility, expected.hidden_text.slice(0, 1));
      assert.ok(shown[0].anyVisible, "Enter on the toggle shows the hidden blocks");
      await b.press("Enter");
      await b.clickShadow(".close");
      assert.equal(await b.evalShadow((sr) => sr.host.hidden), true, "the close button closes");
      await b.trigger();
      await waitFor("the sidebar to reopen", () => b.evalShadow((sr) => !sr.host.hidden));
    });

    test("after the page moves to another address without reloading, a click reads it again", async () => {
      await b.evalPage(() => {
        history.pushState({}, "", "?part=2");
        window.__rdvReady = 0;
        return true;
      });
      await b.evalPage(armTimer);
      await b.trigger();
      await waitFor("the sidebar for the new address", () => b.evalPage(() => window.__rdvReady > 0));
      const hosts = await b.evalPage(() => document.querySelectorAll("rendezvous-sidebar").length);
      assert.equal(hosts, 1, "one sidebar");
      const side = await b.evalShadow(readSidebar);
      assert.equal(side.meetings.length >= expected.meetings.length, true, "read again");
      const hid = await b.evalPage(visibility, expected.hidden_text.slice(0, 2));
      for (const h of hid) assert.ok(h.allHidden, `"${h.snippet}" hidden after the new reading`);
    });

    test("the sidebar collapses and expands", async () => {
      await b.clickShadow(".collapse");
      const c = await b.evalShadow((sr) => ({ w: sr.host.getBoundingClientRect().width, exp: sr.querySelector(".collapse").getAttribute("aria-expanded") }));
      assert.ok(c.w < 80 && c.exp === "false", `collapsed: ${JSON.stringify(c)}`);
      await b.clickShadow(".collapse");
      const e = await b.evalShadow((sr) => sr.host.getBoundingClientRect().width);
      assert.ok(e > 250, `expanded: ${e}`);
    });

    test("accessibility: landmark, headings, named controls", async () => {
      const a = await b.evalShadow((sr) => ({
        landmark: !!sr.querySelector("aside[aria-label]"),
        h2: sr.querySelectorAll("h2").length,
        h3: [...sr.querySelectorAll("h3")].map((h) => h.textContent),
        unnamed: [...sr.querySelectorAll("button")].filter((x) => !(x.getAttribute("aria-label") || x.textContent.trim())).length,
      }));
      assert.ok(a.landmark, "a complementary landmark with a name");
      assert.equal(a.h2, 1);
      assert.ok(a.h3.length >= 7, `section headings: ${a.h3}`);
      assert.equal(a.unnamed, 0, "every button has a name");
      if (b.axNodes) {
        const nodes = await b.axNodes();
        assert.ok(nodes.some((n) => n.role === "complementary" && n.name === "Rendezvous"), "Chromium's accessibility tree has the landmark");
      }
    });

    test("light and dark screenshots", async () => {
      await b.evalPage(() => window.scrollTo(0, 0));
      await b.evalShadow((sr) => sr.querySelector(".body").scrollTo(0, 0));
      await b.setColorScheme("light");
      const light = await b.evalShadow((sr) => getComputedStyle(sr.querySelector("aside")).backgroundColor);
      await b.screenshot(path.join(ARTIFACTS, `${browserName}-light.png`));
      await b.setColorScheme("dark");
      const dark = await waitFor("dark colours", async () => {
        const bg = await b.evalShadow((sr) => getComputedStyle(sr.querySelector("aside")).backgroundColor);
        return bg !== light ? bg : null;
      }, 3000);
      await b.screenshot(path.join(ARTIFACTS, `${browserName}-dark.png`));
      await b.setColorScheme("light");
      assert.notEqual(light, dark);
    });

    test("the same works on a page served with a strict Content-Security-Policy", async () => {
      const ms = await clickAndWait(cspUrl);
      timings[browserName].csp = ms;
      const side = await assertFixtureState("strict CSP");
      assert.notEqual(side.background, "rgba(0, 0, 0, 0)", "the sidebar's styles apply under the page's CSP");
      await b.clickShadow(".toggle");
      const shown = await b.evalPage(visibility, expected.hidden_text.slice(0, 1));
      assert.ok(shown[0].anyVisible, "the toggle works under CSP");
    });

    test("click-to-sidebar time (warm background)", async () => {
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await clickAndWait(pageUrl));
      runs.sort((x, y) => x - y);
      const inPage = await b.evalShadow((sr) => [...sr.querySelectorAll(".foot")].map((f) => f.textContent).join(" "));
      timings[browserName].warm = runs;
      console.log(
        `# ${browserName}: click → sidebar painted on the fixture: first ${Math.round(timings[browserName].first)} ms, ` +
          `strict-CSP page ${Math.round(timings[browserName].csp)} ms, warm median ${Math.round(runs[2])} ms (runs ${runs.map(Math.round).join(", ")}); ` +
          `content script's own count: "${inPage.trim()}"`,
      );
      assert.ok(runs[2] < 5000);
    });

    test("an article without a meeting says so, and its comments are hidden", async () => {
      await clickAndWait(`${server.origin}/page/no-meeting.html`);
      const side = await b.evalShadow((sr) => ({
        empty: sr.querySelector('[data-section="meetings"] .state') && sr.querySelector('[data-section="meetings"] .state').textContent,
        notArticle: [...sr.querySelectorAll(".state")].some((s) => /not look like an article/.test(s.textContent)),
      }));
      assert.equal(side.empty, "No meeting reported in this article.");
      assert.equal(side.notArticle, false);
      const v = await b.evalPage(visibility, ["Forecasters expect up to 60 millimetres", "Not again! The river road", "Leave a Reply"]);
      assert.ok(v[0].anyVisible, "the article stays");
      assert.ok(v[1].allHidden && v[2].allHidden, "comments and the reply form are hidden");
    });

    test("a page that is not an article says so", async () => {
      await clickAndWait(`${server.origin}/page/not-article.html`);
      const states = await b.evalShadow((sr) => [...sr.querySelectorAll(".state")].map((s) => s.textContent));
      assert.ok(states.includes("This page does not look like an article."), states.join(" | "));
      const v = await b.evalPage(visibility, ["Valley Rovers win the cup final"]);
      assert.ok(v[0].anyVisible, "the page's own content is left alone");
    });

    test("a page that is not an article but names a meeting shows it, with a word of caution", async () => {
      await clickAndWait(`${server.origin}/page/teasers.html`);
      const side = await b.evalShadow((sr) => ({
        states: [...sr.querySelectorAll(".state")].map((s) => s.textContent),
        parties: [...sr.querySelectorAll('[data-section="meetings"] [data-party]')].map((p) => p.textContent),
      }));
      assert.ok(
        side.states.includes("This page does not look like an article: the facts below were read from its text and may be incomplete."),
        side.states.join(" | "),
      );
      assert.ok(!side.states.includes("This page does not look like an article."), side.states.join(" | "));
      assert.ok(side.parties.some((p) => p.includes("Anna Keller")) && side.parties.some((p) => p.includes("Tomas Varga")), side.parties.join(" | "));
    });

    test("a page in a language without tables says which facts it cannot give, and lists no guesses", async () => {
      // The page declares English; its text is Italian, which has no tables in data/.
      await clickAndWait(`${server.origin}/page/italian.html`);
      const side = await b.evalShadow((sr) => ({
        notes: [...sr.querySelectorAll(".note")].map((n) => n.textContent),
        meta: sr.querySelector(".meta") && sr.querySelector(".meta").textContent,
        people: sr.querySelectorAll('[data-section="people"] li').length,
        meetings: sr.querySelectorAll('[data-section="meetings"] .card').length,
      }));
      assert.ok(
        side.notes.some((n) => /^This page is in Italian: Rendezvous has no tables for that language, so these are not given: people, .*meetings/.test(n)),
        side.notes.join(" | "),
      );
      assert.match(side.meta || "", /Italian/);
      assert.equal(side.people, 0);
      assert.equal(side.meetings, 0);
      const v = await b.evalPage(visibility, ["Il sindaco Marco Bellandi ha incontrato"]);
      assert.ok(v[0].anyVisible, "the article stays");
    });

    test("with JavaScript off (<noscript> holds elements), every target is still found by index", async () => {
      await b.setPageScripting(false);
      try {
        await clickAndWaitNoScript(`${server.origin}/page/noscript.html`);
        const ns = await b.evalPage(() => [...document.getElementsByTagName("noscript")].some((n) => n.firstElementChild));
        assert.ok(ns, "the page was parsed with scripting off");
        const notes = await b.evalShadow((sr) => [...sr.querySelectorAll(".note")].map((n) => n.textContent));
        assert.deepEqual(notes.filter((n) => /changed since/.test(n)), [], "no target left alone");
        const v = await b.evalPage(visibility, ["The town library opened its new reading room", "Lovely room, well done to the volunteers", "Leave a Reply"]);
        assert.ok(v[0].anyVisible, "the article stays");
        assert.ok(v[1].allHidden && v[2].allHidden, "the comment and the reply form are hidden");
      } finally {
        await b.setPageScripting(true);
      }
    });

    test("a page a script built differently from what the parser would make gets a notice, and its blocks are still found by tag near their index", async () => {
      await clickAndWait(`${server.origin}/page/script-built.html`);
      const notes = await b.evalShadow((sr) => [...sr.querySelectorAll(".note")].map((n) => n.textContent));
      assert.ok(notes.some((n) => /built by a script/.test(n)), `notice: ${notes.join(" | ")}`);
      const v = await b.evalPage(visibility, ["Repairs to the old stone bridge", "Engineers replaced the worn parapet", "Great news for the bus route"]);
      assert.ok(v[0].anyVisible && v[1].anyVisible, "the article stays visible");
      assert.ok(v[2].allHidden, "the comment block is still found (its tag is unique near its index) and hidden");
    });

    test("the extension made no network request", async () => {
      const all = await b.requests();
      const ours = all.filter((r) => {
        const u = String(r.url);
        if (u.startsWith("chrome-extension:") || u.startsWith("moz-extension:") || u.startsWith("data:")) return false;
        // Firefox: everything not started by the browser itself (the System Principal: its own
        // update and settings checks) and not a page the test opened. Chromium: every request
        // from the extension's service worker, and every request that left the test server.
        const pageLoad = /^\/((csp\/)?fixture\/[\w-]+\/|page\/[\w-]+\.(html|js)|favicon\.ico)$/.test(u.startsWith(server.origin) ? u.slice(server.origin.length) : "-");
        if (browserName === "firefox") return r.principal !== "[System Principal]" && !pageLoad;
        return r.worker || !u.startsWith(server.origin);
      });
      assert.deepEqual(ours, [], "requests made by the extension");
      // And the test server saw only the pages the test opened.
      const unexpected = server.requests.filter((r) => !/^\/(csp\/)?fixture\/[\w-]+\/$|^\/page\/[\w-]+\.(html|js)$/.test(r.url) && r.url !== "/favicon.ico");
      assert.deepEqual(unexpected, []);
    });
  });
}

// ---- the www/ demo page: same WASM, same sidebar code (open shadow root there), axe-core ----

const AXE = fs.readFileSync(path.join(ROOT, "tests/e2e/node_modules/axe-core/axe.min.js"), "utf8");

function frameVisibility(snippets) {
  const doc = document.getElementById("frame").contentDocument;
  const norm = (s) => String(s).replace(/\s+/g, " ").trim();
  const els = [...doc.getElementsByTagName("*")].filter((e) => e.localName !== "script" && e.localName !== "style");
  return snippets.map((sn) => {
    const want = norm(sn);
    const hits = els.filter((e) => norm(e.textContent).includes(want) && ![...e.children].some((c) => norm(c.textContent).includes(want)));
    const vis = hits.map((e) => e.checkVisibility({ checkVisibilityCSS: true }) && e.getClientRects().length > 0);
    return { snippet: sn, found: hits.length, anyVisible: vis.some(Boolean), allHidden: vis.every((v) => !v) };
  });
}

for (const browserName of BROWSERS) {
  describe(`www demo in ${browserName}`, { concurrency: false }, () => {
    let server;
    let b;
    before(async () => {
      server = await startServer();
      b = await launchWithExtension(browserName);
    });
    after(async () => {
      if (b) await b.close();
      if (server) await server.close();
    });

    test("the demo opens the founding example first, hides its boilerplate and shows the meetings", async () => {
      await b.open(`${server.origin}/www/index.html?lang=en`);
      await waitFor("the demo's analysis", () => b.evalPage(() => !!window.__rendezvousDemo));
      const first = await b.evalPage(() => document.getElementById("sample").value);
      assert.equal(first, "seed-maroc-france.html");
      for (const h of await b.evalPage(frameVisibility, expected.hidden_text)) assert.ok(h.found && h.allHidden, `"${h.snippet}" hidden in the demo`);
      for (const v of await b.evalPage(frameVisibility, expected.visible_text)) assert.ok(v.anyVisible, `"${v.snippet}" visible in the demo`);
      const cards = await b.evalPage(() => document.querySelector("rendezvous-sidebar").shadowRoot.querySelectorAll('[data-section="meetings"] li.card').length);
      assert.equal(cards, expected.meetings.length);
      const samples = await b.evalPage(() => document.getElementById("sample").options.length);
      assert.ok(samples >= 1);
    });

    test("axe-core finds no serious or critical violation in the demo page and its sidebar (light and dark)", async () => {
      await b.addPageScript(AXE);
      for (const scheme of ["light", "dark"]) {
        await b.setColorScheme(scheme);
        const res = await b.evalPage(async () => {
          const r = await window.axe.run(document, { iframes: false, resultTypes: ["violations"] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
        });
        const bad = res.filter((v) => v.impact === "serious" || v.impact === "critical");
        assert.deepEqual(bad, [], `${scheme}: ${JSON.stringify(bad, null, 1)}`);
        if (res.length) console.log(`# ${browserName} ${scheme}: axe minor/moderate: ${res.map((v) => `${v.id} (${v.impact})`).join(", ")}`);
      }
      await b.setColorScheme("light");
      await b.screenshot(path.join(ARTIFACTS, `${browserName}-demo.png`));
    });

    test("without the Highlight API, a temporary wrapper marks the sentence and is removed after", async () => {
      const before = await b.evalPage(() => {
        const f = document.getElementById("frame");
        f.contentWindow.Highlight = undefined;
        return [f.contentDocument.body.textContent, f.contentDocument.getElementsByTagName("*").length];
      });
      await b.evalPage(() => document.querySelector("rendezvous-sidebar").shadowRoot.querySelector('[data-section="meetings"] .src').click());
      const mark = await b.evalPage(() => [...document.getElementById("frame").contentDocument.querySelectorAll("[data-rendezvous-mark]")].map((m) => m.textContent).join(""));
      assert.ok(mark.length > 20, `wrapper around the sentence: ${mark}`);
      await waitFor("the wrapper to go", () => b.evalPage(() => !document.getElementById("frame").contentDocument.querySelector("[data-rendezvous-mark]")), 8000);
      const after = await b.evalPage(() => {
        const d = document.getElementById("frame").contentDocument;
        return [d.body.textContent, d.getElementsByTagName("*").length];
      });
      assert.deepEqual(after, before, "the page's text and elements are as they were");
    });

    test("pasted HTML is analysed in the same way", async () => {
      const html = fs.readFileSync(FIXTURE_FILE, "utf8");
      await b.evalPage((h) => {
        window.__rendezvousDemo = null;
        document.getElementById("paste-toggle").click();
        document.getElementById("paste-html").value = h;
        document.getElementById("paste-go").click();
        return true;
      }, html);
      await waitFor("the pasted page's analysis", () => b.evalPage(() => !!window.__rendezvousDemo && document.getElementById("frame").hasAttribute("srcdoc")));
      const cards = await b.evalPage(() => document.querySelector("rendezvous-sidebar").shadowRoot.querySelectorAll('[data-section="meetings"] li.card').length);
      assert.equal(cards, expected.meetings.length);
      for (const h of await b.evalPage(frameVisibility, expected.hidden_text)) assert.ok(h.found && h.allHidden, `"${h.snippet}" hidden in the pasted page`);
    });

    test("French UI strings come from _locales/fr", async () => {
      await b.open(`${server.origin}/www/index.html?lang=fr`);
      await waitFor("the demo's analysis", () => b.evalPage(() => !!window.__rendezvousDemo));
      const h3 = await b.evalPage(() => [...document.querySelector("rendezvous-sidebar").shadowRoot.querySelectorAll("h3")].map((h) => h.firstChild.textContent));
      assert.ok(h3.includes("Rencontres") && h3.includes("Personnes"), h3.join(", "));
    });
  });
}

// ---- a broken core: the error state, and the page left as it was ----

for (const browserName of BROWSERS) {
  describe(`extension with a broken core in ${browserName}`, { concurrency: false }, () => {
    let server;
    let b;
    let dir;
    before(async () => {
      server = await startServer();
      const src = extensionDir(browserName);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-broken-"));
      fs.cpSync(src, dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "pkg/rendezvous_bg.wasm"), "not a wasm module");
      b = browserName === "chromium" ? await launchChromium(dir) : await launchFirefox(dir);
    });
    after(async () => {
      if (b) await b.close();
      if (server) await server.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test("the sidebar shows its error state and the page is untouched", async () => {
      await b.open(`${server.origin}/fixture/${FIXTURE}/`);
      const before = await b.evalPage(() => document.body.textContent.length);
      await b.trigger();
      await waitFor("the error state", () => b.evalPage(() => document.querySelector("rendezvous-sidebar") && document.querySelector("rendezvous-sidebar").getAttribute("data-state") === "error"));
      const alert = await b.evalShadow((sr) => sr.querySelector('[role="alert"]') && sr.querySelector('[role="alert"]').textContent);
      assert.match(alert || "", /page is unchanged/);
      const v = await b.evalPage(visibility, [...expected.visible_text.slice(0, 2), ...expected.hidden_text.slice(0, 2)]);
      for (const x of v) assert.ok(x.anyVisible, `"${x.snippet}" left as it was`);
      assert.equal(await b.evalPage(() => document.querySelectorAll("[data-rendezvous-hidden]").length), 0, "nothing hidden");
      assert.equal(await b.evalPage(() => document.body.textContent.length), before, "the page's text is unchanged");
      await b.press("Escape");
      assert.equal(await b.evalShadow((sr) => sr.host.hidden), true, "Esc closes the error sidebar");
    });
  });
}
