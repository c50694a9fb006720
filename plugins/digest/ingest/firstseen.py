"""Settled dates: every story's date is fixed by the build that first sees it, and kept in a small JSON file,
{story id: ISO date}, that goes with the content (DIGEST_FIRST_SEEN; commit it beside your dumps).

Two kinds of story need it. One whose dumps state no date is dated by when the digest first saw it. One
whose date has no time (or shares its minute with another story) would sit at the very instant of
another: feed readers and validators then cannot tell which entry is newer (`DuplicateUpdated`). So each
story gets an instant no other story of the build has: its own, or the first free second after it, in the
order the stories were found. Once kept, a story's date never moves: not when a file is touched, not when
the site is built from a fresh clone, not when more stories arrive on its day, so its feed entry never
comes back as new."""
from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from .model import Story
from .posts import write_if_changed

FILE_NAME = "first-seen.json"
FIRST_SEEN = "first-seen"          # the Date_Source of a story whose dumps state no date
SECOND = timedelta(seconds=1)


def now(tz: str) -> datetime:
    """This build's time: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return datetime.fromtimestamp(seconds, timezone.utc).astimezone(ZoneInfo(tz))


def remember(stories: list[Story], path: Path, tz: str) -> list[Story]:
    """The stories with their settled dates (see the module's doc), undated ones with a first-seen date;
    the dates are kept in `path`. `stories` are in the order found: that order settles ties between new
    stories."""
    seen = _load(path, tz)
    kept = sorted((s for s in stories if _holds(seen.get(s.id), s.date)), key=lambda s: (seen[s.id], s.id))
    taken: set[datetime] = set()
    settled = {s.id: _free(seen[s.id], taken) for s in kept}  # published before: they keep their instants
    today = now(tz)
    for story in stories:
        if story.id not in settled:
            settled[story.id] = _free(story.date or today, taken)
    seen.update(settled)
    _keep(seen, path)
    return [replace(s, date=settled[s.id], date_source=s.date_source if s.date else FIRST_SEEN) for s in stories]


def _keep(seen: dict[str, datetime], path: Path) -> None:
    try:
        write_if_changed(path, json.dumps({k: v.isoformat() for k, v in seen.items()}, sort_keys=True, indent=0)
                         + "\n")
    except OSError:
        pass  # a read-only place: the dates hold for this build only


def _holds(kept: datetime | None, stated: datetime | None) -> bool:
    """Whether a kept date still stands for a story: always when it states no date; else when it is the
    stated instant or a few seconds after it (the minute of a stated time, the day of a bare date). A
    date corrected in the dump is taken afresh."""
    if kept is None or stated is None:
        return kept is not None
    room = timedelta(days=1) if stated.time() == datetime.min.time() else timedelta(minutes=1)
    return stated <= kept < stated + room


def _free(when: datetime, taken: set[datetime]) -> datetime:
    """`when`, or the first second after it no other story of the build has; taken from then on."""
    while when in taken:
        when += SECOND
    taken.add(when)
    return when


def _load(path: Path, tz: str) -> dict[str, datetime]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    out = {}
    for key, value in data.items():
        try:
            when = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            continue  # a hand-edited line that is no date: the story is dated afresh
        out[key] = when if when.tzinfo else when.replace(tzinfo=ZoneInfo(tz))  # as kept: its zone too
    return out
