"""Every input format: the untranslated "i" and the changed number found at the right unit and place, nothing on markup.

The files in ``tests/data/formats/`` hold the same three-paragraph article
(a headline, "Milan i Ana Petrović signed ..." with the Serbian "i" left in,
and "1,600" where the source says 1.500), each wrapped in its format's
markup: inline codes in XLIFF and TMX, tags, entities, a script and a style
in HTML, front matter, code and HTML blocks in Markdown, a table in DOCX.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qa.cli import main
from qa.io import load_documents
from qa.model import Document

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
MARKUP = ("<", ">", "&lt;", "&amp;", "ph", "bpt", "{", "---", "```", "**", "#")


def run(*argv: str, stdin: bytes | None = None) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        import sys

        real = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
        try:
            code = main(["check", "--format", "json", "--no-config", "-j", "1", *argv], stdout=out, stderr=err)
        finally:
            sys.stdin = real
    else:
        code = main(["check", "--format", "json", "--no-config", "-j", "1", *argv], stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return code, json.loads(out.getvalue()), err.getvalue()


def by_rule(doc: dict, rule: str) -> dict:
    [finding] = [f for f in doc["findings"] if f["rule"] == rule]
    return finding


def assert_no_finding_on_markup(doc: dict) -> None:
    for f in doc["findings"]:
        assert not any(m in f["excerpt"] for m in MARKUP), f


UNIT_FILES = [
    ("article.xlf", (), "sr", "en"),
    ("article-2.0.xlf", (), "sr", "en"),
    ("article.po", (), "sr", "en"),
    ("article.tmx", (), "sr", "en-GB"),
    ("article.csv", ("--source-lang", "sr"), "sr", "en"),
    ("article.tsv", ("--source-lang", "sr", "--columns", "id=key,source=sr", "--columns", "target=en"), "sr", "en"),
]


@pytest.mark.parametrize("name, flags, source_lang, target_lang", UNIT_FILES, ids=[u[0] for u in UNIT_FILES])
def test_translation_file_findings_carry_their_unit(name: str, flags: tuple[str, ...], source_lang: str, target_lang: str) -> None:
    code, report, _ = run(str(DATA / name), *flags)
    [doc] = report["documents"]
    assert code == 1 and doc["error"] is None
    assert (doc["source_lang"], doc["target_lang"]) == (source_lang, target_lang)  # the file's own languages where it has them
    untranslated, number = by_rule(doc, "QA101"), by_rule(doc, "QA801")
    # positions count within the unit's text: "Milan i Ana", "The budget amounts to 1,600"
    assert (untranslated["unit"], untranslated["line"], untranslated["column"], untranslated["excerpt"]) == ("signing", 1, 7, "i")
    assert (number["unit"], number["line"], number["column"], number["excerpt"]) == ("amount", 1, 23, "1,600")
    assert {f["rule"] for f in doc["findings"]} <= {"QA101", "QA801", "QA802"}  # QA802: "Monday" (info)
    assert_no_finding_on_markup(doc)


def test_the_untranslatable_unit_is_left_out() -> None:
    [doc] = load_documents([str(DATA / "article.xlf")])
    assert [u.id for u in doc.units] == ["headline", "signing", "amount"]
    assert "div" not in doc.source and "<" not in doc.target


def _file_text(doc: dict, finding: dict, path: Path) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert finding["line"] == finding["end_line"]
    return lines[finding["line"] - 1][finding["column"] - 1 : finding["end_column"] - 1]


@pytest.mark.parametrize("ext, i_at, number_at", [("html", (13, 27), (15, 33)), ("md", (8, 7), (11, 26))])
def test_html_and_markdown_findings_point_into_the_file(ext: str, i_at: tuple[int, int], number_at: tuple[int, int]) -> None:
    path = DATA / f"article.{ext}"
    code, report, _ = run(str(path), "--source", str(DATA / f"article.sr.{ext}"), "--source-lang", "sr")
    [doc] = report["documents"]
    assert code == 1 and doc["error"] is None
    untranslated, number = by_rule(doc, "QA101"), by_rule(doc, "QA801")
    assert (untranslated["line"], untranslated["column"]) == i_at
    assert (number["line"], number["column"]) == number_at
    for f in doc["findings"]:  # every finding's line and columns cut exactly its excerpt out of the file
        assert _file_text(doc, f, path) == f["excerpt"], f
    assert {f["rule"] for f in doc["findings"]} <= {"QA101", "QA801", "QA802"}
    assert_no_finding_on_markup(doc)


def test_html_extraction_drops_head_scripts_styles_and_comments_and_decodes_entities() -> None:
    [doc] = load_documents([str(DATA / "article.html")])
    assert doc.target.split("\n") == [
        "The municipality of Čačak adopted a new budget on Monday.",
        "Milan i Ana Petrović signed the decision in the city\xa0assembly.",
        "The budget amounts to 1,600 million dinars, Petrović said — “a record”.",
        "",
    ]


def test_markdown_extraction_keeps_prose_only() -> None:
    [doc] = load_documents([str(DATA / "article.md")])
    assert doc.target == (
        "The municipality of Čačak adopted a new budget on Monday\n"
        "Milan i Ana Petrović signed the decision in the city assembly.\n"
        "The budget amounts to 1,600 million dinars, Petrović said — *a record*.\n"
    )


def test_docx_findings_point_at_paragraph_and_column() -> None:
    code, report, _ = run(str(DATA / "article.docx"), "--source", str(DATA / "article.sr.docx"), "--source-lang", "sr")
    [doc] = report["documents"]
    assert code == 1
    untranslated, number = by_rule(doc, "QA101"), by_rule(doc, "QA801")
    assert (untranslated["line"], untranslated["column"]) == (2, 7)  # second paragraph
    assert (number["line"], number["column"]) == (5, 23)  # heading, paragraph, empty paragraph, two table cells
    assert_no_finding_on_markup(doc)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("broken.xlf", b'<xliff version="1.2"><file><body><trans-unit id="a"><source>x</sour', "not a valid XLIFF file"),
        ("broken.po", b'msgid "x"\nmsgstr "y\n', "not a valid PO file"),
        ("broken.tmx", b"<tmx><body><tu>", "not a valid TMX file"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a Word document"),
        ("no-target.csv", b"id,source\n1,Dobar dan.\n", "no 'target' column"),
        ("broken.html", b"\x00\x01\x02\x03" * 64, "binary data"),
    ],
)
def test_a_broken_file_is_an_error_document_and_the_rest_is_checked(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz-good.txt").write_text("The talks went well, the minister said on Monday.\n", encoding="utf-8")
    code, report, err = run(str(tmp_path))
    assert code == 2
    errors = {d["id"]: d["error"] for d in report["documents"]}
    assert errors["zz-good"] is None
    [broken] = [e for e in errors.values() if e]
    assert message in broken and name in broken
    assert f"qa: error: {broken}" in err


def test_stdin_jsonl_with_stdin_filename_is_a_corpus() -> None:
    corpus = b'{"id": "a", "target": "One fine sentence."}\n{"id": "b", "target": "Pratite nas on Facebook, Twitter i Viber."}\n'
    code, report, _ = run("-", "--stdin-filename", "feed.jsonl", stdin=corpus)
    assert [d["id"] for d in report["documents"]] == ["a", "b"]
    assert report["documents"][1]["path"] == "feed.jsonl" and code == 1


def test_stdin_takes_the_format_of_its_name() -> None:
    code, report, _ = run("-", "--stdin-filename", "page.html", stdin=(DATA / "article.html").read_bytes())
    [doc] = report["documents"]
    assert doc["id"] == "page" and doc["path"] == "page.html"
    assert (by_rule(doc, "QA101")["line"], by_rule(doc, "QA101")["column"]) == (13, 27)


def test_stdin_filename_needs_stdin() -> None:
    code, _, err = run_raw("check", str(DATA / "article.po"), "--stdin-filename", "x.jsonl")
    assert code == 2 and "give - as an input" in err


def run_raw(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_a_directory_reads_every_format_and_names_what_it_skips() -> None:
    code, report, err = run(str(DATA), "--source-lang", "sr", "--columns", "id=key,source=sr,target=en")
    formats = {d["id"] for d in report["documents"]}
    assert {"article", "article-2.0", "article.sr"} <= formats
    assert len(report["documents"]) == 12  # 6 translation files, 3 articles and their 3 sources
    assert "make_docx.py: skipped, not a format qa reads" in err


def test_csv_rows_grouped_into_documents_by_a_document_column(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "article,id,source,target\n"
        "a1,1,Dobar dan.,Good day.\n"
        "a2,1,\"Laku noć, svima.\",\"Good night, everyone.\"\n"
        "a1,2,Vidimo se.,See you.\n",
        encoding="utf-8",
    )
    docs = list(load_documents([str(path)], columns={"document": "article"}))
    assert [(d.id, [u.id for u in d.units]) for d in docs] == [("a1", ["1", "2"]), ("a2", ["1"])]
    assert docs[0].target == "Good day.\n\nSee you."
    assert [u.line for u in docs[0].units] == [2, 4]


def test_unit_ids_default_to_spreadsheet_rows(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("source,target\nJedan.,One.\n\nDva.,Two.\n", encoding="utf-8")
    [doc] = load_documents([str(path)])
    assert [u.id for u in doc.units] == ["row 2", "row 4"]


def test_an_unknown_column_role_is_a_usage_error() -> None:
    code, _, err = run_raw("check", str(DATA / "article.csv"), "--columns", "translation=en")
    assert code == 2 and "unknown column role 'translation'" in err


def test_a_translation_file_cannot_take_a_source_file() -> None:
    code, _, err = run_raw("check", str(DATA / "article.po"), "--source", str(DATA / "article.sr.html"))
    assert code == 2 and "carry their own sides" in err


def test_units_survive_the_trip_to_worker_processes() -> None:
    import pickle

    [doc] = load_documents([str(DATA / "article.tmx")])
    again: Document = pickle.loads(pickle.dumps(doc))
    assert again.units == doc.units and again.target.bounds == doc.target.bounds  # type: ignore[attr-defined]
    code, report, _ = run(str(DATA / "article.tmx"), str(DATA / "article.po"), "-j", "2")
    assert [by_rule(d, "QA101")["unit"] for d in report["documents"]] == ["signing", "signing"]
