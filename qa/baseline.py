"""Baselines: adopt qa on an archive by reporting only the findings that are new since a recorded run.

``qa check archive/ --write-baseline qa-baseline.json`` records every
finding of the run; ``qa check archive/ --baseline qa-baseline.json`` then
reports only findings that are not in it. A finding is matched by document
id, rule code and excerpt, never by position, so an edit elsewhere in the
article (which shifts every offset after it) does not bring old findings
back. Entries are counted: a document with two identical findings needs two
entries, and a third occurrence is new.

Baselined findings are removed *before* the verdict: the document is
re-scored (``qa.scoring.score``/``passes``) on the findings that remain, so an
archive whose old problems are all recorded passes, and a new problem fails
it as it would anywhere. The file is JSON (``qa-baseline/1``), sorted so
that it diffs well under version control.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable, TextIO

from qa.result import Result
from qa.scoring import Policy, passes, score

SCHEMA = "qa-baseline/1"

Key = tuple[str, str, str]  # document id, rule code, excerpt


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


class Baseline:
    def __init__(self, entries: Counter[Key] | None = None) -> None:
        self.entries: Counter[Key] = Counter(entries or {})
        self._left: Counter[Key] = Counter(self.entries)

    @classmethod
    def of(cls, results: Iterable[Result]) -> Baseline:
        """Today's findings, to be written as a baseline."""
        b = cls()
        for r in results:
            b.record(r)
        return b

    def record(self, result: Result) -> None:
        for f in result.findings:
            key = (result.document.id, f.rule, f.excerpt)
            self.entries[key] += 1
            self._left[key] += 1

    def __len__(self) -> int:
        return sum(self.entries.values())

    def filter(self, result: Result, policy: Policy) -> tuple[Result, int]:
        """The result without its baselined findings, re-scored; and how many were removed.

        Each entry matches at most ``count`` findings over the whole run, the
        earliest in the document first.
        """
        if result.error is not None or not result.findings:
            return result, 0
        kept = []
        for f in result.findings:
            key = (result.document.id, f.rule, f.excerpt)
            if self._left[key] > 0:
                self._left[key] -= 1
            else:
                kept.append(f)
        removed = len(result.findings) - len(kept)
        if not removed:
            return result, 0
        s = score(kept, result.words)
        passed = passes(kept, s, policy) and not result.rule_errors
        return replace(result, findings=kept, score=s, passed=passed), removed

    @property
    def unmatched(self) -> int:
        """Entries no finding matched so far in this run: problems fixed since the baseline was written."""
        return sum(n for n in self._left.values() if n > 0)

    def dump(self, out: TextIO) -> None:
        findings = [
            {"document": doc, "rule": rule, "excerpt": excerpt, "count": n}
            for (doc, rule, excerpt), n in sorted(self.entries.items())
            if n > 0
        ]
        # one entry a line: a reviewer sees in the diff which findings were accepted or fixed
        lines = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in findings)
        out.write(f'{{\n "schema": "{SCHEMA}",\n "findings": [\n{lines}\n ]\n}}\n' if findings else f'{{"schema": "{SCHEMA}", "findings": []}}\n')

    def write(self, path: str | Path) -> None:
        try:
            with open(path, "w", encoding="utf-8") as out:
                self.dump(out)
        except OSError as e:
            raise BaselineError(f"{path}: cannot write baseline ({e.strerror or e})") from None

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as e:
            raise BaselineError(f"{path}: cannot read baseline ({e.strerror or e})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise BaselineError(f"{path}: not a baseline file ({e})") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a {SCHEMA} file (write one with --write-baseline)")
        entries: Counter[Key] = Counter()
        for i, item in enumerate(data["findings"]):
            try:
                key = (item["document"], item["rule"], item["excerpt"])
                count = item.get("count", 1)
            except (TypeError, KeyError, AttributeError):
                raise BaselineError(f"{path}: entry {i} needs 'document', 'rule' and 'excerpt'") from None
            if not all(isinstance(k, str) for k in key) or not isinstance(count, int) or count < 1:
                raise BaselineError(f"{path}: entry {i}: strings and a positive 'count' expected")
            entries[key] += count
        return cls(entries)
