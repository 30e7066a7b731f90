"""sacrebleu's TER, with the same edits counted faster: the shift search asks for edit distances through rapidfuzz.

sacrebleu's TER (``sacrebleu.metrics.lib_ter``) tries up to 1,000 word shifts
per segment and, for each, computes a beam-restricted word-level edit
distance in pure Python: on one-sentence news documents that is three
quarters of ``qa check``'s time once a reference is given. Only the shift
search is changed here, and only in how a candidate's distance is obtained:

- rapidfuzz computes the full (unrestricted) Levenshtein distance of the
  word lists, in C;
- the beam restriction cannot change that distance when the beam covers the
  whole matrix, or when the distance is small: every cell of an optimal
  path of cost ``d`` lies within ``2d + 1`` columns of the beam's
  pseudo-diagonal, which a beam of 25 columns either side contains for
  ``d <= 10``. Otherwise sacrebleu's own beam search answers.

Everything else (the shift candidates, their ranking, the traces and
alignments, the limits) is sacrebleu's code or a line-by-line copy of it, so
the number of edits, and the score sacrebleu computes from it, is
sacrebleu's. ``tests/test_ter.py`` checks this against sacrebleu itself.
"""

from __future__ import annotations

import math
from typing import Any, Iterator

from rapidfuzz.distance import Levenshtein
from sacrebleu.metrics import TER as _SacreTER
from sacrebleu.metrics import lib_ter

# the beam's half-width, and the largest distance it provably cannot change (see the module docstring;
# two columns of slack cover float rounding of the pseudo-diagonal)
_BEAM = lib_ter._BEAM_WIDTH
_SAFE = (_BEAM - 4) // 2


class _Distances:
    """sacrebleu's beam edit distance against one reference: with its trace, or the distance alone (fast path)."""

    def __init__(self, words_ref: list[str], n_hyp: int) -> None:
        self.ref = words_ref
        self.covers = _beam_covers(len(words_ref), n_hyp)

    def __call__(self, words_hyp: list[str]) -> tuple[int, str]:
        return beam_edit_distance(words_hyp, self.ref)

    def distance(self, words_hyp: list[str]) -> int:
        d: int = Levenshtein.distance(words_hyp, self.ref)
        if self.covers or d <= _SAFE:
            return d
        return beam_edit_distance(words_hyp, self.ref)[0]


def beam_edit_distance(words_h: list[str], words_r: list[str]) -> tuple[int, str]:
    """``lib_ter.BeamEditDistance(words_r)(words_h)``: the beam-restricted distance and its trace, with the
    same beam and the same trace, computed on rows of plain integers (sacrebleu's rows of (cost,
    operation) tuples, and its cache of them, made this the cost of TER).

    A cell's value is the least of its three operations' costs (or infinity); sacrebleu prefers, among
    equal costs, substitution (or no-op), then deletion, then insertion, so the operation it stored is
    recovered on the way back from the costs alone."""
    inf = lib_ter._INT_INFINITY
    n, m = len(words_h), len(words_r)
    length_ratio = m / n if words_h else 1
    width = math.ceil(length_ratio / 2 + _BEAM) if _BEAM < length_ratio / 2 else _BEAM
    prev = list(range(m + 1))  # the first row: one insertion per reference word
    rows = [prev]
    for i in range(1, n + 1):
        diag = math.floor(i * length_ratio)
        lo = max(0, diag - width)
        hi = m + 1 if i == n else min(m + 1, diag + width)
        cur = [inf] * (m + 1)
        word = words_h[i - 1]
        if lo == 0:
            cur[0] = left = prev[0] + 1
            lo = 1
        else:
            left = inf
        for j in range(lo, hi):
            cost = prev[j - 1] if word == words_r[j - 1] else prev[j - 1] + 1
            other = prev[j] + 1
            if other < cost:
                cost = other
            left += 1
            if left < cost:
                cost = left
            if cost > inf:
                cost = inf
            cur[j] = left = cost
        rows.append(cur)
        prev = cur
    trace = []
    i, j = n, m
    while i > 0 or j > 0:
        if i == 0:
            op = "i"  # the first row
        else:
            cell = rows[i][j]
            if cell >= inf:
                op = "x"
            elif j == 0:
                op = "d"
            elif rows[i - 1][j - 1] + (words_h[i - 1] != words_r[j - 1]) == cell:
                op = " " if words_h[i - 1] == words_r[j - 1] else "s"
            elif rows[i - 1][j] + 1 == cell:
                op = "d"
            else:
                op = "i"
        trace.append(op)
        if op == "s" or op == " ":
            i -= 1
            j -= 1
        elif op == "i":
            j -= 1
        elif op == "d":
            i -= 1
        else:
            raise Exception(f"unknown operation {op!r}")
    return prev[m], "".join(reversed(trace))


def _beam_covers(n_ref: int, n_hyp: int) -> bool:
    """Whether sacrebleu's beam spans every column of every row (then its distance is Levenshtein's).
    Its bounds are recomputed here exactly as ``BeamEditDistance._edit_distance`` computes them."""
    if n_hyp == 0:
        return True
    ratio = n_ref / n_hyp
    width = math.ceil(ratio / 2 + _BEAM) if _BEAM < ratio / 2 else _BEAM
    for i in range(1, n_hyp + 1):
        diag = math.floor(i * ratio)
        if diag - width > 0 or (i < n_hyp and diag + width < n_ref + 1):  # the last row always reaches the last column
            return False
    return True


def translation_edit_rate(words_hyp: list[str], words_ref: list[str]) -> tuple[int, int]:
    """``sacrebleu.metrics.lib_ter.translation_edit_rate``: (number of edits, reference length)."""
    n_words_ref = len(words_ref)
    if n_words_ref == 0:
        return len(words_hyp), 0
    cached_ed = _Distances(words_ref, len(words_hyp))
    shifts = 0
    input_words = words_hyp
    checked_candidates = 0
    while True:
        delta, new_input_words, checked_candidates = _shift(input_words, words_ref, cached_ed, checked_candidates)
        if checked_candidates >= lib_ter._MAX_SHIFT_CANDIDATES:
            break
        if delta <= 0:
            break
        shifts += 1
        input_words = new_input_words
    edit_distance = cached_ed.distance(input_words)
    return shifts + edit_distance, n_words_ref


def _shift(words_h: list[str], words_r: list[str], cached_ed: _Distances, checked_candidates: int) -> tuple[int, list[str], int]:
    """``lib_ter._shift``, line for line, but a candidate's distance comes from ``cached_ed.distance``."""
    pre_score, inv_trace = cached_ed(words_h)
    trace = lib_ter._flip_trace(inv_trace)
    align, ref_err, hyp_err = lib_ter.trace_to_alignment(trace)
    best: tuple[Any, ...] | None = None
    for start_h, start_r, length in _find_shifted_pairs(words_h, words_r):
        if sum(hyp_err[start_h : start_h + length]) == 0:
            continue
        if sum(ref_err[start_r : start_r + length]) == 0:
            continue
        if start_h <= align[start_r] < start_h + length:
            continue
        prev_idx = -1
        for offset in range(-1, length):
            if start_r + offset == -1:
                idx = 0
            elif start_r + offset in align:
                idx = align[start_r + offset] + 1
            else:
                break
            if idx == prev_idx:
                continue
            prev_idx = idx
            shifted_words = lib_ter._perform_shift(words_h, start_h, length, idx)
            candidate = (pre_score - cached_ed.distance(shifted_words), length, -start_h, -idx, shifted_words)
            checked_candidates += 1
            if not best or candidate > best:
                best = candidate
        if checked_candidates >= lib_ter._MAX_SHIFT_CANDIDATES:
            break
    if not best:
        return 0, words_h, checked_candidates
    return best[0], best[4], checked_candidates


def _find_shifted_pairs(words_h: list[str], words_r: list[str]) -> Iterator[tuple[int, int, int]]:
    """``lib_ter._find_shifted_pairs``, yielding the same triples in the same order, but visiting only
    the reference positions whose word equals the hypothesis word (the others yield nothing there)."""
    n_words_h, n_words_r = len(words_h), len(words_r)
    positions: dict[str, list[int]] = {}
    for j, word in enumerate(words_r):
        positions.setdefault(word, []).append(j)
    for start_h in range(n_words_h):
        for start_r in positions.get(words_h[start_h], ()):
            if abs(start_r - start_h) > lib_ter._MAX_SHIFT_DIST:
                continue
            length = 0
            while words_h[start_h + length] == words_r[start_r + length] and length < lib_ter._MAX_SHIFT_SIZE:
                length += 1
                yield start_h, start_r, length
                if n_words_h == start_h + length or n_words_r == start_r + length:
                    break


class TER(_SacreTER):  # type: ignore[misc]
    """sacrebleu's ``TER`` metric (same options, tokeniser, signature and score) with the faster edit count."""

    def _compute_segment_statistics(self, hypothesis: str, ref_kwargs: dict[str, Any]) -> list[float]:
        ref_lengths = 0
        best_num_edits = int(1e16)
        words_hyp = hypothesis.split()
        ref_words = ref_kwargs["ref_words"]
        for words_ref in ref_words:
            num_edits, ref_len = translation_edit_rate(words_hyp, words_ref)
            ref_lengths += ref_len
            if num_edits < best_num_edits:
                best_num_edits = num_edits
        avg_ref_len = ref_lengths / len(ref_words)
        return [best_num_edits, avg_ref_len]
