"""Page chrome in wordings the seed article does not use is found; news prose that shares words with it is not."""

from __future__ import annotations

import pytest

import qa

HEADLINE = "Parliament adopts the budget\nThe assembly voted late on Tuesday after a long debate.\n"

CHROME = [
    ("QA201", "1.204 views 15 comments"),
    ("QA201", "Views: 12,480"),
    ("QA201", "12.08.2023. 14:35 980 reads"),
    ("QA201", "Comments (3)"),
    ("QA201", "3 min read"),
    ("QA201", "2.345 pregleda 12 komentara"),
    ("QA202", "Photo: Reuters/Marko Djurica"),
    ("QA202", "Image: Shutterstock"),
    ("QA202", "Photo credit: AP"),
    ("QA202", "Foto: Tanjug/Zoran Žestić"),
    ("QA202", "Photograph by Jane Doe"),
    ("QA202", "AFP / Getty Images"),
    ("QA202", "Illustration: Pixabay"),
    ("QA202", "© Profimedia"),
    ("QA202", "Image caption The president arrives in Belgrade"),
    ("QA202", "Izvor: Beta"),
    ("QA203", "Note: This text was translated automatically and may contain errors."),
    ("QA203", "The article was translated by an AI tool; we apologise for any inaccuracies."),
    ("QA203", "This content has been machine translated from Serbian and might not be accurate."),
    ("QA203", "Napomena: prevod je urađen uz pomoć veštačke inteligencije."),
    ("QA204", "Join us on Telegram and Instagram for the latest news."),
    ("QA204", "Like us on Facebook!"),
    ("QA204", "Send us your news tips at desk@example.rs"),
    ("QA204", "Subscribe to our newsletter and never miss a story."),
    ("QA204", "Pratite nas na Instagramu."),
    ("QA204", "Download our app for Android and iOS."),
    ("QA204", "If you have a story idea, write to us at news@example.com."),
    ("QA205", "Read more: Serbia and Hungary sign gas deal"),
    ("QA205", "RELATED: Floods in Bosnia leave thousands homeless"),
    ("QA205", "Find out what the new law means for pensioners"),
    ("QA205", "Watch how the rescue unfolded on the mountain"),
    ("QA205", "Pročitajte još: Vlada usvojila budžet"),
    ("QA205", "Also read: Minister resigns over scandal"),
    ("QA206", "Video:"),
    ("QA206", "Photo gallery:"),
    ("QA206", "Watch the video:"),
    ("QA206", "GALLERY"),
    ("QA206", "Galerija:"),
    ("QA206", "Poll:"),
    ("QA207", "Click here to see the full programme."),
    ("QA207", "See the full list of winners here."),
    ("QA207", "The full statement is available here."),
    ("QA207", "Details can be found at this link."),
    ("QA207", "You can find more information about the event here."),
    ("QA207", "Više o tome pročitajte ovde."),
]

PROSE = [
    "The video drew 1,204 views and 15 comments in the first hour, the ministry said.",
    "A Reuters photographer was injured during the protest.",
    "The photo, taken in 1945, shows the two leaders shaking hands.",
    "The court ordered the documents to be translated into English by Friday.",
    "Police asked witnesses to contact them by phone or e-mail.",
    "Follow-up talks are planned for next month in Brussels.",
    "Read the statement carefully, the lawyer told reporters.",
    "He came here to see the full match with his son.",
    "The gallery reopened on Monday after a two-year renovation.",
    "Watch manufacturers reported a fall in exports of 12 percent.",
    "The report is available in English and Serbian on request.",
    "Investors will find out how the new rules work next year.",
    "She learned why the plan had failed only after the election.",
    "Source: the ministry of finance said the deficit would narrow.",
    "The minister said he would follow the matter closely.",
]


@pytest.mark.parametrize("code, line", CHROME, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CHROME)])
def test_chrome_is_flagged(code: str, line: str) -> None:
    text = HEADLINE + line + "\nThe debate continues on Wednesday, officials said.\n"
    result = qa.check(text, source_lang="sr", config=qa.Config(select=("QA2",)))
    found = [f for f in result.findings if f.rule == code]
    assert found, f"{code} missed {line!r}: got {[(f.rule, f.excerpt) for f in result.findings]}"
    assert all(f.line == 3 for f in found)


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_not_chrome(line: str) -> None:
    text = HEADLINE + line + "\n"
    result = qa.check(text, source_lang="sr", config=qa.Config(select=("QA2",)))
    assert not result.findings, [(f.rule, f.excerpt) for f in result.findings]


def test_seed_footer_is_one_finding() -> None:
    """Two chrome sentences on one short line are one defect: one finding over both (issue 11)."""
    text = HEADLINE + "Follow us on Facebook,Twitter i Viber. If you have a topic proposal for us, contact us at bbcnasrpskom@bbc.co.uk"
    result = qa.check(text, source_lang="sr", config=qa.Config(select=("QA2",)))
    assert [f.excerpt for f in result.findings] == [
        "Follow us on Facebook,Twitter i Viber. If you have a topic proposal for us, contact us at bbcnasrpskom@bbc.co.uk",
    ]


def test_two_chrome_sentences_in_a_long_paragraph_stay_apart() -> None:
    """Merging is for short lines: in a long paragraph the prose between two hits is not chrome."""
    prose = " ".join(["The council met on Monday and the members discussed the budget at length."] * 4)
    text = HEADLINE + "Click here to see the programme. " + prose + " The full list is at this link.\n"
    result = qa.check(text, config=qa.Config(select=("QA207",)))
    assert [f.excerpt for f in result.findings] == ["Click here to see the programme.", "The full list is at this link."]


def test_here_inside_a_paragraph_of_prose_is_not_evidence_of_a_lost_link() -> None:
    """'here' alone is a link line's word on a short paragraph; inside prose it is as often the article's own
    pointer, so only 'click here' or a named link is reported there (precision, issue 11)."""
    prose = "The council met on Monday and the members discussed the budget at length before the vote."
    alone = qa.check(HEADLINE + "The full list of measures is available here.\n", config=qa.Config(select=("QA207",)))
    inside = qa.check(HEADLINE + prose + " The full list of measures is available here.\n",
                      config=qa.Config(select=("QA207",)))
    named = qa.check(HEADLINE + prose + " The full list of measures is available at this link.\n",
                     config=qa.Config(select=("QA207",)))
    assert [f.rule for f in alone.findings] == ["QA207"]
    assert inside.findings == []
    assert [f.excerpt for f in named.findings] == ["The full list of measures is available at this link."]


def test_user_pattern_file_extends_the_bundled_ones(tmp_path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('[[pattern]]\nrule = "page-counter"\nmatch = "line"\nregex = \'\'\'\\d+ likes on our portal\'\'\'\n', encoding="utf-8")
    config = qa.Config(select=("QA201",), boilerplate=(extra,))
    result = qa.check(HEADLINE + "12 likes on our portal\n", config=config)
    assert [f.rule for f in result.findings] == ["QA201"]


def test_bad_user_pattern_names_file_and_entry(tmp_path) -> None:
    from qa.boilerplate import load_patterns

    extra = tmp_path / "bad.toml"
    extra.write_text('[[pattern]]\nrule = "no-such-kind"\nregex = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml: pattern 1: field 'rule': 'no-such-kind' is not one of"):
        load_patterns((extra,))
