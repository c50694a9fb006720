"""Dates: recognise a line that is only a date, and infer a date for an article that states none.

Every inference is deterministic: it reads the dump's own header date, then the article's own text. A story
that states neither is left undated here and dated by when it was first seen (firstseen.py), never by a
file's time: a fresh checkout resets file times, and a feed entry would come back as new.
"""
from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from dateparser.timezones import timezone_info_list
from dateutil import parser as dateparser

from .text import COPYRIGHT, LETTER_MARKS, ends_sentence, word_count

MONTHS = {
    m: i + 1
    for i, names in enumerate([
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december"),
    ])
    for m in names
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
# Tokens a date line may consist of: numbers, month and weekday names, separators, am/pm, zones.
# (its parts taken possessively: a long run of digits or letters split every possible way takes minutes)
_DATE_LINE = re.compile(
    rf"^\s*(?:{_WEEKDAY}[,\s]+)?(?:\d{{1,4}}|{_MONTH}|{_WEEKDAY}(?=[,\s])|[-/.,:T+\s·•]|am|pm|a\.m\.|p\.m\.|utc|gmt|z|at"
    rf"|[A-Z]{{1,4}}T)++\s*$",
    re.I,
)


# Zone abbreviations news pages print after times (dateutil knows only UTC/GMT by itself): dateparser's
# table of several hundred ("CLST", "NZDT", "WIB"; one-letter military zones left out), and where a name
# is ambiguous, the reading of the most news written with it ("IST": India, not Israel).
ZONE_NAMES = {name: offset for group in timezone_info_list for name, offset in group["timezones"] if len(name) >= 3}
ZONE_NAMES |= {name: int(hours * 3600) for name, hours in {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5,
    "SGT": 8, "HKT": 8, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "KSA": 3,  # (Saudi pages write the country: "09:41 ص KSA")
}.items()}
# American pages write the zone without saying whether summer time applies: "5:48 PM ET"
ZONE_NAMES |= {"ET": ZoneInfo("America/New_York"), "CT": ZoneInfo("America/Chicago"),
               "MT": ZoneInfo("America/Denver"), "PT": ZoneInfo("America/Los_Angeles")}
_US_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|AKST|AKDT|HST)\b")
# A time written with a dot, as British and Nordic pages do ("16.48 GMT"), not a day and month ("5.03.2026").
_DOT_TIME = re.compile(r"(?<![\d.])([01]?\d|2[0-3])\.([0-5]\d)(?![.\d])")


# Digits of other scripts as 0-9 (Arabic pages write "١١ مارس ٢٠٢٦", Persian ones "۱۴۰۴", Japanese ones
# full-width "２０２６年"): the parsers read only ASCII digits
_DIGITS = {cp: ord(str(unicodedata.digit(chr(cp)))) for cp in range(128, 0x10000) if unicodedata.category(chr(cp)) == "Nd"}
_MARKS = {ord(ch): "a" for ch in LETTER_MARKS}  # a letter's marks as a letter, for the patterns below
# Thai pages count years from the Buddhist era: 2569 is 2026
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_BUDDHIST_YEAR = re.compile(r"(?<!\d)(2[45]\d\d)(?!\d)")
BUDDHIST_ERA = 543


# a day, a month and a year's last two digits before a clock time ("19.11.26, 08:30"): no version number
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2}\.\d{1,2}\.)(\d\d)(?=,?\s+\d{1,2}:\d\d(?!\d))")


def ascii_digits(text: str) -> str:
    """A date's text as the parsers read it: 0-9 for other scripts' digits, a Thai year in the common era,
    a year of two digits before a time in full."""
    if not text.isascii():
        text = text.translate(_DIGITS).translate(_BIDI_MARKS)
        text = _BUDDHIST_YEAR.sub(lambda m: str(int(m[1]) - BUDDHIST_ERA), text) if _THAI.search(text) else text
        text = _STRAY_COMMA.sub(r" \1", text)
    return _SHORT_YEAR.sub(r"\g<1>20\2", text) if ":" in text else text


# right-to-left pages set direction marks around dates ("\u200fنشر في: ..."), and some a comma and a colon
# around the year ("18 نوفمبر ,2026: 09:41 ص")
_BIDI_MARKS = dict.fromkeys([0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_STRAY_COMMA = re.compile(r"(?<=[^\W\d_])\s*,\s*((?:19|20)\d\d):?(?=\s|$)")


def parse_date_line(line: str, tz: str = "UTC") -> datetime | None:
    """The datetime a line states when the line is nothing but a date (with or without a time)."""
    text = ascii_digits(line.strip())
    if not (6 <= len(text) <= 48) or not _DATE_LINE.match(text):
        return None
    if not (re.search(_MONTH, text, re.I) or re.search(r"\d[-/.]\d", text)):
        return None
    return parse_date(text, tz)


def parse_date(text: str, tz: str = "UTC") -> datetime | None:
    """Parse a stated date: ISO 8601 (HTML metadata), or the forms pages print ("20 Jan 2026, 19:00",
    "Thu, 02 May 2019 10:00:00 EST"). Needs a four-digit year; a missing zone becomes `tz`."""
    text = re.sub(r"\s*[·•]\s*", ", ", ascii_digits(text.strip())).strip(", ")  # "8:47 AM · Mar 23, 2026"
    if not re.search(r"\b\d{4}\b", text):
        return None
    # "GMT+1" is an hour ahead of GMT (dateutil reads such a zone the POSIX way round, an hour behind)
    text = _GMT_OFFSET.sub(lambda m: f" {m['sign']}{int(m['hours']):02d}:{m['minutes'] or '00'}", text)
    try:
        return localize(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
    except ValueError:
        pass
    if re.search(r"\d{4}\D+\d{1,2}\.\d\d|\d{1,2}\.\d\d\s*(?:[ap]\.?m\b|[A-Z]{2,5}\b)", text, re.I):
        text = _DOT_TIME.sub(r"\1:\2", text)  # a time after the year or before am/pm or a zone
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unknown zone name is dropped; the configured zone applies
        try:
            # (an American zone or a 12-hour clock says an American order: "03/09/2026 14:22 ET" and
            # "03/09/2026 2:22 PM" are 9 March)
            dayfirst = not re.match(r"^\s*\d{4}", text) and not _US_ZONE.search(text) and not _SLASH_12H.search(text)
            value = dateparser.parse(text, dayfirst=dayfirst, tzinfos=ZONE_NAMES)
            if not _on_its_weekday(text, value) and value.day <= 12:
                # "Mon, 08/03/2020": 3 August was a Monday, 8 March a Sunday; the weekday settles the order
                swapped = dateparser.parse(text, dayfirst=not dayfirst, tzinfos=ZONE_NAMES)
                value = swapped if _on_its_weekday(text, swapped) else value
        except (ValueError, OverflowError, TypeError):
            return None
    # "Issue 112 - 7 March 2026" is not the year 112: a news date has the four-digit year it states
    return localize(value, tz) if value.year >= 1000 and str(value.year) in text else None


_GMT_OFFSET = re.compile(r"\s*\b(?:GMT|UTC)\s?(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\b")
_SLASH_12H = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\D{1,3}\d{1,2}:\d\d\s*[ap]\.?m\b", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _on_its_weekday(text: str, value: datetime) -> bool:
    """Whether the date falls on the weekday the text names (true when it names none)."""
    named = re.search(rf"\b({'|'.join(_WEEKDAYS)})[a-z]*\b", text, re.I)
    return named is None or _WEEKDAYS.index(named.group(1).lower()) == value.weekday()


def localize(value: datetime, tz: str) -> datetime:
    """Attach the configured zone to a naive datetime; keep an explicit one."""
    return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(tz))


# ---------------------------------------------------------------- dates mentioned in prose

_FULL_DATES = [
    # January 20, 2026 / Jan. 20 2026
    re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # 20 January 2026
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # 2026-01-20
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d>\d\d)\b"),
    # 2026/01/20 (not inside an address: ".../2026/01/20/title")
    re.compile(r"(?<![\w/])(?P<y>(?:19|20)\d\d)/(?P<mn>\d\d)/(?P<d>\d\d)(?![\w/])"),
    # 20.01.2026, 20. 1. 2026 (dots: day first, as German, Nordic, Slavic and Turkish pages write it)
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<mn>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d)(?![\d.]\d)"),
    # 2026年1月20日 (Japanese, Chinese), 2026년 1월 20일 (Korean)
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<mn>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"),
]
# A sentence about what is to come: its dates are deadlines, not the day of writing.
_FUTURE = re.compile(
    r"\b(will|shall|is set to|are set to|to begin|to start|starting|until|deadline|due to|expected to|"
    r"scheduled|plans? to|planned|upcoming)\b",
    re.I,
)


_ANY_DATE = re.compile(rf"{_MONTH}\s+\d|\d\s+{_MONTH}|\b(?:19|20)\d\d[-/]\d\d[-/]\d\d\b|\d\s*[年년]\s*\d|\d\.\s?\d{{1,2}}\.\s?[12]",
                       re.I)


def dates_in_text(text: str) -> list[datetime]:
    """Calendar dates (with a year) stated in prose, skipping sentences about the future."""
    if not _ANY_DATE.search(text):
        return []
    found = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            if not _FUTURE.search(_sentence_around(text, m.start(), m.end())):
                month = int(m.group("mn")) if m.groupdict().get("mn") else MONTHS[m.group("m").lower().rstrip(".")]
                found += _date(int(m.group("y")), month, int(m.group("d")))
    return found


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (cheap: from the previous to the next full stop)."""
    left = max(text.rfind(p, 0, start) for p in (". ", "! ", "? ", "\n"))
    rights = [i for i in (text.find(p, end) for p in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[left + 1: min(rights) if rights else len(text)]


def _date(year: int, month: int, day: int) -> list[datetime]:
    try:
        return [datetime(year, month, day)]
    except ValueError:
        return []


UNDATED = "undated"  # the Date_Source until firstseen.py dates the story


def infer_date(article_text: str, dump_date: datetime | None, tz: str) -> tuple[datetime | None, str]:
    """A date for an article whose dump states none for it, and where it came from (the `Date_Source`).

    The date its dump states for all its stories (a newsletter's or a digest's date in its header: "dump"),
    else the newest past date the article's own text states ("text"), else none ("undated": the ingest
    then dates the story by when it was first seen, firstseen.py). Never the newest date the rest of the
    dump mentions: that is another story's."""
    if dump_date is not None:
        return localize(dump_date, tz), "dump"
    found = dates_in_text(article_text)
    if found:
        return localize(max(found), tz), "text"
    return None, UNDATED


HEADER_LINES = 5        # a dump's own date stands in its first lines ...
HEADER_LINE_WORDS = 12  # ... each of them short (a masthead, an issue line), before any prose
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # not \b: "2025年" has no word boundary
DATE_START = re.compile(rf"\d|{_MONTH}|{_WEEKDAY}", re.I)


def header_date(lines: list[str], tz: str) -> datetime | None:
    """The date a dump states for itself at its top ("The Weekly Brief / Issue 112 - 7 March 2026")."""
    header = []
    for line in [ln for ln in lines if ln.strip()][:HEADER_LINES]:
        if len(line.split()) > HEADER_LINE_WORDS:
            break
        header.append(line)
    return earliest_date(header, tz)[0]


_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}:\d\d)")  # "APR 28 20232:23 PM": a copy glues year and time
_GLUED_LABEL = re.compile(r"(?<=[\d.])(?=[A-Z][a-z]{2,})")  # "... 10:42 AM GMT+1Updated 2 hours ago": and a label
_BYLINE_SEPARATOR = re.compile(r"\s[·•|]\s|\s{3,}|\t")  # (a copied row of table cells has wide gaps or tabs)


def byline_parts(line: str) -> list[str]:
    """The parts of a byline row, set apart by dots or bars ("A. Writer · The Daily · Posted: Aug 8, 2024
    4:00 AM | Updated: ..."), each read as a line of its own; any other line is one part."""
    return _BYLINE_SEPARATOR.split(line)


_CLOCK = re.compile(r"\d:\d\d")
TRAILING_WORDS = 4  # "Thu, Mar 26, 2026, 4:47 PM 4 min read": a date and its time, then the reading time


def _date_before_words(text: str, tz: str) -> datetime | None:
    """The date a line states, also when a few words follow its time (a reading time, a label)."""
    when = parse_date_line(text, tz)
    if when is not None or not _CLOCK.search(text):
        return when
    words = text.split()
    for n in range(len(words) - 1, max(0, len(words) - 1 - TRAILING_WORDS), -1):
        if _CLOCK.search(" ".join(words[:n])) and (when := parse_date_line(" ".join(words[:n]), tz)):
            return when
    return None


_TIME_PART = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}))*$", re.I)


def _with_times(parts: list[str]) -> list[str]:
    """A byline's parts with a time standing alone after its date joined to it ("Rabu, 04 November 2026 |
    14:20 WIB")."""
    out = []
    for part in parts:
        if out and _TIME_PART.match(part) and not _CLOCK.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


DATELINE_WORDS = 15


def dateline_date(line: str, tz: str) -> datetime | None:
    """The date and time a story's own dateline states, the short line under its headline where it was
    pasted into a chat or a channel ("Nov 18, 2026 · 9:40 PM UTC · By A. Writer"); None for a sentence or a
    line without a time."""
    if word_count(line) > DATELINE_WORDS or ends_sentence(line.strip()):
        return None
    when = earliest_date([line], tz)[0]
    return when if when is not None and (when.hour, when.minute) != (0, 0) else None


def earliest_date(lines: list[str], tz: str, language: str | None = None) -> tuple[datetime | None, int | None]:
    """The earliest date a story's header lines state, and which line states it (a page's "updated" date
    is the later one). Dates in the page's own language ("3. November 2023 um 20:14 Uhr") are read by
    dateparser, for the short lines with a year that the English-reading parsers leave."""
    found = []
    for k, line in enumerate(lines):
        if word_count(line) > 25:
            continue
        for text in _with_times(byline_parts(_GLUED_LABEL.sub(" ", _GLUED_TIME.sub(r"\1 ", ascii_digits(line))))):
            start = DATE_START.search(text)  # past a label: "Published 18 February 2026, 08:40"
            when = _date_before_words(text[start.start():], tz) if start else None
            if (when is None and language not in (None, "en") and _YEAR.search(text)
                    and (word_count(text) <= 10 or len(text) <= 30 or _LOCAL_DATE.search(text) or _CJK_DATE.search(text))):  # (a Japanese date is many "words": text.py counts its characters)
                when = _local_date(text, language)
            dates = [(localize(when, tz), True)] if when else [(localize(d, tz), False) for d in dates_in_text(text)]
            found += [(d, k, timed) for d, timed in dates]
    if not found:
        return next(((when, k) for k, line in enumerate(lines) if word_count(line) <= 25
                     for when in [weekday_date(line, tz)] if when), (None, None))
    first, k, timed = min(found, key=lambda f: f[0])
    # a day stated without its time ("March 4, 2025" in a dateline) does not beat that day's stated time
    same_day = [f for f in found if f[2] and f[0].astimezone(first.tzinfo).date() == first.date()]
    if not timed and same_day:
        first, k, _ = min(same_day, key=lambda f: f[0])
    return first, k


# A day stated with its weekday and without its year ("saved Wed 18 Nov", "Tuesday, November 17th"): the
# weekday tells the year, for a day falls on the same weekday again only five or more years later
_WEEKDAY_DAY = re.compile(rf"\b(?P<weekday>{_WEEKDAY}),?\s+(?:(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})"
                          rf"|(?P<m2>{_MONTH})\s+(?P<b>\d{{1,2}})(?:st|nd|rd|th)?)(?![\w.,]*\s*\d{{4}})", re.I)
WEEKDAY_YEARS = 5  # the years back a weekday's day is looked for


def weekday_date(text: str, tz: str, today: datetime | None = None) -> datetime | None:
    """The latest day no later than tomorrow that falls on the weekday `text` names with its day and month."""
    m = _WEEKDAY_DAY.search(text)
    if not m:
        return None
    month = MONTHS.get((m["m1"] or m["m2"]).lower().rstrip("."))
    day, weekday = int(m["a"] or m["b"]), m["weekday"][:3].lower()
    latest = (today or datetime.now(timezone.utc)).date() + timedelta(days=1)
    for year in range(latest.year, latest.year - WEEKDAY_YEARS - 1, -1):
        try:
            when = datetime(year, month, day)
        except (TypeError, ValueError):  # no such day ("Mon 30 Feb"), or no month
            return None
        if when.date() <= latest and when.strftime("%a").lower() == weekday:
            return localize(when, tz)
    return None


# A date as a page in another language prints it, with its time: "28. April 2024, 14:26 Uhr",
# "23 okt 2025 kl 10.23", "28.04.2023 17:23" (a label before it, "Stand:", "Publicerad", is left out).
# "14/09/2016 08h01", "28 آب/اغسطس 2013" (a month by two names)
_LOCAL_DATE = re.compile(r"(?P<date>\d{1,2}(?:[./-]\d{1,2}[./-]|\.?\s*(?:\d{1,2}\.|(?:[^\W\d_]{2,12}/)?(?:[^\W\d_]{3,12}"
                         r"\.?|(?:[^\W\d_]{1,3}\.){2,3}))\s*)(?:19|20)\d\d(?!\d))(?:[.,\s–—-]*(?:[^\W\d_]{1,4}\.?\s*)?\d{1,2}[:.h]\d{2}(?!\d)"
                         r"(?P<half>\s*[^\W\d_]{1,6}\.?(?!\w))?)?")  # (and the half of the day after it: "02:10 م", "2:10 μ.μ.")
# A date written year first, and its time after a word or not: "2026.04.23. 오전 8:31", "2026/4/23 午前8:31"
_YEAR_FIRST = re.compile(r"(?:19|20)\d\d[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?(?:\s*(?:[^\W\d_]{1,4}\.?\s*)?\d{1,2}[:.]\d{2})?")
# ... and as Chinese, Japanese and Korean pages write it, with its time: "2026年10月14日 15時30分", "2026년 3월 5일 오후 2시 10분"
_CJK_DATE = re.compile(r"(?:19|20)\d\d\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일](?:\s*\(?[^\d\s()（）]{0,3}\)?\s*"
                       r"(?:[^\d\s]{1,2}\s*)?\d{1,2}\s*(?:[時时시:]\s*\d{1,2}\s*[分분]?|[時时시]))?")
_CJK_WEEKDAY = re.compile(r"([日일])\s*[(（]?(?:(?:週|周|星期|礼拜|禮拜)[一二三四五六日天]|[월화수목금토일](?:요일)?)[)）]?(?!\w)")
_JOINED_TIME = re.compile(r"((?:19|20)\d\d)[.,\s–—-]*[^\W\d_]{1,4}\.?\s*(\d{1,2}[:.h]\d{2})(?!\d)")
_HOUR_H = re.compile(r"(?<!\d)(\d{1,2})h(\d{2})(?!\d)")  # "08h01"
_TWO_NAMES = re.compile(r"([^\W\d_]{2,12})/([^\W\d_]{3,12})")
# dateparser reads what it cannot place as relative to this day ("08h01": eight hours ago); a date that far
# back is no reading at all
_NO_DAY = datetime(1900, 1, 1)


def stated_date(text: str, tz: str) -> datetime | None:
    """The date a short text with a year states, in English or, guessing its language, any language
    dateparser knows ("Montag, 30. November 2026 07:02", a mail client's header field)."""
    text = ascii_digits(text)
    when = earliest_date([text], tz)[0]
    if when is None and _YEAR.search(text):
        when = _local_date(text, None)
    return localize(when, tz) if when else None


def _local_date(text: str, language: str | None):
    """The first date in the line that dateparser reads in the page's language, or in the language it guesses
    (the span that looks like a date first, then the whole line)."""
    import dateparser as multilingual  # the dateparser package (slow to load): only for other languages
    # (the patterns run over the text with its letters' marks as letters: "अक्टूबर" is a word, its virama no \w)
    masked = text.translate(_MARKS)
    spans = [s for m in _LOCAL_DATE.finditer(masked)
             for s in (text[m.start():m.end()], text[m.start():m.start("half")] if m["half"] else "",
                       text[m.start("date"):m.end("date")]) if s]
    spans += [text[m.start():m.end()] for pattern in (_YEAR_FIRST, _CJK_DATE) for m in pattern.finditer(masked)] + [text]
    # (each also without the word joining its date and time, which dateparser may not know: "kl. 07.45", nor
    # the weekday after a CJK date: "2026年11月5日 週四 下午4:42")
    spans = [form for s in spans for form in (s, _JOINED_TIME.sub(r"\1 \2", s), _CJK_WEEKDAY.sub(r"\1", s))]
    for span in dict.fromkeys(form for s in spans for form in (_TWO_NAMES.sub(r"\1", s), _TWO_NAMES.sub(r"\2", s))):
        try:
            # ("08h01", "kl. 07.45": the time as dateparser reads it)
            when = multilingual.parse(_DOT_TIME.sub(r"\1:\2", _HOUR_H.sub(r"\1:\2", span)),
                                      languages=[language] if language else None,
                                      settings={"REQUIRE_PARTS": ["day", "month", "year"], "RELATIVE_BASE": _NO_DAY})
        except (ValueError, KeyError, OverflowError):  # a language dateparser does not know
            return None
        if when is not None and when.year > _NO_DAY.year + 1:
            return _in_named_zone(when, span)
    return None


_ZONE_WORD = re.compile(r"\b[A-Z]{2,5}\b")


def _in_named_zone(when: datetime, span: str) -> datetime:
    """A time in the zone the text names as news pages mean it ("11:05 IST": India's, as ZONE_NAMES reads it,
    not the first of dateparser's zones of that name)."""
    zone = next((ZONE_NAMES[w] for w in _ZONE_WORD.findall(span) if w in ZONE_NAMES), None)
    if zone is None:
        return when
    naive = when.replace(tzinfo=None)
    return naive.replace(tzinfo=zone if isinstance(zone, ZoneInfo) else timezone(timedelta(seconds=zone)))


# A day of a month without its year, alone on its line, as a channel or a feed heads each day's messages (a
# number and a word, with its time or not): "5 марта", "November 24", "30. Nov.", "12 de marzo a las 9:14 ·"
# (after its weekday or not: "Tuesday, Nov 10", "martes, 10 de noviembre")
_DAY_OF_MONTH = re.compile(r"^\W*(?:[^\W\d_]{3,12},\s+)?(?:(?P<a>\d{1,2})\.?\s*(?:de\s+)?[^\W\d_]{3,12}\.?|[^\W\d_]{3,12}\.?\s+(?P<b>\d{1,2}))"
                           r"(?P<time>,?\s+(?:[^\W\d_]{1,5}\s+){0,2}\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\W*$", re.I)
_ORDINAL = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)\b")
LOCAL_DAY_CHARS = 30  # a day written out in another language, alone on its line


def day_lines(lines: list[str], tz: str, language: str | None, today: datetime) -> dict[int, datetime]:
    """The lines that are nothing but a date, by index: a full date, or a day of a month without its year
    (read in the dump's language), in the latest year that puts it no later than the year of the page's
    copyright line, or than `today` without one (a channel copied in December shows "5 March" for this
    year's; years in its prose are the past its stories speak of)."""
    years = [int(y) for line in lines if COPYRIGHT.search(line) for y in _YEAR.findall(line) if int(y) <= today.year]
    base = min(today, localize(datetime(max(years), 12, 31, 23, 59), tz)) if years else today
    found = {}
    for i, line in enumerate(map(ascii_digits, lines)):
        line = _ORDINAL.sub(r"\1", line)  # "Tuesday, November 17th"
        when = parse_date_line(line, tz)
        local_day = language not in (None, "en") and _YEAR.search(line) and len(line.strip()) <= LOCAL_DAY_CHARS
        if when is None and local_day:
            local = _local_date(line.strip(), language)  # "2026년 3월 5일 목요일", "5. März 2026"
            when = localize(local, tz) if local else None
        m = None if when else _DAY_OF_MONTH.match(line.strip())
        if m:
            when = _day_of_month(line.strip(" ·|•"), int(m["a"] or m["b"]), bool(m["time"]), language, base)
        if when:
            found[i] = when
    return found


def _day_of_month(text: str, day: int, timed: bool, language: str | None, base: datetime) -> datetime | None:
    import dateparser as multilingual  # the dateparser package (slow to load): only for such lines
    settings = {"REQUIRE_PARTS": ["day", "month"], "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": base.replace(tzinfo=None)}
    when = None
    # in the stories' language, else in the one dateparser finds (a UI's language may not be the stories')
    for languages in ([language], None) if language else (None,):
        try:
            when = when or multilingual.parse(text, languages=languages, settings=settings)
        except (ValueError, KeyError, OverflowError):  # a language dateparser does not know
            continue
    # (a reading relative to the base, "5 min" as five minutes ago, has another day or the base's instant)
    if when is None or when.day != day or when == base.replace(tzinfo=None):
        return None
    return when.replace(second=0, microsecond=0, tzinfo=base.tzinfo) if timed else \
        when.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=base.tzinfo)


# A post's age as a list prints it, in any language: "2 hours ago", "vor 2 Stunden", "il y a 3 heures",
# "3 時間前", "2h", or one word ("Yesterday", "Gestern", "Вчера")
_AGE_TEXT = re.compile(r"^(?:(?:[^\W\d_]{1,8}\s+){0,3}\d{1,3}\s*[^\W\d_]{1,12}\.?(?:\s+[^\W\d_]{1,8})?|[^\W\d_]{3,12})$")
MAX_AGE_DAYS = 60  # an age in days or weeks; a month name read as a date ("May") is none


@functools.cache
def _days_back() -> dict[str, int]:
    """"Today" (0) and "yesterday" (1) in every language dateparser knows ("heute", "ayer", "вчера", "i dag")."""
    import importlib
    import pkgutil

    import dateparser.data.date_translation_data as translations
    words = {}
    for module in pkgutil.iter_modules(translations.__path__):
        relative = importlib.import_module(f"{translations.__name__}.{module.name}").info.get("relative-type", {})
        for back, key in enumerate(("0 day ago", "1 day ago")):
            words.update((w.casefold(), back) for w in relative.get(key, ()))
    return words


@functools.cache
def _day_words() -> frozenset[str]:
    """The one-word ones: the only one-word ages, checked before dateparser reads a word (slow, and menus
    have many)."""
    return frozenset(w for w in _days_back() if " " not in w)


_AGE_BASE = datetime(2001, 6, 15, 12, 0)  # the moment an age is first read from; any will do


@functools.lru_cache(maxsize=4096)
def _age(text: str) -> tuple[timedelta, bool] | None:
    """How far back an age reaches, and whether it counts days (not minutes or hours); None for text that is
    no age. Read once per text: a page's rows of counts come back on every page of a site."""
    one_word = not re.search(r"\d", text)
    if not _AGE_TEXT.match(text) or (one_word and text.casefold() not in _day_words()):
        return None
    import dateparser as multilingual  # the dateparser package (slow to load): only for such lines
    try:
        when = multilingual.parse(text, settings={"RELATIVE_BASE": _AGE_BASE, "PREFER_DATES_FROM": "past"})
    except (ValueError, KeyError, OverflowError):
        return None
    if when is None or not _AGE_BASE - timedelta(days=1 if one_word else MAX_AGE_DAYS) <= when <= _AGE_BASE:
        return None
    return _AGE_BASE - when, (when.hour, when.minute) == (_AGE_BASE.hour, _AGE_BASE.minute)


# "Today, 09:15", "Gestern 18:40", "Сьогодні, 09:15": a day named relative to the page's own, then its time
# (behind a short word or two: "at", "a las")
_RELATIVE_DAY = re.compile(r"^\W*(?P<words>[^\d]+?)[\s,·|]+(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)"
                           r"(?:\s*(?P<half>[ap])\.?m\.?)?\W*$", re.I)
JOINING_WORDS, JOINING_CHARS = 2, 5


def _relative_day(text: str) -> tuple[int, int, int] | None:
    """Days back, hour and minute of a "Today, 09:15" or "Yesterday 6:40 pm" line; None for any other text."""
    m = _RELATIVE_DAY.match(text.strip())
    words = m["words"].replace(",", " ").casefold().split() if m else []
    back = next((_days_back()[day] for n in (1, 2) if (day := " ".join(words[:n])) in _days_back()
                 and len(words) - n <= JOINING_WORDS and all(len(w) <= JOINING_CHARS for w in words[n:])), None)
    if back is None:
        return None
    hour = int(m["h"]) % 12 + (12 if m["half"].lower() == "p" else 0) if m["half"] else int(m["h"])
    return back, hour, int(m["m"])


def is_relative_day(text: str) -> bool:
    return _relative_day(text) is not None


def relative_day(text: str, base: datetime) -> datetime | None:
    """The moment a "Today, 09:15" or "Yesterday 18:40" line states, on the day of `base` (the page's own
    date) or the day before; None for any other text."""
    found = _relative_day(text)
    if found is None:
        return None
    back, hour, minute = found
    return (base - timedelta(days=back)).replace(hour=hour, minute=minute, second=0, microsecond=0)


def is_age(text: str) -> bool:
    """Whether a short text states an age ("2 hours ago", "hace 3 horas", "Yesterday")."""
    return _age(text.strip(" ·|•\t")) is not None


def age_date(text: str, base: datetime) -> datetime | None:
    """The moment an age states, counted back from `base` (the page's own date): to the minute for an age in
    minutes or hours, the day's start for one in days. None for text that is no age."""
    found = _age(ascii_digits(text).strip(" ·|•\t"))
    if found is None:
        return None
    back, in_days = found
    when = base.replace(second=0, microsecond=0) - back
    return when.replace(hour=0, minute=0) if in_days else when
