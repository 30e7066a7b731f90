"""Encoding damage is found; correct non-ASCII text (Serbian letters, typographic quotes, accents) is not."""

from __future__ import annotations

import pytest

import qa


def enc(text: str) -> list[qa.Finding]:
    return qa.check(text, config=qa.Config(select=("QA6",))).findings


@pytest.mark.parametrize(
    "text, excerpt, suggestion",
    [
        ("The minister said itâ€™s over.", "itâ€™s", "it’s"),
        ("The slogan â€œnaÅ¡a zemljaâ€\x9d was heard.", None, None),
    ],
)
def test_mojibake(text: str, excerpt: str | None, suggestion: str | None) -> None:
    found = [f for f in enc(text) if f.rule == "QA601"]
    assert found
    if excerpt is not None:
        assert found[0].excerpt == excerpt and found[0].suggestion == suggestion


def test_clean_unicode_is_not_mojibake() -> None:
    assert enc("Vučić met Đoković in Niš; “quotes”, café, naïve, Zürich, 5 € and 10 °C — fine.") == []


def test_replacement_and_invisible_characters() -> None:
    found = enc("Vu\ufffdi\ufffd said\u200b so\x07.")
    assert [f.rule for f in found] == ["QA602", "QA602", "QA603", "QA603"]
