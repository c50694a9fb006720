"""Search engines and link previews: a story's JSON-LD, the share image, sitemap.xml, news-sitemap.xml and
robots.txt. The <head> tags every page carries (canonical, description, Open Graph, Twitter card) are in
the theme (theme/templates/_meta.html); what they need beyond Pelican's objects is made here.

Plain functions over anything with the attributes the glue gives Pelican's articles (title, date, url,
summary_text, publishers, topic_sections, asset_sections, ...), so they test without Pelican. Like the
feeds, everything comes from the content, never from the build's clock: the same posts give the same bytes.
"""
from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from ..ingest.firstseen import FIRST_SEEN

SITEMAP = "sitemap.xml"
NEWS_SITEMAP = "news-sitemap.xml"
ROBOTS = "robots.txt"
# Pages that are no place to land from a search: the 404 page is served at any missing address, the
# search page shows results only in a browser. Both say `noindex`, and the sitemap leaves them out.
UNLISTED = ("404.html", "search/index.html")
# Google News reads only the articles of the last two days from a news sitemap, and at most 1,000.
NEWS_WINDOW = timedelta(days=2)
NEWS_MAX = 1000
SHARE_IMAGE = "share.png"  # in the theme's static folder


# ---------------------------------------------------------------- a story's JSON-LD

def tags(article) -> list[str]:
    """A story's topics and assets as words: the topic's name, the asset's name and ticker."""
    return ([s.name for s in article.topic_sections]
            + [s.key if s.name == s.key else f"{s.name} ({s.key})" for s in article.asset_sections])


def changed(article) -> datetime:
    """When the story last changed: its Modified date when it has one. The digest shows a story as its
    copies give it and never edits it, so without one it is its date (what schema.org's dateModified
    means for a work not modified since)."""
    return getattr(article, "modified", None) or article.date


def _organization(name: str, url: str | None = None) -> dict:
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def _home(url: str | None) -> str | None:
    """The home page of the site an address is on."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme in ("http", "https") and parts.netloc else None


def news_article(article, base: str, site_name: str, image: str | None) -> dict:
    """A story as schema.org NewsArticle (Google's Article structured data), for our page at `base`.

    Our page is the article's main entity; the original is what it is based on: the page links it
    ("From <publisher>") and credits its publisher, who is the publisher here too, with its site's home
    page as the page pairs them. No author: the ingest drops bylines with the page furniture, so none is
    known. An undated story's datePublished is the day the digest first saw it (Date_Source: first-seen):
    that is when this page was published, so the claim is true of the page, and the page says "undated:
    first seen then" beside it. Google wants a datePublished; leaving it out would hide the story's age
    instead of stating the one date we know."""
    url = f"{base}/{article.url}"
    source_name = getattr(article, "source_name", "") or ""
    source_url = getattr(article, "source_url", "") or ""
    original = {"@type": "CreativeWork", **({"url": source_url} if source_url else {}),
                **({"publisher": _organization(source_name)} if source_name else {})}
    others = [{"@type": "CreativeWork", "publisher": _organization(name)}
              for name in article.publishers if name != source_name]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary_text,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.date.isoformat(),
        "dateModified": changed(article).isoformat(),
        "inLanguage": getattr(article, "language", ""),
        "keywords": tags(article),
        "publisher": (_organization(source_name, _home(source_url)) if source_name
                      else _organization(site_name, base + "/")),
        "isBasedOn": ([original] if len(original) > 1 else []) + others,
        "image": [image] if image else [],
    }
    return {k: v for k, v in data.items() if v}


def json_ld_script(data: dict) -> str:
    """`data` as a <script type="application/ld+json"> element. `<`, `>` and `&` are written as JSON
    escapes, so no text in it (a title holding `</script>` or `<!--`) can end the element early; a JSON
    reader gives back the same strings."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{text}</script>'


# ---------------------------------------------------------------- the share image

@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def share_image(static: Path, url: str, alt: str) -> ShareImage | None:
    """The theme's share image (static/share.png, served at `url`), with its size for og:image:width
    and height; None when the theme has none (pages then get a Twitter `summary` card, without image)."""
    path = static / SHARE_IMAGE
    if not path.is_file():
        return None
    width, height = png_size(path)
    return ShareImage(url, width, height, alt)


# ---------------------------------------------------------------- sitemaps and robots.txt

def page_path(output_file: str) -> str | None:
    """The address of a written page under the site (`stories/x/`, `` for the home page, `x.html` where
    the site's settings save pages so, as Pelican's defaults do), or None for a file the sitemap leaves out."""
    if output_file in UNLISTED or not output_file.endswith(".html"):
        return None
    if output_file == "index.html" or output_file.endswith("/index.html"):
        return output_file[: -len("index.html")]
    return output_file


def lastmod(context: dict) -> datetime | None:
    """When what a page shows last changed, from the context Pelican renders it with: a story's own date;
    a static page's Modified or Date (None when it states neither); for a list, its newest story (the
    stories of its page of a paginated list, of its month for a month, of the site for the rest)."""
    if "article" in context:
        return changed(context["article"])
    if "page" in context:
        page = context["page"]
        return getattr(page, "modified", None) or getattr(page, "date", None)
    listed = context["articles_page"].object_list if "articles_page" in context else context.get("dates") or []
    return max((changed(a) for a in listed), default=None)


def published(context: dict) -> bool:
    """Not a draft or a hidden story or page: those are written but not for readers to find."""
    item = context.get("article") or context.get("page")
    return getattr(item, "status", "published") == "published"


def sitemap_xml(pages: dict[str, datetime | None], base: str) -> str:
    """A sitemap (sitemaps.org 0.9) of `pages` ({address under the site: lastmod}), in address order."""
    rows = []
    for path in sorted(pages):
        when = pages[path]
        rows.append(f"  <url><loc>{escape(f'{base}/{path}')}</loc>"
                    + (f"<lastmod>{when.isoformat()}</lastmod>" if when else "") + "</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(rows) + "\n</urlset>\n")


def recent_news(articles) -> list:
    """The stories a Google News sitemap lists: the dated ones of the two days up to the newest dated
    story, newest first, at most NEWS_MAX. Counted from the newest story, not the build's clock, so the
    same posts give the same file; a digest published as stories come in has its newest story near now,
    and one left alone lists its last two days, which Google then ignores as old. Undated stories are left
    out: their first-seen date says when the digest found them, not that they are news."""
    dated = sorted((a for a in articles if getattr(a, "date_source", None) != FIRST_SEEN),
                   key=lambda a: a.date, reverse=True)
    if not dated:
        return []
    since = dated[0].date - NEWS_WINDOW
    return [a for a in dated if a.date >= since][:NEWS_MAX]


def news_sitemap_xml(articles, base: str, site_name: str, default_lang: str) -> str:
    """A Google News sitemap of `articles`: address, publication (this site), date, title."""
    rows = []
    for a in articles:
        language = getattr(a, "language", "") or default_lang
        rows.append(f"  <url><loc>{escape(f'{base}/{a.url}')}</loc><news:news><news:publication>"
                    f"<news:name>{escape(site_name)}</news:name><news:language>{escape(language)}</news:language>"
                    f"</news:publication><news:publication_date>{a.date.isoformat()}</news:publication_date>"
                    f"<news:title>{escape(a.title)}</news:title></news:news></url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
            + "".join(row + "\n" for row in rows) + "</urlset>\n")


def site_files(listed: dict[str, datetime | None], output: Path, articles: list, settings: dict,
               base: str) -> dict[str, str | None]:
    """sitemap.xml of the pages a build wrote (`listed`: absolute path -> lastmod), news-sitemap.xml of its
    recent stories and robots.txt; None for a file the site does not have (robots_txt)."""
    pages = {}
    for path, when in listed.items():
        address = page_path(os.path.relpath(path, output).replace(os.sep, "/"))
        if address is not None:
            pages[address] = when
    return {SITEMAP: sitemap_xml(pages, base),
            NEWS_SITEMAP: news_sitemap_xml(recent_news(articles), base, settings["SITENAME"], settings["DEFAULT_LANG"]),
            ROBOTS: robots_txt(settings["SITEURL"])}


def robots_txt(siteurl: str) -> str | None:
    """robots.txt naming the sitemaps, for a site at the root of its domain; None under a sub-path
    (crawlers read robots.txt only at the root, which belongs to whoever serves the domain) or without
    SITEURL (a local preview)."""
    parts = urlsplit(siteurl)
    if not parts.netloc or parts.path.strip("/"):
        return None
    base = siteurl.rstrip("/")
    return f"User-agent: *\nDisallow:\n\nSitemap: {base}/{SITEMAP}\nSitemap: {base}/{NEWS_SITEMAP}\n"
