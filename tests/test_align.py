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
