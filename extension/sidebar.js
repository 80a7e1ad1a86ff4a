// Rendezvous sidebar and page helpers, shared by the extension's content script and the www/
// demo page. A classic script (content scripts injected from files are not modules): it defines
// `globalThis.RendezvousSidebar` once. It never reads the page except through `textContent`,
// never writes page text as HTML, and never makes a network request.
(() => {
  "use strict";
  if (globalThis.RendezvousSidebar) return;

  const HOST_TAG = "rendezvous-sidebar";
  const NOSCRIPT_ALIAS = "rendezvous-noscript";
  const ATTR_HIDDEN = "data-rendezvous-hidden";
  const ATTR_SHOW = "data-rendezvous-show";
  const ATTR_OUTLINE = "data-rendezvous-outline";
  const ATTR_MARK = "data-rendezvous-mark";
  const HIGHLIGHT = "rendezvous-evidence";

  // The one page stylesheet: hiding by reference (an attribute on each hidden block), showing
  // them all again (an attribute on <html>), outlining a kind on hover, and the evidence
  // highlight. The extension inserts it with scripting.insertCSS (immune to the page's CSP);
  // the demo page adds it to its own frame.
  const PAGE_CSS = `
html:not([${ATTR_SHOW}]) [${ATTR_HIDDEN}]:not([${ATTR_OUTLINE}]) { display: none !important; }
[${ATTR_OUTLINE}] { outline: 3px dashed #d97706 !important; outline-offset: 2px !important; }
::highlight(${HIGHLIGHT}) { background-color: #fde047; color: #111; }
[${ATTR_MARK}] { background-color: #fde047 !important; color: #111 !important; }
`;

  const SIDEBAR_CSS = `
:host { all: initial !important; display: block !important; position: fixed !important;
  top: 0 !important; right: 0 !important; bottom: 0 !important; left: auto !important;
  width: min(380px, 90vw) !important; height: 100vh !important; z-index: 2147483647 !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; transform: none !important;
  color-scheme: light dark; }
:host([hidden]) { display: none !important; }
:host([data-collapsed]) { width: 48px !important; height: auto !important; bottom: auto !important; }
* { box-sizing: border-box; }
.rdv { --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d8dee4; --card: #f6f8fa;
  --accent: #1d4ed8; --accent-fg: #ffffff; --chip: #e8eefc; --chip-fg: #1e3a8a; --warn: #9a3412;
  --quote: #fff8c5; --focus: #1d4ed8; color-scheme: light;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--fg); background: var(--bg); height: 100%; display: flex; flex-direction: column;
  overflow-wrap: anywhere;
  border-left: 1px solid var(--line); box-shadow: -6px 0 24px rgba(0,0,0,.18); }
@media (prefers-color-scheme: dark) {
  .rdv { --bg: #161b22; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --card: #1f2630;
    --accent: #7aa2ff; --accent-fg: #0d1117; --chip: #23304a; --chip-fg: #c9d8ff; --warn: #fdba74;
    --quote: #3a3413; --focus: #93b4ff; box-shadow: -6px 0 24px rgba(0,0,0,.55); color-scheme: dark; }
}
.bar { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 15px; flex: 1; display: flex; align-items: center; gap: 8px; min-width: 0; }
.logo { width: 18px; height: 18px; flex: none; border-radius: 5px; background: #2563eb; position: relative; }
.logo::before, .logo::after { content: ""; position: absolute; top: 5px; width: 8px; height: 8px; border-radius: 50%; }
.logo::before { left: 3px; background: #fff; }
.logo::after { left: 7px; background: #fdba74; opacity: .85; }
button { font: inherit; color: inherit; cursor: pointer; }
.icon { border: 1px solid transparent; background: transparent; border-radius: 6px; width: 30px; height: 30px;
  display: inline-flex; align-items: center; justify-content: center; font-size: 16px; line-height: 1; color: var(--muted); }
.icon:hover { background: var(--card); color: var(--fg); border-color: var(--line); }
:focus-visible { outline: 2px solid var(--focus) !important; outline-offset: 2px; }
.body { overflow-y: auto; flex: 1; padding: 12px 14px 18px; overscroll-behavior: contain; scrollbar-color: var(--line) var(--bg); scrollbar-width: thin; }
:host([data-collapsed]) .body, :host([data-collapsed]) .brand-text, :host([data-collapsed]) .close { display: none; }
:host([data-collapsed]) .rdv { height: auto; border-bottom: 1px solid var(--line); border-bottom-left-radius: 10px; }
:host([data-collapsed]) .bar { flex-direction: column; border-bottom: 0; }
h2 { font-size: 17px; line-height: 1.3; margin: 0 0 4px; }
h2:focus, h2:focus-visible { outline: none !important; } /* a focus target for screen readers, not a control */
.meta { color: var(--muted); margin: 0 0 10px; font-size: 13px; }
.meta span + span::before { content: " · "; }
section { margin: 14px 0 0; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 6px;
  display: flex; align-items: center; gap: 6px; }
.count { background: var(--chip); color: var(--chip-fg); border-radius: 10px; padding: 0 7px; font-size: 12px; letter-spacing: 0; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 4px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; margin: 0 0 8px; }
h4 { font-size: 14.5px; margin: 0 0 6px; line-height: 1.3; }
.role { display: block; color: var(--muted); font-size: 12.5px; font-weight: 400; }
.party + .party { margin-top: 4px; }
.with { color: var(--muted); font-weight: 400; font-size: 12.5px; display: block; margin: 2px 0; }
dl { margin: 6px 0 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 13px; }
dt { color: var(--muted); }
dd { margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chip[hidden] { display: none; }
.more { border: 1px dashed var(--line); background: transparent; color: var(--accent); }
.chip { background: var(--chip); color: var(--chip-fg); border-radius: 10px; padding: 1px 8px; font-size: 12.5px; }
.mkind { display: block; font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; opacity: .7; margin-bottom: 2px; }
.planned { display: inline-block; margin-left: 6px; background: #fef3c7; color: #92400e; border-radius: 6px; padding: 0 6px; font-size: 12px; font-weight: 600; vertical-align: 1px; }
.fact { display: block; width: 100%; text-align: left; background: transparent; border: 1px solid transparent;
  border-radius: 8px; padding: 4px 6px; margin: 0 -6px; width: calc(100% + 12px); }
.fact:hover { background: var(--card); border-color: var(--line); }
.fact .sub { display: block; color: var(--muted); font-size: 12.5px; }
.src { display: block; width: 100%; text-align: left; margin-top: 8px; background: transparent; border: 0;
  border-left: 3px solid var(--line); padding: 2px 0 2px 8px; color: var(--muted); font-size: 12.5px; font-style: italic; }
.src:hover { border-left-color: var(--accent); color: var(--fg); }
.quote { margin: 4px 0 6px; padding: 6px 8px; background: var(--quote); border-radius: 6px; font-size: 12.5px; }
.quote .miss { display: block; color: var(--warn); font-style: normal; margin-top: 2px; }
.state { padding: 10px 12px; border-radius: 8px; background: var(--card); border: 1px solid var(--line); color: var(--muted); margin: 8px 0; }
.state.error { color: var(--warn); }
.empty { color: var(--muted); margin: 0; font-size: 13px; }
.note { font-size: 12.5px; color: var(--warn); margin: 6px 0; }
.kinds { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 8px; }
.kind { border: 1px solid var(--line); background: var(--card); border-radius: 12px; padding: 2px 9px; font-size: 12.5px; }
.kind:hover, .kind:focus-visible { border-color: #d97706; }
.kind[aria-pressed="true"] { border-color: #d97706; background: #fef3c7; color: #92400e; }
.toggle, .action { border: 1px solid var(--line); background: var(--card); border-radius: 8px; padding: 5px 10px; font-size: 13px; }
.toggle[aria-pressed="true"] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--line); }
.foot { color: var(--muted); font-size: 11.5px; margin-top: 10px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.spinner { display: inline-block; width: 12px; height: 12px; border: 2px solid var(--line); border-top-color: var(--accent);
  border-radius: 50%; animation: spin .8s linear infinite; vertical-align: -2px; margin-right: 6px; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
`;

  // ---------- small helpers ----------

  // The longest text one element of the sidebar shows: a page can make a "name" or a title of
  // any length (a 200,000-letter word was read as an acronym), and laying that out can freeze
  // the tab. The exports keep the full text.
  const MAX_TEXT = 1000;
  function clip(s) {
    s = String(s);
    if (s.length <= MAX_TEXT) return s;
    let cut = MAX_TEXT - 1;
    const c = s.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
    return s.slice(0, cut) + "…";
  }

  /** Element builder: text only through textContent, never HTML. */
  function h(doc, tag, props, ...kids) {
    const el = doc.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v == null || v === false) continue;
        if (k === "class") el.className = v;
        else if (k === "text") el.textContent = clip(v);
        else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid == null || kid === false) continue;
      el.append(typeof kid === "string" ? doc.createTextNode(clip(kid)) : kid);
    }
    return el;
  }

  const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim();

  function kindKey(kind) {
    return "kind_" + String(kind).replace(/[^a-z0-9]+/gi, "_");
  }

  // Intl objects are costly to build: one per language and kind, reused.
  const intlCache = new Map();
  function intl(kind, lang, make) {
    const key = kind + "|" + lang;
    if (!intlCache.has(key)) intlCache.set(key, make());
    return intlCache.get(key);
  }
  const dateFormat = (lang, day) =>
    intl(day ? "day" : "month", lang, () => new Intl.DateTimeFormat(lang, day ? { dateStyle: "long", timeZone: "UTC" } : { year: "numeric", month: "long", timeZone: "UTC" }));

  function formatDate(iso, lang) {
    if (!iso) return "";
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
    if (!m) return iso;
    try {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1));
      return dateFormat(lang, !!m[3]).format(d);
    } catch {
      return iso;
    }
  }

  function formatSpan(span, lang) {
    if (!span) return "";
    if (!span.end || span.end === span.start) return formatDate(span.start, lang);
    try {
      const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(span.start);
      const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(span.end);
      if (a && b) {
        return dateFormat(lang, true).formatRange(new Date(Date.UTC(+a[1], +a[2] - 1, +a[3])), new Date(Date.UTC(+b[1], +b[2] - 1, +b[3])));
      }
    } catch {
      /* fall through */
    }
    return `${formatDate(span.start, lang)} – ${formatDate(span.end, lang)}`;
  }

  function languageName(code, lang) {
    if (!code) return "";
    try {
      return intl("language", lang, () => new Intl.DisplayNames([lang], { type: "language" })).of(code) || code;
    } catch {
      return code;
    }
  }

  function countryName(code, lang) {
    if (!code) return "";
    try {
      return intl("region", lang, () => new Intl.DisplayNames([lang], { type: "region" })).of(code.toUpperCase()) || code;
    } catch {
      return code;
    }
  }

  /** The person record for a participant name (for roles on meeting cards). */
  function personByName(insight, name) {
    return (insight.people || []).find((p) => p.name === name);
  }

  // ---------- exports: JSON and Markdown ----------

  /** What "copy as JSON" copies: the analysis without the run's timings (they vary per run). */
  function exportJSON(analysis) {
    const { timings, ...rest } = analysis || {};
    return JSON.stringify(rest, null, 2);
  }

  function toMarkdown(analysis, t, lang) {
    const a = analysis || {};
    const ins = a.insight || {};
    const meta = a.meta || {};
    const out = [];
    const esc = (s) => norm(s).replace(/([\\`*_[\]<>|])/g, "\\$1");
    out.push(`# ${esc(meta.title || t("untitled"))}`);
    const line = [meta.published && formatDate(meta.published, lang), meta.lang && languageName(meta.lang, lang), meta.site_name]
      .filter(Boolean)
      .map(esc);
    if (line.length) out.push("", line.join(" · "));
    if (meta.url) out.push("", `<${meta.url}>`);
    out.push("", `## ${t("sectionMeetings")} (${(ins.meetings || []).length})`, "");
    if (!(ins.meetings || []).length) out.push(`_${t("emptyMeetings")}_`);
    for (const m of ins.meetings || []) {
      const parties = (m.participants || []).map((n) => {
        const p = personByName(ins, n);
        const role = p && p.roles && p.roles[0];
        return role ? `${esc(n)} (${esc(role)})` : esc(n);
      });
      out.push(`- **${parties.join(" — ")}**${m.status === "planned" ? ` _(${t("planned")})_` : ""}`);
      if (m.place) out.push(`  - ${t("fieldPlace")}: ${esc(m.place)}`);
      if (m.date) out.push(`  - ${t("fieldDate")}: ${esc(formatSpan(m.date, lang))} (${m.date.start}${m.date.end && m.date.end !== m.date.start ? "/" + m.date.end : ""})`);
      if ((m.topics || []).length) out.push(`  - ${t("fieldTopics")}: ${m.topics.map(esc).join("; ")}`);
      if (m.evidence && m.evidence.sentence) out.push(`  - > ${esc(m.evidence.sentence)}`);
    }
    const list = (title, items, fmt) => {
      out.push("", `## ${title} (${items.length})`, "");
      for (const it of items) out.push(`- ${fmt(it)}`);
    };
    list(t("sectionPeople"), ins.people || [], (p) =>
      [esc(p.name), (p.roles || []).length ? ` — ${p.roles.map(esc).join("; ")}` : "", p.org && !(p.roles || []).some((r) => r.includes(p.org)) ? ` (${esc(p.org)})` : ""].join(""),
    );
    list(t("sectionOrganizations"), ins.organizations || [], (o) =>
      o.acronym && o.acronym !== o.name ? `**${esc(o.acronym)}** — ${esc(o.name)}` : esc(o.name),
    );
    list(t("sectionPlaces"), ins.places || [], (p) => esc(p.name) + (p.country ? ` (${p.country})` : ""));
    list(t("sectionDates"), ins.dates || [], (d) => `${esc(d.text)} → ${d.start}${d.end && d.end !== d.start ? "/" + d.end : ""}`);
    list(t("sectionTopics"), ins.topics || [], (x) => esc(x.text));
    const hidden = a.hidden || [];
    if (hidden.length) {
      out.push("", `## ${t("sectionHidden")} (${hidden.length})`, "");
      for (const [kind, n] of countKinds(hidden)) out.push(`- ${esc(t(kindKey(kind)) || kind)}: ${n}`);
    }
    return out.join("\n") + "\n";
  }

  function countKinds(hidden) {
    const m = new Map();
    for (const b of hidden || []) m.set(b.kind, (m.get(b.kind) || 0) + 1);
    return [...m.entries()];
  }

  // ---------- the page: hiding by reference, evidence scroll + highlight ----------

  /**
   * Binds an analysis to a live document. Elements are resolved once, by document-order index
   * (`getElementsByTagName('*')[i]`), and kept by reference: later changes to the page (our own
   * highlight wrapper included) cannot make an index point elsewhere. Each hidden target's tag
   * is checked before it is touched.
   */
  function bindPage(doc, analysis, opts = {}) {
    const all = doc.getElementsByTagName("*");
    const liveCount = all.length;
    // When the reader counted another number of elements than the page has (a script built
    // markup the parser would nest differently), indices after that point are off by up to the
    // difference: a target is then looked for in that window, and taken only when exactly one
    // element there has its tag.
    const diff = analysis.element_count ? liveCount - analysis.element_count : 0;
    const windowOf = (index) => {
      const out = [];
      for (let k = Math.min(0, diff); k <= Math.max(0, diff); k++) if (all[index + k]) out.push(all[index + k]);
      return out;
    };
    const resolve = (index, tagName) => {
      const tag = String(tagName).toLowerCase() === NOSCRIPT_ALIAS ? "noscript" : String(tagName).toLowerCase();
      const ok = (el) => el && el.localName.toLowerCase() === tag && el.localName !== HOST_TAG;
      if (ok(all[index])) return all[index];
      if (!diff) return null;
      const hits = windowOf(index).filter(ok);
      return hits.length === 1 ? hits[0] : null;
    };
    const hiddenEls = [];
    const skipped = [];
    const byKind = new Map();
    for (const b of analysis.hidden || []) {
      const el = resolve(b.index, b.tag);
      if (!el) {
        skipped.push(b);
        continue;
      }
      hiddenEls.push(el);
      if (!byKind.has(b.kind)) byKind.set(b.kind, []);
      byKind.get(b.kind).push(el);
    }
    const evidenceEls = new Map();
    const collect = (ev) => {
      if (ev && typeof ev.element === "number" && !evidenceEls.has(ev.element)) evidenceEls.set(ev.element, diff ? windowOf(ev.element) : [all[ev.element]].filter(Boolean));
    };
    const ins = analysis.insight || {};
    for (const m of ins.meetings || []) collect(m.evidence);
    for (const d of ins.dates || []) collect(d.evidence);
    for (const key of ["people", "organizations", "places", "topics"]) for (const x of ins[key] || []) for (const ev of x.evidence || []) collect(ev);

    const root = doc.documentElement;
    if (opts.injectCss) {
      const style = doc.createElement("style");
      style.setAttribute("data-rendezvous", "");
      style.textContent = PAGE_CSS;
      (doc.head || root).append(style);
    }
    let clearTimer = 0;
    let wrapper = null;

    const page = {
      liveCount,
      skipped,
      kinds: byKind,
      hide() {
        for (const el of hiddenEls) el.setAttribute(ATTR_HIDDEN, "");
      },
      showHidden(show) {
        if (show) root.setAttribute(ATTR_SHOW, "");
        else root.removeAttribute(ATTR_SHOW);
      },
      outline(kind, on) {
        for (const el of byKind.get(kind) || []) {
          if (on) el.setAttribute(ATTR_OUTLINE, "");
          else el.removeAttribute(ATTR_OUTLINE);
        }
      },
      /** Scrolls the sentence into view and highlights it. Returns false when not found. */
      evidence(ev) {
        page.clearHighlight();
        const els = ((ev && evidenceEls.get(ev.element)) || []).filter((e) => e.isConnected);
        if (!els.length) return false;
        let el = els[0];
        let range = null;
        for (const cand of els) {
          range = findSentence(doc, cand, ev.sentence);
          if (range) {
            el = cand;
            break;
          }
        }
        const target = range || null;
        if (target) {
          const startEl = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
          (startEl || el).scrollIntoView({ block: "center", behavior: "instant" });
          const win = doc.defaultView;
          const r = range.getBoundingClientRect();
          if (win && (r.top < 0 || r.bottom > win.innerHeight)) win.scrollBy(0, r.top - win.innerHeight / 2 + r.height / 2);
          const HL = win && win.Highlight;
          const registry = win && win.CSS && win.CSS.highlights;
          let done = false;
          if (HL && registry) {
            try {
              registry.set(HIGHLIGHT, new HL(range));
              done = true;
            } catch {
              done = false;
            }
          }
          if (!done) wrapper = { marks: markRange(doc, range) };
        } else {
          el.scrollIntoView({ block: "center", behavior: "instant" });
          el.setAttribute(ATTR_OUTLINE, "");
          wrapper = { outlineOnly: el };
        }
        clearTimer = (doc.defaultView || globalThis).setTimeout(() => page.clearHighlight(), opts.highlightMs ?? 4000);
        return !!target;
      },
      clearHighlight() {
        if (clearTimer) (doc.defaultView || globalThis).clearTimeout(clearTimer);
        clearTimer = 0;
        const win = doc.defaultView;
        try {
          win && win.CSS && win.CSS.highlights && win.CSS.highlights.delete(HIGHLIGHT);
        } catch {
          /* ignore */
        }
        if (wrapper && wrapper.outlineOnly) {
          wrapper.outlineOnly.removeAttribute(ATTR_OUTLINE);
        } else if (wrapper && wrapper.marks) {
          unmark(wrapper.marks);
        }
        wrapper = null;
      },
      /** Everything back as it was (the demo reuses frames; the extension keeps hiding). */
      restore() {
        page.clearHighlight();
        for (const el of hiddenEls) el.removeAttribute(ATTR_HIDDEN);
        for (const els of byKind.values()) for (const el of els) el.removeAttribute(ATTR_OUTLINE);
        root.removeAttribute(ATTR_SHOW);
      },
    };
    return page;
  }

  /**
   * The fallback highlight: each text node the range covers gets its covered part wrapped in its
   * own span (no element is split or moved), removed again by `unmark`.
   */
  function markRange(doc, range) {
    const marks = [];
    const root = range.commonAncestorContainer.nodeType === 3 ? range.commonAncestorContainer.parentNode : range.commonAncestorContainer;
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) texts.push(n);
    if (range.commonAncestorContainer.nodeType === 3 && !texts.length) texts.push(range.commonAncestorContainer);
    const { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
    for (let node of texts) {
      try {
        let start = node === sc ? so : 0;
        const end = node === ec ? eo : node.data.length;
        if (end <= start || !node.data.slice(start, end).trim()) continue;
        if (end < node.data.length) node.splitText(end);
        if (start > 0) {
          node = node.splitText(start);
          start = 0;
        }
        const span = doc.createElement("span");
        span.setAttribute(ATTR_MARK, "");
        node.parentNode.insertBefore(span, node);
        span.append(node);
        marks.push(span);
      } catch {
        /* leave this part unmarked */
      }
    }
    return marks;
  }

  function unmark(marks) {
    for (const span of marks) {
      const parent = span.parentNode;
      if (!parent) continue;
      while (span.firstChild) parent.insertBefore(span.firstChild, span);
      parent.removeChild(span);
      parent.normalize();
    }
  }

  /** A Range over `sentence` inside `el`, matching with whitespace collapsed. */
  function findSentence(doc, el, sentence) {
    const want = norm(sentence);
    if (!want) return null;
    const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
    let text = "";
    const map = []; // map[i] = [node, offset] of normalised char i
    let space = true;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (p && /^(script|style|noscript|template)$/i.test(p.localName)) continue;
      const s = n.data;
      for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (/\s/.test(c)) {
          if (space) continue;
          space = true;
          text += " ";
        } else {
          space = false;
          text += c;
        }
        map.push([n, i]);
      }
    }
    let at = text.indexOf(want);
    let len = want.length;
    if (at < 0) {
      // Tolerate small differences (quotes, trailing punctuation): match the longest prefix of 40+ chars.
      const lower = text.toLowerCase();
      const w = want.toLowerCase();
      for (let k = Math.min(w.length, 120); k >= 24 && at < 0; k -= 8) {
        at = lower.indexOf(w.slice(0, k));
        len = k;
      }
      if (at < 0) return null;
      len = Math.min(want.length, text.length - at);
    }
    const [sn, so] = map[at];
    const [en, eo] = map[Math.min(at + len, map.length) - 1];
    const range = doc.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo + 1);
    return range;
  }

  // ---------- the sidebar ----------

  /**
   * Mounts the sidebar in `doc`. opts: t(key, subs) → string; lang (UI language); mode
   * ("closed" in the extension); onClose(); page (from bindPage, set later with setAnalysis);
   * copy(text) → Promise; version.
   */
  function mount(doc, opts) {
    const t = (k, subs) => {
      try {
        return opts.t(k, subs) || "";
      } catch {
        return "";
      }
    };
    const lang = opts.lang || "en";
    const host = doc.createElement(HOST_TAG);
    host.setAttribute("lang", lang);
    const shadow = host.attachShadow({ mode: opts.mode || "closed" });
    applyStyles(doc, shadow, SIDEBAR_CSS);

    const E = (tag, props, ...kids) => h(doc, tag, props, ...kids);
    const titleId = "rdv-title";
    const collapseBtn = E("button", { class: "icon collapse", type: "button", "aria-expanded": "true", "aria-controls": "rdv-body", title: t("collapse"), "aria-label": t("collapse") }, "⇥");
    const closeBtn = E("button", { class: "icon close", type: "button", title: t("close"), "aria-label": t("close") }, "✕");
    const body = E("div", { class: "body", id: "rdv-body" });
    const panel = E(
      "aside",
      { class: "rdv", "aria-label": t("extName") || "Rendezvous" },
      E("div", { class: "bar" }, E("span", { class: "brand" }, E("span", { class: "logo", "aria-hidden": "true" }), E("span", { class: "brand-text", text: "Rendezvous" })), collapseBtn, closeBtn),
      body,
    );
    shadow.append(panel);

    let previousFocus = null;
    let state = { analysis: null, page: null, showAll: false };

    const ctl = {
      host,
      get open() {
        return !host.hidden && host.isConnected;
      },
      show(showOpts = {}) {
        const active = doc.activeElement;
        if (active && active !== host && active !== doc.body) previousFocus = active;
        host.hidden = false;
        if (!host.isConnected) doc.documentElement.append(host);
        const heading = shadow.querySelector("h2") || closeBtn;
        if (showOpts.focus === false) return;
        try {
          heading.focus({ preventScroll: true });
        } catch {
          /* ignore */
        }
      },
      close() {
        if (state.page) state.page.clearHighlight();
        if (state.page) for (const k of state.page.kinds.keys()) state.page.outline(k, false);
        // Give focus back to the page: to what had it before the sidebar opened, else the body.
        const inside = shadow.activeElement;
        if (inside && typeof inside.blur === "function") inside.blur();
        host.hidden = true;
        const back = previousFocus;
        previousFocus = null;
        if (back && back.isConnected && typeof back.focus === "function") back.focus();
        else if (doc.activeElement === host) host.blur();
        if (opts.onClose) opts.onClose();
      },
      toggle() {
        if (ctl.open) ctl.close();
        else ctl.show();
      },
      setCollapsed(c) {
        if (c) host.setAttribute("data-collapsed", "");
        else host.removeAttribute("data-collapsed");
        collapseBtn.setAttribute("aria-expanded", String(!c));
        collapseBtn.textContent = c ? "⇤" : "⇥";
        const label = c ? t("expand") : t("collapse");
        collapseBtn.setAttribute("aria-label", label);
        collapseBtn.title = label;
      },
      setLoading() {
        host.setAttribute("data-state", "loading");
        body.replaceChildren(E("p", { class: "state", role: "status" }, E("span", { class: "spinner", "aria-hidden": "true" }), t("loading")));
      },
      setError(message) {
        host.setAttribute("data-state", "error");
        body.replaceChildren(
          E("h2", { id: titleId, tabindex: "-1", text: t("errorTitle") }),
          E("p", { class: "state error", role: "alert", text: t("errorBody") }),
          message ? E("p", { class: "foot", text: String(message).slice(0, 300) }) : null,
        );
      },
      setAnalysis(analysis, page, extra = {}) {
        state = { analysis, page, showAll: false };
        try {
          render(analysis, page, extra);
          host.setAttribute("data-state", "ready");
        } catch (e) {
          ctl.setError(e && e.message);
        }
      },
      /** The Markdown / JSON exports (also used by the CLI-side tools and tests). */
      exportJSON: () => exportJSON(state.analysis),
      exportMarkdown: () => toMarkdown(state.analysis, t, lang),
      destroy() {
        if (state.page) state.page.clearHighlight();
        host.remove();
      },
    };

    collapseBtn.addEventListener("click", () => ctl.setCollapsed(!host.hasAttribute("data-collapsed")));
    closeBtn.addEventListener("click", () => ctl.close());
    shadow.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        e.preventDefault();
        ctl.close();
      }
    });

    function render(a, page, extra) {
      const ins = a.insight || {};
      const meta = a.meta || {};
      const kids = [];
      kids.push(E("h2", { id: titleId, tabindex: "-1", text: norm(meta.title) || t("untitled") }));
      const metaBits = [];
      if (meta.published) metaBits.push(E("span", null, E("time", { datetime: meta.published, text: formatDate(meta.published, lang) })));
      if (meta.lang) metaBits.push(E("span", { text: languageName(meta.lang, lang) }));
      if (meta.site_name) metaBits.push(E("span", { text: norm(meta.site_name) }));
      if (metaBits.length) kids.push(E("p", { class: "meta" }, metaBits));
      // Not an article: said plainly when nothing was found; when facts were found all the same
      // (a section front's teasers, a short notice), they are shown, with a word of caution.
      const found = ["meetings", "people", "organizations", "places", "dates"].some((k) => (ins[k] || []).length);
      if (!a.is_article) kids.push(E("p", { class: "state", role: "status", text: t(found ? "notArticleFacts" : "notArticle") }));
      for (const n of a.notices || []) kids.push(E("p", { class: "note", text: noticeText(n) }));
      if (page && page.skipped && page.skipped.length) kids.push(E("p", { class: "note", text: t("staleTargets", [String(page.skipped.length)]) }));

      // Meetings first, as cards.
      const meetings = ins.meetings || [];
      kids.push(
        section("meetings", t("sectionMeetings"), meetings.length, () => {
          if (!meetings.length) return E("p", { class: "state", text: t("emptyMeetings") });
          return E("ul", { class: "cards" }, meetings.map((m) => E("li", { class: "card", "data-kind": m.kind || "meeting", "data-start": m.date && m.date.start, "data-end": m.date && (m.date.end || m.date.start) }, meetingCard(m, ins))));
        }),
      );
      const people = ins.people || [];
      kids.push(
        section("people", t("sectionPeople"), people.length, () =>
          E(
            "ul",
            null,
            people.map((p) => factItem(p.name, [...(p.roles || []), p.org && !(p.roles || []).some((r) => r.includes(p.org)) ? p.org : null, p.country && countryName(p.country, lang)].filter(Boolean).join(" · "), p.evidence)),
          ),
        ),
      );
      const orgs = ins.organizations || [];
      kids.push(
        section("organizations", t("sectionOrganizations"), orgs.length, () =>
          E(
            "ul",
            null,
            orgs.map((o) => (o.acronym && o.acronym !== o.name ? factItem(o.acronym, o.name, o.evidence) : factItem(o.name, "", o.evidence))),
          ),
        ),
      );
      const places = ins.places || [];
      kids.push(
        section("places", t("sectionPlaces"), places.length, () =>
          E("ul", null, places.map((p) => factItem(p.name, p.country && countryName(p.country, lang) !== p.name ? countryName(p.country, lang) : "", p.evidence))),
        ),
      );
      const dates = ins.dates || [];
      kids.push(
        section("dates", t("sectionDates"), dates.length, () =>
          E("ul", null, dates.map((d) => factItem(formatSpan({ start: d.start, end: d.end }, lang), d.text, [d.evidence]))),
        ),
      );
      const topics = ins.topics || [];
      kids.push(section("topics", t("sectionTopics"), topics.length, () => E("ul", null, topics.map((x) => factItem(x.text, "", x.evidence)))));

      // Hidden blocks: a summary by kind, hover to outline, one toggle for all.
      const hidden = (a.hidden || []).filter((b) => !page || !page.skipped.includes(b));
      kids.push(
        section("hidden", t("sectionHidden"), hidden.length, () => {
          if (!hidden.length) return E("p", { class: "state", text: t("emptyHidden") });
          // Hover or focus outlines a kind's blocks (showing them while outlined); a click pins
          // that and scrolls to the first of them.
          const pinned = new Set();
          const kinds = countKinds(hidden).map(([kind, n]) => {
            const label = `${t(kindKey(kind)) || kind} ${n}`;
            const on = () => page && page.outline(kind, true);
            const off = () => page && !pinned.has(kind) && page.outline(kind, false);
            const btn = E("button", { class: "kind", type: "button", "aria-pressed": "false", title: t("outlineHint"), onmouseenter: on, onmouseleave: off, onfocus: on, onblur: off, text: label });
            btn.addEventListener("click", () => {
              if (!page) return;
              const pin = !pinned.has(kind);
              if (pin) pinned.add(kind);
              else pinned.delete(kind);
              btn.setAttribute("aria-pressed", String(pin));
              page.outline(kind, pin);
              const first = (page.kinds.get(kind) || [])[0];
              if (pin && first && first.isConnected) first.scrollIntoView({ block: "center", behavior: "instant" });
            });
            return E("li", null, btn);
          });
          const toggle = E("button", { class: "toggle", type: "button", "aria-pressed": "false", text: t("showHidden") });
          toggle.addEventListener("click", () => {
            state.showAll = !state.showAll;
            if (page) page.showHidden(state.showAll);
            toggle.setAttribute("aria-pressed", String(state.showAll));
            toggle.textContent = state.showAll ? t("hideAgain") : t("showHidden");
          });
          return [E("ul", { class: "kinds", "aria-label": t("hiddenKinds") }, kinds), toggle];
        }),
      );

      // Export.
      const status = E("p", { class: "foot", role: "status", "aria-live": "polite" });
      const copyBtn = (label, fn) =>
        E("button", {
          class: "action",
          type: "button",
          text: label,
          onclick: async () => {
            try {
              await (opts.copy || copyText)(fn(), doc, shadow);
              status.textContent = t("copied");
            } catch (e) {
              status.textContent = t("copyFailed");
            }
          },
        });
      kids.push(E("div", { class: "actions" }, copyBtn(t("copyJson"), ctl.exportJSON), copyBtn(t("copyMarkdown"), ctl.exportMarkdown)));
      kids.push(status);
      const foot = [`Rendezvous ${opts.version || ""}`.trim()];
      if (extra.ms != null) foot.push(t("timing", [String(Math.round(extra.ms))]));
      kids.push(E("p", { class: "foot", text: foot.join(" · ") }));
      body.replaceChildren(...kids);
    }

    function noticeText(n) {
      const key = String(n).split(":")[0];
      if (key === "language") return languageNotice(String(n).slice(key.length + 1).trim());
      const msg = t("notice_" + key.replace(/[^a-z0-9]+/gi, "_"));
      return msg || String(n);
    }

    // "language: it people, organizations, …" (the facts the language has no tables for), or a
    // sentence from the core when the language could not be told.
    function languageNotice(detail) {
      const m = /^([a-z]{2,3}) (.+)$/.exec(detail);
      if (!m) return t("notice_language_unknown") || detail;
      const title = { people: "sectionPeople", organizations: "sectionOrganizations", places: "sectionPlaces", dates: "sectionDates", meetings: "sectionMeetings", topics: "sectionTopics" };
      const facts = m[2].split(", ").map((f) => (title[f] ? t(title[f]).toLowerCase() : f)).join(", ");
      return t("notice_language", [languageName(m[1], lang), facts]) || detail;
    }

    function section(id, title, count, content) {
      const hid = `rdv-h-${id}`;
      const sec = E(
        "section",
        { "aria-labelledby": hid, "data-section": id },
        E("h3", { id: hid }, E("span", { text: title }), E("span", { class: "count", "aria-hidden": "true", text: String(count) }), E("span", { class: "sr", text: `(${count})` })),
      );
      if (count || id === "meetings" || id === "hidden") sec.append(...[content()].flat());
      else sec.append(E("p", { class: "empty", text: t("emptySection") }));
      return sec;
    }

    function evidenceClick(ev, anchor) {
      return () => {
        const found = state.page ? state.page.evidence(ev) : false;
        showQuote(anchor, ev, found);
      };
    }

    function showQuote(anchor, ev, found) {
      for (const q of shadow.querySelectorAll(".quote")) q.remove();
      if (!ev || !ev.sentence) return;
      const q = E("blockquote", { class: "quote", "aria-live": "polite" }, `« ${norm(ev.sentence)} »`);
      if (!found) q.append(E("span", { class: "miss", text: t("evidenceMissing") }));
      anchor.after(q);
      q.scrollIntoView({ block: "nearest" });
    }

    function factItem(label, sub, evidence) {
      const ev = (evidence || []).find((e) => e && e.sentence) || null;
      const li = E("li");
      const btn = E(
        "button",
        { class: "fact", type: "button", title: ev ? t("showInArticle") : null, "aria-disabled": ev ? null : "true" },
        E("span", { class: "name", text: norm(label) }),
        sub ? E("span", { class: "sub", text: norm(sub) }) : null,
      );
      if (ev) btn.addEventListener("click", evidenceClick(ev, btn));
      li.append(btn);
      return li;
    }

    function meetingCard(m, ins) {
      const parts = (m.participants || []).map((name, i) => {
        const p = personByName(ins, name);
        const role = p && (p.roles || [])[0];
        return [
          i > 0 ? E("span", { class: "with", text: t("meetingWith") }) : null,
          E("span", { class: "party", "data-party": "" }, E("span", { text: norm(name) }), role ? E("span", { class: "role", text: norm(role) }) : null),
        ];
      });
      const kind = t("meetingKind_" + (m.kind || "meeting"));
      const head = E("h4", null, kind ? E("span", { class: "mkind", text: kind }) : null, parts, m.status === "planned" ? E("span", { class: "planned", text: t("planned") }) : null);
      const dl = E("dl");
      if (m.place) dl.append(E("dt", { text: t("fieldPlace") }), E("dd", { text: norm(m.place) }));
      if (m.date) dl.append(E("dt", { text: t("fieldDate") }), E("dd", null, E("time", { datetime: m.date.start, text: formatSpan(m.date, lang) })));
      if ((m.topics || []).length) {
        // The first few topics; the rest behind one button (a card stays scannable).
        const FEW = 4;
        const chips = m.topics.map((x, i) => E("span", { class: "chip", hidden: i >= FEW, text: norm(x) }));
        const more =
          m.topics.length > FEW
            ? E("button", {
                class: "chip more",
                type: "button",
                text: t("moreTopics", [String(m.topics.length - FEW)]),
                onclick: (e) => {
                  for (const c of chips) c.hidden = false;
                  e.currentTarget.remove();
                },
              })
            : null;
        dl.append(E("dt", { text: t("fieldTopics") }), E("dd", null, E("span", { class: "chips" }, chips, more)));
      }
      const kids = [head, dl.childNodes.length ? dl : null];
      if (m.evidence && m.evidence.sentence) {
        const s = norm(m.evidence.sentence);
        const src = E("button", { class: "src", type: "button", title: t("showInArticle") }, s.length > 160 ? s.slice(0, 157) + "…" : s);
        src.addEventListener("click", () => {
          const found = state.page ? state.page.evidence(m.evidence) : false;
          if (!found) showQuote(src, m.evidence, false);
        });
        kids.push(src);
      }
      return kids;
    }

    ctl.setLoading();
    return ctl;
  }

  /** Styles inside the shadow root: a constructed sheet (not subject to the page's CSP), else <style>. */
  function applyStyles(doc, shadow, css) {
    try {
      const win = doc.defaultView || globalThis;
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      /* fall back */
    }
    const style = doc.createElement("style");
    style.textContent = css;
    shadow.append(style);
  }

  /** Copy to the clipboard: the async API, else a hidden textarea and execCommand. */
  async function copyText(text, doc, shadow) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      /* fall back */
    }
    const ta = doc.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "sr";
    shadow.append(ta);
    ta.select();
    const ok = doc.execCommand("copy");
    ta.remove();
    if (!ok) throw new Error("copy refused");
  }

  /**
   * Serialises the page for the core: '<!DOCTYPE html>' + outerHTML with the contents of
   * script/style/noscript/template emptied (their tags kept, so element order is unchanged),
   * JSON-LD scripts kept whole, comments dropped, and attributes the core never reads dropped.
   * Our own sidebar host is never included (it is mounted after serialising).
   */
  function serialise(doc) {
    const html = doc.documentElement.outerHTML;
    const prefix = doc.compatMode === "BackCompat" ? "" : "<!DOCTYPE html>";
    // With JavaScript off (a NoScript user, a sandboxed frame) <noscript> holds real elements,
    // which the core's reader (scripting on) would read as text: send them as a neutral element
    // instead, so every later element keeps its index.
    const scriptingOff = [...doc.getElementsByTagName("noscript")].some((n) => n.firstElementChild);
    return prefix + stripHtml(html, { scriptingOff });
  }

  const RAW = new Set(["script", "style", "noscript", "xmp", "iframe", "noembed", "noframes"]);

  // Attributes the core never reads, dropped from the serialised page to send and parse less
  // (about a sixth of a news page once scripts are emptied): data-*, event handlers, srcset and
  // sizes, SVG path and polygon data, and inline styles that cannot hide anything (the core reads
  // a style only for display:none / visibility:hidden). Elements, their order and every other
  // attribute are kept. If the core ever reads one of these, take it out of this list.
  // One attribute as the serialiser writes it: whitespace, name, optional ="value" (a value never
  // holds a double quote: the serialiser escapes it as &quot;).
  const attrRe = /[\t\n\f\r ]+([^\t\n\f\r "'>\/=]+)(?:="([^"]*)")?/y;
  const DROP_ATTR = new Set(["srcset", "sizes", "d", "points"]);
  function dropAttr(name, value) {
    const n = name.toLowerCase();
    if (DROP_ATTR.has(n) || n.startsWith("data-") || (n.startsWith("on") && n.length > 2)) return true;
    return n === "style" && !/none|hidden/i.test(value || "");
  }
  const EMPTY = new Set(["script", "style", "noscript", "template"]);

  function stripHtml(s, { scriptingOff = false } = {}) {
    if (scriptingOff) s = s.replace(/<(\/?)noscript(?=[\s/>])/gi, `<$1${NOSCRIPT_ALIAS}`);
    const out = [];
    let i = 0;
    let last = 0;
    const n = s.length;
    const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)/y;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break;
      if (s.startsWith("<!--", lt)) {
        const end = s.indexOf("-->", lt + 4);
        const stop = end < 0 ? n : end + 3;
        out.push(s.slice(last, lt));
        last = i = stop;
        continue;
      }
      tagRe.lastIndex = lt;
      const m = tagRe.exec(s);
      if (!m) {
        i = lt + 1;
        continue;
      }
      const name = m[1].toLowerCase();
      if (!RAW.has(name) && name !== "template") {
        // An ordinary start tag: drop the attributes the core never reads (see DROP_ATTR).
        let p = lt + m[0].length;
        for (;;) {
          attrRe.lastIndex = p;
          const a = attrRe.exec(s);
          if (!a) break;
          if (dropAttr(a[1], a[2])) {
            out.push(s.slice(last, p));
            last = attrRe.lastIndex;
          }
          p = attrRe.lastIndex;
        }
        const gt = s.indexOf(">", p);
        if (gt < 0) break;
        i = gt + 1;
        continue;
      }
      const gt = s.indexOf(">", lt);
      if (gt < 0) break;
      const startTag = s.slice(lt, gt + 1);
      let close;
      if (name === "template") {
        close = templateEnd(s, gt + 1);
      } else {
        const re = new RegExp(`</${name}[\\s/>]`, "ig");
        re.lastIndex = gt + 1;
        const r = re.exec(s);
        close = r ? r.index : -1;
      }
      if (close < 0) break;
      const keep = !EMPTY.has(name) || (name === "script" && /\btype\s*=\s*["']?application\/ld\+json/i.test(startTag));
      if (!keep) {
        out.push(s.slice(last, gt + 1));
        last = close;
      }
      i = close + 2;
    }
    out.push(s.slice(last));
    return out.join("");

    function templateEnd(str, from) {
      let depth = 1;
      const re = /<(\/?)(template|script|style|xmp|iframe|noembed|noframes|noscript)\b|<!--/gi;
      re.lastIndex = from;
      for (let r = re.exec(str); r; r = re.exec(str)) {
        if (r[0] === "<!--") {
          const e = str.indexOf("-->", r.index + 4);
          if (e < 0) return -1;
          re.lastIndex = e + 3;
          continue;
        }
        const nm = r[2].toLowerCase();
        if (nm === "template") {
          depth += r[1] ? -1 : 1;
          if (depth === 0) return r.index;
        } else if (!r[1]) {
          const c = new RegExp(`</${nm}[\\s/>]`, "ig");
          c.lastIndex = r.index;
          const e = c.exec(str);
          if (!e) return -1;
          re.lastIndex = e.index + 2;
        }
      }
      return -1;
    }
  }

  globalThis.RendezvousSidebar = Object.freeze({
    PAGE_CSS,
    HOST_TAG,
    mount,
    bindPage,
    serialise,
    stripHtml,
    toMarkdown,
    exportJSON,
    findSentence,
  });
})();
