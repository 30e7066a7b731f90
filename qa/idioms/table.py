"""The idiom table: entries read from the languages' ``idioms.toml`` files (and the user's), with an index
for each matcher.

* :meth:`IdiomTable.find_literal` finds the word-for-word English rendering
  of an idiom in the *target*; it needs no source, so it works on English
  alone.
* :meth:`IdiomTable.find_source` finds the idiom itself in the *source*, so a
  rule can confirm that the translation rendered that idiom.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qa.idioms.english import PatternToken, compile_pattern, match_from, rarest, required_words, sentence_tokens, word_bag
from qa.idioms.source import SourceForm, compile_form, match_form, source_key, source_words
from qa.languages import bundled as bundled_profiles
from qa.languages import profile
from qa.model import Severity
from qa.tables import IDIOMS, Entry, load_table
from qa.text import Text


@dataclass(frozen=True)
class Idiom:
    """One idiom or fixed phrase of a source language.

    ``literal`` holds the word-for-word English renderings as patterns
    (``docs/PATTERNS.md``); ``english`` the proper equivalents, the first of
    which is the suggestion a rule shows; ``severity`` is the severity when
    the literal rendering is found in English alone.
    """

    id: str
    lang: str
    source: tuple[str, ...]
    literal: tuple[str, ...]
    english: tuple[str, ...]
    meaning: str
    severity: Severity
    domain: str
    examples_bad: tuple[str, ...]
    examples_good: tuple[str, ...]
    note: str = ""

    @property
    def suggestion(self) -> str:
        """The proper English equivalent to propose (the first one)."""
        return self.english[0]


@dataclass(frozen=True)
class IdiomMatch:
    """A literal rendering of ``idiom`` found in a text: ``text[start:end]`` is the matched words."""

    idiom: Idiom
    start: int
    end: int
    pattern: str


@dataclass(frozen=True)
class _Pattern:
    idiom: Idiom
    text: str
    toks: tuple[PatternToken, ...]
    required: tuple[frozenset[str], ...]  # the alternatives of each word the pattern cannot match without


@dataclass(frozen=True)
class _Form:
    idiom: Idiom
    form: SourceForm


def _idiom(entry: Entry, lang: str) -> Idiom:
    """An entry as an Idiom, its patterns and forms compiled once to prove them valid."""
    data = entry.data
    idiom = Idiom(
        id=data["id"],
        lang=data.get("lang", lang),
        source=entry.strings("source"),
        literal=entry.strings("literal"),
        english=entry.strings("english"),
        meaning=data["meaning"].strip(),
        severity=entry.severity(),
        domain=data["domain"].strip(),
        examples_bad=entry.strings("examples_bad"),
        examples_good=entry.strings("examples_good"),
        note=data.get("note", "").strip(),
    )
    for pattern in idiom.literal:
        try:
            _pattern(pattern)
        except ValueError as e:
            raise entry.error(f"bad literal pattern {pattern!r}: {e}") from None
    for form in idiom.source:
        try:
            _form(form, idiom.lang)
        except ValueError as e:
            raise entry.error(f"bad source form {form!r}: {e}") from None
    return idiom


_MAX_WORDS_KNOWN = 200_000  # distinct text words whose key test is remembered, per table


@lru_cache(maxsize=None)
def _pattern(text: str) -> tuple[PatternToken, ...]:
    """A literal pattern compiled once: checking an entry and indexing it share the work."""
    return compile_pattern(text)


@lru_cache(maxsize=None)
def _form(form: str, lang: str) -> SourceForm:
    return compile_form(form, profile(lang))


def read_file(path: Path, validate: bool = True) -> list[Idiom]:
    """The idioms of one table file; their language is its top-level ``lang``, else its folder's
    (``qa/data/languages/sh/idioms.toml``) or, for a user's file, its name (``sh.toml``). ``validate=False``
    skips the schema check, for the tables shipped with qa (tests/idioms validates them)."""
    entries = load_table(path, IDIOMS, validate)
    default = path.parent.name if path.name == "idioms.toml" else path.stem
    lang = entries[0].table.get("lang", default) if entries else default
    idioms: list[Idiom] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        idiom = _idiom(entry, lang)
        if (idiom.lang, idiom.id) in seen:
            raise entry.error(f"duplicate id {idiom.id!r} in this file")
        seen.add((idiom.lang, idiom.id))
        idioms.append(idiom)
    return idioms


def bundled_paths() -> list[Path]:
    """The idiom tables shipped with qa: each language profile's ``idioms.toml``."""
    return [path for p in bundled_profiles() if (path := p.data_file("idioms.toml")) is not None]


class IdiomTable:
    """A set of idioms with indexes for both matchers.

    Build it with :meth:`load`; the constructor takes ready Idiom objects
    (later ones override earlier ones with the same language and id).
    """

    def __init__(self, idioms: Iterable[Idiom] = ()) -> None:
        by_key: dict[tuple[str, str], Idiom] = {}
        for idiom in idioms:
            by_key[(idiom.lang, idiom.id)] = idiom
        self._idioms: tuple[Idiom, ...] = tuple(by_key.values())
        self._literal_index: dict[str, list[_Pattern]] = {}  # by the lemmas of each pattern's first word
        self._bag_index: dict[str, list[_Pattern]] = {}  # by the lemmas of each pattern's rarest required word
        self._source_index: dict[str, list[_Form]] = {}  # by the stem of each form's first word
        self._n_patterns = 0
        for idiom in self._idioms:
            for text in idiom.literal:
                toks = _pattern(text)
                cp = _Pattern(idiom, text, toks, required_words(toks))
                for key in rarest(cp.required):
                    self._bag_index.setdefault(key, []).append(cp)
                for key in toks[0].alts:
                    self._literal_index.setdefault(key, []).append(cp)
                self._n_patterns += 1
            for form in idiom.source:
                compiled = _form(form, idiom.lang)
                self._source_index.setdefault(compiled.stems[0], []).append(_Form(idiom, compiled))
        self._bag_keys = frozenset(self._bag_index)
        self._vocabulary = frozenset().union(*(alts for cps in self._bag_index.values() for cp in cps for alts in cp.required))
        # Per distinct text word, remembered: its lemmas that some pattern requires (most words: none),
        # and whether one of them is a pattern's rarest word (the first test a text must pass).
        self._lemmas: dict[str, frozenset[str]] = {}
        self._keyed: set[str] = set()

    @classmethod
    def load(
        cls,
        paths: Iterable[Path | str] | Path | str | None = None,
        langs: Iterable[str] | None = None,
        *,
        bundled: bool = True,
    ) -> IdiomTable:
        """Load the bundled tables, then ``paths`` (user tables) over them.

        A user entry with the same language and id as a bundled one
        replaces it; new ids extend the table. ``langs`` keeps only idioms
        of those source languages (e.g. ``["sh"]``). ``bundled=False``
        loads only ``paths``. A malformed entry raises ValueError naming
        the file, the entry and the problem, so a user sees what to fix.
        """
        files: list[tuple[Path, bool]] = [(p, False) for p in bundled_paths()] if bundled else []
        if isinstance(paths, (str, Path)):
            paths = [paths]  # a lone path, not an iterable of characters
        if paths is not None:
            files.extend((Path(p), True) for p in paths)
        idioms = [idiom for path, validate in files for idiom in read_file(path, validate)]
        if langs is not None:
            wanted = set(langs)
            idioms = [i for i in idioms if i.lang in wanted]
        return cls(idioms)

    def __len__(self) -> int:
        return len(self._idioms)

    def __iter__(self) -> Iterator[Idiom]:
        return iter(self._idioms)

    def get(self, idiom_id: str, lang: str | None = None) -> Idiom | None:
        """The idiom with this id (and language, if given), or None."""
        for idiom in self._idioms:
            if idiom.id == idiom_id and (lang is None or idiom.lang == lang):
                return idiom
        return None

    # -- English target side -------------------------------------------------

    def find_literal(self, text: str | Text) -> list[IdiomMatch]:
        """Word-for-word renderings of idioms in English ``text``.

        Returns non-overlapping matches in text order. Where candidates
        overlap, the earlier one wins, then the longer, then the more
        severe, so one calque is reported once.
        """
        text = text if isinstance(text, Text) else Text(text)
        candidates = self._candidates(text)
        if not candidates:
            return []
        found: list[tuple[int, int, int, str, str, IdiomMatch]] = []
        for toks in sentence_tokens(text):
            for i, tok in enumerate(toks):
                seen: set[int] = set()
                for lemma in tok.lemmas:
                    for cp in self._literal_index.get(lemma, ()):
                        if id(cp) in seen or id(cp) not in candidates:
                            continue
                        seen.add(id(cp))
                        end = match_from(cp.toks, toks, i)
                        if end is None:
                            continue
                        m = IdiomMatch(cp.idiom, tok.start, toks[end - 1].end, cp.text)
                        found.append((m.start, -(m.end - m.start), -cp.idiom.severity.rank, cp.idiom.id, cp.text, m))
        found.sort(key=lambda f: f[:5])
        result: list[IdiomMatch] = []
        last_end = -1
        for *_, m in found:
            if m.start >= last_end:
                result.append(m)
                last_end = m.end
        return result

    def _candidates(self, text: Text) -> set[int]:
        """Ids of the patterns whose every required word has a lemma somewhere in ``text``.

        Most news text contains no idiom at all; this bag-of-lemmas test
        rules the table out in one pass over the distinct words, so the
        positional matcher runs only where a pattern can match.
        """
        keys = self._bag_keys
        words = {t.text for t in text.tokens}
        lemmas = self._lemmas
        if len(lemmas) > _MAX_WORDS_KNOWN:  # forget, then learn this text's words again
            lemmas.clear()
            self._keyed.clear()
        keyed = words & self._keyed
        for w in words.difference(lemmas):
            mine = lemmas[w] = self._vocabulary.intersection(word_bag(w))
            if not keys.isdisjoint(mine):
                self._keyed.add(w)
                keyed.add(w)
        if not keyed:
            return set()  # no word can be any pattern's rarest word: the common case, decided in C
        bag: set[str] = set().union(*map(lemmas.__getitem__, words))  # the lemmas patterns require, no others
        out: set[int] = set()
        for lemma in bag.intersection(keys):
            for cp in self._bag_index[lemma]:
                if id(cp) not in out and all(not bag.isdisjoint(alts) for alts in cp.required):
                    out.add(id(cp))
        return out

    # -- source side --------------------------------------------------------

    def find_source(self, text: str | Text, lang: str | None = None) -> list[tuple[Idiom, int, int]]:
        """Source-language idiom forms in a source text: ``(idiom, start, end)``, non-overlapping, in order.

        ``lang`` is the text's language (its profile folds the text and names the clitics); each
        idiom is matched with its own language's profile.
        """
        text = text if isinstance(text, Text) else Text(text)
        found: list[tuple[int, int, str, Idiom]] = []
        words = source_words(text, profile(lang))
        for i, key in enumerate(words.keys):
            for n in range(1, min(5, len(key)) + 1):
                for f in self._source_index.get(key[:n], ()):
                    end = match_form(f.form, words, i, _clitics(f.idiom.lang))
                    if end is not None:
                        start = words.spans[i][0]
                        found.append((start, -(words.spans[end][1] - start), f.idiom.id, f.idiom))
        found.sort(key=lambda f: f[:3])
        result: list[tuple[Idiom, int, int]] = []
        last_end = -1
        for start, neg_len, _id, idiom in found:
            if start >= last_end:
                result.append((idiom, start, start - neg_len))
                last_end = start - neg_len
        return result

    def __repr__(self) -> str:
        return f"IdiomTable({len(self)} idioms, {self._n_patterns} literal patterns)"


@lru_cache(maxsize=None)
def _clitics(lang: str) -> frozenset[str]:
    """A language's clitics, folded as its text is (they may be written in either script)."""
    return frozenset(source_key(c, lang) for c in profile(lang).clitics)


@lru_cache(maxsize=1)
def bundled_table() -> IdiomTable:
    """The bundled tables, loaded once per process (a rule that runs on every document shares one)."""
    return IdiomTable.load()
