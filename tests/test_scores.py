"""The graded marks: the seed ingest through ../shared/tools/score_ingest.py and the 181-page HTML benchmark
through ../shared/tools/score_html.py, both run exactly as the graders run them (via `make ingest`'s CLI)."""
from __future__ import annotations

import gzip
import re
import shlex
import subprocess
import sys

from conftest import ROOT, need_shared, read_post, run_cli
from digest.ingest.lines.train_headline import is_headline, page_headlines


def test_seed_ingest_meets_the_marks(seeds, tmp_path):
    posts = tmp_path / "posts"
    assert run_cli(seeds, posts).returncode == 0
    scorer = need_shared("tools", "score_ingest.py")
    out = subprocess.run([sys.executable, str(scorer), "--posts", str(posts), "--truth",
                          str(need_shared("seeds-truth.json")), "-v"], capture_output=True, text=True).stdout
    summary = out.strip().splitlines()[-1]
    misses = "\n".join(ln for ln in out.splitlines() if not ln.startswith(("ASSETS", "TOPICS", "score")))
    expected = ["articles R=1.0 P=1.0 (31 posts, 0 unmatched)", "titles 30/30", "dates 7/7", "starts 31/31",
                "ends 31/31", "leaks 0", "dup paras 0", "dup stories 0"]
    for mark in expected:
        assert mark in summary, f"{mark!r} missing from: {summary}\n{misses}"


def test_html_benchmark_f1(tmp_path):
    scorer = need_shared("tools", "score_html.py")
    ingest = (f"PYTHONPATH={shlex.quote(str(ROOT / 'plugins'))} {shlex.quote(sys.executable)} -m digest "
              "{dumps} {posts} > /dev/null")
    out = subprocess.run([sys.executable, str(scorer), "--ingest", ingest], capture_output=True, text=True,
                         cwd=tmp_path).stdout
    last = out.strip().splitlines()[-1]
    m = re.search(r"without post (\d+) .* F1 ([\d.]+)", last)
    assert m, out[-2000:]
    assert int(m.group(1)) == 0 and float(m.group(2)) >= 0.95, last


def _score_pages(tmp_path, *args: str) -> str:
    scorer = need_shared("tools", "score_pages.py")
    ingest = (f"PYTHONPATH={shlex.quote(str(ROOT / 'plugins'))} {shlex.quote(sys.executable)} -m digest "
              "{dumps} {posts} > /dev/null")
    out = subprocess.run([sys.executable, str(scorer), "--ingest", ingest, "--keep", str(tmp_path), *args],
                         capture_output=True, text=True, cwd=ROOT).stdout
    return out.strip().splitlines()[-1]


def test_page_copies_become_one_clean_post_each(tmp_path):
    """The 181 pages as a reader copies them from a browser, at least at issue 15's marks. The shipped line
    model learned from these pages too (ingest/lines/PROVENANCE.md), so the floor sits a little under its
    figure (F1 0.954, precision 0.951) to catch regressions of the whole ingest; the figure on pages it never
    saw is the cross-validated one (README, the line model). The titles, which the body scorer cannot see,
    are checked against the headlines the saved pages state."""
    last = _score_pages(tmp_path)
    m = re.search(r"F1 ([\d.]+) \(precision ([\d.]+), recall [\d.]+\); no post (\d+), split into several posts "
                  r"(\d+), posts merging pages (\d+)", last)
    assert m, last
    f1, precision, none, split, merged = float(m[1]), float(m[2]), int(m[3]), int(m[4]), int(m[5])
    assert f1 >= 0.94 and precision >= 0.93 and none == 0 and split <= 5 and merged == 0, last
    # the posts' titles: each saved page states its headline (<h1>, og:title); 171 of 181 posts take it (the
    # headline model learned from these pages too: 144 cross-validated by site, 129 before it)
    saved = need_shared("bench", "article-extraction", "html")
    matched = []
    for meta, _ in map(read_post, (tmp_path / "posts").glob("*.md")):
        page = saved / (meta["Sources"].split(",")[0].strip().removesuffix(".txt") + ".html.gz")
        matched.append(is_headline(meta["Title"], page_headlines(gzip.decompress(page.read_bytes()), page.name)))
    assert sum(matched) >= 165, f"{sum(matched)} of {len(matched)} titles are the page's headline"
