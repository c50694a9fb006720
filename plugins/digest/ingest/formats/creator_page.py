"""A social creator page (Binance Square and the like) copied as text.

    <UI chrome: platform, creator name, follower counts, a channel blurb...>
    Title of post oneThe whole post glued to its title on one line (the feed preview)

    Title of post one

    First paragraph of the full post.
    ...
    <UI chrome: footer>

Each post appears twice: as the preview line and as the full post that follows it. The preview is dropped
as a duplicate; the full post is kept. A post with no title and only a few words (a pinned channel blurb)
is chrome, not an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..blocks import blocks_from_lines, chrome_drops, creator_name, several_stories, strip_footer
from ..model import DUPLICATE, METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, fold, looks_like_title, squash, word_count

NAME = "creator-page"
MIN_UNTITLED_WORDS = 80  # a pinned untitled post shorter than this that speaks as the channel is its blurb


@dataclass
class _Item:
    preview: int          # index of the preview line
    first: int            # index of the first line after the preview (title or first paragraph)
    titled: bool
    end: int = 0          # index after the item's last line


def _next_nonblank(lines: list[str], i: int, limit: int = 3) -> int | None:
    return next((k for k in range(i + 1, min(i + 1 + limit, len(lines))) if lines[k].strip()), None)


_SEE_MORE = re.compile(r"\s*(?:\.\.\.|…)\s*(?:see more|read more|show more|more)?\s*$", re.I)


def _holds(preview: str, line: str) -> bool:
    """The preview holds the line, or was cut short ("… See more") in the middle of it."""
    if line in preview:
        return True
    cut = _SEE_MORE.search(preview)
    return bool(cut) and preview[: cut.start()][-30:] in line


def _items(lines: list[str]) -> list[_Item]:
    folded = [fold(ln) for ln in lines]
    items = []
    for i, preview in enumerate(folded):
        j = _next_nonblank(lines, i)
        if j is None or len(preview) < len(folded[j]) + 20 or not preview.startswith(folded[j]):
            continue
        k = _next_nonblank(lines, j)
        if k is not None and not _holds(preview, folded[k]):
            continue
        glued = not preview[len(folded[j])].isspace()
        items.append(_Item(i, j, titled=glued or looks_like_title(lines[j], max_words=30)))
    for item, following in zip(items, items[1:] + [None]):
        item.end = following.preview if following else len(lines)
    return items


def sniff(dump: Dump) -> float:
    items = _items(dump.lines)
    spans = [(item.preview, item.end) for item in items]
    return 0.9 if several_stories(dump.lines, spans, [dump.lines[item.preview] for item in items]) else 0.0


def parse(dump: Dump, tz: str) -> ParseResult:
    lines = dump.lines
    numbered = list(enumerate(lines, 1))
    items = _items(lines)
    if not items:
        return ParseResult([], chrome_drops(numbered))
    drops = chrome_drops(numbered[: items[0].preview])
    script = dominant_script(dump.text)
    publisher = creator_name(lines[: items[0].preview], dump.text)
    articles = []
    for n, item in enumerate(items):
        body_start = item.first + 1 if item.titled else item.first
        body, after = _split_after_post(numbered[body_start:item.end], fold(lines[item.preview]))
        drops += chrome_drops(after)
        if n == len(items) - 1 and not after:
            body, footer = strip_footer(body, script)
            drops += footer
        if n == 0 and _channel_blurb(item, body, publisher):
            drops += chrome_drops(numbered[item.preview:item.end])
            continue
        drops.append(Drop((item.preview + 1,), DUPLICATE, "preview line"))
        if item.titled:
            drops.append(Drop((item.first + 1,), METADATA, squash(lines[item.first])))
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body),
                                title=squash(lines[item.first]) if item.titled else None, format=NAME))
    return ParseResult([replace(a, source_name=publisher) for a in articles], drops)


_WE = re.compile(r"\b(?:we|our|us)\b", re.I)


def _channel_blurb(item: _Item, body, publisher: str | None) -> bool:
    """The pinned post at the top of a page that introduces the channel: no title, a few words, written
    as the channel ("we", "our") or naming it. Short untitled posts elsewhere are posts."""
    text = " ".join(t for _, t in body)
    speaks_as_channel = bool(_WE.search(text)) or bool(publisher and publisher in text)
    return not item.titled and word_count(text) < MIN_UNTITLED_WORDS and speaks_as_channel


def _split_after_post(body: list[tuple[int, str]], preview: str):
    """The preview holds the whole post, so the post ends with the line that ends the preview; what
    follows before the next post (reactions, timestamps, the page footer) is UI. When the preview was
    cut short no line ends it, and nothing is split off."""
    tail = preview.rstrip(" .…")
    for k in range(len(body) - 1, -1, -1):
        line = fold(body[k][1]).rstrip(" .…")
        if line and tail.endswith(line):
            return body[: k + 1], body[k + 1:]
    return body, []
