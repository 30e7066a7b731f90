"""One explainable chrome score per line: cues of shape, vocabulary, position and neighbours, weighed by a
logistic regression whose weights are data (``qa/data/chrome_weights.json``).

Why a score as well as the line-shape rules in ``qa.boilerplate``: the rules ask "is this line made only
of furniture words?", and every site words its furniture a little differently, so a new wording slips
past them. The score asks a softer question with the same vocabularies by function: how much of the
line is furniture, whether it speaks to the reader ("you", "our"), opens with a button's verb, lacks a
sentence's shape, sits in a run of short lines at the article's end, repeats another line of the page,
or stands beside lines the rules already called chrome. Each cue is a number; the weights were fitted
by ``scripts/train_chrome.py`` on the DEV halves of the labelled chrome lines and of the real pages
only (never the test halves), so the fit is reproducible and the test halves stay a measurement.

A finding names the cues that carried it (the largest positive contributions), so an editor can see
why a line was called chrome. The scorer runs only on lines the rules left alone.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse
from typing import Callable, Mapping, Sequence

import regex

from qa.languages.transliteration import ascii_fold, to_latin
from qa.resources import DATA
from qa.text import EMAIL

WEIGHTS = DATA / "chrome_weights.json"

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:['’-]\p{L}[\p{L}\p{M}]*+)*+|\d[\d.,:/]*+")
_NUMBER = regex.compile(r"\d")
PHONE = regex.compile(r"(?:\+\d{1,3}[\s/.-]?\(?\d{1,4}\)?(?:[\s/.-]?\d{2,4}){2,4}|\(\d{3}\)\s?\d{3}-\d{4}"
                      r"|\b0\d{1,2}[\s/-]\d{3,4}[\s-]?\d{3,4}\b)")  # a local number: "011/3456-789", "020 404 600"
HANDLE = regex.compile(r"(?<![\w.])@[A-Za-z0-9_.]{2,30}\b")
_URL = regex.compile(r"\bhttps?://|\bwww\.|(?<![\w-])[\w-]++\.(?:com|net|org|rs|hr|ba|me|co\.uk)\b", regex.I)
_SEPARATOR = regex.compile(r"\s[|·•»›/]\s|\s›|»|\s\|\s?|^\W*[|·•]")
_QUOTE = re.compile(r"[\"“”„«]")  # a plain character class: the standard engine scans it faster
_CLOCK = regex.compile(r"\b\d{1,2}[:.]\d{2}\b")
_FULL_DATE = regex.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_CREDIT = regex.compile(r"\b(?:photo\w*|image\w*|picture\w*|credit\w*|foto\w*|courtesy|illustration|ilustracija)\b",
                        regex.I)
_END_SENTENCE = regex.compile(r"[.!?…][\"”’')\]]*$")
_END_COLON = regex.compile(r":\s*$")
# "Outlet, "Title," 12 May 2019": a source in a list of sources
_CITATION = regex.compile(r"^[^\"“]{2,80},\s*[\"“][^\"”]{3,200}[,.]?[\"”]\s*,?\s*[^\"“”]{0,60}(?:19|20)\d{2}\)?\s*$")
_COPYRIGHT = regex.compile(r"\(c\)|\bcopyright\b", regex.I)
_NUMBERED = regex.compile(r"^\d{1,2}[.)]\s+\p{Lu}")  # "3. Establish your target number": a step of the article
_LABEL_VALUE = regex.compile(r"^\W*+\p{L}++(?:\s\p{L}++){0,2}\s?:\s+\S")  # "Tags: floods, Sava"
_PAST = regex.compile(r"^\p{Ll}{3,}ed$")

_HERE = frozenset({"here", "ovde", "ovdje", "link", "linku", "linka"})  # the last word of link text
SHORT_WORDS = 12  # a line this short without a final full stop is a label, a button or a headline
LONG_WORDS = 25  # a line this long is a paragraph of the article's prose
PROSE_WORDS = 6  # a sentence this long, with its final stop, is prose too


def fold(text: str) -> str:
    """Lower case, Cyrillic read in Latin, accents dropped (as the vocabularies are written)."""
    if text.isascii():
        return text.casefold()  # no Cyrillic and no accents: the same string, at a fraction of the cost
    return ascii_fold(to_latin(text)).casefold()


# Tokens repeat across the lines of an article and across articles; folding is pure, so it is cached.
_fold_token = lru_cache(maxsize=1 << 16)(fold)


@lru_cache(maxsize=1 << 16)
def past_word(word: str) -> bool:
    """A folded word that reads as an English verb in the past tense ("reported")."""
    return _PAST.match(word) is not None


# A URL's cue needs one of these; the cheap test runs first (the full pattern tries every word start).
_URL_HINT = regex.compile(r"https?://|www\.|\.(?:com|net|org|rs|hr|ba|me|co\.uk)\b", regex.I)


def _for_lowered_ascii(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """A case-insensitive pattern, compiled case-sensitive for ASCII text that was lowered first.

    The same matches at the same places: in ASCII text a lower-case letter of the pattern matches, ignoring
    case, only itself and its capital (the other characters it pairs with, such as the Kelvin sign for "k",
    are not ASCII), lowering ASCII text keeps every offset, and classes such as ``\\w`` and ``\\b`` see
    the same letters. So the pattern may hold no capital letter (that would also change ``\\W`` or ``\\S``)."""
    if pattern.pattern != pattern.pattern.lower() or not pattern.flags & regex.I:
        raise ValueError(f"not a case-insensitive pattern in lower case: {pattern.pattern!r}")
    return regex.compile(pattern.pattern, pattern.flags & ~regex.I)


_URL_HINT_LOW, _CREDIT_LOW, _COPYRIGHT_LOW = (_for_lowered_ascii(p) for p in (_URL_HINT, _CREDIT, _COPYRIGHT))
# ``_TOKEN`` for ASCII text, where a letter is A-Z or a-z, no mark occurs, a digit is 0-9 and the apostrophe is
# the straight one; greedy where ``_TOKEN`` is possessive, which finds the same tokens (nothing follows that
# could make a shorter match succeed). The standard engine runs it several times faster.
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|[0-9][0-9.,:/]*")
# A separator's cue needs one of these characters (every branch of ``_SEPARATOR`` holds one).
_SEPARATOR_HINT = re.compile(r"[|·•»›/]")


@dataclass(frozen=True)
class Model:
    """Weights by cue name, the bias, and the thresholds a probability must reach (major, minor)."""

    bias: float
    weights: Mapping[str, float]
    major: float
    minor: float


@lru_cache(maxsize=1)
def model() -> Model:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                 float(data["threshold_major"]), float(data["threshold_minor"]))


CUE_NAMES = {
    "words_1_3": "one to three words", "words_4_8": "four to eight words", "words_9_15": "nine to fifteen words",
    "words_16_30": "sixteen to thirty words", "words_over_30": "over thirty words",
    "no_end_punct": "no final full stop", "ends_colon": "ends in a colon", "ends_sentence": "ends like a sentence",
    "capitalised": "capitalised words", "all_caps": "in capitals", "digits": "numbers",
    "separator": "separators", "quote": "quotation marks", "contact": "an address, phone, handle or URL",
    "reader": "speaks to the reader", "site": "the site speaks of itself", "opens_with_action": "opens with a button's verb",
    "furniture": "furniture nouns", "chrome_words": "interface, platform, section or counter words",
    "narrative": "words of narration", "past_tense": "verbs in the past tense", "date": "a date or time",
    "credit": "a credit word", "ends_here": "ends in 'here'",
    "first_line": "the first line", "after_headline": "right after the headline", "tail": "after the last paragraph of prose",
    "head": "before the first paragraph of prose", "last_line": "the last line",
    "chrome_before": "after a chrome line", "chrome_after": "before a chrome line", "short_run": "in a run of short lines",
    "duplicate": "repeats another line", "after_label": "after a label line ending in a colon",
    "short_x_chrome_words": "a short line of furniture words", "short_x_reader": "a short line speaking to the reader",
    "tail_x_headline": "a headline-shaped line after the prose", "run_x_tail": "a run of short lines after the prose",
    "duplicate_x_short": "a short line repeated",
    "headline_like": "shaped like a headline", "unfinished": "a long line without a final stop",
    "citation": "a citation (a source, a quoted title, a date)", "duplicate_x_headline": "a headline repeated",
    "copyright_sign": "a copyright sign", "numbered": "numbered like a list item of the article",
    "clause": "a clause (an auxiliary verb or a verb in the past tense)", "short_x_date": "a short line with a date or time", "label_value": "a label and a value ('Tags: ...')",
    "comma_list": "a list of names or words", "short_x_furniture": "a short line of furniture nouns",
}


def _share(words: Sequence[str], vocabulary: frozenset[str]) -> float:
    return sum(w in vocabulary for w in words) / len(words) if words else 0.0


CHROME_CLASSES = ("interface", "platforms", "navigation", "teaser", "counters", "buttons")
_chrome_union: tuple[Mapping[str, frozenset[str]], frozenset[str]] | None = None


def _chrome_vocabulary(words: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The union of the chrome classes of ``words``, built once for the vocabularies every call passes
    (the same mapping, document after document; the union of a few thousand words cost more than the
    cues of a short document)."""
    global _chrome_union
    if _chrome_union is None or _chrome_union[0] is not words:
        _chrome_union = (words, frozenset().union(*(words.get(c, frozenset()) for c in CHROME_CLASSES)))
    return _chrome_union[1]


def line_features(lines: Sequence[str], chrome: Sequence[bool], words: Mapping[str, frozenset[str]],
                  dates: frozenset[str], agency_in: Callable[[str], bool] | None,
                  wanted: Sequence[bool] | None = None) -> list[dict[str, float] | None]:
    """The cues of every line of an article (one paragraph a line), given which lines the rules called chrome.

    ``words`` are the vocabularies by function (``chrome.toml``'s ``[words]``, folded), ``dates`` every date
    word, ``agency_in`` whether a text names an agency a credit names (or None). With ``wanted``, only those
    lines get their cues (the others ``None``); the cues that read the neighbours still see every line.
    """
    n = len(lines)
    if wanted is not None and not any(wanted):
        return [None] * n  # (a one-paragraph document: its headline is never scored)
    counts = [len(line.split()) for line in lines]
    ends = [bool(_END_SENTENCE.search(line.strip())) for line in lines]
    # the article's prose: long lines, and sentences of some length (the head and the tail lie outside it)
    long_lines = [i for i, c in enumerate(counts) if c >= LONG_WORDS or c >= PROSE_WORDS and ends[i]]
    first_long = long_lines[0] if long_lines else n
    last_long = long_lines[-1] if long_lines else -1
    keys = [" ".join(fold(line).split()) for line in lines]
    seen: dict[str, int] = {}
    for k in keys:
        seen[k] = seen.get(k, 0) + 1
    short = [c <= SHORT_WORDS and not e for c, e in zip(counts, ends)]
    runs = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    glue = words.get("glue", frozenset())
    chrome_vocab = _chrome_vocabulary(words)
    reader, site, actions = words.get("reader", frozenset()), words.get("site", frozenset()), words.get("actions", frozenset())
    furniture, narrative = words.get("furniture", frozenset()), words.get("narrative", frozenset())
    auxiliaries = words.get("auxiliaries", frozenset())
    in_glue, in_furniture, in_chrome, in_narrative = (glue.__contains__, furniture.__contains__,
                                                      chrome_vocab.__contains__, narrative.__contains__)
    # whether each line ends in a colon (a line's own cue, and its next line's "after a label")
    colons = [bool(_END_COLON.search(line.strip())) for line in lines]
    out: list[dict[str, float] | None] = []
    for i, line in enumerate(lines):
        if wanted is not None and not wanted[i]:
            out.append(None)
            continue
        text = line.strip()
        ascii_text = text.isascii()
        tokens = (_ASCII_TOKEN if ascii_text else _TOKEN).findall(text)
        low = text.lower() if ascii_text else ""
        # every cue that needs a digit (a number token, a phone, a clock, a date) is false without one
        has_digit = _NUMBER.search(text) is not None
        letters = [t for t in tokens if not _NUMBER.match(t)] if has_digit else tokens
        folded = list(map(_fold_token, letters))
        past = list(map(past_word, folded))
        content = list(filterfalse(in_glue, folded)) or folded
        c = counts[i]
        ends_sentence = ends[i]
        ends_colon = colons[i]
        no_end_punct = not ends_sentence and not ends_colon
        long_words = [t for t in letters if len(t) >= 3]
        capitalised = sum(map(str.isupper, [t[0] for t in long_words])) / len(long_words) if long_words else 0.0
        is_reader = not reader.isdisjoint(folded)
        is_site = not site.isdisjoint(folded)
        furniture_share = sum(map(in_furniture, content)) / len(content) if content else 0.0
        chrome_share = sum(map(in_chrome, content)) / len(content) if content else 0.0
        date = has_digit and (any(w.rstrip(".") in dates for w in folded)
                              or _CLOCK.search(text) is not None or _FULL_DATE.search(text) is not None)
        tail = float(i > last_long >= 0)
        # a sentence of three words or more is prose whatever stands beside it (the lede between two captions)
        prose = c >= 3 and ends_sentence
        short_run = float(runs[i] >= 3)
        duplicate = float(seen[keys[i]] > 1 and c >= 2)
        is_short = float(short[i])
        headline_like = float(i > 0 and 5 <= c <= 20 and no_end_punct)
        f_date = float(date)
        quote = _QUOTE.search(text) is not None
        parts = [s.strip() for s in text.split(",")] if "," in text else None
        out.append({
            "words_1_3": float(c <= 3),
            "words_4_8": float(4 <= c <= 8),
            "words_9_15": float(9 <= c <= 15),
            "words_16_30": float(16 <= c <= 30),
            "words_over_30": float(c > 30),
            "ends_sentence": float(ends_sentence),
            "ends_colon": float(ends_colon),
            "no_end_punct": float(no_end_punct),
            "capitalised": capitalised,
            "all_caps": float(len(long_words) >= 2 and all(map(str.isupper, long_words))),
            "digits": (len(tokens) - len(letters)) / len(tokens) if tokens else 0.0,
            # each branch of the separator pattern holds one of these characters; the scan for them is cheap
            "separator": float(_SEPARATOR_HINT.search(text) is not None and _SEPARATOR.search(text) is not None),
            "quote": float(quote),
            # an address and a handle hold an "@", a phone number digits
            "contact": float("@" in text and (EMAIL.search(text) is not None or HANDLE.search(text) is not None)
                             or has_digit and PHONE.search(text) is not None
                             or (_URL_HINT_LOW.search(low) if ascii_text else _URL_HINT.search(text)) is not None
                             and _URL.search(text) is not None),
            "reader": float(is_reader),
            "site": float(is_site),
            "opens_with_action": float(bool(folded) and folded[0] in actions),
            "furniture": furniture_share,
            "chrome_words": chrome_share,
            "narrative": min(1.0, 3 * (sum(map(in_narrative, folded)) / len(folded) if folded else 0.0)),
            "past_tense": min(1.0, 3 * sum(past) / len(folded)) if folded else 0.0,
            "date": f_date,
            "credit": float((_CREDIT_LOW.search(low) if ascii_text else _CREDIT.search(text)) is not None
                            or agency_in is not None and bool(agency_in(text))),
            "ends_here": float(bool(folded) and folded[-1] in _HERE),
            "first_line": float(i == 0),
            "after_headline": float(i == 1),
            "tail": tail,
            "head": float(0 < i < first_long),
            "last_line": float(i == n - 1 and n > 1),
            "chrome_before": float(i > 0 and chrome[i - 1] and not prose),
            "chrome_after": float(i + 1 < n and chrome[i + 1] and not prose),
            "short_run": short_run,
            "duplicate": duplicate,
            "after_label": float(i > 0 and colons[i - 1] and counts[i - 1] <= 8),
            "short_x_chrome_words": is_short * chrome_share,
            "short_x_reader": is_short * max(float(is_reader), float(is_site)),
            "tail_x_headline": tail * is_short * capitalised,
            "run_x_tail": short_run * tail,
            "duplicate_x_short": duplicate * is_short,
            "headline_like": headline_like,
            "unfinished": float(c > 20 and no_end_punct),
            # a citation holds a quotation mark and a year
            "citation": float(quote and has_digit and _CITATION.search(text) is not None),
            "duplicate_x_headline": duplicate * headline_like,
            "copyright_sign": float("©" in text
                                    or (_COPYRIGHT_LOW.search(low) if ascii_text else _COPYRIGHT.search(text)) is not None),
            "numbered": float(has_digit and _NUMBERED.match(text) is not None),
            "clause": float(c >= 5 and (not auxiliaries.isdisjoint(folded) or any(past[1:]))),
            "short_x_date": is_short * f_date,
            "label_value": float(_LABEL_VALUE.match(text) is not None and not ends_sentence),
            "comma_list": float(parts is not None and len(parts) >= 3 and all(1 <= len(s.split()) <= 3 for s in parts)),
            "short_x_furniture": is_short * furniture_share,
        })
    return out


FEATURES = tuple(CUE_NAMES)


def reportable(f: Mapping[str, float]) -> bool:
    """Whether the scorer may report a line at all: never the headline, and a lone label ("Marketing",
    "Instagram", one to three words) only beside chrome, repeated, or outside the prose (before its first
    paragraph or after its last): between paragraphs it may be a subheading. A clause of five words or more
    (an auxiliary, or a verb in the past tense after its first word) is prose unless it speaks to the reader
    or carries an address, a credit or a date."""
    if f["first_line"]:
        return False
    if f["clause"] and not (f["reader"] or f["site"] or f["contact"] or f["credit"] or f["date"] or f["opens_with_action"]
                            or f["ends_colon"] or f["copyright_sign"] or f["ends_here"]):
        return False  # a clause that lost its full stop is prose (QA405's business), not furniture
    return not f["words_1_3"] or bool(f["chrome_before"] or f["chrome_after"] or f["duplicate"] or f["tail"] or f["head"])


def score(features: Mapping[str, float], m: Model | None = None) -> tuple[float, list[tuple[str, float]]]:
    """The probability that a line is chrome, and each cue's contribution (weight x value), largest first."""
    m = m or model()
    parts = [(k, m.weights.get(k, 0.0) * v) for k, v in features.items() if v]
    prob = _logistic(m.bias + sum(p for _, p in parts))
    parts.sort(key=lambda kv: (-kv[1], kv[0]))
    return prob, parts


def probability(features: Mapping[str, float], m: Model | None = None) -> float:
    """``score``'s probability alone (the same sum in the same order), without the parts and their sort:
    most lines score below the minor threshold, and only a reported line needs its cues explained."""
    m = m or model()
    return _logistic(m.bias + sum(m.weights.get(k, 0.0) * v for k, v in features.items() if v))


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def explain(parts: list[tuple[str, float]], top: int = 3) -> str:
    """The cues that carried a score, in words: "speaks to the reader, no final full stop, ..."."""
    return ", ".join(CUE_NAMES.get(k, k) for k, v in parts[:top] if v > 0)
