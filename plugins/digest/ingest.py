"""The ingest, end to end: a folder of dumps -> a folder of Markdown posts and an ingest report.

    dump file -> format detection -> articles -> cleaning -> titles and dates -> dedup -> related -> posts

Reading dumps and writing posts are the only side effects; every stage between is a plain function.
"""
from __future__ import annotations

import json
import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

from . import clean as cleaning
from .dates import dates_in_text, infer_date
from .dedup import dedup
from .detect import detect
from .dumps import DumpError, find_dumps, read_dump
from .model import DUPLICATE, Article, Drop, Dump, ParseResult, Story
from .posts import make_posts, sync_posts, write_if_changed
from .related import related_stories
from .report import REPORT_NAME, DumpReport, account, merges, summary_lines, to_json
from .titles import derive_title

log = logging.getLogger(__name__)


@dataclass
class Parsed:
    dump: Dump
    result: ParseResult
    report: DumpReport


@dataclass
class IngestResult:
    reports: list[DumpReport]
    posts: int
    writes: dict[str, int]

    @property
    def errors(self) -> list[str]:
        return [f"{r.dump}: {e}" for r in self.reports for e in r.errors]


def parse_dump(path: Path, folder: Path, tz: str) -> Parsed | DumpReport:
    """Read, detect and parse one dump. A dump that fails becomes a report with its error."""
    name = path.relative_to(folder).as_posix()
    try:
        dump = read_dump(path, folder)
        fmt, confidence = detect(dump)
        result = fmt.parse(dump, tz)
    except DumpError as e:
        return DumpReport(name, errors=[f"line {e.line}: {e.reason}" if e.line else e.reason])
    except Exception as e:  # a parser bug must not stop the other dumps
        log.debug("%s", traceback.format_exc())
        return DumpReport(name, errors=[f"could not be parsed ({type(e).__name__}: {e})"])
    report = DumpReport(name, format=fmt.NAME, confidence=round(confidence, 2), guess=result.guess,
                        unit=result.unit, warnings=list(result.warnings))
    if not result.articles:
        report.warnings.append("no article found in this dump")
    return Parsed(dump, result, report)


def finish(articles: list[Article], dump: Dump, tz: str) -> list[Article]:
    """Fill what the dump did not state: a title from the lede, a date from the text."""
    dump_dates = dates_in_text(dump.text) if any(a.date is None for a in articles) else []
    for article in articles:
        if not article.title:
            article.title = derive_title(article.blocks)
            article.title_source = "derived"
        if article.date is None:
            article.date, article.date_source = infer_date(article.body_text(), dump_dates, dump.mtime, tz)
    return articles


def clean_dump(parsed: Parsed, repeated: set[str], tz: str) -> tuple[list[Article], list[Drop]]:
    """Clean and finish one dump's articles; return them with every line left out so far."""
    drops: list[Drop] = list(parsed.result.drops)
    kept = []
    for article in parsed.result.articles:
        article, more = cleaning.clean(article, repeated)
        drops += more
        if article.blocks:
            kept.append(article)
        else:
            parsed.report.warnings.append(f"story {article.title!r} had no text left after cleaning")
    parsed.report.articles = len(kept)
    return finish(kept, parsed.dump, tz), drops


def ingest(dumps_dir: Path, posts_dir: Path, tz: str = "UTC") -> IngestResult:
    """Convert every dump in `dumps_dir` into posts in `posts_dir`; write the report beside them."""
    outcomes = [parse_dump(p, dumps_dir, tz) for p in find_dumps(dumps_dir)]
    parsed = [o for o in outcomes if isinstance(o, Parsed)]
    # boilerplate shows itself by repeating across stories, so the whole build is looked at first
    repeated = cleaning.repeated_edges([a for p in parsed for a in p.result.articles])
    cleaned = {p.dump.name: clean_dump(p, repeated, tz) for p in parsed}
    stories = dedup([a for p in parsed for a in cleaned[p.dump.name][0]])
    account_for_copies(parsed, cleaned, stories)
    posts = make_posts(stories, related_stories(stories))

    by_dump = {p.dump.name: p.report for p in parsed}
    for post in posts:
        by_dump[post.dump].posts.append(post.filename)
    reports = [o.report if isinstance(o, Parsed) else o for o in outcomes]
    report_path = posts_dir / REPORT_NAME
    writes = sync_posts(posts, posts_dir, _previous_posts(report_path))
    write_if_changed(report_path, to_json(reports, len(posts), merges(stories, posts)))
    return IngestResult(reports, len(posts), writes)


def account_for_copies(parsed: list[Parsed], cleaned: dict, stories: list[Story]) -> None:
    """Fill each dump's line accounting: a copy merged into a story shown from another copy is a
    duplicate, line by line."""
    shown = {id(s.article) for s in stories}
    for p in parsed:
        articles, drops = cleaned[p.dump.name]
        copies = [a for a in articles if id(a) not in shown]
        drops = drops + [Drop(b.lines, DUPLICATE, b.text) for a in copies for b in a.blocks]
        p.report.merged = len(copies)
        p.report.lines, p.report.partial, p.report.dropped = account(
            p.dump, p.result, [a for a in articles if id(a) in shown], drops)


def _previous_posts(report_path: Path) -> list[str]:
    """The posts the last ingest into this folder wrote (so the ones gone now can be removed)."""
    try:
        data = json.loads(report_path.read_text(encoding="utf-8"))
        return [name for r in data["reports"] for name in r.get("posts", [])]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def describe(result: IngestResult, dumps_dir: Path, posts_dir: Path, limit: int = 40) -> list[str]:
    """The printed summary: a headline, then a line per dump (only the ones with problems past `limit`)."""
    w = result.writes
    head = (f"ingest: {len(result.reports)} dumps from {dumps_dir} -> {result.posts} posts in {posts_dir} "
            f"({w['written']} written, {w['unchanged']} unchanged, {w['removed']} removed"
            f"{f', {len(result.errors)} errors' if result.errors else ''}; report: {posts_dir / REPORT_NAME})")
    reports = result.reports
    if len(reports) > limit:
        reports = [r for r in reports if r.errors or r.warnings]
    return [head] + summary_lines(reports)
