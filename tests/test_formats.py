"""One test group per dump format, with dumps written here (never seed text), awkward ones included:
CRLF line ends, a byte-order mark, trailing blank lines, a title repeated in the body."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, read_post
from markdown import Markdown
from pelican.settings import read_settings

from digest.ingest.detect import detect
from digest.ingest.dumps import read_dump
from digest.ingest.htmltext import html_blocks
from digest.ingest.pipeline import ingest

BODY_A = ("Port operators reported record container volumes in February as shipping lines returned to the "
          "main canal route. Freight rates fell for the fourth week in a row. Analysts expect volumes to stay "
          "high until the summer, when new vessels enter service.")
BODY_B = ("A regional power grid operator warned that demand from new data centers could outstrip supply by "
          "2028 unless new transmission lines are approved. The operator asked regulators to speed up reviews.")


def ingest_one(dumps, name: str, content: str | bytes, tz: str = "UTC"):
    """Ingest a single dump; return its posts as (meta, body) sorted by title, and its report."""
    folder = dumps(name, content)
    posts = folder.parent / "posts"
    result = ingest(folder, posts, tz)
    found = sorted((read_post(p) for p in posts.glob("*.md")), key=lambda mb: mb[0]["Title"])
    report = next(r for r in result.reports if r.dump == name)
    return found, report


def fmt(folder: Path, name: str) -> str:
    module, _ = detect(read_dump(folder / name, folder))
    return module.NAME


# ---------------------------------------------------------------- news-list


def news_list(newline: str = "\n", bom: bool = False) -> bytes:
    lines = ["Top stories", "3 Mar 2026, 14:05", "Ports report record volumes as canal route reopens", "",
             BODY_A + " Subscribe to our newsletter for daily shipping insights. It's free.",
             "3 Mar 2026, 13:20", "Grid operator warns data centers could outstrip power supply", "", BODY_B, "", "", ""]
    data = newline.join(lines).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def test_news_list_with_crlf_bom_and_trailing_blanks(dumps):
    posts, report = ingest_one(dumps, "feed.txt", news_list("\r\n", bom=True), tz="Europe/Paris")
    assert report.format == "news-list"
    assert [m["Title"] for m, _ in posts] == ["Grid operator warns data centers could outstrip power supply",
                                             "Ports report record volumes as canal route reopens"]
    ports = posts[1]
    assert ports[0]["Date"] == "2026-03-03T14:05:00+01:00" and ports[0]["Date_Source"] == "dump"
    assert ports[1].startswith("Port operators reported record container volumes")
    assert "newsletter" not in ports[1] and "It's free" not in ports[1]
    assert ports[1].rstrip().endswith("when new vessels enter service.")
    assert "Top stories" not in "".join(b for _, b in posts)
    assert report.lines["chrome"] == 1 and report.lines["unaccounted"] == 0
    assert report.partial == {"boilerplate": 1}  # the call to action shared a line with the story


def test_news_list_is_detected_from_content_not_name(dumps):
    folder = dumps("looks-like-a-page.html", news_list())
    assert fmt(folder, "looks-like-a-page.html") == "news-list"


# ---------------------------------------------------------------- headed-article


def test_headed_article_title_repeated_in_body(dumps):
    text = (" date 2026-02-14 ✅Ports report record volumes as canal route reopens⚡\n\n"
            "Ports report record volumes as canal route reopens\n\n" + BODY_A + "\n\n" + BODY_B + "\n\n\n")
    posts, report = ingest_one(dumps, "note.txt", text)
    assert report.format == "headed-article"
    (meta, body), = posts
    assert meta["Title"] == "Ports report record volumes as canal route reopens"
    assert meta["Date"] == "2026-02-14T00:00:00+00:00" and meta["Date_Source"] == "dump"
    assert body.startswith("Port operators reported")  # the repeated title is gone
    assert report.lines["duplicate"] == 1


# ---------------------------------------------------------------- creator-page


def creator_page() -> str:
    paragraphs = ["Lenders on a popular borrowing protocol voted to cap loans backed by volatile tokens after "
                  "a week of sharp price swings, according to the final tally published on March 1, 2026.",
                  "Risk limits tightened",
                  "The new rules cut the maximum loan for the riskiest collateral from 70% to 45% of its value. "
                  "Existing loans are not affected until they are renewed.",
                  "Caps take effect next week. Thanks to everyone who voted.",
                  "— Protocol Governance (@protocolgov) March 1, 2026",
                  "Chart of the vote by wallet size. Source: Governance Forum.",
                  "Traders said the change would reduce the risk of cascading liquidations.",
                  "Want alpha before everyone else? Join our free trading community today."]
    title = "Lending protocol caps loans backed by volatile tokens"
    lines = ["Social Square", "", "DeFi Daily", "", "Creator ✓", "12K+ ผู้ติดตาม", "โพสต์", "--",
             "Welcome to DeFi Daily, we explain decentralized finance every morning.",
             "Welcome to DeFi Daily, we explain decentralized finance every morning.", "",
             title + " ".join(paragraphs), "", title, ""]
    for p in paragraphs:
        lines += [p, ""]
    lines += ["เข้าสู่ระบบเพื่อสำรวจเนื้อหาเพิ่มเติม", "แผนผังเว็บไซต์"]
    return "\n".join(lines) + "\n"


def test_creator_page(dumps):
    posts, report = ingest_one(dumps, "square.txt", creator_page())
    assert report.format == "page-copy"  # one post on the page: read as any page with one article
    (meta, body), = posts  # the pinned blurb is not an article
    assert meta["Title"] == "Lending protocol caps loans backed by volatile tokens"
    assert "Source_Name" not in meta  # a page copy names its publisher only by a copyright line
    assert body.startswith("Lenders on a popular borrowing protocol voted")
    assert "## Risk limits tightened" in body
    assert "> Caps take effect next week." in body and "> — Protocol Governance (@protocolgov)" in body
    assert "Source: Governance Forum" not in body  # caption without its chart
    assert "Join our" not in body and "Want alpha" not in body
    assert "ผู้ติดตาม" not in body and "แผนผัง" not in body
    assert body.rstrip().endswith("cascading liquidations.")
    assert body.count("Lenders on a popular") == 1  # the preview line is not kept
    assert meta["Date"].startswith("2026-03-01") and meta["Date_Source"] == "text"
    assert report.lines["unaccounted"] == 0 and report.lines["duplicate"] == 2  # the preview, the blurb again


# ---------------------------------------------------------------- captioned-articles


def captioned() -> str:
    out = []
    for title, caption, body in [("Ports Report Record Volumes", "Cranes unload containers at a port. (AFP)", BODY_A),
                                 ("Grid Operator Sounds Alarm", " Power lines at dusk. (Reuters)", BODY_B)]:
        out += [title, "", caption, caption.strip(), "TT", "", title, "", caption, caption.strip(), "",
                body, "", "Second paragraph of the story about " + title.lower() + ", with more detail.", "", "", ""]
    return "\n".join(out)


def test_captioned_articles(dumps):
    posts, report = ingest_one(dumps, "edition.txt", captioned())
    assert report.format == "captioned-articles"
    assert [m["Title"] for m, _ in posts] == ["Grid Operator Sounds Alarm", "Ports Report Record Volumes"]
    for _, body in posts:
        assert "(AFP)" not in body and "(Reuters)" not in body and "TT" not in body
    assert posts[1][1].startswith("Port operators reported")
    assert report.lines["caption"] == 2 and report.lines["chrome"] == 2 and report.lines["unaccounted"] == 0


def test_an_articles_gallery_is_not_a_list_of_captioned_stories(dumps):
    """A picture's caption copied twice with its credit between ("Foto: ..."), as a gallery's lightbox
    gives it, inside one article: one post, not a story per picture."""
    pictures = [("Cranes unload containers at the northern quay", "Foto: Ana Lima, Hafenbild",
                 [BODY_A, "Second paragraph of the story, with more detail on the port's volumes and its ships."]),
                ("Power lines at dusk near the container port", "Foto: Jan Roe, Stadtkurier",
                 [BODY_B, "A third paragraph, with what the grid operator told the port's largest customers."]),
                ("Dock workers leave the terminal after their shift", "Foto: Eva Berg, Hafenbild",
                 ["The union said the overtime rules would be discussed again at the next meeting in March.",
                  "Closing paragraph of the story, with what the port authority plans for the next year."])]
    lines = ["Hafenbericht", "", "Ports Report Record Volumes", ""]
    for caption, credit, paragraphs in pictures:
        lines += [caption, "", credit, "", caption, "", credit, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    posts, report = ingest_one(dumps, "gallery.txt", "\n".join(lines))
    assert report.format != "captioned-articles" and len(posts) == 1, report


# ---------------------------------------------------------------- plain-article


def test_plain_article_without_title_or_date(dumps):
    text = ("In a quiet week for markets, a regional power grid operator warned that demand from new data "
            "centers could outstrip supply within three years.\n"
            "The operator asked regulators to approve new transmission lines faster than in the past decade.\n"
            "Why Transmission Is the Bottleneck\n"
            "New lines take up to ten years to plan and build, while a data center can be finished in two.\n"
            "Utilities have proposed sharing the cost of new lines with the largest new customers of the grid.\n")
    posts, report = ingest_one(dumps, "clip.txt", text)
    assert report.format == "plain-article"
    (meta, body), = posts
    assert meta["Title"].startswith("A regional power grid operator warned")
    assert meta["Title_Source"] == "derived"
    assert meta["Date_Source"] == "first-seen"
    assert "## Why Transmission Is the Bottleneck" in body


# ---------------------------------------------------------------- html-page

PAGE = """<!doctype html><html><head><title>Ports report record volumes | Harbour Times</title>
<meta property="og:title" content="Ports report record volumes">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-03-03T09:30:00-05:00">
<link rel="canonical" href="https://harbour.example/ports-record">
<script>track("view")</script></head>
<body><nav><a href="/">Home</a><a href="/shipping">Shipping</a><a href="/energy">Energy</a></nav>
<article><h1>Ports report record volumes</h1>
<p>Port operators reported record container volumes in February as shipping lines returned to the main
canal route, the port authority said on Monday.</p>
<p>Freight rates fell for the fourth week in a row, according to an index of spot prices published by a
shipping consultancy, while waiting times for berths dropped to their lowest level in two years.</p>
<h2>Outlook</h2>
<p>Analysts expect volumes to stay high until the summer, when a wave of new vessels enters service and
adds capacity to the busiest routes between Asia and Europe.</p>
<p>Sign up for our free shipping newsletter to get stories like this in your inbox.</p>
</article>
<footer><p>Copyright 2026 Harbour Times</p><a href="/privacy">Privacy</a></footer></body></html>"""


def test_html_page(dumps):
    posts, report = ingest_one(dumps, "page.html", PAGE)
    assert report.format == "html-page" and report.unit == "text line"
    (meta, body), = posts
    assert meta["Title"] == "Ports report record volumes"
    assert meta["Date"] == "2026-03-03T09:30:00-05:00" and meta["Date_Source"] == "page"
    assert meta["Source_Url"] == "https://harbour.example/ports-record"
    assert meta["Source_Name"] == "Harbour Times"
    assert body.startswith("Port operators reported record container volumes")
    assert "## Outlook" in body
    for chrome in ("Shipping", "Copyright", "Privacy", "newsletter", "track("):
        assert chrome not in body
    assert report.lines["unaccounted"] == 0


# ---------------------------------------------------------------- the fallback: a page copy


def test_page_copy_fallback_still_yields_posts_and_says_so(dumps):
    text = "notes\n\n\nshort line one\nshort line two\n\n\nanother fragment here\n"
    posts, report = ingest_one(dumps, "odd.txt", text)
    assert report.format == "page-copy" and report.guess
    assert posts, "the fallback never drops a dump silently"
    data = json.loads((dumps.folder.parent / "posts" / "ingest-report.json").read_text())
    assert data["reports"][0]["format"] == "page-copy"


# ---------------------------------------------------------------- feeds and exports

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Times</title><link>https://harbour.example/</link>
<item><title>Ports report record volumes</title><link>https://harbour.example/ports</link>
<pubDate>Tue, 03 Mar 2026 09:30:00 -0500</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>Port operators reported record container volumes in February.</p>
<h2>Outlook</h2><p>Analysts expect volumes to stay high until the summer.</p>
<script>alert("x")</script><p>Continue reading on Harbour Times</p>]]></content:encoded></item>
<item><title>Grid operator sounds alarm</title><link>https://harbour.example/grid</link>
<pubDate>Mon, 02 Mar 2026 18:00:00 GMT</pubDate>
<description>&lt;p&gt;A grid operator warned that data centers could outstrip supply by 2028.&lt;/p&gt;</description></item>
<item><title>Headline without text</title><link>https://harbour.example/empty</link></item>
</channel></rss>"""


def test_rss_feed(dumps):
    posts, report = ingest_one(dumps, "saved-feed.xml", RSS)
    assert report.format == "rss-atom-feed" and report.unit == "text block"
    assert [m["Title"] for m, _ in posts] == ["Grid operator sounds alarm", "Ports report record volumes"]
    ports_meta, ports = posts[1]
    assert ports_meta["Date"] == "2026-03-03T09:30:00-05:00"
    assert ports_meta["Source_Url"] == "https://harbour.example/ports" and ports_meta["Source_Name"] == "Harbour Times"
    assert ports.startswith("Port operators reported") and "## Outlook" in ports
    assert "alert" not in ports and "Continue reading" not in ports
    assert posts[0][1].startswith("A grid operator warned")
    assert report.warnings == ["1 of 3 entries had no text and made no post"]
    assert report.lines["unaccounted"] == 0


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Chain Notes</title><id>urn:x</id><updated>2026-03-01T00:00:00Z</updated>
<entry><title>Validators vote on fee change</title><id>urn:1</id><link href="https://chain.example/1"/>
<published>2026-03-01T08:00:00+09:00</published><updated>2026-03-01T08:00:00+09:00</updated>
<content type="html">&lt;p&gt;Validators approved a lower base fee after a week of debate among node operators.&lt;/p&gt;</content>
</entry></feed>"""


def test_atom_feed(dumps):
    posts, report = ingest_one(dumps, "notes.atom", ATOM)
    assert report.format == "rss-atom-feed"
    (meta, body), = posts
    assert meta["Date"] == "2026-03-01T08:00:00+09:00" and meta["Source_Name"] == "Chain Notes"
    assert body.startswith("Validators approved a lower base fee")


def test_json_feed(dumps):
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Chain Notes", "items": [
        {"id": "1", "url": "https://chain.example/1", "title": "Validators vote on fee change",
         "content_html": "<p>Validators approved a lower base fee after a week of debate.</p>",
         "date_published": "2026-03-01T08:00:00+09:00"}]})
    posts, report = ingest_one(dumps, "feed.json", json_feed)
    assert report.format == "json-items"
    (meta, body), = posts
    assert meta["Source_Name"] == "Chain Notes" and meta["Date"] == "2026-03-01T08:00:00+09:00"


def test_feed_reader_json_export(dumps):
    reader = json.dumps({"items": [{"title": "Lenders tighten rules", "published": 1772352000,
                                    "canonical": [{"href": "https://lend.example/a"}],
                                    "summary": {"content": "<p>Lenders tightened collateral rules on Sunday.</p>"},
                                    "origin": {"streamId": "feed/x", "title": "Lend Daily"}}]})
    posts, report = ingest_one(dumps, "export.json", reader)
    (meta, body), = posts
    assert meta["Source_Name"] == "Lend Daily" and meta["Source_Url"] == "https://lend.example/a"
    assert meta["Date"] == "2026-03-01T08:00:00+00:00" and body.startswith("Lenders tightened")


def test_json_lines(dumps):
    lines = "\n".join(json.dumps({"title": f"Story {i} about markets", "text": f"Paragraph one of story {i}.\n\n"
                                  f"Paragraph two of story {i}.", "date": f"2026-02-0{i}T10:00:00Z"})
                      for i in (1, 2))
    posts, report = ingest_one(dumps, "items.jsonl", lines + "\n")
    assert report.format == "json-items" and len(posts) == 2
    assert posts[0][1] == "Paragraph one of story 1.\n\nParagraph two of story 1.\n"


EML = """From: Morning Brief <news@brief.example>
To: reader@example.org
Subject: Chipmakers raise spending as AI orders hold
Date: Mon, 02 Mar 2026 06:30:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Chipmakers raised their spending plans for the year, betting that orders for AI chips will last.

--b1
Content-Type: text/html; charset=utf-8

<html><body><table><tr><td><a href="#">View this email in your browser</a></td></tr>
<tr><td><h1>Chipmakers raise spending as AI orders hold</h1>
<p>Chipmakers raised their spending plans for the year, betting that orders for chips used in artificial
intelligence data centers will outlast worries about a downturn in phones and personal computers.</p>
<p>Two memory makers said their high-bandwidth memory was sold out through December, and a foundry said it
would open a new packaging plant months ahead of schedule to keep up with demand from cloud companies.</p>
<p>You are receiving this email because you subscribed to Morning Brief. Unsubscribe here.</p>
</td></tr></table></body></html>
--b1--
"""


def test_email_newsletter(dumps):
    posts, report = ingest_one(dumps, "brief.eml", EML)
    assert report.format == "email"
    (meta, body), = posts
    assert meta["Title"] == "Chipmakers raise spending as AI orders hold"
    assert meta["Date"] == "2026-03-02T06:30:00+00:00" and meta["Source_Name"] == "Morning Brief"
    assert body.startswith("Chipmakers raised their spending plans")
    assert "Unsubscribe" not in body and "browser" not in body


def test_an_email_saved_with_its_folded_transport_headers_is_an_email(dumps):
    """Received and DKIM-Signature fields folded over several lines stand above From, To and Subject."""
    folded = ("Return-Path: <bounces@send.example>\n"
              "Received: from send.example (send.example [192.0.2.7])\n by mx.example with ESMTPS id 7Hq2; "
              "Mon, 2 Mar 2026 06:30:05 +0000\n"
              "DKIM-Signature: v=1; a=rsa-sha256; d=example; s=s1;\n h=from:to:subject:date;\n b=kT0v2sQk3m9W\n")
    posts, report = ingest_one(dumps, "brief.eml", folded + EML)
    assert report.format == "email", report
    (meta, body), = posts
    assert meta["Title"] == "Chipmakers raise spending as AI orders hold" and "DKIM" not in body


def test_news_list_with_titles_above_their_dates_and_paragraphs(dumps):
    text = ("Markets\n\nPorts report record volumes as canal route reopens\nMar 3, 2026 2:05 PM\n\n"
            + BODY_A + "\n\nRead more: Shipping rates fall again\n\n"
            "Grid operator warns data centers could outstrip power supply\nMar 3, 2026 1:20 PM\n\n"
            + BODY_B + "\n\nA second paragraph about the grid and its new transmission lines.\n")
    posts, report = ingest_one(dumps, "feed.txt", text)
    assert report.format == "news-list"
    grid, ports = (body for _, body in posts)
    assert posts[1][0]["Date"] == "2026-03-03T14:05:00+00:00"
    assert ports.startswith("Port operators") and "Read more" not in ports
    assert grid.rstrip().endswith("its new transmission lines.") and "Ports report" not in grid
    assert report.lines["unaccounted"] == 0


def test_news_list_dated_by_ages_counts_them_back_from_the_pages_date(dumps):
    """A list page whose stories show their age under a section's label ("MARKETS · 2 hours ago",
    "Yesterday"), the page's day in its header: each story is dated on its day (no invented time), the
    sponsored teaser and the trending list are no stories."""
    def item(label: str, title: str, body: str) -> list[str]:
        return [label, title, body, "By A. Writer · 3 min read", ""]
    lines = ["The Daily Ledger", "Markets", "Tech", "Sign in", "", "Latest News",
             "Thursday, April 16, 2026 · Updated 11:20 ET", "",
             *item("MARKETS · 2 hours ago", "Ports report record volumes as canal route reopens", BODY_A),
             "Sponsored · Evergrove", "The portfolio retirees are quietly switching to", "Learn more", "",
             *item("ENERGY · Yesterday", "Grid operator warns data centers could outstrip power supply", BODY_B),
             "Trending", "1", "Ports report record volumes as canal route reopens", "", "© 2026 The Daily Ledger"]
    posts, report = ingest_one(dumps, "latest.txt", "\n".join(lines))
    assert report.format == "news-list" and len(posts) == 2, report
    (grid, grid_body), (ports, ports_body) = posts
    assert ports["Date"].startswith("2026-04-16T00:00") and grid["Date"].startswith("2026-04-15T00:00")
    assert ports_body.strip() == BODY_A and grid_body.strip() == BODY_B


@pytest.mark.parametrize("age, day", [("2 hours ago", "2026-04-16T09:20"), ("Yesterday", "2026-04-15T00:00"),
                                      ("vor 3 Stunden", "2026-04-16T08:20"), ("il y a 2 jours", "2026-04-14T00:00"),
                                      ("3 時間前", "2026-04-16T08:20"), ("Вчера", "2026-04-15T00:00")])
def test_an_age_in_any_language_counts_back_from_the_pages_date(age, day):
    from datetime import datetime, timezone

    from digest.ingest.dates import age_date
    assert age_date(age, datetime(2026, 4, 16, 11, 20, tzinfo=timezone.utc)).isoformat()[:16] == day


@pytest.mark.parametrize("text", ["3 min read", "May", "Monday", "Markets", "12 likes", "Sign in"])
def test_a_count_a_month_or_a_word_is_no_age(text):
    from datetime import datetime, timezone

    from digest.ingest.dates import age_date
    assert age_date(text, datetime(2026, 4, 16, 11, 20, tzinfo=timezone.utc)) is None


def test_creator_page_with_latin_ui_and_reactions_after_posts(dumps):
    def post(title, paras):
        return [title + " ".join(paras), "", title, ""] + [x for p in paras for x in (p, "")] + \
               ["12 likes", "3 comments", "Share this post with your followers on the platform", ""]
    lines = ["Creator Hub", "", "Morning Chain", "Followers 12K", ""]
    lines += post("Validators approve lower fees on the main network",
                  ["Validators approved a lower base fee on Tuesday after a week of debate among node operators.",
                   "The change takes effect at the next epoch and cuts fees for most transfers by about a third."])
    lines += post("Lenders tighten collateral rules after price swings",
                  ["Lenders on a large borrowing protocol tightened collateral rules after sharp price swings.",
                   "Loans backed by the most volatile tokens now need more collateral than before."])
    lines += ["Log in to explore more content", "Sitemap", "Cookie preferences", "Terms of use"]
    posts, report = ingest_one(dumps, "hub.txt", "\n".join(lines) + "\n")
    assert report.format == "creator-page" and len(posts) == 2
    for _, body in posts:
        assert "likes" not in body and "Share this post" not in body and "Log in" not in body
    assert posts[1][1].rstrip().endswith("by about a third.")
    assert report.lines["unaccounted"] == 0


def test_creator_page_short_untitled_posts_and_cut_previews(dumps):
    short = ["$SOL broke above its range high this morning on rising volume across the large exchanges.",
             "Watching the retest before adding to the position.", "#Solana #Crypto $SOL"]
    long_post = ["Stablecoin supply grew for the ninth week in a row, according to on-chain data compiled by analysts.",
                 "Most of the growth came from dollar tokens issued on two networks, while euro tokens stayed flat.",
                 "Disclaimer: Includes third-party opinions. No financial advice. See terms and conditions."]
    title = "Stablecoin supply keeps climbing"
    lines = ["Square", "", "Chart Notes", "", "Posts", "",
             " ".join(short), "", *[x for p in short for x in (p, "")],
             title + long_post[0][:60] + "… See more", "", title, "", *[x for p in long_post for x in (p, "")]]
    posts, report = ingest_one(dumps, "notes.txt", "\n".join(lines) + "\n")
    assert report.format == "creator-page" and len(posts) == 2
    by_title = {m["Title"]: (m, b) for m, b in posts}
    meta, body = by_title[title]
    assert body.startswith("Stablecoin supply grew") and "Disclaimer" not in body
    (meta, body), = [v for k, v in by_title.items() if k != title]
    assert meta["Title_Source"] == "derived" and body.startswith("$SOL broke above")
    assert "#Solana" not in body


def test_an_email_newsletter_links_its_web_copy(dumps):
    """The newsletter's copy on the web is the story's original: its "view in browser" link, or its
    Archived-At header (RFC 5064) first; an in-page "#" is no address."""
    web = EML.replace('<a href="#">View this email', '<a href="https://brief.example/2026/03/02">View this email')
    archived = EML.replace("\nSubject:", "\nArchived-At: <https://lists.example/brief/42>\nSubject:", 1)
    assert web != EML and archived != EML
    for message, url in ((EML, None), (web, "https://brief.example/2026/03/02"),
                         (archived, "https://lists.example/brief/42")):
        (meta, _), = ingest_one(dumps, "brief.eml", message)[0]
        assert meta.get("Source_Url") == url and meta["Source_Name"] == "Morning Brief"


# ---------------------------------------------------------------- numbered lists keep their numbers

STEPS = ("Repair crews in the valley set out a plan for the weeks after the flood, the county said on Monday.\n"
         "\n"
         "1. Pump the water out of the basements of the old town before the next rain arrives.\n"
         "2. Dry the walls with fans and heaters for at least ten days before any painting starts.\n"
         "7) Replace the wiring of every flooded room, as the fire service asked for last year.\n"
         "- Keep the receipts for the insurers.\n"
         "\n"
         "The county expects the work to take most of the summer and to cost about four million euros.\n")


def test_a_numbered_list_keeps_the_pages_numbers_in_the_post_and_its_html(dumps):
    """A number before a list item is the page's text (a ranked list, the steps of a plan): the post keeps
    it as written, gaps and "7)" included; a bullet is markup, drawn by the post's own list."""
    posts, report = ingest_one(dumps, "plan.txt", STEPS)
    (meta, body), = posts
    assert "- 1\\. Pump the water out" in body and "- 2\\. Dry the walls" in body
    assert "- 7\\) Replace the wiring" in body and "- Keep the receipts" in body
    html = Markdown(**read_settings(str(ROOT / "pelican.conf.py"))["MARKDOWN"]).convert(body)
    assert "<li>1. Pump the water out" in html and "<li>7) Replace the wiring" in html
    assert "<li>Keep the receipts for the insurers.</li>" in html


def test_an_html_ordered_list_keeps_the_numbers_a_browser_shows():
    html = ('<p>The jury named its choices.</p><ol><li>The harbour film</li><li>The mountain film</li></ol>'
            '<ol start="4"><li>Fourth</li><li value="9">Ninth<ul><li>a note</li></ul></li><li>Tenth</li></ol>'
            '<ol reversed><li>Two</li><li>One</li></ol><ul><li>No number</li></ul>')
    intro, items = html_blocks(html)
    assert intro.text == "The jury named its choices." and items.kind == "list"
    assert items.text.split("\n") == ["1. The harbour film", "2. The mountain film", "4. Fourth", "9. Ninth",
                                         "a note", "10. Tenth", "2. Two", "1. One", "No number"]


def test_an_html_page_ordered_list_keeps_its_numbers(dumps):
    page = PAGE.replace("<h2>Outlook</h2>", "<h2>Outlook</h2><p>The authority named three reasons for the "
                        "record in its monthly report to the harbour board on Monday:</p><ol>"
                        "<li>Shipping lines returned to the canal route after months of detours.</li>"
                        "<li>Two new cranes doubled the speed of unloading at the eastern terminal.</li>"
                        "<li>Rail links to the inland depots reopened after the winter repairs.</li></ol>")
    posts, report = ingest_one(dumps, "page.html", page)
    (meta, body), = posts
    assert "- 1\\. Shipping lines returned" in body and "- 3\\. Rail links" in body


@pytest.mark.parametrize("title", ["Ports report record volumes | Harbour Times", "Harbour Times - Ports report record volumes",
                                   "Ports report record volumes :: Harbour Times"])
def test_a_saved_pages_title_leaves_out_the_site_name_its_metadata_adds(dumps, title):
    """og:title with the site's name (og:site_name) added, as many pages write it: the headline alone."""
    page = PAGE.replace('content="Ports report record volumes"', f'content="{title}"')
    page = page.replace("<title>Ports report record volumes | Harbour Times</title>", f"<title>{title}</title>")
    posts, _ = ingest_one(dumps, "page.html", page)
    assert posts[0][0]["Title"] == "Ports report record volumes"


def test_a_saved_pages_headline_is_the_one_it_shows_when_og_title_shortens_it(dumps):
    """A social title ("og:title") cut short of the page's own headline: the post's title is the headline
    shown, which then leaves the body; the standfirst set as a heading under it (the page's description)
    is the post's deck, not its first paragraph."""
    deck = "Operators expect the busiest spring since the canal reopened, and berths are already booked."
    page = (PAGE.replace("<h1>Ports report record volumes</h1>",
                         f"<p>SHIPPING</p><h1>Ports report record volumes: berths booked until May</h1><h2>{deck}</h2>")
            .replace('<meta property="og:site_name"', f'<meta name="description" content="{deck}"><meta property="og:site_name"'))
    (meta, body), = ingest_one(dumps, "page.html", page)[0]
    assert meta["Title"] == "Ports report record volumes: berths booked until May"
    assert meta["Deck"] == deck and deck not in body
    assert body.startswith("Port operators reported record container volumes"), body
