"""Run the selected rules on a document: preconditions, severity overrides, isolation of failing rules.

One ``Engine`` is built per run and reused for every document, so rule
selection and configuration are resolved once.
"""

from __future__ import annotations

import bisect
import inspect
import time
import traceback
from typing import Any, Callable, Iterable

from qa.config import Config
from qa.context import Context
from qa.languages import profile
from qa.model import DELETION_CATEGORIES, SIDES, Document, Finding, Hit, Severity, Span
from qa.registry import Rule, matches, select_rules
from qa.result import Result, RuleError
from qa.rules import all_rules
from qa.scoring import passes, score
from qa.text import Text

_KEPT_CHARS = 400_000  # characters of recent source-side texts kept for reuse (a few hundred sentences' views)


class Engine:
    """Checks documents with the selected rules.

    ``timings``: a dict to add seconds to, per rule family (the rule's module,
    e.g. ``fidelity``), plus ``text`` (splitting the sides into paragraphs,
    sentences and words) and ``metrics`` (sacrebleu's document scores). It is
    for profiling (``benchmarks/throughput.py``); without it no clock is read,
    so the timing costs nothing when off.
    """

    def __init__(self, config: Config | None = None, rules: Iterable[Rule] | None = None, timings: dict[str, float] | None = None) -> None:
        self.config = config or Config()
        self.timings = timings
        pool = list(rules) if rules is not None else all_rules()
        self.rules = select_rules(pool, self.config.select, self.config.ignore)
        # What each rule is called with, worked out once: a news corpus is millions of short documents,
        # and per-call introspection would cost more than many of the rules themselves.
        self._plans = {r.code: _plan(r) for r in self.rules}
        self._quiet = {r.code: r.quiet_inside for r in self.rules if r.quiet_inside}
        self._schedules: dict[frozenset[str], tuple[list[tuple[Rule, Call]], list[tuple[Rule, Call]]]] = {}
        self._texts: dict[str, Text] = {}  # the source-side texts seen lately, by their text (see _text)
        self._text_chars = 0

    def check(self, doc: Document) -> Result:
        if doc.error is not None:
            return Result(document=doc, passed=False)
        clock = time.perf_counter() if self.timings is not None else 0.0
        texts = {side: self._text(side, raw) for side in SIDES if (raw := doc.side(side)) is not None}
        source_lang = doc.source_lang or self.config.source_lang
        target_lang = doc.target_lang or self.config.target_lang or "en"
        ctx = Context(source_lang, target_lang, profile(source_lang), profile(target_lang), self.config, doc)
        result = Result(document=doc, words=texts["target"].words)
        if self.timings is not None:
            for t in texts.values():  # the splitting the rules would do on first use, counted here
                t.words, t.sentences
            self.timings["text"] = self.timings.get("text", 0.0) + time.perf_counter() - clock
        pre, main = self._schedule(frozenset(texts))
        target = texts["target"]
        silenced: tuple[str, ...] = ()
        for r, call in pre:
            found = self._run(r, call, texts, target, ctx, result)
            if found:
                result.findings.extend(found)
                silenced += r.silences
        for r, call in main:
            if silenced and r.code.startswith(silenced):
                continue
            found = self._run(r, call, texts, target, ctx, result)
            if found:
                result.findings.extend(found)
        if result.findings:
            result.findings = _absorb_into_deletions(_drop_echoes(result.findings, self._quiet), target)
        result.findings.sort(key=lambda f: (SIDES.index(f.side), f.start, f.end, f.rule))
        if doc.reference is not None or doc.back_translation is not None:
            clock = time.perf_counter() if self.timings is not None else 0.0
            result.metrics = self._metrics(doc, result)
            if self.timings is not None:
                self.timings["metrics"] = self.timings.get("metrics", 0.0) + time.perf_counter() - clock
        result.score = score(result.findings, result.words)
        result.passed = passes(result.findings, result.score, self.config.policy) and not result.rule_errors
        return result

    def _text(self, side: str, raw: str) -> Text:
        """One side's ``Text``. A source, reference or back-translation seen lately is the same object again,
        with the views it has already worked out: one source with many translations (MT systems compared,
        DEMETR's perturbations, a memory's repeated segments) is split and analysed once. A ``Text`` is
        a pure function of its string, so sharing changes no finding; the target, different each time,
        is not kept. At most ``_KEPT_CHARS`` characters are kept."""
        if side == "target":
            return Text(raw)
        text = self._texts.get(raw)
        if text is None:
            if self._text_chars + len(raw) > _KEPT_CHARS:
                self._texts.clear()
                self._text_chars = 0
            text = self._texts[raw] = Text(raw)
            self._text_chars += len(raw)
        return text

    def _schedule(self, present: frozenset[str]) -> tuple[list[tuple[Rule, Call]], list[tuple[Rule, Call]]]:
        """The preconditions and the other rules that can run on a document with these sides, each with
        its call (cached: a corpus has a handful of side combinations)."""
        if present not in self._schedules:
            runnable = [(r, _caller(r, *self._plans[r.code][1:])) for r in self.rules if self._plans[r.code][0] <= present]
            if self.timings is not None:
                runnable = [(r, _timed(call, r.func.__module__.rsplit(".", 1)[-1], self.timings)) for r, call in runnable]
            self._schedules[present] = ([x for x in runnable if x[0].precondition], [x for x in runnable if not x[0].precondition])
        return self._schedules[present]

    def _run(self, r: Rule, call: Call, texts: dict[str, Text], target: Text, ctx: Context, result: Result) -> list[Finding]:
        try:
            hits = list(call(texts, target, ctx))
            return [self._finding(r, hit, texts) for hit in hits] if hits else []
        except Exception as e:  # a broken rule must not sink the run: note it and go on
            frame = traceback.extract_tb(e.__traceback__)[-1]
            result.rule_errors.append(
                RuleError(r.code, f"{type(e).__name__}: {e} ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})")
            )
            return []

    def _metrics(self, doc: Document, result: Result) -> dict[str, Any]:
        """sacrebleu's document-level BLEU/chrF/TER against the reference (and of the back-translation against the
        source): those the configuration's ``metrics`` chooses."""
        from qa.metrics import document_metrics

        try:
            return document_metrics(doc, self.config.metrics)
        except Exception as e:  # metrics are extra information: a failure is noted, the findings stand
            result.rule_errors.append(RuleError("metrics", f"{type(e).__name__}: {e}"))
            return {}

    def _severity(self, r: Rule, hit: Hit) -> Severity:
        for key, sev in self.config.severity.items():
            if matches(r, key):
                return sev
        return hit.severity or r.severity

    def _finding(self, r: Rule, hit: Hit, texts: dict[str, Text]) -> Finding:
        text = texts[hit.side]
        if not (0 <= hit.start <= hit.end <= len(text)):
            raise ValueError(f"span {hit.start}:{hit.end} outside the {hit.side} text")
        line, col = text.position(hit.start)
        end_line, end_col = text.position(hit.end)
        return Finding(
            rule=r.code,
            name=r.name,
            category=r.category,
            severity=self._severity(r, hit),
            side=hit.side,
            start=hit.start,
            end=hit.end,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            excerpt=text[hit.start : hit.end],
            message=hit.message,
            suggestion=hit.suggestion,
            related=tuple(_related(s, texts) for s in hit.related if s.side in texts),
        )


Call = Callable[[dict[str, Text], Text, Context], Iterable[Hit]]


def _caller(r: Rule, sides: tuple[str, ...], wants_ctx: bool, target_only: bool) -> Call:
    """A rule's call, fixed once: most rules read only the target and get it by position."""
    func = r.func
    if target_only:
        if wants_ctx:
            return lambda texts, target, ctx: func(target, ctx=ctx)
        return lambda texts, target, ctx: func(target)

    def call(texts: dict[str, Text], target: Text, ctx: Context) -> Iterable[Hit]:
        kwargs: dict[str, Any] = {s: texts[s] for s in sides if s in texts}
        if wants_ctx:
            kwargs["ctx"] = ctx
        return func(**kwargs)  # type: ignore[no-any-return]

    return call


def _timed(call: Call, family: str, timings: dict[str, float]) -> Call:
    """``call`` adding its seconds to ``timings[family]`` (the hits are listed inside the clock: a rule may be a generator)."""

    def timed(texts: dict[str, Text], target: Text, ctx: Context) -> Iterable[Hit]:
        clock = time.perf_counter()
        try:
            return list(call(texts, target, ctx))
        finally:
            timings[family] = timings.get(family, 0.0) + time.perf_counter() - clock

    return timed


def _plan(r: Rule) -> tuple[frozenset[str], tuple[str, ...], bool, bool]:
    """How to call a rule: required sides, all sides it reads, whether it takes ``ctx``, and whether
    it reads the target alone as its first parameter (then it is called without keywords)."""
    sides = (*r.sides, *r.optional_sides)
    first = next(iter(inspect.signature(r.func).parameters.values()), None)
    positional = first is not None and first.name == "target" and first.kind in (first.POSITIONAL_ONLY, first.POSITIONAL_OR_KEYWORD)
    return frozenset(r.sides), sides, r.wants("ctx"), sides == ("target",) and positional


def _related(span: Span, texts: dict[str, Text]) -> dict[str, Any]:
    text = texts[span.side]
    line, col = text.position(span.start)
    return {
        "side": span.side,
        "start": span.start,
        "end": span.end,
        "line": line,
        "column": col,
        "excerpt": text[span.start : span.end],
    }


def _drop_echoes(findings: list[Finding], quiet: dict[str, tuple[str, ...]]) -> list[Finding]:
    """Drop a finding that lies inside a finding its rule declares it only echoes (``quiet_inside``).

    "5658 views 8 comment(s)" is boilerplate; telling the editor it also lacks
    a final period is noise. Likewise a Serbian sentence left untranslated is
    one finding, not one per Serbian word in it. Containers are grouped by
    rule and indexed by start with a running maximum of their ends, so this
    stays O(n log n) on documents with thousands of findings.
    """
    if not quiet:
        return findings
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.side, f.rule, f.category), []).append(f)
    index: dict[tuple[str, str, str], tuple[list[int], list[int]]] = {}
    for key, group in groups.items():
        group.sort(key=lambda f: f.start)
        ends, running = [], -1
        for f in group:
            running = max(running, f.end)
            ends.append(running)
        index[key] = ([f.start for f in group], ends)
    kept = []
    for f in findings:
        prefixes = quiet.get(f.rule)
        if prefixes and any(
            side == f.side
            and (rule != f.rule)
            and (rule.startswith(prefixes) or category.startswith(prefixes))
            and _covers(index[(side, rule, category)], f)
            for side, rule, category in index
        ):
            continue
        kept.append(f)
    return kept


_DELETION_KIND = {"content/boilerplate": "page chrome", "content/duplicate": "repeated text"}


def _absorb_into_deletions(findings: list[Finding], target: Text) -> list[Finding]:
    """Report text to be deleted once: what lies inside it is not scored again.

    Why: a chrome line or a repeated paragraph is one defect; the editor
    deletes it. The seed's footer line drew four findings (the footer twice,
    an untranslated "i", a missing space), and a repeated photo credit drew
    a credit and a duplicate finding.

    - A deletion finding inside another one (a credit that is also a
      repeated line), or a second one of the same kind in the same target
      paragraph (the footer's two sentences), becomes a related note of the
      first: one finding for the line.
    - Any other finding inside it stays in the report, so nothing is hidden
      and a translator still sees the untranslated word, but as an info
      note that points at the deletion finding: it changes neither score
      nor verdict, and its message says the text goes with the line.

    Of two deletion findings with the same span, chrome is kept. Sorted
    starts with a running widest region keep this O(n log n).
    """
    order = {c: i for i, c in enumerate(DELETION_CATEGORIES)}
    containers = sorted(
        (f for f in findings if f.category in order),
        key=lambda f: (f.side, f.start, -f.end, order[f.category], f.rule),
    )
    if not containers:
        return findings
    para_starts = [p.start for p in target.paragraphs]

    def paragraph(f: Finding) -> int:
        return bisect.bisect_right(para_starts, f.start) if f.side == "target" else -1

    notes: dict[int, list[Finding]] = {}
    # per side: region starts, and for each the widest region so far as (end, host finding)
    regions: dict[str, tuple[list[int], list[tuple[int, Finding]]]] = {}
    last: dict[str, Finding] = {}  # per side: the last host, for same-paragraph merging
    for c in containers:
        starts, widest = regions.setdefault(c.side, ([], []))
        host: Finding | None = None
        if widest and widest[-1][0] >= c.end:
            host = widest[-1][1]  # sorted by start: the widest earlier region covers it
        else:
            prev = last.get(c.side)
            if prev is not None and prev.category == c.category and paragraph(prev) == paragraph(c) != -1:
                host = prev
        if host is not None:
            notes.setdefault(id(host), []).append(c)
        else:
            last[c.side] = c
        end = max(c.end, widest[-1][0]) if widest else c.end
        widest_host = (host or c) if not widest or c.end >= widest[-1][0] else widest[-1][1]
        starts.append(c.start)
        widest.append((end, widest_host))
    for f in findings:
        if f.category in order or f.side not in regions:
            continue
        starts, widest = regions[f.side]
        i = bisect.bisect_right(starts, f.start)
        if i and widest[i - 1][0] >= f.end:
            notes.setdefault(id(widest[i - 1][1]), []).append(f)
    by_id = {id(c): c for c in containers}
    inside = {id(n): by_id[host_id] for host_id, inner in notes.items() for n in inner}
    kept = []
    for f in findings:
        host = inside.get(id(f))
        if host is not None and f.category in order:
            continue  # the same defect: a note on its host
        if host is not None:
            f = _amended(
                f,
                severity=Severity.INFO,
                message=f"{f.message} (in the {_DELETION_KIND[host.category]} on line {host.line}, {host.rule}: deleted with it)",
                related=f.related + (_note(host, with_rule=False),),
            )
        inner = [n for n in notes.get(id(f), ()) if n.category in order]
        if inner:
            inner.sort(key=lambda n: (n.start, n.end, n.rule))
            f = _amended(f, related=f.related + tuple(_note(n) for n in inner))
        kept.append(f)
    return kept


def _amended(f: Finding, **changes: Any) -> Finding:
    """A copy of a finding with some fields changed: ``dataclasses.replace`` re-runs ``__init__``, which
    costs more than the whole absorption on a document with tens of thousands of findings."""
    copy = object.__new__(Finding)
    copy.__dict__.update(f.__dict__, **changes)
    return copy


def _note(f: Finding, with_rule: bool = True) -> dict[str, Any]:
    """A finding as a related span; with its rule and message when it is a note merged into another."""
    note: dict[str, Any] = {
        "side": f.side,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "excerpt": f.excerpt,
    }
    if with_rule:
        note.update(rule=f.rule, message=f.message)
    return note


def _covers(idx: tuple[list[int], list[int]], f: Finding) -> bool:
    starts, max_ends = idx
    i = bisect.bisect_right(starts, f.start)
    return i > 0 and max_ends[i - 1] >= f.end
