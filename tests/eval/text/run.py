#!/usr/bin/env python3
"""Article text and comment hiding, measured: Rendezvous beside the baselines, one run.

usage: python3 tests/eval/text/run.py [--only TOOL,...] [--reuse] [--no-install] [--out DIR]

Corpora (../shared/corpus, see ../shared/docs/EVAL.md):
  scrapinghub   181 pages, hand-made article bodies         scored by eval/score_text.py
  readability   46 news pages, Readability.js's expected text   scored by eval/score_text.py
  comments      352 pages with reader comments              scored by eval/score_comments.py
Tools: rendezvous (the CLI `rendezvous text`, one process per page), trafilatura
(include_comments=False), readability-lxml + html-text, @mozilla/readability + jsdom (npm, lockfile
here), dom_smoothie and rs-trafilatura (crates.io, the cargo project in baselines/, which also times
Rendezvous's text path in-process, parse included). Each is installed if missing; one that cannot be
installed is reported and skipped.

Also: publication dates of `rendezvous analyze` against the gold metadata that exists
(readability expected-metadata.json publishedTime, meetings-dev gold `published`).

Writes the table to stdout and to OUT/results.md (default tests/eval/text/out/), and the scores as
OUT/results.json. --reuse keeps the baselines' predictions of an earlier run (only Rendezvous is run
again); --only limits the tools run.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SHARED = os.environ.get("RENDEZVOUS_SHARED", os.path.abspath(os.path.join(ROOT, "..", "shared")))
CORPUS = os.path.join(SHARED, "corpus")
EVAL = os.path.join(SHARED, "eval")
TOOLS = ["rendezvous", "trafilatura", "readability_lxml", "readability_js", "dom_smoothie",
         "rs_trafilatura"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, cwd=None, check=True, quiet=True):
    log("$", " ".join(cmd))
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE if quiet else None,
                       stderr=subprocess.STDOUT if quiet else None, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{(r.stdout or '')[-2000:]}")
    return r


# ---------------------------------------------------------------------------------------------
# Installs (skipped when present)

def install(tools, allow):
    ok = {}
    if "rendezvous" in tools:
        sh(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
        ok["rendezvous"] = True
    if "trafilatura" in tools:
        ok["trafilatura"] = pip_ensure("trafilatura", ["trafilatura==2.3.1"], allow)
    if "readability_lxml" in tools:
        good = pip_ensure("html_text", ["html-text"], allow)
        # readability-lxml 0.9 asks for lxml[html_clean]; some pip versions trip on the extra,
        # so its dependencies are installed by name and the package without them.
        good = good and pip_ensure("lxml_html_clean", ["lxml_html_clean", "cssselect", "chardet"], allow)
        good = good and pip_ensure("readability", ["--no-deps", "readability-lxml==0.9"], allow)
        ok["readability_lxml"] = good
    if "readability_js" in tools:
        nm = os.path.join(HERE, "node_modules", "@mozilla", "readability")
        if not os.path.isdir(nm) and allow:
            try:
                sh(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE)
            except Exception as e:  # noqa: BLE001
                log("readability_js: npm ci failed:", e)
        ok["readability_js"] = os.path.isdir(nm)
        if ok["readability_js"]:
            ok["readability_js"] = pip_ensure("html_text", ["html-text"], allow)
    if {"dom_smoothie", "rs_trafilatura"} & set(tools) or "rendezvous" in tools:
        try:
            sh(["cargo", "build", "--release", "--quiet"], cwd=os.path.join(HERE, "baselines"))
            ok["native"] = True
        except Exception as e:  # noqa: BLE001
            log("native baselines: cargo build failed:", e)
            ok["native"] = False
        ok["dom_smoothie"] = ok["rs_trafilatura"] = ok["native"]
    return ok


def pip_ensure(module, spec, allow):
    try:
        __import__(module)
        return True
    except ImportError:
        pass
    if not allow:
        return False
    try:
        sh([sys.executable, "-m", "pip", "install", "--quiet", *spec])
        __import__(module)
        return True
    except Exception as e:  # noqa: BLE001
        log(f"cannot install {spec}: {e}")
        return False


# ---------------------------------------------------------------------------------------------
# Pages

def pages(out):
    """{corpus: [(id, path)]}, and the gold file of each corpus."""
    res = {}
    sh_dir = os.path.join(out, "pages", "scrapinghub")
    os.makedirs(sh_dir, exist_ok=True)
    src = os.path.join(CORPUS, "scrapinghub", "html")
    sh_pages = []
    for f in sorted(os.listdir(src)):
        if not f.endswith(".html.gz"):
            continue
        pid = f[: -len(".html.gz")]
        dst = os.path.join(sh_dir, pid + ".html")
        if not os.path.exists(dst):
            with gzip.open(os.path.join(src, f), "rb") as g, open(dst, "wb") as o:
                o.write(g.read())
        sh_pages.append((pid, dst))
    res["scrapinghub"] = sh_pages
    gold = json.load(open(os.path.join(CORPUS, "readability", "news-gold.json"), encoding="utf-8"))
    res["readability"] = [(k, os.path.join(CORPUS, "readability", v["file"])) for k, v in sorted(gold.items())]
    com = json.load(open(os.path.join(CORPUS, "comments", "comments.json"), encoding="utf-8"))
    res["comments"] = [(os.path.splitext(os.path.basename(e["file"]))[0],
                        os.path.join(CORPUS, "comments", e["file"])) for e in com]
    return res


def read_html(path):
    b = open(path, "rb").read()
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252", errors="replace")


# ---------------------------------------------------------------------------------------------
# Tools: each writes OUT/pred/<tool>/<corpus>/<id>.txt and returns per-page seconds

def run_cli(corpus, items, pred):
    exe = os.path.join(ROOT, "target", "release", "rendezvous")
    times = []
    for pid, path in items:
        t = time.perf_counter()
        r = subprocess.run([exe, "text", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        open(os.path.join(pred, pid + ".txt"), "wb").write(r.stdout)
    return times


def run_trafilatura(corpus, items, pred):
    import trafilatura
    times = []
    for pid, path in items:
        html = read_html(path)
        t = time.perf_counter()
        try:
            txt = trafilatura.extract(html, include_comments=False) or ""
        except Exception:  # noqa: BLE001
            txt = ""
        times.append(time.perf_counter() - t)
        open(os.path.join(pred, pid + ".txt"), "w", encoding="utf-8").write(txt)
    return times


def run_readability_lxml(corpus, items, pred):
    import html_text
    from readability import Document
    times = []
    for pid, path in items:
        html = read_html(path)
        t = time.perf_counter()
        try:
            txt = html_text.extract_text(Document(html).summary(html_partial=True))
        except Exception:  # noqa: BLE001
            txt = ""
        times.append(time.perf_counter() - t)
        open(os.path.join(pred, pid + ".txt"), "w", encoding="utf-8").write(txt)
    return times


def run_readability_js(corpus, items, pred):
    import html_text
    lst = os.path.join(pred, "..", f"{corpus}.list")
    with open(lst, "w") as f:
        for pid, path in items:
            f.write(f"{pid}\t{path}\n")
    html_dir = pred + ".html"
    os.makedirs(html_dir, exist_ok=True)
    r = sh(["node", os.path.join(HERE, "readability_js.mjs"), lst, html_dir], cwd=HERE)
    times = json.loads(r.stdout.strip().splitlines()[-1])["times"]
    for pid, _ in items:
        p = os.path.join(html_dir, pid + ".html")
        content = open(p, encoding="utf-8").read() if os.path.exists(p) else ""
        txt = html_text.extract_text(content) if content.strip() else ""
        open(os.path.join(pred, pid + ".txt"), "w", encoding="utf-8").write(txt)
    return [t / 1000 for t in times]


def run_native(corpus, items, out, tools):
    """dom_smoothie, rs_trafilatura and Rendezvous's in-process text path; returns {tool: stats}."""
    exe = os.path.join(HERE, "baselines", "target", "release", "rendezvous-text-baselines")
    lst = os.path.join(out, "pred", f"{corpus}.list")
    os.makedirs(os.path.dirname(lst), exist_ok=True)
    with open(lst, "w") as f:
        for pid, path in items:
            f.write(f"{pid}\t{path}\n")
    tmp = os.path.join(out, "native", corpus)
    r = sh([exe, lst, tmp, "--runs", "3", "--tools", ",".join(tools)])
    stats = {}
    for line in r.stdout.splitlines():
        if line.startswith("{"):
            s = json.loads(line)
            stats[s["tool"]] = s
    for t in tools:
        if t == "rendezvous":
            continue
        dst = os.path.join(out, "pred", t, corpus)
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(os.path.join(tmp, t), dst)
    return stats


# ---------------------------------------------------------------------------------------------
# Scoring

def score_text(gold, pred, out_json):
    sh([sys.executable, os.path.join(EVAL, "score_text.py"), "--gold", gold, "--pred", pred,
        "--json", out_json])
    j = json.load(open(out_json))
    # score_text --json writes {pred: {...}} or the metrics directly, depending on version.
    if "f1" not in j:
        j = next(iter(j.values()))
        if isinstance(j, dict) and "f1" not in j:
            j = next(iter(j.values()))
    j.pop("per_page", None)
    return j


def score_comments(pred, out_json):
    sh([sys.executable, os.path.join(EVAL, "score_comments.py"),
        os.path.join(CORPUS, "comments", "comments.json"), pred, "--json", out_json])
    j = json.load(open(out_json))
    com = json.load(open(os.path.join(CORPUS, "comments", "comments.json"), encoding="utf-8"))
    leak_set = {e["id"] for e in com if e.get("in_leak_set")}
    j["leaked_in_leak_set"] = len([i for i in j["leaked_ids"] if i in leak_set])
    j["leak_set_pages"] = len(leak_set)
    return j


def readability_gold(out):
    """news-gold.json is already {id: {articleBody}}."""
    return os.path.join(CORPUS, "readability", "news-gold.json")


# ---------------------------------------------------------------------------------------------
# Dates

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


def iso_date(s):
    if not s:
        return None
    s = str(s).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return m.group(0)
    m = re.search(r"(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})", s)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4})", s)
    if m and m.group(1).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    return None


def dates(out):
    exe = os.path.join(ROOT, "target", "release", "rendezvous")
    rows = []
    rd = os.path.join(CORPUS, "readability", "test-pages")
    for d in sorted(os.listdir(rd)):
        mp = os.path.join(rd, d, "expected-metadata.json")
        if not os.path.exists(mp):
            continue
        g = iso_date(json.load(open(mp, encoding="utf-8")).get("publishedTime"))
        if g:
            rows.append(("readability:" + d, os.path.join(rd, d, "source.html"), g, None))
    md = os.path.join(CORPUS, "meetings-dev")
    for f in sorted(os.listdir(os.path.join(md, "gold"))):
        g = json.load(open(os.path.join(md, "gold", f), encoding="utf-8"))
        if g.get("published"):
            stem = f[:-5]
            rows.append(("meetings-dev:" + stem, os.path.join(md, "articles", stem + ".html"),
                         g["published"], g.get("url")))
    res = []
    for rid, path, gold, url in rows:
        cmd = [exe, "analyze", path] + (["--url", url] if url else [])
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            got = json.loads(r.stdout)["meta"].get("published")
        except Exception:  # noqa: BLE001
            got = None
        res.append({"id": rid, "gold": gold, "got": got, "ok": got == gold})
    return res


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=",".join(TOOLS))
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    tools = [t for t in args.only.split(",") if t in TOOLS]
    prev = {}
    prev_path = os.path.join(out, "results.json")
    if args.reuse and os.path.exists(prev_path):
        prev = json.load(open(prev_path))
        tools = ["rendezvous"]
    ok = install(tools, not args.no_install)
    corpora = pages(out)
    results = {t: dict(prev.get("tools", {}).get(t, {})) for t in TOOLS}
    native_tools = [t for t in ("rendezvous", "dom_smoothie", "rs_trafilatura")
                    if t in tools and ok.get("native")]
    for corpus, items in corpora.items():
        if native_tools:
            stats = run_native(corpus, items, out, native_tools)
            for t, s in stats.items():
                results[t][f"{corpus}_native"] = s
        for t in tools:
            if not ok.get(t):
                results[t]["status"] = "not installed"
                continue
            pred = os.path.join(out, "pred", t, corpus)
            if t not in ("dom_smoothie", "rs_trafilatura"):
                shutil.rmtree(pred, ignore_errors=True)
                os.makedirs(pred, exist_ok=True)
                log(f"{t} on {corpus} ({len(items)} pages)")
                fn = {"rendezvous": run_cli, "trafilatura": run_trafilatura,
                      "readability_lxml": run_readability_lxml,
                      "readability_js": run_readability_js}[t]
                times = fn(corpus, items, pred)
                results[t][f"{corpus}_time"] = {"total_s": sum(times), "pages": len(times),
                                                "median_ms": 1000 * sorted(times)[len(times) // 2]}
            if corpus == "scrapinghub":
                results[t]["scrapinghub"] = score_text(
                    os.path.join(CORPUS, "scrapinghub", "ground-truth.json"), pred,
                    os.path.join(out, f"score-{t}-scrapinghub.json"))
            elif corpus == "readability":
                results[t]["readability"] = score_text(
                    readability_gold(out), pred, os.path.join(out, f"score-{t}-readability.json"))
            else:
                results[t]["comments"] = score_comments(
                    pred, os.path.join(out, f"score-{t}-comments.json"))
    date_rows = dates(out) if "rendezvous" in tools else prev.get("dates", [])
    report = table(results, date_rows)
    print(report)
    open(os.path.join(out, "results.md"), "w").write(report + "\n")
    json.dump({"tools": results, "dates": date_rows}, open(prev_path, "w"), indent=1)


def table(results, date_rows):
    def f(x):
        return f"{x:.3f}" if isinstance(x, (int, float)) else "—"

    lines = ["| tool | ScrapingHub F1 | P | R | Readability news F1 | P | R | comment pages leaking "
             "(of 352) | of the 112 leak set | comment-page article F1 | pages/s (ScrapingHub) | "
             "median ms/page |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for t in TOOLS:
        r = results.get(t, {})
        if not r or "scrapinghub" not in r:
            lines.append(f"| {t} | {r.get('status', 'not run')} |" + " |" * 11)
            continue
        s, d, c = r.get("scrapinghub", {}), r.get("readability", {}), r.get("comments", {})
        nat = r.get("scrapinghub_native")
        tm = r.get("scrapinghub_time")
        if nat:
            pps, med = nat["pages_per_s"], nat["median_ms"]
            how = " (in-process, parse incl.)"
        elif tm:
            pps, med = tm["pages"] / tm["total_s"], tm["median_ms"]
            how = ""
        else:
            pps = med = None
            how = ""
        lines.append(
            f"| {t} | {f(s.get('f1'))} | {f(s.get('precision'))} | {f(s.get('recall'))} | "
            f"{f(d.get('f1'))} | {f(d.get('precision'))} | {f(d.get('recall'))} | "
            f"{c.get('leaked', '—')} | {c.get('leaked_in_leak_set', '—')} | {f(c.get('article_f1'))} | "
            f"{pps:.1f}{how} | {f(med)} |" if pps else
            f"| {t} | {f(s.get('f1'))} | {f(s.get('precision'))} | {f(s.get('recall'))} | "
            f"{f(d.get('f1'))} | {f(d.get('precision'))} | {f(d.get('recall'))} | "
            f"{c.get('leaked', '—')} | {c.get('leaked_in_leak_set', '—')} | {f(c.get('article_f1'))} | — | — |")
    cli = results.get("rendezvous", {}).get("scrapinghub_time")
    if cli:
        lines.append("")
        lines.append(f"rendezvous CLI (`rendezvous text`, one process per page, text stages only): "
                     f"{cli['pages'] / cli['total_s']:.1f} pages/s, median {cli['median_ms']:.2f} ms/page")
    if date_rows:
        n = len(date_rows)
        k = sum(1 for r in date_rows if r["ok"])
        lines.append("")
        lines.append(f"Publication date exact: {k}/{n} = {k / n:.1%} of pages with gold metadata "
                     f"(readability publishedTime, meetings-dev published)")
        for r in date_rows:
            if not r["ok"]:
                lines.append(f"  wrong: {r['id']} gold {r['gold']} got {r['got']}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
