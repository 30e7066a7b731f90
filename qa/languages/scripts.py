"""Scripts of letters: which script a letter belongs to, and the shares of scripts in a text.

Coarse script names come from the Unicode character names (``unicodedata``),
so every letter of every script is classified without a hand-made table; only
the mapping from CLDR's ISO 15924 codes to those names is written here.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """A coarse script name of a letter: LATIN, CYRILLIC, GREEK, CJK, ARABIC, ... ('' for non-letters)."""
    if not char.isalpha():
        return ""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "UNKNOWN"
    first = name.split()[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH"):
        return "CJK"
    if first in ("MODIFIER", "SMALL", "MATHEMATICAL", "SCRIPT", "BLACK-LETTER", "DOUBLE-STRUCK"):
        return "LATIN"
    return first


# CLDR names scripts by ISO 15924 code; the few that our coarse names group differently.
_ISO15924 = {"Latn": "LATIN", "Cyrl": "CYRILLIC", "Grek": "GREEK", "Arab": "ARABIC", "Hebr": "HEBREW",
             "Deva": "DEVANAGARI", "Hans": "CJK", "Hant": "CJK", "Hani": "CJK", "Jpan": "CJK", "Kore": "CJK"}


def iso15924_script(code: str) -> str:
    """The coarse script name for an ISO 15924 code (``Cyrl`` -> ``CYRILLIC``; unknown codes upper-cased)."""
    return _ISO15924.get(code, code.upper())


class ScriptShares(NamedTuple):
    """Shares of Latin and Cyrillic letters among all the letters of a text (0 and 0 when it has none)."""

    latin: float
    cyrillic: float

    @property
    def comparable(self) -> bool:
        """Latin or Cyrillic almost throughout: a text whose names can be compared letter by letter with English."""
        return self.latin + self.cyrillic >= 0.8


class _ScriptClass(dict):  # type: ignore[type-arg]
    """Code point -> "L" (Latin letter), "C" (Cyrillic letter), "O" (other letter) or None (not a letter),
    from ``script_of``, learnt one character at a time: ``str.translate`` with it classifies a whole
    text in C once its characters have been seen."""

    def __missing__(self, code: int) -> str | None:
        script = script_of(chr(code))
        value = {"": None, "LATIN": "L", "CYRILLIC": "C"}.get(script, "O")
        self[code] = value
        return value


_SCRIPT_CLASS = _ScriptClass()
NO_LETTERS = ScriptShares(0.0, 0.0)


def script_shares(text: str) -> ScriptShares:
    """Shares of Latin and Cyrillic letters among all letters (scripts as ``script_of`` names them)."""
    if text.isascii():  # the common case: Latin letters only
        return ScriptShares(1.0, 0.0) if any(c.isalpha() for c in text) else NO_LETTERS
    classes = text.translate(_SCRIPT_CLASS)
    if not classes:
        return NO_LETTERS
    return ScriptShares(classes.count("L") / len(classes), classes.count("C") / len(classes))
