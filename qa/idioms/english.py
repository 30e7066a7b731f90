"""The English side of idiom matching: a dictionary-free lemmatiser, tokens, and literal patterns.

A literal pattern is the word-for-word English an idiom becomes ("talk in
four eye" for *u četiri oka*); the syntax is documented once, in
``docs/PATTERNS.md``. The text is lemmatised so that "held their thumbs",
"is holding thumbs" and "holds thumbs" all meet "hold thumb"; determiners,
auxiliaries and one adverb-like filler may stand in a gap between pattern
words (``en/idiom_gaps.toml``).

Matching is linear in the text: each pattern is indexed by the lemmas of its
first word, and the match from there is a bounded backtracking over a
pattern of a handful of tokens. No regular expression is built from a
pattern, so none can backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from qa.languages import profile
from qa.languages.frequency import english
from qa.resources import read_lines, read_toml
from qa.text import Text


@dataclass(frozen=True)
class GapWords:
    """English words that may stand in a gap between pattern words (``en/idiom_gaps.toml``)."""

    determiners: frozenset[str]
    fillers: frozenset[str]
    auxiliaries: frozenset[str]
    not_adverbs: frozenset[str]


@lru_cache(maxsize=1)
def gap_words() -> GapWords:
    path = profile("en").data_file("idiom_gaps.toml")
    assert path is not None, "qa/data/languages/en/idiom_gaps.toml is part of the package"
    data = read_toml(path)
    return GapWords(*(frozenset(data[k]) for k in ("determiners", "fillers", "auxiliaries", "not_adverbs")))


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    """Each irregular English form -> its base form(s) (``en/irregular_verbs.txt``: the base, then its forms)."""
    path = profile("en").data_file("irregular_verbs.txt")
    assert path is not None, "qa/data/languages/en/irregular_verbs.txt is part of the package"
    table: dict[str, set[str]] = {}
    for line in read_lines(path):
        base, *forms = line.lower().split()
        for form in forms:
            table.setdefault(form, set()).add(base)
    return {form: frozenset(bases) for form, bases in table.items()}


_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=65536)
def lemma_candidates(word: str) -> frozenset[str]:
    """Every base form ``word`` might be an inflection of, itself included.

    A lemmatiser without a dictionary cannot know whether "leaves" is
    *leave* or *leaf*, so it returns both; a pattern word matches a text
    word when their candidate sets intersect. Over-generation is harmless
    because a pattern needs several words in sequence to match.
    """
    irregular = _irregular()
    w = word.lower().replace("’", "'")
    out = {w}
    if w.endswith("'s"):
        w = w[:-2]
        out.add(w)
    elif w.endswith("'"):
        w = w[:-1]
        out.add(w)
    out |= irregular.get(w, frozenset())
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
        out |= irregular.get(form, frozenset())
    return frozenset(out)


def _is_filler(w: str, gaps: GapWords) -> bool:
    return w in gaps.fillers or len(w) >= 5 and w.endswith("ly") and w not in gaps.not_adverbs


@dataclass(frozen=True)
class Token:
    """A word of the English text with its lemmas and the gap classes it belongs to."""

    text: str
    start: int
    end: int
    lemmas: frozenset[str]
    det: bool
    filler: bool
    aux: bool = False


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
_S_HOSTS = frozenset({"it", "he", "she", "that", "there", "what", "who", "here", "where", "this", "how", "let"})


@lru_cache(maxsize=65536)
def _word_props(word: str) -> tuple[frozenset[str], bool, bool, bool]:
    """A word's lemmas and classes, computed once per distinct word, not once per occurrence."""
    gaps = gap_words()
    w = word.lower().replace("’", "'")
    return lemma_candidates(word), w in gaps.determiners, _is_filler(w, gaps), w in gaps.auxiliaries


def _make_token(word: str, start: int, lemmas: frozenset[str] | None = None) -> Token:
    cands, det, filler, aux = _word_props(word)
    return Token(word, start, start + len(word), lemmas if lemmas is not None else cands, det, filler, aux)


def split_contractions(word: str, pos: int) -> list[Token]:
    """One text word as matcher tokens: contractions split ("didn't" -> "did" + "n't")."""
    neg = _NEG_RE.match(word)
    if neg:
        head = neg.group(1)
        base = _NEG_STEMS.get(head.lower())
        lemmas = lemma_candidates(head) | {base} if base else None
        return [_make_token(head, pos, frozenset(lemmas) if lemmas else None),
                _make_token(neg.group(2), pos + len(head), frozenset({"not", "n't"}))]
    cl = _CLITIC_RE.match(word)
    if cl:
        head, tail = cl.group(1), cl.group(2)
        kind = tail[1:].lower()
        if kind != "s" or head.lower() in _S_HOSTS:
            return [_make_token(head, pos), _make_token(tail, pos + len(head), _CLITIC_LEMMAS[kind] | {tail.lower()})]
    return [_make_token(word, pos)]


def sentence_tokens(text: Text) -> Iterator[list[Token]]:
    """The matcher's tokens of each sentence (a match never crosses a sentence)."""
    for sent in text.sentences:
        toks: list[Token] = []
        for tok in text.tokens_in(sent.start, sent.end):
            toks.extend(split_contractions(tok.text, tok.start))
        yield toks


@lru_cache(maxsize=65536)
def word_bag(word: str) -> frozenset[str]:
    """Every lemma the tokens of one text word may stand for (contractions split)."""
    return frozenset().union(*(t.lemmas for t in split_contractions(word, 0)))


# --------------------------------------------------------------------------
# Literal patterns
# --------------------------------------------------------------------------

_PAT_WORD_RE = re.compile(r"^[a-z0-9]+(?:[-'][a-z0-9]+)*$")


@dataclass(frozen=True)
class PatternToken:
    """One compiled pattern token: alternatives (empty = wildcard)."""

    alts: frozenset[str]  # union of lemma candidates of the alternatives
    optional: bool
    wildcard: bool
    negative: bool = False  # "!a|b": the next word must not be a or b


def compile_pattern(pattern: str) -> tuple[PatternToken, ...]:
    """Compile a literal pattern, raising ValueError with the reason.

    Determiners written in a pattern are dropped: the matcher skips them in
    any gap anyway, so writing "bury the war axe" is the same as "bury war
    axe" and cannot be made stricter by accident.
    """
    raw = pattern.strip()
    if not raw:
        raise ValueError("empty pattern")
    determiners = gap_words().determiners
    out: list[PatternToken] = []
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
            out.append(PatternToken(frozenset(), optional, True))
            continue
        alts = tok.split("|")
        for alt in alts:
            clitic = _CLITIC_RE.match(alt)
            if _NEG_RE.match(alt) or (clitic and (clitic.group(2)[1:] != "s" or clitic.group(1) in _S_HOSTS)):
                raise ValueError(
                    f"bad token {alt!r}: write contractions out ('not', 'be', 'have', 'will'), "
                    "the text's contractions are split the same way"
                )
            if not _PAT_WORD_RE.match(alt):
                raise ValueError(
                    f"bad token {alt!r}: write plain lowercase words (letters, digits, "
                    "inner apostrophe or hyphen), '(word)', 'a|b' or '*'"
                )
        if not negative and all(alt in determiners for alt in alts):
            continue
        cands: set[str] = set()
        for alt in alts:
            cands |= lemma_candidates(alt)
        out.append(PatternToken(frozenset(cands), optional, False, negative))
    if not out or out[0].optional or out[0].wildcard:
        raise ValueError("a pattern must start with a required word (not '(x)' or '*')")
    if sum(1 for t in out if not (t.optional or t.wildcard or t.negative)) < 2:
        raise ValueError("a pattern needs at least two required words to be specific")
    return tuple(out)


def required_words(toks: tuple[PatternToken, ...]) -> tuple[frozenset[str], ...]:
    """The alternatives of each word the pattern cannot match without."""
    return tuple(t.alts for t in toks if not (t.optional or t.wildcard or t.negative))


def rarest(required: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The alternatives of the pattern word that is rarest in English ("axe" in "bury the axe"):
    indexing a pattern under it means a text is tested against few patterns, not every one that
    starts with "be" or "take"."""
    return min(required, key=lambda alts: max((english(a) for a in alts), default=0.0))


# Limits per gap between pattern words: how many determiners and fillers the
# text may insert. Small limits keep patterns specific and matching cheap.
_MAX_DETS = 2
_MAX_FILLERS = 1
_MAX_AUX = 2


def _gap_ends(toks: list[Token], ti: int) -> Iterator[int]:
    """Positions reachable from ``ti`` by skipping determiners, auxiliaries and one filler."""
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


def match_from(ptoks: tuple[PatternToken, ...], toks: list[Token], i: int) -> int | None:
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

