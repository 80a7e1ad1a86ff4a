// Rendezvous content script: serialises the page, asks the background for the analysis, hides
// by reference and draws the sidebar. Injected on a toolbar click (activeTab); a second click on
// the same page toggles the sidebar instead of running again.
(() => {
  "use strict";
  const api = globalThis.browser ?? globalThis.chrome;
  const existing = globalThis.__rendezvous;
  if (existing) {
    // A second click on the same page toggles the sidebar. If the page moved to another address
    // without reloading (a single-page site), the old answer is put away and the page read again.
    if (existing.url === location.href) {
      existing.toggle();
      return;
    }
    try {
      existing.dispose();
    } catch {
      /* start afresh */
    }
    globalThis.__rendezvous = null;
  }
  const S = globalThis.RendezvousSidebar;
  const t0 = performance.now();
  // Wall-clock milliseconds, comparable with the background's and a test driver's clocks.
  const origin = performance.timeOrigin;
  let html = null;
  let failure = null;
  try {
    html = S.serialise(document);
  } catch (e) {
    failure = e;
  }
  const all = document.getElementsByTagName("*");
  const count = all.length;
  // Open shadow roots are not part of the serialised page: when they hold text, the reader is
  // told that it did not see it (rather than silently finding no article). A few words (a
  // widget's label) are not worth a notice.
  let shadowText = 0;
  try {
    for (let i = 0; i < count; i++) {
      const sr = all[i].shadowRoot;
      if (sr && all[i].localName !== "rendezvous-sidebar") shadowText += sr.textContent.trim().length;
    }
  } catch {
    /* a page that defends its shadow roots: nothing to say */
  }
  const t1 = performance.now();

  // Ask first: the background works while this script mounts the sidebar's shell.
  const t1b = performance.now();
  const reply = failure
    ? null
    : api.runtime.sendMessage({ type: "rendezvous:analyze", html, url: location.href, count, css: true });
  const tSent = performance.now();

  const said = new Map();
  const t = (key, subs) => {
    if (subs != null) return api.i18n.getMessage(key, subs);
    if (!said.has(key)) said.set(key, api.i18n.getMessage(key));
    return said.get(key);
  };
  const lang = (api.i18n.getUILanguage() || "en").split("-")[0];
  const ui = S.mount(document, { t, lang, mode: "closed", version: api.runtime.getManifest().version });
  const state = {
    ui,
    page: null,
    url: location.href,
    toggle: () => ui.toggle(),
    dispose: () => {
      if (state.page) state.page.restore();
      ui.destroy();
    },
    timings: { serialise: t1 - t0 },
  };
  globalThis.__rendezvous = state;
  ui.show();
  const t1c = performance.now();
  if (failure) {
    ui.setError(failure && failure.message);
    return;
  }

  reply
    .then((resp) => {
      if (!resp || resp.error || !resp.analysis) throw new Error((resp && resp.error) || "no answer");
      const t2 = performance.now();
      if (shadowText >= 200) resp.analysis.notices = [...(resp.analysis.notices || []), `shadow: ${shadowText} characters of text in shadow roots were not read`];
      const page = S.bindPage(document, resp.analysis);
      state.page = page;
      page.hide();
      const t3 = performance.now();
      ui.setAnalysis(resp.analysis, page, { ms: t3 - t0 });
      if (ui.open) ui.show();
      const t4 = performance.now();
      const a = resp.analysis;
      state.timings = {
        v: 1,
        start: origin + t0,
        chars: html.length,
        elements: count,
        serialise: t1 - t0,
        send: tSent - t1b,
        mount: t1c - tSent,
        roundTrip: t2 - t1b,
        bg: resp.bg || null,
        wasm: a.timings || null,
        hide: t3 - t2,
        build: t4 - t3,
      };
      // Painted: the first task after the next animation frame (that frame's style, layout and
      // paint included). The split goes on the host as `data-timings` (JSON, milliseconds) for
      // the benchmark; it holds no page content.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const t5 = performance.now();
          state.timings.render = t5 - t3;
          state.timings.total = t5 - t0;
          ui.host.setAttribute("data-timings", JSON.stringify(state.timings));
        };
        ch.port2.postMessage(0);
      });
    })
    .catch((e) => {
      try {
        ui.setError(e && e.message);
      } catch {
        /* the page must never break */
      }
    });
})();
