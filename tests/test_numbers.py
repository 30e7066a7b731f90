"""Locale-aware number reading: each side in its own locale, sources read leniently."""

from __future__ import annotations

import pytest

from qa.numbers import explained, readings, same_number, source_numbers, target_numbers


@pytest.mark.parametrize(
    "digits, decimal, expected",
    [("1,000.5", ".", {1000.5}), ("1.000,5", ",", {1000.5}), ("2022", ".", {2022.0}), ("1.000.000", ",", {1000000.0}),
     ("1.7", None, {1.7, 17.0})],
)
def test_readings(digits: str, decimal: str | None, expected: set[float]) -> None:
    assert readings(digits, decimal) == expected


@pytest.mark.parametrize(
    "target, source, lang, ok",
    [
        ("It cost 1,000.5 dinars.", "Koštalo je 1.000,5 dinara.", "sr", True),
        ("It cost 1,500.5 dinars.", "Koštalo je 1.000,5 dinara.", "sr", False),
        ("It happened in 2022.", "To se desilo 2022. godine.", "sr", True),
        ("Two ministers came.", "Došle su dvije ministrice.", "hr", True),
        ("Three ministers came.", "Došle su dvije ministrice.", "hr", False),
        ("Two ministers came.", "Дошла су два министра.", "sr", True),
        ("More than 17,000 tunnels.", "隧道1.7万余座", "zh", True),
        ("More than 19,000 tunnels.", "隧道1.7万余座", "zh", False),
        ("4.176 million cases", "确诊总数已经达到417.6万例", "zh", True),
        ("for the next three days", "未来三天", "zh", True),
        ("for the next nine days", "未来三天", "zh", False),
        ("11,000 stores", "１万１０００店舗", "ja", True),
        ("a 50 percent rise", "ein Anstieg um 50 Prozent", "de", True),
        ("2.5 billion euros", "2,5 Milliarden Euro", "de", True),
        ("It was founded in 1997.", "建于1979年", "zh", False),
        ("about 4.2 million people", "4.176.000 ljudi", "sr", True),
        ("six-point belts", "छह-बिंदु वाली बेल्ट", "hi", True),
        ("five-point belts", "छह-बिंदु वाली बेल्ट", "hi", False),
    ],
)
def test_target_numbers_explained_by_source(target: str, source: str, lang: str, ok: bool) -> None:
    src = source_numbers(source, lang)
    nums = target_numbers(target)
    assert nums, target
    assert all(explained(n, src) for n in nums) is ok


@pytest.mark.parametrize(
    "text, found",
    [("COVID-19 cases", []), ("one of the two", ["two"]), ("the Ninth Ward", []), ("on August 15", ["August", "15"]),
     ("you may go", []), ("twenty-five people", ["twenty-five"])],
)
def test_target_numbers_found(text: str, found: list[str]) -> None:
    assert [n.text for n in target_numbers(text)] == found


def test_months_from_source() -> None:
    assert source_numbers("15. avgusta", "sr").months == {8}
    assert 7 in source_numbers("7月24日", "zh").months
    assert source_numbers("15.08.2022.", "sr").months >= {8}


@pytest.mark.parametrize("a, b, same", [(1979, 1997, False), (4200000, 4176000, True), (17000, 19000, False), (5, 5.0, True)])
def test_same_number(a: float, b: float, same: bool) -> None:
    assert same_number(a, b) is same
