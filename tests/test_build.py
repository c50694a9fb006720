"""Real Pelican builds of the site: from the sample dumps, from the seeds, and rebuilt unchanged."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import ROOT, build, copy_site, read_post
from digest.site.sitecheck import broken_links

SAMPLES = ROOT / "content" / "dumps"


def story_pages(output: Path) -> list[Path]:
    return sorted(output.glob("stories/*/index.html"))


def test_build_from_sample_dumps(site):
    proc = build(site, SAMPLES)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "ingest: 10 dumps" in proc.stdout
    out = site / "output"
    pages = story_pages(out)
    assert len(pages) == 17  # the syndicated copy of the chip story is merged into it
    chips = (out / "stories" / "chipmakers-lift-capital-spending-plans-as-demand-for-ai-accelerators-stays"
             / "index.html").read_text()
    assert "Also reported by Chip Daily" in chips
    # both dumps are the post's Sources, for the report; neither file name is shown to readers
    sources = read_post(site / "content" / "posts" / "chipmakers-lift-capital-spending-plans-as-demand-for-ai-accelerators-stays.md")[0]["Sources"]
    assert sources == "chip-daily-syndicated.txt, market-ledger-feed.txt"
    assert "chip-daily-syndicated.txt" not in chips and "market-ledger-feed.txt" not in chips
    # a page copy's standfirst stands under its headline, not as the story's opening
    solar = (out / "stories" / "harbour-authority-signs-deal-for-floating-solar-farm-on-old-dock-basin" / "index.html").read_text()
    deck = "The panels will cover most of a basin that has stood empty since the coal trade ended"
    assert f'<p class="deck">{deck}</p>' in solar and deck not in solar.split('<div class="body">')[1], solar
    index = (out / "index.html").read_text()
    for page in pages:
        html = page.read_text()
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
        assert title in index, f"{title} is not on the home page"
        assert 'href="../../theme/css/style.css"' in html
    assert (out / "archives" / "index.html").exists() and (out / "about" / "index.html").exists()
    assert not (out / "tag").exists() and not (out / "category").exists() and not (out / "author").exists()


def test_build_from_seeds_and_rebuild_writes_no_post(site, seeds):
    proc = build(site, seeds)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert len(story_pages(site / "output")) == 31
    posts = site / "content" / "posts"
    mtimes = {p.name: p.stat().st_mtime_ns for p in posts.iterdir()}
    again = build(site, seeds)
    assert again.returncode == 0 and "0 written, 31 unchanged" in again.stdout
    # nothing the ingest owns changed, so `make devserver` has nothing to react to
    assert {p.name: p.stat().st_mtime_ns for p in posts.iterdir()} == mtimes


def test_switching_dumps_removes_the_old_stories(site, seeds):
    assert build(site, SAMPLES).returncode == 0
    assert build(site, seeds).returncode == 0
    pages = story_pages(site / "output")
    assert len(pages) == 31
    assert not any("stablecoin-issuers" in str(p) for p in pages)


def test_strict_build_fails_on_a_bad_dump(site, tmp_path):
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    (dumps / "ok.txt").write_text(" date 2026-01-05 Lenders tighten crypto loan rules\n\n" + "Words of it. " * 20)
    (dumps / "blob.bin").write_bytes(bytes(range(256)) * 8)
    lenient = build(site, dumps)
    assert lenient.returncode == 0 and "blob.bin" in lenient.stdout + lenient.stderr
    strict = build(site, dumps, STRICT="1")
    assert strict.returncode != 0 and "DIGEST_STRICT" in strict.stdout + strict.stderr


def test_seed_site_has_a_page_for_every_tag_and_every_chip_resolves(site, seeds):
    proc = build(site, seeds)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    out = site / "output"
    topics, assets = set(), set()
    for post in (site / "content" / "posts").glob("*.md"):
        meta, _ = read_post(post)
        topics |= {t.strip() for t in meta["Topics"].split(",") if t.strip()}
        assets |= {a.strip() for a in meta["Assets"].split(",") if a.strip()}
    assert topics and assets
    for slug in topics:
        assert (out / "topics" / slug / "index.html").is_file(), slug
    for ticker in assets:
        page = out / "assets" / ticker / "index.html"
        assert page.is_file(), ticker
        assert "<svg" in page.read_text()  # the mentions chart
    index = (out / "assets" / "index.html").read_text()
    assert "Crypto assets" in index and "Stocks and companies" in index
    chips = broken_links(out, only=lambda tag, attrs: tag == "a" and "chip" in attrs.get("class", ""))
    assert chips == []
    assert broken_links(out) == []


def test_theme_pages_search_index_and_month_archives(site):
    proc = build(site, SAMPLES, SITEURL="https://example.org/digest")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "search: indexed 17 pages" in proc.stdout  # story pages only
    out = site / "output"
    assert json.loads((out / "pagefind" / "parts.json").read_text()) == ["2026-03", "2026-02"]  # newest first
    assert all((out / "pagefind" / month / "pagefind.js").is_file() for month in ("2026-03", "2026-02"))
    for page in ("search/index.html", "404.html", "archives/2026/02/index.html", "archives/2026/03/index.html"):
        assert (out / page).is_file(), page
    archives = (out / "archives" / "index.html").read_text()
    listed = archives[archives.index("<main"):]  # the head's description names the months too
    assert listed.index("March 2026") < listed.index("February 2026")  # newest month first
    assert 'href="https://example.org/digest/archives/2026/03/"' in archives
    march = (out / "archives" / "2026" / "03" / "index.html").read_text()
    assert march.count('<li>') == len(re.findall(r"^Date: 2026-03", "\n".join(
        p.read_text() for p in (site / "content" / "posts").glob("*.md")), re.M))
    # every page offers the search box; the article page carries the search filters and sort
    assert 'action="https://example.org/digest/search/"' in (out / "index.html").read_text()
    article = (out / "stories" / "chipmakers-lift-capital-spending-plans-as-demand-for-ai-accelerators-stays"
               / "index.html").read_text()
    assert 'data-pagefind-filter="topic:semiconductors"' in article and 'data-pagefind-sort="date:2026-' in article
    assert "Market Ledger, Chip Daily" in article  # every publisher
    # the 404 page is served at any address, so its links are absolute even in a relative build
    assert build(site, SAMPLES).returncode == 0
    not_found = (out / "404.html").read_text()
    assert 'href="/theme/css/style.css"' in not_found and 'href="../' not in not_found


def test_search_can_be_switched_off(site):
    (site / "pelican.conf.py").write_text((site / "pelican.conf.py").read_text() + "\nDIGEST_SEARCH = False\n")
    proc = build(site, SAMPLES)
    assert proc.returncode == 0 and "search: indexed" not in proc.stdout
    assert not (site / "output" / "pagefind").exists()


def test_rebuilding_the_same_dumps_gives_a_byte_identical_site(site):
    """Search index included: Pagefind's filter files are put in a stable order (search.stable_filters)."""
    def tree() -> dict[str, bytes]:
        out = site / "output"
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    assert build(site, SAMPLES).returncode == 0
    first = tree()
    assert any(name.startswith("pagefind/2026-03/filter/") for name in first)
    assert build(site, SAMPLES).returncode == 0
    second = tree()
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_new_dump_reindexes_only_the_months_it_touches(site, tmp_path):
    dumps = tmp_path / "dumps"
    shutil.copytree(SAMPLES, dumps)
    assert "in 2 monthly parts (0 unchanged" in build(site, dumps).stdout
    (dumps / "late-note.txt").write_text(" date 2026-03-05 Grid operators publish winter reliability review\n\n"
                                          + "Operators said the grid met peak demand in every cold spell. " * 6)
    again = build(site, dumps)
    assert again.returncode == 0 and "indexed 18 pages" in again.stdout
    assert "in 2 monthly parts (1 unchanged, from the cache)" in again.stdout  # February's part is reused


def test_a_rebuild_after_dumps_come_and_go_gives_the_site_a_clean_build_gives(site, tmp_path):
    """output/ is kept between builds (prune.py) and unchanged story pages are not rendered again
    (pagecache.py): after one dump arrives and another goes, the site is the one a clean build makes."""
    from synthetic import generate

    def tree(out: Path) -> dict[str, bytes]:
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    generate(150, tmp_path / "corpus")
    dumps = tmp_path / "corpus" / "dumps"
    first, *_, last = sorted(dumps.iterdir())
    last.rename(tmp_path / "later.txt")
    assert build(site, dumps).returncode == 0
    pages = {p: p.stat().st_mtime_ns for p in story_pages(site / "output")}
    (tmp_path / "later.txt").rename(last)
    first.unlink()
    again = build(site, dumps)
    assert again.returncode == 0 and "removed" in again.stdout
    clean = copy_site(tmp_path / "clean")
    shutil.copy(site / "content" / "first-seen.json", clean / "content")  # it travels with the content
    assert build(clean, dumps).returncode == 0
    ours, theirs = tree(site / "output"), tree(clean / "output")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert len([p for p in pages if not p.exists()]) >= 1  # the stories of the dump that went
    untouched = [p for p, t in pages.items() if p.exists() and p.stat().st_mtime_ns == t]
    # related lists move with every new story in so small a site (53 of 137 pages untouched here)
    assert len(untouched) >= 25, f"{len(pages) - len(untouched)} of {len(pages)} pages rendered again"


def test_a_build_that_fails_half_way_leaves_no_page_key_it_may_have_broken(site):
    """pagecache.py must not trust a story page a failed build rewrote: here every story page is rendered
    with a changed template before the build fails; with the template back as it was, the page keys are
    the first build's again, yet no page may keep the failed build's text."""
    templates = site / "theme" / "templates"
    assert build(site, SAMPLES).returncode == 0
    article, feeds = (templates / name for name in ("article.html", "feeds.html"))
    kept = {path: path.read_text() for path in (article, feeds)}
    article.write_text(kept[article].replace("</article>", "FAILED-BUILD</article>"))
    feeds.write_text("{% include 'no-such-template.html' %}")
    assert build(site, SAMPLES).returncode != 0  # fails after the story pages are written
    assert all("FAILED-BUILD" in p.read_text() for p in story_pages(site / "output"))
    for path, text in kept.items():
        path.write_text(text)
    assert build(site, SAMPLES).returncode == 0
    assert not [p for p in story_pages(site / "output") if "FAILED-BUILD" in p.read_text()]
