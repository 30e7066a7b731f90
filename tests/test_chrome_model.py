"""The chrome scorer (qa.chrome_model): its cues, its gate, its explanation, and weights that the training
script reproduces from the dev halves.

The example lines are written here, in wordings that are in neither the pattern files nor the labelled
line set (benchmarks/data/chrome/), so the tests check cues of kinds, not memorised sentences.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import regex

import qa
from qa.boilerplate import rule_hits, scored_lines
from qa.chrome_model import FEATURES, WEIGHTS, explain, model, reportable, score
from qa.text import Text

ROOT = Path(__file__).resolve().parent.parent
HEAD = ("Council adopts the budget\n"
        "The assembly voted late on Tuesday after a long debate that lasted well into the night and ended with a narrow vote.\n"
        "The opposition said it would challenge the decision in the constitutional court next month.\n")


def cues(text: str) -> list[tuple[dict[str, float], bool]]:
    t = Text(text)
    return [(f, covered) for _, f, covered in scored_lines(t, rule_hits(t, ()))]


def test_the_weights_file_names_every_cue_and_sane_thresholds() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    m = model()
    assert 0.5 <= m.minor <= m.major <= 1.0


@pytest.mark.parametrize("line", [
    # ("Enable notifications for our stories" was here: a call rule now finds it, see test_boilerplate_kinds.py)
    "Your inbox, your settings",  # a short line speaking to the reader, furniture nouns, after the prose
    "Your saved stories",  # a short line speaking to the reader, furniture nouns, after the prose
])
def test_chrome_in_new_wordings_is_scored_and_explained(line: str) -> None:
    result = qa.check(HEAD + line + "\n", config=qa.Config(select=("QA2",)))
    on_line = [f for f in result.findings if f.line == 4]
    assert len(on_line) == 1
    assert on_line[0].message.startswith("page chrome by its cues (score ")
    assert on_line[0].category == "content/boilerplate"


@pytest.mark.parametrize("line", [
    "Shares of the company fell sharply after the announcement on Monday.",
    "The minister followed the debate on television and said she would comment later.",
    "Readers of the newspaper wrote hundreds of letters to the editor about the decision.",
])
def test_prose_that_shares_furniture_words_scores_low(line: str) -> None:
    feats, covered = cues(HEAD + line + "\n")[-1]
    prob, _ = score(feats)
    assert not covered and prob < model().minor


def test_the_explanation_names_the_cues_that_carried_the_score() -> None:
    feats, _ = cues(HEAD + "Discover more stories from our newsroom\n")[-1]
    prob, parts = score(feats)
    assert parts[0][1] >= parts[-1][1]  # largest contribution first
    words = explain(parts)
    assert words and "furniture nouns" in words.split(", ") + [words]


def test_the_headline_and_a_lone_label_between_paragraphs_are_never_scored() -> None:
    rows = cues("Newsletter\n" + HEAD[len("Council adopts the budget\n"):] + "Marketing\nThe debate continues on Wednesday, officials said.\n")
    assert not reportable(rows[0][0])  # the first line: the headline
    assert not reportable(rows[3][0])  # a lone word between paragraphs may be a subheading


def test_a_sentence_is_not_carried_by_chrome_neighbours() -> None:
    text = HEAD + "Share on Facebook | Share on X | Copy link\nThe mayor spoke.\nTweet | Email | Print\n"
    rows = cues(text)
    feats, covered = rows[4]
    assert rows[3][1] and rows[5][1] and not covered  # chrome both sides, the sentence itself not a rule hit
    assert feats["chrome_before"] == 0 and feats["chrome_after"] == 0


def test_scores_are_the_same_whatever_the_order_of_checks() -> None:
    line = "Discover more stories from our newsroom"
    first = qa.check(HEAD + line + "\n").findings
    qa.check("Other article\nSomething else entirely happened in the town yesterday.\n")
    assert [f.message for f in qa.check(HEAD + line + "\n").findings] == [f.message for f in first]


def test_the_fit_is_deterministic_and_separates_a_simple_cue() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_chrome

    rng = np.random.default_rng(0)
    x = np.column_stack([rng.integers(0, 2, 200), rng.random(200), np.ones(200)]).astype(float)
    y = x[:, 0].copy()
    y[:10] = 1 - y[:10]  # some noise
    w = np.ones(200)
    a = train_chrome.fit(x, y, w, 1.0)
    b = train_chrome.fit(x, y, w, 1.0)
    assert np.array_equal(a, b)
    assert a[0] > 2 and abs(a[1]) < a[0]  # the informative cue carries the weight
    assert train_chrome.threshold(np.array([0.9, 0.8, 0.1, 0.2]), 0.25, 0.5) == pytest.approx(0.8 + 1e-6)


BENCH = ROOT.parent / "shared" / "bench"
if not BENCH.exists():
    BENCH = ROOT.parent.parent / "shared" / "bench"


@pytest.mark.skipif(not (BENCH / "chrome" / "scrapinghub_aeb.jsonl").exists(), reason="bench data not here")
def test_the_shipped_weights_are_what_the_training_script_fits(tmp_path: Path) -> None:
    out = tmp_path / "weights.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_chrome.py"), "--bench", str(BENCH),
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    fitted, shipped = (json.loads(path.read_text(encoding="utf-8")) for path in (out, WEIGHTS))
    assert fitted["trained_on"] == shipped["trained_on"]
    assert set(fitted["weights"]) == set(shipped["weights"])
    # the same to rounding (another BLAS may differ in the last digits of a Newton step)
    assert all(abs(fitted["weights"][k] - shipped["weights"][k]) < 1e-4 for k in shipped["weights"])
    for key in ("bias", "threshold_major", "threshold_minor"):
        assert abs(fitted[key] - shipped[key]) < 1e-3


def _ascii_lines(seed: int, n: int) -> list[str]:
    """Random ASCII lines built from the pieces the cue patterns look for, in every case mix."""
    import random

    rng = random.Random(seed)
    pieces = ["photo", "Photos", "IMAGE", "credit", "Courtesy", "illustration", "ilustracija", "foto", "copyright",
              "(c)", "(C)", "COPYRIGHT", "http://", "HTTPS://", "www.", "WWW.", ".com", ".CO.UK", ".rs", "x.org",
              "don't", "state-run", "-", "'", "''", "1.5", "12:30", "3/4", "1,000", "a1", "b2c", "K", "s", ":", ".",
              ",", "(", ")", "/", "|", "@", "_", "word", "Word", "WORD", "e-mail", "'s", "x'", "9-", "-9"]
    out = []
    for _ in range(n):
        parts = [rng.choice(pieces) for _ in range(rng.randrange(1, 9))]
        out.append("".join(p + rng.choice(["", " ", "  ", "\t"]) for p in parts))
    return out


def test_the_ascii_token_pattern_finds_the_same_tokens() -> None:
    from qa import chrome_model

    for line in _ascii_lines(1, 3000) + [chr(c) * 2 + " a" + chr(c) + "b" for c in range(128)]:
        assert chrome_model._ASCII_TOKEN.findall(line) == chrome_model._TOKEN.findall(line), line


def test_the_lowered_ascii_patterns_match_where_the_case_insensitive_ones_do() -> None:
    from qa import chrome_model as cm

    pairs = [(cm._URL_HINT, cm._URL_HINT_LOW), (cm._CREDIT, cm._CREDIT_LOW), (cm._COPYRIGHT, cm._COPYRIGHT_LOW)]
    found = 0
    for line in _ascii_lines(2, 3000):
        for original, lowered in pairs:
            a, b = original.search(line), lowered.search(line.lower())
            assert (a is None) == (b is None) and (a is None or a.span() == b.span()), (original.pattern, line)
            found += a is not None
    assert found > 1000  # the lines do hold what the patterns look for
    with pytest.raises(ValueError):
        cm._for_lowered_ascii(regex.compile(r"\bPhoto\b", regex.I))  # a capital letter: not this shortcut's


def test_fold_takes_the_ascii_shortcut_to_the_same_string() -> None:
    from qa.chrome_model import fold
    from qa.languages.transliteration import ascii_fold, to_latin

    for text in _ascii_lines(3, 500) + ["Beograd", "Београд", "Vučić", "ĐOKOVIĆ", "Straße", "İstanbul"]:
        assert fold(text) == ascii_fold(to_latin(text)).casefold()
