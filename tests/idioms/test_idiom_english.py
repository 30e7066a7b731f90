"""The English matcher: lemmas, gaps, sentence boundaries, spans; proper English draws nothing."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from qa.idioms import IdiomMatch, IdiomTable, lemma_candidates

TABLE = IdiomTable.load()
# -- proper English draws nothing ----------------------------------------------

CLEAN = [
    "The announcement came like a bolt from the blue.",
    "Regulators turned a blind eye to the irregularities for years.",
    "We keep our fingers crossed for the team tonight.",
    "The merger fell through at the last minute.",
    "The two leaders met behind closed doors and later one-on-one.",
    "He buried the hatchet with his old rival after the election.",
    "Talks are deadlocked and have reached a dead end.",
    "The price hike was the last straw for the unions.",
    "The party threw in the towel after the vote.",
    "She put all her eggs in one basket.",
    "A bird in the hand is worth two in the bush.",
    "He learned first-hand how the system works.",
    "Police caught the thieves red-handed.",
    "The suspect remains at large and is still on the run.",
    "The law comes into force next month.",
    "The defence lodged an appeal against the verdict.",
    "Prosecutors filed an indictment against the former mayor.",
    "The court remanded him in custody for 30 days.",
    "The judge will determine custody of the children.",
    "The item was removed from the agenda.",
    "The company relies on daily orders from supermarkets.",
    "The team narrowly missed the title.",
    "She won an award for hair and makeup.",
    "The coalition is hanging by a thread.",
    "He knows the city like the back of his hand.",
    "The fans were dressed in red from head to toe.",
    "Pensioners struggle to make ends meet.",
    "The players gave their all in the final.",
    "The players gave all of themselves in the final.",
    "I haven't the faintest idea, she said.",
    "The vote was postponed for the umpteenth time.",
    "The reform went like clockwork.",
    "The new rules are all Greek to most taxpayers.",
    "She grew up in a Spanish village near Valencia.",
    "The Swedish table tennis player won gold.",
    "The French key witness testified on Monday.",
    "The cyclist was in the truck's blind spot.",
    "A healthy mind in a healthy body, the coach likes to say.",
    "Hundreds of people came out to light candles for the victims.",
    "Temperatures will fall to minus five degrees tonight.",
    "Temperatures fell into minus figures overnight.",
    "The firm ended the year in the red.",
    "It never crossed his mind to resign.",
    "The party plays second fiddle in the coalition.",
    "There was no talk of new elections.",
    "When it comes to corruption, nobody is safe.",
    "Word of the deal spread by word of mouth.",
    "In this regard, the minister announced new measures.",
    "The polls show a dead heat between the two candidates.",
    "Hats off to the players for this fight.",
    "Families need a roof over their heads this winter.",
    "He shot himself in the foot with that remark.",
    "The apple doesn't fall far from the tree.",
    "There is nothing new under the sun.",
    "It is raining cats and dogs in the capital.",
    "At the end of the day, the voters decide.",
    "In the long run, the reform will pay off.",
    "The bank has two branches in the city and plans more.",
    "The government sat on the fence for years.",
    "Small shareholders were left empty-handed.",
    "Beat two eggs, add the flour, bake, then let it cool.",
    "Farmers try to prevent rot in root crops after the floods.",
    "The stadium was packed to the rafters.",
    "The oldest living head of state attended the ceremony.",
    "Diplomats are walking on eggshells in the talks.",
    "The minister beat around the bush for an hour.",
    "She ate a hot dog in the park before the match.",
    "Rioters threw stones at the police.",
    "Work on Black Friday starts at six in the morning.",
    "The Eiffel Tower and city centre were closed.",
    "Investors are keeping a close eye on the bond market.",
    "The government will take the interests of farmers into account.",
    "The team won away from home for the first time this season.",
    "Fortunately, nobody was hurt in the fire.",
    "He is as fit as a fiddle at ninety.",
    "Add two eggs, such as free-range eggs, to the mixture.",
    "Children play on safe playgrounds built by the city.",
    "Revenue rose, such as from cable operators and streaming.",
    "The talks will resume on Monday. Four eyes are better than two, officials joked.",
]

# Ordinary English that an entry of severity "info" may flag (and only such).
INFO_ALLOWED = [
    "The car fell into the water after the crash.",
    "Rescuers saved a man who had fallen into the water.",
    "He played first violin in the Vienna Philharmonic.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_proper_english_draws_no_match(sentence: str) -> None:
    matches = TABLE.find_literal(sentence)
    assert matches == [], [(m.idiom.id, sentence[m.start : m.end]) for m in matches]


@pytest.mark.parametrize("sentence", INFO_ALLOWED)
def test_literal_english_only_draws_info(sentence: str) -> None:
    for m in TABLE.find_literal(sentence):
        assert m.idiom.severity == "info", (m.idiom.id, sentence[m.start : m.end])


def test_clean_list_is_long_enough() -> None:
    assert len(CLEAN) >= 40


# -- matching behaviour --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "idiom_id", "matched"),
    [
        ("They held their thumbs for him.", "drzati-palceve", "held their thumbs for"),
        ("Everyone is holding thumbs for them.", "drzati-palceve", "holding thumbs for"),
        ("She holds thumbs for the team.", "drzati-palceve", "holds thumbs for"),
        ("They TALKED IN FOUR EYES.", "u-cetiri-oka", "IN FOUR EYES"),
        ("It didn't fall on his mind.", "pasti-na-pamet", "fall on his mind"),
        ("Detention of 30 days was determined.", "odredjen-pritvor", "Detention of 30 days was determined"),
        ("The plan, in the end, fell into the water.", "pasti-u-vodu", "fell into the water"),
        ("They sat, literally, on two chairs.", "sedeti-na-dve-stolice", "sat, literally, on two chairs"),
    ],
)
def test_inflection_case_and_fillers(text: str, idiom_id: str, matched: str) -> None:
    matches = TABLE.find_literal(text)
    assert [(m.idiom.id, text[m.start : m.end]) for m in matches] == [(idiom_id, matched)]


def test_sentence_boundary_breaks_a_match() -> None:
    assert TABLE.find_literal("They sat on two. Chairs were empty.") == []
    assert TABLE.find_literal("They talked in four! Eyes were on them.") == []
    # but a full stop inside an abbreviation or number does not end a sentence
    assert TABLE.find_literal("The U.S. envoy talked in four eyes.")


def test_negative_lookahead() -> None:
    assert TABLE.find_literal("They served a Swedish table after the match.")
    assert TABLE.find_literal("The Swedish table tennis team won.") == []


def test_spans_equal_text_slice_and_are_ordered() -> None:
    text = (
        "Talks   held «in four eyes» failed; the plan fell into the water.\n"
        "Ещё: the minister, it seems, has no hair on his tongue, and it all went like on lard!"
    )
    matches = TABLE.find_literal(text)
    assert [m.idiom.id for m in matches] == [
        "u-cetiri-oka",
        "pasti-u-vodu",
        "nemati-dlake-na-jeziku",
        "kao-po-loju",
    ]
    assert all(isinstance(m, IdiomMatch) for m in matches)
    assert [text[m.start : m.end] for m in matches] == [
        "in four eyes",
        "fell into the water",
        "hair on his tongue",
        "like on lard",
    ]
    assert all(m.pattern in m.idiom.literal for m in matches)
    starts = [m.start for m in matches]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start


def test_non_overlapping() -> None:
    text = "The drop that overflowed the glass was the last drop in the cup."
    matches = TABLE.find_literal(text)
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start


def test_lemma_candidates() -> None:
    assert "fall" in lemma_candidates("fell")
    assert "hold" in lemma_candidates("held")
    assert "stop" in lemma_candidates("stopped")
    assert "make" in lemma_candidates("making")
    assert "run" in lemma_candidates("running")
    assert "try" in lemma_candidates("tried")
    assert "policy" in lemma_candidates("policies")
    assert "foot" in lemma_candidates("feet")
    assert "minister" in lemma_candidates("minister's")
    assert "hope" in lemma_candidates("hoped")


def test_matching_is_linear_ish() -> None:
    """A long text with many near misses finishes quickly (no blow-up)."""
    import time

    text = "They hold the thumbs the the the and fall on the the water of the mind. " * 3000
    t0 = time.perf_counter()
    TABLE.find_literal(text)
    TABLE.find_source("pao je je je je u u u vodu " * 3000)
    assert time.perf_counter() - t0 < 10


# -- false positives on professional English news --------------------------------

def _ntrex_path() -> Path | None:
    candidates = [
        os.environ.get("QA_NTREX_ENG", ""),
        str(Path(__file__).resolve().parents[2] / "shared" / "bench" / "ntrex" / "newstest2019-src.eng.txt"),
        "/work/shared/bench/ntrex/newstest2019-src.eng.txt",
    ]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


def test_no_false_positives_on_ntrex() -> None:
    """Professional English news (NTREX newstest2019, 1,007 lines): no
    minor/major match at all, and in practice no match of any severity."""
    path = _ntrex_path()
    if path is None:
        pytest.skip("NTREX benchmark not available")
    hits = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for m in TABLE.find_literal(line):
            hits.append((m.idiom.id, m.idiom.severity, line[m.start : m.end]))
    assert [h for h in hits if h[1] != "info"] == []
    assert hits == []


