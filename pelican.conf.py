"""Pelican settings for the news digest.

`make html` passes command-line choices through the environment: DUMPS (folder of raw dumps), SITEURL
(absolute address of the published site), STRICT=1 (fail on any ingest error), JOBS, TAXONOMY, CNAME,
ALLOW_SHRINK=1 and CONTENT (full or excerpt). A value that makes no sense stops the build with one line saying so.
Every DIGEST_ setting below is documented in README.md too.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def _refuse(name, value, meaning):
    # a SystemExit: Pelican would wrap any Exception raised here in a traceback; Python prints this alone
    raise SystemExit(f"error: {name}={value!r}: {meaning}")


def _switch(name):
    """A 0/1 choice from the environment (`make html STRICT=1`); unset or empty is 0."""
    value = os.environ.get(name) or "0"
    return value == "1" if value in ("0", "1") else _refuse(name, value, "must be 1 (on) or 0 (off)")


def _jobs():
    value = os.environ.get("JOBS") or "0"
    return int(value) if value.isdigit() else _refuse("JOBS", value, "must be a number of processes, 0 for every core")


def _siteurl():
    value = os.environ.get("SITEURL", "").rstrip("/")
    if value and not value.startswith(("http://", "https://")):
        _refuse("SITEURL", value, "must be empty (a local preview) or an absolute http(s):// address")
    return value


SITENAME = "News Digest"
SITESUBTITLE = "Clean, deduplicated stories from raw news dumps"
AUTHOR = "News Digest"
SITEURL = _siteurl()
RELATIVE_URLS = not SITEURL  # local preview works from any folder; a published site uses SITEURL
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

# ---- the digest plugin ---------------------------------------------------------------------------
PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["digest"]

# The plugin's settings, DIGEST_*, all have defaults (plugins/digest/settings.py; README.md, "Settings",
# says what each means): the dumps in content/dumps, the posts and their ingest report in content/posts,
# the topics and assets of content/taxonomy.toml, the first-seen dates in content/first-seen.json, dates
# without a zone in TIMEZONE. Only what `make` passes on its command line is set here.
_from_make = {
    "DIGEST_DUMPS": os.environ.get("DUMPS") and os.path.abspath(os.environ["DUMPS"]),
    "DIGEST_TAXONOMY": os.environ.get("TAXONOMY") and os.path.abspath(os.environ["TAXONOMY"]),
    "DIGEST_STRICT": _switch("STRICT"),            # any dump that fails to ingest fails the build
    "DIGEST_JOBS": _jobs(),                         # processes for the ingest and the search index
    "DIGEST_ALLOW_SHRINK": _switch("ALLOW_SHRINK"),  # build a site with far fewer stories than the last
    "DIGEST_CONTENT": os.environ.get("CONTENT"),     # "excerpt" (the default) or "full"
    "DIGEST_CNAME": os.environ.get("CNAME"),         # a custom domain for GitHub Pages
}
globals().update({name: value for name, value in _from_make.items() if value is not None and value != ""})

# ---- content ----------------------------------------------------------------------------------------
PATH = os.path.join(HERE, "content")
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = os.path.join(HERE, "theme")
# output/ is kept between builds (making every folder and file again costs a third of a rebuild); the
# plugin removes the pages and feeds a build did not write, so a story gone from the dumps does not linger.
DELETE_OUTPUT_DIRECTORY = False

ARTICLE_URL = "stories/{slug}/"
ARTICLE_SAVE_AS = "stories/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
# Archives by month: archives/ lists the months, archives/<yyyy>/<mm>/ their stories.
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
YEAR_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"
DEFAULT_PAGINATION = 20


def newest_first(article):
    """Newest day first; on a day, dated stories before the undated ones first seen that day (an undated
    story never heads the day's news), newest first; then slug order, so every build lists them alike."""
    undated = getattr(article, "date_source", None) == "first-seen"
    return (-article.date.date().toordinal(), undated, -article.date.timestamp(), article.slug)


ARTICLE_ORDER_BY = newest_first
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# One way to browse: the digest's own topic and asset pages (/topics/<slug>/, /assets/<ticker>/, written
# by the plugin), not Pelican's tags/categories/authors.
DIRECT_TEMPLATES = ["index", "archives"]
PAGINATED_TEMPLATES = {"index": None, "topic": None, "asset": None}
TAG_SAVE_AS = TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""

# ---- feeds (written by the plugin with feedgen; Pelican's own feeds are off) ------------------------
# Atom and RSS for the site (feeds/all.atom.xml, feeds/all.rss.xml), every topic
# (feeds/topics/<slug>.*.xml) and every asset (feeds/assets/<ticker>.*.xml), plus feeds/feeds.opml.
# (DIGEST_FEED_MAX_ITEMS entries each, newest first; with SITEURL empty their links point at
# DIGEST_FEED_PLACEHOLDER, what `make serve` serves).
FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

# ---- speed ---------------------------------------------------------------------------------------------
# Pelican's content cache (cache/): a post whose file did not change is not parsed again. The ingest
# writes a post only when its text changes, so file times are a safe test. The search index is cached
# there too.
CACHE_PATH = os.path.join(HERE, "cache")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "mtime"

MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5",
}
DEFAULT_DATE_FORMAT = "%d %b %Y, %H:%M"
