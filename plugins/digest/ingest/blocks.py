"""From the body lines of a text dump to Blocks: paragraphs, subheadings, lists, quoted tweets.

Shared by every text format, so a subheading or an embedded tweet looks the same whatever dump it came from.
"""
from __future__ import annotations

import re

from .dates import _MONTH
from .model import CHROME, Block, Drop
from .text import COPYRIGHT, RIGHTS_RESERVED, ends_sentence, fold, foreign_share, looks_like_title, squash, word_count

Line = tuple[int, str]  # (1-based line number, text)

NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2})[.)]\s+(?P<text>\S.*)$")  # "3. Review app permissions"
# A line that is only an address, labelled or not, plain or as a Markdown link: "Source: https://...",
# "Link: [The Daily](https://...)", "Read more: https://...", "Full story at Site → https://..."
_ADDRESS = re.compile(r"^\s*(?:[^\w\s]{1,3}\s*)?(?:[^\W\d_]{2,12}(?: [^\W\d_]{2,12}){0,4}\s*(?::|->|[→»›➜➔])\s*)?(?:\[[^\]]*\]\((?P<linked>https?://[^)\s]+)\)"
                      r"|<?(?P<bare>https?://[^\s>]+)>?)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+\S")
RULE = re.compile(r"^\s*([-=_*~#•·—–━─═▬])(?:\s*\1){2,}\s*$")  # ---, * * *, ====, ━━━: a rule between sections
_LINK_LINE = re.compile(r"^\s*(?:[\w][\w .&'’-]{0,40}:\s*)?(?:https?://|www\.)\S+\s*$", re.I)
# How a copied embedded tweet signs off: "— Name (@handle) February 4, 2026"
TWEET_SIGNATURE = re.compile(rf"^\s*[—–-]\s*[^\n]{{1,100}}\(@\w{{1,30}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$", re.I)


def runs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into runs of non-blank lines separated by blank ones."""
    out, current = [], []
    for number, text in lines:
        if text.strip():
            current.append((number, text))
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _hard_wrapped(run: list[Line]) -> bool:
    """A paragraph broken into lines of similar width (e-mail, plain-text exports), not one line per paragraph."""
    if len(run) < 3:
        return False
    inner = [squash(t) for _, t in run[:-1]]
    if any(_LIST_ITEM.match(t) for t in inner):
        return False
    wrapped = sum(1 for t in inner if 30 <= len(t) <= 100 and not ends_sentence(t))
    widths = [len(t) for t in inner]
    return wrapped >= 0.6 * len(inner) and max(widths) - min(widths) < 40


WRAP_SLACK = 25  # a line this much shorter than the text's wrap width ends its paragraph
BYLINE_WORDS = 6  # "By Ana Ruiz in Tokyo" under a headline


def unwrap(text: str) -> str:
    """Text hard-wrapped at a fixed width (a plain-text e-mail) with each paragraph on one line, as the
    text formats read it. A line reaching near the wrap width goes on in the next line, unless it is a
    headline (title case or capitals) above a capitalised line. Text whose lines are longer than a wrap
    width is left as it is."""
    lines = text.split("\n")
    widths = sorted(len(t.rstrip()) for t in lines if len(t.strip()) >= 40)
    if len(widths) < 4 or widths[int(0.9 * (len(widths) - 1))] > 100:
        return text
    width = widths[int(0.9 * (len(widths) - 1))]
    out: list[str] = []
    for i, line in enumerate(lines):
        prev = out[-1] if out else ""
        if (prev.strip() and line.strip() and len(prev.rstrip()) >= width - WRAP_SLACK
                and not _LIST_ITEM.match(line) and not RULE.match(line) and not RULE.match(prev)
                and not (_title_cased(prev) and line.lstrip()[:1].isupper())
                and not _byline_under(prev, line, lines[i + 1] if i + 1 < len(lines) else "")):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _byline_under(prev: str, line: str, after: str) -> bool:
    """A short capitalised line that is no sentence, alone under a headline that is none either ("By Ana
    Ruiz" under "Port strike ends after a week"): a line of its own, not the end of a wrapped paragraph."""
    return (line.lstrip()[:1].isupper() and word_count(line) <= BYLINE_WORDS and not ends_sentence(line.strip())
            and not ends_sentence(prev.strip()) and not prev.rstrip().endswith((",", ";", ":")) and not after.strip())


def _title_cased(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return looks_like_title(text) and len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def is_heading(text: str, following: str | None, max_words: int = 15) -> bool:
    """A subheading (or, with more words, a headline): a short title-like line followed by prose."""
    return (following is not None and looks_like_title(text, max_words=max_words)
            and (word_count(following) >= 8 or ends_sentence(following)))


def blocks_from_lines(lines: list[Line]) -> list[Block]:
    """Turn the body lines of one article into blocks. Every non-blank line ends up in exactly one block."""
    grouped = runs(lines)
    items: list[Line | list[Line]] = []  # a joined paragraph is a list of lines
    for run in grouped:
        if _hard_wrapped(run):
            items.append(run)
        else:
            items.extend(run)
    items.append(None)  # sentinel: nothing follows the last item

    blocks: list[Block] = []
    run_of = {n: tuple(ln for ln, _ in run) for run in grouped for n, _ in run}
    for i, item in enumerate(items[:-1]):
        if isinstance(item, list):
            blocks.append(Block("p", squash(" ".join(t for _, t in item)), tuple(n for n, _ in item)))
            continue
        number, text = item
        text = squash(text)
        nxt = items[i + 1]
        following = squash(nxt[1]) if isinstance(nxt, tuple) else None
        if TWEET_SIGNATURE.match(text):
            _make_tweet(blocks, number, text, run_of)
        elif NUMBERED.match(text) and is_heading(text, following) and not _LIST_ITEM.match(following or ""):
            blocks.append(Block("h", text, (number,)))  # a listicle's "3. Review app permissions" over its text
        elif _LIST_ITEM.match(text) or (_LINK_LINE.match(text) and _is_link_list(items, i)):
            _add_list_item(blocks, number, text)
        elif is_heading(text, following):
            blocks.append(Block("h", text, (number,)))
        else:
            blocks.append(Block("p", text, (number,)))
    return blocks


def address(line: str) -> str | None:
    """The address a line states when it is nothing but that (a clipping's source line)."""
    m = _ADDRESS.match(line)
    return (m["linked"] or m["bare"]) if m else None


def _is_link_list(items, i) -> bool:
    neighbours = [items[j] for j in (i - 1, i + 1) if 0 <= j < len(items)]
    return any(isinstance(n, tuple) and _LINK_LINE.match(n[1]) for n in neighbours)


def _add_list_item(blocks: list[Block], number: int, text: str) -> None:
    """A bullet is markup (the post's list draws its own); a number ("1.", "37)") is the page's text, and
    stays: a ranked list's order, a step's number, "5. Kristi Dosh" as the page wrote it."""
    item = re.sub(r"^\s*[-–—•*·▪►]\s+", "", text).strip()
    prev = blocks[-1] if blocks else None
    if prev is not None and prev.kind == "list" and prev.lines and prev.lines[-1] == number - 1:
        blocks[-1] = Block("list", prev.text + "\n" + item, prev.lines + (number,))
    else:
        blocks.append(Block("list", item, (number,)))


def _make_tweet(blocks: list[Block], number: int, signature: str, run_of: dict) -> None:
    """Fold the run just before a tweet's signature line into one quote block with the signature."""
    quoted: list[Block] = []
    if blocks:
        previous_run = run_of[blocks[-1].lines[-1]]
        while blocks and blocks[-1].kind != "h" and set(blocks[-1].lines) <= set(previous_run):
            quoted.insert(0, blocks.pop())
    lines = [ln for b in quoted for ln in b.lines] + [number]
    parts = []
    for b in quoted:
        parts += [f"- {t}" for t in b.text.split("\n")] if b.kind == "list" else [b.text]
    blocks.append(Block("quote", "\n".join(parts + [signature]), tuple(lines)))


def footer_chrome(lines: list[Line], script: str | None) -> int:
    """How many trailing non-blank lines are page furniture: UI strings in another script than the
    articles, or short label-like lines. Returns the count of such lines at the end of `lines`."""
    nonblank = [squash(t) for _, t in lines if t.strip()]
    count = 0
    for text in reversed(nonblank):
        if len(text) > 200:  # page furniture is short; a long line is content
            break
        ui_label = word_count(text) <= 4 and not ends_sentence(text) and len(text) <= 40
        if ui_label or foreign_share(text, script) > 0.5:
            count += 1
        else:
            break
    # Only text with prose above it has a footer; a dump of short lines is content, however odd.
    has_prose = any(word_count(t) >= 8 for t in nonblank[: len(nonblank) - count])
    return count if has_prose else 0


def chrome_drops(lines: list[Line]) -> list[Drop]:
    return [Drop((n,), CHROME, squash(t)) for n, t in lines if t.strip()]



def strip_footer(body: list[Line], script: str | None) -> tuple[list[Line], list[Drop]]:
    """Cut the page footer (see footer_chrome) off the end of the last article's lines."""
    count = footer_chrome(body, script)
    if not count:
        return body, []
    nonblank = [ln for ln in body if ln[1].strip()]
    first = nonblank[-count][0]
    return [ln for ln in body if ln[0] < first], chrome_drops(nonblank[-count:])


_SENTENCE_BREAK = re.compile(r"[.!?…。！？।॥។။۔][\"”’»)]*\s")
MIN_STORY_PROSE = 8   # words of sentences the middle story of a list of stories has at least: one sentence
DOMINANCE = 6         # no story of a list has this many times the middle one's prose: that is one article
DISTINCT_TITLES = 0.8  # share of a list's stories with a title of their own


def prose_words(lines: list[str]) -> int:
    """Words in lines that read as sentences: what a story has and a list of links or headlines has not."""
    return sum(word_count(t) for t in map(squash, lines)
               if word_count(t) >= 8 and (ends_sentence(t) or len(_SENTENCE_BREAK.findall(t)) >= 2))


def several_stories(lines: list[str], spans: list[tuple[int, int]], titles: list[str]) -> bool:
    """Whether a layout's stories are several real stories, not one page's article among teasers (a
    headline, a byline, a date, a line of summary), comments or a gallery's captions. Real stories hold
    most of the dump's prose, are of one order of size (an article among teasers is many times the middle
    one), have prose at all, and each has its own title (a repeated label is furniture, not a headline).
    `spans`: the stories' [start, end) line indexes."""
    if len(spans) < 2 or len({fold(t) for t in titles}) < DISTINCT_TITLES * len(titles):
        return False
    prose = sorted(prose_words(lines[a:b]) for a, b in spans)
    middle = prose[(len(prose) - 1) // 2]
    return (middle >= MIN_STORY_PROSE and prose[-1] <= DOMINANCE * middle
            and sum(prose) >= 0.8 * prose_words(lines))


FOOTER_LINES = 20  # a page's footer, where its masthead may stand again
_MARK = re.compile(r"^(?:[\s,.:;]|©|℗|\(c\)|copyright\b|by\b|\d{4}(?:\s*[-–]\s*\d{4})?)+", re.I)
_OWNER_END = re.compile(rf"\s[|·•–—-]\s|\s*[|·•]\s*|[.,;]\s|\.$|(?-i:\.(?=[A-Z][a-z]))|\s\d{{4}}\b|{RIGHTS_RESERVED}",
                        re.I)
_LEGAL_FORM = re.compile(r"(?:[,\s&]+(?:inc|llc|l\.l\.c|ltd|limited|gmbh|ag|kg|s\.?\s?a|s\.p\.a|ltda|sas|sarl|b\.?v|n\.?v|oy|asa|plc|corp|co|pty|pvt|private)\.?)+$",
                         re.I)
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|&|\d[\w.-]*|of|and|the|de|la|del|di|der|die|das|für|y|et|und)$", re.I)


def copyright_owner(line: str) -> str | None:
    """Who a copyright line names: "© 2019 Daily Herald Media Ltd. All rights reserved." -> "Daily
    Herald Media"; None when the line is a link ("Copyright Policy") or names no one by capitalised words
    ("© All rights reserved", "© Licencja na publikację")."""
    mark = COPYRIGHT.search(line)
    # a bare "© Name" is a picture's credit; a notice has a year, "all rights reserved" or both marks
    if not mark or not re.search(rf"\b(?:19|20)\d\d\b|{RIGHTS_RESERVED}|©.*copyright|copyright.*©", line, re.I):
        return None
    rest = _MARK.sub("", line[mark.end():])
    owner = _LEGAL_FORM.sub("", _OWNER_END.split(rest, 1)[0].strip(" .,'\"")).strip(" .,")
    return owner if _name_like(owner) else None


def _name_like(owner: str) -> bool:
    """Whether text reads as an organisation's or person's name: one to five capitalised words."""
    words = owner.split()
    if not 1 <= len(words) <= 5 or len(owner) < 3 or not owner[0].isupper() or "by" in words:
        return False  # ("Theme Blass by Studio", "Powered by ...": a credit, not a notice)
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w in "&" for w in words if len(w) > 3):
        return False  # "Visos teisės saugomos": words of a sentence, not a name
    if len(words) > 1 and owner.isupper():
        return False  # "RIPRODUZIONE RISERVATA": a notice in capitals, as often as a name
    return True


def _owner(footer: list[str]) -> str | None:
    """The owner the first copyright line below the article names (captions' credits stand above it)."""
    return next((o for line in footer if len(line) <= 200 and (o := copyright_owner(squash(line)))), None)


def _names(name: str, owner: str) -> bool:
    """Whether a header line is the copyright owner's name, or its start ("The Daily Herald", "Daily
    Herald Media"), not a word inside it ("Deutschland" in "Business Insider Deutschland")."""
    def plain(text: str) -> str:
        return re.sub(r"^the\s+", "", fold(text))
    return re.match(rf"{re.escape(plain(name))}\b", plain(owner)) is not None


def publisher_name(header: list[str], footer: list[str]) -> str | None:
    """The publisher: the owner a copyright line below the article names, as the page's header writes it
    when a header line is that name ("The Daily Herald" for "Daily Herald Media Ltd"). Pages without one
    name no publisher: their header's short lines are sections and buttons as often as a masthead."""
    owner = _owner(footer)
    if owner is None:
        return None
    return next((name for name in map(squash, header) if name and _name_like(name)
                 and _names(name, owner)), owner)


def creator_name(header: list[str], text: str) -> str | None:
    """A creator or channel page's name: the copyright owner, else the short capitalised header line the
    page mentions most inside other lines, past their first word ("Harbour Desk · 2h" heads each post; a
    label on lines of its own, "Share" under each post, or opening them, "Subscribe now", is the page's
    UI; so is a word the page also writes in small letters)."""
    lines = [squash(line) for line in text.splitlines() if line.strip()]
    if owner := publisher_name(header, lines[-FOOTER_LINES:]):
        return owner
    folded = [fold(line) for line in lines]
    footer_keys = set(folded[-FOOTER_LINES:])
    best, best_count = None, 0
    for line in header:
        name = squash(line)
        if not name or word_count(name) > 4 or re.search(r"\d", name) or not name[0].isupper():
            continue
        if re.search(rf"\b{re.escape(name.lower())}\b", text):
            continue  # a word the page also writes in small letters ("news") is no name
        forms = [re.compile(rf"\b{re.escape(form)}\b") for form in {name, name.split(" ", 1)[-1]}
                 if word_count(form) >= min(2, word_count(name))]
        own = fold(name)
        count = sum(1 for other, key in zip(lines, folded) if key != own
                    and any((m := f.search(other)) and m.start() > 0 for f in forms))
        count += own in footer_keys  # the masthead again below
        if count > best_count:
            best, best_count = name, count
    return best
