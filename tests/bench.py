"""`make bench`: how fast and how big, against plain Pelican, on the synthetic corpus (tests/synthetic.py).

For each size N (BENCH_N, comma separated; default 1000,10000), in a scratch folder (BENCH_ONLY=ingest:
the first step only, e.g. for BENCH_N=100000):

  ingest       `python -m digest DUMPS POSTS` alone, no cache: parse + clean + dedup + tag + write posts;
               and how dedup did at that size: the planted copies merged, distinct stories joined (the
               bench fails unless >= 99% and none: more stories give the dedup more chances to go wrong;
               tests/test_dedup.py checks it at 2,000 articles on every `make test`)
  cold         a full `make html` equivalent (Pelican with our settings, plugin and theme) from an empty
               output/ and cache/: ingest, pages, topic and asset pages, feeds, search index
  no-change    the same build again
  add-dump     the build after adding one new dump of 20 articles
  baseline     plain Pelican 4.12, default settings and default theme, reading the same posts (the
               Markdown our ingest wrote), from an empty output/; and once more

Each is a separate process; seconds are wall-clock, memory is its peak resident size. Our figures are also
given as ratios to the baseline's cold build, the rebuilds as ratios to our cold build too. Prints a table
and writes bench-results.json (or BENCH_OUT). One run: these machines are noisy, compare ratios.
"""
from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_site  # noqa: E402
from synthetic import evaluate, extra_dump, generate  # noqa: E402

PYTHON = sys.executable
TARGETS = {"cold_vs_baseline": 1.0, "no_change_vs_cold": 0.3, "add_dump_vs_cold": 0.4}


def run(args: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run a command; its wall-clock seconds and peak resident memory (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{output[-3000:]}")
    return {"seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024), "output": output}


def pelican(site: Path, content: Path, settings: Path, env: dict | None = None) -> dict:
    result = run([PYTHON, "-m", "pelican", str(content), "-o", str(site / "output"), "-s", str(settings)], site, env)
    files = [p for p in (site / "output").rglob("*") if p.is_file()]
    result["pages"] = sum(p.suffix == ".html" for p in files)
    result["files"] = len(files)
    # our builds print how long their ingest and search indexing took: the rest is Pelican's part
    split = {step: float(m.group(1)) for step in ("ingest", "search")
             if (m := re.search(rf"^{step}: .* in ([\d.]+) s\b", result["output"], re.M))}
    if split:
        result["split"] = {**split, "pelican": round(result["seconds"] - sum(split.values()), 1)}
    return result


def bench(n: int, scratch: Path) -> dict:
    corpus = generate(n, scratch / "corpus")
    dumps = scratch / "corpus" / "dumps"
    articles = corpus["articles"]
    row: dict = {"articles": articles, "dumps": corpus["dumps"]}

    ingest = run([PYTHON, "-m", "digest", str(dumps), str(scratch / "posts")], ROOT,
                 {"PYTHONPATH": str(ROOT / "plugins")})
    row["ingest"] = {"seconds": ingest["seconds"], "peak_mb": ingest["peak_mb"],
                     "articles_per_s": round(articles / ingest["seconds"])}
    score = evaluate(corpus, json.loads((scratch / "posts" / "ingest-report.json").read_text(encoding="utf-8")))
    row["dedup"] = {"recall": score["recall"], "wrong_merges": score["wrong_merges"]}
    if score["recall"] < 0.99 or score["wrong_merges"]:
        raise SystemExit(f"bench: dedup at {n:,} articles merged {score['recall']:.1%} of the planted copies and "
                         f"joined {score['wrong_merges']} distinct stories (wanted >= 99% and none)")
    if os.environ.get("BENCH_ONLY") == "ingest":
        return row

    site = copy_site(scratch / "site")
    conf, content, env = site / "pelican.conf.py", site / "content", {"DUMPS": str(dumps)}
    row["cold"] = pelican(site, content, conf, env)
    posts = sorted((content / "posts").glob("*.md"))
    row["posts"] = len(posts)
    row["no_change"] = pelican(site, content, conf, env)
    (dumps / "zz-one-more-dump.txt").write_text(extra_dump(), encoding="utf-8")
    row["add_dump"] = pelican(site, content, conf, env)
    (dumps / "zz-one-more-dump.txt").unlink()

    base = scratch / "baseline"
    (base / "content").mkdir(parents=True)
    for post in posts:
        shutil.copy(post, base / "content")
    (base / "settings.py").write_text("# plain Pelican: every setting at its default\n")
    row["baseline"] = pelican(base, base / "content", base / "settings.py")
    row["baseline_again"] = pelican(base, base / "content", base / "settings.py")

    cold, baseline = row["cold"]["seconds"], row["baseline"]["seconds"]
    row["ratios"] = {
        "cold_vs_baseline": round(cold / baseline, 2),
        "no_change_vs_baseline": round(row["no_change"]["seconds"] / baseline, 2),
        "add_dump_vs_baseline": round(row["add_dump"]["seconds"] / baseline, 2),
        "ingest_vs_baseline": round(row["ingest"]["seconds"] / baseline, 2),
        "no_change_vs_cold": round(row["no_change"]["seconds"] / cold, 2),
        "add_dump_vs_cold": round(row["add_dump"]["seconds"] / cold, 2),
        "memory_cold_vs_baseline": round(row["cold"]["peak_mb"] / row["baseline"]["peak_mb"], 2),
    }
    for key in ("cold", "no_change", "add_dump", "baseline", "baseline_again"):
        row[key].pop("output")
    return row


def machine() -> str:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model or platform.processor()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(rows: list[dict]) -> list[str]:
    out = [f"{'articles':>9} {'step':<16} {'seconds':>8} {'peak MB':>8} {'pages':>7}  ratio"]
    for r in rows:
        if "ratios" not in r:  # BENCH_ONLY=ingest
            out.append(f"{r['articles']:>9,} {'ingest':<16} {r['ingest']['seconds']:>8} {r['ingest']['peak_mb']:>8} "
                       f"{'':>7}  {r['ingest']['articles_per_s']:,} articles/s; {_dedup(r)}")
            continue
        ratios = r["ratios"]
        lines = [
            ("ingest", r["ingest"], f"{r['ingest']['articles_per_s']:,} articles/s, "
                                    f"{ratios['ingest_vs_baseline']}x baseline; {_dedup(r)}"),
            ("cold build", r["cold"], f"{ratios['cold_vs_baseline']}x baseline (target <= 1.0)"),
            ("no-change", r["no_change"], f"{ratios['no_change_vs_cold']}x cold (target <= 0.3), "
                                          f"{ratios['no_change_vs_baseline']}x baseline"),
            ("add 1 dump (20)", r["add_dump"], f"{ratios['add_dump_vs_cold']}x cold (target <= 0.4), "
                                               f"{ratios['add_dump_vs_baseline']}x baseline"),
            ("baseline", r["baseline"], "plain Pelican, default settings and theme, same posts"),
            ("baseline again", r["baseline_again"], ""),
        ]
        for step, m, note in lines:
            out.append(f"{r['articles']:>9,} {step:<16} {m['seconds']:>8} {m['peak_mb']:>8} "
                       f"{m.get('pages', ''):>7}  {note}")
            if "split" in m:
                out.append(f"{'':>9} {'':<16} {'':>8} {'':>8} {'':>7}  = " + ", ".join(
                    f"{k} {v} s" for k, v in m["split"].items()))
    return out


def _dedup(row: dict) -> str:
    return f"dedup: {row['dedup']['recall']:.1%} of copies merged, {row['dedup']['wrong_merges']} wrong merges"


def main() -> None:
    sizes = [int(x) for x in os.environ.get("BENCH_N", "1000,10000").split(",") if x.strip()]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as scratch:
            print(f"bench: {n:,} articles ...", flush=True)
            rows.append(bench(n, Path(scratch)))
    print(f"machine: {machine()}")
    print("\n".join(table(rows)))
    out = Path(os.environ.get("BENCH_OUT", ROOT / "bench-results.json"))
    out.write_text(json.dumps({"machine": machine(), "targets": TARGETS, "rows": rows}, indent=1) + "\n")
    print(f"results: {out}")


if __name__ == "__main__":
    main()
