"""Word frequencies from wordfreq: how common a word is in English and in a source language.

wordfreq ships its frequency lists inside the package, so nothing downloads
at run time. A rare or unknown English word is the cheap signal that a word,
or a sentence, is not English; langdetect (``qa.languages.detection``) is
asked only where this signal says it is worth it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

# wordfreq needs extra tokenisers (jieba, MeCab) for these; their scripts are caught by script checks anyway
_NEEDS_TOKENISER = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=None)
def wordfreq_list(code: str) -> str | None:
    """wordfreq's list for a language code, or None when wordfreq has none (or needs a tokeniser for it)."""
    import wordfreq

    return code if code in wordfreq.available_languages() and code not in _NEEDS_TOKENISER else None


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of a word in a wordfreq list."""
    if lang in _NEEDS_TOKENISER:
        return 0.0
    import wordfreq

    return wordfreq.zipf_frequency(word, lang)


@lru_cache(maxsize=200_000)
def english(word: str) -> float:
    """Zipf frequency of a word in English (its own cache: it is asked for every word of every text)."""
    return zipf(word, "en")


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
