"""Alignment survives omissions, additions, merges and splits; anchors break ties."""

from __future__ import annotations

import pytest

from qa.align import align, align_texts, anchors
from qa.text import Text


def test_one_to_one() -> None:
    beads = align(["Ministar je podneo ostavku.", "Vlada će se sastati u petak."], ["The minister resigned.", "The government will meet on Friday."], 1.0)
    assert [(b.left, b.right) for b in beads] == [((0,), (0,)), ((1,), (1,))]


def test_omission_is_a_one_to_zero_bead() -> None:
    src = Text("Ministar je podneo ostavku u ponedeljak.\nOpozicija je tražila nove izbore i najavila proteste ispred skupštine.\nVlada će se sastati u petak.")
    tgt = Text("The minister resigned on Monday.\nThe government will meet on Friday.")
    pairs = align_texts(src, tgt, 0.97)
    assert [(len(p.left), len(p.right)) for p in pairs] == [(1, 1), (1, 0), (1, 1)]


def test_merge_is_a_two_to_one_bead() -> None:
    left = ["Padala je kiša.", "Ulice su bile poplavljene do kolena u centru grada."]
    right = ["It rained and the streets in the city centre were flooded knee-deep."]
    assert [(b.left, b.right) for b in align(left, right, 1.0)] == [((0, 1), (0,))]


def test_split_is_a_one_to_two_bead() -> None:
    left = ["Ministar, koji je juče podneo ostavku posle tri godine na funkciji, rekao je da se vraća na univerzitet."]
    right = ["The minister resigned yesterday after three years in office.", "He said he would return to the university."]
    assert [(b.left, b.right) for b in align(left, right, 1.0)] == [((0,), (0, 1))]


def test_anchors_fold_scripts_and_numbers() -> None:
    assert "vucic" in anchors("Вучић је рекао") and "10005" in anchors("1.000,5")
    assert anchors("Vučić said 1,000.5") & anchors("Вучић је рекао 1.000,5") == {"vucic", "10005"}


@pytest.mark.parametrize("left, right", [([], ["a"]), (["a"], []), ([], [])])
def test_empty_sides(left: list[str], right: list[str]) -> None:
    beads = align(left, right)
    assert sum(len(b.left) for b in beads) == len(left) and sum(len(b.right) for b in beads) == len(right)


def test_split_in_three_is_one_bead_inside_a_paragraph() -> None:
    left = ["Ministar, koji je juče podneo ostavku posle tri godine na funkciji, rekao je da se vraća na univerzitet gde će predavati ekonomiju."]
    right = ["The minister resigned yesterday after three years in office.", "He said he would return to the university.", "He will teach economics there."]
    assert [(b.left, b.right) for b in align(left, right, 1.0, max_merge=4)] == [((0,), (0, 1, 2))]
    # the classic search (at most 1-2) must leave one of them unpaired
    assert any(not b.left for b in align(left, right, 1.0))


def test_a_merge_whose_lengths_do_not_fit_is_not_taken() -> None:
    src = Text("Ministar je podneo ostavku u ponedeljak posle tri godine.\nOpozicija je tražila nove izbore i najavila proteste ispred skupštine.\nVlada će se sastati u petak.")
    tgt = Text("The minister resigned on Monday after three years.\nThe government will meet on Friday.")
    pairs = align_texts(src, tgt, 0.97)
    assert sorted((len(p.left), len(p.right)) for p in pairs) == [(1, 0), (1, 1), (1, 1)]


def test_equal_paragraph_counts_pair_on_the_diagonal() -> None:
    # lengths 30/10/30 against 35/30/10: the search alone would take a 2-1 and a 1-2 (cost 3.8 against 8.9),
    # shifting every paragraph after them; translators keep paragraphs, so each pairs with its own
    src = Text("\n".join("s" * n for n in (30, 10, 30)))
    tgt = Text("\n".join("t" * n for n in (35, 30, 10)))
    beads = align([src.slice(p) for p in src.paragraphs], [tgt.slice(p) for p in tgt.paragraphs], 1.0)
    assert [(b.left, b.right) for b in beads] == [((0, 1), (0,)), ((2,), (1, 2))]
    pairs = align_texts(src, tgt, 1.0)
    assert [(src.paragraph_of(p.left[0].start).index, tgt.paragraph_of(p.right[0].start).index) for p in pairs] == [(0, 0), (1, 1), (2, 2)]


def test_skipped_right_paragraphs_come_back_in_place_and_pair_with_nothing() -> None:
    src = Text("Ministar je podneo ostavku.\nVlada će se sastati u petak.")
    tgt = Text("The minister resigned.\nPhoto: Beta\nThe government will meet on Friday.")
    pairs = align_texts(src, tgt, 1.0, skip_right={1})
    assert [(len(p.left), len(p.right), p.skipped) for p in pairs] == [(1, 1, False), (0, 1, True), (1, 1, False)]
    assert tgt.raw[pairs[1].right[0].start : pairs[1].right[0].end] == "Photo: Beta"
