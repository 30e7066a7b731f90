"""The idiom table's coverage data: the held-out set is well formed and split honestly; new entries work through QA701.

The held-out set (``benchmarks/data/idioms/heldout.jsonl``) is what the
published idiom recall is measured on, so its schema and its dev/test split
are tested here: a split by idiom that leaks (one idiom in both halves) or
that drifts from the hash it claims would make the test figure meaningless.
The rule tests use sentences written for this file, not the entries' own
examples and not held-out sentences.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

import qa
from qa.idioms import IdiomTable

HELDOUT = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "idioms" / "heldout.jsonl"
FIELDS = {"id", "idiom", "meaning", "text", "label", "in_table_before", "split"}
SH = IdiomTable.load(langs=["sh"])


def _records() -> list[dict]:
    with HELDOUT.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


RECORDS = _records()
BY_IDIOM: dict[str, list[dict]] = defaultdict(list)
for _r in RECORDS:
    BY_IDIOM[_r["idiom"]].append(_r)


def split_of(idiom: str) -> str:
    """The split rule stated in benchmarks/data/idioms/README.md."""
    h = hashlib.sha256(unicodedata.normalize("NFC", idiom).casefold().encode("utf-8")).hexdigest()
    return "dev" if int(h[:8], 16) % 2 == 0 else "test"


# -- the held-out set --------------------------------------------------------------


def test_records_have_the_schema() -> None:
    for r in RECORDS:
        assert set(r) == FIELDS, r
        assert all(isinstance(r[k], str) and r[k].strip() for k in FIELDS - {"in_table_before"}), r
        assert isinstance(r["in_table_before"], bool), r
        assert r["label"] in {"literal", "proper"}, r
        assert r["split"] in {"dev", "test"}, r
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))


def test_size_and_coverage_of_the_set() -> None:
    assert len(RECORDS) >= 400
    missing = {i for i, rs in BY_IDIOM.items() if not rs[0]["in_table_before"]}
    assert len(missing) >= 60
    assert len(BY_IDIOM) - len(missing) >= 30
    for idiom, rs in BY_IDIOM.items():
        labels = [r["label"] for r in rs]
        assert labels.count("literal") >= 2, idiom
        assert labels.count("proper") >= 1, idiom


def test_idiom_level_fields_agree_within_an_idiom() -> None:
    for idiom, rs in BY_IDIOM.items():
        assert len({r["meaning"] for r in rs}) == 1, idiom
        assert len({r["in_table_before"] for r in rs}) == 1, idiom


def test_no_idiom_is_in_both_halves() -> None:
    for idiom, rs in BY_IDIOM.items():
        assert len({r["split"] for r in rs}) == 1, idiom


def test_split_is_the_stated_hash_of_the_idiom() -> None:
    for idiom, rs in BY_IDIOM.items():
        assert rs[0]["split"] == split_of(idiom), idiom
    halves = {s: sum(1 for rs in BY_IDIOM.values() if rs[0]["split"] == s) for s in ("dev", "test")}
    assert min(halves.values()) >= 0.4 * len(BY_IDIOM), halves


def test_idioms_marked_in_the_table_are_still_listed() -> None:
    """Entries are not removed: an idiom the table had when the set was made is still found in a source text."""
    for idiom, rs in BY_IDIOM.items():
        if rs[0]["in_table_before"]:
            assert SH.find_source(idiom), idiom


def test_literal_and_proper_sentences_differ() -> None:
    for idiom, rs in BY_IDIOM.items():
        literal = {r["text"] for r in rs if r["label"] == "literal"}
        proper = {r["text"] for r in rs if r["label"] == "proper"}
        assert not literal & proper, idiom


# -- new entries through the rule ------------------------------------------------------


def findings(target: str, source: str | None = None) -> list[qa.Finding]:
    result = qa.check(target, source=source, source_lang="sr", config=qa.Config(select=("QA701",)))
    assert not result.rule_errors
    return result.findings


@pytest.mark.parametrize(
    ("text", "excerpt", "severity"),
    [
        ("Let Podgorica look at its own jobs, the spokeswoman replied.", "look at its own jobs", qa.Severity.MAJOR),
        ("Before the vote, deputies should put a finger on their forehead.", "put a finger on their forehead", qa.Severity.MAJOR),
        ("The strike left commuters on the colander for a week.", "left commuters on the colander", qa.Severity.MAJOR),
        ("He replied dead cold that he had never signed anything.", "replied dead cold", qa.Severity.MAJOR),
        ("Retirees have a full cap of such reforms.", "have a full cap", qa.Severity.MAJOR),
        ("The fans packed the hall to the plank on Friday.", "packed the hall to the plank", qa.Severity.MAJOR),
        ("The premier struck the foundations for a new alliance.", "struck the foundations for", qa.Severity.MAJOR),
        ("The question of the reporter hit right in the middle of Wednesday.", "hit right in the middle of Wednesday", qa.Severity.MAJOR),
        ("The sewage plant stinks to evil god.", "to evil god", qa.Severity.MAJOR),
        ("Every force is for a time, the graffiti in Belgrade says.", "Every force is for a time", qa.Severity.MAJOR),
        ("The opposition again had no loop to boycott the session.", "had no loop", qa.Severity.MAJOR),
        ("Millions of euros went into the wind on the unfinished stadium.", "euros went into the wind", qa.Severity.MAJOR),
        ("A judge without a villa is a white crow here.", "is a white crow", qa.Severity.MINOR),
        ("The two coalition parties are like horns in a sack.", "like horns in a sack", qa.Severity.MAJOR),
        ("The bill is without head and tail, the auditors wrote.", "without head and tail", qa.Severity.MINOR),
    ],
)
def test_new_entry_is_reported_with_its_severity(text: str, excerpt: str, severity: qa.Severity) -> None:
    [finding] = findings(text)
    assert finding.excerpt == excerpt
    assert finding.severity is severity
    assert finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        # The same English words used literally and correctly: the new patterns must stay quiet.
        "Drain the beans and leave them on the colander for a minute.",
        "The driver was dead, cold and pale when paramedics arrived.",
        "The girl's cap was full of strawberries from the garden.",
        "The dispute was referred to the board on Friday.",
        "The earthquake hit the foundations of the old bridge.",
        "Heavy rain hit in the middle of Wednesday night.",
        "Gulls circled the harbour and a white heron stood on the rocks.",
        "The chicken stews in the sauce for an hour before serving.",
        "The minister gave his word that the clinic will open in May.",
        "Only two shots were on target in the first half.",
        "Strong winds blew sand into the eyes of spectators at the beach volleyball final.",
        "Ticket sales were handled over a secure internet connection.",
        "The aid parcels were carried in a large bag to the village.",
    ],
)
def test_near_misses_of_new_entries_draw_nothing(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Lorries raised dust in the village all summer.",
        "The chameleon has a long tongue.",
        "It can be seen from a plane how far the fire spread.",
    ],
)
def test_entries_that_can_be_plain_english_are_only_info(text: str) -> None:
    hits = findings(text)
    assert hits and all(f.severity is qa.Severity.INFO for f in hits)


def test_source_confirms_a_new_entry_and_raises_it_to_major() -> None:
    target = "The session ended.\nThe small parties were left on the meadow after the vote."
    source = "Sednica je završena.\nMale stranke su ostale na ledini posle glasanja."
    [finding] = findings(target, source)
    assert finding.excerpt == "left on the meadow"
    assert finding.severity is qa.Severity.MAJOR
    assert finding.related[0]["side"] == "source" and finding.related[0]["excerpt"] == "ostale na ledini"


def test_cyrillic_source_confirms_a_new_entry() -> None:
    target = "Residents say the firm is threshing money on the new parking fees."
    source = "Грађани кажу да фирма млати паре на новим паркинг таксама."
    [finding] = findings(target, source)
    assert finding.severity is qa.Severity.MAJOR
    assert finding.related[0]["excerpt"] == "млати паре"
