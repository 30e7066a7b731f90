"""Properties that hold for any input: checking never raises, and every span is exact and correctly located.

The hypothesis profile (fixed seed, example budget) is registered in
``tests/conftest.py``. Texts are drawn from news-like fragments (quotes,
Serbian and Cyrillic letters, URLs, line breaks of every kind, control,
zero-width and bidirectional characters) mixed with arbitrary Unicode,
lone surrogates included.
"""

from __future__ import annotations

import io
import json
import random
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from qa.cli import main
from qa.engine import Engine
from qa.result import Result
from qa.model import Document

FRAGMENTS = [
    "The minister said", " i ", " u ", "Vučić", "Đoković", "Путин", "拘留", "α", " the the ", "pets pets pets",
    '"', "“", "”", "„", "«", "»", "'", "’", "(", ")", "[", "]", ".", ",", ";", ":", "!", "?", "…", "...", " ,", " .",
    "\n", "\r\n", "\r", "\n\n", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x00", "\x1b[31m", "\x7f", "\x9b",
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffd", "\ud800", "\udfff", "e\u0301", "🇷🇸", "👍🏽",
    "https://example.com/a?b=c", "www.b92.net", "desk@example.rs", "@user", "#tag", "bbc.co.uk", "U.S.", "e.g.",
    "5658 views 8 comment(s)", "Photo: Getty Images", "Follow us on Facebook,Twitter i Viber.", "Read also: ",
    "Pratite nas na društvenim mrežama i pišite nam.", "Bonus video:", "1.204,5", "12.08.2023. 14:35", "[bold red]x[/]",
    "<script>alert(1)</script>", "&amp;", " ", "  ", "\u00a0", "A", "a", "ended.The", "Facebook,Twitter",
]
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=200)
texts = st.one_of(news_text, any_text, st.text(max_size=60))
langs = st.sampled_from([None, "sr", "hr", "bs", "en", "de", "ru"])

ENGINE = Engine()


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, recomputed independently: ``\\r\\n``, ``\\n`` and ``\\r`` each end a line (as qa.text does)."""
    line, line_start, i = 1, 0, 0
    while i < offset:
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 2 > offset:
                break  # between \r and \n: still on the line the \r ends
            i += 2
        elif text[i] in "\r\n":
            i += 1
        else:
            i += 1
            continue
        line, line_start = line + 1, i
    return line, offset - line_start + 1


def assert_spans_valid(result: Result) -> None:
    doc = result.document
    assert result.rule_errors == [], result.rule_errors
    for f in result.findings:
        text = doc.side(f.side)
        assert text is not None
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.excerpt == text[f.start : f.end]
        assert (f.line, f.column) == position(text, f.start), f
        assert (f.end_line, f.end_column) == position(text, f.end), f
        for rel in f.related:
            other = doc.side(rel["side"])
            assert other is not None and 0 <= rel["start"] <= rel["end"] <= len(other)
            assert rel["excerpt"] == other[rel["start"] : rel["end"]]
            assert (rel["line"], rel["column"]) == position(other, rel["start"])


def test_position_helper_agrees_with_hand_counts() -> None:
    text = "ab\r\ncd\ref\ng"
    assert [position(text, i) for i in (0, 2, 3, 4, 7, 10)] == [(1, 1), (1, 3), (1, 4), (2, 1), (3, 1), (4, 1)]


@given(target=texts, source=st.none() | texts, source_lang=langs)
def test_check_never_raises_and_spans_are_exact(target: str, source: str | None, source_lang: str | None) -> None:
    result = ENGINE.check(Document(id="p", target=target, source=source, source_lang=source_lang))
    assert_spans_valid(result)


@given(target=texts, reference=texts, back=texts)
def test_all_four_sides(target: str, reference: str, back: str) -> None:
    doc = Document(id="p", target=target, source=back, reference=reference, back_translation=back, source_lang="sr")
    assert_spans_valid(ENGINE.check(doc))


@given(target=texts)
def test_line_and_column_match_the_text_views(target: str) -> None:
    from qa.text import Text

    t = Text(target)
    for offset in range(len(target) + 1):
        assert t.position(offset) == position(target, offset)


# ---- a random corpus through the command line ---------------------------------------------------

_SCRIPTS = [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "čćšžđČĆŠŽĐ",
    "абвгдђежзијклљмнњопрстћуфхцчџш",
    "αβγδ",
    "日本語中文한국어",
    "العربية",
    "0123456789",
]
_PUNCT = list(".,;:!?…-–—/()[]{}'\"“”„‘’«»@#&%*") + [" ", " ", " ", " ", "\n", "\r\n", "\t", "\u00a0"]
_ODD = ["\x00", "\x07", "\x1b[2J", "\x7f", "\x85", "\u200b", "\u200f", "\u202e", "\u2066", "\ufeff", "\ud800", "\udc00", "\ufffd", "\U0001f600"]
_WORDS = "the minister said i u na je da Vučić Twitter Viber views Photo: Follow us here".split()


def random_article(rnd: random.Random, tokens: int) -> str:
    out = []
    for _ in range(tokens):
        r = rnd.random()
        if r < 0.45:
            out.append("".join(rnd.choice(rnd.choice(_SCRIPTS)) for _ in range(rnd.randint(1, 9))))
        elif r < 0.65:
            out.append(rnd.choice(_WORDS))
        elif r < 0.95:
            out.append(rnd.choice(_PUNCT))
        else:
            out.append(rnd.choice(_ODD))
    return "".join(out)


def test_random_corpus_of_3000_articles_through_the_cli(tmp_path: Path) -> None:
    rnd = random.Random(0)
    records = []
    for n in range(3000):
        record = {"id": f"r{n}", "target": random_article(rnd, rnd.randint(0, 60)), "source_lang": rnd.choice(["sr", "hr", "en"])}
        if rnd.random() < 0.7:
            record["source"] = random_article(rnd, rnd.randint(0, 60))
        records.append(record)
    corpus = tmp_path / "random.jsonl"
    # ensure_ascii keeps lone surrogates writable as \ud800 escapes, as a JSON producer would write them
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = main(["check", str(corpus), "--format", "json", "--no-config"], stdout=out, stderr=err)
    elapsed = time.perf_counter() - started
    report = json.loads(out.getvalue())
    assert code in (0, 1), err.getvalue()[:2000]
    assert "Traceback" not in err.getvalue()
    assert [d["id"] for d in report["documents"]] == [r["id"] for r in records]
    assert report["summary"]["documents"] == 3000 and report["summary"]["errors"] == 0
    for record, doc in zip(records, report["documents"]):
        assert doc["error"] is None and "rule_errors" not in doc
        for f in doc["findings"]:
            # as read: JSON pairs a high and a low surrogate escape into one character; a lone one becomes U+FFFD
            text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in json.loads(json.dumps(record[f["side"]])))
            assert 0 <= f["start"] <= f["end"] <= len(text)
            assert f["excerpt"] == text[f["start"] : f["end"]]
            assert (f["line"], f["column"]) == position(text, f["start"])
    assert elapsed < 90, f"3,000 random articles took {elapsed:.0f} s"
