"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy encodings detected.

Scraped and archived articles arrive as Windows-1250 Serbian, Windows-1251
Cyrillic, UTF-16 exports. charset-normalizer (the field's standard detector)
handles what is not UTF-8; the encoding used is recorded in the report.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding}: {e.reason}") from None
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not a text file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1250", "cp1251", "iso8859_2", "iso8859_5", "cp1252", "koi8_r", "mac_latin2"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text in any known encoding")
    return Decoded(str(best), best.encoding)
