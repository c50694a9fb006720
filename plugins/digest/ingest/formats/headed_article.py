"""One article behind a header line that carries its date and title, often decorated with emoji:

     date 2025-01-27 🚩Title of the article❓

    First paragraph...
"""
from __future__ import annotations

import re
import unicodedata

from ..blocks import blocks_from_lines, strip_footer
from ..dates import parse_date
from ..model import METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, squash, word_count

NAME = "headed-article"

_ISO = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
_LABEL = r"(?:date|dated|published|posted|updated|on)\s*:?\s*"
_DATE_FIRST = re.compile(rf"^\W*(?:{_LABEL})?(?P<date>{_ISO})(?P<title>.+)$", re.I)
_DATE_LAST = re.compile(rf"^(?P<title>.+?)[\s|·•,(\[-]*(?:{_LABEL})?(?P<date>{_ISO})\W*$", re.I)


def strip_decoration(text: str) -> str:
    """Remove emoji, symbols and separators around a title (keep ? and ! that belong to it)."""
    def ornament(ch: str) -> bool:
        cat = unicodedata.category(ch)
        return cat[0] in "SZC" or cat == "Mn" or ch in "|·•-–—:*#"
    start, end = 0, len(text)
    while start < end and ornament(text[start]):
        start += 1
    while end > start and ornament(text[end - 1]):
        end -= 1
    return squash(text[start:end])


def _header(dump: Dump):
    """(line index, title, date string) of the header line, or None."""
    lines = dump.lines
    i = next((k for k, line in enumerate(lines) if line.strip()), None)
    if i is None:
        return None
    for pattern in (_DATE_FIRST, _DATE_LAST):
        m = pattern.match(lines[i].strip())
        if m:
            title = strip_decoration(m.group("title"))
            # a title of only emoji or symbols is no title: the ingest derives one from the lede
            if 2 <= word_count(title) <= 40 or not title:
                return i, title, m.group("date")
    return None


def sniff(dump: Dump) -> float:
    header = _header(dump)
    if header is None:
        return 0.0
    rest = [ln for ln in dump.lines[header[0] + 1:] if ln.strip()]
    return 0.9 if sum(word_count(ln) for ln in rest) >= 30 else 0.4


def parse(dump: Dump, tz: str) -> ParseResult:
    i, title, stated = _header(dump)
    body = list(enumerate(dump.lines, 1))[i + 1:]
    body, drops = strip_footer(body, dominant_script(dump.text))
    drops.append(Drop((i + 1,), METADATA, squash(dump.lines[i])))
    article = Article(dump=dump.name, blocks=blocks_from_lines(body), title=title or None,
                      date=parse_date(stated, tz), date_source="dump", format=NAME)
    return ParseResult([article], drops)
