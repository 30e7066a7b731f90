"""The source side of idiom matching: an idiom's form found in inflected source text, in either script.

Both the table's forms and the text are folded to Latin without diacritics
(the language's transliteration, then ``ascii_fold``), so one form matches
text in Cyrillic or Latin and text typed without diacritics; each word of a
form matches a text word that starts with its stem (the profile's prefix
stemmer), and clitics that word order puts inside a fixed phrase ("pao JE u
vodu") may stand in a gap. Which words are stems, clitics and optional
clitics is the language profile's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qa.languages import Profile, profile
from qa.languages.transliteration import ascii_fold
from qa.text import WORD, Text


@lru_cache(maxsize=65536)
def _fold(word: str, lang: str) -> str:
    return ascii_fold(profile(lang).to_latin(word.lower()))


def source_key(word: str, lang: str = "sh") -> str:
    """A source word folded to lower-case Latin without diacritics (``Вучић`` and ``vucic`` meet)."""
    return _fold(word, lang)


@dataclass(frozen=True)
class SourceForm:
    """An idiom's form, compiled: each word's stem, whether it must match whole, whether it may be absent."""

    stems: tuple[str, ...]
    exact: tuple[bool, ...]  # short words must match whole, not as a prefix ("u" is not "uvek")
    optional: tuple[bool, ...]  # clitics inside the form the text may lack


def compile_form(form: str, lang: Profile) -> SourceForm:
    """Compile one source form of an idiom; ValueError when it has no word."""
    words = [_fold(m.group(), lang.code) for m in WORD.finditer(form)]  # Text(form).tokens, without the Text
    if not words:
        raise ValueError("empty source form")
    clitics = _optional_clitics(lang.code)
    stems = tuple(lang.stemmer.stem(w) for w in words)
    exact = tuple(lang.stemmer.exact(w) or w in clitics for w in words)
    optional = tuple(i > 0 and w in clitics for i, w in enumerate(words))
    return SourceForm(stems, exact, optional)


@lru_cache(maxsize=None)
def _optional_clitics(lang: str) -> frozenset[str]:
    return frozenset(_fold(c, lang) for c in profile(lang).optional_clitics)


@dataclass(frozen=True)
class SourceWords:
    """A source text's words, folded, with where a sentence boundary separates one from the next."""

    spans: list[tuple[int, int]]
    keys: list[str]
    breaks: list[bool]  # breaks[k]: a sentence ends between word k and word k + 1


def source_words(text: Text, lang: Profile) -> SourceWords:
    spans, keys, breaks = [], [], []
    for sent in text.sentences:
        toks = text.tokens_in(sent.start, sent.end)
        for tok in toks:
            spans.append((tok.start, tok.end))
            keys.append(_fold(tok.text, lang.code))
            breaks.append(False)
        if breaks:
            breaks[-1] = True
    return SourceWords(spans, keys, breaks)


def match_form(form: SourceForm, words: SourceWords, i: int, clitics: frozenset[str]) -> int | None:
    """Index of the last text word of ``form`` matched from word ``i``, or None."""

    def ok(k: int, j: int) -> bool:
        key = words.keys[j]
        stem = form.stems[k]
        return key == stem if form.exact[k] else key.startswith(stem)

    if not ok(0, i):
        return None
    j = i
    for k in range(1, len(form.stems)):
        nxt = j + 1
        skipped = 0
        found = False
        while nxt < len(words.keys) and not words.breaks[nxt - 1]:
            if ok(k, nxt):
                found = True
                break
            if words.keys[nxt] in clitics and skipped < 2:
                skipped += 1
                nxt += 1
                continue
            break
        if found:
            j = nxt
        elif not form.optional[k]:
            return None
    return j
