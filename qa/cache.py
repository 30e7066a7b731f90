"""Tables qa derives from its dependencies' data, kept on disk between runs.

Why: a language's word-frequency table is built from wordfreq's list by
decoding and hashing half a million words (``qa.languages.frequency``); a
run over a corpus in nine source languages spent over a second on that
before its first document, every run. The table is a pure function of the
list file, so it is built once and read back by later runs in milliseconds,
as Python keeps its ``.pyc`` files. Only what qa computed from files already
on the machine is kept: nothing is downloaded.

Where: ``$QA_CACHE_DIR``, else ``$XDG_CACHE_HOME/qa``, else ``~/.cache/qa``.
``QA_CACHE_DIR=off`` turns the cache off. An entry is stamped with what it
was built from (the caller's stamp: the source file's path, size and
modification time, the library's and the table format's versions) and the
machine's byte order; a stale, damaged or unreadable entry is built again,
and a cache that cannot be written is skipped: the table is then built in
memory, as without a cache. Entries are written to a temporary file and
renamed, so worker processes building the same table at once do not see a
half-written one.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Callable, Sequence

_FORMAT = 1  # this file format's version


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is off."""
    chosen = os.environ.get("QA_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qa"


def cached_arrays(name: str, stamp: str, build: Callable[[], Sequence[array]]) -> list[array]:
    """The arrays ``build`` returns, read from the cache entry ``name`` when its stamp is ``stamp``;
    else built, and written there for the next run."""
    folder = cache_dir()
    if folder is None:
        return list(build())
    path = folder / f"{name}.bin"
    full_stamp = f"{stamp}|{sys.byteorder}|format {_FORMAT}"
    found = _read(path, full_stamp)
    if found is not None:
        return found
    built = list(build())
    _write(path, full_stamp, built)
    return built


def _read(path: Path, stamp: str) -> list[array] | None:
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline())
            if header.get("stamp") != stamp:
                return None
            out = []
            for typecode, length in header["arrays"]:
                a = array(typecode)
                a.fromfile(f, length)  # EOFError when the file is short
                out.append(a)
            if f.read(1):
                return None  # longer than its header says
            return out
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return None  # missing or damaged: built again


def _write(path: Path, stamp: str, arrays: list[array]) -> None:
    header = {"stamp": stamp, "arrays": [[a.typecode, len(a)] for a in arrays]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(json.dumps(header).encode("ascii") + b"\n")
                for a in arrays:
                    a.tofile(f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: the run goes on with the table in memory
