"""Keeping output/ between builds, without leftovers.

Deleting output/ before every build (Pelican's DELETE_OUTPUT_DIRECTORY) made a third of a no-change
rebuild at 10,000 stories here: every folder and file had to be made again. Instead output/ is kept, the
build notes every page and feed it writes, and at its end the pages and feeds it did not write (a story
gone from the dumps, a topic no story has any more, a robots.txt the site no longer has) are removed, and
the folders they leave empty. Other files are not touched: the theme's static files are copied over on
every build, and the search index (pagefind/) is kept up to date by search.py.
"""
from __future__ import annotations

import os
from pathlib import Path

PRUNED_SUFFIXES = (".html", ".xml", ".opml")
PRUNED_AT_ROOT = ("robots.txt",)  # written only for a site at its domain's root (seo.py)
MANAGED_ELSEWHERE = ("pagefind",)


def stale_files(output: Path, written: set[str]) -> list[Path]:
    """Pages and feeds under `output` that this build did not write (`written`: absolute paths)."""
    out = []
    for folder, dirs, files in os.walk(output):
        root = folder == str(output)
        if root:
            dirs[:] = [d for d in dirs if d not in MANAGED_ELSEWHERE]
        out += [Path(folder, f) for f in files
                if (f.endswith(PRUNED_SUFFIXES) or root and f in PRUNED_AT_ROOT)
                and os.path.join(folder, f) not in written]
    return sorted(out)


def prune(output: Path, written: set[str]) -> list[Path]:
    """Remove the stale pages and feeds and the folders left empty; returns what was removed."""
    output = Path(os.path.abspath(output))
    stale = stale_files(output, {os.path.abspath(p) for p in written})
    for path in stale:
        path.unlink()
        folder = path.parent
        while folder != output and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return stale
