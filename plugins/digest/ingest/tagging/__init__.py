"""The tagging stage: topics and assets for every story, from the taxonomy (data, not code).

    tag(article, taxonomy) -> Tags       pure: the article's topics and assets, and why

The taxonomy's path is the DIGEST_TAXONOMY setting (see taxonomy.py for the file's format).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article
from .assets import Found, find_mentions, salient
from .taxonomy import DEFAULT_TAXONOMY, Taxonomy, TaxonomyError, taxonomy_at
from .topics import TopicScore, classify

__all__ = ["DEFAULT_TAXONOMY", "Tags", "tag", "Taxonomy", "TaxonomyError", "taxonomy_at"]


@dataclass(frozen=True)
class Tags:
    topics: list[str]
    assets: list[str]
    why_topics: list[TopicScore] = field(default_factory=list)
    why_assets: dict[str, float] = field(default_factory=dict)   # ticker -> salience score
    found: dict[str, Found] = field(default_factory=dict)        # tickers the taxonomy lacks


def tag(article: Article, taxonomy: Taxonomy) -> Tags:
    topics = classify(article, taxonomy)
    mentions, found = find_mentions(article, taxonomy)
    scores = salient(mentions, found)
    assets = sorted(scores, key=lambda t: (-scores[t], t))
    slugs = [t.slug for t in topics]
    # a story mainly about a coin is a crypto story, one about a chipmaker a semiconductors story, whatever
    # words it uses ("Toncoin %9 yükseldi")
    main = (taxonomy.by_ticker.get(assets[0]) or found.get(assets[0])) if assets else None
    slugs += [t.slug for t in taxonomy.topics if main and t.owns(main) and t.slug not in slugs
              and len(slugs) < taxonomy.max_topics]
    return Tags(slugs, assets, topics, scores, {t: f for t, f in found.items() if t in scores})
