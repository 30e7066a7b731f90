"""Bytes to text: BOMs, UTF-8, UTF-16 without a mark, the region's legacy encodings told apart, binary refused."""

from __future__ import annotations

import codecs
import random

import pytest

from qa.io.decode import DecodeError, decode, plausibility

# Short, realistic lines: what a scraped caption, a headline or a name list looks like.
SERBIAN_LATIN = [
    "Predsednik Vučić je rekao da će Srbija nastaviti saradnju. Đoković je osvojio turnir u Nišu.",
    "Follow us on Facebook, Twitter i Viber. Minister Dačić met Šapić in Čačak.",
    "Šta će biti sa ženama? Đurđevdan je u četvrtak.",
    "Žarko Paspalj, Ćuprija",
    "Vučić",
    "Šišić",
    "Zagreb: Hrvatska vlada je u četvrtak donijela odluku o porezu. Plenković je rekao da će ključni zakoni proći.",
    "Minister Ivica Dačić said talks with Pristina would continue, Tanjug reported.",
    "Sarajevo: Džemal Bijedić i Đula Šehović iz Tešnja.",
]
CYRILLIC = ["Путин је рекао да ће Србија наставити сарадњу.", "Вучић", "Москва", "Ђоковић у Београду"]
WESTERN = ["Café déjà vu — naïve façade", "Zürich Straße", "São Paulo", "Müller and Šimek met in Köln"]


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (codecs.BOM_UTF8 + "Vučić".encode(), "Vučić", "utf-8-sig"),
        ("Vučić".encode("utf-16"), "Vučić", "utf-16"),
        (codecs.BOM_UTF16_BE + "Vučić".encode("utf-16-be"), "Vučić", "utf-16"),
        ("Vučić".encode("utf-32"), "Vučić", "utf-32"),
        ("Vučić i Đoković".encode("utf-16-le"), "Vučić i Đoković", "utf-16-le"),
        ("Vučić i Đoković".encode("utf-16-be"), "Vučić i Đoković", "utf-16-be"),
        ("plain ascii".encode(), "plain ascii", "utf-8"),
        ("".encode(), "", "utf-8"),
    ],
)
def test_unicode_encodings(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_bom_is_not_part_of_the_text_so_spans_index_the_article() -> None:
    decoded = decode(codecs.BOM_UTF8 + b"i Viber")
    assert decoded.text.index("i") == 0


@pytest.mark.parametrize("text", SERBIAN_LATIN)
@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_serbian_croatian_bosnian_latin_in_legacy_encodings(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    # the two agree on č ć đ, so a text without Š/Ž/š/ž may be either; what matters is the letters
    if any(c in text for c in "ŠŽšž"):
        assert decoded.encoding == encoding


@pytest.mark.parametrize("text", CYRILLIC)
def test_cyrillic_windows_1251(text: str) -> None:
    decoded = decode(text.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (text, "cp1251")


@pytest.mark.parametrize("text", WESTERN[:3])
def test_western_windows_1252_is_not_taken_for_1250(text: str) -> None:
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text


def test_language_hint_settles_what_the_letters_cannot() -> None:
    # "Ж" alone is byte 0xC6, which is "Ć" in Windows-1250: one letter cannot say which
    assert decode("Ж".encode("cp1251"), lang="ru").text == "Ж"
    assert decode("Ć".encode("cp1250"), lang="sr").text == "Ć"


def test_plausibility_prefers_real_letters() -> None:
    real = "Šta će biti sa ženama? Đurđevdan je u četvrtak."
    data = real.encode("cp1250")
    assert plausibility(data.decode("cp1250")) > plausibility(data.decode("cp1252"))
    assert plausibility("Москва") > plausibility("Ěîńęâŕ")
    assert plausibility("Žarko") > plausibility("®arko")


def test_legacy_detection_is_fast_and_complete_on_a_large_file() -> None:
    text = "Predsednik Vučić je rekao da će Srbija nastaviti saradnju. " * 20000
    decoded = decode(text.encode("cp1250"))
    assert decoded.text == text and decoded.encoding == "cp1250"


def test_windows_1250_text_random_short_articles_round_trip() -> None:
    """Short articles of Serbian words with the letters that tell the encodings apart always come back right."""
    rnd = random.Random(0)
    words = "Vučić Đoković Šabac Žabalj Niš Čačak ćevapi šta će biti sa ženama u četvrtak iz Srbije rekao je da".split()
    english = "the minister said that talks would continue next week in".split()
    for _ in range(300):
        text = " ".join(rnd.choice(words + english) for _ in range(rnd.randint(1, 12)))
        assert decode(text.encode("cp1250"), lang="sr").text == text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11", "binary"),
    ],
)
def test_binary_and_broken_input_is_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_random_bytes_never_crash() -> None:
    rnd = random.Random(0)
    for n in (1, 2, 3, 10, 100, 1000, 5000):
        for _ in range(10):
            data = bytes(rnd.randrange(256) for _ in range(n))
            try:
                decoded = decode(data)
            except DecodeError as e:
                assert str(e)
            else:
                assert isinstance(decoded.text, str)


def test_noise_without_nul_is_refused() -> None:
    rnd = random.Random(1)
    data = bytes(rnd.randrange(1, 256) for _ in range(4096))
    with pytest.raises(DecodeError):
        decode(data)
