"""Prefix stems: how inflected forms of a word are matched without a dictionary.

South Slavic nouns, adjectives and verbs inflect by ending, so comparing the
first letters tolerates case and number: ``vodu``, ``vode``, ``vodi`` share
``vod``. How many letters to keep is data in each language's profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PrefixStemmer:
    """Words up to ``whole_up_to`` letters are kept whole; a longer word keeps ``keep[i]`` letters, where
    ``i`` counts from the first length above ``whole_up_to`` (the last entry serves all longer words).
    Words up to ``exact_up_to`` letters must match a text word exactly, not as its prefix: as a
    prefix, "u" would match every word in "u...", "mu" would match "muka"."""

    whole_up_to: int = 3
    keep: tuple[int, ...] = (3, 4, 5)
    exact_up_to: int = 2

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> PrefixStemmer:
        if not data:
            return cls()
        return cls(int(data["whole_up_to"]), tuple(int(k) for k in data["keep"]), int(data.get("exact_up_to", 2)))

    def stem(self, word: str) -> str:
        n = len(word)
        if n <= self.whole_up_to:
            return word
        i = min(n - self.whole_up_to - 1, len(self.keep) - 1)
        return word[: self.keep[i]]

    def exact(self, word: str) -> bool:
        """Must the word match a text word exactly (short words: prepositions, clitics)?"""
        return len(word) <= self.exact_up_to
