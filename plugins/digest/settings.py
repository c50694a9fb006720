"""The plugin's settings: every DIGEST_* with its default, given to Pelican's settings at start-up, so that
a site whose settings name none still builds (dumps from <PATH>/dumps, posts into <PATH>/posts, topics
and assets from <PATH>/taxonomy.toml when there is one, else the plugin's own, ingest/tagging/taxonomy.toml). What each means is in README.md ("Settings"). A DIGEST_ name the plugin does
not know (a typo would otherwise be ignored without a word) or a value of the wrong kind stops the build,
every problem in one line.
"""
from __future__ import annotations

import os
from pathlib import Path

from .ingest.tagging.taxonomy import DEFAULT_TAXONOMY
from .site.credit import DEFAULT_MODE, check_mode

# The templates the plugin renders itself (site/glue.py): the project's theme/ has them; another theme must.
TEMPLATES = ("topics", "assets", "topic", "asset", "feeds", "search", "404")


def defaults(settings: dict) -> dict:
    """Every DIGEST_ setting's default; the folders and files lie in the site's content folder (PATH)."""
    content = settings.get("PATH") or os.curdir
    return {
        "DIGEST_DUMPS": os.path.join(content, "dumps"),
        "DIGEST_POSTS": os.path.join(content, "posts"),
        "DIGEST_TAXONOMY": site_taxonomy if os.path.isfile(site_taxonomy := os.path.join(content, "taxonomy.toml"))
        else str(DEFAULT_TAXONOMY),
        "DIGEST_FIRST_SEEN": os.path.join(content, "first-seen.json"),
        "DIGEST_TIMEZONE": settings.get("TIMEZONE") or "UTC",
        "DIGEST_STRICT": False,
        "DIGEST_JOBS": 0,
        "DIGEST_ALLOW_SHRINK": False,
        "DIGEST_CONTENT": DEFAULT_MODE,
        "DIGEST_FEED_MAX_ITEMS": 50,
        "DIGEST_FEED_PLACEHOLDER": "http://localhost:8000",
        "DIGEST_CNAME": "",
        "DIGEST_SEARCH": True,
    }


def _path(value) -> str | None:
    return None if isinstance(value, (str, os.PathLike)) and str(value) else "must be a file or folder name"


def _optional_path(value) -> str | None:
    return None if value is None or isinstance(value, (str, os.PathLike)) else "must be a file name, or None"


def _switch(value) -> str | None:
    return None if isinstance(value, bool) else "must be True or False"


def _count(least: int):
    def check(value) -> str | None:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= least
        return None if ok else f"must be a whole number, at least {least}"
    return check


def _text(value) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def _zone(value) -> str | None:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(value)
    except Exception:  # not a string, or no zone of the tz database
        return "must be a time zone name such as 'UTC' or 'Europe/Berlin'"
    return None


def _content(value) -> str | None:
    try:
        check_mode(value)
    except ValueError as e:
        return str(e).split(": ", 1)[1]  # the reason, after the name and value
    return None


CHECKS = {
    "DIGEST_DUMPS": _path, "DIGEST_POSTS": _path, "DIGEST_TAXONOMY": _path, "DIGEST_FIRST_SEEN": _optional_path,
    "DIGEST_TIMEZONE": _zone, "DIGEST_STRICT": _switch, "DIGEST_JOBS": _count(0), "DIGEST_ALLOW_SHRINK": _switch,
    "DIGEST_CONTENT": _content, "DIGEST_FEED_MAX_ITEMS": _count(1), "DIGEST_FEED_PLACEHOLDER": _text,
    "DIGEST_CNAME": _text, "DIGEST_SEARCH": _switch,
}


def with_defaults(settings: dict) -> dict:
    """`settings` (changed in place, and returned) with a default for every DIGEST_ setting it lacks, and
    the plugin's topic and asset pages paginated as the home page is (their templates expect it)."""
    for name, value in defaults(settings).items():
        settings.setdefault(name, value)
    paginated = settings.setdefault("PAGINATED_TEMPLATES", {})
    for name in ("topic", "asset"):
        paginated.setdefault(name, None)
    return settings


def problems(settings: dict) -> list[str]:
    """What is wrong with the DIGEST_ settings (after with_defaults) and the theme, one phrase each."""
    found = [f"{name} is no setting of the digest plugin (its settings: README.md, digest/settings.py)"
             for name in sorted(settings) if name.startswith("DIGEST_") and name not in CHECKS]
    for name, check in CHECKS.items():
        if reason := check(settings[name]):
            found.append(f"{name}={settings[name]!r}: {reason}")
    if missing := missing_templates(settings):
        found.append(f"THEME {settings.get('THEME')} lacks the templates {', '.join(missing)} the digest plugin "
                     f"renders (use the project's theme/, or add them: ARCHITECTURE.md)")
    return found


def missing_templates(settings: dict) -> list[str]:
    folders = [Path(settings.get("THEME") or "") / "templates", *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES", []))]
    return [f"{name}.html" for name in TEMPLATES if not any((f / f"{name}.html").is_file() for f in folders)]
