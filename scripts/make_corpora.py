#!/usr/bin/env python3
"""Build corpora/synthetic/: NTREX news articles with machine-translation artifacts inserted, labelled as synthetic.

The English side of NTREX-128 (CC BY-SA 4.0) is professional news; this
script takes a few of its documents with their Serbian translations as
sources, inserts artifacts of the kinds the seed article shows but in other
wordings, and writes them as a JSONL corpus (target + source) with a
manifest of what was inserted where, so tests can measure recall on it.
Deterministic:

    python scripts/make_corpora.py [--data ../shared/bench/ntrex]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "corpora" / "synthetic"
DOCS = ["bbc.381790", "reuters.218888", "guardian.221754", "cnbc.com.6790"]

# (kind, text, expected category): page chrome and leaks, worded unlike the seed article.
CHROME = [
    ("page-counter", "1.204 views | 15 comments", "content/boilerplate"),
    ("photo-credit", "Image: Reuters/Marko Djurica", "content/boilerplate"),
    ("translation-disclaimer", "Note: This article was translated automatically by AI software and may contain errors.", "content/boilerplate"),
    ("related-teaser", "Read also: Belgrade and Pristina agree on licence plates", "content/boilerplate"),
    ("orphan-embed-label", "Watch the video:", "content/boilerplate"),
    ("dangling-link-text", "The full statement is available here.", "content/markup"),
    ("social-footer", "Join us on Instagram ili Telegram for more news.", "content/boilerplate"),
]
WORD_LEAKS = [
    # (kind, a sentence to append to a paragraph, the span that must be flagged, category)
    ("untranslated-function-word", "Officials from Serbia i Hungary attended.", "i", "accuracy/untranslated"),
    ("foreign-script", "The statement was read by Александар Вучић himself.", "Александар Вучић", "accuracy/untranslated"),
    ("missing-space", "Talks are planned in Vienna,Budapest and Sofia.", ",B", "fluency/punctuation"),
    ("mojibake", "The minister said itâ€™s too early to tell.", "itâ€™s", "content/encoding"),
]


def ntrex_documents(data: Path) -> dict[str, tuple[list[str], list[str]]]:
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    en = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    sr = (data / "newstest2019-ref.srp-Latn.txt").read_text(encoding="utf-8").splitlines()
    docs = {}
    for doc_id, rows in groupby(zip(ids, en, sr), key=lambda r: r[0]):
        rows_l = list(rows)
        docs[doc_id] = ([r[1] for r in rows_l], [r[2] for r in rows_l])
    return docs


def build(data: Path) -> list[dict]:
    rng = random.Random(2024)
    docs = ntrex_documents(data)
    manifest = []
    records = []
    OUT.mkdir(parents=True, exist_ok=True)
    for n, doc_id in enumerate(DOCS):
        english, serbian = docs[doc_id]
        lines = list(english)
        inserted: list[dict] = []
        # one or two chrome lines, at random body positions
        for kind, text, category in rng.sample(CHROME, 2):
            at = rng.randrange(2, len(lines))
            lines.insert(at, text)
            inserted.append({"kind": kind, "text": text, "category": category})
        # a word-level leak appended to a body paragraph
        kind, sentence, span, category = WORD_LEAKS[n % len(WORD_LEAKS)]
        at = rng.randrange(2, len(lines))
        while any(lines[at] == i["text"] for i in inserted):
            at = rng.randrange(2, len(lines))
        lines[at] = lines[at] + " " + sentence
        inserted.append({"kind": kind, "text": span, "category": category, "within": sentence})
        # a body paragraph repeated later (as MT pipelines repeat the standfirst)
        src = rng.randrange(1, 4)
        lines.insert(rng.randrange(src + 2, len(lines) + 1), lines[src])
        inserted.append({"kind": "duplicate-paragraph", "text": lines[src], "category": "content/duplicate"})
        text = "\n".join(lines) + "\n"
        name = f"{n + 1:03d}_{doc_id.replace('.', '_')}"
        for item in inserted:
            if "within" in item:
                within = text.find(item.pop("within"))
                t = item["text"]
                whole_words = re.fullmatch(r"[\w ]+", t) is not None  # "i" must not match inside "Officials"
                word = re.compile(rf"(?<!\w){re.escape(t)}(?!\w)" if whole_words else re.escape(t))
                found = word.search(text, within)
                assert found, (t, within)
                offset = found.start()
            elif item["kind"] == "duplicate-paragraph":
                offset = text.rfind(item["text"])
            else:
                offset = text.find(item["text"])
            item["start"], item["end"] = offset, offset + len(item["text"])
            item["line"] = text.count("\n", 0, offset) + 1
        records.append({"id": name, "target": text, "source": "\n".join(serbian) + "\n", "source_lang": "sr", "target_lang": "en"})
        manifest.append({"id": name, "ntrex_document": doc_id, "inserted": inserted})
    with (OUT / "ntrex-synthetic.jsonl").open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "ntrex")
    args = parser.parse_args()
    manifest = build(args.data)
    print(f"wrote {len(manifest)} synthetic articles to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
