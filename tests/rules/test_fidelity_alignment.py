"""QA805/QA806 report an omitted or added sentence only when the alignment is sure of it.

Splits and merges are normal translation; scraped lines and repeats in the
target must not push the correct paragraphs after them out of step; the
severity follows the evidence (issue 12, item 1).
"""

from __future__ import annotations

import qa


def findings(target: str, source: str, lang: str, rule: str) -> list[tuple[str, str]]:
    result = qa.check(target, source=source, source_lang=lang, config=qa.Config(select=(rule,)))
    assert not result.rule_errors, result.rule_errors
    return [(f.excerpt, f.severity.value) for f in result.findings if f.rule == rule]


ZH_SOURCE = "\n".join([
    "国务院总理李克强周一在北京会见了来访的德国总理，双方就经贸合作交换了意见。",
    "迪赛哈说，暹粒省与中国各省市的友好交往引人注目，迄今与中国28个省市缔结友城关系，大型文化演艺项目落地，在柬中友好合作中，暹粒人民成了直接受益者。",
    "会议还就持续抓好疫情防控工作进行了部署。",
])


def test_one_source_sentence_translated_as_four_is_no_addition() -> None:
    target = "\n".join([
        "Premier Li Keqiang met the visiting German chancellor in Beijing on Monday, and the two sides exchanged views on trade.",
        "Di Saiha said that the friendly exchanges between Siem Reap and Chinese provinces have been remarkable. "
        "So far, twinning relations have been concluded with 28 provinces and cities in China. "
        "Large cultural projects have landed. "
        "The people of Siem Reap have become direct beneficiaries of the friendly cooperation between Cambodia and China.",
        "The meeting also made arrangements for epidemic prevention and control.",
    ])
    assert findings(target, ZH_SOURCE, "zh", "QA806") == []


def test_two_source_sentences_merged_into_one_is_no_omission() -> None:
    source = "Ministar je podneo ostavku u ponedeljak posle tri godine. Opozicija je odmah tražila nove izbore.\nVlada će se sastati u petak."
    target = "The minister resigned on Monday after three years, and the opposition at once demanded new elections.\nThe government will meet on Friday."
    assert findings(target, source, "sr", "QA805") == []


SR_SOURCE = "\n".join([
    "Ministar finansija podneo je ostavku u ponedeljak posle tri godine na toj funkciji.",
    "On je rekao da odlazi zbog neslaganja sa premijerom oko budžeta za sledeću godinu.",
    "Opozicija je zatražila vanredne izbore i najavila proteste ispred skupštine za subotu.",
    "Vlada će se sastati u petak kako bi izabrala novog ministra finansija.",
])
SR_TARGET = [
    "The finance minister resigned on Monday after three years in the post.",
    "He said he was leaving over a disagreement with the prime minister about next year's budget.",
    "The opposition called for snap elections and announced protests outside parliament on Saturday.",
    "The government will meet on Friday to choose a new finance minister.",
]


def test_scraped_lines_and_a_repeat_do_not_shift_the_paragraphs_after_them() -> None:
    target = "\n".join([
        SR_TARGET[0],
        "Photo: Beta/Milos Miskov",
        "Share on Facebook Share on Twitter",
        SR_TARGET[1],
        SR_TARGET[1],  # the scraper repeated a paragraph
        SR_TARGET[2],
        SR_TARGET[3],
    ])
    assert findings(target, SR_SOURCE, "sr", "QA806") == []
    assert findings(target, SR_SOURCE, "sr", "QA805") == []


def test_a_long_invented_sentence_between_sure_neighbours_is_major() -> None:
    invented = "He also said that he would run for president next year at the head of a new party that he had founded with friends."
    target = "\n".join([SR_TARGET[0], SR_TARGET[1], invented, SR_TARGET[2], SR_TARGET[3]])
    assert findings(target, SR_SOURCE, "sr", "QA806") == [(invented, "major")]


def test_a_short_invented_sentence_is_minor() -> None:
    invented = "Nobody knows why he left the party in a hurry."
    target = "\n".join([SR_TARGET[0], SR_TARGET[1], invented, SR_TARGET[2], SR_TARGET[3]])
    assert findings(target, SR_SOURCE, "sr", "QA806") == [(invented, "minor")]


def test_an_omitted_paragraph_is_still_reported() -> None:
    target = "\n".join([SR_TARGET[0], SR_TARGET[1], SR_TARGET[3]])
    assert [sev for _, sev in findings(target, SR_SOURCE, "sr", "QA805")] == ["minor"]
