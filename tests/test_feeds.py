"""Feeds from a real build of the seed site: valid in readers (feedparser), every MUST of RFC 4287 for
Atom, the required RSS 2.0 elements, links that resolve, exactly the right posts per topic and asset,
discovery links on every page, an OPML list, and the same bytes on a rebuild."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from conftest import SEED_SITEURL, build, read_post

SITEURL = SEED_SITEURL
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture(scope="module")
def built(seed_build):
    """The seed site built twice with a SITEURL under a sub-path; returns (site, feed bytes of build 1)."""
    return seed_build


def feed_files(site: Path, kind: str) -> list[Path]:
    return sorted((site / "output" / "feeds").rglob(f"*.{kind}.xml"))


def local(site: Path, url: str) -> Path:
    assert url.startswith(SITEURL + "/"), url
    path = site / "output" / url[len(SITEURL) + 1:]
    return path / "index.html" if url.endswith("/") else path


def test_every_feed_parses_cleanly(built):
    site, _ = built
    files = feed_files(site, "atom") + feed_files(site, "rss")
    assert len(files) >= 2 * 10
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path


def test_atom_feeds_meet_rfc_4287(built):
    site, _ = built
    for path in feed_files(site, "atom"):
        root = ET.fromstring(path.read_bytes())
        assert root.tag == f"{ATOM}feed", path
        for field in ("id", "title", "updated"):
            assert (root.findtext(f"{ATOM}{field}") or "").strip(), (path, field)
        assert RFC3339.match(root.findtext(f"{ATOM}updated"))
        self_links = [ln for ln in root.findall(f"{ATOM}link") if ln.get("rel") == "self"]
        assert len(self_links) == 1 and self_links[0].get("href") == f"{SITEURL}/{path.relative_to(site / 'output')}"
        feed_author = root.find(f"{ATOM}author") is not None
        ids, dates = set(), []
        for entry in root.findall(f"{ATOM}entry"):
            for field in ("id", "title", "updated"):
                assert (entry.findtext(f"{ATOM}{field}") or "").strip(), (path, field)
            assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
            assert RFC3339.match(entry.findtext(f"{ATOM}published"))
            assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
            links = [ln for ln in entry.findall(f"{ATOM}link") if ln.get("rel", "alternate") == "alternate"]
            assert links or entry.find(f"{ATOM}content") is not None
            assert local(site, links[0].get("href")).is_file(), links[0].get("href")
            for category in entry.findall(f"{ATOM}category"):
                assert category.get("term") and category.get("label")
            ids.add(entry.findtext(f"{ATOM}id"))
            dates.append(datetime.fromisoformat(entry.findtext(f"{ATOM}published")))
        assert len(ids) == len(root.findall(f"{ATOM}entry")), f"{path}: duplicate ids"
        assert dates == sorted(dates, reverse=True), f"{path}: not newest first"
        assert root.findtext(f"{ATOM}updated") == max(dates).isoformat()  # the newest entry, not the build time


def test_rss_feeds_have_the_required_elements(built):
    site, _ = built
    for path in feed_files(site, "rss"):
        channel = ET.fromstring(path.read_bytes()).find("channel")
        for field in ("title", "link", "description", "lastBuildDate"):
            assert (channel.findtext(field) or "").strip(), (path, field)
        parsedate_to_datetime(channel.findtext("lastBuildDate"))
        guids = []
        for item in channel.findall("item"):
            assert item.findtext("title") or item.findtext("description")
            assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
            assert local(site, item.findtext("link")).is_file()
            guids.append(item.findtext("guid"))
        assert all(guids) and len(set(guids)) == len(guids), f"{path}: guids"


def test_topic_and_asset_feeds_hold_exactly_their_posts(built):
    site, _ = built
    tagged: dict[tuple[str, str], set[str]] = {}
    for post in (site / "content" / "posts").glob("*.md"):
        meta, _ = read_post(post)
        url = f"{SITEURL}/stories/{meta['Slug']}/"
        for kind, key in (("topics", "Topics"), ("assets", "Assets")):
            for value in filter(None, (v.strip() for v in meta[key].split(","))):
                tagged.setdefault((kind, value), set()).add(url)
    assert tagged
    for (kind, value), urls in tagged.items():
        for ext in ("atom", "rss"):
            parsed = feedparser.parse((site / "output" / "feeds" / kind / f"{value}.{ext}.xml").read_bytes())
            assert {e.link for e in parsed.entries} == urls, (kind, value, ext)


def test_opml_lists_every_feed_and_every_page_links_its_feeds(built):
    site, _ = built
    out = site / "output"
    opml = ET.fromstring((out / "feeds" / "feeds.opml").read_bytes())
    listed = {o.get("xmlUrl") for o in opml.iter("outline")}
    assert listed == {f"{SITEURL}/{p.relative_to(out)}" for p in feed_files(site, "atom")}
    for page in out.rglob("*.html"):
        html = page.read_text()
        site_feed = r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[^"]*/feeds/all\.atom\.xml"'
        assert re.search(site_feed, html), page
    for kind in ("topics", "assets"):
        for page in (out / kind).glob("*/index.html"):
            key = page.parent.name
            assert f'/feeds/{kind}/{key}.atom.xml"' in page.read_text(), page
    feeds_page = (out / "feeds" / "index.html").read_text()
    assert f'value="{SITEURL}/feeds/all.atom.xml"' in feeds_page and "feeds.opml" in feeds_page


def test_a_rebuild_gives_byte_identical_feeds(built):
    site, first = built
    again = {p.relative_to(site / "output"): p.read_bytes() for p in (site / "output" / "feeds").rglob("*")
             if p.is_file()}
    assert again == first


def test_without_siteurl_the_build_says_so_and_uses_the_placeholder(site, seeds):
    proc = build(site, seeds)
    assert proc.returncode == 0
    assert "SITEURL is empty" in proc.stdout + proc.stderr
    assert "http://localhost:8000/stories/" in (site / "output" / "feeds" / "all.atom.xml").read_text()
