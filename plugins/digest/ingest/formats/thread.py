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
under its first post; everything else is the page's. A thread may also number its posts under their text,
on a line of their own ("2/6" ... "6/6"), its first post unnumbered under the author's handle, a flagged
headline over its text ("NEW: Regulator fines exchange 🧵"), which titles the story.
"""
from __future__ import annotations

import re

from ..blocks import blocks_from_lines, prose_words
from ..dates import parse_date_line
from ..model import CHROME, METADATA, Article, Drop, Dump, ParseResult
from ..lines.headline import headline_like
from ..text import ends_sentence, squash, word_count
from ..titles import clean_title

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


# ... or alone on the line under a post's text, the thread's first post unnumbered: "2/6"
_CLOSER = re.compile(r"^\W{0,3}?(?P<k>\d{1,2})\s?/\s?(?P<n>\d{1,2})\W{0,3}$")
HEADER_LINES = 4  # the author's name, handle and a button stand this close above the first post


def _closed_posts(lines: list[str]) -> list[tuple[int, int]]:
    """The posts of a thread whose posts end with their counter on a line of its own (2/6 ... 6/6, the
    first post unnumbered), as (first line, end) spans in order; [] without two counters. A post's text is
    the run of post lines above its counter; the first post is the run under the author's first handle."""
    closers, total = [], None
    for i, line in enumerate(lines):
        m = _CLOSER.match(line.strip())
        if m and int(m["k"]) == len(closers) + 2 and (total is None or m["n"] == total) and int(m["k"]) <= int(m["n"]):
            closers.append(i)
            total = m["n"]
    if len(closers) < MIN_POSTS:
        return []
    posts = [(_run_above(lines, c), c) for c in closers]
    handle = next((lines[i].strip() for i in range(posts[0][0] - 1, max(-1, posts[0][0] - 8), -1)
                   if lines[i].strip().startswith("@")), None)
    first = next((i for i, line in enumerate(lines) if handle and line.strip() == handle), None)
    if first is None:
        return []
    start = next((i for i in range(first + 1, min(len(lines), first + HEADER_LINES)) if _post_line(lines[i])), None)
    return ([(start, _post_end(lines, start))] if start is not None else []) + posts


def _post_line(line: str) -> bool:
    return word_count(line) >= POST_LINE_WORDS or ends_sentence(squash(line))


def _run_above(lines: list[str], end: int) -> int:
    """The first line of the run of post lines (and blank lines) that ends above line `end`."""
    start = end
    while start > 0 and (not lines[start - 1].strip() or _post_line(lines[start - 1])):
        start -= 1
    while not lines[start].strip() and start < end:
        start += 1
    return start


def sniff(dump: Dump) -> float:
    """Sure when the numbered posts hold most of the page's prose (a gallery's numbered captions beside an
    article do not)."""
    lines, starts = dump.lines, _starts(dump.lines)
    spans = [(start, _post_end(lines, start)) for start in starts] or _closed_posts(lines)
    posts = [lines[i] for start, end in spans for i in range(start, end)]
    return 0.9 if spans and prose_words(posts) >= THREAD_SHARE * prose_words(lines) else 0.0


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
    spans = [(start, _post_end(lines, start)) for start in starts] or _closed_posts(lines)
    body, drops, inside = [], [], set()
    for start, end in spans:
        counter = _COUNTER.match(lines[start].strip()) if starts else None
        text = counter["text"] if counter else lines[start]
        if counter:
            drops.append(Drop((start + 1,), METADATA, squash(lines[start])[: -len(text)].strip(), partial=True))
        elif end < len(lines) and _CLOSER.match(lines[end].strip()):
            drops.append(Drop((end + 1,), METADATA, squash(lines[end])))
            inside.add(end)
        # (a blank line between two posts: each is a paragraph)
        body += ([(start, "")] if body else []) + [(start + 1, text)] + [(i + 1, lines[i]) for i in range(start + 1, end)]
        inside.update(range(start, end))
    title = _headline(body) if spans and not starts else None
    if title:
        drops.append(Drop((body[0][0],), METADATA, squash(body[0][1])))
        body = body[1:]
    # the first post's time: under its text (a numbered post), or under the card it links (an unnumbered one)
    first, end = spans[0] if spans else (0, 0)
    near = range(first + 1, min(len(lines), first + 2 + DATE_LINES)) if starts else range(end, min(len(lines), end + 1 + DATE_LINES))
    when = next((found for i in near if (found := parse_date_line(lines[i], tz))), None) if spans else None
    drops += [Drop((i + 1,), CHROME, squash(t)) for i, t in enumerate(lines) if t.strip() and i not in inside]
    article = Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, date=when,
                      date_source="dump" if when else None, format=NAME)
    return ParseResult([article] if body else [], drops, guess=f"a thread of {len(spans)} posts")


def _headline(body: list[tuple[int, str]]) -> str | None:
    """The thread's headline: the first post's first line, when it reads as one over more of its text
    ("NEW: Regulator fines exchange over transfers 🧵")."""
    texts = [text for _, text in body if text.strip()]
    title = clean_title(texts[0]) if len(texts) > 1 else None
    return title if title and headline_like(title, asks=True) else None
