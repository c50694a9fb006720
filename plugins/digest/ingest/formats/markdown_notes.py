"""Stories a reader collected by hand in Markdown: each under a heading (the top level that has several
stories), its text below, often a line with its address.

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
from collections import Counter

from ..blocks import RULE, address, blocks_from_lines, prose_words
from ..dates import earliest_date
from ..model import CHROME, METADATA, Article, Drop, Dump, ParseResult
from ..text import ends_sentence, fold, looks_like_title
from ..titles import clean_title, unmarked

NAME = "markdown-notes"
_HEADING = re.compile(r"^(?P<marks>#{1,3})\s+(?P<title>\S.*?)\s*#*\s*$")
MIN_STORIES = 2
MIN_STORY_WORDS = 25  # a heading over less prose is the file's title over its note, not a story


def _sections(lines: list[str], level: int) -> list[tuple[int, int]]:
    """[start, end) of each section under a heading of `level` ("#", "##", "###"): the heading line, then the
    lines up to the next heading of that level or a higher one."""
    # (a headline: "# " over a sentence is a caption or a comment, "# 1" a number)
    marked = [(i, len(m["marks"])) for i, line in enumerate(lines) if (m := _HEADING.match(line))
              and looks_like_title(m["title"]) and len(m["marks"]) <= level]
    heads = [i for i, marks in marked if marks == level]
    # (a rule closes a story too: below the last one's rule stands the reader's own to-do)
    bounds = sorted({j for j, _ in marked} | {j for j, line in enumerate(lines) if RULE.match(line)})
    ends = [next((j for j in bounds if j > i), len(lines)) for i in heads]
    return list(zip(heads, ends))


def _stories(lines: list[str]) -> list[tuple[int, int]]:
    """The sections with a story's prose under their heading, at the first heading level that has several
    ("# Clippings of the week" over "## " stories is the file's title; "## " inside "# " stories subheadings)."""
    for level in (1, 2, 3):
        stories = [(a, b) for a, b in _sections(lines, level) if prose_words(lines[a + 1:b]) >= MIN_STORY_WORDS]
        if len(stories) >= MIN_STORIES:
            return stories
    return []


def sniff(dump: Dump) -> float:
    # in Markdown every "# " line is a heading; a page whose "# " lines are sentences (captions) is no notes
    # (the file's own title may be the reader's, in small letters: "# clippings – feb wk 2")
    marked = [m["title"] for line in dump.lines if (m := _HEADING.match(line)) and len(m["marks"]) == 1]
    if any(ends_sentence(title) for title in marked):
        return 0.0
    return 0.85 if _stories(dump.lines) else 0.0


def _head(lines: list[str], start: int, end: int) -> list[str]:
    """A story's lines above its first paragraph, as text (a byline and date in emphasis)."""
    head = []
    for line in lines[start:end]:
        if prose_words([unmarked(line)]):
            break
        if line.strip():
            head.append(unmarked(line).strip())
    return head


# A paragraph opening with a label of a word or two: "Note: ...", "> **NB:** ...", "My take: ..."
_LABEL = re.compile(r"^[>\s*_]*(?P<label>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?)[*_]*\s*:[*_]*\s")


def _remarks(lines: list[str], stories: list[tuple[int, int]]) -> set[int]:
    """The reader's own remarks among the stories: paragraphs opening with a label that opens paragraphs in
    several stories ("Note: ask Dana ...", "> Note: compare with ..."). A story's own labelled paragraphs
    (an interview's "Q:") stay in that one story."""
    labelled = {i: fold(m["label"]) for a, b in stories for i in range(a + 1, b)
                if (m := _LABEL.match(lines[i])) and not address(lines[i])}  # (its address is the story's)
    spread = Counter(label for a, b in stories for label in {labelled[i] for i in range(a + 1, b) if i in labelled})
    return {i for i, label in labelled.items() if spread[label] >= MIN_STORIES} | _quoted_after(lines, stories)


def _quoted_after(lines: list[str], stories: list[tuple[int, int]]) -> set[int]:
    """A quotation closing a story told in plain paragraphs: the reader's note on it ("> check what this does
    to ..."), not the story's (a story quoted whole is in quotation marks throughout)."""
    notes = set()
    for a, b in stories:
        filled = [i for i in range(a + 1, b) if lines[i].strip()]
        tail = []
        for i in reversed(filled):
            if not lines[i].lstrip().startswith(">"):
                break
            tail.append(i)
        if tail and any(prose_words([lines[i]]) for i in filled if i not in tail):
            notes.update(tail)
    return notes


def _inner_headline(lines: list[str], start: int, end: int) -> int | None:
    """The line of a deeper heading standing first under a story's heading, the only one of its depth there
    ("## Crypto treasuries" over "### BitMine buys ..."): the reader filed the story under a section of theirs."""
    first = next((i for i in range(start + 1, end) if lines[i].strip()), None)
    m = _HEADING.match(lines[first]) if first is not None else None
    depth = len(_HEADING.match(lines[start])["marks"])
    if not m or len(m["marks"]) <= depth or not looks_like_title(m["title"]):
        return None
    same = [i for i in range(start + 1, end) if (h := _HEADING.match(lines[i])) and len(h["marks"]) == len(m["marks"])]
    return first if same == [first] else None


def parse(dump: Dump, tz: str) -> ParseResult:
    lines = dump.lines
    stories = _stories(lines)
    inside = {i for a, b in stories for i in range(a, b)}
    remarks = _remarks(lines, stories)
    drops = [Drop((i + 1,), CHROME, line.strip()) for i, line in enumerate(lines)
             if line.strip() and (i not in inside or i in remarks)]
    articles = []
    for a, b in stories:
        title = clean_title(_HEADING.match(lines[a])["title"])
        inner = _inner_headline(lines, a, b)
        if inner is not None:  # the heading is the reader's section, the one under it the story's headline
            drops.append(Drop((a + 1,), CHROME, title or ""))
            a, title = inner, clean_title(_HEADING.match(lines[inner])["title"])
        drops.append(Drop((a + 1,), METADATA, title or ""))
        url, body = None, []
        for i in range(a + 1, b):
            stated = address(lines[i])
            if i in remarks:
                continue
            if stated:
                url = url or stated
                drops.append(Drop((i + 1,), METADATA, lines[i].strip()))
            else:  # the text a line shows; heading marks go (the post's Markdown draws subheadings again)
                body.append((i + 1, re.sub(r"^#{1,6}\s+", "", unmarked(lines[i]))))
        date, _ = earliest_date(_head(lines, a + 1, b), tz)  # "*The Daily · 3 Mar 2026*" under the headline
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, url=url, format=NAME,
                                date=date, date_source="dump" if date else None))
    return ParseResult(articles, drops, guess=f"{len(articles)} stories under headings")
