"""Pelican plugin: before Pelican reads its articles, ingest the raw dumps into Markdown posts.

The glue is this file only; the work happens in plain modules (see ingest.py) that run without Pelican
too (`python -m digest DUMPS POSTS`). Settings (documented in pelican.conf.py):
DIGEST_DUMPS, DIGEST_POSTS, DIGEST_TIMEZONE, DIGEST_STRICT.
"""
from __future__ import annotations

import logging
from pathlib import Path

from .ingest import describe, ingest

log = logging.getLogger(__name__)


class IngestFailed(Exception):
    """Stops the build (DIGEST_STRICT, or no dumps folder)."""


def run_ingest(generator) -> None:
    """article_generator_init: runs on every build, `make devserver` rebuilds included. Posts are only
    rewritten when their text changes, so the rebuild never triggers itself."""
    from pelican.log import console  # here, so `python -m digest` works without importing Pelican

    settings = generator.settings
    dumps, posts = Path(settings["DIGEST_DUMPS"]), Path(settings["DIGEST_POSTS"])
    if not dumps.is_dir():
        raise IngestFailed(f"DIGEST_DUMPS: {dumps} is not a folder of dumps")
    result = ingest(dumps, posts, settings.get("DIGEST_TIMEZONE") or settings.get("TIMEZONE") or "UTC")
    for line in describe(result, dumps, posts):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    for error in result.errors:
        log.warning("ingest: %s", error)
    if settings.get("DIGEST_STRICT") and result.errors:
        raise IngestFailed(f"{len(result.errors)} dump(s) failed to ingest and DIGEST_STRICT is on")


def link_articles(generator) -> None:
    """article_generator_finalized: give each article its `newer` and `older` neighbour and its
    `related_articles` (from the `Related` slugs the ingest wrote), in one pass over the articles."""
    articles = generator.articles  # newest first
    by_slug = {a.slug: a for a in articles}
    for i, article in enumerate(articles):
        article.newer = articles[i - 1] if i > 0 else None
        article.older = articles[i + 1] if i + 1 < len(articles) else None
        slugs = [s.strip() for s in getattr(article, "related", "").split(",")]
        article.related_articles = [by_slug[s] for s in slugs if s in by_slug]


def register() -> None:
    from pelican import signals

    signals.article_generator_init.connect(run_ingest)
    signals.article_generator_finalized.connect(link_articles)
