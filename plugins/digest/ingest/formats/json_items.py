"""A feed reader's JSON export: JSON Feed, a list of items, an object holding one ("items", "entries",
"articles"...), or JSON lines (one item per line). Field names vary between readers, so each field is
looked up under the names the common exports use."""
from __future__ import annotations

import json

from ..items import Item, items_result
from ..model import Dump, ParseResult
from ..titles import publisher

NAME = "json-items"
_LISTS = ("items", "entries", "articles", "posts", "stories", "data", "results", "docs", "news", "messages")
_TITLE = ("title", "headline", "name", "subject")
_BODY = ("content_html", "content", "body_html", "body", "articleBody", "content_text", "text", "summary",
         "description", "excerpt")
_DATE = ("date_unixtime", "date_published", "published", "published_at", "publishedAt", "pubDate", "isoDate", "date",
         "created_at", "createdAt", "created", "date_modified", "updated", "timestamp", "crawled")
_URL = ("url", "link", "canonical_url", "canonical", "permalink", "external_url", "href", "alternate")
_SOURCE = ("origin", "feed", "source", "site_name", "siteName", "publisher", "feed_title")


def _value(obj: dict, names: tuple[str, ...], inner: tuple[str, ...] = ("content", "value", "html", "text")):
    """The first non-empty field among `names`, unwrapping the shapes exports use: a list (its first
    element) or an object (its first non-empty key among `inner`: {"content": ...}, {"href": ...})."""
    for name in names:
        value = _rich_text(obj.get(name))
        for _ in range(3):
            if isinstance(value, list):
                value = value[0] if value else None
            elif isinstance(value, dict):
                value = next((value[k] for k in inner if value.get(k)), None)
        if value not in (None, "", []):
            return value
    return None


def _rich_text(value):
    """A text written as a list of runs (a chat export's "text": ["plain", {"type": "bold", "text": ...}]) as
    one string; any other value as it is."""
    if (isinstance(value, list) and any(isinstance(v, str) for v in value)
            and all(isinstance(v, str) or (isinstance(v, dict) and isinstance(v.get("text"), str)) for v in value)):
        return "".join(v if isinstance(v, str) else v["text"] for v in value)
    return value


def _items(text: str) -> tuple[list[dict], str | None]:
    """The item objects and the export's own title, or ([], None) when this is not such an export."""
    try:
        data = json.loads(text)
    except ValueError:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        try:
            rows = [json.loads(ln) for ln in lines]
        except ValueError:
            return [], None
        return [r for r in rows if isinstance(r, dict)], None
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)], None
    if isinstance(data, dict):
        for holder in (data, *(v for v in data.values() if isinstance(v, dict))):
            for key in _LISTS:
                if isinstance(holder.get(key), list):
                    rows = [r for r in holder[key] if isinstance(r, dict)]
                    # the feed's title, a chat export's channel name
                    name = next((data[k] for k in ("title", "name") if isinstance(data.get(k), str)), None)
                    return rows, publisher(name)
        return [data], None
    return [], None


def sniff(dump: Dump) -> float:
    head = dump.text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("{", "["):
        return 0.0
    rows, _ = _items(dump.text)
    return 0.97 if any(_value(r, _TITLE) or _value(r, _BODY) for r in rows) else 0.0


def parse(dump: Dump, tz: str) -> ParseResult:
    rows, source = _items(dump.text)
    items = []
    for row in rows:
        if row.get("type") == "service":  # a chat export's notices ("channel created"), not messages
            continue
        body = _value(row, _BODY)
        items.append(Item(title=_text(_value(row, _TITLE)), body=_text(body) or "", date=_value(row, _DATE),
                          url=_text(_value(row, _URL, ("href", "url"))),
                          source=_text(_value(row, _SOURCE, ("title", "name"))) or source))
    return items_result(dump, items, NAME, tz)


def _text(value) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)
