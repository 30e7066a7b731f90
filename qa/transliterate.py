"""Cyrillic to Latin transliteration from the data table ``data/translit/cyrillic.toml``.

Serbian is written in both scripts, so ``Путин`` in a source is ``Putin`` in
English and ``Вучић`` is ``Vučić``; ``ascii_fold`` gives the ``Vucic``
spelling English media also use.
"""

from __future__ import annotations

import re
import unicodedata

import regex
from functools import lru_cache

from qa.resources import DATA, read_toml


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    letters = read_toml(DATA / "translit" / "cyrillic.toml")["letters"]
    table: dict[int, str] = {}
    for cyr, lat in letters.items():
        table[ord(cyr)] = lat
        upper = cyr.upper()
        if upper != cyr:
            table[ord(upper)] = lat[:1].upper() + lat[1:]
    return table


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """Does the text hold any letter of the Cyrillic block (a C-level scan, no per-character loop)?"""
    return _CYRILLIC.search(text) is not None


def to_latin(text: str) -> str:
    """Transliterate Cyrillic letters; everything else is kept. ``ЊЕГОШ`` gives ``NJEGOŠ``, not ``NjEGOŠ``."""
    if not has_cyrillic(text):
        return text
    table = _table()
    return re.sub(r"\w+", lambda m: _word(m.group(), table), text)


def _word(word: str, table: dict[int, str]) -> str:
    out = word.translate(table)
    return out.upper() if len(word) > 1 and word.isupper() else out


def ascii_fold(text: str) -> str:
    """Drop diacritics (``Vučić`` -> ``Vucic``, ``Đoković`` -> ``Djokovic``)."""
    if text.isascii():
        return text
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


_MARKS = regex.compile(r"\p{Mn}+")  # the accents NFKD splits off
