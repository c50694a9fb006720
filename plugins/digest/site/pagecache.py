"""Story pages rendered only when what they show changed.

A rebuild after one new dump changes a few dozen story pages (the new stories, their neighbours, stories
whose related list moved), yet Pelican renders every one again: at 10,000 stories that was half of such a
rebuild. So each story page gets a key: a hash of everything its template can show (the story's
metadata and HTML, the labels, chips and publishers the glue gives it, its neighbours' and related
stories' links and titles) and of what every page shares (the site's settings and pages, the theme's
templates and share image, the plugin's code, Pelican's version). A story page whose key is the one the last build wrote
it with, and whose file is still there, is not rendered again. Other pages (lists, topics, assets) always
are: they show many stories each.

The keys are kept by page in the cache folder's store (ingest/store.py). A page's key is removed before
its file is written and kept once it is: a build that stops half-way leaves no key of a page it may have
rewritten, and every key of the pages it wrote.
"""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from ..ingest.cache import FILE_NAME, code_version
from ..ingest.store import Store
from .seo import SHARE_IMAGE


def site_key(settings: dict, pages: list) -> str:
    """What every story page shares."""
    from importlib.metadata import version

    digest = hashlib.sha1(f"{version('pelican')}\0{code_version()}".encode())
    plain = {k: v for k, v in settings.items() if _plain(v)}
    digest.update(repr(sorted(plain.items())).encode())
    digest.update(repr([(p.url, p.title, p.slug) for p in pages]).encode())
    theme = Path(settings["THEME"])
    # the share image too: its width and height are in every page's head (seo.share_image)
    for path in sorted([*theme.rglob("*.html"), *theme.glob(f"static/{SHARE_IMAGE}")]):
        digest.update(path.relative_to(theme).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _plain(value) -> bool:
    if value is None or isinstance(value, (str, int, float, bool)):
        return True
    if isinstance(value, (list, tuple)):
        return all(map(_plain, value))
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def _link(article) -> tuple:
    return (article.href, article.title, article.labels) if article is not None else ()


def page_key(site: str, article) -> str:
    """Everything article.html shows of this story (link_articles and the browse generator set the
    attributes beyond Pelican's)."""
    shown = (
        sorted((k, repr(v)) for k, v in article.metadata.items()),
        article._content, article.save_as, article.summary_text, article.publishers,
        article.topic_sections, article.asset_sections, _link(article),
        _link(article.newer), _link(article.older), [_link(r) for r in article.related_articles],
    )
    return hashlib.sha1(f"{site}\0{shown!r}".encode()).hexdigest()


class PageKeys:
    """The key each story page was last written with (without a cache folder, nothing is kept and every
    page is written)."""

    def __init__(self, folder: Path | None):
        self.store = Store(folder / FILE_NAME, "pages") if folder else None
        self.started = time.time()
        self.kept: list[str] = []  # pages not written again: still current

    def unchanged(self, path: str, key: str) -> bool:
        if self.store is None or self.store.get(path) != key or not os.path.isfile(path):
            return False
        self.kept.append(path)
        return True

    def writing(self, path: str) -> None:
        if self.store is not None:
            self.store.delete(path)

    def written(self, path: str, key: str) -> None:
        if self.store is not None:
            self.store.put(path, key)

    def save(self) -> None:
        """When the build ends: forget the pages it no longer has."""
        if self.store is not None:
            self.store.touch(self.kept)
            self.store.forget_unused(self.started)
            self.store.close()
