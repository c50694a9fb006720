"""Command line: `python -m digest DUMPS POSTS` converts a folder of dumps into posts (what `make ingest` runs)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dumps import folder_problem
from .pipeline import describe, ingest
from .shrink import ShrinkRefused
from .tagging import TaxonomyError, taxonomy_at
from .tagging.taxonomy import DEFAULT_TAXONOMY
from .workers import default_jobs



def usage_error(reason: str) -> int:
    print(f"error: {reason}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m digest", description=__doc__)
    ap.add_argument("dumps", type=Path, help="folder of raw dumps (read only)")
    ap.add_argument("posts", type=Path, help="folder the Markdown posts and ingest-report.json go to")
    ap.add_argument("--timezone", default="UTC", help="zone for dates the dumps state without one (default UTC)")
    ap.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY,
                    help=f"topics and assets to tag posts with (default {DEFAULT_TAXONOMY})")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any dump has an error")
    ap.add_argument("--jobs", type=int, default=default_jobs(),
                    help="processes to parse, clean and tag in (default: every core)")
    ap.add_argument("--cache", type=Path, help="folder of results kept between runs (a rerun redoes only what changed)")
    ap.add_argument("--first-seen", type=Path, help="file keeping the date each undated story was first seen "
                                                    "(default: first-seen.json in POSTS)")
    ap.add_argument("--allow-shrink", action="store_true",
                    help="write the posts even when they are none, or fewer than half of the last ingest's")
    args = ap.parse_args(argv)
    if problem := folder_problem(args.dumps):
        return usage_error(problem)
    try:
        taxonomy = taxonomy_at(args.taxonomy)
        result = ingest(args.dumps, args.posts, args.timezone, taxonomy, args.cache, max(1, args.jobs),
                        args.first_seen, args.allow_shrink)
    except TaxonomyError as e:
        return usage_error(f"taxonomy: {e}")
    except ShrinkRefused as e:
        return usage_error(str(e))
    print("\n".join(describe(result, args.dumps, args.posts)))
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if args.strict and result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
