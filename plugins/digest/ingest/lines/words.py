"""Wording: which words and word pairs tell a page's furniture from its article, learned from labelled pages.

A line's shape says much (features.py), but not that "Newsletter abonnieren" or "Read more" is furniture
and "said on Tuesday" is prose. Training counts, for each word and pair of adjacent words, the labelled
article and furniture lines holding it, and keeps the log-odds of those seen on at least MIN_SITES
different sites: the wording of furniture in general, never of one site. A line is then described by the
mean, least and greatest log-odds of the words it holds that were learned, and by their share of its words.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from ..text import fold

NAMES = ("word_mean", "word_min", "word_max", "word_known")
MIN_SITES = 5  # a word counts once this many sites' labelled lines hold it (cross-validated: 3 and 10 no better)
_WORD = re.compile(r"[^\W\d_]+")


def tokens(text: str) -> list[str]:
    """A line's distinct words and pairs of adjacent words, case-folded."""
    words = _WORD.findall(fold(text))
    return sorted(set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])})


def learn(lines: Iterable[tuple[str, list[str], int, float]]) -> dict[str, float]:
    """Log-odds of article against furniture for each token seen on MIN_SITES sites.

    `lines` are (site, tokens, label, weight) of labelled lines: label 1 article, 0 furniture."""
    article: dict[str, float] = defaultdict(float)
    furniture: dict[str, float] = defaultdict(float)
    sites: dict[str, set[str]] = defaultdict(set)
    totals = [0.0, 0.0]
    for site, toks, label, weight in lines:
        totals[label] += weight
        counts = article if label else furniture
        for token in toks:
            counts[token] += weight
            sites[token].add(site)
    prior = np.log((totals[1] + 1) / (totals[0] + 1))
    return {token: round(float(np.log((article[token] + 1) / (furniture[token] + 1)) - prior), 3)
            for token, seen in sites.items() if len(seen) >= MIN_SITES}


def columns(token_lines: list[list[str]], odds: dict[str, float]) -> np.ndarray:
    """The NAMES columns for lines given as their tokens."""
    rows = np.zeros((len(token_lines), len(NAMES)), dtype=np.float32)
    for k, toks in enumerate(token_lines):
        known = [odds[t] for t in toks if t in odds]
        if known:
            rows[k] = (sum(known) / len(known), min(known), max(known), len(known) / len(toks))
    return rows
