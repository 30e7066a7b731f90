"""QA701 literal-idiom: the rule on a document, with and without the source."""

from __future__ import annotations

import qa


def test_rule_with_source_quotes_the_aligned_source_idiom() -> None:

    target = "Talks ended.\nThe two leaders talked in four eyes for an hour."
    source = "Razgovori su završeni.\nDvojica lidera razgovarala su u četiri oka sat vremena."
    result = qa.check(target, source=source, source_lang="sr", config=qa.Config(select=("QA701",)))
    [finding] = result.findings
    assert finding.excerpt == "in four eyes" and finding.severity is qa.Severity.MAJOR
    assert finding.related[0]["side"] == "source" and finding.related[0]["excerpt"] == "u četiri oka"
    assert "'u četiri oka'" in finding.message and finding.suggestion
