#!/usr/bin/env python3
"""False positives on professional news English: NTREX-128's English originals checked as translations.

NTREX's English side (WMT19 newstest, BBC/Reuters/...) is flawless news
English, so every finding of severity major or above on it is a false
positive. Articles are rebuilt from DOCUMENT_IDS.tsv (one line = one
paragraph) and checked target-only and against each of the Serbian (Latin and
Cyrillic), Croatian and Bosnian translations as sources.

    python benchmarks/ntrex.py [--data ../shared/bench/ntrex] [--write docs/BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from sections import write_section  # noqa: E402

SOURCES = {
    "target only": None,
    "sr (Latin) source": ("newstest2019-ref.srp-Latn.txt", "sr"),
    "sr (Cyrillic) source": ("newstest2019-ref.srp-Cyrl.txt", "sr"),
    "hr source": ("newstest2019-ref.hrv.txt", "hr"),
    "bs source": ("newstest2019-ref.bos.txt", "bs"),
    "mk source": ("newstest2019-ref.mkd.txt", "mk"),
    "sl source": ("newstest2019-ref.slv.txt", "sl"),
}


def articles(data: Path, source_file: str | None) -> list[tuple[str, str, str | None]]:
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    english = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    source = (data / source_file).read_text(encoding="utf-8").splitlines() if source_file else [None] * len(ids)
    out = []
    rows = list(zip(ids, english, source))
    for doc_id, group in groupby(rows, key=lambda r: r[0]):
        g = list(group)
        src = "\n".join(s for _, _, s in g) if source_file else None  # type: ignore[misc]
        out.append((doc_id, "\n".join(e for _, e, _ in g), src))
    return out


def run(data: Path) -> tuple[str, dict[str, float]]:
    engine = qa.Engine()
    lines = ["| mode | articles | paragraphs | major+ findings | major+ per 1,000 paragraphs | minor | info | seconds |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    per_rule: Counter[tuple[str, str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    figures = {}
    for mode, spec in SOURCES.items():
        file, lang = spec if spec else (None, "sr")
        docs = articles(data, file)
        paragraphs = sum(len(t.splitlines()) for _, t, _ in docs)
        counts: Counter[str] = Counter()
        t0 = time.perf_counter()
        for doc_id, target, source in docs:
            result = engine.check(qa.Document(id=doc_id, target=target, source=source, source_lang=lang))
            for f in result.findings:
                sev = "major+" if f.severity.rank >= qa.Severity.MAJOR.rank else f.severity.value
                counts[sev] += 1
                per_rule[(mode, f"{f.rule} {f.name}", sev)] += 1
                examples.setdefault((f"{f.rule} {f.name}", sev), f"{doc_id}: {f.excerpt[:60]!r}")
            if result.rule_errors:
                counts["rule errors"] += len(result.rule_errors)
        secs = time.perf_counter() - t0
        rate = 1000 * counts["major+"] / paragraphs
        figures[mode] = rate
        lines.append(f"| {mode} | {len(docs)} | {paragraphs} | {counts['major+']} | {rate:.2f} | {counts['minor']} | {counts['info']} | {secs:.1f} |")
    modes = list(SOURCES)
    lines += ["", "Findings per rule and mode (on this data every one is a false positive or a debatable call;",
              "the first example shows which):", "",
              "| rule | severity | " + " | ".join(modes) + " | first example |",
              "|---|---|" + "---:|" * len(modes) + "---|"]
    for name, sev in sorted({(n, s) for _, n, s in per_rule}):
        cells = " | ".join(str(per_rule[(m, name, sev)]) for m in modes)
        lines.append(f"| {name} | {sev} | {cells} | {examples[(name, sev)].replace('|', '/')} |")
    if not per_rule:
        lines.append("| none | - | " + " | ".join("0" for _ in modes) + " | - |")
    return "\n".join(lines), figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "ntrex")
    parser.add_argument("--write", type=Path, help="write the table into this Markdown file's ntrex section")
    args = parser.parse_args(argv)
    table, _ = run(args.data)
    body = (
        "### NTREX-128 English as translations: false positives on professional news\n\n"
        f"qa {qa.__version__}; data: NTREX-128 (CC BY-SA 4.0), 62 documents, 1,007 lines.\n"
        "Regenerate: `python benchmarks/ntrex.py --write docs/BENCHMARKS.md`\n\n" + table
    )
    print(body)
    if args.write:
        write_section(args.write, "ntrex", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
