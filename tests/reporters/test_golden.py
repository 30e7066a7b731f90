"""Golden files: every format rendered for the seed article, a source+reference example, translation files and an HTML article.

A change in a report shows up as a diff of ``tests/reporters/golden/``.
When the change is intended (a rule was added or reworded), regenerate them:

    QA_UPDATE_GOLDEN=1 python -m pytest tests/reporters -q

and review the diff. The tool's and sacrebleu's versions are replaced by
placeholders so a release does not touch the goldens.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

import qa
from qa.report import Report
from qa.reporters import FORMATS, get_renderer

GOLDEN = Path(__file__).resolve().parent / "golden"
EXT = {"terminal": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "junit": "xml",
       "github": "github.txt", "markdown": "md", "html": "html"}
UPDATE = os.environ.get("QA_UPDATE_GOLDEN") == "1"


def normalise(text: str) -> str:
    text = re.sub(rf"(?<![\d.]){re.escape(qa.__version__)}(?![\d.])", "QA_VERSION", text)
    return re.sub(r"version:\d+(\.\d+)*", "version:SACREBLEU_VERSION", text)


def rendered(report: Report, fmt: str) -> str:
    out = io.StringIO()
    get_renderer(fmt)(report, out)
    return normalise(out.getvalue())


def test_every_format_has_a_golden_extension() -> None:
    assert set(EXT) == set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["seed", "example", "units", "markup"])
def test_golden(reports: dict[str, Report], name: str, fmt: str) -> None:
    text = rendered(reports[name], fmt)
    path = GOLDEN / f"{name}.{EXT[fmt]}"
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written: review it and run again")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path.name} differs; if intended: QA_UPDATE_GOLDEN=1 python -m pytest tests/reporters"
