"""Source-language words, scripts and sentences left in English are found; names and English homographs are not."""

from __future__ import annotations

import pytest

import qa


def findings(text: str, select: str = "QA1", source_lang: str | None = "sr") -> list[qa.Finding]:
    result = qa.check(text, source_lang=source_lang, config=qa.Config(select=(select,)))
    assert not result.rule_errors
    return result.findings


@pytest.mark.parametrize(
    "text, word",
    [
        ("Follow us on Facebook, Twitter i Viber.", "i"),
        ("The ministers met u Brussels on Monday.", "u"),
        ("The agreement was signed za the second time.", "za"),
        ("He spoke with reporters ili with his lawyers.", "ili"),
        ("The fund je ready to invest in Serbia.", "je"),
        ("Exports to Germany, Italy ili Austria rose.", "ili"),
        ("The delegation arrived iz Belgrade late.", "iz"),
    ],
)
def test_function_word_in_english_is_flagged(text: str, word: str) -> None:
    found = findings(text, "QA101")
    assert [f.excerpt for f in found] == [word]
    assert found[0].category == "accuracy/untranslated"
    assert found[0].severity is qa.Severity.MAJOR


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un met Vladimir Putin in Pyongyang; KCNA reported talks on Luhansk and Donetsk.",
        "Leonardo da Vinci and Lula da Silva were mentioned, i.e. the rule applies per se.",
        "The driver made a U-turn near the N/A sign and listed item (i) first.",
        "Ali Khamenei and Sam Na spoke; the TV host Se Ri smiled.",
        "He was sad to see the bio of the pre-war leader.",
        "Write to desk@na.example.com or see www.za.org/i/u for details.",
        "The band's album \"Sve je u redu\" topped the charts.",
    ],
)
def test_names_abbreviations_and_homographs_are_not_flagged(text: str) -> None:
    assert findings(text, "QA101") == []


def test_source_word_unknown_in_english_is_flagged() -> None:
    found = findings("The opština approved the new budget after the sednica ended.", "QA102")
    assert [f.excerpt for f in found] == ["opština", "sednica"]


def test_adjacent_source_words_form_one_finding() -> None:
    found = findings("He said the vlada je usvojila the law.", "QA10")
    assert ("vlada" in {f.excerpt for f in found}) or any("vlada" in f.excerpt for f in found)
    assert len([f for f in found if f.rule == "QA102"]) <= 1


def test_capitalised_words_are_names_not_untranslated() -> None:
    assert findings("Vučić met Plenković in Zagreb and Dodik in Banja Luka.", "QA102") == []


@pytest.mark.parametrize(
    "text, excerpt, suggestion",
    [
        ("Talks with Путин ended on Friday.", "Путин", "Putin"),
        ("President Александар Вучић said so.", "Александар Вучић", "Aleksandar Vučić"),
        ("The 拘留 of the suspect was extended.", "拘留", None),
        ("The word नमस्ते appeared on the sign.", "नमस्ते", None),
    ],
)
def test_foreign_script_run_with_transliteration(text: str, excerpt: str, suggestion: str | None) -> None:
    found = findings(text, "QA103")
    assert [f.excerpt for f in found] == [excerpt]
    assert found[0].suggestion == suggestion


def test_single_greek_letter_is_allowed() -> None:
    assert findings("The β decay and the α-particle were measured.", "QA103") == []


def test_untranslated_sentence_is_one_finding_not_one_per_word() -> None:
    text = (
        "Moscow promises to develop relations\n"
        "Russia has promised closer ties with North Korea, the Kremlin said.\n"
        "Rusija je obećala da će razvijati sveobuhvatne i konstruktivne odnose sa Severnom Korejom.\n"
    )
    found = findings(text, "QA1")
    assert [f.rule for f in found] == ["QA104"]
    assert found[0].line == 3


def test_whole_target_untranslated_is_critical_and_silences_word_rules() -> None:
    text = "Rusija je obećala da će razvijati sveobuhvatne i konstruktivne bilateralne odnose sa Severnom Korejom, rekao je Putin."
    result = qa.check(text, source_lang="sr")
    assert [f.rule for f in result.findings] == ["QA002"]
    assert result.findings[0].severity is qa.Severity.CRITICAL
    assert not result.passed


def test_empty_target_is_one_critical_finding() -> None:
    result = qa.check("  \n\n", source_lang="sr")
    assert [(f.rule, f.severity) for f in result.findings] == [("QA001", qa.Severity.CRITICAL)]


def test_allowlisted_words_are_not_reported() -> None:
    config = qa.Config(select=("QA101", "QA102"), allow_words=frozenset({"opština", "i"}))
    result = qa.check("The opština voted: Twitter i Viber.", source_lang="sr", config=config)
    assert result.findings == []


def test_a_function_word_inside_a_foreign_script_run_is_one_finding() -> None:
    """The Cyrillic run is the defect (QA103); its "и" is not reported again (QA101)."""
    rules = [f.rule for f in findings("Прес конференција и the mayor spoke.", source_lang="mk")]
    assert rules == ["QA103"]
