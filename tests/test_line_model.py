"""The line model's training, on page copies written here: the wording it learns holds across sites only,
training gives the same file twice, and the file it writes is what the ingest reads."""
from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest

from conftest import need_shared
from digest.ingest.lines import fundus, headline, model, train, train_headline, words

CHROMIUM = Path("/usr/bin/chromium")

# Sentences written for this test, and furniture as many sites print it.
SENTENCES = [
    "The harbour authority said on Monday that the new ferry terminal would open in the spring.",
    "Engineers have spent two years rebuilding the quay after storms damaged its northern end.",
    "Local traders expect the terminal to bring more visitors to the old town during the summer.",
    "A spokesperson for the operator said timetables would be published once trials had finished.",
    "The project was paid for by the regional government and a loan from a development bank.",
    "Residents had complained about noise from the building work, which often ran late at night.",
    "Officials said the terminal could handle twice as many passengers as the one it replaces.",
    "The first crossings are planned for April, weather permitting, with a reduced timetable.",
]
FURNITURE = ["Home", "News", "Sign in", "Share this article", "Subscribe to our newsletter", "Read more",
             "Privacy policy", "Cookie settings", "Follow us", "© 2026 All rights reserved"]


def a_page(k: int) -> tuple[str, str]:
    """Page k of the training set: its copy and its article body."""
    body = [SENTENCES[(k + j) % len(SENTENCES)] for j in range(4)]
    menu = FURNITURE[:4] if k % 2 else FURNITURE[:3] + ["Log in"]
    lines = menu + ["", f"Ferry terminal story number {k}", ""] + [x for s in body for x in (s, "")] + FURNITURE[4:]
    return "\n".join(lines) + "\n", "\n".join(body)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("set")
    (folder / "copies").mkdir()
    truth = {}
    for k in range(12):
        copy, body = a_page(k)
        (folder / "copies" / f"page{k}.txt").write_text(copy, encoding="utf-8")
        truth[f"page{k}"] = {"articleBody": body, "url": f"https://site{k}.example/news/{k}"}
    (folder / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    outs = [folder / "model-a.json", folder / "model-b.json"]
    for out in outs:
        assert train.main([str(folder), "--folds", "0", "--out", str(out)]) == 0
    return outs


def test_words_are_learned_only_from_wording_many_sites_share():
    lines = [(f"site{k}", words.tokens("Subscribe to our newsletter"), 0, 1.0) for k in range(6)]
    lines += [(f"site{k}", words.tokens("The minister said the budget would rise."), 1, 1.0) for k in range(6)]
    lines += [(f"site{k}", words.tokens("Zebra crossing club"), 0, 1.0) for k in range(2)]  # two sites only
    odds = words.learn(lines)
    assert odds["newsletter"] < 0 < odds["minister"]
    assert "our newsletter" in odds and odds["our newsletter"] < 0  # word pairs too
    assert "zebra" not in odds


def test_wording_columns_describe_only_learned_words():
    cols = words.columns([words.tokens("said the minister"), words.tokens("unknown gibberish")],
                         {"said": 1.0, "minister": 2.0, "the": 0.0})
    assert cols.shape == (2, len(words.NAMES))
    assert cols[0].tolist()[:3] == [1.0, 0.0, 2.0]
    assert cols[1].tolist() == [0.0] * len(words.NAMES)


def test_training_is_reproducible_and_the_ingest_reads_its_file(trained, monkeypatch):
    first, second = trained
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["features"] == list(model.NAMES) and data["words"]["newsletter"] < 0
    monkeypatch.setenv(model.MODEL_VARIABLE, str(first))
    copy, _ = a_page(40)
    lines = copy.split("\n")
    probs = model.line_probabilities.__wrapped__(tuple(lines))
    article = [p for i, p in probs.items() if lines[i] in SENTENCES]
    furniture = [p for i, p in probs.items() if lines[i] in FURNITURE]
    assert min(article) > 0.5 > max(furniture)


def a_headed_page(k: int) -> tuple[str, str]:
    """Page k of the headline set: its copy (a section label, the headline, a deck, a byline, a photo's
    caption above the article) and its headline."""
    title = f"Ferry terminal number {k} opens to passengers in spring"
    body = [SENTENCES[(k + j) % len(SENTENCES)] for j in range(4)]
    head = ["Travel", title, "The quay was rebuilt after two winters of storms", f"By Ana Ruiz, {k % 28 + 1} March 2026",
            "Share this article", "A crane lifts a new section of the quay into place"]
    return "\n".join(FURNITURE[:4] + head + body + FURNITURE[4:]) + "\n", title


@pytest.fixture(scope="module")
def headline_set(tmp_path_factory):
    """Twenty pages written here: half state their headline in truth.json, half in a saved page's og:title
    (with the site's name after it, as many sites write it)."""
    folder = tmp_path_factory.mktemp("headlines")
    (folder / "copies").mkdir()
    (folder / "html").mkdir()
    truth = {}
    for k in range(20):
        copy, title = a_headed_page(k)
        (folder / "copies" / f"page{k}.txt").write_text(copy, encoding="utf-8")
        truth[f"page{k}"] = {"url": f"https://site{k}.example/news/{k}"}
        if k % 2:
            truth[f"page{k}"]["title"] = title
        else:
            html = f'<html><head><meta property="og:title" content="{title} | Harbour Times"></head><body></body></html>'
            (folder / "html" / f"page{k}.html.gz").write_bytes(gzip.compress(html.encode()))
    (folder / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_the_headline_model_learns_from_stated_headlines_and_the_ingest_reads_it(headline_set, monkeypatch, capsys):
    outs = [headline_set / "model-a.json", headline_set / "model-b.json"]
    for out in outs:
        assert train_headline.main([str(headline_set), "--folds", "2", "--out", str(out)]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert "headline right on 20 of 20 pages" in capsys.readouterr().out  # every page, on a model of other sites
    assert json.loads(outs[0].read_text(encoding="utf-8"))["features"] == list(headline.NAMES)
    monkeypatch.setenv(headline.MODEL_VARIABLE, str(outs[0]))
    copy, title = a_headed_page(40)
    texts = [line for line in copy.split("\n") if line]
    kept = [k for k, line in enumerate(texts) if line in SENTENCES]
    probs = [0.9 if k in kept else 0.1 for k in range(len(texts))]
    assert texts[headline.headline(texts, kept, probs, "LATIN")] == title


def test_a_headline_is_matched_whole_or_with_a_sites_name_around_it():
    stated = train_headline.page_headlines(b'<html><head><meta property="og:title" content="Ferry fares rise | '
                                           b'Harbour Times"></head><body><h1>Ferry fares rise</h1></body></html>', "p")
    assert train_headline.is_headline("Ferry fares rise", stated)
    assert not train_headline.is_headline("Ferry", stated)  # a part too short to tell
    assert not train_headline.is_headline("Harbour Times", stated)  # the site's name is not its headline


# A news parser's test page and expected output in the layout of flairNLP/fundus's test data, written here.
FUNDUS_PAGE = """<html><head><title>Harbour news</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Ferry terminal to open in spring</h1>
<p>{0}</p><p>{1}</p><h2>Trials first</h2><p>{2}</p>
<footer>Subscribe to our newsletter</footer></body></html>""".format(*SENTENCES[:3])
FUNDUS_EXPECTED = {
    "V1": {"title": "An older layout's story", "body": {"summary": [], "sections": [
        {"headline": [], "paragraphs": [SENTENCES[5], SENTENCES[6], SENTENCES[7]]}]}},
    "V2": {"title": "Ferry terminal to open in spring", "body": {"summary": [SENTENCES[0]], "sections": [
        {"headline": [], "paragraphs": [SENTENCES[1]]},
        {"headline": ["Trials first"], "paragraphs": [SENTENCES[2]]}]}}}


def test_a_fundus_body_is_its_summary_then_each_sections_headline_and_paragraphs():
    body = fundus.body_text(FUNDUS_EXPECTED["V2"])
    assert body.split("\n") == [SENTENCES[0], SENTENCES[1], "Trials first", SENTENCES[2]]


def test_a_fundus_page_takes_the_version_its_copy_holds_or_none():
    copy = "Home News\nFerry terminal to open in spring\n" + "\n".join(SENTENCES[:3]) + "\nTrials first\n"
    entry = fundus.truth_entry("https://harbour.example/a", FUNDUS_EXPECTED, copy)
    assert entry["title"] == "Ferry terminal to open in spring" and SENTENCES[2] in entry["articleBody"]
    assert fundus.truth_entry("https://harbour.example/a", FUNDUS_EXPECTED, "Home News\nSign in\n") is None


def test_the_fundus_set_is_built_from_a_clone_at_its_commit(tmp_path):
    """The whole builder on a git repository laid out as fundus's: pages copied by Chromium, truth written."""
    need_shared("tools", "copy_pages.py")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: the set's pages are copied by Chromium")
    repo = tmp_path / "fundus"
    data = repo / fundus.TEST_DATA / "xx"
    data.mkdir(parents=True)
    (data / "Harbour_2026_03_01.html.gz").write_bytes(gzip.compress(FUNDUS_PAGE.encode()))
    (data / "Harbour.json").write_text(json.dumps(FUNDUS_EXPECTED), encoding="utf-8")
    (data / "meta.info").write_text(json.dumps({"Harbour_2026_03_01.html.gz": {"url": "https://harbour.example/a"}}))
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "test data"], check=True)
    commit = subprocess.run(git[:3] + ["rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    out = tmp_path / "set"
    assert fundus.build(out, str(repo), commit) == 0
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    expected = FUNDUS_EXPECTED["V2"]
    assert truth == {"xx-Harbour_2026_03_01": {"url": "https://harbour.example/a", "title": expected["title"],
                                                "articleBody": fundus.body_text(expected)}}
    copy = (out / "copies" / "xx-Harbour_2026_03_01.txt").read_text(encoding="utf-8")
    assert SENTENCES[0] in copy and "Subscribe to our newsletter" in copy


def test_the_fundus_set_says_so_when_it_cannot_be_fetched(tmp_path):
    with pytest.raises(SystemExit, match="could not fetch .* --repository"):
        fundus.build(tmp_path / "set", str(tmp_path / "no-such-repository.git") + "x://", fundus.COMMIT)
