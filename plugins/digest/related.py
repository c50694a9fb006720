"""Related stories: for each story, a few others about the same things, without merging them.

Similarity is the overlap of the stories' most distinctive words (TF-IDF), plus shared topics and
assets once the tagging stage sets them. Candidates come from an inverted index of rare words only, so
the work grows with the number of stories, not with its square.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from .model import Article, Story
from .text import fold

TOP_TERMS = 12        # distinctive words kept per story
MAX_POSTINGS = 60     # a word in more stories than this is too common to find related ones by
RELATED = 3           # stories listed per story
MIN_SCORE = 0.12      # below this, nothing is related
TAG_BONUS = 0.15      # per shared topic or asset
_WORD = re.compile(r"[^\W\d_]{4,}")


def _stem(word: str) -> str:
    """Plurals and singulars meet ("centers", "center"); nothing cleverer is needed to rank."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def terms(article: Article) -> Counter:
    """Word counts of the story, its title counted three times (a headline names what it is about)."""
    title = _WORD.findall(fold(article.title or ""))
    return Counter(map(_stem, _WORD.findall(fold(article.body_text())) + 3 * title))


def related_stories(stories: list[Story], counts: list[Counter] | None = None) -> dict[str, list[str]]:
    """Story id -> ids of up to RELATED related stories, best first (ties by id, so every build agrees).
    `counts`: each story's terms, when the caller has them already."""
    counts = counts if counts is not None else [terms(s.article) for s in stories]
    df = Counter(t for c in counts for t in c)
    n = len(stories)
    vectors = []
    for c in counts:
        weights = {t: (1 + math.log(k)) * math.log(n / df[t]) for t, k in c.items() if df[t] > 1}
        top = sorted(weights.items(), key=lambda tw: (-tw[1], tw[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors.append({t: w / norm for t, w in top})
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for t in vector:
            postings[t].append(i)
    tags = [set(s.article.topics) | set(s.article.assets) for s in stories]
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
