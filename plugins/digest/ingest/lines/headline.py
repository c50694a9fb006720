"""The headline of a copied page: which line just above its article, or among its first lines, heads it.

Every candidate is described by evidence any page has (its length and shape, whether it reads as a title
or a sentence, a date or a clock time in or beside it, how much of its wording the article's opening
shares, where it stands, how sure the line model is that it is article text, a rule-of-thumb score of all
these) and a small LightGBM model rates it; the best-rated one is the headline. The model learned from page
copies whose headline is known (train_headline.py; PROVENANCE.md says which).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..dates import dates_in_text, parse_date_line
from ..text import content_words, ends_sentence, foreign_share, fold, is_caption, link_row, looks_like_title, word_count
from ..titles import clean_title
from .model import read_model, write_model

HEADER_LINES = 24     # the headline stands within this many lines above the article ...
HEAD_KEPT = 3         # ... or is one of the article's first lines
OPENING_LINES = 12    # the article's opening, whose wording a headline shares
NEAR_LINES = 3        # a byline or a date this close to a line sits beside it
MAX_WORDS = 30        # a longer line is a paragraph, never a headline
PROSE_WORDS = 8       # a sentence this long is prose
MAX_QUESTION_WORDS = 16  # a headline that asks or exclaims is short and one sentence
MIN_HEADLINE = 0.05   # a best candidate rated lower that the rule of thumb does not take: no headline
MODEL_FILE = Path(__file__).with_name("headline-model.json")
MODEL_VARIABLE = "DIGEST_HEADLINE_MODEL"  # another trained model to use (train_headline.py --out)
NAMES = ("offset", "in_article", "words", "chars", "shared", "content_words", "title_like", "headline_like",
         "sentence", "asks", "colon", "date_line", "dateline", "foreign", "repeats", "upper", "probability",
         "prose_follows", "prose_precedes", "rule", "digits", "quote", "shared_vs_best", "length_rank",
         "date_below", "date_above")
_COLUMN = {name: i for i, name in enumerate(NAMES)}
_QUOTES = "\"“‘'«„「『"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\d{1,2}\s*[時시]\s*\d{1,2}\s*[分분]")  # 10:28, 20時01分, 20시 1분


def candidates(texts: list[str], kept: list[int]) -> list[int]:
    first = kept[0]
    near = list(range(max(0, first - HEADER_LINES), first)) + kept[:HEAD_KEPT]
    # (a breadcrumb or a section's path, "Technology | Semiconductors", heads no page; nor does the masthead,
    # the page's first line, where it stands again above the headline)
    masthead = fold(texts[0]) if texts else ""
    # (nor a row of three parts or more between bars: an author's tagline, "Analyst at X | ex-Y | Writing on Z")
    return [k for k in near if word_count(texts[k]) <= MAX_WORDS and not is_caption(texts[k]) and not link_row(texts[k])
            and not (k and fold(texts[k]) == masthead) and texts[k].count(" | ") < 2]


def headline(texts: list[str], kept: list[int], probs: list[float], script: str | None) -> int | None:
    """The headline's position in `texts` (a page's non-blank lines; `kept` the article's, `probs` the line
    model's rating of each), or None when no candidate is rated a headline at all (a page copied without
    its headline)."""
    if not kept:
        return None
    lines, matrix = candidate_matrix(texts, kept, probs, script)
    if not lines:
        return None
    chosen = best(matrix, _load(model_file()).predict(matrix, num_threads=1))
    return None if chosen is None else lines[chosen]


def best(matrix: np.ndarray, rating: np.ndarray) -> int | None:
    """The best-rated candidate that may head the page: never a sentence of the article (its own prose:
    a two-paragraph story keeps both paragraphs), and rated MIN_HEADLINE or more unless the rule of thumb
    takes it."""
    prose = (matrix[:, _COLUMN["in_article"]] == 1) & (matrix[:, _COLUMN["sentence"]] == 1) & (
        matrix[:, _COLUMN["words"]] >= PROSE_WORDS)
    rating = np.where(prose, -1.0, rating)
    if rating.max() < 0:
        return None
    top = int(np.argmax(rating))
    vouched = matrix[top, _COLUMN["rule"]] >= 0  # the rule of thumb takes it too
    return top if rating[top] >= MIN_HEADLINE or vouched else None


def candidate_matrix(texts: list[str], kept: list[int], probs: list[float],
                     script: str | None) -> tuple[list[int], np.ndarray]:
    """The candidates' positions and their features (NAMES), the model's input."""
    lines = candidates(texts, kept)
    opening = {j: content_words(texts[j]) for j in kept[:OPENING_LINES]}
    folded = [fold(t) for t in texts]
    near = {j for k in lines for j in range(max(0, k - NEAR_LINES), min(len(texts), k + NEAR_LINES + 1))}
    dated = {j: bool(_dateline(texts[j]) or parse_date_line(texts[j])) for j in near}
    rows = [_own_features(texts, kept, probs, script, opening, folded, k) for k in lines]
    shared, words, title_like = _COLUMN["shared"], _COLUMN["words"], _COLUMN["title_like"]
    best_shared = max((row[shared] for row in rows), default=0.0) or 1.0
    lengths = sorted((row[words] for row in rows if row[title_like]), reverse=True)
    for k, row in zip(lines, rows):
        row += [row[shared] / best_shared, lengths.index(row[words]) if row[words] in lengths else len(lengths),
                any(dated.get(j, False) for j in range(k + 1, k + 1 + NEAR_LINES)),
                any(dated.get(j, False) for j in range(k - NEAR_LINES, k))]
    return lines, np.array(rows, dtype=float).reshape(len(rows), len(NAMES))


def _own_features(texts, kept, probs, script, opening, folded, k) -> list[float]:
    """Candidate k's own columns. Among them the rule of thumb (-1 where it does not apply): a title-like
    line in the page's script that is no date, followed by prose if it is the article's, scores by the
    share of its wording the opening uses, its length and its distance from the article."""
    text = clean_title(texts[k]) or ""
    words = content_words(text)
    others = set().union(*(w for j, w in opening.items() if j != k))
    shared = sum(w in others for w in words) / max(1, len(words))
    letters = [c for c in text if c.isalpha()]
    n, in_article, follows = word_count(text), k in kept, _prose_follows(texts, kept, k)
    like, foreign = headline_like(text, asks=not in_article), foreign_share(text, script)
    date_line, dateline = bool(parse_date_line(text)), _dateline(text)
    ruled = like and foreign <= 0.3 and (follows or not in_article) and not date_line and n >= 3 and not dateline
    rule = 1 + 2 * shared + min(n, 12) / 12 - 0.05 * abs(kept[0] - k) if ruled else -1.0
    return [k - kept[0], in_article, n, len(text), shared, len(words), looks_like_title(text, max_words=MAX_WORDS),
            like, ends_sentence(text), text[-1:] in ("?", "!", "？", "！"), text.endswith(":"), date_line, dateline,
            foreign, folded.count(folded[k]), sum(c.isupper() for c in letters) / max(1, len(letters)), probs[k],
            follows, _prose_precedes(texts, kept, k), rule, sum(c.isdigit() for c in text) / max(1, len(text)),
            text[:1] in _QUOTES]


def headline_like(text: str, asks: bool) -> bool:
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
    return looks_like_title(bare, max_words=MAX_WORDS)


def _dateline(text: str) -> bool:
    """A byline or dateline ("By A. Writer, Updated Nov 13, 2019, 10:28am", "Posted 18 November 2019"):
    a full date or a clock time is seldom part of a headline."""
    return bool(_CLOCK.search(text) or dates_in_text(text))


def _prose_follows(texts: list[str], kept: list[int], k: int) -> bool:
    after = [j for j in kept if j > k][:1]
    return bool(after) and is_prose(texts[after[0]])


def _prose_precedes(texts: list[str], kept: list[int], k: int) -> bool:
    return any(is_prose(texts[j]) for j in kept if j < k)


def is_prose(text: str) -> bool:
    return ends_sentence(text) and word_count(text) >= PROSE_WORDS


def save(booster, path: Path) -> None:
    write_model(path, {"features": list(NAMES), "model": booster.model_to_string()})


def model_file() -> Path:
    return Path(os.environ.get(MODEL_VARIABLE) or MODEL_FILE)


@lru_cache(maxsize=2)
def _load(path: Path):
    import lightgbm as lgb
    return lgb.Booster(model_str=read_model(path, {"features": NAMES}, "digest.ingest.lines.train_headline")["model"])
