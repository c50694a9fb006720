"""The taxonomy file (TOML): topics with weighted keywords, assets with tickers and aliases.

Loading validates everything once and compiles the matchers; a mistake in the file is a TaxonomyError
naming the file and the entry (or the line, for TOML syntax errors).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

KINDS = ("crypto", "stock")
DEFAULT_TAXONOMY = Path(__file__).with_name("taxonomy.toml")  # the plugin's own, used when a site has none


class TaxonomyError(Exception):
    pass


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    description: str
    keywords: tuple[tuple[str, float], ...]
    threshold: float
    asset_kind: str | None = None  # a story whose main asset is of this kind ("crypto") is on this topic
    assets: tuple[str, ...] = ()  # ... or is one of these (chipmakers for semiconductors); sorted: its repr keys caches

    def owns(self, asset) -> bool:
        """Whether a story mainly about `asset` is on this topic, whatever words it uses."""
        return asset.kind == self.asset_kind or asset.ticker in self.assets


# Chinese, Japanese and Korean are read a character at a time (no spaces part their words, or particles
# stick to them), so "暗号資産" is found inside a sentence as a keyword of four "words"; so are Thai, Lao,
# Myanmar and Khmer, written without spaces between words ("คริปโต" inside a sentence).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_LETTER = rf"[^\W{_CJK}]"
_TOKEN = re.compile(rf"[{_CJK}]|{_LETTER}(?:(?:{_LETTER}|[&'’.-])*{_LETTER})?")
_POSSESSIVE = re.compile(r"['’]s$")


def tokens(text: str) -> list[str]:
    """Lower-case words as keywords see them: "on-chain", "s&p" and "a.i" stay whole, "Nvidia's" is "nvidia"."""
    return [_POSSESSIVE.sub("", t) if "s" in t[-1:] else t for t in _TOKEN.findall(text.lower())]


class KeywordIndex:
    """Every topic keyword, found in one pass over a text's words (a regex per topic is far slower).

    A keyword is one or more words; its last word may end with * (any ending). Where keywords overlap,
    the longest wins."""

    def __init__(self, topics):
        self.entries: dict[tuple[str, ...], list[tuple[str, str, float]]] = {}   # all words exact
        self.prefixed: dict[tuple[str, ...], list[tuple[str, str, float]]] = {}  # last word a prefix
        for topic in topics:
            for keyword, weight in topic.keywords:
                words = tuple(tokens(keyword.rstrip("*"))) or (keyword.rstrip("*"),)
                table = self.prefixed if keyword.endswith("*") else self.entries
                table.setdefault(words, []).append((topic.slug, keyword, weight))
        self.prefix_lengths = sorted({len(w[-1]) for w in self.prefixed}, reverse=True)
        # Most words start no keyword, and most that do start only one-word keywords: the longest keyword
        # each first word (or first-word stem) can start, remembered per word, rules the others out with
        # one look-up before the longest-match search.
        self.first_words: dict[str, int] = {}
        for words in [*self.entries, *(w for w in self.prefixed if len(w) > 1)]:
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        self.first_stems = {w[0] for w in self.prefixed if len(w) == 1}
        self.stem_lengths = sorted({len(s) for s in self.first_stems})
        self.starters: dict[str, int] = {}

    def _may_start(self, word: str) -> int:
        """The most words a keyword starting with `word` has (0: none starts with it)."""
        known = self.starters.get(word)
        if known is None:
            stem = any(word[:n] in self.first_stems for n in self.stem_lengths if len(word) >= n)
            known = self.starters[word] = max(self.first_words.get(word, 0), 1 if stem else 0)
        return known

    def find(self, text: str) -> list[tuple[str, str, float]]:
        """(topic slug, keyword, weight) for every keyword occurrence in the text."""
        words = tokens(text)
        out, i = [], 0
        while i < len(words):
            most = self._may_start(words[i])
            if not most:
                i += 1
                continue
            hit = self._longest_at(words, i, most)
            if hit is None:
                i += 1
                continue
            size, entries = hit
            out += entries
            i += size
        return out

    def _longest_at(self, words: list[str], i: int, most: int):
        for n in range(min(most, len(words) - i), 0, -1):
            head, last = tuple(words[i:i + n - 1]), words[i + n - 1]
            exact = self.entries.get(head + (last,))
            if exact:
                return n, exact
            for length in self.prefix_lengths:
                if len(last) >= length:
                    found = self.prefixed.get(head + (last[:length],))
                    if found:
                        return n, found
        return None


@dataclass(frozen=True)
class Asset:
    ticker: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()     # aliases that are everyday words: they need context to count
    symbol_is_word: bool = False      # the bare ticker is a word: only $T, (T) or T/USDT count

    @property
    def bare_symbol(self) -> bool:
        """Whether the ticker counts on its own in upper case (3+ letters, not a word)."""
        return len(self.ticker) >= 3 and not self.symbol_is_word and self.ticker.isalnum()


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    assets: tuple[Asset, ...]
    max_topics: int
    keywords: KeywordIndex = field(compare=False, repr=False)
    by_ticker: dict = field(compare=False, repr=False)
    alias_pattern: re.Pattern = field(compare=False, repr=False)
    aliases: dict = field(compare=False, repr=False)  # casefolded alias -> [(asset, alias, needs_context)]


def _topic(slug: str, data: dict, default_threshold: float, where: str) -> Topic:
    keywords = data.get("keywords")
    if not isinstance(keywords, dict) or not keywords:
        raise TaxonomyError(f"{where}: topic {slug!r} needs a `keywords` table")
    pairs = []
    for keyword, weight in keywords.items():
        if not isinstance(weight, (int, float)) or weight <= 0:
            raise TaxonomyError(f"{where}: topic {slug!r}: weight of {keyword!r} must be a positive number")
        pairs.append((keyword.lower(), float(weight)))
    kind = data.get("asset_kind")
    if kind is not None and kind not in KINDS:
        raise TaxonomyError(f"{where}: topic {slug!r}: asset_kind must be one of {', '.join(KINDS)}")
    assets = data.get("assets", [])
    if not isinstance(assets, list) or not all(isinstance(a, str) for a in assets):
        raise TaxonomyError(f"{where}: topic {slug!r}: assets must be a list of tickers")
    return Topic(slug, str(data.get("name", slug)), str(data.get("description", "")), tuple(pairs),
                 float(data.get("threshold", default_threshold)), kind, tuple(sorted(set(assets))))


def _asset(data: dict, where: str, n: int) -> Asset:
    missing = [k for k in ("ticker", "kind", "name") if not data.get(k)]
    if missing:
        raise TaxonomyError(f"{where}: asset #{n} ({data.get('ticker') or data.get('name') or '?'}) "
                            f"lacks {', '.join(missing)}")
    if data["kind"] not in KINDS:
        raise TaxonomyError(f"{where}: asset {data['ticker']}: kind must be one of {', '.join(KINDS)}")
    return Asset(ticker=str(data["ticker"]), kind=data["kind"], name=str(data["name"]),
                 aliases=tuple(data.get("aliases", ())), context=tuple(data.get("context", ())),
                 symbol_is_word=bool(data.get("symbol_is_word", False)))


def _alias_regex(alias: str) -> str:
    body = re.escape(alias)
    if alias == alias.lower():
        body = f"(?i:{body})"  # written in lower case: any case matches
    return body


@lru_cache(maxsize=8)
def load_taxonomy(path: str, mtime: float = 0.0) -> Taxonomy:
    """Read and compile a taxonomy file. `mtime` only keys the cache, so an edited file is re-read."""
    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise TaxonomyError(f"{where}: cannot be read ({e.strerror})") from e
    except tomllib.TOMLDecodeError as e:
        raise TaxonomyError(f"{where}: {e}") from e
    default = float(data.get("default_topic_threshold", 4.0))
    topics = tuple(_topic(slug, t, default, where) for slug, t in data.get("topics", {}).items())
    assets = tuple(_asset(a, where, n) for n, a in enumerate(data.get("assets", []), 1))
    by_ticker = {}
    for asset in assets:
        if asset.ticker in by_ticker:
            raise TaxonomyError(f"{where}: ticker {asset.ticker} is listed twice")
        by_ticker[asset.ticker] = asset
    for topic in topics:
        if unknown := sorted(set(topic.assets) - by_ticker.keys()):
            raise TaxonomyError(f"{where}: topic {topic.slug!r}: assets {', '.join(unknown)} are not listed")
    aliases: dict[str, list] = {}
    for asset in assets:
        for alias, needs_context in [(a, False) for a in asset.aliases] + [(a, True) for a in asset.context]:
            aliases.setdefault(alias.casefold(), []).append((asset, alias, needs_context))
    names = sorted({alias for entries in aliases.values() for _, alias, _ in entries}, key=len, reverse=True)
    # whole words; but Chinese, Japanese and Korean write a name against the next word ("ビットコインが"), or
    # a number ("中芯国际2025年")
    pattern = re.compile(rf"(?<!{_LETTER})(?<![\d_$])(?:" + "|".join(map(_alias_regex, names))
                         + rf")(?:['’]s)?(?:(?<=[{_CJK}])(?=\d)|(?!{_LETTER})(?![\d_]))")
    return Taxonomy(topics, assets, int(data.get("max_topics", 4)), KeywordIndex(topics), by_ticker, pattern,
                    aliases)


def taxonomy_at(path: Path) -> Taxonomy:
    """The taxonomy at `path`, cached until the file changes."""
    try:
        mtime = path.stat().st_mtime
    except OSError as e:
        raise TaxonomyError(f"{path}: cannot be read ({e.strerror})") from e
    return load_taxonomy(str(path), mtime)
