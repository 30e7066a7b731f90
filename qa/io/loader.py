"""Turn command-line inputs into a stream of documents, in input order, losing nothing.

Inputs (the ``qa-report/1`` input contract):

- a plain text file is one article's target; ``source``/``reference``/
  ``back_translation`` name the other sides' files;
- a ``.jsonl`` file is a corpus, one article per line (only ``target`` is
  required); a broken line becomes a document with ``error`` set;
- a directory is read file by file (``.txt``, ``.text``, ``.jsonl``), sorted;
- ``-`` reads standard input.
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
_SIDE_KEYS = ("source", "reference", "back_translation")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class InputError(ValueError):
    """A usage mistake about inputs (e.g. --source with several targets): exit 2 before checking."""


def read_text_file(path: Path) -> tuple[str, str]:
    """(text, encoding) of a file; raises OSError or DecodeError with a readable message."""
    data = path.read_bytes()
    decoded = decode(data)
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
            yield _plain("stdin", None, _read_stream(stdin or sys.stdin.buffer), sides, source_lang, target_lang)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield Document.failed(raw, f"{raw}: directory holds no .txt or .jsonl files", path=raw)
            for f in files:
                yield from _load_path(f, {}, source_lang, target_lang, seen_ids)
        else:
            yield from _load_path(path, sides, source_lang, target_lang, seen_ids)


def _is_corpus(raw: str) -> bool:
    return Path(raw).suffix.lower() in CORPUS_SUFFIXES


def _load_path(
    path: Path, sides: dict[str, str | None], source_lang: str | None, target_lang: str | None, seen: set[str]
) -> Iterator[Document]:
    if path.suffix.lower() in CORPUS_SUFFIXES:
        yield from _load_jsonl(path, source_lang, target_lang, seen)
        return
    try:
        text, encoding = read_text_file(path)
    except (OSError, DecodeError) as e:
        yield Document.failed(path.stem or str(path), _describe(path, e), path=str(path))
        return
    yield _plain(path.stem, str(path), (text, encoding), sides, source_lang, target_lang)


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
            side_text, _ = read_text_file(Path(side_path))
        except (OSError, DecodeError) as e:
            return Document.failed(id, f"{side}: {_describe(Path(side_path), e)}", path=path)
        setattr(doc, side, side_text)
    return doc


def _read_stream(stream: BinaryIO) -> tuple[str, str] | Exception:
    try:
        decoded = decode(stream.read())
    except (OSError, DecodeError) as e:
        return e
    return decoded.text, decoded.encoding


def _load_jsonl(path: Path, source_lang: str | None, target_lang: str | None, seen: set[str]) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Document.failed(path.stem, _describe(path, e), path=str(path))
        return
    with handle:
        for lineno, line in enumerate(handle, start=1):
            fallback_id = f"{path.stem}:{lineno}"
            if not line.strip():
                continue
            doc = _record(line, fallback_id, str(path), lineno, source_lang, target_lang)
            if doc.error is None and doc.id in seen:
                doc = Document.failed(doc.id, f"{path}:{lineno}: id {doc.id!r} repeats an earlier record's id", path=str(path), line=lineno)
            seen.add(doc.id)
            yield doc


def _record(
    line: bytes, fallback_id: str, path: str, lineno: int, source_lang: str | None, target_lang: str | None
) -> Document:
    where = f"{path}:{lineno}"
    if len(line) > MAX_RECORD_BYTES:
        return Document.failed(fallback_id, f"{where}: record of {len(line):,} bytes exceeds {MAX_RECORD_BYTES:,}", path=path, line=lineno)
    try:
        record: Any = json.loads(line.decode("utf-8-sig" if lineno == 1 else "utf-8"))
    except UnicodeDecodeError as e:
        return Document.failed(fallback_id, f"{where}: not UTF-8 ({e.reason} at byte {e.start})", path=path, line=lineno)
    except json.JSONDecodeError as e:
        return Document.failed(fallback_id, f"{where}: not valid JSON ({e.msg}, column {e.colno})", path=path, line=lineno)
    if not isinstance(record, dict):
        return Document.failed(fallback_id, f"{where}: a record must be a JSON object", path=path, line=lineno)
    raw_id = record.get("id", fallback_id)
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else fallback_id
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
    if isinstance(e, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(e, IsADirectoryError):
        return f"{path}: is a directory"
    if isinstance(e, PermissionError):
        return f"{path}: permission denied"
    if isinstance(e, OSError):
        return f"{path}: cannot read ({e.strerror or e})"
    return f"{path}: {e}"
