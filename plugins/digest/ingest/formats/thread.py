"""A thread copied from a social site: one author's numbered posts ("1/5 Strategy sold ...", "2/5 ...") that
tell one story together, among the site's furniture (names, handles, times, counts) and other people's
replies.

    1/5 The port strike ended on Monday after a week ...
    8:47 AM · Mar 23, 2026
    412K
    Harbour Desk
    @harbourdesk
    2/5 Operators said it would take ten days ...

The story is the numbered posts' text in order, without their numbers, dated by the first time stated
under its first post; everything else is the page's.
"""
from __future__ import annotations

import re

from ..blocks import blocks_from_lines, prose_words
from ..dates import parse_date_line
from ..model import CHROME, METADATA, Article, Drop, Dump, ParseResult
from ..text import ends_sentence, squash, word_count

NAME = "thread"
# a post's counter before its text: "1/5 ...", "🧵 2/5 ...", "(3/5) ..."
_COUNTER = re.compile(r"^\W{0,3}?(?P<k>\d{1,2})\s?/\s?(?P<n>\d{1,2})\b\)?\s*(?P<text>\S.*)$")
MIN_POSTS = 2
POST_LINE_WORDS = 4  # a line of a post's text below its first; shorter ones not ending a sentence are counts, names
DATE_LINES = 3       # the first post's time stands this close under it
THREAD_SHARE = 0.5   # the share of the page's prose the numbered posts hold (replies hold the rest)


def _starts(lines: list[str]) -> list[int]:
    """The numbered posts' first lines, in order: 1/n, 2/n, ... with one n; [] without two of them."""
    starts: list[int] = []
    total = None
    for i, line in enumerate(lines):
        m = _COUNTER.match(line.strip())
        if not m or int(m["k"]) != len(starts) + 1 or (total is not None and m["n"] != total):
            continue
        total = m["n"]
        starts.append(i)
    return starts if len(starts) >= MIN_POSTS and len(starts) <= int(total or 0) else []


def sniff(dump: Dump) -> float:
    """Sure when the numbered posts hold most of the page's prose (a gallery's numbered captions beside an
    article do not)."""
    lines, starts = dump.lines, _starts(dump.lines)
    posts = [lines[i] for start in starts for i in range(start, _post_end(lines, start))]
    return 0.9 if starts and prose_words(posts) >= THREAD_SHARE * prose_words(lines) else 0.0


def _post_end(lines: list[str], start: int) -> int:
    """Where a post's text ends: at the first line below its first that is not more of it (its time, its
    counts, the next post's author)."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or word_count(lines[end]) >= POST_LINE_WORDS
                                or ends_sentence(squash(lines[end]))) and not _COUNTER.match(lines[end].strip()):
        if lines[end].strip() and parse_date_line(lines[end]):
            break
        end += 1
    return end


def parse(dump: Dump, tz: str) -> ParseResult:
    lines, starts = dump.lines, _starts(dump.lines)
    body, drops, inside = [], [], set()
    for start in starts:
        end = _post_end(lines, start)
        text = _COUNTER.match(lines[start].strip())["text"]
        drops.append(Drop((start + 1,), METADATA, squash(lines[start])[: -len(text)].strip(), partial=True))
        # (a blank line between two posts: each is a paragraph)
        body += ([(start, "")] if body else []) + [(start + 1, text)] + [(i + 1, lines[i]) for i in range(start + 1, end)]
        inside.update(range(start, end))
    when = next((found for i in range(starts[0] + 1, min(len(lines), starts[0] + 2 + DATE_LINES))
                 if (found := parse_date_line(lines[i], tz))), None) if starts else None
    drops += [Drop((i + 1,), CHROME, squash(t)) for i, t in enumerate(lines) if t.strip() and i not in inside]
    article = Article(dump=dump.name, blocks=blocks_from_lines(body), date=when, date_source="dump" if when else None,
                      format=NAME)
    return ParseResult([article] if body else [], drops, guess=f"a thread of {len(starts)} numbered posts")
