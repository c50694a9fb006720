"""Shared test helpers. Tests that need ../shared (the real seed dumps and the scorers) skip with a clear
message when it is absent; everything else uses dumps written here or shipped in content/dumps."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "plugins"))


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs ../shared (the seed dumps and scorers) beside the project")
    return path


@pytest.fixture
def seeds() -> Path:
    return need_shared("seeds")


@pytest.fixture
def dumps(tmp_path: Path):
    """A function that writes one dump (text or bytes) into a fresh dumps folder and returns the folder."""
    folder = tmp_path / "dumps"
    folder.mkdir()

    def write(name: str, content: str | bytes) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return folder

    write.folder = folder
    return write


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m digest ...` as `make ingest` runs it."""
    return subprocess.run([sys.executable, "-m", "digest", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), **(env or {})}, cwd=ROOT)


def read_post(path: Path) -> tuple[dict[str, str], str]:
    """A post's metadata header (keys as written) and its Markdown body."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) if ": " in line else (line.rstrip(":"), "") for line in header.split("\n"))
    return meta, body


def copy_site(dest: Path) -> Path:
    """A copy of the project's site (settings, plugin with its taxonomy, theme, pages) at `dest`, so a test build
    never touches the working tree's content/posts or output/."""
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "pelican.conf.py", dest)
    for name in ("plugins", "theme"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "content" / "pages", dest / "content" / "pages")
    shutil.copy(ROOT / "content" / "first-seen.json", dest / "content")  # the samples' undated stories
    return dest


def copy_make_site(dest: Path) -> Path:
    """copy_site plus the Makefile, sharing the project's .venv: for tests that run make."""
    copy_site(dest)
    shutil.copy(ROOT / "Makefile", dest)
    shutil.copy(ROOT / "requirements.txt", dest)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def run_make(site_dir: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """`make -s ARGS` in `site_dir`; -o: never reinstall the shared .venv from the copied requirements.txt."""
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", *args], cwd=site_dir, capture_output=True,
                          text=True, **kwargs)


def own_lines(stderr: str) -> list[str]:
    """stderr without make's own closing "make: *** [...] Error N" line ("make[1]: ..." under `make test`)."""
    return [line for line in stderr.splitlines() if not re.fullmatch(r"make(\[\d+\])?: \*\*\* \[.*\] Error \d+", line)]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def build(site_dir: Path, dumps_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """A real Pelican build of `site_dir` from `dumps_dir` into site_dir/output."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(site_dir / "content"), "-o", str(site_dir / "output"),
         "-s", str(site_dir / "pelican.conf.py")],
        capture_output=True, text=True, cwd=site_dir, env={**os.environ, "DUMPS": str(dumps_dir), **env},
    )


SEED_SITEURL = "https://user.example/digest"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed site built twice for SEED_SITEURL (a sub-path, as a GitHub project site); returns (site, the
    feed files' bytes after build 1). One per run, shared by the tests of the feeds and of the pages' head."""
    seeds = need_shared("seeds")
    site = copy_site(tmp_path_factory.mktemp("seed-build") / "site")
    first = build(site, seeds, SITEURL=SEED_SITEURL)
    assert first.returncode == 0, first.stderr + first.stdout
    snapshot = {p.relative_to(site / "output"): p.read_bytes() for p in (site / "output" / "feeds").rglob("*")
                if p.is_file()}
    second = build(site, seeds, SITEURL=SEED_SITEURL)
    assert second.returncode == 0
    return site, snapshot


# ---- the hostile corpus (tests/hostile.py), written and ingested once for test_hostile.py and test_reader.py

@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory) -> tuple[Path, dict]:
    """The corpus folder and what each dump should give."""
    from hostile import write_corpus

    root = tmp_path_factory.mktemp("hostile")
    expect = write_corpus(root / "dumps", root / "outside")
    return root / "dumps", expect


@pytest.fixture(scope="session")
def hostile_ingested(hostile_corpus, tmp_path_factory):
    """The ingest's result and posts folder for the corpus (with the plugin's taxonomy); the dumps are
    checked to be only read."""
    from digest.ingest.pipeline import ingest
    from digest.ingest.tagging import DEFAULT_TAXONOMY, taxonomy_at

    folder, _ = hostile_corpus
    before = _dump_hashes(folder)
    posts = tmp_path_factory.mktemp("posts")
    result = ingest(folder, posts, "UTC", taxonomy_at(DEFAULT_TAXONOMY))
    assert _dump_hashes(folder) == before  # dumps are only read
    return result, posts


def _dump_hashes(folder: Path) -> dict[str, tuple]:
    """Every dump's bytes and file times (a symlink's own and its target's); a pipe's and a dangling
    link's times only (reading the pipe would block)."""
    out = {}
    for p in sorted(folder.iterdir()):
        regular = p.is_file()
        out[p.name] = (hashlib.sha256(p.read_bytes()).hexdigest() if regular else None,
                       p.stat().st_mtime_ns if regular else None, p.lstat().st_mtime_ns)
    return out
