"""The language a story is written in, so its post, page and feed entries can say it (py3langid)."""
from __future__ import annotations

from functools import lru_cache

from .text import word_count

SAMPLE_CHARS = 3000   # enough text to tell the language, however long the story
MIN_WORDS = 12        # below this a guess is a coin toss
MIN_PROBABILITY = 0.9
# Languages a short text may not tell apart, each read as the one the model ranks first
CLOSE_LANGUAGES = {code: group for group in ({"hr", "bs", "sr"}, {"id", "ms"}, {"nb", "nn", "no"}) for code in group}
EAST_ASIAN_KANA = 0.05  # Japanese writes kana among its Han characters (particles, endings); Chinese none


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if word_count(sample) < MIN_WORDS:  # words as text.py counts them: in Japanese or Chinese, without spaces
        return None
    by_script = _east_asian(sample)
    if by_script:
        return by_script
    ranked = _identifier().rank(sample)
    code = ranked[0][0]
    # a text the model splits between languages as close as Croatian and Bosnian is still surely the first
    kin = CLOSE_LANGUAGES.get(code, {code})
    return code if sum(p for c, p in ranked if c in kin) >= MIN_PROBABILITY else None


def _east_asian(text: str) -> str | None:
    """Chinese, Japanese or Korean, told by their scripts (surer than the model, which mixes up Chinese and
    Japanese on short texts): Hangul is Korean; Han characters with kana are Japanese, without them Chinese."""
    letters = [ch for ch in text if ch.isalpha()]
    kana = sum(1 for ch in letters if "\u3040" <= ch <= "\u30ff")
    hangul = sum(1 for ch in letters if "\uac00" <= ch <= "\ud7af")
    han = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff")
    if not letters or kana + hangul + han < 0.5 * len(letters):
        return None
    if hangul >= kana + han:
        return "ko"
    return "ja" if kana >= EAST_ASIAN_KANA * (kana + han) else "zh"
