"""Page chrome and publishing boilerplate scraped into the article body, from pattern files.

The patterns are data (``qa/data/boilerplate/*.toml`` plus the user's files
named in configuration); each rule here reports the patterns of its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

import regex

from qa.context import Context
from qa.model import Hit
from qa.registry import rule
from qa.resources import DATA, read_toml
from qa.text import Block, Text

KINDS = (
    "page-counter",
    "photo-credit",
    "translation-disclaimer",
    "social-footer",
    "related-teaser",
    "orphan-embed-label",
    "dangling-link-text",
)
# Seconds per paragraph for a user's pattern: a pathological one must not hang a run. The bundled
# patterns run without it: tests/test_regex_safety.py proves each linear on adversarial input, and
# the regex module's timeout costs more than the match itself on a news sentence.
PATTERN_TIMEOUT = 1.0


@dataclass(frozen=True)
class Pattern:
    kind: str
    regex: regex.Pattern[str]
    match: str  # "line" or "search"
    report: str  # "paragraph", "sentence" or "match"
    max_words: int
    not_first: bool  # never the first paragraph: there it is the headline ("Watch: Aguero's goal")
    note: str
    origin: str
    timeout: float | None  # None for the bundled, battery-tested patterns


@lru_cache(maxsize=16)
def load_patterns(extra: tuple[Path, ...] = ()) -> dict[str, tuple[Pattern, ...]]:
    """Bundled pattern files, then the user's; a bad entry raises ValueError naming file and entry."""
    by_kind: dict[str, list[Pattern]] = {k: [] for k in KINDS}
    bundled = sorted((DATA / "boilerplate").glob("*.toml"))
    for path in (*bundled, *extra):
        for i, entry in enumerate(read_toml(path).get("pattern", []), start=1):
            where = f"{path}: pattern {i}"
            kind = entry.get("rule")
            if kind not in by_kind:
                raise ValueError(f"{where}: 'rule' must be one of {', '.join(KINDS)}, not {kind!r}")
            match = entry.get("match", "line")
            if match not in ("line", "search"):
                raise ValueError(f"{where}: 'match' must be 'line' or 'search'")
            report = entry.get("report", "paragraph" if match == "line" else "sentence")
            if report not in ("paragraph", "sentence", "match"):
                raise ValueError(f"{where}: 'report' must be paragraph, sentence or match")
            try:
                compiled = regex.compile(entry["regex"], regex.IGNORECASE | regex.V0)
            except KeyError:
                raise ValueError(f"{where}: no 'regex'") from None
            except regex.error as e:
                raise ValueError(f"{where}: bad regex ({e})") from None
            by_kind[kind].append(
                Pattern(
                    kind,
                    compiled,
                    match,
                    report,
                    int(entry.get("max_words", 40)),
                    bool(entry.get("not_first", False)),
                    entry.get("note", ""),
                    where,
                    None if path in bundled and path not in extra else PATTERN_TIMEOUT,
                )
            )
    return {k: tuple(v) for k, v in by_kind.items()}


def find(target: Text, ctx: Context, kind: str) -> Iterator[Hit]:
    """Hits of one kind's patterns, one per paragraph or sentence, in text order."""
    extra = tuple(ctx.config.boilerplate)
    # The seven rules share one pass over the paragraphs, made by whichever runs first.
    yield from target.memo(("boilerplate", extra), lambda: _scan(target, extra))[kind]


def _scan(target: Text, extra: tuple[Path, ...]) -> dict[str, list[Hit]]:
    plans = _plans(extra)
    hits: dict[str, list[Hit]] = {kind: [] for kind, _ in plans}
    seen: dict[str, set[tuple[int, int]]] = {kind: set() for kind, _ in plans}
    for para in target.paragraphs:
        text = target.slice(para)
        nwords = len(text.split())
        first = para.index == 0
        for kind, kind_patterns in plans:
            for p, line, method in kind_patterns:
                if line and nwords > p.max_words or first and p.not_first:
                    continue
                try:
                    m = method(text) if p.timeout is None else method(text, timeout=p.timeout)
                except TimeoutError:
                    continue
                if m is None:
                    continue
                span = _report_span(target, para, para.start + m.start(), para.start + m.end(), p.report)
                if span in seen[kind] or any(s <= span[0] and span[1] <= e for s, e in seen[kind]):
                    continue
                seen[kind].add(span)
                hits[kind].append(Hit(span[0], span[1], _MESSAGES[kind], suggestion=_SUGGESTIONS.get(kind)))
                if p.report == "paragraph":
                    break
    return hits


@lru_cache(maxsize=16)
def _plans(extra: tuple[Path, ...]) -> tuple[tuple[str, tuple[tuple[Pattern, bool, Callable[..., Any]], ...]], ...]:
    """Each kind's patterns with their match method bound once (the scan runs on every paragraph)."""
    return tuple(
        (kind, tuple((p, p.match == "line", p.regex.fullmatch if p.match == "line" else p.regex.search) for p in ps))
        for kind, ps in load_patterns(extra).items()
    )


def _report_span(target: Text, para: Block, start: int, end: int, report: str) -> tuple[int, int]:
    if report == "paragraph":
        return para.start, para.end
    if report == "match":
        return start, end
    sents = [s for s in target.sentences if s.start < max(end, start + 1) and start < s.end and para.start <= s.start < para.end]
    if not sents:
        return start, end
    return sents[0].start, sents[-1].end


_MESSAGES = {
    "page-counter": "page chrome: a view or comment counter scraped into the article",
    "photo-credit": "page chrome: a photo credit or caption label, not article text",
    "translation-disclaimer": "site disclaimer about machine translation, not article content",
    "social-footer": "promotional footer (follow us / contact us / subscribe), not article content",
    "related-teaser": "a related-article teaser or link headline scraped into the body",
    "orphan-embed-label": "an embed label whose video, gallery or poll did not survive",
    "dangling-link-text": "link text whose link was lost: the reader cannot follow it",
}
_SUGGESTIONS = {
    "dangling-link-text": "restore the link, or say where the material is",
}


@rule("QA201", "page-counter", "content/boilerplate", "major", quiet_inside=("QA104",))
def page_counter(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""View, comment or share counters scraped with the article ("5658 views 8 comment(s)").

    Why: counters are page furniture; in a translated article they read as
    stray numbers and show that nobody edited the page.

    Bad: Russia and China sign a deal\n12.08.2023. 14:35 1.204 views | 3 comments\nThe agreement covers energy.
    Bad: Views: 980\nThe minister resigned.
    Good: The video drew 5,658 views and eight comments within an hour.

    Known limits: a counter inside a sentence of prose is not reported.
    """
    return find(target, ctx, "page-counter")


@rule("QA202", "photo-credit", "content/boilerplate", "major", quiet_inside=("QA104",))
def photo_credit(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Photo credits and caption labels in the body ("Photo: Getty Images", "Foto: Tanjug").

    Why: credits belong under an image that the text version does not have;
    a line "Photo: Reuters" in the body reads as a stray fragment.

    Bad: Image: Reuters/Marko Djurica\nThe protest went on.
    Bad: Foto: Beta\nThe protest went on.
    Bad: AFP/Getty Images
    Good: A Reuters photographer said the police used tear gas.

    Known limits: a caption sentence without a label ("The minister in
    Brussels on Monday") cannot be told from prose.
    """
    return find(target, ctx, "photo-credit")


@rule("QA203", "translation-disclaimer", "content/boilerplate", "major", quiet_inside=("QA104",))
def translation_disclaimer(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A site's machine-translation disclaimer inside the article.

    Why: the notice that "translations are done by AI and might not be
    accurate" is site furniture, not news; left in the body it undermines the
    article and is repeated on every page.

    Bad: Note: this text was translated with artificial intelligence and may contain errors.
    Bad: This article has been machine-translated by software; the original prevails.
    Good: The court ordered the translation of the documents into English.

    Known limits: disclaimers that never mention translation are not caught.
    """
    return find(target, ctx, "translation-disclaimer")


@rule("QA204", "social-footer", "content/boilerplate", "major", quiet_inside=("QA104",))
def social_footer(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Follow-us, contact-us and subscribe footers of the source outlet.

    Why: the source site's promotion ("Follow us on Facebook", "write to us
    at ...@...") points English readers to another outlet's channels.

    Bad: Join us on Instagram and Telegram for more news.
    Bad: Send us your stories at desk@example.com.
    Bad: Pratite nas na Fejsbuku.
    Good: The police asked witnesses to contact them by phone.

    Known limits: a footer that names no channel, address or newsletter is
    not caught.
    """
    return find(target, ctx, "social-footer")


@rule("QA205", "related-teaser", "content/boilerplate", "major", quiet_inside=("QA104",))
def related_teaser(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A related-article teaser or link headline scraped into the body.

    Why: "Read also: ..." and "See how ..." lines were links to other
    articles; in the body they interrupt the story and point nowhere.

    Bad: Floods hit the north\nThe river rose overnight.\nRead also: Serbia and Kosovo agree on licence plates
    Bad: Floods hit the north\nThe river rose overnight.\nFind out how the floods hit the north of the country
    Good: Watch: Aguero scores twice as City win\nThe striker scored in each half.
    Good: Read the full statement, the minister told reporters, before judging.

    Known limits: a teaser written as a full sentence with a final period
    looks like prose and is not reported.
    """
    return find(target, ctx, "related-teaser")


@rule("QA206", "orphan-embed-label", "content/boilerplate", "major", quiet_inside=("QA104",))
def orphan_embed_label(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""An embed label left without its embed ("Bonus video:", "Gallery:").

    Why: the video, gallery or poll it introduced was not carried over, so
    the label announces something that is not there.

    Bad: The match ended 2-1.\nWatch the video:
    Bad: PHOTO GALLERY
    Good: Video footage showed the crowd dispersing.

    Known limits: a label followed by a caption on the same line is not
    reported.
    """
    return find(target, ctx, "orphan-embed-label")


@rule("QA207", "dangling-link-text", "content/markup", "major", quiet_inside=("QA104",))
def dangling_link_text(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Link text whose hyperlink was lost ("You can read more about them here.").

    Why: scraping and translation drop the link, leaving "here" or "this
    link" pointing nowhere.

    Bad: The full list of candidates is available here.
    Bad: Details about the programme can be found at this link.
    Good: The candidates are listed on the commission's website.
    Good: He came here to see the full match.

    Known limits: text that still carries its URL is reported too when it
    reads "click here" (the URL itself is kept as it is).
    """
    return find(target, ctx, "dangling-link-text")
