"""The line-shape detector's fast paths answer as the full tests would (qa.boilerplate).

Each fast path skips work that cannot change the answer: a character a pattern cannot match without, the
standard engine on ASCII text, a test decided at its first unwanted word. These tests hold each shortcut
to the slow answer it replaces, on generated lines and on lines written to hit each shape.
"""

from __future__ import annotations

import random

import pytest

from qa import boilerplate as bp
from qa import chrome_model

ALPHABET = "aAbBiIsSxXzZ0189 .,:/-'&()[]|·•@#©—–"


def _random_lines(n: int, seed: int, alphabet: str = ALPHABET) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(n)]


SHAPED = [
    "Views 3.4K · Comments 12",
    "Thursday, 4 April 2024, 08:15",
    "MOSTAR, 12.05.2024.",
    "BELGRADE Sept 5 (Beta)",
    "smithsonian.com March 3, 2021",
    "Updated 3 hours ago",
    "Photo credit: Jelena Marić / Klix",
    "The mayor at the opening of the bridge on Friday (Photo: Fena/Amel Emrić)",
    "Kim Jong Un in Pyongyang | Photo: HINA",
    "Dragan Kostić Reuters",
    "© 2024 Example Media",
    "Phone: 011 555 7788",
    "Write to us at desk@example.com",
    "Follow @example_news",
    "Tags: floods, Sava, rescue",
    "Topics — Energy",
    "Home › Sport › Football",
    "Tweet | WhatsApp | Viber | Email",
    "Slideshow 1 of 12",
    "Most read this week",
    "The minister said on Tuesday that the talks would continue (in Belgrade) next week.",
    "However, the talks ended without a deal at 10:30 on Monday.",
]


def test_ascii_words_are_the_unicode_pattern_words() -> None:
    lines = _random_lines(3000, 1, "abzAZ09 .,:/-'&()s") + [l for l in SHAPED if l.isascii()]
    for line in lines:
        assert bp._ASCII_WORD.findall(line) == bp._WORD.findall(line), line


def test_words_one_by_one_are_the_tokens() -> None:
    for line in [*SHAPED, *_random_lines(500, 2)]:
        assert tuple(bp._words_of(line)) == bp._tokens(line)


@pytest.mark.parametrize(
    "pattern, needed",
    [
        (bp._PAREN_END, "(["),
        (bp._SEPARATED_END, bp._SEPARATED_CHARS),
        (bp._CREDIT_AT_END, ":©"),
        (bp._PHONE, "0123456789"),
        (bp.EMAIL, "@"),
        (bp._HANDLE, "@"),
    ],
)
def test_a_gated_pattern_needs_its_characters(pattern, needed: str) -> None:  # type: ignore[no-untyped-def]
    """Taking the gate's characters out of a line that matches leaves a line that does not."""
    matched = [l for l in [*SHAPED, *_random_lines(4000, 3)] if pattern.search(l)]
    assert matched, "the examples must hit the pattern at least once"
    for line in matched:
        bare = "".join(c for c in line if c not in needed)
        assert pattern.search(bare) is None, (line, bare)


def test_the_label_pattern_needs_a_separator() -> None:
    label_line = bp._shapes().label_line
    labels = [p for phrases in bp.vocabulary().labels.values() for p in phrases]
    lines = [f"{label}{sep}Jelena Marić" for label in labels for sep in (": ", " | ", " – ", " — ", " - ")]
    assert all(label_line.match(bp._folded(l)) for l in lines)
    for line in lines:
        bare = "".join(c for c in bp._folded(line) if c not in bp._LABEL_SEPARATORS)
        assert label_line.match(bare) is None, line


def test_a_word_outside_the_vocabularies_decides_the_vocabulary_test() -> None:
    """``_has_other_word`` is the vocabulary test's last refusal, asked first: where it holds (and the line is
    no gallery index), the test's own reading of every word refuses the line too."""
    known = sorted(bp._shape_vocabulary())
    rng = random.Random(4)
    lines = [" ".join(rng.choice(known) for _ in range(rng.randint(1, 6))) + rng.choice(["", " 12", " | x", " zebra"])
             for _ in range(2000)]
    v = bp.vocabulary().words
    classes = ("interface", "platforms", "navigation", "teaser", "counters")
    for line in lines:
        words = [bp.fold(t) for t in bp._tokens(line) if not bp._NUMBER.match(t) and t != "(s)"]
        slow = any(w not in v.get("glue", ()) and not any(w in v.get(c, ()) for c in classes) for w in words)
        assert bp._has_other_word(line) == slow, line
        if slow and not bp._GALLERY_INDEX.fullmatch(line):
            assert bp._vocabulary_line(line, False) is None


def test_only_date_words_is_the_stamps_first_refusal() -> None:
    allowed = bp._date_words()
    for line in [*SHAPED, *_random_lines(2000, 5, "aAsS0189 .,:/-"), "12 March 2024 10:30", "3 hours ago"]:
        tokens = bp._tokens(line)
        slow = 0 < len(tokens) <= bp.MAX_SHAPE_WORDS and all(
            bp._NUMBER.match(t) or bp._AGO.match(t) or bp.fold(t).rstrip(".") in allowed for t in tokens)
        assert bp._only_date_words(line) == (slow or not tokens), line


def test_the_probability_alone_is_the_scores() -> None:
    m = chrome_model.model()
    text = "Council adopts the budget\nShare this article\nFollow us on Facebook\nThe assembly voted late on Tuesday.\n© 2024"
    lines = text.split("\n")
    feats = chrome_model.line_features(lines, [False] * len(lines), bp.vocabulary().words, bp._date_words(), bp._agency_in)
    for f in feats:
        assert f is not None
        assert chrome_model.probability(f, m) == chrome_model.score(f, m)[0]


def test_no_wanted_line_has_no_cues() -> None:
    lines = ["Council adopts the budget"]
    v = bp.vocabulary().words
    assert chrome_model.line_features(lines, [False], v, bp._date_words(), bp._agency_in, [False]) == [None]
    assert chrome_model.line_features(lines, [False], v, bp._date_words(), bp._agency_in)[0] is not None
