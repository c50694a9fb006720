"""Several stories in one text dump, told apart by what stands between them: a rule (`---`, `***`,
`___`, `* * *` in newsletters and digests) or a line of the same shape that comes back after or before
every story and states when (a channel export's views and time, "1.2K views 14:35"; a feed page's date).

    Channel name · 12K subscribers          Weekly digest, issue 42
                                            ---
    First message, a paragraph or two.      First item's headline
    #tag #tag                               First item's text.
    1.2K views 14:35                        ---
                                            Second item's headline
    Second message...                       Second item's text.
    980 views 15:02                         ---
                                            Unsubscribe · View in browser

Shapes are compared with every digit as 0 and every word as a letter class, so the UI's language does
not matter. A candidate split is kept only when its pieces are several real stories (blocks.several_stories);
pieces without a story's prose (the header and footer of a digest) are chrome. Each story's title is its
first line when that reads as a headline, its date the one its separator states, if any.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import NamedTuple

from ..blocks import NUMBERED, RULE, address, blocks_from_lines, is_heading, prose_words, several_stories, strip_footer
from ..dates import (_MONTH, age_date, byline_parts, dates_in_text, dateline_date, day_lines, earliest_date, is_age,
                     localize, parse_date, parse_date_line)
from ..firstseen import now
from ..language import language_of
from ..lines.model import ARTICLE, line_probabilities
from ..model import BOILERPLATE, CHROME, METADATA, Article, Block, Drop, Dump, ParseResult
from ..text import (advert_label, dominant_script, ends_sentence, fold, foreign_share, is_caption, letter_words,
                    looks_like_title, site_name, squash, strip_pictographs, word_count)
from ..titles import publisher, unmarked

NAME = "separated-stories"
# A separator line of a list of messages states when: a clock time, a date, a day and a month's name.
# (a date written year first, "2026/03/06", but not inside an address: ".../2015/04/13/title")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|^\s*(?:[01]?\d|2[0-3])\.[0-5]\d\s*$|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
                   r"(?<![/\w])\d{4}[./-]\d{1,2}[./-]\d{1,2}(?![/\w])|"
                   rf"\b\d{{1,2}}\.?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b", re.I)
# a post's age in a feed's own short units, in any language: "2 j • Edited •", "1 sem. •", "3h", "5 d"
_AGE = re.compile(r"^\d{1,3}\s?[^\W\d_]{1,4}\.?(?:\s*[•·]|$)")
_UNIT = "[KkMm万萬亿億千만억천]"  # a count's abbreviation: "1.2K", "2.1万"
_NUMBER = r"\d[\d.,]*(?:[ \u00a0\u202f]\d{3}(?![\d.,]))*"  # "1,284", "1.284", "1 284"
_ONE_COUNT = rf"(?:[^\W\d_]+[^\w\s]?\s*)?{_NUMBER}\s?{_UNIT}?(?:\s*[^\W\d_]+)?"
# "Likes 214", "37 comments", "1.2K", "2.1万", "87 comments · 142 reposts"
_COUNT = re.compile(rf"^\W*{_ONE_COUNT}(?:\W+{_ONE_COUNT})*\W*$")
MAX_SEPARATOR_WORDS = 6
LONG_LINE_WORDS = 20  # a line this long is prose, whatever its end
ONE_ARTICLE = 0.75    # the share of the article text the line model finds in one piece that makes it the page's
NEAR = 3              # short lines between a separator and the prose it belongs to
MIN_SEPARATORS = 3    # fewer recurring lines are a coincidence of the page, not a list
MIN_RULES = 2         # ... but two rules between three headed stories are not
SIGNED_SLACK = 2      # posts of a profile that may lack its author's line (a repost, a pinned promotion)
MIN_STORY_WORDS = 25  # a piece shorter than this is a digest's header or footer, not a story
MAX_LABEL_WORDS = 3   # a line this short at a story's head is a label (a channel's name), not its headline
MIN_SENTENCE_WORDS = 8  # a line this long below a post's author line is the post's text
MIN_MESSAGE_PROSE = 15  # words of sentences a channel's story has (two short ones); an ad or a link's teaser has fewer
HEADLINE_WORDS = 6    # a page's headline above a live blog is this long ...
DATELINE_WORDS = 12   # ... over a dateline this short


def shape(line: str) -> str:
    """A line's shape: a run of digits as 0, an abbreviated count as one (12.4K, 980), letter runs as `a`, the
    rest as it is ("12.4K views 09:05" -> "0 a 0:0", the shape of "980 views 14:35" too; "11/30/2026 4:02 PM"
    and "11/24/2026 11:18 AM" have one shape)."""
    counted = re.sub(r"\b\d{1,3}(?:[.,]\d)?[KkMm]\b|(?<![\d:.,])\d{1,3}(?=\s+(?!\w*\d)[^\W\d_A-ZÀ-Þ])", "#", squash(line))
    # (words run together: "11.9K views edited 08:30" is a views line like "14.7K views 13:40")
    # (a user name is one word: "dune_wizard", "kestrel.eth")
    words = re.sub(r"[^\W\d_]+(?:[._][^\W\d_]+)*", "a", re.sub(r"\d+", "0", counted))
    return re.sub(r"a(?: a)+", "a", words).replace("#", "0")


def _separator_kinds(lines: list[str], labels: set[int]) -> list[tuple[set[int], str]]:
    """Candidate separators, each the set of line indexes it stands on and its kind: "rule", "count" or
    "time". The stories between rules and between recurring counts ("Likes 214", "47 comments" under each
    post) must open with a headline (between sections of one article they do not; without headlines, the
    comments under an article would pass for a list), or, between counts, carry a line of their own that
    recurs in each (a profile's posts); those between recurring short lines that state a time need not (a
    channel's messages have no headlines). `labels`: the page's recurring lines (_recurring), which may
    stand between a post's counts."""
    rules = {i for i, line in enumerate(lines) if RULE.match(line)}
    shapes: dict[str, set[int]] = {}
    for i, line in enumerate(lines):
        if line.strip() and _words(line) <= MAX_SEPARATOR_WORDS and _TIME.search(line):
            shapes.setdefault(shape(line), set()).add(i)
            # (a message edited says so between its views and its time: "👁 9.8K  edited 11:20")
            shapes.setdefault("wordless " + " ".join(shape(line).replace("a", " ").split()), set()).add(i)
    counts: dict[str, set[int]] = {}
    for i, line in enumerate(lines):
        # (a count's words, not its numbers: "87 comments · 142 reposts" is as short as "Likes 214")
        if (line.strip() and len(re.findall(r"[^\W\d_]+", line)) <= MAX_LABEL_WORDS and _COUNT.search(line)
                and not _TIME.search(line)):
            # (the reactions a post got, whichever: "👍❤️ 1 284" and "👍 96" are one kind of line)
            counts.setdefault(fold(re.sub(rf"{_NUMBER}\s?{_UNIT}?", "0", strip_pictographs(squash(line)))), set()).add(i)
    # an aggregator's items each close with their age, in any language ("hace 3 horas", "vor 2 Stunden"), under
    # their text (not a post's age over it)
    ages = {i for i, line in enumerate(lines) if line.strip() and _words(line) <= MAX_LABEL_WORDS + 1
            and not _TIME.search(line) and is_age(squash(line))}
    if len(ages) >= MIN_SEPARATORS and 2 * sum(_opens_prose(lines, i) for i in ages) < len(ages):
        shapes["age"] = ages
    recurring = [marks for marks in counts.values() if len(marks) >= MIN_SEPARATORS]
    # all of them together too: a post's likes, comments and reposts, each counted in its own words, standing
    # together (not a poll's percentages inside one post), under their posts (not "2 days ago" over them)
    closing = [marks for marks in recurring if 2 * sum(_opens_prose(lines, i) for i in marks) < len(marks)]
    every = set().union(*closing)
    runs = _runs(every, labels)
    stacked = {i for last, (first, size) in runs.items() if size > 1 for i in every if first <= i <= last}
    together = [marks for marks in closing if 2 * len(marks & stacked) >= len(marks)]
    together = [set().union(*together)] if len(together) > 1 else []
    # (where two kinds make as many stories, the first wins: counts close a post whose head holds its time;
    # but times right under each post's counts close the post with them, "👁 19.8K" over "13:52")
    counted = set().union(*counts.values())
    closing_times = [marks for marks in shapes.values() if all({i - 1, i - 2} & counted for i in marks)]
    kinds = [(rules, "rule"), *((marks, "time") for marks in closing_times),
             *((marks, "count") for marks in counts.values()), *((marks, "count") for marks in together),
             *((marks, "time") for marks in shapes.values() if marks not in closing_times)]
    # (two rules between three stories that each open with a headline are a digest too: see _stories)
    return [(marks, kind) for marks, kind in kinds if len(marks) >= _fewest(kind)]


def _words(line: str) -> int:
    """Words without the dots and bars between a row's parts ("Nov 24, 2026 · 3 min read": six)."""
    return sum(1 for token in line.split() if any(ch.isalnum() for ch in token))


def _fewest(kind: str) -> int:
    """The fewest separators of a kind that can part stories."""
    return MIN_RULES if kind == "rule" else MIN_SEPARATORS


def _recurring(lines: list[str]) -> dict[str, set[int]]:
    """Short lines that come back word for word at least MIN_SEPARATORS times (a channel's name above each
    message, "Share" under each post), by their text: the indexes each stands on."""
    found: dict[str, set[int]] = {}
    for i, line in enumerate(lines):
        if line.strip() and word_count(line) <= MAX_SEPARATOR_WORDS and not RULE.match(line):
            found.setdefault(fold(squash(line)), set()).add(i)
    return {text: where for text, where in found.items() if len(where) >= MIN_SEPARATORS}


def _pieces(lines: list[str], runs: dict[int, tuple[int, int]],
            counts: bool = False, rules: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """The [start, end) spans between separators (`runs`: each one's last line -> its first line and size),
    and whether each separator closes the story before it (a channel's views line) or opens the next (a
    feed item's or a comment's date), read from the prose and blank lines beside the separators; where
    prose stands on both sides, `counts` (a post's likes and replies) close their posts. `rules` open their
    stories when a headline stands under every one of them (a digest whose last item runs into its footer)."""
    bounds = sorted(runs)
    # a message's views and time follow its text (and a blank line follows them); a comment's or a feed
    # item's date comes before it
    above = [_prose_beside(lines, runs[i][0], -1) for i in bounds]
    lean = sum(up - _prose_beside(lines, i, 1) + 0.5 * (_blank(lines, i + 1) - _blank(lines, runs[i][0] - 1))
               for up, i in zip(above, bounds))
    # where prose stands on both sides, the ends say: a headline and its text above the first separator and
    # none below the last (a footer) is a list whose dates close their teasers
    closes = lean > 0
    if lean == 0:
        closes = ((counts and 2 * sum(above) > len(bounds))
                  or (_ends_headed(lines, 0, runs[bounds[0]][0])
                      and not _ends_headed(lines, bounds[-1] + 1, len(lines))))
    if rules and all(_titled(_nonblank(lines, b + 1, HEAD_LINES)) for b in bounds):
        closes = False
    if closes:  # (below the last separator: the page's footer, no story it closes)
        starts = [0] + [b + 1 for b in bounds[:-1]]
        ends = [runs[b][0] for b in bounds]
    else:
        starts = [b + 1 for b in bounds]
        ends = [runs[b][0] for b in bounds[1:]] + [len(lines)]
    return list(zip(starts, ends)), closes


def _nonblank(lines: list[str], start: int, count: int) -> list[tuple[int, str]]:
    """The first `count` lines with text from `start` on, with their indexes."""
    return list(islice(((i, lines[i]) for i in range(start, len(lines)) if lines[i].strip()), count))


def _ends_headed(lines: list[str], start: int, end: int) -> bool:
    """Whether [start, end) ends with a story under its headline: its last run of prose, right below a line
    that reads as a headline (a kicker or a label may stand above that)."""
    p = _last_run(lines, start, end)
    above = next((i for i in range(p - 1, start - 1, -1) if lines[i].strip()), None) if p is not None else None
    return above is not None and looks_like_title(lines[above]) and word_count(lines[above]) > MAX_LABEL_WORDS


def _prose_beside(lines: list[str], i: int, step: int) -> bool:
    """Whether prose stands next to line i above (step -1) or below (step 1), past blank lines and up to
    NEAR short ones (hashtags, labels, a headline: prose is a sentence, or longer than a headline; a post's
    reactions and views, "👍 842", "24,1K", do not count against NEAR)."""
    j, short = i + step, 0
    while 0 <= j < len(lines) and short <= NEAR:
        words = word_count(lines[j])
        if words >= 8 and (words >= LONG_LINE_WORDS or ends_sentence(lines[j]) or not looks_like_title(lines[j])):
            return True
        short += words > 0 and not _COUNT.search(lines[j])
        j += step
    return False


def _opens_prose(lines: list[str], i: int) -> bool:
    """Whether the next non-blank line after line i is prose (a post's time over its text)."""
    j = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return j is not None and word_count(lines[j]) >= 8


def _blank(lines: list[str], i: int) -> bool:
    return 0 <= i < len(lines) and not lines[i].strip()


@dataclass(frozen=True)
class Layout:
    """What a text's lines show of a list: its recurring lines (`labels`), its candidate separators
    (`kinds`) and the stories the best of them parts (`found`: spans, separator lines, whether they close
    their stories; None when no separator parts real stories)."""

    labels: set[int]
    kinds: list[tuple[set[int], str]]
    found: tuple[list[tuple[int, int]], set[int], bool] | None


def _layout(lines: list[str]) -> Layout:
    labels = set().union(*_recurring(lines).values())
    kinds = _separator_kinds(lines, labels)
    return Layout(labels, kinds, _stories(lines, labels, kinds))


def _stories(lines: list[str], labels: set[int],
             kinds: list[tuple[set[int], str]]) -> tuple[list[tuple[int, int]], set[int], bool] | None:
    """The spans of the stories, the separator lines and whether they close their stories, for the
    separator that makes the most real stories; None when no separator does."""
    best = None
    for marks, kind in kinds:
        headed, signed = kind != "time", []
        runs = _runs(marks, labels)
        marks = set(runs)
        if len(marks) < _fewest(kind):
            continue
        spans, closes = _pieces(lines, runs, kind == "count", kind == "rule")
        masthead = kind == "rule" and _masthead(lines[:min(runs.values())[0]])
        if kind == "rule" and not closes and not masthead:
            spans.insert(0, (0, min(runs.values())[0]))  # above the first rule: a greeting, or the first item
        elif masthead and spans and spans[0][0] < min(runs.values())[0]:
            spans = spans[1:]  # (rules closing items: the piece above the first is the masthead's, no item)
        sizes = [sum(word_count(lines[i]) for i in range(a, b)) for a, b in spans]
        # (nothing between two separators: one separator twice, as an HTML e-mail's rules around a block)
        spans, sizes = [sp for sp, size in zip(spans, sizes) if size], [size for size in sizes if size]
        if kind == "rule":  # (a sponsor's block between a digest's items, a label over its pitch and its button)
            ads = {sp for sp in spans if _promotion(lines, *sp, labels)}
            if len(ads) < len(spans) / 2:
                kept = [(sp, size) for sp, size in zip(spans, sizes) if sp not in ads]
                spans, sizes = [sp for sp, _ in kept], [size for _, size in kept]
        # between two recurring lines there is always a story (a page's list of dated links has none), except
        # in the page's header above the first story, which may hold counts of its own (a profile's posts,
        # following and followers, each under its number): the stories start where that holds to the end
        # (between a digest's rules may stand a sponsor's line or a short note; its items are headed)
        first = 0 if kind == "rule" else next((k for k in range(len(sizes)) if sizes[k] >= MIN_STORY_WORDS
                                               and all(size >= MIN_STORY_WORDS for size in sizes[k:-1])), len(spans))
        # (a chat's one write-up among short chatter: wherever it stands)
        written = [sp for sp, size in zip(spans, sizes) if size >= MIN_STORY_WORDS
                   and prose_words(lines[sp[0]:sp[1]]) >= MIN_MESSAGE_PROSE]
        pasted = kind == "time" and not closes and _pasted_alone(lines, spans, written, marks, labels)
        past = _past_chatter(lines, spans, sizes, labels, first) if kind == "time" else None
        chatter, first = past is not None, first if past is None else past
        spans, sizes = spans[first:], sizes[first:]
        if closes and spans:
            spans[:1] = _aligned(lines, spans, kind == "rule")[:1]
        stories = [span for span, size in zip(spans, sizes) if size >= MIN_STORY_WORDS
                   and (not chatter or _headed(lines, *span, labels, False))]
        listed = len(stories)
        if kind != "rule":  # a channel's messages without a story's prose (an ad, a link's teaser) are no stories
            stories = [(a, b) for a, b in stories if prose_words(lines[a:b]) >= MIN_MESSAGE_PROSE]
        if kind == "time" and stories and _dated_headline(lines[:stories[0][0]]):
            continue  # a live blog: its entries under their times are one story's, under the page's headline
        if headed:
            # a digest's items each open with a headline; its greeting above the first rule and its
            # sign-off below the last are chrome
            # (each shorter than its middle item: above the first rule of one article stands its lead)
            short = kind == "rule"
            # a profile's or a feed's posts need no headlines: each has the same line in its head (its
            # author's name, a "Follow" button) and closes with its counts of replies, reposts and likes
            after = {first: size for first, size in runs.values()}  # a story ends where its counts start
            counted = [after.get(b, 0) if closes else runs.get(a - 1, (0, 0))[1] for a, b in stories]
            # (all but one: a repost between them may show its likes alone; not the first, which may be the
            # page's header with its own counts, following and followers)
            countless = sum(c < 2 for c in counted)
            items = signed = (_signed(lines, stories, labels) if kind == "count" and counted and counted[0] >= 2
                              and countless <= 1 else [])
            if not items:
                items = [s for k, s in enumerate(stories) if _headed(lines, *s, labels, short) or 0 < k < len(stories) - 1]
                if not items or not all(_headed(lines, a, b, labels, short) for a, b in items):
                    continue
                if len(marks) < MIN_SEPARATORS and len(items) <= len(marks):
                    continue  # two rules: only three headed stories make a digest (not an article's sections)
            middle = sorted(prose_words(lines[a:b]) for a, b in items)[(len(items) - 1) // 2]
            if not signed:  # a digest's greeting or sign-off under a heading of its own ("Meme of the day")
                items = _without_short_ends(lines, items, min(middle / 2, 2 * MIN_STORY_WORDS))
            if max(prose_words(lines[:items[0][0]]), prose_words(lines[items[-1][1]:])) >= middle:
                continue
            stories = items
        stories = written if pasted else stories
        if kind != "rule" and (listed < MIN_SEPARATORS or len(stories) < 2) and not pasted:
            continue  # as few stories as recurring lines make no list (two galleries under their counts)
        heads = labels | _head_labels(lines, stories) | _held(lines, stories)
        titles = [next((lines[i] for i in range(a, b) if lines[i].strip() and i not in heads
                        and word_count(lines[i]) > MAX_LABEL_WORDS), "") for a, b in stories]
        # a digest's header and footer (chrome, above) do not count against its stories' share of the prose
        # (so do those of a list of dated teasers, each under its headline, its date closing it)
        teasers = (closes and not headed and len(stories) >= MIN_SEPARATORS
                   and sum(not _headed(lines, a, b, labels, False) for a, b in stories) <= 1)
        lo, hi = (stories[0][0], stories[-1][1]) if (headed or teasers) and stories else (0, len(lines))
        if teasers:
            middle = sorted(prose_words(lines[a:b]) for a, b in stories)[(len(stories) - 1) // 2]
            if max(_longest_run(lines, 0, lo), _longest_run(lines, hi, len(lines))) >= 2 * middle:
                continue  # an article above or below dated teasers: one page
        # (posts that each carry their author's line need no word from the line model: an article above
        # comments is told by the prose above the first one, checked with the digest's header)
        # (a channel's chatter between its headed write-ups does not count against them either)
        inside = {i for a, b in stories for i in range(a, b)} if chatter else None
        told = [line if inside is None or i in inside else "" for i, line in enumerate(lines)]
        if ((pasted or several_stories(told[lo:hi], [(a - lo, b - lo) for a, b in stories], titles)
             and (signed or not _one_article(lines, stories)))
                and (best is None or len(stories) > len(best[0]))):
            best = (stories, marks, closes)
    return best


# a chat's line naming a message's sender, then its time: "ferrum — Yesterday at 21:41", "Dana · 09:47"
_SENDER_TIME = re.compile(r"^\s*[^\s—–|·].{0,40}?\s[—–|·]\s.{0,30}?\d{1,2}[:.]\d{2}")


def _pasted_alone(lines: list[str], spans: list[tuple[int, int]], stories: list[tuple[int, int]], marks: set[int],
                  labels: set[int]) -> bool:
    """A chat's one write-up among its chatter: a message under its sender-and-time line (one of several that
    head the messages), below two messages of chatter or more, that opens with a headline (under its sender's
    note or not), the longest prose of the dump."""
    named = sum(bool(_SENDER_TIME.match(lines[i])) for i in marks)  # "ferrum — Today at 09:47", not "3h"
    if len(stories) != 1 or len(marks) < MIN_SEPARATORS or named < len(marks) / 2:
        return False
    (a, b), = stories
    chatter = sum(1 for start, end in spans if end <= a and any(lines[i].strip() for i in range(start, end)))
    return (chatter >= 2 and _headed(lines, a, b, labels, False)
            and _longest_run(lines, a, b) > max(_longest_run(lines, 0, a), _longest_run(lines, b, len(lines))))


def _runs(marks: set[int], labels: set[int]) -> dict[int, tuple[int, int]]:
    """A run of separator lines is one separator (a post's counts of replies, reposts, likes and views),
    also where the UI's recurring labels stand between them ("Likes / 214 / 37 / Share / 12"): for the last
    line of each run, the run's first line and how many separator lines it has."""
    runs: dict[int, tuple[int, int]] = {}
    last = None
    for i in sorted(marks):
        if last is not None and i - last <= 2 and all(j in labels for j in range(last + 1, i)):
            first, size = runs.pop(last)
            runs[i] = (first, size + 1)
        else:
            runs[i] = (i, 1)
        last = i
    return runs


def _longest_run(lines: list[str], start: int, end: int) -> int:
    """The prose words of the longest run of prose lines (blank lines between them) in [start, end)."""
    best = run = 0
    for line in lines[start:end]:
        if _prose(line):
            run += word_count(line)
        elif line.strip():
            run = 0
        best = max(best, run)
    return best


def _masthead(header: list[str]) -> bool:
    """Whether a newsletter's text above its first rule opens with its masthead: a line stating the issue's
    full date ("MACRO MINUTE | Monday, 23 November 2026"), which no story's headline does, or its name and
    number over a line of that date ("CHIP WIRE WEEKLY — Issue #88" over "Monday, 26 October 2026")."""
    first, second = ([line for line in header if line.strip()] + ["", ""])[:2]
    if word_count(first) <= MAX_SEPARATOR_WORDS * 2 and bool(dates_in_text(first) or parse_date_line(first)):
        return True
    named = _ISSUE.search(first) or (first.upper() == first and any(ch.isalpha() for ch in first))
    return bool(named) and parse_date_line(second) is not None


# A newsletter's issue number: "Issue #88", "No. 12", "#142", "Ausgabe 7"
_ISSUE = re.compile(r"(?:#|\bno\.\s?|\b(?:issue|edition|ausgabe|numéro|número|numero|выпуск)\s+#?)\d+", re.I)


def _past_chatter(lines: list[str], spans: list[tuple[int, int]], sizes: list[int], labels: set[int],
                  first: int) -> int | None:
    """Where a channel's stories start when short messages stand between them ("gm", "lol, agreed"): at the
    first long message, if every long one but the last (which runs into the page's footer) opens with its
    headline (a research channel's write-ups among its chatter; comments under an article have none); its
    stories are then its headed messages. None when the channel has no such chatter."""
    # (long in prose: a poll's options or an advert's offer are short of sentences however many words)
    long = [k for k in range(len(spans) - 1) if sizes[k] >= MIN_STORY_WORDS
            and prose_words(lines[spans[k][0]:spans[k][1]]) >= MIN_MESSAGE_PROSE]
    if len(long) >= 2 and long[0] < first and all(_headed(lines, *spans[k], labels, False) for k in long):
        return long[0]
    return None


def _dated_headline(header: list[str]) -> bool:
    """Whether the lines above the first story hold a page's headline with its dateline and time below it
    (a live blog's "Updated 16:52 GMT, 6 March 2026"), not a channel's name or a pinned message over the
    day's date."""
    texts = [squash(t) for t in header if t.strip()]
    for i, text in enumerate(texts):
        if word_count(text) >= HEADLINE_WORDS and looks_like_title(text) and any(
                word_count(t) <= DATELINE_WORDS and _timed(t) for t in texts[i + 1:i + 1 + NEAR]):
            return True
    return False


def _timed(line: str) -> bool:
    """Whether a line states a date with its time ("Fri 4 Dec 2026 08.05 EST" too)."""
    when = earliest_date([line], "UTC")[0]
    return when is not None and (bool(_CLOCK.search(line)) or (when.hour, when.minute) != (0, 0))


def _prose(line: str) -> bool:
    return word_count(line) >= 8 and ends_sentence(squash(line))


def _promotion(lines: list[str], start: int, end: int, labels: set[int]) -> bool:
    """Whether a piece is framed as an advertisement: a paid message's label over it ("💰 SPONSORED"), or a
    label over its pitch ("Together with Acme") and a button under it ("Open an account"), where a digest's
    item opens with its headline. (A digest whose items all carry a label over their headline is told by
    their number: ads are the few.)"""
    edges = [squash(lines[i]) for i in range(start, end) if lines[i].strip()]
    if edges and advert_label(edges[0]):  # "💰 SPONSORED" over it, whatever follows
        return True
    return (len(edges) >= 3 and not _headed(lines, start, end, labels, True)
            and all(word_count(t) <= MAX_LABEL_WORDS + 1 and not ends_sentence(t) for t in (edges[0], edges[-1])))


def _without_short_ends(lines: list[str], items: list[tuple[int, int]], least: float) -> list[tuple[int, int]]:
    """The items without those at either end with fewer than `least` words of prose."""
    while len(items) > 1 and prose_words(lines[slice(*items[-1])]) < least:
        items = items[:-1]
    while len(items) > 1 and prose_words(lines[slice(*items[0])]) < least:
        items = items[1:]
    return items


def _lead(lines: list[str], start: int, end: int, blanks: bool = False) -> int | None:
    """How many non-blank lines that are not prose stand right above a piece's first prose line (a
    headline, a date; a channel's name): the head every story of the list has; with `blanks`, blank lines
    among them too (a message's headline set apart from its text)."""
    first = next((i for i in range(start, end) if _prose(lines[i])), None)
    if first is None:
        return None
    k = 0
    while first - k - 1 >= start and (lines[first - k - 1].strip() or blanks):
        k += 1
    return k


def _aligned(lines: list[str], spans: list[tuple[int, int]], ruled: bool) -> list[tuple[int, int]]:
    """The spans with the first one starting where its story does: above the first story of a list stands
    the page's header (a channel's name, subscribers, a pinned blurb, a profile's bio), and the story begins
    with the head the other stories have (the same number of lines above the first prose line). Between
    rules (`ruled`), a head that stands apart from its prose by a blank line leaves the piece as it is."""
    leads = [_lead(lines, a, b, blanks=not ruled) for a, b in spans[1:]]
    leads = [k for k in leads if k is not None]
    if not leads:
        return spans
    k = max(set(leads), key=leads.count)
    if (ruled and k == 0) or leads.count(k) < 0.5 * len(leads):
        return spans  # (a newsletter's headline stands apart from its prose: the piece is the item)
    # the first story is the last run of prose in the first piece (the header may hold prose too: a bio)
    a, b = spans[0]
    p = _last_run(lines, a, b)
    if p is None:
        return spans
    if p - k >= a and all((lines[i].strip() or not ruled) and not _prose(lines[i]) for i in range(p - k, p)):
        return [(p - k, b)] + spans[1:]
    return spans


def _last_run(lines: list[str], start: int, end: int) -> int | None:
    """Where the last run of prose lines (paragraphs, blank lines between them) in [start, end) begins."""
    p = next((i for i in range(end - 1, start - 1, -1) if _prose(lines[i])), None)
    while p is not None and p - 1 >= start and (
            _prose(lines[p - 1]) or (not lines[p - 1].strip() and p - 2 >= start and _prose(lines[p - 2]))):
        p -= 1
    return p


def _one_article(lines: list[str], spans: list[tuple[int, int]]) -> bool:
    """Whether the line model, reading the dump as one page, finds its article in one of the pieces: then
    the other pieces are that page's comments or teasers, each under its date, not stories of a list."""
    probs = line_probabilities(tuple(lines))
    rated = [sum(word_count(lines[i]) for i in range(a, b) if probs.get(i, 0.0) >= ARTICLE) for a, b in spans]
    return sum(rated) > 0 and max(rated) >= ONE_ARTICLE * sum(rated)


def _signed(lines: list[str], stories: list[tuple[int, int]], labels: set[int]) -> list[tuple[int, int]]:
    """The posts, when nearly every one has a line of the same recurring wording in its head, the lines above
    its prose (its author's name, a "Follow" button; not a bare symbol like "·"); else []. Each post starts at
    the first such line of its head: above it stand the profile's header (its name, bio and counts) or an
    advertisement between two posts. A piece without any recurring line in its head is no post (the
    header's pinned promotion); one with others only (a repost of another account) starts where it does."""
    if len(stories) < MIN_SEPARATORS:
        return []
    heads = [_head(lines, a, b, labels) for a, b in stories]
    held = [{_head_key(lines[i]) for i in head} for head in heads]
    counted = Counter(text for texts in held for text in texts if re.search(r"[^\W\d_]", text))
    need = max(MIN_SEPARATORS - 1, len(stories) - SIGNED_SLACK, len(stories) // 2 + 1)
    shared = {text for text, n in counted.items() if n >= need}
    if not shared:
        return []
    posts = []
    for head, (a, b) in zip(heads, stories):
        start = min((i for i in head if _head_key(lines[i]) in shared), default=a if head else None)
        if start is not None:
            posts.append((start, b))
    return posts if len(posts) >= MIN_SEPARATORS else []


HEAD_LINES = 6  # a post's head: the label lines above its first sentence (a name, a handle, a title, a time)
# an account's handle alone on its line: on a timeline of several authors, the line every post's head has
_HANDLE_LINE = re.compile(r"^\s*@[\w.-]{2,}\s*$")


def _head_key(line: str) -> str:
    """What a head's line is, to find the one every post has: its words, or for any handle, "@handle"."""
    return "@handle" if _HANDLE_LINE.match(line) else fold(squash(line))


def _head(lines: list[str], start: int, end: int, labels: set[int]) -> list[int]:
    """The recurring lines among the last HEAD_LINES non-blank lines above the piece's last run of prose
    (above it may stand a profile's bio or an advertisement, with sentences of their own), or among its
    first ones when it has no prose; handles are recurring lines of their kind."""
    first = _last_run(lines, start, end)
    if first is None:  # a post without sentences (a poll, a picture): its head is its top
        above = [i for i in range(start, end) if lines[i].strip()][:HEAD_LINES]
    else:
        above = [i for i in range(start, first) if lines[i].strip()][-HEAD_LINES:]
    return [i for i in above if i in labels or _HANDLE_LINE.match(lines[i])]


def _headed(lines: list[str], start: int, end: int, labels: set[int], short: bool) -> bool:
    """Whether the story opens with a headline, past the labels above it (a channel's name) and, unless
    `short` headlines count (a newsletter's items between rules: "Rates on hold"), lines of a few words (a
    live blog's entries between their times are not stories of their own)."""
    nonblank = [(i, lines[i]) for i in range(start, end) if lines[i].strip() and i not in labels
                and (word_count(lines[i]) > MAX_LABEL_WORDS or short)]
    # (a story pasted under the sender's note: "paywalled so pasting the text:", "for the chip folks 👇")
    if len(nonblank) > 2 and _note(nonblank[0][1]):
        return _titled(nonblank) or _titled(nonblank[1:])
    return _titled(nonblank)


NOTE_WORDS = 12


def _note(text: str) -> bool:
    """A sender's short line over what they paste: it ends with a colon or a finger pointing down."""
    text = squash(text)
    return word_count(text) <= NOTE_WORDS and (text.endswith(":") or text.rstrip().endswith(("👇", "⬇️", "⬇", "↓")))


def sniff(dump: Dump) -> float:
    return 0.8 if _layout(dump.lines).found else 0.0


def parse(dump: Dump, tz: str) -> ParseResult:
    return _parsed(dump, tz, _layout(dump.lines))


def _parsed(dump: Dump, tz: str, layout: Layout, today: datetime | None = None) -> ParseResult:
    """The stories `layout` finds; `today`: the day a day without its year is no later than (the build's)."""
    lines, labels = dump.lines, layout.labels
    if layout.found is None:
        return ParseResult([], [Drop((i + 1,), CHROME, squash(t)) for i, t in enumerate(lines) if t.strip()])
    spans, marks, closes = layout.found
    spans, closers = _closed(lines, _below_page_header(lines, spans, labels))
    inside = {i for a, b in spans for i in range(a, b)}
    drops = [Drop((i + 1,), METADATA if i in marks else CHROME, squash(t))
             for i, t in enumerate(lines) if t.strip() and i not in inside]
    script = dominant_script(dump.text)
    furniture = (set().union(*(marks for marks, _ in layout.kinds)) | labels | _head_labels(lines, spans)
                 | _held(lines, spans) | closers)
    articles, author = [], _author(lines, spans, labels)
    days = day_lines(lines, tz, language_of(dump.text), today or now(tz))
    for n, (a, b) in enumerate(spans):
        # where the next story starts: at its author's line, if it has one (its counts may stand above it)
        until = len(lines) if n + 1 == len(spans) else next((i for i in range(*spans[n + 1]) if i in labels),
                                                            spans[n + 1][0])
        start = _past_advert(lines, a, b, labels)
        drops += [Drop((i + 1,), BOILERPLATE, squash(lines[i])) for i in range(a, start) if lines[i].strip()]
        if start == b:
            continue
        card = _card_title(lines, start, until)  # (below a closer: "From example.com" may be one)
        a, end = start, _above_reactions(lines, start, b, labels)
        url = next((found for i in range(a, end) if (found := address(lines[i]))), None)
        end = _above_card(lines, a, end)
        drops += [Drop((i + 1,), CHROME, squash(lines[i])) for i in range(end, b) if lines[i].strip()]
        b = end
        body, edges = _trim([(i + 1, lines[i]) for i in range(a, b)], furniture, script)
        body, named, site = _without_site_name(body, url)
        title, body, heading = _headline_of(body)
        title = title or card
        drops += edges + named + heading
        if title is None and not prose_words([text for _, text in body]):
            # a post without a headline or a sentence: an account's chatter ("send earplugs"), not a story
            drops += [Drop((k,), CHROME, squash(text)) for k, text in body if text.strip()]
            continue
        # (a time in the story's own head, "12 de marzo a las 9:14", is its; a closing run may reach the next
        # story's head; a day line at its head, "5 марта", is the day of the time that closes it)
        head = _head_date(lines, a, b, tz, days, labels)
        when = head if head and (head.hour, head.minute) != (0, 0) else (
            _closing_date(lines, b, until, tz, days) if closes else _stated(lines, a - 1, tz, days)) or head or (
            _tail_date(lines, a, b, tz, days))
        # a pasted story's dateline under its headline ("By A. Writer | Nov 17, 2026 7:02 PM ET"): its own date
        first = next((k for k, (_, text) in enumerate(body) if text.strip()), None)
        stated = dateline_date(squash(body[first][1]), tz) if first is not None and title else None
        if stated is not None and (when is None or stated <= when):
            drops.append(Drop((body[first][0],), METADATA, squash(body[first][1])))
            body, when = body[:first] + body[first + 1:], stated
        articles.append(Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, date=when,
                                date_source="dump" if when else None, format=NAME, source_name=author or site,
                                url=url))
    articles, chatter = _without_chatter(articles)
    drops += chatter
    return ParseResult(articles, drops, guess=f"{len(articles)} stories between separators")


CHATTER_WORDS = 40  # a post without a headline this short, among headed stories, is the account's chatter


def _without_chatter(articles: list[Article]) -> tuple[list[Article], list[Drop]]:
    """Where two or more posts open with their headline (a news account's stories), a short post without one
    is the account's chatter ("Programming note: ...", a boosted joke), not a story."""
    if sum(1 for a in articles if a.title) < 2:
        return articles, []
    short = [not a.title and word_count(a.body_text()) < CHATTER_WORDS for a in articles]
    drops = [Drop(b.lines, CHROME, b.text) for a, chatter in zip(articles, short) if chatter for b in a.blocks]
    return [a for a, chatter in zip(articles, short) if not chatter], drops


# a link's card under a post: its site's address ("From example.com") over the linked page's title
_CARD_SITE = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\s*$")


def _card_title(lines: list[str], start: int, end: int) -> str | None:
    """The title of the page a post links, shown in its card under its text: the story's headline."""
    filled = [i for i in range(start, end) if lines[i].strip()]
    for k, i in enumerate(filled[1:-1], 1):
        title = squash(lines[filled[k + 1]])
        if _CARD_SITE.match(lines[i]) and _prose(lines[filled[k - 1]]) and looks_like_title(title):
            return title
    return None


def _without_site_name(body: list[tuple[int, str]], url: str | None) -> tuple[list[tuple[int, str]], list[Drop], str | None]:
    """A link's preview under a post opens with the linked site's name ("Financial Tribune" for
    financialtribune.com) over the page's headline: the name is the story's source, not its headline."""
    filled = [k for k, (_, text) in enumerate(body) if text.strip() and not address(text)]
    if url is None or len(filled) < 2 or not site_name(squash(body[filled[0]][1]), url):
        return body, [], None
    (line, text), name = body[filled[0]], squash(body[filled[0]][1])
    return body[:filled[0]] + body[filled[0] + 1:], [Drop((line,), METADATA, name)], name


def _above_card(lines: list[str], start: int, end: int) -> int:
    """Where a post's text ends above the card of the page it links: the address ("🔗 https://..."), the
    site's name ("example.com") over the page's title; the address is the story's, the card repeats it."""
    filled = [i for i in range(start, end) if lines[i].strip()]
    for k, i in enumerate(filled[1:-1], 1):
        if _CARD_SITE.match(lines[i]) and looks_like_title(squash(lines[filled[k + 1]])):
            return filled[k - 1] if address(lines[filled[k - 1]]) else i
    return end


def _headline_of(body: list[tuple[int, str]]) -> tuple[str | None, list[tuple[int, str]], list[Drop]]:
    """A story's title, its body without it, and the title's drop: its first line when that reads as a headline,
    or the "【Headline】" glued to its text (the way Chinese and Japanese posts head themselves)."""
    nonblank = [ln for ln in body if ln[1].strip()]
    # (the sender's note over a story they paste, "for the chip folks 👇", is theirs)
    noted = len(nonblank) > 2 and _note(nonblank[0][1]) and _titled(nonblank[1:])
    kicker = [Drop((nonblank[0][0],), CHROME, squash(nonblank[0][1]))] if noted or _kicker(nonblank) else []
    nonblank = nonblank[len(kicker):]
    if _titled(nonblank, kicked=bool(kicker) and not noted):
        title = squash(nonblank[0][1])
        numbered = NUMBERED.match(title)  # a digest's "2. Headline": the item's number is no part of it
        title = numbered["text"] if numbered else title
        return title, [ln for ln in body if ln[0] > nonblank[0][0]], kicker + [Drop((nonblank[0][0],), METADATA, title)]
    bracketed = _BRACKETED.match(nonblank[0][1].strip()) if nonblank else None
    if not bracketed:
        return None, body, []
    title = bracketed["title"].strip()
    return title, [(k, bracketed["rest"] if k == nonblank[0][0] else t) for k, t in body], [
        Drop((nonblank[0][0],), METADATA, title, partial=True)]


def _above_reactions(lines: list[str], start: int, end: int, labels: set[int]) -> int:
    """Where a post's text ends: above its reactions and the comments under them (a line heading every post's
    reactions, "All reactions:", "Like", or their first count, with counts and a button every post has right
    under it), or above a sponsor's card closing it ("Sponsored" over one sentence of pitch and a button)."""
    prose = [i for i in range(start, end) if _prose(lines[i])]
    if not prose:
        return end
    card = next((k for k in range(prose[0] + 1, end) if advert_label(lines[k])
                 and sum(1 for i in prose if i > k) <= 1), end)

    def reactions(k: int) -> bool:  # counts and a recurring button from line k on ("Like 12", "Share")
        near = range(k, min(len(lines), k + NEAR + 1))
        return sum(bool(_COUNT.match(lines[j])) for j in near) >= 2 and any(j in labels for j in near)

    counted = next((k for k in range(prose[0] + 1, card) if (k in labels or _COUNT.match(lines[k])) and reactions(k)),
                   card)
    # (or a chat's: emoji and counts on lines of their own under its text, "🔥" over "14", with less than a
    # message's prose below them: a reply's quote of the next message)
    filled = [k for k in range(prose[0] + 1, counted) if lines[k].strip()]
    return next((k for k, after in zip(filled, filled[1:]) if not _worded(lines[k]) and not _worded(lines[after])
                 and prose_words(lines[k:counted]) < MIN_MESSAGE_PROSE), counted)


def _worded(line: str) -> bool:
    return bool(re.search(r"[^\W\d_]", line))


_ADDRESS_IN = re.compile(r"(?:https?://|www\.)\S+|<[^<>\s]+>", re.I)
CLOSER_WORDS = 4


def _closer_key(line: str) -> str:
    """A closing line as every story's is alike: without its address, and any number as one ("Go deeper (2 min.
    read)" closes an item as "Go deeper (1 min. read)" does)."""
    return re.sub(r"\d+", "0", fold(_ADDRESS_IN.sub(" ", line)))


def _closed(lines: list[str], spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], set[int]]:
    """Each story ends at its closer: the line with an address that every story holds once, labelled alike
    ("Leia mais: <address>"), or the line all stories but one end with ("Read more →"). Below it stand a
    sponsor's line between two items, or the digest's sign-off ("That's all for today ...") and its footer
    under the last. Returns the spans and their closers' lines (buttons, the stories' furniture)."""
    if len(spans) < 2:
        return spans, set()
    held = [Counter(_closer_key(lines[i]) for i in range(a, b) if _ADDRESS_IN.search(lines[i])) for a, b in spans]
    once = [key for key, n in held[0].items() if n == 1 and all(keys[key] == 1 for keys in held[1:])]
    ends = [next((i for i in range(b - 1, a - 1, -1) if lines[i].strip()), None) for a, b in spans]
    endings = Counter(_closer_key(lines[i]) for i in ends if i is not None).most_common(1)
    key = next((k for k in once if 0 < letter_words(k) <= CLOSER_WORDS), None)
    if key is None and len(spans) >= 3 and endings and endings[0][1] >= len(spans) - 1:
        key = endings[0][0]
    key = key if key is not None or len(spans) < 3 else _button_under_prose(lines, spans)
    if key is None or not 0 < letter_words(key) <= CLOSER_WORDS:
        return spans, set()
    closers = [next((i for i in range(b - 1, a - 1, -1) if _closer_key(lines[i]) == key), None) for a, b in spans]
    return ([(a, b if closer is None else closer + 1) for (a, b), closer in zip(spans, closers)],
            {closer for closer in closers if closer is not None})


def _button_under_prose(lines: list[str], spans: list[tuple[int, int]]) -> str | None:
    """The closer of stories that each end with the same buttons ("Share", "Save"), though a sponsor's line
    or the page's footer may follow some: the lowest short line every story holds once, below its prose."""
    below = []
    for a, b in spans:
        first = next((i for i in range(a, b) if _prose(lines[i])), b)
        below.append(Counter(_closer_key(lines[i]) for i in range(first + 1, b)
                             if lines[i].strip() and letter_words(lines[i]) <= CLOSER_WORDS))
    once = [k for k, n in below[0].items() if n == 1 and all(keys[k] == 1 for keys in below[1:])]
    last = {_closer_key(lines[i]): i for i in range(*spans[0])}
    return max(once, key=lambda k: last[k], default=None)


def _past_advert(lines: list[str], start: int, end: int, labels: set[int]) -> int:
    """Where a story starts past a paid message labelled so at its head ("#реклама", "📢 AD | ...",
    "Sponsored" over a teaser): at the first headline over text below the label, else at its end (all of
    it is the advertisement). A label under a pitch of a line or two, where the others' ages stand
    ("Sponsored" closing a paid item of a news list), closes the paid item: the story starts below it when a
    headline over text stands there."""
    text = next((i for i in range(start, end) if _prose(lines[i]) and not advert_label(lines[i])), end)
    # (the counts closing the story above may open the span)
    head = [i for i in range(start, end) if lines[i].strip() and i not in labels and not _COUNT.match(lines[i])][:3]
    label = next((i for i in head if advert_label(lines[i])), None)
    if label is None:
        return start
    rest = [(i, lines[i]) for i in range(label + 1, end) if lines[i].strip() and i not in labels]
    under_pitch = label > text
    found = next((i for k, (i, _) in enumerate(rest) if (k or under_pitch) and _titled(rest[k:])), None)
    return found if found is not None else start if under_pitch else end


def _below_page_header(lines: list[str], spans: list[tuple[int, int]], labels: set[int]) -> list[tuple[int, int]]:
    """The stories, the first starting at the line that heads the others (its channel's or author's name)
    when that line stands in it with a sentence's worth of words below: above it stand the page's header,
    a channel's bio and counts over its first post."""
    # (a story's head may open with the time that closed the message above it, not a story itself: an ad)
    firsts = [fold(squash(lines[i])) for a, b in spans[1:]
              if (i := next((i for i, _ in _nonblank(lines, a, NEAR) if i < b and i in labels), None)) is not None]
    if not firsts:
        return spans
    head, times = Counter(firsts).most_common(1)[0]
    a, b = spans[0]
    heads = [i for i in range(a, b) if fold(squash(lines[i])) == head
             and any(word_count(lines[j]) >= MIN_SENTENCE_WORDS for j in range(i + 1, b))]
    if 2 * times < len(spans) - 1 or not heads:
        return spans
    first = max(heads)
    # (with the rest of the post's head above it: the day's date over the channel's name)
    while first > a and (first - 1 in labels or not lines[first - 1].strip() or _when(lines[first - 1])):
        first -= 1
    return [(first, b)] + spans[1:]


def _author(lines: list[str], spans: list[tuple[int, int]], labels: set[int]) -> str | None:
    """The name over every post (a profile's or a channel's), if one stands in each post's head (_head) and
    in the page's header above them: the first such line of the first post ("Dana Whitfield" over
    "@dwhitfield")."""
    heads = [[squash(lines[i]) for i in _head(lines, a, b, labels)] for a, b in spans]
    common = set.intersection(*(set(map(fold, head)) for head in heads)) if len(heads) >= 2 else set()
    # the profile's or channel's own name heads the page too ("Follow" over each post does not)
    common &= {fold(squash(line)) for line in lines[: spans[0][0]] if line.strip()} if spans else set()
    name = next((text for text in heads[0] if fold(text) in common and re.search(r"[^\W\d_]", text)
                 and not _TIME.search(text)), None) if heads else None
    return publisher(name)


KICKER_WORDS = 5
LONG_HEADLINE_WORDS = 20


def _kicker(nonblank: list[tuple[int, str]]) -> bool:
    """Whether a story opens with a kicker over its headline: the section it is filed under, one word or a
    few in capitals ("CHIPS", "STORY 1 OF 3"), or the name of its source."""
    first = squash(nonblank[0][1]) if nonblank else ""
    letters = [c for c in first if c.isalpha()]
    label = word_count(first) == 1 or (word_count(first) <= KICKER_WORDS and letters and all(c.isupper() for c in letters))
    # (or its source's name, a few words over a headline twice as long: "El Observador Económico")
    second = squash(nonblank[1][1]) if len(nonblank) > 1 else ""
    label = label or (word_count(first) <= MAX_LABEL_WORDS and word_count(second) >= 2 * word_count(first) + 2)
    # (an advertisement's label over its pitch, "SPONSORED", is no kicker)
    return bool(label) and not ends_sentence(first) and not advert_label(first) and _titled(nonblank[1:], kicked=True)


BYLINE_WORDS = 6  # a byline or a dateline between a story's headline and its first paragraph


def _titled(nonblank: list[tuple[int, str]], kicked: bool = False) -> bool:
    """Whether a story opens with its headline (under a kicker, unless `kicked`): a title-like line over
    prose, or over a short line (its date or time, "2 hours ago") over prose."""
    if not kicked and _kicker(nonblank):
        return True
    # (a messenger's bold headline, "*Rates on hold*"; a picture's caption under the headline is no line of it)
    texts = [t for t in (unmarked(squash(t)) for _, t in nonblank[:5]) if not is_caption(t)][:4]
    # a date or a time ("2d •", "Edited •", "3 dni temu"), not a headline: a headline has two words
    if texts and (_when(texts[0]) or _LEADING_DATE.match(texts[0]) or _AGE.match(texts[0])
                  or word_count(re.sub(r"[^\w\s]|\b\w*\d\w*\b", " ", texts[0])) < 2
                  or (re.search(r"\d", texts[0]) and word_count(texts[0]) <= 3)):
        return False
    # (a headline under a kicker or behind its emoji may be long: "📈 Soitec s'envole de 14 % après un ...")
    longest = LONG_HEADLINE_WORDS if kicked or (texts and strip_pictographs(texts[0]) != texts[0]) else 15
    if len(texts) >= 2 and is_heading(texts[0], texts[1], longest):
        return True
    if (len(texts) >= 3 and word_count(texts[1]) <= 4 and not ends_sentence(texts[1])
            and is_heading(texts[0], texts[2], longest)):
        return True  # over its source's name ("Grid Insider")
    # (or over its dateline, its byline above it or not: "Dana Roe, Ports Correspondent" over "March 3, 2026
    # 9:48 pm GMT")
    below = next((k for k in range(1, len(texts)) if word_count(texts[k]) > BYLINE_WORDS or ends_sentence(texts[k])), None)
    return (below is not None and below > 1 and any(dateline_date(texts[k], "UTC") for k in range(1, below))
            and is_heading(texts[0], texts[below], longest))


def _held(lines: list[str], spans: list[tuple[int, int]]) -> set[int]:
    """The lines that several stories hold word for word (their author's tagline): furniture, not a headline."""
    held = Counter(text for a, b in spans for text in {fold(squash(t)) for t in lines[a:b] if t.strip()})
    return {i for a, b in spans for i in range(a, b) if lines[i].strip() and held[fold(squash(lines[i]))] >= 2}


def _head_labels(lines: list[str], spans: list[tuple[int, int]]) -> set[int]:
    """A short line at the head of a story that opens with the same two words as another story's head line
    ("Forwarded from ...", "Posted by ..."): the list's label, not a headline."""
    heads = {}
    for a, b in spans:
        i = next((i for i in range(a, b) if lines[i].strip()), None)
        if i is not None and word_count(lines[i]) <= MAX_SEPARATOR_WORDS and not ends_sentence(squash(lines[i])):
            heads[i] = tuple(fold(squash(lines[i])).split()[:2])
    return {i for i, words in heads.items() if len(words) == 2 and list(heads.values()).count(words) >= 2}


# A forwarded message's label in a messenger's UI ("Forwarded from Desk", "Переслано из ..."), even on one message
_FORWARDED = re.compile(r"^(?:forwarded from|переслано (?:из|от)|переслано від|weitergeleitet von|reenviado de|"
                        r"encaminhad[oa] de|transféré de|inoltrato da|przekazano od|doorgestuurd van)\b", re.I)


def _trim(body: list[tuple[int, str]], furniture: set[int], script: str | None):
    """Take UI lines off a story's edges: at its head, short labels (a channel's name, its subscribers), lines
    in another script, other separators' lines and a line stating when; at its tail, the page's footer
    (blocks.strip_footer)."""
    drops = []
    while body and (not body[0][1].strip() or body[0][0] - 1 in furniture or foreign_share(body[0][1], script) > 0.5
                    or (word_count(body[0][1]) <= MAX_LABEL_WORDS and not _titled([ln for ln in body if ln[1].strip()]))
                    or _when(body[0][1]) or _LEADING_DATE.match(body[0][1]) or _AGE.match(squash(body[0][1]))
                    or _FORWARDED.match(squash(body[0][1]))
                    or _COUNT.match(body[0][1])):
        if body[0][1].strip():
            drops.append(Drop((body[0][0],), CHROME, squash(body[0][1])))
        body = body[1:]
    # a head standing right above the prose (a source's name and a headline) under lines set apart by a blank
    # one is the story's; those are the page's (its section's label over the first item)
    first = next((k for k, (_, text) in enumerate(body) if _prose(text)), 0)
    top = first
    while top > 0 and body[top - 1][1].strip():
        top -= 1
    if 0 < top < first:
        drops += [Drop((n,), CHROME, squash(text)) for n, text in body[:top] if text.strip()]
        body = body[top:]
    # at its tail, the buttons every story has ("Share", "Save"), and its source and age ("Le Monde · il y a
    # 2 h") with what follows it short of a sentence (reactions, the next post's author)
    stamp = next((k for k in range(len(body) - 1, -1, -1) if _stamp_row(body[k][1])), None)
    if stamp is not None and not any(_prose(text) for _, text in body[stamp + 1:]):
        drops += [Drop((n,), CHROME, squash(text)) for n, text in body[stamp:] if text.strip()]
        body = body[:stamp]
    while body and (not body[-1][1].strip() or body[-1][0] - 1 in furniture or _stamp_row(body[-1][1])):
        if body[-1][1].strip():
            drops.append(Drop((body[-1][0],), CHROME, squash(body[-1][1])))
        body = body[:-1]
    body, footer = strip_footer(body, script)
    return body, drops + footer


def _stamp_row(line: str) -> bool:
    """A row of a source and when, closing an item of a list: "CryptoActu.fr · il y a 1 h", "Reuters | 09:41",
    a link card's "CoinWire • Mar 16, 2026"."""
    parts = byline_parts(squash(line))
    return (len(parts) >= 2 and word_count(line) <= DATELINE_WORDS and not ends_sentence(squash(line))
            and (_when(parts[-1]) or is_age(parts[-1]) or parse_date_line(parts[-1]) is not None))


def _when(line: str) -> bool:
    """A short line stating when (a post's "3 мар в 12:05", "Posted Mar 3"), not a sentence and not a headline
    with a date in it ("Post-mortem: Nov 21 oracle incident")."""
    rest = [w for w in re.findall(r"[^\W\d_]+", _TIME.sub(" ", line)) if len(w) > 2]
    return (word_count(line) <= MAX_SEPARATOR_WORDS and bool(_TIME.search(line)) and len(rest) <= 2
            and not ends_sentence(squash(line)))


def stories_of(lines: list[str], sent: datetime | None = None) -> tuple[list[TextStory], list[str]]:
    """The stories of text whose stories stand between separators ([] when it has no such stories), and the
    lines left out around and between them other than the titles and the separators (a digest's header and
    footer). For text inside another format (an e-mail's body, `sent` on that day: a day an item states
    without its year, "Tuesday, Nov 10", is no later)."""
    dump = Dump("", "\n".join(lines))
    layout = _layout(dump.lines)  # (the dump's lines: a last empty line is no line of its own)
    result = _parsed(dump, "UTC", layout, today=sent)
    if not layout.found or not result.articles:
        return [], []
    marks = layout.found[1]
    titles = {a.title for a in result.articles}
    left = [d.text for d in result.drops if d.text not in titles and d.lines[0] - 1 not in marks]
    return [TextStory(a.title, a.blocks, a.url, a.date) for a in result.articles], left


class TextStory(NamedTuple):
    """A story found in text inside another format: its title, text, address and date, where it states them."""

    title: str | None
    blocks: tuple[Block, ...]
    url: str | None
    date: datetime | None


def _stated(lines: list[str], i: int, tz: str, days: dict[int, datetime]):
    """The date a separator line states (a channel message's date and time), if it states one."""
    if not 0 <= i < len(lines):
        return None
    when = (parse_date_line(lines[i], tz) or days.get(i) or _day_and_time(lines, i, days) or _digits_date(lines[i], tz)
            or _aged(lines, i, days))
    if when:
        return when
    found = dates_in_text(lines[i])
    return localize(found[0], tz) if found else None


def _aged(lines: list[str], i: int, days: dict[int, datetime]):
    """The day an item's age ("hace 2 horas") counts back to from the page's day above it ("martes, 10 de
    noviembre"): from that day's end, to a day, as the page states its day alone."""
    above = [j for j in days if j < i]
    if not above or _words(lines[i]) > MAX_LABEL_WORDS + 1:
        return None
    day = days[max(above)]
    when = age_date(squash(lines[i]), day.replace(hour=23, minute=59))
    return when.replace(hour=0, minute=0) if when else None


def _tail_date(lines: list[str], a: int, b: int, tz: str, days: dict[int, datetime]):
    """The date the short lines at a story's tail state, above what closes it ("Source", "2시간 전" over its
    comments' count)."""
    for k in range(b - 1, a, -1):
        if lines[k].strip() and word_count(lines[k]) > MAX_SEPARATOR_WORDS:
            return None
        if lines[k].strip() and (when := _stated(lines, k, tz, days)):
            return when
    return None


def _closing_date(lines: list[str], i: int, until: int, tz: str, days: dict[int, datetime]):
    """The date the short lines closing a story from line `i` on (up to the next story's start) state, on
    any of them ("👍 842", "24,1K", "09:12")."""
    for k in range(i, until):
        if k > i and not (lines[k].strip() and word_count(lines[k]) <= MAX_SEPARATOR_WORDS):
            return None
        if when := _stated(lines, k, tz, days):
            return when
    return None


# A line that opens with a date written year first and its time ("2026-3-5 08:41 via iPhone")
_LEADING_DATE = re.compile(r"^\s*(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}(?:[ T]+(?:[01]?\d|2[0-3]):[0-5]\d)?(?![\d/])")
# A headline in lenticular brackets glued to the post's text
_BRACKETED = re.compile(r"^【(?P<title>[^【】]{4,80})】\s*(?P<rest>\S.*)$")


# a date in digits and its time after a user's name ("kestrel.eth — 03/24/2026 9:12 AM")
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d(?:,?\s+(?:[01]?\d|2[0-3]):[0-5]\d"
                           r"(?:\s*[AaPp]\.?[Mm]\.?)?)?(?![\d/.-])")


def _digits_date(line: str, tz: str):
    """A date in digits: year first at the line's start ("2026-3-5 08:41 via iPhone"), or day and month
    anywhere ("kestrel.eth — 03/24/2026 9:12 AM")."""
    m = _LEADING_DATE.match(line) or _NUMERIC_DATE.search(line)
    return parse_date(m.group().strip(), tz) if m else None


def _head_date(lines: list[str], start: int, end: int, tz: str, days: dict[int, datetime], labels: set[int]):
    """The date a line of the story's head states (a post closed by its counts has its time or its day at its
    top: "@name · 5 de mar"), below its author's line when it has one (above that line stand the previous
    story's counts)."""
    head = [i for i in range(start, end) if lines[i].strip()]
    head = head[next((k for k, i in enumerate(head[:HEAD_LINES]) if i in labels), 0):][:HEAD_LINES]
    return next((when for i in head if (i in days or _when(lines[i]) or _LEADING_DATE.match(lines[i]))
                 and (when := _stated(lines, i, tz, days))), None)


# a clock time: "14:35", or "14.35" alone on its line (a messenger's time in many languages)
_CLOCK = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b|^\s*([01]?\d|2[0-3])\.([0-5]\d)\s*$")


def _day_and_time(lines: list[str], i: int, days: dict[int, datetime]):
    """A separator stating only a time ("1.2K views 14:35") on the day the nearest date line above states
    (a channel's "5 March 2025" or "5 марта" over that day's messages; `days`: dates.day_lines)."""
    clock = _CLOCK.search(lines[i])
    above = max((j for j in days if j < i), default=None)
    if not clock or above is None:
        return None
    hour, minute = (int(clock[1]), clock[2]) if clock[1] else (int(clock[3]), clock[4])
    half = _HALF_DAY.match(lines[i][clock.end():])  # "Yesterday at 11:02 PM"
    if half and hour <= 12:
        hour = hour % 12 + (12 if half[1].lower() == "p" else 0)
    return days[above].replace(hour=hour, minute=int(minute))


_HALF_DAY = re.compile(r"\s*([ap])\.?\s?m\b\.?", re.I)
