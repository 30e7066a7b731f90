#!/usr/bin/env python3
"""Regenerate reports/ from corpora/: one report per output format, never edited by hand.

    python scripts/make_reports.py

Runs ``qa check corpora/`` once per format (the languages come from the
corpus records; plain-text articles are taken as translations from Serbian)
and writes ``reports/corpora.<ext>``. The tool version is part of each
report, so a release regenerates them.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.cli import main  # noqa: E402
from qa.reporters import FORMATS  # noqa: E402

EXTENSIONS = {"terminal": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "junit": "xml",
              "github": "github.txt", "markdown": "md", "html": "html"}


def run() -> int:
    out_dir = ROOT / "reports"
    out_dir.mkdir(exist_ok=True)
    for fmt in FORMATS:
        target = out_dir / f"corpora.{EXTENSIONS.get(fmt, fmt)}"
        stderr = io.StringIO()
        code = main(["check", "corpora", "--source-lang", "sr", "--format", fmt, "--output", str(target), "--no-config"],
                    stderr=stderr)
        print(f"{target.relative_to(ROOT)}: exit {code}")
        if code == 2:
            print(stderr.getvalue(), file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    import os

    os.chdir(ROOT)  # report paths are relative to the project
    sys.exit(run())
