"""One module per dump format, each behind the same small interface:

    NAME: str                                   how the report names the format
    sniff(dump) -> float                        confidence in [0, 1] that the dump is in this format
    parse(dump, tz) -> ParseResult              the dump's articles and every line left out

Detection (detect.py) asks every format and takes the most confident; `page_copy` (one article inside a
page's furniture, read by the line model) is the fallback that still yields a post from anything else.
The order below only breaks ties.
"""
from . import (captioned, chat_html, chat_lines, creator_page, email_message, feed_xml, headed_article, html_page, json_items,
               markdown_notes, news_list, page_copy, plain_article, separated, table_rows, thread, web_clipping)

FORMATS = [feed_xml, json_items, email_message, chat_html, chat_lines, html_page, web_clipping, table_rows, news_list,
           creator_page, captioned, markdown_notes, thread, separated, headed_article, plain_article]
FALLBACK = page_copy
# Formats whose lines may be of any length (minified markup and data); the others are line-based text.
MARKUP_FORMATS = (feed_xml, json_items, email_message, chat_html, html_page, table_rows)

__all__ = ["FORMATS", "FALLBACK", "MARKUP_FORMATS"]
