"""Source-language text left inside the English target: function words, common words, scripts, sentences."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from qa.context import Context
from qa.languages.detection import foreign
from qa.languages.frequency import english, zipf
from qa.languages.profile import name_of
from qa.languages.scripts import script_of
from qa.model import Hit
from qa.registry import rule
from qa.text import Text, Token

_QUOTE_OPEN = "\"“„«"
_QUOTE_CLOSE = "\"”“»"
# Characters that make a short word part of an abbreviation, a URL, a list marker or a file name.
_GLUE_BEFORE = set(".-/@#_'’(\\&")
_GLUE_AFTER = set(".-/@_'’)\\&")


def _quoted_titles(text: Text) -> list[tuple[int, int]]:
    """Short quoted stretches that begin with a capital: titles and names ("Večernje novosti"), not prose."""
    spans = []
    for m in re.finditer(r"[\"“„«]([^\"“”„«»\n]{1,80})[\"”“»]", text.raw):
        inner = m.group(1).strip()
        if inner and inner[0].isupper() and len(inner.split()) <= 6:
            spans.append((m.start(), m.end()))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _glued(raw: str, tok: Token) -> bool:
    before = raw[tok.start - 1] if tok.start > 0 else " "
    after = raw[tok.end] if tok.end < len(raw) else " "
    if before in _GLUE_BEFORE or after in _GLUE_AFTER:
        return True
    return after == "." and tok.end + 1 < len(raw) and raw[tok.end + 1].isalpha()  # "i.e", "u.s"


def _neighbours(tokens: list[Token], i: int) -> tuple[Token | None, Token | None]:
    return (tokens[i - 1] if i > 0 else None, tokens[i + 1] if i + 1 < len(tokens) else None)


@rule("QA101", "untranslated-function-word", "accuracy/untranslated", "major", quiet_inside=("QA102", "QA103", "QA104", "QA002"))
def untranslated_function_word(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A source-language function word (conjunction, preposition, auxiliary) left inside English.

    Why: machine translation leaves short words it saw as names or symbols:
    "Facebook, Twitter i Viber" keeps Serbian "i" ("and"). No English reader
    parses it, and it marks the page as unedited machine output.

    Bad: Follow us on Facebook, Twitter i Viber.
    Source lang: sr
    Bad: The talks were held u Beogradu last week.
    Source lang: sr
    Good: Follow us on Facebook, Twitter and Viber.
    Source lang: sr
    Good: Leonardo da Vinci painted it; the rule, i.e. the law, applies per se.
    Source lang: sr

    Known limits: words that are also English ("a", "to", "do", "on", "no",
    "me") are not in the list, so "a" for Serbian "a" ("and, but") is missed.
    A capitalised word is taken for a name or a sentence start and skipped.
    """
    lex = ctx.source.function_words
    if lex is None:
        return
    raw = target.raw
    tokens = target.tokens
    titles = _quoted_titles(target)
    lang = ctx.source_name
    allow = ctx.config.allow_words
    for i, tok in enumerate(tokens):
        word = tok.text
        if word != word.lower() or word not in lex.words or word in allow:
            continue
        if _glued(raw, tok) or target.is_protected(tok.start, tok.end) or _inside(titles, tok.start, tok.end):
            continue
        prev, nxt = _neighbours(tokens, i)
        if word in lex.particles and nxt is not None and nxt.text[:1].isupper() and raw[tok.end:nxt.start].strip() == "":
            continue  # "da Silva"
        if _in_phrase(tokens, i, lex.phrases):
            continue
        if not _english_context(prev, nxt, raw, tok):
            continue
        gloss = lex.words[word]
        yield Hit(tok.start, tok.end, f"{lang} {word!r} (\"{gloss}\") left untranslated", suggestion=None if gloss.startswith("(") else gloss)


def _in_phrase(tokens: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        for k, part in enumerate(phrase):
            if part != tokens[i].lower:
                continue
            lo = i - k
            if lo >= 0 and lo + len(phrase) <= len(tokens) and tuple(t.lower for t in tokens[lo : lo + len(phrase)]) == phrase:
                return True
    return False


def _english_context(prev: Token | None, nxt: Token | None, raw: str, tok: Token) -> bool:
    """At least one neighbour in the same line is English or a name: the word sits inside English text."""
    for n in (prev, nxt):
        if n is None:
            continue
        between = raw[min(n.end, tok.end) : max(n.start, tok.start)]
        if "\n" in between:
            continue
        if n.text[:1].isupper() or english(n.lower) >= 3.5:
            return True
    return False


@rule("QA102", "untranslated-word", "accuracy/untranslated", "major", quiet_inside=("QA104", "QA103", "QA002", "content/boilerplate", "content/markup"))
def untranslated_word(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A word common in the source language and unknown in English, left untranslated.

    Why: besides function words, MT copies content words it does not know
    ("the 5658 pregleda", "the opština said"). wordfreq's frequency lists tell
    a common Serbian word that English never uses from an English word.

    Bad: The opština approved the budget on Monday.
    Source lang: sr
    Bad: Ukupno 5658 readers saw the pregleda page.
    Source lang: sr
    Good: The municipality approved the budget on Monday.
    Source lang: sr
    Good: Novak Djokovic beat Zverev in Belgrade, the "Politika" daily said.
    Source lang: sr

    Known limits: capitalised words are skipped (names, places, brands), so a
    German noun left untranslated is missed here; with the source, the
    fidelity rules catch copied words. Words shorter than three letters are
    left to the function-word rule.
    """
    lang = ctx.source.wordfreq
    if lang is None or lang == ctx.target.wordfreq:
        return
    name = ctx.source_name
    allow = ctx.config.allow_words
    letters = ctx.source.letters
    titles = _quoted_titles(target)
    lex = ctx.source.function_words
    glue = lex.words if lex else {}
    run: list[Token] = []

    def flush() -> Iterator[Hit]:
        while run and run[-1].text in glue:
            run.pop()  # a function word joins two foreign words; it does not end a run
        if run:
            words = " ".join(t.text for t in run)
            yield Hit(run[0].start, run[-1].end, f"{name} {'words' if len(run) > 1 else 'word'} {words!r} left untranslated")
        run.clear()

    for tok in target.tokens:
        if run and "\n" in target.raw[run[-1].end : tok.start]:
            yield from flush()
        if _foreign_word(tok, lang, letters, allow) and not target.is_protected(tok.start, tok.end) and not _inside(titles, tok.start, tok.end):
            run.append(tok)
        elif run and tok.text in glue:
            run.append(tok)
        else:
            yield from flush()
    yield from flush()


def _foreign_word(tok: Token, lang: str, letters: str, allow: frozenset[str]) -> bool:
    """Common in the source language, rare in English; a word with the language's own letters ("čćšžđ")
    needs less evidence, since no English word has them."""
    word = tok.text
    if len(word) < 3 or not word.isalpha() or word != word.lower() or word in allow:
        return False
    en = english(word)
    if en > 2.0:
        return False
    src = zipf(word, lang)
    threshold = 2.5 if any(c in letters for c in word) else 3.2
    return src >= threshold and src - en >= 2.0


@rule("QA103", "foreign-script", "accuracy/untranslated", "major", quiet_inside=("QA104", "QA002", "content/boilerplate", "content/markup"))
def foreign_script(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Letters of another script (Cyrillic, CJK, Devanagari, Arabic, ...) inside Latin-script English.

    Why: a Cyrillic name or word copied from a Serbian or Russian source is
    unreadable to the English audience and is never what the editor meant.

    Bad: Talks with Путин ended on Friday.
    Source lang: sr
    Bad: The 拘留 of the suspect was extended.
    Good: Talks with Putin ended on Friday.
    Good: The α-particle and the β decay were measured.

    Known limits: a single Greek letter (used in science and maths) is allowed;
    a target language written in another script is not checked.
    """
    if "LATIN" not in ctx.target.scripts_for(ctx.target_lang):
        return
    for script, start, end in _script_runs(target.raw):
        chunk = target.raw[start:end]
        if script == "GREEK" and sum(1 for ch in chunk if ch.isalpha()) == 1:
            continue
        suggestion = ctx.source.to_latin(chunk) if script == "CYRILLIC" else None
        yield Hit(start, end, f"{script.title()} script {chunk!r} inside English text", suggestion=suggestion)


# Letters outside the Latin blocks; runs of them are grouped by script below.
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]+")


def _script_runs(raw: str) -> list[tuple[str, int, int]]:
    """Maximal runs of one non-Latin script, joining words separated by spaces, hyphens or apostrophes."""
    runs: list[list] = []
    for m in _NON_LATIN.finditer(raw):
        for i in range(m.start(), m.end()):
            script = script_of(raw[i])
            if not script or script == "LATIN":
                continue
            if runs and runs[-1][0] == script and (runs[-1][2] == i or _joinable(raw[runs[-1][2] : i])):
                runs[-1][2] = i + 1
            else:
                runs.append([script, i, i + 1])
        # combining marks (stress accents in Cyrillic) extend the run they follow
        while runs and runs[-1][2] < len(raw) and unicodedata.category(raw[runs[-1][2]]).startswith("M"):
            runs[-1][2] += 1
    return [(s, a, b) for s, a, b in runs]


def _joinable(gap: str) -> bool:
    return 0 < len(gap) <= 3 and all(c in " -'’\u00a0" or unicodedata.category(c).startswith("M") for c in gap)


@rule("QA104", "untranslated-sentence", "accuracy/untranslated", "major", quiet_inside=("QA002", "content/boilerplate", "content/markup"))
def untranslated_sentence(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A whole sentence or paragraph left in another language.

    Why: MT systems pass through sentences they fail on, and scraped pages
    carry untranslated captions and footers. A sentence in Serbian inside an
    English article is a critical gap for the reader.

    Bad: The minister spoke on Monday.\nPratite nas na društvenim mrežama i pišite nam svoje predloge.
    Source lang: sr
    Good: The minister spoke on Monday.\nFollow us on social networks and send us your suggestions.
    Source lang: sr

    Known limits: sentences of fewer than four words are not judged
    (langdetect is unreliable on them); a foreign quotation that the article
    meant to keep (a slogan, a song title) is reported too.
    """
    source = ctx.source if ctx.source_lang is not None else None  # an unknown source needs the stronger evidence
    for sent in target.sentences:
        words = [t for t in target.tokens_in(sent.start, sent.end) if t.text.isalpha()]
        if len(words) < 4:
            continue
        if target.rare_share(words) < 0.5:
            continue  # cheap signal: most words are English, langdetect is not needed
        guess = foreign(target.slice(sent), ctx.target, source)
        if guess is None:
            continue
        shown = ctx.source_name if guess.is_source else name_of(guess.code)
        yield Hit(sent.start, sent.end, f"sentence left in {shown} (langdetect {guess.probability:.2f})")
