"""Numbers and names in a back-translation against the source: the same language on both sides, so values and names meet directly.

A back-translation is the translation turned back into the source language.
Where it says another figure than the source, or loses or gains a name, the
translation in between most likely did. Both sides are in one language, so
numbers are read in that language's locale on both sides (``qa.numbers``:
``1.000,5``, ``15. avgusta``, ``dvije``), and names are compared by their
folded Latin letters (``qa.languages.names.fold``: Cyrillic and Latin meet)
modulo case endings (``qa.languages.names.inflects``: Beograd, Beogradu).
Sentences are paired as QA906 pairs them (``Context.alignment``); a value or
name the aligned sentence lacks but the other side says elsewhere is only
moved, or the alignment erred: info.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from qa.context import Context
from qa.languages.frequency import zipf
from qa.languages.names import fold, inflects
from qa.model import Hit, Severity, Span
from qa.numbers import Number, SourceNumbers, explained, is_year, lexicon, source_numbers, target_numbers
from qa.registry import rule
from qa.rules.fidelity import loosely, sound_key
from qa.text import Text, Token

# the word after a number, its unit or noun; after a range's end when a dash or a short word and a number follow
# ("5 do 10 cm", "2,5–5 cm": cm)
_CONTEXT_WORD = re.compile(r"[\s\u00a0]?(?:(?:[-–]|[^\W\d_]{1,3})[\s\u00a0]?\d{1,9}(?:[.,]\d{1,9})?[\s\u00a0]?)?(?:[-%][\s\u00a0]?)?([^\W\d_]{1,40})")
_OPENERS = frozenset("\"'„“”«»‘’(–—-")
COMMON = 4.5  # Zipf frequency in the language from which a capitalised sentence-initial word is an ordinary word


@dataclass(frozen=True)
class _Pair:
    """An aligned pair of sentence groups: the back-translation's [bs, be) and the source's [ss, se)."""

    bs: int
    be: int
    ss: int
    se: int


def _pairs(back: Text, source: Text, ctx: Context) -> list[_Pair]:
    return [_Pair(p.left[0].start, p.left[-1].end, p.right[0].start, p.right[-1].end)
            for p in ctx.alignment(back, source) if p.left and p.right]


def _lang(ctx: Context) -> str:
    return ctx.source_lang or ctx.source.code


# --- numbers -------------------------------------------------------------------------------------------------


_PARTS = re.compile(r"\d+")
IDIOMS = frozenset({1.0, 0.5})  # number words "jedan", "pola", "prvi": idioms ("jedan od", "na pola puta") as often as counts


def _numbers(text: str, lang: str) -> list[Number]:
    """The numbers of a stretch of text read in its language, less months alone and the words of ``IDIOMS``."""
    return [n for n in target_numbers(text, lang) if n.kind != "month" and not (n.kind == "word" and n.values <= IDIOMS)]


def _parts_said(n: Number, values: SourceNumbers) -> bool:
    """Are all the digit groups of a number said on the other side ("11.15" and "11:15", "15.8." and "15. 8.")?"""
    parts = _PARTS.findall(n.text)
    return n.kind == "digits" and len(parts) > 1 and all(float(x) in values.values for x in parts)


def _context(text: str, end: int, shortest: int = 3) -> str:
    """The folded first four letters of the word after a number ("dana", "dinara", "posto"; "km" with ``shortest`` 2), or ""."""
    m = _CONTEXT_WORD.match(text, end, end + 24)
    return fold(m.group(1))[:4] if m and len(m.group(1)) >= shortest else ""


def _before(text: str, start: int) -> str:
    """The folded first four letters of the word before a number ("od 1962", "u 2019."), or ""."""
    chunk = text[max(0, start - 24):start].rstrip()
    words = _LETTERS.findall(chunk)
    return fold(words[-1])[:4] if words and len(words[-1]) >= 2 and chunk.endswith(words[-1]) else ""


def _unmatched(left: str, right: str, lang: str) -> list[Number]:
    """Numbers of ``left`` that no reading of ``right`` gives."""
    nums = _numbers(left, lang)
    if not nums:
        return []
    values = source_numbers(right, lang)
    return [n for n in nums if not explained(n, values) and not _parts_said(n, values)]


@lru_cache(maxsize=1)
def _factors() -> tuple[float, ...]:
    """Unit conversion factors (miles to kilometres, inches to centimetres, ...: English ``numbers.toml``'s) and
    metric prefixes, without those too close to 1 to tell a conversion from a changed number."""
    lex = lexicon("en")
    known = frozenset(f for fs in (lex.conversions.values() if lex else ()) for f in fs)
    return tuple(f for f in (*known, *METRIC) if not 1 / NEAR_ONE < f < NEAR_ONE)


LOOSE = 1.35  # translators round a conversion freely ("2 do 4 inča" for "50 do 100 mm"): a ratio within this factor of one
NEAR_ONE = 1.5  # factors closer to 1 than this (yards and metres) cannot tell a conversion from a changed number


METRIC = (10.0, 100.0, 1000.0)  # metric prefixes: centimetres and millimetres, metres and kilometres
HALF_DAY = 12.0  # "3 posle podne" for "15 h": the same hour on the 12-hour clock


def _conversion(n: Number, lost: list[Number]) -> bool:
    """Could ``n`` be one of ``lost`` converted to other units (either way, rounded as translators round), or the
    same hour on the other clock?"""
    factors = _factors()
    for a in n.values:
        for m in lost:
            for b in m.values:
                if a > 0 and b > 0 and any(f / LOOSE <= r <= f * LOOSE for f in factors for r in (a / b, b / a)):
                    return True
                if max(a, b) <= 24 and abs(a - b) == HALF_DAY:
                    return True
    return False


ROUNDING = 0.15  # relative difference within which another number before the same word may be rounded ("oko 30" for 27)


def _far(a: Number, b: Number) -> bool:
    """Do two numbers differ beyond rounding: every pair of readings by more than ``ROUNDING``, or they are other years?"""
    return all((is_year(x) and is_year(y)) or abs(x - y) > ROUNDING * max(abs(x), abs(y)) for x in a.values for y in b.values)


@rule("QA908", "back-translation-number", "accuracy/mistranslation", "minor")
def back_translation_number(
    target: Text, ctx: Context, source: Text | None = None, back_translation: Text | None = None
) -> Iterator[Hit]:
    r"""A number in the back-translation that its source sentence does not say, or a source number it lacks.

    Why: a figure changed on the way ("five days" for three) is the
    costliest error in news, and the back-translation shows it in the
    source's own language: both sides are read in that language's locale
    (``1.000,5``, ``15. avgusta``, ``dvije``), so a mere reformatting is no
    finding.

    Bad: The talks lasted five days.
    Source: Pregovori su trajali tri dana.
    Back-translation: Pregovori su trajali pet dana.
    Bad: The fund paid 1,000 dinars.
    Source: Fond je isplatio 1.000 dinara 2022. godine.
    Back-translation: Fond je isplatio 1.000 dinara.
    Good: The talks lasted three days.
    Source: Pregovori su trajali tri dana.
    Back-translation: Razgovori su trajali 3 dana.
    Good: The fund paid 1,000.5 dinars.
    Source: Fond je isplatio 1.000,5 dinara.
    Back-translation: Фонд је исплатио 1.000,5 динара.

    A number is minor; major when both sentences put a different number
    before the same word ("tri dana", "pet dana"): the value clearly
    changed. A number the aligned sentence lacks but the other side says
    elsewhere is info (moved, or the sentences were aligned wrongly).

    Known limits: number words are read from the language's
    ``numbers.toml`` (common forms only; in Latin letters, so a Cyrillic
    number word is not read as a number); a back-translation that turns
    "half" into "50 posto" is reported.
    """
    if source is None or back_translation is None:
        return
    lang = _lang(ctx)
    if not _numbers(back_translation.raw, lang) and not _numbers(source.raw, lang):
        return
    whole_src = source_numbers(source.raw, lang)
    whole_bt = source_numbers(back_translation.raw, lang)
    for p in _pairs(back_translation, source, ctx):
        bt_text, src_text = back_translation.raw[p.bs:p.be], source.raw[p.ss:p.se]
        added = [n for n in _unmatched(bt_text, src_text, lang) if not back_translation.is_protected(p.bs + n.start, p.bs + n.end)]
        lost = _unmatched(src_text, bt_text, lang)
        lost_by_word = {_context(src_text, n.end): n for n in lost}
        paired = bool(added) and bool(lost)  # a number for another: changed, or converted (yards for metres)
        for n in added:
            s, e = p.bs + n.start, p.bs + n.end
            word = _context(bt_text, n.end)
            twin = lost_by_word.get(word) if word else None
            single = len(added) == 1 and len(lost) == 1  # one number for another: no restructured sentence
            word = _before(bt_text, n.start) if twin is None and single else ""
            if word and word == _before(src_text, lost[0].start):
                after = (_context(bt_text, n.end, 1), _context(src_text, lost[0].end, 1))
                if "" in after or after[0] == after[1]:  # "na 4 inča" for "na 10 centimetara" is a conversion
                    twin = lost[0]  # one number for another after the same word ("od 1962", "od 2362")
            if twin is not None:
                far = single and _far(n, twin)  # "30 metara" for "27 metara" may be a translator's rounding: minor
                yield Hit(s, e, f"{n.text!r} where the source says {twin.text!r} beside the same word: the number "
                          + ("changed" if far else "changed, or was rounded"), side="back_translation",
                          related=(Span("source", p.ss + twin.start, p.ss + twin.end),),
                          severity=Severity.MAJOR if far else Severity.MINOR)
            elif paired:
                # before another word ("jardi", "metara") it may be a conversion to other units: info
                unit = _context(bt_text, n.end, 2)
                # another unit word after it, and a conversion factor between the values: both, for a yard is
                # within a tenth of a metre and "trgovina" is "prodavnica" in a sister language
                converted = bool(unit) and all(_context(src_text, m.end, 2) not in ("", unit) for m in lost) and _conversion(n, lost)
                yield Hit(s, e, f"{n.text!r} where the source says {', '.join(repr(m.text) for m in lost)}: a changed number"
                          + (", or a conversion to other units" if converted else ""), side="back_translation",
                          related=(Span("source", p.ss + lost[0].start, p.ss + lost[0].end),),
                          severity=Severity.INFO if converted else Severity.MINOR)
            elif explained(n, whole_src):
                yield Hit(s, e, f"{n.text!r} is not in the aligned source sentence (the source says it elsewhere)",
                          side="back_translation", related=(Span("source", p.ss, p.se),), severity=Severity.INFO)
            else:
                yield Hit(s, e, f"{n.text!r} is not in the source: the translation may have changed the number",
                          side="back_translation", related=(Span("source", p.ss, p.se),), severity=Severity.MINOR)
        if paired:
            continue  # reported on the back-translation's numbers
        for n in lost:
            severity = Severity.INFO if explained(n, whole_bt) else Severity.MINOR
            where = " (it says it elsewhere)" if severity is Severity.INFO else ": the translation may have dropped it"
            yield Hit(p.bs, p.be, f"the source's {n.text!r} is not in this back-translation sentence{where}",
                      side="back_translation", related=(Span("source", p.ss + n.start, p.ss + n.end),), severity=severity)


# --- names ---------------------------------------------------------------------------------------------------


def _initial(text: Text, tok: Token, starts: set[int]) -> bool:
    """Does the token open a sentence (after any quotes or dashes)?"""
    if tok.start in starts:
        return True
    before = text.raw[max(0, tok.start - 4):tok.start].rstrip()
    return not before or before[-1] in ".!?:\n" or (before[-1] in _OPENERS and (len(before) == 1 or before[-2] in " \n.!?:"))


def name_runs(text: Text, wordfreq: str | None) -> list[list[Token]]:
    """Runs of capitalised words of a text in a South Slavic language (which writes only names with a capital):
    a sentence's first word counts only when it is no common word of the language."""
    starts = {toks[0].start for s in text.sentences if (toks := text.tokens_in(s.start, s.end))}
    initial = {tok.start for tok in text.tokens if _initial(text, tok, starts)}
    inside = {fold(tok.text)[:5] for tok in text.tokens if tok.text[:1].isupper() and tok.start not in initial}

    def is_name(tok: Token) -> bool:
        w = tok.text
        if len(w) < 2 or not w[:1].isupper() or not w.isalpha() or text.is_protected(tok.start, tok.end):
            return False
        if tok.start in initial:  # a sentence's first word: a name when the text writes it capitalised inside a sentence too
            return fold(w)[:5] in inside and (wordfreq is None or zipf(w.lower(), wordfreq) < COMMON)
        return True

    return text.runs_of(is_name)


_VOWELS = re.compile(r"[aeiouy]")
SKELETON = 4  # consonants a name's skeleton needs before it is compared (Marko and Mirko share a short one)


def _skeleton(word: str) -> str:
    """A folded word's sound key without its vowels: Tramp and Trump meet (``trmp``), Trumpom follows them."""
    return _VOWELS.sub("", sound_key(word))


_YAT = re.compile(r"(?<=[^aeiou])i?je")  # ijekavian "ije", "je" where ekavian has "e": Njemačka, Nemačka; Rijeka, Reka


def _fold(word: str) -> str:
    """A word's comparison key: folded to Latin letters, the ijekavian and ekavian spellings made one."""
    return _YAT.sub("e", fold(word))


def _keys(words: list[str]) -> tuple[set[str], set[str]]:
    folded = {_fold(w) for w in words}
    return folded, {k for w in folded if len(k := _skeleton(w)) >= SKELETON}


def _has(word: str, folded: set[str], sounds: set[str]) -> bool:
    """Is a folded name word among a text's folded words, inflected either way or spelled otherwise (Tramp, Trump)?"""
    if word in folded:
        return True
    if any(inflects(t, word) or inflects(word, t) for t in folded if t[:3] == word[:3]):
        return True
    key = _skeleton(word)
    return len(key) >= SKELETON and any(t.startswith(key) or key.startswith(t) for t in sounds if t[:3] == key[:3])


_LETTERS = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return _LETTERS.findall(text)


def _present(run: list[Token], folded: set[str], sounds: set[str], caps: frozenset[str] = frozenset(), every: bool = False) -> bool:
    """A name is there when one of its words of three letters or more is ("Trump" for "Donald Trump"; ``every``:
    when all are, for a back-translation's name, which should not name more than the source does), inflected,
    or transcribed (QA802's loose consonant skeletons, either way: Sturridge and Staridža, Chelsea and Čelsija)
    among the other side's capitalised words ``caps``."""
    words = [_fold(t.text) for t in run]
    long = [w for w in words if len(w) >= 3] or words
    found = (_has(w, folded, sounds) or any(loosely(w, c) or loosely(c, w) for c in caps) for w in long)
    return all(found) if every else any(found)


def _caps(text: str) -> frozenset[str]:
    """The folded capitalised words of a text: the candidates a name may be a transcription of."""
    return frozenset(_fold(w) for w in _LETTERS.findall(text) if w[:1].isupper() and len(w) >= 2)


@rule("QA909", "back-translation-name", "accuracy/mistranslation", "minor")
def back_translation_name(
    target: Text, ctx: Context, source: Text | None = None, back_translation: Text | None = None
) -> Iterator[Hit]:
    r"""A name in the source that its back-translation sentence lacks, or a name there the source lacks.

    Why: a swapped or dropped name (a person, a town, a party) changes who did
    what, and in the back-translation it shows in the source's own language.
    Names are compared by their letters folded to Latin (``Beograd`` and
    ``Београд`` meet) modulo case endings (``Beogradu``) and transcription
    (``Tramp``, ``Trump``); one word of a name is enough ("Vučić" for
    "Aleksandar Vučić").

    Bad: The meeting was held in Zagreb.
    Source: Sastanak je održan u Beogradu.
    Back-translation: Sastanak je održan u Zagrebu.
    Bad: The minister met the mayor.
    Source: Ministar se sastao s gradonačelnikom Novog Sada Milošem Vučevićem.
    Back-translation: Ministar se sastao s gradonačelnikom.
    Good: The meeting was held in Belgrade.
    Source: Sastanak je održan u Beogradu.
    Back-translation: Састанак је одржан у Београду.
    Good: Vučić met Trump.
    Source: Predsjednik Aleksandar Vučić sastao se s Donaldom Trumpom.
    Back-translation: Predsednik Vučić se sastao sa Tramp.

    A swap is minor: the sentence has one name where the source sentence
    has another, the source names the new one elsewhere and the
    back-translation never names the old one (a name of the story put in
    the wrong place). A name dropped or added is info: on independent
    translations of one article most such differences are renderings
    (``Komitet`` for ``Odbor``, ``UK`` for ``Ujedinjeno Kraljevstvo``), too
    many for minor (``benchmarks/backtranslation.py``).

    Known limits: a name is a capitalised word not opening a sentence (or a
    rare word opening one), so a name opening a sentence with a common
    word's spelling ("Nada") is missed; a name rendered by an adjective
    ("srpski" for "Srbija") or a possessive ("Flakeovog" for "Flejka") is
    reported as info, or as a swap beside another name.
    """
    if source is None or back_translation is None:
        return
    freq = ctx.source.wordfreq
    src_runs, bt_runs = name_runs(source, freq), name_runs(back_translation, freq)
    if not src_runs and not bt_runs:
        return
    whole_src = (*_keys(_words(source.raw)), _caps(source.raw))
    whole_bt = (*_keys(_words(back_translation.raw)), _caps(back_translation.raw))
    for p in _pairs(back_translation, source, ctx):
        src_here = [r for r in src_runs if p.ss <= r[0].start < p.se]
        bt_here = [r for r in bt_runs if p.bs <= r[0].start < p.be]
        if not src_here and not bt_here:
            continue
        bt_here_text, src_here_text = back_translation.raw[p.bs:p.be], source.raw[p.ss:p.se]
        bt_keys = (*_keys(_words(bt_here_text)), _caps(bt_here_text))
        src_keys = (*_keys(_words(src_here_text)), _caps(src_here_text))
        lost = [r for r in src_here if not _present(r, *bt_keys)]
        added = [r for r in bt_here if not _present(r, *src_keys, every=True)]
        for r in added:
            s, e = r[0].start, r[-1].end
            name = back_translation.raw[s:e]
            if lost:
                # one name for another, where the source names the new one elsewhere and the back-translation never
                # names the old one: a name of the document put in the wrong place (minor); else a paraphrase may be
                swap = len(lost) == 1 and len(added) == 1 and _present(r, *whole_src) and not _present(lost[0], *whole_bt)
                severity = Severity.MINOR if swap else Severity.INFO
                why = f"where the source names {source.raw[lost[0][0].start:lost[0][-1].end]!r}: the name may be swapped"
                related = Span("source", lost[0][0].start, lost[0][-1].end)
            elif _present(r, *whole_src):
                severity, why, related = Severity.INFO, "here (the source names it elsewhere)", Span("source", p.ss, p.se)
            else:
                # info: on sister translations of one article, most such names are renderings of another
                # (Komitet for Odbor, Lee for Li), too many for minor (see benchmarks/backtranslation.py)
                severity, why, related = Severity.INFO, "anywhere: the translation may have added it", Span("source", p.ss, p.se)
            yield Hit(s, e, f"{name!r} is not in the source {why}", side="back_translation", related=(related,), severity=severity)
        for r in lost:
            s, e = r[0].start, r[-1].end
            name = source.raw[s:e]
            if added:
                continue  # reported as a swap on the added name
            if _present(r, *whole_bt):
                severity, why = Severity.INFO, " (it names it elsewhere)"
            else:
                severity, why = Severity.INFO, ": the translation may have dropped it"
            yield Hit(p.bs, p.be, f"the source's {name!r} is not in this back-translation sentence{why}",
                      side="back_translation", related=(Span("source", s, e),), severity=severity)
