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


class Guess(NamedTuple):
    """langdetect's verdict that a text is not in the target language."""

    code: str  # the language's code (a langdetect label)
    probability: float
    is_source: bool  # it is the document's source language


@lru_cache(maxsize=1)
def _detector_factory():  # type: ignore[no-untyped-def]
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # langdetect is random by default; reports must be reproducible
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


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
