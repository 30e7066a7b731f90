#!/usr/bin/env python3
"""Build the English antonym table from WordNet's antonym pointers.

QA907 (antonym-swap) asks whether a word of the translation is the opposite
of a word its reference sentence has where the translation lacks it ("light
rain" for "heavy rain"). Which words are opposites is lexical knowledge, so
it comes from the field's standard resource, WordNet, not from a hand list:
every antonym pointer (``!``) between two one-word lemmas, in nouns, verbs,
adjectives and adverbs, and the synonyms of the pointer's two words in their
synsets where that synset is one of the word's two most frequent senses
("begin" against "end" brings "begin" against "terminate" and "cease"),
written to ``qa/data/languages/en/antonyms.tsv``. WordNet's indirect
antonyms (a satellite adjective through its head, "weighty" against
"light") are looser and are left out, and so are rare senses: a third sense
added findings on real MT and no catch (measured on the dev halves of
DEMETR and the MQM data).

The table also carries the irregular inflections of its lemmas from
WordNet's exception lists (``verb.exc``, ``noun.exc``, ``adj.exc``:
"worse" -> "bad", "lost" -> "lose"), so qa can read inflected words with no
run-time dependency on WordNet.

WordNet 3.0 as Debian ships it (package ``wordnet-base``, dictionary files in
``/usr/share/wordnet``); deterministic, rerun after an upgrade of the data:

    apt-get install wordnet-base && python scripts/build_antonyms.py
    # or without installing: apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    #                        python scripts/build_antonyms.py --dict wn/usr/share/wordnet
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "qa" / "data" / "languages" / "en" / "antonyms.tsv"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_MARKER = re.compile(r"\((?:a|p|ip)\)$")  # adjective syntactic markers: "galore(ip)"
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

HEADER = """\
# English antonyms: each one-word lemma of WordNet that has a direct antonym, with its part of speech.
# Provenance: WordNet 3.0, Princeton University (Debian package wordnet-base {version}), its antonym
# pointers ('!') between one-word lemmas with the synonyms in their synsets (where that synset is one
# of the word's {senses} most frequent senses), and the irregular forms of those lemmas from its
# exception lists; built by scripts/build_antonyms.py, do not edit by hand.
# Licence: WordNet 3.0 licence. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its documentation for
# any purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications that you make for
# internal use or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
# LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton
# University or Princeton may not be used in advertising or publicity pertaining to distribution of
# the software and/or database. Title to copyright in this software, database and any associated
# documentation shall at all times remain with Princeton University and LICENSEE agrees to preserve same.
#
# Columns: lemma, part of speech (n, v, a, r), its antonyms separated by '|', its irregular forms
# separated by '|' (empty when it has none).
"""


def _lemma(word: str) -> str:
    return _MARKER.sub("", word).lower()


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> its synsets' offsets, most frequent sense first, from one ``index.POS`` file."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        n_synsets, n_ptr = int(fields[2]), int(fields[3])
        out[fields[0]] = fields[6 + n_ptr: 6 + n_ptr + n_synsets]
    return out


def read_data(path: Path, pos: str, index: dict[str, list[str]], senses: int) -> dict[tuple[str, str], set[str]]:
    """(lemma, pos) -> its antonyms, from one ``data.POS`` file.

    ``senses`` 0: WordNet's direct antonyms only (word to word). Otherwise the synonyms on each side
    join in (the antonym pointer's two synsets, word by word), each only where that synset is among
    the word's ``senses`` most frequent ones, so a rare sense brings in no rare opposite."""
    lines = [ln for ln in path.read_text(encoding="latin-1").splitlines() if ln and not ln.startswith(" ")]
    words: dict[str, list[str]] = {}
    pointers: dict[str, list[tuple[int, str, int]]] = {}
    for line in lines:
        fields = line.split(" | ", 1)[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words[offset] = [_lemma(fields[4 + 2 * i]) for i in range(count)]
        k = 4 + 2 * count
        n_ptr = int(fields[k])
        ptrs = []
        for i in range(n_ptr):
            symbol, target, _tpos, st = fields[k + 1 + 4 * i: k + 5 + 4 * i]
            if symbol == "!":
                ptrs.append((int(st[:2], 16), target, int(st[2:], 16)))
        pointers[offset] = ptrs

    def common(word: str, offset: str) -> bool:
        return offset in index.get(word, [])[:senses]

    table: dict[tuple[str, str], set[str]] = defaultdict(set)
    for offset, ptrs in pointers.items():
        for src, target, dst in ptrs:
            pairs = {(words[offset][src - 1], words[target][dst - 1])}
            if senses:
                pairs |= {(a, b) for a in words[offset] for b in words[target] if common(a, offset) and common(b, target)}
            for a, b in pairs:
                if a != b and _WORD.match(a) and _WORD.match(b):
                    table[(a, pos)].add(b)
                    table[(b, pos)].add(a)
    return table


def read_exceptions(path: Path) -> dict[str, set[str]]:
    """lemma -> its irregular forms, from one ``POS.exc`` file (form first, then its lemmas)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="latin-1").splitlines():
        form, *lemmas = line.split()
        for lemma in lemmas:
            if form != lemma:
                forms[lemma].add(form)
    return forms


def build(dict_dir: Path, senses: int) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, pos in POS.items():
        table = read_data(dict_dir / f"data.{name}", pos, read_index(dict_dir / f"index.{name}"), senses)
        exc = read_exceptions(dict_dir / f"{name}.exc")
        for (lemma, p), antonyms in table.items():
            forms = sorted(f for f in exc.get(lemma, ()) if _WORD.match(f))
            rows.append((lemma, p, "|".join(sorted(antonyms)), "|".join(forms)))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=Path("/usr/share/wordnet"), help="WordNet's dictionary folder")
    parser.add_argument("--version", default="1:3.0-37", help="the Debian package version, for the provenance line")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--senses", type=int, default=2, help="also pair the synonyms of the two sides within each word's N most frequent senses (0: direct antonyms only)")
    args = parser.parse_args()
    rows = build(args.dict, args.senses)
    text = HEADER.format(version=args.version, senses=args.senses) + "".join("\t".join(r) + "\n" for r in rows)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(rows)} lemmas")


if __name__ == "__main__":
    main()
