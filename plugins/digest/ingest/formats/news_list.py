"""A copied news-feed page: per story a line that is only a date, the title, then the body.

    20 Jan 2026, 19:00
    Title of the story

    The whole body, often on one line.

Some pages put the title above its date line; the layout a dump uses is the one more of its date lines
fit. Lines before the first story are page chrome, and so are those after a story's sentences (its count of
comments, a sponsor's block, a list of other headlines).
"""
from __future__ import annotations

import re
from collections import Counter

from ..blocks import blocks_from_lines, chrome_drops, prose_words, several_stories, strip_footer
from ..dates import parse_date_line
from ..model import METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, ends_sentence, squash, word_count

NAME = "news-list"


def _headline(line: str) -> bool:
    text = squash(line)
    return 2 <= word_count(text) <= 40 and len(text) <= 300


def _neighbour(lines: list[str], i: int, step: int) -> int | None:
    """The nearest non-blank line within two lines above (step -1) or below (step 1)."""
    for k in (i + step, i + 2 * step):
        if 0 <= k < len(lines) and lines[k].strip():
            return k
    return None


def _form(line: str) -> str:
    """How a date is written: numbers as 0, words as a ("3 Mar 2026, 14:05" and "12 Apr 2026, 9:40": "0 a 0, 0:0")."""
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d+", "0", squash(line)))


def _starts(lines: list[str], tz: str) -> list[tuple[int, int, object]]:
    """(date line index, title line index, datetime) for every story start, in the dump's layout."""
    dated = [(i, when) for i, line in enumerate(lines) if (when := parse_date_line(line, tz))]
    # a list prints every story's date the same way; a masthead's date and an article's dateline differ
    forms = Counter(_form(lines[i]) for i, _ in dated)
    dated = [(i, when) for i, when in dated if _form(lines[i]) == forms.most_common(1)[0][0]]
    below, above = [], []
    for i, when in dated:
        j = _neighbour(lines, i, 1)
        if j is not None and _headline(lines[j]) and not parse_date_line(lines[j], tz):
            below.append((i, j, when))
        k = _neighbour(lines, i, -1)
        if k is not None and _headline(lines[k]) and not ends_sentence(lines[k]) and not parse_date_line(lines[k], tz):
            above.append((i, k, when))
    return below if len(below) >= len(above) else above


def _summary(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """An item's text and what follows it: the item is its run of sentences; the first line after them that
    is none (its comment count, a sponsor's block, a list of other headlines under a label) ends it."""
    prose = {k for k, (_, text) in enumerate(body) if prose_words([text])}
    if not prose:
        return body, []
    end = next((k for k in range(min(prose), len(body)) if body[k][1].strip() and k not in prose), len(body))
    return body[:end], body[end:]


def sniff(dump: Dump) -> float:
    starts = _starts(dump.lines, "UTC")
    ends = [min(s[:2]) for s in starts[1:]] + [len(dump.lines)]
    spans = [(max(s[:2]) + 1, end) for s, end in zip(starts, ends)]
    return 0.9 if several_stories(dump.lines, spans, [dump.lines[s[1]] for s in starts]) else 0.0


def parse(dump: Dump, tz: str) -> ParseResult:
    lines = dump.lines
    numbered = list(enumerate(lines, 1))
    starts = _starts(lines, tz)
    script = dominant_script(dump.text)
    drops = chrome_drops(numbered[: min(starts[0][:2])]) if starts else []
    articles = []
    for k, (date_i, title_i, when) in enumerate(starts):
        end = min(starts[k + 1][:2]) if k + 1 < len(starts) else len(lines)
        body = numbered[max(date_i, title_i) + 1:end]
        if k + 1 == len(starts):
            body, footer = strip_footer(body, script)
            drops += footer
        body, rest = _summary(body)
        drops += chrome_drops(rest)
        drops += [Drop((date_i + 1,), METADATA, squash(lines[date_i])),
                  Drop((title_i + 1,), METADATA, squash(lines[title_i]))]
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=squash(lines[title_i]),
                                date=when, date_source="dump", format=NAME))
    return ParseResult(articles, drops)
