"""The cleaning rules, one by one: what they must remove, and journalism they must leave alone."""
from __future__ import annotations

from dataclasses import replace

import pytest

from digest.ingest import clean as C
from digest.ingest.model import BOILERPLATE, CAPTION, DUPLICATE, Article, Block

STORY = ("The regulator fined the exchange $4 million for failing to monitor suspicious transfers. "
         "The exchange said it had already upgraded its compliance systems and would not appeal.")


def article(*paragraphs: str, title: str | None = "Regulator fines exchange over transfers") -> Article:
    blocks = [Block("p", text, (n,)) for n, text in enumerate(paragraphs, 1)]
    return Article(dump="d.txt", blocks=blocks, title=title)


def cleaned(a: Article, repeated: set[str] = frozenset()) -> tuple[str, list]:
    out, drops = C.clean(a, set(repeated))
    return "\n\n".join(b.text for b in out.blocks), drops


@pytest.mark.parametrize("pitch", [
    "Get the market calls that matter - try our premium research free for 30 days.",
    "Don't miss a story. Subscribe to our newsletter. It's free.",
    "If you're reading this, you're early. Stay early with our newsletter.",
    "Want your brand in front of 2 million readers? Advertise with us in our next special report.",
    "Thousands of traders already read our newsletter. Want in? Join them.",
    "Claim your seat in our exclusive investor community - limited to 500 members.",
    "Enjoying the Harbour Letter? Forward it to a colleague, or share your referral link: https://example.com/r/1",
    "Harbour Markets is supported by its readers.",
    "Follow @harbourmarkets on X for live market updates.",
    "Follow Harbour Tech Daily on Google News for the latest updates.",
    "Members get ad-free episodes, early access and our monthly call. Join for $8/month.",
    "This episode is sponsored by Quaystack, the ledger built for teams. Get three months free at quay.example/hm.",
    "Subscribe to Harbour Chips News for daily semiconductor coverage.",
    "Got a tip about the port? Reach Dana Whitfield securely on Signal at +1 415 555 0100 or by email at "
    "dana@harbour.example.",
    "Harbour Ledger is a reader-supported publication. To receive new posts and support my work, consider "
    "becoming a free or paid subscriber.",
])
def test_tail_pitches_go_with_their_lead_in(pitch):
    text, drops = cleaned(article(STORY + " " + pitch))
    assert text == STORY
    assert drops and all(d.reason == BOILERPLATE for d in drops)


def test_pitch_on_its_own_lines_with_links():
    text, _ = cleaned(article(STORY, "For more information about the project visit the links below:",
                              "Website: https://project.example", "Telegram: https://t.me/project"))
    assert text == STORY


@pytest.mark.parametrize("journalism", [
    "We reached out to the exchange for more information and will update this article if it responds.",
    "The streaming service continued to sign up new subscribers throughout the outage, its chief executive said.",
    "If you want the ad-free plan, you will have to upgrade before signing up for the bundle.",
    "“Subscribe to our vision or leave,” the chief executive told staff, according to the memo.",
    "Shares of US-listed miners rose 3% after the announcement.",
    "The company will follow its rivals on X in adding paid tiers for the latest features, analysts said.",
    "The streaming service raised its ad-free plan to $17.99 a month, the company said on Tuesday.",
])
def test_journalism_at_the_end_stays(journalism):
    text, drops = cleaned(article(STORY + " " + journalism))
    assert text.endswith(journalism) and not drops


def test_syndication_footer_names_the_publisher():
    a = article(STORY + " The post Regulator fines exchange over transfers appeared first on Ledger Wire.")
    out, drops = C.clean(a, set())
    assert out.body_text() == STORY
    assert out.source_name == "Ledger Wire" and a.source_name is None  # a new article; the found one unchanged
    assert drops[0].partial


@pytest.mark.parametrize("tail, site", [
    ("This article originally appeared on Grid Notes, a partner publication.", "Grid Notes, a partner publication"),
    ("This story was first published in The Quay Review.", "The Quay Review"),
    # as publishing tools write it in other languages
    ("Der Beitrag Regulator bestraft Börse erschien zuerst auf Hafenblick.", "Hafenblick"),
    ("L’article Le régulateur sanctionne une plateforme est apparu en premier sur Quai Info.", "Quai Info"),
])
def test_a_note_that_the_article_appeared_elsewhere_first_goes(tail, site):
    out, drops = C.clean(article(STORY, tail), set())
    assert out.body_text() == STORY and out.source_name == site


def test_a_first_sentence_that_opens_with_the_titles_words_stays_whole():
    text = "The purpose of the review is to summarise what regulators asked of exchanges this year."
    assert cleaned(article(text, STORY, title="Purpose of the review"))[0] == text + "\n\n" + STORY
    assert cleaned(article("Purpose of the review. " + STORY, title="Purpose of the review"))[0] == STORY


def test_source_prefix_and_repeated_title():
    out, _ = C.clean(article("Ledger Wire Regulator fines exchange over transfers " + STORY), set())
    assert out.body_text() == STORY and out.source_name == "Ledger Wire"
    b = article("Regulator fines exchange over transfers", STORY)
    assert cleaned(b)[0] == STORY


def test_press_release_footer():
    about = ("About Acme Chain Acme Chain is a layer-1 network for payments. Founded in 2019, it serves "
             "banks in 12 countries. Media Contact Jane Roe press@acme.example")
    text, _ = cleaned(article(STORY, "The partnership starts in April and covers five markets.", about))
    assert text.endswith("covers five markets.") and "About Acme" not in text


def test_a_press_releases_wire_dateline_forward_looking_statements_and_about_text_without_its_heading_go():
    """Written for this test: a page copy that lost the "About" heading keeps the section's opening, the
    company with its listing and "is"; forward-looking statements go too."""
    lede = ("DUBLIN--(HARBOUR WIRE)--Acme Chain Inc. (NASDAQ: ACMC) today announced that its Irish subsidiary "
            "has been authorised as an investment firm.")
    about = "Acme Chain (NASDAQ: ACMC) is a layer-1 network for payments, founded in 2019."
    looking = ("Forward-Looking Statements This press release contains forward-looking statements within the "
               "meaning of the Private Securities Litigation Reform Act of 1995.")
    text, _ = cleaned(article(lede, STORY, "The service covers five markets from April.", about, looking))
    assert text.startswith("Acme Chain Inc. (NASDAQ: ACMC) today announced"), text
    assert text.endswith("five markets from April."), text
    text, _ = cleaned(article("NEW YORK, March 3, 2026 /Harbour Newswire/ -- Acme Chain Inc. today announced "
                              "a partnership with two banks.", STORY))
    assert text.startswith("Acme Chain Inc. today announced"), text


def test_a_promo_closed_by_a_buttons_arrow_goes_in_any_language():
    promo = "[하버타임스 프리미엄] 반도체 투자 전략, 매주 월요일 이메일로 받아보세요 ▶ 구독하기"
    text, _ = cleaned(article(STORY, promo, "The fine is the largest the regulator has imposed."))
    assert "프리미엄" not in text and "largest" in text


def test_about_early_in_the_story_is_not_a_footer():
    text, _ = cleaned(article("About Face Ltd said on Monday it would cut 200 jobs.", STORY, STORY + " More."))
    assert text.startswith("About Face Ltd said")


def test_captions_and_inline_promos():
    text, drops = cleaned(article(STORY, "Price chart of the token over a week. Source: ChainData.",
                                  "Read more: Five exchanges fined this year",
                                  "The fine is the largest the regulator has imposed."))
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed."
    assert {d.reason for d in drops} == {CAPTION, BOILERPLATE}


@pytest.mark.parametrize("pointer", ["Read: The regulator's fines doubled this year. Why exchanges still pay them.",
                                     "Watch: How the exchange moved client money"])
def test_a_bare_verbs_label_before_another_storys_headline_goes_but_a_sentence_stays(pointer):
    text, drops = cleaned(article(STORY, pointer, "Read the regulator's statement for the full list of failings.",
                                  "The fine is the largest the regulator has imposed."))
    assert pointer not in text and "Read the regulator's statement" in text and [d.reason for d in drops] == [BOILERPLATE]


def test_duplicate_paragraphs_go_but_recurring_labels_stay():
    labels = [STORY, "Eat every 2 hours", "Breakfast: oats and fruit with yoghurt.", "Eat every 2 hours",
              "Lunch: a salad with beans and grilled fish.", STORY]
    text, drops = cleaned(article(*labels, title=None))
    assert text.count(STORY) == 1 and text.count("Eat every 2 hours") == 2
    assert [d.reason for d in drops] == [DUPLICATE]


def test_repeated_boilerplate_across_different_stories_but_not_across_copies():
    footer = "This article is for information only and is not investment advice."
    leads = ["The central bank held rates and signalled patience on cuts.",
             "A chipmaker raised its spending plan as AI orders kept coming.",
             "Lawmakers advanced a bill to license crypto custodians."]
    stories = [article(lead + f" It was the {n} such move this year.", footer, title=lead)
               for n, lead in zip(("first", "second", "third"), leads)]
    repeated = C.repeated_edges(stories)
    assert C.fold(footer) in repeated
    for s in stories:
        assert footer not in cleaned(s, repeated)[0]
    # two copies of one story share their sentences: none of them counts as boilerplate
    copies = [article(STORY, "A second paragraph with details.", title="T"),
              article(STORY, "A second paragraph with details.", title="T")]
    assert not C.repeated_edges(copies)


def test_space_before_punctuation_is_tidied():
    text, _ = cleaned(article("The DAO , a group of holders , voted yes ."))
    assert text == "The DAO, a group of holders, voted yes."


def test_image_credits_and_disclaimers():
    text, drops = cleaned(article(STORY, "Featured image from Stock Photos, chart from ChartSite",
                                  "The fine is the largest the regulator has imposed.",
                                  "Disclaimer: This article is for information only and is not investment advice. "
                                  "Readers should do their own research before making any decision."))
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed."
    assert [d.reason for d in drops] == [BOILERPLATE, CAPTION]


# ---------------------------------------------------------------- furniture at a story's edges (text written here)

PARAGRAPHS = [
    "The regional water board approved a plan on Thursday to replace ageing pipes under the old town, a "
    "project expected to take four years.",
    "Board members said the work would be done street by street so that shops can stay open, and that "
    "residents will get two weeks' notice before their water is cut for a day.",
]


def blocks_of(*texts: str) -> Article:
    return article(*texts, title="Water board approves pipe plan")


@pytest.mark.parametrize("head", [
    ["By Maria Olsen and Tom Berger", "Published 5 March 2026, 09:12"],
    ["Listen to this article", "4 min"],
    ["Share", "Save"],
    ["Photo: Lena Park / City Archive"],
    ["Mayor defends budget after council row"],  # a stray headline of another story
    ["Politics | Local | Environment"],
    ["Hi friends,"],  # a newsletter's greeting
])
def test_head_furniture_goes(head):
    text, drops = cleaned(blocks_of(*head, *PARAGRAPHS))
    assert text == "\n\n".join(PARAGRAPHS)
    assert len(drops) == len(head)


@pytest.mark.parametrize("tail", [
    ["Read more", "Mayor defends budget after council row", "New tram line opens in May"],
    ["Related:", "Mayor defends budget after council row"],
    ["Reporting by Maria Olsen; Editing by Tom Berger"],
    ["(Additional reporting by Sam Lee in Oslo)"],
    ["Got a tip? Email our newsroom at tips@example.org."],
    ["Maria Olsen is a reporter at the Harbour Times covering local government."],
    ["Reprints | Subscribe | Share"],
    ["Updated 2 hours ago"],
    ["#water #infrastructure"],
    ["Support independent journalism. Become a member today."],
    ["Sign up for our morning newsletter and never miss a story."],
    ["Edited by Tom Berger"],
    ["— Reuters"],
    ["Disclosure: The Harbour Times has adopted principles to ensure the integrity of its journalism."],
    ["Copyright 2026 The Harbour Wire. All rights reserved. This material may not be published, broadcast, "
     "rewritten or redistributed."],
    ["Until next week,", "Dana"],
    ["Tags: water board, pipes, council budget"],
    ["Теги: водоканал, трубы, бюджет города"],
    ["Source: the water board's minutes and the council's press office"],
    ["src: harbour-council.example/minutes + harbour-times.example/pipes", "🔥 14 👀 6 🧠 3"],
    ["Read the council's statement: https://harbour-council.example/news/pipes"],
    ["The full inspection report is on our blog: harbour-times.example/blog/pipe-report"],
    ["Download the full inspection report on our website."],
    ["Thanks for reading The Harbour Letter!"],
    ["You are receiving it because you subscribed at harbour-letter.example."],
    ["You are receiving this email because you subscribed to the Harbour Letter.",
     "Harbour Letter, 12 Quay Street, Portsmouth", "© 2026 Harbour Letter Ltd. All rights reserved."],
    ["<저작권자 © 하버타임스, 무단전재 및 재배포 금지>"],  # a copyright notice behind a bracket and a label
    ["In this video I break down the vote, what the park will cost and what comes next for the yard."],
    ["郑重声明：本网站发布此信息的目的在于传播更多信息，与本站立场无关。"],  # a disclaimer in any language
    ["Haftungsausschluss: Dieser Beitrag ist keine Anlageberatung."],
])
def test_tail_furniture_goes(tail):
    text, drops = cleaned(blocks_of(*PARAGRAPHS, *tail))
    assert text == "\n\n".join(PARAGRAPHS), text
    assert drops


def test_a_heading_with_nothing_under_it_closes_no_story():
    """A feed item's share box ("<h3>Share this:</h3>" over its buttons): the heading heads nothing."""
    a = blocks_of(*PARAGRAPHS)
    a = replace(a, blocks=(*a.blocks, Block("h", "Share this:"), Block("list", "X\nTelegram")))
    text, drops = cleaned(a)
    assert text == "\n\n".join(PARAGRAPHS), text
    assert len(drops) == 2


@pytest.mark.parametrize("story_end", [
    "Asked whether the plan was worth the cost, she said: “We have waited twenty years.”",
    "The board meets again on April 2.",
    "Residents can read the full plan at the town hall.",
])
def test_short_endings_that_are_story_stay(story_end):
    text, _ = cleaned(blocks_of(*PARAGRAPHS, story_end))
    assert text.endswith(story_end)


def test_a_link_label_closing_the_last_paragraph_goes():
    text, drops = cleaned(blocks_of(*PARAGRAPHS[:-1], PARAGRAPHS[-1] + " Read more »"))
    assert text == "\n\n".join(PARAGRAPHS), text
    assert drops


@pytest.mark.parametrize("link", [
    "Lire aussi | Ce que prévoit la nouvelle loi sur les plateformes",
    "Leer más » El Gobierno anuncia nuevas medidas para los bancos",
    "Also on our site | Why exchanges keep getting fined",
    "Lea también: El Gobierno anuncia nuevas medidas para los bancos",
    "Lire aussi : Urbanisme : la course aux friches industrielles s'accélère",
    "Baca selengkapnya: https://harbour.example/ojk-kripto-februari",
    "Lees verder →",
])
def test_a_labelled_link_to_another_story_in_any_language_goes(link):
    second = "Analysts said the fine was small next to the exchange's yearly revenue."
    text, drops = cleaned(article(STORY, link, second))
    assert text == f"{STORY}\n\n{second}" and [d.text for d in drops] == [link]


@pytest.mark.parametrize("line", [
    "Q: What surprised you most about running the exchange",   # an interview's question
    "Containers: 1 green, 1 red, 1 orange and 2 teaspoons",    # a list of parts
])
def test_a_labelled_line_that_is_no_link_stays(line):
    second = "Analysts said the fine was small next to the exchange's yearly revenue."
    text, _ = cleaned(article(STORY, line, second))
    assert line in text


def test_a_row_of_share_buttons_closing_a_story_goes_and_a_closing_list_of_lines_stays():
    second = "Analysts said the fine was small next to the exchange's yearly revenue."
    for buttons, stays in (("X\nTelegram\nWhatsApp", False), ("Bring a coat.\n„Ok.“", True)):
        a = Article(dump="d.txt", blocks=[Block("p", STORY, (1,)), Block("p", second, (2,)), Block("h", "Share this:", (3,)),
                                          Block("list", buttons, (4, 5))], title="Regulator fines exchange")
        text, _ = cleaned(a)
        assert (buttons in text) == stays and text.startswith(STORY)


def test_hashtags_closing_a_posts_last_sentence_go():
    text, drops = cleaned(article(STORY, "Analysts expect a second fine next year. #Exchange #Fines"))
    assert text.endswith("Analysts expect a second fine next year.") and [d.text for d in drops] == ["#Exchange #Fines"]
    text, _ = cleaned(article(STORY, "The #1 exchange by volume paid the fine on Monday."))
    assert "#1 exchange" in text
    # tags closed by a second "#" after a full stop of Chinese, and a like count after the tags
    text, _ = cleaned(article(STORY, "分析人士认为，监管机构明年可能再次罚款。#交易所罚款# #监管#"))
    assert text.endswith("再次罚款。")
    text, _ = cleaned(article(STORY, "Analysts expect a second fine next year. #Exchange #Fines 2,4 tys."))
    assert text.endswith("next year.")


def test_a_sentence_with_a_bar_stays():
    second = "Prices | as the chart shows, fell for a third day in a row."
    text, _ = cleaned(article(STORY, second))
    assert second in text


def test_a_pull_quote_repeating_a_sentence_of_the_story_goes():
    quote = "The exchange said it had already upgraded its compliance systems"
    for pulled in (Block("p", f"“{quote}”", (2,)), Block("quote", quote, (2,))):
        a = Article(dump="d.txt", blocks=[Block("p", STORY, (1,)), pulled, Block("p", "It will not appeal, it said.", (3,))],
                    title="Regulator fines exchange")
        text, drops = cleaned(a)
        assert quote not in text.replace(STORY, "") and [d.reason for d in drops] == [DUPLICATE]
    # its full stop where the story's quotation has the comma before "she said"
    said = f"“{quote} in March,” a spokeswoman said. The regulator declined to comment on the case."
    a = Article(dump="d.txt", blocks=[Block("p", STORY, (1,)), Block("p", said, (2,)),
                                      Block("p", f"“{quote} in March.”", (3,))], title="Regulator fines exchange")
    text, drops = cleaned(a)
    assert text.count("in March") == 1 and [d.reason for d in drops] == [DUPLICATE], text
    # its two sentences set apart in the story by who said them
    told = "“We trust the app more than the bank,” the shopkeeper said. “That is the whole story.” He laughed."
    a = Article(dump="d.txt", blocks=[Block("p", STORY, (1,)), Block("p", "“We trust the app more than the bank. "
                                                                          "That is the whole story.”", (2,)),
                                      Block("p", told, (3,))], title="Regulator fines exchange")
    text, drops = cleaned(a)
    assert text.count("whole story") == 1 and [d.reason for d in drops] == [DUPLICATE], text


@pytest.mark.parametrize("caption", [
    "The old freight yard seen from the river bridge in January. Dana Whitfield for The Riverside Gazette",
    "Dock workers leave the port on Monday after the vote. Sam Roe/AFP",
    "Die Hafenarbeiter verlassen am Montag das Gelände Foto: Hafenbild/Ana Lima",  # any language's label
    "harbour cranes at dusk.jpg",                      # the picture's file name where the picture was
    "(Ana Lima/alima@example.com)",                    # a credit alone
    "The port's main gate in Rotterdam. (Sam Roe/Harbour Images)",  # a credit in brackets after the sentence
    "부산항 신항 컨테이너 부두 전경. /사진=항만신문 DB",   # a credit after a slash and a label with "="
    "[写真]建設が進む新しい埠頭（14日、港区）=本社ヘリから",  # a picture's label in brackets ahead of it
    "The terminal where the new halls were to stand. © Harbour Press / Koen Vos",  # a copyright sign's credit
    "The port's chief executive at the investor day in Rotterdam last month © Sam Roe/Harbour Images",  # no stop
    "Στιγμιότυπο από την επιχείρηση της αστυνομίας. (Φωτ.: Λιμενικό)",  # a short label in brackets
    "图｜新码头施工现场（来源：港口日报）",  # a picture's label ahead of it, in Chinese
])
def test_a_caption_with_its_photographers_credit_goes(caption):
    text, drops = cleaned(article(STORY, caption, "The fine is the largest the regulator has imposed."))
    assert caption not in text and [d.reason for d in drops] == [CAPTION]


def test_a_caption_the_line_model_kept_over_a_credit_it_left_out_goes():
    from digest.ingest.formats.page_copy import _captions
    texts = ["Workers lay new pipes under the old town square on Tuesday.", "Ana Ruiz for The Riverside Gazette",
             STORY, "Board members said the work would be done street by street."]
    assert _captions(texts, [0, 2, 3]) == {0}
    assert _captions([texts[0], "Foto: Ana Lima/TT", *texts[2:]], [0, 2, 3]) == {0}
    assert _captions(texts, [2, 3]) == set()
    assert _captions([STORY, *texts], [0, 1, 3, 4]) == set()  # below the lede: maybe a paragraph


def test_a_syndication_footer_with_its_pitch_above_a_disclaimer_goes_and_names_the_publisher():
    text, drops = cleaned(article(STORY, "This story first appeared in Harbour Daily. Sign up free at harbour.example.",
                                  "Harbour Wire does not provide investment advice."))
    assert text == STORY


def test_a_wire_storys_credits_end_it_and_the_posters_note_under_them_goes():
    text, _ = cleaned(article(STORY, "The fine is the largest the regulator has imposed.",
                              "(Reporting by Ana Lima; Editing by Tom Berg)",
                              "My take: a fine this size is a rounding error for them. Thoughts?"))
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed."


@pytest.mark.parametrize("tail", ["🔗 Siga @harbourwire para mais", "👉 Suivez @harbourwire", "Подписывайтесь: @harbourwire"])
def test_a_short_line_with_a_handle_closing_a_post_goes_in_any_language(tail):
    text, _ = cleaned(article(STORY, "The fine is the largest the regulator has imposed.", tail))
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed."


def test_a_publishers_pitch_set_as_a_quote_goes():
    a = article(STORY, "The fine is the largest the regulator has imposed.")
    a = replace(a, blocks=(*a.blocks, Block("quote", "Harbour Pro subscribers get our enforcement tracker. Start a free trial", (3,))))
    text, _ = cleaned(a)
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed."


@pytest.mark.parametrize("bio", ["Dana Whitfield covers city hall for the Riverside Gazette. Reach her at dana@gazette.example.",
                                 "Dana Whitfield covers city hall for the Riverside Gazette.",  # alone, closing the story
                                 "Sam Roe reports on shipping and trade from Rotterdam."])
def test_an_authors_bio_closing_the_story_goes(bio):
    text, drops = cleaned(article(STORY, "The fine is the largest the regulator has imposed.", bio))
    assert bio not in text and [d.reason for d in drops] == [BOILERPLATE]


@pytest.mark.parametrize("tail", [
    "This article is for information only and is not investment advice.",  # a disclaimer without its label
    "FTC: We use income earning affiliate links. More.",                    # an affiliate disclosure
    "Harbour Wire is an independent newsroom covering the ports of the North Sea.",  # the publisher's own blurb
    "Harbour Wire does not provide investment advice. Read our full disclosures.",
    "That's it for this week. Reply to this email if you disagree, I read every answer myself.",
    "Get the Harbour Wire's Port Brief every weekday morning",
    "Want the numbers first? Harbour Pro members get our daily freight dashboard.",
    "Dana Whitfield covers shipping from Rotterdam. Tips: dana@harbour.example",
    "On this episode: Dana and Sam unpack the strike, plus an interview with a port pilot.",
    "In this video, Harbour Desk's Dana Whitfield breaks down what the strike means for shipping rates.",
    "3:15 What the strike means for rates",  # a video's chapter left over from their list
    "♻️ Repost if this was useful, and follow me for weekly notes on shipping.",
    "Dana Roe and 1,845 others",  # who reacted to the post
    "You received this email because you signed up at harbour.example.",
])
def test_a_disclaimer_a_disclosure_and_the_publishers_blurb_closing_a_story_go(tail):
    text, _ = cleaned(article(STORY, "The fine is the largest the regulator has imposed.", tail))
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed."


@pytest.mark.parametrize("tail", ["This post is for paid subscribers", "That's all for today.",
                                  "Subscribe to The Harbour Notes for a weekly summary."])
def test_a_paywall_notice_a_sign_off_and_a_subscription_pitch_at_the_end_go(tail):
    text, _ = cleaned(article(STORY, "The fine is the largest the regulator has imposed.", tail))
    assert tail not in text


def test_quoted_paragraphs_are_not_pull_quotes_of_themselves():
    reviews = ["“The show was great and booking was easy, we would go again.”", "– A reader",
               "“Very talented people, super fun and entertaining all evening long.”"]
    text, drops = cleaned(article(STORY, *reviews))
    assert all(r in text for r in reviews[::2]) and not drops


@pytest.mark.parametrize("plug", ["Підписуйтесь на наш канал @harbour_desk 👈", "👉 Join our chat: t.me/harbourchat"])
def test_a_message_that_only_points_at_a_channel_is_no_story(plug):
    text, drops = cleaned(article(plug, title=None))
    assert text == "" and [d.text for d in drops] == [plug]
    assert cleaned(article("Rates: @harbour_desk reports the central bank held rates at 4% today.", title=None))[0]


def test_a_short_headline_with_a_link_to_its_story_stays():
    assert cleaned(article("Port strike ends after a week https://news.example/port", title=None))[0]



@pytest.mark.parametrize("dateline", ["WASHINGTON, March 17 (Harbour Wire) - ", "SANTA CLARA, Calif., Feb. 26, 2026 (PR Desk) -- ",
                                      "SEOUL - ", "NEW YORK, March 3 (AP) — ", "Harbour.id, JAKARTA — "])
def test_a_datelines_place_date_and_agency_ahead_of_the_first_sentence_go(dateline):
    text, drops = cleaned(article(dateline + STORY, STORY.replace("regulator", "agency")))
    assert text.startswith("The regulator fined") and drops


@pytest.mark.parametrize("chapters", [
    "0:00 Intro\n0:42 The fine in numbers\n3:15 What the regulator said\n12:04 What's next",
    "0:00 Intro 0:42 The fine in numbers 3:15 What the regulator said 1:02:04 Outro",  # joined, past an hour
])
def test_a_videos_chapters_under_its_summary_go(chapters):
    text, drops = cleaned(article(STORY, chapters))
    assert text == STORY and drops


def test_a_videos_chapters_one_to_a_paragraph_go_but_a_timed_paragraph_stays():
    chapters = ["0:38 The fine in numbers", "3:12 What the regulator said", "6:45 What's next"]
    text, drops = cleaned(article(STORY, *chapters))
    assert text == STORY and len(drops) == 3
    timed = "9:30 The exchange opened its doors to the inspectors, who stayed until the evening."
    assert timed in cleaned(article(STORY, timed, "The exchange said it would appeal."))[0]


def test_a_dateline_in_a_script_without_capitals_goes():
    """"الرياض - " (Riyadh): a place of a word or three and a dash ahead of an Arabic story's first sentence."""
    lede = "وقعت الشركة اتفاقية لبناء مركز بيانات جديد بقدرة 500 ميغاواط في المنطقة الشرقية."
    text, drops = cleaned(article("الرياض - " + lede, STORY))
    assert text.startswith(lede) and drops


def test_a_read_also_label_with_arabic_vowel_marks_goes():
    text, drops = cleaned(article(STORY, "اقرأ أيضاً: السعودية تطلق صندوقاً جديداً للاستثمار في الشركات الناشئة",
                                  STORY.replace("regulator", "agency")))
    assert "اقرأ" not in text and drops


@pytest.mark.parametrize("lede", ["U.S. regulators fined the exchange $4 million on Tuesday, the agency said.",
                                  "AI - the two letters every chief executive repeats - came up 40 times on the call."])
def test_a_first_sentence_that_opens_with_capitals_keeps_them(lede):
    text, _ = cleaned(article(lede, STORY))
    assert text.startswith(lede[:20])


def test_a_summarys_points_above_the_lede_go_and_a_standfirst_stays():
    lede = STORY + " The fine is the largest the regulator has imposed this year."
    points = ["Regulator fines exchange $4 million", "Exchange says systems already upgraded", "No appeal planned"]
    text, _ = cleaned(article("Summary", *points, lede))
    assert text == lede
    standfirst = "The exchange said it had upgraded its systems"
    text, _ = cleaned(article(standfirst, lede))
    assert text.startswith(standfirst)


@pytest.mark.parametrize("label", ["📢 AD | Trade with zero fees on Quaybank this month.", "#реклама", "#ad"])
def test_a_message_labelled_as_paid_goes_whole(label):
    pitch = "Trade like a pro with the Quaygrid bot: the first three days are free. Sign up 👉 t.me/quaygrid_bot"
    text, drops = cleaned(article(label, pitch, title=None))
    assert text == "" and drops


def test_a_pages_lone_advertisement_line_leaves_the_story():
    text, _ = cleaned(article("Advertisement", STORY, STORY.replace("regulator", "agency")))
    assert STORY in text


def test_a_research_institutes_contact_and_paper_lines_close_its_release():
    """Written for this test: a science release ends with whom to call (a phone number) and the paper by its
    DOI; a sentence naming a contact inside the story stays."""
    contact = "Contact: Dr. Dana Whitfield, Coastal Materials group, +44 20 7946 0321"
    paper = "Original publication: Whitfield D. et al., Harbour Letters (2026), DOI 10.5555/hl.2026.014"
    text, _ = cleaned(article(STORY, "The group will test the material at sea next year.", contact, paper))
    assert text.endswith("at sea next year."), text
    inside = "Contact with the regulator began in 2024, the company said, and talks went on for months."
    assert inside in cleaned(article(STORY, inside, "The talks ended in a settlement, the company said."))[0]


@pytest.mark.parametrize("notice", [
    "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
    "Notice: The content above (including the pictures if any) is uploaded and posted by a user of Harbour Hub, "
    "which is a social media platform and only provides information storage services."])
def test_a_portals_notice_on_the_content_above_closes_no_story(notice):
    text, _ = cleaned(article(STORY, "The exchange said it would appeal.", notice))
    assert text.endswith("would appeal."), text


def test_a_caption_taken_for_a_subheading_goes_but_a_subheading_stays():
    """A caption with no full stop after its credit reads as a heading ("... Idaho. Photo: X"); a subheading
    holds no sentence before a credit."""
    blocks = [Block("h", "The warehouse in March. Photo: Harbour Letter", (1,)), Block("p", STORY, (2,)),
              Block("h", "What happens to the warehouses", (3,)), Block("p", "The exchange said it would appeal.", (4,))]
    kept, drops = C.drop_captions(blocks)
    assert [b.text for b in kept] == [STORY, "What happens to the warehouses", "The exchange said it would appeal."]
    assert [d.reason for d in drops] == [CAPTION]


@pytest.mark.parametrize("label, lead", [("导读：", "港口集团全年吞吐量预计增长一成，新码头明年投产。"),
                                         ("TL;DR: ", "Deposits open now. Trading starts at 14:00 UTC.")])
def test_a_standfirst_under_its_label_is_the_deck(label, lead):
    """Written for this test: "导读：" opens a Chinese story with its standfirst, "TL;DR:" an English post."""
    out, drops = C.clean(article(label + lead, STORY), set())
    assert out.deck == lead and [b.text for b in out.blocks] == [STORY]


@pytest.mark.parametrize("dateline", ["（港口社記者王明台北5日電）", "港口社上海11月5日电 ",
                                      "【東京＝山田太郎】", "(서울=항만통신) 김민수 기자 = "])
def test_a_chinese_wires_dateline_ahead_of_the_first_sentence_goes(dateline):
    """Written for this test: the agency, reporter, place and day ending in "電" (dispatched); the place and
    the reporter or agency as Japanese and Korean wires write them."""
    lede = "港口集团今天公布10月吞吐量，同比增长12%，创历年同期新高。"
    text, _ = cleaned(article(dateline + lede, "公司表示，新码头将于明年投产。"))
    assert text.startswith(lede), text


@pytest.mark.parametrize("label", ["Читайте також:", "延伸閱讀：", "Διαβάστε επίσης:", "Citește și:"])
def test_a_read_also_label_in_more_languages_takes_its_headline_with_it(label):
    text, _ = cleaned(article(STORY, f"{label} Port strike ends after a week", "The exchange said it would appeal."))
    assert "Port strike" not in text, text


def test_an_essays_numbered_notes_go_with_their_marks():
    text, drops = cleaned(article(
        "The utility borrowed more this year than in the previous three combined.1 Its bonds still sell well.",
        "Regulators will rule on the rate case in March, and the company's plans depend on it.2",
        "1 The figure counts only bonds, not bank loans.",
        "2 I hold none of the company's shares or bonds."))
    assert text == ("The utility borrowed more this year than in the previous three combined. Its bonds still sell well."
                    "\n\nRegulators will rule on the rate case in March, and the company's plans depend on it.")
    assert [d.text for d in drops] == ["1 The figure counts only bonds, not bank loans.",
                                       "2 I hold none of the company's shares or bonds."]


def test_a_list_of_sources_under_the_story_is_no_essays_notes():
    blocks = article("The utility borrowed more this year than in the previous three combined [1].",
                     "Regulators will rule on the rate case in March [2].", "[1] Filing 2026-114: https://regulator.example/f/114",
                     "[2] The regulator's calendar, https://regulator.example/calendar").blocks
    assert C.drop_footnotes(list(blocks)) == (list(blocks), [])


@pytest.mark.parametrize("last", [
    "1 in 5 households now pays more for power than for broadband, the survey found.",  # no mark above
    "2 The second note comes first.",  # not numbered from one
])
def test_a_closing_paragraph_that_opens_with_a_number_is_no_note(last):
    first = "Chipmakers expect H1 2027 orders to rise as data centers expand across three continents."
    text, drops = cleaned(article(first, STORY, last))
    assert text.endswith(last) and not drops



@pytest.mark.parametrize("label", ["Advertisement", "REKLAMA", "إعلان", "Iklan", "CONTENIDO PATROCINADO",
                                   "Sponsored content", "A MESSAGE FROM QUAYPAY"])
def test_paid_messages_labels_in_several_languages(label):
    from digest.ingest.text import advert_label
    assert advert_label(label) and not advert_label("Advertising revenue rose 12% in the quarter.")


def test_a_korean_wire_storys_photo_caption_reporters_address_and_copyright_go():
    """Written for this test: a wire story's photo caption inside it (its own dateline, the photographer's
    address closing it), the reporter's address alone and the agency's copyright under the story."""
    lede = "이달 1∼10일 항만 물동량이 작년 같은 기간보다 12% 늘어난 것으로 나타났다."
    rest = "항만공사는 신규 부두가 내년 상반기에 문을 열 예정이라고 밝혔다."
    caption = "(부산=항만통신) 손민호 기자 = 10일 부산항 신선대부두에 컨테이너가 쌓여 있다. 2026.11.10 mhson@port.example"
    text, drops = cleaned(article(lede, caption, rest, "jhkim@port.example", "<저작권자(c) 항만통신, 무단 전재-재배포 금지>"))
    assert text == f"{lede}\n\n{rest}", text


@pytest.mark.parametrize("note", ["Story continues below advertisement", "Dalsza część artykułu pod materiałem wideo",
                                  "Der Artikel wird unter dem Video fortgesetzt"])
def test_a_story_continues_below_note_and_the_videos_title_under_it_go(note):
    video = Block("h", "How the harbour fee works | Port explainer", (3,))
    a = article(STORY, note, "The fine is the largest the regulator has imposed.")
    a = replace(a, blocks=(a.blocks[0], a.blocks[1], video, a.blocks[2]))
    text, drops = cleaned(a)
    assert text == STORY + "\n\nThe fine is the largest the regulator has imposed.", text


def test_the_lead_pictures_caption_with_its_credit_in_brackets_over_the_story_goes():
    caption = "The exchange's offices in the harbour district of Rotterdam (Harbourpix)"
    text, drops = cleaned(article(caption, STORY, "It will not appeal, it said."))
    assert text.startswith(STORY) and [d.text for d in drops] == [caption]
