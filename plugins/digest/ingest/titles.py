"""Titles: a stated title cleaned of markup, and a title for an article whose dump gives none (the lede's
first sentence, trimmed to headline size)."""
from __future__ import annotations

import html
import re
from collections import Counter

from .model import Block
from .text import split_sentences, strip_pictographs

# Markup is never part of a title: elements whose content is code go whole, other tags leave their text,
# a Markdown link leaves its label and a bare address goes.
_CODE_ELEMENT = re.compile(r"<(script|style|noscript|template|iframe)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
# A breadcrumb trail ("Home » News » Story", "Start / World / Story"): a title is its last step.
_TRAIL = re.compile(r"\s[»›>/]\s")
MAX_TITLE = 140
MIN_TITLE = 40
MIN_TITLE_WORDS = 3
# An opening adverbial ("In a surprising turn of events, ...") is scene-setting, not the news.
_LEAD_IN = re.compile(r"^(?:In|On|At|As|After|Amid|With|For|Following|According to|Despite|During|While|Earlier|"
                      r"Today|Yesterday|Meanwhile)\b[^,]{0,60},\s+(?=\S)")
# Where a long sentence can end early and still read as a headline.
_CLAUSE = re.compile(r",\s|\s(?:that|which|who|after|as|while|because|since|amid|—|–)\s")


def unmarked(text: str) -> str:
    """Markdown as the text it shows: a link its label, emphasis its words."""
    return _EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text))


def clean_title(title: str | None) -> str | None:
    """A stated title as text: no HTML or Markdown markup, no bare address, no heading marks or emoji at its
    ends, no breadcrumb trail before it."""
    if not title:
        return title
    text = _CODE_ELEMENT.sub(" ", title)
    text = _TAG.sub(" ", text)
    text = html.unescape(_URL.sub(" ", unmarked(text)))
    text = strip_pictographs(" ".join(text.split()).lstrip("#> ").strip())
    steps = _TRAIL.split(text)
    if len(steps) >= 3:
        text = steps[-1].strip()
    return _unflagged(_unkicked(_unglued(text))) or None


# A news flag before a headline, with its colon or bar: "Breaking: ...", "EXCLUSIVE | ...", "Eilmeldung: ..."
_FLAG = re.compile(r"^(?:breaking(?: news)?|just in|developing|exclusive|urgent|alert|update|live|"
                   r"eilmeldung|exklusiv|última hora|urgente|exclusiva|exclusif|dernière minute|срочно|"
                   r"эксклюзив|速報|속보|快讯|突发)\s*[:|–—-]\s+(?=\S)", re.I)


_NEW = re.compile(r"^NEW\s*[:|–—-]\s+(?=\S)")  # (in capitals only: "New: ..." may be a title's own word)


def _unflagged(text: str) -> str:
    """A title without the news flag before it, when a headline of three words or more follows."""
    flag = _FLAG.match(text) or _NEW.match(text)
    return text[flag.end():] if flag and len(text[flag.end():].split()) >= MIN_TITLE_WORDS else text


# A kicker set in capitals before a headline in sentence case: "CHILDHOOD SWEETHEART Who is ..." (two words
# of four letters or more: "US SEC sues ..." and "UK FCA Chief says ..." open with acronyms)
_KICKER = re.compile(r"^(?:[^\W\d_a-z]{4,}[ ,&-]+){2,}(?=[^\W\d_][^\W\d_A-Z]*[a-z])")


def _unkicked(text: str) -> str:
    """A title without the kicker in capitals before it, when a headline of three words or more follows."""
    kicker = _KICKER.match(text)
    if not kicker or not all(w.isupper() for w in kicker.group().split() if w.strip(",&-")):
        return text
    rest = text[kicker.end():]
    sentence_case = any(w[0].islower() for w in rest.split()[1:])
    return rest if len(rest.split()) >= MIN_TITLE_WORDS and sentence_case else text


def _unglued(text: str) -> str:
    """A title without the glued trail before it: the text after the last lower-to-upper case joint that
    has two more joints before it and only capitalised words ("HomeNewsPoliticsThe ...", "HomeRegion
    CitySportThe ..."), three words at least after it. Brand names ("YouTube", "PayPal") join one or two
    words; "McDonald's and PayPal team up" keeps its joints: "and" is no step."""
    joints = [i for i in range(1, len(text)) if text[i - 1].islower() and text[i].isupper()]
    for cut in reversed(joints[2:]):
        trail, rest = text[:cut], text[cut:]
        if len(rest.split()) >= MIN_TITLE_WORDS and all(word[0].isupper() for word in trail.split()):
            return rest
    return text


_WORD = re.compile(r"[^\W\d_][\w'’-]*(?:\.\w[\w'’-]*)*")  # "U.S", "Micron's", "co-founder"


def unshouted(title: str | None, body: str) -> str | None:
    """A title set in capitals ("TRADERS PULL FORWARD BETS ON A JUNE CUT") with each word written as the
    story writes it mid-sentence ("June", "ECB", else lower case), the first word capitalised."""
    letters = [ch for ch in title or "" if ch.isalpha()]
    if (not title or len(title.split()) < 2 or not letters or any(ch.islower() or ch.lower() == ch for ch in letters)
            or not any(ch.islower() for ch in body)):
        return title  # (a script without capitals has nothing to shout)
    forms: dict[str, Counter] = {}
    for sentence in split_sentences(body):
        for word in _WORD.findall(sentence)[1:]:  # a sentence's first word is capitalised whatever it is
            forms.setdefault(word.casefold(), Counter())[word] += 1
    def written(m: re.Match) -> str:
        seen = forms.get(m.group().casefold())
        if seen:
            return seen.most_common(1)[0][0]
        # a word without a vowel is an abbreviation ("CFTC", "NYSE" has one and is written as the story does)
        return m.group() if not re.search(r"[AEIOUYÀ-ÖØ-Þ]", m.group()) else m.group().lower()
    text = _WORD.sub(written, title)
    return text[:1].upper() + text[1:]


_TAGLINE = re.compile(r"\s[|·•–—]\s")


def publisher(name: str | None) -> str | None:
    """A publisher's or channel's name without the tagline after it ("Patchline — engineering news",
    "Harbour Desk | Trade news") or markup and emoji."""
    name = clean_title(name)
    return _TAGLINE.split(name)[0].strip() or None if name else None


def derive_title(blocks: list[Block]) -> str | None:
    lede = next((b.text for b in blocks if b.kind == "p" and b.text.strip()), None)
    if lede is None:
        return None
    sentences = split_sentences(lede)
    # a greeting or an exclamation before the news ("Hello!", "Big news:") says nothing of it
    sentence = next((s for s in sentences if len(s.split()) >= MIN_TITLE_WORDS), sentences[0])
    sentence = _LEAD_IN.sub("", sentence.rstrip(" ."))
    sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence) <= MAX_TITLE:
        return sentence
    cuts = [m.start() for m in _CLAUSE.finditer(sentence) if MIN_TITLE <= m.start() <= MAX_TITLE]
    if cuts:
        return sentence[: cuts[-1]].rstrip(",;: ")
    return sentence[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:—–- ") + "…"
