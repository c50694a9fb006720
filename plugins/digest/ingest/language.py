"""The language a story is written in, so its post, page and feed entries can say it (py3langid)."""
from __future__ import annotations

from functools import lru_cache

from .text import word_count

SAMPLE_CHARS = 3000   # enough text to tell the language, however long the story
MIN_WORDS = 12        # below this a guess is a coin toss
MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if word_count(sample) < MIN_WORDS:  # words as text.py counts them: in Japanese or Chinese, without spaces
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_PROBABILITY else None
