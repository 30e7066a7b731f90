"""Preconditions: a target that is empty, or not translated at all, gets one finding and the echoing rules stay quiet."""

from __future__ import annotations

from typing import Iterator

from qa.context import Context
from qa.languages.detection import foreign
from qa.languages.profile import name_of
from qa.model import Hit
from qa.registry import rule
from qa.text import Text


@rule("QA001", "empty-target", "accuracy/omission", "critical", precondition=True, silences=("",))
def empty_target(target: Text) -> Iterator[Hit]:
    r"""The translation is empty or holds no words.

    Why: an empty output (a timeout, a failed API call) published as an
    article loses the whole story; every other check would be meaningless.

    Bad: \n
    Good: Moscow promises to develop relations with Pyongyang.

    Known limits: a target of punctuation or digits only counts as empty.
    """
    if not any(c.isalpha() for c in target.raw):
        yield Hit(0, len(target.raw), "the translation is empty: nothing was translated")


@rule("QA002", "untranslated-target", "accuracy/untranslated", "critical", precondition=True, silences=("QA1", "QA5", "QA7"))
def untranslated_target(target: Text, ctx: Context, source: Text | None = None) -> Iterator[Hit]:
    r"""The whole translation is in the source language (or identical to the source).

    Why: a pipeline that publishes its input unchanged, or a model that
    echoes the source, produces a page no English reader can use.

    Bad: Rusija je obećala da će razvijati sveobuhvatne i konstruktivne bilateralne odnose sa Severnom Korejom.
    Source lang: sr
    Good: Russia has promised to develop comprehensive and constructive bilateral relations with North Korea.
    Source lang: sr

    Known limits: a very short target (under five words) is judged only by
    identity with the source.
    """
    raw = target.raw.strip()
    if source is not None and raw and raw == source.raw.strip() and any(c.isalpha() for c in raw):
        yield Hit(0, len(target.raw), "the translation is identical to the source: nothing was translated")
        return
    words = [t for t in target.tokens if t.text.isalpha()]
    if len(words) < 5 or target.rare_share(words) < 0.4:  # cheap signal first: langdetect costs a model load
        return
    guess = foreign(target.raw, ctx.target, ctx.source if ctx.source_lang is not None else None)
    if guess is None:
        return
    shown = ctx.source_name if guess.is_source else name_of(guess.code)
    target_name = ctx.target.name_for(ctx.target_lang)
    yield Hit(0, len(target.raw), f"the whole text is in {shown}, not {target_name} (langdetect {guess.probability:.2f})")
