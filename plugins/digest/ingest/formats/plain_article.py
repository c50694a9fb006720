"""One article as plain prose, one paragraph per line, maybe with subheading lines, maybe behind a header
(headline, byline, date), maybe with no title and no date at all (the pipeline derives a title and infers
a date)."""
from __future__ import annotations

from ..blocks import blocks_from_lines, is_heading, strip_footer
from ..dates import earliest_date
from ..model import METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, ends_sentence, fold, looks_like_title, squash, word_count

NAME = "plain-article"
HEADER_LINES = 3  # a byline, a date, a reading time between a headline and the story


def _prose_lines(dump: Dump) -> list[str]:
    return [squash(ln) for ln in dump.lines if ln.strip()]


def sniff(dump: Dump) -> float:
    lines = _prose_lines(dump)
    if len(lines) < 3:
        return 0.0
    prose = sum(1 for ln in lines if ends_sentence(ln) and word_count(ln) >= 12)
    repeated = len(lines) - len({fold(ln) for ln in lines})
    return 0.5 if prose >= 0.6 * len(lines) and repeated == 0 else 0.0


def split_header(body: list[tuple[int, str]], tz: str):
    """Take the story's header off its body: a headline, then up to HEADER_LINES short lines that are not
    prose (a byline, a date), then the first paragraph. Returns the title, the earliest date the header
    states, the body without it, and the header's lines as metadata."""
    nonblank = [ln for ln in body if ln[1].strip()]
    for k in range(1, min(len(nonblank), HEADER_LINES + 2)):
        first = squash(nonblank[k][1])
        if word_count(first) >= 8 or ends_sentence(first):
            break
    else:
        return None, None, body, []
    between = [squash(t) for _, t in nonblank[1:k]]
    if not is_heading(squash(nonblank[0][1]), first) or any(looks_like_title(t, max_words=40) and
                                                             word_count(t) > 6 for t in between):
        return None, None, body, []
    header = nonblank[:k]
    date, _ = earliest_date(between, tz)
    last = header[-1][0]
    drops = [Drop((number,), METADATA, squash(text)) for number, text in header]
    return squash(header[0][1]), date, [ln for ln in body if ln[0] > last], drops


def parse(dump: Dump, tz: str) -> ParseResult:
    body, drops = strip_footer(list(enumerate(dump.lines, 1)), dominant_script(dump.text))
    title, date, body, header = split_header(body, tz)
    article = Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, date=date,
                      date_source="dump" if date else None, format=NAME)
    return ParseResult([article], drops + header)
