"""Encoding damage: mojibake, replacement characters, control and invisible characters."""

from __future__ import annotations

import re
from typing import Iterator

from qa.model import Hit
from qa.registry import rule
from qa.text import Text

# Runs of text that ftfy might repair: non-ASCII letters glued to symbols typical of UTF-8 read as cp1252/latin-1.
# A whole non-space run containing the tell-tale pair; the lookahead keeps it linear on long runs.
_SUSPECT = re.compile(r"(?<!\S)(?=\S*[\u00c2-\u00c5\u00d0\u00e2\u0100-\u017f\u0192\u02c6\u02dc\u2018-\u203a\u20ac\u2122][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u203a\u20ac\u2122])\S+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")


@rule("QA601", "mojibake", "content/encoding", "major")
def mojibake(target: Text) -> Iterator[Hit]:
    r"""Text decoded with the wrong encoding ("â€™" for an apostrophe, "naÅ¡a" for "naša").

    Why: an article stored as UTF-8 and read as Windows-1252 (or the other way
    round) garbles every quote mark and every Serbian letter with a diacritic.
    ftfy, the standard repair library, tells mojibake from real text.

    Bad: The minister said itâ€™s over.
    Bad: He quoted the slogan "naÅ¡a zemlja" in Belgrade.
    Good: The minister said it’s over; Vučić met Đoković in Niš. Déjà vu — 5 €.

    Known limits: Windows-1250 text read as Windows-1252 ("Vuèiæ" for
    "Vučić") is not reported: those letters are plausible in other languages.
    """
    if target.raw.isascii():
        return  # every mojibake sequence has a character above U+007F
    import ftfy
    from ftfy.badness import is_bad

    for m in _SUSPECT.finditer(target.raw):
        chunk = m.group()
        if not is_bad(chunk):
            continue
        fixed = ftfy.fix_encoding(chunk)
        if fixed == chunk:
            continue
        yield Hit(m.start(), m.end(), f"mojibake: {chunk!r} looks like {fixed!r} decoded with the wrong encoding", suggestion=fixed)


@rule("QA602", "replacement-character", "content/encoding", "major")
def replacement_character(target: Text) -> Iterator[Hit]:
    r"""The Unicode replacement character (U+FFFD, "�"): a letter lost in decoding.

    Why: "Vu�i�" means the original letters are gone for good; the text must
    be taken again from the source.

    Bad: Talks with Vu\ufffdi\ufffd ended.
    Good: Talks with Vučić ended.

    Known limits: a letter replaced by "?" during conversion is not detected.
    """
    for m in re.finditer("\ufffd+", target.raw):
        yield Hit(m.start(), m.end(), "replacement character: the original letter was lost in decoding")


@rule("QA603", "control-character", "content/encoding", "minor")
def control_character(target: Text) -> Iterator[Hit]:
    r"""Control characters and invisible formatting characters (zero-width, bidirectional controls) in the text.

    Why: they come from copy-paste and CMS exports, break search and
    word counts, and bidirectional controls can make text display in a
    different order from the one stored.

    Bad: The vote\u200b was postponed.
    Good: The vote was postponed.

    Known limits: tabs and line breaks are allowed; a non-breaking space is
    allowed.
    """
    for pattern, what in ((_CONTROL, "control character"), (_INVISIBLE, "invisible formatting character")):
        for m in pattern.finditer(target.raw):
            codes = " ".join(f"U+{ord(c):04X}" for c in m.group()[:4])
            yield Hit(m.start(), m.end(), f"{what} {codes} in the text", suggestion="")
