"""Every piece of HTML a reader gets from a post or a page passes here: an allow-list sanitiser (nh3), so
no script, event handler, `javascript:` URL, frame, style or embed survives, whatever a dump held; and
links that leave the site get rel="noopener nofollow" (the site vouches for none of them)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

# nh3's own allow-list (text markup, tables, images, links), plus the attributes that carry a text's
# language and direction (right-to-left stories) and classes for styling.
_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = _ATTRIBUTES.get("*", set()) | {"class", "dir", "lang", "title"}
_LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>', re.I)
EXTERNAL_REL = "noopener nofollow"


def clean_html(html: str, site_host: str | None = None) -> str:
    """Sanitised HTML; absolute links to any host but `site_host` are marked external."""
    safe = nh3.clean(html, attributes=_ATTRIBUTES, link_rel=None)

    def mark(m: re.Match) -> str:
        host = urlsplit(m.group(1)).hostname if m.group(1).lower().startswith(("http:", "https:", "//")) else None
        if host is None or host == site_host:
            return m.group(0)
        return m.group(0)[:-1] + f' rel="{EXTERNAL_REL}">'

    return _LINK.sub(mark, safe)


def sanitize_content(content) -> None:
    """content_object_init: clean a Pelican article's or page's body and its summary, as read."""
    host = urlsplit(content.settings.get("SITEURL") or "").hostname
    if getattr(content, "_content", None):
        content._content = clean_html(content._content, host)
    if getattr(content, "_summary", None):
        content._summary = clean_html(content._summary, host)
