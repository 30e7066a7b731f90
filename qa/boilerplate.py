"""Page chrome and publishing boilerplate from pattern files: the patterns, and one scan of a text for all kinds.

The patterns are data (each language's ``boilerplate.toml`` under
``qa/data/languages/`` plus the user's files named in configuration, all
validated by ``qa.tables``); the rules QA201-QA207 each report the hits of
their kind from one shared scan (``Context.boilerplate``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

import regex

from qa.languages import bundled
from qa.resources import DATA, read_toml, read_words
from qa import chrome_model, chrome_runs
from qa.chrome_model import HANDLE as _HANDLE, PHONE as _PHONE  # one home for the contact patterns
from qa.chrome_model import fold  # lower case, Cyrillic read in Latin, accents dropped: the vocabularies' spelling
from qa.model import Hit, Severity
from qa.prefilter import Prefilter
from qa.tables import BOILERPLATE, load_table
from qa.text import EMAIL, Block, Text

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
    max_words: int | None  # a longer paragraph is prose; None: no limit (a search pattern that sets none)
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
                    _max_words(data, match),
                    bool(data.get("not_first", False)),
                    data.get("note", ""),
                    entry.where,
                    None if path in shipped and path not in extra else PATTERN_TIMEOUT,
                )
            )
    return {k: tuple(v) for k, v in by_kind.items()}


def _max_words(data: dict[str, Any], match: str) -> int | None:
    """A line pattern's limit defaults to 40 words; a search pattern has a limit only when it sets one
    (chrome such as a consent notice is a short paragraph of its own, not a clause of a long one)."""
    if "max_words" in data:
        return int(data["max_words"])
    return 40 if match == "line" else None


def scan(target: Text, extra: tuple[Path, ...]) -> dict[str, list[Hit]]:
    """Every kind's hits in a text, one pass over its paragraphs: one per paragraph or sentence, in text order."""
    hits = rule_hits(target, extra)
    _add_model_hits(target, hits)
    chrome_runs.add_run_hits(target, hits, _comment_meta())  # last: the runs are read from every other detector's hits
    return _one_per_line(target, hits)


def rule_hits(target: Text, extra: tuple[Path, ...]) -> dict[str, list[Hit]]:
    """The pattern files' and the line-shape rules' hits, before the chrome scorer and the merging."""
    hits: dict[str, list[Hit]] = {kind: [] for kind in _plans(extra).kinds}
    for para in target.paragraphs:
        seen: dict[str, list[tuple[int, int]]] = {}  # report spans lie inside their paragraph
        for kind, start, end, report in _paragraph_matches(target.slice(para), para.index == 0, extra):
            span = _report_span(target, para, para.start + start, para.start + end, report)
            mine = seen.setdefault(kind, [])
            if any(s <= span[0] and span[1] <= e for s, e in mine):
                continue
            mine.append(span)
            hits[kind].append(Hit(span[0], span[1], _MESSAGES[kind], suggestion=_SUGGESTIONS.get(kind)))
    _add_shape_hits(target, hits)
    return hits


@lru_cache(maxsize=8192)  # pages repeat their furniture line for line; a match depends on the line alone
def _paragraph_matches(text: str, first: bool, extra: tuple[Path, ...]) -> tuple[tuple[str, int, int, str], ...]:
    """Each kind's pattern matches in one paragraph: (kind, start, end, report), in pattern order; a kind
    stops at its first match that reports the whole paragraph. A pattern runs only when the paragraph holds
    the literals it cannot match without (``qa.prefilter``, one pass for all the patterns)."""
    nwords = len(text.split())
    plan = _plans(extra)
    out = []
    done = None  # the kind whose paragraph-wide match ends its patterns
    for i in sorted(plan.prefilter.found(text)):  # a pattern outside this set cannot match
        kind, p, method = plan.entries[i]
        if kind == done or p.max_words is not None and nwords > p.max_words or first and p.not_first:
            continue
        try:
            m = method(text) if p.timeout is None else method(text, timeout=p.timeout)
        except TimeoutError:
            continue
        if m is None:
            continue
        out.append((kind, m.start(), m.end(), p.report))
        if p.report == "paragraph":
            done = kind
    return tuple(out)


class _Spans:
    """Spans merged and sorted, for an O(log n) "does this overlap any of them" (thousands of lines)."""

    def __init__(self, spans: Any) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.ends[i] > start


def _add_shape_hits(target: Text, hits: dict[str, list[Hit]]) -> None:
    """The line-shape detector's hits, on lines no pattern already reported."""
    taken = _Spans((h.start, h.end) for kind_hits in hits.values() for h in kind_hits)
    for kind, found in shape_hits(target, taken).items():
        for h in found:
            if taken.overlaps(h.start, h.end):
                continue
            hits.setdefault(kind, []).append(h)
    for kind_hits in hits.values():
        kind_hits.sort(key=lambda h: (h.start, h.end))


def scored_lines(target: Text, hits: dict[str, list[Hit]],
                 uncovered_only: bool = False) -> list[tuple[Block, dict[str, float] | None, bool]]:
    """Each paragraph with its chrome cues (``qa.chrome_model``) and whether a rule already reported it;
    with ``uncovered_only`` the cues of reported paragraphs and of the headline are not computed (``None``):
    the scorer never reports them."""
    paras = target.paragraphs
    if not paras:
        return []
    taken = _Spans((h.start, h.end) for kind_hits in hits.values() for h in kind_hits)
    covered = [taken.overlaps(p.start, p.end) for p in paras]
    v = vocabulary()
    wanted = [i > 0 and not c for i, c in enumerate(covered)] if uncovered_only else None
    feats = chrome_model.line_features([target.slice(p) for p in paras], covered, v.words, _date_words(), _agency_in, wanted)
    return list(zip(paras, feats, covered))


MODEL_MESSAGE = "page chrome by its cues"


def _add_model_hits(target: Text, hits: dict[str, list[Hit]]) -> None:
    """The chrome scorer's hits on lines no rule reported: a probability at the major threshold reports at
    the rule's severity, one between the minor and the major threshold at minor; the message names the cues.

    One pass: a neighbour counts as chrome only when a rule reported it. The weights were fitted on cues whose
    neighbours were the rules' findings alone (scripts/train_chrome.py), so the scorer's own calls do not feed
    their neighbours' cues (a sentence is never carried by its neighbours either way, see
    ``chrome_model.line_features``)."""
    if len(target.paragraphs) < 2:
        return  # the one paragraph is the headline, which is never scored
    m = chrome_model.model()
    for para, feats, covered in scored_lines(target, hits, uncovered_only=True):
        if feats is None or covered or not chrome_model.reportable(feats) or chrome_model.probability(feats, m) < m.minor:
            continue
        prob, parts = chrome_model.score(feats, m)
        severity = None if prob >= m.major else Severity.MINOR
        hits.setdefault(_model_kind(feats), []).append(
            Hit(para.start, para.end, f"{MODEL_MESSAGE} (score {prob:.2f}: {chrome_model.explain(parts)})", severity=severity))
    for kind_hits in hits.values():
        kind_hits.sort(key=lambda h: (h.start, h.end))


def _model_kind(f: dict[str, float]) -> str:
    """The rule a scored line is reported under, by its strongest kind of cue: a credit or copyright, link
    text, a call to the reader, a stamp, a headline or list item, else a widget's label."""
    if f["credit"] and not f["reader"] or f["copyright_sign"]:
        return "photo-credit"
    if f["ends_here"]:
        return "dangling-link-text"
    if f["contact"] or f["reader"] or f["site"] or f["opens_with_action"]:
        return "social-footer"
    if f["date"] and f["digits"] > 0.2:
        return "page-counter"
    if f["headline_like"] or f["duplicate"] or f["tail"] or f["after_label"] or f["short_run"] or f["citation"]:
        return "related-teaser"
    return "orphan-embed-label"


MERGE_MAX_WORDS = 40  # a paragraph this short with two chrome hits is one chrome line


def _one_per_line(target: Text, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """One defect, one finding: on a short paragraph, hits of one kind become one hit over their union,
    and a hit that covers the whole paragraph absorbs the other kinds' hits inside it."""
    spans = [(kind, h) for kind, kind_hits in hits.items() for h in kind_hits]
    if len(spans) < 2:
        return hits
    out: dict[str, list[Hit]] = {kind: [] for kind in hits}
    dropped: set[int] = set()
    by_para: dict[int, list[int]] = {}
    paras = target.paragraphs
    starts = [p.start for p in paras]
    for i, (_, h) in enumerate(spans):
        k = bisect.bisect_right(starts, h.start) - 1
        if k >= 0 and h.end <= paras[k].end:
            by_para.setdefault(k, []).append(i)
    replaced: dict[int, Hit] = {}
    for k, members in by_para.items():
        para = paras[k]
        if len(members) < 2 or len(target.slice(para).split()) > MERGE_MAX_WORDS:
            continue
        whole = [i for i in members if spans[i][1].start <= para.start and spans[i][1].end >= para.end]
        if whole:
            keep = whole[0]
            dropped.update(i for i in members if i != keep)
            continue
        by_kind: dict[str, list[int]] = {}
        for i in members:
            by_kind.setdefault(spans[i][0], []).append(i)
        for group in by_kind.values():
            if len(group) > 1:
                first = spans[group[0]][1]
                end = max(spans[i][1].end for i in group)
                start = min(spans[i][1].start for i in group)
                replaced[group[0]] = Hit(start, end, first.message, suggestion=first.suggestion)
                dropped.update(group[1:])
    for i, (kind, h) in enumerate(spans):
        if i not in dropped:
            out[kind].append(replaced.get(i, h))
    return out


@dataclass(frozen=True)
class _Plan:
    """The patterns in one list (each kind's together, in file order) with their match method bound once (the
    scan runs on every paragraph), and the prefilter that finds every pattern's literals in one pass."""

    kinds: tuple[str, ...]
    entries: tuple[tuple[str, Pattern, Callable[..., Any]], ...]  # (kind, pattern, fullmatch or search)
    prefilter: Prefilter  # groups[i]: the literals entries[i] cannot match without (none: it runs on every paragraph)


@lru_cache(maxsize=16)
def _plans(extra: tuple[Path, ...]) -> _Plan:
    patterns = load_patterns(extra)
    entries = tuple((kind, p, p.regex.fullmatch if p.match == "line" else p.regex.search)
                    for kind, ps in patterns.items() for p in ps)
    prefilter = Prefilter.build(p.regex.pattern for _, p, _ in entries)
    return _Plan(tuple(patterns), entries, prefilter)


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
    "page-counter": "page chrome: a counter or meta line (count, date stamp, byline, tags) scraped into the article",
    "photo-credit": "page chrome: a photo credit or caption label, not article text",
    "translation-disclaimer": "site disclaimer about machine translation, not article content",
    "social-footer": "promotional footer or share bar (follow us / share / subscribe / contact us), not article content",
    "related-teaser": "a related-article teaser or link headline scraped into the body",
    "orphan-embed-label": "the text of a widget (embed, ad, button, consent or comment box) that did not survive",
    "dangling-link-text": "link text whose link was lost: the reader cannot follow it",
}
_SUGGESTIONS = {
    "dangling-link-text": "restore the link, or say where the material is",
}


# -- line shape: chrome found by what a line is made of -----------------------------------------
#
# The pattern files list wordings; every site words its furniture differently. The detector below
# reads a line's SHAPE with vocabularies by function (``chrome.toml`` in each language folder):
# a line made only of interface, platform, navigation or counter words with numbers and
# separators; a line that is only a date stamp (with a place or a label); a "label: value" line
# whose value is not a sentence; a call verb beside a channel; a short line carrying an e-mail
# address, a phone number or a handle; a caption that ends in a credit. Each hit's message says
# which cues fired.


@dataclass(frozen=True)
class Vocabulary:
    """The chrome vocabularies of every bundled language, one set per function (words folded)."""

    words: dict[str, frozenset[str]]  # interface, platforms, navigation, teaser, counters, glue
    dates: dict[str, frozenset[str]]  # months, weekdays, relative, units, clock, labels
    labels: dict[str, tuple[str, ...]]  # byline, credit, tags, contact: label phrases, folded
    call_verbs: tuple[str, ...]
    call_channels: tuple[str, ...]
    store_verbs: tuple[str, ...]
    stores: tuple[str, ...]
    agencies: tuple[str, ...]
    comments: dict[str, frozenset[str]]  # a comment's meta lines (author verbs, buttons, counts): as written


@lru_cache(maxsize=1)
def _comment_meta() -> regex.Pattern[str]:
    """The pattern of a comment's meta line (``chrome_runs.comment_pattern``) of the bundled vocabularies."""
    return chrome_runs.comment_pattern(vocabulary().comments)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The union of the bundled ``chrome.toml`` files (English and the source languages)."""
    words: dict[str, set[str]] = {}
    dates: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    verbs: set[str] = set()
    channels: set[str] = set()
    store_verbs: set[str] = set()
    stores: set[str] = set()
    agencies: set[str] = set()
    comments: dict[str, set[str]] = {}
    for p in bundled():
        path = p.data_file("chrome.toml")
        if path is None:
            continue
        data = read_toml(path)
        for name, items in data.get("words", {}).items():
            words.setdefault(name, set()).update(fold(w) for w in items)
        for name, items in data.get("dates", {}).items():
            dates.setdefault(name, set()).update(fold(w) for w in items)
        for name, items in data.get("labels", {}).items():
            labels.setdefault(name, set()).update(fold(w) for w in items)
        verbs.update(fold(w) for w in data.get("calls", {}).get("verbs", ()))
        channels.update(fold(w) for w in data.get("calls", {}).get("channels", ()))
        store_verbs.update(fold(w) for w in data.get("calls", {}).get("store_verbs", ()))
        stores.update(fold(w) for w in data.get("calls", {}).get("stores", ()))
        agencies.update(fold(w) for w in data.get("credits", {}).get("agencies", ()))
        for name, items in data.get("comments", {}).items():
            comments.setdefault(name, set()).update(items)

    def longest_first(items: set[str]) -> tuple[str, ...]:
        return tuple(sorted(items, key=lambda s: (-len(s), s)))

    return Vocabulary(
        {k: frozenset(v) for k, v in words.items()},
        {k: frozenset(v) for k, v in dates.items()},
        {k: longest_first(v) for k, v in labels.items()},
        longest_first(verbs),
        longest_first(channels),
        longest_first(store_verbs),
        longest_first(stores),
        longest_first(agencies),
        {k: frozenset(v) for k, v in comments.items()},
    )


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)


_LABEL_SEPARATORS = ":|–—-"  # what ``label_line`` needs after its label (one of them is in every match)
_LABEL_SEPARATOR = re.compile(f"[{re.escape(_LABEL_SEPARATORS)}]")


@dataclass(frozen=True)
class _Shapes:
    label_line: regex.Pattern[str]
    call: regex.Pattern[str]
    store_call: regex.Pattern[str]
    agency: regex.Pattern[str]
    agency_end: regex.Pattern[str]
    cues: Prefilter  # the literals of the call patterns (0 call, 1 store_call): a verb, a channel
    agency_cues: Prefilter  # the agency pattern's literals, looked up on their own (asked of every scored line)


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    v = vocabulary()
    groups = "|".join(f"(?P<{kind}>{_alternation(phrases)})" for kind, phrases in sorted(v.labels.items()))
    label_line = regex.compile(rf"^[^\w@#]*(?:[\w.]+\s*[|/·•]\s*)?(?:{groups})\s*(?::|\||–|—|\s-\s)\s*(?P<value>\S.*)$")
    call = regex.compile(
        rf"(?:^|[.!?:;—–|]\s*|\s-\s*)[^\w]*(?P<verb>{_alternation(v.call_verbs)})(?=\s)"
        rf"[^.!?\n]{{0,80}}?\b(?P<channel>{_alternation(v.call_channels)})\b"
    )
    store_call = regex.compile(
        rf"(?:^|[.!?:;—–|]\s*|\s-\s*)[^\w]*(?P<verb>{_alternation(v.store_verbs)})(?=\s)"
        rf"(?=[^.!?\n]{{0,80}}?\b(?:{_alternation(v.stores)})\b)[^.!?\n]{{0,80}}?\b(?P<channel>{_alternation(v.call_channels)})\b"
    )
    agency = regex.compile(rf"(?<!\w)(?:{_alternation(v.agencies)})(?!\w)", regex.I)
    agency_end = regex.compile(rf"(?:^|\s)(?:{_alternation(v.agencies)})\W*$", regex.I)
    cues = Prefilter.build(p.pattern for p in (call, store_call))
    return _Shapes(label_line, call, store_call, agency, agency_end, cues, Prefilter.build([agency.pattern]))


_WORD = regex.compile(r"\p{L}(?:[\p{L}\p{M}]|['’.&-](?=\p{L}))*+|\d[\d.,:/-]*+\p{L}{0,2}+|\(s\)")
# ``_WORD`` for ASCII text, where a letter is A-Z or a-z, no mark occurs, a digit is 0-9 and the only apostrophe
# is the straight one; greedy where ``_WORD`` is possessive, which finds the same words (nothing follows that
# could make a shorter match succeed). The standard engine runs it over twice as fast, on every line.
_ASCII_WORD = re.compile(r"[A-Za-z](?:[A-Za-z]|['.&-](?=[A-Za-z]))*|[0-9][0-9.,:/-]*[A-Za-z]{0,2}|\(s\)")
_NUMBER = regex.compile(r"^\d[\d.,:/-]*+[kKmMhH]?\.?$")
_FULL_DATE = regex.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\.?(?!\d)")
_CLOCK = regex.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:h\b|[ap]\.?m\.?))?")
_AGO = regex.compile(r"^\d+[smhd]$", regex.I)
_SENTENCE_END = regex.compile(r"[.!?…]['\"”’)]*\s*$")
_ANY_DIGIT = regex.compile(r"\d")
_SYMBOL = regex.compile(r"[\p{So}\p{Sk}]")
_CAPITALISED = regex.compile(r"^(?:[\p{Lu}\d@#]|\p{Ll}+\.\p{L}{2,})")  # "Reuters", "N1", "@handle", "klix.ba"
_NAME = r"\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|van|von|da|di|bin|al|el|la|le)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}"
_BYLINE = regex.compile(
    rf"^(?i:by|posted by|written by|reporting by|reported by|story by|words by)\s*:?\s+"
    rf"(?P<name>{_NAME})(?:\s*(?:,|\band\b|&|;)\s*(?:(?i:editing|reporting|additional reporting|edited) by\s+)?{_NAME})*"
    rf"(?P<tail>.*)$"
)
# Lower-case words a byline's tail may carry (roles, "on" a date); more than two others make it a sentence.
_BYLINE_TAIL_WORDS = frozenset(
    "on at by and for in of the a.m. p.m. am pm staff writer reporter correspondent editor columnist contributor "
    "senior chief political business sports news desk".split()
)

# Compiled once (the detector runs on every line); module-level, so the regex safety battery tests them.
_AGO_STAMP = regex.compile(r"\bago\b|(?<!\d)\d++[smhd]\b|\bprije\b|\bpre\b", regex.I)
_HEADLINE_START = regex.compile(r"[\p{Lu}\d\"“‘']")
_HEADLINE_END = regex.compile(r"[.!?;:,]['\"”’)]*$")
_HASHTAGS = regex.compile(r"(?:#[\p{L}\p{N}_]+[\s,|·•]*){2,}")
_GALLERY_INDEX = regex.compile(r"^\W*+(?:(?:image|photo|picture|slide|slideshow|gallery|foto|slika|galerija)\s+)?\d++\s*+(?:of|/|od|од)\s*+/?\s*+\d*+\W*+", regex.I)
_SEPARATORS = regex.compile(r"[|»>/·•]")
_PLACE_PREFIX = regex.compile(r"^[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,2}\s*,\s*")
_DOMAIN_PREFIX = regex.compile(r"^[\w-]+\.(?:com|net|org|rs|hr|ba|me)\s+")
_PARENTHESISED = regex.compile(r"\([^()]{1,30}\)")
_CAPS_PLACE = regex.compile(r"^\s*(?:\p{Lu}{3,}(?:\s+\p{Lu}{3,})?)\s+(?=\d)")
_HAS_CONTENT = regex.compile(r"\d|\p{L}{3,}")
_ABBREVIATION_END = regex.compile(r"\b\p{Lu}\.?$|\d\.$")
_LOWER_WORD = regex.compile(r"\p{Ll}{2,}")
_LOWER_WORDS = regex.compile(r"\b\p{Ll}[\p{Ll}.]+")
_WORD_PERIOD_END = regex.compile(r"[\p{L}]{3}\.\s*$")
_CONTACT_VERB = regex.compile((r"\b(?:contact|write|send|call|e-?mail|message|reach|tips?|pi[sš]ite|javite|" r"po[sš]aljite|kontakt|dojav\w*|пишите|јавите|пошаљите)\b"), regex.I)
_CREDIT_LABEL = regex.compile(r"^(?:photo\w*|image\w*|picture\w*|credit\w*|foto\w*)\s*:\s*", regex.I)
_CREDIT_AT_END = regex.compile(r"(?:^|[.!?]\s+)(?:credit\w*|photo\w*|image\w*)\s*:\s*(\S[^.!?]{0,60})$|©\s*(\S.{0,60})$", regex.I)


MAX_SHAPE_WORDS = 12


def shape_hits(target: Text, taken: _Spans | None = None) -> dict[str, list[Hit]]:
    """Chrome told by the shape of each line (see above); one hit per line, in text order.

    A lone platform or section name ("Facebook", "Politics") is chrome only beside other chrome (a
    share bar or a menu printed one item a line): alone it may be an article's subheading.
    """
    paras = target.paragraphs
    found = [classify_line(target.slice(p), first=p.index == 0) for p in paras]

    def chrome_at(i: int) -> bool:
        if not 0 <= i < len(paras):
            return False
        if found[i] is not None and not found[i][2]:
            return True
        return taken is not None and taken.overlaps(paras[i].start, paras[i].end)

    out: dict[str, list[Hit]] = {}
    lines = [target.slice(p) for p in paras]
    listed = _list_items(lines, found)
    for i, (para, hit) in enumerate(zip(paras, found)):
        if hit is None:
            if i in listed:
                out.setdefault("related-teaser", []).append(Hit(para.start, para.end, listed[i]))
            continue
        kind, message, weak = hit
        if weak and not (chrome_at(i - 1) or chrome_at(i + 1) or _weak_run(found, i)):
            continue
        text = message.replace(f" {_WEAK}", ", beside other chrome lines") if weak else message
        out.setdefault(kind, []).append(Hit(para.start, para.end, text))
    return out


MAX_LIST_RUN = 3  # lines between two time stamps that are one item of a list (a headline and its summary)
MAX_TEASER_ITEMS = 8


def _list_items(lines: list[str], found: list) -> dict[int, str]:
    """Lines that are items of a list of teasers or comments, told by their neighbours:

    - after a teaser header ("Related", "More in World"), the headline-shaped lines that follow it;
    - between two time stamps ("32M ago", "November 19, 2019 at 9:03 am") or comment-author lines
      ("joetoronto says:"), a run of at most three lines: a list item (a headline and its summary, a
      comment), where the stamps make a list (two such items in a row at least). A bare date does not count as a stamp (it heads a section of a timeline article), nor
      a bare time (it heads an entry of a live blog).
    """
    items: dict[int, str] = {}
    for i, hit in enumerate(found):
        if hit is not None and hit[1].startswith(_TEASER_HEADER):
            header = lines[i].strip()
            for j in range(i + 1, min(i + 1 + MAX_TEASER_ITEMS, len(lines))):
                if found[j] is not None or not _headline_shaped(lines[j]):
                    break
                items[j] = f"page chrome: a headline in a list of teasers (under '{header[:40]}')"
    stamps = [i for i, line in enumerate(lines) if _is_stamp(line)]
    # stamps on adjacent lines (an author line and its date) head one item together
    groups: list[list[int]] = []
    for i in stamps:
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    pairs = [(g[-1], h[0]) for g, h in zip(groups, groups[1:])]
    close = [b - a <= MAX_LIST_RUN + 1 for a, b in pairs]
    for k, (a, b) in enumerate(pairs):
        # a list has two items at least: a lone pair of stamps (published and updated lines around the lede)
        # is not evidence enough that the lines between them are an item
        if close[k] and (k > 0 and close[k - 1] or k + 1 < len(close) and close[k + 1]):
            for j in range(a + 1, b):
                if found[j] is None and j not in items and len(lines[j].split()) <= 80:
                    items[j] = "page chrome: an item of a list of teasers or comments (between time stamps)"
    return items


_TEASER_HEADER = "page chrome: a teaser or list header"
_SAYS = regex.compile(  # a comment's author: a user name (lower case, digits, CamelCase), not "He says:"
    r"(?!(?i:he|she|it|they|who|one|everyone|nobody|trump)\s)"
    r"(?-i:[a-z0-9_][\w.-]{2,30}|[A-Za-z_][\w.-]*(?:[a-z][A-Z]|\d|_)[\w.-]*)\s+says:\s*"
)


@lru_cache(maxsize=4096)
def _is_stamp(line: str) -> bool:
    """A time stamp of a list item (with a time of day or "ago"), or a comment's author line."""
    text = line.strip()
    if "says:" in text and _SAYS.fullmatch(text):  # (the pattern's own literal: most lines lack it)
        return True
    if _date_line(text, False) is None:
        return False
    if _AGO_STAMP.search(text):
        return True
    # a day and a time: a bare time ("10:32 am") heads the entries of a live blog, which are the article
    d = vocabulary().dates
    day = _FULL_DATE.search(text) or any(fold(t).rstrip(".") in d.get("months", ()) for t in _tokens(text))
    return bool(day and _CLOCK.search(text))


def _headline_shaped(line: str) -> bool:
    """Short, capitalised, and without a final full stop: a headline, not a paragraph."""
    text = line.strip()
    words = text.split()
    return 3 <= len(words) <= 15 and bool(_HEADLINE_START.match(text)) and not _HEADLINE_END.search(text)


def _weak_run(found: list, i: int) -> bool:
    """Three or more lone names in a row (a share bar or menu one item a line) hold each other up."""
    def weak(j: int) -> bool:
        return 0 <= j < len(found) and found[j] is not None
    return (weak(i - 1) and weak(i - 2)) or (weak(i - 1) and weak(i + 1)) or (weak(i + 1) and weak(i + 2))


@lru_cache(maxsize=4096)  # pages repeat their furniture; the result depends on the line alone
def classify_line(line: str, first: bool = False) -> tuple[str, str, bool] | None:
    """The kind of chrome a line is by its shape, a message naming the cues, and whether the cue is weak
    (a lone platform or section name, chrome only beside other chrome); None for prose."""
    text = line.strip()
    if not text or len(text) > 400 or text.count(" ") > 70:
        return None
    if _HASHTAGS.fullmatch(text):
        return "page-counter", "page chrome: a line of hashtags (tags)", False
    for test in (_vocabulary_line, _date_line, _label_line, _byline, _contact_line, _call_line, _credit_tail, _link_row):
        found = test(text, first)
        if found is not None:
            kind, message = found
            return kind, message, message.endswith(_WEAK)
    return None


_WEAK = "(a lone name)"


@lru_cache(maxsize=4096)  # the vocabulary and date tests read the same line's words
def _tokens(text: str) -> tuple[str, ...]:
    return tuple((_ASCII_WORD if text.isascii() else _WORD).findall(text))


def _words_of(text: str) -> Iterator[str]:
    """The words of ``_tokens``, one by one: a test that stops at its first unwanted word reads no further."""
    return (m.group() for m in (_ASCII_WORD if text.isascii() else _WORD).finditer(text))


def _has_other_word(text: str) -> bool:
    """Whether a line holds a word (not a number) outside the interface, platform, navigation, teaser, counter
    and glue vocabularies: then ``_vocabulary_line`` is None whatever the rest of the line (but for a gallery index)."""
    known = _shape_vocabulary()
    return any(not _NUMBER.match(t) and t != "(s)" and fold(t) not in known for t in _words_of(text))


@lru_cache(maxsize=1)
def _shape_vocabulary() -> frozenset[str]:
    v = vocabulary().words
    return frozenset().union(v.get("glue", frozenset()), *(v.get(c, frozenset()) for c in _SHAPE_CLASSES))


_SHAPE_CLASSES = ("interface", "platforms", "navigation", "teaser", "counters")


@lru_cache(maxsize=4096)  # the label and call tests fold the same line
def _folded(text: str) -> str:
    return fold(text)


def _vocabulary_line(text: str, first: bool) -> tuple[str, str] | None:
    """A line made only of interface, platform, navigation, teaser or counter words, numbers and separators."""
    if not _GALLERY_INDEX.fullmatch(text) and _has_other_word(text):
        return None  # a word of no vocabulary: prose (the last test below, decided at the first such word)
    tokens = _tokens(text)
    if "I" in tokens:
        return None  # the English pronoun: a quote ("I like it"), not Serbian "i" ("and") between platform names
    if len(tokens) > MAX_SHAPE_WORDS and not _GALLERY_INDEX.fullmatch(text) and any(
            not _NUMBER.match(t) and t != "(s)" for t in tokens):
        return None  # a long line with a word: prose (the test below, decided before folding every word)
    numbers = [t for t in tokens if _NUMBER.match(t)]
    words = [fold(t) for t in tokens if not _NUMBER.match(t) and t != "(s)"]
    if not words:
        if numbers and _SYMBOL.search(text):
            return "page-counter", "page chrome: a counter (symbols and numbers only, no words)"
        return None
    if _GALLERY_INDEX.fullmatch(text):
        return "orphan-embed-label", "page chrome: a gallery or page index ('1 of 6') without its gallery"
    if len(words) > 10:  # (more than MAX_SHAPE_WORDS tokens with a word returned above)
        return None
    v = vocabulary().words
    classes = _SHAPE_CLASSES
    glue = v.get("glue", frozenset())
    of = {c: [w for w in words if w in v.get(c, ())] for c in classes}
    if any(w not in glue and not any(w in v.get(c, ()) for c in classes) for w in words):
        return None
    content = [w for w in words if w not in glue]
    if not content:
        return None
    if _SENTENCE_END.search(text) and text.rstrip()[-1] == "." and len(words) > 3:
        return None  # a sentence made of common words ("Read all of them.") is not a widget
    shown = ", ".join(dict.fromkeys(t for t in tokens if not _NUMBER.match(t)))[:60]
    if numbers and of["counters"]:
        return "page-counter", f"page chrome: a counter line (counter words beside numbers: {shown})"
    strong_teaser = {"more", "related", "recommended", "popular", "trending", "latest", "most", "picks", "explore",
                     "coverage", "headlines", "highlights", "featured", "similar", "recent", "breaking",
                     "povezane", "povezano", "najcitanije", "najnovije", "najgledanije", "preporuka",
                     "preporucujemo", "izdvojeno", "vise", "jos", "najkomentarisanije", "najkomentiranije",
                     "aktuelno", "aktualno"}
    if all(w in v.get("teaser", ()) or w in v.get("navigation", ()) or w in glue for w in words) and any(
        w in strong_teaser for w in words
    ):
        if first:
            return None
        return "related-teaser", f"{_TEASER_HEADER} ({shown}), not article text"
    lone = len(content) == 1 and len(numbers) == 0 and not _SEPARATORS.search(text)
    if all(w in v.get("navigation", ()) or w in glue for w in words):
        if first and len(content) < 2:
            return None
        weak = f" {_WEAK}" if lone and content[0] not in v.get("buttons", ()) else ""
        return "related-teaser", f"page chrome: navigation or a section label ({shown}){weak}"
    if lone and content[0] not in v.get("buttons", ()):
        kind = "social-footer" if content[0] in v.get("platforms", ()) else "orphan-embed-label"
        return kind, f"page chrome: a button or label ({shown}) {_WEAK}"
    if of["platforms"] or any(w in ("share", "shares", "tweet", "follow", "subscribe", "podeli", "podijeli")
                              for w in words):
        return "social-footer", f"page chrome: a share bar or button line ({shown}), not article text"
    return "orphan-embed-label", f"page chrome: interface labels (buttons, widgets: {shown}), not article text"


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset().union(*vocabulary().dates.values())


_ROW_SEPARATOR = regex.compile(r"(?<!\s)(?:\s++[|·•]\s++|\s*+[›»→]\s*+|\s++>\s++)")
_ROW_CHARS = "|·•›»→>"  # a separator holds one of these: a line with none is one segment


def _link_row(text: str, first: bool) -> tuple[str, str] | None:
    """A row of short capitalised links: a menu, a breadcrumb trail, a share bar ("News | Region | World",
    "Home › Sport › Novi Sad"). Three or more segments of one to three words, none a sentence."""
    if first or not any(c in text for c in _ROW_CHARS):
        return None
    parts = [p.strip(" \t«»<>|·•") for p in _ROW_SEPARATOR.split(text)]
    parts = [p for p in parts if p]
    if len(parts) < 3 or len(parts) > 12:
        return None
    if not all(1 <= len(p.split()) <= 3 and _CAPITALISED.match(p) and not p.endswith(".") for p in parts):
        return None
    if any(_NUMBER.match(p) for p in parts):
        return None  # a row of figures is a table, not a menu
    trail = bool(regex.search(r"[›»→>]", text))
    what = "a breadcrumb trail" if trail else "a row of links (a menu or a share bar)"
    return "related-teaser", f"page chrome: {what}, {len(parts)} short links and no sentence"


def _date_line(text: str, first: bool) -> tuple[str, str] | None:
    """A line that is only a date or time stamp, maybe with a place, an agency or a label before it."""
    return _date_stamp(text)


@lru_cache(maxsize=4096)  # the shape test and the list-item test ask about the same line
def _date_stamp(text: str) -> tuple[str, str] | None:
    d = vocabulary().dates
    place = _PLACE_PREFIX.match(text)  # "NOVI SAD, ", but not "Yesterday, " or "Јуче, ": a date word is the stamp
    keep = place is not None and all(fold(t).rstrip(".") in _date_words() for t in _tokens(place.group()))
    rest = text if keep or place is None else text[place.end():]  # (the prefix pattern matches at the start only)
    if "." in rest:
        rest = _DOMAIN_PREFIX.sub("", rest)  # "smithsonian.com "
    if "(" in rest:
        rest = _PARENTHESISED.sub(" ", rest)  # "(Beta)"
    rest = _CAPS_PLACE.sub("", rest)  # "BELGRADE Sept 5"
    if not _only_date_words(rest):
        return None
    tokens = _tokens(rest)
    if not tokens or len(tokens) > MAX_SHAPE_WORDS:
        return None
    allowed = _date_words()
    strong = False
    for t in tokens:
        f = fold(t).rstrip(".")
        if _NUMBER.match(t) or _AGO.match(t):
            continue
        if f not in allowed:
            return None
        if f in d.get("months", ()) or f in d.get("weekdays", ()) or f in d.get("relative", ()):
            strong = True
    if _FULL_DATE.search(rest) or any(_AGO.match(t) for t in tokens):
        strong = True
    if not strong and _CLOCK.search(rest) and any(fold(t) in d.get("clock", ()) for t in tokens):
        strong = True
    if not strong or not _HAS_CONTENT.search(rest):
        return None
    if all(fold(t).rstrip(".") in d.get("labels", ()) for t in tokens if not _NUMBER.match(t)) and not _FULL_DATE.search(rest):
        return None
    if rest == text and _bare_day(tokens, rest):
        return None  # "March 3", "Monday": the heading of a section of a timeline, not a stamp
    return "page-counter", "page chrome: a date or time stamp on a line of its own (dateline, published/updated)"


def _only_date_words(text: str) -> bool:
    """Whether every word of ``text`` is a number, an "ago" count or a date word, and there are at most
    ``MAX_SHAPE_WORDS`` of them: the stamp's first test, read word by word so that prose (whose first or
    second word is no date word) costs one or two words, not the whole line."""
    allowed = _date_words()
    for k, t in enumerate(_words_of(text)):
        if k == MAX_SHAPE_WORDS:
            return False
        if not (_NUMBER.match(t) or _AGO.match(t)) and fold(t).rstrip(".") not in allowed:
            return False
    return True


def _bare_day(tokens: list[str], text: str) -> bool:
    """A day named and nothing else: no year, no time of day, no "ago" or "today", no label ("Published"),
    and no place or agency before it (those were taken off before). Stamps carry one of these; a bare day
    between paragraphs heads a section of the article (a timeline, a diary)."""
    d = vocabulary().dates
    if _FULL_DATE.search(text) or _CLOCK.search(text) or _YEAR_NUMBER.search(text):
        return False
    for t in tokens:
        f = fold(t).rstrip(".")
        if _AGO.match(t) or f in d.get("relative", ()) or f in d.get("clock", ()) or f in d.get("units", ()):
            return False
        if f in d.get("labels", ()) and f not in ("on", "of", "the"):
            return False
    return True


_YEAR_NUMBER = regex.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")


def _value_is_not_a_sentence(value: str, max_words: int = 14) -> bool:
    words = value.split()
    if not words or len(words) > max_words:
        return False
    if _SENTENCE_END.search(value) and value.rstrip()[-1] == "." and not _ABBREVIATION_END.search(value):
        return False  # "Source: the ministry said the deficit would narrow."
    lower = [w for w in words if _LOWER_WORD.match(w) and not EMAIL.search(w)]
    return len(lower) <= max(2, len(words) // 3)


def _label_line(text: str, first: bool) -> tuple[str, str] | None:
    """ "Label: value": a byline, credit, tags or contact label and a value that is not a sentence."""
    folded = _folded(text)
    if len(folded) != len(text):  # folding changed offsets (đ -> dj): match on the folded text only
        pass
    if _LABEL_SEPARATOR.search(folded) is None:
        return None  # the label pattern needs its separator
    m = _shapes().label_line.match(folded)
    if m is None:
        return None
    kind = next(k for k in ("byline", "credit", "tags", "contact") if m.group(k) is not None)
    value = text[len(text) - len(m.group("value")):] if len(folded) == len(text) else m.group("value")
    if kind == "tags":
        ok = len(value.split()) <= 20 and not (_SENTENCE_END.search(value) and value.rstrip()[-1] == ".")
    elif kind == "contact":
        ok = bool(EMAIL.search(value) or _PHONE.search(value) or _HANDLE.search(value)) or _value_is_not_a_sentence(value, 8)
    else:
        ok = _value_is_not_a_sentence(value)
    if not ok:
        return None
    rule, what = {"byline": ("page-counter", "a byline or source line"), "credit": ("photo-credit", "a photo or video credit"),
                  "tags": ("page-counter", "a tags or topics line"), "contact": ("social-footer", "a contact line")}[kind]
    return rule, f"page chrome: {what} (label '{m.group(kind)}:' and a value that is not a sentence)"


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Words that start a phrase, not a name, after "By": English function words and date words."""
    words = set(read_words(DATA / "languages" / "en" / "function_words.txt"))
    return frozenset(words | set().union(*vocabulary().dates.values()))


def _byline(text: str, first: bool) -> tuple[str, str] | None:
    """ "By" and a name, maybe with co-authors, an outlet, an address or a date after it."""
    if len(text.split()) > 24:
        return None
    m = _BYLINE.match(text)
    if m is None:
        return None
    if fold(m.group("name").split()[0]) in _not_names():
        return None  # "By Monday, the council had ..." is a sentence
    tail = m.group("tail")
    lower = [w for w in _LOWER_WORDS.findall(tail) if w not in _BYLINE_TAIL_WORDS and not EMAIL.search(w)]
    if len(lower) > 2 or _WORD_PERIOD_END.search(tail):
        return None
    return "page-counter", "page chrome: a byline ('By' and a name, with its outlet, address or date)"


def _contact_line(text: str, first: bool) -> tuple[str, str] | None:
    """A short line carrying an e-mail address, a phone number or a handle, and no sentence."""
    at, digit = "@" in text, _ANY_DIGIT.search(text) is not None  # an address and a handle hold an "@", a phone digits
    cues = [name for name, rx, possible in (("e-mail", EMAIL, at), ("phone", _PHONE, digit), ("handle", _HANDLE, at))
            if possible and rx.search(text)]
    if not cues:
        return None
    words = text.split()
    short = 6 if cues == ["handle"] else 10  # a handle in a longer line is often a quoted post's signature
    if len(words) <= short and not (text.rstrip()[-1] == "." and len(words) > 4):
        return "social-footer", f"page chrome: a contact or author line ({', '.join(cues)} on a short line)"
    if len(words) <= 20 and _CONTACT_VERB.search(text):
        return "social-footer", f"page chrome: a contact or tip-off line ({', '.join(cues)} with a call to write)"
    return None


def _call_line(text: str, first: bool) -> tuple[str, str] | None:
    """A call to follow, join, subscribe or download, with the channel it points to, on a short line."""
    if len(text.split()) > 25:
        return None
    folded = _folded(text)
    shapes = _shapes()
    possible = shapes.cues.found(folded)
    m = (shapes.call.search(folded) if 0 in possible else None) or (
        shapes.store_call.search(folded) if 1 in possible else None)
    if m is None:
        return None
    return "social-footer", f"page chrome: a call to action ('{m.group('verb')}' ... '{m.group('channel')}')"


def _agency_in(text: str) -> bool:
    """An agency or picture library named as a name is: capitalised ("Beta", "AP"), not the word "beta"."""
    shapes = _shapes()
    return bool(shapes.agency_cues.found(text)) and any(m.group()[0].isupper() for m in shapes.agency.finditer(text))


_CREDIT_WORD = regex.compile(r"\b(?:photo\w*|image\w*|picture\w*|credit\w*|foto\w*|illustration|ilustracija|snimio|snimila)\b",
                            regex.I)
_PAREN_END = regex.compile(r"[(\[]([^()\[\]]{1,80})[)\]]\s*$")
_SEPARATED_END = regex.compile(r"(?:^|\s)[|·•]\s*([^|·•]{1,80})$|(?<=\S)\s*/\s*([^/]{1,60})$")
_SEPARATED_CHARS = "|·•/"  # every match of ``_SEPARATED_END`` holds one
_SEPARATED_CHAR = re.compile(f"[{re.escape(_SEPARATED_CHARS)}]")
_CONNECTORS = frozenset("/ , & and of de van von la le da di via for the and/or".split())


def _name_like(value: str, max_words: int = 8) -> bool:
    """Names, an agency, initials: capitalised words and connectors, no sentence ("Fena/Amel Emrić", "AP Photo/File")."""
    words = value.replace("/", " / ").split()
    if not words or len(words) > max_words:
        return False
    return all(w in _CONNECTORS or _CAPITALISED.match(w.lstrip("(\"'“‘")) or _CREDIT_WORD.fullmatch(w.strip(":,"))
               for w in words)


def _credit_tail(text: str, first: bool) -> tuple[str, str] | None:
    """A caption or a name line that ends in a photo credit ("... (AP Photo/Alan Diaz)", "... | Photo: HINA").

    The credit must be name-like (capitalised names and agencies), and carry a credit word with its
    colon or slash, or a capitalised agency: "before/after photos of the site" is prose.
    """
    words = text.split()
    if len(words) > 70:
        return None
    found = None
    # each credit pattern needs a character most lines lack: a bracket, a separator, a colon or a copyright sign
    m = _PAREN_END.search(text) if "(" in text or "[" in text else None
    if m is not None:
        inner = m.group(1).strip()
        if _agency_in(inner) and _name_like(inner) or regex.search(
                r"\b(?:photo\w*|image\w*|picture\w*|credit\w*|foto\w*)\s*(?::|/|by\b)\s*\S", inner, regex.I):
            found = inner
    if found is None and _SEPARATED_CHAR.search(text) is not None:
        m = _SEPARATED_END.search(text)
        tail = next((g for g in m.groups() if g), "") if m else ""
        value = _CREDIT_LABEL.sub("", tail.strip())
        if tail and _name_like(value) and (_agency_in(tail) or value != tail.strip()):
            found = tail
    if found is None and (":" in text or "©" in text):
        m = _CREDIT_AT_END.search(text)
        if m is not None and _name_like(next(g for g in m.groups() if g).rstrip(". ")):
            found = m.group(0)
    if found is None:
        end = _shapes().agency_end.search(text) if len(words) <= 8 else None
        if end is not None and end.start() > 0 and _agency_in(text[end.start():]) and _name_like(text[: end.start()]):
            return "photo-credit", "page chrome: a name line that ends in a photo credit"
        return None
    return "photo-credit", "page chrome: a caption or name line that ends in a photo credit"
