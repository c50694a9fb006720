"""Make a training set for the line model from a public benchmark of saved pages with known bodies.

    python -m digest.lines.sets wcxb CHECKOUT OUT
    python ../shared/tools/copy_pages.py OUT/html OUT/copies     (Chromium renders each page as a reader copies it)
    python -m digest.lines.sets keep OUT                         (drops pages whose copy lacks their body)

`wcxb`: a checkout of Murrough-Foley/web-content-extraction-benchmark (CC-BY-4.0; PROVENANCE.md gives
the commit): its article pages (`page_type.primary == "article"`), `dev/` and `test/`, each as
OUT/html/<split>-<id>.html with {"articleBody", "url", "title"} in OUT/truth.json. A URL seen twice is
kept once. `keep` then removes from truth.json the pages whose copy is empty or shows under half of the
body's words (text that only scripts would have shown).
"""
from __future__ import annotations

import gzip
import html
import json
import re
import sys
from pathlib import Path

MIN_BODY_WORDS = 50
_WORD = re.compile(r"\w+")


def wcxb(checkout: Path, out: Path) -> int:
    (out / "html").mkdir(parents=True, exist_ok=True)
    truth, seen = {}, set()
    for gold in sorted(checkout.glob("*/ground-truth/*.json")):
        split, page = gold.parts[-3], gold.stem
        data = json.loads(gold.read_text(encoding="utf-8"))
        body = html.unescape(data.get("ground_truth", {}).get("main_content") or "")
        saved = checkout / split / "html" / f"{page}.html.gz"
        url = data.get("url") or ""
        if (data.get("_internal", {}).get("page_type", {}).get("primary") != "article" or not saved.exists()
                or len(body.split()) < MIN_BODY_WORDS or url in seen):
            continue
        seen.add(url)
        raw = gzip.decompress(saved.read_bytes())
        (out / "html" / f"{split}-{page}.html").write_text(_decode(raw), encoding="utf-8")
        truth[f"{split}-{page}"] = {"articleBody": body, "url": url,
                                    "title": data.get("ground_truth", {}).get("title") or ""}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(truth)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # what a browser assumes of an undeclared legacy page


def keep(out: Path) -> int:
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    kept = {}
    for page, entry in truth.items():
        copy = out / "copies" / f"{page}.txt"
        shown = set(_WORD.findall(copy.read_text(encoding="utf-8").casefold())) if copy.exists() else set()
        words = _WORD.findall(entry["articleBody"].casefold())
        if shown and sum(w in shown for w in words) >= 0.5 * len(words):
            kept[page] = entry
    (out / "truth.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(kept)


def main(argv: list[str]) -> int:
    if argv[:1] == ["wcxb"] and len(argv) == 3:
        print(f"{wcxb(Path(argv[1]), Path(argv[2]))} pages")
    elif argv[:1] == ["keep"] and len(argv) == 2:
        print(f"{keep(Path(argv[1]))} pages kept")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
