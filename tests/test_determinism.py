"""The same input gives a byte-identical report whatever the hash seed and ``--jobs`` (issue 11).

A long article of templated paragraphs (market and weather bulletins that differ in a
number or a name) is where near-duplicate detection (QA302) used to give 55, 58 or 59
findings depending on ``PYTHONHASHSEED``; chrome lines are mixed in so that the chrome
detector's merging is covered too. Each run is a fresh interpreter, so set and dict
iteration orders really change between seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = ("0", "1", "42", "12345", "random")

MARKETS = ("Belgrade", "Zagreb", "Sarajevo", "Podgorica", "Skopje", "Ljubljana")
CROPS = ("wheat", "corn", "soybeans", "sunflower", "barley")


def templated_article() -> str:
    """Bulletins in the shape of a wire service's market and weather round-up, with page chrome between."""
    lines = ["Markets and weather: the daily round-up", "By Ana Petrović  ·  Example News", "November 19, 2019 at 9:03 am"]
    for day in range(1, 8):
        for i, market in enumerate(MARKETS):
            crop = CROPS[(day + i) % len(CROPS)]
            lines.append(f"On the {market} commodity exchange, {crop} traded at {100 + day * 3 + i} dinars per kilogram "
                         f"on day {day}, {'up' if (day + i) % 2 else 'down'} {day + i} percent from the previous session.")
            lines.append(f"In {market}, the weather on day {day} will be {'sunny' if i % 2 else 'cloudy'} with highs of "
                         f"{10 + day + i} degrees and light winds from the {'north' if day % 2 else 'south'}.")
        lines.append("Advertisement")
        lines.append("Share on WhatsApp | Share on Facebook | Copy link")
    lines += ["Tags: markets, weather, agriculture", "Follow us on Facebook,Twitter i Viber. If you have a topic proposal "
              "for us, contact us at desk@example.com", "Komentari (3)"]
    return "\n".join(lines) + "\n"


def report(path: Path, seed: str, jobs: int, select: str | None = None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    extra = ["--select", select] if select else []
    run = subprocess.run(
        [sys.executable, "-m", "qa", "check", str(path), "--source-lang", "sr", "--format", "json", "--exit-zero",
         "--no-config", "--jobs", str(jobs), *extra],
        capture_output=True, env=env, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")[-2000:]
    return run.stdout


def test_report_is_identical_under_every_hash_seed(tmp_path: Path) -> None:
    path = tmp_path / "bulletins.txt"
    path.write_text(templated_article(), encoding="utf-8")
    reports = {seed: report(path, seed, 1) for seed in SEEDS}
    first = reports[SEEDS[0]]
    assert b'"QA302"' in first, "the article should draw near-duplicate findings to compare"
    for seed, got in reports.items():
        assert got == first, f"PYTHONHASHSEED={seed} gives another report"


def test_chrome_findings_are_identical_under_every_hash_seed(tmp_path: Path) -> None:
    """The chrome detector (vocabularies, neighbours, one finding per line) does not depend on the seed."""
    path = tmp_path / "bulletins.txt"
    path.write_text(templated_article(), encoding="utf-8")
    reports = {seed: report(path, seed, 1, select="QA1,QA2") for seed in SEEDS}
    first = reports[SEEDS[0]]
    assert b'"QA201"' in first and b'"QA204"' in first and b'"QA206"' in first
    for seed, got in reports.items():
        assert got == first, f"PYTHONHASHSEED={seed} gives another chrome report"


def test_report_is_identical_with_several_jobs(tmp_path: Path) -> None:
    for k in range(3):
        (tmp_path / f"bulletins_{k}.txt").write_text(templated_article(), encoding="utf-8")
    assert report(tmp_path, "7", 1) == report(tmp_path, "7", 2)
