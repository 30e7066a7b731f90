"""The chrome benchmark's own machinery (benchmarks/chrome.py): what counts as found, where lines go, the splits."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import chrome  # noqa: E402

import qa  # noqa: E402


def finding(category: str, start: int, end: int, side: str = "target") -> qa.Finding:
    return qa.Finding(rule="QA000", name="x", category=category, severity=qa.Severity.MAJOR, side=side,  # type: ignore[arg-type]
                      start=start, end=end, line=1, column=1, end_line=1, end_column=1, excerpt="", message="")


@pytest.mark.parametrize(("category", "chrome_finding"), [
    ("content/boilerplate", True),
    ("content/markup", True),
    ("content/duplicate", False),
    ("accuracy/untranslated", False),
])
def test_chrome_findings_are_named_in_one_place(category: str, chrome_finding: bool) -> None:
    assert chrome.is_chrome_finding(finding(category, 0, 1)) is chrome_finding


def test_overlap_is_on_the_target_and_half_open() -> None:
    assert chrome.overlaps(finding("content/boilerplate", 5, 10), 9, 20)
    assert not chrome.overlaps(finding("content/boilerplate", 5, 10), 10, 20)
    assert not chrome.overlaps(finding("content/boilerplate", 5, 10, side="source"), 0, 20)
    assert chrome.overlaps(finding("content/markup", 10, 10), 10, 20)  # an insertion point at the line's start


def test_article_maps_findings_to_lines() -> None:
    article = chrome.Article(["Headline", "First paragraph.", "Second."])
    assert article.text == "Headline\nFirst paragraph.\nSecond."
    assert article.span(1) == (9, 25)
    assert list(article.lines_of(finding("x/y", 10, 12))) == [1]
    assert list(article.lines_of(finding("x/y", 3, 12))) == [0, 1]


@pytest.mark.parametrize(("position", "index"), [("top", 1), ("middle", 3), ("end", 6)])
def test_lines_are_inserted_where_such_lines_sit(position: str, index: int) -> None:
    host = ["Headline", "a", "b", "c", "d", "e"]
    article, at = chrome.insert(host, "Advertisement", position)
    assert at == index and article.lines[at] == "Advertisement"
    assert [x for i, x in enumerate(article.lines) if i != at] == host


def test_a_mined_line_never_goes_into_its_own_article() -> None:
    line_ids = ["d1", "d1", "d2", "d2", "d3", "d3"]
    hosts = [("d1", ["h", "x"]), ("d2", ["h", "y"]), ("d3", ["h", "z"])]
    for n in range(1, 7):
        for k in range(30):
            record = {"id": f"p-tags-{k}", "origin": f"ntrex/newstest2019-ref.hrv.txt:{n}"}
            assert chrome.host_for(record, hosts, line_ids)[0] != line_ids[n - 1]


def test_pages_split_in_halves_by_id_whatever_their_order() -> None:
    pages = [{"id": f"aeb:{i}"} for i in range(11)]
    halves = chrome.split_pages(pages)
    assert halves == chrome.split_pages(list(reversed(pages)))
    assert sorted(halves.values()).count("dev") in (5, 6)


@pytest.mark.parametrize(("text", "kind"), [
    ("Advertisement", "advertisement"),
    ("Continue Reading Below", "advertisement"),
    ("Photo by Jane Doe/Getty Images", "caption/credit"),
    ("Crowds outside the court on Monday. (AP)", "caption/credit"),
    ("By John Smith | Example News", "byline"),
    ("Nov. 19, 2019", "dateline"),
    ("5:53 PM", "dateline"),
    ("Share this:", "share/newsletter"),
    ("Sign up for our newsletter", "share/newsletter"),
    ("Related articles", "related/more"),
    ("More in World", "related/more"),
    ("janedoe says:", "other"),
])
def test_block_kind(text: str, kind: str) -> None:
    assert chrome.block_kind(text) == kind


def test_table_blocks_are_left_out_of_page_articles() -> None:
    page = {"blocks": [
        {"text": "a", "region": "body", "headline_like": False, "tag": "div/div/p"},
        {"text": "b", "region": "body", "headline_like": False, "tag": "table/tbody/tr"},
        {"text": "c", "region": "body", "headline_like": False, "tag": "div/td.cell/p"},
        {"text": "d", "region": "body", "headline_like": True, "tag": "div/div/h2"},
        {"text": "e", "region": "post", "headline_like": False, "tag": "div/div/p"},
        {"text": "f", "region": "body", "headline_like": False, "tag": "div/thread/p"},
    ]}
    assert [b["text"] for b in chrome.page_article(page)] == ["a", "f"]
