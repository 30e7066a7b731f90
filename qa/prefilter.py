"""A prefilter for many regular expressions: the literals each one cannot match without, found in one pass.

A pattern table (boilerplate, calques) holds dozens of expressions, and most
text matches none of them. Each expression is read once, at load time, for
its *required literals*: groups of strings such that every match contains one
string of each group ("subscribe to" in ``\\bsubscribe to\\s+our\\b``; one of
"view", "comment" in ``(?:views?|comments?)\\s*:``). One Aho-Corasick pass
(pyahocorasick) over a case-folded text finds the literals of every
expression's most selective group at once; the few expressions found so have
their other groups looked up, and an expression runs only on a text that holds
a literal of each of its groups. Nothing is written by hand: an expression added to a data
file is read the same way, and one whose syntax the reader does not know (the
``regex`` module has more than Python's ``re``) simply has no groups and runs
on every text.

The literals are a necessary condition only: the expression still decides.
Case is folded on both sides (``fold``), so a case-insensitive expression and
a case-sensitive one are filtered alike.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Any, Iterable

import ahocorasick

try:  # Python 3.11+
    from re import _constants as _c, _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

MAX_EXACT = 64  # strings one piece of an expression may spell before it is only "some text"
MIN_LITERAL = 2  # a group with a shorter ASCII literal (" ", ":") says too little to be worth a lookup

# The regex module's case-insensitive matching pairs dotted and dotless i with both cases of i
# (Turkish); str.casefold does not ("İ" folds to "i" and a combining dot). Every other pair of
# characters it matches has one case fold (checked over all cased characters in the tests), except
# pairs with a character newer than Python's Unicode tables (the regex module carries its own, newer
# ones): Unicode never makes two existing characters a case pair, so such a pair always holds a
# character unassigned for Python, and a text or a literal with one is not filtered.
_TURKIC = str.maketrans({"İ": "i", "ı": "i"})


def _unassigned(text: str) -> bool:
    """Whether ``text`` holds a character Python's Unicode tables do not know (cheap: an unassigned
    character is not printable, and most text is)."""
    if text.isascii() or text.isprintable():
        return False
    rest = "".join(text.split())  # line breaks, tabs and no-break spaces are not printable either
    return not rest.isprintable() and any(unicodedata.category(c) == "Cn" for c in set(rest))


def fold(text: str) -> str:
    """Text as the prefilter compares it: case folded, the Turkish i's read as i."""
    if "İ" in text or "ı" in text:  # rare: translate costs more than the fold itself
        text = text.translate(_TURKIC)
    return text.casefold()


Groups = tuple[frozenset[str], ...]

# Syntax of the regex module that Python's parser would read differently rather than reject: fuzzy
# constraints ("{e<=1}", read as literal text by re) and POSIX classes ("[[:alpha:]]"). An expression
# holding them gets no groups. Unicode properties (\p{L}) are read as "a letter", which is all a
# prefilter needs; "(?<name>" is re's "(?P<name>".
_BRACE = re.compile(r"\\[pPNx]\{[^}]*\}|\\.|\{([^}]*)\}?", re.S)
_POSIX = re.compile(r"\[:\^?\w+:\]")
_PROPERTY = re.compile(r"(\\[pP])(\{[^}]*\}|\w)|\\.", re.S)
_NAMED = re.compile(r"\\.|\(\?<(?=\w)", re.S)


def required(pattern: str) -> Groups:
    """The literal groups every match of ``pattern`` contains one string of each of, case-folded;
    ``()`` when none is known (the expression must run on every text)."""
    source = _readable(pattern)
    if source is None:
        return ()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set" and the like: syntax read two ways
            tree = _sre.parse(source, 0)
    except Exception:  # noqa: BLE001 - any syntax re cannot read: no prefilter, the expression always runs
        return ()
    exact, groups = _sequence(list(tree))
    if exact is not None and "" not in exact:
        groups.append(exact)  # the whole expression spells a few strings
    return _useful(groups)


def _readable(pattern: str) -> str | None:
    """The pattern in a form Python's parser reads with the same literals, or None."""
    if _POSIX.search(pattern):
        return None
    for m in _BRACE.finditer(pattern):
        if m.group(0).startswith("{") and not re.fullmatch(r"\d*(?:,\d*)?", m.group(1) or "x"):
            return None
    pattern = _PROPERTY.sub(lambda m: m.group(0) if m.group(1) is None else r"\w", pattern)
    return _NAMED.sub(lambda m: m.group(0) if m.group(0).startswith("\\") else "(?P<", pattern)


def _useful(groups: list[frozenset[str]]) -> Groups:
    """Groups worth a lookup, most selective first (longest shortest literal, then fewest literals)."""
    out = {frozenset(fold(s) for s in g) for g in groups if g and all(_useful_literal(s) for s in g)}
    return tuple(sorted(out, key=lambda g: (-min(map(len, g)), len(g), sorted(g))))


def _useful_literal(s: str) -> bool:
    if _unassigned(s):
        return False
    s = s.strip()
    return len(s) >= MIN_LITERAL or len(s) == 1 and not s.isascii()  # "©", "»": rare enough alone


def _product(left: frozenset[str] | None, right: frozenset[str] | None) -> frozenset[str] | None:
    if left is None or right is None or len(left) * len(right) > MAX_EXACT:
        return None
    return frozenset(a + b for a in left for b in right)


def _sequence(items: list[Any]) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    """A concatenation: the strings it can spell (None: too many or unknown) and its required groups.

    Runs of spelled pieces are multiplied out ("view" + {"", "s"}); where a piece spells nothing
    known (``\\s+``, ``.*``) the run so far becomes a group and a new run starts."""
    groups: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})
    whole = True
    for op, av in items:
        exact, inner = _item(op, av)
        groups.extend(inner)
        joined = _product(run, exact)
        if joined is not None:
            run = joined
            continue
        whole = False
        if run is not None and "" not in run:
            groups.append(run)
        run = exact if exact is not None else frozenset({""})
    if whole:
        return run, groups
    if run is not None and "" not in run:
        groups.append(run)
    return None, groups


def _best(exact: frozenset[str] | None, groups: list[frozenset[str]]) -> frozenset[str] | None:
    """One group a branch cannot match without: its own strings, else its most selective group."""
    candidates = list(groups)
    if exact is not None and "" not in exact:
        candidates.append(exact)
    candidates = [g for g in candidates if "" not in g]
    if not candidates:
        return None
    return max(candidates, key=lambda g: (min(map(len, g)), -len(g)))


def _item(op: Any, av: Any) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    """One parsed piece: the strings it can spell (``{""}`` for a zero-width one) and its groups."""
    if op is _c.LITERAL:
        return frozenset({chr(av)}), []
    if op is _c.IN:
        chars = []
        for sub_op, sub_av in av:
            if sub_op is _c.LITERAL:
                chars.append(chr(sub_av))
            elif sub_op is _c.RANGE and sub_av[1] - sub_av[0] < 8:
                chars.extend(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:  # NEGATE, CATEGORY, a wide range
                return None, []
        return (frozenset(chars) if 0 < len(chars) <= MAX_EXACT else None), []
    if op is _c.AT or op is _c.ASSERT_NOT:
        return frozenset({""}), []
    if op is _c.ASSERT:  # a lookaround's text is in the subject too, but not in the match
        exact, groups = _sequence(list(av[1]))
        if exact is not None and "" not in exact:
            groups = [*groups, exact]
        return frozenset({""}), groups
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        exacts: set[str] | None = set()
        picked: list[frozenset[str]] | None = []
        for alt in av[1]:
            exact, groups = _sequence(list(alt))
            if exacts is not None and exact is not None and len(exacts) + len(exact) <= MAX_EXACT:
                exacts |= exact
            else:
                exacts = None
            if picked is not None:
                best = _best(exact, groups)
                picked = None if best is None else [*picked, best]
        if exacts is not None:
            return frozenset(exacts), []
        return None, ([frozenset().union(*picked)] if picked else [])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        exact, groups = _sequence(list(body))
        if exact is not None and high != _c.MAXREPEAT and high <= 2:
            spelled: frozenset[str] | None = frozenset({""}) if low == 0 else None
            power: frozenset[str] | None = frozenset({""})
            for k in range(1, high + 1):
                power = _product(power, exact)
                if power is None:
                    spelled = None
                    break
                if k >= low:
                    spelled = power if spelled is None else (spelled | power if len(spelled | power) <= MAX_EXACT else None)
                    if spelled is None:
                        break
            if spelled is not None:
                return spelled, (groups if low > 0 else [])
        if low == 0:
            return None, []
        if exact is not None and "" not in exact:
            groups = [*groups, exact]
        return None, groups
    return None, []  # ANY, NOT_LITERAL, CATEGORY, a group reference, a conditional: text unknown


@dataclass(frozen=True)
class Prefilter:
    """Which of a list of expressions a text can match, by their required literals (one pass)."""

    groups: tuple[Groups, ...]  # per expression, in the caller's order; () = always run
    automaton: Any  # ahocorasick.Automaton: each literal of a first group -> the expressions it opens
    always: frozenset[int]  # the expressions with no literal known: in every ``found`` answer

    @classmethod
    def build(cls, patterns: Iterable[str]) -> Prefilter:
        groups = tuple(required(p) for p in patterns)
        by_literal: dict[str, list[int]] = {}
        for i, gs in enumerate(groups):
            for s in gs[0] if gs else ():
                by_literal.setdefault(s, []).append(i)
        automaton = None
        if by_literal:
            automaton = ahocorasick.Automaton()
            for s, ids in sorted(by_literal.items()):
                automaton.add_word(s, tuple(ids))
            automaton.make_automaton()
        return cls(groups, automaton, frozenset(i for i, gs in enumerate(groups) if not gs))

    def found(self, text: str) -> set[int]:
        """The expressions that can match ``text``: those with no literal known (they run on every text),
        and those whose literals it holds: one pass finds the literals of each expression's most selective
        group (``groups[i][0]``); an expression found so has its other groups looked up in the text."""
        if self.automaton is None or _unassigned(text):  # no literal known at all, or case pairs newer than Python's tables
            return set(range(len(self.groups)))
        folded = fold(text)
        first: set[int] = set()
        for _, ids in self.automaton.iter(folded):
            first.update(ids)
        groups = self.groups
        return {i for i in first if all(any(s in folded for s in g) for g in groups[i][1:])}.union(self.always)
