"""Train the headline model: which candidate line of a copied page is its headline (headline.py).

    python -m digest.ingest.lines.train_headline SET [SET ...] [--out FILE] [--folds 5]

The sets are train.py's (`bodies`, `fundus` or folders with copies/ and truth.json). A page's headline is
its truth's "title" when it has one (fundus's pages), else what its saved page states as its headline: the
<h1> elements and og:title of `<id>.html.gz` beside the truth (../shared/bench/article-extraction/html for
`bodies`). A candidate is labelled a headline when its words are the headline's, or hold it or are held by
it (a site's name added to og:title). The candidates are those the ingest weighs, read with the shipped
line model (so train the line model first: make train does). Cross-validated by site first; seeded and
single-threaded: the same sets and line model give the same file.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from ..dumps import decode
from ..formats.page_copy import read
from ..text import dominant_script, fold
from .headline import best, candidate_matrix, save
from .train import SHARED, fold_of, resolve

PARAMS = dict(objective="binary", learning_rate=0.05, num_leaves=15, min_data_in_leaf=10, seed=7,
              deterministic=True, num_threads=1, force_row_wise=True, verbose=-1)
ROUNDS = 200
SAVED_PAGES = {"bodies": SHARED / "article-extraction" / "html"}


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def is_headline(title: str, headlines: set[str]) -> bool:
    """`title` is one of `headlines` (each given as words()), or holds one or is held by one that is at
    most twice as long (a site's name or a kicker added to it; not the site's name alone)."""
    t = words(title)
    return any(t == h or (min(len(t), len(h)) > 10 and (t in h or h in t) and max(len(t), len(h)) <= 2 * min(len(t), len(h)))
               for h in headlines)


def page_headlines(html: bytes, name: str) -> set[str]:
    """What a saved page states as its headline: its <h1> elements and its og:title, as words()."""
    import lxml.html
    text = re.sub(r"^\s*<\?xml[^>]*>", "", decode(html, name))  # lxml refuses a str that declares an encoding
    tree = lxml.html.document_fromstring(text or "<html></html>")
    found = [" ".join(h.itertext()) for h in tree.iter("h1")] + tree.xpath('//meta[@property="og:title"]/@content')
    return {words(t) for t in found if words(t)}


def load(name: str) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Each page of a set with a known headline, as (site, candidate features, candidate labels)."""
    copies, truth_file = resolve(name)
    saved = SAVED_PAGES.get(name, truth_file.parent / "html")
    pages = []
    for path, entry in sorted(json.loads(truth_file.read_text(encoding="utf-8")).items()):
        copy = copies / f"{path}.txt"
        html = saved / f"{path}.html.gz"
        heads = {words(entry["title"])} if entry.get("title") else (
            page_headlines(gzip.decompress(html.read_bytes()), html.name) if html.exists() else set())
        if not copy.exists() or not heads:
            continue
        text = copy.read_text(encoding="utf-8")
        page = read(text.split("\n"))
        kept = [k for k in page.kept if k not in page.repeats]
        if not kept:
            continue
        lines, matrix = candidate_matrix(page.texts, kept, page.probs, dominant_script(text))
        labels = np.array([is_headline(page.texts[k], heads) for k in lines], dtype=float)
        site = urlparse(entry.get("url") or "").netloc.removeprefix("www.") or path
        pages.append((site, matrix, labels))
    return pages


def fit(pages: list[tuple[str, np.ndarray, np.ndarray]]):
    import lightgbm as lgb
    X = np.vstack([m for _, m, _ in pages])
    y = np.concatenate([labels for _, _, labels in pages])
    return lgb.train(PARAMS, lgb.Dataset(X, y), ROUNDS)


def right(booster, pages) -> int:
    """How many pages' chosen candidate (headline.best) is their headline."""
    chosen = [(best(m, booster.predict(m)) if len(m) else None, labels) for _, m, labels in pages]
    return sum(bool(k is not None and labels[k]) for k, labels in chosen)


def cross_validate(sets: dict[str, list], folds: int) -> None:
    everything = [p for pages in sets.values() for p in pages]
    hits = dict.fromkeys(sets, 0)
    for f in range(folds):
        booster = fit([p for p in everything if fold_of(p[0], folds) != f])
        for name, pages in sets.items():
            hits[name] += right(booster, [p for p in pages if fold_of(p[0], folds) == f])
    for name, pages in sets.items():
        reachable = sum(bool(labels.any()) for _, _, labels in pages)
        print(f"{name}: headline right on {hits[name]} of {len(pages)} pages, cross-validated by site "
              f"({reachable} have it among their candidates)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m digest.ingest.lines.train_headline", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", help="training sets: bodies, fundus, or folders with copies/ and truth.json")
    ap.add_argument("--out", type=Path, help="write the trained model here")
    ap.add_argument("--folds", type=int, default=5, help="cross-validate by site first (0: skip)")
    args = ap.parse_args(argv)
    sets = {name: load(name) for name in args.sets}
    print(f"{sum(map(len, sets.values()))} pages with a known headline, "
          f"{sum(len(m) for pages in sets.values() for _, m, _ in pages)} candidates")
    if args.folds:
        cross_validate(sets, args.folds)
    if args.out:
        save(fit([p for pages in sets.values() for p in pages]), args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
