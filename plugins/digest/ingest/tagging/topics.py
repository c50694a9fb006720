"""Topics a story is about: weighted keywords from the taxonomy, with a threshold, explainable.

Each keyword found adds its weight, with diminishing returns for repeats (1, +0.5, +0.33...), counted
twice in the title; the sum is scaled to the story's length, so a long story needs more evidence than a
short one. Topics reaching their threshold are given, at most `max_topics` of them, best first; a story
that reaches none still gets its best topic when that has half the threshold.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Article
from .taxonomy import Taxonomy

TITLE_FACTOR = 2.0
LENGTH_UNIT = 300   # words; scores are divided by (1 + log2(1 + words / LENGTH_UNIT))


@dataclass(frozen=True)
class TopicScore:
    slug: str
    score: float
    evidence: tuple[tuple[str, int], ...]   # (keyword, times found), strongest first


def classify(article: Article, taxonomy: Taxonomy) -> list[TopicScore]:
    """The topics given to the story, best first, each with its score and evidence."""
    title = article.title if article.title_source != "derived" else ""
    body = article.body_text()
    # "5%" is a keyword's word too ("percent"), in any language
    title, body = (text.replace("%", " percent ") for text in (title, body))  # "5%" and Turkish "%5"
    length_factor = 1 + math.log2(1 + len(body.split()) / LENGTH_UNIT)
    counts: dict[tuple[str, str], int] = {}
    weights: dict[tuple[str, str], float] = {}
    for text, factor in ((title, TITLE_FACTOR), (body, 1.0)):
        for slug, keyword, weight in taxonomy.keywords.find(text):
            key = (slug, keyword)
            counts[key] = counts.get(key, 0) + 1
            weights[key] = weights.get(key, 0.0) + weight * factor / counts[key]  # 1, +1/2, +1/3...
    scores = []
    for topic in taxonomy.topics:
        mine = {k: w for (slug, k), w in weights.items() if slug == topic.slug}
        evidence = sorted(((k, counts[(topic.slug, k)]) for k in mine), key=lambda kc: (-mine[kc[0]], kc[0]))
        scores.append(TopicScore(topic.slug, round(sum(mine.values()) / length_factor, 2), tuple(evidence[:6])))
    scores.sort(key=lambda s: (-s.score, s.slug))
    threshold = {t.slug: t.threshold for t in taxonomy.topics}
    given = [s for s in scores if s.score >= threshold[s.slug]][: taxonomy.max_topics]
    if not given and scores and scores[0].score >= threshold[scores[0].slug] / 2:
        given = scores[:1]
    return given
