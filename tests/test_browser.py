"""The built site in a real browser: Debian's Chromium driven by Playwright, pages served on 127.0.0.1.

Two builds: the seed dumps published under a sub-path (SITEURL=http://127.0.0.1:<port>/news, the way a
GitHub project site is served), and the sample dumps at the root with relative links (a local preview).
A reader clicks through the site, searches, and every page is crawled; axe-core checks accessibility in
light and dark mode; screenshots of every page type land in tests/screenshots/ (or $SCREENSHOTS).

Without /usr/bin/chromium or axe-core (`make test` installs it with npm) these tests skip, unless
DIGEST_BROWSER_TESTS=required (as .ci/run sets), where they fail.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import socket
import sys
import threading
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, build, copy_site, need_shared, read_post

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS") or ROOT / "tests" / "screenshots")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Page weight budget per page type (HTML + CSS + icon + script, as transferred), search index excluded.
BUDGET_BYTES = 60_000


def _missing(what: str):
    if os.environ.get("DIGEST_BROWSER_TESTS") == "required":
        pytest.fail(f"{what}, and DIGEST_BROWSER_TESTS=required")
    pytest.skip(f"{what}: browser tests skipped (.ci/run installs it)")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # Flags that keep Chromium off the network this machine does not have.
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that hangs up early is no error
            super().handle_error(request, client_address)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def serve():
    """serve(folder, port) -> base URL; servers stop with the module."""
    servers = []

    def start(folder: Path, port: int = 0) -> str:
        server = _Server(("127.0.0.1", port), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory, serve):
    """The seeds, built for http://127.0.0.1:<port>/news/ and served there (nothing else is served)."""
    seeds = need_shared("seeds")
    site = copy_site(tmp_path_factory.mktemp("seed") / "site")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/news/"
    proc = build(site, seeds, SITEURL=base.rstrip("/"))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "search: indexed 31 pages" in proc.stdout, proc.stdout
    webroot = site / "webroot"
    webroot.mkdir()
    (webroot / "news").symlink_to(site / "output")
    assert serve(webroot, port) == f"http://127.0.0.1:{port}/"
    return {"base": base, "site": site}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory, serve):
    """The sample dumps of content/dumps, built with relative links and served at the root."""
    site = copy_site(tmp_path_factory.mktemp("sample") / "site")
    proc = build(site, ROOT / "content" / "dumps")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return {"base": serve(site / "output"), "site": site}


def open_page(browser, base: str | None = None, **options):
    """A fresh page that records console errors, page errors, failed requests and HTTP errors; `base` is
    the site's address when a test leaves the site's pages (see _domain_icon)."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and not _domain_icon(m, base)
            and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"script error: {e}"))
    # ERR_ABORTED is a request the browser itself cancelled, as when a crawl moves to the next page before
    # the favicon is fetched; a file that is missing answers 404, which the response handler reports
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
            and page.problems.append(f"request failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status}: {r.url}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    return page


def _domain_icon(message, base: str | None) -> bool:
    """A browser showing a raw feed asks the domain's root for /favicon.ico (a feed names no icon). A site
    under a sub-path (`base`, as the seeds under /news/) cannot answer that: the root belongs to whoever
    serves the domain, as on a GitHub Pages project site. A site at the root must, so its 404 counts."""
    failed = urlsplit(message.location.get("url", ""))
    return bool(base) and urlsplit(base).path.strip("/") != "" and failed.path == "/favicon.ico"


def posts_of(site: Path) -> list[dict]:
    out = []
    for path in sorted((site / "content" / "posts").glob("*.md")):
        meta, body = read_post(path)
        out.append({**meta, "body": body, "topics": [t.strip() for t in meta["Topics"].split(",") if t.strip()],
                    "assets": [a.strip() for a in meta["Assets"].split(",") if a.strip()]})
    return out


# ---- a reader's path ---------------------------------------------------------------------------------

def test_reader_goes_home_topic_article_asset_feeds_by_clicking(browser, seed_site):
    base = seed_site["base"]
    page = open_page(browser, base)
    page.goto(base)
    assert page.locator("main h2").first.inner_text()  # the first day heading
    # a topic chip of a story that also names an asset, so the path can go on to an asset
    page.locator(".story:has(.chip.asset) .chip.topic").first.click()
    assert re.search(r"/news/topics/[^/]+/$", page.url), page.url
    topic = page.locator("h1").inner_text()
    page.locator(".story:has(.chip.asset) .story-title a").first.click()
    assert re.search(r"/news/stories/[^/]+/$", page.url), page.url
    assert page.locator(f".post .chips .chip.topic:text-is('{topic}')").count() == 1
    # the story and its credit line (its publisher, or that none is known), never a dump's file name
    assert page.locator(".post .body p").count() >= 1
    assert page.locator("footer.provenance").inner_text().strip()
    ticker = page.locator(".post .chip.asset").first.inner_text()
    page.locator(".post .chip.asset").first.click()
    assert page.url.endswith(f"/news/assets/{ticker}/"), page.url
    assert page.locator("h1").inner_text().startswith(ticker)
    page.locator("main .feeds-line a", has_text="All feeds").click()
    assert page.url.endswith("/news/feeds/")
    assert page.locator(f"input[value$='/feeds/assets/{ticker}.atom.xml']").count() == 1
    page.locator(f"a[href$='/feeds/assets/{ticker}.atom.xml']").click()  # the feed itself opens
    assert page.url.endswith(f"/news/feeds/assets/{ticker}.atom.xml")
    page.wait_for_load_state("networkidle")  # the browser's own icon request included
    assert page.problems == []
    page.context.close()


def _search_case(posts: list[dict]) -> tuple[dict, str, str]:
    """A story, a word of its title, and one of its topics such that another story using that word lacks
    the topic: searching the word finds both, and the topic filter must drop the other."""
    # what the search indexes: the title and, as the site shows excerpts (DIGEST_CONTENT), the opening words
    shown = {id(p): (p["Title"] + " " + " ".join(p["body"].split()[:40])).lower() for p in posts}
    for post in posts:
        for word in sorted(set(re.findall(r"[a-z]{6,}", post["Title"].lower())), key=lambda w: (-len(w), w)):
            others = [p for p in posts if p is not post and re.search(rf"\b{word}\b", shown[id(p)])]
            for topic in post["topics"]:
                if any(topic not in p["topics"] for p in others):
                    return post, word, topic
    raise AssertionError("no story, word and topic to search with")


def wait_for_answer(page, fewer_than: int = 1 << 30) -> None:
    """Until the status reports a count below `fewer_than` and the first results (up to 20) are listed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("""n => {
            const m = document.querySelector('#search-status').textContent.match(/^(\\d+) stor/);
            return m && +m[1] < n && document.querySelectorAll('#search-results h2 a').length === Math.min(+m[1], 20);
        }""", arg=fewer_than)
    except PlaywrightTimeout:  # say what the page shows instead
        raise AssertionError(f"no answer at {page.url}: status {page.locator('#search-status').text_content()!r}, "
                             f"{page.locator('#search-results h2 a').count()} results, {page.problems}") from None


def _result_titles(page) -> list[str]:
    return page.locator("#search-results h2 a").all_inner_texts()


def test_search_finds_a_story_and_a_topic_filter_narrows_it(browser, seed_site):
    post, word, topic = _search_case(posts_of(seed_site["site"]))
    page = open_page(browser)
    page.goto(seed_site["base"])
    page.fill("#site-q", word)  # the search box every page has
    page.press("#site-q", "Enter")
    wait_for_answer(page)
    everything = _result_titles(page)
    while page.locator("#search-more button").count():  # all results, not only the first batch
        page.click("#search-more button")
        page.wait_for_timeout(100)
        everything = _result_titles(page)
    assert post["Title"] in everything, (word, everything)
    page.select_option("select[name=topic]", topic)
    page.wait_for_url(re.compile(rf"topic={topic}"))
    wait_for_answer(page, fewer_than=len(everything))
    narrowed = _result_titles(page)
    assert post["Title"] in narrowed and set(narrowed) < set(everything), (narrowed, everything)
    # the result links lead to the story, under the sub-path
    page.locator("#search-results h2 a", has_text=post["Title"]).click()
    assert page.url == f"{seed_site['base']}stories/{post['Slug']}/"
    assert page.problems == []
    page.context.close()


# ---- the search page: one Pagefind runtime for every monthly part, no layout shift --------------------

def _runtime_requests(urls: list[str]) -> dict[str, int]:
    """How many times Pagefind's runtime files were asked for: its script, its worker, its WebAssembly."""
    names = [urlsplit(url).path.rsplit("/", 1)[-1] for url in urls]
    return {"pagefind.js": names.count("pagefind.js"), "pagefind-worker.js": names.count("pagefind-worker.js"),
            "wasm": sum(name.startswith("wasm.") for name in names)}


def _entries_asked(urls: list[str]) -> list[str]:
    """The monthly parts whose index the page opened (each part's pagefind-entry.json)."""
    return sorted(urlsplit(url).path.split("/")[-2] for url in urls if "/pagefind-entry.json" in url)


@pytest.mark.parametrize("which", ["sample_site", "seed_site"])
def test_queries_load_pagefind_once_however_many_monthly_parts(browser, request, which):
    """The sample site at the root (two months) and the seeds under /news/ (several): one runtime, every
    part's index merged into it; a second query loads no runtime again."""
    built = request.getfixturevalue(which)
    parts = json.loads((built["site"] / "output" / "pagefind" / "parts.json").read_text())
    assert len(parts) >= 2, parts
    _, word, topic = _search_case(posts_of(built["site"]))
    page = open_page(browser)
    urls = []
    page.context.on("request", lambda r: urls.append(r.url))  # the context's: the worker's requests too
    page.goto(f"{built['base']}search/?q={word}")
    wait_for_answer(page)
    assert _runtime_requests(urls) == {"pagefind.js": 1, "pagefind-worker.js": 1, "wasm": 1}, urls
    assert _entries_asked(urls) == sorted(parts)
    page.select_option("select[name=topic]", topic)
    page.wait_for_url(re.compile(rf"topic={topic}"))
    wait_for_answer(page)
    assert _runtime_requests(urls) == {"pagefind.js": 1, "pagefind-worker.js": 1, "wasm": 1}, urls
    assert page.problems == []
    page.context.close()


def test_a_topic_spanning_months_lists_its_stories_newest_first(browser, sample_site):
    """A filter alone: the merged parts give every story of the topic, months interleaved by date."""
    posts = posts_of(sample_site["site"])
    months = lambda topic: {p["Date"][:7] for p in posts if topic in p["topics"]}  # noqa: E731
    topic = max({t for p in posts for t in p["topics"] if len(months(t)) >= 2},
                key=lambda t: sum(t in p["topics"] for p in posts))
    expected = sorted((p for p in posts if topic in p["topics"]), key=lambda p: p["Date"], reverse=True)
    page = open_page(browser)
    page.goto(f"{sample_site['base']}search/?topic={topic}")
    wait_for_answer(page)
    assert _result_titles(page) == [p["Title"] for p in expected][:20]
    assert page.problems == []
    page.context.close()


def test_search_on_a_site_with_no_story_yet_finds_none(browser, serve, tmp_path):
    """No monthly part at all (parts.json is empty): the page answers, and loads no runtime."""
    site = copy_site(tmp_path / "site")
    (tmp_path / "dumps").mkdir()
    proc = build(site, tmp_path / "dumps", ALLOW_SHRINK="1")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    page = open_page(browser)
    page.goto(serve(site / "output") + "search/?q=market")
    page.wait_for_function("document.querySelector('#search-status').textContent === 'No story matches.'")
    assert page.problems == []
    page.context.close()


# Every layout shift, from the page's start (buffered), summed: stricter than CLS, which forgives the
# shifts of the half second after a key press (results can arrive within it).
LAYOUT_SHIFT_OBSERVER = """window.__shift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shift += e.value; })
  .observe({type: "layout-shift", buffered: true});"""
LAYOUT_SHIFT = "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(window.__shift), 200)))"


def _common_word(posts: list[dict]) -> str:
    """The longer word most stories share: a query with many results, more than a screen of them."""
    counts = Counter(w for p in posts for w in set(re.findall(r"[a-z]{5,}", (p["Title"] + " " + p["body"]).lower())))
    return max(counts, key=lambda w: (counts[w], w))


@pytest.mark.parametrize("width", [1280, 375])
def test_results_arriving_shift_nothing(browser, sample_site, width):
    word = _common_word(posts_of(sample_site["site"]))
    page = open_page(browser, viewport={"width": width, "height": 800})
    page.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page.goto(f"{sample_site['base']}search/")
    page.wait_for_function("document.querySelector('#search-status').textContent.startsWith('Type')")
    page.locator("#q").press_sequentially(word, delay=60)
    wait_for_answer(page)
    assert page.evaluate("document.documentElement.scrollHeight > innerHeight"), "too few results to scroll"
    assert page.evaluate(LAYOUT_SHIFT) < 0.05
    assert page.problems == []
    page.context.close()


# ---- every page of both builds -----------------------------------------------------------------------

def crawl(browser, base: str) -> tuple[list[str], list[str]]:
    """Open every page reachable from the home page; returns (pages visited, problems). Internal links must
    stay under `base`; feeds and other files must answer 200; images must load."""
    page = open_page(browser)
    seen, queue, problems, files = {base}, deque([base]), [], set()
    while queue:
        url = queue.popleft()
        page.problems.clear()
        response = page.goto(url)
        if response is None or response.status != 200:
            problems.append(f"{url}: HTTP {response and response.status}")
            continue
        problems += [f"{url}: {p}" for p in page.problems]
        broken = page.evaluate("[...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.src)")
        problems += [f"{url}: broken image {src}" for src in broken]
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            target = urljoin(url, href).split("#")[0]
            if urlsplit(target).netloc != urlsplit(base).netloc:
                continue  # the original article on its publisher's site
            if not target.startswith(base):
                problems.append(f"{url}: link outside the site's path: {href}")
            elif target.endswith("/") or target.endswith(".html"):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
            else:
                files.add(target)
    for target in sorted(files):
        status = page.request.get(target).status
        if status != 200:
            problems.append(f"{target}: HTTP {status}")
    page.context.close()
    return sorted(seen), problems


def test_crawl_of_the_seed_site_under_a_sub_path_finds_nothing_broken(browser, seed_site):
    pages, problems = crawl(browser, seed_site["base"])
    assert problems == []
    assert len([p for p in pages if "/stories/" in p]) == 31
    assert {"topics/", "assets/", "archives/", "feeds/", "search/", "about/"} <= {p[len(seed_site["base"]):] for p in pages}


def test_crawl_of_the_sample_site_at_the_root_finds_nothing_broken(browser, sample_site):
    pages, problems = crawl(browser, sample_site["base"])
    assert problems == [] and len([p for p in pages if "/stories/" in p]) == 17


def test_a_missing_address_gets_the_404_page_with_working_links(browser, seed_site):
    page = open_page(browser)
    page.goto(seed_site["base"] + "404.html")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("link[rel=stylesheet]").get_attribute("href").startswith(seed_site["base"])
    page.locator("main a", has_text="Search every story").click()
    assert page.url == seed_site["base"] + "search/" and page.problems == []
    page.context.close()


# ---- accessibility -----------------------------------------------------------------------------------

def page_types(base: str, site: Path) -> dict[str, str]:
    """One address per page type of a built site."""
    out = site / "output"
    first = lambda pattern: sorted(out.glob(pattern))[0].parent.relative_to(out).as_posix() + "/"  # noqa: E731
    asset = max(out.glob("assets/*/index.html"), key=lambda p: p.stat().st_size).parent.name
    return {
        "home": base, "article": base + first("stories/*/index.html"),
        "topic": base + first("topics/*/index.html"), "asset": base + f"assets/{asset}/",
        "archives": base + "archives/", "month": base + first("archives/*/*/index.html"),
        "search": base + "search/?q=market", "feeds": base + "feeds/", "about": base + "about/",
        "not-found": base + "404.html",
    }


def settle(page, url: str) -> None:
    page.goto(url)
    if "/search/" in url:
        page.wait_for_function("document.querySelector('#search-status').textContent.match(/found|No story/)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_a_or_aa_violation(browser, seed_site, scheme):
    if not AXE.exists():
        _missing(f"{AXE} is absent (make test runs npm ci in tests/browser)")
    page = open_page(browser, color_scheme=scheme)
    found = {}
    for kind, url in page_types(seed_site["base"], seed_site["site"]).items():
        settle(page, url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
        violations = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                      for v in result["violations"]]
        if violations:
            found[kind] = violations
        assert result["passes"], f"axe checked nothing on {url}"
    assert found == {}
    assert page.problems == []
    page.context.close()


# ---- layout, weight, screenshots ---------------------------------------------------------------------

WEIGHT = """() => {
  const all = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  const size = (entries) => entries.reduce((n, e) => n + e.encodedBodySize, 0);
  return {page: size(all.filter(e => !e.name.includes("/pagefind/"))),
          search_index: size(all.filter(e => e.name.includes("/pagefind/")))};
}"""


def test_pages_fit_a_360px_screen_and_stay_light(browser, sample_site):
    """No sideways scrolling at 360 px; each page type within BUDGET_BYTES (written to weights.json)."""
    weights = {}
    for kind, url in page_types(sample_site["base"], sample_site["site"]).items():
        page = open_page(browser, viewport={"width": 360, "height": 740})  # empty cache: every file counts
        settle(page, url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the {kind} page is {overflow}px wider than a 360px screen"
        weights[kind] = page.evaluate(WEIGHT)
        assert page.problems == []
        page.context.close()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "weights.json").write_text(json.dumps(weights, indent=2) + "\n")
    heavy = {kind: w["page"] for kind, w in weights.items() if w["page"] > BUDGET_BYTES}
    assert heavy == {}, f"pages over {BUDGET_BYTES} bytes: {heavy}"
    assert 0 < weights["search"]["search_index"] and weights["home"]["search_index"] == 0


def test_screenshots_of_every_page_type_at_375_and_1280_px(browser, sample_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = [(kind, url, width, "light") for kind, url in page_types(sample_site["base"], sample_site["site"]).items()
             for width in (375, 1280)] + [("home", sample_site["base"], 1280, "dark")]
    for kind, url, width, scheme in shots:
        page = open_page(browser, viewport={"width": width, "height": 900}, color_scheme=scheme)
        settle(page, url)
        name = f"{kind}-{width}{'-dark' if scheme == 'dark' else ''}.png"
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
        assert (SCREENSHOTS / name).stat().st_size > 5_000 and page.problems == []
        page.context.close()


# ---- hostile dumps -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, serve):
    """The hostile HTML dumps of tests/hostile.py and the text dump written to inject Markdown, built and
    served at the root."""
    from hostile import write_corpus

    root = tmp_path_factory.mktemp("hostile")
    expect = write_corpus(root / "corpus", root / "outside")
    dumps = root / "dumps"
    dumps.mkdir()
    for name, e in expect.items():
        if not e.error and (name.endswith(".html") or "injection" in name):
            (dumps / name).write_bytes((root / "corpus" / name).read_bytes())
    site = copy_site(root / "site")
    proc = build(site, dumps)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return {"base": serve(site / "output"), "site": site, "dumps": sorted(p.name for p in dumps.iterdir())}


def test_pages_from_hostile_dumps_run_no_script_and_open_no_dialog(browser, hostile_site):
    posts = posts_of(hostile_site["site"])
    assert {p["Sources"] for p in posts} == set(hostile_site["dumps"]) and len(hostile_site["dumps"]) == 3
    page = open_page(browser)
    # anything a dump's markup could run would leave a trace here or open a dialog (open_page records it)
    page.add_init_script("window.__ran = []; for (const f of ['alert', 'confirm', 'prompt']) "
                         "{ const o = window[f]; window[f] = (...a) => { window.__ran.push(f + ':' + a); return o(...a); }; }")
    for post in posts:
        for path in (f"stories/{post['Slug']}/", "", "feeds/"):
            page.goto(hostile_site["base"] + path)
            page.wait_for_load_state("load")
            found = page.evaluate("""() => ({
                ran: window.__ran,
                // the page's own JSON-LD is data a browser never runs (test_seo checks what it says)
                scripts: [...document.scripts].filter(s => s.type !== 'application/ld+json')
                    .map(s => s.src || s.textContent.slice(0, 80)),
                handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                    .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
                scriptUrls: [...document.querySelectorAll('[href], [src], [action]')]
                    .map(el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action'))
                    .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u)),
                frames: document.querySelectorAll('iframe, object, embed').length,
            })""")
            assert found == {"ran": [], "scripts": [], "handlers": [], "scriptUrls": [], "frames": 0}, (path, found)
    # no dialog, no script error (requests cut short by the next navigation do not count)
    assert [p for p in page.problems if not p.endswith("net::ERR_ABORTED")] == []
    page.goto(hostile_site["base"] + f"stories/{posts[0]['Slug']}/")
    assert page.locator("main .body p").count() >= 2  # the story itself is there, as text
