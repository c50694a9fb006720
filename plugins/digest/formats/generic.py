"""The fallback for text no other format recognises: it still yields posts, never drops a dump silently.

Stories are split where two or more blank lines separate chunks that start with a headline; otherwise the
whole dump is one article. The report names this format and what it guessed.
"""
from __future__ import annotations

from ..blocks import blocks_from_lines, strip_footer
from ..model import Article, Dump, ParseResult
from ..text import dominant_script, looks_like_title, squash
from .plain_article import split_title

NAME = "generic"


def sniff(dump: Dump) -> float:
    return 0.05


def _chunks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split numbered lines at runs of two or more blank lines."""
    chunks, current, blanks = [], [], 0
    for number, text in lines:
        if not text.strip():
            blanks += 1
            current.append((number, text))
            continue
        if blanks >= 2 and any(t.strip() for _, t in current):
            chunks.append(current)
            current = []
        blanks = 0
        current.append((number, text))
    if current:
        chunks.append(current)
    return chunks


def parse(dump: Dump, tz: str) -> ParseResult:
    lines, drops = strip_footer(list(enumerate(dump.lines, 1)), dominant_script(dump.text))
    stories: list[list[tuple[int, str]]] = []
    for chunk in _chunks(lines):
        first = next((squash(t) for _, t in chunk if t.strip()), "")
        if stories and not looks_like_title(first):
            stories[-1] += chunk  # a chunk without a headline continues the story before it
        else:
            stories.append(chunk)
    articles = []
    for story in stories:
        title, body, title_drops = split_title(story)
        drops += title_drops
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, format=NAME))
    guess = f"text split into {len(articles)} stories at headlines" if len(articles) > 1 else "one article of text"
    return ParseResult([a for a in articles if a.blocks], drops, guess=guess)
