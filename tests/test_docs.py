"""The documentation's code runs: the README's Python API example, and every pattern file example of docs/PATTERNS.md."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import qa
from qa.config import Config
from qa.idioms import IdiomTable

ROOT = Path(__file__).resolve().parent.parent


def _blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    [code] = _blocks(ROOT / "README.md", "python")
    monkeypatch.chdir(ROOT)  # the example reads the project's sample files
    printed = io.StringIO()
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), namespace)
    text = printed.getvalue()
    assert "QA101 major 1 7 'i'" in text  # the first example's finding, as the README prints it
    assert "article signing 1 7 QA101" in text  # a finding in a translation unit, placed in its unit
    assert '"schema": "qa-report/1"' in namespace["out"].getvalue()  # type: ignore[attr-defined]


PATTERNS = ROOT / "docs" / "PATTERNS.md"


def _examples(tmp_path: Path) -> dict[str, Path]:
    config, chrome, idioms, calques = _blocks(PATTERNS, "toml")
    assert config.startswith("[tool.qa]")
    paths = {}
    for name, text in (("chrome", chrome), ("idioms", idioms), ("calques", calques)):
        paths[name] = tmp_path / f"{name}.toml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_the_boilerplate_example_loads_and_finds_its_chrome(tmp_path: Path) -> None:
    from qa.boilerplate import load_patterns

    path = _examples(tmp_path)["chrome"]
    loaded = load_patterns((path,))
    assert sum(1 for kind in loaded.values() for p in kind if p.origin.startswith(str(path))) == 2
    text = "Council adopts budget\nFollow the Daily Bugle on Mastodon and Bluesky\nBy Ana Petrović, read 120 times, on Monday.\n"
    found = {f.rule: f.excerpt for f in qa.check(text, source_lang="sr", config=Config(source_lang="sr", boilerplate=(path,))).findings}
    assert found["QA204"] == "Follow the Daily Bugle on Mastodon and Bluesky" and found["QA201"] == "read 120 times"


def test_the_idiom_example_loads_and_its_examples_hold(tmp_path: Path) -> None:
    path = _examples(tmp_path)["idioms"]
    table = IdiomTable.load([path], bundled=False)
    [idiom] = list(table)
    assert all(table.find_literal(s) for s in idiom.examples_bad)
    assert not any(table.find_literal(s) for s in idiom.examples_good)
    assert table.find_source("Ministar baca pesak u oči glasačima.")
    config = Config(source_lang="sr", idioms=(path,))
    assert "QA701" in {f.rule for f in qa.check(idiom.examples_bad[0], source_lang="sr", config=config).findings}


def test_the_calque_example_loads_with_the_bundled_loader(tmp_path: Path) -> None:
    from qa.rules.calques import load_calques

    [entry] = load_calques([_examples(tmp_path)["calques"]])
    assert entry.pattern.search(entry.example) and not entry.pattern.search(entry.good)
