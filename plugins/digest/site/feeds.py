"""Feeds: Atom 1.0 and RSS 2.0 (feedgen) for the whole site, every topic and every asset, and an OPML
list of them all.

Plain functions over `Entry` records (`site_feeds` makes them from Pelican's articles once), so they test
without Pelican. Everything in a feed comes from its entries: its `updated`/`lastBuildDate` is its newest entry's
date, never the build time, so the same posts always give the same bytes. Entry dates are the stories'
settled dates (firstseen.py: fixed once seen, no two alike), ids are made from the story's id and the
feed alone, so neither moves once published. Entry content is sanitised (sanitize.py: an allow-list;
links off the site get rel="noopener nofollow"). Entries are credited to their publishers, never to the
site (credit.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from ..ingest.firstseen import FIRST_SEEN
from .browse import Section
from .credit import UNKNOWN_PUBLISHER
from .sanitize import clean_html

KINDS = ("atom", "rss")
# The date part of the entries' tag URIs (RFC 4151: a date when the site's host was held). A constant: the
# id must not change when anything about the story does, its date included.
TAG_DATE = "2026"


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


def site_feeds(articles: list, topics: dict[str, list], assets: dict[str, list], known: dict[str, Section],
               settings: dict, base: str) -> list[Feed]:
    """The site feed, then one per topic and per asset (`topics` and `assets`: key -> its articles, newest
    first), each with its newest DIGEST_FEED_MAX_ITEMS entries; each story's entry is made once."""
    entries: dict[int, Entry] = {}  # only stories some feed shows

    def entry(article) -> Entry:
        if id(article) not in entries:
            entries[id(article)] = entry_of(article, base)
        return entries[id(article)]

    limit, site = settings["DIGEST_FEED_MAX_ITEMS"], settings["SITENAME"]
    out = [Feed("all", "All stories", site, settings.get("SITESUBTITLE", ""), base + "/", "feeds/all",
                tuple(entry(a) for a in articles[:limit]))]
    for key, members in [*sorted(topics.items()), *sorted(assets.items())]:
        section = known[key]
        name = section.name if section.kind == "topic" else f"{section.key} ({section.name})"
        out.append(Feed(key, name, f"{site}: {name}", section.description or name, f"{base}/{section.url}",
                        section.feed, tuple(entry(a) for a in members[:limit])))
    return out


def entry_of(article, base: str) -> Entry:
    """A feed entry from a Pelican article (absolute links, text summary, every publisher), its content as
    its page shows it (DIGEST_CONTENT), with the credit line (the attributes glue.link_articles and the
    generator gave it)."""
    summary = article.summary_text
    if getattr(article, "date_source", None) == FIRST_SEEN:  # a reader should not take it for today's news
        summary = f"Undated; first seen {article.date:%d %B %Y}. {summary}"
    return Entry(story_id=getattr(article, "story_id", article.slug), title=article.title,
                 url=f"{base}/{article.url}", published=article.date, summary=summary,
                 content=f"{article.get_content(base)}\n{article.credit}",
                 sections=tuple(article.topic_sections + article.asset_sections),
                 publishers=tuple(article.publishers))


def entry_id(base: str, feed: Feed, story_id: str) -> str:
    """A story's entry id in one feed (RFC 4151 tag URI): the site's host and path, the feed, the story's
    id. Nothing else: no date, no file time, so the id never changes once published.

    Each feed gives its entries ids of their own, although a story in a topic feed is the story of the site
    feed. Readers that keep an entry once by id (newsboat: an entry belongs to one feed) would otherwise
    show each story in only one of the feeds that carry it, so after an OPML import most topic and asset
    feeds look empty; readers that keep entries per feed (Feedly, Inoreader) show the story in each feed
    either way. A reader subscribed to a topic expects that topic's stories in it. The cost: a story read
    in one feed stays unread in another, as in most readers anyway."""
    parts = urlsplit(base)
    where = f"{parts.path.strip('/')}/" if parts.path.strip("/") else ""
    return f"tag:{parts.hostname or 'localhost'},{TAG_DATE}:{where}{feed.path}/{story_id}"


def render(feed: Feed, kind: str, base: str) -> bytes:
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
    # No feed-level author: Atom entries would inherit it, crediting the site with other publishers' work.
    newest = max((e.published for e in feed.entries), default=datetime(1970, 1, 1).astimezone())
    fg.updated(newest)  # sets Atom updated and RSS lastBuildDate: content, not build time
    for entry in feed.entries:  # newest first, so each is appended, not prepended
        fe = fg.add_entry(order="append")
        fe.id(entry_id(base, feed, entry.story_id))
        fe.guid(entry_id(base, feed, entry.story_id), permalink=False)
        fe.title(entry.title)
        # our page: the original is linked from the content's credit line, not by a second link
        # (feedgen 1.0 writes every entry link without its rel, so a "via" link would be a second alternate)
        fe.link(href=entry.url, rel="alternate")
        fe.published(entry.published)
        fe.updated(entry.published)
        fe.summary(entry.summary or entry.title)
        fe.content(clean_html(entry.content, urlsplit(base).hostname), type="CDATA" if kind == "rss" else "html")
        _credit(fe, kind, entry.publishers)
        for section in entry.sections:
            # Atom: term = slug or ticker, label = display name; RSS has room for one: the term
            label = {"label": section.name} if kind == "atom" else {}
            fe.category(term=section.key, scheme=f"{base}/{section.url}", **label)
    return fg.atom_str(pretty=True) if kind == "atom" else fg.rss_str(pretty=True)


def _credit(fe, kind: str, publishers: tuple[str, ...]) -> None:
    """The publishers as authors. Atom needs an author for every entry (RFC 4287 4.1.2), so one whose
    publisher is unknown says so; RSS needs none, and an unknown one is left out."""
    if kind == "atom":
        for name in publishers or (UNKNOWN_PUBLISHER,):
            fe.author({"name": name})
    else:
        for name in publishers:
            fe.dc.dc_creator(name)  # RSS's <author> must be an e-mail address; publishers are names


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
