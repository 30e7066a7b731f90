"""qa: a quality checker for machine-translated news.

The public API, re-exported here::

    import qa
    result = qa.check("Follow us on Facebook, Twitter i Viber.", source_lang="sr")
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message)
"""

from __future__ import annotations

__version__ = "0.1.0"

from qa.config import Config, ConfigError, load_config
from qa.engine import Engine
from qa.result import Result
from qa.io import InputError, load_documents
from qa.model import Document, Finding, Hit, Severity, Span
from qa.registry import Rule, rule
from qa.rules import all_rules, get_rule
from qa.report import Report
from qa.scoring import Policy, Score


def check(
    target: str,
    *,
    source: str | None = None,
    reference: str | None = None,
    back_translation: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = "en",
    config: Config | None = None,
    id: str = "document",
) -> Result:
    """Check one translated text and return its findings, score and verdict."""
    doc = Document(
        id=id,
        target=target,
        source=source,
        reference=reference,
        back_translation=back_translation,
        source_lang=source_lang,
        target_lang=target_lang,
    )
    return Engine(config).check(doc)


__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Engine",
    "Finding",
    "Hit",
    "InputError",
    "Policy",
    "Report",
    "Result",
    "Rule",
    "Score",
    "Severity",
    "Span",
    "__version__",
    "all_rules",
    "check",
    "get_rule",
    "load_config",
    "load_documents",
    "rule",
]
