"""Writing another script in Latin letters, and folding Latin letters to ASCII.

Serbian is written in both scripts, so ``Путин`` in a source is ``Putin`` in
English and ``Вучић`` is ``Vučić``; ``ascii_fold`` gives the ``Vucic``
spelling English media also use. The letters are data
(``qa/data/scripts/cyrillic.toml``; a language may bring its own table as
``transliteration.toml`` beside its profile).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from qa.resources import DATA, read_toml

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_WORDS = re.compile(r"\w+")


def has_cyrillic(text: str) -> bool:
    """Does the text hold any letter of the Cyrillic block (a C-level scan, no per-character loop)?"""
    return _CYRILLIC.search(text) is not None


@dataclass(frozen=True)
class Transliteration:
    """A letter table: each lower-case letter of the script and its Latin spelling."""

    table: dict[int, str]

    @classmethod
    def load(cls, path: Path) -> Transliteration:
        table: dict[int, str] = {}
        for letter, latin in read_toml(path)["letters"].items():
            table[ord(letter)] = latin
            upper = letter.upper()
            if upper != letter:
                table[ord(upper)] = latin[:1].upper() + latin[1:]
        return cls(table)

    def to_latin(self, text: str) -> str:
        """Transliterate the table's letters; everything else is kept. ``ЊЕГОШ`` gives ``NJEGOŠ``, not ``NjEGOŠ``."""
        if not has_cyrillic(text):
            return text
        return _WORDS.sub(lambda m: self._word(m.group()), text)

    def _word(self, word: str) -> str:
        out = word.translate(self.table)
        return out.upper() if len(word) > 1 and word.isupper() else out


@lru_cache(maxsize=1)
def CYRILLIC() -> Transliteration:  # noqa: N802  (a constant, loaded on first use)
    """The Cyrillic table every language shares unless it brings its own: Serbian's letters, and the
    other Cyrillic alphabets' as English news writes them."""
    return Transliteration.load(DATA / "scripts" / "cyrillic.toml")


def to_latin(text: str) -> str:
    """Cyrillic in Latin letters by the shared table (for text whose language is not known)."""
    return CYRILLIC().to_latin(text)


def ascii_fold(text: str) -> str:
    """Drop diacritics (``Vučić`` -> ``Vucic``, ``Đoković`` -> ``Djokovic``)."""
    if text.isascii():
        return text
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


_MARKS = regex.compile(r"\p{Mn}+")  # the accents NFKD splits off
