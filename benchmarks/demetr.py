#!/usr/bin/env python3
"""DEMETR (Karpinska et al., 2022): recall per perturbation type and false positives on clean MT, paired design.

For each perturbation file, the positives are ``pert_sent`` of the items
with ``pert_check`` true and the negatives are ``mt_sent`` of the same items
(``../shared/bench/README.md``). Every item is a one-sentence document.

Counting severity (issue 16): a perturbed sentence is caught at a severity
threshold when its MQM penalty in the perturbation's rule family, counting
only findings at or above the threshold (critical 25, major 5, minor 1,
info 0), exceeds that of the clean MT of the same item. At info+ the count
of info notes breaks a tie, so an info note counts there and only there.
Minor+ is the basis of the targets: an info note is not a catch. The
clean-twin rate at a threshold is the share of the clean MT sentences with
any finding (any rule) at or above it.

A peer on the same basis: with ``--pofilter PATH``, translate-toolkit's
pofilter checks the same source/perturbed and source/clean pairs; its paired
recall (a check the clean MT does not fail) and its any-flag rate on the
clean MT stand beside qa's info+ figures, since pofilter has no severities.

Modes: target only; target + source sentence (``src_sent``, its language
from ``lang_tag``); target + source + human reference (``eng_sent``). A last
table checks the human references themselves as translations of their
sources (major+ findings are false positives there).

    python benchmarks/demetr.py [--data ../shared/bench/demetr] [--write docs/BENCHMARKS.md] [--jobs N] [--pofilter PATH]

pofilter comes from translate-toolkit in a separate environment:
``python3 -m venv /tmp/ttk && /tmp/ttk/bin/pip install translate-toolkit``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
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
THRESHOLDS = ("info", "minor", "major")  # recall and clean-twin rate at each severity and above
BASIS = "minor"  # the targets are judged on this threshold: an info note is not a catch
WHOLE = 0.5  # a finding covering this share of the sentence is compared by rule only


@dataclass
class Row:
    name: str
    mode: str
    positives: int
    caught: dict[str, int]  # threshold -> perturbed sentences caught
    clean: dict[str, int]  # threshold -> clean twins with any finding at or above it
    rules: Counter  # rules behind the catches at the basis threshold

    def recall(self, threshold: str = BASIS) -> float:
        return self.caught[threshold] / self.positives if self.positives else 0.0


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


def _rank(threshold: str) -> int:
    return qa.Severity(threshold).rank


def penalty(result: qa.Result, family: tuple[str, ...], threshold: str) -> tuple[float, int]:
    """The MQM penalty of the family's findings at or above the threshold, and (at info+ only) the info notes.

    The second element breaks a tie at info+, where an info note weighs nothing but still counts."""
    floor = _rank(threshold)
    total, notes = 0.0, 0
    for f in result.findings:
        if not family or not f.category.startswith(family) or f.severity.rank < floor:
            continue
        total += f.severity.weight
        notes += f.severity is qa.Severity.INFO
    return total, notes


def caught_at(pert: qa.Result, clean: qa.Result, family: tuple[str, ...], threshold: str) -> bool:
    """The perturbed output's family penalty (at the threshold and above) exceeds the clean MT's."""
    return bool(family) and penalty(pert, family, threshold) > penalty(clean, family, threshold)


def _keys(result: qa.Result, family: tuple[str, ...], floor: int) -> tuple[set[tuple[str, str]], set[str]]:
    """(rule, excerpt) of the family's findings at or above the floor, and the rules whose findings cover most of the text."""
    n = max(1, len(result.document.target))
    pairs, whole = set(), set()
    for f in result.findings:
        if not f.category.startswith(family) or f.severity.rank < floor:
            continue
        pairs.add((f.rule, f.excerpt))
        if (f.end - f.start) / n >= WHOLE:
            whole.add(f.rule)
    return pairs, whole


def new_findings(pert: qa.Result, clean: qa.Result, family: tuple[str, ...], threshold: str = BASIS) -> set[str]:
    """Rules with a finding (at or above the threshold) on the perturbed output that the clean MT lacks: the rules behind a catch."""
    if not family:
        return set()
    floor = _rank(threshold)
    p_pairs, p_whole = _keys(pert, family, floor)
    c_pairs, _ = _keys(clean, family, floor)
    c_rules = {r for r, _ in c_pairs}
    return {rule for rule, _ in p_pairs - c_pairs if not (rule in p_whole and rule in c_rules)}


def flagged_at(result: qa.Result, threshold: str) -> bool:
    floor = _rank(threshold)
    return any(f.severity.rank >= floor for f in result.findings)


@dataclass
class Clean:
    """The distinct clean MT sentences of one mode (or the human references): how many draw a finding at each threshold."""

    n: int
    flagged: dict[str, int]
    rules: Counter  # rules of the findings at the basis threshold and above

    def rate(self, threshold: str) -> float:
        return self.flagged[threshold] / self.n if self.n else 0.0


def _clean_summary(results: list[qa.Result]) -> Clean:
    flagged = {t: sum(flagged_at(r, t) for r in results) for t in THRESHOLDS}
    rules: Counter = Counter()
    for r in results:
        rules.update({f.rule for f in r.findings if f.severity.rank >= _rank(BASIS)})
    return Clean(len(results), flagged, rules)


def _items(path: Path) -> list[dict]:
    return [it for it in json.loads(path.read_text(encoding="utf-8")) if it["pert_check"]]


def run(data: Path, modes: tuple[str, ...], jobs: int, only: str | None = None) -> tuple[list[Row], dict[str, Clean], dict[str, Clean]]:
    """Rows per (file, mode); the distinct clean MT per mode; the human references per mode."""
    files = sorted(data.glob("*.json"))
    if only:
        files = [f for f in files if only in f.stem]
    rows: list[Row] = []
    cleans: dict[str, Clean] = {}
    refs: dict[str, Clean] = {}
    config = qa.Config()
    for mode in modes:
        clean_cache: dict[int, qa.Result] = {}
        for path in files:
            items = _items(path)
            name = path.stem
            family = family_of(name)
            docs = [_doc(it, it["pert_sent"], mode, f"p{it['id']}") for it in items]
            need = [it for it in items if it["id"] not in clean_cache]
            docs += [_doc(it, it["mt_sent"], mode, f"c{it['id']}") for it in need]
            results = list(check_documents(docs, config, jobs))
            pert = results[: len(items)]
            for it, res in zip(need, results[len(items) :]):
                clean_cache[it["id"]] = res
            caught = dict.fromkeys(THRESHOLDS, 0)
            clean = dict.fromkeys(THRESHOLDS, 0)
            rules: Counter = Counter()
            for it, p in zip(items, pert):
                c = clean_cache[it["id"]]
                for t in THRESHOLDS:
                    hit = caught_at(p, c, family, t)
                    caught[t] += hit
                    clean[t] += flagged_at(c, t)
                    if hit and t == BASIS:
                        rules.update(new_findings(p, c, family, t))
            rows.append(Row(name, mode, len(items), caught, clean, rules))
            r = rows[-1]
            print(f"{mode:9} {name:34} n={len(items):3} recall " + " ".join(f"{t}+={r.recall(t):.3f}" for t in THRESHOLDS),
                  file=sys.stderr)
        cleans[mode] = _clean_summary(list(clean_cache.values()))
        if mode != "target":
            # the human reference checked as a translation of its source (one per distinct item)
            items_by_id: dict[int, dict] = {}
            for path in files:
                for it in json.loads(path.read_text(encoding="utf-8")):
                    items_by_id.setdefault(it["id"], it)
            docs = [_doc(it, it["eng_sent"], "source", f"r{it['id']}") for it in items_by_id.values()]
            refs[mode] = _clean_summary(list(check_documents(docs, config, jobs)))
    return rows, cleans, refs


@dataclass
class Peers:
    """Figures of tools without severities, on the same pairs: pofilter and sentence chrF."""

    version: str
    recall: dict[str, float]  # file -> pofilter paired recall (a check the clean MT does not fail)
    clean_rate: float  # pofilter: share of distinct clean MT sentences with any flag
    ref_rate: float  # pofilter: share of distinct human references with any flag
    chrf: dict[str, float]  # file -> share of perturbed sentences whose chrF against the reference is below the clean MT's


_CHECK = re.compile(r"^# \(pofilter\) ([\w-]+):", re.M)
_CTX = re.compile(r'^msgctxt "([^"]*)"', re.M)


def pofilter_flags(pofilter: str, pairs: dict[str, tuple[str, str]]) -> dict[str, set[str]]:
    """Run pofilter (every check) on (source, translation) pairs; the checks each pair fails, by key."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.po", Path(tmp) / "out.po"
        with src.open("w", encoding="utf-8") as po:
            po.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
            for key, (source, target) in pairs.items():
                po.write(f"msgctxt {json.dumps(key)}\nmsgid {json.dumps(source, ensure_ascii=False)}\n"
                         f"msgstr {json.dumps(target, ensure_ascii=False)}\n\n")
        subprocess.run([pofilter, "--progress=none", "-i", str(src), "-o", str(out)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        flags: dict[str, set[str]] = {k: set() for k in pairs}
        if not out.exists():  # nothing to check
            return flags
        for block in out.read_text(encoding="utf-8").split("\n\n"):
            ctx = _CTX.search(block)
            if ctx and ctx.group(1) in flags:
                flags[ctx.group(1)] = set(_CHECK.findall(block))
        return flags


def peers(data: Path, pofilter: str | None, only: str | None = None) -> Peers | None:
    if not pofilter:
        return None
    from qa.metrics import sentence_chrf

    files = sorted(data.glob("*.json"))
    if only:
        files = [f for f in files if only in f.stem]
    pairs: dict[str, tuple[str, str]] = {}
    distinct: dict[int, dict] = {}
    for path in files:
        for it in _items(path):
            pairs[f"{path.stem}:{it['id']}"] = (it["src_sent"], it["pert_sent"])
            distinct.setdefault(it["id"], it)
    for i, it in distinct.items():
        pairs[f"clean:{i}"] = (it["src_sent"], it["mt_sent"])
        pairs[f"ref:{i}"] = (it["src_sent"], it["eng_sent"])
    flags = pofilter_flags(pofilter, pairs)
    version = subprocess.run([pofilter, "--version"], capture_output=True, text=True).stdout.strip()
    recall, chrf = {}, {}
    clean_chrf = {i: sentence_chrf(it["mt_sent"], it["eng_sent"]) for i, it in distinct.items()}
    for path in files:
        items = _items(path)
        if not items:
            continue
        recall[path.stem] = sum(bool(flags[f"{path.stem}:{it['id']}"] - flags[f"clean:{it['id']}"]) for it in items) / len(items)
        chrf[path.stem] = sum(sentence_chrf(it["pert_sent"], it["eng_sent"]) < clean_chrf[it["id"]] for it in items) / len(items)
    n = max(1, len(distinct))
    return Peers(version, recall, sum(bool(flags[f"clean:{i}"]) for i in distinct) / n,
                 sum(bool(flags[f"ref:{i}"]) for i in distinct) / n, chrf)


def _three(r: Row) -> str:
    return " / ".join(f"{r.recall(t):.3f}" for t in THRESHOLDS)


def render(rows: list[Row], cleans: dict[str, Clean], refs: dict[str, Clean], modes: tuple[str, ...], seconds: float,
           peer: Peers | None = None) -> str:
    by = {(r.name, r.mode): r for r in rows}
    names = sorted({r.name for r in rows}, key=lambda n: (n not in FAMILIES, n))
    tl = "info+ / minor+ / major+"
    head = "| perturbation | n | family | " + " | ".join(f"{m}: {tl}" for m in modes) + " | target, minor+ (mode) | rules behind the minor+ catches (mode of the target, else source) |"
    lines = [head, "|---|---:|---|" + "---:|" * len(modes) + "---|---|"]
    met, missed = [], []
    for name in names:
        any_row = next(by[(name, m)] for m in modes if (name, m) in by)
        cells = [(_three(by[(name, m)]) if (name, m) in by else "-") for m in modes]
        goal = [(m, t) for (n, m), t in TARGETS.items() if n == name and m in modes]
        goal_txt = ", ".join(f"≥ {t:.2f} ({m})" for m, t in goal) or "-"
        for m, t in goal:
            (met if by[(name, m)].recall() >= t else missed).append(f"{name} ({m}) {by[(name, m)].recall():.3f} vs {t:.2f}")
        mode_for_rules = goal[0][0] if goal else ("source" if "source" in modes else modes[0])
        rr = by.get((name, mode_for_rules), any_row).rules
        rules_txt = ", ".join(f"{k} {v}" for k, v in rr.most_common(4)) or "-"
        fam = ", ".join(family_of(name)) or "none (must stay clean)"
        lines.append(f"| {name} | {any_row.positives} | {fam} | " + " | ".join(cells) + f" | {goal_txt} | {rules_txt} |")
    lines += ["", f"Targets met (minor+ penalty): {len(met)} of {len(met) + len(missed)}." + (" Missed: " + "; ".join(missed) + "." if missed else "")]
    lines += ["", "Clean twins: the distinct clean MT sentences (`mt_sent`) of each mode, and the human references (`eng_sent`)",
              "checked as translations of their sources, with a finding at each severity and above:", "",
              "| text | mode | sentences | info+ | minor+ | major+ | rules at minor+ |", "|---|---|---:|---:|---:|---:|---|"]
    for m in modes:
        if m in cleans:
            c = cleans[m]
            lines.append(f"| clean MT | {m} | {c.n} | " + " | ".join(f"{c.rate(t):.3f}" for t in THRESHOLDS)
                         + " | " + (", ".join(f"{k} {v}" for k, v in c.rules.most_common(6)) or "-") + " |")
    ref = refs.get("source") or next(iter(refs.values()), None)
    if ref is not None:
        lines.append(f"| human reference | source | {ref.n} | " + " | ".join(f"{ref.rate(t):.3f}" for t in THRESHOLDS)
                     + " | " + (", ".join(f"{k} {v}" for k, v in ref.rules.most_common(6)) or "-") + " |")
    if peer is not None:
        src = "source" if "source" in modes else modes[0]
        lines += ["", f"Peers on the same pairs ({peer.version}, every check; sacrebleu sentence chrF against `eng_sent`). "
                  "pofilter has no severities, so its any-flag figures stand beside qa's info+ ones (qa in "
                  f"{src} mode, as pofilter sees the source); chrF gives a score, not a location:", "",
                  f"| perturbation | pofilter recall (any new flag) | qa info+ recall | qa minor+ recall | chrF below the clean MT's |",
                  "|---|---:|---:|---:|---:|"]
        for name in names:
            r = by.get((name, src))
            if r is None or name not in peer.recall:
                continue
            lines.append(f"| {name} | {peer.recall[name]:.3f} | {r.recall('info'):.3f} | {r.recall('minor'):.3f} | {peer.chrf[name]:.3f} |")
        lines += ["", "| clean twin with any flag / finding | pofilter | qa info+ | qa minor+ | qa major+ |", "|---|---:|---:|---:|---:|"]
        if src in cleans:
            c = cleans[src]
            lines.append(f"| clean MT ({src} mode) | {peer.clean_rate:.3f} | " + " | ".join(f"{c.rate(t):.3f}" for t in THRESHOLDS) + " |")
        if ref is not None:
            lines.append(f"| human reference | {peer.ref_rate:.3f} | " + " | ".join(f"{ref.rate(t):.3f}" for t in THRESHOLDS) + " |")
    lines += ["", f"Run time: {seconds:.0f} s."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "demetr")
    parser.add_argument("--write", type=Path, help="write the table into this Markdown file's demetr section")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of: " + ", ".join(MODES))
    parser.add_argument("--only", help="only perturbation files whose name contains this (for development)")
    parser.add_argument("--pofilter", default=shutil.which("pofilter") or ("/tmp/ttk/bin/pofilter" if Path("/tmp/ttk/bin/pofilter").exists() else None),
                        help="translate-toolkit's pofilter, for the peer table (default: on PATH, else /tmp/ttk/bin/pofilter)")
    args = parser.parse_args(argv)
    modes = tuple(m for m in args.modes.split(",") if m)
    t0 = time.perf_counter()
    rows, cleans, refs = run(args.data, modes, args.jobs, args.only)
    peer = peers(args.data, args.pofilter, args.only)
    table = render(rows, cleans, refs, modes, time.perf_counter() - t0, peer)
    body = (
        "### DEMETR: recall per perturbation type, paired design\n\n"
        f"qa {qa.__version__}; data: DEMETR (MIT), even ids, 500 items per type, positives = items with `pert_check`.\n"
        "Regenerate: `python benchmarks/demetr.py --pofilter /tmp/ttk/bin/pofilter --write docs/BENCHMARKS.md` (pofilter from\n"
        "translate-toolkit in its own environment: `python -m venv /tmp/ttk && /tmp/ttk/bin/pip install translate-toolkit`)\n\n"
        "Recall counting severity: a perturbed sentence is caught at a threshold when its MQM penalty in the perturbation's\n"
        "rule family (critical 25, major 5, minor 1, info 0; only findings at the threshold and above) exceeds that of the\n"
        "clean MT of the same item; at info+ the number of info notes breaks a tie. The targets are judged at minor+:\n"
        "an info note is not a catch. Modes: target only; + source sentence; + source and human reference.\n\n" + table
    )
    print(body)
    if args.write:
        write_section(args.write, "demetr", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
