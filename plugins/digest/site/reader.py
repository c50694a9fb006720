"""Reading the posts the ingest wrote, with Pelican's own Markdown settings, at less cost per post.

Pelican's Markdown reader builds a new Markdown converter for every file (loading every extension
again) and parses dates with dateutil's format guessing; at 10,000 posts both cost more than the
conversion itself. For a post in DIGEST_POSTS whose header is plain `Key: value` lines (what the ingest
writes), this reader splits the header off itself, converts the body and the formatted fields (Summary)
with one converter reset between posts (or, for text of plain paragraphs and headings, with no converter
at all: plain_html), and parses ISO 8601 dates directly. The HTML and metadata are
those Pelican's reader gives (tests/test_reader.py compares them post by post); any other file, or a
post whose header is anything else, goes to Pelican's reader unchanged.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from markdown import Markdown
from markdown.extensions.meta import META_RE
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


def split_header(text: str) -> tuple[dict[str, str], str] | None:
    """({lower-case key: value}, body) for a header of `Key: value` lines ended by a blank line, as
    Markdown's meta extension reads it; None for anything else (continued values, `---` fences, keys
    given twice), which Pelican's reader then handles."""
    header, sep, body = text.lstrip("\ufeff").partition("\n\n")
    if not sep:
        return None
    meta = {}
    for line in header.split("\n"):
        m = META_RE.match(line)
        if m is None or m.group("key").lower() in meta:
            return None
        meta[m.group("key").lower()] = m.group("value").strip()
    return meta, body


# Text Python-Markdown (with these extensions) gives back unchanged inside <p> or <h2>: none of the
# characters its syntax uses (escape() puts a backslash before them in a post), no control characters or
# line breaks, no spaces at either end, and not starting with a character that can open a block.
PLAIN_EXTENSIONS = {"markdown.extensions.extra", "markdown.extensions.meta"}
_PLAIN = re.compile(r"[^\x00-\x1f\x7f\\`*_\[\]{}<>&#|]+")
_BLOCK_OPENERS = tuple(":=-+~>")  # definition lists, setext rules, lists, fences, quotes
_NUMBERED = re.compile(r"\d+\.\s")  # a numbered list
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$")


def plain_html(markdown: str) -> str | None:
    """The HTML Python-Markdown makes of a body of plain paragraphs and `## ` headings, without running
    it (most posts are only that); None for anything else, which then goes through Markdown."""
    out = []
    for block in markdown.rstrip("\n").split("\n\n"):
        tag, text = ("h2", block[3:]) if block.startswith("## ") else ("p", block)
        if (not _PLAIN.fullmatch(text) or text != text.strip() or text.startswith(_BLOCK_OPENERS)
                or _NUMBERED.match(text)):
            return None
        out.append(f"<{tag}>{text}</{tag}>")
    return "\n".join(out)


class PostReader(MarkdownReader):
    """Pelican's MarkdownReader, faster on the ingest's posts (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._posts = Path(self.settings.get("DIGEST_POSTS") or "").resolve()
        self._converter: Markdown | None = None
        markdown = self.settings["MARKDOWN"]
        self._plain_ok = (set(markdown.get("extensions", [])) <= PLAIN_EXTENSIONS
                          and not any(markdown.get("extension_configs", {}).values()))

    def read(self, source_path):
        if not Path(source_path).resolve().is_relative_to(self._posts):
            return super().read(source_path)
        with pelican_open(source_path) as text:
            split = split_header(text)
        if split is None:
            return super().read(source_path)
        meta, body = split
        self._source_path = source_path
        content = self._convert(body)
        formatted = self.settings["FORMATTED_FIELDS"]
        metadata = {name: self.process_metadata(name, self._convert(value) if name in formatted else value)
                    for name, value in meta.items()}
        return content, metadata

    def _convert(self, text: str) -> str:
        if self._plain_ok:
            html = plain_html(text)
            if html is not None:
                return html
        if self._converter is None:
            # the header is already split off: without the meta extension a body line such as
            # "Note: ..." stays text
            self._converter = Markdown(**self.settings["MARKDOWN"])
            self._converter.preprocessors.deregister("meta")
        self._converter.reset()
        return self._converter.convert(text)

    def process_metadata(self, name, value):
        if name in ("date", "modified") and _ISO_DATE.match(value):
            return datetime.fromisoformat(value)
        return super().process_metadata(name, value)



def add_reader(readers) -> None:
    """readers_init: read `.md` files with PostReader."""
    readers.reader_classes["md"] = PostReader
