"""Views of one side's text: paragraphs, sentences, tokens, protected spans, line/column maps.

Every view is computed once, lazily, from the unmodified string, and every
offset it returns indexes that string. Rules share one ``Text`` per side, so
tokenising is done once per document, not once per rule.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Callable, Iterator

from qa.languages.frequency import english, foreign_ratio
from qa.languages.scripts import ScriptShares, script_shares
from qa.languages.transliteration import ascii_fold, to_latin

# Words: letters/digits joined by inner hyphens or apostrophes ("U-turn", "don't", "O'Brien"). The one
# word pattern of the package: every rule that counts, compares or looks up words reads these tokens.
WORD = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")
# Links and addresses: not prose, so prose rules skip them, and a translation must copy them unchanged.
# A URL ends at a space, a quote or a bracket, and at CJK text or full-width punctuation, which in
# Chinese or Japanese prose follows a URL without a space ("www.chinastory.cn）由新华…").
_URL_END = "\\s<>\"')\\]\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef"
_SCHEME_URL = rf"(?:https?://|www\.)[^{_URL_END}]+"
_PATH_URL = rf"\b(?<![\w-])(?<![\w-]\.)[\w-]+(?:\.[\w-]+)+/[^{_URL_END}]*"  # example.com/path
_EMAIL_ADDRESS = r"\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+\b"
_HANDLE_OR_TAG = r"(?<![\w@])[@#][A-Za-z_]\w{1,30}"
_TLD = r"\.(?:com|org|net|edu|gov|uk|rs|hr|ba|me|info|io|co|eu|de|ru)\b"
_URL = re.compile(f"{_SCHEME_URL}|{_PATH_URL}", re.IGNORECASE)
EMAIL = re.compile(_EMAIL_ADDRESS)
_HANDLE = re.compile(_HANDLE_OR_TAG)
_DOMAIN = re.compile(rf"\b(?<![\w-])(?<![\w-]\.)[\w-]+(?:\.[\w-]+)*{_TLD}", re.IGNORECASE)
_DOMAIN_HINT = re.compile(_TLD, re.IGNORECASE)
# A link a translation must copy unchanged (QA808): a URL with its scheme, an e-mail address, a handle or a hashtag.
LINK = re.compile(f"{_SCHEME_URL}|{_EMAIL_ADDRESS}|{_HANDLE_OR_TAG}")

_NEWLINE = re.compile(r"\r\n|\n|\r")
_LINE = re.compile(r"[^\r\n]+")

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt jr sr gen col lt sgt capt gov sen rep rev hon no nos vs etc
    e.g i.e approx dept est fig inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n a.m p.m""".split()
)
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’)\]]*(?=\s+|$)")


class _Span:
    """Offsets into a text. Value semantics (equality, hashing) without a frozen dataclass's cost:
    a corpus makes millions of these, and a frozen dataclass's ``__init__`` is three times slower.
    Treat instances as immutable."""

    __slots__ = ("start", "end")
    _fields: tuple[str, ...] = ("start", "end")

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._key()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self._fields)})"


class Token(_Span):
    """A word: its offsets and its text."""

    __slots__ = ("text",)
    _fields = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    @property
    def lower(self) -> str:
        return self.text.lower()


class Block(_Span):
    """A paragraph or sentence: offsets into the text, and its index among its kind."""

    __slots__ = ("index",)
    _fields = ("start", "end", "index")

    def __init__(self, start: int, end: int, index: int) -> None:
        self.start = start
        self.end = end
        self.index = index


class Text:
    """One side's text with lazily computed, cached views."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, item: slice) -> str:
        return self.raw[item]

    def slice(self, block: Block | Token) -> str:
        return self.raw[block.start : block.end]

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        for m in _NEWLINE.finditer(self.raw):
            starts.append(m.end())
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Non-blank lines, trimmed. Scraped articles put one paragraph on a line."""
        blocks: list[Block] = []
        for m in _LINE.finditer(self.raw):
            s, e = m.start(), m.end()
            while s < e and self.raw[s].isspace():
                s += 1
            while e > s and self.raw[e - 1].isspace():
                e -= 1
            if s < e:
                blocks.append(Block(s, e, len(blocks)))
        return blocks

    def paragraph_of(self, offset: int) -> Block | None:
        """The paragraph that holds a code-point offset, or None when it falls between paragraphs."""
        paras = self.paragraphs
        i = bisect.bisect_right([p.start for p in paras], offset) - 1
        return paras[i] if i >= 0 and offset < paras[i].end else None

    @cached_property
    def sentences(self) -> list[Block]:
        """Sentences within paragraphs; a sentence never crosses a paragraph."""
        out: list[Block] = []
        for para in self.paragraphs:
            for s, e in split_sentences(self.raw, para.start, para.end):
                out.append(Block(s, e, len(out)))
        return out

    @cached_property
    def tokens(self) -> list[Token]:
        return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(self.raw)]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens wholly inside [start, end), found by bisection (no scan of the whole text)."""
        toks = self.tokens
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end, lo)
        return [t for t in toks[lo:hi] if t.end <= end]

    def first_token_in(self, start: int, end: int) -> Token | None:
        """``tokens_in(start, end)[0]`` (or None), without the list: a rule that reads a sentence's first word
        asks it of every sentence."""
        toks = self.tokens
        i = bisect.bisect_left(self._token_starts, start)
        # tokens do not overlap: one that starts inside and ends outside is the last to start inside
        return toks[i] if i < len(toks) and toks[i].start < end and toks[i].end <= end else None

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def words(self) -> int:
        """Word count, the denominator of the per-100-words score."""
        return sum(1 for t in self.tokens if t.text.isalpha() or any(c.isalpha() for c in t.text))

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """URLs, e-mail addresses, domains, handles and hashtags: not prose, so prose rules skip them."""
        raw = self.raw
        spans = [(m.start(), m.end()) for pattern in _protected_patterns(raw) for m in pattern.finditer(raw)]
        return merge_spans(spans)

    def is_protected(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a URL, e-mail, domain, handle or hashtag."""
        i = bisect.bisect_left(self._protected_starts, end)
        return i > 0 and self.protected[i - 1][1] > start

    @cached_property
    def _protected_starts(self) -> list[int]:
        return [s for s, _ in self.protected]

    @cached_property
    def name_runs(self) -> list[list[Token]]:
        """Runs of capitalised words that are not just a sentence start or a common English word: the
        names of an English text, which the fidelity and reference rules look for on the other side."""
        starts = set()
        for s in self.sentences:
            first = self.first_token_in(s.start, s.end)
            if first is not None:
                starts.add(first.start)

        def is_name(tok: Token) -> bool:
            w = tok.text
            if not w[:1].isupper() or not w[:1].isalpha() or self.is_protected(tok.start, tok.end):
                return False
            common = english(w.lower()) >= 5.0 and not w.isupper()
            initial = tok.start in starts and english(w.lower()) >= 3.5 and not w.isupper()
            return not (common or initial or len(w) < 2)

        return self.runs_of(is_name)

    def runs_of(self, keep: Callable[[Token], bool]) -> list[list[Token]]:
        """The tokens ``keep`` accepts, grouped into runs of neighbours joined by one space or hyphen."""
        runs: list[list[Token]] = []
        prev_end: int | None = None
        for tok in self.tokens:
            if not keep(tok):
                prev_end = None
                continue
            if runs and prev_end is not None and self.raw[prev_end : tok.start] in (" ", "-"):
                runs[-1].append(tok)
            else:
                runs.append([tok])
            prev_end = tok.end
        return runs

    @cached_property
    def script_shares(self) -> ScriptShares:
        """Shares of Latin and Cyrillic letters in the whole text (names are compared only in those scripts)."""
        return script_shares(self.raw)

    def rare_share(self, tokens: list[Token]) -> float:
        """Share of a run of this text's words that are rare in English (``foreign_ratio``), computed once
        per run: the whole-text and the sentence checks ask it of the same words in a one-sentence text."""
        if not tokens:
            return 0.0
        key = (tokens[0].start, tokens[-1].end)
        cache = self._rare_shares
        if key not in cache:
            cache[key] = foreign_ratio(t.text for t in tokens)
        return cache[key]

    @cached_property
    def _rare_shares(self) -> dict[tuple[int, int], float]:
        return {}

    def anchors(self, block: Block) -> frozenset[str]:
        """The anchors of a paragraph or sentence (:func:`anchors`), computed once per span: a one-sentence
        paragraph is the same span at both levels of an alignment, and every rule aligning this side shares them."""
        key = (block.start, block.end)
        cache = self._anchors
        if key not in cache:
            cache[key] = anchors(self.slice(block))
        return cache[key]

    @cached_property
    def _anchors(self) -> dict[tuple[int, int], frozenset[str]]:
        return {}


def _protected_patterns(raw: str) -> list[re.Pattern[str]]:
    """The protected-span patterns that can match ``raw``: each needs a character most prose sentences
    lack, and testing for it first spares four regex scans of every sentence (most protect nothing)."""
    patterns = []
    if "/" in raw or "www." in raw.lower():
        patterns.append(_URL)
    if "@" in raw:
        patterns.append(EMAIL)
    if "@" in raw or "#" in raw:
        patterns.append(_HANDLE)
    if _DOMAIN_HINT.search(raw):
        patterns.append(_DOMAIN)
    return patterns


def may_link(text: str) -> bool:
    """Every form of :data:`LINK` needs one of these; most news sentences have none, and then no scan is needed."""
    return "@" in text or "#" in text or "://" in text or "www." in text.lower()


# A number, or a word of three or more letters that starts with an ASCII capital (the lookbehind
# makes the match start where a word starts, as a plain scan of letter runs would; placed after
# the capital, it lets the scanner skip to the next digit or capital instead of trying every position).
_ANCHOR = re.compile(r"\d+(?:[.,]\d+)*|[A-Z](?<![^\W\d_][A-Z])[^\W\d_]{2,}")


def anchors(text: str) -> frozenset[str]:
    """Language-neutral tokens a translation keeps: numbers (digits only) and capitalised or mixed-case
    Latin words (Cyrillic transliterated, diacritics folded, cut to a 5-letter stem so that inflected
    names, "Putina", meet their base). Sentence alignment pairs sentences that share them."""
    out = set()
    latin = ascii_fold(to_latin(text))
    for m in _ANCHOR.finditer(latin):
        tok = m.group()
        if tok[0].isdigit():
            out.add(tok.replace(".", "").replace(",", ""))
        elif tok.isascii():
            out.add(tok.lower()[:5])
    return frozenset(out)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of sentences in ``text[start:end]``.

    A period ends a sentence unless it follows a known abbreviation, a single
    capital letter (initials, "U.S."), or sits inside a number; this is the
    usual rule-based splitter, good enough for news prose.
    """
    end = len(text) if end is None else end
    sent_start = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group()[0] == "." and _is_abbreviation(text, sent_start, m.start()):
            continue
        e = m.end()
        if text[sent_start:e].strip():
            s = sent_start
            while s < e and text[s].isspace():
                s += 1
            yield s, e
        sent_start = e
    if text[sent_start:end].strip():
        s = sent_start
        while s < end and text[s].isspace():
            s += 1
        yield s, end


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    i = dot
    while i > sent_start and not text[i - 1].isspace():
        i -= 1
    word = text[i:dot].lower().lstrip("(\"'“‘")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # initials: "J. Smith", "U.S."
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return True  # "u.s", "e.g"
    return False


def first_alpha(s: str) -> str | None:
    for c in s:
        if c.isalpha():
            return c
    return None
