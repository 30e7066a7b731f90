"""Meaning rules: negation polarity against the reference, and in a back-translation against the source (QA906)."""

from __future__ import annotations

import pytest

import qa
from qa.languages import profile
from qa.rules.meaning import negation


def found(target: str, **kw: str) -> list[qa.Finding]:
    result = qa.check(target, config=qa.Config(select=("QA906",)), **kw)
    assert not result.rule_errors, result.rule_errors
    return [f for f in result.findings if f.rule == "QA906"]


@pytest.mark.parametrize(
    "target, reference, n",
    [
        ("The minister did not resign on Monday.", "The minister resigned on Monday.", 1),
        ("The minister resigned on Monday.", "The minister didn't resign on Monday.", 1),
        ("The plan works without money.", "The plan works with money.", 1),
        ("The minister did not resign on Monday.", "The minister didn't resign on Monday.", 0),
        ("Not only the minister resigned.", "The minister resigned, and others too.", 0),
        ("Nobody came.", "No one came.", 0),
    ],
)
def test_negation_against_reference(target: str, reference: str, n: int) -> None:
    assert len(found(target, reference=reference)) == n


def test_an_added_negation_points_at_the_cue() -> None:
    (f,) = found("Prices will never fall this year.", reference="Prices will fall this year.")
    assert f.excerpt == "never"


def test_only_the_flipped_sentence_is_reported() -> None:
    ref = "The minister resigned on Monday. The government will meet on Friday."
    tgt = "The minister resigned on Monday. The government will not meet on Friday."
    assert [f.excerpt for f in found(tgt, reference=ref)] == ["not"]


def test_back_translation_against_the_source() -> None:
    fs = found("The minister resigned.", source="Ministar je podneo ostavku.",
               back_translation="Ministar nije podneo ostavku.", source_lang="sr")
    assert [(f.side, f.excerpt) for f in fs] == [("back_translation", "nije")]
    assert not found("The minister resigned.", source="Ministar je podneo ostavku.",
                     back_translation="Ministar je dao ostavku.", source_lang="sr")


def test_cyrillic_back_translation_is_transliterated() -> None:
    fs = found("The minister resigned.", source="Министар је поднео оставку.",
               back_translation="Министар није поднео оставку.", source_lang="sr")
    assert [f.side for f in fs] == ["back_translation"]


def test_cue_lists_are_data() -> None:
    en = negation(profile("en"))
    assert en is not None and "never" in en.words
    assert negation(profile("sr")) is not None
    assert [(s, e) for s, e in en.cues("They don't know, not only here.")] == [(5, 10)]


def test_the_source_arbitrates() -> None:
    # an added negation where the Chinese source has none: minor; where it has one: the reference paraphrased
    (f,) = found("The minister did not resign on Monday.", reference="The minister resigned on Monday.",
                 source="部长周一辞职了。", source_lang="zh")
    assert f.severity is qa.Severity.MINOR
    (f,) = found("The minister did not resign on Monday.", reference="The minister stayed on Monday.",
                 source="部长周一没有辞职。", source_lang="zh")
    assert f.severity is qa.Severity.INFO


def test_chinese_cues_skip_words_that_do_not_negate() -> None:
    zh = negation(profile("zh"))
    assert zh is not None
    assert len(zh.cues("他不断努力，非常成功。")) == 0
    assert len(zh.cues("他没有去，也不想去。")) == 2


@pytest.mark.parametrize(
    "target, reference",
    [("He said the dismissal was unrelated to her conduct.", "He said the dismissal was not related to her conduct."),
     ("It was inappropriate for him to consider reinstating her.", "He did not consider reinstating her appropriate."),
     ("He said the dismissal was not related to her conduct.", "He said the dismissal was unrelated to her conduct.")],
)
def test_a_negative_prefix_carries_the_negation(target: str, reference: str) -> None:
    (f,) = found(target, reference=reference)
    assert f.severity is qa.Severity.INFO and "prefix" in f.message


def test_a_prefix_on_an_unrelated_word_does_not_excuse_a_flip() -> None:
    (f,) = found("The information was not correct.", reference="The information was correct.")
    assert f.severity is qa.Severity.MINOR
    assert negation(profile("en")).carried("The information was correct.", "The formation was not correct.") is None


def test_an_implicit_negative_may_carry_the_negation() -> None:
    (f,) = found("The minister failed to resign on Monday.", reference="The minister did not resign on Monday.")
    assert f.severity is qa.Severity.INFO and "'failed'" in f.message
    (f,) = found("The minister agreed to resign on Monday.", reference="The minister did not resign on Monday.")
    assert f.severity is qa.Severity.MINOR
