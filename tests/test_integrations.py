"""The GitHub Action and the pre-commit hooks: well formed, and what they run is a working qa command."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import yaml

from qa.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "corpora" / "seed" / "000_e95d2a5f9d54e8aa.txt")


def test_action_declares_every_input_it_uses_and_uploads_sarif() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    action = yaml.safe_load(text)
    assert action["runs"]["using"] == "composite"
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used <= set(action["inputs"]), used - set(action["inputs"])
    uses = [s.get("uses", "") for s in action["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    for step in action["runs"]["steps"]:  # inputs reach scripts through env, never spliced into them
        assert "${{ inputs." not in step.get("run", "")


def test_pre_commit_hooks_run_qa_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} >= {"qa"}
    for hook in hooks:
        argv = shlex.split(hook["entry"])
        assert argv[:2] == ["qa", "check"] and re.search(hook["files"], "article.txt")
        code = main([*argv[1:], SEED, "--source-lang", "sr"], stdout=io.StringIO(), stderr=io.StringIO())
        assert code == 1  # the seed article fails: the hook would stop the commit
