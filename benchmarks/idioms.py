#!/usr/bin/env python3
"""Idiom and calque rules: recall on the tables' own examples, false positives on proper English and NTREX.

The recall figures are on the examples written with the tables (the
held-out check of unseen sentences is done outside the project); the false
positive figures are on the proper-English version of every example and on
all 1,007 lines of NTREX's professional English news.

    python benchmarks/idioms.py [--ntrex ../shared/bench/ntrex] [--write docs/BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from qa.idioms import bundled_table  # noqa: E402
from qa.rules.calques import calques  # noqa: E402
from sections import write_section  # noqa: E402

RULES = ("QA701", "QA702", "QA703")


def flagged(engine: qa.Engine, text: str, code: str, lang: str = "sr") -> bool:
    result = engine.check(qa.Document(id="x", target=text, source_lang=lang))
    return any(f.rule == code for f in result.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "bench" / "ntrex")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    engine = qa.Engine(qa.Config(select=RULES))
    table = bundled_table()
    lines = ["| set | entries | sentences | flagged | rate |", "|---|---:|---:|---:|---:|"]
    by_lang: dict[str, list] = {}
    for idiom in table:
        by_lang.setdefault(idiom.lang, []).append(idiom)
    for lang, idioms in sorted(by_lang.items()):
        bad = [(s, lang) for i in idioms for s in i.examples_bad]
        good = [(s, lang) for i in idioms for s in i.examples_good]
        hit_bad = sum(flagged(engine, s, "QA701", lang) for s, lang in bad)
        hit_good = sum(flagged(engine, s, "QA701", lang) for s, lang in good)
        lines.append(f"| idioms ({lang}): literal renderings (recall) | {len(idioms)} | {len(bad)} | {hit_bad} | {hit_bad / len(bad):.3f} |")
        lines.append(f"| idioms ({lang}): proper English (false positives) | {len(idioms)} | {len(good)} | {hit_good} | {hit_good / len(good):.3f} |")
    cs = calques()
    hit_bad = sum(flagged(engine, c.example, "QA702") for c in cs)
    hit_good = sum(flagged(engine, c.good, "QA702") for c in cs)
    lines.append(f"| calques: examples (recall) | {len(cs)} | {len(cs)} | {hit_bad} | {hit_bad / len(cs):.3f} |")
    lines.append(f"| calques: proper English (false positives) | {len(cs)} | {len(cs)} | {hit_good} | {hit_good / len(cs):.3f} |")
    english = (args.ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    counts = {code: 0 for code in RULES}
    for line in english:
        result = engine.check(qa.Document(id="n", target=line, source_lang="sr"))
        for f in result.findings:
            counts[f.rule] += 1
    for code in RULES:
        lines.append(f"| NTREX English lines, {code} findings (false positives) | - | {len(english)} | {counts[code]} | {counts[code] / len(english):.3f} |")
    body = (
        "### Idioms and calques: recall on the tables' examples, false positives on proper English\n\n"
        "Regenerate: `python benchmarks/idioms.py --write docs/BENCHMARKS.md`\n\n" + "\n".join(lines)
    )
    print(body)
    if args.write:
        write_section(args.write, "idioms", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
