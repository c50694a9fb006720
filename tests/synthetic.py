"""A deterministic synthetic corpus of news dumps in the seed formats, with planted copies.

    python tests/synthetic.py --articles 10000 --out DIR [--seed 7]

writes DIR/dumps/*.txt and DIR/truth.json. Used by the dedup tests and by `make bench`.

Every article is built from sentence templates with many random slots (companies, people, places,
numbers), so distinct articles share almost no five-word runs, as real ones do. 5% of the articles are
planted copies of others, spread over other dumps and other formats:
  exact      the same text
  trimmed    its last paragraph or two cut off
  boiler     another publisher's call to action and syndication footer around the same text
  edited     a few words and numbers changed, a new headline
Some originals also get a "sibling": a different article about the same event (same company, place and
figures, own sentences), which must NOT be merged.

truth.json lists, for every article written, the dump, its first words and the id of the story it
belongs to (a copy has its original's id; a sibling has its own).
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

PREFIXES = ["Nord", "Quant", "Vel", "Astra", "Bright", "Cobalt", "Delta", "Ever", "Fusion", "Granite", "Helio",
            "Iron", "Juno", "Kestrel", "Lumen", "Meridian", "Nova", "Orbit", "Pioneer", "Quill", "Radiant",
            "Summit", "Tidal", "Umbra", "Vertex", "Willow", "Xeno", "Yonder", "Zenith", "Arc", "Beacon", "Cedar"]
SUFFIXES = ["well Capital", "ix Labs", "ora Networks", "Chain", "Bank", "Semiconductor", "Energy", "Exchange",
            "Holdings", "Systems", "Robotics", "Pay", "Finance", "Data", "Motors", "Foundry", "Markets", "AI"]
FIRST = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
         "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoe",
         "Aisha", "Bruno", "Chen", "Dario", "Eva", "Felix", "Gita", "Hugo", "Ivy", "Jamal", "Kira", "Luis", "Mei"]
LAST = ["Adler", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
        "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman",
        "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Almeida", "Brandt", "Chowdhury", "Dimitrov", "Ekberg", "Farah"]
ROLES = ["chief executive", "finance chief", "head of research", "chief strategist", "senior analyst",
         "portfolio manager", "policy director", "chief technology officer", "economist", "board member"]
PLACES = ["Singapore", "Frankfurt", "Toronto", "Seoul", "Lagos", "Dubai", "Sydney", "Zurich", "Austin", "Lisbon",
          "Nairobi", "Osaka", "Warsaw", "Santiago", "Mumbai", "Oslo", "Denver", "Jakarta", "Dublin", "Istanbul"]
ASSETS = ["Bitcoin", "Ether", "Solana", "XRP", "Cardano", "Dogecoin", "Avalanche", "Polkadot", "Chainlink", "Litecoin"]
THINGS = ["data center", "chip plant", "payments app", "trading desk", "lending platform", "battery factory",
          "stablecoin", "cloud region", "research lab", "mining site", "settlement network", "custody service"]
VERBS_UP = ["rose", "climbed", "jumped", "gained", "advanced", "rallied"]
VERBS_DOWN = ["fell", "slipped", "dropped", "declined", "slid", "tumbled"]
ACTIONS = ["open a new", "sell its", "expand its", "shut down its", "upgrade its", "relaunch its", "audit its",
           "spin off its", "double the size of its", "seek approval for its"]
REGULATORS = ["the securities regulator", "the central bank", "the finance ministry", "the competition authority",
              "the data protection office", "the energy regulator", "the trade commission"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CTAS = ["Get our daily market briefing in your inbox - subscribe to our free newsletter today.",
        "Join our trading community for real-time alerts. It's free for 7 days.",
        "Want more stories like this? Follow us and sign up for our weekly report."]


class Words:
    """Random slot fillers from one seeded generator."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def company(self):
        suffix = self.r.choice(SUFFIXES)
        return self.r.choice(PREFIXES) + ("" if suffix[0].islower() else " ") + suffix

    def person(self):
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def pct(self):
        return f"{self.r.uniform(0.3, 48):.1f}"

    def money(self):
        return f"${self.r.randint(2, 950)} {self.r.choice(['million', 'billion'])}"

    def num(self, lo=2, hi=9000):
        return f"{self.r.randint(lo, hi):,}"


TEMPLATES = [
    lambda w, s: f"{s['company']} said on {w.r.choice(WEEKDAYS)} it would {w.r.choice(ACTIONS)} {w.r.choice(THINGS)} "
                 f"in {s['place']}, a project worth about {w.money()}.",
    lambda w, s: f"{w.person()}, {w.r.choice(ROLES)} at {w.company()}, told reporters in {w.r.choice(PLACES)} that "
                 f"demand for its {w.r.choice(THINGS)} had grown {w.pct()}% since {w.r.choice(MONTHS)}.",
    lambda w, s: f"Shares of {w.company()} {w.r.choice(VERBS_UP + VERBS_DOWN)} {w.pct()}% to ${w.num(3, 600)} in "
                 f"{w.r.choice(['early', 'late', 'heavy', 'thin'])} trading, after {s['company']} disclosed "
                 f"{w.num()} new clients.",
    lambda w, s: f"{w.r.choice(ASSETS)} {w.r.choice(VERBS_UP + VERBS_DOWN)} {w.pct()}% over {w.num(2, 30)} days, "
                 f"while {w.r.choice(ASSETS)} {w.r.choice(VERBS_UP + VERBS_DOWN)} {w.pct()}% as {w.num()} "
                 f"wallets moved funds.",
    lambda w, s: f"{w.r.choice(REGULATORS).capitalize()} in {w.r.choice(PLACES)} opened a review of "
                 f"{w.company()} after {w.num()} complaints about its {w.r.choice(THINGS)}.",
    lambda w, s: f"Analysts at {w.company()} expect {s['company']} to report {w.money()} in revenue for the "
                 f"quarter, {w.pct()}% above the {w.money()} it booked a year earlier.",
    lambda w, s: f"\u201cWe see {w.num(2, 40)} markets where the {w.r.choice(THINGS)} can win,\u201d said "
                 f"{w.person()}, who joined {s['company']} from {w.company()} in {w.r.choice(MONTHS)}.",
    lambda w, s: f"The deal values {w.company()} at {w.money()} and gives {s['company']} {w.num(5, 95)}% of its "
                 f"{w.r.choice(THINGS)} business in {w.r.choice(PLACES)}.",
    lambda w, s: f"About {w.num()} employees in {w.r.choice(PLACES)} and {w.r.choice(PLACES)} will move to the "
                 f"new {w.r.choice(THINGS)} by {w.r.choice(MONTHS)} {w.r.randint(2026, 2029)}.",
    lambda w, s: f"{w.person()} of {w.company()} said the {w.r.choice(THINGS)} could handle {w.num()} "
                 f"transactions a second once {w.r.choice(['tests', 'upgrades', 'audits', 'trials'])} end.",
]


@dataclass
class Story:
    id: str
    title: str
    paragraphs: list[str]
    company: str
    place: str
    date: datetime | None = None
    kind: str = "original"


def make_story(w: Words, sid: str, company: str | None = None, place: str | None = None) -> Story:
    slots = {"company": company or w.company(), "place": place or w.r.choice(PLACES)}
    paragraphs = []
    for _ in range(w.r.randint(4, 8)):
        paragraphs.append(" ".join(w.r.choice(TEMPLATES)(w, slots) for _ in range(w.r.randint(2, 3))))
    title = (f"{slots['company']} {w.r.choice(['plans', 'weighs', 'unveils', 'delays', 'backs', 'expands'])} "
             f"{w.r.choice(THINGS)} in {slots['place']} as {w.r.choice(ASSETS + ['demand', 'costs', 'rates'])} "
             f"{w.r.choice(VERBS_UP + VERBS_DOWN)} {w.pct()}%")
    return Story(sid, title, paragraphs, slots["company"], slots["place"])


def copy_of(w: Words, story: Story, kind: str) -> Story:
    paragraphs = list(story.paragraphs)
    title = story.title
    if kind == "trimmed":
        paragraphs = paragraphs[: max(3, len(paragraphs) - w.r.randint(1, 2))]
    elif kind == "boiler":
        paragraphs[-1] += " " + w.r.choice(CTAS)
        paragraphs.append(f"The post {title} appeared first on {w.company()} News.")
    elif kind == "edited":
        title = f"{story.company} moves ahead with {w.r.choice(THINGS)} plan in {story.place}"
        edited = paragraphs[1].split()
        for i in w.r.sample(range(len(edited)), k=min(4, len(edited))):
            if any(ch.isdigit() for ch in edited[i]):
                edited[i] = w.num()
        paragraphs[1] = " ".join(edited)
    return Story(story.id, title, paragraphs, story.company, story.place, kind=kind)


# ---------------------------------------------------------------- dump writers, one per seed format

def news_list(stories: list[Story], w: Words) -> str:
    out = ["Latest news"]
    for s in stories:
        out += [s.date.strftime("%d %b %Y, %H:%M"), s.title, "", " ".join(s.paragraphs)]
    return "\n".join(out + ["", ""]) + "\n"


def headed(stories: list[Story], w: Words) -> str:
    s = stories[0]
    return f" date {s.date:%Y-%m-%d} \U0001F6A9{s.title}\u2753\n\n" + "\n\n".join(s.paragraphs) + "\n"


def creator_page(stories: list[Story], w: Words) -> str:
    out = ["Square", "", w.company(), "", "Creator", f"{w.num()}+ followers", "Posts", "--"]
    for s in stories:
        out += [s.title + " ".join(s.paragraphs), "", s.title, ""]
        for p in s.paragraphs:
            out += [p, ""]
    return "\n".join(out + ["Log in to explore more", "Sitemap", "Cookie settings"]) + "\n"


def captioned(stories: list[Story], w: Words) -> str:
    out = []
    for s in stories:
        caption = f"A view of the {w.r.choice(THINGS)} in {s.place} on {s.date:%B %d, %Y}. ({w.company()})"
        out += [s.title, "", caption, caption, "TT", "", s.title, "", caption, caption, ""]
        for p in s.paragraphs:
            out += [p, ""]
        out += ["", ""]
    return "\n".join(out)


def plain(stories: list[Story], w: Words) -> str:
    return "\n".join(stories[0].paragraphs) + "\n"


WRITERS = {"news": (news_list, 12), "headed": (headed, 1), "square": (creator_page, 10),
           "captioned": (captioned, 4), "plain": (plain, 1)}


def stories(n_articles: int, seed: int = 7, copy_share: float = 0.05) -> tuple[list[tuple[Story, str]], Words]:
    """`n_articles` articles in a shuffled order, each with its role: original, sibling or a copy kind."""
    w = Words(random.Random(seed))
    n_copies = int(n_articles * copy_share)
    n_siblings = n_articles // 100
    originals = [make_story(w, f"s{i}") for i in range(n_articles - n_copies - n_siblings)]
    for s in originals:
        s.date = datetime(2026, w.r.randint(1, 12), w.r.randint(1, 28), w.r.randint(0, 23), w.r.randint(0, 59))
    items = [(s, "original") for s in originals]
    for k, original in enumerate(w.r.sample(originals, n_siblings)):
        sibling = make_story(w, f"sib{k}", company=original.company, place=original.place)
        sibling.date = original.date
        items.append((sibling, "sibling"))
    for original in w.r.sample(originals, n_copies):
        copy = copy_of(w, original, w.r.choice(["exact", "trimmed", "boiler", "edited"]))
        copy.date = original.date
        items.append((copy, copy.kind))
    w.r.shuffle(items)
    return items, w


def generate(n_articles: int, out: Path, seed: int = 7, copy_share: float = 0.05) -> dict:
    """Write dumps holding `n_articles` articles in total (copies and siblings included) into out/dumps,
    and the truth beside them."""
    items, w = stories(n_articles, seed, copy_share)
    dumps = out / "dumps"
    dumps.mkdir(parents=True, exist_ok=True)
    truth, i, n = [], 0, 0
    kinds = list(WRITERS)
    while i < len(items):
        kind = w.r.choice(kinds)
        writer, size = WRITERS[kind]
        batch = items[i:i + w.r.randint(1, size)]
        i += len(batch)
        name = f"{n:05d}_{kind}.txt"
        n += 1
        (dumps / name).write_text(writer([s for s, _ in batch], w), encoding="utf-8")
        for s, role in batch:
            truth.append({"dump": name, "first_words": " ".join(s.paragraphs[0].split()[:12]), "story": s.id,
                          "role": role})
    data = {"articles": len(truth), "dumps": n, "copies": sum(r not in ("original", "sibling") for _, r in items),
            "siblings": sum(r == "sibling" for _, r in items), "items": truth}
    (out / "truth.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    o = ap.parse_args()
    data = generate(o.articles, o.out, o.seed)
    print(f"{data['articles']} articles ({data['copies']} planted copies, {data['siblings']} same-event siblings) "
          f"in {data['dumps']} dumps under {o.out / 'dumps'}")


if __name__ == "__main__":
    main()


def evaluate(truth: dict, report: dict) -> dict:
    """Score an ingest of a generated corpus against its truth: how many planted copies ended up in one
    story with their original, and how many stories wrongly joined distinct articles."""
    key = {(t["dump"], " ".join(t["first_words"].split()[:10])): t for t in truth["items"]}
    group_of = {}
    wrong = 0
    for merge in report["merges"]:
        members = [merge["shown"]] + merge["copies"]
        found = [key.get((m["dump"], m["first_words"])) for m in members]
        stories = {t["story"] for t in found if t is not None}
        wrong += len(stories) > 1
        for t in found:
            if t is not None:
                group_of[(t["dump"], t["first_words"])] = merge["story"]
    originals = {t["story"]: t for t in truth["items"] if t["role"] == "original"}
    copies = [t for t in truth["items"] if t["role"] not in ("original", "sibling")]
    merged = 0
    for copy in copies:
        original = originals[copy["story"]]
        group = group_of.get((copy["dump"], copy["first_words"]))
        merged += group is not None and group == group_of.get((original["dump"], original["first_words"]))
    return {"copies": len(copies), "merged": merged, "recall": merged / max(1, len(copies)),
            "wrong_merges": wrong, "stories_with_copies": len(report["merges"])}


def extra_dump(n_articles: int = 20, seed: int = 4242) -> str:
    """One more news-list dump of `n_articles` new stories (none a copy), all of one day after the
    corpus's last: a digest's next dump, as a reader's feed would give it."""
    items, w = stories(n_articles, seed, copy_share=0.0)
    for k, (story, _) in enumerate(items):
        story.date = datetime(2026, 12, 29, 6 + k // 4, (k * 7) % 60)
    return news_list([s for s, _ in items], w)
