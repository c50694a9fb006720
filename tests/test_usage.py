"""Mistakes on the make command line: each stops with one line on stderr saying why, no traceback, a
non-zero status, and the site as it was. Real make runs in a copy of the site, sharing the project's .venv."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, copy_make_site, own_lines, run_cli, run_make

SAMPLES = ROOT / "content" / "dumps"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16


@pytest.fixture
def make_site(tmp_path: Path) -> Path:
    return copy_make_site(tmp_path / "site")


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    """A dumps folder holding only an empty file and a picture: no story at all."""
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.png").write_bytes(PNG)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_that_would_drop_every_story_stops_and_leaves_the_site(make_site, junk):
    assert run_make(make_site, "html", f"DUMPS={SAMPLES}").returncode == 0
    output, posts = tree(make_site / "output"), tree(make_site / "content" / "posts")
    assert sum(name.startswith("stories/") for name in output) == 17
    refused = run_make(make_site, "html", f"DUMPS={junk}")
    assert refused.returncode != 0
    assert own_lines(refused.stderr) == [f"error: the dumps in {junk} make 0 stories, the last build had 17: nothing "
                                         "changed (check DUMPS, or set ALLOW_SHRINK=1 to build the smaller site)"]
    assert tree(make_site / "output") == output and tree(make_site / "content" / "posts") == posts
    allowed = run_make(make_site, "html", f"DUMPS={junk}", "ALLOW_SHRINK=1")
    assert allowed.returncode == 0, allowed.stderr
    assert not list((make_site / "output").glob("stories/*/index.html"))


def test_fewer_than_half_the_stories_is_refused_too(make_site, tmp_path):
    """Two of the ten sample dumps: 4 of the 17 stories."""
    assert run_make(make_site, "html", f"DUMPS={SAMPLES}").returncode == 0
    few = tmp_path / "few"
    few.mkdir()
    for name in ("market-ledger-feed.txt", "morning-note.txt"):
        (few / name).write_bytes((SAMPLES / name).read_bytes())
    refused = run_make(make_site, "html", f"DUMPS={few}")
    assert refused.returncode != 0
    assert own_lines(refused.stderr) == [f"error: the dumps in {few} make 4 stories, the last build had 17: nothing "
                                         "changed (check DUMPS, or set ALLOW_SHRINK=1 to build the smaller site)"]


def test_what_counts_as_shrinking():
    from digest.ingest.shrink import shrinks

    assert shrinks(17, 0) and shrinks(17, 8) and shrinks(1, 0)
    assert not shrinks(17, 9) and not shrinks(10, 5) and not shrinks(3, 40)  # half is not fewer than half
    assert not shrinks(0, 0)  # nothing to compare: a first build, or one after an allowed empty build


def test_a_first_build_has_nothing_to_compare_and_goes_on(make_site, junk):
    proc = run_make(make_site, "html", f"DUMPS={junk}")
    assert proc.returncode == 0, proc.stderr


def test_make_ingest_refuses_to_shrink_unless_allowed(tmp_path, junk):
    posts = tmp_path / "posts"
    assert run_cli(SAMPLES, posts).returncode == 0
    before = tree(posts)
    refused = run_cli(junk, posts)
    assert refused.returncode == 2 and refused.stderr.splitlines() == [
        f"error: the dumps in {junk} make 0 stories, the last build had 17: nothing changed (check DUMPS, or set "
        "ALLOW_SHRINK=1 to build the smaller site)"]
    assert tree(posts) == before
    assert run_cli(junk, posts, "--allow-shrink").returncode == 0
    assert not list(posts.glob("*.md"))


@pytest.mark.parametrize("setting, line", [
    ("DUMPS=/nonexistent", "error: the dumps folder /nonexistent does not exist (DUMPS=<folder> names the folder "
                           "of raw dumps)"),
    ("DUMPS=Makefile", "error: the dumps folder {site}/Makefile is a file, not a folder (DUMPS=<folder> names the "
                       "folder of raw dumps)"),
    ("JOBS=many", "error: JOBS='many': must be a number of processes, 0 for every core"),
    ("STRICT=yes", "error: STRICT='yes': must be 1 (on) or 0 (off)"),
    ("ALLOW_SHRINK=true", "error: ALLOW_SHRINK='true': must be 1 (on) or 0 (off)"),
    ("SITEURL=example.org", "error: SITEURL='example.org': must be empty (a local preview) or an absolute "
                            "http(s):// address"),
    ("CONTENT=whole", "error: DIGEST_CONTENT='whole': must be 'excerpt' (a public site: the opening words and a "
                      "link to the original) or 'full' (a private digest: whole stories)"),
    ("TAXONOMY=/nonexistent.toml", "error: DIGEST_TAXONOMY: /nonexistent.toml: cannot be read (No such file or "
                                   "directory)"),
])
def test_a_bad_setting_is_one_line_on_stderr(make_site, setting, line):
    args = [setting] if setting.startswith("DUMPS=") else [f"DUMPS={SAMPLES}", setting]
    proc = run_make(make_site, "html", *args)
    assert proc.returncode != 0
    assert own_lines(proc.stderr) == [line.format(site=make_site)]
    assert len(proc.stderr.splitlines()) == 2 and "Traceback" not in proc.stdout + proc.stderr
    assert not (make_site / "output").exists()


@pytest.fixture
def taken_port():
    """A port another server listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


@pytest.mark.parametrize("target", ["serve", "devserver"])
def test_serving_on_a_taken_port_fails_at_once(make_site, taken_port, target):
    # the timeout only stops a server that went on running (the failure this test is for)
    proc = run_make(make_site, target, f"PORT={taken_port}", f"DUMPS={SAMPLES}", timeout=120)
    assert proc.returncode != 0
    assert own_lines(proc.stderr) == [f"error: cannot serve on 127.0.0.1:{taken_port}: Address already in use "
                                      "(another server there? choose PORT=<another port>)"]
    assert not (make_site / "output").exists()  # devserver built nothing either


def test_make_serve_serves_the_built_site(make_site):
    assert run_make(make_site, "html", f"DUMPS={SAMPLES}").returncode == 0
    server = subprocess.Popen(["make", "-s", "-o", ".venv/.installed", "serve", "PORT=0"], cwd=make_site,
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        said = server.stdout.readline()  # printed once the port is bound
        address = re.fullmatch(rf"Serving {re.escape(str(make_site / 'output'))} at (http://127\.0\.0\.1:\d+/) "
                               "- Ctrl-C stops\n", said)
        assert address, said
        with urllib.request.urlopen(address.group(1)) as response:
            assert response.read() == (make_site / "output" / "index.html").read_bytes()
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the server it started, in their own session
        server.wait()


def test_make_taxonomy_gives_a_copy_to_edit_that_builds_then_use(make_site):
    """The plugin's taxonomy is the default; `make taxonomy` copies it into content/, never over edits,
    and the site's copy wins (settings.py)."""
    from digest.ingest.tagging import DEFAULT_TAXONOMY
    from digest.settings import with_defaults

    content = make_site / "content"
    assert with_defaults({"PATH": str(content)})["DIGEST_TAXONOMY"] == str(DEFAULT_TAXONOMY)
    assert run_make(make_site, "taxonomy").returncode == 0
    copy = content / "taxonomy.toml"
    assert copy.read_bytes() == DEFAULT_TAXONOMY.read_bytes()
    copy.write_text(copy.read_text() + "\n# my own topics\n")
    again = run_make(make_site, "taxonomy")
    assert again.returncode == 0 and "there already" in again.stdout and copy.read_text().endswith("# my own topics\n")
    assert with_defaults({"PATH": str(content)})["DIGEST_TAXONOMY"] == str(copy)
