"""Cheap and expensive language signals: word frequencies (wordfreq), scripts, and langdetect.

wordfreq ships its frequency lists inside the package, so nothing downloads
at run time. langdetect is slower and noisy on short strings, so callers use
the cheap signals first and ask langdetect only where those say it is worth it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

from qa.resources import lexicon_lang

_WORDFREQ_LANGS: frozenset[str] | None = None


def wordfreq_lang(lang: str | None) -> str | None:
    """The wordfreq list for a source language (sr/hr/bs/me -> ``sh``), or None when it has none."""
    global _WORDFREQ_LANGS
    if _WORDFREQ_LANGS is None:
        import wordfreq

        _WORDFREQ_LANGS = frozenset(wordfreq.available_languages())
    code = lexicon_lang(lang)
    return code if code in _WORDFREQ_LANGS else None


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of a word in a language's wordfreq list."""
    import wordfreq

    return wordfreq.zipf_frequency(word, lang)


def english(word: str) -> float:
    return zipf(word, "en")


def is_englishish(word: str, floor: float = 3.0) -> bool:
    return english(word.lower()) >= floor


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
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"):
        return "CJK"
    if first in ("FULLWIDTH", "HALFWIDTH"):
        return "CJK"
    if first in ("MODIFIER", "SMALL", "MATHEMATICAL", "SCRIPT", "BLACK-LETTER", "DOUBLE-STRUCK"):
        return "LATIN"
    return first


def foreign_ratio(words: Iterable[str]) -> float:
    """Share of lower-cased alphabetic words that are rare or unknown in English (cheap non-English signal)."""
    words = [w.lower() for w in words if w.isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if english(w) < 2.5) / len(words)


@lru_cache(maxsize=1)
def _detector_factory():  # type: ignore[no-untyped-def]
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # langdetect is random by default; reports must be reproducible
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def detect(text: str) -> tuple[str, float] | None:
    """The most probable language of ``text`` and its probability, or None when langdetect cannot tell."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _detector_factory()
    try:
        detector = factory.create()
        detector.append(text)
        probs = detector.get_probabilities()
    except LangDetectException:
        return None
    if not probs:
        return None
    best = probs[0]
    lang = best.lang.split("-")[0]
    return lang, best.prob


SH_DETECTED = frozenset({"hr", "sr", "bs", "sl", "mk", "sh"})


def same_language(detected: str, lang: str | None) -> bool:
    """langdetect cannot tell Serbian, Croatian and Bosnian apart (it knows only ``hr``); treat them as one."""
    if lang is None:
        return False
    a, b = lexicon_lang(detected), lexicon_lang(lang)
    return a == b or (detected in SH_DETECTED and b == "sh")
