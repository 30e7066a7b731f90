"""The bundled rules, one module per family, and where rules are found.

Codes by family: QA0xx preconditions, QA1xx untranslated text, QA2xx page
chrome and boilerplate, QA3xx duplicates, QA4xx punctuation and typography,
QA5xx fluency, QA6xx encoding, QA7xx idioms and calques, QA8xx fidelity to
the source, QA9xx reference and back-translation checks.

Importing this package registers the bundled rules with ``qa.registry``; a
rule a user registers with ``@qa.rule`` joins them. The rule modules import
the registry and the context, never the engine, so the import graph has no
way back up.
"""

from __future__ import annotations

from qa.registry import Rule, registered
from qa.rules import (  # noqa: F401  (importing a family module registers its rules)
    antonyms,
    backtranslation,
    boilerplate,
    calques,
    duplicates,
    encoding,
    fidelity,
    fluency,
    literal_idioms,
    meaning,
    preconditions,
    punctuation,
    reference,
    untranslated,
)


def all_rules() -> list[Rule]:
    """Every rule, bundled and user-registered, in code order."""
    return registered()


def get_rule(key: str) -> Rule:
    """Look a rule up by code or name; KeyError names what was asked for."""
    for r in all_rules():
        if key.upper() == r.code or key.lower() == r.name:
            return r
    raise KeyError(key)
