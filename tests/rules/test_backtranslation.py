"""QA908 and QA909: numbers and names of a back-translation against its source, in the same language."""

from __future__ import annotations

import qa


def _findings(source: str, back: str, code: str) -> list[qa.Finding]:
    result = qa.check("The translation.", source=source, back_translation=back, source_lang="sr", config=qa.Config(select=(code,)))
    assert not result.rule_errors, result.rule_errors
    return [f for f in result.findings if f.rule == code]


def test_changed_number_before_the_same_word_is_major_and_points_into_the_back_translation() -> None:
    back = "Pregovori su trajali pet dana. Svi su otišli kući."
    found = _findings("Pregovori su trajali tri dana. Svi su otišli kući.", back, "QA908")
    assert [f.severity for f in found] == [qa.Severity.MAJOR]
    f = found[0]
    assert f.side == "back_translation" and back[f.start:f.end] == "pet"
    assert f.related and f.related[0]["side"] == "source" and f.related[0]["excerpt"] == "tri"


def test_locale_formats_and_number_words_of_the_language_match() -> None:
    assert not _findings("Fond je isplatio 1.000,5 dinara za dva dana.", "Fond je platio 1.000,5 dinara za 2 dana.", "QA908")


def test_cyrillic_back_translation_matches_latin_source() -> None:
    assert not _findings("Fond je isplatio 1.000,5 dinara u Beogradu.", "Фонд је исплатио 1.000,5 динара у Београду.", "QA908")
    assert not _findings("Fond je isplatio 1.000,5 dinara u Beogradu.", "Фонд је исплатио 1.000,5 динара у Београду.", "QA909")


def test_number_said_elsewhere_is_only_info() -> None:
    source = "Pregovori su trajali tri dana. Potpisali su 2022. godine."
    back = "Pregovori su trajali tri dana i 2022. godine. Potpisali su ga."
    found = _findings(source, back, "QA908")
    assert found and all(f.severity == qa.Severity.INFO for f in found)


def test_unit_conversion_is_not_a_changed_number() -> None:
    found = _findings("Kiša je pala na 10 centimetara.", "Kiša je pala na 4 inča.", "QA908")
    assert all(f.severity == qa.Severity.INFO for f in found)


def test_lost_number_without_counterpart_is_minor() -> None:
    found = _findings("Fond je isplatio 1.000 dinara 2022. godine.", "Fond je isplatio 1.000 dinara.", "QA908")
    assert [f.severity for f in found] == [qa.Severity.MINOR]


def test_inflected_and_transcribed_names_match() -> None:
    assert not _findings("Predsjednik Aleksandar Vučić sastao se s Donaldom Trumpom u Beogradu.",
                         "Predsednik Vučić se sastao sa Tramp u Beograd.", "QA909")
    assert not _findings("Ministri su bili u Njemačkoj.", "Ministri su bili u Nemačkoj.", "QA909")


def test_swapped_name_from_the_document_is_minor() -> None:
    source = "Sastanak je održan u Beogradu. Ministar je doputovao iz Zagreba."
    back = "Sastanak je održan u Zagrebu. Ministar je doputovao iz Zagreba."
    found = _findings(source, back, "QA909")
    assert [f.severity for f in found] == [qa.Severity.MINOR]
    assert back[found[0].start:found[0].end] == "Zagrebu"


def test_dropped_name_is_info() -> None:
    found = _findings("Ministar se sastao s gradonačelnikom Milošem Vučevićem.", "Ministar se sastao s gradonačelnikom.", "QA909")
    assert [f.severity for f in found] == [qa.Severity.INFO]


def test_sentence_initial_common_word_is_no_name() -> None:
    assert not _findings("Rečeno je da su došli.", "Kazano je da su došli.", "QA909")


def test_rules_need_both_sides() -> None:
    result = qa.check("Five days.", source="Pet dana.", source_lang="sr", config=qa.Config(select=("QA908", "QA909")))
    assert not result.findings
