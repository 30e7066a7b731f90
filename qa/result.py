"""One document's outcome: its findings, score, verdict, metrics, and the rules that broke on it.

Kept apart from the engine that makes it, so the report, the baseline and
every reporter can read results without depending on how they were made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qa.model import Document, Finding
from qa.scoring import Score


@dataclass
class RuleError:
    """A rule that raised on a document: the run goes on, the report says so, the exit code is 2."""

    rule: str
    message: str


@dataclass
class Result:
    """One document's outcome; ``passed`` is decided by the engine, once."""

    document: Document
    findings: list[Finding] = field(default_factory=list)
    words: int = 0
    score: Score = Score(0.0, 0.0)
    passed: bool = False
    metrics: dict[str, Any] = field(default_factory=dict)
    rule_errors: list[RuleError] = field(default_factory=list)

    @property
    def error(self) -> str | None:
        return self.document.error
