"""The ingest, end to end: a folder of dumps -> a folder of Markdown posts and an ingest report.

    dump file -> format detection -> articles -> cleaning -> titles and dates -> dedup -> tagging
              -> related -> posts

Reading dumps and writing posts are the only side effects; every stage between is a plain function.
With a cache folder, a rebuild reuses what it can (cache.py): nothing at all runs when no input changed
since the last ingest into the same posts folder, and otherwise each dump's parse and clean and each
story's tags, terms and Markdown are only made when their inputs are new. Those per-dump and per-story
steps run in `jobs` worker processes (workers.py); the build-wide ones (boilerplate by repetition, dedup,
related stories, slugs) run here, on what the workers made.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import stat
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from . import cache as stage_cache
from . import firstseen, ledger
from . import clean as cleaning
from .dates import header_date, infer_date
from .dedup import Fingerprint, dedup, fingerprint
from .language import language_of
from .detect import detect
from .dumps import MAX_DUMP_BYTES, DumpError, find_dumps, read_dump
from .model import DROP_REASONS, DUPLICATE, Article, Drop, Dump, ParseResult, Post, Story
from .posts import make_posts, rendered_text, sync_posts, write_if_changed
from .related import related_stories, terms
from .report import REPORT_NAME, DumpReport, account, merges, ranges, summary_lines, tagging_report, to_json
from .shrink import refuse_shrink
from .tagging import Tags, Taxonomy, tag
from .text import squash
from .titles import clean_title, derive_title, unshouted
from .workers import run_all

log = logging.getLogger(__name__)

GC_THRESHOLD = 200_000  # allocations between young-generation collections (Python's default: 700)


@dataclass(frozen=True)
class Parsed:
    dump: Dump
    result: ParseResult
    report: DumpReport                # as parsing left it; cleaning and dedup make the final one
    edges: list[list[str]] = field(default_factory=list)  # each article's edge sentences (clean.edge_keys)


@dataclass(frozen=True)
class IngestResult:
    reports: list[DumpReport]
    posts: int
    writes: dict[str, int]
    found_assets: dict[str, dict]   # tickers the stories named that the taxonomy lacks: {"name", "kind"}
    removed: list[dict] = field(default_factory=list)  # posts of earlier ingests now gone: {"post", "dump"}

    @property
    def errors(self) -> list[str]:
        return [f"{r.dump}: {e}" for r in self.reports for e in r.errors]


def load_dump(path: Path, folder: Path) -> Dump | DumpReport:
    """Read one dump, or report why it cannot be read."""
    try:
        return read_dump(path, folder)
    except DumpError as e:
        return DumpReport(e.name, errors=[e.detail])


def parse_dump(dump: Dump, tz: str) -> Parsed | DumpReport:
    """Detect and parse one dump. A dump that fails, or holds no article, becomes a report with its error."""
    try:
        fmt, confidence = detect(dump)  # refuses a text dump with an overlong line
        result = fmt.parse(dump, tz)
    except Exception as e:  # a parser bug must not stop the other dumps either
        if not isinstance(e, DumpError):
            log.debug("%s", traceback.format_exc())
        error = e.detail if isinstance(e, DumpError) else f"could not be parsed ({type(e).__name__}: {e})"
        return DumpReport(dump.name, errors=[error], warnings=list(dump.warnings))
    read_as = f"{fmt.NAME}{': ' + result.guess if result.guess else ''}"
    empty = [] if result.articles else [f"no article found (read as {read_as})"]
    # a page without a story by its nature (a list of headlines) is worth a warning, not an error
    warned, failed = (empty, []) if result.storyless else ([], empty)
    report = DumpReport(dump.name, format=fmt.NAME, confidence=round(confidence, 2), guess=result.guess,
                        unit=result.unit, warnings=[*dump.warnings, *result.warnings, *warned], errors=failed)
    return Parsed(dump, result, report)


def same_texts(dumps: list[Dump], known: set[str]) -> dict[str, str]:
    """Dumps holding the same text as another (the same page saved twice) -> the dump that stands for
    them: the one an earlier ingest already used, else the first by name. So a second capture changes
    no post, whichever name it has."""
    groups: dict[str, list[Dump]] = {}
    for dump in dumps:
        groups.setdefault(hashlib.sha1(squash(dump.text).encode("utf-8")).hexdigest(), []).append(dump)
    out = {}
    for group in groups.values():
        original = next((d for d in group if d.name in known), group[0])
        out.update({d.name: original.name for d in group if d is not original})
    return out


def same_as(dump: Dump, original: str) -> DumpReport:
    """The report of a dump whose text another dump already holds: every line is a duplicate, and the
    posts stay exactly as they were (a second capture of a page changes nothing)."""
    text_lines = [n for n, line in enumerate(dump.lines, 1) if line.strip()]
    total = len(dump.lines)
    return DumpReport(dump.name, format="same-as", guess=f"the same text as {original}",
                      lines={"total": total, "kept": 0, "blank": total - len(text_lines),
                             **{r: 0 for r in DROP_REASONS}, "duplicate": len(text_lines), "unaccounted": 0},
                      dropped={"duplicate": ranges(text_lines)} if text_lines else {})


def finish(articles: list[Article], dump: Dump, tz: str) -> list[Article]:
    """Titles without markup; fill what the dump did not state: a title from the lede, a date from the
    dump's own header or the article's text; the language the article is written in."""
    dump_date = header_date(dump.lines, tz) if any(a.date is None for a in articles) else None
    return [_finished(article, dump_date, tz) for article in articles]


def _finished(article: Article, dump_date, tz: str) -> Article:
    title, title_source = unshouted(clean_title(article.title), article.body_text()), article.title_source
    if not any(ch.isalnum() for ch in title or ""):  # none, or only emoji and symbols
        title, title_source = clean_title(derive_title(article.blocks)), "derived"
    date, date_source = article.date, article.date_source
    if date is None:
        date, date_source = infer_date(article.body_text(), dump_date, tz)
    return replace(article, title=title, title_source=title_source, date=date, date_source=date_source,
                   language=language_of(article.body_text()))


def _opening(article: Article, unit: str) -> str:
    """An untitled story named for a message: its first words and where they stand (a line of the dump, or
    a text block of an export)."""
    first = next((b for b in article.blocks if b.text.strip()), None)
    if first is None:
        return "without text"
    words = first.text.split()
    where = f" ({unit} {first.lines[0]})" if first.lines else ""
    return f"{' '.join(words[:8])!r}{'…' if len(words) > 8 else ''}{where}"


def clean_dump(parsed: Parsed, repeated: set[str], tz: str) -> tuple[list[Article], list[Drop], DumpReport]:
    """Clean and finish one dump's articles; return them with every line left out so far, and the dump's
    report with what cleaning found."""
    drops: list[Drop] = list(parsed.result.drops)
    kept, emptied = [], []
    for article in parsed.result.articles:
        cleaned, more = cleaning.clean(article, repeated)
        drops += more
        if cleaned.blocks:
            kept.append(cleaned)
        else:  # named by its title, else by its first words and lines: what went is in 'dropped'
            what = repr(article.title) if article.title else _opening(article, parsed.result.unit)
            emptied.append(f"story {what} had no text left after cleaning (a promotion or a label: see 'dropped')")
    none_left = ["no story left after cleaning: every line was dropped (see 'dropped')"] \
        if parsed.result.articles and not kept else []
    report = replace(parsed.report, articles=len(kept), warnings=parsed.report.warnings + emptied,
                     errors=parsed.report.errors + none_left)
    return finish(kept, parsed.dump, tz), drops, report


def ingest(dumps_dir: Path, posts_dir: Path, tz: str = "UTC", taxonomy: Taxonomy | None = None,
           cache_dir: Path | None = None, jobs: int = 1, first_seen: Path | None = None,
           allow_shrink: bool = False) -> IngestResult:
    """Convert every dump in `dumps_dir` into posts in `posts_dir`; write the report beside them.
    Without a taxonomy, posts get no topics and assets. With `cache_dir`, reuse earlier results.
    Parsing, cleaning and tagging run in `jobs` processes. Undated stories keep the date they were first
    seen in `first_seen` (default: first-seen.json in `posts_dir`). Raises shrink.ShrinkRefused, having
    changed nothing, when the dumps make far fewer stories than the last ingest into `posts_dir` and
    `allow_shrink` is False."""
    previous = ledger.read(posts_dir)
    paths = find_dumps(dumps_dir)
    first_seen = first_seen or posts_dir / firstseen.FILE_NAME
    inputs = inputs_key(paths, dumps_dir, tz, taxonomy)
    if cache_dir and (same := _as_last_time(previous, posts_dir, with_seen(inputs, first_seen))):
        return same
    with _rare_collections():
        return _ingest(dumps_dir, posts_dir, tz, taxonomy, cache_dir, jobs, previous, paths, inputs, first_seen,
                       allow_shrink)


@contextmanager
def _rare_collections():
    """The ingest makes millions of small objects that live to its end and form no cycles; Python's
    collector would walk them all again and again (15% of an ingest at 10,000 stories)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _ingest(dumps_dir: Path, posts_dir: Path, tz: str, taxonomy: Taxonomy | None, cache_dir: Path | None,
            jobs: int, previous: ledger.Ledger, paths: list[Path], inputs: str, first_seen: Path,
            allow_shrink: bool) -> IngestResult:
    cache = stage_cache.StageCache(cache_dir)
    loaded = [load_dump(p, dumps_dir) for p in paths]
    duplicates = same_texts([d for d in loaded if isinstance(d, Dump)], previous.dumps_with_posts)
    to_parse = [d for d in loaded if isinstance(d, Dump) and d.name not in duplicates]
    parses = cached_parses(to_parse, tz, cache, jobs)

    def outcome(dump: Dump | DumpReport) -> Parsed | DumpReport:
        if isinstance(dump, DumpReport):
            return dump  # could not be read
        return same_as(dump, duplicates[dump.name]) if dump.name in duplicates else parses[dump.name]

    outcomes = [outcome(d) for d in loaded]
    parsed = [o for o in outcomes if isinstance(o, Parsed)]
    # boilerplate shows itself by repeating across stories, so the whole build is looked at first
    repeated = cleaning.repeated_edges([a for p in parsed for a in p.result.articles],
                                       [keys for p in parsed for keys in p.edges])
    cleaned = cached_cleans(parsed, repeated, tz, cache, jobs)
    articles = [a for p in parsed for a in cleaned[p.dump.name].articles]
    stories = dedup(articles, [f for p in parsed for f in cleaned[p.dump.name].prints])
    if not allow_shrink:  # before anything is written: a refused ingest leaves posts and dates as they were
        refuse_shrink(len(previous.posts), len(stories), dumps_dir)
    stories = firstseen.remember(stories, first_seen, tz)
    parts = cached_story_parts(stories, taxonomy, cache, jobs)
    tags = {s.id: p.tags for s, p in zip(stories, parts) if p.tags is not None}
    stories = [replace(s, topics=tuple(tags[s.id].topics), assets=tuple(tags[s.id].assets)) if s.id in tags else s
               for s in stories]
    related = related_stories(stories, [p.terms for p in parts])
    posts = make_posts(stories, related, {s.id: p.text for s, p in zip(stories, parts)})

    final = accounted(parsed, cleaned, stories, posts)
    reports = [final[o.dump.name] if isinstance(o, Parsed) else o for o in outcomes]
    writes, removed = sync_posts(posts, posts_dir, previous.posts)
    tagging = tagging_report(tags, posts)
    write_if_changed(posts_dir / REPORT_NAME, to_json(reports, len(posts), merges(stories, posts), tagging, removed))
    ledger.write(posts_dir, ledger.Ledger(with_seen(inputs, first_seen), {p.filename: p.dump for p in posts},
                                          tuple(r.__dict__ for r in reports), tagging["found_assets"]))
    cache.save()
    return IngestResult(reports, len(posts), writes, tagging["found_assets"], removed)


def inputs_key(paths: list[Path], folder: Path, tz: str, taxonomy: Taxonomy | None) -> str:
    """Everything the posts are made from but the settled dates (with_seen): the code, the zone, the
    taxonomy and every dump's name and bytes. Not file times: nothing depends on them, so a fresh checkout
    or a `touch` needs no new ingest. Not the clock (SOURCE_DATE_EPOCH) either: it only dates a story new
    to the first-seen file, and the last ingest left every story in it."""
    taxonomy_part = _taxonomy_repr(taxonomy) if taxonomy else ""
    parts = [stage_cache.code_version(), tz, taxonomy_part]
    for path in paths:
        try:
            info = path.stat()
            # only what read_dump would read: never a pipe (it would block) nor an oversized file
            readable = stat.S_ISREG(info.st_mode) and info.st_size <= MAX_DUMP_BYTES
            parts += [path.relative_to(folder).as_posix(), str(path.resolve()), str(info.st_size),
                      hashlib.sha1(path.read_bytes()).hexdigest() if readable else ""]
        except (OSError, RuntimeError) as e:
            parts.append(f"{path}: {e}")
    return stage_cache.key(*parts)


def with_seen(inputs: str, first_seen: Path) -> str:
    """The inputs key with the first-seen dates as they stand: the ledger keeps it as the ingest left the
    file, so the next build with no new story finds it unchanged."""
    try:
        seen = first_seen.read_bytes()
    except OSError:
        seen = b""
    return stage_cache.key(inputs, seen)


def _dump_key(dump: Dump) -> str:
    """What a dump's parse and clean depend on besides the code: its name, text and what reading it
    repaired."""
    return stage_cache.key(dump.name, dump.text, *dump.warnings)


def _article_key(article: Article) -> str:
    """An article's title, deck and blocks: all its fingerprint, its tags and its post's text are made from."""
    return stage_cache.key(article.title or "", article.deck or "", *(f"{b.kind}\0{b.text}" for b in article.blocks))


def parse_for_cache(dump: Dump, tz: str) -> DumpReport | tuple[ParseResult, DumpReport, list[list[str]]]:
    """parse_dump, and the edge sentences of each article the boilerplate pass compares, as kept."""
    made = parse_dump(dump, tz)
    if isinstance(made, DumpReport):
        return made
    return made.result, made.report, [cleaning.edge_keys(a) for a in made.result.articles]


def cached_parses(dumps: list[Dump], tz: str, cache: stage_cache.StageCache, jobs: int) -> dict:
    """parse_for_cache for each dump whose bytes were not parsed before; {dump name: Parsed or DumpReport}."""
    names = {d.name: stage_cache.key("parse", _dump_key(d), tz) for d in dumps}
    kept = {d.name: cache.get(names[d.name]) for d in dumps}
    todo = [d for d in dumps if kept[d.name] is None]
    for dump, made in zip(todo, run_all(parse_for_cache, todo, jobs, tz=tz)):
        kept[dump.name] = made
        cache.put(names[dump.name], made)
    return {d.name: kept[d.name] if isinstance(kept[d.name], DumpReport) else Parsed(d, *kept[d.name])
            for d in dumps}


@dataclass(frozen=True)
class Cleaned:
    articles: list[Article]      # the dump's stories after cleaning, titled and dated
    drops: list[Drop]            # every line left out so far
    prints: list[Fingerprint]    # each article's dedup fingerprint
    report: DumpReport


def clean_and_print(parsed: Parsed, repeated: set[str], tz: str) -> Cleaned:
    """clean_dump, and the fingerprints dedup compares the cleaned articles by."""
    articles, drops, report = clean_dump(parsed, repeated, tz)
    words: dict[str, int] = {}
    return Cleaned(articles, drops, [fingerprint(a, words) for a in articles], report)


def cached_cleans(parsed: list[Parsed], repeated: set[str], tz: str, cache: stage_cache.StageCache,
                  jobs: int) -> dict[str, Cleaned]:
    """clean_and_print for each dump not cleaned before amid the same boilerplate; {dump name: Cleaned}."""
    context = stage_cache.key(tz, *sorted(repeated))
    names = {p.dump.name: stage_cache.key("clean", _dump_key(p.dump), context) for p in parsed}
    out = {p.dump.name: cache.get(names[p.dump.name]) for p in parsed}
    todo = [p for p in parsed if out[p.dump.name] is None]
    for p, made in zip(todo, run_all(clean_and_print, todo, jobs, repeated=repeated, tz=tz)):
        cache.put(names[p.dump.name], made)
        out[p.dump.name] = made
    return out


def _taxonomy_repr(taxonomy: Taxonomy) -> str:
    return repr((taxonomy.topics, taxonomy.assets, taxonomy.max_topics))


@dataclass(frozen=True)
class StoryParts:
    """What is made of a story's shown article alone, kept between builds."""

    tags: Tags | None              # None without a taxonomy
    terms: np.ndarray              # for related stories (related.terms)
    text: tuple[str, str]          # its post's Markdown body and summary (posts.rendered_text)


def story_parts(article: Article, taxonomy: Taxonomy | None) -> StoryParts:
    return StoryParts(tag(article, taxonomy) if taxonomy is not None else None, terms(article),
                      rendered_text(article))


def cached_story_parts(stories: list[Story], taxonomy: Taxonomy | None, cache: stage_cache.StageCache,
                       jobs: int) -> list[StoryParts]:
    """Each story's parts, unless a story with the same text was made with the same taxonomy before."""
    taxonomy_id = stage_cache.key(_taxonomy_repr(taxonomy)) if taxonomy is not None else ""
    names = [stage_cache.key("story", taxonomy_id, s.article.title_source, _article_key(s.article))
             for s in stories]
    out = [cache.get(name) for name in names]
    todo = [i for i, made in enumerate(out) if made is None]
    for i, made in zip(todo, run_all(story_parts, [stories[i].article for i in todo], jobs, taxonomy=taxonomy)):
        cache.put(names[i], made)
        out[i] = made
    return out


def unchanged(dumps_dir: Path, posts_dir: Path, tz: str, taxonomy: Taxonomy | None,
              first_seen: Path | None = None) -> IngestResult | None:
    """The last ingest's result when none of its inputs changed and its posts are all there, else None."""
    return _as_last_time(ledger.read(posts_dir), posts_dir,
                         with_seen(inputs_key(find_dumps(dumps_dir), dumps_dir, tz, taxonomy),
                                   first_seen or posts_dir / firstseen.FILE_NAME))


def _as_last_time(previous: ledger.Ledger, posts_dir: Path, inputs: str) -> IngestResult | None:
    if previous.inputs != inputs or not all((posts_dir / name).is_file() for name in previous.posts):
        return None
    count = len(previous.posts)
    return IngestResult(previous.dump_reports(), count, {"written": 0, "unchanged": count, "removed": 0},
                        previous.found_assets)


def accounted(parsed: list[Parsed], cleaned: dict[str, Cleaned], stories: list[Story],
              posts: list[Post]) -> dict[str, DumpReport]:
    """Each parsed dump's final report: its posts and its line accounting, where a copy merged into a
    story shown from another copy is a duplicate, line by line."""
    shown = {id(s.article) for s in stories}
    posts_of: dict[str, list[str]] = {}
    for post in posts:
        posts_of.setdefault(post.dump, []).append(post.filename)
    out = {}
    for p in parsed:
        articles, drops, report = cleaned[p.dump.name].articles, cleaned[p.dump.name].drops, cleaned[p.dump.name].report
        copies = [a for a in articles if id(a) not in shown]
        drops = drops + [Drop(b.lines, DUPLICATE, b.text) for a in copies for b in a.blocks]
        lines, partial, dropped = account(p.dump, p.result, [a for a in articles if id(a) in shown], drops)
        out[p.dump.name] = replace(report, merged=len(copies), posts=posts_of.get(p.dump.name, []), lines=lines,
                                   partial=partial, dropped=dropped)
    return out


def describe(result: IngestResult, dumps_dir: Path, posts_dir: Path, limit: int = 40) -> list[str]:
    """The printed summary: a headline, then a line per dump (only the ones with problems past `limit`)."""
    w = result.writes
    head = (f"ingest: {len(result.reports)} dumps from {dumps_dir} -> {result.posts} posts in {posts_dir} "
            f"({w['written']} written, {w['unchanged']} unchanged, {w['removed']} removed"
            f"{f', {len(result.errors)} errors' if result.errors else ''}; report: {posts_dir / REPORT_NAME})")
    reports = result.reports
    if len(reports) > limit:
        reports = [r for r in reports if r.errors or r.warnings]
    dumps = {r.dump for r in result.reports}
    gone = [f"  removed {r['post']}: " + (f"{r['dump']} no longer holds its story" if r["dump"] in dumps
                                          else f"its dump {r['dump']} is gone") for r in result.removed]
    more = [f"  ... and {len(gone) - limit} more posts removed"] if len(gone) > limit else []
    return [head] + summary_lines(reports) + gone[:limit] + more
