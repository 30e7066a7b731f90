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
from qa.text import Text, Token

_WORDFREQ_LANGS: frozenset[str] | None = None


def wordfreq_lang(lang: str | None) -> str | None:
    """The wordfreq list for a source language (sr/hr/bs/me -> ``sh``), or None when it has none."""
    global _WORDFREQ_LANGS
    if _WORDFREQ_LANGS is None:
        import wordfreq

        _WORDFREQ_LANGS = frozenset(wordfreq.available_languages())
    code = lexicon_lang(lang)
    return code if code in _WORDFREQ_LANGS and code not in _NEEDS_TOKENISER else None


# wordfreq needs extra tokenisers (jieba, MeCab) for these; their scripts are caught by script checks anyway
_NEEDS_TOKENISER = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of a word in a language's wordfreq list (0 where wordfreq needs a tokeniser)."""
    if lang in _NEEDS_TOKENISER:
        return 0.0
    import wordfreq

    return wordfreq.zipf_frequency(word, lang)


@lru_cache(maxsize=200_000)
def english(word: str) -> float:
    """Zipf frequency of a word in English (its own cache: it is asked for every word of every text)."""
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


def span_foreign_ratio(text: Text, tokens: list[Token]) -> float:
    """:func:`foreign_ratio` of a run of a text's tokens, once per document for the same run (the
    whole-text and the sentence checks ask it of the same words when the text is one sentence)."""
    if not tokens:
        return 0.0
    return text.memo(("foreign_ratio", tokens[0].start, tokens[-1].end), lambda: foreign_ratio(t.text for t in tokens))


def foreign_ratio(words: Iterable[str]) -> float:
    """Share of words that are rare or unknown in English (the cheap non-English signal).

    Capitalised words are left out (names say nothing about the language of
    the sentence around them) unless nothing else is left; digits are left out.
    """
    words = [w for w in words if w.isalpha()]
    common = [w for w in words if not w[0].isupper()] or words
    if not common:
        return 0.0
    return sum(1 for w in common if english(w.lower()) < 2.5) / len(common)


@lru_cache(maxsize=1)
def _detector_factory():  # type: ignore[no-untyped-def]
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # langdetect is random by default; reports must be reproducible
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def foreign(text: str, target_lang: str, source_lang: str | None) -> tuple[str, float] | None:
    """(language, probability) when langdetect says ``text`` is not in ``target_lang``, else None.

    The source language needs less evidence (0.8) than any other (0.95):
    MT leaves source text behind, and langdetect's short-text guesses
    between unrelated languages are noisy.
    """
    guess = detect(text)
    if guess is None or guess[0] == target_lang:
        return None
    lang, prob = guess
    needed = 0.8 if same_language(lang, source_lang) else 0.95
    return guess if prob >= needed else None


@lru_cache(maxsize=4096)
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
    merged: dict[str, float] = {}
    for p in probs:
        lang = p.lang.split("-")[0]
        # langdetect splits South Slavic text between hr, sl and mk; for us they are one signal
        key = "hr" if lang in SH_DETECTED else lang
        merged[key] = merged.get(key, 0.0) + p.prob
    lang, prob = max(merged.items(), key=lambda kv: kv[1])
    return lang, prob


SH_DETECTED = frozenset({"hr", "sr", "bs", "sl", "mk", "sh"})


def same_language(detected: str, lang: str | None) -> bool:
    """langdetect cannot tell Serbian, Croatian and Bosnian apart (it knows only ``hr``); treat them as one."""
    if lang is None:
        return False
    a, b = lexicon_lang(detected), lexicon_lang(lang)
    return a == b or (detected in SH_DETECTED and b == "sh")
