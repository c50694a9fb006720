"""A corpus of bad and hostile dumps, written by us, with what the ingest must make of each.

    write_corpus(folder) -> {dump name: Expect}

Most files are generated rather than committed: binary files, a 50 MB line and a symlink do not belong in
the repository (nor do a pipe and dangling links). The good dumps among them must give posts; the bad ones a clear error naming the file.
Every story's text is our own.
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from synthetic import PLACES, TEMPLATES, THINGS, Words

# Markup that must never reach a reader: each HTML dump below carries some of it.
HOSTILE_MARKERS = ("<script", "onerror", "onload", "onclick", "onmouseover", "javascript:", "<iframe", "<style",
                   "alert(", "<svg", "<object", "<embed")


@dataclass(frozen=True)
class Expect:
    """What one dump must give: `posts` posts (None: at least one), or an error containing `error`.
    `titles`: titles among its posts; `words`: text that must survive into its posts."""

    posts: int | None = None
    error: str = ""
    titles: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([x * 8 % 256, 0, 255 - x]) * 32 for x in range(32))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("story.txt", _body("zip") * 20)
        z.writestr("noise.bin", bytes(range(256)) * 40)
    return out.getvalue()


def _body(seed: str) -> str:
    """Paragraphs of a story of its own (dumps with the same text would rightly be merged)."""
    w = Words(random.Random(zlib.crc32(seed.encode("utf-8"))))
    slots = {"company": w.company(), "place": w.r.choice(PLACES)}
    return "\n\n".join(" ".join(w.r.choice(TEMPLATES)(w, slots) for _ in range(3)) for _ in range(3)) + "\n"


def _first_sentence(dump: str) -> str:
    return dump.split("\n\n")[1].split(". ")[0]


def _dated(title: str, body: str | None = None, day: int = 5) -> str:
    return f" date 2026-03-{day:02d} {title}\n\n{body or _body(title)}"


XSS_PAGE = """<!DOCTYPE html>
<html><head><title>Council backs river cleanup plan</title>
<meta property="article:published_time" content="2026-03-07T09:30:00Z">
<meta property="og:url" content="javascript:alert('canonical')">
<style>body { background: url("javascript:alert('css')") }</style>
<script>alert('head script')</script>
</head>
<body onload="alert('body onload')">
<nav><a href="javascript:alert('nav')">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council backs river cleanup plan</h1>
<p>The city council voted on Friday to fund a five-year cleanup of the river that runs through the old town.
The plan pays for new filters at three storm drains and a survey of the riverbed.</p>
<script>document.write('<p>injected paragraph</p>'); alert('body script')</script>
<p>Engineers said the filters would catch most plastic before it reaches the estuary.
<img src="x.png" onerror="alert('img onerror')"> Residents can follow the work on a public map.</p>
<iframe src="javascript:alert('iframe')"></iframe>
<p>Council members who voted against the plan said its cost should be shared with the county.
<a href="javascript:alert('link')" onclick="alert('click')">Read the full budget</a> before the next vote.</p>
<svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg onload')"><script>alert('svg script')</script></svg>
<object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">
<p>The first filters are due to be installed in the spring, weather permitting, the council said.</p>
</article>
<form action="javascript:alert('form')"><button formaction="javascript:alert('button')">Subscribe</button></form>
</body></html>
"""


def _nested_page(depth: int = 20000) -> str:
    body = ("<p>Volunteers counted more migrating birds at the lake this autumn than in any year since the count "
            "began. The survey team said milder weather kept the birds on the water for longer.</p>")
    return ("<!DOCTYPE html><html><head><title>Bird count at the lake hits a record</title></head><body><article>"
            "<h1>Bird count at the lake hits a record</h1>" + "<div><span>" * depth + body
            + "</span></div>" * depth + "</article></body></html>\n")


# A half-saved page: cut off in the middle of a list, nothing closed after the title.
UNCLOSED_PAGE = """<!DOCTYPE html>
<html><head><title>Library extends its opening hours</title>
<body><article><h1>Library extends its opening hours</h1>
<p>The central library will stay open until ten at night from next month, the city said on Monday.
<p>The longer hours follow a survey in which most students asked for evening study space.
<div><p>Staff will be added to cover the late shifts, and the reading rooms will get better lighting.
<ul><li>Monday to Thursday: until ten<li>Friday: until eight<li>Saturday: until
"""

# Text that Markdown would turn into markup if the ingest let it through.
MARKDOWN_INJECTION = """ date 2026-03-19 <script>alert('title')</script> Port fees rise {: onclick="alert(1)" }

Port fees will rise by a fifth next year, the harbour board said. <img src=x onerror="alert('img')">
Board members said the money would pay for dredging. [Read more](javascript:alert('md-link'))

## Dredging plan {: onmouseover="alert('heading')" }

<a href="javascript:alert('html-link')">the plan</a> was published on Tuesday with a map of the channel.
Ships longer than three hundred metres will need a pilot. <iframe src="javascript:alert('frame')"></iframe>

| Fee {: onclick="alert('cell')" } | Now |
|---|---|
| Berth | 12 |
"""


def _many_tiny(n: int = 5000) -> str:
    """A news list of `n` tiny, distinct stories: a headline and one sentence each."""
    w = Words(random.Random(99))
    out = ["Latest news"]
    for k in range(n):
        slots = {"company": w.company(), "place": w.r.choice(PLACES)}
        out += [f"{1 + k % 28:02d} Mar 2026, {k % 24:02d}:{k % 60:02d}",
                f"{slots['company']} {w.r.choice(['plans', 'weighs', 'delays', 'backs'])} {w.r.choice(THINGS)} "
                f"in {slots['place']} ({k})", "", w.r.choice(TEMPLATES)(w, slots)]
    return "\n".join(out) + "\n"


RTL = (" date 2026-03-09 مجلس المدينة يوافق على خطة النقل\n\n"
       "وافق مجلس المدينة على خطة جديدة للنقل العام يوم الاثنين بعد نقاش استمر ثلاثة أشهر. "
       "وقال المسؤولون إن الخطة ستضيف خطين جديدين للحافلات وتمدد ساعات العمل في المساء.\n\n"
       "ويتوقع المجلس أن يبدأ العمل في الخطين الجديدين مع بداية الصيف المقبل، "
       "على أن تنشر الجداول الكاملة على موقع البلدية قبل ذلك بشهر.\n")
CJK = (" date 2026-03-10 港口管理局批准新的集装箱码头\n\n"
       "港口管理局周二在经过两年的听证之后批准了新的集装箱码头。官员表示，新码头将使港口的吞吐能力在十年内翻一番。"
       "当地渔业团体曾要求采用较小的设计，以保留北侧码头的开放。\n\n"
       "运营商计划在施工结束后雇用大约四百名工人。管理局说，航运公司已经预订了第一年的大部分泊位。\n")


def write_corpus(folder: Path, outside: Path) -> dict[str, Expect]:
    """Write the corpus into `folder` (and the symlink's target into `outside`); return the expectations."""
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    expect: dict[str, Expect] = {}

    def put(name: str, content: str | bytes, expectation: Expect) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
        expect[name] = expectation

    put("empty.txt", b"", Expect(error="empty file"))
    put("whitespace-only.txt", " \n\n\t  \r\n   \n", Expect(error="only whitespace"))
    put("picture.png", _png(), Expect(error="binary file"))
    put("archive.zip", _zip(), Expect(error="binary file"))
    put("utf16-bom.txt", b"\xff\xfe" + _dated("Tram line opens to the airport \u00e9t\u00e9").encode("utf-16-le"),
        Expect(posts=1, titles=("Tram line opens to the airport \u00e9t\u00e9",)))
    put("cp1252.txt", _dated("Caf\u00e9 owners win \u201cfair rent\u201d ruling \u2013 \u20ac2m fund", day=6)
        .encode("cp1252"), Expect(posts=1, titles=("Caf\u00e9 owners win \u201cfair rent\u201d ruling \u2013 \u20ac2m fund",)))
    put("latin1.txt", _dated("Z\u00fcrich stra\u00dfe festival returns, organisers say", day=7).encode("latin-1"),
        Expect(posts=1, titles=("Z\u00fcrich stra\u00dfe festival returns, organisers say",)))
    mixed = _dated("Ferry timetable changes for the winter", day=8).replace("\n\n", "\r\n\r\n", 1)
    put("mixed-newlines.txt", mixed.replace(". ", ".\r", 2).replace("\n", "\r", 3),
        Expect(posts=1, titles=("Ferry timetable changes for the winter",)))
    nul = _dated("Bakery chain opens its tenth shop", day=10).encode("utf-8")
    put("nul-bytes.txt", nul[:60] + b"\x00" + nul[60:200] + b"\x00\x00" + nul[200:] + b"\x00" * 3,
        Expect(posts=1, titles=("Bakery chain opens its tenth shop",)))
    put("one-line-50mb.txt", ("word " * (50 * 1024 * 1024 // 5)).encode("ascii"), Expect(error="line 1"))
    put("many-tiny-articles.txt", _many_tiny(), Expect(posts=5000))
    put("xss-page.html", XSS_PAGE, Expect(posts=1, titles=("Council backs river cleanup plan",),
                                           words=("five-year cleanup", "installed in the spring")))
    put("deeply-nested.html", _nested_page(), Expect(error="nested deeper than the HTML parser reads"))
    put("unclosed.html", UNCLOSED_PAGE, Expect(posts=1, words=("open until ten at night",)))
    # a title of only emoji or symbols gives way to one derived from the story's first sentence
    emoji = _dated("\U0001F680\U0001F680\U0001F525 \u2728\u2728", day=11)
    put("emoji-title.txt", emoji, Expect(posts=1, titles=(_first_sentence(emoji),)))
    symbols = _dated("\u2605\u2606\u2605 !!! ???", day=12)
    put("symbol-title.txt", symbols, Expect(posts=1, titles=(_first_sentence(symbols),)))
    put("same-title-a.txt", _dated("City budget approved", day=13),
        Expect(posts=1, titles=("City budget approved",)))
    put("same-title-b.txt", _dated("City budget approved", "The county's budget passed without debate on "
                                   "Wednesday. It raises spending on rural roads by a tenth and freezes the "
                                   "property tax for another year.\n\nThe vote was unanimous, and the new "
                                   "budget takes effect in January after the governor signs it.\n", day=14),
        Expect(posts=1, titles=("City budget approved",), words=("rural roads",)))
    put("markdown-injection.txt", MARKDOWN_INJECTION,
        Expect(posts=1, words=("Port fees will rise", "Ships longer than three hundred metres")))
    put("right-to-left.txt", RTL, Expect(posts=1, titles=("مجلس المدينة يوافق على خطة النقل",),
                                          words=("بداية الصيف المقبل",)))
    put("cjk.txt", CJK, Expect(posts=1, titles=("港口管理局批准新的集装箱码头",), words=("四百名工人",)))
    put("name with spaces.txt", _dated("Night buses return to the suburbs", day=15), Expect(posts=1))
    put("na\u00efve-\u65b0\u95fb-\u0646\u0628\u0623.txt", _dated("Museum reopens after a roof repair", day=16),
        Expect(posts=1))
    put("--leading-dashes.txt", _dated("Cyclists get a new lane on the bridge", day=17), Expect(posts=1))
    secret = outside / "secret.txt"
    secret.write_text(_dated("Private notes that live outside the dumps folder", day=18), encoding="utf-8")
    (folder / "link-outside.txt").symlink_to(secret)
    expect["link-outside.txt"] = Expect(error="outside the dumps folder")
    (folder / "link-to-nothing.txt").symlink_to(outside / "gone.txt")
    expect["link-to-nothing.txt"] = Expect(error="its target is gone")
    os.mkfifo(folder / "a-pipe.txt")  # opening it to read would block for ever
    expect["a-pipe.txt"] = Expect(error="not a regular file")
    return expect
