"""An HTML fragment (a feed entry's content, a JSON export's body) to Blocks, without recursion so that
hostile nesting cannot exhaust the stack. Scripts, styles, forms and embeds are skipped."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .model import Block
from .text import squash

_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "form", "button",
         "select", "textarea", "head", "title", "nav"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "aside", "main", "figure", "figcaption", "ul",
           "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "hr", "br", "center",
           "address"} | _HEADINGS
_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")


_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el) -> bool:
    """An element a browser does not show: an e-mail's preheader (`display:none`), a `hidden` one."""
    return el.get("hidden") is not None or bool(_DISPLAY_NONE.search(el.get("style") or ""))


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text or ""))


def _kind(stack: list[str]) -> str:
    for tag in reversed(stack):
        if tag == "pre":
            return "code"  # preformatted: its lines and spaces are its meaning
        if tag == "figcaption":
            return "caption"  # a photo's caption: the photo is not in the post
        if tag in _HEADINGS:
            return "h"
        if tag == "li":
            return "list"
        if tag == "blockquote":
            return "quote"
        if tag == "tr":
            return "table"
    return "p"


def html_blocks(html: str) -> list[Block]:
    """Paragraphs, headings, list items, quotes, table rows and preformatted code of an HTML fragment, in order."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # lxml asserts on a document with no body
        return []
    blocks: list[Block] = []
    buffer: list[str] = []
    open_tags: list[str] = []
    numbering: list[list[int] | None] = []  # per open list: [next number, step] for an <ol>, None for a <ul>
    skipping = 0

    def flush() -> None:
        kind = _kind(open_tags)
        raw = "".join(buffer)
        text = (raw.strip("\t ") if kind == "table" else "\n".join(ln.rstrip() for ln in raw.strip("\n").split("\n"))
                if kind == "code" else squash(raw))
        buffer.clear()
        if text.strip():
            blocks.append(Block(kind, text))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIP or not tag or _hidden(el):
                skipping += 1
                continue
            if tag in _BLOCKS or tag == "li":
                flush()
            open_tags.append(tag)
            if tag in ("ol", "ul", "menu"):
                numbering.append(_ol_numbering(el) if tag == "ol" else None)
            elif tag == "li" and numbering and numbering[-1] is not None:
                buffer.append(f"{_li_number(el, numbering[-1])}. ")
            buffer.append(el.text or "")
            continue
        if skipping:
            skipping -= 1
            if skipping == 0 and el.tail:
                buffer.append(el.tail)
            continue
        if tag in ("td", "th"):
            buffer.append("\t")
        elif tag in _BLOCKS or tag == "li":
            flush()
        if tag in ("ol", "ul", "menu") and numbering:
            numbering.pop()
        if open_tags:
            open_tags.pop()
        buffer.append(el.tail or "")
    flush()
    return _merge(blocks)


def _integer(value) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _ol_numbering(ol) -> list[int]:
    """[first number, step] of an <ol> as a browser numbers it: from `start`, counting down when `reversed`
    (from the number of its items when no `start` is given)."""
    step = -1 if ol.get("reversed") is not None else 1
    start = _integer(ol.get("start"))
    if start is None:
        start = sum(1 for child in ol if child.tag == "li") if step < 0 else 1
    return [start, step]


def _li_number(li, counter: list[int]) -> int:
    """The number a browser shows before this <li> (its `value`, else the next one), advancing `counter`.
    The number is the page's text as a reader sees it, so it goes into the item's text."""
    value = _integer(li.get("value"))
    number = value if value is not None else counter[0]
    counter[0] = number + counter[1]
    return number


def _merge(blocks: list[Block]) -> list[Block]:
    """Consecutive list items make one list; consecutive table rows one table."""
    out: list[Block] = []
    for b in blocks:
        if b.kind == "table":
            b = b.with_text("\t".join(squash(c) for c in b.text.split("\t") if c.strip()))
        if out and b.kind in ("list", "table") and out[-1].kind == b.kind:
            out[-1] = out[-1].with_text(out[-1].text + "\n" + b.text)
        else:
            out.append(b)
    return out


_LAYOUT_CONTENT = ".//p|.//h1|.//h2|.//h3|.//h4|.//ul|.//ol|.//blockquote|.//table"


def unwrap_layout_tables(html: str) -> str:
    """E-mail layouts nest the whole message in tables. A table whose cells hold paragraphs, headings,
    lists or other tables is layout, not data: turn it into plain divs so extractors read it as text."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for table in root.iter("table"):
        if table.xpath(_LAYOUT_CONTENT):
            for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                el.tag = "div"
    return lxml.html.tostring(root, encoding="unicode")
