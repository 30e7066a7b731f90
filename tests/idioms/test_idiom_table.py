"""The bundled idiom tables are well formed and their own examples hold; users' tables extend them and
a malformed one is refused with a message that names the file, the entry and the field.

Table-driven: every entry's own examples are checked (a bad example matches its entry, a good one
draws nothing, every source form is found). This is data validation, counted as such: one test per
table row (see tests/README.md), not a measure of recall (``benchmarks/idioms.py`` measures that on
examples written apart from the table).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from qa.idioms import Idiom, IdiomTable, source_key
from qa.model import Severity

TABLE = IdiomTable.load()
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
        assert isinstance(idiom.severity, Severity) and idiom.severity is not Severity.CRITICAL
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


def test_langs_filter() -> None:
    de = IdiomTable.load(langs=["de"])
    assert len(de) and all(i.lang == "de" for i in de)
    assert de.find_literal("They talked in four eyes.") == []
    assert de.find_literal("We press the thumbs for you.")


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
        (GOOD_ENTRY.format(id="x", literal="talk in four eye", severity="high"), "field 'severity': 'high' is not one of"),
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
    with pytest.raises(ValueError, match=r"idiom 1 \('my-entry'\): bad literal pattern 'x'"):
        IdiomTable.load([path])




def test_the_shipped_tables_pass_their_schema() -> None:
    """The shipped tables load without the schema check at run time; here they must pass it."""
    from qa.idioms.table import bundled_paths, read_file
    from qa.tables import IDIOMS, load_table

    for path in bundled_paths():
        assert load_table(path, IDIOMS)  # raises ValueError naming the entry on a schema error
        assert read_file(path, validate=False) == read_file(path)


def test_an_idiom_added_to_a_table_at_run_time_is_found(tmp_path) -> None:
    from qa.idioms import IdiomTable

    extra = tmp_path / "sh.toml"
    extra.write_text(
        '[[idiom]]\nid = "brati-grozdje-sa-cicka"\nsource = ["brati grožđe sa čička"]\n'
        'literal = ["pick grape from (the) thistle"]\nenglish = ["expect the impossible"]\n'
        'meaning = "to hope for a result that cannot come"\ndomain = "general"\nseverity = "minor"\n'
        'examples_bad = ["They are picking grapes from the thistle."]\nexamples_good = ["They expect the impossible."]\n',
        encoding="utf-8")
    text = "The opposition is picking grapes from the thistles."
    assert not IdiomTable.load().find_literal(text)
    found = IdiomTable.load(extra).find_literal(text)
    assert [(m.idiom.id, text[m.start:m.end]) for m in found] == [("brati-grozdje-sa-cicka", "picking grapes from the thistles")]
