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
from ..dates import _CLOCK, age_date, byline_parts, earliest_date, is_age, parse_date_line
from ..model import METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, ends_sentence, squash, word_count

NAME = "news-list"
AGE_LINE_WORDS = 6  # "CRYPTO · 2 hours ago"


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


def _dated(lines: list[str], tz: str) -> list[tuple[int, object, str]]:
    """The lines that state a story's date, with it and the form they write it in: a date, or an age after
    a section's label or none ("CRYPTO · 2 hours ago", "Yesterday"), counted back from the page's date
    above the first (a story's date unknown without one)."""
    dated = [(i, when, _form(line)) for i, line in enumerate(lines) if (when := parse_date_line(line, tz))]
    aged = [i for i, line in enumerate(lines)
            if word_count(line) <= AGE_LINE_WORDS and is_age(byline_parts(line.strip())[-1])]
    if len(aged) <= len(dated):
        return dated
    base = earliest_date(lines[:aged[0]], tz)[0]
    if base is None or (base.hour, base.minute) != (0, 0):
        return [(i, base and age_date(byline_parts(lines[i].strip())[-1], base), "age") for i in aged]
    # the page states its day alone: an age counts back from that day's end, to a day ("2 hours ago": that day)
    end = base.replace(hour=23, minute=59)
    return [(i, when and when.replace(hour=0, minute=0), "age")
            for i in aged for when in [age_date(byline_parts(lines[i].strip())[-1], end)]]


def _starts(lines: list[str], tz: str) -> list[tuple[int, int, object]]:
    """(date line index, title line index, datetime) for every story start, in the dump's layout."""
    dated = _dated(lines, tz)
    # a list prints every story's date the same way; a masthead's date and an article's dateline differ
    forms = Counter(form for _, _, form in dated)
    dated = [(i, when) for i, when, form in dated if form == forms.most_common(1)[0][0]]
    below, above = [], []
    for i, when in dated:
        j = _neighbour(lines, i, 1)
        if j is not None and _headline(lines[j]) and not parse_date_line(lines[j], tz):
            below.append((i, j, when))
        k = _neighbour(lines, i, -1)
        if k is not None and _headline(lines[k]) and not ends_sentence(lines[k]) and not parse_date_line(lines[k], tz):
            above.append((i, k, when))
    # (an age stands over its headline; above it stand a feed's names and job titles, not headlines)
    return below if len(below) >= len(above) or forms.most_common(1)[0][0] == "age" else above


def _summary(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """An item's text and what follows it: the item is its run of sentences; the first line after them that
    is none (its comment count, a sponsor's block, a list of other headlines under a label) ends it."""
    prose = {k for k, (_, text) in enumerate(body) if prose_words([text])}
    if not prose:
        return body, []
    end = next((k for k in range(min(prose), len(body)) if body[k][1].strip() and k not in prose), len(body))
    return body[:end], body[end:]


SURE, DAYS_ONLY = 0.9, 0.75  # dates that state days only may head a channel's days, each of several messages


def sniff(dump: Dump) -> float:
    starts = _starts(dump.lines, "UTC")
    ends = [min(s[:2]) for s in starts[1:]] + [len(dump.lines)]
    spans = [(max(s[:2]) + 1, end) for s, end in zip(starts, ends)]
    if not several_stories(dump.lines, spans, [dump.lines[s[1]] for s in starts]):
        return 0.0
    # (below separated-stories, whose messages each close with their time)
    return DAYS_ONLY if all(_CLOCK.search(dump.lines[s[0]]) is None for s in starts) else SURE


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
