"""Calques and the historical present: every table entry proven both ways; plain news English stays clean."""

from __future__ import annotations

import pytest

import qa
from qa.rules.calques import calques


def found(text: str, code: str) -> list[qa.Finding]:
    result = qa.check(text, source_lang="sr", config=qa.Config(select=(code,)))
    assert not result.rule_errors
    return result.findings


@pytest.mark.parametrize("entry", calques(), ids=lambda c: c.id)
def test_calque_entry_both_ways(entry) -> None:
    assert entry.example and entry.good, f"{entry.id} needs an example and a good sentence"
    hits = found(entry.example, "QA702")
    assert hits, f"{entry.id} missed its example {entry.example!r}"
    assert hits[0].suggestion == entry.english[0]
    assert found(entry.good, "QA702") == [], f"{entry.id} flagged its good sentence"


def test_seed_comrade_friendship() -> None:
    text = 'He added that their "comrade friendship" will strengthen even more.'
    hits = found(text, "QA702")
    assert [h.excerpt for h in hits] == ["comrade friendship"]
    assert hits[0].suggestion == "comradely friendship"


@pytest.mark.parametrize(
    "text",
    [
        "A new rapprochement occurs at the beginning of the 21st century, when Russia is gradually moving away from the West.",
        "The uprising breaks out in 1941 and the partisans take the town.",
        "In the 1990s the country is slowly falling apart.",
        "After the Second World War the friendship becomes an alliance.",
    ],
)
def test_historical_present_is_reported_as_info(text: str) -> None:
    hits = found(text, "QA703")
    assert hits and all(h.severity is qa.Severity.INFO for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "A new rapprochement came at the beginning of the 21st century, when Russia was moving away from the West.",
        "The uprising broke out in 1941.",
        "The company, founded in 1995, is expanding into Asia.",
        "Russia is gradually moving away from the West, analysts say.",
        "In 2022 prices are rising fast.",
    ],
)
def test_past_or_present_news_is_not_reported(text: str) -> None:
    assert found(text, "QA703") == []


def test_a_calque_added_to_a_table_at_run_time_is_found(tmp_path, monkeypatch) -> None:
    """The prefilter reads each pattern's literals when the table loads: a new entry needs no other change."""
    from qa.rules import calques as module

    table = tmp_path / "calques.toml"
    table.write_text(
        "[[calque]]\nid = \"give-a-statement\"\n"
        "pattern = '''\\b(?:gave|give|gives|giving)\\s+(?:a\\s+)?(?:statement|izjava)\\s+for\\b'''\n"
        'source = ["dati izjavu za"]\nenglish = ["told"]\nseverity = "minor"\n'
        'example = "The minister GAVE a statement for the agency."\ngood = "The minister told the agency."\n',
        encoding="utf-8")
    text = "The minister GAVE a statement for the agency."
    assert found(text, "QA702") == []
    shipped = module.bundled_paths()
    monkeypatch.setattr(module, "bundled_paths", lambda: [*shipped, table])
    for cached in (module.calques, module._prefilter):
        cached.cache_clear()
    try:
        assert [h.excerpt for h in found(text, "QA702")] == ["GAVE a statement for"]
    finally:
        for cached in (module.calques, module._prefilter):
            cached.cache_clear()
