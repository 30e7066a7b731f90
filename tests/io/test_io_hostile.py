"""Hostile and pathological articles are checked in seconds, through the command line, without a rule breaking.

Each case runs in a child process with a time limit, so a super-linear rule
fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = """
import io, json, sys, time
from qa.cli import main
out, err = io.StringIO(), io.StringIO()
started = time.perf_counter()
code = main(["check", sys.argv[1], "--format", "json", "--no-config", "-j", "1", "--source-lang", "sr"], stdout=out, stderr=err)
report = json.loads(out.getvalue())
print(json.dumps({"code": code, "seconds": time.perf_counter() - started, "summary": report["summary"],
                  "rule_errors": [d.get("rule_errors") for d in report["documents"] if d.get("rule_errors")],
                  "stderr": err.getvalue()[-2000:]}))
"""


def check(path: Path, limit: float) -> dict:
    try:
        done = subprocess.run([sys.executable, "-c", RUN, str(path)], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"checking {path.name} took over {limit:.0f} s")
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert "Traceback" not in result["stderr"]
    assert result["rule_errors"] == []
    return result


def words(n: int) -> str:
    vocab = "the minister said that talks i u Beogradu would continue next week Vučić Đoković on Monday, \"quoted\" (aside) U.S. e.g.".split()
    return " ".join(vocab[(i * 7 + i // 3) % len(vocab)] for i in range(n))


CASES = {
    "one-line-1mb": lambda: words(170_000),
    "curly-quotes-60k": lambda: "He said " + "“" * 60_000 + " and left.",
    "zero-width-bidi": lambda: "The vote\u200b\u202e\u2066 was\u2069\u202c postponed\u200d. " * 4_000,
    "control-characters": lambda: "Minister\x1b[31m said\x07 \x01 so\x9b. " * 4_000,
    "many-short-lines": lambda: "A line i u.\n" * 50_000,
    "crlf-and-cr": lambda: "One line i Viber.\r\nTwo.\rThree.\n" * 10_000,
    "one-long-sentence-of-names": lambda: "Vučić, " * 20_000,
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_article_is_checked_in_seconds(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(CASES[name](), encoding="utf-8", newline="")
    result = check(path, limit=30)
    assert result["code"] in (0, 1) and result["summary"]["documents"] == 1


def test_lone_surrogates_in_a_corpus(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = ['{"id": "a", "target": "x \\ud800 y \\udfff z i Viber."}', '{"id": "\\udc80", "target": "\\ud83d"}']
    path.write_text("\n".join(lines * 50) .replace('"id": "a"', '"id": "a"') + "\n", encoding="utf-8")
    result = check(path, limit=30)
    assert result["summary"]["documents"] == 100  # ids repeat: 98 errors, every line accounted for
    assert result["summary"]["errors"] == 98 and result["code"] == 2


PATHOLOGICAL = {
    "60k-straight-quotes": "He said " + '"' * 60_000 + " and left.",
    "a-a-a-hyphen-chain": "Word " + "a-" * 30_000,
    "dots-60k": "Word " + "." * 60_000 + "x",
    "a.a.a-dotted-chain": "Word " + "a." * 30_000 + "x",
    "one-60k-letter-word": "Word " + "a" * 60_000,
}


def test_pathological_paragraphs_are_checked_in_seconds(tmp_path: Path) -> None:
    # A hang guard, not a benchmark: the quadratic patterns this battery found took 16-60 s here;
    # linear ones take about a second, so 15 s leaves room for a slow machine.
    for name, text in PATHOLOGICAL.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        check(path, limit=15)
