"""An e-mail newsletter saved as a message (.eml) or a mailbox of them (mbox): one article per message,
titled by its subject, dated by its Date header, credited to the sender's name and linked to the
newsletter's web copy (its Archived-At header, or the body's "view in browser" link); a digest whose items
stand between rules gives one article per item, titled by its headline. An HTML body goes through
the same main-text extraction as a saved web page; a plain-text body is read like a text dump."""
from __future__ import annotations

import email
import email.policy
import email.utils
import re
from collections import Counter
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

import lxml.etree
import lxml.html

from ..blocks import NUMBERED, unwrap
from ..dates import stated_date
from ..htmltext import html_blocks, unwrap_layout_tables
from ..items import Item, body_blocks, items_result
from ..model import Dump, ParseResult
from ..text import content_words, ends_sentence, fold, letter_words, looks_like_title, squash, word_count
from . import separated
from .html_page import main_blocks

NAME = "email"
_HEADER = re.compile(r"^(?:From|To|Subject|Date|Received|Return-Path|Delivered-To|MIME-Version|Message-ID|"
                     r"Content-Type|Reply-To|X-[\w-]+):", re.I)
_MBOX_SPLIT = re.compile(r"^From \S+.*$\n", re.M)


_FIELD = re.compile(r"^[A-Za-z][\w-]*:")
HEADER_LINES = 60  # a message's header, its fields folded over several lines (Received, DKIM-Signature)


def sniff(dump: Dump) -> float:
    if _client_header(dump.text, "UTC"):
        return 0.98
    head = [ln for ln in dump.lines[:12] if ln.strip()]
    # mail headers at the very top: no other dump starts like that, even when its body is HTML
    if head and head[0].startswith("From ") and any(_HEADER.match(ln) for ln in head[1:]):
        return 0.98
    # the header's fields up to the blank line under it, a folded field's further lines (indented) left out
    fields = []
    for line in dump.lines[:HEADER_LINES]:
        if not line.strip():
            break
        if not line[:1].isspace():
            fields.append(line)
    if not fields or not _FIELD.match(fields[0]) or not all(_FIELD.match(f) for f in fields[:6]):
        return 0.0
    return 0.98 if sum(1 for f in fields[:12] if _HEADER.match(f)) >= 3 else 0.0


# A message a mail client saved as text or printed names its header's fields in the client's language
# ("Von:", "Gesendet:", "Betreff:"; "De :", "Envoyé :", "Objet :"; "From:", "Sent:"), so the fields are told by
# what they hold: the first with an address is the sender, the one with a date the date, the last with
# neither the subject.
_CLIENT_FIELD = re.compile(r"^(?P<label>[^\W\d_][^\W\d_.-]{0,15}(?: [^\W\d_]{1,12})?) ?:\s*(?P<value>.*)$")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CLIENT_FIELDS = (3, 8)


def _client_header(text: str, tz: str) -> str | None:
    """The message with its client's header as RFC 5322 fields (From, Date, Subject), when its first lines
    are such a header: None for anything else, a message with a Date field included."""
    head, _, body = text.lstrip("\ufeff\n").partition("\n\n")
    lines = head.split("\n")
    if not CLIENT_FIELDS[0] <= len(lines) <= CLIENT_FIELDS[1]:
        return None
    fields = [_CLIENT_FIELD.match(line) for line in lines]
    if not all(fields) or any(f["label"].casefold() == "date" for f in fields):
        return None
    addressed = [f for f in fields if _ADDRESS.search(f["value"])]
    if not addressed:
        return None
    dates = [(f, stated_date(f["value"], tz)) for f in fields if f not in addressed and f["value"]]
    dated = [(f, when) for f, when in dates if when is not None]
    if not dated:
        return None
    # the date's own field is the shortest that states one (a subject may name a day too)
    field, when = min(dated, key=lambda fw: word_count(fw[0]["value"]))
    rest = [f for f, _ in dates if f is not field]
    if not rest:
        return None
    return (f"From: {addressed[0]['value']}\nDate: {email.utils.format_datetime(when)}\n"
            f"Subject: {rest[-1]['value']}\n\n{body}")


# An mbox quotes a body's line that opens with "From " as ">From " (and ">From " as ">>From ")
_QUOTED_FROM = re.compile(r"^>(>*From )", re.M)


def _messages(text: str) -> list[str]:
    if text.startswith("From "):
        return [_QUOTED_FROM.sub(r"\1", m) for m in _MBOX_SPLIT.split(text) if m.strip()]
    return [text]


def _items(raw: str) -> list[Item]:
    """A message's stories: one, or each item of a digest whose items stand between rules (plain text with
    `---`, HTML with `<hr>`), each titled by its own headline and dated by the message."""
    msg = email.message_from_string(raw, policy=email.policy.default)
    name, address = email.utils.parseaddr(str(msg.get("from", "")))
    date = None
    if msg.get("date"):
        try:
            date = email.utils.parsedate_to_datetime(str(msg["date"]))
        except (TypeError, ValueError):
            date = str(msg["date"])
    html = msg.get_body(preferencelist=("html",))
    plain = msg.get_body(preferencelist=("plain",))
    source = name or address or None
    html, plain = (_content(part) if part is not None else None for part in (html, plain))
    forward = _FORWARD.search(plain) if plain else None
    if forward and html is not None:
        # a forwarded HTML digest: its items from the HTML, its sender and date from the forwarded headers
        # (a forwarded message of one story is read below as itself, the note above it the forwarder's)
        inner = email.message_from_string(plain[forward.end():].lstrip("\n"), policy=email.policy.compat32)
        inner_name, inner_address = email.utils.parseaddr(str(inner.get("from", "")))
        source = inner_name or inner_address or source
        date = str(inner["date"]) if inner.get("date") else date
    elif forward:
        return _forwarded(plain, forward)
    plain, signature = _signed(plain or "") if html is None and plain is not None else (plain, "")
    url = _web_copy(msg, html or "")
    lines, header = (_digest_lines(html) if html is not None
                     else (_headlines_as_rules(unwrap(plain)).split("\n"), []) if plain is not None else ([""], []))
    sent = date if isinstance(date, datetime) else None
    stories, left = separated.stories_of(lines, sent)
    left = header + left if stories else left
    if forward and not stories:  # one forwarded story: read from the plain text, where its note stands apart
        return _forwarded(plain, forward)
    if stories:
        chrome = tuple(left) + ((signature,) if signature else ())
        own = _item_links(html) if html is not None else {}
        # an item's own address: its headline's link, else its "Read more: <address>" line, else the issue's
        # (dated by the message, or by the day an item states under its headline, "Tuesday, Nov 10")
        items = [Item(title=s.title, body="", date=s.date if sent and s.date and s.date <= sent else date,
                      url=own.get(fold(s.title or ""), s.url or url), source=source, blocks=s.blocks) for s in stories]
        return items + ([Item(None, "", chrome=chrome)] if chrome else [])
    blocks = (main_blocks(unwrap_layout_tables(html)) if html is not None
              else body_blocks(unwrap(plain)) if plain is not None else None)
    title = _headline(str(msg.get("subject", "")), name)
    return [Item(title=_as_in_body(title, blocks), body="", date=date, url=url, source=source, blocks=blocks,
                 chrome=(signature,) if signature else ())]


def html_digest(html: str) -> tuple[list[Item], list[str]]:
    """The items of an HTML digest whose items are headed by links to their own pages or end with one (a
    newsletter's web version saved as a page), each with its headline, text and address, and the lines left
    out around them; no items when the HTML is one story."""
    lines, header = _digest_lines(html)
    stories, left = separated.stories_of(lines)
    own = _item_links(html) if stories else {}
    return [Item(title=s.title, body="", date=s.date, url=own.get(fold(s.title or ""), s.url), blocks=s.blocks)
            for s in stories], header + left


def _forwarded(plain: str, forward: re.Match) -> list[Item]:
    """The forwarded message is the story, read as itself; the note above it is the forwarder's."""
    note = plain[: forward.start()].strip()
    return _items(plain[forward.end():].lstrip("\n")) + ([Item(None, "", chrome=(note,))] if note else [])


# Where a forwarded message starts (Gmail, Apple Mail, Outlook): its own headers follow.
_FORWARD = re.compile(r"^(?:-{2,} ?Forwarded message ?-{2,}|Begin forwarded message:|-{3,} ?Original Message ?-{3,})[ \t]*$",
                      re.M | re.I)
_REPLY_PREFIX = re.compile(r"^(?:(?:fwd?|fw|wg|tr|rv|re|aw)\s*:\s*)+", re.I)  # Fwd:, WG:, TR:, Re:


def _headline(subject: str, sender: str) -> str | None:
    """The subject without "Fwd:" or the newsletter's name before it ("Policy Wire: Brussels wants ..." from
    Policy Wire)."""
    subject = _REPLY_PREFIX.sub("", subject.strip())
    if sender and fold(subject).startswith(fold(sender)):
        rest = re.sub(r"^\s*(?:#\d+)?\s*[:|—–-]\s*", "", subject[len(sender):], count=1)
        if rest != subject[len(sender):] and rest.strip():
            return rest.strip()
    return subject or None


HEAD_BLOCKS = 4  # the blocks at a message's top where its headline stands, under a masthead


SAME_STORY = 0.6  # the share of the subject's words a headline in the body holds when it heads the same story


def _as_in_body(title: str | None, blocks) -> str | None:
    """The subject as the message's headline writes it: without a label before a colon that the headline has
    not ("Breaking: Nebius signs ..." over "Nebius signs ..."), or the headline itself where the subject
    shortens it ("..., cut tax to 20%" over "..., cutting tax on gains to flat 20%")."""
    label = re.match(r"^[^:]{2,30}:\s+(?P<rest>.+)$", title or "")
    firsts = [b.text.split("\n")[0] for b in (blocks or [])[:HEAD_BLOCKS]]
    heads = {fold(text) for text in firsts}
    if label and fold(label["rest"]) in heads and fold(title) not in heads:
        return label["rest"]
    words = content_words(title or "")
    longer = next((text for text in firsts if looks_like_title(text) and len(text) > len(title or "")
                   and len(words & content_words(text)) >= SAME_STORY * len(words)), None)
    return longer if words and fold(title) not in heads and longer else title


_SIGNATURE = re.compile(r"^-- ?$", re.M)  # RFC 3676's signature delimiter, "-- " on a line of its own


def _signed(text: str) -> tuple[str, str]:
    """A plain-text body without its signature, and the signature (the text under the last "-- " line)."""
    marks = list(_SIGNATURE.finditer(text))
    if not marks:
        return text, ""
    return text[: marks[-1].start()], text[marks[-1].start():].strip()


def _content(part) -> str:
    """A part's text. An 8bit (or 7bit) body is the dump's own text, already decoded with the dump; only a
    base64 or quoted-printable body is decoded by its charset (get_content() would read 8bit text that is
    not ASCII as undecodable bytes: "£" as "�")."""
    if str(part.get("content-transfer-encoding", "7bit")).strip().lower() in ("7bit", "8bit", "binary"):
        return part.get_payload()
    return part.get_content()


_HR = re.compile(r"<hr\b[^>]*>", re.I)
_WEB_COPY = re.compile(r"\b(?:view|read|open)\b.{0,20}\b(?:browser|online|web)\b|\bweb version\b", re.I)


def _web_copy(msg, html: str) -> str | None:
    """The address of the newsletter's copy on the web: its Archived-At header (RFC 5064), else the link
    of the body's "View in browser" / "Read online" line."""
    archived = str(msg.get("archived-at", "")).strip().strip("<>")
    if archived:
        return archived
    try:
        links = lxml.html.fromstring(html).iter("a") if html.strip() else []
    except (ValueError, lxml.etree.LxmlError):  # a body lxml cannot read has no link to find either
        return None
    for link in links:
        if _WEB_COPY.search(link.text_content()) and link.get("href"):
            return link.get("href")
    return None


def _digest_lines(html: str) -> tuple[list[str], list[str]]:
    """An HTML body as the lines of a digest with rules (_digest_html), and the lines above its first item
    where its items are told by their own links: the newsletter's header and greeting, no item."""
    digest, linked = _digest_html(html)
    lines = _rules_as_lines(digest).split("\n")
    first = next((i for i, line in enumerate(lines) if line == "---"), 0) if linked else 0
    return [""] * first + lines[first:], [line for line in lines[:first] if line.strip()]


def _digest_html(html: str) -> tuple[str, bool]:
    """An HTML digest as a digest with rules has it (a rule above each item, each item headed): items headed
    by links to their own pages or each ending with its own link (_items_ruled), items between rules each
    opening with a bold lead-in (_lead_ins_as_headings). Other HTML (an essay with subheadings) as it is.
    And whether its items were told by their own links."""
    root = _headed_tree(html)
    if root is None:
        return html, False
    ruled = _items_ruled(root)  # (first: a lead-in's heading must not get a rule of its own as well)
    led = _lead_ins_as_headings(root)
    return (lxml.html.tostring(root, encoding="unicode") if ruled or led else html), ruled


def _headed_tree(html: str):
    """The HTML's tree, its headlines as heading elements (see _bold_blocks_as_headings); None when lxml
    cannot read it."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return None
    if next(root.iter(*_HEADINGS), None) is None:
        _bold_blocks_as_headings(root)
    if next(root.iter(*_HEADINGS), None) is None:
        _linked_blocks_as_headings(root)
    return root


MIN_LINKED_HEADLINES = 2


def _linked_blocks_as_headings(root) -> None:
    """An alert or a list of links sets its headlines as blocks that are nothing but a link of a headline's
    length, not a sentence, each over its snippet (a news alert's items): two or more such blocks become
    headings."""
    blocks = []
    for block in root.iter("p", "div", "td"):
        text = squash(block.text_content())
        links = [a for a in block.iter("a") if a.get("href")]
        if (len(links) == 1 and squash(links[0].text_content()) == text and MAX_LINK_WORDS < word_count(text)
                <= MAX_HEADLINE_WORDS and not ends_sentence(text) and not any(
                    e.tag in ("p", "div", "td", "table") for e in block.iter() if e is not block)):
            blocks.append(block)
    if len(blocks) >= MIN_LINKED_HEADLINES:
        for block in blocks:
            block.tag = "h3"


def _items_ruled(root) -> bool:
    """A rule above each item and one under the last item's own link, when the items are headed by links
    to their own pages ("<h2><a href=...>") or each ends with a link of its own ("Read more"); whether so."""
    headings = list(root.iter(*_HEADINGS))
    sections = _button_links(root)
    linked = {a.get("href") for h in headings for a in h.iter("a") if a.get("href")}
    # the items: a run of sections each ending with a link of its own (below them a jobs board or a referral
    # programme without one is the newsletter's footer)
    buttoned = [k for k, links in enumerate(sections) if links]
    items = sections[buttoned[0]: buttoned[-1] + 1] if buttoned else []
    own = len(items) >= 2 and all(items) and all(
        not ({a.get("href") for a in x} & {a.get("href") for a in y}) for i, x in enumerate(items) for y in items[i + 1:])
    if len(linked) < 2 and not own:
        return False
    for k, heading in enumerate(headings):
        # (where linked headlines make the items, a heading without a link is not one: a sponsor's pitch)
        if (own and buttoned[0] <= k <= buttoned[-1]) or any(a.get("href") for a in heading.iter("a")):
            _kicker_or(heading).addprevious(lxml.etree.Element("hr"))
    last = items[-1] if own else sections[-1] if sections else []
    if last:  # what follows the last item's own link is the newsletter's footer
        last[0].getparent().addnext(lxml.etree.Element("hr"))
    return True


_HEADINGS = ("h1", "h2", "h3", "h4")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
MAX_HEADLINE_WORDS = 20


def _bold_blocks_as_headings(root) -> None:
    """A newsletter built without heading elements sets its headlines as blocks all in bold ("<p><b>..." or a
    span styled bold): each such block of a headline's size, not a sentence, becomes a heading. Not a button
    set in bold: a short link alone in its block, or a block whose text another repeats ("Read more →")."""
    blocks = [(block, squash(block.text_content())) for block in root.iter("p", "div", "td")]
    seen = Counter(text for _, text in blocks)
    for block, text in blocks:
        inner = [e for e in block.iter() if e is not block]
        bold = [e for e in inner if e.tag in ("b", "strong") or _BOLD_STYLE.search(e.get("style") or "")]
        button = seen[text] > 1 or (word_count(text) <= MAX_LINK_WORDS
                                    and any(squash(a.text_content()) == text for a in block.iter("a")))
        if (bold and squash(bold[0].text_content()) == text and 2 <= word_count(text) <= MAX_HEADLINE_WORDS
                and not button and not ends_sentence(text)
                and not any(e.tag in ("p", "div", "td", "table") for e in inner)):
            block.tag = "h3"
MAX_LINK_WORDS = 4  # "Read more", "Continue reading →": a button, not a sentence with a link in it


def _kicker_or(heading):
    """The item's kicker right above its headline ("STORY 1 OF 3", "MARKETS"), else the headline: the top of
    the item."""
    above = _above(heading)
    labelled = above is not None and above.tag in ("p", "div", "span", "td") and next(above.iter("a"), None) is None
    text = above.text_content().strip() if labelled else ""  # (a link above is the last item's button)
    return above if text and word_count(text) <= separated.KICKER_WORDS and not ends_sentence(text) else heading


def _above(element):
    """The element with text right above: its previous sibling, or in a layout table, where each block is a
    row's only cell, the previous row's cell (past rows that hold only an image)."""
    row = element.getparent()
    if element.getprevious() is not None or row is None or row.tag != "tr" or len(row) != 1:
        return element.getprevious()
    above = row.getprevious()
    while above is not None and above.tag == "tr" and len(above) == 1 and not above.text_content().strip():
        above = above.getprevious()
    return above[0] if above is not None and above.tag == "tr" and len(above) == 1 else None


def _button_links(root) -> list[list]:
    """Per section under a heading, its button-like links: short links standing alone in their block."""
    sections: list[list] = []
    for element in root.iter():
        if element.tag in _HEADINGS:
            sections.append([])
        elif element.tag == "a" and sections and element.get("href"):
            text = element.text_content().strip()
            parent = element.getparent()
            # (words only: "Read on Signal & Stack →" is a button of four words)
            if (text and letter_words(text) <= MAX_LINK_WORDS and parent is not None and parent.tag not in _HEADINGS
                    and parent.text_content().strip() == text):
                sections[-1].append(element)
    return sections


def _item_links(html: str) -> dict[str, str]:
    """Each item's own address, by its headline (folded): the headline's link, else its section's first
    button ("Read more")."""
    root = _headed_tree(html)
    if root is None:
        return {}
    headings = list(root.iter(*_HEADINGS))
    links = {}
    for heading, buttons in zip(headings, _button_links(root)):
        own = next((a.get("href") for a in heading.iter("a") if a.get("href")), None)
        if own or buttons:
            links[fold(squash(heading.text_content()))] = _redirected(own or buttons[0].get("href"))
    return links


_REDIRECT_PATHS = ("/url", "/l.php", "/link", "/redirect")


def _redirected(href: str) -> str:
    """The page a redirecting link leads to ("https://www.google.com/url?...&url=https://site/story"): the
    story's own address, as its page states it."""
    parts = urlsplit(href)
    if parts.path.rstrip("/") in _REDIRECT_PATHS:
        target = next((v for k, v in parse_qsl(parts.query) if k in ("url", "u", "q") and v.startswith("http")), None)
        return target or href
    return href


MAX_LEAD_IN_WORDS = 12


def _lead_ins_as_headings(root) -> bool:
    """Items between rules that each open with a bold lead-in ("<hr><p><strong>Export licences tighten
    again.</strong> The Commerce Department ..."): each lead-in as its item's headline; whether any was."""
    rules = list(root.iter("hr"))
    if len(rules) < 2:
        return False
    changed = False
    for rule in rules:
        para = rule.getnext()
        lead = para[0] if para is not None and para.tag == "p" and len(para) else None
        if (lead is None or lead.tag not in ("strong", "b") or (para.text or "").strip()
                or not 2 <= len(lead.text_content().split()) <= MAX_LEAD_IN_WORDS):
            continue
        heading = lxml.etree.Element("h3")
        heading.text = lead.text_content().strip().rstrip(".:")
        para.addprevious(heading)
        para.text = (lead.tail or "").lstrip()
        para.remove(lead)
        changed = True
    return changed


# a section's label between rules ("=== SPONSORED ===", "----- MARKETS -----"): a rule over its label
_FRAMED = re.compile(r"^\s*([-=*~#])\1{2,}\s+(?P<label>\S[^\n]{0,40}?\S)\s+\1{3,}\s*$", re.M)
# a line in plain text's bold or italics: "*1. Rates on hold*", "**Rates on hold**", "_Rates on hold_"
_EMPHASIS = re.compile(r"^(?P<mark>[*_]{1,2})(?P<inner>[^\s*_](?:.*[^\s*_])?)(?P=mark)$")


def _headlines_as_rules(text: str) -> str:
    """A plain-text digest whose items are headlines over prose, numbered ("1. Texas grid operator orders
    ...", "2. ...", in bold or not) or set in bold ("**Port strike ends**"): a rule above each item and its
    headline without its number or marks, as digests with rules have them. A section's label in capitals
    just above a headline ("ENERGY") goes below the rule with it, and a section's framed label gets a rule
    over it. Other text as it is."""
    marked = [bool(_EMPHASIS.match(line.strip())) for line in text.split("\n")]
    lines = [_EMPHASIS.sub(r"\g<inner>", line) for line in text.split("\n")]
    heads = _item_heads(lines, [m and not NUMBERED.match(line) for m, line in zip(marked, lines)])
    if len(heads) < 2:
        return _FRAMED.sub(r"---\n\n\g<label>", text)
    for i in reversed(heads):
        numbered = NUMBERED.match(lines[i])
        lines[i: i + 1] = [numbered["text"] if numbered else lines[i]]
        at = _label_above(lines, i) if _labelled(lines, i) else i
        lines[at:at] = ["---", ""]
    return _FRAMED.sub(r"---\n\n\g<label>", "\n".join(lines))


def _item_heads(lines: list[str], bold: list[bool]) -> list[int]:
    """The lines that head a digest's items: numbered 1, 2, 3 ..., else every bold one, each a headline over
    a line of prose."""
    def over_prose(i: int) -> bool:
        return word_count(next((ln for ln in lines[i + 1:] if ln.strip()), "")) >= 8

    numbered = []
    for i, line in enumerate(lines):
        m = NUMBERED.match(line)
        if m and int(m["number"]) == len(numbered) + 1 and _headline_like(m["text"]) and over_prose(i):
            numbered.append(i)
    if len(numbered) >= 2:
        return numbered
    bolds = [i for i, line in enumerate(lines) if bold[i] and _headline_like(line) and over_prose(i)]
    if len(bolds) >= 2:
        return bolds
    return [i for i, line in enumerate(lines) if _headline_like(line) and over_prose(i) and _labelled(lines, i)]


def _label_above(lines: list[str], i: int) -> int | None:
    """The line with text right above line i (a blank line may stand between them)."""
    return next((j for j in range(i - 1, max(-1, i - 3), -1) if lines[j].strip()), None)


def _labelled(lines: list[str], i: int) -> bool:
    """Whether the line stands right under a section's label in capitals."""
    above = _label_above(lines, i)
    return above is not None and _section_label(lines[above])


def _headline_like(text: str) -> bool:
    return looks_like_title(text, max_words=MAX_LEAD_IN_WORDS + 3)


def _section_label(line: str) -> bool:
    """A section's label in capitals: "TECH", "TOP STORY", "MÄRKTE"."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and word_count(line) <= 4


def _rules_as_lines(html: str) -> str:
    """An HTML body with rules as text: one paragraph a line, `---` where a rule stood; "" without rules
    (a message without rules is one story, read by main-text extraction)."""
    if len(_HR.findall(html)) < 2:
        return ""
    blocks = html_blocks(_HR.sub("<p>---</p>", unwrap_layout_tables(html)))
    return "\n\n".join(b.text for b in blocks)


def parse(dump: Dump, tz: str) -> ParseResult:
    text = _client_header(dump.text, tz) or dump.text
    return items_result(dump, [item for m in _messages(text) for item in _items(m)], NAME, tz)
