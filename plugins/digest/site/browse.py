"""Browsing by topic and by asset: the sections of the site, their stories, and the asset charts.

Plain functions over anything with `date`, `topics` and `assets` (Pelican's articles, in the glue), so they
test without Pelican. URLs are fixed by the project's contract: /topics/<slug>/ and /assets/<ticker>/.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from ..ingest.tagging import Taxonomy

KIND_NAMES = {"crypto": "Crypto assets", "stock": "Stocks and companies"}
CHART_DAYS = 60


@dataclass(frozen=True)
class Section:
    """A topic or an asset as a part of the site."""

    key: str            # topic slug or ticker
    name: str
    kind: str           # "topic", "crypto" or "stock"
    description: str

    @property
    def url(self) -> str:
        return f"{'topics' if self.kind == 'topic' else 'assets'}/{self.key}/"

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def feed(self) -> str:
        """Its feeds' path without extension: feeds/topics/<slug> or feeds/assets/<ticker>."""
        return f"feeds/{'topics' if self.kind == 'topic' else 'assets'}/{self.key}"

    @property
    def label(self) -> str:
        return self.name if self.kind == "topic" else self.key


def sections(taxonomy: Taxonomy, found: dict[str, dict]) -> dict[str, Section]:
    """Every topic (by slug) and asset (by ticker) a post may carry; `found` adds tickers the stories
    named that the taxonomy lacks ({ticker: {"name", "kind"}}, as the ingest found them)."""
    out = {t.slug: Section(t.slug, t.name, "topic", t.description) for t in taxonomy.topics}
    for asset in taxonomy.assets:
        out[asset.ticker] = Section(asset.ticker, asset.name, asset.kind, "")
    for ticker, info in found.items():
        out.setdefault(ticker, Section(ticker, info.get("name") or ticker, info.get("kind", "crypto"), ""))
    return out


def split_list(value) -> list[str]:
    """A front-matter list ("ai, crypto") as a list."""
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


@dataclass(frozen=True)
class DateLabels:
    """A story's date as the pages show it, formatted once per story rather than once per page."""

    iso: str
    day: str      # Monday 02 March 2026
    short: str    # 02 Mar 2026
    long: str     # 02 March 2026
    clock: str    # 09:40; empty when the dump gave only a day


def date_labels(moment) -> DateLabels:
    clock = moment.strftime("%H:%M")
    return DateLabels(moment.isoformat(), moment.strftime("%A %d %B %Y"), moment.strftime("%d %b %Y"),
                      moment.strftime("%d %B %Y"), "" if clock == "00:00" else clock)


def publishers(article) -> list[str]:
    """Who published the story: the shown copy's publisher, then the other copies' (Also_Reported_By)."""
    names = [article.source_name] if getattr(article, "source_name", "") else []
    return names + [n for n in split_list(getattr(article, "also_reported_by", "")) if n not in names]


def group(articles, field: str, known: dict[str, Section]) -> dict[str, list]:
    """Section key -> its articles, in the order given (newest first); keys the site does not know are
    skipped (a post tagged with a taxonomy entry since removed)."""
    out: dict[str, list] = {}
    for article in articles:
        for key in split_list(getattr(article, field, "")):
            if key in known:
                out.setdefault(key, []).append(article)
    return out


def per_day(articles, days: int = CHART_DAYS, least: int = 14) -> list[tuple[date, int]]:
    """Stories per day, from the first story (at most `days`, at least `least` days back) to the newest
    one, not to today: the same posts always draw the same chart."""
    counts = Counter(a.date.date() for a in articles)
    if not counts:
        return []
    last = max(counts)
    span = min(days, max(least, (last - min(counts)).days + 1))
    return [(last - timedelta(days=k), counts.get(last - timedelta(days=k), 0)) for k in range(span - 1, -1, -1)]


def chart_svg(label: str, series: list[tuple[date, int]]) -> str:
    """A small bar chart of stories per day, as inline SVG: no script, readable by screen readers."""
    if not series:
        return ""
    width, height, gap = 600, 90, 2
    top = max(n for _, n in series) or 1
    bar = width / len(series)
    total = sum(n for _, n in series)
    first, last = series[0][0], series[-1][0]
    summary = (f"Stories mentioning {label} per day, {first:%d %b} to {last:%d %b %Y}: {total} in all, "
               f"at most {top} a day")
    bars = []
    for i, (day, n) in enumerate(series):
        if n:
            h = max(2.0, (height - 14) * n / top)
            bars.append(f'<rect x="{i * bar + gap / 2:.1f}" y="{height - 12 - h:.1f}" width="{bar - gap:.1f}" '
                        f'height="{h:.1f}"><title>{day:%d %b %Y}: {n}</title></rect>')
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(summary)}" '
            f'preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{escape(summary)}</title>'
            f'<line x1="0" y1="{height - 12}" x2="{width}" y2="{height - 12}" class="axis"/>'
            + "".join(bars)
            + f'<text x="0" y="{height - 1}" class="tick">{first:%d %b}</text>'
            f'<text x="{width}" y="{height - 1}" class="tick" text-anchor="end">{last:%d %b}</text></svg>')


def by_kind(assets: dict[str, list], known: dict[str, Section]) -> list[tuple[str, list[tuple[Section, int]]]]:
    """The assets index: per kind, each asset with its number of stories, most covered first."""
    out = []
    for kind, title in KIND_NAMES.items():
        rows = [(known[t], len(arts)) for t, arts in assets.items() if known[t].kind == kind]
        if rows:
            out.append((title, sorted(rows, key=lambda r: (-r[1], r[0].key))))
    return out
