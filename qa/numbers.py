"""Numbers in text, read with the writer's locale: digits, number words, multipliers, CJK numerals, months, times.

Serbian ``1.000,5`` is English ``1,000.5``; Serbian writes a year ``2022.`` and
a date ``15. avgusta`` where English writes ``August 15``; Chinese writes
``1.7万`` where English writes ``17,000`` and ``9点半`` where English writes
``9:30``; ``dvije``, ``petoro``, ``два``, ``two`` and ``2`` are one number.
Each number found carries the *set* of values it may stand for, so a
comparison asks "can these be the same number?" rather than guessing one
reading: a source is read leniently (both separator conventions, each part of
a date, every inflected or compound form of a number word), so that a target
number is reported only when no reading of the source explains it.

A translator may also convert what the source says: an English "85 miles"
is a Serbian "135 kilometara"; such a target number carries its converted
values (``Number.approx``), which meet the source within a rounding margin.

Language knowledge (number words and their stems and endings, multipliers,
fractions, month names, time markers, unit conversions, the decimal
separator, CJK numeral characters) lives in each language's ``numbers.toml``
(``qa/data/languages/<code>/``); this module holds only the reading logic.
"""

from __future__ import annotations

import re
import unicodedata

import regex
from dataclasses import dataclass, field
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
    kind: str  # "digits", "word", "month" or "time" (values in minutes after midnight)
    approx: frozenset[float] = frozenset()  # converted values (miles in km, pounds in kg): they meet the source within a rounding margin


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
    fractions: dict[str, float] = field(default_factory=dict)  # word -> denominator
    prefixes: dict[str, float] = field(default_factory=dict)  # stems that ``suffixes`` may follow
    suffixes: tuple[str, ...] = ()
    joiners: frozenset[str] = frozenset()
    infix: str | None = None  # joins a unit before a ten inside one word (Slovenian petindvajset)
    time_markers: frozenset[str] = frozenset()
    hour_markers: tuple[str, ...] = ()  # CJK: 点, 时
    minute_markers: tuple[str, ...] = ()
    half_hour: str | None = None
    quarter_hour: str | None = None
    pm_words: tuple[str, ...] = ()
    fraction_marker: str | None = None
    am: frozenset[str] = frozenset()
    pm: frozenset[str] = frozenset()
    time_zones: tuple[str, ...] = ()
    conversions: dict[str, tuple[float, ...]] = field(default_factory=dict)
    fahrenheit: frozenset[str] = frozenset()
    unchecked_phrases: tuple[str, ...] = ()
    range_markers: tuple[str, ...] = ()  # a source's range marks: the unit after the range's end counts for its start

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lexicon reads (number words, multipliers, months, fractions, unchecked words)."""
        return (frozenset(self.words) | frozenset(self.multipliers) | frozenset(self.months) | self.unchecked
                | frozenset(self.fractions))

    @cached_property
    def stem_starts(self) -> frozenset[str]:
        """The first three letters of every word and stem: a word starting otherwise is no inflected number."""
        return frozenset(w[:3] for w in (*self.words, *self.prefixes) if len(w) >= 3)

    @cached_property
    def cjk_run(self) -> re.Pattern[str]:
        """Runs of CJK numeral characters (a numeral or unit first, large units may follow), found in C."""
        first = "".join(sorted(set(self.numerals or {}) | set(self.units or {})))
        rest = first + "".join(sorted(k for k, v in self.multipliers.items() if v >= 10000))
        return re.compile(f"[{re.escape(first)}][{re.escape(rest)}]*" if first else "(?!)")

    @cached_property
    def target_time(self) -> re.Pattern[str] | None:
        """An hour with a.m./p.m. ("5.30pm", "3 p.m.", "9: 00 a.m."), or a 24-hour time before a zone ("1200 GMT")."""
        marks = sorted(self.am | self.pm, key=len, reverse=True)
        if not marks:
            return None
        ampm = "|".join(re.escape(m) for m in marks)
        zones = "|".join(re.escape(z) for z in sorted(self.time_zones, key=len, reverse=True)) or "(?!)"
        return re.compile(
            rf"(?<![\d.,:])(\d{{1,2}})(?:[:.] ?(\d{{2}}))? ?({ampm})(?![^\W_])"
            rf"|(?<![\d.,:])([01]\d|2[0-3])([0-5]\d) ?(?:{zones})\b"
            rf"|(?<![\d.,:])([01]?\d|2[0-3]): ?([0-5]\d)(?![\d:])",
            re.IGNORECASE,
        )


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
        fractions={k.lower(): float(v) for k, v in data.get("fractions", {}).items()},
        prefixes={k.lower(): float(v) for k, v in data.get("prefixes", {}).items()},
        suffixes=tuple(sorted((s.lower() for s in data.get("suffixes", [])), key=len, reverse=True)),
        joiners=frozenset(w.lower() for w in data.get("joiners", [])),
        infix=data.get("infix"),
        time_markers=frozenset(w.lower() for w in data.get("time_markers", [])),
        hour_markers=tuple(data.get("hour_markers", [])),
        minute_markers=tuple(data.get("minute_markers", [])),
        half_hour=data.get("half_hour"),
        quarter_hour=data.get("quarter_hour"),
        pm_words=tuple(data.get("pm_words", [])),
        fraction_marker=data.get("fraction_marker"),
        am=frozenset(w.lower() for w in data.get("am", [])),
        pm=frozenset(w.lower() for w in data.get("pm", [])),
        time_zones=tuple(data.get("time_zones", [])),
        conversions={k.lower(): tuple(float(f) for f in v) for k, v in data.get("conversions", {}).items()},
        fahrenheit=frozenset(w.lower() for w in data.get("fahrenheit", [])),
        unchecked_phrases=tuple(p.lower() for p in data.get("unchecked_phrases", [])),
        range_markers=tuple(sorted(data.get("range_markers", []), key=len, reverse=True)),
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
_DECADE = re.compile(r"['’]?s\b")  # "1980s", "1980's": applied right after a year
_YEAR_BEFORE = re.compile(r"(\d{2})\d{2}[-–]$")  # "1950-53": applied to the characters before a two-digit number
_RANGE_AFTER = re.compile(r" ?(?:-|–|to|and|or) ?\d+(?:[.,]\d+)?")  # "2 to 4 inches": the unit follows the range
_SOURCE_TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3]) ?(?:[:.]|h) ?([0-5]\d)(?![\d])")  # 17.30, 17:30, 12 h 00
_DIGIT_BLOB = re.compile(r"\d(?:[\d \-./]?\d)+")  # digits with single separators: "116-123", "8599 3119"
_NOT_DIGIT = re.compile(r"\D")
_ASCII_INT = re.compile(r"[0-9]+")


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
    """The value of a hyphenated number: "twenty-five" = 25, "one-hundred" = 100, "one-third" = 1/3."""
    total = 0.0
    for i, w in enumerate(words):
        if i and w in lex.fractions and total:
            total /= lex.fractions[w]
            continue
        v = lex.words.get(w)
        if v is None:
            return None
        if i and w in lex.multipliers and total:
            total *= v
        else:
            total += v
    return total


def target_numbers(text: str, lang: str = "en") -> list[Number]:
    """Numbers in a text in its own locale (the translation): digits, number words, dates' months, times."""
    lex = lexicon(lang)
    if lex is None:
        return []
    norm = ascii_digits(text)
    out: list[Number] = []
    taken: list[tuple[int, int]] = []
    if lex.target_time is not None and (":" in norm or _may_have_time(norm, lex)):
        for m in lex.target_time.finditer(norm):
            minutes = _target_time(m, lex)
            if minutes is not None:
                out.append(Number(m.start(), m.end(), text[m.start() : m.end()], frozenset(minutes), "time"))
                taken.append((m.start(), m.end()))
    skip = _phrase_spans(norm, lex)
    taken += skip
    for m in _DIGITS.finditer(norm) if _has_digit(norm) else ():  # the digits are ASCII here (ascii_digits)
        raw = m.group().rstrip(" ")
        end = m.start() + len(raw)
        if taken and any(s <= m.start() < e for s, e in taken):
            continue
        if m.start() > 0 and (norm[m.start() - 1].isalpha() or (norm[m.start() - 1] == "-" and m.start() > 1 and norm[m.start() - 2].isalpha())):
            continue  # part of a name or code: COVID-19, F-35, G7
        vals = readings(raw, lex.decimal)
        if len(raw) == 4 and raw.endswith("0") and _DECADE.match(norm, end):
            vals.add(float(int(raw) % 100))  # "the 1980s" is the source's "80-ih", "80年代", "80后"
            if raw.endswith("00"):
                vals.add(float(int(raw) // 100 + 1))  # "the 2000s" is also the 21st century: "21. stoletje", "21世纪"
        if len(raw) == 2:
            year = _YEAR_BEFORE.search(norm[max(0, m.start() - 5) : m.start()])
            if year:
                vals.add(float(year.group(1) + raw))  # "1950-53"
        mult = _multiplier_after(norm, end, lex)
        if not mult:
            rng = _RANGE_AFTER.match(norm, end, end + 16)
            mult = _multiplier_after(norm, rng.end(), lex) if rng else None  # "60 to 85 billion": 60 billion
        if mult:
            vals |= {v * mult for v in vals}
        out.append(Number(m.start(), end, text[m.start() : end], frozenset(vals), "digits", _converted(norm, end, vals, lex)))
    vocab = lex.vocabulary
    for m in _words(norm).finditer(norm) if _mentions(norm, lex) else ():  # one pass: most words are neither
        found = m.group()
        word = found.lower()
        if not _in_vocabulary(word, vocab):
            continue  # no month, no number word, nor one in a hyphenated word: nothing below would read it
        month = lex.months.get(word)
        if month is not None and found[0].isupper() and len(found) >= 3 and _digit_near(norm, m.start(), m.end()):
            # a month is judged only in a date ("August 15", "15 August"), never "May" the verb
            out.append(Number(m.start(), m.end(), found, frozenset({float(month)}), "month"))
        if word in lex.unchecked or (skip and any(s <= m.start() < e for s, e in skip)):
            continue
        value = lex.words.get(word)
        if value is None and "-" in word:
            parts = word.split("-")
            if parts[0] in lex.unchecked:
                continue  # "first-half", "one-third" of an idiom
            value = _value_of_words(parts, lex)  # "twenty-five", "one-hundred", "two-thirds"
            if value is None:
                value = lex.words.get(parts[0])  # "five-point", "three-time"
        if value is None:
            continue
        if found[0].isupper() and not _sentence_start(norm, m.start()):
            continue  # "Ninth Ward", "Seven Sisters": part of a name
        vals = {value}
        mult = _multiplier_after(norm, m.end(), lex)
        if mult and word not in lex.multipliers:
            vals.add(value * mult)
        out.append(Number(m.start(), m.end(), text[m.start() : m.end()], frozenset(vals), "word", _converted(norm, m.end(), vals, lex)))
    return sorted(out, key=lambda n: n.start)


def _has_digit(text: str) -> bool:
    """Has a text an ASCII digit? Ten substring searches in C, cheaper than the digit pattern's scan of a text with none."""
    return any(d in text for d in "0123456789")


def _may_have_time(text: str, lex: Lexicon) -> bool:
    """A cheap test before the time pattern runs: an a.m./p.m. mark or a time zone is in the text."""
    low = text.lower()
    return any(m in low for m in ("am", "pm", "a.m", "p.m")) or any(z in text for z in lex.time_zones)


def _target_time(m: re.Match[str], lex: Lexicon) -> set[int] | None:
    """Minutes after midnight of a target time match (None when it is no time: "13 pm", "9:75")."""
    if m.group(3):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12 or minute >= 60:
            return None
        hour %= 12
        if m.group(3).lower() in lex.pm:
            hour += 12
        return {hour * 60 + minute}
    if m.group(4):
        return {int(m.group(4)) * 60 + int(m.group(5))}
    hour, minute = int(m.group(6)), int(m.group(7))
    return {hour * 60 + minute}


def _phrase_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    if not lex.unchecked_phrases:
        return []
    low = text.lower()
    spans = []
    for phrase in lex.unchecked_phrases:
        i = low.find(phrase)
        while i >= 0:
            spans.append((i, i + len(phrase)))
            i = low.find(phrase, i + 1)
    return spans


def _converted(text: str, end: int, vals: set[float], lex: Lexicon) -> frozenset[float]:
    """The values a translator may have converted this number to, from the unit after it (or after a range it starts)."""
    if not lex.conversions and not lex.fahrenheit:
        return frozenset()
    word = _unit_after(text, end)
    if word not in lex.conversions and word not in lex.fahrenheit:
        rng = _RANGE_AFTER.match(text, end, end + 16)
        if rng:
            word = _unit_after(text, rng.end())
    out: set[float] = set()
    for f in lex.conversions.get(word, ()):
        out |= {v * f for v in vals}
    if word in lex.fahrenheit or text[end : end + 2] == "°F" or text[end : end + 3] == "° F":
        out |= {(v - 32) * 5 / 9 for v in vals}
    return frozenset(out)


def _unit_char_or_word(text: str, end: int, lex: Lexicon) -> str:
    """The unit after a source number: the next character in CJK writing (80斤), else the next word."""
    return text[end : end + 1] if lex.cjk else _unit_after(text, end)


def _unit_after(text: str, end: int) -> str:
    """The word after a number, lower-cased ("" when none follows); whole with its combining marks (Devanagari सौ)."""
    window = text[end : end + 20]
    m = _WORD_AFTER.match(window)
    if not m:
        return ""
    word = m.group(1)
    if not window.isascii():
        whole = _WORD.match(window, m.start(1))
        if whole:
            word = whole.group().split("-")[0]
    return word.lower()


def _mentions(text: str, lex: Lexicon) -> bool:
    """Does any word of ``text`` (or part of a hyphenated one) belong to the lexicon? A cheap set test
    that spares the positional scan of the many sentences that write no number in words."""
    vocab = lex.vocabulary
    low = text.lower()
    words = set(_words(low).findall(low))
    return not vocab.isdisjoint(words) or any(_in_vocabulary(word, vocab) for word in words if "-" in word)


def _in_vocabulary(word: str, vocab: frozenset[str]) -> bool:
    """A lower-case word that is a month or number word of the lexicon, or a hyphenated word with one in it."""
    return word in vocab or "-" in word and not vocab.isdisjoint(word.split("-"))


def is_year(v: float) -> bool:
    """A value that reads as a year (1800-2100): a changed year is a major error, a year is never converted."""
    return v == int(v) and 1800 <= v <= 2100


def _sentence_start(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\"“'‘(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


def _digit_near(text: str, start: int, end: int) -> bool:
    return bool(_DIGIT_AFTER.match(text, end, end + 3) or _DIGIT_BEFORE.search(text[max(0, start - 7) : start]))


def _multiplier_after(text: str, end: int, lex: Lexicon) -> float | None:
    return lex.multipliers.get(_unit_after(text, end))


@dataclass(frozen=True)
class SourceNumbers:
    """What a source says in numbers: every value any reading gives, its months, its times of day, and its
    long digit strings (a phone number the translation may group differently)."""

    values: frozenset[float]
    months: frozenset[int]
    has_digits: bool
    times: frozenset[int] = frozenset()  # minutes after midnight
    blobs: tuple[str, ...] = ()


@lru_cache(maxsize=2_048)
def source_numbers(text: str, lang: str | None) -> SourceNumbers:
    """Every value the source may express (lenient: both separator conventions, parts of dates, words).
    Kept for the last sources read (the result is immutable): a source checked with many translations
    is read once."""
    lex = lexicon(lang)
    norm = ascii_digits(text)
    if lex is not None and not lex.cjk and "CYRILLIC" in profile(lang).scripts and "LATIN" in profile(lang).scripts:
        norm = profile(lang).to_latin(norm)  # Serbian Cyrillic: the data is in Latin script
    values: set[float] = set()
    months: set[int] = set()
    times: set[int] = set()
    has_digits = False
    for m in _DIGITS.finditer(norm):
        has_digits = True
        raw = m.group().rstrip(" ")
        vals = readings(raw, None)
        for part in _SEPARATORS.split(raw):
            if part:
                vals.add(float(part))  # "15.8." may be a date: 15 and 8 are both there
        end = m.start() + len(raw)
        direct = _source_multiplier(norm, end, lex)
        mult = direct or _range_multiplier(norm, end, lex)
        if lex and lex.conversions:
            vals |= {v * f for v in vals for f in lex.conversions.get(_unit_char_or_word(norm, end, lex), ())}
        if mult:
            vals |= {v * mult for v in vals}
            rest = re.match(r"\D{1,2}(\d+)", norm[end : end + 12]) if direct and lex and lex.cjk else None
            if rest:  # 1万1000 = 11000
                vals |= {v * mult + float(rest.group(1)) for v in readings(raw, None)}
        values |= vals
        if lex and lex.month_marker and norm[end : end + 1] == lex.month_marker:
            months.update(int(v) for v in vals if v == int(v) and 1 <= v <= 12)
        if lex and lex.time_markers and raw.isdigit() and int(raw) <= 24:
            after = _WORD_AFTER.match(norm[end : end + 12])
            if after and after.group(1).lower() in lex.time_markers:
                times.add(int(raw) * 60)  # "u 15 h", "15 sati"
    blobs: tuple[str, ...] = ()
    if has_digits:
        # numeric dates: 15.8.2022, 15/08, 2022-08-15
        for m in _NUMERIC_DATE.finditer(norm):
            months.update(int(g) for g in m.groups() if 1 <= int(g) <= 12)
        for m in _ISO_DATE.finditer(norm):
            months.add(int(m.group(1)))
        for m in _SOURCE_TIME.finditer(norm):
            times.add(int(m.group(1)) * 60 + int(m.group(2)))
        blobs = tuple(b for b in (_NOT_DIGIT.sub("", m.group()) for m in _DIGIT_BLOB.finditer(norm)) if len(b) >= 6)
    if lex is None:
        return SourceNumbers(frozenset(values), frozenset(months), has_digits, frozenset(times), blobs)
    if lex.cjk:
        for value, end, start in _cjk_numbers(norm, lex):
            has_digits = True
            vals = {value}
            mult = _source_multiplier(norm, end, lex)
            if mult:
                vals.add(value * mult)
            values |= vals
            if lex.month_marker and norm[end : end + 1] == lex.month_marker and value == int(value) and 1 <= value <= 12:
                months.add(int(value))
        values |= {v for k, v in lex.multipliers.items() if v >= 10000 and k in norm}  # 万元户: a bare 万 is 10,000
        values |= _cjk_fractions(norm, lex)
        times |= _cjk_times(norm, lex)
    elif _mentions(norm, lex) or lex.prefixes:
        _source_words(norm, lex, values, months)
    return SourceNumbers(frozenset(values), frozenset(months), has_digits, frozenset(times), blobs)


def _source_words(text: str, lex: Lexicon, values: set[float], months: set[int]) -> None:
    """Number words of a source, inflected or compound, and sums of consecutive ones ("dvadeset pet" = 25)."""
    prev: float | None = None
    prev_end = -1
    for m in _words(text).finditer(text):
        word = m.group().lower()
        gap = text[prev_end : m.start()].strip().lower() if prev is not None else None
        if word in lex.joiners and prev is not None:
            prev_end = m.end()
            continue
        found: float | None = None
        for w in (word, *word.split("-")) if "-" in word else (word,):
            v = lex.words.get(w)
            if v is None and w[:3] in lex.stem_starts and w not in lex.months:
                v = _inflected_value(w, lex)
            if v is not None:
                found = v
                values.add(v)
                mult = _source_multiplier(text, m.end(), lex)
                if mult:
                    values.add(v * mult)
            if w in lex.fractions:
                values.add(1 / lex.fractions[w])
                if prev is not None and gap == "":
                    values.add(prev / lex.fractions[w])  # "dvije trećine" = 2/3
            if w in lex.months:
                months.add(lex.months[w])
            if w in lex.multipliers:
                values.add(lex.multipliers[w])
        if found is not None and prev is not None and (gap == "" or gap in lex.joiners):
            if prev >= 20 and prev % 10 == 0 and found < 10:
                values.add(prev + found)  # "dvadeset pet", "twenty five"
            elif prev >= 100 and prev % 100 == 0 and found < 100:
                values.add(prev + found)
        prev, prev_end = (found, m.end()) if found is not None else (None, -1)


_RANGE_END = re.compile(r" ?(\d+(?:[.,]\d+)*)")


def _range_multiplier(text: str, end: int, lex: Lexicon | None) -> float | None:
    """The large unit after the end of a range that a number starts (600至850亿: 600 is 600亿 too)."""
    if lex is None or not lex.range_markers:
        return None
    k = end + (text[end : end + 1] == " ")
    for mark in lex.range_markers:
        if text.startswith(mark, k):
            m = _RANGE_END.match(text, k + len(mark))
            return _source_multiplier(text, m.end(), lex) if m else None
    return None


def _inflected_value(word: str, lex: Lexicon, depth: int = 0) -> float | None:
    """A number word with an ending (petoro, četirima, petogodišnji, dvostruki), a compound of tens and a
    stem (dvadesetčetverogodišnjak = 24), or a unit joined before a ten (petindvajset = 25)."""
    for i in range(len(word) - 1, 2, -1):
        head, tail = word[:i], word[i:]
        hv = lex.words.get(head)
        if hv is None:
            hv = lex.prefixes.get(head)
        if hv is None:
            continue
        if depth == 0 and lex.infix and tail.startswith(lex.infix) and hv < 10:
            tv = lex.words.get(tail[len(lex.infix) :]) or _inflected_value(tail[len(lex.infix) :], lex, 1)
            if tv is not None and tv >= 20 and tv % 10 == 0:
                return hv + tv
        if tail.startswith(lex.suffixes) if lex.suffixes else False:
            return hv
        if depth == 0 and hv < 100:
            if hv >= 20 and hv % 10 == 0:
                tv = lex.words.get(tail) or _inflected_value(tail, lex, 1)
                if tv is not None and tv < 10:
                    return hv + tv
    return None


def _source_multiplier(text: str, end: int, lex: Lexicon | None) -> float | None:
    if lex is None:
        return None
    if lex.cjk:
        total = 1.0
        i = end
        last = 0.0
        # a chain of units grows (千万 = 10 million, 万亿 = 10^12); a smaller one after a larger starts a
        # new word: 850亿千瓦时 is 85 billion kilowatt-hours, not 85 trillion
        while i < len(text) and text[i] in lex.multipliers and lex.multipliers[text[i]] > last:
            last = lex.multipliers[text[i]]
            total *= last
            i += 1
        return total if last else None
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
            if 1 < len(run) <= 3 and all(c in numerals for c in run):
                for c in run:  # 三五年 is "three to five years", 七八个 "seven or eight"
                    yield numerals[c], i + len(run), i


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


def _cjk_number_at(text: str, i: int, lex: Lexicon) -> tuple[float, int] | None:
    """(value, end) of the digits or CJK numerals that start at ``i``."""
    m = _ASCII_INT.match(text, i)
    if m:
        return float(m.group()), m.end()
    m = lex.cjk_run.match(text, i)
    if m:
        value = _cjk_value(m.group(), lex.numerals or {}, lex.units or {}, {k: v for k, v in lex.multipliers.items() if v >= 10000})
        if value is not None:
            return value, m.end()
    return None


def _cjk_fractions(text: str, lex: Lexicon) -> set[float]:
    """三分之一 = 1/3, 百分之五十 = 50 (and 0.5): the denominator before the marker, the numerator after it."""
    marker = lex.fraction_marker
    out: set[float] = set()
    if not marker or marker not in text:
        return out
    i = text.find(marker)
    while i >= 0:
        j = _cjk_run_start(text, i, lex) - 1
        den = _cjk_number_at(text, j + 1, lex) if j + 1 < i else None
        num = _cjk_number_at(text, i + len(marker), lex)
        if num is not None:
            if den is not None and den[0]:
                out.add(num[0] / den[0])
            if den is None and text[j : i] == "百":
                out.add(num[0])
        i = text.find(marker, i + 1)
    return out


def _cjk_run_start(text: str, end: int, lex: Lexicon) -> int:
    """Where the run of digits and CJK numerals that ends at ``end`` begins (``end`` when there is none)."""
    j = end - 1
    while j >= 0 and (text[j].isdigit() or text[j] in (lex.numerals or {}) or text[j] in (lex.units or {})):
        j -= 1
    return j + 1


def _cjk_times(text: str, lex: Lexicon) -> set[int]:
    """Times of day in CJK writing: 9点 = 540, 9点半 = 570, 9点15分 = 555, 下午3点 = 900 (and 180)."""
    out: set[int] = set()
    for marker in lex.hour_markers:
        i = text.find(marker)
        while i >= 0:
            j = _cjk_run_start(text, i, lex) - 1
            hour = _cjk_number_at(text, j + 1, lex) if j + 1 < i else None
            if hour is not None and hour[0] == int(hour[0]) and 0 <= hour[0] <= 24:
                h = int(hour[0])
                k = i + len(marker)
                minute = 0
                if lex.half_hour and text.startswith(lex.half_hour, k):
                    minute = 30
                elif lex.quarter_hour and text[k + 1 : k + 2] == lex.quarter_hour and text[k] in (lex.numerals or {}):
                    minute = 15 * int((lex.numerals or {})[text[k]])
                else:
                    mm = _cjk_number_at(text, k, lex)
                    if mm is not None and any(text.startswith(x, mm[1]) for x in lex.minute_markers) and mm[0] < 60:
                        minute = int(mm[0])
                before = text[max(0, j - 3) : j + 1]
                pm = any(w in before for w in lex.pm_words)
                out.add(h * 60 + minute)
                if pm and h < 12:
                    out.add((h + 12) * 60 + minute)
            i = text.find(marker, i + 1)
    return out


def same_number(a: float, b: float) -> bool:
    """Equal, or ``a`` is ``b`` rounded: "4.2 million" for 4,176,000 (a round figure within 2%), never 1997 for 1979."""
    if abs(a - b) < 1e-9 * max(1.0, abs(a)):
        return True
    if abs(a) < 1 and abs(b) < 1 and abs(a - b) < 1e-3:
        return True  # fractions: 0.3333 is 1/3
    digits = f"{a:.0f}" if a == int(a) else ""
    rounded = len(digits) >= 4 and len(digits) - len(digits.rstrip("0")) >= 2
    return rounded and abs(a - b) <= 0.02 * max(abs(a), abs(b))


# A converted value meets the source when it is within this share of it: translators round conversions
# (85 mph = 136.8 km/h is written 135 or 130; 30 yards = 27.4 m is written 25).
CONVERSION_MARGIN = 0.1


def explained(number: Number, source: SourceNumbers) -> bool:
    """Can some reading of the source be this target number?"""
    if number.kind == "month":
        return not source.months or any(int(v) in source.months for v in number.values) or any(v in source.values for v in number.values)
    if number.kind == "time":
        return _time_explained(number, source)
    if any(same_number(v, s) for v in number.values for s in source.values):
        return True
    if number.approx and any(abs(a - s) <= CONVERSION_MARGIN * max(abs(a), abs(s)) + 0.5 for a in number.approx for s in source.values if s):
        return True
    if source.blobs and number.kind == "digits":
        digits = _NOT_DIGIT.sub("", number.text)
        return len(digits) >= 3 and any(digits in b for b in source.blobs)  # a phone number grouped differently
    return False


def _time_explained(number: Number, source: SourceNumbers) -> bool:
    half_days = {t % 720 for t in source.times}
    for t in number.values:
        if t in source.times or t % 720 in half_days:
            return True
    # a source that writes the time otherwise ("u 2 posle podne", "13. minutu i 10. sekundi"): its hour
    # (either half of the day) and minutes among its numbers
    for t in number.values:
        hour, minute = divmod(int(t), 60)
        hours = {float(hour), float(hour % 12), float(hour % 12 + 12)}
        if hours & source.values and (minute == 0 or float(minute) in source.values):
            return True
    return False
