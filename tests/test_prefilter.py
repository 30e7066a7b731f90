"""The multi-pattern prefilter: the literals it reads from an expression are ones every match holds."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from qa import boilerplate
from qa.prefilter import Prefilter, fold, required
from qa.rules import calques
from qa.text import Text

ROOT = Path(__file__).resolve().parents[1]


def test_literals_of_a_concatenation_and_an_alternation() -> None:
    assert required(r"\bsubscribe to\s+our\s+newsletter\b") == (
        frozenset({"subscribe to"}), frozenset({"newsletter"}), frozenset({"our"}))
    assert required(r"(?:views?|comments?)\s*:\s*\d+") == (frozenset({"view", "views", "comment", "comments"}),)
    # an optional piece is not required; a lookahead's text is
    assert required(r"(?:main\s+)?photo") == (frozenset({"photo"}),)
    assert required(r"(?=[^\n]*\bnewsletters?\b)[^\n]*") == (frozenset({"newsletter", "newsletters"}),)
    assert required(r"(?!\bads\b)\w+") == ()
    # a branch with one alternative that needs nothing needs nothing
    assert required(r"cookies|\d+") == ()


def test_case_is_folded_on_both_sides() -> None:
    assert required("(?-i:GALLERY) (?i:Foto)") == (frozenset({"gallery foto"}),)
    pf = Prefilter.build([r"istanbul\s+news"])
    assert pf.found("İSTANBUL NEWS") == {0} and regex.search(r"istanbul\s+news", "İSTANBUL NEWS", regex.I)
    assert not pf.found("Ankara news")


@pytest.mark.parametrize("pattern", [
    r"(?:cookie){e<=1}s",  # fuzzy matching: Python's parser would read the braces as text
    r"[[:alpha:]]+ tags",  # a POSIX class
    r"\L<words> here",  # a named list
    r"(?V1)[[a-z]--[aeiou]]+ link",  # version 1 set operations
])
def test_syntax_of_the_regex_module_alone_gets_no_literals(pattern: str) -> None:
    assert required(pattern) == ()


def test_unicode_properties_and_named_groups_are_read() -> None:
    assert required(r"(?<label>\p{Lu}\p{L}+):\s+foto") == (frozenset({"foto"}),)
    assert required(r"\\pL literal") == (frozenset({"\\pl literal"}),)  # an escaped backslash, then text


def test_every_case_insensitive_pair_of_characters_has_one_fold() -> None:
    """The prefilter's fold must map any two characters the regex module matches case-insensitively to
    the same text, or a match could hide from it; a pair with a character Python's Unicode tables do not
    know turns the filter off instead."""
    everything = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    cased = "".join(regex.findall(r"\p{Cased}", everything))  # by the regex module's own, newer tables
    for c in cased:
        for d in set(regex.compile(regex.escape(c), regex.IGNORECASE | regex.V0).findall(cased)) - {c}:
            assert fold(c) == fold(d) or unicodedata.category(c) == "Cn" or unicodedata.category(d) == "Cn", (c, d)
    for c in {"İ", "ı", "ẞ", "ſ", "K"}:  # pairs whose fold differs from lower()
        assert fold(c) == fold(c.lower()) or fold(c) == fold(c.upper())
    new = "\ua7cb"  # a capital letter Python 3.11 does not know, paired with "ɤ" by newer tables
    if unicodedata.category(new) == "Cn":
        pf = Prefilter.build(["\u0264x news"])
        assert pf.found(new + "X NEWS") == {0}


def _texts() -> list[str]:
    """Chrome and prose lines: the labelled chrome benchmark lines and the rules' documented examples."""
    lines = [json.loads(line)["text"] for line in (ROOT / "benchmarks/data/chrome/lines.jsonl").read_text("utf-8").splitlines()]
    for c in calques.calques():
        lines += [c.example, c.good]
    return [t for line in lines for t in (line, line.upper(), line.lower())]


def test_a_pattern_that_matches_is_never_filtered_out() -> None:
    patterns = [p.regex for ps in boilerplate.load_patterns().values() for p in ps] + [c.pattern for c in calques.calques()]
    pf = Prefilter.build(p.pattern for p in patterns)
    assert sum(1 for g in pf.groups if g) > 0.9 * len(patterns)  # nearly every pattern has literals
    matched = 0
    for text in _texts():
        possible = pf.found(text)
        for i, p in enumerate(patterns):
            if p.search(text):
                matched += 1
                assert not pf.groups[i] or i in possible, (p.pattern, text)
    assert matched > 300


def test_a_pattern_added_to_a_bundled_table_at_run_time_is_found(tmp_path, monkeypatch) -> None:
    table = tmp_path / "boilerplate.toml"
    shipped = (ROOT / "qa/data/languages/en/boilerplate.toml").read_text(encoding="utf-8")
    table.write_text(shipped + '\n[[pattern]]\nrule = "orphan-embed-label"\nmatch = "line"\n'
                     "regex = '''(?:wiggle|shake)\\s+for\\s+the\\s+next\\s+(?:story|slide)'''\n", encoding="utf-8")
    line = "WIGGLE for the next slide"  # (a gesture no shipped table knows: "swipe" is in en/chrome.toml)
    text = Text(f"Floods hit the north\nThe river rose overnight.\n{line}\nRescuers arrived at dawn.")
    assert not boilerplate.scan(text, ())["orphan-embed-label"]
    monkeypatch.setattr(boilerplate, "bundled_paths", lambda: [table])
    for cached in (boilerplate.load_patterns, boilerplate._plans, boilerplate._paragraph_matches):
        cached.cache_clear()
    try:
        hits = boilerplate.scan(text, ())["orphan-embed-label"]
        assert [text.raw[h.start:h.end] for h in hits] == [line]
    finally:
        for cached in (boilerplate.load_patterns, boilerplate._plans, boilerplate._paragraph_matches):
            cached.cache_clear()


_WORDS = ["news", "Foto", "read", "more", "ab", "İstanbul", "ßig", "us", "x"]


def _piece(draw, depth: int) -> str:
    kind = draw(st.integers(0, 9 if depth < 3 else 3))
    if kind <= 2:
        return regex.escape(draw(st.sampled_from(_WORDS)))
    if kind == 3:
        return draw(st.sampled_from([r"\s+", r"\s*", r"\b", r"\w+", r"[:|-]", r"[ab]", r".", r"\d?", r"\p{L}+", "^", "$"]))
    inner = "".join(_piece(draw, depth + 1) for _ in range(draw(st.integers(1, 3))))
    if kind == 4:
        return f"(?:{inner})" + draw(st.sampled_from(["?", "*", "+", "{2}", "{0,2}", "{1,3}", "??", "*+"]))
    if kind == 5:
        return f"(?:{inner}|{_piece(draw, depth + 1)})"
    if kind == 6:
        return draw(st.sampled_from(["(?=", "(?!", "(?<!"])) + inner + ")"
    if kind == 7:
        return f"(?>{inner})"
    if kind == 8:
        return f"(?-i:{inner})"
    return f"(?P<g{depth}>{inner})"


@st.composite
def _patterns(draw) -> str:
    return "".join(_piece(draw, 0) for _ in range(draw(st.integers(1, 4))))


@given(_patterns(), st.lists(st.sampled_from([*_WORDS, " ", ":", "-", "1", "a", "B", "\n"]), max_size=14),
       st.sampled_from([str, str.upper, str.lower]))
def test_no_text_a_pattern_matches_is_filtered_out(pattern: str, parts: list[str], case) -> None:
    """Random expressions (literals, classes, repeats, branches, lookarounds, flags) and random texts built
    from the same words: wherever the expression matches, the prefilter lets it run."""
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except regex.error:
        return
    text = case("".join(parts))
    pf = Prefilter.build([pattern])
    if compiled.search(text):
        assert not pf.groups[0] or 0 in pf.found(text), (pattern, text, pf.groups)


def test_found_is_the_literal_scan_of_every_group() -> None:
    """``found`` looks every group up in one automaton pass; the answer is the plain reading of the groups:
    an expression is found when the folded text holds some literal of each of its groups."""
    patterns = [p.regex for ps in boilerplate.load_patterns().values() for p in ps] + [c.pattern for c in calques.calques()]
    pf = Prefilter.build(p.pattern for p in patterns)
    from qa.prefilter import fold

    for text in _texts():
        folded = fold(text)
        slow = {i for i, gs in enumerate(pf.groups) if all(any(s in folded for s in g) for g in gs)}
        assert pf.found(text) == slow, text
