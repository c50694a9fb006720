"""The generator of the plugin's own pages (get_generators gives it to Pelican): /topics/, /assets/,
/feeds/, /search/ and 404.html, the feeds, the sitemaps and robots.txt, and the search index. It reads
what Pelican's generators made (the context) and hands the work to plain modules: browse.py groups the
stories into sections, feeds.py makes the feeds, seo.py the stories' tags and the sitemaps, search.py the
index. It writes what they return, and notes every file in the current build (build.py).
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator
from pelican.log import console

from ..ingest.tagging import taxonomy_at
from . import browse, build, feeds, search, seo

log = logging.getLogger(__name__)


class BrowseGenerator(Generator):
    """Topic, asset and feed pages, the feeds, the sitemaps and the search index."""

    def generate_context(self):
        s = self.settings
        taxonomy = taxonomy_at(Path(s["DIGEST_TAXONOMY"]))
        self.known = known = browse.sections(taxonomy, self.context.get("digest_found_assets", {}))
        articles = self.context.get("articles", [])
        for article in articles:  # chips on article pages and in lists
            article.topic_sections = [known[k] for k in browse.split_list(getattr(article, "topics", "")) if k in known]
            article.asset_sections = [known[k] for k in browse.split_list(getattr(article, "assets", "")) if k in known]
        self.topics = browse.group(articles, "topics", known)
        self.assets = browse.group(articles, "assets", known)
        # feeds, sitemaps and link previews need absolute addresses: SITEURL, else the placeholder
        self.base = (s["SITEURL"] or s["DIGEST_FEED_PLACEHOLDER"]).rstrip("/")
        if not s["SITEURL"]:
            log.warning("SITEURL is empty: feeds point at the placeholder %s; build with SITEURL=https://... "
                        "to publish them", self.base)
        self.feeds = feeds.site_feeds(articles, self.topics, self.assets, known, s, self.base)
        self.context.update(digest_topics=[(known[k], len(v)) for k, v in sorted(self.topics.items())],
                            digest_assets=browse.by_kind(self.assets, known), digest_feeds=self.feeds,
                            digest_feed_base=self.base, digest_site_base=self.base)
        self._share(articles)

    def _share(self, articles) -> None:
        """What pages give search engines and link previews: the share image, and each story's tags and
        JSON-LD (seo.py)."""
        s = self.settings
        image = seo.share_image(Path(s["THEME"]) / "static", f"{self.base}/{s['THEME_STATIC_DIR']}/{seo.SHARE_IMAGE}",
                                f"{s['SITENAME']}: {s.get('SITESUBTITLE', '')}")
        self.context["digest_share_image"] = image
        for article in articles:
            article.share_tags = seo.tags(article)
            article.json_ld = Markup(seo.json_ld_script(
                seo.news_article(article, self.base, s["SITENAME"], image.url if image else None)))

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        for page in ("topics", "assets"):
            writer.write_file(f"{page}/index.html", self.get_template(page), self.context, relative, url=f"{page}/")
        for key, articles in [*self.topics.items(), *self.assets.items()]:
            section = self.known[key]
            template = "topic" if section.kind == "topic" else "asset"
            chart = browse.chart_svg(section.label, browse.per_day(articles)) if template == "asset" else ""
            writer.write_file(section.save_as, self.get_template(template), self.context, relative,
                              paginated={"articles": articles}, template_name=template, url=section.url,
                              section=section, articles=articles, chart=chart)
        for page in ("feeds", "search"):
            writer.write_file(f"{page}/index.html", self.get_template(page), self.context, relative, url=f"{page}/")
        # GitHub Pages serves 404.html for any missing address, so its links must not be relative
        writer.write_file("404.html", self.get_template("404"), self.context, False, url="404.html")
        self._write_feeds()
        if not self.settings.get("WRITE_SELECTED"):  # a build of some pages only: the sitemap would lack the rest
            self._write(seo.site_files(build.current().listed, Path(self.output_path),
                                       self.context.get("articles", []), self.settings, self.base))
        self._index_search()  # last: Pelican's generators have written the story pages by now

    def _write_feeds(self) -> None:
        files = {f"{feed.path}.{kind}.xml": feeds.render(feed, kind, self.base) for feed in self.feeds
                 for kind in feeds.KINDS}
        newest = max((e.published for f in self.feeds for e in f.entries), default=None)
        files["feeds/feeds.opml"] = feeds.opml(self.feeds, self.base, self.settings["SITENAME"], newest)
        self._write(files)

    def _write(self, files: dict[str, str | bytes | None]) -> None:
        """Files under output/ (None: the site has no such file), each noted in the build."""
        for name, data in files.items():
            if data is None:
                continue
            path = Path(self.output_path) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            build.current().note(path)

    def _index_search(self) -> None:
        """The search index of the story pages (DIGEST_SEARCH), one part per month (search.py)."""
        out = Path(self.output_path)
        if not self.settings["DIGEST_SEARCH"]:
            search.remove_index(out)  # an earlier build's, in the kept output/
            return
        parts: dict[str, list[str]] = {}
        for article in self.context.get("articles", []):
            parts.setdefault(article.date.strftime("%Y-%m"), []).append(article.save_as)
        started = time.perf_counter()
        try:
            line = search.index_site(out, parts, build.cache_folder(self.settings, "pagefind"),
                                     build.jobs(self.settings))
        except search.SearchIndexFailed as e:
            log.error("%s; the search page will find nothing", e)
            return
        console.print(f"{line} in {time.perf_counter() - started:.1f} s", markup=False, highlight=False,
                      soft_wrap=True)
