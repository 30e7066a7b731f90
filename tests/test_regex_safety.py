"""Every regular expression in qa/ runs in linear time on adversarial input (no catastrophic backtracking).

The patterns are found by reading the source (every literal passed to
``re``/``regex`` ``compile``, ``search``, ``finditer``, ...) and the bundled
boilerplate pattern files, so a new pattern is tested without being listed
here. Each is run, the way qa runs it, on long strings pumped from the
characters and words that make patterns backtrack (a long run of word
characters, dotted or hyphenated chains, dots, quotes, digits, spaces, the
pattern's own keywords). Linear patterns take milliseconds on these inputs;
a quadratic one takes seconds.

Known offenders are listed in ``QUADRATIC`` by file and exact pattern text,
as strict xfails: when the pattern is fixed its text changes, the xfail no
longer applies, and the fixed pattern must pass like any other.
"""

from __future__ import annotations

import ast
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import qa
from qa.boilerplate import PATTERN_TIMEOUT, load_patterns

PACKAGE = Path(qa.__file__).parent
N = 8_000  # characters per adversarial input: a linear pattern takes ~1 ms, a quadratic one ~0.5 s or more
BUDGET = 0.1  # seconds per input
_CALLS = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "finditer": 2, "findall": 2, "split": 3, "sub": 4, "subn": 4}
_FLAGS = {"IGNORECASE": re.I, "I": re.I, "MULTILINE": re.M, "M": re.M, "DOTALL": re.S, "S": re.S, "VERBOSE": re.X, "X": re.X, "ASCII": re.A, "A": re.A}

# Applied only to a slice of bounded length, so their backtracking cannot grow with the article.
BOUNDED = {
    ("qa/rules/fluency.py", r"(\S+)\.\s*$"): "applied to the 20 characters before a sentence",
    ("qa/numbers.py", r"[\s\u00a0]*(?:-)?([^\W\d_]+)\.?"): "applied to the 20 characters after a number",
}

# (file, pattern) -> why it is quadratic and the proposed fix. Empty: every offender found by this
# battery has been fixed; a new one is added here with a strict xfail until it is.
QUADRATIC: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Found:
    where: str
    file: str
    pattern: str
    flags: int
    module: str  # "re" or "regex"
    use: str  # finditer, fullmatch (boilerplate line patterns), search (boilerplate search patterns)

    def __str__(self) -> str:
        return self.where


def _flags(node: ast.expr | None) -> int:
    if isinstance(node, ast.Attribute):
        return int(_FLAGS.get(node.attr, 0))
    if isinstance(node, ast.BinOp):
        return _flags(node.left) | _flags(node.right)
    return 0


def source_patterns() -> list[Found]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = f"qa/{path.relative_to(PACKAGE).as_posix()}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {a.asname or a.name: a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names if a.name in ("re", "regex")}
        for n in ast.walk(tree):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)):
                continue
            if n.func.value.id not in modules or n.func.attr not in _CALLS or not n.args:
                continue
            first = n.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue  # built at run time from escaped words (re.escape): no repetition of their own
            flags = next((k.value for k in n.keywords if k.arg == "flags"), None)
            if flags is None and len(n.args) > _CALLS[n.func.attr]:
                flags = n.args[_CALLS[n.func.attr]]
            found.append(Found(f"{rel}:{n.lineno}", rel, first.value, _flags(flags), modules[n.func.value.id], "finditer"))
    return found


def module_patterns(seen: set[str]) -> list[Found]:
    """Compiled patterns held by the package's modules that the source scan cannot read as literals
    (patterns put together from named parts, ``re.compile(f"{_URL}|{_EMAIL}")``)."""
    import importlib

    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue  # running it is the command line
        rel = f"qa/{path.relative_to(PACKAGE).as_posix()}"
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        imported = {a.asname or a.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(n, ast.ImportFrom) for a in n.names}
        for attr, value in sorted(vars(importlib.import_module(name)).items()):
            if attr in imported:
                continue  # found where it is defined
            if isinstance(value, (re.Pattern, regex.Pattern)) and value.pattern not in seen:
                seen.add(value.pattern)
                module = "re" if isinstance(value, re.Pattern) else "regex"
                found.append(Found(f"{rel}:{attr}", rel, value.pattern, value.flags & (re.I | re.M | re.S | re.X), module, "finditer"))
    return found


def data_patterns() -> list[Found]:
    from qa.boilerplate import bundled_paths

    found = []
    for path in bundled_paths():
        rel = f"qa/{path.relative_to(PACKAGE).as_posix()}"
        for i, entry in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("pattern", []), start=1):
            use = "fullmatch" if entry.get("match", "line") == "line" else "search"
            found.append(Found(f"{rel} pattern {i}", rel, entry["regex"], re.I, "regex", use))
    return found


_SOURCE = source_patterns()
PATTERNS = _SOURCE + module_patterns({p.pattern for p in _SOURCE}) + data_patterns()


def adversarial(pattern: str) -> list[str]:
    units = list("aA1 \t\n.,-'’\"“”@/_(čЖ:|#") + ["a ", "a.", "a-", "a'", "a,", "a@", "1.", "1 ", ". ", "a/", 'a"', "Aa", "A.", "a’", ".a", "a\n", "a:", "1,", "1:", "Ã©"]
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]{2,}", pattern)} - {"w", "d", "s"})[:20]
    units += [w + " " for w in words] + ["1 " + w + " " for w in words] + [w + "." for w in words]
    out = []
    for u in units:
        s = (u * (N // len(u) + 1))[:N]
        out += [s, s + "\x00!"]
    return out


def _params() -> list:
    params = []
    for p in PATTERNS:
        marks = []
        if (p.file, p.pattern) in QUADRATIC:
            marks.append(pytest.mark.xfail(strict=True, reason=f"{p.where}: {QUADRATIC[(p.file, p.pattern)]}"))
        params.append(pytest.param(p, id=p.where, marks=marks))
    return params


def test_patterns_are_found() -> None:
    assert len(PATTERNS) > 40
    assert any(p.file == "qa/text.py" for p in PATTERNS) and any(p.use == "fullmatch" for p in PATTERNS)
    assert any(p.where == "qa/text.py:LINK" for p in PATTERNS)  # put together from parts, found compiled
    assert sum(p.file.endswith("boilerplate.toml") for p in PATTERNS) > 20


@pytest.mark.parametrize("found", _params())
def test_pattern_is_linear_on_adversarial_input(found: Found) -> None:
    if (found.file, found.pattern) in BOUNDED:
        pytest.skip(BOUNDED[(found.file, found.pattern)])
    module = regex if found.module == "regex" else re
    flags = found.flags | (regex.V0 if found.module == "regex" else 0)
    compiled = module.compile(found.pattern, flags)
    for text in adversarial(found.pattern):
        started = time.perf_counter()
        if found.use == "finditer":
            for _ in compiled.finditer(text):
                pass
        else:
            getattr(compiled, found.use)(text)
        elapsed = time.perf_counter() - started
        assert elapsed < BUDGET, f"{found.where} took {elapsed:.2f} s on {text[:12]!r}… ({len(text)} characters)"


def test_known_offenders_still_exist_in_the_source() -> None:
    """A fixed pattern should leave QUADRATIC too; a stale entry would hide nothing but clutter."""
    present = {(p.file, p.pattern) for p in PATTERNS}
    stale = [k for k in QUADRATIC if k not in present]
    assert not stale, f"fixed or moved, remove from QUADRATIC: {stale}"


def test_catastrophic_user_pattern_does_not_hang_a_run(tmp_path: Path) -> None:
    """A user's boilerplate pattern with nested quantifiers is cut off by the regex module's timeout."""
    from qa.config import Config
    from qa.engine import Engine
    from qa.model import Document

    patterns = tmp_path / "mine.toml"
    patterns.write_text("[[pattern]]\nrule = \"social-footer\"\nmatch = \"search\"\nregex = '(a+)+$'\n", encoding="utf-8")
    load_patterns.cache_clear()
    try:
        engine = Engine(Config(boilerplate=(patterns,), select=("QA204",)))
        article = "The talks went well.\n" + "a" * 40 + "b\n" + "a" * 40 + "!\nThe end."
        started = time.perf_counter()
        result = engine.check(Document(id="x", target=article))
        elapsed = time.perf_counter() - started
    finally:
        load_patterns.cache_clear()
    assert result.rule_errors == []
    assert elapsed < 3 * PATTERN_TIMEOUT + 1, f"{elapsed:.1f} s"
