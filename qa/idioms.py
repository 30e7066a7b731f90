"""Idioms translated word for word: the table and the matchers.

Machine translation of Serbian/Croatian/Bosnian/Montenegrin news renders
idioms literally ("they talked in four eyes" for *u četiri oka*, "in
private"). Those are the errors that most embarrass a publisher, and no
fluency metric sees them, because each word is a fine English word. This
module looks them up in a curated table (``qa/data/idioms/*.toml``):

* :meth:`IdiomTable.find_literal` finds the word-for-word English rendering
  in the *target* text. It needs no source, so it works on English alone.
* :meth:`IdiomTable.find_source` finds the idiom itself in the *source*
  text, so a rule can check whether the translation used a proper English
  equivalent (or the literal one) at that place.

The module is deliberately pure (standard library only, no import from the
rest of ``qa``) so the table can be loaded and tested on its own and the
rule that wires it in stays thin.

Literal-pattern syntax (also documented in ``qa/data/idioms/README.md``):

* words in base form (``hold thumb for``); the text is lemmatised, so
  "held their thumbs", "is holding thumbs", "holds thumbs" match;
* determiners and possessives (a, an, the, this, that, these, those, my,
  your, his, her, its, our, their, one's, someone's) may stand between
  pattern words without being written (up to two in a gap), and so may up
  to two auxiliaries ("has", "will be") and one adverb-like filler
  ("literally", "also", "never", ...); a determiner written in the pattern
  is treated the same way (optional);
* ``(word)`` is optional, ``a|b`` gives alternatives for one token, ``*``
  is exactly one arbitrary word, ``(*)`` at most one; ``!a|b`` (not first)
  requires that the next word is NOT a or b ("swedish table !tennis");
* matching is case-insensitive; punctuation inside a match is ignored, but
  a sentence boundary (``.``, ``!``, ``?`` followed by space or end) breaks
  a match.

Matching is linear in the text length: each pattern is indexed by the
lemmas of its first token (which must be a required word), every text
token looks up the index with its few candidate lemmas, and the match from
there is a bounded backtracking over a pattern of a handful of tokens. No
regular expression is built from a pattern, so none can backtrack
catastrophically.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 uses the tomli backport
    import tomli as tomllib

__all__ = [
    "SEVERITIES",
    "Idiom",
    "IdiomMatch",
    "IdiomTable",
    "bundled_table",
    "lemma_candidates",
    "source_key",
]

#: Allowed severities, most severe first. "major": the literal rendering is
#: nonsense in English; "minor": odd but could be literal; "info": easily
#: literal English, shown only as a hint.
SEVERITIES: tuple[str, ...] = ("major", "minor", "info")

DATA_DIR = Path(__file__).parent / "data"
IDIOM_DIR = DATA_DIR / "idioms"
IRREGULAR_FILE = DATA_DIR / "english_irregular_verbs.txt"

_REQUIRED_FIELDS: tuple[str, ...] = (
    "id",
    "source",
    "literal",
    "english",
    "meaning",
    "severity",
    "domain",
    "examples_bad",
    "examples_good",
)
_LIST_FIELDS = frozenset({"source", "literal", "english", "examples_bad", "examples_good"})
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------
# Data classes
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Idiom:
    """One idiom or fixed phrase of a source language.

    ``literal`` holds the word-for-word English renderings as patterns (see
    the module docstring); ``english`` the proper equivalents, the first of
    which is the suggestion a rule shows; ``severity`` is the severity when
    the literal rendering is found in English alone.
    """

    id: str
    lang: str
    source: tuple[str, ...]
    literal: tuple[str, ...]
    english: tuple[str, ...]
    meaning: str
    severity: str
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
    """A literal rendering of ``idiom`` found in a text.

    ``start``/``end`` are 0-based, half-open code-point offsets into the
    original text (``text[start:end]`` is the matched words), computed
    from token offsets of the unmodified text so they never drift.
    ``pattern`` is the literal pattern that matched.
    """

    idiom: Idiom
    start: int
    end: int
    pattern: str


# --------------------------------------------------------------------------
# English tokenising and lemmatising
# --------------------------------------------------------------------------

# A word: letters/digits with inner apostrophes ("one's", "don't") or
# hyphens. A hyphenated compound is one token, so "first-hand" is not the
# words "first hand" and "start-ups" does not end a pattern "in start".
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-‐][^\W_]+)*['’]?")
# A sentence boundary: . ! ? (or an ellipsis) followed by space or end of
# text, optionally after closing quotes/brackets; or a blank line. A full
# stop inside "U.S." or "3.5" is not followed by space and does not break.
# The lookbehind lets a match start only at the first mark of a run, so a
# run of 40,000 dots is one linear scan instead of a quadratic one (each
# start position rescanning the rest of the run).
_BOUNDARY_RE = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n[^\S\n]*\n")

#: Determiners and possessives that may stand between pattern words.
DETERMINERS: frozenset[str] = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those",
        "my", "your", "his", "her", "its", "our", "their",
        "one's", "someone's", "somebody's",
    }
)

#: Adverb-like words, one of which may stand in a gap between pattern words.
FILLERS: frozenset[str] = frozenset(
    {
        "also", "even", "just", "still", "already", "again", "never", "not",
        "n't", "always", "often", "all", "both", "once", "now", "then",
        "only", "really", "very", "so", "too", "quite", "almost", "simply",
        "truly", "literally", "practically", "virtually", "allegedly",
        "reportedly", "apparently", "finally", "effectively", "completely",
        "entirely", "totally", "fully", "well", "much", "far", "long",
        "yet", "ever", "indeed", "certainly", "probably", "possibly",
        "perhaps", "clearly", "obviously", "openly", "actually", "rather",
        "somewhat", "further", "together", "everything", "own",
    }
)
#: Auxiliaries, up to two of which may stand in a gap ("the stone HAS
#: fallen", "the wolf WILL BE fed"): patterns that start with a noun then
#: need no optional "(have)" or "(be)" for every tense.
AUXILIARIES: frozenset[str] = frozenset(
    {
        "be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
        "have", "has", "had", "having", "'ve", "'d",
        "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "'ll", "do", "does", "did", "wo", "ca",
    }
)
# Words ending in -ly that are not adverbs; they never count as fillers.
_NOT_ADVERBS = frozenset(
    {
        "family", "italy", "rally", "supply", "reply", "apply", "belly",
        "jelly", "assembly", "anomaly", "monopoly", "butterfly", "bully",
        "folly", "lily", "tally", "sally", "ally", "fly", "holy", "ugly",
        "july", "early", "daily", "weekly", "monthly", "yearly", "only",
    }
)


def _load_irregular(path: Path = IRREGULAR_FILE) -> dict[str, frozenset[str]]:
    """Map each irregular form to its base form(s), from the data file."""
    table: dict[str, set[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.lower().split()
        base = words[0]
        for form in words[1:]:
            table.setdefault(form, set()).add(base)
    return {form: frozenset(bases) for form, bases in table.items()}


_IRREGULAR: dict[str, frozenset[str]] = _load_irregular()
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=65536)
def lemma_candidates(word: str) -> frozenset[str]:
    """Every base form ``word`` might be an inflection of, itself included.

    A lemmatiser without a dictionary cannot know whether "leaves" is
    *leave* or *leaf*, so it returns both; a pattern word matches a text
    word when their candidate sets intersect. Over-generation is harmless
    because a pattern needs several words in sequence to match.
    """
    w = word.lower().replace("’", "'")
    out = {w}
    if w.endswith("'s"):
        w = w[:-2]
        out.add(w)
    elif w.endswith("'"):
        w = w[:-1]
        out.add(w)
    out |= _IRREGULAR.get(w, frozenset())
    n = len(w)
    if n > 3 and w.endswith("ies"):
        out.add(w[:-3] + "y")
    if n > 3 and w.endswith("ves"):
        out.add(w[:-3] + "f")
        out.add(w[:-3] + "fe")
    if n > 3 and w.endswith("es"):
        out.add(w[:-2])
    if n > 2 and w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    if n > 3 and w.endswith("ied"):
        out.add(w[:-3] + "y")
    if n > 3 and w.endswith("ed"):
        stem = w[:-2]
        out.add(stem)
        out.add(w[:-1])  # hoped -> hope
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.add(stem[:-1])  # stopped -> stop
    if n > 4 and w.endswith("ing"):
        stem = w[:-3]
        out.add(stem)
        out.add(stem + "e")  # making -> make
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.add(stem[:-1])  # running -> run
        if stem.endswith("y"):
            out.add(stem[:-1] + "ie")  # dying -> die
    for form in list(out):
        out |= _IRREGULAR.get(form, frozenset())
    return frozenset(out)


def _is_determiner(word: str) -> bool:
    return word.lower().replace("’", "'") in DETERMINERS


def _is_filler(word: str) -> bool:
    w = word.lower().replace("’", "'")
    if w in FILLERS:
        return True
    return len(w) >= 5 and w.endswith("ly") and w not in _NOT_ADVERBS


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    lemmas: frozenset[str]
    det: bool
    filler: bool
    aux: bool = False


def _segments(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence-like segments (offset pairs)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if b > a]


# Contractions are split so a pattern can say "not" or "be": "didn't" is
# "did" + "n't", "it's" is "it" + "'s" (only after pronouns, where "'s" is
# "is"/"has"; after a noun it is the possessive and stays in the word).
_NEG_RE = re.compile(r"(?i)^(.+?)(n['’]t)$")
_CLITIC_RE = re.compile(r"(?i)^(.+?)(['’](?:re|ve|ll|d|m|s))$")
_NEG_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}
_CLITIC_LEMMAS = {
    "re": frozenset({"be"}),
    "ve": frozenset({"have"}),
    "ll": frozenset({"will"}),
    "d": frozenset({"would", "have"}),
    "m": frozenset({"be"}),
    "s": frozenset({"be", "have"}),
}
_S_HOSTS = frozenset(
    {"it", "he", "she", "that", "there", "what", "who", "here", "where", "this", "how", "let"}
)


@lru_cache(maxsize=65536)
def _word_props(word: str) -> tuple[frozenset[str], bool, bool, bool]:
    """A word's lemmas and classes, computed once per distinct word, not once per occurrence."""
    return (
        lemma_candidates(word),
        _is_determiner(word),
        _is_filler(word),
        word.lower().replace("’", "'") in AUXILIARIES,
    )


def _make_token(word: str, start: int, lemmas: frozenset[str] | None = None) -> _Token:
    cands, det, filler, aux = _word_props(word)
    return _Token(
        text=word,
        start=start,
        end=start + len(word),
        lemmas=lemmas if lemmas is not None else cands,
        det=det,
        filler=filler,
        aux=aux,
    )


def _rarest(required: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The alternatives of the pattern word that is rarest in English ("axe" in "bury the axe"):
    indexing a pattern under it means a text is tested against few patterns, not every one that
    starts with "be" or "take"."""
    from qa.language import english

    return min(required, key=lambda alts: max((english(a) for a in alts), default=0.0))


@lru_cache(maxsize=65536)
def _word_bag(word: str) -> frozenset[str]:
    """Every lemma the tokens of one text word may stand for (contractions split as in :func:`_tokenize`)."""
    return frozenset().union(*(t.lemmas for t in _tokenize(word, 0, len(word))))


def _tokenize(text: str, start: int, end: int) -> list[_Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``."""
    toks: list[_Token] = []
    for m in _WORD_RE.finditer(text, start, end):
        word, pos = m.group(0), m.start()
        neg = _NEG_RE.match(word)
        if neg:
            head = neg.group(1)
            base = _NEG_STEMS.get(head.lower())
            lemmas = lemma_candidates(head) | {base} if base else None
            toks.append(_make_token(head, pos, frozenset(lemmas) if lemmas else None))
            toks.append(_make_token(neg.group(2), pos + len(head), frozenset({"not", "n't"})))
            continue
        cl = _CLITIC_RE.match(word)
        if cl:
            head, tail = cl.group(1), cl.group(2)
            kind = tail[1:].lower()
            if kind != "s" or head.lower() in _S_HOSTS:
                toks.append(_make_token(head, pos))
                toks.append(_make_token(tail, pos + len(head), _CLITIC_LEMMAS[kind] | {tail.lower()}))
                continue
        toks.append(_make_token(word, pos))
    return toks


# --------------------------------------------------------------------------
# Literal patterns
# --------------------------------------------------------------------------

_PAT_WORD_RE = re.compile(r"^[a-z0-9]+(?:[-'][a-z0-9]+)*$")


@dataclass(frozen=True)
class _PTok:
    """One compiled pattern token: alternatives (empty = wildcard)."""

    alts: frozenset[str]  # union of lemma candidates of the alternatives
    optional: bool
    wildcard: bool
    negative: bool = False  # "!a|b": the next word must not be a or b


@dataclass(frozen=True)
class _Pattern:
    idiom: Idiom
    text: str
    toks: tuple[_PTok, ...]
    first_keys: frozenset[str]
    required: tuple[frozenset[str], ...]  # the alternatives of each word the pattern cannot match without


def _compile_pattern(pattern: str) -> tuple[_PTok, ...]:
    """Compile a literal pattern, raising ValueError with the reason.

    Determiners written in a pattern are dropped: the matcher skips them in
    any gap anyway, so writing "bury the war axe" is the same as "bury war
    axe" and cannot be made stricter by accident.
    """
    raw = pattern.strip()
    if not raw:
        raise ValueError("empty pattern")
    out: list[_PTok] = []
    for tok in raw.lower().replace("’", "'").split():
        optional = tok.startswith("(") and tok.endswith(")")
        if optional:
            tok = tok[1:-1]
        if "(" in tok or ")" in tok:
            raise ValueError(f"unbalanced parenthesis in token {tok!r}")
        negative = tok.startswith("!")
        if negative:
            if optional:
                raise ValueError(f"a negative token cannot be optional: {tok!r}")
            tok = tok[1:]
            if not out:
                raise ValueError("a pattern cannot start with a negative token '!word'")
        if tok == "*":
            if negative:
                raise ValueError("'!*' is not allowed")
            out.append(_PTok(frozenset(), optional, True))
            continue
        alts = tok.split("|")
        for alt in alts:
            clitic = _CLITIC_RE.match(alt)
            if _NEG_RE.match(alt) or (
                clitic and (clitic.group(2)[1:] != "s" or clitic.group(1) in _S_HOSTS)
            ):
                raise ValueError(
                    f"bad token {alt!r}: write contractions out ('not', 'be', 'have', 'will'), "
                    "the text's contractions are split the same way"
                )
            if not _PAT_WORD_RE.match(alt):
                raise ValueError(
                    f"bad token {alt!r}: write plain lowercase words (letters, digits, "
                    "inner apostrophe or hyphen), '(word)', 'a|b' or '*'"
                )
        if not negative and all(alt in DETERMINERS for alt in alts):
            continue
        cands: set[str] = set()
        for alt in alts:
            cands |= lemma_candidates(alt)
        out.append(_PTok(frozenset(cands), optional, False, negative))
    if not out or out[0].optional or out[0].wildcard:
        raise ValueError("a pattern must start with a required word (not '(x)' or '*')")
    required_words = sum(1 for t in out if not (t.optional or t.wildcard or t.negative))
    if required_words < 2:
        raise ValueError("a pattern needs at least two required words to be specific")
    return tuple(out)


# Limits per gap between pattern words: how many determiners and fillers the
# text may insert. Small limits keep patterns specific and matching cheap.
_MAX_DETS = 2
_MAX_FILLERS = 1
_MAX_AUX = 2


def _gap_ends(toks: list[_Token], ti: int) -> Iterator[int]:
    """Positions reachable from ``ti`` by skipping determiners, auxiliaries
    and one filler."""
    yield ti
    dets = fillers = aux = 0
    j = ti
    while j < len(toks):
        t = toks[j]
        if t.det and dets < _MAX_DETS:
            dets += 1
        elif t.aux and aux < _MAX_AUX:
            aux += 1
        elif t.filler and fillers < _MAX_FILLERS:
            fillers += 1
        else:
            return
        j += 1
        yield j


def _match_from(ptoks: tuple[_PTok, ...], toks: list[_Token], i: int) -> int | None:
    """Match a pattern whose first token is at ``toks[i]``.

    Returns the index one past the last consumed token, or None. Tries the
    least skipping first; patterns are a handful of tokens and each gap
    offers at most four positions, so the search is tiny.
    """

    def rec(pi: int, ti: int) -> int | None:
        if pi == len(ptoks):
            return ti
        pt = ptoks[pi]
        if pt.negative:
            # Zero-width check on the word right after the last match.
            if ti < len(toks) and pt.alts & toks[ti].lemmas:
                return None
            return rec(pi + 1, ti)
        for tj in _gap_ends(toks, ti):
            if tj >= len(toks):
                break
            tok = toks[tj]
            if pt.wildcard or (pt.alts & tok.lemmas):
                end = rec(pi + 1, tj + 1)
                if end is not None:
                    return end
        if pt.optional:
            return rec(pi + 1, ti)
        return None

    if not (ptoks[0].alts & toks[i].lemmas):
        return None
    return rec(1, i + 1)


# --------------------------------------------------------------------------
# Source-side matching (Serbian/Croatian/Bosnian/Montenegrin and others)
# --------------------------------------------------------------------------

_CYR2LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e",
    "ж": "z", "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj",
    "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
    "џ": "dz", "ш": "s",
    # Russian letters, so the same fold works for ru.toml
    "ё": "e", "й": "j", "щ": "sc", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja",
}
_LAT_FOLD = {"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj", "ß": "ss"}

# Clitics and particles that Serbian word order puts inside a fixed phrase
# ("pao JE u vodu", "pala SU mu na pamet"): up to two may stand in a gap.
_SOURCE_CLITICS = frozenset(
    {
        "je", "su", "se", "sam", "si", "smo", "ste", "bi", "bih", "bismo",
        "biste", "ce", "cu", "ces", "cemo", "cete", "ga", "mu", "joj", "im",
        "me", "te", "ih", "li", "nam", "vam", "mi", "ti", "nas", "vas", "ju",
        "nije", "nisu", "jos", "vec", "i", "to", "bio", "bila", "bilo",
        "bili", "bile", "sich", "hat", "ist", "wurde", "hatte", "uz", "vse",
        "ne", "zhe", "uzhe", "by", "byl", "byla", "bylo", "byli",
    }
)
# Pure clitics: when a table form contains one ("pao MI JE na pamet"), the
# text may leave it out or use another ("pao je na pamet", "pao joj je ...").
_OPTIONAL_IN_FORM = frozenset(
    {
        "je", "su", "se", "bi", "ce", "cu", "ces", "ga", "mu", "joj", "im",
        "me", "te", "ih", "li", "nam", "vam", "mi", "ti", "ju",
    }
)
_SRC_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def source_key(word: str) -> str:
    """Fold a source word to lowercase ASCII-ish Latin.

    Cyrillic is transliterated and diacritics are dropped (č→c, đ→dj), so
    one table form matches text in either script and text typed without
    diacritics, which is common in news copied from web forms.
    """
    out: list[str] = []
    for ch in word.lower():
        if ch in _CYR2LAT:
            out.append(_CYR2LAT[ch])
        elif ch in _LAT_FOLD:
            out.append(_LAT_FOLD[ch])
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base)
    return "".join(out)


def _stem(key: str) -> str:
    """Prefix of a folded source word that inflected forms share.

    Serbian nouns, adjectives and verbs inflect by ending, so comparing the
    first letters tolerates case and number: words of up to 3 letters
    (prepositions, short nouns like "vek") must be a prefix as a whole,
    4-letter words keep 3 letters ("vodu" → "vod": vode, vodi, vodom),
    5-letter words 4, longer words 5 ("četiri" → "cetir"). Stem changes
    (k→c in "ruka"/"ruci", "pasti"/"pao") are covered by listing both forms.
    """
    n = len(key)
    if n <= 3:
        return key
    if n == 4:
        return key[:3]
    if n == 5:
        return key[:4]
    return key[:5]


@dataclass(frozen=True)
class _SourceForm:
    idiom: Idiom
    stems: tuple[str, ...]
    exact: tuple[bool, ...]  # short words must match whole, not as prefix
    optional: tuple[bool, ...]  # clitics inside the form may be absent


def _compile_source(form: str) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]:
    words = [source_key(w) for w in _SRC_WORD_RE.findall(form)]
    if not words:
        raise ValueError("empty source form")
    stems = tuple(_stem(w) for w in words)
    # Words of one to three letters (prepositions "u", "na", "iz", clitics
    # "je", "mu") must be equal: as a prefix "u" would match any word in
    # "u...", "mu" would match "muka".
    exact = tuple(len(w) <= 2 or w in _OPTIONAL_IN_FORM for w in words)
    optional = tuple(i > 0 and w in _OPTIONAL_IN_FORM for i, w in enumerate(words))
    return stems, exact, optional


# --------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------


def _entry_error(path: Path | str, entry: object, index: int, msg: str) -> ValueError:
    ident = entry.get("id") if isinstance(entry, dict) else None
    where = f"entry {ident!r}" if ident else f"entry #{index + 1}"
    return ValueError(f"{path}: {where}: {msg}")


def _parse_entry(path: Path | str, lang: str, raw: object, index: int) -> Idiom:
    """Validate one ``[[idiom]]`` table and build the Idiom."""
    if not isinstance(raw, dict):
        raise _entry_error(path, raw, index, "an [[idiom]] entry must be a table")
    for field in _REQUIRED_FIELDS:
        if field not in raw:
            raise _entry_error(path, raw, index, f"missing field {field!r}")
    known = set(_REQUIRED_FIELDS) | {"note", "lang"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _entry_error(path, raw, index, f"unknown field(s) {', '.join(unknown)}")
    values: dict[str, object] = {}
    for field in _REQUIRED_FIELDS + ("note",):
        value = raw.get(field, "")
        if field in _LIST_FIELDS:
            if isinstance(value, str):
                value = [value]
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) and v.strip() for v in value)
            ):
                raise _entry_error(
                    path, raw, index, f"field {field!r} must be a non-empty list of non-empty strings"
                )
            values[field] = tuple(v.strip() for v in value)
        else:
            if not isinstance(value, str):
                raise _entry_error(path, raw, index, f"field {field!r} must be a string")
            values[field] = value.strip()
    ident = str(values["id"])
    if not _ID_RE.match(ident):
        raise _entry_error(path, raw, index, f"id {ident!r} must be kebab-case ASCII (a-z, 0-9, '-')")
    if values["severity"] not in SEVERITIES:
        raise _entry_error(
            path, raw, index,
            f"severity {values['severity']!r} must be one of {', '.join(SEVERITIES)}",
        )
    for field in ("meaning", "domain"):
        if not values[field]:
            raise _entry_error(path, raw, index, f"field {field!r} must not be empty")
    entry_lang = raw.get("lang", lang)
    if not isinstance(entry_lang, str) or not entry_lang:
        raise _entry_error(path, raw, index, "field 'lang' must be a non-empty string")
    idiom = Idiom(
        id=ident,
        lang=entry_lang,
        source=values["source"],  # type: ignore[arg-type]
        literal=values["literal"],  # type: ignore[arg-type]
        english=values["english"],  # type: ignore[arg-type]
        meaning=str(values["meaning"]),
        severity=str(values["severity"]),
        domain=str(values["domain"]),
        examples_bad=values["examples_bad"],  # type: ignore[arg-type]
        examples_good=values["examples_good"],  # type: ignore[arg-type]
        note=str(values["note"]),
    )
    for pat in idiom.literal:
        try:
            _compile_pattern(pat)
        except ValueError as exc:
            raise _entry_error(path, raw, index, f"bad literal pattern {pat!r}: {exc}") from None
    for form in idiom.source:
        try:
            _compile_source(form)
        except ValueError as exc:
            raise _entry_error(path, raw, index, f"bad source form {form!r}: {exc}") from None
    return idiom


def _read_file(path: Path) -> list[Idiom]:
    """Parse one idiom file; the language is its top-level ``lang`` key,
    else the file name (``sh.toml`` → "sh")."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read idiom table: {exc}") from None
    lang = data.get("lang", path.stem)
    if not isinstance(lang, str) or not lang:
        raise ValueError(f"{path}: top-level 'lang' must be a non-empty string")
    entries = data.get("idiom", [])
    if not isinstance(entries, list):
        raise ValueError(f"{path}: 'idiom' must be an array of tables ([[idiom]])")  # noqa: TRY004 - a data error
    idioms: list[Idiom] = []
    seen: set[tuple[str, str]] = set()
    for index, raw in enumerate(entries):
        idiom = _parse_entry(path, lang, raw, index)
        key = (idiom.lang, idiom.id)
        if key in seen:
            raise _entry_error(path, raw, index, f"duplicate id {idiom.id!r} in this file")
        seen.add(key)
        idioms.append(idiom)
    return idioms


def bundled_paths() -> list[Path]:
    """The idiom tables shipped with qa, sorted by name."""
    return sorted(IDIOM_DIR.glob("*.toml"))


# --------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------

_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


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
        self._literal_index: dict[str, list[_Pattern]] = {}
        self._source_index: dict[str, list[_SourceForm]] = {}
        self._n_patterns = 0
        self._bag_index: dict[str, list[_Pattern]] = {}  # by the lemmas of each pattern's rarest required word
        self._bag_keys: frozenset[str] = frozenset()
        for idiom in self._idioms:
            for pat in idiom.literal:
                toks = _compile_pattern(pat)
                required = tuple(t.alts for t in toks if not (t.optional or t.wildcard or t.negative))
                cp = _Pattern(idiom, pat, toks, toks[0].alts, required)
                for key in _rarest(cp.required):
                    self._bag_index.setdefault(key, []).append(cp)
                for key in cp.first_keys:
                    self._literal_index.setdefault(key, []).append(cp)
                self._n_patterns += 1
            for form in idiom.source:
                stems, exact, optional = _compile_source(form)
                self._source_index.setdefault(stems[0], []).append(
                    _SourceForm(idiom, stems, exact, optional)
                )
        self._bag_keys = frozenset(self._bag_index)

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
        files: list[Path] = bundled_paths() if bundled else []
        if isinstance(paths, (str, Path)):
            paths = [paths]  # a lone path, not an iterable of characters
        if paths is not None:
            files.extend(Path(p) for p in paths)
        idioms: list[Idiom] = []
        for path in files:
            idioms.extend(_read_file(path))
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

    @property
    def langs(self) -> frozenset[str]:
        """Source languages present in the table."""
        return frozenset(i.lang for i in self._idioms)

    # -- English target side -------------------------------------------------

    def find_literal(self, text: str) -> list[IdiomMatch]:
        """Word-for-word renderings of idioms in English ``text``.

        Returns non-overlapping matches in text order. Where candidates
        overlap, the earlier one wins, then the longer, then the more
        severe, so one calque is reported once.
        """
        candidates = self._candidates(text)
        if not candidates:
            return []
        found: list[tuple[int, int, int, str, str, IdiomMatch]] = []
        for seg_start, seg_end in _segments(text):
            toks = _tokenize(text, seg_start, seg_end)
            for i, tok in enumerate(toks):
                seen: set[int] = set()
                for lemma in tok.lemmas:
                    for cp in self._literal_index.get(lemma, ()):
                        if id(cp) in seen or id(cp) not in candidates:
                            continue
                        seen.add(id(cp))
                        end = _match_from(cp.toks, toks, i)
                        if end is None:
                            continue
                        m = IdiomMatch(cp.idiom, tok.start, toks[end - 1].end, cp.text)
                        found.append(
                            (m.start, -(m.end - m.start), _SEVERITY_RANK[cp.idiom.severity],
                             cp.idiom.id, cp.text, m)
                        )
        found.sort(key=lambda f: f[:5])
        result: list[IdiomMatch] = []
        last_end = -1
        for *_, m in found:
            if m.start >= last_end:
                result.append(m)
                last_end = m.end
        return result

    def _candidates(self, text: str) -> set[int]:
        """Ids of the patterns whose every required word has a lemma somewhere in ``text``.

        Most news text contains no idiom at all; this bag-of-lemmas test
        rules the table out in one pass over the distinct words, so the
        positional matcher runs only where a pattern can match.
        """
        index = self._bag_index
        bags = [_word_bag(w) for w in set(_WORD_RE.findall(text))]
        keys = self._bag_keys
        if all(keys.isdisjoint(b) for b in bags):
            return set()  # no word can be any pattern's rarest word: the common case, decided in C
        bag: set[str] = set().union(*bags)
        out: set[int] = set()
        for lemma in bag.intersection(keys):
            for cp in index[lemma]:
                if id(cp) not in out and all(not bag.isdisjoint(alts) for alts in cp.required):
                    out.add(id(cp))
        return out

    # -- source side --------------------------------------------------------

    def find_source(self, text: str) -> list[tuple[Idiom, int, int]]:
        """Source-language idiom forms in a source ``text``.

        Returns ``(idiom, start, end)`` with code-point offsets into
        ``text``, non-overlapping, in order. Matching is inflection-
        tolerant: both sides are folded to Latin without diacritics
        (:func:`source_key`), and each word of a table form matches a text
        word that starts with its stem (:func:`_stem`); up to two clitics
        ("je", "su", "se", "mu", ...) may stand between the words, as
        Serbian word order puts them there ("pao je u vodu").
        """
        words = [(m.start(), m.end(), source_key(m.group(0))) for m in _SRC_WORD_RE.finditer(text)]
        # Sentence boundaries break a match here as on the English side.
        boundary_after: set[int] = set()
        for b in _BOUNDARY_RE.finditer(text):
            boundary_after.add(b.start())
        breaks = [False] * len(words)
        bpos = sorted(boundary_after)
        bi = 0
        for k in range(len(words) - 1):
            gap_start, gap_end = words[k][1], words[k + 1][0]
            while bi < len(bpos) and bpos[bi] < gap_start:
                bi += 1
            breaks[k] = bi < len(bpos) and bpos[bi] < gap_end
        found: list[tuple[int, int, str, Idiom]] = []
        for i, (start, _end, key) in enumerate(words):
            for n in range(1, min(5, len(key)) + 1):
                for form in self._source_index.get(key[:n], ()):
                    end_idx = self._match_source(form, words, breaks, i)
                    if end_idx is not None:
                        found.append((start, -(words[end_idx][1] - start), form.idiom.id, form.idiom))
        found.sort(key=lambda f: f[:3])
        result: list[tuple[Idiom, int, int]] = []
        last_end = -1
        for start, neg_len, _id, idiom in found:
            if start >= last_end:
                result.append((idiom, start, start - neg_len))
                last_end = start - neg_len
        return result

    @staticmethod
    def _match_source(
        form: _SourceForm, words: list[tuple[int, int, str]], breaks: list[bool], i: int
    ) -> int | None:
        """Index of the last text word of ``form`` matched from ``i``."""

        def ok(k: int, j: int) -> bool:
            key = words[j][2]
            stem = form.stems[k]
            return key == stem if form.exact[k] else key.startswith(stem)

        if not ok(0, i):
            return None
        j = i
        for k in range(1, len(form.stems)):
            nxt = j + 1
            skipped = 0
            found = False
            while nxt < len(words) and not breaks[nxt - 1]:
                if ok(k, nxt):
                    found = True
                    break
                if words[nxt][2] in _SOURCE_CLITICS and skipped < 2:
                    skipped += 1
                    nxt += 1
                    continue
                break
            if found:
                j = nxt
            elif not form.optional[k]:
                return None
        return j

    def __repr__(self) -> str:
        return f"IdiomTable({len(self)} idioms, {self._n_patterns} literal patterns)"


@lru_cache(maxsize=1)
def bundled_table() -> IdiomTable:
    """The bundled tables, loaded once per process.

    Loading parses ~300 entries and compiles their patterns (~0.1 s); a rule
    that runs on every document should share one table, not load its own.
    """
    return IdiomTable.load()
