"""The records every other module speaks in: documents, spans, findings, severities, categories.

Texts are kept exactly as read and spans are 0-based, half-open code-point
indices into them, so a finding can always be located again with
``text[start:end]`` (the contract of ``qa-report/1``).
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

Side = Literal["target", "source", "reference", "back_translation"]
SIDES: tuple[Side, ...] = ("target", "source", "reference", "back_translation")


class Severity(str, enum.Enum):
    """How much a finding matters; the weights follow MQM as used by WMT (Freitag et al., 2021)."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def weight(self) -> float:
        return _WEIGHT[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Accept a severity name in any case; raise ValueError naming the choices."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


_RANK = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}
_WEIGHT = {Severity.INFO: 0.0, Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}

CATEGORIES: frozenset[str] = frozenset(
    {
        "accuracy/mistranslation",
        "accuracy/untranslated",
        "accuracy/omission",
        "accuracy/addition",
        "fluency/grammar",
        "fluency/punctuation",
        "fluency/spelling",
        "fluency/inconsistency",
        "fluency/repetition",
        "style/awkward",
        "terminology/inconsistent",
        "terminology/glossary",
        "locale/number-format",
        "locale/date-format",
        "locale/currency-format",
        "locale/name-format",
        "content/boilerplate",
        "content/duplicate",
        "content/markup",
        "content/encoding",
        "other",
    }
)

# Findings of these categories mark text the editor deletes (page chrome, a repeated paragraph). The
# order is the engine's precedence when two of them cover the same span: chrome first.
DELETION_CATEGORIES: tuple[str, ...] = ("content/boilerplate", "content/duplicate")


@dataclass(frozen=True)
class Span:
    """A stretch of one side's unmodified text."""

    side: Side
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """What a rule yields: where, why, and what to write instead.

    A rule never decides severity or output format; the engine adds the
    rule's metadata and the configured severity to make a ``Finding``.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    side: Side = "target"
    related: tuple[Span, ...] = ()
    severity: Severity | None = None  # a rule may lower/raise its default for one hit (e.g. idiom ambiguity)


@dataclass(frozen=True)
class Unit:
    """A translation unit (XLIFF trans-unit or segment, PO entry, TMX tu, CSV row) of a document made of units.

    Its text on each side is a stretch of that side (``spans``), so the unit
    of any finding is found from the finding's side and offset; ``line`` is
    where the unit starts in its file, for reports that point into files.
    """

    id: str
    spans: Mapping[Side, tuple[int, int]]
    line: int | None = None


class UnitText(str):
    """A side's text joined from translation units, carrying each unit's (start, end) in it.

    Why a ``str``: the engine hands each side to the rules as a string, and
    the aligner (``qa.align``) sees only that string. The bounds travel with
    it, so source unit *i* is paired with target unit *i* instead of being
    guessed from lengths. Any string operation returns a plain ``str``.
    """

    bounds: tuple[tuple[int, int], ...]

    def __new__(cls, text: str, bounds: tuple[tuple[int, int], ...]) -> UnitText:
        self = super().__new__(cls, text)
        self.bounds = bounds
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled to worker processes with its bounds
        return (UnitText, (str(self), self.bounds))


@dataclass(frozen=True)
class OffsetMap:
    """From offsets in text extracted from a file (HTML, Markdown, DOCX) back to that file.

    Piecewise: piece *i* is the extracted text ``text_starts[i]:text_starts[i + 1]``
    (the last entry is the text's length), read from the file's
    ``file_starts[i]:file_ends[i]``. A piece of equal length on both sides was
    copied and maps offset by offset; any other (an entity decoded,
    whitespace collapsed, a line break made from a tag) maps as a whole, its
    start to the start and its end to the end. ``line_starts`` are the file
    offsets where its lines begin (for DOCX: its paragraphs), so a position
    is the 1-based (line, column) an editor shows.
    """

    text_starts: tuple[int, ...]
    file_starts: tuple[int, ...]
    file_ends: tuple[int, ...]
    line_starts: tuple[int, ...] = (0,)

    def file_offset(self, offset: int, end: bool = False) -> int:
        """The file offset of a text offset; ``end`` for a span's exclusive end (kept after the piece it closes)."""
        ts = self.text_starts
        if len(ts) < 2:
            return 0
        i = bisect.bisect_right(ts, offset) - 1
        if end and 0 < i and offset == ts[i]:
            i -= 1  # a span ending where a piece starts ends where the previous piece ends in the file
        i = min(max(i, 0), len(ts) - 2)
        start, fs, fe = ts[i], self.file_starts[i], self.file_ends[i]
        if ts[i + 1] - start == fe - fs:
            return fs + min(max(offset - start, 0), fe - fs)
        return fe if end and offset > start else fs

    def position(self, file_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset."""
        line = bisect.bisect_right(self.line_starts, file_offset) - 1
        return line + 1, file_offset - self.line_starts[line] + 1


@dataclass
class Document:
    """One article: the target (required) and whatever other sides are known."""

    id: str
    target: str
    source: str | None = None
    reference: str | None = None
    back_translation: str | None = None
    source_lang: str | None = None
    target_lang: str | None = "en"
    path: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # set when the document could not be read: it is reported, never dropped
    # Where the texts came from, for reports: the translation units a document is made of (in order),
    # and for a side extracted from markup (HTML, Markdown, DOCX) the way back to its file.
    units: tuple[Unit, ...] = ()
    origins: dict[Side, OffsetMap] = field(default_factory=dict)

    def side(self, name: Side) -> str | None:
        return getattr(self, name)

    def unit_at(self, side: Side, offset: int) -> Unit | None:
        """The unit whose text on ``side`` holds ``offset`` (its end included: an empty span just after its text)."""
        if not self.units:
            return None
        starts = self.__dict__.setdefault("_unit_starts", {})
        if side not in starts:
            starts[side] = [u.spans[side][0] if side in u.spans else -1 for u in self.units]
        i = bisect.bisect_right(starts[side], offset) - 1
        if i < 0 or side not in self.units[i].spans:
            return None
        unit = self.units[i]
        s, e = unit.spans[side]
        return unit if s <= offset <= e else None
    @classmethod
    def failed(cls, id: str, error: str, path: str | None = None, **metadata: Any) -> Document:
        """A document that could not be read, kept so the report accounts for every input."""
        return cls(id=id, target="", path=path, error=error, metadata=dict(metadata))


@dataclass(frozen=True)
class Finding:
    """A located, categorised, weighted report of one problem."""

    rule: str
    name: str
    category: str
    severity: Severity
    side: Side
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    message: str
    suggestion: str | None = None
    related: tuple[Mapping[str, Any], ...] = ()

    @property
    def weight(self) -> float:
        """MQM weight; minor punctuation counts 0.1 as in Freitag et al. (2021)."""
        if self.severity is Severity.MINOR and self.category == "fluency/punctuation":
            return 0.1
        return self.severity.weight
