#!/usr/bin/env python3
"""DEMETR (Karpinska et al., 2022): recall per perturbation type and false positives on clean MT, paired design.

For each perturbation file, the positives are ``pert_sent`` of the items
with ``pert_check`` true and the negatives are ``mt_sent`` of the same items
(``../shared/bench/README.md``). An item counts as caught when the perturbed
output has a finding, in the rule family the perturbation belongs to, that
the clean MT of the same item does not have: same rule and same excerpt, or,
for a finding that covers most of the sentence, same rule anywhere. The
false-positive rate is the share of clean MT sentences with any finding of
severity major or above. Every item is a one-sentence document.

Modes: target only; target + source sentence (``src_sent``, its language
from ``lang_tag``); target + source + human reference (``eng_sent``). A last
table checks the human references themselves as translations of their
sources (major+ findings are false positives there).

    python benchmarks/demetr.py [--data ../shared/bench/demetr] [--write docs/BENCHMARKS.md] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from qa.parallel import check_documents, default_jobs  # noqa: E402
from sections import write_section  # noqa: E402

LANGS = {
    "polish": "pl", "czech": "cs", "russian": "ru", "german": "de", "french": "fr", "italian": "it",
    "spanish": "es", "japanese": "ja", "chinese_simple": "zh", "chinese": "zh", "hindi": "hi",
}

# The rule family (category prefixes) each perturbation belongs to; the README's table for the
# types this checker is meant to catch, and every accuracy/fluency category for the semantic ones.
FAMILIES: dict[str, tuple[str, ...]] = {
    "critical_id4_codemix": ("accuracy/untranslated",),
    "critical_id10_numbers_replaced": ("accuracy/mistranslation", "locale/number-format"),
    "critical_id9_ne_replaced": ("accuracy/mistranslation",),
    "critical_id25_ne_removed": ("accuracy/omission",),
    "critical_id6_addition": ("accuracy/addition",),
    "critical_id20_shuffled": ("fluency/",),
    "base_id33_empty": ("accuracy/omission", "accuracy/untranslated"),
    "base_id33_shuffle_trans": ("accuracy/",),
    "minor_id1_repeat2": ("fluency/repetition",),
    "minor_id2_repeat4": ("fluency/repetition",),
    "minor_id28_final_punc_removed": ("fluency/punctuation",),
    "minor_id29_punc_addition": ("fluency/punctuation",),
    "minor_id30_tokenized": ("fluency/punctuation",),
    "minor_id31_full_lower": ("fluency/spelling",),
    "minor_id32_first_lower": ("fluency/spelling",),
    "base_id35_reference": (),
}
OTHER_FAMILY = ("accuracy/", "fluency/", "style/")

# The targets of issue 3: (file, mode) -> minimum recall.
TARGETS: dict[tuple[str, str], float] = {
    ("critical_id4_codemix", "source"): 0.85,
    ("critical_id10_numbers_replaced", "source"): 0.80,
    ("critical_id9_ne_replaced", "source"): 0.50,
    ("base_id33_empty", "source"): 0.99,
    ("minor_id1_repeat2", "source"): 0.90,
    ("minor_id2_repeat4", "source"): 0.95,
    ("minor_id28_final_punc_removed", "source"): 0.90,
    ("minor_id29_punc_addition", "source"): 0.50,
    ("minor_id30_tokenized", "source"): 0.90,
    ("minor_id31_full_lower", "source"): 0.90,
    ("minor_id32_first_lower", "source"): 0.90,
    ("base_id33_shuffle_trans", "reference"): 0.95,
    ("critical_id6_addition", "reference"): 0.60,
    ("critical_id25_ne_removed", "reference"): 0.60,
    ("critical_id20_shuffled", "reference"): 0.70,
}
MODES = ("target", "source", "reference")
WHOLE = 0.5  # a finding covering this share of the sentence is compared by rule only


@dataclass
class Row:
    name: str
    mode: str
    positives: int
    caught: int
    fp: int
    rules: Counter

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 0.0

    @property
    def fp_rate(self) -> float:
        return self.fp / self.positives if self.positives else 0.0


def family_of(name: str) -> tuple[str, ...]:
    return FAMILIES.get(name, OTHER_FAMILY)


def _doc(item: dict, text: str, mode: str, key: str) -> qa.Document:
    lang = LANGS.get(item["lang_tag"], item["lang_tag"])
    return qa.Document(
        id=key,
        target=text,
        source=item["src_sent"] if mode != "target" else None,
        reference=item["eng_sent"] if mode == "reference" else None,
        source_lang=lang if mode != "target" else None,
        target_lang="en",
    )


def _keys(result: qa.Result, family: tuple[str, ...]) -> tuple[set[tuple[str, str]], set[str]]:
    """(rule, excerpt) of the family's findings, and the rules whose findings cover most of the text."""
    n = max(1, len(result.document.target))
    pairs, whole = set(), set()
    for f in result.findings:
        if f.side != "target" or not f.category.startswith(family):
            continue
        pairs.add((f.rule, f.excerpt))
        if (f.end - f.start) / n >= WHOLE:
            whole.add(f.rule)
    return pairs, whole


def new_findings(pert: qa.Result, clean: qa.Result, family: tuple[str, ...]) -> set[str]:
    """Rules with a finding on the perturbed output that the clean MT does not have."""
    if not family:
        return set()
    p_pairs, p_whole = _keys(pert, family)
    c_pairs, c_whole = _keys(clean, family)
    c_rules = {r for r, _ in c_pairs}
    out = set()
    for rule, excerpt in p_pairs - c_pairs:
        if rule in p_whole and rule in c_rules:
            continue
        out.add(rule)
    return out


def major(result: qa.Result) -> bool:
    return any(f.severity.rank >= qa.Severity.MAJOR.rank for f in result.findings)


def run(data: Path, modes: tuple[str, ...], jobs: int, only: str | None = None) -> tuple[list[Row], dict[str, tuple[int, int, Counter]]]:
    files = sorted(data.glob("*.json"))
    if only:
        files = [f for f in files if only in f.stem]
    rows: list[Row] = []
    refs: dict[str, tuple[int, int, Counter]] = {}
    config = qa.Config()
    for mode in modes:
        clean_cache: dict[int, qa.Result] = {}
        for path in files:
            items = [it for it in json.loads(path.read_text(encoding="utf-8")) if it["pert_check"]]
            name = path.stem
            docs = [_doc(it, it["pert_sent"], mode, f"p{it['id']}") for it in items]
            need = [it for it in items if it["id"] not in clean_cache]
            docs += [_doc(it, it["mt_sent"], mode, f"c{it['id']}") for it in need]
            results = list(check_documents(docs, config, jobs))
            pert = results[: len(items)]
            for it, res in zip(need, results[len(items) :]):
                clean_cache[it["id"]] = res
            caught, fp, rules = 0, 0, Counter()
            for it, p in zip(items, pert):
                c = clean_cache[it["id"]]
                new = new_findings(p, c, family_of(name))
                caught += bool(new)
                rules.update(new)
                fp += major(c)
            rows.append(Row(name, mode, len(items), caught, fp, rules))
            print(f"{mode:9} {name:34} n={len(items):3} recall={rows[-1].recall:.3f} fp={rows[-1].fp_rate:.3f}", file=sys.stderr)
        if mode != "target":
            # the human reference checked as a translation of its source (one per distinct item)
            items = {}
            for path in files:
                for it in json.loads(path.read_text(encoding="utf-8")):
                    items.setdefault(it["id"], it)
            docs = [_doc(it, it["eng_sent"], "source", f"r{it['id']}") for it in items.values()]
            flagged, by_rule = 0, Counter()
            for res in check_documents(docs, config, jobs):
                majors = {f.rule for f in res.findings if f.severity.rank >= qa.Severity.MAJOR.rank}
                flagged += bool(majors)
                by_rule.update(majors)
            refs[mode] = (len(docs), flagged, by_rule)
    return rows, refs


def render(rows: list[Row], refs: dict[str, tuple[int, int, Counter]], modes: tuple[str, ...], seconds: float) -> str:
    by = {(r.name, r.mode): r for r in rows}
    names = sorted({r.name for r in rows}, key=lambda n: (n not in FAMILIES, n))
    head = "| perturbation | n | family | " + " | ".join(f"{m} recall | {m} FP" for m in modes) + " | target (mode) | rules that caught it (first mode with a target, else source) |"
    lines = [head, "|---|---:|---|" + "---:|---:|" * len(modes) + "---|---|"]
    met, missed = [], []
    for name in names:
        any_row = next(by[(name, m)] for m in modes if (name, m) in by)
        cells = []
        for m in modes:
            r = by.get((name, m))
            cells.append(f"{r.recall:.3f} | {r.fp_rate:.3f}" if r else "- | -")
        goal = [(m, t) for (n, m), t in TARGETS.items() if n == name and m in modes]
        goal_txt = ", ".join(f"≥ {t:.2f} ({m})" for m, t in goal) or "-"
        for m, t in goal:
            (met if by[(name, m)].recall >= t else missed).append(f"{name} ({m}) {by[(name, m)].recall:.3f} vs {t:.2f}")
        mode_for_rules = goal[0][0] if goal else ("source" if "source" in modes else modes[0])
        rr = by.get((name, mode_for_rules), any_row).rules
        rules_txt = ", ".join(f"{k} {v}" for k, v in rr.most_common(4)) or "-"
        fam = ", ".join(family_of(name)) or "none (must stay clean)"
        lines.append(f"| {name} | {any_row.positives} | {fam} | " + " | ".join(cells) + f" | {goal_txt} | {rules_txt} |")
    lines += ["", f"Targets met: {len(met)} of {len(met) + len(missed)}." + (" Missed: " + "; ".join(missed) + "." if missed else "")]
    if refs:
        lines += ["", "Human references (`eng_sent`) checked as translations of their sources (`src_sent`), "
                  "one per distinct item; every major+ finding is a false positive (target: at most 5%):", "",
                  "| sentences | with a major+ finding | share | rules |", "|---:|---:|---:|---|"]
        n, flagged, by_rule = refs.get("source") or next(iter(refs.values()))
        rules_txt = ", ".join(f"{k} {v}" for k, v in by_rule.most_common(6)) or "-"
        lines.append(f"| {n} | {flagged} | {flagged / max(1, n):.3f} | {rules_txt} |")
    lines += ["", f"Run time: {seconds:.0f} s."]
    return "\n".join(lines)


PEERS = """For comparison, measured on the same data (issue 3): translate-toolkit's pofilter 3.20.4
catches codemix 0.002, numbers 0.66, entity swaps 0.09, repeats 0.97 / 1.00, final punctuation
0.71, tokenized 0.77, lowercase 0.72 / 0.69 (paired), while flagging 48% of the clean MT and 50%
of the professional NTREX English. sacrebleu's sentence chrF scores the perturbed output below
the clean MT for 95% of codemix, 89% of additions, 98% of entity removals and 0% of tokenized
text, and gives no location."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "demetr")
    parser.add_argument("--write", type=Path, help="write the table into this Markdown file's demetr section")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of: " + ", ".join(MODES))
    parser.add_argument("--only", help="only perturbation files whose name contains this (for development)")
    args = parser.parse_args(argv)
    modes = tuple(m for m in args.modes.split(",") if m)
    t0 = time.perf_counter()
    rows, refs = run(args.data, modes, args.jobs, args.only)
    table = render(rows, refs, modes, time.perf_counter() - t0)
    body = (
        "### DEMETR: recall per perturbation type, paired design\n\n"
        f"qa {qa.__version__}; data: DEMETR (MIT), even ids, 500 items per type, positives = items with `pert_check`.\n"
        "Regenerate: `python benchmarks/demetr.py --write docs/BENCHMARKS.md`\n\n"
        "Recall: share of perturbed sentences with a finding in the perturbation's rule family that the clean MT\n"
        "of the same item lacks. FP: share of the clean MT sentences with any finding of severity major or above.\n"
        "Modes: target only; + source sentence; + source and human reference.\n\n" + table + "\n\n" + PEERS
    )
    print(body)
    if args.write:
        write_section(args.write, "demetr", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
