"""The Pelican side of the plugin: the signal handlers. Each hands Pelican's objects to plain modules (the
ingest's pipeline, browse.py, pagecache.py, prune.py) and the generator of the plugin's own pages
(generator.py); what one build did is kept in build.py. Nothing here decides anything about dumps, tags,
feeds or sitemaps."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import site
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import browse, build, credit, pagecache, prune
from ..ingest.dumps import folder_problem
from ..ingest.pipeline import GC_THRESHOLD, describe, ingest, unchanged
from ..ingest.shrink import ShrinkRefused
from ..ingest.tagging import TaxonomyError, taxonomy_at
from ..settings import problems, with_defaults

log = logging.getLogger(__name__)


class BuildStopped(SystemExit):
    """Stops the build with one line on stderr and status 1 (no dumps folder, a bad taxonomy, a refused
    shrink, DIGEST_STRICT). A SystemExit because Pelican logs any Exception with its whole traceback, 40
    lines around a one-line reason; Python prints a SystemExit's message alone. `make regenerate` and
    `make devserver` stop too, rather than keep rebuilding a site that cannot be built."""

    def __init__(self, reason: str):
        super().__init__(f"error: {reason}")


GC_DEFAULT = gc.get_threshold()


def check_settings(pelican) -> None:
    """initialized: give the plugin's defaults to the settings pelican.conf.py leaves out, and stop at
    once, in one line, on a name or value that makes no sense (settings.py)."""
    if found := problems(with_defaults(pelican.settings)):
        raise BuildStopped("; ".join(found))


def start_build() -> None:
    """A new build.Build, at the start of every build (`make devserver`'s rebuilds too, which one Pelican
    object runs): what a failed build left is dropped with it."""
    build.start()
    # A build makes millions of objects that live to its end (articles, their metadata and HTML); with
    # Python's default threshold the collector walks them all again and again (~15% of a rebuild).
    gc.set_threshold(GC_THRESHOLD, *GC_DEFAULT[1:])


def excerpt_story(content) -> None:
    """content_object_init: with DIGEST_CONTENT = "excerpt", a story (a post the ingest
    wrote: it has a Story_Id) keeps only its opening words, on its page and in the feeds alike."""
    if (content.settings.get("DIGEST_CONTENT") == credit.EXCERPT and "story_id" in content.metadata
            and getattr(content, "_content", None)):
        content._content = credit.excerpt_html(content._content)


def run_ingest(generator) -> None:
    """article_generator_init: starts every build, `make devserver` rebuilds included. Posts are only
    rewritten when their text changes, so the rebuild never triggers itself."""
    from pelican.log import console

    start_build()
    settings = generator.settings
    dumps, posts = Path(settings["DIGEST_DUMPS"]), Path(settings["DIGEST_POSTS"])
    if problem := folder_problem(dumps):
        raise BuildStopped(f"{problem} (DUMPS=<folder> names the folder of raw dumps)")
    try:
        taxonomy = taxonomy_at(Path(settings["DIGEST_TAXONOMY"]))
    except TaxonomyError as e:
        raise BuildStopped(f"DIGEST_TAXONOMY: {e}") from e
    cache = build.cache_folder(settings, "digest")
    tz = settings["DIGEST_TIMEZONE"]
    started = time.perf_counter()
    first_seen = Path(settings["DIGEST_FIRST_SEEN"]) if settings.get("DIGEST_FIRST_SEEN") else None
    result = unchanged(dumps, posts, tz, taxonomy, first_seen) if cache else None
    if result is None:
        try:
            result = ingest_in_child(dumps, posts, tz, Path(settings["DIGEST_TAXONOMY"]), cache, build.jobs(settings),
                                     first_seen, settings["DIGEST_ALLOW_SHRINK"])
        except ShrinkRefused as e:
            raise BuildStopped(str(e)) from e
    generator.context["digest_found_assets"] = result.found_assets  # the context all generators share
    lines = describe(result, dumps, posts)
    lines[0] += f" in {time.perf_counter() - started:.1f} s"
    for line in lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    for error in result.errors:
        log.warning("ingest: %s", error)
    if settings["DIGEST_STRICT"] and result.errors:
        raise BuildStopped(f"{len(result.errors)} dump(s) failed to ingest and DIGEST_STRICT is on")


def note_written(path, context=None, **_) -> None:
    """content_written and feed_written: remember a file the build wrote, and a page's address and date
    for the sitemap (content_written passes the context the page was rendered with)."""
    build.current().note(path, context)


def story_page_writer(pelican):
    """get_writer: Pelican's writer, except that a story page whose key did not change since the last
    build is not rendered again (pagecache.py)."""
    from pelican.writers import Writer

    class StoryPageWriter(Writer):
        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            self.keys = build.current().page_keys = pagecache.PageKeys(build.cache_folder(settings, "digest"))
            self.site = None

        def write_file(self, name, template, context, *args, **kwargs):
            article = kwargs.get("article")
            if id(article) not in build.current().stories or kwargs.get("paginated"):
                return super().write_file(name, template, context, *args, **kwargs)
            self.site = self.site or pagecache.site_key(self.settings, context.get("pages", []))
            key, path = pagecache.page_key(self.site, article), os.path.join(self.output_path, name)
            if self.keys.unchanged(path, key):
                note_written(path, {"article": article})
                return None
            self.keys.writing(path)
            written = super().write_file(name, template, context, *args, **kwargs)
            self.keys.written(path, key)
            return written

    return StoryPageWriter


def finish_build(pelican) -> None:
    """finalized: forget the keys of story pages the site no longer has, then remove the pages and feeds
    of output/ this build did not write (prune.py; not when WRITE_SELECTED made it write only some)."""
    finished = build.finish()
    gc.set_threshold(*GC_DEFAULT)  # the process may go on (`make devserver` waits for the next change)
    if finished.page_keys:
        finished.page_keys.save()
    if pelican.settings.get("WRITE_SELECTED"):
        return
    removed = prune.prune(Path(pelican.output_path), finished.written)
    if removed:
        log.info("removed %d pages and feeds this build no longer has, e.g. %s", len(removed), removed[0])


def ingest_in_child(*args):
    """ingest_with in a process of its own: the ingest's peak memory is given back before Pelican reads the
    posts, so the build's peak is the larger of the two, not their sum."""
    # The child finds this package on the plugin path (Pelican imports it from there, not from sys.path).
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=site.addsitedir,
                             initargs=(str(Path(__file__).resolve().parents[2]),)) as child:
        return child.submit(ingest_with, *args).result()


def ingest_with(dumps: Path, posts: Path, tz: str, taxonomy: Path, cache: Path | None, jobs: int,
                first_seen: Path | None, allow_shrink: bool):
    """The ingest, as the child process runs it."""
    return ingest(dumps, posts, tz, taxonomy_at(taxonomy), cache, jobs, first_seen, allow_shrink)


def link_articles(generator) -> None:
    """article_generator_finalized: give each article its `newer` and `older` neighbour, its
    `related_articles` (from the `Related` slugs the ingest wrote), its publishers, and its address and
    date labels for the templates, in one pass over the articles."""
    from markupsafe import Markup

    articles = generator.articles  # newest first
    build.current().stories.update(map(id, articles))
    by_slug = {a.slug: a for a in articles}
    mode = generator.settings["DIGEST_CONTENT"]
    for i, article in enumerate(articles):
        article.newer = articles[i - 1] if i > 0 else None
        article.older = articles[i + 1] if i + 1 < len(articles) else None
        slugs = [s.strip() for s in getattr(article, "related", "").split(",")]
        article.related_articles = [by_slug[s] for s in slugs if s in by_slug]
        article.publishers = browse.publishers(article)
        # computed once here: Pelican works `url` and `summary` out afresh on every use, and lists use them
        # thousands of times
        article.href = article.url
        article.summary_text = Markup(getattr(article, "summary", "") or "").striptags()
        article.labels = browse.date_labels(article.date)
        article.credit = Markup(credit.credit_html(getattr(article, "source_name", None),
                                                   getattr(article, "source_url", None), mode))


def browse_generator(pelican):
    """get_generators: the generator of /topics/, /assets/, /feeds/ and the rest (generator.py; imported
    here, on demand, as it subclasses Pelican's Generator)."""
    from .generator import BrowseGenerator

    return BrowseGenerator
