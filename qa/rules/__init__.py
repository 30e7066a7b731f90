"""The bundled rules, one module per family; importing this package registers them.

Codes by family: QA0xx preconditions, QA1xx untranslated text, QA2xx page
chrome and boilerplate, QA3xx duplicates, QA4xx punctuation and typography,
QA5xx fluency, QA6xx encoding, QA7xx idioms and calques, QA8xx fidelity to
the source, QA9xx reference and back-translation checks.
"""

from qa.rules import (  # noqa: F401
    boilerplate,
    calques,
    duplicates,
    encoding,
    fidelity,
    fluency,
    idioms,
    preconditions,
    punctuation,
    reference,
    untranslated,
)
