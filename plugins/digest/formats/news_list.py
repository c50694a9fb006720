"""A copied news-feed page: per story a line that is only a date, the title, then the body.

    20 Jan 2026, 19:00
    Title of the story

    The whole body, often on one line.

Lines before the first date line are page chrome.
"""
from __future__ import annotations

from ..blocks import blocks_from_lines, chrome_drops, strip_footer
from ..dates import parse_date_line
from ..model import METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, squash, word_count

NAME = "news-list"


def _starts(lines: list[str], tz: str) -> list[tuple[int, int, object]]:
    """(date line index, title line index, datetime) for every story start."""
    starts = []
    for i, line in enumerate(lines):
        when = parse_date_line(line, tz)
        if when is None:
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
        if j is None or parse_date_line(lines[j], tz):
            continue
        title = squash(lines[j])
        if 2 <= word_count(title) <= 40 and len(title) <= 300:
            starts.append((i, j, when))
    return starts


def sniff(dump: Dump) -> float:
    n = len(_starts(dump.lines, "UTC"))
    return 0.9 if n >= 2 else 0.55 if n == 1 else 0.0


def parse(dump: Dump, tz: str) -> ParseResult:
    lines = dump.lines
    numbered = list(enumerate(lines, 1))
    starts = _starts(lines, tz)
    script = dominant_script(dump.text)
    drops = chrome_drops(numbered[: starts[0][0]]) if starts else []
    articles = []
    for k, (date_i, title_i, when) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body = numbered[title_i + 1:end]
        if k + 1 == len(starts):
            body, footer = strip_footer(body, script)
            drops += footer
        drops += [Drop((date_i + 1,), METADATA, squash(lines[date_i])),
                  Drop((title_i + 1,), METADATA, squash(lines[title_i]))]
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=squash(lines[title_i]),
                                date=when, date_source="dump", format=NAME))
    return ParseResult(articles, drops)
