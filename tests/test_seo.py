"""What search engines and link previews read, on real builds: every page's canonical address, description,
Open Graph and Twitter card; every story's JSON-LD; sitemap.xml, news-sitemap.xml and robots.txt; heading
levels; the Nu Html Checker. On the sample dumps (always) and on the seeds (when ../shared is there)."""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SEED_SITEURL, build, copy_site, read_post
from test_browser import SCREENSHOTS, _missing, browser  # noqa: F401 (a fixture)

from digest.site import seo
from digest.site.seo import png_size
from digest.site.sitecheck import bad_sitemaps

SAMPLE_SITEURL = "https://example.org/digest"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
VNU = ROOT / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The sample dumps built for a sub-path, two stories a page, so the home page and some topic and
    asset pages have a page 2."""
    site = copy_site(tmp_path_factory.mktemp("seo") / "site")
    (site / "pelican.conf.py").write_text((site / "pelican.conf.py").read_text() + "\nDEFAULT_PAGINATION = 2\n")
    proc = build(site, ROOT / "content" / "dumps", SITEURL=SAMPLE_SITEURL)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return site


@pytest.fixture(params=["sample", "seeds"])
def built(request) -> tuple[Path, str]:
    """(site, SITEURL) of the sample build, then of the seed build (skipped without ../shared)."""
    if request.param == "sample":
        return request.getfixturevalue("sample"), SAMPLE_SITEURL
    site, _ = request.getfixturevalue("seed_build")
    return site, SEED_SITEURL


def pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.relative_to(out).parts)


def address(out: Path, page: Path, siteurl: str) -> str:
    rel = page.relative_to(out).as_posix()
    return f"{siteurl}/{rel[:-len('index.html')] if rel.endswith('index.html') else rel}"


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def meta(doc: BeautifulSoup, key: str) -> str | None:
    """The content of the <meta> with that property (Open Graph) or name."""
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def posts(site: Path) -> dict[str, dict[str, str]]:
    """Each post's metadata by slug."""
    return {m["Slug"]: m for m, _ in map(read_post, (site / "content" / "posts").glob("*.md"))}


def test_every_page_has_its_canonical_address_description_open_graph_and_twitter_card(built):
    site, siteurl = built
    out = site / "output"
    for page in pages(out):
        doc = soup(page)
        rel = page.relative_to(out).as_posix()
        assert meta(doc, "description"), rel
        if rel == "404.html":  # served at any missing address: no address of its own
            assert meta(doc, "robots") == "noindex" and not doc.find("link", rel="canonical"), rel
            continue
        here = address(out, page, siteurl)
        assert doc.find("link", rel="canonical")["href"] == here, rel
        assert meta(doc, "og:url") == here, rel
        assert meta(doc, "og:type") == ("article" if rel.startswith("stories/") else "website"), rel
        assert meta(doc, "og:site_name") == "News Digest"
        assert meta(doc, "og:title") and meta(doc, "og:title") in doc.title.string, rel
        assert meta(doc, "og:description") == meta(doc, "description"), rel
        image = meta(doc, "og:image")
        assert image.startswith(siteurl + "/"), rel
        assert png_size(out / image[len(siteurl) + 1:]) == (int(meta(doc, "og:image:width")),
                                                            int(meta(doc, "og:image:height"))) == (1200, 630)
        assert meta(doc, "og:image:alt")
        assert meta(doc, "twitter:card") == "summary_large_image", rel


def test_a_story_carries_its_dates_and_tags_and_its_summary_as_description(built):
    site, _ = built
    out = site / "output"
    for slug, post in posts(site).items():
        doc = soup(out / "stories" / slug / "index.html")
        assert meta(doc, "article:published_time") == post["Date"], slug
        assert meta(doc, "article:modified_time") is None  # posts state no Modified date
        tags = [t["content"] for t in doc.find_all("meta", attrs={"property": "article:tag"})]
        assert len(tags) == len(doc.select(".post .chips li")), slug
        if post.get("Summary"):  # the standfirst under the headline, else the lede's first sentences
            shown = doc.select_one(".post .deck") or doc.select_one(".post .body")
            assert meta(doc, "description").rstrip("…") in " ".join(shown.get_text().split()), slug


def test_pages_have_distinct_descriptions_and_titles_and_page_2_says_so(built):
    site, _ = built
    out = site / "output"
    heads = {p.relative_to(out).as_posix(): soup(p) for p in pages(out)}
    descriptions = [meta(d, "description") for d in heads.values()]
    assert len(set(descriptions)) == len(descriptions), [d for d in descriptions if descriptions.count(d) > 1]
    titles = [d.title.string for d in heads.values()]
    assert len(set(titles)) == len(titles), [t for t in titles if titles.count(t) > 1]
    assert "page 2" in heads["page/2/index.html"].title.string
    for rel, doc in heads.items():
        if rel.endswith("/page/2/index.html"):
            assert "page 2" in doc.title.string and "Page 2 of" in meta(doc, "description"), rel


def test_a_topic_page_2_has_its_own_title(sample):
    out = sample / "output"
    second = sorted(out.glob("topics/*/page/2/index.html"))
    assert second  # two stories a page in this build (no asset of the samples has more than one story)
    for page in second:
        first = page.parent.parent.parent / "index.html"
        assert soup(page).title.string == soup(first).title.string.replace(" · ", " – page 2 · ", 1)


def test_every_story_has_news_article_json_ld(built):
    site, siteurl = built
    out = site / "output"
    for slug, post in posts(site).items():
        doc = soup(out / "stories" / slug / "index.html")
        scripts = doc.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, slug
        data = json.loads(scripts[0].string)
        here = f"{siteurl}/stories/{slug}/"
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert data["headline"] == doc.h1.get_text() == post["Title"].replace("\\", "")
        assert data["url"] == data["mainEntityOfPage"]["@id"] == here
        assert data["datePublished"] == post["Date"] == doc.select_one(".post time")["datetime"]
        assert datetime.fromisoformat(data["dateModified"]) >= datetime.fromisoformat(data["datePublished"])
        assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"], slug
        if post.get("Source_Name"):
            assert data["publisher"]["name"] == post["Source_Name"]
        else:
            assert data["publisher"] == {"@type": "Organization", "name": "News Digest", "url": siteurl + "/"}
        based_on = json.dumps(data.get("isBasedOn", []))
        for value in (post.get("Source_Url"), post.get("Source_Name")):
            assert value is None or json.dumps(value) in based_on, (slug, value)
        tags = [t["content"] for t in doc.find_all("meta", attrs={"property": "article:tag"})]
        assert data.get("keywords", []) == tags
        assert data["image"] == [meta(doc, "og:image")]
        if post["Date_Source"] == "first-seen":  # the page says what the date is
            assert "undated" in doc.select_one(".post .meta").get_text()


def test_json_ld_cannot_end_its_script_early():
    data = {"headline": "Breaking </script><script>alert(1)</script> <!-- & more", "x": ["a>b"]}
    doc = BeautifulSoup(f"<head>{seo.json_ld_script(data)}</head>", "html.parser")
    scripts = doc.find_all("script")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    assert json.loads(scripts[0].string) == data
    assert "<" not in scripts[0].string and "&" not in scripts[0].string


def listed_pages(out: Path, siteurl: str) -> set[str]:
    """The addresses a sitemap should list: every page but the 404 and search pages."""
    return {address(out, p, siteurl) for p in pages(out)
            if p.relative_to(out).as_posix() not in ("404.html", "search/index.html")}


def test_sitemap_lists_every_story_and_page_with_its_lastmod(built):
    site, siteurl = built
    out = site / "output"
    urls = ET.parse(out / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    lastmod = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in urls}
    assert len(lastmod) == len(urls)
    assert set(lastmod) == listed_pages(out, siteurl)
    assert all(lastmod.values()), [loc for loc, when in lastmod.items() if not when]
    stories = posts(site)
    for slug, post in stories.items():
        assert lastmod[f"{siteurl}/stories/{slug}/"] == post["Date"]
    newest = max(datetime.fromisoformat(p["Date"]) for p in stories.values())
    assert datetime.fromisoformat(lastmod[siteurl + "/"]) == newest
    assert lastmod[f"{siteurl}/about/"].startswith("2026-11-21")  # the page's Modified date


def test_sitemaps_pass_the_publish_check_for_their_address_only(built):
    site, siteurl = built
    out = site / "output"
    assert bad_sitemaps(out, siteurl) == []
    elsewhere = bad_sitemaps(out, "https://elsewhere.example")
    assert len(elsewhere) == len(listed_pages(out, siteurl)) + len(ET.parse(out / "news-sitemap.xml").getroot())


def test_news_sitemap_lists_the_dated_stories_of_the_last_two_days(built):
    site, siteurl = built
    dated = {slug: p for slug, p in posts(site).items() if p["Date_Source"] != "first-seen"}
    newest = max(datetime.fromisoformat(p["Date"]) for p in dated.values())
    expected = {f"{siteurl}/stories/{slug}/": p for slug, p in dated.items()
                if datetime.fromisoformat(p["Date"]) >= newest - timedelta(days=2)}
    urls = ET.parse(site / "output" / "news-sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert {u.findtext(f"{SITEMAP}loc") for u in urls} == set(expected) and len(urls) == len(expected)
    for url in urls:
        post, news = expected[url.findtext(f"{SITEMAP}loc")], url.find(f"{NEWS}news")
        assert news.findtext(f"{NEWS}publication/{NEWS}name") == "News Digest"
        assert news.findtext(f"{NEWS}publication/{NEWS}language") == post.get("Language", "en")
        assert news.findtext(f"{NEWS}publication_date") == post["Date"]
        assert news.findtext(f"{NEWS}title") == post["Title"].replace("\\", "")


def test_recent_news_counts_two_days_back_from_the_newest_dated_story():
    day = datetime(2026, 3, 10, 12, tzinfo=timezone.utc)

    def story(name, days_back, source="dump"):
        return SimpleNamespace(name=name, date=day - timedelta(days=days_back), date_source=source)

    stories = [story("undated", -1, "first-seen"), story("newest", 0), story("inside", 1.5), story("edge", 2),
               story("old", 2.1)]
    assert [s.name for s in seo.recent_news(stories)] == ["newest", "inside", "edge"]
    assert seo.recent_news([story("undated", 0, "first-seen")]) == []


def test_robots_txt_only_for_a_site_at_its_domain_root(sample):
    assert not (sample / "output" / "robots.txt").exists()  # built under /digest
    assert seo.robots_txt("") is None and seo.robots_txt("https://user.github.io/repo") is None
    assert "Sitemap: https://news.example.org/sitemap.xml\n" in seo.robots_txt("https://news.example.org/")


def test_addresses_follow_siteurl_and_robots_txt_goes_when_the_site_moves(sample, tmp_path):
    site = copy_site(tmp_path / "site")
    assert build(site, ROOT / "content" / "dumps", SITEURL="https://news.example.org").returncode == 0
    out = site / "output"
    robots = (out / "robots.txt").read_text()
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots
    assert "Sitemap: https://news.example.org/news-sitemap.xml" in robots
    assert soup(out / "index.html").find("link", rel="canonical")["href"] == "https://news.example.org/"
    assert build(site, ROOT / "content" / "dumps").returncode == 0  # a local preview: no SITEURL
    assert not (out / "robots.txt").exists()
    # absolute addresses on the feeds' placeholder, as the build warns
    assert meta(soup(out / "about" / "index.html"), "og:url") == "http://localhost:8000/about/"
    locs = [u.findtext(f"{SITEMAP}loc") for u in ET.parse(out / "sitemap.xml").getroot()]
    assert locs and all(loc.startswith("http://localhost:8000/") for loc in locs)


def headings(doc: BeautifulSoup) -> list[int]:
    return [int(h.name[1]) for h in doc.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def test_heading_levels_never_skip(built):
    site, _ = built
    out = site / "output"
    for page in pages(out):
        levels = headings(soup(page))
        assert levels[:1] == [1] and levels.count(1) == 1, page
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert skips == [], (page.relative_to(out).as_posix(), levels)


def test_the_nu_html_checker_finds_no_error(built):
    java = shutil.which("java")
    if not java or not VNU.is_file():
        _missing("the Nu Html Checker needs Java (apt-get install default-jre-headless) and vnu.jar "
                 f"({VNU.relative_to(ROOT)}: `make test` installs it with npm)")
    site, _ = built
    out = site / "output"
    proc = subprocess.run([java, "-jar", str(VNU), "--format", "json", *map(str, pages(out))],
                          capture_output=True, text=True)
    errors = [f"{m['url'].split(str(out))[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in json.loads(proc.stderr)["messages"] if m["type"] == "error"]
    assert errors == [], "\n".join(errors[:20])


def test_a_shared_story_previews_with_its_title_summary_and_image(sample, browser):  # noqa: F811
    """A link preview drawn from a story's Open Graph tags, as chat apps show one; the screenshot is the
    README's (tests/screenshots/share-preview.png)."""
    out = sample / "output"
    doc = soup(out / "stories" / "harbour-authority-signs-deal-for-floating-solar-farm-on-old-dock-basin" / "index.html")
    og = {key: meta(doc, f"og:{key}") for key in ("site_name", "title", "description", "image", "url")}
    image = out / og["image"][len(SAMPLE_SITEURL) + 1:]
    host = og["url"].split("/")[2]
    card = f"""<!doctype html><meta charset="utf-8"><style>
      body {{ margin: 0; padding: 16px; background: #f2f3f5; font: 15px/1.4 "DejaVu Sans", sans-serif; }}
      .card {{ width: 440px; border-left: 4px solid #0b5cad; background: #fff; border-radius: 4px; padding: 12px 14px; }}
      .site {{ color: #5c5f66; font-size: 13px; }} .title {{ color: #0b5cad; font-weight: bold; margin: 4px 0; }}
      .description {{ color: #2e3035; font-size: 14px; display: -webkit-box; -webkit-line-clamp: 3;
                      -webkit-box-orient: vertical; overflow: hidden; }}
      img {{ display: block; width: 100%; margin-top: 10px; border-radius: 4px; }}</style>
    <div class="card"><div class="site"></div><div class="title"></div><div class="description"></div>
    <img alt="" src="data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()}"></div>"""
    page = browser.new_page(viewport={"width": 480, "height": 600})
    page.set_content(card)
    for key, text in (("site", f"{og['site_name']} · {host}"), ("title", og["title"]), ("description", og["description"])):
        page.locator(f".{key}").evaluate("(e, t) => e.textContent = t", text)  # as text, never as markup
    assert page.locator("img").evaluate("i => i.complete && i.naturalWidth") == 1200
    assert page.locator(".title").inner_text() == doc.h1.get_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".card").screenshot(path=SCREENSHOTS / "share-preview.png")
    page.close()
