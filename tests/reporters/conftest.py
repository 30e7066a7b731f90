"""Reports the reporter tests render: the seed article, a small source+reference example, translation files, an HTML article."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.config import Config
from qa.engine import Engine
from qa.io import load_documents
from qa.report import Report

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "corpora" / "seed" / "000_e95d2a5f9d54e8aa.txt"
EXAMPLE = ROOT / "tests" / "data" / "example"
FORMATS = ROOT / "tests" / "data" / "formats"


def relative(report: Report) -> Report:
    """Paths as a user in the project folder would type them, so goldens do not depend on the checkout's place."""
    def rel(path: str) -> str:
        return Path(path).relative_to(ROOT).as_posix() if Path(path).is_relative_to(ROOT) else path

    for r in report.results:
        if r.document.path:
            r.document.path = rel(r.document.path)
        paths = r.document.metadata.get("paths")
        if isinstance(paths, dict):
            r.document.metadata["paths"] = {side: rel(p) for side, p in paths.items()}
    return report


def build(inputs: list[Path], **sides: Path) -> Report:
    docs = load_documents([str(p) for p in inputs], source_lang="sr", target_lang="en", **{k: str(v) for k, v in sides.items()})
    engine = Engine(Config(source_lang="sr"))
    report = Report()
    for d in docs:
        report.add(engine.check(d))
    return relative(report)


@pytest.fixture(scope="session")
def build_report():  # type: ignore[no-untyped-def]
    return build


@pytest.fixture(scope="session")
def seed_report() -> Report:
    return build([SEED])


@pytest.fixture(scope="session")
def example_report() -> Report:
    return build([EXAMPLE / "target.txt"], source=EXAMPLE / "source.sr.txt", reference=EXAMPLE / "reference.txt")


@pytest.fixture(scope="session")
def units_report() -> Report:
    """Documents made of translation units: every finding carries its unit."""
    return build([FORMATS / "article.xlf", FORMATS / "article.po", FORMATS / "article.csv"])


@pytest.fixture(scope="session")
def markup_report() -> Report:
    """An HTML article with its HTML source: findings placed in the files."""
    return build([FORMATS / "article.html"], source=FORMATS / "article.sr.html")


@pytest.fixture(scope="session")
def reports(seed_report: Report, example_report: Report, units_report: Report, markup_report: Report) -> dict[str, Report]:
    return {"seed": seed_report, "example": example_report, "units": units_report, "markup": markup_report}

