"""Articles -> Posts: front matter, Markdown body, slug and summary; then writing them to a folder.

A post's text depends only on its article, so the same dumps give the same files byte for byte, and a file
is only rewritten when its text changes (Pelican's cache and `make devserver` rely on that).
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from slugify import slugify

from .model import Article, Block, Post
from .text import fold, split_sentences, squash

SLUG_MAX = 80
SUMMARY_MAX = 300
REFLOW_CHARS = 900  # a paragraph longer than this (one-line bodies) is split into paragraphs of a few sentences


def story_id(article: Article) -> str:
    """A stable id from the story's own words: unchanged by file order, file names or a rebuild."""
    return hashlib.sha1(fold(article.body_text()).encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- Markdown

def escape(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text (and never as raw HTML)."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([*_`\[\]])", r"\\\1", text)
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

def _meta_line(key: str, value) -> str:
    return f"{key}: {squash(str(value or ''))}"


def render_post(article: Article, slug: str, sid: str) -> str:
    fields = [
        ("Title", article.title),
        ("Date", article.date.isoformat()),
        ("Date_Source", article.date_source),
        ("Slug", slug),
        ("Story_Id", sid),
        ("Topics", ""),
        ("Assets", ""),
        ("Sources", article.dump),
        ("Source_Name", article.source_name),
        ("Source_Url", article.url),
        ("Format", article.format),
        ("Title_Source", article.title_source),
        ("Summary", escape(summary(article.blocks))),
    ]
    header = "\n".join(_meta_line(k, v) for k, v in fields if v is not None and (v != "" or k in ("Topics", "Assets")))
    return f"{header}\n\n{render_body(article.blocks)}"


def make_posts(articles: list[Article]) -> list[Post]:
    """One post per article, with unique slugs: when titles collide, the earliest story keeps the plain
    slug and the others get their story id appended, so a slug never depends on file order."""
    keyed = [(a, story_id(a)) for a in articles]
    base = {sid: slugify(a.title or "", max_length=SLUG_MAX, word_boundary=True) or f"story-{sid}" for a, sid in keyed}
    order = sorted(keyed, key=lambda k: (k[0].date, k[1]))
    taken, posts = set(), []
    for article, sid in order:
        slug = base[sid] if base[sid] not in taken else f"{base[sid]}-{sid[:6]}"
        taken.add(slug)
        posts.append(Post(f"{slug}.md", render_post(article, slug, sid), sid, article))
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


def sync_posts(posts: list[Post], folder: Path, previous: list[str]) -> dict[str, int]:
    """Write the posts into `folder` and remove the ones an earlier ingest wrote that are gone now."""
    written = sum(write_if_changed(folder / p.filename, p.text) for p in posts)
    current = {p.filename for p in posts}
    removed = 0
    for name in previous:
        stale = folder / name
        if name not in current and "/" not in name and stale.suffix == ".md" and stale.exists():
            stale.unlink()
            removed += 1
    return {"written": written, "unchanged": len(posts) - written, "removed": removed}
