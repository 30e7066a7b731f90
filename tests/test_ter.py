"""qa.ter counts the same edits as sacrebleu's TER, faster: checked against sacrebleu itself."""

from __future__ import annotations

import random

import pytest
from sacrebleu.metrics import TER as SacreTER
from sacrebleu.metrics import lib_ter

from qa import ter


def _pairs(count: int, seed: int) -> list[tuple[list[str], list[str]]]:
    """Word lists of every shape the shift search meets: empty, one word against many, long, small
    vocabularies (many equal-cost alignments), and near copies with moved blocks."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        vocab = [str(x) for x in range(rng.choice([2, 3, 5, 10, 30]))]
        n, m = rng.choice([0, 1, 2, 5, 12, 24, 26, 40, 70]), rng.choice([0, 1, 2, 5, 12, 24, 26, 40, 70])
        hyp = [rng.choice(vocab) for _ in range(n)]
        if hyp and rng.random() < 0.5:
            ref = list(hyp)
            for _ in range(rng.randint(0, 20)):
                a = rng.randrange(len(ref) + 1)
                if rng.random() < 0.4 and ref:
                    ref.pop(min(a, len(ref) - 1))
                elif rng.random() < 0.5:
                    ref.insert(a, rng.choice(vocab))
                else:
                    b = rng.randrange(len(ref) + 1)
                    ref[a:a] = ref[b : b + rng.randint(1, 4)]
        else:
            ref = [rng.choice(vocab) for _ in range(m)]
        out.append((hyp, ref))
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_edits_equal_sacrebleus(seed: int) -> None:
    for hyp, ref in _pairs(150, seed):
        assert ter.translation_edit_rate(hyp, ref) == lib_ter.translation_edit_rate(hyp, ref), (hyp, ref)


def test_beam_distance_and_trace_equal_sacrebleus() -> None:
    for hyp, ref in _pairs(150, 2):
        if hyp and ref:
            assert ter.beam_edit_distance(hyp, ref) == lib_ter.BeamEditDistance(ref)(hyp), (hyp, ref)


def test_beam_cover_includes_the_last_row() -> None:
    # one hypothesis word against 30: the last row starts at column 5, so the beam does not cover
    assert not ter._beam_covers(30, 1)
    assert ter._beam_covers(10, 10)


def test_scores_and_signature_equal_sacrebleus() -> None:
    hyps = ["The cat sat on the mat today .", "Prices rose by 5 percent in May, the office said.", ""]
    refs = ["Today the cat sat on the mat.", "The office said prices went up 5% in May.", "Nothing."]
    mine, theirs = ter.TER(), SacreTER()
    for h, r in zip(hyps, refs):
        a, b = mine.corpus_score([h], [[r]]), theirs.corpus_score([h], [[r]])
        assert (a.score, a.num_edits, a.ref_length) == (b.score, b.num_edits, b.ref_length)
    assert str(mine.get_signature()) == str(theirs.get_signature())


def test_shifted_pairs_equal_sacrebleus() -> None:
    for hyp, ref in _pairs(150, 3):
        assert list(ter._find_shifted_pairs(hyp, ref)) == list(lib_ter._find_shifted_pairs(hyp, ref)), (hyp, ref)
