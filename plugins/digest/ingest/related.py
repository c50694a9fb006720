"""Related stories: for each story, a few others about the same things, without merging them.

Similarity is the overlap of the stories' most distinctive words (TF-IDF), plus shared topics and
assets once the tagging stage sets them. Candidates come from an inverted index of rare words only, so
the work grows with the number of stories, not with its square.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np

from .model import Article, Story
from .text import fold, token_hashes

TOP_TERMS = 12        # distinctive words kept per story
MAX_POSTINGS = 60     # a word in more stories than this is too common to find related ones by
RELATED = 3           # stories listed per story
MIN_SCORE = 0.12      # below this, nothing is related
TAG_BONUS = 0.15      # per shared topic or asset
_WORD = re.compile(r"[^\W\d_]{4,}")


def _stem(word: str) -> str:
    """Plurals and singulars meet ("centers", "center"); nothing cleverer is needed to rank."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def terms(article: Article) -> np.ndarray:
    """The story's words and how often it uses them, its title counted three times (a headline names what
    it is about): [[word hash...], [count...]], sorted by hash. Hashes, not strings: 10,000 stories' words
    as Counters of strings took 125 MB."""
    title = _WORD.findall(fold(article.title or ""))
    words = list(map(_stem, _WORD.findall(fold(article.body_text())) + 3 * title))
    ids, counts = np.unique(token_hashes(words).astype(np.uint32), return_counts=True)  # CRC-32s
    return np.stack([ids, counts.astype(np.uint32)])


def related_stories(stories: list[Story], counts: list[np.ndarray] | None = None) -> dict[str, list[str]]:
    """Story id -> ids of up to RELATED related stories, best first (ties by id, so every build agrees).
    `counts`: each story's terms, when the caller has them already."""
    counts = counts if counts is not None else [terms(s.article) for s in stories]
    n = len(stories)
    vocabulary, df = np.unique(np.concatenate([c[0] for c in counts] or [np.empty(0, np.uint32)]),
                               return_counts=True)
    vectors = []
    for ids, tf in counts:
        docs = df[np.searchsorted(vocabulary, ids)]
        keep = docs > 1
        ids, weights = ids[keep], (1 + np.log(tf[keep])) * np.log(n / docs[keep])
        top = np.lexsort((ids, -weights))[:TOP_TERMS]
        ids, weights = ids[top], weights[top]
        norm = math.sqrt(float((weights * weights).sum())) or 1.0
        vectors.append(dict(zip(ids.tolist(), (weights / norm).tolist())))
    postings: dict[int, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for t in vector:
            postings[t].append(i)
    tags = [set(s.topics) | set(s.assets) for s in stories]
    out = {}
    for i, vector in enumerate(vectors):
        scores: dict[int, float] = defaultdict(float)
        for t, w in vector.items():
            if len(postings[t]) <= MAX_POSTINGS:
                for j in postings[t]:
                    if j != i:
                        scores[j] += w * vectors[j][t]
        for j in scores:
            scores[j] += TAG_BONUS * len(tags[i] & tags[j])
        best = sorted((j for j, s in scores.items() if s >= MIN_SCORE), key=lambda j: (-scores[j], stories[j].id))
        out[stories[i].id] = [stories[j].id for j in best[:RELATED]]
    return out
