"""Configuration: found upward, read from qa.toml or [tool.qa], unknown keys named, every key takes effect."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qa.cli import main
from qa.config import Config, ConfigError, find_config, load_config, parse_config, parse_metrics
from qa.engine import Engine
from qa.model import Document, Severity

SIGNING = "Milan i Ana Petrović signed the decision in the city assembly."


def test_qa_toml_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('fail-on = "critical"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    path = find_config(deep)
    assert path == tmp_path / "qa.toml"
    assert load_config(path).policy.fail_on is Severity.CRITICAL


def test_pyproject_counts_only_with_a_tool_qa_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n", encoding="utf-8")
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text('[tool.qa]\nthreshold = 2.5\nignore = ["QA207"]\n', encoding="utf-8")
    path = find_config(tmp_path)
    assert path == tmp_path / "pyproject.toml"
    config = load_config(path)
    assert config.policy.threshold == 2.5 and config.ignore == ("QA207",)


def test_unknown_key_is_an_error_naming_it() -> None:
    with pytest.raises(ConfigError, match="unknown key 'fail_on'"):
        parse_config({"fail_on": "major"})


@pytest.mark.parametrize(
    "table, message",
    [
        ({"fail-on": "fatal"}, "unknown severity 'fatal'"),
        ({"severity": {"QA101": "huge"}}, "unknown severity 'huge'"),
        ({"select": [1]}, "'select' must be a list of strings"),
        ({"threshold": "high"}, "could not convert"),
    ],
)
def test_bad_values_are_errors(table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(table)


def test_every_key_is_read(tmp_path: Path) -> None:
    config = parse_config(
        {
            "select": ["QA1", "QA2"],
            "ignore": "QA207",
            "severity": {"QA101": "minor", "photo-credit": "info"},
            "fail-on": "critical",
            "threshold": 9,
            "source-lang": "hr",
            "target-lang": "en",
            "allow-words": ["Opstina"],
            "idioms": ["my-idioms.toml"],
            "boilerplate": ["chrome.toml"],
        },
        tmp_path / "qa.toml",
    )
    assert config.select == ("QA1", "QA2") and config.ignore == ("QA207",)
    assert config.severity == {"QA101": Severity.MINOR, "photo-credit": Severity.INFO}
    assert config.policy.fail_on is Severity.CRITICAL and config.policy.threshold == 9.0
    assert (config.source_lang, config.target_lang) == ("hr", "en")
    assert config.allow_words == frozenset({"opstina"})
    assert config.idioms == (tmp_path / "my-idioms.toml",) and config.boilerplate == (tmp_path / "chrome.toml",)


def _rules_found(config: Config) -> dict[str, Severity]:
    result = Engine(config).check(Document(id="d", target=SIGNING, source_lang="sr"))
    return {f.rule: f.severity for f in result.findings}


def test_severity_override_and_allow_words_take_effect() -> None:
    base = Config(source_lang="sr")
    assert _rules_found(base).get("QA101") is Severity.MAJOR
    assert _rules_found(parse_config({"source-lang": "sr", "severity": {"QA101": "info"}})).get("QA101") is Severity.INFO
    assert "QA101" not in _rules_found(parse_config({"source-lang": "sr", "allow-words": ["I"]}))


def test_cli_reads_the_config_and_flags_override_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\n" + SIGNING + "\n", encoding="utf-8")
    (tmp_path / "qa.toml").write_text('source-lang = "sr"\nfail-on = "critical"\nthreshold = 1000\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    assert main(["check", "a.txt", "--format", "json"], **quiet) == 0  # majors do not fail under fail-on critical
    assert main(["check", "a.txt", "--format", "json", "--fail-on", "major"], **quiet) == 1
    assert main(["check", "a.txt", "--format", "json", "--no-config", "--source-lang", "sr"], **quiet) == 1


def test_cli_bad_config_exits_2_with_the_key(tmp_path: Path) -> None:
    cfg = tmp_path / "qa.toml"
    cfg.write_text("selct = ['QA1']\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Fine text.\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["check", str(article), "--config", str(cfg)], stdout=io.StringIO(), stderr=err) == 2
    assert "unknown key 'selct'" in err.getvalue()
    err = io.StringIO()
    assert main(["check", str(article), "--config", str(tmp_path / "none.toml")], stdout=io.StringIO(), stderr=err) == 2
    assert "no such configuration file" in err.getvalue()


README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_configuration_works_in_a_qa_toml(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    assert block.startswith("[tool.qa]")
    (tmp_path / "qa.toml").write_text(block, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    in_qa_toml, in_pyproject = load_config(tmp_path / "qa.toml"), load_config(tmp_path / "pyproject.toml")
    assert in_qa_toml.ignore == in_pyproject.ignore == ("QA207",)
    assert in_qa_toml.severity == in_pyproject.severity


def test_qa_toml_takes_keys_at_top_level_or_under_tool_qa_not_both(tmp_path: Path) -> None:
    path = tmp_path / "qa.toml"
    path.write_text('[tool.qa]\nthreshold = 3.0\n', encoding="utf-8")
    assert load_config(path).policy.threshold == 3.0
    path.write_text('threshold = 2.0\n[tool.qa]\nthreshold = 3.0\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="top level or all under"):
        load_config(path)


def test_columns_are_read_and_checked(tmp_path: Path) -> None:
    config = parse_config({"columns": {"target": "en", "source": "sr"}})
    assert config.columns == {"target": "en", "source": "sr"}
    with pytest.raises(ConfigError, match="unknown column role 'english'"):
        parse_config({"columns": {"english": "en"}})
    with pytest.raises(ConfigError, match="'columns' must be a table"):
        parse_config({"columns": ["en"]})


def test_configured_columns_read_a_spreadsheet_and_the_flag_overrides_them(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text("key\tsr\ten\n1\tMarko i Ana.\tMarko i Ana came.\n", encoding="utf-8")
    (tmp_path / "qa.toml").write_text('source-lang = "sr"\n[columns]\nid = "key"\nsource = "sr"\ntarget = "en"\n', encoding="utf-8")
    out = io.StringIO()
    code = main(["check", str(sheet), "--config", str(tmp_path / "qa.toml"), "--format", "json", "-j", "1"], stdout=out, stderr=io.StringIO())
    import json

    [doc] = json.loads(out.getvalue())["documents"]
    assert code == 1 and doc["findings"][0]["unit"] == "1"
    err = io.StringIO()
    code = main(["check", str(sheet), "--config", str(tmp_path / "qa.toml"), "--columns", "target=missing"], stdout=io.StringIO(), stderr=err)
    assert code == 2 and "no 'missing' column" in err.getvalue()


@pytest.mark.parametrize(
    "value, chosen",
    [
        (["bleu", "chrf"], ("bleu", "chrf")),
        (["ter", "BLEU"], ("bleu", "ter")),  # case-insensitive, in the report's order
        ("chrf", ("chrf",)),
        (["none"], ()),
        ("all", ("bleu", "chrf", "ter")),
    ],
)
def test_metrics_key_chooses_the_document_metrics(value: object, chosen: tuple[str, ...]) -> None:
    assert parse_config({"metrics": value}).metrics == chosen


def test_metrics_default_is_every_metric() -> None:
    assert parse_config({}).metrics == Config().metrics == ("bleu", "chrf", "ter")


@pytest.mark.parametrize(
    "value, message",
    [
        (["bleu", "meteor"], "unknown metric 'meteor'"),
        (["none", "ter"], "none cannot be combined"),
        ([], "no metric named"),
        (3, "must be a list of metric names"),
        ([1], "must be a list of metric names"),
    ],
)
def test_bad_metrics_values_are_errors_naming_the_key(value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as e:
        parse_config({"metrics": value})
    assert "'metrics'" in str(e.value)


def test_parse_metrics_names_the_flag() -> None:
    with pytest.raises(ConfigError, match=r"^--metrics: unknown metric 'BLUE'"):
        parse_metrics(["BLUE"], "--metrics")


def test_cli_reads_the_metrics_key_and_the_flag_replaces_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    (tmp_path / "a.txt").write_text("The cat sat on the mat.\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("The cat is sitting on the mat.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.qa]\nmetrics = ["chrf"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def metrics(*flags: str) -> list[str]:
        out = io.StringIO()
        main(["check", "a.txt", "--reference", "ref.txt", "--format", "json", *flags], stdout=out, stderr=io.StringIO())
        return list(json.loads(out.getvalue())["documents"][0]["metrics"])

    assert metrics() == ["chrf"]
    assert metrics("--metrics", "ter,bleu") == ["bleu", "ter"]
    assert metrics("--metrics", "none") == []
    assert metrics("--no-config") == ["bleu", "chrf", "ter"]


def test_cli_bad_metrics_in_the_config_exits_2_without_a_traceback(tmp_path: Path) -> None:
    cfg = tmp_path / "qa.toml"
    cfg.write_text('metrics = ["bleu", "comet"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Fine text.\n", encoding="utf-8")
    err = io.StringIO()
    assert main(["check", str(article), "--config", str(cfg)], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == f"qa: error: {cfg}: 'metrics': unknown metric 'comet' (known: bleu, chrf, ter, all or none)\n"
