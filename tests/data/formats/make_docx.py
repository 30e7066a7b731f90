#!/usr/bin/env python3
"""Write article.docx and article.sr.docx, the DOCX test files, with python-docx (the .docx files are committed too).

    python tests/data/formats/make_docx.py

The same article as the other files of this folder: an untranslated "i"
between two names in the second paragraph, a number changed from the source
in a table cell, and formatting (bold, a hyperlink-like run, an empty
paragraph, a table) that must not become findings. The text is what the
tests depend on; the zip's timestamps change from run to run.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)


def write(path: Path, headline: str, signing: tuple[str, str, str], amount: str, label: str) -> None:
    document = docx.Document()
    document.add_heading(headline, level=1)
    p = document.add_paragraph(signing[0])
    p.add_run(signing[1]).bold = True
    p.add_run(signing[2])
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = label
    table.cell(0, 1).text = amount
    props = document.core_properties
    props.author = "qa tests"
    props.created = props.modified = FIXED
    props.last_modified_by = "qa tests"
    props.revision = 1
    document.save(str(path))


def main() -> None:
    write(
        HERE / "article.docx",
        "The municipality of Čačak adopted a new budget on Monday.",
        ("Milan i Ana Petrović signed the decision in the ", "city", " assembly."),
        "The budget amounts to 1,600 million dinars, Petrović said.",
        "Budget",
    )
    write(
        HERE / "article.sr.docx",
        "Opština Čačak usvojila je novi budžet u ponedeljak.",
        ("Milan i Ana Petrović potpisali su odluku u ", "gradskoj", " skupštini."),
        "Budžet iznosi 1.500 miliona dinara, rekla je Petrović.",
        "Budžet",
    )


if __name__ == "__main__":
    main()
