"""Calques beyond idioms: word-for-word collocations and the historical present, from data tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from qa.resources import DATA, read_toml
from qa.model import Hit, Severity
from qa.registry import rule
from qa.text import Text


@dataclass(frozen=True)
class Calque:
    id: str
    pattern: regex.Pattern[str]
    source: tuple[str, ...]
    english: tuple[str, ...]
    severity: Severity
    example: str
    good: str


@lru_cache(maxsize=1)
def calques() -> tuple[Calque, ...]:
    out = []
    for path in sorted((DATA / "calques").glob("*.toml")):
        for i, e in enumerate(read_toml(path).get("calque", []), start=1):
            try:
                out.append(
                    Calque(
                        id=e["id"],
                        pattern=regex.compile(e["pattern"], regex.IGNORECASE),
                        source=tuple(e.get("source", [])),
                        english=tuple(e["english"]),
                        severity=Severity.parse(e.get("severity", "minor")),
                        example=e.get("example", ""),
                        good=e.get("good", ""),
                    )
                )
            except (KeyError, regex.error, ValueError) as err:
                raise ValueError(f"{path}: calque {i}: {err}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def _any_calque() -> regex.Pattern[str]:
    """All the calque patterns as one alternation: a text none of them matches is passed in a single scan."""
    return regex.compile("|".join(f"(?:{c.pattern.pattern})" for c in calques()) or "(?!)", regex.IGNORECASE)


@rule("QA702", "calque", "style/awkward", "minor")
def calque(target: Text) -> Iterator[Hit]:
    r"""A collocation translated word for word from the source ("comrade friendship", "brought a decision").

    Why: the words are English but the combination is not: "comradely
    friendship", "made a decision", "the prime minister" are what English
    news writes. Editors fix these on sight; they mark unedited MT.

    Bad: He added that their "comrade friendship" will strengthen even more.
    Bad: The president of the government brought a decision on Monday.
    Good: He added that their "comradely friendship" will strengthen even more.
    Good: The prime minister made a decision on Monday.

    Known limits: only the constructions in ``qa/data/calques/`` are known;
    a legitimate use of a listed phrase is reported at the entry's severity
    (info for the ambiguous ones).
    """
    if not _any_calque().search(target.raw):
        return  # one scan says no calque is there; most texts stop here
    for c in calques():
        for m in c.pattern.finditer(target.raw):
            yield Hit(
                m.start(),
                m.end(),
                f"word-for-word rendering of {' / '.join(repr(s) for s in c.source[:2])}: English says {c.english[0]!r}",
                suggestion=c.english[0],
                severity=c.severity,
            )


@lru_cache(maxsize=1)
def _tense() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    data = read_toml(DATA / "tense.toml")
    anchors = regex.compile("|".join(f"(?:{a})" for a in data["past_anchors"]), regex.IGNORECASE)
    verbs = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in data["present_verbs"])
    present = regex.compile(rf"\b(?:{verbs})\b|{data['progressive']}", regex.IGNORECASE)
    not_present = regex.compile(data["not_present"], regex.IGNORECASE)
    return anchors, present, not_present


@rule("QA703", "historical-present", "fluency/grammar", "info", quiet_inside=("content/boilerplate",))
def historical_present(target: Text) -> Iterator[Hit]:
    r"""Past events narrated in the present tense, as the source language does.

    Why: Serbian, Croatian and Bosnian news narrate history in the present
    ("Novo približavanje dolazi početkom 21. veka"); English news uses the
    past. "A new rapprochement occurs at the beginning of the 21st century"
    reads as a tense error.

    Bad: A new rapprochement occurs at the beginning of the 21st century, when Russia is gradually moving away from the West.
    Bad: The war begins in 1914 and the empire collapses.
    Good: A new rapprochement came at the beginning of the 21st century, when Russia was moving away from the West.
    Good: The museum, which opened in 1914, says it is expanding.

    Known limits: only sentences with an explicit past-time anchor (a year
    before 2000, a decade, "at the beginning of the 21st century") are
    judged, and any past-tense or modal verb in the sentence keeps it quiet,
    so a mixed sentence is missed.
    """
    anchors, present, not_present = _tense()
    for sent in target.sentences:
        text = target.slice(sent)
        if not anchors.search(text) or not_present.search(text):
            continue
        m = present.search(text)
        if m is None:
            continue
        yield Hit(
            sent.start + m.start(),
            sent.start + m.end(),
            "past events narrated in the present tense (the source's historical present); English news uses the past",
            suggestion=None,
        )
