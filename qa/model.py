"""The records every other module speaks in: documents, spans, findings, severities, categories.

Texts are kept exactly as read and spans are 0-based, half-open code-point
indices into them, so a finding can always be located again with
``text[start:end]`` (the contract of ``qa-report/1``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

Side = Literal["target", "source", "reference", "back_translation"]
SIDES: tuple[Side, ...] = ("target", "source", "reference", "back_translation")


class Severity(str, enum.Enum):
    """How much a finding matters; the weights follow MQM as used by WMT (Freitag et al., 2021)."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def weight(self) -> float:
        return _WEIGHT[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Accept a severity name in any case; raise ValueError naming the choices."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


_RANK = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}
_WEIGHT = {Severity.INFO: 0.0, Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}

CATEGORIES: frozenset[str] = frozenset(
    {
        "accuracy/mistranslation",
        "accuracy/untranslated",
        "accuracy/omission",
        "accuracy/addition",
        "fluency/grammar",
        "fluency/punctuation",
        "fluency/spelling",
        "fluency/inconsistency",
        "fluency/repetition",
        "style/awkward",
        "terminology/inconsistent",
        "terminology/glossary",
        "locale/number-format",
        "locale/date-format",
        "locale/currency-format",
        "locale/name-format",
        "content/boilerplate",
        "content/duplicate",
        "content/markup",
        "content/encoding",
        "other",
    }
)


@dataclass(frozen=True)
class Span:
    """A stretch of one side's unmodified text."""

    side: Side
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """What a rule yields: where, why, and what to write instead.

    A rule never decides severity or output format; the engine adds the
    rule's metadata and the configured severity to make a ``Finding``.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    side: Side = "target"
    related: tuple[Span, ...] = ()
    severity: Severity | None = None  # a rule may lower/raise its default for one hit (e.g. idiom ambiguity)


@dataclass
class Document:
    """One article: the target (required) and whatever other sides are known."""

    id: str
    target: str
    source: str | None = None
    reference: str | None = None
    back_translation: str | None = None
    source_lang: str | None = None
    target_lang: str | None = "en"
    path: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # set when the document could not be read: it is reported, never dropped

    def side(self, name: Side) -> str | None:
        return getattr(self, name)

    @classmethod
    def failed(cls, id: str, error: str, path: str | None = None, **metadata: Any) -> Document:
        """A document that could not be read, kept so the report accounts for every input."""
        return cls(id=id, target="", path=path, error=error, metadata=dict(metadata))


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    """A located, categorised, weighted report of one problem."""

    rule: str
    name: str
    category: str
    severity: Severity
    side: Side
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    message: str
    suggestion: str | None = None
    related: tuple[Mapping[str, Any], ...] = ()

    @property
    def weight(self) -> float:
        """MQM weight; minor punctuation counts 0.1 as in Freitag et al. (2021)."""
        if self.severity is Severity.MINOR and self.category == "fluency/punctuation":
            return 0.1
        return self.severity.weight
