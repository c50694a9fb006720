"""Is a built site fit to publish? Plain checks over output/ (no Pelican): the home page exists, the ingest
had no errors, every internal link and asset resolves under SITEURL, every feed parses and links into the
site, and so does every address of the sitemaps. `make publish` runs them and pushes nothing when any fails (publish/push.py); the tests use them too.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = ("href", "src", "poster", "action")
NOT_FETCHED = ("#", "mailto:", "tel:", "data:")
MAX_LISTED = 20  # problems shown per check; the count says how many more
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _Links(HTMLParser):
    """Every URL a page links or loads: (tag, attributes, url)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict, str]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        for key in LINK_ATTRIBUTES:
            if a.get(key):
                self.found.append((tag, a, a[key].strip()))
        for candidate in a.get("srcset", "").split(","):
            if candidate.strip():
                self.found.append((tag, a, candidate.split()[0]))


def target_file(output: Path, site_path: str, page_url: str, link: str) -> Path | None | str:
    """The file of `output` that `link` (found on the page at `page_url`, a path under the site) points
    at; None for a link off the site; a str saying why for a link that leaves the site's sub-path."""
    if link.lower().startswith(NOT_FETCHED):
        return None
    absolute = urljoin(page_url, link)
    parts = urlsplit(absolute)
    site = urlsplit(page_url)
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return None
    path = unquote(parts.path)
    if not (path + "/").startswith(site_path):
        return f"leaves the site's path {site_path}"
    rel = normpath(path[len(site_path):]) if path[len(site_path):] else "."
    target = output / rel
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(output: Path, siteurl: str = "", only=None) -> list[str]:
    """Every internal href/src of output/**/*.html that resolves to no file, as "page: link (why)".
    `siteurl` is the address the site is built for (empty: a relative build); `only(tag, attrs)` limits
    the check to some elements."""
    base = (siteurl or "http://site.invalid").rstrip("/") + "/"
    site_path = urlsplit(base).path
    bad = []
    for page in sorted(output.rglob("*.html")):
        page_rel = page.relative_to(output).as_posix()
        page_url = base + (page_rel[: -len("index.html")] if page_rel.endswith("index.html") else page_rel)
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for tag, attrs, link in parser.found:
            if only is not None and not only(tag, attrs):
                continue
            target = target_file(output, site_path, page_url, link)
            if isinstance(target, str):
                bad.append(f"{page_rel}: {link} ({target})")
            elif target is not None and not target.resolve().is_file():
                bad.append(f"{page_rel}: {link} (no such file)")
    return bad


def bad_feeds(output: Path, siteurl: str) -> list[str]:
    """Feeds (feeds/**/*.xml) that do not parse, or whose entries link outside the site or to no page;
    the OPML list, whose feeds must all exist."""
    import feedparser

    base = siteurl.rstrip("/") + "/"
    bad = []
    for path in sorted((output / "feeds").rglob("*.xml")):
        rel = path.relative_to(output).as_posix()
        feed = feedparser.parse(path.read_bytes())
        if feed.bozo:
            bad.append(f"{rel}: does not parse ({feed.bozo_exception})")
            continue
        for entry in feed.entries:
            link = entry.get("link", "")
            if not link.startswith(base):
                bad.append(f"{rel}: entry link {link!r} is not under {base}")
            elif not (output / link[len(base):] / "index.html").is_file() and not (output / link[len(base):]).is_file():
                bad.append(f"{rel}: entry link {link} has no page")
    opml = output / "feeds" / "feeds.opml"
    if opml.is_file():
        try:
            outlines = ET.parse(opml).getroot().iter("outline")
            for o in outlines:
                url = o.get("xmlUrl")
                if url and (not url.startswith(base) or not (output / url[len(base):]).is_file()):
                    bad.append(f"feeds/feeds.opml: {url} is not a feed of this site")
        except ET.ParseError as e:
            bad.append(f"feeds/feeds.opml: does not parse ({e})")
    return bad


def bad_sitemaps(output: Path, siteurl: str) -> list[str]:
    """Sitemaps (sitemap.xml, news-sitemap.xml) that are missing or do not parse, and addresses in them
    outside the site or with no page."""
    base = siteurl.rstrip("/") + "/"
    bad = []
    for name in ("sitemap.xml", "news-sitemap.xml"):
        try:
            locs = [e.text or "" for e in ET.parse(output / name).getroot().iter(f"{SITEMAP_NS}loc")]
        except (OSError, ET.ParseError) as e:
            bad.append(f"{name}: {e}")
            continue
        for loc in locs:
            if not loc.startswith(base):
                bad.append(f"{name}: {loc} is not under {base}")
            elif not (output / loc[len(base):] / "index.html").is_file():
                bad.append(f"{name}: {loc} has no page")
    return bad


def ingest_errors(report: Path) -> list[str]:
    """The errors the last ingest reported, per dump ("dump: error")."""
    if not report.is_file():
        return [f"{report}: no ingest report (was the site built with `make html`?)"]
    data = json.loads(report.read_text(encoding="utf-8"))
    return [f"{r['dump']}: {e}" for r in data.get("reports", []) for e in r.get("errors", [])]


def problems(output: Path, siteurl: str, report: Path, allow_ingest_errors: bool = False,
             cname: str = "") -> list[str]:
    """Everything that should stop a publish, grouped by check; empty when the site is fit to publish."""
    parts = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"SITEURL {siteurl!r} is not an absolute http(s) address"]
    if not (output / "index.html").is_file():
        return [f"{output}/index.html is missing: the build wrote no home page"]
    found = []
    home = (output / "index.html").read_text(encoding="utf-8", errors="replace")
    if f'="{siteurl.rstrip("/")}/' not in home:
        found.append(f"{output} was not built for {siteurl}: its home page links nothing there "
                     f"(rebuild with make html SITEURL={siteurl})")
    if cname and (parts.hostname != cname or parts.path.strip("/")):
        found.append(f"CNAME {cname} serves the site at https://{cname}/, but SITEURL is {siteurl}")
    checks = [("ingest error", [] if allow_ingest_errors else ingest_errors(report)),
              ("broken link", broken_links(output, siteurl)),
              ("bad feed", bad_feeds(output, siteurl)),
              ("bad sitemap", bad_sitemaps(output, siteurl))]
    for name, items in checks:
        found += [f"{name}: {item}" for item in items[:MAX_LISTED]]
        if len(items) > MAX_LISTED:
            found.append(f"... and {len(items) - MAX_LISTED} more of the kind {name}")
    return found
