"""Word frequencies from wordfreq: how common a word is in English and in a source language.

wordfreq ships its frequency lists inside the package, so nothing downloads
at run time. A rare or unknown English word is the cheap signal that a word,
or a sentence, is not English; langdetect (``qa.languages.detection``) is
asked only where this signal says it is worth it.

wordfreq itself holds each language's whole list as a Python dict (50 to 110
MiB a language, and seconds to build): ten source languages made up most of
a run's memory. Here each list is read once, band by band, hashed with
numpy and kept as flat arrays (parts of each word's 64-bit hash and its
frequency band, eight bytes a word) when a document first needs that
language, and kept in qa's cache (``qa.cache``) for the next run; the
English one is loaded before the worker processes fork, so they share it. :func:`zipf` answers exactly as
``wordfreq.zipf_frequency`` does (same tokenising, number smashing and
rounding, which this module calls from wordfreq); ``tests/languages`` checks
that on every word of a corpus.
"""

from __future__ import annotations

import bisect
import gzip
import math
import os
from array import array
from functools import lru_cache
from importlib.metadata import version
from typing import Iterable

from qa.cache import Table, cached_arrays
from qa.resources import trim_heap

# wordfreq needs extra tokenisers (jieba, MeCab) for these; their scripts are caught by script checks anyway
_NEEDS_TOKENISER = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=None)
def wordfreq_list(code: str) -> str | None:
    """wordfreq's list for a language code, or None when wordfreq has none (or needs a tokeniser for it)."""
    import wordfreq

    return code if code in wordfreq.available_languages() and code not in _NEEDS_TOKENISER else None


_MASK = (1 << 64) - 1
_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MIX1 = 0xFF51AFD7ED558CCD  # MurmurHash3's 64-bit finaliser
_MIX2 = 0xC4CEB9FE1A85EC53
_BUCKET_BITS = 16  # a word's bucket: the top bits of its hash
_KEY_SHIFT = 16  # then 32 bits of key, then 16 bits of check
_TABLE_VERSION = f"fnv1a-murmur3 {_BUCKET_BITS}/{_KEY_SHIFT}"  # what a cached table was built with (qa.cache)


def _hash(word: str) -> int:
    """A word's 64-bit hash: FNV-1a over its UTF-8 bytes, then MurmurHash3's finaliser so that every
    bit depends on every byte. :func:`_hashes` computes the same over a whole word list at once.

    Not ``hash()``: it is salted per process, and ``hash(str)`` hashes the internal buffer, so
    "kp" and "火", two bytes 6b 70 each, would collide."""
    h = _FNV_OFFSET
    for b in word.encode("utf-8", "surrogatepass"):
        h = ((h ^ b) * _FNV_PRIME) & _MASK
    h ^= h >> 33
    h = (h * _MIX1) & _MASK
    h ^= h >> 33
    h = (h * _MIX2) & _MASK
    return h ^ (h >> 33)


def _lengths(data: bytes | bytearray, n: int):  # type: ignore[no-untyped-def]
    """The byte lengths (numpy int32) of the ``n`` words of ``data``, each followed by a NUL."""
    import numpy as np

    buf = np.frombuffer(data, dtype=np.uint8)
    step = 1 << 20  # found a slice at a time: no mask as large as the list
    ends = np.concatenate([np.flatnonzero(buf[i:i + step] == 0) + i for i in range(0, len(buf), step)] or [np.zeros(0, dtype=np.intp)])
    if len(ends) != n:
        raise ValueError(f"{n} words, {len(ends)} NUL bytes: a NUL inside a word")
    return (np.diff(ends, prepend=-1) - 1).astype(np.int32)


def _hashes(words: list[str]):  # type: ignore[no-untyped-def]
    """:func:`_hash` of every word, as a numpy uint64 array."""
    data = "".join(w + "\0" for w in words).encode("utf-8", "surrogatepass")
    return _encoded_hashes(data, _lengths(data, len(words)))


def _encoded_hashes(data: bytes | bytearray, lengths):  # type: ignore[no-untyped-def]
    """:func:`_hash` of each word of ``data`` (UTF-8, a NUL after each word; ``lengths`` their byte
    lengths), as a numpy uint64 array. The words of one length are hashed together, a byte column
    at a time, so no Python code runs per word or per byte."""
    import numpy as np

    n = len(lengths)
    if not n:
        return np.zeros(0, dtype=np.uint64)
    buf = np.frombuffer(data, dtype=np.uint8)
    starts = np.cumsum(lengths + 1, dtype=np.int64) - (lengths + 1)
    longest = int(lengths.max())
    order = np.argsort(lengths.astype(np.uint8 if longest < 256 else np.uint16), kind="stable")  # a radix sort
    starts = starts[order]
    bounds = np.searchsorted(lengths[order], np.arange(longest + 2)).tolist()  # where each length starts
    h = np.full(n, _FNV_OFFSET, dtype=np.uint64)
    prime = np.uint64(_FNV_PRIME)
    for length in range(1, longest + 1):
        lo, hi = bounds[length], bounds[length + 1]
        if lo == hi:
            continue
        group = h[lo:hi]
        for column in buf[starts[lo:hi, None] + np.arange(length)].T.copy():  # row j: byte j of each word
            group ^= column
            group *= prime  # unsigned: wraps modulo 2**64, as the & _MASK in _hash
    del starts
    shift = np.uint64(33)
    h ^= h >> shift
    h *= np.uint64(_MIX1)
    h ^= h >> shift
    h *= np.uint64(_MIX2)
    h ^= h >> shift
    out = np.empty(n, dtype=np.uint64)
    out[order] = h
    return out


class _Bands:
    """A language's wordfreq list as flat arrays, eight bytes a word instead of a dict entry's
    hundred: the words' 64-bit hashes, sorted, split into a bucket (the top 16 bits: where the
    bucket's words start is in ``starts``), a 32-bit key (``keys``, sorted within the bucket) and a
    16-bit check (``checks``); and each word's band (minus its frequency in centibels). A wrong
    answer needs another word to match all 64 bits of the hash; no two words of a list do
    (``tests/languages`` checks the lists)."""

    __slots__ = ("starts", "keys", "checks", "bands")

    def __init__(self, starts: Table, keys: Table, checks: Table, bands: Table) -> None:
        self.starts = starts
        self.keys = keys
        self.checks = checks
        self.bands = bands

    def get(self, word: str) -> int | None:
        h = _hash(word)
        bucket = h >> (64 - _BUCKET_BITS)
        key = (h >> _KEY_SHIFT) & 0xFFFFFFFF
        check = h & 0xFFFF
        keys = self.keys
        hi = self.starts[bucket + 1]
        i = bisect.bisect_left(keys, key, self.starts[bucket], hi)
        while i < hi and keys[i] == key:
            if self.checks[i] == check:
                return self.bands[i]  # type: ignore[no-any-return]
            i += 1
        return None

    def __len__(self) -> int:
        return len(self.keys)


def _table(h, bands):  # type: ignore[no-untyped-def]
    """The :class:`_Bands` of words' hashes and their bands (numpy arrays, in the list's order); a
    word listed twice keeps its last band, as wordfreq's dict does."""
    import numpy as np

    order = np.argsort(h)
    h = np.take(h, order)
    first = np.ones(len(h), dtype=bool)
    first[1:] = h[1:] != h[:-1]
    if first.all():
        bands = bands[order]
    else:  # a word listed twice: its last place in the list (the largest index) gives its band
        h = h[first]
        bands = bands[np.maximum.reduceat(order, np.flatnonzero(first))]
    buckets = (h >> np.uint64(64 - _BUCKET_BITS)).astype(np.int64)
    starts = np.searchsorted(buckets, np.arange((1 << _BUCKET_BITS) + 1), side="left").astype(np.uint32)
    keys = ((h >> np.uint64(_KEY_SHIFT)) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    checks = (h & np.uint64(0xFFFF)).astype(np.uint16)
    return _Bands(_array("I", starts), _array("I", keys), _array("H", checks), _array("H", bands.astype(np.uint16)))


def _array(typecode: str, values) -> array:  # type: ignore[no-untyped-def]
    out = array(typecode)
    out.frombytes(memoryview(values).cast("B"))  # numpy's buffer, copied once
    return out


@lru_cache(maxsize=None)
def _bands(lang: str) -> _Bands:
    """The table of the list wordfreq would use for ``lang``: built on a machine's first run that
    needs it and read back from qa's cache (``qa.cache``) by later runs."""
    import langcodes
    import wordfreq

    available = wordfreq.available_languages("best")
    best, _distance = langcodes.closest_match(lang, list(available), max_distance=60)  # as wordfreq.get_frequency_list
    if best == "und":
        raise LookupError(f"No wordlist 'best' available for language {lang!r}")
    path = available[best]
    st = os.stat(path)
    stamp = f"wordfreq {version('wordfreq')}|{path}|{st.st_size}|{st.st_mtime_ns}|{_TABLE_VERSION}"
    return _Bands(*cached_arrays(f"wordfreq-{best}", stamp, lambda: _built(path)))


def _built(path: str) -> tuple[array, array, array, array]:
    """The arrays of a :class:`_Bands` from a wordfreq list file, read band by band and hashed in one
    go (numpy: no Python code runs per word but msgpack's decoding and ``str.join``).

    Why not ``wordfreq.read_cBpack``: it decodes the whole list of lists first, and builds the
    dict; here only each band's joined UTF-8 buffer is kept while the list is read."""
    import msgpack
    import numpy as np

    data = bytearray()  # every word's UTF-8 bytes and a NUL, band after band (no str kept)
    counts: list[int] = []
    with gzip.open(path, "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        size = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: unexpected header {header!r}")
        for _band in range(size - 1):
            words = unpacker.unpack()
            if words:
                data += ("\0".join(words) + "\0").encode("utf-8", "surrogatepass")
            counts.append(len(words))
    if len(counts) > 0xFFFF:
        raise ValueError(f"{path}: {len(counts)} bands")
    hashes = _encoded_hashes(data, _lengths(data, sum(counts)))
    del data
    table = _table(hashes, np.repeat(np.arange(len(counts), dtype=np.uint16), counts))
    del hashes
    trim_heap()  # the list's transient buffers, freed, back to the system
    return table.starts, table.keys, table.checks, table.bands


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of a word in a wordfreq list: ``wordfreq.zipf_frequency(word, lang)``."""
    if lang in _NEEDS_TOKENISER:
        return 0.0
    from wordfreq import INFERRED_SPACE_FACTOR, cB_to_freq, freq_to_zipf, zipf_to_freq
    from wordfreq.language_info import get_language_info
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    minimum = zipf_to_freq(0.0)
    return round(freq_to_zipf(_frequency(word, lang, minimum, lossy_tokenize, smash_numbers, digit_freq, cB_to_freq,
                                         get_language_info, INFERRED_SPACE_FACTOR)), 2)


def _frequency(word, lang, minimum, lossy_tokenize, smash_numbers, digit_freq, cB_to_freq, get_language_info, space_factor):  # type: ignore[no-untyped-def]
    """``wordfreq._word_frequency``, line for line, with the flat arrays in place of wordfreq's dict."""
    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    table = _bands(lang)
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        band = table.get(smashed)
        if band is None:
            return minimum
        freq = cB_to_freq(-band)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    if get_language_info(lang)["tokenizer"] == "jieba":
        freq *= space_factor ** -(len(tokens) - 1)
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


@lru_cache(maxsize=200_000)
def english(word: str) -> float:
    """Zipf frequency of a word in English (its own cache: it is asked for every word of every text)."""
    return zipf(word, "en")


def foreign_ratio(words: Iterable[str]) -> float:
    """Share of words that are rare or unknown in English (the cheap non-English signal).

    Capitalised words are left out (names say nothing about the language of
    the sentence around them) unless nothing else is left; digits are left out.
    """
    words = [w for w in words if w.isalpha()]
    common = [w for w in words if not w[0].isupper()] or words
    if not common:
        return 0.0
    return sum(english(w) < 2.5 for w in map(str.lower, common)) / len(common)
