#!/usr/bin/env python3
"""Idiom and calque rules: self-consistency on the tables' own examples, held-out recall, false positives.

Three measures, kept apart because they answer different questions:

* **Self-consistency (the table's own examples).** Every entry's
  ``examples_bad`` must be flagged and its ``examples_good`` must not. The
  examples were written with the patterns, so this checks that the table is
  consistent, not that it recalls idioms.
* **Held-out recall** on ``benchmarks/data/idioms/heldout.jsonl``: sentences
  written separately from the table, split by idiom into a dev half (used to
  grow the table) and a test half (the figure). Each half is reported for the
  idioms the table had before that work and for those it lacked, at info+,
  minor+ and major+. ``--before REF`` adds the same figures for the Serbian
  table as it was at git revision REF, matched directly (what QA701 reports
  without a source: the entry's own severity, Serbian entries only).
* **False positives**: QA701/QA702/QA703 findings on the held-out "proper"
  sentences (proper English, or the same English words used literally and
  correctly) and on all 1,007 lines of NTREX's professional English news.

All checks are target-only with ``source_lang="sr"``, as a user without the
source would run them.

    python benchmarks/idioms.py [--ntrex ../shared/bench/ntrex] [--before REF] [--write docs/BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from qa.idioms import IdiomTable, bundled_table  # noqa: E402
from qa.rules.calques import calques  # noqa: E402
from sections import write_section  # noqa: E402

RULES = ("QA701", "QA702", "QA703")
HELDOUT = ROOT / "benchmarks" / "data" / "idioms" / "heldout.jsonl"
LEVELS = (("info+", 0), ("minor+", 1), ("major+", 2))
_RANK = {"info": 0, "minor": 1, "major": 2, "critical": 3}
NONE = -1  # rank of "no finding"


def load_heldout(path: Path = HELDOUT) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Checker:
    """The engine with the three rules, memoised per text: each sentence is checked once."""

    def __init__(self) -> None:
        self.engine = qa.Engine(qa.Config(select=RULES))
        self._cache: dict[str, dict[str, int]] = {}

    def ranks(self, text: str) -> dict[str, int]:
        """The highest severity rank each rule reports on ``text`` (missing = no finding)."""
        if text not in self._cache:
            result = self.engine.check(qa.Document(id="x", target=text, source_lang="sr"))
            out: dict[str, int] = {}
            for f in result.findings:
                out[f.rule] = max(out.get(f.rule, NONE), f.severity.rank)
            self._cache[text] = out
        return self._cache[text]

    def rank(self, text: str, rule: str) -> int:
        return self.ranks(text).get(rule, NONE)


def table_rank(table: IdiomTable, text: str) -> int:
    """What QA701 reports without a source from ``table`` alone: the highest severity of a Serbian entry's match."""
    ranks = [_RANK[m.idiom.severity] for m in table.find_literal(text) if m.idiom.lang == "sh"]
    return max(ranks, default=NONE)


def table_at(ref: str) -> IdiomTable | None:
    """The Serbian table as it was at git revision ``ref`` (None when git or the revision is unavailable)."""
    for where in ("qa/data/languages/sh/idioms.toml", "qa/data/idioms/sh.toml"):  # the table's home, then its old one
        try:
            text = subprocess.run(
                ["git", "-C", str(ROOT), "show", f"{ref}:{where}"],
                check=True, capture_output=True, text=True, encoding="utf-8",
            ).stdout
            break
        except (OSError, subprocess.CalledProcessError):
            continue
    else:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sh.toml"
        path.write_text(text, encoding="utf-8")
        return IdiomTable.load([path], bundled=False)


def _rate(hits: int, n: int) -> str:
    return f"{hits / n:.3f}" if n else "-"


def _counts(ranks: Iterable[int]) -> list[int]:
    ranks = list(ranks)
    return [sum(r >= level for r in ranks) for _, level in LEVELS]


# -- self-consistency ------------------------------------------------------------


def self_consistency(checker: Checker) -> list[str]:
    lines = [
        "| set | entries | sentences | flagged (any severity) | rate |",
        "|---|---:|---:|---:|---:|",
    ]
    by_lang: dict[str, list] = {}
    for idiom in bundled_table():
        by_lang.setdefault(idiom.lang, []).append(idiom)
    for lang, idioms in sorted(by_lang.items()):
        bad = [s for i in idioms for s in i.examples_bad]
        good = [s for i in idioms for s in i.examples_good]
        # A German or Russian calque in a translation from Serbian is skipped by QA701, so each table is checked
        # with its own source language.
        engine_lang = "sr" if lang == "sh" else lang
        hit_bad = sum(_flagged(checker, s, "QA701", engine_lang) for s in bad)
        hit_good = sum(_flagged(checker, s, "QA701", engine_lang) for s in good)
        lines.append(f"| idioms ({lang}): examples_bad (flagged = consistent) | {len(idioms)} | {len(bad)} | {hit_bad} | {_rate(hit_bad, len(bad))} |")
        lines.append(f"| idioms ({lang}): examples_good (flagged = inconsistent) | {len(idioms)} | {len(good)} | {hit_good} | {_rate(hit_good, len(good))} |")
    cs = calques()
    hit_bad = sum(_flagged(checker, c.example, "QA702") for c in cs)
    hit_good = sum(_flagged(checker, c.good, "QA702") for c in cs)
    lines.append(f"| calques: examples (flagged = consistent) | {len(cs)} | {len(cs)} | {hit_bad} | {_rate(hit_bad, len(cs))} |")
    lines.append(f"| calques: proper English (flagged = inconsistent) | {len(cs)} | {len(cs)} | {hit_good} | {_rate(hit_good, len(cs))} |")
    return lines


def _flagged(checker: Checker, text: str, code: str, lang: str = "sr") -> bool:
    if lang == "sr":
        return checker.rank(text, code) > NONE
    result = checker.engine.check(qa.Document(id="x", target=text, source_lang=lang))
    return any(f.rule == code for f in result.findings)


# -- held-out recall and false positives ------------------------------------------


BEFORE, MISSING, ADDED = "in the table before", "not in the table before", "test idiom added after the split (not a measure)"


def group_of(table: IdiomTable, record: dict) -> str:
    """The record's group: a test-half idiom that the table lacked but lists now was added after the split
    (its patterns could have been written from its sentences), so it leaves the test figure and is shown apart."""
    if record["in_table_before"]:
        return BEFORE
    if record["split"] == "test" and any(i.lang == "sh" for i, _, _ in table.find_source(record["idiom"])):
        return ADDED
    return MISSING


def _select(records: list[dict], split: str, group: str | None, label: str, table: IdiomTable) -> list[dict]:
    """Records of a split and label; ``group`` None means every group that counts (all but ADDED)."""
    return [
        r for r in records
        if r["split"] == split and r["label"] == label
        and (group_of(table, r) == group if group is not None else group_of(table, r) != ADDED)
    ]


def right_idiom(table: IdiomTable, record: dict) -> bool:
    """Whether a literal match on the sentence belongs to the record's own idiom (not a coincidental other entry)."""
    own = {i.id for i, _, _ in table.find_source(record["idiom"]) if i.lang == "sh"}
    return any(m.idiom.id in own for m in table.find_literal(record["text"]) if m.idiom.lang == "sh")


def heldout_recall(checker: Checker, records: list[dict], before: IdiomTable | None, before_ref: str) -> list[str]:
    now = bundled_table()
    lines = [
        "| split | idioms | table | idioms (n) | literal sentences | info+ | minor+ | major+ | right idiom, info+ | idioms with one or more caught, info+ |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for split, split_name in (("test", "**test** (the figure)"), ("dev", "dev (used to grow the table)")):
        groups = [BEFORE, MISSING] + ([ADDED] if split == "test" else []) + [None]
        for group in groups:
            rows = _select(records, split, group, "literal", now)
            if not rows and group == ADDED:
                continue
            idioms = sorted({r["idiom"] for r in rows})
            tables: list[tuple[str, IdiomTable | None]] = [("now", None)]
            if before is not None:
                tables.insert(0, (f"before ({before_ref[:7]})", before))
            for table_name, table in tables:
                if table is None:
                    ranks = [checker.rank(r["text"], "QA701") for r in rows]
                    right = sum(right_idiom(now, r) and checker.rank(r["text"], "QA701") > NONE for r in rows)
                    right_cell = f"{right} ({_rate(right, len(rows))})"
                else:
                    ranks = [table_rank(table, r["text"]) for r in rows]
                    right_cell = "-"
                caught = {r["idiom"] for r, k in zip(rows, ranks) if k > NONE}
                cells = " | ".join(f"{c} ({_rate(c, len(rows))})" for c in _counts(ranks))
                lines.append(
                    f"| {split_name} | {group or 'all'} | {table_name} | {len(idioms)} | {len(rows)} | {cells} | "
                    f"{right_cell} | {len(caught)} ({_rate(len(caught), len(idioms))}) |"
                )
    added = sorted({r["idiom"] for r in records if group_of(now, r) == ADDED})
    if added:
        lines += ["", "Test-half idioms added to the table after the split, left out of the test rows: "
                  + ", ".join(f"*{a}*" for a in added) + "."]
    return lines


def false_positives(checker: Checker, records: list[dict], ntrex: list[str]) -> list[str]:
    lines = [
        "| text | rule | lines | info+ | minor+ | major+ |",
        "|---|---|---:|---:|---:|---:|",
    ]
    now = bundled_table()
    sets = [
        ("held-out proper sentences, test", _select(records, "test", None, "proper", now)),
        ("held-out proper sentences, dev", _select(records, "dev", None, "proper", now)),
    ]
    for name, rows in sets:
        for code in RULES:
            counts = _counts(checker.rank(r["text"], code) for r in rows)
            cells = " | ".join(f"{c} ({_rate(c, len(rows))})" for c in counts)
            lines.append(f"| {name} | {code} | {len(rows)} | {cells} |")
    for code in RULES:
        counts = _counts(checker.rank(line, code) for line in ntrex)
        cells = " | ".join(f"{c} ({_rate(c, len(ntrex))})" for c in counts)
        lines.append(f"| NTREX English (newstest2019) | {code} | {len(ntrex)} | {cells} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "bench" / "ntrex")
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    parser.add_argument("--before", metavar="REF", help="also score the Serbian table as it was at this git revision")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    checker = Checker()
    records = load_heldout(args.heldout)
    before = table_at(args.before) if args.before else None
    if args.before and before is None:
        print(f"warning: cannot read the Serbian idiom table at {args.before!r}; 'before' rows left out", file=sys.stderr)
    ntrex = (args.ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    n_idioms = len({r["idiom"] for r in records})
    command = "python benchmarks/idioms.py" + (f" --before {args.before}" if args.before else "") + " --write docs/BENCHMARKS.md"
    body = "\n".join(
        [
            "### Idioms and calques",
            "",
            f"Regenerate: `{command}`. All checks are target only, source language `sr`.",
            "",
            "#### Self-consistency (the table's own examples)",
            "",
            "The examples were written together with the patterns, so this shows the tables are consistent; "
            "it is not a recall figure.",
            "",
            *self_consistency(checker),
            "",
            "#### Held-out recall (benchmarks/data/idioms/heldout.jsonl)",
            "",
            f"{len(records)} sentences on {n_idioms} Serbian/Croatian/Bosnian idioms, written separately from the table "
            "(see `benchmarks/data/idioms/README.md`) and split by idiom into halves before the table was grown. "
            "A literal sentence counts as caught at a level when QA701 reports it at that severity or above; "
            "\"right idiom\" counts catches whose match belongs to the sentence's own idiom. The test half's idioms "
            "that the table lacked stay out of it, so their row shows what an idiom the table does not list gets; one "
            "added later leaves the test rows and is listed below them. The dev half was used to choose new entries "
            "and patterns, so its figures show what that bought, not how the table generalises. "
            "\"before\" rows score the Serbian table at that revision directly with the matcher.",
            "",
            *heldout_recall(checker, records, before, args.before or ""),
            "",
            "#### False positives",
            "",
            "Proper sentences are proper English for the idiom's meaning, or the same English words used literally "
            "and correctly (\"the storm threw sand into the eyes of tourists\"); NTREX is professional English news.",
            "",
            *false_positives(checker, records, ntrex),
        ]
    )
    print(body)
    if args.write:
        write_section(args.write, "idioms", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
