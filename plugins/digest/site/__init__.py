"""Posts to pages: the Pelican side (see ARCHITECTURE.md). glue.py connects Pelican's signals to plain
modules: reader.py and sanitize.py (reading posts), browse.py, feeds.py, credit.py, seo.py (the topic and
asset pages, feeds, credit lines, search-engine tags and sitemaps), search.py (the Pagefind index),
pagecache.py and prune.py (rebuilding only what changed); sitecheck.py checks a build and serve.py
serves it (`python -m digest.site.serve`). The templates these pages need are the project's theme/.
"""
