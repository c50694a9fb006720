"""A news site's article pages copied one after another, each opening with its picture block twice:

    Title
    <blank>
    Photo caption
    Photo caption
    TT                      (a text-size button or similar marker)
    <blank>
    Title
    <blank>
    Photo caption
    Photo caption
    <blank>
    Paragraphs...

A story starts where a headline line comes back within a few lines. Everything between the two copies
and the caption lines after the second copy form the header: the title is kept as metadata, caption lines
are captions (their repeats duplicates), and anything else there (markers) is chrome.
"""
from __future__ import annotations

from ..blocks import blocks_from_lines, chrome_drops, several_stories, strip_footer
from ..model import CAPTION, CHROME, DUPLICATE, METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, fold, squash, word_count

NAME = "captioned-articles"
WINDOW = 10  # the title's second copy comes back within this many lines
MIN_TITLE_WORDS = 4
MIN_CAPTION_WORDS = 3


def _starts(lines: list[str]) -> list[tuple[int, int]]:
    """(first title index, second title index) for every story."""
    folded = [fold(ln) for ln in lines]
    starts = []
    i = 0
    while i < len(lines):
        title = folded[i]
        if title and MIN_TITLE_WORDS <= word_count(title) <= 40 and len(title) <= 300:
            again = next((j for j in range(i + 2, min(i + WINDOW, len(lines))) if folded[j] == title), None)
            between = [f for f in folded[i + 1:again] if f] if again else []
            # between the copies stands the picture's caption, and it comes back after the second copy
            # too: a menu whose first label recurs has no such caption
            captions = {f for f in between if word_count(f) >= MIN_CAPTION_WORDS}
            # (a picture's credit, "Foto: Ana Lima, Agency", between the copies: the line is the picture's caption
            # in an article's gallery, not a story's title)
            if (again and captions & set(folded[again + 1:again + 4]) and all(word_count(f) <= 60 for f in between)
                    and not any(_credit(squash(lines[j])) for j in range(i + 1, again))):
                starts.append((i, again))
                i = again + 1
                continue
        i += 1
    return starts


def _credit(line: str) -> bool:
    """"Foto: Ana Lima, Agency", "Photo: Jane Roe/AFP": a one-word label, a colon, then names only."""
    label, colon, names = line.partition(":")
    words = names.replace(",", " ").replace("/", " ").split()
    return (bool(colon) and label.isalpha() and 1 <= len(words) <= 8
            and all(w[0].isupper() or not w[0].isalpha() for w in words))


def sniff(dump: Dump) -> float:
    starts = _starts(dump.lines)
    ends = [s[0] for s in starts[1:]] + [len(dump.lines)]
    spans = [(s[1] + 1, end) for s, end in zip(starts, ends)]
    return 0.85 if several_stories(dump.lines, spans, [dump.lines[s[0]] for s in starts]) else 0.0


def _header_end(folded: list[str], first: int, second: int) -> int:
    """Index of the first body line: after the second title copy and the caption lines that follow it."""
    header = {f for f in folded[first:second] if f}
    k = second + 1
    while k < len(folded) and (not folded[k] or folded[k] in header):
        k += 1
    return k


def parse(dump: Dump, tz: str) -> ParseResult:
    lines = dump.lines
    folded = [fold(ln) for ln in lines]
    numbered = list(enumerate(lines, 1))
    starts = _starts(lines)
    if not starts:
        return ParseResult([], chrome_drops(numbered))
    drops = chrome_drops(numbered[: starts[0][0]])
    articles = []
    for n, (first, second) in enumerate(starts):
        body_start = _header_end(folded, first, second)
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        drops += _header_drops(lines, folded, first, body_start)
        body = numbered[body_start:end]
        if n + 1 == len(starts):
            body, footer = strip_footer(body, dominant_script(dump.text))
            drops += footer
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=squash(lines[first]),
                                format=NAME))
    return ParseResult(articles, drops)


def _header_drops(lines: list[str], folded: list[str], first: int, body_start: int) -> list[Drop]:
    """Title -> metadata; a sentence-sized line -> caption; a repeat -> duplicate; a marker -> chrome."""
    drops, seen = [], set()
    for k in range(first, body_start):
        f = folded[k]
        if not f:
            continue
        if f in seen:
            reason = DUPLICATE
        elif k == first:
            reason = METADATA
        else:
            reason = CAPTION if word_count(f) > 3 else CHROME
        seen.add(f)
        drops.append(Drop((k + 1,), reason, squash(lines[k])))
    return drops
