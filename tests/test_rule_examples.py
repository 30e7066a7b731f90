"""Every rule's documented Bad examples draw a finding from that rule and its Good examples do not (pylint's habit)."""

from __future__ import annotations

import pytest

import qa
from qa.registry import Example, Rule
from qa.rules import all_rules

RULES = all_rules()


def _cases(kind: str) -> list:
    cases = []
    for r in RULES:
        for i, ex in enumerate(getattr(r.doc, kind)):
            cases.append(pytest.param(r, ex, id=f"{r.code}-{kind}{i}"))
    return cases


def _run(r: Rule, ex: Example) -> list[qa.Finding]:
    config = qa.Config(select=(r.code,))
    result = qa.check(
        ex.target,
        source=ex.source,
        reference=ex.reference,
        back_translation=ex.back_translation,
        source_lang=ex.source_lang or "sr",
        config=config,
    )
    assert not result.rule_errors, result.rule_errors
    return [f for f in result.findings if f.rule == r.code]


@pytest.mark.parametrize("rule, example", _cases("bad"))
def test_bad_example_is_flagged(rule: Rule, example: Example) -> None:
    assert _run(rule, example), f"{rule.code} missed its documented bad example {example.target!r}"


@pytest.mark.parametrize("rule, example", _cases("good"))
def test_good_example_is_clean(rule: Rule, example: Example) -> None:
    found = _run(rule, example)
    assert not found, f"{rule.code} flagged its documented good example: {[f.excerpt for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule: Rule) -> None:
    doc = rule.doc
    assert doc.title and doc.why and doc.limits, f"{rule.code} lacks a title, Why or Known limits"
    assert doc.bad and doc.good, f"{rule.code} needs at least one Bad and one Good example"
