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
    # an acronym spelled out names the same entity (the names table knows both): nothing is missing
    assert _sev("The United States held the meeting.", "QA904", "The US held the meeting.", "美国举行了会议。", "zh") == []


def test_drift_major_needs_a_long_sentence() -> None:
    sev = [f.severity.value for f in qa.check("UN News Photo/Zhang Li", reference="The United Nations news pictures by the agency",
                                              config=qa.Config(select=("QA901",))).findings]
    assert "major" not in sev


def test_addition_a_form_of_a_reference_word_is_no_addition() -> None:
    # "dietary" beside "diets", "newspaper" beside "News": the reference has the word in another form
    zh = "作者们写道，尽管有可观的改善，但显著的饮食挑战仍旧存在。"
    assert _sev("Despite considerable improvements, significant dietary challenges remain, the authors wrote.", "QA903",
                "The authors wrote: despite the considerable improvements, significant challenges remain in our diets.", zh, "zh") == []
    assert _sev("According to the British newspaper Metro, the palace announced it.", "QA903",
                "According to the British News, the palace announced it.", "据英国《地铁报》消息，白金汉宫宣布。", "zh") == []


def test_addition_with_a_comparable_source_reads_a_longer_gap() -> None:
    # the gap "in the opposite direction of" for "towards" adds a content word that neither the reference nor the source has
    tgt = "A witness heard noises on Talstrasse at around 3:40 a.m. and ran in the opposite direction of the snack bar."
    ref = "A witness heard noises in the Talstraße around 3:40 a.m. and ran towards the snack stand."
    src = "Ein Zeuge hörte gegen 3.40 Uhr Geräusche in der Talstraße und lief in Richtung des Imbisses."
    assert _sev(tgt, "QA903", ref, src, "de") == [("direction", "minor")]
    # without a source the same gap is too long to read as an insertion
    assert found(tgt, "QA903", ref) == []


def test_addition_flanked_by_two_words_each_side_is_minor_at_lower_cover() -> None:
    # a Chinese source cannot show counterparts: a word whose two neighbours on each side read as in the
    # reference is minor though the sentence paraphrases the rest; one flanked by single words stays info
    zh = "它们成功的秘诀在于生态位概念，即每只猫都负责一项特殊工作。"
    ref = "The secret to their success is the concept of the niche, a special job each cat holds."
    assert _sev("The secret to their breeding success is the niche concept, where each cat has a unique job.", "QA903", ref, zh, "zh") == [
        ("breeding", "minor")]
    # "of their" where the reference says "to their": flanked by single words only, at the same cover
    assert _sev("The secret of their breeding success is the niche concept, where each cat has a unique job.", "QA903", ref, zh, "zh") == [
        ("breeding", "info")]


def test_name_missing_a_title_word_rendered_otherwise_is_info() -> None:
    zh = "这也是丛培武首次公开亮相。"
    ref = "This is the first time that Cong Peiwu, Ambassador of Chinese Embassy in Canada, made his debut in public."
    sev = _sev("This is the first time that Cong Peiwu, the Chinese ambassador to Canada, appeared in public.", "QA904", ref, zh, "zh")
    assert sev and {s for _, s in sev} == {"info"}
    # a name that is not a common word is still minor when the sentence names fewer things
    assert _sev("This is the first time that the Chinese ambassador to Canada appeared in public.", "QA904", ref, zh, "zh")[0][1] == "minor"


def test_name_missing_hyphenated_parts_and_other_forms() -> None:
    assert _sev("China-Canada relations are in serious difficulty.", "QA904", "The Sino-Canada relationship is on the rocks.",
                "中加关系遇到严重困难。", "zh") == []
    assert [s for _, s in _sev("When the Nazis came to power, Harmann stopped composing.", "QA904",
                               "After the Nazis came to power, Hartmann stopped composing.",
                               "纳粹上台后，Hartmann停止了作曲。", "zh")] == ["info"]


def test_drift_floor_follows_sentence_length() -> None:
    from qa.rules.reference import doubtful
    assert doubtful(5) < doubtful(15) < doubtful(30) < doubtful(60)


def test_relative_drift_alone_is_info() -> None:
    ref = ("The minister resigned on Monday after the vote in parliament.\nThe government will meet on Friday to choose a successor.\n"
           "The opposition wants early elections this autumn.\nChina safeguards world peace with actual deeds.")
    tgt = ("The minister resigned on Monday after the vote in parliament.\nThe government will meet on Friday to choose a successor.\n"
           "The opposition wants early elections this autumn.\nChina takes practical action to maintain world peace.")
    result = qa.check(tgt, reference=ref, config=qa.Config(select=("QA901",)))
    assert [(f.excerpt, f.severity.value) for f in result.findings] == [("China takes practical action to maintain world peace.", "info")]


def test_addition_names_with_a_comparable_source() -> None:
    ref = "A video of two cats helping a dog across a road has become popular on the internet."
    src = "Видео, на котором две кошки помогают собаке перейти дорогу, стало популярным в интернете."
    # a capitalised word that neither the reference nor the (transliterated) source has is added
    assert _sev("A video of two Siamese cats helping a dog across a road has become popular on the internet.", "QA903",
                ref, src, "ru") == [("Siamese", "minor")]
    # another spelling of a reference name, and an acronym, are renderings
    assert _sev("General Secretary Mikhail Korb spoke about this.", "QA903", "General Secretary Mihhail Korb spoke about this.",
                "Генеральный секретарь Михаил Корб рассказал об этом.", "ru") == []
    assert _sev("The mosque is the largest in West Africa, said the TV channel.", "QA903",
                "The mosque is the largest in West Africa, said the channel.", "Meczet jest największy w Afryce Zachodniej.", "pl") == []


def test_name_missing_the_names_table_reads_a_chinese_source() -> None:
    ref = "The minister met the ambassador of Canada in Beijing on Monday."
    tgt = "The minister met the ambassador in Beijing on Monday."
    # the source names Canada (加拿大): the name is missing; a source without it: the reference explicitated it
    assert _sev(tgt, "QA904", ref, "部长周一在北京会见了加拿大大使。", "zh") == [(tgt, "minor")]
    assert _sev(tgt, "QA904", ref, "部长周一在北京会见了大使。", "zh") == [(tgt, "info")]
