"""The shrink guard: an ingest that would leave far fewer stories than the last one stops before it changes
anything, unless allowed (DIGEST_ALLOW_SHRINK, `make html ALLOW_SHRINK=1`). One wrong DUMPS= (a mistyped
folder, a folder of pictures) would otherwise remove every post, and the next publish push an empty site.

"The last one" is the count of posts the last ingest left in the folder (its ledger, ledger.py, beside the
posts): it goes with the posts it counts, and a fresh clone's first build, with no posts yet, has nothing
to compare and goes on.
"""
from __future__ import annotations

from pathlib import Path


class ShrinkRefused(Exception):
    """The ingest would drop most stories; the message is one line naming the dumps and the counts."""


def shrinks(before: int, after: int) -> bool:
    """No story at all, or fewer than half of the last build's (a build with none before never shrinks)."""
    return before > 0 and (after == 0 or 2 * after < before)


def refuse_shrink(before: int, after: int, dumps: Path) -> None:
    if shrinks(before, after):
        raise ShrinkRefused(f"the dumps in {dumps} make {after} {'story' if after == 1 else 'stories'}, the last "
                            f"build had {before}: nothing changed (check DUMPS, or set ALLOW_SHRINK=1 to build "
                            "the smaller site)")
