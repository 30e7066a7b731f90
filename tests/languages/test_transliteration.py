"""Transliteration and folding: Cyrillic names meet their Latin spelling."""

from __future__ import annotations

from qa.languages import profile
from qa.languages.transliteration import CYRILLIC, ascii_fold, has_cyrillic


def test_serbian_cyrillic_becomes_gajica() -> None:
    assert CYRILLIC().to_latin("Вучић у Београду") == "Vučić u Beogradu"


def test_macedonian_letters_have_latin_forms() -> None:
    latin = profile("mk").to_latin("Ѓорѓе Ќосе")
    assert not has_cyrillic(latin)


def test_latin_text_is_unchanged() -> None:
    assert CYRILLIC().to_latin("Macron, 2024.") == "Macron, 2024."


def test_folding_removes_diacritics_and_the_dj_letter() -> None:
    assert ascii_fold("Đoković Čačak") in ("Djokovic Cacak", "Dokovic Cacak")


def test_has_cyrillic() -> None:
    assert has_cyrillic("Vučić и") and not has_cyrillic("Vučić i")
