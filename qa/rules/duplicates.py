"""Repeated paragraphs: exact copies (after normalising case, spacing and punctuation) and near copies."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain
from operator import neg
from typing import Iterator

from rapidfuzz import fuzz

from qa.model import Hit, Severity, Span
from qa.registry import rule
from qa.text import Block, Text

_NON_WORD = re.compile(r"[\W_]+")
NEAR_THRESHOLD = 90.0  # rapidfuzz ratio (0-100) from which two paragraphs are near copies
MIN_NEAR_WORDS = 8
SHORT_WORDS = 5  # a line this short said twice may be deliberate ("It is very bad." in an interview): minor
_SHINGLE = 3
_COMMON_SHINGLE = 50  # a shingle shared by more paragraphs than this says nothing


@lru_cache(maxsize=1 << 14)  # both rules key every paragraph of an article: the second reads the first's keys
def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


@rule("QA301", "duplicate-paragraph", "content/duplicate", "major")
def duplicate_paragraph(target: Text) -> Iterator[Hit]:
    r"""A paragraph or line that repeats an earlier one (ignoring case, spacing and punctuation).

    Why: scrapers and MT pipelines repeat the standfirst as a body paragraph,
    or a caption twice; the reader meets the same text again. The later copy
    is reported, with the first as related span.

    Bad: The talks ended without a deal.\nBoth sides blamed each other.\nThe talks ended without a deal!
    Bad: Photo: Reuters\nPhoto: Reuters
    Good: The talks ended without a deal.\nBoth sides blamed each other.

    Known limits: paragraphs of one word or of punctuation only ("***") are
    not compared; a repeated line of under five words is reported as minor,
    since an interview may repeat a short answer on purpose.
    """
    if len(target.paragraphs) < 2:
        return
    first: dict[str, Block] = {}
    for para in target.paragraphs:
        key = _key(target.slice(para))
        if not key or " " not in key and len(key) < 4:
            continue
        if key in first:
            orig = first[key]
            line = target.position(orig.start)[0]
            short = len(key.split()) < SHORT_WORDS
            yield Hit(
                para.start,
                para.end,
                f"repeats the paragraph on line {line}",
                suggestion="delete the repeated paragraph",
                related=(Span("target", orig.start, orig.end),),
                severity=Severity.MINOR if short else None,
            )
        else:
            first[key] = para


@rule("QA302", "near-duplicate-paragraph", "content/duplicate", "minor", quiet_inside=("QA301",))
def near_duplicate_paragraph(target: Text) -> Iterator[Hit]:
    r"""A paragraph that nearly repeats an earlier one (a few words changed).

    Why: a standfirst repeated with small edits, or a paragraph translated
    twice, is still the same text twice.

    Bad: Kim praises ties\nKim said that the friendship between the nations was founded after the war and grew stronger.\nIt was a long speech.\nKim said the friendship between the two nations was founded after the war and grew stronger.
    Good: Kim said the friendship was founded after the war.\nPutin said the relations would grow stronger in the future.

    Known limits: paragraphs under eight words are compared only exactly, and
    the headline (first line) not at all;
    candidates are found through shared word trigrams, so a copy reworded
    throughout is missed.
    """
    if len(target.paragraphs) < 3:
        return  # the headline is never compared: two more paragraphs are needed
    paras = [(p, _key(target.slice(p))) for p in target.paragraphs]
    # the headline is left out: a standfirst that restates it nearly word for word is normal news style
    paras = [(p, k) for p, k in paras if len(k.split()) >= MIN_NEAR_WORDS and p.index > 0]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    reported: set[int] = set()
    for i, (para, key) in enumerate(paras):
        words = key.split()
        # a dict, not a set: its order is the text's, so the report does not depend on the hash seed
        shingles = dict.fromkeys(zip(*(words[k:] for k in range(_SHINGLE))))  # each run of _SHINGLE words
        buckets = [index[sh] for sh in shingles]
        # how many shingles each earlier paragraph shares with this one (counted in C, not a Python loop)
        counts = Counter(chain.from_iterable(b for b in buckets if len(b) <= _COMMON_SHINGLE))
        for bucket in buckets:
            bucket.append(i)
        best: tuple[float, int] | None = None
        # only the few best-sharing candidates are scored, so the rule stays linear;
        # ties go to the earlier paragraph, so the same input always gives the same report
        for _, j in sorted(zip(map(neg, counts.values()), counts))[:5]:
            other = paras[j][1]
            if other == key:
                continue  # exact copies are QA301's
            score = fuzz.ratio(key, other)
            if score >= NEAR_THRESHOLD and (best is None or score > best[0]):
                best = (score, j)
        if best is not None and i not in reported:
            reported.add(i)
            orig = paras[best[1]][0]
            line = target.position(orig.start)[0]
            yield Hit(
                para.start,
                para.end,
                f"nearly repeats the paragraph on line {line} ({best[0]:.0f}% similar)",
                suggestion="keep one version",
                related=(Span("target", orig.start, orig.end),),
            )
