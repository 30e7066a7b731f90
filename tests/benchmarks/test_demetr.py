"""benchmarks/demetr.py counting severity: the MQM penalty in a family, the paired catch at each threshold, pofilter's output read back."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import demetr  # noqa: E402

import qa  # noqa: E402

FAMILY = ("accuracy/addition",)


def _result(*findings: tuple[str, str, str]) -> Any:
    """A stand-in result: the penalty reads only each finding's category and severity."""
    return SimpleNamespace(findings=[SimpleNamespace(rule=r, category=c, severity=qa.Severity(s)) for r, c, s in findings])


def test_penalty_weights_and_threshold() -> None:
    res = _result(("QA903", "accuracy/addition", "minor"), ("QA903", "accuracy/addition", "info"),
                  ("QA901", "accuracy/mistranslation", "major"))
    assert demetr.penalty(res, FAMILY, "info") == (1.0, 1)
    assert demetr.penalty(res, FAMILY, "minor") == (1.0, 0)
    assert demetr.penalty(res, FAMILY, "major") == (0.0, 0)
    assert demetr.penalty(res, ("accuracy/",), "major") == (5.0, 0)


def test_an_info_note_is_a_catch_only_at_info() -> None:
    clean = _result()
    pert = _result(("QA903", "accuracy/addition", "info"))
    assert demetr.caught_at(pert, clean, FAMILY, "info")
    assert not demetr.caught_at(pert, clean, FAMILY, "minor")


def test_a_catch_needs_more_than_the_clean_twin() -> None:
    clean = _result(("QA903", "accuracy/addition", "minor"))
    same = _result(("QA903", "accuracy/addition", "minor"))
    more = _result(("QA903", "accuracy/addition", "minor"), ("QA903", "accuracy/addition", "minor"))
    assert not demetr.caught_at(same, clean, FAMILY, "minor")
    assert demetr.caught_at(more, clean, FAMILY, "minor")
    assert not demetr.caught_at(more, clean, (), "minor")  # a type that must stay clean is never caught


def test_pofilter_output_is_read_by_context(tmp_path: Path) -> None:
    fake = tmp_path / "pofilter"
    fake.write_text(
        "#!/bin/sh\n"
        "out=$5\n"
        "printf '# (pofilter) endpunc: Different punctuation at the end\\n# (pofilter) numbers: Different numbers\\n"
        "msgctxt \"a:1\"\\nmsgid \"x\"\\nmsgstr \"y\"\\n' > \"$out\"\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    flags = demetr.pofilter_flags(str(fake), {"a:1": ("Zdravo 12.", "Hello 13"), "b:2": ("Da.", "Yes.")})
    assert flags == {"a:1": {"endpunc", "numbers"}, "b:2": set()}
