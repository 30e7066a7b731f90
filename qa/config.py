"""Run configuration: which rules, their severities, the pass/fail policy, user allowlists and data,
and which of sacrebleu's document metrics a report carries.

Read from ``[tool.qa]`` in ``pyproject.toml`` or from ``qa.toml`` (found
upward from the working directory, or named with ``--config``), then
overridden by command-line flags. A ``qa.toml`` takes its keys at top level
or under ``[tool.qa]`` (so the table can be copied from ``pyproject.toml``
as it is), not both. Unknown keys are errors that name the key, so a typo
never silently turns a check off.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from qa.model import Severity
from qa.scoring import Policy


class ConfigError(ValueError):
    """A configuration file or value is wrong; the message names file and key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # per rule code or name
    policy: Policy = Policy()
    source_lang: str | None = None
    target_lang: str | None = None
    allow_words: frozenset[str] = frozenset()  # never reported as untranslated (case-insensitive)
    idioms: tuple[Path, ...] = ()  # extra idiom tables
    boilerplate: tuple[Path, ...] = ()  # extra boilerplate pattern files
    columns: dict[str, str] = field(default_factory=dict)  # CSV/TSV column names by role (id, source, target, ...)
    metrics: tuple[str, ...] = ("bleu", "chrf", "ter")  # sacrebleu's document metrics to compute (qa.metrics.METRICS order)
    path: Path | None = None  # where it was read from

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {
    "select",
    "ignore",
    "severity",
    "fail-on",
    "threshold",
    "source-lang",
    "target-lang",
    "allow-words",
    "idioms",
    "boilerplate",
    "columns",
    "metrics",
}


def parse_metrics(names: Any, where: str = "'metrics'") -> tuple[str, ...]:
    """The document metrics to compute, from ``bleu``, ``chrf`` and ``ter`` (``all``: the three; ``none``: none).

    Why a choice: sacrebleu's TER is pure Python and costs most of a reference-mode run, and a
    CI gate may not need every score. Returned in the report's order (bleu, chrf, ter), whatever
    the order asked, so one selection always gives one report. ``where`` starts each message
    (the key in its file, or the flag).
    """
    from qa.metrics import METRICS

    known = f"{', '.join(METRICS)}, all or none"
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"{where}: must be a list of metric names ({known})")
    written = {n.strip().lower(): n.strip() for n in names if n.strip()}  # case-insensitive, named as written
    wanted = set(written)
    if not wanted:
        raise ConfigError(f"{where}: no metric named; give {known}")
    unknown = [written[n] for n in written if n not in {*METRICS, "all", "none"}]
    if unknown:
        raise ConfigError(f"{where}: unknown metric {unknown[0]!r} (known: {known})")
    if "none" in wanted and len(wanted) > 1:
        raise ConfigError(f"{where}: none cannot be combined with other metrics")
    if "none" in wanted:
        return ()
    if "all" in wanted:
        return METRICS
    return tuple(m for m in METRICS if m in wanted)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``qa.toml``, or ``pyproject.toml`` with a ``[tool.qa]`` table, upward from ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "qa.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "qa" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read configuration ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML ({e})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("qa", {})
    elif "tool" in data:
        tool = data["tool"]
        if not isinstance(tool, dict) or set(tool) != {"qa"} or set(data) != {"tool"}:
            raise ConfigError(f"{path}: put the keys at top level or all under [tool.qa], not both (and no other [tool.*] table)")
        table = tool["qa"]
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.qa] must be a table")
    return parse_config(table, path)


def parse_config(table: dict[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "configuration"
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of strings")
        return tuple(value)

    base = path.parent if path else Path.cwd()
    try:
        severity = {str(k): Severity.parse(v) for k, v in dict(table.get("severity", {})).items()}
        policy = Policy(
            fail_on=Severity.parse(table.get("fail-on", Policy.fail_on.value)),
            threshold=float(table.get("threshold", Policy.threshold)),
        )
    except (ValueError, TypeError) as e:
        raise ConfigError(f"{where}: {e}") from None
    columns = table.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) and v.strip() for v in columns.values()):
        raise ConfigError(f"{where}: 'columns' must be a table of column names, e.g. columns = {{ target = \"en\", source = \"sr\" }}")
    from qa.io.tabular import ROLES

    unknown_roles = sorted(set(columns) - set(ROLES))
    if unknown_roles:
        raise ConfigError(f"{where}: unknown column role {unknown_roles[0]!r} in 'columns' (known: {', '.join(ROLES)})")
    return Config(
        select=strings("select"),
        ignore=strings("ignore"),
        severity=severity,
        policy=policy,
        source_lang=table.get("source-lang"),
        target_lang=table.get("target-lang"),
        allow_words=frozenset(w.lower() for w in strings("allow-words")),
        idioms=tuple(base / p for p in strings("idioms")),
        boilerplate=tuple(base / p for p in strings("boilerplate")),
        columns=dict(columns),
        metrics=parse_metrics(table["metrics"], f"{where}: 'metrics'") if "metrics" in table else Config.metrics,
        path=path,
    )
