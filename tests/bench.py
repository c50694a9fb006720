"""`make bench`: how fast and how big the pipeline's stages are, on the synthetic corpus
(tests/synthetic.py).

Dedup stage: the articles are built in memory straight from the generator (the stage's input, as the
cleaning stage hands it over), then `dedup()` is timed alone, with the memory it adds to the process's
peak resident size, and its result is checked against the planted copies. Sizes: BENCH_N (comma separated), default 10000,100000.
Prints a table and writes bench-results.json (or BENCH_OUT).
"""
from __future__ import annotations

import gc
import json
import os
import sys
import resource
import time
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from digest.dedup import dedup  # noqa: E402
from digest.model import Article, Block  # noqa: E402
from synthetic import stories  # noqa: E402


def articles(n: int) -> tuple[list[Article], list[str]]:
    """n articles as the cleaning stage hands them to dedup, and the true story id of each."""
    items, _ = stories(n)
    out, truth = [], []
    for k, (story, _role) in enumerate(items):
        blocks = [Block("p", p, (i + 1,)) for i, p in enumerate(story.paragraphs)]
        out.append(Article(dump=f"{k // 10:05d}.txt", blocks=blocks, title=story.title, format="synthetic",
                           date=story.date.replace(tzinfo=timezone.utc), date_source="dump"))
        truth.append(story.id)
    return out, truth


def check(stories_found, truth: list[str], batch: list[Article]) -> dict:
    index = {id(a): i for i, a in enumerate(batch)}
    wrong = sum(len({truth[index[id(c)]] for c in s.copies}) > 1 for s in stories_found)
    planted = len(truth) - len(set(truth))
    merged = len(truth) - len(stories_found) + wrong  # copies folded into their story
    return {"planted_copies": planted, "merged": min(merged, planted), "wrong_merges": wrong}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_dedup(n: int) -> dict:
    """Time dedup() on n articles; its memory is how far it raises the process's peak resident size above
    what the articles themselves already take."""
    batch, truth = articles(n)
    gc.collect()
    before = peak_rss_mb()
    start = time.perf_counter()
    found = dedup(batch)
    seconds = time.perf_counter() - start
    return {"stage": "dedup", "articles": n, "seconds": round(seconds, 2), "articles_per_s": round(n / seconds),
            "peak_mb_added": round(peak_rss_mb() - before, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
            **check(found, truth, batch)}


def main() -> None:
    sizes = [int(x) for x in os.environ.get("BENCH_N", "10000,100000").split(",") if x.strip()]
    rows = [bench_dedup(n) for n in sizes]
    print(f"{'stage':<8} {'articles':>9} {'seconds':>8} {'art/s':>8} {'+peak MB':>9} {'RSS MB':>7} {'copies':>7} "
          f"{'merged':>7} {'wrong':>6}")
    for r in rows:
        print(f"{r['stage']:<8} {r['articles']:>9,} {r['seconds']:>8} {r['articles_per_s']:>8,} "
              f"{r['peak_mb_added']:>9} {r['peak_rss_mb']:>7} {r['planted_copies']:>7} {r['merged']:>7} "
              f"{r['wrong_merges']:>6}")
    out = Path(os.environ.get("BENCH_OUT", ROOT / "bench-results.json"))
    out.write_text(json.dumps({"python": sys.version.split()[0], "rows": rows}, indent=1) + "\n")
    print(f"results: {out}")


if __name__ == "__main__":
    main()
