"""A page saved by a web clipper as Markdown (Obsidian Web Clipper, MarkDownload, Joplin...): front matter
stating the page's title, address and dates, then the whole page in Markdown, its furniture included.

    ---
    title: "Regulator fines exchange over transfers"
    source: "https://daily.example/2026/03/10/exchange-fined"
    published: 2026-03-10
    created: 2026-03-14                      (the day it was clipped: not the story's)
    ---
    [Skip to content](...)
    - [Markets](...)
    The regulator fined ...

One article: the page's Markdown is read as the text a browser shows (a link its label, no images, no
heading marks) by the page-copy reader, whose headline is the front matter's title; `##` headings inside
are the story's subheadings, not stories of their own.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..dates import stated_date
from ..model import CHROME, DUPLICATE, METADATA, Drop, Dump, ParseResult
from ..text import fold, squash, strip_pictographs
from ..titles import clean_title, unmarked
from . import page_copy

NAME = "web-clipping"
FRONT_LINES = 40  # front matter ends within this many lines
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,30}?)\s*:\s*(?P<value>.*?)\s*$")
_TITLE_KEYS = ("title",)
_ADDRESS_KEYS = ("source", "url", "link", "source_url", "original_url", "canonical")
# the page's own date; "created", "clipped" and "saved" are the reader's day
_DATE_KEYS = ("published", "date_published", "pubdate", "date")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s+")


def front_matter(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """The front matter's fields (lower-case keys, unquoted values; list items are left out) and the line
    that closes it, when the dump opens with one."""
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, min(len(lines), FRONT_LINES)) if lines[i].strip() == "---"), None)
    if end is None:
        return None
    fields = {}
    for line in lines[1:end]:
        if m := _FIELD.match(line):
            fields[m["key"].strip().lower().replace(" ", "_")] = m["value"].strip().strip("\"'")
    return fields, end


def _field(fields: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((fields[k] for k in keys if fields.get(k)), None)


def sniff(dump: Dump) -> float:
    found = front_matter(dump.lines)
    if found is None:
        return 0.0
    fields, end = found
    page = _field(fields, _TITLE_KEYS) and _field(fields, _ADDRESS_KEYS)
    return 0.95 if page and any(line.strip() for line in dump.lines[end + 1:]) else 0.0


def as_shown(line: str) -> str:
    """A Markdown line as the text a browser shows for it: images gone, links their labels, emphasis and
    heading marks gone."""
    return _HEADING_MARKS.sub("", unmarked(_IMAGE.sub("", line)))


HIGHLIGHT_CHARS = 60  # a highlight is told by this much of its opening, found again in the page below


def _highlights(lines: list[str], shown: list[str], start: int) -> set[int]:
    """A read-later export's highlights above the page (Omnivore, Readwise, Matter): two or more quoted
    lines the page repeats below them, with the reader's notes among and after them and the heading over
    them, up to the next heading. The reader's, not the article's."""
    quotes = []
    for i in range(start, len(lines)):
        if lines[i].lstrip().startswith(">"):
            core = fold(strip_pictographs(shown[i].strip().lstrip("> ")))[:HIGHLIGHT_CHARS]
            if len(core) >= 20 and any(core in fold(below) for k, below in enumerate(shown[i + 1:], i + 1)
                                       if not lines[k].lstrip().startswith(">")):
                quotes.append(i)
    if len(quotes) < 2:
        return set()
    above = next((i for i in range(quotes[0] - 1, start - 1, -1) if lines[i].strip()), None)
    first = above if above is not None and _HEADING_MARKS.match(lines[above]) else quotes[0]
    last = next((i - 1 for i in range(quotes[-1] + 1, len(lines)) if _HEADING_MARKS.match(lines[i])), quotes[-1])
    return set(range(first, last + 1))


def parse(dump: Dump, tz: str) -> ParseResult:
    fields, end = front_matter(dump.lines)
    title = clean_title(_field(fields, _TITLE_KEYS))
    shown = ["" for _ in range(end + 1)] + [as_shown(line) for line in dump.lines[end + 1:]]
    # the headline: the page's own line that states the title, else the title put where the front matter was
    at = next((i for i, line in enumerate(shown) if title and fold(squash(line)) == fold(title)), None)
    if at is None and title:
        at, shown[end] = end, title
    highlights = _highlights(dump.lines, shown, end + 1)
    for i in highlights:
        shown[i] = ""
    result = page_copy.parse(Dump(dump.name, "\n".join(shown)), tz, headline_line=at)
    drops = [Drop((i + 1,), METADATA, line.strip()) for i, line in enumerate(dump.lines[:end + 1]) if line.strip()]
    drops += [Drop((i + 1,), DUPLICATE, dump.lines[i].strip()) for i in sorted(highlights) if dump.lines[i].strip()]
    drops += [d for d in result.drops if d.lines != (end + 1,)]
    drops += [Drop((i + 1,), CHROME, line.strip()) for i, line in enumerate(dump.lines) if i > end
              and line.strip() and not shown[i].strip()]  # an image
    stated = _field(fields, _DATE_KEYS)
    date = stated_date(stated, tz) if stated else None
    url = _field(fields, _ADDRESS_KEYS)
    articles = [replace(a, title=title or a.title, title_source="page" if title else a.title_source, url=url,
                        date=date or a.date, format=NAME,
                        date_source="page" if date else a.date_source) for a in result.articles]
    return ParseResult(articles, drops, guess=f"a clipped page: {result.guess}")
