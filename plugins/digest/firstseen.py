"""First-seen dates: a story whose dumps state no date is dated by when the digest first saw it, and keeps
that date in every later build (a feed entry must not come back as new because a file was touched or the
site was built from a fresh clone). The dates are kept in a small JSON file, {story id: ISO date}, that
goes with the content (DIGEST_FIRST_SEEN; commit it beside your dumps)."""
from __future__ import annotations

import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from .model import Story
from .posts import write_if_changed

FILE_NAME = "first-seen.json"
FIRST_SEEN = "first-seen"          # the Date_Source of such a story
UNDATED = ("file-time", "source-date-epoch", FIRST_SEEN)


def now(tz: str) -> datetime:
    """This build's time: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return datetime.fromtimestamp(seconds, timezone.utc).astimezone(ZoneInfo(tz))


def remember(stories: list[Story], path: Path, tz: str) -> None:
    """Date every undated story by when it was first seen (now, for a story new to `path`), and keep the
    new dates in `path`. A story seen before keeps its date."""
    seen = _load(path)
    today = now(tz)
    for story in stories:
        founder = story.founder
        if founder.date_source not in UNDATED:
            continue
        when = seen.get(story.id)
        first = datetime.fromisoformat(when) if when else today
        seen.setdefault(story.id, first.isoformat())
        founder.date, founder.date_source = first, FIRST_SEEN
    try:
        write_if_changed(path, json.dumps(seen, sort_keys=True, indent=0) + "\n")
    except OSError:
        pass  # a read-only place: the dates hold for this build only


def _load(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
