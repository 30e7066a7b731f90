"""Meaning against a reference or a back-translation: a translated sentence whose polarity the reference does not share.

A sentence with "not" where its reference has none (or the reverse) claims
the opposite. The target is aligned to the reference sentence by sentence
(``qa.align``); a back-translation, in the source language, is aligned to the
source and compared with it through the source language's cues. The cues
are data: ``negation.toml`` beside each language's profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from qa.context import Context
from qa.languages import Profile
from qa.model import Hit, Severity, Span
from qa.reference import source_of
from qa.registry import rule
from qa.resources import read_toml
from qa.text import Text

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Negation:
    """A language's negation cues (``negation.toml``): whole words, word endings, and words after which a cue does not negate."""

    words: frozenset[str]
    endings: tuple[str, ...]
    not_after: frozenset[str]
    substrings: tuple[str, ...] = ()  # cues inside words, for a language written without spaces
    exceptions: tuple[str, ...] = ()  # words holding such a cue that do not negate
    prefixes: tuple[str, ...] = ()  # negative prefixes of word formation ("un" in "unrelated")
    implicit: tuple[str, ...] = ()  # beginnings of words that negate without a cue ("fail", "lack", "hardly")

    def cues(self, text: str) -> list[tuple[int, int]]:
        """The spans of the negation cues in a text."""
        found = []
        if self.substrings:
            masked = text
            for w in sorted(self.exceptions, key=len, reverse=True):
                masked = masked.replace(w, "\0" * len(w))
            found += [(m.start(), m.end()) for m in re.finditer("|".join(map(re.escape, self.substrings)), masked)]
        words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
        for k, (w, s, e) in enumerate(words):
            if w in self.words or (self.endings and w.endswith(self.endings)):
                if k + 1 < len(words) and words[k + 1][0] in self.not_after:
                    continue
                found.append((s, e))
        return found

    def carried(self, fewer: str, more: str) -> str | None:
        """A word of ``fewer`` that negates without a cue ("failed to" for "did not"), or that carries a negation
        by its prefix where ``more`` negates the bare word ("unrelated" for "not related", "inappropriate" for
        "did not consider it appropriate"), or None.

        The bare word (its first five letters, or the whole of a shorter one) must stand within a few words
        after a negation cue of ``more``, and the prefixed word must not be in ``more``: then the two
        sentences say the same thing in two ways."""
        if self.implicit:
            for m in _WORD.finditer(fewer):
                if m.group().lower().startswith(self.implicit):
                    return m.group()
        if not self.prefixes:
            return None
        words = [(m.group().lower(), m.start()) for m in _WORD.finditer(more)]
        cue_starts = [s for s, _ in self.cues(more)]
        scoped: set[str] = set()  # words of ``more`` within SCOPE words after a cue
        for k, (_, start) in enumerate(words):
            if start in cue_starts:
                scoped.update(w for w, _ in words[k + 1 : k + 1 + SCOPE])
        whole = {w for w, _ in words}
        heads = {w[:5] for w in scoped if len(w) >= 5}
        for m in _WORD.finditer(fewer):
            w = m.group().lower()
            if w in whole:
                continue
            for p in self.prefixes:
                rest = w[len(p):].lstrip("-")
                if w.startswith(p) and len(rest) >= 4 and (rest in scoped or (len(rest) >= 5 and rest[:5] in heads)):
                    return m.group()
        return None


SCOPE = 4  # words after a negation cue that it may negate ("did not consider reinstatement appropriate")


@lru_cache(maxsize=None)
def negation(lang: Profile) -> Negation | None:
    """The profile's negation cues, or None when its folder has no ``negation.toml``."""
    path = lang.data_file("negation.toml")
    if path is None:
        return None
    data = read_toml(path)
    return Negation(
        words=frozenset(w.lower() for w in data.get("words", [])),
        endings=tuple(data.get("endings", [])),
        not_after=frozenset(w.lower() for w in data.get("not_after", [])),
        substrings=tuple(data.get("substrings", [])),
        exceptions=tuple(data.get("except", [])),
        prefixes=tuple(data.get("prefixes", [])),
        implicit=tuple(w.lower() for w in data.get("implicit", [])),
    )


def _flip(left: Text, right: Text, cues: Negation, ctx: Context, to_latin: Profile | None = None
          ) -> Iterator[tuple[int, int, int, int, list[tuple[int, int]], tuple[int, int], str | None]]:
    """Aligned sentence groups whose negation counts differ: (left start, left end, left count, right count, left cues,
    right span, a word of the side with fewer cues that carries the missing negation by its prefix)."""
    for pair in ctx.alignment(left, right):
        if not (pair.left and pair.right):
            continue
        ls, le = pair.left[0].start, pair.left[-1].end
        rs, re_ = pair.right[0].start, pair.right[-1].end
        lt, rt = left.raw[ls:le], right.raw[rs:re_]
        exact = True  # the cues' offsets are the text's own
        if to_latin is not None:  # a Cyrillic back-translation or source, matched in Latin letters
            latin = to_latin.to_latin(lt)
            exact, lt, rt = latin == lt, latin, to_latin.to_latin(rt)
        lc, rc = cues.cues(lt), cues.cues(rt)
        if len(lc) != len(rc):
            # offsets in a transliterated text are not the original's: then the whole sentence is the span
            spots = [(ls + s, ls + e) for s, e in lc] if exact else []
            carried = cues.carried(lt, rt) if len(lc) < len(rc) else cues.carried(rt, lt)
            yield ls, le, len(lc), len(rc), spots, (rs, re_), carried


@rule("QA906", "negation-flip", "accuracy/mistranslation", "minor")
def negation_flip(
    target: Text, ctx: Context, reference: Text | None = None, source: Text | None = None, back_translation: Text | None = None
) -> Iterator[Hit]:
    r"""A sentence with more or fewer negations (not, no, never, n't, without) than its reference sentence.

    Why: one "not" added or lost turns what a sentence claims into its
    opposite, and every surface metric scores such a sentence as nearly
    perfect. With a reference, the translated sentence's English negation
    cues are counted against the reference sentence's; with a
    back-translation and no reference, the back-translation's cues (ne, nije,
    nema, nikad, bez in Serbian) against the source's.

    Bad: The minister did not resign on Monday.
    Reference: The minister resigned on Monday.
    Bad: The company never paid its workers.
    Reference: The company always paid its workers.
    Good: The minister resigned on Monday.
    Reference: The minister resigned on Monday.
    Good: The minister did not resign on Monday.
    Reference: The minister didn't resign on Monday.

    With a source whose language has cues (``negation.toml``: Chinese 不, 没,
    未 ...), the source arbitrates: a negation the reference lacks is minor
    when the source sentence has none, one the reference has is minor when
    the source has one too; otherwise the reference may have paraphrased it
    ("unprecedented" for "has not seen") and the finding is info.

    A negation carried by a word's prefix (``prefixes`` in ``negation.toml``:
    "unrelated" where the reference says "not related", "inappropriate" for
    "not appropriate"), or by a word that negates without a cue (``implicit``:
    "failed to", "lacks", "hardly"), may be the same claim said otherwise:
    info.

    Known limits: a paraphrase that moves the negation into other words
    ("no longer" for "stopped", "normal" for "not surprising") is reported
    too, hence minor; an implicit negative beside a real flip makes it info.
    Counting
    cues misses two changes that cancel out. A back-translation is compared
    only where the source language has a ``negation.toml``.
    """
    cues = negation(ctx.target)
    if reference is not None and cues is not None:
        src_cues = negation(ctx.source) if source is not None else None
        for s, e, tc, rc, spots, (rs, re_), carried in _flip(target, reference, cues, ctx):
            if tc > rc and len(spots) == 1:
                s, e = spots[0]
            what = "a negation the reference lacks" if tc > rc else "no negation where the reference has one"
            severity, why = Severity.MINOR, ""
            if carried is not None:  # "unrelated" for "not related": the same claim, said in one word
                severity, why = Severity.INFO, f"; {carried!r} carries the negation in its prefix"
            elif src_cues is not None and source is not None:
                # the source arbitrates: an added negation is evidence when the source has none, a lost one
                # when the source has one; otherwise the reference may have paraphrased the negation away
                sc = len(src_cues.cues(source_of(source, target, s, e, ctx)))
                if (tc > rc) == (sc == 0):
                    why = f"; the source has {sc}"
                else:
                    severity, why = Severity.INFO, f"; the source has {sc}, so the reference may paraphrase"
            yield Hit(s, e, f"{what} ({tc} negation{'s' if tc != 1 else ''} here, {rc} in the reference{why}): the meaning may be reversed",
                      related=(Span("reference", rs, re_),), severity=severity)
        return
    src_cues = negation(ctx.source)
    if back_translation is not None and source is not None and src_cues is not None:
        latin = ctx.source if ctx.source.transliteration is not None else None
        for s, e, bc, sc, spots, (ss, se), carried in _flip(back_translation, source, src_cues, ctx, latin):
            if bc > sc and len(spots) == 1:
                s, e = spots[0]
            what = "a negation the source lacks" if bc > sc else "no negation where the source has one"
            why = f"; {carried!r} carries the negation in its prefix" if carried else ""
            yield Hit(s, e, f"the back-translation has {what} ({bc} here, {sc} in the source{why}): the translation may reverse the meaning",
                      side="back_translation", related=(Span("source", ss, se),), severity=Severity.INFO if carried else Severity.MINOR)
