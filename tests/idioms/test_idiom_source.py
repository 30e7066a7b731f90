"""The source-side matcher: an idiom's form found in inflected text, in either script, with clitics inside."""

from __future__ import annotations



from qa.idioms import IdiomTable

TABLE = IdiomTable.load()
def test_source_spans_and_scripts() -> None:
    text = "План је пао у воду, а они су разговарали u cetiri oka iz vijeka u vijek."
    found = TABLE.find_source(text)
    assert [(i.id, text[a:b]) for i, a, b in found] == [
        ("pasti-u-vodu", "пао у воду"),
        ("u-cetiri-oka", "u cetiri oka"),
        ("iz-veka-u-vek", "iz vijeka u vijek"),
    ]


def test_source_inflection_and_clitics() -> None:
    text = "Plan je pao je u vodi. Nije joj palo na pamet. Razgovarali su u četiri oka."
    ids = [i.id for i, _, _ in TABLE.find_source(text)]
    assert ids == ["pasti-u-vodu", "pasti-na-pamet", "u-cetiri-oka"]
    # a sentence boundary breaks a source match too
    assert TABLE.find_source("On je pao. U vodu je skočio pas.") == []
    # short words must match whole: "u" does not match "uz"
    assert TABLE.find_source("Razgovarali su uz četiri oka.") == []


