"""The labelled chrome line set (benchmarks/data/chrome/lines.jsonl): schema, coverage, an honest split.

These read the committed file and check it on its own terms (the normalisation
below is written here, not imported from the builder, so a bug in the builder's
split cannot hide itself). The provenance and rebuild checks need the shared
bench data and are skipped without it.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINES = ROOT / "benchmarks" / "data" / "chrome" / "lines.jsonl"
WRITTEN = ROOT / "benchmarks" / "data" / "chrome" / "written.txt"

KINDS = {
    "counter-meta", "byline", "dateline", "photo-credit", "share-bar", "follow-call", "newsletter", "tags",
    "contact", "teaser", "ad-marker", "embed-label", "cookie-consent", "copyright", "mt-disclaimer",
    "comments-furniture", "dangling-link", "navigation",
}
SOURCE_LANGS = {"sr-Latn", "sr-Cyrl", "hr", "bs", "cnr"}
KEYS = ["id", "text", "label", "kind", "lang", "position", "split", "origin"]


def _bench() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "bench" / "ntrex").is_dir():
            return base / "shared" / "bench"
    return None


BENCH = _bench()
needs_bench = pytest.mark.skipif(BENCH is None, reason="../shared/bench is not here")


def normalise(text: str) -> str:
    """Casefolded, whitespace collapsed, every run of digits replaced by one 0."""
    return re.sub(r"\d+", "0", " ".join(text.casefold().split()))


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in LINES.read_text(encoding="utf-8").splitlines()]


def test_every_record_has_the_schema(records: list[dict]) -> None:
    for r in records:
        assert list(r) == KEYS, r
        assert r["label"] in ("chrome", "prose")
        assert r["kind"] in KINDS
        assert r["lang"] in {"en"} | SOURCE_LANGS
        assert r["position"] in ("top", "middle", "end")
        assert r["split"] in ("dev", "test")
        assert r["text"].strip() and "\n" not in r["text"]
        assert r["origin"] == "written" if r["label"] == "chrome" else r["origin"] != "written"
        assert r["id"].startswith(f"{r['label'][0]}-{r['kind']}-")
    assert len({r["id"] for r in records}) == len(records)


def test_texts_are_distinct(records: list[dict]) -> None:
    counts = Counter(normalise(r["text"]) for r in records)
    assert [t for t, n in counts.items() if n > 1] == []


def test_sizes_and_coverage(records: list[dict]) -> None:
    chrome = [r for r in records if r["label"] == "chrome"]
    prose = [r for r in records if r["label"] == "prose"]
    assert len(chrome) >= 400 and len(prose) >= 400
    per_kind = Counter(r["kind"] for r in chrome)
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 20
    assert sum(r["lang"] != "en" for r in chrome) / len(chrome) >= 0.35
    # every source-language variant is present in most kinds
    for lang in SOURCE_LANGS:
        assert sum(any(r["kind"] == k and r["lang"] == lang for r in chrome) for k in KINDS) >= 2 * len(KINDS) / 3
    assert {r["lang"] for r in prose} >= {"en", "sr-Latn", "sr-Cyrl", "hr", "bs"}
    assert set(Counter(r["kind"] for r in prose)) == KINDS


def test_split_is_balanced_per_kind(records: list[dict]) -> None:
    count = Counter((r["kind"], r["label"], r["split"]) for r in records)
    for kind in KINDS:
        for label in ("chrome", "prose"):
            dev, test = count[(kind, label, "dev")], count[(kind, label, "test")]
            assert abs(dev - test) <= 2, (kind, label, dev, test)
            assert dev >= 5 and test >= 5
    halves = Counter(r["split"] for r in records)
    assert abs(halves["dev"] - halves["test"]) <= 0.02 * len(records)


def test_no_text_in_both_halves(records: list[dict]) -> None:
    halves: dict[str, set[str]] = defaultdict(set)
    for r in records:
        halves[normalise(r["text"])].add(r["split"])
    assert [t for t, s in halves.items() if len(s) > 1] == []


def test_every_written_line_is_in_the_set(records: list[dict]) -> None:
    written = []
    for line in WRITTEN.read_text(encoding="utf-8").split("\n"):
        m = re.match(r"^(\S+) (top|middle|end): (.*)$", line)
        if m and not line.startswith("#"):
            written.append(m.group(3))
    assert sorted(written) == sorted(r["text"] for r in records if r["label"] == "chrome")


@needs_bench
def test_near_misses_are_verbatim_at_their_origin(records: list[dict]) -> None:
    assert BENCH is not None
    files: dict[str, list[str]] = {}
    demetr: dict[str, dict[int, str]] = {}
    mqm: dict[tuple[str, str, str], str] = {}
    for r in (r for r in records if r["label"] == "prose"):
        where, _, rest = r["origin"].partition(":")
        if where.startswith("ntrex/"):
            lines = files.setdefault(where, (BENCH / where).read_text(encoding="utf-8").split("\n"))
            assert lines[int(rest) - 1] == r["text"], r["origin"]
        elif where.startswith("demetr/"):
            items = demetr.setdefault(where, {it["id"]: it["eng_sent"] for it in
                                              json.loads((BENCH / where).read_text(encoding="utf-8"))})
            assert items[int(rest.removeprefix("id="))] == r["text"], r["origin"]
        else:
            assert where.startswith("mqm/"), r["origin"]
            if not mqm:
                with gzip.open(BENCH / where, "rt", encoding="utf-8") as f:
                    next(f)
                    for row in f:
                        c = row.rstrip("\n").split("\t")
                        mqm.setdefault((c[0], c[1], c[3]), c[6].replace("<v>", "").replace("</v>", ""))
            system, doc, seg = rest.split(":")
            assert mqm[(system, doc.removeprefix("doc="), seg.removeprefix("seg="))] == r["text"], r["origin"]


@needs_bench
def test_the_build_reproduces_the_committed_file(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import chrome_lines
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = tmp_path / "lines.jsonl"
    chrome_lines.build(BENCH, out)
    assert out.read_bytes() == LINES.read_bytes()
