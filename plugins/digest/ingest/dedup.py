"""Dedup: one story per set of copies, across every dump of the build.

Exact copies share the hash of their normalised body. Near copies (the same wire story with other
boilerplate, a copy with its last paragraph trimmed, a lightly edited copy) are found in three cheap ways
that stay sub-quadratic at 100,000 articles: MinHash LSH on word 5-shingles (datasketch), the same
opening words, the same title. Every candidate pair is then verified on the real shingle sets:

    near   containment >= 0.8 (a trimmed copy is contained in its original), and the openings or the
           titles agree: two stories that share a long boilerplate but open differently stay apart
    title  the titles agree (rapidfuzz) and containment >= 0.6: a copy that lost part of its body
    address  both name the same article address (a newsletter's or a feed's item and the page it links to,
           each the only article of its dump at that address), and their titles, openings or texts agree
           a little: a teaser is its story, whatever its own words
    teaser   in one dump, a text too short to compare (a link's preview) under the very headline of a story

Texts under MIN_SHINGLES shingles merge only when identical, so short notices never merge on a shared
phrase. Two write-ups of one event share names and figures but few five-word runs, and stay apart.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

from .formats import FALLBACK
from .model import Article, Match, Story
from .text import fold, overlap, shingle_hashes, split_sentences, token_hashes, word_tokens

SHINGLE = 5              # words per shingle
NUM_PERM = 64
LSH_THRESHOLD = 0.4      # Jaccard at which LSH reports a candidate (verification decides)
MIN_SHINGLES = 20        # below this, only identical texts merge
SHORT_SHINGLES = 120     # below this, the first sentences must be the same too
SHORT_CONTAINMENT = 0.9
NEAR_CONTAINMENT = 0.8
WHOLE_CONTAINMENT = 0.98  # of a text this long: all of it stands in the other
COMPLETE = 0.9           # a copy this long against the longest is as complete
TITLE_CONTAINMENT = 0.6
OPENING_WORDS = 30
OPENING_AGREES = 0.5     # Jaccard of the openings' 3-word shingles
TITLE_AGREES = 90        # rapidfuzz token_set_ratio, 0-100
MAX_KEY_GROUP = 50       # a title or opening shared by more articles than this is generic, not a candidate key
ADDRESS_AGREES = 0.3     # containment, or the openings' Jaccard, of two copies at one address
ADDRESS_TITLE_AGREES = 60
TEASER_TITLE_WORDS = 5   # a headline this long, the same over a teaser and a story of one dump, is one story's
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "source", "cmpid", "ncid", "taid")


@dataclass(frozen=True)
class Fingerprint:
    exact: str                # sha1 of the normalised words: equal for exact copies; its start is the story id
    shingles: np.ndarray      # sorted unique 5-shingle hashes (uint32)
    opening: np.ndarray       # 3-shingle hashes of the first OPENING_WORDS words
    opening_key: str          # the first 12 words: a candidate key
    lede: str                 # the first sentence's words
    title: str                # folded title
    words: int
    signature: np.ndarray     # MinHash of the shingles (empty below MIN_SHINGLES): the LSH key


def fingerprint(article: Article, words: dict[str, int] | None = None) -> Fingerprint:
    """The article's comparison keys, a pure function of its title and blocks (so the ingest may keep it
    between builds); `words` caches word hashes across the build."""
    tokens = word_tokens(article.body_text())
    hashes = token_hashes(tokens, words)
    first_block = next((b.text for b in article.blocks if b.kind == "p"), "")
    shingles = shingle_hashes(hashes, SHINGLE)
    return Fingerprint(
        exact=hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest(),
        shingles=shingles,
        opening=shingle_hashes(hashes[:OPENING_WORDS], 3),
        opening_key=" ".join(tokens[:12]),
        lede=" ".join(word_tokens(split_sentences(first_block)[0])) if first_block else "",
        title=fold(article.title or ""),
        words=len(tokens),
        signature=_signature(shingles) if len(shingles) >= MIN_SHINGLES else np.empty(0, dtype=np.uint64),
    )


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM)  # seeded: the same permutations in every build and process


def _signature(shingles: np.ndarray) -> np.ndarray:
    template = _template()
    m = MinHash(num_perm=NUM_PERM, hashfunc=lambda v: v, permutations=template.permutations,
                scheme=template.scheme)
    m.update_batch(shingles.tolist())
    return m.hashvalues


@dataclass(frozen=True)
class _Sketch:
    """All MinHashLSH reads of a MinHash: making a MinHash from a kept signature would draw its
    permutations again (1.4 s per 10,000 stories)."""

    hashvalues: np.ndarray
    scheme: str

    def __len__(self) -> int:
        return len(self.hashvalues)


def address_key(url: str | None) -> str | None:
    """An article's address as copies of it state it: without scheme, "www.", fragment, trailing slash and
    tracking parameters (a newsletter's link to a page carries utm_* tags the page's own address lacks)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING)])
    path = parts.path.rstrip("/")
    return f"{host}{path}?{query}" if query else f"{host}{path}" if host else None


def verify(a: Fingerprint, b: Fingerprint, same_address: bool = False, same_dump: bool = False) -> Match | None:
    """Whether two fingerprints are copies of one story, and why; `same_address`: both name the same
    article address; `same_dump`: both come from one dump."""
    if a.exact == b.exact:
        return Match("exact")
    small = min(len(a.shingles), len(b.shingles))
    common = overlap(a.shingles, b.shingles)
    containment = common / max(1, small)
    jaccard = common / max(1, len(a.shingles) + len(b.shingles) - common)
    title = fuzz.token_set_ratio(a.title, b.title) if a.title and b.title else 0.0
    shared = overlap(a.opening, b.opening)
    opening = shared / max(1, len(a.opening) + len(b.opening) - shared)
    evidence = (round(jaccard, 3), round(containment, 3), round(title, 1))
    if same_address and (title >= ADDRESS_TITLE_AGREES or max(opening, containment) >= ADDRESS_AGREES):
        return Match("address", *evidence)
    if small < MIN_SHINGLES:
        # a link's preview (headline and a line of teaser) beside the story pasted in full, in one chat
        teaser = same_dump and a.title == b.title and len(a.title.split()) >= TEASER_TITLE_WORDS
        return Match("teaser", *evidence) if teaser and max(len(a.shingles), len(b.shingles)) >= MIN_SHINGLES else None
    if small < SHORT_SHINGLES:
        # a short text can be mostly shared boilerplate: its own first sentence must be the same
        if containment >= SHORT_CONTAINMENT and a.lede and a.lede == b.lede:
            return Match("near", *evidence)
        return None
    # (one text whole inside the other: the same story under another headline, below a reader's note)
    if containment >= WHOLE_CONTAINMENT or (containment >= NEAR_CONTAINMENT
                                            and (opening >= OPENING_AGREES or title >= TITLE_AGREES)):
        return Match("near", *evidence)
    if containment >= TITLE_CONTAINMENT and title >= TITLE_AGREES and opening >= OPENING_AGREES:
        return Match("title", *evidence)
    return None


def address_pairs(articles: list[Article]) -> set[tuple[int, int]]:
    """Pairs of articles of different dumps at one address, each the only article of its dump there (a
    news list may give all its items the list's address)."""
    keys = [address_key(a.url) for a in articles]
    per_dump: dict[tuple[str, str], int] = {}
    for article, key in zip(articles, keys):
        if key:
            per_dump[(article.dump, key)] = per_dump.get((article.dump, key), 0) + 1
    groups: dict[str, list[int]] = {}
    for i, (article, key) in enumerate(zip(articles, keys)):
        if key and per_dump[(article.dump, key)] == 1:
            groups.setdefault(key, []).append(i)
    return {(a, b) for members in groups.values() if len(members) <= MAX_KEY_GROUP
            for k, a in enumerate(members) for b in members[k + 1:]}


def candidate_pairs(prints: list[Fingerprint]) -> set[tuple[int, int]]:
    """Pairs worth verifying: same exact hash, same opening, same title, or an LSH bucket in common."""
    pairs: set[tuple[int, int]] = set()
    for key in ("exact", "opening_key", "title"):
        groups: dict[str, list[int]] = {}
        for i, p in enumerate(prints):
            value = getattr(p, key)
            if value:
                groups.setdefault(value, []).append(i)
        for members in groups.values():
            if key == "exact" or len(members) <= MAX_KEY_GROUP:
                pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1:])
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for i, p in enumerate(prints):
        if not len(p.signature):
            continue
        m = _Sketch(p.signature, _template().scheme)
        pairs.update((j, i) for j in map(int, lsh.query(m)))
        lsh.insert(str(i), m)
    return pairs


class _Sets:
    """Union-find over article indexes; the smaller index becomes the root, so results follow input order."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _stated(article: Article) -> bool:
    return article.date_source in ("dump", "page")


def _earliness(article: Article) -> tuple:
    """How early a copy is, for the founder: stated dates first; on one day, a stated time beats a bare
    date; undated copies last, all alike (they have no time of their own, and a file's time must not
    choose the founder: it would change the story's id)."""
    if article.date is None:
        return (True, True)
    return (not _stated(article), False, article.date.date(), article.date.time() == time(0), article.date)


def dedup(articles: list[Article], prints: list[Fingerprint] | None = None) -> list[Story]:
    """Group copies into stories, in build order. The copy shown, the founder and the id depend only on
    the copies' content and dates, not on the order they come in. `prints`: the articles' fingerprints,
    when the caller has them already."""
    if prints is None:
        words: dict[str, int] = {}
        prints = [fingerprint(a, words) for a in articles]
    sets = _Sets(len(articles))
    edges: list[tuple[int, int, Match]] = []
    addressed = address_pairs(articles)
    for a, b in sorted(candidate_pairs(prints) | addressed):
        match = verify(prints[a], prints[b], (a, b) in addressed, articles[a].dump == articles[b].dump)
        if match is not None:
            sets.union(a, b)
            edges.append((a, b, match))
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(sets.find(i), []).append(i)
    by_group: dict[int, list[tuple[int, int, Match]]] = {}
    for edge in edges:
        by_group.setdefault(sets.find(edge[0]), []).append(edge)
    return [_story(articles, prints, members, by_group.get(root, [])) for root, members in groups.items()]


def _story(articles: list[Article], prints: list[Fingerprint], members: list[int],
           edges: list[tuple[int, int, Match]]) -> Story:
    # shown: the most complete clean body, a structured source's (a feed's, an e-mail's) before a page copy's
    # of about its length (a copy read from a page may keep a reader's note above the story); then by
    # earliness, then by dump
    most = max(prints[k].words for k in members)
    shown = min(members, key=lambda k: (prints[k].words < COMPLETE * most, articles[k].format == FALLBACK.NAME,
                                        -prints[k].words, _earliness(articles[k]), articles[k].dump))
    # founder: the earliest copy, then its text, so the id and the slug stay put when later copies arrive
    founder = min(members, key=lambda k: (_earliness(articles[k]), prints[k].exact))
    matches = []
    for k in members:
        if k == shown:
            continue
        touching = [(b if a == k else a, m) for a, b, m in edges if k in (a, b)]
        partner, match = min(touching, key=lambda t: (t[0] != shown, t[0]))
        matches.append((articles[k], articles[partner], match))
    first = articles[founder]
    return Story(articles[shown], tuple(articles[k] for k in members), first, prints[founder].exact[:12],
                 tuple(matches), first.date, first.date_source)
