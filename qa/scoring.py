"""MQM-style penalty, its per-100-words normalisation, and the pass/fail verdict.

The verdict is decided here, once; reporters only render it and the CLI only
maps it to an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from qa.model import Finding, Severity


@dataclass(frozen=True)
class Score:
    penalty: float
    per_100_words: float


@dataclass(frozen=True)
class Policy:
    """When a document fails: any finding at or above ``fail_on``, or a penalty at or above ``threshold``."""

    fail_on: Severity = Severity.MAJOR
    threshold: float = 5.0  # MQM penalty points per 100 target words


def score(findings: Iterable[Finding], words: int) -> Score:
    penalty = round(sum(f.weight for f in findings), 4)
    per_100 = round(penalty * 100.0 / words, 4) if words else (0.0 if penalty == 0 else penalty)
    return Score(penalty=penalty, per_100_words=per_100)


def passes(findings: Iterable[Finding], s: Score, policy: Policy) -> bool:
    if any(f.severity.rank >= policy.fail_on.rank for f in findings):
        return False
    return s.per_100_words < policy.threshold
