"""A page as a reader copies it from a browser ("select all, copy"): one article inside the page's furniture
(navigation, bylines, share buttons, related-story lists, newsletter boxes, comments, footers).

The most common dump there is, and the fallback for any text no layout claims. The line model
(lines/model.py) says which lines are the article, and the article is their main run (with any small run
the model is sure of that holds a sentence); the headline is the line just above them or among their
first that the headline model (lines/headline.py) rates best, the date the earliest one stated in that
header (a page's "updated" date comes after its own), the standfirst between the headline and the byline its
deck; preview, held and repeated lines are duplicates, and every other line is accounted for as chrome. One
dump, one post, unless two pages were pasted one under the other (_pasted): then one post each.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..blocks import blocks_from_lines, publisher_name
from ..dates import DATE_START, byline_parts, earliest_date, is_relative_day, parse_date_line, relative_day
from ..language import language_of
from ..lines.headline import headline, is_prose
from ..lines.model import ARTICLE, line_probabilities
from ..model import CAPTION, CHROME, DUPLICATE, METADATA, Article, Drop, Dump, ParseResult
from ..text import (CLOCK_ALONE, LIVE_ENTRIES, advert_label, credit_alone, ends_sentence, fold, link_row,
                    looks_like_title, quote_row, related_label, squash, word_count)
from ..text import dominant_script as script_of
from ..titles import clean_title

NAME = "page-copy"
DATE_ABOVE = 6        # the date stands within this many lines above the headline ...
DATE_BELOW = 8        # ... or among this many lines from the article's start (a byline below the lede)
DATELINE_WORDS = 12   # ... in a line this short
BYLINE_WORDS = 6      # a byline beside the dateline is this short
DATE_LABEL_WORDS = 4  # "Mis à jour le", "Published", before a dateline's date ...
# ... in words only (not "— Name (@handle)")
_DATE_LABEL = re.compile(r"\s*(?:[^\W\d_]+(?:[ '’][^\W\d_]+)*)?\s*:?\s*")
DATE_WORDS = 8        # a date written out in another language, with its time ("9 mars 2026 à 07:00")
RUN_GAP = 8           # lines of furniture that part two runs of article-like lines
RUN_SHARE = 0.1       # a run this much smaller than the largest is not the article ...
RUN_SURE = 0.7        # ... unless the model is this sure of its lines on average and it holds a sentence
MIN_LIST_LINES = 12    # a page of this many lines ...
SENTENCE_WORDS = 4     # ... has a story when it has a sentence this long ...
PARAGRAPH_CHARS = 100  # ... or a line this long, with or without a full stop
MIN_REPEAT_WORDS = 4  # a shorter line may well come back in an article ("Yes.", a repeated label)


def sniff(dump: Dump) -> float:
    return 0.05


def parse(dump: Dump, tz: str, headline_line: int | None = None) -> ParseResult:
    """`headline_line`: the dump's line that is the page's headline, when another source states it (a web
    clipper's front matter); the page is then one page."""
    page = read(dump.lines)
    if not page.kept and len(page.texts) < MIN_LIST_LINES:
        return ParseResult([], [Drop((i + 1,), CHROME, text) for i, text in zip(page.index, page.texts)],
                           guess="no article text")
    at = _pasted(page) if headline_line is None else None
    if at is None:
        return _article(dump, page, tz, headline_line)
    # two pages pasted one under the other: each read alone, the other's lines blank (so numbers stay); the
    # second opens with the headline found over its dateline
    parts = [_part(dump, 0, at), _part(dump, at, len(dump.lines))]
    made = [_article(part, read(part.lines), tz, headline_line=at if n else None) for n, part in enumerate(parts)]
    return ParseResult([a for m in made for a in m.articles], [d for m in made for d in m.drops],
                       guess="two copied pages, one under the other")


PASTED_PROSE = 60    # words of sentences each of two pages pasted into one dump has at least ...
PASTED_SHARE = 0.2   # ... and this share of the other's at least
PASTED_HEAD = 8      # lines above a page's article where its headline and dateline stand
PASTED_BLANKS = 3    # blank lines that part two pasted pages (a page's own parts stand closer)


def _pasted(page: Reading) -> int | None:
    """Where a second page pasted under the first starts (its headline's line in the dump): two runs of
    article lines far apart (main_run), each with a story's prose and under a headline and a dateline of its
    own, the second's headline after a few blank lines; None for one page (its teasers have little prose,
    its sections no dateline, its comments no gap above their author's line)."""
    runs = _runs(page.kept)
    prose = [sum(word_count(page.texts[k]) for k in run if _prose(page.texts[k])) for run in runs]
    for r in range(1, len(runs)):
        before, after = sum(prose[:r]), sum(prose[r:])
        if min(before, after) < max(PASTED_PROSE, PASTED_SHARE * max(before, after)):
            continue
        head = _header_above(page.texts, runs[r][0], runs[r - 1][-1])
        if (head is not None and _header_above(page.texts, runs[0][0], -1) is not None
                and page.index[head] - page.index[head - 1] > PASTED_BLANKS):
            return page.index[head]
    return None


def _header_above(texts: list[str], first: int, floor: int) -> int | None:
    """A headline over a dateline among the PASTED_HEAD lines above position `first` (below `floor`), or
    at its head (the model may take a headline for the article's)."""
    language = language_of(" ".join(texts[first:first + PASTED_HEAD]))
    for k in reversed(range(max(floor + 1, first - PASTED_HEAD), min(first + 2, len(texts)))):
        if (looks_like_title(texts[k]) and not _byline(texts[k])
                and any(_dated(texts[j], language) for j in range(k + 1, min(len(texts), k + 4)))):
            return k
    return None


def _dated(text: str, language: str | None) -> bool:
    """A dateline, or a short line that is no sentence stating a date ("Publié le 9 novembre 2026 à 11h05, mis
    à jour le ...")."""
    return _dateline(text, language) or (not ends_sentence(text) and word_count(text) <= 2 * DATELINE_WORDS
                                         and earliest_date([text], "UTC", language)[0] is not None)


INNER_HEAD = 4  # the article's first lines, where a story pasted whole stands under a note ...
NOTE_WORDS = 30  # ... of this many words at most (more is an article, its comments' header below it)


def _pasted_header(texts: list[str], kept: list[int]) -> int | None:
    """A story pasted whole into a post, with its own headline over its dateline ("Name | Outlet | October
    30, 2026") among the article's first lines: its headline, below the note of the one who pasted it."""
    if len(kept) < 2:
        return None
    language = language_of(" ".join(texts[k] for k in kept[:PASTED_HEAD]))
    for k in range(kept[0] + 1, kept[min(INNER_HEAD, len(kept) - 1)]):
        if (looks_like_title(texts[k]) and not _byline(texts[k]) and k + 2 in kept
                and _dated(texts[k + 1], language) and _prose(texts[k + 2])
                and sum(word_count(texts[j]) for j in kept if j < k) <= NOTE_WORDS):
            return k
    return None


def _part(dump: Dump, start: int, end: int) -> Dump:
    """The dump with its lines outside [start, end) blank."""
    return Dump(dump.name, "\n".join(line if start <= i < end else "" for i, line in enumerate(dump.lines)))


@dataclass(frozen=True)
class Reading:
    """What the line model makes of a page copy: its non-blank lines (their indexes into the dump's lines,
    their squashed texts and the model's rating of each), the article's lines among them (positions into
    `texts`) and which of those repeat the page's other lines."""
    index: list[int]
    texts: list[str]
    probs: list[float]
    kept: list[int]
    repeats: set[int]


def read(lines: list[str]) -> Reading:
    """A page copy's lines as the line model reads them (the ingest and the headline model's training)."""
    rating = line_probabilities(tuple(lines))
    index = sorted(rating)
    probs = [rating[i] for i in index]
    # a page whose article the model doubts still gives its likeliest lines: no dump goes without a post
    bar = min(ARTICLE, max(probs, default=0.0) / 2)
    kept = main_run([k for k, p in enumerate(probs) if p >= bar], [lines[i] for i in index], probs)
    texts = [squash(lines[i]) for i in index]
    running = _running_lines(texts)
    kept = _without_head([k for k in kept if k not in running], texts, index)
    if texts and all(is_prose(t) for t in texts):  # nothing on the page but sentences: no furniture to drop
        kept = list(range(len(texts)))
    return Reading(index, texts, probs, kept, repeated_lines(texts, kept) if kept else set())


RUNNING_TIMES = 3  # a line the page prints this often, its numbers aside, runs on every page
RUNNING_WORDS = 4  # ... when it is this long (a shorter one may be an article's recurring label)
PAGER_WORDS = 15  # a line this short that states a page's number is the pager's ("Pagina 2 din 3 | 1 2 3 | Next »")


# a page's number among its pages: "Page 2 of 4", "Pagina 2 din 3", "Seite 2 von 5", "2 / 4"
_PAGE_NUMBER = re.compile(r"\b(?:page|pagina|página|seite|strona|sayfa|sivu|sida|side|страница|сторінка)\s*\d+\s*"
                          r"(?:of|din|de|di|von|z|из|з|/)\s*\d+\b|^\W*\d+\s*/\s*\d+\W*$", re.I)


def _running_lines(texts: list[str]) -> set[int]:
    """A document copied page by page (a PDF's text, an article paginated on the web: two page numbers or
    more, "Page 2 of 4") repeats its running head and foot on every page, numbers aside: no line of its
    article. (Elsewhere a line that recurs is a list's or a plan's own: "Eat every 2-3 hours".)"""
    if sum(bool(_PAGE_NUMBER.search(t)) for t in texts) < 2:
        return set()
    masked = [re.sub(r"\d+", "0", fold(t)) for t in texts]
    counts = Counter(m for m, t in zip(masked, texts) if word_count(t) >= RUNNING_WORDS)
    # (and the pages' numbers and links themselves: "Pagina 2 din 3 « Anterioara | 1 2 3 | Următoarea »")
    return {k for k, m in enumerate(masked) if counts[m] >= RUNNING_TIMES
            or (_PAGE_NUMBER.search(texts[k]) and word_count(texts[k]) <= PAGER_WORDS)}


def main_run(kept: list[int], texts: list[str], probs: list[float] | None = None) -> list[int]:
    """The article is one run of lines: a run of article-like lines more than RUN_GAP lines away from the
    others and under RUN_SHARE of the largest run's words (a comment or a teaser below the article, a
    blurb in a sidebar) is the page's, unless the model is sure of it and it holds a sentence (_sure_prose).
    `probs`: the line model's probability of each of `texts`."""
    if not kept:
        return kept
    runs = _runs(kept)
    size = [sum(word_count(texts[k]) for k in run) for run in runs]
    big = max(size)
    return [k for run, words in zip(runs, size) if words >= RUN_SHARE * big or _sure_prose(run, texts, probs)
            for k in run]


BOX_LINES = 6  # a box beside the article (key points under their label) is a block this short ...
BOX_LABEL_WORDS = 3  # ... under a label this short, over two points or more


def _without_head(kept: list[int], texts: list[str], index: list[int]) -> list[int]:
    """The article starts at its headline or its prose: a ticker's quotes ("BTC/USD 87.450 ▼ %1,14") and a
    breadcrumb the model kept over them are the page's, and so are the points of a short block above the
    prose under a label the model left out, lines that are no sentences (a "Summary" box). The headline is
    looked for above what stays."""
    first = next((n for n, k in enumerate(kept) if is_prose(texts[k])), 0)
    cut = 0
    while cut < first and (quote_row(texts[kept[cut]]) or link_row(texts[kept[cut]])):
        cut += 1
    boxed = set()
    for k in kept[cut:first]:
        start, end = _block(index, k)
        points = [j for j in kept if start < j <= end]
        if (end < kept[first] and start not in kept and 2 <= len(points) and end - start < BOX_LINES
                and word_count(texts[start]) <= BOX_LABEL_WORDS
                and not any(ends_sentence(texts[j]) for j in range(start, end + 1))):
            boxed.add(k)
    return [k for k in kept[cut:] if k not in boxed and k not in _points_under_label(kept[cut:], texts, index)]


BOX_POINT_WORDS = 25  # a point that is a sentence is still shorter than a paragraph
BOX_POINTS = 5
_BOX_LABEL = re.compile(r"^\W{0,2}[^\W\d_][^:：.!?]{0,40}[:：]$")  # "What to know:", "Das Wichtigste in Kürze:"


def _points_under_label(kept: list[int], texts: list[str], index: list[int]) -> set[int]:
    """Points, sentences or not, above the story's paragraphs under a box's label the model left out ("What
    to know:" over "SOL rose 16% in seven days."), in a block of their own with prose below it: the story's
    summary, not its opening."""
    for k in kept:
        if word_count(texts[k]) > BOX_POINT_WORDS:  # the story's paragraphs have begun
            return set()
        start, end = _block(index, k)
        points = range(start + 1, end + 1)
        if (start not in kept and _BOX_LABEL.match(texts[start]) and word_count(texts[start]) <= BOX_LABEL_WORDS + 2
                and 2 <= len(points) <= BOX_POINTS and all(word_count(texts[j]) <= BOX_POINT_WORDS for j in points)
                and any(j > end and is_prose(texts[j]) for j in kept)):
            return set(points)
    return set()


def _block(index: list[int], k: int) -> tuple[int, int]:
    """The first and last of the lines around line k with no blank line between them."""
    start, end = k, k
    while start > 0 and index[start - 1] == index[start] - 1:
        start -= 1
    while end + 1 < len(index) and index[end + 1] == index[end] + 1:
        end += 1
    return start, end


def _runs(kept: list[int]) -> list[list[int]]:
    """The article-like lines in runs, a run ending where more than RUN_GAP lines part it from the next."""
    runs: list[list[int]] = []
    for k in kept:
        if runs and k - runs[-1][-1] <= RUN_GAP:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _sure_prose(run: list[int], texts: list[str], probs: list[float] | None) -> bool:
    """A small run the model is sure of (a mean probability of RUN_SURE or more) that holds a sentence is
    the article's too: an opening paragraph above a table of contents, a last one below a gallery."""
    return (probs is not None and sum(probs[k] for k in run) >= RUN_SURE * len(run)
            and any(is_prose(squash(texts[k])) for k in run))


AD_BLOCK_LINES = 5  # an advertisement's block: its label, a pitch, a button, a disclaimer
AD_LINE_WORDS = 25  # ... each line shorter than a paragraph


def _advert_blocks(index: list[int], texts: list[str]) -> set[int]:
    """The lines of each block (lines between blank ones) that opens with a paid message's label ("Anzeige",
    "Advertisement"): its pitch, its button and its legal line ("Kapitalanlagen sind mit Risiken verbunden.")
    are no part of the article, sentences or not. Only a short block that a blank line closes counts (on a
    page copied without blank lines the label's block cannot be told)."""
    found: set[int] = set()
    for k, text in enumerate(texts):
        if not advert_label(text) or (k and index[k - 1] == index[k] - 1):
            continue
        end = k + 1
        while end < len(texts) and index[end] == index[end - 1] + 1 and end - k < AD_BLOCK_LINES:
            end += 1
        closed = end == len(texts) or index[end] > index[end - 1] + 1
        if closed and all(word_count(texts[j]) < AD_LINE_WORDS for j in range(k + 1, end)):
            found.update(range(k, end))
    return found


def _article(dump: Dump, page: Reading, tz: str, headline_line: int | None = None) -> ParseResult:
    """The page's one article; `headline_line`: the dump's line that is its headline, when known."""
    index, texts, repeats = page.index, page.texts, page.repeats
    quoted = _quoted_story(texts, page.kept)
    if quoted is not None:
        return _quoted_article(dump, page, tz, *quoted)
    adverts = _advert_blocks(index, texts)
    kept = [k for k in page.kept if k not in repeats and k not in adverts]
    # a news aggregator's list, a video list: no story to post (a few lines without a sentence are a note,
    # a table is content)
    # (where the model keeps nothing, no line of the page may be a sentence)
    if len(texts) >= MIN_LIST_LINES and not any(_prose(texts[k]) or _table_row(dump.lines[index[k]])
                                                for k in (kept or range(len(texts)))):
        return ParseResult([], [Drop((index[k] + 1,), CHROME, texts[k]) for k in range(len(texts))],
                           guess="a page of headlines and links, without a sentence of a story", storyless=True)
    title_at = (index.index(headline_line) if headline_line in index
                else _above_byline(texts, headline(texts, kept, page.probs, script_of(dump.text))))
    if title_at is None:
        # the article's own first line reads as a headline over its prose: it is one (below a breadcrumb)
        first = next((k for k in kept[:-1] if not link_row(texts[k])), None)
        title_at = first if first is not None and looks_like_title(texts[first]) else None
    # the article starts at its headline: article-like lines above it are the page's (a channel's blurb,
    # a preview between it and the headline); but a headline right below an article line leaves the lines
    # above it in the article (a standfirst above the headline, an opening above a subheading taken for one)
    joined = title_at is not None and title_at in kept and title_at - 1 in kept
    inner = _pasted_header(texts, kept)
    if inner is not None and (title_at is None or inner > title_at):
        title_at, joined = inner, False  # (the lines above it are the one who pasted it: "Paywalled, so ...")
    body = [k for k in kept if title_at is None or k > title_at or (joined and k < title_at)]
    top = min(title_at, body[0]) if title_at is not None and body else body[0] if body else 0
    language = language_of(" ".join(texts[k] for k in body))
    # (the lines as copied: wide gaps part the cells of a byline row, "Updated ...    Published ...")
    date, date_at = _story_date([dump.lines[i].strip() for i in index], body, top, tz, language)
    timed = _time_below(texts, date, date_at)
    date = timed or date
    # a dateline the line model took for the article's, and the byline beside it ("Por Lucía Fernández")
    # (and a second dateline under it, the page's "Updated ...")
    beside = ({k for k in (date_at - 1, date_at + 1) if 0 <= k < len(texts)
               and (_byline(texts[k]) or (k > date_at and _short(texts[k]) and _dateline(texts[k], language))
                    or (k > date_at and timed))}
              if date_at is not None else set())
    listed, live = _listed(texts, body), _live_times(texts, body)
    body = sorted({k for k in body if k != date_at and k not in beside and k not in listed} | live)
    deck = _deck(body, texts, title_at, date_at)
    captions = _captions(texts, [k for k in body if k not in deck])
    body = [k for k in body if k not in deck and k not in captions]
    metadata = {title_at, date_at, *beside, *deck}
    drops = [Drop((index[k] + 1,), METADATA if k in metadata else DUPLICATE if k in repeats
                  else CAPTION if k in captions else CHROME, texts[k])
             for k in range(len(texts)) if k not in body]
    lines = _with_blanks(dump.lines, [index[k] for k in body])
    article = Article(dump=dump.name, blocks=blocks_from_lines(lines), deck=" ".join(texts[k] for k in deck) or None,
                      title=clean_title(texts[title_at]) if title_at is not None else None, date=date,
                      date_source="dump" if date else None, format=NAME,
                      source_name=publisher_name(texts[: body[0]], texts[body[-1] + 1:]) if body else None)
    guess = f"a copied page: {len(body)} of {len(texts)} lines read as its article"
    return ParseResult([article] if article.blocks else [], drops, guess=guess)


_OPENING_QUOTE = "\"“„«‘'"
_CLOSING_QUOTE = "\"”»’'"
QUOTED_HEADLINE_WORDS = 20
QUOTED_LINES = 20  # a story quoted whole closes its quotation within this many lines
QUOTED_SHARE = 0.5  # of the post's prose a story quoted whole holds at least (a take may follow it)


def _quoted_story(texts: list[str], kept: list[int]) -> tuple[int, int] | None:
    """A news story a poster quotes whole in their post (a social network's post: their note, then the story
    in quotation marks, headline first, then their take): the quoted headline's line and the quotation's
    last line, when the quotation holds most of the post's prose."""
    prose = sum(word_count(texts[j]) for j in kept if _prose(texts[j]))
    for n, k in enumerate(kept):
        text = texts[k]
        if (text[:1] not in _OPENING_QUOTE or text[-1:] in _CLOSING_QUOTE
                or not looks_like_title(text[1:], max_words=QUOTED_HEADLINE_WORDS)):
            continue
        end = next((j for j in kept[n + 1:n + 1 + QUOTED_LINES] if texts[j][-1:] in _CLOSING_QUOTE), None)
        inside = [j for j in kept if k < j <= (end if end is not None else -1)]
        if len(inside) >= 2 and sum(word_count(texts[j]) for j in inside) >= QUOTED_SHARE * prose:
            return k, end
    return None


def _quoted_article(dump: Dump, page: Reading, tz: str, title_at: int, end: int) -> ParseResult:
    """The story quoted whole (see _quoted_story), dated by the poster's attribution above it ("From The
    Desk, 19 October 2026:"); the rest of the post is the poster's."""
    index, texts = page.index, page.texts
    body = [k for k in page.kept if title_at < k <= end]
    date, _ = earliest_date([texts[k] for k in range(max(0, title_at - DATE_ABOVE), title_at)], tz,
                            language_of(" ".join(texts[k] for k in body)))
    lines = list(dump.lines)
    lines[index[end]] = lines[index[end]].rstrip().rstrip(_CLOSING_QUOTE)
    drops = [Drop((index[k] + 1,), METADATA if k == title_at else CHROME, texts[k])
             for k in range(len(texts)) if k not in body]
    article = Article(dump=dump.name, blocks=blocks_from_lines(_with_blanks(lines, [index[k] for k in body])),
                      title=clean_title(texts[title_at][1:]), date=date, date_source="dump" if date else None,
                      format=NAME)
    return ParseResult([article], drops, guess="a post quoting a story whole")




def _live_times(texts: list[str], body: list[int]) -> set[int]:
    """A live blog's times over its entries ("18:47" over the update, maybe under its own headline): the
    story's, with those headlines, where three or more stand inside it or right above it, each over an entry
    the model kept."""
    if not body:
        return set()
    inside, found = set(body), set()
    for k in range(max(0, body[0] - 1), body[-1]):
        if not CLOCK_ALONE.match(texts[k]):
            continue
        if k + 1 in inside:
            found.add(k)
        elif k + 2 in inside and looks_like_title(texts[k + 1]):
            found |= {k, k + 1}
    return found if sum(1 for k in found if CLOCK_ALONE.match(texts[k])) >= LIVE_ENTRIES else set()


LISTED_HEADLINES = 4  # a "Read also:" label inside an article stands over this many other headlines at most


def _listed(texts: list[str], body: list[int]) -> set[int]:
    """Other stories' headlines under a "Read also:" label inside the article (the label is the page's, the
    model may keep the headlines): the title-like lines right below it."""
    inside, listed = set(body), set()
    for k in range(body[0] + 1, body[-1]) if body else ():
        if k in inside or not related_label(texts[k]):
            continue
        below = k + 1
        while below in inside and below - k <= LISTED_HEADLINES and looks_like_title(texts[below], max_words=20):
            listed.add(below)
            below += 1
    return listed


CAPTION_WORDS = 35  # a caption over its credit line is this short


def _captions(texts: list[str], body: list[int]) -> set[int]:
    """The lead picture's caption the model took for the article's: a short sentence opening the article right
    above a credit of its own line that is not ("Inés Calvo for The Meridian Review", "(Jane Roe/AFP)").
    (Lower down, the line above a credit may be a paragraph whose picture's caption is gone; a lede right
    above such a credit would go too: none of the 181 and 944 labelled page copies has one.)"""
    first = body[0] if body else None
    if first is None or first + 1 >= len(texts) or first + 1 in body or not credit_alone(texts[first + 1]):
        return set()
    return {first} if word_count(texts[first]) <= CAPTION_WORDS and ends_sentence(texts[first]) else set()


DECK_LINES = 2  # a standfirst's lines ...
DECK_REACH = 6  # ... between a headline and a dateline this near it


def _deck(body: list[int], texts: list[str], title_at: int | None, date_at: int | None) -> list[int]:
    """The article's lines right under its headline and above its byline and dateline, over the story's
    prose: the standfirst a page sets under its headline, the post's summary rather than its opening. (A
    paragraph right above a "By ..., <date>" row is the lede of a page that sets its byline below it; one
    right above a labelled date, "Published: <date>", is a deck.)"""
    if title_at is None or date_at is None or not 0 < date_at - title_at <= DECK_REACH:
        return []
    deck = [k for k in body if title_at < k < date_at]
    below = [k for k in body if k > date_at and _prose(texts[k])]
    # (a date under its label, "Published: ...", is no byline row: a one-line deck may stand right above it)
    labelled = len(deck) == 1 and re.match(r"[^\W\d_][^:\d]{0,30}:\s*\S", texts[date_at]) is not None
    if (not deck or len(deck) > DECK_LINES or deck[0] != title_at + 1 or (date_at - deck[-1] < 2 and not labelled)
            or not below):
        return []
    return deck


def _table_row(line: str) -> bool:
    """A row of a table (cells apart by tabs, as a browser copies them): a page's content, not a headline.
    A number and a headline are a ranked list's item ("2.\tTitle of a story", "2.\t▲\tTitle": a vote's arrow
    is no cell), not a table's row."""
    cells = [c.strip() for c in line.split("\t") if re.search(r"\w", c)]
    return len(cells) >= 3 or (len(cells) == 2 and not re.fullmatch(r"\d{1,3}[.)]?", cells[0]))


def _prose(text: str) -> bool:
    """A sentence, or a line as long as a paragraph (in a script written without stops): what a story has
    and a list of headlines has not."""
    return ((ends_sentence(text.rstrip("“„«‹ ")) and word_count(text) >= SENTENCE_WORDS)  # German quotes close with “
            or len(text) >= PARAGRAPH_CHARS)


DATES_APART = 2  # lines between a page's "updated" and "published" dates under its headline


def _story_date(texts: list[str], body: list[int], top: int, tz: str, language: str | None):
    """The story's date and its line: the earliest stated a few lines above the headline or between it and
    the article (a page's "updated" date is the later one), in a short line (a byline, a dateline) if one
    states it; else the first short line the model left out among the article's first lines. Not a date
    inside a caption or a paragraph there: those are other days'."""
    if not body:
        return None, None
    above = [k for k in range(max(0, top - DATE_ABOVE), body[0]) if k not in body]
    below = list(range(body[0], min(len(texts), body[0] + DATE_BELOW)))
    # "Today, 09:15" by the byline: on the day the page's date bar above the headline states (not this day)
    if any(is_relative_day(texts[k]) for k in above + below):
        page_day, _ = earliest_date(texts[:top], tz, language)
        for k in (above + below) if page_day else ():
            if (when := relative_day(texts[k], page_day)) is not None:
                return when, k
    short = [k for k in above if _short(texts[k])]
    for lines in (short, above):  # a dateline before a caption that names another day
        date, at = earliest_date([texts[k] for k in lines], tz, language)
        if date is not None:
            return date, lines[at]
    dated = [(date, k) for k in below if _short(texts[k]) and (k not in body or _dateline(texts[k], language))
             for date in [earliest_date([texts[k]], tz, language)[0]] if date is not None]
    # ("Last Updated: ... 2:51 p.m." over "First Published: ... 10:06 a.m.": the story's is the earlier)
    return min((d for d in dated if d[1] - dated[0][1] <= DATES_APART), default=(None, None), key=lambda d: d[0])


# a time alone on its line under a dateline that has none: "ore 10:47", "um 10.47 Uhr", "10:47 AM"
_TIME_LINE = re.compile(r"^\W*(?:[^\W\d_]{1,5}\.?\s+)?([01]?\d|2[0-3])[:.h]([0-5]\d)(?:\s*(?:[ap]\.?m\.?|uhr|h))?\W*$",
                        re.I)


def _time_below(texts: list[str], date, date_at: int | None):
    """The story's date with the time the line under its dateline states, when the dateline states none."""
    if date is None or date_at is None or (date.hour, date.minute) != (0, 0) or date_at + 1 >= len(texts):
        return None
    m = _TIME_LINE.match(texts[date_at + 1])
    if not m:
        return None
    hour = int(m[1]) + (12 if re.search(r"p\.?m", texts[date_at + 1], re.I) and int(m[1]) < 12 else 0)
    return date.replace(hour=hour, minute=int(m[2]))


def _dateline(text: str, language: str | None) -> bool:
    """A row of byline parts of which one is a date, after a label of a few words at most ("Company •
    July 21, 2025, 9:05AM EDT", "Published 3 March 2026", "Publié le 9 mars 2026 à 07:00"): the story's
    dateline even where the line model took it for article text."""
    if ends_sentence(text):
        return False  # "The vote came on March 4, 2026." is the story's sentence
    for part in byline_parts(text):
        start = DATE_START.search(part)
        label = part[: start.start()] if start else ""
        if not start or word_count(label) > DATE_LABEL_WORDS or not _DATE_LABEL.fullmatch(label):
            continue
        rest = part[start.start():]
        if parse_date_line(rest) or (language not in (None, "en") and word_count(rest) <= DATE_WORDS
                                     and earliest_date([rest], "UTC", language)[0]):
            return True
    return False


def _above_byline(texts: list[str], title_at: int | None) -> int | None:
    """The headline of a headline / byline / date layout: a byline taken for the headline (its name also
    stands in the author's bio under the article) yields to the title-like line above it."""
    if title_at is None or not 0 < title_at < len(texts) - 1 or not _byline(texts[title_at]):
        return title_at
    above, below = texts[title_at - 1], texts[title_at + 1]
    dated = _dateline(below, None)
    longer = looks_like_title(above) and word_count(above) > word_count(texts[title_at])
    return title_at - 1 if dated and longer and not link_row(above) else title_at


def _byline(text: str) -> bool:
    """A line of a few words, most of them capitalised (a name, after "By", "Por", "Von"...), no digits."""
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return (2 <= len(words) <= BYLINE_WORDS and capitalised >= 2 and capitalised * 2 >= len(words)
            and not re.search(r"\d", text) and not ends_sentence(text))


def _short(text: str) -> bool:
    """A line short enough to be a byline or a dateline, or a row of such parts set apart by dots or bars
    ("A. Writer · The Daily · Posted: Aug 8, 2024 4:00 AM | Last updated: ..."). Numbers do not count in
    a line that is no sentence: one stating two dates and times is still a dateline (a caption naming a
    day is a sentence)."""
    return all(word_count(part if ends_sentence(part) else re.sub(r"\S*\d\S*", "", part)) <= DATELINE_WORDS
               for part in byline_parts(text))


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
