"""An e-mail newsletter saved as a message (.eml) or a mailbox of them (mbox): one article per message,
titled by its subject, dated by its Date header, credited to the sender's name. An HTML body goes through
the same main-text extraction as a saved web page; a plain-text body is read like a text dump."""
from __future__ import annotations

import email
import email.policy
import email.utils
import re

from ..htmltext import unwrap_layout_tables
from ..items import Item, body_blocks, items_result
from ..model import Dump, ParseResult
from .html_page import main_blocks

NAME = "email"
_HEADER = re.compile(r"^(?:From|To|Subject|Date|Received|Return-Path|Delivered-To|MIME-Version|Message-ID|"
                     r"Content-Type|Reply-To|X-[\w-]+):", re.I)
_MBOX_SPLIT = re.compile(r"^From \S+.*$\n", re.M)


def sniff(dump: Dump) -> float:
    head = [ln for ln in dump.lines[:12] if ln.strip()]
    # mail headers at the very top: no other dump starts like that, even when its body is HTML
    if head and head[0].startswith("From ") and any(_HEADER.match(ln) for ln in head[1:]):
        return 0.98
    headers = sum(1 for ln in head[:6] if _HEADER.match(ln))
    return 0.98 if headers >= 3 else 0.0


def _messages(text: str) -> list[str]:
    if text.startswith("From "):
        return [m for m in _MBOX_SPLIT.split(text) if m.strip()]
    return [text]


def _item(raw: str) -> Item:
    msg = email.message_from_string(raw, policy=email.policy.default)
    name, address = email.utils.parseaddr(str(msg.get("from", "")))
    date = None
    if msg.get("date"):
        try:
            date = email.utils.parsedate_to_datetime(str(msg["date"]))
        except (TypeError, ValueError):
            date = str(msg["date"])
    html = msg.get_body(preferencelist=("html",))
    plain = msg.get_body(preferencelist=("plain",))
    item = Item(title=str(msg.get("subject", "")) or None, body="", date=date, source=name or address or None)
    if html is not None:
        item.blocks = main_blocks(unwrap_layout_tables(html.get_content()))
    elif plain is not None:
        item.blocks = body_blocks(plain.get_content())
    return item


def parse(dump: Dump, tz: str) -> ParseResult:
    return items_result(dump, [_item(m) for m in _messages(dump.text)], NAME, tz)
