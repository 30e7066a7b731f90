"""Translation files (XLIFF 1.2 and 2.0, PO, TMX) read through translate-toolkit's storage classes.

translate-toolkit (``translate.storage``) is the field's long-kept reader
of these formats: ``xliff.Xliff1File`` (XLIFF 1.x), ``xliff2.Xliff2File``
(XLIFF 2.0, segments of a multi-segment unit exposed one by one as
``unit::segment``), ``po.pofile`` and ``tmx.tmxfile``. It gives the units,
their ids, whether they are to be translated, plural forms, the file's
languages and each unit's line.

The text of an XLIFF or TMX unit is read from the unit's element with its
inline codes left out: translate-toolkit's ``source``/``target`` keep the
native markup an inline code carries (``<ph>&lt;br/&gt;</ph>`` reads
``<br/>``), and markup is not text to check. Codes (XLIFF 1.2 ``ph``,
``bpt``, ``ept``, ``it``, ``x``, ``bx``, ``ex``; XLIFF 2.0 ``ph``, ``sc``,
``ec``, ``sm``, ``em``; TMX ``ph``, ``bpt``, ``ept``, ``it``, ``ut``) are
dropped; wrappers (``g``, ``mrk``, ``pc``, ``hi``) keep their text; an
XLIFF 2.0 ``cp`` is its character.

Each XLIFF ``<file>`` is one document (an article); a PO or TMX file is one
document. The file's languages are the document's (``source-language`` /
``srcLang``, PO ``Language`` and ``X-Source-Language``, TMX ``srclang`` and
the other ``xml:lang``); the command line's are used where the file has none.
"""

from __future__ import annotations

import io
from typing import Any, Callable, Iterator

from qa.io.units import UnitRecord, unit_document
from qa.model import Document

_CODES = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"})


class StoreError(ValueError):
    """A translation file that its reader cannot parse; the message says which format and why."""


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def inline_text(element: Any) -> str:
    """The text of a source/target/seg element without its inline codes (see the module docstring)."""
    parts = [element.text or ""]
    for child in element:
        name = _local(child.tag)
        if name == "cp":
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        elif name and name not in _CODES:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _child(element: Any, name: str) -> Any | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _parse(kind: str, factory: Callable[[], Any]) -> Any:
    try:
        return factory()
    except Exception as e:  # lxml, the PO parser and the storage classes raise many kinds: all mean "not readable"
        message = str(e).replace("(<string>, line", "(line").strip() or type(e).__name__
        raise StoreError(f"not a valid {kind} file ({message})") from None


def read_xliff(data: bytes, path: str, stem: str, source_lang: str | None, target_lang: str | None) -> Iterator[Document]:
    root = _parse("XLIFF", lambda: _root(data))
    version = root.get("version", "")
    if version.startswith("2") or (not version and ":2." in _namespace(root.tag)):
        from translate.storage.xliff2 import Xliff2File

        store = _parse("XLIFF 2.0", lambda: Xliff2File.parsestring(data))
        langs = (root.get("srcLang"), root.get("trgLang"))
        files = _by_file(store.units, lambda u: _ancestor(u.xmlelement, "file"))
        for n, (file_el, units) in enumerate(files):
            name = (file_el.get("original") or file_el.get("id")) if file_el is not None else None
            name = name or str(n + 1)
            records = [_xliff_record(u, u.getid()) for u in units if u.istranslatable()]
            yield _document(stem, name, len(files), path, records, langs, source_lang, target_lang, "xliff-2.0")
        return
    from translate.storage.xliff import Xliff1File

    store = _parse("XLIFF", lambda: Xliff1File.parsestring(data))
    files = _by_file(store.units, lambda u: _ancestor(u.xmlelement, "file"))
    for n, (file_el, units) in enumerate(files):
        langs = (file_el.get("source-language"), file_el.get("target-language")) if file_el is not None else (None, None)
        name = (file_el.get("original") if file_el is not None else None) or str(n + 1)
        records = [_xliff_record(u, u.xmlelement.get("id") or u.getid().split("\x04")[-1]) for u in units if u.istranslatable()]
        yield _document(stem, name, len(files), path, records, langs, source_lang, target_lang, f"xliff-{version or '1.2'}")


def _root(data: bytes) -> Any:
    """The root element alone (its version and namespace tell XLIFF 1.x from 2.0), without parsing the rest."""
    from lxml import etree

    for _, element in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True):
        return element
    raise ValueError("no root element")


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _ancestor(element: Any, name: str) -> Any | None:
    for parent in element.iterancestors():
        if _local(parent.tag) == name:
            return parent
    return None


def _by_file(units: list[Any], file_of: Callable[[Any], Any]) -> list[tuple[Any, list[Any]]]:
    groups: list[tuple[Any, list[Any]]] = []
    for unit in units:
        element = file_of(unit)
        if groups and groups[-1][0] is element:
            groups[-1][1].append(unit)
        else:
            groups.append((element, [unit]))
    return groups


def _xliff_record(unit: Any, unit_id: str) -> UnitRecord:
    element = unit.xmlelement
    record = UnitRecord(id=str(unit_id), line=element.sourceline)
    for side, name in (("source", "source"), ("target", "target")):
        node = _child(element, name)
        if node is not None:
            record.texts[side] = inline_text(node)  # type: ignore[index]
    return record


def _document(
    stem: str,
    name: str,
    files: int,
    path: str,
    records: list[UnitRecord],
    langs: tuple[str | None, str | None],
    source_lang: str | None,
    target_lang: str | None,
    kind: str,
) -> Document:
    doc_id = stem if files == 1 else f"{stem}/{name}"
    return unit_document(doc_id, path, records, langs[0] or source_lang, langs[1] or target_lang, {"format": kind})


def read_po(data: bytes, path: str, stem: str, source_lang: str | None, target_lang: str | None) -> Iterator[Document]:
    from translate.storage.po import pofile

    store = _parse("PO", lambda: pofile.parsestring(data))
    header = store.parseheader() if store.units and store.units[0].isheader() else {}
    records: list[UnitRecord] = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete() or not str(unit.source).strip():
            continue
        base = unit.getcontext() or (unit.getlocations() or [None])[0] or f"line {unit.line_number}"
        sources = list(getattr(unit.source, "strings", [str(unit.source)]))
        targets = list(getattr(unit.target, "strings", [str(unit.target or "")])) or [""]
        for k, target in enumerate(targets):
            unit_id = f"{base}[{k}]" if unit.hasplural() else base
            records.append(UnitRecord(unit_id, {"source": sources[min(k, len(sources) - 1)], "target": target}, unit.line_number))
    langs = (header.get("X-Source-Language") or None, header.get("Language") or None)
    yield _document(stem, stem, 1, path, records, langs, source_lang, target_lang, "po")


def read_tmx(data: bytes, path: str, stem: str, source_lang: str | None, target_lang: str | None) -> Iterator[Document]:
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage.tmx import tmxfile

    store = _parse("TMX", lambda: tmxfile(io.BytesIO(data)))
    header_lang = store.sourcelanguage or source_lang
    records: list[UnitRecord] = []
    found_target: str | None = None
    for n, unit in enumerate(store.units, 1):
        tuvs = [(getXMLlang(t) or "", t) for t in unit.getlanguageNodes()]
        if not tuvs:
            continue
        src = next((t for lang, t in tuvs if _same(lang, header_lang)), tuvs[0][1])
        others = [(lang, t) for lang, t in tuvs if t is not src]
        tgt = next((t for lang, t in others if _same(lang, target_lang)), None) if target_lang else None
        if tgt is None and others:
            tgt = others[0][1]
        if tgt is not None and found_target is None:
            found_target = next(lang for lang, t in others if t is tgt)
        record = UnitRecord(id=unit.xmlelement.get("tuid") or f"tu {n}", line=unit.xmlelement.sourceline)
        for side, tuv in (("source", src), ("target", tgt)):
            seg = _child(tuv, "seg") if tuv is not None else None
            if seg is not None:
                record.texts[side] = inline_text(seg)  # type: ignore[index]
        records.append(record)
    yield _document(stem, stem, 1, path, records, (header_lang, found_target), source_lang, target_lang, "tmx")


def _same(lang: str | None, wanted: str | None) -> bool:
    """Language tags match on their primary subtag (``en-US`` is ``en``)."""
    if not lang or not wanted:
        return False
    return lang.lower().replace("_", "-").split("-")[0] == wanted.lower().replace("_", "-").split("-")[0]


READERS: dict[str, Callable[[bytes, str, str, str | None, str | None], Iterator[Document]]] = {
    "xliff": read_xliff,
    "po": read_po,
    "tmx": read_tmx,
}

