"""The HTML report in a real browser (headless Chromium): the script runs, every finding is highlighted, article markup stays text.

Skipped when no Chromium is installed (``.ci/run`` installs Debian's
``chromium`` package).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from qa.report import Report
from qa.reporters.html import render

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium): HTML browser test skipped")

HOSTILE = (
    "Injected markup stays text\n\n"
    "The minister said <script>document.title='pwned'</script> nothing.\n\n"
    'A photo <img src=x onerror="document.body.setAttribute(\'data-pwned\',\'1\')"> was here.\n\n'
    "Follow us on Facebook,Twitter i Viber.\n"
)


def dump_dom(path: Path, tmp_path: Path) -> str:
    profile = tmp_path / "profile"
    profile.mkdir()
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
        "--virtual-time-budget=3000", "--dump-dom", path.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def page(report: Report, tmp_path: Path) -> str:
    out = io.StringIO()
    render(report, out)
    path = tmp_path / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")
    return dump_dom(path, tmp_path)


def test_every_finding_is_highlighted_after_the_script_ran(seed_report: Report, tmp_path: Path) -> None:
    dom = page(seed_report, tmp_path)
    assert 'data-qa-ready="1"' in dom, "the page's script did not run"
    ids = set(re.findall(r'data-finding="([^"]+)"', dom))
    marked = {i for group in re.findall(r'<mark [^>]*data-findings="([^"]+)"', dom) for i in group.split()}
    assert len(ids) == sum(len(r.findings) for r in seed_report.results) > 0
    assert marked == ids
    off = re.findall(r'<mark class="[^"]*\boff\b', dom)
    assert not off, "with every filter on, no mark should be switched off"


def test_article_markup_is_escaped_in_the_browser(build_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    report = build_report([article])
    for r in report.results:
        r.document.path = "hostile.txt"
    dom = page(report, tmp_path)
    assert 'data-qa-ready="1"' in dom
    assert "pwned" not in re.sub(r"&lt;script&gt;.*?&lt;/script&gt;|&lt;img.*?&gt;", "", dom)
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "<title>qa report</title>" in dom
    assert len(re.findall(r"<script\b", dom)) == 1 and "<img" not in dom
