"""Dumps to posts: a folder of raw dumps becomes one Markdown post per story (see ARCHITECTURE.md).

The stages, in the order a dump meets them: dumps.py (read and decode) -> detect.py and formats/ (which
format, and its articles; lines/ reads page copies) -> clean.py, titles.py, dates.py, language.py (the
articles' text) -> dedup.py (one story per event) -> tagging/ (topics and assets) -> related.py,
firstseen.py -> posts.py (the Markdown) and report.py (ingest-report.json). pipeline.py runs them (with
cache.py and workers.py); cli.py is `python -m digest`. Nothing here imports Pelican.
"""
