"""Credit and reuse: who first published a story, and how much of it the site shows (DIGEST_CONTENT).

The stories are other publishers' articles. A private digest may show them whole ("full"); a public site
that republishes them whole, and feeds that carry them whole, take other people's work: so the default is
"excerpt", the opening EXCERPT_WORDS words (the summary, which is the lede's first sentences, and a little
more: about what link previews and news aggregators show) and a link to the original wherever the dumps
give its address. Every story names its publisher, or says that none is known: the site never takes the
credit. Plain functions over strings, used by the glue for story pages and feed entries alike.
"""
from __future__ import annotations

from html import escape

import lxml.html

FULL, EXCERPT = "full", "excerpt"
MODES = (EXCERPT, FULL)
DEFAULT_MODE = EXCERPT
EXCERPT_WORDS = 60
UNKNOWN_PUBLISHER = "Unknown publisher"  # a feed entry's author when the dumps name none (Atom needs one)


def check_mode(value) -> str:
    """DIGEST_CONTENT as given, or ValueError with the one line to show."""
    if value not in MODES:
        raise ValueError(f"DIGEST_CONTENT={value!r}: must be 'excerpt' (a public site: the opening words and a link "
                         f"to the original) or 'full' (a private digest: whole stories)")
    return value


def excerpt_html(html: str, words: int = EXCERPT_WORDS) -> str:
    """The opening `words` words of a story's HTML: whole blocks (paragraphs, headings, lists) while they
    fit, then the block that crosses the limit as a paragraph of its first words and an ellipsis."""
    if not html.strip():
        return html
    out, left = [], words
    for block in lxml.html.fragments_fromstring(html):
        if isinstance(block, str):  # text outside any element
            text, markup = block, escape(block)
        else:
            text, markup = block.text_content(), lxml.html.tostring(block, encoding="unicode", with_tail=False)
        count = len(text.split())
        if count <= left:
            out.append(markup)
            left -= count
        else:
            out.append(f"<p>{escape(' '.join(text.split()[:left]))} …</p>")
            left = 0
        if left == 0:
            break
    return "\n".join(out)


def credit_html(name: str | None, url: str | None, mode: str) -> str:
    """One paragraph naming the publisher, linked to the original when its address is known; in excerpt
    mode it says where the rest is (or that it is not here)."""
    link = (f'<a href="{escape(url)}" rel="noopener nofollow">{escape(name or url)}</a>' if url
            else escape(name) if name else "")
    if mode == EXCERPT and url:
        text = f"Read the whole story at {link}."
    elif url or name:
        text = f"Originally published by {link}{'' if url else ' (no address known)'}."
    else:
        text = "Original publisher unknown: the copy this story was made from names none."
    if mode == EXCERPT and not url:
        text = f"This is the opening of the story. {text}"
    return f'<p class="credit">{text}</p>'
