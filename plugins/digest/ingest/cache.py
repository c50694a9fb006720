"""Results of the ingest's stages kept between builds, keyed by what they were made from.

A digest grows by a dump at a time, so most of a rebuild's input has been seen before: a dump parsed and
cleaned last time with the same bytes, the same code and the same boilerplate around it gives the same
articles; a story with the same text and taxonomy gets the same tags. Keys are hashes of those inputs;
values are pickled when stored, so the stages may change what they get back without touching the cache.
Any change to the plugin's code drops the whole cache. Only the entries a build used are saved, so the
file never holds more than the current dumps need.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from .lines.model import model_file

FILE_NAME = "ingest-cache.pickle"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the plugin's own source and trained models: results made by other code are not reused."""
    digest = hashlib.sha1()
    here = Path(__file__).resolve().parents[1]  # the whole plugin: the page cache (site/) keys by this too
    for path in sorted([*here.rglob("*.py"), *here.rglob("*.json")]):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(model_file().read_bytes())  # DIGEST_LINE_MODEL may name another
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class StageCache:
    """get/put by key; `save()` writes what this build used. Without a folder it remembers nothing."""

    def __init__(self, folder: Path | None):
        self.path = folder / FILE_NAME if folder else None
        data = read_pickle(self.path, {})
        self.old: dict[str, bytes] = data.get("entries", {}) if data.get("code") == code_version() else {}
        self.used: dict[str, bytes] = {}

    def get(self, name: str):
        raw = self.used.get(name) or self.old.get(name)
        if raw is None:
            return None
        self.used[name] = raw
        return pickle.loads(raw)

    def put(self, name: str, value) -> None:
        self.used[name] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)

    def save(self) -> None:
        if self.path:
            write_pickle(self.path, {"code": code_version(), "entries": self.used})


def read_pickle(path: Path | None, default: dict) -> dict:
    """The dict pickled at `path`, or `default` when there is none or it cannot be read (a cache only
    makes a build faster)."""
    try:
        value = pickle.loads(path.read_bytes()) if path and path.is_file() else default
    except Exception:
        return default
    return value if isinstance(value, dict) else default


def write_pickle(path: Path, value) -> None:
    """Atomically: a build stopped half-way leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, path)
