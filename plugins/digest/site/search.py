"""Site search: index the built story pages with Pagefind (its binary ships in the `pagefind_bin` wheel).

Only story pages are indexed (the article template marks its body with data-pagefind-body); their topic
and asset chips become the `topic` and `asset` filters and their date the `date` sort. The index is split
into parts, one per month of stories (output/pagefind/<yyyy-mm>/, listed newest first in
output/pagefind/parts.json); the theme's search page loads Pagefind's runtime from the newest part alone
and merges the others into it as indexes (every part holds the same runtime). Why: Pagefind holds a whole
index in memory while it builds it (1.46 GB for 9,500 pages) and can only rebuild it whole; a month's part
stays small, and a new dump re-indexes only the months whose stories changed. Each part is kept in the
cache folder, keyed by the indexed part of its pages, and reused when they did not change.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SIGNATURE = b"pagefind_dcd"  # what every decompressed Pagefind index file starts with
PARTS_FILE = "parts.json"


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why."""


def index_site(output: Path, parts: dict[str, list[str]], cache: Path | None = None, jobs: int = 1) -> str:
    """Index `output`'s story pages, part by part ({"2026-03": [page paths relative to output], ...}), into
    output/pagefind/<part>/, `jobs` parts at a time; returns a one-line summary. With `cache`, a part whose
    pages' indexed text did not change is reused."""
    bundle = output / "pagefind"
    bundle.mkdir(parents=True, exist_ok=True)
    totals: Counter = Counter()
    keys = {name: _pages_key(output, name, parts[name]) for name in parts}
    for old in bundle.iterdir():  # output/ is kept between builds: months no story has any more
        if old.name not in parts and old.name != PARTS_FILE:
            _remove(old)
    todo = []
    for name in sorted(parts, reverse=True):
        kept = cache / keys[name] if cache else None
        if kept and (kept / "figures.json").is_file():
            if not _same_files(bundle / name, kept / "pagefind"):
                _remove(bundle / name)
                shutil.copytree(kept / "pagefind", bundle / name, copy_function=_link_or_copy)
            totals.update(json.loads((kept / "figures.json").read_text(encoding="utf-8")))
        else:
            _remove(bundle / name)
            todo.append(name)
    # Pagefind keeps about one core busy: parts index side by side (threads wait on its processes)
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        made = pool.map(lambda name: _index_part(output, parts[name], bundle / name, cache or output.parent), todo)
        for name, figures in zip(todo, made):
            totals.update(figures)
            if cache:
                shutil.copytree(bundle / name, cache / keys[name] / "pagefind", copy_function=_link_or_copy)
                (cache / keys[name] / "figures.json").write_text(json.dumps(figures), encoding="utf-8")
    if cache and cache.is_dir():
        for old in cache.iterdir():  # parts no page needs any more
            if old.name not in keys.values():
                shutil.rmtree(old, ignore_errors=True)
    (bundle / PARTS_FILE).write_text(json.dumps(sorted(parts, reverse=True)), encoding="utf-8")
    return (f"search: indexed {totals['page']} pages, {totals['word']} words, {totals['filter']} filters "
            f"in {len(parts)} monthly parts ({len(parts) - len(todo)} unchanged, from the cache) into {bundle}")


def remove_index(output: Path) -> None:
    _remove(output / "pagefind")


def _index_part(output: Path, pages: list[str], target: Path, scratch: Path) -> dict[str, int]:
    """Run Pagefind over `pages` only (linked into a scratch site, same paths) into `target`."""
    from pagefind_bin import get_executable

    scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-site-", dir=scratch) as site:
        for page in pages:
            (Path(site) / page).parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(str(output / page), str(Path(site) / page))
        try:
            proc = subprocess.run([str(get_executable()), "--site", site, "--output-path", str(target.resolve())],
                                  capture_output=True, text=True, timeout=3600)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise SearchIndexFailed(f"pagefind did not run: {e}") from e
    if proc.returncode != 0:
        raise SearchIndexFailed(f"pagefind failed: {(proc.stderr or proc.stdout).strip()[-500:]}")
    try:
        stable_filters(target)
    except (OSError, KeyError, IndexError, TypeError, ValueError) as e:  # a Pagefind with another layout
        raise SearchIndexFailed(f"pagefind's index has an unexpected layout ({e!r}); pin pagefind as in "
                                "requirements.txt") from e
    return figures(proc.stdout)


def _same_files(part: Path, kept: Path) -> bool:
    """Whether the part in output/ is the cached one, linked in by an earlier build."""
    entry = "pagefind-entry.json"
    try:
        return os.path.samefile(part / entry, kept / entry)
    except OSError:
        return False


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _link_or_copy(source: str, target: str) -> None:
    """Hard links: the bundle is thousands of files that no one changes once written (a part that changes
    is removed and written anew, which leaves the cache's links intact)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _pages_key(output: Path, name: str, pages: list[str]) -> str:
    """A hash of what a part's index is made of: the Pagefind version, and each page's path and indexed
    text (from data-pagefind-body to the end of the story; its neighbours' links and related stories
    after it change as stories arrive, and are not indexed)."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{version('pagefind_bin')}\0{name}".encode())
    for page in sorted(pages):
        html = (output / page).read_bytes()
        start, end = html.find(b"data-pagefind-body"), html.rfind(b"</article>")
        indexed = html[start:end] if 0 <= start < end else html
        digest.update(page.encode() + b"\0" + hashlib.sha1(indexed).digest())
    return digest.hexdigest()[:32]


def figures(log: str) -> dict[str, int]:
    """The figures of Pagefind's log: pages, words and filters indexed."""
    return {key: int(n) for n, key in re.findall(r"Indexed (\d+) (page|word|filter)", log)}


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
