"""Bad and hostile dumps (tests/hostile.py): each gives clean posts or a clear error naming it, the others
still build, nothing is lost or changed, and no markup from a dump reaches a reader. The corpus also goes
through a real `make html`."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from lxml import html as lxml_html
from conftest import ROOT, copy_site, read_post
from hostile import HOSTILE_MARKERS

from digest.ingest.model import DROP_REASONS
from digest.ingest.pipeline import describe, ingest


def _posts_by_dump(posts: Path) -> dict[str, list[tuple[dict, str]]]:
    out: dict[str, list] = {}
    for path in sorted(posts.glob("*.md")):
        meta, body = read_post(path)
        for dump in meta["Sources"].split(", "):
            out.setdefault(dump, []).append((meta, body))
    return out


def test_each_dump_gives_its_posts_or_its_error(hostile_corpus, hostile_ingested):
    _, expect = hostile_corpus
    result, posts = hostile_ingested
    reports = {r.dump: r for r in result.reports}
    assert set(reports) == set(expect)
    made = _posts_by_dump(posts)
    for name, e in expect.items():
        r = reports[name]
        if e.error:
            assert len(r.errors) == 1 and e.error in r.errors[0], (name, r.errors)
            assert name not in made
            continue
        assert not r.errors, (name, r.errors)
        got = made.get(name, [])
        assert len(got) == e.posts if e.posts is not None else got, (name, len(got), r.warnings)
        titles = {meta["Title"] for meta, _ in got}
        assert set(e.titles) <= titles, (name, titles)
        text = " ".join(body for _, body in got)
        assert all(w in text for w in e.words), (name, text[:300])


def test_errors_name_the_file_and_line(hostile_ingested):
    result, _ = hostile_ingested
    errors = {e.split(": ", 1)[0]: e for e in result.errors}
    assert errors["one-line-50mb.txt"].startswith("one-line-50mb.txt: line 1: 52,428,800 characters in one line")
    assert "link-outside.txt: a symbolic link to " in errors["link-outside.txt"]
    assert "secret" in errors["link-outside.txt"] and "outside the dumps folder" in errors["link-outside.txt"]


def test_repairs_are_reported_and_every_line_is_accounted_for(hostile_ingested):
    result, _ = hostile_ingested
    reports = {r.dump: r for r in result.reports}
    assert reports["nul-bytes.txt"].warnings == ["6 NUL bytes removed (the first on line 3)"]
    for r in result.reports:
        if r.errors:
            continue
        lines = r.lines
        assert lines["unaccounted"] == 0, (r.dump, r.dropped)
        assert lines["kept"] + lines["blank"] + sum(lines[k] for k in DROP_REASONS) == lines["total"], r.dump


def test_posts_hold_no_markup_from_the_dumps(hostile_ingested):
    """The Markdown of every post renders to text only: no tag, attribute list or link from a dump."""
    import markdown

    _, posts = hostile_ingested
    md = markdown.Markdown(extensions=["markdown.extensions.extra"], output_format="html5")
    for path in posts.glob("*.md"):
        meta, body = read_post(path)
        html = md.reset().convert(body)
        soup = BeautifulSoup(html, "html.parser")
        assert {t.name for t in soup.find_all(True)} <= {"p", "h2", "ul", "li", "blockquote", "table", "thead",
                                                          "tbody", "tr", "th", "td"}, (path.name, html[:500])
        assert not any(t.attrs for t in soup.find_all(True)), (path.name, html[:500])
        assert not meta.get("Source_Url", "http").lower().startswith("javascript")


def test_unchanged_posts_are_kept_and_a_vanished_dumps_posts_removed(hostile_corpus, tmp_path):
    folder, _ = hostile_corpus
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    for name in ("xss-page.html", "same-title-a.txt", "same-title-b.txt"):
        shutil.copy(folder / name, dumps / name)
    posts = tmp_path / "posts"
    ingest(dumps, posts)
    (dumps / "same-title-b.txt").unlink()
    result = ingest(dumps, posts)
    assert result.writes["removed"] == 1 and result.posts == 2
    (gone,) = result.removed
    assert gone["dump"] == "same-title-b.txt" and gone["post"].startswith("city-budget-approved-")
    assert not (posts / gone["post"]).exists()
    said = "\n".join(describe(result, dumps, posts))
    assert f"removed {gone['post']}: its dump same-title-b.txt is gone" in said
    report = json.loads((posts / "ingest-report.json").read_text())
    assert report["removed"] == [gone]


# ---- through a real `make html` ----------------------------------------------------------------------

def make_site(dest: Path) -> Path:
    """A site copy with the Makefile; its .venv is the project's (set up by `make test` already)."""
    site = copy_site(dest)
    shutil.copy(ROOT / "Makefile", site)
    for name in (".venv", "requirements.txt"):
        (site / name).symlink_to(ROOT / name)
    return site


def make(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DUMPS", "SITEURL", "STRICT")}
    env["COLUMNS"] = "500"  # Pelican's log (rich) wraps messages to the terminal's width
    # -o: never reinstall the shared .venv, whatever the time of the linked requirements.txt
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "-C", str(site), *args],
                          capture_output=True, text=True, env=env)


# A static page of the site with links of every kind (test_external_links_in_pages_are_marked)
LINKS_PAGE = ("Title: Links\nSlug: links\n\n[ours](/stories/) and [theirs](https://example.org/x) "
              "<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">raw</a>\n")


@pytest.fixture(scope="module")
def hostile_build(hostile_corpus, tmp_path_factory):
    folder, expect = hostile_corpus
    site = make_site(tmp_path_factory.mktemp("hostile-site") / "site")
    (site / "content" / "pages" / "links.md").write_text(LINKS_PAGE, encoding="utf-8")
    proc = make(site, "html", f"DUMPS={folder}")
    return site, proc, expect, folder


def test_make_html_builds_the_good_dumps_and_names_the_bad(hostile_build):
    site, proc, expect, _ = hostile_build
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    said = proc.stdout + proc.stderr
    for name, e in expect.items():
        if e.error:
            # the dump's line in the ingest summary, and a warning in the build's log
            assert re.search(rf"  {re.escape(name)} +ERROR (line \d+: )?[^\n]*{re.escape(e.error)}", said), name
            assert re.search(rf"WARNING +ingest: {re.escape(name)}: (line \d+: )?[^\n]*{re.escape(e.error)}", said), name
    made = _posts_by_dump(site / "content" / "posts")
    for name, e in expect.items():
        if not e.error:
            count = len(made.get(name, []))
            assert count == e.posts if e.posts is not None else count, name
    stories = list((site / "output" / "stories").glob("*/index.html"))
    assert len(stories) == len(list((site / "content" / "posts").glob("*.md")))


ACTIVE = {"script", "iframe", "object", "embed", "style", "frame", "base"}
FEED_HTML = {"content", "description", "encoded"}  # feed elements whose text is HTML (escaped)


def _our_scripts(element) -> bool:
    """The search page's script, and a story's JSON-LD: data, not code, and whole (seo.json_ld_script
    escapes `<`, so no title ends the element early)."""
    if element.get("type") == "application/ld+json":
        return json.loads(element.text)["@type"] == "NewsArticle"
    return (element.get("type") == "module" and element.get("src", "").endswith("/theme/js/search.js")
            and not (element.text or "").strip())


def active_markup(text: str, xml: bool = False) -> list[str]:
    """What in a page, a feed or an HTML fragment could run: elements that load or run code (but ours),
    event handler attributes, javascript:/vbscript:/data: URLs; for a feed, in the HTML its entries carry
    too. lxml (libxml2) parses as leniently as a browser, and far faster than BeautifulSoup."""
    if not text.strip():
        return []
    root = etree.fromstring(text.encode("utf-8")) if xml else lxml_html.document_fromstring(text)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        name = etree.QName(element).localname.lower()
        if name in ACTIVE and not (not xml and _our_scripts(element)):
            found.append(f"<{name}> {etree.tostring(element, encoding=str)[:200]}")
        for attr, value in element.attrib.items():
            if etree.QName(attr).localname.lower().startswith("on"):
                found.append(f"{attr}= on <{name}>")
            if re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                found.append(f"{attr}={value[:100]!r} on <{name}>")
        if xml and name in FEED_HTML:
            found += active_markup(element.text or "")
    return found


def test_the_check_for_active_markup_finds_it():
    """The check below must be able to fail: each kind of active markup, in a page and in a feed entry."""
    page = ('<html><body><p onclick="x()">a</p><a href=" javascript:alert(1)">b</a><iframe src="/x"></iframe>'
            '<script>alert(1)</script><img src="data:image/svg+xml,..."></body></html>')
    assert len(active_markup(page)) == 5
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">'
            '&lt;img src=x onerror="alert(1)"&gt;</content></entry></feed>')
    assert active_markup(feed, xml=True) == ["onerror= on <img>"]
    assert active_markup('<html><body><script type="module" src="/theme/js/search.js"></script></body></html>') == []


def test_no_script_handler_or_javascript_url_from_a_dump_reaches_the_site(hostile_build):
    site, *_ = hostile_build
    out = site / "output"
    checked = 0
    for path in sorted(out.rglob("*")):
        if path.suffix not in (".html", ".xml", ".opml") or "pagefind" in path.parts:
            continue
        assert active_markup(path.read_text(encoding="utf-8"), xml=path.suffix != ".html") == [], path
        checked += 1
    assert checked > 5000
    story = (out / "stories" / "council-backs-river-cleanup-plan" / "index.html").read_text(encoding="utf-8")
    body = str(BeautifulSoup(story, "html.parser").select_one("main .body"))
    assert "five-year cleanup" in body and not any(m in body for m in HOSTILE_MARKERS), body


def test_strict_make_html_fails_on_the_bad_dumps(hostile_build):
    site, _, expect, folder = hostile_build
    proc = make(site, "html", f"DUMPS={folder}", "STRICT=1")
    assert proc.returncode != 0
    assert f"{sum(1 for e in expect.values() if e.error)} dump(s) failed to ingest and DIGEST_STRICT is on" \
        in proc.stdout + proc.stderr


def test_external_links_in_pages_are_marked(hostile_build):
    site, *_ = hostile_build
    html = (site / "output" / "links" / "index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(html, "html.parser").select_one("main .body")
    links = {a.get_text(): a for a in body.find_all("a")}
    assert links["theirs"].get("rel") == ["noopener", "nofollow"]
    assert links["ours"].get("rel") is None
    assert "href" not in links["raw"].attrs and "onclick" not in links["raw"].attrs
