"""The run's outcome: results per document, summary counts, and the exit code.

The report alone decides the exit code (black's habit): reporters render,
the CLI returns ``report.exit_code()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qa.engine import Result
from qa.model import Severity

SCHEMA = "qa-report/1"

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    def add(self, result: Result) -> None:
        self.results.append(result)

    @property
    def summary(self) -> dict[str, Any]:
        counts = {s.value: 0 for s in (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)}
        for r in self.results:
            for f in r.findings:
                counts[f.severity.value] += 1
        errors = sum(1 for r in self.results if r.error is not None or r.rule_errors)
        passed = sum(1 for r in self.results if r.passed)
        return {
            "documents": len(self.results),
            "passed": passed,
            "failed": len(self.results) - passed - sum(1 for r in self.results if r.error is not None),
            "errors": errors,
            "findings": counts,
        }

    def exit_code(self, exit_zero: bool = False) -> int:
        """2 when an input could not be read or a rule broke, else 1 when a document failed, else 0."""
        if any(r.error is not None or r.rule_errors for r in self.results):
            return EXIT_ERROR
        if exit_zero:
            return EXIT_PASSED
        return EXIT_PASSED if all(r.passed for r in self.results) else EXIT_FAILED
