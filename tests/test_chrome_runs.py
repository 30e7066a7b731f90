"""Chrome told by its run of lines (qa.chrome_runs): inside a dense block of chrome, in the chrome that ends
the article, and in a comment thread; never a sentence of prose for its neighbours' sake, never the headline.

The example pages are written here (invented outlets, names and headlines), not taken from the benchmark
pages, so the tests check the run rules, not memorised lines.
"""

from __future__ import annotations

import pytest

import qa
from qa.boilerplate import vocabulary
from qa.chrome_runs import comment_pattern, run_hits
from qa.model import Severity

PROSE = [
    "Harbour authority approves the new ferry terminal",
    "The harbour authority approved the new ferry terminal on Monday after two years of planning and a public "
    "consultation that drew more than four hundred written responses from residents.",
    "Construction is expected to begin in the spring and to last about eighteen months, the authority said.",
    "The terminal will replace a pier built in the 1960s, which engineers have described as unsafe in winter storms.",
]


def lines_found(lines: list[str], kinds: list[str | None]) -> dict[int, str]:
    return {h.index: h.message for h in run_hits(lines, kinds, comment_pattern(vocabulary().comments))}


def test_a_teaser_between_recognised_lines_is_inside_a_block() -> None:
    lines = PROSE + ["More from the coast", "Lighthouse keeper retires after forty years", "3H ago",
                     "Fishing fleet returns early as storm nears", "5H ago", "Ferry fares to rise in the new year",
                     "6H ago"]
    kinds: list[str | None] = [None] * len(PROSE) + ["related-teaser", None, "page-counter", None, "page-counter",
                                                     None, "page-counter"]
    found = lines_found(lines, kinds)
    assert set(found) == {5, 7, 9}
    assert "inside a block of chrome" in found[5]


def test_a_lone_line_between_two_chrome_lines_is_not_enough() -> None:
    lines = PROSE + ["Advertisement", "Lighthouse keeper retires after forty years", "Share", PROSE[2]]
    kinds: list[str | None] = [None] * len(PROSE) + ["orphan-embed-label", None, "social-footer", None]
    assert lines_found(lines, kinds) == {}


def test_a_sentence_of_prose_between_chrome_lines_is_not_chrome() -> None:
    lines = [PROSE[0], "Advertisement", PROSE[1], "Photo: Harbour Authority", "Share", PROSE[2], "Most read"]
    kinds: list[str | None] = [None, "orphan-embed-label", None, "photo-credit", "social-footer", None,
                               "related-teaser"]
    assert lines_found(lines, kinds) == {}


def test_the_short_lines_of_the_chrome_that_ends_the_article_are_chrome() -> None:
    lines = PROSE + ["Weather", "Traffic", "Local sport", "Site map"]
    kinds: list[str | None] = [None] * len(PROSE) + ["orphan-embed-label"] * 3 + [None]
    found = lines_found(lines, kinds)
    assert set(found) == {7}
    assert "ends the article (3 of its 4 lines are chrome)" in found[7]


def test_the_chrome_that_ends_the_article_must_be_most_of_the_end() -> None:
    lines = PROSE + ["Weather", "Local sport", "The council meets again next week.", "Site map"]
    kinds: list[str | None] = [None] * len(PROSE) + ["orphan-embed-label", None, None, None]
    assert lines_found(lines, kinds) == {}


def test_an_article_without_chrome_gets_nothing_and_the_headline_never() -> None:
    assert lines_found(PROSE, [None] * len(PROSE)) == {}
    lines = ["Breaking news", "Share", "Subscribe", "Print"]
    assert 0 not in lines_found(lines, [None, "social-footer", "social-footer", "social-footer"])


def test_a_comment_thread_is_chrome_whatever_the_length_of_its_comments() -> None:
    long_comment = ("I have lived by this harbour for thirty years and I can tell you that nobody asked the people "
                    "who actually use the old pier what they wanted, which is typical of this authority.")
    thread = ["seagull_77 says:", long_comment, "Reply", "Marta K says:", "Finally some good news for the town.",
              "Reply", "oldsalt says:", "About time.", "Reply"]
    lines = PROSE + thread
    found = lines_found(lines, [None] * len(lines))
    assert set(found) == set(range(len(PROSE), len(lines)))
    assert "comment" in found[len(PROSE) + 1]


def test_reported_speech_is_not_a_comment_thread() -> None:
    lines = PROSE + ["He says: the pier will close.", "She says: we will see.", "They say it will be fine.",
                     "He says: nobody asked us."]
    assert lines_found(lines, [None] * len(lines)) == {}


def test_through_the_checker_the_run_is_reported_at_minor_under_its_neighbours_kind() -> None:
    page = PROSE + ["Share", "Print", "Email", "Harbour tides and weather for the week", "Contact us",
                    "© 2019 Coastal Herald Media", "Ferry timetable"]
    findings = qa.check("\n".join(page) + "\n", config=qa.Config(select=("QA2",))).findings
    last = [f for f in findings if f.line == len(page)]
    assert len(last) == 1
    assert last[0].severity == Severity.MINOR and last[0].rule == "QA202"  # the copyright line's kind, next to it
    assert "ends the article" in last[0].message
    assert not any(f.line <= len(PROSE) for f in findings)  # the headline and the prose draw nothing


def test_a_short_caption_right_before_its_credit_is_chrome() -> None:
    lines = PROSE[:2] + ["Mayor Ana Horvat and harbour master Ivo Kos in 1998.", "Photo by Ana Petrović", PROSE[2]]
    found = lines_found(lines, [None, None, None, "photo-credit", None])
    assert set(found) == {2}
    assert "caption" in found[2]


def test_an_agency_caption_beside_its_credit_is_chrome_whatever_its_length() -> None:
    caption = ("Workers unload containers from a cargo ship at the northern terminal of the port of Rijeka, "
               "Croatia, Tuesday, March 12, 2019. The port expects record traffic this year.")
    lines = PROSE[:2] + [caption, "Photo: Marko Horvat", PROSE[2]]
    assert set(lines_found(lines, [None, None, None, "photo-credit", None])) == {2}


def test_a_paragraph_of_prose_before_a_credit_is_not_a_caption() -> None:
    lines = PROSE[:3] + ["Getty Images", PROSE[3]]  # the caption was lost; the paragraph is the article's
    assert lines_found(lines, [None, None, None, "photo-credit", None]) == {}
    for short in ("It is all the fishermen have left now.", "I hope they are safe.\"", "The pier closed in 1998."):
        lines = PROSE[:2] + [short, "Photo: Coastal Herald", PROSE[2]]
        assert lines_found(lines, [None, None, None, "photo-credit", None]) == {}, short


def test_a_copy_of_a_chrome_line_is_chrome() -> None:
    caption = "Divers inspect the old pier before its demolition"
    lines = PROSE[:2] + [caption, "Photo: Coastal Herald", PROSE[2], "Gallery", caption, PROSE[3]]
    kinds: list[str | None] = [None, None, "photo-credit", "photo-credit", None, "orphan-embed-label", None, None]
    found = lines_found(lines, kinds)
    assert set(found) == {6}
    assert "copy of a chrome line" in found[6]


def test_a_headline_printed_twice_in_a_row_is_chrome_but_a_repeated_sentence_is_not() -> None:
    teaser = "Lighthouse keeper retires after forty years"
    lines = PROSE[:3] + ["Coast", teaser, "Coast", teaser, PROSE[3]]
    assert set(lines_found(lines, [None] * len(lines))) == {3, 4, 5, 6}
    repeated = PROSE[:3] + [PROSE[2], PROSE[3]]  # a repeated paragraph is QA301's, not chrome
    assert lines_found(repeated, [None] * len(repeated)) == {}


def test_headlines_between_chrome_lines_are_a_teaser_list() -> None:
    lines = PROSE + ["Most read", "Lighthouse keeper retires after forty years", "Fishing fleet returns early",
                     "Ferry fares to rise in the new year", "© 2019 Coastal Herald Media"]
    kinds: list[str | None] = [None] * len(PROSE) + ["related-teaser", None, None, None, "photo-credit"]
    found = lines_found(lines, kinds)
    assert set(found) == {5, 6, 7}
    assert "one of 3 headline or label lines in a row between chrome lines" in found[5]


def test_a_subheading_after_chrome_and_before_prose_is_not_a_list() -> None:
    lines = PROSE[:2] + ["Advertisement", "What the residents say", "Budget concerns", PROSE[2], PROSE[3]]
    kinds: list[str | None] = [None, None, "orphan-embed-label", None, None, None, None]
    assert lines_found(lines, kinds) == {}
