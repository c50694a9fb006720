"""The line model's training, on page copies written here: the wording it learns holds across sites only,
training gives the same file twice, and the file it writes is what the ingest reads."""
from __future__ import annotations

import json

import pytest

from digest.ingest.lines import model, train, words

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
