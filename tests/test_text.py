"""Text views: positions, paragraphs, sentences, tokens and protected spans all index the unmodified text."""

from __future__ import annotations

import pytest

from qa.text import Text, split_sentences


@pytest.mark.parametrize(
    "raw, offset, expected",
    [
        ("abc", 0, (1, 1)),
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 4, (2, 1)),
        ("ab\rcd", 3, (2, 1)),
        ("ab\ncd", 5, (2, 3)),
        ("\n\nx", 2, (3, 1)),
    ],
)
def test_position(raw: str, offset: int, expected: tuple[int, int]) -> None:
    assert Text(raw).position(offset) == expected


def test_paragraphs_are_trimmed_non_blank_lines() -> None:
    t = Text("  Headline \n\n Body one.\n\t\nBody two.")
    assert [t.slice(p) for p in t.paragraphs] == ["Headline", "Body one.", "Body two."]


@pytest.mark.parametrize(
    "raw, sentences",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ("Mr. Smith met Dr. Jones in the U.S. on Monday.", ["Mr. Smith met Dr. Jones in the U.S. on Monday."]),
        ("It cost 1.5 million. Then it rose.", ["It cost 1.5 million.", "Then it rose."]),
        ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
        ("Why? she asked.", ["Why?", "she asked."]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_sentences(raw: str, sentences: list[str]) -> None:
    assert [raw[s:e] for s, e in split_sentences(raw)] == sentences


def test_tokens_keep_hyphens_and_apostrophes() -> None:
    t = Text("The U-turn isn't O'Brien's, 1,000 km.")
    assert [tok.text for tok in t.tokens] == ["The", "U-turn", "isn't", "O'Brien's", "1", "000", "km"]


def test_protected_spans_cover_urls_emails_handles() -> None:
    raw = "See https://example.com/a,b or mail desk@bbc.co.uk and @qa_news #vote bbc.co.uk."
    t = Text(raw)
    for needle in ("https://example.com/a,b", "desk@bbc.co.uk", "@qa_news", "#vote", "bbc.co.uk"):
        i = raw.index(needle)
        assert t.is_protected(i, i + len(needle)), needle
    i = raw.index("See")
    assert not t.is_protected(i, i + 3)


def test_word_count() -> None:
    assert Text("Five words, 42 and more here.").words == 5


def test_a_url_ends_where_chinese_text_or_full_width_punctuation_begins() -> None:
    from qa.text import LINK

    assert [m.group() for m in LINK.finditer("见www.chinastory.cn）由新华社发布")] == ["www.chinastory.cn"]
    assert [m.group() for m in LINK.finditer("网址https://example.com/a?x=1，欢迎访问")] == ["https://example.com/a?x=1"]
    # a Cyrillic path is still part of its URL
    assert [m.group() for m in LINK.finditer("see http://ru.wikipedia.org/wiki/Москва today")] == ["http://ru.wikipedia.org/wiki/Москва"]


def test_first_token_in_is_the_first_of_tokens_in() -> None:
    t = Text("U.S. talks ended.  Don't panic, said O'Brien (AP)\n\n12 people left; well-known x")
    for start in range(len(t.raw) + 1):
        for end in range(start, len(t.raw) + 2):
            toks = t.tokens_in(start, end)
            assert t.first_token_in(start, end) == (toks[0] if toks else None)
