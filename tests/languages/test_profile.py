"""Language profiles: one object per language, built from its folder, and a generic one for any other code."""

from __future__ import annotations

import pytest

from qa.languages import bundled, profile
from qa.languages.profile import name_of


@pytest.mark.parametrize("code", ["sr", "hr", "bs", "me", "cnr", "sh", "sr-Latn", "SR"])
def test_serbo_croatian_codes_share_one_profile(code: str) -> None:
    assert profile(code) is profile("sh")


def test_no_source_language_means_the_mission_default() -> None:
    assert profile(None).code == "sh"


def test_each_standard_keeps_its_own_name_and_scripts() -> None:
    sh = profile("sh")
    assert sh.name_for("hr") == "Croatian" and sh.scripts_for("hr") == ("LATIN",)
    assert sh.name_for("sr") == "Serbian" and "CYRILLIC" in sh.scripts_for("sr")


@pytest.mark.parametrize("code, name, script", [("mk", "Macedonian", "CYRILLIC"), ("sl", "Slovenian", "LATIN")])
def test_macedonian_and_slovenian_are_profiles_with_their_data(code: str, name: str, script: str) -> None:
    p = profile(code)
    assert (p.code, p.name, p.scripts) == (code, name, (script,))
    assert p.english_length is not None and 0.5 < p.english_length.ratio < 1.5
    assert p.function_words is not None and p.data_file("numbers.toml") is not None


def test_an_unknown_code_gets_a_generic_profile_named_by_cldr() -> None:
    p = profile("bg")
    assert p.name == "Bulgarian" and p.scripts == ("CYRILLIC",)
    assert p.function_words is None and p.data_file("numbers.toml") is None
    assert name_of("bg") == "Bulgarian"


def test_every_bundled_folder_reads() -> None:
    codes = {p.code for p in bundled()}
    assert {"en", "sh", "mk", "sl", "de", "ru", "zh"} <= codes
    assert all(p.folder is not None and (p.folder / "profile.toml").is_file() for p in bundled())


def test_slovenian_and_macedonian_function_words_are_known() -> None:
    assert {"ter", "oziroma", "vendar", "tudi"} <= set(profile("sl").function_words.words)  # type: ignore[union-attr]
    assert {"и", "или", "во"} <= set(profile("mk").function_words.words)  # type: ignore[union-attr]


def test_no_function_word_list_holds_a_common_lower_case_english_word() -> None:
    """A source function word that is also an English word would flag correct English (see each file's header)."""
    english = {"in", "so", "to", "a", "on", "do", "no", "me", "sad", "at", "is", "it", "be", "as"}
    for p in bundled():
        if p.function_words is not None:
            assert not english & set(p.function_words.words), p.code
