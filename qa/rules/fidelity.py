"""Fidelity to the source: numbers, names, links, words copied from the source, omitted and added sentences.

Every rule here needs the source. Spans point into the target; related spans
point at the source. Whole-text non-translation (empty, identical to the
source, all in the source language) is QA001/QA002's job and is not repeated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from qa.align import SentencePair, align_texts
from qa.context import Context
from qa.languages.frequency import english, zipf
from qa.languages.transliteration import ascii_fold, has_cyrillic
from qa.model import Hit, Severity, Span
from qa.numbers import explained, source_numbers, target_numbers
from qa.registry import rule
from qa.rules.duplicates import duplicate_paragraph, near_duplicate_paragraph
from qa.text import LINK, Block, Text, Token, may_link


def _target_lang(ctx: Context) -> str:
    return (ctx.target_lang or "en").split("-")[0]


@rule("QA801", "number-mismatch", "accuracy/mistranslation", "minor")
def number_mismatch(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A number (or a date's month) in the translation that no reading of the source gives.

    Why: a changed figure ("17,000 tunnels" for 1.7万, "nine days" for
    three) is the costliest error in news: it is believable. Numbers are read
    in each side's locale, so Serbian ``1.000,5`` is English ``1,000.5``, ``2022.``
    is the year 2022, ``15. avgusta`` is ``August 15``, ``dvije`` is ``two`` and
    ``1.7万`` is ``17,000``.

    Bad: The fund paid out 1,500.5 dinars on August 15.
    Source: Fond je isplatio 1.000,5 dinara 15. avgusta.
    Bad: The talks lasted nine days.
    Source: Pregovori su trajali tri dana.
    Good: The fund paid out 1,000.5 dinars on August 15, 2022.
    Source: Fond je isplatio 1.000,5 dinara 15. avgusta 2022.
    Good: Two ministers met 17,000 protesters.
    Source: Dvije ministrice sastale su se s 1,7 tisuća prosvjednika.

    Known limits: a number the translator computed (a sum, a unit
    conversion such as miles to kilometres, a spelled-out age) is reported,
    so a mismatch is minor; a changed year (the source has other years) is major; number words are read from
    each language's ``numbers.toml`` (common forms only), and "one", "first",
    "second" and "half" are never reported (idioms more often than counts).
    """
    numbers = target_numbers(target.raw, _target_lang(ctx))
    if not numbers:
        return  # nothing to explain: the source need not be read
    src = source_numbers(source.raw, ctx.source_lang)
    if not src.values and not src.months:
        if not any(map(str.isdigit, source.raw)):
            # a source with no numbers at all: only a digit in the target is suspicious
            for n in numbers:
                if n.kind == "digits" and not target.is_protected(n.start, n.end):
                    yield Hit(n.start, n.end, f"{n.text!r}: the source has no number at all")
        return
    for n in numbers:
        if target.is_protected(n.start, n.end) or explained(n, src):
            continue
        what = n.kind if n.kind in ("month", "time") else "number"
        changed_year = n.kind == "digits" and any(_year(v) for v in n.values) and _years_near(target, source, ctx, n.start, n.end)
        yield Hit(n.start, n.end, f"{what} {n.text!r} is not in the source", severity=Severity.MAJOR if changed_year else None)


def _year(v: float) -> bool:
    return v == int(v) and 1800 <= v <= 2100


def _years_near(target: Text, source: Text, ctx: Context, start: int, end: int) -> bool:
    """Does the source say a year where the target's unexplained year stands (its aligned paragraph)?"""
    s, e = aligned_region(target, source, start, end)
    return any(_year(v) for v in source_numbers(source.raw[s:e], ctx.source_lang).values)


def aligned_region(target: Text, source: Text, start: int, end: int) -> tuple[int, int]:
    """The source characters that translate ``target[start:end]``'s paragraph: the paragraph of the same
    index when both sides have as many, else the paragraphs at the same relative place (a tenth either side)."""
    tp, sp = target.paragraphs, source.paragraphs
    para = target.paragraph_of(start)
    if para is not None and len(tp) == len(sp):
        return sp[para.index].start, sp[para.index].end
    n, m = max(1, len(target.raw)), len(source.raw)
    lo, hi = max(0.0, start / n - 0.1), min(1.0, end / n + 0.1)
    s, e = int(lo * m), int(hi * m)
    first, last = source.paragraph_of(s), source.paragraph_of(max(s, e - 1))
    return (first.start if first else s), (last.end if last else e)


# Tokens for name comparison: Latin words after transliteration and folding.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _latin_source(source: Text, ctx: Context) -> str:
    return ascii_fold(ctx.source.to_latin(source.raw))


_SOUNDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"), ("x", "ks"), ("y", "i"), ("j", "i"), ("h", ""))


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A rough spelling-independent key: Serbian "Makron" and English "Macron", "Džonson" and "Johnson" meet."""
    w = word.lower().replace("dz", "j")
    for a, b in _SOUNDS:
        w = w.replace(a, b)
    return _DOUBLED.sub(r"\1", w)


def _stem_match(word: str, candidates: frozenset[str]) -> bool:
    """Does a folded, lower-cased word have a counterpart among the source's (inflected, transcribed) sound keys?"""
    word = sound_key(word)
    if word in candidates:
        return True
    stem = word[: max(4, len(word) - 2)]
    for c in candidates:
        if len(c) >= 3 and (c.startswith(stem) or word.startswith(c[: max(4, len(c) - 2)])):
            return True
    close = [c for c in candidates if abs(len(c) - len(word)) <= 3]
    # the fuzzy comparison runs in rapidfuzz's C loop over the candidates at once
    return bool(close) and process.extractOne(word, close, scorer=fuzz.ratio, score_cutoff=80) is not None


@rule("QA802", "name-not-in-source", "accuracy/mistranslation", "info")
def name_not_in_source(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A name in the translation with no counterpart in a Latin- or Cyrillic-script source.

    Why: MT swaps entities ("Bulgaria" for the U.S., one minister for
    another). Names survive translation between Latin-script languages almost
    unchanged, and Cyrillic ones are transliterated (``Путин`` is ``Putin``,
    ``Вучић`` is ``Vučić`` or ``Vucic``), so a name that matches nothing in the
    source is worth a look.

    Bad: Talks between Merkel and Macron ended in Sofia.
    Source: Razgovori između Vučića i Makrona završeni su u Beogradu.
    Good: Talks between Vucic and Macron ended in Sofia.
    Source: Разговори између Вучића и Макрона завршени су у Софији.

    Known limits: exonyms (Germany/Deutschland, Belgrade/Beograd handled only
    by a shared stem) and phonetic transcriptions (Serbian ``Džonson`` for
    Johnson) look like swaps, hence the info severity (about 400 per 62 NTREX articles); sources in other
    scripts (Chinese, Japanese, Hindi) are not compared.
    """
    runs = target.name_runs
    if not runs or not source.script_shares.comparable:
        return
    keys = frozenset(sound_key(w.lower()) for w in _WORD.findall(_latin_source(source, ctx)))
    for run in runs:
        missing = [t for t in run if len(t.text) >= 3 and not _stem_match(ascii_fold(t.text).lower(), keys)]
        if missing and len(missing) == len(run):
            s, e = run[0].start, run[-1].end
            yield Hit(s, e, f"name {target.raw[s:e]!r} has no counterpart in the source")


# Latin-script tokens inside a source in another script (acronyms, brands, names kept in Latin),
# and acronyms or tokens with digits in a Latin source: they pass into English unchanged.
_KEPT = re.compile(r"(?<![\w])(?:[A-Za-z][A-Za-z0-9&.'-]*[A-Za-z0-9]|[A-Z])(?![\w])")


@rule("QA803", "source-name-dropped", "accuracy/omission", "minor")
def source_name_dropped(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A name or acronym that passes into English unchanged (FTIR, NATO, CEP, iPhone) is in the source but not in the translation.

    Why: such tokens are copied by every translator, so their absence means
    the phrase carrying them was dropped or rewritten.

    Bad: The crystals were compared by infrared spectroscopy.
    Source: 通过红外光谱 (FTIR) 进行比较后发现
    Source lang: zh
    Good: The crystals were compared by infrared spectroscopy (FTIR).
    Source: 通过红外光谱 (FTIR) 进行比较后发现
    Source lang: zh

    Known limits: only tokens that stay the same across languages are checked
    (Latin words inside a non-Latin source; acronyms and tokens with digits in
    a Latin one); an acronym the translator expanded is reported.
    """
    latin_source = source.script_shares.latin >= 0.5
    tgt_folded: str | None = None  # folded only when a source token needs looking up
    tgt_nodots = ""
    sent = target.sentences[-1] if target.sentences else None
    seen = set()
    for m in _KEPT.finditer(source.raw):
        tok = m.group().strip(".'-")
        if source.is_protected(m.start(), m.end()) or len(tok) < 2:
            continue
        if latin_source and (
            (tok.isalpha() and (tok.islower() or tok.istitle()))  # at most one capital: the quick common case
            or not (sum(c.isupper() for c in tok) >= 2 or any(c.isdigit() for c in tok))
        ):
            continue
        key = ascii_fold(tok).lower()
        if key in seen:
            continue
        seen.add(key)
        if tgt_folded is None:
            tgt_folded = ascii_fold(target.raw).lower()
            tgt_nodots = tgt_folded.replace(".", "")
        if re.search(rf"(?<![\w]){re.escape(key)}", tgt_folded) or re.search(rf"(?<![\w]){re.escape(key.replace('.', ''))}", tgt_nodots):
            continue
        block = _sentence_near(target, m.start() / max(1, len(source.raw))) or sent
        if block is None:
            return
        yield Hit(block.start, block.end, f"{tok!r} from the source is missing in the translation",
                  related=(Span("source", m.start(), m.start() + len(m.group())),))


def _sentence_near(target: Text, share: float):  # type: ignore[no-untyped-def]
    """The target sentence at the same relative position as a place in the source (for a span to point at)."""
    sents = target.sentences
    if not sents:
        return None
    pos = share * len(target.raw)
    for s in sents:
        if s.end >= pos:
            return s
    return sents[-1]


@rule("QA804", "copied-source-word", "accuracy/untranslated", "major", quiet_inside=("QA002", "QA103", "QA104"))
def copied_source_word(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""Words copied from the source into the translation that are neither English nor names.

    Why: MT copies words it cannot translate ("a Gruppe of friends",
    "pushed him to the Boden"); with the source at hand the evidence is
    direct: the word is in the source, common in the source language and
    rare in English.

    Bad: He started again in 1996 with a Gruppe of musician friends.
    Source: Erst 1996 startete er mit einer Gruppe befreundeter Musiker neu.
    Source lang: de
    Good: He started again in 1996 with a group of musician friends in Berlin.
    Source: Erst 1996 startete er in Berlin mit einer Gruppe befreundeter Musiker neu.
    Source lang: de

    Known limits: a word the source language shares with English
    ("problem", "hotel") is never reported; a name that is also a common
    word in the source language may be; Cyrillic and CJK words copied as
    they are belong to QA103 foreign-script.
    """
    lang = ctx.source.wordfreq
    if lang is None or lang == ctx.target.wordfreq:
        return
    src_tokens = _WORD.findall(source.raw)
    src_words = {w.lower() for w in src_tokens}
    src_lower = {w for w in src_tokens if w.islower()}
    if has_cyrillic(source.raw):
        src_words |= {w.lower() for w in _WORD.findall(ctx.source.to_latin(source.raw))}
    allow = ctx.config.allow_words
    run: list[Token] = []

    def flush() -> Iterator[Hit]:
        if run:
            words = " ".join(t.text for t in run)
            yield Hit(run[0].start, run[-1].end, f"{words!r} copied from the {ctx.source_name} source, not translated")
        run.clear()

    for tok in target.tokens:
        w = tok.text
        low = w.lower()
        copied = (
            len(w) >= 3
            and w.isalpha()
            and low in src_words
            and low not in allow
            and not target.is_protected(tok.start, tok.end)
            and not w.isupper()
            and _foreign(low, lang, capitalised=w[0].isupper() and low not in src_lower)
        )
        if copied and (not run or target.raw[run[-1].end : tok.start].strip() == ""):
            run.append(tok)
        else:
            yield from flush()
            if copied:
                run.append(tok)
    yield from flush()


def _foreign(word: str, lang: str, capitalised: bool) -> bool:
    en = english(word)
    src = zipf(word, lang)
    if capitalised:
        # capitalised in the source too: a name, unless a very common noun of a language that capitalises nouns
        return lang == "de" and src >= 4.5 and en < 2.0
    return en < 3.0 and src >= 1.5 and src - en >= 1.0


# Sentence alignment against the source, for the omission, addition and length rules.
SURE = 1.5  # a sentence pair whose bead costs at most this is aligned with confidence
LONG_ADDED = 12  # words from which an added sentence between confidently aligned neighbours is major
MIN_UNPAIRED = 4  # words under which an unpaired sentence (a caption, a dateline) is not reported
_PAIRS: WeakKeyDictionary[Text, tuple[int, list[SentencePair]]] = WeakKeyDictionary()


def source_pairs(target: Text, source: Text, ctx: Context) -> list[SentencePair]:
    """The source->target sentence alignment, with the target's furniture kept out of it.

    Page chrome (what the boilerplate rules QA2xx find) and repeated paragraphs (QA301, QA302)
    are scraped lines the source never had: aligned, they push the correct paragraphs after them
    out of step, and those draw omission and addition findings. They are left out when the
    target has more paragraphs than the source (so a repeat the source has too still aligns),
    and come back as ``skipped`` pairs that no rule here reports. Computed once per document.
    """
    cached = _PAIRS.get(target)
    if cached is not None and cached[0] == id(source):
        return cached[1]
    norm = ctx.source.english_length
    skip = furniture(target, ctx) if len(target.paragraphs) > len(source.paragraphs) else set()
    pairs = align_texts(source, target, norm.ratio if norm else None, skip)
    _PAIRS[target] = (id(source), pairs)
    return pairs


def furniture(target: Text, ctx: Context) -> set[int]:
    """Indices of the target paragraphs that are mostly page chrome or that repeat an earlier one."""
    out: set[int] = set()
    covered: dict[int, int] = {}
    for hits in ctx.boilerplate(target).values():
        for h in hits:
            para = target.paragraph_of(h.start)
            if para is not None:
                covered[para.index] = covered.get(para.index, 0) + min(h.end, para.end) - max(h.start, para.start)
    for i, n in covered.items():
        para = target.paragraphs[i]
        if 2 * n >= len(target.slice(para).strip()):
            out.add(i)
    for hit in (*duplicate_paragraph(target), *near_duplicate_paragraph(target)):
        para = target.paragraph_of(hit.start)
        if para is not None:
            out.add(para.index)
    return out


def _norm(target: Text, source: Text, ctx: Context) -> tuple[float, float, float]:
    """The expected target/source length ratio and its normal bounds (the QA807 norm when known)."""
    norm = ctx.source.english_length
    if norm is not None:
        return norm.ratio, norm.low, norm.high
    return max(0.05, len(target.raw.strip()) / max(1, len(source.raw.strip()))), 0.5, 2.0


def _chars(blocks: tuple[Block, ...]) -> int:
    return sum(b.end - b.start for b in blocks)


def absorbed(pairs: list[SentencePair], k: int, side: str, text: Text, norm: tuple[float, float, float]) -> bool:
    """Can a neighbouring pair take pair ``k``'s unpaired sentence (and any unpaired run between
    them on the same side) and still have a normal length ratio? Then the translator split or
    merged sentences, which is normal translation, and nothing is missing or added.

    Only a neighbour in the same paragraph of ``text`` (the unpaired sentence's side) may absorb
    it: translators split and merge sentences, but a whole paragraph more or less is not a split.
    """
    ratio, low, high = norm
    own = _chars(getattr(pairs[k], side))
    blocks = getattr(pairs[k], side)
    home = text.paragraph_of(blocks[0].start)
    for step in (-1, 1):
        extra, i = own, k + step
        while 0 <= i < len(pairs) and not pairs[i].skipped and not (pairs[i].left and pairs[i].right):
            p = pairs[i]
            if (p.left and side == "right") or (p.right and side == "left"):
                break  # an unpaired sentence of the other side: not a run of this one
            extra += _chars(getattr(p, side))
            i += step
        if not (0 <= i < len(pairs)) or pairs[i].skipped or not (pairs[i].left and pairs[i].right):
            continue
        near = getattr(pairs[i], side)[-1 if step < 0 else 0]
        there = text.paragraph_of(near.start)
        if home is None or there is None or there.index != home.index:
            continue
        sl, tl = _chars(pairs[i].left), _chars(pairs[i].right)
        if side == "right":
            tl += extra
        else:
            sl += extra
        if low <= tl / max(1, sl) / ratio <= high:
            return True
    return False


def _neighbours_sure(pairs: list[SentencePair], k: int) -> bool:
    """Are the nearest paired sentences either side of pair ``k`` (those that exist) confidently aligned?"""
    found = 0
    for step in (-1, 1):
        i = k + step
        while 0 <= i < len(pairs) and (pairs[i].skipped or not (pairs[i].left and pairs[i].right)):
            i += step
        if 0 <= i < len(pairs):
            if pairs[i].cost > SURE:
                return False
            found += 1
    return found > 0


@rule("QA805", "source-sentence-omitted", "accuracy/omission", "minor")
def source_sentence_omitted(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A source sentence or paragraph with no counterpart in the translation.

    Why: MT drops sentences (especially in long inputs and after a
    truncation), and an editor who reads only the English cannot notice.

    Bad: The minister resigned on Monday.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nOpozicija je tražila nove izbore i najavila proteste ispred skupštine.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday.\nThe opposition demanded new elections and announced protests.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nOpozicija je tražila nove izbore i najavila proteste ispred skupštine.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday and the opposition demanded new elections.
    Source: Ministar je podneo ostavku u ponedeljak. Opozicija je tražila nove izbore.

    Known limits: the span is the target sentence after the gap (the
    omission itself has no place in the target); a source sentence that a
    neighbouring translated sentence can absorb with a normal length ratio
    (two sentences merged into one) is not reported, so an omitted short
    sentence next to a long, loose translation is missed; very short source
    sentences (under four words, often captions) are not reported.
    """
    if len(source.sentences) < 2:
        return
    pairs = source_pairs(target, source, ctx)
    norm = _norm(target, source, ctx)
    last = None
    for k, pair in enumerate(pairs):
        if pair.right and not pair.skipped:
            last = pair.right[-1]
        if pair.left and not pair.right:
            words = sum(len(source.tokens_in(b.start, b.end)) for b in pair.left)
            if words < MIN_UNPAIRED or absorbed(pairs, k, "left", source, norm):
                continue
            after = next((p.right[0] for p in pairs[k + 1 :] if p.right and not p.skipped), None)
            where = after or last
            if where is None:
                return
            s, e = pair.left[0].start, pair.left[-1].end
            yield Hit(where.start, where.end, f"a source sentence has no translation before or here: {source.raw[s:e][:80]!r}",
                      related=(Span("source", s, e),))


@rule("QA806", "target-sentence-added", "accuracy/addition", "major")
def target_sentence_added(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A translated sentence with no counterpart in the source.

    Why: MT hallucinates sentences (repeated boilerplate, invented quotes),
    and a pipeline can append text from another article.

    Bad: The minister resigned on Monday.\nThe opposition leader also said that he would run for president next year at the head of a new party of his own.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday.\nThe government will meet on Friday.
    Source: Ministar je podneo ostavku u ponedeljak.\nVlada će se sastati u petak.
    Good: The minister resigned on Monday. He had been in office for three years.
    Source: Ministar, koji je bio na funkciji tri godine, podneo je ostavku u ponedeljak.

    Known limits: a target sentence that a neighbouring pair can absorb with
    a normal length ratio (a translator's split of one long source sentence
    into two to four) is not reported, so a short invented sentence after a
    terse translation is missed; short target sentences (under four words)
    are not reported; the finding is major only for a sentence of twelve
    words or more whose aligned neighbours are confidently aligned, else
    minor. Chrome and repeated paragraphs are left to QA2xx and QA301/QA302.
    """
    if len(target.sentences) < 2:
        return
    pairs = source_pairs(target, source, ctx)
    norm = _norm(target, source, ctx)
    for k, pair in enumerate(pairs):
        if pair.left or pair.skipped:
            continue
        for b in pair.right:
            words = len(target.tokens_in(b.start, b.end))
            if words < MIN_UNPAIRED or absorbed(pairs, k, "right", target, norm):
                continue
            sure = words >= LONG_ADDED and _neighbours_sure(pairs, k)
            yield Hit(b.start, b.end, "this sentence has no counterpart in the source",
                      severity=Severity.MAJOR if sure else Severity.MINOR)


@rule("QA807", "length-ratio", "accuracy/omission", "minor")
def length_ratio(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A translated sentence far shorter or longer than its source, for this language pair.

    Why: a translation half as long as the norm has usually lost a clause;
    one twice as long has usually gained one. The norms per language pair are
    in each source language's profile (``english_length``).

    Bad: The minister resigned.
    Source: Ministar je podneo ostavku u ponedeljak posle dugih pregovora sa koalicionim partnerima.
    Good: The minister resigned on Monday after long talks with coalition partners.
    Source: Ministar je podneo ostavku u ponedeljak posle dugih pregovora sa koalicionim partnerima.

    Known limits: only sentence pairs of at least 40 source characters
    (30 for Chinese and Japanese) are judged; a legitimately concise
    translation is reported too, hence minor.
    """
    norm = ctx.source.english_length
    if norm is None:
        return
    ratio, low, high, short = norm.ratio, norm.low, norm.high, norm.min_chars
    for pair in source_pairs(target, source, ctx):
        if not pair.left or not pair.right:
            continue
        sl = sum(b.end - b.start for b in pair.left)
        tl = sum(b.end - b.start for b in pair.right)
        if sl < short:
            continue
        r = tl / sl / ratio
        if r < low or r > high:
            s, e = pair.right[0].start, pair.right[-1].end
            what = "shorter" if r < low else "longer"
            yield Hit(s, e, f"{r:.1f} times the usual length for its source: much {what} than expected",
                      related=(Span("source", pair.left[0].start, pair.left[-1].end),))


@rule("QA808", "link-mismatch", "accuracy/mistranslation", "major")
def link_mismatch(target: Text, source: Text, ctx: Context) -> Iterator[Hit]:
    r"""A URL, e-mail address, handle or hashtag of the source missing or altered in the translation.

    Why: MT translates or breaks what must be copied: ``#izbori`` becomes
    ``#elections``, ``@vladaSrbije`` loses a letter, a URL gets a space.

    Bad: Write to info@vlada.gov.rs or follow #elections.
    Source: Pišite na info@vlada.rs ili pratite #izbori.
    Good: Write to info@vlada.rs or follow #izbori.
    Source: Pišite na info@vlada.rs ili pratite #izbori.

    Known limits: a hashtag the newsroom deliberately translated is reported;
    the span is the target link that replaced it when one is found, else the
    sentence at the same place.
    """
    if not may_link(source.raw):
        return
    tgt = {m.group().rstrip(".,;:").lower(): m for m in LINK.finditer(target.raw)}
    used = set()
    for m in LINK.finditer(source.raw):
        link = m.group().rstrip(".,;:")
        if link.lower() in tgt:
            used.add(link.lower())
            continue
        kind = "hashtag" if link.startswith("#") else "handle" if link.startswith("@") else "e-mail address" if "@" in link else "URL"
        others = [k for k in tgt if k not in used and k[:1] == link[:1].lower()] or [k for k in tgt if k not in used]
        related = (Span("source", m.start(), m.start() + len(link)),)
        if others:
            t = tgt[others[0]]
            used.add(others[0])
            yield Hit(t.start(), t.start() + len(others[0]), f"{kind} {link!r} of the source is changed here", suggestion=link, related=related)
        else:
            block = _sentence_near(target, m.start() / max(1, len(source.raw)))
            if block is not None:
                yield Hit(block.start, block.end, f"{kind} {link!r} of the source is missing", related=related)
