"""Try qa on every class of bad input and print what each gets: exit code, seconds, documents, errors.

    python benchmarks/robustness.py            # the table in docs/ROBUSTNESS.md
    python benchmarks/robustness.py --quick    # without the 50 MB line and the 3,000-article corpus

Inputs are generated in a temporary directory (nothing is downloaded); each
runs as ``python -m qa check INPUT --format json --no-config -j 1`` in a
child process with a time limit, so a hang shows as a timeout, not a stuck
script.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

LIMIT = 300.0  # seconds before a run counts as hung

ARTICLE = (
    "Minister Ivica Dačić met Aleksandar Šapić and Žarko Čabarkapa in Belgrade on Monday.\n"
    "Pratite nas on Facebook, Twitter i Viber for more news from Niš and Čačak.\n"
)
CROATIAN = "Zagreb: Hrvatska vlada je u četvrtak donijela odluku. Plenković je rekao da će ključni zakoni proći.\n"
CYRILLIC = "Путин је рекао да ће Србија наставити сарадњу, рекао је Вучић.\n"
WESTERN = "Café owners in Zürich said the façade would be restored, Müller said.\n"
VOCAB = "the minister said that talks i u Beogradu would continue next week Vučić Đoković on Monday, \"quoted\" (aside) U.S. e.g.".split()


def words(n: int) -> str:
    return " ".join(VOCAB[(i * 7 + i // 3) % len(VOCAB)] for i in range(n))


def random_article(rnd: random.Random, tokens: int) -> str:
    scripts = ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "čćšžđČĆŠŽĐ", "абвгдђежзијклљмнњопрстћуфхцчџш", "日本語中文", "0123456789"]
    punct = list(".,;:!?…-–—/()[]'\"“”„‘’«»@#") + [" ", " ", " ", "\n", "\r\n", "\t"]
    odd = ["\x00", "\x1b[2J", "\u200b", "\u202e", "\ufeff", "\ud800", "\ufffd", "\U0001f600"]
    out = []
    for _ in range(tokens):
        r = rnd.random()
        if r < 0.5:
            out.append("".join(rnd.choice(rnd.choice(scripts)) for _ in range(rnd.randint(1, 9))))
        elif r < 0.95:
            out.append(rnd.choice(punct))
        else:
            out.append(rnd.choice(odd))
    return "".join(out)


def noise() -> bytes:
    rnd = random.Random(1)
    return bytes(rnd.randrange(1, 256) for _ in range(4096))


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def cases(tmp: Path, quick: bool) -> list[tuple[str, Callable[[], list[str]]]]:
    broken = [
        '{"id": "ok", "target": "The talks went well."}',
        "not json",
        '{"id": "no-target", "source": "x"}',
        '{"id": "wrong-type", "target": 42}',
        '["a list"]',
        '{"id": "ok", "target": "Repeated id."}',
        '{"id": "trunc", "target": "cut',
        "",
        '{"id": "lone", "target": "a \\ud800 b"}',
    ]

    def mixed_dir() -> list[str]:
        d = tmp / "mixed"
        write(d / "a_good.txt", ARTICLE)
        write(d / "b_binary.txt", bytes(range(256)) * 8)
        write(d / "c_cp1250.txt", ARTICLE.encode("cp1250"))
        write(d / "d_corpus.jsonl", '{"id": "x", "target": "Fine."}\nnot json\n')
        (d / "e_broken_link.txt").symlink_to(tmp / "nowhere")
        return [str(d)]

    def enormous() -> list[str]:
        path = tmp / "enormous.jsonl"
        with path.open("w", encoding="utf-8") as f:
            f.write('{"id": "before", "target": "Before."}\n')
            f.write('{"id": "big", "target": "' + "word " * 10_600_000 + '"}\n')
            f.write('{"id": "after", "target": "After."}\n')
        return [str(path)]

    def random_corpus() -> list[str]:
        rnd = random.Random(0)
        lines = []
        for n in range(3000):
            record = {"id": f"r{n}", "target": random_article(rnd, rnd.randint(0, 60)), "source_lang": rnd.choice(["sr", "hr", "en"])}
            if rnd.random() < 0.7:
                record["source"] = random_article(rnd, rnd.randint(0, 60))
            lines.append(json.dumps(record))
        return [str(write(tmp / "random3000.jsonl", "\n".join(lines) + "\n"))]

    def user_pattern() -> list[str]:
        cfg = write(tmp / "qa.toml", 'boilerplate = ["mine.toml"]\n')
        write(tmp / "mine.toml", "[[pattern]]\nrule = \"social-footer\"\nmatch = \"search\"\nregex = '(a+)+$'\n")
        art = write(tmp / "user-pattern.txt", "The talks went well.\n" + ("a" * 40 + "b\n") * 3)
        return ["--config", str(cfg), str(art)]

    def file(name: str, data: bytes | str) -> Callable[[], list[str]]:
        return lambda: [str(write(tmp / name, data))]

    table: list[tuple[str, Callable[[], list[str]]]] = [
        ("UTF-8 article", file("utf8.txt", ARTICLE)),
        ("UTF-8 with BOM", file("utf8bom.txt", codecs.BOM_UTF8 + ARTICLE.encode())),
        ("UTF-16 with BOM", file("utf16.txt", ARTICLE.encode("utf-16"))),
        ("UTF-16-LE without BOM", file("utf16le.txt", ARTICLE.encode("utf-16-le"))),
        ("Windows-1250 Serbian", file("cp1250.txt", ARTICLE.encode("cp1250"))),
        ("ISO-8859-2 Croatian", file("latin2.txt", CROATIAN.encode("iso8859_2"))),
        ("Windows-1251 Cyrillic", file("cp1251.txt", CYRILLIC.encode("cp1251"))),
        ("Windows-1252 Western", file("cp1252.txt", WESTERN.encode("cp1252"))),
        ("binary (PNG) as .txt", file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))),
        ("random bytes, no NUL", file("noise.txt", noise())),
        ("bad UTF-16 BOM", file("badbom.txt", b"\xff\xfe\x00\xd8")),
        ("empty file", file("empty.txt", b"")),
        ("missing path", lambda: [str(tmp / "missing.txt")]),
        ("empty directory", lambda: [str((tmp / "emptydir").mkdir() or tmp / "emptydir")]),
        ("directory: good + bad files", mixed_dir),
        ("JSONL: broken lines", file("broken.jsonl", "\n".join(broken) + "\n")),
        ("JSONL: lone surrogates", file("surrogates.jsonl", '{"id": "\\udc80", "target": "x \\ud800 y i Viber"}\n')),
        ("5 MB single-line article", file("5mb.txt", words(850_000))),
        ("60,000 curly quotes", file("curly.txt", "He said " + "“" * 60_000 + " and left.")),
        ("60,000 straight quotes", file("quotes.txt", "He said " + '"' * 60_000 + " and left.")),
        ("zero-width and bidi controls", file("bidi.txt", "The vote\u200b\u202e\u2066 was\u2069\u202c postponed\u200d. " * 4_000)),
        ("terminal escapes, rich markup", file("escapes.txt", "Minister\x1b[31m said\x07 [bold red]x[/bold red] \x9b2J. " * 4_000)),
        ("'a-a-a…' (60,000 chars)", file("hyphens.txt", "Word " + "a-" * 30_000)),
        ("'a.a.a…' (60,000 chars)", file("dotted.txt", "Word " + "a." * 30_000 + "x")),
        ("60,000 dots", file("dots.txt", "Word " + "." * 60_000 + "x")),
        ("one 60,000-letter word", file("longword.txt", "Word " + "a" * 60_000)),
        ("user pattern (a+)+$", user_pattern),
    ]
    if not quick:
        table += [("JSONL: 53 MB line", enormous), ("3,000 random-Unicode articles", random_corpus)]
    return table


def run(argv: list[str]) -> tuple[str, float, str, str]:
    command = [sys.executable, "-m", "qa", "check", "--format", "json", "-j", "1", *argv]
    if "--config" not in argv:
        command.insert(4, "--no-config")
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return "timeout", LIMIT, "-", "-"
    seconds = time.perf_counter() - started
    try:
        summary = json.loads(done.stdout)["summary"]
        docs, errors = str(summary["documents"]), str(summary["errors"])
    except (ValueError, KeyError):
        docs, errors = "-", "no JSON"
    if "Traceback" in done.stderr:
        errors += " TRACEBACK"
    return str(done.returncode), seconds, docs, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 53 MB line and the 3,000-article corpus")
    args = parser.parse_args()
    print("| input class | exit | seconds | documents | errors |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases(Path(tmp), args.quick):
            code, seconds, docs, errors = run(make())
            print(f"| {name} | {code} | {seconds:.1f} | {docs} | {errors} |", flush=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
