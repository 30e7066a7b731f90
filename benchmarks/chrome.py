#!/usr/bin/env python3
"""Page chrome: recall per kind and false alarms, on the labelled line set and on real news pages.

Three measurements, written into the ``chrome`` section of docs/BENCHMARKS.md:

1. **Labelled lines** (``benchmarks/data/chrome/lines.jsonl``, built by
   ``benchmarks/chrome_lines.py``): each line is checked inside a clean host
   article, an NTREX-128 English document (target only), inserted where such a
   line sits (``top``: after the headline; ``middle``; ``end``). A chrome line
   is *found* when a chrome finding overlaps it; a prose near-miss is *flagged*
   when a chrome finding overlaps it, and counted separately when any finding
   of severity major or above does. Lines left in the source language are
   checked with that source language declared (sr for Serbian and Montenegrin,
   hr, bs). The test half is the result; the dev half is printed apart, for
   whoever tunes a detector. Findings on the host article's own lines are
   counted too (they should be about zero).
2. **Real pages** (``../shared/bench/chrome/scrapinghub_aeb.jsonl``): one article
   per English page from its body blocks in order, one per line (blocks under
   tables and headline-like blocks left out; ambiguous blocks kept in the
   article but not scored). Pages are split into dev and test halves by the
   SHA-256 of their id before anything is measured. Chrome recall per severity,
   per kind of chrome where a simple rule (``block_kind``) can tell, and false
   alarms on the article's own lines (a chrome finding, or any major+ finding).
3. **The seed article's footer line** (line 36): how many findings it draws
   (one defect should be one finding).

A *chrome finding* is one that ``is_chrome_finding`` accepts: the one place to
widen when a new rule family reports chrome.

    python benchmarks/chrome.py [--bench ../shared/bench] [--write docs/BENCHMARKS.md] [--jobs 1] [--half dev]
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import qa  # noqa: E402
from chrome_lines import KINDS, LANGS, LINES, default_bench  # noqa: E402
from qa.boilerplate import MODEL_MESSAGE  # noqa: E402  (how the chrome scorer's findings begin)
from qa.parallel import check_documents  # noqa: E402
from sections import write_section  # noqa: E402

CHROME_CATEGORIES = ("content/boilerplate", "content/markup")
THRESHOLDS = (("info+", 0), ("minor+", 1), ("major+", 2))  # severity rank at or above
MAJOR = 2
SOURCE_LANG = {"en": None, "sr-Latn": "sr", "sr-Cyrl": "sr", "cnr": "sr", "hr": "hr", "bs": "bs"}
MIN_HOST_LINES = 6  # a host needs a middle
SEED = ROOT / "corpora" / "seed" / "000_e95d2a5f9d54e8aa.txt"
SEED_FOOTER_LINE = 36
FALSE_ALARM_TARGET = 0.01


def is_chrome_finding(finding: qa.Finding) -> bool:
    """Whether a finding says "this is page chrome": the categories chrome rules report under."""
    return finding.category.startswith(CHROME_CATEGORIES)


def overlaps(finding: qa.Finding, start: int, end: int) -> bool:
    if finding.side != "target":
        return False
    if finding.start == finding.end:  # a zero-width finding (an insertion point) touching the line
        return start <= finding.start <= end
    return finding.start < end and finding.end > start


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article:
    """Lines joined by newlines, with each line's character span."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        self.starts: list[int] = []
        pos = 0
        for line in self.lines:
            self.starts.append(pos)
            pos += len(line) + 1
        self.text = "\n".join(self.lines)

    def span(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.starts[i] + len(self.lines[i])

    def lines_of(self, finding: qa.Finding) -> range:
        """Indices of the lines a target finding overlaps."""
        if finding.side != "target":
            return range(0)
        first = bisect.bisect_right(self.starts, finding.start) - 1
        last = bisect.bisect_right(self.starts, max(finding.start, finding.end - 1)) - 1
        return range(max(first, 0), last + 1)


@dataclass
class LineHits:
    """What the findings of one document say about each of its lines."""

    chrome_rank: dict[int, int] = field(default_factory=dict)  # line -> highest severity rank of a chrome finding
    any_rank: dict[int, int] = field(default_factory=dict)  # line -> highest severity rank of any finding
    rules: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # line -> chrome rules
    alarm_rules: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # line -> chrome or major+ rules
    by_rule: set[int] = field(default_factory=set)  # lines with a chrome finding of a rule (not the scorer's)


def by_scorer(finding: qa.Finding) -> bool:
    """Whether a chrome finding is the chrome scorer's (qa/chrome_model.py) rather than a pattern's or a shape rule's."""
    return finding.message.startswith(MODEL_MESSAGE)


def line_hits(article: Article, result: qa.Result) -> LineHits:
    hits = LineHits()
    for f in result.findings:
        rank = f.severity.rank
        for i in article.lines_of(f):
            if not overlaps(f, *article.span(i)):
                continue
            hits.any_rank[i] = max(hits.any_rank.get(i, -1), rank)
            if is_chrome_finding(f):
                hits.chrome_rank[i] = max(hits.chrome_rank.get(i, -1), rank)
                hits.rules[i].add(f.rule)
                if not by_scorer(f):
                    hits.by_rule.add(i)
            if is_chrome_finding(f) or rank >= MAJOR:
                hits.alarm_rules[i].add(f.rule)
    return hits


# -- 1. labelled lines in host articles ---------------------------------------------------

def ntrex_documents(bench: Path) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """NTREX English articles in file order, and the document id of each line (1-based line n at n-1)."""
    ids = (bench / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    english = (bench / "ntrex" / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs = [(doc_id, [e for _, e in group]) for doc_id, group in groupby(zip(ids, english), key=lambda r: r[0])]
    return docs, ids


def origin_document(origin: str, line_ids: list[str]) -> str | None:
    """The NTREX document a mined line came from (any language: the translations are line-aligned)."""
    m = re.match(r"ntrex/[^:]+:(\d+)$", origin)
    return line_ids[int(m.group(1)) - 1] if m else None


def host_for(record: dict, hosts: list[tuple[str, list[str]]], line_ids: list[str]) -> tuple[str, list[str]]:
    """A host chosen by the hash of the line's id; never the document the line itself came from."""
    own = origin_document(record["origin"], line_ids)
    k = int(digest(record["id"]), 16) % len(hosts)
    while hosts[k][0] == own:
        k = (k + 1) % len(hosts)
    return hosts[k]


def insert(host: list[str], text: str, position: str) -> tuple[Article, int]:
    at = {"top": 1, "middle": len(host) // 2, "end": len(host)}[position]
    return Article(host[:at] + [text] + host[at:]), at


@dataclass
class LineOutcome:
    record: dict
    chrome_rank: int  # -1: no chrome finding on the line
    major: bool  # a finding of severity major or above on the line
    rules: set[str]
    scorer_only: bool  # found, and only by the chrome scorer
    host_lines: int
    host_chrome: int  # host lines with a chrome finding
    host_major: int  # host lines with a major+ finding
    host_any: int  # host lines with any finding


def check_lines(records: list[dict], bench: Path, jobs: int) -> tuple[list[LineOutcome], dict[str, int]]:
    docs, line_ids = ntrex_documents(bench)
    hosts = [d for d in docs if len(d[1]) >= MIN_HOST_LINES]
    placed = []
    for r in records:
        host_id, host = host_for(r, hosts, line_ids)
        article, at = insert(host, r["text"], r["position"])
        placed.append((r, host_id, article, at))
    documents = (qa.Document(id=r["id"], target=a.text, source_lang=SOURCE_LANG[r["lang"]], target_lang="en")
                 for r, _, a, _ in placed)
    outcomes = []
    for (r, _, article, at), result in zip(placed, check_documents(documents, qa.Config(), jobs)):
        hits = line_hits(article, result)
        others = [i for i in range(len(article.lines)) if i != at]
        outcomes.append(LineOutcome(
            record=r,
            chrome_rank=hits.chrome_rank.get(at, -1),
            major=hits.any_rank.get(at, -1) >= MAJOR,
            rules=set(hits.rules.get(at, ())),
            scorer_only=at in hits.chrome_rank and at not in hits.by_rule,
            host_lines=len(others),
            host_chrome=sum(i in hits.chrome_rank for i in others),
            host_major=sum(hits.any_rank.get(i, -1) >= MAJOR for i in others),
            host_any=sum(i in hits.any_rank for i in others),
        ))
    # the hosts that were used, checked alone: what their own lines draw without an inserted line
    used = sorted({h for _, h, _, _ in placed})
    by_id = dict(hosts)
    alone = Counter()
    articles = [Article(by_id[h]) for h in used]
    for article, result in zip(articles, check_documents((qa.Document(id=h, target=a.text) for h, a in zip(used, articles)),
                                                         qa.Config(), jobs)):
        hits = line_hits(article, result)
        alone["hosts"] += 1
        alone["lines"] += len(article.lines)
        alone["chrome"] += len(hits.chrome_rank)
        alone["major"] += sum(v >= MAJOR for v in hits.any_rank.values())
        alone["any"] += len(hits.any_rank)
    return outcomes, dict(alone)


def share(k: int, n: int) -> str:
    return f"{k / n:.3f} ({k}/{n})" if n else "-"


def _found(outcomes: Iterable[LineOutcome], rank: int) -> int:
    return sum(o.chrome_rank >= rank for o in outcomes)


def lines_tables(outcomes: list[LineOutcome], half: str) -> str:
    mine = [o for o in outcomes if o.record["split"] == half]
    chrome = defaultdict(list)
    prose = defaultdict(list)
    for o in mine:
        (chrome if o.record["label"] == "chrome" else prose)[o.record["kind"]].append(o)
    head = ("| kind | chrome lines | found info+ | found minor+ | found major+ | near-misses | flagged as chrome "
            "| with a major+ finding | rules that found the chrome |")
    rows = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for kind in [*KINDS, "all"]:
        c = [o for k in KINDS for o in chrome[k]] if kind == "all" else chrome[kind]
        p = [o for k in KINDS for o in prose[k]] if kind == "all" else prose[kind]
        rules = Counter(rule for o in c for rule in o.rules)
        cells = [str(len(c))] + [share(_found(c, rank), len(c)) for _, rank in THRESHOLDS]
        cells += [str(len(p)), share(_found(p, 0), len(p)), share(sum(o.major for o in p), len(p))]
        rule_text = ", ".join(f"{k} {v}" for k, v in rules.most_common(4)) or "-"
        name = "**all**" if kind == "all" else kind
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {rule_text} |")
    flagging = Counter(rule for k in KINDS for o in prose[k] for rule in o.rules)
    rows += ["", "Rules behind the chrome findings on near-misses: "
             + (", ".join(f"{k} {v}" for k, v in sorted(flagging.items())) or "none") + "."]
    all_chrome = [o for k in KINDS for o in chrome[k]]
    all_prose = [o for k in KINDS for o in prose[k]]
    rows += ["", f"Found by the chrome scorer alone (no pattern or shape rule): "
             f"{sum(o.scorer_only for o in all_chrome)} of {len(all_chrome)} chrome lines; near-misses flagged by it "
             f"alone: {sum(o.scorer_only for o in all_prose)} of {len(all_prose)}."]
    rows += ["", "By language of the line (a major+ finding on a near-miss left in the source language is "
             "usually a correct untranslated-text finding):", "",
             "| language | chrome lines | found info+ | found minor+ | found major+ | near-misses | flagged as chrome "
             "| with a major+ finding |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for lang in LANGS:
        c = [o for o in mine if o.record["label"] == "chrome" and o.record["lang"] == lang]
        p = [o for o in mine if o.record["label"] == "prose" and o.record["lang"] == lang]
        cells = [str(len(c))] + [share(_found(c, rank), len(c)) for _, rank in THRESHOLDS]
        cells += [str(len(p)), share(_found(p, 0), len(p)), share(sum(o.major for o in p), len(p))]
        rows.append(f"| {lang} | " + " | ".join(cells) + " |")
    rows += ["", "By position of the line:", "",
             "| position | chrome lines | found info+ | near-misses | flagged as chrome |", "|---|---:|---:|---:|---:|"]
    for position in ("top", "middle", "end"):
        c = [o for o in mine if o.record["label"] == "chrome" and o.record["position"] == position]
        p = [o for o in mine if o.record["label"] == "prose" and o.record["position"] == position]
        rows.append(f"| {position} | {len(c)} | {share(_found(c, 0), len(c))} | {len(p)} | {share(_found(p, 0), len(p))} |")
    return "\n".join(rows)


def host_table(outcomes: list[LineOutcome], alone: dict[str, int]) -> str:
    n = sum(o.host_lines for o in outcomes)
    rows = ["| host lines | checked | with a chrome finding | with a major+ finding | with any finding |",
            "|---|---:|---:|---:|---:|",
            f"| beside an inserted line (every labelled line's document) | {n} | {share(sum(o.host_chrome for o in outcomes), n)} "
            f"| {share(sum(o.host_major for o in outcomes), n)} | {share(sum(o.host_any for o in outcomes), n)} |",
            f"| the {alone.get('hosts', 0)} hosts alone | {alone.get('lines', 0)} | {share(alone.get('chrome', 0), alone.get('lines', 0))} "
            f"| {share(alone.get('major', 0), alone.get('lines', 0))} | {share(alone.get('any', 0), alone.get('lines', 0))} |"]
    return "\n".join(rows)


# -- 2. real pages ------------------------------------------------------------------------

_TABLE_TAG = re.compile(r"(?:^|[/.])(?:table|tbody|thead|tr|td|th)(?=$|[/.])")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

# The kind of a chrome block, by the first of these that matches (case-insensitive). A plain
# cascade, written from the dev half's blocks; "other" holds what none of them can tell
# (related headlines without a label, user comments, source lists, product names, bare captions).
BLOCK_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advertisement", re.compile(r"\badvert\w*|\bsponsored\b|^\W*ad\W*$|continue reading below|story continues below", re.I)),
    ("caption/credit", re.compile(r"\b(?:photo\w*|image\w*|pictured|getty|credit|courtesy|illustration|shutterstock"
                                  r"|ap|afp|reuters|epa|bloomberg)\b", re.I)),
    ("byline", re.compile(r"^\W*(?:by|posted by|written by|researched by|edited by|researchers?:|reporting by|author)\b", re.I)),
    ("dateline", re.compile(rf"^(?=.{{0,80}}$).*(?:\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}:\d{{2}}\s*(?:a\.?m|p\.?m)\b"
                            r"|\b\d+\s*[mhd]\s+ago\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b)", re.I)),
    ("share/newsletter", re.compile(r"\b(?:share\w*|facebook|twitter|linkedin|flipboard|pinterest|whatsapp|reddit"
                                    r"|e-?mail|print|copy link|newsletter|subscribe|sign up|follow us|app)\b", re.I)),
    ("related/more", re.compile(r"^\W*(?:related|more\b|read more|read next|explore further|also:|see also|view all"
                                r"|recommended|popular|trending|most read|you may)|\bmore in\b", re.I)),
)
BLOCK_KIND_NAMES = tuple(name for name, _ in BLOCK_KINDS) + ("other",)


def block_kind(text: str) -> str:
    for name, pattern in BLOCK_KINDS:
        if pattern.search(text):
            return name
    return "other"


def split_pages(pages: list[dict]) -> dict[str, str]:
    """Page id -> dev or test: pages in SHA-256 order of their id, alternately."""
    order = sorted(pages, key=lambda p: digest(p["id"]))
    return {p["id"]: ("dev", "test")[i % 2] for i, p in enumerate(order)}


@dataclass
class PageLine:
    page: str
    half: str
    chrome: bool
    ambiguous: bool
    kind: str
    chrome_rank: int
    any_rank: int
    alarm_rules: set[str]
    scorer_only: bool = False  # a chrome finding, and only the chrome scorer's


def page_article(page: dict) -> list[dict]:
    return [b for b in page["blocks"]
            if b["region"] == "body" and not b["headline_like"] and not _TABLE_TAG.search(b["tag"])]


def check_pages(bench: Path, jobs: int) -> tuple[list[PageLine], Counter[str]]:
    path = bench / "chrome" / "scrapinghub_aeb.jsonl"
    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    halves = split_pages(pages)
    kept, skipped = [], Counter()
    for p in pages:
        if p["lang"] != "en":
            skipped["not in English"] += 1
        elif p.get("gold_recall", 1.0) < 0.8:
            skipped["gold_recall < 0.8"] += 1
        elif not page_article(p):
            skipped["no body blocks"] += 1
        else:
            kept.append(p)
    articles = [(p, page_article(p)) for p in kept]
    docs = (qa.Document(id=p["id"], target=Article([b["text"] for b in blocks]).text) for p, blocks in articles)
    out = []
    for (p, blocks), result in zip(articles, check_documents(docs, qa.Config(), jobs)):
        article = Article([b["text"] for b in blocks])
        hits = line_hits(article, result)
        for i, b in enumerate(blocks):
            out.append(PageLine(p["id"], halves[p["id"]], b["chrome"], b["ambiguous"],
                                block_kind(b["text"]) if b["chrome"] else "", hits.chrome_rank.get(i, -1),
                                hits.any_rank.get(i, -1), set(hits.alarm_rules.get(i, ())),
                                i in hits.chrome_rank and i not in hits.by_rule))
    skipped["pages kept"] = len(kept)
    skipped["dev pages"] = sum(halves[p["id"]] == "dev" for p in kept)
    skipped["test pages"] = sum(halves[p["id"]] == "test" for p in kept)
    return out, skipped


def mean_page_recall(chrome: list[PageLine]) -> str:
    """Recall averaged over pages, so that one page with a hundred blocks does not stand for all."""
    by_page: dict[str, list[PageLine]] = defaultdict(list)
    for x in chrome:
        by_page[x.page].append(x)
    if not by_page:
        return "-"
    return f"{sum(sum(x.chrome_rank >= 0 for x in v) / len(v) for v in by_page.values()) / len(by_page):.3f} ({len(by_page)} pages)"


def pages_tables(lines: list[PageLine], counts: Counter[str]) -> str:
    rows = ["| half | pages | article lines | chrome blocks | recall info+ | recall minor+ | recall major+ "
            "| mean recall per page, info+ | non-chrome lines | with a chrome finding | with a major+ finding "
            "| false alarms (either; target ≤ 0.01) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for half in ("test", "dev"):
        mine = [x for x in lines if x.half == half]
        chrome = [x for x in mine if x.chrome and not x.ambiguous]
        clean = [x for x in mine if not x.chrome and not x.ambiguous]
        cells = [str(counts[f"{half} pages"]), str(len(mine)), str(len(chrome))]
        cells += [share(sum(x.chrome_rank >= rank for x in chrome), len(chrome)) for _, rank in THRESHOLDS]
        cells += [mean_page_recall(chrome), str(len(clean)), share(sum(x.chrome_rank >= 0 for x in clean), len(clean)),
                  share(sum(x.any_rank >= MAJOR for x in clean), len(clean)),
                  share(sum(x.chrome_rank >= 0 or x.any_rank >= MAJOR for x in clean), len(clean))]
        rows.append(f"| {half} | " + " | ".join(cells) + " |")
    for half in ("test", "dev"):
        alarms = Counter(rule for x in lines if x.half == half and not x.chrome and not x.ambiguous
                         for rule in x.alarm_rules)
        rows.append(f"\nRules behind the {half} half's false alarms: "
                    + (", ".join(f"{k} {v}" for k, v in sorted(alarms.items())) or "none") + ".")
        mine = [x for x in lines if x.half == half and not x.ambiguous]
        rows.append(f"Chrome scorer alone ({half}): {sum(x.scorer_only for x in mine if x.chrome)} chrome blocks found, "
                    f"{sum(x.scorer_only for x in mine if not x.chrome)} article lines flagged.")
    rows += ["", "Chrome recall per kind of block (kind told by `block_kind`, a documented regex cascade):", "",
             "| kind | test blocks | test info+ | test minor+ | test major+ | dev blocks | dev info+ |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for kind in (*BLOCK_KIND_NAMES, "all but other"):
        def told(x: PageLine, kind: str = kind) -> bool:
            return x.kind != "other" if kind == "all but other" else x.kind == kind

        test = [x for x in lines if x.half == "test" and x.chrome and not x.ambiguous and told(x)]
        dev = [x for x in lines if x.half == "dev" and x.chrome and not x.ambiguous and told(x)]
        cells = [str(len(test))] + [share(sum(x.chrome_rank >= rank for x in test), len(test)) for _, rank in THRESHOLDS]
        cells += [str(len(dev)), share(sum(x.chrome_rank >= 0 for x in dev), len(dev))]
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


# -- 3. the seed's footer line ------------------------------------------------------------

def seed_footer() -> tuple[int, list[str]]:
    """Findings on the seed article's footer line, checked as seed_check.py checks it (source language sr)."""
    text = SEED.read_text(encoding="utf-8")
    result = qa.Engine().check(qa.Document(id=SEED.stem, target=text, source_lang="sr", target_lang="en"))
    on = [f for f in result.findings if f.side == "target" and f.line <= SEED_FOOTER_LINE <= f.end_line]
    return len(on), sorted(f"{f.rule} {f.name} ({f.severity.value})" for f in on)


def seed_check_verdict() -> str | None:
    """The last line of ../shared/tools/seed_check.py run on this checkout, where that tool is found."""
    for base in (ROOT.parent, ROOT.parent.parent):
        tool = base / "shared" / "tools" / "seed_check.py"
        if tool.exists():
            run = subprocess.run([sys.executable, str(tool), sys.executable, "-m", "qa"], capture_output=True,
                                 text=True, cwd=ROOT, timeout=300)
            lines = [ln for ln in run.stdout.splitlines() if ln.strip()]
            return f"exit {run.returncode}: {lines[-1] if lines else run.stderr.strip()[-200:]}"
    return None


# -- the section --------------------------------------------------------------------------

def render(outcomes: list[LineOutcome], alone: dict[str, int], page_lines: list[PageLine], counts: Counter[str],
           footer: tuple[int, list[str]]) -> str:
    records = [o.record for o in outcomes]
    n_chrome = sum(r["label"] == "chrome" for r in records)
    n_prose = len(records) - n_chrome
    dropped = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k not in ("pages kept", "dev pages", "test pages"))
    parts = [
        "### Page chrome: labelled lines and real pages",
        "",
        f"qa {qa.__version__}; data: `benchmarks/data/chrome/lines.jsonl` ({n_chrome} chrome lines written for this "
        f"project, {n_prose} prose near-misses from NTREX-128, WMT 2020 MQM human translations and DEMETR; split "
        "dev/test before any tuning), hosts from NTREX-128 English (CC BY-SA 4.0); real pages from the Scrapinghub "
        "article-extraction benchmark (MIT).",
        "Regenerate: `python benchmarks/chrome.py --write docs/BENCHMARKS.md` "
        "(the line set itself: `python benchmarks/chrome_lines.py build`)",
        "",
        "A chrome finding is one whose category starts with `content/boilerplate` or `content/markup`. Found: a chrome "
        "finding at that severity or above overlaps the line. Flagged: a chrome finding of any severity overlaps a "
        "near-miss. Each line is checked inside an NTREX English article (target only) where such a line sits: "
        "after the headline (top), in the middle, or at the end; source-language lines with their source language.",
        "",
        "#### Labelled lines, test half (the result)",
        "",
        lines_tables(outcomes, "test"),
        "",
        "Findings on the host articles' own lines (every finding there is a false alarm or the host's own):",
        "",
        host_table(outcomes, alone),
        "",
        "#### Labelled lines, dev half (for tuning a detector; not a result)",
        "",
        lines_tables(outcomes, "dev"),
        "",
        "#### Real pages: Scrapinghub article-extraction benchmark, body region",
        "",
        f"{counts['pages kept']} English pages ({counts['test pages']} test, {counts['dev pages']} dev; halves by the "
        f"SHA-256 of the page id); left out: {dropped or 'none'}. One article per page from its `body` blocks, one "
        "per line, without blocks under tables and headline-like blocks; ambiguous blocks stay in the article and are "
        "not scored. Recall: chrome blocks with an overlapping chrome finding. False alarms: non-chrome lines with a "
        "chrome finding or any major+ finding. Label noise: the annotated bodies leave out bylines, datelines, "
        "captions, user comments, source lists and related-article headlines, so all of those count as chrome here.",
        "",
        pages_tables(page_lines, counts),
        "",
        "#### The seed's footer line",
        "",
        f"Line {SEED_FOOTER_LINE} of the seed article (`Follow us on Facebook,Twitter i Viber. If you have a topic "
        f"proposal for us, contact us at ...`), checked with source language sr: {footer[0]} finding(s)"
        + (": " + "; ".join(footer[1]) if footer[1] else "") + ". One defect should be one finding.",
    ]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=default_bench())
    parser.add_argument("--lines", type=Path, default=LINES)
    parser.add_argument("--write", type=Path, help="write the tables into this Markdown file's chrome section")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: one process)")
    parser.add_argument("--no-seed-check", action="store_true", help="do not run ../shared/tools/seed_check.py")
    parser.add_argument("--lines-only", action="store_true",
                        help="measure the labelled lines only (no real pages, no seed), e.g. with "
                             "--lines benchmarks/data/chrome/lines_dev2.jsonl --half dev")
    parser.add_argument("--half", choices=("dev", "both"), default="both",
                        help="dev: measure and print the dev halves only, so that tuning never sees a test figure "
                             "(the test rows print as '-'; cannot be combined with --write)")
    args = parser.parse_args(argv)
    if args.half == "dev" and args.write:
        parser.error("--half dev does not write the tables: the published figures are the test halves")
    records = [json.loads(line) for line in args.lines.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.half == "dev":
        records = [r for r in records if r["split"] == "dev"]
    outcomes, alone = check_lines(records, args.bench, args.jobs)
    if args.lines_only:
        if args.write:
            parser.error("--lines-only does not write the tables")
        print(lines_tables(outcomes, "dev" if args.half == "dev" else "test"))
        print("\nHost lines:\n\n" + host_table(outcomes, alone))
        return 0
    page_lines, counts = check_pages(args.bench, args.jobs)
    if args.half == "dev":
        page_lines = [x for x in page_lines if x.half == "dev"]
        counts["test pages"] = 0
    body = render(outcomes, alone, page_lines, counts, seed_footer())
    print(body)
    if not args.no_seed_check:
        verdict = seed_check_verdict()
        if verdict:
            print(f"\nseed_check.py: {verdict}")
    if args.write:
        write_section(args.write, "chrome", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
