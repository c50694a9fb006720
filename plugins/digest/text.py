"""Small text helpers shared by the format parsers and the cleaning stage."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def squash(text: str) -> str:
    """Collapse every run of whitespace (NBSP included) to one space and strip the ends."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """A comparison key: NFKC, plain quotes and dashes, collapsed spaces, case-folded."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return squash(text.translate(_QUOTES)).casefold()


def word_count(text: str) -> int:
    """Whitespace-separated words (fast; a lone dash counts too, which no threshold here minds)."""
    return len(text.split())


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "ltd", "co", "corp", "plc", "llc",
    "vs", "etc", "no", "nos", "vol", "fig", "al", "gen", "gov", "sen", "rep", "rev", "sgt", "capt",
    "lt", "col", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "dept", "univ", "ave", "blvd", "op", "pp", "ed", "eds", "ca",
}
# A sentence ends at . ! ? or … (with closing quotes/brackets), before a space and a capital, digit,
# currency sign or opening quote. CJK full stops end a sentence with no space after them.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[^\W_a-z]|[$€£¥])|(?<=[。！？])")


def _is_abbreviation(before: str) -> bool:
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    if not token.endswith("."):
        return False
    bare = token.rstrip(".").lstrip("(\"“‘'")
    if bare.lower() in _ABBREVIATIONS:
        return True
    # initials and dotted abbreviations: "J.", "U.S.", "e.g.", "H.E."
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", bare))


@lru_cache(maxsize=16384)
def split_sentences(text: str) -> tuple[str, ...]:
    """Split prose into sentences; each keeps its own punctuation. Joining with " " restores the text.
    Cached: the cleaning rules look at the same paragraphs several times."""
    text = squash(text)
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        # keep closing quotes/brackets with the sentence they close
        close = re.match(r"[\"”’»)\]]*", text[end:])
        end += close.end() if close else 0
        piece = text[start:end]
        if not piece.strip() or _is_abbreviation(piece):
            continue
        out.append(piece.strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return tuple(out)


# ---------------------------------------------------------------- shapes of lines

_TERMINAL = re.compile(r"[.:;,!…]['\"”’»)\]]*$")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)


def has_url(text: str) -> bool:
    return bool(_URL.search(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends like prose (a full stop, colon, comma...), not like a heading."""
    return bool(_TERMINAL.search(text.strip()))


def looks_like_title(text: str, max_words: int = 25) -> bool:
    """A headline or subheading: short, starts with a capital/digit/symbol, no closing full stop."""
    text = squash(text)
    n = word_count(text)
    if not text or n < 2 or n > max_words or len(text) > 200 or has_url(text):
        return False
    if text[0] in "\"“‘'«-–—•*" or text[-1] in "\"”’»":
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "$€£¥#"):
        return False
    return not ends_sentence(text)


# ---------------------------------------------------------------- scripts

@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    first = name.split()[0]
    return "CJK" if first in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"} else first


def letter_scripts(text: str) -> Counter:
    """How many letters of each script (LATIN, ARABIC, LAO, CJK...) the text holds."""
    return Counter(_script(ch) for ch in text if ch.isalpha())


def dominant_script(text: str) -> str | None:
    """The script most letters are written in, judged from a sample of the text (start, middle, end)."""
    if len(text) > 6000:
        middle = len(text) // 2
        text = text[:2000] + text[middle - 1000:middle + 1000] + text[-2000:]
    letters = "".join(filter(str.isalpha, text))
    if letters.isascii():
        return "LATIN" if letters else None
    counts = letter_scripts(letters)
    return counts.most_common(1)[0][0] if counts else None


def foreign_share(text: str, script: str | None) -> float:
    """Share of the text's letters that are not in `script` (0 when it has no letters)."""
    counts = letter_scripts(text)
    total = sum(counts.values())
    if not total or script is None:
        return 0.0
    return 1 - counts.get(script, 0) / total
