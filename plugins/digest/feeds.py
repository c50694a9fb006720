"""Feeds: Atom 1.0 and RSS 2.0 (feedgen) for the whole site, every topic and every asset, and an OPML
list of them all.

Plain functions over `Entry` records (the Pelican glue builds them from articles), so they test without
Pelican. Everything in a feed comes from its entries: its `updated`/`lastBuildDate` is its newest entry's
date, never the build time, so the same posts always give the same bytes. Entry content is sanitised
(sanitize.py: an allow-list; links off the site get rel="noopener nofollow").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from .browse import Section
from .sanitize import clean_html

KINDS = ("atom", "rss")


@dataclass(frozen=True)
class Entry:
    story_id: str
    title: str
    url: str                 # absolute
    published: datetime
    summary: str             # plain text
    content: str             # HTML
    sections: tuple[Section, ...]
    publishers: tuple[str, ...]


@dataclass(frozen=True)
class Feed:
    """One feed to write: where, what it is about, and its entries newest first."""

    key: str                 # "all", a topic slug or a ticker
    name: str                # what it follows, for lists: "All stories", "AI", "BTC (Bitcoin)"
    title: str
    subtitle: str
    page_url: str            # absolute address of the page the feed follows
    path: str                # "feeds/all", "feeds/topics/ai" (no extension)
    entries: tuple[Entry, ...]

    def url(self, base: str, kind: str) -> str:
        return f"{base}/{self.path}.{kind}.xml"


def _tag_uri(base: str, story_id: str, first: datetime) -> str:
    """A stable, unique entry id (RFC 4151 tag URI): the site's host, the story's first day and its id."""
    host = urlsplit(base).hostname or "localhost"
    return f"tag:{host},{first:%Y-%m-%d}:story/{story_id}"


def render(feed: Feed, kind: str, base: str, site_name: str) -> bytes:
    """The feed as Atom or RSS bytes."""
    fg = FeedGenerator()
    if kind == "rss":
        fg.load_extension("dc", atom=False, rss=True)
    fg.id(f"{base}/{feed.path}")
    fg.title(feed.title)
    fg.subtitle(feed.subtitle or feed.title)  # RSS requires a description
    fg.link(href=feed.url(base, kind), rel="self",
            type="application/atom+xml" if kind == "atom" else "application/rss+xml")
    fg.link(href=feed.page_url, rel="alternate")  # last: feedgen takes RSS's <link> from the last link
    fg.language("en")
    fg.generator("News Digest")
    fg.author({"name": site_name})
    newest = max((e.published for e in feed.entries), default=datetime(1970, 1, 1).astimezone())
    fg.updated(newest)  # sets Atom updated and RSS lastBuildDate: content, not build time
    for entry in feed.entries:  # newest first, so each is appended, not prepended
        fe = fg.add_entry(order="append")
        fe.id(_tag_uri(base, entry.story_id, entry.published))
        fe.guid(_tag_uri(base, entry.story_id, entry.published), permalink=False)
        fe.title(entry.title)
        fe.link(href=entry.url, rel="alternate")
        fe.published(entry.published)
        fe.updated(entry.published)
        fe.summary(entry.summary or entry.title)
        fe.content(clean_html(entry.content, urlsplit(base).hostname), type="CDATA" if kind == "rss" else "html")
        for name in entry.publishers or (site_name,):
            if kind == "atom":
                fe.author({"name": name})
            else:
                fe.dc.dc_creator(name)  # RSS's <author> must be an e-mail address; publishers are names
        for section in entry.sections:
            # Atom: term = slug or ticker, label = display name; RSS has room for one: the term
            label = {"label": section.name} if kind == "atom" else {}
            fe.category(term=section.key, scheme=f"{base}/{section.url}", **label)
    return fg.atom_str(pretty=True) if kind == "atom" else fg.rss_str(pretty=True)


def opml(feeds: list[Feed], base: str, site_name: str, newest: datetime | None) -> str:
    """An OPML 2.0 list of every feed (Atom), for importing them all into a reader at once."""
    stamp = newest.strftime("%a, %d %b %Y %H:%M:%S %z") if newest else ""
    outlines = "\n".join(
        f'    <outline type="rss" text="{escape(f.title)}" title="{escape(f.title)}" '
        f'xmlUrl="{escape(f.url(base, "atom"))}" htmlUrl="{escape(f.page_url)}"/>' for f in feeds)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n'
            f'    <title>{escape(site_name)} feeds</title>\n'
            + (f"    <dateModified>{stamp}</dateModified>\n" if stamp else "")
            + f'  </head>\n  <body>\n{outlines}\n  </body>\n</opml>\n')
