#!/usr/bin/env python3
"""Build the English antonym table from WordNet's antonym pointers.

QA907 (antonym-swap) asks whether a word of the translation is the opposite
of a word its reference sentence has where the translation lacks it ("light
rain" for "heavy rain"). Which words are opposites is lexical knowledge, so
it comes from the field's standard resource, WordNet, not from a hand list.
Written to ``qa/data/languages/en/antonyms.tsv``, between one-word lemmas:

- every antonym pointer (``!``) of nouns, verbs, adjectives and adverbs
  (WordNet's direct antonyms: "heavy" against "light");
- the synonyms of the pointer's two words in their synsets ("begin" against
  "end" brings "terminate" and "cease");
- WordNet's indirect antonyms: a satellite adjective against the antonyms of
  the head it is similar to ("tiny", similar to "small", against "large").

The last two are looser, so each word joins only through one of its
``--senses`` most frequent senses (WordNet's index order), and closed-class
words (``function_words.txt``: "all", "both", "any", "other") take only
their direct antonyms, since their satellite senses are quantifiers that a
translation paraphrases freely. Measured on the dev halves of DEMETR's
antonym items and the MQM data (reference mode): two senses caught more than
one and a third added only findings on real MT.

The table also carries the irregular inflections of its lemmas from
WordNet's exception lists (``verb.exc``, ``noun.exc``, ``adj.exc``:
"worse" -> "bad", "lost" -> "lose"), so qa reads inflected words with no
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "qa" / "data" / "languages" / "en" / "antonyms.tsv"
CLOSED = ROOT / "qa" / "data" / "languages" / "en" / "function_words.txt"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_MARKER = re.compile(r"\((?:a|p|ip)\)$")  # adjective syntactic markers: "galore(ip)"
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

HEADER = """\
# English antonyms: each one-word lemma of WordNet that has an antonym, with its part of speech.
# Provenance: WordNet 3.0, Princeton University (Debian package wordnet-base {version}): its antonym
# pointers ('!') between one-word lemmas, the synonyms of their two words, and indirect antonyms of
# satellite adjectives (each through one of a word's {senses} most frequent senses, closed-class words
# through direct antonyms only), with the irregular forms of the lemmas from its exception lists;
# built by scripts/build_antonyms.py, do not edit by hand.
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


@dataclass
class Synsets:
    """One part of speech of WordNet: each synset's words, antonym pointers and (satellites) heads."""

    words: dict[str, list[str]] = field(default_factory=dict)
    antonyms: dict[str, list[tuple[int, str, int]]] = field(default_factory=dict)  # (word no., synset, word no.)
    heads: dict[str, list[str]] = field(default_factory=dict)  # satellite adjective synset -> similar heads


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


def read_data(path: Path) -> Synsets:
    """The synsets of one ``data.POS`` file (format: WordNet's wndb(5WN))."""
    out = Synsets()
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split()
        offset, ss_type, count = fields[0], fields[2], int(fields[3], 16)
        out.words[offset] = [_lemma(fields[4 + 2 * i]) for i in range(count)]
        k = 4 + 2 * count
        for i in range(int(fields[k])):
            symbol, target, _pos, st = fields[k + 1 + 4 * i: k + 5 + 4 * i]
            if symbol == "!":
                out.antonyms.setdefault(offset, []).append((int(st[:2], 16), target, int(st[2:], 16)))
            elif symbol == "&" and ss_type == "s":
                out.heads.setdefault(offset, []).append(target)
    return out


def antonym_pairs(syn: Synsets, index: dict[str, list[str]], senses: int, closed: frozenset[str]) -> set[tuple[str, str]]:
    """Every (word, antonym) pair of one part of speech, both ways round."""

    def loose(word: str, synset: str) -> bool:  # may join through a synonym or a satellite
        return word not in closed and synset in index.get(word, [])[:senses]

    pairs: set[tuple[str, str]] = set()
    for offset, pointers in syn.antonyms.items():
        for src, target, dst in pointers:
            pairs.add((syn.words[offset][src - 1], syn.words[target][dst - 1]))
            pairs |= {(a, b) for a in syn.words[offset] for b in syn.words[target] if loose(a, offset) and loose(b, target)}
    for satellite, heads in syn.heads.items():
        for head in heads:
            for _src, target, _dst in syn.antonyms.get(head, ()):
                pairs |= {(a, b) for a in syn.words[satellite] for b in syn.words[target]
                          if loose(a, satellite) and loose(b, target)}
    pairs = {(a, b) for a, b in pairs if a != b and _WORD.match(a) and _WORD.match(b)}
    return pairs | {(b, a) for a, b in pairs}


def read_exceptions(path: Path) -> dict[str, set[str]]:
    """lemma -> its irregular forms, from one ``POS.exc`` file (form first, then its lemmas)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="latin-1").splitlines():
        form, *lemmas = line.split()
        for lemma in lemmas:
            if form != lemma:
                forms[lemma].add(form)
    return forms


def build(dict_dir: Path, senses: int, closed: frozenset[str] = frozenset()) -> list[tuple[str, str, str, str]]:
    """The table's rows: (lemma, part of speech, antonyms, irregular forms)."""
    rows = []
    for name, pos in POS.items():
        pairs = antonym_pairs(read_data(dict_dir / f"data.{name}"), read_index(dict_dir / f"index.{name}"), senses, closed)
        table: dict[str, set[str]] = defaultdict(set)
        for a, b in pairs:
            table[a].add(b)
        exc = read_exceptions(dict_dir / f"{name}.exc")
        for lemma, antonyms in table.items():
            forms = sorted(f for f in exc.get(lemma, ()) if _WORD.match(f))
            rows.append((lemma, pos, "|".join(sorted(antonyms)), "|".join(forms)))
    return sorted(rows)


def read_closed(path: Path) -> frozenset[str]:
    lines = (ln.split("#", 1)[0].strip().lower() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(ln for ln in lines if ln)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=Path("/usr/share/wordnet"), help="WordNet's dictionary folder")
    parser.add_argument("--version", default="1:3.0-37", help="the Debian package version, for the provenance line")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--senses", type=int, default=2,
                        help="a word joins through a synonym or a satellite only in its N most frequent senses (0: direct antonyms only)")
    args = parser.parse_args()
    rows = build(args.dict, args.senses, read_closed(CLOSED))
    text = HEADER.format(version=args.version, senses=args.senses) + "".join("\t".join(r) + "\n" for r in rows)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(rows)} lemmas")


if __name__ == "__main__":
    main()
