"""The ingest as a whole: line accounting, idempotence, nothing lost, bad input, the command line."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, read_post, run_cli

from digest.ingest.ledger import FILE_NAME as LEDGER
from digest.ingest.model import DROP_REASONS
from digest.ingest.pipeline import ingest
from digest.ingest.shrink import ShrinkRefused

SAMPLES = ROOT / "content" / "dumps"


def digest_of(folder: Path) -> dict[str, str]:
    """Every file's hash, but the ledger's: the ingest's memory (ledger.py), a database whose bytes differ
    with the same rows."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != LEDGER}


@pytest.mark.parametrize("source", ["samples", "seeds"])
def test_every_line_is_accounted_for(source, tmp_path, request):
    folder = SAMPLES if source == "samples" else request.getfixturevalue("seeds")
    result = ingest(folder, tmp_path / "posts")
    assert not result.errors
    for r in result.reports:
        lines = r.lines
        assert lines["unaccounted"] == 0, (r.dump, r.dropped.get("unaccounted"))
        assert lines["kept"] + lines["blank"] + sum(lines[k] for k in DROP_REASONS) == lines["total"], r.dump
        assert r.articles == len(r.posts) + r.merged > 0


def test_samples_cover_every_format(tmp_path):
    result = ingest(SAMPLES, tmp_path / "posts")
    formats = {r.format for r in result.reports}
    assert {"news-list", "headed-article", "creator-page", "captioned-articles", "plain-article",
            "html-page", "rss-atom-feed"} <= formats


def test_second_ingest_changes_nothing_and_dumps_stay_untouched(tmp_path):
    dumps = tmp_path / "dumps"
    shutil.copytree(SAMPLES, dumps)
    before = digest_of(dumps)
    posts = tmp_path / "posts"
    first = ingest(dumps, posts)
    snapshot = digest_of(posts)
    mtimes = {p: p.stat().st_mtime_ns for p in posts.iterdir()}
    second = ingest(dumps, posts)
    assert first.writes["written"] == first.posts and second.writes["written"] == 0
    assert digest_of(posts) == snapshot
    assert {p: p.stat().st_mtime_ns for p in posts.iterdir()} == mtimes  # not even rewritten
    assert digest_of(dumps) == before


def test_posts_of_a_removed_dump_are_removed(tmp_path):
    dumps = tmp_path / "dumps"
    shutil.copytree(SAMPLES, dumps)
    posts = tmp_path / "posts"
    ingest(dumps, posts)
    (posts / "notes-of-mine.md").write_text("Title: mine\n\nnot written by the ingest\n")
    (dumps / "market-ledger-feed.txt").unlink()
    result = ingest(dumps, posts)
    assert result.writes["removed"] == 3
    assert not list(posts.glob("stablecoin-issuers*"))
    assert (posts / "notes-of-mine.md").exists()  # only what the ingest wrote is its to remove


def test_a_posts_folder_from_before_the_ledger_still_has_its_stale_posts_removed(tmp_path):
    """A posts folder an older version wrote has a report and no ledger (ledger.py): its posts are the
    ingest's all the same, and the shrink guard counts them."""
    dumps, posts = tmp_path / "dumps", tmp_path / "posts"
    shutil.copytree(SAMPLES, dumps)
    ingest(dumps, posts)
    (posts / LEDGER).unlink()
    (dumps / "market-ledger-feed.txt").unlink()
    assert ingest(dumps, posts).writes["removed"] == 3 and (posts / LEDGER).is_file()
    (posts / LEDGER).unlink()
    for dump in dumps.iterdir():
        dump.unlink()
    (dumps / "one.txt").write_text("A lone story\n\n" + "The grid operator met peak demand in every cold spell. " * 5)
    with pytest.raises(ShrinkRefused):
        ingest(dumps, posts)


def test_a_bad_dump_is_reported_and_the_others_still_build(dumps, tmp_path):
    dumps("good.txt", " date 2026-01-05 Lenders tighten crypto loan rules\n\n" + "A sentence of the story. " * 12)
    dumps("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    folder = dumps.folder
    result = ingest(folder, tmp_path / "posts")
    assert result.posts == 1
    assert result.errors == ["picture.png: binary file, not a text or HTML dump"]
    proc = run_cli(folder, tmp_path / "posts2")
    assert proc.returncode == 0 and "error: picture.png: binary file" in proc.stderr
    assert run_cli(folder, tmp_path / "posts3", "--strict").returncode == 1


def test_missing_dumps_folder_is_a_clear_error(tmp_path):
    proc = run_cli(tmp_path / "nope", tmp_path / "posts")
    assert proc.returncode == 2 and proc.stderr.splitlines() == [f"error: the dumps folder {tmp_path / 'nope'} does not exist"]


def test_repeated_titles_get_unique_stable_slugs(dumps, tmp_path):
    one = " date 2026-01-05 Markets wrap\n\n" + "Stocks rose on Monday as chipmakers rallied. " * 6
    two = " date 2026-01-06 Markets wrap\n\n" + "Stocks fell on Tuesday as oil prices jumped. " * 6
    dumps("monday.txt", one)
    folder = dumps("tuesday.txt", two)
    posts = tmp_path / "posts"
    ingest(folder, posts)
    names = sorted(p.name for p in posts.glob("*.md"))
    assert len(names) == 2 and "markets-wrap.md" in names  # the earlier story keeps the plain slug
    meta = {read_post(posts / n)[0]["Sources"]: read_post(posts / n)[0]["Slug"] for n in names}
    assert meta["monday.txt"] == "markets-wrap" and meta["tuesday.txt"].startswith("markets-wrap-")


def test_report_json_is_deterministic(tmp_path, monkeypatch):
    """The same dumps and the same first-seen dates give the same report and posts, whenever the ingest
    runs. The dates of undated stories are an input (the store goes with the content, as in a site), not
    each ingest's clock: the second ingest runs a second later and must still match."""
    a, b, seen = tmp_path / "a", tmp_path / "b", tmp_path / "first-seen.json"
    for posts, epoch in ((a, "1773900000"), (b, "1773900001")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        ingest(SAMPLES, posts, first_seen=seen)
    ra, rb = (p / "ingest-report.json" for p in (a, b))
    assert ra.read_bytes() == rb.read_bytes()
    assert digest_of(a) == digest_of(b)
    data = json.loads(ra.read_text())
    assert data["dumps"] == len(data["reports"]) and data["errors"] == 0
