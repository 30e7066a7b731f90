"""Reference rules (QA9xx): drift by chrF, inserted words, dropped names, scrambled order."""

from __future__ import annotations

import pytest

import qa

REF = "The Chinese Consulate General in Houston was established in 1979 as the first Chinese consulate opened in the United States."


def found(target: str, rule: str, reference: str = REF, **kw: str) -> list[str]:
    result = qa.check(target, reference=reference, config=qa.Config(select=(rule,)), **kw)
    assert not result.rule_errors, result.rule_errors
    return [f.excerpt for f in result.findings if f.rule == rule]


@pytest.mark.parametrize(
    "target, n",
    [("The area is also home to a very wide range of animal and bird species.", 1),
     ("The Chinese Consulate General in Houston was established in 1979 and is the first Chinese consulate in the United States.", 0)],
)
def test_reference_drift(target: str, n: int) -> None:
    assert len(found(target, "QA901")) == n


def test_only_the_drifting_sentence_is_reported() -> None:
    ref = "The minister resigned on Monday.\nThe government will meet on Friday.\nThe opposition wants elections.\nThe president said nothing about it."
    tgt = "The minister resigned on Monday.\nThe government will meet on Friday.\nThe opposition wants elections.\nThe head of state stayed silent on this."
    result = qa.check(tgt, reference=ref, config=qa.Config(select=("QA901",)))
    assert [f.excerpt for f in result.findings] == ["The head of state stayed silent on this."]


def test_back_translation_drift_points_into_back_translation() -> None:
    result = qa.check("The minister resigned.", source="Ministar je podneo ostavku u ponedeljak.",
                      back_translation="Sutra počinje sezona kupanja na jezeru.", source_lang="sr",
                      config=qa.Config(select=("QA901",)))
    assert [f.side for f in result.findings] == ["back_translation"]


@pytest.mark.parametrize(
    "target, expected",
    [("The Chinese Consulate General in Houston was established in 1979 and is the first Chinese consulate in the southern United States.", ["southern"]),
     ("The Chinese Consulate General in Houston was established in 1979 and is the first Chinese consulate in the United States.", [])],
)
def test_reference_addition(target: str, expected: list[str]) -> None:
    assert found(target, "QA903") == expected


@pytest.mark.parametrize(
    "target, reference, word",
    [  # between two words that stand side by side in the reference
     ("She is in private custody pending trial.", "She is in custody pending trial.", "private"),
     # in an unaligned gap next to an aligned stretch, though its neighbour "has" is not in the reference
     ("The minister has happily resigned on Monday.", "The minister resigned on Monday.", "happily")],
)
def test_reference_addition_span(target: str, reference: str, word: str) -> None:
    result = qa.check(target, reference=reference, config=qa.Config(select=("QA903",)))
    assert [(f.start, f.end) for f in result.findings] == [(target.index(word), target.index(word) + len(word))]
    assert word in result.findings[0].message


@pytest.mark.parametrize(
    "target, reference",
    [("The minister quit on Monday.", "The minister resigned on Monday."),  # a substitution
     ("Earlier, the agency reported that a plane had been hijacked.", "Earlier the agency reported a plane to be hijacked."),  # function words
     ("The well-known scientist said so on Monday.", "The popular scientist said so on Monday."),  # one word for one
     ("It is the first Chinese consulate in the Southern United States.", "It was the first Chinese consulate opened in the United States."),  # a name
     ("The talks will resume in 2021 and six ministers will attend.", "The talks will resume in 2020 and the ministers will attend."),  # numbers
     (REF, REF)],  # the reference itself
)
def test_reference_addition_not_flagged(target: str, reference: str) -> None:
    assert found(target, "QA903", reference) == []


@pytest.mark.parametrize(
    "target, reference, n",
    [("The redistributes the House's seats every 10 years.", "Seats in the U.S. House are reallocated every 10 years.", 1),
     ("The US redistributes the House's seats every 10 years.", "Seats in the U.S. House are reallocated every 10 years.", 0),
     ("At 15:50 on July 24, the police received a report.", "At 15:50 on July 24, Arun Banner Police received a call.", 1)],
)
def test_reference_name_missing(target: str, reference: str, n: int) -> None:
    assert len(found(target, "QA904", reference)) == n


@pytest.mark.parametrize(
    "target, n",
    [("First consulate States Consulate the Chinese the in 1979 in in Chinese General Houston was the and United is established.", 1),
     ("The Chinese Consulate General in Houston was established in 1979 and is the first Chinese consulate in the United States.", 0)],
)
def test_scrambled_word_order(target: str, n: int) -> None:
    assert len(found(target, "QA905")) == n


def _sev(target: str, rule: str, reference: str, source: str, lang: str) -> list[tuple[str, str]]:
    result = qa.check(target, reference=reference, source=source, source_lang=lang, config=qa.Config(select=(rule,)))
    assert not result.rule_errors, result.rule_errors
    return [(f.excerpt, f.severity.value) for f in result.findings if f.rule == rule]


def test_addition_source_arbitrates() -> None:
    ref = "The minister resigned on Monday after the vote."
    # the Polish source has no counterpart of "happily": minor; a cognate the source has is no addition
    assert _sev("The minister happily resigned on Monday after the vote.", "QA903", ref,
                "Minister zrezygnował w poniedziałek po głosowaniu.", "pl") == [("happily", "minor")]
    assert _sev("The minister resigned on Monday after the parliamentary vote.", "QA903", ref,
                "Minister zrezygnował w poniedziałek po parlamentarnym głosowaniu.", "pl") == []


def test_name_missing_source_arbitrates() -> None:
    ref = "Merkel met the ministers in Berlin on Monday."
    tgt = "She met the ministers in Berlin on Monday."
    assert _sev(tgt, "QA904", ref, "Merkelová se v pondělí v Berlíně setkala s ministry.", "cs")[0][1] == "minor"
    assert _sev(tgt, "QA904", ref, "Kanclerka se v pondělí v Berlíně setkala s ministry.", "cs")[0][1] == "info"
    # a Chinese source shows no letters: an acronym spelled out stays info
    assert _sev("The United States held the meeting.", "QA904", "The US held the meeting.", "美国举行了会议。", "zh")[0][1] == "info"


def test_drift_major_needs_a_long_sentence() -> None:
    sev = [f.severity.value for f in qa.check("UN News Photo/Zhang Li", reference="The United Nations news pictures by the agency",
                                              config=qa.Config(select=("QA901",))).findings]
    assert "major" not in sev
