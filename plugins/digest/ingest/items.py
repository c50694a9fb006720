"""Entries of feeds and exports -> Articles. Shared by the RSS/Atom, JSON and e-mail formats, whose
dumps are lists of items that each carry a title, a body (HTML or text), a date, a link and a source.

Their unit of account is the "text block": each item's title and each block of its body, numbered in
order through the dump.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from .blocks import blocks_from_lines
from .dates import localize, parse_date
from .htmltext import html_blocks, looks_like_html
from .model import CAPTION, CHROME, METADATA, Article, Block, Drop, Dump, ParseResult
from .text import squash


@dataclass(frozen=True)
class Item:
    title: str | None
    body: str
    date: object = None       # a string, an epoch number (s or ms), a struct_time or a datetime
    url: str | None = None
    source: str | None = None
    blocks: list[Block] | None = None  # already extracted (e-mail HTML), else made from `body`
    chrome: tuple[str, ...] = ()       # text the format left out (an e-mail's signature), for the report


def to_datetime(value, tz: str) -> datetime | None:
    """Any of the date shapes exports use, as an aware datetime."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return localize(value, tz)
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=timezone.utc)
    if isinstance(value, str) and re.fullmatch(r"\d{13}|\d{10}(?:\.\d+)?", value):  # epoch s or ms as text
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(int(seconds), timezone.utc)  # (a chat's "1773839163.010200": to the second)
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(str(value), tz)


def body_blocks(body: str) -> list[Block]:
    if looks_like_html(body):
        return html_blocks(body)
    return blocks_from_lines(list(enumerate(body.replace("\r\n", "\n").split("\n"), 1)))


def items_result(dump: Dump, items: list[Item], fmt: str, tz: str) -> ParseResult:
    articles, drops, unit = [], [], 0
    empty = 0
    for item in items:
        title = squash(item.title or "") or None
        if title:
            unit += 1
            drops.append(Drop((unit,), METADATA, title))
        numbered = []
        for block in item.blocks if item.blocks is not None else body_blocks(item.body or ""):
            unit += 1
            if block.kind == "caption":
                drops.append(Drop((unit,), CAPTION, block.text))
                continue
            if not title and not numbered and block.kind == "h":  # an untitled message opening with its headline
                title = block.text
                drops.append(Drop((unit,), METADATA, title))
                continue
            numbered.append(Block(block.kind, block.text, (unit,)))
        for text in item.chrome:
            unit += 1
            drops.append(Drop((unit,), CHROME, squash(text)))
        if not numbered:
            empty += not item.chrome
            continue
        when = to_datetime(item.date, tz)
        articles.append(Article(dump=dump.name, blocks=numbered, title=title, date=when,
                                date_source="dump" if when else None, source_name=squash(item.source or "") or None,
                                url=item.url or None, format=fmt))
    warnings = [f"{empty} of {len(items)} entries had no text and made no post"] if empty else []
    return ParseResult(articles, drops, unit="text block", total_units=unit, warnings=warnings)
