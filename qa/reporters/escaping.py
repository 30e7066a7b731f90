"""Article text made safe to show: invisible and control characters turned into visible escapes.

Articles are scraped text; they may hold terminal escape sequences, bidi
overrides, zero-width spaces or NULs. A report shows them as ``\\x1b`` or
``\\u200b`` instead of letting them act, and XML formats get no character
that XML 1.0 forbids.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u2028\u2029\u2060-\u2064]")
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode("ascii")


def visible(s: str) -> str:
    """Make control and invisible characters visible (``\\x1b``, ``\\u200b``) instead of letting them act."""
    return _CONTROL.sub(_escape, s)


def xml_safe(s: str) -> str:
    """``visible`` text with nothing XML 1.0 cannot carry (lone surrogates, C0 controls)."""
    return _NOT_XML.sub(_escape, visible(s))
