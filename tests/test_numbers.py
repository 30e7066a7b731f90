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
        # a range shares its large unit on both sides: 3至5亿 is 300 to 500 million
        ("between 300 and 500 million yuan", "投资3至5亿元", "zh", True),
        ("from 300 to 500 million yuan", "投资3到5亿元", "zh", True),
        ("from 30 to 500 million yuan", "投资3至5亿元", "zh", False),
        # a smaller unit after a larger one starts a new word: 20亿千瓦时 is 2 billion kilowatt-hours
        ("2 billion kilowatt-hours", "发电20亿千瓦时", "zh", True),
        ("2 trillion kilowatt-hours", "发电20亿千瓦时", "zh", False),
        ("30 million yuan", "3千万元", "zh", True),
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


@pytest.mark.parametrize(
    "target, source, lang, ok",
    [
        # CJK numerals with 万 and 亿, read on both sides ("10 million" meets 1000万)
        ("It rose to 10 million yuan.", "增至1000万元", "zh", True),
        ("It rose to 1 million yuan.", "增至1000万元", "zh", False),
        ("300 million people", "3亿人", "zh", True),
        ("30 million people", "3亿人", "zh", False),
        ("17,000 tunnels", "隧道1.7万余座", "zh", True),
        ("households earning 10,000 yuan", "万元户", "zh", True),
        ("in three to five years", "三五年后", "zh", True),
        ("more than 50% of tourists", "占到游客总量的五成以上", "zh", True),
        ("more than 60% of tourists", "占到游客总量的五成以上", "zh", False),
        ("nearly two-thirds", "近三分之二", "zh", True),
        ("born in the 1980s", "80后", "zh", True),
        ("seven decades", "70年来", "zh", True),
        ("weighing 40 kilograms", "重量近80斤", "zh", True),
        # times of day
        ("at 9:30", "9点半", "zh", True),
        ("at 9:45", "9点半", "zh", False),
        ("at 9:15 a.m.", "上午9点15分", "zh", True),
        ("at 3 p.m.", "下午3点", "zh", True),
        ("at 9: 00 a.m.", "上午9时", "zh", True),
        ("at 5.30pm", "u 17.30", "sr", True),
        ("at 6.30pm", "u 17.30", "sr", False),
        ("at 3 p.m.", "u 15 h", "hr", True),
        ("at 7.55am", "u 07:55", "hr", True),
        ("around 1200 GMT", "vers 12 h 00 GMT", "fr", True),
        ("around 2100 GMT", "vers 12 h 00 GMT", "fr", False),
        # number words against digits, both ways, in every script
        ("three ministers", "три министри", "mk", True),
        ("3 ministers", "три министри", "mk", True),
        ("4 ministers", "три министри", "mk", False),
        ("3 ministers", "tri ministrice", "sr", True),
        ("3 ministers", "три министра", "sr", True),
        ("three ministers", "trije ministri", "sl", True),
        ("25 people", "petindvajset ljudi", "sl", True),
        ("25 people", "dvadeset pet ljudi", "sr", True),
        ("9 people", "dvadeset pet ljudi", "sr", False),
        ("Five of the victims", "Petoro žrtava", "sr", True),
        ("The 24-year-old said", "Dvadesetčetverogodišnjak je izjavio", "hr", True),
        ("after five years", "nakon petogodišnjeg postupka", "hr", True),
        ("four green shirts", "četirima igračima", "hr", True),
        ("eight laps", "v preostalih osmih krogih", "sl", True),
        ("two-hundred people", "दो सौ लोग", "hi", True),
        # ordinal dates
        ("on the 15th", "на 15-ти септември", "mk", True),
        ("on September 15", "на 15-ти септември", "mk", True),
        ("on October 15", "на 15-ти септември", "mk", False),
        ("on 15 September", "15. septembra", "sl", True),
        ("in June 2017", "u lipnju 2017.", "hr", True),
        ("the 1950-53 Korean War", "od 1950. do 1953.", "hr", True),
        ("in the 1980s", "80-tih godina", "hr", True),
        # units a translator converts
        ("85 miles per hour", "135 kilometara na sat", "sr", True),
        ("550 pound hog", "svinja od 250 kilograma", "sr", True),
        ("2 to 4 inches", "od 5 do 10 cm", "sr", True),
        ("80 degrees", "27 stepeni", "sr", True),
        ("95 miles per hour", "135 kilometara na sat", "sr", False),
        # a phone number grouped differently
        ("call 116 123", "pozovite 116-123", "sr", True),
        ("call 859 93119", "致电85993119", "zh", True),
    ],
)
def test_scripts_and_styles(target: str, source: str, lang: str, ok: bool) -> None:
    src = source_numbers(source, lang)
    nums = target_numbers(target)
    assert nums, target
    assert all(explained(n, src) for n in nums) is ok


@pytest.mark.parametrize(
    "text, kinds",
    [("at 5.30pm", [("5.30pm", "time")]), ("at 9:30", [("9:30", "time")]), ("1200 GMT", [("1200 GMT", "time")]),
     ("in 2:03:59", [("2", "digits"), ("03", "digits"), ("59", "digits")]), ("two first-half shots", [("two", "word")]),
     ("a three-dimensional image", []), ("one or two nice moments", []), ("100 percent certain", [])],
)
def test_target_number_kinds(text: str, kinds: list[tuple[str, str]]) -> None:
    assert [(n.text, n.kind) for n in target_numbers(text)] == kinds


@pytest.mark.parametrize("source, lang, months", [("15. septembra", "sl", {9}), ("15-ти септември", "mk", {9}), ("u lipnju", "hr", {6})])
def test_months_in_new_languages(source: str, lang: str, months: set[int]) -> None:
    assert source_numbers(source, lang).months == months


def test_months_from_source() -> None:
    assert source_numbers("15. avgusta", "sr").months == {8}
    assert 7 in source_numbers("7月24日", "zh").months
    assert source_numbers("15.08.2022.", "sr").months >= {8}


@pytest.mark.parametrize("a, b, same", [(1979, 1997, False), (4200000, 4176000, True), (17000, 19000, False), (5, 5.0, True)])
def test_same_number(a: float, b: float, same: bool) -> None:
    assert same_number(a, b) is same
