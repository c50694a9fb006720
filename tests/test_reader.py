"""The faster reader of the ingest's posts (reader.py) gives exactly what Pelican's Markdown reader gives."""
from __future__ import annotations

import pytest
from conftest import ROOT, SHARED
from hostile import write_corpus
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from digest.ingest import ingest
from digest.reader import PostReader, split_header
from digest.tagging import taxonomy_at


def settings_for(posts):
    return read_settings(str(ROOT / "pelican.conf.py"), override={"DIGEST_POSTS": str(posts)})


@pytest.mark.parametrize("source", ["samples", "hostile", "seeds"])
def test_each_post_reads_as_pelicans_reader_reads_it(source, tmp_path):
    if source == "samples":
        dumps = ROOT / "content" / "dumps"
    elif source == "seeds":
        dumps = SHARED / "seeds"
        if not dumps.is_dir():
            pytest.skip(f"{dumps} is absent: this test needs ../shared beside the project")
    else:
        dumps = tmp_path / "dumps"
        dumps.mkdir()
        write_corpus(dumps, tmp_path / "outside")
    posts = tmp_path / "posts"
    ingest(dumps, posts, "UTC", taxonomy_at(ROOT / "content" / "taxonomy.toml"))
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
