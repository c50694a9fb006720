"""A page as a reader copies it from a browser ("select all, copy"): one article inside the page's furniture
(navigation, bylines, share buttons, related-story lists, newsletter boxes, comments, footers).

The most common dump there is, and the fallback for any text no layout claims. The line model
(lines/model.py) says which lines are the article, and the article is their main run (with any small run
the model is sure of that holds a sentence); the headline is the
title-like line just above them or among their first, the date the earliest one stated in that header (a
page's "updated" date comes after its own); preview, held and repeated lines are duplicates, and every
other line is accounted for as chrome. One dump, one post.
"""
from __future__ import annotations

import re

from ..blocks import blocks_from_lines, publisher_name
from ..dates import dates_in_text, earliest_date, parse_date_line
from ..language import language_of
from ..lines.model import ARTICLE, line_probabilities
from ..model import CHROME, DUPLICATE, METADATA, Article, Drop, Dump, ParseResult
from ..text import content_words, ends_sentence, foreign_share, fold, looks_like_title, squash, word_count
from ..text import dominant_script as script_of
from ..titles import clean_title

NAME = "page-copy"
HEADER_LINES = 24     # the headline and the date stand within this many lines above the article
HEAD_KEPT = 3         # ... or the headline is one of the article's first lines
DATE_ABOVE = 6        # the date stands within this many lines above the headline ...
DATE_BELOW = 8        # ... or among this many lines from the article's start (a byline below the lede)
DATELINE_WORDS = 12   # ... in a line this short
MAX_QUESTION_WORDS = 16  # a headline that asks or exclaims is short and one sentence
RUN_GAP = 8           # lines of furniture that part two runs of article-like lines
RUN_SHARE = 0.1       # a run this much smaller than the largest is not the article ...
RUN_SURE = 0.7        # ... unless the model is this sure of its lines on average and it holds a sentence
MIN_REPEAT_WORDS = 4  # a shorter line may well come back in an article ("Yes.", a repeated label)
_QUOTES = "\"“‘'«„「『"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\d{1,2}\s*[時시]\s*\d{1,2}\s*[分분]")  # 10:28, 20時01分, 20시 1분


def sniff(dump: Dump) -> float:
    return 0.05


def parse(dump: Dump, tz: str) -> ParseResult:
    probs = line_probabilities(tuple(dump.lines))
    index = sorted(probs)
    # a page whose article the model doubts still gives its likeliest lines: no dump goes without a post
    bar = min(ARTICLE, max(probs.values(), default=0.0) / 2)
    kept = main_run([k for k, i in enumerate(index) if probs[i] >= bar], [dump.lines[i] for i in index],
                    [probs[i] for i in index])
    if not kept:
        return ParseResult([], [Drop((i + 1,), CHROME, squash(dump.lines[i])) for i in index], guess="no article text")
    return _article(dump, index, kept, tz)


def main_run(kept: list[int], texts: list[str], probs: list[float] | None = None) -> list[int]:
    """The article is one run of lines: a run of article-like lines more than RUN_GAP lines away from the
    others and under RUN_SHARE of the largest run's words (a comment or a teaser below the article, a
    blurb in a sidebar) is the page's, unless the model is sure of it and it holds a sentence (_sure_prose).
    `probs`: the line model's probability of each of `texts`."""
    if not kept:
        return kept
    runs, current = [], [kept[0]]
    for k in kept[1:]:
        if k - current[-1] > RUN_GAP:
            runs.append(current)
            current = []
        current.append(k)
    runs.append(current)
    size = [sum(word_count(texts[k]) for k in run) for run in runs]
    big = max(size)
    return [k for run, words in zip(runs, size) if words >= RUN_SHARE * big or _sure_prose(run, texts, probs)
            for k in run]


def _sure_prose(run: list[int], texts: list[str], probs: list[float] | None) -> bool:
    """A small run the model is sure of (a mean probability of RUN_SURE or more) that holds a sentence is
    the article's too: an opening paragraph above a table of contents, a last one below a gallery."""
    return (probs is not None and sum(probs[k] for k in run) >= RUN_SURE * len(run)
            and any(_is_prose(squash(texts[k])) for k in run))


def _article(dump: Dump, index: list[int], kept: list[int], tz: str) -> ParseResult:
    texts = [squash(dump.lines[i]) for i in index]
    repeats = repeated_lines(texts, kept)
    kept = [k for k in kept if k not in repeats]
    title_at = headline(texts, kept, script_of(dump.text)) if kept else None
    # the article starts at its headline: article-like lines above it are the page's (a channel's blurb,
    # a preview between it and the headline); but a headline right below an article line leaves the lines
    # above it in the article (a standfirst above the headline, an opening above a subheading taken for one)
    joined = title_at is not None and title_at in kept and title_at - 1 in kept
    body = [k for k in kept if title_at is None or k > title_at or (joined and k < title_at)]
    top = min(title_at, body[0]) if title_at is not None and body else body[0] if body else 0
    language = language_of(" ".join(texts[k] for k in body))
    date, date_at = _story_date(texts, body, top, tz, language)
    metadata = {title_at, date_at}
    drops = [Drop((index[k] + 1,), METADATA if k in metadata else DUPLICATE if k in repeats else CHROME, texts[k])
             for k in range(len(texts)) if k not in body]
    lines = _with_blanks(dump.lines, [index[k] for k in body])
    article = Article(dump=dump.name, blocks=blocks_from_lines(lines),
                      title=clean_title(texts[title_at]) if title_at is not None else None, date=date,
                      date_source="dump" if date else None, format=NAME,
                      source_name=publisher_name(texts[: body[0]] if body else [], dump.text))
    guess = f"a copied page: {len(body)} of {len(texts)} lines read as its article"
    return ParseResult([article] if article.blocks else [], drops, guess=guess)


def _story_date(texts: list[str], body: list[int], top: int, tz: str, language: str | None):
    """The story's date and its line: the earliest stated a few lines above the headline or between it and
    the article (a page's "updated" date is the later one), in a short line (a byline, a dateline) if one
    states it; else the first short line the model left out among the article's first lines. Not a date
    inside a caption or a paragraph there: those are other days'."""
    if not body:
        return None, None
    above = [k for k in range(max(0, top - DATE_ABOVE), body[0]) if k not in body]
    short = [k for k in above if word_count(texts[k]) <= DATELINE_WORDS]
    for lines in (short, above):  # a dateline before a caption that names another day
        date, at = earliest_date([texts[k] for k in lines], tz, language)
        if date is not None:
            return date, lines[at]
    for k in range(body[0], min(len(texts), body[0] + DATE_BELOW)):
        if k not in body and word_count(texts[k]) <= DATELINE_WORDS:
            date, _ = earliest_date([texts[k]], tz, language)
            if date is not None:
                return date, k
    return None, None


def _with_blanks(lines: list[str], kept: list[int]) -> list[tuple[int, str]]:
    """The kept lines, numbered, with a blank line wherever the page had one or a line was left out, so
    paragraphs stay apart."""
    out: list[tuple[int, str]] = []
    for i in kept:
        if out and (out[-1][0] != i or not lines[i - 1].strip()):
            out.append((i, ""))
        out.append((i + 1, lines[i]))
    return out


def repeated_lines(texts: list[str], kept: list[int]) -> set[int]:
    """Article lines (of `kept`) whose text the page already has: a preview that glues two or more lines
    below it into one, a line a longer one holds (a truncated teaser of it), a later copy of a line (a
    repeated caption or blurb)."""
    folded = [fold(t) for t in texts]
    joined = "\n".join(folded)
    holders: dict[int, list[int]] = {}
    for i in kept:
        text = folded[i]
        if word_count(text) >= MIN_REPEAT_WORDS and joined.count(text) >= 2:
            holders[i] = [j for j, other in enumerate(folded) if j != i and text in other
                          and (len(other) > len(text) or j < i)]
    held: dict[int, int] = {}
    for i, js in holders.items():
        for j in js:
            held[j] = held.get(j, 0) + (len(folded[j]) > len(folded[i]))
    previews = {j for j, count in held.items() if count >= 2}
    return (previews & set(kept)) | {i for i, js in holders.items() if any(j not in previews for j in js)}


def headline(texts: list[str], kept: list[int], script: str | None) -> int | None:
    """The headline: a title-like line in the dominant script just above the article or among its first
    lines (followed by prose), sharing the most words with the article's opening. One that follows a
    paragraph is taken only when there is no other: it is more often a caption or a subheading (taking
    it drops the opening as page furniture) than the headline below a channel's blurb."""
    first = kept[0]
    candidates = list(range(max(0, first - HEADER_LINES), first)) + kept[:HEAD_KEPT]
    opening = {j: content_words(texts[j]) for j in kept[:12]}
    scored = [(k, _headline_score(texts, kept, k, script, opening)) for k in candidates]
    scored = [(k, score) for k, score in scored if score is not None]
    early = [(k, score) for k, score in scored if k not in kept or not _prose_precedes(texts, kept, k)]
    return max(early or scored, key=lambda ks: ks[1], default=(None, 0.0))[0]


def _headline_score(texts: list[str], kept: list[int], k: int, script: str | None,
                    opening: dict[int, set[str]]) -> float | None:
    """How headline-like line k is and how much of its wording the article's opening lines share."""
    text = clean_title(texts[k]) or ""
    if k in kept and not _prose_follows(texts, kept, k):
        return None
    if not _headline_like(text, asks=k not in kept) or foreign_share(text, script) > 0.3:
        return None
    if parse_date_line(text) or word_count(text) < 3 or _dateline(text):
        return None
    words = content_words(text)
    others = set().union(*(w for j, w in opening.items() if j != k))
    shared = sum(w in others for w in words) / max(1, len(words))
    return 1 + 2 * shared + min(word_count(text), 12) / 12 - 0.05 * abs(kept[0] - k)


def _headline_like(text: str, asks: bool) -> bool:
    """looks_like_title, but as headlines are written: one may open with a quote that closes inside it
    ("'We needed to win', coach says") and, when `asks` (a line the model did not read as the article's:
    the article's own questions are its sentences), end with a question or an exclamation mark."""
    if text[:1] in _QUOTES and re.search(r"[\w,.!?][\"”’'»]:?\s+\S|[」』]\S", text):
        text = text[1:]  # 'We needed to win,' coach says; 「…」と語った
    elif text[:1] not in _QUOTES:
        text = text.rstrip("\"”’'»")  # Coach: "We needed to win"
    bare = text.rstrip("?!？！") if asks else text
    if bare != text and (word_count(bare) > MAX_QUESTION_WORDS or re.search(r"\w\w[.!?]\s", bare)):
        return False  # a sentence of the article that asks or exclaims
    return looks_like_title(bare, max_words=30)


def _dateline(text: str) -> bool:
    """A byline or dateline ("By A. Writer, Updated Nov 13, 2019, 10:28am", "Posted 18 November 2019"):
    a full date or a clock time is seldom part of a headline."""
    return bool(_CLOCK.search(text) or dates_in_text(text))


def _prose_follows(texts: list[str], kept: list[int], k: int) -> bool:
    after = [j for j in kept if j > k][:1]
    return bool(after) and _is_prose(texts[after[0]])


def _prose_precedes(texts: list[str], kept: list[int], k: int) -> bool:
    return any(_is_prose(texts[j]) for j in kept if j < k)


def _is_prose(text: str) -> bool:
    return ends_sentence(text) and word_count(text) >= 8
