#!/usr/bin/env python3
"""Throughput and memory with equal resources: qa (every rule on) beside translate-toolkit's pofilter, per core.

The units are DEMETR's source + MT pairs (every perturbation file, the
perturbed output as the translation). The headline rows give qa the same
input pofilter gets, source and MT, as a JSONL corpus for qa and as PO files
for pofilter. Equal resources:

- ``qa check --jobs 1`` beside one pofilter process on the whole corpus;
- ``qa check --jobs N`` beside N pofilter processes at once, each on 1/N of
  the corpus (the time is the slowest shard's).

Extra rows, labelled as such and left out of the speed ratio, add the human
English reference (pofilter has no reference side), so the reference rules
and sacrebleu's document metrics run too: with every metric (qa's default)
and with ``--metrics none``, on the smallest corpus (``--metrics-rows``
chooses the second kind: ``--metrics-rows none bleu,chrf`` adds a row
without TER alone).

Two more kinds of extra row: the first qa run, with qa's cache of derived word
tables (``qa.cache``) still empty, as on a new machine (the later runs read the
tables back); and qa beside pofilter on units in which no source repeats
(NTREX's professional translations as sources, the English original as the
translation, ``--ntrex``): DEMETR has 35 translations of each source, and qa
works a source out once, so those rows show its speed where that never helps.

Each row runs on 1x and 4x the corpus as a fresh process, the tools taking
turns, ``--repeat`` runs each (the median time is reported: this machine's
speed drifts by several per cent between minutes). Memory per row, two ways:

- *largest process*: the peak RSS of the largest single process, exact, from
  ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in a fresh wrapper process;
- *all processes*: the peak of the summed RSS of the process tree (qa's
  workers, or the N pofilter shards), sampled every 100 ms. Pages a forked
  worker shares with its parent count in both, so this overstates qa's total.

Then, in this process, the milliseconds per unit of each rule family (a rule
module; ``text`` is splitting the sides, ``metrics`` sacrebleu's BLEU/chrF/TER)
after a warm-up, from the engine's opt-in timing, without and with the
reference, so the next bottleneck is visible; and one article of 1,000 and of
10,000 paragraphs, each timed after a warm-up run of the same article
(start-up and first loads excluded).

    python benchmarks/throughput.py [--data ../shared/bench/demetr] [--pofilter PATH] [--jobs N] [--repeat 3] [--sizes 1,4] [--write docs/BENCHMARKS.md]

pofilter comes from translate-toolkit, installed in its own environment so
that it runs as users run it:
``python3 -m venv /tmp/ttk && /tmp/ttk/bin/pip install translate-toolkit==3.20.4``,
then ``--pofilter /tmp/ttk/bin/pofilter``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections import write_section  # noqa: E402

SAMPLE_EVERY = 0.1  # seconds between memory samples of the measured process tree

LANGS = {"polish": "pl", "czech": "cs", "russian": "ru", "german": "de", "french": "fr", "italian": "it",
         "spanish": "es", "japanese": "ja", "chinese_simple": "zh", "hindi": "hi"}

# Runs the commands at once, waits for all, and prints the wall time and the largest child's peak RSS:
# RUSAGE_CHILDREN covers every descendant that was waited for (qa's workers too), and a fresh wrapper
# per run keeps one run's peak out of the next one's figure.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
cmds = json.loads(sys.argv[1])
start = time.perf_counter()
procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in cmds]
codes = [p.wait() for p in procs]
secs = time.perf_counter() - start
print(json.dumps({"seconds": secs, "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "codes": codes}))
"""


def units(data: Path) -> list[dict]:
    out = []
    for path in sorted(data.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            out.append({"id": f"{path.stem}:{item['id']}", "source": item["src_sent"], "target": item["pert_sent"],
                        "reference": item["eng_sent"], "source_lang": LANGS.get(item["lang_tag"], None)})
    return out


NTREX_SOURCES = {"srp-Latn": "sr", "srp-Cyrl": "sr", "hrv": "hr", "bos": "bs", "mkd": "mk", "slv": "sl"}


def distinct_units(ntrex: Path) -> list[dict]:
    """Units in which no source repeats: NTREX's professional translations of each English news line
    (Serbian in both scripts, Croatian, Bosnian, Macedonian, Slovenian) as the sources, the English
    original as the translation. DEMETR checks 35 translations of each of 500 sources, and qa works a
    source out once however many translations it has; these rows show its speed when that never helps."""
    english = (ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    out = []
    for suffix, lang in NTREX_SOURCES.items():
        path = ntrex / f"newstest2019-ref.{suffix}.txt"
        if not path.is_file():
            continue
        for k, (src, tgt) in enumerate(zip(path.read_text(encoding="utf-8").splitlines(), english)):
            if src.strip() and tgt.strip():
                out.append({"id": f"{suffix}:{k}", "source": src, "target": tgt, "reference": tgt, "source_lang": lang})
    return out


def write_corpora(items: list[dict], folder: Path, copies: int, shards: int, name: str = "demetr") -> tuple[Path, Path, list[Path]]:
    """The JSONL corpora for qa, without and with the reference, and the same units as ``shards`` PO
    files of consecutive units for pofilter (shard 0 alone when ``shards`` is 1)."""
    jsonl = folder / f"{name}-x{copies}.jsonl"
    with_reference = folder / f"{name}-reference-x{copies}.jsonl"
    total = len(items) * copies
    bounds = [total * k // shards for k in range(shards + 1)]
    pos = [folder / f"{name}-x{copies}-{k + 1}of{shards}.po" for k in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in pos]
    try:
        for h in handles:
            h.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        with jsonl.open("w", encoding="utf-8") as j, with_reference.open("w", encoding="utf-8") as r:
            n = 0
            for k in range(copies):
                for it in items:
                    rec = {"id": f"{it['id']}#{k}", "target": it["target"], "source": it["source"],
                           "source_lang": it["source_lang"]}
                    j.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    r.write(json.dumps({**rec, "reference": it["reference"]}, ensure_ascii=False) + "\n")
                    shard = next(s for s in range(shards) if bounds[s] <= n < bounds[s + 1])
                    handles[shard].write(f"msgctxt {_po(rec['id'])}\nmsgid {_po(it['source'])}\nmsgstr {_po(it['target'])}\n\n")
                    n += 1
    finally:
        for h in handles:
            h.close()
    return jsonl, with_reference, pos


def qa_command(jsonl: Path, jobs: int, metrics: str | None = None) -> list[str]:
    """The measured ``qa check`` command: every rule, JSON to nowhere; ``metrics``: its ``--metrics`` (none
    given: every document metric is computed where a reference is, as by default)."""
    chosen = ["--metrics", metrics] if metrics is not None else []
    return [sys.executable, "-m", "qa", "check", "--no-config", "--format", "json",
            "--output", os.devnull, "--jobs", str(jobs), *chosen, str(jsonl)]


REFERENCE_LABEL = "extra: qa check (every rule, **with reference**, every metric), --jobs 1"


def metrics_label(metrics: str) -> str:
    """An extra row's label: the with-reference row's, with the metrics it leaves out."""
    left_out = "no document metrics" if metrics == "none" else "no " + ", ".join(
        m.upper() if m != "chrf" else "chrF" for m in ("bleu", "chrf", "ter") if m not in metrics.split(","))
    return f"extra: qa check (every rule, with reference), --jobs 1 **--metrics {metrics}** ({left_out})"


def _po(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string literal is a valid PO string literal


def measure(cmds: list[list[str]]) -> tuple[float, float, float]:
    """Run ``cmds`` at once: (seconds until the last ends, peak MiB of the largest process, peak MiB of all summed)."""
    import psutil

    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, json.dumps(cmds)], stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
            while not done.is_set():
                try:
                    peak = max(peak, sum(c.memory_info().rss for c in root.children(recursive=True)))
                except psutil.Error:
                    pass
                time.sleep(SAMPLE_EVERY)
        except psutil.Error:
            return

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    done.set()
    t.join()
    got = json.loads(out)
    if any(got["codes"]) and not all(c in (0, 1) for c in got["codes"]):  # qa exits 1 when a document fails
        raise RuntimeError(f"{cmds[0][:3]} exited {got['codes']}")
    return got["seconds"], got["maxrss_kib"] / 1024, max(peak / 2**20, got["maxrss_kib"] / 1024)


def family_profile(items: list[dict], every: int = 1, reference: bool = True) -> tuple[dict[str, float], float]:
    """Milliseconds per unit of each rule family (and text splitting, metrics, the rest of the engine), one
    process, after a warm-up pass over a tenth of the corpus that loads every table and word list; on
    every ``every``-th unit (all by default); ``reference``: give the units their reference."""
    import qa
    from qa.engine import Engine

    docs = [qa.Document(id=it["id"], target=it["target"], source=it["source"],
                        reference=it["reference"] if reference else None,
                        source_lang=it["source_lang"]) for it in items[:: every]]
    warm = Engine()
    for d in docs[:: 10]:
        warm.check(d)
    from qa.languages.detection import _detector_factory

    _detector_factory()  # langdetect's profiles: loaded on the first doubtful text, which the warm-up may not meet
    timings: dict[str, float] = {}
    engine = Engine(timings=timings)
    start = time.perf_counter()
    for d in docs:
        engine.check(d)
    total = time.perf_counter() - start
    ms = {k: v * 1000 / len(docs) for k, v in timings.items()}
    ms["engine (findings, scores, the rest)"] = total * 1000 / len(docs) - sum(ms.values())
    return ms, total * 1000 / len(docs)


def ter_share(items: list[dict], every: int = 1) -> float:
    """Milliseconds per unit of sacrebleu's TER alone (qa's document segments, as ``metrics`` scores them):
    the part of ``metrics`` that is sacrebleu's pure-Python beam search and shift search."""
    from qa.metrics import document_scores

    units = items[:: every]
    start = time.perf_counter()
    for it in units:
        if it["reference"].strip() and it["target"].strip():
            document_scores(it["target"], it["reference"], ["ter"])
    return (time.perf_counter() - start) * 1000 / len(units)


def chrf_rate(items: list[dict]) -> float:
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    start = time.perf_counter()
    for it in items:
        chrf.sentence_score(it["target"], [it["reference"]])
    return len(items) / (time.perf_counter() - start)


def scaling() -> tuple[float, float]:
    """Seconds for one 1,000- and one 10,000-paragraph article (every rule), each timed after a warm-up
    check of another article of the same size: linear rules keep the ratio near 10."""
    import random

    import qa

    rng = random.Random(0)
    words = "government minister budget talks border election court police river city bank energy deal vote said".split()

    def article(n: int) -> str:
        return "Headline\n" + "\n".join(" ".join(rng.choice(words) for _ in range(18)) + "." for _ in range(n))

    engine = qa.Engine()
    times = []
    for n in (1000, 10000):
        # warm-up on another article of the same shape: tables and word lists load outside the clock, but
        # the timed text is new, so per-line caches do not flatter the smaller article
        engine.check(qa.Document(id=f"warm{n}", target=article(n), source_lang="sr"))
        doc = qa.Document(id=str(n), target=article(n), source_lang="sr")
        t0 = time.perf_counter()
        engine.check(doc)
        times.append(time.perf_counter() - t0)
    return times[0], times[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "demetr")
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "bench" / "ntrex",
                        help="NTREX folder for the extra rows in which no source repeats")
    parser.add_argument("--pofilter", default=shutil.which("pofilter") or "/tmp/ttk/bin/pofilter")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N of the second pair of rows (qa --jobs N, N pofilter shards)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each row per corpus size, taking turns (median reported)")
    parser.add_argument("--sizes", default="1,4", help="corpus copies to run (memory 4x / 1x needs both)")
    parser.add_argument("--profile-every", type=int, default=5, help="profile the families on every N-th unit (1: all; default 5)")
    parser.add_argument("--metrics-rows", nargs="*", default=["none"], metavar="METRICS",
                        help="extra with-reference qa --jobs 1 rows on the smallest corpus, one per --metrics value (default: "
                             "none; e.g. bleu,chrf; give the flag alone for no such row), beside the with-reference row with every metric")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    items = units(args.data)
    if not items:
        parser.error(f"no DEMETR files in {args.data} (give --data)")
    sizes = [int(s) for s in args.sizes.split(",")]
    have_pofilter = Path(args.pofilter).exists() or shutil.which(args.pofilter) is not None
    jobs = sorted({1, args.jobs})
    rows = []
    figures: dict[tuple[str, int, int], tuple[float, float, float]] = {}  # (tool, jobs, copies) -> seconds, largest, all

    def row(label: str, key: tuple[str, int, int], got: list[tuple[float, float, float]], n: int) -> None:
        secs = statistics.median(s for s, _, _ in got)
        largest = max(m for _, m, _ in got)
        summed = max(a for _, _, a in got)
        figures[key] = (secs, largest, summed)
        spread = f"{min(s for s, _, _ in got):.1f}-{max(s for s, _, _ in got):.1f}"
        cores = key[1]
        rows.append(f"| {label} | {cores} | {key[2]}x | {n:,} | {secs:.1f} ({spread}) | {n / secs:,.0f} | {n / secs / cores:,.0f} | {largest:,.0f} | {summed:,.0f} |")

    with tempfile.TemporaryDirectory() as tmp:
        # qa's cache of derived tables (qa.cache) starts empty: the first run builds it, as on a new machine
        os.environ["QA_CACHE_DIR"] = str(Path(tmp) / "qa-cache")
        cold: tuple[float, float, float] | None = None
        for copies in sizes:
            n = len(items) * copies
            cmds: dict[tuple[str, int], list[list[str]]] = {}
            for j in jobs:
                jsonl, with_reference, pos = write_corpora(items, Path(tmp), copies, j)
                cmds[("qa", j)] = [qa_command(jsonl, j)]
                if have_pofilter:
                    cmds[("pofilter", j)] = [[args.pofilter, "--progress=none", "-i", str(po), "-o", str(po.with_suffix(".out.po"))] for po in pos]
                if j == 1 and copies == min(sizes):  # the reference side and what its metrics cost: extra rows, smallest corpus only
                    cmds[("qa reference", 1)] = [qa_command(with_reference, 1)]
                    for chosen in args.metrics_rows:
                        cmds[(f"qa --metrics {chosen}", 1)] = [qa_command(with_reference, 1, chosen)]
            if cold is None:  # the first qa run: every word table is built and written to the cache
                cold = measure(cmds[("qa", 1)])
            runs: dict[tuple[str, int], list[tuple[float, float, float]]] = {key: [] for key in cmds}
            # the rows take turns, so a slow spell of a shared machine falls on all of them; the median is reported
            for _ in range(args.repeat):
                for key, cmd in cmds.items():
                    runs[key].append(measure(cmd))
            for j in jobs:
                for tool in ("qa", "pofilter"):
                    if (tool, j) not in runs:
                        continue
                    label = (f"qa check (every rule), --jobs {j}" if tool == "qa"
                             else f"pofilter 3.20.4 (all checks), {j} process{'es' if j > 1 else ''}" + (f" on {j} shards" if j > 1 else ""))
                    row(label, (tool, j, copies), runs[(tool, j)], n)
            if ("qa reference", 1) in runs:  # after the headline rows, so they stay together
                row(REFERENCE_LABEL, ("qa reference", 1, copies), runs[("qa reference", 1)], n)
            for chosen in args.metrics_rows:
                if (f"qa --metrics {chosen}", 1) in runs:
                    row(metrics_label(chosen), (f"qa --metrics {chosen}", 1, copies), runs[(f"qa --metrics {chosen}", 1)], n)
        if cold is not None:
            rows.append(f"| extra: qa check (every rule), --jobs 1, **first run** (empty cache: word tables built) | 1 | "
                        f"{min(sizes)}x | {len(items) * min(sizes):,} | {cold[0]:.1f} | {len(items) * min(sizes) / cold[0]:,.0f} | "
                        f"{len(items) * min(sizes) / cold[0]:,.0f} | {cold[1]:,.0f} | {cold[2]:,.0f} |")
        distinct = distinct_units(args.ntrex) if args.ntrex.is_dir() else []
        if distinct:  # sources that never repeat: no source-side work is shared between units
            jsonl, _, pos = write_corpora(distinct, Path(tmp), 1, 1, "ntrex")
            cmds = {("qa distinct", 1): [qa_command(jsonl, 1)]}
            if have_pofilter:
                cmds[("pofilter distinct", 1)] = [[args.pofilter, "--progress=none", "-i", str(pos[0]), "-o", str(pos[0].with_suffix(".out.po"))]]
            runs = {key: [] for key in cmds}
            for _ in range(args.repeat):
                for key, cmd in cmds.items():
                    runs[key].append(measure(cmd))
            row(f"extra: **every source distinct** (NTREX, {len(distinct):,} units): qa check (every rule), --jobs 1",
                ("qa distinct", 1, 1), runs[("qa distinct", 1)], len(distinct))
            if ("pofilter distinct", 1) in runs:
                row(f"extra: every source distinct (NTREX, {len(distinct):,} units): pofilter 3.20.4, 1 process",
                    ("pofilter distinct", 1, 1), runs[("pofilter distinct", 1)], len(distinct))
    families, per_unit = family_profile(items, args.profile_every, reference=False)
    families_ref, per_unit_ref = family_profile(items, args.profile_every, reference=True)
    ter = ter_share(items, args.profile_every)
    chrf = chrf_rate(items)
    small, large = scaling()
    lines = [
        f"| run | cores | corpus | units | seconds, median of {args.repeat} (range) | units/s | units/s per core | peak MiB, largest process | peak MiB, all processes |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        f"| sacrebleu chrF (sentence level, in process) | 1 | 1x | {len(items):,} | - | {chrf:,.0f} | {chrf:,.0f} | - | - |",
        "",
    ]
    for copies in sizes:
        ratios = [f"--jobs {j}: **{figures[('pofilter', j, copies)][0] / figures[('qa', j, copies)][0]:.2f}**"
                  for j in jobs if ("pofilter", j, copies) in figures and ("qa", j, copies) in figures]
        if ratios:
            lines.append(f"qa's speed / pofilter's, same input and cores, {copies}x corpus: {', '.join(ratios)} (above 1 is faster).")
    if ("qa distinct", 1, 1) in figures and ("pofilter distinct", 1, 1) in figures:
        lines.append(f"Extra rows, every source distinct (NTREX): qa's speed / pofilter's, --jobs 1: "
                     f"**{figures[('pofilter distinct', 1, 1)][0] / figures[('qa distinct', 1, 1)][0]:.2f}**.")
    for tool in ("qa reference", *(f"qa --metrics {chosen}" for chosen in args.metrics_rows)):  # each extra row beside the headline
        for copies in sizes:
            key = (tool, 1, copies)
            if key not in figures or ("qa", 1, copies) not in figures:
                continue
            secs = figures[key][0]
            beside = f"{figures[('qa', 1, copies)][0] / secs:.2f} times the speed of qa on source and MT alone"
            if ("pofilter", 1, copies) in figures:
                beside += f", {figures[('pofilter', 1, copies)][0] / secs:.2f} times pofilter's"
            what = "`qa check --jobs 1` with the reference" + ("" if tool == "qa reference" else f" and `{tool[3:]}`")
            lines.append(f"Extra row, not in the ratio above: {what}, {copies}x corpus, runs at {beside}.")
    if 1 in sizes and 4 in sizes:
        mem = ", ".join(f"--jobs {j} **{figures[('qa', j, 4)][1] / figures[('qa', j, 1)][1]:.2f}**" for j in jobs)
        lines.append(f"qa's peak memory (largest process), 4x / 1x corpus: {mem} (streaming: memory does not grow with the corpus).")
    lines.append(f"One article of 1,000 paragraphs, warm: {small:.2f} s; of 10,000 paragraphs: {large:.2f} s (ratio {large / small:.1f}; linear is 10).")
    names = sorted(set(families) | set(families_ref), key=lambda k: -families_ref.get(k, 0.0))
    lines += [
        "",
        "Where qa's time goes (one process, warm"
        + (f", on every {args.profile_every}th unit" if args.profile_every > 1 else "")
        + "; text = splitting the sides, metrics = sacrebleu's document BLEU/chrF/TER against the reference):",
        "",
        "| family | source + MT: ms per unit | share | with reference: ms per unit | share |",
        "|---|---:|---:|---:|---:|",
        *(f"| {name} | {families.get(name, 0.0):.3f} | {families.get(name, 0.0) / per_unit:.0%} | "
          f"{families_ref.get(name, 0.0):.3f} | {families_ref.get(name, 0.0) / per_unit_ref:.0%} |" for name in names),
        f"| **all** | **{per_unit:.3f}** | | **{per_unit_ref:.3f}** | |",
        "",
        f"Of metrics, sacrebleu's TER alone (timed apart on the same units): {ter:.3f} ms per unit ({ter / per_unit_ref:.0%} of all with reference).",
    ]
    body = (
        "### Throughput and memory: qa beside pofilter with the same cores\n\n"
        f"DEMETR source + MT, all 35 files ({len(items):,} units), {os.cpu_count()} cores: qa and pofilter get the same "
        "input. DEMETR has 35 translations of each source, and qa works a source out once: the extra NTREX rows, in which "
        "no source repeats, show its speed without that. qa's cache of word tables (`QA_CACHE_DIR`) starts empty: "
        "the first run builds it and is an extra row; the others read it. Extra rows also add the human reference "
        "(pofilter has no reference side). "
        "Regenerate: `python benchmarks/throughput.py --pofilter /tmp/ttk/bin/pofilter --write docs/BENCHMARKS.md`\n\n"
        + "\n".join(lines)
    )
    print(body)
    if args.write:
        write_section(args.write, "throughput", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
