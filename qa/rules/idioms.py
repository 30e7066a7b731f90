"""Idioms translated word for word ("from century to century" for *iz veka u vek*), from the idiom tables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

from qa.engine import Context
from qa.idioms import IdiomTable, bundled_table
from qa.model import Hit, Severity, Span
from qa.registry import rule
from qa.resources import lexicon_lang
from qa.text import Text


@lru_cache(maxsize=8)
def idiom_table(extra: tuple[Path, ...] = ()) -> IdiomTable:
    """The bundled tables (loaded once per process), plus the user's from configuration ``idioms = [...]``."""
    return IdiomTable.load(extra) if extra else bundled_table()


@rule("QA701", "literal-idiom", "accuracy/mistranslation", "major")
def literal_idiom(target: Text, ctx: Context, source: Text | None = None) -> Iterator[Hit]:
    r"""An idiom of the source language rendered word for word into English.

    Why: "it developed from century to century" (*iz veka u vek*, "for
    ages"), "they talked in four eyes" (*u četiri oka*, "in private"): the
    most embarrassing MT errors are idioms that no English reader can parse.
    With the source, a source idiom found in the article confirms the match.

    Bad: Kim said the friendship "developed and consolidated from century to century".
    Source lang: sr
    Good: Kim said the friendship "developed and grew stronger over the decades".
    Source lang: sr

    Known limits: only idioms in the table are known (``qa/data/idioms/``;
    users add theirs through configuration); a literal rendering that is
    also plain English ("fell into the water" about a car) is reported at
    info severity unless the source has the idiom.
    """
    table = idiom_table(tuple(ctx.config.idioms))
    lang = lexicon_lang(ctx.source_lang)
    in_source: dict[str, tuple[int, int]] = {}
    if source is not None:
        for idiom, s, e in table.find_source(source.raw):
            in_source.setdefault(idiom.id, (s, e))
    for m in table.find_literal(target.raw):
        idiom = m.idiom
        if ctx.source_lang is not None and idiom.lang != lang and idiom.id not in in_source:
            continue  # a German idiom's calque in a translation from Serbian is a coincidence
        english = idiom.english[0] if idiom.english else None
        if idiom.id in in_source:
            s, e = in_source[idiom.id]
            yield Hit(
                m.start,
                m.end,
                f"word-for-word rendering of the idiom {source.raw[s:e]!r} ({idiom.meaning})",  # type: ignore[union-attr]
                suggestion=english,
                related=(Span("source", s, e),),
                severity=Severity.MAJOR,
            )
        else:
            yield Hit(
                m.start,
                m.end,
                f"reads like a word-for-word rendering of the idiom {idiom.source[0]!r} ({idiom.meaning})",
                suggestion=english,
                severity=Severity.parse(idiom.severity),
            )
