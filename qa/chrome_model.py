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
from dataclasses import dataclass
from functools import lru_cache
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
_QUOTE = regex.compile(r"[\"“”„«]")
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
    return ascii_fold(to_latin(text)).casefold()


# Tokens repeat across the lines of an article and across articles; folding is pure, so it is cached.
_fold_token = lru_cache(maxsize=1 << 16)(fold)

# A URL's cue needs one of these; the cheap test runs first (the full pattern tries every word start).
_URL_HINT = regex.compile(r"https?://|www\.|\.(?:com|net|org|rs|hr|ba|me|co\.uk)\b", regex.I)


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


def line_features(lines: Sequence[str], chrome: Sequence[bool], words: Mapping[str, frozenset[str]],
                  dates: frozenset[str], agency_in: Callable[[str], bool] | None,
                  wanted: Sequence[bool] | None = None) -> list[dict[str, float] | None]:
    """The cues of every line of an article (one paragraph a line), given which lines the rules called chrome.

    ``words`` are the vocabularies by function (``chrome.toml``'s ``[words]``, folded), ``dates`` every date
    word, ``agency_in`` whether a text names an agency a credit names (or None). With ``wanted``, only those
    lines get their cues (the others ``None``); the cues that read the neighbours still see every line.
    """
    n = len(lines)
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
    chrome_vocab = frozenset().union(*(words.get(c, frozenset()) for c in
                                       ("interface", "platforms", "navigation", "teaser", "counters", "buttons")))
    reader, site, actions = words.get("reader", frozenset()), words.get("site", frozenset()), words.get("actions", frozenset())
    furniture, narrative = words.get("furniture", frozenset()), words.get("narrative", frozenset())
    auxiliaries = words.get("auxiliaries", frozenset())
    out: list[dict[str, float] | None] = []
    for i, line in enumerate(lines):
        if wanted is not None and not wanted[i]:
            out.append(None)
            continue
        text = line.strip()
        tokens = _TOKEN.findall(text)
        letters = [t for t in tokens if not _NUMBER.match(t)]
        folded = [_fold_token(t) for t in letters]
        past = [bool(_PAST.match(w)) for w in folded]
        content = [w for w in folded if w not in glue] or folded
        c = counts[i]
        f: dict[str, float] = {}
        f["words_1_3"] = float(c <= 3)
        f["words_4_8"] = float(4 <= c <= 8)
        f["words_9_15"] = float(9 <= c <= 15)
        f["words_16_30"] = float(16 <= c <= 30)
        f["words_over_30"] = float(c > 30)
        f["ends_sentence"] = float(ends[i])
        f["ends_colon"] = float(bool(_END_COLON.search(text)))
        f["no_end_punct"] = float(not f["ends_sentence"] and not f["ends_colon"])
        long_words = [t for t in letters if len(t) >= 3]
        f["capitalised"] = sum(t[0].isupper() for t in long_words) / len(long_words) if long_words else 0.0
        f["all_caps"] = float(len(long_words) >= 2 and all(t.isupper() for t in long_words))
        f["digits"] = (len(tokens) - len(letters)) / len(tokens) if tokens else 0.0
        f["separator"] = float(bool(_SEPARATOR.search(text)))
        f["quote"] = float(bool(_QUOTE.search(text)))
        f["contact"] = float(bool(EMAIL.search(text) or PHONE.search(text) or HANDLE.search(text)
                                  or _URL_HINT.search(text) and _URL.search(text)))
        f["reader"] = float(any(w in reader for w in folded))
        f["site"] = float(any(w in site for w in folded))
        f["opens_with_action"] = float(bool(folded) and folded[0] in actions)
        f["furniture"] = _share(content, furniture)
        f["chrome_words"] = _share(content, chrome_vocab)
        f["narrative"] = min(1.0, 3 * _share(folded, narrative))
        f["past_tense"] = min(1.0, 3 * sum(past) / len(folded)) if folded else 0.0
        f["date"] = float(any(w.rstrip(".") in dates for w in folded) and bool(_NUMBER.search(text))
                          or bool(_CLOCK.search(text) or _FULL_DATE.search(text)))
        f["credit"] = float(bool(_CREDIT.search(text) or agency_in is not None and agency_in(text)))
        f["ends_here"] = float(bool(folded) and folded[-1] in _HERE)
        f["first_line"] = float(i == 0)
        f["after_headline"] = float(i == 1)
        f["tail"] = float(i > last_long >= 0)
        f["head"] = float(0 < i < first_long)
        f["last_line"] = float(i == n - 1 and n > 1)
        # a sentence of three words or more is prose whatever stands beside it (the lede between two captions)
        prose = c >= 3 and bool(f["ends_sentence"])
        f["chrome_before"] = float(i > 0 and chrome[i - 1] and not prose)
        f["chrome_after"] = float(i + 1 < n and chrome[i + 1] and not prose)
        f["short_run"] = float(runs[i] >= 3)
        f["duplicate"] = float(seen[keys[i]] > 1 and c >= 2)
        f["after_label"] = float(i > 0 and bool(_END_COLON.search(lines[i - 1].strip())) and counts[i - 1] <= 8)
        is_short = float(short[i])
        f["short_x_chrome_words"] = is_short * f["chrome_words"]
        f["short_x_reader"] = is_short * max(f["reader"], f["site"])
        f["tail_x_headline"] = f["tail"] * is_short * f["capitalised"]
        f["run_x_tail"] = f["short_run"] * f["tail"]
        f["duplicate_x_short"] = f["duplicate"] * is_short
        f["headline_like"] = float(i > 0 and 5 <= c <= 20 and bool(f["no_end_punct"]))
        f["unfinished"] = float(c > 20 and bool(f["no_end_punct"]))
        f["citation"] = float(bool(_CITATION.search(text)))
        f["duplicate_x_headline"] = f["duplicate"] * f["headline_like"]
        f["copyright_sign"] = float("©" in text or bool(_COPYRIGHT.search(text)))
        f["numbered"] = float(bool(_NUMBERED.match(text)))
        f["clause"] = float(c >= 5 and (any(w in auxiliaries for w in folded) or any(past[1:])))
        f["short_x_date"] = is_short * f["date"]
        f["label_value"] = float(bool(_LABEL_VALUE.match(text)) and not f["ends_sentence"])
        parts = [s.strip() for s in text.split(",")]
        f["comma_list"] = float(len(parts) >= 3 and all(1 <= len(s.split()) <= 3 for s in parts))
        f["short_x_furniture"] = is_short * f["furniture"]
        out.append(f)
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
    z = m.bias + sum(p for _, p in parts)
    prob = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    parts.sort(key=lambda kv: (-kv[1], kv[0]))
    return prob, parts


def explain(parts: list[tuple[str, float]], top: int = 3) -> str:
    """The cues that carried a score, in words: "speaks to the reader, no final full stop, ..."."""
    return ", ".join(CUE_NAMES.get(k, k) for k, v in parts[:top] if v > 0)
