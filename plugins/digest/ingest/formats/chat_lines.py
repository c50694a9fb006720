"""A chat exported as text, one message per header line, as WhatsApp writes it on iPhone and Android:

    [07/04/2026, 08:02:11] Ana: morning all
    4/7/26, 08:05 - Ben: *Port strike ends after a week*
    The strike at the port ended on Monday ...
    Read more: https://example.org/port

A message runs from its header to the next header. Members forward write-ups among their chatter: a message
holding prose (sentences, or a headline over sentences) is a story, dated by its header; the rest (replies,
"<Media omitted>", the app's notices) is the chat's furniture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from ..blocks import blocks_from_lines, is_heading, prose_words
from ..dates import dateline_date, localize
from ..model import CHROME, METADATA, Article, Drop, Dump, ParseResult
from ..text import squash

NAME = "chat-export-text"
_DAY = r"(?P<day>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[\s\u202f]?[AaPp]\.?\s?[Mm]\.?)?)"
# "[07/04/2026, 08:02:11] ..." (iPhone) or "4/7/26, 08:05 - ..." (Android); marks of direction may precede
_HEADER = re.compile(rf"^[\u200e\u200f\ufeff]?\[?{_DAY},?\s+{_TIME}(?:\]|\s[-–])\s(?P<rest>.*)$")
# A member's message ("Name: text"); the app's notices ("Ana added Ben") have no name before a colon.
_SENDER = re.compile(r"^(?P<name>[^:]{1,60}?):\s?(?P<text>.*)$")
MIN_HEADERS = 3
MIN_STORY_PROSE = 30  # words of sentences a forwarded write-up has; a reply in the chat has fewer
MIN_HEADED_PROSE = 15  # ... or fewer under a headline of its own


@dataclass(frozen=True)
class Message:
    header: int              # the index of its header line
    end: int                 # the index after its last line
    stamp: tuple[str, str]   # the header's day and time as written
    sender: str | None       # None for the app's notices
    text: str                # the header line's text after the sender


def _messages(lines: list[str]) -> list[Message]:
    messages: list[Message] = []
    for i, line in enumerate(lines):
        m = _HEADER.match(line.strip())
        if not m:
            continue
        if messages:
            messages[-1] = replace(messages[-1], end=i)
        sender = _SENDER.match(m["rest"])
        messages.append(Message(i, len(lines), (m["day"], m["time"]), sender["name"] if sender else None,
                                sender["text"] if sender else m["rest"]))
    return messages


def sniff(dump: Dump) -> float:
    """Sure when the dump opens with a message header and has a few of them."""
    lines = dump.lines
    opening = next((line.strip() for line in lines if line.strip()), "")
    return 0.95 if _HEADER.match(opening) and len(_messages(lines)) >= MIN_HEADERS else 0.0


def _day_order(days: list[str]) -> str:
    """How the export writes its days: "ymd", "dmy" or "mdy". A number above 12 settles it; else the order that
    keeps the messages in time order; else a short year with unpadded numbers is the US form (4/7/26)."""
    parts = [[int(p) for p in re.split(r"[./-]", day)] for day in days]
    if any(a > 31 for a, _, _ in parts):
        return "ymd"
    if any(a > 12 for a, _, _ in parts):
        return "dmy"
    if any(b > 12 for _, b, _ in parts):
        return "mdy"
    ordered = {order: _in_order(parts, order) for order in ("dmy", "mdy")}
    if ordered["dmy"] != ordered["mdy"]:
        return "dmy" if ordered["dmy"] else "mdy"
    us = days and re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d", days[0]) and not days[0].startswith("0")
    return "mdy" if us else "dmy"


def _in_order(parts: list[list[int]], order: str) -> bool:
    keys = [(c, b, a) if order == "dmy" else (c, a, b) for a, b, c in parts]
    return keys == sorted(keys)


def _stamp(day: str, clock: str, order: str, tz: str) -> datetime | None:
    numbers = [int(p) for p in re.split(r"[./-]", day)]
    year, month, date = {"ymd": numbers, "dmy": numbers[::-1], "mdy": [numbers[2], numbers[0], numbers[1]]}[order]
    year += 2000 if year < 100 else 0
    m = re.match(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?\s?[Mm]\.?)?", clock.replace("\u202f", " "))
    hour = int(m[1])
    if m[4]:  # a 12-hour clock: 12:05 AM is 00:05, 1:05 PM is 13:05
        hour = hour % 12 + (12 if m[4].lower() == "p" else 0)
    try:
        return localize(datetime(year, month, date, hour, int(m[2]), int(m[3] or 0)), tz)
    except ValueError:
        return None


def write_up(text: list[str]) -> bool:
    """Whether a chat message's lines hold a write-up (a forwarded story): sentences enough, or fewer under a
    headline of their own; a reply in the chat has fewer."""
    prose = prose_words(text)
    return prose >= MIN_STORY_PROSE or (headline_at(text) is not None and prose >= MIN_HEADED_PROSE)


NOTE_LINES = 2  # lines of the sender's own above the write-up's headline ("Paywalled, so here it is:")


def headline_at(text: list[str]) -> int | None:
    """The index of the write-up's headline in a message's lines: a line in bold ("*Port strike ends*") or one
    reading as a headline over prose, among its first lines; the lines above it are the sender's note."""
    nonblank = [i for i, line in enumerate(text) if line.strip()][: NOTE_LINES + 1]
    for k, i in enumerate(nonblank):
        following = next((line for line in text[i + 1:] if line.strip()), None)
        if following is not None and (_bold(text[i]) or (k == 0 and is_heading(squash(text[i]), squash(following)))):
            return i
    return None


def _bold(text: str) -> bool:
    """A messenger's bold: "*Port strike ends*" """
    return bool(re.fullmatch(r"\*[^*]{3,}\*", text.strip()))


def _article(dump: Dump, message: Message, when: datetime | None, drops: list[Drop], tz: str) -> Article:
    lines = dump.lines
    header = lines[message.header].strip()
    drops.append(Drop((message.header + 1,), METADATA, squash(header[: len(header) - len(message.text)]), partial=True))
    body = [(message.header + 1, message.text)] + [(i + 1, lines[i]) for i in range(message.header + 1, message.end)]
    title, at = None, headline_at([t for _, t in body])
    if at is not None:
        title = body[at][1].strip().strip("*").strip()
        # (a line's last part closes its account: the header's text after its stamp and sender)
        drops += [Drop((n,), CHROME, squash(t)) for n, t in body[:at] if t.strip()]
        drops.append(Drop((body[at][0],), METADATA, title))
        body = body[at + 1:]
    # the write-up's own dateline under its headline ("Nov 18, 2026 · 9:40 PM UTC · By A. Writer"): its date,
    # when no later than the message
    first = next((k for k, (_, t) in enumerate(body) if t.strip()), None)
    stated = dateline_date(body[first][1], tz) if first is not None and title else None
    if stated is not None and (when is None or stated <= when):
        when = stated
        drops.append(Drop((body[first][0],), METADATA, squash(body[first][1])))
        body = body[first + 1:]
    return Article(dump=dump.name, blocks=blocks_from_lines(body), title=title, date=when,
                   date_source="dump" if when else None, format=NAME)


def parse(dump: Dump, tz: str) -> ParseResult:
    lines, messages = dump.lines, _messages(dump.lines)
    order = _day_order([m.stamp[0] for m in messages])
    articles, drops = [], []
    before = messages[0].header if messages else len(lines)
    drops += [Drop((i + 1,), CHROME, squash(t)) for i, t in enumerate(lines[:before]) if t.strip()]
    for message in messages:
        if message.sender is not None and write_up([message.text] + lines[message.header + 1:message.end]):
            articles.append(_article(dump, message, _stamp(*message.stamp, order, tz), drops, tz))
            continue
        drops += [Drop((i + 1,), CHROME, squash(lines[i])) for i in range(message.header, message.end)
                  if lines[i].strip()]
    return ParseResult(articles, drops, guess=f"a chat of {len(messages)} messages, {len(articles)} of them stories")
