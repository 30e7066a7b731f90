"""Repeated paragraphs: exact copies after normalisation, near copies, later copy reported with the first as related span."""

from __future__ import annotations

import qa


def dup(text: str) -> list[qa.Finding]:
    return qa.check(text, config=qa.Config(select=("QA3",))).findings


def test_standfirst_repeated_with_moved_period_is_an_exact_copy() -> None:
    a = 'Kim said the friendship "developed from century to century."'
    text = f"Headline\n{a}\nOther text here.\n{a[:-2]}\".\n"
    found = dup(text)
    assert [(f.rule, f.line) for f in found] == [("QA301", 4)]
    assert found[0].related[0]["line"] == 2
    assert found[0].severity is qa.Severity.MAJOR


def test_short_repeated_line_is_minor() -> None:
    found = dup("Headline\nIt is very bad.\nHe paused.\nIt is very bad.\n")
    assert [(f.rule, f.severity) for f in found] == [("QA301", qa.Severity.MINOR)]


def test_near_copy_is_reported_once_not_as_exact() -> None:
    p1 = "The government adopted the draft budget for next year at its session on Thursday in Belgrade."
    p2 = "The government adopted the draft budget for the next year at its session on Thursday in Belgrade."
    found = dup(f"Headline\n{p1}\nSomething else entirely, said the minister.\n{p2}\n")
    assert [(f.rule, f.line) for f in found] == [("QA302", 4)]


def test_distinct_paragraphs_are_clean() -> None:
    assert dup("Headline\nThe talks began on Monday in Brussels.\nThe talks ended on Friday without a deal.\n") == []


def test_one_near_copy_among_many_distinct_paragraphs() -> None:
    import random

    rng = random.Random(0)
    vocab = "government minister budget talks border election court police river city bank energy deal vote".split()
    paras = [" ".join(rng.choice(vocab) for _ in range(14)) + "." for _ in range(2000)]
    paras.append(paras[700].replace(".", " again."))
    found = dup("Headline\n" + "\n".join(paras))
    assert [(f.rule, f.related[0]["line"]) for f in found] == [("QA302", 702)]


def test_near_copy_goes_to_the_earlier_of_two_equally_close_paragraphs() -> None:
    # two earlier paragraphs share as many word trigrams with the last one and are as similar: the first wins
    base = "the council voted late on tuesday to adopt the budget after a long debate in the hall"
    a = base.replace("hall", "room")
    b = base.replace("hall", "moor")
    text = f"Headline\n{a}\nSomething else was said by somebody else entirely here today.\n{b}\n{base}\n"
    from qa.text import Text

    from qa.rules.duplicates import near_duplicate_paragraph

    hits = list(near_duplicate_paragraph(Text(text)))
    assert [h.message.split(" (")[0] for h in hits] == ["nearly repeats the paragraph on line 2",
                                                        "nearly repeats the paragraph on line 2"]
