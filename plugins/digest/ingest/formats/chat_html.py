"""A chat app's channel exported as HTML (Telegram Desktop's messages.html): one article per message, dated
by the exact time the export stamps on it, titled by its first line when that reads as a headline.

    <div class="message default clearfix" id="message4811">
      <div class="pull_right date details" title="05.03.2025 09:12:44 UTC+03:00">09:12</div>
      <div class="from_name">Channel</div>
      <div class="text"><strong>Headline</strong><br><br>Text of the message...</div>
      <div class="pull_right views details">18.4K</div>
    </div>

Notices between messages ("5 March 2025", "Channel created") and messages without text (a photo) make no
article; the channel's name is the articles' source.
"""
from __future__ import annotations

import re
from datetime import datetime

import lxml.etree
import lxml.html

from ..items import Item, items_result
from ..model import Dump, ParseResult

NAME = "chat-export-html"
_MESSAGE = re.compile(r"""<div\b[^>]*\bclass\s*=\s*["']message default\b""", re.I)
MIN_MESSAGES = 2


def _has(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def sniff(dump: Dump) -> float:
    return 0.97 if len(_MESSAGE.findall(dump.text[:200_000], )) >= MIN_MESSAGES else 0.0


def _stamp(message) -> str | None:
    """The message's time as the export stamps it ("05.03.2025 09:12:44 UTC+03:00"), in ISO 8601."""
    for div in message.iter("div"):
        if _has(div, "date") and div.get("title"):
            try:
                return datetime.strptime(div.get("title").replace("UTC", ""), "%d.%m.%Y %H:%M:%S %z").isoformat()
            except ValueError:
                return div.get("title")
    return None


def _text(div) -> str:
    """A message's text with its line breaks ("<br>") as newlines: a bold first line over a blank one is
    then a headline over its paragraphs, as in any text dump."""
    for br in div.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return div.text_content().strip()


def parse(dump: Dump, tz: str) -> ParseResult:
    try:
        root = lxml.html.fromstring(dump.text)
    except (ValueError, lxml.etree.LxmlError):
        return items_result(dump, [], NAME, tz)
    header = next((d for d in root.iter("div") if _has(d, "page_header")), None)
    channel = " ".join(header.text_content().split()) if header is not None else None
    items = []
    for message in root.iter("div"):
        if not (_has(message, "message") and _has(message, "default")):
            continue
        text = next((d for d in message.iter("div") if (d.get("class") or "").split() == ["text"]), None)
        if text is not None:
            items.append(Item(title=None, body=_text(text), date=_stamp(message), source=channel or None))
    return items_result(dump, items, NAME, tz)
