"""Build the `fundus` training set: news pages of many countries with their whole article bodies.

    python -m digest.ingest.lines.fundus DIR [--repository URL_OR_CLONE]

flairNLP/fundus (MIT) tests its news parsers on saved article pages of about 180 publishers in 40
countries (`tests/resources/parser/test_data/<country>/<Publisher>_<date>.html.gz`), each with the title and
body its parser must give (`<Publisher>.json`: one entry per parser version; a body is a summary and
sections of a headline and paragraphs). This fetches that repository at COMMIT, copies every page the way a
reader's browser does (../shared/tools/copy_pages.py), and writes DIR/copies/<id>.txt and DIR/truth.json
({id: {"url", "title", "articleBody"}}), the layout train.py reads. A page is left out when its body is not
in its copy (a body a script draws, or one too short to label from).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .train import SHARED, _shingles, _tokens

REPOSITORY = "https://github.com/flairNLP/fundus"
COMMIT = "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"
TEST_DATA = "tests/resources/parser/test_data"
MIN_COVERAGE = 0.8  # share of the body's word 4-grams the copy must hold
MIN_SHINGLES = 30


def body_text(entry: dict) -> str:
    """One parser version's expected body as text, a paragraph a line."""
    body = entry.get("body") or {}
    parts = list(body.get("summary", []))
    for section in body.get("sections", []):
        parts += section.get("headline", []) + section.get("paragraphs", [])
    return "\n".join(parts)


def truth_entry(url: str, versions: dict, copy: str) -> dict | None:
    """The truth of one page: of its publisher's parser versions, the body its copy holds best (the file
    does not say which version a page was saved for), by the share of the body's word 4-grams the copy
    holds; None when the copy does not hold it."""
    held = _shingles(_tokens(copy))
    best = None  # (share held, title, body)
    for version in versions.values():
        body = body_text(version)
        wanted = _shingles(_tokens(body))
        if len(wanted) >= MIN_SHINGLES:
            share = sum(s in held for s in wanted) / len(wanted)
            if best is None or share > best[0]:
                best = (share, version.get("title") or "", body)
    if best is None or best[0] < MIN_COVERAGE:
        return None
    return {"url": url, "title": best[1], "articleBody": best[2]}


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def _repository(source: str, commit: str, work: Path) -> Path:
    """A git directory holding `commit`: a local clone as it is, else that commit alone fetched from `source`."""
    if Path(source).is_dir():
        return Path(source)
    repo = work / "fundus"
    repo.mkdir()
    _git(repo, "init", "-q")
    try:
        _git(repo, "fetch", "-q", "--depth", "1", source, commit)
    except subprocess.CalledProcessError as e:
        reason = e.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["git fetch failed"]
        raise SystemExit(f"could not fetch {source} at {commit[:12]}: {reason[0]} "
                         "(give a local clone with --repository)") from None
    return repo


def build(out: Path, source: str = REPOSITORY, commit: str = COMMIT) -> int:
    with tempfile.TemporaryDirectory() as work:
        repo, html = _repository(source, commit, Path(work)), Path(work) / "html"
        html.mkdir()
        names = _git(repo, "ls-tree", "-r", "--name-only", commit, TEST_DATA).decode().split()
        pages, meta = {}, {}  # id -> (url, versions); country -> its pages' urls and dates
        for name in names:
            if not name.endswith(".html.gz"):
                continue
            country, file = name.split("/")[-2:]
            publisher = file.rsplit("_", 3)[0]
            if country not in meta:
                meta[country] = json.loads(_git(repo, "show", f"{commit}:{TEST_DATA}/{country}/meta.info"))
            versions = json.loads(_git(repo, "show", f"{commit}:{TEST_DATA}/{country}/{publisher}.json"))
            page_id = f"{country}-{file.removesuffix('.html.gz')}"
            (html / f"{page_id}.html.gz").write_bytes(_git(repo, "show", f"{commit}:{name}"))
            pages[page_id] = (meta[country].get(file, {}).get("url", ""), versions)
        copies = out / "copies"
        subprocess.run([sys.executable, str(SHARED.parent / "tools" / "copy_pages.py"), str(html), str(copies)],
                       check=True)
    truth = {}
    for page_id, (url, versions) in sorted(pages.items()):
        path = copies / f"{page_id}.txt"
        entry = truth_entry(url, versions, path.read_text(encoding="utf-8")) if path.exists() else None
        if entry is None:
            path.unlink(missing_ok=True)
        else:
            truth[page_id] = entry
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(truth)} of {len(pages)} pages kept in {out}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m digest.ingest.lines.fundus", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="the set's folder (copies/ and truth.json are written there)")
    ap.add_argument("--repository", default=REPOSITORY, help="where to fetch fundus from: its URL or a local clone")
    args = ap.parse_args(argv)
    return build(args.out, args.repository)


if __name__ == "__main__":
    sys.exit(main())
