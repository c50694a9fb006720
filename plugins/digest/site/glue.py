"""The Pelican side of the plugin: signal handlers and the generator for topic, asset and feed files and
the sitemaps. Each hands Pelican's objects to the plain modules (ingest/pipeline.py, browse.py, feeds.py,
seo.py) and writes what they return; nothing here decides anything about dumps, tags, feeds or sitemaps."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import site
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import browse, credit, feeds, pagecache, prune, search, seo
from ..ingest.dumps import folder_problem
from ..ingest.firstseen import FIRST_SEEN
from ..ingest.pipeline import GC_THRESHOLD, describe, ingest, unchanged
from ..ingest.shrink import ShrinkRefused
from ..ingest.tagging import TaxonomyError, taxonomy_at
from ..ingest.workers import default_jobs
from ..settings import problems, with_defaults

log = logging.getLogger(__name__)


class BuildStopped(SystemExit):
    """Stops the build with one line on stderr and status 1 (no dumps folder, a bad taxonomy, a refused
    shrink, DIGEST_STRICT). A SystemExit because Pelican logs any Exception with its whole traceback, 40
    lines around a one-line reason; Python prints a SystemExit's message alone. `make regenerate` and
    `make devserver` stop too, rather than keep rebuilding a site that cannot be built."""

    def __init__(self, reason: str):
        super().__init__(f"error: {reason}")


@dataclass
class Build:
    """What the current build has done that its end needs (Pelican's signals pass no build object): the
    pages and feeds it wrote (prune.py), the sitemap's pages with their dates (seo.py), the articles that
    are its stories, and the story pages' keys (pagecache.py). `start_build` makes a new one and
    `finish_build` drops it."""

    written: set[str] = field(default_factory=set)             # absolute paths
    listed: dict[str, datetime | None] = field(default_factory=dict)  # output path -> lastmod
    stories: set[int] = field(default_factory=set)             # id() of the articles link_articles linked
    page_keys: pagecache.PageKeys | None = None


build = Build()
GC_DEFAULT = gc.get_threshold()


def check_settings(pelican) -> None:
    """initialized: give the plugin's defaults to the settings pelican.conf.py leaves out, and stop at
    once, in one line, on a name or value that makes no sense (settings.py)."""
    if found := problems(with_defaults(pelican.settings)):
        raise BuildStopped("; ".join(found))


def start_build() -> None:
    """A new Build, at the start of every build (`make devserver`'s rebuilds too, which one Pelican object
    runs): what a failed build left is dropped with it."""
    global build
    build = Build()
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
    cache = _cache_folder(settings, "digest")
    tz = settings["DIGEST_TIMEZONE"]
    started = time.perf_counter()
    first_seen = Path(settings["DIGEST_FIRST_SEEN"]) if settings.get("DIGEST_FIRST_SEEN") else None
    result = unchanged(dumps, posts, tz, taxonomy, first_seen) if cache else None
    if result is None:
        try:
            result = ingest_in_child(dumps, posts, tz, Path(settings["DIGEST_TAXONOMY"]), cache, _jobs(settings),
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
    build.written.add(os.path.abspath(path))
    if context is not None and seo.published(context):
        build.listed[os.path.abspath(path)] = seo.lastmod(context)


def story_page_writer(pelican):
    """get_writer: Pelican's writer, except that a story page whose key did not change since the last
    build is not rendered again (pagecache.py)."""
    from pelican.writers import Writer

    class StoryPageWriter(Writer):
        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            self.keys = build.page_keys = pagecache.PageKeys(_cache_folder(settings, "digest"))
            self.site = None

        def write_file(self, name, template, context, *args, **kwargs):
            article = kwargs.get("article")
            if id(article) not in build.stories or kwargs.get("paginated"):
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
    global build
    finished, build = build, Build()
    gc.set_threshold(*GC_DEFAULT)  # the process may go on (`make devserver` waits for the next change)
    if finished.page_keys:
        finished.page_keys.save()
    if pelican.settings.get("WRITE_SELECTED"):
        return
    removed = prune.prune(Path(pelican.output_path), finished.written)
    if removed:
        log.info("removed %d pages and feeds this build no longer has, e.g. %s", len(removed), removed[0])


def _jobs(settings) -> int:
    """DIGEST_JOBS, where 0 means every core."""
    return settings["DIGEST_JOBS"] or default_jobs()


def _cache_folder(settings, name: str) -> Path | None:
    """Where the plugin keeps `name` between builds: beside Pelican's own cache, and only when that is on."""
    return Path(settings["CACHE_PATH"]) / name if settings.get("CACHE_CONTENT") else None


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
    build.stories.update(map(id, articles))
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
    """get_generators: the generator that writes /topics/, /assets/ and /feeds/ (defined here, on demand,
    because it subclasses Pelican's Generator)."""
    from pelican.generators import Generator

    class BrowseGenerator(Generator):
        """Topic, asset and feed pages and the feeds. The work is in browse.py and feeds.py."""

        def generate_context(self):
            taxonomy = taxonomy_at(Path(self.settings["DIGEST_TAXONOMY"]))
            known = browse.sections(taxonomy, self.context.get("digest_found_assets", {}))
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
            self.feeds = self._feeds(articles)
            self.context["digest_feeds"] = self.feeds
            self.context["digest_feed_base"] = self.feed_base
            self._share(articles)

        def _share(self, articles) -> None:
            """What pages give search engines and link previews: absolute addresses, the share image, and
            each story's tags and JSON-LD (seo.py)."""
            from markupsafe import Markup

            s, base = self.settings, self.feed_base  # absolute: the feeds' base is SITEURL or the placeholder
            image = seo.share_image(Path(s["THEME"]) / "static", f"{base}/{s['THEME_STATIC_DIR']}/{seo.SHARE_IMAGE}",
                                    f"{s['SITENAME']}: {s.get('SITESUBTITLE', '')}")
            self.context["digest_site_base"] = base
            self.context["digest_share_image"] = image
            for article in articles:
                article.share_tags = seo.tags(article)
                article.json_ld = Markup(seo.json_ld_script(
                    seo.news_article(article, base, s["SITENAME"], image.url if image else None)))

        def _feeds(self, articles) -> list[feeds.Feed]:
            """The site feed, then one per topic and per asset, each with its newest entries."""
            s = self.settings
            self.feed_base = (s["SITEURL"] or s["DIGEST_FEED_PLACEHOLDER"]).rstrip("/")
            if not s["SITEURL"]:
                log.warning("SITEURL is empty: feeds point at the placeholder %s; build with SITEURL=https://... "
                            "to publish them", self.feed_base)
            entries: dict[int, feeds.Entry] = {}  # only stories some feed shows: each made once

            def entry(article) -> feeds.Entry:
                if id(article) not in entries:
                    entries[id(article)] = _entry(article, self.feed_base)
                return entries[id(article)]

            limit = s["DIGEST_FEED_MAX_ITEMS"]
            newest = tuple(entry(a) for a in articles[:limit])
            out = [feeds.Feed("all", "All stories", s["SITENAME"], s.get("SITESUBTITLE", ""), self.feed_base + "/",
                              "feeds/all", newest)]
            for key, members in [*sorted(self.topics.items()), *sorted(self.assets.items())]:
                section = self.known[key]
                name = section.name if section.kind == "topic" else f"{section.key} ({section.name})"
                out.append(feeds.Feed(key, name, f"{s['SITENAME']}: {name}", section.description or name,
                                      f"{self.feed_base}/{section.url}", section.feed,
                                      tuple(entry(a) for a in members[:limit])))
            return out

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
            writer.write_file("feeds/index.html", self.get_template("feeds"), self.context, relative, url="feeds/")
            writer.write_file("search/index.html", self.get_template("search"), self.context, relative, url="search/")
            # GitHub Pages serves 404.html for any missing address, so its links must not be relative
            writer.write_file("404.html", self.get_template("404"), self.context, False, url="404.html")
            self._write_feeds()
            self._write_sitemaps()  # Pelican's generators have written their pages by now, and this one too
            self._index_search()  # last: Pelican's generators have written the story pages by now

        def _write_sitemaps(self) -> None:
            """sitemap.xml of every page written, news-sitemap.xml of the recent stories, and robots.txt
            when the site is at the root of its domain (seo.py). Not when WRITE_SELECTED made the build
            write only some pages: the sitemap would lack the others."""
            if self.settings.get("WRITE_SELECTED"):
                return
            out, s = Path(self.output_path), self.settings
            pages = {}
            for path, when in build.listed.items():
                address = seo.page_path(Path(path).relative_to(os.path.abspath(out)).as_posix())
                if address is not None:
                    pages[address] = when
            files = {seo.SITEMAP: seo.sitemap_xml(pages, self.feed_base),
                     seo.NEWS_SITEMAP: seo.news_sitemap_xml(seo.recent_news(self.context.get("articles", [])),
                                                            self.feed_base, s["SITENAME"], s["DEFAULT_LANG"]),
                     seo.ROBOTS: seo.robots_txt(s["SITEURL"])}
            for name, text in files.items():
                if text is not None:
                    (out / name).write_text(text, encoding="utf-8")
                    note_written(out / name)

        def _index_search(self) -> None:
            """The search index of the story pages (DIGEST_SEARCH), one part per month (search.py)."""
            from pelican.log import console

            if not self.settings["DIGEST_SEARCH"]:
                search.remove_index(Path(self.output_path))  # an earlier build's, in the kept output/
                return
            parts: dict[str, list[str]] = {}
            for article in self.context.get("articles", []):
                parts.setdefault(article.date.strftime("%Y-%m"), []).append(article.save_as)
            cache = _cache_folder(self.settings, "pagefind")
            started = time.perf_counter()
            try:
                line = search.index_site(Path(self.output_path), parts, cache, _jobs(self.settings))
            except search.SearchIndexFailed as e:
                log.error("%s; the search page will find nothing", e)
                return
            console.print(f"{line} in {time.perf_counter() - started:.1f} s", markup=False, highlight=False,
                          soft_wrap=True)

        def _write_feeds(self) -> None:
            out = Path(self.output_path)
            name = self.settings["SITENAME"]
            for feed in self.feeds:
                for kind in feeds.KINDS:
                    path = out / f"{feed.path}.{kind}.xml"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(feeds.render(feed, kind, self.feed_base))
                    note_written(path)
            newest = max((e.published for f in self.feeds for e in f.entries), default=None)
            (out / "feeds" / "feeds.opml").write_text(feeds.opml(self.feeds, self.feed_base, name, newest),
                                                     encoding="utf-8")
            note_written(out / "feeds" / "feeds.opml")

    return BrowseGenerator


def _entry(article, base: str) -> feeds.Entry:
    """A feed entry from a Pelican article (absolute links, text summary, every publisher), its content as
    its page shows it (DIGEST_CONTENT), with the credit line."""
    summary = article.summary_text
    if getattr(article, "date_source", None) == FIRST_SEEN:  # a reader should not take it for today's news
        summary = f"Undated; first seen {article.date:%d %B %Y}. {summary}"
    return feeds.Entry(story_id=getattr(article, "story_id", article.slug), title=article.title,
                       url=f"{base}/{article.url}", published=article.date,
                       summary=summary,
                       content=f"{article.get_content(base)}\n{article.credit}",
                       sections=tuple(article.topic_sections + article.asset_sections),
                       publishers=tuple(article.publishers))
