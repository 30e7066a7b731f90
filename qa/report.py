"""The run's outcome: results per document, summary counts, and the exit code.

The report alone decides the exit code (black's habit): reporters render,
the CLI returns ``report.exit_code()``. Counts are kept as results arrive,
so a streaming run (``keep=False``) reports a corpus of any size without
holding its results in memory.
"""

from __future__ import annotations

from typing import Any, Iterable

from qa.result import Result
from qa.model import Severity

SCHEMA = "qa-report/1"

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_ERROR = 2

_SEVERITIES = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)


class Report:
    def __init__(self, results: Iterable[Result] = (), keep: bool = True) -> None:
        self.keep = keep
        self.results: list[Result] = []
        self.documents = 0
        self.passed = 0
        self.unreadable = 0  # documents with ``error`` set
        self.errors = 0  # documents unreadable or with a broken rule
        self.findings = {s.value: 0 for s in _SEVERITIES}
        for r in results:
            self.add(r)

    def add(self, result: Result) -> None:
        self.documents += 1
        self.passed += result.passed
        self.unreadable += result.error is not None
        self.errors += result.error is not None or bool(result.rule_errors)
        for f in result.findings:
            self.findings[f.severity.value] += 1
        if self.keep:
            self.results.append(result)

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "passed": self.passed,
            "failed": self.documents - self.passed - self.unreadable,
            "errors": self.errors,
            "findings": dict(self.findings),
        }

    def exit_code(self, exit_zero: bool = False) -> int:
        """2 when an input could not be read or a rule broke, else 1 when a document failed, else 0."""
        if self.errors:
            return EXIT_ERROR
        if exit_zero:
            return EXIT_PASSED
        return EXIT_PASSED if self.passed == self.documents else EXIT_FAILED
