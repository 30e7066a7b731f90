"""The engine: selection, preconditions, severity overrides, a broken rule isolated, scoring and verdict."""

from __future__ import annotations

from typing import Iterator

import pytest

import qa
from qa.engine import Engine
from qa.model import Document, Hit, Severity
from qa.registry import Rule, select_rules
from qa.rules import all_rules
from qa.scoring import Policy
from qa.text import Text

SEED_LIKE = "Ties grow\nFollow us on Facebook,Twitter i Viber.\nThe talks went well, the minister said.\n"


def test_select_and_ignore_by_code_prefix_and_name() -> None:
    rules = all_rules()
    chosen = select_rules(rules, ["QA1", "duplicate-paragraph"], ["QA104"])
    codes = {r.code for r in chosen}
    assert "QA101" in codes and "QA301" in codes
    assert "QA104" not in codes and "QA201" not in codes


def test_unknown_selector_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="no rule matches 'QA999'"):
        select_rules(all_rules(), ["QA999"])


def test_severity_override_by_code() -> None:
    config = qa.Config(select=("QA101",), severity={"QA101": qa.Severity.MINOR})
    result = qa.check(SEED_LIKE, source_lang="sr", config=config)
    assert [(f.rule, f.severity) for f in result.findings] == [("QA101", qa.Severity.MINOR)]


def _broken(target: Text) -> Iterator[Hit]:
    """Broken on purpose."""
    raise RuntimeError("boom")
    yield  # pragma: no cover


def test_a_failing_rule_is_isolated_and_noted() -> None:
    rules = [r for r in all_rules() if r.code == "QA101"]
    broken = Rule("QA999", "broken-rule", "other", qa.Severity.MINOR, _broken, ("target",))
    result = Engine(rules=[*rules, broken]).check(Document(id="d", target=SEED_LIKE, source_lang="sr"))
    assert [f.rule for f in result.findings] == ["QA101"]
    assert [e.rule for e in result.rule_errors] == ["QA999"]
    assert "RuntimeError: boom" in result.rule_errors[0].message
    assert not result.passed


def test_rules_needing_a_missing_side_are_skipped() -> None:
    def needs_source(target: Text, source: Text) -> Iterator[Hit]:
        """Needs the source."""
        yield Hit(0, 1, "should not run without a source")

    r = Rule("QA998", "needs-source", "other", qa.Severity.MAJOR, needs_source, ("target", "source"))
    assert Engine(rules=[r]).check(Document(id="d", target="Text.")).findings == []
    assert len(Engine(rules=[r]).check(Document(id="d", target="Text.", source="Tekst.")).findings) == 1


def test_empty_target_silences_every_other_rule() -> None:
    result = qa.check("", source_lang="sr")
    assert [f.rule for f in result.findings] == ["QA001"]


def test_findings_carry_line_column_and_exact_excerpt() -> None:
    result = qa.check(SEED_LIKE, source_lang="sr")
    by_rule = {f.rule: f for f in result.findings}
    f = by_rule["QA101"]
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 31, 2, 32)
    assert SEED_LIKE[f.start : f.end] == f.excerpt == "i"
    comma = by_rule["QA401"]
    assert comma.excerpt == ",T" and comma.category == "fluency/punctuation"


def test_score_weights_and_minor_punctuation_counts_a_tenth() -> None:
    result = qa.check(SEED_LIKE, source_lang="sr", config=qa.Config(select=("QA101", "QA401")))
    # one major (5) and one minor punctuation finding (0.1)
    assert result.score.penalty == pytest.approx(5.1)
    assert result.score.per_100_words == pytest.approx(5.1 * 100 / result.words, abs=1e-3)


def test_verdict_follows_policy() -> None:
    lenient = qa.Config(select=("QA101",), policy=Policy(fail_on=qa.Severity.CRITICAL, threshold=1000))
    strict = qa.Config(select=("QA101",))
    assert qa.check(SEED_LIKE, source_lang="sr", config=lenient).passed
    assert not qa.check(SEED_LIKE, source_lang="sr", config=strict).passed


def test_clean_text_passes() -> None:
    text = "Moscow promises closer ties\nRussia has promised to develop relations with North Korea, the Kremlin said.\n"
    result = qa.check(text, source_lang="sr")
    assert result.findings == [] and result.passed


def test_public_api_all_is_complete_and_sorted() -> None:
    public = {name for name in vars(qa) if not name.startswith("_") and name not in {"annotations"}}
    modules = {name for name in public if type(getattr(qa, name)).__name__ == "module"}
    assert set(qa.__all__) == public - modules | {"__version__"}
    assert list(qa.__all__) == sorted(qa.__all__, key=str.lower) or list(qa.__all__) == sorted(qa.__all__)


HEADLINE = "Talks on the budget resume in Čačak\n\n"


def test_a_finding_inside_page_chrome_is_an_unscored_note_that_points_at_it() -> None:
    text = HEADLINE + "Follow us on Facebook,Twitter i Viber.\n"
    result = qa.check(text, source_lang="sr")
    by_rule = {f.rule: f for f in result.findings}
    footer, untranslated, space = by_rule["QA204"], by_rule["QA101"], by_rule["QA401"]
    assert footer.severity is Severity.MAJOR
    assert untranslated.severity is Severity.INFO and space.severity is Severity.INFO
    assert "page chrome on line 3, QA204: deleted with it" in untranslated.message
    assert untranslated.related[-1]["start"] == footer.start
    # one defect is scored once: the score is the footer's alone
    alone = qa.check(text, source_lang="sr", config=qa.Config(select=("QA204",)))
    assert result.score.penalty == alone.score.penalty


def test_the_same_finding_outside_chrome_keeps_its_severity() -> None:
    result = qa.check(HEADLINE + "Milan i Ana Petrović signed the decision in the city assembly.\n", source_lang="sr")
    assert [(f.rule, f.severity) for f in result.findings] == [("QA101", Severity.MAJOR)]


def test_a_repeated_credit_is_one_finding_with_the_repeat_as_a_note() -> None:
    text = HEADLINE + "The council met on Monday and adopted the budget.\n\nPhoto: Getty Images\n\nPhoto: Getty Images\n"
    result = qa.check(text)
    lines = [(f.line, f.rule) for f in result.findings if f.severity is not Severity.INFO]
    assert lines == [(5, "QA202"), (7, "QA202")]
    second = result.findings[-1]
    assert [r.get("rule") for r in second.related] == ["QA301"]


def test_an_idiom_in_a_repeated_paragraph_is_reported_on_the_first_copy_only() -> None:
    para = "Kim said that the friendship developed and consolidated from century to century, and would last."
    result = qa.check(HEADLINE + para + "\n\nThe talks went on.\n\n" + para + "\n", source_lang="sr")
    scored = [(f.line, f.rule) for f in result.findings if f.severity is not Severity.INFO]
    assert scored == [(3, "QA701"), (7, "QA301")]
    assert [f.rule for f in result.findings if f.severity is Severity.INFO] == ["QA701"]

def test_timings_are_opt_in_and_leave_the_findings_alone() -> None:
    doc = Document(id="t", target="Follow us on Facebook, Twitter i Viber.\nPhoto: Reuters", source="Pratite nas.",
                   reference="Follow us on Facebook.", source_lang="sr")
    timings: dict[str, float] = {}
    timed = Engine(timings=timings).check(doc)
    plain = Engine().check(doc)
    assert timed.findings == plain.findings and timed.metrics == plain.metrics
    assert {"text", "metrics", "untranslated", "boilerplate", "reference"} <= set(timings)
    assert all(v >= 0 for v in timings.values())
    assert Engine().timings is None  # off by default: no clock is read
