"""A page as a reader copies it from a browser ("select all, copy"): one article inside the page's furniture
(navigation, bylines, share buttons, related-story lists, newsletter boxes, comments, footers).

The most common dump there is, and the fallback for any text no layout claims. The line model
(lines/model.py) says which lines are the article; the headline is the title-like line just above them,
the date the earliest one stated in that header (a page's "updated" date comes after its own), and every
other line is accounted for as chrome. One dump, one post.
"""
from __future__ import annotations

from ..blocks import blocks_from_lines
from ..dates import dates_in_text, localize, parse_date_line
from ..lines.model import ARTICLE, line_probabilities
from ..model import CHROME, METADATA, Article, Drop, Dump, ParseResult
from ..text import ends_sentence, foreign_share, fold, looks_like_title, squash, word_count
from ..text import dominant_script as script_of

NAME = "page-copy"
HEADER_LINES = 12    # the headline and the date stand within this many lines above the article


def sniff(dump: Dump) -> float:
    return 0.05


def parse(dump: Dump, tz: str) -> ParseResult:
    probs = line_probabilities(tuple(dump.lines))
    index = sorted(probs)
    # a page whose article the model doubts still gives its likeliest lines: no dump goes without a post
    bar = min(ARTICLE, max(probs.values(), default=0.0) / 2)
    kept = [k for k, i in enumerate(index) if probs[i] >= bar]
    if not kept:
        return ParseResult([], [Drop((i + 1,), CHROME, squash(dump.lines[i])) for i in index], guess="no article text")
    return _article(dump, index, kept, tz)


def _article(dump: Dump, index: list[int], kept: list[int], tz: str) -> ParseResult:
    texts = [squash(dump.lines[i]) for i in index]
    script = script_of(dump.text)
    title_at = headline(texts, kept, script)
    body = [k for k in kept if k != title_at]
    header = range(max(0, (title_at if title_at is not None else body[0]) - 3), body[0]) if body else range(0)
    date, date_at = stated_date([texts[k] for k in header], tz)
    metadata = {title_at} | ({header[date_at]} if date_at is not None else set())
    drops = [Drop((index[k] + 1,), METADATA if k in metadata else CHROME, texts[k])
             for k in range(len(texts)) if k not in body]
    lines = _with_blanks(dump.lines, [index[k] for k in body])
    article = Article(dump=dump.name, blocks=blocks_from_lines(lines),
                      title=texts[title_at] if title_at is not None else None, date=date,
                      date_source="dump" if date else None, format=NAME)
    return ParseResult([article] if article.blocks else [], drops)


def _with_blanks(lines: list[str], kept: list[int]) -> list[tuple[int, str]]:
    """The kept lines, numbered, with a blank line wherever the page had one or a line was left out, so
    paragraphs stay apart."""
    out: list[tuple[int, str]] = []
    for i in kept:
        if out and (out[-1][0] != i or not lines[i - 1].strip()):
            out.append((i, ""))
        out.append((i + 1, lines[i]))
    return out


def headline(texts: list[str], kept: list[int], script: str | None) -> int | None:
    """The headline: a title-like line in the dominant script just above the article (or its first line,
    when that is one), sharing the most words with the article's opening."""
    first = kept[0]
    opening = {w for k in kept[:12] for w in fold(texts[k]).split() if len(w) > 3}
    best, best_score = None, 0.0
    for k in range(max(0, first - HEADER_LINES), first + 1):
        text = texts[k]
        if k == first and (len(kept) < 2 or not ends_sentence(texts[kept[1]])):
            continue  # the first article line is the headline only when prose follows it
        if not looks_like_title(text, max_words=30) or foreign_share(text, script) > 0.3:
            continue
        if parse_date_line(text) or word_count(text) < 3:
            continue
        words = [w for w in fold(text).split() if len(w) > 3]
        shared = sum(w in opening for w in words) / max(1, len(words))
        score = 1 + 2 * shared + min(word_count(text), 12) / 12 - 0.05 * (first - k)
        if score > best_score:
            best, best_score = k, score
    return best


def stated_date(lines: list[str], tz: str):
    """The earliest date the header lines state, and which line states it (a page's "updated" date
    is the later one)."""
    found = []
    for k, text in enumerate(lines):
        if word_count(text) > 25:
            continue
        when = parse_date_line(text, tz)
        dates = [when] if when else [localize(d, tz) for d in dates_in_text(text)]
        found += [(d, k) for d in dates]
    if not found:
        return None, None
    return min(found, key=lambda f: f[0])
