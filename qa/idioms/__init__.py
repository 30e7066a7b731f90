"""Idioms translated word for word: the tables of idioms and the matchers on both sides.

Machine translation of Serbian/Croatian/Bosnian/Montenegrin news renders
idioms literally ("they talked in four eyes" for *u četiri oka*, "in
private"). Those are the errors that most embarrass a publisher, and no
fluency metric sees them, because each word is a fine English word.

- ``qa.idioms.table``: the table (each language's ``idioms.toml`` and the user's), its indexes;
- ``qa.idioms.english``: the English lemmatiser and the literal-pattern matcher;
- ``qa.idioms.source``: the source-side forms, folded and stemmed by the language's profile.

The table format and the pattern syntax are documented in ``docs/PATTERNS.md``.
"""

from qa.idioms.english import lemma_candidates
from qa.idioms.source import source_key
from qa.idioms.table import Idiom, IdiomMatch, IdiomTable, bundled_paths, bundled_table

__all__ = ["Idiom", "IdiomMatch", "IdiomTable", "bundled_paths", "bundled_table", "lemma_candidates", "source_key"]
