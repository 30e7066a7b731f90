"""Calques beyond idioms: word-for-word collocations and the historical present, from data tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import regex

from qa.context import Context
from qa.languages import Profile, bundled
from qa.model import Hit, Severity
from qa.prefilter import Prefilter
from qa.registry import rule
from qa.resources import read_toml
from qa.tables import CALQUES, load_table
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


def bundled_paths() -> list[Path]:
    """Every bundled language's calque table (``calques.toml`` beside its profile)."""
    return [p for lang in bundled() if (p := lang.data_file("calques.toml")) is not None]


def load_calques(paths: Iterable[Path]) -> tuple[Calque, ...]:
    """The calques of these tables, each checked against the table schema and its regex compiled."""
    out = []
    for path in paths:
        for entry in load_table(path, CALQUES):
            e = entry.data
            try:
                pattern = regex.compile(e["pattern"], regex.IGNORECASE)
            except regex.error as err:
                raise entry.error(f"bad regex ({err})") from None
            out.append(Calque(e["id"], pattern, entry.strings("source"), entry.strings("english"), entry.severity(),
                              e.get("example", ""), e.get("good", "")))
    return tuple(out)


@lru_cache(maxsize=1)
def calques() -> tuple[Calque, ...]:
    """The bundled calques, loaded once."""
    return load_calques(bundled_paths())


@lru_cache(maxsize=1)
def _prefilter() -> Prefilter:
    """The literals each calque pattern cannot match without, found for all of them in one pass over a text:
    most texts hold none, and a pattern runs only on a text that holds its literals."""
    return Prefilter.build(c.pattern.pattern for c in calques())


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

    Known limits: only the constructions in the languages' ``calques.toml`` tables are known;
    a legitimate use of a listed phrase is reported at the entry's severity
    (info for the ambiguous ones).
    """
    possible = _prefilter().found(target.raw)  # one pass: most texts hold no calque's literals
    for i, c in enumerate(calques()):
        if i not in possible:
            continue
        for m in c.pattern.finditer(target.raw):
            yield Hit(
                m.start(),
                m.end(),
                f"word-for-word rendering of {' / '.join(repr(s) for s in c.source[:2])}: English says {c.english[0]!r}",
                suggestion=c.english[0],
                severity=c.severity,
            )


@lru_cache(maxsize=4)
def _tense(target: Profile) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]] | None:
    """The target language's past-time anchors, present-tense verbs and what rules the present out."""
    path = target.data_file("historical_present.toml")
    if path is None:
        return None
    data = read_toml(path)
    anchors = regex.compile("|".join(f"(?:{a})" for a in data["past_anchors"]), regex.IGNORECASE)
    verbs = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in data["present_verbs"])
    present = regex.compile(rf"\b(?:{verbs})\b|{data['progressive']}", regex.IGNORECASE)
    not_present = regex.compile(data["not_present"], regex.IGNORECASE)
    return anchors, present, not_present


@rule("QA703", "historical-present", "fluency/grammar", "info", quiet_inside=("content/boilerplate",))
def historical_present(target: Text, ctx: Context) -> Iterator[Hit]:
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
    tables = _tense(ctx.target)
    if tables is None:
        return
    anchors, present, not_present = tables
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
