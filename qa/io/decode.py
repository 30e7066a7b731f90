"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32, and the region's legacy encodings.

Scraped and archived articles arrive as Windows-1250 or ISO-8859-2 Serbian,
Croatian and Bosnian, Windows-1251 Cyrillic, UTF-16 exports. The order of
trust:

1. a byte-order mark says what the bytes are;
2. NUL bytes mean UTF-16/32 without a mark (when the NULs sit where UTF-16
   puts them and the result reads as text) or a binary file;
3. text that decodes as UTF-8 is UTF-8 (legacy text with letters above 127
   almost never does);
4. otherwise the regional single-byte encodings are each tried, and the
   decoding whose letters are plausible wins (``plausibility`` below);
   charset-normalizer, the field's general detector, is asked only when none
   of them reads as text (KOI8-R, Shift-JIS, ...).

Why not charset-normalizer alone: on a short article its statistics are thin.
"Šta će biti sa ženama? Đurđevdan je u četvrtak." in Windows-1250 comes back
as Windows-1252 "Šta æe biti sa ženama? Ðurðevdan", ISO-8859-2 "Žarko" as
Windows-1250 "®arko", and Windows-1251 "Москва" as "Ěîńęâŕ". These encodings
map the same bytes to different letters, and which letters are plausible is
exactly what we know: the articles come from Serbian, Croatian and Bosnian
(čćšžđ, or Cyrillic), a word is written in one script, and a currency sign or
a C1 control is not a letter inside a word. Scoring each candidate on that
knowledge is deterministic and right on a single name ("Vučić").

The encoding used is recorded (``doc.metadata["encoding"]``, ``"encoding"``
in the JSON report); spans index the decoded text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from qa.languages import profile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Tried in this order; on equal plausibility the earlier wins (Windows-1250 is
# what Serbian, Croatian and Bosnian sites and Word exports used).
CANDIDATES = ("cp1250", "cp1251", "iso8859_2", "cp1252")
SAMPLE_BYTES = 256 * 1024  # plausibility is judged on the start; the whole text must still decode

# Letters of the Latin alphabets of Serbian, Croatian, Bosnian, Montenegrin.
_SH_LETTERS = frozenset("čćšžđČĆŠŽĐ")
# Accented letters common in the Western European words and names news carries (Café, Zürich, Müller, São).
_COMMON_LATIN = frozenset("áàâäãåçéèêëíìîïñóòôöõúùûüÿßÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜ")
# Typography a news text uses: quotes, dashes, ellipsis, bullets, currency, degrees, nbsp.
_TYPOGRAPHY = frozenset("„“”‚‘’«»‹›–—…•·€£°§©®™±×\u00a0")
_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")
# More C0 controls than this share of the characters: not a text file. Generous, because an article
# with terminal escape sequences in it is still an article to check (QA603 reports them).
_BINARY_CONTROL_SHARE = 0.30


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, lang: str | None = None) -> Decoded:
    """Decode an article's bytes; ``lang`` (ISO 639-1) is the language its non-English letters come from, if known."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding} ({e.reason} at byte {e.start})") from None
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide
        raise DecodeError("binary data (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _require_text(text)
        return Decoded(text, "utf-8")
    return _legacy(data, lang)


def plausibility(text: str, lang: str | None = None) -> float:
    """How plausible the non-ASCII characters of a decoding are (higher is better; ASCII scores 0).

    Per non-ASCII letter: a Serbo-Croatian letter +3 (when the language is
    one of them or unknown), a common Western European accented letter +1, a
    letter in an all-Cyrillic word +2 (+1 where Cyrillic is not expected), any
    other letter 0, and -4 for every letter of a word that mixes Latin and
    Cyrillic. Per other character: typographic punctuation 0, a symbol glued
    to a letter -3, a control character -6. Every penalty is something a
    misdecoding produces and a real article does not. Linear in the text.
    """
    slavic_latin, cyrillic = _expected(lang)
    score = 0.0
    for m in _LETTERS.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        scripts = {_script(c) for c in word}
        if "LATIN" in scripts and "CYRILLIC" in scripts:
            score -= 4 * sum(1 for c in word if not c.isascii())
            continue
        for c in word:
            if c.isascii():
                continue
            if c in _SH_LETTERS:
                score += 3 if slavic_latin else 1
            elif c in _COMMON_LATIN:
                score += 1
            elif scripts == {"CYRILLIC"}:
                score += cyrillic
    score -= 6 * len(_CONTROLS.findall(text))
    n = len(text)
    for m in _SYMBOLS.finditer(text):
        c, i = m.group(), m.start()
        if c in _TYPOGRAPHY:
            continue
        if unicodedata.category(c) in ("Co", "Cn", "Cs"):
            score -= 6
        elif (i > 0 and text[i - 1].isalpha()) or (i + 1 < n and text[i + 1].isalpha()):
            score -= 3  # "®arko", "¾enama": a symbol inside a word is a letter decoded wrongly
    return score


def _expected(lang: str | None) -> tuple[bool, int]:
    """Whether the language writes South Slavic Latin letters (čćšžđ), and the score of a letter in an
    all-Cyrillic word (2 where the language is written in Cyrillic, else 1), from its profile. An unknown
    language may be either."""
    if not lang:
        return True, 2
    p = profile(lang)
    return not _SH_LETTERS.isdisjoint(p.letters), 2 if "CYRILLIC" in p.scripts_for(lang) else 1


_LETTERS = re.compile(r"[^\W\d_]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SYMBOLS = re.compile(r"[^\w\s\x00-\x9f]")


def _script(c: str) -> str:
    if c.isascii() or c <= "\u024f" or "\u1e00" <= c <= "\u1eff":
        return "LATIN"
    if "\u0400" <= c <= "\u052f":
        return "CYRILLIC"
    return "OTHER"


def _legacy(data: bytes, lang: str | None) -> Decoded:
    sample = data[:SAMPLE_BYTES]
    ranked: list[tuple[float, int, str]] = []
    for order, encoding in enumerate(CANDIDATES):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        ranked.append((plausibility(text, lang), -order, encoding))
    ranked.sort(reverse=True)
    for score, _, encoding in ranked:
        if score < 0:
            break
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # an undefined byte after the sample
        _require_text(text)
        return Decoded(text, encoding)
    return _charset_normalizer(data, lang)


def _charset_normalizer(data: bytes, lang: str | None) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text in UTF-8, Windows-1250/1251/1252, ISO-8859-2 or any encoding charset-normalizer knows")
    text = str(best)
    if plausibility(text[: SAMPLE_BYTES], lang) < 0:
        raise DecodeError(f"not text: the likeliest encoding ({best.encoding}) gives symbols and control characters, not words")
    _require_text(text)
    return Decoded(text, best.encoding)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 exported without a byte-order mark: NULs in every other byte of ASCII-range text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > 0.6 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif even > 0.6 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    try:
        _require_text(text)
    except DecodeError:
        return None
    return Decoded(text, encoding)


def _require_text(text: str) -> None:
    """Refuse a "text" that is mostly control characters (a binary file that happens to decode)."""
    if not text:
        return
    sample = text[:SAMPLE_BYTES]
    controls = sum(1 for c in sample if c < " " and c not in _WHITESPACE_CONTROLS)
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        raise DecodeError(f"binary data ({controls} control characters in the first {len(sample)}), not a text file")
