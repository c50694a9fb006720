"""The faster reader of the ingest's posts (reader.py) gives exactly what Pelican's Markdown reader gives."""
from __future__ import annotations

import pytest
from conftest import ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from digest.ingest.pipeline import ingest
from digest.ingest.tagging import DEFAULT_TAXONOMY, taxonomy_at
from digest.site.reader import PostReader, plain_html, split_header


CONVERTER = Markdown(**read_settings(str(ROOT / "pelican.conf.py"))["MARKDOWN"])


def settings_for(posts):
    return read_settings(str(ROOT / "pelican.conf.py"), override={"DIGEST_POSTS": str(posts)})


@pytest.mark.parametrize("source", ["samples", "hostile", "seeds"])
def test_each_post_reads_as_pelicans_reader_reads_it(source, tmp_path, request):
    if source == "hostile":
        _, posts = request.getfixturevalue("hostile_ingested")  # shared with test_hostile.py
    else:
        dumps = ROOT / "content" / "dumps" if source == "samples" else SHARED / "seeds"
        if not dumps.is_dir():
            pytest.skip(f"{dumps} is absent: this test needs ../shared beside the project")
        posts = tmp_path / "posts"
        ingest(dumps, posts, "UTC", taxonomy_at(DEFAULT_TAXONOMY))
    ours, pelicans = PostReader(settings_for(posts)), MarkdownReader(settings_for(posts))
    files = sorted(posts.glob("*.md"))
    assert len(files) >= 10
    for path in files:
        assert split_header(path.read_text(encoding="utf-8")) is not None, f"{path.name}: not read the fast way"
        assert ours.read(str(path)) == pelicans.read(str(path)), path.name


def test_other_headers_and_files_go_to_pelicans_reader(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    odd = {
        "continued.md": "Title: A\nSummary: one\n    two\n\nBody: not metadata.\n",
        "fenced.md": "---\nTitle: A\n---\n\nBody.\n",
        "twice.md": "Title: A\nTitle: B\n\nBody.\n",
        "body-colon.md": "Title: A\nDate: 2026-01-05 10:00\n\nNote: stays text.\n",
    }
    for name, text in odd.items():
        (posts / name).write_text(text, encoding="utf-8")
    (tmp_path / "page.md").write_text("Title: P\n\nText.\n", encoding="utf-8")
    ours, pelicans = PostReader(settings_for(posts)), MarkdownReader(settings_for(posts))
    for path in [*sorted(posts.iterdir()), tmp_path / "page.md"]:
        assert ours.read(str(path)) == pelicans.read(str(path)), path.name
    content, meta = ours.read(str(posts / "body-colon.md"))
    assert content == "<p>Note: stays text.</p>" and meta["title"] == "A"


# a block: what may open a block in Markdown (or nothing), then mostly plain words with now and then a
# character of Markdown's syntax
OPENERS = ["", "", "", "1. ", "12. ", "1) ", "- ", "+ ", "* ", ": ", "> ", "~~~", "```", "===", "---", "    ", "# ",
           "#", " ", "<b>", "[x]: y", "*[A]: b", "[^1]: c"]
PIECES = ["word", "Word", "1.", "12", " ", " ", " ", "  ", ",", ".", ":", "-", "é", "“", "…", "\u00a0"] * 3 + [
    "=", "+", "~", ">", "#", "*", "_", "`", "[", "]", "{", "}", "<", "&", "|", "!", "\\", "\t", "\n"]
MARKDOWN_TEXT = st.tuples(st.sampled_from(OPENERS), st.lists(st.sampled_from(PIECES), max_size=8)).map(
    lambda t: t[0] + "".join(t[1]))


@given(blocks=st.lists(st.one_of(MARKDOWN_TEXT, MARKDOWN_TEXT.map(lambda t: "## " + t)), min_size=1, max_size=4))
@settings(max_examples=1000, deadline=None)
def test_plain_html_is_what_markdown_makes(blocks):
    """plain_html answers only for text Markdown would give back unchanged, and then as Markdown does."""
    text = "\n\n".join(blocks) + "\n"
    fast = plain_html(text)
    if fast is not None:
        assert fast == CONVERTER.reset().convert(text)


@given(words=st.lists(st.text(alphabet=st.sampled_from(list("abcXYZ019.,;:!?'\"()%$€/-–—’“”…@=^~+ ")),
                               min_size=1, max_size=12), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_plain_html_takes_ordinary_prose(words):
    """The fast way is taken for ordinary sentences, as escape() writes them into posts."""
    from digest.ingest.posts import escape

    text = escape(" ".join(words).strip()) or "x"
    fast = plain_html(text + "\n")
    assert fast is None or fast == CONVERTER.reset().convert(text + "\n")
    if "\\" not in text and not text.startswith((":", "=", "-", "+", "~", ">")) and text == text.strip():
        assert fast is not None, text
