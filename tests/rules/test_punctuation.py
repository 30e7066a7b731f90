"""Punctuation rules on one-sentence documents (DEMETR's shape) and on articles."""

from __future__ import annotations

import pytest

import qa


def found(target: str, rule: str) -> list[str]:
    result = qa.check(target, config=qa.Config(select=(rule,)))
    return [f.excerpt for f in result.findings if f.rule == rule]


@pytest.mark.parametrize(
    "target, n",
    [
        ("The Chinese Consulate General in Houston was established in 1979 and is the first consulate", 1),
        ("The Chinese Consulate General in Houston was established in 1979 and is the first consulate.", 0),
        ("Moscow promises closer ties\nRussia has promised to develop comprehensive relations with North Korea.", 0),
    ],
)
def test_missing_final_punctuation_single_sentence(target: str, n: int) -> None:
    assert len(found(target, "QA405")) == n


@pytest.mark.parametrize(
    "target, expected",
    [
        ("The composition of these^ crystals matched.", ["^"]),
        ("Any witness evidence could be negatively_ impacted.", ["_"]),
        ("It sustains water and organic- matter.", ["-"]),
        ("China's door to? opening up will not close.", ["?"]),
        ("A cat is responsible for a job. that prevents them from competing.", ["."]),
        ("The resignation of the, former leader.", [","]),
        ("Push' the country toward elections.", ["'"]),
        ("Pre- and post-war figures differ.", []),
        ('"Why?" he asked, and the players\' union agreed.', []),
        ("He left at 5 p.m. on Monday, i.e. early.", []),
        ("She said 'we will win' and left.", []),
    ],
)
def test_stray_punctuation(target: str, expected: list[str]) -> None:
    assert found(target, "QA406") == expected


def test_tokenized_text() -> None:
    assert len(found("China 's door will not be closed , but will open wider .", "QA402")) >= 2


@pytest.mark.parametrize("name", ["_NO_SPACE", "_NO_SPACE_PERIOD", "_SPACE_BEFORE"])
def test_a_pattern_never_matches_without_its_pair(name: str) -> None:
    """The two-character pre-checks are necessary conditions: a text the pair misses, the pattern misses too."""
    import random

    from qa.rules import punctuation

    pattern, pair = getattr(punctuation, name), getattr(punctuation, f"{name}_PAIR")
    rng = random.Random(name)
    pieces = [*"aBcdÉéžЖж1 \t\u00a0.,;:!?…\"”’)/'x", "ended", "The", "Éva", "ab"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(20000)]
    hits = [t for t in texts if pattern.search(t)]
    assert len(hits) > 100  # the generated texts exercise the pattern
    assert all(pair.search(t) for t in hits)
