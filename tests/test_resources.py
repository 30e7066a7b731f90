"""Data-file readers: TOML with a clear error, word lists without comments or blank lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.resources import read_lines, read_toml, read_words


def test_word_lists_skip_comments_and_blanks_and_lower_case(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("# provenance: test\n\nThe\nof  \n", encoding="utf-8")
    assert read_lines(path) == ["The", "of"]
    assert read_words(path) == frozenset({"the", "of"})


def test_toml_reads(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[words]\ni = "and"\n', encoding="utf-8")
    assert read_toml(path) == {"words": {"i": "and"}}


def test_broken_toml_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[words\n", encoding="utf-8")
    with pytest.raises(Exception, match="broken.toml"):
        read_toml(path)
