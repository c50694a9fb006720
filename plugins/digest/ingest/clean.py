"""Cleaning: take publisher text, captions and repeats out of an article's blocks.

Every rule works from the kind of text, not from known strings: where it stands (the head or tail of the
story), how it is worded (calls to action speak to "you" about "our" newsletter), and whether it repeats
across unrelated stories of the build. Whatever a rule removes becomes a Drop for the ingest report.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np

from .blocks import address
from .model import BOILERPLATE, CAPTION, CHROME, DUPLICATE, METADATA, Article, Block, Drop
from .text import (CLOCK_ALONE, COPYRIGHT, EXCHANGES, LIVE_ENTRIES, RELATED, advert_label, containment,
                   ends_sentence, fold, has_url, is_caption, link_row, looks_like_title, related_label,
                   shingle_hashes, split_sentences, sponsor_label, token_hashes, unmarked_letters, word_count,
                   word_tokens)

# ---------------------------------------------------------------- segments: sentences of paragraphs


@dataclass(frozen=True)
class Segment:
    block: int     # index into the article's blocks
    sentence: int  # index into that block's sentences (0 for non-paragraph blocks)
    text: str


def sentences_of(block: Block) -> list[str]:
    return split_sentences(block.text) if block.kind == "p" else [block.text]


def segments(blocks: list[Block]) -> list[Segment]:
    return [Segment(b, s, text) for b, block in enumerate(blocks) for s, text in enumerate(sentences_of(block))]


def cut_from(blocks: list[Block], at: Segment, reason: str) -> tuple[list[Block], list[Drop]]:
    """Drop everything from segment `at` to the end of the article."""
    head = blocks[at.block]
    kept_sentences = sentences_of(head)[: at.sentence]
    drops = [Drop(b.lines, reason, b.text) for b in blocks[at.block + 1:]]
    if kept_sentences:
        cut = " ".join(sentences_of(head)[at.sentence:])
        drops.insert(0, Drop(head.lines, reason, cut, partial=True))
        return blocks[: at.block] + [head.with_text(" ".join(kept_sentences))], drops
    return blocks[: at.block], [Drop(head.lines, reason, head.text)] + drops


def cut_until(blocks: list[Block], upto: Segment, reason: str) -> tuple[list[Block], list[Drop]]:
    """Drop everything from the start of the article through segment `upto`."""
    tail = blocks[upto.block]
    rest = sentences_of(tail)[upto.sentence + 1:]
    drops = [Drop(b.lines, reason, b.text) for b in blocks[: upto.block]]
    if rest:
        cut = " ".join(sentences_of(tail)[: upto.sentence + 1])
        drops.append(Drop(tail.lines, reason, cut, partial=True))
        return [tail.with_text(" ".join(rest))] + blocks[upto.block + 1:], drops
    return blocks[upto.block + 1:], drops + [Drop(tail.lines, reason, tail.text)]


# ---------------------------------------------------------------- calls to action

_CTA_PHRASES = re.compile(
    r"\b(subscribe|subscribing|subscription|sign(?:ing)?[ -]?up|newsletters?|"
    r"join (?:us|them|our|the|now|today|here)|follow us|click here|tap here|read more|learn more|find out more|"
    r"download (?:our|the) app|free (?:trial|e-?book|guide|account)|claim your|get (?:started|access)|"
    r"register (?:now|today|here)|visit (?:our|the) (?:website|site|links?|page)|links? below|"
    r"(?:on|at) our (?:website|site|blog)|"
    r"for more information|check out our|sponsored (?:content|post|article)|in your inbox|"
    r"try (?:our|it)|(?:advertise|partner|work) with us|unsubscribe|continue reading|"
    r"support (?:our|independent|quality|local) (?:journalism|reporting)|"
    r"becom(?:e|ing) an? (?:free or paid |paid |free )?(?:member|subscriber|supporter|patron)|donate|"
    r"receive (?:new|our|future) (?:posts|issues|stories|updates)|(?:securely|confidentially) on signal|"
    r"got an? (?:news )?tip|have an? (?:news )?tip|send (?:us )?(?:a |your )?tips?|tip us|contact (?:us|our newsroom)|"
    r"reply to this (?:e-?mail|message|newsletter)|"
    r"follow @\w+|follow me|(?:repost|reshare|retweet) (?:this|if|it)|for (?:the )?latest (?:updates|news|stories|headlines)|"
    r"(?<=[$€£])\d+(?:[.,]\d\d)?\s?(?:/|per |a )\s?(?:month|mo|year|yr)|"  # a subscription's price
    r"(?:follow|find|add) (?:\w+ ){1,5}on (?:google news|google discover|x|twitter|facebook|linkedin|instagram|"
    r"telegram|whatsapp|threads|bluesky|youtube|tiktok)|"
    r"view (?:this (?:email|newsletter|message) |it )?(?:in|on) (?:your |a |the )?(?:browser|web)|"
    r"forward (?:this|it) to a (?:friend|colleague|co-?worker)|referral (?:link|program(?:me)?|code)|"
    r"(?:manage|update) (?:your )?(?:email )?(?:preferences|subscription|alerts|notifications)|"
    r"you(?:'re|’re| are) (?:receiving|getting) (?:this|it|these)|"
    r"because you (?:signed up|subscribed|opted in|follow(?:ed)?)|(?:was|were) sent to \S+@|"
    # a membership's perk and a newsletter's cadence: "Pro members get our ...", "... every weekday morning"
    r"(?:subscribers|members) get (?:our|early|exclusive|full|unlimited)|every (?:weekday|week ?day|business day|morning))\b",
    re.I,
)
# A sponsor's disclosure or the publisher's own funding line settles it ("This episode is sponsored by ...",
# "Stablecoin Insider is supported by its readers.")
_DISCLOSURE = re.compile(r"\b(?:episode|issue|newsletter|show|podcast|video|edition) is (?:sponsored|brought to you|"
                         r"presented) by|\b(?:is|are) supported by (?:its|our|their) (?:readers|listeners|viewers|"
                         r"members|subscribers)\b|\b(?:is|are) (?:an? )?reader-supported\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")  # an address to write to
_OUR = re.compile(r"\b(?:[Oo]ur|us)\b")  # the publisher's own ("our newsletter", "join us"); not "US"
_YOU = re.compile(r"\b(you|your|you're|you’re|yourself)\b", re.I)
_OFFER = re.compile(r"\b(community|members?|membership|program(?:me)?|report|channel|podcast|webinar|premium|course|"
                    r"(?:daily|weekly|monthly) (?:summary|digest|briefing|roundup|round-up|update)s?|"
                    r"alerts|inbox|(?<![-\w])free|discount|offer|journalism)\b", re.I)
# The verbs a publisher's pitch opens with, on any English-language site.
_IMPERATIVE = {
    "subscribe", "sign", "join", "follow", "click", "tap", "read", "learn", "discover", "find", "get", "grab",
    "claim", "download", "register", "stay", "start", "try", "see", "watch", "listen", "check", "share", "like",
    "want", "don't", "don’t", "do", "unlock", "upgrade", "become", "apply", "book", "contact", "email", "visit",
    "explore", "enjoy", "support", "donate", "keep", "view", "forward", "manage", "update", "continue", "send",
    "tell", "help", "reach", "repost", "reshare", "retweet",
}
_QUOTED = re.compile(r"[“\"].*?(?:[”\"]|$)")


def _first_word(text: str) -> str:
    return (text.split() or [""])[0].lower().strip(",.:;!?")


def cta_score(text: str) -> int:
    """How strongly a sentence reads as the publisher's call to action: 0 = not at all, 4+ = clearly.

    Pitch phrases weigh 2; speaking to the reader ("you"), imperative mood and offers weigh 1 each; the
    publisher speaking of itself ("our newsletter") weighs 1 and, with a pitch phrase, settles it."""
    if text[:1] in "“\"‘'":
        return 0  # a quotation is somebody's words, not the publisher's pitch
    bare = _QUOTED.sub(" ", text)
    phrases = 2 * len({m.lower() for m in _CTA_PHRASES.findall(bare)})
    ours = bool(_OUR.search(bare))
    imperative = _first_word(bare) in _IMPERATIVE
    score = (phrases + ours + bool(_YOU.search(bare)) + imperative + bool(_OFFER.search(bare))
             + bool(_HANDLE.search(bare) or has_url(bare) or _EMAIL.search(bare)))
    # (the publisher's own pitch, one opening with its verb, "Subscribe to X for ...", or a sponsor's disclosure)
    settled = (ours or imperative) and phrases and score >= 3
    return max(score, 4) if settled or _DISCLOSURE.search(bare) else score


def _lead_in(text: str) -> bool:
    """A short line that belongs to a pitch when a call to action follows it ("Want in?", "It's free.")."""
    if word_count(text) > 12 or (re.search(r"\d{2,}", text) and not has_url(text)):
        return False
    return (has_url(text) or text.rstrip().endswith("?") or _first_word(text) in _IMPERATIVE or bool(_YOU.search(text))
            or bool(_OFFER.search(text)) or bool(COPYRIGHT.search(text)))


def _sign_off(text: str) -> bool:
    """A short line that may close a newsletter under its call to action: an address, a copyright."""
    return word_count(text) <= 15 and (not ends_sentence(text) or bool(COPYRIGHT.search(text)))


POINTER_WORDS = 15
# a closing sentence that only points elsewhere: "Read the company's post: https://...", "The full report is on
# our blog: example.org/blog/report"
_POINTER = re.compile(r":\s*(?:(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*)$", re.I)


def _pointer(text: str) -> bool:
    return word_count(text) <= POINTER_WORDS and bool(_POINTER.search(text.strip()))


def drop_tail_pitch(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """Remove the call to action or the pointer to elsewhere (with its lead-in lines, and the address and
    copyright lines under it) that closes many articles and newsletters."""
    segs = segments(blocks)
    start = None
    for seg in reversed(segs[-8:]):
        link_label = word_count(seg.text) <= 4 and RELATED.match(seg.text)  # "Read more »" closing the text
        if (cta_score(seg.text) >= 4 or link_label or _pointer(seg.text)) and blocks[seg.block].kind == "p":
            start = seg
        elif start is None and _sign_off(seg.text):
            continue
        elif not _lead_in(seg.text):
            break
        elif start is not None:  # a lead-in counts only in front of a call to action
            start = seg
    if start is None or start == segs[0]:
        return blocks, []
    return cut_from(blocks, start, BOILERPLATE)


# "Lire aussi | Headline of another story", "Leer más » Headline", "Lea también: Headline": in any language, a
# label of a few words, a bar, a chevron or a colon, and a headline (after a colon, one of six words at least:
# "Photo: Ana Ruiz" credits, "Update: ..." is a sentence)
_LABELLED_LINK = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}(?:\s[|»›]|(?P<colon>\s?:))\s(?P<headline>.+)$")
_LINKED_HEADLINE_WORDS = 6
# a line closed by a button's arrow and its label, in any language: "... every Monday by e-mail ▶ Subscribe"
_ARROW_BUTTON = re.compile(r"[▶►➤➜➔→]\s*(?:[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})?\s*$")
_HANDLE = re.compile(r"(?<![\w.])@\w{3,}|\bt\.me/\w+")  # an account or a channel, not a story's web page
PLUG_WORDS = 8
_DISCLAIMER = re.compile(r"^\W{0,3}(?:disclaimer|disclosure\s*:|not (?:financial|investment) advice|risk warning|"
                         # the same in the languages most news is written in after English
                         r"haftungsausschluss|risikohinweis|aviso legal|descargo de responsabilidad|avertissement\s*:|"
                         r"clause de non-responsabilité|esclusione di responsabilità|isenção de responsabilidade|"
                         r"отказ от ответственности|дисклеймер|免责声明|郑重声明|特别声明|风险提示|免責事項|면책\s?조항|투자 유의|"
                         # a portal's word on what it hosts: "Notice: The content above ... is uploaded by a user"
                         r"(?:notice|statement|note)\s*:\s*the (?:content|article|views?)s? above)",
                         re.I)
# ... a sentence of them anywhere in a short closing paragraph: "This article is for information only and is
# not investment advice.", "FTC: We use income earning affiliate links."
_DISCLAIMING = re.compile(r"\bnot (?:\w+ ){0,2}(?:financial|investment|legal|tax) advice\b|\bfor (?:general )?information(?:al)? "
                          r"(?:purposes )?only\b|\baffiliate links?\b|^\W{0,3}ftc\s*:", re.I)
DISCLAIMING_WORDS = 30
# ... and why the reader gets the mail, closing a newsletter's last item: "You received this email because ..."
_RECEIVING = re.compile(r"^(?:you(?:'re| are)? (?:receiving|received|getting|got|get) this(?: e-?mail| message| newsletter)?"
                        r"|sie erhalten diese (?:e-?mail|nachricht)|vous recevez cet (?:e-?mail|e-mail|courriel)"
                        r"|(?:recibes|recibiste|has recibido) este (?:correo|e-?mail)|você (?:está )?recebe\w* este e-?mail)",
                        re.I)
_TAGS_ONLY = re.compile(r"^(?:[#$][^\W\d_][\w.]*[\s,]*)+$")  # "#Bitcoin #Crypto $BTC"


# "... in December. #ECB #rates", "...的可能。#央行降准# #两会#" (tags closed by a second #), a like count after them
_TRAILING_TAGS = re.compile(r"(?<=[.!?…)\"”。！？])\s*((?:#[^\W\d_][\w.]*#?\s*)+(?:\d[\d.,]*\s?[^\W\d_]{0,4}\.?)?)$")


def drop_advert(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """A paid message, labelled so at its start ("📢 AD | Trade with 0% fees", "Реклама. Курс ...", a tag of
    its own over the pitch, "#реклама"): all of it. (A page's lone "Advertisement" line is no such label.)"""
    first = blocks[0].text.split("\n")[0].strip() if blocks else ""
    if advert_label(first, alone=False) or (first.startswith("#") and advert_label(first)):
        return [], [Drop(b.lines, BOILERPLATE, b.text) for b in blocks]
    return blocks, []


SPONSOR_WORDS = 80  # a sponsor's block under its label: a pitch and a button


def drop_sponsor_block(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """A sponsor's block closing an item under its label ("A MESSAGE FROM ACME", "Presented by Acme"): the
    label and the short pitch under it."""
    for k in range(1, len(blocks)):
        if sponsor_label(blocks[k].text) and sum(word_count(b.text) for b in blocks[k + 1:]) <= SPONSOR_WORDS:
            return blocks[:k], [Drop(b.lines, BOILERPLATE, b.text) for b in blocks[k:]]
    return blocks, []


def drop_trailing_hashtags(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """Hashtags a social post closes its last sentence with: the platform's index, not the story's words."""
    if not blocks or not (m := _TRAILING_TAGS.search(blocks[-1].text)):
        return blocks, []
    last = blocks[-1]
    return blocks[:-1] + [last.with_text(last.text[: m.start()])], [Drop(last.lines, BOILERPLATE, m.group(1).strip(),
                                                                        partial=True)]


def _linked_after_colon(block: Block, labelled: re.Match) -> bool:
    """A paragraph "Lea también: Headline of another story", not a subheading ("The verdict: ..."), an
    interview's question ("Q: ...") or a list of parts ("Containers: 1 green, 1 red, 1 blue")."""
    headline = labelled["headline"]
    return (block.kind == "p" and len(labelled.group().split(":")[0]) >= 3 and "," not in headline
            and word_count(headline) >= _LINKED_HEADLINE_WORDS)


# a video's chapters: "0:00 Intro", "0:42 ETF outflows", "12:04 What's next", each a time into the video
_CHAPTER = re.compile(r"(?:^|\s)\(?(\d{1,2}(?::\d{2}){1,2})\)?\s+[-–—]?\s*(?=\S)")
MIN_CHAPTERS = 3
CHAPTER_WORDS = 8  # a chapter's title is short


def _chapters(text: str) -> bool:
    """Whether a block is a video's list of chapters: three times or more, in order, each before a short
    title, starting at the block's start (its lines joined or not)."""
    found = list(_CHAPTER.finditer(text))
    if len(found) < MIN_CHAPTERS or found[0].start() > 0:
        return False
    seconds = [_seconds(m[1]) for m in found]
    titles = [text[a.end():(b.start() if b else len(text))] for a, b in zip(found, found[1:] + [None])]
    return seconds == sorted(seconds) and max(map(word_count, titles)) <= CHAPTER_WORDS


# who reacted to a post, as a social site sums it up: "Dana Roe and 1,845 others", "Dana Roe und 12 weitere"
_REACTED = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s){1,3}(?:and|und|et|y|e|i|и|ve|en|og|och)\s+\d[\d.,\u00a0 ]*\s?[^\W\d_]+$")


def _lone_chapter(block: Block) -> bool:
    return (block.kind == "p" and bool(_CHAPTER.match(block.text)) and word_count(block.text) <= CHAPTER_WORDS
            and not ends_sentence(block.text))


def _seconds(stamp: str) -> int:
    """A chapter's time into the video ("12:04", "1:02:04") in seconds."""
    return sum(int(p) * 60 ** i for i, p in enumerate(reversed(stamp.split(":"))))


def drop_chapters(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """A video's chapters set one to a paragraph ("0:38 The headline numbers"), three or more in a row in
    order (before the edges are trimmed, which would leave fewer)."""
    chapters = _chapter_blocks(blocks)
    return ([b for i, b in enumerate(blocks) if i not in chapters],
            [Drop(b.lines, BOILERPLATE, b.text) for i, b in enumerate(blocks) if i in chapters])


def _chapter_blocks(blocks: list[Block]) -> set[int]:
    found, run = set(), []
    for i, block in enumerate(blocks + [Block("p", "")]):
        m = _CHAPTER.match(block.text)
        if m and word_count(block.text) <= CHAPTER_WORDS + 1 and m.start() == 0:
            run.append((i, _seconds(m[1])))
            continue
        if len(run) >= MIN_CHAPTERS and [t for _, t in run] == sorted(t for _, t in run):
            found.update(i for i, _ in run)
        run = []
    return found


# a page's note that the story goes on below a video or an ad ("Story continues below advertisement",
# "Dalsza część artykułu pod materiałem wideo"), over the video's title or not
_CONTINUES = re.compile(r"\b(?:(?:story|article|text|report) continues|continued) (?:below|after)\b|"
                        r"dalsza część (?:artykułu|tekstu) (?:pod|poniżej)|(?:der )?(?:artikel|text) (?:geht|wird) "
                        r"(?:unter|nach) .{1,30}(?:weiter|fortgesetzt)|l'article continue (?:ci-dessous|après|sous)|"
                        r"(?:la nota|la noticia|el artículo) (?:continúa|sigue) (?:abajo|debajo|después|tras)|"
                        r"(?:o texto|a matéria|a reportagem) continua (?:abaixo|após|depois)|"
                        r"l'articolo (?:continua|prosegue) (?:sotto|dopo)|статья продолжается (?:ниже|после)|"
                        r"artikel berlanjut|lanjutan artikel", re.I)
CONTINUES_WORDS = 10


def _continues_at(blocks: list[Block]) -> set[int]:
    """The "continues below" notes and, right under one, a heading or a line of a title's shape (the video's
    title) over the story's next paragraph."""
    found = set()
    for k, block in enumerate(blocks):
        if word_count(block.text) <= CONTINUES_WORDS and _CONTINUES.search(block.text):
            found.add(k)
            if k + 2 < len(blocks) and (blocks[k + 1].kind == "h" or not ends_sentence(blocks[k + 1].text)) \
                    and word_count(blocks[k + 1].text) <= HEAD_WORDS + 4:
                found.add(k + 1)
    return found


def drop_inline_pitches(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """Standalone promo paragraphs inside the article ("Read more: ...", "Subscribe to our newsletter"),
    and the disclaimers, hashtag lines and the maker's word on the medium ("In this video I ...") that close
    posts."""
    kept, drops = [], []
    # a message of a few words pointing at a handle or an address, and nothing else: the channel's
    # self-promotion in any language ("Subscribe to our channel @name 👈"), not a story
    plug = len(blocks) == 1 and word_count(blocks[0].text) <= PLUG_WORDS and bool(_HANDLE.search(blocks[0].text))
    # the "continues below" notes; the headlines a bare "Read also:" label stands over, inside the story
    listed = _continues_at(blocks)
    for i, block in enumerate(blocks):
        disclaimer = (i >= len(blocks) - 3 and (_DISCLAIMER.match(block.text) or _TAGS_ONLY.match(block.text)
                                                or ((_DISCLAIMING.search(block.text) or _RECEIVING.match(block.text))
                                                    and word_count(block.text) <= DISCLAIMING_WORDS)
                                                or (_FRAMING.match(block.text) and word_count(block.text) <= FRAMING_WORDS))
                      or plug or _chapters(block.text))
        bare = unmarked_letters(block.text)  # (Arabic's vowel marks are no letters: "أيضاً")
        labelled = _LABELLED_LINK.match(bare)
        # (an address alone, or behind a label, closing the text: "Full story at Site → <address>"; a short
        # line with a handle closing it, no sentence, in any language: "🔗 Siga @canal para mais")
        closing = i == len(blocks) - 1 and len(blocks) > 1
        promo = (block.kind in ("p", "h", "quote") and word_count(block.text) <= 40
                 and (RELATED.match(bare) or cta_score(block.text) >= 4 or _ARROW_BUTTON.search(block.text)
                      or (closing and address(block.text))
                      or (closing and word_count(block.text) <= PLUG_WORDS and bool(_HANDLE.search(block.text))
                          and not ends_sentence(block.text))
                      or (labelled and looks_like_title(labelled["headline"])
                          and (not labelled["colon"] or _linked_after_colon(block, labelled)))))
        if disclaimer or promo or i in listed:
            drops.append(Drop(block.lines, BOILERPLATE, block.text))
        else:
            kept.append(block)
        if promo and related_label(bare):
            listed |= set(_headlines_under(blocks, i))
    return kept, drops


LISTED_HEADLINES = 4  # a "Read also:" label inside a story stands over this many other headlines at most


def _headlines_under(blocks: list[Block], label: int) -> range:
    """The other stories' headlines under a bare "Read also:" label: the title-like lines below it, up to
    the story's next paragraph."""
    end = label + 1
    while (end < len(blocks) and end - label <= LISTED_HEADLINES and blocks[end].kind in ("p", "h")
           and looks_like_title(blocks[end].text, max_words=20)):
        end += 1
    return range(label + 1, end)


# ---------------------------------------------------------------- furniture at a story's edges

# Credits news stories close with: "Reporting by ...; Editing by ...", "Additional reporting by ...".
_CREDIT = re.compile(r"^[(\[—–-]*\s*(?:(?:additional|further|contributing) )?(?:reporting|writing|written|editing|"
                     r"edited|compiled|produced|research|graphics?|photos?|video|translat(?:ed|ion)|fact[- ]checked)"
                     r"(?: and \w+)? by\b", re.I)
# Where a write-up says its facts come from, closing it: "Source: the regulator's letter", "src: ...", "Quelle: ..."
_SOURCE = re.compile(r"^(?:sources?|src|via|quellen?|fuentes?|fontes?|источники?|джерела?|kaynak|źródła?|sumber|"
                     r"出典|来源|출처)\s*[:：]", re.I)
SOURCE_WORDS = 30
# An author's bio: "<Name> is a reporter at ...", "<Name> covers markets for ...".
_BIO = re.compile(r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:(?:is|was|has been|covers|writes|reports)\b.{0,200}?\b(?:reporter|writer|"
                  r"editor|correspondent|journalist|columnist|contributor|author|analyst|producer|fellow)s?\b"
                  # "Marisol Grant covers transportation for the Lakeshore Ledger. Reach her at ...", or alone
                  r"|(?:covers|writes about|reports on)\b[^.]{0,120}\b(?:for|from) (?:the )?[A-Z][^.]{0,60}\.\s*"
                  r"(?:(?:Reach|Contact|Email|Follow) (?:her|him|them)\b|Tips?\s*:|$)"
                  # ... and the publisher's: "Harbour Wire is an independent newsroom covering ..."
                  r"|(?:is|are) (?:an?|the) (?:[\w-]+ ){0,4}(?:newsroom|news (?:site|outlet|service|agency|organi[sz]ation)|"
                  r"publication|newsletter|media (?:company|outlet|organi[sz]ation))\b)")
# A newsletter's sign-off: "Thanks for reading The Weekly!", "Thank you for subscribing.", "That's all for today.",
# "This post is for paid subscribers"
# the maker's word on the medium closing a description of a story: "In this video I break down ...",
# "In today's episode we look at ..."
# (or as a label: "On this episode: ...", or of the maker in the third person: "In this video, Dana breaks down ...")
_MEDIUM = r"(?:video|episode|podcast|show|stream|livestream|issue|edition|newsletter|thread)\b"
_FRAMING = re.compile(rf"^(?:in|on) (?:this|today[’']s) {_MEDIUM}(?:,|\s*:| (?:i|we)\b)"
                      rf"|^(?:in|on) the {_MEDIUM}(?:,? (?:i|we)\b|\s*:)", re.I)
FRAMING_WORDS = 40
_THANKS = re.compile(r"^(?:(?:thanks|thank you) (?:for|so much for) (?:reading|subscribing|being)|"
                     r"that(?:'s|’s| is) (?:all|it) for (?:today|now|this (?:week|issue|edition))|"
                     # a paywall's notice where the rest of a post was cut
                     r"this (?:post|article|story|issue) is (?:only )?for (?:paid )?(?:subscribers|members)|"
                     r"(?:subscribe|upgrade) to (?:keep|continue) reading|keep reading with a)\b", re.I)
THANKS_WORDS = 25  # a sign-off with its request: "That's it for this week. Reply to this email if you disagree."
COPYRIGHT_AT = 12  # a copyright notice opens with its sign, or after a label or a bracket ("<저작권자 © ...>")
BUTTON_WORDS = 2  # a list closing a story whose every item is this short is a row of buttons ("X", "Telegram")
LABEL_WORDS = 4   # a block this short, not a sentence, at a story's edge is a label: a byline, a button, a time
HEAD_WORDS = 12   # ... and at its head, a line this short that is not a sentence and not on the story's topic
ON_TOPIC = 0.5       # share of a head line's longer words the story uses, for it to be the story's (a standfirst)
ON_TOPIC_BLOCKS = 6  # the story's first blocks, where a standfirst's words come back


def _label(text: str, words: int) -> bool:
    """A short line that is not a sentence; a greeting or a sign-off ("Hi friends,", "Until next week,")
    ends with a comma and is none either."""
    return word_count(text) <= words and (not ends_sentence(text) or text.rstrip().endswith(","))


def _on_topic(text: str, rest: list[Block]) -> bool:
    """Whether a short line speaks of what the story speaks of (a standfirst does; a byline, a dateline
    or another story's headline does not): most of its longer words come back in the story."""
    words = {w for w in word_tokens(text) if len(w) > 3}
    if not words:
        return False
    story = set(word_tokens(" ".join(b.text for b in rest[:ON_TOPIC_BLOCKS])))
    return len(words & story) >= ON_TOPIC * len(words)


# "Tags: central bank, key rate, inflation", "Теги: ЦБ, ключевая ставка", "Archivado en: Energía, Aragón"
_TAG_LIST = re.compile(r"^[^\W\d_][^:：]{0,25}[:：]\s*(?P<tags>[^.!?]+)$")
TAG_WORDS = 3


def _tag_list(text: str) -> bool:
    """A label over a list of short tags, as pages close their articles with."""
    m = _TAG_LIST.match(text.strip())
    tags = re.split(r"\s*[,;·|]\s*", m["tags"].strip()) if m else []
    return len(tags) >= 2 and all(0 < word_count(tag) <= TAG_WORDS for tag in tags)


CREDITED_TAIL_WORDS = 60  # below a wire story's credits, this much is the poster's note, not the story


def _credited_end(blocks: list[Block]) -> int | None:
    """Where a wire story ends that closes with its credits ("(Reporting by ...; Editing by ...)") with a short
    note under them (the one who pasted it: "My take: ..."): at its credits."""
    for k in range(len(blocks) - 2, max(-1, len(blocks) - 5), -1):
        if blocks[k].kind == "p" and _CREDIT.match(blocks[k].text) and word_count(blocks[k].text) <= 20:
            below = sum(word_count(b.text) for b in blocks[k + 1:])
            return k if below <= CREDITED_TAIL_WORDS else None
    return None


# the lead picture's caption over the story, its credit in brackets and no full stop: "Il cantiere del primo
# campus a Settimo Milanese (Imagoeconomica)"
_LEAD_CAPTION = re.compile(r"^[^.!?\n]{10,200}\s\((?:[^\W\d_][\w&.'’-]*)(?:\s[^\W\d_][\w&.'’-]*){0,2}\)$")


def drop_edge_furniture(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """What pages put around a story, recognised by its shape and place: at the head, bylines, datelines,
    reading times, audio-player and share labels, a stray headline (short lines that are not sentences
    before the first paragraph); at the tail, labels and timestamps, rows of links, credits, an author's
    bio, and a "read more"-style label over a list of other headlines."""
    drops: list[Drop] = []
    # (a live blog's entries each under their time: its first time is the story's too)
    live = sum(1 for b in blocks if CLOCK_ALONE.match(b.text)) >= LIVE_ENTRIES
    while len(blocks) > 1 and blocks[0].kind in ("p", "h") and not (live and CLOCK_ALONE.match(blocks[0].text)) and (
            _label(blocks[0].text, LABEL_WORDS) or link_row(blocks[0].text) or _LEAD_CAPTION.match(blocks[0].text)
            or (_label(blocks[0].text, HEAD_WORDS) and not _on_topic(blocks[0].text, blocks[1:]))):
        drops.append(Drop(blocks[0].lines, CHROME, blocks[0].text))
        blocks = blocks[1:]
    blocks, drops = _without_key_points(blocks, drops)
    blocks, drops = _without_dateline(blocks, drops)
    credited = _credited_end(blocks)
    if credited is not None:
        drops += [Drop(b.lines, BOILERPLATE, b.text) for b in blocks[credited:]]
        blocks = blocks[:credited]
    end = len(blocks)
    while end > 1:
        block = blocks[end - 1]
        if (block.kind in ("p", "h") and (_label(block.text, LABEL_WORDS) or link_row(block.text)
                                          or _tag_list(block.text))
                # a heading with nothing under it heads no part of the story ("Share this:", "Comments")
                or (block.kind == "h" and word_count(block.text) <= HEAD_WORDS)
                or (block.kind == "list" and all(_label(item, BUTTON_WORDS) for item in block.text.split("\n")))):
            drops.append(Drop(block.lines, CHROME, block.text))  # (a list of one-word items: share buttons)
        elif (not re.search(r"[^\W\d_]", block.text) or _lone_chapter(block) or _REACTED.match(block.text)
              or _EMAIL.fullmatch(block.text.strip())):  # (and the reporter's address alone: "jhkim@kna.example")
            # a row of reactions and counts ("🔥 14 👀 6", "Dana Roe and 1,845 others"); a video's chapter the
            # list of them left ("3:15 Tesla vs. Waymo")
            drops.append(Drop(block.lines, CHROME, block.text))
        elif block.kind == "p" and (_CREDIT.match(block.text) or _BIO.match(block.text)
                                    or (_SOURCE.match(block.text) and word_count(block.text) <= SOURCE_WORDS)
                                    or (COPYRIGHT.search(block.text[:COPYRIGHT_AT]) and word_count(block.text) <= 40)
                                    or (_THANKS.match(block.text) and word_count(block.text) <= THANKS_WORDS)):
            drops.append(Drop(block.lines, BOILERPLATE, block.text))
        else:
            break
        end -= 1
    blocks = blocks[:end]
    return _drop_headline_list(blocks, drops)


KEY_POINT_WORDS = 15  # a summary's point above the lede ("Leverage capped at 10 times for retail traders")
KEY_POINTS = 5
LEDE_WORDS = 25


def _without_key_points(blocks: list[Block], drops: list[Drop]) -> tuple[list[Block], list[Drop]]:
    """A summary's points above the lede, lines that are no sentences ("Summary" over "Leverage capped at
    10 times"): two or more under the label the head's furniture had, three or more without one."""
    k = 0
    while k < min(KEY_POINTS, len(blocks) - 1) and blocks[k].kind in ("p", "h", "list") and all(
            _label(t, KEY_POINT_WORDS) for t in blocks[k].text.split("\n")):
        k += 1
    points = sum(len(b.text.split("\n")) for b in blocks[:k])
    labelled = bool(drops) and word_count(drops[-1].text) <= 2
    if k < len(blocks) and word_count(blocks[k].text) >= LEDE_WORDS and (points >= 3 or (labelled and points >= 2)):
        return blocks[k:], drops + [Drop(b.lines, CHROME, b.text) for b in blocks[:k]]
    return blocks, drops


# "WASHINGTON, March 17 (Agency) - ", "SANTA CLARA, Calif., Feb. 26, 2026 (PR Wire) -- ", "SEOUL - ": where and
# when the story was filed, ahead of its first sentence
# (behind the outlet's site, as Indonesian and Malaysian news write it: "Bisnis.com, JAKARTA — ")
_DATELINE = re.compile(r"^(?:[A-Z][\w-]*(?:\.[a-z]{2,6})+,\s+)?[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,3}(?:,\s+[^()\n]{2,30}?)?\s*(?:\([^()]{2,40}\))?"
                       r"\s+(?:-{1,2}|—|–)\s+(?=[A-Z\"“‘'])")


# ... and in a script without capitals, a place of a word or three before a dash: "الرياض - "
_UNCASED_DATELINE = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+){0,2}\s+(?:-{1,2}|—|–)\s+(?=\S)")


# ... and a press release's, the wire's name between dashes or slashes: "DUBLIN--(BUSINESS WIRE)--",
# "NEW YORK, March 3, 2026 /PRNewswire/ --"
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,3}(?:,\s+[^()\n/]{2,40}?)?\s*"
                            r"(?:--\s*\([^()]{2,40}\)\s*--|/[^/\n]{2,40}/\s*(?:--|—|–))\s*(?=\S)")


# ... and a Chinese wire's, the agency, reporter, place and day ending in "電" (dispatched), in brackets or not:
# "（中央社記者王明台北5日電）", "新华社北京11月5日电 "
_CJK_DATELINE = re.compile(r"^[(（][^()（）]{2,30}?[電电][)）]\s*|^[^\s，。]{2,20}?\d{1,2}月\d{1,2}日[電电]\s*[(（]?[^()（）]{0,12}?[)）]?\s+"
                           # the place and the agency or reporter, as Japanese and Korean wires write them:
                           # "【台北＝中村健太】", "(세종=한국뉴스통신) 김지훈 기자 = "
                           r"|^[【(（\[][^【】()（）\[\]=＝]{1,20}[=＝][^【】()（）\[\]]{1,30}[】)）\]]\s*"
                           r"(?:[^\s=＝]{2,5}\s?(?:기자|특파원|記者|特派員)\s?[=＝]\s*)?")


def _dateline_at(text: str) -> re.Match | None:
    if cjk := _CJK_DATELINE.match(text):
        return cjk
    if text[:1].isalpha() and not text[:1].isupper() and not text[:1].islower():
        return _UNCASED_DATELINE.match(text)
    return _DATELINE.match(text) or _WIRE_DATELINE.match(text)


def _without_dateline(blocks: list[Block], drops: list[Drop]) -> tuple[list[Block], list[Drop]]:
    if not blocks or blocks[0].kind != "p" or not (m := _dateline_at(blocks[0].text)):
        return blocks, drops
    first = blocks[0]
    return [first.with_text(first.text[m.end():])] + blocks[1:], drops + [
        Drop(first.lines, CHROME, m.group().strip(), partial=True)]


def _drop_headline_list(blocks: list[Block], drops: list[Drop]) -> tuple[list[Block], list[Drop]]:
    """A label such as "Read more" or "Related" over nothing but headlines closes the story: cut it off."""
    k = len(blocks)  # blocks[k:] are headlines (or lists of them)
    while k > 1:
        block = blocks[k - 1]
        if RELATED.match(block.text) and word_count(block.text) <= 6:
            if k < len(blocks):
                drops += [Drop(b.lines, BOILERPLATE, b.text) for b in blocks[k - 1:]]
                return blocks[: k - 1], drops
            break
        if not (block.kind == "list" or looks_like_title(block.text, max_words=20)):
            break
        k -= 1
    return blocks, drops


# ---------------------------------------------------------------- syndication, press releases, titles

_SYNDICATION = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?:(?:The|This) (?:post|article|story|entry|piece)(?: .{1,300}?)? "
    r"(?:first appeared|appeared first|was first published|was originally published|originally appeared) "
    r"(?:on|at|in)"
    # the same footer as publishing tools write it in other languages ("Der Beitrag ... erschien zuerst auf ...")
    r"|(?:Der Beitrag|Der Artikel) .{1,300}? erschien zuerst (?:auf|bei)"
    r"|(?:L[’']article|Cet article|Le billet) .{1,300}? est apparu en premier sur"
    r"|(?:La entrada|El artículo|La publicación) .{1,300}? (?:se publicó primero en|apareció primero en)"
    r"|(?:O post|O artigo) .{1,300}? apareceu primeiro (?:em|no|na)"
    r"|L[’']articolo .{1,300}? (?:proviene da|è apparso per la prima volta su))"
    r" (?P<site>[^.]{1,80}?)\s*(?:\.\s+[^\n]{0,160})?\.?\s*$"  # (and a pitch after it: "Sign up free at ...")
)


def drop_syndication_footer(blocks: list[Block]) -> tuple[list[Block], list[Drop], str | None]:
    """"The post <title> appeared first on <Site>." closes feed copies; it also names the publisher,
    returned third."""
    # (the footer may stand above a disclaimer or a pitch closing the feed's copy)
    found = next(((k, m) for k in range(len(blocks) - 1, max(-1, len(blocks) - 1 - SYNDICATION_DEPTH), -1)
                  if (m := _SYNDICATION.search(blocks[k].text))), None)
    if found is None:
        return blocks, [], None
    at, m = found
    last = blocks[at]
    kept = last.text[: m.start()].strip()
    drops = [Drop(last.lines, BOILERPLATE, last.text[m.start():], partial=bool(kept))]
    drops += [Drop(b.lines, BOILERPLATE, b.text) for b in blocks[at + 1:]]
    return blocks[:at] + ([last.with_text(kept)] if kept else []), drops, m.group("site").strip()


SYNDICATION_DEPTH = 2  # the footer closes the copy, or stands over one more block


_ABOUT = re.compile(r"^About (?P<name>[A-Z][\w.&'’-]*(?: [A-Z0-9][\w.&'’-]*){0,4})(?: (?P=name)\b|$)")
_CONTACT = re.compile(r"^(?:Media|Press|PR) (?:Contacts?|Inquiries|Enquiries)\b|^#{3}$|^-30-$"
                      r"|^(?:Forward-Looking Statements?|Safe Harbou?r Statement|Cautionary (?:Note|Statement)s?)\b"
                      # a research institute's closing lines: whom to call, the paper by its DOI
                      r"|^(?:(?:Scientific |Media )?Contacts?|Kontakt|Contacto)\s*:.*(?:\+?\d[\d ()/.-]{7,}|@\w)"
                      r"|^(?:Original publication|Publication|Reference|Paper|Study|Originalpublikation)\s*:.*\bdoi\b",
                      re.I)
# the "About" section's opening even where a page copy lost its heading: the company, its listing, "is"
_LISTED_IS = re.compile(rf"^[A-Z][\w.&'’-]*(?: [A-Z0-9][\w.&'’-]*){{0,4}},? \((?:{EXCHANGES})\s*:\s*[A-Z0-9.]{{1,10}}\),? "
                        r"(?:is|was|has been)\b")


def drop_press_footer(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """Press releases end with "About <Company>" boilerplate, forward-looking statements, media contacts (a
    contact's phone or address) or the paper they report on (by its DOI): cut from there."""
    segs = segments(blocks)
    total = sum(len(s.text) for s in segs)
    seen = 0
    for seg in segs:
        if seen > 0.4 * total and (_ABOUT.match(seg.text) or _CONTACT.match(seg.text) or _LISTED_IS.match(seg.text)):
            return cut_from(blocks, seg, BOILERPLATE)
        seen += len(seg.text)
    return blocks, []


_WORD = re.compile(r"\w+")


def _title_echo(title: str, text: str) -> tuple[str, int] | None:
    """When `text` opens with `title` (behind at most three words of prefix), the prefix and the offset
    where the title ends; None otherwise. Compared word by word, so quotes and dashes may differ."""
    wanted = [w.casefold() for w in _WORD.findall(title)]
    if len(wanted) < 2:
        return None
    found = list(_WORD.finditer(text[: 2 * len(title) + 100]))
    for skip in range(4):
        window = found[skip: skip + len(wanted)]
        if [m.group().casefold() for m in window] == wanted:
            end = window[-1].end()
            while end < len(text) and not text[end].isalnum() and not text[end].isspace():
                end += 1  # closing punctuation of the title
            return text[: found[skip].start()].strip() if skip else "", end
    return None


ECHO_DEPTH = 2  # blocks above a body's repeat of its title


def _whole_echo(title: str, text: str) -> bool:
    echo = _title_echo(title, text)
    return echo is not None and not echo[0] and not text[echo[1]:].strip()


def drop_title_echo(title: str | None, blocks: list[Block]) -> tuple[list[Block], list[Drop], str | None]:
    """A body that opens with its own title (maybe behind the publisher's name, returned third) repeats
    it: remove it."""
    if not blocks or not title:
        return blocks, [], None
    first = blocks[0]
    echo = _title_echo(title, first.text)
    if echo is None:
        # the title a line or two down, under short lines that are no sentences ("Read on the web: <link>")
        k = next((k for k in range(1, ECHO_DEPTH + 1) if k < len(blocks) and _whole_echo(title, blocks[k].text)), None)
        if k is None or not all(_label(b.text, HEAD_WORDS) for b in blocks[:k]):
            return blocks, [], None
        return blocks[k + 1:], [Drop(b.lines, CHROME, b.text) for b in blocks[:k]] + [
            Drop(blocks[k].lines, DUPLICATE, blocks[k].text)], None
    prefix, end = echo
    rest = first.text[end:].strip()
    if (prefix and not prefix[0].isupper()) or rest[:1].islower():
        # a lower-case word after the title's words: they open the story's first sentence, not a repeat of it
        return blocks, [], None
    drop = Drop(first.lines, BOILERPLATE if prefix else DUPLICATE, first.text[:end], partial=bool(rest))
    return ([first.with_text(rest)] if rest else []) + blocks[1:], [drop], prefix or None


# ---------------------------------------------------------------- captions and repeats


def drop_captions(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """Short paragraphs that credit a picture ("... Source: X.") whose picture is not in the dump, and such
    captions taken for subheadings (no full stop closes "Boise, Idaho. Photo: Micron"; a subheading holds no
    sentence before a credit)."""
    kept, drops = [], []
    for k, block in enumerate(blocks):
        shape = block.kind == "p" or (block.kind == "h" and re.search(r"\w[.!?]\s+\S", block.text))
        # (a wire's photo caption inside its story: its own dateline, the photographer's address closing it)
        wired = k > 0 and _dateline_at(block.text) and _EMAIL.search(block.text.split()[-1])
        if shape and word_count(block.text) <= 40 and (is_caption(block.text) or wired):
            drops.append(Drop(block.lines, CAPTION, block.text))
        else:
            kept.append(block)
    return kept, drops


# a note under an essay: "1 Oracle's guidance is ...", "[2] I own no shares." (its number, then the note)
_FOOTNOTE = re.compile(r"^(?:\[(\d{1,2})\]|(\d{1,2})[.)]?)\s+(?=\S)")


def _marker(number: str, bracketed: bool) -> re.Pattern:
    """The note's mark in the text: "[2]", or its number set right after a word or its stop ("off.1 Credit";
    not a model's name: "H1 2026", "GPT4 is")."""
    if bracketed:
        return re.compile(rf"\[{number}\]")
    return re.compile(rf"(?:(?<=[a-z]{{3}})|(?<=[^\W\d_][.,;:!?”’\")])){number}(?=\s|$)")


def drop_footnotes(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """An essay's numbered notes at its end (1, 2, ... in order) whose every number marks the text above
    them: the notes go, and so do their marks; a list of sources with their addresses stays."""
    start = len(blocks)
    while start > 0 and blocks[start - 1].kind == "p" and _FOOTNOTE.match(blocks[start - 1].text):
        start -= 1
    notes = [_FOOTNOTE.match(b.text) for b in blocks[start:]]
    numbers = [note.group(1) or note.group(2) for note in notes]
    # (a list of sources, "[1] http://...", is the story's references: kept)
    if (not notes or numbers != [str(n) for n in range(1, len(notes) + 1)] or start == 0
            or any(has_url(b.text) for b in blocks[start:])):
        return blocks, []
    marks = [_marker(number, bool(note.group(1))) for number, note in zip(numbers, notes)]
    body = blocks[:start]
    if not all(any(mark.search(b.text) for b in body) for mark in marks):
        return blocks, []
    for mark in marks:
        at = next(k for k, b in enumerate(body) if mark.search(b.text))
        body[at] = body[at].with_text(mark.sub("", body[at].text, count=1))
    return body, [Drop(b.lines, BOILERPLATE, b.text) for b in blocks[start:]]


def drop_duplicate_blocks(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """No paragraph twice in a post: a later copy goes when it is a real paragraph or follows its first
    copy directly. Short labels that recur across sections (a Q&A's questions, a meal plan's "Eat every
    2-3 hours") and headings are structure, not repeats."""
    kept, drops, last_seen = [], [], {}
    for i, block in enumerate(blocks):
        key = fold(block.text)
        earlier = last_seen.get(key)
        if earlier is not None and block.kind != "h" and (word_count(key) >= 12 or i - earlier == 1):
            drops.append(Drop(block.lines, DUPLICATE, block.text))
        else:
            kept.append(block)
        last_seen[key] = i
    return kept, drops


PULL_QUOTE_WORDS = 6  # a pull quote is a sentence at least this long ...
PULL_QUOTE_MAX = 40   # ... and at most this long


def _quoted_key(text: str) -> str:
    return fold(text).strip(" \"'“”‘’«»").rstrip(".,;:!?…").strip(" \"'“”‘’«»")


def drop_pull_quotes(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """A pull quote: a short paragraph or quotation block whose words a longer paragraph of the story holds
    (the sentence set in large type beside the text it comes from, above or below it)."""
    paragraphs = [(i, fold(b.text)) for i, b in enumerate(blocks) if b.kind == "p"]
    kept, drops = [], []
    for k, block in enumerate(blocks):
        # (its closing stop may be the comma of the quotation in the text: '..., a mid-sized city," she said';
        # its sentences may stand apart there: '"I trust the app," he said. "That is the whole story."')
        pieces = [_quoted_key(sentence) for sentence in split_sentences(block.text)]
        key = _quoted_key(block.text)
        pulled = (block.kind in ("p", "quote") and PULL_QUOTE_WORDS <= word_count(key) <= PULL_QUOTE_MAX
                  and any(i != k and word_count(p) > word_count(key) and (key in p or all(x in p for x in pieces))
                          for i, p in paragraphs))
        if pulled:
            drops.append(Drop(block.lines, DUPLICATE, block.text))
        else:
            kept.append(block)
    return kept, drops


# ---------------------------------------------------------------- boilerplate by repetition

EDGE = 6  # sentences at each end of a story where publisher boilerplate lives


def edge_sentences(blocks: list[Block], n: int) -> list[str]:
    """The first n and the last n sentences (overlapping in a short story), splitting only the blocks
    at the ends: the middle of a long story is not looked at."""
    head: list[str] = []
    for block in blocks:
        if len(head) >= n:
            break
        head += sentences_of(block)
    tail: list[str] = []
    for block in reversed(blocks):
        if len(tail) >= n:
            break
        tail = [*sentences_of(block), *tail]
    return head[:n] + tail[-n:]


def edge_keys(article: Article) -> list[str]:
    """The article's edge sentences as repeated_edges compares them."""
    return [key for key in map(fold, edge_sentences(article.blocks, EDGE)) if word_count(key) >= 3]


def repeated_edges(articles: list[Article], keys: list[list[str]] | None = None) -> set[str]:
    """Sentences that open or close two or more *different* stories of the build: the publisher's, not
    the story's. Two copies of one story share most of their word runs, so they do not count as different.
    `keys`: each article's edge_keys, when the caller has them already."""
    where: dict[str, set[int]] = defaultdict(set)
    for i, article_keys in enumerate(keys if keys is not None else map(edge_keys, articles)):
        for key in article_keys:
            where[key].add(i)
    shingles: dict[int, np.ndarray] = {}

    def of(i: int) -> np.ndarray:
        if i not in shingles:
            shingles[i] = shingle_hashes(token_hashes(word_tokens(articles[i].body_text())), 5)
        return shingles[i]

    return {key for key, owners in where.items() if len(owners) > 1 and any(
        containment(of(a), of(b)) < 0.5 for a in sorted(owners) for b in sorted(owners) if a < b)}


def drop_repeated_edges(blocks: list[Block], repeated: set[str]) -> tuple[list[Block], list[Drop]]:
    """Remove the runs of repeated sentences at the head and at the tail of a story."""
    drops = []
    segs = segments(blocks)
    start = None
    for seg in reversed(segs[-EDGE:]):
        if fold(seg.text) in repeated:
            start = seg
        elif word_count(seg.text) >= 3:  # a short sentence ("Understand it.") goes with the repeats around it
            break
    if start is not None and start != segs[0]:
        blocks, more = cut_from(blocks, start, BOILERPLATE)
        drops += more
    segs = segments(blocks)
    upto = None
    for seg in segs[:EDGE]:
        if fold(seg.text) in repeated:
            upto = seg
        else:
            break
    if upto is not None and upto != segs[-1]:
        blocks, more = cut_until(blocks, upto, BOILERPLATE)
        drops += more
    return blocks, drops


_SPACE_BEFORE = re.compile(r"(?<=\w)\s+([,.])(?=\s|$)")


def tidy_spacing(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """Copy-pasted pages leave a space where a link was: "TRON DAO , the" -> "TRON DAO, the"."""
    return [b.with_text(_SPACE_BEFORE.sub(r"\1", b.text)) for b in blocks], []


# a chat app's mark on a message its sender changed, at the message's end: "... in New York. (edited)"
_EDITED = re.compile(r"\s*\((?:edited|bearbeitet|modifié|editado|editada|modificato|bewerkt|edytowano|redigerad|"
                     r"изменено|змінено|düzenlendi|編集済み|已编辑|已編輯|수정됨)\)\s*$", re.I)


def drop_edit_marks(blocks: list[Block]) -> tuple[list[Block], list[Drop]]:
    """A chat's "(edited)" closing a paragraph: the app's, not the story's."""
    kept, drops = [], []
    for block in blocks:
        if m := _EDITED.search(block.text):
            drops.append(Drop(block.lines, CHROME, m.group().strip(), partial=bool(block.text[:m.start()].strip())))
            block = block.with_text(block.text[:m.start()])
        if block.text.strip():
            kept.append(block)
    return kept, drops


# ---------------------------------------------------------------- the stage


def clean(article: Article, repeated: set[str]) -> tuple[Article, list[Drop]]:
    """One article through every rule, in order. Returns the cleaned article (a new one: its publisher,
    when it stated none, may be named by its own title echo or syndication footer) and what was dropped."""
    if advert_label(article.title or "", alone=False):  # a feed's "Sponsored: Earn 14% on ..." item
        return replace(article, blocks=()), [Drop(b.lines, BOILERPLATE, b.text) for b in article.blocks]
    blocks, drops, echo_names = drop_title_echo(article.title, list(article.blocks))
    blocks, footer_drops, footer_names = drop_syndication_footer(blocks)
    drops += footer_drops
    blocks, deck = labelled_deck(blocks)
    drops += [Drop(deck.lines, METADATA, deck.text)] if deck else []
    steps = [
        drop_advert,
        drop_sponsor_block,
        drop_press_footer,
        drop_tail_pitch,
        lambda b: drop_repeated_edges(b, repeated),
        drop_tail_pitch,  # a pitch can sit just above a repeated footer
        drop_chapters,
        drop_edge_furniture,
        drop_footnotes,  # before the pitches: a "Read more" label shows where a headline list starts
        drop_inline_pitches,
        drop_trailing_hashtags,
        drop_captions,
        drop_duplicate_blocks,
        drop_pull_quotes,
        drop_edit_marks,
        tidy_spacing,
    ]
    for step in steps:
        blocks, more = step(blocks)
        drops += more
    # what the pitches uncovered at the tail (a heading left over nothing, a sign-off now among the last
    # three blocks) gets a second look
    for step in (drop_edge_furniture, drop_inline_pitches):
        if blocks and drops:
            blocks, more = step(blocks)
            drops += more
    return replace(article, blocks=blocks, source_name=article.source_name or echo_names or footer_names,
                   deck=article.deck or (_LEAD_LABEL.sub("", deck.text) if deck else None)), drops


# a standfirst under its label, as Chinese pages open a story ("导读：...", "摘要：...", "核心提示：..."), and
# English ones a post ("TL;DR: ...", "In short: ...")
_LEAD_LABEL = re.compile(r"^\W{0,2}(?:导读|導讀|摘要|核心提示|内容提要|內容提要|提要|tl;?\s?dr|in short|in brief|summary)"
                         r"\s*[:：|｜]\s*", re.I)


def labelled_deck(blocks: list[Block]) -> tuple[list[Block], Block | None]:
    """The story's first paragraph when a standfirst's label opens it: the deck, not the opening."""
    if len(blocks) > 1 and blocks[0].kind == "p" and _LEAD_LABEL.match(blocks[0].text):
        return blocks[1:], blocks[0]
    return blocks, None
