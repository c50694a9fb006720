"""The ingest report: per dump, the format, the articles, and every line accounted for.

Each line of a dump is exactly one of: kept (in a post), blank, or dropped for a reason (chrome,
boilerplate, duplicate, caption, metadata). The counts add up to the dump's line count. Lines that kept
some text but lost a part (a call to action at the end of a one-line body) are also counted as partial.
The JSON holds nothing that changes between identical runs (no times, no write counts); `removed` names
the posts this ingest removed because their story left the dumps, and the dump each came from.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .model import DROP_REASONS, Article, Drop, Dump, ParseResult, Post, Story
from .tagging import Tags

REPORT_NAME = "ingest-report.json"


@dataclass(frozen=True)
class DumpReport:
    dump: str
    format: str = ""
    confidence: float = 0.0
    guess: str = ""
    unit: str = "line"
    articles: int = 0
    merged: int = 0        # articles that are copies of a story shown from another copy
    posts: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    partial: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, str] = field(default_factory=dict)  # reason -> line ranges, e.g. "1-15,737"
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3,7"."""
    out, numbers = [], sorted(set(numbers))
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        out.append(str(numbers[i]) if i == j else f"{numbers[i]}-{numbers[j]}")
        i = j + 1
    return ",".join(out)


def account(dump: Dump, parsed: ParseResult, articles: list[Article], drops: list[Drop]) -> tuple[dict, dict, dict]:
    """Line counts by disposition, partial-line counts by reason, and dropped line ranges by reason."""
    total = parsed.total_units if parsed.unit != "line" else len(dump.lines)
    kept = {n for a in articles for b in a.blocks for n in b.lines}
    reason_of: dict[int, str] = {}
    partial: dict[str, set[int]] = {}
    for drop in drops:
        for n in drop.lines:
            if drop.partial:
                partial.setdefault(drop.reason, set()).add(n)
            elif n not in kept:
                reason_of.setdefault(n, drop.reason)
    counts = {"total": total, "kept": 0, "blank": 0, **{r: 0 for r in DROP_REASONS}, "unaccounted": 0}
    by_reason: dict[str, list[int]] = {}
    for n in range(1, total + 1):
        if n in kept:
            counts["kept"] += 1
        elif n in reason_of:
            counts[reason_of[n]] += 1
            by_reason.setdefault(reason_of[n], []).append(n)
        elif parsed.unit == "line" and not dump.lines[n - 1].strip():
            counts["blank"] += 1
        else:
            counts["unaccounted"] += 1
            by_reason.setdefault("unaccounted", []).append(n)
    return counts, {r: len(v) for r, v in sorted(partial.items())}, {r: ranges(v) for r, v in sorted(by_reason.items())}


def _copy(article: Article) -> dict:
    words = article.body_text().split()
    return {"dump": article.dump, "title": article.title, "first_words": " ".join(words[:10])}


def merges(stories: list[Story], posts: list[Post]) -> list[dict]:
    """For every story with more than one copy: its post, the copy shown, and each other copy with the
    copy it matched and why (exact / near / title / address, with Jaccard, containment and title similarity)."""
    post_of = {p.story_id: p.filename for p in posts}
    out = []
    for story in stories:
        if len(story.copies) < 2:
            continue
        copies = [{**_copy(copy), "matched": _copy(partner)["first_words"] if partner is not story.article else "shown",
                   "reason": m.reason, "jaccard": m.jaccard, "containment": m.containment,
                   "title_similarity": m.title_similarity} for copy, partner, m in story.matches]
        out.append({"story": story.id, "post": post_of[story.id], "shown": _copy(story.article), "copies": copies})
    return sorted(out, key=lambda m: m["post"])


def tagging_report(tags: dict[str, Tags], posts: list[Post]) -> dict:
    """Why each post got its topics (score and the keywords found) and assets (salience score), and the
    tickers the stories named that the taxonomy lacks (the site needs their names)."""
    per_post = {}
    found = {}
    for post in sorted(posts, key=lambda p: p.filename):
        t = tags.get(post.story_id)
        if t is None:
            continue
        per_post[post.filename] = {
            "topics": {s.slug: {"score": s.score, "evidence": [list(e) for e in s.evidence]} for s in t.why_topics},
            "assets": {ticker: t.why_assets[ticker] for ticker in t.assets},
        }
        found.update({f.ticker: {"name": f.name, "kind": f.kind} for f in t.found.values()})
    return {"found_assets": dict(sorted(found.items())), "posts": per_post}


def to_json(reports: list[DumpReport], posts_total: int, merged: list[dict], tagging: dict,
            removed: list[dict] = ()) -> str:
    data = {
        "dumps": len(reports),
        "posts": posts_total,
        "errors": sum(len(r.errors) for r in reports),
        "merged_copies": sum(len(m["copies"]) for m in merged),
        "removed": list(removed),  # posts an earlier ingest wrote whose story is gone: {"post", "dump"}
        "reports": [r.__dict__ for r in reports],
        "merges": merged,
        "tagging": tagging,
    }
    return _dumps(data) + "\n"


def _dumps(value, depth: int = 0) -> str:
    """JSON with a line per record (a dump's report, a merge, a post's tags): lists and dicts of lists and
    dicts are spread out, a few levels deep; a record is one line from the C encoder (indent= would use
    the pure-Python one: 1.6 s at 10,000 stories)."""
    nested = isinstance(value, list) or (isinstance(value, dict) and all(isinstance(v, (dict, list))
                                                                          for v in value.values()))
    if not value or not isinstance(value, (dict, list)) or (depth > 0 and (depth >= 3 or not nested)):
        return json.dumps(value, ensure_ascii=False)
    pad, end = " " * (depth + 1), " " * depth
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dumps(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{end}}}"
    return "[\n" + ",\n".join(pad + _dumps(v, depth + 1) for v in value) + f"\n{end}]"


def summary_lines(reports: list[DumpReport]) -> list[str]:
    """One short line per dump for the terminal."""
    out = []
    width = min(40, max((len(r.dump) for r in reports), default=10))
    for r in reports:
        if r.errors:
            out.append(f"  {r.dump:<{width}}  ERROR {'; '.join(r.errors)}")
            continue
        dropped = ", ".join(f"{k} {v}" for k, v in r.lines.items() if k in DROP_REASONS and v)
        fmt = r.format + (f" ({r.guess})" if r.guess else "")
        merged = f" ({r.merged} merged)" if r.merged else ""
        out.append(f"  {r.dump:<{width}}  {fmt:<22} {r.articles:>4} articles{merged}  "
                   f"{r.lines.get('kept', 0)}/{r.lines.get('total', 0)} {r.unit}s kept"
                   + (f"; dropped: {dropped}" if dropped else ""))
        out += [f"  {'':<{width}}  warning: {w}" for w in r.warnings]
    return out
