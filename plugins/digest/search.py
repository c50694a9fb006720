"""Site search: index the built site with Pagefind (its binary ships in the `pagefind_bin` wheel).

Only story pages are indexed (the article template marks its body with data-pagefind-body); their topic
and asset chips become the `topic` and `asset` filters and their date the `date` sort. The index lands in
output/pagefind/, which the theme's search page loads.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why."""


def index_site(output: Path) -> str:
    """Index `output` in place; returns Pagefind's one-line summary ("Indexed 31 pages, ...")."""
    from pagefind_bin import get_executable

    try:
        proc = subprocess.run([str(get_executable()), "--site", str(output)],
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SearchIndexFailed(f"pagefind did not run: {e}") from e
    if proc.returncode != 0:
        raise SearchIndexFailed(f"pagefind failed: {(proc.stderr or proc.stdout).strip()[-500:]}")
    return f"{summary(proc.stdout)} into {output / 'pagefind'}"


def summary(log: str) -> str:
    """The figures of Pagefind's log: pages, words and filters indexed."""
    figures = {key: int(n) for n, key in re.findall(r"Indexed (\d+) (page|word|filter)", log)}
    return (f"search: indexed {figures.get('page', 0)} pages, {figures.get('word', 0)} words, "
            f"{figures.get('filter', 0)} filters")
