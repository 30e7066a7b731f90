#!/usr/bin/env python3
"""Throughput and memory: qa (every rule on) beside translate-toolkit's pofilter and sacrebleu chrF, in one run.

The units are DEMETR's source + MT pairs (every perturbation file, the
perturbed output as the translation): written once as a JSONL corpus for qa
and as a PO file for pofilter. Each tool is timed on 1x and 4x the corpus as
a separate process, the two tools taking turns, three runs each (the median
is reported: this machine's speed drifts by several per cent between
minutes). Peak memory is the peak summed RSS of the process tree (qa's
worker processes included), sampled every 100 ms: a sampler walking the
process tree every 20 ms took a measurable share of a 2-core machine from
the tool it measured (most from the one using both cores).

    python benchmarks/throughput.py [--data ../shared/bench/demetr] [--pofilter PATH] [--jobs N] [--repeat 3] [--write docs/BENCHMARKS.md]

pofilter comes from translate-toolkit, which is not a dependency of qa:
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


def units(data: Path) -> list[dict]:
    out = []
    for path in sorted(data.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            out.append({"id": f"{path.stem}:{item['id']}", "source": item["src_sent"], "target": item["pert_sent"],
                        "reference": item["eng_sent"], "source_lang": LANGS.get(item["lang_tag"], None)})
    return out


def write_corpora(items: list[dict], folder: Path, copies: int) -> tuple[Path, Path]:
    jsonl = folder / f"demetr-x{copies}.jsonl"
    po = folder / f"demetr-x{copies}.po"
    with jsonl.open("w", encoding="utf-8") as j, po.open("w", encoding="utf-8") as p:
        p.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for k in range(copies):
            for it in items:
                rec = {"id": f"{it['id']}#{k}", "target": it["target"], "source": it["source"], "source_lang": it["source_lang"]}
                j.write(json.dumps(rec, ensure_ascii=False) + "\n")
                p.write(f"msgctxt {_po(rec['id'])}\nmsgid {_po(it['source'])}\nmsgstr {_po(it['target'])}\n\n")
    return jsonl, po


def _po(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string literal is a valid PO string literal


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB of the process tree, exit code)."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
            while not done.is_set():
                try:
                    rss = root.memory_info().rss + sum(c.memory_info().rss for c in root.children(recursive=True))
                    peak = max(peak, rss)
                except psutil.Error:
                    pass
                time.sleep(SAMPLE_EVERY)
        except psutil.Error:
            return

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    code = proc.wait()
    done.set()
    t.join()
    return time.perf_counter() - start, peak / 2**20, code


def chrf_rate(items: list[dict]) -> float:
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    start = time.perf_counter()
    for it in items:
        chrf.sentence_score(it["target"], [it["reference"]])
    return len(items) / (time.perf_counter() - start)


def scaling(jobs: int) -> tuple[float, float]:
    """Seconds for one 1,000- and one 10,000-paragraph article (every rule): linear rules keep the ratio near 10."""
    import random

    import qa

    rng = random.Random(0)
    words = "government minister budget talks border election court police river city bank energy deal vote said".split()

    def article(n: int) -> str:
        return "Headline\n" + "\n".join(" ".join(rng.choice(words) for _ in range(18)) + "." for _ in range(n))

    engine = qa.Engine()
    times = []
    for n in (1000, 10000):
        doc = qa.Document(id=str(n), target=article(n), source_lang="sr")
        t0 = time.perf_counter()
        engine.check(doc)
        times.append(time.perf_counter() - t0)
    return times[0], times[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "demetr")
    parser.add_argument("--pofilter", default=shutil.which("pofilter") or "/tmp/ttk/bin/pofilter")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool per corpus size, taking turns (median reported)")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    items = units(args.data)
    qa_cmd = [sys.executable, "-m", "qa", "check", "--no-config", "--format", "json", "--output", os.devnull, "--jobs", str(args.jobs)]
    rows = []
    figures: dict[tuple[str, int], tuple[float, float]] = {}
    have_pofilter = Path(args.pofilter).exists() or shutil.which(args.pofilter) is not None
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, 4):
            jsonl, po = write_corpora(items, Path(tmp), copies)
            n = len(items) * copies
            out = Path(tmp) / "out.po"
            runs: dict[str, list[tuple[float, float]]] = {"qa": [], "pofilter": []}
            # the tools take turns, so a slow spell of a shared machine falls on both; the median is reported
            for _ in range(args.repeat):
                secs, peak, _code = measure([*qa_cmd, str(jsonl)])
                runs["qa"].append((secs, peak))
                if have_pofilter:
                    secs, peak, _code = measure([args.pofilter, "--progress=none", "-i", str(po), "-o", str(out)])
                    runs["pofilter"].append((secs, peak))
            for tool, label, size in (
                ("qa", f"qa check (every rule, --jobs {args.jobs})", jsonl.stat().st_size),
                ("pofilter", "pofilter 3.20.4 (all checks)", po.stat().st_size),
            ):
                if not runs[tool]:
                    continue
                secs = statistics.median(s for s, _ in runs[tool])
                peak = max(p for _, p in runs[tool])
                figures[(tool, copies)] = (n / secs, peak)
                spread = f"{min(s for s, _ in runs[tool]):.1f}-{max(s for s, _ in runs[tool]):.1f}"
                rows.append(f"| {label} | {copies}x | {n:,} | {secs:.1f} ({spread}) | {n / secs:,.0f} | {size / 2**20 / secs:.2f} | {peak:,.0f} |")
    chrf = chrf_rate(items)
    small, large = scaling(args.jobs)
    lines = [
        f"| tool | corpus | units | seconds, median of {args.repeat} (range) | units/s | MB/s | peak MB |",
        "|---|---|---:|---:|---:|---:|---:|",
        *rows,
        f"| sacrebleu chrF (sentence level, in process) | 1x | {len(items):,} | - | {chrf:,.0f} | - | - |",
        "",
    ]
    if ("pofilter", 1) in figures:
        ratios = [f"{c}x **{figures[('qa', c)][0] / figures[('pofilter', c)][0]:.2f}**" for c in (1, 4)]
        lines.append(f"qa / pofilter throughput: {', '.join(ratios)}.")
    lines.append(f"qa peak memory 4x / 1x: **{figures[('qa', 4)][1] / figures[('qa', 1)][1]:.2f}** (streaming: memory does not grow with the corpus).")
    lines.append(f"One article of 1,000 paragraphs: {small:.2f} s; of 10,000 paragraphs: {large:.2f} s (ratio {large / small:.1f}; linear is 10).")
    body = (
        "### Throughput and memory: qa beside pofilter and sacrebleu\n\n"
        f"DEMETR source + MT pairs, all 35 files ({len(items):,} units), {os.cpu_count()} cores. "
        "Regenerate: `python benchmarks/throughput.py --pofilter /tmp/ttk/bin/pofilter --write docs/BENCHMARKS.md`\n\n"
        + "\n".join(lines)
    )
    print(body)
    if args.write:
        write_section(args.write, "throughput", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
