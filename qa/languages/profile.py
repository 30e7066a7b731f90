"""A language as one object: everything qa knows about it, read from its folder of data files.

translate-toolkit keeps one ``translate/lang/<code>.py`` per language; qa keeps
one folder per language under ``qa/data/languages/<code>/`` with a
``profile.toml`` (its codes, names, scripts, word-frequency list, langdetect
labels, length norm, how idiom forms inflect) and the data files beside it
(``function_words.toml``, ``numbers.toml``, ``boilerplate.toml``,
``idioms.toml``, ``calques.toml``, ...). Rules ask a profile, never a list of
codes; adding a language is a folder, not a code change
(``docs/ARCHITECTURE.md``).

A language without a folder still gets a profile: its name and script come
from CLDR (Babel's data) and its word-frequency list from wordfreq where
wordfreq has one, so every rule that needs only those works for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from qa.languages.scripts import iso15924_script
from qa.languages.stemming import PrefixStemmer
from qa.languages.transliteration import CYRILLIC, Transliteration
from qa.resources import DATA, read_toml, read_words

LANGUAGES = DATA / "languages"
DEFAULT_SOURCE = "sh"  # an article's source language when nobody says: the mission's languages


def normalise(code: str) -> str:
    """The bare language subtag of a code: ``sr-Latn`` and ``SR_rs`` are ``sr``, ``zh-cn`` is ``zh``."""
    return code.strip().lower().replace("_", "-").split("-")[0]


@dataclass(frozen=True)
class FunctionWords:
    """Closed-class words of a source language that MT leaves inside English, with their glosses."""

    words: dict[str, str]  # word -> English gloss ("(...)" when there is no one-word gloss)
    phrases: tuple[tuple[str, ...], ...]  # lower-case phrases that excuse a word ("per se")
    particles: frozenset[str]  # name particles before a capitalised surname ("da Silva")


@dataclass(frozen=True)
class LengthNorm:
    """How long an English translation of this language's text usually is, in characters."""

    ratio: float  # median of English length over source length
    low: float  # lowest normal share of the median
    high: float  # highest normal share of the median
    min_chars: int  # shorter source sentences are not judged


@dataclass(frozen=True, eq=False)
class Profile:
    """One language (or one family of standards that share a lexicon, like Serbo-Croatian).

    One object per language per process (``profile()`` caches them), compared and hashed by identity.
    """

    code: str  # the folder's code ("sh", "en", "mk", ...)
    name: str
    scripts: tuple[str, ...]  # coarse script names as ``qa.languages.scripts.script_of`` gives them
    wordfreq: str | None  # wordfreq's list for it, or None
    langdetect: frozenset[str]  # langdetect's labels that mean this language
    letters: str = ""  # letters that mark a word as this language rather than another of its script
    codes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # ISO code -> (name, scripts)
    english_length: LengthNorm | None = None
    stemmer: PrefixStemmer = PrefixStemmer()
    clitics: frozenset[str] = frozenset()  # words that may stand inside an idiom's source form
    optional_clitics: frozenset[str] = frozenset()  # and those a form may hold that the text may lack
    folder: Path | None = None

    def name_for(self, code: str | None) -> str:
        """The name to show for a code of this profile ("Croatian" for hr), else the profile's name."""
        if code is None:
            return self.name
        return self.codes.get(normalise(code), (self.name, ()))[0]

    def scripts_for(self, code: str | None) -> tuple[str, ...]:
        """The scripts a text in this code is written in (Croatian: Latin; Serbian: Latin and Cyrillic)."""
        if code is None:
            return self.scripts
        return self.codes.get(normalise(code), ("", self.scripts))[1]

    def data_file(self, name: str) -> Path | None:
        """A data file beside the profile (``"numbers.toml"``), or None when the language has none."""
        if self.folder is None:
            return None
        path = self.folder / name
        return path if path.is_file() else None

    @cached_property
    def function_words(self) -> FunctionWords | None:
        path = self.data_file("function_words.toml")
        if path is None:
            return None
        data = read_toml(path)
        exc = data.get("except", {})
        return FunctionWords(
            words={k.lower(): str(v) for k, v in data.get("words", {}).items()},
            phrases=tuple(tuple(p.lower().split()) for p in exc.get("phrases", [])),
            particles=frozenset(exc.get("particles", [])),
        )

    @cached_property
    def transliteration(self) -> Transliteration | None:
        """How this language's non-Latin script is written in Latin letters (None for Latin-only languages)."""
        if "CYRILLIC" not in self.scripts:
            return None
        own = self.data_file("transliteration.toml")
        return Transliteration.load(own) if own is not None else CYRILLIC()

    def words(self, name: str) -> frozenset[str]:
        """A word-list file beside the profile as a set of lower-case words (empty when there is none)."""
        cache = self._word_lists
        if name not in cache:
            path = self.data_file(name)
            cache[name] = read_words(path) if path is not None else frozenset()
        return cache[name]

    @cached_property
    def _word_lists(self) -> dict[str, frozenset[str]]:
        return {}

    def to_latin(self, text: str) -> str:
        """The text in Latin letters (Cyrillic transliterated by this language's table)."""
        table = self.transliteration
        return table.to_latin(text) if table is not None else text


def profile(code: str | None) -> Profile:
    """The profile for a language code (any case, with or without a region or script subtag).

    ``None`` is the default source language (Serbo-Croatian). A code with no folder gets a
    profile made from CLDR and wordfreq (see the module docstring).
    """
    return _profile(normalise(code) if code else DEFAULT_SOURCE)


def name_of(code: str | None) -> str:
    """The name of the language a code stands for ("hr" -> "Croatian", None -> the default source's name)."""
    return profile(code).name_for(code)


@lru_cache(maxsize=None)
def _profile(code: str) -> Profile:
    folder = _folders().get(code)
    if folder is not None:
        return _read(folder)
    return _generic(code)


@lru_cache(maxsize=1)
def _folders() -> dict[str, Path]:
    """Every ISO code a bundled profile answers to, and the profile's folder."""
    out: dict[str, Path] = {}
    for path in sorted(LANGUAGES.glob("*/profile.toml")):
        for code in (path.parent.name, *read_toml(path).get("codes", {})):
            out.setdefault(code, path.parent)
    return out


def bundled() -> list[Profile]:
    """The profiles that ship with qa, one per folder."""
    return [_read(folder) for folder in sorted(set(_folders().values()))]


@lru_cache(maxsize=None)
def _read(folder: Path) -> Profile:
    path = folder / "profile.toml"
    data = read_toml(path)
    try:
        scripts = tuple(data["scripts"])
        codes = {
            k: (str(v["name"]), tuple(v.get("scripts", scripts))) for k, v in data.get("codes", {}).items()
        }
        forms: dict[str, Any] = data.get("idiom_forms", {})
        length = data.get("english_length")
        return Profile(
            code=folder.name,
            name=str(data["name"]),
            scripts=scripts,
            wordfreq=data.get("wordfreq"),
            langdetect=frozenset(data.get("langdetect", [folder.name])),
            letters=str(data.get("letters", "")),
            codes=codes,
            english_length=LengthNorm(float(length["ratio"]), float(length["low"]), float(length["high"]), int(length["min_chars"]))
            if length
            else None,
            stemmer=PrefixStemmer.from_data(forms.get("stem")),
            clitics=frozenset(forms.get("clitics", [])),
            optional_clitics=frozenset(forms.get("optional_clitics", [])),
            folder=folder,
        )
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"{path}: bad language profile ({type(e).__name__}: {e})") from None


def _generic(code: str) -> Profile:
    """A language qa has no folder for: its name and script from CLDR, its wordfreq list if any."""
    from qa.languages.frequency import wordfreq_list

    name, script = _cldr(code)
    scripts = (script,) if script else ("LATIN",)
    return Profile(
        code=code,
        name=name,
        scripts=scripts,
        wordfreq=wordfreq_list(code),
        langdetect=frozenset({code}),
        codes={code: (name, scripts)},
    )


def _cldr(code: str) -> tuple[str, str | None]:
    """A language's English name and its likely script, from Babel's copy of CLDR."""
    from babel.core import Locale, get_global

    name = Locale("en").languages.get(code, code)
    likely = get_global("likely_subtags").get(code)
    script = likely.split("_")[1] if likely and likely.count("_") >= 1 else None
    return name, iso15924_script(script) if script else None
