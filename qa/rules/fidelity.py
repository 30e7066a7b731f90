"""Fidelity to the source: numbers, names, links, words copied from the source, omitted and added sentences.

Every rule here needs the source. Spans point into the target; related spans
point at the source. Whole-text non-translation (empty, identical to the
source, all in the source language) is QA001/QA002's job and is not repeated.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cached_property, lru_cache
from itertools import chain
from typing import Iterator

from rapidfuzz import fuzz, process

from qa.align import SentencePair
from qa.context import Context
from qa.languages import Profile
from qa.languages.frequency import english, zipf
from qa.languages.names import NameTable, SourceIndex, alternate_names, home_entities, kind_of, names_for, tagged
from qa.languages.names import territories as names_territories
from qa.languages.transliteration import ascii_fold, has_cyrillic
from qa.model import Hit, Severity, Span
from qa.numbers import Number, explained, is_year, source_numbers, target_numbers
from qa.registry import rule
from qa.rules.duplicates import duplicate_paragraph, near_duplicate_paragraph
from qa.text import LINK, Block, Text, Token, may_link


def _target_lang(ctx: Context) -> str:
    return (ctx.target_lang or "en").split("-")[0]


@rule("QA801", "number-mismatch", "accuracy/mistranslation", "minor")
def number_mismatch(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A number (or a date's month) in the translation that no reading of the source gives.

    Why: a changed figure ("17,000 tunnels" for 1.7万, "nine days" for
    three) is the costliest error in news: it is believable. Numbers are read
    in each side's locale, so Serbian ``1.000,5`` is English ``1,000.5``, ``2022.``
    is the year 2022, ``15. avgusta`` is ``August 15``, ``dvije`` is ``two`` and
    ``1.7万`` is ``17,000``.

    Bad: The fund paid out 1,500.5 dinars on August 15.
    Source: Fond je isplatio 1.000,5 dinara 15. avgusta.
    Bad: The talks lasted nine days.
    Source: Pregovori su trajali tri dana.
    Good: The fund paid out 1,000.5 dinars on August 15, 2022.
    Source: Fond je isplatio 1.000,5 dinara 15. avgusta 2022.
    Good: Two ministers met 17,000 protesters.
    Source: Dvije ministrice sastale su se s 1,7 tisuća prosvjednika.

    Known limits: a number the translator computed (a sum, a unit
    conversion such as miles to kilometres, a spelled-out age) is reported,
    so a mismatch is minor; a changed year (the source has other years) is major; number words are read from
    each language's ``numbers.toml`` (common forms only), and "one", "first",
    "second" and "half" are never reported (idioms more often than counts).
    """
    numbers = target_numbers(target.raw, _target_lang(ctx))
    if not numbers:
        return  # nothing to explain: the source need not be read
    src = source_numbers(source.raw, ctx.source_lang)
    if not src.values and not src.months:
        if not any(map(str.isdigit, source.raw)):
            # a source with no numbers at all: only a digit in the target is suspicious
            for n in numbers:
                if n.kind == "digits" and not target.is_protected(n.start, n.end):
                    yield Hit(n.start, n.end, f"{n.text!r}: the source has no number at all")
        return
    found: list[tuple[Number, Number, Severity | None]] = []  # first and last number of a date, severity
    for n in numbers:
        if target.is_protected(n.start, n.end) or explained(n, src):
            continue
        changed_year = n.kind == "digits" and any(is_year(v) for v in n.values) and _years_near(target, source, ctx, n.start, n.end)
        sev: Severity | None = Severity.MAJOR if changed_year else None
        if found and _date_part(found[-1][1], n) and _DATE_GAP.fullmatch(target.raw[found[-1][1].end : n.start]):
            first, _, before = found[-1]  # "May 30, 2005": one date, one finding, the gravest of its parts
            found[-1] = (first, n, max((before, sev), key=lambda x: (x or Severity.MINOR).rank))
        else:
            found.append((n, n, sev))
    for first, last, sev in found:
        what = first.kind if first is last and first.kind in ("month", "time") else "number" if first is last else "date"
        text = target.raw[first.start : last.end]
        yield Hit(first.start, last.end, f"{what} {text!r} is not in the source", severity=sev)


_DATE_GAP = re.compile(r",? ?(?:of )?")


def _date_part(before: Number, n: Number) -> bool:
    """Do two numbers that follow each other make one date ("May 30", "30 May", "May 30, 2005", "May 2005")?"""
    if "word" in (before.kind, n.kind):
        return False
    return "month" in (before.kind, n.kind) or (before.kind == "digits" and any(is_year(v) for v in n.values))


def _years_near(target: Text, source: Text, ctx: Context, start: int, end: int) -> bool:
    """Does the source say a year where the target's unexplained year stands (its aligned paragraph)?"""
    s, e = aligned_region(target, source, start, end)
    return any(is_year(v) for v in source_numbers(source.raw[s:e], ctx.source_lang).values)


def aligned_region(target: Text, source: Text, start: int, end: int) -> tuple[int, int]:
    """The source characters that translate ``target[start:end]``'s paragraph: the paragraph of the same
    index when both sides have as many, else the paragraphs at the same relative place (a tenth either side)."""
    tp, sp = target.paragraphs, source.paragraphs
    para = target.paragraph_of(start)
    if para is not None and len(tp) == len(sp):
        return sp[para.index].start, sp[para.index].end
    n, m = max(1, len(target.raw)), len(source.raw)
    lo, hi = max(0.0, start / n - 0.1), min(1.0, end / n + 0.1)
    s, e = int(lo * m), int(hi * m)
    first, last = source.paragraph_of(s), source.paragraph_of(max(s, e - 1))
    return (first.start if first else s), (last.end if last else e)


# Tokens for name comparison: Latin words after transliteration and folding.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _latin_source(source: Text, ctx: Context) -> str:
    return ascii_fold(ctx.source.to_latin(source.raw))


_SOUNDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"), ("x", "ks"), ("y", "i"), ("j", "i"), ("h", ""))


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A rough spelling-independent key: Serbian "Makron" and English "Macron", "Džonson" and "Johnson" meet."""
    w = word.lower().replace("dz", "j")
    for a, b in _SOUNDS:
        w = w.replace(a, b)
    return _DOUBLED.sub(r"\1", w)


def _stem_match(word: str, candidates: frozenset[str]) -> bool:
    """Does a folded, lower-cased word have a counterpart among the source's (inflected, transcribed) sound keys?"""
    word = sound_key(word)
    if word in candidates:
        return True
    by3, by_len = _key_index(candidates)
    stem = word[: max(4, len(word) - 2)]
    # a candidate that shares the stem either way shares the first three letters (or begins with a shorter word)
    pool = by3.get(word[:3], ()) if len(word) >= 3 else [c for c in candidates if c.startswith(word)]
    for c in pool:
        if len(c) >= 3 and (c.startswith(stem) or word.startswith(c[: max(4, len(c) - 2)])):
            return True
    close = [c for n in range(len(word) - 3, len(word) + 4) for c in by_len.get(n, ())]
    # the fuzzy comparison runs in rapidfuzz's C loop over the candidates at once
    return bool(close) and process.extractOne(word, close, scorer=fuzz.ratio, score_cutoff=80) is not None


@lru_cache(maxsize=16)
def _key_index(candidates: frozenset[str]) -> tuple[dict[str, list[str]], dict[int, list[str]]]:
    """A text's sound keys by their first three letters and by length, so a word is compared with the few
    that may match it rather than with every word of the text."""
    by3: dict[str, list[str]] = {}
    by_len: dict[int, list[str]] = {}
    for c in sorted(candidates):
        by3.setdefault(c[:3], []).append(c)
        by_len.setdefault(len(c), []).append(c)
    return by3, by_len


@lru_cache(maxsize=65536)
def _skeleton(word: str, english: bool) -> str:
    """A loose consonant skeleton of a folded word, English spelling or a phonetic transcription of it:
    Sturridge and Staridž give ``strg``, Feinstein and Fajnštajn ``fnstn``, Gerrard and Džerarda ``grd``.
    Only used to pair a target name with the few source names left unpaired near it."""
    w = word.lower()
    if english:
        for a, b in _EN_SOUNDS:
            w = w.replace(a, b)
        w = _SOFT_C.sub("s", w).replace("c", "k")
    else:
        for a, b in _SRC_SOUNDS:
            w = w.replace(a, b)
    w = _VOWELS.sub("", w.translate(_CLASSES))
    return _DOUBLED.sub(r"\1", w)


_EN_SOUNDS = (("kn", "n"), ("ow", "o"), ("ew", "u"), ("tch", "s"), ("dge", "j"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("ph", "f"),
              ("th", "t"), ("ck", "k"), ("gh", ""), ("wh", "v"), ("qu", "kv"), ("x", "ks"), ("w", "v"))
_SRC_SOUNDS = (("dz", "g"), ("dj", "g"), ("x", "ks"), ("w", "v"), ("j", ""))
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans({"z": "s", "c": "s", "j": "g", "q": "k", "d": "t", "b": "p", "v": "f"})
_VOWELS = re.compile(r"[aeiouyh]")


def loosely(target_word: str, source_word: str) -> bool:
    """Could a folded source word be a transcription (possibly inflected) of a folded English name?"""
    a, b = _skeleton(target_word, True), _skeleton(source_word, False)
    if len(a) < 2:
        return a == b and bool(a)
    return (b == a or (b.startswith(a) and len(b) - len(a) <= 2) or (len(b) >= 2 and a.startswith(b) and len(a) - len(b) <= 1)
            or (len(a) >= 4 and fuzz.ratio(a, b) >= 80))


def _target_word(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str, bool]:
    """A target word's parts (folded, lower case, split at hyphens) by their sound keys and by their first four
    letters (parts of four letters or more), the word folded, and whether it is capitalised."""
    folded = ascii_fold(text).lower()
    parts = folded.split("-")
    return tuple(sound_key(w) for w in parts), tuple(w[:4] for w in parts if len(w) >= 4), folded, text[:1].isupper()


_TARGET_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, bool]] = {}


class _Names:
    """What the name rules know of one source and its translation, computed once for QA802 and QA803."""

    def __init__(self, target: Text, source: Text, ctx: Context) -> None:
        src = self.source = _source_side(source, ctx)
        self.comparable, self.home, self.table, self.index = src.comparable, src.home, src.table, src.index
        self.found, self.entities, self.source_names = src.found, src.entities, src.source_names
        self.capitalised, self._capital_starts = src.capitalised, src.capital_starts
        self._target = target  # for what is worked out on first need (nodots, title words)
        # the target's words folded, split at hyphens: their sound keys and first four letters; the folded
        # capitalised words, in order
        seen = _TARGET_WORDS
        if len(seen) >= 200_000:  # a long run over many texts: keep the memory bounded
            seen.clear()
        words = []
        for t in target.tokens:
            word = seen.get(t.text)
            if word is None:
                word = seen[t.text] = _target_word(t.text)
            words.append(word)
        self.target_keys = frozenset(chain.from_iterable(w[0] for w in words))
        self.target_prefixes = frozenset(chain.from_iterable(w[1] for w in words))
        self.target_names: list[str] = [w[2] for w in words if w[3]]
        self.runs = self._runs(target)
        # known entities the target names: an n-gram of a name run that the English table knows
        self.target_entities: dict[str, tuple[int, int]] = {}
        if self.table is not None:
            for run in self.runs:
                for i, j, ids in self._known(run):
                    for e in ids:
                        self.target_entities.setdefault(e, (run[i].start, run[j].end))
        # the source's name-like words the target lacks
        self.dropped = [n for n in self.source_names
                        if not (_stem_match(n[3], self.target_keys) or any(loosely(t, n[3]) for t in self.target_names))]
        self.dropped_starts = frozenset(n[0] for n in self.dropped)


    @cached_property
    def nodots(self) -> str:
        """The target without its full stops ("U.S." as "US")."""
        return self._target.raw.replace(".", "")

    @cached_property
    def title_words(self) -> str:
        """The target's capitalised words of two to five letters, in capitals (where an acronym may stand)."""
        return " ".join(t.text.upper() for t in self._target.tokens if t.text[:1].isupper() and 2 <= len(t.text) <= 5)


    def unmatched_capital(self, lo: int, hi: int, source: Text) -> bool:
        """Is a capitalised source word in [lo, hi) that does not open a sentence missing from the translation, even
        as an inflected form or a transcription (the name a target name may have replaced)?"""
        starts = {s.start for s in source.sentences}
        i = bisect.bisect_left(self._capital_starts, lo)
        while i < len(self.capitalised) and self.capitalised[i][0] < hi:
            a, w = self.capitalised[i]
            i += 1
            if len(w) < 3 or _initial(source.raw, a, starts) or source.is_protected(a, a + len(w)):
                continue
            if source.raw[max(0, a - 1) : a] in _OPENING_QUOTES:
                continue  # a quotation's or a title's first word ("Supersile umjetne inteligencije")
            if any(s <= a < e and self.in_target(x) for x, s, e in self.found):
                continue  # a known name the translation has in English ("Kini", China)
            if w.isascii() and source.raw[a : a + len(w)].isupper() and _near_acronym(w.upper(), self.title_words):
                continue  # an acronym the translation has in its own order ("SIDA", Aids)
            if not (_stem_match(w, self.target_keys) or any(loosely(t, w) for t in self.target_names)):
                return True
        return False

    def capitalised_between(self, lo: int, hi: int) -> list[str]:
        """The folded capitalised source words that start in [lo, hi)."""
        i, j = bisect.bisect_left(self._capital_starts, lo), bisect.bisect_left(self._capital_starts, hi)
        return [w for _, w in self.capitalised[i:j]]

    def _runs(self, target: Text) -> list[list[Token]]:
        """The target's name runs, and the known names its name runs leave out as common words or sentence
        starts ("China", "Europe", "Boston" opening a sentence): a country swapped for China is a swap too."""
        runs = list(target.name_runs)
        if self.table is None:
            return runs
        covered = {t.start for r in runs for t in r}
        extra = target.runs_of(
            lambda tok: tok.start not in covered and tok.text[:1].isupper() and not target.is_protected(tok.start, tok.end)
        )
        places: set[int] = set()  # the known places among them
        for run in extra:
            kinds = {kind_of(e) for _, _, ids in self._known(run) for e in ids}
            if kinds - _WEAK_KINDS:
                runs.append(run)
                if kinds == {"place"}:
                    places.add(run[0].start)
        merged: list[list[Token]] = []
        for run in sorted(runs, key=lambda r: r[0].start):
            if merged and run[0].start in places and target.raw[merged[-1][-1].end : run[0].start] == " ":
                merged[-1] = merged[-1] + run  # one place: "Baja" before the known "California"
            else:
                merged.append(run)
        return merged

    def _known(self, run: list[Token]) -> list[tuple[int, int, set[str]]]:
        """(first, last, entity ids) of every n-gram of a target name run that names a known entity (worked out
        once per table and run of words: news repeats its names; the list is shared, not to be changed)."""
        assert self.table is not None
        words = tuple(t.text for t in run)
        known = _KNOWN.get(self.table)
        if known is None or len(known) >= 100_000:  # a long run over many texts: keep the memory bounded
            known = _KNOWN[self.table] = {}
        out = known.get(words)
        if out is None:
            out = known[words] = _known_in(self.table, words)
        return out

    def related(self, tokens: list[Token], ids: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
        """Does the source name an entity whose English name begins like this target name (German/Germany,
        Chinese/China, English/England: an adjective for its country, or the other way round), or a country
        where the language this target name names is official (French for 法国, Dutch for 荷兰, Lao for 老挝:
        English names a country's people and things by its language)?"""
        assert self.table is not None
        head = ascii_fold(tokens[0].text).lower()[:4]
        if len(head) == 4 and any(n.startswith(head) for e in self.entities for n in self.table.english_names.get(e, ())):
            return True
        territories = names_territories()
        return any(self.entities & territories[e][1] for e in ids if e in territories)

    def evidence(self, entity: str) -> bool:
        """Is a known name missing from the source evidence of a changed name? CLDR names every country, language
        and currency in the source language, and GeoNames a city in many; a US state has its English name only.
        Not the source language's own country and language: a translation names them where the source says
        "our country" or "at home" (我国, 回国, 华人). Not a city the gazetteer has no name for in the source's
        script (no Chinese name for Metro, Indonesia: what the source would say is unknown)."""
        if entity in self.home:
            return False
        if tagged(entity):
            return kind_of(entity) not in _WEAK_KINDS
        if not entity.startswith(("city:", "continent:")):
            return False
        if self.table is None:
            return True
        if entity.startswith("city:") and not _cldr_city(self, entity) and alternate_names(entity) < _WELL_KNOWN and any(
            english(n) >= 4.0 for n in self.table.english_names.get(entity, ())
        ):
            # a town only GeoNames knows, under few names, whose name is a common English word (Batman, Orange,
            # Metro, Commonwealth): the word is likelier than the town; Boston and Manchester have many names
            return False
        if self.comparable:
            return True
        return any(_script_word(f.raw[0]) in self.source.scripts for f in self.table.forms.get(entity, ()) if f.raw)

    def in_target(self, entity: str) -> bool:
        """Does the translation name a known source entity (by any English name of it, or a word sharing its first four letters)?"""
        if entity in self.target_entities:
            return True
        assert self.table is not None
        for name in self.table.english_names.get(entity, ()):
            if len(name) <= 4 and name.isalpha() and re.search(rf"\b{name.upper()}\b", self.nodots):
                return True  # "US" written "U.S."
            if not name.isalpha() and len(name) <= 3 and name in self.nodots:
                return True  # a currency sign: "$"
            words = [w for w in re.split(r"[^a-z0-9]+", name) if w]  # "st. martin" -> st, martin
            if not words:
                continue
            found = sum((w[:4] if len(w) >= 5 else w) in self.target_prefixes or sound_key(w) in self.target_keys for w in words)
            if found == len(words) or (len(words) >= 3 and found >= len(words) - 1):
                return True  # "Falklands Pound" for "Falkland Islands Pound"
        return False


class _SourceSide:
    """What the name rules know of a source alone, worked out once for every translation of it (a source
    checked with many translations: MT systems compared, DEMETR's perturbations, a memory's repeats)."""

    def __init__(self, source: Text, ctx: Context) -> None:
        self.raw = source.raw
        self.comparable = source.script_shares.comparable
        self.home = home_entities(ctx.source)
        self.table = names_for(ctx.source, self.comparable)
        self.index = SourceIndex.of(source.raw, ctx.source, self.comparable)
        self.found = self.table.found(self.index) if self.table is not None else []
        self.entities = {e for e, _, _ in self.found}
        # name-like words of a Latin or Cyrillic source: (start, end, word, folded, strong)
        self.capital_indexes = sorted(self.index.capitalised)
        self.source_names = self._source_names(source, ctx) if self.comparable else []
        # the source's capitalised words (start, folded word), in order, for the transcription check near a name
        toks = self.index.tokens
        self.capitalised = [(toks[i][1], toks[i][0]) for i in self.capital_indexes]
        self.capital_starts = [a for a, _ in self.capitalised]

    @cached_property
    def scripts(self) -> frozenset[str]:
        """The scripts of the source's letters by Unicode name (CJK, KATAKANA, DEVANAGARI, ...) but Latin and Cyrillic,
        for the gazetteer evidence (Latin letters in a Chinese text are acronyms and brands: a gazetteer's "Qahirə"
        is no name of Cairo there); none for a Latin or Cyrillic source."""
        if self.comparable:
            return frozenset()
        return frozenset(_script_word(c) for c in set(self.raw) if c.isalpha()) - {"LATIN", "CYRILLIC"}

    @cached_property
    def source_keys(self) -> frozenset[str]:
        """The sound keys of the source's words (built on first use: most target names are matched before)."""
        return frozenset(sound_key(w) for w, _, _, _ in self.index.tokens)

    def _source_names(self, source: Text, ctx: Context) -> list[tuple[int, int, str, str, bool]]:
        """Name-like words of a Latin or Cyrillic source: (start, end, word, folded word, strong). A capitalised
        word that does not start a sentence is name-like when it is known to English (a name an English text
        would keep: strong) or rare in the source language (a transcribed foreign name), so German nouns and
        Slavic titles ("Vlada", "Kanzlerin") are left out."""
        starts = {s.start for s in source.sentences}
        spans = [(s, e) for _, s, e in self.found]
        lang = ctx.source.wordfreq
        out = []
        # a text that capitalises common words of its language inside sentences capitalises nouns (German):
        # a capital says little there
        toks = self.index.tokens
        words = sum(1 for w, _, _, _ in toks if w.isalpha())
        # the words with a capital first letter (SourceIndex.capitalised), in order: only they can be names
        capitals = [toks[i] for i in self.capital_indexes]
        common_capitals = 0 if lang is None else sum(
            1 for _, a, e, _ in capitals if not _initial(source.raw, a, starts) and _source_zipf(source.raw[a:e], ctx) >= 4.0)
        nouns = common_capitals >= 2 and common_capitals >= 0.1 * words
        for word, start, end, caps in capitals:
            raw = source.raw[start:end]
            if caps or len(word) < 3 or not word.isalpha():
                continue
            if _initial(source.raw, start, starts) or any(s <= start < e for s, e in spans) or source.is_protected(start, end):
                continue
            en = english(word)
            src = _source_zipf(raw, ctx)
            if not (en >= 2.0 or (lang is not None and src < 2.0)):
                continue
            # strong: a name English knows that is no common word of the source language
            out.append((start, end, raw, word, len(word) >= 4 and en >= 2.0 and (src < 3.5 or (not nouns and src - en < 1.5))))
        return out



_SOURCE_SIDES: dict[tuple[str, Profile], _SourceSide] = {}


def _source_side(source: Text, ctx: Context) -> _SourceSide:
    """The source's side of the name rules, kept for the last few thousand sources."""
    key = (source.raw, ctx.source)
    hit = _SOURCE_SIDES.get(key)
    if hit is None:
        if len(_SOURCE_SIDES) >= 2_048:
            _SOURCE_SIDES.clear()
        hit = _SOURCE_SIDES[key] = _SourceSide(source, ctx)
    return hit
_KNOWN: dict[NameTable, dict[tuple[str, ...], list[tuple[int, int, set[str]]]]] = {}
_S_END = re.compile(r"['’]s$")


def _known_in(table: NameTable, words: tuple[str, ...]) -> list[tuple[int, int, set[str]]]:
    """(first, last, entity ids) of every n-gram of a run of words, of up to four, that names a known entity: the
    longest from each word on."""
    out = []
    for i in range(len(words)):
        for j in range(min(len(words), i + 4) - 1, i - 1, -1):
            phrase = _S_END.sub("", " ".join(words[i : j + 1]))
            ids = table.english_ids(phrase)
            if ids:
                out.append((i, j, ids))
                break
    return out


def _source_zipf(word: str, ctx: Context) -> float:
    """A source word's frequency in its language, as written or in Latin letters (wordfreq keeps Serbian in
    Latin letters and Russian or Macedonian in Cyrillic)."""
    lang = ctx.source.wordfreq
    if lang is None:
        return 0.0
    low = word.lower()
    latin = ctx.source.to_latin(low)
    return max(zipf(low, lang), zipf(latin, lang)) if latin != low else zipf(low, lang)


def _initial(text: str, start: int, starts: set[int]) -> bool:
    """Does the word at ``start`` open a sentence (or follow an opening quote or bracket that does)?"""
    if start in starts:
        return True
    before = text[max(0, start - 3) : start].rstrip(" \"'„“”«»‘’(–—-")
    return before == "" or before[-1:] in ".!?:\n"


_NAMES_CACHE: dict[tuple[str, str, int], _Names] = {}


def _names(target: Text, source: Text, ctx: Context) -> _Names:
    key = (target.raw, source.raw, id(ctx.source))
    hit = _NAMES_CACHE.get(key)
    if hit is None:
        if len(_NAMES_CACHE) > 8:
            _NAMES_CACHE.clear()
        hit = _NAMES_CACHE[key] = _Names(target, source, ctx)
    return hit


_WELL_KNOWN = 15  # alternate names in GeoNames from which a town is known in many languages


@lru_cache(maxsize=4096)
def _script_word(char: str) -> str:
    """The first word of a letter's Unicode name: its script, finer than ``script_of`` (Han apart from kana)."""
    return unicodedata.name(char, "").split(" ", 1)[0]


def _bare(word: str) -> str:
    """A target word folded, lower-cased and without a possessive ("Palin's" -> "palin")."""
    return _POSSESSIVE.sub("", ascii_fold(word).lower())


_POSSESSIVE = re.compile(r"['’]s?$")
_FUNCTION_WORD = 6.6  # English Zipf frequency from which a word is a function word ("the", "this", "in"; "new" is 6.25)
_OPENING_QUOTES = frozenset("\"„“«»‚‘'(")


def _parts(word: str) -> list[str]:
    """A target word's folded parts to look for in the source: a hyphenated name by its parts, any of which will do
    (Ann-Laure, Saint-Quentin for "sv. Quentina", JAY-Z for DŽEJ-ZI)."""
    bare = _bare(word)
    parts = [p for p in bare.split("-") if len(p) >= 3]
    return parts if "-" in bare and parts else [bare]
_WEAK_KINDS = frozenset({"day", "month"})  # a weekday or month the source says otherwise: QA801's business or a paraphrase


@rule("QA802", "name-not-in-source", "accuracy/mistranslation", "minor")
def name_not_in_source(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A name in the translation with no counterpart in the source.

    Why: MT swaps entities ("Bulgaria" for the U.S., one minister for
    another). Names are compared across languages: a country, city, language,
    currency, weekday or month by its names in the source language (CLDR and
    GeoNames, ``qa.languages.names``: Germany is ``Njemačka``, Munich
    ``Minhen``, Tuesday ``utorak``, inflected forms included), any other name
    letter by letter after transliteration (``Путин`` is ``Putin``, ``Вучић``
    is ``Vučić`` or ``Vucic``), phonetic transcriptions loosely (``Džonson``
    is Johnson).

    Severity follows the evidence: a known place, language or currency the
    source does not name is minor when the name data say what the source
    would call it (CLDR for countries, languages and currencies; a gazetteer
    or CLDR name of a town in the source's script), and major when the source
    names another one of its kind here (a swap). The source language's own
    country and language (China for 我国, Croatian for a Croatian source) and
    a town no table names in the source's script are info; a language counts
    as named where the source names a country it is official in (French for
    法国); Chinese short forms (印尼, 英文) count. An unknown name is minor when
    the source has a name here that the translation lacks (a swap), else
    info.

    Bad: Talks between Merkel and Macron ended in Sofia.
    Source: Razgovori između Vučića i Makrona završeni su u Beogradu.
    Good: Talks between Vucic and Macron ended in Belgrade on Tuesday.
    Source: Разговори између Вучића и Макрона завршени су у Београду у уторак.

    Known limits: names of people and organisations in sources in other
    scripts (Chinese, Japanese, Hindi) are not compared, only known places,
    languages and currencies; a transcription far from the English spelling
    (``Rou`` for Rowe) is a name without counterpart, at info when nothing
    else is amiss.
    """
    if not target.name_runs and not any(t.text[:1].isupper() for t in target.tokens):
        return
    names = _names(target, source, ctx)
    table = names.table
    if not names.comparable and table is None:
        return
    runs = names.runs
    for run in runs:
        # words under three letters, and function words opening a sentence ("The Europe"), need no counterpart
        matched = [len(t.text) < 3 or english(t.text.lower()) >= _FUNCTION_WORD for t in run]
        missing: set[str] = set()
        long = [k for k, t in enumerate(run) if not matched[k]]
        part: tuple[int, int, set[str]] | None = None
        if table is not None:
            covered = [False] * len(run)
            for i, j, ids in names._known(run):
                if all(covered[i : j + 1]):
                    continue  # inside a longer known name ("York" of "New York")
                covered[i : j + 1] = [True] * (j + 1 - i)
                if ids & names.entities or any(table.present(e, names.index) for e in ids) or names.related(run[i : j + 1], ids):
                    matched[i : j + 1] = [True] * (j + 1 - i)
                elif all(i <= k <= j for k in long):
                    missing |= ids  # a known name that is the whole run ("Jordan" of "Jordan Cownie" is a person's)
                elif not names.comparable and part is None and any(tagged(x) and names.evidence(x) for x in ids):
                    part = (i, j, ids)  # "the Finnish Gulf" for 重庆: the rest cannot be compared with Han (a town may be a surname)
        if part is not None and not missing:
            i, j, missing = part
            run, matched = run[i : j + 1], matched[i : j + 1]
            long = [k for k in range(len(run)) if not matched[k]]
        if names.comparable:
            for k, t in enumerate(run):
                if not matched[k] and any(_stem_match(part, names.source.source_keys) for part in _parts(t.text)):
                    matched[k] = True
        if all(matched):
            continue
        if any(matched[k] for k in long) and not missing:
            # partly matched: a name beside a matched one ("Dagestan Fenerbahce") is judged alone when its
            # words are no common English words (titles beside a name, "Rear Admiral", are)
            rest = [run[k] for k in long if not matched[k]]
            if not rest or any(english(_bare(t.text)) >= 3.0 for t in rest):
                continue
            run = rest
            long = list(range(len(run)))
        s, e = run[0].start, run[-1].end
        text = target.raw[s:e]
        kinds = {kind_of(x) for x in missing}
        lo, hi = aligned_region(target, source, s, e)
        if names.comparable:
            folded = [part for t in run if len(t.text) >= 3 for part in _parts(t.text)]
            if any(loosely(t, w) for w in names.capitalised_between(lo, hi) for t in folded):
                continue  # a transcription: Sturridge/Staridž, Feinstein/Fajnštajn, Utah/Juta
        if kinds and not kinds <= _WEAK_KINDS:
            kinds -= _WEAK_KINDS
            swapped = [source.raw[a:b] for x, a, b in names.found if lo <= a < hi and kind_of(x) in kinds and not names.in_target(x)]
            if swapped:
                sev = Severity.MAJOR if any(tagged(x) for x in missing) else None
                yield Hit(s, e, f"name {text!r} is not in the source, which names {swapped[0]!r} here", severity=sev)
            else:
                # CLDR names every country, language and currency in the source language: its absence is evidence;
                # a gazetteer place may just lack this language's spelling
                sev = None if any(names.evidence(x) for x in missing) else Severity.INFO
                yield Hit(s, e, f"name {text!r} has no counterpart in the source", severity=sev)
            continue
        if not names.comparable:
            continue
        near = [n[2] for n in names.dropped if lo <= n[0] < hi and n[4]]
        near += [source.raw[a:b] for x, a, b in names.found
                 if lo <= a < hi and tagged(x) and kind_of(x) not in _WEAK_KINDS and not names.in_target(x)]
        lang = ctx.source.wordfreq
        # only a source in Latin letters writes a name letter for letter as English does
        kept = lang is not None and source.script_shares.latin >= 0.5 and all(
            zipf(w, lang) >= max(3.0, english(w) - 0.8) for w in (_bare(run[k].text) for k in long)
        ) and not any(table is not None and f"currency:{run[k].text}" in table.forms for k in long)  # PLN is "zł" there
        if near and not kinds:
            yield Hit(s, e, f"name {text!r} is not in the source, which names {near[0]!r} here")
        elif kept and not kinds and names.unmatched_capital(lo, hi, source):
            # a name the source language writes as English does (Obama, Google, Boston): had the source said it,
            # it would be there, and a capitalised source word here (Werth, Liggins, Paroubka) is missing from the
            # translation. Without one, a translator may have left a name out, or translated a title, an
            # acronym or a nickname that English writes as a name (Grand Prix, CEO, the Blues): no evidence of a change
            yield Hit(s, e, f"name {text!r} is not in the source, though {ctx.source_name} writes it so")
        elif len(long) >= 2 and not kinds and all(english(_bare(run[k].text)) < 4.0 for k in long):
            # several words, none in the source even as a transcription, and none a common English word
            # (a translated title, "Academy Awards", "Nord Stream", has one)
            yield Hit(s, e, f"name {text!r} has no counterpart in the source, not even as a transcription")
        else:
            yield Hit(s, e, f"name {text!r} has no counterpart in the source", severity=Severity.INFO)


# Latin-script tokens inside a source in another script (acronyms, brands, names kept in Latin),
# and acronyms or tokens with digits in a Latin source: they pass into English unchanged.
_KEPT = re.compile(r"(?<![\w])(?<!\w-)(?:[A-Za-z][A-Za-z0-9&.'-]*[A-Za-z0-9]|[A-Z])(?![\w])")
# A case ending after a hyphen: Serbian "CNN-u", "FBI-jevu", Slovenian "BBC-jevega", "TV-oglasu".
_HYPHEN_ENDING = re.compile(r"-[a-zšđčćž]+$")


@rule("QA803", "source-name-dropped", "accuracy/omission", "minor")
def source_name_dropped(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A name of the source that the translation does not have.

    Why: a dropped name means the phrase carrying it was dropped or rewritten.
    Three kinds of source names are looked for in the translation: known
    places, languages and currencies by their English names (``Njemačkoj`` is
    Germany, ``SAD`` the US, ``休斯敦`` Houston; ``qa.languages.names``); tokens
    that pass into English unchanged (FTIR, NATO, iPhone; ``CNN-u`` is CNN
    with a case ending); and, in a Latin or Cyrillic source, capitalised words
    that are names (known to English, or rare in the source language as
    transcribed names are), matched letter by letter or as a transcription.

    Bad: The crystals were compared by infrared spectroscopy.
    Source: 通过红外光谱 (FTIR) 进行比较后发现
    Source lang: zh
    Bad: The talks ended on Tuesday.
    Source: Razgovori su završeni u Njemačkoj u utorak.
    Good: The crystals were compared by infrared spectroscopy (FTIR).
    Source: 通过红外光谱 (FTIR) 进行比较后发现
    Source lang: zh
    Good: The talks ended in Germany on Tuesday, CNN reported.
    Source: Razgovori su završeni u Njemačkoj u utorak, javio je CNN-u.

    Known limits: an acronym the translator expanded or localised in a way
    no table knows is reported; a known place swapped for another is major,
    any other dropped name minor; a name the source language writes as a
    common word (a name in German, which capitalises nouns, that is rare in
    English) is not looked for.
    """
    names = _names(target, source, ctx)
    reported: list[tuple[int, int]] = []

    def hit(start: int, end: int, message: str, severity: Severity | None = None) -> Hit | None:
        block = _sentence_near(target, start / max(1, len(source.raw)))
        if block is None:
            return None
        reported.append((start, end))
        return Hit(block.start, block.end, message, severity=severity, related=(Span("source", start, end),))

    # 1. known places, languages and currencies, in any script
    extra: set[str] | None = None  # the kinds of the known entities the target names and the source does not (on first need)
    seen_entities = set()
    for entity, start, end in names.found:
        kind = kind_of(entity)
        if kind in _WEAK_KINDS or entity in seen_entities or source.is_protected(start, end):
            continue
        if names.comparable and not tagged(entity) and not _cldr_city(names, entity):
            continue  # a gazetteer town in Latin or Cyrillic letters may be a word ("Tihi"); name-like words are step 2
        seen_entities.add(entity)
        word = source.raw[start:end]
        if names.in_target(entity) or any(loosely(t, fold_word) for t in names.target_names for fold_word in [ascii_fold(ctx.source.to_latin(word)).lower()]):
            continue
        if extra is None:
            extra = {kind_of(e) for e in names.target_entities if e not in names.entities and not (names.table and names.table.present(e, names.index))}
        swapped = kind in extra
        h = hit(start, end, f"{word!r} from the source is missing in the translation" + (", which names another here" if swapped else ""))
        if h:
            yield h
    # 2. name-like words of a Latin or Cyrillic source
    seen_words = set()
    for start, end, word, _, strong in names.dropped:
        key = ascii_fold(word).lower()[:5]
        if key in seen_words:
            continue
        seen_words.add(key)
        kept_part = _kept_neighbour(source.raw, start, end, names)
        h = hit(start, end, f"{word!r} from the source is missing in the translation" + (", though the name around it is there" if kept_part else ""),
                None if strong and not kept_part else Severity.INFO)
        if h:
            yield h
    # 3. tokens that pass unchanged: Latin in another script, acronyms and tokens with digits in a Latin source
    latin_source = source.script_shares.latin >= 0.5
    tgt_folded: str | None = None  # folded only when a source token needs looking up
    tgt_nodots = ""
    seen = set()
    for m in _KEPT.finditer(source.raw):
        tok = _HYPHEN_ENDING.sub("", m.group().strip(".'-"))
        if len(tok) < 2:
            continue
        if latin_source and (
            (tok.isalpha() and (tok.islower() or tok.istitle()))  # at most one capital: the quick common case
            or not (sum(c.isupper() for c in tok) >= 2 or any(c.isdigit() for c in tok))
        ):
            continue  # tested first (each test only skips the token): the cheapest and most often true
        if source.is_protected(m.start(), m.end()):
            continue
        if any(s <= m.start() < e for s, e in reported) or any(s <= m.start() < e for _, s, e in names.found):
            continue
        if not latin_source and tok.isalpha() and ctx.source.wordfreq and zipf(tok.lower(), ctx.source.wordfreq) >= 3.0 and (
            tok.islower() or english(tok.lower()) < 3.0
        ):
            continue  # a word of the source language typed in Latin letters inside a Cyrillic text ("je")
        key = ascii_fold(tok).lower()
        if key in seen:
            continue
        seen.add(key)
        if tgt_folded is None:
            tgt_folded = ascii_fold(target.raw).lower()
            tgt_nodots = tgt_folded.replace(".", "")
        if re.search(rf"(?<![\w]){re.escape(key)}", tgt_folded) or re.search(rf"(?<![\w]){re.escape(key.replace('.', ''))}", tgt_nodots):
            continue
        if tok.isupper() and (_currency_in(tok, names, tgt_folded) or _near_acronym(tok, target.raw) or _near_acronym(tok, names.title_words)):
            continue
        if names.table is not None and any(names.in_target(e) for e in names.table.english_ids(tok)):
            continue  # "USA" for the US
        if not tok.isupper() and tok[:1].isupper() and (_stem_match(key, names.target_keys) or any(loosely(t, key) for t in names.target_names)):
            continue  # an inflected name ("McGregora", "LeBrona") or a transcription ("JuGov")
        block = _sentence_near(target, m.start() / max(1, len(source.raw)))
        if block is None:
            return
        yield Hit(block.start, block.end, f"{tok!r} from the source is missing in the translation",
                  related=(Span("source", m.start(), m.start() + len(m.group())),))


def _kept_neighbour(text: str, start: int, end: int, names: _Names) -> bool:
    """Is a capitalised word right beside a source word (one space between) in the translation? Then the word is part
    of a name the translation kept in part ("Plaid Cymru" as "Plaid", "Jiří Paroubek" as "Paroubek"), not a lost name."""
    for a, e, _, _, _ in names.source_names:  # name-like words: not a sentence's first, nor a common noun
        if a != start and a not in names.dropped_starts and (text[end:a] == " " or text[e:start] == " "):
            return True
    return False


def _cldr_city(names: _Names, entity: str) -> bool:
    """Does CLDR name this city in the source language (a time zone's city: Singapour, Kairo), not only GeoNames?"""
    return names.table is not None and any(not f.gazetteer for f in names.table.forms.get(entity, ()))


def _currency_in(code: str, names: _Names, tgt_folded: str) -> bool:
    """Is an ISO 4217 code of the source (USD) said in the translation by its name or sign ("dollars", "$")?"""
    if names.table is None or f"currency:{code}" not in names.table.english_names:
        return False
    for name in names.table.english_names[f"currency:{code}"]:  # "us dollar", "$" (CLDR's English name and symbol)
        last = name.split()[-1]
        if (last[:5] if last.isalpha() else last) in tgt_folded:
            return True
    return False


def _near_acronym(tok: str, target: str) -> bool:
    """Does the translation have the acronym localised: one letter changed (PTSP/PTSD, DNK/DNA), the letters in
    another order (VIH/HIV, ADN/DNA, ONG/NGO), or one letter fewer (ONU/UN)?"""
    if len(tok) < 3:
        return False
    for m in re.finditer(r"\b[A-Z]{2,}\b", target.replace(".", "")):
        a = m.group()
        if len(a) == len(tok) and (sum(x != y for x, y in zip(a, tok)) <= 1 or sorted(a) == sorted(tok)):
            return True
        if len(a) == len(tok) - 1 and all(a.count(c) <= tok.count(c) for c in a):
            return True
    return False


def _sentence_near(target: Text, share: float):  # type: ignore[no-untyped-def]
    """The target sentence at the same relative position as a place in the source (for a span to point at)."""
    sents = target.sentences
    if not sents:
        return None
    pos = share * len(target.raw)
    for s in sents:
        if s.end >= pos:
            return s
    return sents[-1]


@rule("QA804", "copied-source-word", "accuracy/untranslated", "major", quiet_inside=("QA002", "QA103", "QA104"))
def copied_source_word(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""Words copied from the source into the translation that are neither English nor names.

    Why: MT copies words it cannot translate ("a Gruppe of friends",
    "pushed him to the Boden"); with the source at hand the evidence is
    direct: the word is in the source, common in the source language and
    rare in English.

    Bad: He started again in 1996 with a Gruppe of musician friends.
    Source: Erst 1996 startete er mit einer Gruppe befreundeter Musiker neu.
    Source lang: de
    Good: He started again in 1996 with a group of musician friends in Berlin.
    Source: Erst 1996 startete er in Berlin mit einer Gruppe befreundeter Musiker neu.
    Source lang: de

    Known limits: a word the source language shares with English
    ("problem", "hotel") is never reported; a name that is also a common
    word in the source language may be; Cyrillic and CJK words copied as
    they are belong to QA103 foreign-script.
    """
    lang = ctx.source.wordfreq
    if lang is None or lang == ctx.target.wordfreq:
        return
    src_words, src_lower = _source_words(source.raw, ctx.source)
    allow = ctx.config.allow_words
    run: list[Token] = []

    def flush() -> Iterator[Hit]:
        if run:
            words = " ".join(t.text for t in run)
            yield Hit(run[0].start, run[-1].end, f"{words!r} copied from the {ctx.source_name} source, not translated")
        run.clear()

    for tok in target.tokens:
        w = tok.text
        low = w.lower()
        copied = (
            len(w) >= 3
            and w.isalpha()
            and low in src_words
            and low not in allow
            and not target.is_protected(tok.start, tok.end)
            and not w.isupper()
            and _foreign(low, lang, capitalised=w[0].isupper() and low not in src_lower)
        )
        if copied and (not run or target.raw[run[-1].end : tok.start].strip() == ""):
            run.append(tok)
        elif copied:
            yield from flush()
            run.append(tok)
        elif run:
            yield from flush()
    yield from flush()


@lru_cache(maxsize=2_048)
def _source_words(raw: str, source: Profile) -> tuple[frozenset[str], frozenset[str]]:
    """A source's words in lower case (in Latin letters too, for a Cyrillic source), and those it writes in
    lower case; kept for the last sources, so a source with many translations is read once."""
    src_tokens = _WORD.findall(raw)
    src_words = {w.lower() for w in src_tokens}
    if has_cyrillic(raw):
        src_words |= {w.lower() for w in _WORD.findall(source.to_latin(raw))}
    return frozenset(src_words), frozenset(w for w in src_tokens if w.islower())


def _foreign(word: str, lang: str, capitalised: bool) -> bool:
    en = english(word)
    src = zipf(word, lang)
    if capitalised:
        # capitalised in the source too: a name, unless a very common noun of a language that capitalises nouns
        return lang == "de" and src >= 4.5 and en < 2.0
    return en < 3.0 and src >= 1.5 and src - en >= 1.0


# Sentence alignment against the source, for the omission, addition and length rules.
SURE = 1.5  # a sentence pair whose bead costs at most this is aligned with confidence
LONG_ADDED = 12  # words from which an added sentence between confidently aligned neighbours is major
MIN_UNPAIRED = 4  # words under which an unpaired sentence (a caption, a dateline) is not reported
def source_pairs(target: Text, source: Text, ctx: Context) -> list[SentencePair]:
    """The source->target sentence alignment, with the target's furniture kept out of it.

    Page chrome (what the boilerplate rules QA2xx find) and repeated paragraphs (QA301, QA302)
    are scraped lines the source never had: aligned, they push the correct paragraphs after them
    out of step, and those draw omission and addition findings. They are left out when the
    target has more paragraphs than the source (so a repeat the source has too still aligns),
    and come back as ``skipped`` pairs that no rule here reports. Aligned once per document (the
    context's alignment, which other rules share when nothing is skipped).
    """
    norm = ctx.source.english_length
    skip = frozenset(furniture(target, ctx)) if len(target.paragraphs) > len(source.paragraphs) else frozenset()
    return ctx.alignment(source, target, norm.ratio if norm else None, skip)


def furniture(target: Text, ctx: Context) -> set[int]:
    """Indices of the target paragraphs that are mostly page chrome or that repeat an earlier one."""
    out: set[int] = set()
    covered: dict[int, int] = {}
    for hits in ctx.boilerplate(target).values():
        for h in hits:
            para = target.paragraph_of(h.start)
            if para is not None:
                covered[para.index] = covered.get(para.index, 0) + min(h.end, para.end) - max(h.start, para.start)
    for i, n in covered.items():
        para = target.paragraphs[i]
        if 2 * n >= len(target.slice(para).strip()):
            out.add(i)
    for hit in (*duplicate_paragraph(target), *near_duplicate_paragraph(target)):
        para = target.paragraph_of(hit.start)
        if para is not None:
            out.add(para.index)
    return out


def _norm(target: Text, source: Text, ctx: Context) -> tuple[float, float, float]:
    """The expected target/source length ratio and its normal bounds (the QA807 norm when known)."""
    norm = ctx.source.english_length
    if norm is not None:
        return norm.ratio, norm.low, norm.high
    return max(0.05, len(target.raw.strip()) / max(1, len(source.raw.strip()))), 0.5, 2.0


def _chars(blocks: tuple[Block, ...]) -> int:
    return sum(b.end - b.start for b in blocks)


def absorbed(pairs: list[SentencePair], k: int, side: str, text: Text, norm: tuple[float, float, float]) -> bool:
    """Can a neighbouring pair take pair ``k``'s unpaired sentence (and any unpaired run between
    them on the same side) and still have a normal length ratio? Then the translator split or
    merged sentences, which is normal translation, and nothing is missing or added.

    Only a neighbour in the same paragraph of ``text`` (the unpaired sentence's side) may absorb
    it: translators split and merge sentences, but a whole paragraph more or less is not a split.
    """
    ratio, low, high = norm
    own = _chars(getattr(pairs[k], side))
    blocks = getattr(pairs[k], side)
    home = text.paragraph_of(blocks[0].start)
    for step in (-1, 1):
        extra, i = own, k + step
        while 0 <= i < len(pairs) and not pairs[i].skipped and not (pairs[i].left and pairs[i].right):
            p = pairs[i]
            if (p.left and side == "right") or (p.right and side == "left"):
                break  # an unpaired sentence of the other side: not a run of this one
            extra += _chars(getattr(p, side))
            i += step
        if not (0 <= i < len(pairs)) or pairs[i].skipped or not (pairs[i].left and pairs[i].right):
            continue
        near = getattr(pairs[i], side)[-1 if step < 0 else 0]
        there = text.paragraph_of(near.start)
        if home is None or there is None or there.index != home.index:
            continue
        sl, tl = _chars(pairs[i].left), _chars(pairs[i].right)
        if side == "right":
            tl += extra
        else:
            sl += extra
        if low <= tl / max(1, sl) / ratio <= high:
            return True
    return False


def _neighbours_sure(pairs: list[SentencePair], k: int) -> bool:
    """Are the nearest paired sentences either side of pair ``k`` (those that exist) confidently aligned?"""
    found = 0
    for step in (-1, 1):
        i = k + step
        while 0 <= i < len(pairs) and (pairs[i].skipped or not (pairs[i].left and pairs[i].right)):
            i += step
        if 0 <= i < len(pairs):
            if pairs[i].cost > SURE:
                return False
            found += 1
    return found > 0


@rule("QA805", "source-sentence-omitted", "accuracy/omission", "minor")
def source_sentence_omitted(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A source sentence or paragraph with no counterpart in the translation.

    Why: MT drops sentences (especially in long inputs and after a
    truncation), and an editor who reads only the English cannot notice.

    Bad: The minister resigned on Monday.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nOpozicija je tražila nove izbore i najavila proteste ispred skupštine.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday.\nThe opposition demanded new elections and announced protests.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nOpozicija je tražila nove izbore i najavila proteste ispred skupštine.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday and the opposition demanded new elections.
    Source: Ministar je podneo ostavku u ponedeljak. Opozicija je tražila nove izbore.

    Known limits: the span is the target sentence after the gap (the
    omission itself has no place in the target); a source sentence that a
    neighbouring translated sentence can absorb with a normal length ratio
    (two sentences merged into one) is not reported, so an omitted short
    sentence next to a long, loose translation is missed; very short source
    sentences (under four words, often captions) are not reported.
    """
    if len(source.sentences) < 2:
        return
    pairs = source_pairs(target, source, ctx)
    norm = _norm(target, source, ctx)
    last = None
    for k, pair in enumerate(pairs):
        if pair.right and not pair.skipped:
            last = pair.right[-1]
        if pair.left and not pair.right:
            words = sum(len(source.tokens_in(b.start, b.end)) for b in pair.left)
            if words < MIN_UNPAIRED or absorbed(pairs, k, "left", source, norm):
                continue
            after = next((p.right[0] for p in pairs[k + 1 :] if p.right and not p.skipped), None)
            where = after or last
            if where is None:
                return
            s, e = pair.left[0].start, pair.left[-1].end
            yield Hit(where.start, where.end, f"a source sentence has no translation before or here: {source.raw[s:e][:80]!r}",
                      related=(Span("source", s, e),))


@rule("QA806", "target-sentence-added", "accuracy/addition", "major")
def target_sentence_added(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A translated sentence with no counterpart in the source.

    Why: MT hallucinates sentences (repeated boilerplate, invented quotes),
    and a pipeline can append text from another article.

    Bad: The minister resigned on Monday.\nThe opposition leader also said that he would run for president next year at the head of a new party of his own.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday. He had been in office for three years.
    Source: Ministar, koji je bio na funkciji tri godine, podneo je ostavku u ponedeljak.

    Known limits: a target sentence that a neighbouring pair can absorb with
    a normal length ratio (a translator's split of one long source sentence
    into two to four) is not reported, so a short invented sentence after a
    terse translation is missed; short target sentences (under four words)
    are not reported; the finding is major only for a sentence of twelve
    words or more whose aligned neighbours are confidently aligned, else
    minor. Chrome and repeated paragraphs are left to QA2xx and QA301/QA302.
    """
    if len(target.sentences) < 2:
        return
    pairs = source_pairs(target, source, ctx)
    norm = _norm(target, source, ctx)
    for k, pair in enumerate(pairs):
        if pair.left or pair.skipped:
            continue
        for b in pair.right:
            words = len(target.tokens_in(b.start, b.end))
            if words < MIN_UNPAIRED or absorbed(pairs, k, "right", target, norm):
                continue
            sure = words >= LONG_ADDED and _neighbours_sure(pairs, k)
            yield Hit(b.start, b.end, "this sentence has no counterpart in the source",
                      severity=Severity.MAJOR if sure else Severity.MINOR)


@rule("QA807", "length-ratio", "accuracy/omission", "minor")
def length_ratio(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A translated sentence far shorter or longer than its source, for this language pair.

    Why: a translation half as long as the norm has usually lost a clause;
    one twice as long has usually gained one. The norms per language pair are
    in each source language's profile (``english_length``).

    Bad: The minister resigned.
    Source: Ministar je podneo ostavku u ponedeljak posle dugih pregovora sa koalicionim partnerima.
    Good: The minister resigned on Monday after long talks with coalition partners.
    Source: Ministar je podneo ostavku u ponedeljak posle dugih pregovora sa koalicionim partnerima.

    Known limits: only sentence pairs of at least 40 source characters
    (30 for Chinese and Japanese) are judged; a line without final
    punctuation (a headline, a caption) is never "shorter", as headlines are
    terse by style; a legitimately concise translation is reported too,
    hence minor.
    """
    norm = ctx.source.english_length
    if norm is None:
        return
    ratio, low, high, short = norm.ratio, norm.low, norm.high, norm.min_chars
    for pair in source_pairs(target, source, ctx):
        if not pair.left or not pair.right:
            continue
        sl = sum(b.end - b.start for b in pair.left)
        tl = sum(b.end - b.start for b in pair.right)
        if sl < short:
            continue
        r = tl / sl / ratio
        if r < low and _headline(target, pair.right[-1]):
            continue  # a headline or a caption (no final punctuation) is terse by style: "U.S. should double A.I. funding"
        if r < low or r > high:
            s, e = pair.right[0].start, pair.right[-1].end
            what = "shorter" if r < low else "longer"
            yield Hit(s, e, f"{r:.1f} times the usual length for its source: much {what} than expected",
                      related=(Span("source", pair.left[0].start, pair.left[-1].end),))


def _headline(target: Text, block: Block) -> bool:
    """Is a target sentence a line of its own without final punctuation (a headline, a caption)?"""
    text = target.raw[block.start : block.end].rstrip()
    para = target.paragraph_of(block.start)
    return bool(text) and text[-1].isalnum() and para is not None and target.raw[block.end : para.end].strip() == ""


@rule("QA808", "link-mismatch", "accuracy/mistranslation", "major")
def link_mismatch(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A URL, e-mail address, handle or hashtag of the source missing or altered in the translation.

    Why: MT translates or breaks what must be copied: ``#izbori`` becomes
    ``#elections``, ``@vladaSrbije`` loses a letter, a URL gets a space.

    Bad: Write to info@vlada.gov.rs or follow #elections.
    Source: Pišite na info@vlada.rs ili pratite #izbori.
    Good: Write to info@vlada.rs or follow #izbori.
    Source: Pišite na info@vlada.rs ili pratite #izbori.

    Known limits: a hashtag the newsroom deliberately translated is reported;
    the span is the target link that replaced it when one is found, else the
    sentence at the same place.
    """
    if not may_link(source.raw):
        return
    tgt = {m.group().rstrip(".,;:").lower(): m for m in LINK.finditer(target.raw)}
    used = set()
    for m in LINK.finditer(source.raw):
        link = m.group().rstrip(".,;:")
        if link.lower() in tgt:
            used.add(link.lower())
            continue
        kind = "hashtag" if link.startswith("#") else "handle" if link.startswith("@") else "e-mail address" if "@" in link else "URL"
        others = [k for k in tgt if k not in used and k[:1] == link[:1].lower()] or [k for k in tgt if k not in used]
        related = (Span("source", m.start(), m.start() + len(link)),)
        if others:
            t = tgt[others[0]]
            used.add(others[0])
            yield Hit(t.start(), t.start() + len(others[0]), f"{kind} {link!r} of the source is changed here", suggestion=link, related=related)
        else:
            block = _sentence_near(target, m.start() / max(1, len(source.raw)))
            if block is not None:
                yield Hit(block.start, block.end, f"{kind} {link!r} of the source is missing", related=related)
