"""Paragraph and sentence alignment between two sides: source->target, target->reference, source->back-translation.

The choice: length-based dynamic programming (Gale and Church, 1993) with
anchors, as hunalign and bleualign do when no dictionary is at hand.

- **Length.** A translation's length is roughly proportional to its
  source's. The expected ratio is the source language's norm (its profile's
  ``english_length``) where known, else measured on the document itself
  (total target characters over total source characters).
- **Anchors.** Numbers (digits, so ``1.000,5`` meets ``1,000.5``) and
  Latin-script names and acronyms (Cyrillic transliterated, diacritics
  folded, so ``Вучић`` meets ``Vucic``) are tokens both sides share whatever
  the language (``Text.anchors``); shared anchors lower a pairing's cost.
- **Merges and splits.** News MT merges two short source sentences into
  one or splits a long one, so besides 1-1 the moves 2-1, 1-2, 1-0
  (omission) and 0-1 (addition) are allowed; a 1-0 or 0-1 bead costs more
  than any plausible pairing, so an unpaired sentence is what is left over,
  not what is convenient. Inside a paragraph, 1-3, 1-4, 3-1 and 4-1 are
  allowed too: a long Chinese or German sentence is often translated as
  three or four English ones, and each further piece costs ``MERGE`` more.
- **Confidence.** Each pair carries its bead's cost (length disagreement
  less the anchors' agreement): a low cost is a pairing the evidence is sure
  of, which the omission and addition rules use to grade their findings.
- **Furniture.** Paragraphs of the right side that are page chrome or
  repeats (``skip_right``) are kept out of the search, so a scraped line or
  a duplicated paragraph does not push its neighbours out of step; they come
  back as pairs of their own, marked ``skipped``.

Why not embeddings (LaBSE, vecalign): they need a model download and a GPU
to be fast, and the checker must run offline in CI; the anchors recover most
of what embeddings add on news, where numbers and names are dense.

Alignment is computed on paragraphs first, then on sentences within each
aligned paragraph group, which keeps the quadratic search small and stops a
sentence from pairing across a paragraph boundary. When both texts were
joined from the same translation units (XLIFF, PO, TMX, CSV: ``UnitText``),
the paragraph step is not a guess: unit *i*'s paragraphs pair with unit
*i*'s, and only the sentences inside a unit are aligned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Collection, Sequence

from qa.text import Block, Text, anchors

SKIP = 3.0  # cost of leaving a unit unpaired (1-0 or 0-1)
MERGE = 1.0  # extra cost of a 2-1 or 1-2 bead over a 1-1 (and of each further unit of a 1-3, 1-4, ...)
MERGE_SPREAD = math.log(1.6)  # a merge or split is considered only when its length ratio is within 1.6x of the norm
BAND = 20  # units either side of the diagonal searched beyond the length difference
ANCHOR_BONUS = 1.5  # cost removed for a pairing whose anchors all agree


@dataclass(frozen=True)
class Bead:
    """Indices of the units on each side that translate each other (either may be empty)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    cost: float = 0.0


def _moves(max_merge: int) -> tuple[tuple[int, int], ...]:
    """1-1, 1-0, 0-1, then the merges and splits up to ``max_merge`` units on one side."""
    extra = tuple(m for k in range(2, max_merge + 1) for m in ((k, 1), (1, k)))
    return ((1, 1), (1, 0), (0, 1)) + extra


def _pair_cost(llen: int, rlen: int, ratio: float, la: frozenset[str], ra: frozenset[str]) -> float:
    expected = max(1.0, llen * ratio)
    cost = abs(math.log((rlen + 1) / (expected + 1))) * 4.0
    if la or ra:
        shared = len(la & ra)
        union = len(la | ra)
        cost -= ANCHOR_BONUS * shared / union
        if union and not shared and min(len(la), len(ra)) >= 2:
            cost += 0.5  # both sides have anchors and none agree
    return cost


def align(
    left: Sequence[str],
    right: Sequence[str],
    ratio: float | None = None,
    left_anchors: Callable[[], Sequence[frozenset[str]]] | None = None,
    right_anchors: Callable[[], Sequence[frozenset[str]]] | None = None,
    max_merge: int = 2,
) -> list[Bead]:
    """Align two lists of units (paragraphs or sentences) monotonically; every index appears in one bead.

    The units' anchors may come from the caller (see :func:`align_texts`), as functions called
    only when anchors can change the outcome. When one unit faces one unit and the length cost
    alone decides (anchors move a cost by at most ``ANCHOR_BONUS`` down or 0.5 up), the bead's
    ``cost`` is that length cost, without the anchors. ``max_merge`` is the most units one side
    may give to a bead (2: the classic 2-1 and 1-2; sentences inside a paragraph use 4).
    """
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    if n == 1 and m == 1:  # one unit each side (most sentence-level calls): the two paths, without the search
        r = ratio if ratio is not None else max(0.05, len(right[0]) / max(1, len(left[0])))
        c = _pair_cost(len(left[0]), len(right[0]), r, frozenset(), frozenset())
        # anchors move the cost by at most ANCHOR_BONUS down or 0.5 up: only near the threshold do they decide
        if 2 * SKIP - 0.5 < c <= 2 * SKIP + ANCHOR_BONUS:
            la = left_anchors() if left_anchors is not None else [anchors(left[0])]
            ra = right_anchors() if right_anchors is not None else [anchors(right[0])]
            c = _pair_cost(len(left[0]), len(right[0]), r, la[0], ra[0])
        return [Bead((0,), (0,), c)] if c <= 2 * SKIP else [Bead((), (0,), SKIP), Bead((0,), (), SKIP)]  # as the search orders them
    la = left_anchors() if left_anchors is not None else [anchors(s) for s in left]
    ra = right_anchors() if right_anchors is not None else [anchors(s) for s in right]
    llens = [len(s) for s in left]
    rlens = [len(s) for s in right]
    if ratio is None:
        ratio = max(0.05, sum(rlens) / max(1, sum(llens)))
    # Only cells near the diagonal are searched (a band wide enough for every unpaired unit the
    # length difference implies), so alignment is linear in document length, not quadratic.
    width = BAND + abs(n - m)

    def band(i: int) -> range:
        centre = i * m // n
        return range(max(0, centre - width), min(m, centre + width) + 1)

    cost: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [{} for _ in range(n + 1)]
    cost[0][0] = 0.0
    moves = _moves(max_merge)
    for i in range(n + 1):
        row = cost[i]
        for j in band(i):
            here = row.get(j)
            if here is None:
                continue
            for di, dj in moves:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di == 0 or dj == 0:
                    c = SKIP
                else:
                    ll = sum(llens[i:ni]) + (di - 1)
                    rl = sum(rlens[j:nj]) + (dj - 1)
                    if di + dj > 2 and abs(math.log((rl + 1) / (max(1.0, ll * ratio) + 1))) > MERGE_SPREAD:
                        continue  # a merge or split whose lengths do not fit is no translation choice
                    lan = la[i] if di == 1 else frozenset().union(*la[i:ni])
                    ran = ra[j] if dj == 1 else frozenset().union(*ra[j:nj])
                    c = _pair_cost(ll, rl, ratio, lan, ran) + MERGE * (di + dj - 2)
                target = cost[ni]
                if here + c < target.get(nj, float("inf")):
                    target[nj] = here + c
                    back[ni][nj] = (i, j)
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), cost[i][j] - cost[pi][pj]))
        i, j = pi, pj
    beads.reverse()
    return beads


@dataclass(frozen=True)
class SentencePair:
    """Sentences of two sides that translate each other; either list may be empty (omission, addition)."""

    left: tuple[Block, ...]
    right: tuple[Block, ...]
    cost: float = 0.0  # the bead's cost: length disagreement less anchor agreement; low is sure
    skipped: bool = False  # right-side furniture (chrome, a repeat) kept out of the alignment


SENTENCE_MERGE = 4  # most sentences one side may give to a sentence bead (a long source sentence split in four)


def align_texts(
    left: Text, right: Text, ratio: float | None = None, skip_right: Collection[int] = ()
) -> list[SentencePair]:
    """Paragraphs first, then sentences inside each paragraph group (see the module docstring).

    ``ratio`` is the expected length of ``right`` over ``left`` for the language pair (the
    source profile's ``english_length``); without it the document's own ratio is used, which
    an omission of a whole sentence skews. Rules get an alignment through
    ``Context.alignment``, which computes it once per document for all of them.

    ``skip_right`` holds indices of ``right``'s paragraphs that are furniture (page chrome, a
    repeated paragraph): they are aligned with nothing, so they cannot pull the paragraphs
    around them out of step, and each comes back in its place as a pair with no left side,
    marked ``skipped``.
    """
    lp = left.paragraphs
    skip = {j for j in skip_right if 0 <= j < len(right.paragraphs)}
    rp = [p for p in right.paragraphs if p.index not in skip]
    if ratio is None:
        ratio = max(0.05, len(right.raw.strip()) / max(1, len(left.raw.strip())))
    pairs: list[SentencePair] = []
    lsents, rsents = _by_paragraph(left), _by_paragraph(right)
    beads = None if skip else _unit_beads(left, right)
    units = beads is not None
    if beads is None and len(lp) == len(rp) > 1:
        beads = _diagonal(left, right, lp, rp, ratio)
    if beads is None:
        found = align([left.slice(p) for p in lp], [right.slice(p) for p in rp], ratio, lambda: _anchors(left, lp), lambda: _anchors(right, rp))
        beads = [Bead(b.left, tuple(rp[j].index for j in b.right), b.cost) for b in found]
    pending = sorted(skip)

    def furniture(before: int) -> None:
        while pending and pending[0] < before:
            pairs.append(SentencePair((), tuple(rsents[pending.pop(0)]), skipped=True))

    for bead in beads:
        if bead.right:
            furniture(bead.right[0])
        ls = [s for i in bead.left for s in lsents[i]]
        rs = [s for j in bead.right for s in rsents[j]]
        if units and len(ls) == 1 and len(rs) == 1:  # a one-sentence unit translates its one-sentence source, whatever the lengths
            pairs.append(SentencePair((ls[0],), (rs[0],)))
            continue
        for sb in align(
            [left.slice(s) for s in ls],
            [right.slice(s) for s in rs],
            ratio,
            lambda: _anchors(left, ls),
            lambda: _anchors(right, rs),
            max_merge=SENTENCE_MERGE,
        ):
            pairs.append(SentencePair(tuple(ls[i] for i in sb.left), tuple(rs[j] for j in sb.right), sb.cost))
    furniture(len(right.paragraphs))
    return pairs


def _diagonal(left: Text, right: Text, lp: Sequence[Block], rp: Sequence[Block], ratio: float) -> list[Bead] | None:
    """Paragraph *i* with paragraph *i*, when both sides have as many paragraphs and no pairing is
    implausible (each cheaper than leaving both unpaired), else None.

    Translators keep an article's paragraphs; the search, which weighs the length noise of a short
    paragraph as much as a long one's, can otherwise trade two plausible 1-1 pairs for a 2-1 and a
    1-2 and shift every paragraph after them by one, each shifted one then an "addition".
    """
    beads = []
    for p, q in zip(lp, rp):
        c = _pair_cost(p.end - p.start, q.end - q.start, ratio, frozenset(), frozenset())
        if c > 2 * SKIP:
            return None
        beads.append(Bead((p.index,), (q.index,), c))
    return beads


def _unit_beads(left: Text, right: Text) -> list[Bead] | None:
    """Paragraphs grouped unit by unit when both texts come from the same units (``UnitText``), else None."""
    lb, rb = getattr(left.raw, "bounds", None), getattr(right.raw, "bounds", None)
    if lb is None or rb is None or len(lb) != len(rb):
        return None

    def groups(text: Text, bounds: tuple[tuple[int, int], ...]) -> list[tuple[int, ...]]:
        out: list[list[int]] = [[] for _ in bounds]
        k = 0
        for p in text.paragraphs:
            while k < len(bounds) and bounds[k][1] < p.end:
                k += 1
            if k < len(bounds):
                out[k].append(p.index)
        return [tuple(g) for g in out]

    return [Bead(ls, rs) for ls, rs in zip(groups(left, lb), groups(right, rb)) if ls or rs]


def _anchors(text: Text, blocks: Sequence[Block]) -> list[frozenset[str]]:
    return [text.anchors(b) for b in blocks]


def _by_paragraph(text: Text) -> list[list[Block]]:
    """Each paragraph's sentences, in one pass (sentences never cross a paragraph)."""
    out: list[list[Block]] = [[] for _ in text.paragraphs]
    k = 0
    for sent in text.sentences:
        while text.paragraphs[k].end < sent.end:
            k += 1
        out[k].append(sent)
    return out
