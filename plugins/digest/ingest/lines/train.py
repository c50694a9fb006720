"""Train the line model: which lines of a copied page are its article.

    python -m digest.ingest.lines.train SET [SET ...] [--out FILE] [--folds 5] [--eval SET ...]

A SET is a folder holding `copies/<id>.txt` (a page as a reader's browser copies it, made by
../shared/tools/copy_pages.py) and `truth.json` ({id: {"articleBody": ..., "url": ...}}, or snippet lists
{"with": [...], "without": [...]}); `bodies` and `snippets` name the two page-copy sets of ../shared/bench,
`fundus` the news pages fundus.py copies into cache/train/fundus.
Each non-blank line is labelled article when most of its word 4-grams are in the page's human-written body
(a short line: when it stands in the body between article lines); with snippet truth only lines holding a
snippet are labelled. Cross-validation folds are by site, so no site is both trained on and scored. The
model is LightGBM, seeded and single-threaded: the same sets give the same file. PROVENANCE.md says which
public pages the shipped model was trained on.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from ..text import fold
from . import words
from .features import features
from .model import NAMES, context_features, line_matrix

PROJECT = Path(__file__).resolve().parents[4]
SHARED = PROJECT.parent / "shared" / "bench"  # ../shared beside the project
FUNDUS = PROJECT / "cache" / "train" / "fundus"  # made by `python -m digest.ingest.lines.fundus` (make train)
NAMED_SETS = {"bodies": (SHARED / "page-copies" / "copies", SHARED / "article-extraction" / "ground-truth.json"),
              "snippets": (SHARED / "page-copies-snippets" / "copies", SHARED / "page-copies-snippets" / "truth.json"),
              "fundus": (FUNDUS / "copies", FUNDUS / "truth.json")}
PARAMS = dict(objective="binary", learning_rate=0.05, num_leaves=15, min_data_in_leaf=20, feature_fraction=0.8,
              bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0, seed=7, deterministic=True, num_threads=1,
              force_row_wise=True, verbose=-1)
ROUNDS = 250
# A snippet-labelled line weighs this many body-labelled lines: a snippet page labels a few lines, a page
# with its whole body every line, and without the weight the snippet pages count for little (cross-validated
# by site through the ingest: 3 lifted them from 0.874 to 0.882 when bodies and snippets were the only sets;
# with fundus's body-labelled lines added, 5 gave 0.896 where 3 gave 0.893, the other sets the same or better)
SNIPPET_WEIGHT = 5.0
_TOKEN = re.compile(r"\w+")


@dataclass
class Page:
    id: str
    site: str
    lines: list[str]
    labels: np.ndarray      # per non-blank line: 1 article, 0 furniture, -1 unknown
    body: str | None        # the human-written body, when the truth has one
    tokens: list[list[str]]  # per non-blank line: its words and word pairs (words.tokens)

    @property
    def weight(self) -> float:
        return 1.0 if self.body is not None else SNIPPET_WEIGHT


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def _shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def label_lines(texts: list[str], body: str) -> np.ndarray:
    gold_tokens = _tokens(body)
    gold = _shingles(gold_tokens)
    joined = " " + " ".join(gold_tokens) + " "
    labels = np.zeros(len(texts), dtype=np.int8)
    short = []
    for k, text in enumerate(texts):
        tokens = _tokens(text)
        if len(tokens) >= 4:
            mine = _shingles(tokens)
            labels[k] = sum(s in gold for s in mine) >= 0.5 * len(mine)
        elif tokens and f" {' '.join(tokens)} " in joined:
            short.append(k)
    for k in short:  # a short line counts when it stands among article lines (a subheading)
        near = [labels[j] for j in (k - 1, k + 1) if 0 <= j < len(texts) and len(_tokens(texts[j])) >= 4]
        labels[k] = any(near)
    return labels


def label_snippets(texts: list[str], keep: list[str], drop: list[str]) -> np.ndarray:
    labels = np.full(len(texts), -1, dtype=np.int8)
    folded = [" ".join(fold(t).split()) for t in texts]
    for snippets, value in ((drop, 0), (keep, 1)):
        for snippet in snippets:
            s = " ".join(fold(snippet).split())
            for k, text in enumerate(folded):
                if s and s in text:
                    labels[k] = value
    return labels


def load_set(copies: Path, truth_file: Path) -> list[Page]:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for path in sorted(copies.glob("*.txt")):
        entry = truth.get(path.stem)
        if entry is None:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        texts = [" ".join(ln.split()) for ln in lines if ln.strip()]
        site = urlparse(entry.get("url") or "").netloc.removeprefix("www.") or path.stem
        if "articleBody" in entry:
            labels, body = label_lines(texts, entry["articleBody"]), entry["articleBody"]
        else:
            labels, body = label_snippets(texts, entry.get("with", []), entry.get("without", [])), None
        pages.append(Page(path.stem, site, lines, labels, body, [words.tokens(t) for t in texts]))
    return pages


def resolve(name: str) -> tuple[Path, Path]:
    copies, truth = NAMED_SETS.get(name) or (Path(name) / "copies", Path(name) / "truth.json")
    if not truth.exists():
        hint = f"; make it with python -m digest.ingest.lines.fundus {FUNDUS} (make train does)" if name == "fundus" else ""
        raise SystemExit(f"training set {name!r}: {truth} is absent{hint}")
    return copies, truth


def fold_of(site: str, folds: int) -> int:
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % folds


def base_matrix(pages: list[Page]) -> list[np.ndarray]:
    """Each page's shape features (its wording's columns depend on the pages the words are learned from)."""
    return [features(p.lines)[0] for p in pages]


def learn_words(pages: list[Page], idx: list[int]) -> dict[str, float]:
    return words.learn((pages[i].site, toks, int(label), pages[i].weight)
                       for i in idx for toks, label in zip(pages[i].tokens, pages[i].labels) if label >= 0)


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray | None = None, rounds: int = ROUNDS):
    """One LightGBM stage; `w` weighs each line (SNIPPET_WEIGHT for snippet-labelled ones)."""
    import lightgbm as lgb
    return lgb.train(PARAMS, lgb.Dataset(X, y, weight=w, feature_name=None, free_raw_data=False), rounds)


def two_stage(pages: list[Page], bases: list[np.ndarray], train_idx: list[int], folds: int = 4):
    """Stage one on the shape and wording features; stage two adds each line's neighbours' stage-one
    probabilities. Both learn from out-of-fold values (a page's wording columns from words learned on
    other sites, stage one's probabilities from a model trained on other sites), so they see them as
    they will be on a new page."""
    sites = sorted({pages[i].site for i in train_idx})
    inner = {s: fold_of("inner" + s, folds) for s in sites}
    groups = [([i for i in train_idx if inner[pages[i].site] != f], [i for i in train_idx if inner[pages[i].site] == f])
              for f in range(folds)]
    mats = {}
    for fit_on, predict_on in groups:
        odds = learn_words(pages, fit_on)
        for i in predict_on:
            mats[i] = line_matrix(bases[i], pages[i].tokens, odds)
    oof = {i: np.zeros(len(bases[i])) for i in train_idx}
    for fit_on, predict_on in groups:
        if predict_on and fit_on:
            m1 = fit(*_stack(pages, mats, fit_on))
            for i in predict_on:
                oof[i] = m1.predict(mats[i])
    first = fit(*_stack(pages, mats, train_idx))
    ctx = {i: np.hstack([mats[i], context_features(oof[i])]) for i in train_idx}
    second = fit(*_stack(pages, ctx, train_idx))
    return first, second, learn_words(pages, train_idx)


def _stack(pages, mats, idx):
    X = np.vstack([mats[i] for i in idx])
    y = np.concatenate([pages[i].labels for i in idx])
    w = np.concatenate([np.full(len(pages[i].labels), pages[i].weight) for i in idx])
    keep = y >= 0
    return X[keep], y[keep], w[keep]


def predict(models, page: Page, shape: np.ndarray) -> np.ndarray:
    first, second, odds = models
    base = line_matrix(shape, page.tokens, odds)
    p1 = first.predict(base)
    return second.predict(np.hstack([base, context_features(p1)]))


def score(page: Page, probs: np.ndarray, threshold: float = 0.5) -> tuple[float, float]:
    """Precision and recall of the kept lines against the page's body (the page-copy benchmark's metric)."""
    sys.path.insert(0, str(SHARED.parent / "tools"))
    from score_html import prec, rec, tp_fp_fn  # the graders' metric
    texts = [ln for ln in page.lines if ln.strip()]
    kept = "\n".join(t for t, p in zip(texts, probs) if p >= threshold)
    counts = tp_fp_fn(page.body, kept)
    return prec(*counts), rec(*counts)


def cross_validate(pages: list[Page], bases: list[np.ndarray], folds: int, evaluate: set[int]) -> None:
    by_fold = [fold_of(p.site, folds) for p in pages]
    results = {}
    for f in range(folds):
        train_idx = [i for i in range(len(pages)) if by_fold[i] != f]
        models = two_stage(pages, bases, train_idx)
        for i in range(len(pages)):
            if by_fold[i] == f and i in evaluate:
                results[i] = predict(models, pages[i], bases[i])
    report(pages, results)


def report(pages, results):
    scored = [score(pages[i], p) for i, p in results.items() if pages[i].body is not None]
    if scored:
        P = float(np.mean([s[0] for s in scored])); R = float(np.mean([s[1] for s in scored]))
        print(f"cross-validated lines, {len(scored)} pages with bodies: F1 {2 * P * R / (P + R):.3f} "
              f"(precision {P:.3f}, recall {R:.3f})")
    snip = [(pages[i], p) for i, p in results.items() if pages[i].body is None]
    if snip:
        tp = sum(int(((pg.labels == 1) & (p >= .5)).sum()) for pg, p in snip)
        fn = sum(int(((pg.labels == 1) & (p < .5)).sum()) for pg, p in snip)
        fp = sum(int(((pg.labels == 0) & (p >= .5)).sum()) for pg, p in snip)
        P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"cross-validated lines, {len(snip)} snippet pages: F1 {2 * P * R / max(1e-9, P + R):.3f} "
              f"(precision {P:.3f}, recall {R:.3f})")


def score_pages_cv(pages: list[Page], bases: list[np.ndarray], folds: int, sets: list[str]) -> None:
    """Cross-validation through the whole ingest: for each fold of sites, a model trained on the pages of
    every other site (of every set) ingests the fold's copies of each of `sets`, and
    ../shared/tools/score_pages.py scores the posts. Fold figures are weighted by their pages."""
    import tempfile
    from .model import save
    runs: dict[str, list[tuple[int, str]]] = {name: [] for name in sets}
    for f in range(folds):
        with tempfile.TemporaryDirectory() as work:
            model = Path(work) / "model.json"
            # no page of the fold's sites is trained on, whichever set it comes from
            save(two_stage(pages, bases, [i for i, p in enumerate(pages) if fold_of(p.site, folds) != f]), model)
            for name in sets:
                runs[name].append(_score_fold(name, f, folds, model, Path(work) / Path(name).name))
                print(f"fold {f} {name}: {runs[name][-1][1]}", flush=True)
    for name, results in runs.items():
        n = sum(k for k, _ in results)
        parsed = [(k, re.search(r"F1 [\d.]+ \(precision ([\d.]+), recall ([\d.]+)\); no post (\d+), split into "
                                r"several posts (\d+), posts merging pages (\d+)", out)) for k, out in results]
        P = sum(k * float(m[1]) for k, m in parsed) / n
        R = sum(k * float(m[2]) for k, m in parsed) / n
        none, split, merged = (sum(int(m[j]) for _, m in parsed) for j in (3, 4, 5))
        print(f"{name}: page copies cross-validated by site through the ingest, {n} pages: F1 "
              f"{2 * P * R / (P + R):.3f} (precision {P:.3f}, recall {R:.3f}); no post {none}, split {split}, "
              f"merging pages {merged}")


def _score_fold(name: str, f: int, folds: int, model: Path, work: Path) -> tuple[int, str]:
    import os
    import shutil
    import subprocess
    copies, truth = resolve(name)
    entries = json.loads(truth.read_text(encoding="utf-8"))
    held = [path for path in sorted(copies.glob("*.txt")) if path.stem in entries
            and fold_of(urlparse(entries[path.stem].get("url") or "").netloc.removeprefix("www.") or path.stem,
                        folds) == f]
    (work / "copies").mkdir(parents=True)
    for path in held:
        shutil.copy(path, work / "copies")
    plugins = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, str(SHARED.parent / "tools" / "score_pages.py"), "--copies",
                          str(work / "copies"), "--truth", str(truth), "--keep", str(work / "run"), "--ingest",
                          f"{sys.executable} -m digest {{dumps}} {{posts}} > /dev/null"],
                         capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(plugins), "DIGEST_LINE_MODEL": str(model)})
    last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    if "F1" not in last:
        raise SystemExit(f"the ingest failed on {name} fold {f}:\n{out.stdout[-1500:]}{out.stderr[-1500:]}")
    return len(held), last


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m digest.ingest.lines.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", help="training sets: bodies, snippets, or folders with copies/ and truth.json")
    ap.add_argument("--out", type=Path, help="write the trained model here")
    ap.add_argument("--folds", type=int, default=5, help="cross-validate by site first (0: skip)")
    ap.add_argument("--eval", nargs="*", default=[], help="sets only scored, never trained on")
    ap.add_argument("--score-pages", nargs="*", default=[], metavar="SET",
                    help="cross-validate by site through the ingest and ../shared/tools/score_pages.py on these "
                         "sets (e.g. bodies snippets)")
    args = ap.parse_args(argv)
    pages = [p for name in args.sets for p in load_set(*resolve(name))]
    held = [p for name in args.eval for p in load_set(*resolve(name))]
    bases = base_matrix(pages + held)
    print(f"{len(pages)} pages, {sum(len(b) for b in bases[:len(pages)])} lines; {len(NAMES)} features")
    if args.folds and not args.score_pages:  # the cross-validation through the ingest says more
        cross_validate(pages, bases[:len(pages)], args.folds, set(range(len(pages))))
    if args.score_pages:
        score_pages_cv(pages, bases[:len(pages)], args.folds or 5, args.score_pages)
    if held or args.out:
        models = two_stage(pages, bases[:len(pages)], list(range(len(pages))))
        if held:
            report(held, {i: predict(models, held[i], bases[len(pages) + i]) for i in range(len(held))})
        if args.out:
            from .model import save
            save(models, args.out)
            print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
