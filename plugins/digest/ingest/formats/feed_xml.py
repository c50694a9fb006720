"""A saved RSS or Atom feed (a feed reader's export, or the feed file itself): one article per entry,
with the entry's full content when the feed carries it, else its summary. Parsed by feedparser, which
also sanitises the entries' HTML."""
from __future__ import annotations

import re

import feedparser

from ..items import Item, items_result
from ..model import Dump, ParseResult
from ..titles import publisher

NAME = "rss-atom-feed"
_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


def sniff(dump: Dump) -> float:
    return 0.97 if _ROOT.match(dump.text[:4096].lstrip("\ufeff")) else 0.0


def _body(entry) -> str:
    content = entry.get("content") or []
    if content and content[0].get("value"):
        return content[0]["value"]
    return entry.get("summary") or entry.get("description") or ""


def parse(dump: Dump, tz: str) -> ParseResult:
    feed = feedparser.parse(dump.text, sanitize_html=True, resolve_relative_uris=False)
    source = publisher(feed.feed.get("title"))
    items = [Item(title=e.get("title"), body=_body(e), date=e.get("published") or e.get("updated"),
                  url=e.get("link"), source=(e.get("source") or {}).get("title") or source)
             for e in feed.entries]
    return items_result(dump, items, NAME, tz)
