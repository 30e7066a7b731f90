"""Reading qa's data files: TOML tables and word lists, from ``qa/data`` or a user's path.

Language knowledge lives in data files with their provenance, not in code;
this module only reads them, with errors that name the file. What a file
means is its reader's business (``qa.languages``, ``qa.tables``, the rules).
"""

from __future__ import annotations

import ctypes
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ValueError(f"{path}: cannot read ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: invalid TOML ({e})") from None


def read_lines(path: Path) -> list[str]:
    """The entries of a word-list file: one per line, ``#`` starts a comment, blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ValueError(f"{path}: cannot read ({e.strerror or e})") from None
    return [line for raw in text.splitlines() if (line := raw.split("#", 1)[0].strip())]


def read_words(path: Path) -> frozenset[str]:
    """A word-list file as a set of lower-case words."""
    return frozenset(line.lower() for line in read_lines(path))


def read_table(path: Path, columns: int) -> list[tuple[str, ...]]:
    """Rows of a tab-separated data table (names, antonyms) with ``columns`` columns; ``#`` lines are
    comments; a row of another width is a ValueError naming the file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != columns:
            raise ValueError(f"{path}: bad row ({len(parts)} columns, expected {columns}): {line[:60]!r}")
        rows.append(tuple(parts))
    return rows


@lru_cache(maxsize=1)
def _malloc_trim():  # type: ignore[no-untyped-def]
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing elsewhere).

    Building a large table (a word-frequency list, langdetect's profiles) frees tens of megabytes
    of transient buffers; glibc keeps most of them mapped (its mmap threshold grows after each
    large free, so later large buffers come from the heap, and a heap is trimmed only from its
    top), and the process would keep that memory as long as it runs. A few milliseconds."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
