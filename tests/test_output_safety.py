"""What an article contains can never act on the reader's terminal or break a machine-readable report.

The terminal report shows escape sequences and invisible controls as
escapes and never parses rich markup from an article; JSON (and the other
JSON-based formats) stay valid and every report encodes as UTF-8 whatever
the input, lone surrogates included.
"""

from __future__ import annotations

import io
import json
import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.cli import main
from qa.engine import Engine
from qa.model import Document
from qa.report import Report
from qa.reporters import FORMATS, get_renderer

HOSTILE = (
    "Minister said\x1b[31m red\x1b[0m and \x1b]0;owned\x07 title and \x9b2J clear.\n"
    "Follow us on Facebook, Twitter i Viber [bold red]NOT BOLD[/bold red] [link=https://evil.example]x[/link].\n"
    "Bidi \u202eevil\u202c and \u2066isolate\u2069, zero\u200bwidth, \ufeffbom, bell\x07, backspace\x08, cr\rover.\n"
)


def render(fmt: str, docs: list[Document]) -> str:
    engine = Engine()
    report = Report()
    for d in docs:
        report.add(engine.check(d))
    out = io.StringIO()
    get_renderer(fmt)(report, out)
    return out.getvalue()


def hostile_docs() -> list[Document]:
    return [
        Document(id="a\x1b[2Jb", target=HOSTILE, source="Izvor\x1b[5m i [red]x[/red]", source_lang="sr", path="dir/\x1b[31mred.txt"),
        Document.failed("broken\x1b]0;x\x07", "dir/\x1b[31mred.jsonl:3: not valid JSON", path="dir/\x1b[31mred.jsonl"),
    ]


def test_terminal_passes_no_escape_sequence_or_control_through() -> None:
    text = render("terminal", hostile_docs())
    for c in ("\x1b", "\x9b", "\x07", "\x08", "\r", "\u202e", "\u2066", "\u200b", "\ufeff"):
        assert c not in text, repr(c)
    assert "\\x1b[31m" in text  # shown, not acted on


def test_terminal_does_not_interpret_markup_written_in_an_article() -> None:
    text = render("terminal", hostile_docs())
    assert "[bold red]NOT BOLD[/bold red]" in text or "[bold red]NOT" in text
    assert "[link=https://evil.example]" in text or "[link=" in text


def test_terminal_on_a_real_terminal_emits_only_its_own_styles() -> None:
    """With colours on, every escape sequence in the output is a style rich wrote (SGR ``ESC [ ... m``), none from the article."""
    import re

    from rich.console import Console

    import qa.reporters.terminal as terminal

    engine = Engine()
    report = Report()
    for d in hostile_docs():
        report.add(engine.check(d))
    out = io.StringIO()
    original = terminal.Console

    def coloured(*args, **kwargs):  # type: ignore[no-untyped-def]
        return Console(*args, **{**kwargs, "force_terminal": True, "color_system": "truecolor"})

    terminal.Console = coloured  # type: ignore[misc]
    try:
        terminal.render(report, out, width=200)
    finally:
        terminal.Console = original  # type: ignore[misc]
    text = out.getvalue()
    assert "\x1b[" in text  # colours are on
    leftover = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "\x1b" not in leftover and "\x9b" not in leftover and "\x07" not in leftover
    assert "[bold red]NOT" in leftover


def test_terminal_escapes_every_bidi_and_invisible_control() -> None:
    doc = Document(id="x", target="The vote\u061c was\u2060 post\u2028poned\u2029 i Viber.", source_lang="sr")
    text = render("terminal", [doc])
    for c in ("\u061c", "\u2060", "\u2028", "\u2029"):
        assert c not in text, repr(c)


def parse(fmt: str, text: str) -> None:
    """The format's own syntax accepts the output."""
    text.encode("utf-8")  # strict: a lone surrogate would make writing the report fail
    if fmt in ("json", "sarif"):
        json.loads(text)
    elif fmt == "jsonl":
        for line in text.splitlines():
            if line.strip():
                json.loads(line)
    elif fmt == "junit":
        xml.dom.minidom.parseString(text.encode("utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_hostile_text_as_valid_output(fmt: str) -> None:
    parse(fmt, render(fmt, hostile_docs()))


unicode_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=80)


@given(ids=st.lists(unicode_text, min_size=1, max_size=4), targets=st.lists(unicode_text, min_size=1, max_size=4))
def test_json_report_is_valid_for_any_corpus(ids: list[str], targets: list[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    corpus = tmp_path_factory.mktemp("c") / "c.jsonl"
    lines = [json.dumps({"id": i, "target": t, "source": t[::-1], "source_lang": "sr"}) for i, t in zip(ids, targets)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for fmt in ("json", "terminal"):
        out, err = io.StringIO(), io.StringIO()
        code = main(["check", str(corpus), "--format", fmt, "--no-config", "-j", "1"], stdout=out, stderr=err)
        assert code in (0, 1, 2) and "Traceback" not in err.getvalue()
        out.getvalue().encode("utf-8")
        err.getvalue().encode("utf-8")
        if fmt == "json":
            report = json.loads(out.getvalue())
            assert report["summary"]["documents"] == len(lines)


def test_escape_sequence_in_a_file_name_does_not_reach_stderr_raw(tmp_path: Path) -> None:
    bad = tmp_path / "\x1b[31mred.txt"
    bad.write_bytes(b"\x00\x01binary")
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(bad), "--no-config", "-j", "1"], stdout=out, stderr=err)
    assert code == 2
    assert "\x1b" not in err.getvalue() and "\x1b" not in out.getvalue()
