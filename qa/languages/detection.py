"""langdetect, asked only where the cheap signals point at a foreign text, and read through the profiles.

langdetect is slower than a frequency lookup and noisy on short strings, and
it cannot tell some languages apart (it knows only ``hr`` of the
Serbo-Croatian standards, and splits short South Slavic text between ``hr``,
``sl`` and ``mk``). Each profile lists the labels that mean its language, so
the source language's share is the sum of its labels.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from qa.languages.profile import Profile, bundled, normalise
from qa.resources import trim_heap


class Guess(NamedTuple):
    """langdetect's verdict that a text is not in the target language."""

    code: str  # the language's code (a langdetect label)
    probability: float
    is_source: bool  # it is the document's source language


class _Rows(dict):  # type: ignore[type-arg]
    """langdetect's n-gram table, sparse: n-gram -> row number, and each row's nonzero
    probabilities (language index, probability) in flat arrays. Reading an n-gram gives the dense
    row langdetect builds (one float per language, 55 of them), so its arithmetic is unchanged;
    langdetect's own table holds every row dense, about 50 MB for 2 nonzero values a row."""

    __slots__ = ("width", "ends", "langs", "probs")

    def __getitem__(self, word: str) -> list[float]:
        row = dict.__getitem__(self, word)
        dense = [0.0] * self.width
        ends = self.ends
        for i, p in zip(self.langs[ends[row]:ends[row + 1]], self.probs[ends[row]:ends[row + 1]]):
            dense[i] = p
        return dense


@lru_cache(maxsize=1)
def _detector_factory():  # type: ignore[no-untyped-def]
    """langdetect's detector factory with its bundled profiles, as ``init_factory`` loads them (the
    same files in the same order, the same probabilities) but into a :class:`_Rows` table."""
    import json
    import os
    from array import array

    import numpy as np
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.utils.lang_profile import LangProfile

    DetectorFactory.seed = 0  # langdetect is random by default; reports must be reproducible
    factory = DetectorFactory()
    files = os.listdir(PROFILES_DIRECTORY)  # DetectorFactory.load_profile's order and width
    rows: dict[str, int] = {}
    row_of, lang_of, probs = array("I"), array("B"), array("d")  # the nonzero cells, profile by profile
    for filename in files:
        path = os.path.join(PROFILES_DIRECTORY, filename)
        if filename.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            profile = LangProfile(**json.load(f))
        index = len(factory.langlist)
        factory.langlist.append(profile.name)
        for word in profile.freq:  # DetectorFactory.add_profile
            row = rows.setdefault(word, len(rows))
            length = len(word)
            if 1 <= length <= 3:
                row_of.append(row)
                lang_of.append(index)
                probs.append(1.0 * profile.freq.get(word) / profile.n_words[length - 1])
    order = np.argsort(np.frombuffer(row_of, dtype=np.uint32), kind="stable")
    table = _Rows(rows)
    table.width = len(files)
    table.ends = array("I", np.searchsorted(np.frombuffer(row_of, dtype=np.uint32)[order], np.arange(len(rows) + 1)).astype(np.uint32).tobytes())
    table.langs = array("B", np.frombuffer(lang_of, dtype=np.uint8)[order].tobytes())
    table.probs = array("d", np.frombuffer(probs, dtype=np.float64)[order].tobytes())
    factory.word_lang_prob_map = table
    del rows, row_of, lang_of, probs, order
    trim_heap()  # the profiles' parsed JSON, freed, back to the system
    return factory


@lru_cache(maxsize=4096)
def detect(text: str) -> dict[str, float]:
    """langdetect's probabilities for ``text`` by language label (regions dropped), or {} when it cannot tell."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _detector_factory()
    try:
        detector = factory.create()
        detector.append(text)
        probs = detector.get_probabilities()
    except LangDetectException:
        return {}
    out: dict[str, float] = {}
    for p in probs:
        label = normalise(p.lang)
        out[label] = out.get(label, 0.0) + p.prob
    return out


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    """Each label a bundled profile claims -> that profile's first-claiming code (labels langdetect
    confuses count as one language when none of them is the source)."""
    out: dict[str, str] = {}
    for p in sorted(bundled(), key=lambda p: -len(p.langdetect)):  # the widest family claims a shared label
        for label in sorted(p.langdetect):
            out.setdefault(label, p.code)
    return out


def foreign(text: str, target: Profile, source: Profile | None) -> Guess | None:
    """langdetect's guess when ``text`` is not in the target language, else None.

    The source language needs less evidence (0.8) than any other (0.95):
    MT leaves source text behind, and langdetect's short-text guesses
    between unrelated languages are noisy.
    """
    probs = detect(text)
    if not probs:
        return None
    target_share = sum(p for label, p in probs.items() if label in target.langdetect)
    if source is not None:
        share = sum(p for label, p in probs.items() if label in source.langdetect)
        if share >= 0.8 and share > target_share:
            return Guess(max((label for label in probs if label in source.langdetect), key=probs.__getitem__), share, True)
    groups: dict[str, float] = {}
    best: dict[str, str] = {}
    for label, p in probs.items():
        if label in target.langdetect:
            continue
        key = _groups().get(label, label)
        groups[key] = groups.get(key, 0.0) + p
        if key not in best or p > probs[best[key]]:
            best[key] = label
    if not groups:
        return None
    key, share = max(groups.items(), key=lambda kv: kv[1])
    if share >= 0.95 and share > target_share:
        return Guess(best[key], share, False)
    return None
