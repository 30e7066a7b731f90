"""Fluency rules: repeats (names and numbers too) and casing, on single sentences."""

from __future__ import annotations

import pytest

import qa


def found(target: str, rule: str) -> list[str]:
    result = qa.check(target, config=qa.Config(select=(rule,)))
    return [f.excerpt for f in result.findings if f.rule == rule]


@pytest.mark.parametrize(
    "target, expected",
    [
        ("It is the first consulate in the United States States.", ["States States"]),
        ("He passed the checkpoint on July 13 13.", ["13 13"]),
        ("He visited Shaoshan Shaoshan Shaoshan Shaoshan.", ["Shaoshan Shaoshan Shaoshan Shaoshan"]),
        ("He had had enough; bye bye.", []),
        ("The score was 1,000 000 people.", []),
    ],
)
def test_repeated_word(target: str, expected: list[str]) -> None:
    assert found(target, "QA501") == expected


def test_four_repeats_are_major() -> None:
    result = qa.check("the urine of pets pets pets pets.", config=qa.Config(select=("QA501",)))
    assert result.findings[0].severity is qa.Severity.MAJOR


@pytest.mark.parametrize(
    "target, rule, n",
    [
        ("the chinese consulate general in houston was established in 1979.", "QA503", 1),
        ("the Chinese Consulate General in Houston was established in 1979.", "QA502", 1),
        ("The Chinese Consulate General in Houston was established in 1979.", "QA502", 0),
        ("iPhone sales rose in 1979.", "QA502", 0),
    ],
)
def test_casing(target: str, rule: str, n: int) -> None:
    assert len(found(target, rule)) == n


@pytest.mark.parametrize(
    "target",
    [
        "pope pius Ⅻ met the bishops of the region in rome on sunday.",  # a capital Roman numeral is not a capital letter
        "the minister ǅemal bijedić said that the talks would go on next week.",  # nor is a title-case digraph
    ],
)
def test_all_lowercase_sentence_with_capital_non_letters(target: str) -> None:
    assert found(target, "QA503") == [target]
