"""What a rule may know besides the texts it is given: the document's languages and the run's configuration.

The engine builds one ``Context`` per document; rules only read it. The
languages come as profiles (``qa.languages``), resolved once per document:
a rule asks ``ctx.source`` what it needs (its function words, its numbers,
its name for the language), never a list of codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.align import SentencePair, align_texts
from qa.boilerplate import scan
from qa.config import Config
from qa.languages import Profile
from qa.model import Document, Hit
from qa.text import Text


@dataclass(frozen=True)
class Context:
    """The languages of a document and the configuration of the run."""

    source_lang: str | None  # as given (None: not known)
    target_lang: str  # as given, "en" by default
    source: Profile  # the source language's profile (Serbo-Croatian when not known)
    target: Profile
    config: Config
    document: Document
    _alignments: dict[tuple[int, int, float | None, frozenset[int]], list[SentencePair]] = field(default_factory=dict, compare=False, repr=False)
    _boilerplate: dict[int, dict[str, list[Hit]]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def source_name(self) -> str:
        """The source language's name as the document gives it ("Croatian" for hr)."""
        return self.source.name_for(self.source_lang)

    def alignment(
        self, left: Text, right: Text, ratio: float | None = None, skip_right: frozenset[int] = frozenset()
    ) -> list[SentencePair]:
        """The sentence alignment of two sides (``qa.align.align_texts``), computed once per document:
        the fidelity, idiom and reference rules align the same two sides. ``skip_right``: paragraphs
        of ``right`` kept out of the alignment (scraped furniture)."""
        key = (id(left), id(right), ratio, skip_right)
        if key not in self._alignments:
            self._alignments[key] = align_texts(left, right, ratio, skip_right)
        return self._alignments[key]

    def source_alignment(self, source: Text, target: Text) -> list[SentencePair]:
        """Source sentences paired with target sentences, with the source language's length norm."""
        norm = self.source.english_length
        return self.alignment(source, target, norm.ratio if norm else None)

    def boilerplate(self, target: Text) -> dict[str, list[Hit]]:
        """Every kind of chrome's pattern hits in the target (``qa.boilerplate.scan``), scanned once for
        the seven rules that report them."""
        key = id(target)
        if key not in self._boilerplate:
            self._boilerplate[key] = scan(target, tuple(self.config.boilerplate))
        return self._boilerplate[key]
