"""Pelican plugin: before Pelican reads its articles, ingest the raw dumps into Markdown posts.

The glue is this file only; the work happens in plain modules (see ingest.py) that run without Pelican
too (`python -m digest DUMPS POSTS`). Settings (documented in pelican.conf.py):
DIGEST_DUMPS, DIGEST_POSTS, DIGEST_TAXONOMY, DIGEST_TIMEZONE, DIGEST_STRICT.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from . import browse
from .ingest import describe, ingest
from .report import REPORT_NAME
from .tagging import TaxonomyError, taxonomy_at

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
    try:
        taxonomy = taxonomy_at(Path(settings["DIGEST_TAXONOMY"]))
    except TaxonomyError as e:
        raise IngestFailed(f"DIGEST_TAXONOMY: {e}") from e
    result = ingest(dumps, posts, settings.get("DIGEST_TIMEZONE") or settings.get("TIMEZONE") or "UTC", taxonomy)
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


def browse_generator(pelican):
    """get_generators: the generator that writes /topics/ and /assets/ (defined here, on demand, because
    it subclasses Pelican's Generator and `python -m digest` must not need Pelican)."""
    from pelican.generators import Generator

    class BrowseGenerator(Generator):
        """Topic and asset pages. The work is in browse.py; this only hands it Pelican's articles."""

        def generate_context(self):
            taxonomy = taxonomy_at(Path(self.settings["DIGEST_TAXONOMY"]))
            known = browse.sections(taxonomy, _found_assets(Path(self.settings["DIGEST_POSTS"])))
            articles = self.context.get("articles", [])
            for article in articles:  # chips on article pages and in lists
                article.topic_sections = [known[k] for k in browse.split_list(getattr(article, "topics", ""))
                                          if k in known]
                article.asset_sections = [known[k] for k in browse.split_list(getattr(article, "assets", ""))
                                          if k in known]
            self.topics = browse.group(articles, "topics", known)
            self.assets = browse.group(articles, "assets", known)
            self.known = known
            self.context["digest_topics"] = [(known[k], len(v)) for k, v in sorted(self.topics.items())]
            self.context["digest_assets"] = browse.by_kind(self.assets, known)

        def generate_output(self, writer):
            relative = self.settings["RELATIVE_URLS"]
            writer.write_file("topics/index.html", self.get_template("topics"), self.context, relative,
                              url="topics/")
            writer.write_file("assets/index.html", self.get_template("assets"), self.context, relative,
                              url="assets/")
            for key, articles in [*self.topics.items(), *self.assets.items()]:
                section = self.known[key]
                template = "topic" if section.kind == "topic" else "asset"
                chart = browse.chart_svg(section.label, browse.per_day(articles)) if template == "asset" else ""
                writer.write_file(section.save_as, self.get_template(template), self.context, relative,
                                  paginated={"articles": articles}, template_name=template, url=section.url,
                                  section=section, articles=articles, chart=chart)

    return BrowseGenerator


def _found_assets(posts: Path) -> dict:
    """Tickers the ingest found that the taxonomy lacks, with their names (from its report)."""
    try:
        return json.loads((posts / REPORT_NAME).read_text(encoding="utf-8"))["tagging"]["found_assets"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def register() -> None:
    from pelican import signals

    signals.article_generator_init.connect(run_ingest)
    signals.article_generator_finalized.connect(link_articles)
    signals.get_generators.connect(browse_generator)
