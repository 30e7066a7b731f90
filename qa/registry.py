"""Rules and their registry: metadata, documentation parsed from docstrings, selection by code or prefix.

A rule is a plain function registered with ``@rule``. It asks for the sides
it needs by parameter name (``target``, ``source``, ``reference``,
``back_translation``); a parameter with a default is optional, one without is
required and the engine skips the rule when that side is missing. Its
docstring is its documentation: title line, then ``Why:``, ``Bad:``,
``Good:`` and ``Known limits:`` sections; the Bad/Good examples run as tests.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Iterable

from qa.model import CATEGORIES, SIDES, Hit, Severity, Side

RuleFunc = Callable[..., Iterable[Hit]]

_CODE = re.compile(r"^QA\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SECTION = re.compile(r"^(Why|Bad|Good|Known limits|Source|Source lang|Reference|Back-translation):\s*(.*)$")
_EXAMPLE_SIDES = {"Source": "source", "Source lang": "source_lang", "Reference": "reference", "Back-translation": "back_translation"}


@dataclass(frozen=True)
class Example:
    """A documented example: a target, and the source it translates where the rule needs one."""

    target: str
    source: str | None = None
    source_lang: str | None = None
    reference: str | None = None
    back_translation: str | None = None


@dataclass(frozen=True)
class RuleDoc:
    title: str
    why: str = ""
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    limits: str = ""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    func: RuleFunc = field(repr=False)
    sides: tuple[Side, ...]  # required
    optional_sides: tuple[Side, ...] = ()
    precondition: bool = False
    silences: tuple[str, ...] = ()  # for preconditions: code prefixes kept quiet when it fires ("" = all)
    quiet_inside: tuple[str, ...] = ()  # code or category prefixes: its findings inside theirs only echo them

    @property
    def doc(self) -> RuleDoc:
        return parse_doc(self.func.__doc__ or "")

    def wants(self, param: str) -> bool:
        return param in self._params

    @cached_property
    def _params(self) -> frozenset[str]:
        return frozenset(inspect.signature(self.func).parameters)  # once per rule, not per document


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    category: str,
    severity: str | Severity,
    *,
    precondition: bool = False,
    silences: tuple[str, ...] = (),
    quiet_inside: tuple[str, ...] = (),
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under a code and a kebab-case name."""

    def register(func: RuleFunc) -> RuleFunc:
        if not _CODE.match(code):
            raise ValueError(f"rule code {code!r} must look like QA123")
        if not _NAME.match(name):
            raise ValueError(f"rule name {name!r} must be kebab-case")
        if category not in CATEGORIES:
            raise ValueError(f"rule {code}: unknown category {category!r}")
        for other in _REGISTRY.values():
            if other.func is not func and (other.code == code or other.name == name):
                raise ValueError(f"rule {code} {name}: code or name already taken by {other.code} {other.name}")
        params = inspect.signature(func).parameters
        required = tuple(s for s in SIDES if s in params and params[s].default is inspect.Parameter.empty)
        optional = tuple(s for s in SIDES if s in params and params[s].default is not inspect.Parameter.empty)
        if "target" not in params:
            raise ValueError(f"rule {code}: every rule reads the target")
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            category=category,
            severity=Severity.parse(severity),
            func=func,
            sides=required,
            optional_sides=optional,
            precondition=precondition,
            silences=silences,
            quiet_inside=quiet_inside,
        )
        return func

    return register


def registered() -> list[Rule]:
    """Every rule registered so far, in code order (``qa.rules.all_rules`` imports the bundled ones first)."""
    return sorted(_REGISTRY.values(), key=lambda r: r.code)


def matches(rule: Rule, selector: str) -> bool:
    """A selector is ALL, a code, a code prefix (``QA1``, ``QA10``) or a rule name."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return True
    if sel.upper().startswith("QA"):
        return rule.code.startswith(sel.upper())
    return rule.name == sel.lower()


def select_rules(
    rules: Iterable[Rule], select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Rule]:
    """Apply --select then --ignore; an unknown selector is a usage error (ValueError)."""
    rules = list(rules)
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    for sel in (*select, *ignore):
        if not any(matches(r, sel) for r in rules):
            raise ValueError(f"no rule matches {sel!r} (see `qa rules`)")
    chosen = [r for r in rules if not select or any(matches(r, s) for s in select)]
    return [r for r in chosen if not any(matches(r, s) for s in ignore)]


def parse_doc(doc: str) -> RuleDoc:
    """Split a rule docstring into its sections; examples may write ``\\n`` for a line break."""
    lines = inspect.cleandoc(doc).splitlines()
    if not lines:
        return RuleDoc(title="")
    title = lines[0].strip()
    sections: dict[str, list[str]] = {}
    bad: list[Example] = []
    good: list[Example] = []
    current: str | None = None
    last_list: list[Example] | None = None
    for raw in lines[1:]:
        m = _SECTION.match(raw.strip())
        if m:
            key, rest = m.group(1), m.group(2)
            if key in ("Bad", "Good"):
                last_list = bad if key == "Bad" else good
                last_list.append(Example(_unescape(rest)))
                current = None
            elif key in _EXAMPLE_SIDES and last_list:
                value = rest.strip() if key == "Source lang" else _unescape(rest)
                last_list[-1] = replace(last_list[-1], **{_EXAMPLE_SIDES[key]: value})
            else:
                current = key
                sections[key] = [rest] if rest else []
            continue
        if current is not None:
            sections[current].append(raw.strip())
    text = {k: " ".join(" ".join(v).split()) for k, v in sections.items()}
    return RuleDoc(
        title=title,
        why=text.get("Why", ""),
        bad=tuple(bad),
        good=tuple(good),
        limits=text.get("Known limits", ""),
    )


def _unescape(s: str) -> str:
    """Examples write ``\\n`` for a line break and ``\\uXXXX`` for an invisible character."""
    s = s.strip().replace("\\n", "\n")
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)

