"""Punctuation and typography: spacing around punctuation, balance, quote placement, final punctuation."""

from __future__ import annotations

import re as stdlib_re
from typing import Iterator

import regex as re

from qa.context import Context
from qa.model import Hit, Span
from qa.registry import rule
from qa.text import ABBREVIATIONS, Text

# A comma/semicolon/colon/!/? glued to the next word ("Facebook,Twitter"); digits on both sides are numbers.
_NO_SPACE = re.compile(r"(?<=[^\W\d_][\"”’)]?)([,;!?]|:(?!//))(?=[^\W\d_])")
# A period between a lower-case word and a capitalised one ("ended.The"), not "U.S." or "bbc.co.uk".
_NO_SPACE_PERIOD = re.compile(r"(?<=[a-z\u00e0-\u024f]{2}[\"”’)]?)\.(?=[A-Z\u00c0-\u00de][a-z\u00df-\u024f])")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_][\"”’)]?)([ \t\u00a0]+)([,.;:!?]+)(?=[\s\"”’)]|$)")
_OPEN_CLOSE = {"(": ")", "[": "]", "“": "”"}
# Two characters side by side that every match of the pattern above holds (a mark and the non-space after it;
# a space and the mark after it): most sentences hold neither pair, and the standard engine finds that out in a
# fraction of the time the lookbehinds take, tried at every position.
_NO_SPACE_PAIR = stdlib_re.compile(r"(?:[,;!?]|:(?!//))\S")
_NO_SPACE_PERIOD_PAIR = stdlib_re.compile(r"\.[A-Z\u00c0-\u00de][a-z\u00df-\u024f]")
_SPACE_BEFORE_PAIR = stdlib_re.compile(r"[ \t\u00a0][,.;:!?]")
_FINAL_OK = set(".!?…:;\"'”’»)]*–—-")


def _skip(target: Text, start: int, end: int) -> bool:
    return target.is_protected(max(0, start - 1), end + 1)


@rule("QA401", "missing-space-after-punctuation", "fluency/punctuation", "minor")
def missing_space_after_punctuation(target: Text) -> Iterator[Hit]:
    r"""No space after a comma, semicolon, colon, question mark or full stop.

    Why: "Facebook,Twitter" and "ended.The" are typical of text glued
    together by scrapers or MT post-processing, and look careless.

    Bad: Follow us on Facebook,Twitter and Viber.
    Bad: The talks ended.The ministers left.
    Good: It cost 1,000.5 dinars; see bbc.co.uk or write to desk@bbc.co.uk, e.g. today in the U.S.

    Known limits: "ended.the" (lower case after the period) is not reported:
    it cannot be told from a domain name without a list of them.
    """
    raw = target.raw
    for pattern, pair in ((_NO_SPACE, _NO_SPACE_PAIR), (_NO_SPACE_PERIOD, _NO_SPACE_PERIOD_PAIR)):
        if pair.search(raw) is None:
            continue
        for m in pattern.finditer(raw):
            s, e = m.start(), m.end()
            if _skip(target, s, e):
                continue
            if m.group() == "." and _abbreviation_before(raw, s):
                continue
            yield Hit(s, e + 1, f"no space after {m.group()!r}", suggestion=f"{m.group()} {raw[e]}")


def _abbreviation_before(raw: str, dot: int) -> bool:
    i = dot
    while i > 0 and (raw[i - 1].isalpha() or raw[i - 1] == "."):
        i -= 1
    return raw[i:dot].lower() in ABBREVIATIONS


@rule("QA402", "space-before-punctuation", "fluency/punctuation", "minor")
def space_before_punctuation(target: Text) -> Iterator[Hit]:
    r"""A space before a comma, full stop, colon, semicolon, question or exclamation mark.

    Why: English sets no space there; "word ," is the mark of tokenised MT
    output or of French typography carried over.

    Bad: The minister resigned , the agency said .
    Good: The minister resigned, the agency said. He had a .45 calibre pistol.

    Known limits: an ellipsis written " ..." after a space is reported too.
    """
    raw = target.raw
    if _SPACE_BEFORE_PAIR.search(raw) is None:
        return
    for m in _SPACE_BEFORE.finditer(raw):
        if _skip(target, m.start(2), m.end(2)):
            continue
        yield Hit(m.start(1), m.end(2), f"space before {m.group(2)!r}", suggestion=m.group(2))


_BRACKET = re.compile("[" + re.escape("".join(_OPEN_CLOSE) + "".join(_OPEN_CLOSE.values())) + "]")


@rule("QA403", "unbalanced-brackets-quotes", "fluency/punctuation", "minor")
def unbalanced_brackets_quotes(target: Text) -> Iterator[Hit]:
    r"""A bracket or double quote that is opened and never closed (or closed and never opened) in its paragraph.

    Why: MT drops or duplicates quote marks and brackets, so the reader
    cannot tell where a quotation or an aside ends.

    Bad: He said (in a letter that the talks would go on.
    Bad: The "special operation will go on, he said.
    Good: He said (in a letter) that "the talks would go on".
    Good: "The first paragraph of a quotation runs on\n"and the second closes it."

    Known limits: single quotes are not checked (they double as
    apostrophes); a paragraph that continues a quotation into the next one
    (English convention: no closing mark) is allowed when the next opens with
    a quote mark, and a straight quote opened on one line and closed within
    the next twelve is taken as one quotation, so two errors that close each
    other are missed.
    """
    paras = target.paragraphs
    odd: list[int] = []  # paragraphs with an odd number of straight quotes
    for idx, para in enumerate(paras):
        text = target.slice(para)
        stack: list[tuple[str, int]] = []
        for m in _BRACKET.finditer(text):  # only the bracket characters, found by the C scanner
            i, c = m.start(), m.group()
            if c in _OPEN_CLOSE:
                stack.append((c, i))
            elif c in _OPEN_CLOSE.values():
                if stack and _OPEN_CLOSE[stack[-1][0]] == c:
                    stack.pop()
                else:
                    yield Hit(para.start + i, para.start + i + 1, f"{c!r} closes nothing that was opened")
                    continue
        for c, i in stack:
            if c == "“" and _continues(target, paras, idx):
                continue
            yield Hit(para.start + i, para.start + i + 1, f"{c!r} is never closed")
        if text.count('"') % 2 == 1 and not _continues(target, paras, idx):
            odd.append(idx)
    # A quotation may run over a line break (sources that store one sentence a line): an odd
    # paragraph closed by the next odd one within QUOTE_SPAN paragraphs is a pair, not an error.
    i = 0
    while i < len(odd):
        if i + 1 < len(odd) and odd[i + 1] - odd[i] <= QUOTE_SPAN:
            i += 2
            continue
        para = paras[odd[i]]
        pos = target.slice(para).rfind('"')
        yield Hit(para.start + pos, para.start + pos + 1, "odd number of '\"' marks: a quotation is not closed or not opened")
        i += 1


QUOTE_SPAN = 12  # paragraphs a straight-quoted quotation may run over (news stored a sentence a line)


def _continues(target: Text, paras: list, idx: int) -> bool:
    return idx + 1 < len(paras) and target.raw[paras[idx + 1].start] in "\"“"


# A quotation closing a sentence: the quote is a fragment when its opening mark follows a word (not a sentence start).
_QUOTE_END = re.compile(r"(?P<inside>[.,])[\"”](?!\w)|[\"”](?P<outside>[.,])(?!\d)")


@rule("QA404", "inconsistent-quote-punctuation", "fluency/inconsistency", "minor")
def inconsistent_quote_punctuation(target: Text) -> Iterator[Hit]:
    r"""Full stops inside the closing quote in one place and outside it in another, in the same article.

    Why: ``century."`` here and ``century".`` there is the trace of sentences
    translated one by one; either convention is fine, mixing them is not.
    The article's majority style wins; the other places are reported.

    Bad: He said it was "a good day." Later he called it "a bad week".
    Good: He said it was "a good day." Later he called it "a bad week."
    Good: "We will win," he said. He called it "a disaster".

    Known limits: only full stops after a quoted fragment (a quotation that
    begins mid-sentence) are compared, because British style puts the stop
    inside a full-sentence quotation and outside a fragment.
    """
    raw = target.raw
    if '"' not in raw and "”" not in raw:
        return  # every match of the pattern holds a closing quote
    inside: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []
    for m in _QUOTE_END.finditer(raw):
        mark = m.group("inside") or m.group("outside")
        if mark != ".":
            continue
        quote_pos = m.end() - 1 if m.group("inside") else m.start()
        if not _fragment(raw, quote_pos):
            continue
        (inside if m.group("inside") else outside).append((m.start(), m.end()))
    if not inside or not outside:
        return
    first_inside = inside[0][0] < outside[0][0]
    if len(inside) > len(outside) or (len(inside) == len(outside) and first_inside):
        majority, minority, style = inside, outside, 'inside the quote (."), as elsewhere in this article'
    else:
        majority, minority, style = outside, inside, 'outside the quote (".), as elsewhere in this article'
    ref = majority[0]
    for s, e in minority:
        swapped = raw[s:e][::-1]
        yield Hit(s, e, f"full stop placed differently from the rest of the article: put it {style}", suggestion=swapped, related=(Span("target", ref[0], ref[1]),))


def _fragment(raw: str, close: int) -> bool:
    """Does the quotation closing at ``close`` begin mid-sentence?"""
    line_start = raw.rfind("\n", 0, close) + 1
    open_pos = -1
    for i in range(close - 1, line_start - 1, -1):
        if raw[i] in "\"“":
            open_pos = i
            break
    if open_pos < 0:
        return False
    before = raw[line_start:open_pos].rstrip()
    if not before:
        return False  # the quotation opens the paragraph
    return before[-1].isalnum() and not before.endswith(":")


@rule("QA405", "missing-final-punctuation", "fluency/punctuation", "minor", quiet_inside=("content/boilerplate",))
def missing_final_punctuation(target: Text) -> Iterator[Hit]:
    r"""A body paragraph that does not end with a full stop, question or exclamation mark.

    Why: a sentence cut off at the end, or a dropped full stop, is a common
    MT and scraping defect; headlines are exempt.

    Bad: Moscow promises closer ties\nRussia made a promise.\nRussia has promised to develop comprehensive relations with North Korea, the Russian president said
    Good: Moscow promises closer ties\nRussia made a promise.\nRussia has promised to develop comprehensive relations with North Korea, the Russian president said.
    Good: Cancer vaccine trial begins\nVaccine teaches immune system to recognise rogue cells as part of treatment\nDoctors said the results were good.

    Known limits: the first line and short lines (under eight words) are
    taken for headlines and not judged, and so are the unpunctuated lines of
    up to twenty words that follow the headline (standfirst bullets); a list
    item without a full stop is reported if it is long.
    """
    paras = target.paragraphs
    head = len(paras) > 1  # still in the headline block (headline, standfirst bullets)
    for idx, para in enumerate(paras):
        text = target.slice(para)
        words = text.split()
        if head:
            if idx == 0 or (text[-1] not in _FINAL_OK and len(words) <= STANDFIRST_WORDS):
                continue
            head = False
        if len(words) < 8:
            continue
        if text[-1] in _FINAL_OK or target.is_protected(para.end - 1, para.end):
            continue
        if _title_case(words):
            continue
        last = words[-1]
        yield Hit(para.end - len(last), para.end, "paragraph ends without final punctuation", suggestion=f"{last}.")


STANDFIRST_WORDS = 20  # unpunctuated lines right after the headline up to this long are standfirst bullets


def _title_case(words: list[str]) -> bool:
    alpha = [w for w in words if w[:1].isalpha() and len(w) > 3]
    return bool(alpha) and sum(1 for w in alpha if w[0].isupper()) / len(alpha) > 0.8


# A mark glued to the end of a word and followed by a space and another word: where stray marks land.
_STRAY = re.compile(r"(?<=(?P<word>[\p{L}\p{N}]+))(?P<mark>[\^_~|\\`@]|[?!](?![\"”’'])|-|'|\.|[,;:]|[,;:.!?]{2,})(?=[ \t]+(?P<next>[\p{L}\p{N}]+))")
_SUSPENDED = frozenset({"and", "or", "to", "nor"})
# After a quoted question or exclamation, reported speech goes on in lower case: "Why? she asked."
_REPORTING = frozenset({"he", "she", "they", "i", "we", "you", "it", "asked", "said", "cried", "shouted", "wondered", "added"})


@rule("QA406", "stray-punctuation", "fluency/punctuation", "minor", quiet_inside=("content/boilerplate",))
def stray_punctuation(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A punctuation mark or symbol inside a sentence where English never puts one.

    Why: MT post-processing and bad detokenisation leave marks in the middle
    of a sentence: "the^ composition", "organic- matter", "door to? opening",
    "the, country". Each is a visible defect.

    Bad: The composition of these^ crystals matched the samples.
    Bad: It is the source of water and organic- matter that sustains life.
    Bad: China's door to? opening up will not be closed.
    Bad: The ministers of the; region met on Monday.
    Bad: A cat is responsible for a special job. that prevents them from competing.
    Good: Pre- and post-war figures differ; "Why?" he asked. The players' union met at 5 p.m. on Monday.
    Good: Write to desk@bbc.co.uk or see snake_case names; it was, of course, the end.

    Known limits: a comma or colon after an ordinary word is not judged
    (English allows it almost anywhere); only marks after an article or a
    determiner, symbols, and marks that never stand mid-sentence are reported.
    """
    raw = target.raw
    no_after = ctx.target.words("no_punctuation_after.txt")
    for m in _STRAY.finditer(raw):
        s, e = m.start("mark"), m.end("mark")
        if _skip(target, s, e):
            continue
        word, mark, nxt = m.group("word"), m.group("mark"), m.group("next")
        if mark == "-" and nxt.lower() in _SUSPENDED:
            continue  # "pre- and post-war"
        if mark == "'":
            if word[-1:].lower() in "sxz" or _open_single_quote(raw, m.start("word")):
                continue  # "the players' union", 'a quoted' phrase
        if mark == ".":
            if not (word.isalpha() and word.islower() and len(word) >= 2 and nxt[:1].islower()):
                continue
            if word.lower() in ABBREVIATIONS or _abbreviation_before(raw, s):
                continue
        if mark in "?!" and (not nxt[:1].islower() or nxt.lower() in _REPORTING):
            continue  # "Why? she asked." is English; "door to? opening" is not
        if mark[0] == "." and len(mark) > 1 and (_abbreviation_before(raw, s) or _initialism(raw, s)):
            continue  # "the U.S., the ..."
        if len(mark) == 1 and mark in ",;:" and word.lower() not in no_after:
            continue
        if len(mark) > 1 and mark in ("...", "?!", "!?"):
            continue
        yield Hit(s, e, f"stray {mark!r} inside the sentence", suggestion="")


def _initialism(raw: str, dot: int) -> bool:
    """A full stop that closes an initialism: "U.S.", "O.K.", "N.F.L."."""
    return dot >= 2 and raw[dot - 1].isalpha() and raw[dot - 2] == "."


def _open_single_quote(raw: str, before: int) -> bool:
    """Is a single quotation open at ``before`` (an opening ' or ‘ after a space earlier in the paragraph)?"""
    start = raw.rfind("\n", 0, before) + 1
    seg = raw[start:before]
    opens = len(re.findall(r"(?:^|(?<=[\s(\"“]))['‘]", seg))
    closes = len(re.findall(r"(?<=\w)['’](?=[\s,.;:!?)]|$)", seg))
    return opens > closes
