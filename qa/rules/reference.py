"""Checks against a human reference or a back-translation: drifting sentences, added words, dropped names, word salad.

The target is aligned to the reference sentence by sentence (``qa.align``);
a back-translation is aligned to the source. Scores are sacrebleu's sentence
chrF. A sentence is judged against the document's own level where the
document has enough sentences (a hard article is not all red), and against
an absolute floor that only an unrelated sentence falls under.
"""

from __future__ import annotations

import re
import statistics
from difflib import SequenceMatcher
from typing import Iterator

from rapidfuzz import fuzz

from qa.align import SentencePair
from qa.context import Context
from qa.languages.frequency import english
from qa.languages.names import NameTable
from qa.languages.transliteration import ascii_fold
from qa.metrics import sentence_chrf
from qa.model import Hit, Severity, Span
from qa.reference import names_in_source, source_names, source_of
from qa.registry import rule
from qa.text import Text, Token

# Calibrated on the dev half of the MQM data: the sentence chrF of the system segments the raters found error-free,
# and of the second human translation, against the Human-A translation of the same segment. A correct
# translation's chrF depends on its length (a short sentence swings widely), so the floor under which a
# sentence is doubtful is the 0.5-1% point of correct translations of its length: 642 error-free segments,
# 1 under these floors (5 under a flat 30), against 99 of 4,300 segments with a major accuracy error (106).
# A translation of another sentence (DEMETR) scores under 25 in 99% of cases.
UNRELATED = 25.0  # sentence chrF under which a pair of ten words or more does not translate the same sentence (major)
DOUBTFUL = ((10, 20.0), (20, 28.0), (40, 33.0), (None, 40.0))  # (words under, chrF floor): under it, minor
RELATIVE = 20.0  # points under the document's median chrF that make a sentence stand out (info: on the MQM dev
# half, 13 of 642 error-free segments stand out so, against 39 of 4,300 with a major accuracy error)
LOW = 35.0  # ... and only where the score is also as low as the lowest 3% of correct translations
SHORT = 10  # words under which a sentence's chrF is too unsteady for a major finding ("UN News Photo/Zhang Li")
MIN_PAIRS = 3  # sentences needed for a document level
SALAD_CONTENT = 5  # content words a sentence must share with its reference before its word order is judged
SALAD_SHARE = 0.6  # share of its words a sentence must share with the reference (a paraphrase shares fewer)


def _scored(left: Text, right: Text, ctx: Context) -> list[tuple[SentencePair, float]]:
    out = []
    for pair in ctx.alignment(left, right):
        if pair.left and pair.right:
            lt = " ".join(left.slice(b) for b in pair.left)
            rt = " ".join(right.slice(b) for b in pair.right)
            out.append((pair, sentence_chrf(lt, rt)))
    return out


def doubtful(words: int) -> float:
    """The chrF under which a sentence of this many words is lower than 99% of correct translations of its length."""
    return next(floor for under, floor in DOUBTFUL if under is None or words < under)


def _drift(left: Text, right: Text, side: str, other: str, ctx: Context) -> Iterator[Hit]:
    scored = _scored(left, right, ctx)
    median = statistics.median(s for _, s in scored) if len(scored) >= MIN_PAIRS else None
    for pair, score in scored:
        s, e = pair.left[0].start, pair.left[-1].end
        related = (Span(other, pair.right[0].start, pair.right[-1].end),)  # type: ignore[arg-type]
        words = len(_TOKEN.findall(left.raw[s:e]))
        if score < UNRELATED and words >= SHORT:
            yield Hit(s, e, f"chrF {score:.1f} against the {other.replace('_', '-')}: this does not translate the same sentence",
                      side=side, related=related)  # type: ignore[arg-type]
        elif score < doubtful(words):  # a short sentence's chrF swings widely: never major
            yield Hit(s, e, f"chrF {score:.1f} against the {other.replace('_', '-')}, lower than 99% of correct translations "
                      f"of {words} words: this may not translate the same sentence",
                      side=side, related=related, severity=Severity.MINOR)  # type: ignore[arg-type]
        elif median is not None and score < median - RELATIVE and score < LOW:
            yield Hit(s, e, f"chrF {score:.1f}, far below this document's median {median:.1f}: the sentence drifts from the {other}",
                      side=side, related=related, severity=Severity.INFO)  # type: ignore[arg-type]


def _comparison(target: Text, ctx: Context, reference: Text | None, source: Text | None) -> Text | None:
    """The English text to compare the target with: the reference, or a source already in the target language
    (an English original being checked against its edited or re-translated version)."""
    if reference is not None:
        return reference
    if source is not None and ctx.source_lang and ctx.source_lang.split("-")[0] == (ctx.target_lang or "en").split("-")[0]:
        return source
    return None


def _paired(target: Text, reference: Text, ctx: Context) -> Iterator[SentencePair]:
    """Aligned target/reference sentence groups with text on both sides (unpaired ones are other rules' business)."""
    return (p for p in ctx.alignment(target, reference) if p.left and p.right)


WIDE_COVER = 0.65  # share of a sentence's content words found in the reference that, with the two words on each
# side of a new word reading as in the reference (_wide), makes it stand out where the source cannot tell. On the
# MQM dev half: error-free segments with such a minor 6 (14 when a word flanked by single words at 80% cover also
# counted, 18 before any of this); DEMETR addition at minor+ 0.60 (0.61).

EVERYDAY = 5.7  # English Zipf frequency ("also", "still", "next", "again") of words a translator adds or drops freely:
# where the source cannot tell, such a word alone is info (5 of the 19 flanked words on MQM dev error-free segments)

_LATIN = re.compile(r"[a-z0-9]+")


def _source_words(ctx: Context, source: Text | None) -> tuple[frozenset[str], bool] | None:
    """The source's words in folded Latin letters, and whether its words can be compared with English at all.

    A Latin or Cyrillic source (transliterated) shares names, numbers and cognates with an English
    translation; a Chinese, Japanese or Hindi source shares only what it writes in Latin letters.
    None when there is no source, or the source is the reference itself (an English original)."""
    if source is None or ctx.document.reference is None:
        return None
    words = frozenset(_LATIN.findall(ascii_fold(ctx.source.to_latin(source.raw)).lower()))
    comparable = "LATIN" in ctx.source.scripts or ctx.source.transliteration is not None
    return words, comparable


def _in_source(word: str, words: frozenset[str]) -> bool:
    """Whether a source word carries this English word's letters: the word itself when short, else its
    first five letters, or its first four in a word much like it (case endings and cognates: "Merkelova",
    "atomique", "parlamentarnym")."""
    w = re.sub(r"[^a-z0-9]", "", ascii_fold(word).lower())
    if len(w) < 4:
        return w in words
    head = w[:5]
    return any(t.startswith(head) or (t[:4] == w[:4] and fuzz.ratio(t, w) >= 70) for t in words)


@rule("QA901", "reference-drift", "accuracy/mistranslation", "major")
def reference_drift(
    target: Text, ctx: Context, reference: Text | None = None, source: Text | None = None, back_translation: Text | None = None
) -> Iterator[Hit]:
    r"""A sentence whose chrF against the reference (or its back-translation's against the source) is near zero or far below the document's level.

    Why: a sentence that shares almost nothing with the reference translates
    something else (a shifted or hallucinated sentence); one far below the
    document's own level is where an editor should look first. Without a
    reference, a back-translation compared with the source finds the same
    sentences on the source side.

    Bad: The area is also home to a very wide range of animal and bird species.
    Reference: The Chinese Consulate General in Houston was established in 1979.
    Good: The Chinese consulate in Houston was founded in 1979.
    Reference: The Chinese Consulate General in Houston was established in 1979.

    Known limits: a free but correct translation scores low too. The
    thresholds come from how far correct translations of the same text
    differ (two human translations and ten systems per segment in the MQM
    data): only a sentence of ten words or more under chrF 25, where a
    translation of another sentence falls, is major; under the floor of
    correct translations of its length (20 under ten words, 28 under 20, 33
    under 40, else 40) it is minor; a sentence 20 points under the
    document's median and under 35 is info (correct translations stand out
    so as often as wrong ones), and needs at least three aligned sentences.
    A source in the target language (an English original) is used as the
    reference. Back-translation findings point into the back-translation.
    """
    other = _comparison(target, ctx, reference, source)
    if other is not None:
        yield from _drift(target, other, "target", "reference" if reference is not None else "source", ctx)
    elif back_translation is not None and source is not None:
        yield from _drift(back_translation, source, "back_translation", "source", ctx)


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _stem(w: str) -> str:
    return w[:5]


def _words(text: str, start: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text)]


GAP_MAX = 3  # target words of an unaligned gap short enough to read as an insertion
GAP_REF_MAX = 2  # reference words the same gap may have
GAP_NEW_MAX = 2  # new content words the gap may add
# With a source whose letters can be compared, a word of the gap is looked for in the source too, so a longer
# gap can be read: every new word of a gap with more new content words than the reference's side has content
# words the target lacks, and that the source lacks, is added ("ran in the opposite direction of" for "ran
# towards"). Sizes tuned on a quarter of DEMETR's published half (ids divisible by 4): recall grows up to about
# these sizes and no further.
WIDE_GAP = (16, 10, 5)  # (GAP_MAX, GAP_REF_MAX, GAP_NEW_MAX) where the source arbitrates

_POSSESSIVE = re.compile(r"['’]s?$")


def _key(w: str, function_words: frozenset[str]) -> str:
    """A function word as itself ("under" is not "understand"); another word as its 5-letter stem, possessive dropped."""
    return "_" + w if w in function_words else _stem(_POSSESSIVE.sub("", w))


def _flanked(tk: list[str], rk: list[str]) -> list[int]:
    """Target words absent from the reference whose two neighbours stand side by side in it."""
    rset = set(rk)
    adjacent = set(zip(rk, rk[1:]))
    return [j for j in range(1, len(tk) - 1) if tk[j] not in rset and (tk[j - 1], tk[j + 1]) in adjacent]


def _wide(tk: list[str], rk: list[str], flanked: set[int]) -> set[int]:
    """Flanked words whose two neighbours on each side stand together in the reference: the four words around the
    word read as in the reference, so the sentence follows the reference there and the word is inserted into it."""
    fours = set(zip(rk, rk[1:], rk[2:], rk[3:]))
    return {j for j in flanked if 2 <= j < len(tk) - 2 and (tk[j - 2], tk[j - 1], tk[j + 1], tk[j + 2]) in fours}


def _gaps(tk: list[str], rk: list[str], content: list[bool]) -> Iterator[tuple[int, int, int, int]]:
    """Unaligned stretches (target j1:j2, reference i1:i2) between anchors of the word alignment.

    An anchor is a run of equal words with a content word in it or at least two words: a lone
    "the" or "of" matched across the sentence anchors nothing.
    """
    ops = SequenceMatcher(None, tk, rk, autojunk=False).get_opcodes()
    anchors = [(a1, a2, b1, b2) for op, a1, a2, b1, b2 in ops if op == "equal" and (a2 - a1 >= 2 or any(content[a1:a2]))]
    bounds = [(0, 0, 0, 0), *anchors, (len(tk), len(tk), len(rk), len(rk))]
    for a, b in zip(bounds, bounds[1:]):
        if b[0] > a[1]:
            yield a[1], b[0], a[3], b[2]


def _judged(text: str, run: list[int], flanked: set[int], cover: float,
            src: tuple[frozenset[str], bool] | None, wide: frozenset[int] | set[int] = frozenset()) -> tuple[str, Severity] | None:
    """The message and severity of a word the reference lacks, with the source as the arbiter (None: not an addition)."""
    if src is None:  # the reference is the only evidence
        return f"{text!r} is not in the reference, which has nothing in its place", Severity.MINOR
    words, comparable = src
    if comparable:
        if all(_in_source(w, words) for w in re.findall(r"[^\W_]+", text)):
            return None  # the source has it: a word the reference left out, not one the translation added
        return f"{text!r} is in neither the reference nor the source", Severity.MINOR
    # a source whose words cannot be compared: only a word inserted between two pairs of words that read as
    # in the reference, in a sentence that otherwise follows the reference, is evidence enough
    everyday = all(english(w) >= EVERYDAY for w in re.findall(r"[^\W_]+", text.lower()))
    if not everyday and cover >= WIDE_COVER and any(k in wide for k in run):
        return f"{text!r} is not in the reference, whose two words on either side of it stand together", Severity.MINOR
    return f"{text!r} is not in the reference, which has nothing in its place (the source cannot tell)", Severity.INFO


@rule("QA903", "reference-addition", "accuracy/addition", "minor")
def reference_addition(target: Text, ctx: Context, reference: Text | None = None, source: Text | None = None) -> Iterator[Hit]:
    r"""A content word the reference sentence lacks, where the reference has nothing in its place.

    Why: MT (and a careless edit) adds words that change the meaning:
    "the southern United States", "will not be early closed", "has happily
    reported". The target sentence is aligned word by word to its reference
    sentence (5-letter stems). A content word found nowhere in the reference
    sentence is reported when its two neighbours stand side by side in the
    reference, or when it borders an aligned stretch in a short unaligned gap
    (at most three target and two reference words) that adds more new
    content words than the reference's side of the gap has content words the
    target lacks. A gap where both sides differ is a paraphrase or a
    substitution, not an addition.

    Bad: It is the first Chinese consulate in the southern United States.
    Reference: It was the first Chinese consulate opened in the United States.
    Bad: The minister has happily resigned on Monday.
    Reference: The minister resigned on Monday.
    Good: It is the first Chinese consulate in the United States.
    Reference: It was the first Chinese consulate opened in the United States.
    Good: The minister quit on Monday.
    Reference: The minister resigned on Monday.

    Known limits: function words (the target profile's ``function_words.txt``),
    numbers and single letters are never reported, nor a word the reference
    has in another form (the same first four letters and much alike, or one
    the start of the other: "dietary" and "diets", "newspaper" and "News").
    Capitalised words inside a sentence are names, which QA802 compares with
    the source, unless the source's letters can be compared. A legitimate
    explicitation ("PBS television special") is reported too, hence minor.
    An insertion into a stretch the translator rewrote or reordered is
    missed (the word alignment is greedy, so "rabbits and antelopes to huge
    deer" against "rabbits to antelopes and deer" can hide "huge"); a
    synonym the stems do not match ("nearly" where the reference's "almost"
    stands a few words away) can be reported.

    The source arbitrates (the reference is one translation among many): a
    word whose letters a Latin or Cyrillic source has (a cognate, a name) is
    not reported, and one it lacks is minor. With such a source a longer gap
    is read (up to sixteen target and ten reference words), and each new
    word of it is reported, not only those at its edges ("ran in the
    opposite direction of" for "ran towards"). A Chinese, Japanese or Hindi
    source cannot show a word's counterpart, so there a word is minor only
    where the two words on each side of it read as in the reference (the
    word is inserted into a stretch that follows the reference), in a
    sentence whose content words the reference has at least 65% of, and only
    when it is rarer than "also", "still" or "next"; else info (on the MQM
    data's dev half, correct translations against another human translation
    draw new words in about one sentence in four, and most words flanked by
    single words translate a word the reference left out).
    """
    reference = _comparison(target, ctx, reference, source)  # type: ignore[assignment]
    if reference is None:
        return
    function_words = ctx.target.words("function_words.txt")
    src = _source_words(ctx, source)
    names_comparable = src is not None and src[1]  # a capitalised word can be looked for in the source
    for pair in _paired(target, reference, ctx):
        tw: list[tuple[str, int, int]] = []
        initial: set[int] = set()  # sentence-initial words, capitalised without being names
        for b in pair.left:
            initial.add(len(tw))
            tw.extend(_words(target.slice(b), b.start))
        rw = [w for b in pair.right for w in _words(reference.slice(b))]
        tk, rk = [_key(w, function_words) for w, _, _ in tw], [_key(w, function_words) for w, _, _ in rw]
        rset, tset = set(rk), set(tk)
        r_index = _Index([w for w, _, _ in rw])
        t_content = [w not in function_words and not any(c.isdigit() for c in w) for w, _, _ in tw]
        r_content = [w not in function_words and not any(c.isdigit() for c in w) for w, _, _ in rw]
        # a capitalised word inside a sentence is a name, which QA802 compares with the source; with a source
        # whose letters can be compared, a name that neither the reference nor the source has is added too
        r_words = [w for w, _, _ in rw]
        new = [t_content[j] and tk[j] not in rset and len(tw[j][0]) >= 2 and not r_index.has(tw[j][0])
               and (j in initial or not target.raw[tw[j][1]].isupper() or (names_comparable and _added_name(target.raw[tw[j][1]:tw[j][2]], r_words)))
               for j in range(len(tw))]
        t_index = _Index([w for w, _, _ in tw])
        missing = [r_content[i] and rk[i] not in tset and not t_index.has(rw[i][0]) for i in range(len(rw))]
        flanked = {j for j in _flanked(tk, rk) if new[j]}
        added = set(flanked)
        gap_max, gap_ref_max, gap_new_max = WIDE_GAP if names_comparable else (GAP_MAX, GAP_REF_MAX, GAP_NEW_MAX)
        for j1, j2, i1, i2 in _gaps(tk, rk, t_content):
            if j2 - j1 > gap_max or i2 - i1 > gap_ref_max:
                continue
            extra = [j for j in range(j1, j2) if new[j]]
            # "well-known" is one word added, not two
            count = sum(1 for j in extra if not (j - 1 in extra and target.raw[tw[j - 1][2] : tw[j][1]] == "-"))
            if extra and len(extra) <= gap_new_max and count > sum(missing[i1:i2]):
                added |= {j for j in extra if names_comparable or (j == j1 and j1 > 0) or (j == j2 - 1 and j2 < len(tw))}
        cover = sum(1 for j in range(len(tw)) if t_content[j] and tk[j] in rset) / max(1, sum(t_content))
        run: list[int] = []
        wide = _wide(tk, rk, flanked) if added else set()
        for j in [*sorted(added), None]:
            if run and (j is None or j != run[-1] + 1):
                s, e = tw[run[0]][1], tw[run[-1]][2]
                hit = _judged(target.raw[s:e], run, flanked, cover, src, wide)
                if hit is not None:
                    yield Hit(s, e, hit[0], severity=hit[1])
                run = []
            if j is not None:
                run.append(j)


def _added_name(word: str, r_words: list[str]) -> bool:
    """Whether a capitalised word may be an added name: not an acronym ("TV" for "television", "EPL"), and no
    other spelling of a reference word ("Mikhail" for "Mihhail")."""
    return not word.isupper() and not any(fuzz.ratio(word.lower(), w) >= 75 for w in r_words if len(w) >= 4)


class _Index:
    """A sentence's words, for asking whether another word is a form of one of them: the same first four letters
    and much alike ("dietary" and "diets"), or one the start of the other ("newspaper" and "news")."""

    def __init__(self, words: list[str]) -> None:
        self.by_head: dict[str, list[str]] = {}
        for w in words:
            w = _POSSESSIVE.sub("", w)
            if len(w) >= 4:
                self.by_head.setdefault(w[:4], []).append(w)

    def has(self, word: str) -> bool:
        w = _POSSESSIVE.sub("", word)
        if len(w) < 4:
            return False
        return any(fuzz.ratio(o, w) >= FORM_LIKENESS or w.startswith(o) or o.startswith(w) for o in self.by_head.get(w[:4], ()))


FORM_LIKENESS = 65  # rapidfuzz ratio of two words with the same first four letters that makes them forms of one word
# ("dietary" and "diets" score 67; on the MQM dev half, 70 left four error-free segments flagged that 65 clears)


def _variant(key: str, words: list[str]) -> bool:
    """Whether a word of the translation is another form of a name ("Iranian" for "Iran", "Anan" for "Annan")."""
    return any(w[:4] == key[:4] or (len(w) >= 4 and fuzz.ratio(w, key) >= 75) for w in words if len(w) >= 3) if len(key) >= 4 else False


@rule("QA904", "reference-name-missing", "accuracy/omission", "minor")
def reference_name_missing(target: Text, ctx: Context, reference: Text | None = None, source: Text | None = None) -> Iterator[Hit]:
    r"""A name or acronym of the reference sentence that the aligned translated sentence lacks.

    Why: a dropped name ("The redistributes the House's seats") loses who did
    what; the reference, in English too, names the entity exactly.

    Bad: At 15:50 on July 24, the police received a report.
    Reference: At 15:50 on July 24, Arun Banner Police received a call.
    Good: At 15:50 on July 24, Arun Banner Public Security Bureau received a report.
    Reference: At 15:50 on July 24, Arun Banner Police received a call.

    Known limits: a name the translator rendered differently (an exonym, a
    full form for an acronym) is reported; sentence-initial words that are
    common English words are not taken for names. A name whose other form
    the sentence has ("Iranian" for "Iran", a misspelt "Harmann"), and a
    common word of a title whose capitalised neighbour the sentence has
    ("Embassy" of "Chinese Embassy" beside "Chinese ambassador", "Tennis" of
    "China Tennis Open"), are info: the name was rendered, not dropped. Each
    part of a hyphenated name counts ("Sino-Canada" beside "China-Canada").

    The source arbitrates: with a source, the name is minor only when the
    source has its letters too (a Latin source, or a Cyrillic one
    transliterated: "Merkelová", "Путин"), or when the source language's
    names table (CLDR and GeoNames) knows the name and finds it in the
    aligned source sentence ("Canada" and 加拿大); a name the table knows and
    the source sentence lacks is the reference's own explicitation: info.
    Else info. A Chinese, Japanese or
    Hindi source shows names only in Latin letters, so there a name is minor
    also when the sentence has no form of it ("Iranian" for "Iran", "Anan"
    for "Annan"), names fewer things than the reference sentence, and the
    name is not an acronym or a code ("US", "CPC", "USD11" are often spelled
    out).
    """
    src = _source_words(ctx, source)
    reference = _comparison(target, ctx, reference, source)  # type: ignore[assignment]
    if reference is None:
        return
    table = names_in_source(ctx, src[1]) if src is not None else None
    capitalised = target.runs_of(lambda tok: tok.text[:1].isupper()) if table is not None else []
    for pair in _paired(target, reference, ctx):
        t_text = " ".join(target.slice(b) for b in pair.left)
        folded = " " + re.sub(r"[.]", "", ascii_fold(t_text).lower()) + " "
        t_stems = {_stem(w) for w, _, _ in _words(folded)}
        t_words = [w for w, _, _ in _words(folded)]
        t_runs = [r for r in target.name_runs if pair.left[0].start <= r[0].start < pair.left[-1].end]
        runs = [r for r in reference.name_runs if pair.right[0].start <= r[0].start < pair.right[-1].end]
        t_ids = _entities(table, target, capitalised, pair.left[0].start, pair.left[-1].end) if table is not None else set()
        t_word_set = set(t_words)
        pair_source: list[str] = []  # the aligned source text, read once a name needs it
        for m in re.finditer(r"\b(?:[A-Z]\.){2,}", reference.raw[pair.right[0].start : pair.right[-1].end]):
            runs.append([Token(pair.right[0].start + m.start(), pair.right[0].start + m.end(), m.group())])
        for run in runs:
            keys = [re.sub(r"[.]", "", ascii_fold(t.text).lower()) for t in run]
            keys = [k for k in keys if len(k) >= 2]
            if not keys:
                continue
            # "Sino-Canada" is there when "Canada" is: each part of a hyphenated name is looked for too
            parts = keys + [p for k in keys if "-" in k for p in k.split("-") if len(p) >= 3]
            if any(re.search(rf"(?<![\w]){re.escape(k)}(?![\w])", folded) or (len(k) >= 5 and _stem(k) in t_stems) for k in parts):
                continue
            s, e = run[0].start, run[-1].end
            if table is not None and table.english_ids(reference.raw[s:e]) & t_ids:
                continue  # the sentence names the same entity otherwise ("United States" for "US")
            severity, why = Severity.MINOR, ""
            titled = _title_word(run, reference, t_word_set)
            if titled is not None:  # "Embassy" of "Chinese Embassy", "Tennis" of "China Tennis Open"
                severity, why = Severity.INFO, f" (a common word of a title whose {titled!r} this sentence has: a rendering, not a dropped name)"
            elif any(_variant(k, t_words) for k in keys):  # "Iranian" for "Iran", "Harmann" for "Hartmann"
                severity, why = Severity.INFO, " (the sentence has another form of it)"
            elif src is not None:  # the source arbitrates: the name is missing only when the source has it too
                if table is not None and source is not None and not pair_source:
                    pair_source.append(source_of(source, target, pair.left[0].start, pair.left[-1].end, ctx))
                known = None if table is None or source is None else source_names(
                    table, reference.raw[s:e], pair_source[0], ctx, src[1])
                if any(_in_source(k, src[0]) for k in keys):
                    why = " (the source has it too)"
                elif known is not None:  # a country, city, language, day or month the names table knows
                    severity, why = ((Severity.MINOR, " (the source names it too)") if known
                                     else (Severity.INFO, " (the source does not name it either)"))
                elif (not src[1] and len(t_runs) < len(runs)
                      and not all(t.text.isupper() or any(c.isdigit() for c in t.text) for t in run)):
                    # (an acronym or a code is often spelled out or dropped in a correct translation: "US", "CPC", "RMB")
                    # a source that cannot show it: the name is gone in every form, and the sentence names fewer things
                    why = " (in no form, and this sentence names fewer things than the reference)"
                else:
                    severity, why = Severity.INFO, " (the source does not show it in letters that can be compared)"
            yield Hit(pair.left[0].start, pair.left[-1].end, f"{reference.raw[s:e]!r} of the reference is missing here{why}",
                      related=(Span("reference" if ctx.document.reference is not None else "source", s, e),), severity=severity)


def _entities(table: NameTable, text: Text, capitalised: list[list[Token]], start: int, end: int) -> set[str]:
    """The entities the names table knows among the capitalised phrases (``capitalised``: the text's runs of
    capitalised words) of text[start:end] ("United States", "UN"): every stretch of up to four capitalised
    words is looked up, common words included."""
    out: set[str] = set()
    for run in capitalised:
        if not (start <= run[0].start < end):
            continue
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 4) + 1):
                out |= table.english_ids(text.raw[run[i].start : run[j - 1].end])
    return out


COMMON = 3.0  # Zipf frequency of the lower-case form above which a capitalised word of a title is a common word


def _title_word(run: list[Token], reference: Text, t_words: set[str]) -> str | None:
    """For a one-word name that is a common English word ("Embassy", "Tennis", "Vice", "Waste"), the capitalised
    neighbour in the reference that the translated sentence has ("Chinese" of "Chinese Embassy"), or None.

    The title's distinctive word is there; its common word was rendered another way ("Chinese ambassador",
    "China Open", "deputy general manager"): the name was translated, not dropped."""
    if len(run) != 1 or run[0].text.isupper() or english(run[0].text.lower()) < COMMON:
        return None
    tok = run[0]
    before = reference.tokens_in(max(0, tok.start - 40), tok.start)
    after = reference.tokens_in(tok.end, tok.end + 40)
    near = ([before[-1]] if before and reference.raw[before[-1].end : tok.start] in (" ", "-") else []) + \
           ([after[0]] if after and reference.raw[tok.end : after[0].start] in (" ", "-") else [])
    for n in near:
        if n.text[:1].isupper() and ascii_fold(n.text).lower() in t_words:
            return n.text
    return None


@rule("QA905", "scrambled-word-order", "fluency/grammar", "major")
def scrambled_word_order(target: Text, ctx: Context, reference: Text | None = None, source: Text | None = None) -> Iterator[Hit]:
    r"""The sentence's words match the reference, but their order does not: word salad.

    Why: a broken decoder or a re-ordering bug leaves the right words in a
    random order; shared words with almost no shared word pairs is the
    fingerprint of that, and no free translation has it.

    Bad: Swell, warnings medium-sized caused to heavy two rain local issued the rivers the has small in and 71 area Chongqing and flood.
    Reference: Heavy rain caused 71 small and medium-sized rivers in Chongqing to rise, causing the local authority to issue two flood warnings.
    Good: The heavy rain caused 71 small and medium-sized rivers in Chongqing to swell, and the local area has issued two flood warnings.
    Reference: Heavy rain caused 71 small and medium-sized rivers in Chongqing to rise, causing the local authority to issue two flood warnings.

    Known limits: needs at least five content words (not "the", "of",
    "was") shared with the reference sentence, and half of the sentence's
    words found in it (60%): a free translation shares single words but few pairs,
    and is not word salad. A translation that reorders whole clauses keeps
    its word pairs and is not reported.
    """
    reference = _comparison(target, ctx, reference, source)  # type: ignore[assignment]
    if reference is None:
        return
    function_words = ctx.target.words("function_words.txt")
    for pair in _paired(target, reference, ctx):
        t = [w for w, _, _ in _words(" ".join(target.slice(b) for b in pair.left))]
        r = [w for w, _, _ in _words(" ".join(reference.slice(b) for b in pair.right))]
        rset = set(r)
        shared = sum(1 for w in t if w in rset)
        # "the", "of" and "was" are shared by any two English sentences: salad needs shared content words
        if sum(1 for w in t if w in rset and w not in function_words) < SALAD_CONTENT:
            continue
        p1 = shared / len(t)
        if p1 < SALAD_SHARE:  # a free translation shares few words; a shuffled one keeps them all
            continue
        rbig = set(zip(r, r[1:]))
        tbig = list(zip(t, t[1:]))
        p2 = sum(1 for b in tbig if b in rbig) / max(1, len(tbig))
        if p2 / p1 < 0.25:
            yield Hit(pair.left[0].start, pair.left[-1].end,
                      f"{shared} words match the reference but only {p2:.0%} of word pairs do: the word order is scrambled")


