"""What any page's lines show about themselves, as numbers: the evidence the line model decides from.

Nothing here knows a site or a phrase. A line is described by its shape (length, words, sentence
punctuation, capitals, digits, links, counts and times), by how much it reads as running prose (the share
of function words, in any of the common languages, or of short lower-case words in others), by where it
stands (relative to the densest run of prose in the dump, and in the dump as a whole), by repetition
(furniture repeats, prose does not), by cohesion (an article's lines share its subject's words; a teaser
of another story does not) and by its neighbours (a short line between two paragraphs is a subheading more
often than chrome).
"""
from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ..text import LETTER_MARKS, dominant_script, fold, foreign_share, looks_like_title, squash, unstopped_sentence, word_count
from .stopwords import STOPWORDS

# A sentence ends at . ! ? … (or a CJK stop), maybe behind closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？।॥។။۔](?:[\"'”’»)\]]*)$")
_CLAUSE_END = re.compile(r"[:;,](?:[\"'”’»)\]]*)$")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|io|co|uk|de|fr)\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)[@#][^\W\d_]\w+")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# Numbers as pages print counts: 1.2K, 3,456, 12k+ (views, likes, followers, comments)
_COUNT = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\s?[KkMmBb万億亿]?\+?(?![\w.])")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►›»>]|\d{1,2}[.)])\s+\S")
_WORD = re.compile(rf"(?:[^\W\d_]|[{LETTER_MARKS}])+")
_MARKS = frozenset(LETTER_MARKS)

# The base features of one line, in the order of the columns below.
BASE = ("chars", "words", "mean_word", "sentence_end", "clause_end", "inner_punct", "sentences", "stopwords",
        "lower_words", "capital_words", "upper_letters", "digits", "counts", "times", "links", "handles",
        "symbols", "bullet", "letters", "foreign", "title_like")
# ...and of where it stands.
PLACE = ("position", "blank_before", "blank_after", "run_lines", "run_words", "repeats", "first_copy",
         "in_core", "before_core", "after_core", "core_words", "prose_before", "prose_after", "cohesion",
         "titles_near")
NEIGHBOURS = (-2, -1, 1, 2)
NEIGHBOUR_BASE = ("words", "sentence_end", "stopwords", "capital_words", "counts", "title_like")
NAMES = BASE + PLACE + tuple(f"{name}@{k:+d}" for k in NEIGHBOURS for name in NEIGHBOUR_BASE)
_COLUMN = {name: i for i, name in enumerate(BASE)}
TITLE_WINDOW = 5  # lines each side in which title-like lines are counted (a list of teasers has many)


def shape(text: str, script: str | None) -> list[float]:
    """The BASE features of one non-blank line."""
    words = text.split()
    n = max(1, word_count(text))
    letters = [ch for ch in text if ch.isalpha() or ch in _MARKS]  # (a vowel sign is a letter's, no symbol)
    tokens = _WORD.findall(text)
    folded = [t.casefold() for t in tokens]
    lower = sum(1 for t in tokens if t[0].islower())
    capital = sum(1 for t in tokens if t[0].isupper())
    counts = len(_COUNT.findall(text))
    return [
        len(text), n, sum(map(len, words)) / max(1, len(words)),
        float(bool(_SENTENCE_END.search(text)) or unstopped_sentence(text)),
        float(bool(_CLAUSE_END.search(text))), sum(text.count(p) for p in ",;:") / n,
        len(re.findall(r"[.!?…。！？।॥។။۔](?:\s|$)", text)),
        sum(1 for t in folded if t in STOPWORDS) / max(1, len(tokens)),
        lower / max(1, len(tokens)), capital / max(1, len(tokens)),
        sum(1 for ch in letters if ch.isupper()) / max(1, len(letters)),
        sum(1 for ch in text if ch.isdigit()) / len(text),
        counts / n, len(_TIME.findall(text)),
        float(bool(_URL.search(text) or _EMAIL.search(text))), len(_HANDLE.findall(text)),
        sum(1 for ch in text if not ch.isalnum() and not ch.isspace() and ch not in _MARKS) / len(text),
        float(bool(_BULLET.match(text))), len(letters) / len(text), foreign_share(text[:400], script),
        float(looks_like_title(text, max_words=20)),
    ]


def _prose_score(row: list[float]) -> float:
    """How much a line adds to a run of article prose: its words when it reads as sentences, a small
    cost when it does not (so menus and lists break a run, and a subheading does not)."""
    words, ends, stop = row[_COLUMN["words"]], row[_COLUMN["sentence_end"]], row[_COLUMN["stopwords"]]
    lower = row[_COLUMN["lower_words"]]
    if words >= 8 and (ends or stop + lower >= 0.5):
        return words
    return -2.0 if words >= 4 else -3.0


def best_run(scores) -> tuple[int, int]:
    """The [start, end) span with the largest sum of scores (empty when none is positive)."""
    best, span, total, start = 0.0, (0, 0), 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, span = total, (start, i + 1)
    return span


def core(rows: list[list[float]]) -> tuple[int, int]:
    """The densest run of prose: the span of lines with the largest sum of prose scores."""
    return best_run(_prose_score(row) for row in rows)


def features(lines: list[str]) -> tuple[np.ndarray, list[int]]:
    """The feature matrix of a dump's non-blank lines, and their indexes into `lines`."""
    index = [i for i, line in enumerate(lines) if line.strip()]
    texts = [squash(lines[i]) for i in index]
    if not texts:
        return np.zeros((0, len(NAMES)), dtype=np.float32), index
    script = dominant_script("\n".join(texts))
    base = [shape(t, script) for t in texts]
    n = len(texts)
    keys = [fold(t) for t in texts]
    repeats: dict[str, int] = {}
    for k in keys:
        repeats[k] = repeats.get(k, 0) + 1
    seen: set[str] = set()
    start, end = core(base)
    prose = np.array([max(0.0, _prose_score(r)) for r in base])
    cumulative = np.cumsum(prose)
    total_prose = max(1.0, float(cumulative[-1]))
    core_words = float(prose[start:end].sum())
    run_of, runs = _runs(index)
    vocabulary = [_content_words(key) for key in keys]
    in_core: dict[str, int] = {}
    for words in vocabulary[start:end]:
        for w in words:
            in_core[w] = in_core.get(w, 0) + 1
    titles = np.cumsum([0.0] + [row[_COLUMN["title_like"]] for row in base])
    rows = []
    for k, i in enumerate(index):
        run = runs[run_of[k]]
        first = keys[k] not in seen
        seen.add(keys[k])
        place = [
            k / max(1, n - 1),
            min(2, _blanks(lines, i, -1)), min(2, _blanks(lines, i, 1)),
            len(run), sum(base[j][_COLUMN["words"]] for j in run),
            repeats[keys[k]], float(first),
            float(start <= k < end), max(0, start - k), max(0, k - end + 1), core_words,
            (cumulative[k] - prose[k]) / total_prose, (total_prose - cumulative[k]) / total_prose,
            _cohesion(vocabulary[k], in_core, start <= k < end),
            titles[min(n, k + TITLE_WINDOW + 1)] - titles[max(0, k - TITLE_WINDOW)],
        ]
        around = []
        for d in NEIGHBOURS:
            j = k + d
            if 0 <= j < n:
                around += [base[j][_COLUMN[name]] for name in NEIGHBOUR_BASE]
            else:
                around += [-1.0] * len(NEIGHBOUR_BASE)
        rows.append(base[k] + place + around)
    return np.asarray(rows, dtype=np.float32), index


def _content_words(key: str) -> list[str]:
    return [w for w in _WORD.findall(key) if len(w) > 3 and w not in STOPWORDS]


def _cohesion(words: list[str], in_core: dict[str, int], inside: bool) -> float:
    """The share of a line's content words that the rest of the densest run of prose uses too: an
    article's paragraphs share its subject's words; a teaser of another story or a menu does not."""
    if not words:
        return -1.0
    own = Counter(words) if inside else {}  # a line of the run does not count its own words
    return sum(in_core.get(w, 0) - own.get(w, 0) > 0 for w in words) / len(words)


def _blanks(lines: list[str], i: int, step: int) -> int:
    count, j = 0, i + step
    while 0 <= j < len(lines) and not lines[j].strip() and count < 3:
        count, j = count + 1, j + step
    return count if 0 <= j < len(lines) else 3


def _runs(index: list[int]) -> tuple[list[int], list[list[int]]]:
    """Runs of non-blank lines (positions into `index`) with no blank line between them."""
    runs: list[list[int]] = []
    run_of = []
    for k, i in enumerate(index):
        if not runs or index[k - 1] != i - 1:
            runs.append([])
        runs[-1].append(k)
        run_of.append(len(runs) - 1)
    return run_of, runs
