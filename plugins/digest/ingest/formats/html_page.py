"""A saved HTML page: the article's main text by trafilatura, its title, date, site name and canonical URL
from the page's metadata.

Line accounting counts "text lines": the page's visible text nodes. A node inside the extracted article is
kept (until cleaning drops it), the title is metadata, every other node is chrome.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import replace

import lxml.html
import trafilatura
from lxml import etree

from ..dates import earliest_date, parse_date
from ..dumps import DumpError
from ..htmltext import html_blocks
from ..items import Item, items_result
from ..model import CHROME, METADATA, Article, Block, Drop, Dump, ParseResult
from ..text import ends_sentence, fold, looks_like_title, squash, word_count

NAME = "html-page"
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]", re.I)
_PUBLISHED = [  # metadata that carries the publication time, most specific first
    '//meta[@property="article:published_time"]/@content',
    '//meta[@property="og:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="parsely-pub-date"]/@content',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="date"]/@content',
    '//meta[@name="DC.date.issued"]/@content',
    '//time[@itemprop="datePublished"]/@datetime',
    '//article//time/@datetime',
]
# libxml2 reads <embed> as a container, so the text after one would vanish inside it; embeds hold no text
_EMBED = re.compile(r"<embed\b[^>]*>(\s*</embed>)?", re.I)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def sniff(dump: Dump) -> float:
    head = dump.text[:8192].lstrip("\ufeff \t\r\n")
    return 0.95 if head.startswith("<") and _MARKUP.search(head) else 0.0


def extract(html: str):
    """trafilatura's reading of a page (main text and metadata); a second, recall-minded try when the
    precise one finds nothing. None when the page has no main text at all."""
    doc = trafilatura.bare_extraction(html, favor_precision=True, include_comments=False, include_tables=True,
                                      with_metadata=True, date_extraction_params={"original_date": True})
    if doc is None or doc.body is None or not len(doc.body):
        doc = trafilatura.bare_extraction(html, favor_recall=True, include_comments=False, with_metadata=True)
    return doc if doc is not None and doc.body is not None and len(doc.body) else None


def main_blocks(html: str) -> list[Block]:
    """The main text of an HTML document as blocks; every paragraph of it when no main text stands out
    (an e-mail newsletter is all content)."""
    doc = extract(html)
    every = html_blocks(html)
    main = _blocks(doc.body) if doc is not None else []
    return _with_subheadings(main, every) if main else every


def _with_subheadings(main: list[Block], every: list[Block]) -> list[Block]:
    """The main text with the subheadings the precise extraction left out: a heading of the document that
    stands between two paragraphs of the main text goes back above the second."""
    kept = {b.text for b in main}
    out = list(main)
    for i, block in enumerate(every):
        if block.kind != "h" or block.text in kept:
            continue
        after = next((b for b in every[i + 1:] if b.kind != "h"), None)
        before = any(b.text in kept and b.kind != "h" for b in every[:i])
        if after is not None and after.text in kept and before:
            at = next(k for k, b in enumerate(out) if b.text == after.text)
            out.insert(at, block)
    return out


def parse(dump: Dump, tz: str) -> ParseResult:
    html = _EMBED.sub("", dump.text)
    tree = _page_tree(html, dump.name)
    digest = _newsletter(dump, html, tree, tz)
    if digest is not None:
        return digest
    doc = extract(html)
    nodes = _visible_text(tree)
    blocks = _blocks(doc.body) if doc is not None else []
    blocks = _structured_body(tree, blocks)
    site = squash(doc.sitename) if doc is not None and doc.sitename else None
    title = _without_site_name(squash(doc.title), site) if doc is not None and doc.title else None
    title = _shown_headline(title, blocks)
    blocks, drops = _account(blocks, nodes, title)
    if not blocks:
        return ParseResult([], drops, unit="text line", total_units=len(nodes))
    blocks, deck = _without_deck(blocks, title, doc.description)
    drops += [Drop(deck.lines, METADATA, deck.text)] if deck else []
    date = _published(tree, dump.text, tz) or (parse_date(doc.date, tz) if doc.date else None)
    article = Article(dump=dump.name, blocks=blocks, title=title, title_source="page", format=NAME,
                      source_name=site, url=doc.url or None, deck=deck.text if deck else None,
                      date=date, date_source="page" if date else None)
    return ParseResult([article], drops, unit="text line", total_units=len(nodes))


def _newsletter(dump: Dump, html: str, tree, tz: str) -> ParseResult | None:
    """A newsletter's web version saved as a page: one article per item, as its e-mail gives (each dated by
    the page, or by the issue's date above the first item); None for a page of one story."""
    from .email_message import html_digest  # (e-mail reads its HTML body with this module's main_blocks)
    items, left = html_digest(html)
    if not items:
        return None
    date = _published(tree, dump.text, tz) or earliest_date(left, tz)[0]
    items = [replace(item, date=item.date or date) for item in items] + [Item(None, "", chrome=tuple(left))]
    return items_result(dump, items, NAME, tz)


HEAD_BLOCKS = 3  # the headline stands among the article's first blocks (under a kicker, a breadcrumb)


def _headline_at(blocks: list[Block], title: str | None) -> int | None:
    return next((k for k, b in enumerate(blocks[:HEAD_BLOCKS]) if title and fold(b.text) == fold(title)), None)


def _shown_headline(title: str | None, blocks: list[Block]) -> str | None:
    """The headline the page shows, when its metadata's title is a shortened form of it (og:title "Regulator
    opens probe" over the heading "Regulator opens probe: 30 days to answer")."""
    if not title:
        return title
    key = fold(title)
    longer = next((b.text for b in blocks[:HEAD_BLOCKS] if b.kind == "h" and fold(b.text).startswith(key)
                   and len(key) < len(b.text) <= 2 * len(title) and looks_like_title(b.text)), None)
    return longer or title


DECK_WORDS = 12  # a heading of a sentence this long under the headline is a standfirst, not a subheading


def _without_deck(blocks: list[Block], title: str | None, description: str | None) -> tuple[list[Block], Block | None]:
    """The standfirst a page sets as a heading right under its headline: the page's description, or a heading
    that is a long sentence. It is the post's deck, not its first paragraph."""
    at = _headline_at(blocks, title)
    if at is None or at + 1 >= len(blocks):
        return blocks, None
    deck = blocks[at + 1]
    described = description and fold(deck.text) == fold(description)
    if deck.kind != "h" or not (described or (ends_sentence(deck.text) and word_count(deck.text) >= DECK_WORDS)):
        return blocks, None
    return blocks[:at + 1] + blocks[at + 2:], deck


def _without_site_name(title: str, site: str | None) -> str:
    """The title without the site's name that pages add to it ("Headline | Site", "Site - Headline")."""
    if not site:
        return title
    name, separator = re.escape(site), r"\s+[|·•:–—-]{1,2}\s+"
    m = (re.match(rf"^(?P<title>.+?){separator}{name}\s*$", title, re.I)
         or re.match(rf"^\s*{name}{separator}(?P<title>.+)$", title, re.I))
    return m["title"] if m else title


def _page_tree(html: str, name: str):
    """The page as lxml reads it (as trafilatura does). A page nested deeper than the parser goes loses
    the text inside, so it is refused rather than posted without its story."""
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    deep = next((e for e in parser.error_log if "depth" in e.message.lower()), None)
    if deep is not None:
        raise DumpError(name, "tags nested deeper than the HTML parser reads (256 levels): the text "
                        "inside would be lost", line=deep.line)
    return tree


def _published(tree, text: str, tz: str):
    """The publication datetime the page's metadata states (with its time and zone when given)."""
    candidates = []
    if tree is not None:
        for path in _PUBLISHED:
            candidates += [str(v) for v in tree.xpath(path)]
    candidates += _JSON_LD_DATE.findall(text)
    stated = [when for when in (parse_date(value, tz) for value in candidates) if when is not None]
    # the same moment in the publisher's own zone, where another field states it so ("16:20-05:00" for "21:20Z")
    local = [when for when in stated[1:] if when == stated[0] and when.utcoffset()]
    return (local or stated or [None])[0]


_ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                  "BlogPosting", "TechArticle", "Report", "LiveBlogPosting"}
STRUCTURED_SHARE = 2  # the structured text is the article when it is this many times longer than what was read


def _structured_body(tree, blocks: list[Block]) -> list[Block]:
    """The article as the page's structured data states it (schema.org's articleBody in JSON-LD), where the
    page's visible text holds far less of it: a page its scripts would fill in, saved before they ran. Its
    paragraphs own no visible text line."""
    texts = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()') if tree is not None else []:
        try:
            texts += _article_bodies(json.loads(script))
        except ValueError:
            continue
    body = max(texts, key=len, default="")
    if word_count(body) <= STRUCTURED_SHARE * sum(word_count(b.text) for b in blocks):
        return blocks
    return [Block("p", squash(part)) for part in body.split("\n") if part.strip()]


def _article_bodies(data) -> list[str]:
    """The articleBody texts of the articles in a JSON-LD document (an object, a list, a @graph)."""
    if isinstance(data, list):
        return [body for item in data for body in _article_bodies(item)]
    if not isinstance(data, dict):
        return []
    kinds = data.get("@type")
    kinds = set(kinds) if isinstance(kinds, list) else {kinds}
    own = [data["articleBody"]] if kinds & _ARTICLE_TYPES and isinstance(data.get("articleBody"), str) else []
    return own + _article_bodies(data.get("@graph", []))


_HIDDEN = {"script", "style", "noscript", "template", "head", "title"}


def _visible_text(tree) -> list[str]:
    """The page's visible text nodes, in document order (iterative: pages can nest very deep)."""
    if tree is None:
        return []
    nodes = []
    stack = [(tree, False)]
    while stack:
        item, hidden = stack.pop()
        if isinstance(item, str):  # a tail, queued after its element's subtree
            if not hidden and item.strip():
                nodes.append(squash(item))
            continue
        own_hidden = hidden or not isinstance(item.tag, str) or item.tag in _HIDDEN
        if item.tail:
            stack.append((item.tail, hidden))
        for child in reversed(item):
            stack.append((child, own_hidden))
        if not own_hidden and item.text and item.text.strip():
            nodes.append(squash(item.text))
    return nodes


def _text(el) -> str:
    """An element's text as the page shows it; trafilatura's <lb/> line breaks become spaces."""
    out = [el.text or ""]
    for child in el:
        out += [" " if child.tag == "lb" else "", _text(child), child.tail or ""]
    return squash("".join(out))


def _blocks(body) -> list[Block]:
    """trafilatura's XML body -> Blocks."""
    blocks = []
    for el in body:
        tag = el.tag
        if tag == "div":
            blocks += _blocks(el)
        elif tag == "head":
            blocks.append(Block("h", _text(el)))
        elif tag == "list":
            # trafilatura keeps an <ol> as rend="ol" but not its numbers: a browser's 1, 2, 3 go into the text
            number = {item: n for n, item in enumerate(el.findall("item"), 1)} if el.get("rend") == "ol" else {}
            items = [f"{number[item]}. {_text(item)}" if item in number else _text(item)
                     for item in el.iter("item") if _text(item)]
            blocks.append(Block("list", "\n".join(items)))
        elif tag == "quote":
            blocks.append(Block("quote", _text(el)))
        elif tag == "table":
            rows = ["\t".join(_text(cell) for cell in row.iter("cell")) for row in el.iter("row")]
            blocks.append(Block("table", "\n".join(r for r in rows if r.strip())))
        else:
            blocks.append(Block("p", _text(el)))
    return [b for b in blocks if b.text.strip()]


def _account(blocks: list[Block], nodes: list[str], title: str | None) -> tuple[list[Block], list[Drop]]:
    """Give each block the numbers of the text nodes it holds; every other node is a drop.

    A node belongs to the first block whose text contains it, and only inside the article's span: from
    the first to the last node of three or more words that the article holds. So a menu item "AI" before
    the article is chrome even though the word appears in the story."""
    folded = [fold(b.text) for b in blocks]
    keys = [fold(node) for node in nodes]
    owner = [next((i for i, f in enumerate(folded) if key in f), None) if re.search(r"\w", key) else None
             for key in keys]
    anchors = [n for n, (o, key) in enumerate(zip(owner, keys)) if o is not None and len(key.split()) >= 3]
    first, last = (anchors[0], anchors[-1]) if anchors else (0, -1)
    owned: list[list[int]] = [[] for _ in blocks]
    drops = []
    title_key = fold(title) if title else None
    for n, (node, key, o) in enumerate(zip(nodes, keys, owner)):
        if o is not None and first <= n <= last:
            owned[o].append(n + 1)
        else:
            drops.append(Drop((n + 1,), METADATA if key == title_key else CHROME, node))
    return [Block(b.kind, b.text, tuple(lines)) for b, lines in zip(blocks, owned)], drops
