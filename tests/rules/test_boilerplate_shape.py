"""Chrome told by what a line is made of (qa.boilerplate's line-shape detector), by its neighbours, and reported once.

The examples are written here, in wordings that are in neither the pattern files nor the
labelled line set (benchmarks/data/chrome/), so the tests check the kinds, not the lists.
"""

from __future__ import annotations

import pytest

import qa
from qa.boilerplate import classify_line, fold, vocabulary

HEAD = "Council adopts the budget\nThe assembly voted late on Tuesday after a long debate.\n"
TAIL = "\nThe debate continues on Wednesday, officials said.\n"

CHROME = [
    # (rule, line): one of each shape
    ("QA201", "Views 3.4K · Comments 12"),  # counter words beside numbers
    ("QA201", "Broj komentara: 7"),  # the same, left in Serbian
    ("QA201", "Thursday, 4 April 2024, 08:15"),  # a date stamp alone
    ("QA201", "MOSTAR, 12.05.2024."),  # place and date
    ("QA201", "Ažurirano: utorak, 7. svibnja 2024. u 10:05"),  # label and date, Croatian
    ("QA201", "Updated 3 hours ago"),
    ("QA201", "Тагови: избори, влада, парламент"),  # tags, Cyrillic
    ("QA201", "Topics: Energy | Balkans | Gas"),
    ("QA201", "By Petra Novak and Ivan Kos, staff reporters"),  # byline with co-author and role
    ("QA201", "#Belgrade #metro #transport"),
    ("QA202", "Photo credit: Jelena Marić / Klix"),
    ("QA202", "The mayor at the opening of the bridge on Friday (Photo: Fena/Amel Emrić)"),
    ("QA202", "Dragan Kostić Private archive"),
    ("QA204", "Tweet | WhatsApp | Viber | Email"),  # a share bar: platform names and separators only
    ("QA204", "Join our WhatsApp channel for breaking news"),
    ("QA204", "Phone: 011 555 7788"),
    ("QA204", "Tip us off: +387 61 555 012"),
    ("QA205", "Most read this week"),
    ("QA205", "Home › Sport › Football"),
    ("QA206", "Load more comments"),
    ("QA206", "Reply · Report"),
    ("QA206", "Slideshow 1 of 12"),
]

PROSE = [
    "14.30",  # a bare time: a score or a figure as often as a stamp
    "Marketing",  # one-word lines that head real paragraphs
    "Promo",
    "By Monday, the council had approved the budget.",
    "By then, prices had risen sharply in the capital.",
    "Like Facebook, Twitter has struggled to moderate its content.",
    "Follow-up talks with the platform operators are planned for next week.",
    "He said the deal was signed on November 19, 2019 at the ministry in Belgrade.",
    "Shares of the company fell 3 percent after the comments by its chief executive.",
    "The minister followed the debate on Twitter and in parliament.",
    "Download speeds rose by a third, the regulator said.",
    "Sources said the talks would continue.",
    "Source: the ministry of finance said the deficit would narrow.",
    "The newsletter, founded in 1998, reached 40,000 subscribers last year.",
    "He met Reuters journalists in Geneva on Monday.",
]


@pytest.mark.parametrize("code, line", CHROME, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CHROME)])
def test_chrome_by_shape_is_one_chrome_finding(code: str, line: str) -> None:
    result = qa.check(HEAD + line + TAIL, source_lang="sr")
    on_line = [f for f in result.findings if f.line == 3]
    chrome = [f for f in on_line if f.category.startswith(("content/boilerplate", "content/markup"))]
    assert [f.rule for f in chrome] == [code], [(f.rule, f.message) for f in on_line]
    # chrome left in the source is chrome, not "untranslated" (QA102-QA104 defer to it); QA101, a lone
    # function word, still speaks, because the seed asks for the Serbian "i" in its English footer line
    untranslated = [f.rule for f in on_line if f.category == "accuracy/untranslated"]
    assert set(untranslated) <= {"QA101"}, untranslated


@pytest.mark.parametrize("line", PROSE)
def test_prose_that_shares_chrome_words_is_not_chrome(line: str) -> None:
    result = qa.check(HEAD + line + TAIL, config=qa.Config(select=("QA2",)))
    assert not result.findings, [(f.rule, f.message) for f in result.findings]


def test_findings_say_which_cues_fired() -> None:
    kind, message, weak = classify_line("Share on Viber | Share on Telegram | Copy link")  # type: ignore[misc]
    assert kind == "social-footer" and not weak
    assert "Viber" in message and "Copy" in message


def test_a_lone_platform_name_is_chrome_only_beside_other_chrome() -> None:
    alone = HEAD + "Instagram\nThe app was launched in 2010 and now has a billion users.\n"
    assert not qa.check(alone, config=qa.Config(select=("QA2",))).findings  # a subheading of an article about it
    bar = HEAD + "Facebook\nTwitter\nLinkedIn\nEmail\nThe debate continues on Wednesday.\n"
    lines = {f.line for f in qa.check(bar, config=qa.Config(select=("QA2",))).findings}
    assert lines == {3, 4, 5, 6}


def test_headlines_under_a_teaser_header_are_teasers() -> None:
    text = HEAD + "Related stories\nFloods cut off three villages in the north\nWhy the price of bread keeps rising\n" \
        "The council will meet again on Friday to vote on the final text.\n"
    found = {f.line: f.rule for f in qa.check(text, config=qa.Config(select=("QA2",))).findings}
    assert found == {3: "QA205", 4: "QA205", 5: "QA205"}


def test_items_between_time_stamps_are_a_list() -> None:
    text = HEAD + "Storm warning for the coast\n2 hours ago\nNew tram line opens in the capital\n" \
        "Passengers can ride for free during the first week.\n5 hours ago\nMuseum reopens after two years\n" \
        "7 hours ago\nThe council will meet again on Friday.\n"
    lines = sorted({f.line for f in qa.check(text, config=qa.Config(select=("QA2",))).findings})
    assert lines == [4, 5, 6, 7, 8, 9]  # the stamps and what lies between them; not the first headline or the last line


def test_a_lone_pair_of_stamps_does_not_make_a_list() -> None:
    """Published and updated stamps around the lede: one pair is not a list, the lede is the article."""
    text = HEAD + "Posted 2 hours ago\nThe river burst its banks overnight and flooded three villages in the north.\n" \
        "Updated 1 hour ago\nRescuers reached the last village at dawn, the police said.\n"
    found = qa.check(text, config=qa.Config(select=("QA2",))).findings
    assert 4 not in {f.line for f in found}


def test_a_live_blog_of_bare_times_is_not_a_list() -> None:
    text = HEAD + "10:32 am\nThe first results came in from the northern districts.\n10:47 am\nTurnout is higher than in 2020.\n" \
        "11:05 am\nThe opposition conceded.\n"
    found = qa.check(text, config=qa.Config(select=("QA2",))).findings
    assert {f.line for f in found} <= {3, 5, 7}  # the times may be stamps; the entries between them are the article


def test_a_timeline_of_bare_dates_is_not_a_list() -> None:
    text = HEAD + "March 3\nThe first protest took place in the main square.\nMarch 10\nThe government resigned.\n"
    found = qa.check(text, config=qa.Config(select=("QA2",))).findings
    assert {f.line for f in found} <= {3, 5}  # the dates may be stamps; the paragraphs between them are not chrome


def test_a_consent_notice_inside_a_long_paragraph_is_not_chrome() -> None:
    long = ("The regulator said that websites which use cookies without consent would be fined, and that the rule "
            "would apply from January to every company operating in the country, whatever its size, after a "
            "consultation that lasted more than two years and drew over three thousand responses from firms.")
    assert not qa.check(HEAD + long + "\n", config=qa.Config(select=("QA2",))).findings
    short = "This website uses cookies to improve your experience."
    assert [f.rule for f in qa.check(HEAD + short + "\n", config=qa.Config(select=("QA2",))).findings] == ["QA206"]


def test_a_croatian_chrome_line_is_chrome_not_untranslated() -> None:
    for line in ("PROČITAJTE JOŠ: Vlada najavila nove mjere za poduzetnike", "Foto: Goran Kovačić / PIXSELL"):
        result = qa.check(HEAD + line + TAIL, source_lang="hr")
        on_line = [f for f in result.findings if f.line == 3]
        assert len(on_line) == 1 and on_line[0].category == "content/boilerplate", [(f.rule, f.message) for f in on_line]


def test_vocabularies_are_data_with_every_language_folded() -> None:
    v = vocabulary()
    assert "share" in v.words["interface"] and "podeli" in v.words["interface"]
    assert fold("Подели") == "podeli" and fold("Ažurirano") == "azurirano"
    assert all(w == fold(w) for words in v.words.values() for w in words)


@pytest.mark.parametrize("heading", ["March 3", "Monday", "Nov. 19", "Tuesday, 5 March", "Petak, 8. prosinca"])
def test_a_bare_day_between_paragraphs_heads_a_section(heading: str) -> None:
    """A day named and nothing else (no year, time, label, 'ago' or place) heads a section of a timeline."""
    text = HEAD + heading + "\nThe first protest took place in the main square.\n"
    assert classify_line(heading) is None
    assert 3 not in {f.line for f in qa.check(text, config=qa.Config(select=("QA2",))).findings}


@pytest.mark.parametrize("stamp", ["March 3, 2024", "Monday 14:05", "Published March 3", "ZAGREB, Monday", "Yesterday"])
def test_a_day_with_a_year_time_label_or_place_is_a_stamp(stamp: str) -> None:
    assert classify_line(stamp) is not None and classify_line(stamp)[0] == "page-counter"
