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

An entry is read by mapping the file into memory, not by copying it: the
arrays are views of the file's pages, of which a run keeps resident only
those its lookups touch (a word table is looked up by bisection, a few pages
a word), and worker processes share them with each other through the page
cache.
"""

from __future__ import annotations

import json
import mmap
import os
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Callable, Sequence

_FORMAT = 2  # this file format's version
_ALIGN = 8  # the header and each array are padded to a multiple of this many bytes, so every view is aligned


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is off."""
    chosen = os.environ.get("QA_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qa"


Table = Sequence[int]  # an array.array, or a read-only memoryview of a cache file in the same type


def cached_arrays(name: str, stamp: str, build: Callable[[], Sequence[array]]) -> list[Table]:
    """The arrays ``build`` returns, read from the cache entry ``name`` when its stamp is ``stamp``;
    else built, and written there for the next run. Read from the cache, they are read-only
    memoryviews of the mapped file with the arrays' type codes."""
    folder = cache_dir()
    if folder is None:
        return list(build())
    path = folder / f"{name}.bin"
    full_stamp = f"{stamp}|{sys.byteorder}|format {_FORMAT}"
    found = _read(path, full_stamp)
    if found is not None:
        return found
    built = list(build())
    if _write(path, full_stamp, built):
        found = _read(path, full_stamp)  # the file's pages, not the built copy: this run shares them too
        if found is not None:
            return found
    return built


def _padded(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def _read(path: Path, stamp: str) -> list[Table] | None:
    try:
        with path.open("rb") as f:
            line = f.readline()
            header = json.loads(line)
            if header.get("stamp") != stamp:
                return None
            size = os.fstat(f.fileno()).st_size
            offset = _padded(len(line))
            layout = []
            for typecode, length in header["arrays"]:
                nbytes = array(typecode).itemsize * length
                layout.append((typecode, offset, nbytes))
                offset += _padded(nbytes)
            if offset != size:
                return None  # cut short, or longer than its header says
            if size == _padded(len(line)):
                return [array(typecode) for typecode, _, _ in layout]  # every array empty: nothing to map
            mapped = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))  # stays mapped as long as a view lives
            return [mapped[start : start + nbytes].cast("B").cast(typecode) for typecode, start, nbytes in layout]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: built again


def _write(path: Path, stamp: str, arrays: list[array]) -> bool:
    """Write an entry (header, then each array, each padded to ``_ALIGN`` bytes); False when the cache
    cannot be written."""
    line = json.dumps({"stamp": stamp, "arrays": [[a.typecode, len(a)] for a in arrays]}).encode("ascii") + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(line + bytes(_padded(len(line)) - len(line)))
                for a in arrays:
                    data = a.tobytes()
                    f.write(data + bytes(_padded(len(data)) - len(data)))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False  # a read-only or full disk: the run goes on with the table in memory
    return True
