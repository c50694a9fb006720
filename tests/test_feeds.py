"""Feeds from a real build of the seed site: valid in readers (feedparser), every MUST of RFC 4287 for
Atom, the required RSS 2.0 elements, links that resolve, exactly the right posts per topic and asset,
discovery links on every page, an OPML list, and the same bytes on a rebuild."""
from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import lxml.html
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


# ---- entries that never come back as new, credited to their publishers, excerpt or full ------------------

SAMPLES = Path(__file__).resolve().parent.parent / "content" / "dumps"
HOUR = 3600
# An undated story (written for this test), new to the site's first-seen file: first seen by the first build.
UNDATED = ("The town library will stay open until ten in the evening on weekdays, the council said, after a "
           "survey found that most members could only visit after work. Extra staff will be hired for the "
           "late shifts, and the reading room will be heated through the winter.\n")


def entries(path: Path) -> list[dict]:
    """Each Atom entry's id, updated, link, authors and content text, in feed order."""
    out = []
    for entry in ET.fromstring(path.read_bytes()).findall(f"{ATOM}entry"):
        link = next(ln.get("href") for ln in entry.findall(f"{ATOM}link") if ln.get("rel", "alternate") == "alternate")
        out.append({"id": entry.findtext(f"{ATOM}id"), "updated": entry.findtext(f"{ATOM}updated"), "link": link,
                    "authors": [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")],
                    "content": entry.findtext(f"{ATOM}content") or ""})
    return out


def posts_by_url(site: Path) -> dict[str, dict[str, str]]:
    return {f"{SITEURL}/stories/{m['Slug']}/": m for m, _ in map(read_post, (site / "content" / "posts").glob("*.md"))}


def feeds_of(site: Path) -> dict[Path, bytes]:
    out = site / "output"
    return {p.relative_to(out): p.read_bytes() for p in (out / "feeds").rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def fresh_checkout(tmp_path_factory):
    """The samples plus an undated dump, built an hour apart: the second time from a fresh checkout (no
    posts, cache or output; every dump touched; only the content and its first-seen file kept), as the
    hourly Pages workflow builds. Returns (site, feeds of build 1)."""
    from conftest import copy_site

    root = tmp_path_factory.mktemp("fresh")
    dumps = root / "dumps"
    shutil.copytree(SAMPLES, dumps)
    (dumps / "library-hours.txt").write_text(UNDATED, encoding="utf-8")
    site = copy_site(root / "site")
    first = build(site, dumps, SITEURL=SITEURL, SOURCE_DATE_EPOCH=str(EPOCH))
    assert first.returncode == 0, first.stderr
    before = feeds_of(site)
    for name in ("output", "cache", "content/posts"):
        shutil.rmtree(site / name)
    for dump in dumps.iterdir():
        os.utime(dump, (EPOCH + 2 * HOUR, EPOCH + 2 * HOUR))
    second = build(site, dumps, SITEURL=SITEURL, SOURCE_DATE_EPOCH=str(EPOCH + HOUR))
    assert second.returncode == 0, second.stderr
    return site, before


EPOCH = 1773900000  # 2026-03-19 06:00 UTC


def test_a_fresh_checkout_with_touched_dumps_gives_byte_identical_feeds(fresh_checkout):
    site, before = fresh_checkout
    assert feeds_of(site) == before
    undated = [m for m in posts_by_url(site).values() if m["Date_Source"] == "first-seen"]
    assert any(m["Date"].startswith("2026-03-19T06:00") for m in undated)  # first seen by build 1, kept


@pytest.mark.parametrize("which", ["samples", "seeds"])
def test_no_two_entries_of_a_feed_share_updated_and_ids_are_the_storys(which, request):
    site = request.getfixturevalue("fresh_checkout" if which == "samples" else "built")[0]
    posts = posts_by_url(site)
    seen_ids: dict[str, set[str]] = {}
    for path in feed_files(site, "atom"):
        found = entries(path)
        updated = [e["updated"] for e in found]
        assert len(set(updated)) == len(updated), f"{path}: entries share updated"
        feed = path.relative_to(site / "output").as_posix().removesuffix(".atom.xml")
        for e in found:
            # the site's host and path, the feed, the story's id: nothing else (no date, no file time)
            assert e["id"] == f"tag:user.example,2026:digest/{feed}/{posts[e['link']]['Story_Id']}", e["id"]
            seen_ids.setdefault(e["link"], set()).add(e["id"])
        rss = ET.fromstring((path.parent / path.name.replace(".atom.", ".rss.")).read_bytes())
        assert [g.text for g in rss.iter("guid")] == [e["id"] for e in found]  # one entry, two formats
    # a story in several feeds has an id in each (see feeds.entry_id)
    assert any(len(ids) > 1 for ids in seen_ids.values())


def test_a_story_keeps_its_date_when_another_arrives_on_its_day(dumps, tmp_path):
    from digest.ingest.pipeline import ingest

    first = ("The harbour board approved a second container berth on Tuesday after a long review. Work starts "
             "in the spring and the berth should open within two years, the board said.\n")
    later = ("Shipping firms questioned the cost of the new berth, saying dredging alone would take most of the "
             "budget. The board replied that its estimates included the dredging and a reserve.\n")
    folder = dumps("m-first.txt", "4 March 2026\n\nBerth approved\n\n" + first)
    posts, seen = tmp_path / "posts", tmp_path / "first-seen.json"
    ingest(folder, posts, first_seen=seen)
    (before,) = [read_post(p)[0] for p in posts.glob("*.md")]
    # found later, and before it in name order: it takes the next free second, the first story keeps its own
    dumps("a-later.txt", "4 March 2026\n\nBerth costs questioned\n\n" + later)
    ingest(folder, posts, first_seen=seen)
    again = {m["Story_Id"]: m["Date"] for m, _ in map(read_post, posts.glob("*.md"))}
    assert before["Date"] == "2026-03-04T00:00:00+00:00" and again.pop(before["Story_Id"]) == before["Date"]
    assert list(again.values()) == ["2026-03-04T00:00:01+00:00"]


@pytest.mark.parametrize("which", ["samples", "seeds"])
def test_story_pages_show_no_dump_names_and_credit_the_publisher(which, request):
    site = request.getfixturevalue("fresh_checkout" if which == "samples" else "built")[0]
    names = {s.strip() for m in posts_by_url(site).values() for s in m["Sources"].split(",")}
    assert names
    for page in (site / "output").rglob("*.html"):
        text = page.read_text()
        assert not [n for n in names if n in text], page
    atom = {e["link"]: e for e in entries(site / "output" / "feeds" / "all.atom.xml")}
    linked = 0
    for url, meta in posts_by_url(site).items():
        credit = story_page(site, url)[1]
        if meta.get("Source_Url"):
            linked += 1
            assert [(a.get("href"), a.text) for a in credit.iter("a")] == [(meta["Source_Url"], meta["Source_Name"])]
            feed_credit = lxml.html.fragment_fromstring(atom[url]["content"], create_parent="div").find_class("credit")
            assert [a.get("href") for a in feed_credit[0].iter("a")] == [meta["Source_Url"]], url
        publishers = [meta["Source_Name"]] if meta.get("Source_Name") else []
        publishers += [n.strip() for n in meta.get("Also_Reported_By", "").split(",") if n.strip()]
        assert atom[url]["authors"] == (publishers or ["Unknown publisher"]), url  # never the site
    assert linked or which == "seeds"  # the seeds' dumps give no address; the samples' feed and page do


def words(html: str) -> list[str]:
    """The words a reader sees in an HTML fragment (an ellipsis is not a word)."""
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").itertext()).replace("…", " ").split()


def story_page(site: Path, url: str):
    """A story page's body and credit line, as parsed HTML."""
    page = lxml.html.parse(str(local(site, url))).getroot()
    return page.find_class("body")[0], page.find_class("credit")[0]


@pytest.fixture(scope="module")
def full_build(tmp_path_factory):
    from conftest import copy_site

    site = copy_site(tmp_path_factory.mktemp("full") / "site")
    proc = build(site, SAMPLES, SITEURL=SITEURL, CONTENT="full")
    assert proc.returncode == 0, proc.stderr
    return site


@pytest.mark.parametrize("mode", ["excerpt", "full"])
def test_pages_and_feeds_show_the_excerpt_or_the_whole_story(mode, request):
    import markdown
    from digest.site.credit import EXCERPT_WORDS

    site = request.getfixturevalue("fresh_checkout")[0] if mode == "excerpt" else request.getfixturevalue("full_build")
    atom = {e["link"]: e for e in entries(site / "output" / "feeds" / "all.atom.xml")}
    cut = 0
    for post in (site / "content" / "posts").glob("*.md"):
        meta, body = read_post(post)
        url = f"{SITEURL}/stories/{meta['Slug']}/"
        whole = words(markdown.markdown(body, extensions=["extra"]))
        body_div, credit = story_page(site, url)
        shown = {"page": " ".join(" ".join(body_div.itertext()).replace("…", " ").split()).split(),
                 "feed": words(atom[url]["content"].split('<p class="credit">')[0])}
        for where, text in shown.items():
            if mode == "full":
                assert text == whole, (url, where)
            else:  # the opening words only, in order
                assert text == whole[:len(text)] and len(text) <= EXCERPT_WORDS, (url, where)
        cut += len(shown["page"]) < len(whole)
        if meta.get("Source_Url"):  # then the way to the rest
            expected = "Read the whole story at" if mode == "excerpt" else "Originally published by"
            assert credit.text_content().startswith(expected), url
            assert [a.get("href") for a in credit.iter("a")] == [meta["Source_Url"]], url
    assert cut if mode == "excerpt" else not cut


def test_a_bad_digest_content_is_one_line(site):
    proc = build(site, SAMPLES, CONTENT="whole")
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines() == [
        "error: DIGEST_CONTENT='whole': must be 'excerpt' (a public site: the opening words and a link to the "
        "original) or 'full' (a private digest: whole stories)"]
    assert not (site / "content" / "posts").exists()  # stopped before anything was ingested
