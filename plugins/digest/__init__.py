"""Pelican plugin: before Pelican reads its articles, ingest the raw dumps into Markdown posts; after,
write the topic, asset, search and 404 pages, the feeds, the sitemaps and robots.txt, and index the story
pages for search (Pagefind). The posts are read by a faster Markdown reader (site/reader.py) and every
post's and page's HTML is sanitised as Pelican reads it (site/sanitize.py).

Three folders, in the order the data flows (ARCHITECTURE.md): ingest/ (dumps to posts; no Pelican, also
`python -m digest DUMPS POSTS`), site/ (posts to pages: the Pelican glue, site/glue.py, stays thin and
hands the work to plain modules) and publish/ (the built site to GitHub Pages). Settings: settings.py
gives every DIGEST_ setting its default (README.md documents them).
"""
from __future__ import annotations


def register() -> None:
    from pelican import signals

    from .site.glue import (browse_generator, check_settings, excerpt_story, finish_build, link_articles, note_written,
                            run_ingest, story_page_writer)
    from .site.reader import add_reader
    from .site.sanitize import sanitize_content

    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(run_ingest)
    signals.content_object_init.connect(sanitize_content)
    signals.content_object_init.connect(excerpt_story)  # either order is safe: both only remove
    signals.article_generator_finalized.connect(link_articles)
    signals.get_generators.connect(browse_generator)
    signals.content_written.connect(note_written)
    signals.feed_written.connect(note_written)
    signals.get_writer.connect(story_page_writer)
    signals.finalized.connect(finish_build)
