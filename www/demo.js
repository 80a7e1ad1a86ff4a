// The demo page: the extension's WASM core and sidebar code, run directly in this page (its own
// files, no extension). A sample page (or pasted HTML) is shown in a sandboxed same-origin frame;
// it is serialised exactly as the content script does, analysed, hidden by reference, and the
// sidebar drawn beside it. Nothing is sent anywhere.
import init, { analyze, version } from "./pkg/rendezvous.js";

const S = globalThis.RendezvousSidebar;
const params = new URLSearchParams(location.search);
const uiLang = (params.get("lang") || navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";
const $ = (id) => document.getElementById(id);
const frame = $("frame");
const status = $("status");

async function loadMessages(lang) {
  const r = await fetch(`ext/_locales/${lang}/messages.json`);
  const m = await r.json();
  return (key, subs) => {
    const e = m[key];
    if (!e) return "";
    const list = subs == null ? [] : Array.isArray(subs) ? subs : [subs];
    let s = e.message;
    for (const [name, ph] of Object.entries(e.placeholders || {})) {
      s = s.replace(new RegExp(`\\$${name}\\$`, "gi"), ph.content.replace(/\$(\d)/g, (_, d) => list[d - 1] ?? ""));
    }
    return s;
  };
}

const [t] = await Promise.all([loadMessages(uiLang), init({ module_or_path: new URL("pkg/rendezvous_bg.wasm", import.meta.url) })]);
document.documentElement.lang = uiLang;
const DEMO_TEXT = {
  en: { demoTagline: "demo: the extension's core and sidebar, in this page", demoSample: "Sample page", demoPaste: "Paste HTML…", demoSidebar: "Sidebar", demoPasteLabel: "HTML of a news page (nothing leaves this page)", demoAnalyse: "Analyse" },
  fr: { demoTagline: "démo : le cœur et le panneau de l’extension, dans cette page", demoSample: "Page d’exemple", demoPaste: "Coller du HTML…", demoSidebar: "Panneau", demoPasteLabel: "HTML d’une page d’actualité (rien ne quitte cette page)", demoAnalyse: "Analyser" },
}[uiLang];
for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = DEMO_TEXT[el.dataset.i18n] || el.textContent;

// The sidebar: the same code as the extension's; its shadow root is open here (this is our own
// page, and it lets the accessibility checker read it).
let ui = null;
let page = null;
function sidebar(focus = false) {
  if (ui) ui.destroy();
  ui = S.mount(document, {
    t,
    lang: uiLang,
    mode: "open",
    version: version(),
    onClose: () => document.body.classList.add("no-sidebar"),
  });
  document.body.classList.remove("no-sidebar");
  ui.show({ focus });
  return ui;
}

function run() {
  const doc = frame.contentDocument;
  if (!doc || !doc.documentElement) return;
  const t0 = performance.now();
  const html = S.serialise(doc);
  const url = frame.dataset.url || "";
  let analysis;
  try {
    analysis = analyze(html, url);
  } catch (e) {
    sidebar().setError(e && e.message);
    return;
  }
  if (page) page.restore();
  page = S.bindPage(doc, analysis, { injectCss: true });
  page.hide();
  sidebar().setAnalysis(analysis, page, { ms: performance.now() - t0 });
  window.__rendezvousDemo = { analysis };
  status.textContent = "";
}

frame.addEventListener("load", run);

// Pages are shown through srcdoc with a policy that blocks all their scripts and every request
// (the frame keeps scripting *enabled*, so <noscript> parses as it does for a reader with
// JavaScript on — and as the core's HTML reader expects — while nothing in the page can run).
const FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
function show(html, url) {
  const m = /^\s*(<!doctype[^>]*>)?/i.exec(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`;
  frame.dataset.url = url;
  frame.srcdoc = m[0] + meta + html.slice(m[0].length);
}

async function open(file) {
  status.textContent = t("loading");
  const html = await fetch(`samples/${file}`).then((r) => r.text());
  show(html, new URL(`samples/${file}`, location.href).href);
}

const samples = await fetch("samples/index.json").then((r) => r.json());
const select = $("sample");
for (const s of samples) select.append(new Option(s.label, s.file));
select.addEventListener("change", () => open(select.value));
$("paste-toggle").addEventListener("click", (e) => {
  const p = $("paste");
  p.hidden = !p.hidden;
  e.currentTarget.setAttribute("aria-expanded", String(!p.hidden));
  if (!p.hidden) $("paste-html").focus();
});
$("paste-go").addEventListener("click", () => {
  const html = $("paste-html").value;
  if (!html.trim()) return;
  show(html, "");
});
$("reopen").addEventListener("click", () => {
  if (ui && !ui.open) {
    document.body.classList.remove("no-sidebar");
    ui.show();
  }
});
const first = params.get("sample") || (samples[0] && samples[0].file);
if (first) {
  select.value = first;
  open(first);
}
