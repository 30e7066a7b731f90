"""Page chrome told by the run of lines it sits in, not by its own words.

The pattern files, the line-shape rules and the scorer (``qa.boilerplate``, ``qa.chrome_model``) judge a
line by itself, with at most its next-door neighbours as a cue. What they miss is mostly chrome that
looks like prose or like a headline on its own: the headlines and summaries of a teaser list, the items
of a menu, a user's comment, a caption between a credit and a share button. On a page these come in
blocks: a scraper that runs past the article's end drags in a whole block, and the lines of a block
that the rules do recognise (a "More in World" header, "2H ago", "Share", a copyright line) mark the
rest. This module reads those blocks, after every other chrome detector has run:

- **inside a block of chrome**: a line of at most ``BLOCK_MAX_WORDS`` words with chrome within
  ``WINDOW`` lines before it and within ``WINDOW`` lines after it, and at least ``BLOCK_MIN_CHROME`` of
  those ``2 x WINDOW`` lines chrome: a teaser's summary between two stamps, one item of a menu whose
  other items were recognised;
- **between chrome lines**: a run of at least ``LABEL_MIN_RUN`` headlines or labels (at most
  ``LABEL_MAX_WORDS`` words, no final punctuation) with chrome right before it and chrome or the
  article's end right after it: a teaser list under its header, the items of a menu;
- **in the chrome that ends the article**: from the first chrome line after which at least
  ``TAIL_SHARE`` of the lines to the end are chrome (and at least ``TAIL_MIN_CHROME`` of them), every
  line of at most ``TAIL_MAX_WORDS`` words: the teaser lists, menus and comment headers below an
  article, which the rules found only in part;
- **a copy of chrome**: a line whose text is that of a line called chrome elsewhere on the page (a
  caption under the photo and again in the gallery);
- **printed twice**: a headline or label (not a sentence) repeated within ``TWICE_WITHIN`` lines (a
  teaser widget's title and its hidden duplicate);
- **a caption beside its credit**: a short line naming a scene (two capitalised words, no quotation,
  no narration in the past tense) right before a short credit line, or a caption dated as the agencies
  date a photo on either side of one;
- **a comment thread**: between the author and button lines of comments ("joetoronto says:",
  "Reply", "12 likes"; the ``[comments]`` table of ``chrome.toml``), repeated at least ``THREAD_MIN_META`` times at most
  ``THREAD_MAX_GAP`` lines apart, every line is a comment whatever its length (the rules take a
  comment of a sentence or two for prose).

Each finding says which run carried it (and how much of it was chrome), is reported under the kind
of the nearest chrome line of its run (a copy under its original's, a caption under QA202's, a comment
under QA206's, the comment box's), and at minor severity: the evidence is the neighbours, not the line.
A sentence of prose is never carried by its neighbours outside a comment thread (a paragraph between
a caption and an "Advertisement" marker is the article's), and the rules make one pass: a run's
findings do not mark further runs.

The thresholds were chosen on the dev half of the real pages (``../shared/bench/chrome/``) and on the
same dev pages with their ``post`` region appended (the blocks below the article), never on the test
half; ``scripts/train_chrome.py --cv 5`` measures the whole checker on the dev pages (the rules have no
fitted weights, so only the scorer inside it is out of fold).
"""

from __future__ import annotations

import bisect
from typing import Iterable, Mapping, NamedTuple, Sequence

import regex

from qa.chrome_model import fold, past_word
from qa.model import Hit, Severity
from qa.text import Text

WINDOW = 3
BLOCK_MIN_CHROME = 3
BLOCK_MAX_WORDS = 25
TAIL_SHARE = 0.6
TAIL_MIN_CHROME = 3
TAIL_MAX_WORDS = 20
THREAD_MIN_META = 3
THREAD_MAX_GAP = 4
PROSE_WORDS = 3
CREDIT_KIND = "photo-credit"  # QA202: a caption is deleted with its credit
CREDIT_MAX_WORDS = 8
CAPTION_MAX_WORDS = 10
TEASER_KIND = "related-teaser"  # QA205: a teaser or a section's label (and a run's kind with no chrome near)
TWICE_WITHIN = 2
NEAR = 10
LABEL_MAX_WORDS = 20
LABEL_MIN_RUN = 2
THREAD_KIND = "orphan-embed-label"  # QA206: the text of a widget, here the comment box

# A comment's meta line: its author ("joetoronto says:", "Jane Doe wrote:"), or a button under it
# ("Reply", "Like", "Report", "Flag", "12 likes", "3 replies", "Reply · 2h"). A user name of one to
# four words ("smarter than you says:"), then "says:"/"wrote:" and nothing else; a pronoun ("He says:")
# is prose. A line of reported speech goes on after "says".
def comment_pattern(words: Mapping[str, Iterable[str]]) -> regex.Pattern[str]:
    """The pattern of a comment's meta line, from the words of the ``[comments]`` tables of ``chrome.toml``
    (``qa.boilerplate.Vocabulary.comments``, which reads them with the other chrome vocabularies)."""

    def either(name: str) -> str:
        return "|".join(regex.escape(w).replace("\\ ", " ") for w in sorted(words.get(name, ()), key=lambda w: (-len(w), w))) or "(?!)"

    return regex.compile(
        rf"(?!(?i:{either('not_authors')})\s)"
        rf"[\w.@'’-]{{2,30}}+(?:\s[\w.@'’-]{{1,30}}+){{0,3}}\s(?:{either('author_verbs')}):?\s*"
        rf"|(?i:{either('buttons')})"
        r"(?:\s?[·|•(]\s?\d{1,6}+\)?|\s\d{1,6}+)?"
        rf"|\d{{1,6}}+\s(?i:{either('counted')})(?:\s?[·|•]\s?\S{{1,20}}+(?:\s(?:{either('relative')}))?)?"
    )


class RunHit(NamedTuple):
    """A line the run rules call chrome: its index, the kind it is reported under, and why."""

    index: int
    kind: str
    message: str


def _words(line: str) -> int:
    return len(line.split())


_LETTERS = regex.compile(r"\p{L}++")
_QUOTES = regex.compile(r"[\"“”„«»]")
_SENTENCE_END = regex.compile(r"[.!?…][\"”’')\]]*$")


def _sentence(line: str) -> bool:
    """A sentence of the article's prose: ``PROSE_WORDS`` words or more, with its final stop. Its neighbours
    do not make it chrome (the last paragraphs above a footer, a paragraph between a caption and an ad)."""
    text = line.strip()
    return _words(text) >= PROSE_WORDS and _SENTENCE_END.search(text) is not None


def _nearest_kind(kinds: Sequence[str | None], i: int) -> str | None:
    """The kind of the chrome line nearest to line ``i`` (the earlier one on a tie), within ``NEAR`` lines
    (a run's chrome is next to it; the bound keeps a long page linear)."""
    for d in range(1, min(len(kinds), NEAR + 1)):
        for j in (i - d, i + d):
            if 0 <= j < len(kinds) and kinds[j] is not None:
                return kinds[j]
    return None


def _inside_blocks(lines: Sequence[str], chrome: Sequence[bool]) -> dict[int, str]:
    out: dict[int, str] = {}
    n = len(lines)
    for i in range(1, n):
        if chrome[i] or _words(lines[i]) > BLOCK_MAX_WORDS or not lines[i].strip() or _sentence(lines[i]):
            continue
        before = sum(chrome[max(0, i - WINDOW):i])
        after = sum(chrome[i + 1:i + 1 + WINDOW])
        if before and after and before + after >= BLOCK_MIN_CHROME:
            out[i] = (f"page chrome: inside a block of chrome ({before + after} of the {2 * WINDOW} lines around it "
                      "are chrome)")
    return out


_LABEL_END = regex.compile(r"[.!?;:,…]['\"”’)\]]*$")


def _label(line: str) -> bool:
    """A headline, a menu item or a label: at most ``LABEL_MAX_WORDS`` words, no final punctuation."""
    text = line.strip()
    return 1 <= _words(text) <= LABEL_MAX_WORDS and _LABEL_END.search(text) is None


def _between_chrome(lines: Sequence[str], chrome: Sequence[bool]) -> dict[int, str]:
    """Runs of at least ``LABEL_MIN_RUN`` headlines or labels with chrome right before the run and chrome
    (or the article's end) right after it: a list of teasers under its header, the items of a menu."""
    out: dict[int, str] = {}
    n, i = len(lines), 1
    while i < n:
        if chrome[i] or not _label(lines[i]):
            i += 1
            continue
        j = i
        while j < n and not chrome[j] and _label(lines[j]):
            j += 1
        if j - i >= LABEL_MIN_RUN and chrome[i - 1] and (j == n or chrome[j]):
            message = (f"page chrome: one of {j - i} headline or label lines in a row between chrome lines"
                       + (" and the article's end" if j == n else ""))
            out.update((k, message) for k in range(i, j))
        i = j
    return out


def _tail(lines: Sequence[str], chrome: Sequence[bool]) -> dict[int, str]:
    """The lines of the chrome that ends the article (see the module's docstring)."""
    n = len(lines)
    start, found, total, found_from = n, 0, 0, 0
    for j in range(n - 1, 0, -1):
        total += 1
        found += chrome[j]
        if chrome[j] and found / total >= TAIL_SHARE:
            start, found_from = j, found
    if start >= n or found_from < TAIL_MIN_CHROME:
        return {}
    share = f"{found_from} of its {n - start} lines"
    return {j: f"page chrome: in the block of chrome that ends the article ({share} are chrome)"
            for j in range(start, n)
            if not chrome[j] and lines[j].strip() and _words(lines[j]) <= TAIL_MAX_WORDS and not _sentence(lines[j])}


def _threads(lines: Sequence[str], comment_meta: regex.Pattern[str]) -> dict[int, str]:
    """The lines of comment threads: between comment meta lines that repeat (see the module's docstring)."""
    metas = [i for i, line in enumerate(lines) if _words(line) <= 8 and comment_meta.fullmatch(line.strip())]
    out: dict[int, str] = {}
    k = 0
    while k < len(metas):
        m = k
        while m + 1 < len(metas) and metas[m + 1] - metas[m] <= THREAD_MAX_GAP + 1:
            m += 1
        if m - k + 1 >= THREAD_MIN_META:
            first, last = metas[k], metas[m]
            # the last comment's text follows its meta line; the thread reaches as far as a comment can
            end = min(len(lines), last + 1 + THREAD_MAX_GAP) if last + 1 + THREAD_MAX_GAP >= len(lines) else last + 1
            message = f"page chrome: a comment in a thread ({m - k + 1} comment author or button lines)"
            for j in range(first, end):
                out[j] = message
        k = m + 1
    return out


# A news photo's caption as the agencies write it: the first sentence ends with the day it was taken
# (", Tuesday, Nov. 19, 2019." / ", on Monday, Nov. 13, 2017."), where prose says "on Tuesday". A full stop
# before a digit or a lower-case word ("Boeing Co. 787-10") does not end the sentence.
_CAPTION_DATE = regex.compile(r"^(?:[^.!?]|\.(?=\s?[\d\p{Ll}])){20,400}?,"
                              r"\s(?:on\s)?(?:\p{L}{3,9},\s)?\p{L}{3,9}\.?\s\d{1,2},\s(?:19|20)\d{2}\.(?:\s|$)")


def _narrates(line: str) -> bool:
    """Whether a line narrates in the past tense ("The assembly voted late on Tuesday."): the article's
    prose, where a caption describes what the photo shows ("The mayor and her deputy in 2002.")."""
    return any(map(past_word, (fold(w) for w in _LETTERS.findall(line)[1:])))


def _names_a_scene(line: str) -> bool:
    """A short caption names who or what the photo shows ("Neil Gaiman and John M. Ford in 2002."): two
    capitalised words after the first at least, no quotation, and no narration in the past tense. A short
    sentence of the article ("It is all they have left now.", a quote's last line) names nobody."""
    words = _LETTERS.findall(line)[1:]
    return (sum(w[0].isupper() for w in words) >= 2 and _QUOTES.search(line) is None and not _narrates(line))


def _captions(lines: Sequence[str], kinds: Sequence[str | None]) -> dict[int, str]:
    """Captions beside their credit line: a line right before a short credit line ("Photo by ...",
    "Getty Images") that is itself short and names a scene (``_names_a_scene``), or a
    caption in the agencies' form (its first sentence ends with the date of the photo) on either side of
    one. A paragraph of prose before a credit whose caption was lost is neither."""
    out: dict[int, str] = {}

    def credit(j: int) -> bool:
        return 0 <= j < len(lines) and kinds[j] == CREDIT_KIND and _words(lines[j]) <= CREDIT_MAX_WORDS

    for i, line in enumerate(lines):
        if kinds[i] is not None or not line.strip():
            continue
        if credit(i + 1) and _words(line) <= CAPTION_MAX_WORDS and _names_a_scene(line):
            out[i] = "page chrome: a photo caption (a short line right before its credit)"
        elif (credit(i - 1) or credit(i + 1)) and _CAPTION_DATE.match(line.strip()):
            out[i] = "page chrome: a photo caption (dated as the agencies date a photo, beside its credit)"
    return out


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _copies(lines: Sequence[str], kinds: Sequence[str | None]) -> dict[int, tuple[str, str]]:
    """Copies of chrome: a line whose text is that of a line called chrome elsewhere on the page (a caption
    printed under the photo and again in the gallery, a teaser in a widget and in its duplicate), reported
    under the kind of the first such line."""
    keys = [_key(line) for line in lines]
    known: dict[str, str] = {}
    for k, kind in zip(keys, kinds):
        if kind is not None and k:
            known.setdefault(k, kind)
    return {i: (known[k], "page chrome: a copy of a chrome line elsewhere on the page")
            for i, k in enumerate(keys) if kinds[i] is None and k in known}


def _twice(lines: Sequence[str]) -> dict[int, str]:
    """A headline or label printed twice within ``TWICE_WITHIN`` lines (a widget's title and its hidden
    duplicate, a section label over each teaser): not a sentence, so not a repeated paragraph of the
    article, which QA301 reports."""
    keys = [_key(line) for line in lines]
    out: dict[int, str] = {}
    for i, k in enumerate(keys):
        if not k or _words(lines[i]) > BLOCK_MAX_WORDS or _sentence(lines[i]):
            continue
        if any(keys[j] == k for j in range(max(0, i - TWICE_WITHIN), min(len(keys), i + TWICE_WITHIN + 1)) if j != i):
            out[i] = "page chrome: a headline or label printed twice in a row"
    return out


def run_hits(lines: Sequence[str], kinds: Sequence[str | None], comment_meta: regex.Pattern[str]) -> list[RunHit]:
    """The lines the run rules call chrome, given each line's chrome kind so far (None: not chrome).

    ``lines`` are the article's paragraphs in order (the first is the headline and is never reported);
    ``comment_meta`` is :func:`comment_pattern` of the chrome vocabularies."""
    chrome = [k is not None for k in kinds]
    found: dict[int, tuple[str, str]] = {}
    for i, message in _threads(lines, comment_meta).items():
        found[i] = (THREAD_KIND, message)
    for i, message in _captions(lines, kinds).items():
        found.setdefault(i, (CREDIT_KIND, message))
    for i, message in _twice(lines).items():
        found.setdefault(i, (_nearest_kind(kinds, i) or TEASER_KIND, message))
    for i, kind_message in _copies(lines, kinds).items():
        found.setdefault(i, kind_message)
    for rule in (_inside_blocks(lines, chrome), _between_chrome(lines, chrome), _tail(lines, chrome)):
        for i, message in rule.items():
            found.setdefault(i, (_nearest_kind(kinds, i) or TEASER_KIND, message))
    return [RunHit(i, kind, message) for i, (kind, message) in sorted(found.items()) if i > 0 and not chrome[i]]


def _kinds(target: Text, hits: Mapping[str, Iterable[Hit]]) -> list[str | None]:
    """Each paragraph's chrome kind: the kind of the first hit that overlaps it (None: no hit)."""
    paras = target.paragraphs
    starts = [p.start for p in paras]
    kinds: list[str | None] = [None] * len(paras)
    for kind, kind_hits in hits.items():
        for h in kind_hits:
            k = max(bisect.bisect_right(starts, h.start) - 1, 0)
            while k < len(paras) and paras[k].start < max(h.end, h.start + 1):
                if paras[k].end > h.start and kinds[k] is None:
                    kinds[k] = kind
                k += 1
    return kinds


def add_run_hits(target: Text, hits: dict[str, list[Hit]], comment_meta: regex.Pattern[str]) -> None:
    """Add the run rules' hits (one per paragraph, at minor severity) to the other detectors' hits."""
    paras = target.paragraphs
    if len(paras) < 3:
        return
    found = run_hits([target.slice(p) for p in paras], _kinds(target, hits), comment_meta)
    for index, kind, message in found:
        para = paras[index]
        hits.setdefault(kind, []).append(Hit(para.start, para.end, message, severity=Severity.MINOR))
    if found:
        for kind_hits in hits.values():
            kind_hits.sort(key=lambda h: (h.start, h.end))
