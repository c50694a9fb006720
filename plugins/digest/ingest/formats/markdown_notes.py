"""Stories a reader collected by hand in Markdown: each under a top-level heading, its text below, often a
line with its address.

    # Stories I saved this week                  (a heading over no story: the file's own title)
    Collected by hand from sites I read.
    # Regulator fines exchange over transfers    (a story's headline)
    The regulator fined ...
    Source: [The Daily](https://daily.example/story)

One post per heading with prose under it; Markdown links keep their label, and a line that is only a
(labelled) address is the story's `Source_Url`. What stands above the first story is the file's.
"""
from __future__ import annotations

import re

from ..blocks import address, blocks_from_lines, prose_words
from ..model import CHROME, METADATA, Article, Drop, Dump, ParseResult
from ..text import looks_like_title
from ..titles import clean_title, unmarked

NAME = "markdown-notes"
_HEADING = re.compile(r"^#\s+(?P<title>\S.*?)\s*#*\s*$")
MIN_STORIES = 2
MIN_STORY_WORDS = 25  # a heading over less prose is the file's title over its note, not a story


def _sections(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) of each heading's section: the heading line, then the lines up to the next one."""
    # (a headline: "# " over a sentence is a caption or a comment, "# 1" a number)
    heads = [i for i, line in enumerate(lines) if (m := _HEADING.match(line)) and looks_like_title(m["title"])]
    return list(zip(heads, heads[1:] + [len(lines)]))


def _stories(lines: list[str]) -> list[tuple[int, int]]:
    """The sections with a story's prose under their heading."""
    return [(a, b) for a, b in _sections(lines) if prose_words(lines[a + 1:b]) >= MIN_STORY_WORDS]


def sniff(dump: Dump) -> float:
    # in Markdown every "# " line is a heading; a page whose "# " lines are sentences (captions) is no notes
    marked = [m["title"] for line in dump.lines if (m := _HEADING.match(line))]
    if not all(looks_like_title(title) for title in marked):
        return 0.0
    return 0.85 if len(_stories(dump.lines)) >= MIN_STORIES else 0.0


def parse(dump: Dump, tz: str) -> ParseResult:
    lines = dump.lines
    stories = _stories(lines)
    inside = {i for a, b in stories for i in range(a, b)}
    drops = [Drop((i + 1,), CHROME, line.strip()) for i, line in enumerate(lines) if line.strip() and i not in inside]
    articles = []
    for a, b in stories:
        title = clean_title(_HEADING.match(lines[a])["title"])
        drops.append(Drop((a + 1,), METADATA, title or ""))
        url, body = None, []
        for i in range(a + 1, b):
            stated = address(lines[i])
            if stated:
                url = url or stated
                drops.append(Drop((i + 1,), METADATA, lines[i].strip()))
            else:  # the text a line shows; heading marks go (the post's Markdown draws subheadings again)
                body.append((i + 1, re.sub(r"^#{2,6}\s+", "", unmarked(lines[i]))))
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, url=url, format=NAME))
    return ParseResult(articles, drops, guess=f"{len(articles)} stories under headings")
