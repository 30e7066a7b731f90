"""qa.cache: a derived table is built once, read back by the next run, and built again when stale
or damaged; a cache that is off or cannot be written changes nothing but the time."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from qa import cache


def _builder(calls: list[int]):  # type: ignore[no-untyped-def]
    def build() -> list[array]:
        calls.append(1)
        return [array("I", [3, 1, 4]), array("H", [1, 5]), array("I")]

    return build


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read(folder: Path) -> None:
    calls: list[int] = []
    first = cache.cached_arrays("t", "v1", _builder(calls))
    second = cache.cached_arrays("t", "v1", _builder(calls))
    assert calls == [1]
    assert [list(a) for a in first] == [list(a) for a in second] == [[3, 1, 4], [1, 5], []]
    assert [a.format for a in second] == ["I", "H", "I"]  # read-only views of the file, in the arrays' types
    assert all(a.readonly for a in second)
    assert (folder / "t.bin").is_file()


def test_views_are_aligned_and_every_array_may_be_empty(folder: Path) -> None:
    cache.cached_arrays("odd", "v1", lambda: [array("B", [7]), array("Q", [2**63]), array("H", [])])
    got = cache.cached_arrays("odd", "v1", lambda: [])
    assert [list(a) for a in got] == [[7], [2**63], []]
    empty = cache.cached_arrays("empty", "v1", lambda: [array("I"), array("H")])
    assert [list(a) for a in cache.cached_arrays("empty", "v1", lambda: [])] == [[], []] == [list(a) for a in empty]


def test_a_new_stamp_builds_again(folder: Path) -> None:
    calls: list[int] = []
    cache.cached_arrays("t", "v1", _builder(calls))
    cache.cached_arrays("t", "v2", _builder(calls))
    cache.cached_arrays("t", "v2", _builder(calls))
    assert calls == [1, 1]


@pytest.mark.parametrize("damage", [b"", b"not json\n", b"{}\n", None])
def test_a_damaged_entry_is_built_again(folder: Path, damage: bytes | None) -> None:
    calls: list[int] = []
    cache.cached_arrays("t", "v1", _builder(calls))
    path = folder / "t.bin"
    data = path.read_bytes()
    path.write_bytes(data[:-3] if damage is None else damage)  # None: cut short
    assert list(cache.cached_arrays("t", "v1", _builder(calls))[0]) == [3, 1, 4]
    assert calls == [1, 1]
    cache.cached_arrays("t", "v1", _builder(calls))
    assert calls == [1, 1]  # and written whole again


def test_off_never_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    calls: list[int] = []
    cache.cached_arrays("t", "v1", _builder(calls))
    cache.cached_arrays("t", "v1", _builder(calls))
    assert calls == [1, 1]
    assert cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("QA_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    assert list(cache.cached_arrays("t", "v1", _builder(calls))[1]) == [1, 5]
    assert calls == [1]


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("QA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "qa"
