"""Results of the ingest's stages kept between builds, keyed by what they were made from.

A digest grows by a dump at a time, so most of a rebuild's input has been seen before: a dump parsed and
cleaned last time with the same bytes, the same code and the same boilerplate around it gives the same
articles; a story with the same text and taxonomy gets the same tags. Keys are hashes of those inputs and
of the plugin's code; values are pickled, so the stages may change what they get back without touching
the cache. They live in an SQLite table (store.py), each read and written by its key; what no build has
used for a day is removed when a build ends, so the file holds about what the current dumps need (a
second site sharing the cache folder keeps its own results too).
"""
from __future__ import annotations

import hashlib
import pickle
import time
from functools import lru_cache
from pathlib import Path

from .lines.headline import model_file as headline_model_file
from .lines.model import model_file
from .store import Store

FILE_NAME = "store.sqlite"  # in the cache folder: the stage results, and the story pages' keys (site/pagecache.py)
KEEP_UNUSED = 24 * 3600  # seconds a result no build used is kept


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the plugin's own source and trained models: results made by other code are not reused."""
    digest = hashlib.sha1()
    here = Path(__file__).resolve().parents[1]  # the whole plugin: the page cache (site/) keys by this too
    for path in sorted([*here.rglob("*.py"), *here.rglob("*.json")]):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(model_file().read_bytes())  # DIGEST_LINE_MODEL may name another
    digest.update(headline_model_file().read_bytes())  # and DIGEST_HEADLINE_MODEL
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class StageCache:
    """get/put by key; `save()` marks what this build read as used and removes what none used lately.
    Without a folder it remembers nothing."""

    def __init__(self, folder: Path | None):
        self.store = Store(folder / FILE_NAME, "stages") if folder else None
        self.started = time.time()
        self.hits: list[str] = []

    def get(self, name: str):
        if self.store is None:
            return None
        stored = key(code_version(), name)
        raw = self.store.get(stored)
        if raw is None:
            return None
        try:
            value = pickle.loads(raw)
        except Exception:  # written by other code, or damaged: made again
            return None
        self.hits.append(stored)
        return value

    def put(self, name: str, value) -> None:
        if self.store is not None:
            self.store.put(key(code_version(), name), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def save(self) -> None:
        if self.store is not None:
            self.store.touch(self.hits)
            self.store.forget_unused(self.started - KEEP_UNUSED)
            self.store.close()
