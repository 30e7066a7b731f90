"""Language data, loaded once per process from ``qa/data`` (and the user's extra files).

Language knowledge lives in data files with their provenance, not in code;
this module only reads and caches them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data"

# ISO 639-1 codes of the Serbo-Croatian standards, which share one lexicon here.
SH_LANGS = frozenset({"sr", "hr", "bs", "me", "cnr", "sh"})
LANGUAGE_NAMES = {
    "sr": "Serbian", "hr": "Croatian", "bs": "Bosnian", "me": "Montenegrin", "cnr": "Montenegrin",
    "sh": "Serbo-Croatian", "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pl": "Polish", "cs": "Czech", "ru": "Russian", "uk": "Ukrainian", "sl": "Slovene",
    "mk": "Macedonian", "bg": "Bulgarian", "ja": "Japanese", "zh": "Chinese", "hi": "Hindi", "pt": "Portuguese",
    "nl": "Dutch", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "tr": "Turkish", "sq": "Albanian",
}


def lexicon_lang(lang: str | None) -> str:
    """The data-file language for an ISO code: sr/hr/bs/me share ``sh``; unknown sources default to ``sh``."""
    if lang is None:
        return "sh"
    code = lang.lower().split("-")[0].split("_")[0]
    return "sh" if code in SH_LANGS else code


def language_name(lang: str | None) -> str:
    if lang is None:
        return "Serbian/Croatian/Bosnian"
    code = lang.lower().split("-")[0].split("_")[0]
    return LANGUAGE_NAMES.get(code, code)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ValueError(f"{path}: cannot read ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: invalid TOML ({e})") from None


@dataclass(frozen=True)
class FunctionWords:
    words: dict[str, str]  # word -> English gloss
    phrases: tuple[tuple[str, ...], ...]  # lower-case phrases that excuse a word
    particles: frozenset[str]


@lru_cache(maxsize=None)
def function_words(lang: str) -> FunctionWords | None:
    path = DATA / "function_words" / f"{lang}.toml"
    if not path.is_file():
        return None
    data = read_toml(path)
    exc = data.get("except", {})
    return FunctionWords(
        words={k.lower(): str(v) for k, v in data.get("words", {}).items()},
        phrases=tuple(tuple(p.lower().split()) for p in exc.get("phrases", [])),
        particles=frozenset(exc.get("particles", [])),
    )
