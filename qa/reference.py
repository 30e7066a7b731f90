"""The source as the arbiter between a translation and its reference: what the source says where they differ.

A reference is one translation among many; where the translation and the
reference disagree, only the source can say which of them follows it. These
helpers find the source sentences aligned to a stretch of the translation, and
whether the source names an entity the reference names, through the source
language's names table (``qa.languages.names``: CLDR countries, languages,
currencies, days and months, and the GeoNames gazetteer), also for a source
whose script cannot be compared letter by letter with English (Chinese,
Japanese, Hindi).
"""

from __future__ import annotations

from qa.context import Context
from qa.languages.names import NameTable, SourceIndex, names_for
from qa.text import Text


def source_of(source: Text, target: Text, start: int, end: int, ctx: Context) -> str:
    """The source sentences aligned to the target sentences that hold [start, end) (the whole source when none is)."""
    parts = [source.slice(b) for pair in ctx.source_alignment(source, target)
             if pair.left and pair.right and pair.right[0].start < max(end, start + 1) and start < pair.right[-1].end
             for b in pair.left]
    return " ".join(parts) if parts else source.raw


def names_in_source(ctx: Context, comparable: bool) -> NameTable | None:
    """The source language's names table (None when qa has none for it)."""
    return names_for(ctx.source, comparable)


def source_names(table: NameTable, name: str, source_text: str, ctx: Context, comparable: bool) -> bool | None:
    """Whether the source text names the entity an English name stands for ("Canada" and 加拿大): True or False
    when the table knows the name, None when it does not (a person, a company: the table cannot tell)."""
    ids = table.english_ids(name)
    if not ids:
        return None
    index = SourceIndex.of(source_text, ctx.source, comparable)
    return any(table.present(entity, index) for entity in ids)
