"""Two fresh clones, checked out at different times into different folders and built by `make html` on
"different machines" (time zone, locale, terminal), give byte-identical output trees."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import ROOT, read_post

SOURCE_DATE_EPOCH = 1773900000  # 2026-03-19 06:00 UTC
UNDATED = ("Volunteers planted two hundred trees along the canal path over the weekend, the parks office said. "
           "The new trees replace the ones lost in last winter's storms and were chosen to cope with dry summers. "
           "Residents who want to water them can borrow cans from the boathouse on weekday mornings.\n")


def fresh_clone(dest: Path, checked_out_at: float) -> Path:
    """The project's files as a clone has them (tracked and new, not ignored), all with the given file
    time; its .venv is the project's, so that nothing is installed twice."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot make fresh clones of it")
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest / name)
            os.utime(dest / name, (checked_out_at, checked_out_at))
    (dest / ".venv").symlink_to(ROOT / ".venv")
    # older than the shared .venv's stamp, so make sees that .venv up to date and installs nothing
    older = (ROOT / ".venv" / ".installed").stat().st_mtime_ns - 10**9
    os.utime(dest / "requirements.txt", ns=(older, older))
    return dest


def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_fresh_clones_build_byte_identical_sites(tmp_path):
    machines = [("a", 1_790_000_000, {"TZ": "UTC", "LANG": "C.UTF-8", "COLUMNS": "80"}),
                ("deeper/folder/b", 1_790_000_000 + 3 * 86400 + 12345,
                 {"TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8", "COLUMNS": "200"})]
    trees = []
    for name, checked_out_at, env in machines:
        clone = fresh_clone(tmp_path / name, checked_out_at)
        # a dump that states no date: first seen at SOURCE_DATE_EPOCH, not at its file time (which differs)
        (clone / "content" / "dumps" / "undated-note.txt").write_text(UNDATED, encoding="utf-8")
        proc = subprocess.run(["make", "--no-print-directory", "html"], cwd=clone, capture_output=True, text=True,
                              env={**{k: v for k, v in os.environ.items() if k not in ("DUMPS", "SITEURL")}, **env,
                                   "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)})
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        trees.append(tree_hashes(clone / "output"))
        undated = [read_post(p)[0] for p in (clone / "content" / "posts").glob("*.md")
                   if read_post(p)[0]["Sources"] == "undated-note.txt"]
        assert [m["Date"] for m in undated] == [
            datetime.fromtimestamp(SOURCE_DATE_EPOCH, timezone.utc).isoformat()]
        assert undated[0]["Date_Source"] == "first-seen"
    first, second = trees
    assert len(first) > 50 and any(name.startswith("pagefind/") for name in first)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
