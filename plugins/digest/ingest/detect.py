"""Format detection from content (never from file names): every format rates the dump, the best wins."""
from __future__ import annotations

from types import ModuleType

from .dumps import overlong_line
from .formats import FALLBACK, FORMATS, MARKUP_FORMATS
from .model import Dump

MIN_CONFIDENCE = 0.5  # below this the fallback (a page copy) parses the dump


def detect(dump: Dump) -> tuple[ModuleType, float]:
    """The format module to parse `dump` with, and its confidence. A dump with a line longer than any text
    dump has can only be markup or data (minified HTML, JSON...); else it is refused (DumpError): the text
    formats would take minutes over such a line."""
    overlong = overlong_line(dump)
    candidates = MARKUP_FORMATS if overlong else FORMATS
    scored = [(fmt.sniff(dump), -i, fmt) for i, fmt in enumerate(candidates)]
    confidence, _, best = max(scored, key=lambda s: (s[0], s[1]))
    if confidence < MIN_CONFIDENCE:
        if overlong:
            raise overlong
        return FALLBACK, FALLBACK.sniff(dump)
    return best, confidence
