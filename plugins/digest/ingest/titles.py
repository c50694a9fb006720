"""Titles: a stated title cleaned of markup, and a title for an article whose dump gives none (the lede's
first sentence, trimmed to headline size)."""
from __future__ import annotations

import html
import re

from .model import Block
from .text import split_sentences

# Markup is never part of a title: elements whose content is code go whole, other tags leave their text,
# a Markdown link leaves its label and a bare address goes.
_CODE_ELEMENT = re.compile(r"<(script|style|noscript|template|iframe)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
# A breadcrumb trail ("Home » News » Story"): a title is its last step.
_TRAIL = re.compile(r"\s[»›>]\s")
MAX_TITLE = 140
MIN_TITLE = 40
# An opening adverbial ("In a surprising turn of events, ...") is scene-setting, not the news.
_LEAD_IN = re.compile(r"^(?:In|On|At|As|After|Amid|With|For|Following|According to|Despite|During|While|Earlier|"
                      r"Today|Yesterday|Meanwhile)\b[^,]{0,60},\s+(?=\S)")
# Where a long sentence can end early and still read as a headline.
_CLAUSE = re.compile(r",\s|\s(?:that|which|who|after|as|while|because|since|amid|—|–)\s")


def clean_title(title: str | None) -> str | None:
    """A stated title as text: no HTML or Markdown markup, no bare address, no heading marks, no
    breadcrumb trail before it."""
    if not title:
        return title
    text = _CODE_ELEMENT.sub(" ", title)
    text = _TAG.sub(" ", text)
    text = html.unescape(_URL.sub(" ", _EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text))))
    text = " ".join(text.split()).lstrip("#> ").strip()
    steps = _TRAIL.split(text)
    if len(steps) >= 3:
        text = steps[-1].strip()
    return text or None


def derive_title(blocks: list[Block]) -> str | None:
    lede = next((b.text for b in blocks if b.kind == "p" and b.text.strip()), None)
    if lede is None:
        return None
    sentence = _LEAD_IN.sub("", split_sentences(lede)[0].rstrip(" ."))
    sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence) <= MAX_TITLE:
        return sentence
    cuts = [m.start() for m in _CLAUSE.finditer(sentence) if MIN_TITLE <= m.start() <= MAX_TITLE]
    if cuts:
        return sentence[: cuts[-1]].rstrip(",;: ")
    return sentence[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:—–- ") + "…"
