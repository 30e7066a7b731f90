"""Meaning against a reference: a translated word whose opposite stands in the reference sentence instead.

"Light rain" where the reference says "heavy rain" claims the opposite, yet
shares all but one word with it, so every surface metric scores it as nearly
perfect. Which words are opposites comes from WordNet's antonyms
(``antonyms.tsv`` beside a language's profile, built by
``scripts/build_antonyms.py``); the sentence pairs are those QA906 compares
(``ctx.alignment``), and its negation cues (``qa.rules.meaning``) tell a
swap from a paraphrase that negates the opposite ("failed" for "did not
succeed").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from qa.context import Context
from qa.languages import Profile
from qa.model import Hit, Severity, Span
from qa.registry import rule
from qa.resources import read_table
from qa.rules.meaning import Negation, negation
from qa.text import Block, Text, Token

# parts of speech of the table's lemmas: WordNet's n, v, a (adjective), r (adverb)
_NOUN, _VERB, _ADJ, _ADV = "n", "v", "a", "r"
_VOWELS = frozenset("aeiou")
CONTEXT = 2  # words either side of a swapped word that may show it stands where the reference's opposite does


@dataclass(frozen=True, eq=False)
class Antonyms:
    """A language's antonym table: lemma -> its opposites, its parts of speech, and irregular form -> lemmas."""

    opposites: dict[str, frozenset[str]]
    pos: dict[str, frozenset[str]]
    irregular: dict[str, frozenset[str]]
    english: bool = False  # read regular English inflections (-s, -ed, -ing, -er, -est) too

    @lru_cache(maxsize=65536)  # noqa: B019  (one table per language, kept for the process)
    def lemmas(self, word: str) -> frozenset[str]:
        """The table's lemmas a word may be a form of ("heavier" -> heavy, "left" -> left and leave)."""
        w = word.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out = {w} if w in self.opposites else set()
        out |= self.irregular.get(w, frozenset())
        if self.english:
            out |= {lemma for lemma, pos in _english_stems(w) if pos in self.pos.get(lemma, ())}
        return frozenset(out)


def _english_stems(w: str) -> Iterator[tuple[str, str]]:
    """(stem, part of speech) pairs a regular English inflection of ``w`` may come from: an adjective is
    never plural, a noun never compared, so each suffix proposes only the parts of speech that take it."""
    n = len(w)
    if n > 3 and w.endswith("s") and not w.endswith("ss"):
        for pos in (_NOUN, _VERB):
            yield w[:-1], pos
            if w.endswith("es"):
                yield w[:-2], pos
            if w.endswith("ies"):
                yield w[:-3] + "y", pos
    if n > 4 and w.endswith("ed"):
        stem = w[:-2]
        yield from ((s, _VERB) for s in (stem, w[:-1], stem[:-1] + "y" if stem.endswith("i") else stem))
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            yield stem[:-1], _VERB
    if n > 5 and w.endswith("ing"):
        stem = w[:-3]
        yield from ((s, _VERB) for s in (stem, stem + "e"))
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            yield stem[:-1], _VERB
        if stem.endswith("y"):
            yield stem[:-1] + "ie", _VERB
    for suffix in ("er", "est"):
        if n > len(suffix) + 2 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            for pos in (_ADJ, _ADV):
                yield stem, pos
                yield stem + "e", pos  # larger -> large
                if stem.endswith("i"):
                    yield stem[:-1] + "y", pos  # happier -> happy
                if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                    yield stem[:-1], pos  # bigger -> big


@lru_cache(maxsize=None)
def antonyms(lang: Profile) -> Antonyms | None:
    """The profile's antonym table, or None when its folder has no ``antonyms.tsv``."""
    path = lang.data_file("antonyms.tsv")
    if path is None:
        return None
    opposites: dict[str, set[str]] = {}
    pos: dict[str, set[str]] = {}
    irregular: dict[str, set[str]] = {}
    for lemma, p, opp, forms in read_table(path, 4):
        opposites.setdefault(lemma, set()).update(opp.split("|"))
        pos.setdefault(lemma, set()).add(p)
        for form in filter(None, forms.split("|")):
            irregular.setdefault(form, set()).add(lemma)
    return Antonyms(
        opposites={k: frozenset(v) for k, v in opposites.items()},
        pos={k: frozenset(v) for k, v in pos.items()},
        irregular={k: frozenset(v) for k, v in irregular.items()},
        english=lang.code == "en",
    )


@dataclass(frozen=True)
class Swap:
    """A word of the left side whose opposite the aligned right-hand sentences hold in its place."""

    token: Token
    lemma: str
    opposite: str
    opposite_tokens: tuple[Token, ...]
    context: bool  # a neighbouring word is shared with one of the opposite's, so it stands in the same place


def _words(text: Text, blocks: tuple[Block, ...]) -> tuple[list[Token], list[bool]]:
    """The words of some sentences, and whether each may be a swapped word: not a capitalised word
    inside a sentence, which is a name's ("New York", "Little Rock")."""
    toks: list[Token] = []
    common: list[bool] = []
    for b in blocks:
        for k, tok in enumerate(text.tokens_in(b.start, b.end)):
            toks.append(tok)
            common.append(k == 0 or not tok.text[:1].isupper())
    return toks, common


def _neighbours(toks: list[Token], i: int, skip: frozenset[str]) -> set[str]:
    """The nearest ``CONTEXT`` content words either side of word ``i`` ("the" and "and" place nothing),
    hyphenated words split ("medium-sized" meets "medium sized")."""
    def parts(ts: Iterator[Token]) -> list[str]:
        out: list[str] = []
        for t in ts:
            out += [w for w in re.split(r"[-‐]", t.text.lower()) if w and w not in skip]
            if len(out) >= CONTEXT:
                break
        return out[:CONTEXT]

    return set(parts(reversed(toks[:i]))) | set(parts(iter(toks[i + 1:])))


def _frame(toks: list[Token], i: int) -> tuple[str, str] | None:
    """The words just before and after word ``i`` ("how _ the"), or None at an edge."""
    if i == 0 or i + 1 >= len(toks):
        return None
    return toks[i - 1].text.lower(), toks[i + 1].text.lower()


def _same_place(lt: list[Token], i: int, rt: list[Token], j: int, skip: frozenset[str]) -> bool:
    """Word ``i`` of the left stands where word ``j`` of the right does: a content word near both, or the
    same word on each side of both ("how small the" against "how large the")."""
    frame = _frame(lt, i)
    return bool(_neighbours(lt, i, skip) & _neighbours(rt, j, skip)) or (frame is not None and frame == _frame(rt, j))


STEM = 4  # shortest word that counts as another's stem ("south" in "southern")


def _forms(toks: list[Token]) -> frozenset[str]:
    return frozenset(t.text.lower() for t in toks)


def _has_form(forms: frozenset[str], lemma: str, table: Antonyms) -> bool:
    """A word of the other side is the lemma in a derived form, one beginning with the other ("north" and
    "northern", "prosecutor" and "prosecution"): then the lemma is not missing there. (Its inflections
    are counted as the lemma already.)"""
    for form in forms:
        if lemma in table.lemmas(form):
            continue
        short, long = sorted((form, lemma), key=len)
        if len(short) >= STEM and long.startswith(short):
            return True
    return False


def swaps(left: Text, right: Text, table: Antonyms, cues: Negation | None, skip: frozenset[str],
          ctx: Context) -> Iterator[tuple[Swap, tuple[int, int]]]:
    """The antonym swaps of each aligned sentence group, with the right-hand group's span.

    A left word with lemma ``w`` and opposite ``a`` is a swap when the left group has more ``w`` than
    the right and the right more ``a`` than the left: a swap is one word put for the other, which
    counting sees even when both stand in the sentence ("close wider" against "close ... open wider").
    A word the other side has in a derived form is not missing there ("northern" against "north").
    A group pair whose negation counts differ in parity is skipped: "failed" for "did not succeed"
    negates the opposite and means the same.
    """
    for pair in ctx.alignment(left, right):
        if not (pair.left and pair.right):
            continue
        ls, le = pair.left[0].start, pair.left[-1].end
        rs, re_ = pair.right[0].start, pair.right[-1].end
        if cues is not None and (len(cues.cues(left.raw[ls:le])) - len(cues.cues(right.raw[rs:re_]))) % 2:
            continue
        (lt, l_ok), (rt, r_ok) = _words(left, pair.left), _words(right, pair.right)
        l_lemmas = [table.lemmas(t.text) if ok else frozenset() for t, ok in zip(lt, l_ok)]
        r_lemmas = [table.lemmas(t.text) if ok else frozenset() for t, ok in zip(rt, r_ok)]
        lc = Counter(x for ls_ in l_lemmas for x in ls_)
        negators = cues.words if cues is not None else frozenset()
        rc = Counter(x for rs_ in r_lemmas for x in rs_)
        l_forms, r_forms = _forms(lt), _forms(rt)
        found: list[Swap] = []
        for i, (tok, lemmas) in enumerate(zip(lt, l_lemmas)):
            for w in lemmas:
                if lc[w] <= rc[w] or w in negators or _has_form(r_forms, w, table):
                    continue
                for a in table.opposites.get(w, ()):
                    if rc[a] <= lc[a] or a in negators or _has_form(l_forms, a, table):
                        continue
                    where = [j for j, r in enumerate(r_lemmas) if a in r]
                    context = any(_same_place(lt, i, rt, j, skip) for j in where)
                    found.append(Swap(tok, w, a, tuple(rt[j] for j in where), context))
        # each surplus word and each surplus opposite makes one swap; those in the same place first
        more_left, more_right = lc - rc, rc - lc
        taken: set[Token] = set()
        for swap in sorted(found, key=lambda s: (not s.context, s.token.start, s.lemma, s.opposite)):
            if swap.token in taken or more_left[swap.lemma] <= 0 or more_right[swap.opposite] <= 0:
                continue
            taken.add(swap.token)
            more_left[swap.lemma] -= 1
            more_right[swap.opposite] -= 1
            yield swap, (rs, re_)


@rule("QA907", "antonym-swap", "accuracy/mistranslation", "minor")
def antonym_swap(target: Text, ctx: Context, reference: Text | None = None, source: Text | None = None,
                 back_translation: Text | None = None) -> Iterator[Hit]:
    r"""A word whose opposite (WordNet's antonym) stands in the reference sentence instead: "light rain" for "heavy rain".

    Why: an antonym swapped in keeps every other word of the sentence, so a
    surface metric barely notices, yet the sentence now claims the opposite.
    With a reference, each aligned sentence is searched for a word that has
    more occurrences than in the reference sentence while one of its WordNet
    antonyms has fewer. A name's words ("New York") and negation words
    (QA906's business) are left out. With a back-translation and no
    reference, the same comparison runs between the back-translation and the
    source where the source language has an antonym table. The finding is
    minor when a content word near the swapped one (two either side), or the
    word on each side of it, is also near its opposite in the reference, so
    the two stand in the same place; otherwise the reference may say the
    same thing another way ("rights" against "left") and it is info.

    Bad: The light rain caused the rivers to swell.
    Reference: Heavy rain caused rivers to swell.
    Bad: The factory closed in 1979 and employed 300 people.
    Reference: The factory opened in 1979 and employed 300 people.
    Good: The heavy rain caused the rivers to swell.
    Reference: Heavy rain caused rivers to swell.
    Good: The talks failed on Monday.
    Reference: The talks did not succeed on Monday.
    Good: The shop was open in the morning and closed at noon.
    Reference: The shop was closed at noon, though open in the morning.

    Known limits: WordNet's antonyms are sense-blind here ("right" is the
    opposite of "left" and of "wrong"); only its antonym pairs, their
    synonyms and its indirect antonyms in common senses count, so
    "insignificant" against "huge" is missed, and so is an opposite the
    reference paraphrases. A paraphrase that puts an opposite in the same
    place ("come to the hospital" for "go to the hospital") is reported. No
    antonym table ships for a source language yet (WordNet is English), so
    back-translations are not compared today.
    """
    if reference is not None:
        table = antonyms(ctx.target)
        if table is None:
            return
        for swap, (rs, re_) in swaps(target, reference, table, negation(ctx.target), ctx.target.words("function_words.txt"), ctx):
            yield _hit(swap, "the reference", "reference", (rs, re_), "")
        return
    table = antonyms(ctx.source)
    if back_translation is not None and source is not None and table is not None:
        for swap, (ss, se) in swaps(back_translation, source, table, negation(ctx.source), ctx.source.words("function_words.txt"), ctx):
            yield _hit(swap, "the source", "source", (ss, se), "back_translation")


def _hit(swap: Swap, where: str, side: str, span: tuple[int, int], own_side: str) -> Hit:
    opp = swap.opposite_tokens[0].text if swap.opposite_tokens else swap.opposite
    how = "in the same place" if swap.context else "elsewhere in the sentence, so it may be a paraphrase"
    return Hit(swap.token.start, swap.token.end,
               f"\"{swap.token.text}\" where {where} has its opposite \"{opp}\" ({how}): the meaning may be reversed",
               side=own_side or "target", related=(Span(side, *span),),
               severity=Severity.MINOR if swap.context else Severity.INFO)
