"""The Pelican glue in this process, as the model plugins (pelican-plugins' sitemap and seo) test theirs:
a small site's settings from Pelican's read_settings(override=...), no DIGEST_ setting among them, Pelican
run here, and what the signal handlers did looked at directly (site/glue.py). The full builds through
`make` are in test_build.py. About 25 seconds."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import ROOT
from pelican import Pelican
from pelican.settings import read_settings

from digest.ingest.cache import FILE_NAME
from digest.ingest.store import Store
from digest.site import build, glue
from test_package import DUMPS


@pytest.fixture
def site(tmp_path) -> Path:
    (tmp_path / "content" / "dumps").mkdir(parents=True)
    for name, text in DUMPS.items():
        (tmp_path / "content" / "dumps" / name).write_text(text, encoding="utf-8")
    return tmp_path


def settings(site: Path, **override) -> dict:
    return read_settings(path=None, override={
        "PATH": str(site / "content"), "OUTPUT_PATH": str(site / "output"), "CACHE_PATH": str(site / "cache"),
        "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")], "PLUGINS": ["digest"],
        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, **override})


def stories(site: Path) -> list[Path]:
    """The story pages (Pelican's default ARTICLE_SAVE_AS: the post's slug, which is its file name)."""
    return [site / "output" / f"{post.stem}.html" for post in posts(site)]


def posts(site: Path) -> list[Path]:
    return sorted((site / "content" / "posts").glob("*.md"))


def test_a_build_with_no_digest_setting_makes_the_sections_and_feeds_and_leaves_no_build_state(site):
    Pelican(settings(site, DIGEST_SEARCH=False)).run()
    out = site / "output"
    assert len(posts(site)) == 2 and all(page.is_file() for page in stories(site))
    for page in ("topics/crypto", "topics/ai", "assets/BTC", "assets/NVDA", "topics", "assets", "feeds"):
        assert (out / page / "index.html").is_file(), page
    for feed in ("all", "topics/crypto", "assets/NVDA"):
        assert (out / "feeds" / f"{feed}.atom.xml").is_file() and (out / "feeds" / f"{feed}.rss.xml").is_file()
    sitemap = (out / "sitemap.xml").read_text()
    assert all(f"/{p.name}</loc>" in sitemap for p in stories(site))  # what content_written noted
    # the build's state went with it, and the process collects garbage as before
    assert build.current() == build.Build() and gc.get_threshold() == glue.GC_DEFAULT


def test_a_setting_that_makes_no_sense_stops_pelican_as_it_starts(site):
    with pytest.raises(glue.BuildStopped) as stopped:
        Pelican(settings(site, DIGEST_JOB=2, DIGEST_TIMEZONE="Mars/Olympus"))
    assert str(stopped.value) == (
        "error: DIGEST_JOB is no setting of the digest plugin (its settings: README.md, digest/settings.py); "
        "DIGEST_TIMEZONE='Mars/Olympus': must be a time zone name such as 'UTC' or 'Europe/Berlin'")


def test_a_rebuild_renders_no_story_page_again_and_removes_what_the_site_no_longer_has(site):
    build = settings(site, DIGEST_SEARCH=False)
    Pelican(build).run()
    written = {p: p.stat().st_mtime_ns for p in stories(site)}
    stray = site / "output" / "topics" / "gone" / "index.html"  # a page an earlier build had
    stray.parent.mkdir(parents=True)
    stray.write_text("<p>a topic the taxonomy no longer has</p>")
    Pelican(build).run()
    assert {p: p.stat().st_mtime_ns for p in stories(site)} == written
    assert not stray.exists()
    keys = Store(site / "cache" / "digest" / FILE_NAME, "pages")
    assert set(keys.items()) == {str(p) for p in written}  # a key per story page, no other
    keys.close()


def test_the_pelican_internals_the_plugin_writes_are_the_ones_pelican_reads(site):
    """sanitize.py and the excerpt set Pelican's private `_content` and `_summary` as content_object_init
    fires (Pelican has no public way to change a body once read); if Pelican renames them or stops taking
    `_summary` back, this fails here rather than a site silently showing unsanitised HTML."""
    from pelican.contents import Article

    from digest.site.sanitize import sanitize_content

    body = "<p>Prices rose.</p><script>alert(1)</script>" + "<p>More words follow here.</p>" * 40
    article = Article(body, metadata={"title": "T", "summary": "<b>S</b><script>x()</script>", "story_id": "abc"},
                      settings=settings(site, DIGEST_CONTENT="excerpt"))
    sanitize_content(article)
    glue.excerpt_story(article)
    article.refresh_metadata_intersite_links()  # what Pelican.run does to each article once all are read:
    # it takes `_summary` back into the metadata the summary is read from
    assert "<script" not in article.content and "<script" not in article.get_content("") and \
        "<script" not in article.summary
    assert len(article.content.split()) < 100  # the excerpt, through the public attribute
