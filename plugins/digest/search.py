"""Site search: index the built site with Pagefind (its binary ships in the `pagefind_bin` wheel).

Only story pages are indexed (only they are handed to Pagefind, and the article template marks its body
with data-pagefind-body); their topic and asset chips become the `topic` and `asset` filters and their date
the `date` sort. The index lands in output/pagefind/, which the theme's search page loads. A copy is kept
in the cache folder, keyed by the story pages' content: a rebuild whose story pages did not change copies
it instead of indexing again.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

SIGNATURE = b"pagefind_dcd"  # what every decompressed Pagefind index file starts with


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why."""


def index_site(output: Path, pages: str, cache: Path | None = None) -> str:
    """Index the pages of `output` that match the glob `pages` into output/pagefind; returns a one-line
    summary ("search: indexed 31 pages, ..."). With `cache`, an index of the very same pages is reused."""
    from pagefind_bin import get_executable

    bundle = output / "pagefind"
    key = _pages_key(output, pages)
    kept = cache / key if cache else None
    if kept and (kept / "summary.txt").is_file():
        shutil.copytree(kept / "pagefind", bundle, copy_function=_link_or_copy)
        return f"{(kept / 'summary.txt').read_text(encoding='utf-8')} into {bundle} (unchanged pages: from the cache)"
    try:
        proc = subprocess.run([str(get_executable()), "--site", str(output), "--glob", pages],
                              capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SearchIndexFailed(f"pagefind did not run: {e}") from e
    if proc.returncode != 0:
        raise SearchIndexFailed(f"pagefind failed: {(proc.stderr or proc.stdout).strip()[-500:]}")
    try:
        stable_filters(bundle)
    except (OSError, KeyError, IndexError, TypeError, ValueError) as e:  # a Pagefind with another layout
        raise SearchIndexFailed(f"pagefind's index has an unexpected layout ({e!r}); pin pagefind as in "
                                "requirements.txt") from e
    line = summary(proc.stdout)
    if kept:
        shutil.rmtree(cache, ignore_errors=True)  # only the newest index is worth keeping
        shutil.copytree(bundle, kept / "pagefind", copy_function=_link_or_copy)
        (kept / "summary.txt").write_text(line, encoding="utf-8")
    return f"{line} into {bundle}"


def _link_or_copy(source: str, target: str) -> None:
    """Hard links: the bundle is thousands of files that no one changes once written (Pelican deletes
    output/ before a build, which leaves the cache's links intact)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _pages_key(output: Path, pages: str) -> str:
    """A hash of what the index is made of: the Pagefind version, and every indexed page's path and bytes."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{version('pagefind_bin')}\0{pages}".encode())
    for path in sorted(output.glob(pages)):
        digest.update(path.relative_to(output).as_posix().encode() + b"\0" + hashlib.sha1(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def summary(log: str) -> str:
    """The figures of Pagefind's log: pages, words and filters indexed."""
    figures = {key: int(n) for n, key in re.findall(r"Indexed (\d+) (page|word|filter)", log)}
    return (f"search: indexed {figures.get('page', 0)} pages, {figures.get('word', 0)} words, "
            f"{figures.get('filter', 0)} filters")


def stable_filters(bundle: Path) -> None:
    """Make Pagefind's filter indexes the same on every build of the same site.

    Pagefind 1.5 writes each filter's values, and the list of filters in the language's meta file, in
    hash-map order, which changes from run to run (Pagefind/pagefind#638: fixed for fragments, not for
    filters); the files' content-hash names, the meta file and pagefind-entry.json change with them. Here
    the values and the filters are sorted, and the files renamed after their new content, so that the
    same posts give a byte-identical output/ (and `make publish` an identical tree)."""
    import cbor2

    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _load(meta_path, cbor2)
        filters = []
        for name, file_hash in meta[3]:
            old = bundle / "filter" / f"{file_hash}.pf_filter"
            key, values = _load(old, cbor2)
            filters.append([name, _store(old.parent, lang, 7, ".pf_filter", [key, sorted(values)], cbor2)])
            old.unlink()
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _store(bundle, lang, 10, ".pf_meta", meta, cbor2, prefix="pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _load(path: Path, cbor2):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise SearchIndexFailed(f"{path}: not a Pagefind index file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _store(folder: Path, lang: str, digits: int, suffix: str, data, cbor2, prefix: str = "") -> str:
    """Write `data` as a Pagefind index file named after its content; returns the name's hash part."""
    raw = SIGNATURE + cbor2.dumps(data)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name
