"""Fluency: repeated words and destroyed casing."""

from __future__ import annotations

import re
from typing import Iterator

from qa.context import Context
from qa.model import Hit, Severity
from qa.registry import rule
from qa.text import ABBREVIATIONS, Text, first_alpha

_REPEAT = re.compile(r"(?<![\w.,])([^\W_]+(?:['’][^\W_]+)?)((?:[ \t]+\1(?![\w]|[.,]\d))+)", re.IGNORECASE)


@rule("QA501", "repeated-word", "fluency/repetition", "minor", quiet_inside=("content/boilerplate",))
def repeated_word(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""The same word twice or more in a row ("the the", "pets pets").

    Why: MT decoders loop and stutter, especially at the end of a sentence;
    a doubled word is an obvious defect to the reader.

    Bad: The talks will continue next week week.
    Bad: the urine of affected pets pets pets pets.
    Bad: It is the first consulate in the United States States.
    Bad: He passed the checkpoint at 17:07 on July 13 13.
    Good: He had had enough; she said that that was final.

    Known limits: legitimate doubles ("had had", "that that", "bye bye",
    "Walla Walla", "Sing Sing") are listed in the target profile's ``allowed_repeats.txt``; a
    double name missing from that list is reported ("United States States" is
    the common MT loop); a repetition across a comma is not reported.
    """
    allowed = ctx.target.words("allowed_repeats.txt")
    for m in _REPEAT.finditer(target.raw):
        word = m.group(1)
        if word.lower() in allowed:
            continue
        times = 1 + len(m.group(2).split())
        yield Hit(
            m.start(),
            m.end(),
            f"{word!r} repeated {times} times in a row",
            suggestion=word,
            severity=Severity.MAJOR if times >= 3 else None,
        )


def _sentence_start(raw: str, pos: int) -> bool:
    before = raw[:pos].rstrip(" \t\"“'‘(")
    return not before or before[-1] in ".!?\n"


@rule("QA502", "lowercase-sentence-start", "fluency/spelling", "minor", quiet_inside=("content/boilerplate", "QA503"))
def lowercase_sentence_start(target: Text) -> Iterator[Hit]:
    r"""A sentence that starts with a lower-case letter.

    Why: MT output recased badly, or a sentence split at the wrong place,
    starts in lower case; English capitalises every sentence.

    Bad: The meeting ended late. the ministers left without a statement.
    Bad: she is in custody pending prosecution and trial.
    Good: The meeting ended late. The ministers left; eBay and iPhone sales rose.

    Known limits: a sentence that starts with a brand written in lower case
    ("iPhone", "eBay") or a symbol is skipped; a sentence start after an
    unknown abbreviation may be mistaken.
    """
    raw = target.raw
    for sent in target.sentences:
        first = target.first_token_in(sent.start, sent.end)
        if first is None:
            continue
        if not first.text[0].islower() or any(c.isupper() for c in first.text) or first.text[0].isdigit():
            continue
        lead = raw[sent.start : first.start]
        if any(c.isdigit() for c in lead) or "..." in lead or "…" in lead:
            continue
        if target.is_protected(first.start, first.end):
            continue
        if _after_abbreviation(raw, sent.start):
            continue
        yield Hit(first.start, first.end, "sentence starts with a lower-case letter", suggestion=first.text[0].upper() + first.text[1:])


def _after_abbreviation(raw: str, start: int) -> bool:
    m = re.search(r"(\S+)\.\s*$", raw[max(0, start - 20) : start])
    return bool(m) and m.group(1).lower().strip("(\"'") in ABBREVIATIONS


@rule("QA503", "all-lowercase-sentence", "fluency/spelling", "minor", quiet_inside=("content/boilerplate",))
def all_lowercase_sentence(target: Text) -> Iterator[Hit]:
    r"""A whole sentence in lower case, names and sentence start included.

    Why: casing lost in an MT pipeline (lower-cased training data, a
    detruecaser left out) makes names unrecognisable: "vladimir putin said".

    Bad: the russian president vladimir putin visited pyongyang in june.
    Good: The Russian president Vladimir Putin visited Pyongyang in June.

    Known limits: sentences under six words are not judged; a sentence with
    no name in it differs from a sentence-start error only in length.
    """
    for sent in target.sentences:
        text = target.slice(sent)
        first = first_alpha(text)
        if first is None or not first.islower():
            continue  # most sentences stop here, at their first letter
        if not text.islower() and any(c.isupper() for c in text if c.isalpha()):
            continue  # a capital letter somewhere (islower alone would also count Ⅻ or ǅ as capitals)
        words = [t for t in target.tokens_in(sent.start, sent.end) if t.text.isalpha()]
        if len(words) < 6 or target.is_protected(sent.start, sent.end) and len(words) < 10:
            continue
        yield Hit(sent.start, sent.end, "the whole sentence is in lower case: names and the sentence start lost their capitals")
