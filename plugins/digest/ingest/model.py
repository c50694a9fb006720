"""The records that flow through the ingest: Dump -> Article -> Story -> Post, plus Drop for what is left out.

Every stage is a function from these records to new ones: they are frozen (a stage that changes an
article makes a new one with dataclasses.replace), and their sequences are tuples. Nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import datetime

# Why a line (or part of one) did not reach a post. The ingest report counts lines by these reasons.
CHROME = "chrome"            # page furniture: navigation, UI strings, channel blurbs, share markers
BOILERPLATE = "boilerplate"  # publisher text around the story: calls-to-action, syndication footers
DUPLICATE = "duplicate"      # text already kept elsewhere: preview lines, repeated titles/paragraphs
CAPTION = "caption"          # photo captions and image credits whose picture is not in the dump
METADATA = "metadata"        # consumed into the front matter: date lines, title lines, headers
DROP_REASONS = (CHROME, BOILERPLATE, DUPLICATE, CAPTION, METADATA)


@dataclass(frozen=True)
class Dump:
    """One raw dump file, decoded. `lines` are 1-based through `line()`; newlines are normalised."""

    name: str        # path relative to the dumps folder, as written into `Sources`
    text: str
    warnings: tuple[str, ...] = ()  # what reading it repaired (NUL bytes removed)

    @cached_property
    def lines(self) -> list[str]:
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the newline that ends the last line does not start another
        return lines


@dataclass(frozen=True)
class Block:
    """A unit of article body: a paragraph, a heading, a list or a quote.

    `text` is plain text (no Markdown). Lists and quotes keep one item / line per `\n`.
    `lines` are the dump lines the block came from, for the report's line accounting.
    """

    kind: str                 # "p", "h", "list", "quote", "table", "code" (preformatted)
    text: str
    lines: tuple[int, ...] = ()

    def with_text(self, text: str) -> Block:
        return replace(self, text=text)


@dataclass(frozen=True)
class Drop:
    """Text left out of the posts, and why. `partial` means the line also kept other text."""

    lines: tuple[int, ...]
    reason: str
    text: str = ""
    partial: bool = False


@dataclass(frozen=True)
class Article:
    """One story as found in a dump, before and after cleaning."""

    dump: str
    blocks: tuple[Block, ...]
    title: str | None = None
    title_source: str = "dump"        # "dump", "page" (HTML metadata) or "derived"
    date: datetime | None = None
    date_source: str | None = None    # "dump" when stated; see dates.py for the inferences
    source_name: str | None = None    # the publisher, when the dump shows it
    url: str | None = None            # canonical URL, when the dump states one
    format: str = ""
    language: str | None = None   # ISO 639-1, when the text says it clearly (language.py)
    deck: str | None = None       # the standfirst between a page's headline and its byline: the post's summary

    def __post_init__(self):
        object.__setattr__(self, "blocks", tuple(self.blocks))  # a list given is kept as a tuple

    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Match:
    """Why two copies were merged: "exact", "near", "title", "address" or "teaser", with the evidence."""

    reason: str
    jaccard: float = 1.0
    containment: float = 1.0
    title_similarity: float = 100.0


@dataclass(frozen=True)
class Story:
    """One story of the build: the copy shown (the most complete), every copy, and how they matched."""

    article: Article
    copies: tuple[Article, ...]       # every copy, the shown one included, in build order
    founder: Article                  # the earliest copy: its title gives the slug
    id: str                           # from the founder's text: unchanged when later copies arrive
    matches: tuple[tuple[Article, Article, Match], ...] = ()  # (copy, matched, why)
    date: datetime | None = None      # the story's settled date (firstseen.py); till then the founder's
    date_source: str | None = None
    topics: tuple[str, ...] = ()      # from the tagging stage
    assets: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParseResult:
    """What a format parser makes of a dump: its articles and every line it left out."""

    articles: list[Article]
    drops: list[Drop] = field(default_factory=list)
    unit: str = "line"   # what the report counts: "line" (of the dump), "text line" (of a rendered page)
    #                      or "text block" (titles and paragraphs of feed entries and exported items)
    total_units: int | None = None  # for "text line": how many there were
    guess: str = ""      # the fallback format says here what it took the dump to be
    warnings: list[str] = field(default_factory=list)
    storyless: bool = False  # the dump holds no story by its nature (a page of headlines): a warning, not an error


@dataclass(frozen=True)
class Post:
    """One Markdown file to write: its name in the posts folder and its exact text."""

    filename: str
    text: str
    story_id: str
    dump: str        # the dump of the copy shown
