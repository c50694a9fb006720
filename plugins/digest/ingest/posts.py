"""Stories -> Posts: front matter, Markdown body, slug and summary; then writing them to a folder.

A post's text depends only on its story's copies, so the same dumps give the same files byte for byte,
and a file is only rewritten when its text changes (Pelican's cache and `make devserver` rely on that).
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from slugify import slugify

from .model import Article, Block, Post, Story
from .text import split_sentences, squash

SLUG_MAX = 80
SUMMARY_MAX = 300
REFLOW_CHARS = 900  # a paragraph longer than this (one-line bodies) is split into paragraphs of a few sentences


# ---------------------------------------------------------------- Markdown

def escape(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text (and never as raw HTML)."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([*_`\[\]{])", r"\\\1", text)  # `{` would open an attribute list ({: onclick=...})
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;")
    text = re.sub(r"^(\s*)([#>+-])", r"\1\\\2", text)
    text = re.sub(r"^(\s*\d+)([.)]\s)", r"\1\\\2", text)
    return text


def reflow(block: Block) -> list[Block]:
    """Split a wall of text (a body copied as one line) into paragraphs of about three sentences."""
    if block.kind != "p" or len(block.text) <= REFLOW_CHARS:
        return [block]
    paragraphs, current = [], []
    for sentence in split_sentences(block.text):
        current.append(sentence)
        if len(current) >= 3 and sum(map(len, current)) >= 300 and _quotes_closed(" ".join(current)):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return [block.with_text(p) for p in paragraphs]


def _quotes_closed(text: str) -> bool:
    """No quotation left open: a paragraph break must not fall inside somebody's words."""
    return text.count("“") <= text.count("”") and text.count('"') % 2 == 0


def render_block(block: Block) -> str:
    if block.kind == "h":
        return "## " + escape(block.text).lstrip("\\")
    if block.kind == "list":
        return "\n".join("- " + escape(item) for item in block.text.split("\n"))
    if block.kind == "quote":
        out, previous_item = [], False
        for line in block.text.split("\n"):
            item = line.startswith("- ")
            if out and not (item and previous_item):
                out.append(">")  # separate paragraphs, keep list items together
            out.append("> - " + escape(line[2:]) if item else "> " + escape(line))
            previous_item = item
        return "\n".join(out)
    if block.kind == "code":  # fenced: its text is shown as it is, markup and all
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", block.text)), default=0))
        return f"{fence}\n{block.text}\n{fence}"
    if block.kind == "table":
        rows = [[escape(c).replace("|", "\\|") for c in row.split("\t")] for row in block.text.split("\n")]
        width = max(map(len, rows))
        rows = [r + [""] * (width - len(r)) for r in rows]
        header = "| " + " | ".join(rows[0]) + " |"
        rule = "|" + "---|" * width
        return "\n".join([header, rule] + ["| " + " | ".join(r) + " |" for r in rows[1:]])
    return escape(block.text)


def render_body(blocks: list[Block]) -> str:
    return "\n\n".join(render_block(b) for bl in blocks for b in reflow(bl)) + "\n"


def summary(blocks: list[Block]) -> str:
    """The lede's first sentence or two, at most SUMMARY_MAX characters."""
    lede = next((b.text for b in blocks if b.kind == "p"), "")
    out = ""
    for sentence in split_sentences(lede):
        if out and len(out) + len(sentence) + 1 > SUMMARY_MAX:
            break
        out = f"{out} {sentence}".strip()
        if len(out) >= 160:
            break
    if len(out) > SUMMARY_MAX:
        out = out[:SUMMARY_MAX].rsplit(" ", 1)[0] + "…"
    return out


# ---------------------------------------------------------------- posts

def web_address(url: str | None) -> bool:
    """Only http(s) addresses are linked to: a dump's `javascript:` or `data:` URL never becomes a link."""
    return bool(url) and re.match(r"https?://[^\s/]", url, re.I) is not None


def host_name(url: str) -> str:
    """A publisher's name from its address, when the dump names none: www.example.com -> example.com."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def credit(story: Story) -> tuple[str | None, str | None]:
    """Who published the story and where, as the page credits it: the shown copy's publisher with its
    address, else another copy's address from that same publisher; a story whose shown copy names no
    publisher is credited to the first copy with an address (named after its site when it names none).
    Never one publisher's name on another's address."""
    shown = story.article
    linked = [c for c in [shown, *story.copies] if web_address(c.url)]
    same = [c for c in linked if c.source_name == shown.source_name]
    if same:
        return shown.source_name or host_name(same[0].url), same[0].url
    if shown.source_name or not linked:
        return shown.source_name, None
    return linked[0].source_name or host_name(linked[0].url), linked[0].url


def _meta_line(key: str, value) -> str:
    return f"{key}: {squash(str(value or ''))}"


def _title(story: Story) -> tuple[str, str]:
    """The shown copy's title, unless it was derived and another copy states one."""
    shown = story.article
    if shown.title_source == "derived":
        stated = next((c for c in story.copies if c.title_source != "derived" and c.title), None)
        if stated is not None:
            return stated.title, stated.title_source
    return shown.title, shown.title_source


def rendered_text(article: Article) -> tuple[str, str]:
    """The article's Markdown body and its summary (its deck, else its lede's opening): the slow part of a
    post, a function of its blocks."""
    return render_body(article.blocks), escape(summary([Block("p", article.deck)] if article.deck else article.blocks))


def render_post(story: Story, slug: str, related: list[str], text: tuple[str, str] | None = None) -> str:
    shown = story.article
    body, summary_text = text or rendered_text(shown)
    title, title_source = _title(story)
    source_name, source_url = credit(story)
    others = sorted({c.source_name for c in story.copies if c.source_name} - {source_name})
    fields = [
        ("Title", title),
        ("Date", story.date.isoformat()),
        ("Date_Source", story.date_source),
        ("Slug", slug),
        ("Story_Id", story.id),
        ("Topics", ", ".join(story.topics)),
        ("Assets", ", ".join(story.assets)),
        ("Sources", ", ".join(sorted({c.dump for c in story.copies}))),
        ("Source_Name", source_name),
        ("Also_Reported_By", ", ".join(others)),
        ("Source_Url", source_url),
        ("Format", shown.format),
        ("Language", shown.language),
        ("Title_Source", title_source),
        ("Related", ", ".join(related)),
        ("Deck", shown.deck),  # (plain text, as Title: Pelican formats only the summary)
        ("Summary", summary_text),
    ]
    always = ("Topics", "Assets")
    header = "\n".join(_meta_line(k, v) for k, v in fields if v is not None and (v != "" or k in always))
    return f"{header}\n\n{body}"


def make_posts(stories: list[Story], related: dict[str, list[str]],
               texts: dict[str, tuple[str, str]] | None = None) -> list[Post]:
    """One post per story. Slugs come from the story's first copy and are unique: when titles collide,
    the earliest story keeps the plain slug and the others get their story id appended, so a slug depends
    neither on file order nor on copies that arrive later. `texts`: {story id: rendered_text of its shown
    article}, when the caller has them already."""
    texts = texts or {}
    slugs: dict[str, str] = {}
    taken: set[str] = set()  # slugs.values(), as a set: a look-up in the values made this quadratic
    for story in sorted(stories, key=lambda s: (s.date, s.id)):
        base = slugify(story.founder.title or "", max_length=SLUG_MAX, word_boundary=True) or f"story-{story.id}"
        slugs[story.id] = base if base not in taken else f"{base}-{story.id[:6]}"
        taken.add(slugs[story.id])
    posts = []
    for story in stories:
        slug = slugs[story.id]
        text = render_post(story, slug, [slugs[r] for r in related.get(story.id, [])], texts.get(story.id))
        posts.append(Post(f"{slug}.md", text, story.id, story.article.dump))
    return sorted(posts, key=lambda p: p.filename)


def write_if_changed(path: Path, text: str) -> bool:
    """Write atomically (temp file + rename) and only when the content differs. True when written."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def sync_posts(posts: list[Post], folder: Path, previous: dict[str, str]) -> tuple[dict[str, int], list[dict]]:
    """Write the posts into `folder` and remove the ones an earlier ingest wrote that are gone now
    (`previous`: post file -> the dump it came from). Returns the write counts and what was removed."""
    written = sum(write_if_changed(folder / p.filename, p.text) for p in posts)
    current = {p.filename for p in posts}
    removed = []
    for name, dump in sorted(previous.items()):
        stale = folder / name
        if name not in current and "/" not in name and stale.suffix == ".md" and stale.exists():
            stale.unlink(missing_ok=True)  # another ingest into the folder, at the same time, may be first
            removed.append({"post": name, "dump": dump})
    return {"written": written, "unchanged": len(posts) - written, "removed": len(removed)}, removed
