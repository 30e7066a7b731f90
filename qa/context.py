"""What a rule may know besides the texts it is given: the document's languages and the run's configuration.

The engine builds one ``Context`` per document; rules only read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.config import Config
from qa.model import Document


@dataclass(frozen=True)
class Context:
    """The languages of a document and the configuration of the run."""

    source_lang: str | None
    target_lang: str | None
    config: Config
    document: Document
