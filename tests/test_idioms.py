"""Tests for the idiom tables and matchers (qa/idioms.py, qa/data/idioms/).

Table-driven: every entry's own examples are the first line of tests (bad
examples must match that entry, good ones must draw nothing, every source
form must be found), then a list of proper English news sentences full of
near misses must draw nothing, then the API contract (spans, overrides,
clear errors on malformed user tables).
"""

from __future__ import annotations

import itertools
import os
import textwrap
from pathlib import Path

import pytest

from qa.idioms import (
    SEVERITIES,
    Idiom,
    IdiomMatch,
    IdiomTable,
    lemma_candidates,
    source_key,
)

TABLE = IdiomTable.load()
ENTRIES = sorted(TABLE, key=lambda i: (i.lang, i.id))
BAD = [(i, s) for i in ENTRIES for s in i.examples_bad]
GOOD = [(i, s) for i in ENTRIES for s in i.examples_good]
SOURCES = [(i, f) for i in ENTRIES for f in i.source]


def _ids(pairs: list[tuple[Idiom, str]]) -> list[str]:
    return [f"{i.lang}:{i.id}:{n}" for n, (i, _) in enumerate(pairs)]


# -- the bundled tables ------------------------------------------------------


def test_table_sizes() -> None:
    by_lang: dict[str, int] = {}
    for idiom in TABLE:
        by_lang[idiom.lang] = by_lang.get(idiom.lang, 0) + 1
    assert by_lang["sh"] >= 170
    assert 5 <= by_lang["de"] <= 8
    assert 5 <= by_lang["ru"] <= 8
    assert len(TABLE) == sum(by_lang.values()) == len(list(iter(TABLE)))


def test_entries_are_well_formed() -> None:
    seen: set[tuple[str, str]] = set()
    for idiom in TABLE:
        assert (idiom.lang, idiom.id) not in seen
        seen.add((idiom.lang, idiom.id))
        assert idiom.severity in SEVERITIES
        assert idiom.source and idiom.literal and idiom.english
        assert idiom.examples_bad and idiom.examples_good
        assert idiom.suggestion == idiom.english[0]


def test_sh_sources_cover_both_scripts() -> None:
    """Serbian is written in both scripts: every sh entry lists Cyrillic forms."""
    for idiom in TABLE:
        if idiom.lang != "sh":
            continue
        assert any(any("\u0400" <= ch <= "\u04ff" for ch in f) for f in idiom.source), idiom.id
        assert any(f.isascii() or not any("\u0400" <= ch <= "\u04ff" for ch in f) for f in idiom.source)


@pytest.mark.parametrize(("idiom", "sentence"), BAD, ids=_ids(BAD))
def test_bad_example_matches_its_entry(idiom: Idiom, sentence: str) -> None:
    matches = TABLE.find_literal(sentence)
    assert any(m.idiom.id == idiom.id and m.idiom.lang == idiom.lang for m in matches), (
        sentence,
        [(m.idiom.id, sentence[m.start : m.end]) for m in matches],
    )


@pytest.mark.parametrize(("idiom", "sentence"), GOOD, ids=_ids(GOOD))
def test_good_example_draws_no_match(idiom: Idiom, sentence: str) -> None:
    matches = TABLE.find_literal(sentence)
    assert matches == [], [(m.idiom.id, sentence[m.start : m.end]) for m in matches]


@pytest.mark.parametrize(("idiom", "form"), SOURCES, ids=_ids(SOURCES))
def test_source_form_found_in_a_sentence(idiom: Idiom, form: str) -> None:
    sentence = f"Kako je rekao, {form} i to je sve."
    found = TABLE.find_source(sentence)
    hits = [(i, a, b) for i, a, b in found if i.id == idiom.id and i.lang == idiom.lang]
    assert hits, (form, [(i.id, sentence[a:b]) for i, a, b in found])
    _, a, b = hits[0]
    assert source_key(sentence[a:b]).split()[0] == source_key(form).split()[0]


# -- proper English draws nothing ----------------------------------------------

CLEAN = [
    "The announcement came like a bolt from the blue.",
    "Regulators turned a blind eye to the irregularities for years.",
    "We keep our fingers crossed for the team tonight.",
    "The merger fell through at the last minute.",
    "The two leaders met behind closed doors and later one-on-one.",
    "He buried the hatchet with his old rival after the election.",
    "Talks are deadlocked and have reached a dead end.",
    "The price hike was the last straw for the unions.",
    "The party threw in the towel after the vote.",
    "She put all her eggs in one basket.",
    "A bird in the hand is worth two in the bush.",
    "He learned first-hand how the system works.",
    "Police caught the thieves red-handed.",
    "The suspect remains at large and is still on the run.",
    "The law comes into force next month.",
    "The defence lodged an appeal against the verdict.",
    "Prosecutors filed an indictment against the former mayor.",
    "The court remanded him in custody for 30 days.",
    "The judge will determine custody of the children.",
    "The item was removed from the agenda.",
    "The company relies on daily orders from supermarkets.",
    "The team narrowly missed the title.",
    "She won an award for hair and makeup.",
    "The coalition is hanging by a thread.",
    "He knows the city like the back of his hand.",
    "The fans were dressed in red from head to toe.",
    "Pensioners struggle to make ends meet.",
    "The players gave their all in the final.",
    "The players gave all of themselves in the final.",
    "I haven't the faintest idea, she said.",
    "The vote was postponed for the umpteenth time.",
    "The reform went like clockwork.",
    "The new rules are all Greek to most taxpayers.",
    "She grew up in a Spanish village near Valencia.",
    "The Swedish table tennis player won gold.",
    "The French key witness testified on Monday.",
    "The cyclist was in the truck's blind spot.",
    "A healthy mind in a healthy body, the coach likes to say.",
    "Hundreds of people came out to light candles for the victims.",
    "Temperatures will fall to minus five degrees tonight.",
    "Temperatures fell into minus figures overnight.",
    "The firm ended the year in the red.",
    "It never crossed his mind to resign.",
    "The party plays second fiddle in the coalition.",
    "There was no talk of new elections.",
    "When it comes to corruption, nobody is safe.",
    "Word of the deal spread by word of mouth.",
    "In this regard, the minister announced new measures.",
    "The polls show a dead heat between the two candidates.",
    "Hats off to the players for this fight.",
    "Families need a roof over their heads this winter.",
    "He shot himself in the foot with that remark.",
    "The apple doesn't fall far from the tree.",
    "There is nothing new under the sun.",
    "It is raining cats and dogs in the capital.",
    "At the end of the day, the voters decide.",
    "In the long run, the reform will pay off.",
    "The bank has two branches in the city and plans more.",
    "The government sat on the fence for years.",
    "Small shareholders were left empty-handed.",
    "Beat two eggs, add the flour, bake, then let it cool.",
    "Farmers try to prevent rot in root crops after the floods.",
    "The stadium was packed to the rafters.",
    "The oldest living head of state attended the ceremony.",
    "Diplomats are walking on eggshells in the talks.",
    "The minister beat around the bush for an hour.",
    "She ate a hot dog in the park before the match.",
    "Rioters threw stones at the police.",
    "Work on Black Friday starts at six in the morning.",
    "The Eiffel Tower and city centre were closed.",
    "Investors are keeping a close eye on the bond market.",
    "The government will take the interests of farmers into account.",
    "The team won away from home for the first time this season.",
    "Fortunately, nobody was hurt in the fire.",
    "He is as fit as a fiddle at ninety.",
    "Add two eggs, such as free-range eggs, to the mixture.",
    "Children play on safe playgrounds built by the city.",
    "Revenue rose, such as from cable operators and streaming.",
    "The talks will resume on Monday. Four eyes are better than two, officials joked.",
]

# Ordinary English that an entry of severity "info" may flag (and only such).
INFO_ALLOWED = [
    "The car fell into the water after the crash.",
    "Rescuers saved a man who had fallen into the water.",
    "He played first violin in the Vienna Philharmonic.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_proper_english_draws_no_match(sentence: str) -> None:
    matches = TABLE.find_literal(sentence)
    assert matches == [], [(m.idiom.id, sentence[m.start : m.end]) for m in matches]


@pytest.mark.parametrize("sentence", INFO_ALLOWED)
def test_literal_english_only_draws_info(sentence: str) -> None:
    for m in TABLE.find_literal(sentence):
        assert m.idiom.severity == "info", (m.idiom.id, sentence[m.start : m.end])


def test_clean_list_is_long_enough() -> None:
    assert len(CLEAN) >= 40


# -- matching behaviour --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "idiom_id", "matched"),
    [
        ("They held their thumbs for him.", "drzati-palceve", "held their thumbs for"),
        ("Everyone is holding thumbs for them.", "drzati-palceve", "holding thumbs for"),
        ("She holds thumbs for the team.", "drzati-palceve", "holds thumbs for"),
        ("They TALKED IN FOUR EYES.", "u-cetiri-oka", "IN FOUR EYES"),
        ("It didn't fall on his mind.", "pasti-na-pamet", "fall on his mind"),
        ("Detention of 30 days was determined.", "odredjen-pritvor", "Detention of 30 days was determined"),
        ("The plan, in the end, fell into the water.", "pasti-u-vodu", "fell into the water"),
        ("They sat, literally, on two chairs.", "sedeti-na-dve-stolice", "sat, literally, on two chairs"),
    ],
)
def test_inflection_case_and_fillers(text: str, idiom_id: str, matched: str) -> None:
    matches = TABLE.find_literal(text)
    assert [(m.idiom.id, text[m.start : m.end]) for m in matches] == [(idiom_id, matched)]


def test_sentence_boundary_breaks_a_match() -> None:
    assert TABLE.find_literal("They sat on two. Chairs were empty.") == []
    assert TABLE.find_literal("They talked in four! Eyes were on them.") == []
    # but a full stop inside an abbreviation or number does not end a sentence
    assert TABLE.find_literal("The U.S. envoy talked in four eyes.")


def test_negative_lookahead() -> None:
    assert TABLE.find_literal("They served a Swedish table after the match.")
    assert TABLE.find_literal("The Swedish table tennis team won.") == []


def test_spans_equal_text_slice_and_are_ordered() -> None:
    text = (
        "Talks   held «in four eyes» failed; the plan fell into the water.\n"
        "Ещё: the minister, it seems, has no hair on his tongue, and it all went like on lard!"
    )
    matches = TABLE.find_literal(text)
    assert [m.idiom.id for m in matches] == [
        "u-cetiri-oka",
        "pasti-u-vodu",
        "nemati-dlake-na-jeziku",
        "kao-po-loju",
    ]
    assert all(isinstance(m, IdiomMatch) for m in matches)
    assert [text[m.start : m.end] for m in matches] == [
        "in four eyes",
        "fell into the water",
        "hair on his tongue",
        "like on lard",
    ]
    assert all(m.pattern in m.idiom.literal for m in matches)
    starts = [m.start for m in matches]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start


def test_non_overlapping() -> None:
    text = "The drop that overflowed the glass was the last drop in the cup."
    matches = TABLE.find_literal(text)
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start


def test_source_spans_and_scripts() -> None:
    text = "План је пао у воду, а они су разговарали u cetiri oka iz vijeka u vijek."
    found = TABLE.find_source(text)
    assert [(i.id, text[a:b]) for i, a, b in found] == [
        ("pasti-u-vodu", "пао у воду"),
        ("u-cetiri-oka", "u cetiri oka"),
        ("iz-veka-u-vek", "iz vijeka u vijek"),
    ]


def test_source_inflection_and_clitics() -> None:
    text = "Plan je pao je u vodi. Nije joj palo na pamet. Razgovarali su u četiri oka."
    ids = [i.id for i, _, _ in TABLE.find_source(text)]
    assert ids == ["pasti-u-vodu", "pasti-na-pamet", "u-cetiri-oka"]
    # a sentence boundary breaks a source match too
    assert TABLE.find_source("On je pao. U vodu je skočio pas.") == []
    # short words must match whole: "u" does not match "uz"
    assert TABLE.find_source("Razgovarali su uz četiri oka.") == []


def test_langs_filter() -> None:
    de = IdiomTable.load(langs=["de"])
    assert len(de) and all(i.lang == "de" for i in de)
    assert de.find_literal("They talked in four eyes.") == []
    assert de.find_literal("We press the thumbs for you.")


def test_lemma_candidates() -> None:
    assert "fall" in lemma_candidates("fell")
    assert "hold" in lemma_candidates("held")
    assert "stop" in lemma_candidates("stopped")
    assert "make" in lemma_candidates("making")
    assert "run" in lemma_candidates("running")
    assert "try" in lemma_candidates("tried")
    assert "policy" in lemma_candidates("policies")
    assert "foot" in lemma_candidates("feet")
    assert "minister" in lemma_candidates("minister's")
    assert "hope" in lemma_candidates("hoped")


def test_matching_is_linear_ish() -> None:
    """A long text with many near misses finishes quickly (no blow-up)."""
    import time

    text = "They hold the thumbs the the the and fall on the the water of the mind. " * 3000
    t0 = time.perf_counter()
    TABLE.find_literal(text)
    TABLE.find_source("pao je je je je u u u vodu " * 3000)
    assert time.perf_counter() - t0 < 10


# -- user tables ---------------------------------------------------------------

GOOD_ENTRY = """
[[idiom]]
id = "{id}"
source = ["u četiri oka"]
literal = ["{literal}"]
english = ["in private"]
meaning = "privately"
severity = "{severity}"
domain = "politics"
examples_bad = ["They talked in four eyes."]
examples_good = ["They talked in private."]
"""


def _write(tmp_path: Path, body: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'lang = "sh"\n'
        + GOOD_ENTRY.format(id="u-cetiri-oka", literal="talk in four eye", severity="minor")
        + GOOD_ENTRY.format(id="my-new-idiom", literal="green purple elephant", severity="info"),
    )
    table = IdiomTable.load([path])
    assert len(table) == len(TABLE) + 1
    replaced = table.get("u-cetiri-oka", "sh")
    assert replaced is not None and replaced.severity == "minor"
    assert replaced.literal == ("talk in four eye",)
    assert table.find_literal("A green purple elephant.")[0].idiom.id == "my-new-idiom"
    only = IdiomTable.load([path], bundled=False)
    assert len(only) == 2


def test_lang_from_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="major"), "hr.toml")
    table = IdiomTable.load([path], bundled=False)
    assert [i.lang for i in table] == ["hr"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD_ENTRY.replace('meaning = "privately"\n', ""), "missing field 'meaning'"),
        (GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="high"), "severity 'high'"),
        (GOOD_ENTRY.format(id="Bad Id", literal="talk in four eye", severity="major"), "kebab-case"),
        (GOOD_ENTRY.format(id="x", literal="eyes", severity="major"), "at least two required words"),
        (GOOD_ENTRY.format(id="x", literal="(talk) in eyes", severity="major"), "must start with a required word"),
        (GOOD_ENTRY.format(id="x", literal="talk (in eyes", severity="major"), "unbalanced parenthesis"),
        (GOOD_ENTRY.format(id="x", literal="talk in eye$s", severity="major"), "bad token"),
        (GOOD_ENTRY.format(id="x", literal="don't talk eyes", severity="major"), "contractions"),
        (GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="major").replace(
            'examples_good = ["They talked in private."]', "examples_good = []"), "examples_good"),
        (GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="major")
         + GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="major"), "duplicate id 'x'"),
        (GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="major").replace(
            'domain = "politics"', 'domain = "politics"\ncolour = "red"'), "unknown field"),
        ("[[idiom]\nid = 1\n", "not valid TOML"),
    ],
)
def test_malformed_user_table_names_the_problem(tmp_path: Path, body: str, message: str) -> None:
    body = body.replace("{id}", "x").replace("{literal}", "talk in four eye").replace("{severity}", "major")
    path = _write(tmp_path, body)
    with pytest.raises(ValueError) as err:
        IdiomTable.load([path])
    text = str(err.value)
    assert message in text
    assert str(path) in text


def test_error_names_the_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ENTRY.format(id="my-entry", literal="x", severity="major"))
    with pytest.raises(ValueError, match=r"entry 'my-entry': bad literal pattern 'x'"):
        IdiomTable.load([path])


# -- false positives on professional English news --------------------------------

def _ntrex_path() -> Path | None:
    candidates = [
        os.environ.get("QA_NTREX_ENG", ""),
        str(Path(__file__).resolve().parents[2] / "shared" / "bench" / "ntrex" / "newstest2019-src.eng.txt"),
        "/work/shared/bench/ntrex/newstest2019-src.eng.txt",
    ]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


def test_no_false_positives_on_ntrex() -> None:
    """Professional English news (NTREX newstest2019, 1,007 lines): no
    minor/major match at all, and in practice no match of any severity."""
    path = _ntrex_path()
    if path is None:
        pytest.skip("NTREX benchmark not available")
    hits = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for m in TABLE.find_literal(line):
            hits.append((m.idiom.id, m.idiom.severity, line[m.start : m.end]))
    assert [h for h in hits if h[1] != "info"] == []
    assert hits == []


def test_rule_with_source_quotes_the_aligned_source_idiom() -> None:
    import qa

    target = "Talks ended.\nThe two leaders talked in four eyes for an hour."
    source = "Razgovori su završeni.\nDvojica lidera razgovarala su u četiri oka sat vremena."
    result = qa.check(target, source=source, source_lang="sr", config=qa.Config(select=("QA701",)))
    [finding] = result.findings
    assert finding.excerpt == "in four eyes" and finding.severity is qa.Severity.MAJOR
    assert finding.related[0]["side"] == "source" and finding.related[0]["excerpt"] == "u četiri oka"
    assert "'u četiri oka'" in finding.message and finding.suggestion
