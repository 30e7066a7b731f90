"""Antonym swaps against the reference (QA907), the antonym table it reads, and the script that builds it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import qa
from qa.languages import profile
from qa.rules import antonyms as antonyms_module
from qa.rules.antonyms import antonyms

ROOT = Path(__file__).resolve().parents[2]


def found(target: str, min_severity: str = "info", **kw: str) -> list[qa.Finding]:
    result = qa.check(target, config=qa.Config(select=("QA907",)), **kw)
    assert not result.rule_errors, result.rule_errors
    return [f for f in result.findings if f.rule == "QA907" and f.severity.rank >= qa.Severity(min_severity).rank]


@pytest.mark.parametrize(
    "target, reference, excerpt",
    [
        ("The light rain caused rivers to swell.", "Heavy rain caused rivers to swell.", "light"),
        ("Prices were lower than last year.", "Prices were higher than last year.", "lower"),  # compared forms
        ("The museum closed in 1979.", "The museum opened in 1979.", "closed"),
        ("The children were waiting outside.", "The parents were waiting outside.", "children"),  # irregular plural
        ("She started working in the hospital in 1959.", "She stopped working in the hospital in 1959.", "started"),
        ("Many companies left the market.", "Few companies left the market.", "Many"),
    ],
)
def test_a_swapped_opposite_is_minor(target: str, reference: str, excerpt: str) -> None:
    (f,) = found(target, reference=reference)
    assert (f.excerpt, f.severity) == (excerpt, qa.Severity.MINOR)
    assert f.related and f.related[0]["side"] == "reference"


@pytest.mark.parametrize(
    "target, reference",
    [
        ("Heavy rain caused rivers to swell.", "Heavy rain caused rivers to swell."),
        ("The talks failed on Monday.", "The talks did not succeed on Monday."),  # the negation cancels the opposite
        ("He lives in New York.", "He lives in Old York."),  # a name's words are not swapped words
        ("The door was open, then closed.", "The door was closed, then open."),  # both words on both sides
        ("The news was good.", "The old report was good."),  # "news" is not a plural of the adjective "new"
        ("The shaft is all in granite.", "There is no way to stop the water in the granite."),  # "no" is QA906's
    ],
)
def test_no_swap(target: str, reference: str) -> None:
    assert not found(target, reference=reference)


def test_an_opposite_elsewhere_in_the_sentence_is_only_info() -> None:
    (f,) = found("He left the city and now lives in New York.",
                 reference="He moved from the city to New York, where he fights for human rights.")
    assert (f.excerpt, f.severity) == ("left", qa.Severity.INFO)
    assert not found("He left the city and now lives in New York.", "minor",
                     reference="He moved from the city to New York, where he fights for human rights.")


def test_each_surplus_word_makes_one_swap() -> None:
    fs = found("China will only close wider and will not be closed.",
               reference="China will not close its door and will only open it wider.", min_severity="minor")
    assert len(fs) == 1


def test_only_the_swapped_sentence_is_reported() -> None:
    ref = "The minister resigned on Monday. Heavy rain fell in the north on Friday."
    tgt = "The minister resigned on Monday. Light rain fell in the north on Friday."
    assert [f.excerpt for f in found(tgt, reference=ref)] == ["Light"]


def test_no_reference_no_finding() -> None:
    assert not found("Light rain fell.", source="Pala je jaka kiša.", source_lang="sr")


def test_back_translation_against_a_source_with_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """No source language ships a table yet; with one, the back-translation is compared with the source."""
    english = antonyms(profile("en"))
    real = antonyms_module.antonyms
    monkeypatch.setattr(antonyms_module, "antonyms", lambda lang: english if lang.code == "sh" else real(lang))
    fs = found("Heavy rain fell.", source="Heavy rain fell in the north.",
               back_translation="Light rain fell in the north.", source_lang="sr")
    assert [(f.side, f.excerpt) for f in fs] == [("back_translation", "Light")]
    assert found("Heavy rain fell.", source="Heavy rain fell in the north.", source_lang="sr",
                 back_translation="Heavy rain fell in the north.") == []


def test_table_is_data_with_inflections() -> None:
    table = antonyms(profile("en"))
    assert table is not None
    assert "light" in table.opposites["heavy"] and "heavy" in table.opposites["light"]
    assert table.lemmas("heavier") == {"heavy"}
    assert table.lemmas("worse") >= {"bad"}
    assert "leave" in table.lemmas("left") and "left" in table.lemmas("left")
    assert "new" not in table.lemmas("news")  # an adjective takes no plural -s
    assert antonyms(profile("sr")) is None


def test_table_names_its_provenance_and_licence() -> None:
    head = (ROOT / "qa" / "data" / "languages" / "en" / "antonyms.tsv").read_text(encoding="utf-8")[:3000]
    assert "WordNet 3.0" in head and "Princeton University" in head and "build_antonyms.py" in head


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_antonyms", ROOT / "scripts" / "build_antonyms.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_build_script_reads_wordnet_pointers(tmp_path: Path) -> None:
    # WordNet's data format: {heavy} ! {light, low}; {weighty} is a satellite similar to {heavy}
    (tmp_path / "data.adj").write_text(
        "  1 header line\n"
        "00000100 00 a 01 heavy 0 002 ! 00000200 a 0101 & 00000300 a 0000 | of great weight\n"
        "00000200 00 a 02 light 0 low(p) 0 001 ! 00000100 a 0101 | of little weight\n"
        "00000300 00 s 01 weighty 0 001 & 00000100 a 0000 | heavy\n", encoding="latin-1")
    (tmp_path / "index.adj").write_text(
        "  1 header line\n"
        "heavy a 1 1 ! 1 0 00000100\n"
        "light a 1 1 ! 1 0 00000200\n"
        "low a 2 0 2 0 00000900 00000200\n"
        "weighty a 1 1 & 1 0 00000300\n", encoding="latin-1")
    (tmp_path / "adj.exc").write_text("heavier heavy\nlighter light\n", encoding="latin-1")
    for name in ("noun", "verb", "adv"):
        for f in (f"data.{name}", f"index.{name}", f"{name}.exc"):
            (tmp_path / f).write_text("", encoding="latin-1")
    build = _build_script().build
    # direct antonyms only
    assert build(tmp_path, 0) == [("heavy", "a", "light", "heavier"), ("light", "a", "heavy", "lighter")]
    # one sense: the satellite "weighty" joins against "light"; "low" does not, its second sense is this one
    assert build(tmp_path, 1) == [("heavy", "a", "light", "heavier"), ("light", "a", "heavy|weighty", "lighter"),
                                  ("weighty", "a", "light", "")]
    rows = build(tmp_path, 2)
    assert ("low", "a", "heavy|weighty", "") in rows
    # a closed-class word takes only its direct antonyms
    assert all(row[0] != "low" for row in build(tmp_path, 2, frozenset({"low"})))
