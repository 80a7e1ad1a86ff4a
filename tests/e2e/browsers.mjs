// One small interface over the two headless browsers, each with the unpacked extension loaded and
// its toolbar action triggered the way a real click or shortcut triggers it (see shared E2E.md):
//   Chromium: Playwright + CDP `Extensions.triggerAction` on the tab target;
//   Firefox ESR: Selenium + geckodriver, temporary add-on, `_execute_action` shortcut pressed in
//   the browser's chrome context.
// The sidebar's shadow root is closed: tests reach it the way a developer tool does (CDP's
// pierced DOM in Chromium, WebDriver's Get Element Shadow Root in Firefox), never through a hook
// in the product.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const HOST = "rendezvous-sidebar";
const VIEWPORT = { width: 1280, height: 800 };

function which(cmd, fallbacks) {
  for (const p of fallbacks) if (fs.existsSync(p)) return p;
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim();
  } catch {
    return cmd;
  }
}

// ------------------------------------------------------------------ Chromium

export async function launchChromium(extDir) {
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";
  const { chromium } = await import("playwright-core");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-chromium-"));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: which("chromium", ["/usr/bin/chromium"]),
    headless: true,
    viewport: VIEWPORT,
    locale: "en-US",
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--enable-unsafe-extension-debugging",
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
    ],
  });
  const reqLog = [];
  ctx.on("request", (r) => reqLog.push({ url: r.url(), at: Date.now(), worker: !!r.serviceWorker() }));
  const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent("serviceworker", { timeout: 15000 }));
  const extId = new URL(sw.url()).host;
  const page = ctx.pages()[0] || (await ctx.newPage());
  const browser = ctx.browser();
  const bcdp = browser ? await browser.newBrowserCDPSession() : await ctx.newCDPSession(page);
  let pcdp = await ctx.newCDPSession(page);
  let errorLog = null;

  async function shadowObject() {
    // The sidebar's host is a child of <html>: found without fetching the whole tree (a page
    // nested thousands deep cannot be fetched whole: CDP's own stack limit).
    try {
      const { root: doc } = await pcdp.send("DOM.getDocument", { depth: 0 });
      const { nodeId } = await pcdp.send("DOM.querySelector", { nodeId: doc.nodeId, selector: `:root > ${HOST}` });
      if (nodeId) {
        const { node } = await pcdp.send("DOM.describeNode", { nodeId, depth: 1, pierce: true });
        if (node.shadowRoots && node.shadowRoots.length) {
          const { object } = await pcdp.send("DOM.resolveNode", { backendNodeId: node.shadowRoots[0].backendNodeId });
          return object.objectId;
        }
      }
    } catch {
      /* search the whole tree */
    }
    const { root } = await pcdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const stack = [root];
    while (stack.length) {
      const n = stack.pop();
      if (n.localName === HOST && n.shadowRoots && n.shadowRoots.length) {
        const { object } = await pcdp.send("DOM.resolveNode", { backendNodeId: n.shadowRoots[0].backendNodeId });
        return object.objectId;
      }
      for (const c of n.children || []) stack.push(c);
      for (const c of n.contentDocument ? [n.contentDocument] : []) stack.push(c);
    }
    return null;
  }

  const b = {
    name: "chromium",
    extId,
    /** JavaScript on or off for the pages opened next (extensions keep running). */
    async setPageScripting(on) {
      await pcdp.send("Emulation.setScriptExecutionDisabled", { value: !on });
    },
    async requests() {
      return reqLog.slice();
    },
    async open(url) {
      await page.goto(url, { waitUntil: "load" });
    },
    async trigger() {
      const { targetInfos } = await bcdp.send("Target.getTargets", { filter: [{}] });
      const url = page.url();
      const tab = targetInfos.find((t) => t.type === "tab" && t.url === url);
      if (!tab) throw new Error(`no tab target for ${url}: ${JSON.stringify(targetInfos.map((t) => [t.type, t.url]))}`);
      // Wall clock of the click, for the benchmark's timing split.
      b.clickedAt = performance.timeOrigin + performance.now();
      await bcdp.send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
    },
    /** DevTools protocol sessions (browser-wide and the page's), for the benchmark. */
    cdp: { browser: bcdp, page: () => pcdp },
    async evalPage(fn, ...args) {
      return page.evaluate(`(${fn})(...${JSON.stringify(args)})`);
    },
    /** fn(shadowRoot, ...args) run in the page with the sidebar's (closed) shadow root. */
    async evalShadow(fn, ...args) {
      const objectId = await shadowObject();
      if (!objectId) throw new Error("no sidebar in the page");
      const r = await pcdp.send("Runtime.callFunctionOn", {
        objectId,
        functionDeclaration: `function(...a) { return (${fn})(this, ...a); }`,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
        awaitPromise: true,
      });
      if (r.exceptionDetails) throw new Error(`evalShadow: ${JSON.stringify(r.exceptionDetails.exception?.description || r.exceptionDetails.text)}`);
      return r.result.value;
    },
    async centerOf(selector) {
      return b.evalShadow((sr, sel) => {
        const el = sr.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: "nearest" });
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, selector);
    },
    async clickShadow(selector) {
      const c = await b.centerOf(selector);
      if (!c) throw new Error(`no ${selector} in the sidebar`);
      await page.mouse.click(c.x, c.y);
    },
    async hoverShadow(selector) {
      const c = await b.centerOf(selector);
      if (!c) throw new Error(`no ${selector} in the sidebar`);
      await page.mouse.move(c.x, c.y);
    },
    async mouseAway() {
      await page.mouse.move(5, 5);
    },
    async press(key) {
      await page.keyboard.press(key === "Space" ? " " : key);
    },
    async setColorScheme(scheme) {
      await page.emulateMedia({ colorScheme: scheme });
    },
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    async allowClipboard(origin) {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    },
    async readClipboard() {
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async addPageScript(source) {
      await page.addScriptTag({ content: source });
    },
    /** Accessible tree of the sidebar (Chromium's own, closed shadow roots included). */
    async axNodes() {
      const { nodes } = await pcdp.send("Accessibility.getFullAXTree");
      return nodes.map((n) => ({ role: n.role?.value, name: n.name?.value, ignored: n.ignored }));
    },
    /** Starts recording the page's errors: uncaught exceptions and console errors of every
     * JavaScript world in the page (the page's own, the extension's content script). */
    async watchErrors() {
      if (errorLog) return;
      errorLog = [];
      const worlds = new Map();
      const where = (id) => worlds.get(id) || "page";
      pcdp.on("Runtime.executionContextCreated", ({ context }) => {
        const aux = context.auxData || {};
        // Playwright's own utility world is not the product's; any other isolated world in the
        // page is an extension's content script.
        worlds.set(context.id, aux.type !== "isolated" ? "page" : /^__playwright/.test(context.name) ? "playwright" : "extension");
      });
      pcdp.on("Runtime.exceptionThrown", ({ exceptionDetails: d }) => {
        errorLog.push({ where: where(d.executionContextId), kind: "exception", text: (d.exception && d.exception.description) || d.text, url: d.url || "" });
      });
      pcdp.on("Runtime.consoleAPICalled", (e) => {
        if (e.type !== "error" && e.type !== "assert") return;
        errorLog.push({ where: where(e.executionContextId), kind: `console.${e.type}`, text: e.args.map((a) => a.value ?? a.description ?? "").join(" ") });
      });
      await pcdp.send("Runtime.enable");
    },
    /** The errors recorded since watchErrors() (and clears the record). */
    async takeErrors() {
      const out = errorLog ? errorLog.splice(0) : [];
      return out;
    },
    async close() {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return b;
}

// ------------------------------------------------------------------ Firefox

export async function launchFirefox(extDir, { shortcut = ["ALT", "SHIFT", "r"], prefs = {} } = {}) {
  const { Builder, By, Key } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  const geckodriver = which("geckodriver", [path.join(os.homedir(), ".cargo/bin/geckodriver")]);
  const service = new firefox.ServiceBuilder(geckodriver).addArguments("--allow-system-access");
  const options = new firefox.Options()
    .setBinary(which("firefox-esr", ["/usr/bin/firefox-esr"]))
    .addArguments("-headless")
    .setPreference("intl.locale.requested", "en-US")
    .setPreference("layout.css.prefers-color-scheme.content-override", 1)
    .setPreference("browser.shell.checkDefaultBrowser", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("app.update.disabledForTesting", true);
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  options.windowSize(VIEWPORT);
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  const addonId = await driver.installAddon(extDir, true);
  await driver.manage().window().setRect({ ...VIEWPORT, x: 0, y: 0 });

  // Every HTTP(S) request the browser starts, with who asked for it (in the chrome context).
  await driver.setContext("chrome");
  await driver.executeScript(`
    if (!window.__rdvRequests) {
      window.__rdvRequests = [];
      Services.obs.addObserver({ observe(subject) {
        try {
          const ch = subject.QueryInterface(Ci.nsIHttpChannel);
          const li = ch.loadInfo;
          const p = li && (li.triggeringPrincipal || li.loadingPrincipal);
          window.__rdvRequests.push({ url: ch.URI.spec, at: Date.now(),
            principal: p ? (p.addonId || p.spec || p.origin || "") : "" });
        } catch (e) { window.__rdvRequests.push({ url: String(subject), error: String(e) }); }
      } }, "http-on-modify-request");
    }`);
  await driver.setContext("content");

  async function shadowRoot() {
    const host = await driver.findElement(By.css(HOST));
    return host.getShadowRoot();
  }
  const keyOf = (k) => (Key[k] !== undefined ? Key[k] : k);
  const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: Key.SPACE, "Shift+Tab": null };

  const b = {
    name: "firefox",
    addonId,
    async requests() {
      await driver.setContext("chrome");
      try {
        return await driver.executeScript("return window.__rdvRequests");
      } finally {
        await driver.setContext("content");
      }
    },
    async open(url) {
      await driver.get(url);
    },
    async trigger() {
      await driver.setContext("chrome");
      try {
        b.clickedAt = null;
        const a = driver.actions();
        for (const k of shortcut.slice(0, -1)) a.keyDown(keyOf(k));
        a.sendKeys(shortcut[shortcut.length - 1]);
        for (const k of shortcut.slice(0, -1).reverse()) a.keyUp(keyOf(k));
        await a.perform();
      } finally {
        await driver.setContext("content");
      }
    },
    async evalPage(fn, ...args) {
      return driver.executeScript(`return (${fn})(...arguments)`, ...args);
    },
    async evalShadow(fn, ...args) {
      const sr = await shadowRoot();
      // Selenium sends a ShadowRoot as its bare id; the protocol wants the shadow-root reference.
      const ref = { "shadow-6066-11e4-a52e-4f735466cecf": await sr.getId() };
      return driver.executeScript(`return (${fn})(arguments[0], ...arguments[1])`, ref, args);
    },
    async clickShadow(selector) {
      const sr = await shadowRoot();
      await (await sr.findElement(By.css(selector))).click();
    },
    async hoverShadow(selector) {
      const sr = await shadowRoot();
      const el = await sr.findElement(By.css(selector));
      await driver.executeScript("arguments[0].scrollIntoView({block: 'nearest'})", el);
      await driver.actions().move({ origin: el }).perform();
    },
    async mouseAway() {
      await driver.actions().move({ x: 5, y: 5 }).perform();
    },
    async press(key) {
      if (key === "Shift+Tab") await driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
      else await driver.actions().sendKeys(KEYS[key] ?? key).perform();
    },
    /** Runs a script in the browser's privileged (chrome) context, for the benchmark. */
    async chromeScript(source, ...args) {
      await driver.setContext("chrome");
      try {
        return await driver.executeScript(source, ...args);
      } finally {
        await driver.setContext("content");
      }
    },
    async setPageScripting(on) {
      await driver.setContext("chrome");
      try {
        await driver.executeScript(`Services.prefs.setBoolPref("javascript.enabled", ${on ? "true" : "false"})`);
      } finally {
        await driver.setContext("content");
      }
    },
    async setColorScheme(scheme) {
      await driver.setContext("chrome");
      try {
        await driver.executeScript(`Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", ${scheme === "dark" ? 0 : 1})`);
      } finally {
        await driver.setContext("content");
      }
    },
    async screenshot(file) {
      fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
    },
    async allowClipboard() {},
    async readClipboard() {
      await driver.setContext("chrome");
      try {
        return await driver.executeScript(`
          const t = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
          t.init(null);
          t.addDataFlavor("text/plain");
          Services.clipboard.getData(t, Ci.nsIClipboard.kGlobalClipboard);
          const out = {};
          t.getTransferData("text/plain", out);
          return out.value.QueryInterface(Ci.nsISupportsString).data;`);
      } finally {
        await driver.setContext("content");
      }
    },
    async addPageScript(source) {
      await driver.executeScript(source + "\n;return true;");
    },
    /** Starts recording script errors (uncaught exceptions, in the page and in the extension's
     * scripts) from the browser's console service, in the chrome context. console.error calls
     * made in a content process do not reach it (a test wraps the page's console.error). */
    async watchErrors() {
      await driver.setContext("chrome");
      try {
        await driver.executeScript(`
          if (!window.__rdvErrors) {
            window.__rdvErrors = [];
            Services.console.registerListener({ observe(m) {
              try {
                if (!(m instanceof Ci.nsIScriptError)) return;
                if (m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
                const src = String(m.sourceName || "");
                if (!/^(https?|moz-extension):/.test(src) || /^CSP|Security|network/i.test(m.category || "")) return;
                window.__rdvErrors.push({ where: src.startsWith("moz-extension:") ? "extension" : "page", kind: m.category,
                  text: m.errorMessage, url: src });
              } catch (e) { /* not for us */ }
            } });
          }`);
      } finally {
        await driver.setContext("content");
      }
    },
    async takeErrors() {
      await driver.setContext("chrome");
      try {
        return await driver.executeScript("return window.__rdvErrors ? window.__rdvErrors.splice(0) : []");
      } finally {
        await driver.setContext("content");
      }
    },
    async close() {
      await driver.quit();
    },
  };
  return b;
}

/** The built extension's folder for a browser ("chromium" or "firefox"): dist/ or $RENDEZVOUS_DIST. */
export function extensionDir(browserName) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
  return path.join(process.env.RENDEZVOUS_DIST || path.join(root, "dist"), browserName === "chromium" ? "chrome" : "firefox");
}

/** Launches a browser by name with the built extension loaded. */
export function launchWithExtension(browserName) {
  const ext = extensionDir(browserName);
  return browserName === "chromium" ? launchChromium(ext) : launchFirefox(ext);
}
