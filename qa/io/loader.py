"""Turn command-line inputs into a stream of documents, in input order, losing nothing.

Inputs (the ``qa-report/1`` input contract), by file extension:

- ``.txt`` (or any unknown extension, given by name): one article's target;
  ``source``/``reference``/``back_translation`` name the other sides' files;
- ``.html``/``.htm``, ``.md``/``.markdown``, ``.docx``: one article, its text
  extracted (``qa.io.html``, ``qa.io.markdown``, ``qa.io.docx``) with a map
  back to the file, so findings are placed in the file; other sides as for text;
- ``.jsonl``/``.ndjson``: a corpus, one article per line (only ``target`` is
  required); a broken line becomes a document with ``error`` set;
- ``.xlf``/``.xliff`` (1.2 and 2.0), ``.po``, ``.tmx``, ``.csv``, ``.tsv``:
  translation units, read into documents whose sides are aligned unit by
  unit (``qa.io.stores``, ``qa.io.tabular``);
- a directory: every file in those formats under it, sorted; other files
  are named through ``on_skip`` (hidden files and folders are left out);
- ``-``: standard input, in the format ``stdin_filename``'s extension names
  (plain text without one).

Accounting: every input gives at least one document, and every non-blank
line of a corpus gives exactly one, in order, carrying its line number
(``metadata["line"]``). Blank (whitespace-only) corpus lines are skipped
without a document: they hold no record, and most are the trailing newline of
a concatenated file; the line numbers of the records after them stay those of
the file. A file, line or record that cannot be read is a document with
``error`` set and a message naming the file, line and reason.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping

from qa.io.decode import DecodeError, decode
from qa.model import Document, OffsetMap

# The formats read, by extension. Plain text is also what a file of any other extension is read as when
# named on the command line; in a directory only these are read.
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".md": "markdown", ".markdown": "markdown",
    ".docx": "docx",
    ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
    ".po": "po", ".pot": "po",
    ".tmx": "tmx",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
}  # fmt: skip
UNIT_FORMATS = frozenset({"xliff", "po", "tmx", "csv", "tsv"})  # files that carry their own sides
# A project's documentation beside the articles is not an article: named on stderr, not checked.
_NOT_ARTICLE = re.compile(r"^(?:readme|licen[cs]e|changelog|changes|contributing|authors|notice|copying)(?:\.|$)", re.IGNORECASE)
MAX_RECORD_BYTES = 50 * 1024 * 1024  # one article larger than this is a mistake, not news
MAX_FILE_BYTES = MAX_RECORD_BYTES  # likewise a plain-text article (and /dev/zero must not fill memory)
_CHUNK = 1024 * 1024
_SIDE_KEYS = ("source", "reference", "back_translation")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def format_of(name: str | None) -> str | None:
    """The format a file name's extension names, or None."""
    return FORMATS.get(Path(name).suffix.lower()) if name else None


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
    stdin_filename: str | None = None,
    columns: Mapping[str, str] | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Documents of every input in order (see the module docstring); ``columns`` names CSV/TSV columns by role."""
    inputs = list(inputs)
    sides = {"source": source, "reference": reference, "back_translation": back_translation}
    if any(sides.values()):
        one = inputs[0] if len(inputs) == 1 else None
        fmt = (format_of(stdin_filename) if one == "-" else format_of(one)) if one else None
        if one is None or fmt in UNIT_FORMATS or fmt == "jsonl" or (one != "-" and Path(one).is_dir()):
            raise InputError(
                "--source/--reference/--back-translation go with exactly one article file (text, HTML, Markdown or DOCX); "
                "corpora and translation files (XLIFF, PO, TMX, CSV) carry their own sides"
            )
    for lang in (source_lang, target_lang):
        if lang is not None and not _LANG.match(lang):
            raise InputError(f"language {lang!r} is not an ISO 639 code such as sr, hr, bs, en")
    if columns:
        from qa.io.tabular import columns_for

        try:
            columns_for(columns)
        except ValueError as e:
            raise InputError(str(e)) from None
    seen_ids: set[str] = set()
    options = _Options(source_lang, target_lang, columns)
    for raw in inputs:
        if raw == "-":
            yield from _load_stdin(stdin or sys.stdin.buffer, stdin_filename, sides, options, seen_ids)
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:  # a name too long, a loop of links: the read below says so
            is_dir = False
        if is_dir:
            try:
                files = _directory_files(path, on_skip)
            except OSError as e:
                yield Document.failed(_printable(raw), _describe(path, e), path=_printable(raw))
                continue
            if not files:
                yield Document.failed(
                    _printable(raw), f"{_shown(raw)}: directory holds no file in a format qa reads ({', '.join(sorted(FORMATS))})",
                    path=_printable(raw),
                )
            for f in files:
                yield from _load_path(f, {}, options, seen_ids)
        else:
            yield from _load_path(path, sides, options, seen_ids)


class _Options:
    """What every reader is given besides the bytes: the default languages and the CSV column names."""

    def __init__(self, source_lang: str | None, target_lang: str | None, columns: Mapping[str, str] | None) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.columns = columns


def count_documents(inputs: Iterable[str], limit_bytes: int = 1 << 30) -> int | None:
    """About how many documents the inputs hold (a corpus: its lines), for a progress bar; None when unknown or costly."""
    total = 0
    budget = limit_bytes
    try:
        for raw in inputs:
            if raw == "-":
                return None
            path = Path(raw)
            files = _directory_files(path, None) if path.is_dir() else [path]
            for f in files:
                if format_of(str(f)) != "jsonl":
                    total += 1
                    continue
                size = f.stat().st_size
                budget -= size
                if budget < 0:
                    return None
                with f.open("rb") as handle:
                    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(_CHUNK), b""))
                total += lines + (1 if size and not _ends_with_newline(f) else 0)
    except OSError:
        return None
    return total


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, io.SEEK_END)
        return handle.read(1) == b"\n"


def _directory_files(path: Path, on_skip: Callable[[str], None] | None) -> list[Path]:
    """The files in formats qa reads under a directory, sorted; hidden files and folders are left out, others named to ``on_skip``.

    A broken link named like an article is kept, so that it is reported
    rather than silently missing.
    """
    found = []
    for p in sorted(path.rglob("*")):
        if any(part.startswith(".") for part in p.relative_to(path).parts):
            continue
        if not (p.is_file() or (p.is_symlink() and not p.exists())):
            continue
        if format_of(p.name) is None:
            if on_skip is not None:
                on_skip(f"{_shown(p)}: skipped, not a format qa reads")
            continue
        if _NOT_ARTICLE.match(p.name):
            if on_skip is not None:
                on_skip(f"{_shown(p)}: skipped, documentation rather than an article (name it on the command line to check it)")
            continue
        found.append(p)
    return sorted(found)


def _printable(name: str) -> str:
    """A file name fit for a report: undecodable bytes in it (kept by Python as lone surrogates) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", name)


def _shown(name: object) -> str:
    """A file name inside a message: also control and bidi characters escaped, so a name cannot act on a terminal."""
    return _UNSAFE.sub(lambda m: "\ufffd" if _SURROGATE.match(m.group()) else m.group().encode("unicode_escape").decode("ascii"), str(name))


def _load_path(path: Path, sides: dict[str, str | None], options: _Options, seen: set[str]) -> Iterator[Document]:
    fmt = format_of(path.name) or "text"
    name, stem = _printable(str(path)), _printable(path.stem)
    if fmt == "jsonl":
        try:
            handle = path.open("rb")
        except OSError as e:
            yield Document.failed(stem, _describe(path, e), path=name)
            return
        with handle:
            yield from _load_jsonl(handle, path, options, seen)
        return
    try:
        data = _read_limited(path)
    except (OSError, DecodeError) as e:
        yield Document.failed(stem or name, _describe(path, e), path=name)
        return
    yield from _from_bytes(fmt, data, path, sides, options)


def _load_stdin(
    stream: BinaryIO, filename: str | None, sides: dict[str, str | None], options: _Options, seen: set[str]
) -> Iterator[Document]:
    fmt = format_of(filename) or "text"
    shown = Path(filename) if filename else Path("-")
    if fmt == "jsonl":
        yield from _load_jsonl(stream, shown, options, seen)
        return
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise DecodeError(f"larger than {MAX_FILE_BYTES:,} bytes: not one article")
    except (OSError, DecodeError) as e:
        yield Document.failed(_printable(shown.stem) if filename else "stdin", _describe(shown, e), path=_printable(filename) if filename else None)
        return
    yield from _from_bytes(fmt, data, shown if filename else None, sides, options)


def _read_limited(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise DecodeError(f"larger than {MAX_FILE_BYTES:,} bytes: not one article")
    return data


def _from_bytes(fmt: str, data: bytes, path: Path | None, sides: dict[str, str | None], options: _Options) -> Iterator[Document]:
    """The documents of one file's bytes in its format; ``path`` None for standard input without a name."""
    name = _printable(str(path)) if path is not None else None
    stem = _printable(path.stem) if path is not None else "stdin"
    shown = path if path is not None else Path("-")
    if fmt in ("xliff", "po", "tmx", "csv", "tsv"):
        from qa.io.stores import READERS, StoreError
        from qa.io.tabular import TableError, read_table

        try:
            if fmt in READERS:
                docs = list(READERS[fmt](data, name or "-", stem, options.source_lang, options.target_lang))
            else:
                text = decode(data, options.source_lang).text
                docs = list(read_table(text, "\t" if fmt == "tsv" else ",", name or "-", stem,
                                       options.source_lang, options.target_lang, options.columns))
        except (StoreError, TableError, DecodeError) as e:
            yield Document.failed(stem, _describe(shown, e), path=name)
            return
        for doc in docs:
            if doc.path == "-":
                doc.path = None
        yield from docs
        return
    try:
        text, encoding, origin = _article(fmt, data, options.source_lang)
    except (OSError, DecodeError, ValueError) as e:
        yield Document.failed(stem, _describe(shown, e), path=name)
        return
    doc = _plain(stem, name, (text, encoding), sides, options.source_lang, options.target_lang)
    if doc.error is None:
        doc.metadata["format"] = fmt
        if origin is not None:
            doc.origins["target"] = origin
    yield doc


def _article(fmt: str, data: bytes, lang: str | None) -> tuple[str, str | None, OffsetMap | None]:
    """(text, encoding, map back to the file) of one article's bytes in a text, HTML, Markdown or DOCX file."""
    if fmt == "docx":
        from qa.io.docx import extract_docx

        text, origin = extract_docx(io.BytesIO(data))
        return text, None, origin
    decoded = decode(data, lang)
    if fmt == "html":
        from qa.io.html import extract_html

        text, origin = extract_html(decoded.text)
        return text, decoded.encoding, origin
    if fmt == "markdown":
        from qa.io.markdown import extract_markdown

        text, origin = extract_markdown(decoded.text)
        return text, decoded.encoding, origin
    return decoded.text, decoded.encoding, None


def _plain(
    id: str,
    path: str | None,
    read: tuple[str, str | None] | Exception,
    sides: dict[str, str | None],
    source_lang: str | None,
    target_lang: str | None,
) -> Document:
    if isinstance(read, Exception):
        return Document.failed(id, _describe(Path(path or "-"), read), path=path)
    text, encoding = read
    doc = Document(id=id, target=text, path=path, source_lang=source_lang, target_lang=target_lang or "en")
    if encoding is not None:
        doc.metadata["encoding"] = encoding
    for side, side_path in sides.items():
        if side_path is None:
            continue
        fmt = format_of(side_path) or "text"
        try:
            if fmt in UNIT_FORMATS or fmt == "jsonl":
                raise DecodeError(f"a {fmt} file cannot be one side of an article")
            side_text, _, origin = _article(fmt, _read_limited(Path(side_path)), source_lang)
        except (OSError, DecodeError, ValueError) as e:
            return Document.failed(id, f"{side}: {_describe(Path(side_path), e)}", path=path)
        setattr(doc, side, side_text)
        if origin is not None:
            doc.origins[side] = origin  # type: ignore[index]
        doc.metadata.setdefault("paths", {})[side] = side_path  # reports locate source/reference findings
    return doc


def _load_jsonl(handle: BinaryIO, path: Path, options: _Options, seen: set[str]) -> Iterator[Document]:
    name, stem, shown = _printable(str(path)), _printable(path.stem), _shown(path)
    source_lang, target_lang = options.source_lang, options.target_lang
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
