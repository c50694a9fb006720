"""What the last ingest into a posts folder left there, for the next one: the posts it owns (and the dump
each came from: a post whose story is gone is removed), what they were made from (the inputs key: when it
is unchanged nothing is redone), each dump's report, and the assets the stories named that the taxonomy
lacks. Kept in `ingest-ledger.sqlite` beside the posts (store.py), a row per post and per dump, all
replaced in one transaction when an ingest ends, and only when they changed (`make devserver` rebuilds
when a file in the content folder changes): a build that stops half-way, or runs beside another, leaves
the last whole ledger.

ingest-report.json tells people the same; the ingest reads it only from a posts folder an older version of
the plugin wrote, which has no ledger yet (its posts are the ingest's too, and must go when their story
does).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .report import REPORT_NAME, DumpReport
from .store import Store

FILE_NAME = "ingest-ledger.sqlite"


@dataclass(frozen=True)
class Ledger:
    inputs: str = ""
    posts: dict[str, str] = field(default_factory=dict)  # post file -> the dump of the copy shown
    reports: tuple[dict, ...] = ()  # DumpReport fields, in dump order
    found_assets: dict[str, dict] = field(default_factory=dict)

    def dump_reports(self) -> list[DumpReport]:
        return [DumpReport(**r) for r in self.reports]

    @property
    def dumps_with_posts(self) -> set[str]:
        return set(self.posts.values())


def read(posts_dir: Path) -> Ledger:
    """The last ingest's ledger; from its report when it left none; empty when neither is there."""
    path = posts_dir / FILE_NAME
    if not path.is_file():
        return _from_report(posts_dir / REPORT_NAME)
    store = Store(path, "ledger", wal=False)
    try:
        rows = store.items()
    finally:
        store.close()
    reports = tuple(json.loads(v) for k, v in sorted(rows.items()) if k.startswith("dump:"))
    return Ledger(inputs=rows.get("inputs", ""), reports=reports,
                  posts={k.removeprefix("post:"): v for k, v in rows.items() if k.startswith("post:")},
                  found_assets=json.loads(rows.get("found_assets", "{}")))


def write(posts_dir: Path, ledger: Ledger) -> None:
    rows = {"inputs": ledger.inputs, "found_assets": json.dumps(ledger.found_assets, sort_keys=True),
            **{f"dump:{r['dump']}": json.dumps(r, sort_keys=True) for r in ledger.reports},
            **{f"post:{name}": dump for name, dump in ledger.posts.items()}}
    store = Store(posts_dir / FILE_NAME, "ledger", wal=False)
    try:
        if store.items() != rows:
            store.replace(rows)
    finally:
        store.close()


def _from_report(report: Path) -> Ledger:
    """What an ingest-report.json (of a version without the ledger) says of the posts; it is no ledger of
    inputs, so everything is made afresh."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
        reports = [r for r in data["reports"] if isinstance(r, dict) and isinstance(r.get("dump"), str)]
    except (OSError, ValueError, KeyError, TypeError):
        return Ledger()
    return Ledger(posts={name: r["dump"] for r in reports for name in r.get("posts", []) if isinstance(name, str)})
