"""A feed reader's JSON export: JSON Feed, a list of items, an object holding one ("items", "entries",
"articles"...), or JSON lines (one item per line). Field names vary between readers, so each field is
looked up under the names the common exports use."""
from __future__ import annotations

import html
import json
import re

from . import chat_lines
from ..items import Item, items_result
from ..model import Dump, ParseResult
from ..titles import publisher

NAME = "json-items"
_LISTS = ("items", "entries", "articles", "posts", "stories", "data", "results", "docs", "news", "messages")
_TITLE = ("title", "headline", "name", "subject")
_BODY = ("content_html", "content", "body_html", "body", "articleBody", "content_text", "text", "summary",
         "description", "excerpt")
_DATE = ("date_unixtime", "ts", "date_published", "published", "published_at", "publishedAt", "pubDate", "isoDate", "date",
         "created_at", "createdAt", "created", "date_modified", "updated", "timestamp", "crawled")
_URL = ("url", "link", "canonical_url", "canonical", "permalink", "external_url", "href", "alternate")
_SOURCE = ("origin", "feed", "source", "site_name", "siteName", "publisher", "feed_title")
_SENDER = ("user", "from", "author", "username", "user_name", "sender")


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
    rows = [row for row in rows if row.get("type") != "service"]  # a chat export's notices ("channel created")
    chat = _group_chat(rows)
    items = []
    for row in rows:
        body, date = _text(_value(row, _BODY)) or "", _value(row, _DATE)
        if chat:
            items.append(_message(body, date))
            continue
        items.append(Item(title=_text(_value(row, _TITLE)), body=body, date=date,
                          url=_text(_value(row, _URL, ("href", "url"))),
                          source=_text(_value(row, _SOURCE, ("title", "name"))) or source))
    return items_result(dump, items, NAME, tz)


def _group_chat(rows: list[dict]) -> bool:
    """Whether the rows are a group's chat (Slack, Discord): messages without titles from several people,
    whose write-ups are stories among their chatter (a channel's posts, from one sender, are all stories)."""
    senders = {json.dumps(_value(row, _SENDER), sort_keys=True) for row in rows if _value(row, _SENDER) is not None}
    return len(senders) >= 2 and not any(_value(row, _TITLE) for row in rows)


_MENTION = re.compile(r"^\s*(?:<@[^<>]+>|@\w)")  # "<@U04K2M1> can you ...", "@ana can you ..."


def _message(markup: str, date) -> Item:
    """A chat message: a story when it holds a write-up, titled by its headline, the sender's notes around it
    left out (above its headline; below it, a line to someone: "@ana can you update ..."); else the chat's
    furniture."""
    raw = markup.rstrip().split("\n")
    end = len(raw)
    while end > 1 and (_MENTION.match(raw[end - 1]) or not raw[end - 1].strip()):
        end -= 1
    lines, after = [_plain(line) for line in raw[:end]], [_plain(line).strip() for line in raw[end:] if line.strip()]
    if not chat_lines.write_up(lines):
        text = _plain(markup).strip()
        return Item(None, "", chrome=(text,) if text else ())
    at = chat_lines.headline_at(lines)
    note = [line.strip() for line in lines[:at or 0] if line.strip()] + after
    title = lines[at].strip().strip("*").strip() if at is not None else None
    return Item(title, "\n".join(lines[(at + 1 if at is not None else 0):]), date=date, chrome=tuple(note))


# Slack's markup: <https://...|label>, <https://...>, <@U04K2M1>, <!here>, <#C01|channel>; emoji as :name:
_SLACK_LINK = re.compile(r"<(?P<target>[^<>|\s]+)(?:\|(?P<label>[^<>]*))?>")
_EMOJI_CODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]{1,40}:(?![\w:])")


def _plain(text: str) -> str:
    """A chat message's markup as the text it shows: a link its label (or its address), a mention or an
    emoji's code nothing, entities their characters."""
    def shown(m: re.Match) -> str:
        target, label = m["target"], m["label"]
        if target[:1] in "@!":
            return ""
        return (label or target).lstrip("#") if target[:1] != "#" else "#" + (label or "")
    return html.unescape(_EMOJI_CODE.sub("", _SLACK_LINK.sub(shown, text)))


def _text(value) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)
