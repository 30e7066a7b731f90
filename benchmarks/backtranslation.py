#!/usr/bin/env python3
"""Numbers and names in a back-translation against the source (QA908, QA909) on NTREX-128.

NTREX has professional translations of the same English news into Serbian
(Latin and Cyrillic), Croatian and Bosnian. One of them is the source, a
closely related one stands in for the back-translation (a faithful one, in a
sister language with its own spelling and wording), the English original is
the target. So:

- clean pairs give the false-alarm rate: findings per 1,000 paragraphs at
  each severity (every one is a false alarm or a debatable call);
- perturbed copies of the back-translation give recall: in each document one
  number is changed, one name is replaced by another name of the document,
  one name is removed. A perturbation is caught at a severity when the
  perturbed paragraph draws more findings of QA908/QA909 at that severity or
  above than the same paragraph of the clean copy.

Documents are split into dev and test halves by a hash of their id (decided
before tuning); the rules were tuned on dev, test is the figure to quote.

    python benchmarks/backtranslation.py [--half dev|test|all] [--data ../shared/bench/ntrex] [--write docs/BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from sections import write_section  # noqa: E402

RULES = ("QA908", "QA909")
PAIRS = {  # (source file, source language, back-translation stand-in file)
    "hr source, sr (Latin) back-translation": ("newstest2019-ref.hrv.txt", "hr", "newstest2019-ref.srp-Latn.txt"),
    "sr (Latin) source, bs back-translation": ("newstest2019-ref.srp-Latn.txt", "sr", "newstest2019-ref.bos.txt"),
    "sr (Cyrillic) source, hr back-translation": ("newstest2019-ref.srp-Cyrl.txt", "sr", "newstest2019-ref.hrv.txt"),
}
LEVELS = (("info+", qa.Severity.INFO), ("minor+", qa.Severity.MINOR), ("major+", qa.Severity.MAJOR))
KINDS = ("number changed", "name replaced", "name removed")

_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w])")
# a name for the perturbations: a capitalised word after a lower-case word (so never a sentence's first word)
_NAME = re.compile(r"(?<=[a-zčćžšđа-яђјљњћџ,] )[A-ZČĆŽŠĐА-ЯЂЈЉЊЋЏ][a-zčćžšđа-яђјљњћџ]{2,}")


def half_of(doc: str) -> str:
    """``dev`` or ``test``, from a stable hash of the document id (decided before tuning)."""
    return "dev" if hashlib.md5(doc.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def _pick(doc_id: str, salt: str, n: int) -> int:
    return int(hashlib.md5(f"{doc_id}:{salt}".encode()).hexdigest(), 16) % n


def articles(data: Path, source_file: str, bt_file: str) -> list[tuple[str, str, str, str]]:
    """(id, English, source, back-translation) per document, one paragraph a line."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    cols = [(data / f).read_text(encoding="utf-8").splitlines() for f in ("newstest2019-src.eng.txt", source_file, bt_file)]
    out = []
    for doc_id, group in groupby(zip(ids, *cols), key=lambda r: r[0]):
        g = list(group)
        out.append((doc_id, *("\n".join(r[k] for r in g) for k in (1, 2, 3))))
    return out


def perturb(doc_id: str, bt: str, kind: str) -> tuple[str, int] | None:
    """The back-translation with one perturbation, and the changed paragraph's index (None when it has nothing to change)."""
    if kind == "number changed":
        found = [m for m in _NUMBER.finditer(bt)]
        if not found:
            return None
        m = found[_pick(doc_id, kind, len(found))]
        v = int(m.group())
        new = str(v + 1 + _pick(doc_id, "delta", 8)) if v < 1000 else str(v + 10 ** (len(m.group()) - 2) * (1 + _pick(doc_id, "delta", 8)))
        return bt[:m.start()] + new + bt[m.end():], bt.count("\n", 0, m.start())
    names = list(_NAME.finditer(bt))
    if not names:
        return None
    m = names[_pick(doc_id, kind, len(names))]
    if kind == "name removed":
        return bt[:m.start() - 1] + bt[m.end():], bt.count("\n", 0, m.start())
    others = sorted({n.group() for n in names if n.group()[:4] != m.group()[:4]})
    if not others:
        return None
    return bt[:m.start()] + others[_pick(doc_id, "other", len(others))] + bt[m.end():], bt.count("\n", 0, m.start())


def findings(engine: qa.Engine, doc_id: str, target: str, source: str, bt: str, lang: str) -> list[qa.Finding]:
    result = engine.check(qa.Document(id=doc_id, target=target, source=source, back_translation=bt, source_lang=lang))
    assert not result.rule_errors, result.rule_errors
    return [f for f in result.findings if f.side == "back_translation"]


def _para_counts(found: list[qa.Finding], para: int, sev: qa.Severity) -> int:
    return sum(1 for f in found if f.line - 1 == para and f.severity.rank >= sev.rank)


def run(data: Path, half: str) -> tuple[str, dict[str, dict[str, float]]]:
    engine = qa.Engine(qa.Config(select=RULES, metrics=()))  # findings only: no sacrebleu document scores
    lines = [f"Documents: {half} half. Clean: findings per 1,000 paragraphs (false alarms). Recall: share of perturbed",
             "documents whose perturbed paragraph draws more findings at that severity than its clean copy.", "",
             "| pair | docs | paragraphs | clean info | clean minor | clean major+ | minor per 1,000 | "
             + " | ".join(f"{k} {lv}" for k in KINDS for lv, _ in LEVELS) + " |",
             "|---|---:|---:|---:|---:|---:|---:|" + "---:|" * (len(KINDS) * len(LEVELS))]
    figures: dict[str, dict[str, float]] = {}
    total: Counter[str] = Counter()
    per_rule: Counter[tuple[str, str]] = Counter()
    for label, (src_file, lang, bt_file) in PAIRS.items():
        docs = [d for d in articles(data, src_file, bt_file) if half == "all" or half_of(d[0]) == half]
        paragraphs = sum(len(d[1].splitlines()) for d in docs)
        clean: Counter[str] = Counter()
        caught: Counter[tuple[str, str]] = Counter()
        tried: Counter[str] = Counter()
        for doc_id, english, source, bt in docs:
            base = findings(engine, doc_id, english, source, bt, lang)
            for f in base:
                sev = "major+" if f.severity.rank >= qa.Severity.MAJOR.rank else f.severity.value
                clean[sev] += 1
                per_rule[(f.rule, sev)] += 1
            for kind in KINDS:
                p = perturb(doc_id, bt, kind)
                if p is None:
                    continue
                text, para = p
                tried[kind] += 1
                found = findings(engine, doc_id, english, source, text, lang)
                for lv, sev in LEVELS:
                    if _para_counts(found, para, sev) > _para_counts(base, para, sev):
                        caught[(kind, lv)] += 1
        per1000 = 1000 * clean["minor"] / max(1, paragraphs)
        row = [label, str(len(docs)), str(paragraphs), str(clean["info"]), str(clean["minor"]), str(clean["major+"]), f"{per1000:.1f}"]
        fig = {"minor per 1000": per1000, "major+": clean["major+"]}
        for kind in KINDS:
            for lv, _ in LEVELS:
                r = caught[(kind, lv)] / tried[kind] if tried[kind] else 0.0
                row.append(f"{r:.2f} ({tried[kind]})")
                fig[f"{kind} {lv}"] = r
                total[f"{kind} {lv}"] += caught[(kind, lv)]
            total[kind] += tried[kind]
        figures[label] = fig
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Recall over all pairs: " + "; ".join(
        f"{kind} " + ", ".join(f"{lv} {total[f'{kind} {lv}'] / max(1, total[kind]):.2f}" for lv, _ in LEVELS) for kind in KINDS) + ".",
        "", "Clean findings per rule: " + (", ".join(f"{r} {s} {n}" for (r, s), n in sorted(per_rule.items())) or "none") + "."]
    return "\n".join(lines), figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "ntrex")
    ap.add_argument("--half", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--write", type=Path, help="write the table into this Markdown file's `backtranslation` section")
    args = ap.parse_args()
    if not args.data.is_dir():
        args.data = Path("/work/shared/bench/ntrex")
    table, _ = run(args.data, args.half)
    body = ("### Back-translation: numbers and names (NTREX)\n\n"
            f"`python benchmarks/backtranslation.py --half {args.half} --write docs/BENCHMARKS.md`\n\n" + table)
    print(body)
    if args.write:
        write_section(args.write, "backtranslation", body)


if __name__ == "__main__":
    main()
