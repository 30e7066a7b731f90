"""Documents made of translation units (XLIFF, PO, TMX, CSV rows): each side joined unit by unit.

Unit *i*'s source, target, reference and back-translation become paragraph
group *i* of each side, separated by a blank line; every side gets a span
for every unit (an empty one where the unit lacks that side, such as an
untranslated PO entry), so the units line up across sides. The document
records its units (``Document.units``: id, spans, line in the file) for the
reports, and each side is a ``UnitText`` carrying the units' bounds, so the
aligner pairs source unit *i* with target unit *i* instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from qa.model import SIDES, Document, Side, Unit, UnitText

SEPARATOR = "\n\n"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass
class UnitRecord:
    """One unit as a reader found it: its id, its texts by side, its line in the file."""

    id: str
    texts: dict[Side, str] = field(default_factory=dict)
    line: int | None = None


def unit_document(
    id: str,
    path: str | None,
    records: Sequence[UnitRecord],
    source_lang: str | None,
    target_lang: str | None,
    metadata: dict[str, Any] | None = None,
) -> Document:
    """A document whose sides are the records' texts, in order, with its units recorded."""
    present = [s for s in SIDES if s == "target" or any(r.texts.get(s) is not None for r in records)]
    sides: dict[Side, UnitText] = {}
    spans: list[dict[Side, tuple[int, int]]] = [{} for _ in records]
    for side in present:
        parts, bounds, pos = [], [], 0
        for k, record in enumerate(records):
            text = _SURROGATE.sub("\ufffd", record.texts.get(side) or "")  # lone surrogates cannot be written out again
            parts.append(text)
            bounds.append((pos, pos + len(text)))
            spans[k][side] = (pos, pos + len(text))
            pos += len(text) + len(SEPARATOR)
        sides[side] = UnitText(SEPARATOR.join(parts), tuple(bounds))
    return Document(
        id=id,
        path=path,
        source_lang=source_lang,
        target_lang=target_lang or "en",
        metadata=dict(metadata or {}),
        units=tuple(Unit(r.id, spans[k], r.line) for k, r in enumerate(records)),
        **sides,  # type: ignore[arg-type]
    )
