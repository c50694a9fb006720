"""Format detection from content (never from file names): every format rates the dump, the best wins."""
from __future__ import annotations

from types import ModuleType

from .formats import FALLBACK, FORMATS
from .model import Dump

MIN_CONFIDENCE = 0.5  # below this the generic fallback parses the dump


def detect(dump: Dump) -> tuple[ModuleType, float]:
    """The format module to parse `dump` with, and its confidence."""
    scored = [(fmt.sniff(dump), -i, fmt) for i, fmt in enumerate(FORMATS)]
    confidence, _, best = max(scored, key=lambda s: (s[0], s[1]))
    if confidence < MIN_CONFIDENCE:
        return FALLBACK, FALLBACK.sniff(dump)
    return best, confidence
