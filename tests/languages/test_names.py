"""Names across languages: the CLDR and GeoNames tables, inflected forms, and finding names in a source."""

from __future__ import annotations

import pytest

from qa.languages import profile
from qa.languages.names import SourceIndex, fold, inflects, kind_of, names_for, read_table, tagged
from qa.resources import DATA


def found(text: str, lang: str) -> list[tuple[str, str]]:
    table = names_for(profile(lang), comparable=lang not in ("zh", "ja", "hi"))
    assert table is not None
    index = SourceIndex.of(text, profile(lang), comparable=lang not in ("zh", "ja", "hi"))
    return [(e, text[s:e2]) for e, s, e2 in table.found(index)]


def test_every_bundled_language_with_cldr_has_a_table() -> None:
    for code in ("sh", "mk", "sl", "de", "fr", "es", "it", "pl", "cs", "ru", "zh", "ja", "hi", "en"):
        rows = read_table(DATA / "languages" / code / "names.tsv", 2)
        ids = {r[0] for r in rows}
        assert {"country:DE", "day:tue", "month:01", "language:de", "currency:USD"} <= ids, code


def test_tables_say_where_they_come_from() -> None:
    head = (DATA / "languages" / "sh" / "names.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("CLDR" in line for line in head)
    places = (DATA / "names" / "places.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("GeoNames" in line for line in places)


@pytest.mark.parametrize(
    "english, entity",
    [("Germany", "country:DE"), ("Tuesday", "day:tue"), ("Munich", "city:2867714"), ("German", "language:de"), ("USA", "country:US")],
)
def test_english_names_map_to_entities(english: str, entity: str) -> None:
    table = names_for(profile("hr"))
    assert table is not None and entity in table.english_ids(english)


def test_codes_match_only_in_capitals() -> None:
    table = names_for(profile("hr"))
    assert table is not None
    assert "country:AD" in table.english_ids("AND") and "country:AD" not in table.english_ids("And")


@pytest.mark.parametrize(
    "token, word, ok",
    [("njemackoj", "njemacka", True), ("beogradu", "beograd", True), ("skoplju", "skoplje", True),
     ("bec", "bec", True), ("beca", "bec", True), ("samo", "samoa", False), ("australija", "austrija", False)],
)
def test_case_endings(token: str, word: str, ok: bool) -> None:
    assert inflects(token, word) is ok


def test_south_slavic_names_are_found_inflected_and_in_cyrillic() -> None:
    assert ("country:DE", "Njemačkoj") in found("Sastanak u Njemačkoj i SAD-u.", "hr")
    assert ("country:US", "SAD") in found("Sastanak u Njemačkoj i SAD-u.", "hr")
    assert ("country:DE", "Немачкој") in found("Састанак у Немачкој.", "sr")


def test_common_words_are_not_taken_for_places() -> None:
    """GeoNames has towns whose alternate names are Croatian words ("Kako", "Nakon"); CLDR has languages
    called like verbs ("cree" in Spanish): none of them is a name in running text."""
    assert found("Pitam kako je. Nakon toga je otišao.", "hr") == []
    assert found("El doctor cree que el virus es nuevo.", "es") == []


def test_names_in_other_scripts_are_found_as_written() -> None:
    names = found("此前美方要求关闭中国驻休斯敦总领事馆", "zh")
    assert ("city:4699066", "休斯敦") in names and ("country:CN", "中国") in names


@pytest.mark.parametrize(
    "text, lang",
    [
        ("此前美方要求关闭中国驻休斯敦总领事馆。德国和法国的部长在巴黎会面，讨论了俄罗斯和乌克兰的局势。", "zh"),
        ("阿拉伯联合酋长国的代表团抵达呼和浩特市，随后前往名古屋市。", "zh"),  # 呼和浩特市 and 呼和浩特 are both listed
        ("ドイツのメルケル首相は東京で日本の首相と会談し、中国と韓国について話した。", "ja"),
        ("भारत और पाकिस्तान के बीच दिल्ली में बातचीत हुई, जिसमें चीन और अमेरिका के प्रतिनिधि भी थे।", "hi"),
    ],
)
def test_other_scripts_take_the_longest_listed_form_at_each_place(text: str, lang: str) -> None:
    """The scan by first character and length finds what trying every form at every place finds: the longest
    form long enough to look for, of two entities written alike the first listed, then on past it."""
    table = names_for(profile(lang), comparable=False)
    assert table is not None
    expected, pos = [], 0
    while pos < len(text):
        best = None
        for form in table.by_prefix.get(text[pos], ()):
            if len(form.raw) >= table._shortest(form) and text.startswith(form.raw, pos):
                if best is None or pos + len(form.raw) > best[0]:
                    best = (pos + len(form.raw), form.entity)
        if best is None:
            pos += 1
            continue
        expected.append((best[1], pos, best[0]))
        pos = best[0]
    assert expected  # the sentences name places
    assert table.found(SourceIndex.of(text, profile(lang), comparable=False)) == expected


def test_kinds() -> None:
    assert kind_of("city:1") == kind_of("country:DE") == "place"
    assert tagged("country:DE") and not tagged("city:1")
    assert fold("Вучић") == "vucic"


def present(entity: str, text: str, lang: str) -> bool:
    comparable = lang not in ("zh", "ja", "hi")
    table = names_for(profile(lang), comparable=comparable)
    assert table is not None
    return table.present(entity, SourceIndex.of(text, profile(lang), comparable=comparable))


@pytest.mark.parametrize(
    "entity, text, lang, expected",
    [
        ("country:ID", "另有印尼等15个国家允许免签入境。", "zh", True),  # 印尼: two characters of 印度尼西亚, in order
        ("language:en", "开设了中英文网站。", "zh", True),  # 英文 for 英语: the stem with another language ending
        ("language:ar", "他以阿拉伯文发推文。", "zh", True),
        ("country:US", "美丽的城市。", "zh", False),  # one character of a two-character name is no short form
        ("language:ja", "日本的城市。", "zh", False),  # 日 without a language ending is no language
        ("country:IR", "इरान में हवाई दुर्घटनाएँ", "hi", True),  # ईरान written with a short i
        ("country:BR", "जब ब्राजील की सीमा", "hi", True),  # ब्राज़ील without the nukta
        ("country:GB", "Kot del vstopa na britanski lepotni trg.", "sl", True),  # CLDR's "britanska angleščina"
        ("country:GB", "Ulazak na britansko tržište.", "hr", True),
    ],
)
def test_short_forms_variants_and_adjectives(entity: str, text: str, lang: str, expected: bool) -> None:
    assert present(entity, text, lang) is expected


def test_cldr_names_time_zone_cities_per_language() -> None:
    table = names_for(profile("hi"), comparable=False)
    assert table is not None
    cairo = table.english_ids("Cairo") & {r[0] for r in read_table(DATA / "languages" / "hi" / "names.tsv", 2)}
    assert cairo and table.present(next(iter(cairo)), SourceIndex.of("काहिरा नहीं, कायरो विश्वविद्यालय", profile("hi"), comparable=False))


def test_gazetteer_has_simplified_chinese_forms() -> None:
    rows = {r[0]: r[3] for r in read_table(DATA / "names" / "places.tsv", 4)}
    ottawa = rows["city:6094817"].split("|")  # GeoNames has 渥太華 only
    assert "渥太华" in ottawa and "渥太華" in ottawa


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Malo je poznato o tome.", "sr", []),  # a sentence's first word that is a common word: not Mali
        ("Vojnici su stigli u Mali prošle godine.", "sr", [("country:ML", "Mali")]),
        ("Dominikanska Republika i Panama su već priznale Пекинг.", "mk", [("city:1816670", "Пекинг")]),
        ("J'ai tendance à acheter Apple, parce que.", "fr", []),  # an English word kept as it is: no town
    ],
)
def test_common_words_and_towns(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert [f for f in found(text, lang) if not f[0].startswith(("country:P", "country:D"))] == expected


def test_territories_give_home_and_official_countries() -> None:
    rows = {lang: (home, set(where.split("|"))) for lang, home, where in read_table(DATA / "names" / "territories.tsv", 3)}
    assert rows["language:zh"][0] == "country:CN" and rows["language:sr"][0] == "country:RS"
    assert {"country:FR", "country:CA", "country:BE"} <= rows["language:fr"][1]
    head = (DATA / "names" / "territories.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("CLDR" in line for line in head)
