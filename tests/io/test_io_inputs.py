"""Files, directories and corpora: every input accounted for, bad ones as error entries, exit 2, never a traceback."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

import qa.io.loader as loader
from qa.cli import main
from qa.io import load_documents


def run(*argv: str) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "json", "--no-config", "-j", "1", *argv], stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return code, json.loads(out.getvalue()), err.getvalue()


def docs(report: dict) -> list[tuple[str, str | None]]:
    return [(d["id"], d["error"]) for d in report["documents"]]


# ---- plain files ---------------------------------------------------------------------------------


def test_windows_1250_article_is_decoded_and_the_untranslated_i_is_found(tmp_path: Path) -> None:
    text = (
        "Minister Ivica Dačić met Aleksandar Šapić and Žarko Čabarkapa in Belgrade on Monday.\n"
        "Pratite nas on Facebook, Twitter i Viber for more news from Niš and Čačak.\n"
    )
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode("cp1250"))
    code, report, _ = run(str(article), "--source-lang", "sr", "--select", "QA101")
    doc = report["documents"][0]
    assert doc["encoding"] == "cp1250"
    assert code == 1
    [finding] = [f for f in doc["findings"] if f["excerpt"] == "i"]
    start = text.index(" i Viber") + 1
    assert (finding["rule"], finding["start"], finding["end"], finding["excerpt"]) == ("QA101", start, start + 1, "i")
    assert (finding["line"], finding["column"]) == (2, text.split("\n")[1].index(" i ") + 2)


@pytest.mark.parametrize(
    "write, message",
    [
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "binary data"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00\xd8"), "byte-order mark"),
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "holds no file in a format qa reads"),
    ],
    ids=["binary", "bad-bom", "missing", "empty-dir"],
)
def test_a_single_bad_input_exits_2_with_a_message(tmp_path: Path, write, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "article.txt"
    write(path)
    code, report, err = run(str(path))
    assert code == 2
    assert report["summary"]["errors"] == 1 and report["summary"]["documents"] == 1
    assert message in report["documents"][0]["error"]
    assert err.startswith("qa: error: ") and message in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The talks went well.")
    path.chmod(0)
    code, report, err = run(str(path))
    assert code == 2 and "permission denied" in report["documents"][0]["error"]


def test_name_too_long_is_an_error_entry_not_a_traceback(tmp_path: Path) -> None:
    code, report, err = run(str(tmp_path / ("x" * 5000 + ".txt")))
    assert code == 2 and "too long" in report["documents"][0]["error"].lower()


def test_oversized_text_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    code, report, _ = run(str(path))
    assert code == 2 and "larger than 100 bytes" in report["documents"][0]["error"]


def test_directory_mixing_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text("The talks went well, the minister said on Monday.\n")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c_cp1250.txt").write_bytes("Vučić met Šapić in Čačak on Monday, Tanjug reported.\n".encode("cp1250"))
    (tmp_path / "d_broken_link.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "e_corpus.jsonl").write_text('{"id": "x", "target": "Fine."}\nnot json\n')
    (tmp_path / "f_notes.md").write_text("A Markdown article *counts* now.\n")
    (tmp_path / "README.md").write_text("documentation, not an article")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("not an article either")
    code, report, err = run(str(tmp_path))
    assert code == 2
    ids = [d["id"] for d in report["documents"]]
    assert ids == ["a_good", "b_binary", "c_cp1250", "d_broken_link", "x", "e_corpus:2", "f_notes"]
    errors = {d["id"]: d["error"] for d in report["documents"]}
    assert errors["a_good"] is None and errors["c_cp1250"] is None and errors["x"] is None
    assert "binary" in errors["b_binary"] and "no such file" in errors["d_broken_link"]
    assert "not valid JSON" in errors["e_corpus:2"]
    assert report["summary"]["errors"] == 3 and report["summary"]["documents"] == 7
    assert err.count("qa: error:") == 3
    # every file left out is named, except hidden ones
    assert "README.md: skipped, documentation" in err and "image.png: skipped, not a format qa reads" in err
    assert ".hidden" not in err


def test_undecodable_file_name_is_reported_in_valid_json(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text("The talks went well, the minister said.")
    code, report, _ = run(str(tmp_path))
    assert report["documents"][0]["id"] == "bad\ufffd"


def test_stdin_in_windows_1250(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.BytesIO("Vučić i Šapić".encode("cp1250"))
    [doc] = load_documents(["-"], stdin=stream, source_lang="sr")
    assert doc.target == "Vučić i Šapić" and doc.metadata["encoding"] == "cp1250"


# ---- corpora -------------------------------------------------------------------------------------

BROKEN_CORPUS = [
    ('{"id": "ok1", "target": "The talks went well."}', None),
    ("not json at all", "not valid JSON"),
    ('{"id": "no-target", "source": "Razgovori su dobro prošli."}', "has no 'target'"),
    ('{"id": "wrong-type", "target": 42}', "'target' must be a string, not int"),
    ('{"id": "null-target", "target": null}', "'target' must be a string, not NoneType"),
    ('{"id": "list-source", "target": "Fine.", "source": ["x"]}', "'source' must be a string, not list"),
    ('["a", "list"]', "must be a JSON object"),
    ('{"id": "ok1", "target": "Repeated id."}', "repeats an earlier record's id"),
    ('{"id": {"nested": 1}, "target": "Bad id."}', "'id' must be a string or an integer"),
    ('{"id": "lang", "target": "x", "source_lang": "Serbian!"}', "must be an ISO 639 code"),
    ('{"id": "trunc", "target": "cut off', "not valid JSON"),
    ('{"id": "lone", "target": "a \\ud800 lone surrogate"}', None),
    ('{"id": 7, "target": "Integer ids are fine."}', None),
]


def test_every_corpus_line_is_accounted_for_in_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(line for line, _ in BROKEN_CORPUS) + "\n", encoding="utf-8")
    code, report, err = run(str(corpus))
    assert code == 2
    got = report["documents"]
    assert len(got) == len(BROKEN_CORPUS)
    for n, ((line, expected), doc) in enumerate(zip(BROKEN_CORPUS, got), start=1):
        if expected is None:
            assert doc["error"] is None, (line, doc["error"])
        else:
            assert expected in doc["error"], (line, doc["error"])
            assert doc["error"].startswith(f"{corpus}:{n}: ")
    errors = sum(1 for _, e in BROKEN_CORPUS if e)
    assert report["summary"]["errors"] == errors
    assert report["summary"]["documents"] == len(BROKEN_CORPUS)
    assert err.count("qa: error:") == errors


def test_lone_surrogate_becomes_a_replacement_character(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "\\udc00x", "target": "a \\ud800 b", "source": "\\udfff"}\n')
    [doc] = load_documents([str(corpus)])
    assert doc.id == "\ufffdx" and doc.target == "a \ufffd b" and doc.source == "\ufffd"


def test_blank_lines_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('\n{"target": "One."}\n   \n\r\n{"target": "Two."}\n\n', encoding="utf-8")
    got = list(load_documents([str(corpus)]))
    assert [(d.id, d.metadata["line"]) for d in got] == [("c:2", 2), ("c:5", 5)]


def test_crlf_and_bom_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'\xef\xbb\xbf{"target": "One."}\r\n{"target": "Two."}\r\n')
    assert [d.target for d in load_documents([str(corpus)])] == ["One.", "Two."]


def test_non_utf8_corpus_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes('{"target": "Vučić"}\n'.encode("cp1250") + b'{"target": "ok"}\n')
    got = list(load_documents([str(corpus)]))
    assert "not UTF-8" in (got[0].error or "") and got[1].error is None


def test_enormous_line_is_an_error_and_the_next_line_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RECORD_BYTES", 1000)
    monkeypatch.setattr(loader, "_CHUNK", 64)
    corpus = tmp_path / "c.jsonl"
    big = json.dumps({"id": "big", "target": "word " * 5000})
    corpus.write_text(f'{{"target": "Before."}}\n{big}\n{{"target": "After."}}\n{big}', encoding="utf-8")
    got = list(load_documents([str(corpus)]))
    assert [d.target for d in got if d.error is None] == ["Before.", "After."]
    assert [d.metadata["line"] for d in got] == [1, 2, 3, 4]
    assert "exceeds 1,000" in (got[1].error or "") and f"{len(big) + 1:,} bytes" in (got[1].error or "")
    assert "exceeds 1,000" in (got[3].error or "")


def test_repeated_id_across_two_corpora(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "x", "target": "One."}\n')
    (tmp_path / "b.jsonl").write_text('{"id": "x", "target": "Two."}\n')
    got = list(load_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]))
    assert got[0].error is None and "repeats" in (got[1].error or "")


def test_missing_corpus(tmp_path: Path) -> None:
    code, report, err = run(str(tmp_path / "none.jsonl"))
    assert code == 2 and "no such file" in report["documents"][0]["error"]
