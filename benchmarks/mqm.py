#!/usr/bin/env python3
"""Real zh→en news MT with professional MQM error spans (Freitag et al., 2021): false alarms, precision, recall.

The data (``../shared/bench/mqm/``, format in ``../shared/bench/README.md``)
holds ten systems' output (eight MT systems, two human translations) of 155
news documents, each segment rated by up to three professional translators
with MQM. One article is built per (system, document): its segments in order,
one per line, and the Chinese source likewise, so a finding's line is its
segment.

Modes:

- ``source``: each system's article checked with the zh source;
- ``reference``: each system other than ``Human-A.0`` checked with the source
  and with ``Human-A.0``'s translation of the same document as the reference.

Definitions (fixed before any tuning):

- A segment is **error-free** when three raters rated it and each said
  ``no-error`` (the README's definition). Rows whose target was corrupted were
  removed from the data; they were error rows, so a segment left with fewer
  than three raters, all saying no-error, had an error someone marked and is
  counted as neither error-free nor erroneous.
- A segment **has an error** when any rater marked a Minor, Major or
  Non-translation error in it (Neutral notes are not errors).
- **False alarms** at a severity: share of error-free segments with a finding
  of that severity or above on any side (a finding covering several lines
  counts in each).
- **Precision** at a severity: share of findings that overlap a rater's span
  on the same side (target spans; omission spans in the source), and share of
  findings that fall in a segment with an error. Raters miss errors too, so
  both are lower bounds.
- **Recall of the kinds a rule can see** (punctuation, spelling, untranslated
  text, locale conventions): share of rater spans of those categories in the
  target, deduplicated across raters by (segment, category, start, end), that
  a finding of that severity or above overlaps.
- **Halves**: a document is in ``dev`` when the first byte of the MD5 of its
  name (the ``doc`` column, e.g. ``xinhua-zh-01.6565``) is even, else in
  ``test``; every system's article of a document falls in the same half.
  Rules are tuned on dev only; published figures are on test.

    python benchmarks/mqm.py [--mode source|reference|both] [--half dev|test|all] [--every N]
                             [--jobs N] [--data ../shared/bench/mqm] [--write docs/BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
import sys
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from qa.parallel import check_documents, default_jobs  # noqa: E402
from sections import write_section  # noqa: E402

FILE = "mqm_newstest2020_zhen.tsv.gz"
REFERENCE_SYSTEM = "Human-A.0"
MODES = ("source", "reference")
LEVELS = (("info+", qa.Severity.INFO), ("minor+", qa.Severity.MINOR), ("major+", qa.Severity.MAJOR))
ERROR_SEVERITIES = {"Minor", "Major"}  # plus the Non-translation! category, whatever its severity
# The rater categories a surface rule can see, grouped as the report shows them.
VISIBLE = {
    "punctuation": ("Fluency/Punctuation",),
    "spelling": ("Fluency/Spelling",),
    "untranslated": ("Accuracy/Untranslated text",),
    "locale": ("Locale convention/",),
}
TAG = re.compile(r"</?v>")


def _default_data() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "bench" / "mqm").is_dir():
            return base / "shared" / "bench" / "mqm"
    return ROOT.parent / "shared" / "bench" / "mqm"


@dataclass
class Span:
    """One rater's marked error: its category and severity, where it is, on which side."""

    category: str
    severity: str
    side: str
    start: int
    end: int


@dataclass
class Segment:
    source: str
    target: str
    raters: set[str] = field(default_factory=set)
    clean_votes: set[str] = field(default_factory=set)
    spans: list[Span] = field(default_factory=list)

    @property
    def error_free(self) -> bool:
        return len(self.raters) >= 3 and self.clean_votes == self.raters

    @property
    def has_error(self) -> bool:
        return any(s.severity in ERROR_SEVERITIES or s.category.startswith("Non-translation") for s in self.spans)


def _span(marked: str) -> tuple[str, int, int] | None:
    """The plain text and the span of a ``<v>...</v>`` marking, or None when the text has no marking."""
    start = marked.find("<v>")
    if start < 0:
        return None
    rest = marked[start + 3 :]
    close = rest.find("</v>")
    end = start + (close if close >= 0 else len(TAG.sub("", rest)))
    return TAG.sub("", marked), start, end


def half_of(doc: str) -> str:
    """``dev`` or ``test``, from a stable hash of the document name (decided before tuning)."""
    return "dev" if hashlib.md5(doc.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def load(data: Path) -> dict[tuple[str, str], list[Segment]]:
    """(system, doc) -> its segments in document order."""
    segs: dict[tuple[str, str, int], Segment] = {}
    path = data / FILE if data.is_dir() else data
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["system"], row["doc"], int(row["doc_id"]))
            seg = segs.get(key)
            if seg is None:
                seg = segs[key] = Segment(TAG.sub("", row["source"]), TAG.sub("", row["target"]))
            seg.raters.add(row["rater"])
            if row["category"] == "no-error":
                seg.clean_votes.add(row["rater"])
                continue
            for side in ("target", "source"):
                marked = _span(row[side])
                if marked:
                    seg.spans.append(Span(row["category"], row["severity"], side, marked[1], marked[2]))
                    break
            else:
                seg.spans.append(Span(row["category"], row["severity"], "none", 0, 0))
    out: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for (system, doc, _), seg in sorted(segs.items(), key=lambda kv: kv[0]):
        out[(system, doc)].append(seg)
    return dict(out)


@dataclass
class Article:
    system: str
    doc: str
    segments: list[Segment]
    reference: str | None

    def document(self, mode: str) -> qa.Document:
        return qa.Document(
            id=f"{self.system}|{self.doc}",
            target="\n".join(s.target for s in self.segments),
            source="\n".join(s.source for s in self.segments),
            reference=self.reference if mode == "reference" else None,
            source_lang="zh",
            target_lang="en",
        )


def articles(data: dict[tuple[str, str], list[Segment]], mode: str, half: str, every: int) -> list[Article]:
    out = []
    for k, ((system, doc), segs) in enumerate(sorted(data.items())):
        if half != "all" and half_of(doc) != half:
            continue
        if mode == "reference" and system == REFERENCE_SYSTEM:
            continue
        ref = None
        if mode == "reference":
            ref_segs = data.get((REFERENCE_SYSTEM, doc))
            if not ref_segs:
                continue
            ref = "\n".join(s.target for s in ref_segs)
        out.append(Article(system, doc, segs, ref))
    return out[:: max(1, every)]


def _starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _lines(starts: list[int], start: int, end: int) -> range:
    """The line indices a [start, end) range touches (an empty range: its own line)."""
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    return range(max(0, first), last + 1)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Half-open overlap; an empty span (an omission marked at a point) counts as one character."""
    a1, b1 = max(a1, a0 + 1), max(b1, b0 + 1)
    return a0 < b1 and b0 < a1


@dataclass
class Tally:
    """The counts of one mode."""

    articles: int = 0
    segments: int = 0
    error_free: int = 0
    with_error: int = 0
    seconds: float = 0.0
    flagged: Counter = field(default_factory=Counter)  # level -> error-free segments with a finding
    findings: Counter = field(default_factory=Counter)  # level -> findings
    on_span: Counter = field(default_factory=Counter)  # level -> findings overlapping a rater span
    in_error: Counter = field(default_factory=Counter)  # level -> findings in a segment with an error
    visible: Counter = field(default_factory=Counter)  # kind -> rater spans
    seen: Counter = field(default_factory=Counter)  # (kind, level) -> spans overlapped
    rules: Counter = field(default_factory=Counter)  # (rule, severity) -> findings
    rule_fa: Counter = field(default_factory=Counter)  # (rule, severity) -> findings in error-free segments
    rule_span: Counter = field(default_factory=Counter)
    rule_err: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    rule_errors: int = 0


def _kind(category: str) -> str | None:
    for kind, prefixes in VISIBLE.items():
        if category.startswith(prefixes):
            return kind
    return None


def score(arts: list[Article], results: Iterable[qa.Result]) -> Tally:
    t = Tally()
    for art, res in zip(arts, results):
        t.articles += 1
        t.rule_errors += len(res.rule_errors)
        segs = art.segments
        t.segments += len(segs)
        t.error_free += sum(s.error_free for s in segs)
        t.with_error += sum(s.has_error for s in segs)
        doc = res.document
        starts = {"target": _starts(doc.target), "source": _starts(doc.source or "")}
        if doc.reference:
            starts["reference"] = _starts(doc.reference)
        offsets = {side: st for side, st in starts.items()}
        flagged: dict[int, int] = {}  # segment -> highest finding rank
        visible: dict[tuple[int, str, int, int], str] = {}
        for i, s in enumerate(segs):
            for sp in s.spans:
                kind = _kind(sp.category) if sp.side == "target" and sp.severity != "Neutral" else None
                if kind:
                    visible[(i, sp.category, sp.start, sp.end)] = kind
        seen_rank: dict[tuple[int, str, int, int], int] = {}
        for f in res.findings:
            side = f.side if f.side in offsets else "target"
            st = offsets[side]
            lines = [i for i in _lines(st, f.start, f.end) if i < len(segs)] or [0]
            rank = f.severity.rank
            on_span, in_error = False, False
            for i in lines:
                flagged[i] = max(flagged.get(i, -1), rank)
                seg = segs[i]
                in_error |= seg.has_error
                base = st[i]
                for sp in seg.spans:
                    if sp.side == side and _overlaps(f.start - base, f.end - base, sp.start, sp.end):
                        on_span = True
                        key = (i, sp.category, sp.start, sp.end)
                        if key in visible:
                            seen_rank[key] = max(seen_rank.get(key, -1), rank)
            key = (f.rule, f.severity.value)
            t.rules[key] += 1
            t.rule_span[key] += on_span
            t.rule_err[key] += in_error
            t.rule_fa[key] += any(segs[i].error_free for i in lines)
            t.examples.setdefault(key, f"{art.system} {art.doc}: {f.excerpt[:50]!r}")
            for level, sev in LEVELS:
                if rank >= sev.rank:
                    t.findings[level] += 1
                    t.on_span[level] += on_span
                    t.in_error[level] += in_error
        for i, s in enumerate(segs):
            if s.error_free and i in flagged:
                for level, sev in LEVELS:
                    t.flagged[level] += flagged[i] >= sev.rank
        for key, kind in visible.items():
            t.visible[kind] += 1
            for level, sev in LEVELS:
                t.seen[(kind, level)] += seen_rank.get(key, -1) >= sev.rank
    return t


def _without_metrics() -> qa.Config:
    """The configuration of the runs: every rule, no document metrics (``metrics = none``).

    sacrebleu's BLEU, chrF and TER against the reference are report figures, not findings, so
    nothing here scores them; TER's shift search on long news paragraphs took 95% of a
    reference-mode run (about 5 s per article). A configuration key, so the worker processes
    get it with the rest of the configuration.
    """
    return qa.Config(metrics=())


def run_mode(data: dict[tuple[str, str], list[Segment]], mode: str, half: str, every: int, jobs: int) -> Tally:
    arts = articles(data, mode, half, every)
    t0 = time.perf_counter()
    results = list(check_documents((a.document(mode) for a in arts), _without_metrics(), jobs))
    seconds = time.perf_counter() - t0
    tally = score(arts, results)
    tally.seconds = seconds
    return tally


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


def render(t: Tally, mode: str, top: int = 20) -> str:
    lines = [
        f"{t.articles} articles, {t.segments} segments: {t.error_free} error-free (three raters, no error), "
        f"{t.with_error} with a rater's error; checked in {t.seconds:.0f} s."
        + (f" Rule errors: {t.rule_errors}." if t.rule_errors else ""),
        "",
        "| severity | error-free segments with a finding (false alarms) | findings | overlap a rater's span | in a segment with an error |",
        "|---|---:|---:|---:|---:|",
    ]
    for level, _ in LEVELS:
        lines.append(
            f"| {level} | {_pct(t.flagged[level], t.error_free)} ({t.flagged[level]}) | {t.findings[level]} | "
            f"{_pct(t.on_span[level], t.findings[level])} | {_pct(t.in_error[level], t.findings[level])} |"
        )
    lines += ["", "Recall of the rater spans a surface rule can see (target side, deduplicated across raters):", "",
              "| kind | rater spans | " + " | ".join(level for level, _ in LEVELS) + " |",
              "|---|---:|" + "---:|" * len(LEVELS)]
    for kind in VISIBLE:
        cells = " | ".join(_pct(t.seen[(kind, level)], t.visible[kind]) for level, _ in LEVELS)
        lines.append(f"| {kind} | {t.visible[kind]} | {cells} |")
    lines += ["", f"Rules by number of findings (top {top}):", "",
              "| rule | severity | findings | in error-free segments | overlap a rater's span | in a segment with an error | first example |",
              "|---|---|---:|---:|---:|---:|---|"]
    for (rule, sev), n in sorted(t.rules.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
        key = (rule, sev)
        name = qa.get_rule(rule).name if _has_rule(rule) else ""
        lines.append(
            f"| {rule} {name} | {sev} | {n} | {t.rule_fa[key]} | {_pct(t.rule_span[key], n)} | {_pct(t.rule_err[key], n)} | "
            f"{t.examples[key].replace('|', '/')} |"
        )
    return "\n".join(lines)


def _has_rule(code: str) -> bool:
    try:
        qa.get_rule(code)
        return True
    except Exception:  # noqa: BLE001  (a finding from outside the registry, e.g. an engine note)
        return False


def section(mode: str, half: str, every: int, table: str) -> str:
    what = ("checked with the zh source" if mode == "source"
            else f"checked with the zh source and `{REFERENCE_SYSTEM}` as the reference (that system left out)")
    sub = f", every {every}th article" if every > 1 else ""
    return (
        f"### MQM zh→en news MT ({mode} mode): false alarms and precision against professional raters\n\n"
        f"qa {qa.__version__}; data: WMT 2020 zh→en MQM annotations (Freitag et al., 2021; Apache-2.0), "
        f"{half} half{sub}; each system's article {what}.\n"
        f"Regenerate: `python benchmarks/mqm.py --mode {mode} --half {half} --write docs/BENCHMARKS.md`\n\n"
        "Halves: a document is dev when the first byte of the MD5 of its name is even, else test; rules are\n"
        "tuned on dev. Precision is a lower bound: raters miss errors too.\n\n" + table
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_default_data())
    parser.add_argument("--mode", choices=("source", "reference", "both"), default="both")
    parser.add_argument("--half", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--every", type=int, default=1, help="check every Nth article only (quick runs)")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--top", type=int, default=20, help="rules shown in the per-rule table")
    parser.add_argument("--write", type=Path, help="write each mode's table into this Markdown file's mqm-<mode> section")
    args = parser.parse_args(argv)
    data = load(args.data)
    modes = MODES if args.mode == "both" else (args.mode,)
    for mode in modes:
        tally = run_mode(data, mode, args.half, args.every, args.jobs)
        body = section(mode, args.half, args.every, render(tally, mode, args.top))
        print(body + "\n")
        if args.write:
            write_section(args.write, f"mqm-{mode}", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
