"""What one build has done that its end needs (Pelican's signals pass no build object, so it is kept here,
one at a time): the pages and feeds it wrote (prune.py), the sitemap's pages with their dates (seo.py), the
articles that are its stories, and the story pages' keys (pagecache.py). glue.py starts a new one as every
build starts and drops it as the build ends; the build's generator and writer note what they write.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..ingest.workers import default_jobs
from . import pagecache, seo


@dataclass
class Build:
    written: set[str] = field(default_factory=set)                    # absolute paths
    listed: dict[str, datetime | None] = field(default_factory=dict)  # output path -> lastmod
    stories: set[int] = field(default_factory=set)                    # id() of the build's story articles
    page_keys: pagecache.PageKeys | None = None

    def note(self, path, context: dict | None = None) -> None:
        """A file the build wrote, and for a page (rendered with `context`) its place in the sitemap."""
        self.written.add(os.path.abspath(path))
        if context is not None and seo.published(context):
            self.listed[os.path.abspath(path)] = seo.lastmod(context)


_current = Build()


def current() -> Build:
    return _current


def start() -> Build:
    global _current
    _current = Build()
    return _current


def finish() -> Build:
    """The build that ends; the next one starts empty."""
    global _current
    finished, _current = _current, Build()
    return finished


def cache_folder(settings, name: str) -> Path | None:
    """Where the plugin keeps `name` between builds: beside Pelican's own cache, and only when that is on."""
    return Path(settings["CACHE_PATH"]) / name if settings.get("CACHE_CONTENT") else None


def jobs(settings) -> int:
    """DIGEST_JOBS, where 0 means every core."""
    return settings["DIGEST_JOBS"] or default_jobs()
