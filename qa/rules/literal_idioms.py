"""Idioms translated word for word ("from century to century" for *iz veka u vek*), from the idiom tables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

from qa.align import SentencePair
from qa.context import Context
from qa.idioms import IdiomTable, bundled_table
from qa.model import Hit, Severity, Span
from qa.registry import rule
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
    With the source, the idiom found in the aligned source sentence confirms
    the match: the finding is major and points at the source idiom.

    Bad: Kim said the friendship "developed and consolidated from century to century".
    Source lang: sr
    Bad: Talks ended.\nThe two leaders talked in four eyes for an hour.
    Source: Razgovori su završeni.\nDvojica lidera razgovarala su u četiri oka sat vremena.
    Source lang: sr
    Good: Kim said the friendship "developed and grew stronger over the decades".
    Source lang: sr

    Known limits: only idioms in the tables are known (each language's ``idioms.toml``;
    users add theirs through configuration); a literal rendering that is
    also plain English ("fell into the water" about a car) is reported at
    info severity unless the source has the idiom.
    """
    table = idiom_table(tuple(ctx.config.idioms))
    lang = ctx.source.code
    matches = table.find_literal(target)
    if not matches:
        return
    in_source: dict[str, list[tuple[int, int]]] = {}
    aligned: list[SentencePair] = []
    if source is not None:
        for idiom, s, e in table.find_source(source, ctx.source_lang):
            in_source.setdefault(idiom.id, []).append((s, e))
        if in_source:
            aligned = ctx.alignment(source, target)
    for m in matches:
        idiom = m.idiom
        spans = in_source.get(idiom.id, [])
        if ctx.source_lang is not None and idiom.lang != lang and not spans:
            continue  # a German idiom's calque in a translation from Serbian is a coincidence
        english = idiom.english[0] if idiom.english else None
        if spans and source is not None:
            s, e = _aligned_span(aligned, m.start, spans) or spans[0]
            yield Hit(
                m.start,
                m.end,
                f"word-for-word rendering of the source idiom {source.raw[s:e]!r} ({idiom.meaning})",
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
                severity=idiom.severity,
            )


def _aligned_span(pairs: list[SentencePair], at: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The source idiom inside the source sentences aligned with the target sentence at ``at``."""
    for pair in pairs:
        if any(b.start <= at < b.end for b in pair.right):
            for s, e in spans:
                if any(b.start <= s < b.end for b in pair.left):
                    return s, e
    return None
