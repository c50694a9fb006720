"""Reusing earlier results (cache.py): a rebuild redoes only what changed, and gives exactly the posts a
build from scratch gives."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

import digest.ingest.pipeline as ingest_module
from digest.ingest.cache import FILE_NAME
from digest.ingest.pipeline import ingest
from digest.ingest.tagging import DEFAULT_TAXONOMY, taxonomy_at
from test_ingest import digest_of

SAMPLES = ROOT / "content" / "dumps"
TAXONOMY = taxonomy_at(DEFAULT_TAXONOMY)


@pytest.fixture(autouse=True)
def build_time(monkeypatch):
    """Undated stories are dated when first seen: builds compared here are all "seen" at one time."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773900000")


@pytest.fixture
def counted(monkeypatch):
    """How many dumps each stage really parsed, cleaned and tagged in the last ingest."""
    calls = {"parse": 0, "clean": 0, "tag": 0}
    for stage, name in (("parse", "parse_dump"), ("clean", "clean_dump"), ("tag", "tag")):
        real = getattr(ingest_module, name)

        def counting(*args, _real=real, _stage=stage, **kwargs):
            calls[_stage] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(ingest_module, name, counting)
    return calls


def test_an_unchanged_rebuild_redoes_nothing(tmp_path, counted):
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    first = ingest(SAMPLES, posts, "UTC", TAXONOMY, cache)
    snapshot = digest_of(posts)
    assert counted["parse"] == 10 and counted["tag"] == first.posts
    counted.update(parse=0, clean=0, tag=0)
    second = ingest(SAMPLES, posts, "UTC", TAXONOMY, cache)
    assert counted == {"parse": 0, "clean": 0, "tag": 0}
    assert second.writes == {"written": 0, "unchanged": first.posts, "removed": 0}
    assert [r.__dict__ for r in second.reports] == [r.__dict__ for r in first.reports]
    assert second.found_assets == first.found_assets and digest_of(posts) == snapshot


def test_a_new_dump_is_the_only_one_parsed_and_the_posts_equal_a_build_from_scratch(tmp_path, counted):
    dumps, posts, cache = tmp_path / "dumps", tmp_path / "posts", tmp_path / "cache"
    shutil.copytree(SAMPLES, dumps)
    extra = dumps / "market-ledger-feed.txt"
    extra.rename(tmp_path / "held-back.txt")
    ingest(dumps, posts, "UTC", TAXONOMY, cache)
    shutil.copy(tmp_path / "held-back.txt", extra)
    counted.update(parse=0, clean=0, tag=0)
    ingest(dumps, posts, "UTC", TAXONOMY, cache)
    assert counted["parse"] == 1
    assert counted["tag"] <= 4  # the new dump's stories (and any story whose shown copy changed)
    scratch = tmp_path / "scratch"
    ingest(dumps, scratch, "UTC", TAXONOMY)
    # the report and first-seen.json are history, not posts: the latter also keeps the date of the story the
    # first ingest had before the new dump's earlier copy of it came (its id moved with the founder)
    history = ("ingest-report.json", "first-seen.json")
    assert digest_of(posts) == digest_of(scratch) | {name: digest_of(posts)[name] for name in history}


def test_an_edited_dump_and_an_edited_taxonomy_are_redone(tmp_path, counted):
    dumps, posts, cache = tmp_path / "dumps", tmp_path / "posts", tmp_path / "cache"
    shutil.copytree(SAMPLES, dumps)
    ingest(dumps, posts, "UTC", TAXONOMY, cache)
    note = dumps / "morning-note.txt"
    note.write_text(note.read_text(encoding="utf-8").replace("twelve models", "fourteen models"),
                    encoding="utf-8")
    counted.update(parse=0, clean=0, tag=0)
    ingest(dumps, posts, "UTC", TAXONOMY, cache)
    assert counted["parse"] == 1
    assert "fourteen models" in "".join(p.read_text() for p in posts.glob("*.md"))
    fewer = TAXONOMY.__class__(TAXONOMY.topics[:1], TAXONOMY.assets, TAXONOMY.max_topics, TAXONOMY.keywords,
                               TAXONOMY.by_ticker, TAXONOMY.alias_pattern, TAXONOMY.aliases)
    counted.update(parse=0, clean=0, tag=0)
    result = ingest(dumps, posts, "UTC", fewer, cache)
    assert counted["parse"] == 0 and counted["tag"] == result.posts


def test_an_unreadable_cache_only_makes_the_build_slower(tmp_path, counted):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(b"not a database, " * 100)
    result = ingest(SAMPLES, tmp_path / "posts", "UTC", TAXONOMY, cache)
    assert result.posts == 17 and not result.errors
    counted.update(parse=0, clean=0, tag=0)
    ingest(SAMPLES, tmp_path / "again", "UTC", TAXONOMY, cache)  # another posts folder: the stages' cache only
    assert counted == {"parse": 0, "clean": 0, "tag": 0}


def test_two_ingests_at_once_into_one_folder_with_one_cache_give_the_posts_of_one(tmp_path):
    """The stores (store.py) are shared safely: neither run fails, waits for ever or leaves half a file."""
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "SOURCE_DATE_EPOCH": "1773900000"}
    for _ in range(2):  # from nothing, then again over what the first pair left (every result is a hit)
        runs = [subprocess.Popen([sys.executable, "-m", "digest", SAMPLES, posts, "--cache", cache, "--jobs", "1"],
                                 env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert run.returncode == 0 and "17 posts" in out, out + err
    ingest(SAMPLES, tmp_path / "scratch", "UTC", TAXONOMY)
    assert digest_of(posts) == digest_of(tmp_path / "scratch")


def test_the_posts_are_the_same_with_any_number_of_jobs(tmp_path):
    """Parsing, cleaning and tagging in worker processes gives byte-identical posts and report."""
    from synthetic import generate

    generate(400, tmp_path / "corpus")
    dumps = tmp_path / "corpus" / "dumps"
    one = ingest(dumps, tmp_path / "one", "UTC", TAXONOMY, jobs=1)
    two = ingest(dumps, tmp_path / "two", "UTC", TAXONOMY, tmp_path / "cache", jobs=2)
    assert one.posts > 300 and not one.errors and two.posts == one.posts
    assert digest_of(tmp_path / "one") == digest_of(tmp_path / "two")
    # and again from the cache the workers filled, with one dump changed
    first = sorted(dumps.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ingest(dumps, tmp_path / "one", "UTC", TAXONOMY, jobs=1)
    ingest(dumps, tmp_path / "two", "UTC", TAXONOMY, tmp_path / "cache", jobs=2)
    assert digest_of(tmp_path / "one") == digest_of(tmp_path / "two")
