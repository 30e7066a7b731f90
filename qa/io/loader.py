"""Turn command-line inputs into a stream of documents, in input order, losing nothing.

Inputs (the ``qa-report/1`` input contract):

- a plain text file is one article's target; ``source``/``reference``/
  ``back_translation`` name the other sides' files;
- a ``.jsonl`` file is a corpus, one article per line (only ``target`` is
  required); a broken line becomes a document with ``error`` set;
- a directory is read file by file (``.txt``, ``.text``, ``.jsonl``), sorted;
- ``-`` reads standard input.

Accounting: every input gives at least one document, and every non-blank
line of a corpus gives exactly one, in order, carrying its line number
(``metadata["line"]``). Blank (whitespace-only) corpus lines are skipped
without a document: they hold no record, and most are the trailing newline of
a concatenated file; the line numbers of the records after them stay those of
the file. A file, line or record that cannot be read is a document with
``error`` set and a message naming the file, line and reason.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from qa.io.decode import DecodeError, decode
from qa.model import Document

TEXT_SUFFIXES = (".txt", ".text")  # in a directory; a README.md beside the articles is not one
CORPUS_SUFFIXES = (".jsonl", ".ndjson")
MAX_RECORD_BYTES = 50 * 1024 * 1024  # one article larger than this is a mistake, not news
MAX_FILE_BYTES = MAX_RECORD_BYTES  # likewise a plain-text article (and /dev/zero must not fill memory)
_CHUNK = 1024 * 1024
_SIDE_KEYS = ("source", "reference", "back_translation")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


class InputError(ValueError):
    """A usage mistake about inputs (e.g. --source with several targets): exit 2 before checking."""


def read_text_file(path: Path, lang: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a file; raises OSError or DecodeError with a readable message.

    ``lang`` is the language the text's non-English letters come from (the
    source language), which settles Windows-1250 against Windows-1252.
    """
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise DecodeError(f"larger than {MAX_FILE_BYTES:,} bytes: not one article")
    decoded = decode(data, lang)
    return decoded.text, decoded.encoding


def load_documents(
    inputs: Iterable[str],
    *,
    source: str | None = None,
    reference: str | None = None,
    back_translation: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    inputs = list(inputs)
    sides = {"source": source, "reference": reference, "back_translation": back_translation}
    if any(sides.values()) and (len(inputs) != 1 or _is_corpus(inputs[0]) or Path(inputs[0]).is_dir()):
        raise InputError("--source/--reference/--back-translation go with exactly one plain-text target file")
    for lang in (source_lang, target_lang):
        if lang is not None and not _LANG.match(lang):
            raise InputError(f"language {lang!r} is not an ISO 639 code such as sr, hr, bs, en")
    seen_ids: set[str] = set()
    for raw in inputs:
        if raw == "-":
            yield _plain("stdin", None, _read_stream(stdin or sys.stdin.buffer, source_lang), sides, source_lang, target_lang)
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:  # a name too long, a loop of links: the read below says so
            is_dir = False
        if is_dir:
            try:
                files = _directory_files(path)
            except OSError as e:
                yield Document.failed(_printable(raw), _describe(path, e), path=_printable(raw))
                continue
            if not files:
                yield Document.failed(_printable(raw), f"{_shown(raw)}: directory holds no .txt or .jsonl files", path=_printable(raw))
            for f in files:
                yield from _load_path(f, {}, source_lang, target_lang, seen_ids)
        else:
            yield from _load_path(path, sides, source_lang, target_lang, seen_ids)


def _directory_files(path: Path) -> list[Path]:
    """The articles and corpora under a directory, sorted; hidden files and folders are left out.

    A broken link named like an article is kept, so that it is reported
    rather than silently missing.
    """
    found = []
    for p in path.rglob("*"):
        if p.suffix.lower() not in TEXT_SUFFIXES + CORPUS_SUFFIXES:
            continue
        if any(part.startswith(".") for part in p.relative_to(path).parts):
            continue
        if p.is_file() or (p.is_symlink() and not p.exists()):
            found.append(p)
    return sorted(found)


def _printable(name: str) -> str:
    """A file name fit for a report: undecodable bytes in it (kept by Python as lone surrogates) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", name)


def _shown(name: object) -> str:
    """A file name inside a message: also control and bidi characters escaped, so a name cannot act on a terminal."""
    return _UNSAFE.sub(lambda m: "\ufffd" if _SURROGATE.match(m.group()) else m.group().encode("unicode_escape").decode("ascii"), str(name))


def _is_corpus(raw: str) -> bool:
    return Path(raw).suffix.lower() in CORPUS_SUFFIXES


def _load_path(
    path: Path, sides: dict[str, str | None], source_lang: str | None, target_lang: str | None, seen: set[str]
) -> Iterator[Document]:
    if path.suffix.lower() in CORPUS_SUFFIXES:
        yield from _load_jsonl(path, source_lang, target_lang, seen)
        return
    name = _printable(str(path))
    try:
        text, encoding = read_text_file(path, source_lang)
    except (OSError, DecodeError) as e:
        yield Document.failed(_printable(path.stem) or name, _describe(path, e), path=name)
        return
    yield _plain(_printable(path.stem), name, (text, encoding), sides, source_lang, target_lang)


def _plain(
    id: str,
    path: str | None,
    read: tuple[str, str] | Exception,
    sides: dict[str, str | None],
    source_lang: str | None,
    target_lang: str | None,
) -> Document:
    if isinstance(read, Exception):
        return Document.failed(id, _describe(Path(path or "-"), read), path=path)
    text, encoding = read
    doc = Document(id=id, target=text, path=path, source_lang=source_lang, target_lang=target_lang or "en")
    doc.metadata["encoding"] = encoding
    for side, side_path in sides.items():
        if side_path is None:
            continue
        try:
            side_text, _ = read_text_file(Path(side_path), source_lang)
        except (OSError, DecodeError) as e:
            return Document.failed(id, f"{side}: {_describe(Path(side_path), e)}", path=path)
        setattr(doc, side, side_text)
        doc.metadata.setdefault("paths", {})[side] = side_path  # reports locate source/reference findings
    return doc


def _read_stream(stream: BinaryIO, lang: str | None) -> tuple[str, str] | Exception:
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise DecodeError(f"larger than {MAX_FILE_BYTES:,} bytes: not one article")
        decoded = decode(data, lang)
    except (OSError, DecodeError) as e:
        return e
    return decoded.text, decoded.encoding


def _load_jsonl(path: Path, source_lang: str | None, target_lang: str | None, seen: set[str]) -> Iterator[Document]:
    name, stem, shown = _printable(str(path)), _printable(path.stem), _shown(path)
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Document.failed(stem, _describe(path, e), path=name)
        return
    with handle:
        lineno = 0
        try:
            for lineno, line, size in _lines(handle):
                fallback_id = f"{stem}:{lineno}"
                if line is None:
                    yield Document.failed(
                        fallback_id, f"{shown}:{lineno}: record of {size:,} bytes exceeds {MAX_RECORD_BYTES:,}", path=name, line=lineno
                    )
                    continue
                if not line.strip():
                    continue
                doc = _record(line, fallback_id, name, lineno, source_lang, target_lang, shown)
                if doc.error is None and doc.id in seen:
                    doc = Document.failed(doc.id, f"{shown}:{lineno}: id {doc.id!r} repeats an earlier record's id", path=name, line=lineno)
                seen.add(doc.id)
                yield doc
        except OSError as e:  # the file went away or the disk failed mid-read: say where
            yield Document.failed(f"{stem}:{lineno + 1}", f"{_describe(path, e)} (at line {lineno + 1})", path=name, line=lineno + 1)


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size) for each line; a line over ``MAX_RECORD_BYTES`` is skipped unread (``None``)."""
    lineno = 0
    while True:
        line = handle.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= MAX_RECORD_BYTES or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield lineno, None, size


def _record(
    line: bytes, fallback_id: str, path: str, lineno: int, source_lang: str | None, target_lang: str | None, shown: str
) -> Document:
    where = f"{shown}:{lineno}"
    if len(line.rstrip(b"\r\n")) > MAX_RECORD_BYTES:
        return Document.failed(fallback_id, f"{where}: record of {len(line):,} bytes exceeds {MAX_RECORD_BYTES:,}", path=path, line=lineno)
    try:
        record: Any = json.loads(line.decode("utf-8-sig" if lineno == 1 else "utf-8"))
    except UnicodeDecodeError as e:
        return Document.failed(fallback_id, f"{where}: not UTF-8 ({e.reason} at byte {e.start})", path=path, line=lineno)
    except json.JSONDecodeError as e:
        return Document.failed(fallback_id, f"{where}: not valid JSON ({e.msg}, column {e.colno})", path=path, line=lineno)
    if not isinstance(record, dict):
        return Document.failed(fallback_id, f"{where}: a record must be a JSON object", path=path, line=lineno)
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return Document.failed(fallback_id, f"{where}: 'id' must be a string or an integer, not {type(raw_id).__name__}", path=path, line=lineno)
    doc_id = _SURROGATE.sub("\ufffd", str(raw_id)) if raw_id is not None and str(raw_id).strip() else fallback_id
    if "target" not in record:
        return Document.failed(doc_id, f"{where}: record has no 'target'", path=path, line=lineno)
    fields: dict[str, Any] = {}
    for key in ("target", *_SIDE_KEYS):
        value = record.get(key)
        if key != "target" and value is None:
            continue
        if not isinstance(value, str):
            return Document.failed(doc_id, f"{where}: {key!r} must be a string, not {type(value).__name__}", path=path, line=lineno)
        fields[key] = _SURROGATE.sub("\ufffd", value)  # lone surrogates cannot be written out again
    langs = {}
    for key, default in (("source_lang", source_lang), ("target_lang", target_lang)):
        value = record.get(key) or default
        if value is not None and (not isinstance(value, str) or not _LANG.match(value)):
            return Document.failed(doc_id, f"{where}: {key!r} must be an ISO 639 code, not {value!r}", path=path, line=lineno)
        langs[key] = value
    metadata = {k: v for k, v in record.items() if k not in ("id", "target", *_SIDE_KEYS, "source_lang", "target_lang")}
    metadata["line"] = lineno
    return Document(
        id=doc_id,
        path=path,
        source_lang=langs["source_lang"],
        target_lang=langs["target_lang"] or "en",
        metadata=metadata,
        **fields,
    )


def _describe(path: Path, e: Exception) -> str:
    shown = _shown(path)
    if isinstance(e, FileNotFoundError):
        return f"{shown}: no such file"
    if isinstance(e, IsADirectoryError):
        return f"{shown}: is a directory"
    if isinstance(e, PermissionError):
        return f"{shown}: permission denied"
    if isinstance(e, OSError):
        return f"{shown}: cannot read ({e.strerror or type(e).__name__})"
    return f"{shown}: {e}"
