"""A table of articles exported as CSV or TSV (a media-monitoring tool's export, a spreadsheet of clippings):
a header row naming the columns, maybe under a few lines about the export, then one row per article.

    Clipping export - Tech desk
    Date,Time,Source,Headline,Summary,Full text,URL
    16-Nov-2026,08:05 AM,Desert Business Journal,Tesla starts ...,"Tesla has begun ...","Tesla began ...
    <paragraphs inside the quoted cell>",https://...

Columns are told by their names, in the words such exports use. A row is a story when it holds the story's
text: where the table has a full-text column, a row with only a headline and a summary (a broadcast
clip's note) is none; where it has none, the summary is the text.
"""
from __future__ import annotations

import csv
import io
import re

from ..items import Item, items_result
from ..model import Dump, ParseResult
from ..text import squash

NAME = "table-export"
HEADER_LINES = 12  # the header row stands among the first lines, under the export's own notes
# column names, folded (lower case, letters only), in the words exports use
_TITLE = {"headline", "title", "subject", "titel", "titre", "titulo", "título", "titolo", "заголовок", "标题", "見出し"}
_TEXT = {"fulltext", "text", "body", "content", "article", "articletext", "texte", "texto", "testo", "inhalt",
         "текст", "正文", "内容"}
_SUMMARY = {"summary", "description", "abstract", "snippet", "excerpt", "lead", "teaser"}
_DATE = {"date", "published", "pubdate", "publishedat", "publicationdate", "datum", "fecha", "data", "дата", "日期"}
_TIME = {"time", "hour", "zeit", "heure", "hora"}
_URL = {"url", "link", "address", "permalink"}
_SOURCE = {"source", "outlet", "publication", "media", "site", "medium", "quelle", "fuente"}


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).casefold()


def _table(text: str) -> tuple[int, list[list[str]]] | None:
    """The header row's line and the rows from it on (header first), when a header names a title column
    and a text or summary column."""
    lines = text.split("\n")
    for at, line in enumerate(lines[:HEADER_LINES]):
        delimiter = "\t" if line.count("\t") >= 2 else "," if line.count(",") >= 2 else ";" if line.count(";") >= 2 else None
        if delimiter is None:
            continue
        try:
            names = {_key(cell) for cell in next(csv.reader([line], delimiter=delimiter))}
            if names & _TITLE and names & (_TEXT | _SUMMARY):
                rows = list(csv.reader(io.StringIO("\n".join(lines[at:])), delimiter=delimiter))
                return at, [row for row in rows if any(cell.strip() for cell in row)]
        except csv.Error:  # (a cell longer than the reader takes, a stray quote: no table we can read)
            return None
    return None


def sniff(dump: Dump) -> float:
    found = _table(dump.text)
    return 0.9 if found and len(found[1]) >= 2 else 0.0


def _column(header: list[str], names: set[str]) -> int | None:
    return next((i for i, cell in enumerate(header) if _key(cell) in names), None)


def parse(dump: Dump, tz: str) -> ParseResult:
    at, rows = _table(dump.text)
    header, rows = rows[0], rows[1:]
    col = {field: _column(header, names) for field, names in
           (("title", _TITLE), ("text", _TEXT), ("summary", _SUMMARY), ("date", _DATE), ("time", _TIME),
            ("url", _URL), ("source", _SOURCE))}
    body_column = col["text"] if col["text"] is not None else col["summary"]

    def cell(row: list[str], field: str) -> str:
        i = col[field] if field != "body" else body_column
        return row[i].strip() if i is not None and i < len(row) else ""

    items, left = [], [squash(line) for line in dump.text.split("\n")[:at] if line.strip()]
    for row in rows:
        if not cell(row, "body"):  # a headline and a note on it: no story
            left.append(" | ".join(c.strip() for c in row if c.strip()))
            continue
        when = " ".join(part for part in (cell(row, "date"), cell(row, "time")) if part) or None
        items.append(Item(title=cell(row, "title") or None, body=cell(row, "body").replace("\r\n", "\n"), date=when,
                          url=cell(row, "url") or None, source=cell(row, "source") or None))
    return items_result(dump, items + ([Item(None, "", chrome=tuple(left))] if left else []), NAME, tz)
