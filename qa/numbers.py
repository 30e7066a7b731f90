"""Numbers in text, read with the writer's locale: digits, number words, multipliers, CJK numerals, months.

Serbian ``1.000,5`` is English ``1,000.5``; Serbian writes a year ``2022.`` and
a date ``15. avgusta`` where English writes ``August 15``; Chinese writes
``1.7万`` where English writes ``17,000``; ``dvije``, ``two`` and ``2`` are one
number. Each number found carries the *set* of values it may stand for, so a
comparison asks "can these be the same number?" rather than guessing one
reading: a source is read leniently (both separator conventions, each part of
a date), so that a target number is reported only when no reading of the
source explains it.

Language knowledge (number words, multipliers, month names, the decimal
separator, CJK numeral characters) lives in each language's ``numbers.toml``; this
module holds only the reading logic.
"""

from __future__ import annotations

import re
import unicodedata

import regex
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Iterable

from qa.languages import profile
from qa.resources import read_toml


@dataclass(frozen=True)
class Number:
    """A number in a text: where it is, what it says, and every value it may stand for."""

    start: int
    end: int
    text: str
    values: frozenset[float]
    kind: str  # "digits", "word" or "month"


@dataclass(frozen=True)
class Lexicon:
    decimal: str
    words: dict[str, float]
    multipliers: dict[str, float]
    months: dict[str, int]
    unchecked: frozenset[str]
    cjk: bool = False
    numerals: dict[str, float] | None = None
    units: dict[str, float] | None = None
    month_marker: str | None = None

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lexicon reads (number words, multipliers, months, unchecked words)."""
        return frozenset(self.words) | frozenset(self.multipliers) | frozenset(self.months) | self.unchecked

    @cached_property
    def cjk_run(self) -> re.Pattern[str]:
        """Runs of CJK numeral characters (a numeral or unit first, large units may follow), found in C."""
        first = "".join(sorted(set(self.numerals or {}) | set(self.units or {})))
        rest = first + "".join(sorted(k for k, v in self.multipliers.items() if v >= 10000))
        return re.compile(f"[{re.escape(first)}][{re.escape(rest)}]*" if first else "(?!)")


def lexicon(lang: str | None) -> Lexicon | None:
    """The number data of a language (its profile's ``numbers.toml``; sr/hr/bs share one), or None."""
    return _lexicon(profile(lang).code)


@lru_cache(maxsize=None)
def _lexicon(code: str) -> Lexicon | None:
    path = profile(code).data_file("numbers.toml")
    if path is None:
        return None
    data: dict[str, Any] = read_toml(path)
    return Lexicon(
        decimal=data.get("decimal", "."),
        words={k.lower(): float(v) for k, v in data.get("words", {}).items()},
        multipliers={k.lower(): float(v) for k, v in data.get("multipliers", {}).items()},
        months={k.lower(): int(v) for k, v in data.get("months", {}).items()},
        unchecked=frozenset(w.lower() for w in data.get("unchecked", [])),
        cjk=bool(data.get("cjk", False)),
        numerals={k: float(v) for k, v in data.get("numerals", {}).items()} or None,
        units={k: float(v) for k, v in data.get("units", {}).items()} or None,
        month_marker=data.get("month_marker"),
    )


# Digit runs with inner separators: "1,000.5", "1.000,5", "2022", "4.176"; any script's decimal digits.
_DIGITS = re.compile(r"(?<![\d])\d+(?:[.,\u00a0\u202f ]\d{3}(?!\d)|[.,]\d+)*")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)?")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")  # the same words in ASCII text, by the faster ``re``


def _words(text: str) -> regex.Pattern[str] | re.Pattern[str]:
    return _ASCII_WORD if text.isascii() else _WORD


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]?")  # 15.8.2022, 15/08
_ISO_DATE = re.compile(r"\b\d{4}-(\d{2})-\d{2}\b")
_DIGIT_AFTER = re.compile(r"\s{1,2}\d")
_DIGIT_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s{1,2}$")
_WORD_AFTER = re.compile(r"[\s\u00a0]*(?:-)?([^\W\d_]+)\.?")  # applied to the 20 characters after a number
_SEPARATORS = re.compile(r"[.,\s\u00a0\u202f]")


def ascii_digits(text: str) -> str:
    """Decimal digits of any script (Devanagari, full-width, ...) as ASCII, keeping every offset."""
    if text.isascii():
        return text  # the common case, without a pass over every character
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(), m.group())), text)


_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit that is not ASCII (found by the C scanner)


def readings(digits: str, decimal: str | None) -> set[float]:
    """The values a digit string may stand for: with ``decimal`` as the decimal mark, or with either when None."""
    s = digits.replace("\u00a0", " ").replace("\u202f", " ")
    out: set[float] = set()
    marks = (decimal,) if decimal else (".", ",")
    for mark in marks:
        other = "," if mark == "." else "."
        t = s.replace(" ", "").replace(other, "")
        if t.count(mark) > 1:
            t = t.replace(mark, "")  # "1.000.000" in a locale that groups with the mark
        try:
            out.add(float(t.replace(mark, ".")))
        except ValueError:
            continue
    return out


def _value_of_words(words: list[str], lex: Lexicon) -> float | None:
    total = 0.0
    for w in words:
        v = lex.words.get(w)
        if v is None:
            return None
        total += v
    return total


def target_numbers(text: str, lang: str = "en") -> list[Number]:
    """Numbers in a text in its own locale (the translation): digits, number words, dates' months."""
    lex = lexicon(lang)
    if lex is None:
        return []
    norm = ascii_digits(text)
    out: list[Number] = []
    for m in _DIGITS.finditer(norm):
        raw = m.group().rstrip(" ")
        end = m.start() + len(raw)
        if m.start() > 0 and (norm[m.start() - 1].isalpha() or (norm[m.start() - 1] == "-" and m.start() > 1 and norm[m.start() - 2].isalpha())):
            continue  # part of a name or code: COVID-19, F-35, G7
        vals = readings(raw, lex.decimal)
        mult = _multiplier_after(norm, end, lex)
        if mult:
            vals |= {v * mult for v in vals}
        out.append(Number(m.start(), end, text[m.start() : end], frozenset(vals), "digits"))
    for m in _words(norm).finditer(norm) if _mentions(norm, lex) else ():  # one pass: most words are neither
        found = m.group()
        word = found.lower()
        month = lex.months.get(word)
        if month is not None and found[0].isupper() and len(found) >= 3 and _digit_near(norm, m.start(), m.end()):
            # a month is judged only in a date ("August 15", "15 August"), never "May" the verb
            out.append(Number(m.start(), m.end(), found, frozenset({float(month)}), "month"))
        if word in lex.unchecked:
            continue
        value = lex.words.get(word)
        if value is None and "-" in word:
            parts = word.split("-")
            value = _value_of_words(parts, lex)  # "twenty-five"
            if value is None and parts[0] not in lex.unchecked:
                value = lex.words.get(parts[0])  # "five-point", "three-time"
        if value is None:
            continue
        if found[0].isupper() and not _sentence_start(norm, m.start()):
            continue  # "Ninth Ward", "Seven Sisters": part of a name
        vals = {value}
        mult = _multiplier_after(norm, m.end(), lex)
        if mult and word not in lex.multipliers:
            vals.add(value * mult)
        out.append(Number(m.start(), m.end(), text[m.start() : m.end()], frozenset(vals), "word"))
    return sorted(out, key=lambda n: n.start)


def _mentions(text: str, lex: Lexicon) -> bool:
    """Does any word of ``text`` (or part of a hyphenated one) belong to the lexicon? A cheap set test
    that spares the positional scan of the many sentences that write no number in words."""
    vocab = lex.vocabulary
    low = text.lower()
    for word in set(_words(low).findall(low)):
        if word in vocab or ("-" in word and not vocab.isdisjoint(word.split("-"))):
            return True
    return False


def _sentence_start(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\"“'‘(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


def _digit_near(text: str, start: int, end: int) -> bool:
    return bool(_DIGIT_AFTER.match(text, end, end + 3) or _DIGIT_BEFORE.search(text[max(0, start - 7) : start]))


def _multiplier_after(text: str, end: int, lex: Lexicon) -> float | None:
    m = _WORD_AFTER.match(text[end : end + 20])
    if not m:
        return None
    return lex.multipliers.get(m.group(1).lower())


@dataclass(frozen=True)
class SourceNumbers:
    """What a source says in numbers: every value any reading gives, and its months."""

    values: frozenset[float]
    months: frozenset[int]
    has_digits: bool


def source_numbers(text: str, lang: str | None) -> SourceNumbers:
    """Every value the source may express (lenient: both separator conventions, parts of dates, words)."""
    lex = lexicon(lang)
    norm = ascii_digits(text)
    if lex is not None and not lex.cjk and "CYRILLIC" in profile(lang).scripts and "LATIN" in profile(lang).scripts:
        norm = profile(lang).to_latin(norm)  # Serbian Cyrillic: the data is in Latin script
    values: set[float] = set()
    months: set[int] = set()
    has_digits = False
    for m in _DIGITS.finditer(norm):
        has_digits = True
        raw = m.group().rstrip(" ")
        vals = readings(raw, None)
        for part in _SEPARATORS.split(raw):
            if part:
                vals.add(float(part))  # "15.8." may be a date: 15 and 8 are both there
        end = m.start() + len(raw)
        mult = _source_multiplier(norm, end, lex)
        if mult:
            vals |= {v * mult for v in vals}
            rest = re.match(r"\D{1,2}(\d+)", norm[end : end + 12]) if lex and lex.cjk else None
            if rest:  # 1万1000 = 11000
                vals |= {v * mult + float(rest.group(1)) for v in readings(raw, None)}
        values |= vals
        if lex and lex.month_marker and norm[end : end + 1] == lex.month_marker:
            months.update(int(v) for v in vals if v == int(v) and 1 <= v <= 12)
    # numeric dates: 15.8.2022, 15/08, 2022-08-15
    if has_digits:
        for m in _NUMERIC_DATE.finditer(norm):
            months.update(int(g) for g in m.groups() if 1 <= int(g) <= 12)
        for m in _ISO_DATE.finditer(norm):
            months.add(int(m.group(1)))
    if lex is None:
        return SourceNumbers(frozenset(values), frozenset(months), has_digits)
    if lex.cjk:
        for value, end, _start in _cjk_numbers(norm, lex):
            has_digits = True
            vals = {value}
            mult = _source_multiplier(norm, end, lex)
            if mult:
                vals.add(value * mult)
            values |= vals
            if lex.month_marker and norm[end : end + 1] == lex.month_marker and value == int(value) and 1 <= value <= 12:
                months.add(int(value))
    elif _mentions(norm, lex):
        for m in _words(norm).finditer(norm):
            word = m.group().lower()
            for w in (word, *word.split("-")) if "-" in word else (word,):
                if w in lex.words:
                    v = lex.words[w]
                    values.add(v)
                    mult = _source_multiplier(norm, m.end(), lex)
                    if mult:
                        values.add(v * mult)
                if w in lex.months:
                    months.add(lex.months[w])
                if w in lex.multipliers:
                    values.add(lex.multipliers[w])
    return SourceNumbers(frozenset(values), frozenset(months), has_digits)


def _source_multiplier(text: str, end: int, lex: Lexicon | None) -> float | None:
    if lex is None:
        return None
    if lex.cjk:
        total = 1.0
        i = end
        found = False
        while i < len(text) and text[i] in lex.multipliers:
            total *= lex.multipliers[text[i]]
            found = True
            i += 1
        return total if found else None
    return _multiplier_after(text, end, lex)


def _cjk_numbers(text: str, lex: Lexicon) -> Iterable[tuple[float, int, int]]:
    """(value, end, start) of each run of CJK numerals: 二十八 = 28, 三千万 = 30000000, 二〇二〇 = 2020."""
    numerals = lex.numerals or {}
    units = lex.units or {}
    big = {k: v for k, v in lex.multipliers.items() if v >= 10000}
    for m in lex.cjk_run.finditer(text):  # a run starts with a numeral or unit; large units may follow
        i, run = m.start(), m.group()
        # trailing large units belong to the multiplier reading, not the run
        while run and run[-1] in big:
            run = run[:-1]
        if run:
            value = _cjk_value(run, numerals, units, big)
            if value is not None:
                yield value, i + len(run), i


def _cjk_value(run: str, numerals: dict[str, float], units: dict[str, float], big: dict[str, float]) -> float | None:
    if len(run) > 1 and all(c in numerals for c in run):
        digits = "".join(str(int(numerals[c])) for c in run if numerals[c] == int(numerals[c]))
        return float(digits) if len(digits) == len(run) else None  # 二〇二〇 = 2020
    total = section = digit = 0.0
    for c in run:
        if c in numerals:
            digit = numerals[c]
        elif c in units:
            section += (digit or 1) * units[c]
            digit = 0
        elif c in big:
            total += (section + digit) * big[c]
            section = digit = 0
    return total + section + digit


def same_number(a: float, b: float) -> bool:
    """Equal, or ``a`` is ``b`` rounded: "4.2 million" for 4,176,000 (a round figure within 2%), never 1997 for 1979."""
    if abs(a - b) < 1e-9 * max(1.0, abs(a)):
        return True
    digits = f"{a:.0f}" if a == int(a) else ""
    rounded = len(digits) >= 4 and len(digits) - len(digits.rstrip("0")) >= 2
    return rounded and abs(a - b) <= 0.02 * max(abs(a), abs(b))


def explained(number: Number, source: SourceNumbers) -> bool:
    """Can some reading of the source be this target number?"""
    if number.kind == "month":
        return not source.months or any(int(v) in source.months for v in number.values) or any(v in source.values for v in number.values)
    return any(same_number(v, s) for v in number.values for s in source.values)
