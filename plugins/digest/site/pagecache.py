"""Story pages rendered only when what they show changed.

A rebuild after one new dump changes a few dozen story pages (the new stories, their neighbours, stories
whose related list moved), yet Pelican renders every one again: at 10,000 stories that was half of such a
rebuild. So each story page gets a key: a hash of everything its template can show (the story's
metadata and HTML, the labels, chips and publishers the glue gives it, its neighbours' and related
stories' links and titles) and of what every page shares (the site's settings and pages, the theme's
templates and share image, the plugin's code, Pelican's version). A story page whose key is the one the last build wrote
it with, and whose file is still there, is not rendered again. Other pages (lists, topics, assets) always
are: they show many stories each.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..ingest.cache import code_version, read_pickle, write_pickle
from .seo import SHARE_IMAGE

FILE_NAME = "story-pages.pickle"


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
    """The key each story page was last written with (in the cache folder; without one, nothing is kept
    and every page is written). The file is removed as it is read and written anew when the build ends:
    a build that fails half-way leaves none, so the next one cannot trust a page it may have rewritten."""

    def __init__(self, folder: Path | None):
        self.path = folder / FILE_NAME if folder else None
        self.old: dict[str, str] = read_pickle(self.path, {})
        self.new: dict[str, str] = {}
        if self.path and self.path.is_file():
            self.path.unlink()

    def unchanged(self, path: str, key: str) -> bool:
        return self.path is not None and self.old.get(path) == key and os.path.isfile(path)

    def note(self, path: str, key: str) -> None:
        self.new[path] = key

    def save(self) -> None:
        if self.path:
            write_pickle(self.path, self.new)
