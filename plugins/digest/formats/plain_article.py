"""One article as plain prose, one paragraph per line, maybe with subheading lines, maybe with no title
and no date at all (the pipeline derives a title and infers a date)."""
from __future__ import annotations

from ..blocks import blocks_from_lines, is_heading, strip_footer
from ..model import METADATA, Article, Drop, Dump, ParseResult
from ..text import dominant_script, ends_sentence, fold, squash, word_count

NAME = "plain-article"


def _prose_lines(dump: Dump) -> list[str]:
    return [squash(ln) for ln in dump.lines if ln.strip()]


def sniff(dump: Dump) -> float:
    lines = _prose_lines(dump)
    if len(lines) < 3:
        return 0.0
    prose = sum(1 for ln in lines if ends_sentence(ln) and word_count(ln) >= 12)
    repeated = len(lines) - len({fold(ln) for ln in lines})
    return 0.5 if prose >= 0.6 * len(lines) and repeated == 0 else 0.0


def split_title(body: list[tuple[int, str]]) -> tuple[str | None, list[tuple[int, str]], list[Drop]]:
    """Take a leading title line off a body when the first line is a headline followed by prose."""
    nonblank = [ln for ln in body if ln[1].strip()]
    if len(nonblank) >= 2 and is_heading(squash(nonblank[0][1]), squash(nonblank[1][1])):
        number, text = nonblank[0]
        return squash(text), [ln for ln in body if ln[0] > number], [Drop((number,), METADATA, squash(text))]
    return None, body, []


def parse(dump: Dump, tz: str) -> ParseResult:
    body, drops = strip_footer(list(enumerate(dump.lines, 1)), dominant_script(dump.text))
    title, body, title_drops = split_title(body)
    article = Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, format=NAME)
    return ParseResult([article], drops + title_drops)
