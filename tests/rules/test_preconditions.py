"""Preconditions: an empty or wholly untranslated target is one critical finding that silences the rest."""

from __future__ import annotations

import qa


def test_empty_target_is_critical() -> None:
    [f] = qa.check("  \n\n", source_lang="sr").findings
    assert (f.rule, f.severity.value) == ("QA001", "critical")


def test_a_serbian_text_in_place_of_english_is_one_finding() -> None:
    text = "Rusija je obećala da će razvijati sveobuhvatne i konstruktivne bilateralne odnose sa Severnom Korejom."
    rules = [f.rule for f in qa.check(text, source_lang="sr").findings]
    assert rules[0] == "QA002" and not any(r.startswith(("QA1", "QA5", "QA7")) for r in rules)


def test_a_target_identical_to_its_source_is_untranslated() -> None:
    text = "Vlada je usvojila budžet."
    assert "QA002" in {f.rule for f in qa.check(text, source=text, source_lang="sr").findings}


def test_english_passes_the_preconditions() -> None:
    text = "Russia has promised to develop comprehensive and constructive relations with North Korea."
    assert not {f.rule for f in qa.check(text, source_lang="sr").findings} & {"QA001", "QA002"}
