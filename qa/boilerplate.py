"""Page chrome and publishing boilerplate from pattern files: the patterns, and one scan of a text for all kinds.

The patterns are data (each language's ``boilerplate.toml`` under
``qa/data/languages/`` plus the user's files named in configuration, all
validated by ``qa.tables``); the rules QA201-QA207 each report the hits of
their kind from one shared scan (``Context.boilerplate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import regex

from qa.languages import bundled
from qa.model import Hit
from qa.tables import BOILERPLATE, load_table
from qa.text import Block, Text

KINDS = (
    "page-counter",
    "photo-credit",
    "translation-disclaimer",
    "social-footer",
    "related-teaser",
    "orphan-embed-label",
    "dangling-link-text",
)
# Seconds per paragraph for a user's pattern: a pathological one must not hang a run. The bundled
# patterns run without it: tests/test_regex_safety.py proves each linear on adversarial input, and
# the regex module's timeout costs more than the match itself on a news sentence.
PATTERN_TIMEOUT = 1.0


@dataclass(frozen=True)
class Pattern:
    kind: str
    regex: regex.Pattern[str]
    match: str  # "line" or "search"
    report: str  # "paragraph", "sentence" or "match"
    max_words: int
    not_first: bool  # never the first paragraph: there it is the headline ("Watch: Aguero's goal")
    note: str
    origin: str
    timeout: float | None  # None for the bundled, battery-tested patterns


def bundled_paths() -> list[Path]:
    """The pattern files shipped with qa: each language profile's ``boilerplate.toml``."""
    return [path for p in bundled() if (path := p.data_file("boilerplate.toml")) is not None]


@lru_cache(maxsize=16)
def load_patterns(extra: tuple[Path, ...] = ()) -> dict[str, tuple[Pattern, ...]]:
    """Bundled pattern files, then the user's; a bad entry raises ValueError naming file and entry."""
    by_kind: dict[str, list[Pattern]] = {k: [] for k in KINDS}
    shipped = bundled_paths()
    for path in (*shipped, *extra):
        for entry in load_table(path, BOILERPLATE):
            data = entry.data
            match = data.get("match", "line")
            try:
                compiled = regex.compile(data["regex"], regex.IGNORECASE | regex.V0)
            except regex.error as e:
                raise entry.error(f"bad regex ({e})") from None
            by_kind[data["rule"]].append(
                Pattern(
                    data["rule"],
                    compiled,
                    match,
                    data.get("report", "paragraph" if match == "line" else "sentence"),
                    int(data.get("max_words", 40)),
                    bool(data.get("not_first", False)),
                    data.get("note", ""),
                    entry.where,
                    None if path in shipped and path not in extra else PATTERN_TIMEOUT,
                )
            )
    return {k: tuple(v) for k, v in by_kind.items()}


def scan(target: Text, extra: tuple[Path, ...]) -> dict[str, list[Hit]]:
    """Every kind's hits in a text, one pass over its paragraphs: one per paragraph or sentence, in text order."""
    plans = _plans(extra)
    hits: dict[str, list[Hit]] = {kind: [] for kind, _ in plans}
    seen: dict[str, set[tuple[int, int]]] = {kind: set() for kind, _ in plans}
    for para in target.paragraphs:
        text = target.slice(para)
        nwords = len(text.split())
        first = para.index == 0
        for kind, kind_patterns in plans:
            for p, line, method in kind_patterns:
                if line and nwords > p.max_words or first and p.not_first:
                    continue
                try:
                    m = method(text) if p.timeout is None else method(text, timeout=p.timeout)
                except TimeoutError:
                    continue
                if m is None:
                    continue
                span = _report_span(target, para, para.start + m.start(), para.start + m.end(), p.report)
                if span in seen[kind] or any(s <= span[0] and span[1] <= e for s, e in seen[kind]):
                    continue
                seen[kind].add(span)
                hits[kind].append(Hit(span[0], span[1], _MESSAGES[kind], suggestion=_SUGGESTIONS.get(kind)))
                if p.report == "paragraph":
                    break
    return hits


@lru_cache(maxsize=16)
def _plans(extra: tuple[Path, ...]) -> tuple[tuple[str, tuple[tuple[Pattern, bool, Callable[..., Any]], ...]], ...]:
    """Each kind's patterns with their match method bound once (the scan runs on every paragraph)."""
    return tuple(
        (kind, tuple((p, p.match == "line", p.regex.fullmatch if p.match == "line" else p.regex.search) for p in ps))
        for kind, ps in load_patterns(extra).items()
    )


def _report_span(target: Text, para: Block, start: int, end: int, report: str) -> tuple[int, int]:
    if report == "paragraph":
        return para.start, para.end
    if report == "match":
        return start, end
    sents = [s for s in target.sentences if s.start < max(end, start + 1) and start < s.end and para.start <= s.start < para.end]
    if not sents:
        return start, end
    return sents[0].start, sents[-1].end


_MESSAGES = {
    "page-counter": "page chrome: a view or comment counter scraped into the article",
    "photo-credit": "page chrome: a photo credit or caption label, not article text",
    "translation-disclaimer": "site disclaimer about machine translation, not article content",
    "social-footer": "promotional footer (follow us / contact us / subscribe), not article content",
    "related-teaser": "a related-article teaser or link headline scraped into the body",
    "orphan-embed-label": "an embed label whose video, gallery or poll did not survive",
    "dangling-link-text": "link text whose link was lost: the reader cannot follow it",
}
_SUGGESTIONS = {
    "dangling-link-text": "restore the link, or say where the material is",
}
